/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-import.c: invitations (.ics files) read with libical into plain records.
 *
 * The text is checked (size, binary, nesting), parsed by libical, and every VEVENT turned
 * into a JtInvite (instant, length, kind, place, company, role, people) without touching
 * the database, so a bad file fails before anything is written. Applying them to the
 * store is the core's (jt-calendar-import.c). */
#include "jt-ical-import.h"

#include <libical/ical.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical-export.h"
#include "jt-ical-scan.h"
#include "jt-ical-series.h"
#include "jt-ical-time.h"
#include "jt-invite-guess.h"
#include "jt-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Sanity limits: a real invitation is a few kilobytes, with a handful of people, one
 * event (a few more for a series' exceptions) and components three deep
 * (VCALENDAR > VEVENT > VALARM, VCALENDAR > VTIMEZONE > STANDARD). The limits on the
 * text (size, lines, nesting) are jt-ical-scan.h's. */
#define MAX_ATTENDEES 1000         /* in one event */
#define MAX_ATTENDEES_IN_FILE 2000 /* in all its events together */
#define MAX_UID_BYTES 1024
#define MAX_NAME_CHARS 200 /* a person's name as kept */
#define MAX_PLACE_CHARS 500
#define DEFAULT_DURATION_MIN 60
#define MAX_DURATION_MIN (24 * 60) /* the longest interview the store keeps */

/* ---- Text ----------------------------------------------------------------------------- */

/* Text from the file made fit to store and print on one line (jt-text.h, squeezed), at
 * most `max_chars` characters; NULL for NULL or blank. New string. */
static char *
clean_text (const char *text, glong max_chars)
{
  char *clean = jt_text_clean (text, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, max_chars);

  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* "mailto:raj@globex.com" (any case of "mailto:") -> "raj@globex.com"; NULL when the
 * address is not a plausible email (Google writes "invalid:nomail" for some guests). */
static char *
email_of (const char *cal_address)
{
  const char *address;

  if (cal_address == NULL || g_ascii_strncasecmp (cal_address, "mailto:", 7) != 0)
    return NULL;
  address = cal_address + 7;
  if (strlen (address) > 254 || strchr (address, '@') == NULL || address[0] == '@')
    return NULL;
  for (const char *p = address; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == 0x7f)
      return NULL;
  return g_strdup (address);
}

static gboolean
email_is_mine (const char *email, const char *const *me)
{
  g_autofree char *key = NULL;

  if (email == NULL || me == NULL)
    return FALSE;
  key = jt_text_fold (email);
  for (guint i = 0; me[i] != NULL; i++)
    {
      const char *mine = me[i];
      g_autofree char *mine_key = NULL;

      if (g_ascii_strncasecmp (mine, "mailto:", 7) == 0)
        mine += 7;
      mine_key = jt_text_fold (mine);
      if (g_str_equal (key, mine_key))
        return TRUE;
    }
  return FALSE;
}

/* ---- What one event says ------------------------------------------------------------ */

/* Where an event is written in the file, for messages. */
typedef struct
{
  const char *data; /* the file's text */
  gsize length;
  const JtIcalScanEvent *scan; /* NULL when the scan's events are not libical's */
  guint index;                 /* among the calendar's events */
  guint count;
} EventPlace;

/* How an event is named in an error: "event 'Interview: SRE at Globex' (line 5)", "the
 * event at line 5", or "event 2 of 3 in the file" when its line is not known. */
static char *
event_label (const char *summary, const EventPlace *place)
{
  if (summary != NULL)
    {
      g_autofree char *shortened = clean_text (summary, 60);

      if (place->scan != NULL)
        return g_strdup_printf (_ ("event '%s' (line %u)"), shortened, place->scan->line);
      return g_strdup_printf (_ ("event '%s'"), shortened);
    }
  if (place->scan != NULL)
    return g_strdup_printf (_ ("the event at line %u"), place->scan->line);
  return g_strdup_printf (_ ("event %u of %u in the file"), place->index + 1, place->count);
}

/* The event's DTSTART line as written, cleaned and shortened, for a start that libical
 * could not read; NULL when the scan saw none. New string. */
static char *
dtstart_as_written (const EventPlace *place)
{
  const char *line;
  const char *end;

  if (place->scan == NULL || place->scan->dtstart_line == 0)
    return NULL;
  line = place->data + place->scan->dtstart_at;
  end = memchr (line, '\n', place->length - place->scan->dtstart_at);
  {
    g_autofree char *text = g_strndup (line, end != NULL ? (gsize) (end - line)
                                                         : place->length - place->scan->dtstart_at);

    return clean_text (text, 80);
  }
}

/* DTSTART, and the length from DTEND or DURATION (60 min when neither gives a positive
 * one), clamped to 1 min .. 24 h; a longer event's own length in event_minutes. */
static gboolean
read_times (icalcomponent *calendar, icalcomponent *event, GTimeZone *tz, const char *label,
            const EventPlace *place, JtInvite *invite, GError **error)
{
  icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  g_autofree char *written = NULL;
  gint64 seconds = 0;

  written = dtstart_as_written (place);
  if (start == NULL)
    {
      if (invite->cancelled)
        return TRUE; /* a cancellation names the event by its UID alone */
      if (written != NULL)
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                     /* TRANSLATORS: an event, a line number, the line as written. */
                     _ ("%s has a start time that is not a date and time as iCalendar writes "
                        "them (line %u: '%s')"),
                     label, place->scan->dtstart_line, written);
      else
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s has no start time (DTSTART)"),
                     label);
      return FALSE;
    }
  if (!jt_ical_time_instant (calendar, start, icalproperty_get_dtstart (start), tz, label, written,
                             place->scan != NULL ? place->scan->dtstart_line : 0, &invite->start_at,
                             error))
    return FALSE;
  invite->has_start = TRUE;
  if (end != NULL)
    {
      struct icaltimetype tt = icalproperty_get_dtend (end);
      gint64 end_at;

      if (!tt.is_date)
        {
          if (!jt_ical_time_instant (calendar, end, tt, tz, label, NULL, 0, &end_at, error))
            return FALSE;
          seconds = end_at - invite->start_at;
        }
    }
  else if (duration != NULL)
    seconds = icaldurationtype_as_int (icalproperty_get_duration (duration));
  if (seconds <= 0)
    invite->duration_min = DEFAULT_DURATION_MIN;
  else
    invite->duration_min = (int) CLAMP ((seconds + 59) / 60, 1, MAX_DURATION_MIN);
  /* Longer than an interview can be: kept at the longest, and the report says so. */
  if (seconds > MAX_DURATION_MIN * 60)
    invite->event_minutes = (seconds + 59) / 60;
  return TRUE;
}

/* A meeting of a series changed on its own: its RECURRENCE-ID, the start the series gave
 * it, names it. */
static gboolean
read_meeting (icalcomponent *calendar, icalcomponent *event, GTimeZone *tz, const char *label,
              JtInvite *invite, GError **error)
{
  icalproperty *rid = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  icalparameter *range
      = rid != NULL ? icalproperty_get_first_parameter (rid, ICAL_RANGE_PARAMETER) : NULL;
  gint64 instant;

  if (rid == NULL)
    return TRUE;
  if (range != NULL && icalparameter_get_range (range) == ICAL_RANGE_THISANDFUTURE)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s changes a meeting and every later one of a series "
                      "(RANGE=THISANDFUTURE), which jobtrack does not follow: import the "
                      "series as your calendar now shows it"),
                   label);
      return FALSE;
    }
  if (!jt_ical_time_instant (calendar, rid, icalproperty_get_recurrenceid (rid), tz, label, NULL, 0,
                             &instant, error))
    return FALSE;
  invite->recurrence_id = jt_ical_series_recurrence_id (instant);
  return TRUE;
}

/* The value of the first property named `x_name` (an X- property), or NULL. New string. */
static char *
x_property_value (icalcomponent *event, const char *x_name)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (p);

      if (name != NULL && g_ascii_strcasecmp (name, x_name) == 0)
        return icalproperty_get_value_as_string_r (p);
    }
  return NULL;
}

/* Kind and place. Kind: the summary's word for it (panel, final, video, phone or call),
 * else video when the location, description or conference fields hold a video-meeting
 * link, else on-site. Place: LOCATION, else that link. */
static void
read_kind_and_place (icalcomponent *event, const char *summary, JtInvite *invite)
{
  const char *location = icalcomponent_get_location (event);
  const char *description = icalcomponent_get_description (event);
  g_autofree char *google = x_property_value (event, "X-GOOGLE-CONFERENCE");
  g_autofree char *teams = x_property_value (event, "X-MICROSOFT-SKYPETEAMSMEETINGURL");
  g_autofree char *url = NULL;

  url = jt_invite_guess_meeting_url (location);
  if (url == NULL)
    url = jt_invite_guess_meeting_url (google);
  if (url == NULL)
    url = jt_invite_guess_meeting_url (teams);
  if (url == NULL)
    url = jt_invite_guess_meeting_url (description);
  invite->kind = jt_invite_guess_kind (summary, url != NULL);
  invite->place = clean_text (location, MAX_PLACE_CHARS);
  if (invite->place == NULL && url != NULL)
    invite->place = clean_text (url, MAX_PLACE_CHARS);
}

/* A calendar user who is a room, a resource or a mailing list, not a person. */
static gboolean
is_not_a_person (icalproperty *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_CUTYPE_PARAMETER);

  if (param == NULL)
    return FALSE;
  switch (icalparameter_get_cutype (param))
    {
    case ICAL_CUTYPE_ROOM:
    case ICAL_CUTYPE_RESOURCE:
    case ICAL_CUTYPE_GROUP:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The person an ORGANIZER or ATTENDEE names (CN cleaned, else the address), or NULL
 * for a room or resource, or when it names nobody. */
static JtContact *
person_of (icalproperty *prop, const char *cal_address)
{
  icalparameter *cn = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);
  icalparameter *email_param = icalproperty_get_first_parameter (prop, ICAL_EMAIL_PARAMETER);
  g_autoptr (JtContact) person = NULL;
  g_autofree char *email = email_of (cal_address);

  if (is_not_a_person (prop))
    return NULL;
  if (email == NULL && email_param != NULL)
    {
      g_autofree char *mailto
          = g_strconcat ("mailto:", icalparameter_get_email (email_param), NULL);

      email = email_of (mailto);
    }
  person = jt_contact_new ();
  person->name = clean_text (cn != NULL ? icalparameter_get_cn (cn) : NULL, MAX_NAME_CHARS);
  person->email = g_steal_pointer (&email);
  if (person->name == NULL)
    person->name = g_strdup (person->email);
  return person->name != NULL ? g_steal_pointer (&person) : NULL;
}

/* The people of one event, each once: the same address is the same person, and so is
 * the same name when one of the two has no address. */
typedef struct
{
  GPtrArray *people;      /* JtContact*, owned */
  GHashTable *emails;     /* folded addresses */
  GHashTable *names;      /* folded names of everyone */
  GHashTable *bare_names; /* folded names of those without an address */
} People;

static void
people_init (People *p)
{
  p->people = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_contact_free);
  p->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->bare_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
people_clear (People *p)
{
  g_clear_pointer (&p->people, g_ptr_array_unref);
  g_clear_pointer (&p->emails, g_hash_table_unref);
  g_clear_pointer (&p->names, g_hash_table_unref);
  g_clear_pointer (&p->bare_names, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

/* Adds `person` (taking it) unless they are already there. */
static void
people_add (People *p, JtContact *person)
{
  char *name_key = jt_text_fold (person->name);
  char *email_key = person->email != NULL ? jt_text_fold (person->email) : NULL;
  gboolean known = email_key != NULL ? g_hash_table_contains (p->emails, email_key)
                                           || g_hash_table_contains (p->bare_names, name_key)
                                     : g_hash_table_contains (p->names, name_key);

  if (known)
    {
      g_free (name_key);
      g_free (email_key);
      jt_contact_free (person);
      return;
    }
  if (email_key != NULL)
    g_hash_table_add (p->emails, email_key);
  else
    g_hash_table_add (p->bare_names, g_strdup (name_key));
  g_hash_table_add (p->names, name_key);
  g_ptr_array_add (p->people, person);
}

/* The company: options->company, else a guess from the organizer's address, else from
 * the first attendee's (not the person's own) at a company's domain. */
static gboolean
read_company (icalcomponent *event, const JtInviteOptions *options, const char *label,
              JtInvite *invite, GError **error)
{
  icalproperty *organizer;

  if (options->company != NULL && !jt_text_is_blank (options->company))
    {
      invite->company = clean_text (options->company, MAX_NAME_CHARS);
      return TRUE;
    }
  organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  if (organizer != NULL && !is_not_a_person (organizer))
    {
      g_autofree char *email = email_of (icalproperty_get_organizer (organizer));

      if (email != NULL && !email_is_mine (email, options->me))
        {
          invite->company = jt_invite_guess_company (email);
          if (invite->company != NULL)
            {
              invite->company_source = g_steal_pointer (&email);
              return TRUE;
            }
        }
    }
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      g_autofree char *email = email_of (icalproperty_get_attendee (p));

      if (email == NULL || is_not_a_person (p) || email_is_mine (email, options->me))
        continue;
      invite->company = jt_invite_guess_company (email);
      if (invite->company != NULL)
        {
          invite->company_source = g_steal_pointer (&email);
          return TRUE;
        }
    }
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               _ ("%s does not say which company it is from (no address at a company's "
                  "domain); name the company with --company"),
               label);
  return FALSE;
}

/* A person per ORGANIZER and ATTENDEE, but the person's own addresses, rooms and
 * resources. */
static void
read_people (icalcomponent *event, const JtInviteOptions *options, JtInvite *invite)
{
  icalproperty *organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_auto (People) people = { 0 };

  people_init (&people);
  if (organizer != NULL)
    {
      JtContact *person = person_of (organizer, icalproperty_get_organizer (organizer));

      if (person != NULL && !email_is_mine (person->email, options->me))
        people_add (&people, person);
      else if (person != NULL)
        jt_contact_free (person);
    }
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      JtContact *person = person_of (p, icalproperty_get_attendee (p));

      if (person != NULL && !email_is_mine (person->email, options->me))
        people_add (&people, person);
      else if (person != NULL)
        jt_contact_free (person);
    }
  invite->people = g_steal_pointer (&people.people);
}

/* What the file's events say of each other, by UID. */
typedef struct
{
  GHashTable *overrides; /* keys (jt_invite_key) of the meetings changed on their own (a
                          * RECURRENCE-ID): the series' own copies of them are left out */
  GHashTable *singles;   /* UIDs of events that do not repeat: a RECURRENCE-ID of one is
                          * the event itself, moved */
} Siblings;

static void
siblings_clear (Siblings *siblings)
{
  g_clear_pointer (&siblings->overrides, g_hash_table_unref);
  g_clear_pointer (&siblings->singles, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Siblings, siblings_clear)

/* One whose RECURRENCE-ID cannot be read is refused when its event is read. */
static void
siblings_init (Siblings *siblings, icalcomponent *calendar, GTimeZone *tz)
{
  siblings->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  siblings->singles = g_hash_table_new (g_str_hash, g_str_equal);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_autoptr (JtInvite) meeting = jt_invite_new ();
      g_autoptr (GError) ignored = NULL;
      const char *uid = icalcomponent_get_uid (event);

      if (uid == NULL)
        continue;
      if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) == NULL)
        {
          if (!jt_ical_series_repeats (event))
            g_hash_table_add (siblings->singles, (gpointer) uid); /* the calendar's string */
          continue;
        }
      if (!read_meeting (calendar, event, tz, "", meeting, &ignored))
        continue;
      meeting->uid = g_strdup (uid);
      g_hash_table_add (siblings->overrides, jt_invite_key (meeting));
    }
}

/* The meetings of the series `master` (one event that repeats) appended to `invites`:
 * a copy of it at each start, but those that `overrides` (keys, jt_invite_key) says the
 * file changes on their own. A cancelled series is one invite for all its meetings. */
static gboolean
add_series (icalcomponent *calendar, icalcomponent *event, JtInvite *master, GHashTable *overrides,
            GTimeZone *tz, const char *label, GPtrArray *invites, GError **error)
{
  g_autoptr (GArray) starts = NULL;

  if (master->cancelled)
    {
      master->whole_series = TRUE;
      g_ptr_array_add (invites, master);
      return TRUE;
    }
  starts = jt_ical_series_starts (calendar, event, master->start_at, tz, label, error);
  if (starts != NULL && starts->len == 0)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                 _ ("%s is a series with every meeting taken out (EXDATE)"), label);
  if (starts == NULL || starts->len == 0)
    {
      jt_invite_free (master);
      return FALSE;
    }
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr (JtInvite) meeting = jt_invite_copy (master);
      g_autofree char *key = NULL;

      meeting->start_at = g_array_index (starts, gint64, i);
      meeting->recurrence_id = jt_ical_series_recurrence_id (meeting->start_at);
      meeting->series_meetings = starts->len;
      key = jt_invite_key (meeting);
      if (!g_hash_table_contains (overrides, key))
        g_ptr_array_add (invites, g_steal_pointer (&meeting));
    }
  jt_invite_free (master);
  return TRUE;
}

/* Reads `event` into `invites`: one invite, or one per meeting of a series. */
static gboolean
read_event (icalcomponent *calendar, icalcomponent *event, const EventPlace *place,
            gboolean cancel_method, const JtInviteOptions *options, GTimeZone *tz,
            const Siblings *siblings, GPtrArray *invites, GError **error)
{
  g_autoptr (JtInvite) invite = jt_invite_new ();
  g_autofree char *label = NULL;
  icalproperty *sequence = icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY);
  const char *uid = icalcomponent_get_uid (event);
  int attendees = icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY);

  invite->summary = clean_text (icalcomponent_get_summary (event), 200);
  label = event_label (invite->summary, place);
  if (attendees > MAX_ATTENDEES)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s has %d attendees; an invitation has at most %d"), label, attendees,
                   MAX_ATTENDEES);
      return FALSE;
    }
  if (uid == NULL || *uid == '\0' || strlen (uid) > MAX_UID_BYTES)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   uid == NULL || *uid == '\0'
                       ? _ ("%s has no UID, the identifier every calendar gives an event so "
                            "that its updates and cancellations find it")
                       : _ ("%s has a UID longer than 1 KB"),
                   label);
      return FALSE;
    }
  invite->uid = g_strdup (uid);
  invite->sequence = sequence != NULL ? MAX (icalproperty_get_sequence (sequence), 0) : 0;
  invite->cancelled = cancel_method || icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED;
  if (!read_times (calendar, event, tz, label, place, invite, error)
      || !read_meeting (calendar, event, tz, label, invite, error))
    return FALSE;
  if (invite->recurrence_id != NULL && g_hash_table_contains (siblings->singles, uid))
    g_clear_pointer (&invite->recurrence_id, g_free);
  if (!invite->cancelled)
    {
      read_kind_and_place (event, invite->summary, invite);
      if (!read_company (event, options, label, invite, error))
        return FALSE;
      invite->role = jt_invite_guess_role (invite->summary, invite->company);
      read_people (event, options, invite);
    }
  /* A cancellation needs only the UID and sequence (and which meeting). */
  if (invite->recurrence_id == NULL && jt_ical_series_repeats (event)
      && (invite->has_start || invite->cancelled))
    return add_series (calendar, event, g_steal_pointer (&invite), siblings->overrides, tz, label,
                       invites, error);
  g_ptr_array_add (invites, g_steal_pointer (&invite));
  return TRUE;
}

/* ---- The file ------------------------------------------------------------------------- */

/* jobtrack's own calendar (export --ics, followups.ics): its events are follow-ups and
 * interviews already recorded, not invitations. Known by its PRODID or a UID of ours. */
static gboolean
check_not_ours (icalcomponent *calendar, GError **error)
{
  icalproperty *prodid = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
  const char *product = prodid != NULL ? icalproperty_get_prodid (prodid) : NULL;
  gboolean ours = product != NULL && g_str_has_prefix (product, JT_ICAL_PRODID_PREFIX);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL && !ours;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);

      ours = uid != NULL && g_str_has_suffix (uid, JT_ICAL_UID_SUFFIX);
    }
  if (ours)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                 _ ("it is jobtrack's own calendar (from 'export --ics' or followups.ics): its "
                    "events are your follow-ups and interviews, not invitations; to bring "
                    "records back, restore a backup made by 'export --json' with 'jobtrack "
                    "import --json FILE'"));
  return !ours;
}

static gboolean
check_method (icalcomponent *calendar, gboolean *cancel, GError **error)
{
  icalproperty *method = icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY);
  g_autofree char *value = NULL;

  *cancel = FALSE;
  if (method == NULL)
    return TRUE;
  switch (icalproperty_get_method (method))
    {
    case ICAL_METHOD_PUBLISH:
    case ICAL_METHOD_REQUEST:
    case ICAL_METHOD_ADD:
      return TRUE;
    case ICAL_METHOD_CANCEL:
      *cancel = TRUE;
      return TRUE;
    case ICAL_METHOD_REPLY:
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("it is an answer to an invitation (METHOD:REPLY), not an invitation"));
      return FALSE;
    default:
      value = clean_text (icalproperty_get_value_as_string (method), 40);
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("it is not an invitation (METHOD:%s)"),
                   value != NULL ? value : "");
      return FALSE;
    }
}

/* Parses and reads every event; nothing is written. */
GPtrArray *
jt_ical_import_read (const char *data, gsize length, const JtInviteOptions *options, GTimeZone *tz,
                     GError **error)
{
  g_autoptr (GPtrArray) invites = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_invite_free);
  g_autoptr (icalcomponent) calendar = NULL;
  g_autofree char *text = NULL;
  g_auto (JtIcalScan) scan = { 0 };
  g_auto (Siblings) siblings = { 0 };
  EventPlace place = { data, length, NULL, 0, 0 };
  gboolean scan_matches;
  gboolean cancel = FALSE;
  guint index = 0;
  guint attendees = 0;

  if (!jt_ical_scan (data, length, &scan, error))
    return NULL;
  text = g_strndup (data + scan.begin, length - scan.begin);
  icalerror_set_errors_are_fatal (0);
  icalerror_clear_errno ();
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   scan.truncated ? _ ("it ends before END:VCALENDAR (is the file cut short?)")
                                  : _ ("libical cannot read it as iCalendar"));
      return NULL;
    }
  if (icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   icalcomponent_isa (calendar) == ICAL_XROOT_COMPONENT
                       ? _ ("it holds more than one calendar (VCALENDAR); import one at a time")
                       : _ ("it is not a calendar (VCALENDAR)"));
      return NULL;
    }
  if (!check_not_ours (calendar, error) || !check_method (calendar, &cancel, error))
    return NULL;
  siblings_init (&siblings, calendar, tz);
  /* The scan's lines name libical's events when both saw the same ones. */
  place.count = (guint) icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
  scan_matches = place.count == scan.events->len;
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), index++)
    {
      guint here = (guint) icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY);

      /* Too many in one event: read_event says so, naming the event. */
      if (here <= MAX_ATTENDEES && (attendees += here) > MAX_ATTENDEES_IN_FILE)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("its events name more than %d attendees in all; an invitation names "
                          "a few"),
                       MAX_ATTENDEES_IN_FILE);
          return NULL;
        }
      place.index = index;
      place.scan = scan_matches ? &g_array_index (scan.events, JtIcalScanEvent, index) : NULL;
      if (!read_event (calendar, event, &place, cancel, options, tz, &siblings, invites, error))
        return NULL;
    }
  if (invites->len == 0)
    {
      if (scan.nested_calendar_line != 0)
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                     _ ("its events are inside a second VCALENDAR, nested in the first at line "
                        "%u; iCalendar keeps events directly in one calendar"),
                     scan.nested_calendar_line);
      else
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("it holds no event (VEVENT)"));
      return NULL;
    }
  return g_steal_pointer (&invites);
}
