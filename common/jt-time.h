/* jt-time.h: the dates, times and durations a person types, and instants and calendar
 * days written back out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parse the dates and times a person types: "2026-12-04", "2026-12-04 14:30",
 * "2026-12-04T14:30:00+01:00", "now", "today", "tomorrow at 9:30", "friday 14:00",
 * "next fri", "last friday 16:15", "in 3 days", "+2w", "-1h", "3 days ago", "2pm".
 * Case-insensitive; surrounding and repeated spaces are ignored, control characters
 * (tabs, newlines) and texts over 256 bytes are refused.
 *
 * `now` pins the clock and carries the time zone (the caller passes
 * g_date_time_new_now_local () or a pinned instant in some zone); every result is in
 * now's zone. `has_time` (may be NULL) is set FALSE when the text named only a day (the
 * result is then 00:00 local that day).
 *
 * A wall time inside a DST gap moves forward to the end of the gap (02:30 on the Berlin
 * spring-forward day gives 03:00 +02:00); one that happens twice in a DST fold is the
 * later, standard-time instant (02:30 on the Berlin fall-back day gives 02:30 +01:00).
 * A calendar step (+1d, in 2 weeks) that lands in a fold keeps now's side of it: daylight
 * time when now is in daylight time.
 *
 * Returns a new GDateTime the caller unrefs, or NULL with JT_ERROR_INVALID:
 *   cannot read date 'TEXT' (try 2026-12-04, 2026-12-04 14:30, friday 14:00, tomorrow, in 3 days, +2w) */
GDateTime *jt_when_parse (const char *text, GDateTime *now, gboolean *has_time, GError **error);

/* Parse a length of time: "45m", "45min", "1h", "1h30m", "90s", "2d", "1w", "1 hour",
 * "30 minutes", "1 hour 30 minutes". A day is 86400 seconds; months and years have no
 * fixed length and are refused. Stores the total (> 0) in `seconds`. Zero, negative or
 * unreadable text gives JT_ERROR_INVALID:
 *   cannot read duration 'TEXT' (try 45m, 1h30m, 2d) */
gboolean jt_duration_parse (const char *text, gint64 *seconds, GError **error);

/* ISO 8601 with the zone's offset, always ±HH:MM, never Z: "2026-12-04T10:00:00+01:00".
 * `tz` NULL means the local zone. New string, or NULL outside years 1..9999. */
char *jt_time_format_iso (gint64 unix_seconds, GTimeZone *tz);

/* A short human form for listings, with C locale names whatever the locale:
 * "Fri 4 Dec 2026 10:00". `tz` NULL means the local zone. New string, or NULL outside
 * years 1..9999. */
char *jt_time_format_human (gint64 unix_seconds, GTimeZone *tz);

/* The calendar day of `dt` in dt's own zone, as stored: "2026-12-04". New string. */
char *jt_date_format (GDateTime *dt);

/* Strict check of a stored calendar day: exactly ten characters "YYYY-MM-DD" naming a
 * real day (no 2026-02-30, no month 13, no year 0000). NULL gives FALSE. */
gboolean jt_date_valid (const char *yyyy_mm_dd);

G_END_DECLS
