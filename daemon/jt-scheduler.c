/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-scheduler.c: the daemon's decisions, read from the store at a given time. */
#include "jt-scheduler.h"

#include "jt-store-reminders.h"

gboolean
jt_scheduler_plan (JtStore *store, gint64 now, gboolean catching_up, JtSchedulePlan *plan,
                   GError **error)
{
  if (!jt_store_reminder_count_undelivered (store, now, &plan->n_due, error))
    return FALSE;
  plan->summarize = catching_up && plan->n_due > JT_SCHEDULER_MAX_SINGLES;
  /* Only the first: a summary names none of them, and singles past them are shown by
   * the next plan. */
  plan->due = jt_store_reminder_list_undelivered (store, now, JT_SCHEDULER_MAX_LISTED, error);
  return plan->due != NULL && jt_store_reminder_next_fire (store, now, &plan->next_wake, error);
}

void
jt_schedule_plan_clear (JtSchedulePlan *plan)
{
  g_clear_pointer (&plan->due, g_ptr_array_unref);
}
