/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-scan.h: the guard an invitation's text passes before libical sees it.
 *
 * libical's parser is slow on some shapes of input: a line with many parameters costs it
 * time quadratic in their number (40,000 take seconds, 200,000 never end), and so do
 * very long lines. This scan refuses such text in one pass, at any size, counting and
 * never parsing: it splits the text at line ends, joins folded lines (a line that starts
 * with a space or a tab continues the one before), and counts per content line the `;`
 * before the first `:` outside double quotes (its parameters) and its bytes, per
 * component its content lines (its properties), and BEGIN:/END: lines for nesting.
 * Along the way it notes the line where each event begins, so that messages can say
 * where. What the text means is libical's to read (jt-ical-import.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The limits, far above any invitation (the public test calendars of Google, Outlook,
 * Apple and Thunderbird files stay under 11 parameters, 3.5 KB lines and 260 properties
 * per component) and low enough that libical parses the most the limits let through
 * (a 5 MB file) in a fraction of a second. */
#define JT_ICAL_SCAN_MAX_BYTES (5 * 1024 * 1024)
#define JT_ICAL_SCAN_MAX_PARAMETERS 100        /* on one content line */
#define JT_ICAL_SCAN_MAX_FILE_PARAMETERS 50000 /* in the whole text */
#define JT_ICAL_SCAN_MAX_LINE_KB 256           /* one content line, unfolded */
#define JT_ICAL_SCAN_MAX_PROPERTIES 10000      /* in one component */
#define JT_ICAL_SCAN_MAX_FILE_PROPERTIES 50000 /* content lines in the whole text */
#define JT_ICAL_SCAN_MAX_DEPTH 8               /* components inside components */
#define JT_ICAL_SCAN_MAX_EVENTS 1000

/* Where an event directly inside the calendar is written. */
typedef struct
{
  guint line;         /* of its BEGIN:VEVENT, from 1 */
  guint dtstart_line; /* of its first DTSTART line; 0: none */
  gsize dtstart_at;   /* the offset of that line in the text */
} JtIcalScanEvent;

typedef struct
{
  gsize begin;                /* where BEGIN:VCALENDAR is (after a BOM and blank lines) */
  gboolean truncated;         /* components still open at the end of the text */
  GArray *events;             /* JtIcalScanEvent, in the order of the text */
  guint nested_calendar_line; /* a VCALENDAR inside the calendar; 0: none */
} JtIcalScan;

/* Scans `data` (`length` bytes, need not end in NUL) into `scan` (cleared with
 * jt_ical_scan_clear, also after a failure). Text that is empty, binary, not UTF-8,
 * not a calendar or beyond a limit above is FALSE with JT_ERROR_INVALID and one line
 * saying what and where ("line 7 has more than 100 parameters …"), worded to follow
 * "cannot import FILE: ". */
gboolean jt_ical_scan (const char *data, gsize length, JtIcalScan *scan, GError **error);
void jt_ical_scan_clear (JtIcalScan *scan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JtIcalScan, jt_ical_scan_clear)

G_END_DECLS
