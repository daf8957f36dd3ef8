/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-import.h: the invitations employers send (.ics files), read into plain
 * records (jt-invite.h); jt-calendar-import.h applies them to the store.
 *
 * Reading (libical parses; nothing here reads RFC 5545 by hand):
 * - The file must be UTF-8 text of at most 5 MB beginning with BEGIN:VCALENDAR, one
 *   VCALENDAR of at most 1000 VEVENTs, components nested at most 8 deep, at most 1000
 *   attendees in an event and 2000 in the file, and VTIMEZONEs that change at most
 *   yearly; before libical parses it, at most 100 parameters on a line, lines of at
 *   most 256 KB unfolded and 10,000 properties in a component (jt-ical-scan.h). METHOD may be
 * absent, PUBLISH, REQUEST, ADD or CANCEL (a REPLY is refused). Every event needs a UID and, unless
 * it is a cancellation, a DTSTART with a time (an all-day event is refused).
 * - Times as jt-ical-time.h reads them (embedded VTIMEZONE, system zone, Windows zone
 *   name through ICU; RFC 5545 for skipped and repeated wall times); a floating time is
 *   a wall time in `tz`. Length: DTEND - DTSTART, else DURATION, else (or when not
 *   positive) 60 min; rounded up to minutes, 1 min to 24 h (a longer event's own length
 *   in event_minutes, for the report).
 * - A recurring event is an invite per meeting (jt-ical-series.h: recurrence_id and
 *   series_meetings set), but for the meetings an event of the same UID with a
 *   RECURRENCE-ID changes, which are invites of their own; a cancelled series is one
 *   invite with whole_series. A RECURRENCE-ID on an event that does not repeat, when
 *   the file has that event too, is the event itself.
 * - Kind, from the SUMMARY's words: "panel", "final", "video", then "phone" or "call";
 *   else video when LOCATION, DESCRIPTION, X-GOOGLE-CONFERENCE or
 *   X-MICROSOFT-SKYPETEAMSMEETINGURL holds a Meet, Zoom, Teams, Webex (and similar)
 *   link; else onsite. Place: LOCATION, else that link. The interview's notes stay
 *   empty: the summary of the meeting is the person's to write.
 * - Company: options->company, else a guess from the organizer's email domain, else
 *   from the first attendee's (not the person's own) whose domain is not a mail
 *   provider (gmail.com, outlook.com, hotmail.*, yahoo.*, icloud.com, gmx.*, web.de,
 *   proton*...): the label before the top-level domain and any second level
 *   (careers.globex.co.uk -> "Globex"), first letter capitalised. The report says it
 *   was guessed and from which address. No guess is an error asking for --company.
 * - Role, from the SUMMARY, kept simple: the text after "interview:" (or " - ", " – ",
 *   " — ", " | ") up to " at|@|with|for COMPANY" or a closing "(...)"
 *   ("Interview: SRE at Globex", "Final interview – SRE (Globex)"), else the words
 *   before "interview" after a "COMPANY — " or "COMPANY: " ("Globex — SRE interview");
 *   leading words for the kind of meeting (phone, video, final, second round...) are
 *   dropped, and the company's name or "HR", "intro"... alone is no role. Otherwise "".
 * - People: the ORGANIZER and every ATTENDEE, each once, except the addresses in
 *   options->me (compared without case) and calendar users that are a ROOM, RESOURCE or
 *   GROUP. The name is the CN as text: line breaks (CR, LF, RFC 6868 ^n, U+2028) and
 *   other control characters become spaces, markup is kept as written (it is stored
 *   and shown as text, never interpreted); no CN: the address. Contacts are reused by
 *   email, else by name, within the company, as `jobtrack add` does (the core's part,
 *   jt-calendar-import.h).
 * The guesses of company, role and kind are jt-invite-guess.h's; all text is cleaned as
 * jt-text.h says (bidi controls dropped too).
 */
#pragma once

#include <glib.h>

#include "jt-invite.h"

G_BEGIN_DECLS

/* Reads the iCalendar text `data` (`length` bytes, need not end in NUL): a new array of
 * JtInvite*, in event order (freed with g_ptr_array_unref). `options` is not NULL; `tz`
 * is the person's zone, for floating times (not NULL). A file that is malformed,
 * truncated, binary or beyond the limits above is NULL with JT_ERROR_INVALID and one
 * line saying what is wrong with it ("it ends before END:VCALENDAR (is the file cut
 * short?)", "event 'Interview: SRE' has 5000 attendees; an invitation has at most
 * 1000"), worded to follow the caller's "cannot read invitation FILE: ". Events are
 * named by summary and line ("event 'Interview: SRE' (line 5)"), a line that could not
 * be read is quoted, and libical's own messages are never passed on. */
GPtrArray *jt_ical_import_read (const char *data, gsize length, const JtInviteOptions *options,
                                GTimeZone *tz, GError **error);

G_END_DECLS
