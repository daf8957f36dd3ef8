/* jt-stats.c: how the search is going, in one pass over the applications of the period
 * and one over its follow-ups (see jt-stats.h for what each figure means). */
#include "jt-stats.h"

#include <math.h>
#include <string.h>

#include "jt-store-private.h"

#define NEVER G_MAXINT64

static const char *const stage_names[] = { "applied", "interview", "offer", "accepted" };
G_STATIC_ASSERT (G_N_ELEMENTS (stage_names) == JT_STAGE_COUNT);

const char *
jt_stage_to_string (JtStage stage)
{
  g_return_val_if_fail ((guint) stage < JT_STAGE_COUNT, NULL);
  return stage_names[stage];
}

static void
source_stats_free (JtSourceStats *source)
{
  g_free (source->source);
  g_free (source);
}

void
jt_stats_free (JtStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->quiet_ids, g_array_unref);
  g_clear_pointer (&stats->sources, g_ptr_array_unref);
  g_free (stats);
}

/* Per application: its status, source, when it was recorded and applied, which
 * statuses it has held, whether it had interviews and offers, its first response and
 * decision, and its last activity (as JT_APPLICATION_COLUMNS counts it). The large
 * sentinel stands for "never" so that min() skips it. */
#define APPLICATIONS_SQL                                                                      \
  "SELECT a.id, a.status, a.source, a.created_at, "                                           \
  " (SELECT min (s.changed_at) FROM status_changes s WHERE s.application_id = a.id "          \
  "  AND s.status NOT IN ('lead', 'withdrawn')), "                                            \
  " (SELECT group_concat (s.status) FROM status_changes s WHERE s.application_id = a.id), "    \
  " EXISTS (SELECT 1 FROM interviews i WHERE i.application_id = a.id), "                      \
  " EXISTS (SELECT 1 FROM offers f WHERE f.application_id = a.id), "                          \
  " min (ifnull ((SELECT min (i.start_at) FROM interviews i WHERE i.application_id = a.id), ?3), " \
  "  ifnull ((SELECT min (o.occurred_at) FROM outcomes o WHERE o.application_id = a.id "      \
  "   AND o.kind IN ('offer', 'rejected', 'accepted')), ?3), "                                \
  "  ifnull ((SELECT min (s.changed_at) FROM status_changes s WHERE s.application_id = a.id " \
  "   AND s.status IN ('interviewing', 'offer', 'accepted', 'declined', 'rejected')), ?3)), " \
  " min (ifnull ((SELECT min (o.occurred_at) FROM outcomes o WHERE o.application_id = a.id "  \
  "   AND o.kind IN ('offer', 'rejected', 'accepted')), ?3), "                                \
  "  ifnull ((SELECT min (s.changed_at) FROM status_changes s WHERE s.application_id = a.id " \
  "   AND s.status IN ('offer', 'accepted', 'declined', 'rejected')), ?3)), "                 \
  " max (a.created_at, "                                                                      \
  "  ifnull ((SELECT max (i.start_at) FROM interviews i WHERE i.application_id = a.id), 0), " \
  "  ifnull ((SELECT max (t.at) FROM touches t WHERE t.application_id = a.id), 0), "          \
  "  ifnull ((SELECT max (o.occurred_at) FROM outcomes o WHERE o.application_id = a.id), 0)) " \
  "FROM applications a WHERE a.created_at >= ?1 ORDER BY a.created_at"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static gboolean
held (char **statuses, const char *const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    if (statuses != NULL && g_strv_contains ((const char *const *) statuses, wanted[i]))
      return TRUE;
  return FALSE;
}

static JtSourceStats *
source_of (GHashTable *sources, GPtrArray *list, const char *name)
{
  JtSourceStats *source = g_hash_table_lookup (sources, name != NULL ? name : "");

  if (source == NULL)
    {
      source = g_new0 (JtSourceStats, 1);
      source->source = g_strdup (name);
      g_hash_table_insert (sources, g_strdup (name != NULL ? name : ""), source);
      g_ptr_array_add (list, source);
    }
  return source;
}

static int
compare_sources (gconstpointer a, gconstpointer b)
{
  const JtSourceStats *x = *(JtSourceStats *const *) a, *y = *(JtSourceStats *const *) b;

  if (x->applications != y->applications)
    return x->applications > y->applications ? -1 : 1;
  if ((x->source == NULL) != (y->source == NULL))
    return x->source == NULL ? 1 : -1; /* "no source" last */
  return g_strcmp0 (x->source, y->source);
}

static gboolean
read_applications (JtStore *store, const JtConfig *config, JtStats *stats, gint64 now,
                   GError **error)
{
  static const char *const applied[] = { "applied", "interviewing", "offer", "accepted",
                                         "declined", "rejected", NULL };
  static const char *const interviewed[] = { "interviewing", "offer", "accepted", "declined",
                                             NULL };
  static const char *const offered[] = { "offer", "accepted", "declined", NULL };
  static const char *const accepted[] = { "accepted", NULL };
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, APPLICATIONS_SQL, error);
  g_autoptr (GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) responses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) decisions = g_array_new (FALSE, FALSE, sizeof (double));
  int rc;

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, stats->since);
  jt_stmt_bind_int64 (stmt, 3, NEVER);
  while ((rc = jt_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = jt_stmt_int64 (stmt, 0);
      JtStatus status = JT_STATUS_APPLIED;
      const char *source_name = (const char *) sqlite3_column_text (stmt, 2);
      gint64 created_at = jt_stmt_int64 (stmt, 3);
      gboolean ever_applied = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      gint64 applied_at = ever_applied ? jt_stmt_int64 (stmt, 4) : created_at;
      g_auto (GStrv) statuses = g_strsplit ((const char *) (sqlite3_column_text (stmt, 5) != NULL
                                                               ? sqlite3_column_text (stmt, 5)
                                                               : (const guchar *) ""),
                                            ",", -1);
      gboolean had_interview = jt_stmt_int64 (stmt, 6) != 0;
      gboolean had_offer = jt_stmt_int64 (stmt, 7) != 0;
      gint64 response_at = jt_stmt_int64 (stmt, 8);
      gint64 decision_at = jt_stmt_int64 (stmt, 9);
      gint64 last_activity = jt_stmt_int64 (stmt, 10);
      gboolean reached[JT_STAGE_COUNT];
      JtSourceStats *source;

      /* The table's CHECK only admits known names. */
      jt_status_parse ((const char *) sqlite3_column_text (stmt, 1), &status, NULL);
      stats->applications++;
      stats->by_status[status]++;
      reached[JT_STAGE_APPLIED] = held (statuses, applied) || had_interview;
      reached[JT_STAGE_INTERVIEW] = held (statuses, interviewed) || had_interview;
      reached[JT_STAGE_OFFER] = held (statuses, offered) || had_offer;
      reached[JT_STAGE_ACCEPTED] = held (statuses, accepted);
      source = source_of (sources, stats->sources, source_name);
      source->applications++;
      for (guint s = 0; s < JT_STAGE_COUNT; s++)
        {
          stats->reached[s] += reached[s];
          source->reached[s] += reached[s];
        }
      /* An interview logged after the fact may predate the record: no answer then. */
      if (response_at != NEVER && response_at >= applied_at)
        {
          double days = (double) (response_at - applied_at) / 86400.0;

          g_array_append_val (responses, days);
        }
      if (decision_at != NEVER && decision_at >= applied_at)
        {
          double days = (double) (decision_at - applied_at) / 86400.0;

          g_array_append_val (decisions, days);
        }
      /* As jt_rules_application_is_quiet (the "(quiet)" of `app list`). */
      if (!jt_status_is_final (status) && now - last_activity >= (gint64) config->quiet_days * 86400)
        g_array_append_val (stats->quiet_ids, id);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  stats->responses = responses->len;
  stats->median_days_to_response = median (responses);
  stats->decisions = decisions->len;
  stats->median_days_to_decision = median (decisions);
  g_ptr_array_sort (stats->sources, compare_sources);
  return TRUE;
}

static GDate
local_day (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  return day;
}

static gboolean
read_follow_ups (JtStore *store, JtStats *stats, gint64 now, GTimeZone *tz, GError **error)
{
  g_autoptr (JtStmt) done = jt_store_prepare (
      store, "SELECT due_at, updated_at FROM reminders WHERE state = 'done' AND due_at >= ?",
      error);
  g_autoptr (JtStmt) overdue = NULL;
  int rc;

  if (done == NULL)
    return FALSE;
  jt_stmt_bind_int64 (done, 1, stats->since);
  while ((rc = jt_store_step (store, done, error)) == SQLITE_ROW)
    {
      GDate due = local_day (jt_stmt_int64 (done, 0), tz);
      GDate done_on = local_day (jt_stmt_int64 (done, 1), tz);

      if (g_date_compare (&done_on, &due) <= 0)
        stats->follow_ups_on_time++;
      else
        stats->follow_ups_late++;
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  overdue = jt_store_prepare (store,
                              "SELECT count(*) FROM reminders "
                              "WHERE state IN ('pending', 'snoozed') AND fire_at < ? "
                              "AND due_at >= ?",
                              error);
  if (overdue == NULL)
    return FALSE;
  jt_stmt_bind_int64 (overdue, 1, now);
  jt_stmt_bind_int64 (overdue, 2, stats->since);
  if (jt_store_step (store, overdue, error) != SQLITE_ROW)
    return FALSE;
  stats->follow_ups_overdue = (guint) jt_stmt_int64 (overdue, 0);
  return TRUE;
}

JtStats *
jt_stats_compute (JtStore *store, const JtConfig *config, gint64 since, gint64 now,
                  GTimeZone *tz, GError **error)
{
  g_autoptr (JtStats) stats = g_new0 (JtStats, 1);

  stats->since = since;
  stats->quiet_days = config->quiet_days;
  stats->quiet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stats->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_stats_free);
  if (!read_applications (store, config, stats, now, error)
      || !read_follow_ups (store, stats, now, tz, error))
    return NULL;
  return g_steal_pointer (&stats);
}
