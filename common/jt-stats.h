/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-stats.h: how the search is going (`jobtrack stats`), read from the records.
 *
 * Definitions (doc/design.md's pipeline: lead → applied → interviewing → offer → accepted):
 * - applied: the application left "lead" for any status but "withdrawn" (a lead given
 *   up was never sent); reached interview: it has an interview, or was interviewing or
 *   later (offer, accepted, declined); reached offer: it has an offer, or was offer,
 *   accepted or declined; accepted: it was accepted.
 * - applied at: when it first left "lead" (else when it was recorded).
 * - first response: the first interview, outcome, or move to interviewing or beyond
 *   (rejected included), whichever came first after it was applied.
 * - decision: the first offer, rejection or acceptance, as an outcome or a status.
 * - quiet: jt_rules_application_is_quiet, as `app list` marks them.
 * - per résumé version: the applications of the period that were sent it, and the
 *   stages they reached (above); a version no application of the period used counts 0.
 * - follow-ups: reminders due in the period; a done one is on time when it was marked
 *   done by the end of the local day it was due; overdue ones are still open past due. */
#pragma once

#include "jt-config.h"
#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* JtStage, the funnel's stages, and which statuses reach them: jt-records.h. */

/* "applied", "interview", "offer", "accepted" (static). */
const char *jt_stage_to_string (JtStage stage);

typedef struct
{
  char *source; /* NULL for applications without one */
  guint applications;
  guint reached[JT_STAGE_COUNT];
} JtSourceStats;

/* The applications sent one résumé version (app attach --resume, add --resume), and
 * how far they got, by the same stages as the whole funnel. */
typedef struct
{
  char *name; /* the version's ("backend-v3") */
  guint applications;
  guint reached[JT_STAGE_COUNT];
} JtResumeStats;

typedef struct
{
  gint64 since;                             /* 0 for all time */
  guint applications;                       /* recorded since `since` */
  guint by_status[JT_STATUS_WITHDRAWN + 1]; /* indexed by JtStatus */
  guint reached[JT_STAGE_COUNT];
  /* Days, over the applications that have one; NAN when none has. */
  double median_days_to_response;
  guint responses;
  double median_days_to_decision;
  guint decisions;
  guint follow_ups_on_time;
  guint follow_ups_late;
  guint follow_ups_overdue;
  int quiet_days;
  GArray *quiet_ids;  /* gint64 ids of the quiet applications, oldest first */
  GPtrArray *sources; /* JtSourceStats*, most applications first */
  GPtrArray *resumes; /* JtResumeStats*, one per résumé version, oldest version first */
} JtStats;

void jt_stats_free (JtStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtStats, jt_stats_free)

/* The figures over the applications recorded at or after `since` (0: all) and the
 * follow-ups due from then, as of `now`; days are counted in `tz`. New stats. */
JtStats *jt_stats_compute (JtStore *store, const JtConfig *config, gint64 since, gint64 now,
                           GTimeZone *tz, GError **error);

G_END_DECLS
