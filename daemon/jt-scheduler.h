/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-scheduler.h: what to show now, and when to wake next.
 *
 * A reminder is shown once each time it comes due: when its fire time has passed and it
 * was not notified since (a snooze gives it a later fire time, so it comes due again).
 * At start, when more than JT_SCHEDULER_MAX_SINGLES came due while the daemon was not
 * running, one summary stands for them; while running, each is shown on its own (the
 * rules put many calls at the same 10:00). */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

#define JT_SCHEDULER_MAX_SINGLES 3

/* A plan reads at most this many of the reminders due: after a long absence, or while
 * there is no notification server, thousands can be due, and each wake-up would read
 * them all. Those past it are shown by the next plan, made at once. */
#define JT_SCHEDULER_MAX_LISTED 64

typedef struct
{
  GPtrArray *due;     /* the first JtReminder* due, to show now, soonest first; owned */
  guint n_due;        /* how many are due in all: due->len, or more */
  gboolean summarize; /* show one summary for all n_due */
  gint64 next_wake;   /* the soonest later fire time, 0 for none */
} JtSchedulePlan;

/* Plans at `now`; `catching_up` for the first plan after start. Clear the plan with
 * jt_schedule_plan_clear. */
gboolean jt_scheduler_plan (JtStore *store, gint64 now, gboolean catching_up, JtSchedulePlan *plan,
                            GError **error);
void jt_schedule_plan_clear (JtSchedulePlan *plan);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JtSchedulePlan, jt_schedule_plan_clear)

G_END_DECLS
