/* jt-ical-export.h: the follow-up calendar, written with libical.
 *
 * One VCALENDAR (VERSION, PRODID, CALSCALE, X-WR-CALNAME) with a VEVENT per pending or
 * snoozed reminder (with `all`, done and dismissed ones too, as STATUS:CANCELLED and
 * without an alarm) and one per interview, reminders by id first, then interviews by id.
 * Each reminder's UID is its stable uid, its SEQUENCE its revision, its DTSTART the end
 * of its snooze or else its due time, in UTC, for 15 minutes (DURATION:PT15M), with a
 * display alarm at the start (TRIGGER:PT0S). An interview's UID is
 * "interview-ID@jobtrack". DTSTAMP and LAST-MODIFIED come from the record, so exporting
 * twice without a change in between gives the same text, in any zone and at any time.
 *
 * Record text is made fit first: valid UTF-8, line breaks as "\n" (SUMMARY and LOCATION
 * on one line), other control characters as spaces; libical escapes it, ends lines
 * with CRLF and folds them at 75 octets. Large calendars are printed on several
 * threads, joined before this returns (libical's reentrant functions only). */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

/* The calendar as iCalendar text (CRLF line ends, folded at 75 octets). Returns a new
 * string (free with g_free), or NULL with a JT_ERROR when the store cannot be read. */
char *jt_ical_export (JtStore *store, gboolean all, GError **error);

G_END_DECLS
