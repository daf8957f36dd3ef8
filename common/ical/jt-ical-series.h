/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-series.h: the meetings of a recurring invitation.
 *
 * An event that repeats (RRULE, RDATE) is a series; each of its meetings is an interview
 * of its own in jobtrack, named by the event's UID and the meeting's RECURRENCE-ID, its
 * start as the series first gave it, in UTC. The meetings are DTSTART, those of each
 * RRULE (libical's iterator follows it) and each RDATE, less each EXDATE, at most
 * JT_ICAL_SERIES_MAX_MEETINGS: a series of interviews is a few meetings (a loop over
 * three days), and one that goes on is some other meeting, refused with that reason:
 * so is a series without end (no COUNT or UNTIL), one whose meetings go on for more than
 * JT_ICAL_SERIES_MAX_YEARS, and a rule more frequent than daily (libical would walk it
 * second by second). */
#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

#define JT_ICAL_SERIES_MAX_MEETINGS 20
#define JT_ICAL_SERIES_MAX_YEARS 2 /* from the first meeting to the last */

/* Whether `event` repeats: an RRULE or an RDATE. */
gboolean jt_ical_series_repeats (icalcomponent *event);

/* The starts of `event`'s meetings, ascending, each once (gint64 instants), `first`
 * being DTSTART's; its times read as jt-ical-time.h says (floating ones in `tz`). A
 * series beyond the limits above, or a rule libical cannot follow, is NULL with
 * JT_ERROR_INVALID naming the event by `label`. */
GArray *jt_ical_series_starts (icalcomponent *calendar, icalcomponent *event, gint64 first,
                               GTimeZone *tz, const char *label, GError **error);

/* "20261210T140000Z": the RECURRENCE-ID of the meeting starting at `instant`. New
 * string. */
char *jt_ical_series_recurrence_id (gint64 instant);

G_END_DECLS
