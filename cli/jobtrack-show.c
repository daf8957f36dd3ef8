/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-show.c: `jobtrack show APP`, an application's whole story. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jobtrack-interview.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-postings.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"
#include "jt-store-skills.h"
#include "jt-store-touches.h"

/* Everything `show` tells, read once. */
typedef struct
{
  JtApplication *app;
  GStrv skills;    /* the best ones to restate, best first (app edit --skills) */
  GArray *history; /* JtStatusChange */
  GPtrArray *interviews;
  GPtrArray *offers;
  GPtrArray *outcomes;
  GPtrArray *touches;
  GPtrArray *contacts;
  GPtrArray *reminders;
  GPtrArray *documents;    /* JtDocument: what was sent, oldest first */
  JtSavedPosting *posting; /* the posting it was captured from, or NULL */
} Story;

static void
story_clear (Story *story)
{
  g_clear_pointer (&story->app, jt_application_free);
  g_clear_pointer (&story->skills, g_strfreev);
  g_clear_pointer (&story->history, g_array_unref);
  g_clear_pointer (&story->interviews, g_ptr_array_unref);
  g_clear_pointer (&story->offers, g_ptr_array_unref);
  g_clear_pointer (&story->outcomes, g_ptr_array_unref);
  g_clear_pointer (&story->touches, g_ptr_array_unref);
  g_clear_pointer (&story->contacts, g_ptr_array_unref);
  g_clear_pointer (&story->reminders, g_ptr_array_unref);
  g_clear_pointer (&story->documents, g_ptr_array_unref);
  g_clear_pointer (&story->posting, jt_saved_posting_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Story, story_clear)

static gboolean
story_read (JtStore *store, gint64 id, Story *story, GError **error)
{
  return (story->app = jt_store_application_get (store, id, error)) != NULL
         && (story->skills = jt_store_application_get_skills (store, id, error)) != NULL
         && (story->history = jt_store_application_status_history (store, id, error)) != NULL
         && (story->interviews = jt_store_interview_list (store, id, error)) != NULL
         && (story->offers = jt_store_offer_list (store, id, error)) != NULL
         && (story->outcomes = jt_store_outcome_list (store, id, error)) != NULL
         && (story->touches = jt_store_touch_list (store, id, 0, error)) != NULL
         && (story->contacts = jt_store_application_contacts (store, id, error)) != NULL
         && (story->reminders = jt_store_reminder_list_for_application (store, id, error)) != NULL
         && (story->documents = jt_store_document_list (store, id, error)) != NULL
         && jt_store_posting_lookup (store, id, &story->posting, error);
}

static void
print_json (JtCli *cli, const Story *story)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *dir = jt_cli_files_dir (cli);

  json_builder_begin_object (builder);
  jt_json_add_application_members (builder, story->app, cli->tz);
  json_builder_set_member_name (builder, "quiet");
  json_builder_add_boolean_value (builder, jt_rules_application_is_quiet (cli->rules, story->app));
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; story->skills[i] != NULL; i++)
    json_builder_add_string_value (builder, story->skills[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "status_history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->history->len; i++)
    jt_json_add_status_change (builder, &g_array_index (story->history, JtStatusChange, i),
                               cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "interviews");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->interviews->len; i++)
    jt_json_add_interview (builder, g_ptr_array_index (story->interviews, i), story->app, cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "offers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->offers->len; i++)
    jt_json_add_offer (builder, g_ptr_array_index (story->offers, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->outcomes->len; i++)
    jt_json_add_outcome (builder, g_ptr_array_index (story->outcomes, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "touches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->touches->len; i++)
    jt_json_add_touch (builder, g_ptr_array_index (story->touches, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->contacts->len; i++)
    jt_json_add_contact (builder, g_ptr_array_index (story->contacts, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->reminders->len; i++)
    jt_json_add_reminder (builder, g_ptr_array_index (story->reminders, i), cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->documents->len; i++)
    jt_json_add_document (builder, g_ptr_array_index (story->documents, i), dir, cli->tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "posting");
  if (story->posting != NULL)
    jt_json_add_saved_posting (builder, story->posting, cli->tz);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

static void
print_interview (JtCli *cli, const JtInterview *interview)
{
  g_autofree char *start = jt_cli_format_time (cli, interview->start_at);

  printf (_ ("\nInterview %" PRId64 ": %s, %d min, %s\n"), interview->id, start,
          interview->duration_min, jt_interview_kind_to_string (interview->kind));
  jt_cli_print_interview_details (cli, interview);
}

/* What the posting said, as `capture` reported it; its text is `jobtrack posting APP`. */
static void
print_posting (JtCli *cli, const JtSavedPosting *posting)
{
  g_autofree char *title = jt_cli_text (posting->title, TRUE);
  g_autofree char *captured = jt_cli_format_time (cli, posting->captured_at);

  printf (_ ("\nPosting: %s\n"), title);
  jt_cli_print_posting_facts (cli, posting);
  jt_cli_print_field (cli, _ ("Captured"), captured);
}

static void
print_text (JtCli *cli, const Story *story)
{
  const JtApplication *app = story->app;
  g_autofree char *title = g_strdup_printf (_ ("%s%s%s (application %" PRId64 ", %s)"),
                                            app->company, *app->role != '\0' ? " — " : "",
                                            app->role, app->id, jt_status_to_string (app->status));
  g_autofree char *interest = app->interest != 0 ? g_strdup_printf ("%d/5", app->interest) : NULL;
  g_autofree char *skills = g_strjoinv (", ", story->skills);

  jt_cli_print_heading (cli, title);
  jt_cli_print_field (cli, _ ("Decision date"), app->decision_date);
  jt_cli_print_field (cli, _ ("Source"), app->source);
  jt_cli_print_field (cli, _ ("Link"), app->url);
  jt_cli_print_field (cli, _ ("Interest"), interest);
  jt_cli_print_field (cli, _ ("Skills"), skills);
  jt_cli_print_field (cli, _ ("Notes"), app->notes);

  printf (_ ("\nStatus history\n"));
  for (guint i = 0; i < story->history->len; i++)
    {
      const JtStatusChange *change = &g_array_index (story->history, JtStatusChange, i);
      g_autofree char *when = jt_cli_format_time (cli, change->changed_at);

      printf ("  %s  %s\n", when, jt_status_to_string (change->status));
    }
  for (guint i = 0; i < story->interviews->len; i++)
    print_interview (cli, g_ptr_array_index (story->interviews, i));
  for (guint i = 0; i < story->offers->len; i++)
    {
      const JtOffer *offer = g_ptr_array_index (story->offers, i);

      printf (_ ("\nOffer %" PRId64 ": received %s, %s\n"), offer->id, offer->received_on,
              jt_offer_state_to_string (offer->state));
      jt_cli_print_field (cli, _ ("Respond by"), offer->deadline);
      jt_cli_print_field (cli, _ ("Salary"), offer->salary);
      jt_cli_print_field (cli, _ ("Title"), offer->title);
      jt_cli_print_field (cli, _ ("Start"), offer->start_on);
      jt_cli_print_field (cli, _ ("Notes"), offer->notes);
    }
  if (story->touches->len > 0)
    printf (_ ("\nTouches\n"));
  for (guint i = 0; i < story->touches->len; i++)
    {
      const JtTouch *touch = g_ptr_array_index (story->touches, i);
      g_autofree char *when = jt_cli_format_time (cli, touch->at);
      g_autofree char *name = jt_cli_text (touch->contact_name, TRUE);
      g_autofree char *about = jt_cli_text (touch->about, TRUE);

      printf ("  %s  %s%s%s%s%s\n", when, jt_touch_kind_to_string (touch->kind),
              /* TRANSLATORS: "letter with Raj Patel: thank-you letter" */
              touch->contact_name != NULL ? _ (" with ") : "", name,
              touch->about != NULL ? ": " : "", about);
    }
  if (story->contacts->len > 0)
    printf (_ ("\nPeople\n"));
  for (guint i = 0; i < story->contacts->len; i++)
    {
      const JtContact *contact = g_ptr_array_index (story->contacts, i);
      g_autofree char *person = jt_cli_describe_person (contact);
      g_autofree char *shown = jt_cli_text (person, TRUE);

      printf ("  %" G_GINT64_FORMAT "  %s\n", contact->id, shown);
    }
  if (story->posting != NULL)
    print_posting (cli, story->posting);
  if (story->documents->len > 0)
    {
      printf (_ ("\nDocuments\n"));
      jt_cli_print_documents (cli, story->documents);
    }
  if (story->reminders->len > 0)
    printf (_ ("\nFollow-ups\n"));
  for (guint i = 0; i < story->reminders->len; i++)
    {
      const JtReminder *reminder = g_ptr_array_index (story->reminders, i);
      g_autofree char *when = jt_cli_format_time (cli, reminder->fire_at);
      g_autofree char *shown = jt_cli_text (reminder->title, TRUE);

      printf ("  %" G_GINT64_FORMAT "  %s  %-9s  %s\n", reminder->id, when,
              jt_reminder_state_to_string (reminder->state), shown);
    }
}

int
jt_cmd_show (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_auto (Story) story = { 0 };
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (
          cli, "show", "APP [--json]",
          _ ("Tell an application's whole story: status history, interviews "
             "with the people met and the assessment, decision date, the "
             "skills to restate, offers, touches, the posting, the documents sent."),
          entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "show APP [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || !story_read (store, id, &story, &error))
    return jt_cli_fail (error);
  jt_reminder_text_render_all (story.reminders, jt_cli_config (cli, NULL));
  if (json)
    print_json (cli, &story);
  else
    {
      jt_cli_start_pager (cli);
      print_text (cli, &story);
    }
  return JT_EXIT_OK;
}
