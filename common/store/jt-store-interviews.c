/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-interviews.c: interviews and the people met at them. */
#include "jt-store-interviews.h"

#include <inttypes.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-private.h"

#define INTERVIEW_COLUMNS                                                                          \
  "i.id, i.application_id, i.start_at, i.duration_min, i.kind, i.place, i.rating, "                \
  "i.conversation, i.edge, i.problems, i.objections, i.next_step, i.may_call_at, i.notes, "        \
  "i.created_at, i.updated_at, i.revision, i.shown_digest"

static gpointer
interview_from_row (JtStmt *stmt)
{
  JtInterview *interview = jt_interview_new ();

  interview->id = jt_stmt_int64 (stmt, 0);
  interview->application_id = jt_stmt_int64 (stmt, 1);
  interview->start_at = jt_stmt_int64 (stmt, 2);
  interview->duration_min = (int) jt_stmt_int64 (stmt, 3);
  /* The table's CHECK only admits known kinds. */
  jt_interview_kind_parse ((const char *) sqlite3_column_text (stmt, 4), &interview->kind, NULL);
  interview->place = jt_stmt_dup_text (stmt, 5);
  interview->rating = (int) jt_stmt_int64 (stmt, 6);
  interview->conversation = jt_stmt_dup_text (stmt, 7);
  interview->edge = jt_stmt_dup_text (stmt, 8);
  interview->problems = jt_stmt_dup_text (stmt, 9);
  interview->objections = jt_stmt_dup_text (stmt, 10);
  interview->next_step = jt_stmt_dup_text (stmt, 11);
  interview->may_call_at = jt_stmt_int64 (stmt, 12);
  interview->notes = jt_stmt_dup_text (stmt, 13);
  interview->created_at = jt_stmt_int64 (stmt, 14);
  interview->updated_at = jt_stmt_int64 (stmt, 15);
  interview->revision = (int) jt_stmt_int64 (stmt, 16);
  interview->shown_digest = jt_stmt_dup_text (stmt, 17);
  return interview;
}

static gboolean
validate (const JtInterview *interview, GError **error)
{
  if (interview->rating != 0 && (interview->rating < 1 || interview->rating > 5))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("a rating is 1 to 5, not %d"),
                   interview->rating);
      return FALSE;
    }
  if (interview->duration_min < 1 || interview->duration_min > 24 * 60)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "an interview lasts from 1 minute to 24 hours, not %d minute",
                                "an interview lasts from 1 minute to 24 hours, not %d minutes",
                                interview->duration_min),
                   interview->duration_min);
      return FALSE;
    }
  return TRUE;
}

/* Binds the fields shared by INSERT and UPDATE, in this order, from parameter 1. */
static void
bind_fields (JtStmt *stmt, const JtInterview *interview, gint64 now)
{
  jt_stmt_bind_int64 (stmt, 1, interview->application_id);
  jt_stmt_bind_int64 (stmt, 2, interview->start_at);
  jt_stmt_bind_int64 (stmt, 3, interview->duration_min);
  jt_stmt_bind_text (stmt, 4, jt_interview_kind_to_string (interview->kind));
  jt_stmt_bind_opt_text (stmt, 5, interview->place);
  jt_stmt_bind_opt_int64 (stmt, 6, interview->rating);
  jt_stmt_bind_opt_text (stmt, 7, interview->conversation);
  jt_stmt_bind_opt_text (stmt, 8, interview->edge);
  jt_stmt_bind_opt_text (stmt, 9, interview->problems);
  jt_stmt_bind_opt_text (stmt, 10, interview->objections);
  jt_stmt_bind_opt_text (stmt, 11, interview->next_step);
  jt_stmt_bind_opt_int64 (stmt, 12, interview->may_call_at);
  jt_stmt_bind_opt_text (stmt, 13, interview->notes);
  jt_stmt_bind_int64 (stmt, 14, now);
}

static gboolean
link_interviewers (JtStore *store, const JtInterview *interview, GError **error)
{
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *contact = g_ptr_array_index (interview->interviewers, i);
      g_autoptr (JtStmt) stmt = jt_store_prepare (
          store,
          "INSERT OR IGNORE INTO interview_contacts (interview_id, contact_id) VALUES (?, ?)",
          error);

      if (stmt == NULL)
        return FALSE;
      jt_stmt_bind_int64 (stmt, 1, interview->id);
      jt_stmt_bind_int64 (stmt, 2, contact->id);
      if (!jt_store_exec_stmt (store, stmt, error)
          || !jt_store_application_link_contact (store, interview->application_id, contact->id,
                                                 error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jt_store_interview_insert (JtStore *store, JtInterview *interview, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (interview, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO interviews (application_id, start_at, duration_min, kind, "
                           "place, rating, conversation, edge, problems, objections, next_step, "
                           "may_call_at, notes, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?14)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, interview, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  interview->id = jt_store_last_insert_id (store);
  interview->created_at = interview->updated_at = now;
  jt_store_mark_application (store, interview->application_id);
  return link_interviewers (store, interview, error);
}

gboolean
jt_store_interview_update (JtStore *store, JtInterview *interview, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (JtStmt) unlink = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (interview, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "UPDATE interviews SET application_id = ?, start_at = ?, "
                           "duration_min = ?, kind = ?, place = ?, rating = ?, conversation = ?, "
                           "edge = ?, problems = ?, objections = ?, next_step = ?, "
                           "may_call_at = ?, notes = ?, updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, interview, now);
  jt_stmt_bind_int64 (stmt, 15, interview->id);
  if (!jt_store_exec_one (store, stmt, N_ ("interview"), interview->id, error))
    return FALSE;
  interview->updated_at = now;
  jt_store_mark_application (store, interview->application_id);
  unlink = jt_store_prepare (store, "DELETE FROM interview_contacts WHERE interview_id = ?", error);
  if (unlink == NULL)
    return FALSE;
  jt_stmt_bind_int64 (unlink, 1, interview->id);
  return jt_store_exec_stmt (store, unlink, error) && link_interviewers (store, interview, error);
}

static gboolean
load_interviewers (JtStore *store, JtInterview *interview, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT " JT_CONTACT_COLUMNS " FROM interview_contacts l "
      "JOIN contacts c ON c.id = l.contact_id WHERE l.interview_id = ? ORDER BY l.contact_id",
      error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, interview->id);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    g_ptr_array_add (interview->interviewers, jt_contact_from_row (stmt));
  return rc == JT_STEP_DONE;
}

JtInterview *
jt_store_interview_get (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " INTERVIEW_COLUMNS " FROM interviews i WHERE i.id = ?", error);
  g_autoptr (JtInterview) interview = NULL;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  interview = jt_store_fetch_one (store, stmt, interview_from_row, N_ ("interview"), id, error);
  if (interview == NULL)
    return NULL;
  jt_stmt_release (g_steal_pointer (&stmt));
  return load_interviewers (store, interview, error) ? g_steal_pointer (&interview) : NULL;
}

/* Fills the interviewers of every interview in `interviews` from `stmt`, which yields
 * JT_CONTACT_COLUMNS and then the interview's id. Each interview's people come in
 * contact order, as interview_contacts' key keeps them. */
static gboolean
load_interviewers_from (JtStore *store, GPtrArray *interviews, JtStmt *stmt, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  JtStep rc;

  for (guint i = 0; i < interviews->len; i++)
    {
      JtInterview *interview = g_ptr_array_index (interviews, i);

      g_hash_table_insert (by_id, &interview->id, interview);
    }
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      gint64 interview_id = jt_stmt_int64 (stmt, JT_CONTACT_N_COLUMNS);
      JtInterview *interview = g_hash_table_lookup (by_id, &interview_id);

      if (interview != NULL)
        g_ptr_array_add (interview->interviewers, jt_contact_from_row (stmt));
    }
  return rc == JT_STEP_DONE;
}

/* The interviewers of one application's interviews, or of all interviews when
 * `application_id` is 0, with one query. */
static gboolean
load_all_interviewers (JtStore *store, GPtrArray *interviews, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  if (application_id != 0)
    stmt = jt_store_prepare (store,
                             "SELECT " JT_CONTACT_COLUMNS ", l.interview_id "
                             "FROM interviews i JOIN interview_contacts l ON l.interview_id = i.id "
                             "JOIN contacts c ON c.id = l.contact_id WHERE i.application_id = ?",
                             error);
  else
    stmt = jt_store_prepare (store,
                             "SELECT " JT_CONTACT_COLUMNS ", l.interview_id "
                             "FROM interview_contacts l JOIN contacts c ON c.id = l.contact_id "
                             "ORDER BY l.interview_id, l.contact_id",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (application_id != 0)
    jt_stmt_bind_int64 (stmt, 1, application_id);
  return load_interviewers_from (store, interviews, stmt, error);
}

GPtrArray *
jt_store_interview_list (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (GPtrArray) interviews = NULL;

  if (application_id != 0)
    {
      stmt = jt_store_prepare (store,
                               "SELECT " INTERVIEW_COLUMNS " FROM interviews i "
                               "WHERE i.application_id = ? ORDER BY i.start_at, i.id",
                               error);
      if (stmt != NULL)
        jt_stmt_bind_int64 (stmt, 1, application_id);
    }
  else
    stmt = jt_store_prepare (store,
                             "SELECT " INTERVIEW_COLUMNS " FROM interviews i "
                             "ORDER BY i.start_at, i.id",
                             error);
  if (stmt == NULL)
    return NULL;
  interviews = jt_store_collect (store, stmt, interview_from_row,
                                 (GDestroyNotify) jt_interview_free, error);
  if (interviews == NULL)
    return NULL;
  jt_stmt_release (g_steal_pointer (&stmt));
  if (!load_all_interviewers (store, interviews, application_id, error))
    return NULL;
  return g_steal_pointer (&interviews);
}
/* An interview lasts at most a day (the table's CHECK on duration_min), so those that
 * end after a time all start after that time less a day: a range of interviews_by_start. */
#define MAX_INTERVIEW_SECONDS (1440 * 60)

GPtrArray *
jt_store_interview_list_ending_after (JtStore *store, gint64 ends_after, GError **error)
{
  gint64 starts_after = ends_after > G_MININT64 + MAX_INTERVIEW_SECONDS
                            ? ends_after - MAX_INTERVIEW_SECONDS
                            : G_MININT64;
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (GPtrArray) interviews = NULL;

  stmt = jt_store_prepare (store,
                           "SELECT " INTERVIEW_COLUMNS " FROM interviews i "
                           "WHERE i.start_at > ?1 AND i.start_at + i.duration_min * 60 > ?2 "
                           "ORDER BY i.start_at, i.id",
                           error);
  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, starts_after);
  jt_stmt_bind_int64 (stmt, 2, ends_after);
  interviews = jt_store_collect (store, stmt, interview_from_row,
                                 (GDestroyNotify) jt_interview_free, error);
  if (interviews == NULL)
    return NULL;
  jt_stmt_release (g_steal_pointer (&stmt));
  /* CROSS JOIN keeps interviews the outer loop: the planner cannot see that the range
   * is a small slice, and would otherwise scan every interview's people. */
  stmt = jt_store_prepare (store,
                           "SELECT " JT_CONTACT_COLUMNS ", l.interview_id "
                           "FROM interviews i CROSS JOIN interview_contacts l "
                           "ON l.interview_id = i.id JOIN contacts c ON c.id = l.contact_id "
                           "WHERE i.start_at > ?1 AND i.start_at + i.duration_min * 60 > ?2",
                           error);
  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, starts_after);
  jt_stmt_bind_int64 (stmt, 2, ends_after);
  if (!load_interviewers_from (store, interviews, stmt, error))
    return NULL;
  return g_steal_pointer (&interviews);
}

gboolean
jt_store_interview_delete (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  JtStep rc;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "DELETE FROM interviews WHERE id = ? RETURNING application_id",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  rc = jt_store_step (store, stmt, error);
  if (rc == JT_STEP_ROW)
    {
      jt_store_mark_application (store, jt_stmt_int64 (stmt, 0));
      return TRUE;
    }
  if (rc == JT_STEP_DONE)
    g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("no interview %" PRId64), id);
  return FALSE;
}

JtInterview *
jt_store_interview_find_by_invite (JtStore *store, const char *uid, gint64 *sequence,
                                   GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT i.id, ifnull (i.invite_sequence, 0) FROM interviews i WHERE i.invite_uid = ?",
      error);
  gint64 id, found_sequence;
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, uid);
  rc = jt_store_step (store, stmt, error);
  if (rc != JT_STEP_ROW)
    return NULL; /* none (no error), or the error is set */
  id = jt_stmt_int64 (stmt, 0);
  found_sequence = jt_stmt_int64 (stmt, 1);
  jt_stmt_release (g_steal_pointer (&stmt));
  if (sequence != NULL)
    *sequence = found_sequence;
  return jt_store_interview_get (store, id, error);
}

GPtrArray *
jt_store_interview_invites_with_prefix (JtStore *store, const char *prefix, GError **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JtStmt) stmt = NULL;
  g_autofree char *past = g_strdup (prefix);
  gsize length = strlen (prefix);
  JtStep rc;

  g_return_val_if_fail (length > 0 && (guchar) prefix[length - 1] < 0xff, NULL);
  /* A range of the unique index: every text with the prefix sorts between the two. */
  past[length - 1]++;
  stmt = jt_store_prepare (store,
                           "SELECT invite_uid FROM interviews WHERE invite_uid >= ? AND "
                           "invite_uid < ? ORDER BY invite_uid",
                           error);
  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, prefix);
  jt_stmt_bind_text (stmt, 2, past);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    g_ptr_array_add (keys, jt_stmt_dup_text (stmt, 0));
  if (rc == JT_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&keys);
}

gboolean
jt_store_interview_set_invite (JtStore *store, gint64 id, const char *uid, gint64 sequence,
                               GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (
      store, "UPDATE interviews SET invite_uid = ?, invite_sequence = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, uid);
  jt_stmt_bind_int64 (stmt, 2, sequence);
  jt_stmt_bind_int64 (stmt, 3, id);
  return jt_store_exec_one (store, stmt, N_ ("interview"), id, error);
}

gboolean
jt_store_interview_set_shown (JtStore *store, gint64 id, int revision, const char *digest,
                              gint64 modified_at, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE interviews SET revision = ?, shown_digest = ?, "
                           "updated_at = max (updated_at, ?) WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, revision);
  jt_stmt_bind_text (stmt, 2, digest);
  jt_stmt_bind_int64 (stmt, 3, modified_at);
  jt_stmt_bind_int64 (stmt, 4, id);
  return jt_store_exec_one (store, stmt, N_ ("interview"), id, error);
}
