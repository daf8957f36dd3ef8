/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-outcomes.c: dated outcomes, and the status and offer changes they bring. */
#include "jt-store-outcomes.h"

#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-offers.h"
#include "jt-store-private.h"

gboolean
jt_store_outcome_insert (JtStore *store, JtOutcome *outcome, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (JtApplication) app = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  app = jt_store_application_get (store, outcome->application_id, error);
  if (app == NULL)
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO outcomes (application_id, kind, occurred_at, created_at) "
                           "VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, outcome->application_id);
  jt_stmt_bind_text (stmt, 2, jt_outcome_kind_to_string (outcome->kind));
  jt_stmt_bind_int64 (stmt, 3, outcome->occurred_at);
  jt_stmt_bind_int64 (stmt, 4, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  outcome->id = jt_store_last_insert_id (store);
  jt_store_mark_application (store, outcome->application_id);
  jt_store_mark_open_applications (store);
  if (!jt_store_application_set_status (store, outcome->application_id,
                                        jt_outcome_kind_status (outcome->kind),
                                        outcome->occurred_at, error))
    return FALSE;
  if (outcome->kind == JT_OUTCOME_ACCEPTED)
    return jt_store_offer_settle (store, outcome->application_id, JT_OFFER_ACCEPTED, now, error);
  /* Walking away from an application turns down what it offered. */
  if (outcome->kind == JT_OUTCOME_DECLINED || outcome->kind == JT_OUTCOME_WITHDRAWN)
    return jt_store_offer_settle (store, outcome->application_id, JT_OFFER_DECLINED, now, error);
  return TRUE;
}

static gpointer
outcome_from_row (JtStmt *stmt)
{
  JtOutcome *outcome = jt_outcome_new ();

  outcome->id = jt_stmt_int64 (stmt, 0);
  outcome->application_id = jt_stmt_int64 (stmt, 1);
  /* The table's CHECK only admits known kinds. */
  jt_outcome_kind_parse ((const char *) sqlite3_column_text (stmt, 2), &outcome->kind, NULL);
  outcome->occurred_at = jt_stmt_int64 (stmt, 3);
  return outcome;
}

GPtrArray *
jt_store_outcome_list (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT id, application_id, kind, occurred_at FROM outcomes WHERE application_id = ? "
      "ORDER BY occurred_at, id",
      error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  return jt_store_collect (store, stmt, outcome_from_row, (GDestroyNotify) jt_outcome_free, error);
}
