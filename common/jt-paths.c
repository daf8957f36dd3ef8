/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-paths.c: XDG locations of the database and the kept documents. */
#include "jt-paths.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "jt-error.h"
#include "jt-i18n.h"

char *
jt_paths_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "jobtrack", NULL);
}

/* The database used when none is named: $XDG_DATA_HOME/jobtrack/jobtrack.db. */
static char *
usual_database (void)
{
  g_autofree char *dir = jt_paths_data_dir ();

  return g_build_filename (dir, "jobtrack.db", NULL);
}

char *
jt_paths_files_dir (const char *db_path)
{
  g_autofree char *usual = usual_database ();
  g_autofree char *usual_path = g_canonicalize_filename (usual, NULL);
  g_autofree char *path = g_canonicalize_filename (db_path, NULL);

  /* Compared as absolute paths: "--db ./jobtrack.db" in the data folder is the usual one. */
  if (g_str_equal (path, usual_path))
    return g_build_filename (g_get_user_data_dir (), "jobtrack", "files", NULL);
  return g_strconcat (path, ".files", NULL);
}

char *
jt_paths_database (const char *override)
{
  const char *env = g_getenv ("JOBTRACK_DB");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return usual_database ();
}

gboolean
jt_paths_prepare_database_dir (const char *db_path, GError **error)
{
  g_autofree char *data_dir = jt_paths_data_dir ();
  g_autofree char *db_dir = g_path_get_dirname (db_path);

  if (g_strcmp0 (data_dir, db_dir) != 0)
    return TRUE;
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, JT_ERROR,
                   errno == EROFS || errno == EACCES ? JT_ERROR_READ_ONLY : JT_ERROR_FAILED,
                   _ ("cannot create %s: %s"), data_dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
