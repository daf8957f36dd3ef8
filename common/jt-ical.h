/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical.h: the iCalendar module, loaded when first needed.
 *
 * libical brings ICU and the C++ runtime with it: loading them costs every process
 * about 2.5 ms and 2.5 MB, which most commands (an `add`, an `agenda`) never use. So
 * the code that uses libical (common/ical/) is a module of its own, opened by the
 * commands that read or write iCalendar. It works on plain records only and calls
 * nothing of the program that loads it: the store is the core's (jt-calendar-export.h,
 * jt-calendar-import.h), and what the module needs of the core (the records, the text
 * rules, the guesses) is built into it.
 *
 * It is found in the folder $JOBTRACK_MODULE_DIR names (the build tree's common/, which
 * the tests, tools/start and bench/run set for the programs built there), else in
 * LIBDIR/jobtrack found from the running program's own folder, as installed (so a moved
 * installation still finds its own), and it must be of this very version. */
#pragma once

#include <glib.h>

#include "jt-ical-events.h"
#include "jt-invite.h"
#include "jt-todo.h"

G_BEGIN_DECLS

typedef struct
{
  const char *version; /* JT_VERSION of the module */

  /* The follow-up calendar: its frame (jt-ical-export.h) and its events
   * (jt-ical-events.h). */
  gboolean (*calendar_frame) (char **head, char **tail, GError **error);
  JtIcalEventFrame *(*event_frame_new) (void);
  void (*event_frame_free) (JtIcalEventFrame *frame);
  JtIcalEventPrinter *(*event_printer_new) (const JtIcalEventFrame *frame);
  void (*event_printer_free) (JtIcalEventPrinter *printer);
  void (*event_append_reminder) (JtIcalEventPrinter *printer, GString *out,
                                 const JtReminder *reminder, const char *draft);
  void (*event_append_interview) (JtIcalEventPrinter *printer, GString *out,
                                  const JtInterview *interview, const char *company,
                                  const char *role);

  /* Invitations read (jt-ical-import.h). */
  GPtrArray *(*import_read) (const char *data, gsize length, const JtInviteOptions *options,
                             GTimeZone *tz, GError **error);

  /* The tasks of CalDAV sync (jt-ical-todo.h). */
  char *(*todo_print) (const JtReminder *reminder);
  JtTodo *(*todo_read) (const char *data, gsize length, const JtTodoZone *zone, GError **error);
  char *(*todo_cancel) (const char *pushed, gint64 now, GError **error);
} JtIcal;

/* The module's functions, owned by the module. Loaded once and kept for the life of the
 * process; safe to call from any thread. NULL with a JT_ERROR naming the file when it
 * cannot be loaded. */
const JtIcal *jt_ical_load (GError **error);

/* Makes jt_ical_load return `ical` (borrowed, kept for the life of the process) and
 * load nothing: for a program that links the module's code in (the tests, the fuzz
 * targets). Call it before anything loads the module. */
void jt_ical_use (const JtIcal *ical);

/* The name of the function the module exports, returning its const JtIcal *. */
#define JT_ICAL_ENTRY_POINT "jt_ical_module"

/* The module's entry point, for the programs that link its code in (jt_ical_use). */
const JtIcal *jt_ical_module (void);

/* The variable that names the folder the module is taken from. */
#define JT_ICAL_MODULE_DIR_ENV "JOBTRACK_MODULE_DIR"

G_END_DECLS
