/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-events.c: one event's text, libical's (see jt-ical-events.h). */
#include "jt-ical-events.h"

#include <inttypes.h>
#include <libical/ical.h>
#include <string.h>

#include "jt-i18n.h"
#include "jt-ical-export.h"
#include "jt-text.h"

/* A follow-up is a task, not a meeting: a short slot at its time. */
#define REMINDER_MINUTES 15

/* ---- Text ------------------------------------------------------------------------- */

/* Appends record text as libical should get it (jt-text.h): libical drops "\r" and
 * writes other control characters raw. SUMMARY and LOCATION are one line
 * (`one_line`): calcurse refuses an event whose SUMMARY holds a line break, and no
 * calendar shows one. NULL appends nothing. */
static inline void
append_clean (GString *out, const char *text, gboolean one_line)
{
  jt_text_append_clean (out, text, one_line ? JT_TEXT_ONE_LINE : JT_TEXT_LINES, -1);
}

/* Starts a new line of `out` unless it is empty. */
static void
new_line (GString *out)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
}

/* "Globex, SRE", or "Globex" when the role is not known. */
static void
append_company_role (GString *out, const char *company, const char *role)
{
  g_autofree char *label = jt_text_app_label (company, role);

  append_clean (out, label, TRUE);
}

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t) unix_seconds, 0, icaltimezone_get_utc_timezone ());
}

/* ---- The frame ------------------------------------------------------------------ */

struct _JtIcalEventFrame
{
  char *begin; /* "BEGIN:VEVENT" */
  char *end;   /* "END:VEVENT" */
  char *alarm_begin;
  char *alarm_end;
  char *duration;
  char *confirmed;
  char *cancelled;
  char *alarm_action;
  char *alarm_trigger;
  char *categories[JT_RULE_COUNT];
  char *interview_categories;
};

/* libical's text for `property`, new. */
static char *
property_text (icalproperty *property)
{
  char *printed = icalproperty_as_ical_string_r (property);
  char *text = g_strdup (printed);

  icalmemory_free_buffer (printed);
  return text;
}

/* libical's text for `property`, which is freed. New string. */
static char *
print_property (icalproperty *property)
{
  char *text = property_text (property);

  icalproperty_free (property);
  return text;
}

/* The BEGIN and END lines libical prints for a component of `kind`. */
static void
print_begin_end (icalcomponent_kind kind, char **begin, char **end)
{
  icalcomponent *empty = icalcomponent_new (kind);
  char *printed = icalcomponent_as_ical_string_r (empty);
  const char *split = g_strstr_len (printed, -1, "END:");

  g_assert (split != NULL);
  *begin = g_strndup (printed, split - printed);
  *end = g_strdup (split);
  icalmemory_free_buffer (printed);
  icalcomponent_free (empty);
}

JtIcalEventFrame *
jt_ical_event_frame_new (void)
{
  JtIcalEventFrame *f = g_new0 (JtIcalEventFrame, 1);
  struct icaltriggertype trigger = { 0 };

  /* libical sets its zones up on first use; do that before any thread does. */
  icaltimezone_get_utc_timezone ();
  print_begin_end (ICAL_VEVENT_COMPONENT, &f->begin, &f->end);
  print_begin_end (ICAL_VALARM_COMPONENT, &f->alarm_begin, &f->alarm_end);
  /* Every follow-up is as long: a constant DURATION, not a DTEND to print each time. */
  f->duration = print_property (
      icalproperty_new_duration (icaldurationtype_from_int (REMINDER_MINUTES * 60)));
  f->confirmed = print_property (icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  f->cancelled = print_property (icalproperty_new_status (ICAL_STATUS_CANCELLED));
  f->alarm_action = print_property (icalproperty_new_action (ICAL_ACTION_DISPLAY));
  /* A display alarm at the start: TRIGGER:PT0S, a zero duration (which libical prints
   * as PT0S, never as a bare "P"). */
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  f->alarm_trigger = print_property (icalproperty_new_trigger (trigger));
  for (int rule = 0; rule < JT_RULE_COUNT; rule++)
    {
      /* A list: libical writes the comma as the separator of two categories. */
      g_autofree char *categories
          = g_strdup_printf ("jobtrack,%s", jt_rule_to_string ((JtRule) rule));

      f->categories[rule] = print_property (icalproperty_new_categories (categories));
    }
  f->interview_categories = print_property (icalproperty_new_categories ("jobtrack,interview"));
  return f;
}

void
jt_ical_event_frame_free (JtIcalEventFrame *f)
{
  if (f == NULL)
    return;
  g_free (f->begin);
  g_free (f->end);
  g_free (f->alarm_begin);
  g_free (f->alarm_end);
  g_free (f->duration);
  g_free (f->confirmed);
  g_free (f->cancelled);
  g_free (f->alarm_action);
  g_free (f->alarm_trigger);
  for (int rule = 0; rule < JT_RULE_COUNT; rule++)
    g_free (f->categories[rule]);
  g_free (f->interview_categories);
  g_free (f);
}

/* ---- The printer ---------------------------------------------------------------- */

struct _JtIcalEventPrinter
{
  const JtIcalEventFrame *frame;
  icalproperty *uid;
  icalproperty *dtstamp;
  icalproperty *last_modified;
  icalproperty *sequence;
  icalproperty *dtstart;
  icalproperty *dtend;
  icalproperty *summary;
  icalproperty *location;
  icalproperty *description;
  icalproperty *alarm_description;
  GString *scratch;
  /* libical's text for values seen before: many follow-ups share a time (the rules put
   * calls at the call hour) or a last change (derived together). gint64 -> char*. */
  GHashTable *stamps; /* updated_at -> its DTSTAMP and LAST-MODIFIED lines */
  GHashTable *starts; /* start -> its DTSTART line */
  GHashTable *ends;
  GHashTable *sequences;
};

/* A printer forgets what it printed past this many values of a kind. */
#define MAX_REMEMBERED 4096

static GHashTable *
new_texts (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* The values are placeholders until the first event. */
JtIcalEventPrinter *
jt_ical_event_printer_new (const JtIcalEventFrame *frame)
{
  JtIcalEventPrinter *p = g_new0 (JtIcalEventPrinter, 1);
  struct icaltimetype epoch = utc_time (0);

  p->frame = frame;
  p->uid = icalproperty_new_uid ("-");
  p->dtstamp = icalproperty_new_dtstamp (epoch);
  p->last_modified = icalproperty_new_lastmodified (epoch);
  p->sequence = icalproperty_new_sequence (0);
  p->dtstart = icalproperty_new_dtstart (epoch);
  p->dtend = icalproperty_new_dtend (epoch);
  p->summary = icalproperty_new_summary ("-");
  p->location = icalproperty_new_location ("-");
  p->description = icalproperty_new_description ("-");
  p->alarm_description = icalproperty_new_description ("-");
  p->scratch = g_string_sized_new (1024);
  p->stamps = new_texts ();
  p->starts = new_texts ();
  p->ends = new_texts ();
  p->sequences = new_texts ();
  return p;
}

void
jt_ical_event_printer_free (JtIcalEventPrinter *p)
{
  if (p == NULL)
    return;
  icalproperty_free (p->uid);
  icalproperty_free (p->dtstamp);
  icalproperty_free (p->last_modified);
  icalproperty_free (p->sequence);
  icalproperty_free (p->dtstart);
  icalproperty_free (p->dtend);
  icalproperty_free (p->summary);
  icalproperty_free (p->location);
  icalproperty_free (p->description);
  icalproperty_free (p->alarm_description);
  g_string_free (p->scratch, TRUE);
  g_hash_table_unref (p->stamps);
  g_hash_table_unref (p->starts);
  g_hash_table_unref (p->ends);
  g_hash_table_unref (p->sequences);
  g_free (p);
}

/* The text remembered for `value`, or NULL. */
static const char *
remembered (GHashTable *texts, gint64 value)
{
  return g_hash_table_lookup (texts, &value);
}

/* Remembers `text` (taken) for `value`; returns it. */
static const char *
remember (GHashTable *texts, gint64 value, char *text)
{
  if (g_hash_table_size (texts) >= MAX_REMEMBERED)
    g_hash_table_remove_all (texts);
  g_hash_table_insert (texts, g_memdup2 (&value, sizeof value), text);
  return text;
}

/* DTSTAMP and LAST-MODIFIED, both the record's last change. */
static const char *
stamp_lines (JtIcalEventPrinter *p, gint64 updated_at)
{
  const char *text = remembered (p->stamps, updated_at);
  struct icaltimetype updated;
  g_autofree char *dtstamp = NULL;
  g_autofree char *last_modified = NULL;

  if (text != NULL)
    return text;
  updated = utc_time (updated_at);
  icalproperty_set_dtstamp (p->dtstamp, updated);
  icalproperty_set_lastmodified (p->last_modified, updated);
  dtstamp = property_text (p->dtstamp);
  last_modified = property_text (p->last_modified);
  return remember (p->stamps, updated_at, g_strconcat (dtstamp, last_modified, NULL));
}

static const char *
start_line (JtIcalEventPrinter *p, gint64 start)
{
  const char *text = remembered (p->starts, start);

  if (text != NULL)
    return text;
  icalproperty_set_dtstart (p->dtstart, utc_time (start));
  return remember (p->starts, start, property_text (p->dtstart));
}

static const char *
end_line (JtIcalEventPrinter *p, gint64 end)
{
  const char *text = remembered (p->ends, end);

  if (text != NULL)
    return text;
  icalproperty_set_dtend (p->dtend, utc_time (end));
  return remember (p->ends, end, property_text (p->dtend));
}

static const char *
sequence_line (JtIcalEventPrinter *p, int sequence)
{
  const char *text = remembered (p->sequences, sequence);

  if (text != NULL)
    return text;
  icalproperty_set_sequence (p->sequence, sequence);
  return remember (p->sequences, sequence, property_text (p->sequence));
}

/* Appends `property` as libical prints it. */
static void
append_property (GString *out, icalproperty *property)
{
  char *text = icalproperty_as_ical_string_r (property);

  g_string_append (out, text);
  icalmemory_free_buffer (text);
}

/* ---- Follow-ups ----------------------------------------------------------------- */

/* The cleaned one-line text, in the scratch buffer (valid until the next call). */
static const char *
scratch_clean_line (JtIcalEventPrinter *p, const char *text)
{
  g_string_truncate (p->scratch, 0);
  append_clean (p->scratch, text, TRUE);
  return p->scratch->str;
}

/* The context, who and how to reach them, the application, the first lines of the
 * letter's draft and the reminder's number, appended to `text`: the calendar's and the
 * synced task's DESCRIPTION alike. */
void
jt_ical_reminder_description_append (GString *text, const JtReminder *reminder, const char *draft)
{
  append_clean (text, reminder->detail, FALSE);
  if (reminder->contact_name != NULL || reminder->contact_phone != NULL
      || reminder->contact_email != NULL)
    {
      const char *parts[]
          = { reminder->contact_name, reminder->contact_phone, reminder->contact_email };
      gboolean first = TRUE;

      new_line (text);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && *parts[i] != '\0')
          {
            if (!first)
              g_string_append (text, " · ");
            append_clean (text, parts[i], TRUE);
            first = FALSE;
          }
    }
  if (reminder->application_id != 0)
    {
      new_line (text);
      append_company_role (text, reminder->company, reminder->role);
      g_string_append_printf (text, _ (" (application %" PRId64 ")"), reminder->application_id);
    }
  if (draft != NULL)
    {
      new_line (text);
      /* TRANSLATORS: the command stays as it is; a letter's draft follows. */
      g_string_append_printf (text, _ ("\nDraft (jobtrack letter --reminder %" PRId64 "):\n"),
                              reminder->id);
      append_clean (text, draft, FALSE);
      g_string_append_c (text, '\n');
    }
  new_line (text);
  /* TRANSLATORS: names the follow-up by its id, as `jobtrack done ID` takes it. */
  g_string_append_printf (text, _ ("jobtrack reminder %" PRId64), reminder->id);
}

/* The same, in the scratch buffer. */
static const char *
reminder_description (JtIcalEventPrinter *p, const JtReminder *reminder, const char *draft)
{
  g_string_truncate (p->scratch, 0);
  jt_ical_reminder_description_append (p->scratch, reminder, draft);
  return p->scratch->str;
}

/* When the follow-up shows: the end of its snooze, else its due time (as `agenda`
 * tells it). */
static gint64
reminder_start (const JtReminder *reminder)
{
  return reminder->state == JT_REMINDER_SNOOZED ? reminder->fire_at : reminder->due_at;
}

/* DTSTAMP and LAST-MODIFIED are the last change of the record or of what its text shows
 * (a contact renamed), so an unchanged record exports the same text. */
void
jt_ical_event_append_reminder (JtIcalEventPrinter *p, GString *out, const JtReminder *reminder,
                               const char *draft)
{
  const JtIcalEventFrame *f = p->frame;
  gboolean closed = reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED;
  const char *title;

  icalproperty_set_uid (p->uid, reminder->uid);
  title = scratch_clean_line (p, reminder->title);
  icalproperty_set_summary (p->summary, title);
  icalproperty_set_description (p->alarm_description, title);
  icalproperty_set_description (p->description, reminder_description (p, reminder, draft));

  g_string_append (out, f->begin);
  append_property (out, p->uid);
  g_string_append (out, stamp_lines (p, reminder->text_updated_at));
  g_string_append (out, sequence_line (p, MAX (reminder->revision, 0)));
  g_string_append (out, start_line (p, reminder_start (reminder)));
  g_string_append (out, f->duration);
  append_property (out, p->summary);
  append_property (out, p->description);
  g_string_append (out, f->categories[reminder->rule]);
  g_string_append (out, closed ? f->cancelled : f->confirmed);
  /* Nothing rings for a follow-up that is done or dismissed. */
  if (!closed)
    {
      g_string_append (out, f->alarm_begin);
      g_string_append (out, f->alarm_action);
      append_property (out, p->alarm_description);
      g_string_append (out, f->alarm_trigger);
      g_string_append (out, f->alarm_end);
    }
  g_string_append (out, f->end);
}

/* ---- Interviews ----------------------------------------------------------------- */

/* "Interview (phone) — Globex, SRE", in the scratch buffer. */
static const char *
interview_summary (JtIcalEventPrinter *p, const JtInterview *interview, const char *company,
                   const char *role)
{
  GString *text = p->scratch;

  g_string_truncate (text, 0);
  /* TRANSLATORS: the interview's kind, as jobtrack names it (phone, video, onsite, …). */
  g_string_append_printf (text, _ ("Interview (%s)"),
                          jt_interview_kind_to_string (interview->kind));
  if (company != NULL)
    {
      g_string_append (text, " — ");
      append_company_role (text, company, role);
    }
  return text->str;
}

/* The people met, one a line ("Raj Patel, CTO · raj@globex.example · +44 …"), and the
 * interview's number, in the scratch buffer. */
static const char *
interview_description (JtIcalEventPrinter *p, const JtInterview *interview)
{
  GString *text = p->scratch;

  g_string_truncate (text, 0);
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *person = g_ptr_array_index (interview->interviewers, i);

      new_line (text);
      append_clean (text, person->name, TRUE);
      if (person->title != NULL && *person->title != '\0')
        {
          g_string_append (text, ", ");
          append_clean (text, person->title, TRUE);
        }
      if (person->email != NULL && *person->email != '\0')
        {
          g_string_append (text, " · ");
          append_clean (text, person->email, TRUE);
        }
      if (person->phone != NULL && *person->phone != '\0')
        {
          g_string_append (text, " · ");
          append_clean (text, person->phone, TRUE);
        }
    }
  new_line (text);
  g_string_append_printf (text, _ ("jobtrack interview %" PRId64), interview->id);
  return text->str;
}

/* No alarm: the invitation in the person's own calendar usually has one already. */
void
jt_ical_event_append_interview (JtIcalEventPrinter *p, GString *out, const JtInterview *interview,
                                const char *company, const char *role)
{
  const JtIcalEventFrame *f = p->frame;
  char uid[64];
  gboolean has_place = interview->place != NULL && *interview->place != '\0';

  g_snprintf (uid, sizeof uid, "interview-%" G_GINT64_FORMAT JT_ICAL_UID_SUFFIX, interview->id);
  icalproperty_set_uid (p->uid, uid);
  icalproperty_set_summary (p->summary, interview_summary (p, interview, company, role));
  if (has_place)
    icalproperty_set_location (p->location, scratch_clean_line (p, interview->place));
  icalproperty_set_description (p->description, interview_description (p, interview));

  g_string_append (out, f->begin);
  append_property (out, p->uid);
  g_string_append (out, stamp_lines (p, interview->updated_at));
  g_string_append (out, sequence_line (p, MAX (interview->revision, 0)));
  g_string_append (out, start_line (p, interview->start_at));
  g_string_append (out, end_line (p, interview->start_at + (gint64) interview->duration_min * 60));
  append_property (out, p->summary);
  if (has_place)
    append_property (out, p->location);
  append_property (out, p->description);
  g_string_append (out, f->interview_categories);
  g_string_append (out, f->confirmed);
  g_string_append (out, f->end);
}
