/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-snooze.c: `jobtrack snooze ID WHEN|DURATION`, a follow-up put off. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-error.h"
#include "jt-reminder-actions.h"
#include "jt-reminder-text.h"
#include "jt-time.h"

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
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("'%s' is not in the future"), text);
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
  JtStore *store;
  gint64 until, id;

  if (!jt_cli_parse_options (cli, "snooze", "ID WHEN|DURATION",
                             _ ("Put a follow-up off until a time (friday 9:00) or for a while "
                                "(2d, 1w)."),
                             NULL, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 2, "snooze ID WHEN|DURATION", &error)
      || !jt_cli_parse_id (argv[1], _ ("a reminder"), &id, &error)
      || !parse_until (cli, argv[2], &until, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || !jt_reminder_snooze (store, id, until, g_date_time_to_unix (cli->now), &reminder, &error))
    return jt_cli_fail (error);
  jt_reminder_text_render (reminder, jt_cli_config (cli, NULL));
  when = jt_cli_format_time (cli, until);
  {
    g_autofree char *title = jt_cli_text (reminder->title, TRUE);

    printf (_ ("Snoozed %" PRId64 " until %s: %s\n"), reminder->id, when, title);
  }
  return JT_EXIT_OK;
}
