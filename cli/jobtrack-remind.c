/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-remind.c: `jobtrack remind add`, a reminder of one's own. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-reminders.h"

static int
remind_add (JtCli *cli, int argc, char **argv)
{
  g_autofree char *app_text = NULL;
  g_autofree char *contact_text = NULL;
  g_autofree char *due_text = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_text, N_ ("The application it is about (required)"),
      "ID" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact_text, N_ ("The person it is about"), "ID" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text, N_ ("When it is due (required)"), "WHEN" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *due = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "remind add", "--app ID [--contact ID] --due WHEN TEXT",
                             _ ("Add a reminder of your own."), entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "remind add --app ID [--contact ID] --due WHEN TEXT",
                              &error))
    return jt_cli_fail (error);
  if (app_text == NULL || due_text == NULL)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("a reminder needs --app ID and --due WHEN")));
  reminder->rule = JT_RULE_MANUAL;
  reminder->title = g_strdup (argv[1]);
  if (jt_text_is_blank (reminder->title))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("a reminder needs a text")));
  if (!jt_cli_parse_id (app_text, _ ("an application"), &reminder->application_id, &error)
      || (contact_text != NULL
          && !jt_cli_parse_id (contact_text, _ ("a contact"), &reminder->contact_id, &error))
      || !jt_cli_parse_due (cli, due_text, &reminder->due_at, &error))
    return jt_cli_fail (error);
  reminder->uid = jt_rules_make_uid (JT_RULE_MANUAL, 0, 0, 0, NULL);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, reminder->application_id, &error)) == NULL
      || (reminder->contact_id != 0
          && (contact = jt_store_contact_get (store, reminder->contact_id, &error)) == NULL)
      || !jt_store_reminder_insert (store, reminder, g_date_time_to_unix (cli->now), &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  due = jt_cli_format_time (cli, reminder->due_at);
  printf (_ ("Added reminder %" PRId64 " for %s: %s — %s\n"), reminder->id, due, reminder->title,
          app->company);
  return JT_EXIT_OK;
}

static const JtCommand remind_commands[] = {
  { "add", remind_add, N_ ("Add a reminder of your own") },
  { NULL, NULL, NULL },
};

int
jt_cmd_remind (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "remind", remind_commands, argc, argv);
}
