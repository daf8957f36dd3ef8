/* jt-letter.c: letter drafts: the facts read from the records, the templates, the
 * filling-in, and the draft as text or as a mailto: URI. */
#include "jt-letter.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "jt-error.h"
#include "jt-letter-resources.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-reminders.h"
#include "jt-store-skills.h"

#define LETTER_RESOURCE_DIR "/org/jobtrack/letters/"

static const char *const kind_names[] = {
  [JT_LETTER_THANKS] = "thanks",
  [JT_LETTER_FOLLOW_UP] = "follow-up",
  [JT_LETTER_BRING_FORWARD] = "bring-forward",
  [JT_LETTER_AFTER_REJECTION] = "after-rejection",
  [JT_LETTER_RECONTACT] = "recontact",
  [JT_LETTER_REFERENCES] = "references",
  [JT_LETTER_NETWORK_UPDATE] = "network-update",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == JT_LETTER_KIND_COUNT);

/* The documented field set (README, "Letter drafts"); keep the two in step. */
static const JtLetterField fields[] = {
  { "name", "[their name]", "the person's full name" },
  { "first_name", "[their first name]", "the first word of their name" },
  { "title", "[their title]", "their job title" },
  { "company", "[company]", "the company of the application (else the person's)" },
  { "role", "[role]", "the role applied for" },
  { "meeting", "[our meeting]", "the interview, in words (\"the phone interview\")" },
  { "met_on", "[the day we met]", "the day of that interview (\"Tuesday 1 December\")" },
  { "discussed", "[what we talked about]", "what they said and what you said" },
  { "problems", "[the problem they most need solved, and what you would do first]",
    "their problems and your proposal" },
  { "edge", "[what you bring that other candidates don't]", "what sets you apart" },
  { "objections", "[the concern they raised]", "the gaps or objections they raised" },
  { "skills", "[the skills of yours that fit their needs]",
    "the application's best skills (app edit --skills)" },
  { "next_step", "[the next step we agreed]", "the next step agreed at the interview" },
  { "decision_date", "[the day they plan to decide]", "the application's decision date" },
  { "call_date", "[the day you will call]",
    "the day of the follow-up call the reminders hold for this application" },
  { "offer_deadline", "[the day you must answer the other offer]",
    "the soonest respond-by day of another application's open offer" },
  { "news", "[your news]", "an acceptance to announce, from the application's status" },
  { NULL, NULL, NULL },
};

static const char *const weekday_names[] = { NULL,       "Monday", "Tuesday",  "Wednesday",
                                             "Thursday", "Friday", "Saturday", "Sunday" };
static const char *const month_names[] = { NULL,     "January", "February", "March",
                                           "April",  "May",     "June",     "July",
                                           "August", "September", "October", "November",
                                           "December" };

const char *
jt_letter_kind_to_string (JtLetterKind kind)
{
  g_return_val_if_fail ((guint) kind < JT_LETTER_KIND_COUNT, NULL);
  return kind_names[kind];
}

gboolean
jt_letter_kind_parse (const char *text, JtLetterKind *kind, GError **error)
{
  for (guint i = 0; i < JT_LETTER_KIND_COUNT; i++)
    if (text != NULL && g_str_equal (text, kind_names[i]))
      {
        *kind = (JtLetterKind) i;
        return TRUE;
      }
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               "unknown letter '%s' (expected thanks, follow-up, bring-forward, "
               "after-rejection, recontact, references or network-update)",
               text != NULL ? text : "");
  return FALSE;
}

gboolean
jt_letter_tone_parse (const char *text, JtLetterTone *tone, GError **error)
{
  if (g_strcmp0 (text, "formal") == 0)
    *tone = JT_LETTER_TONE_FORMAL;
  else if (g_strcmp0 (text, "friendly") == 0)
    *tone = JT_LETTER_TONE_FRIENDLY;
  else
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   "unknown tone '%s' (expected formal or friendly)", text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
jt_letter_kind_for_rule (JtRule rule, JtLetterKind *kind)
{
  JtLetterKind found;

  switch (rule)
    {
    case JT_RULE_THANK_YOU:
      found = JT_LETTER_THANKS;
      break;
    case JT_RULE_REJECTION_LETTER:
      found = JT_LETTER_AFTER_REJECTION;
      break;
    case JT_RULE_NETWORK_UPDATE:
      found = JT_LETTER_NETWORK_UPDATE;
      break;
    default:
      return FALSE;
    }
  if (kind != NULL)
    *kind = found;
  return TRUE;
}

const JtLetterField *
jt_letter_fields (void)
{
  return fields;
}

static const JtLetterField *
find_field (const char *name, gsize length)
{
  for (const JtLetterField *f = fields; f->name != NULL; f++)
    if (strlen (f->name) == length && strncmp (f->name, name, length) == 0)
      return f;
  return NULL;
}

void
jt_letter_free (JtLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->to_name);
  g_free (letter->to_email);
  g_free (letter->subject);
  g_free (letter->body);
  g_free (letter);
}

/* ---- Templates -------------------------------------------------------------------- */

static char *
tone_file_name (JtLetterKind kind, JtLetterTone tone)
{
  return g_strdup_printf ("%s.%s.txt", kind_names[kind],
                          tone == JT_LETTER_TONE_FRIENDLY ? "friendly" : "formal");
}

/* $XDG_CONFIG_HOME/jobtrack/letters, read afresh (tests change it). New string. */
static char *
override_dir (void)
{
  const char *config = g_getenv ("XDG_CONFIG_HOME");

  if (config != NULL && g_path_is_absolute (config))
    return g_build_filename (config, "jobtrack", "letters", NULL);
  return g_build_filename (g_get_home_dir (), ".config", "jobtrack", "letters", NULL);
}

/* Reads an override; FALSE without an error when there is no such file. */
static gboolean
read_override (const char *path, char **text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return FALSE;
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "%s:1: cannot read the letter template: %s",
                   path, local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "%s:1: the letter template is not UTF-8 text",
                   path);
      return FALSE;
    }
  *text = g_steal_pointer (&contents);
  return TRUE;
}

static char *
read_builtin (const char *name)
{
  g_autofree char *path = g_strconcat (LETTER_RESOURCE_DIR, name, NULL);
  g_autoptr (GBytes) bytes =
      g_resource_lookup_data (jt_letters_get_resource (), path, 0, NULL);

  return bytes == NULL ? NULL
                       : g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
jt_letter_template_load (JtLetterKind kind, JtLetterTone tone, char **source, GError **error)
{
  g_autofree char *dir = override_dir ();
  g_autofree char *toned = tone_file_name (kind, tone);
  g_autofree char *plain = g_strdup_printf ("%s.txt", kind_names[kind]);
  const char *names[] = { toned, plain };
  char *text = NULL;

  g_return_val_if_fail ((guint) kind < JT_LETTER_KIND_COUNT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      GError *local_error = NULL;

      if (read_override (path, &text, &local_error))
        {
          *source = g_steal_pointer (&path);
          return text;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  /* The built-in KIND.txt is the formal one; there is no KIND.formal.txt. */
  for (guint i = tone == JT_LETTER_TONE_FRIENDLY ? 0 : 1; i < G_N_ELEMENTS (names); i++)
    if ((text = read_builtin (names[i])) != NULL)
      {
        *source = g_strconcat ("built-in ", names[i], NULL);
        return text;
      }
  g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "no letter template for %s", kind_names[kind]);
  return NULL;
}

/* Appends one line of template with its fields filled in. */
static gboolean
render_line (GString *out, const char *line, const char *source, guint number,
             GHashTable *values, GError **error)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      const char *end;
      const JtLetterField *field;
      const char *value;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '{')
        {
          g_string_append_c (out, '{');
          p++;
          continue;
        }
      for (end = p + 1; g_ascii_isalnum (*end) || *end == '_'; end++)
        ;
      if (*end != '}' || end == p + 1)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "%s:%u: '{' starts no field (a field is {name}; write {{ for a brace)",
                       source, number);
          return FALSE;
        }
      field = find_field (p + 1, (gsize) (end - p - 1));
      if (field == NULL)
        {
          GString *known = g_string_new (NULL);

          for (const JtLetterField *f = fields; f->name != NULL; f++)
            g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", f->name);
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "%s:%u: unknown field {%.*s} (the fields are %s)", source, number,
                       (int) (end - p - 1), p + 1, known->str);
          g_string_free (known, TRUE);
          return FALSE;
        }
      value = values != NULL ? g_hash_table_lookup (values, field->name) : NULL;
      g_string_append (out, value != NULL && *value != '\0' ? value : field->gap);
      p = end;
    }
  return TRUE;
}

gboolean
jt_letter_render (const char *text, const char *source, GHashTable *values, char **subject,
                  char **body, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *first = NULL;
  guint subject_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';
      if (line[0] == '#')
        continue;
      if (subject_line == 0)
        {
          if (*line == '\0')
            continue;
          if (!g_str_has_prefix (line, "Subject:"))
            {
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           "%s:%u: a letter template starts with a 'Subject:' line", source,
                           i + 1);
              return FALSE;
            }
          subject_line = i + 1;
          if (!render_line (out, line + strlen ("Subject:"), source, i + 1, values, error))
            return FALSE;
          first = g_strdup (g_strstrip (out->str));
          g_string_truncate (out, 0);
          continue;
        }
      if (!render_line (out, line, source, i + 1, values, error))
        return FALSE;
      g_string_append_c (out, '\n');
    }
  if (subject_line == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   "%s:1: a letter template starts with a 'Subject:' line", source);
      return FALSE;
    }
  /* The body without the blank lines around it, ending with one newline. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  *subject = g_steal_pointer (&first);
  *body = g_strdup (out->str + strspn (out->str, "\n"));
  return TRUE;
}

/* ---- The facts -------------------------------------------------------------------- */

typedef struct
{
  JtReminder *reminder;
  JtApplication *app;
  JtContact *contact;
  JtInterview *interview;
  GStrv skills;
  gint64 call_due;      /* 0 when no follow-up call is pending */
  char *offer_deadline; /* "YYYY-MM-DD" or NULL */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->reminder, jt_reminder_free);
  g_clear_pointer (&facts->app, jt_application_free);
  g_clear_pointer (&facts->contact, jt_contact_free);
  g_clear_pointer (&facts->interview, jt_interview_free);
  g_clear_pointer (&facts->skills, g_strfreev);
  g_clear_pointer (&facts->offer_deadline, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

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
pick_interview (JtStore *store, Facts *facts, gint64 now, GError **error)
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
find_call (JtStore *store, Facts *facts, GError **error)
{
  g_autoptr (GPtrArray) reminders =
      jt_store_reminder_list_for_application (store, facts->app->id, error);

  if (reminders == NULL)
    return FALSE;
  for (guint i = 0; i < reminders->len; i++)
    {
      const JtReminder *r = g_ptr_array_index (reminders, i);

      if (r->rule != JT_RULE_FOLLOW_UP_CALL
          || (r->state != JT_REMINDER_PENDING && r->state != JT_REMINDER_SNOOZED))
        continue;
      if (facts->call_due == 0
          || (facts->contact != NULL && r->contact_id == facts->contact->id))
        facts->call_due = r->due_at;
    }
  return TRUE;
}

/* The soonest deadline of another application's open offer (R4's reason). */
static gboolean
find_offer_deadline (JtStore *store, Facts *facts, GError **error)
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

/* The names a template uses, so that only the facts it shows are read: a calendar
 * export drafts many letters. A set of field names (borrowed from `fields`). */
static GHashTable *
fields_used (const char *text)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *end;
      const JtLetterField *field;

      if (line_start && *p == '#' && *(p += strcspn (p, "\n")) == '\0')
        break;
      line_start = *p == '\n';
      if (*p != '{')
        continue;
      if (p[1] == '{')
        {
          p++;
          continue;
        }
      for (end = p + 1; g_ascii_isalnum (*end) || *end == '_'; end++)
        ;
      if (*end == '}' && (field = find_field (p + 1, (gsize) (end - p - 1))) != NULL)
        g_hash_table_add (used, (gpointer) field->name);
    }
  return used;
}

/* Who and what the letter is about: the reminder, interview, contact and application. */
static gboolean
facts_read_subjects (JtStore *store, const JtLetterRequest *request, Facts *facts,
                     GError **error)
{
  gint64 application_id = request->application_id;
  gint64 contact_id = request->contact_id;
  gint64 interview_id = request->interview_id;

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

/* The rest, as far as the template `used` shows it. */
static gboolean
facts_read_details (JtStore *store, const JtLetterRequest *request, GHashTable *used,
                    Facts *facts, GError **error)
{
  static const char *const interview_fields[] = { "meeting", "met_on", "discussed", "problems",
                                                  "edge", "objections", "next_step" };
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

/* ---- From facts to field values --------------------------------------------------- */

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

/* Field name -> value (new strings) for what the facts hold. */
static GHashTable *
field_values (const Facts *facts, gint64 now, GTimeZone *tz)
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
  return values;
}

JtLetter *
jt_letter_build (JtStore *store, const JtLetterRequest *request, GTimeZone *tz, GError **error)
{
  g_auto (Facts) facts = { 0 };
  g_autoptr (GHashTable) values = NULL;
  g_autoptr (GHashTable) used = NULL;
  g_autoptr (JtLetter) letter = g_new0 (JtLetter, 1);
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  JtLetterTone tone = request->tone;

  if (!facts_read_subjects (store, request, &facts, error))
    return NULL;
  /* Match the tone of the meeting: friendly with someone you hit it off with. */
  if (tone == JT_LETTER_TONE_AUTO)
    tone = facts.contact != NULL && facts.contact->hit_it_off ? JT_LETTER_TONE_FRIENDLY
                                                              : JT_LETTER_TONE_FORMAL;
  if ((text = jt_letter_template_load (request->kind, tone, &source, error)) == NULL)
    return NULL;
  used = fields_used (text);
  if (!facts_read_details (store, request, used, &facts, error))
    return NULL;
  values = field_values (&facts, request->now, tz);
  if (!jt_letter_render (text, source, values, &letter->subject, &letter->body, error))
    return NULL;
  if (facts.contact != NULL)
    {
      letter->to_name = g_strdup (facts.contact->name);
      letter->to_email = g_strdup (facts.contact->email);
    }
  return g_steal_pointer (&letter);
}

/* ---- Output ----------------------------------------------------------------------- */

char *
jt_letter_to_text (const JtLetter *letter)
{
  GString *text = g_string_new (NULL);

  if (letter->to_name != NULL && letter->to_email != NULL)
    g_string_append_printf (text, "To: %s <%s>\n", letter->to_name, letter->to_email);
  else if (letter->to_name != NULL)
    g_string_append_printf (text, "To: %s\n", letter->to_name);
  g_string_append_printf (text, "Subject: %s\n\n%s", letter->subject, letter->body);
  return g_string_free (text, FALSE);
}

/* RFC 6068 wants line breaks in a body as CRLF. New string. */
static char *
crlf (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == text || p[-1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
jt_letter_to_mailto (const JtLetter *letter)
{
  /* Every byte but the unreserved ones is percent-encoded, UTF-8 byte by byte: that
   * covers "&", "?", "#", "%", "=", "+" and spaces in the subject and body. The address
   * keeps its "@". */
  g_autofree char *to = g_uri_escape_string (letter->to_email != NULL ? letter->to_email : "",
                                             "@", FALSE);
  g_autofree char *subject = g_uri_escape_string (letter->subject, NULL, FALSE);
  g_autofree char *body_crlf = crlf (letter->body);
  g_autofree char *body = g_uri_escape_string (body_crlf, NULL, FALSE);

  return g_strconcat ("mailto:", to, "?subject=", subject, "&body=", body, NULL);
}

char *
jt_letter_preview (JtStore *store, const JtReminder *reminder, GTimeZone *tz, guint max_lines,
                   GError **error)
{
  JtLetterRequest request = { 0 };
  g_autoptr (JtLetter) letter = NULL;
  g_auto (GStrv) lines = NULL;
  GString *preview;
  guint shown = 0;

  if (!jt_letter_kind_for_rule (reminder->rule, &request.kind))
    return NULL;
  request.tone = JT_LETTER_TONE_AUTO;
  request.reminder_id = reminder->id;
  request.now = reminder->due_at;
  if ((letter = jt_letter_build (store, &request, tz, error)) == NULL)
    return NULL;
  preview = g_string_new (NULL);
  if (max_lines > 0)
    {
      g_string_append_printf (preview, "Subject: %s", letter->subject);
      shown = 1;
    }
  lines = g_strsplit (letter->body, "\n", -1);
  for (guint i = 0; lines[i] != NULL && shown < max_lines; i++)
    if (!jt_text_is_blank (lines[i]))
      {
        g_string_append_printf (preview, "\n%s", lines[i]);
        shown++;
      }
  return g_string_free (preview, FALSE);
}
