/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-test-util.h: what several unit tests need: removing their temporary folder, and
 * checking that every statement a store prepared has an index behind it. */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

/* A writer on the database at `path` whose commit hook derives nothing: the store alone,
 * for the tests of the store and of what sits below the rules (jt_rules_attach gives it
 * rules). Programs open theirs with jt_rules_open_store. New store, or NULL. */
JtStore *jt_test_store_open (const char *path, GError **error);

/* Removes `path` and everything below it, read-only folders included; never follows a
 * symlink. */
void jt_test_remove_tree (const char *path);

/* The statements `store` has prepared that SQLite would answer by scanning a table
 * (outside whole-table listings, which have no WHERE of their own) or by sorting in a
 * temporary b-tree, planned against the file at `path`. SQLite's own sqlite_sequence
 * (one row per AUTOINCREMENT table) may be scanned, and a full-text MATCH counts as
 * indexed. A new array of "SQL -> plan" lines;
 * empty when every query is indexed. */
GPtrArray *jt_test_unindexed_queries (JtStore *store, const char *path);

/* The plan SQLite makes for `sql` on the database at `path`: its detail lines, one a line.
 * New string. */
char *jt_test_query_plan (const char *path, const char *sql);

/* SQL that takes a database of the newest schema back to what schema 12 made of it: no
 * index of applications' links, no posted_on_day, no pending push (0013). */
#define JT_TEST_UNDO_SCHEMA_13                                                                     \
  "DROP INDEX applications_by_url; ALTER TABLE postings DROP COLUMN posted_on_day; "               \
  "ALTER TABLE sync_items DROP COLUMN pending_ics; "                                               \
  "ALTER TABLE sync_items DROP COLUMN pending_revision; PRAGMA user_version = 12; "

/* SQL that takes a database of the newest schema back to what schema 11 made of it: no
 * postings (0012). The reminders keep the check that admits closing_date, which 0012
 * makes again all the same. */
#define JT_TEST_UNDO_SCHEMA_12                                                                     \
  JT_TEST_UNDO_SCHEMA_13 "DROP TABLE postings; PRAGMA user_version = 11; "

/* SQL that takes a database of the newest schema back to what schema 10 made of it: no
 * documents, résumé versions or kept files (0011). */
#define JT_TEST_UNDO_SCHEMA_11 JT_TEST_UNDO_SCHEMA_12 JT_TEST_UNDO_SCHEMA_11_ALONE
#define JT_TEST_UNDO_SCHEMA_11_ALONE                                                               \
  "DROP TABLE documents; DROP TABLE resume_versions; DROP TABLE files; "                           \
  "DELETE FROM sqlite_sequence WHERE name IN ('documents', 'resume_versions'); "                   \
  "PRAGMA user_version = 10; "

/* SQL that takes a database of the newest schema back to what schema 9 made of it: no
 * sync state (0010). */
#define JT_TEST_UNDO_SCHEMA_10 JT_TEST_UNDO_SCHEMA_11 JT_TEST_UNDO_SCHEMA_10_ALONE
#define JT_TEST_UNDO_SCHEMA_10_ALONE                                                               \
  "DROP TABLE sync_items; DROP TABLE sync_collection; PRAGMA user_version = 9; "

/* SQL that takes a database of the newest schema back to the columns schema 8 had (its
 * tables keep AUTOINCREMENT, which 0009 makes again all the same). */
#define JT_TEST_UNDO_SCHEMA_9 JT_TEST_UNDO_SCHEMA_10 JT_TEST_UNDO_SCHEMA_9_ALONE
#define JT_TEST_UNDO_SCHEMA_9_ALONE                                                                \
  "ALTER TABLE reminders DROP COLUMN shown_digest; ALTER TABLE interviews DROP COLUMN "            \
  "shown_digest; ALTER TABLE interviews DROP COLUMN revision; PRAGMA user_version = 8; "

/* SQL that takes a database of the newest schema back to what schema 7 made of it (a
 * rule's follow-up then also held its words: the tests of 0008 write them back). */
#define JT_TEST_UNDO_SCHEMA_8 JT_TEST_UNDO_SCHEMA_9 JT_TEST_UNDO_SCHEMA_8_ALONE
#define JT_TEST_UNDO_SCHEMA_8_ALONE                                                                \
  "ALTER TABLE reminders DROP COLUMN since_day; ALTER TABLE reminders DROP COLUMN offer_id; "      \
  "PRAGMA user_version = 7; "

/* SQL that takes a database of the newest schema back to what schema 6 made of it. */
#define JT_TEST_UNDO_SCHEMA_7                                                                      \
  JT_TEST_UNDO_SCHEMA_8 "DROP INDEX reminders_undelivered_by_time; PRAGMA user_version = 6; "

/* SQL that takes a database of the newest schema back to what schema 5 made of it (the
 * tests of older migrations run it before going further back). */
#define JT_TEST_UNDO_SCHEMA_6                                                                      \
  JT_TEST_UNDO_SCHEMA_8                                                                            \
  "DROP INDEX reminders_undelivered_by_time; "                                                     \
  "DROP TRIGGER search_application_insert; DROP TRIGGER search_application_update; "               \
  "DROP TRIGGER search_application_delete; DROP TRIGGER search_contact_insert; "                   \
  "DROP TRIGGER search_contact_update; DROP TRIGGER search_contact_delete; "                       \
  "DROP TRIGGER search_interview_insert; DROP TRIGGER search_interview_update; "                   \
  "DROP TRIGGER search_interview_delete; DROP TRIGGER search_touch_insert; "                       \
  "DROP TRIGGER search_touch_update; DROP TRIGGER search_touch_delete; "                           \
  "DROP TABLE search_index; DROP INDEX applications_by_company_family; "                           \
  "DROP INDEX reminders_done_by_due; "                                                             \
  "ALTER TABLE applications DROP COLUMN company_family; PRAGMA user_version = 5; "

G_END_DECLS
