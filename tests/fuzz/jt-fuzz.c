/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-fuzz.c: the temporary databases and files of the fuzz targets. */
#include "jt-fuzz.h"

#include <glib/gstdio.h>

static char *
temp_folder (void)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "jt-fuzz-XXXXXX", NULL);
  char *folder = g_mkdtemp (g_steal_pointer (&template));

  if (folder == NULL)
    g_error ("cannot make a temporary folder in %s", base);
  return folder;
}

void
jt_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

/* The store alone: a fuzzer that needs the rules attaches them (jt_rules_attach). */
static gboolean
derive_nothing (JtStore *store, const JtStoreChanges *changes, gpointer user_data, GError **error)
{
  return TRUE;
}

static JtStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  JtStore *store = jt_store_open (path, JT_STORE_WRITE, derive_nothing, NULL, &error);

  if (store == NULL)
    g_error ("cannot open %s: %s", path, error->message);
  return store;
}

/* The bytes of an empty database of the newest schema, made once: migrating a new file
 * for every input (nine migrations, four of them making tables again) was most of what a
 * target did. A copy of these bytes is the same file, closed cleanly (no -wal). */
static GBytes *
empty_database (void)
{
  static GBytes *bytes;

  if (bytes == NULL)
    {
      g_autofree char *folder = temp_folder ();
      g_autofree char *path = g_build_filename (folder, "template.db", NULL);
      g_autoptr (GError) error = NULL;
      char *contents;
      gsize length;

      jt_store_free (open_store (path));
      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("cannot read %s: %s", path, error->message);
      bytes = g_bytes_new_take (contents, length);
      g_unlink (path);
      g_rmdir (folder);
    }
  return bytes;
}

JtStore *
jt_fuzz_store_new (void)
{
  GBytes *empty = empty_database ();
  g_autofree char *folder = temp_folder ();
  g_autofree char *path = g_build_filename (folder, "jobtrack.db", NULL);
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (empty, &length);

  if (!g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600,
                                 &error))
    g_error ("cannot write %s: %s", path, error->message);
  return open_store (path);
}

void
jt_fuzz_store_free (JtStore *store)
{
  g_autofree char *path = g_strdup (jt_store_get_path (store));
  g_autofree char *folder = g_path_get_dirname (path);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  jt_store_free (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (folder);
}

char *
jt_fuzz_temp_path (const char *name)
{
  static char *folder;

  if (folder == NULL)
    folder = temp_folder ();
  return g_build_filename (folder, name, NULL);
}
