/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-reminder-text.c: a follow-up's words, from its facts (DOMAIN.md, "Follow-up rules").
 *
 * Cheap by design: everything it needs was read in the query that read the reminder, so
 * rendering a calendar of thousands of follow-ups is string formatting only. */
#include "jt-reminder-text.h"

#include "jt-i18n.h"
#include "jt-text.h"

/* Each _ () here is looked up once per process and kept in a slot of its own: gettext
 * costs ~2,000 instructions a call even untranslated, the renderer makes a few calls per
 * follow-up, and the language cannot change while a process runs. */
#define N_SLOTS 40
#undef _
#define _(msgid) tr (__COUNTER__, msgid)

/* The translation of `msgid`, looked up the first time slot `slot` asks. Two threads may
 * both look it up then: the same answer. Owned by gettext. */
G_GNUC_FORMAT (2)
static const char *
tr (guint slot, const char *msgid)
{
  static const char *translated[N_SLOTS];
  const char *text = g_atomic_pointer_get (&translated[slot]);

  if (text == NULL)
    {
      text = g_dgettext (GETTEXT_PACKAGE, msgid);
      g_atomic_pointer_set (&translated[slot], text);
    }
  return text;
}

/* Text of a record field, "" for none. */
static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* Whom the follow-up names: its contact, else the company. */
static const char *
person_or_company (const JtReminder *reminder)
{
  return reminder->contact_name != NULL ? reminder->contact_name : or_empty (reminder->company);
}

static void
append_line (GString *text, const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, label);
  g_string_append (text, value);
}

/* Whether the follow-up says how to reach its contact. */
static gboolean
has_reach (const JtReminder *reminder)
{
  return reminder->rule != JT_RULE_MANUAL && reminder->contact_name != NULL
         && (reminder->contact_email != NULL || reminder->contact_phone != NULL);
}

/* Appends "Reach Raj Patel: raj@globex.example, +44 20 7946 0000." (has_reach ()). */
static void
append_reach_line (GString *text, const JtReminder *reminder)
{
  const char *email = reminder->contact_email;
  const char *phone = reminder->contact_phone;
  g_autofree char *both
      = email != NULL && phone != NULL ? g_strconcat (email, ", ", phone, NULL) : NULL;

  /* TRANSLATORS: a contact's name, then their email and/or phone. */
  g_string_append_printf (text, _ ("Reach %s: %s."), reminder->contact_name,
                          both != NULL ? both : (email != NULL ? email : phone));
}

char *
jt_reminder_text_reach (const JtReminder *reminder)
{
  GString *text;

  if (!has_reach (reminder))
    return NULL;
  text = g_string_new (NULL);
  append_reach_line (text, reminder);
  return g_string_free (text, FALSE);
}

/* Appends the reach line, on a line of its own, when the contact has an email or a
 * phone. */
static void
append_reach (GString *text, const JtReminder *reminder)
{
  if (!has_reach (reminder))
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  append_reach_line (text, reminder);
}

/* Appends one sentence that needs no formatting. */
static void
append_text (GString *text, const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, sentence);
}

/* Appends one sentence made from `format` and its arguments. */
G_GNUC_PRINTF (2, 3)
static void
append_sentence (GString *text, const char *format, ...)
{
  va_list args;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

static char *
render_title (const JtReminder *r, const JtConfig *config, const char *label)
{
  const char *kind = jt_interview_kind_to_string (r->interview_kind);
  const char *deadline = or_empty (r->offer_deadline);

  switch (r->rule)
    {
    case JT_RULE_SUMMARY:
      /* TRANSLATORS: the interview's kind (phone, video, onsite, panel, final), then
       * "Company, Role". */
      return g_strdup_printf (_ ("Write the summary of the %s interview — %s"), kind, label);
    case JT_RULE_THANK_YOU:
      return g_strdup_printf (_ ("Thank-you letter to %s — %s"), person_or_company (r), label);
    case JT_RULE_FOLLOW_UP_CALL:
      return g_strdup_printf (_ ("Call %s about the decision — %s"), person_or_company (r), label);
    case JT_RULE_BRING_FORWARD:
      /* TRANSLATORS: a person (or company), the other offer's deadline, "Company, Role". */
      return g_strdup_printf (_ ("Ask %s to decide sooner: an offer expires %s — %s"),
                              person_or_company (r), deadline, label);
    case JT_RULE_BRIEF_REFERENCES:
      if (r->contact_name != NULL)
        return g_strdup_printf (_ ("Brief %s, your reference — %s"), r->contact_name, label);
      return g_strdup_printf (_ ("Brief your references — %s"), label);
    case JT_RULE_REJECTION_LETTER:
      return g_strdup_printf (_ ("Letter to %s after the rejection — %s"), person_or_company (r),
                              label);
    case JT_RULE_RAPPORT_CALL:
      return g_strdup_printf (_ ("Call %s to stay on their radar — %s"), person_or_company (r),
                              label);
    case JT_RULE_RECONTACT:
      /* TRANSLATORS: the number of months (recontact_months), a person (or company),
       * "Company, Role". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d-month re-contact: call %s — %s",
                                           "%d-month re-contact: call %s — %s",
                                           (gulong) config->recontact_months),
                              config->recontact_months, person_or_company (r), label);
    case JT_RULE_OFFER_NEGOTIATION:
      return g_strdup_printf (_ ("Negotiate the offer with %s — %s"), person_or_company (r), label);
    case JT_RULE_OFFER_DEADLINE:
      return g_strdup_printf (_ ("Last call before the offer deadline %s — %s"), deadline, label);
    case JT_RULE_NETWORK_UPDATE:
      if (r->application_id != 0)
        return g_strdup_printf (_ ("Tell %s about your new job at %s"), person_or_company (r),
                                or_empty (r->company));
      return g_strdup_printf (_ ("Send %s an update"), person_or_company (r));
    case JT_RULE_APPLICATION_FOLLOW_UP:
      return g_strdup_printf (_ ("Check in on your application — %s"), label);
    case JT_RULE_CLOSING_DATE:
      return g_strdup_printf (_ ("Apply before the posting closes — %s"), label);
    case JT_RULE_MANUAL:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* The context, then how to reach the person. NULL when there is nothing to say. */
static char *
render_detail (const JtReminder *r)
{
  GString *text = g_string_new (NULL);
  const char *since = r->since_day;

  switch (r->rule)
    {
    case JT_RULE_SUMMARY:
      append_text (text, _ ("While it is fresh: what was said, who decides and when, and what you "
                            "agreed to do next."));
      break;
    case JT_RULE_THANK_YOU:
      {
        g_autofree char *who = r->contact_title != NULL ? g_strconcat (or_empty (r->contact_name),
                                                                       ", ", r->contact_title, NULL)
                                                        : g_strdup (or_empty (r->contact_name));
        const char *kind = jt_interview_kind_to_string (r->interview_kind);

        if (since != NULL)
          /* TRANSLATORS: a person (with their title), the interview's kind, its day. */
          append_sentence (text, _ ("You met %s at the %s interview on %s."), who, kind, since);
        else
          append_sentence (text, _ ("You met %s at the %s interview."), who, kind);
        /* TRANSLATORS: followed by the candidate's edge, as written after the interview. */
        append_line (text, _ ("Recall what you bring: "), r->interview_edge);
        /* TRANSLATORS: followed by the objections raised, as written after the interview. */
        append_line (text, _ ("Answer what worried them: "), r->interview_objections);
        break;
      }
    case JT_RULE_FOLLOW_UP_CALL:
      /* Counted from the last interview when no decision date was given. */
      if (since != NULL)
        append_sentence (text, _ ("They gave no decision date; your last interview was on %s."),
                         since);
      else if (r->decision_date != NULL)
        append_sentence (text, _ ("They planned to decide by %s; ask where things stand."),
                         r->decision_date);
      break;
    case JT_RULE_BRING_FORWARD:
      /* TRANSLATORS: the company that made an offer, its deadline, the company that has
       * not decided yet, and its decision day. */
      append_sentence (text,
                       _ ("%s has offered you a job and wants an answer by %s; %s plans to decide "
                          "on %s. Ask whether the decision can come sooner."),
                       or_empty (r->offer_company), or_empty (r->offer_deadline),
                       or_empty (r->company), or_empty (r->decision_date));
      break;
    case JT_RULE_BRIEF_REFERENCES:
      append_sentence (text,
                       _ ("The final round is on %s. Tell them about the role and what the "
                          "employer cares about, and ask for their support."),
                       or_empty (since));
      break;
    case JT_RULE_REJECTION_LETTER:
      append_sentence (text,
                       _ ("Thank them for their time, say you are still interested in %s, and "
                          "ask them to keep you in mind."),
                       or_empty (r->company));
      break;
    case JT_RULE_RAPPORT_CALL:
      append_text (text, _ ("You hit it off: call to keep in touch and ask them to keep you in "
                            "mind."));
      break;
    case JT_RULE_RECONTACT:
      append_sentence (text,
                       _ ("You were turned down on %s. The person hired may have left or not "
                          "worked out: ask whether the role, or another one, is open."),
                       or_empty (since));
      break;
    case JT_RULE_OFFER_NEGOTIATION:
      append_text (text, _ ("With an offer in hand you negotiate from strength: the terms, and "
                            "even the shape of the role."));
      /* TRANSLATORS: followed by the offer's salary. */
      append_line (text, _ ("On the table: "), r->offer_salary);
      break;
    case JT_RULE_OFFER_DEADLINE:
      append_sentence (text, _ ("The offer must be answered by %s."), or_empty (r->offer_deadline));
      break;
    case JT_RULE_NETWORK_UPDATE:
      if (r->application_id != 0)
        append_text (text, _ ("Thank them for their help along the way and keep the door open."));
      else
        append_sentence (text,
                         _ ("You last spoke on %s: tell them how your search is going and ask "
                            "how they are."),
                         or_empty (since));
      break;
    case JT_RULE_APPLICATION_FOLLOW_UP:
      append_sentence (text, _ ("Nothing has happened since %s: ask where it stands."),
                       or_empty (since));
      break;
    case JT_RULE_CLOSING_DATE:
      append_sentence (text,
                       _ ("The posting you saved closes on %s. Apply before then, or mark the "
                          "lead withdrawn."),
                       or_empty (since));
      break;
    case JT_RULE_MANUAL:
      break;
    }
  append_reach (text, r);
  return g_string_free (text, text->len == 0);
}

/* The settings the words depend on, when the caller has none. */
static const JtConfig *
default_config (void)
{
  static gsize made = 0;
  static JtConfig *config;

  if (g_once_init_enter (&made))
    {
      config = jt_config_new_default ();
      g_once_init_leave (&made, 1);
    }
  return config;
}

void
jt_reminder_text_render_title (JtReminder *reminder, const JtConfig *config)
{
  g_autofree char *label = NULL;

  g_return_if_fail (reminder != NULL);
  if (reminder->rule == JT_RULE_MANUAL || (guint) reminder->rule >= JT_RULE_COUNT)
    return;
  label = jt_text_app_label (reminder->company, reminder->role);
  g_free (reminder->title);
  reminder->title = render_title (reminder, config != NULL ? config : default_config (), label);
}

void
jt_reminder_text_render (JtReminder *reminder, const JtConfig *config)
{
  g_return_if_fail (reminder != NULL);
  if (reminder->rule == JT_RULE_MANUAL || (guint) reminder->rule >= JT_RULE_COUNT)
    return;
  jt_reminder_text_render_title (reminder, config);
  g_free (reminder->detail);
  reminder->detail = render_detail (reminder);
}

void
jt_reminder_text_render_all (GPtrArray *reminders, const JtConfig *config)
{
  for (guint i = 0; i < reminders->len; i++)
    jt_reminder_text_render (g_ptr_array_index (reminders, i), config);
}

/* Every slot the _ () above take is in the table. */
G_STATIC_ASSERT (__COUNTER__ <= N_SLOTS);
