/* jt-test-util.h: what several unit tests need: removing their temporary folder, and
 * checking that every statement a store prepared has an index behind it. */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

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

G_END_DECLS
