/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-offer.c: `jobtrack offer add|list|edit`. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-time.h"

/* The fields `offer add` and `offer edit` take. */
typedef struct
{
  char *received;
  char *deadline;
  char *salary;
  char *title;
  char *start;
  char *state;
  char *notes;
} OfferFields;

static void
offer_fields_clear (OfferFields *fields)
{
  g_free (fields->received);
  g_free (fields->deadline);
  g_free (fields->salary);
  g_free (fields->title);
  g_free (fields->start);
  g_free (fields->state);
  g_free (fields->notes);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OfferFields, offer_fields_clear)

/* clang-format off */
#define OFFER_FIELD_ENTRIES(f)                                                                \
  { "received", 0, 0, G_OPTION_ARG_STRING, &(f).received,                                     \
    N_ ("The day it arrived (default today)"), "WHEN" },                                      \
  { "deadline", 0, 0, G_OPTION_ARG_STRING, &(f).deadline, N_ ("The day to respond by"),       \
    "WHEN" },                                                                                 \
  { "salary", 0, 0, G_OPTION_ARG_STRING, &(f).salary, N_ ("Salary offered"), "TEXT" },        \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(f).title, N_ ("Job title offered"), "TITLE" },      \
  { "start", 0, 0, G_OPTION_ARG_STRING, &(f).start, N_ ("Start date"), "WHEN" },              \
  { "state", 0, 0, G_OPTION_ARG_STRING, &(f).state,                                           \
    N_ ("open, negotiating, accepted or declined"), "STATE" },                                \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(f).notes, N_ ("Notes"), "TEXT" }
/* clang-format on */

/* A day option: NULL keeps *day, "" clears it, anything else must read as a day. */
static gboolean
set_day (JtCli *cli, const char *text, char **day, GError **error)
{
  g_autofree char *parsed = NULL;

  if (text == NULL)
    return TRUE;
  if (*text != '\0' && !jt_cli_parse_day (cli, text, &parsed, error))
    return FALSE;
  g_free (*day);
  *day = g_steal_pointer (&parsed);
  return TRUE;
}

/* Applies the given fields to `offer`; an empty value clears an optional one. */
static gboolean
apply_fields (JtCli *cli, const OfferFields *fields, JtOffer *offer, GError **error)
{
  if (!set_day (cli, fields->received, &offer->received_on, error)
      || !set_day (cli, fields->deadline, &offer->deadline, error)
      || !set_day (cli, fields->start, &offer->start_on, error))
    return FALSE;
  if (fields->state != NULL && !jt_offer_state_parse (fields->state, &offer->state, error))
    return FALSE;
  jt_cli_set_text (&offer->salary, fields->salary);
  jt_cli_set_text (&offer->title, fields->title);
  jt_cli_set_text (&offer->notes, fields->notes);
  return TRUE;
}

/* ": respond by 2026-12-10", or "" without a deadline. New string. */
static char *
deadline_text (const JtOffer *offer)
{
  if (offer->deadline == NULL)
    return g_strdup ("");
  return g_strdup_printf (_ (": respond by %s"), offer->deadline);
}

static int
offer_add (JtCli *cli, int argc, char **argv)
{
  g_auto (OfferFields) fields = { 0 };
  g_autofree char *app_option = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option, N_ ("The application (required)"), "ID" },
    OFFER_FIELD_ENTRIES (fields),
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtOffer) offer = jt_offer_new ();
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *respond = NULL;
  GError *error = NULL;
  gint64 now = g_date_time_to_unix (cli->now);
  JtStore *store;

  if (!jt_cli_parse_options (cli, "offer add", "--app ID [--deadline WHEN] [OPTION…]",
                             _ ("Record an offer. An application not yet at the offer stage moves "
                                "to it."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "offer add --app ID [--deadline WHEN] [OPTION…]", &error))
    return jt_cli_fail (error);
  if (app_option == NULL)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("an offer needs its application (--app ID)")));
  offer->received_on = jt_date_format (cli->now);
  if (!jt_cli_parse_id (app_option, _ ("an application"), &offer->application_id, &error)
      || !apply_fields (cli, &fields, offer, &error))
    return jt_cli_fail (error);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, offer->application_id, &error)) == NULL
      || !jt_store_offer_insert (store, offer, now, &error))
    return jt_cli_fail (error);
  /* The first offer is also the application's dated "offer" outcome, which moves it to
   * the offer stage; a later or final status stays. */
  if (app->status == JT_STATUS_LEAD || app->status == JT_STATUS_APPLIED
      || app->status == JT_STATUS_INTERVIEWING)
    {
      g_autoptr (JtOutcome) outcome = jt_outcome_new ();

      outcome->application_id = app->id;
      outcome->kind = JT_OUTCOME_OFFER;
      outcome->occurred_at = now;
      if (!jt_store_outcome_insert (store, outcome, now, &error))
        return jt_cli_fail (error);
    }
  if (!jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  respond = deadline_text (offer);
  printf (_ ("Added offer %" PRId64 " for application %" PRId64 " (%s%s%s)%s\n"), offer->id,
          app->id, app->company, *app->role != '\0' ? ", " : "", app->role, respond);
  return JT_EXIT_OK;
}

static void
print_table (JtCli *cli, const GPtrArray *offers, GHashTable *apps)
{
  g_autoptr (JtTable) table = jt_table_new (_ ("ID"), _ ("APP"), _ ("COMPANY"), _ ("RECEIVED"),
                                            _ ("DEADLINE"), _ ("SALARY"), _ ("STATE"), NULL);

  for (guint i = 0; i < offers->len; i++)
    {
      const JtOffer *offer = g_ptr_array_index (offers, i);
      const JtApplication *app = g_hash_table_lookup (apps, &offer->application_id);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, offer->id);
      g_autofree char *app_id = g_strdup_printf ("%" G_GINT64_FORMAT, app->id);

      /* A NULL cell prints empty. */
      jt_table_add_row (table, id, app_id, app->company, offer->received_on, offer->deadline,
                        offer->salary, jt_offer_state_to_string (offer->state));
    }
  jt_cli_start_pager (cli);
  jt_table_print (table, cli);
}

static int
offer_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *app_option = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option, N_ ("Only this application's offers"), "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GHashTable) apps = jt_cli_app_cache_new ();
  g_autoptr (GPtrArray) offers = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 app_id = 0;

  if (!jt_cli_parse_options (cli, "offer list", "[--app ID] [--json]", _ ("List offers."), entries,
                             &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "offer list [--app ID] [--json]", &error)
      || (app_option != NULL
          && !jt_cli_parse_id (app_option, _ ("an application"), &app_id, &error))
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (app_id != 0 && jt_cli_app_cache_get (apps, store, app_id, &error) == NULL)
      || (offers = jt_store_offer_list (store, app_id, &error)) == NULL)
    return jt_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < offers->len; i++)
        jt_json_add_offer (builder, g_ptr_array_index (offers, i), cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
      return JT_EXIT_OK;
    }
  if (offers->len == 0)
    {
      printf (
          _ ("No offers yet. Record one with 'jobtrack offer add --app ID --deadline WHEN'.\n"));
      return JT_EXIT_OK;
    }
  /* Every company is read before anything is printed. */
  for (guint i = 0; i < offers->len; i++)
    {
      const JtOffer *offer = g_ptr_array_index (offers, i);

      if (jt_cli_app_cache_get (apps, store, offer->application_id, &error) == NULL)
        return jt_cli_fail (error);
    }
  print_table (cli, offers, apps);
  return JT_EXIT_OK;
}

static int
offer_edit (JtCli *cli, int argc, char **argv)
{
  g_auto (OfferFields) fields = { 0 };
  const GOptionEntry entries[] = { OFFER_FIELD_ENTRIES (fields), G_OPTION_ENTRY_NULL };
  g_autoptr (JtOffer) offer = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *respond = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "offer edit", "ID [OPTION…]",
                             _ ("Change an offer's days, terms or state; an empty value clears a "
                                "field."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "offer edit ID [OPTION…]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an offer"), &id, &error))
    return jt_cli_fail (error);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (offer = jt_store_offer_get (store, id, &error)) == NULL
      || !apply_fields (cli, &fields, offer, &error)
      || !jt_store_offer_update (store, offer, g_date_time_to_unix (cli->now), &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  respond = deadline_text (offer);
  printf (_ ("Updated offer %" PRId64 " for application %" PRId64 " (%s)%s\n"), offer->id,
          offer->application_id, jt_offer_state_to_string (offer->state), respond);
  return JT_EXIT_OK;
}

static const JtCommand offer_commands[] = {
  { "add", offer_add, N_ ("Record an offer and its respond-by deadline") },
  { "list", offer_list, N_ ("List offers") },
  { "edit", offer_edit, N_ ("Change an offer's days, terms or state") },
  { NULL, NULL, NULL },
};

int
jt_cmd_offer (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "offer", offer_commands, argc, argv);
}
