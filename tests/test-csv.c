/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: the CSV reader: RFC 4180 quoting, line ends, BOM, delimiters, line
 * numbers, and what it refuses. */
#include <string.h>

#include "jt-csv-date.h"
#include "jt-csv.h"
#include "jt-error.h"

static JtCsv *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  JtCsv *csv = jt_csv_parse (text, strlen (text), 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_record (JtCsv *csv, guint index, guint line, const char *const *fields)
{
  JtCsvRecord *record;

  g_assert_cmpuint (index, <, csv->records->len);
  record = g_ptr_array_index (csv->records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpstrv (record->fields, fields);
}

static void
test_quoting (void)
{
  g_autoptr (JtCsv) csv = parse_ok ("a,b,c\n"
                                    "\"x, y\",\"say \"\"hi\"\"\",\"\"\n"
                                    "\"two\nlines\",plain,\n");

  g_assert_cmpint (csv->delimiter, ==, ',');
  g_assert_cmpuint (csv->records->len, ==, 3);
  assert_record (csv, 0, 1, (const char *[]){ "a", "b", "c", NULL });
  assert_record (csv, 1, 2, (const char *[]){ "x, y", "say \"hi\"", "", NULL });
  assert_record (csv, 2, 3, (const char *[]){ "two\nlines", "plain", "", NULL });
}

static void
test_line_ends_bom_and_blank_lines (void)
{
  g_autoptr (JtCsv) csv = parse_ok ("\xef\xbb\xbf"
                                    "name;note\r\n"
                                    "\r\n"
                                    "Ann;\"one\r\ntwo\"\r\n"
                                    "Bob;old Mac\rCarl;last");

  g_assert_cmpint (csv->delimiter, ==, ';');
  g_assert_false (csv->converted);
  g_assert_cmpuint (csv->records->len, ==, 4);
  assert_record (csv, 0, 1, (const char *[]){ "name", "note", NULL });
  /* Line 2 is blank; Ann's note spans lines 3 and 4, its CRLF kept as LF. */
  assert_record (csv, 1, 3, (const char *[]){ "Ann", "one\ntwo", NULL });
  assert_record (csv, 2, 5, (const char *[]){ "Bob", "old Mac", NULL });
  assert_record (csv, 3, 6, (const char *[]){ "Carl", "last", NULL });
}

static void
test_delimiter_guess (void)
{
  g_autoptr (JtCsv) tabs = parse_ok ("a\tb,c\td\n1\t2,3\t4\n");
  g_autoptr (JtCsv) quoted = parse_ok ("\"a;b;c\",d\n1,2\n");
  g_autoptr (JtCsv) single = parse_ok ("company\nAcme\n");

  g_assert_cmpint (tabs->delimiter, ==, '\t');
  assert_record (tabs, 1, 2, (const char *[]){ "1", "2,3", "4", NULL });
  /* Delimiters inside quotes do not count. */
  g_assert_cmpint (quoted->delimiter, ==, ',');
  g_assert_cmpint (single->delimiter, ==, ',');
  assert_record (single, 1, 2, (const char *[]){ "Acme", NULL });
}

static void
test_windows_1252 (void)
{
  /* "Société" as Excel on Windows saves it. */
  const char text[] = "company\nSoci\xe9t\xe9\n";
  g_autoptr (JtCsv) csv = parse_ok (text);

  g_assert_true (csv->converted);
  assert_record (csv, 1, 2, (const char *[]){ "Société", NULL });
}

static void
test_utf16 (void)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *utf16 = g_convert ("\xef\xbb\xbf"
                                      "company\tnote\r\nSociété\t€5\r\n",
                                      -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_autoptr (JtCsv) csv = NULL;

  /* The text starts with U+FEFF, which UTF-16LE writes as FF FE: the byte order mark. */
  g_assert_no_error (error);
  g_assert_cmpint ((guchar) utf16[0], ==, 0xff);
  csv = jt_csv_parse (utf16, length, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (csv->delimiter, ==, '\t');
  assert_record (csv, 1, 2, (const char *[]){ "Société", "€5", NULL });
}

static void
test_refusals (void)
{
  g_autoptr (GError) error = NULL;
  const char unclosed[] = "a,b\n1,2\n\"open,3\n4,5\n";
  const char nul[] = "a,b\n1\0,2\n";

  g_assert_null (jt_csv_parse (unclosed, strlen (unclosed), 0, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  g_assert_null (jt_csv_parse (nul, sizeof nul - 1, 0, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
}

static void
test_empty_and_stray_quotes (void)
{
  g_autoptr (JtCsv) empty = parse_ok ("");
  g_autoptr (JtCsv) stray = parse_ok ("a,b\n5\" screen,x\n");

  g_assert_cmpuint (empty->records->len, ==, 0);
  /* A quote inside an unquoted field is text. */
  assert_record (stray, 1, 2, (const char *[]){ "5\" screen", "x", NULL });
}

static void
test_dates (void)
{
  struct
  {
    const char *text;
    JtCsvDateOrder order;
    JtCsvDateRead read;
    int year, month, day;
  } cases[] = {
    { "2026-03-14", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "2026/3/4", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 4 },
    { "2026-03-14T23:59:59Z", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "14.03.2026", JT_CSV_DATES_MDY, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "4.3.26 10:00", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 4 },
    { "14 Mar 2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "March 4, 2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 4 },
    { "14/03/2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "03/14/2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 14 },
    { "03/04/2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_AMBIGUOUS, 0, 0, 0 },
    { "03/03/2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_OK, 2026, 3, 3 },
    { "03/04/2026", JT_CSV_DATES_DMY, JT_CSV_DATE_OK, 2026, 4, 3 },
    { "03/04/2026", JT_CSV_DATES_MDY, JT_CSV_DATE_OK, 2026, 3, 4 },
    { "14/03/2026", JT_CSV_DATES_MDY, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "2026-02-30", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "2026-13-01", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "Smarch 4, 2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "99999999999-01-01", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "Mar 99999999999, 2026", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "last tuesday", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
    { "", JT_CSV_DATES_GUESS, JT_CSV_DATE_BAD, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JtCsvDate date = { 0, 0, 0 };
      JtCsvDateRead read = jt_csv_date_read (cases[i].text, cases[i].order, &date, NULL, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (read, ==, cases[i].read);
      if (read != JT_CSV_DATE_OK)
        continue;
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.day, ==, cases[i].day);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-ends-bom-and-blank-lines", test_line_ends_bom_and_blank_lines);
  g_test_add_func ("/csv/delimiter-guess", test_delimiter_guess);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/utf-16", test_utf16);
  g_test_add_func ("/csv/dates", test_dates);
  g_test_add_func ("/csv/refusals", test_refusals);
  g_test_add_func ("/csv/empty-and-stray-quotes", test_empty_and_stray_quotes);
  return g_test_run ();
}
