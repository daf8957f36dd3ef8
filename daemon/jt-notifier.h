/* jt-notifier.h: showing follow-ups as desktop notifications (libnotify).
 *
 * All text from the records is markup-escaped; nothing else is ever sent as markup.
 * Where the server advertises the "actions" capability, each notification carries Done,
 * Snooze 1 day and Snooze 1 week; a click calls back with the reminder's id. The
 * notifier watches the bus name org.freedesktop.Notifications and calls back when a
 * server appears, so what waited can be delivered then. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

typedef enum {
  JT_NOTIFY_DONE,
  JT_NOTIFY_SNOOZE_DAY,
  JT_NOTIFY_SNOOZE_WEEK,
} JtNotifyAction;

typedef void (*JtNotifyActionFunc) (gint64 reminder_id, JtNotifyAction action,
                                    gpointer user_data);
typedef void (*JtNotifyServerFunc) (gpointer user_data);

typedef struct _JtNotifier JtNotifier;

/* A notifier calling `on_action` for clicks and `on_server` when a notification server
 * appears on the session bus. Free with jt_notifier_free. */
JtNotifier *jt_notifier_new (JtNotifyActionFunc on_action, JtNotifyServerFunc on_server,
                             gpointer user_data);
void jt_notifier_free (JtNotifier *notifier);

/* Shows one reminder, as of `now` (it is critical when more than a day overdue). TRUE
 * once the server accepted it; FALSE with an error when there is no server or it
 * refused. */
gboolean jt_notifier_show_reminder (JtNotifier *notifier, const JtReminder *reminder,
                                    gint64 now, GTimeZone *tz, GError **error);

/* Shows one notification for `count` follow-ups that came due while jobtrackd was not
 * running ("5 follow-ups came due while you were away"). */
gboolean jt_notifier_show_summary (JtNotifier *notifier, guint count, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtNotifier, jt_notifier_free)

G_END_DECLS
