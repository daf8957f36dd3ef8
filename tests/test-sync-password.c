/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-password.c: [caldav] password_cmd, run for real (printf, sh, sleep): the
 * first line is the password, a failing, silent or slow command is one clear error, and
 * the command is split as a shell would split it but run without one. */
#include <string.h>

#include "jt-error.h"
#include "jt-sync-password.h"

static void
test_first_line (void)
{
  g_autoptr (GError) error = NULL;
  char *password
      = jt_sync_password_from_command ("printf 's3cret pass\\nsecond line\\n'", 5, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret pass");
  jt_sync_password_free (password);
}

/* Quotes group words; `$HOME` and `;` are the command's arguments, not a shell's. */
static void
test_no_shell (void)
{
  g_autoptr (GError) error = NULL;
  char *password = jt_sync_password_from_command ("printf '%s\\n' '$HOME;echo pwned'", 5, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "$HOME;echo pwned");
  jt_sync_password_free (password);
}

static void
assert_fails (const char *command, guint timeout, const char *needle)
{
  g_autoptr (GError) error = NULL;
  char *password = jt_sync_password_from_command (command, timeout, &error);

  g_assert_null (password);
  g_assert_error (error, JT_ERROR, JT_ERROR_AUTH);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_failures (void)
{
  assert_fails ("sh -c 'exit 3'", 5, "failed");
  assert_fails ("printf ''", 5, "no password");
  assert_fails ("printf '\\nlater\\n'", 5, "no password");
  assert_fails ("/nonexistent/pass show x", 5, "cannot run");
}

static void
test_timeout (void)
{
  gint64 start = g_get_monotonic_time ();

  assert_fails ("sleep 30", 1, "within 1 seconds");
  /* stopped, not waited for */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_unsplittable (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (jt_sync_password_from_command ("pass 'open", 5, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/password/first-line", test_first_line);
  g_test_add_func ("/sync/password/no-shell", test_no_shell);
  g_test_add_func ("/sync/password/failures", test_failures);
  g_test_add_func ("/sync/password/timeout", test_timeout);
  g_test_add_func ("/sync/password/unsplittable", test_unsplittable);
  return g_test_run ();
}
