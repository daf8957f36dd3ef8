/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scheduler.c: the daemon's decisions at a pinned time — what is shown, once, and
 * when it wakes next — over a real temporary database. */
#include <glib/gstdio.h>

#include <sqlite3.h>
#include <string.h>

#include "jt-reminder-actions.h"
#include "jt-rules.h"
#include "jt-scheduler.h"
#include "jt-store-applications.h"
#include "jt-store-reminders.h"
#include "jt-store.h"
#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-time.h"

#define T0 1796112000 /* 2026-12-01T08:00:00Z */

typedef struct
{
  char *dir;
  JtStore *store;
  gint64 app_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-scheduler-XXXXXX", NULL);
  path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->store = jt_test_store_open (path, &error);
  g_assert_no_error (error);
  txn = jt_store_begin_write (f->store, &error);
  app->company = g_strdup ("Globex");
  app->status = JT_STATUS_LEAD; /* a lead calls for no rule's reminders */
  g_assert_true (jt_store_application_insert (f->store, app, T0, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  f->app_id = app->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_strdup (jt_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  jt_store_free (f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A manual reminder due at `due`; returns its id. */
static gint64
add_reminder (Fixture *f, gint64 due)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GError) error = NULL;

  txn = jt_store_begin_write (f->store, &error);
  reminder->rule = JT_RULE_MANUAL;
  reminder->uid = jt_rules_make_uid (JT_RULE_MANUAL, 0, 0, 0, NULL);
  reminder->application_id = f->app_id;
  reminder->due_at = due;
  reminder->title = g_strdup ("Call back");
  g_assert_true (jt_store_reminder_insert (f->store, reminder, T0, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  return reminder->id;
}

static void
plan_while_running (Fixture *f, gint64 now, gboolean catching_up, JtSchedulePlan *plan)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_scheduler_plan (f->store, now, catching_up, plan, &error));
  g_assert_no_error (error);
}

static void
plan_at (Fixture *f, gint64 now, JtSchedulePlan *plan)
{
  plan_while_running (f, now, FALSE, plan);
}

static void
test_nothing_due_sleeps_until_the_next (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };

  add_reminder (f, T0 + 3600);
  add_reminder (f, T0 + 600);
  plan_at (f, T0, &plan);
  g_assert_cmpuint (plan.due->len, ==, 0);
  g_assert_cmpint (plan.next_wake, ==, T0 + 600);
}

static void
test_empty_store_has_no_deadline (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };

  plan_at (f, T0, &plan);
  g_assert_cmpuint (plan.due->len, ==, 0);
  g_assert_cmpint (plan.next_wake, ==, 0);
}

static void
test_due_is_shown_once (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) first = { 0 };
  g_auto (JtSchedulePlan) again = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 id = add_reminder (f, T0 + 60);

  plan_at (f, T0 + 60, &first);
  g_assert_cmpuint (first.due->len, ==, 1);
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (first.due, 0))->id, ==, id);
  g_assert_false (first.summarize);
  g_assert_true (jt_reminder_mark_notified (f->store, id, T0 + 61, &error));
  /* A restart, or any later look, shows nothing twice. */
  plan_at (f, T0 + 7200, &again);
  g_assert_cmpuint (again.due->len, ==, 0);
  g_assert_cmpint (again.next_wake, ==, 0);
}

static void
test_unnotified_stays_due (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };

  /* No server accepted it: it is still due later (nothing is lost). */
  add_reminder (f, T0 - JT_DAY_SECONDS);
  plan_at (f, T0 + JT_DAY_SECONDS, &plan);
  g_assert_cmpuint (plan.due->len, ==, 1);
}

static void
test_snoozed_fires_again (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) shown = { 0 };
  g_auto (JtSchedulePlan) before = { 0 };
  g_auto (JtSchedulePlan) after = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 id = add_reminder (f, T0);

  plan_at (f, T0, &shown);
  g_assert_true (jt_reminder_mark_notified (f->store, id, T0, &error));
  g_assert_true (jt_reminder_snooze (f->store, id, T0 + JT_DAY_SECONDS, T0 + 10, NULL, &error));
  plan_at (f, T0 + 3600, &before);
  g_assert_cmpuint (before.due->len, ==, 0);
  g_assert_cmpint (before.next_wake, ==, T0 + JT_DAY_SECONDS);
  plan_at (f, T0 + JT_DAY_SECONDS, &after);
  g_assert_cmpuint (after.due->len, ==, 1);
}

static void
test_done_and_dismissed_never_fire (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 done = add_reminder (f, T0);
  gint64 dismissed = add_reminder (f, T0 + 10);

  g_assert_true (jt_reminder_mark_done (f->store, done, NULL, T0, NULL, &error));
  g_assert_true (jt_reminder_dismiss (f->store, dismissed, T0, NULL, &error));
  plan_at (f, T0 + 100, &plan);
  g_assert_cmpuint (plan.due->len, ==, 0);
  g_assert_cmpint (plan.next_wake, ==, 0);
}

static void
test_catch_up_summarizes_more_than_three (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) three = { 0 };
  g_auto (JtSchedulePlan) five = { 0 };
  g_auto (JtSchedulePlan) running = { 0 };

  for (int i = 0; i < 3; i++)
    add_reminder (f, T0 + i * 3600);
  plan_while_running (f, T0 + 5 * 3600, TRUE, &three);
  g_assert_cmpuint (three.due->len, ==, 3);
  g_assert_false (three.summarize);
  add_reminder (f, T0 + 3 * 3600);
  add_reminder (f, T0 + 4 * 3600);
  plan_while_running (f, T0 + 5 * 3600, TRUE, &five);
  g_assert_cmpuint (five.due->len, ==, 5);
  g_assert_true (five.summarize);
  /* While running, five calls at the same 10:00 are five notifications. */
  plan_while_running (f, T0 + 5 * 3600, FALSE, &running);
  g_assert_cmpuint (running.due->len, ==, 5);
  g_assert_false (running.summarize);
  /* Soonest first. */
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (five.due, 0))->fire_at, ==, T0);
}

/* The clock set back an hour: what was due is not yet; set forward past it: it is. */
static void
test_clock_jumps (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) back = { 0 };
  g_auto (JtSchedulePlan) forward = { 0 };

  add_reminder (f, T0 + 1800);
  plan_at (f, T0 - 3600, &back);
  g_assert_cmpuint (back.due->len, ==, 0);
  g_assert_cmpint (back.next_wake, ==, T0 + 1800);
  plan_at (f, T0 + JT_DAY_SECONDS * 30, &forward);
  g_assert_cmpuint (forward.due->len, ==, 1);
}

/* A plan reads the soonest JT_SCHEDULER_MAX_LISTED and counts them all. */
static void
test_plan_reads_the_soonest_and_counts_all (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };
  guint n = JT_SCHEDULER_MAX_LISTED + 6;
  gint64 soonest = 0;

  for (guint i = 0; i < n; i++)
    {
      /* Added latest first: the soonest is the last one added. */
      gint64 id = add_reminder (f, T0 + 600 - (gint64) i);

      if (i == n - 1)
        soonest = id;
    }
  plan_while_running (f, T0 + 600, TRUE, &plan);
  g_assert_cmpuint (plan.n_due, ==, n);
  g_assert_cmpuint (plan.due->len, ==, JT_SCHEDULER_MAX_LISTED);
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (plan.due, 0))->id, ==, soonest);
  g_assert_true (plan.summarize);
}

/* After a summary, everything due by its time is marked in one go, and only that. */
static void
test_summary_marks_what_was_due_by_then (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) later = { 0 };
  g_auto (JtSchedulePlan) after_snooze = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 snoozed;
  gint64 next;

  for (guint i = 0; i < JT_SCHEDULER_MAX_LISTED + 6; i++)
    add_reminder (f, T0 + 60 + (gint64) i);
  snoozed = add_reminder (f, T0 + 30);
  next = add_reminder (f, T0 + 7200);
  g_assert_true (jt_reminder_mark_notified_due (f->store, T0 + 3600, T0 + 3600, &error));
  g_assert_no_error (error);

  plan_at (f, T0 + 7200, &later);
  g_assert_cmpuint (later.n_due, ==, 1);
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (later.due, 0))->id, ==, next);
  /* A snooze makes one come due again. */
  g_assert_true (jt_reminder_snooze (f->store, snoozed, T0 + 7300, T0 + 7200, NULL, &error));
  g_assert_no_error (error);
  plan_at (f, T0 + 7300, &after_snooze);
  g_assert_cmpuint (after_snooze.n_due, ==, 2);
}

typedef struct
{
  char *list; /* the SELECT of the follow-ups not shown */
  char *count;
} UndeliveredQueries;

static void
find_undelivered_queries (const char *sql, gpointer user_data)
{
  UndeliveredQueries *found = user_data;

  if (strstr (sql, "notified_at < r.fire_at") == NULL)
    return;
  if (g_str_has_prefix (sql, "SELECT count"))
    found->count = g_strdup (sql);
  else if (g_str_has_prefix (sql, "SELECT"))
    found->list = g_strdup (sql);
}

static void
assert_plan_has (JtStore *store, const char *sql, const char *expected)
{
  g_autofree char *query_plan = NULL;

  g_assert_nonnull (sql);
  query_plan = jt_test_query_plan (jt_store_get_path (store), sql);
  g_test_message ("%s\n-> %s", sql, query_plan);
  g_assert_nonnull (strstr (query_plan, expected));
}

/* Each wake-up reads only the follow-ups not shown yet, through the index that holds
 * just those (schema 7, here on a database of schema 6 upgraded), and counts them from
 * that index alone: a long search has thousands that came due and were shown, and the
 * daemon read every one of their rows at each wake-up before. */
static void
test_plan_reads_only_undelivered (Fixture *f, gconstpointer data)
{
  g_auto (JtSchedulePlan) plan = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (jt_store_get_path (f->store));
  UndeliveredQueries found = { NULL, NULL };
  gint64 shown = add_reminder (f, T0 + 60);
  gint64 waiting = add_reminder (f, T0 + 120);
  sqlite3 *db = NULL;

  g_assert_true (jt_reminder_mark_notified (f->store, shown, T0 + 61, &error));
  g_assert_no_error (error);
  g_clear_pointer (&f->store, jt_store_free);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, JT_TEST_UNDO_SCHEMA_7, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = jt_test_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jt_store_get_schema_version (f->store), ==, jt_store_known_schema_version ());

  plan_at (f, T0 + 3600, &plan);
  g_assert_cmpuint (plan.n_due, ==, 1);
  g_assert_cmpuint (plan.due->len, ==, 1);
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (plan.due, 0))->id, ==, waiting);

  jt_store_foreach_statement (f->store, find_undelivered_queries, &found);
  assert_plan_has (f->store, found.list, "USING INDEX reminders_undelivered_by_time");
  assert_plan_has (f->store, found.count, "USING COVERING INDEX reminders_undelivered_by_time");
  g_free (found.list);
  g_free (found.count);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  JT_TEST_ADD ("/scheduler/next-deadline", test_nothing_due_sleeps_until_the_next);
  JT_TEST_ADD ("/scheduler/no-deadline", test_empty_store_has_no_deadline);
  JT_TEST_ADD ("/scheduler/shown-once", test_due_is_shown_once);
  JT_TEST_ADD ("/scheduler/unnotified-stays-due", test_unnotified_stays_due);
  JT_TEST_ADD ("/scheduler/snooze-fires-again", test_snoozed_fires_again);
  JT_TEST_ADD ("/scheduler/done-and-dismissed-never-fire", test_done_and_dismissed_never_fire);
  JT_TEST_ADD ("/scheduler/catch-up-summary", test_catch_up_summarizes_more_than_three);
  JT_TEST_ADD ("/scheduler/clock-jumps", test_clock_jumps);
  JT_TEST_ADD ("/scheduler/reads-only-undelivered", test_plan_reads_only_undelivered);
  JT_TEST_ADD ("/scheduler/reads-the-soonest-counts-all",
               test_plan_reads_the_soonest_and_counts_all);
  JT_TEST_ADD ("/scheduler/summary-marks-due-by-then", test_summary_marks_what_was_due_by_then);
  return g_test_run ();
}
