/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync.h: two-way CalDAV sync of the follow-ups as tasks (issue 14, doc/design.md).
 *
 * The server is the person's own ([caldav] of config.ini). Each follow-up is one VTODO
 * resource (jt-ical-todo.h) named "jt-<digest>.ics", open ones and those done or
 * dismissed since they were put there (COMPLETED, CANCELLED: never deleted). A sync
 * first pulls what the phone changed (RFC 6578 sync-collection with the stored token,
 * else getctag and a PROPFIND of every ETag; calendar-multiget of what changed) and
 * applies a person's acts — completed: done; cancelled or deleted: dismissed; DUE moved:
 * snoozed — then pushes what differs from what was last pushed (If-None-Match: * for a
 * new one, If-Match its ETag otherwise). A follow-up the server refuses (a 4xx but
 * 401, 404, 409, 410 and 412) keeps no other from being pushed; the sync then fails
 * naming the first refusal. Resources jobtrack did not write are never touched. */
#pragma once

#include "jt-config.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint created;        /* put on the server for the first time */
  guint updated;        /* put again: moved, reworded, closed here */
  guint cancelled;      /* withdrawn by the rules: cancelled on the server */
  guint done_here;      /* completed on the server -> done here */
  guint dismissed_here; /* cancelled or deleted on the server -> dismissed here */
  guint snoozed_here;   /* DUE moved on the server -> snoozed here */
  guint restored;       /* reworded on the server: jobtrack's words put back */
  guint conflicts;      /* 412 twice: left for the next sync */
  guint requests;       /* HTTP requests sent */
} JtSyncReport;

/* Called while pushing many, for a progress line: `done` of `total`. */
typedef void (*JtSyncProgress) (guint done, guint total, gpointer user_data);

/* What `jobtrack sync setup` found and chose, for it to print. */
typedef struct
{
  char *principal;  /* URL, or NULL */
  char *home;       /* calendar-home-set URL, or NULL */
  GPtrArray *lists; /* "NAME <URL>" of each task list found */
  char *chosen;     /* the collection's URL */
  gboolean created; /* made with MKCALENDAR */
} JtSyncSetup;

void jt_sync_setup_free (JtSyncSetup *setup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncSetup, jt_sync_setup_free)

/* Asks whether to create the task list `name` on the server; FALSE means no. */
typedef gboolean (*JtSyncConfirm) (const char *name, gpointer user_data);

/* Finds the task list named by [caldav] collection (or creates it, when `confirm`
 * agrees), probes it with a test task put and deleted, and records it in `store`. */
JtSyncSetup *jt_sync_setup (JtStore *store, const JtConfig *config, JtSyncConfirm confirm,
                            gpointer user_data, GError **error);

/* Pulls and pushes once at `now`; the follow-ups' words come from `config`. A time the
 * phone wrote without a zone is read in `tz`, the person's zone (the rules' zone), and a
 * due day without a time is that day at [rules] call_hour there (JtTodoZone). The result
 * is recorded (jobtrack sync --status). */
gboolean jt_sync_run (JtStore *store, const JtConfig *config, GTimeZone *tz, gint64 now,
                      JtSyncProgress progress, gpointer user_data, JtSyncReport *report,
                      GError **error);

/* What sync --status tells of the follow-ups, counted without asking the server. */
typedef struct
{
  guint on_server; /* tasks jobtrack has put there (or seen there) */
  guint waiting;   /* follow-ups whose task the next sync will put there */
} JtSyncCounts;

/* Counts at `now` in `tz` what jt_sync_run would push, and what is on the server already. */
gboolean jt_sync_count (JtStore *store, const JtConfig *config, GTimeZone *tz, gint64 now,
                        JtSyncCounts *counts, GError **error);

G_END_DECLS
