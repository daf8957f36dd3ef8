/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-backup-restore.c: JSON backups through jt_backup_restore (`import --json`).
 *
 * A restore that succeeds is dumped again and must restore into a second empty database
 * to the same dump (what jt-backup.h promises); then both databases are replaced by fresh
 * ones, so that every input meets an empty store. */
#include <string.h>

#include "jt-backup.h"
#include "jt-fuzz.h"

static JtStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;
  JtStore *second;

  if (store == NULL)
    store = jt_fuzz_store_new ();
  if (!jt_backup_restore (store, (const char *) data, size, &error))
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  dump = jt_backup_dump (store, &error);
  g_assert_no_error (error);
  second = jt_fuzz_store_new ();
  if (!jt_backup_restore (second, dump, strlen (dump), &error))
    g_error ("a dump of a restored backup does not restore: %s", error->message);
  again = jt_backup_dump (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, again);
  jt_fuzz_store_free (second);
  g_clear_pointer (&store, jt_fuzz_store_free);
  return 0;
}
