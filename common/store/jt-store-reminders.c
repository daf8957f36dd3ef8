/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-reminders.c: reminders. */
#include "jt-store-reminders.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

/* A reminder with the records its text is made from (jt-reminder-text.c), read from
 * `table`: each joined on its primary key, the decision date (R3, R4 only) from its
 * index. The stored title and detail are a manual reminder's own text; a rule's are
 * rendered when shown. */
#define REMINDER_SELECT_FROM(table)                                                                \
  "SELECT r.id, r.uid, r.rule, r.application_id, r.contact_id, r.interview_id, r.due_at, "         \
  "r.fire_at, r.state, r.title, r.detail, r.revision, r.notified_at, r.created_at, "               \
  "r.updated_at, a.company, a.role, c.name, c.email, c.phone, r.offer_id, r.since_day, "           \
  "c.title, i.kind, i.edge, i.objections, o.deadline, o.salary, oa.company, "                      \
  "CASE WHEN r.rule IN ('follow_up_call', 'bring_forward') THEN "                                  \
  " (SELECT d.decide_on FROM decision_dates d WHERE d.application_id = r.application_id "          \
  "  ORDER BY d.id DESC LIMIT 1) END, "                                                            \
  "max (r.updated_at, ifnull (a.updated_at, 0), ifnull (c.updated_at, 0), "                        \
  " ifnull (i.updated_at, 0), ifnull (o.updated_at, 0), ifnull (oa.updated_at, 0)), "              \
  "r.shown_digest "                                                                                \
  "FROM " table " LEFT JOIN applications a ON a.id = r.application_id "                            \
  "LEFT JOIN contacts c ON c.id = r.contact_id "                                                   \
  "LEFT JOIN interviews i ON i.id = r.interview_id "                                               \
  "LEFT JOIN offers o ON o.id = r.offer_id "                                                       \
  "LEFT JOIN applications oa ON oa.id = o.application_id "
#define REMINDER_SELECT REMINDER_SELECT_FROM ("reminders r")

static gpointer
reminder_from_row (JtStmt *stmt)
{
  JtReminder *reminder = jt_reminder_new ();

  reminder->id = jt_stmt_int64 (stmt, 0);
  reminder->uid = jt_stmt_dup_text (stmt, 1);
  /* The table's CHECKs only admit known names. */
  jt_rule_parse ((const char *) sqlite3_column_text (stmt, 2), &reminder->rule, NULL);
  reminder->application_id = jt_stmt_int64 (stmt, 3);
  reminder->contact_id = jt_stmt_int64 (stmt, 4);
  reminder->interview_id = jt_stmt_int64 (stmt, 5);
  reminder->due_at = jt_stmt_int64 (stmt, 6);
  reminder->fire_at = jt_stmt_int64 (stmt, 7);
  jt_reminder_state_parse ((const char *) sqlite3_column_text (stmt, 8), &reminder->state, NULL);
  /* A restored older backup may still hold a rule's English: it is not read. */
  if (reminder->rule == JT_RULE_MANUAL)
    {
      reminder->title = jt_stmt_dup_text (stmt, 9);
      reminder->detail = jt_stmt_dup_text (stmt, 10);
    }
  reminder->revision = (int) jt_stmt_int64 (stmt, 11);
  reminder->notified_at = jt_stmt_int64 (stmt, 12);
  reminder->created_at = jt_stmt_int64 (stmt, 13);
  reminder->updated_at = jt_stmt_int64 (stmt, 14);
  reminder->company = jt_stmt_dup_text (stmt, 15);
  reminder->role = jt_stmt_dup_text (stmt, 16);
  reminder->contact_name = jt_stmt_dup_text (stmt, 17);
  reminder->contact_email = jt_stmt_dup_text (stmt, 18);
  reminder->contact_phone = jt_stmt_dup_text (stmt, 19);
  reminder->offer_id = jt_stmt_int64 (stmt, 20);
  reminder->since_day = jt_stmt_dup_text (stmt, 21);
  reminder->contact_title = jt_stmt_dup_text (stmt, 22);
  if (reminder->interview_id != 0)
    jt_interview_kind_parse ((const char *) sqlite3_column_text (stmt, 23),
                             &reminder->interview_kind, NULL);
  reminder->interview_edge = jt_stmt_dup_text (stmt, 24);
  reminder->interview_objections = jt_stmt_dup_text (stmt, 25);
  reminder->offer_deadline = jt_stmt_dup_text (stmt, 26);
  reminder->offer_salary = jt_stmt_dup_text (stmt, 27);
  reminder->offer_company = jt_stmt_dup_text (stmt, 28);
  reminder->decision_date = jt_stmt_dup_text (stmt, 29);
  reminder->text_updated_at = jt_stmt_int64 (stmt, 30);
  reminder->shown_digest = jt_stmt_dup_text (stmt, 31);
  return reminder;
}

/* What goes in the title and detail columns: a manual reminder's own text; nothing for a
 * rule's. */
static const char *
stored_title (const JtReminder *reminder)
{
  return reminder->rule == JT_RULE_MANUAL ? reminder->title : "";
}

static const char *
stored_detail (const JtReminder *reminder)
{
  return reminder->rule == JT_RULE_MANUAL ? reminder->detail : NULL;
}

gboolean
jt_store_reminder_insert (JtStore *store, JtReminder *reminder, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (reminder->rule == JT_RULE_MANUAL && jt_text_is_blank (reminder->title))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("a reminder needs a text"));
      return FALSE;
    }
  if (reminder->fire_at == 0)
    reminder->fire_at = reminder->due_at;
  stmt = jt_store_prepare (store,
                           "INSERT INTO reminders (uid, rule, application_id, contact_id, "
                           "interview_id, due_at, fire_at, state, title, detail, revision, "
                           "notified_at, created_at, updated_at, offer_id, since_day) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?13, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, reminder->uid);
  jt_stmt_bind_text (stmt, 2, jt_rule_to_string (reminder->rule));
  jt_stmt_bind_opt_int64 (stmt, 3, reminder->application_id);
  jt_stmt_bind_opt_int64 (stmt, 4, reminder->contact_id);
  jt_stmt_bind_opt_int64 (stmt, 5, reminder->interview_id);
  jt_stmt_bind_int64 (stmt, 6, reminder->due_at);
  jt_stmt_bind_int64 (stmt, 7, reminder->fire_at);
  jt_stmt_bind_text (stmt, 8, jt_reminder_state_to_string (reminder->state));
  jt_stmt_bind_text (stmt, 9, stored_title (reminder));
  jt_stmt_bind_opt_text (stmt, 10, stored_detail (reminder));
  jt_stmt_bind_int64 (stmt, 11, reminder->revision);
  jt_stmt_bind_opt_int64 (stmt, 12, reminder->notified_at);
  jt_stmt_bind_int64 (stmt, 13, now);
  jt_stmt_bind_opt_int64 (stmt, 14, reminder->offer_id);
  jt_stmt_bind_opt_text (stmt, 15, reminder->since_day);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  reminder->id = jt_store_last_insert_id (store);
  reminder->created_at = reminder->updated_at = reminder->text_updated_at = now;
  return TRUE;
}

gboolean
jt_store_reminder_update (JtStore *store, JtReminder *reminder, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE reminders SET contact_id = ?, due_at = ?, fire_at = ?, "
                           "state = ?, title = ?, detail = ?, revision = ?, notified_at = ?, "
                           "updated_at = ?, offer_id = ?11, since_day = ?12 WHERE id = ?10",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_opt_int64 (stmt, 1, reminder->contact_id);
  jt_stmt_bind_int64 (stmt, 2, reminder->due_at);
  jt_stmt_bind_int64 (stmt, 3, reminder->fire_at);
  jt_stmt_bind_text (stmt, 4, jt_reminder_state_to_string (reminder->state));
  jt_stmt_bind_text (stmt, 5, stored_title (reminder));
  jt_stmt_bind_opt_text (stmt, 6, stored_detail (reminder));
  jt_stmt_bind_int64 (stmt, 7, reminder->revision);
  jt_stmt_bind_opt_int64 (stmt, 8, reminder->notified_at);
  jt_stmt_bind_int64 (stmt, 9, now);
  jt_stmt_bind_int64 (stmt, 10, reminder->id);
  jt_stmt_bind_opt_int64 (stmt, 11, reminder->offer_id);
  jt_stmt_bind_opt_text (stmt, 12, reminder->since_day);
  if (!jt_store_exec_one (store, stmt, N_ ("reminder"), reminder->id, error))
    return FALSE;
  reminder->updated_at = now;
  reminder->text_updated_at = MAX (reminder->text_updated_at, now);
  return TRUE;
}

gboolean
jt_store_reminder_delete (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "DELETE FROM reminders WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_exec_one (store, stmt, N_ ("reminder"), id, error);
}

JtReminder *
jt_store_reminder_get (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, REMINDER_SELECT "WHERE r.id = ?", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_fetch_one (store, stmt, reminder_from_row, N_ ("reminder"), id, error);
}

/* Runs a reminder query with one bound integer and collects its rows. */
static GPtrArray *
list_with (JtStore *store, const char *sql, gint64 value, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, value);
  return jt_store_collect (store, stmt, reminder_from_row, (GDestroyNotify) jt_reminder_free,
                           error);
}

GPtrArray *
jt_store_reminder_list_for_application (JtStore *store, gint64 application_id, GError **error)
{
  return list_with (store, REMINDER_SELECT "WHERE r.application_id = ? ORDER BY r.rule, r.id",
                    application_id, error);
}

/* Two reads of the index on (application_id, rule), whose rows come by id:
 * the call addressed to ?2 (no contact has id 0), else the first. */
#define OPEN_CALLS                                                                                 \
  "FROM reminders WHERE application_id = ?1 AND rule = 'follow_up_call' "                          \
  "AND state IN ('pending', 'snoozed') "

gboolean
jt_store_reminder_call_due (JtStore *store, gint64 application_id, gint64 contact_id,
                            gint64 *due_at, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT coalesce ((SELECT due_at " OPEN_CALLS
                          "AND contact_id = ?2 ORDER BY id DESC LIMIT 1), "
                          "(SELECT due_at " OPEN_CALLS "ORDER BY id LIMIT 1), 0)",
                          error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  jt_stmt_bind_int64 (stmt, 2, contact_id);
  if (jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *due_at = jt_stmt_int64 (stmt, 0);
  return TRUE;
}

GPtrArray *
jt_store_reminder_list_network (JtStore *store, gint64 contact_id, GError **error)
{
  return list_with (store,
                    REMINDER_SELECT "WHERE r.contact_id = ? AND r.rule = 'network_update' "
                                    "AND r.application_id IS NULL ORDER BY r.id",
                    contact_id, error);
}

gboolean
jt_store_reminder_foreach (JtStore *store, gboolean all, JtReminderFunc func, gpointer user_data,
                           GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      all ? REMINDER_SELECT "ORDER BY r.id"
          : REMINDER_SELECT "WHERE r.state IN ('pending', 'snoozed') ORDER BY r.fire_at, r.id",
      error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    if (!func (reminder_from_row (stmt), user_data, error))
      return FALSE;
  return rc == JT_STEP_DONE;
}

/* The terms of reminders_undelivered_by_time (schema/0007-undelivered.sql), as they must
 * appear for the planner to take that index. */
#define UNDELIVERED                                                                                \
  "r.state IN ('pending', 'snoozed') AND (r.notified_at IS NULL OR r.notified_at < r.fire_at) "

GPtrArray *
jt_store_reminder_list_undelivered (JtStore *store, gint64 now, guint limit, GError **error)
{
  /* Named: without statistics, the planner takes reminders_open_by_time (narrower, in
   * the same order), which holds every follow-up ever shown. */
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      REMINDER_SELECT_FROM (
          "reminders r INDEXED BY reminders_undelivered_by_time") "WHERE " UNDELIVERED
                                                                  "AND r.fire_at <= ?1 ORDER BY "
                                                                  "r.fire_at, r.id LIMIT ?2",
      error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, now);
  jt_stmt_bind_int64 (stmt, 2, limit);
  return jt_store_collect (store, stmt, reminder_from_row, (GDestroyNotify) jt_reminder_free,
                           error);
}

gboolean
jt_store_reminder_count_undelivered (JtStore *store, gint64 now, guint *count, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT count (*) FROM reminders r WHERE " UNDELIVERED "AND r.fire_at <= ?", error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, now);
  if (jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *count = (guint) MIN (jt_stmt_int64 (stmt, 0), G_MAXUINT);
  return TRUE;
}

gboolean
jt_store_reminder_set_undelivered_notified (JtStore *store, gint64 due_by, gint64 now,
                                            GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE reminders AS r SET notified_at = ?2, updated_at = ?2 "
                           "WHERE " UNDELIVERED "AND r.fire_at <= ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, due_by);
  jt_stmt_bind_int64 (stmt, 2, now);
  return jt_store_step (store, stmt, error) == JT_STEP_DONE;
}

gboolean
jt_store_reminder_next_fire (JtStore *store, gint64 after, gint64 *fire_at, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT min (fire_at) FROM reminders WHERE state IN ('pending', 'snoozed') AND fire_at > ?",
      error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, after);
  if (jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *fire_at = jt_stmt_int64 (stmt, 0);
  return TRUE;
}

GPtrArray *
jt_store_reminder_list_open (JtStore *store, gint64 until, GError **error)
{
  return list_with (store,
                    REMINDER_SELECT "WHERE r.state IN ('pending', 'snoozed') AND r.fire_at < ? "
                                    "ORDER BY r.fire_at, r.id",
                    until, error);
}

gboolean
jt_store_reminder_set_shown (JtStore *store, gint64 id, int revision, const char *digest,
                             gint64 modified_at, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE reminders SET revision = ?, shown_digest = ?, "
                           "updated_at = max (updated_at, ?) WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, revision);
  jt_stmt_bind_text (stmt, 2, digest);
  jt_stmt_bind_int64 (stmt, 3, modified_at);
  jt_stmt_bind_int64 (stmt, 4, id);
  return jt_store_exec_one (store, stmt, N_ ("reminder"), id, error);
}
