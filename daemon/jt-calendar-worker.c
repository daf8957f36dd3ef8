/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-worker.c: one thread at a time runs the calendar writer. */
#include "jt-calendar-worker.h"

#include <gio/gio.h>

#include "jt-calendar-writer.h"
#include "jt-store.h"

struct _JtCalendarWorker
{
  char *db_path;
  char *calendar_path;
  JtCalendarDoneFunc done;
  gpointer user_data;
  GMainContext *context;
  GCancellable *cancellable;
  /* Used by the update thread only, and by one at a time (each is joined before the
   * next starts). */
  JtCalendarWriter *writer;
  /* The update running, and what it was asked for. */
  GThread *thread;
  gint64 now;
  GTimeZone *tz;
  JtConfig *config;  /* a copy: the daemon may free its own on a reload meanwhile */
  GError *error;     /* how it went, read once the thread is joined */
  GSource *finished; /* its report to the main context, attached by the thread */
  /* A request made while it ran, for when it is done. */
  gboolean again;
  gint64 again_now;
  GTimeZone *again_tz;
  JtConfig *again_config;
};

JtCalendarWorker *
jt_calendar_worker_new (const char *db_path, const char *calendar_path, JtCalendarDoneFunc done,
                        gpointer user_data)
{
  JtCalendarWorker *worker = g_new0 (JtCalendarWorker, 1);

  worker->db_path = g_strdup (db_path);
  worker->calendar_path = g_strdup (calendar_path);
  worker->done = done;
  worker->user_data = user_data;
  worker->context = g_main_context_ref_thread_default ();
  worker->cancellable = g_cancellable_new ();
  worker->writer = jt_calendar_writer_new (calendar_path);
  return worker;
}

const char *
jt_calendar_worker_get_path (JtCalendarWorker *worker)
{
  return worker->calendar_path;
}

static gboolean on_finished (gpointer user_data);

static gpointer
run_update (gpointer user_data)
{
  JtCalendarWorker *worker = user_data;
  g_autoptr (JtStore) store = NULL;
  GSource *finished;

  /* A connection for this update only: closed, it gives back all that SQLite held, on
   * this thread's heap, until the next change. */
  if ((store = jt_store_open (worker->db_path, JT_STORE_READ_ONLY, NULL, NULL, &worker->error))
      != NULL)
    {
      g_debug ("updating the calendar");
      jt_calendar_writer_update (worker->writer, store, worker->now, worker->tz, worker->config,
                                 worker->cancellable, &worker->error);
    }
  g_clear_pointer (&store, jt_store_free);

  finished = g_idle_source_new ();
  g_source_set_callback (finished, on_finished, worker, NULL);
  worker->finished = finished;
  g_source_attach (finished, worker->context);
  return NULL;
}

/* Takes `tz`. */
static void
start_update (JtCalendarWorker *worker, gint64 now, GTimeZone *tz, JtConfig *config)
{
  worker->now = now;
  g_clear_pointer (&worker->tz, g_time_zone_unref);
  worker->tz = tz;
  g_clear_pointer (&worker->config, jt_config_free);
  worker->config = config;
  worker->thread = g_thread_new ("jt-calendar", run_update, worker);
}

/* Joins the thread (which has ended or is about to) and forgets its report. */
static void
join_update (JtCalendarWorker *worker)
{
  g_thread_join (g_steal_pointer (&worker->thread));
  if (worker->finished != NULL)
    {
      g_source_destroy (worker->finished);
      g_clear_pointer (&worker->finished, g_source_unref);
    }
}

static gboolean
on_finished (gpointer user_data)
{
  JtCalendarWorker *worker = user_data;
  g_autoptr (GError) error = NULL;

  /* The thread has attached this source as its last step. */
  join_update (worker);
  error = g_steal_pointer (&worker->error);
  worker->done (error, worker->user_data);
  if (worker->again)
    {
      worker->again = FALSE;
      start_update (worker, worker->again_now, g_steal_pointer (&worker->again_tz),
                    g_steal_pointer (&worker->again_config));
    }
  return G_SOURCE_REMOVE;
}

void
jt_calendar_worker_request (JtCalendarWorker *worker, gint64 now, GTimeZone *tz,
                            const JtConfig *config)
{
  if (worker->thread != NULL)
    {
      worker->again = TRUE;
      worker->again_now = now;
      g_clear_pointer (&worker->again_tz, g_time_zone_unref);
      worker->again_tz = g_time_zone_ref (tz);
      g_clear_pointer (&worker->again_config, jt_config_free);
      worker->again_config = jt_config_copy (config);
      return;
    }
  start_update (worker, now, g_time_zone_ref (tz), jt_config_copy (config));
}

void
jt_calendar_worker_free (JtCalendarWorker *worker)
{
  if (worker == NULL)
    return;
  if (worker->thread != NULL)
    {
      g_cancellable_cancel (worker->cancellable);
      join_update (worker);
    }
  g_clear_error (&worker->error);
  g_clear_pointer (&worker->tz, g_time_zone_unref);
  g_clear_pointer (&worker->again_tz, g_time_zone_unref);
  g_clear_pointer (&worker->config, jt_config_free);
  g_clear_pointer (&worker->again_config, jt_config_free);
  g_clear_pointer (&worker->writer, jt_calendar_writer_free);
  g_clear_object (&worker->cancellable);
  g_main_context_unref (worker->context);
  g_free (worker->db_path);
  g_free (worker->calendar_path);
  g_free (worker);
}
