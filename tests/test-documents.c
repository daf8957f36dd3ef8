/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c: the kept files of applications (jt-documents.h) and their records
 * (jt-store-documents.h): reading a file to keep and what is refused, the kind guessed
 * from a name, one kept file per content with its modes, a damaged one written again,
 * who uses a file, résumé versions, the backup of their content, and an index behind
 * every query. Each test
 * gets a fresh temporary folder and database. */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jt-backup.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-store-applications.h"
#include "jt-store-documents.h"
#include "jt-store.h"

#define NOW 1796112000 /* 2026-12-01T08:00:00Z */

typedef struct
{
  char *dir;
  char *path;
  char *files;
  JtStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-documents-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->files = g_build_filename (f->dir, "data", "jobtrack", "files", NULL);
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
  g_free (f->files);
}

/* A file of `text` named `name` in the test's folder. New path. */
static char *
write_file (Fixture *f, const char *name, const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static gint64
insert_application (Fixture *f, const char *company)
{
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, NULL);
  g_autoptr (GError) error = NULL;

  app->company = g_strdup (company);
  g_assert_true (jt_store_application_insert (f->store, app, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  return app->id;
}

/* Keeps `file` and records it as a document of the application, in one transaction. */
static gint64
attach (Fixture *f, gint64 application_id, const JtDocumentFile *file, JtDocumentKind kind)
{
  g_autoptr (JtDocument) document = jt_document_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_documents_keep (f->files, file->sha256, file->contents, &error));
  document->application_id = application_id;
  document->kind = kind;
  document->sha256 = g_strdup (file->sha256);
  document->name = g_strdup (file->name);
  document->size = file->size;
  document->media_type = g_strdup (file->media_type);
  g_assert_true (jt_store_document_insert (f->store, document, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  return document->id;
}

static void
test_read_a_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "Jane Doe CV.pdf", "%PDF-1.4\nsome résumé\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (JtDocumentFile) file = jt_document_file_read (path, &error);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (file->name, ==, "Jane Doe CV.pdf");
  g_assert_cmpint (file->size, ==, (gint64) strlen ("%PDF-1.4\nsome résumé\n"));
  g_assert_cmpstr (file->media_type, ==, "application/pdf");
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4\nsome résumé\n", -1);
  g_assert_cmpstr (file->sha256, ==, expected);
  g_assert_true (jt_sha256_is_valid (file->sha256));
}

static void
test_bad_files_are_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nothing.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a folder", NULL);
  g_autofree char *control = write_file (f, "cv\033[31m.pdf", "x");
  g_autofree char *large = g_build_filename (f->dir, "huge.pdf", NULL);
  g_autofree char *unreadable = write_file (f, "secret.pdf", "x");
  const char *cases[][2] = {
    { missing, "No such file" },
    { folder, "is a folder" },
    { control, "control characters" },
    { large, "50" },
  };
  FILE *out;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* One byte over the limit, without writing 50 MB: a sparse file. */
  out = fopen (large, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, JT_DOCUMENT_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', out), !=, EOF);
  fclose (out);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtDocumentFile) file = jt_document_file_read (cases[i][0], &error);

      g_assert_null (file);
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i][1]));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strchr (error->message, '\033'));
    }
  /* Unreadable: only binds for someone other than root. */
  if (geteuid () != 0)
    {
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);
      g_assert_null (jt_document_file_read (unreadable, &error));
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    }
}

static void
test_kind_from_the_name (Fixture *f, gconstpointer data)
{
  const struct
  {
    const char *name;
    gboolean guessed;
    JtDocumentKind kind;
  } cases[] = {
    { "Jane-Doe-Resume.pdf", TRUE, JT_DOCUMENT_RESUME },
    { "CV_2026.pdf", TRUE, JT_DOCUMENT_RESUME },
    { "Lebenslauf.docx", TRUE, JT_DOCUMENT_RESUME },
    { "Résumé.odt", TRUE, JT_DOCUMENT_RESUME },
    { "job-application-cv.pdf", TRUE, JT_DOCUMENT_RESUME },
    { "cover letter Globex.pdf", TRUE, JT_DOCUMENT_COVER_LETTER },
    { "Anschreiben.pdf", TRUE, JT_DOCUMENT_COVER_LETTER },
    { "portfolio.zip", TRUE, JT_DOCUMENT_PORTFOLIO },
    { "job posting.html", TRUE, JT_DOCUMENT_POSTING },
    { "backendcv.pdf", FALSE, JT_DOCUMENT_OTHER },
    { "notes.txt", FALSE, JT_DOCUMENT_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JtDocumentKind kind;

      g_assert_cmpint (jt_document_kind_guess (cases[i].name, &kind), ==, cases[i].guessed);
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

/* The same content for two applications is one file, mode 0600, in a folder of 0700;
 * removing one application's use keeps it for the other. */
static void
test_one_file_per_content (Fixture *f, gconstpointer data)
{
  g_autofree char *one = write_file (f, "cv.pdf", "%PDF-1.4 the same");
  g_autofree char *two = write_file (f, "resume-copy.pdf", "%PDF-1.4 the same");
  g_autoptr (JtDocumentFile) a = jt_document_file_read (one, NULL);
  g_autoptr (JtDocumentFile) b = jt_document_file_read (two, NULL);
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_auto (GStrv) used = NULL;
  g_autofree char *stored = NULL;
  gint64 globex = insert_application (f, "Globex");
  gint64 acme = insert_application (f, "Acme");
  gboolean removed = TRUE;
  struct stat st;
  guint n = 0;

  g_assert_cmpstr (a->sha256, ==, b->sha256);
  attach (f, globex, a, JT_DOCUMENT_RESUME);
  attach (f, acme, b, JT_DOCUMENT_RESUME);
  dir = g_dir_open (f->files, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (g_stat (f->files, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  stored = jt_documents_path (f->files, a->sha256);
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  kept = jt_store_file_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);

  listed = jt_store_document_list (f->store, acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((JtDocument *) listed->pdata[0])->name, ==, "resume-copy.pdf");
  g_assert_cmpint (((JtDocument *) listed->pdata[0])->size, ==, a->size);

  /* Globex goes: the file is still Acme's. Then Acme goes: nothing uses it. */
  txn = jt_store_begin_write (f->store, &error);
  used = jt_store_document_application_files (f->store, globex, &error);
  g_assert_cmpuint (g_strv_length (used), ==, 1);
  g_assert_true (jt_store_application_delete (f->store, globex, NULL, &error));
  g_assert_true (jt_store_file_release (f->store, used[0], &removed, &error));
  g_assert_false (removed);
  g_assert_true (jt_store_application_delete (f->store, acme, NULL, &error));
  g_assert_true (jt_store_file_release (f->store, used[0], &removed, &error));
  g_assert_true (removed);
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
}

static void
test_detach_and_latest_resume (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 one");
  g_autofree char *cv2 = write_file (f, "cv-2.pdf", "%PDF-1.4 two");
  g_autofree char *letter = write_file (f, "cover.txt", "Dear Globex");
  g_autoptr (JtDocumentFile) a = jt_document_file_read (cv, NULL);
  g_autoptr (JtDocumentFile) b = jt_document_file_read (cv2, NULL);
  g_autoptr (JtDocumentFile) c = jt_document_file_read (letter, NULL);
  g_autoptr (JtDocument) latest = NULL;
  g_autoptr (JtDocument) none = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GError) error = NULL;
  gint64 app = insert_application (f, "Globex");
  gint64 other = insert_application (f, "Acme");
  gint64 first = attach (f, app, a, JT_DOCUMENT_RESUME);
  gint64 second = attach (f, app, b, JT_DOCUMENT_RESUME);

  attach (f, app, c, JT_DOCUMENT_COVER_LETTER);
  latest = jt_store_document_latest_resume (f->store, app, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->id, ==, second);
  none = jt_store_document_latest_resume (f->store, other, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* A document of another application is not found under this one. */
  g_assert_null (jt_store_document_get (f->store, other, first, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  txn = jt_store_begin_write (f->store, &error);
  g_assert_false (jt_store_document_delete (f->store, other, first, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (jt_store_document_delete (f->store, app, second, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_clear_pointer (&latest, jt_document_free);
  latest = jt_store_document_latest_resume (f->store, app, &error);
  g_assert_cmpint (latest->id, ==, first);
  /* Detaching keeps the file: only `app rm` deletes one. */
  g_assert_true (jt_documents_is_kept (f->files, b->sha256, b->size));
}

static void
test_resume_versions (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 v3");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autoptr (JtResumeVersion) version = jt_resume_version_new ();
  g_autoptr (JtResumeVersion) again = jt_resume_version_new ();
  g_autoptr (JtResumeVersion) found = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GError) error = NULL;
  gint64 apps[] = { insert_application (f, "Globex"), insert_application (f, "Acme") };

  txn = jt_store_begin_write (f->store, &error);
  version->name = g_strdup ("backend-v3");
  version->sha256 = g_strdup (file->sha256);
  version->original_name = g_strdup (file->name);
  version->size = file->size;
  version->media_type = g_strdup (file->media_type);
  g_assert_true (jt_store_resume_version_insert (f->store, version, NOW, &error));
  again->name = g_strdup ("backend-v3");
  again->sha256 = g_strdup (file->sha256);
  again->original_name = g_strdup ("other.pdf");
  again->size = file->size;
  again->media_type = g_strdup (file->media_type);
  g_assert_false (jt_store_resume_version_insert (f->store, again, NOW, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    {
      g_autoptr (JtDocument) document = jt_document_new ();

      document->application_id = apps[i];
      document->kind = JT_DOCUMENT_RESUME;
      document->sha256 = g_strdup (file->sha256);
      document->name = g_strdup (file->name);
      document->resume_version_id = version->id;
      document->size = file->size;
      document->media_type = g_strdup (file->media_type);
      g_assert_true (jt_store_document_insert (f->store, document, NOW, &error));
      g_assert_no_error (error);
    }
  /* The same version twice for one application is refused. */
  {
    g_autoptr (JtDocument) twice = jt_document_new ();

    twice->application_id = apps[0];
    twice->kind = JT_DOCUMENT_RESUME;
    twice->sha256 = g_strdup (file->sha256);
    twice->name = g_strdup (file->name);
    twice->resume_version_id = version->id;
    twice->size = file->size;
    twice->media_type = g_strdup (file->media_type);
    g_assert_false (jt_store_document_insert (f->store, twice, NOW, &error));
    g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));

  found = jt_store_resume_version_find (f->store, "backend-v3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->sha256, ==, file->sha256);
  g_assert_null (jt_store_resume_version_find (f->store, "backend-v9", &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  versions = jt_store_resume_version_list (f->store, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpuint (((JtResumeVersion *) versions->pdata[0])->applications, ==, 2);
}

/* A backup with the files' content restores them exactly into another folder; one
 * without says which are missing; an altered content is refused whole. */
static void
test_backup_with_files (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 backed up");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autofree char *other_files = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *restored_path = g_build_filename (f->dir, "restored.db", NULL);
  g_autofree char *bare_path = g_build_filename (f->dir, "bare.db", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.db", NULL);
  g_autofree char *without = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GError) error = NULL;
  gint64 app = insert_application (f, "Globex");

  attach (f, app, file, JT_DOCUMENT_RESUME);
  without = jt_backup_dump (f->store, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (without, "\"contents\""));

  {
    g_autoptr (JtStore) restored = jt_test_store_open (restored_path, &error);
    g_autoptr (JtStore) bare = jt_test_store_open (bare_path, &error);
    g_autoptr (JtStore) bad = jt_test_store_open (bad_path, &error);
    g_autofree char *full = NULL;

    g_assert_no_error (error);
    full = jt_backup_dump_with_files (f->store, f->files, &error);
    g_assert_no_error (error);
    encoded = g_base64_encode (g_bytes_get_data (file->contents, NULL), file->size);
    g_assert_nonnull (strstr (full, encoded));

    /* Without the content: the records come back, the file is said to be missing. */
    g_assert_true (
        jt_backup_restore_files (bare, without, strlen (without), other_files, &missing, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (missing->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (missing, 0), "cv.pdf"));
    g_clear_pointer (&missing, g_ptr_array_unref);

    /* With it: the same bytes, checked. */
    g_assert_true (
        jt_backup_restore_files (restored, full, strlen (full), other_files, &missing, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (missing->len, ==, 0);
    back = jt_documents_read_kept (other_files, file->sha256, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, file->contents));

    /* One byte of the content changed: refused, nothing written. */
    tampered = g_strdup (full);
    {
      char *at = strstr (tampered, encoded);

      at[4] = at[4] == 'A' ? 'B' : 'A';
    }
    g_assert_false (
        jt_backup_restore_files (bad, tampered, strlen (tampered), other_files, NULL, &error));
    g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "SHA-256"));
    g_clear_error (&error);
    g_assert_null (jt_store_document_latest_resume (bad, app, &error));
    g_assert_no_error (error);
  }
}

/* Overwrites the kept file of `sha256` in `dir` in place with as many other bytes: a
 * damage its size does not show. */
static void
damage_kept (const char *dir, const char *sha256)
{
  g_autofree char *path = jt_documents_path (dir, sha256);
  g_autofree char *data = NULL;
  gsize length = 0;
  FILE *file;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i < length; i++)
    data[i] = (char) ~data[i];
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, length, file), ==, length);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* A kept file damaged at the same size is not kept any more; keeping that content again
 * writes it again whole. */
static void
test_a_damaged_file_is_kept_again (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 damaged later");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_documents_keep (f->files, file->sha256, file->contents, &error));
  g_assert_true (jt_documents_is_kept (f->files, file->sha256, file->size));
  damage_kept (f->files, file->sha256);
  g_assert_false (jt_documents_is_kept (f->files, file->sha256, file->size));
  g_assert_null (jt_documents_read_kept (f->files, file->sha256, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (jt_documents_keep (f->files, file->sha256, file->contents, &error));
  g_assert_no_error (error);
  g_assert_true (jt_documents_is_kept (f->files, file->sha256, file->size));
  back = jt_documents_read_kept (f->files, file->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, file->contents));
}

static void
assert_mode (const char *path, mode_t mode)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, mode);
}

/* Keeping a file makes the folder 0700 and the kept file 0600 again when they were
 * looser: made by hand, or by a copy of the folder. */
static void
test_keeping_makes_the_folder_private (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 private");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autofree char *stored = jt_documents_path (f->files, file->sha256);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->files, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->files, 0755), ==, 0);
  g_assert_true (jt_documents_keep (f->files, file->sha256, file->contents, &error));
  g_assert_no_error (error);
  assert_mode (f->files, 0700);
  assert_mode (stored, 0600);

  /* Kept already: not written again, but private again. */
  g_assert_cmpint (g_chmod (f->files, 0755), ==, 0);
  g_assert_cmpint (g_chmod (stored, 0644), ==, 0);
  g_assert_true (jt_documents_keep (f->files, file->sha256, file->contents, &error));
  g_assert_no_error (error);
  assert_mode (f->files, 0700);
  assert_mode (stored, 0600);
  g_assert_true (jt_documents_is_kept (f->files, file->sha256, file->size));
}

/* A restore with the files' content replaces a kept file damaged at the same size; one
 * without it names that file as missing. */
static void
test_a_restore_repairs_a_damaged_file (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 restored over damage");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autofree char *other_files = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *bare_path = g_build_filename (f->dir, "bare.db", NULL);
  g_autofree char *restored_path = g_build_filename (f->dir, "restored.db", NULL);
  g_autoptr (JtStore) bare = NULL;
  g_autoptr (JtStore) restored = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *without = NULL;
  g_autofree char *full = NULL;

  attach (f, insert_application (f, "Globex"), file, JT_DOCUMENT_RESUME);
  without = jt_backup_dump (f->store, &error);
  full = jt_backup_dump_with_files (f->store, f->files, &error);
  g_assert_no_error (error);
  g_assert_true (jt_documents_keep (other_files, file->sha256, file->contents, &error));
  damage_kept (other_files, file->sha256);

  bare = jt_test_store_open (bare_path, &error);
  g_assert_true (
      jt_backup_restore_files (bare, without, strlen (without), other_files, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (missing, 0), "cv.pdf"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  restored = jt_test_store_open (restored_path, &error);
  g_assert_true (
      jt_backup_restore_files (restored, full, strlen (full), other_files, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);
  back = jt_documents_read_kept (other_files, file->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, file->contents));
}

static void
test_every_query_is_indexed (Fixture *f, gconstpointer data)
{
  g_autofree char *cv = write_file (f, "cv.pdf", "%PDF-1.4 indexed");
  g_autoptr (JtDocumentFile) file = jt_document_file_read (cv, NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gint64 app = insert_application (f, "Globex");
  gint64 id = attach (f, app, file, JT_DOCUMENT_RESUME);
  g_autoptr (JtDocument) got = jt_store_document_get (f->store, app, id, &error);
  g_autoptr (JtDocument) latest = jt_store_document_latest_resume (f->store, app, &error);
  g_autoptr (GPtrArray) listed = jt_store_document_list (f->store, app, &error);
  g_autoptr (GPtrArray) versions = jt_store_resume_version_list (f->store, &error);
  g_autofree char *name = jt_store_file_known_as (f->store, file->sha256, &error);
  g_autofree char *dump = jt_backup_dump_with_files (f->store, f->files, &error);

  g_auto (GStrv) used = jt_store_document_application_files (f->store, app, &error);
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);
  gboolean removed;
  gint64 existing;

  g_assert_no_error (error);
  g_assert_null (jt_store_resume_version_find (f->store, "none", NULL));
  g_assert_true (jt_store_document_with_resume_version (f->store, app, 1, &existing, &error));
  g_assert_true (jt_store_document_delete (f->store, app, id, &error));
  g_assert_true (jt_store_file_release (f->store, used[0], &removed, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  problems = jt_test_unindexed_queries (f->store, f->path);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  JT_TEST_ADD ("/documents/read", test_read_a_file);
  JT_TEST_ADD ("/documents/bad-files-refused", test_bad_files_are_refused);
  JT_TEST_ADD ("/documents/kind-from-name", test_kind_from_the_name);
  JT_TEST_ADD ("/documents/one-file-per-content", test_one_file_per_content);
  JT_TEST_ADD ("/documents/detach-and-latest-resume", test_detach_and_latest_resume);
  JT_TEST_ADD ("/documents/resume-versions", test_resume_versions);
  JT_TEST_ADD ("/documents/backup-with-files", test_backup_with_files);
  JT_TEST_ADD ("/documents/damaged-file-kept-again", test_a_damaged_file_is_kept_again);
  JT_TEST_ADD ("/documents/keeping-makes-folder-private", test_keeping_makes_the_folder_private);
  JT_TEST_ADD ("/documents/restore-repairs-damaged-file", test_a_restore_repairs_a_damaged_file);
  JT_TEST_ADD ("/documents/every-query-indexed", test_every_query_is_indexed);
  return g_test_run ();
}
