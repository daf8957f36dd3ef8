/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-import.h: applications from a spreadsheet (`jobtrack import --csv FILE`).
 *
 * Columns are recognised by their header under the names other trackers and
 * spreadsheets use (company/employer/organization, role/position/title/job title, …),
 * or as --map tells; a column that is not recognised goes into the notes as
 * "Header: value", so nothing in the file is lost. Each row is one application:
 * recorded as applied on its date (the status history keeps the real date), moved on to
 * its status (outcomes are recorded as such), with its contact linked. A row whose
 * company, role and applied day are already in the database is skipped, so importing
 * the same file twice changes nothing. Everything happens in one transaction: with bad
 * rows it is written only when `partial` says to, and never on a dry run. */
#pragma once

#include "jt-csv-date.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *const *map;    /* "COLUMN=FIELD" overrides, or NULL */
  JtCsvDateOrder date_order; /* JT_CSV_DATES_GUESS: from all the file's dates */
  gboolean dry_run;
  gboolean partial; /* write the good rows even when some are bad */
} JtCsvImportOptions;

typedef struct
{
  guint imported;
  guint already;       /* rows already in the database (or twice in the file) */
  GPtrArray *rows;     /* "line 3: application 7: Acme, Engineer — applied 2026-03-14" */
  GPtrArray *problems; /* "line 5: no company", one per bad row */
  GPtrArray *notes;    /* what was not understood: statuses, columns kept in the notes */
  gboolean written;    /* the transaction was committed */
} JtCsvImportReport;

void jt_csv_import_report_free (JtCsvImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCsvImportReport, jt_csv_import_report_free)

/* Imports `length` bytes of CSV `text`, as of `now`, dates in `tz`. Returns the report
 * (new), or NULL with JT_ERROR_INVALID when the file or the options cannot be used at
 * all (no company column, a --map naming no column, a quote never closed). Bad rows do
 * not fail the call: they are in report->problems, and report->written says whether
 * anything was saved. */
JtCsvImportReport *jt_csv_import (JtStore *store, const char *text, gsize length,
                                  const JtCsvImportOptions *options, GTimeZone *tz, gint64 now,
                                  GError **error);

G_END_DECLS
