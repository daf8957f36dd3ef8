/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-todo.h: a follow-up's task as a calendar server holds it, read back by the
 * iCalendar module (jt-ical.h): what CalDAV sync compares with what it pushed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JT_TODO_OPEN,
  JT_TODO_COMPLETED, /* STATUS:COMPLETED, a COMPLETED time or PERCENT-COMPLETE:100 */
  JT_TODO_CANCELLED,
} JtTodoStatus;

typedef struct
{
  char *uid;
  char *summary;     /* NULL when it has none */
  char *description; /* likewise */
  gint64 due;        /* unix seconds, 0 when it has no DUE */
  JtTodoStatus status;
  gint64 alarm_at; /* the first display alarm's absolute time, 0 for none */
} JtTodo;

/* How a task's times that name no zone are read. A floating one (no Z, no TZID) is a
 * wall time in `tz`, the person's zone; a DUE that is a day alone (DUE;VALUE=DATE, what
 * tasks.org writes for a due day without a time) is that day at day_hour:day_minute
 * there: the call hour, when the rules make calls due. */
typedef struct
{
  GTimeZone *tz;
  int day_hour;
  int day_minute;
} JtTodoZone;

void jt_todo_free (JtTodo *todo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtTodo, jt_todo_free)

/* Whether two tasks say the same to a person: the same words, due time, state and alarm
 * (what a server reformats, such as the order of properties, does not count). */
gboolean jt_todo_equal (const JtTodo *a, const JtTodo *b);

G_END_DECLS
