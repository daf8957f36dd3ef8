/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-atomic-file.c: jt_atomic_file_write leaves the old file or the new one, whole,
 * never a mix, a stray temporary file, or a file others can read. */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-atomic-file.h"
#include "jt-error.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "followups.ics", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  jt_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* The names in the fixture's folder, sorted, joined with spaces. */
static char *
folder_listing (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static void
write_old (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_writes_a_new_private_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;
  const char *text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
  mode_t old_umask = umask (022);
  struct stat st;

  g_assert_true (jt_atomic_file_write (f->path, text, strlen (text), &error));
  umask (old_umask);
  g_assert_no_error (error);
  assert_contents (f->path, text);
  g_assert_cmpint (g_lstat (f->path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "followups.ics");
}

static void
test_writes_bytes_exactly (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  const char bytes[] = "a\0b\r\n\xff";
  gsize length = 0;

  g_assert_true (jt_atomic_file_write (f->path, bytes, sizeof bytes - 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, bytes, sizeof bytes - 1);

  g_assert_true (jt_atomic_file_write (f->path, NULL, 0, &error));
  g_assert_no_error (error);
  assert_contents (f->path, "");
}

static void
test_replaces_the_old_file_with_a_new_one (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;
  struct stat before;
  struct stat after;

  write_old (f->path, "old\n");
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_lstat (f->path, &before), ==, 0);
  g_assert_true (jt_atomic_file_write (f->path, "new\n", 4, &error));
  g_assert_no_error (error);
  assert_contents (f->path, "new\n");
  g_assert_cmpint (g_lstat (f->path, &after), ==, 0);
  /* A new inode: a reader that opened the old file still reads it whole. */
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0600);
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "followups.ics");
}

static void
test_a_symlink_is_replaced_not_followed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "target", NULL);
  struct stat st;

  write_old (target, "someone else's\n");
  g_assert_cmpint (symlink (target, f->path), ==, 0);
  g_assert_true (jt_atomic_file_write (f->path, "new\n", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (f->path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  assert_contents (f->path, "new\n");
  assert_contents (target, "someone else's\n");
}

static void
test_a_missing_folder_is_an_error_naming_the_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no", "followups.ics", NULL);
  g_autofree char *expected = g_strdup_printf ("cannot write %s: No such file or directory", path);
  g_autofree char *listing = NULL;

  g_assert_false (jt_atomic_file_write (path, "new\n", 4, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "");
}

/* The rename fails after the temporary file was written: it goes, the old entry stays. */
static void
test_a_failed_rename_removes_the_temporary_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *inside = g_build_filename (f->path, "keep", NULL);
  g_autofree char *expected = g_strdup_printf ("cannot write %s: Is a directory", f->path);
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  write_old (inside, "kept\n");
  g_assert_false (jt_atomic_file_write (f->path, "new\n", 4, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  assert_contents (inside, "kept\n");
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "followups.ics");
}

/* A write that fails part-way (here a file size limit, as a full disk would): the old
 * file is untouched and no temporary file is left. */
static void
test_a_failed_write_keeps_the_old_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  g_autofree char *expected = g_strdup_printf ("cannot write %s: %s", f->path, g_strerror (EFBIG));
  g_autofree char *listing = NULL;
  struct rlimit old_limit;
  struct rlimit limit;
  gboolean ok;

  write_old (f->path, "the calendar before\n");
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN); /* write() fails with EFBIG instead of killing us */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = jt_atomic_file_write (f->path, big, strlen (big), &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (ok);
  g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  assert_contents (f->path, "the calendar before\n");
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "followups.ics");
}

static void
test_a_read_only_folder_keeps_the_old_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("cannot write %s: Permission denied", f->path);
  g_autofree char *listing = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("file modes do not bind root (the CLI tests cover this as nobody)");
      return;
    }
  write_old (f->path, "the calendar before\n");
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_assert_false (jt_atomic_file_write (f->path, "new\n", 4, &error));
  g_chmod (f->dir, 0700);
  g_assert_error (error, JT_ERROR, JT_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, expected);
  assert_contents (f->path, "the calendar before\n");
  listing = folder_listing (f->dir);
  g_assert_cmpstr (listing, ==, "followups.ics");
}

/* A writer killed between naming its temporary file and renaming it leaves
 * ".NAME.PID.XXXXXX"; the next write removes it, and only it: not one of a live process
 * (a writer at work), not another file's. */
static void
test_a_dead_writers_temporary_file_is_removed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dead = NULL;
  g_autofree char *live = NULL;
  g_autofree char *other = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child); /* its PID now names no process */
  dead = g_strdup_printf ("%s/.followups.ics.%d.AbC123", f->dir, (int) child);
  live = g_strdup_printf ("%s/.followups.ics.%d.XyZ789", f->dir, (int) getppid ());
  other = g_strdup_printf ("%s/.notes.txt.%d.AbC123", f->dir, (int) child);
  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (live, "in progress", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));

  g_assert_true (jt_atomic_file_write (f->path, "new\n", 4, &error));
  g_assert_no_error (error);
  listing = folder_listing (f->dir);
  expected = g_strdup_printf (".followups.ics.%d.XyZ789 .notes.txt.%d.AbC123 followups.ics",
                              (int) getppid (), (int) child);
  g_assert_cmpstr (listing, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  JT_TEST_ADD ("/atomic-file/new-private-file", test_writes_a_new_private_file);
  JT_TEST_ADD ("/atomic-file/bytes-exactly", test_writes_bytes_exactly);
  JT_TEST_ADD ("/atomic-file/replaces-old-file", test_replaces_the_old_file_with_a_new_one);
  JT_TEST_ADD ("/atomic-file/symlink-replaced-not-followed",
               test_a_symlink_is_replaced_not_followed);
  JT_TEST_ADD ("/atomic-file/missing-folder", test_a_missing_folder_is_an_error_naming_the_path);
  JT_TEST_ADD ("/atomic-file/failed-rename-cleans-up",
               test_a_failed_rename_removes_the_temporary_file);
  JT_TEST_ADD ("/atomic-file/failed-write-keeps-old-file", test_a_failed_write_keeps_the_old_file);
  JT_TEST_ADD ("/atomic-file/read-only-folder-keeps-old-file",
               test_a_read_only_folder_keeps_the_old_file);
  JT_TEST_ADD ("/atomic-file/dead-writers-temporary-file-removed",
               test_a_dead_writers_temporary_file_is_removed);
  return g_test_run ();
}
