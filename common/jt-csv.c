/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv.c: reading CSV as spreadsheets write it. */
#include "jt-csv.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"

#define BOM "\xef\xbb\xbf"

void
jt_csv_record_free (JtCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

void
jt_csv_free (JtCsv *csv)
{
  if (csv == NULL)
    return;
  g_clear_pointer (&csv->records, g_ptr_array_unref);
  g_free (csv);
}

/* The delimiter of the first line that occurs most often outside quotes; a comma when
 * none does. */
static char
guess_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint c = 0; !quoted && c < G_N_ELEMENTS (candidates); c++)
        counts[c] += *p == candidates[c];
    }
  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > counts[best])
      best = c;
  return candidates[best];
}

/* TRUE when the record is one empty field: a blank line. */
static gboolean
is_blank (GPtrArray *fields)
{
  return fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0';
}

static void
end_record (JtCsv *csv, GPtrArray **fields, guint line)
{
  JtCsvRecord *record;

  if (is_blank (*fields))
    {
      g_ptr_array_unref (*fields);
      *fields = g_ptr_array_new_with_free_func (g_free);
      return;
    }
  record = g_new0 (JtCsvRecord, 1);
  record->line = line;
  g_ptr_array_add (*fields, NULL);
  record->fields = (GStrv) g_ptr_array_free (*fields, FALSE);
  g_ptr_array_add (csv->records, record);
  *fields = g_ptr_array_new_with_free_func (g_free);
}

JtCsv *
jt_csv_parse (const char *text, gsize length, char delimiter, GError **error)
{
  g_autoptr (JtCsv) csv = g_new0 (JtCsv, 1);
  g_autofree char *converted = NULL;
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p, *end;
  guint line = 1, record_line = 1, quote_line = 0;
  gboolean quoted = FALSE;

  /* Spreadsheets' "Unicode text" is UTF-16 with a byte order mark. */
  if (length >= 2 && ((guchar) text[0] == 0xff && (guchar) text[1] == 0xfe))
    converted = g_convert (text + 2, (gssize) length - 2, "UTF-8", "UTF-16LE", NULL, &length, NULL);
  else if (length >= 2 && ((guchar) text[0] == 0xfe && (guchar) text[1] == 0xff))
    converted = g_convert (text + 2, (gssize) length - 2, "UTF-8", "UTF-16BE", NULL, &length, NULL);
  if (converted != NULL)
    text = converted;
  else if (!g_utf8_validate_len (text, length, NULL))
    {
      converted = g_convert (text, (gssize) length, "UTF-8", "WINDOWS-1252", NULL, &length, NULL);
      if (converted == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("it is neither UTF-8 nor Windows-1252 text"));
          return NULL;
        }
      text = converted;
      csv->converted = TRUE;
    }
  if (length >= 3 && memcmp (text, BOM, 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("it holds a NUL byte: not a text file"));
      return NULL;
    }
  csv->records = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_csv_record_free);
  csv->delimiter = delimiter != 0 ? delimiter : guess_delimiter (text);

  for (p = text, end = text + length; p < end; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              /* A line break inside quotes is kept as LF, whatever the file used. */
              if (c == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              g_string_append_c (field, c == '\r' ? '\n' : c);
              line += c == '\n' || c == '\r';
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
        }
      else if (c == csv->delimiter)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          end_record (csv, &fields, record_line);
          record_line = ++line;
        }
      else
        g_string_append_c (field, c); /* a stray quote inside a field is kept as it is */
    }
  if (quoted)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("line %u: a quoted field is never closed (a \" is missing)"), quote_line);
      return NULL;
    }
  if (field->len > 0 || fields->len > 0)
    {
      g_ptr_array_add (fields, g_strdup (field->str));
      end_record (csv, &fields, record_line);
    }
  return g_steal_pointer (&csv);
}
