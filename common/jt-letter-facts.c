/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-letter-facts.c: the records a letter is drawn from, and the words they become
 * (jt-letter-facts.h). */
#include "jt-letter-facts.h"

#include <stdio.h>
#include <string.h>

#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-reminders.h"
#include "jt-store-skills.h"

/* The documented field set (README, "Letter drafts"); keep the two in step. The gaps,
 * like the words below, are part of the letter and in the language of its template
 * (the built-in ones are English), so they are not translated with the interface; the
 * meanings are shown by `letter --fields` and are. */
static const JtTemplateField fields[] = {
  { "name", "[their name]", N_ ("the person's full name") },
  { "first_name", "[their first name]", N_ ("the first word of their name") },
  { "title", "[their title]", N_ ("their job title") },
  { "company", "[company]", N_ ("the company of the application (else the person's)") },
  { "role", "[role]", N_ ("the role applied for") },
  { "meeting", "[our meeting]", N_ ("the interview, in words (\"the phone interview\")") },
  { "met_on", "[the day we met]", N_ ("the day of that interview (\"Tuesday 1 December\")") },
  { "discussed", "[what we talked about]", N_ ("what they said and what you said") },
  { "problems", "[the problem they most need solved, and what you would do first]",
    N_ ("their problems and your proposal") },
  { "edge", "[what you bring that other candidates don't]", N_ ("what sets you apart") },
  { "objections", "[the concern they raised]", N_ ("the gaps or objections they raised") },
  { "skills", "[the skills of yours that fit their needs]",
    N_ ("the application's best skills (app edit --skills)") },
  { "next_step", "[the next step we agreed]", N_ ("the next step agreed at the interview") },
  { "decision_date", "[the day they plan to decide]", N_ ("the application's decision date") },
  { "call_date", "[the day you will call]",
    N_ ("the day of the follow-up call the reminders hold for this application") },
  { "offer_deadline", "[the day you must answer the other offer]",
    N_ ("the soonest respond-by day of another application's open offer") },
  { "news", "[your news]", N_ ("an acceptance to announce, from the application's status") },
  /* The sender, from [user] in config.ini (jt-config.h). */
  { "my_name", "[your name]", N_ ("your name ([user] name in config.ini)") },
  { "my_email", "[your email]", N_ ("your email address ([user] email)") },
  { "my_phone", "[your phone]", N_ ("your phone number ([user] phone)") },
  { "signature", "[your name]",
    N_ ("the closing under the sign-off: [user] signature, else your name, email and phone, "
        "one a line") },
  { NULL, NULL, NULL },
};

static const char *const weekday_names[]
    = { NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const char *const month_names[]
    = { NULL,   "January", "February",  "March",   "April",    "May",     "June",
        "July", "August",  "September", "October", "November", "December" };

const JtTemplateField *
jt_letter_facts_fields (void)
{
  return fields;
}

void
jt_letter_facts_clear (JtLetterFacts *facts)
{
  g_clear_pointer (&facts->reminder, jt_reminder_free);
  g_clear_pointer (&facts->app, jt_application_free);
  g_clear_pointer (&facts->contact, jt_contact_free);
  g_clear_pointer (&facts->interview, jt_interview_free);
  g_clear_pointer (&facts->skills, g_strfreev);
  g_clear_pointer (&facts->offer_deadline, g_free);
}

static gboolean
attended (const JtInterview *interview, gint64 contact_id)
{
  for (guint i = 0; i < interview->interviewers->len; i++)
    if (((JtContact *) g_ptr_array_index (interview->interviewers, i))->id == contact_id)
      return TRUE;
  return FALSE;
}

/* The latest interview by `now` that the person attended, else the latest by `now`. */
static gboolean
pick_interview (JtStore *store, JtLetterFacts *facts, gint64 now, GError **error)
{
  g_autoptr (GPtrArray) interviews = jt_store_interview_list (store, facts->app->id, error);
  JtInterview *latest = NULL, *theirs = NULL;

  if (interviews == NULL)
    return FALSE;
  for (guint i = 0; i < interviews->len; i++)
    {
      JtInterview *interview = g_ptr_array_index (interviews, i);

      if (now != 0 && interview->start_at > now)
        continue;
      latest = interview;
      if (facts->contact != NULL && attended (interview, facts->contact->id))
        theirs = interview;
    }
  if (theirs != NULL || latest != NULL)
    {
      guint index = 0;

      g_ptr_array_find (interviews, theirs != NULL ? theirs : latest, &index);
      facts->interview = g_ptr_array_steal_index (interviews, index);
    }
  return TRUE;
}

/* The follow-up call the rules scheduled (R3): its due time is the promised call. The
 * one addressed to this person when there is one, else any; 0 when none is open. */
static gboolean
find_call (JtStore *store, JtLetterFacts *facts, GError **error)
{
  return jt_store_reminder_call_due (store, facts->app->id,
                                     facts->contact != NULL ? facts->contact->id : 0,
                                     &facts->call_due, error);
}

/* The soonest deadline of another application's open offer (R4's reason). */
static gboolean
find_offer_deadline (JtStore *store, JtLetterFacts *facts, GError **error)
{
  g_autoptr (GPtrArray) offers = jt_store_offer_list_open (store, error);

  if (offers == NULL)
    return FALSE;
  for (guint i = 0; i < offers->len && facts->offer_deadline == NULL; i++)
    {
      const JtOffer *offer = g_ptr_array_index (offers, i);

      if (offer->application_id != facts->app->id && offer->deadline != NULL)
        facts->offer_deadline = g_strdup (offer->deadline);
    }
  return TRUE;
}
gboolean
jt_letter_facts_read_subjects (JtStore *store, const JtLetterRequest *request, JtLetterFacts *facts,
                               GError **error)
{
  gint64 application_id = request->application_id;
  gint64 contact_id = request->contact_id;
  gint64 interview_id = request->interview_id;

  facts->sender = request->config;
  if (request->reminder_id != 0)
    {
      if ((facts->reminder = jt_store_reminder_get (store, request->reminder_id, error)) == NULL)
        return FALSE;
      application_id = facts->reminder->application_id;
      if (contact_id == 0)
        contact_id = facts->reminder->contact_id;
      interview_id = facts->reminder->interview_id;
    }
  if (interview_id != 0)
    {
      if ((facts->interview = jt_store_interview_get (store, interview_id, error)) == NULL)
        return FALSE;
      application_id = facts->interview->application_id;
    }
  if (contact_id != 0 && (facts->contact = jt_store_contact_get (store, contact_id, error)) == NULL)
    return FALSE;
  if (application_id != 0
      && (facts->app = jt_store_application_get (store, application_id, error)) == NULL)
    return FALSE;
  return TRUE;
}

gboolean
jt_letter_facts_read_details (JtStore *store, const JtLetterRequest *request, GHashTable *used,
                              JtLetterFacts *facts, GError **error)
{
  static const char *const interview_fields[]
      = { "meeting", "met_on", "discussed", "problems", "edge", "objections", "next_step" };
  gboolean wants_interview = FALSE;

  if (facts->app == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (interview_fields); i++)
    wants_interview |= g_hash_table_contains (used, interview_fields[i]);
  if (facts->interview == NULL && wants_interview
      && !pick_interview (store, facts, request->now, error))
    return FALSE;
  if (g_hash_table_contains (used, "skills")
      && (facts->skills = jt_store_application_get_skills (store, facts->app->id, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (used, "call_date") && !find_call (store, facts, error))
    return FALSE;
  if (g_hash_table_contains (used, "offer_deadline") && !find_offer_deadline (store, facts, error))
    return FALSE;
  return TRUE;
}

/* "Tuesday 1 December", with the year when it is not the year of `now`. New string. */
static char *
format_day (GDateTime *day, gint64 now, GTimeZone *tz)
{
  g_autoptr (GDateTime) today = g_date_time_new_from_unix_local (now != 0 ? now : 0);
  g_autoptr (GDateTime) today_here = g_date_time_to_timezone (today, tz);
  int year = g_date_time_get_year (day);

  if (now != 0 && year == g_date_time_get_year (today_here))
    return g_strdup_printf ("%s %d %s", weekday_names[g_date_time_get_day_of_week (day)],
                            g_date_time_get_day_of_month (day),
                            month_names[g_date_time_get_month (day)]);
  return g_strdup_printf ("%s %d %s %d", weekday_names[g_date_time_get_day_of_week (day)],
                          g_date_time_get_day_of_month (day),
                          month_names[g_date_time_get_month (day)], year);
}

static char *
format_instant (gint64 instant, gint64 now, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);

  return format_day (local, now, tz);
}

/* A stored "YYYY-MM-DD" day in words; NULL when there is none. */
static char *
format_stored_day (const char *text, gint64 now, GTimeZone *tz)
{
  int year, month, dom;
  g_autoptr (GDateTime) day = NULL;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &dom) != 3
      || (day = g_date_time_new (tz, year, month, dom, 12, 0, 0)) == NULL)
    return NULL;
  return format_day (day, now, tz);
}

/* Record text as it reads inside a sentence: one line, no trailing full stop. NULL for
 * blank text. New string. */
static char *
inline_text (const char *text)
{
  g_auto (GStrv) words = NULL;
  g_autofree char *joined = NULL;
  gsize length;

  if (jt_text_is_blank (text))
    return NULL;
  words = g_regex_split_simple ("\\s*\\n\\s*", text, 0, 0);
  joined = g_strstrip (g_strjoinv (" ", words));
  length = strlen (joined);
  while (length > 0 && joined[length - 1] == '.'
         && !(length >= 3 && strncmp (joined + length - 3, "...", 3) == 0))
    joined[--length] = '\0';
  return length > 0 ? g_steal_pointer (&joined) : NULL;
}

/* "a, b and c". NULL for none. */
static char *
join_skills (GStrv skills)
{
  guint n = skills != NULL ? g_strv_length (skills) : 0;
  GString *text;

  if (n == 0)
    return NULL;
  text = g_string_new (skills[0]);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (text, "%s%s", i + 1 == n ? " and " : ", ", skills[i]);
  return g_string_free (text, FALSE);
}

static const char *
meeting_words (JtInterviewKind kind)
{
  switch (kind)
    {
    case JT_INTERVIEW_PHONE:
      return "the phone interview";
    case JT_INTERVIEW_VIDEO:
      return "the video interview";
    case JT_INTERVIEW_PANEL:
      return "the panel interview";
    case JT_INTERVIEW_FINAL:
      return "the final interview";
    case JT_INTERVIEW_ONSITE:
    default:
      return "the interview";
    }
}

static void
put (GHashTable *values, const char *name, char *value)
{
  if (value != NULL)
    g_hash_table_insert (values, (gpointer) name, value);
}

/* The sender's fields. The config has cleaned them already (one line each, the
 * signature without control characters). */
static void
put_sender (GHashTable *values, const JtConfig *config)
{
  const char *name = config->user_name;
  const char *email = config->user_email;
  const char *phone = config->user_phone;

  if (*name != '\0')
    put (values, "my_name", g_strdup (name));
  if (*email != '\0')
    put (values, "my_email", g_strdup (email));
  if (*phone != '\0')
    put (values, "my_phone", g_strdup (phone));
  if (*config->user_signature != '\0')
    put (values, "signature", g_strdup (config->user_signature));
  else if (*name != '\0' || *email != '\0' || *phone != '\0')
    {
      /* the name (or its gap, so the person sees what to fill in), then how to reach them */
      GString *closing = g_string_new (*name != '\0' ? name : "[your name]");

      if (*email != '\0')
        g_string_append_printf (closing, "\n%s", email);
      if (*phone != '\0')
        g_string_append_printf (closing, "\n%s", phone);
      put (values, "signature", g_string_free (closing, FALSE));
    }
}

gboolean
jt_letter_facts_name_missing (const JtLetterFacts *facts, GHashTable *used)
{
  const JtConfig *config = facts->sender;
  gboolean named = config != NULL && *config->user_name != '\0';
  gboolean has_closing = named || (config != NULL && *config->user_signature != '\0');

  return (g_hash_table_contains (used, "my_name") && !named)
         || (g_hash_table_contains (used, "signature") && !has_closing);
}

GHashTable *
jt_letter_facts_values (const JtLetterFacts *facts, gint64 now, GTimeZone *tz)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const JtContact *contact = facts->contact;
  const JtApplication *app = facts->app;
  const JtInterview *interview = facts->interview;

  if (contact != NULL)
    {
      g_autofree char *name = inline_text (contact->name);

      if (name != NULL)
        {
          put (values, "first_name", g_strndup (name, strcspn (name, " ")));
          put (values, "name", g_steal_pointer (&name));
        }
      put (values, "title", inline_text (contact->title));
    }
  if (app != NULL)
    {
      put (values, "company", inline_text (app->company));
      put (values, "role", inline_text (app->role));
      put (values, "skills", join_skills (facts->skills));
      put (values, "decision_date", format_stored_day (app->decision_date, now, tz));
      if (app->status == JT_STATUS_ACCEPTED)
        put (values, "news",
             *app->role != '\0'
                 ? g_strdup_printf ("I have accepted an offer to work as %s at %s", app->role,
                                    app->company)
                 : g_strdup_printf ("I have accepted an offer from %s", app->company));
    }
  else if (contact != NULL)
    put (values, "company", inline_text (contact->company));
  if (interview != NULL)
    {
      put (values, "meeting", g_strdup (meeting_words (interview->kind)));
      put (values, "met_on", format_instant (interview->start_at, now, tz));
      put (values, "discussed", inline_text (interview->conversation));
      put (values, "problems", inline_text (interview->problems));
      put (values, "edge", inline_text (interview->edge));
      put (values, "objections", inline_text (interview->objections));
      put (values, "next_step", inline_text (interview->next_step));
    }
  if (facts->call_due != 0)
    put (values, "call_date", format_instant (facts->call_due, now, tz));
  put (values, "offer_deadline", format_stored_day (facts->offer_deadline, now, tz));
  if (facts->sender != NULL)
    put_sender (values, facts->sender);
  return values;
}
