/* jt-scheduler.c: the daemon's decisions, read from the store at a given time. */
#include "jt-scheduler.h"

#include "jt-store-reminders.h"

gboolean
jt_scheduler_plan (JtStore *store, gint64 now, gboolean catching_up, JtSchedulePlan *plan,
                   GError **error)
{
  plan->due = jt_store_reminder_list_undelivered (store, now, error);
  if (plan->due == NULL || !jt_store_reminder_next_fire (store, now, &plan->next_wake, error))
    return FALSE;
  plan->summarize = catching_up && plan->due->len > JT_SCHEDULER_MAX_SINGLES;
  return TRUE;
}

void
jt_schedule_plan_clear (JtSchedulePlan *plan)
{
  g_clear_pointer (&plan->due, g_ptr_array_unref);
}
