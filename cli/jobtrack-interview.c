/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-interview.c: `jobtrack interview list|show|edit|rm`. Interviews are logged
 * with `jobtrack add`. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jobtrack-interview.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-interview-log.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-time.h"

void
jt_interview_fields_clear (JtInterviewFields *f)
{
  char **texts[]
      = { &f->at,   &f->duration, &f->kind,       &f->where,     &f->rating,   &f->said,
          &f->edge, &f->problems, &f->objections, &f->next_step, &f->may_call, &f->notes };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_clear_pointer (texts[i], g_free);
  g_clear_pointer (&f->with, g_strfreev);
}

gboolean
jt_interview_fields_is_empty (const JtInterviewFields *f)
{
  const char *texts[]
      = { f->at,   f->duration, f->kind,       f->where,     f->rating,   f->said,
          f->edge, f->problems, f->objections, f->next_step, f->may_call, f->notes };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      return FALSE;
  return f->with == NULL;
}

/* An interview lasts from a minute to a day. */
static gboolean
parse_duration (const char *text, int *minutes, GError **error)
{
  gint64 seconds;

  if (!jt_duration_parse (text, &seconds, error))
    return FALSE;
  if (seconds < 60 || seconds > 24 * 60 * 60)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("an interview lasts from 1 minute to 24 hours, not '%s'"), text);
      return FALSE;
    }
  *minutes = (int) (seconds / 60);
  return TRUE;
}

gboolean
jt_interview_fields_apply (JtCli *cli, const JtInterviewFields *f, gboolean empty_clears,
                           JtInterview *interview, GError **error)
{
  if (f->at != NULL && !jt_cli_parse_when (cli, f->at, &interview->start_at, error))
    return FALSE;
  if (f->duration != NULL && !parse_duration (f->duration, &interview->duration_min, error))
    return FALSE;
  if (f->kind != NULL && !jt_interview_kind_parse (f->kind, &interview->kind, error))
    return FALSE;
  if (empty_clears && f->rating != NULL && *f->rating == '\0')
    interview->rating = 0;
  else if (f->rating != NULL
           && !jt_cli_parse_score (f->rating, _ ("a rating"), &interview->rating, error))
    return FALSE;
  if (empty_clears && f->may_call != NULL && *f->may_call == '\0')
    interview->may_call_at = 0;
  else if (f->may_call != NULL
           && !jt_cli_parse_when (cli, f->may_call, &interview->may_call_at, error))
    return FALSE;
  jt_cli_set_text (&interview->place, f->where);
  jt_cli_set_text (&interview->conversation, f->said);
  jt_cli_set_text (&interview->edge, f->edge);
  jt_cli_set_text (&interview->problems, f->problems);
  jt_cli_set_text (&interview->objections, f->objections);
  jt_cli_set_text (&interview->next_step, f->next_step);
  jt_cli_set_text (&interview->notes, f->notes);
  return TRUE;
}

/* The people of --with, parsed before anything is written; empty values are skipped so
 * that `--with ""` leaves nobody. A new array of JtContact* without ids. */
static GPtrArray *
parse_people (char **with, GError **error)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_contact_free);

  for (guint i = 0; with[i] != NULL; i++)
    {
      JtContact *person;

      if (*with[i] == '\0')
        continue;
      if ((person = jt_person_parse (with[i], error)) == NULL)
        return NULL;
      g_ptr_array_add (people, person);
    }
  return g_steal_pointer (&people);
}

/* Makes `people` the interviewers: each is the company's contact with the same email or
 * name, or a new contact of the company. */
static gboolean
replace_interviewers (JtStore *store, JtInterview *interview, const GPtrArray *people,
                      const char *company, gint64 now, GError **error)
{
  g_ptr_array_set_size (interview->interviewers, 0);
  for (guint i = 0; i < people->len; i++)
    {
      const JtContact *person = g_ptr_array_index (people, i);
      GError *local_error = NULL;
      g_autoptr (JtContact) contact
          = jt_store_contact_find (store, company, person->email, person->name, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (contact == NULL)
        {
          contact = jt_contact_copy (person);
          jt_cli_set_text (&contact->company, company);
          if (!jt_store_contact_insert (store, contact, now, error))
            return FALSE;
        }
      g_ptr_array_add (interview->interviewers, g_steal_pointer (&contact));
    }
  return TRUE;
}

/* "Raj Patel, Ana Li" */
static char *
people_text (const JtInterview *interview)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *person = g_ptr_array_index (interview->interviewers, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", person->name);
    }
  return g_string_free (text, FALSE);
}

static void
print_table (JtCli *cli, const GPtrArray *interviews, GHashTable *apps)
{
  g_autoptr (JtTable) table = jt_table_new (_ ("ID"), _ ("START"), _ ("LENGTH"), _ ("KIND"),
                                            _ ("COMPANY"), _ ("ROLE"), _ ("PEOPLE"), NULL);

  for (guint i = 0; i < interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (interviews, i);
      const JtApplication *app = g_hash_table_lookup (apps, &interview->application_id);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, interview->id);
      g_autofree char *start = jt_cli_format_time (cli, interview->start_at);
      g_autofree char *length = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) interview->duration_min),
          interview->duration_min);
      g_autofree char *people = people_text (interview);

      jt_table_add_row (table, id, start, length, jt_interview_kind_to_string (interview->kind),
                        app->company, app->role, people);
    }
  jt_cli_start_pager (cli);
  jt_table_print (table, cli);
}

static int
interview_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *app_option = NULL;
  const GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_STRING, &app_option, N_ ("Only this application's interviews"),
      "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GHashTable) apps = jt_cli_app_cache_new ();
  g_autoptr (GPtrArray) interviews = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 app_id = 0;

  if (!jt_cli_parse_options (cli, "interview list", "[--app ID] [--json]",
                             _ ("List interviews by start time."), entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "interview list [--app ID] [--json]", &error)
      || (app_option != NULL
          && !jt_cli_parse_id (app_option, _ ("an application"), &app_id, &error))
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (app_id != 0 && jt_cli_app_cache_get (apps, store, app_id, &error) == NULL)
      || (interviews = jt_store_interview_list (store, app_id, &error)) == NULL)
    return jt_cli_fail (error);
  /* Every application is read before anything is printed. */
  for (guint i = 0; i < interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (interviews, i);

      if (jt_cli_app_cache_get (apps, store, interview->application_id, &error) == NULL)
        return jt_cli_fail (error);
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < interviews->len; i++)
        {
          const JtInterview *interview = g_ptr_array_index (interviews, i);

          jt_json_add_interview (builder, interview,
                                 g_hash_table_lookup (apps, &interview->application_id), cli->tz);
        }
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (interviews->len == 0)
    printf (_ ("No interviews yet. Log one with 'jobtrack add' right after it happened.\n"));
  else
    print_table (cli, interviews, apps);
  return JT_EXIT_OK;
}

void
jt_cli_print_interview_details (JtCli *cli, const JtInterview *interview)
{
  g_autofree char *rating
      = interview->rating != 0 ? g_strdup_printf ("%d/5", interview->rating) : NULL;
  g_autofree char *may_call
      = interview->may_call_at != 0 ? jt_cli_format_time (cli, interview->may_call_at) : NULL;

  jt_cli_print_field (cli, _ ("Where"), interview->place);
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      g_autofree char *person
          = jt_cli_describe_person (g_ptr_array_index (interview->interviewers, i));

      jt_cli_print_field (cli, _ ("Met"), person);
    }
  jt_cli_print_field (cli, _ ("How it went"), rating);
  jt_cli_print_field (cli, _ ("Said"), interview->conversation);
  jt_cli_print_field (cli, _ ("Your edge"), interview->edge);
  jt_cli_print_field (cli, _ ("Their problems"), interview->problems);
  jt_cli_print_field (cli, _ ("Objections"), interview->objections);
  jt_cli_print_field (cli, _ ("Next step"), interview->next_step);
  jt_cli_print_field (cli, _ ("May call from"), may_call);
  jt_cli_print_field (cli, _ ("Summary"), interview->notes);
}

static void
print_interview (JtCli *cli, const JtInterview *interview, const JtApplication *app)
{
  g_autofree char *title = g_strdup_printf (
      _ ("Interview %" PRId64 ": %s%s%s (application %" PRId64 ")"), interview->id, app->company,
      *app->role != '\0' ? " — " : "", app->role, app->id);
  g_autofree char *start = jt_cli_format_time (cli, interview->start_at);
  g_autofree char *length = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) interview->duration_min),
      interview->duration_min);

  jt_cli_print_heading (cli, title);
  jt_cli_print_field (cli, _ ("Start"), start);
  jt_cli_print_field (cli, _ ("Length"), length);
  jt_cli_print_field (cli, _ ("Kind"), jt_interview_kind_to_string (interview->kind));
  jt_cli_print_interview_details (cli, interview);
}

static int
interview_show (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtInterview) interview = NULL;
  g_autoptr (JtApplication) app = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "interview show", "ID [--json]",
                             _ ("Show an interview: the people met and the assessment."), entries,
                             &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "interview show ID [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an interview"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (interview = jt_store_interview_get (store, id, &error)) == NULL
      || (app = jt_store_application_get (store, interview->application_id, &error)) == NULL)
    return jt_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      jt_json_add_interview (builder, interview, app, cli->tz);
      jt_cli_print_json (builder);
    }
  else
    print_interview (cli, interview, app);
  return JT_EXIT_OK;
}

static int
interview_edit (JtCli *cli, int argc, char **argv)
{
  g_auto (JtInterviewFields) f = { 0 };
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &f.at, N_ ("When it started"), "WHEN" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &f.duration, N_ ("How long it was"), "45m" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &f.kind, N_ ("phone, video, onsite, panel or final"),
      "KIND" },
    { "where", 0, 0, G_OPTION_ARG_STRING, &f.where, N_ ("Address or meeting link"), "PLACE" },
    { "with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &f.with,
      N_ ("A person met (repeatable; replaces everyone met, \"\" for nobody)"),
      "\"Name <email>, Title\"" },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &f.rating, N_ ("How it went, 1-5"), "N" },
    { "said", 0, 0, G_OPTION_ARG_STRING, &f.said, N_ ("What they said, what you said"), "TEXT" },
    { "edge", 0, 0, G_OPTION_ARG_STRING, &f.edge, N_ ("What you offer that other candidates don't"),
      "TEXT" },
    { "problems", 0, 0, G_OPTION_ARG_STRING, &f.problems,
      N_ ("Their problems and what you would propose"), "TEXT" },
    { "objections", 0, 0, G_OPTION_ARG_STRING, &f.objections, N_ ("Gaps or objections they raised"),
      "TEXT" },
    { "next-step", 0, 0, G_OPTION_ARG_STRING, &f.next_step, N_ ("The next step agreed"), "TEXT" },
    { "may-call", 0, 0, G_OPTION_ARG_STRING, &f.may_call, N_ ("When you may call them"), "WHEN" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &f.notes, N_ ("Summary of the meeting"), "TEXT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (JtInterview) interview = NULL;
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *start = NULL;
  GError *error = NULL;
  gint64 now = g_date_time_to_unix (cli->now);
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "interview edit", "ID [OPTION…]",
                             _ ("Change an interview or its assessment; an empty value clears a "
                                "field."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "interview edit ID [OPTION…]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an interview"), &id, &error)
      || (f.with != NULL && (people = parse_people (f.with, &error)) == NULL))
    return jt_cli_fail (error);
  store = jt_cli_store (cli, JT_STORE_WRITE, &error);
  if (store == NULL || (txn = jt_store_begin_write (store, &error)) == NULL
      || (interview = jt_store_interview_get (store, id, &error)) == NULL
      || !jt_interview_fields_apply (cli, &f, TRUE, interview, &error)
      || (app = jt_store_application_get (store, interview->application_id, &error)) == NULL
      || (people != NULL
          && !replace_interviewers (store, interview, people, app->company, now, &error))
      || !jt_store_interview_update (store, interview, now, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  start = jt_cli_format_time (cli, interview->start_at);
  printf (_ ("Updated interview %" PRId64 ": %s, %d min, %s\n"), interview->id, start,
          interview->duration_min, jt_interview_kind_to_string (interview->kind));
  for (guint i = 0; people != NULL && i < interview->interviewers->len; i++)
    {
      const JtContact *person = g_ptr_array_index (interview->interviewers, i);

      printf (_ ("  met %s (contact %" PRId64 ")\n"), person->name, person->id);
    }
  return JT_EXIT_OK;
}

static int
interview_rm (JtCli *cli, int argc, char **argv)
{
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("Do not ask"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtInterview) interview = NULL;
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *start = NULL;
  g_autofree char *question = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "interview rm", "ID [--yes]",
                             _ ("Remove an interview and its assessment. The people met stay."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "interview rm ID [--yes]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an interview"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (interview = jt_store_interview_get (store, id, &error)) == NULL
      || (app = jt_store_application_get (store, interview->application_id, &error)) == NULL)
    return jt_cli_fail (error);
  start = jt_cli_format_time (cli, interview->start_at);
  question = g_strdup_printf (_ ("Remove interview %" PRId64 " (%s, %s at %s)?"), id, start,
                              jt_interview_kind_to_string (interview->kind), app->company);
  if (!jt_cli_confirm (cli, yes, question, &error)
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || !jt_store_interview_delete (store, id, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  printf (_ ("Removed interview %" PRId64 "\n"), id);
  return JT_EXIT_OK;
}

static const JtCommand interview_commands[] = {
  { "list", interview_list, N_ ("List interviews by start time") },
  { "show", interview_show, N_ ("Show an interview with the people met and the assessment") },
  { "edit", interview_edit, N_ ("Change an interview, the people met or the assessment") },
  { "rm", interview_rm, N_ ("Remove an interview") },
  { NULL, NULL, NULL },
};

int
jt_cmd_interview (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "interview", interview_commands, argc, argv);
}
