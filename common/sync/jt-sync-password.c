/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-password.c: password_cmd, run without a shell, with a timeout. */
#include "jt-sync-password.h"

#include <gio/gio.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-text.h"

/* A password is a line; more than this is not one. */
#define MAX_OUTPUT (64 * 1024)

typedef struct
{
  GMainContext *context;
  GBytes *output;
  GError *error;
  gboolean finished;
  gboolean timed_out;
} Run;

static void
communicated (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &run->output, NULL, &run->error);
  run->finished = TRUE;
  g_main_context_wakeup (run->context);
}

static gboolean
timed_out (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_context_wakeup (run->context);
  return G_SOURCE_REMOVE;
}

void
jt_sync_password_free (char *password)
{
  if (password == NULL)
    return;
  explicit_bzero (password, strlen (password));
  g_free (password);
}

/* The command's first word, quoted for an error line. New string. */
static char *
shown_program (char **argv)
{
  return jt_text_quote (argv[0], 60);
}

char *
jt_sync_password_from_command (const char *command, guint timeout_seconds, GError **error)
{
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GSource) timeout = NULL;
  g_autofree char *program = NULL;
  Run run = { context, NULL, NULL, FALSE, FALSE };
  gboolean killed = FALSE;
  const char *data;
  gsize length;
  gsize line;
  char *password;

  if (!g_shell_parse_argv (command, NULL, &argv, &local))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("[caldav] password_cmd cannot be split into a command: %s"), local->message);
      return NULL;
    }
  program = shown_program (argv);
  process = g_subprocess_newv ((const char *const *) argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_INHERIT,
                               &local);
  if (process == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_AUTH,
                   /* TRANSLATORS: the command of [caldav] password_cmd, then why. */
                   _ ("cannot run the password command %s: %s"), program, local->message);
      return NULL;
    }
  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (process, NULL, cancellable, communicated, &run);
  timeout = g_timeout_source_new_seconds (timeout_seconds);
  g_source_set_callback (timeout, timed_out, &run, NULL);
  g_source_attach (timeout, context);
  while (!run.finished)
    {
      g_main_context_iteration (context, TRUE);
      /* The command may hold a terminal or a lock: end it, then collect it, waiting a
       * little longer at most. */
      if (run.timed_out && !killed)
        {
          g_subprocess_force_exit (process);
          g_cancellable_cancel (cancellable);
          killed = TRUE;
          run.timed_out = FALSE;
          g_source_destroy (timeout);
          g_source_unref (timeout);
          timeout = g_timeout_source_new_seconds (2);
          g_source_set_callback (timeout, timed_out, &run, NULL);
          g_source_attach (timeout, context);
        }
      else if (run.timed_out)
        break;
    }
  g_source_destroy (timeout);
  run.timed_out = killed;
  g_main_context_pop_thread_default (context);

  if (run.timed_out)
    {
      g_clear_error (&run.error);
      g_clear_pointer (&run.output, g_bytes_unref);
      g_set_error (error, JT_ERROR, JT_ERROR_AUTH,
                   _ ("the password command %s did not answer within %u seconds"), program,
                   timeout_seconds);
      return NULL;
    }
  if (run.error != NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_AUTH, _ ("cannot run the password command %s: %s"),
                   program, run.error->message);
      g_clear_error (&run.error);
      g_clear_pointer (&run.output, g_bytes_unref);
      return NULL;
    }
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_clear_pointer (&run.output, g_bytes_unref);
      g_set_error (error, JT_ERROR, JT_ERROR_AUTH, _ ("the password command %s failed"), program);
      return NULL;
    }
  data = run.output != NULL ? g_bytes_get_data (run.output, &length) : NULL;
  if (data == NULL)
    length = 0;
  for (line = 0; line < length && data[line] != '\n' && data[line] != '\r'; line++)
    ;
  if (line == 0 || line > MAX_OUTPUT || memchr (data, '\0', line) != NULL
      || !g_utf8_validate_len (data, line, NULL))
    {
      /* The output may hold the password: wipe it. */
      if (data != NULL)
        explicit_bzero ((char *) data, length);
      g_clear_pointer (&run.output, g_bytes_unref);
      g_set_error (error, JT_ERROR, JT_ERROR_AUTH,
                   _ ("the password command %s printed no password on its first line"), program);
      return NULL;
    }
  password = g_strndup (data, line);
  explicit_bzero ((char *) data, length);
  g_bytes_unref (run.output);
  return password;
}
