/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-add.c: `jobtrack add`, logging an interview right after it happened.
 *
 * With flags it records at once; with none, on a terminal, it asks the assessment
 * questions of doc/design.md one by one, every answer optional but the company. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jobtrack-interview.h"
#include "jt-already-applied.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-error.h"
#include "jt-interview-log.h"
#include "jt-time.h"

/* The answers, as typed, from flags or from the questions: the interview's own fields
 * (those `interview edit` takes) and what `add` records around it. */
typedef struct
{
  char *company;
  char *role;
  char *decision_maker;
  char *influencer;
  char *decision;
  JtInterviewFields interview;
} Answers;

static void
answers_clear (Answers *a)
{
  g_clear_pointer (&a->company, g_free);
  g_clear_pointer (&a->role, g_free);
  g_clear_pointer (&a->decision_maker, g_free);
  g_clear_pointer (&a->influencer, g_free);
  g_clear_pointer (&a->decision, g_free);
  jt_interview_fields_clear (&a->interview);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answers, answers_clear)

/* Nothing given on the command line: the cue to ask the questions instead. */
static gboolean
answers_empty (const Answers *a)
{
  return a->company == NULL && a->role == NULL && a->decision_maker == NULL && a->influencer == NULL
         && a->decision == NULL && jt_interview_fields_is_empty (&a->interview);
}

/* Turns the answers into a log; every bad value is reported before anything is written. */
static JtInterviewLog *
build_log (JtCli *cli, const Answers *a, GError **error)
{
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  JtInterview *interview = log->interview;

  log->company = g_strdup (a->company);
  log->role = g_strdup (a->role != NULL ? a->role : "");
  interview->duration_min = 60;
  if (!jt_interview_fields_apply (cli, &a->interview, FALSE, interview, error))
    return NULL;
  /* Without --at, the interview is the one that just ended. */
  if (a->interview.at == NULL)
    interview->start_at = g_date_time_to_unix (cli->now) - interview->duration_min * 60;
  if (a->decision != NULL && !jt_cli_parse_day (cli, a->decision, &log->decision_date, error))
    return NULL;
  for (guint i = 0; a->interview.with != NULL && a->interview.with[i] != NULL; i++)
    {
      JtContact *person = jt_person_parse (a->interview.with[i], error);

      if (person == NULL)
        return NULL;
      g_ptr_array_add (log->people, person);
    }
  if ((a->decision_maker != NULL && jt_text_is_blank (a->decision_maker))
      || (a->influencer != NULL && jt_text_is_blank (a->influencer)))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("--decision-maker and --influencer need a name"));
      return NULL;
    }
  log->decision_maker = g_strdup (a->decision_maker);
  log->influencer = g_strdup (a->influencer);
  return g_steal_pointer (&log);
}

/* Asks until the answer is empty (NULL) or `check` accepts it. FALSE at end of input. */
typedef gboolean (*CheckFunc) (JtCli *cli, const char *answer, GError **error);

static gboolean
ask (JtCli *cli, const char *question, CheckFunc check, char **answer)
{
  for (;;)
    {
      g_autofree char *line = jt_cli_prompt (question);
      GError *error = NULL;

      if (line == NULL)
        return FALSE;
      g_strstrip (line);
      if (*line == '\0')
        return TRUE;
      if (!g_utf8_validate (line, -1, NULL))
        {
          printf (_ ("  That is not UTF-8 text; please type it again.\n"));
          continue;
        }
      if (check == NULL || check (cli, line, &error))
        {
          *answer = g_steal_pointer (&line);
          return TRUE;
        }
      printf ("  %s\n", error->message);
      g_error_free (error);
    }
}

static gboolean
check_when (JtCli *cli, const char *answer, GError **error)
{
  gint64 unused;

  return jt_cli_parse_when (cli, answer, &unused, error);
}

static gboolean
check_duration (JtCli *cli, const char *answer, GError **error)
{
  gint64 unused;

  return jt_duration_parse (answer, &unused, error);
}

static gboolean
check_kind (JtCli *cli, const char *answer, GError **error)
{
  JtInterviewKind unused;

  return jt_interview_kind_parse (answer, &unused, error);
}

static gboolean
check_rating (JtCli *cli, const char *answer, GError **error)
{
  int unused;

  return jt_cli_parse_score (answer, _ ("a rating"), &unused, error);
}

static gboolean
check_person (JtCli *cli, const char *answer, GError **error)
{
  g_autoptr (JtContact) person = jt_person_parse (answer, error);

  return person != NULL;
}

/* The assessment (doc/design.md), one question at a time. FALSE when input ended early. */
static gboolean
ask_assessment (JtCli *cli, Answers *a)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);

  printf (_ ("Logging an interview. Press Enter to skip a question; Ctrl-D to stop without "
             "saving.\n"));
  while (a->company == NULL)
    if (!ask (cli, _ ("Company: "), NULL, &a->company))
      return FALSE;
  if (!ask (cli, _ ("Role: "), NULL, &a->role)
      || !ask (cli, _ ("When did it start? [it just ended] "), check_when, &a->interview.at)
      || !ask (cli, _ ("How long was it? [1h] "), check_duration, &a->interview.duration)
      || !ask (cli, _ ("Kind (phone, video, onsite, panel, final)? [onsite] "), check_kind,
               &a->interview.kind)
      || !ask (cli, _ ("Where (address or link)? "), NULL, &a->interview.where)
      || !ask (cli, _ ("How did it go (1-5)? "), check_rating, &a->interview.rating)
      || !ask (cli, _ ("What did they say, what did you say? "), NULL, &a->interview.said))
    return FALSE;
  printf (_ ("Whom did you meet? One person a line as \"Name <email>, Title\"; an empty line "
             "ends.\n"));
  for (;;)
    {
      char *person = NULL;

      if (!ask (cli, _ ("  Met: "), check_person, &person))
        return FALSE;
      if (person == NULL)
        break;
      g_ptr_array_add (people, person);
    }
  g_ptr_array_add (people, NULL);
  a->interview.with = (char **) g_ptr_array_steal (people, NULL);
  return ask (cli, _ ("Who is the decision-maker? "), NULL, &a->decision_maker)
         && ask (cli, _ ("Who influences the decision most? "), NULL, &a->influencer)
         && ask (cli, _ ("When do they plan to decide? "), check_when, &a->decision)
         && ask (cli, _ ("What do you offer that other candidates don't? "), NULL,
                 &a->interview.edge)
         && ask (cli, _ ("What problems do they have, and what would you propose? "), NULL,
                 &a->interview.problems)
         && ask (cli, _ ("Which gaps or objections did they raise? "), NULL,
                 &a->interview.objections)
         && ask (cli, _ ("What next step was agreed? "), NULL, &a->interview.next_step)
         && ask (cli, _ ("May you call them? From when? "), check_when, &a->interview.may_call)
         && ask (cli, _ ("Summary of the meeting, while it is fresh: "), NULL, &a->interview.notes);
}

static void
print_result (JtCli *cli, const JtInterviewLog *log, const JtInterviewLogResult *result)
{
  const JtInterview *interview = log->interview;
  g_autofree char *start = jt_cli_format_time (cli, interview->start_at);

  printf (_ ("Logged interview %" PRId64 ": %s, %d min, %s\n"), result->interview_id, start,
          interview->duration_min, jt_interview_kind_to_string (interview->kind));
  printf (_ ("  application %" PRId64 " (%s): %s%s%s\n"), result->application->id,
          result->application_created ? _ ("new") : _ ("existing"), result->application->company,
          *result->application->role != '\0' ? ", " : "", result->application->role);
  for (guint i = 0; i < result->contacts->len; i++)
    {
      const JtContact *contact = g_ptr_array_index (result->contacts, i);

      printf (_ ("  contact %" PRId64 " (%s): %s%s%s\n"), contact->id,
              g_array_index (result->created, gboolean, i) ? _ ("new") : _ ("existing"),
              contact->name, contact->roles & JT_ROLE_DECISION_MAKER ? " [decision-maker]" : "",
              contact->roles & JT_ROLE_INFLUENCER ? " [influencer]" : "");
    }
  if (log->decision_date != NULL)
    printf (_ ("  decision date: %s\n"), log->decision_date);
}

/* Logging another interview of an application in progress is the normal case, not
 * applying twice: `add` reuses the open application of the same company and role. */
static gboolean
reuses_open_application (JtStore *store, const JtInterviewLog *log)
{
  g_autoptr (JtApplication) open
      = jt_store_application_find_open (store, log->company, log->role, NULL);

  return open != NULL;
}

/* The application (maybe one logged before) points at the résumé version, unless it
 * does already. */
static gboolean
attach_resume (JtCli *cli, JtStore *store, gint64 application_id, const char *name,
               JtDocument **attached, GError **error)
{
  g_autoptr (JtResumeVersion) version = jt_store_resume_version_find (store, name, error);
  gint64 existing = 0;

  if (version == NULL
      || !jt_store_document_with_resume_version (store, application_id, version->id, &existing,
                                                 error))
    return FALSE;
  return existing != 0
         || jt_cli_attach_resume_version (cli, store, application_id, name, NULL, attached, error);
}

int
jt_cmd_add (JtCli *cli, int argc, char **argv)
{
  g_auto (Answers) a = { 0 };
  g_autofree char *resume = NULL;
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING, &a.company, N_ ("Company (required)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &a.role, N_ ("Role applied for"), "TITLE" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &a.interview.at,
      N_ ("When it started (default: it just ended)"), "WHEN" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &a.interview.duration,
      N_ ("How long it was (default 1h)"), "45m" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &a.interview.kind,
      N_ ("phone, video, onsite, panel or final"), "KIND" },
    { "where", 0, 0, G_OPTION_ARG_STRING, &a.interview.where, N_ ("Address or meeting link"),
      "PLACE" },
    { "with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.interview.with, N_ ("A person met (repeatable)"),
      "\"Name <email>, Title\"" },
    { "decision-maker", 0, 0, G_OPTION_ARG_STRING, &a.decision_maker,
      N_ ("Who decides: one of the people met, or someone new"), "NAME" },
    { "influencer", 0, 0, G_OPTION_ARG_STRING, &a.influencer,
      N_ ("Who influences the decision most"), "NAME" },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &a.decision, N_ ("When they plan to decide"), "WHEN" },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &a.interview.rating, N_ ("How it went, 1-5"), "N" },
    { "said", 0, 0, G_OPTION_ARG_STRING, &a.interview.said, N_ ("What they said, what you said"),
      "TEXT" },
    { "edge", 0, 0, G_OPTION_ARG_STRING, &a.interview.edge,
      N_ ("What you offer that other candidates don't"), "TEXT" },
    { "problems", 0, 0, G_OPTION_ARG_STRING, &a.interview.problems,
      N_ ("Their problems and what you would propose"), "TEXT" },
    { "objections", 0, 0, G_OPTION_ARG_STRING, &a.interview.objections,
      N_ ("Gaps or objections they raised"), "TEXT" },
    { "next-step", 0, 0, G_OPTION_ARG_STRING, &a.interview.next_step, N_ ("The next step agreed"),
      "TEXT" },
    { "may-call", 0, 0, G_OPTION_ARG_STRING, &a.interview.may_call, N_ ("When you may call them"),
      "WHEN" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &a.interview.notes, N_ ("Summary of the meeting"),
      "TEXT" },
    { "resume", 0, 0, G_OPTION_ARG_STRING, &resume,
      N_ ("The résumé version sent (named with 'resume add')"), "NAME" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_ ("Do not say when the company already has an application"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtDocument) attached = NULL;
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autoptr (JtInterviewLog) log = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "add", "--company NAME [OPTION…]",
                             _ ("Log an interview right after it happened. Without options, on a "
                                "terminal, asks the assessment questions one by one."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "add --company NAME [OPTION…]", &error))
    return jt_cli_fail (error);
  if (answers_empty (&a) && cli->interactive && !ask_assessment (cli, &a))
    {
      g_printerr (_ ("\njobtrack: input ended; nothing saved\n"));
      return JT_EXIT_USAGE;
    }
  if (jt_text_is_blank (a.company))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("an interview needs a company (--company NAME)")));
  log = build_log (cli, &a, &error);
  if (log == NULL || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL)
    return jt_cli_fail (error);
  if (!quiet && !reuses_open_application (store, log))
    jt_cli_warn_already_applied (cli, log->company);
  /* The interview and the résumé it was won with land together, or neither. */
  if ((txn = jt_store_begin_write (store, &error)) == NULL
      || !jt_interview_log_record_in_transaction (store, log, g_date_time_to_unix (cli->now),
                                                  &result, &error)
      || (resume != NULL
          && !attach_resume (cli, store, result.application->id, resume, &attached, &error))
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  print_result (cli, log, &result);
  if (attached != NULL)
    printf (_ ("  résumé version %s: document %" PRId64 "\n"), attached->resume_version,
            attached->id);
  /* An interview still ahead: the time to prepare how to close it. */
  if (log->interview->start_at > g_date_time_to_unix (cli->now))
    {
      printf ("\n");
      if (!jt_cli_print_prep (cli, result.application->id, FALSE, &error))
        return jt_cli_fail (error);
    }
  return JT_EXIT_OK;
}
