/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-already-applied.c: the "you applied here before" note of `add` and `app add`. */
#include "jt-already-applied.h"

#include <inttypes.h>
#include <stdio.h>

#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-text.h"

/* The local day of `unix_seconds` as "YYYY-MM-DD", into `day` when given. New string. */
static char *
local_day (JtCli *cli, gint64 unix_seconds, GDate *day)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, cli->tz);

  if (day != NULL)
    g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (local),
                    (GDateMonth) g_date_time_get_month (local),
                    (GDateYear) g_date_time_get_year (local));
  return g_date_time_format (local, "%Y-%m-%d");
}

/* When the application took its present status: the newest change to it in its history
 * (an outcome may be dated before the application was recorded). */
static gint64
status_since (JtStore *store, const JtApplication *app)
{
  g_autoptr (GArray) history = jt_store_application_status_history (store, app->id, NULL);
  gint64 since = app->created_at;

  for (guint i = 0; history != NULL && i < history->len; i++)
    if (g_array_index (history, JtStatusChange, i).status == app->status)
      since = g_array_index (history, JtStatusChange, i).changed_at;
  return since;
}

/* "rejected on 2026-06-10; the 5-month re-contact call is due 2026-11-10 (…)". */
static void
describe_status (JtCli *cli, const JtConfig *config, const JtApplication *app, gint64 since,
                 GString *out)
{
  GDate day, today;
  g_autofree char *on = local_day (cli, since, &day);
  /* Only the day is wanted of today, not its text. */
  g_free (local_day (cli, g_date_time_to_unix (cli->now), &today));
  char due[16];

  if (!jt_status_is_final (app->status))
    {
      /* TRANSLATORS: "interviewing since 2026-11-02, still open" */
      g_string_append_printf (out, _ ("%s since %s, still open"), jt_status_to_string (app->status),
                              on);
      return;
    }
  /* TRANSLATORS: "rejected on 2026-06-10" */
  g_string_append_printf (out, _ ("%s on %s"), jt_status_to_string (app->status), on);
  if (app->status != JT_STATUS_REJECTED || config == NULL)
    return;
  /* R8: the hire may not have worked out; call rather than apply blind. */
  g_date_add_months (&day, (guint) config->recontact_months);
  g_date_strftime (due, sizeof due, "%Y-%m-%d", &day);
  if (g_date_compare (&day, &today) < 0)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "; the %d-month re-contact call was due %s: call the "
                                         "decision-maker or HR rather than applying blind",
                                         "; the %d-month re-contact call was due %s: call the "
                                         "decision-maker or HR rather than applying blind",
                                         (gulong) config->recontact_months),
                            config->recontact_months, due);
  else
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "; the %d-month re-contact call is due %s: call the "
                                         "decision-maker or HR rather than applying blind",
                                         "; the %d-month re-contact call is due %s: call the "
                                         "decision-maker or HR rather than applying blind",
                                         (gulong) config->recontact_months),
                            config->recontact_months, due);
}

/* Rows another program wrote (a script, bench/gen) have no company family yet: work
 * them out first. The command is about to write anyway; if it cannot, neither can this,
 * and the note goes by the families there are. */
static void
fill_families (JtStore *store)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, NULL);

  if (txn != NULL && jt_store_application_fill_families (store, NULL))
    jt_transaction_commit (g_steal_pointer (&txn), NULL);
}

/* The note, for `store`: NULL when it could not be opened, `open_error` saying why. */
static void
warn (JtCli *cli, JtStore *store, const char *company, gboolean in_transaction,
      const GError *open_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  const JtConfig *config = jt_cli_config (cli, NULL);

  if (store != NULL)
    {
      if (in_transaction)
        jt_store_application_fill_families (store, NULL);
      else
        fill_families (store);
      apps = jt_store_application_list_family (store, company, &error);
    }
  if (apps == NULL)
    {
      g_printerr (_ ("jobtrack: note: cannot check for earlier applications: %s\n"),
                  store != NULL ? error->message : open_error->message);
      return;
    }
  if (apps->len == 0)
    return;
  g_printerr (_ ("jobtrack: note: you have applied to %s before (--quiet to not say so):\n"),
              company);
  for (guint i = 0; i < apps->len; i++)
    {
      const JtApplication *app = g_ptr_array_index (apps, i);
      g_autoptr (GString) line = g_string_new (NULL);
      g_autofree char *shown = NULL;

      g_string_append_printf (line, _ ("  application %" PRId64 ": %s, %s — "), app->id,
                              app->company, *app->role != '\0' ? app->role : _ ("no role given"));
      describe_status (cli, config, app, status_since (store, app), line);
      /* Names as typed may hold line breaks or escapes: one line, nothing for the terminal. */
      shown = jt_text_clean_line (line->str);
      g_printerr ("%s\n", shown);
    }
}

void
jt_cli_warn_already_applied (JtCli *cli, const char *company)
{
  g_autoptr (GError) error = NULL;
  JtStore *store = jt_cli_store (cli, JT_STORE_WRITE, &error);

  warn (cli, store, company, FALSE, error);
}

void
jt_cli_warn_already_applied_in (JtCli *cli, JtStore *store, const char *company)
{
  g_return_if_fail (jt_store_in_transaction (store));
  warn (cli, store, company, TRUE, NULL);
}
