/* jobtrack-done.c: `jobtrack done ID [--note TEXT]`, a follow-up carried out. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-reminder-actions.h"

int
jt_cmd_done (JtCli *cli, int argc, char **argv)
{
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "What came of it (logged with the touch)",
      "TEXT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtReminder) reminder = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "done", "ID [--note TEXT]",
                             "Mark a follow-up as done. A letter, call or update is also logged "
                             "as a touch with that person.",
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "done ID [--note TEXT]", &error)
      || !jt_cli_parse_id (argv[1], "a reminder", &id, &error)
      || (store = jt_cli_store (cli, &error)) == NULL
      || !jt_reminder_mark_done (store, id, note, g_date_time_to_unix (cli->now), &reminder,
                                 &error))
    return jt_cli_fail (error);
  {
    g_autofree char *title = jt_cli_text (reminder->title, TRUE);

    printf ("Done %" G_GINT64_FORMAT ": %s\n", reminder->id, title);
  }
  return JT_EXIT_OK;
}
