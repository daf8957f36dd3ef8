/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-export.c: the follow-up calendar, read from the store a batch of events at
 * a time and printed by the iCalendar module (jt-ical-events.h: libical escapes text,
 * ends lines with CRLF and folds them at 75 octets).
 *
 * Events are read in batches, one kind to a batch: the follow-ups, then the interviews.
 * While one batch is printed (jt-ical-events.h), in slices, one thread each, the next is
 * read from the database; the slices are then handed on in order. So reading and
 * printing share the cores, and memory holds two batches, not the calendar. (The only
 * state libical shares between threads is pvl.c's list-id counters, which nothing
 * reads: a race on them is harmless, and helgrind's only complaint.) */
#include "jt-calendar-export.h"

#include <string.h>

#include "jt-ical.h"
#include "jt-letter.h"
#include "jt-records.h"
#include "jt-reminder-text.h"
#include "jt-calendar-identity.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-store-reminders.h"

#define BATCH_SIZE 2048
#define MAX_THREADS 4
#define MIN_EVENTS_PER_THREAD 256

/* Open letters carry the first lines of their draft, read while the batch is read (a
 * draft takes a few queries, ~0.1 ms). A person has a handful of letters to write; a
 * calendar with thousands of them carries the drafts of the first ones only, so that
 * its export stays quick. */
#define MAX_DRAFTS 50

typedef enum
{
  BATCH_REMINDERS,
  BATCH_INTERVIEWS,
} BatchKind;

/* Events of one kind. For follow-ups: JtReminder* (owned, freed by the slice that prints
 * it) and the draft of each, or NULL (owned likewise). For interviews: JtInterview* and
 * its JtApplication* (both borrowed). */
typedef struct
{
  BatchKind kind;
  GPtrArray *events;
  GPtrArray *extras;
} Batch;

typedef struct
{
  const Batch *batch;
  guint start;
  guint end;
  const JtIcal *ical;
  const JtConfig *config; /* the follow-ups' words; read-only, shared by the slices */
  JtIcalEventPrinter *printer;
  GString *out;
  GThread *thread; /* printing it, or NULL when printed or not started */
} Slice;

typedef struct
{
  const JtIcal *ical;
  JtIcalEventFrame *frame;
  Slice slices[MAX_THREADS];
  guint n_threads;
  guint n_printing; /* slices of the batch being printed */
  Batch batches[2];
  Batch *reading;
  Batch *printing;
  JtStore *store;         /* for the drafts */
  GTimeZone *tz;          /* their dates */
  const JtConfig *config; /* who signs them */
  guint n_drafts;
  JtWriteFunc write;
  gpointer user_data;
} EventWriter;

static void
print_event (Slice *slice, guint i)
{
  gpointer event = g_ptr_array_index (slice->batch->events, i);
  gpointer extra = g_ptr_array_index (slice->batch->extras, i);

  if (slice->batch->kind == BATCH_REMINDERS)
    {
      /* Its SUMMARY and DESCRIPTION, worded as everywhere else: here, on the slice's
       * thread, so that the reading thread only reads. */
      jt_reminder_text_render (event, slice->config);
      slice->ical->event_append_reminder (slice->printer, slice->out, event, extra);
      /* Freed here, on the slice's thread, rather than by the reading one. */
      jt_reminder_free (event);
      g_free (extra);
    }
  else
    {
      const JtApplication *app = extra;

      slice->ical->event_append_interview (slice->printer, slice->out, event,
                                           app != NULL ? app->company : NULL,
                                           app != NULL ? app->role : NULL);
    }
}

static gpointer
print_slice (gpointer data)
{
  Slice *slice = data;

  g_string_truncate (slice->out, 0);
  for (guint i = slice->start; i < slice->end; i++)
    print_event (slice, i);
  return NULL;
}

static void
event_writer_init (EventWriter *w, const JtIcal *ical, JtStore *store, GTimeZone *tz,
                   const JtConfig *config, JtWriteFunc write, gpointer user_data)
{
  w->ical = ical;
  w->config = config;
  w->frame = ical->event_frame_new ();
  w->n_threads = CLAMP (g_get_num_processors (), 1, MAX_THREADS);
  for (guint t = 0; t < w->n_threads; t++)
    {
      w->slices[t].ical = ical;
      w->slices[t].config = config;
      w->slices[t].printer = ical->event_printer_new (w->frame);
      /* ~800 bytes is a typical event. */
      w->slices[t].out = g_string_sized_new (BATCH_SIZE / w->n_threads * 1024);
      w->slices[t].thread = NULL;
    }
  w->n_printing = 0;
  for (guint b = 0; b < G_N_ELEMENTS (w->batches); b++)
    {
      w->batches[b].kind = BATCH_REMINDERS;
      w->batches[b].events = g_ptr_array_sized_new (BATCH_SIZE);
      w->batches[b].extras = g_ptr_array_sized_new (BATCH_SIZE);
    }
  w->reading = &w->batches[0];
  w->printing = &w->batches[1];
  w->store = store;
  w->tz = tz;
  w->n_drafts = 0;
  w->write = write;
  w->user_data = user_data;
}

/* Empties a batch; the follow-ups nobody printed (after a failure) are freed here. */
static void
batch_reset (Batch *batch, BatchKind kind)
{
  if (batch->kind == BATCH_REMINDERS)
    {
      g_ptr_array_foreach (batch->events, (GFunc) (void (*) (void)) jt_reminder_free, NULL);
      g_ptr_array_foreach (batch->extras, (GFunc) (void (*) (void)) g_free, NULL);
    }
  g_ptr_array_set_size (batch->events, 0);
  g_ptr_array_set_size (batch->extras, 0);
  batch->kind = kind;
}

/* Waits for the batch being printed and, when `hand_on`, hands its text on, in order. */
static gboolean
finish_printing (EventWriter *w, gboolean hand_on, GError **error)
{
  gboolean ok = hand_on;

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
  /* Its slices have freed what they printed. */
  g_ptr_array_set_size (w->printing->events, 0);
  g_ptr_array_set_size (w->printing->extras, 0);
  w->n_printing = 0;
  return ok;
}

/* Starts printing the batch read so far, and starts a new one of `next` kind. */
static void
start_printing (EventWriter *w, BatchKind next)
{
  Batch *batch = w->reading;
  guint len = batch->events->len;
  guint n = CLAMP (len / MIN_EVENTS_PER_THREAD, 1, w->n_threads);

  w->reading = w->printing;
  w->printing = batch;
  batch_reset (w->reading, next);
  for (guint t = 0; t < n; t++)
    {
      Slice *slice = &w->slices[t];

      slice->batch = batch;
      slice->start = (guint) ((guint64) len * t / n);
      slice->end = (guint) ((guint64) len * (t + 1) / n);
      slice->thread = g_thread_try_new ("jt-calendar-export", print_slice, slice, NULL);
    }
  w->n_printing = n;
}

/* Prints what was read so far once the batch before it is handed on; what is read next
 * is of `next` kind. */
static gboolean
print_batch (EventWriter *w, BatchKind next, GError **error)
{
  if (!finish_printing (w, TRUE, error))
    return FALSE;
  if (w->reading->events->len > 0)
    start_printing (w, next);
  else
    batch_reset (w->reading, next);
  return TRUE;
}

/* After a failure, what is being printed is waited for and dropped. */
static void
event_writer_clear (EventWriter *w)
{
  finish_printing (w, FALSE, NULL);
  batch_reset (w->reading, BATCH_REMINDERS);
  for (guint t = 0; t < w->n_threads; t++)
    {
      w->ical->event_printer_free (w->slices[t].printer);
      g_string_free (w->slices[t].out, TRUE);
    }
  for (guint b = 0; b < G_N_ELEMENTS (w->batches); b++)
    {
      g_ptr_array_unref (w->batches[b].events);
      g_ptr_array_unref (w->batches[b].extras);
    }
  w->ical->event_frame_free (w->frame);
}

/* The first lines of the draft of an open letter, or NULL. A draft that cannot be made
 * (a broken template of one's own) leaves the event without one: the calendar is not
 * the place to report it, `jobtrack letter` is. */
static char *
draft_of (EventWriter *w, const JtReminder *reminder)
{
  g_autoptr (GError) error = NULL;
  char *draft;

  if (w->n_drafts >= MAX_DRAFTS || !jt_letter_kind_for_rule (reminder->rule, NULL)
      || (reminder->state != JT_REMINDER_PENDING && reminder->state != JT_REMINDER_SNOOZED))
    return NULL;
  w->n_drafts++;
  draft = jt_letter_preview (w->store, reminder, w->config, w->tz, JT_CALENDAR_DRAFT_LINES, &error);
  if (draft == NULL && error != NULL)
    g_debug ("no draft for reminder %" G_GINT64_FORMAT ": %s", reminder->id, error->message);
  return draft;
}

static gboolean
take_reminder (JtReminder *reminder, gpointer user_data, GError **error)
{
  EventWriter *w = user_data;

  /* Worded when printed (print_event); a draft is made from the records, not the words. */
  g_ptr_array_add (w->reading->extras, draft_of (w, reminder));
  g_ptr_array_add (w->reading->events, reminder);
  return w->reading->events->len < BATCH_SIZE || print_batch (w, BATCH_REMINDERS, error);
}

/* Reads `interviews`' applications into `apps` (id -> JtApplication*) as they are named,
 * and the interviews into batches. */
static gboolean
take_interviews (EventWriter *w, GPtrArray *interviews, GHashTable *apps, GError **error)
{
  for (guint i = 0; i < interviews->len; i++)
    {
      JtInterview *interview = g_ptr_array_index (interviews, i);
      JtApplication *app = g_hash_table_lookup (apps, &interview->application_id);

      if (app == NULL)
        {
          if ((app = jt_store_application_get (w->store, interview->application_id, error)) == NULL)
            return FALSE;
          g_hash_table_insert (apps, &app->id, app);
        }
      g_ptr_array_add (w->reading->events, interview);
      g_ptr_array_add (w->reading->extras, app);
      if (w->reading->events->len == BATCH_SIZE && !print_batch (w, BATCH_INTERVIEWS, error))
        return FALSE;
    }
  return TRUE;
}

/* Hands on the VEVENTs of the open follow-ups (with `all`, of every one), then of the
 * interviews that end after `now` (with `all`, of every one). The interviews are read
 * while the last follow-ups are printed. */
static gboolean
write_events (const JtIcal *ical, JtStore *store, gboolean all, gint64 now, GTimeZone *tz,
              const JtConfig *config, JtWriteFunc write, gpointer user_data, GError **error)
{
  EventWriter w;
  /* Freed after the writer, which waits for the threads that print them. */
  g_autoptr (GPtrArray) interviews = NULL;
  g_autoptr (GHashTable) apps = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) jt_application_free);
  gboolean ok;

  event_writer_init (&w, ical, store, tz, config, write, user_data);
  ok = jt_store_reminder_foreach (store, all, take_reminder, &w, error)
       && print_batch (&w, BATCH_INTERVIEWS, error)
       && (interviews = jt_store_interview_list_ending_after (store, all ? G_MININT64 : now, error))
              != NULL
       && take_interviews (&w, interviews, apps, error) && print_batch (&w, BATCH_INTERVIEWS, error)
       && finish_printing (&w, TRUE, error);
  event_writer_clear (&w);
  return ok;
}

/* The calendar is printed by libical without its events, and each event in the place
 * libical would print it had it been added to the calendar: before the calendar's last
 * line. So every byte is libical's, yet no more than a batch of events is held in
 * memory at a time. One read transaction makes every part come from one state of the
 * database. */
gboolean
jt_calendar_export_write (JtStore *store, gboolean all, gint64 now, GTimeZone *tz,
                          const JtConfig *config, JtWriteFunc write, gpointer user_data,
                          GError **error)
{
  const JtIcal *ical = jt_ical_load (error);
  g_autoptr (JtTransaction) snapshot = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  return ical != NULL && ical->calendar_frame (&head, &tail, error)
         && (snapshot = jt_store_begin_read (store, error)) != NULL
         && write (head, strlen (head), user_data, error)
         && write_events (ical, store, all, now, tz, config, write, user_data, error)
         && write (tail, strlen (tail), user_data, error);
}
