/* jobtrack-done.c: `jobtrack done ID [--note TEXT]`, a follow-up carried out. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-store-touches.h"

/* How a follow-up reaches its person, for the touch it logs; summaries reach nobody. */
static gboolean
touch_kind_of (JtRule rule, JtTouchKind *kind)
{
  switch (rule)
    {
    case JT_RULE_SUMMARY:
      return FALSE;
    case JT_RULE_THANK_YOU:
    case JT_RULE_REJECTION_LETTER:
      *kind = JT_TOUCH_LETTER;
      return TRUE;
    case JT_RULE_NETWORK_UPDATE:
      *kind = JT_TOUCH_EMAIL;
      return TRUE;
    default:
      *kind = JT_TOUCH_CALL;
      return TRUE;
    }
}

static gboolean
mark_done (JtCli *cli, JtStore *store, JtReminder *reminder, gpointer user_data, GError **error)
{
  const char *note = user_data;
  g_autoptr (JtTouch) touch = jt_touch_new ();

  if (reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "reminder %" G_GINT64_FORMAT " is already %s",
                   reminder->id, jt_reminder_state_to_string (reminder->state));
      return FALSE;
    }
  reminder->state = JT_REMINDER_DONE;
  /* The follow-up was a contact with someone: it goes in the record as a touch. */
  if (!touch_kind_of (reminder->rule, &touch->kind)
      || (reminder->contact_id == 0 && reminder->application_id == 0))
    return TRUE;
  touch->application_id = reminder->application_id;
  touch->contact_id = reminder->contact_id;
  touch->at = g_date_time_to_unix (cli->now);
  touch->about = g_strdup (note != NULL ? note : reminder->title);
  return jt_store_touch_insert (store, touch, touch->at, error);
}

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

  if (!jt_cli_parse_options (cli, "done", "ID [--note TEXT]",
                             "Mark a follow-up as done. A letter, call or update is also logged "
                             "as a touch with that person.",
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "done ID [--note TEXT]", &error)
      || (reminder = jt_cli_change_reminder (cli, argv[1], mark_done, note, &error)) == NULL)
    return jt_cli_fail (error);
  printf ("Done %" G_GINT64_FORMAT ": %s\n", reminder->id, reminder->title);
  return JT_EXIT_OK;
}
