/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-letter.c: letter drafts built from the records (jt-letter.h).
 *
 * Golden files in tests/letters/ hold each kind's draft from a fixed set of records,
 * once with every fact present and once with every fact missing (the gaps show). Run
 * with JT_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then read the diff.
 * The other tests check what a person relies on: the promised call is the follow-up
 * call reminder's day, the mailto: URI survives any text, and a broken template says
 * where it is broken; the template engine is tested on its own, with fields of its own.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "jt-config.h"
#include "jt-error.h"
#include "jt-interview-log.h"
#include "jt-letter.h"
#include "jt-rules.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-reminders.h"
#include "jt-store-skills.h"
#include "jt-template.h"
#include "jt-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *letters_dir; /* $XDG_CONFIG_HOME/jobtrack/letters */
  GTimeZone *tz;
  JtConfig *config; /* every setting at its default: no sender */
  JtConfig *sender; /* [user] name, email and phone set */
  JtStore *store;
  JtRules *rules;
  gint64 now;
  gint64 app_id; /* Globex: every fact known */
  gint64 raj_id; /* the decision-maker met there */
  gint64 interview_id;
  gint64 empty_app_id; /* Acme: nothing known but the company */
  gint64 sam_id;       /* a contact known by name alone */
} Fixture;

typedef struct
{
  JtLetterKind kind;
  JtLetterTone tone;
  gboolean everything; /* the records with every fact, or with none */
} GoldenCase;

static gint64
local_time (GTimeZone *tz, int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A config.ini of `text`, read as the programs read it. New config. */
static JtConfig *
load_config (Fixture *f, const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, "config.ini", NULL);
  g_autoptr (GError) error = NULL;
  JtConfig *config;

  write_text (path, text);
  config = jt_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

/* Globex, Site Reliability Engineer: an interview with Raj Patel (CTO, decision-maker)
 * on Tuesday 1 December 2026 10:00 with every assessment answer, a decision date of
 * Friday 4 December, five skills, and another application (Initech) whose open offer
 * must be answered by Thursday 3 December. */
static void
record_everything (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autoptr (JtApplication) initech = jt_application_new ();
  g_autoptr (JtOffer) offer = jt_offer_new ();
  g_autoptr (JtTransaction) txn = NULL;
  const char *const skills[]
      = { "incident response", "Kubernetes", "Go", "PostgreSQL tuning", "on-call design", NULL };

  log->company = g_strdup ("Globex");
  log->role = g_strdup ("Site Reliability Engineer");
  g_ptr_array_add (log->people, jt_person_parse ("Raj Patel <raj@globex.example>, CTO", &error));
  g_assert_no_error (error);
  log->decision_maker = g_strdup ("Raj Patel");
  log->decision_date = g_strdup ("2026-12-04");
  log->interview->start_at = local_time (f->tz, 2026, 12, 1, 10, 0);
  log->interview->duration_min = 60;
  log->interview->kind = JT_INTERVIEW_ONSITE;
  log->interview->conversation = g_strdup ("how they moved billing to Kubernetes");
  log->interview->edge = g_strdup ("I led the same migration at Initech, without downtime.");
  log->interview->problems
      = g_strdup ("nightly outages in the billing pipeline; I would start with its alerting");
  log->interview->objections = g_strdup ("no Go in production yet");
  log->interview->next_step = g_strdup ("a panel with the team on 8 December");
  log->interview->notes = g_strdup ("Went well.");
  g_assert_true (jt_interview_log_record (f->store, log, f->now, &result, &error));
  g_assert_no_error (error);
  f->app_id = result.application->id;
  f->raj_id = ((JtContact *) g_ptr_array_index (result.contacts, 0))->id;
  f->interview_id = result.interview_id;

  txn = jt_store_begin_write (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (jt_store_application_set_skills (f->store, f->app_id, skills, f->now, &error));
  initech->company = g_strdup ("Initech");
  g_free (initech->role);
  initech->role = g_strdup ("Platform Engineer");
  initech->status = JT_STATUS_OFFER;
  g_assert_true (jt_store_application_insert (f->store, initech, f->now, &error));
  offer->application_id = initech->id;
  offer->received_on = g_strdup ("2026-11-30");
  offer->deadline = g_strdup ("2026-12-03");
  g_assert_true (jt_store_offer_insert (f->store, offer, f->now, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
}

/* Acme, no role, no interview, no decision date; Sam, no title and no address. */
static void
record_nothing (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtContact) sam = jt_contact_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);

  g_assert_no_error (error);
  app->company = g_strdup ("Acme");
  g_assert_true (jt_store_application_insert (f->store, app, f->now, &error));
  sam->name = g_strdup ("Sam");
  g_assert_true (jt_store_contact_insert (f->store, sam, f->now, &error));
  g_assert_true (jt_store_application_link_contact (f->store, app->id, sam->id, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  f->empty_app_id = app->id;
  f->sam_id = sam->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *config_home = NULL;

  f->dir = g_dir_make_tmp ("jt-letter-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  config_home = g_build_filename (f->dir, "config", NULL);
  f->letters_dir = g_build_filename (config_home, "jobtrack", "letters", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->letters_dir, 0700), ==, 0);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  /* Dates are written in local time: the drafts read the same in every zone. */
  f->tz = g_time_zone_new_identifier (
      g_getenv ("TZ") != NULL && *g_getenv ("TZ") != '\0' ? g_getenv ("TZ") : "Europe/Berlin");
  g_assert_nonnull (f->tz);
  f->now = local_time (f->tz, 2026, 12, 1, 16, 0);
  f->config = jt_config_new_default ();
  f->sender = load_config (f, "[user]\nname = Ann Lee\nemail = ann@example.com\n"
                              "phone = +49 30 1234 5678\n");
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  f->rules = jt_rules_new (f->config, f->tz, f->now);
  jt_rules_attach (f->rules, f->store);
  /* The golden "empty" letters come from a file holding nothing else. */
  if (data == NULL || ((const GoldenCase *) data)->everything)
    record_everything (f);
  record_nothing (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_clear_pointer (&f->config, jt_config_free);
  g_clear_pointer (&f->sender, jt_config_free);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->letters_dir);
}

static char *
build_text (Fixture *f, const JtLetterRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtLetter) letter = jt_letter_build (f->store, request, f->tz, &error);

  g_assert_no_error (error);
  g_assert_nonnull (letter);
  return jt_letter_to_text (letter);
}

/* ---- Golden files ----------------------------------------------------------------- */

static void
accept_globex (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);

  outcome->application_id = f->app_id;
  outcome->kind = JT_OUTCOME_ACCEPTED;
  outcome->occurred_at = f->now;
  g_assert_true (jt_store_outcome_insert (f->store, outcome, f->now, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
}

static void
test_golden (Fixture *f, gconstpointer data)
{
  const GoldenCase *c = data;
  JtLetterRequest request = { .kind = c->kind, .tone = c->tone, .now = f->now };
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf (
      "%s.%s.%s.txt", jt_letter_kind_to_string (c->kind), c->everything ? "full" : "empty",
      c->tone == JT_LETTER_TONE_FRIENDLY ? "friendly" : "formal");
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "letters", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  /* The news a network update carries is an acceptance. */
  if (c->everything && c->kind == JT_LETTER_NETWORK_UPDATE)
    accept_globex (f);
  request.application_id = c->everything ? f->app_id : f->empty_app_id;
  request.contact_id = c->everything ? f->raj_id : f->sam_id;
  /* the full letters are signed; the empty ones keep "[your name]" */
  request.config = c->everything ? f->sender : f->config;
  text = build_text (f, &request);

  if (g_getenv ("JT_UPDATE_GOLDEN") != NULL)
    write_text (golden, text);
  g_file_get_contents (golden, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);

  /* Gaps show exactly where the records were silent: none when they hold every fact. */
  {
    guint gaps = 0;

    for (const JtLetterField *field = jt_letter_fields (); field->name != NULL; field++)
      if (strstr (text, field->gap) != NULL)
        gaps++;
    if (c->everything)
      g_assert_cmpuint (gaps, ==, 0);
    else
      g_assert_cmpuint (gaps, >, 0);
  }
}

/* The thank-you reminder's own draft is the letter to the person it names about the
 * interview it names. */
static void
test_reminder_draft (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders
      = jt_store_reminder_list_for_application (f->store, f->app_id, &error);
  JtLetterRequest by_reminder = { .kind = JT_LETTER_THANKS, .now = f->now };
  JtLetterRequest by_interview = { .kind = JT_LETTER_THANKS, .now = f->now };
  g_autofree char *one = NULL, *two = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (reminders, i);

      if (r->rule == JT_RULE_THANK_YOU)
        by_reminder.reminder_id = r->id;
    }
  g_assert_cmpint (by_reminder.reminder_id, !=, 0);
  by_interview.interview_id = f->interview_id;
  by_interview.contact_id = f->raj_id;
  one = build_text (f, &by_reminder);
  two = build_text (f, &by_interview);
  g_assert_cmpstr (one, ==, two);
  g_assert_true (g_str_has_prefix (one, "To: Raj Patel <raj@globex.example>\nSubject: "));
}

/* ---- The promised call ------------------------------------------------------------ */

/* The due time of the follow-up call the rules keep for Globex. */
static gint64
follow_up_call_due (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders
      = jt_store_reminder_list_for_application (f->store, f->app_id, &error);
  gint64 due = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (reminders, i);

      if (r->rule == JT_RULE_FOLLOW_UP_CALL)
        {
          g_assert_cmpint (due, ==, 0);
          due = r->due_at;
        }
    }
  g_assert_cmpint (due, !=, 0);
  return due;
}

static void
set_decision_date (Fixture *f, const char *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);
  g_autoptr (JtApplication) app = jt_store_application_get (f->store, f->app_id, &error);

  g_assert_no_error (error);
  g_free (app->decision_date);
  app->decision_date = g_strdup (day);
  g_assert_true (jt_store_application_update (f->store, app, f->now, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
}

/* "if I have not heard by <decision date>, I will call on <day>", the day as the
 * letter writes it. */
static void
assert_promise (Fixture *f, const char *decision_words, const char *call_words)
{
  JtLetterRequest request = { .kind = JT_LETTER_THANKS,
                              .tone = JT_LETTER_TONE_FORMAL,
                              .application_id = f->app_id,
                              .contact_id = f->raj_id,
                              .now = f->now };
  g_autofree char *text = build_text (f, &request);
  g_autofree char *promise = g_strdup_printf (
      "decide by %s; if I have not heard from you by then, I will call you on %s.", decision_words,
      call_words);
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (follow_up_call_due (f));
  g_autoptr (GDateTime) due = g_date_time_to_timezone (utc, f->tz);
  g_autofree char *due_words = g_date_time_format (due, "%A %-d %B");

  g_assert_nonnull (strstr (text, promise));
  /* The very day of the reminder (C locale names: the test runs under LC_ALL=C). */
  g_assert_cmpstr (due_words, ==, call_words);
}

static void
test_promise_follows_decision_date (Fixture *f, gconstpointer data)
{
  /* Friday 4th: the call is the next business day, Monday 7th. */
  assert_promise (f, "Friday 4 December", "Monday 7 December");
  /* Moved to Thursday 10th: the reminder moves to Friday 11th, and so does the letter. */
  set_decision_date (f, "2026-12-10");
  assert_promise (f, "Thursday 10 December", "Friday 11 December");
  set_decision_date (f, "2026-12-18");
  assert_promise (f, "Friday 18 December", "Monday 21 December");
}

/* ---- mailto: ---------------------------------------------------------------------- */

static void
test_mailto_encoding (Fixture *f, gconstpointer data)
{
  JtLetter letter = {
    .to_name = (char *) "Zoë Ångström",
    .to_email = (char *) "zoë+jobs@exämple.org",
    .subject = (char *) "R&D? #1 — 100% sure a=b",
    .body = (char *) "Grüße & thanks?\nLine two: x+y=z #tag\n",
  };
  g_autofree char *uri = jt_letter_to_mailto (&letter);
  g_auto (GStrv) halves = g_strsplit (uri, "?", -1);
  g_auto (GStrv) fields = NULL;
  g_autofree char *to = NULL, *subject = NULL, *body = NULL;

  /* One "?" and one "&": every other one in the text is encoded. */
  g_assert_cmpuint (g_strv_length (halves), ==, 2);
  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  g_assert_null (strchr (uri, '#'));
  g_assert_null (strchr (uri, ' '));
  fields = g_strsplit (halves[1], "&", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_true (g_str_has_prefix (fields[0], "subject="));
  g_assert_true (g_str_has_prefix (fields[1], "body="));
  /* Plain ASCII only, the UTF-8 bytes percent-encoded. */
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_true ((unsigned char) *p < 0x80 && g_ascii_isgraph (*p));
  g_assert_nonnull (strstr (uri, "Gr%C3%BC%C3%9Fe%20%26%20thanks%3F%0D%0ALine"));

  to = g_uri_unescape_string (halves[0] + strlen ("mailto:"), NULL);
  subject = g_uri_unescape_string (fields[0] + strlen ("subject="), NULL);
  body = g_uri_unescape_string (fields[1] + strlen ("body="), NULL);
  g_assert_cmpstr (to, ==, "zoë+jobs@exämple.org");
  g_assert_cmpstr (subject, ==, "R&D? #1 — 100% sure a=b");
  g_assert_cmpstr (body, ==, "Grüße & thanks?\r\nLine two: x+y=z #tag\r\n");

  /* Nobody's address known: an empty "to", which mail clients leave for the person. */
  letter.to_email = NULL;
  g_clear_pointer (&uri, g_free);
  uri = jt_letter_to_mailto (&letter);
  g_assert_true (g_str_has_prefix (uri, "mailto:?subject=R%26D%3F%20%231"));
}

/* ---- Templates -------------------------------------------------------------------- */

static void
test_override_order (Fixture *f, gconstpointer data)
{
  g_autofree char *plain = g_build_filename (f->letters_dir, "thanks.txt", NULL);
  g_autofree char *friendly = g_build_filename (f->letters_dir, "thanks.friendly.txt", NULL);
  JtLetterRequest request = { .kind = JT_LETTER_THANKS,
                              .tone = JT_LETTER_TONE_FORMAL,
                              .application_id = f->app_id,
                              .contact_id = f->raj_id,
                              .now = f->now };
  g_autofree char *text = NULL;

  write_text (plain, "# mine\nSubject: Mine to {name}\n\nHello {first_name} of {company}.\n");
  text = build_text (f, &request);
  g_assert_cmpstr (text, ==,
                   "To: Raj Patel <raj@globex.example>\nSubject: Mine to Raj Patel\n\n"
                   "Hello Raj of Globex.\n");
  /* KIND.txt stands for every tone that has no KIND.TONE.txt of its own... */
  request.tone = JT_LETTER_TONE_FRIENDLY;
  g_clear_pointer (&text, g_free);
  text = build_text (f, &request);
  g_assert_nonnull (strstr (text, "Subject: Mine to Raj Patel"));
  /* ...and KIND.TONE.txt wins for its tone. */
  write_text (friendly, "Subject: Hey {{you}}\n\nHi {first_name}!\n");
  g_clear_pointer (&text, g_free);
  text = build_text (f, &request);
  g_assert_nonnull (strstr (text, "Subject: Hey {you}}\n\nHi Raj!\n"));
}

static void
assert_template_error (Fixture *f, const char *contents, const char *expected)
{
  g_autofree char *path = g_build_filename (f->letters_dir, "follow-up.txt", NULL);
  JtLetterRequest request = {
    .kind = JT_LETTER_FOLLOW_UP, .application_id = f->app_id, .contact_id = f->raj_id, .now = f->now
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtLetter) letter = NULL;
  g_autofree char *message = NULL;

  if (contents != NULL)
    write_text (path, contents);
  letter = jt_letter_build (f->store, &request, f->tz, &error);
  g_assert_null (letter);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  message = g_strdup_printf (expected, path);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_template_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->letters_dir, "follow-up.txt", NULL);

  assert_template_error (f,
                         "# a comment\nSubject: Hi {name}\n\nWe met on {met_on}.\n"
                         "Let us talk about {salary}.\n",
                         "%s:5: unknown field {salary} (the fields are name, first_name, "
                         "title, company, role, meeting, met_on, discussed, problems, edge, "
                         "objections, skills, next_step, decision_date, call_date, "
                         "offer_deadline, news, my_name, my_email, my_phone, signature)");
  assert_template_error (
      f, "Subject: {Name}\n\nx\n",
      "%s:1: unknown field {Name} (the fields "
      "are name, first_name, title, company, role, meeting, met_on, "
      "discussed, problems, edge, objections, skills, next_step, "
      "decision_date, call_date, offer_deadline, news, my_name, my_email, my_phone, "
      "signature)");
  assert_template_error (f, "Subject: x\n\nA { brace\n",
                         "%s:3: '{' starts no field (a field is {name}; write {{ for a brace)");
  assert_template_error (f, "\nDear {name},\n",
                         "%s:2: a letter template starts with a "
                         "'Subject:' line");
  assert_template_error (f, "Subject: ok\n\n\xff\xfe\n",
                         "%s:1: the letter template is not "
                         "UTF-8 text");
  /* A folder where the file should be: unreadable, and said so, not silently skipped. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  {
    JtLetterRequest request = { .kind = JT_LETTER_FOLLOW_UP,
                                .application_id = f->app_id,
                                .contact_id = f->raj_id,
                                .now = f->now };
    g_autoptr (GError) error = NULL;
    g_autoptr (JtLetter) letter = jt_letter_build (f->store, &request, f->tz, &error);
    g_autofree char *prefix = g_strdup_printf ("%s:1: cannot read the letter template: ", path);

    g_assert_null (letter);
    g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
}

/* ---- The sender ------------------------------------------------------------------- */

/* The thank-you letter to Raj signed as `config_text` says: its body, and in `missing`
 * whether it shows "[your name]" for want of a name. New string. */
static char *
signed_body (Fixture *f, const char *config_text, gboolean *missing)
{
  g_autoptr (JtConfig) config = config_text != NULL ? load_config (f, config_text) : NULL;
  JtLetterRequest request = { .kind = JT_LETTER_THANKS,
                              .tone = JT_LETTER_TONE_FORMAL,
                              .now = f->now,
                              .application_id = f->app_id,
                              .contact_id = f->raj_id,
                              .config = config };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtLetter) letter = jt_letter_build (f->store, &request, f->tz, &error);

  g_assert_no_error (error);
  *missing = letter->name_missing;
  return g_strdup (letter->body);
}

static void
assert_closing (Fixture *f, const char *config_text, const char *closing, gboolean missing)
{
  g_autofree char *expected = g_strconcat ("\nYours sincerely,\n", closing, "\n", NULL);
  gboolean shown_missing;
  g_autofree char *body = signed_body (f, config_text, &shown_missing);

  if (!g_str_has_suffix (body, expected))
    g_error ("the letter signed by %s ends:\n%s\nnot:\n%s", config_text,
             body + MAX (0, (gssize) strlen (body) - (gssize) strlen (expected) - 40), expected);
  g_assert_cmpint (shown_missing, ==, missing);
  if (!missing)
    g_assert_null (strstr (body, "[your name]"));
}

static void
test_sender_closing (Fixture *f, gconstpointer data)
{
  /* no config at all, and one without [user]: the gap stays, to be filled in */
  assert_closing (f, NULL, "[your name]", TRUE);
  assert_closing (f, "[rules]\ncall_hour = 9:00\n", "[your name]", TRUE);
  /* the name, then the lines that are set */
  assert_closing (f, "[user]\nname = Ann Lee\n", "Ann Lee", FALSE);
  assert_closing (f, "[user]\nname = Ann Lee\nemail = ann@example.com\nphone = +49 30 1234\n",
                  "Ann Lee\nann@example.com\n+49 30 1234", FALSE);
  assert_closing (f, "[user]\nname = Ann Lee\nphone = +49 30 1234\n", "Ann Lee\n+49 30 1234",
                  FALSE);
  /* a way to reach you but no name: the name is still asked for */
  assert_closing (f, "[user]\nemail = ann@example.com\n", "[your name]\nann@example.com", TRUE);
  /* a signature is the whole closing, lines and all, whatever else is set */
  assert_closing (f,
                  "[user]\nname = Ann Lee\nemail = ann@example.com\n"
                  "signature = Ann Lee\\nSenior SRE\\n\\nann@example.com | +49 30 1234\n",
                  "Ann Lee\nSenior SRE\n\nann@example.com | +49 30 1234", FALSE);
  assert_closing (f, "[user]\nsignature = A. Lee\n", "A. Lee", FALSE);
}

/* What the person typed is text: a name with line breaks, terminal controls, bidi
 * controls and markup signs one plain line; a signature keeps its lines and nothing
 * else; the Subject line stays one line whatever a template puts in it. */
static void
test_sender_hostile (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->letters_dir, "thanks.txt", NULL);
  g_autoptr (JtConfig) config = NULL;
  JtLetterRequest request = { .kind = JT_LETTER_THANKS,
                              .tone = JT_LETTER_TONE_FORMAL,
                              .now = f->now,
                              .application_id = f->app_id,
                              .contact_id = f->raj_id };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtLetter) letter = NULL;
  g_autofree char *text = NULL;

  assert_closing (f,
                  "[user]\nname = Ann\\r\\nBcc: x@evil.example\xc2\x9b"
                  "2J\xe2\x80\xae <script>\n",
                  "Ann Bcc: x@evil.example 2J <script>", FALSE);
  assert_closing (f,
                  "[user]\nsignature = Ann\\r\\n\\tLee\xc2\x9b"
                  "31m\\r\\rRoot\\n\\n\n",
                  "Ann\n Lee 31m\n\nRoot", FALSE);

  write_text (path, "Subject: From {signature} ({my_phone})\n\n{my_name} <{my_email}>\n");
  config = load_config (f, "[user]\nname = Ann Lee\nsignature = Ann\\nLee\n");
  request.config = config;
  letter = jt_letter_build (f->store, &request, f->tz, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter->subject, ==, "From Ann Lee ([your phone])");
  g_assert_cmpstr (letter->body, ==, "Ann Lee <[your email]>\n");
  g_assert_false (letter->name_missing);
  text = jt_letter_to_text (letter);
  g_assert_true (g_str_has_prefix (text, "To: Raj Patel <raj@globex.example>\n"
                                         "Subject: From Ann Lee ([your phone])\n\n"));
}

/* {my_name} alone also asks for the name; a template naming no sender field does not. */
static void
test_sender_fields_in_templates (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->letters_dir, "thanks.txt", NULL);
  JtLetterRequest request = { .kind = JT_LETTER_THANKS,
                              .tone = JT_LETTER_TONE_FORMAL,
                              .now = f->now,
                              .application_id = f->app_id,
                              .contact_id = f->raj_id,
                              .config = f->config };
  g_autoptr (GError) error = NULL;

  write_text (path, "Subject: Hi\n\nThanks,\n{my_name}\n");
  {
    g_autoptr (JtLetter) letter = jt_letter_build (f->store, &request, f->tz, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (letter->body, ==, "Thanks,\n[your name]\n");
    g_assert_true (letter->name_missing);
  }
  write_text (path, "Subject: Hi\n\nThanks.\n");
  {
    g_autoptr (JtLetter) letter = jt_letter_build (f->store, &request, f->tz, &error);

    g_assert_no_error (error);
    g_assert_false (letter->name_missing);
  }
  request.config = f->sender;
  write_text (path, "Subject: Hi\n\n{my_name}, {my_email}, {my_phone}\n");
  {
    g_autoptr (JtLetter) letter = jt_letter_build (f->store, &request, f->tz, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (letter->body, ==, "Ann Lee, ann@example.com, +49 30 1234 5678\n");
  }
}

/* ---- Preview ---------------------------------------------------------------------- */

static void
test_preview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders
      = jt_store_reminder_list_for_application (f->store, f->app_id, &error);
  gboolean saw_letter = FALSE, saw_call = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (reminders, i);
      g_autofree char *preview = jt_letter_preview (f->store, r, NULL, f->tz, 3, &error);

      g_assert_no_error (error);
      if (r->rule == JT_RULE_THANK_YOU)
        {
          saw_letter = TRUE;
          g_assert_cmpstr (preview, ==,
                           "Subject: Thank you for the interview on Tuesday 1 December\n"
                           "Dear Raj Patel,\n"
                           "Thank you for meeting me on Tuesday 1 December to talk about the "
                           "Site Reliability Engineer position at Globex. I valued hearing "
                           "your view as CTO, and I came away more eager to join you. What "
                           "stayed with me most: how they moved billing to Kubernetes.");
        }
      else if (r->rule == JT_RULE_FOLLOW_UP_CALL)
        {
          saw_call = TRUE;
          g_assert_null (preview); /* a call, not a letter */
        }
    }
  g_assert_true (saw_letter && saw_call);
}

/* Every query the drafts run is answered by an index. */
static void
test_queries_indexed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders
      = jt_store_reminder_list_for_application (f->store, f->app_id, &error);
  g_autoptr (GPtrArray) unindexed = NULL;

  /* Every kind, by application and by reminder, and the calendar's previews. */
  for (guint k = 0; k < JT_LETTER_KIND_COUNT; k++)
    {
      JtLetterRequest request
          = { .kind = k, .application_id = f->app_id, .contact_id = f->raj_id, .now = f->now };

      g_free (build_text (f, &request));
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      g_free (
          jt_letter_preview (f->store, g_ptr_array_index (reminders, i), NULL, f->tz, 6, &error));
      g_assert_no_error (error);
    }
  unindexed = jt_test_unindexed_queries (f->store, f->path);

  for (guint i = 0; i < unindexed->len; i++)
    g_test_message ("unindexed: %s", (char *) g_ptr_array_index (unindexed, i));
  g_assert_cmpuint (unindexed->len, ==, 0);
}

/* ---- The template engine on its own (jt-template.h) -------------------------------- */

static const JtTemplateField test_fields[] = {
  { "who", "[someone]", "a person" },
  { "day", "[some day]", "a day" },
  { NULL, NULL, NULL },
};

static void
test_template_fill (void)
{
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_hash_table_insert (values, "who", "Ana");
  g_hash_table_insert (values, "day", "");
  /* Comments and blank lines may come before the Subject line; CRLF reads as LF; a comment
   * is not read even when it names no field; an empty value leaves the gap. */
  g_assert_true (jt_template_render ("# mine\r\n\r\nSubject:  Hello {who} \r\n\r\n\r\n"
                                     "Dear {who},\n{{who}} on {day}.\n# not {shown}\n\n\n",
                                     "mine.txt", test_fields, values, &subject, &body, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (subject, ==, "Hello Ana");
  g_assert_cmpstr (body, ==, "Dear Ana,\n{who}} on [some day].\n");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  /* Without values every field is its gap. */
  g_assert_true (jt_template_render ("Subject: {day}\n{who}", "mine.txt", test_fields, NULL,
                                     &subject, &body, &error));
  g_assert_cmpstr (subject, ==, "[some day]");
  g_assert_cmpstr (body, ==, "[someone]\n");
}

static void
assert_template_refused (const char *text, const char *expected)
{
  g_autoptr (GError) error = NULL;
  char *subject = NULL;
  char *body = NULL;

  g_assert_false (
      jt_template_render (text, "mine.txt", test_fields, NULL, &subject, &body, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (subject);
  g_assert_null (body);
}

static void
test_template_unknown_field (void)
{
  assert_template_refused ("Subject: x\n\nHi {whom}\n",
                           "mine.txt:3: unknown field {whom} (the fields are who, day)");
  /* Names are case-sensitive, in the Subject line too. */
  assert_template_refused ("Subject: {Who}\n",
                           "mine.txt:1: unknown field {Who} (the fields are who, day)");
}

static void
test_template_unclosed_brace (void)
{
  const char *expected = "mine.txt:%u: '{' starts no field (a field is {name}; write {{ for "
                         "a brace)";
  const struct
  {
    const char *text;
    guint line;
  } cases[] = {
    { "Subject: {who\n", 1 },       { "Subject: x\n\nDear {who,\n", 3 }, { "Subject: x\n{}\n", 2 },
    { "Subject: x\n{ who }\n", 2 }, { "Subject: x\nends with {", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = g_strdup_printf (expected, cases[i].line);

      assert_template_refused (cases[i].text, message);
    }
}

static void
test_template_missing_subject (void)
{
  assert_template_refused ("\n# mine\nDear {who},\n",
                           "mine.txt:3: a letter template starts with a 'Subject:' line");
  assert_template_refused ("subject: lower case\n",
                           "mine.txt:1: a letter template starts with a 'Subject:' line");
  /* Nothing but comments and blank lines, or nothing at all. */
  assert_template_refused ("# mine\n\n", "mine.txt:1: a letter template starts with a "
                                         "'Subject:' line");
  assert_template_refused ("", "mine.txt:1: a letter template starts with a 'Subject:' line");
}

static void
test_template_fields_used (void)
{
  g_autoptr (GHashTable) used = jt_template_fields_used (
      "# {day} in a comment\nSubject: {{day}} {unknown}\n{who}\n", test_fields);
  g_autoptr (GHashTable) none = jt_template_fields_used ("Subject: x\n# {who}", test_fields);

  g_assert_cmpuint (g_hash_table_size (used), ==, 1);
  g_assert_true (g_hash_table_contains (used, "who"));
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

int
main (int argc, char **argv)
{
  static GoldenCase cases[JT_LETTER_KIND_COUNT * 3];

  g_test_init (&argc, &argv, NULL);
  for (guint k = 0; k < JT_LETTER_KIND_COUNT; k++)
    {
      const char *kind = jt_letter_kind_to_string ((JtLetterKind) k);
      g_autofree char *full = g_strdup_printf ("/letter/golden/%s/full-formal", kind);
      g_autofree char *friendly = g_strdup_printf ("/letter/golden/%s/full-friendly", kind);
      g_autofree char *empty = g_strdup_printf ("/letter/golden/%s/empty-formal", kind);

      cases[3 * k] = (GoldenCase){ k, JT_LETTER_TONE_FORMAL, TRUE };
      cases[3 * k + 1] = (GoldenCase){ k, JT_LETTER_TONE_FRIENDLY, TRUE };
      cases[3 * k + 2] = (GoldenCase){ k, JT_LETTER_TONE_FORMAL, FALSE };
      g_test_add (full, Fixture, &cases[3 * k], fixture_set_up, test_golden, fixture_tear_down);
      g_test_add (friendly, Fixture, &cases[3 * k + 1], fixture_set_up, test_golden,
                  fixture_tear_down);
      g_test_add (empty, Fixture, &cases[3 * k + 2], fixture_set_up, test_golden,
                  fixture_tear_down);
    }
  g_test_add ("/letter/reminder-draft", Fixture, NULL, fixture_set_up, test_reminder_draft,
              fixture_tear_down);
  g_test_add ("/letter/promise-follows-decision-date", Fixture, NULL, fixture_set_up,
              test_promise_follows_decision_date, fixture_tear_down);
  g_test_add ("/letter/mailto-encoding", Fixture, NULL, fixture_set_up, test_mailto_encoding,
              fixture_tear_down);
  g_test_add ("/letter/override-order", Fixture, NULL, fixture_set_up, test_override_order,
              fixture_tear_down);
  g_test_add ("/letter/template-errors", Fixture, NULL, fixture_set_up, test_template_errors,
              fixture_tear_down);
  g_test_add ("/letter/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/letter/sender/closing", Fixture, NULL, fixture_set_up, test_sender_closing,
              fixture_tear_down);
  g_test_add ("/letter/sender/hostile", Fixture, NULL, fixture_set_up, test_sender_hostile,
              fixture_tear_down);
  g_test_add ("/letter/sender/fields", Fixture, NULL, fixture_set_up,
              test_sender_fields_in_templates, fixture_tear_down);
  g_test_add ("/letter/queries-indexed", Fixture, NULL, fixture_set_up, test_queries_indexed,
              fixture_tear_down);
  g_test_add_func ("/template/fill", test_template_fill);
  g_test_add_func ("/template/unknown-field", test_template_unknown_field);
  g_test_add_func ("/template/unclosed-brace", test_template_unclosed_brace);
  g_test_add_func ("/template/missing-subject", test_template_missing_subject);
  g_test_add_func ("/template/fields-used", test_template_fields_used);
  return g_test_run ();
}
