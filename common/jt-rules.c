/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-rules.c: which follow-ups the records call for, and keeping the reminders in line.
 *
 * The rules write facts, never words: which rule, about which records, due when, and the
 * day counted from; jt-reminder-text.c words them when they are shown. Reconciling
 * compares those facts.
 *
 * Calendar arithmetic is done on GDate (plain days: month steps clamp to the month's
 * end) and only then placed at the call hour in the user's zone, so 10:00 stays 10:00
 * on either side of a DST change. */
#include "jt-rules.h"

#include <stdio.h>
#include <string.h>

#include "jt-calendar-identity.h"
#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-offers.h"
#include "jt-store-outcomes.h"
#include "jt-store-postings.h"
#include "jt-store-reminders.h"
#include "jt-store-touches.h"
#include "jt-time-zone.h"
#include "jt-time.h"

struct _JtRules
{
  const JtConfig *config;
  GTimeZone *tz;
  gint64 now;
  char *fingerprint; /* the zone and rule settings the reminders depend on */
};

/* The setting that remembers what the stored reminders were derived with. */
#define FINGERPRINT_SETTING "rules-fingerprint"

/* What the rules store of each reminder: its facts, with the offer and the day counted
 * from (schema 8). Reminders derived before hold less, and are derived once again. */
#define DERIVED_AS ";reminders=facts-8"

static void
add_setting (const char *group, const char *key, const char *value, const char *source,
             gpointer user_data)
{
  if (g_str_equal (group, "rules") && !g_str_equal (key, "quiet_days"))
    g_string_append_printf (user_data, ";%s=%s", key, value);
  /* The sender signs the drafts the calendar entries show (their digest): a new one
   * raises their revisions. Only when set, so that the fingerprint of a database
   * derived before the sender existed stays the same. */
  else if (g_str_equal (group, "user") && !g_str_equal (key, "emails") && *value != '\0')
    g_string_append_printf (user_data, ";user.%s=%s", key, value);
}

JtRules *
jt_rules_new (const JtConfig *config, GTimeZone *tz, gint64 now)
{
  JtRules *rules = g_new0 (JtRules, 1);

  rules->config = config;
  rules->tz = g_time_zone_ref (tz);
  rules->now = now;
  return rules;
}

/* The zone's and the rule settings' fingerprint, made at the first write: the zone's by
 * what it does, not by its name, so that "UTC" and an /etc/localtime naming "Etc/UTC"
 * agree, and a tzdata update that moves the zone's clocks derives everything again. */
static const char *
rules_fingerprint (JtRules *rules)
{
  if (rules->fingerprint == NULL)
    {
      g_autofree char *zone = jt_time_zone_fingerprint (rules->tz);
      GString *fingerprint = g_string_new (zone);

      g_string_append (fingerprint, DERIVED_AS);
      jt_config_foreach (rules->config, add_setting, fingerprint);
      rules->fingerprint = g_string_free (fingerprint, FALSE);
    }
  return rules->fingerprint;
}

/* What earlier versions stored: the zone's identifier, then the settings (with what the
 * reminders hold, so that a database of facts-less reminders is derived again). */
static char *
identifier_fingerprint (JtRules *rules)
{
  GString *fingerprint = g_string_new (g_time_zone_get_identifier (rules->tz));

  g_string_append (fingerprint, DERIVED_AS);
  jt_config_foreach (rules->config, add_setting, fingerprint);
  return g_string_free (fingerprint, FALSE);
}

/* Whether the stored reminders were derived under other rules: another call hour, rule
 * set or zone. A fingerprint of the older kind for these very rules is replaced, without
 * deriving anything again. */
static gboolean
derived_under_other_rules (JtRules *rules, JtStore *store, gboolean *other, GError **error)
{
  g_autofree char *derived_with = NULL;
  g_autofree char *by_identifier = NULL;
  GError *local_error = NULL;

  derived_with = jt_store_get_setting (store, FINGERPRINT_SETTING, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *other = g_strcmp0 (derived_with, rules_fingerprint (rules)) != 0;
  if (!*other || derived_with == NULL)
    return TRUE;
  by_identifier = identifier_fingerprint (rules);
  if (!g_str_equal (derived_with, by_identifier))
    return TRUE;
  *other = FALSE;
  return jt_store_set_setting (store, FINGERPRINT_SETTING, rules_fingerprint (rules), error);
}

void
jt_rules_free (JtRules *rules)
{
  if (rules == NULL)
    return;
  g_time_zone_unref (rules->tz);
  g_free (rules->fingerprint);
  g_free (rules);
}

void
jt_rules_set_now (JtRules *rules, gint64 now)
{
  rules->now = now;
}

char *
jt_rules_make_uid (JtRule rule, gint64 application_id, gint64 contact_id, gint64 interview_id,
                   const char *occurrence)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  if (rule == JT_RULE_MANUAL)
    {
      g_autofree char *random = g_uuid_string_random ();

      return g_strconcat (random, "@jobtrack", NULL);
    }
  key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%s",
                         jt_rule_to_string (rule), application_id, contact_id, interview_id,
                         occurrence != NULL ? occurrence : "");
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  digest[32] = '\0';
  return g_strconcat (digest, "@jobtrack", NULL);
}

/* ---- Days and times ---------------------------------------------------------------- */

/* The instants every zone can show as a date of years 1..9999 (a day inside each end). */
#define FIRST_INSTANT (G_GINT64_CONSTANT (-62135596800) + JT_DAY_SECONDS)
#define LAST_INSTANT (G_GINT64_CONSTANT (253402300799) - JT_DAY_SECONDS)

/* The local calendar day of an instant. */
static void
day_of (const JtRules *rules, gint64 instant, GDate *day)
{
  /* Clamped a day inside GDateTime's range, so that the day exists in every zone. */
  g_autoptr (GDateTime) utc
      = g_date_time_new_from_unix_utc (CLAMP (instant, FIRST_INSTANT, LAST_INSTANT));
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, rules->tz);

  g_date_clear (day, 1);
  g_date_set_dmy (day, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/* A stored "YYYY-MM-DD" day; FALSE for none. */
static gboolean
day_parse (const char *text, GDate *day)
{
  unsigned year, month, dom;

  g_date_clear (day, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &dom) != 3
      || !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (day, (GDateDay) dom, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
day_text (const GDate *day)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

/* The call hour of `day`, local time. A wall time inside a DST gap moves past it. */
static gint64
call_time (const JtRules *rules, const GDate *day)
{
  g_autoptr (GDateTime) at = g_date_time_new (
      rules->tz, g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
      rules->config->call_hour, rules->config->call_minute, 0);

  /* Past year 9999 there is no such time: want () drops what is due then. */
  return at != NULL ? g_date_time_to_unix (at) : JT_TIME_NEVER;
}

/* ---- What the rules read ----------------------------------------------------------- */

/* What the rules read across applications, once per batch of derivations. */
typedef struct
{
  GPtrArray *open_offers; /* JtOffer*, every application's open offers with a deadline */
  GArray *accepted;       /* ids of accepted applications */
  GPtrArray *network;     /* JtContact* in the network */
} Across;

static void
across_clear (Across *across)
{
  g_clear_pointer (&across->open_offers, g_ptr_array_unref);
  g_clear_pointer (&across->accepted, g_array_unref);
  g_clear_pointer (&across->network, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Across, across_clear)

static gboolean
across_read (JtStore *store, Across *across, GError **error)
{
  if ((across->open_offers = jt_store_offer_list_open (store, error)) == NULL
      || (across->accepted = jt_store_application_accepted_ids (store, error)) == NULL
      || (across->network = jt_store_contact_list_network (store, error)) == NULL)
    return FALSE;
  return TRUE;
}

typedef struct
{
  JtApplication *app;
  GPtrArray *interviews;   /* JtInterview*, by start, with the people met */
  GPtrArray *contacts;     /* JtContact*, everyone in the application's process */
  GPtrArray *offers;       /* JtOffer* of this application */
  GPtrArray *outcomes;     /* JtOutcome*, oldest first */
  GPtrArray *touches;      /* JtTouch*, oldest first */
  GArray *history;         /* JtStatusChange, oldest first */
  JtSavedPosting *posting; /* the posting it was captured from, or NULL */
  const Across *across;
  gboolean other_accepted; /* another application was accepted */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->app, jt_application_free);
  g_clear_pointer (&facts->interviews, g_ptr_array_unref);
  g_clear_pointer (&facts->contacts, g_ptr_array_unref);
  g_clear_pointer (&facts->offers, g_ptr_array_unref);
  g_clear_pointer (&facts->outcomes, g_ptr_array_unref);
  g_clear_pointer (&facts->touches, g_ptr_array_unref);
  g_clear_pointer (&facts->history, g_array_unref);
  g_clear_pointer (&facts->posting, jt_saved_posting_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static gboolean
facts_read (JtStore *store, JtApplication *app, const Across *across, Facts *facts, GError **error)
{
  gint64 id = app->id;

  facts->app = app;
  facts->across = across;
  if ((facts->interviews = jt_store_interview_list (store, id, error)) == NULL
      || (facts->contacts = jt_store_application_contacts (store, id, error)) == NULL
      || (facts->offers = jt_store_offer_list (store, id, error)) == NULL
      || (facts->outcomes = jt_store_outcome_list (store, id, error)) == NULL
      || (facts->touches = jt_store_touch_list (store, id, 0, error)) == NULL
      || (facts->history = jt_store_application_status_history (store, id, error)) == NULL
      || !jt_store_posting_lookup (store, id, &facts->posting, error))
    return FALSE;
  for (guint i = 0; i < across->accepted->len; i++)
    facts->other_accepted |= g_array_index (across->accepted, gint64, i) != id;
  return TRUE;
}

/* When the application last moved to `status` (0 if never), from its history. */
static gint64
status_since (const Facts *facts, JtStatus status)
{
  for (guint i = facts->history->len; i > 0; i--)
    {
      const JtStatusChange *change = &g_array_index (facts->history, JtStatusChange, i - 1);

      if (change->status == status)
        return change->changed_at;
    }
  return 0;
}

/* When the newest outcome of `kind` happened, else when the status said so. */
static gint64
outcome_time (const Facts *facts, JtOutcomeKind kind)
{
  for (guint i = facts->outcomes->len; i > 0; i--)
    {
      const JtOutcome *outcome = g_ptr_array_index (facts->outcomes, i - 1);

      if (outcome->kind == kind)
        return outcome->occurred_at;
    }
  return status_since (facts, jt_outcome_kind_status (kind));
}

/* Still waiting for the employer: not ended, and nothing has come of it yet. */
static gboolean
awaiting_decision (const Facts *facts)
{
  return !jt_status_is_final (facts->app->status) && facts->app->status != JT_STATUS_OFFER
         && facts->outcomes->len == 0 && !facts->other_accepted;
}

/* The application's contacts with `role`. A new array of borrowed pointers. */
static GPtrArray *
contacts_with_role (const Facts *facts, JtContactRole role)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < facts->contacts->len; i++)
    {
      JtContact *contact = g_ptr_array_index (facts->contacts, i);

      if (contact->roles & role)
        g_ptr_array_add (found, contact);
    }
  return found;
}

/* Everyone met at any of the application's interviews, once each. Borrowed pointers. */
static GPtrArray *
interviewers (const Facts *facts)
{
  GPtrArray *people = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < facts->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (facts->interviews, i);

      for (guint j = 0; j < interview->interviewers->len; j++)
        {
          JtContact *person = g_ptr_array_index (interview->interviewers, j);

          if (g_hash_table_add (seen, &person->id))
            g_ptr_array_add (people, person);
        }
    }
  return people;
}

/* ---- The reminders called for ------------------------------------------------------ */

/* The reminders the rules want, one per uid (the earliest due wins). */
typedef struct
{
  const JtRules *rules;
  GPtrArray *list;    /* JtReminder* */
  GHashTable *by_uid; /* uid -> JtReminder* in list */
} Wanted;

static void
wanted_init (Wanted *wanted, const JtRules *rules)
{
  wanted->rules = rules;
  wanted->list = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_reminder_free);
  wanted->by_uid = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
wanted_clear (Wanted *wanted)
{
  g_clear_pointer (&wanted->by_uid, g_hash_table_unref);
  g_clear_pointer (&wanted->list, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wanted, wanted_clear)

/* What a reminder is about beyond its rule and application: the facts its uid is made
 * of (contact, interview, occurrence) and those its text cites (offer, day). */
typedef struct
{
  const JtContact *contact;
  gint64 interview_id;
  const char *occurrence;
  gint64 offer_id;
  const char *since_day;
} About;

/* Adds a reminder unless its rule is switched off. */
static void
want (Wanted *wanted, JtRule rule, gint64 application_id, const About *about, gint64 due)
{
  g_autoptr (JtReminder) reminder = NULL;
  JtReminder *earlier;

  if (!wanted->rules->config->rule_enabled[rule])
    return;
  /* A record dated near year 9999 (or 1) can put a follow-up where no date can name it. */
  if (due < FIRST_INSTANT || due > LAST_INSTANT)
    return;
  reminder = jt_reminder_new ();
  reminder->rule = rule;
  reminder->application_id = application_id;
  reminder->contact_id = about->contact != NULL ? about->contact->id : 0;
  reminder->interview_id = about->interview_id;
  reminder->offer_id = about->offer_id;
  reminder->since_day = g_strdup (about->since_day);
  reminder->due_at = reminder->fire_at = due;
  reminder->uid = jt_rules_make_uid (rule, application_id, reminder->contact_id,
                                     about->interview_id, about->occurrence);
  earlier = g_hash_table_lookup (wanted->by_uid, reminder->uid);
  if (earlier != NULL)
    {
      if (due < earlier->due_at)
        {
          JtReminder *replaced = g_steal_pointer (&reminder);

          g_hash_table_replace (wanted->by_uid, replaced->uid, replaced);
          g_ptr_array_remove (wanted->list, earlier);
          g_ptr_array_add (wanted->list, replaced);
        }
      return;
    }
  g_hash_table_insert (wanted->by_uid, reminder->uid, reminder);
  g_ptr_array_add (wanted->list, g_steal_pointer (&reminder));
}

/* R1: an interview without its summary. */
static void
rule_summary (Wanted *wanted, const Facts *facts)
{
  for (guint i = 0; i < facts->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (facts->interviews, i);
      gint64 end = interview->start_at + (gint64) interview->duration_min * 60;
      About about = { .interview_id = interview->id };

      if (!jt_text_is_blank (interview->notes))
        continue;
      want (wanted, JT_RULE_SUMMARY, facts->app->id, &about, end);
    }
}

/* R2: a thank-you letter to each person met, whatever the impression. */
static void
rule_thank_you (Wanted *wanted, const Facts *facts)
{
  for (guint i = 0; i < facts->interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (facts->interviews, i);
      gint64 end = interview->start_at + (gint64) interview->duration_min * 60;
      GDate day;
      g_autofree char *met_on = NULL;

      day_of (wanted->rules, interview->start_at, &day);
      met_on = day_text (&day);
      for (guint j = 0; j < interview->interviewers->len; j++)
        {
          About about = { .contact = g_ptr_array_index (interview->interviewers, j),
                          .interview_id = interview->id,
                          .since_day = met_on };

          want (wanted, JT_RULE_THANK_YOU, facts->app->id, &about,
                end + wanted->rules->config->thank_you_delay);
        }
    }
}

/* R3: the decision date passed (or a week went by) without an answer: call. */
static void
rule_follow_up_call (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  g_autoptr (GPtrArray) deciders = NULL;
  g_autoptr (GPtrArray) met = NULL;
  GPtrArray *callees;
  g_autofree char *last_day = NULL;
  GDate day;

  if (!awaiting_decision (facts))
    return;
  if (day_parse (facts->app->decision_date, &day))
    jt_date_next_business_day (&day);
  else if (facts->interviews->len > 0)
    {
      const JtInterview *last = g_ptr_array_index (facts->interviews, facts->interviews->len - 1);

      /* No decision date: counted from the last interview, which the text names. */
      day_of (rules, last->start_at, &day);
      last_day = day_text (&day);
      g_date_add_days (&day, rules->config->follow_up_call_days);
      jt_date_business_forward (&day);
    }
  else
    return;

  deciders = contacts_with_role (facts, JT_ROLE_DECISION_MAKER);
  met = interviewers (facts);
  callees = deciders->len > 0 ? deciders : met;
  for (guint i = 0; i < MAX (callees->len, 1); i++)
    {
      About about = { .contact = callees->len > 0 ? g_ptr_array_index (callees, i) : NULL,
                      .since_day = last_day };

      want (wanted, JT_RULE_FOLLOW_UP_CALL, facts->app->id, &about, call_time (rules, &day));
    }
}

/* R4: another employer's offer expires before this one decides: ask it to decide sooner. */
static void
rule_bring_forward (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  g_autoptr (GPtrArray) deciders = NULL;
  GDate decision;

  if (!awaiting_decision (facts) || !day_parse (facts->app->decision_date, &decision))
    return;
  deciders = contacts_with_role (facts, JT_ROLE_DECISION_MAKER);
  for (guint i = 0; i < facts->across->open_offers->len; i++)
    {
      const JtOffer *offer = g_ptr_array_index (facts->across->open_offers, i);
      GDate soonest, latest, deadline;
      gint64 due;

      if (offer->application_id == facts->app->id || !day_parse (offer->deadline, &deadline)
          || g_date_compare (&deadline, &decision) >= 0)
        continue;
      /* At once (the next business morning), and no later than a few days before the
       * other deadline. */
      day_of (rules, offer->created_at, &soonest);
      jt_date_next_business_day (&soonest);
      latest = deadline;
      jt_date_subtract_days_clamped (&latest, (guint) rules->config->bring_forward_lead_days);
      jt_date_business_backward (&latest);
      due = MIN (call_time (rules, &soonest), call_time (rules, &latest));
      for (guint j = 0; j < MAX (deciders->len, 1); j++)
        {
          About about = { .contact = deciders->len > 0 ? g_ptr_array_index (deciders, j) : NULL,
                          .offer_id = offer->id };

          want (wanted, JT_RULE_BRING_FORWARD, facts->app->id, &about, due);
        }
    }
}

/* R5: the final round is coming: brief the references. */
static void
rule_brief_references (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  const JtInterview *final = NULL;
  g_autoptr (GPtrArray) references = NULL;
  g_autofree char *final_day = NULL;
  GDate day;

  if (jt_status_is_final (facts->app->status))
    return;
  for (guint i = 0; i < facts->interviews->len && final == NULL; i++)
    if (((JtInterview *) g_ptr_array_index (facts->interviews, i))->kind == JT_INTERVIEW_FINAL)
      final = g_ptr_array_index (facts->interviews, i);
  if (final == NULL)
    return;
  day_of (rules, final->start_at, &day);
  final_day = day_text (&day);
  /* The next business day after the final round was recorded. */
  day_of (rules, final->created_at, &day);
  jt_date_next_business_day (&day);
  references = contacts_with_role (facts, JT_ROLE_REFERENCE);
  for (guint i = 0; i < MAX (references->len, 1); i++)
    {
      About about = { .contact = references->len > 0 ? g_ptr_array_index (references, i) : NULL,
                      .since_day = final_day };

      want (wanted, JT_RULE_BRIEF_REFERENCES, facts->app->id, &about, call_time (rules, &day));
    }
}

/* The contact to re-contact: the decision-maker, else HR, else anyone. Borrowed. */
static const JtContact *
recontact_person (const Facts *facts)
{
  const JtContactRole order[] = { JT_ROLE_DECISION_MAKER, JT_ROLE_HR };

  for (guint r = 0; r < G_N_ELEMENTS (order); r++)
    for (guint i = 0; i < facts->contacts->len; i++)
      if (((JtContact *) g_ptr_array_index (facts->contacts, i))->roles & order[r])
        return g_ptr_array_index (facts->contacts, i);
  return facts->contacts->len > 0 ? g_ptr_array_index (facts->contacts, 0) : NULL;
}

/* R6, R7, R8: after a rejection, stay on their radar, and call back months later. */
static void
rule_after_rejection (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  const JtConfig *config = rules->config;
  g_autofree char *rejected_on = NULL;
  GDate rejected, day;

  if (facts->app->status != JT_STATUS_REJECTED)
    return;
  day_of (rules, outcome_time (facts, JT_OUTCOME_REJECTED), &rejected);
  rejected_on = day_text (&rejected);
  for (guint i = 0; i < facts->contacts->len; i++)
    {
      About about = { .contact = g_ptr_array_index (facts->contacts, i) };

      day = rejected;
      g_date_add_days (&day, config->rejection_letter_days);
      want (wanted, JT_RULE_REJECTION_LETTER, facts->app->id, &about, call_time (rules, &day));
      if (!about.contact->hit_it_off)
        continue;
      day = rejected;
      g_date_add_days (&day, config->rapport_call_days);
      jt_date_business_forward (&day);
      want (wanted, JT_RULE_RAPPORT_CALL, facts->app->id, &about, call_time (rules, &day));
    }

  /* Months later the person hired may have left or not worked out. */
  {
    About about = { .contact = recontact_person (facts), .since_day = rejected_on };

    day = rejected;
    g_date_add_months (&day, config->recontact_months);
    want (wanted, JT_RULE_RECONTACT, facts->app->id, &about, call_time (rules, &day));
  }
}

/* R9: an open offer with a deadline: negotiate, then a last call before it expires. */
static void
rule_offer (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  g_autoptr (GPtrArray) deciders = contacts_with_role (facts, JT_ROLE_DECISION_MAKER);
  const JtContact *person = deciders->len > 0 ? g_ptr_array_index (deciders, 0) : NULL;

  for (guint i = 0; i < facts->offers->len; i++)
    {
      const JtOffer *offer = g_ptr_array_index (facts->offers, i);
      g_autofree char *occurrence = g_strdup_printf ("offer-%" G_GINT64_FORMAT, offer->id);
      About about = { .contact = person, .occurrence = occurrence, .offer_id = offer->id };
      GDate received, deadline;

      if ((offer->state != JT_OFFER_OPEN && offer->state != JT_OFFER_NEGOTIATING)
          || !day_parse (offer->deadline, &deadline) || !day_parse (offer->received_on, &received))
        continue;
      g_date_add_days (&received, rules->config->offer_negotiation_days);
      jt_date_business_forward (&received);
      want (wanted, JT_RULE_OFFER_NEGOTIATION, facts->app->id, &about,
            call_time (rules, &received));

      jt_date_subtract_days_clamped (&deadline, (guint) rules->config->offer_deadline_days);
      jt_date_business_backward (&deadline);
      want (wanted, JT_RULE_OFFER_DEADLINE, facts->app->id, &about, call_time (rules, &deadline));
    }
}

/* R10 (acceptance): tell every network contact about the new job. */
static void
rule_network_on_acceptance (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  const GPtrArray *network = facts->across->network;
  GDate day;

  if (facts->app->status != JT_STATUS_ACCEPTED)
    return;
  day_of (rules, outcome_time (facts, JT_OUTCOME_ACCEPTED), &day);
  jt_date_next_business_day (&day);
  for (guint i = 0; i < network->len; i++)
    {
      About about = { .contact = g_ptr_array_index (network, i), .occurrence = "accepted" };

      want (wanted, JT_RULE_NETWORK_UPDATE, facts->app->id, &about, call_time (rules, &day));
    }
}

/* R11: an application sent and then silence. */
static void
rule_application_follow_up (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  g_autoptr (GPtrArray) recruiters = NULL;
  g_autofree char *since_day = NULL;
  About about = { 0 };
  gint64 since;
  GDate day;

  if (facts->app->status != JT_STATUS_APPLIED || facts->interviews->len > 0
      || facts->outcomes->len > 0)
    return;
  since = MAX (facts->app->created_at, status_since (facts, JT_STATUS_APPLIED));
  if (facts->touches->len > 0)
    since = MAX (since,
                 ((JtTouch *) g_ptr_array_index (facts->touches, facts->touches->len - 1))->at);
  day_of (rules, since, &day);
  since_day = day_text (&day);
  g_date_add_days (&day, rules->config->application_follow_up_days);
  jt_date_business_forward (&day);
  recruiters = contacts_with_role (facts, JT_ROLE_RECRUITER);
  about.contact = recruiters->len > 0        ? g_ptr_array_index (recruiters, 0)
                  : facts->contacts->len > 0 ? g_ptr_array_index (facts->contacts, 0)
                                             : NULL;
  about.since_day = since_day;
  want (wanted, JT_RULE_APPLICATION_FOLLOW_UP, facts->app->id, &about, call_time (rules, &day));
}

/* R12: a lead whose saved posting says when it closes: apply before then. */
static void
rule_closing_date (Wanted *wanted, const Facts *facts)
{
  const JtRules *rules = wanted->rules;
  const JtSavedPosting *posting = facts->posting;
  g_autofree char *closes_on = NULL;
  About about = { 0 };
  GDate day;

  if (facts->app->status != JT_STATUS_LEAD || posting == NULL || posting->closes_at == 0)
    return;
  /* A day alone is that day wherever the person is, as the page meant it. */
  if (posting->closes_on_day)
    {
      g_autoptr (GDateTime) utc
          = g_date_time_new_from_unix_utc (CLAMP (posting->closes_at, FIRST_INSTANT, LAST_INSTANT));

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (utc),
                      (GDateMonth) g_date_time_get_month (utc),
                      (GDateYear) g_date_time_get_year (utc));
    }
  else
    day_of (rules, posting->closes_at, &day);
  closes_on = day_text (&day);
  about.since_day = closes_on;
  jt_date_subtract_business_days (&day, (guint) rules->config->closing_date_days);
  want (wanted, JT_RULE_CLOSING_DATE, facts->app->id, &about, call_time (rules, &day));
}

/* ---- Bringing the store in line ---------------------------------------------------- */

/* Whether a stored reminder says what the rules want: the same due time, person, offer
 * and day counted from. Its words are not compared: they are made when shown. */
static gboolean
same_facts (const JtReminder *have, const JtReminder *want_it)
{
  return have->due_at == want_it->due_at && have->contact_id == want_it->contact_id
         && have->offer_id == want_it->offer_id
         && g_strcmp0 (have->since_day, want_it->since_day) == 0;
}

/* Copies the facts the rules want onto a stored reminder. */
static void
take_facts (JtReminder *have, const JtReminder *want_it)
{
  have->due_at = want_it->due_at;
  have->contact_id = want_it->contact_id;
  have->offer_id = want_it->offer_id;
  g_free (have->since_day);
  have->since_day = g_strdup (want_it->since_day);
}

/* Makes the open reminders among `existing` (the store's, for the same scope) match
 * `wanted`. Done and dismissed ones are left as they are, but for the facts their text
 * cites that a database of an older schema could not tell. */
static gboolean
reconcile (const JtRules *rules, JtStore *store, GPtrArray *existing, Wanted *wanted,
           GError **error)
{
  g_autoptr (GHashTable) unclaimed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < existing->len; i++)
    {
      JtReminder *reminder = g_ptr_array_index (existing, i);

      if (reminder->rule != JT_RULE_MANUAL)
        g_hash_table_insert (unclaimed, reminder->uid, reminder);
    }
  for (guint i = 0; i < wanted->list->len; i++)
    {
      JtReminder *want_it = g_ptr_array_index (wanted->list, i);
      JtReminder *have = g_hash_table_lookup (unclaimed, want_it->uid);
      gboolean untold;

      if (have == NULL)
        {
          if (!jt_store_reminder_insert (store, want_it, rules->now, error))
            return FALSE;
          continue;
        }
      g_hash_table_remove (unclaimed, want_it->uid);
      /* What an upgraded database's follow-up lacks is filled in, not counted as a move. */
      untold = (have->since_day == NULL && want_it->since_day != NULL)
               || (have->offer_id == 0 && want_it->offer_id != 0);
      if (have->state == JT_REMINDER_DONE || have->state == JT_REMINDER_DISMISSED)
        {
          if (!untold)
            continue;
          if (have->since_day == NULL)
            have->since_day = g_strdup (want_it->since_day);
          if (have->offer_id == 0)
            have->offer_id = want_it->offer_id;
          if (!jt_store_reminder_update (store, have, rules->now, error))
            return FALSE;
          continue;
        }
      if (same_facts (have, want_it))
        continue;
      /* Its calendar entry changes: a new SEQUENCE makes clients take it. */
      if (have->due_at != want_it->due_at || have->contact_id != want_it->contact_id
          || (have->offer_id != 0 && have->offer_id != want_it->offer_id)
          || (have->since_day != NULL && g_strcmp0 (have->since_day, want_it->since_day) != 0))
        have->revision++;
      /* A snooze keeps its own time; a pending reminder moves with its due time. */
      if (have->state == JT_REMINDER_PENDING)
        have->fire_at = want_it->due_at;
      take_facts (have, want_it);
      if (!jt_store_reminder_update (store, have, rules->now, error))
        return FALSE;
    }

  /* What the records no longer call for goes, unless it was already acted on. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, unclaimed);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        JtReminder *stale = value;

        if ((stale->state == JT_REMINDER_PENDING || stale->state == JT_REMINDER_SNOOZED)
            && !jt_store_reminder_delete (store, stale->id, error))
          return FALSE;
      }
  }
  return TRUE;
}

/* Each of `reminders`' revision by id, before reconcile raises some: keys borrowed. */
static GHashTable *
revisions_of (GPtrArray *reminders)
{
  GHashTable *revisions = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < reminders->len; i++)
    {
      JtReminder *reminder = g_ptr_array_index (reminders, i);

      g_hash_table_insert (revisions, &reminder->id, GINT_TO_POINTER (reminder->revision));
    }
  return revisions;
}

/* The calendar revisions of an application's reminders (or, with `application_id` 0, a
 * network contact's), read again as reconcile left them. */
static gboolean
refresh_reminders (const JtRules *rules, JtStore *store, GHashTable *before, gint64 application_id,
                   gint64 contact_id, GError **error)
{
  g_autoptr (GPtrArray) now_stored
      = application_id != 0 ? jt_store_reminder_list_for_application (store, application_id, error)
                            : jt_store_reminder_list_network (store, contact_id, error);

  return now_stored != NULL
         && jt_calendar_identity_refresh_reminders (store, now_stored, before, rules->config,
                                                    rules->tz, rules->now, error);
}

static gboolean
derive_application (JtRules *rules, JtStore *store, const Across *across, gint64 application_id,
                    GError **error)
{
  GError *local_error = NULL;
  JtApplication *app = jt_store_application_get (store, application_id, &local_error);
  g_auto (Facts) facts = { 0 };
  g_auto (Wanted) wanted = { 0 };
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GHashTable) before = NULL;

  /* Removed in this transaction: its reminders went with it. */
  if (g_error_matches (local_error, JT_ERROR, JT_ERROR_NOT_FOUND))
    {
      g_error_free (local_error);
      return TRUE;
    }
  if (app == NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!facts_read (store, app, across, &facts, error))
    return FALSE;
  wanted_init (&wanted, rules);
  rule_summary (&wanted, &facts);
  rule_thank_you (&wanted, &facts);
  rule_follow_up_call (&wanted, &facts);
  rule_bring_forward (&wanted, &facts);
  rule_brief_references (&wanted, &facts);
  rule_after_rejection (&wanted, &facts);
  rule_offer (&wanted, &facts);
  rule_network_on_acceptance (&wanted, &facts);
  rule_application_follow_up (&wanted, &facts);
  rule_closing_date (&wanted, &facts);

  existing = jt_store_reminder_list_for_application (store, application_id, error);
  if (existing == NULL)
    return FALSE;
  before = revisions_of (existing);
  return reconcile (rules, store, existing, &wanted, error)
         && jt_calendar_identity_refresh_interviews (store, app, facts.interviews, error)
         && refresh_reminders (rules, store, before, application_id, 0, error);
}

/* R10: every so often, an update to a network contact, counted from the last touch. */
static gboolean
derive_network (JtRules *rules, JtStore *store, gint64 contact_id, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (JtContact) person = jt_store_contact_get (store, contact_id, &local_error);
  g_autoptr (GPtrArray) touches = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_auto (Wanted) wanted = { 0 };

  if (g_error_matches (local_error, JT_ERROR, JT_ERROR_NOT_FOUND))
    {
      g_error_free (local_error);
      return TRUE;
    }
  if (person == NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  wanted_init (&wanted, rules);
  if (person->network)
    {
      gint64 since = person->created_at;
      g_autofree char *since_day = NULL;
      About about = { .contact = person };
      GDate day;

      if ((touches = jt_store_touch_list (store, 0, contact_id, error)) == NULL)
        return FALSE;
      if (touches->len > 0)
        since = MAX (since, ((JtTouch *) g_ptr_array_index (touches, touches->len - 1))->at);
      day_of (rules, since, &day);
      since_day = day_text (&day);
      g_date_add_days (&day, rules->config->network_days);
      jt_date_business_forward (&day);
      /* Each stretch of silence is its own reminder, so one marked done stays done. */
      about.occurrence = about.since_day = since_day;
      want (&wanted, JT_RULE_NETWORK_UPDATE, 0, &about, call_time (rules, &day));
    }
  existing = jt_store_reminder_list_network (store, contact_id, error);
  if (existing == NULL)
    return FALSE;
  before = revisions_of (existing);
  return reconcile (rules, store, existing, &wanted, error)
         && refresh_reminders (rules, store, before, 0, contact_id, error);
}

gboolean
jt_rules_derive_everything (JtRules *rules, JtStore *store, GError **error)
{
  g_autoptr (GPtrArray) apps = jt_store_application_list (store, error);
  g_auto (Across) across = { 0 };

  if (apps == NULL || !across_read (store, &across, error))
    return FALSE;
  for (guint i = 0; i < apps->len; i++)
    if (!derive_application (rules, store, &across,
                             ((JtApplication *) g_ptr_array_index (apps, i))->id, error))
      return FALSE;
  for (guint i = 0; i < across.network->len; i++)
    if (!derive_network (rules, store, ((JtContact *) g_ptr_array_index (across.network, i))->id,
                         error))
      return FALSE;
  return TRUE;
}

static void
add_ids (GHashTable *set, GArray *ids)
{
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, &g_array_index (ids, gint64, i));
}

/* The commit hook: derive whatever the transaction's changes may have touched. */
static gboolean
derive_changes (JtStore *store, const JtStoreChanges *changes, gpointer user_data, GError **error)
{
  JtRules *rules = user_data;
  g_autoptr (GHashTable) apps = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean other_rules;
  g_autoptr (GArray) open = NULL;
  g_auto (Across) across = { 0 };
  g_autoptr (GPtrArray) linked
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key;

  /* Reminders made under another call hour, rule set or zone are all re-derived once. */
  if (!derived_under_other_rules (rules, store, &other_rules, error))
    return FALSE;
  if (other_rules)
    {
      /* Everything covers the network as it is now; a contact who just left it is in
       * the changes. */
      if (!jt_rules_derive_everything (rules, store, error)
          || !jt_store_set_setting (store, FINGERPRINT_SETTING, rules_fingerprint (rules), error))
        return FALSE;
      g_hash_table_iter_init (&iter, changes->contacts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!derive_network (rules, store, *(gint64 *) key, error))
          return FALSE;
      return TRUE;
    }

  g_hash_table_iter_init (&iter, changes->applications);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (apps, key);
  if (changes->open_applications)
    {
      if ((open = jt_store_application_open_ids (store, error)) == NULL)
        return FALSE;
      add_ids (apps, open);
    }
  /* A contact's flags and roles change who the reminders of their applications address,
   * and a network contact is told of an acceptance. */
  g_hash_table_iter_init (&iter, changes->contacts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GPtrArray *their_apps;

      if (!derive_network (rules, store, *(gint64 *) key, error)
          || (their_apps = jt_store_contact_applications (store, *(gint64 *) key, error)) == NULL)
        return FALSE;
      g_ptr_array_add (linked, their_apps);
      for (guint i = 0; i < their_apps->len; i++)
        g_hash_table_add (apps, &((JtApplication *) g_ptr_array_index (their_apps, i))->id);
    }
  if (!across_read (store, &across, error))
    return FALSE;
  if (g_hash_table_size (changes->contacts) > 0)
    add_ids (apps, across.accepted);
  g_hash_table_iter_init (&iter, apps);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!derive_application (rules, store, &across, *(gint64 *) key, error))
      return FALSE;
  return TRUE;
}

JtStore *
jt_rules_open_store (JtRules *rules, const char *path, JtStoreMode mode, GError **error)
{
  if (mode == JT_STORE_READ_ONLY)
    return jt_store_open (path, mode, NULL, NULL, error);
  /* Without rules, the store refuses to open a writer. */
  return jt_store_open (path, mode, rules != NULL ? derive_changes : NULL, rules, error);
}

void
jt_rules_attach (JtRules *rules, JtStore *store)
{
  jt_store_set_commit_hook (store, derive_changes, rules);
}

gboolean
jt_rules_bring_up_to_date (JtRules *rules, JtStore *store, GError **error)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, error);
  gboolean other_rules;

  if (txn == NULL || !derived_under_other_rules (rules, store, &other_rules, error))
    return FALSE;
  if (other_rules
      && (!jt_rules_derive_everything (rules, store, error)
          || !jt_store_set_setting (store, FINGERPRINT_SETTING, rules_fingerprint (rules), error)))
    return FALSE;
  return jt_transaction_commit (g_steal_pointer (&txn), error);
}

gboolean
jt_rules_application_is_quiet (const JtRules *rules, const JtApplication *app)
{
  return !jt_status_is_final (app->status)
         && rules->now - app->last_activity_at
                >= (gint64) rules->config->quiet_days * JT_DAY_SECONDS;
}
