/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-time.h: the instant an invitation's DATE-TIME means.
 *
 * - UTC ("…Z") as written.
 * - With a TZID: through the VTIMEZONE the file embeds for it; else the system zone of
 *   that name; else a Windows zone name ("W. Europe Standard Time", Exchange's
 *   "tzone://Microsoft/Utc") mapped by ICU to its IANA zone (CLDR's windowsZones table,
 *   the one ICU keeps current; libical loads ICU anyway); else refused, naming the zone.
 * - Floating (no TZID, no Z): a wall time in the person's zone.
 * - A wall time that a zone skips (the hour clocks go forward) or repeats (the hour they
 *   go back) follows RFC 5545 §3.3.5 for every kind of zone alike: a repeated time is its
 *   first occurrence, a skipped one is read with the offset before the gap
 *   (America/New_York 2026-03-08 02:30 is 03:30 EDT, 07:30 UTC).
 * - An embedded VTIMEZONE must give offsets (STANDARD or DAYLIGHT) that change at most
 *   yearly, as every real zone does: libical would expand millions of changes for one
 *   that repeats each second. Zones no event uses are never looked at.
 * Messages name the event by `label` ("event 'Interview: SRE' (line 5)") and never pass
 * libical's own text on. */
#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* The instant of the DATE-TIME `tt`, the value of `prop` (DTSTART, DTEND, RECURRENCE-ID,
 * EXDATE …, whose TZID parameter is read) in `calendar` (its VTIMEZONEs); floating times
 * in `tz`. A value that is no real day and time, a date without a time, a year before
 * 1900 or after 9999, or an unknown zone is FALSE with JT_ERROR_INVALID. `written` and
 * `line`, when not NULL and 0, quote the line in that message. */
gboolean jt_ical_time_instant (icalcomponent *calendar, icalproperty *prop, struct icaltimetype tt,
                               GTimeZone *tz, const char *label, const char *written, guint line,
                               gint64 *instant, GError **error);

/* The IANA zone ICU gives for the Windows zone name `windows_id`, or NULL. New string. */
char *jt_ical_time_zone_for_windows (const char *windows_id);

G_END_DECLS
