/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-outcome.c: `jobtrack outcome APP KIND [--on WHEN]`, how an application ended
 * or turned. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-outcomes.h"

/* Leeway for a clock a little ahead of ours; beyond it an outcome has not happened yet. */
#define FUTURE_LEEWAY_SECONDS 60

/* The outcome the arguments name: APP KIND, and when it happened (`on`, default now),
 * which may not be ahead of now. */
static gboolean
outcome_parse (JtCli *cli, int argc, char **argv, const char *on, JtOutcome *outcome,
               GError **error)
{
  gint64 now = g_date_time_to_unix (cli->now);

  if (!jt_cli_expect_args (argc, 2, "outcome APP KIND [--on WHEN]", error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &outcome->application_id, error)
      || !jt_outcome_kind_parse (argv[2], &outcome->kind, error))
    return FALSE;
  outcome->occurred_at = now;
  if (on != NULL && !jt_cli_parse_when (cli, on, &outcome->occurred_at, error))
    return FALSE;
  if (outcome->occurred_at > now + FUTURE_LEEWAY_SECONDS)
    {
      g_autofree char *future = jt_cli_format_time (cli, outcome->occurred_at);

      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("an outcome is recorded once it happened, not for %s"), future);
      return FALSE;
    }
  return TRUE;
}

/* Records `outcome` in one transaction; the application it ended or turned, as it was
 * before, in `app` (new). */
static gboolean
outcome_record (JtStore *store, JtOutcome *outcome, gint64 now, JtApplication **app, GError **error)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, error);

  return txn != NULL
         && (*app = jt_store_application_get (store, outcome->application_id, error)) != NULL
         && jt_store_outcome_insert (store, outcome, now, error)
         && jt_transaction_commit (g_steal_pointer (&txn), error);
}

int
jt_cmd_outcome (JtCli *cli, int argc, char **argv)
{
  g_autofree char *on = NULL;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_ ("When it happened (default now)"), "WHEN" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  g_autoptr (JtApplication) app = NULL;
  g_autofree char *when = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "outcome",
                             "APP offer|rejected|accepted|declined|withdrawn [--on WHEN]",
                             _ ("Record how an application ended or turned; its status follows. "
                                "An acceptance or refusal also settles its open offers."),
                             entries, &argc, &argv, &error)
      || !outcome_parse (cli, argc, argv, on, outcome, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || !outcome_record (store, outcome, g_date_time_to_unix (cli->now), &app, &error))
    return jt_cli_fail (error);
  when = jt_cli_format_time (cli, outcome->occurred_at);
  /* TRANSLATORS: "Application 3 (Globex, SRE): rejected on 2026-12-04 10:00" */
  printf (_ ("Application %" PRId64 " (%s%s%s): %s on %s\n"), app->id, app->company,
          *app->role != '\0' ? ", " : "", app->role, jt_outcome_kind_to_string (outcome->kind),
          when);
  return JT_EXIT_OK;
}
