/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-reminders.h: reminders, the follow-ups owed.
 *
 * The rules (jt-rules.h) decide which reminders exist; this file only keeps them.
 * Writes run inside a JtTransaction. Returned reminders are new, with the fields of the
 * records they are about filled in (company and role, the contact, the interview, the
 * offer, the decision date), read in the same query; their title and detail are a manual
 * reminder's own, and NULL for a rule's until jt_reminder_text_render () makes them.
 * "Not found" is JT_ERROR_NOT_FOUND with "no reminder ID". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `reminder` (fire_at 0 means at its due time); sets its id. */
gboolean jt_store_reminder_insert (JtStore *store, JtReminder *reminder, gint64 now,
                                   GError **error);

/* Saves the reminder's due and fire times, state, contact, offer and day it counts from,
 * revision, notification time, and a manual reminder's own text. */
gboolean jt_store_reminder_update (JtStore *store, JtReminder *reminder, gint64 now,
                                   GError **error);

gboolean jt_store_reminder_delete (JtStore *store, gint64 id, GError **error);

JtReminder *jt_store_reminder_get (JtStore *store, gint64 id, GError **error);

/* Every reminder of one application, rule-made and manual, in any state, by due time.
 * A new array of JtReminder*. */
GPtrArray *jt_store_reminder_list_for_application (JtStore *store, gint64 application_id,
                                                   GError **error);

/* The due time of the application's open follow-up call (R3) that a letter promises:
 * the newest addressed to `contact_id` when there is one, else the first made; 0 when
 * none is open. One indexed read, where listing the application's reminders for it made
 * refreshing a calendar quadratic in them. */
gboolean jt_store_reminder_call_due (JtStore *store, gint64 application_id, gint64 contact_id,
                                     gint64 *due_at, GError **error);

/* The network updates of one contact that belong to no application, in any state. */
GPtrArray *jt_store_reminder_list_network (JtStore *store, gint64 contact_id, GError **error);

/* Pending and snoozed reminders that fire before `until` (G_MAXINT64 for all), soonest
 * first: the agenda. */
GPtrArray *jt_store_reminder_list_open (JtStore *store, gint64 until, GError **error);

/* Calls `func` with each open (pending or snoozed) reminder, soonest first — or with
 * `all`, every reminder by id — reading them one at a time rather than all at once.
 * `func` takes the reminder (free it with jt_reminder_free) and may not use the store;
 * when it returns FALSE with an error set, the walk stops and that error is returned. */
typedef gboolean (*JtReminderFunc) (JtReminder *reminder, gpointer user_data, GError **error);
gboolean jt_store_reminder_foreach (JtStore *store, gboolean all, JtReminderFunc func,
                                    gpointer user_data, GError **error);

/* Open reminders that have come due by `now` and not been notified since they last
 * came due (never, or before a snooze moved them): the first `limit`, soonest first. */
GPtrArray *jt_store_reminder_list_undelivered (JtStore *store, gint64 now, guint limit,
                                               GError **error);

/* How many there are in all (read from their index alone). */
gboolean jt_store_reminder_count_undelivered (JtStore *store, gint64 now, guint *count,
                                              GError **error);

/* Marks every one of them due by `due_by` notified at `now`; in a write transaction. */
gboolean jt_store_reminder_set_undelivered_notified (JtStore *store, gint64 due_by, gint64 now,
                                                     GError **error);

/* The soonest fire time of an open reminder after `after`; 0 when there is none. FALSE
 * only on a database error. */
gboolean jt_store_reminder_next_fire (JtStore *store, gint64 after, gint64 *fire_at,
                                      GError **error);

/* Sets the calendar revision and digest of reminder `id` (jt-calendar-identity.h); a
 * `modified_at` other than 0 dates the change. */
gboolean jt_store_reminder_set_shown (JtStore *store, gint64 id, int revision, const char *digest,
                                      gint64 modified_at, GError **error);

G_END_DECLS
