/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-runner.h: jobtrackd's CalDAV sync (common/sync/jt-sync.h), when [caldav] is set.
 *
 * When it syncs:
 * - at start, after a resume, and when the network comes back (GNetworkMonitor);
 * - 2 s after a change to the follow-ups (jt_sync_runner_changed), so that a burst of
 *   changes is one sync: at most 2 s after the first;
 * - every [caldav] interval, for what the phone changed: the only periodic wake-up,
 *   and none at all without [caldav].
 * A sync runs on a thread of its own with its own database connection, one at a time,
 * so that it never holds up notifications or the calendar file; a request made while
 * one runs is done after it. The sync's own writes are not changes to push: the runner
 * knows them by SQLite's data_version (which moves for other connections' commits
 * only), and when someone else wrote while a sync ran, it syncs once more, 2 s after,
 * whether that sync worked or failed: the sync's connection is read for it once it has
 * ended, after the daemon's own, so that no commit is lost between the two.
 * A failure is logged once, when the state changes, and retried with backoff
 * (30 s, doubling, at most an hour); a refused login (JT_ERROR_AUTH) is not retried
 * before the next interval or a new configuration. */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct _JtSyncRunner JtSyncRunner;

/* A runner for the database at `db_path`, whose own connection in this process is
 * `store` (read for its data_version, never written). Syncs nothing while `config` has
 * no [caldav] url. Its work starts with jt_sync_runner_start. */
JtSyncRunner *jt_sync_runner_new (const char *db_path, JtStore *store, const JtConfig *config);

/* Frees the runner. A sync still waiting for the server is left to end with the
 * process: its writes are transactions, and what it did not record is repaired by the
 * next sync. */
void jt_sync_runner_free (JtSyncRunner *runner);

/* The first sync, and the interval from now. */
void jt_sync_runner_start (JtSyncRunner *runner);

/* A new configuration (a copy is kept): syncs now when it changed [caldav]. */
void jt_sync_runner_set_config (JtSyncRunner *runner, const JtConfig *config);

/* Another process committed to the database (jt-db-watch.h): a sync 2 s later, unless it
 * was the sync's own writing. */
void jt_sync_runner_database_changed (JtSyncRunner *runner);

/* This process changed the follow-ups (a click on Done or Snooze): a sync 2 s later. */
void jt_sync_runner_changed_here (JtSyncRunner *runner);

/* A sync now (`why` is logged with --verbose: "resumed"). */
void jt_sync_runner_now (JtSyncRunner *runner, const char *why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncRunner, jt_sync_runner_free)

G_END_DECLS
