/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-sync.c: `jobtrack sync [setup|login|logout] [--status] [--reset]`: the follow-ups as
 * tasks on the person's own CalDAV server (common/sync/jt-sync.h). */
#include <stdio.h>
#include <unistd.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-sync.h"
#include "jt-sync.h"

#define SYNC_USAGE "[setup|login|logout] [--status [--json]] [--reset]"

/* Asked on a terminal; without one (scripts), the list is created. */
static gboolean
confirm_create (const char *name, gpointer user_data)
{
  JtCli *cli = user_data;
  g_autofree char *question = NULL;
  g_autofree char *answer = NULL;

  if (!cli->interactive)
    return TRUE;
  question = g_strdup_printf (_ ("The server has no task list '%s'. Create it? [Y/n] "), name);
  answer = jt_cli_prompt (question);
  return answer != NULL
         && (*g_strstrip (answer) == '\0' || g_ascii_strcasecmp (answer, "y") == 0
             || g_ascii_strcasecmp (answer, "yes") == 0);
}

static int
run_setup (JtCli *cli)
{
  g_autoptr (JtSyncSetup) setup = NULL;
  g_autofree char *chosen = NULL;
  const JtConfig *config;
  GError *error = NULL;
  JtStore *store;

  if ((config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (setup = jt_sync_setup (store, config, confirm_create, cli, &error)) == NULL)
    return jt_cli_fail (error);
  /* What the server named (its hrefs, its lists' names) is shown as text and nothing
   * else: a name may hold escape sequences or line breaks. */
  if (setup->principal != NULL)
    {
      g_autofree char *shown = jt_cli_text (setup->principal, TRUE);

      printf (_ ("Principal: %s\n"), shown);
    }
  if (setup->home != NULL)
    {
      g_autofree char *shown = jt_cli_text (setup->home, TRUE);

      printf (_ ("Calendar home: %s\n"), shown);
    }
  for (guint i = 0; i < setup->lists->len; i++)
    {
      g_autofree char *shown = jt_cli_text (g_ptr_array_index (setup->lists, i), TRUE);

      printf (_ ("Task list found: %s\n"), shown);
    }
  chosen = jt_cli_text (setup->chosen, TRUE);
  printf (setup->created ? _ ("Created and chose: %s\n") : _ ("Chose: %s\n"), chosen);
  printf (_ ("A test task was put there and deleted: the list takes tasks.\n"));
  return JT_EXIT_OK;
}

static int
print_status (JtCli *cli, gboolean json)
{
  g_autoptr (JtSyncCollection) collection = NULL;
  JtSyncCounts counts = { 0 };
  GError *error = NULL;
  const JtConfig *config;
  JtStore *store;

  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL)
    return jt_cli_fail (error);
  collection = jt_store_sync_get_collection (store, &error);
  if (error != NULL)
    return jt_cli_fail (error);
  if (collection != NULL
      && ((config = jt_cli_config (cli, &error)) == NULL
          || !jt_sync_count (store, config, cli->tz, g_date_time_to_unix (cli->now), &counts,
                             &error)))
    return jt_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "collection");
      if (collection != NULL)
        json_builder_add_string_value (builder, collection->url);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "tasks");
      json_builder_add_int_value (builder, counts.on_server);
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, counts.waiting);
      json_builder_set_member_name (builder, "last_success");
      json_builder_add_int_value (builder, collection != NULL ? collection->last_success_at : 0);
      json_builder_set_member_name (builder, "last_error");
      if (collection != NULL && collection->last_error != NULL)
        json_builder_add_string_value (builder, collection->last_error);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      jt_cli_print_json (builder);
      return JT_EXIT_OK;
    }
  if (collection == NULL)
    {
      printf (_ ("Sync is not set up (jobtrack sync setup).\n"));
      return JT_EXIT_OK;
    }
  printf (_ ("Task list: %s\n"), collection->url);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u task on the server\n", "%u tasks on the server\n",
                       counts.on_server),
          counts.on_server);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting for the next sync\n",
                       "%u changes waiting for the next sync\n", counts.waiting),
          counts.waiting);
  if (collection->last_success_at != 0)
    {
      g_autofree char *when = jt_cli_format_time (cli, collection->last_success_at);

      printf (_ ("Last success: %s\n"), when);
    }
  else
    printf (_ ("Last success: never\n"));
  if (collection->last_error != NULL)
    {
      g_autofree char *when = jt_cli_format_time (cli, collection->last_error_at);
      g_autofree char *line = jt_cli_text (collection->last_error, TRUE);

      printf (_ ("Last error (%s): %s\n"), when, line);
    }
  return JT_EXIT_OK;
}

static void
show_progress (guint done, guint total, gpointer user_data)
{
  if (total < 50)
    return;
  fprintf (stderr, _ ("\rPutting tasks on the server: %u of %u"), done, total);
  if (done == total)
    fputc ('\n', stderr);
}

static int
run_sync (JtCli *cli, gboolean reset)
{
  const JtConfig *config;
  JtSyncReport report;
  GError *error = NULL;
  JtStore *store;
  gboolean tty = isatty (STDERR_FILENO);

  if ((config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL)
    return jt_cli_fail (error);
  if (reset)
    {
      g_autoptr (JtTransaction) txn = jt_store_begin_write (store, &error);

      if (txn == NULL || !jt_store_sync_forget_items (store, &error)
          || !jt_transaction_commit (g_steal_pointer (&txn), &error))
        return jt_cli_fail (error);
    }
  if (!jt_sync_run (store, config, cli->tz, g_date_time_to_unix (cli->now),
                    tty ? show_progress : NULL, cli, &report, &error))
    return jt_cli_fail (error);
  /* TRANSLATORS: the counts of one sync, joined into one line. */
  printf (_ ("%u created, %u updated, %u cancelled on the server; %u done, %u dismissed, "
             "%u snoozed here from the server; %u reworded back\n"),
          report.created, report.updated, report.cancelled, report.done_here, report.dismissed_here,
          report.snoozed_here, report.restored);
  if (report.conflicts > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u task changed on the server while syncing; it goes next time\n",
                         "%u tasks changed on the server while syncing; they go next time\n",
                         report.conflicts),
            report.conflicts);
  return JT_EXIT_OK;
}

int
jt_cmd_sync (JtCli *cli, int argc, char **argv)
{
  gboolean status = FALSE;
  gboolean json = FALSE;
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_NONE, &status,
      N_ ("Print the last success, the last error and how many tasks are on the server"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("With --status: print JSON"), NULL },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset,
      N_ ("Forget what the server holds and put every open follow-up there again"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  GError *error = NULL;

  if (!jt_cli_parse_options (cli, "sync", SYNC_USAGE,
                             _ ("Sync the follow-ups with your CalDAV server as tasks ([caldav] "
                                "in the config file): what the phone marked done, cancelled or "
                                "moved counts here, and the follow-ups go there. 'sync setup' "
                                "finds (or creates) the task list first; 'sync login' keeps the "
                                "password in the Secret Service."),
                             entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (argc == 2 && g_str_equal (argv[1], "setup") && !status && !reset)
    return run_setup (cli);
  if (argc == 2 && (g_str_equal (argv[1], "login") || g_str_equal (argv[1], "logout")) && !status
      && !reset)
    return jt_cli_sync_login (cli, g_str_equal (argv[1], "logout"));
  if (!jt_cli_expect_args (argc, 0, "sync " SYNC_USAGE, &error))
    return jt_cli_fail (error);
  if (status)
    return print_status (cli, json);
  return run_sync (cli, reset);
}
