/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-wall-timer.h: a wake-up at an absolute wall-clock time.
 *
 * A CLOCK_REALTIME timerfd armed with TFD_TIMER_ABSTIME keeps counting while the machine
 * is suspended (a monotonic GLib timeout does not), and TFD_TIMER_CANCEL_ON_SET wakes it
 * when the clock is set, so a due time is never slept through. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JtWallTimer JtWallTimer;

/* `clock_changed` is TRUE when the wake-up came from the clock being set, not from the
 * deadline. */
typedef void (*JtWallTimerFunc) (gboolean clock_changed, gpointer user_data);

/* A disarmed timer attached to the thread-default main context. */
JtWallTimer *jt_wall_timer_new (JtWallTimerFunc func, gpointer user_data, GError **error);
void jt_wall_timer_free (JtWallTimer *timer);

/* Wakes at `unix_seconds` (at once if it has passed); 0 means no deadline, but a clock
 * change still wakes. */
gboolean jt_wall_timer_set (JtWallTimer *timer, gint64 unix_seconds, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtWallTimer, jt_wall_timer_free)

G_END_DECLS
