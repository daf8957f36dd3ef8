/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-when.c: the human date grammar (jt_when_parse) and durations (jt_duration_parse).
 *
 * The first byte picks the zone "now" is in (one with DST in each hemisphere, one far
 * east, UTC) and nudges the pinned instant onto a DST change, so the gap and fold code
 * runs; the rest is the text a person typed. */
#include <string.h>

#include "jt-fuzz.h"
#include "jt-time.h"

static const char *const zones[]
    = { "UTC", "Europe/Berlin", "Australia/Sydney", "America/New_York", "Pacific/Kiritimati" };
/* 2026-03-29 00:30 UTC (the night Berlin springs forward), 2026-10-25, 2026-12-01. */
static const gint64 instants[] = { 1774744200, 1792887000, 1796112000, 1 };

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean has_time = FALSE;
  gint64 seconds = 0;
  guint8 pick;

  if (size < 1)
    return 0;
  pick = data[0];
  tz = g_time_zone_new_identifier (zones[pick % G_N_ELEMENTS (zones)]);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  utc = g_date_time_new_from_unix_utc (instants[(pick >> 4) % G_N_ELEMENTS (instants)]);
  now = g_date_time_to_timezone (utc, tz);

  /* The CLI hands over a NUL-terminated argument: stop at the first NUL like it. */
  text = g_strndup ((const char *) data + 1, size - 1);
  when = jt_when_parse (text, now, &has_time, &error);
  g_assert ((when == NULL) == (error != NULL));
  if (when != NULL)
    {
      g_autofree char *day = jt_date_format (when);
      g_autofree char *iso = jt_time_format_iso (g_date_time_to_unix (when), tz);
      g_autofree char *human = jt_time_format_human (g_date_time_to_unix (when), tz);

      g_assert (jt_date_valid (day));
      /* Both are NULL only where the instant leaves years 1..9999 in UTC. */
      g_assert ((iso == NULL) == (human == NULL));
    }
  g_clear_error (&error);
  if (jt_duration_parse (text, &seconds, &error))
    g_assert (seconds > 0);
  else
    g_assert (error != NULL);
  return 0;
}
