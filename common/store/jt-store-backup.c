/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-backup.c: tables read and written as plain values, for the backup. */
#include "jt-store-backup.h"

#include "jt-error.h"
#include "jt-store-private.h"

static void
read_value (JtStmt *stmt, int index, JtValue *value)
{
  *value = (JtValue){ 0 };
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_INTEGER:
      value->type = JT_VALUE_INTEGER;
      value->integer = sqlite3_column_int64 (stmt, index);
      break;
    case SQLITE_FLOAT:
      value->type = JT_VALUE_FLOAT;
      break;
    case SQLITE_TEXT:
      value->type = JT_VALUE_TEXT;
      value->text = (const char *) sqlite3_column_text (stmt, index);
      value->length = (gsize) sqlite3_column_bytes (stmt, index);
      break;
    case SQLITE_BLOB:
      value->type = JT_VALUE_BLOB;
      break;
    default:
      value->type = JT_VALUE_NULL;
      break;
    }
}

gboolean
jt_store_backup_read_table (JtStore *store, const char *table, const char *const *columns,
                            guint n_key, JtValuesFunc func, gpointer user_data, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  guint n = g_strv_length ((char **) columns);
  g_autofree JtValue *values = g_new0 (JtValue, MAX (n, 1));
  g_autoptr (JtStmt) stmt = NULL;
  JtStep rc;

  for (guint c = 0; c < n; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", columns[c]);
  g_string_append_printf (sql, " FROM %s ORDER BY ", table);
  for (guint k = 0; k < n_key; k++)
    g_string_append_printf (sql, "%s%s", k > 0 ? ", " : "", columns[k]);
  if ((stmt = jt_store_prepare (store, sql->str, error)) == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      for (guint c = 0; c < n; c++)
        read_value (stmt, (int) c, &values[c]);
      if (!func (values, user_data, error))
        return FALSE;
    }
  return rc == JT_STEP_DONE;
}

GHashTable *
jt_store_backup_read_sequences (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, "SELECT name, seq FROM sqlite_sequence", error);
  g_autoptr (GHashTable) seqs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      gint64 seq = jt_stmt_int64 (stmt, 1);

      g_hash_table_insert (seqs, jt_stmt_dup_text (stmt, 0), g_memdup2 (&seq, sizeof seq));
    }
  return rc == JT_STEP_DONE ? g_steal_pointer (&seqs) : NULL;
}

gboolean
jt_store_backup_any_rows (JtStore *store, const char *const *tables, gboolean *any, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (JtStmt) stmt = NULL;

  for (guint t = 0; tables[t] != NULL; t++)
    g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM %s)", t > 0 ? " OR " : "", tables[t]);
  if ((stmt = jt_store_prepare (store, sql->str, error)) == NULL
      || jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *any = jt_stmt_int64 (stmt, 0) != 0;
  return TRUE;
}

gboolean
jt_store_backup_insert_row (JtStore *store, const char *table, const char *const *columns,
                            const JtValue *values, gboolean replace, GError **error)
{
  g_autoptr (GString) sql = g_string_new (replace ? "INSERT OR REPLACE INTO " : "INSERT INTO ");
  g_autoptr (GString) marks = g_string_new (NULL);
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  g_string_append_printf (sql, "%s (", table);
  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", columns[c]);
      g_string_append (marks, c > 0 ? ", ?" : "?");
    }
  g_string_append_printf (sql, ") VALUES (%s)", marks->str);
  if ((stmt = jt_store_prepare (store, sql->str, error)) == NULL)
    return FALSE;
  for (guint c = 0; columns[c] != NULL; c++)
    switch (values[c].type)
      {
      case JT_VALUE_INTEGER:
        jt_stmt_bind_int64 (stmt, (int) c + 1, values[c].integer);
        break;
      case JT_VALUE_TEXT:
        sqlite3_bind_text (stmt, (int) c + 1, values[c].text, (int) values[c].length,
                           SQLITE_TRANSIENT);
        break;
      default:
        sqlite3_bind_null (stmt, (int) c + 1);
        break;
      }
  return jt_store_exec_untrusted (store, stmt, error);
}

gboolean
jt_store_backup_raise_sequence (JtStore *store, const char *table, gint64 seq, GError **error)
{
  g_autoptr (JtStmt) update = NULL;
  g_autoptr (JtStmt) insert = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  update = jt_store_prepare (store, "UPDATE sqlite_sequence SET seq = max (seq, ?) WHERE name = ?",
                             error);
  if (update == NULL)
    return FALSE;
  jt_stmt_bind_int64 (update, 1, seq);
  jt_stmt_bind_text (update, 2, table);
  if (!jt_store_exec_stmt (store, update, error))
    return FALSE;
  if (jt_store_changes (store) > 0)
    return TRUE;
  insert = jt_store_prepare (store, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", error);
  if (insert == NULL)
    return FALSE;
  jt_stmt_bind_text (insert, 1, table);
  jt_stmt_bind_int64 (insert, 2, seq);
  return jt_store_exec_stmt (store, insert, error);
}
