/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-test-util.c: helpers shared by the unit tests. */
#include "jt-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static gboolean
derive_nothing (JtStore *store, const JtStoreChanges *changes, gpointer user_data, GError **error)
{
  return TRUE;
}

JtStore *
jt_test_store_open (const char *path, GError **error)
{
  return jt_store_open (path, JT_STORE_WRITE, derive_nothing, NULL, error);
}

void
jt_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      jt_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* A WHERE outside any parentheses: the statement filters rather than lists. */
static gboolean
has_outer_where (const char *sql)
{
  int depth = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
      if (depth == 0 && g_str_has_prefix (p, " WHERE "))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  const char *path;
  GPtrArray *problems;
} PlanCheck;

static void
check_plan (const char *sql, gpointer user_data)
{
  PlanCheck *check = user_data;
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean listing = g_str_has_prefix (sql, "SELECT") && !has_outer_where (sql);

  g_assert_cmpint (sqlite3_open (check->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);
      /* A full-text MATCH is answered by the FTS index: "SCAN s VIRTUAL TABLE INDEX 0:M1". */
      const char *virtual_index = strstr (detail, "VIRTUAL TABLE INDEX ");
      gboolean full_text = virtual_index != NULL && strstr (virtual_index, ":M") != NULL;
      gboolean scan = g_str_has_prefix (detail, "SCAN ") && strstr (detail, "USING") == NULL
                      && !g_str_equal (detail, "SCAN sqlite_sequence") && !full_text;
      gboolean sort = strstr (detail, "TEMP B-TREE") != NULL;

      if ((scan && !listing) || sort)
        g_ptr_array_add (check->problems, g_strdup_printf ("%s\n    -> %s", sql, detail));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

char *
jt_test_query_plan (const char *path, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

GPtrArray *
jt_test_unindexed_queries (JtStore *store, const char *path)
{
  PlanCheck check = { path, g_ptr_array_new_with_free_func (g_free) };

  jt_store_foreach_statement (store, check_plan, &check);
  for (guint i = 0; i < check.problems->len; i++)
    g_test_message ("not indexed: %s", (char *) g_ptr_array_index (check.problems, i));
  return check.problems;
}
