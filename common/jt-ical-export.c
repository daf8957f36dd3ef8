/* jt-ical-export.c: the follow-up calendar, built as libical components and printed by
 * libical (which escapes text, ends lines with CRLF and folds them at 75 octets).
 *
 * Only the _r (reentrant) libical functions are used: the daemon calls this too, and
 * large calendars are printed on several threads, each with its own components. (The
 * only state libical shares between them is pvl.c's list-id counters, which nothing
 * reads: a race on them is harmless, and helgrind's only complaint.) */
#include "jt-ical-export.h"

#include <libical/ical.h>
#include <string.h>

#include "jt-error.h"
#include "jt-records.h"
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

/* Appends `component` as libical prints it. */
static void
append_component (GString *out, icalcomponent *component)
{
  char *text = icalcomponent_as_ical_string_r (component);

  g_string_append (out, text);
  icalmemory_free_buffer (text);
}

/* ---- Reminders -------------------------------------------------------------------- */

/* One VEVENT made once and refilled for each reminder: setting a property's value costs
 * far less than making and freeing the ~20 libical objects of a new event, and 30,000
 * reminders must export in 300 ms. `event` owns the properties and, while the reminder
 * is open, `alarm` (which is otherwise detached and owned here). The categories, the
 * status and the alarm only change when the rule or the state does. */
typedef struct
{
  icalcomponent *event;
  icalproperty *uid;
  icalproperty *dtstamp;
  icalproperty *last_modified;
  icalproperty *sequence;
  icalproperty *dtstart;
  icalproperty *summary;
  icalproperty *description;
  icalproperty *categories;
  icalproperty *status;
  icalcomponent *alarm;
  icalproperty *alarm_description;
  /* What categories, status and alarm say now (they rarely change from one to the next). */
  JtRule rule;
  gboolean closed;
  GString *scratch;
} ReminderEvent;

static icalproperty *
add_property (icalcomponent *component, icalproperty *property)
{
  icalcomponent_add_property (component, property);
  return property;
}

/* The properties in the order they are written. The values are placeholders. */
static void
reminder_event_init (ReminderEvent *r)
{
  struct icaltimetype epoch = utc_time (0);
  struct icaltriggertype trigger = { 0 };

  r->event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  r->uid = add_property (r->event, icalproperty_new_uid ("-"));
  r->dtstamp = add_property (r->event, icalproperty_new_dtstamp (epoch));
  r->last_modified = add_property (r->event, icalproperty_new_lastmodified (epoch));
  r->sequence = add_property (r->event, icalproperty_new_sequence (0));
  r->dtstart = add_property (r->event, icalproperty_new_dtstart (epoch));
  /* Every follow-up is as long: a constant DURATION, not a DTEND to print each time. */
  add_property (r->event,
                icalproperty_new_duration (icaldurationtype_from_int (REMINDER_MINUTES * 60)));
  r->summary = add_property (r->event, icalproperty_new_summary ("-"));
  r->description = add_property (r->event, icalproperty_new_description ("-"));
  r->categories = add_property (r->event, icalproperty_new_categories ("jobtrack"));
  r->status = add_property (r->event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  r->rule = JT_RULE_COUNT;
  r->closed = FALSE;

  /* A display alarm at the start: TRIGGER:PT0S, a zero duration (which libical prints
   * as PT0S, never as a bare "P"). */
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  r->alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  add_property (r->alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  r->alarm_description = add_property (r->alarm, icalproperty_new_description ("-"));
  add_property (r->alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_component (r->event, r->alarm);
  r->scratch = g_string_sized_new (1024);
}

static void
reminder_event_clear (ReminderEvent *r)
{
  if (r->closed)
    icalcomponent_free (r->alarm);
  icalcomponent_free (r->event);
  g_string_free (r->scratch, TRUE);
}

/* The cleaned one-line text, in the scratch buffer (valid until the next call). */
static const char *
scratch_clean_line (ReminderEvent *r, const char *text)
{
  g_string_truncate (r->scratch, 0);
  append_clean (r->scratch, text, TRUE);
  return r->scratch->str;
}

/* The context, who and how to reach them, the application, and the reminder's number
 * (for `jobtrack done N`), in the scratch buffer. */
static const char *
reminder_description (ReminderEvent *r, const JtReminder *reminder)
{
  GString *text = r->scratch;

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

/* Appends the reminder's VEVENT to `out`. DTSTAMP and LAST-MODIFIED are the record's
 * last change, so an unchanged record exports the same text. */
static void
append_reminder (GString *out, ReminderEvent *r, const JtReminder *reminder)
{
  gint64 start = reminder_start (reminder);
  gboolean closed
      = reminder->state == JT_REMINDER_DONE || reminder->state == JT_REMINDER_DISMISSED;
  struct icaltimetype updated = utc_time (reminder->updated_at);
  const char *title;

  icalproperty_set_uid (r->uid, reminder->uid);
  icalproperty_set_dtstamp (r->dtstamp, updated);
  icalproperty_set_lastmodified (r->last_modified, updated);
  icalproperty_set_sequence (r->sequence, MAX (reminder->revision, 0));
  icalproperty_set_dtstart (r->dtstart, utc_time (start));
  title = scratch_clean_line (r, reminder->title);
  icalproperty_set_summary (r->summary, title);
  icalproperty_set_description (r->alarm_description, title);
  icalproperty_set_description (r->description, reminder_description (r, reminder));
  if (reminder->rule != r->rule)
    {
      char categories[64];

      /* A list: libical writes the comma as the separator of two categories. */
      g_snprintf (categories, sizeof categories, "jobtrack,%s",
                  jt_rule_to_string (reminder->rule));
      icalproperty_set_categories (r->categories, categories);
      r->rule = reminder->rule;
    }
  if (closed != r->closed)
    {
      icalproperty_set_status (r->status, closed ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
      /* Nothing rings for a follow-up that is done or dismissed. */
      if (closed)
        icalcomponent_remove_component (r->event, r->alarm);
      else
        icalcomponent_add_component (r->event, r->alarm);
      r->closed = closed;
    }
  append_component (out, r->event);
}

static gint
compare_reminder_ids (gconstpointer a, gconstpointer b)
{
  const JtReminder *x = *(const JtReminder *const *) a;
  const JtReminder *y = *(const JtReminder *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Printing the events is most of an export's time, and each event stands alone: large
 * calendars are printed in slices, one thread each, and joined in order. */
#define MAX_THREADS 8
#define MIN_EVENTS_PER_THREAD 2000

typedef struct
{
  GPtrArray *reminders;
  guint start;
  guint end;
  GString *out;
} Slice;

static gpointer
print_slice (gpointer data)
{
  Slice *slice = data;
  ReminderEvent r;

  reminder_event_init (&r);
  for (guint i = slice->start; i < slice->end; i++)
    append_reminder (slice->out, &r, g_ptr_array_index (slice->reminders, i));
  reminder_event_clear (&r);
  return NULL;
}

/* Appends the VEVENTs of `reminders`, in their order. */
static void
append_reminders (GString *out, GPtrArray *reminders)
{
  Slice slices[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };
  guint n = MIN (reminders->len / MIN_EVENTS_PER_THREAD, MAX_THREADS);

  n = CLAMP (MIN (n, (guint) g_get_num_processors ()), 1, MAX_THREADS);
  /* libical sets its zones up on first use; do that before any thread does. */
  icaltimezone_get_utc_timezone ();
  for (guint t = 0; t < n; t++)
    {
      slices[t].reminders = reminders;
      slices[t].start = (guint) ((guint64) reminders->len * t / n);
      slices[t].end = (guint) ((guint64) reminders->len * (t + 1) / n);
      /* The first slice goes straight into `out`; 800 bytes is a typical event. */
      slices[t].out = t == 0 ? out : g_string_sized_new ((slices[t].end - slices[t].start) * 800);
      if (t > 0)
        threads[t] = g_thread_try_new ("jt-ical-export", print_slice, &slices[t], NULL);
    }
  print_slice (&slices[0]);
  for (guint t = 1; t < n; t++)
    {
      /* Without a thread (the system refused one), the slice is printed here. */
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      else
        print_slice (&slices[t]);
      g_string_append_len (out, slices[t].out->str, (gssize) slices[t].out->len);
      g_string_free (slices[t].out, TRUE);
    }
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

static gint
compare_interview_ids (gconstpointer a, gconstpointer b)
{
  const JtInterview *x = *(const JtInterview *const *) a;
  const JtInterview *y = *(const JtInterview *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

/* Appends a VEVENT per interview, by id. */
static gboolean
append_interviews (GString *out, JtStore *store, GError **error)
{
  g_autoptr (GPtrArray) interviews = jt_store_interview_list (store, 0, error);
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GHashTable) by_id = NULL;

  if (interviews == NULL)
    return FALSE;
  if (interviews->len == 0)
    return TRUE;
  if ((apps = jt_store_application_list (store, error)) == NULL)
    return FALSE;
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < apps->len; i++)
    {
      JtApplication *app = g_ptr_array_index (apps, i);

      g_hash_table_insert (by_id, &app->id, app);
    }
  g_ptr_array_sort (interviews, compare_interview_ids);
  for (guint i = 0; i < interviews->len; i++)
    {
      const JtInterview *interview = g_ptr_array_index (interviews, i);
      g_autoptr (icalcomponent) event
          = interview_event (interview, g_hash_table_lookup (by_id, &interview->application_id));

      append_component (out, event);
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

/* The calendar is printed by libical without its events, and each event by libical on
 * its own, in the place libical would print it had it been added to the calendar:
 * before the calendar's last line. So every byte is libical's, yet no more than one
 * event is held in memory as libical objects at a time. */
char *
jt_ical_export (JtStore *store, gboolean all, GError **error)
{
  g_autoptr (icalcomponent) calendar = new_calendar ();
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GString) out = NULL;
  char *frame;
  const char *end;
  gboolean ok;

  reminders = all ? jt_store_reminder_list_all (store, error)
                  : jt_store_reminder_list_open (store, G_MAXINT64, error);
  if (reminders == NULL)
    return NULL;
  g_ptr_array_sort (reminders, compare_reminder_ids);

  frame = icalcomponent_as_ical_string_r (calendar);
  end = frame != NULL ? g_strrstr (frame, "END:VCALENDAR") : NULL;
  if (end == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "cannot write the calendar: %s",
                   icalerror_strerror (icalerrno));
      icalmemory_free_buffer (frame);
      return NULL;
    }
  out = g_string_sized_new (strlen (frame) + reminders->len * 800);
  g_string_append_len (out, frame, end - frame);

  append_reminders (out, reminders);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  ok = append_interviews (out, store, error);
  g_string_append (out, end);
  icalmemory_free_buffer (frame);
  if (!ok)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
