/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-dismiss.c: `jobtrack dismiss ID`, a follow-up that will not be done. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-reminder-actions.h"
#include "jt-reminder-text.h"

int
jt_cmd_dismiss (JtCli *cli, int argc, char **argv)
{
  g_autoptr (JtReminder) reminder = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "dismiss", "ID",
                             _ ("Dismiss a follow-up: it leaves the agenda and never comes back."),
                             NULL, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "dismiss ID", &error)
      || !jt_cli_parse_id (argv[1], _ ("a reminder"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || !jt_reminder_dismiss (store, id, g_date_time_to_unix (cli->now), &reminder, &error))
    return jt_cli_fail (error);
  jt_reminder_text_render (reminder, jt_cli_config (cli, NULL));
  {
    g_autofree char *title = jt_cli_text (reminder->title, TRUE);

    printf (_ ("Dismissed %" PRId64 ": %s\n"), reminder->id, title);
  }
  return JT_EXIT_OK;
}
