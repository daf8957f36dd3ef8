/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-wall-timer.c: a CLOCK_REALTIME timerfd watched from the GLib main loop. */
#include "jt-wall-timer.h"

#include <errno.h>
#include <glib-unix.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-time.h"

/* With no deadline the timer is still armed this far ahead, only so that a clock change
 * cancels it and wakes us. */
#define FAR_AHEAD (G_GINT64_CONSTANT (365) * JT_DAY_SECONDS)

struct _JtWallTimer
{
  int fd;
  guint watch;
  JtWallTimerFunc func;
  gpointer user_data;
};

static gboolean
on_readable (int fd, GIOCondition condition, gpointer user_data)
{
  JtWallTimer *timer = user_data;
  uint64_t expirations;
  ssize_t n = read (fd, &expirations, sizeof expirations);

  /* ECANCELED: the clock was set; the timer must be armed again either way. */
  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;
  timer->func (n < 0 && errno == ECANCELED, timer->user_data);
  return G_SOURCE_CONTINUE;
}

JtWallTimer *
jt_wall_timer_new (JtWallTimerFunc func, gpointer user_data, GError **error)
{
  g_autoptr (JtWallTimer) timer = g_new0 (JtWallTimer, 1);

  timer->fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (timer->fd < 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot create a timer: %s"),
                   g_strerror (errno));
      return NULL;
    }
  timer->func = func;
  timer->user_data = user_data;
  timer->watch = g_unix_fd_add (timer->fd, G_IO_IN, on_readable, timer);
  return g_steal_pointer (&timer);
}

void
jt_wall_timer_free (JtWallTimer *timer)
{
  if (timer == NULL)
    return;
  if (timer->watch != 0)
    g_source_remove (timer->watch);
  if (timer->fd >= 0)
    close (timer->fd);
  g_free (timer);
}

gboolean
jt_wall_timer_set (JtWallTimer *timer, gint64 unix_seconds, GError **error)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  spec.it_value.tv_sec = unix_seconds != 0 ? MAX (unix_seconds, 1) : now + FAR_AHEAD;
  if (timerfd_settime (timer->fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) < 0)
    {
      /* The clock was set between our reading it and arming: wake at once to recompute. */
      if (errno == ECANCELED)
        {
          spec.it_value.tv_sec = 1;
          if (timerfd_settime (timer->fd, TFD_TIMER_ABSTIME, &spec, NULL) == 0)
            return TRUE;
        }
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "cannot arm the timer: %s",
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
