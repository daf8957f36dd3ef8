/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-identity.h: a calendar entry's SEQUENCE grows with what it shows.
 *
 * Calendar apps take a changed entry only when its SEQUENCE grows (RFC 5545 §3.8.7.4),
 * and keep the text they have otherwise. So every interview and open follow-up keeps a
 * revision, its SEQUENCE, and a digest of what its entry shows: the interview's time,
 * kind, place, company, role and people met; the follow-up's title, detail, person,
 * company, role and letter draft. The rules, in the commit hook of every write, bring the
 * digests of what the write touched up to date, and a revision grows by one when its
 * digest changed; a digest seen for the first time (a new record, an upgraded database)
 * is only recorded. A follow-up moved by the rules (jt-rules.c) or by the person
 * (snooze) has its revision raised there: the digest then raises it no further in the
 * same write. The digest covers the words, not the clock: times are the revision's own
 * business, but for interviews, which have no other. */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* How many lines of a letter's draft a calendar entry carries. */
#define JT_CALENDAR_DRAFT_LINES 6

/* The digest of what the calendar entry of `interview` (with its people) shows, its
 * application being `app`. New string. */
char *jt_calendar_identity_interview_digest (const JtInterview *interview,
                                             const JtApplication *app);

/* Brings the revision and digest of each of `interviews` (JtInterview*, with their people,
 * all of `app`) up to date. Inside a write transaction. */
gboolean jt_calendar_identity_refresh_interviews (JtStore *store, const JtApplication *app,
                                                  GPtrArray *interviews, GError **error);

/* The same for the open ones of `reminders` (JtReminder*, as the store reads them; their
 * title and detail are rendered here with `config`, drafts dated in `tz`).
 * `revisions_before` maps a reminder's id (gint64*) to its revision (int, as a pointer
 * with GINT_TO_POINTER) before this write: one already raised since is not raised again.
 * May be NULL. */
gboolean jt_calendar_identity_refresh_reminders (JtStore *store, GPtrArray *reminders,
                                                 GHashTable *revisions_before,
                                                 const JtConfig *config, GTimeZone *tz, gint64 now,
                                                 GError **error);

G_END_DECLS
