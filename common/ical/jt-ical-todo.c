/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-todo.c: the synced task, printed and read by libical (see jt-ical-todo.h). */
#include "jt-ical-todo.h"

#include <libical/ical.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical-events.h"
#include "jt-ical-time.h"
#include "jt-text.h"
#include "jt-version.h"

#define PRODID "-//jobtrack//jobtrack " JT_VERSION "//EN"

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t) unix_seconds, 0, icaltimezone_get_utc_timezone ());
}

/* The instant `tt` (the value of `prop`, whose TZID is read, in `root`) means: UTC, a
 * zone, or floating as an invitation's times are read (jt-ical-time.h), floating in
 * `zone`'s zone; a day alone is that day at `zone`'s time of day there. FALSE for what is
 * no real day and time or names a zone nobody knows. */
static gboolean
todo_instant (icalcomponent *root, icalproperty *prop, struct icaltimetype tt,
              const JtTodoZone *zone, gint64 *instant)
{
  g_autoptr (GDateTime) at = NULL;

  if (!tt.is_date)
    return jt_ical_time_instant (root, prop, tt, zone->tz, "task", NULL, 0, instant, NULL);
  if (tt.year < 1900 || tt.year > 9999 || tt.month < 1 || tt.month > 12 || tt.day < 1
      || tt.day > icaltime_days_in_month (tt.month, tt.year))
    return FALSE;
  /* As the rules make a time of day: a wall time inside a DST gap moves past it. */
  at = g_date_time_new (zone->tz, tt.year, tt.month, tt.day, zone->day_hour, zone->day_minute, 0);
  if (at == NULL)
    return FALSE;
  *instant = g_date_time_to_unix (at);
  return TRUE;
}

/* libical's text of `component`, which is freed; a new string. */
static char *
print_component (icalcomponent *component)
{
  char *printed = icalcomponent_as_ical_string_r (component);
  char *text = g_strdup (printed);

  icalmemory_free_buffer (printed);
  icalcomponent_free (component);
  return text;
}

static gint64
reminder_due (const JtReminder *reminder)
{
  return reminder->state == JT_REMINDER_SNOOZED ? reminder->fire_at : reminder->due_at;
}

static icalcomponent *
display_alarm (const char *title, gint64 at)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger = { 0 };

  trigger.time = utc_time (at);
  trigger.duration = icaldurationtype_null_duration ();
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_description (title));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  return alarm;
}

char *
jt_ical_todo_print (const JtReminder *reminder)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  icalcomponent *todo = icalcomponent_new_vtodo ();
  g_autoptr (GString) title = g_string_new (NULL);
  g_autoptr (GString) description = g_string_new (NULL);
  g_autofree char *categories = g_strdup_printf ("jobtrack,%s", jt_rule_to_string (reminder->rule));
  gboolean done = reminder->state == JT_REMINDER_DONE;
  gboolean dismissed = reminder->state == JT_REMINDER_DISMISSED;

  jt_text_append_clean (title, reminder->title, JT_TEXT_ONE_LINE, -1);
  jt_ical_reminder_description_append (description, reminder, NULL);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (todo, icalproperty_new_uid (reminder->uid));
  icalcomponent_add_property (todo,
                              icalproperty_new_dtstamp (utc_time (reminder->text_updated_at)));
  icalcomponent_add_property (todo,
                              icalproperty_new_lastmodified (utc_time (reminder->text_updated_at)));
  icalcomponent_add_property (todo, icalproperty_new_sequence (MAX (reminder->revision, 0)));
  icalcomponent_add_property (todo, icalproperty_new_summary (title->str));
  icalcomponent_add_property (todo, icalproperty_new_description (description->str));
  icalcomponent_add_property (todo, icalproperty_new_due (utc_time (reminder_due (reminder))));
  icalcomponent_add_property (todo,
                              icalproperty_new_status (done        ? ICAL_STATUS_COMPLETED
                                                       : dismissed ? ICAL_STATUS_CANCELLED
                                                                   : ICAL_STATUS_NEEDSACTION));
  if (done)
    {
      icalcomponent_add_property (todo,
                                  icalproperty_new_completed (utc_time (reminder->updated_at)));
      icalcomponent_add_property (todo, icalproperty_new_percentcomplete (100));
    }
  icalcomponent_add_property (todo, icalproperty_new_categories (categories));
  if (!done && !dismissed)
    icalcomponent_add_component (todo, display_alarm (title->str, reminder_due (reminder)));
  icalcomponent_add_component (calendar, todo);
  return print_component (calendar);
}

/* Parses `data`; the VTODO is returned in *todo, borrowed from the returned root. */
static icalcomponent *
parse_todo (const char *data, gsize length, icalcomponent **todo, GError **error)
{
  g_autofree char *text = g_strndup (data, length);
  icalcomponent *root = icalparser_parse_string (text);

  *todo = NULL;
  if (root != NULL)
    *todo = icalcomponent_isa (root) == ICAL_VTODO_COMPONENT
                ? root
                : icalcomponent_get_first_component (root, ICAL_VTODO_COMPONENT);
  if (*todo == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("the server's task holds no VTODO"));
      if (root != NULL)
        icalcomponent_free (root);
      return NULL;
    }
  return root;
}

JtTodo *
jt_ical_todo_read (const char *data, gsize length, const JtTodoZone *zone, GError **error)
{
  icalcomponent *todo;
  icalcomponent *root = parse_todo (data, length, &todo, error);
  icalcomponent *alarm;
  icalproperty *property;
  icalproperty_status status;
  JtTodo *result;

  if (root == NULL)
    return NULL;
  result = g_new0 (JtTodo, 1);
  result->uid = g_strdup (icalcomponent_get_uid (todo));
  result->summary = g_strdup (icalcomponent_get_summary (todo));
  result->description = g_strdup (icalcomponent_get_description (todo));
  property = icalcomponent_get_first_property (todo, ICAL_DUE_PROPERTY);
  if (property != NULL
      && !todo_instant (root, property, icalproperty_get_due (property), zone, &result->due))
    result->due = 0; /* one that cannot be read moves nothing */
  status = icalcomponent_get_status (todo);
  property = icalcomponent_get_first_property (todo, ICAL_PERCENTCOMPLETE_PROPERTY);
  if (status == ICAL_STATUS_CANCELLED)
    result->status = JT_TODO_CANCELLED;
  else if (status == ICAL_STATUS_COMPLETED
           || icalcomponent_get_first_property (todo, ICAL_COMPLETED_PROPERTY) != NULL
           || (property != NULL && icalproperty_get_percentcomplete (property) >= 100))
    result->status = JT_TODO_COMPLETED;
  for (alarm = icalcomponent_get_first_component (todo, ICAL_VALARM_COMPONENT); alarm != NULL;
       alarm = icalcomponent_get_next_component (todo, ICAL_VALARM_COMPONENT))
    {
      icalproperty *trigger = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
      struct icaltriggertype value;

      if (trigger == NULL)
        continue;
      value = icalproperty_get_trigger (trigger);
      if (!icaltime_is_null_time (value.time)
          && todo_instant (root, trigger, value.time, zone, &result->alarm_at))
        break;
    }
  icalcomponent_free (root);
  return result;
}

char *
jt_ical_todo_cancel (const char *pushed, gint64 now, GError **error)
{
  icalcomponent *todo;
  icalcomponent *root = parse_todo (pushed, strlen (pushed), &todo, error);
  icalcomponent *alarm;
  icalproperty *property;

  if (root == NULL)
    return NULL;
  while ((alarm = icalcomponent_get_first_component (todo, ICAL_VALARM_COMPONENT)) != NULL)
    {
      icalcomponent_remove_component (todo, alarm);
      icalcomponent_free (alarm);
    }
  icalcomponent_set_status (todo, ICAL_STATUS_CANCELLED);
  icalcomponent_set_sequence (todo, icalcomponent_get_sequence (todo) + 1);
  icalcomponent_set_dtstamp (todo, utc_time (now));
  property = icalcomponent_get_first_property (todo, ICAL_LASTMODIFIED_PROPERTY);
  if (property != NULL)
    {
      icalcomponent_remove_property (todo, property);
      icalproperty_free (property);
    }
  icalcomponent_add_property (todo, icalproperty_new_lastmodified (utc_time (now)));
  return print_component (root);
}
