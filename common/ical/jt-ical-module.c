/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-module.c: the entry point of the iCalendar module (jt-ical.h). */
#include <gmodule.h>

#include "jt-ical-events.h"
#include "jt-ical-export.h"
#include "jt-ical-import.h"
#include "jt-ical-todo.h"
#include "jt-ical.h"
#include "jt-version.h"

G_MODULE_EXPORT const JtIcal *jt_ical_module (void);

/* The module's static table. */
const JtIcal *
jt_ical_module (void)
{
  static const JtIcal ical = {
    .version = JT_VERSION,
    .calendar_frame = jt_ical_export_calendar_frame,
    .event_frame_new = jt_ical_event_frame_new,
    .event_frame_free = jt_ical_event_frame_free,
    .event_printer_new = jt_ical_event_printer_new,
    .event_printer_free = jt_ical_event_printer_free,
    .event_append_reminder = jt_ical_event_append_reminder,
    .event_append_interview = jt_ical_event_append_interview,
    .import_read = jt_ical_import_read,
    .todo_print = jt_ical_todo_print,
    .todo_read = jt_ical_todo_read,
    .todo_cancel = jt_ical_todo_cancel,
  };

  return &ical;
}
