/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time.c: the date grammar, durations and formatters. meson runs this binary under
 * TZ=UTC, Europe/Berlin, America/New_York and Australia/Sydney; the local tables are
 * written as local wall-clock times so that they hold in every zone, and the zone tables
 * pin their own zone to test DST. */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "jt-error.h"
#include "jt-time.h"

#define WHEN_HINT "(try 2026-12-04, 2026-12-04 14:30, friday 14:00, tomorrow, in 3 days, +2w)"
#define DURATION_HINT "(try 45m, 1h30m, 2d)"
#define ISO_FORMAT "%Y-%m-%dT%H:%M:%S%:z"

/* Friday 4 December 2026, 10:00: no zone under test changes its offset in December, so
 * wall-clock expectations around it are the same everywhere. */
#define FRI "2026-12-04T10:00:00"

/* An ISO string read in `tz`: with an offset it is that instant seen in tz, without one
 * it is a wall time in tz. */
static GDateTime *
pinned (const char *iso, GTimeZone *tz)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, tz);

  if (dt == NULL)
    g_error ("bad ISO string in the test table: %s", iso);
  return g_date_time_to_timezone (dt, tz);
}

static char *
iso (GDateTime *dt)
{
  return g_date_time_format (dt, ISO_FORMAT);
}

/* Test input as the TAP log shows it: escaped, so that invalid UTF-8 or an escape
 * sequence in an error case cannot break the log or the terminal. */
static void
note_input (const char *input, const char *detail)
{
  g_autofree char *escaped = g_strescape (input, NULL);

  g_test_message ("input '%s'%s", escaped, detail != NULL ? detail : "");
}

/* Parse `input` at `now` and compare with `expected` (read as by pinned () in now's zone):
 * same wall time, same offset, same has_time. */
static void
check_when (const char *input, GDateTime *now, const char *expected, gboolean expect_has_time)
{
  g_autoptr (GDateTime) want = pinned (expected, g_date_time_get_timezone (now));
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) got = NULL;
  g_autofree char *now_s = iso (now);
  g_autofree char *want_s = iso (want);
  g_autofree char *got_s = NULL;
  g_autofree char *detail = g_strdup_printf (" at %s, want %s", now_s, want_s);
  gboolean has_time = !expect_has_time;

  note_input (input, detail);
  got = jt_when_parse (input, now, &has_time, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  got_s = iso (got);
  g_assert_cmpstr (got_s, ==, want_s);
  g_assert_true (g_date_time_equal (got, want));
  g_assert_cmpint (has_time, ==, expect_has_time);
}

/* ---- Local-zone table ---------------------------------------------------------------- */

typedef struct
{
  const char *input;
  const char *now;      /* wall time in the local zone */
  const char *expected; /* wall time in the local zone, or an instant with an offset */
  gboolean has_time;
} WhenCase;

static const WhenCase local_cases[] = {
  /* ISO */
  { "2026-12-04", FRI, "2026-12-04T00:00:00", FALSE },
  { "2026-12-04 14:30", FRI, "2026-12-04T14:30:00", TRUE },
  { "2026-12-04T14:30", FRI, "2026-12-04T14:30:00", TRUE },
  { "2026-12-04t14:30", FRI, "2026-12-04T14:30:00", TRUE },
  { "2026-12-04 14:30:15", FRI, "2026-12-04T14:30:15", TRUE },
  { "2026-12-04T14:30:15", FRI, "2026-12-04T14:30:15", TRUE },
  { "   2026-12-04    14:30  ", FRI, "2026-12-04T14:30:00", TRUE },
  { "2026-12-04T14:30+01:00", FRI, "2026-12-04T14:30:00+01:00", TRUE },
  { "2026-12-04T14:30:00Z", FRI, "2026-12-04T14:30:00Z", TRUE },
  { "2026-12-04t14:30z", FRI, "2026-12-04T14:30:00Z", TRUE },
  { "2026-12-04 14:30:00-05:30", FRI, "2026-12-04T14:30:00-05:30", TRUE },
  { "2026-07-04T23:30:00+14:00", FRI, "2026-07-04T23:30:00+14:00", TRUE },
  { "2028-02-29", FRI, "2028-02-29T00:00:00", FALSE },
  { "2027-01-01", FRI, "2027-01-01T00:00:00", FALSE },
  { "2026-12-04 at 2pm", FRI, "2026-12-04T14:00:00", TRUE },
  { "2026-12-04 9:30", FRI, "2026-12-04T09:30:00", TRUE },
  { "2026-12-25 at 12am", FRI, "2026-12-25T00:00:00", TRUE },
  { "2026-12-25 12:30 PM", FRI, "2026-12-25T12:30:00", TRUE },

  /* words */
  { "now", FRI, FRI, TRUE },
  { "  NOW ", FRI, FRI, TRUE },
  { "today", FRI, "2026-12-04T00:00:00", FALSE },
  { "tomorrow", FRI, "2026-12-05T00:00:00", FALSE },
  { "yesterday", FRI, "2026-12-03T00:00:00", FALSE },
  { "Tomorrow At 9:30", FRI, "2026-12-05T09:30:00", TRUE },
  { "tomorrow 9:30", FRI, "2026-12-05T09:30:00", TRUE },
  { "today 23:59:59", FRI, "2026-12-04T23:59:59", TRUE },
  { "yesterday 12pm", FRI, "2026-12-03T12:00:00", TRUE },
  { "tomorrow 12am", FRI, "2026-12-05T00:00:00", TRUE },
  { "tomorrow", "2026-12-31T22:00:00", "2027-01-01T00:00:00", FALSE },
  { "yesterday", "2027-03-01T10:00:00", "2027-02-28T00:00:00", FALSE },
  { "yesterday", "2028-03-01T10:00:00", "2028-02-29T00:00:00", FALSE },

  /* weekdays, today being Friday: every name ahead and back */
  { "saturday", FRI, "2026-12-05T00:00:00", FALSE },
  { "sunday", FRI, "2026-12-06T00:00:00", FALSE },
  { "monday", FRI, "2026-12-07T00:00:00", FALSE },
  { "tuesday", FRI, "2026-12-08T00:00:00", FALSE },
  { "wednesday", FRI, "2026-12-09T00:00:00", FALSE },
  { "thursday", FRI, "2026-12-10T00:00:00", FALSE },
  { "friday", FRI, "2026-12-11T00:00:00", FALSE },
  { "fri", FRI, "2026-12-11T00:00:00", FALSE },
  { "next friday", FRI, "2026-12-11T00:00:00", FALSE },
  { "next fri", FRI, "2026-12-11T00:00:00", FALSE },
  { "sat", FRI, "2026-12-05T00:00:00", FALSE },
  { "sun", FRI, "2026-12-06T00:00:00", FALSE },
  { "mon", FRI, "2026-12-07T00:00:00", FALSE },
  { "tue", FRI, "2026-12-08T00:00:00", FALSE },
  { "wed", FRI, "2026-12-09T00:00:00", FALSE },
  { "thu", FRI, "2026-12-10T00:00:00", FALSE },
  { "next monday", FRI, "2026-12-07T00:00:00", FALSE },
  { "next saturday", FRI, "2026-12-05T00:00:00", FALSE },
  { "last thursday", FRI, "2026-12-03T00:00:00", FALSE },
  { "last wednesday", FRI, "2026-12-02T00:00:00", FALSE },
  { "last tuesday", FRI, "2026-12-01T00:00:00", FALSE },
  { "last monday", FRI, "2026-11-30T00:00:00", FALSE },
  { "last sunday", FRI, "2026-11-29T00:00:00", FALSE },
  { "last saturday", FRI, "2026-11-28T00:00:00", FALSE },
  { "last friday", FRI, "2026-11-27T00:00:00", FALSE },
  { "last fri", FRI, "2026-11-27T00:00:00", FALSE },
  { "LAST   Sat", FRI, "2026-11-28T00:00:00", FALSE },
  { "FRIDAY 14:00", FRI, "2026-12-11T14:00:00", TRUE },
  { "friday at 2:30pm", FRI, "2026-12-11T14:30:00", TRUE },
  { "last friday 16:15", FRI, "2026-11-27T16:15:00", TRUE },
  { "next mon 9am", FRI, "2026-12-07T09:00:00", TRUE },
  { "saturday at 8:05:30", FRI, "2026-12-05T08:05:30", TRUE },
  /* today being Sunday, then Monday: today's own name is a week away either way */
  { "sunday", "2026-12-06T10:00:00", "2026-12-13T00:00:00", FALSE },
  { "last sunday", "2026-12-06T10:00:00", "2026-11-29T00:00:00", FALSE },
  { "monday", "2026-12-06T10:00:00", "2026-12-07T00:00:00", FALSE },
  { "saturday", "2026-12-06T10:00:00", "2026-12-12T00:00:00", FALSE },
  { "last saturday", "2026-12-06T10:00:00", "2026-12-05T00:00:00", FALSE },
  { "mon", "2026-12-07T10:00:00", "2026-12-14T00:00:00", FALSE },
  { "next monday", "2026-12-07T10:00:00", "2026-12-14T00:00:00", FALSE },
  { "last mon", "2026-12-07T10:00:00", "2026-11-30T00:00:00", FALSE },
  { "sunday", "2026-12-07T10:00:00", "2026-12-13T00:00:00", FALSE },
  { "last sunday", "2026-12-07T10:00:00", "2026-12-06T00:00:00", FALSE },
  /* across a year end */
  { "friday", "2026-12-31T10:00:00", "2027-01-01T00:00:00", FALSE },
  { "last thursday", "2027-01-01T10:00:00", "2026-12-31T00:00:00", FALSE },

  /* relative amounts keep now's time of day */
  { "in 3 days", FRI, "2026-12-07T10:00:00", TRUE },
  { "in 3days", FRI, "2026-12-07T10:00:00", TRUE },
  { "in 1 day", FRI, "2026-12-05T10:00:00", TRUE },
  { "in 2 weeks", FRI, "2026-12-18T10:00:00", TRUE },
  { "in 5 months", FRI, "2027-05-04T10:00:00", TRUE },
  { "in 1 year", FRI, "2027-12-04T10:00:00", TRUE },
  { "in 2 yrs", FRI, "2028-12-04T10:00:00", TRUE },
  { "+2w", FRI, "2026-12-18T10:00:00", TRUE },
  { "+2 weeks", FRI, "2026-12-18T10:00:00", TRUE },
  { "+1wk", FRI, "2026-12-11T10:00:00", TRUE },
  { "-1d", FRI, "2026-12-03T10:00:00", TRUE },
  { "+0d", FRI, FRI, TRUE },
  { "+90s", FRI, "2026-12-04T10:01:30", TRUE },
  { "+10min", FRI, "2026-12-04T10:10:00", TRUE },
  { "+45m", FRI, "2026-12-04T10:45:00", TRUE },
  { "-1h", FRI, "2026-12-04T09:00:00", TRUE },
  { "+3mo", FRI, "2027-03-04T10:00:00", TRUE },
  { "+1y", FRI, "2027-12-04T10:00:00", TRUE },
  { "-2yr", FRI, "2024-12-04T10:00:00", TRUE },
  { "in 30 seconds", FRI, "2026-12-04T10:00:30", TRUE },
  { "in 1 hr", FRI, "2026-12-04T11:00:00", TRUE },
  { "in 48 hours", FRI, "2026-12-06T10:00:00", TRUE },
  { "3 days ago", FRI, "2026-12-01T10:00:00", TRUE },
  { "5 min ago", FRI, "2026-12-04T09:55:00", TRUE },
  { "2 hours ago", FRI, "2026-12-04T08:00:00", TRUE },
  { "1 month ago", FRI, "2026-11-04T10:00:00", TRUE },
  { "1y ago", FRI, "2025-12-04T10:00:00", TRUE },
  /* a day-unit amount followed by a time takes that time */
  { "in 3 days 16:30", FRI, "2026-12-07T16:30:00", TRUE },
  { "in 3 days at 8am", FRI, "2026-12-07T08:00:00", TRUE },
  { "+2w at 9am", FRI, "2026-12-18T09:00:00", TRUE },
  { "3 days ago 16:00", FRI, "2026-12-01T16:00:00", TRUE },
  { "in 2 months 8:15", FRI, "2027-02-04T08:15:00", TRUE },
  { "+1y 12pm", FRI, "2027-12-04T12:00:00", TRUE },
  /* month arithmetic clamps to the month's end */
  { "in 1 month", "2027-01-31T10:00:00", "2027-02-28T10:00:00", TRUE },
  { "+1mo", "2028-01-31T10:00:00", "2028-02-29T10:00:00", TRUE },
  { "-1mo", "2027-03-31T10:00:00", "2027-02-28T10:00:00", TRUE },
  { "+1 months", "2026-08-31T10:00:00", "2026-09-30T10:00:00", TRUE },
  { "+1y", "2028-02-29T10:00:00", "2029-02-28T10:00:00", TRUE },

  /* a bare time is today, even if it has passed */
  { "14:00", FRI, "2026-12-04T14:00:00", TRUE },
  { "at 14:00", FRI, "2026-12-04T14:00:00", TRUE },
  { "8:00", FRI, "2026-12-04T08:00:00", TRUE },
  { "09:05", FRI, "2026-12-04T09:05:00", TRUE },
  { "14:00:30", FRI, "2026-12-04T14:00:30", TRUE },
  { "3pm", FRI, "2026-12-04T15:00:00", TRUE },
  { "at 3 PM", FRI, "2026-12-04T15:00:00", TRUE },
  { "2:30pm", FRI, "2026-12-04T14:30:00", TRUE },
  { "12am", FRI, "2026-12-04T00:00:00", TRUE },
  { "12:30am", FRI, "2026-12-04T00:30:00", TRUE },
  { "12pm", FRI, "2026-12-04T12:00:00", TRUE },
  { "11:59pm", FRI, "2026-12-04T23:59:00", TRUE },
  { "1am", FRI, "2026-12-04T01:00:00", TRUE },
  { "0:00", FRI, "2026-12-04T00:00:00", TRUE },
};

static void
test_when_local (gconstpointer data)
{
  const WhenCase *c = data;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = pinned (c->now, local);

  check_when (c->input, now, c->expected, c->has_time);
}

/* ---- Zone-pinned table: DST and explicit zones ------------------------------------- */

typedef struct
{
  const char *zone;
  const char *now; /* wall time in `zone` */
  const char *input;
  const char *expected; /* with the offset the result must carry */
  gboolean has_time;
} ZoneCase;

static const ZoneCase zone_cases[] = {
  /* Berlin springs forward on Sunday 2027-03-28, 02:00 CET -> 03:00 CEST */
  { "Europe/Berlin", "2027-03-27T09:00:00", "tomorrow 10:00", "2027-03-28T10:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "tomorrow", "2027-03-28T00:00:00+01:00", FALSE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "+1d", "2027-03-28T09:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "+24h", "2027-03-28T10:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "in 24 hours", "2027-03-28T10:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "in 1 week", "2027-04-03T09:00:00+02:00", TRUE },
  /* a wall time in the gap moves forward to the gap's end */
  { "Europe/Berlin", "2027-03-27T09:00:00", "tomorrow 2:30", "2027-03-28T03:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "2027-03-28 02:30", "2027-03-28T03:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "2027-03-28T02:30:00", "2027-03-28T03:00:00+02:00",
    TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "2027-03-28 at 2:30am", "2027-03-28T03:00:00+02:00",
    TRUE },
  { "Europe/Berlin", "2027-03-27T02:30:00", "+1d", "2027-03-28T03:00:00+02:00", TRUE },
  { "Europe/Berlin", "2027-03-27T09:00:00", "2027-03-28 01:59:59", "2027-03-28T01:59:59+01:00",
    TRUE },
  /* Berlin falls back on Sunday 2027-10-31, 03:00 CEST -> 02:00 CET */
  { "Europe/Berlin", "2027-10-30T10:00:00", "+1d", "2027-10-31T10:00:00+01:00", TRUE },
  { "Europe/Berlin", "2027-10-30T10:00:00", "+24h", "2027-10-31T09:00:00+01:00", TRUE },
  { "Europe/Berlin", "2027-10-30T10:00:00", "in 1 week", "2027-11-06T10:00:00+01:00", TRUE },
  /* a wall time in the fold is the later, standard-time one */
  { "Europe/Berlin", "2027-10-30T10:00:00", "sunday 2:30am", "2027-10-31T02:30:00+01:00", TRUE },
  { "Europe/Berlin", "2027-10-30T10:00:00", "2027-10-31 02:30", "2027-10-31T02:30:00+01:00", TRUE },
  /* a calendar step landing in the fold keeps now's side of it */
  { "Europe/Berlin", "2027-10-30T02:30:00", "+1d", "2027-10-31T02:30:00+02:00", TRUE },
  { "Europe/Berlin", "2027-11-01T02:30:00", "-1d", "2027-10-31T02:30:00+01:00", TRUE },
  /* unless an offset picks the other one */
  { "Europe/Berlin", "2027-10-30T10:00:00", "2027-10-31T02:30:00+02:00",
    "2027-10-31T02:30:00+02:00", TRUE },
  { "Europe/Berlin", "2027-10-30T10:00:00", "2027-10-31T00:30:00Z", "2027-10-31T02:30:00+02:00",
    TRUE },
  /* month arithmetic clamps */
  { "Europe/Berlin", "2027-01-31T10:00:00", "in 1 month", "2027-02-28T10:00:00+01:00", TRUE },
  { "Europe/Berlin", "2027-09-30T10:00:00", "+5mo", "2028-02-29T10:00:00+01:00", TRUE },
  { "Europe/Berlin", "2027-09-30T10:00:00", "+1mo", "2027-10-30T10:00:00+02:00", TRUE },
  /* the result is in now's zone, whatever TZ says */
  { "Europe/Berlin", FRI, "2026-12-04T14:30:00Z", "2026-12-04T15:30:00+01:00", TRUE },
  { "Europe/Berlin", FRI, "tomorrow 9am", "2026-12-05T09:00:00+01:00", TRUE },
  { "Europe/Berlin", "2026-07-03T10:00:00", "friday", "2026-07-10T00:00:00+02:00", FALSE },

  /* Sydney springs forward on Sunday 2027-10-03, 02:00 AEST -> 03:00 AEDT */
  { "Australia/Sydney", "2027-10-02T10:00:00", "tomorrow 10:00", "2027-10-03T10:00:00+11:00",
    TRUE },
  { "Australia/Sydney", "2027-10-02T10:00:00", "+1d", "2027-10-03T10:00:00+11:00", TRUE },
  { "Australia/Sydney", "2027-10-02T10:00:00", "+24h", "2027-10-03T11:00:00+11:00", TRUE },
  { "Australia/Sydney", "2027-10-02T10:00:00", "sunday 2:30am", "2027-10-03T03:00:00+11:00", TRUE },
  { "Australia/Sydney", "2027-10-02T10:00:00", "tomorrow", "2027-10-03T00:00:00+10:00", FALSE },
  /* and falls back on Sunday 2027-04-04, 03:00 AEDT -> 02:00 AEST */
  { "Australia/Sydney", "2027-04-03T10:00:00", "+1d", "2027-04-04T10:00:00+10:00", TRUE },
  { "Australia/Sydney", "2027-04-03T10:00:00", "+24h", "2027-04-04T09:00:00+10:00", TRUE },
  { "Australia/Sydney", "2027-04-03T10:00:00", "tomorrow 2:30am", "2027-04-04T02:30:00+10:00",
    TRUE },
  { "Australia/Sydney", "2027-01-15T10:00:00", "in 6 months", "2027-07-15T10:00:00+10:00", TRUE },
  { "Australia/Sydney", FRI, "2026-12-04T10:00:00+01:00", "2026-12-04T20:00:00+11:00", TRUE },

  /* New York springs forward on Sunday 2027-03-14, 02:00 EST -> 03:00 EDT */
  { "America/New_York", "2027-03-13T10:00:00", "+1d", "2027-03-14T10:00:00-04:00", TRUE },
  { "America/New_York", "2027-03-13T10:00:00", "in 24 hours", "2027-03-14T11:00:00-04:00", TRUE },
  { "America/New_York", "2027-03-13T10:00:00", "tomorrow 2:30am", "2027-03-14T03:00:00-04:00",
    TRUE },
  { "America/New_York", "2027-03-13T10:00:00", "+1w", "2027-03-20T10:00:00-04:00", TRUE },
  /* and falls back on Sunday 2027-11-07, 02:00 EDT -> 01:00 EST */
  { "America/New_York", "2027-11-06T10:00:00", "tomorrow 10:00", "2027-11-07T10:00:00-05:00",
    TRUE },
  { "America/New_York", "2027-11-06T10:00:00", "+24h", "2027-11-07T09:00:00-05:00", TRUE },
  { "America/New_York", "2027-11-06T10:00:00", "tomorrow 1:30am", "2027-11-07T01:30:00-05:00",
    TRUE },
  { "America/New_York", "2027-11-06T10:00:00", "2027-11-07T01:30:00-04:00",
    "2027-11-07T01:30:00-04:00", TRUE },
  { "America/New_York", "2027-11-13T10:00:00", "last sunday", "2027-11-07T00:00:00-04:00", FALSE },
  { "America/New_York", "2027-11-13T10:00:00", "-1w", "2027-11-06T10:00:00-04:00", TRUE },

  /* a fixed-offset zone */
  { "+05:30", FRI, "tomorrow 9am", "2026-12-05T09:00:00+05:30", TRUE },
  { "UTC", FRI, "2026-12-04T10:00:00+01:00", "2026-12-04T09:00:00+00:00", TRUE },
};

static void
test_when_zone (gconstpointer data)
{
  const ZoneCase *c = data;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (c->zone);
  g_autoptr (GDateTime) now = NULL;

  g_assert_nonnull (tz);
  now = pinned (c->now, tz);
  check_when (c->input, now, c->expected, c->has_time);
}

/* Calendar days from `from` to `to`, each read in its own zone, ignoring the clock. */
static gint
days_between (GDateTime *from, GDateTime *to)
{
  gint y1, m1, d1, y2, m2, d2;
  g_autoptr (GDate) a = NULL;
  g_autoptr (GDate) b = NULL;

  g_date_time_get_ymd (from, &y1, &m1, &d1);
  g_date_time_get_ymd (to, &y2, &m2, &d2);
  a = g_date_new_dmy ((GDateDay) d1, (GDateMonth) m1, (GDateYear) y1);
  b = g_date_new_dmy ((GDateDay) d2, (GDateMonth) m2, (GDateYear) y2);
  return g_date_days_between (a, b);
}

/* Every weekday name, as "X", "next X" and "last X", from every day of one week: the
 * result is that weekday, at midnight, 1..7 days ahead or back, and 7 when it is today's. */
static void
test_when_weekday_rules (void)
{
  /* by GDateWeekday - 1, in mixed forms and cases */
  static const char *const names[] = {
    "monday", "tue", "Wednesday", "thu", "fri", "saturday", "SUN",
  };
  static const char *const prefixes[] = { "", "next ", "last " };
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) monday = pinned ("2026-11-30T10:00:00", local);

  for (gint d = 0; d < 7; d++)
    {
      g_autoptr (GDateTime) now = g_date_time_add_days (monday, d);
      gint today = g_date_time_get_day_of_week (now);

      for (gint target = G_DATE_MONDAY; target <= G_DATE_SUNDAY; target++)
        for (gsize form = 0; form < G_N_ELEMENTS (prefixes); form++)
          {
            gboolean last = form == 2;
            g_autofree char *input = g_strconcat (prefixes[form], names[target - 1], NULL);
            g_autoptr (GError) error = NULL;
            gboolean has_time = TRUE;
            g_autoptr (GDateTime) got = jt_when_parse (input, now, &has_time, &error);
            gint days;

            note_input (input, NULL);
            g_assert_no_error (error);
            g_assert_nonnull (got);
            g_assert_false (has_time);
            g_assert_cmpint (g_date_time_get_day_of_week (got), ==, target);
            g_assert_cmpint (g_date_time_get_hour (got), ==, 0);
            g_assert_cmpint (g_date_time_get_minute (got), ==, 0);
            days = days_between (now, got);
            if (target == today)
              g_assert_cmpint (days, ==, last ? -7 : 7);
            else if (last)
              g_assert_cmpint (days, ==, -((today - target + 7) % 7));
            else
              g_assert_cmpint (days, ==, (target - today + 7) % 7);
          }
    }
}

static void
test_when_has_time_optional (void)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = pinned (FRI, local);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) got = jt_when_parse ("friday", now, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpint (g_date_time_get_day_of_month (got), ==, 11);

  /* and a NULL error is fine too */
  g_assert_null (jt_when_parse ("blursday", now, NULL, NULL));
}

/* At the end of GDateTime's range a day form that cannot be built is an error, and does
 * not let the rest of the text be read as another form ("tomorrow -1d"). */
static void
test_when_range_end (void)
{
  static const char *const refused[] = {
    "tomorrow",    "tomorrow last friday", "tomorrow -1d",    "+1d", "in 1 year", "+1mo", "friday",
    "next friday", "friday -1d",           "in 999999 weeks",
  };
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = pinned ("9999-12-31T10:00:00", local);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) yesterday = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) refusal = NULL;

      note_input (refused[i], NULL);
      g_assert_null (jt_when_parse (refused[i], now, NULL, &refusal));
      g_assert_error (refusal, JT_ERROR, JT_ERROR_INVALID);
    }
  yesterday = jt_when_parse ("yesterday", now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_day_of_month (yesterday), ==, 30);
}

/* GLib's own month arithmetic, which the grammar relies on, clamps to the month's end. */
static void
test_glib_add_months_clamps (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) jan31 = g_date_time_new (utc, 2027, 1, 31, 10, 0, 0);
  g_autoptr (GDateTime) leap_jan31 = g_date_time_new (utc, 2028, 1, 31, 10, 0, 0);
  g_autoptr (GDateTime) leap_day = g_date_time_new (utc, 2028, 2, 29, 10, 0, 0);
  g_autoptr (GDateTime) feb = g_date_time_add_months (jan31, 1);
  g_autoptr (GDateTime) leap_feb = g_date_time_add_months (leap_jan31, 1);
  g_autoptr (GDateTime) next_year = g_date_time_add_years (leap_day, 1);
  g_autofree char *feb_s = iso (feb);
  g_autofree char *leap_feb_s = iso (leap_feb);
  g_autofree char *next_year_s = iso (next_year);

  g_assert_cmpstr (feb_s, ==, "2027-02-28T10:00:00+00:00");
  g_assert_cmpstr (leap_feb_s, ==, "2028-02-29T10:00:00+00:00");
  g_assert_cmpstr (next_year_s, ==, "2029-02-28T10:00:00+00:00");
}

/* ---- Errors ------------------------------------------------------------------------ */

typedef struct
{
  const char *input;
  const char *shown; /* how the message quotes it, when not verbatim */
} ErrorCase;

static const ErrorCase when_errors[] = {
  { "", NULL },
  { "   ", NULL },
  { "next blursday", NULL },
  { "blursday", NULL },
  { "friday 25:00", NULL },
  { "friday 14", NULL },
  { "friday at", NULL },
  { "friday 14:00 15:00", NULL },
  { "in three days", NULL },
  { "in 3", NULL },
  { "in -3 days", NULL },
  { "in 3 days ago", NULL },
  { "in 3 fortnights", NULL },
  { "in 1234567 days", NULL },
  { "+999999y", NULL },
  { "-999999y", NULL },
  { "+2", NULL },
  { "+2x", NULL },
  { "+ 2w", NULL },
  { "++2w", NULL },
  { "+2h 10:00", NULL },
  { "in 3 hours at 10:00", NULL },
  { "3 days", NULL },
  { "2026-13-01", NULL },
  { "2026-00-10", NULL },
  { "2026-02-30", NULL },
  { "2027-02-29", NULL },
  { "2026-12-00", NULL },
  { "0000-01-01", NULL },
  { "2026-12-4", NULL },
  { "26-12-04", NULL },
  { "2026/12/04", NULL },
  { "2026-12-04T", NULL },
  { "2026-12-04T25:00", NULL },
  { "2026-12-04T24:00", NULL },
  { "2026-12-04T12:61", NULL },
  { "2026-12-04T14:30:60", NULL },
  { "2026-12-04T14:30+15:00", NULL },
  { "2026-12-04T14:30+01", NULL },
  { "2026-12-04T14:30+0100", NULL },
  { "2026-12-04 14:30 +01:00", NULL },
  { "2026-12-04T14:30Z junk", NULL },
  { "2026-12-04 friday", NULL },
  { "12:61", NULL },
  { "25:00", NULL },
  { "14:0", NULL },
  { "14:00:5", NULL },
  { "13pm", NULL },
  { "0am", NULL },
  { "0:30am", NULL },
  { "14:00pm", NULL },
  { "at", NULL },
  { "at noon", NULL },
  { "14", NULL },
  { "next", NULL },
  { "last", NULL },
  { "next last friday", NULL },
  { "last next friday", NULL },
  { "tomorrow tomorrow", NULL },
  { "now 10:00", NULL },
  { "nowhere", NULL },
  { "todays", NULL },
  { "fridays", NULL },
  { "mañana", NULL },
  { "\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd" },
  { "tomorrow\n", "tomorrow\\x0a" },
  { "fri\tday", "fri\\x09day" },
  { "\ttomorrow", "\\x09tomorrow" },
  { "\x1b[2Jtomorrow", "\\x1b[2Jtomorrow" },
  { "tomorrow\x7f", "tomorrow\\x7f" },
};

static void
check_error (const GError *error, const char *what, const char *hint, const ErrorCase *c)
{
  g_autofree char *want = g_strdup_printf ("cannot read %s '%s' %s", what,
                                           c->shown != NULL ? c->shown : c->input, hint);

  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, want);
}

static void
test_when_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = pinned (FRI, local);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) got = NULL;

  note_input (c->input, NULL);
  got = jt_when_parse (c->input, now, NULL, &error);
  g_assert_null (got);
  check_error (error, "date", WHEN_HINT, c);
}

/* Long input is refused whole, and the message still names all of it. */
static void
test_when_long_input (void)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = pinned (FRI, local);
  g_autofree char *letters = g_strnfill (10000, 'a');
  g_autofree char *spaces = g_strnfill (300, ' ');
  g_autofree char *padded = g_strconcat (spaces, "tomorrow", NULL);
  g_autofree char *just_fits = g_strnfill (256, ' ');
  const char *inputs[] = { letters, padded };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GError) error = NULL;
      ErrorCase c = { inputs[i], NULL };

      g_assert_null (jt_when_parse (inputs[i], now, NULL, &error));
      check_error (error, "date", WHEN_HINT, &c);
    }

  /* 256 bytes is the most that is read */
  memcpy (just_fits + 248, "tomorrow", 8);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GDateTime) got = jt_when_parse (just_fits, now, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_date_time_get_day_of_month (got), ==, 5);
  }
}

/* ---- Durations --------------------------------------------------------------------- */

typedef struct
{
  const char *input;
  gint64 seconds;
} DurationCase;

static const DurationCase durations[] = {
  { "45m", 2700 },
  { "45min", 2700 },
  { "45 mins", 2700 },
  { "1h", 3600 },
  { "1hr", 3600 },
  { "1h30m", 5400 },
  { "1h 30m", 5400 },
  { "1 hour 30 minutes", 5400 },
  { "90s", 90 },
  { "3 secs", 3 },
  { "1 second", 1 },
  { "2d", 172800 },
  { "1 day", 86400 },
  { "1w", 604800 },
  { "1wk", 604800 },
  { "2 weeks", 1209600 },
  { "1 hour", 3600 },
  { "30 minutes", 1800 },
  { "2 HOURS", 7200 },
  { "  1h   15m  ", 4500 },
  { "1d2h3m4s", 93784 },
  { "0h5m", 300 },
  { "999999w", G_GINT64_CONSTANT (604799395200) },
};

static const ErrorCase duration_errors[] = {
  { "", NULL },          { "   ", NULL },      { "0m", NULL },       { "0", NULL },
  { "0h 0m", NULL },     { "45", NULL },       { "-5m", NULL },      { "+5m", NULL },
  { "5x", NULL },        { "1mo", NULL },      { "2 months", NULL }, { "2y", NULL },
  { "1.5h", NULL },      { "h", NULL },        { "1h30", NULL },     { "1 h 30", NULL },
  { "abc", NULL },       { "one hour", NULL }, { "1234567s", NULL }, { "1h-30m", NULL },
  { "1h\n", "1h\\x0a" },
};

static void
test_duration (gconstpointer data)
{
  const DurationCase *c = data;
  g_autoptr (GError) error = NULL;
  gint64 seconds = -1;

  note_input (c->input, NULL);
  g_assert_true (jt_duration_parse (c->input, &seconds, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seconds, ==, c->seconds);
}

static void
test_duration_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GError) error = NULL;
  gint64 seconds = 42;

  note_input (c->input, NULL);
  g_assert_false (jt_duration_parse (c->input, &seconds, &error));
  g_assert_cmpint (seconds, ==, 42);
  check_error (error, "duration", DURATION_HINT, c);
}

static void
test_duration_long_input (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 seconds = 0;

  while (text->len < 10000)
    g_string_append (text, "1h");
  g_assert_false (jt_duration_parse (text->str, &seconds, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text->str));
}

/* ---- Formatters ---------------------------------------------------------------------- */

static gint64
unix_of (const char *iso_with_offset)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso_with_offset, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

typedef struct
{
  const char *instant;
  const char *zone;
  const char *iso;
  const char *human;
} FormatCase;

static const FormatCase formats[] = {
  { "2026-12-04T10:00:00+01:00", "Europe/Berlin", "2026-12-04T10:00:00+01:00",
    "Fri 4 Dec 2026 10:00" },
  { "2026-07-04T10:00:00+02:00", "Europe/Berlin", "2026-07-04T10:00:00+02:00",
    "Sat 4 Jul 2026 10:00" },
  { "2026-12-04T10:00:00Z", "UTC", "2026-12-04T10:00:00+00:00", "Fri 4 Dec 2026 10:00" },
  { "2026-12-04T10:00:00+01:00", "America/New_York", "2026-12-04T04:00:00-05:00",
    "Fri 4 Dec 2026 04:00" },
  { "2026-12-04T10:00:00+01:00", "Australia/Sydney", "2026-12-04T20:00:00+11:00",
    "Fri 4 Dec 2026 20:00" },
  { "2026-06-30T23:30:00Z", "Australia/Sydney", "2026-07-01T09:30:00+10:00",
    "Wed 1 Jul 2026 09:30" },
  { "2027-03-01T09:05:59Z", "Asia/Kolkata", "2027-03-01T14:35:59+05:30", "Mon 1 Mar 2027 14:35" },
  { "2027-01-31T23:59:00-10:00", "Pacific/Honolulu", "2027-01-31T23:59:00-10:00",
    "Sun 31 Jan 2027 23:59" },
  { "2027-05-02T00:00:00Z", "UTC", "2027-05-02T00:00:00+00:00", "Sun 2 May 2027 00:00" },
};

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (c->zone);
  gint64 t = unix_of (c->instant);
  g_autofree char *got_iso = NULL;
  g_autofree char *got_human = NULL;

  g_assert_nonnull (tz);
  got_iso = jt_time_format_iso (t, tz);
  got_human = jt_time_format_human (t, tz);
  g_assert_cmpstr (got_iso, ==, c->iso);
  g_assert_cmpstr (got_human, ==, c->human);
}

static void
test_format_local_and_range (void)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  gint64 t = unix_of ("2026-12-04T10:00:00+01:00");
  g_autoptr (GDateTime) local_dt = g_date_time_new_from_unix_local (t);
  g_autofree char *want = g_date_time_format (local_dt, ISO_FORMAT);
  g_autofree char *got = jt_time_format_iso (t, NULL);
  g_autofree char *got_tz = jt_time_format_iso (t, local);
  g_autofree char *human = jt_time_format_human (t, NULL);

  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (got_tz, ==, want);
  g_assert_null (strchr (got, 'Z'));
  g_assert_nonnull (human);

  /* past year 9999 */
  g_assert_null (jt_time_format_iso (G_GINT64_CONSTANT (300000000000), local));
  g_assert_null (jt_time_format_human (G_GINT64_CONSTANT (300000000000), local));
}

/* The listing names stay English whatever the locale. */
static void
test_format_human_locale (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  g_autofree char *human = NULL;

  if (setlocale (LC_TIME, "de_DE.UTF-8") == NULL && setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no German or French locale installed");
      return;
    }
  human = jt_time_format_human (unix_of ("2026-12-04T10:00:00+01:00"), berlin);
  setlocale (LC_TIME, saved);
  g_assert_cmpstr (human, ==, "Fri 4 Dec 2026 10:00");
}

static void
test_date_format (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) sydney = g_time_zone_new_identifier ("Australia/Sydney");
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  /* 23:30 in Berlin is already the next day in Sydney and still this day in UTC */
  g_autoptr (GDateTime) late = g_date_time_new (berlin, 2026, 12, 4, 23, 30, 0);
  g_autoptr (GDateTime) late_sydney = g_date_time_to_timezone (late, sydney);
  g_autoptr (GDateTime) late_utc = g_date_time_to_timezone (late, utc);
  g_autoptr (GDateTime) early = g_date_time_new (utc, 999, 1, 2, 0, 0, 0);
  g_autofree char *s1 = jt_date_format (late);
  g_autofree char *s2 = jt_date_format (late_sydney);
  g_autofree char *s3 = jt_date_format (late_utc);
  g_autofree char *s4 = jt_date_format (early);

  g_assert_cmpstr (s1, ==, "2026-12-04");
  g_assert_cmpstr (s2, ==, "2026-12-05");
  g_assert_cmpstr (s3, ==, "2026-12-04");
  g_assert_cmpstr (s4, ==, "0999-01-02");
  g_assert_true (jt_date_valid (s4));
}

static void
test_date_valid (void)
{
  static const char *const good[] = {
    "2026-12-04", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-01-31",
  };
  static const char *const bad[] = {
    "",           "2026-02-30",  "2027-02-29",  "1900-02-29",  "2026-13-01",       "2026-00-01",
    "2026-12-00", "2026-12-32",  "2026-04-31",  "0000-01-01",  "2026-12-4",        "2026-1-04",
    "26-12-04",   "2026/12/04",  "2026-12-04 ", " 2026-12-04", "2026-12-04T10:00", "20261204",
    "2026-12-0a", "2026-12-04x", "+2026-12-04", "-026-12-04",  "12026-12-04",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    if (!jt_date_valid (good[i]))
      g_error ("'%s' should be a valid date", good[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    if (jt_date_valid (bad[i]))
      g_error ("'%s' should not be a valid date", bad[i]);
  g_assert_false (jt_date_valid (NULL));
}

/* ---- Business days --------------------------------------------------------------- */

static void
set_day (GDate *day, int year, int month, int dom)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
}

static void
assert_day (const GDate *day, int year, int month, int dom)
{
  g_assert_cmpint (g_date_get_year (day), ==, year);
  g_assert_cmpint (g_date_get_month (day), ==, month);
  g_assert_cmpint (g_date_get_day (day), ==, dom);
}

static void
test_business_days (void)
{
  /* Monday 30 November to Sunday 6 December 2026. */
  static const struct
  {
    int dom;
    int forward;  /* the day business_forward gives */
    int backward; /* the day business_backward gives */
    int next;     /* the day next_business_day gives */
  } week[] = {
    { 30, 30, 30, 1 }, { 1, 1, 1, 2 }, { 2, 2, 2, 3 }, { 3, 3, 3, 4 },
    { 4, 4, 4, 7 },    { 5, 7, 4, 7 }, { 6, 7, 4, 7 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (week); i++)
    {
      int month = week[i].dom == 30 ? 11 : 12;
      GDate day;

      set_day (&day, 2026, month, week[i].dom);
      jt_date_business_forward (&day);
      assert_day (&day, 2026, week[i].forward == 30 ? 11 : 12, week[i].forward);
      set_day (&day, 2026, month, week[i].dom);
      jt_date_business_backward (&day);
      assert_day (&day, 2026, week[i].backward == 30 ? 11 : 12, week[i].backward);
      set_day (&day, 2026, month, week[i].dom);
      jt_date_next_business_day (&day);
      assert_day (&day, 2026, 12, week[i].next);
    }
}

static void
test_business_days_cross_months_and_ends (void)
{
  GDate day;

  /* Saturday 31 October 2026 forward is Monday 2 November; Sunday 1 November back is
   * Friday 30 October; Thursday 31 December 2026 and then Friday 1 January 2027. */
  set_day (&day, 2026, 10, 31);
  jt_date_business_forward (&day);
  assert_day (&day, 2026, 11, 2);
  set_day (&day, 2026, 11, 1);
  jt_date_business_backward (&day);
  assert_day (&day, 2026, 10, 30);
  set_day (&day, 2026, 12, 31);
  jt_date_next_business_day (&day);
  assert_day (&day, 2027, 1, 1);
  jt_date_next_business_day (&day);
  assert_day (&day, 2027, 1, 4);

  /* 1 January of year 1 was a Monday (proleptic Gregorian); going back stops there. */
  set_day (&day, 1, 1, 3);
  jt_date_subtract_days_clamped (&day, 1000);
  assert_day (&day, 1, 1, 1);
  set_day (&day, 2026, 12, 4);
  jt_date_subtract_days_clamped (&day, 3);
  assert_day (&day, 2026, 12, 1);
}

/* ---- Registration -------------------------------------------------------------------- */

#define ADD_TABLE(prefix, table, func)                                                             \
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)                                                 \
    {                                                                                              \
      g_autofree char *path = g_strdup_printf ("%s/%03" G_GSIZE_FORMAT, prefix, i);                \
      g_test_add_data_func (path, &table[i], func);                                                \
    }

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TABLE ("/time/when/local", local_cases, test_when_local);
  ADD_TABLE ("/time/when/zone", zone_cases, test_when_zone);
  ADD_TABLE ("/time/when/error", when_errors, test_when_error);
  g_test_add_func ("/time/when/weekday-rules", test_when_weekday_rules);
  g_test_add_func ("/time/when/has-time-optional", test_when_has_time_optional);
  g_test_add_func ("/time/when/range-end", test_when_range_end);
  g_test_add_func ("/time/when/long-input", test_when_long_input);
  g_test_add_func ("/time/glib/add-months-clamps", test_glib_add_months_clamps);
  ADD_TABLE ("/time/duration/ok", durations, test_duration);
  ADD_TABLE ("/time/duration/error", duration_errors, test_duration_error);
  g_test_add_func ("/time/duration/long-input", test_duration_long_input);
  ADD_TABLE ("/time/format", formats, test_format);
  g_test_add_func ("/time/format/local-and-range", test_format_local_and_range);
  g_test_add_func ("/time/format/human-locale", test_format_human_locale);
  g_test_add_func ("/time/date/format", test_date_format);
  g_test_add_func ("/time/date/valid", test_date_valid);
  g_test_add_func ("/time/business-days/week", test_business_days);
  g_test_add_func ("/time/business-days/months-and-ends", test_business_days_cross_months_and_ends);

  return g_test_run ();
}
