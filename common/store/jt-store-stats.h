/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-stats.h: what `jobtrack stats` reads, as plain records; the figures are worked
 * out from them in jt-stats.c, by the definitions of the records layer. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* One application as the stats see it. */
typedef struct
{
  JtApplication *application; /* with its last activity, as every listing reads it */
  GArray *statuses;           /* JtStatusChange, the status history, oldest first */
  GArray *outcomes;           /* JtOutcome (application_id and kind, when), oldest first */
  gint64 first_interview_at;  /* 0 when it has no interview */
  gboolean has_offer;
  GArray *resume_versions; /* gint64 ids of the résumé versions it was sent (schema 11) */
} JtStatsApplication;

void jt_stats_application_free (JtStatsApplication *app);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtStatsApplication, jt_stats_application_free)

/* The applications recorded at or after `since` (0: all), oldest first (by the time
 * they were recorded, then by id); in a read transaction, one snapshot. A new array of
 * JtStatsApplication*. */
GPtrArray *jt_store_stats_applications (JtStore *store, gint64 since, GError **error);

/* A follow-up marked done: when it was due, and when it was marked. */
typedef struct
{
  gint64 due_at;
  gint64 done_at;
} JtDoneFollowUp;

/* The follow-ups marked done that were due at or after `since`. A new array of
 * JtDoneFollowUp. */
GArray *jt_store_stats_done_follow_ups (JtStore *store, gint64 since, GError **error);

/* How many follow-ups due at or after `since` are still open (pending or snoozed) and
 * were to be shown before `now`. */
gboolean jt_store_stats_count_overdue (JtStore *store, gint64 since, gint64 now, guint *count,
                                       GError **error);

G_END_DECLS
