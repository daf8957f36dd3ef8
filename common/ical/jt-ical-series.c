/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-series.c: the meetings of a recurring invitation (see jt-ical-series.h). */
#include "jt-ical-series.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical-time.h"

gboolean
jt_ical_series_repeats (icalcomponent *event)
{
  return icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL
         || icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL;
}

char *
jt_ical_series_recurrence_id (gint64 instant)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (instant);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static gint
compare_instants (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
set_too_long (GError **error, const char *label)
{
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               _ ("%s repeats for more than %d years; a series of interviews is a few meetings"),
               label, JT_ICAL_SERIES_MAX_YEARS);
}

static void
set_too_many (GError **error, const char *label)
{
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               _ ("%s repeats more than %d times; jobtrack records each meeting of a series as "
                  "an interview, and a series of interviews is a few meetings"),
               label, JT_ICAL_SERIES_MAX_MEETINGS);
}

/* Adds the meetings of the RRULE `prop` to `starts`, stopping past `enough` of them.
 * libical walks a rule that matches nothing (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) day by
 * day to the year 2582, a second for each: its walk ends at the window. */
static gboolean
add_rule (icalcomponent *calendar, icalproperty *dtstart, icalproperty *prop, GTimeZone *tz,
          const char *label, guint enough, GArray *starts, GError **error)
{
  struct icalrecurrencetype rule = icalproperty_get_rrule (prop);
  struct icaltimetype first = icalproperty_get_dtstart (dtstart);
  struct icaltimetype window = first;
  icalrecur_iterator *it;
  struct icaltimetype next;
  int given = 0;
  gboolean ok = TRUE;

  if (rule.freq == ICAL_NO_RECURRENCE || rule.freq < ICAL_DAILY_RECURRENCE)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s repeats more often than daily (RRULE), as no series of interviews "
                      "does"),
                   label);
      return FALSE;
    }
  if (rule.count <= 0 && icaltime_is_null_time (rule.until))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s repeats without end (an RRULE without COUNT or UNTIL); a series of "
                      "interviews is a few meetings"),
                   label);
      return FALSE;
    }
  window.year += JT_ICAL_SERIES_MAX_YEARS;
  window = icaltime_normalize (window);
  if (!icaltime_is_null_time (rule.until) && icaltime_compare_date_only (rule.until, window) > 0)
    {
      set_too_long (error, label);
      return FALSE;
    }
  if (rule.count > 0)
    rule.until = window;
  it = icalrecur_iterator_new (rule, first);
  if (it == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s has a repeat rule (RRULE) that cannot be followed"), label);
      return FALSE;
    }
  for (next = icalrecur_iterator_next (it); ok && !icaltime_is_null_time (next);
       next = icalrecur_iterator_next (it))
    {
      gint64 instant;

      /* The meetings of a rule are at DTSTART's wall time in DTSTART's zone. */
      ok = jt_ical_time_instant (calendar, dtstart, next, tz, label, NULL, 0, &instant, error);
      if (ok)
        g_array_append_val (starts, instant);
      given++;
      if (starts->len > enough)
        break; /* too many: said by the caller */
    }
  icalrecur_iterator_free (it);
  /* A COUNT the window did not reach: the meetings go on past it. */
  if (ok && icaltime_is_null_time (next) && rule.count > 0 && given < rule.count)
    {
      set_too_long (error, label);
      return FALSE;
    }
  return ok;
}

/* Whether `instant` is in `sorted`, ascending. */
static gboolean
contains (GArray *sorted, gint64 instant)
{
  guint low = 0;
  guint high = sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 here = g_array_index (sorted, gint64, middle);

      if (here == instant)
        return TRUE;
      if (here < instant)
        low = middle + 1;
      else
        high = middle;
    }
  return FALSE;
}

GArray *
jt_ical_series_starts (icalcomponent *calendar, icalcomponent *event, gint64 first, GTimeZone *tz,
                       const char *label, GError **error)
{
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) excluded = g_array_new (FALSE, FALSE, sizeof (gint64));
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  guint kept = 0;

  g_return_val_if_fail (dtstart != NULL, NULL);
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      gint64 instant;

      if (!jt_ical_time_instant (calendar, p, icalproperty_get_exdate (p), tz, label, NULL, 0,
                                 &instant, error))
        return NULL;
      g_array_append_val (excluded, instant);
    }
  /* RFC 5545: DTSTART is the first meeting, whether or not the rule gives it. */
  g_array_append_val (starts, first);
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY))
    /* Enough that what the EXDATEs leave still shows a series that is too long. */
    if (!add_rule (calendar, dtstart, p, tz, label,
                   starts->len + excluded->len + JT_ICAL_SERIES_MAX_MEETINGS, starts, error))
      return NULL;
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype value = icalproperty_get_rdate (p);
      struct icaltimetype tt = icaltime_is_null_time (value.time) ? value.period.start : value.time;
      gint64 instant;

      if (starts->len > excluded->len + 2 * JT_ICAL_SERIES_MAX_MEETINGS)
        break; /* too many already */
      if (!jt_ical_time_instant (calendar, p, tt, tz, label, NULL, 0, &instant, error))
        return NULL;
      g_array_append_val (starts, instant);
    }
  g_array_sort (starts, compare_instants);
  g_array_sort (excluded, compare_instants);
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 instant = g_array_index (starts, gint64, i);
      gboolean again = kept > 0 && g_array_index (starts, gint64, kept - 1) == instant;

      if (!again && !contains (excluded, instant))
        g_array_index (starts, gint64, kept++) = instant;
    }
  g_array_set_size (starts, kept);
  if (starts->len > JT_ICAL_SERIES_MAX_MEETINGS)
    {
      set_too_many (error, label);
      return NULL;
    }
  return g_steal_pointer (&starts);
}
