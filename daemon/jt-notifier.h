/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-notifier.h: showing follow-ups as desktop notifications (libnotify).
 *
 * The body has no markup of its own; record text in it is markup-escaped for a server
 * that renders markup (the "body-markup" capability) and sent as it is to one that shows
 * text. The summary is plain text by the Desktop Notifications spec (servers escape it),
 * so record text goes there unescaped but on one line. Both are capped in length.
 * Where the server advertises the "actions" capability, each notification carries Done,
 * Tomorrow and Next week (the snoozes), and a letter's (jt_letter_kind_for_rule) also Draft;
 * a click calls back with the reminder's id. After Draft, Done and Snooze stay on offer:
 * a letter's notification is resident where the server has "persistence", and shown again
 * where the server took it down. After Done or Snooze, a notification the server kept is
 * closed (and only then: NotificationClosed is awaited first). The
 * notifier watches the bus name org.freedesktop.Notifications and calls back when a
 * server appears, so what waited can be delivered then.
 *
 * Failures are JT_ERROR_FAILED: "no notification server: REASON" when none answered (no
 * session bus, no owner of the name, activation failed), "the notification server did
 * not show it: REASON" when it refused. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

typedef enum
{
  JT_NOTIFY_DONE,
  JT_NOTIFY_SNOOZE_DAY,
  JT_NOTIFY_SNOOZE_WEEK,
  JT_NOTIFY_DRAFT, /* open the letter's draft; the reminder stays as it is */
} JtNotifyAction;

/* The action's name on the bus and in the log: "done", "snooze-day", "snooze-week",
 * "draft". Static string. */
const char *jt_notify_action_to_string (JtNotifyAction action);

typedef void (*JtNotifyActionFunc) (gint64 reminder_id, JtNotifyAction action, gpointer user_data);
typedef void (*JtNotifyServerFunc) (gpointer user_data);

typedef struct _JtNotifier JtNotifier;

/* A notifier calling `on_action` for clicks and `on_server` when a notification server
 * appears on the session bus (either may be NULL); both are called from the thread-default
 * main context. Succeeds without a session bus too: shows then fail until there is one.
 * Free with jt_notifier_free, which leaves shown notifications on screen. */
JtNotifier *jt_notifier_new (JtNotifyActionFunc on_action, JtNotifyServerFunc on_server,
                             gpointer user_data);
void jt_notifier_free (JtNotifier *notifier);

/* Shows one reminder, as of `now` (it is critical when more than a day overdue; `tz`,
 * NULL for local, words its due time). Shown again, it replaces its notification. TRUE
 * once the server accepted it; FALSE with an error when there is no server or it
 * refused. Blocks on D-Bus calls to the server. */
gboolean jt_notifier_show_reminder (JtNotifier *notifier, const JtReminder *reminder, gint64 now,
                                    GTimeZone *tz, GError **error);

/* Shows one notification for `count` follow-ups that came due while jobtrackd was not
 * running ("5 follow-ups came due while you were away"), without actions. A count of 0
 * shows nothing and succeeds. */
gboolean jt_notifier_show_summary (JtNotifier *notifier, guint count, GError **error);

/* Tells the person that a draft could not be opened: why (`reason`, record text allowed)
 * and, unless NULL, the command that prints it. Without actions; it stays until closed. */
gboolean jt_notifier_show_draft_failed (JtNotifier *notifier, const char *reason,
                                        const char *command, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtNotifier, jt_notifier_free)

G_END_DECLS
