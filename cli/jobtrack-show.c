/* jobtrack-show.c: `jobtrack show APP`, an application's whole story. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-reminders.h"
#include "jt-store-touches.h"

/* Everything `show` tells, read once. */
typedef struct
{
  JtApplication *app;
  GArray *history;      /* JtStatusChange */
  GPtrArray *interviews;
  GPtrArray *offers;
  GPtrArray *outcomes;
  GPtrArray *touches;
  GPtrArray *contacts;
  GPtrArray *reminders;
} Story;

static void
story_clear (Story *story)
{
  g_clear_pointer (&story->app, jt_application_free);
  g_clear_pointer (&story->history, g_array_unref);
  g_clear_pointer (&story->interviews, g_ptr_array_unref);
  g_clear_pointer (&story->offers, g_ptr_array_unref);
  g_clear_pointer (&story->outcomes, g_ptr_array_unref);
  g_clear_pointer (&story->touches, g_ptr_array_unref);
  g_clear_pointer (&story->contacts, g_ptr_array_unref);
  g_clear_pointer (&story->reminders, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Story, story_clear)

static gboolean
story_read (JtStore *store, gint64 id, Story *story, GError **error)
{
  return (story->app = jt_store_application_get (store, id, error)) != NULL
         && (story->history = jt_store_application_status_history (store, id, error)) != NULL
         && (story->interviews = jt_store_interview_list (store, id, error)) != NULL
         && (story->offers = jt_store_offer_list (store, id, error)) != NULL
         && (story->outcomes = jt_store_outcome_list (store, id, error)) != NULL
         && (story->touches = jt_store_touch_list (store, id, 0, error)) != NULL
         && (story->contacts = jt_store_application_contacts (store, id, error)) != NULL
         && (story->reminders = jt_store_reminder_list_for_application (store, id, error))
                != NULL;
}

static void
print_json (JtCli *cli, const Story *story)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  jt_json_add_application_members (builder, story->app, cli->tz);
  json_builder_set_member_name (builder, "quiet");
  json_builder_add_boolean_value (builder, jt_rules_application_is_quiet (cli->rules, story->app));
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
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

static void
print_interview (JtCli *cli, const JtInterview *interview)
{
  g_autofree char *start = jt_cli_format_time (cli, interview->start_at);
  g_autofree char *rating = interview->rating != 0 ? g_strdup_printf ("%d/5", interview->rating)
                                                   : NULL;
  g_autofree char *may_call = interview->may_call_at != 0
                                  ? jt_cli_format_time (cli, interview->may_call_at)
                                  : NULL;

  printf ("\nInterview %" G_GINT64_FORMAT ": %s, %d min, %s\n", interview->id, start,
          interview->duration_min, jt_interview_kind_to_string (interview->kind));
  jt_cli_print_field (cli, "Where", interview->place);
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      g_autofree char *person = jt_cli_describe_person (g_ptr_array_index (interview->interviewers, i));

      jt_cli_print_field (cli, "Met", person);
    }
  jt_cli_print_field (cli, "How it went", rating);
  jt_cli_print_field (cli, "Said", interview->conversation);
  jt_cli_print_field (cli, "Your edge", interview->edge);
  jt_cli_print_field (cli, "Their problems", interview->problems);
  jt_cli_print_field (cli, "Objections", interview->objections);
  jt_cli_print_field (cli, "Next step", interview->next_step);
  jt_cli_print_field (cli, "May call from", may_call);
  jt_cli_print_field (cli, "Summary", interview->notes);
}

static void
print_text (JtCli *cli, const Story *story)
{
  const JtApplication *app = story->app;
  g_autofree char *title = g_strdup_printf ("%s%s%s (application %" G_GINT64_FORMAT ", %s)",
                                            app->company, *app->role != '\0' ? " — " : "",
                                            app->role, app->id, jt_status_to_string (app->status));
  g_autofree char *interest = app->interest != 0 ? g_strdup_printf ("%d/5", app->interest) : NULL;

  jt_cli_print_heading (cli, title);
  jt_cli_print_field (cli, "Decision date", app->decision_date);
  jt_cli_print_field (cli, "Source", app->source);
  jt_cli_print_field (cli, "Link", app->url);
  jt_cli_print_field (cli, "Interest", interest);
  jt_cli_print_field (cli, "Notes", app->notes);

  printf ("\nStatus history\n");
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

      printf ("\nOffer %" G_GINT64_FORMAT ": received %s, %s\n", offer->id, offer->received_on,
              jt_offer_state_to_string (offer->state));
      jt_cli_print_field (cli, "Respond by", offer->deadline);
      jt_cli_print_field (cli, "Salary", offer->salary);
      jt_cli_print_field (cli, "Title", offer->title);
      jt_cli_print_field (cli, "Start", offer->start_on);
      jt_cli_print_field (cli, "Notes", offer->notes);
    }
  if (story->touches->len > 0)
    printf ("\nTouches\n");
  for (guint i = 0; i < story->touches->len; i++)
    {
      const JtTouch *touch = g_ptr_array_index (story->touches, i);
      g_autofree char *when = jt_cli_format_time (cli, touch->at);
      g_autofree char *name = jt_cli_text (touch->contact_name, TRUE);
      g_autofree char *about = jt_cli_text (touch->about, TRUE);

      printf ("  %s  %s%s%s%s%s\n", when, jt_touch_kind_to_string (touch->kind),
              touch->contact_name != NULL ? " with " : "", name,
              touch->about != NULL ? ": " : "", about);
    }
  if (story->contacts->len > 0)
    printf ("\nPeople\n");
  for (guint i = 0; i < story->contacts->len; i++)
    {
      const JtContact *contact = g_ptr_array_index (story->contacts, i);
      g_autofree char *person = jt_cli_describe_person (contact);
      g_autofree char *shown = jt_cli_text (person, TRUE);

      printf ("  %" G_GINT64_FORMAT "  %s\n", contact->id, shown);
    }
  if (story->reminders->len > 0)
    printf ("\nFollow-ups\n");
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
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_auto (Story) story = { 0 };
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "show", "APP [--json]",
                             "Tell an application's whole story: status history, interviews "
                             "with the people met and the assessment, decision date, offers, "
                             "touches.",
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "show APP [--json]", &error)
      || !jt_cli_parse_id (argv[1], "an application", &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL || !story_read (store, id, &story, &error))
    return jt_cli_fail (error);
  if (json)
    print_json (cli, &story);
  else
    {
      jt_cli_start_pager (cli);
      print_text (cli, &story);
    }
  return JT_EXIT_OK;
}
