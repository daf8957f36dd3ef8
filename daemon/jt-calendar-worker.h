/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-worker.h: the live calendar, brought up to date off the main loop.
 *
 * A large calendar takes a while to print; written on the main loop it would hold up
 * notifications and the daemon's answer to a write. The worker runs the calendar
 * writer (jt-calendar-writer.h) on a thread of its own, with a database connection of
 * its own, one update at a time: a request made while one runs is done right after it
 * (once, however many came). */
#pragma once

#include <glib.h>

#include "jt-config.h"

G_BEGIN_DECLS

typedef struct _JtCalendarWorker JtCalendarWorker;

/* Told, on the main context of the thread that made the worker, how each update went:
 * `error` is NULL when the calendar is up to date. */
typedef void (*JtCalendarDoneFunc) (const GError *error, gpointer user_data);

/* A worker keeping `calendar_path` equal to the export of the database at `db_path`.
 * Does nothing until asked. */
JtCalendarWorker *jt_calendar_worker_new (const char *db_path, const char *calendar_path,
                                          JtCalendarDoneFunc done, gpointer user_data);

/* Cancels an update that is running (the calendar stays as it was), waits for its
 * thread, and frees the worker. `done` is not called after this. */
void jt_calendar_worker_free (JtCalendarWorker *worker);

/* Brings the calendar up to date as of `now` (letter drafts' dates in `tz`, the
 * follow-ups' words from a copy of `config`), in the background. */
void jt_calendar_worker_request (JtCalendarWorker *worker, gint64 now, GTimeZone *tz,
                                 const JtConfig *config);

/* The calendar file; owned by the worker. */
const char *jt_calendar_worker_get_path (JtCalendarWorker *worker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCalendarWorker, jt_calendar_worker_free)

G_END_DECLS
