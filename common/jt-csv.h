/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv.h: reading CSV as spreadsheets write it (RFC 4180, and what they do besides).
 *
 * Quoted fields may hold delimiters, line breaks and doubled quotes (""); a UTF-8 byte
 * order mark is skipped; lines end in LF, CRLF or CR; blank lines are skipped; the
 * delimiter (comma, semicolon or tab) is guessed from the first line when not given.
 * UTF-16 with a byte order mark is converted; other text that is not UTF-8 is read as
 * Windows-1252, what spreadsheets on Windows save. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint line;   /* the line it starts on, from 1 */
  GStrv fields; /* NULL-terminated */
} JtCsvRecord;

void jt_csv_record_free (JtCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCsvRecord, jt_csv_record_free)

typedef struct
{
  char delimiter;     /* the one used: ',', ';' or '\t' */
  gboolean converted; /* the text was read as Windows-1252 */
  GPtrArray *records; /* JtCsvRecord*, header first */
} JtCsv;

void jt_csv_free (JtCsv *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCsv, jt_csv_free)

/* Parses `length` bytes of `text`; `delimiter` 0 guesses it. A new JtCsv, or NULL with
 * JT_ERROR_INVALID naming the line of a quoted field that is never closed. */
JtCsv *jt_csv_parse (const char *text, gsize length, char delimiter, GError **error);

G_END_DECLS
