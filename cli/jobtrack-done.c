/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-done.c: `jobtrack done ID [--note TEXT] [--log-letter | --no-log]`, a
 * follow-up carried out. For a letter, it offers to log the letter as a touch. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-error.h"
#include "jt-letter.h"
#include "jt-reminder-actions.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"

#define DONE_USAGE "ID [--note TEXT] [--log-letter | --no-log]"

/* What the touch of a sent letter says: the note, else the draft's subject. New string,
 * or NULL for the reminder's title (when the draft cannot be built). */
static char *
letter_about (JtCli *cli, JtStore *store, const JtReminder *reminder)
{
  JtLetterRequest request = { .tone = JT_LETTER_TONE_AUTO, .reminder_id = reminder->id };
  g_autoptr (JtLetter) letter = NULL;
  g_autoptr (GError) error = NULL;

  jt_letter_kind_for_rule (reminder->rule, &request.kind);
  request.now = g_date_time_to_unix (cli->now);
  request.config = jt_cli_config (cli, NULL);
  letter = jt_letter_build (store, &request, cli->tz, &error);
  if (letter == NULL)
    return NULL;
  /* TRANSLATORS: what the touch logged for a sent letter says; %s is its subject. */
  return g_strdup_printf (_ ("Letter: %s"), letter->subject);
}

/* Whether to log the letter as a touch: the flags decide; on a terminal the person does;
 * otherwise it is logged, as every follow-up done is. */
static gboolean
ask_log (JtCli *cli, const JtReminder *reminder, gboolean *log)
{
  g_autofree char *question = NULL;
  g_autofree char *answer = NULL;

  if (!cli->interactive)
    return TRUE;
  /* TRANSLATORS: %s is the person's name, or "them"; the answers read are "n" and "no". */
  question = g_strdup_printf (_ ("Log the letter to %s as sent (a touch)? [Y/n] "),
                              reminder->contact_name != NULL ? reminder->contact_name : _ ("them"));
  answer = jt_cli_prompt (question);
  if (answer == NULL)
    return FALSE;
  g_strstrip (answer);
  *log = !(g_ascii_strcasecmp (answer, "n") == 0 || g_ascii_strcasecmp (answer, "no") == 0);
  return TRUE;
}

int
jt_cmd_done (JtCli *cli, int argc, char **argv)
{
  g_autofree char *note = NULL;
  gboolean log_letter = FALSE, no_log = FALSE;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("What came of it (logged with the touch)"),
      "TEXT" },
    { "log-letter", 0, 0, G_OPTION_ARG_NONE, &log_letter,
      N_ ("A letter: log it as sent (a touch), without asking"), NULL },
    { "no-log", 0, 0, G_OPTION_ARG_NONE, &no_log, N_ ("Log no touch"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (JtReminder) current = NULL;
  g_autofree char *about = NULL;
  gboolean log = TRUE;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "done", DONE_USAGE,
                             _ ("Mark a follow-up as done. A letter, call or update is also logged "
                                "as a touch with that person; for a letter, on a terminal, you are "
                                "asked first."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "done " DONE_USAGE, &error)
      || !jt_cli_parse_id (argv[1], _ ("a reminder"), &id, &error))
    return jt_cli_fail (error);
  if (log_letter && no_log)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("--log-letter and --no-log contradict each other")));
  if ((store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (current = jt_store_reminder_get (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  jt_reminder_text_render (current, jt_cli_config (cli, NULL));
  if (no_log)
    log = FALSE;
  else if (jt_letter_kind_for_rule (current->rule, NULL) && current->state != JT_REMINDER_DONE
           && current->state != JT_REMINDER_DISMISSED)
    {
      if (!log_letter && !ask_log (cli, current, &log))
        {
          g_printerr (_ ("\njobtrack: input ended; nothing changed\n"));
          return JT_EXIT_USAGE;
        }
      /* Without a flag or a terminal the touch says what it always did: the title. */
      if (log && note == NULL && (log_letter || cli->interactive))
        about = letter_about (cli, store, current);
    }
  if (!jt_reminder_mark_done_full (store, id,
                                   note != NULL    ? note
                                   : about != NULL ? about
                                                   : current->title,
                                   log, g_date_time_to_unix (cli->now), &reminder, &error))
    return jt_cli_fail (error);
  jt_reminder_text_render (reminder, jt_cli_config (cli, NULL));
  {
    g_autofree char *title = jt_cli_text (reminder->title, TRUE);

    printf (_ ("Done %" PRId64 ": %s\n"), reminder->id, title);
  }
  return JT_EXIT_OK;
}
