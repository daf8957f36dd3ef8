/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-stats.c: the rows `stats` reads, one query per kind of record over the
 * applications of the period, each answered by the applications' created_at index and
 * the per-application index of its table. */
#include "jt-store-stats.h"

#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-private.h"

void
jt_stats_application_free (JtStatsApplication *app)
{
  if (app == NULL)
    return;
  jt_application_free (app->application);
  g_array_unref (app->statuses);
  g_array_unref (app->outcomes);
  g_array_unref (app->resume_versions);
  g_free (app);
}

static int
compare_recorded (gconstpointer a, gconstpointer b)
{
  const JtStatsApplication *x = *(JtStatsApplication *const *) a;
  const JtStatsApplication *y = *(JtStatsApplication *const *) b;

  if (x->application->created_at != y->application->created_at)
    return x->application->created_at < y->application->created_at ? -1 : 1;
  return x->application->id < y->application->id ? -1 : x->application->id > y->application->id;
}

/* Adds the current row of `stmt` (its first column the application's id) to `app`. */
typedef void (*AddRowFunc) (JtStmt *stmt, JtStatsApplication *app);

static void
add_status_change (JtStmt *stmt, JtStatsApplication *app)
{
  g_autofree char *status = jt_stmt_dup_text (stmt, 1);
  JtStatusChange change = { .changed_at = jt_stmt_int64 (stmt, 2) };

  /* The table's CHECK only admits known names. */
  jt_status_parse (status, &change.status, NULL);
  g_array_append_val (app->statuses, change);
}

static void
add_outcome (JtStmt *stmt, JtStatsApplication *app)
{
  g_autofree char *kind = jt_stmt_dup_text (stmt, 1);
  JtOutcome outcome
      = { .application_id = app->application->id, .occurred_at = jt_stmt_int64 (stmt, 2) };

  jt_outcome_kind_parse (kind, &outcome.kind, NULL);
  g_array_append_val (app->outcomes, outcome);
}

static void
add_resume_version (JtStmt *stmt, JtStatsApplication *app)
{
  gint64 version = jt_stmt_int64 (stmt, 1);

  g_array_append_val (app->resume_versions, version);
}

static void
add_interviews_and_offers (JtStmt *stmt, JtStatsApplication *app)
{
  app->first_interview_at = jt_stmt_int64 (stmt, 1);
  app->has_offer = jt_stmt_int64 (stmt, 2) != 0;
}

/* Runs `sql` over the applications recorded since `since` (its one parameter) and hands
 * each row to `add` with the application it names. */
static gboolean
read_rows (JtStore *store, const char *sql, gint64 since, GHashTable *by_id, AddRowFunc add,
           GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, since);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      gint64 id = jt_stmt_int64 (stmt, 0);
      JtStatsApplication *app = g_hash_table_lookup (by_id, &id);

      if (app != NULL)
        add (stmt, app);
    }
  return rc == JT_STEP_DONE;
}

static int
compare_changes (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const JtStatusChange *) a)->changed_at, y = ((const JtStatusChange *) b)->changed_at;

  return x < y ? -1 : x > y;
}

static int
compare_outcomes (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const JtOutcome *) a)->occurred_at, y = ((const JtOutcome *) b)->occurred_at;

  return x < y ? -1 : x > y;
}

GPtrArray *
jt_store_stats_applications (JtStore *store, gint64 since, GError **error)
{
  /* Every listing's reading of an application, last activity included: one definition. */
  const JtApplicationFilter filter = { .since = since };
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) result = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if ((apps = jt_store_application_list_filtered (store, &filter, error)) == NULL)
    return NULL;
  /* The records move into the result. */
  g_ptr_array_set_free_func (apps, NULL);
  result = g_ptr_array_new_full (apps->len, (GDestroyNotify) jt_stats_application_free);
  for (guint i = 0; i < apps->len; i++)
    {
      JtStatsApplication *app = g_new0 (JtStatsApplication, 1);

      app->application = g_ptr_array_index (apps, i);
      app->statuses = g_array_new (FALSE, FALSE, sizeof (JtStatusChange));
      app->outcomes = g_array_new (FALSE, FALSE, sizeof (JtOutcome));
      app->resume_versions = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (by_id, &app->application->id, app);
      g_ptr_array_add (result, app);
    }
  if (!read_rows (store,
                  "SELECT s.application_id, s.status, s.changed_at FROM applications a "
                  "JOIN status_changes s ON s.application_id = a.id WHERE a.created_at >= ?",
                  since, by_id, add_status_change, error)
      || !read_rows (store,
                     "SELECT o.application_id, o.kind, o.occurred_at FROM applications a "
                     "JOIN outcomes o ON o.application_id = a.id WHERE a.created_at >= ?",
                     since, by_id, add_outcome, error)
      || !read_rows (store,
                     "SELECT a.id, "
                     "(SELECT min (i.start_at) FROM interviews i WHERE i.application_id = a.id), "
                     "EXISTS (SELECT 1 FROM offers f WHERE f.application_id = a.id) "
                     "FROM applications a WHERE a.created_at >= ?",
                     since, by_id, add_interviews_and_offers, error)
      || !read_rows (store,
                     "SELECT d.application_id, d.resume_version_id FROM applications a "
                     "JOIN documents d ON d.application_id = a.id "
                     "WHERE a.created_at >= ? AND d.resume_version_id IS NOT NULL",
                     since, by_id, add_resume_version, error))
    return NULL;
  for (guint i = 0; i < result->len; i++)
    {
      JtStatsApplication *app = g_ptr_array_index (result, i);

      g_array_sort (app->statuses, compare_changes);
      g_array_sort (app->outcomes, compare_outcomes);
    }
  g_ptr_array_sort (result, compare_recorded);
  return g_steal_pointer (&result);
}

GArray *
jt_store_stats_done_follow_ups (JtStore *store, gint64 since, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT due_at, updated_at FROM reminders WHERE state = 'done' AND due_at >= ?",
      error);
  g_autoptr (GArray) done = g_array_new (FALSE, FALSE, sizeof (JtDoneFollowUp));
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, since);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      JtDoneFollowUp one = { jt_stmt_int64 (stmt, 0), jt_stmt_int64 (stmt, 1) };

      g_array_append_val (done, one);
    }
  return rc == JT_STEP_DONE ? g_steal_pointer (&done) : NULL;
}

gboolean
jt_store_stats_count_overdue (JtStore *store, gint64 since, gint64 now, guint *count,
                              GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT count(*) FROM reminders "
                          "WHERE state IN ('pending', 'snoozed') AND fire_at < ? "
                          "AND due_at >= ?",
                          error);

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, now);
  jt_stmt_bind_int64 (stmt, 2, since);
  if (jt_store_step (store, stmt, error) != JT_STEP_ROW)
    return FALSE;
  *count = (guint) jt_stmt_int64 (stmt, 0);
  return TRUE;
}
