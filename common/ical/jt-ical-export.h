/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-export.h: the frame of the follow-up calendar (jt-calendar-export.h tells what
 * it holds): VCALENDAR with VERSION, PRODID, CALSCALE and X-WR-CALNAME, as libical
 * prints it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What marks jobtrack's own calendar: its PRODID begins with the first, every UID it
 * writes ends with the second (jt_rules_make_uid, "interview-ID@jobtrack"). */
#define JT_ICAL_PRODID_PREFIX "-//jobtrack//"
#define JT_ICAL_UID_SUFFIX "@jobtrack"

/* The calendar's text up to where its events go (*head) and after them (*tail), new
 * strings. FALSE with a JT_ERROR when libical cannot print it. */
gboolean jt_ical_export_calendar_frame (char **head, char **tail, GError **error);

G_END_DECLS
