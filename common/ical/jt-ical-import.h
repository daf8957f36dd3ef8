/* jt-ical-import.h: interviews from the invitations employers send (.ics files).
 *
 * Each VEVENT becomes an interview of an application (reused or created), with a contact
 * per organizer and attendee except the person's own addresses. Importing is idempotent
 * by the invitation's UID: the same file again changes nothing, an update (a higher
 * SEQUENCE) moves the interview. Everything is one transaction, or nothing with
 * `dry_run`.
 *
 * Reading (libical parses; nothing here reads RFC 5545 by hand):
 * - The file must be UTF-8 text of at most 5 MB beginning with BEGIN:VCALENDAR, one
 *   VCALENDAR of at most 1000 VEVENTs, components nested at most 8 deep, at most 1000
 *   attendees in an event and 2000 in the file, and VTIMEZONEs that change at most
 *   yearly. METHOD may be absent, PUBLISH, REQUEST, ADD or CANCEL (a REPLY is refused).
 *   Every event needs a UID and, unless it is a cancellation, a DTSTART with a time
 *   (an all-day event is refused).
 * - Times: UTC as written; with a TZID, through the VTIMEZONE the file embeds (how
 *   Outlook's "W. Europe Standard Time" resolves), else the system zone of that name,
 *   else refused; a floating time is a wall time in `tz`. Length: DTEND - DTSTART, else
 *   DURATION, else (or when not positive) 60 min; rounded up to minutes, 1 min to 24 h.
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
 * - Application: the open one of the company with that role; else the company's open
 *   one whose role is not known yet; else, when the summary names no role, the
 *   company's newest open one; else a new one (status interviewing), as `jobtrack add`.
 * - People: the ORGANIZER and every ATTENDEE, each once, except the addresses in
 *   options->me (compared without case) and calendar users that are a ROOM, RESOURCE or
 *   GROUP. The name is the CN as text: line breaks (CR, LF, RFC 6868 ^n, U+2028) and
 *   other control characters become spaces, markup is kept as written (it is stored
 *   and shown as text, never interpreted); no CN: the address. Contacts are reused by
 *   email, else by name, within the company, as `jobtrack add` does.
 *
 * Writing, per event, by UID (RECURRENCE-ID is ignored: a series and its moved
 * occurrences are one interview, the highest SEQUENCE winning):
 * - new UID: a new interview, with the UID and SEQUENCE recorded on it;
 * - known UID, same or lower SEQUENCE: nothing changes ("unchanged");
 * - known UID, higher SEQUENCE: start, length and place (when given) follow the
 *   invitation ("moved"); kind, people and the assessment stay as they are; the
 *   interview's reminders move with it when the transaction commits (the rules' hook);
 * - METHOD:CANCEL or STATUS:CANCELLED with the same or a higher SEQUENCE: the interview
 *   is removed with its reminders ("removed") unless the person has written any of its
 *   assessment (then it stays, "kept"); a cancellation of an unknown UID changes
 *   nothing. jobtrack keeps no record of cancelled UIDs: importing the original
 *   invitation again after its cancellation creates the interview again.
 */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *company;        /* NULL: guessed from the organizer's email domain */
  const char *const *me;      /* the person's own addresses, NULL-terminated; may be NULL */
  gboolean dry_run;           /* report what would happen, write nothing */
} JtIcalImportOptions;

/* Imports the iCalendar text `data` (`length` bytes, need not end in NUL). `options`
 * may be NULL (all defaults); `tz` is the person's zone, for floating times and the
 * report (NULL: local); `now` dates the rows written. Fills `report` (*report must be
 * NULL; a new array of one-line strings a person can read, freed with
 * g_ptr_array_unref), in event order:
 *
 *   interview 4 (new): Globex, SRE on Fri 4 Dec 2026 14:00 — company guessed from raj@globex.com
 *     application 2 (new): Globex, SRE
 *     contact 7 (new): Raj Patel <raj@globex.com>
 *     contact 3: Ann Lee <ann@globex.com>
 *   interview 4 (unchanged): Globex, SRE on Fri 4 Dec 2026 14:00 — this invitation was imported before (sequence 0)
 *   interview 4 (moved): Globex, SRE on Mon 7 Dec 2026 09:30, was Fri 4 Dec 2026 14:00 — updated invitation (sequence 1)
 *   interview 4 (removed): Globex, SRE on Fri 4 Dec 2026 14:00 — cancelled by the organizer
 *
 * ("(new)" after an application or contact: created; without it: reused. Times in
 * `tz`, jt_time_format_human.) A dry run fills the same report, ids included, from
 * inside a transaction it rolls back; saying that nothing was written is the caller's.
 *
 * A file that is malformed, truncated, binary or beyond the limits above is
 * JT_ERROR_INVALID with one line saying what is wrong with it ("it ends before
 * END:VCALENDAR (is the file cut short?)", "event 'Interview: SRE' has 5000 attendees;
 * an invitation has at most 1000"), worded to follow the caller's "cannot read
 * invitation FILE: ". Database errors come as the store reports them. On any error
 * nothing is written and *report stays NULL. */
gboolean jt_ical_import (JtStore *store, const char *data, gsize length,
                         const JtIcalImportOptions *options, GTimeZone *tz, gint64 now,
                         GPtrArray **report, GError **error);

G_END_DECLS
