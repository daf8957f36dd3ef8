/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-import.c: applications from a spreadsheet. */
#include "jt-csv-import.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "jt-csv-date.h"
#include "jt-csv.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-records.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-outcomes.h"
#include "jt-text.h"

typedef enum
{
  FIELD_NONE = -1, /* not recognised: kept in the notes */
  FIELD_COMPANY,
  FIELD_ROLE,
  FIELD_APPLIED,
  FIELD_STATUS,
  FIELD_STATUS_DATE,
  FIELD_URL,
  FIELD_NOTES,
  FIELD_CONTACT,
  FIELD_EMAIL,
  FIELD_SOURCE,
  FIELD_INTEREST,
  FIELD_IGNORE,
  FIELD_COUNT,
} Field;

static const char *const field_names[] = {
  "company", "role",  "applied", "status",   "status_date", "url", "notes",
  "contact", "email", "source",  "interest", "ignore",      NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == FIELD_COUNT + 1);

/* A table laid out as a table. */
/* clang-format off */
/* Headers as other trackers and spreadsheets write them, in the form header_key ()
 * gives: folded, words separated by one space. */
static const struct
{
  const char *header;
  Field field;
} header_aliases[] = {
  { "company", FIELD_COMPANY }, { "company name", FIELD_COMPANY },
  { "employer", FIELD_COMPANY }, { "organization", FIELD_COMPANY },
  { "organisation", FIELD_COMPANY },
  { "role", FIELD_ROLE }, { "position", FIELD_ROLE }, { "title", FIELD_ROLE },
  { "job title", FIELD_ROLE }, { "job position", FIELD_ROLE }, { "job", FIELD_ROLE },
  { "position title", FIELD_ROLE },
  { "applied", FIELD_APPLIED }, { "date applied", FIELD_APPLIED },
  { "application date", FIELD_APPLIED }, { "applied on", FIELD_APPLIED },
  { "applied date", FIELD_APPLIED }, { "date", FIELD_APPLIED },
  { "status", FIELD_STATUS }, { "stage", FIELD_STATUS },
  { "status date", FIELD_STATUS_DATE }, { "last updated", FIELD_STATUS_DATE },
  { "date updated", FIELD_STATUS_DATE }, { "stage date", FIELD_STATUS_DATE },
  { "link", FIELD_URL }, { "url", FIELD_URL }, { "job url", FIELD_URL },
  { "job link", FIELD_URL }, { "posting", FIELD_URL }, { "job posting", FIELD_URL },
  { "notes", FIELD_NOTES }, { "note", FIELD_NOTES }, { "comments", FIELD_NOTES },
  { "contact", FIELD_CONTACT }, { "contact name", FIELD_CONTACT },
  { "recruiter", FIELD_CONTACT }, { "recruiter name", FIELD_CONTACT },
  { "hiring manager", FIELD_CONTACT },
  { "email", FIELD_EMAIL }, { "e mail", FIELD_EMAIL }, { "contact email", FIELD_EMAIL },
  { "recruiter email", FIELD_EMAIL },
  { "source", FIELD_SOURCE }, { "job source", FIELD_SOURCE }, { "found via", FIELD_SOURCE },
  { "where found", FIELD_SOURCE }, { "referral source", FIELD_SOURCE },
  { "interest", FIELD_INTEREST }, { "excitement", FIELD_INTEREST },
};

/* Statuses as other trackers name them, in header_key () form. */
static const struct
{
  const char *name;
  JtStatus status;
} status_aliases[] = {
  { "wishlist", JT_STATUS_LEAD }, { "bookmarked", JT_STATUS_LEAD }, { "saved", JT_STATUS_LEAD },
  { "interested", JT_STATUS_LEAD }, { "to apply", JT_STATUS_LEAD },
  { "applying", JT_STATUS_LEAD }, { "prospect", JT_STATUS_LEAD },
  { "submitted", JT_STATUS_APPLIED }, { "application sent", JT_STATUS_APPLIED },
  { "sent", JT_STATUS_APPLIED }, { "no response", JT_STATUS_APPLIED },
  { "waiting", JT_STATUS_APPLIED }, { "in review", JT_STATUS_APPLIED },
  { "under review", JT_STATUS_APPLIED },
  { "interview", JT_STATUS_INTERVIEWING }, { "interviews", JT_STATUS_INTERVIEWING },
  { "phone screen", JT_STATUS_INTERVIEWING }, { "screening", JT_STATUS_INTERVIEWING },
  { "onsite", JT_STATUS_INTERVIEWING }, { "on site", JT_STATUS_INTERVIEWING },
  { "technical interview", JT_STATUS_INTERVIEWING },
  { "final interview", JT_STATUS_INTERVIEWING }, { "assessment", JT_STATUS_INTERVIEWING },
  { "offered", JT_STATUS_OFFER }, { "offer received", JT_STATUS_OFFER },
  { "negotiating", JT_STATUS_OFFER }, { "negotiation", JT_STATUS_OFFER },
  { "hired", JT_STATUS_ACCEPTED }, { "offer accepted", JT_STATUS_ACCEPTED },
  { "offer declined", JT_STATUS_DECLINED }, { "turned down", JT_STATUS_DECLINED },
  { "not selected", JT_STATUS_REJECTED }, { "no offer", JT_STATUS_REJECTED },
  { "unsuccessful", JT_STATUS_REJECTED }, { "declined by employer", JT_STATUS_REJECTED },
  { "withdrew", JT_STATUS_WITHDRAWN }, { "i withdrew", JT_STATUS_WITHDRAWN },
  { "withdrew application", JT_STATUS_WITHDRAWN },
};
/* clang-format on */

void
jt_csv_import_report_free (JtCsvImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->rows);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

/* "Date Applied " -> "date applied", "Job_URL" -> "job url": folded, every run of
 * anything but letters and digits one space. New string. */
static char *
header_key (const char *text)
{
  g_autofree char *folded = jt_text_fold (text);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static Field
field_of_header (const char *header)
{
  g_autofree char *key = header_key (header);

  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    if (g_str_equal (key, header_aliases[i].header))
      return header_aliases[i].field;
  return FIELD_NONE;
}

/* The field of each column: --map first, then the header's name. */
static gboolean
map_columns (GStrv header, const char *const *map, Field *fields, GError **error)
{
  guint n = g_strv_length (header);

  for (guint c = 0; c < n; c++)
    fields[c] = field_of_header (header[c]);
  for (guint m = 0; map != NULL && map[m] != NULL; m++)
    {
      const char *equals = strrchr (map[m], '=');
      g_autofree char *column = NULL;
      g_autofree char *column_key = NULL;
      g_autofree char *field_key = NULL;
      int field = -1;
      gboolean found = FALSE;

      if (equals == NULL)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) field_names);

          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("--map '%s' is not COLUMN=FIELD (FIELD one of: %s)"), map[m], names);
          return FALSE;
        }
      column = g_strndup (map[m], (gsize) (equals - map[m]));
      column_key = header_key (column);
      field_key = g_strstrip (g_ascii_strdown (equals + 1, -1));
      for (guint f = 0; field_names[f] != NULL; f++)
        if (g_str_equal (field_key, field_names[f]))
          field = (int) f;
      if (field < 0)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) field_names);

          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("--map %s: unknown field '%s' (one of: %s)"), map[m], equals + 1, names);
          return FALSE;
        }
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *key = header_key (header[c]);

          if (g_str_equal (key, column_key))
            {
              fields[c] = (Field) field;
              found = TRUE;
            }
        }
      if (!found)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("--map %s: the file has no column '%s'"), map[m], column);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- dates --------------------------------------------------------------------------- */

/* Decides day/month order from every date of the file's date columns. */
static JtCsvDateOrder
guess_date_order (GPtrArray *records, const Field *fields, guint n_columns)
{
  gboolean first_over_12 = FALSE, second_over_12 = FALSE;

  for (guint r = 1; r < records->len; r++)
    {
      JtCsvRecord *record = g_ptr_array_index (records, r);

      for (guint c = 0; c < n_columns && record->fields[c] != NULL; c++)
        if (fields[c] == FIELD_APPLIED || fields[c] == FIELD_STATUS_DATE)
          {
            JtCsvDate ymd;

            jt_csv_date_read (record->fields[c], JT_CSV_DATES_DMY, &ymd, &first_over_12,
                              &second_over_12);
          }
    }
  if (first_over_12 && !second_over_12)
    return JT_CSV_DATES_DMY;
  if (second_over_12 && !first_over_12)
    return JT_CSV_DATES_MDY;
  return JT_CSV_DATES_GUESS;
}

/* Noon of that day in `tz`: clear of any DST change, and the day it was in the file. */
static gint64
noon_of (const JtCsvDate *ymd, GTimeZone *tz)
{
  g_autoptr (GDateTime) noon = g_date_time_new (tz, ymd->year, ymd->month, ymd->day, 12, 0, 0);

  return g_date_time_to_unix (noon);
}

static gint64
midnight_of (const JtCsvDate *ymd, GTimeZone *tz, int add_days)
{
  g_autoptr (GDateTime) day = g_date_time_new (tz, ymd->year, ymd->month, ymd->day, 0, 0, 0);
  g_autoptr (GDateTime) moved = g_date_time_add_days (day, add_days);

  return g_date_time_to_unix (moved);
}

/* ---- rows ---------------------------------------------------------------------------- */

static JtStatus
status_of (const char *text, gboolean *understood)
{
  g_autofree char *key = header_key (text);
  JtStatus status;

  *understood = TRUE;
  if (jt_status_parse (key, &status, NULL))
    return status;
  for (guint i = 0; i < G_N_ELEMENTS (status_aliases); i++)
    if (g_str_equal (key, status_aliases[i].name))
      return status_aliases[i].status;
  *understood = FALSE;
  return JT_STATUS_APPLIED;
}

/* Interest as a number 1-5 or as stars ("★★★"). */
static gboolean
read_interest (const char *text, int *interest)
{
  gint64 number;
  int stars = 0;

  if (g_ascii_string_to_signed (text, 10, 1, 5, &number, NULL))
    {
      *interest = (int) number;
      return TRUE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x2605)
      stars++;
    else if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x2606)
      return FALSE;
  *interest = stars;
  return stars >= 1 && stars <= 5;
}

typedef struct
{
  JtStore *store;
  JtCsvDateOrder date_order;
  GTimeZone *tz;
  gint64 now;
  JtCsvImportReport *report;
  GHashTable *unknown_statuses; /* status as written -> GArray of guint line numbers */
  GPtrArray *unknown_order;     /* the statuses as first met */
} Import;

/* Lines named in a note before "and N more". */
#define MAX_LINES_NAMED 10

static void
note_unknown_status (Import *import, const char *status, guint line)
{
  GArray *lines = g_hash_table_lookup (import->unknown_statuses, status);

  if (lines == NULL)
    {
      lines = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (import->unknown_statuses, g_strdup (status), lines);
      g_ptr_array_add (import->unknown_order, g_strdup (status));
    }
  g_array_append_val (lines, line);
}

/* "status 'Ghosted' not understood, imported as applied (lines 4, 7 and 3 more)". */
static char *
describe_unknown_status (const char *status, GArray *lines)
{
  GString *text = g_string_new (NULL);

  g_string_printf (
      text,
      g_dngettext (GETTEXT_PACKAGE, "status '%s' not understood, imported as applied (line",
                   "status '%s' not understood, imported as applied (lines", lines->len),
      status);
  for (guint i = 0; i < lines->len && i < MAX_LINES_NAMED; i++)
    g_string_append_printf (text, "%s %u", i > 0 ? "," : "", g_array_index (lines, guint, i));
  if (lines->len > MAX_LINES_NAMED)
    g_string_append_printf (text, _ (" and %u more"), lines->len - MAX_LINES_NAMED);
  g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}

static gboolean problem (Import *import, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
problem (Import *import, guint line, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (import->report->problems, g_strdup_printf (_ ("line %u: %s"), line, text));
  return FALSE;
}

/* The outcome that records a later status, if it is one. */
static gboolean
outcome_of (JtStatus status, JtOutcomeKind *kind)
{
  switch (status)
    {
    case JT_STATUS_OFFER:
      *kind = JT_OUTCOME_OFFER;
      return TRUE;
    case JT_STATUS_ACCEPTED:
      *kind = JT_OUTCOME_ACCEPTED;
      return TRUE;
    case JT_STATUS_DECLINED:
      *kind = JT_OUTCOME_DECLINED;
      return TRUE;
    case JT_STATUS_REJECTED:
      *kind = JT_OUTCOME_REJECTED;
      return TRUE;
    case JT_STATUS_WITHDRAWN:
      *kind = JT_OUTCOME_WITHDRAWN;
      return TRUE;
    case JT_STATUS_LEAD:
    case JT_STATUS_APPLIED:
    case JT_STATUS_INTERVIEWING:
      return FALSE;
    }
  return FALSE;
}

static gboolean
link_contact (Import *import, gint64 app_id, const char *company, const char *name,
              const char *email, gboolean recruiter, GError **error)
{
  g_autoptr (JtContact) contact = NULL;

  contact = jt_store_contact_find (import->store, company, email, name, error);
  if (contact == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (contact == NULL)
    {
      contact = jt_contact_new ();
      contact->name = g_strdup (!jt_text_is_blank (name) ? name : email);
      contact->company = g_strdup (company);
      contact->email = g_strdup (email);
      contact->roles = recruiter ? JT_ROLE_RECRUITER : 0;
      if (!jt_store_contact_insert (import->store, contact, import->now, error))
        return FALSE;
    }
  return jt_store_application_link_contact (import->store, app_id, contact->id, error);
}

/* Imports one row; FALSE with a problem reported for a bad row, FALSE with `error` set
 * when the database failed. */
static gboolean
import_row (Import *import, const JtCsvRecord *record, GStrv header, const Field *fields,
            guint n_columns, gboolean recruiter_column, GError **error)
{
  const char *values[FIELD_COUNT] = { NULL };
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autofree char *applied_day = NULL;
  g_autofree char *label = NULL;
  g_autofree char *now_status = NULL;
  JtStatus status = JT_STATUS_APPLIED;
  gboolean has_date = FALSE, understood = TRUE;
  JtCsvDate applied = { 0 }, changed = { 0 };
  gint64 applied_at, changed_at, existing;
  guint n_fields = g_strv_length (record->fields);

  if (n_fields > n_columns)
    {
      for (guint c = n_columns; c < n_fields; c++)
        if (!jt_text_is_blank (record->fields[c]))
          return problem (import, record->line, _ ("%u fields where the header has %u"), n_fields,
                          n_columns);
    }
  for (guint c = 0; c < n_columns && c < n_fields; c++)
    {
      const char *value = record->fields[c];

      if (jt_text_is_blank (value) || fields[c] == FIELD_IGNORE)
        continue;
      if (fields[c] == FIELD_NONE)
        {
          g_autofree char *name = g_strstrip (g_strdup (header[c]));

          g_string_append_printf (notes, "%s%s: %s", notes->len > 0 ? "\n" : "", name, value);
        }
      else if (values[fields[c]] == NULL)
        values[fields[c]] = value;
    }
  if (values[FIELD_COMPANY] == NULL)
    return problem (import, record->line, _ ("no company"));
  if (values[FIELD_APPLIED] != NULL)
    {
      JtCsvDateRead read
          = jt_csv_date_read (values[FIELD_APPLIED], import->date_order, &applied, NULL, NULL);

      if (read == JT_CSV_DATE_AMBIGUOUS)
        return problem (import, record->line,
                        _ ("'%s' may be day/month or month/day: say which with --dates dmy or "
                           "--dates mdy"),
                        values[FIELD_APPLIED]);
      if (read == JT_CSV_DATE_BAD)
        return problem (import, record->line, _ ("cannot read the date applied '%s'"),
                        values[FIELD_APPLIED]);
      has_date = TRUE;
    }
  if (values[FIELD_STATUS_DATE] != NULL)
    {
      JtCsvDateRead read
          = jt_csv_date_read (values[FIELD_STATUS_DATE], import->date_order, &changed, NULL, NULL);

      if (read != JT_CSV_DATE_OK)
        return problem (import, record->line, _ ("cannot read the status date '%s'%s"),
                        values[FIELD_STATUS_DATE],
                        read == JT_CSV_DATE_AMBIGUOUS ? _ (" (day/month or month/day? use --dates)")
                                                      : "");
    }
  if (values[FIELD_INTEREST] != NULL && !read_interest (values[FIELD_INTEREST], &app->interest))
    return problem (import, record->line, _ ("interest '%s' is not 1 to 5"),
                    values[FIELD_INTEREST]);
  if (values[FIELD_STATUS] != NULL)
    status = status_of (values[FIELD_STATUS], &understood);
  if (!understood)
    {
      g_autofree char *written = g_strstrip (g_strdup (values[FIELD_STATUS]));

      note_unknown_status (import, written, record->line);
    }

  applied_at = has_date ? noon_of (&applied, import->tz) : import->now;
  changed_at = values[FIELD_STATUS_DATE] != NULL ? noon_of (&changed, import->tz) : import->now;
  changed_at = MAX (changed_at, applied_at);

  /* Already there: the same company and role, applied the same day (any day when the
   * row has no date). */
  if (!jt_store_application_find_recorded (
          import->store, values[FIELD_COMPANY], values[FIELD_ROLE],
          has_date ? midnight_of (&applied, import->tz, 0) : G_MININT64,
          has_date ? midnight_of (&applied, import->tz, 1) : G_MAXINT64, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      import->report->already++;
      g_ptr_array_add (import->report->rows,
                       g_strdup_printf (_ ("line %u: already there as application %" PRId64),
                                        record->line, existing));
      return TRUE;
    }

  app->company = g_strstrip (g_strdup (values[FIELD_COMPANY]));
  g_free (app->role);
  app->role = g_strstrip (g_strdup (values[FIELD_ROLE] != NULL ? values[FIELD_ROLE] : ""));
  app->url = g_strdup (values[FIELD_URL]);
  app->source = g_strdup (values[FIELD_SOURCE]);
  if (values[FIELD_NOTES] != NULL && notes->len > 0)
    g_string_prepend_c (notes, '\n');
  if (values[FIELD_NOTES] != NULL)
    g_string_prepend (notes, values[FIELD_NOTES]);
  app->notes = notes->len > 0 ? g_strdup (notes->str) : NULL;
  app->status = status == JT_STATUS_LEAD ? JT_STATUS_LEAD : JT_STATUS_APPLIED;
  if (!jt_store_application_insert (import->store, app, applied_at, error))
    return FALSE;
  if (status != app->status)
    {
      JtOutcomeKind kind;

      if (outcome_of (status, &kind))
        {
          g_autoptr (JtOutcome) outcome = jt_outcome_new ();

          outcome->application_id = app->id;
          outcome->kind = kind;
          outcome->occurred_at = changed_at;
          if (!jt_store_outcome_insert (import->store, outcome, import->now, error))
            return FALSE;
        }
      else if (!jt_store_application_set_status (import->store, app->id, status, changed_at, error))
        return FALSE;
    }
  if ((values[FIELD_CONTACT] != NULL || values[FIELD_EMAIL] != NULL)
      && !link_contact (import, app->id, app->company, values[FIELD_CONTACT], values[FIELD_EMAIL],
                        recruiter_column, error))
    return FALSE;

  import->report->imported++;
  {
    g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (applied_at);
    g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, import->tz);

    applied_day = g_date_time_format (local, "%Y-%m-%d");
  }
  label = jt_text_app_label (app->company, app->role);
  if (status != app->status)
    /* TRANSLATORS: the status the application has now (a word jobtrack reads). */
    now_status = g_strdup_printf (_ (", now %s"), jt_status_to_string (status));
  g_ptr_array_add (import->report->rows,
                   /* TRANSLATORS: a line of the file, the new application's id and
                    * "Company, Role", "noted" or "applied", its day, then ", now STATUS" or
                    * nothing. */
                   g_strdup_printf (_ ("line %u: application %" PRId64 ": %s — %s %s%s"),
                                    record->line, app->id, label,
                                    app->status == JT_STATUS_LEAD ? _ ("noted") : _ ("applied"),
                                    has_date ? applied_day : _ ("today (no date in the file)"),
                                    now_status != NULL ? now_status : ""));
  return TRUE;
}

/* The columns kept in the notes, for the report. */
static void
report_columns (Import *import, GStrv header, const Field *fields, guint n_columns)
{
  g_autoptr (GString) kept = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    if (fields[c] == FIELD_NONE && !jt_text_is_blank (header[c]))
      g_string_append_printf (kept, "%s%s", kept->len > 0 ? ", " : "", header[c]);
  if (kept->len > 0)
    g_ptr_array_add (import->report->notes,
                     g_strdup_printf (_ ("columns kept in the notes: %s (--map COLUMN=FIELD to "
                                         "use one as a field)"),
                                      kept->str));
}

JtCsvImportReport *
jt_csv_import (JtStore *store, const char *text, gsize length, const JtCsvImportOptions *options,
               GTimeZone *tz, gint64 now, GError **error)
{
  g_autoptr (JtCsv) csv = jt_csv_parse (text, length, 0, error);
  g_autoptr (JtCsvImportReport) report = NULL;
  g_autoptr (GHashTable) unknown = NULL;
  g_autoptr (GPtrArray) unknown_order = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree Field *fields = NULL;
  gboolean has_company = FALSE, recruiter_column = FALSE;
  JtCsvRecord *header;
  guint n_columns;
  Import import;

  if (csv == NULL)
    return NULL;
  if (csv->records->len == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("it is empty"));
      return NULL;
    }
  header = g_ptr_array_index (csv->records, 0);
  n_columns = g_strv_length (header->fields);
  fields = g_new0 (Field, n_columns);
  if (!map_columns (header->fields, options->map, fields, error))
    return NULL;
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *key = header_key (header->fields[c]);

      has_company |= fields[c] == FIELD_COMPANY;
      recruiter_column |= fields[c] == FIELD_CONTACT && strstr (key, "recruiter") != NULL;
    }
  if (!has_company)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("no column of the header line names the company (company, employer or "
                      "organization); say which it is with --map COLUMN=company"));
      return NULL;
    }

  report = g_new0 (JtCsvImportReport, 1);
  report->rows = g_ptr_array_new_with_free_func (g_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  unknown_order = g_ptr_array_new_with_free_func (g_free);
  import = (Import){ store, options->date_order, tz, now, report, unknown, unknown_order };
  if (import.date_order == JT_CSV_DATES_GUESS)
    import.date_order = guess_date_order (csv->records, fields, n_columns);
  if (csv->converted)
    g_ptr_array_add (report->notes, g_strdup (_ ("the file is not UTF-8: read as Windows-1252")));
  report_columns (&import, header->fields, fields, n_columns);

  if ((txn = jt_store_begin_write (store, error)) == NULL)
    return NULL;
  for (guint r = 1; r < csv->records->len; r++)
    {
      g_autoptr (GError) row_error = NULL;

      if (!import_row (&import, g_ptr_array_index (csv->records, r), header->fields, fields,
                       n_columns, recruiter_column, &row_error)
          && row_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return NULL;
        }
    }
  for (guint i = 0; i < unknown_order->len; i++)
    {
      const char *status = g_ptr_array_index (unknown_order, i);

      g_ptr_array_add (report->notes,
                       describe_unknown_status (status, g_hash_table_lookup (unknown, status)));
    }
  if (options->dry_run || (report->problems->len > 0 && !options->partial))
    return g_steal_pointer (&report); /* the free rolls back */
  if (!jt_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  report->written = TRUE;
  return g_steal_pointer (&report);
}
