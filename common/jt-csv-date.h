/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-date.h: dates as spreadsheets and trackers write them in a CSV file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which of 03/04/2026's numbers is the day. */
typedef enum
{
  JT_CSV_DATES_GUESS, /* only when a number above 12 tells; else JT_CSV_DATE_AMBIGUOUS */
  JT_CSV_DATES_DMY,
  JT_CSV_DATES_MDY,
} JtCsvDateOrder;

typedef struct
{
  int year, month, day;
} JtCsvDate;

typedef enum
{
  JT_CSV_DATE_BAD,
  JT_CSV_DATE_OK,
  JT_CSV_DATE_AMBIGUOUS, /* A/B/YYYY with both A and B 12 or less, order not known */
} JtCsvDateRead;

/* Reads 2026-03-14, 2026/03/14, 14.03.2026 (always day first), 14/03/2026 or 03/14/2026
 * (by `order`), 14 Mar 2026 and March 14, 2026 (English month names); a time after the
 * date is ignored, a two-digit year is 20YY. For an A/B/Y date, `first_over_12` and
 * `second_over_12` (when given) are set if A or B is above 12. */
JtCsvDateRead jt_csv_date_read (const char *text, JtCsvDateOrder order, JtCsvDate *date,
                                gboolean *first_over_12, gboolean *second_over_12);

G_END_DECLS
