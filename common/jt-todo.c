/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-todo.c: the plain task record. */
#include "jt-todo.h"

void
jt_todo_free (JtTodo *todo)
{
  if (todo == NULL)
    return;
  g_free (todo->uid);
  g_free (todo->summary);
  g_free (todo->description);
  g_free (todo);
}

gboolean
jt_todo_equal (const JtTodo *a, const JtTodo *b)
{
  return g_strcmp0 (a->uid, b->uid) == 0 && g_strcmp0 (a->summary, b->summary) == 0
         && g_strcmp0 (a->description, b->description) == 0 && a->due == b->due
         && a->status == b->status && a->alarm_at == b->alarm_at;
}
