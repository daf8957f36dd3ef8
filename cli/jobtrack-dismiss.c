/* jobtrack-dismiss.c: `jobtrack dismiss ID`, a follow-up that will not be done. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"

static gboolean
mark_dismissed (JtCli *cli, JtStore *store, JtReminder *reminder, gpointer user_data,
                GError **error)
{
  if (reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "reminder %" G_GINT64_FORMAT " is already %s",
                   reminder->id, jt_reminder_state_to_string (reminder->state));
      return FALSE;
    }
  reminder->state = JT_REMINDER_DISMISSED;
  return TRUE;
}

int
jt_cmd_dismiss (JtCli *cli, int argc, char **argv)
{
  g_autoptr (JtReminder) reminder = NULL;
  GError *error = NULL;

  if (!jt_cli_parse_options (cli, "dismiss", "ID",
                             "Dismiss a follow-up: it leaves the agenda and never comes back.",
                             NULL, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "dismiss ID", &error)
      || (reminder = jt_cli_change_reminder (cli, argv[1], mark_dismissed, NULL, &error)) == NULL)
    return jt_cli_fail (error);
  printf ("Dismissed %" G_GINT64_FORMAT ": %s\n", reminder->id, reminder->title);
  return JT_EXIT_OK;
}
