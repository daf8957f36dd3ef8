/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-events.h: the text of one follow-up's or one interview's VEVENT, as libical
 * prints it (jt-calendar-export.h tells what each event holds).
 *
 * Printing is most of an export's time, so an event is not built as a libical tree and
 * printed whole. A JtIcalEventPrinter holds the properties that differ from one event to
 * the next as libical objects, made once and refilled; each is printed by libical on its
 * own. What is the same in every event (BEGIN and END, DURATION, STATUS, the alarm's
 * ACTION and TRIGGER, CATEGORIES) is printed by libical once, in the JtIcalEventFrame,
 * and so is the text of a time or a number the printer has printed before. The text is
 * what libical prints for the whole event, in the same order: a component's properties,
 * then its subcomponents.
 *
 * A frame is shared and only read; a printer belongs to one thread. Only libical's
 * reentrant (_r) functions are used. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

typedef struct _JtIcalEventFrame JtIcalEventFrame;
typedef struct _JtIcalEventPrinter JtIcalEventPrinter;

JtIcalEventFrame *jt_ical_event_frame_new (void);
void jt_ical_event_frame_free (JtIcalEventFrame *frame);

JtIcalEventPrinter *jt_ical_event_printer_new (const JtIcalEventFrame *frame);
void jt_ical_event_printer_free (JtIcalEventPrinter *printer);

/* Appends the reminder's VEVENT. `draft`, the first lines of its letter, or NULL. */
void jt_ical_event_append_reminder (JtIcalEventPrinter *printer, GString *out,
                                    const JtReminder *reminder, const char *draft);

/* Appends the interview's VEVENT; `company` and `role` name its application (NULL when
 * it has none). */
void jt_ical_event_append_interview (JtIcalEventPrinter *printer, GString *out,
                                     const JtInterview *interview, const char *company,
                                     const char *role);

/* Appends the DESCRIPTION text of the reminder's event (who, how to reach them, the
 * context, its number): shared with the synced task (jt-ical-todo.h). */
void jt_ical_reminder_description_append (GString *text, const JtReminder *reminder,
                                          const char *draft);

G_END_DECLS
