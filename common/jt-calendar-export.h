/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-export.h: the follow-up calendar, written with libical (by the iCalendar
 * module, jt-ical.h).
 *
 * One VCALENDAR (VERSION, PRODID, CALSCALE, X-WR-CALNAME) with a VEVENT per pending or
 * snoozed reminder, soonest first, and one per scheduled interview (one that has not
 * ended by `now`), by start time. With `all`: every reminder by id (done and dismissed
 * ones as STATUS:CANCELLED, without an alarm) and every interview.
 * Each reminder's UID is its stable uid, its SEQUENCE its revision, its DTSTART the end
 * of its snooze or else its due time, in UTC, for 15 minutes (DURATION:PT15M), with a
 * display alarm at the start (TRIGGER:PT0S). An interview's UID is
 * "interview-ID@jobtrack". DTSTAMP and LAST-MODIFIED come from the record, so exporting
 * twice without a change in between gives the same text, in any zone and at any time
 * (save for an interview that ended in between).
 *
 * An open letter follow-up (thank-you, after a rejection, network update) carries the
 * first lines of its draft (jt-letter.h) in its DESCRIPTION, with dates in `tz`: the
 * first 50 in the calendar's order, so that thousands of them still export quickly.
 *
 * Record text is made fit first (jt-text.h): valid UTF-8, line breaks as "\n" (SUMMARY
 * and LOCATION on one line), other control characters as spaces, bidi controls dropped;
 * libical escapes it, ends lines
 * with CRLF and folds them at 75 octets. Large calendars are printed on several
 * threads (libical's reentrant functions only), a batch of events at a time. */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-store.h"
#include "jt-write.h"

G_BEGIN_DECLS

/* Hands the calendar to `write` as it is printed, without holding it all in memory.
 * All of it is read in one transaction, so it shows one state of the database. FALSE
 * with a JT_ERROR when the iCalendar module cannot be loaded or the store cannot be
 * read, or with `write`'s error. */
/* The follow-ups' words come from `config` (jt-reminder-text.h). */
gboolean jt_calendar_export_write (JtStore *store, gboolean all, gint64 now, GTimeZone *tz,
                                   const JtConfig *config, JtWriteFunc write, gpointer user_data,
                                   GError **error);

G_END_DECLS
