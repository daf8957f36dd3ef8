/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical-todo.c: a synced task's times as the phone writes them, read back by the
 * module's jt-ical-todo (issue 14).
 *
 * A DUE or alarm time with its zone (UTC, a TZID) is that instant; one without (floating)
 * is a wall time in the person's zone; a DUE that is a day alone (tasks.org's due day
 * without a time) is that day at the call hour there. meson runs this binary under
 * TZ=Europe/Berlin, America/New_York and Australia/Sydney (summer time in December):
 * what is local is checked in the local zone, what names its zone in UTC. */
#include <string.h>

#include "jt-ical-todo.h"
#include "jt-test-util.h"

typedef struct
{
  GTimeZone *tz;
  JtTodoZone zone;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->tz = g_time_zone_new_local ();
  f->zone.tz = f->tz;
  f->zone.day_hour = 8;
  f->zone.day_minute = 30;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_time_zone_unref (f->tz);
}

/* A task the phone wrote, with `due` as its DUE line and `trigger` (or none) its alarm's. */
static JtTodo *
read_task (Fixture *f, const char *due, const char *trigger)
{
  g_autofree char *alarm
      = trigger != NULL
            ? g_strdup_printf ("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Call Raj\r\n%s\r\n"
                               "END:VALARM\r\n",
                               trigger)
            : g_strdup ("");
  g_autofree char *text = g_strdup_printf (
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//A phone//EN\r\nBEGIN:VTODO\r\n"
      "UID:jt-1@jobtrack\r\nDTSTAMP:20261201T080000Z\r\nSUMMARY:Call Raj\r\n%s\r\n"
      "STATUS:NEEDS-ACTION\r\n%sEND:VTODO\r\nEND:VCALENDAR\r\n",
      due, alarm);
  g_autoptr (GError) error = NULL;
  JtTodo *todo = jt_ical_todo_read (text, strlen (text), &f->zone, &error);

  g_assert_no_error (error);
  g_assert_nonnull (todo);
  return todo;
}

static gint64
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) at = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (at);
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) at = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (at);
}

static void
test_a_day_alone_is_its_call_hour (Fixture *f, gconstpointer data)
{
  g_autoptr (JtTodo) todo = read_task (f, "DUE;VALUE=DATE:20261209", NULL);

  g_assert_cmpint (todo->due, ==, local (2026, 12, 9, 8, 30));
  /* The call hour as configured, not a fixed one. */
  f->zone.day_hour = 14;
  f->zone.day_minute = 0;
  g_clear_pointer (&todo, jt_todo_free);
  todo = read_task (f, "DUE;VALUE=DATE:20261209", NULL);
  g_assert_cmpint (todo->due, ==, local (2026, 12, 9, 14, 0));
}

static void
test_a_floating_time_is_the_persons (Fixture *f, gconstpointer data)
{
  g_autoptr (JtTodo) todo
      = read_task (f, "DUE:20261210T153000", "TRIGGER;VALUE=DATE-TIME:20261210T150000");

  g_assert_cmpint (todo->due, ==, local (2026, 12, 10, 15, 30));
  g_assert_cmpint (todo->alarm_at, ==, local (2026, 12, 10, 15, 0));
}

static void
test_a_time_with_its_zone_is_that_instant (Fixture *f, gconstpointer data)
{
  g_autoptr (JtTodo) in_utc
      = read_task (f, "DUE:20261210T153000Z", "TRIGGER;VALUE=DATE-TIME:20261210T150000Z");
  g_autoptr (JtTodo) in_tokyo = read_task (f, "DUE;TZID=Asia/Tokyo:20261210T090000", NULL);

  g_assert_cmpint (in_utc->due, ==, utc (2026, 12, 10, 15, 30));
  g_assert_cmpint (in_utc->alarm_at, ==, utc (2026, 12, 10, 15, 0));
  g_assert_cmpint (in_tokyo->due, ==, utc (2026, 12, 10, 0, 0));
}

static void
test_a_due_that_is_no_time_is_none (Fixture *f, gconstpointer data)
{
  /* Read as no DUE: the sync then takes it for no move of the phone's. */
  const char *dues[] = { "DUE;TZID=Nowhere/Else:20261210T090000", "DUE;VALUE=DATE:20261131",
                         "DUE;VALUE=DATE:00011209" };

  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      g_autoptr (JtTodo) todo = read_task (f, dues[i], NULL);

      g_assert_cmpint (todo->due, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func)                                                                            \
  g_test_add ("/ical-todo/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("day-alone", test_a_day_alone_is_its_call_hour);
  ADD ("floating", test_a_floating_time_is_the_persons);
  ADD ("zoned", test_a_time_with_its_zone_is_that_instant);
  ADD ("no-time", test_a_due_that_is_no_time_is_none);
#undef ADD
  return g_test_run ();
}
