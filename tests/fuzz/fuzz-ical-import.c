/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ical-import.c: invitation files (.ics) through jt_calendar_import (the iCalendar
 * module's code linked in, jt_ical_use) as `jobtrack import --dry-run` runs it: read,
 * planned and written inside a transaction that is then rolled back, so every input
 * meets the same empty store.
 *
 * It once committed each import, with the rules attached to derive follow-ups from it,
 * and emptied the store again: three times slower (170 inputs a second under ASan,
 * against 570), too slow to reach 5 M inputs in a working session. What a file can do
 * to jobtrack is in the reading and the plan, which this keeps whole; the rules' part
 * of an import is in the ical-import and CLI tests, and was fuzzed in that earlier form
 * (tests/RELIABILITY.md). */
#include "jt-fuzz.h"
#include "jt-calendar-import.h"
#include "jt-ical.h"

#define NOW 1796112000 /* 2026-12-01T09:00:00Z */

static const char *const me[] = { "jane.doe@gmail.com", NULL };
static GTimeZone *tz;
static JtStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  jt_ical_use (jt_ical_module ());
  tz = g_time_zone_new_identifier ("Europe/Berlin");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const JtInviteOptions options = { .me = me, .dry_run = TRUE };
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (store == NULL)
    store = jt_fuzz_store_new ();
  ok = jt_calendar_import (store, (const char *) data, size, &options, tz, NOW, &report, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok == (report != NULL));
  if (ok)
    for (guint i = 0; i < report->len; i++)
      g_assert (g_utf8_validate (g_ptr_array_index (report, i), -1, NULL));
  else
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
