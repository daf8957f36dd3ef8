/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-app.c: `jobtrack app add|list|show|edit|rm`. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-already-applied.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-documents.h"
#include "jt-store-skills.h"

/* The fields `app add` and `app edit` take. */
typedef struct
{
  char *company;
  char *role;
  char *source;
  char *url;
  char *status;
  char *interest;
  char *notes;
  char *decision;
} AppFields;

static void
app_fields_clear (AppFields *fields)
{
  g_free (fields->company);
  g_free (fields->role);
  g_free (fields->source);
  g_free (fields->url);
  g_free (fields->status);
  g_free (fields->interest);
  g_free (fields->notes);
  g_free (fields->decision);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppFields, app_fields_clear)

/* Initializers built by macros, one per line. */
/* clang-format off */
#define APP_FIELD_ENTRIES(f)                                                                       \
  { "company", 0, 0, G_OPTION_ARG_STRING, &(f).company, N_ ("Company"), "NAME" },                  \
  { "role", 0, 0, G_OPTION_ARG_STRING, &(f).role, N_ ("Role applied for"), "TITLE" },              \
  { "source", 0, 0, G_OPTION_ARG_STRING, &(f).source, N_ ("Where it came from"), "TEXT" },         \
  { "url", 0, 0, G_OPTION_ARG_STRING, &(f).url, N_ ("Link to the posting"), "URL" },               \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(f).status,                                              \
    N_ ("lead, applied, interviewing, offer, accepted, declined, rejected, withdrawn"),            \
    "STATUS" },                                                                                    \
  { "interest", 0, 0, G_OPTION_ARG_STRING, &(f).interest, N_ ("How much you want it, 1-5"), "N" }, \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(f).notes, N_ ("Notes"), "TEXT" },                        \
  { "decision", 0, 0, G_OPTION_ARG_STRING, &(f).decision, N_ ("When they plan to decide"), "WHEN" }
/* clang-format on */

/* Applies the given fields to `app`; an empty value clears an optional one. */
static gboolean
apply_fields (JtCli *cli, const AppFields *fields, JtApplication *app, GError **error)
{
  jt_cli_set_text (&app->company, fields->company);
  jt_cli_set_text (&app->role, fields->role);
  jt_cli_set_text (&app->source, fields->source);
  jt_cli_set_text (&app->url, fields->url);
  jt_cli_set_text (&app->notes, fields->notes);
  if (fields->status != NULL && !jt_status_parse (fields->status, &app->status, error))
    return FALSE;
  if (fields->interest != NULL && *fields->interest == '\0')
    app->interest = 0;
  else if (fields->interest != NULL
           && !jt_cli_parse_score (fields->interest, _ ("interest"), &app->interest, error))
    return FALSE;
  if (fields->decision != NULL)
    {
      g_clear_pointer (&app->decision_date, g_free);
      if (!jt_cli_parse_day (cli, fields->decision, &app->decision_date, error))
        return FALSE;
    }
  return TRUE;
}

static int
app_add (JtCli *cli, int argc, char **argv)
{
  g_auto (AppFields) fields = { 0 };
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    APP_FIELD_ENTRIES (fields),
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_ ("Do not say when the company already has an application"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "app add", "--company NAME [--role TITLE] [OPTION…]",
                             _ ("Record an application (or a lead)."), entries, &argc, &argv,
                             &error)
      || !jt_cli_expect_args (argc, 0, "app add --company NAME [OPTION…]", &error)
      || !apply_fields (cli, &fields, app, &error))
    return jt_cli_fail (error);
  if (jt_text_is_blank (app->company))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("an application needs a company (--company NAME)")));
  if ((store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL)
    return jt_cli_fail (error);
  if (!quiet)
    jt_cli_warn_already_applied (cli, app->company);
  if ((txn = jt_store_begin_write (store, &error)) == NULL
      || !jt_store_application_insert (store, app, g_date_time_to_unix (cli->now), &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Added application %" PRId64 ": %s%s%s (%s)\n"), app->id, app->company,
          *app->role != '\0' ? ", " : "", app->role, jt_status_to_string (app->status));
  return JT_EXIT_OK;
}

/* --status S, repeatable or a comma list ("applied,interviewing"), as status flags. */
static gboolean
parse_statuses (char **texts, guint *statuses, GError **error)
{
  *statuses = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (texts[i], ",", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          JtStatus status;

          if (*g_strstrip (parts[p]) == '\0')
            continue;
          if (!jt_status_parse (parts[p], &status, error))
            return FALSE;
          *statuses |= 1u << status;
        }
    }
  return TRUE;
}

/* The statuses of an application that has not ended: the only ones that can be quiet. */
static guint
open_statuses (void)
{
  guint statuses = 0;

  for (guint s = JT_STATUS_LEAD; s <= JT_STATUS_WITHDRAWN; s++)
    if (!jt_status_is_final (s))
      statuses |= 1u << s;
  return statuses;
}

static int
app_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  gboolean quiet_only = FALSE;
  g_auto (GStrv) status_texts = NULL;
  g_autofree char *since = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &status_texts,
      N_ ("Only these statuses (repeatable, or a comma list)"), "STATUS" },
    { "quiet", 0, 0, G_OPTION_ARG_NONE, &quiet_only,
      N_ ("Only open applications that have gone quiet"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_ ("Only those recorded since WHEN"), "WHEN" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  JtApplicationFilter filter = { 0 };
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "app list", "[--status S]… [--quiet] [--since WHEN] [--json]",
                             _ ("List applications, every one or those the filters keep."), entries,
                             &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "app list [--status S]… [--quiet] [--since WHEN] [--json]",
                              &error)
      || !parse_statuses (status_texts, &filter.statuses, &error)
      || (since != NULL && !jt_cli_parse_when (cli, since, &filter.since, &error)))
    return jt_cli_fail (error);
  /* Only an open application can be quiet: ask the index for those alone. */
  if (quiet_only)
    filter.statuses = filter.statuses != 0 ? filter.statuses & open_statuses () : open_statuses ();
  if (quiet_only && filter.statuses == 0)
    apps = g_ptr_array_new ();
  else if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
           || (listed = jt_store_application_list_filtered (store, &filter, &error)) == NULL)
    return jt_cli_fail (error);
  else
    {
      apps = g_ptr_array_new ();
      for (guint i = 0; i < listed->len; i++)
        if (!quiet_only
            || jt_rules_application_is_quiet (cli->rules, g_ptr_array_index (listed, i)))
          g_ptr_array_add (apps, g_ptr_array_index (listed, i));
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < apps->len; i++)
        {
          const JtApplication *app = g_ptr_array_index (apps, i);

          json_builder_begin_object (builder);
          jt_json_add_application_members (builder, app, cli->tz);
          json_builder_set_member_name (builder, "quiet");
          json_builder_add_boolean_value (builder, jt_rules_application_is_quiet (cli->rules, app));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (apps->len == 0 && (status_texts != NULL || quiet_only || since != NULL))
    printf (_ ("No applications match.\n"));
  else if (apps->len == 0)
    printf (_ ("No applications yet. Add one with 'jobtrack add' after an interview, or "
               "'jobtrack app add --company NAME'.\n"));
  else
    {
      g_autoptr (JtTable) table
          = jt_table_new (_ ("ID"), _ ("COMPANY"), _ ("ROLE"), _ ("STATUS"), _ ("DECISION"), NULL);

      jt_cli_start_pager (cli);
      for (guint i = 0; i < apps->len; i++)
        {
          JtApplication *app = g_ptr_array_index (apps, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, app->id);
          /* Quiet: the employer may have gone silent; time to call or let go. */
          g_autofree char *status = g_strdup_printf (
              "%s%s", jt_status_to_string (app->status),
              jt_rules_application_is_quiet (cli->rules, app) ? _ (" (quiet)") : "");

          jt_table_add_row (table, id, app->company, app->role, status,
                            app->decision_date != NULL ? app->decision_date : "");
        }
      jt_table_print (table, cli);
    }
  return JT_EXIT_OK;
}

static int
app_show (JtCli *cli, int argc, char **argv)
{
  /* An application's record is its whole story. */
  return jt_cmd_show (cli, argc, argv);
}

static int
app_edit (JtCli *cli, int argc, char **argv)
{
  g_auto (AppFields) fields = { 0 };
  g_autofree char *skills_text = NULL;
  g_auto (GStrv) skills = NULL;
  const GOptionEntry entries[] = {
    APP_FIELD_ENTRIES (fields),
    { "skills", 0, 0, G_OPTION_ARG_STRING, &skills_text,
      N_ ("Your best five skills for it, best first (shown by 'jobtrack prep')"), "\"A, B, C\"" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "app edit", "ID [OPTION…]",
                             _ ("Change an application; an empty value clears a field."), entries,
                             &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "app edit ID [OPTION…]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (skills_text != NULL && (skills = jt_skills_parse (skills_text, &error)) == NULL))
    return jt_cli_fail (error);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL
      || !apply_fields (cli, &fields, app, &error)
      || !jt_store_application_update (store, app, g_date_time_to_unix (cli->now), &error)
      || (skills != NULL
          && !jt_store_application_set_skills (store, id, (const char *const *) skills,
                                               g_date_time_to_unix (cli->now), &error))
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Updated application %" PRId64 ": %s%s%s (%s)\n"), app->id, app->company,
          *app->role != '\0' ? ", " : "", app->role, jt_status_to_string (app->status));
  return JT_EXIT_OK;
}

static int
app_rm (JtCli *cli, int argc, char **argv)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("Do not ask"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *question = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GPtrArray) unused_files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  JtRemovedCounts removed;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (
          cli, "app rm", "ID [--yes]",
          _ ("Remove an application with its interviews, offers, touches and documents."), entries,
          &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "app rm ID [--yes]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  question = g_strdup_printf (_ ("Remove application %" PRId64 " (%s%s%s) and its "
                                 "interviews, offers and touches?"),
                              app->id, app->company, *app->role != '\0' ? ", " : "", app->role);
  if (!jt_cli_confirm (cli, yes, question, &error)
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || (files = jt_store_document_application_files (store, id, &error)) == NULL
      || !jt_store_application_delete (store, id, &removed, &error))
    return jt_cli_fail (error);
  /* Its documents went with it; a kept file that nothing else uses goes too, once the
   * records no longer name it (the only place a kept file is ever deleted). */
  for (guint i = 0; files[i] != NULL; i++)
    {
      gboolean unused = FALSE;

      if (!jt_store_file_release (store, files[i], &unused, &error))
        return jt_cli_fail (error);
      if (unused)
        g_ptr_array_add (unused_files, g_strdup (files[i]));
    }
  if (!jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  /* This database's own folder: another database's files are never looked at. */
  dir = jt_cli_files_dir (cli);
  for (guint i = 0; i < unused_files->len; i++)
    if (!jt_documents_remove (dir, g_ptr_array_index (unused_files, i), &error))
      {
        /* The records are gone already; a file left behind is only disk space. */
        g_autofree char *shown = jt_cli_text (error->message, TRUE);

        g_printerr (_ ("jobtrack: warning: %s\n"), shown);
        g_clear_error (&error);
      }
  /* TRANSLATORS: the counts are interviews, touches and contacts removed with it. */
  printf (_ ("Removed application %" PRId64 " with %u interview(s), %u touch(es) and %u "
             "contact(s) who belonged to it alone\n"),
          id, removed.interviews, removed.touches, removed.contacts);
  if (files[0] != NULL)
    /* TRANSLATORS: documents of the application, and how many of their files were kept
     * for it alone (deleted); the others are used by other applications or versions. */
    printf (_ ("  its documents' files: %u deleted, %u kept for other applications or résumé "
               "versions\n"),
            unused_files->len, g_strv_length (files) - unused_files->len);
  return JT_EXIT_OK;
}

static const JtCommand app_commands[] = {
  { "add", app_add, N_ ("Record an application (or a lead)") },
  { "list", app_list, N_ ("List applications, by status, quietness or date") },
  { "show", app_show, N_ ("Tell an application's whole story") },
  { "edit", app_edit, N_ ("Change an application's fields, status or decision date") },
  { "rm", app_rm, N_ ("Remove an application") },
  { "attach", jt_cmd_app_attach, N_ ("Keep documents sent with an application") },
  { "files", jt_cmd_app_files, N_ ("List an application's documents") },
  { "detach", jt_cmd_app_detach, N_ ("Take a document off an application") },
  { NULL, NULL, NULL },
};

int
jt_cmd_app (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "app", app_commands, argc, argv);
}
