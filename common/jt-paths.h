/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-paths.h: where jobtrack keeps its files (XDG base directories). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder for jobtrack's data: $XDG_DATA_HOME/jobtrack. New string. */
char *jt_paths_data_dir (void);

/* Where the database at `db_path` (as jt_paths_database gives it) keeps the documents
 * of its applications, one file per content named by its SHA-256 (jt-documents.h).
 * Each database has its own folder, so that `app rm` in one never deletes a file
 * another still uses: the usual database ($XDG_DATA_HOME/jobtrack/jobtrack.db) keeps
 * them in $XDG_DATA_HOME/jobtrack/files, any other in "DB_PATH.files" beside it (an
 * absolute path; a relative `db_path` is taken from the current folder). New string. */
char *jt_paths_files_dir (const char *db_path);

/* The database to use: `override` when given (the --db option), else $JOBTRACK_DB,
 * else $XDG_DATA_HOME/jobtrack/jobtrack.db. New string. */
char *jt_paths_database (const char *override);

/* Creates the folder of `db_path` with mode 0700 when it is jobtrack's own data folder;
 * a folder the person named themselves must already exist. */
gboolean jt_paths_prepare_database_dir (const char *db_path, GError **error);

G_END_DECLS
