/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: the JSON backup (`export --json`, `import --json`) and the CSV export.
 *
 * A varied job search is built through the store with the rules attached, as the tools
 * build it; dumping it, restoring the dump into a fresh database and dumping again gives
 * the same text byte for byte. Restores that must be refused (a database with records,
 * garbage, another program's document, a newer backup, a row that breaks a constraint)
 * leave the database exactly as it was. Each test gets a fresh temporary folder and
 * databases; "now" and the zone are pinned. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-backup.h"
#include "jt-csv-export.h"
#include "jt-config.h"
#include "jt-error.h"
#include "jt-interview-log.h"
#include "jt-reminder-actions.h"
#include "jt-rules.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-reminders.h"
#include "jt-store-documents.h"
#include "jt-store-postings.h"
#include "jt-store-sync.h"
#include "jt-store-touches.h"
#include "jt-store.h"

#define NOW 1796112000 /* 2026-12-01T08:00:00Z, a Tuesday */
#define DAY ((gint64) 86400)

/* Every table of the schema, in the order the dump lists (and a restore inserts) them. */
/* Two files' digests: the backup holds what the records say of them, not their content. */
#define SHA_RESUME "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define SHA_LETTER "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

static const char *const table_order[] = {
  "applications",    "status_changes",
  "decision_dates",  "contacts",
  "contact_roles",   "application_contacts",
  "interviews",      "interview_contacts",
  "offers",          "outcomes",
  "touches",         "reminders",
  "settings",        "sync_collection",
  "sync_items",      "files",
  "resume_versions", "documents",
  "postings",
};

typedef struct
{
  char *dir;
  GTimeZone *tz;
  JtConfig *config;
  JtRules *rules;       /* dated NOW: builds the original */
  JtRules *later_rules; /* dated a day later: a row the rules rewrote would show it */
  JtStore *original;    /* rules attached */
  JtStore *restored;    /* later_rules attached */
} Fixture;

static JtStore *
open_store (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  JtStore *store = jt_test_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("jt-backup-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (f->tz);
  f->config = jt_config_new_default ();
  f->rules = jt_rules_new (f->config, f->tz, NOW);
  f->later_rules = jt_rules_new (f->config, f->tz, NOW + DAY);
  f->original = open_store (f, "original.db");
  jt_rules_attach (f->rules, f->original);
  f->restored = open_store (f, "restored.db");
  jt_rules_attach (f->later_rules, f->restored);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&f->original, jt_store_free);
  g_clear_pointer (&f->restored, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_clear_pointer (&f->later_rules, jt_rules_free);
  g_clear_pointer (&f->config, jt_config_free);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* ---- Helpers ---------------------------------------------------------------------- */

static char *
dump (JtStore *store)
{
  g_autoptr (GError) error = NULL;
  char *text = jt_backup_dump (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
restore_ok (JtStore *store, const char *text)
{
  g_autoptr (GError) error = NULL;

  gboolean restored = jt_backup_restore (store, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_true (restored);
}

/* Restores `text` (of `length` bytes), which must be refused with JT_ERROR_INVALID and a
 * message holding `expected` (when not NULL), leaving the database as it was. */
static void
restore_refused (JtStore *store, const char *text, gsize length, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;

  g_assert_false (jt_backup_restore (store, text, length, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("expected '%s' in: %s", expected, error->message);
  after = dump (store);
  g_assert_cmpstr (after, ==, before);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_text (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The rows of one table of a parsed dump, or NULL when it has no such table. */
static JsonArray *
rows_of (JsonNode *root, const char *name)
{
  JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");

  g_assert_nonnull (tables);
  if (!json_object_has_member (tables, name))
    return NULL;
  return json_object_get_array_member (tables, name);
}

static JsonObject *
row_of (JsonNode *root, const char *name, guint index)
{
  return json_array_get_object_element (rows_of (root, name), index);
}

static void
commit (JtTransaction *txn)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_transaction_commit (txn, &error));
  g_assert_no_error (error);
}

/* ---- A varied job search -------------------------------------------------------------- */

static gint64
log_interview (JtStore *store, const char *company, const char *role, gint64 at, gint64 now)
{
  const char *people[] = { "Raj Patel <raj@globex.example>, CTO", "Ana Lima", NULL };
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  JtInterview *interview = log->interview;

  log->company = g_strdup (company);
  log->role = g_strdup (role);
  for (guint i = 0; people[i] != NULL; i++)
    g_ptr_array_add (log->people, jt_person_parse (people[i], NULL));
  log->decision_maker = g_strdup ("Raj Patel");
  log->influencer = g_strdup ("Dee Park");
  log->decision_date = g_strdup ("2026-12-10");
  interview->start_at = at;
  interview->duration_min = 45;
  interview->kind = JT_INTERVIEW_VIDEO;
  interview->place = g_strdup ("https://meet.example/abc-defg");
  interview->rating = 4;
  interview->conversation = g_strdup ("They asked about on-call; I described the pager rota.");
  interview->edge = g_strdup ("Ran Postgres failovers at scale");
  interview->problems = g_strdup ("Slow deploys");
  interview->objections = g_strdup ("No Go experience");
  interview->next_step = g_strdup ("Panel next week");
  interview->may_call_at = at + 3 * DAY;
  interview->notes = g_strdup ("Good first round.");
  g_assert_true (jt_interview_log_record (store, log, now, &result, &error));
  g_assert_no_error (error);
  return result.application->id;
}

/* Builds, through the store and the rules attached to it, a job search with a row in
 * every table: status histories and decision dates, contacts with roles, interviews
 * with their people, an offer, an outcome, touches, reminders derived by the rules (one
 * done, one snoozed, one notified), a manual one, and an id counter ahead of the last
 * reminder (an application deleted with its reminders). */
static void
populate (JtStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtApplication) initech = jt_application_new ();
  g_autoptr (JtApplication) hooli = jt_application_new ();
  g_autoptr (JtContact) lena = jt_contact_new ();
  g_autoptr (JtOffer) offer = jt_offer_new ();
  g_autoptr (JtTouch) call = jt_touch_new ();
  g_autoptr (JtTouch) email = jt_touch_new ();
  g_autoptr (JtOutcome) rejected = jt_outcome_new ();
  g_autoptr (JtInterview) hooli_interview = jt_interview_new ();
  g_autoptr (JtReminder) manual = jt_reminder_new ();
  g_autoptr (GPtrArray) open = NULL;
  gint64 globex;

  globex = log_interview (store, "Globex", "SRE", NOW - 2 * DAY, NOW - 2 * DAY + 7200);

  txn = jt_store_begin_write (store, &error);
  initech->company = g_strdup ("Initech");
  g_free (initech->role);
  initech->role = g_strdup ("Backend engineer");
  initech->source = g_strdup ("referral");
  initech->url = g_strdup ("https://initech.example/jobs/7");
  initech->interest = 4;
  initech->notes = g_strdup ("Met them at a meetup");
  initech->status = JT_STATUS_LEAD;
  g_assert_true (jt_store_application_insert (store, initech, NOW - 20 * DAY, &error));
  initech->status = JT_STATUS_APPLIED;
  initech->decision_date = g_strdup ("2026-12-20");
  g_assert_true (jt_store_application_update (store, initech, NOW - 19 * DAY, &error));
  g_free (initech->decision_date);
  initech->decision_date = g_strdup ("2026-12-22");
  initech->status = JT_STATUS_INTERVIEWING;
  g_assert_true (jt_store_application_update (store, initech, NOW - 5 * DAY, &error));

  lena->name = g_strdup ("Lena Ortiz");
  lena->title = g_strdup ("Talent partner");
  lena->company = g_strdup ("Initech");
  lena->email = g_strdup ("Lena.Ortiz@Initech.example");
  lena->phone = g_strdup ("+49 30 1234567");
  lena->url = g_strdup ("https://social.example/@lena");
  lena->roles = JT_ROLE_RECRUITER | JT_ROLE_HR;
  lena->hit_it_off = TRUE;
  lena->network = TRUE;
  lena->notes = g_strdup ("Knows the hiring manager");
  g_assert_true (jt_store_contact_insert (store, lena, NOW - 10 * DAY, &error));
  g_assert_true (jt_store_application_link_contact (store, initech->id, lena->id, &error));

  offer->application_id = initech->id;
  offer->received_on = g_strdup ("2026-12-02");
  offer->deadline = g_strdup ("2026-12-09");
  offer->salary = g_strdup ("85 000 €");
  offer->title = g_strdup ("Senior backend engineer");
  offer->start_on = g_strdup ("2027-01-15");
  offer->state = JT_OFFER_NEGOTIATING;
  offer->notes = g_strdup ("Ask for a signing bonus");
  g_assert_true (jt_store_offer_insert (store, offer, NOW - DAY, &error));

  call->application_id = initech->id;
  call->contact_id = lena->id;
  call->kind = JT_TOUCH_CALL;
  call->at = NOW - 3 * DAY;
  call->about = g_strdup ("Asked about the timeline");
  g_assert_true (jt_store_touch_insert (store, call, NOW - 3 * DAY, &error));
  email->contact_id = lena->id;
  email->kind = JT_TOUCH_EMAIL;
  email->at = NOW - 40 * DAY;
  email->about = g_strdup ("Season's greetings");
  g_assert_true (jt_store_touch_insert (store, email, NOW - 40 * DAY, &error));

  rejected->application_id = globex;
  rejected->kind = JT_OUTCOME_REJECTED;
  rejected->occurred_at = NOW - DAY;
  g_assert_true (jt_store_outcome_insert (store, rejected, NOW - DAY, &error));

  manual->uid = g_strdup ("manual-0001@jobtrack.test");
  manual->rule = JT_RULE_MANUAL;
  manual->application_id = initech->id;
  manual->due_at = NOW + 2 * DAY;
  manual->title = g_strdup ("Send the portfolio");
  manual->detail = g_strdup ("The PDF, not the link");
  g_assert_true (jt_store_reminder_insert (store, manual, NOW, &error));
  g_assert_no_error (error);
  commit (g_steal_pointer (&txn));

  /* What a person does with the follow-ups. */
  open = jt_store_reminder_list_open (store, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >=, 3);
  g_assert_true (jt_reminder_mark_done (store, ((JtReminder *) open->pdata[0])->id, "Sent it", NOW,
                                        NULL, &error));
  g_assert_true (jt_reminder_snooze (store, ((JtReminder *) open->pdata[1])->id, NOW + 5 * DAY, NOW,
                                     NULL, &error));
  g_assert_true (
      jt_reminder_mark_notified (store, ((JtReminder *) open->pdata[2])->id, NOW, &error));
  g_assert_no_error (error);

  /* Last: an application whose reminders go with it, so the reminders' id counter is
   * ahead of the highest id left. */
  txn = jt_store_begin_write (store, &error);
  hooli->company = g_strdup ("Hooli");
  g_assert_true (jt_store_application_insert (store, hooli, NOW, &error));
  hooli_interview->application_id = hooli->id;
  hooli_interview->start_at = NOW - DAY;
  g_assert_true (jt_store_interview_insert (store, hooli_interview, NOW, &error));
  commit (g_steal_pointer (&txn));
  g_assert_no_error (error);
  txn = jt_store_begin_write (store, &error);
  g_assert_true (jt_store_application_delete (store, hooli->id, NULL, &error));
  commit (g_steal_pointer (&txn));
  g_assert_no_error (error);
  /* Synced once: the task list and one follow-up on it. */
  txn = jt_store_begin_write (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr (JtSyncItem) item = jt_sync_item_new ();

    item->uid = g_strdup ("0123456789abcdef0123456789abcdef@jobtrack");
    item->href = g_strdup ("/me/jobtrack-follow-ups/jt-0123456789abcdef.ics");
    item->etag = g_strdup ("\"1\"");
    item->pushed_revision = 2;
    item->pushed_hash = g_strdup ("00");
    item->pushed_ics = g_strdup ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    /* A PUT sent whose answer never came. */
    item->pending_ics = g_strdup ("BEGIN:VCALENDAR\r\nX-PENDING:3\r\nEND:VCALENDAR\r\n");
    item->pending_revision = 3;
    g_assert_true (jt_store_sync_set_collection (store, "http://127.0.0.1:5232/me/list/", &error));
    g_assert_true (jt_store_sync_set_state (store, "token-1", "ctag-1", &error));
    g_assert_true (jt_store_sync_set_result (store, "server down", NOW, &error));
    g_assert_true (jt_store_sync_save_item (store, item, NOW, &error));
    g_assert_no_error (error);
  }
  commit (g_steal_pointer (&txn));
  /* Documents: a résumé version sent to Globex, a cover letter for Initech, and one
   * detached again, so the documents' id counter is ahead of the highest id left. */
  txn = jt_store_begin_write (store, &error);
  {
    g_autoptr (JtResumeVersion) version = jt_resume_version_new ();
    g_autoptr (JtDocument) resume = jt_document_new ();
    g_autoptr (JtDocument) letter = jt_document_new ();
    g_autoptr (JtDocument) gone = jt_document_new ();

    version->name = g_strdup ("backend-v3");
    version->sha256 = g_strdup (SHA_RESUME);
    version->original_name = g_strdup ("Jane Doe CV.pdf");
    version->note = g_strdup ("SRE-leaning");
    version->size = 1234;
    version->media_type = g_strdup ("application/pdf");
    g_assert_true (jt_store_resume_version_insert (store, version, NOW, &error));
    resume->application_id = globex;
    resume->kind = JT_DOCUMENT_RESUME;
    resume->sha256 = g_strdup (SHA_RESUME);
    resume->name = g_strdup ("Jane Doe CV.pdf");
    resume->resume_version_id = version->id;
    resume->size = 1234;
    resume->media_type = g_strdup ("application/pdf");
    g_assert_true (jt_store_document_insert (store, resume, NOW, &error));
    letter->application_id = initech->id;
    letter->kind = JT_DOCUMENT_COVER_LETTER;
    letter->sha256 = g_strdup (SHA_LETTER);
    letter->name = g_strdup ("Anschreiben Initech.odt");
    letter->note = g_strdup ("Grüße, \"quoted\"");
    letter->size = 99;
    letter->media_type = g_strdup ("application/vnd.oasis.opendocument.text");
    g_assert_true (jt_store_document_insert (store, letter, NOW, &error));
    gone->application_id = initech->id;
    gone->kind = JT_DOCUMENT_OTHER;
    gone->sha256 = g_strdup (SHA_LETTER);
    gone->name = g_strdup ("again.odt");
    gone->size = 99;
    gone->media_type = g_strdup ("application/vnd.oasis.opendocument.text");
    g_assert_true (jt_store_document_insert (store, gone, NOW, &error));
    g_assert_true (jt_store_document_delete (store, initech->id, gone->id, &error));
    g_assert_no_error (error);
  }
  /* Initech's saved posting: posted and closing on a day alone, a salary in words. */
  {
    g_autoptr (JtSavedPosting) posting = jt_saved_posting_new ();

    posting->application_id = initech->id;
    posting->source = g_strdup ("json-ld");
    posting->title = g_strdup ("Backend engineer (m/w/d)");
    posting->url = g_strdup ("https://jobs.example/initech/7?utm=\"x\"");
    posting->identifier = g_strdup ("HQ-7");
    posting->salary = g_strdup ("EUR 70000–90000 per year");
    posting->posted_at = 1795996800; /* 2026-11-30T00:00Z */
    posting->posted_on_day = TRUE;
    posting->closes_at = 1797120000; /* 2026-12-13T00:00Z */
    posting->closes_on_day = TRUE;
    posting->captured_at = NOW;
    g_assert_true (jt_store_posting_save (store, posting, &error));
    g_assert_no_error (error);
  }
  commit (g_steal_pointer (&txn));
}

/* ---- Dump and round trip -------------------------------------------------------------- */

static void
test_round_trip_is_exact (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonArray *reminders;
  gint64 last_id, counter;

  populate (f->original);
  text = dump (f->original);
  root = parse (text);
  /* The round trip covers every table... */
  for (guint t = 0; t < G_N_ELEMENTS (table_order); t++)
    {
      g_test_message ("%s: %u rows", table_order[t],
                      json_array_get_length (rows_of (root, table_order[t])));
      g_assert_cmpuint (json_array_get_length (rows_of (root, table_order[t])), >, 0);
    }
  /* ...reminders in every state, and an id counter ahead of the last reminder. */
  reminders = rows_of (root, "reminders");
  g_assert_nonnull (strstr (text, "\"state\" : \"done\""));
  g_assert_nonnull (strstr (text, "\"state\" : \"snoozed\""));
  g_assert_nonnull (strstr (text, "\"state\" : \"pending\""));
  last_id = json_object_get_int_member (
      json_array_get_object_element (reminders, json_array_get_length (reminders) - 1), "id");
  counter = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (root), "sequences"), "reminders");
  g_assert_cmpint (counter, >, last_id);

  restore_ok (f->restored, text);
  again = dump (f->restored);
  g_assert_cmpstr (again, ==, text);
}

/* A restored database goes on exactly as the original would: the same change made to
 * both (with the same rules) leaves them equal, down to the ids of new reminders. */
static void
test_restored_behaves_like_original (Fixture *f, gconstpointer data)
{
  JtStore *stores[] = { f->original, f->restored };
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  populate (f->original);
  text = dump (f->original);
  restore_ok (f->restored, text);
  jt_rules_attach (f->rules, f->restored);
  jt_rules_set_now (f->rules, NOW + DAY);
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtTransaction) txn = NULL;
      g_autoptr (JtReminder) manual = jt_reminder_new ();
      g_autoptr (JtOutcome) accepted = jt_outcome_new ();
      g_autoptr (JtApplication) app = NULL;

      log_interview (stores[s], "Initech", "Backend engineer", NOW + DAY, NOW + DAY);
      txn = jt_store_begin_write (stores[s], &error);
      manual->uid = g_strdup ("manual-0002@jobtrack.test");
      manual->rule = JT_RULE_MANUAL;
      manual->due_at = NOW + 3 * DAY;
      manual->title = g_strdup ("Update the CV");
      g_assert_true (jt_store_reminder_insert (stores[s], manual, NOW + DAY, &error));
      app = jt_store_application_find_open (stores[s], "Initech", "Backend engineer", &error);
      g_assert_nonnull (app);
      accepted->application_id = app->id;
      accepted->kind = JT_OUTCOME_ACCEPTED;
      accepted->occurred_at = NOW + DAY;
      g_assert_true (jt_store_outcome_insert (stores[s], accepted, NOW + DAY, &error));
      g_assert_no_error (error);
      commit (g_steal_pointer (&txn));
    }
  first = dump (f->original);
  second = dump (f->restored);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpstr (first, !=, text);
}

static guint hook_calls;

static gboolean
count_hook (JtStore *store, const JtStoreChanges *changes, gpointer user_data, GError **error)
{
  hook_calls++;
  return TRUE;
}

/* A restore marks nothing as changed: the rules' commit hook has nothing to derive. */
static void
test_restore_marks_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  populate (f->original);
  text = dump (f->original);
  hook_calls = 0;
  jt_store_set_commit_hook (f->restored, count_hook, NULL);
  restore_ok (f->restored, text);
  g_assert_cmpuint (hook_calls, ==, 0);
  again = dump (f->restored);
  g_assert_cmpstr (again, ==, text);
}

static void
test_dump_format (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = dump (f->original);
  g_autofree char *text = NULL;
  g_autofree char *twice = NULL;
  g_autoptr (JsonNode) root = parse (empty);
  JsonObject *doc = json_node_get_object (root);
  g_autoptr (GList) names = NULL;
  g_autoptr (GList) members = NULL;
  JsonArray *apps;
  guint i = 0;

  /* The header, and every table even when empty. */
  g_assert_true (g_str_has_prefix (empty, "{\n  \"format\" : \"jobtrack-backup\",\n"));
  g_assert_true (g_str_has_suffix (empty, "}\n"));
  g_assert_cmpstr (json_object_get_string_member (doc, "format"), ==, "jobtrack-backup");
  g_assert_cmpint (json_object_get_int_member (doc, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (doc, "schema"), ==,
                   jt_store_get_schema_version (f->original));
  members = json_object_get_members (doc);
  g_assert_cmpuint (g_list_length (members), ==, 5);
  names = json_object_get_members (json_object_get_object_member (doc, "tables"));
  g_assert_cmpuint (g_list_length (names), ==, G_N_ELEMENTS (table_order));
  for (GList *l = names; l != NULL; l = l->next, i++)
    {
      g_assert_cmpstr (l->data, ==, table_order[i]);
      g_assert_cmpuint (json_array_get_length (rows_of (root, l->data)), ==, 0);
    }
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (doc, "sequences"), "reminders"),
      ==, 0);

  /* Rows in key order with JSON types from the columns: numbers, text, null. */
  populate (f->original);
  text = dump (f->original);
  twice = dump (f->original);
  g_assert_cmpstr (twice, ==, text);
  /* Inside a caller's transaction the dump reads that transaction's snapshot. */
  {
    g_autoptr (JtTransaction) txn = jt_store_begin_write (f->original, NULL);
    g_autofree char *inside = dump (f->original);

    g_assert_nonnull (txn);
    g_assert_cmpstr (inside, ==, text);
  }
  json_node_unref (g_steal_pointer (&root));
  root = parse (text);
  apps = rows_of (root, "applications");
  g_assert_cmpuint (json_array_get_length (apps), ==, 2);
  for (guint r = 1; r < json_array_get_length (apps); r++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (apps, r - 1), "id"),
                     <, json_object_get_int_member (json_array_get_object_element (apps, r), "id"));
  g_assert_cmpstr (json_object_get_string_member (row_of (root, "applications", 0), "company"), ==,
                   "Globex");
  g_assert_true (json_object_get_null_member (row_of (root, "applications", 0), "source"));
  g_assert_true (json_object_get_null_member (row_of (root, "applications", 0), "interest"));
  g_assert_cmpint (json_object_get_int_member (row_of (root, "applications", 1), "interest"), ==,
                   4);
  g_assert_cmpstr (json_object_get_string_member (row_of (root, "applications", 1), "company_key"),
                   ==, "initech");
  g_assert_cmpint (json_object_get_int_member (row_of (root, "contacts", 0), "hit_it_off"), ==, 0);
  g_assert_cmpint (json_array_get_length (rows_of (root, "status_changes")), >=, 4);
  g_assert_cmpint (json_array_get_length (rows_of (root, "decision_dates")), ==, 3);
}

/* The dump's column lists are the schema's: a migration that adds a column without
 * adding it to the backup fails here. */
static void
test_dump_has_every_column (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *path = g_build_filename (f->dir, "original.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  guint n_tables = 0;

  populate (f->original);
  text = dump (f->original);
  root = parse (text);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' "
                                       /* derived from the records, rebuilt on restore */
                                       "AND name NOT LIKE 'search_index%'",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
      sqlite3_stmt *info = NULL;
      JsonArray *rows = rows_of (root, table);
      g_autoptr (GList) members = NULL;
      GList *member;

      if (rows == NULL)
        g_error ("the backup has no table %s", table);
      members = json_object_get_members (json_array_get_object_element (rows, 0));
      member = members;
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &info, NULL), ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (info, 1);

          if (member == NULL || !g_str_equal (member->data, column))
            g_error ("the backup's %s lacks the column %s (or has it out of order)", table, column);
          member = member->next;
        }
      g_assert_null (member);
      sqlite3_finalize (info);
      n_tables++;
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  g_assert_cmpuint (n_tables, ==, G_N_ELEMENTS (table_order));
}

/* Runs SQL on a database through a separate raw connection, as another program would. */
static void
raw_exec (Fixture *f, const char *name, const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Values only another program writes (a fraction, bytes that are not UTF-8, a NUL inside
 * text) would make a backup that cannot be restored: the dump says so instead. */
static void
test_dump_refuses_what_it_cannot_restore (Fixture *f, gconstpointer data)
{
  static const char *const changes[] = {
    "UPDATE applications SET interest = 2.5 WHERE company = 'Initech'",
    "UPDATE contacts SET notes = CAST (X'C3284E' AS TEXT) WHERE id = 1",
    "UPDATE touches SET about = CAST (X'610062' AS TEXT) WHERE id = 1",
    "UPDATE interviews SET may_call_at = 'soon' WHERE id = 1",
  };
  static const char *const expected[] = {
    "applications row id 2: its interest holds a number with a fraction",
    "contacts row id 1: its notes holds text that is not UTF-8",
    "touches row id 1: its about holds text that is not UTF-8 or holds a NUL",
    "interviews row id 1: its may_call_at holds text",
  };
  populate (f->original);
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.db", i);
      g_autoptr (JtStore) copy = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s/%s'", f->dir, name);

      raw_exec (f, "original.db", sql);
      raw_exec (f, name, changes[i]);
      copy = open_store (f, name);
      text = jt_backup_dump (copy, &error);
      g_assert_null (text);
      g_assert_error (error, JT_ERROR, JT_ERROR_DATABASE);
      g_test_message ("refused: %s", error->message);
      if (strstr (error->message, expected[i]) == NULL)
        g_error ("expected '%s' in: %s", expected[i], error->message);
    }
}

static void
test_hostile_text_survives (Fixture *f, gconstpointer data)
{
  static const char *const texts[] = {
    "quote \" and 'single' and back\\slash",
    "line one\r\nline two\rline three\n",
    "controls \x01\x02\x1b[31m\x7f and a\ttab",
    "<script>alert('x')</script> & <b>bold</b> &amp;",
    "Société Générale — Zürich 東京 🚀 שלום",
    "e\xcc\x81 (combining) and \xe2\x80\xa8 (line separator)",
    "=HYPERLINK(\"http://evil.example\")",
    "'; DROP TABLE applications; --",
  };
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  txn = jt_store_begin_write (f->original, &error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (JtApplication) app = jt_application_new ();
      g_autoptr (JtContact) contact = jt_contact_new ();
      g_autoptr (JtTouch) touch = jt_touch_new ();

      app->company = g_strdup (texts[i]);
      g_free (app->role);
      app->role = g_strdup (texts[i]);
      app->notes = g_strdup (texts[i]);
      app->source = g_strdup (texts[i]);
      g_assert_true (jt_store_application_insert (f->original, app, NOW, &error));
      contact->name = g_strdup (texts[i]);
      contact->company = g_strdup (texts[i]);
      contact->email = g_strdup (texts[i]);
      contact->notes = g_strdup (texts[i]);
      g_assert_true (jt_store_contact_insert (f->original, contact, NOW, &error));
      touch->application_id = app->id;
      touch->contact_id = contact->id;
      touch->kind = JT_TOUCH_LETTER;
      touch->at = NOW;
      touch->about = g_strdup (texts[i]);
      g_assert_true (jt_store_touch_insert (f->original, touch, NOW, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, app->id);
    }
  g_assert_true (jt_store_set_setting (f->original, "note \"\r\n<x>", texts[4], &error));
  commit (g_steal_pointer (&txn));

  text = dump (f->original);
  restore_ok (f->restored, text);
  again = dump (f->restored);
  g_assert_cmpstr (again, ==, text);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (JtApplication) app
          = jt_store_application_get (f->restored, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (app->company, ==, texts[i]);
      g_assert_cmpstr (app->role, ==, texts[i]);
      g_assert_cmpstr (app->notes, ==, texts[i]);
    }
}

/* ---- Refusals ------------------------------------------------------------------------- */

static void
test_refuses_database_with_records (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  populate (f->original);
  text = dump (f->original);
  for (guint kind = 0; kind < 3; kind++)
    {
      g_autofree char *name = g_strdup_printf ("busy-%u.db", kind);
      g_autoptr (JtStore) store = open_store (f, name);
      g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);
      g_autoptr (GError) error = NULL;

      if (kind == 0)
        {
          g_autoptr (JtApplication) app = jt_application_new ();

          app->company = g_strdup ("Umbrella");
          g_assert_true (jt_store_application_insert (store, app, NOW, &error));
        }
      else if (kind == 1)
        {
          g_autoptr (JtContact) contact = jt_contact_new ();

          contact->name = g_strdup ("Somebody");
          g_assert_true (jt_store_contact_insert (store, contact, NOW, &error));
        }
      else
        {
          g_autoptr (JtReminder) manual = jt_reminder_new ();

          manual->uid = g_strdup ("manual-9@jobtrack.test");
          manual->rule = JT_RULE_MANUAL;
          manual->due_at = NOW;
          manual->title = g_strdup ("Call the agency");
          g_assert_true (jt_store_reminder_insert (store, manual, NOW, &error));
        }
      g_assert_no_error (error);
      commit (g_steal_pointer (&txn));
      restore_refused (store, text, strlen (text), "already holds records");
    }
}

/* The settings jobtrackd writes into a new database (what the reminders were derived
 * with) are not records: such a database is restored into, and the backup's win. */
static void
test_settings_only_database_is_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GTimeZone) sydney = g_time_zone_new_identifier ("Australia/Sydney");
  g_autoptr (JtRules) other = jt_rules_new (f->config, sydney, NOW);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *again = NULL;
  g_autoptr (JsonNode) settings = NULL;

  populate (f->original);
  text = dump (f->original);
  g_assert_true (jt_rules_bring_up_to_date (other, f->restored, &error));
  g_assert_no_error (error);
  before = dump (f->restored);
  settings = parse (before);
  g_assert_cmpuint (json_array_get_length (rows_of (settings, "settings")), ==, 1);
  restore_ok (f->restored, text);
  again = dump (f->restored);
  g_assert_cmpstr (again, ==, text);
}

static void
test_refuses_garbage (Fixture *f, gconstpointer data)
{
  static const char binary[] = "SQLite format 3\0\x01\x02\xff\xfe garbage";
  g_autofree char *text = NULL;
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (GString) nul = NULL;
  g_autoptr (GString) octal = NULL;
  const char *documents[] = {
    "not json at all",
    "{",
    "[]",
    "null",
    "42",
    "\"jobtrack-backup\"",
    "{}",
    "{\"format\": \"jobtrack-backup\"",
    "{\"format\": \"jobtrack-backup\", \"version\": 1}",
    "{\"format\": \"jobtrack-backup\", \"version\": \"1\", \"schema\": 2, \"tables\": {}}",
    "{\"format\": \"jobtrack-backup\", \"version\": 1, \"schema\": 2, \"tables\": []}",
    "{\"format\": \"jobtrack-backup\", \"version\": 0, \"schema\": 2, \"tables\": {}}",
    "{\"format\": \"other-backup\", \"version\": 1, \"schema\": 2, \"tables\": {}}",
    "{\"format\": \"jobtrack-backup\", \"version\": 1.5, \"schema\": 2, \"tables\": {}}",
  };

  populate (f->original);
  text = dump (f->original);

  restore_refused (f->restored, "", 0, "not a jobtrack backup");
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    restore_refused (f->restored, documents[i], strlen (documents[i]), NULL);
  /* Cut short anywhere: half-way, and just before the end. */
  restore_refused (f->restored, text, strlen (text) / 2, "not a jobtrack backup");
  restore_refused (f->restored, text, strlen (text) - 3, "not a jobtrack backup");
  restore_refused (f->restored, binary, sizeof binary - 1, "not a jobtrack backup");
  /* Nesting that would exhaust json-glib's recursive parser. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  restore_refused (f->restored, deep->str, deep->len, "nested");
  /* json-glib cuts text at \u0000 without a word: refused rather than cut. */
  nul = g_string_new (text);
  g_string_replace (nul, "\"Globex\"", "\"Glo\\u0000bex\"", 1);
  restore_refused (f->restored, nul->str, nul->len, "NUL");
  /* json-glib also reads an octal escape (not JSON) as that byte, which is not UTF-8:
   * stored, it would make every later backup fail (found by the backup-restore fuzzer). */
  octal = g_string_new (text);
  g_string_replace (octal, "\"Globex\"", "\"Glo\\337bex\"", 1);
  restore_refused (f->restored, octal->str, octal->len, "text that is not UTF-8 for company");
}

/* Edits a dump: `edit` changes the parsed document; the new text is returned. */
typedef void (*Edit) (JsonNode *root);

static char *
edited (const char *text, Edit edit)
{
  g_autoptr (JsonNode) root = parse (text);

  edit (root);
  return to_text (root);
}

static void
add_unknown_table (JsonNode *root)
{
  json_object_set_array_member (
      json_object_get_object_member (json_node_get_object (root), "tables"), "songs",
      json_array_new ());
}

static void
add_unknown_column (JsonNode *root)
{
  json_object_set_string_member (row_of (root, "applications", 1), "favourite_colour", "blue");
}

static void
add_unknown_member (JsonNode *root)
{
  json_object_set_int_member (json_node_get_object (root), "extra", 1);
}

static void
remove_column (JsonNode *root)
{
  json_object_remove_member (row_of (root, "applications", 0), "role_key");
}

static void
remove_table (JsonNode *root)
{
  json_object_remove_member (json_object_get_object_member (json_node_get_object (root), "tables"),
                             "touches");
}

static void
remove_sequences (JsonNode *root)
{
  json_object_remove_member (json_node_get_object (root), "sequences");
}

static void
number_as_text (JsonNode *root)
{
  json_object_set_string_member (row_of (root, "applications", 1), "interest", "4");
}

static void
text_as_number (JsonNode *root)
{
  json_object_set_int_member (row_of (root, "applications", 1), "company", 42);
}

static void
boolean_flag (JsonNode *root)
{
  json_object_set_boolean_member (row_of (root, "contacts", 0), "hit_it_off", TRUE);
}

static void
fraction (JsonNode *root)
{
  json_object_set_double_member (row_of (root, "reminders", 0), "due_at", 1796112000.5);
}

static void
row_not_object (JsonNode *root)
{
  json_array_add_int_element (rows_of (root, "touches"), 7);
}

static void
rows_not_list (JsonNode *root)
{
  json_object_set_object_member (
      json_object_get_object_member (json_node_get_object (root), "tables"), "offers",
      json_object_new ());
}

static void
test_refuses_foreign_documents (Fixture *f, gconstpointer data)
{
  static const struct
  {
    Edit edit;
    const char *expected;
  } cases[] = {
    { add_unknown_table, "'songs'" },  { add_unknown_column, "'favourite_colour'" },
    { add_unknown_member, "'extra'" }, { remove_column, "role_key" },
    { remove_table, "touches" },       { remove_sequences, "sequences" },
    { number_as_text, "interest" },    { text_as_number, "company" },
    { boolean_flag, "hit_it_off" },    { fraction, "due_at" },
    { row_not_object, "touches" },     { rows_not_list, "offers" },
  };
  g_autofree char *text = NULL;

  populate (f->original);
  text = dump (f->original);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = edited (text, cases[i].edit);

      restore_refused (f->restored, doc, strlen (doc), cases[i].expected);
    }
}

static void
newer_version (JsonNode *root)
{
  JsonObject *doc = json_node_get_object (root);

  /* A newer version may lay out anything differently. */
  json_object_set_int_member (doc, "version", 2);
  json_object_set_string_member (doc, "schema", "2.1");
  json_object_set_array_member (doc, "tables", json_array_new ());
}

static void
newer_schema (JsonNode *root)
{
  JsonObject *doc = json_node_get_object (root);

  json_object_set_int_member (doc, "schema", jt_store_known_schema_version () + 1);
  /* A newer schema may well have tables and columns this one does not know. */
  add_unknown_table (root);
}

static void
test_refuses_newer_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  g_autofree char *schema = NULL;

  populate (f->original);
  text = dump (f->original);
  version = edited (text, newer_version);
  schema = edited (text, newer_schema);
  restore_refused (f->restored, version, strlen (version), "made by a newer jobtrack");
  restore_refused (f->restored, schema, strlen (schema), "made by a newer jobtrack");
}

static void
touch_of_missing_application (JsonNode *root)
{
  JsonObject *touch = json_object_new ();

  json_object_set_int_member (touch, "id", 999);
  json_object_set_int_member (touch, "application_id", 4242);
  json_object_set_null_member (touch, "contact_id");
  json_object_set_string_member (touch, "kind", "email");
  json_object_set_int_member (touch, "at", NOW);
  json_object_set_null_member (touch, "about");
  json_object_set_int_member (touch, "created_at", NOW);
  json_array_add_object_element (rows_of (root, "touches"), touch);
}

static void
unknown_status (JsonNode *root)
{
  json_object_set_string_member (row_of (root, "applications", 1), "status", "hired");
}

static void
duplicate_id (JsonNode *root)
{
  json_array_add_element (rows_of (root, "offers"),
                          json_array_dup_element (rows_of (root, "offers"), 0));
}

static void
duplicate_uid (JsonNode *root)
{
  JsonObject *first = row_of (root, "reminders", 0);
  JsonObject *second = row_of (root, "reminders", 1);

  json_object_set_string_member (second, "uid", json_object_get_string_member (first, "uid"));
}

static void
missing_required (JsonNode *root)
{
  json_object_set_null_member (row_of (root, "interviews", 0), "start_at");
}

/* A row the database's constraints refuse: the whole restore is refused, naming the
 * table and the row, and nothing is written (the rows before it are rolled back). */
static void
test_refuses_constraint_failures (Fixture *f, gconstpointer data)
{
  static const struct
  {
    Edit edit;
    const char *expected;
  } cases[] = {
    { touch_of_missing_application, "touches row id 999" },
    { unknown_status, "applications row id" },
    { duplicate_id, "offers row id" },
    { duplicate_uid, "reminders row id" },
    { missing_required, "interviews row id" },
  };
  g_autofree char *text = NULL;

  populate (f->original);
  text = dump (f->original);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = edited (text, cases[i].edit);

      restore_refused (f->restored, doc, strlen (doc), cases[i].expected);
    }
  /* And the good document still restores afterwards: nothing was left half-written. */
  restore_ok (f->restored, text);
}

/* A backup made before reminders existed (schema 1) still restores: the tables and
 * columns added since take their defaults. One that names them anyway is refused. */
static void
as_schema_1 (JsonNode *root)
{
  JsonObject *doc = json_node_get_object (root);
  JsonObject *tables = json_object_get_object_member (doc, "tables");

  JsonArray *interviews = json_object_get_array_member (tables, "interviews");
  JsonArray *applications = json_object_get_array_member (tables, "applications");

  json_object_set_int_member (doc, "schema", 1);
  /* Schema 4 added the company family; a restore works it out again, so the round trip
   * below still compares equal. */
  for (guint i = 0; i < json_array_get_length (applications); i++)
    json_object_remove_member (json_array_get_object_element (applications, i), "company_family");
  json_object_remove_member (tables, "reminders");
  json_object_remove_member (tables, "settings");
  json_object_remove_member (tables, "sync_collection");
  json_object_remove_member (tables, "sync_items");
  json_object_remove_member (tables, "files");
  json_object_remove_member (tables, "resume_versions");
  json_object_remove_member (tables, "documents");
  json_object_remove_member (tables, "postings");
  json_object_remove_member (doc, "sequences");
  /* Schema 3 added the invitation's uid and sequence to interviews. */
  for (guint i = 0; i < json_array_get_length (interviews); i++)
    {
      JsonObject *row = json_array_get_object_element (interviews, i);

      json_object_remove_member (row, "invite_uid");
      json_object_remove_member (row, "invite_sequence");
      /* Schema 9 added the calendar revision and its digest. */
      json_object_remove_member (row, "revision");
      json_object_remove_member (row, "shown_digest");
    }
  /* Schema 5 added the skills of applications. */
  for (guint i = 0; i < json_array_get_length (applications); i++)
    json_object_remove_member (json_array_get_object_element (applications, i), "skills");
}

static void
without_calendar_identity (JsonNode *root)
{
  JsonArray *interviews = rows_of (root, "interviews");

  for (guint i = 0; i < json_array_get_length (interviews); i++)
    {
      JsonObject *row = json_array_get_object_element (interviews, i);

      json_object_remove_member (row, "revision");
      json_object_remove_member (row, "shown_digest");
    }
}

static void
as_schema_1_with_reminders (JsonNode *root)
{
  JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");

  json_object_set_int_member (json_node_get_object (root), "schema", 1);
  json_object_remove_member (tables, "settings");
  json_object_remove_member (tables, "sync_collection");
  json_object_remove_member (tables, "sync_items");
  json_object_remove_member (tables, "files");
  json_object_remove_member (tables, "resume_versions");
  json_object_remove_member (tables, "documents");
  json_object_remove_member (tables, "postings");
  json_object_remove_member (json_node_get_object (root), "sequences");
}

static void
test_older_schema_backup (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *again = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) expected = NULL;

  populate (f->original);
  text = dump (f->original);
  bad = edited (text, as_schema_1_with_reminders);
  restore_refused (f->restored, bad, strlen (bad), "'reminders'");
  old = edited (text, as_schema_1);
  restore_ok (f->restored, old);
  again = dump (f->restored);
  root = parse (again);
  expected = parse (text);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "schema"), ==,
                   jt_store_get_schema_version (f->restored));
  g_assert_cmpuint (json_array_get_length (rows_of (root, "reminders")), ==, 0);
  /* The interviews restored start their calendar revisions afresh. */
  without_calendar_identity (root);
  without_calendar_identity (expected);
  for (guint t = 0; t < 11; t++)
    g_assert_true (json_node_equal (
        json_object_get_member (
            json_object_get_object_member (json_node_get_object (root), "tables"), table_order[t]),
        json_object_get_member (
            json_object_get_object_member (json_node_get_object (expected), "tables"),
            table_order[t])));
}

/* A backup of schema 12 knew nothing of posted_on_day or of a pending push (0013). */
static void
as_schema_12 (JsonNode *root)
{
  JsonArray *postings = rows_of (root, "postings");
  JsonArray *items = rows_of (root, "sync_items");

  json_object_set_int_member (json_node_get_object (root), "schema", 12);
  for (guint i = 0; i < json_array_get_length (postings); i++)
    json_object_remove_member (json_array_get_object_element (postings, i), "posted_on_day");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      json_object_remove_member (json_array_get_object_element (items, i), "pending_ics");
      json_object_remove_member (json_array_get_object_element (items, i), "pending_revision");
    }
}

/* The restored posting of the application whose posting has the address `url`. */
static JtSavedPosting *
restored_posting (JtStore *store, const char *url)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = jt_store_posting_find (store, url, NULL, &error);
  JtSavedPosting *posting = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (jt_store_posting_lookup (store, g_array_index (ids, gint64, 0), &posting, &error));
  g_assert_no_error (error);
  g_assert_nonnull (posting);
  return posting;
}

static void
test_schema_12_posting (Fixture *f, gconstpointer data)
{
  const char *url = "https://jobs.example/initech/7?utm=\"x\"";
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autoptr (JtSavedPosting) posting = NULL;
  g_autoptr (JtSavedPosting) original = NULL;

  populate (f->original);
  text = dump (f->original);
  g_assert_nonnull (strstr (text, "\"posted_on_day\""));
  old = edited (text, as_schema_12);
  g_assert_null (strstr (old, "\"posted_on_day\""));
  restore_ok (f->restored, old);
  /* The day it was posted is worked out as migration 0013 does: still a day. */
  posting = restored_posting (f->restored, url);
  original = restored_posting (f->original, url);
  g_assert_true (original->posted_on_day);
  g_assert_true (posting->posted_on_day);
  g_assert_cmpint (posting->posted_at, ==, original->posted_at);
  g_assert_true (posting->closes_on_day);
  g_assert_cmpint (posting->closes_at, ==, original->closes_at);
}

/* ---- Every statement has an index behind it ---------------------------------------- */

static void
test_every_query_is_indexed (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) original_problems = NULL;
  g_autoptr (GPtrArray) restored_problems = NULL;
  g_autofree char *original_path = g_build_filename (f->dir, "original.db", NULL);
  g_autofree char *restored_path = g_build_filename (f->dir, "restored.db", NULL);
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;

  populate (f->original);
  text = dump (f->original);
  csv = jt_csv_export_applications (f->original, f->tz, &error);
  g_assert_no_error (error);
  restore_ok (f->restored, text);
  g_free (jt_backup_dump (f->restored, &error));
  g_assert_no_error (error);

  /* As in test-store.c; the reminders' id counter lives in sqlite_sequence. */
  original_problems = jt_test_unindexed_queries (f->original, original_path);
  restored_problems = jt_test_unindexed_queries (f->restored, restored_path);
  g_assert_cmpuint (original_problems->len, ==, 0);
  g_assert_cmpuint (restored_problems->len, ==, 0);
}

/* ---- CSV -------------------------------------------------------------------------------- */

static void
insert_app (JtStore *store, const char *company, const char *role, const char *source,
            const char *url, int interest, const char *decision_date, JtStatus status)
{
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);
  g_autoptr (GError) error = NULL;

  app->company = g_strdup (company);
  g_free (app->role);
  app->role = g_strdup (role);
  app->source = g_strdup (source);
  app->url = g_strdup (url);
  app->interest = interest;
  app->decision_date = g_strdup (decision_date);
  app->status = status;
  g_assert_true (jt_store_application_insert (store, app, NOW, &error));
  g_assert_no_error (error);
  commit (g_steal_pointer (&txn));
}

static void
test_csv_quoting_and_formulas (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  const char *expected
      = "id,company,role,status,decision_date,source,url,interest,created,updated\r\n"
        "1,\"'=1+1\",\"'+cmd\",applied,,\"'-2\",\"'@SUM(A1)\",,"
        "2026-12-01T09:00:00+01:00,2026-12-01T09:00:00+01:00\r\n"
        "2,\"Quote \"\"Co\"\", Inc.\",\"line one\r\nline two\",interviewing,2026-12-10,"
        "\"'\tTabbed\",\"'\rcr\",3,2026-12-01T09:00:00+01:00,2026-12-01T09:00:00+01:00\r\n"
        "3,Société Générale,,lead,,a-b=c,mailto:x@example.com,5,"
        "2026-12-01T09:00:00+01:00,2026-12-01T09:00:00+01:00\r\n";

  insert_app (f->original, "=1+1", "+cmd", "-2", "@SUM(A1)", 0, NULL, JT_STATUS_APPLIED);
  insert_app (f->original, "Quote \"Co\", Inc.", "line one\r\nline two", "\tTabbed", "\rcr", 3,
              "2026-12-10", JT_STATUS_INTERVIEWING);
  insert_app (f->original, "Société Générale", "", "a-b=c", "mailto:x@example.com", 5, NULL,
              JT_STATUS_LEAD);
  csv = jt_csv_export_applications (f->original, f->tz, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==, expected);
}

static void
test_csv_empty_and_zone (Fixture *f, gconstpointer data)
{
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = jt_csv_export_applications (f->original, f->tz, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==,
                   "id,company,role,status,decision_date,source,url,interest,created,updated\r\n");
  insert_app (f->original, "Globex", "SRE", NULL, NULL, 0, NULL, JT_STATUS_APPLIED);
  csv = jt_csv_export_applications (f->original, new_york, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==,
                   "id,company,role,status,decision_date,source,url,interest,created,updated\r\n"
                   "1,Globex,SRE,applied,,,,,2026-12-01T03:00:00-05:00,"
                   "2026-12-01T03:00:00-05:00\r\n");
}

/* ---- Streaming ------------------------------------------------------------------------ */

typedef struct
{
  GString *text;
  guint pieces;
  gsize largest;
  guint fail_at; /* the piece whose write fails, 0 for none */
} Pieces;

static gboolean
take_piece (const char *text, gsize length, gpointer user_data, GError **error)
{
  Pieces *p = user_data;

  if (++p->pieces == p->fail_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  g_string_append_len (p->text, text, (gssize) length);
  p->largest = MAX (p->largest, length);
  return TRUE;
}

/* Enough interviews that the dump is several times larger than one piece. */
static void
populate_large (Fixture *f)
{
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *company = g_strdup_printf ("Company %u", i);

      log_interview (f->original, company, "SRE", NOW - DAY + i, NOW);
    }
}

/* A large backup is handed on in pieces as it is made, never held whole, and the
 * pieces make the same document. */
static void
test_dump_streams_in_pieces (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *whole = NULL;
  Pieces p = { g_string_new (NULL), 0, 0, 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();

  populate_large (f);
  whole = dump (f->original);
  g_assert_cmpuint (strlen (whole), >, 4 * 64 * 1024);
  g_assert_true (jt_backup_dump_write (f->original, take_piece, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.pieces, >=, 4);
  /* A piece is a block of 64 KB and the row that filled it. */
  g_assert_cmpuint (p.largest, <, 72 * 1024);
  g_assert_cmpstr (p.text->str, ==, whole);
  g_assert_true (json_parser_load_from_data (parser, p.text->str, -1, &error));
  g_assert_no_error (error);
  g_string_free (p.text, TRUE);
}

/* A write that fails (a full disk) stops the dump with its error and leaves the store
 * as it was: no snapshot left open, the next write goes through. */
static void
test_dump_stops_at_a_failed_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Pieces p = { g_string_new (NULL), 0, 0, 2 };
  JtTransaction *txn;

  populate_large (f);
  g_assert_false (jt_backup_dump_write (f->original, take_piece, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (p.pieces, ==, 2);
  g_clear_error (&error);
  txn = jt_store_begin_write (f->original, &error);
  g_assert_no_error (error);
  commit (txn);
  g_string_free (p.text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JT_TEST_ADD ("/backup/dump/format", test_dump_format);
  JT_TEST_ADD ("/backup/dump/has-every-column", test_dump_has_every_column);
  JT_TEST_ADD ("/backup/dump/refuses-what-it-cannot-restore",
               test_dump_refuses_what_it_cannot_restore);
  JT_TEST_ADD ("/backup/dump/streams-in-pieces", test_dump_streams_in_pieces);
  JT_TEST_ADD ("/backup/dump/stops-at-a-failed-write", test_dump_stops_at_a_failed_write);
  JT_TEST_ADD ("/backup/round-trip/is-exact", test_round_trip_is_exact);
  JT_TEST_ADD ("/backup/round-trip/restored-behaves-like-original",
               test_restored_behaves_like_original);
  JT_TEST_ADD ("/backup/round-trip/restore-marks-nothing", test_restore_marks_nothing);
  JT_TEST_ADD ("/backup/round-trip/hostile-text-survives", test_hostile_text_survives);
  JT_TEST_ADD ("/backup/restore/refuses-database-with-records", test_refuses_database_with_records);
  JT_TEST_ADD ("/backup/restore/settings-only-database-is-empty",
               test_settings_only_database_is_empty);
  JT_TEST_ADD ("/backup/restore/refuses-garbage", test_refuses_garbage);
  JT_TEST_ADD ("/backup/restore/refuses-foreign-documents", test_refuses_foreign_documents);
  JT_TEST_ADD ("/backup/restore/refuses-newer-backup", test_refuses_newer_backup);
  JT_TEST_ADD ("/backup/restore/refuses-constraint-failures", test_refuses_constraint_failures);
  JT_TEST_ADD ("/backup/restore/older-schema-backup", test_older_schema_backup);
  JT_TEST_ADD ("/backup/restore/schema-12-posting", test_schema_12_posting);
  JT_TEST_ADD ("/backup/queries/every-query-is-indexed", test_every_query_is_indexed);
  JT_TEST_ADD ("/backup/csv/quoting-and-formulas", test_csv_quoting_and_formulas);
  JT_TEST_ADD ("/backup/csv/empty-and-zone", test_csv_empty_and_zone);
  return g_test_run ();
}
