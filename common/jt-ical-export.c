/* jt-ical-export.c: the follow-up calendar, made of libical objects and printed by
 * libical (which escapes text, ends lines with CRLF and folds them at 75 octets).
 *
 * Only the _r (reentrant) libical functions are used: the daemon calls this too, and
 * large calendars are printed on several threads, each with its own objects. (The
 * only state libical shares between them is pvl.c's list-id counters, which nothing
 * reads: a race on them is harmless, and helgrind's only complaint.) */
#include "jt-ical-export.h"

#include <libical/ical.h>
#include <string.h>

#include "jt-error.h"
#include "jt-letter.h"
#include "jt-records.h"
#include "jt-store.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-store-reminders.h"
#include "jt-version.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define PRODID "-//jobtrack//jobtrack " JT_VERSION "//EN"
#define CALENDAR_NAME "jobtrack follow-ups"
/* A follow-up is a task, not a meeting: a short slot at its time. */
#define REMINDER_MINUTES 15

/* ---- Text ------------------------------------------------------------------------- */

/* Whether byte `p` starts something libical must not get: a control character (C0, DEL,
 * or C1, which UTF-8 writes as 0xC2 0x80..0x9F), except "\n" in text of several lines. */
static inline gboolean
needs_cleaning (const guchar *p, gboolean one_line)
{
  return (*p < 0x20 && (*p != '\n' || one_line)) || *p == 0x7f
         || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f);
}

/* Appends record text as libical should get it: valid UTF-8; CRLF and lone CR as "\n"
 * (libical drops "\r"), or every line break as a space when `one_line`; tabs and every
 * other control character as a space (libical writes them raw). NULL appends nothing.
 *
 * SUMMARY and LOCATION are one line: calcurse refuses an event whose SUMMARY holds a
 * line break, and no calendar shows one. */
static void
append_clean (GString *out, const char *text, gboolean one_line)
{
  g_autofree char *valid = NULL;
  const guchar *p;
  const guchar *run;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  for (p = run = (const guchar *) text; *p != '\0'; p++)
    {
      if (!needs_cleaning (p, one_line))
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\r' || *p == '\n')
        {
          g_string_append_c (out, one_line ? ' ' : '\n');
          if (*p == '\r' && p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (out, ' ');
          if (*p == 0xc2)
            p++;
        }
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
}

/* The cleaned text as a new string. */
static char *
clean_text (const char *text, gboolean one_line)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  append_clean (out, text, one_line);
  return g_string_free (out, FALSE);
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
  append_clean (out, company, TRUE);
  if (role != NULL && *role != '\0')
    {
      g_string_append (out, ", ");
      append_clean (out, role, TRUE);
    }
}

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t) unix_seconds, 0,
                                        icaltimezone_get_utc_timezone ());
}

/* ---- Reminders -------------------------------------------------------------------- */

/* Printing is most of an export's time, so a reminder's VEVENT is not built as a libical
 * tree and printed whole. The properties that differ from one reminder to the next are
 * libical objects made once and refilled; each is printed by libical on its own. What is
 * the same in every event (its BEGIN and END lines, DURATION, STATUS, the alarm's
 * ACTION and TRIGGER, CATEGORIES per rule) is printed by libical once and reused, and so
 * is the text of a time or a number already printed for another event. The
 * text is what libical prints for the whole event, in the same order: a component's
 * properties, then its subcomponents. */
typedef struct
{
  char *begin;  /* "BEGIN:VEVENT" */
  char *end;    /* "END:VEVENT" */
  char *alarm_begin;
  char *alarm_end;
  char *duration;
  char *confirmed;
  char *cancelled;
  char *alarm_action;
  char *alarm_trigger;
  char *categories[JT_RULE_COUNT];
} EventFrame;

/* What one thread refills and prints, one reminder after another. */
typedef struct
{
  const EventFrame *frame;
  icalproperty *uid;
  icalproperty *dtstamp;
  icalproperty *last_modified;
  icalproperty *sequence;
  icalproperty *dtstart;
  icalproperty *summary;
  icalproperty *description;
  icalproperty *alarm_description;
  GString *scratch;
  /* libical's text for values seen before: many follow-ups share a time (the rules put
   * calls at the call hour) or a last change (derived together). gint64 -> char*. */
  GHashTable *stamps;  /* updated_at -> its DTSTAMP and LAST-MODIFIED lines */
  GHashTable *starts;  /* start -> its DTSTART line */
  GHashTable *sequences;
} ReminderPrinter;

/* A printer forgets what it printed past this many values of a kind. */
#define MAX_REMEMBERED 4096

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
  g_autoptr (icalcomponent) empty = icalcomponent_new (kind);
  char *printed = icalcomponent_as_ical_string_r (empty);
  const char *split = g_strstr_len (printed, -1, "END:");

  g_assert (split != NULL);
  *begin = g_strndup (printed, split - printed);
  *end = g_strdup (split);
  icalmemory_free_buffer (printed);
}

static void
event_frame_init (EventFrame *f)
{
  struct icaltriggertype trigger = { 0 };

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
}

static void
event_frame_clear (EventFrame *f)
{
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
}

/* The values are placeholders until the first reminder. */
static void
reminder_printer_init (ReminderPrinter *p, const EventFrame *frame)
{
  struct icaltimetype epoch = utc_time (0);

  p->frame = frame;
  p->uid = icalproperty_new_uid ("-");
  p->dtstamp = icalproperty_new_dtstamp (epoch);
  p->last_modified = icalproperty_new_lastmodified (epoch);
  p->sequence = icalproperty_new_sequence (0);
  p->dtstart = icalproperty_new_dtstart (epoch);
  p->summary = icalproperty_new_summary ("-");
  p->description = icalproperty_new_description ("-");
  p->alarm_description = icalproperty_new_description ("-");
  p->scratch = g_string_sized_new (1024);
  p->stamps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  p->starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  p->sequences = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
reminder_printer_clear (ReminderPrinter *p)
{
  icalproperty *properties[] = { p->uid,     p->dtstamp, p->last_modified, p->sequence,
                                 p->dtstart, p->summary, p->description,   p->alarm_description };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    icalproperty_free (properties[i]);
  g_string_free (p->scratch, TRUE);
  g_hash_table_unref (p->stamps);
  g_hash_table_unref (p->starts);
  g_hash_table_unref (p->sequences);
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
stamp_lines (ReminderPrinter *p, gint64 updated_at)
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
start_line (ReminderPrinter *p, gint64 start)
{
  const char *text = remembered (p->starts, start);

  if (text != NULL)
    return text;
  icalproperty_set_dtstart (p->dtstart, utc_time (start));
  return remember (p->starts, start, property_text (p->dtstart));
}

static const char *
sequence_line (ReminderPrinter *p, int sequence)
{
  const char *text = remembered (p->sequences, sequence);

  if (text != NULL)
    return text;
  icalproperty_set_sequence (p->sequence, sequence);
  return remember (p->sequences, sequence, property_text (p->sequence));
}

/* The cleaned one-line text, in the scratch buffer (valid until the next call). */
static const char *
scratch_clean_line (ReminderPrinter *p, const char *text)
{
  g_string_truncate (p->scratch, 0);
  append_clean (p->scratch, text, TRUE);
  return p->scratch->str;
}

/* The context, who and how to reach them, the application, the first lines of the
 * letter's draft (`draft`, or NULL) and the reminder's number (for `jobtrack done N`), in
 * the scratch buffer. */
static const char *
reminder_description (ReminderPrinter *p, const JtReminder *reminder, const char *draft)
{
  GString *text = p->scratch;

  g_string_truncate (text, 0);
  append_clean (text, reminder->detail, FALSE);
  if (reminder->contact_name != NULL || reminder->contact_phone != NULL
      || reminder->contact_email != NULL)
    {
      const char *parts[] = { reminder->contact_name, reminder->contact_phone,
                              reminder->contact_email };
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
      g_string_append_printf (text, " (application %" G_GINT64_FORMAT ")",
                              reminder->application_id);
    }
  if (draft != NULL)
    {
      new_line (text);
      g_string_append (text, "\nDraft (jobtrack letter --reminder ");
      g_string_append_printf (text, "%" G_GINT64_FORMAT "):\n", reminder->id);
      append_clean (text, draft, FALSE);
      g_string_append_c (text, '\n');
    }
  new_line (text);
  g_string_append_printf (text, "jobtrack reminder %" G_GINT64_FORMAT, reminder->id);
  return text->str;
}

/* When the follow-up shows: the end of its snooze, else its due time (as `agenda`
 * tells it). */
static gint64
reminder_start (const JtReminder *reminder)
{
  return reminder->state == JT_REMINDER_SNOOZED ? reminder->fire_at : reminder->due_at;
}

/* Appends `property` as libical prints it. */
static void
append_property (GString *out, icalproperty *property)
{
  char *text = icalproperty_as_ical_string_r (property);

  g_string_append (out, text);
  icalmemory_free_buffer (text);
}

/* Appends the reminder's VEVENT to `out`. DTSTAMP and LAST-MODIFIED are the record's
 * last change, so an unchanged record exports the same text. */
static void
append_reminder (GString *out, ReminderPrinter *p, const JtReminder *reminder,
                 const char *draft)
{
  const EventFrame *f = p->frame;
  gboolean closed
      = reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED;
  const char *title;

  icalproperty_set_uid (p->uid, reminder->uid);
  title = scratch_clean_line (p, reminder->title);
  icalproperty_set_summary (p->summary, title);
  icalproperty_set_description (p->alarm_description, title);
  icalproperty_set_description (p->description, reminder_description (p, reminder, draft));

  g_string_append (out, f->begin);
  append_property (out, p->uid);
  g_string_append (out, stamp_lines (p, reminder->updated_at));
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

/* Reminders are read in batches. While one batch is printed, in slices, one thread
 * each, the next is read from the database; the slices are then handed on in order.
 * So reading and printing share the cores, and memory holds two batches, not the
 * calendar. */
#define BATCH_SIZE 2048
#define MAX_THREADS 4
#define MIN_EVENTS_PER_THREAD 256

/* Open letters carry the first lines of their draft, read while the batch is read (a
 * draft takes a few queries, ~0.1 ms). A person has a handful of letters to write; a
 * calendar with thousands of them carries the drafts of the first ones only, so that
 * its export stays quick. */
#define MAX_DRAFTS 50
#define DRAFT_LINES 6

typedef struct
{
  GPtrArray *batch;
  GPtrArray *drafts; /* char*, NULL for none, parallel to `batch` */
  guint start;
  guint end;
  ReminderPrinter printer;
  GString *out;
  GThread *thread; /* printing it, or NULL when printed or not started */
} Slice;

typedef struct
{
  EventFrame frame;
  Slice slices[MAX_THREADS];
  guint n_threads;
  guint n_printing;   /* slices of the batch being printed */
  GPtrArray *reading; /* the batch being read: JtReminder*, owned */
  GPtrArray *reading_drafts;
  GPtrArray *printing;
  GPtrArray *printing_drafts;
  JtStore *store;     /* for the drafts */
  GTimeZone *tz;      /* their dates */
  guint n_drafts;
  JtIcalWriteFunc write;
  gpointer user_data;
} ReminderWriter;

static gpointer
print_slice (gpointer data)
{
  Slice *slice = data;

  g_string_truncate (slice->out, 0);
  for (guint i = slice->start; i < slice->end; i++)
    append_reminder (slice->out, &slice->printer, g_ptr_array_index (slice->batch, i),
                     g_ptr_array_index (slice->drafts, i));
  return NULL;
}

static void
reminder_writer_init (ReminderWriter *w, JtStore *store, GTimeZone *tz, JtIcalWriteFunc write,
                      gpointer user_data)
{
  /* libical sets its zones up on first use; do that before any thread does. */
  icaltimezone_get_utc_timezone ();
  event_frame_init (&w->frame);
  w->n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  for (guint t = 0; t < w->n_threads; t++)
    {
      reminder_printer_init (&w->slices[t].printer, &w->frame);
      /* ~800 bytes is a typical event. */
      w->slices[t].out = g_string_sized_new (BATCH_SIZE / w->n_threads * 1024);
      w->slices[t].thread = NULL;
    }
  w->n_printing = 0;
  w->reading = g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) jt_reminder_free);
  w->printing = g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) jt_reminder_free);
  w->reading_drafts = g_ptr_array_new_full (BATCH_SIZE, g_free);
  w->printing_drafts = g_ptr_array_new_full (BATCH_SIZE, g_free);
  w->store = store;
  w->tz = tz;
  w->n_drafts = 0;
  w->write = write;
  w->user_data = user_data;
}

/* Waits for the batch being printed and hands its text on, in order. */
static gboolean
finish_printing (ReminderWriter *w, GError **error)
{
  gboolean ok = TRUE;

  for (guint t = 0; t < w->n_printing; t++)
    {
      Slice *slice = &w->slices[t];

      /* Without a thread (the system refused one), the slice is printed here. */
      if (slice->thread != NULL)
        g_thread_join (g_steal_pointer (&slice->thread));
      else
        print_slice (slice);
      if (ok)
        ok = w->write (slice->out->str, slice->out->len, w->user_data, error);
    }
  w->n_printing = 0;
  g_ptr_array_set_size (w->printing, 0);
  g_ptr_array_set_size (w->printing_drafts, 0);
  return ok;
}

/* Starts printing the batch read so far, and starts a new one. */
static void
start_printing (ReminderWriter *w)
{
  GPtrArray *batch = w->reading;
  GPtrArray *drafts = w->reading_drafts;
  guint len = batch->len;
  guint n = CLAMP (len / MIN_EVENTS_PER_THREAD, 1, w->n_threads);

  w->reading = w->printing;
  w->reading_drafts = w->printing_drafts;
  w->printing = batch;
  w->printing_drafts = drafts;
  for (guint t = 0; t < n; t++)
    {
      Slice *slice = &w->slices[t];

      slice->batch = batch;
      slice->drafts = drafts;
      slice->start = (guint) ((guint64) len * t / n);
      slice->end = (guint) ((guint64) len * (t + 1) / n);
      slice->thread = g_thread_try_new ("jt-ical-export", print_slice, slice, NULL);
    }
  w->n_printing = n;
}

static void
reminder_writer_clear (ReminderWriter *w)
{
  /* After a failure, what is being printed is waited for and dropped. */
  for (guint t = 0; t < w->n_printing; t++)
    if (w->slices[t].thread != NULL)
      g_thread_join (w->slices[t].thread);
  for (guint t = 0; t < w->n_threads; t++)
    {
      reminder_printer_clear (&w->slices[t].printer);
      g_string_free (w->slices[t].out, TRUE);
    }
  g_ptr_array_unref (w->reading);
  g_ptr_array_unref (w->printing);
  g_ptr_array_unref (w->reading_drafts);
  g_ptr_array_unref (w->printing_drafts);
  event_frame_clear (&w->frame);
}

/* The first lines of the draft of an open letter, or NULL. A draft that cannot be made
 * (a broken template of one's own) leaves the event without one: the calendar is not
 * the place to report it, `jobtrack letter` is. */
static char *
draft_of (ReminderWriter *w, const JtReminder *reminder)
{
  g_autoptr (GError) error = NULL;
  char *draft;

  if (w->n_drafts >= MAX_DRAFTS || !jt_letter_kind_for_rule (reminder->rule, NULL)
      || (reminder->state != JT_REMINDER_PENDING && reminder->state != JT_REMINDER_SNOOZED))
    return NULL;
  w->n_drafts++;
  draft = jt_letter_preview (w->store, reminder, w->tz, DRAFT_LINES, &error);
  if (draft == NULL && error != NULL)
    g_debug ("no draft for reminder %" G_GINT64_FORMAT ": %s", reminder->id, error->message);
  return draft;
}

static gboolean
take_reminder (JtReminder *reminder, gpointer user_data, GError **error)
{
  ReminderWriter *w = user_data;

  g_ptr_array_add (w->reading_drafts, draft_of (w, reminder));
  g_ptr_array_add (w->reading, reminder);
  if (w->reading->len < BATCH_SIZE)
    return TRUE;
  if (!finish_printing (w, error))
    return FALSE;
  start_printing (w);
  return TRUE;
}

/* Hands on the VEVENTs of the open reminders (or with `all`, of every one). */
static gboolean
write_reminders (JtStore *store, gboolean all, GTimeZone *tz, JtIcalWriteFunc write,
                 gpointer user_data, GError **error)
{
  ReminderWriter w;
  gboolean ok;

  reminder_writer_init (&w, store, tz, write, user_data);
  ok = jt_store_reminder_foreach (store, all, take_reminder, &w, error)
       && finish_printing (&w, error);
  if (ok && w.reading->len > 0)
    {
      start_printing (&w);
      ok = finish_printing (&w, error);
    }
  reminder_writer_clear (&w);
  return ok;
}

/* ---- Interviews ------------------------------------------------------------------- */

/* "Interview (phone) — Globex, SRE". New string. */
static char *
interview_summary (const JtInterview *interview, const JtApplication *app)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Interview (%s)", jt_interview_kind_to_string (interview->kind));
  if (app != NULL)
    {
      g_string_append (text, " — ");
      append_company_role (text, app->company, app->role);
    }
  return g_string_free (text, FALSE);
}

/* The people met, one a line ("Raj Patel, CTO · raj@globex.example · +44 …"), and the
 * interview's number. New string. */
static char *
interview_description (const JtInterview *interview)
{
  GString *text = g_string_new (NULL);

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
  g_string_append_printf (text, "jobtrack interview %" G_GINT64_FORMAT, interview->id);
  return g_string_free (text, FALSE);
}

/* An interview has no revision; its SEQUENCE is the seconds between its creation and
 * its last change: the same in every export, 0 until it is edited, and larger after
 * each edit (a move included). */
static int
interview_sequence (const JtInterview *interview)
{
  gint64 age = interview->updated_at - interview->created_at;

  return (int) CLAMP (age, 0, G_MAXINT32);
}

/* The interview's VEVENT. No alarm: the invitation in the person's own calendar
 * usually has one already. */
static icalcomponent *
interview_event (const JtInterview *interview, const JtApplication *app)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = g_strdup_printf ("interview-%" G_GINT64_FORMAT "@jobtrack",
                                          interview->id);
  g_autofree char *summary = interview_summary (interview, app);
  g_autofree char *description = interview_description (interview);
  gint64 end = interview->start_at + (gint64) interview->duration_min * 60;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (utc_time (interview->updated_at)));
  icalcomponent_add_property (event,
                              icalproperty_new_lastmodified (utc_time (interview->updated_at)));
  icalcomponent_add_property (event, icalproperty_new_sequence (interview_sequence (interview)));
  icalcomponent_add_property (event, icalproperty_new_dtstart (utc_time (interview->start_at)));
  icalcomponent_add_property (event, icalproperty_new_dtend (utc_time (end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (interview->place != NULL && *interview->place != '\0')
    {
      g_autofree char *place = clean_text (interview->place, TRUE);

      icalcomponent_add_property (event, icalproperty_new_location (place));
    }
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories ("jobtrack,interview"));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  return event;
}

/* Hands on a VEVENT per interview that ends after `ends_after`, by start time. */
static gboolean
write_interviews (JtStore *store, gint64 ends_after, JtIcalWriteFunc write,
                  gpointer user_data, GError **error)
{
  g_autoptr (GPtrArray) interviews = jt_store_interview_list_ending_after (store, ends_after,
                                                                           error);
  /* Applications by id, read as interviews name them. */
  g_autoptr (GHashTable) apps = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (interviews == NULL)
    return FALSE;
  apps = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                (GDestroyNotify) jt_application_free);
  for (guint i = 0; i < interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (interviews, i);
      JtApplication *app = g_hash_table_lookup (apps, &interview->application_id);
      g_autoptr (icalcomponent) event = NULL;
      char *text;

      if (app == NULL)
        {
          if ((app = jt_store_application_get (store, interview->application_id, error)) == NULL)
            return FALSE;
          g_hash_table_insert (apps, &app->id, app);
        }
      event = interview_event (interview, app);
      text = icalcomponent_as_ical_string_r (event);
      g_string_append (out, text);
      icalmemory_free_buffer (text);
      if (out->len >= 64 * 1024 || i + 1 == interviews->len)
        {
          if (!write (out->str, out->len, user_data, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  return TRUE;
}

/* ---- The calendar ----------------------------------------------------------------- */

static icalcomponent *
new_calendar (void)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalproperty *name = icalproperty_new_x (CALENDAR_NAME);

  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, name);
  return calendar;
}

/* The calendar is printed by libical without its events, and each event in the place
 * libical would print it had it been added to the calendar: before the calendar's last
 * line. So every byte is libical's, yet no more than a batch of events is held in
 * memory at a time. One read transaction makes every part come from one state of the
 * database. */
gboolean
jt_ical_export_write (JtStore *store, gboolean all, gint64 now, GTimeZone *tz,
                      JtIcalWriteFunc write, gpointer user_data, GError **error)
{
  g_autoptr (icalcomponent) calendar = new_calendar ();
  g_autoptr (JtTransaction) snapshot = NULL;
  char *frame;
  const char *end;
  gboolean ok;

  frame = icalcomponent_as_ical_string_r (calendar);
  end = frame != NULL ? g_strrstr (frame, "END:VCALENDAR") : NULL;
  if (end == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "cannot write the calendar: %s",
                   icalerror_strerror (icalerrno));
      icalmemory_free_buffer (frame);
      return FALSE;
    }
  ok = (snapshot = jt_store_begin_read (store, error)) != NULL
       && write (frame, end - frame, user_data, error)
       && write_reminders (store, all, tz, write, user_data, error)
       && write_interviews (store, all ? G_MININT64 : now, write, user_data, error)
       && write (end, strlen (end), user_data, error);
  icalmemory_free_buffer (frame);
  return ok;
}
