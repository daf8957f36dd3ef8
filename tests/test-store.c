/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the SQLite store — opening, migrations, refusing what is not ours,
 * transactions, constraints, and an index behind every query. Each test gets a fresh
 * temporary folder and database. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-error.h"
#include "jt-interview-log.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-postings.h"
#include "jt-rules.h"
#include "jt-store-reminders.h"
#include "jt-store-stats.h"
#include "jt-store-touches.h"
#include "jt-store-sync.h"
#include "jt-store.h"

#define NOW 1796112000 /* 2026-12-01T08:00:00Z */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("jt-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs SQL on the file through a separate raw connection, as another program would. */
static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static JtApplication *
insert_application (JtStore *store, const char *company, const char *role)
{
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);
  g_autoptr (GError) error = NULL;

  app->company = g_strdup (company);
  g_free (app->role);
  app->role = g_strdup (role);
  g_assert_true (jt_store_application_insert (store, app, NOW, &error));
  g_assert_no_error (error);
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  return g_steal_pointer (&app);
}

static void
test_open_creates_private_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (jt_store_get_schema_version (store), ==, jt_store_known_schema_version ());
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, jt_store_known_schema_version ());
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, 1247958123);
}

static void
test_open_sets_wal_and_foreign_keys (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtInterview) orphan = jt_interview_new ();
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_assert_no_error (error);
  /* WAL is a property of the file: a fresh connection sees it. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* Foreign keys are enforced: an interview of no application is refused. */
  txn = jt_store_begin_write (store, &error);
  orphan->application_id = 999;
  orphan->start_at = NOW;
  g_assert_false (jt_store_interview_insert (store, orphan, NOW, &error));
  /* Input is checked before it is written: a constraint that refuses it is a bug of
   * jobtrack, said as one (and not in SQLite's words), naming what was being done. */
  g_assert_error (error, JT_ERROR, JT_ERROR_INTERNAL);
  g_assert_true (
      g_str_has_prefix (error->message, "internal error of jobtrack: adding to interviews"));
  g_assert_nonnull (strstr (error->message, "a link to a record that does not exist"));
  g_assert_null (strstr (error->message, "FOREIGN KEY"));
  g_assert_null (strstr (error->message, "constraint failed"));
}

/* A constraint that refuses a write fails the whole transaction, as an internal error. */
static void
test_constraint_is_an_internal_error (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtApplication) app = insert_application (store, "Globex", "SRE");
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtTouch) touch = jt_touch_new ();

  /* A rule the code does not know of, as a bug would be. */
  raw_exec (f->path, "CREATE TRIGGER no_touches BEFORE INSERT ON touches "
                     "BEGIN SELECT RAISE (ABORT, 'no'); END");
  txn = jt_store_begin_write (store, &error);
  app->notes = g_strdup ("changed first");
  g_assert_true (jt_store_application_update (store, app, NOW, &error));
  touch->application_id = app->id;
  touch->at = NOW;
  g_assert_false (jt_store_touch_insert (store, touch, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INTERNAL);
  g_assert_true (
      g_str_has_prefix (error->message, "internal error of jobtrack: adding to touches"));
  g_clear_pointer (&txn, jt_transaction_free);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM applications WHERE notes IS NULL"), ==,
                   1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM touches"), ==, 0);
}

static void
test_reopen_keeps_records (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtApplication) again = NULL;
  JtStore *store = jt_test_store_open (f->path, &error);

  g_assert_no_error (error);
  app = insert_application (store, "Globex", "SRE");
  jt_store_free (store);
  store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  again = jt_store_application_get (store, app->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->company, ==, "Globex");
  jt_store_free (store);
}

static void
test_newer_schema_refused_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  JtStore *store = jt_test_store_open (f->path, &error);

  g_assert_no_error (error);
  jt_store_free (store);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));

  store = jt_test_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer jobtrack"));
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_foreign_database_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = NULL;

  raw_exec (f->path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x')");
  store = jt_test_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM songs"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 0);
}

static void
test_not_a_database_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = NULL;
  g_autofree char *after = NULL;
  const char *text = "these are my notes, not a database\n";

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  store = jt_test_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_directory_and_symlink_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = NULL;
  g_autofree char *target = g_build_filename (f->dir, "elsewhere.db", NULL);

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  store = jt_test_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_rmdir (f->path);

  g_assert_cmpint (symlink (target, f->path), ==, 0);
  store = jt_test_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder_is_an_error (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "jobtrack.db", NULL);
  g_autoptr (JtStore) store = jt_test_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
}

/* The file's bytes and modification time, and whether a -wal is beside it. */
typedef struct
{
  char *bytes;
  gsize length;
  gint64 mtime_ns;
  gboolean wal;
} FileState;

static void
file_state_read (const char *path, FileState *state)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &state->bytes, &state->length, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  state->mtime_ns
      = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  state->wal = g_file_test (wal, G_FILE_TEST_EXISTS);
}

static void
assert_file_unchanged (const char *path, const FileState *before)
{
  FileState after = { 0 };

  file_state_read (path, &after);
  g_assert_cmpmem (before->bytes, before->length, after.bytes, after.length);
  g_assert_cmpint (before->mtime_ns, ==, after.mtime_ns);
  g_assert_cmpint (before->wal, ==, after.wal);
  g_free (after.bytes);
}

/* A reader reads what is there, refuses to write, and leaves the file as it was. */
static void
test_read_only_never_writes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  JtStore *writer = jt_test_store_open (f->path, &error);
  G_GNUC_UNUSED g_autoptr (JtApplication) app = insert_application (writer, "Globex", "SRE");
  g_autoptr (JtStore) reader = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  FileState before = { 0 };

  jt_store_free (writer);
  file_state_read (f->path, &before);
  g_assert_false (before.wal);
  g_usleep (20000); /* a write would show in the modification time */
  reader = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jt_store_is_read_only (reader));
  apps = jt_store_application_list (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apps->len, ==, 1);
  txn = jt_store_begin_write (reader, &error);
  g_assert_null (txn);
  g_assert_error (error, JT_ERROR, JT_ERROR_INTERNAL);
  g_clear_pointer (&reader, jt_store_free);
  assert_file_unchanged (f->path, &before);
  g_free (before.bytes);
}

/* A database that does not exist yet reads as an empty one, and is not created. */
static void
test_read_only_missing_file_is_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "not-yet", NULL);
  g_autofree char *path = g_build_filename (folder, "jobtrack.db", NULL);
  g_autoptr (JtStore) store = jt_store_open (path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) open = NULL;

  g_assert_no_error (error);
  apps = jt_store_application_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apps->len, ==, 0);
  open = jt_store_reminder_list_open (store, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 0);
  g_clear_pointer (&store, jt_store_free);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  /* In a folder that exists; and a file a writer created but never gave a schema. */
  store = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&store, jt_store_free);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (apps);
  apps = jt_store_application_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apps->len, ==, 0);
  g_clear_pointer (&store, jt_store_free);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 0);
}

/* A reader does not migrate an older schema: it reads a copy upgraded in memory and
 * leaves the file alone; the next writer migrates the file. */
static void
test_read_only_older_schema_reads_upgraded_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  JtStore *store = jt_test_store_open (f->path, &error);
  G_GNUC_UNUSED g_autoptr (JtApplication) app = insert_application (store, "Globex", "SRE");
  g_autoptr (GPtrArray) apps = NULL;
  FileState before = { 0 };

  jt_store_free (store);
  raw_exec (f->path, JT_TEST_UNDO_SCHEMA_7);
  file_state_read (f->path, &before);
  store = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jt_store_reads_upgraded_copy (store));
  g_assert_cmpuint (jt_store_get_schema_version (store), ==, jt_store_known_schema_version ());
  apps = jt_store_application_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apps->len, ==, 1);
  g_clear_pointer (&apps, g_ptr_array_unref);
  jt_store_free (store);
  assert_file_unchanged (f->path, &before);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 6);

  store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  jt_store_free (store);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, jt_store_known_schema_version ());
  store = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (jt_store_reads_upgraded_copy (store));
  apps = jt_store_application_list (store, &error);
  g_assert_cmpuint (apps->len, ==, 1);
  jt_store_free (store);
  g_free (before.bytes);
}

static void
test_read_only_newer_schema_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  JtStore *store = jt_test_store_open (f->path, &error);
  FileState before = { 0 };

  jt_store_free (store);
  raw_exec (f->path, "PRAGMA user_version = 99");
  file_state_read (f->path, &before);
  store = jt_store_open (f->path, JT_STORE_READ_ONLY, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_NEWER_SCHEMA);
  assert_file_unchanged (f->path, &before);
  g_free (before.bytes);
}

/* A writer exists only with the hook that derives its follow-ups. */
static void
test_writer_needs_its_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  JtStore *store;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*commit hook*");
  store = jt_store_open (f->path, JT_STORE_WRITE, NULL, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_null (store);
  g_assert_error (error, JT_ERROR, JT_ERROR_INTERNAL);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* A file at schema 1 (before reminders) is brought to the newest schema, data kept. */
static void
test_migration_from_first_version (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (JtApplication) app = NULL;

  g_assert_no_error (error);
  app = insert_application (store, "Initech", "");
  g_clear_pointer (&store, jt_store_free);
  raw_exec (f->path, JT_TEST_UNDO_SCHEMA_6
            "DROP TABLE reminders; DROP TABLE settings; "
            "DROP INDEX offers_open_by_deadline; "
            "DROP INDEX applications_by_status; DROP INDEX contacts_in_network; "
            "DROP INDEX interviews_by_invite_uid; "
            "ALTER TABLE interviews DROP COLUMN invite_sequence; "
            "ALTER TABLE interviews DROP COLUMN invite_uid; "
            "DROP INDEX applications_by_created; "
            "ALTER TABLE applications DROP COLUMN skills; "
            "PRAGMA user_version = 1");
  store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jt_store_get_schema_version (store), ==, jt_store_known_schema_version ());
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, jt_store_known_schema_version ());
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM reminders"), ==, 0);
  apps = jt_store_application_list (store, &error);
  g_assert_cmpuint (apps->len, ==, 1);
}

static void
test_rollback_on_error (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (JtApplication) good = jt_application_new ();
  g_autoptr (JtApplication) bad = jt_application_new ();
  JtTransaction *txn = jt_store_begin_write (store, &error);

  g_assert_no_error (error);
  good->company = g_strdup ("Globex");
  g_assert_true (jt_store_application_insert (store, good, NOW, &error));
  bad->company = g_strdup ("   ");
  g_assert_false (jt_store_application_insert (store, bad, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  jt_transaction_free (txn); /* not committed: everything goes */
  apps = jt_store_application_list (store, NULL);
  g_assert_cmpuint (apps->len, ==, 0);
}

static void
test_constraints (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtApplication) app = insert_application (store, "Globex", "SRE");
  G_GNUC_UNUSED g_autoptr (JtTransaction) txn = jt_store_begin_write (store, &error);
  g_autoptr (JtInterview) interview = jt_interview_new ();
  g_autoptr (JtContact) nameless = jt_contact_new ();
  g_autoptr (JtOffer) offer = jt_offer_new ();

  interview->application_id = app->id;
  interview->rating = 9;
  g_assert_false (jt_store_interview_insert (store, interview, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_clear_error (&error);

  nameless->name = g_strdup ("");
  g_assert_false (jt_store_contact_insert (store, nameless, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_clear_error (&error);

  offer->application_id = app->id;
  offer->received_on = g_strdup ("2026-12-05");
  offer->deadline = g_strdup ("2026-12-01");
  g_assert_false (jt_store_offer_insert (store, offer, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_clear_error (&error);

  /* A decision date that is not a day is bad input, found before the schema's CHECK. */
  g_free (app->decision_date);
  app->decision_date = g_strdup ("2026-02-30");
  g_assert_false (jt_store_application_update (store, app, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  /* The schema itself refuses what code might let through. */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM applications"), ==, 1);
}

static void
test_hostile_text_round_trips (Fixture *f, gconstpointer data)
{
  const char *texts[] = {
    "'; DROP TABLE applications; --", "<b>bold</b> & <a href='x'>link</a>",
    "line one\r\nline two\n",         "Zürich 東京 🚀",
    "quote \" and back\\slash",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (JtApplication) app = insert_application (store, texts[i], texts[i]);
      g_autoptr (JtApplication) read = jt_store_application_get (store, app->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (read->company, ==, texts[i]);
      g_assert_cmpstr (read->role, ==, texts[i]);
    }
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM applications"), ==,
                   G_N_ELEMENTS (texts));
}

static void
test_status_history_and_decision_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtApplication) app = insert_application (store, "Globex", "SRE");
  g_autoptr (JtApplication) read = NULL;
  g_autoptr (GArray) history = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, &error);
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();

  app->status = JT_STATUS_INTERVIEWING;
  app->decision_date = g_strdup ("2026-12-10");
  g_assert_true (jt_store_application_update (store, app, NOW + 60, &error));
  g_free (app->decision_date);
  app->decision_date = g_strdup ("2026-12-17");
  g_assert_true (jt_store_application_update (store, app, NOW + 120, &error));
  outcome->application_id = app->id;
  outcome->kind = JT_OUTCOME_REJECTED;
  outcome->occurred_at = NOW + 180;
  g_assert_true (jt_store_outcome_insert (store, outcome, NOW + 180, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));

  read = jt_store_application_get (store, app->id, &error);
  g_assert_cmpstr (read->decision_date, ==, "2026-12-17");
  g_assert_cmpint (read->status, ==, JT_STATUS_REJECTED);
  history = jt_store_application_status_history (store, app->id, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (g_array_index (history, JtStatusChange, 0).status, ==, JT_STATUS_APPLIED);
  g_assert_cmpint (g_array_index (history, JtStatusChange, 1).status, ==, JT_STATUS_INTERVIEWING);
  g_assert_cmpint (g_array_index (history, JtStatusChange, 1).changed_at, ==, NOW + 60);
  g_assert_cmpint (g_array_index (history, JtStatusChange, 2).status, ==, JT_STATUS_REJECTED);
  g_assert_cmpint (g_array_index (history, JtStatusChange, 2).changed_at, ==, NOW + 180);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM decision_dates"), ==, 2);
}

static JtInterviewLog *
make_log (const char *company, const char *role, const char *const *people)
{
  JtInterviewLog *log = jt_interview_log_new ();

  log->company = g_strdup (company);
  log->role = g_strdup (role);
  log->interview->start_at = NOW;
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    g_ptr_array_add (log->people, jt_person_parse (people[i], NULL));
  return log;
}

static void
test_interview_log_reuses_and_creates (Fixture *f, gconstpointer data)
{
  const char *first_people[] = { "Raj Patel <raj@globex.example>, CTO", "Ana Lima", NULL };
  const char *second_people[] = { "raj patel", "Bo Chen <bo@globex.example>", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtInterviewLog) first = make_log ("Globex", "SRE", first_people);
  g_autoptr (JtInterviewLog) second = make_log ("GLOBEX", "sre", second_people);
  g_auto (JtInterviewLogResult) r1 = { 0 };
  g_auto (JtInterviewLogResult) r2 = { 0 };
  g_autoptr (JtContact) raj = NULL;

  first->decision_maker = g_strdup ("Raj Patel");
  first->decision_date = g_strdup ("2026-12-10");
  g_assert_true (jt_interview_log_record (store, first, NOW, &r1, &error));
  g_assert_no_error (error);
  g_assert_true (r1.application_created);
  g_assert_cmpuint (r1.contacts->len, ==, 2);
  g_assert_cmpuint (first->interview->interviewers->len, ==, 2);

  second->influencer = g_strdup ("Dee Park");
  g_assert_true (jt_interview_log_record (store, second, NOW + 3600, &r2, &error));
  g_assert_no_error (error);
  g_assert_false (r2.application_created);
  g_assert_cmpint (r2.application->id, ==, r1.application->id);
  /* Raj reused by name, Bo new, Dee new but not an interviewer. */
  g_assert_cmpuint (r2.contacts->len, ==, 3);
  g_assert_false (g_array_index (r2.created, gboolean, 0));
  g_assert_true (g_array_index (r2.created, gboolean, 1));
  g_assert_cmpuint (second->interview->interviewers->len, ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM contacts"), ==, 4);

  raj = jt_store_contact_get (store, ((JtContact *) g_ptr_array_index (r1.contacts, 0))->id,
                              &error);
  g_assert_cmpstr (raj->email, ==, "raj@globex.example");
  g_assert_cmpstr (raj->title, ==, "CTO");
  g_assert_true (raj->roles & JT_ROLE_DECISION_MAKER);
}

static void
test_interview_log_failure_writes_nothing (Fixture *f, gconstpointer data)
{
  const char *people[] = { "Raj Patel", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtInterviewLog) log = make_log ("Globex", "SRE", people);
  g_auto (JtInterviewLogResult) result = { 0 };

  log->interview->rating = 9; /* refused by the last insert, after app and contact */
  g_assert_false (jt_interview_log_record (store, log, NOW, &result, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM applications"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM contacts"), ==, 0);
}

static void
test_person_parse (void)
{
  const struct
  {
    const char *text, *name, *email, *title;
  } cases[] = {
    { "Raj Patel <raj@x.example>, CTO", "Raj Patel", "raj@x.example", "CTO" },
    { "  Raj Patel  ", "Raj Patel", NULL, NULL },
    { "Raj Patel, Head of Platform", "Raj Patel", NULL, "Head of Platform" },
    { "Raj <raj@x.example>", "Raj", "raj@x.example", NULL },
    { "Ana Lima <ana@x.example>, VP, Engineering", "Ana Lima", "ana@x.example", "VP, Engineering" },
  };
  const char *bad[] = { "", "<raj@x.example>", "Raj <raj@x.example", "Raj <not-an-email>",
                        "Raj <raj@x.example> CTO" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtContact) person = jt_person_parse (cases[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (person->name, ==, cases[i].name);
      g_assert_cmpstr (person->email, ==, cases[i].email);
      g_assert_cmpstr (person->title, ==, cases[i].title);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtContact) person = jt_person_parse (bad[i], &error);

      g_assert_null (person);
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    }
}

static void
test_delete_application_keeps_shared_contacts (Fixture *f, gconstpointer data)
{
  const char *people_a[] = { "Shared Person", "Only A", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtInterviewLog) a = make_log ("Globex", "SRE", people_a);
  g_auto (JtInterviewLogResult) ra = { 0 };
  g_autoptr (JtApplication) b = insert_application (store, "Globex", "DBA");
  g_autoptr (JtTransaction) txn = NULL;
  JtRemovedCounts removed;
  gint64 shared_id;

  g_assert_true (jt_interview_log_record (store, a, NOW, &ra, &error));
  shared_id = ((JtContact *) g_ptr_array_index (ra.contacts, 0))->id;
  txn = jt_store_begin_write (store, &error);
  g_assert_true (jt_store_application_link_contact (store, b->id, shared_id, &error));
  g_assert_true (jt_store_application_delete (store, ra.application->id, &removed, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed.interviews, ==, 1);
  g_assert_cmpuint (removed.contacts, ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT id FROM contacts"), ==, shared_id);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM interviews"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM interview_contacts"), ==, 0);
}

/* A second connection waiting on BEGIN IMMEDIATE gets JT_ERROR_BUSY after the timeout,
 * not a half-done write. */
static void
test_locked_database_is_busy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) holder = jt_test_store_open (f->path, &error);
  g_autoptr (JtStore) waiter = jt_test_store_open (f->path, &error);
  G_GNUC_UNUSED g_autoptr (JtTransaction) held = jt_store_begin_write (holder, &error);
  g_autoptr (JtTransaction) blocked = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  blocked = jt_store_begin_write (waiter, &error);
  g_assert_null (blocked);
  g_assert_error (error, JT_ERROR, JT_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "locked"));
  /* It waited for the busy timeout rather than failing at once. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (JT_STORE_BUSY_TIMEOUT_MS - 500) * 1000);
}

/* Every statement the store prepares, run over a database with rows, is answered
 * through an index (or by rowid); whole-table listings are the only scans allowed. */
static void
test_every_query_is_indexed (Fixture *f, gconstpointer data)
{
  const char *people[] = { "Raj Patel <raj@globex.example>, CTO", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtInterviewLog) log = make_log ("Globex", "SRE", people);
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtOffer) offer = jt_offer_new ();
  g_autoptr (JtTouch) touch = jt_touch_new ();
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtInterview) interview = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JtConfig) config = jt_config_new_default ();
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (JtRules) rules = jt_rules_new (config, tz, NOW);
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GPtrArray) open = NULL;
  gint64 contact_id;
  guint overdue;

  /* Every write derives its reminders, so the rules' queries are checked too. */
  jt_rules_attach (rules, store);
  /* Exercise every store function the tools call. */
  log->decision_maker = g_strdup ("Raj Patel");
  g_assert_true (jt_interview_log_record (store, log, NOW, &result, &error));
  contact_id = ((JtContact *) g_ptr_array_index (result.contacts, 0))->id;
  txn = jt_store_begin_write (store, &error);
  app = jt_store_application_get (store, result.application->id, &error);
  app->decision_date = g_strdup ("2026-12-20");
  g_assert_true (jt_store_application_update (store, app, NOW, &error));
  offer->application_id = app->id;
  offer->received_on = g_strdup ("2026-12-02");
  g_assert_true (jt_store_offer_insert (store, offer, NOW, &error));
  g_assert_true (jt_store_offer_update (store, offer, NOW, &error));
  touch->application_id = app->id;
  touch->contact_id = contact_id;
  touch->at = NOW;
  g_assert_true (jt_store_touch_insert (store, touch, NOW, &error));
  outcome->application_id = app->id;
  outcome->kind = JT_OUTCOME_ACCEPTED;
  outcome->occurred_at = NOW;
  g_assert_true (jt_store_outcome_insert (store, outcome, NOW, &error));
  contact = jt_store_contact_get (store, contact_id, &error);
  contact->network = TRUE;
  g_assert_true (jt_store_contact_update (store, contact, NOW, &error));
  g_assert_true (jt_rules_derive_everything (rules, store, &error));
  open = jt_store_reminder_list_open (store, G_MAXINT64, &error);
  g_assert_cmpuint (open->len, >, 0);
  reminder
      = jt_store_reminder_get (store, ((JtReminder *) g_ptr_array_index (open, 0))->id, &error);
  g_assert_true (jt_store_reminder_update (store, reminder, NOW, &error));
  g_ptr_array_unref (jt_store_reminder_list_network (store, contact_id, &error));
  g_assert_true (jt_store_reminder_delete (store, reminder->id, &error));
  interview = jt_store_interview_get (store, result.interview_id, &error);
  g_assert_true (jt_store_interview_update (store, interview, NOW, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (jt_store_application_list (store, &error));
  g_ptr_array_unref (jt_store_stats_applications (store, NOW - 86400, &error));
  g_array_unref (jt_store_stats_done_follow_ups (store, NOW - 86400, &error));
  g_assert_true (jt_store_stats_count_overdue (store, NOW - 86400, NOW, &overdue, &error));
  g_ptr_array_unref (jt_store_application_contacts (store, app->id, &error));
  g_array_unref (jt_store_application_status_history (store, app->id, &error));
  g_ptr_array_unref (jt_store_contact_list (store, &error));
  g_ptr_array_unref (jt_store_contact_applications (store, contact_id, &error));
  g_ptr_array_unref (jt_store_interview_list (store, 0, &error));
  g_ptr_array_unref (jt_store_interview_list (store, app->id, &error));
  g_ptr_array_unref (jt_store_offer_list (store, 0, &error));
  g_ptr_array_unref (jt_store_offer_list (store, app->id, &error));
  g_ptr_array_unref (jt_store_outcome_list (store, app->id, &error));
  g_ptr_array_unref (jt_store_touch_list (store, 0, 0, &error));
  g_ptr_array_unref (jt_store_touch_list (store, app->id, 0, &error));
  g_ptr_array_unref (jt_store_touch_list (store, 0, contact_id, &error));
  g_ptr_array_unref (jt_store_touch_list (store, app->id, contact_id, &error));
  /* What capture looks for before it records a posting. */
  g_array_unref (jt_store_posting_find (store, "https://jobs.example/1", "HQ-1", &error));
  g_assert_true (jt_store_contact_delete (store, contact_id, &error));
  g_assert_true (jt_store_application_delete (store, app->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));

  problems = jt_test_unindexed_queries (store, f->path);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The sync state: the items outlive no change of task list, and a reset forgets them
 * with the token, so everything is pushed again. */
/* A follow-up call of `app` addressed to `contact_id` (0: nobody), due at `due`. */
static gint64
insert_call (JtStore *store, gint64 app_id, gint64 contact_id, gint64 due, JtReminderState state)
{
  g_autoptr (JtReminder) call = jt_reminder_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);
  g_autoptr (GError) error = NULL;

  call->rule = JT_RULE_FOLLOW_UP_CALL;
  call->uid = g_strdup_printf ("call-%" G_GINT64_FORMAT "@test", due);
  call->application_id = app_id;
  call->contact_id = contact_id;
  call->due_at = due;
  call->state = state;
  call->title = g_strdup ("Call");
  g_assert_true (jt_store_reminder_insert (store, call, NOW, &error));
  g_assert_no_error (error);
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  return call->id;
}

static gint64
insert_person (JtStore *store, const char *name)
{
  g_autoptr (JtContact) person = jt_contact_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  g_assert_true (jt_store_contact_insert (store, person, NOW, &error));
  g_assert_no_error (error);
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  return person->id;
}

static gint64
call_due (JtStore *store, gint64 app_id, gint64 contact_id)
{
  g_autoptr (GError) error = NULL;
  gint64 due = -1;

  g_assert_true (jt_store_reminder_call_due (store, app_id, contact_id, &due, &error));
  g_assert_no_error (error);
  return due;
}

/* The call a letter promises: the person's own (their newest), else the first made;
 * never a done one, never another application's. */
static void
test_call_a_letter_promises (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtApplication) globex = insert_application (store, "Globex", "SRE");
  g_autoptr (JtApplication) acme = insert_application (store, "Acme", "SRE");
  gint64 raj = insert_person (store, "Raj Patel");
  gint64 ann = insert_person (store, "Ann Lee");
  gint64 sam = insert_person (store, "Sam Roe");

  g_assert_no_error (error);
  g_assert_cmpint (call_due (store, globex->id, raj), ==, 0);
  insert_call (store, acme->id, raj, NOW + 50, JT_REMINDER_PENDING);
  g_assert_cmpint (call_due (store, globex->id, raj), ==, 0);
  insert_call (store, globex->id, 0, NOW + 30, JT_REMINDER_PENDING);
  insert_call (store, globex->id, ann, NOW + 10, JT_REMINDER_SNOOZED);
  insert_call (store, globex->id, raj, NOW + 20, JT_REMINDER_DONE);
  /* Raj's call is done: the first one made stands. */
  g_assert_cmpint (call_due (store, globex->id, raj), ==, NOW + 30);
  g_assert_cmpint (call_due (store, globex->id, 0), ==, NOW + 30);
  g_assert_cmpint (call_due (store, globex->id, ann), ==, NOW + 10);
  insert_call (store, globex->id, ann, NOW + 40, JT_REMINDER_PENDING);
  g_assert_cmpint (call_due (store, globex->id, ann), ==, NOW + 40);
  g_assert_cmpint (call_due (store, globex->id, sam), ==, NOW + 30);
}

static void
test_sync_state (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtStore) store = jt_test_store_open (f->path, &error);
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtSyncItem) item = jt_sync_item_new ();
  g_autoptr (JtSyncCollection) collection = NULL;
  g_autoptr (GHashTable) items = NULL;
  const JtSyncItem *read;

  g_assert_no_error (error);
  collection = jt_store_sync_get_collection (store, &error);
  g_assert_no_error (error);
  g_assert_null (collection);

  item->uid = g_strdup ("a@jobtrack");
  item->href = g_strdup ("/me/list/jt-a.ics");
  item->etag = g_strdup ("\"e1\"");
  item->pushed_revision = 3;
  item->pushed_hash = g_strdup ("abc");
  item->pushed_ics = g_strdup ("BEGIN:VCALENDAR");
  item->pending_ics = g_strdup ("BEGIN:VCALENDAR\r\nSEQUENCE:4");
  item->pending_revision = 4;
  txn = jt_store_begin_write (store, &error);
  g_assert_true (jt_store_sync_set_collection (store, "https://dav.example.org/me/list/", &error));
  g_assert_true (jt_store_sync_set_state (store, "tok", NULL, &error));
  g_assert_true (jt_store_sync_save_item (store, item, 100, &error));
  /* the same list again keeps what it knows */
  g_assert_true (jt_store_sync_set_collection (store, "https://dav.example.org/me/list/", &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);

  items = jt_store_sync_list_items (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (items), ==, 1);
  read = g_hash_table_lookup (items, "a@jobtrack");
  g_assert_cmpstr (read->href, ==, "/me/list/jt-a.ics");
  g_assert_cmpstr (read->etag, ==, "\"e1\"");
  g_assert_cmpint (read->pushed_revision, ==, 3);
  g_assert_cmpstr (read->pushed_ics, ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (read->pending_ics, ==, "BEGIN:VCALENDAR\r\nSEQUENCE:4");
  g_assert_cmpint (read->pending_revision, ==, 4);
  g_clear_pointer (&collection, jt_sync_collection_free);
  collection = jt_store_sync_get_collection (store, &error);
  g_assert_cmpstr (collection->sync_token, ==, "tok");

  /* another list: its follow-ups go there as new */
  txn = jt_store_begin_write (store, &error);
  g_assert_true (jt_store_sync_set_collection (store, "https://dav.example.org/me/other/", &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_clear_pointer (&items, g_hash_table_unref);
  items = jt_store_sync_list_items (store, &error);
  g_assert_cmpuint (g_hash_table_size (items), ==, 0);
  g_clear_pointer (&collection, jt_sync_collection_free);
  collection = jt_store_sync_get_collection (store, &error);
  g_assert_cmpstr (collection->url, ==, "https://dav.example.org/me/other/");
  g_assert_null (collection->sync_token);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JT_TEST_ADD ("/store/open/creates-private-file", test_open_creates_private_file);
  JT_TEST_ADD ("/store/open/wal-and-foreign-keys", test_open_sets_wal_and_foreign_keys);
  JT_TEST_ADD ("/store/open/reopen-keeps-records", test_reopen_keeps_records);
  JT_TEST_ADD ("/store/open/newer-schema-refused-untouched", test_newer_schema_refused_untouched);
  JT_TEST_ADD ("/store/open/foreign-database-refused", test_foreign_database_refused);
  JT_TEST_ADD ("/store/open/not-a-database-refused", test_not_a_database_refused);
  JT_TEST_ADD ("/store/open/directory-and-symlink-refused", test_directory_and_symlink_refused);
  JT_TEST_ADD ("/store/open/missing-folder", test_missing_folder_is_an_error);
  JT_TEST_ADD ("/store/open/writer-needs-its-rules", test_writer_needs_its_rules);
  JT_TEST_ADD ("/store/read-only/never-writes", test_read_only_never_writes);
  JT_TEST_ADD ("/store/read-only/missing-file-is-empty", test_read_only_missing_file_is_empty);
  JT_TEST_ADD ("/store/read-only/older-schema-reads-upgraded-copy",
               test_read_only_older_schema_reads_upgraded_copy);
  JT_TEST_ADD ("/store/read-only/newer-schema-refused", test_read_only_newer_schema_refused);
  JT_TEST_ADD ("/store/migrate/from-first-version", test_migration_from_first_version);
  JT_TEST_ADD ("/store/write/rollback-on-error", test_rollback_on_error);
  JT_TEST_ADD ("/store/write/constraints", test_constraints);
  JT_TEST_ADD ("/store/write/constraint-is-an-internal-error",
               test_constraint_is_an_internal_error);
  JT_TEST_ADD ("/store/write/hostile-text-round-trips", test_hostile_text_round_trips);
  JT_TEST_ADD ("/store/write/locked-database-is-busy", test_locked_database_is_busy);
  JT_TEST_ADD ("/store/applications/status-history-and-decision-dates",
               test_status_history_and_decision_dates);
  JT_TEST_ADD ("/store/applications/delete-keeps-shared-contacts",
               test_delete_application_keeps_shared_contacts);
  JT_TEST_ADD ("/store/interview-log/reuses-and-creates", test_interview_log_reuses_and_creates);
  JT_TEST_ADD ("/store/interview-log/failure-writes-nothing",
               test_interview_log_failure_writes_nothing);
  JT_TEST_ADD ("/store/queries/every-query-is-indexed", test_every_query_is_indexed);
  JT_TEST_ADD ("/store/reminders/call-a-letter-promises", test_call_a_letter_promises);
  JT_TEST_ADD ("/store/sync/state", test_sync_state);
  g_test_add_func ("/store/person-parse", test_person_parse);
  return g_test_run ();
}
