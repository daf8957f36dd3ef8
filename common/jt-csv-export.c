/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-export.c: the applications as CSV for spreadsheets, read through the store. */
#include "jt-csv-export.h"

#include <string.h>

#include "jt-store-applications.h"
#include "jt-time.h"

/* One cell, RFC 4180: quoted when it holds a comma, a quote or a line end, quotes
 * doubled. A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one)
 * as a formula, so such a cell gets a leading ' (and quotes) and stays text. */
static void
csv_cell (GString *out, const char *text, gboolean first)
{
  gboolean formula;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL || *text == '\0')
    return;
  formula = strchr ("=+-@\t\r", *text) != NULL;
  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
jt_csv_export_applications (JtStore *store, GTimeZone *tz, GError **error)
{
  static const char *const header[]
      = { "id",       "company", "role",    "status", "decision_date", "source", "url",
          "interest", "created", "updated", NULL };
  g_autoptr (GPtrArray) apps = jt_store_application_list (store, error);
  g_autoptr (GString) out = NULL;

  if (apps == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; header[i] != NULL; i++)
    csv_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < apps->len; i++)
    {
      const JtApplication *app = g_ptr_array_index (apps, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, app->id);
      g_autofree char *interest = app->interest != 0 ? g_strdup_printf ("%d", app->interest) : NULL;
      g_autofree char *created = jt_time_format_iso (app->created_at, tz);
      g_autofree char *updated = jt_time_format_iso (app->updated_at, tz);

      csv_cell (out, id, TRUE);
      csv_cell (out, app->company, FALSE);
      csv_cell (out, app->role, FALSE);
      csv_cell (out, jt_status_to_string (app->status), FALSE);
      csv_cell (out, app->decision_date, FALSE);
      csv_cell (out, app->source, FALSE);
      csv_cell (out, app->url, FALSE);
      csv_cell (out, interest, FALSE);
      csv_cell (out, created, FALSE);
      csv_cell (out, updated, FALSE);
      g_string_append (out, "\r\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
