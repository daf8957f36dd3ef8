/* jobtrack-outcome.c: `jobtrack outcome APP KIND [--on WHEN]`, how an application ended
 * or turned. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-outcomes.h"

/* Leeway for a clock a little ahead of ours; beyond it an outcome has not happened yet. */
#define FUTURE_LEEWAY_SECONDS 60

int
jt_cmd_outcome (JtCli *cli, int argc, char **argv)
{
  g_autofree char *on = NULL;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, "When it happened (default now)", "WHEN" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtOutcome) outcome = jt_outcome_new ();
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *when = NULL;
  GError *error = NULL;
  gint64 now = g_date_time_to_unix (cli->now);
  JtStore *store;

  if (!jt_cli_parse_options (cli, "outcome",
                             "APP offer|rejected|accepted|declined|withdrawn [--on WHEN]",
                             "Record how an application ended or turned; its status follows. "
                             "An acceptance or refusal also settles its open offers.",
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 2, "outcome APP KIND [--on WHEN]", &error)
      || !jt_cli_parse_id (argv[1], "an application", &outcome->application_id, &error)
      || !jt_outcome_kind_parse (argv[2], &outcome->kind, &error))
    return jt_cli_fail (error);
  outcome->occurred_at = now;
  if (on != NULL && !jt_cli_parse_when (cli, on, &outcome->occurred_at, &error))
    return jt_cli_fail (error);
  if (outcome->occurred_at > now + FUTURE_LEEWAY_SECONDS)
    {
      g_autofree char *future = jt_cli_format_time (cli, outcome->occurred_at);

      return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                       "an outcome is recorded once it happened, not for %s",
                                       future));
    }
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, outcome->application_id, &error)) == NULL
      || !jt_store_outcome_insert (store, outcome, now, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  when = jt_cli_format_time (cli, outcome->occurred_at);
  printf ("Application %" G_GINT64_FORMAT " (%s%s%s): %s on %s\n", app->id, app->company,
          *app->role != '\0' ? ", " : "", app->role, jt_outcome_kind_to_string (outcome->kind),
          when);
  return JT_EXIT_OK;
}
