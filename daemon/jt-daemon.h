/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-daemon.h: jobtrackd — delivering each follow-up once, at its time.
 *
 * The daemon sleeps on a wall-clock timer until the next reminder's fire time, wakes
 * for other programs' writes (jobtrack), for clock, time-zone and resume changes, and
 * for a notification server appearing; then it shows what came due and marks each one
 * notified only after the server accepted it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JtDaemon JtDaemon;

/* Sets up the daemon for the database at `db_path`: takes the one-instance lock, opens
 * the store, loads the configuration. JT_ERROR_BUSY when another jobtrackd runs on it. */
JtDaemon *jt_daemon_new (const char *db_path, GError **error);
void jt_daemon_free (JtDaemon *daemon);

/* Runs until SIGTERM or SIGINT; returns the exit status. */
int jt_daemon_run (JtDaemon *daemon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtDaemon, jt_daemon_free)

G_END_DECLS
