/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-reminder-actions.h: what a person does with a follow-up — done, snooze, dismiss.
 *
 * Shared by `jobtrack done/snooze/dismiss` and the daemon's notification buttons, so
 * both change the database the same way. Each is one write transaction (the rules, when
 * attached to the store, derive what it changes). On success `result` (may be NULL)
 * receives the saved reminder, new. A reminder already done or dismissed is refused
 * with JT_ERROR_INVALID; an unknown id is JT_ERROR_NOT_FOUND. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Marks it done at `now`. A letter, call or update is also logged as a touch with its
 * person, about `note` (or, when `note` is NULL, the reminder's title as the default
 * settings word it: a caller with settings of its own passes the title it rendered). */
gboolean jt_reminder_mark_done (JtStore *store, gint64 id, const char *note, gint64 now,
                                JtReminder **result, GError **error);

/* Like jt_reminder_mark_done, but logs a touch only when `log_touch` is TRUE (a letter
 * the person says they did not send, or sent and logged themselves, is not logged). */
gboolean jt_reminder_mark_done_full (JtStore *store, gint64 id, const char *note,
                                     gboolean log_touch, gint64 now, JtReminder **result,
                                     GError **error);

/* Puts it off until `until`, which must be after `now`. */
gboolean jt_reminder_snooze (JtStore *store, gint64 id, gint64 until, gint64 now,
                             JtReminder **result, GError **error);

/* Dismisses it: it leaves the agenda and never comes back. */
gboolean jt_reminder_dismiss (JtStore *store, gint64 id, gint64 now, JtReminder **result,
                              GError **error);

/* Records that the reminder was shown at `now` (after the notification server accepted
 * it), so it is not shown again until it comes due again. */
gboolean jt_reminder_mark_notified (JtStore *store, gint64 id, gint64 now, GError **error);

/* The same, in one transaction, for every reminder due by `due_by` and not notified
 * since it came due: they were shown together, as one summary. */
gboolean jt_reminder_mark_notified_due (JtStore *store, gint64 due_by, gint64 now, GError **error);

G_END_DECLS
