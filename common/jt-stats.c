/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-stats.c: how the search is going, in one pass over the applications of the period
 * and one over its follow-ups (see jt-stats.h for what each figure means). */
#include "jt-stats.h"

#include <math.h>
#include <string.h>

#include "jt-rules.h"
#include "jt-store-documents.h"
#include "jt-store-stats.h"
#include "jt-time.h"

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

static void
resume_stats_free (JtResumeStats *resume)
{
  g_free (resume->name);
  g_free (resume);
}

void
jt_stats_free (JtStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->resumes, g_ptr_array_unref);
  g_clear_pointer (&stats->quiet_ids, g_array_unref);
  g_clear_pointer (&stats->sources, g_ptr_array_unref);
  g_free (stats);
}

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

/* When the application was sent (it first held a status of the applied stage, else
 * when it was recorded), its first response and the employer's decision, and which
 * stages it reached, by the records layer's definitions. */
typedef struct
{
  gint64 applied_at;
  gint64 response_at; /* JT_TIME_NEVER: none */
  gint64 decision_at; /* JT_TIME_NEVER: none */
  gboolean reached[JT_STAGE_COUNT];
} Progress;

static void
progress_read (const JtStatsApplication *app, Progress *p)
{
  gboolean applied = FALSE;

  p->applied_at = app->application->created_at;
  p->response_at = app->first_interview_at != 0 ? app->first_interview_at : JT_TIME_NEVER;
  p->decision_at = JT_TIME_NEVER;
  memset (p->reached, 0, sizeof p->reached);
  for (guint i = 0; i < app->statuses->len; i++)
    {
      const JtStatusChange *change = &g_array_index (app->statuses, JtStatusChange, i);

      if (!applied && jt_status_reaches_stage (change->status, JT_STAGE_APPLIED))
        {
          applied = TRUE;
          p->applied_at = change->changed_at;
        }
      if (jt_status_is_response (change->status))
        p->response_at = MIN (p->response_at, change->changed_at);
      if (jt_status_is_decision (change->status))
        p->decision_at = MIN (p->decision_at, change->changed_at);
      for (guint s = 0; s < JT_STAGE_COUNT; s++)
        p->reached[s] |= jt_status_reaches_stage (change->status, s);
    }
  for (guint i = 0; i < app->outcomes->len; i++)
    {
      const JtOutcome *outcome = &g_array_index (app->outcomes, JtOutcome, i);

      if (jt_outcome_kind_is_decision (outcome->kind))
        {
          p->response_at = MIN (p->response_at, outcome->occurred_at);
          p->decision_at = MIN (p->decision_at, outcome->occurred_at);
        }
    }
  /* An interview shows it was applied and interviewed for; an offer, that it got one. */
  p->reached[JT_STAGE_APPLIED] |= app->first_interview_at != 0;
  p->reached[JT_STAGE_INTERVIEW] |= app->first_interview_at != 0;
  p->reached[JT_STAGE_OFFER] |= app->has_offer;
}

/* One JtResumeStats per version, in stats->resumes; `by_id` finds them by the version's id. */
static gboolean
read_resume_versions (JtStore *store, JtStats *stats, GHashTable *by_id, GError **error)
{
  g_autoptr (GPtrArray) versions = jt_store_resume_version_list (store, error);

  if (versions == NULL)
    return FALSE;
  for (guint i = 0; i < versions->len; i++)
    {
      JtResumeVersion *version = g_ptr_array_index (versions, i);
      JtResumeStats *resume = g_new0 (JtResumeStats, 1);
      gint64 *id = g_new (gint64, 1);

      resume->name = g_steal_pointer (&version->name);
      *id = version->id;
      g_hash_table_insert (by_id, id, resume);
      g_ptr_array_add (stats->resumes, resume);
    }
  return TRUE;
}

static gboolean
read_applications (JtStore *store, const JtRules *rules, JtStats *stats, GError **error)
{
  g_autoptr (GPtrArray) apps = jt_store_stats_applications (store, stats->since, error);
  g_autoptr (GHashTable) resumes
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) responses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) decisions = g_array_new (FALSE, FALSE, sizeof (double));

  if (apps == NULL || !read_resume_versions (store, stats, resumes, error))
    return FALSE;
  for (guint i = 0; i < apps->len; i++)
    {
      const JtStatsApplication *app = g_ptr_array_index (apps, i);
      const JtApplication *record = app->application;
      JtSourceStats *source;
      Progress p;

      progress_read (app, &p);
      stats->applications++;
      stats->by_status[record->status]++;
      source = source_of (sources, stats->sources, record->source);
      source->applications++;
      for (guint s = 0; s < JT_STAGE_COUNT; s++)
        {
          stats->reached[s] += p.reached[s];
          source->reached[s] += p.reached[s];
        }
      /* Each version once per application, however it was attached. */
      for (guint v = 0; v < app->resume_versions->len; v++)
        {
          gint64 id = g_array_index (app->resume_versions, gint64, v);
          JtResumeStats *resume = g_hash_table_lookup (resumes, &id);
          gboolean seen = FALSE;

          for (guint w = 0; w < v; w++)
            seen |= g_array_index (app->resume_versions, gint64, w) == id;
          if (resume == NULL || seen)
            continue;
          resume->applications++;
          for (guint s = 0; s < JT_STAGE_COUNT; s++)
            resume->reached[s] += p.reached[s];
        }
      /* An interview logged after the fact may predate the record: no answer then. */
      if (p.response_at != JT_TIME_NEVER && p.response_at >= p.applied_at)
        {
          double days = (double) (p.response_at - p.applied_at) / (double) JT_DAY_SECONDS;

          g_array_append_val (responses, days);
        }
      if (p.decision_at != JT_TIME_NEVER && p.decision_at >= p.applied_at)
        {
          double days = (double) (p.decision_at - p.applied_at) / (double) JT_DAY_SECONDS;

          g_array_append_val (decisions, days);
        }
      /* The "(quiet)" of `app list`: the one definition, in the rules. */
      if (jt_rules_application_is_quiet (rules, record))
        g_array_append_val (stats->quiet_ids, record->id);
    }
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
  g_autoptr (GArray) done = jt_store_stats_done_follow_ups (store, stats->since, error);

  if (done == NULL)
    return FALSE;
  for (guint i = 0; i < done->len; i++)
    {
      const JtDoneFollowUp *one = &g_array_index (done, JtDoneFollowUp, i);
      GDate due = local_day (one->due_at, tz);
      GDate done_on = local_day (one->done_at, tz);

      if (g_date_compare (&done_on, &due) <= 0)
        stats->follow_ups_on_time++;
      else
        stats->follow_ups_late++;
    }
  return jt_store_stats_count_overdue (store, stats->since, now, &stats->follow_ups_overdue, error);
}

JtStats *
jt_stats_compute (JtStore *store, const JtConfig *config, gint64 since, gint64 now, GTimeZone *tz,
                  GError **error)
{
  g_autoptr (JtStats) stats = g_new0 (JtStats, 1);
  g_autoptr (JtRules) rules = jt_rules_new (config, tz, now);
  g_autoptr (JtTransaction) txn = NULL;

  stats->since = since;
  stats->quiet_days = config->quiet_days;
  stats->quiet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stats->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_stats_free);
  stats->resumes = g_ptr_array_new_with_free_func ((GDestroyNotify) resume_stats_free);
  /* One snapshot for every figure. */
  if ((txn = jt_store_begin_read (store, error)) == NULL
      || !read_applications (store, rules, stats, error)
      || !read_follow_ups (store, stats, now, tz, error))
    return NULL;
  return g_steal_pointer (&stats);
}
