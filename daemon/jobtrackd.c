/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrackd.c: the reminder daemon's entry point. */
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>

#include "jt-daemon.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-paths.h"
#include "jt-version.h"

int
main (int argc, char **argv)
{
  g_autofree char *db_option = NULL;
  gboolean verbose = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, N_ ("Use this database file"), "PATH" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_ ("Log every decision"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Print the version"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (JtDaemon) daemon = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;

#ifdef __GLIBC__
  /* One heap for every thread. The threads that write the calendar come and go, and
   * each would otherwise leave an arena of its own holding megabytes long after. */
  mallopt (M_ARENA_MAX, 1);
#endif
  /* At the file-size limit (ulimit -f) a write then fails with EFBIG and is reported as
   * one error, instead of SIGXFSZ ending the process in the middle of it. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  jt_i18n_init ();
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  g_set_prgname ("jobtrackd");
  g_option_context_set_summary (context,
                                _ ("Shows each follow-up of jobtrack as a desktop notification "
                                   "at its time, once."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jobtrackd: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      printf ("jobtrackd %s\n", JT_VERSION);
      return 0;
    }
  if (argc > 1)
    {
      g_printerr (_ ("jobtrackd: unexpected argument '%s' (see 'jobtrackd --help')\n"), argv[1]);
      return 2;
    }
  if (verbose)
    g_log_set_debug_enabled (TRUE);

  db_path = jt_paths_database (db_option);
  daemon = jt_daemon_new (db_path, &error);
  if (daemon == NULL)
    {
      g_printerr ("jobtrackd: %s\n", error->message);
      return error->domain == JT_ERROR && error->code == JT_ERROR_INVALID ? 2 : 1;
    }
  return jt_daemon_run (daemon);
}
