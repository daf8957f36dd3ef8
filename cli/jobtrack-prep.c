/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-prep.c: `jobtrack prep APP`, the checklist for closing an interview (doc/design.md,
 * "Around the follow-ups"), filled with what the records know. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-store-skills.h"
#include "jt-time.h"

/* What the checklist is filled with. */
typedef struct
{
  JtApplication *app;
  GStrv skills;
  GPtrArray *interviews;   /* JtInterview*, by start */
  GPtrArray *contacts;     /* JtContact*, the application's */
  const JtInterview *next; /* the next interview from now, or NULL */
  const JtInterview *last; /* the latest one before now, or NULL */
} Prep;

static void
prep_clear (Prep *prep)
{
  g_clear_pointer (&prep->app, jt_application_free);
  g_clear_pointer (&prep->skills, g_strfreev);
  g_clear_pointer (&prep->interviews, g_ptr_array_unref);
  g_clear_pointer (&prep->contacts, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Prep, prep_clear)

static gboolean
prep_read (JtCli *cli, gint64 id, Prep *prep, GError **error)
{
  gint64 now = g_date_time_to_unix (cli->now);
  JtStore *store = jt_cli_store (cli, JT_STORE_READ_ONLY, error);

  if (store == NULL || (prep->app = jt_store_application_get (store, id, error)) == NULL
      || (prep->skills = jt_store_application_get_skills (store, id, error)) == NULL
      || (prep->interviews = jt_store_interview_list (store, id, error)) == NULL
      || (prep->contacts = jt_store_application_contacts (store, id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < prep->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (prep->interviews, i);

      /* One still going on counts as the next: its close is still ahead. */
      if (interview->start_at + (gint64) interview->duration_min * 60 > now)
        {
          if (prep->next == NULL)
            prep->next = interview;
        }
      else
        prep->last = interview;
    }
  return TRUE;
}

/* Whom to expect: the next interview's people, else everyone in the process. */
static GPtrArray *
people (const Prep *prep)
{
  return prep->next != NULL && prep->next->interviewers->len > 0 ? prep->next->interviewers
                                                                 : prep->contacts;
}

static gboolean
is_final (const Prep *prep)
{
  return prep->next != NULL && prep->next->kind == JT_INTERVIEW_FINAL;
}

/* The steps of the close, in order; the facts go with them in the text and JSON. The
 * text shows them translated; JSON, for scripts, as they are here. */
static const char *const steps[] = {
  N_ ("Restate your best five skills, and how each meets a need they told you about."),
  N_ ("Ask whether they see any gaps in your background, or have concerns about you."),
  N_ ("Ask what the next step is, and when they plan to decide."),
  N_ ("Ask whether you may call them, and from when."),
  N_ ("Ask when they want someone in the seat, and what the first task would be."),
  NULL, /* asking for the job or the next round: depends on the round */
};

/* The last step, by the round; untranslated, as `steps`. */
static const char *
closing_step (const Prep *prep)
{
  return is_final (prep) ? N_ ("It is the final round: ask for the job.")
                         : N_ ("Where it fits, ask for the next round.");
}

static char *
roles_text (const JtContact *person)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (person->roles & (1u << i))
      g_string_append_printf (text, " [%s]", jt_contact_role_to_string (1u << i));
  return g_string_free (text, FALSE);
}

static void
print_text (JtCli *cli, const Prep *prep)
{
  const JtApplication *app = prep->app;
  GPtrArray *met = people (prep);
  gboolean any_objection = FALSE;

  printf (_ ("Closing the interview — %s%s%s\n"), app->company, *app->role != '\0' ? ", " : "",
          app->role);
  if (prep->next != NULL)
    {
      g_autofree char *start = jt_cli_format_time (cli, prep->next->start_at);

      printf (_ ("Next interview: %s, %s%s%s\n"), start,
              jt_interview_kind_to_string (prep->next->kind), prep->next->place != NULL ? ", " : "",
              prep->next->place != NULL ? prep->next->place : "");
    }
  else
    printf (_ ("Next interview: none recorded\n"));

  printf ("\n%s\n", prep->next != NULL && prep->next->interviewers->len > 0
                        ? _ ("People you will meet:")
                        : _ ("People in the process:"));
  if (met->len == 0)
    printf (_ ("  [not known yet]\n"));
  for (guint i = 0; i < met->len; i++)
    {
      const JtContact *person = g_ptr_array_index (met, i);
      g_autofree char *roles = roles_text (person);

      printf ("  %s%s%s%s\n", person->name, person->title != NULL ? ", " : "",
              person->title != NULL ? person->title : "", roles);
    }

  printf ("\n1. %s\n", _ (steps[0]));
  for (guint i = 0; prep->skills[i] != NULL; i++)
    printf ("   - %s\n", prep->skills[i]);
  if (prep->skills[0] == NULL)
    printf (_ ("   [none kept yet: jobtrack app edit %" PRId64 " --skills \"a, b, c, d, e\"]\n"),
            app->id);

  printf ("2. %s\n", _ (steps[1]));
  for (guint i = 0; i < prep->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (prep->interviews, i);
      g_autofree char *start = NULL;

      if (interview == prep->next || jt_text_is_blank (interview->objections)
          || interview->start_at > g_date_time_to_unix (cli->now))
        continue;
      if (!any_objection)
        printf (_ ("   Raised in earlier rounds:\n"));
      any_objection = TRUE;
      start = jt_cli_format_time (cli, interview->start_at);
      printf ("   - %s (%s): %s\n", start, jt_interview_kind_to_string (interview->kind),
              interview->objections);
    }

  printf ("3. %s\n", _ (steps[2]));
  if (prep->last != NULL && !jt_text_is_blank (prep->last->next_step))
    printf (_ ("   Agreed last time: %s\n"), prep->last->next_step);
  printf (_ ("   Decision date: %s\n"),
          app->decision_date != NULL ? app->decision_date : _ ("[not given yet]"));

  printf ("4. %s\n", _ (steps[3]));
  if (prep->last != NULL && prep->last->may_call_at != 0)
    {
      g_autofree char *from = jt_cli_format_time (cli, prep->last->may_call_at);

      printf (_ ("   Last time they said you may call from %s.\n"), from);
    }
  printf ("5. %s\n", _ (steps[4]));
  printf ("6. %s\n", _ (closing_step (prep)));
}

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (JtCli *cli, const Prep *prep)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *met = people (prep);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application");
  jt_json_add_application (builder, prep->app, cli->tz);
  json_builder_set_member_name (builder, "next_interview");
  if (prep->next != NULL)
    jt_json_add_interview (builder, prep->next, prep->app, cli->tz);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < met->len; i++)
    jt_json_add_contact (builder, g_ptr_array_index (met, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; prep->skills[i] != NULL; i++)
    json_builder_add_string_value (builder, prep->skills[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "earlier_objections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < prep->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (prep->interviews, i);
      g_autofree char *start = jt_time_format_iso (interview->start_at, cli->tz);

      if (interview == prep->next || jt_text_is_blank (interview->objections)
          || interview->start_at > g_date_time_to_unix (cli->now))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "interview_id");
      json_builder_add_int_value (builder, interview->id);
      add_string_or_null (builder, "start", start);
      add_string_or_null (builder, "kind", jt_interview_kind_to_string (interview->kind));
      add_string_or_null (builder, "objections", interview->objections);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string_or_null (builder, "next_step", prep->last != NULL ? prep->last->next_step : NULL);
  add_string_or_null (builder, "decision_date", prep->app->decision_date);
  {
    g_autofree char *may_call = prep->last != NULL && prep->last->may_call_at != 0
                                    ? jt_time_format_iso (prep->last->may_call_at, cli->tz)
                                    : NULL;

    add_string_or_null (builder, "may_call_from", may_call);
  }
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; steps[i] != NULL; i++)
    json_builder_add_string_value (builder, steps[i]);
  json_builder_add_string_value (builder, closing_step (prep));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

gboolean
jt_cli_print_prep (JtCli *cli, gint64 application_id, gboolean json, GError **error)
{
  g_auto (Prep) prep = { 0 };

  if (!prep_read (cli, application_id, &prep, error))
    return FALSE;
  if (json)
    print_json (cli, &prep);
  else
    print_text (cli, &prep);
  return TRUE;
}

int
jt_cmd_prep (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  GError *error = NULL;
  gint64 id;

  if (!jt_cli_parse_options (cli, "prep", "APP [--json]",
                             _ ("The checklist for closing an interview: your best five skills, "
                                "the questions to ask, and what the records know (people, earlier "
                                "objections, next step, decision date)."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "prep APP [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || !jt_cli_print_prep (cli, id, json, &error))
    return jt_cli_fail (error);
  return JT_EXIT_OK;
}
