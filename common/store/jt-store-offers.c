/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-offers.c: offers. */
#include "jt-store-offers.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

#define OFFER_COLUMNS                                                                              \
  "id, application_id, received_on, deadline, salary, title, start_on, state, notes, "             \
  "created_at, updated_at"

static gpointer
offer_from_row (JtStmt *stmt)
{
  JtOffer *offer = jt_offer_new ();

  offer->id = jt_stmt_int64 (stmt, 0);
  offer->application_id = jt_stmt_int64 (stmt, 1);
  offer->received_on = jt_stmt_dup_text (stmt, 2);
  offer->deadline = jt_stmt_dup_text (stmt, 3);
  offer->salary = jt_stmt_dup_text (stmt, 4);
  offer->title = jt_stmt_dup_text (stmt, 5);
  offer->start_on = jt_stmt_dup_text (stmt, 6);
  /* The table's CHECK only admits known states. */
  jt_offer_state_parse ((const char *) sqlite3_column_text (stmt, 7), &offer->state, NULL);
  offer->notes = jt_stmt_dup_text (stmt, 8);
  offer->created_at = jt_stmt_int64 (stmt, 9);
  offer->updated_at = jt_stmt_int64 (stmt, 10);
  return offer;
}

static gboolean
validate (const JtOffer *offer, GError **error)
{
  if (offer->received_on == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("an offer needs the day it was received"));
      return FALSE;
    }
  if (offer->deadline != NULL && g_strcmp0 (offer->deadline, offer->received_on) < 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("the deadline %s is before the offer was received (%s)"), offer->deadline,
                   offer->received_on);
      return FALSE;
    }
  return TRUE;
}

static void
bind_fields (JtStmt *stmt, const JtOffer *offer, gint64 now)
{
  jt_stmt_bind_int64 (stmt, 1, offer->application_id);
  jt_stmt_bind_text (stmt, 2, offer->received_on);
  jt_stmt_bind_opt_text (stmt, 3, offer->deadline);
  jt_stmt_bind_opt_text (stmt, 4, offer->salary);
  jt_stmt_bind_opt_text (stmt, 5, offer->title);
  jt_stmt_bind_opt_text (stmt, 6, offer->start_on);
  jt_stmt_bind_text (stmt, 7, jt_offer_state_to_string (offer->state));
  jt_stmt_bind_opt_text (stmt, 8, offer->notes);
  jt_stmt_bind_int64 (stmt, 9, now);
}

gboolean
jt_store_offer_insert (JtStore *store, JtOffer *offer, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (offer, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO offers (application_id, received_on, deadline, salary, "
                           "title, start_on, state, notes, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, offer, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  offer->id = jt_store_last_insert_id (store);
  offer->created_at = offer->updated_at = now;
  /* An offer's deadline can bring other applications' decisions forward (R4). */
  jt_store_mark_application (store, offer->application_id);
  jt_store_mark_open_applications (store);
  return TRUE;
}

gboolean
jt_store_offer_update (JtStore *store, JtOffer *offer, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (offer, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "UPDATE offers SET application_id = ?, received_on = ?, deadline = ?, "
                           "salary = ?, title = ?, start_on = ?, state = ?, notes = ?, "
                           "updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, offer, now);
  jt_stmt_bind_int64 (stmt, 10, offer->id);
  if (!jt_store_exec_one (store, stmt, N_ ("offer"), offer->id, error))
    return FALSE;
  offer->updated_at = now;
  jt_store_mark_application (store, offer->application_id);
  jt_store_mark_open_applications (store);
  return TRUE;
}

JtOffer *
jt_store_offer_get (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, "SELECT " OFFER_COLUMNS " FROM offers WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_fetch_one (store, stmt, offer_from_row, N_ ("offer"), id, error);
}

GPtrArray *
jt_store_offer_list (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  if (application_id != 0)
    {
      stmt = jt_store_prepare (store,
                               "SELECT " OFFER_COLUMNS " FROM offers WHERE application_id = ? "
                               "ORDER BY id",
                               error);
      if (stmt != NULL)
        jt_stmt_bind_int64 (stmt, 1, application_id);
    }
  else
    stmt = jt_store_prepare (store, "SELECT " OFFER_COLUMNS " FROM offers ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, offer_from_row, (GDestroyNotify) jt_offer_free, error);
}

GPtrArray *
jt_store_offer_list_open (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store,
                                              "SELECT " OFFER_COLUMNS
                                              " FROM offers WHERE state IN ('open', 'negotiating') "
                                              "AND deadline IS NOT NULL ORDER BY deadline",
                                              error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, offer_from_row, (GDestroyNotify) jt_offer_free, error);
}

gboolean
jt_store_offer_settle (JtStore *store, gint64 application_id, JtOfferState state, gint64 now,
                       GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE offers SET state = ?, updated_at = ? WHERE application_id = ? "
                           "AND state IN ('open', 'negotiating')",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, jt_offer_state_to_string (state));
  jt_stmt_bind_int64 (stmt, 2, now);
  jt_stmt_bind_int64 (stmt, 3, application_id);
  jt_store_mark_application (store, application_id);
  jt_store_mark_open_applications (store);
  return jt_store_exec_stmt (store, stmt, error);
}
