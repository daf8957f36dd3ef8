/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: the follow-up rules (doc/design.md, "The follow-up rules", R1-R10, and R11 of
 * issue 3). Each test records what a job seeker would record, through the store, with
 * the rules attached, and checks the reminders that come of it: which rule, whom they
 * address, the instant they are due (written as a local wall time in the test's zone),
 * and what cancels them. Each test gets a fresh temporary folder and database; "now"
 * and the zone are pinned. The due-time tests run in Europe/Berlin, America/New_York
 * and Australia/Sydney (one DST zone in each hemisphere). */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-config.h"
#include "jt-error.h"
#include "jt-interview-log.h"
#include "jt-reminder-text.h"
#include "jt-rules.h"
#include "jt-time.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-postings.h"
#include "jt-store-reminders.h"
#include "jt-store-touches.h"
#include "jt-store.h"

#define NOW 1796112000 /* 2026-12-01T09:00:00Z, a Tuesday */
#define DAY JT_DAY_SECONDS

static const char *const zones[] = { "Europe/Berlin", "America/New_York", "Australia/Sydney" };

typedef struct
{
  char *dir;
  char *path;
  GTimeZone *tz;
  JtConfig *config;
  JtStore *store;
  JtRules *rules;
} Fixture;

/* `data` is the zone's identifier, or NULL for Europe/Berlin. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-rules-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->tz = g_time_zone_new_identifier (data != NULL ? data : "Europe/Berlin");
  g_assert_nonnull (f->tz);
  f->config = jt_config_new_default ();
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  f->rules = jt_rules_new (f->config, f->tz, NOW);
  jt_rules_attach (f->rules, f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_clear_pointer (&f->config, jt_config_free);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Closes the store and opens it again with new rules for `zone` (NULL: the same) and the
 * fixture's config as it is now, as the next run of jobtrack would. */
static void
reopen (Fixture *f, const char *zone, gint64 now)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  if (zone != NULL)
    {
      g_time_zone_unref (f->tz);
      f->tz = g_time_zone_new_identifier (zone);
      g_assert_nonnull (f->tz);
    }
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  f->rules = jt_rules_new (f->config, f->tz, now);
  jt_rules_attach (f->rules, f->store);
}

/* ---- Time ---------------------------------------------------------------------------- */

/* The instant of a local wall time in the test's zone. */
static gint64
at (Fixture *f, int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) local = g_date_time_new (f->tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (local);
  return g_date_time_to_unix (local);
}

/* "2027-03-29 10:00 +02:00 Mon": an instant as the person would read it. */
static char *
show (Fixture *f, gint64 instant)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, f->tz);
  static const char *const weekdays[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M %:z");

  return g_strdup_printf ("%s %s", text, weekdays[g_date_time_get_day_of_week (local)]);
}

/* The instant of day y-m-d, late at night in zones west of UTC and just after midnight in
 * zones east of it: an instant whose UTC date is another day, so a rule that took the
 * UTC day instead of the local one is caught. */
static gint64
edge_of_day (Fixture *f, int year, int month, int day)
{
  gint64 noon = at (f, year, month, day, 12, 0);

  return g_time_zone_get_offset (f->tz,
                                 g_time_zone_find_interval (f->tz, G_TIME_TYPE_UNIVERSAL, noon))
                 < 0
             ? at (f, year, month, day, 23, 30)
             : at (f, year, month, day, 0, 30);
}

/* Asserts that `instant` is the local wall time y-m-d h:mi (shown with offset and weekday
 * on failure). */
#define assert_due(f, instant, y, mo, d, h, mi)                                                    \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = show ((f), (instant));                                                 \
    g_autofree char *want_ = show ((f), at ((f), (y), (mo), (d), (h), (mi)));                      \
    g_assert_cmpstr (got_, ==, want_);                                                             \
  }                                                                                                \
  G_STMT_END

/* ---- Recording --------------------------------------------------------------------- */

static JtTransaction *
begin (Fixture *f, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn;

  jt_rules_set_now (f->rules, now);
  txn = jt_store_begin_write (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (txn);
  return txn;
}

static void
commit (JtTransaction *txn)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_transaction_commit (txn, &error));
  g_assert_no_error (error);
}

/* An interview as `jobtrack add` logs it. */
typedef struct
{
  const char *company;
  const char *const *people; /* "Name <email>, Title", NULL-terminated */
  const char *decision_maker;
  const char *decision_date;
  JtInterviewKind kind;
  gint64 start;
  int minutes;     /* 0: an hour */
  gint64 recorded; /* 0: when the interview ended */
} Meeting;

typedef struct
{
  gint64 app;
  gint64 interview;
  gint64 people[6]; /* the contacts recorded, the people met first, in order */
} Logged;

static Logged
log_interview (Fixture *f, const Meeting *meeting)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  g_auto (JtInterviewLogResult) result = { 0 };
  Logged logged = { 0 };
  gint64 recorded;

  log->company = g_strdup (meeting->company);
  log->role = g_strdup ("SRE");
  for (guint i = 0; meeting->people != NULL && meeting->people[i] != NULL; i++)
    {
      JtContact *person = jt_person_parse (meeting->people[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (log->people, person);
    }
  log->decision_maker = g_strdup (meeting->decision_maker);
  log->decision_date = g_strdup (meeting->decision_date);
  log->interview->kind = meeting->kind;
  log->interview->start_at = meeting->start;
  if (meeting->minutes > 0)
    log->interview->duration_min = meeting->minutes;
  recorded = meeting->recorded != 0 ? meeting->recorded
                                    : meeting->start + (gint64) log->interview->duration_min * 60;
  jt_rules_set_now (f->rules, recorded);
  g_assert_true (jt_interview_log_record (f->store, log, recorded, &result, &error));
  g_assert_no_error (error);
  logged.app = result.application->id;
  logged.interview = result.interview_id;
  g_assert_cmpuint (result.contacts->len, <=, G_N_ELEMENTS (logged.people));
  for (guint i = 0; i < result.contacts->len; i++)
    logged.people[i] = ((JtContact *) g_ptr_array_index (result.contacts, i))->id;
  return logged;
}

static gint64
add_application (Fixture *f, const char *company, JtStatus status, gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtApplication) app = jt_application_new ();
  JtTransaction *txn = begin (f, now);

  app->company = g_strdup (company);
  g_free (app->role);
  app->role = g_strdup ("SRE");
  app->status = status;
  g_assert_true (jt_store_application_insert (f->store, app, now, &error));
  g_assert_no_error (error);
  commit (txn);
  return app->id;
}

static gint64
add_contact (Fixture *f, const char *name, guint roles, gboolean network, gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtContact) contact = jt_contact_new ();
  JtTransaction *txn = begin (f, now);

  contact->name = g_strdup (name);
  contact->company = g_strdup ("");
  contact->roles = roles;
  contact->network = network;
  g_assert_true (jt_store_contact_insert (f->store, contact, now, &error));
  g_assert_no_error (error);
  commit (txn);
  return contact->id;
}

static void
link_contact (Fixture *f, gint64 app, gint64 contact, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn = begin (f, now);

  g_assert_true (jt_store_application_link_contact (f->store, app, contact, &error));
  g_assert_no_error (error);
  commit (txn);
}

static void
set_hit_it_off (Fixture *f, gint64 contact_id, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn = begin (f, now);
  g_autoptr (JtContact) contact = jt_store_contact_get (f->store, contact_id, &error);

  g_assert_no_error (error);
  contact->hit_it_off = TRUE;
  g_assert_true (jt_store_contact_update (f->store, contact, now, &error));
  g_assert_no_error (error);
  commit (txn);
}

static void
rename_contact (Fixture *f, gint64 contact_id, const char *name, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn = begin (f, now);
  g_autoptr (JtContact) contact = jt_store_contact_get (f->store, contact_id, &error);

  g_assert_no_error (error);
  g_free (contact->name);
  contact->name = g_strdup (name);
  g_assert_true (jt_store_contact_update (f->store, contact, now, &error));
  g_assert_no_error (error);
  commit (txn);
}

static void
add_outcome (Fixture *f, gint64 app, JtOutcomeKind kind, gint64 when)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  JtTransaction *txn = begin (f, when);

  outcome->application_id = app;
  outcome->kind = kind;
  outcome->occurred_at = when;
  g_assert_true (jt_store_outcome_insert (f->store, outcome, when, &error));
  g_assert_no_error (error);
  commit (txn);
}

/* An offer as `jobtrack offer` records it: the offer and the dated "offer" outcome. */
static gint64
add_offer (Fixture *f, gint64 app, const char *received_on, const char *deadline, gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtOffer) offer = jt_offer_new ();
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  JtTransaction *txn = begin (f, now);

  offer->application_id = app;
  offer->received_on = g_strdup (received_on);
  offer->deadline = g_strdup (deadline);
  offer->salary = g_strdup ("95k");
  g_assert_true (jt_store_offer_insert (f->store, offer, now, &error));
  g_assert_no_error (error);
  outcome->application_id = app;
  outcome->kind = JT_OUTCOME_OFFER;
  outcome->occurred_at = now;
  g_assert_true (jt_store_outcome_insert (f->store, outcome, now, &error));
  g_assert_no_error (error);
  commit (txn);
  return offer->id;
}

static void
add_touch (Fixture *f, gint64 app, gint64 contact, gint64 when)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTouch) touch = jt_touch_new ();
  JtTransaction *txn = begin (f, when);

  touch->application_id = app;
  touch->contact_id = contact;
  touch->kind = JT_TOUCH_CALL;
  touch->at = when;
  touch->about = g_strdup ("where things stand");
  g_assert_true (jt_store_touch_insert (f->store, touch, when, &error));
  g_assert_no_error (error);
  commit (txn);
}

static void
set_decision_date (Fixture *f, gint64 app_id, const char *day, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn = begin (f, now);
  g_autoptr (JtApplication) app = jt_store_application_get (f->store, app_id, &error);

  g_assert_no_error (error);
  g_free (app->decision_date);
  app->decision_date = g_strdup (day);
  g_assert_true (jt_store_application_update (f->store, app, now, &error));
  g_assert_no_error (error);
  commit (txn);
}

/* Marks a reminder done, dismissed or snoozed (until `fire_at`), as the CLI does. */
static void
set_reminder_state (Fixture *f, gint64 id, JtReminderState state, gint64 fire_at, gint64 now)
{
  g_autoptr (GError) error = NULL;
  JtTransaction *txn = begin (f, now);
  g_autoptr (JtReminder) reminder = jt_store_reminder_get (f->store, id, &error);

  g_assert_no_error (error);
  reminder->state = state;
  if (fire_at != 0)
    reminder->fire_at = fire_at;
  g_assert_true (jt_store_reminder_update (f->store, reminder, now, &error));
  g_assert_no_error (error);
  commit (txn);
}

/* ---- Reading ------------------------------------------------------------------------ */

static GPtrArray *
app_reminders (Fixture *f, gint64 app)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = jt_store_reminder_list_for_application (f->store, app, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  jt_reminder_text_render_all (list, f->config);
  return list;
}

static GPtrArray *
network_reminders (Fixture *f, gint64 contact)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = jt_store_reminder_list_network (f->store, contact, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  jt_reminder_text_render_all (list, f->config);
  return list;
}

static char *
describe (Fixture *f, const JtReminder *r)
{
  g_autofree char *due = show (f, r->due_at);
  g_autofree char *fire = show (f, r->fire_at);

  return g_strdup_printf (
      "#%" G_GINT64_FORMAT " %s %s app=%" G_GINT64_FORMAT " contact=%" G_GINT64_FORMAT
      " interview=%" G_GINT64_FORMAT " due=%s fire=%s %s rev=%d updated=%" G_GINT64_FORMAT
      " \"%s\"",
      r->id, r->uid, jt_rule_to_string (r->rule), r->application_id, r->contact_id, r->interview_id,
      due, fire, jt_reminder_state_to_string (r->state), r->revision, r->updated_at, r->title);
}

static gboolean
collect_reminder (JtReminder *reminder, gpointer user_data, GError **error)
{
  g_ptr_array_add (user_data, reminder);
  return TRUE;
}

static guint
count_rule (GPtrArray *list, JtRule rule)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    n += ((JtReminder *) g_ptr_array_index (list, i))->rule == rule;
  return n;
}

/* The one reminder of `rule` addressed to `contact` (0: nobody) in `list`; borrowed. */
static JtReminder *
the_one (Fixture *f, GPtrArray *list, JtRule rule, gint64 contact)
{
  JtReminder *found = NULL;
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    {
      JtReminder *r = g_ptr_array_index (list, i);

      if (r->rule == rule && r->contact_id == contact)
        {
          found = r;
          n++;
        }
    }
  if (n != 1)
    {
      g_test_message ("wanted one %s to contact %" G_GINT64_FORMAT ", found %u among:",
                      jt_rule_to_string (rule), contact, n);
      for (guint i = 0; i < list->len; i++)
        {
          g_autofree char *text = describe (f, g_ptr_array_index (list, i));

          g_test_message ("  %s", text);
        }
    }
  g_assert_cmpuint (n, ==, 1);
  return found;
}

/* Every reminder in the store, one line each: what idempotency compares. */
static char *
snapshot (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = jt_store_application_list (f->store, &error);
  g_autoptr (GPtrArray) contacts = jt_store_contact_list (f->store, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < apps->len; i++)
    {
      g_autoptr (GPtrArray) list
          = app_reminders (f, ((JtApplication *) g_ptr_array_index (apps, i))->id);

      for (guint j = 0; j < list->len; j++)
        {
          g_autofree char *line = describe (f, g_ptr_array_index (list, j));

          g_string_append_printf (text, "%s\n", line);
        }
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      g_autoptr (GPtrArray) list
          = network_reminders (f, ((JtContact *) g_ptr_array_index (contacts, i))->id);

      for (guint j = 0; j < list->len; j++)
        {
          g_autofree char *line = describe (f, g_ptr_array_index (list, j));

          g_string_append_printf (text, "%s\n", line);
        }
    }
  return g_string_free (text, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* ---- Shared scenes ----------------------------------------------------------------- */

static const char *const raj_and_ana[]
    = { "Raj Patel <raj@globex.example>, CTO", "Ana Lima, Staff Engineer", NULL };

/* Globex: met Raj (the decision-maker) and Ana on Mon 2026-11-30 10:00; they decide on
 * `decision_date`. */
static Logged
globex_interview (Fixture *f, const char *decision_date)
{
  return log_interview (f, &(Meeting){ .company = "Globex",
                                       .people = raj_and_ana,
                                       .decision_maker = "Raj Patel",
                                       .decision_date = decision_date,
                                       .kind = JT_INTERVIEW_ONSITE,
                                       .start = at (f, 2026, 11, 30, 10, 0) });
}

/* ---- R1 summary ---------------------------------------------------------------------- */

static void
test_summary_due_at_interview_end (Fixture *f, gconstpointer data)
{
  Logged logged = log_interview (f, &(Meeting){ .company = "Globex",
                                                .people = raj_and_ana,
                                                .start = at (f, 2026, 12, 7, 14, 0),
                                                .minutes = 90 });
  g_autoptr (GPtrArray) list = app_reminders (f, logged.app);
  JtReminder *summary = the_one (f, list, JT_RULE_SUMMARY, 0);

  g_assert_cmpuint (count_rule (list, JT_RULE_SUMMARY), ==, 1);
  g_assert_cmpint (summary->interview_id, ==, logged.interview);
  g_assert_cmpint (summary->state, ==, JT_REMINDER_PENDING);
  assert_due (f, summary->due_at, 2026, 12, 7, 15, 30);
  g_assert_cmpint (summary->fire_at, ==, summary->due_at);
  /* The row is dated by the rules' "now" (the log was recorded when it ended), not a
   * clock. */
  g_assert_cmpint (summary->created_at, ==, at (f, 2026, 12, 7, 15, 30));
}

static void
test_summary_gone_once_notes_written (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Logged logged = log_interview (f, &(Meeting){ .company = "Globex",
                                                .people = raj_and_ana,
                                                .start = at (f, 2026, 12, 7, 14, 0) });
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (JtInterview) interview = NULL;
  JtTransaction *txn;

  g_assert_cmpuint (count_rule (before, JT_RULE_SUMMARY), ==, 1);
  txn = begin (f, at (f, 2026, 12, 7, 17, 0));
  interview = jt_store_interview_get (f->store, logged.interview, &error);
  g_assert_no_error (error);
  interview->notes = g_strdup ("They need an on-call rotation; Raj decides next week.");
  g_assert_true (
      jt_store_interview_update (f->store, interview, at (f, 2026, 12, 7, 17, 0), &error));
  g_assert_no_error (error);
  commit (txn);

  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_SUMMARY), ==, 0);
  /* Only the summary went: the thank-you letters are still owed. */
  g_assert_cmpuint (count_rule (after, JT_RULE_THANK_YOU), ==, 2);
}

/* ---- R2 thank-you ------------------------------------------------------------------ */

static void
test_thank_you_one_per_person_at_end_plus_3h (Fixture *f, gconstpointer data)
{
  const char *raj_only[] = { "Raj Patel", NULL };
  Logged first = log_interview (f, &(Meeting){ .company = "Globex",
                                               .people = raj_and_ana,
                                               .start = at (f, 2026, 12, 7, 14, 0),
                                               .minutes = 90 });
  g_autoptr (GPtrArray) list = app_reminders (f, first.app);
  g_autoptr (GPtrArray) later = NULL;
  JtReminder *raj, *ana;
  Logged second;

  g_assert_cmpuint (count_rule (list, JT_RULE_THANK_YOU), ==, 2);
  raj = the_one (f, list, JT_RULE_THANK_YOU, first.people[0]);
  ana = the_one (f, list, JT_RULE_THANK_YOU, first.people[1]);
  assert_due (f, raj->due_at, 2026, 12, 7, 18, 30);
  assert_due (f, ana->due_at, 2026, 12, 7, 18, 30);
  g_assert_cmpint (raj->interview_id, ==, first.interview);
  g_assert_cmpint (ana->interview_id, ==, first.interview);
  g_assert_cmpstr (raj->uid, !=, ana->uid);

  /* Meeting Raj again is another letter owed, for that meeting. */
  second = log_interview (f, &(Meeting){ .company = "Globex",
                                         .people = raj_only,
                                         .start = at (f, 2026, 12, 9, 9, 0),
                                         .minutes = 45 });
  g_assert_cmpint (second.app, ==, first.app);
  later = app_reminders (f, first.app);
  g_assert_cmpuint (count_rule (later, JT_RULE_THANK_YOU), ==, 3);
  for (guint i = 0; i < later->len; i++)
    {
      JtReminder *r = g_ptr_array_index (later, i);

      if (r->rule == JT_RULE_THANK_YOU && r->interview_id == second.interview)
        {
          g_assert_cmpint (r->contact_id, ==, first.people[0]);
          assert_due (f, r->due_at, 2026, 12, 9, 12, 45);
        }
    }
}

static void
test_thank_you_switched_off (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GError) error = NULL;
  Logged logged;

  f->config->rule_enabled[JT_RULE_THANK_YOU] = FALSE;
  reopen (f, NULL, NOW);
  logged = log_interview (f, &(Meeting){ .company = "Globex",
                                         .people = raj_and_ana,
                                         .start = at (f, 2026, 12, 7, 14, 0) });
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_THANK_YOU), ==, 0);
  /* The interview was derived: the rules still on made theirs. */
  g_assert_cmpuint (count_rule (list, JT_RULE_SUMMARY), ==, 1);
  open = jt_store_reminder_list_open (f->store, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (open, JT_RULE_THANK_YOU), ==, 0);
}

/* ---- R3 follow-up call --------------------------------------------------------------- */

static void
test_follow_up_call_day_after_decision_date (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09"); /* a Wednesday */
  g_autoptr (GPtrArray) list = app_reminders (f, logged.app);
  JtReminder *call;

  g_assert_cmpuint (count_rule (list, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  call = the_one (f, list, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  assert_due (f, call->due_at, 2026, 12, 10, 10, 0);
  g_assert_cmpint (call->interview_id, ==, 0);
}

/* A Friday decision date: the call is on Monday at 10:00 local, across the DST change of
 * that weekend. */
static void
test_follow_up_call_friday_decision_moves_to_monday (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *zone, *friday, *friday_shown, *monday_shown;
    int year, month, day;
  } cases[] = {
    { "Europe/Berlin", "2027-03-26", "2027-03-26 10:00 +01:00 Fri", "2027-03-29 10:00 +02:00 Mon",
      2027, 3, 29 },
    { "America/New_York", "2027-03-12", "2027-03-12 10:00 -05:00 Fri",
      "2027-03-15 10:00 -04:00 Mon", 2027, 3, 15 },
    { "Australia/Sydney", "2027-04-02", "2027-04-02 10:00 +11:00 Fri",
      "2027-04-05 10:00 +10:00 Mon", 2027, 4, 5 },
  };
  const char *zone = data;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *friday = NULL;
  g_autofree char *due = NULL;
  JtReminder *call;
  Logged logged;
  guint c = 0;

  while (c < G_N_ELEMENTS (cases) && g_strcmp0 (cases[c].zone, zone) != 0)
    c++;
  g_assert_cmpuint (c, <, G_N_ELEMENTS (cases));
  logged = log_interview (f, &(Meeting){ .company = "Globex",
                                         .people = raj_and_ana,
                                         .decision_maker = "Raj Patel",
                                         .decision_date = cases[c].friday,
                                         .start = at (f, 2027, 3, 8, 10, 0) });
  /* The premise: the Friday is on the other side of the change. */
  friday = show (f, at (f, 2027, cases[c].month, cases[c].day - 3, 10, 0));
  g_assert_cmpstr (friday, ==, cases[c].friday_shown);

  list = app_reminders (f, logged.app);
  call = the_one (f, list, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  due = show (f, call->due_at);
  g_assert_cmpstr (due, ==, cases[c].monday_shown);
  assert_due (f, call->due_at, cases[c].year, cases[c].month, cases[c].day, 10, 0);
}

/* No decision date: a week after the last interview, on a business day. */
static void
test_follow_up_call_no_date_last_interview_plus_7 (Fixture *f, gconstpointer data)
{
  const char *raj[] = { "Raj Patel", NULL };
  Logged first = log_interview (f, &(Meeting){ .company = "Globex",
                                               .people = raj,
                                               .decision_maker = "Raj Patel",
                                               .start = at (f, 2026, 11, 30, 10, 0) });
  g_autoptr (GPtrArray) after_first = app_reminders (f, first.app);
  g_autoptr (GPtrArray) after_last = NULL;
  JtReminder *call = the_one (f, after_first, JT_RULE_FOLLOW_UP_CALL, first.people[0]);
  gint64 id = call->id;

  assert_due (f, call->due_at, 2026, 12, 7, 10, 0);
  /* A second round on Saturday 5 December: a week later is a Saturday, so Monday. */
  log_interview (
      f, &(Meeting){ .company = "Globex", .people = raj, .start = edge_of_day (f, 2026, 12, 5) });
  after_last = app_reminders (f, first.app);
  call = the_one (f, after_last, JT_RULE_FOLLOW_UP_CALL, first.people[0]);
  g_assert_cmpint (call->id, ==, id);
  assert_due (f, call->due_at, 2026, 12, 14, 10, 0);
}

static void
test_follow_up_call_to_decision_maker_only (Fixture *f, gconstpointer data)
{
  /* The decision-maker was not in the room: the call is to them, not to those met. */
  Logged logged = log_interview (f, &(Meeting){ .company = "Globex",
                                                .people = raj_and_ana,
                                                .decision_maker = "Dee Park",
                                                .decision_date = "2026-12-09",
                                                .start = at (f, 2026, 12, 7, 10, 0) });
  g_autoptr (GPtrArray) list = app_reminders (f, logged.app);
  g_autoptr (JtContact) dee = NULL;
  g_autoptr (GError) error = NULL;
  JtReminder *call;

  dee = jt_store_contact_get (f->store, logged.people[2], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dee->name, ==, "Dee Park");
  g_assert_cmpuint (count_rule (list, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  call = the_one (f, list, JT_RULE_FOLLOW_UP_CALL, dee->id);
  assert_due (f, call->due_at, 2026, 12, 10, 10, 0);
}

static void
test_follow_up_call_to_each_interviewer_without_decision_maker (Fixture *f, gconstpointer data)
{
  Logged logged = log_interview (f, &(Meeting){ .company = "Globex",
                                                .people = raj_and_ana,
                                                .decision_date = "2026-12-09",
                                                .start = at (f, 2026, 12, 7, 10, 0) });
  g_autoptr (GPtrArray) list = app_reminders (f, logged.app);
  JtReminder *raj, *ana;

  g_assert_cmpuint (count_rule (list, JT_RULE_FOLLOW_UP_CALL), ==, 2);
  raj = the_one (f, list, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  ana = the_one (f, list, JT_RULE_FOLLOW_UP_CALL, logged.people[1]);
  assert_due (f, raj->due_at, 2026, 12, 10, 10, 0);
  assert_due (f, ana->due_at, 2026, 12, 10, 10, 0);
  g_assert_cmpstr (raj->uid, !=, ana->uid);
}

static void
test_follow_up_call_cancelled_by_offer (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;

  g_assert_cmpuint (count_rule (before, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  add_outcome (f, logged.app, JT_OUTCOME_OFFER, at (f, 2026, 12, 8, 16, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 0);
}

static void
test_follow_up_call_cancelled_by_rejection (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;

  g_assert_cmpuint (count_rule (before, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, at (f, 2026, 12, 8, 16, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 0);
}

/* Accepting Initech ends the calls owed to Globex (R3 and R4) and to Hooli (R3). */
static void
test_follow_up_call_acceptance_cancels_other_applications (Fixture *f, gconstpointer data)
{
  const char *bo[] = { "Bo Chen", NULL };
  Logged globex = globex_interview (f, "2026-12-18");
  Logged hooli = log_interview (f, &(Meeting){ .company = "Hooli",
                                               .people = bo,
                                               .decision_maker = "Bo Chen",
                                               .decision_date = "2026-12-09",
                                               .start = at (f, 2026, 12, 2, 10, 0) });
  gint64 initech = add_application (f, "Initech", JT_STATUS_INTERVIEWING, NOW);
  g_autoptr (GPtrArray) globex_before = NULL;
  g_autoptr (GPtrArray) hooli_before = NULL;
  g_autoptr (GPtrArray) globex_after = NULL;
  g_autoptr (GPtrArray) hooli_after = NULL;

  add_offer (f, initech, "2026-12-08", "2026-12-14", at (f, 2026, 12, 8, 11, 0));
  globex_before = app_reminders (f, globex.app);
  hooli_before = app_reminders (f, hooli.app);
  g_assert_cmpuint (count_rule (globex_before, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  g_assert_cmpuint (count_rule (globex_before, JT_RULE_BRING_FORWARD), ==, 1);
  g_assert_cmpuint (count_rule (hooli_before, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  g_assert_cmpuint (count_rule (hooli_before, JT_RULE_BRING_FORWARD), ==, 0);

  add_outcome (f, initech, JT_OUTCOME_ACCEPTED, at (f, 2026, 12, 9, 9, 0));
  globex_after = app_reminders (f, globex.app);
  hooli_after = app_reminders (f, hooli.app);
  g_assert_cmpuint (count_rule (globex_after, JT_RULE_FOLLOW_UP_CALL), ==, 0);
  g_assert_cmpuint (count_rule (globex_after, JT_RULE_BRING_FORWARD), ==, 0);
  g_assert_cmpuint (count_rule (hooli_after, JT_RULE_FOLLOW_UP_CALL), ==, 0);
  /* Only the pre-outcome calls go: the letters owed for the meetings stay. */
  g_assert_cmpuint (count_rule (hooli_after, JT_RULE_THANK_YOU), ==, 1);
}

/* ---- Revisions, done, dismissed, snoozed (on R3) --------------------------------------- */

static void
test_follow_up_call_moves_with_decision_date (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *old = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  JtReminder *moved;

  assert_due (f, old->due_at, 2026, 12, 10, 10, 0);
  set_decision_date (f, logged.app, "2026-12-16", at (f, 2026, 12, 8, 9, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  moved = the_one (f, after, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_assert_cmpint (moved->id, ==, old->id);
  g_assert_cmpstr (moved->uid, ==, old->uid);
  g_assert_cmpint (moved->revision, ==, old->revision + 1);
  g_assert_cmpint (moved->state, ==, JT_REMINDER_PENDING);
  assert_due (f, moved->due_at, 2026, 12, 17, 10, 0);
  g_assert_cmpint (moved->fire_at, ==, moved->due_at);
}

/* A renamed person is the same follow-up at the same time: only its words change, and
 * they are made when shown. Its calendar entry shows them, so its revision (the
 * calendar's SEQUENCE) grows by one, and what it shows is newer (LAST-MODIFIED); the
 * other person's letter is left as it was. */
static void
test_rename_rewords_one_revision_more (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *ana_before = the_one (f, before, JT_RULE_THANK_YOU, logged.people[1]);
  JtReminder *raj_before = the_one (f, before, JT_RULE_THANK_YOU, logged.people[0]);
  JtReminder *ana_after, *raj_after;

  g_assert_nonnull (strstr (ana_before->title, "Ana Lima"));
  rename_contact (f, logged.people[1], "Ana Souza", at (f, 2026, 11, 30, 12, 0));
  after = app_reminders (f, logged.app);
  ana_after = the_one (f, after, JT_RULE_THANK_YOU, logged.people[1]);
  raj_after = the_one (f, after, JT_RULE_THANK_YOU, logged.people[0]);
  g_assert_cmpint (ana_after->id, ==, ana_before->id);
  g_assert_cmpstr (ana_after->uid, ==, ana_before->uid);
  g_assert_cmpint (ana_after->due_at, ==, ana_before->due_at);
  g_assert_cmpint (ana_after->revision, ==, ana_before->revision + 1);
  g_assert_nonnull (strstr (ana_after->title, "Ana Souza"));
  g_assert_null (strstr (ana_after->title, "Ana Lima"));
  g_assert_nonnull (strstr (ana_after->detail, "You met Ana Souza"));
  g_assert_cmpint (ana_after->text_updated_at, >, ana_before->text_updated_at);
  /* Raj's letter did not change at all. */
  g_assert_cmpint (raj_after->revision, ==, raj_before->revision);
  g_assert_cmpint (raj_after->updated_at, ==, raj_before->updated_at);
  g_assert_cmpint (raj_after->text_updated_at, ==, raj_before->text_updated_at);
  g_assert_cmpstr (raj_after->title, ==, raj_before->title);
}

/* Acting on the R3 call (`state`), then moving the decision date, leaves it as it was. */
static void
check_acted_on_call_stays (Fixture *f, JtReminderState state)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) again = NULL;
  JtReminder *call = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  JtReminder *kept;
  g_autoptr (GError) error = NULL;
  JtTransaction *txn;

  set_reminder_state (f, call->id, state, 0, at (f, 2026, 12, 8, 9, 0));
  set_decision_date (f, logged.app, "2026-12-16", at (f, 2026, 12, 8, 10, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  kept = the_one (f, after, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_assert_cmpint (kept->id, ==, call->id);
  g_assert_cmpint (kept->state, ==, state);
  assert_due (f, kept->due_at, 2026, 12, 10, 10, 0);
  g_assert_cmpint (kept->revision, ==, call->revision);

  /* Nor does deriving everything again bring it back. */
  txn = begin (f, at (f, 2026, 12, 20, 9, 0));
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  commit (txn);
  again = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (again, JT_RULE_FOLLOW_UP_CALL), ==, 1);
  kept = the_one (f, again, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_assert_cmpint (kept->state, ==, state);
  assert_due (f, kept->due_at, 2026, 12, 10, 10, 0);
}

static void
test_done_never_comes_back (Fixture *f, gconstpointer data)
{
  check_acted_on_call_stays (f, JT_REMINDER_DONE);
}

static void
test_dismissed_never_comes_back (Fixture *f, gconstpointer data)
{
  check_acted_on_call_stays (f, JT_REMINDER_DISMISSED);
}

static void
test_snooze_kept_when_due_moves (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *call = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  gint64 until = at (f, 2026, 12, 11, 15, 0);
  JtReminder *moved;

  set_reminder_state (f, call->id, JT_REMINDER_SNOOZED, until, at (f, 2026, 12, 10, 10, 5));
  set_decision_date (f, logged.app, "2026-12-16", at (f, 2026, 12, 10, 11, 0));
  after = app_reminders (f, logged.app);
  moved = the_one (f, after, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_assert_cmpint (moved->id, ==, call->id);
  g_assert_cmpint (moved->state, ==, JT_REMINDER_SNOOZED);
  assert_due (f, moved->due_at, 2026, 12, 17, 10, 0);
  assert_due (f, moved->fire_at, 2026, 12, 11, 15, 0);
  g_assert_cmpint (moved->revision, ==, call->revision + 1);
}

/* ---- R4 bring forward ------------------------------------------------------------ */

/* Globex (B) decides Fri 2026-12-18, Raj decides; Initech (A) is an application that
 * will make an offer. */
typedef struct
{
  Logged globex;
  gint64 initech;
} Competing;

static Competing
competing (Fixture *f)
{
  const char *raj[] = { "Raj Patel <raj@globex.example>, CTO", NULL };
  Competing c;

  c.globex = log_interview (f, &(Meeting){ .company = "Globex",
                                           .people = raj,
                                           .decision_maker = "Raj Patel",
                                           .decision_date = "2026-12-18",
                                           .start = at (f, 2026, 11, 30, 10, 0) });
  c.initech = add_application (f, "Initech", JT_STATUS_INTERVIEWING, NOW);
  return c;
}

static void
test_bring_forward_next_business_morning (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  g_autoptr (GPtrArray) before = app_reminders (f, c.globex.app);
  g_autoptr (GPtrArray) globex = NULL;
  g_autoptr (GPtrArray) initech = NULL;
  JtReminder *call;

  g_assert_cmpuint (count_rule (before, JT_RULE_BRING_FORWARD), ==, 0);
  /* Recorded Wednesday; it expires Monday 14th, before Globex decides. */
  add_offer (f, c.initech, "2026-12-02", "2026-12-14", at (f, 2026, 12, 2, 11, 0));
  globex = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (globex, JT_RULE_BRING_FORWARD), ==, 1);
  call = the_one (f, globex, JT_RULE_BRING_FORWARD, c.globex.people[0]);
  assert_due (f, call->due_at, 2026, 12, 3, 10, 0);
  initech = app_reminders (f, c.initech);
  g_assert_cmpuint (count_rule (initech, JT_RULE_BRING_FORWARD), ==, 0);
}

/* Recorded on a Friday, expiring Wednesday: three days before is Sunday, so the Friday
 * before, which is sooner than the next business morning (Monday). */
static void
test_bring_forward_no_later_than_3_days_before_deadline (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  g_autoptr (GPtrArray) globex = NULL;
  JtReminder *call;

  add_offer (f, c.initech, "2026-12-04", "2026-12-09", at (f, 2026, 12, 4, 17, 0));
  globex = app_reminders (f, c.globex.app);
  call = the_one (f, globex, JT_RULE_BRING_FORWARD, c.globex.people[0]);
  assert_due (f, call->due_at, 2026, 12, 4, 10, 0);
}

/* Two offers expire before Globex decides: one call to Raj, at the sooner of the two
 * times (Umbrella's, recorded Friday and expiring Wednesday, allows Friday 4th;
 * Initech's, recorded Wednesday 2nd, is due Thursday 3rd). */
static void
test_bring_forward_two_offers_one_call_at_sooner (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  gint64 umbrella = add_application (f, "Umbrella", JT_STATUS_INTERVIEWING, NOW);
  g_autoptr (GPtrArray) globex = NULL;
  JtReminder *call;

  add_offer (f, c.initech, "2026-12-02", "2026-12-14", at (f, 2026, 12, 2, 11, 0));
  add_offer (f, umbrella, "2026-12-04", "2026-12-09", at (f, 2026, 12, 4, 17, 0));
  globex = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (globex, JT_RULE_BRING_FORWARD), ==, 1);
  call = the_one (f, globex, JT_RULE_BRING_FORWARD, c.globex.people[0]);
  assert_due (f, call->due_at, 2026, 12, 3, 10, 0);
}

static void
test_bring_forward_not_when_deadline_not_before_decision (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  gint64 umbrella = add_application (f, "Umbrella", JT_STATUS_INTERVIEWING, NOW);
  g_autoptr (GPtrArray) globex = NULL;

  add_offer (f, c.initech, "2026-12-02", "2026-12-18", at (f, 2026, 12, 2, 11, 0));
  add_offer (f, umbrella, "2026-12-02", "2026-12-21", at (f, 2026, 12, 2, 11, 0));
  globex = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (globex, JT_RULE_BRING_FORWARD), ==, 0);
  g_assert_cmpuint (count_rule (globex, JT_RULE_FOLLOW_UP_CALL), ==, 1);
}

static void
test_bring_forward_cancelled_by_outcome_of_b (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;

  add_offer (f, c.initech, "2026-12-02", "2026-12-14", at (f, 2026, 12, 2, 11, 0));
  before = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (before, JT_RULE_BRING_FORWARD), ==, 1);
  add_outcome (f, c.globex.app, JT_OUTCOME_REJECTED, at (f, 2026, 12, 3, 9, 0));
  after = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_BRING_FORWARD), ==, 0);
}

static void
test_bring_forward_cancelled_when_offer_settled (Fixture *f, gconstpointer data)
{
  Competing c = competing (f);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;

  add_offer (f, c.initech, "2026-12-02", "2026-12-14", at (f, 2026, 12, 2, 11, 0));
  before = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (before, JT_RULE_BRING_FORWARD), ==, 1);
  /* Turning Initech's offer down settles it: nothing left to bring forward. */
  add_outcome (f, c.initech, JT_OUTCOME_DECLINED, at (f, 2026, 12, 3, 9, 0));
  after = app_reminders (f, c.globex.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_BRING_FORWARD), ==, 0);
  /* Globex is still open: its own call stays. */
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 1);
}

/* ---- R5 brief references --------------------------------------------------------- */

static void
test_brief_references_one_per_reference_next_business_day (Fixture *f, gconstpointer data)
{
  const char *ana[] = { "Ana Lima", NULL };
  const char *raj[] = { "Raj Patel", NULL };
  gint64 app = add_application (f, "Globex", JT_STATUS_APPLIED, at (f, 2026, 12, 1, 9, 0));
  gint64 rhea = add_contact (f, "Rhea Quinn", JT_ROLE_REFERENCE, FALSE, at (f, 2026, 12, 1, 9, 5));
  gint64 sam = add_contact (f, "Sam Ortiz", JT_ROLE_REFERENCE, FALSE, at (f, 2026, 12, 1, 9, 6));
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  Logged screen, final;
  JtReminder *r;

  link_contact (f, app, rhea, at (f, 2026, 12, 1, 9, 10));
  link_contact (f, app, sam, at (f, 2026, 12, 1, 9, 10));
  screen = log_interview (f, &(Meeting){ .company = "Globex",
                                         .people = ana,
                                         .kind = JT_INTERVIEW_PHONE,
                                         .start = at (f, 2026, 12, 2, 10, 0) });
  g_assert_cmpint (screen.app, ==, app);
  before = app_reminders (f, app);
  g_assert_cmpuint (count_rule (before, JT_RULE_BRIEF_REFERENCES), ==, 0);

  /* The final round, set for Monday 14th, is recorded on Friday 4th. */
  final = log_interview (f, &(Meeting){ .company = "Globex",
                                        .people = raj,
                                        .kind = JT_INTERVIEW_FINAL,
                                        .start = at (f, 2026, 12, 14, 10, 0),
                                        .recorded = at (f, 2026, 12, 4, 12, 0) });
  g_assert_cmpint (final.app, ==, app);
  after = app_reminders (f, app);
  g_assert_cmpuint (count_rule (after, JT_RULE_BRIEF_REFERENCES), ==, 2);
  r = the_one (f, after, JT_RULE_BRIEF_REFERENCES, rhea);
  assert_due (f, r->due_at, 2026, 12, 7, 10, 0);
  r = the_one (f, after, JT_RULE_BRIEF_REFERENCES, sam);
  assert_due (f, r->due_at, 2026, 12, 7, 10, 0);
}

/* ---- R6, R7, R8 after a rejection -------------------------------------------------- */

/* Rejected on Saturday 5 December: the letters are due Sunday at 10:00 (no weekend
 * shift), one per contact of the application. */
static void
test_rejection_letter_one_per_contact_next_day (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  gint64 hana = add_contact (f, "Hana Mori", JT_ROLE_HR, FALSE, NOW);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const gint64 people[] = { logged.people[0], logged.people[1], hana };

  link_contact (f, logged.app, hana, NOW);
  before = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (before, JT_RULE_REJECTION_LETTER), ==, 0);
  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, edge_of_day (f, 2026, 12, 5));
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_REJECTION_LETTER), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      JtReminder *letter = the_one (f, list, JT_RULE_REJECTION_LETTER, people[i]);

      assert_due (f, letter->due_at, 2026, 12, 6, 10, 0);
    }
}

/* Rejected Saturday 5 December: a week later is Saturday, so Monday 14th, and only to
 * the people the candidate hit it off with. */
static void
test_rapport_call_hit_it_off_after_7_days (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *call;

  set_hit_it_off (f, logged.people[1], at (f, 2026, 12, 1, 12, 0));
  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, edge_of_day (f, 2026, 12, 5));
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_RAPPORT_CALL), ==, 1);
  call = the_one (f, list, JT_RULE_RAPPORT_CALL, logged.people[1]);
  assert_due (f, call->due_at, 2026, 12, 14, 10, 0);
}

/* Rejected late on 31 January 2027 (local): five months later clamps to 30 June. */
static void
test_recontact_jan_31_to_jun_30 (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, NULL);
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *call;

  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, edge_of_day (f, 2027, 1, 31));
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_RECONTACT), ==, 1);
  call = the_one (f, list, JT_RULE_RECONTACT, logged.people[0]);
  assert_due (f, call->due_at, 2027, 6, 30, 10, 0);
}

/* 30 September 2027 + 5 months is 29 February 2028, a leap day. */
static void
test_recontact_sep_30_to_feb_29 (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, NULL);
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *call;

  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, edge_of_day (f, 2027, 9, 30));
  list = app_reminders (f, logged.app);
  call = the_one (f, list, JT_RULE_RECONTACT, logged.people[0]);
  assert_due (f, call->due_at, 2028, 2, 29, 10, 0);
}

/* Rejected Tuesday 8 December 2026: five months later is Saturday 8 May 2027, and the
 * call stays there (no weekend shift for R8). */
static void
test_recontact_weekend_not_moved (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, NULL);
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *call;

  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, at (f, 2026, 12, 8, 16, 0));
  list = app_reminders (f, logged.app);
  call = the_one (f, list, JT_RULE_RECONTACT, logged.people[0]);
  assert_due (f, call->due_at, 2027, 5, 8, 10, 0);
}

/* The decision-maker, else HR, else anyone; a rejected application with nobody recorded
 * still gets its re-contact, addressed to no one. */
static void
test_recontact_decision_maker_else_hr_else_anyone (Fixture *f, gconstpointer data)
{
  const gint64 made = at (f, 2026, 12, 1, 9, 0);
  gint64 app_dm = add_application (f, "Globex", JT_STATUS_APPLIED, made);
  gint64 app_hr = add_application (f, "Hooli", JT_STATUS_APPLIED, made);
  gint64 app_any = add_application (f, "Initech", JT_STATUS_APPLIED, made);
  gint64 app_none = add_application (f, "Umbrella", JT_STATUS_APPLIED, made);
  gint64 abe = add_contact (f, "Abe Ames", 0, FALSE, made);
  gint64 dora = add_contact (f, "Dora Diaz", JT_ROLE_DECISION_MAKER, FALSE, made);
  gint64 hal = add_contact (f, "Hal Hart", JT_ROLE_HR, FALSE, made);
  gint64 abby = add_contact (f, "Abby Ames", JT_ROLE_RECRUITER, FALSE, made);
  gint64 hana = add_contact (f, "Hana Mori", JT_ROLE_HR, FALSE, made);
  gint64 carl = add_contact (f, "Carl Cole", JT_ROLE_INFLUENCER, FALSE, made);
  const struct
  {
    gint64 app, expected;
  } cases[] = { { app_dm, dora }, { app_hr, hana }, { app_any, carl }, { app_none, 0 } };

  link_contact (f, app_dm, abe, made);
  link_contact (f, app_dm, hal, made);
  link_contact (f, app_dm, dora, made);
  link_contact (f, app_hr, abby, made);
  link_contact (f, app_hr, hana, made);
  link_contact (f, app_any, carl, made);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) list = NULL;
      JtReminder *call;

      add_outcome (f, cases[i].app, JT_OUTCOME_REJECTED, at (f, 2027, 1, 31, 15, 0));
      list = app_reminders (f, cases[i].app);
      g_assert_cmpuint (count_rule (list, JT_RULE_RECONTACT), ==, 1);
      call = the_one (f, list, JT_RULE_RECONTACT, cases[i].expected);
      assert_due (f, call->due_at, 2027, 6, 30, 10, 0);
    }
}

static void
test_recontact_switched_off (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) list = NULL;
  Logged logged;

  f->config->rule_enabled[JT_RULE_RECONTACT] = FALSE;
  reopen (f, NULL, NOW);
  logged = globex_interview (f, NULL);
  add_outcome (f, logged.app, JT_OUTCOME_REJECTED, at (f, 2027, 1, 31, 15, 0));
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_RECONTACT), ==, 0);
  g_assert_cmpuint (count_rule (list, JT_RULE_REJECTION_LETTER), ==, 2);
}

/* ---- R9 offer --------------------------------------------------------------------- */

/* Received Friday 4th, answer by Monday 14th: negotiate Monday 7th (Saturday moved on),
 * last call Friday 11th (Saturday moved back), both with Raj. */
static void
test_offer_negotiation_and_last_call (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *negotiate, *last;

  add_offer (f, logged.app, "2026-12-04", "2026-12-14", at (f, 2026, 12, 4, 17, 0));
  list = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_OFFER_NEGOTIATION), ==, 1);
  g_assert_cmpuint (count_rule (list, JT_RULE_OFFER_DEADLINE), ==, 1);
  negotiate = the_one (f, list, JT_RULE_OFFER_NEGOTIATION, logged.people[0]);
  last = the_one (f, list, JT_RULE_OFFER_DEADLINE, logged.people[0]);
  assert_due (f, negotiate->due_at, 2026, 12, 7, 10, 0);
  assert_due (f, last->due_at, 2026, 12, 11, 10, 0);
}

static void
check_offer_reminders_end (Fixture *f, JtOutcomeKind kind)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;

  add_offer (f, logged.app, "2026-12-04", "2026-12-14", at (f, 2026, 12, 4, 17, 0));
  before = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (before, JT_RULE_OFFER_NEGOTIATION), ==, 1);
  g_assert_cmpuint (count_rule (before, JT_RULE_OFFER_DEADLINE), ==, 1);
  add_outcome (f, logged.app, kind, at (f, 2026, 12, 8, 9, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_OFFER_NEGOTIATION), ==, 0);
  g_assert_cmpuint (count_rule (after, JT_RULE_OFFER_DEADLINE), ==, 0);
}

static void
test_offer_reminders_gone_when_accepted (Fixture *f, gconstpointer data)
{
  check_offer_reminders_end (f, JT_OUTCOME_ACCEPTED);
}

static void
test_offer_reminders_gone_when_declined (Fixture *f, gconstpointer data)
{
  check_offer_reminders_end (f, JT_OUTCOME_DECLINED);
}

/* ---- R10 network --------------------------------------------------------------------- */

/* Flagged on Mon 4 January 2027 and not touched since: 90 days later is Sunday 4 April,
 * so Monday 5 April at 10:00, after the DST change in all three zones. */
static void
test_network_every_90_days_from_last_touch (Fixture *f, gconstpointer data)
{
  gint64 nia = add_contact (f, "Nia Brooks", 0, TRUE, at (f, 2027, 1, 4, 9, 0));
  g_autoptr (GPtrArray) list = network_reminders (f, nia);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *update = the_one (f, list, JT_RULE_NETWORK_UPDATE, nia);
  JtReminder *next;

  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (update->application_id, ==, 0);
  assert_due (f, update->due_at, 2027, 4, 5, 10, 0);

  /* A call on Monday 1 February: the old reminder ends, a new one counts from the call
   * (90 days is Sunday 2 May, so Monday 3 May). */
  add_touch (f, 0, nia, at (f, 2027, 2, 1, 12, 0));
  after = network_reminders (f, nia);
  g_assert_cmpuint (after->len, ==, 1);
  next = the_one (f, after, JT_RULE_NETWORK_UPDATE, nia);
  g_assert_cmpstr (next->uid, !=, update->uid);
  g_assert_cmpint (next->state, ==, JT_REMINDER_PENDING);
  assert_due (f, next->due_at, 2027, 5, 3, 10, 0);
}

static void
test_network_done_stays_done_and_touch_makes_new (Fixture *f, gconstpointer data)
{
  gint64 nia = add_contact (f, "Nia Brooks", 0, TRUE, at (f, 2027, 1, 4, 9, 0));
  g_autoptr (GPtrArray) list = network_reminders (f, nia);
  g_autoptr (GPtrArray) after_done = NULL;
  g_autoptr (GPtrArray) after_touch = NULL;
  g_autoptr (GError) error = NULL;
  JtReminder *first = the_one (f, list, JT_RULE_NETWORK_UPDATE, nia);
  JtTransaction *txn;
  gboolean seen_done = FALSE, seen_new = FALSE;

  set_reminder_state (f, first->id, JT_REMINDER_DONE, 0, at (f, 2027, 4, 5, 11, 0));
  txn = begin (f, at (f, 2027, 4, 5, 12, 0));
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  commit (txn);
  after_done = network_reminders (f, nia);
  g_assert_cmpuint (after_done->len, ==, 1);
  g_assert_cmpint (((JtReminder *) g_ptr_array_index (after_done, 0))->state, ==, JT_REMINDER_DONE);

  /* Tuesday 6 April: 90 days later is Monday 5 July. */
  add_touch (f, 0, nia, at (f, 2027, 4, 6, 12, 0));
  after_touch = network_reminders (f, nia);
  g_assert_cmpuint (after_touch->len, ==, 2);
  for (guint i = 0; i < after_touch->len; i++)
    {
      JtReminder *r = g_ptr_array_index (after_touch, i);

      if (r->id == first->id)
        {
          seen_done = TRUE;
          g_assert_cmpint (r->state, ==, JT_REMINDER_DONE);
          g_assert_cmpstr (r->uid, ==, first->uid);
          assert_due (f, r->due_at, 2027, 4, 5, 10, 0);
        }
      else
        {
          seen_new = TRUE;
          g_assert_cmpint (r->state, ==, JT_REMINDER_PENDING);
          g_assert_cmpstr (r->uid, !=, first->uid);
          assert_due (f, r->due_at, 2027, 7, 5, 10, 0);
        }
    }
  g_assert_true (seen_done && seen_new);
}

/* Accepting Initech on Friday 11 December: every network contact hears of it on Monday,
 * and nobody else. */
static void
test_network_told_of_acceptance (Fixture *f, gconstpointer data)
{
  const char *pat[] = { "Pat Kim", NULL };
  gint64 nia = add_contact (f, "Nia Brooks", 0, TRUE, NOW);
  gint64 omar = add_contact (f, "Omar Said", 0, TRUE, NOW);
  Logged initech = log_interview (
      f, &(Meeting){ .company = "Initech", .people = pat, .start = at (f, 2026, 12, 2, 10, 0) });
  g_autoptr (GPtrArray) before = app_reminders (f, initech.app);
  g_autoptr (GPtrArray) list = NULL;
  JtReminder *r;

  g_assert_cmpuint (count_rule (before, JT_RULE_NETWORK_UPDATE), ==, 0);
  add_outcome (f, initech.app, JT_OUTCOME_ACCEPTED, at (f, 2026, 12, 11, 15, 0));
  list = app_reminders (f, initech.app);
  g_assert_cmpuint (count_rule (list, JT_RULE_NETWORK_UPDATE), ==, 2);
  r = the_one (f, list, JT_RULE_NETWORK_UPDATE, nia);
  assert_due (f, r->due_at, 2026, 12, 14, 10, 0);
  r = the_one (f, list, JT_RULE_NETWORK_UPDATE, omar);
  assert_due (f, r->due_at, 2026, 12, 14, 10, 0);
}

/* ---- R11 application follow-up ------------------------------------------------------- */

/* Sent on Saturday 5 December: day 7 is a Saturday, so Monday 14th at 10:00, to the
 * recruiter rather than the first contact by name. */
static gint64
sent_application (Fixture *f, gint64 *recruiter)
{
  gint64 app = add_application (f, "Globex", JT_STATUS_APPLIED, edge_of_day (f, 2026, 12, 5));
  gint64 aaron = add_contact (f, "Aaron Abel", 0, FALSE, edge_of_day (f, 2026, 12, 5));

  *recruiter
      = add_contact (f, "Rita Vance", JT_ROLE_RECRUITER, FALSE, edge_of_day (f, 2026, 12, 5));
  link_contact (f, app, aaron, edge_of_day (f, 2026, 12, 5));
  link_contact (f, app, *recruiter, edge_of_day (f, 2026, 12, 5));
  return app;
}

static void
test_application_follow_up_day_7 (Fixture *f, gconstpointer data)
{
  gint64 rita;
  gint64 app = sent_application (f, &rita);
  g_autoptr (GPtrArray) list = app_reminders (f, app);
  JtReminder *check;

  g_assert_cmpuint (count_rule (list, JT_RULE_APPLICATION_FOLLOW_UP), ==, 1);
  check = the_one (f, list, JT_RULE_APPLICATION_FOLLOW_UP, rita);
  assert_due (f, check->due_at, 2026, 12, 14, 10, 0);
}

static void
test_application_follow_up_moves_with_touch (Fixture *f, gconstpointer data)
{
  gint64 rita;
  gint64 app = sent_application (f, &rita);
  g_autoptr (GPtrArray) before = app_reminders (f, app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *old = the_one (f, before, JT_RULE_APPLICATION_FOLLOW_UP, rita);
  JtReminder *moved;

  /* A call on Wednesday 9th: a week from then is Wednesday 16th. */
  add_touch (f, app, rita, at (f, 2026, 12, 9, 15, 0));
  after = app_reminders (f, app);
  moved = the_one (f, after, JT_RULE_APPLICATION_FOLLOW_UP, rita);
  g_assert_cmpint (moved->id, ==, old->id);
  g_assert_cmpstr (moved->uid, ==, old->uid);
  g_assert_cmpint (moved->revision, ==, old->revision + 1);
  assert_due (f, moved->due_at, 2026, 12, 16, 10, 0);
}

static void
test_application_follow_up_gone_once_interview_logged (Fixture *f, gconstpointer data)
{
  const char *raj[] = { "Raj Patel", NULL };
  gint64 rita;
  gint64 app = sent_application (f, &rita);
  g_autoptr (GPtrArray) before = app_reminders (f, app);
  g_autoptr (GPtrArray) after = NULL;
  Logged logged;

  g_assert_cmpuint (count_rule (before, JT_RULE_APPLICATION_FOLLOW_UP), ==, 1);
  logged = log_interview (f, &(Meeting){ .company = "Globex",
                                         .people = raj,
                                         .kind = JT_INTERVIEW_PHONE,
                                         .start = at (f, 2026, 12, 9, 10, 0) });
  g_assert_cmpint (logged.app, ==, app);
  after = app_reminders (f, app);
  g_assert_cmpuint (count_rule (after, JT_RULE_APPLICATION_FOLLOW_UP), ==, 0);
}

/* ---- R12 closing date ---------------------------------------------------------------- */

/* A lead at Hooli whose saved posting closes at `closes` (a day alone when `is_day`). */
static gint64
lead_with_posting (Fixture *f, gint64 closes, gboolean is_day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtSavedPosting) posting = jt_saved_posting_new ();
  gint64 app = add_application (f, "Hooli", JT_STATUS_LEAD, NOW);
  JtTransaction *txn = begin (f, NOW);

  posting->application_id = app;
  posting->source = g_strdup ("json-ld");
  posting->title = g_strdup ("Data Engineer");
  posting->closes_at = closes;
  posting->closes_on_day = is_day;
  posting->captured_at = NOW;
  g_assert_true (jt_store_posting_save (f->store, posting, &error));
  g_assert_no_error (error);
  commit (txn);
  return app;
}

static void
test_closing_date_two_business_days_before (Fixture *f, gconstpointer data)
{
  /* Closing on Friday 18 December at 23:59: due Wednesday 16th at the call hour. */
  gint64 app = lead_with_posting (f, at (f, 2026, 12, 18, 23, 59), FALSE);
  g_autoptr (GPtrArray) list = app_reminders (f, app);
  JtReminder *apply = the_one (f, list, JT_RULE_CLOSING_DATE, 0);

  assert_due (f, apply->due_at, 2026, 12, 16, 10, 0);
  g_assert_cmpstr (apply->title, ==, "Apply before the posting closes — Hooli, SRE");
  g_assert_nonnull (strstr (apply->detail, "closes on 2026-12-18"));
}

static void
test_closing_date_counts_back_over_the_weekend (Fixture *f, gconstpointer data)
{
  /* Closing on Tuesday 15 December (a day alone: 00:00 UTC that day): Monday 14th is one
   * business day before, Friday 11th two; in New York 00:00 UTC is still Monday, which
   * must not count. */
  g_autoptr (GDateTime) day = g_date_time_new_utc (2026, 12, 15, 0, 0, 0);
  gint64 app = lead_with_posting (f, g_date_time_to_unix (day), TRUE);
  g_autoptr (GPtrArray) list = app_reminders (f, app);
  JtReminder *apply = the_one (f, list, JT_RULE_CLOSING_DATE, 0);

  assert_due (f, apply->due_at, 2026, 12, 11, 10, 0);
  g_assert_nonnull (strstr (apply->detail, "closes on 2026-12-15"));
}

static void
test_closing_date_gone_once_applied (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 app = lead_with_posting (f, at (f, 2026, 12, 18, 17, 0), FALSE);
  g_autoptr (GPtrArray) before = app_reminders (f, app);
  g_autoptr (GPtrArray) after = NULL;
  JtTransaction *txn;

  g_assert_cmpuint (count_rule (before, JT_RULE_CLOSING_DATE), ==, 1);
  txn = begin (f, NOW + DAY);
  g_assert_true (
      jt_store_application_set_status (f->store, app, JT_STATUS_APPLIED, NOW + DAY, &error));
  g_assert_no_error (error);
  commit (txn);
  after = app_reminders (f, app);
  g_assert_cmpuint (count_rule (after, JT_RULE_CLOSING_DATE), ==, 0);
}

static void
test_closing_date_needs_a_closing_date_and_the_switch (Fixture *f, gconstpointer data)
{
  gint64 open_ended = lead_with_posting (f, 0, FALSE);
  g_autoptr (GPtrArray) none = app_reminders (f, open_ended);
  g_autoptr (GPtrArray) off = NULL;
  gint64 app;

  g_assert_cmpuint (count_rule (none, JT_RULE_CLOSING_DATE), ==, 0);
  f->config->rule_enabled[JT_RULE_CLOSING_DATE] = FALSE;
  reopen (f, NULL, NOW);
  app = lead_with_posting (f, at (f, 2026, 12, 18, 17, 0), FALSE);
  off = app_reminders (f, app);
  g_assert_cmpuint (count_rule (off, JT_RULE_CLOSING_DATE), ==, 0);
}

static void
test_closing_date_days_setting (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) list = NULL;
  gint64 app;

  /* Five business days before Friday 18th is Friday 11th. */
  f->config->closing_date_days = 5;
  reopen (f, NULL, NOW);
  app = lead_with_posting (f, at (f, 2026, 12, 18, 17, 0), FALSE);
  list = app_reminders (f, app);
  assert_due (f, the_one (f, list, JT_RULE_CLOSING_DATE, 0)->due_at, 2026, 12, 11, 10, 0);
}

/* ---- Idempotency --------------------------------------------------------------------- */

typedef struct
{
  Logged globex;
  gint64 initech;
  gint64 hooli;
  gint64 nia;
} Everything;

/* A search with every kind of reminder: interviews, a decision date, a competing offer,
 * a rejection, a network contact and a silent application. */
static Everything
build_everything (Fixture *f)
{
  const char *bo[] = { "Bo Chen", NULL };
  Everything e;

  e.globex = globex_interview (f, "2026-12-18");
  e.initech = add_application (f, "Initech", JT_STATUS_INTERVIEWING, NOW);
  add_offer (f, e.initech, "2026-12-02", "2026-12-14", at (f, 2026, 12, 2, 11, 0));
  e.hooli = log_interview (f, &(Meeting){ .company = "Hooli",
                                          .people = bo,
                                          .kind = JT_INTERVIEW_FINAL,
                                          .start = at (f, 2026, 12, 2, 10, 0) })
                .app;
  add_outcome (f, e.hooli, JT_OUTCOME_REJECTED, at (f, 2026, 12, 3, 9, 0));
  e.nia = add_contact (f, "Nia Brooks", 0, TRUE, NOW);
  add_application (f, "Umbrella", JT_STATUS_APPLIED, NOW);
  return e;
}

static void
test_derive_twice_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JtTransaction *txn;

  build_everything (f);
  before = snapshot (f);
  /* R1, R2 x2, R3, R4 (Globex), R9 x2 (Initech), R6, R8 (Hooli), R10, R11 (Umbrella). */
  g_assert_cmpuint (count_lines (before), >=, 11);
  txn = begin (f, at (f, 2026, 12, 20, 9, 0));
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  commit (txn);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_no_op_write_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Everything e = build_everything (f);
  gint64 later = at (f, 2026, 12, 20, 9, 0);
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtContact) raj = NULL;
  JtTransaction *txn;

  before = snapshot (f);
  /* Saving records unchanged re-derives them. */
  txn = begin (f, later);
  app = jt_store_application_get (f->store, e.globex.app, &error);
  g_assert_no_error (error);
  g_assert_true (jt_store_application_update (f->store, app, later, &error));
  raj = jt_store_contact_get (f->store, e.globex.people[0], &error);
  g_assert_no_error (error);
  g_assert_true (jt_store_contact_update (f->store, raj, later, &error));
  g_assert_no_error (error);
  commit (txn);
  /* And a transaction that writes nothing. */
  commit (begin (f, later));
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_uids_stable_across_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected_uid = NULL;
  g_autoptr (GPtrArray) list = NULL;
  Everything e = build_everything (f);
  JtTransaction *txn;

  before = snapshot (f);
  reopen (f, NULL, at (f, 2027, 1, 5, 9, 0));
  txn = begin (f, at (f, 2027, 1, 5, 9, 0));
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  commit (txn);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* The uid is a function of the reminder's keys, not of the row. */
  list = app_reminders (f, e.globex.app);
  expected_uid
      = jt_rules_make_uid (JT_RULE_FOLLOW_UP_CALL, e.globex.app, e.globex.people[0], 0, NULL);
  g_assert_cmpstr (the_one (f, list, JT_RULE_FOLLOW_UP_CALL, e.globex.people[0])->uid, ==,
                   expected_uid);
}

/* ---- Settings changes ---------------------------------------------------------------- */

/* Switching a rule off: the next write removes its pending reminders; one already done
 * stays as it was. */
static void
test_switching_rule_off_removes_pending (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *raj = the_one (f, before, JT_RULE_THANK_YOU, logged.people[0]);

  set_reminder_state (f, raj->id, JT_REMINDER_DONE, 0, at (f, 2026, 11, 30, 15, 0));
  f->config->rule_enabled[JT_RULE_THANK_YOU] = FALSE;
  reopen (f, NULL, at (f, 2026, 12, 1, 9, 0));
  add_contact (f, "Zed Unrelated", 0, FALSE, at (f, 2026, 12, 1, 9, 0));
  after = app_reminders (f, logged.app);
  g_assert_cmpuint (count_rule (after, JT_RULE_THANK_YOU), ==, 1);
  g_assert_cmpint (the_one (f, after, JT_RULE_THANK_YOU, logged.people[0])->state, ==,
                   JT_REMINDER_DONE);
  g_assert_cmpuint (count_rule (after, JT_RULE_FOLLOW_UP_CALL), ==, 1);
}

/* Moving to another zone: the next write puts the 10:00 call at 10:00 there. */
static void
test_zone_change_moves_call_hour (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  g_autoptr (GPtrArray) after = NULL;
  JtReminder *call = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_autofree char *berlin = show (f, call->due_at);
  g_autofree char *new_york = NULL;
  JtReminder *moved;

  g_assert_cmpstr (berlin, ==, "2026-12-10 10:00 +01:00 Thu");
  reopen (f, "America/New_York", NOW + DAY);
  add_contact (f, "Zed Unrelated", 0, FALSE, NOW + DAY);
  after = app_reminders (f, logged.app);
  moved = the_one (f, after, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  new_york = show (f, moved->due_at);
  g_assert_cmpstr (new_york, ==, "2026-12-10 10:00 -05:00 Thu");
  g_assert_cmpint (moved->id, ==, call->id);
  g_assert_cmpstr (moved->uid, ==, call->uid);
  g_assert_cmpint (moved->revision, ==, call->revision + 1);
}

/* Moves the follow-up `id` behind the rules' back, as a store closed in between would
 * hold it: a full derivation puts the rules' own due time back, a partial one (of other
 * applications) leaves it. The rules store facts, so a fact is what is changed. */
static void
move_behind_rules (Fixture *f, gint64 id, gint64 due_at)
{
  sqlite3 *db = NULL;
  char *sql = sqlite3_mprintf ("UPDATE reminders SET due_at = %lld WHERE id = %lld",
                               (long long) due_at, (long long) id);

  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  sqlite3_free (sql);
}

static gint64
due_of (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtReminder) reminder = jt_store_reminder_get (f->store, id, &error);

  g_assert_no_error (error);
  return reminder->due_at;
}

/* A due time no rule gives: a minute past the call hour, a year on. */
#define MOVED_BEHIND (NOW + 365 * DAY + 60)

/* Another name of the same zone (its file's path; "UTC" and "Etc/UTC") changes no time,
 * so it derives nothing again; another zone does. */
static void
test_zone_alias_derives_nothing (Fixture *f, gconstpointer data)
{
  const char *zone = data;
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  JtReminder *call = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_autofree char *path = g_build_filename ("/usr/share/zoneinfo", zone, NULL);

  move_behind_rules (f, call->id, MOVED_BEHIND);
  reopen (f, path, NOW + DAY);
  g_assert_cmpstr (g_time_zone_get_identifier (f->tz), ==, path);
  add_contact (f, "Zed Unrelated", 0, FALSE, NOW + DAY);
  g_assert_cmpint (due_of (f, call->id), ==, MOVED_BEHIND);

  /* Another zone: derived again, the call is back at the call hour, there. */
  reopen (f, "Asia/Kolkata", NOW + DAY);
  add_contact (f, "Zoe Unrelated", 0, FALSE, NOW + DAY);
  g_assert_cmpint (due_of (f, call->id), !=, MOVED_BEHIND);
  assert_due (f, due_of (f, call->id), 2026, 12, 10, 10, 0);
}

/* A database whose fingerprint names the zone, as earlier versions wrote it, takes the
 * new fingerprint at its next write without deriving everything again. */
static void
test_fingerprint_by_name_upgraded_quietly (Fixture *f, gconstpointer data)
{
  Logged logged = globex_interview (f, "2026-12-09");
  g_autoptr (GPtrArray) before = app_reminders (f, logged.app);
  JtReminder *call = the_one (f, before, JT_RULE_FOLLOW_UP_CALL, logged.people[0]);
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *old_style = NULL;
  char *sql;
  sqlite3 *db = NULL;

  stored = jt_store_get_setting (f->store, "rules-fingerprint", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, "zone-"));
  /* The settings part is the same; the zone was its identifier. */
  old_style = g_strconcat (g_time_zone_get_identifier (f->tz), strchr (stored, ';'), NULL);
  move_behind_rules (f, call->id, MOVED_BEHIND);
  sql = sqlite3_mprintf ("UPDATE settings SET value = %Q WHERE key = 'rules-fingerprint'",
                         old_style);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  sqlite3_free (sql);

  reopen (f, NULL, NOW + DAY);
  add_contact (f, "Zed Unrelated", 0, FALSE, NOW + DAY);
  g_assert_cmpint (due_of (f, call->id), ==, MOVED_BEHIND);
  g_clear_pointer (&stored, g_free);
  stored = jt_store_get_setting (f->store, "rules-fingerprint", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, "zone-"));
}

/* ---- Words and the upgrade from stored English ------------------------------------ */

/* Every follow-up, rendered, with its facts: one line each. New string. */
static char *
every_reminder (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_reminder_free);
  GString *text = g_string_new (NULL);

  g_assert_true (jt_store_reminder_foreach (f->store, TRUE, collect_reminder, all, &error));
  g_assert_no_error (error);
  jt_reminder_text_render_all (all, f->config);
  for (guint i = 0; i < all->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (all, i);
      g_autofree char *line = describe (f, r);

      g_string_append_printf (
          text, "%s offer=%" G_GINT64_FORMAT " since=%s text=%" G_GINT64_FORMAT "\n  %s\n", line,
          r->offer_id, r->since_day != NULL ? r->since_day : "-", r->text_updated_at,
          r->detail != NULL ? r->detail : "-");
    }
  return g_string_free (text, FALSE);
}

/* The words of each rule, as the agenda and the calendar show them. */
static void
test_words_of_each_rule (Fixture *f, gconstpointer data)
{
  Everything e = build_everything (f);
  g_autoptr (GPtrArray) globex = app_reminders (f, e.globex.app);
  g_autoptr (GPtrArray) initech = app_reminders (f, e.initech);
  g_autoptr (GPtrArray) hooli = app_reminders (f, e.hooli);

  g_autoptr (GPtrArray) nia = network_reminders (f, e.nia);
  JtReminder *r;

  r = the_one (f, globex, JT_RULE_THANK_YOU, e.globex.people[0]);
  g_assert_cmpstr (r->title, ==, "Thank-you letter to Raj Patel — Globex, SRE");
  g_assert_cmpstr (r->detail, ==,
                   "You met Raj Patel, CTO at the onsite interview on 2026-11-30.\n"
                   "Reach Raj Patel: raj@globex.example.");
  r = the_one (f, globex, JT_RULE_SUMMARY, 0);
  g_assert_cmpstr (r->title, ==, "Write the summary of the onsite interview — Globex, SRE");
  r = the_one (f, globex, JT_RULE_FOLLOW_UP_CALL, e.globex.people[0]);
  g_assert_cmpstr (r->title, ==, "Call Raj Patel about the decision — Globex, SRE");
  g_assert_cmpstr (r->detail, ==,
                   "They planned to decide by 2026-12-18; ask where things stand.\n"
                   "Reach Raj Patel: raj@globex.example.");
  r = the_one (f, globex, JT_RULE_BRING_FORWARD, e.globex.people[0]);
  g_assert_cmpstr (r->title, ==,
                   "Ask Raj Patel to decide sooner: an offer expires 2026-12-14 — Globex, SRE");
  g_assert_cmpstr (r->detail, ==,
                   "Initech has offered you a job and wants an answer by 2026-12-14; Globex "
                   "plans to decide on 2026-12-18. Ask whether the decision can come sooner.\n"
                   "Reach Raj Patel: raj@globex.example.");
  r = the_one (f, initech, JT_RULE_OFFER_DEADLINE, 0);
  g_assert_cmpstr (r->title, ==, "Last call before the offer deadline 2026-12-14 — Initech, SRE");
  g_assert_cmpstr (r->detail, ==, "The offer must be answered by 2026-12-14.");
  r = the_one (f, initech, JT_RULE_OFFER_NEGOTIATION, 0);
  g_assert_cmpstr (r->title, ==, "Negotiate the offer with Initech — Initech, SRE");
  r = NULL;
  for (guint i = 0; i < hooli->len; i++)
    if (((JtReminder *) g_ptr_array_index (hooli, i))->rule == JT_RULE_RECONTACT)
      r = g_ptr_array_index (hooli, i);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->title, ==, "5-month re-contact: call Bo Chen — Hooli, SRE");
  g_assert_cmpstr (r->detail, ==,
                   "You were turned down on 2026-12-03. The person hired may have left or not "
                   "worked out: ask whether the role, or another one, is open.");
  r = the_one (f, nia, JT_RULE_NETWORK_UPDATE, e.nia);
  g_assert_cmpstr (r->title, ==, "Send Nia Brooks an update");

  /* The settings are part of the words: another re-contact delay, another title. */
  f->config->recontact_months = 6;
  for (guint i = 0; i < hooli->len; i++)
    {
      JtReminder *again = g_ptr_array_index (hooli, i);

      jt_reminder_text_render (again, f->config);
      if (again->rule == JT_RULE_RECONTACT)
        g_assert_cmpstr (again->title, ==, "6-month re-contact: call Bo Chen — Hooli, SRE");
    }
  f->config->recontact_months = 5;
}

/* A database of schema 7 held each follow-up's English. Upgraded, it keeps every one,
 * done and dismissed too, with the facts that English cited, and shows the same words;
 * deriving again afterwards changes nothing. */
static void
test_upgrade_from_stored_english (Fixture *f, gconstpointer data)
{
  Everything e = build_everything (f);
  g_autoptr (GPtrArray) globex = app_reminders (f, e.globex.app);
  g_autoptr (GPtrArray) initech = app_reminders (f, e.initech);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_reminder_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *upgraded = NULL;
  g_autofree char *derived = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  JtTransaction *txn;

  set_reminder_state (f, the_one (f, globex, JT_RULE_THANK_YOU, e.globex.people[1])->id,
                      JT_REMINDER_DONE, 0, at (f, 2026, 12, 1, 9, 0));
  set_reminder_state (f, the_one (f, initech, JT_RULE_OFFER_DEADLINE, 0)->id, JT_REMINDER_DISMISSED,
                      0, at (f, 2026, 12, 3, 9, 0));
  before = every_reminder (f);

  /* Schema 7: the words in the row, no offer or day of their own. */
  g_assert_true (jt_store_reminder_foreach (f->store, TRUE, collect_reminder, all, &error));
  g_assert_no_error (error);
  jt_reminder_text_render_all (all, f->config);
  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "UPDATE reminders SET title = ?, detail = ? WHERE id = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < all->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (all, i);

      sqlite3_bind_text (stmt, 1, r->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, r->detail, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, r->id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, JT_TEST_UNDO_SCHEMA_8, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reopen (f, NULL, at (f, 2026, 12, 4, 9, 0));
  g_assert_cmpuint (jt_store_get_schema_version (f->store), ==, jt_store_known_schema_version ());
  upgraded = every_reminder (f);
  g_assert_cmpstr (upgraded, ==, before);

  txn = begin (f, at (f, 2026, 12, 4, 9, 0));
  g_assert_true (jt_rules_derive_everything (f->rules, f->store, &error));
  g_assert_no_error (error);
  commit (txn);
  derived = every_reminder (f);
  g_assert_cmpstr (derived, ==, before);
}

/* ---- Quiet ------------------------------------------------------------------------- */

static gboolean
quiet_at (Fixture *f, gint64 app_id, gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtApplication) app = jt_store_application_get (f->store, app_id, &error);

  g_assert_no_error (error);
  jt_rules_set_now (f->rules, now);
  return jt_rules_application_is_quiet (f->rules, app);
}

static void
test_quiet_after_21_days (Fixture *f, gconstpointer data)
{
  gint64 app = add_application (f, "Globex", JT_STATUS_APPLIED, NOW);

  g_assert_false (quiet_at (f, app, NOW + 20 * DAY));
  g_assert_true (quiet_at (f, app, NOW + 21 * DAY));
}

static void
test_quiet_not_after_touch (Fixture *f, gconstpointer data)
{
  gint64 app = add_application (f, "Globex", JT_STATUS_APPLIED, NOW);

  add_touch (f, app, 0, NOW + 10 * DAY);
  g_assert_false (quiet_at (f, app, NOW + 21 * DAY));
  g_assert_false (quiet_at (f, app, NOW + 30 * DAY));
  g_assert_true (quiet_at (f, app, NOW + 31 * DAY));
}

static void
test_quiet_never_when_rejected (Fixture *f, gconstpointer data)
{
  gint64 app = add_application (f, "Globex", JT_STATUS_APPLIED, NOW);

  add_outcome (f, app, JT_OUTCOME_REJECTED, NOW + 3600);
  g_assert_false (quiet_at (f, app, NOW + 60 * DAY));
}

/* ---- The ends of the calendar -------------------------------------------------------- */

/* An interview logged at the very end of year 9999 (a typo, or an invitation) and a
 * rejection at the start of year 1: nothing is derived outside the dates a zone can show,
 * and GLib is never asked for one (a critical would abort this test). */
static void
test_ends_of_the_calendar (Fixture *f, gconstpointer data)
{
  Logged late = log_interview (f, &(Meeting){ .company = "Globex",
                                              .people = raj_and_ana,
                                              .decision_maker = "Raj Patel",
                                              .start = at (f, 9999, 12, 31, 20, 0),
                                              .recorded = at (f, 2026, 12, 1, 9, 0) });
  Logged early = log_interview (f, &(Meeting){ .company = "Initech",
                                               .people = raj_and_ana,
                                               .start = at (f, 1, 1, 2, 10, 0),
                                               .recorded = at (f, 2026, 12, 1, 9, 0) });
  gint64 apps[] = { late.app, early.app };

  add_outcome (f, early.app, JT_OUTCOME_REJECTED, at (f, 1, 1, 3, 10, 0));
  for (guint a = 0; a < G_N_ELEMENTS (apps); a++)
    {
      g_autoptr (GPtrArray) list = app_reminders (f, apps[a]);

      for (guint i = 0; i < list->len; i++)
        {
          const JtReminder *r = g_ptr_array_index (list, i);
          g_autofree char *due = jt_time_format_human (r->due_at, f->tz);

          g_assert_nonnull (due);
          g_assert_cmpint (r->due_at, !=, 0);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD_ZONES(name, func)                                                                      \
  for (guint z_ = 0; z_ < G_N_ELEMENTS (zones); z_++)                                              \
    {                                                                                              \
      g_autofree char *path_ = g_strdup_printf ("/rules/%s/%s", name, zones[z_]);                  \
      g_test_add (path_, Fixture, zones[z_], fixture_set_up, func, fixture_tear_down);             \
    }

  ADD_ZONES ("summary/due-at-interview-end", test_summary_due_at_interview_end);
  JT_TEST_ADD ("/rules/summary/gone-once-notes-written", test_summary_gone_once_notes_written);
  ADD_ZONES ("thank-you/one-per-person-at-end-plus-3h",
             test_thank_you_one_per_person_at_end_plus_3h);
  JT_TEST_ADD ("/rules/thank-you/switched-off-produces-nothing", test_thank_you_switched_off);
  ADD_ZONES ("follow-up-call/day-after-decision-date", test_follow_up_call_day_after_decision_date);
  ADD_ZONES ("follow-up-call/friday-decision-moves-to-monday",
             test_follow_up_call_friday_decision_moves_to_monday);
  ADD_ZONES ("follow-up-call/no-date-last-interview-plus-7-business",
             test_follow_up_call_no_date_last_interview_plus_7);
  JT_TEST_ADD ("/rules/follow-up-call/to-decision-maker-only",
               test_follow_up_call_to_decision_maker_only);
  JT_TEST_ADD ("/rules/follow-up-call/to-each-interviewer-without-decision-maker",
               test_follow_up_call_to_each_interviewer_without_decision_maker);
  JT_TEST_ADD ("/rules/follow-up-call/cancelled-by-offer", test_follow_up_call_cancelled_by_offer);
  JT_TEST_ADD ("/rules/follow-up-call/cancelled-by-rejection",
               test_follow_up_call_cancelled_by_rejection);
  JT_TEST_ADD ("/rules/follow-up-call/acceptance-cancels-other-applications",
               test_follow_up_call_acceptance_cancels_other_applications);
  JT_TEST_ADD ("/rules/follow-up-call/moves-with-decision-date",
               test_follow_up_call_moves_with_decision_date);
  JT_TEST_ADD ("/rules/revision/one-more-when-interviewer-renamed",
               test_rename_rewords_one_revision_more);
  JT_TEST_ADD ("/rules/state/done-never-comes-back", test_done_never_comes_back);
  JT_TEST_ADD ("/rules/state/dismissed-never-comes-back", test_dismissed_never_comes_back);
  JT_TEST_ADD ("/rules/state/snooze-kept-when-due-moves", test_snooze_kept_when_due_moves);
  ADD_ZONES ("bring-forward/next-business-morning", test_bring_forward_next_business_morning);
  ADD_ZONES ("bring-forward/no-later-than-3-days-before-deadline",
             test_bring_forward_no_later_than_3_days_before_deadline);
  ADD_ZONES ("bring-forward/two-offers-one-call-at-sooner",
             test_bring_forward_two_offers_one_call_at_sooner);
  JT_TEST_ADD ("/rules/bring-forward/not-when-deadline-not-before-decision",
               test_bring_forward_not_when_deadline_not_before_decision);
  JT_TEST_ADD ("/rules/bring-forward/cancelled-by-outcome-of-b",
               test_bring_forward_cancelled_by_outcome_of_b);
  JT_TEST_ADD ("/rules/bring-forward/cancelled-when-offer-settled",
               test_bring_forward_cancelled_when_offer_settled);
  ADD_ZONES ("brief-references/one-per-reference-next-business-day",
             test_brief_references_one_per_reference_next_business_day);
  ADD_ZONES ("rejection-letter/one-per-contact-next-day-even-sunday",
             test_rejection_letter_one_per_contact_next_day);
  ADD_ZONES ("rapport-call/hit-it-off-after-7-business", test_rapport_call_hit_it_off_after_7_days);
  ADD_ZONES ("recontact/jan-31-to-jun-30", test_recontact_jan_31_to_jun_30);
  ADD_ZONES ("recontact/sep-30-2027-to-feb-29-2028", test_recontact_sep_30_to_feb_29);
  ADD_ZONES ("recontact/saturday-not-moved", test_recontact_weekend_not_moved);
  JT_TEST_ADD ("/rules/recontact/decision-maker-else-hr-else-anyone",
               test_recontact_decision_maker_else_hr_else_anyone);
  JT_TEST_ADD ("/rules/calendar-ends/nothing-outside-years-1-to-9999", test_ends_of_the_calendar);
  JT_TEST_ADD ("/rules/recontact/switched-off-produces-nothing", test_recontact_switched_off);
  ADD_ZONES ("offer/negotiation-and-last-call", test_offer_negotiation_and_last_call);
  JT_TEST_ADD ("/rules/offer/gone-when-accepted", test_offer_reminders_gone_when_accepted);
  JT_TEST_ADD ("/rules/offer/gone-when-declined", test_offer_reminders_gone_when_declined);
  ADD_ZONES ("network/every-90-days-from-last-touch", test_network_every_90_days_from_last_touch);
  JT_TEST_ADD ("/rules/network/done-stays-done-and-touch-makes-new",
               test_network_done_stays_done_and_touch_makes_new);
  ADD_ZONES ("network/told-of-acceptance-next-business-day", test_network_told_of_acceptance);
  ADD_ZONES ("application-follow-up/day-7-business", test_application_follow_up_day_7);
  ADD_ZONES ("closing-date/two-business-days-before", test_closing_date_two_business_days_before);
  ADD_ZONES ("closing-date/counts-back-over-the-weekend",
             test_closing_date_counts_back_over_the_weekend);
  JT_TEST_ADD ("/rules/closing-date/gone-once-applied", test_closing_date_gone_once_applied);
  JT_TEST_ADD ("/rules/closing-date/needs-a-closing-date-and-the-switch",
               test_closing_date_needs_a_closing_date_and_the_switch);
  JT_TEST_ADD ("/rules/closing-date/days-setting", test_closing_date_days_setting);
  ADD_ZONES ("application-follow-up/moves-with-touch", test_application_follow_up_moves_with_touch);
  JT_TEST_ADD ("/rules/application-follow-up/gone-once-interview-logged",
               test_application_follow_up_gone_once_interview_logged);
  JT_TEST_ADD ("/rules/idempotency/derive-twice-changes-nothing",
               test_derive_twice_changes_nothing);
  JT_TEST_ADD ("/rules/idempotency/no-op-write-changes-nothing", test_no_op_write_changes_nothing);
  JT_TEST_ADD ("/rules/idempotency/uids-stable-across-reopen", test_uids_stable_across_reopen);
  JT_TEST_ADD ("/rules/settings/switching-rule-off-removes-pending",
               test_switching_rule_off_removes_pending);
  JT_TEST_ADD ("/rules/settings/zone-change-moves-call-hour", test_zone_change_moves_call_hour);
  ADD_ZONES ("settings/zone-alias-derives-nothing", test_zone_alias_derives_nothing);
  JT_TEST_ADD ("/rules/settings/fingerprint-by-name-upgraded-quietly",
               test_fingerprint_by_name_upgraded_quietly);
  JT_TEST_ADD ("/rules/words/each-rule", test_words_of_each_rule);
  JT_TEST_ADD ("/rules/upgrade/from-stored-english", test_upgrade_from_stored_english);
  JT_TEST_ADD ("/rules/quiet/after-21-days", test_quiet_after_21_days);
  JT_TEST_ADD ("/rules/quiet/not-after-touch", test_quiet_not_after_touch);
  JT_TEST_ADD ("/rules/quiet/never-when-rejected", test_quiet_never_when_rejected);
#undef ADD_ZONES
  return g_test_run ();
}
