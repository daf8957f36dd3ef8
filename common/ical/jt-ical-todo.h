/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-todo.h: a follow-up as the task CalDAV sync puts on the server, and such a
 * task read back, as libical prints and parses them.
 *
 * One VCALENDAR holding one VTODO: the follow-up's UID, DTSTAMP and LAST-MODIFIED (the
 * newest change of it or of what its text shows, as in the calendar export), SEQUENCE
 * its revision, SUMMARY its title, DESCRIPTION as in the calendar (who, how to reach
 * them, the context), DUE in UTC (the end of a snooze, else its due time), STATUS
 * NEEDS-ACTION, COMPLETED or CANCELLED, COMPLETED when done, CATEGORIES "jobtrack" and
 * the rule, and while open a display alarm at an absolute UTC time (phones ring only for
 * an explicit alarm, and some servers refuse one related to the end). The same record
 * prints the same text. */
#pragma once

#include <glib.h>

#include "jt-records.h"
#include "jt-todo.h"

G_BEGIN_DECLS

/* The task's text, new. `reminder` carries its rendered title and detail. */
char *jt_ical_todo_print (const JtReminder *reminder);

/* The first VTODO of `data` (a VCALENDAR, or a bare VTODO), new; NULL with
 * JT_ERROR_SERVER when there is none or libical cannot read it. Its times are read as
 * jt-ical-time.h reads an invitation's, those that name no zone as `zone` says; a DUE
 * or alarm time that is no real time, or names a zone nobody knows, is read as none. */
JtTodo *jt_ical_todo_read (const char *data, gsize length, const JtTodoZone *zone, GError **error);

/* `pushed` (a text jt_ical_todo_print made) as cancelled: for a follow-up the rules
 * withdrew, which stays on the server rather than being deleted. STATUS:CANCELLED, no
 * alarm, SEQUENCE one more, LAST-MODIFIED and DTSTAMP `now`. New string; NULL with
 * JT_ERROR_SERVER when it cannot be read. */
char *jt_ical_todo_cancel (const char *pushed, gint64 now, GError **error);

G_END_DECLS
