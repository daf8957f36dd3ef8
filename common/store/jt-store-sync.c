/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-sync.c: the sync state's tables. */
#include "jt-store-sync.h"

#include "jt-error.h"
#include "jt-store-private.h"

void
jt_sync_collection_free (JtSyncCollection *c)
{
  if (c == NULL)
    return;
  g_free (c->url);
  g_free (c->sync_token);
  g_free (c->ctag);
  g_free (c->last_error);
  g_free (c);
}

JtSyncItem *
jt_sync_item_new (void)
{
  return g_new0 (JtSyncItem, 1);
}

void
jt_sync_item_free (JtSyncItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uid);
  g_free (item->href);
  g_free (item->etag);
  g_free (item->pushed_hash);
  g_free (item->pushed_ics);
  g_free (item->pending_ics);
  g_free (item);
}

JtSyncCollection *
jt_store_sync_get_collection (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT url, sync_token, ctag, last_success_at, last_error, "
                          "last_error_at FROM sync_collection WHERE id = 1",
                          error);
  JtSyncCollection *c;
  JtStep rc;

  if (stmt == NULL || (rc = jt_store_step (store, stmt, error)) == JT_STEP_ERROR)
    return NULL;
  if (rc == JT_STEP_DONE)
    return NULL;
  c = g_new0 (JtSyncCollection, 1);
  c->url = jt_stmt_dup_text (stmt, 0);
  c->sync_token = jt_stmt_dup_text (stmt, 1);
  c->ctag = jt_stmt_dup_text (stmt, 2);
  c->last_success_at = jt_stmt_int64 (stmt, 3);
  c->last_error = jt_stmt_dup_text (stmt, 4);
  c->last_error_at = jt_stmt_int64 (stmt, 5);
  return c;
}

gboolean
jt_store_sync_set_collection (JtStore *store, const char *url, GError **error)
{
  g_autoptr (JtSyncCollection) before = NULL;
  g_autoptr (JtStmt) stmt = NULL;
  GError *local = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  before = jt_store_sync_get_collection (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (before != NULL && g_str_equal (before->url, url))
    return TRUE;
  if (!jt_store_sync_forget_items (store, error))
    return FALSE;
  stmt = jt_store_prepare (store, "INSERT OR REPLACE INTO sync_collection (id, url) VALUES (1, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, url);
  return jt_store_exec_stmt (store, stmt, error);
}

gboolean
jt_store_sync_set_state (JtStore *store, const char *sync_token, const char *ctag, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (
      store, "UPDATE sync_collection SET sync_token = ?, ctag = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_opt_text (stmt, 1, sync_token);
  jt_stmt_bind_opt_text (stmt, 2, ctag);
  return jt_store_exec_stmt (store, stmt, error);
}

gboolean
jt_store_sync_set_result (JtStore *store, const char *error_line, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           error_line == NULL
                               ? "UPDATE sync_collection SET last_success_at = ?, "
                                 "last_error = NULL, last_error_at = NULL WHERE id = 1"
                               : "UPDATE sync_collection SET last_error_at = ?, last_error = ? "
                                 "WHERE id = 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, now);
  if (error_line != NULL)
    jt_stmt_bind_text (stmt, 2, error_line);
  return jt_store_exec_stmt (store, stmt, error);
}

static gpointer
item_from_row (JtStmt *stmt)
{
  JtSyncItem *item = jt_sync_item_new ();

  item->uid = jt_stmt_dup_text (stmt, 0);
  item->href = jt_stmt_dup_text (stmt, 1);
  item->etag = jt_stmt_dup_text (stmt, 2);
  item->pushed_revision = (int) jt_stmt_int64 (stmt, 3);
  item->pushed_hash = jt_stmt_dup_text (stmt, 4);
  item->pushed_ics = jt_stmt_dup_text (stmt, 5);
  item->updated_at = jt_stmt_int64 (stmt, 6);
  item->pending_ics = jt_stmt_dup_text (stmt, 7);
  item->pending_revision = (int) jt_stmt_int64 (stmt, 8);
  return item;
}

GHashTable *
jt_store_sync_list_items (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT uid, href, etag, pushed_revision, pushed_hash, pushed_ics, "
                          "updated_at, pending_ics, pending_revision FROM sync_items",
                          error);
  g_autoptr (GPtrArray) rows = NULL;
  GHashTable *items;

  if (stmt == NULL || (rows = jt_store_collect (store, stmt, item_from_row, NULL, error)) == NULL)
    return NULL;
  items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) jt_sync_item_free);
  for (guint i = 0; i < rows->len; i++)
    {
      JtSyncItem *item = g_ptr_array_index (rows, i);

      g_hash_table_replace (items, item->uid, item);
    }
  return items;
}

gboolean
jt_store_sync_save_item (JtStore *store, const JtSyncItem *item, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "INSERT OR REPLACE INTO sync_items (uid, href, etag, pushed_revision, "
                           "pushed_hash, pushed_ics, updated_at, pending_ics, pending_revision) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, item->uid);
  jt_stmt_bind_text (stmt, 2, item->href);
  jt_stmt_bind_opt_text (stmt, 3, item->etag);
  jt_stmt_bind_int64 (stmt, 4, item->pushed_revision);
  jt_stmt_bind_opt_text (stmt, 5, item->pushed_hash);
  jt_stmt_bind_opt_text (stmt, 6, item->pushed_ics);
  jt_stmt_bind_int64 (stmt, 7, now);
  jt_stmt_bind_opt_text (stmt, 8, item->pending_ics);
  jt_stmt_bind_int64 (stmt, 9, item->pending_revision);
  return jt_store_exec_stmt (store, stmt, error);
}

gboolean
jt_store_sync_delete_item (JtStore *store, const char *uid, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "DELETE FROM sync_items WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, uid);
  return jt_store_exec_stmt (store, stmt, error);
}

gboolean
jt_store_sync_forget_items (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) items = NULL;
  g_autoptr (JtStmt) token = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  items = jt_store_prepare (store, "DELETE FROM sync_items", error);
  if (items == NULL || !jt_store_exec_stmt (store, items, error))
    return FALSE;
  token = jt_store_prepare (
      store, "UPDATE sync_collection SET sync_token = NULL, ctag = NULL WHERE id = 1", error);
  return token != NULL && jt_store_exec_stmt (store, token, error);
}
