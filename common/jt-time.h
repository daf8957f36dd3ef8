/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-time.h: the dates, times and durations a person types, and instants and calendar
 * days written back out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The seconds of a day without a DST change: for lengths of time ("a day overdue",
 * "90 days of silence"). Calendar days are stepped on GDate or GDateTime instead, which
 * keep the wall-clock time across DST. */
#define JT_DAY_SECONDS G_GINT64_CONSTANT (86400)

/* An instant no follow-up can have: later than every time a record or rule can name. */
#define JT_TIME_NEVER G_MAXINT64

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
 *   cannot read date 'TEXT' (try 2026-12-04, 2026-12-04 14:30, friday 14:00, tomorrow, in 3 days,
 * +2w) */
GDateTime *jt_when_parse (const char *text, GDateTime *now, gboolean *has_time, GError **error);

/* Parse a length of time: "45m", "45min", "1h", "1h30m", "90s", "2d", "1w", "1 hour",
 * "30 minutes", "1 hour 30 minutes". A day is JT_DAY_SECONDS; months and years have no
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

/* Business days: Monday to Friday. The rules place calls and letters on them (DOMAIN.md:
 * "Weekend days are skipped for business-day rules"). Plain calendar days, so they hold
 * in every zone; the caller turns a day into an instant in the user's zone. */
/* Leaves `day` as it is when it is a business day, else moves it to the Monday after. */
void jt_date_business_forward (GDate *day);

/* Leaves `day` as it is when it is a business day, else moves it to the Friday before
 * (stopping at 1 January of year 1, where GDate ends). */
void jt_date_business_backward (GDate *day);

/* Moves `day` to the first business day after it. */
void jt_date_next_business_day (GDate *day);

/* Moves `day` back `days` days, stopping at 1 January of year 1. */
void jt_date_subtract_days_clamped (GDate *day, guint days);

/* Moves `day` back `days` business days: from a Monday (or a weekend day) 2 business
 * days back is Thursday. `days` 0 leaves it as it is. */
void jt_date_subtract_business_days (GDate *day, guint days);

G_END_DECLS
