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

/* The same document as one string. New string, or NULL. */
char *jt_backup_dump (JtStore *store, GError **error);

/* Restores a dump into an empty database, in one transaction, ids and all, so that
 * dumping again gives the same document. A database that holds records, or a document
 * that is not a jobtrack backup (or from a newer one), is refused with
 * JT_ERROR_INVALID and nothing is written; so is a row that a constraint refuses (the
 * message names its table and id). Only settings may already exist (they are replaced by
 * the backup's). Rows are written as they are: the commit hook (the rules) sees no
 * change and derives nothing. */
gboolean jt_backup_restore (JtStore *store, const char *json, gsize length, GError **error);

G_END_DECLS
