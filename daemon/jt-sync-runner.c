/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-runner.c: when jobtrackd syncs, and the thread that does (see jt-sync-runner.h). */
#include "jt-sync-runner.h"

#include <gio/gio.h>

#include "jt-error.h"
#include "jt-rules.h"
#include "jt-sync.h"

#define SOON_MS 2000            /* from a change to its push */
#define RETRY_FIRST_SECONDS 30  /* after a first failure; doubling after each */
#define RETRY_LAST_SECONDS 3600 /* the longest wait between two tries */

/* One sync, shared by the thread that runs it and the main context that started it: the
 * last of the two to let go frees it. */
typedef struct
{
  gint refs;
  char *db_path;
  JtConfig *config;
  GTimeZone *tz;
  gint64 now;
  JtRules *rules;
  JtStore *store; /* its connection, kept open until the main context has looked */
  gint64 before;  /* the connection's data_version when it started */
  JtSyncReport report;
  GError *error;
  JtSyncRunner *runner; /* NULL once the runner is gone; main context only */
} Job;

struct _JtSyncRunner
{
  char *db_path;
  JtStore *store; /* the daemon's connection: its data_version only */
  JtConfig *config;
  GNetworkMonitor *network;
  gulong network_handler;
  gboolean network_available;
  guint interval_source;
  guint soon_source;
  guint retry_source;
  Job *job;         /* the sync running, or NULL */
  gboolean again;   /* asked for while it ran */
  gint64 version;   /* the daemon's data_version when the last sync ended */
  guint failures;   /* in a row */
  char *last_error; /* the failure logged last, until a sync works */
};

static void
job_unref (Job *job)
{
  if (!g_atomic_int_dec_and_test (&job->refs))
    return;
  jt_store_free (job->store);
  g_clear_pointer (&job->rules, jt_rules_free);
  g_free (job->db_path);
  jt_config_free (job->config);
  g_time_zone_unref (job->tz);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
enabled (const JtSyncRunner *runner)
{
  return *runner->config->caldav_url != '\0';
}

/* ---- The thread ------------------------------------------------------------------------ */

static gboolean on_job_done (gpointer user_data);

static gpointer
run_job (gpointer user_data)
{
  Job *job = user_data;

  /* Its own connection, and rules of its own: a follow-up done on the phone runs the
   * rules as `jobtrack done` does. */
  job->rules = jt_rules_new (job->config, job->tz, job->now);
  job->store = jt_rules_open_store (job->rules, job->db_path, JT_STORE_WRITE, &job->error);
  if (job->store != NULL && !jt_store_data_version (job->store, &job->before, &job->error))
    g_clear_pointer (&job->store, jt_store_free);
  if (job->store != NULL)
    jt_sync_run (job->store, job->config, job->tz, job->now, NULL, NULL, &job->report, &job->error);
  /* The main context takes it from here (with this thread's reference), and the
   * connection with it: this thread no longer uses it. */
  g_idle_add_full (G_PRIORITY_DEFAULT, on_job_done, job, NULL);
  return NULL;
}

/* ---- When -------------------------------------------------------------------------------- */

static void start_job (JtSyncRunner *runner);

static gboolean
on_soon (gpointer user_data)
{
  JtSyncRunner *runner = user_data;

  runner->soon_source = 0;
  start_job (runner);
  return G_SOURCE_REMOVE;
}

/* A sync SOON_MS from the first of a burst of changes. */
static void
sync_soon (JtSyncRunner *runner)
{
  if (enabled (runner) && runner->soon_source == 0)
    runner->soon_source = g_timeout_add (SOON_MS, on_soon, runner);
}

static gboolean
on_retry (gpointer user_data)
{
  JtSyncRunner *runner = user_data;

  runner->retry_source = 0;
  g_debug ("sync: trying again");
  start_job (runner);
  return G_SOURCE_REMOVE;
}

static gboolean
on_interval (gpointer user_data)
{
  JtSyncRunner *runner = user_data;

  g_debug ("sync: the interval is up");
  start_job (runner);
  return G_SOURCE_CONTINUE;
}

static void
restart_interval (JtSyncRunner *runner)
{
  g_clear_handle_id (&runner->interval_source, g_source_remove);
  if (enabled (runner))
    runner->interval_source
        = g_timeout_add_seconds ((guint) runner->config->caldav_interval, on_interval, runner);
}

/* How a sync went, in the log: a failure once until it changes, and the return of
 * syncs that work. */
static void
log_result (JtSyncRunner *runner, const Job *job)
{
  const JtSyncReport *r = &job->report;

  if (job->error != NULL)
    {
      if (g_strcmp0 (runner->last_error, job->error->message) != 0)
        g_warning ("cannot sync with the task list: %s", job->error->message);
      g_free (runner->last_error);
      runner->last_error = g_strdup (job->error->message);
      return;
    }
  if (runner->last_error != NULL)
    g_message ("syncing with the task list works again");
  g_clear_pointer (&runner->last_error, g_free);
  g_debug ("sync: %u created, %u updated, %u cancelled; from the server %u done, %u dismissed, "
           "%u snoozed; %u restored, %u left for later; %u requests",
           r->created, r->updated, r->cancelled, r->done_here, r->dismissed_here, r->snoozed_here,
           r->restored, r->conflicts, r->requests);
}

static gboolean
on_job_done (gpointer user_data)
{
  Job *job = user_data;
  JtSyncRunner *runner = job->runner;
  g_autoptr (GError) error = NULL;
  gboolean others_wrote = FALSE;
  gint64 last_version;

  if (runner == NULL)
    {
      job_unref (job); /* the thread's */
      job_unref (job); /* the runner's, left when it went */
      return G_SOURCE_REMOVE;
    }
  runner->job = NULL;
  log_result (runner, job);
  /* What the sync wrote is not a change to push; what anyone else committed since it
   * started is, whether or not the sync worked. The daemon's connection is read first,
   * then the sync's: a commit before the second read is seen by it, one after the first
   * moves the daemon's version past runner->version (jt_sync_runner_database_changed).
   * So none is taken for the sync's own, however close to its end it lands. */
  last_version = runner->version;
  if (!jt_store_data_version (runner->store, &runner->version, &error))
    g_debug ("sync: cannot read the database's version: %s", error->message);
  if (job->store != NULL)
    {
      gint64 after;

      g_clear_error (&error);
      if (jt_store_data_version (job->store, &after, &error))
        others_wrote = after != job->before;
      else
        g_debug ("sync: cannot read the database's version: %s", error->message);
      g_clear_pointer (&job->store, jt_store_free);
    }
  else
    others_wrote = runner->version != last_version; /* it could not open: it wrote nothing */
  if (job->error == NULL)
    runner->failures = 0;
  else if (!g_error_matches (job->error, JT_ERROR, JT_ERROR_AUTH))
    {
      /* 30 s, 60 s, … an hour: a server down for long is asked once an hour. */
      guint shift = MIN (runner->failures, 7);
      guint seconds = MIN ((guint) RETRY_FIRST_SECONDS << shift, (guint) RETRY_LAST_SECONDS);

      runner->failures++;
      g_clear_handle_id (&runner->retry_source, g_source_remove);
      runner->retry_source = g_timeout_add_seconds (seconds, on_retry, runner);
      g_debug ("sync: trying again in %u s", seconds);
    }
  if (others_wrote)
    g_debug ("sync: the database changed while syncing; syncing again in %d s", SOON_MS / 1000);
  if (others_wrote || runner->again)
    {
      runner->again = FALSE;
      sync_soon (runner);
    }
  job_unref (job); /* the thread's */
  job_unref (job); /* the runner's */
  return G_SOURCE_REMOVE;
}

static void
start_job (JtSyncRunner *runner)
{
  Job *job;
  GThread *thread;

  if (!enabled (runner))
    return;
  if (runner->job != NULL)
    {
      runner->again = TRUE;
      return;
    }
  g_clear_handle_id (&runner->soon_source, g_source_remove);
  g_clear_handle_id (&runner->retry_source, g_source_remove);
  job = g_new0 (Job, 1);
  job->refs = 2; /* the runner's and the thread's */
  job->db_path = g_strdup (runner->db_path);
  job->config = jt_config_copy (runner->config);
  job->tz = g_time_zone_new_local ();
  job->now = g_get_real_time () / G_USEC_PER_SEC;
  job->runner = runner;
  runner->job = job;
  thread = g_thread_new ("jt-sync", run_job, job);
  g_thread_unref (thread);
}

/* ---- The network ------------------------------------------------------------------------ */

static void
on_network_changed (GNetworkMonitor *monitor, gboolean available, gpointer user_data)
{
  JtSyncRunner *runner = user_data;
  gboolean came_back = available && !runner->network_available;

  runner->network_available = available;
  if (came_back)
    jt_sync_runner_now (runner, "the network is back");
}

/* ---- The runner ------------------------------------------------------------------------- */

JtSyncRunner *
jt_sync_runner_new (const char *db_path, JtStore *store, const JtConfig *config)
{
  JtSyncRunner *runner = g_new0 (JtSyncRunner, 1);
  g_autoptr (GError) error = NULL;

  runner->db_path = g_strdup (db_path);
  runner->store = store;
  runner->config = jt_config_copy (config);
  if (!jt_store_data_version (store, &runner->version, &error))
    g_debug ("sync: cannot read the database's version: %s", error->message);
  return runner;
}

void
jt_sync_runner_start (JtSyncRunner *runner)
{
  if (!enabled (runner))
    return;
  runner->network = g_object_ref (g_network_monitor_get_default ());
  runner->network_available = g_network_monitor_get_network_available (runner->network);
  runner->network_handler = g_signal_connect (runner->network, "network-changed",
                                              G_CALLBACK (on_network_changed), runner);
  restart_interval (runner);
  jt_sync_runner_now (runner, "starting");
}

void
jt_sync_runner_set_config (JtSyncRunner *runner, const JtConfig *config)
{
  const JtConfig *old = runner->config;
  gboolean changed = g_strcmp0 (old->caldav_url, config->caldav_url) != 0
                     || g_strcmp0 (old->caldav_username, config->caldav_username) != 0
                     || g_strcmp0 (old->caldav_password_cmd, config->caldav_password_cmd) != 0
                     || g_strcmp0 (old->caldav_collection, config->caldav_collection) != 0
                     || g_strcmp0 (old->caldav_ca_file, config->caldav_ca_file) != 0
                     || old->caldav_allow_http != config->caldav_allow_http;
  gboolean new_interval = old->caldav_interval != config->caldav_interval;
  gboolean was_enabled = enabled (runner);

  jt_config_free (runner->config);
  runner->config = jt_config_copy (config);
  if (!was_enabled && enabled (runner) && runner->network == NULL)
    {
      jt_sync_runner_start (runner);
      return;
    }
  if (changed || new_interval)
    restart_interval (runner);
  if (changed)
    {
      /* A new login or server deserves a try at once, and a new failure a new line. */
      runner->failures = 0;
      g_clear_pointer (&runner->last_error, g_free);
      jt_sync_runner_now (runner, "the configuration changed");
    }
}

void
jt_sync_runner_database_changed (JtSyncRunner *runner)
{
  g_autoptr (GError) error = NULL;
  gint64 version;

  if (!enabled (runner))
    return;
  /* While a sync runs, it tells itself whether someone else wrote. */
  if (runner->job != NULL)
    return;
  if (jt_store_data_version (runner->store, &version, &error) && version == runner->version)
    return; /* the last sync's own writing */
  g_debug ("sync: the database changed; syncing in %d s", SOON_MS / 1000);
  sync_soon (runner);
}

void
jt_sync_runner_changed_here (JtSyncRunner *runner)
{
  if (runner->job != NULL)
    runner->again = TRUE;
  else
    sync_soon (runner);
}

void
jt_sync_runner_now (JtSyncRunner *runner, const char *why)
{
  if (!enabled (runner))
    return;
  g_debug ("sync: %s; syncing now", why);
  start_job (runner);
}

void
jt_sync_runner_free (JtSyncRunner *runner)
{
  if (runner == NULL)
    return;
  if (runner->network != NULL)
    {
      g_signal_handler_disconnect (runner->network, runner->network_handler);
      g_object_unref (runner->network);
    }
  g_clear_handle_id (&runner->interval_source, g_source_remove);
  g_clear_handle_id (&runner->soon_source, g_source_remove);
  g_clear_handle_id (&runner->retry_source, g_source_remove);
  /* A sync waiting on the server is not waited for: it ends with the process, or
   * frees itself when done (on_job_done, with no runner). */
  if (runner->job != NULL)
    runner->job->runner = NULL;
  jt_config_free (runner->config);
  g_free (runner->last_error);
  g_free (runner->db_path);
  g_free (runner);
}
