/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-db-watch.c: a GFileMonitor on the -wal file, confirmed by PRAGMA data_version. */
#include "jt-db-watch.h"

#include <gio/gio.h>

struct _JtDbWatch
{
  JtStore *store;
  GFileMonitor *monitor;
  gint64 data_version;
  JtDbWatchFunc func;
  gpointer user_data;
};

static void
on_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
            gpointer user_data)
{
  JtDbWatch *watch = user_data;
  g_autoptr (GError) error = NULL;
  gint64 version;

  if (event != G_FILE_MONITOR_EVENT_CHANGED && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    return;
  if (!jt_store_data_version (watch->store, &version, &error))
    {
      g_warning ("cannot check the database for changes: %s", error->message);
      return;
    }
  if (version == watch->data_version)
    return;
  watch->data_version = version;
  watch->func (watch->user_data);
}

JtDbWatch *
jt_db_watch_new (JtStore *store, JtDbWatchFunc func, gpointer user_data, GError **error)
{
  g_autofree char *wal_path = g_strconcat (jt_store_get_path (store), "-wal", NULL);
  g_autoptr (GFile) wal = g_file_new_for_path (wal_path);
  g_autoptr (JtDbWatch) watch = g_new0 (JtDbWatch, 1);

  watch->store = store;
  watch->func = func;
  watch->user_data = user_data;
  if (!jt_store_data_version (store, &watch->data_version, error))
    return NULL;
  watch->monitor = g_file_monitor_file (wal, G_FILE_MONITOR_NONE, NULL, error);
  if (watch->monitor == NULL)
    return NULL;
  /* GIO holds CHANGED events back up to 800 ms by default; a write must show within 1 s. */
  g_file_monitor_set_rate_limit (watch->monitor, 100);
  g_signal_connect (watch->monitor, "changed", G_CALLBACK (on_changed), watch);
  return g_steal_pointer (&watch);
}

void
jt_db_watch_free (JtDbWatch *watch)
{
  if (watch == NULL)
    return;
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
      g_object_unref (watch->monitor);
    }
  g_free (watch);
}
