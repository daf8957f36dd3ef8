/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-applications.c: applications, their status history and decision dates. */
#include "jt-store-applications.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"
#include "jt-time.h"

gpointer
jt_application_from_row (JtStmt *stmt)
{
  JtApplication *app = jt_application_new ();
  g_autofree char *status = jt_stmt_dup_text (stmt, 5);

  app->id = jt_stmt_int64 (stmt, 0);
  g_free (app->role);
  app->company = jt_stmt_dup_text (stmt, 1);
  app->role = jt_stmt_dup_text (stmt, 2);
  app->source = jt_stmt_dup_text (stmt, 3);
  app->url = jt_stmt_dup_text (stmt, 4);
  /* The table's CHECK only admits known names. */
  jt_status_parse (status, &app->status, NULL);
  app->interest = (int) jt_stmt_int64 (stmt, 6);
  app->notes = jt_stmt_dup_text (stmt, 7);
  app->decision_date = jt_stmt_dup_text (stmt, 8);
  app->created_at = jt_stmt_int64 (stmt, 9);
  app->updated_at = jt_stmt_int64 (stmt, 10);
  app->last_activity_at = jt_stmt_int64 (stmt, 11);
  return app;
}

static gboolean
validate (const JtApplication *app, GError **error)
{
  if (jt_text_is_blank (app->company))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("an application needs a company"));
      return FALSE;
    }
  if (app->interest != 0 && (app->interest < 1 || app->interest > 5))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("interest must be 1 to 5, not %d"),
                   app->interest);
      return FALSE;
    }
  /* The schema's CHECK on decide_on would refuse it too, but as a bug. */
  if (app->decision_date != NULL && *app->decision_date != '\0'
      && !jt_date_valid (app->decision_date))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("a decision date is a day such as 2026-12-04, not '%s'"), app->decision_date);
      return FALSE;
    }
  return TRUE;
}

/* Binds the folded company and role at `index` and `index` + 1, and the company's
 * family (jt_company_family) at `index` + 2. */
static void
bind_keys (JtStmt *stmt, int index, const JtApplication *app)
{
  g_autofree char *company = jt_text_fold (app->company);
  g_autofree char *role = jt_text_fold (app->role);
  g_autofree char *family = jt_company_family (app->company);

  jt_stmt_bind_text (stmt, index, company);
  jt_stmt_bind_text (stmt, index + 1, role);
  jt_stmt_bind_text (stmt, index + 2, family);
}

static gboolean
add_status_change (JtStore *store, gint64 id, JtStatus status, gint64 at, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "INSERT INTO status_changes (application_id, status, changed_at) VALUES (?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  jt_stmt_bind_text (stmt, 2, jt_status_to_string (status));
  jt_stmt_bind_int64 (stmt, 3, at);
  return jt_store_exec_stmt (store, stmt, error);
}

static gboolean
add_decision_date (JtStore *store, gint64 id, const char *day, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "INSERT INTO decision_dates (application_id, decide_on, recorded_at) VALUES (?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  jt_stmt_bind_text (stmt, 2, day);
  jt_stmt_bind_int64 (stmt, 3, now);
  return jt_store_exec_stmt (store, stmt, error);
}

gboolean
jt_store_application_insert (JtStore *store, JtApplication *app, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (app, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO applications (company, role, source, url, status, "
                           "interest, notes, created_at, updated_at, company_key, role_key, "
                           "company_family) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, app->company);
  jt_stmt_bind_text (stmt, 2, app->role != NULL ? app->role : "");
  jt_stmt_bind_opt_text (stmt, 3, app->source);
  jt_stmt_bind_opt_text (stmt, 4, app->url);
  jt_stmt_bind_text (stmt, 5, jt_status_to_string (app->status));
  jt_stmt_bind_opt_int64 (stmt, 6, app->interest);
  jt_stmt_bind_opt_text (stmt, 7, app->notes);
  jt_stmt_bind_int64 (stmt, 8, now);
  jt_stmt_bind_int64 (stmt, 9, now);
  bind_keys (stmt, 10, app);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  app->id = jt_store_last_insert_id (store);
  app->created_at = app->updated_at = now;
  jt_store_mark_application (store, app->id);
  if (!add_status_change (store, app->id, app->status, now, error))
    return FALSE;
  return app->decision_date == NULL
         || add_decision_date (store, app->id, app->decision_date, now, error);
}

gboolean
jt_store_application_update (JtStore *store, JtApplication *app, gint64 now, GError **error)
{
  g_autoptr (JtApplication) old = NULL;
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (app, error))
    return FALSE;
  old = jt_store_application_get (store, app->id, error);
  if (old == NULL)
    return FALSE;
  stmt = jt_store_prepare (store,
                           "UPDATE applications SET company = ?, role = ?, source = ?, url = ?, "
                           "interest = ?, notes = ?, updated_at = ?, company_key = ?9, "
                           "role_key = ?10, company_family = ?11 WHERE id = ?8",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, app->company);
  jt_stmt_bind_text (stmt, 2, app->role != NULL ? app->role : "");
  jt_stmt_bind_opt_text (stmt, 3, app->source);
  jt_stmt_bind_opt_text (stmt, 4, app->url);
  jt_stmt_bind_opt_int64 (stmt, 5, app->interest);
  jt_stmt_bind_opt_text (stmt, 6, app->notes);
  jt_stmt_bind_int64 (stmt, 7, now);
  jt_stmt_bind_int64 (stmt, 8, app->id);
  bind_keys (stmt, 9, app);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  app->updated_at = now;
  jt_store_mark_application (store, app->id);
  if (!jt_store_application_set_status (store, app->id, app->status, now, error))
    return FALSE;
  if (app->decision_date != NULL && g_strcmp0 (app->decision_date, old->decision_date) != 0)
    return add_decision_date (store, app->id, app->decision_date, now, error);
  return TRUE;
}

gboolean
jt_store_application_set_status (JtStore *store, gint64 id, JtStatus status, gint64 at,
                                 GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "UPDATE applications SET status = ?, updated_at = max (updated_at, ?) "
                           "WHERE id = ? AND status <> ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, jt_status_to_string (status));
  jt_stmt_bind_int64 (stmt, 2, at);
  jt_stmt_bind_int64 (stmt, 3, id);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  if (jt_store_changes (store) == 0)
    return TRUE;
  /* An acceptance ends the other applications' calls (doc/design.md). */
  jt_store_mark_application (store, id);
  jt_store_mark_open_applications (store);
  return add_status_change (store, id, status, at, error);
}

JtApplication *
jt_store_application_get (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " JT_APPLICATION_COLUMNS " FROM applications a WHERE a.id = ?", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_fetch_one (store, stmt, jt_application_from_row, N_ ("application"), id, error);
}

GPtrArray *
jt_store_application_list (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " JT_APPLICATION_COLUMNS " FROM applications a ORDER BY a.id", error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, jt_application_from_row,
                           (GDestroyNotify) jt_application_free, error);
}

static GArray *
collect_ids (JtStore *store, const char *sql, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      gint64 id = jt_stmt_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == JT_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

/* "'lead', 'applied', ...": the open statuses (those jt_status_is_final is not TRUE for),
 * for an IN list, so that SQL has no list of its own. New string. */
static char *
open_statuses (void)
{
  GString *list = g_string_new (NULL);

  for (guint s = JT_STATUS_LEAD; s <= JT_STATUS_WITHDRAWN; s++)
    if (!jt_status_is_final (s))
      g_string_append_printf (list, "%s'%s'", list->len > 0 ? ", " : "", jt_status_to_string (s));
  return g_string_free (list, FALSE);
}

GArray *
jt_store_application_open_ids (JtStore *store, GError **error)
{
  g_autofree char *open = open_statuses ();
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM applications WHERE status IN (%s)", open);

  return collect_ids (store, sql, error);
}

GArray *
jt_store_application_accepted_ids (JtStore *store, GError **error)
{
  return collect_ids (store, "SELECT id FROM applications WHERE status = 'accepted'", error);
}

JtApplication *
jt_store_application_find_open (JtStore *store, const char *company, const char *role,
                                GError **error)
{
  g_autofree char *company_key = jt_text_fold (company);
  g_autofree char *role_key = jt_text_fold (role);
  g_autofree char *open = open_statuses ();
  g_autofree char *sql = g_strdup_printf ("SELECT " JT_APPLICATION_COLUMNS " FROM applications a "
                                          "WHERE a.company_key = ? AND a.role_key = ? "
                                          "AND a.status IN (%s) ORDER BY a.id DESC LIMIT 1",
                                          open);
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, company_key);
  jt_stmt_bind_text (stmt, 2, role_key);
  rc = jt_store_step (store, stmt, error);
  return rc == JT_STEP_ROW ? jt_application_from_row (stmt) : NULL;
}

/* Counts rows of `sql` (one bound id). */
static gboolean
count_rows (JtStore *store, const char *sql, gint64 id, guint *count, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  if (jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *count = (guint) jt_stmt_int64 (stmt, 0);
  return TRUE;
}

/* Runs a statement with one bound id and counts what it changed. */
static gboolean
exec_with_id (JtStore *store, const char *sql, gint64 id, guint *changes, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  if (changes != NULL)
    *changes = jt_store_changes (store);
  return TRUE;
}

gboolean
jt_store_application_delete (JtStore *store, gint64 id, JtRemovedCounts *removed, GError **error)
{
  JtRemovedCounts counts = { 0, 0, 0 };
  g_autoptr (JtApplication) app = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  app = jt_store_application_get (store, id, error);
  if (app == NULL)
    return FALSE;
  if (!count_rows (store, "SELECT count(*) FROM interviews WHERE application_id = ?", id,
                   &counts.interviews, error)
      || !count_rows (store, "SELECT count(*) FROM touches WHERE application_id = ?", id,
                      &counts.touches, error))
    return FALSE;
  /* The people who belonged to this application alone go with it. */
  if (!exec_with_id (store,
                     "DELETE FROM contacts WHERE network = 0 AND id IN ("
                     " SELECT l.contact_id FROM application_contacts l"
                     " WHERE l.application_id = ?1"
                     " AND NOT EXISTS (SELECT 1 FROM application_contacts o"
                     "  WHERE o.contact_id = l.contact_id AND o.application_id <> ?1)"
                     " AND NOT EXISTS (SELECT 1 FROM touches t"
                     "  WHERE t.contact_id = l.contact_id"
                     "  AND (t.application_id IS NULL OR t.application_id <> ?1)))",
                     id, &counts.contacts, error))
    return FALSE;
  /* Its offers may have been what other applications' calls were about. */
  jt_store_mark_open_applications (store);
  /* Interviews, offers, outcomes, touches, history and reminders follow by ON DELETE
   * CASCADE. */
  if (!exec_with_id (store, "DELETE FROM applications WHERE id = ?", id, NULL, error))
    return FALSE;
  if (removed != NULL)
    *removed = counts;
  return TRUE;
}

GArray *
jt_store_application_status_history (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT status, changed_at FROM status_changes WHERE application_id = ? "
                          "ORDER BY changed_at, id",
                          error);
  g_autoptr (GArray) history = g_array_new (FALSE, FALSE, sizeof (JtStatusChange));
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      JtStatusChange change = { .changed_at = jt_stmt_int64 (stmt, 1) };

      jt_status_parse ((const char *) sqlite3_column_text (stmt, 0), &change.status, NULL);
      g_array_append_val (history, change);
    }
  return rc == JT_STEP_DONE ? g_steal_pointer (&history) : NULL;
}

gboolean
jt_store_application_link_contact (JtStore *store, gint64 id, gint64 contact_id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (
      store,
      "INSERT OR IGNORE INTO application_contacts (application_id, contact_id) VALUES (?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  jt_stmt_bind_int64 (stmt, 2, contact_id);
  jt_store_mark_application (store, id);
  return jt_store_exec_stmt (store, stmt, error);
}

GPtrArray *
jt_store_application_contacts (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT " JT_CONTACT_COLUMNS " FROM application_contacts l "
      "JOIN contacts c ON c.id = l.contact_id WHERE l.application_id = ? ORDER BY l.contact_id",
      error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_collect (store, stmt, jt_contact_from_row, (GDestroyNotify) jt_contact_free,
                           error);
}

static gint
compare_application_ids (gconstpointer a, gconstpointer b)
{
  const JtApplication *x = *(const JtApplication *const *) a;
  const JtApplication *y = *(const JtApplication *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
jt_store_application_list_filtered (JtStore *store, const JtApplicationFilter *filter,
                                    GError **error)
{
  g_autoptr (GString) sql
      = g_string_new ("SELECT " JT_APPLICATION_COLUMNS " FROM applications a WHERE ");
  g_autoptr (JtStmt) stmt = NULL;
  GPtrArray *apps;
  int index = 1;

  if (filter->statuses == 0 && filter->since == 0)
    return jt_store_application_list (store, error);
  if (filter->statuses != 0)
    {
      const char *sep = "";

      g_string_append (sql, "a.status IN (");
      for (guint s = JT_STATUS_LEAD; s <= JT_STATUS_WITHDRAWN; s++)
        if (filter->statuses & (1u << s))
          {
            g_string_append_printf (sql, "%s?", sep);
            sep = ", ";
          }
      g_string_append (sql, ")");
    }
  if (filter->since != 0)
    g_string_append_printf (sql, "%sa.created_at >= ?", filter->statuses != 0 ? " AND " : "");
  /* No ORDER BY: the index that picks the rows decides their order, and sorting a
   * listing's few rows here is cheaper than a temporary b-tree in SQLite. */
  if ((stmt = jt_store_prepare (store, sql->str, error)) == NULL)
    return NULL;
  for (guint s = JT_STATUS_LEAD; s <= JT_STATUS_WITHDRAWN; s++)
    if (filter->statuses & (1u << s))
      jt_stmt_bind_text (stmt, index++, jt_status_to_string (s));
  if (filter->since != 0)
    jt_stmt_bind_int64 (stmt, index++, filter->since);
  apps = jt_store_collect (store, stmt, jt_application_from_row,
                           (GDestroyNotify) jt_application_free, error);
  if (apps != NULL)
    g_ptr_array_sort (apps, compare_application_ids);
  return apps;
}

gboolean
jt_store_application_fill_families (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) select = NULL;
  JtStep rc;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  /* No company folds to "": an empty family was never worked out. */
  select = jt_store_prepare (store,
                             "SELECT id, company FROM applications "
                             "WHERE company_family = ''",
                             error);
  if (select == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, select, error)) == JT_STEP_ROW)
    {
      g_autofree char *family = jt_company_family ((const char *) sqlite3_column_text (select, 1));
      g_autoptr (JtStmt) update = jt_store_prepare (
          store, "UPDATE applications SET company_family = ? WHERE id = ?", error);

      if (update == NULL)
        return FALSE;
      jt_stmt_bind_text (update, 1, family);
      jt_stmt_bind_int64 (update, 2, jt_stmt_int64 (select, 0));
      if (!jt_store_exec_stmt (store, update, error))
        return FALSE;
    }
  return rc == JT_STEP_DONE;
}

GPtrArray *
jt_store_application_list_family (JtStore *store, const char *company, GError **error)
{
  g_autofree char *family = jt_company_family (company);
  g_autoptr (JtStmt) stmt = jt_store_prepare (store,
                                              "SELECT " JT_APPLICATION_COLUMNS
                                              " FROM applications a WHERE a.company_family = ? "
                                              "ORDER BY a.id",
                                              error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, family);
  return jt_store_collect (store, stmt, jt_application_from_row,
                           (GDestroyNotify) jt_application_free, error);
}

gboolean
jt_store_application_find_recorded (JtStore *store, const char *company, const char *role,
                                    gint64 from, gint64 until, gint64 *id, GError **error)
{
  g_autofree char *company_key = jt_text_fold (company);
  g_autofree char *role_key = jt_text_fold (role);
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT a.id FROM applications a WHERE a.company_key = ? AND a.role_key = ? "
      "AND a.created_at >= ? AND a.created_at < ? ORDER BY a.id LIMIT 1",
      error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, company_key);
  jt_stmt_bind_text (stmt, 2, role_key);
  jt_stmt_bind_int64 (stmt, 3, from);
  jt_stmt_bind_int64 (stmt, 4, until);
  rc = jt_store_step (store, stmt, error);
  *id = rc == JT_STEP_ROW ? jt_stmt_int64 (stmt, 0) : 0;
  return rc != -1;
}
