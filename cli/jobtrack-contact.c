/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-contact.c: `jobtrack contact add|list|show|edit|rm`. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-touches.h"

/* The fields `contact add` and `contact edit` take. */
typedef struct
{
  char *name;
  char *title;
  char *company;
  char *email;
  char *phone;
  char *url;
  char *roles;
  char *notes;
  gboolean hit_it_off;
  gboolean no_hit_it_off;
  gboolean network;
  gboolean no_network;
} ContactFields;

static void
contact_fields_clear (ContactFields *fields)
{
  g_free (fields->name);
  g_free (fields->title);
  g_free (fields->company);
  g_free (fields->email);
  g_free (fields->phone);
  g_free (fields->url);
  g_free (fields->roles);
  g_free (fields->notes);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ContactFields, contact_fields_clear)

/* clang-format off */
#define CONTACT_FIELD_ENTRIES(f)                                                              \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(f).name, N_ ("Full name"), "NAME" },                 \
  { "title", 0, 0, G_OPTION_ARG_STRING, &(f).title, N_ ("Job title"), "TITLE" },              \
  { "company", 0, 0, G_OPTION_ARG_STRING, &(f).company, N_ ("Company"), "NAME" },             \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(f).email, N_ ("Email address"), "EMAIL" },          \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(f).phone, N_ ("Phone number"), "PHONE" },           \
  { "url", 0, 0, G_OPTION_ARG_STRING, &(f).url, N_ ("Profile link"), "URL" },                 \
  { "roles", 0, 0, G_OPTION_ARG_STRING, &(f).roles,                                           \
    N_ ("Comma-separated: decision-maker, influencer, hr, recruiter, reference"), "ROLES" },  \
  { "hit-it-off", 0, 0, G_OPTION_ARG_NONE, &(f).hit_it_off, N_ ("You had real rapport"),      \
    NULL },                                                                                   \
  { "network", 0, 0, G_OPTION_ARG_NONE, &(f).network,                                         \
    N_ ("Keep in touch whatever happens to the application"), NULL },                         \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(f).notes, N_ ("Notes"), "TEXT" }
/* clang-format on */

/* Applies the given fields to `contact`; an empty value clears an optional one, and
 * --roles replaces the whole set. */
static gboolean
apply_fields (const ContactFields *fields, JtContact *contact, GError **error)
{
  if ((fields->hit_it_off && fields->no_hit_it_off) || (fields->network && fields->no_network))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("a flag and its --no- form cannot be given together"));
      return FALSE;
    }
  if (fields->roles != NULL && !jt_contact_roles_parse (fields->roles, &contact->roles, error))
    return FALSE;
  jt_cli_set_text (&contact->name, fields->name);
  jt_cli_set_text (&contact->title, fields->title);
  jt_cli_set_text (&contact->company, fields->company);
  jt_cli_set_text (&contact->email, fields->email);
  jt_cli_set_text (&contact->phone, fields->phone);
  jt_cli_set_text (&contact->url, fields->url);
  jt_cli_set_text (&contact->notes, fields->notes);
  if (fields->hit_it_off || fields->no_hit_it_off)
    contact->hit_it_off = fields->hit_it_off;
  if (fields->network || fields->no_network)
    contact->network = fields->network;
  return TRUE;
}

/* "decision-maker, hr", or "" without roles. New string. */
static char *
roles_text (guint roles)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (roles & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              jt_contact_role_to_string (1u << i));
  return g_string_free (text, FALSE);
}

static int
contact_add (JtCli *cli, int argc, char **argv)
{
  g_auto (ContactFields) fields = { 0 };
  g_autofree char *app_option = NULL;
  const GOptionEntry entries[] = {
    CONTACT_FIELD_ENTRIES (fields),
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option,
      N_ ("Link the contact to this application (and its company)"), "ID" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtContact) contact = jt_contact_new ();
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 app_id = 0;

  if (!jt_cli_parse_options (cli, "contact add", "--name NAME [OPTION…]",
                             _ ("Record a person of your job search."), entries, &argc, &argv,
                             &error)
      || !jt_cli_expect_args (argc, 0, "contact add --name NAME [OPTION…]", &error)
      || (app_option != NULL
          && !jt_cli_parse_id (app_option, _ ("an application"), &app_id, &error))
      || !apply_fields (&fields, contact, &error))
    return jt_cli_fail (error);
  if (jt_text_is_blank (contact->name))
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("a contact needs a name (--name NAME)")));
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app_id != 0 && (app = jt_store_application_get (store, app_id, &error)) == NULL))
    return jt_cli_fail (error);
  /* Someone in an application's process works at its company unless --company says
   * otherwise; that is also how `jobtrack add --with NAME` finds them again. */
  if (app != NULL && fields.company == NULL)
    jt_cli_set_text (&contact->company, app->company);
  if (!jt_store_contact_insert (store, contact, g_date_time_to_unix (cli->now), &error)
      || (app != NULL && !jt_store_application_link_contact (store, app->id, contact->id, &error))
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Added contact %" PRId64 ": %s\n"), contact->id, contact->name);
  return JT_EXIT_OK;
}

/* --role R, repeatable or a comma list, as role flags. */
static gboolean
parse_role_options (char **texts, guint *roles, GError **error)
{
  *roles = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      guint some = 0;

      if (!jt_contact_roles_parse (texts[i], &some, error))
        return FALSE;
      *roles |= some;
    }
  return TRUE;
}

static int
contact_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *company = NULL;
  g_auto (GStrv) role_texts = NULL;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING, &company, N_ ("Only the people of this company"),
      "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &role_texts,
      N_ ("Only those with this role: decision-maker, influencer, hr, recruiter, reference "
          "(repeatable, or a comma list)"),
      "ROLE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  JtContactFilter filter = { 0 };
  g_autoptr (GPtrArray) contacts = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "contact list", "[--company NAME] [--role ROLE]… [--json]",
                             _ ("List contacts, every one or those the filters keep."), entries,
                             &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "contact list [--company NAME] [--role ROLE]… [--json]",
                              &error)
      || !parse_role_options (role_texts, &filter.roles, &error))
    return jt_cli_fail (error);
  filter.company = company;
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (contacts = jt_store_contact_list_filtered (store, &filter, &error)) == NULL)
    return jt_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < contacts->len; i++)
        jt_json_add_contact (builder, g_ptr_array_index (contacts, i), cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (contacts->len == 0 && (company != NULL || role_texts != NULL))
    printf (_ ("No contacts match.\n"));
  else if (contacts->len == 0)
    printf (_ ("No contacts yet. 'jobtrack add --with NAME' records the people you meet, or "
               "'jobtrack contact add --name NAME'.\n"));
  else
    {
      g_autoptr (JtTable) table = jt_table_new (_ ("ID"), _ ("NAME"), _ ("TITLE"), _ ("COMPANY"),
                                                _ ("EMAIL"), _ ("PHONE"), _ ("ROLES"), NULL);

      jt_cli_start_pager (cli);
      for (guint i = 0; i < contacts->len; i++)
        {
          const JtContact *contact = g_ptr_array_index (contacts, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contact->id);
          g_autofree char *roles = roles_text (contact->roles);

          /* A NULL cell prints empty. */
          jt_table_add_row (table, id, contact->name, contact->title, contact->company,
                            contact->email, contact->phone, roles);
        }
      jt_table_print (table, cli);
    }
  return JT_EXIT_OK;
}

static void
print_contact (JtCli *cli, const JtContact *contact, const GPtrArray *apps,
               const GPtrArray *touches)
{
  g_autofree char *title
      = g_strdup_printf (_ ("%s (contact %" PRId64 ")"), contact->name, contact->id);
  g_autofree char *roles = roles_text (contact->roles);

  jt_cli_print_heading (cli, title);
  jt_cli_print_field (cli, _ ("Title"), contact->title);
  jt_cli_print_field (cli, _ ("Company"), contact->company);
  jt_cli_print_field (cli, _ ("Email"), contact->email);
  jt_cli_print_field (cli, _ ("Phone"), contact->phone);
  jt_cli_print_field (cli, _ ("Link"), contact->url);
  jt_cli_print_field (cli, _ ("Roles"), roles);
  jt_cli_print_field (cli, _ ("Hit it off"), contact->hit_it_off ? _ ("yes") : NULL);
  jt_cli_print_field (cli, _ ("Network"), contact->network ? _ ("yes") : NULL);
  jt_cli_print_field (cli, _ ("Notes"), contact->notes);

  if (apps->len > 0)
    printf (_ ("\nApplications\n"));
  for (guint i = 0; i < apps->len; i++)
    {
      const JtApplication *app = g_ptr_array_index (apps, i);
      g_autofree char *company = jt_cli_text (app->company, TRUE);
      g_autofree char *role = jt_cli_text (app->role, TRUE);

      printf ("  %" G_GINT64_FORMAT "  %s%s%s (%s)\n", app->id, company,
              *app->role != '\0' ? ", " : "", role, jt_status_to_string (app->status));
    }
  if (touches->len > 0)
    printf (_ ("\nTouches\n"));
  for (guint i = 0; i < touches->len; i++)
    {
      const JtTouch *touch = g_ptr_array_index (touches, i);
      g_autofree char *when = jt_cli_format_time (cli, touch->at);
      g_autofree char *app
          = touch->application_id != 0
                ? g_strdup_printf (_ (" about application %" PRId64), touch->application_id)
                : NULL;

      g_autofree char *about = jt_cli_text (touch->about, TRUE);

      printf ("  %s  %s%s%s%s\n", when, jt_touch_kind_to_string (touch->kind),
              app != NULL ? app : "", touch->about != NULL ? ": " : "", about);
    }
}

/* The object of `contact list`, plus `applications` ({id, company, role, status}) and
 * `touches`. */
static void
print_json (JtCli *cli, const JtContact *contact, const GPtrArray *apps, const GPtrArray *touches)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  jt_json_add_contact_members (builder, contact, cli->tz);
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < apps->len; i++)
    {
      const JtApplication *app = g_ptr_array_index (apps, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, app->id);
      json_builder_set_member_name (builder, "company");
      json_builder_add_string_value (builder, app->company);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, app->role);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, jt_status_to_string (app->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "touches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < touches->len; i++)
    jt_json_add_touch (builder, g_ptr_array_index (touches, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

static int
contact_show (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) touches = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "contact show", "ID [--json]",
                             _ ("Show a contact with their roles, their applications and your "
                                "touches with them."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "contact show ID [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("a contact"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (contact = jt_store_contact_get (store, id, &error)) == NULL
      || (apps = jt_store_contact_applications (store, id, &error)) == NULL
      || (touches = jt_store_touch_list (store, 0, id, &error)) == NULL)
    return jt_cli_fail (error);
  if (json)
    print_json (cli, contact, apps, touches);
  else
    print_contact (cli, contact, apps, touches);
  return JT_EXIT_OK;
}

static int
contact_edit (JtCli *cli, int argc, char **argv)
{
  g_auto (ContactFields) fields = { 0 };
  const GOptionEntry entries[] = {
    CONTACT_FIELD_ENTRIES (fields),
    { "no-hit-it-off", 0, 0, G_OPTION_ARG_NONE, &fields.no_hit_it_off, N_ ("Clear --hit-it-off"),
      NULL },
    { "no-network", 0, 0, G_OPTION_ARG_NONE, &fields.no_network, N_ ("Clear --network"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "contact edit", "ID [OPTION…]",
                             _ ("Change a contact; an empty value clears a field, --roles "
                                "replaces the roles (\"\" for none)."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "contact edit ID [OPTION…]", &error)
      || !jt_cli_parse_id (argv[1], _ ("a contact"), &id, &error))
    return jt_cli_fail (error);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (contact = jt_store_contact_get (store, id, &error)) == NULL
      || !apply_fields (&fields, contact, &error)
      || !jt_store_contact_update (store, contact, g_date_time_to_unix (cli->now), &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Updated contact %" PRId64 ": %s\n"), contact->id, contact->name);
  return JT_EXIT_OK;
}

static int
contact_rm (JtCli *cli, int argc, char **argv)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("Do not ask"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtContact) contact = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *question = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "contact rm", "ID [--yes]",
                             _ ("Remove a contact. Their interviews and applications stay; touches "
                                "with them about no application go too."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "contact rm ID [--yes]", &error)
      || !jt_cli_parse_id (argv[1], _ ("a contact"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (contact = jt_store_contact_get (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  question = g_strdup_printf (_ ("Remove contact %" PRId64 " (%s)?"), contact->id, contact->name);
  if (!jt_cli_confirm (cli, yes, question, &error)
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || !jt_store_contact_delete (store, id, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Removed contact %" PRId64 ": %s\n"), id, contact->name);
  return JT_EXIT_OK;
}

static const JtCommand contact_commands[] = {
  { "add", contact_add, N_ ("Record a person of your job search") },
  { "list", contact_list, N_ ("List contacts, by company or role") },
  { "show", contact_show, N_ ("Show a contact with their roles and touches") },
  { "edit", contact_edit, N_ ("Change a contact's details, roles or flags") },
  { "rm", contact_rm, N_ ("Remove a contact") },
  { NULL, NULL, NULL },
};

int
jt_cmd_contact (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "contact", contact_commands, argc, argv);
}
