/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-touches.c: touches. */
#include "jt-store-touches.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-private.h"

#define TOUCH_SELECT                                                                               \
  "SELECT t.id, t.application_id, t.contact_id, c.name, t.kind, t.at, t.about "                    \
  "FROM touches t LEFT JOIN contacts c ON c.id = t.contact_id "

static gpointer
touch_from_row (JtStmt *stmt)
{
  JtTouch *touch = jt_touch_new ();

  touch->id = jt_stmt_int64 (stmt, 0);
  touch->application_id = jt_stmt_int64 (stmt, 1);
  touch->contact_id = jt_stmt_int64 (stmt, 2);
  touch->contact_name = jt_stmt_dup_text (stmt, 3);
  /* The table's CHECK only admits known kinds. */
  jt_touch_kind_parse ((const char *) sqlite3_column_text (stmt, 4), &touch->kind, NULL);
  touch->at = jt_stmt_int64 (stmt, 5);
  touch->about = jt_stmt_dup_text (stmt, 6);
  return touch;
}

gboolean
jt_store_touch_insert (JtStore *store, JtTouch *touch, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (touch->application_id == 0 && touch->contact_id == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("a touch needs an application or a contact (or both)"));
      return FALSE;
    }
  stmt = jt_store_prepare (store,
                           "INSERT INTO touches (application_id, contact_id, kind, at, about, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_opt_int64 (stmt, 1, touch->application_id);
  jt_stmt_bind_opt_int64 (stmt, 2, touch->contact_id);
  jt_stmt_bind_text (stmt, 3, jt_touch_kind_to_string (touch->kind));
  jt_stmt_bind_int64 (stmt, 4, touch->at);
  jt_stmt_bind_opt_text (stmt, 5, touch->about);
  jt_stmt_bind_int64 (stmt, 6, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  touch->id = jt_store_last_insert_id (store);
  jt_store_mark_application (store, touch->application_id);
  jt_store_mark_contact (store, touch->contact_id);
  if (touch->application_id != 0 && touch->contact_id != 0)
    return jt_store_application_link_contact (store, touch->application_id, touch->contact_id,
                                              error);
  return TRUE;
}

GPtrArray *
jt_store_touch_list (JtStore *store, gint64 application_id, gint64 contact_id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  /* One statement per filter, so each is served by its own index. */
  if (application_id != 0 && contact_id != 0)
    stmt = jt_store_prepare (store,
                             TOUCH_SELECT "WHERE t.application_id = ?1 AND t.contact_id = ?2 "
                                          "ORDER BY t.at, t.id",
                             error);
  else if (application_id != 0)
    stmt = jt_store_prepare (store, TOUCH_SELECT "WHERE t.application_id = ?1 ORDER BY t.at, t.id",
                             error);
  else if (contact_id != 0)
    stmt = jt_store_prepare (store, TOUCH_SELECT "WHERE t.contact_id = ?2 ORDER BY t.at, t.id",
                             error);
  else
    stmt = jt_store_prepare (store, TOUCH_SELECT "ORDER BY t.at, t.id", error);
  if (stmt == NULL)
    return NULL;
  if (application_id != 0)
    jt_stmt_bind_int64 (stmt, 1, application_id);
  if (contact_id != 0)
    jt_stmt_bind_int64 (stmt, 2, contact_id);
  return jt_store_collect (store, stmt, touch_from_row, (GDestroyNotify) jt_touch_free, error);
}
