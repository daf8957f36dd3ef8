/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-time-zone.c: a zone's fingerprint, from its transitions. */
#include "jt-time-zone.h"

/* 1970-01-01 and 2100-01-01, UTC: the years a job search's dates fall in, and more. */
#define FROM G_GINT64_CONSTANT (0)
#define UNTIL G_GINT64_CONSTANT (4102444800)

static int
interval_at (GTimeZone *tz, gint64 t)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
}

/* The first instant after `t` (in interval `at`) in another interval; `until` when
 * there is none before it. GLib tells the interval of an instant, not where intervals
 * start, so this halves the span until it is one second. */
static gint64
next_transition (GTimeZone *tz, gint64 t, int at, gint64 until)
{
  gint64 lo = t, hi = until;

  if (interval_at (tz, until) == at)
    return until;
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (interval_at (tz, mid) == at)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

/* Adds what the zone is from `t` on: the instant, the offset and DST. */
static void
add_offset (GChecksum *sum, GTimeZone *tz, gint64 t, int interval)
{
  gint64 fields[3]
      = { t, g_time_zone_get_offset (tz, interval), g_time_zone_is_dst (tz, interval) };

  g_checksum_update (sum, (const guchar *) fields, sizeof fields);
}

char *
jt_time_zone_fingerprint (GTimeZone *tz)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 t = FROM;
  int at = interval_at (tz, t);
  gint32 offset = g_time_zone_get_offset (tz, at);
  gboolean dst = g_time_zone_is_dst (tz, at);

  add_offset (sum, tz, t, at);
  while ((t = next_transition (tz, t, at, UNTIL)) < UNTIL)
    {
      at = interval_at (tz, t);
      /* A change of abbreviation alone changes no time. */
      if (g_time_zone_get_offset (tz, at) == offset && g_time_zone_is_dst (tz, at) == dst)
        continue;
      offset = g_time_zone_get_offset (tz, at);
      dst = g_time_zone_is_dst (tz, at);
      add_offset (sum, tz, t, at);
    }
  return g_strconcat ("zone-", g_checksum_get_string (sum), NULL);
}
