/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-import.h: interviews from the invitations employers send (.ics files).
 *
 * Each VEVENT becomes an interview of an application (reused or created), with a contact
 * per organizer and attendee except the person's own addresses. Importing is idempotent
 * by the invitation's UID: the same file again changes nothing, an update (a higher
 * SEQUENCE) moves the interview. Everything is one transaction, or nothing with
 * `dry_run`. The iCalendar module reads the file (jt-ical-import.h tells how: limits,
 * times, kind, company, role, people); this applies what it read to the store:
 *
 * - Application: the open one of the company with that role; else the company's open
 *   one whose role is not known yet; else, when the summary names no role, the
 *   company's newest open one; else a new one (status interviewing), as `jobtrack add`.
 *
 * Writing, per event, by UID (RECURRENCE-ID is ignored: a series and its moved
 * occurrences are one interview, the highest SEQUENCE winning):
 * - new UID: a new interview, with the UID and SEQUENCE recorded on it;
 * - known UID, same or lower SEQUENCE: nothing changes ("unchanged");
 * - known UID, higher SEQUENCE: start, length and place (when given) follow the
 *   invitation ("moved"); kind, people and the assessment stay as they are; the
 *   interview's reminders move with it when the transaction commits (the rules' hook);
 * - METHOD:CANCEL or STATUS:CANCELLED with the same or a higher SEQUENCE: the interview
 *   is removed with its reminders ("removed") unless the person has written any of its
 *   assessment (then it stays, "kept"); a cancellation of an unknown UID changes
 *   nothing. jobtrack keeps no record of cancelled UIDs: importing the original
 *   invitation again after its cancellation creates the interview again.
 */
#pragma once

#include <glib.h>

#include "jt-invite.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Imports the iCalendar text `data` (`length` bytes, need not end in NUL). `options`
 * may be NULL (all defaults); `tz` is the person's zone, for floating times and the
 * report (NULL: local); `now` dates the rows written. Fills `report` (*report must be
 * NULL; a new array of one-line strings a person can read, freed with
 * g_ptr_array_unref), in event order:
 *
 *   interview 4 (new): Globex, SRE on Fri 4 Dec 2026 14:00 — company guessed from raj@globex.com
 *     application 2 (new): Globex, SRE
 *     contact 7 (new): Raj Patel <raj@globex.com>
 *     contact 3: Ann Lee <ann@globex.com>
 *   interview 4 (unchanged): Globex, SRE on Fri 4 Dec 2026 14:00 — this invitation was imported
 * before (sequence 0) interview 4 (moved): Globex, SRE on Mon 7 Dec 2026 09:30, was Fri 4 Dec 2026
 * 14:00 — updated invitation (sequence 1) interview 4 (removed): Globex, SRE on Fri 4 Dec 2026
 * 14:00 — cancelled by the organizer
 *
 * ("(new)" after an application or contact: created; without it: reused. Times in
 * `tz`, jt_time_format_human.) A dry run fills the same report, ids included, from
 * inside a transaction it rolls back; saying that nothing was written is the caller's.
 *
 * A file that is malformed, truncated, binary or beyond the limits above is
 * JT_ERROR_INVALID with one line saying what is wrong with it ("it ends before
 * END:VCALENDAR (is the file cut short?)", "event 'Interview: SRE' has 5000 attendees;
 * an invitation has at most 1000"), worded to follow the caller's "cannot read
 * invitation FILE: " (jt-ical-import.h). The iCalendar module not found is
 * JT_ERROR_FAILED (jt-ical.h). Database errors come as the store reports them. On any error
 * nothing is written and *report stays NULL. */
gboolean jt_calendar_import (JtStore *store, const char *data, gsize length,
                             const JtInviteOptions *options, GTimeZone *tz, gint64 now,
                             GPtrArray **report, GError **error);

G_END_DECLS
