/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-time.c: the instant of an invitation's DATE-TIME (see jt-ical-time.h). */
#include "jt-ical-time.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-text.h"

/* Exchange writes some zones as a URI of this prefix and a Windows name in any case. */
#define MICROSOFT_TZONE_PREFIX "tzone://Microsoft/"
#define MAX_ZONE_NAME 128 /* Windows names are under 40 characters */

/* A zone's offset from UTC at `instant`, in seconds. */
typedef int (*OffsetAtFunc) (gconstpointer zone, gint64 instant);

static int
system_offset_at (gconstpointer zone, gint64 instant)
{
  GTimeZone *tz = (GTimeZone *) zone;

  return g_time_zone_get_offset (tz,
                                 g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, instant));
}

static int
embedded_offset_at (gconstpointer zone, gint64 instant)
{
  struct icaltimetype utc
      = icaltime_from_timet_with_zone ((time_t) instant, 0, icaltimezone_get_utc_timezone ());

  return icaltimezone_get_utc_offset_of_utc_time ((icaltimezone *) zone, &utc, NULL);
}

/* The wall time `tt` read as if it were UTC, in seconds (a leap second 60 included). */
static gint64
wall_seconds (struct icaltimetype tt)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute, 0);

  return g_date_time_to_unix (dt) + tt.second;
}

/* RFC 5545 §3.3.5 for the wall time `wall` (wall_seconds) in a zone: of the instants that
 * show it, the first; none (a gap), the one with the offset before the gap. The offsets a
 * day either side are the two that can meet there: no real zone changes twice in two
 * days. */
static gint64
wall_instant (gint64 wall, OffsetAtFunc offset_at, gconstpointer zone)
{
  int before = offset_at (zone, wall - G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
  int after = offset_at (zone, wall + G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
  gint64 with_before = wall - before;
  gint64 with_after = wall - after;
  gboolean shows_before = offset_at (zone, with_before) == before;
  gboolean shows_after = offset_at (zone, with_after) == after;

  if (shows_before && shows_after)
    return MIN (with_before, with_after); /* a repeated hour: its first time */
  if (shows_after)
    return with_after;
  return with_before; /* shown with the offset before, or in the gap: read with it too */
}

char *
jt_ical_time_zone_for_windows (const char *windows_id)
{
  g_autofree char *name = NULL;
  UChar windows[MAX_ZONE_NAME];
  UChar iana[MAX_ZONE_NAME];
  char out[MAX_ZONE_NAME * 2];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  if (g_str_has_prefix (windows_id, MICROSOFT_TZONE_PREFIX))
    windows_id += strlen (MICROSOFT_TZONE_PREFIX);
  if (strlen (windows_id) >= MAX_ZONE_NAME || !g_str_is_ascii (windows_id))
    return NULL; /* every Windows name is short ASCII */
  /* As written, then in capitals: Exchange's "Utc" is Windows' "UTC". */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_free (name);
      name = attempt == 0 ? g_strdup (windows_id) : g_ascii_strup (windows_id, -1);
      u_uastrncpy (windows, name, MAX_ZONE_NAME);
      status = U_ZERO_ERROR;
      length = ucal_getTimeZoneIDForWindowsID (windows, -1, NULL, iana, MAX_ZONE_NAME, &status);
      if (U_SUCCESS (status) && length > 0 && length < MAX_ZONE_NAME)
        {
          u_austrncpy (out, iana, length);
          out[length] = '\0';
          return g_strdup (out);
        }
    }
  return NULL;
}

/* A system zone for `tzid`: its own name, else the IANA zone of a Windows name. */
static GTimeZone *
look_up_zone (const char *tzid)
{
  g_autofree char *iana = NULL;
  GTimeZone *zone = g_time_zone_new_identifier (tzid);

  if (zone != NULL)
    return zone;
  iana = jt_ical_time_zone_for_windows (tzid);
  return iana != NULL ? g_time_zone_new_identifier (iana) : NULL;
}

/* The zones found, by TZID, for the life of the process: GLib reads a zone's file again
 * whenever its last reference goes, which was 13% of importing a file whose every time
 * names a zone. At most one entry per name this system knows. */
G_LOCK_DEFINE_STATIC (zones_found);
static GHashTable *zones_found;

/* A new reference, or NULL. */
static GTimeZone *
system_zone (const char *tzid)
{
  GTimeZone *zone;

  G_LOCK (zones_found);
  if (zones_found == NULL)
    zones_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones_found, tzid);
  if (zone == NULL && (zone = look_up_zone (tzid)) != NULL)
    g_hash_table_insert (zones_found, g_strdup (tzid), zone);
  if (zone != NULL)
    g_time_zone_ref (zone);
  G_UNLOCK (zones_found);
  return zone;
}

/* A VTIMEZONE an event uses gives its offsets, changing at most yearly. */
static gboolean
check_zone (icalcomponent *zone, const char *label, const char *property, const char *shown,
            GError **error)
{
  guint observances = 0;

  for (icalcomponent *part = icalcomponent_get_first_component (zone, ICAL_ANY_COMPONENT);
       part != NULL; part = icalcomponent_get_next_component (zone, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (part);

      if (kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT)
        observances++;
      for (icalproperty *rule = icalcomponent_get_first_property (part, ICAL_RRULE_PROPERTY);
           rule != NULL; rule = icalcomponent_get_next_property (part, ICAL_RRULE_PROPERTY))
        if (icalproperty_get_rrule (rule).freq != ICAL_YEARLY_RECURRENCE)
          {
            g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                         _ ("%s gives %s in the time zone '%s', which the file says changes "
                            "more often than yearly, as no real zone does"),
                         label, property, shown);
            return FALSE;
          }
    }
  if (observances == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s gives %s in the time zone '%s', which the file defines without any "
                      "offsets (a VTIMEZONE without STANDARD or DAYLIGHT)"),
                   label, property, shown);
      return FALSE;
    }
  return TRUE;
}

/* "%s has DTEND that is not a real day and time", with the line as written when known. */
static void
set_not_a_time (GError **error, const char *label, const char *name, const char *written,
                guint line)
{
  if (written != NULL)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                 /* TRANSLATORS: an event, DTSTART, a line number, the line as written. */
                 _ ("%s has %s that is not a real day and time (line %u: '%s')"), label, name, line,
                 written);
  else
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s has %s that is not a real day and time"),
                 label, name);
}

/* The instant of `tt` with the TZID `tzid`: through the embedded VTIMEZONE, else a zone
 * this system knows by that name or its Windows name. */
static gboolean
zoned_instant (icalcomponent *calendar, const char *tzid, struct icaltimetype tt, const char *label,
               const char *name, gint64 *instant, GError **error)
{
  icaltimezone *embedded = icalcomponent_get_timezone (calendar, tzid);
  g_autofree char *clean = jt_text_clean (tzid, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, 80);
  const char *shown = clean != NULL ? clean : "";
  g_autoptr (GTimeZone) system = NULL;

  if (embedded != NULL)
    {
      if (!check_zone (icaltimezone_get_component (embedded), label, name, shown, error))
        return FALSE;
      *instant = wall_instant (wall_seconds (tt), embedded_offset_at, embedded);
      return TRUE;
    }
  system = system_zone (tzid);
  if (system == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s gives %s in the time zone '%s', which the file does not define "
                      "(no VTIMEZONE) and this system does not know"),
                   label, name, shown);
      return FALSE;
    }
  *instant = wall_instant (wall_seconds (tt), system_offset_at, system);
  return TRUE;
}

gboolean
jt_ical_time_instant (icalcomponent *calendar, icalproperty *prop, struct icaltimetype tt,
                      GTimeZone *tz, const char *label, const char *written, guint line,
                      gint64 *instant, GError **error)
{
  const char *name = icalproperty_get_property_name (prop);
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;

  /* libical takes 32 October as 1 November, and reads "T-80000" as hour -8; a person
   * would not. */
  if (icaltime_is_null_time (tt) || !icaltime_is_valid_time (tt) || tt.month < 1 || tt.month > 12
      || tt.day < 1 || tt.day > icaltime_days_in_month (tt.month, tt.year) || tt.hour < 0
      || tt.hour > 23 || tt.minute < 0 || tt.minute > 59 || tt.second < 0 || tt.second > 60)
    {
      set_not_a_time (error, label, name, written, line);
      return FALSE;
    }
  if (tt.is_date)
    {
      gboolean all_day = g_str_equal (name, "DTSTART") || g_str_equal (name, "DTEND");

      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   all_day ? _ ("%s is an all-day event (%s is a date without a time)")
                           : _ ("%s names a meeting of its series by the day alone (%s is a date "
                                "without a time), which jobtrack cannot match to a meeting"),
                   label, name);
      return FALSE;
    }
  if (tt.year < 1900 || tt.year > 9999)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s has %s in the year %d"), label, name,
                   tt.year);
      return FALSE;
    }
  if (icaltime_is_utc (tt))
    *instant = wall_seconds (tt);
  else if (tzid != NULL)
    return zoned_instant (calendar, tzid, tt, label, name, instant, error);
  else
    *instant = wall_instant (wall_seconds (tt), system_offset_at, tz);
  return TRUE;
}
