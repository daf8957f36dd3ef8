/* jobtrack-snooze.c: `jobtrack snooze ID WHEN|DURATION`, a follow-up put off. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-time.h"

static gboolean
snooze_until (JtCli *cli, JtStore *store, JtReminder *reminder, gpointer user_data,
              GError **error)
{
  const gint64 *until = user_data;

  if (reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   "reminder %" G_GINT64_FORMAT " is %s; only an open one can be snoozed",
                   reminder->id, jt_reminder_state_to_string (reminder->state));
      return FALSE;
    }
  reminder->state = JT_REMINDER_SNOOZED;
  reminder->fire_at = *until;
  return TRUE;
}

/* A length ("2d", "1 week") from now, else a time ("friday 9:00"; a bare day means its
 * call hour); it must be ahead. */
static gboolean
parse_until (JtCli *cli, const char *text, gint64 *until, GError **error)
{
  gint64 now = g_date_time_to_unix (cli->now);
  gint64 seconds;

  if (jt_duration_parse (text, &seconds, NULL))
    *until = now + seconds;
  else if (!jt_cli_parse_due (cli, text, until, error))
    return FALSE;
  if (*until <= now)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "'%s' is not in the future", text);
      return FALSE;
    }
  return TRUE;
}

int
jt_cmd_snooze (JtCli *cli, int argc, char **argv)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autofree char *when = NULL;
  GError *error = NULL;
  gint64 until;

  if (!jt_cli_parse_options (cli, "snooze", "ID WHEN|DURATION",
                             "Put a follow-up off until a time (friday 9:00) or for a while "
                             "(2d, 1w).",
                             NULL, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 2, "snooze ID WHEN|DURATION", &error)
      || !parse_until (cli, argv[2], &until, &error)
      || (reminder = jt_cli_change_reminder (cli, argv[1], snooze_until, &until, &error)) == NULL)
    return jt_cli_fail (error);
  when = jt_cli_format_time (cli, until);
  printf ("Snoozed %" G_GINT64_FORMAT " until %s: %s\n", reminder->id, when, reminder->title);
  return JT_EXIT_OK;
}
