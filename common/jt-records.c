/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-records.c: names of the record enums, and the records' constructors. */
#include "jt-records.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"

static const char *const status_names[] = {
  "lead", "applied", "interviewing", "offer", "accepted", "declined", "rejected", "withdrawn",
};
static const char *const interview_kind_names[] = { "phone", "video", "onsite", "panel", "final" };
static const char *const role_names[JT_ROLE_COUNT] = {
  "decision-maker", "influencer", "hr", "recruiter", "reference",
};
static const char *const offer_state_names[] = { "open", "negotiating", "accepted", "declined" };
static const char *const outcome_names[]
    = { "offer", "rejected", "accepted", "declined", "withdrawn" };
static const char *const touch_names[] = { "letter", "email", "call", "meeting" };
static const char *const document_kind_names[]
    = { "resume", "cover-letter", "portfolio", "posting", "other" };
static const char *const rule_names[] = {
  "summary",           "thank_you",        "follow_up_call", "bring_forward",
  "brief_references",  "rejection_letter", "rapport_call",   "recontact",
  "offer_negotiation", "offer_deadline",   "network_update", "application_follow_up",
  "closing_date",      "manual",
};
static const char *const reminder_state_names[] = { "pending", "snoozed", "done", "dismissed" };
G_STATIC_ASSERT (G_N_ELEMENTS (rule_names) == JT_RULE_COUNT);

/* Finds `text` in `names` (case-insensitive, surrounding spaces ignored). */
static gboolean
parse_name (const char *const *names, guint n_names, const char *what, const char *text,
            guint *index, GError **error)
{
  g_autofree char *wanted = NULL;
  g_autoptr (GString) accepted = NULL;

  /* Names read back from the database match as they are: no copy on that path. */
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (strcmp (names[i], text) == 0)
      {
        *index = i;
        return TRUE;
      }
  wanted = g_strstrip (g_strdup (text != NULL ? text : ""));
  accepted = g_string_new (NULL);
  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], wanted) == 0)
      {
        *index = i;
        return TRUE;
      }
  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (accepted, "%s%s", i > 0 ? ", " : "", names[i]);
  /* TRANSLATORS: a kind of value (status, interview kind, …), the text given, then the
   * words jobtrack reads, which stay as they are. */
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("unknown %s '%s' (one of: %s)"), _ (what),
               text, accepted->str);
  return FALSE;
}

#define DEFINE_NAMES(type, prefix, names, what)                                                    \
  const char *prefix##_to_string (type value)                                                      \
  {                                                                                                \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), NULL);                             \
    return names[value];                                                                           \
  }                                                                                                \
  gboolean prefix##_parse (const char *text, type *value, GError **error)                          \
  {                                                                                                \
    guint index;                                                                                   \
    if (!parse_name (names, G_N_ELEMENTS (names), what, text, &index, error))                      \
      return FALSE;                                                                                \
    *value = (type) index;                                                                         \
    return TRUE;                                                                                   \
  }

DEFINE_NAMES (JtStatus, jt_status, status_names, N_ ("status"))
DEFINE_NAMES (JtInterviewKind, jt_interview_kind, interview_kind_names, N_ ("interview kind"))
DEFINE_NAMES (JtOfferState, jt_offer_state, offer_state_names, N_ ("offer state"))
DEFINE_NAMES (JtOutcomeKind, jt_outcome_kind, outcome_names, N_ ("outcome"))
DEFINE_NAMES (JtTouchKind, jt_touch_kind, touch_names, N_ ("touch kind"))
DEFINE_NAMES (JtDocumentKind, jt_document_kind, document_kind_names, N_ ("document kind"))
DEFINE_NAMES (JtRule, jt_rule, rule_names, N_ ("rule"))
DEFINE_NAMES (JtReminderState, jt_reminder_state, reminder_state_names, N_ ("reminder state"))

gboolean
jt_status_is_final (JtStatus status)
{
  return status == JT_STATUS_ACCEPTED || status == JT_STATUS_DECLINED
         || status == JT_STATUS_REJECTED || status == JT_STATUS_WITHDRAWN;
}

gboolean
jt_status_reaches_stage (JtStatus status, JtStage stage)
{
  switch (stage)
    {
    case JT_STAGE_APPLIED:
      return status != JT_STATUS_LEAD && status != JT_STATUS_WITHDRAWN;
    case JT_STAGE_INTERVIEW:
      return status == JT_STATUS_INTERVIEWING || jt_status_reaches_stage (status, JT_STAGE_OFFER);
    case JT_STAGE_OFFER:
      return status == JT_STATUS_OFFER || status == JT_STATUS_ACCEPTED
             || status == JT_STATUS_DECLINED;
    case JT_STAGE_ACCEPTED:
      return status == JT_STATUS_ACCEPTED;
    }
  g_return_val_if_reached (FALSE);
}

gboolean
jt_status_is_response (JtStatus status)
{
  return status != JT_STATUS_APPLIED && jt_status_reaches_stage (status, JT_STAGE_APPLIED);
}

gboolean
jt_status_is_decision (JtStatus status)
{
  return jt_status_reaches_stage (status, JT_STAGE_OFFER) || status == JT_STATUS_REJECTED;
}

gboolean
jt_outcome_kind_is_decision (JtOutcomeKind kind)
{
  return kind == JT_OUTCOME_OFFER || kind == JT_OUTCOME_REJECTED || kind == JT_OUTCOME_ACCEPTED;
}

JtStatus
jt_outcome_kind_status (JtOutcomeKind kind)
{
  switch (kind)
    {
    case JT_OUTCOME_OFFER:
      return JT_STATUS_OFFER;
    case JT_OUTCOME_REJECTED:
      return JT_STATUS_REJECTED;
    case JT_OUTCOME_ACCEPTED:
      return JT_STATUS_ACCEPTED;
    case JT_OUTCOME_DECLINED:
      return JT_STATUS_DECLINED;
    case JT_OUTCOME_WITHDRAWN:
      return JT_STATUS_WITHDRAWN;
    }
  g_return_val_if_reached (JT_STATUS_APPLIED);
}

const char *
jt_contact_role_to_string (JtContactRole role)
{
  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (role == (1u << i))
      return role_names[i];
  g_return_val_if_reached (NULL);
}

gboolean
jt_contact_role_parse (const char *text, JtContactRole *role, GError **error)
{
  guint index;

  if (!parse_name (role_names, JT_ROLE_COUNT, N_ ("contact role"), text, &index, error))
    return FALSE;
  *role = (JtContactRole) (1u << index);
  return TRUE;
}

gboolean
jt_contact_roles_parse (const char *text, guint *roles, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  guint result = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JtContactRole role;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!jt_contact_role_parse (parts[i], &role, error))
        return FALSE;
      result |= role;
    }
  *roles = result;
  return TRUE;
}

char *
jt_text_fold (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *normal = g_utf8_normalize (copy, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : copy, -1);
}

/* Legal forms a company name may end with, as they read once folded, with dots and
 * apostrophes dropped ("S.A." -> "sa") and other punctuation taken as a space. */
static const char *const legal_forms[] = {
  "ab",   "ag",  "aps",          "as",  "asa", "bv",      "co",  "company", "corp", "corporation",
  "gmbh", "inc", "incorporated", "kg",  "kk",  "limited", "llc", "llp",     "lp",   "ltd",
  "nv",   "ohg", "oy",           "oyj", "plc", "pte",     "pty", "sa",      "sarl", "sas",
  "se",   "sl",  "spa",          "sro", "srl", "ug",      NULL,
};

char *
jt_company_family (const char *company)
{
  g_autofree char *folded = jt_text_fold (company);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) word = g_string_new (NULL);
  GString *family;

  for (const char *p = decomposed != NULL ? decomposed : folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_ismark (c) || c == '.' || c == '\'' || c == 0x2019))
        continue;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  /* "Acme GmbH & Co. KG" sheds every form; a company called "AG" keeps its name. */
  while (words->len > 1 && g_strv_contains (legal_forms, g_ptr_array_index (words, words->len - 1)))
    g_ptr_array_remove_index (words, words->len - 1);
  if (words->len == 0)
    return g_steal_pointer (&folded);
  family = g_string_new (g_ptr_array_index (words, 0));
  for (guint i = 1; i < words->len; i++)
    g_string_append_printf (family, " %s", (char *) g_ptr_array_index (words, i));
  return g_string_free (family, FALSE);
}

gboolean
jt_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

JtApplication *
jt_application_new (void)
{
  JtApplication *app = g_new0 (JtApplication, 1);

  app->role = g_strdup ("");
  app->status = JT_STATUS_APPLIED;
  return app;
}

void
jt_application_free (JtApplication *app)
{
  if (app == NULL)
    return;
  g_free (app->company);
  g_free (app->role);
  g_free (app->source);
  g_free (app->url);
  g_free (app->notes);
  g_free (app->decision_date);
  g_free (app);
}

JtContact *
jt_contact_new (void)
{
  return g_new0 (JtContact, 1);
}

void
jt_contact_free (JtContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->title);
  g_free (contact->company);
  g_free (contact->email);
  g_free (contact->phone);
  g_free (contact->url);
  g_free (contact->notes);
  g_free (contact);
}

JtContact *
jt_contact_copy (const JtContact *contact)
{
  JtContact *copy = g_memdup2 (contact, sizeof *contact);

  copy->name = g_strdup (contact->name);
  copy->title = g_strdup (contact->title);
  copy->company = g_strdup (contact->company);
  copy->email = g_strdup (contact->email);
  copy->phone = g_strdup (contact->phone);
  copy->url = g_strdup (contact->url);
  copy->notes = g_strdup (contact->notes);
  return copy;
}

JtInterview *
jt_interview_new (void)
{
  JtInterview *interview = g_new0 (JtInterview, 1);

  interview->duration_min = 60;
  interview->kind = JT_INTERVIEW_ONSITE;
  interview->interviewers = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_contact_free);
  return interview;
}

void
jt_interview_free (JtInterview *interview)
{
  if (interview == NULL)
    return;
  g_free (interview->place);
  g_free (interview->conversation);
  g_free (interview->edge);
  g_free (interview->problems);
  g_free (interview->objections);
  g_free (interview->next_step);
  g_free (interview->notes);
  g_free (interview->shown_digest);
  g_ptr_array_unref (interview->interviewers);
  g_free (interview);
}

JtOffer *
jt_offer_new (void)
{
  return g_new0 (JtOffer, 1);
}

void
jt_offer_free (JtOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->received_on);
  g_free (offer->deadline);
  g_free (offer->salary);
  g_free (offer->title);
  g_free (offer->start_on);
  g_free (offer->notes);
  g_free (offer);
}

JtOutcome *
jt_outcome_new (void)
{
  return g_new0 (JtOutcome, 1);
}

void
jt_outcome_free (JtOutcome *outcome)
{
  g_free (outcome);
}

JtTouch *
jt_touch_new (void)
{
  return g_new0 (JtTouch, 1);
}

void
jt_touch_free (JtTouch *touch)
{
  if (touch == NULL)
    return;
  g_free (touch->contact_name);
  g_free (touch->about);
  g_free (touch);
}

JtReminder *
jt_reminder_new (void)
{
  return g_new0 (JtReminder, 1);
}

void
jt_reminder_free (JtReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->uid);
  g_free (reminder->title);
  g_free (reminder->detail);
  g_free (reminder->company);
  g_free (reminder->role);
  g_free (reminder->contact_name);
  g_free (reminder->contact_email);
  g_free (reminder->contact_phone);
  g_free (reminder->since_day);
  g_free (reminder->shown_digest);
  g_free (reminder->contact_title);
  g_free (reminder->interview_edge);
  g_free (reminder->interview_objections);
  g_free (reminder->offer_deadline);
  g_free (reminder->offer_salary);
  g_free (reminder->offer_company);
  g_free (reminder->decision_date);
  g_free (reminder);
}
