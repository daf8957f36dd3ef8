/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-time.c: a small hand-written grammar for the dates people type. GLib does all the
 * calendar work (GDateTime, GTimeZone); this file only reads words and digits. */
#include "jt-time.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-text.h"

/* Nobody types a date this long; refusing early keeps pasted essays out of the parser. */
#define JT_TIME_MAX_INPUT 256
/* Six digits already reach past year 9999 in every unit, and keep all sums in range. */
#define JT_TIME_MAX_DIGITS 6
/* Real zones run from -12:00 to +14:00; GLib itself would accept +24:00. */
#define JT_TIME_MAX_OFFSET_HOURS 14

typedef enum
{
  UNIT_SECONDS, /* exact elapsed time */
  UNIT_DAYS,    /* calendar days in the local zone: 10:00 stays 10:00 across DST */
  UNIT_MONTHS,  /* calendar months, clamped to the month's end by GLib */
  UNIT_YEARS,
} UnitKind;

typedef struct
{
  const char *name;
  UnitKind kind;
  gint64 scale; /* how many of the kind's base (second, day, month, year) one unit is */
} Unit;

static const Unit units[] = {
  { "s", UNIT_SECONDS, 1 },        { "sec", UNIT_SECONDS, 1 },     { "secs", UNIT_SECONDS, 1 },
  { "second", UNIT_SECONDS, 1 },   { "seconds", UNIT_SECONDS, 1 }, { "m", UNIT_SECONDS, 60 },
  { "min", UNIT_SECONDS, 60 },     { "mins", UNIT_SECONDS, 60 },   { "minute", UNIT_SECONDS, 60 },
  { "minutes", UNIT_SECONDS, 60 }, { "h", UNIT_SECONDS, 3600 },    { "hr", UNIT_SECONDS, 3600 },
  { "hrs", UNIT_SECONDS, 3600 },   { "hour", UNIT_SECONDS, 3600 }, { "hours", UNIT_SECONDS, 3600 },
  { "d", UNIT_DAYS, 1 },           { "day", UNIT_DAYS, 1 },        { "days", UNIT_DAYS, 1 },
  { "w", UNIT_DAYS, 7 },           { "wk", UNIT_DAYS, 7 },         { "wks", UNIT_DAYS, 7 },
  { "week", UNIT_DAYS, 7 },        { "weeks", UNIT_DAYS, 7 },      { "mo", UNIT_MONTHS, 1 },
  { "month", UNIT_MONTHS, 1 },     { "months", UNIT_MONTHS, 1 },   { "y", UNIT_YEARS, 1 },
  { "yr", UNIT_YEARS, 1 },         { "yrs", UNIT_YEARS, 1 },       { "year", UNIT_YEARS, 1 },
  { "years", UNIT_YEARS, 1 },
};

/* Indexed by GDateWeekday, as g_date_time_get_day_of_week () counts (1 = Monday). The
 * abbreviation is both a word people type (in English) and the name listings show
 * (translated). */
static const struct
{
  const char *name;
  const char *abbrev;
} weekdays[] = {
  [G_DATE_MONDAY] = { "monday", NC_ ("weekday", "Mon") },
  [G_DATE_TUESDAY] = { "tuesday", NC_ ("weekday", "Tue") },
  [G_DATE_WEDNESDAY] = { "wednesday", NC_ ("weekday", "Wed") },
  [G_DATE_THURSDAY] = { "thursday", NC_ ("weekday", "Thu") },
  [G_DATE_FRIDAY] = { "friday", NC_ ("weekday", "Fri") },
  [G_DATE_SATURDAY] = { "saturday", NC_ ("weekday", "Sat") },
  [G_DATE_SUNDAY] = { "sunday", NC_ ("weekday", "Sun") },
};

/* Indexed by GDateMonth (1 = January). */
static const char *const month_abbrevs[] = {
  [G_DATE_JANUARY] = NC_ ("month", "Jan"),   [G_DATE_FEBRUARY] = NC_ ("month", "Feb"),
  [G_DATE_MARCH] = NC_ ("month", "Mar"),     [G_DATE_APRIL] = NC_ ("month", "Apr"),
  [G_DATE_MAY] = NC_ ("month", "May"),       [G_DATE_JUNE] = NC_ ("month", "Jun"),
  [G_DATE_JULY] = NC_ ("month", "Jul"),      [G_DATE_AUGUST] = NC_ ("month", "Aug"),
  [G_DATE_SEPTEMBER] = NC_ ("month", "Sep"), [G_DATE_OCTOBER] = NC_ ("month", "Oct"),
  [G_DATE_NOVEMBER] = NC_ ("month", "Nov"),  [G_DATE_DECEMBER] = NC_ ("month", "Dec"),
};

typedef struct
{
  guint hour;
  guint minute;
  guint second;
} Clock;

static const Clock midnight = { 0, 0, 0 };

/* ---- Reading text ------------------------------------------------------------------
 * Each eat_* looks at the cursor *s and, only when it matches, moves it past the match.
 * The grammar runs on normalized text: lower case, words separated by exactly one space. */

static gboolean
eat_char (const char **s, char c)
{
  if (**s != c)
    return FALSE;
  (*s)++;
  return TRUE;
}

/* The end of a word: one space (eaten) or the end of the text. */
static gboolean
eat_boundary (const char **s)
{
  return **s == '\0' || eat_char (s, ' ');
}

static gboolean
eat_word (const char **s, const char *word)
{
  const char *p = *s;
  size_t len = strlen (word);

  if (g_ascii_strncasecmp (p, word, len) != 0)
    return FALSE;
  p += len;
  if (!eat_boundary (&p))
    return FALSE;
  *s = p;
  return TRUE;
}

/* A run of min..max digits; a longer run does not match at all. */
static gboolean
eat_digits (const char **s, guint min, guint max, guint *value)
{
  guint n = 0;
  guint v = 0;

  for (; g_ascii_isdigit ((*s)[n]); n++)
    {
      if (n == max)
        return FALSE;
      v = v * 10 + (guint) g_ascii_digit_value ((*s)[n]);
    }
  if (n < min)
    return FALSE;
  *s += n;
  *value = v;
  return TRUE;
}

/* A unit name from the table: the whole run of letters at the cursor. */
static gboolean
eat_unit (const char **s, const Unit **unit)
{
  size_t len = 0;

  while (g_ascii_isalpha ((*s)[len]))
    len++;
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (strlen (units[i].name) == len && strncmp (units[i].name, *s, len) == 0)
      {
        *s += len;
        *unit = &units[i];
        return TRUE;
      }
  return FALSE;
}

/* "2026-12-04": the shape only; the caller decides whether it is a real day. */
static gboolean
eat_iso_date (const char **s, guint *year, guint *month, guint *day)
{
  const char *p = *s;

  if (!eat_digits (&p, 4, 4, year) || !eat_char (&p, '-') || !eat_digits (&p, 2, 2, month)
      || !eat_char (&p, '-') || !eat_digits (&p, 2, 2, day))
    return FALSE;
  *s = p;
  return TRUE;
}

/* "14:00", "9:30", "14:00:30", "2pm", "2:30 pm", "12am"; must be all of `s`. */
static gboolean
read_clock (const char *s, Clock *clock)
{
  gboolean has_minutes;
  gboolean am;
  gboolean pm;

  *clock = midnight;
  if (!eat_digits (&s, 1, 2, &clock->hour))
    return FALSE;
  has_minutes = eat_char (&s, ':');
  if (has_minutes && !eat_digits (&s, 2, 2, &clock->minute))
    return FALSE;
  if (has_minutes && eat_char (&s, ':') && !eat_digits (&s, 2, 2, &clock->second))
    return FALSE;
  eat_char (&s, ' ');
  am = eat_word (&s, "am");
  pm = !am && eat_word (&s, "pm");
  if (*s != '\0')
    return FALSE;
  if (am || pm)
    {
      if (clock->hour < 1 || clock->hour > 12)
        return FALSE;
      /* 12am is midnight and 12pm is noon */
      clock->hour = clock->hour % 12 + (pm ? 12 : 0);
    }
  else if (!has_minutes)
    return FALSE; /* a bare number is not a time: "+2" or "friday 14" is a typo */
  return clock->hour <= 23 && clock->minute <= 59 && clock->second <= 59;
}

/* A time of day with an optional "at" before it; must be all of `s`. */
static gboolean
read_time (const char *s, Clock *clock)
{
  eat_word (&s, "at");
  return read_clock (s, clock);
}

/* ---- Building instants --------------------------------------------------------------- */

/* The calendar day of `day` at a wall-clock time in its zone. g_date_time_new () moves a
 * time inside a DST gap forward to the gap's end and takes standard time in a fold. */
static GDateTime *
at_clock (GDateTime *day, const Clock *clock)
{
  gint year, month, mday;

  g_date_time_get_ymd (day, &year, &month, &mday);
  return g_date_time_new (g_date_time_get_timezone (day), year, month, mday, (gint) clock->hour,
                          (gint) clock->minute, clock->second);
}

/* NULL when the result leaves years 1..9999. */
static GDateTime *
add_amount (GDateTime *now, gint64 count, const Unit *unit)
{
  switch (unit->kind)
    {
    case UNIT_SECONDS:
      return g_date_time_add (now, count * unit->scale * G_TIME_SPAN_SECOND);
    case UNIT_DAYS:
      return g_date_time_add_days (now, (gint) (count * unit->scale));
    case UNIT_MONTHS:
      return g_date_time_add_months (now, (gint) (count * unit->scale));
    case UNIT_YEARS:
      return g_date_time_add_years (now, (gint) (count * unit->scale));
    }
  g_return_val_if_reached (NULL);
}

/* ---- Day forms: each returns an instant on the named day, or NULL leaving *s alone --- */

/* "2026-12-04" */
static GDateTime *
read_iso_day (const char **s, GDateTime *now)
{
  const char *p = *s;
  guint year, month, day;
  GDateTime *start;

  if (!eat_iso_date (&p, &year, &month, &day) || !eat_boundary (&p))
    return NULL;
  /* NULL for 2026-02-30 or month 13 */
  start = g_date_time_new (g_date_time_get_timezone (now), (gint) year, (gint) month, (gint) day, 0,
                           0, 0);
  if (start != NULL)
    *s = p;
  return start;
}

/* "today", "tomorrow", "yesterday" */
static GDateTime *
read_day_word (const char **s, GDateTime *now)
{
  static const struct
  {
    const char *word;
    gint days;
  } words[] = { { "today", 0 }, { "tomorrow", 1 }, { "yesterday", -1 } };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *p = *s;
      GDateTime *day;

      if (!eat_word (&p, words[i].word))
        continue;
      /* NULL past year 9999 */
      day = g_date_time_add_days (now, words[i].days);
      if (day != NULL)
        *s = p;
      return day;
    }
  return NULL;
}

/* "friday", "fri", "next friday": 1 to 7 days ahead, so on a Friday "friday" is a week
 * away (today is not "next"). "last friday": 1 to 7 days back. */
static GDateTime *
read_weekday (const char **s, GDateTime *now)
{
  const char *p = *s;
  gboolean last = eat_word (&p, "last");
  gint today = g_date_time_get_day_of_week (now);
  gint wd;
  gint days;
  GDateTime *day;

  if (!last)
    eat_word (&p, "next");
  for (wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
    if (eat_word (&p, weekdays[wd].name) || eat_word (&p, weekdays[wd].abbrev))
      break;
  if (wd > G_DATE_SUNDAY)
    return NULL;

  /* (distance + 6) % 7 + 1 runs 1..7: today's own name is a week away, never today */
  if (last)
    days = -((today - wd + 6) % 7 + 1);
  else
    days = (wd - today + 6) % 7 + 1;
  /* NULL past year 9999 */
  day = g_date_time_add_days (now, days);
  if (day != NULL)
    *s = p;
  return day;
}

/* "in 3 days", "+2w", "-1h", "3 days ago": now moved by an amount. Sets `exact` for
 * seconds/minutes/hours, which already name a time of day. */
static GDateTime *
read_amount (const char **s, GDateTime *now, gboolean *exact)
{
  const char *p = *s;
  gint64 sign = 1;
  gboolean needs_ago = FALSE;
  guint count;
  const Unit *unit;
  GDateTime *moved;

  if (eat_char (&p, '-'))
    sign = -1;
  else if (!eat_char (&p, '+') && !eat_word (&p, "in"))
    needs_ago = TRUE;
  if (!eat_digits (&p, 1, JT_TIME_MAX_DIGITS, &count))
    return NULL;
  eat_char (&p, ' ');
  if (!eat_unit (&p, &unit) || !eat_boundary (&p))
    return NULL;
  if (needs_ago && !eat_word (&p, "ago"))
    return NULL;
  if (needs_ago)
    sign = -1;
  moved = add_amount (now, sign * count, unit);
  if (moved != NULL)
    {
      *s = p;
      *exact = unit->kind == UNIT_SECONDS;
    }
  return moved;
}

/* ---- Whole forms: each must read all of `s` ------------------------------------------ */

/* "2026-12-04T14:30", "2026-12-04 14:30:15", "2026-12-04T14:30+01:00", "...Z". GLib 2.74
 * wants the seconds and an upper-case Z, so it gets a canonical copy; without an offset
 * the wall time is read in now's zone, with one the instant is converted into it. */
static GDateTime *
parse_iso_datetime (const char *s, GDateTime *now)
{
  GTimeZone *tz = g_date_time_get_timezone (now);
  guint year, month, day, hour, minute, second = 0, off_hours = 0, off_minutes = 0;
  char sign = '\0';
  g_autofree char *zone = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr (GDateTime) parsed = NULL;

  if (!eat_iso_date (&s, &year, &month, &day) || !(eat_char (&s, 't') || eat_char (&s, ' '))
      || !eat_digits (&s, 2, 2, &hour) || !eat_char (&s, ':') || !eat_digits (&s, 2, 2, &minute))
    return NULL;
  if (eat_char (&s, ':') && !eat_digits (&s, 2, 2, &second))
    return NULL;
  if (eat_char (&s, 'z'))
    sign = 'Z';
  else if (*s == '+' || *s == '-')
    {
      sign = *s++;
      if (!eat_digits (&s, 2, 2, &off_hours) || !eat_char (&s, ':')
          || !eat_digits (&s, 2, 2, &off_minutes))
        return NULL;
    }
  /* GLib would read second 60 as 59 */
  if (*s != '\0' || second > 59 || off_hours > JT_TIME_MAX_OFFSET_HOURS || off_minutes > 59)
    return NULL;

  if (sign == 'Z')
    zone = g_strdup ("Z");
  else if (sign != '\0')
    zone = g_strdup_printf ("%c%02u:%02u", sign, off_hours, off_minutes);
  canonical = g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:%02u%s", year, month, day, hour, minute,
                               second, zone != NULL ? zone : "");
  parsed = g_date_time_new_from_iso8601 (canonical, tz);
  return parsed != NULL ? g_date_time_to_timezone (parsed, tz) : NULL;
}

/* A day form with an optional time after it: "friday", "tomorrow at 9:30",
 * "in 3 days 10:00", "+2h". */
static GDateTime *
parse_day (const char *s, GDateTime *now, gboolean *has_time)
{
  g_autoptr (GDateTime) day = NULL;
  gboolean day_only = TRUE;
  gboolean exact = FALSE;
  Clock clock;

  if ((day = read_iso_day (&s, now)) == NULL && (day = read_day_word (&s, now)) == NULL
      && (day = read_weekday (&s, now)) == NULL)
    {
      /* relative amounts carry now's time of day */
      day = read_amount (&s, now, &exact);
      day_only = FALSE;
    }
  if (day == NULL)
    return NULL;

  if (*s == '\0')
    {
      *has_time = !day_only;
      return day_only ? at_clock (day, &midnight) : g_steal_pointer (&day);
    }
  /* "+2h 10:00" would name two different times */
  if (exact || !read_time (s, &clock))
    return NULL;
  *has_time = TRUE;
  return at_clock (day, &clock);
}

/* "14:00", "at 3pm": today at that time, even if it has passed. */
static GDateTime *
parse_time_today (const char *s, GDateTime *now, gboolean *has_time)
{
  Clock clock;

  if (!read_time (s, &clock))
    return NULL;
  *has_time = TRUE;
  return at_clock (now, &clock);
}

static GDateTime *
parse_when (const char *s, GDateTime *now, gboolean *has_time)
{
  GDateTime *when;

  if (g_str_equal (s, "now"))
    {
      *has_time = TRUE;
      return g_date_time_ref (now);
    }
  if ((when = parse_iso_datetime (s, now)) != NULL)
    {
      *has_time = TRUE;
      return when;
    }
  if ((when = parse_day (s, now, has_time)) != NULL)
    return when;
  return parse_time_today (s, now, has_time);
}

/* ---- Input checks and messages ----------------------------------------------------- */

/* Only short text without control characters can be a date or a duration. */
static gboolean
plausible_input (const char *text)
{
  for (gsize i = 0; text[i] != '\0'; i++)
    if (i >= JT_TIME_MAX_INPUT || g_ascii_iscntrl (text[i]))
      return FALSE;
  return TRUE;
}

/* Lower case, words separated by one space, none at either end. */
static char *
normalize (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, g_ascii_tolower (*c));
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* ---- Public API ------------------------------------------------------------------- */

GDateTime *
jt_when_parse (const char *text, GDateTime *now, gboolean *has_time, GError **error)
{
  g_autofree char *normal = NULL;
  gboolean when_has_time = TRUE;
  GDateTime *when = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (plausible_input (text))
    {
      normal = normalize (text);
      when = parse_when (normal, now, &when_has_time);
    }
  if (when == NULL)
    {
      g_autofree char *shown = jt_text_quote (text, -1);

      /* TRANSLATORS: the examples are what jobtrack reads: keep them as they are. */
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read date '%s' (try 2026-12-04, 2026-12-04 14:30, friday 14:00, "
                      "tomorrow, in 3 days, +2w)"),
                   shown);
      return NULL;
    }
  if (has_time != NULL)
    *has_time = when_has_time;
  return when;
}

/* "1h30m", "1 hour 30 minutes": the total in seconds, or -1. At most JT_TIME_MAX_INPUT / 2
 * parts of at most 999999 weeks each, so the sum cannot overflow. */
static gint64
read_duration (const char *s)
{
  gint64 total = 0;

  if (*s == '\0')
    return -1;
  while (*s != '\0')
    {
      guint count;
      const Unit *unit;

      if (!eat_digits (&s, 1, JT_TIME_MAX_DIGITS, &count))
        return -1;
      eat_char (&s, ' ');
      if (!eat_unit (&s, &unit))
        return -1;
      /* months and years have no fixed length */
      if (unit->kind == UNIT_MONTHS || unit->kind == UNIT_YEARS)
        return -1;
      if (unit->kind == UNIT_DAYS)
        total += count * unit->scale * (G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
      else
        total += count * unit->scale;
      eat_char (&s, ' ');
    }
  return total;
}

gboolean
jt_duration_parse (const char *text, gint64 *seconds, GError **error)
{
  gint64 total = -1;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plausible_input (text))
    {
      g_autofree char *normal = normalize (text);

      total = read_duration (normal);
    }
  if (total <= 0)
    {
      g_autofree char *shown = jt_text_quote (text, -1);

      /* TRANSLATORS: the examples are what jobtrack reads: keep them as they are. */
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read duration '%s' (try 45m, 1h30m, 2d)"), shown);
      return FALSE;
    }
  *seconds = total;
  return TRUE;
}

/* The instant seen in `tz` (NULL: local); NULL outside years 1..9999. */
static GDateTime *
instant_in_zone (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  if (utc == NULL)
    return NULL;
  return tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_to_local (utc);
}

char *
jt_time_format_iso (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr (GDateTime) dt = instant_in_zone (unix_seconds, tz);

  /* %:z, unlike g_date_time_format_iso8601 (), never shortens +00:00 to Z */
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

char *
jt_time_format_human (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr (GDateTime) dt = instant_in_zone (unix_seconds, tz);

  if (dt == NULL)
    return NULL;
  /* Not %a and %b: those follow LC_TIME, these the language of the rest of the text. */
  return g_strdup_printf (
      "%s %d %s %d %02d:%02d",
      g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[g_date_time_get_day_of_week (dt)].abbrev),
      g_date_time_get_day_of_month (dt),
      g_dpgettext2 (GETTEXT_PACKAGE, "month", month_abbrevs[g_date_time_get_month (dt)]),
      g_date_time_get_year (dt), g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

char *
jt_date_format (GDateTime *dt)
{
  gint year, month, day;

  g_return_val_if_fail (dt != NULL, NULL);

  /* not %Y: GLib does not pad years before 1000, and jt_date_valid () wants four digits */
  g_date_time_get_ymd (dt, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

gboolean
jt_date_valid (const char *yyyy_mm_dd)
{
  const char *s = yyyy_mm_dd;
  guint year, month, day;

  if (s == NULL || !eat_iso_date (&s, &year, &month, &day) || *s != '\0')
    return FALSE;
  /* the shape caps the fields at 9999, 99, 99, which the GDate types hold */
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
is_weekend (const GDate *day)
{
  GDateWeekday weekday = g_date_get_weekday (day);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

void
jt_date_business_forward (GDate *day)
{
  while (is_weekend (day))
    g_date_add_days (day, 1);
}

void
jt_date_business_backward (GDate *day)
{
  while (is_weekend (day) && g_date_get_julian (day) > 1)
    g_date_subtract_days (day, 1);
}

void
jt_date_next_business_day (GDate *day)
{
  g_date_add_days (day, 1);
  jt_date_business_forward (day);
}

void
jt_date_subtract_days_clamped (GDate *day, guint days)
{
  g_date_subtract_days (day, MIN (days, g_date_get_julian (day) - 1));
}

void
jt_date_subtract_business_days (GDate *day, guint days)
{
  for (guint i = 0; i < days && g_date_get_julian (day) > 1; i++)
    {
      g_date_subtract_days (day, 1);
      jt_date_business_backward (day);
    }
}
