/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack.c: the command-line tool's entry point and its table of commands. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jobtrack-commands.h"
#include "jt-version.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-time.h"

static const JtCommand commands[] = {
  { "add", jt_cmd_add, N_ ("Log an interview right after it happened") },
  { "agenda", jt_cmd_agenda, N_ ("The follow-ups that are due") },
  { "done", jt_cmd_done, N_ ("Mark a follow-up as done") },
  { "snooze", jt_cmd_snooze, N_ ("Put a follow-up off") },
  { "dismiss", jt_cmd_dismiss, N_ ("Dismiss a follow-up for good") },
  { "remind", jt_cmd_remind, N_ ("Add a reminder of your own") },
  { "show", jt_cmd_show, N_ ("Tell an application's whole story") },
  { "capture", jt_cmd_capture, N_ ("Record an application from a job posting, and keep it") },
  { "posting", jt_cmd_posting, N_ ("Print the job posting kept with an application") },
  { "app", jt_cmd_app, N_ ("Add, list, show, edit or remove applications, and their documents") },
  { "resume", jt_cmd_resume, N_ ("Name résumé versions and see how often each was sent") },
  { "open", jt_cmd_open, N_ ("Open a document kept with an application") },
  { "interview", jt_cmd_interview, N_ ("List, show, edit or remove interviews") },
  { "contact", jt_cmd_contact, N_ ("Add, list, show, edit or remove contacts") },
  { "offer", jt_cmd_offer, N_ ("Add, list or edit offers") },
  { "touch", jt_cmd_touch, N_ ("Log or list calls, letters, emails and meetings") },
  { "outcome", jt_cmd_outcome,
    N_ ("Record an offer, rejection, acceptance, refusal or withdrawal") },
  { "export", jt_cmd_export, N_ ("Export the follow-up calendar, a backup or a CSV") },
  { "import", jt_cmd_import,
    N_ ("Record interviews from invitations (.ics), or restore a backup") },
  { "config", jt_cmd_config, N_ ("Print the settings in effect and where each came from") },
  { "letter", jt_cmd_letter, N_ ("Draft a letter from the records (thanks, follow-up, ...)") },
  { "prep", jt_cmd_prep, N_ ("The checklist for closing an interview") },
  { "search", jt_cmd_search, N_ ("Find records by any word in them") },
  { "stats", jt_cmd_stats, N_ ("How the search is going, in figures") },
  { "sync", jt_cmd_sync, N_ ("Sync the follow-ups with your CalDAV server, as tasks") },
  { NULL, NULL, NULL },
};

static void
print_help (FILE *out)
{
  fputs (_ ("Usage: jobtrack [--db PATH] COMMAND [OPTION…]\n"
            "\n"
            "Track job applications, interviews and the follow-ups they call for.\n"
            "\n"
            "Commands:\n"),
         out);
  for (const JtCommand *c = commands; c->name != NULL; c++)
    fprintf (out, "  %-10s %s\n", c->name, _ (c->summary));
  fputs (_ ("\n"
            "Options:\n"
            "  --db PATH   Use this database (default $JOBTRACK_DB, else\n"
            "              $XDG_DATA_HOME/jobtrack/jobtrack.db)\n"
            "  --no-pager  Do not send long listings through $PAGER\n"
            "  --version   Print the version\n"
            "  -h, --help  Print this help\n"
            "\n"
            "Run 'jobtrack COMMAND --help' for a command's options; without a command,\n"
            "jobtrack shows the agenda.\n"),
         out);
}

/* The clock, pinned once: JOBTRACK_NOW (an ISO 8601 time) lets scripts and tests ask
 * what jobtrack would do at another moment. */
static GDateTime *
read_now (GTimeZone *tz, GError **error)
{
  const char *pinned = g_getenv ("JOBTRACK_NOW");
  g_autoptr (GDateTime) parsed = NULL;

  if (pinned == NULL || *pinned == '\0')
    return g_date_time_new_now (tz);
  parsed = g_date_time_new_from_iso8601 (pinned, tz);
  if (parsed == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("JOBTRACK_NOW='%s' is not an ISO 8601 time like 2026-12-04T10:00:00"),
                   pinned);
      return NULL;
    }
  return g_date_time_to_timezone (parsed, tz);
}

static void
jt_cli_clear (JtCli *cli)
{
  g_clear_pointer (&cli->store, jt_store_free);
  g_clear_pointer (&cli->rules, jt_rules_free);
  g_clear_pointer (&cli->config, jt_config_free);
  g_clear_pointer (&cli->now, g_date_time_unref);
  g_clear_pointer (&cli->tz, g_time_zone_unref);
  g_clear_pointer (&cli->db_option, g_free);
  jt_cli_finish_pager (cli);
}

int
main (int argc, char **argv)
{
  JtCli cli = { 0 };
  char *agenda_argv[] = { (char *) "agenda", NULL };
  GError *error = NULL;
  int first = 1;
  int status;

  /* At the file-size limit (ulimit -f) a write then fails with EFBIG and is reported as
   * one error, instead of SIGXFSZ ending the process in the middle of it. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  jt_i18n_init ();
  /* Records are UTF-8 whatever the locale; a plain C locale would refuse them. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");

  for (; first < argc && argv[first][0] == '-'; first++)
    {
      if (g_str_equal (argv[first], "--version"))
        {
          printf ("jobtrack %s\n", JT_VERSION);
          jt_cli_clear (&cli);
          return JT_EXIT_OK;
        }
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_help (stdout);
          jt_cli_clear (&cli);
          return JT_EXIT_OK;
        }
      if (g_str_equal (argv[first], "--db") && first + 1 < argc)
        cli.db_option = g_strdup (argv[++first]);
      else if (g_str_has_prefix (argv[first], "--db="))
        cli.db_option = g_strdup (argv[first] + strlen ("--db="));
      else if (g_str_equal (argv[first], "--no-pager"))
        cli.no_pager = TRUE;
      else
        {
          g_printerr (_ ("jobtrack: unknown option '%s' (see 'jobtrack --help')\n"), argv[first]);
          jt_cli_clear (&cli);
          return JT_EXIT_USAGE;
        }
    }
  /* Bare `jobtrack` answers the everyday question: what is due. */
  if (first >= argc)
    {
      argv = agenda_argv;
      argc = 1;
      first = 0;
    }
  if (g_str_equal (argv[first], "help"))
    {
      print_help (stdout);
      jt_cli_clear (&cli);
      return JT_EXIT_OK;
    }

  cli.tz = g_time_zone_new_local ();
  cli.now = read_now (cli.tz, &error);
  if (cli.now == NULL)
    {
      jt_cli_clear (&cli);
      return jt_cli_fail (error);
    }
  cli.interactive = isatty (STDIN_FILENO) && isatty (STDOUT_FILENO);
  jt_cli_init_terminal (&cli);

  status = -1;
  /* Hidden: what the shell completions ask (see jobtrack-complete.c). */
  if (g_str_equal (argv[first], "__complete"))
    status = jt_cmd_complete (&cli, argc - first, argv + first);
  for (const JtCommand *c = commands; c->name != NULL; c++)
    if (g_str_equal (c->name, argv[first]))
      status = c->func (&cli, argc - first, argv + first);
  if (status < 0)
    {
      g_printerr (_ ("jobtrack: unknown command '%s' (see 'jobtrack --help')\n"), argv[first]);
      status = JT_EXIT_USAGE;
    }
  jt_cli_clear (&cli);
  return status;
}
