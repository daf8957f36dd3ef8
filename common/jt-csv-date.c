/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-date.c: dates as spreadsheets write them. */
#include "jt-csv-date.h"

#include <stdlib.h>
#include <string.h>

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
month_of (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (strlen (lower) < 3)
    return 0;
  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    if (g_str_has_prefix (lower, month_names[m]))
      return (int) m + 1;
  return 0;
}

static int
full_year (int year)
{
  return year < 100 ? 2000 + year : year;
}

/* The first three parts of a date as written: runs of digits and runs of letters,
 * whatever separates them ("Mar 14, 2026", "2026-03-14T10:00" -> 2026 03 14). */
static GStrv
date_parts (const char *text)
{
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  guint count = 0;

  for (const char *p = text; *p != '\0' && count < 3;)
    {
      const char *start = p;

      if (g_ascii_isdigit (*p))
        while (g_ascii_isdigit (*p))
          p++;
      else if (g_ascii_isalpha (*p))
        while (g_ascii_isalpha (*p))
          p++;
      else
        {
          p++;
          continue;
        }
      {
        g_autofree char *part = g_strndup (start, (gsize) (p - start));

        g_strv_builder_add (parts, part);
      }
      count++;
    }
  return g_strv_builder_end (parts);
}

JtCsvDateRead
jt_csv_date_read (const char *text, JtCsvDateOrder order, JtCsvDate *ymd, gboolean *first_over_12,
                  gboolean *second_over_12)
{
  g_auto (GStrv) parts = date_parts (text);
  int a, b, c, month;

  if (g_strv_length (parts) != 3)
    return JT_CSV_DATE_BAD;
  for (guint i = 0; i < 3; i++)
    if (g_ascii_isdigit (parts[i][0]) && strlen (parts[i]) > 4)
      return JT_CSV_DATE_BAD;
  if ((month = month_of (parts[1])) > 0 && g_ascii_isdigit (parts[0][0]))
    *ymd = (JtCsvDate){ full_year (atoi (parts[2])), month, atoi (parts[0]) }; /* 14 Mar 2026 */
  else if ((month = month_of (parts[0])) > 0)
    *ymd = (JtCsvDate){ full_year (atoi (parts[2])), month, atoi (parts[1]) }; /* Mar 14, 2026 */
  else
    {
      for (guint i = 0; i < 3; i++)
        if (!g_ascii_isdigit (parts[i][0]))
          return JT_CSV_DATE_BAD;
      a = atoi (parts[0]);
      b = atoi (parts[1]);
      c = atoi (parts[2]);
      if (strlen (parts[0]) == 4)
        *ymd = (JtCsvDate){ a, b, c }; /* 2026-03-14 */
      else if (strchr (text, '.') != NULL)
        *ymd = (JtCsvDate){ full_year (c), b, a }; /* 14.03.2026: always day first */
      else
        {
          if (first_over_12 != NULL)
            *first_over_12 |= a > 12;
          if (second_over_12 != NULL)
            *second_over_12 |= b > 12;
          if (order == JT_CSV_DATES_GUESS && a <= 12 && b <= 12 && a != b)
            return JT_CSV_DATE_AMBIGUOUS;
          if (order == JT_CSV_DATES_MDY || (order == JT_CSV_DATES_GUESS && b > 12))
            *ymd = (JtCsvDate){ full_year (c), a, b };
          else
            *ymd = (JtCsvDate){ full_year (c), b, a };
        }
    }
  if (!g_date_valid_dmy ((GDateDay) ymd->day, (GDateMonth) ymd->month, (GDateYear) ymd->year)
      || ymd->year < 1900)
    return JT_CSV_DATE_BAD;
  return JT_CSV_DATE_OK;
}
