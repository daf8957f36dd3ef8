/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-csv-export.h: the applications as CSV for spreadsheets (`export --csv`); reading
 * CSV is jt-csv.h. */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

/* The applications as CSV (RFC 4180, a header row first), with times in `tz`. Cells
 * that a spreadsheet would read as a formula (starting with = + - @, tab or CR) are
 * prefixed with a quote. New string. */
char *jt_csv_export_applications (JtStore *store, GTimeZone *tz, GError **error);

G_END_DECLS
