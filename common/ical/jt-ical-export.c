/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-export.c: the follow-up calendar's frame, printed by libical (the events are
 * jt-ical-events.c's; jt-calendar-export.c puts them together). */
#include "jt-ical-export.h"

#include <libical/ical.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-version.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define PRODID JT_ICAL_PRODID_PREFIX "jobtrack " JT_VERSION "//EN"
#define CALENDAR_NAME "jobtrack follow-ups"

static icalcomponent *
new_calendar (void)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalproperty *name = icalproperty_new_x (CALENDAR_NAME);

  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, name);
  return calendar;
}

/* The calendar as libical prints it without events, cut before its last line, where
 * the events go. */
gboolean
jt_ical_export_calendar_frame (char **head, char **tail, GError **error)
{
  g_autoptr (icalcomponent) calendar = new_calendar ();
  char *frame = icalcomponent_as_ical_string_r (calendar);
  const char *end = frame != NULL ? g_strrstr (frame, "END:VCALENDAR") : NULL;

  if (end == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot write the calendar: %s"),
                   icalerror_strerror (icalerrno));
      icalmemory_free_buffer (frame);
      return FALSE;
    }
  *head = g_strndup (frame, end - frame);
  *tail = g_strdup (end);
  icalmemory_free_buffer (frame);
  return TRUE;
}
