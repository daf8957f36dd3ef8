/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-touch.c: `jobtrack touch add|list`, the letters, emails, calls and meetings. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-touches.h"

/* Reads the ids of --app and --contact (0 when not given). */
static gboolean
parse_ids (const char *app_option, const char *contact_option, gint64 *app_id, gint64 *contact_id,
           GError **error)
{
  return (app_option == NULL || jt_cli_parse_id (app_option, _ ("an application"), app_id, error))
         && (contact_option == NULL
             || jt_cli_parse_id (contact_option, _ ("a contact"), contact_id, error));
}

/* Checks that the application and the contact named (when not 0) exist, so a touch or a
 * listing never names nothing; `contact` (may be NULL) receives the contact. */
static gboolean
check_ids (JtStore *store, gint64 app_id, gint64 contact_id, JtContact **contact, GError **error)
{
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtContact) person = NULL;

  if ((app_id != 0 && (app = jt_store_application_get (store, app_id, error)) == NULL)
      || (contact_id != 0 && (person = jt_store_contact_get (store, contact_id, error)) == NULL))
    return FALSE;
  if (contact != NULL)
    *contact = g_steal_pointer (&person);
  return TRUE;
}

static int
touch_add (JtCli *cli, int argc, char **argv)
{
  g_autofree char *app_option = NULL;
  g_autofree char *contact_option = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *at = NULL;
  g_autofree char *about = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option, N_ ("The application it was about"), "ID" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact_option, N_ ("The person it was with"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_ ("letter, email, call or meeting (required)"),
      "KIND" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_ ("When it happened (default now)"), "WHEN" },
    { "about", 0, 0, G_OPTION_ARG_STRING, &about, N_ ("What it was about"), "TEXT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtTouch) touch = jt_touch_new ();
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  GError *error = NULL;
  gint64 now = g_date_time_to_unix (cli->now);
  JtStore *store;

  if (!jt_cli_parse_options (cli, "touch add", "(--app ID | --contact ID) --kind KIND [OPTION…]",
                             _ ("Log a letter, email, call or meeting: with a contact, about an "
                                "application, or both."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "touch add (--app ID | --contact ID) --kind KIND", &error)
      || !parse_ids (app_option, contact_option, &touch->application_id, &touch->contact_id,
                     &error))
    return jt_cli_fail (error);
  if (app_option == NULL && contact_option == NULL)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("a touch needs an application or a contact "
                                        "(--app ID, --contact ID, or both)")));
  if (kind == NULL)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("a touch needs a kind (--kind letter, email, call or "
                                        "meeting)")));
  touch->at = now;
  if (!jt_touch_kind_parse (kind, &touch->kind, &error)
      || (at != NULL && !jt_cli_parse_when (cli, at, &touch->at, &error)))
    return jt_cli_fail (error);
  touch->about = g_strdup (about);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || !check_ids (store, touch->application_id, touch->contact_id, &contact, &error)
      || !jt_store_touch_insert (store, touch, now, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Logged %s %" PRId64), jt_touch_kind_to_string (touch->kind), touch->id);
  if (contact != NULL)
    printf (_ (" with %s"), contact->name);
  if (touch->application_id != 0)
    printf (_ (" about application %" PRId64), touch->application_id);
  printf ("\n");
  return JT_EXIT_OK;
}

static void
print_table (JtCli *cli, const GPtrArray *touches)
{
  g_autoptr (JtTable) table
      = jt_table_new (_ ("ID"), _ ("WHEN"), _ ("KIND"), _ ("WITH"), _ ("APP"), _ ("ABOUT"), NULL);

  for (guint i = 0; i < touches->len; i++)
    {
      const JtTouch *touch = g_ptr_array_index (touches, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, touch->id);
      g_autofree char *when = jt_cli_format_time (cli, touch->at);
      g_autofree char *app = touch->application_id != 0
                                 ? g_strdup_printf ("%" G_GINT64_FORMAT, touch->application_id)
                                 : NULL;

      /* A NULL cell prints empty. */
      jt_table_add_row (table, id, when, jt_touch_kind_to_string (touch->kind), touch->contact_name,
                        app, touch->about);
    }
  jt_cli_start_pager (cli);
  jt_table_print (table, cli);
}

static int
touch_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *app_option = NULL;
  g_autofree char *contact_option = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option, N_ ("Only touches about this application"),
      "ID" },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact_option, N_ ("Only touches with this contact"),
      "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GPtrArray) touches = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 app_id = 0;
  gint64 contact_id = 0;

  if (!jt_cli_parse_options (cli, "touch list", "[--app ID] [--contact ID] [--json]",
                             _ ("List touches, oldest first."), entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "touch list [--app ID] [--contact ID] [--json]", &error)
      || !parse_ids (app_option, contact_option, &app_id, &contact_id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || !check_ids (store, app_id, contact_id, NULL, &error)
      || (touches = jt_store_touch_list (store, app_id, contact_id, &error)) == NULL)
    return jt_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < touches->len; i++)
        jt_json_add_touch (builder, g_ptr_array_index (touches, i), cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (touches->len == 0)
    printf (_ ("No touches yet. Log one with 'jobtrack touch add --contact ID --kind call'.\n"));
  else
    print_table (cli, touches);
  return JT_EXIT_OK;
}

static const JtCommand touch_commands[] = {
  { "add", touch_add, N_ ("Log a letter, email, call or meeting") },
  { "list", touch_list, N_ ("List touches, oldest first") },
  { NULL, NULL, NULL },
};

int
jt_cmd_touch (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "touch", touch_commands, argc, argv);
}
