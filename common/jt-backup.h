/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-backup.h: the whole database as one versioned JSON document, and back (the
 * applications as CSV for spreadsheets: jt-csv-export.h). */
#pragma once

#include <glib.h>

#include "jt-store.h"
#include "jt-write.h"

G_BEGIN_DECLS

/* Every record — applications with their status history and decision dates, interviews
 * with their people, contacts with roles, offers, outcomes, touches, reminders with
 * their states and uids — with ids, as JSON text:
 *   {"format": "jobtrack-backup", "version": 1, "schema": N,
 *    "tables": {"applications": [{"id": 1, "company": "Globex", ...}, ...], ...},
 *    "sequences": {"applications": N, ..., "reminders": N}}
 * one member per table in dependency order, rows in primary-key order, every column by
 * its name (integer, text or null); "sequences" keeps the id counters of applications,
 * contacts, interviews, offers (from schema 9) and reminders, so
 * that an id once used is never handed out again. Read in one snapshot; deterministic;
 * pretty-printed with a final newline. Handed to `write` as it is made, a row at a time
 * (a long search's backup is hundreds of MB); FALSE with a JT_ERROR when the store
 * cannot be read or a value cannot be backed up, or with `write`'s error. */
gboolean jt_backup_dump_write (JtStore *store, JtWriteFunc write, gpointer user_data,
                               GError **error);

/* The same, and with `files_dir` (the folder of kept files, jt-documents.h) not NULL,
 * the content of every kept file as well, base64 by its SHA-256:
 *   "contents": {"<sha256>": "<base64>", ...}
 * so that a restore puts the files back. A kept file missing from the folder, or no
 * longer of its digest, fails the backup (JT_ERROR_NOT_FOUND, JT_ERROR_INVALID). */
gboolean jt_backup_dump_write_files (JtStore *store, const char *files_dir, JtWriteFunc write,
                                     gpointer user_data, GError **error);

/* The same document as one string. New string, or NULL. */
char *jt_backup_dump (JtStore *store, GError **error);
/* The same, with the kept files' content from `files_dir`. New string, or NULL. */
char *jt_backup_dump_with_files (JtStore *store, const char *files_dir, GError **error);

/* Restores a dump into an empty database, in one transaction, ids and all, so that
 * dumping again gives the same document. A database that holds records, or a document
 * that is not a jobtrack backup (or from a newer one), is refused with
 * JT_ERROR_INVALID and nothing is written; so is a row that a constraint refuses (the
 * message names its table and id). Only settings may already exist (they are replaced by
 * the backup's). Rows are written as they are: the commit hook (the rules) sees no
 * change and derives nothing. */
gboolean jt_backup_restore (JtStore *store, const char *json, gsize length, GError **error);

/* The same, and the files' content the backup holds is checked, each against its SHA-256
 * and size (a content that is not base64 or does not match refuses the whole restore,
 * nothing written), then kept in `files_dir` (NULL: checked only). On success `missing`
 * (may be NULL) is a new array of names ("cv.pdf (sha256 0123456789ab…)") of the files
 * the records use that `files_dir` still lacks, or holds damaged: a backup made without
 * their content. A kept file the backup holds the content of is replaced when damaged. */
gboolean jt_backup_restore_files (JtStore *store, const char *json, gsize length,
                                  const char *files_dir, GPtrArray **missing, GError **error);

G_END_DECLS
