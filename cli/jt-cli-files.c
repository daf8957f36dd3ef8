/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-cli-files.c: the folder of the kept documents of the database a command uses. */
#include "jt-cli.h"

#include <glib/gstdio.h>

#include "jt-documents.h"
#include "jt-i18n.h"
#include "jt-paths.h"
#include "jt-store-documents.h"

/* Before each database had a folder of its own, every one kept its files in the usual
 * database's. A database other than the usual one whose folder does not exist yet takes
 * a copy of the files it knows from there, once: copied, never moved, since another
 * database may use them too. What cannot be copied is said in a note; the command goes
 * on, and `app files` shows what is missing. */
static void
carry_over (JtCli *cli, const char *db_path, const char *dir)
{
  g_autofree char *data_dir = jt_paths_data_dir ();
  g_autofree char *shared = g_build_filename (data_dir, "files", NULL);
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  JtStore *store;
  guint copied = 0;

  if (g_str_equal (shared, dir) || g_file_test (dir, G_FILE_TEST_EXISTS)
      || !g_file_test (shared, G_FILE_TEST_IS_DIR) || !g_file_test (db_path, G_FILE_TEST_EXISTS))
    return;
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (files = jt_store_file_list (store, &error)) == NULL)
    {
      g_printerr (_ ("jobtrack: note: cannot look for this database's files in %s: %s\n"), shared,
                  error->message);
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const JtStoredFile *file = g_ptr_array_index (files, i);
      g_autofree char *from = jt_documents_path (shared, file->sha256);
      g_autofree char *data = NULL;
      gsize length = 0;

      /* Only a whole, undamaged copy is taken. */
      if (!jt_documents_is_kept (shared, file->sha256, file->size)
          || !g_file_get_contents (from, &data, &length, &error))
        {
          g_clear_error (&error);
          continue;
        }
      {
        g_autoptr (GBytes) contents = g_bytes_new_take (g_steal_pointer (&data), length);

        if (!jt_documents_keep (dir, file->sha256, contents, &error))
          {
            g_printerr (_ ("jobtrack: note: cannot copy this database's files to %s: %s; copy "
                           "them from %s by hand\n"),
                        dir, error->message, shared);
            return;
          }
      }
      copied++;
    }
  if (copied > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "jobtrack: note: copied %u kept file of this database from %s to %s, "
                             "its own folder\n",
                             "jobtrack: note: copied %u kept files of this database from %s to %s, "
                             "its own folder\n",
                             copied),
                copied, shared, dir);
}

char *
jt_cli_files_dir (JtCli *cli)
{
  g_autofree char *path = jt_paths_database (cli->db_option);
  char *dir = jt_paths_files_dir (path);

  carry_over (cli, path, dir);
  return dir;
}
