/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-daemon.c: jobtrackd's parts wired to the main loop. */
#include "jt-daemon.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/time.h>
#include <unistd.h>

#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "jt-calendar-worker.h"
#include "jt-calendar-writer.h"
#include "jt-config.h"
#include "jt-db-watch.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-draft.h"
#include "jt-fault.h"
#include "jt-notifier.h"
#include "jt-paths.h"
#include "jt-reminder-actions.h"
#include "jt-reminder-text.h"
#include "jt-rules.h"
#include "jt-scheduler.h"
#include "jt-store-reminders.h"
#include "jt-time.h"
#include "jt-store.h"
#include "jt-sync-runner.h"
#include "jt-wall-timer.h"

/* With follow-ups waiting and no way to show them, look again this often (the bus
 * usually tells us sooner, when a notification server appears). */
#define RETRY_SECONDS 300

struct _JtDaemon
{
  char *db_path;
  int lock_fd;
  JtStore *store;
  JtConfig *config;
  JtRules *rules;
  GTimeZone *tz;
  JtNotifier *notifier;
  JtWallTimer *timer;
  JtCalendarWorker *calendar;
  gboolean calendar_failing; /* a failure was logged; quiet until a write works */
  guint calendar_source;     /* a pending calendar update */
  JtDbWatch *db_watch;
  JtSyncRunner *sync; /* the CalDAV sync, when [caldav] is set */
  GFileMonitor *zone_monitor;
  GDBusConnection *system_bus;
  guint sleep_subscription;
  GHashTable *shown_unmarked; /* reminder id -> when shown, for marks that failed */
  /* When a summary was shown whose marks failed: every follow-up due by then is marked
   * once the database lets us, and none of them is shown again meanwhile. 0 for none. */
  gint64 summary_unmarked_at;
  /* The last reminder (by fire time, then id) logged as due but not shown: those up
   * to it are not logged again; and how many were due when last counted. Zero while
   * delivery works. */
  gint64 reported_fire_at;
  gint64 reported_id;
  guint reported_count;
  gboolean catching_up; /* the first delivery since start */
  GMainLoop *loop;
  guint hup_source;
  guint quit_source;
};

static void notify_systemd (const char *state);

static gint64
wall_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The user's zone as it is now: TZ when set, else what /etc/localtime points at (read
 * afresh, since GLib keeps its first answer for the local zone). */
static GTimeZone *
current_zone (void)
{
  g_autofree char *target = NULL;
  const char *name;

  if (g_getenv ("TZ") != NULL)
    return g_time_zone_new_local ();
  target = g_file_read_link ("/etc/localtime", NULL);
  name = target != NULL ? strstr (target, "zoneinfo/") : NULL;
  if (name != NULL)
    {
      GTimeZone *zone = g_time_zone_new_identifier (name + strlen ("zoneinfo/"));

      if (zone != NULL)
        return zone;
    }
  return g_time_zone_new_local ();
}

/* The one-instance lock: a file next to the database, locked for our lifetime. */
static int
take_lock (const char *db_path, GError **error)
{
  g_autofree char *path = g_strconcat (db_path, ".jobtrackd-lock", NULL);
  g_autofree char *pid = NULL;
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot create %s: %s"), path,
                   g_strerror (errno));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) < 0)
    {
      char running[32] = "";
      ssize_t n = read (fd, running, sizeof running - 1);

      running[MAX (n, 0)] = '\0';
      g_strchomp (running);
      if (*running)
        g_set_error (error, JT_ERROR, JT_ERROR_BUSY,
                     _ ("another jobtrackd (pid %s) is already running for %s"), running, db_path);
      else
        g_set_error (error, JT_ERROR, JT_ERROR_BUSY,
                     _ ("another jobtrackd is already running for %s"), db_path);
      close (fd);
      return -1;
    }
  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (fd, 0) == 0 && write (fd, pid, strlen (pid)) < 0)
    g_debug ("cannot write the pid to the lock file: %s", g_strerror (errno));
  return fd;
}

/* Marks a shown reminder notified; when the database is busy, remembers it so it is
 * marked later and never shown twice. */
static void
mark_notified (JtDaemon *daemon, gint64 id, gint64 now)
{
  g_autoptr (GError) error = NULL;

  if (jt_reminder_mark_notified (daemon->store, id, now, &error)
      || g_error_matches (error, JT_ERROR, JT_ERROR_NOT_FOUND))
    {
      jt_fault_point ("after-mark");
      g_hash_table_remove (daemon->shown_unmarked, &id);
      return;
    }
  g_warning ("reminder %" G_GINT64_FORMAT " was shown but cannot be marked yet: %s", id,
             error->message);
  g_hash_table_insert (daemon->shown_unmarked, g_memdup2 (&id, sizeof id),
                       g_memdup2 (&now, sizeof now));
}

/* After a summary: every follow-up due by `now`, in one transaction (a long absence can
 * leave thousands); when the database is busy, remembered and marked later. */
static void
mark_summary_notified (JtDaemon *daemon, gint64 now)
{
  g_autoptr (GError) error = NULL;

  if (jt_reminder_mark_notified_due (daemon->store, now, now, &error))
    {
      daemon->summary_unmarked_at = 0;
      return;
    }
  g_warning ("the summary was shown but its follow-ups cannot be marked yet: %s", error->message);
  daemon->summary_unmarked_at = now;
}

static void
retry_unmarked (JtDaemon *daemon)
{
  g_autoptr (GList) ids = g_hash_table_get_keys (daemon->shown_unmarked);

  if (daemon->summary_unmarked_at != 0)
    mark_summary_notified (daemon, daemon->summary_unmarked_at);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 id = *(gint64 *) l->data;
      gint64 shown = *(gint64 *) g_hash_table_lookup (daemon->shown_unmarked, &id);

      mark_notified (daemon, id, shown);
    }
}

/* At most this many waiting follow-ups are logged by name at a time; the rest are
 * counted. A long absence can leave thousands due, and the journal is not the agenda. */
#define REPORT_BY_NAME 10

/* Logs each follow-up that is due but cannot be shown, once, by name (the first of
 * them: a plan reads only the first few), and how many are waiting, when that changes:
 * under systemd the journal is then the record of what was due. */
static void
report_waiting (JtDaemon *daemon, const GError *error, const JtSchedulePlan *plan)
{
  guint named = 0;

  for (guint i = 0; i < plan->due->len && named < REPORT_BY_NAME; i++)
    {
      const JtReminder *reminder = g_ptr_array_index (plan->due, i);

      if (reminder->fire_at < daemon->reported_fire_at
          || (reminder->fire_at == daemon->reported_fire_at && reminder->id <= daemon->reported_id))
        continue;
      g_message ("reminder %" G_GINT64_FORMAT " is due but not shown (%s): %s", reminder->id,
                 error->message, reminder->title);
      named++;
      daemon->reported_fire_at = reminder->fire_at;
      daemon->reported_id = reminder->id;
    }
  if (plan->n_due > named && plan->n_due != daemon->reported_count)
    g_message ("%u follow-ups are due but not shown (%s); `jobtrack agenda` lists them",
               plan->n_due, error->message);
  daemon->reported_count = plan->n_due;
}

/* How an update of followups.ics went; a failure is logged once, until a write works
 * again. */
static void
on_calendar_written (const GError *error, gpointer user_data)
{
  JtDaemon *daemon = user_data;

  if (error == NULL)
    {
      g_debug ("the calendar is up to date");
      if (daemon->calendar_failing)
        g_message ("the calendar %s is up to date again",
                   jt_calendar_worker_get_path (daemon->calendar));
      daemon->calendar_failing = FALSE;
    }
  else
    {
      if (!daemon->calendar_failing)
        g_warning ("cannot update the calendar: %s", error->message);
      daemon->calendar_failing = TRUE;
    }
#ifdef __GLIBC__
  /* Printing a large calendar used memory on the worker's thread; give it back. */
  malloc_trim (0);
#endif
}

static gboolean
update_calendar (gpointer user_data)
{
  JtDaemon *daemon = user_data;

  daemon->calendar_source = 0;
  jt_calendar_worker_request (daemon->calendar, wall_now (), daemon->tz, daemon->config);
  return G_SOURCE_REMOVE;
}

/* Writes the calendar shortly after a change: a burst of changes is written once. */
static void
schedule_calendar_update (JtDaemon *daemon)
{
  if (daemon->calendar_source == 0)
    daemon->calendar_source = g_timeout_add (100, update_calendar, daemon);
}

/* Shows what came due and sets the timer for the next one. */
static void
deliver_and_reschedule (JtDaemon *daemon)
{
  g_auto (JtSchedulePlan) plan = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 now = wall_now ();
  gint64 wake;
  gboolean waiting = FALSE;
  guint shown = 0;

  jt_rules_set_now (daemon->rules, now);
  retry_unmarked (daemon);
  if (!jt_scheduler_plan (daemon->store, now, daemon->catching_up, &plan, &error))
    {
      g_warning ("cannot read the reminders: %s", error->message);
      jt_wall_timer_set (daemon->timer, now + 60, NULL);
      return;
    }
  jt_reminder_text_render_all (plan.due, daemon->config);
  if (plan.summarize)
    {
      /* A summary shown already, not marked yet, stands for these. */
      if (daemon->summary_unmarked_at == 0)
        {
          if (jt_notifier_show_summary (daemon->notifier, plan.n_due, &error))
            {
              g_debug ("shown the summary of %u follow-ups that came due while away", plan.n_due);
              mark_summary_notified (daemon, now);
            }
          else
            waiting = TRUE;
        }
    }
  else
    for (guint i = 0; i < plan.due->len && !waiting; i++)
      {
        const JtReminder *reminder = g_ptr_array_index (plan.due, i);

        if (g_hash_table_contains (daemon->shown_unmarked, &reminder->id)
            || (daemon->summary_unmarked_at != 0
                && reminder->fire_at <= daemon->summary_unmarked_at))
          continue;
        if (jt_notifier_show_reminder (daemon->notifier, reminder, now, daemon->tz, &error))
          {
            g_debug ("shown reminder %" G_GINT64_FORMAT ": %s", reminder->id, reminder->title);
            mark_notified (daemon, reminder->id, now);
            shown++;
          }
        else
          waiting = TRUE;
      }
  if (waiting)
    report_waiting (daemon, error, &plan);
  else
    {
      daemon->catching_up = FALSE;
      daemon->reported_fire_at = daemon->reported_id = 0;
      daemon->reported_count = 0;
    }

  schedule_calendar_update (daemon);

  wake = plan.next_wake;
  if (waiting || g_hash_table_size (daemon->shown_unmarked) > 0 || daemon->summary_unmarked_at != 0)
    wake = wake == 0 ? now + RETRY_SECONDS : MIN (wake, now + RETRY_SECONDS);
  /* More were due than the plan read: the next plan, at once, shows them. (Only after
   * progress: those it passed over wait for their marks, not for a new plan.) */
  if (!waiting && shown > 0 && plan.n_due > plan.due->len)
    wake = now;
  g_clear_error (&error);
  if (!jt_wall_timer_set (daemon->timer, wake, &error))
    g_warning ("%s", error->message);
  g_debug ("next wake-up %" G_GINT64_FORMAT, wake);
  /* Between wake-ups the daemon only waits: what the planning read stays on disk. */
  jt_store_release_memory (daemon->store);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
on_timer (gboolean clock_changed, gpointer user_data)
{
  if (clock_changed)
    g_debug ("the clock was set; rescheduling");
  deliver_and_reschedule (user_data);
}

static void
on_database_changed (gpointer user_data)
{
  JtDaemon *daemon = user_data;

  g_debug ("the database changed; rescheduling");
  deliver_and_reschedule (daemon);
  jt_sync_runner_database_changed (daemon->sync);
}

static void
on_server_appeared (gpointer user_data)
{
  JtDaemon *daemon = user_data;

  g_debug ("a notification server appeared");
  deliver_and_reschedule (daemon);
}

static void
on_action (gint64 reminder_id, JtNotifyAction action, gpointer user_data)
{
  JtDaemon *daemon = user_data;
  g_autoptr (GError) error = NULL;
  gint64 now = wall_now ();
  gint64 until = 0;
  gboolean ok;

  g_debug ("reminder %" G_GINT64_FORMAT ": %s clicked", reminder_id,
           jt_notify_action_to_string (action));
  if (action == JT_NOTIFY_DRAFT)
    {
      g_autofree char *opened = NULL;

      if (!jt_draft_open (daemon->store, reminder_id, daemon->config, daemon->tz, now, &opened,
                          &error))
        {
          g_autofree char *command
              = jt_draft_print_command (daemon->store, reminder_id, daemon->db_path);
          g_autoptr (GError) show_error = NULL;

          g_warning ("cannot open the draft of reminder %" G_GINT64_FORMAT ": %s", reminder_id,
                     error->message);
          /* Clicked, and nothing on screen would say why: the person is told, and how to
           * get the letter all the same. */
          if (!jt_notifier_show_draft_failed (daemon->notifier, error->message, command,
                                              &show_error))
            g_debug ("cannot tell that the draft did not open: %s", show_error->message);
        }
      else
        g_debug ("reminder %" G_GINT64_FORMAT ": its draft was handed to the %s", reminder_id,
                 g_str_has_prefix (opened, "mailto:") ? "mail client" : "text editor");
      return;
    }
  jt_rules_set_now (daemon->rules, now);
  if (action == JT_NOTIFY_DONE)
    {
      /* The touch it logs says what the notification said, in these settings' words. */
      g_autoptr (JtReminder) shown = jt_store_reminder_get (daemon->store, reminder_id, &error);

      if (shown != NULL)
        jt_reminder_text_render (shown, daemon->config);
      ok = shown != NULL
           && jt_reminder_mark_done (daemon->store, reminder_id, shown->title, now, NULL, &error);
    }
  else
    {
      until = now + (action == JT_NOTIFY_SNOOZE_DAY ? 1 : 7) * JT_DAY_SECONDS;
      ok = jt_reminder_snooze (daemon->store, reminder_id, until, now, NULL, &error);
    }
  if (ok)
    jt_sync_runner_changed_here (daemon->sync);
  if (!ok)
    g_warning ("cannot update reminder %" G_GINT64_FORMAT ": %s", reminder_id, error->message);
  else if (until == 0)
    g_debug ("reminder %" G_GINT64_FORMAT " marked done", reminder_id);
  else
    {
      g_autofree char *when = jt_time_format_iso (until, daemon->tz);

      g_debug ("reminder %" G_GINT64_FORMAT " snoozed until %s", reminder_id, when);
    }
  deliver_and_reschedule (daemon);
}

/* New rules for a new configuration or zone; the reminders follow at once. */
static void
use_rules (JtDaemon *daemon, JtConfig *config, GTimeZone *tz)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&daemon->rules, jt_rules_free);
  if (config != daemon->config)
    {
      g_clear_pointer (&daemon->config, jt_config_free);
      daemon->config = config;
    }
  if (tz != daemon->tz)
    {
      g_clear_pointer (&daemon->tz, g_time_zone_unref);
      daemon->tz = tz;
    }
  daemon->rules = jt_rules_new (daemon->config, daemon->tz, wall_now ());
  jt_rules_attach (daemon->rules, daemon->store);
  if (!jt_rules_bring_up_to_date (daemon->rules, daemon->store, &error))
    g_warning ("cannot re-derive the reminders: %s", error->message);
}

static gboolean
on_reload (gpointer user_data)
{
  JtDaemon *daemon = user_data;
  g_autoptr (GError) error = NULL;
  JtConfig *config;

  notify_systemd ("RELOADING=1");
  config = jt_config_load (NULL, &error);
  if (config == NULL)
    g_warning ("keeping the old configuration: %s", error->message);
  else
    {
      g_message ("configuration reloaded");
      use_rules (daemon, config, daemon->tz);
      deliver_and_reschedule (daemon);
      /* New words or rules may have changed the follow-ups. */
      jt_sync_runner_set_config (daemon->sync, daemon->config);
      jt_sync_runner_changed_here (daemon->sync);
    }
  notify_systemd ("READY=1");
  return G_SOURCE_CONTINUE;
}

/* SIGTERM and SIGINT: the main loop stops cleanly, and if it cannot get there within a
 * second (a notification server that does not answer holds a synchronous D-Bus call),
 * the process ends anyway, half a second after the signal. Every write is one SQLite transaction,
 * so ending anywhere leaves nothing half-written. */
static int quit_pipe[2] = { -1, -1 };
static const struct itimerval quit_deadline = { { 0, 0 }, { 0, 500 * 1000 } };

static void
on_alarm_signal (int signal_number)
{
  _exit (0);
}

static void
on_quit_signal (int signal_number)
{
  int saved = errno;
  char byte = 1;

  if (write (quit_pipe[1], &byte, 1) < 0)
    _exit (0);
  setitimer (ITIMER_REAL, &quit_deadline, NULL);
  errno = saved;
}

static gboolean
on_quit (int fd, GIOCondition condition, gpointer user_data)
{
  JtDaemon *daemon = user_data;

  notify_systemd ("STOPPING=1");
  g_main_loop_quit (daemon->loop);
  return G_SOURCE_CONTINUE;
}

static guint
watch_quit_signals (JtDaemon *daemon)
{
  struct sigaction quit = { .sa_handler = on_quit_signal };
  struct sigaction alarm_action = { .sa_handler = on_alarm_signal };

  if (quit_pipe[0] < 0
      && (!g_unix_open_pipe (quit_pipe, FD_CLOEXEC, NULL)
          || !g_unix_set_fd_nonblocking (quit_pipe[1], TRUE, NULL)))
    {
      g_warning ("cannot watch for SIGTERM: %s", g_strerror (errno));
      return 0;
    }
  sigemptyset (&quit.sa_mask);
  sigemptyset (&alarm_action.sa_mask);
  sigaction (SIGALRM, &alarm_action, NULL);
  sigaction (SIGTERM, &quit, NULL);
  sigaction (SIGINT, &quit, NULL);
  return g_unix_fd_add (quit_pipe[0], G_IO_IN, on_quit, daemon);
}

static void
on_zone_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 gpointer user_data)
{
  JtDaemon *daemon = user_data;

  g_message ("the time zone changed");
  use_rules (daemon, daemon->config, current_zone ());
  deliver_and_reschedule (daemon);
  jt_sync_runner_changed_here (daemon->sync);
}

static void
on_prepare_for_sleep (GDBusConnection *connection, const char *sender, const char *path,
                      const char *interface, const char *signal, GVariant *parameters,
                      gpointer user_data)
{
  gboolean going_to_sleep = TRUE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    {
      JtDaemon *daemon = user_data;

      g_debug ("resumed; rescheduling");
      deliver_and_reschedule (daemon);
      jt_sync_runner_now (daemon->sync, "resumed");
    }
}

/* Resume, where logind is there to tell us; the wall-clock timer covers it anyway. */
static void
watch_sleep (JtDaemon *daemon)
{
  g_autoptr (GError) error = NULL;

  daemon->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  if (daemon->system_bus == NULL)
    {
      g_debug ("no system bus, so no resume signal: %s", error->message);
      return;
    }
  daemon->sleep_subscription = g_dbus_connection_signal_subscribe (
      daemon->system_bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
      "PrepareForSleep", "/org/freedesktop/login1", NULL, G_DBUS_SIGNAL_FLAGS_NONE,
      on_prepare_for_sleep, daemon, NULL);
}

static void
watch_zone (JtDaemon *daemon)
{
  g_autoptr (GFile) localtime = g_file_new_for_path ("/etc/localtime");

  daemon->zone_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (daemon->zone_monitor != NULL)
    g_signal_connect (daemon->zone_monitor, "changed", G_CALLBACK (on_zone_changed), daemon);
}

static void
notify_systemd (const char *state)
{
#ifdef HAVE_LIBSYSTEMD
  sd_notify (0, state);
#else
  (void) state;
#endif
}

JtDaemon *
jt_daemon_new (const char *db_path, GError **error)
{
  g_autoptr (JtDaemon) daemon = g_new0 (JtDaemon, 1);

  daemon->lock_fd = -1;
  daemon->db_path = g_strdup (db_path);
  daemon->shown_unmarked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  daemon->catching_up = TRUE;
  if (!jt_paths_prepare_database_dir (db_path, error)
      || (daemon->lock_fd = take_lock (db_path, error)) < 0
      || (daemon->config = jt_config_load (NULL, error)) == NULL
      || (daemon->store
          = jt_rules_open_store (daemon->rules = jt_rules_new (
                                     daemon->config, daemon->tz = current_zone (), wall_now ()),
                                 db_path, JT_STORE_WRITE, error))
             == NULL)
    return NULL;
  use_rules (daemon, daemon->config, daemon->tz);
  {
    g_autofree char *calendar_path = jt_calendar_writer_default_path ();

    daemon->calendar = jt_calendar_worker_new (db_path, calendar_path, on_calendar_written, daemon);
  }
  daemon->timer = jt_wall_timer_new (on_timer, daemon, error);
  if (daemon->timer == NULL
      || (daemon->db_watch = jt_db_watch_new (daemon->store, on_database_changed, daemon, error))
             == NULL)
    return NULL;
  daemon->notifier = jt_notifier_new (on_action, on_server_appeared, daemon);
  daemon->sync = jt_sync_runner_new (db_path, daemon->store, daemon->config);
  return g_steal_pointer (&daemon);
}

void
jt_daemon_free (JtDaemon *daemon)
{
  if (daemon == NULL)
    return;
  if (daemon->hup_source != 0)
    g_source_remove (daemon->hup_source);
  if (daemon->quit_source != 0)
    g_source_remove (daemon->quit_source);
  if (daemon->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (daemon->system_bus, daemon->sleep_subscription);
  g_clear_object (&daemon->system_bus);
  if (daemon->zone_monitor != NULL)
    g_signal_handlers_disconnect_by_data (daemon->zone_monitor, daemon);
  g_clear_object (&daemon->zone_monitor);
  g_clear_pointer (&daemon->sync, jt_sync_runner_free);
  g_clear_pointer (&daemon->notifier, jt_notifier_free);
  g_clear_pointer (&daemon->db_watch, jt_db_watch_free);
  g_clear_pointer (&daemon->timer, jt_wall_timer_free);
  g_clear_handle_id (&daemon->calendar_source, g_source_remove);
  g_clear_pointer (&daemon->calendar, jt_calendar_worker_free);
  g_clear_pointer (&daemon->rules, jt_rules_free);
  g_clear_pointer (&daemon->store, jt_store_free);
  g_clear_pointer (&daemon->config, jt_config_free);
  g_clear_pointer (&daemon->tz, g_time_zone_unref);
  g_clear_pointer (&daemon->shown_unmarked, g_hash_table_unref);
  g_clear_pointer (&daemon->loop, g_main_loop_unref);
  if (daemon->lock_fd >= 0)
    close (daemon->lock_fd);
  g_free (daemon->db_path);
  g_free (daemon);
}

int
jt_daemon_run (JtDaemon *daemon)
{
  daemon->loop = g_main_loop_new (NULL, FALSE);
  daemon->hup_source = g_unix_signal_add (SIGHUP, on_reload, daemon);
  daemon->quit_source = watch_quit_signals (daemon);
  watch_sleep (daemon);
  watch_zone (daemon);
  g_message ("watching %s", daemon->db_path);
  deliver_and_reschedule (daemon);
  jt_sync_runner_start (daemon->sync);
  notify_systemd ("READY=1\nSTATUS=Watching for follow-ups");
  g_main_loop_run (daemon->loop);
  return 0;
}
