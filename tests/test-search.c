/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: the full-text index (schema 6) and company families (and that the
 * queries of `stats` and `import --csv` need no scan either): what is found,
 * how it is ranked, that typed text is never read as query syntax, that the index
 * follows every write and that the migration indexes the rows of an older database. */
#include <sqlite3.h>

#include "jt-csv-import.h"
#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-search.h"
#include "jt-stats.h"
#include "jt-store-touches.h"
#include "jt-test-add.h"
#include "jt-test-util.h"

#define NOW 1796112000 /* 2026-12-01T08:00:00Z */

typedef struct
{
  char *dir;
  char *path;
  JtStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-search-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, jt_store_free);
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

typedef struct
{
  gint64 app, contact, interview, touch;
} Records;

/* One record of each kind, each with its own word to find. */
static Records
populate (JtStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, &error);
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtContact) contact = jt_contact_new ();
  g_autoptr (JtInterview) interview = jt_interview_new ();
  g_autoptr (JtTouch) touch = jt_touch_new ();
  Records records;

  g_free (app->role);
  app->company = g_strdup ("Société Générale SA");
  app->role = g_strdup ("Platform Engineer");
  app->notes = g_strdup ("Referred by a former colleague; the team runs Kubernetes");
  g_assert_true (jt_store_application_insert (store, app, NOW, &error));
  contact->name = g_strdup ("Ingrid Bergström");
  contact->company = g_strdup ("Société Générale");
  contact->title = g_strdup ("Head of Infrastructure");
  contact->notes = g_strdup ("Loves sailing");
  g_assert_true (jt_store_contact_insert (store, contact, NOW, &error));
  interview->application_id = app->id;
  interview->start_at = NOW;
  interview->objections = g_strdup ("Worried about my lack of Terraform experience");
  interview->notes = g_strdup ("Panel of three, friendly");
  g_assert_true (jt_store_interview_insert (store, interview, NOW, &error));
  touch->application_id = app->id;
  touch->contact_id = contact->id;
  touch->kind = JT_TOUCH_CALL;
  touch->at = NOW;
  touch->about = g_strdup ("Asked about the onboarding budget");
  g_assert_true (jt_store_touch_insert (store, touch, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  records = (Records){ app->id, contact->id, interview->id, touch->id };
  return records;
}

static GPtrArray *
search (JtStore *store, const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits = jt_store_search (store, text, 20, "[", "]", &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* The only hit for `text` is the record `kind` `id`. */
static void
assert_finds_only (JtStore *store, const char *text, JtSearchKind kind, gint64 id)
{
  g_autoptr (GPtrArray) hits = search (store, text);

  if (hits->len != 1)
    g_error ("'%s' found %u records, expected 1", text, hits->len);
  g_assert_cmpint (((JtSearchHit *) hits->pdata[0])->kind, ==, kind);
  g_assert_cmpint (((JtSearchHit *) hits->pdata[0])->id, ==, id);
}

static void
test_finds_every_kind (Fixture *f, gconstpointer data)
{
  Records r = populate (f->store);
  g_autoptr (GPtrArray) hits = NULL;
  JtSearchHit *hit;

  assert_finds_only (f->store, "kubernetes", JT_SEARCH_APPLICATION, r.app);
  assert_finds_only (f->store, "sailing", JT_SEARCH_CONTACT, r.contact);
  assert_finds_only (f->store, "terraform", JT_SEARCH_INTERVIEW, r.interview);
  assert_finds_only (f->store, "onboarding budget", JT_SEARCH_TOUCH, r.touch);

  /* Each hit says where it belongs, and shows the match. */
  hits = search (f->store, "terraform");
  hit = hits->pdata[0];
  g_assert_cmpint (hit->application_id, ==, r.app);
  g_assert_cmpstr (hit->company, ==, "Société Générale SA");
  g_assert_cmpstr (hit->role, ==, "Platform Engineer");
  g_assert_cmpstr (hit->what, ==, "onsite");
  g_assert_cmpint (hit->at, ==, NOW);
  g_assert_nonnull (strstr (hit->snippet, "[Terraform]"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f->store, "budget");
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->contact_name, ==, "Ingrid Bergström");
  g_assert_cmpstr (hit->what, ==, "call");
}

static void
test_case_accents_and_prefixes (Fixture *f, gconstpointer data)
{
  Records r = populate (f->store);
  g_autoptr (GPtrArray) hits = NULL;

  assert_finds_only (f->store, "BERGSTROM", JT_SEARCH_CONTACT, r.contact);
  assert_finds_only (f->store, "bergström", JT_SEARCH_CONTACT, r.contact);
  assert_finds_only (f->store, "kuber", JT_SEARCH_APPLICATION, r.app);
  /* Every word must match: the contact is not an engineer. */
  assert_finds_only (f->store, "societe engineer", JT_SEARCH_APPLICATION, r.app);
  /* A chunk is a phrase: "general societe" is not in that order anywhere. */
  hits = search (f->store, "generale-societe");
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);
  g_autoptr (JtApplication) mention = jt_application_new ();
  g_autoptr (JtApplication) named = jt_application_new ();
  g_autoptr (GPtrArray) hits = NULL;

  /* Inserted first, so that order of insertion cannot explain the result. */
  mention->company = g_strdup ("Initech");
  mention->notes = g_strdup ("A long note that, among many other things, mentions Globex "
                             "once, in passing, next to the weather and the commute.");
  g_assert_true (jt_store_application_insert (f->store, mention, NOW, &error));
  named->company = g_strdup ("Globex");
  g_assert_true (jt_store_application_insert (f->store, named, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  hits = search (f->store, "globex");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((JtSearchHit *) hits->pdata[0])->id, ==, named->id);
  g_assert_cmpint (((JtSearchHit *) hits->pdata[1])->id, ==, mention->id);
  g_assert_cmpfloat (((JtSearchHit *) hits->pdata[0])->rank, <,
                     ((JtSearchHit *) hits->pdata[1])->rank);
}

/* What people type is text: FTS5's operators and quotes never make an error. */
static void
test_typed_text_is_never_syntax (Fixture *f, gconstpointer data)
{
  const char *hostile[] = {
    "\"",
    "\"\"",
    "*",
    "-",
    "-kubernetes",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(a b)",
    "kubernetes AND",
    "name:kubernetes",
    "^kubernetes",
    "kubernetes)",
    "(kubernetes",
    "\"kubernetes",
    "kubernetes*",
    "+",
    "a:b:c",
    "{name about}: x",
    "C++",
    "O'Brien",
  };
  Records r = populate (f->store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) empty = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *query = jt_search_query_from_text (hostile[i], NULL);
      g_autoptr (GPtrArray) hits = NULL;

      g_test_message ("typed %s -> %s", hostile[i], query != NULL ? query : "(nothing)");
      if (query == NULL)
        continue;
      hits = jt_store_search (f->store, hostile[i], 20, "[", "]", &error);
      g_assert_no_error (error);
    }
  /* The words around the punctuation still count. */
  assert_finds_only (f->store, "\"kubernetes", JT_SEARCH_APPLICATION, r.app);
  assert_finds_only (f->store, "-kubernetes)", JT_SEARCH_APPLICATION, r.app);
  assert_finds_only (f->store, "(kubernetes*", JT_SEARCH_APPLICATION, r.app);
  /* An operator is just a word: nothing here says "and". */
  empty = search (f->store, "kubernetes AND");
  g_assert_cmpuint (empty->len, ==, 0);
  /* Nothing but punctuation is a usage error, not an empty result. */
  g_assert_null (jt_store_search (f->store, "*\"-", 20, "[", "]", &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
}

static void
test_index_follows_writes (Fixture *f, gconstpointer data)
{
  Records r = populate (f->store);
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtApplication) app = jt_store_application_get (f->store, r.app, &error);
  g_autoptr (JtInterview) interview = jt_store_interview_get (f->store, r.interview, &error);
  g_autoptr (JtContact) contact = jt_store_contact_get (f->store, r.contact, &error);
  g_autoptr (GPtrArray) gone = NULL;

  txn = jt_store_begin_write (f->store, &error);
  g_free (app->notes);
  app->notes = g_strdup ("Now they use Nomad");
  g_assert_true (jt_store_application_update (f->store, app, NOW, &error));
  g_free (interview->objections);
  interview->objections = g_strdup ("No Pulumi experience");
  g_assert_true (jt_store_interview_update (f->store, interview, NOW, &error));
  g_free (contact->name);
  contact->name = g_strdup ("Ingrid Lindqvist");
  g_assert_true (jt_store_contact_update (f->store, contact, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);

  assert_finds_only (f->store, "nomad", JT_SEARCH_APPLICATION, r.app);
  assert_finds_only (f->store, "pulumi", JT_SEARCH_INTERVIEW, r.interview);
  assert_finds_only (f->store, "lindqvist", JT_SEARCH_CONTACT, r.contact);
  gone = search (f->store, "kubernetes OR terraform OR bergstrom");
  g_assert_cmpuint (gone->len, ==, 0);
  g_clear_pointer (&gone, g_ptr_array_unref);

  /* Removing the application takes its interview and touch out of the index too. */
  txn = jt_store_begin_write (f->store, &error);
  g_assert_true (jt_store_application_delete (f->store, r.app, NULL, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  gone = search (f->store, "nomad");
  g_assert_cmpuint (gone->len, ==, 0);
  g_clear_pointer (&gone, g_ptr_array_unref);
  gone = search (f->store, "pulumi");
  g_assert_cmpuint (gone->len, ==, 0);
  g_clear_pointer (&gone, g_ptr_array_unref);
  gone = search (f->store, "onboarding");
  g_assert_cmpuint (gone->len, ==, 0);
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A database made before schema 6 is indexed, and its companies get families, by the
 * migration itself. */
static void
test_migration_indexes_existing_rows (Fixture *f, gconstpointer data)
{
  Records r = populate (f->store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) family = NULL;
  g_clear_pointer (&f->store, jt_store_free);
  raw_exec (f->path, JT_TEST_UNDO_SCHEMA_6);
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jt_store_get_schema_version (f->store), ==, jt_store_known_schema_version ());

  assert_finds_only (f->store, "kubernetes", JT_SEARCH_APPLICATION, r.app);
  assert_finds_only (f->store, "sailing", JT_SEARCH_CONTACT, r.contact);
  assert_finds_only (f->store, "terraform", JT_SEARCH_INTERVIEW, r.interview);
  assert_finds_only (f->store, "budget", JT_SEARCH_TOUCH, r.touch);
  family = jt_store_application_list_family (f->store, "SOCIETE GENERALE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (family->len, ==, 1);
  g_assert_cmpint (((JtApplication *) family->pdata[0])->id, ==, r.app);
}

/* Debian's libsqlite3 is built with FTS5; schema 6 needs it. */
static void
test_sqlite_has_fts5 (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA compile_options", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found |= g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ENABLE_FTS5");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (found);
}

static void
test_company_family (void)
{
  const char *acme[] = {
    "Acme",     "ACME Inc.",  "acme gmbh",          "Acme, LLC", "Acme Ltd", "Acme S.A.",
    "  acme  ", "Acme Corp.", "ACME GmbH & Co. KG", "Acme Ltd.", "Acme plc", "Acmé",
  };
  struct
  {
    const char *company, *family;
  } cases[] = {
    { "Société Générale SA", "societe generale" },
    { "SOCIÉTÉ GÉNÉRALE", "societe generale" },
    { "Procter & Gamble Co.", "procter gamble" },
    { "Macy's, Inc.", "macys" },
    { "AG", "ag" }, /* nothing but a legal form: kept */
    { "Initech Software", "initech software" },
    { "Globex", "globex" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (acme); i++)
    {
      g_autofree char *family = jt_company_family (acme[i]);

      g_assert_cmpstr (family, ==, "acme");
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *family = jt_company_family (cases[i].company);

      g_assert_cmpstr (family, ==, cases[i].family);
    }
}

static void
test_family_lookup (Fixture *f, gconstpointer data)
{
  const char *companies[] = { "ACME Inc.", "Globex", "acme gmbh", "Acme Widgets" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);
  g_autoptr (GPtrArray) family = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      g_autoptr (JtApplication) app = jt_application_new ();

      app->company = g_strdup (companies[i]);
      g_assert_true (jt_store_application_insert (f->store, app, NOW, &error));
    }
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  family = jt_store_application_list_family (f->store, "Acme, LLC", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (family->len, ==, 2);
  g_assert_cmpstr (((JtApplication *) family->pdata[0])->company, ==, "ACME Inc.");
  g_assert_cmpstr (((JtApplication *) family->pdata[1])->company, ==, "acme gmbh");
}

static void
test_queries_are_indexed (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) family = NULL;
  g_autoptr (GError) error = NULL;

  populate (f->store);
  hits = search (f->store, "kubernetes");
  family = jt_store_application_list_family (f->store, "Acme", &error);
  g_assert_no_error (error);
  /* `import --csv` looks up what is already there and records outcomes and contacts. */
  {
    const char csv[] = "company,role,applied,status,contact,email\n"
                       "Acme,Dev,2026-03-01,rejected,Ann,ann@acme.example\n"
                       "Globex,SRE,,interviewing,,\n";
    const JtCsvImportOptions options = { NULL, JT_CSV_DATES_GUESS, FALSE, FALSE };
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (JtCsvImportReport) report
        = jt_csv_import (f->store, csv, sizeof csv - 1, &options, utc, NOW, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->imported, ==, 2);
  }
  /* `stats` reads the same store. */
  {
    g_autoptr (JtConfig) config = jt_config_new_default ();
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (JtStats) stats = jt_stats_compute (f->store, config, NOW - 86400, NOW, utc, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stats->applications, ==, 2); /* Acme applied in March */
  }
  problems = jt_test_unindexed_queries (f->store, f->path);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JT_TEST_ADD ("/search/finds-every-kind", test_finds_every_kind);
  JT_TEST_ADD ("/search/case-accents-and-prefixes", test_case_accents_and_prefixes);
  JT_TEST_ADD ("/search/ranking", test_ranking);
  JT_TEST_ADD ("/search/typed-text-is-never-syntax", test_typed_text_is_never_syntax);
  JT_TEST_ADD ("/search/index-follows-writes", test_index_follows_writes);
  JT_TEST_ADD ("/search/migration-indexes-existing-rows", test_migration_indexes_existing_rows);
  JT_TEST_ADD ("/search/family-lookup", test_family_lookup);
  JT_TEST_ADD ("/search/queries-are-indexed", test_queries_are_indexed);
  g_test_add_func ("/search/company-family", test_company_family);
  g_test_add_func ("/search/sqlite-has-fts5", test_sqlite_has_fts5);
  return g_test_run ();
}
