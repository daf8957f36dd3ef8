# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared harness of the iCalendar export tests.

Builds on tests/cli/jtharness.py (a fresh temporary folder, database and XDG folders per
test; the real `jobtrack` named by $JOBTRACK; a pinned clock, Tue 1 Dec 2026 09:00 in
Europe/Berlin). Exports are read back by real parsers: python3-icalendar (Debian's
/usr/bin/python3 owns it), calcurse and khal.
"""

import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "cli"))
from jtharness import DEFAULT_NOW, DEFAULT_TZ, JobtrackTestCase, decode  # noqa: E402,F401
from jtharness import main, needs, require  # noqa: E402,F401

require(modules=["icalendar"])
import icalendar  # noqa: E402

UTC = datetime.timezone.utc

# Text a person might paste: line breaks of every kind, a tab, the characters iCalendar
# escapes, markup, a control character, and text outside the BMP.
HOSTILE = 'Call\r\nback; now, \\ "me" <b>bold</b> & <a href="x">y</a>\tend\rX\x01 🙂'


def one_line(text):
    """What an export makes of one-line text (SUMMARY, LOCATION, names): every line
    break (CRLF counts as one) and every control character becomes a space."""
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return "".join(" " if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c for c in text)


def multi_line(text):
    """What an export makes of text of several lines (DESCRIPTION): CRLF and CR become
    LF, other control characters a space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c if c == "\n" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) else " "
                   for c in text)


def parse_time(text):
    """An ISO 8601 time from `--json` output as an aware datetime (None stays None)."""
    return None if text is None else datetime.datetime.fromisoformat(text)


def as_utc(value):
    """A DTSTART/DTEND/... value (python-icalendar gives an aware datetime) in UTC."""
    return value.dt.astimezone(UTC)


def end_of(event):
    """When a VEVENT ends in UTC: its DTEND, or its DTSTART plus its DURATION."""
    if "DTEND" in event:
        return as_utc(event["DTEND"])
    return as_utc(event["DTSTART"]) + event["DURATION"].dt


def categories_of(event):
    """The CATEGORIES of a VEVENT as a list of text, however many properties hold them."""
    found = event.get("CATEGORIES")
    if found is None:
        return []
    if not isinstance(found, list):
        found = [found]
    cats = []
    for prop in found:
        cats += [str(c) for c in getattr(prop, "cats", [prop])]
    return cats


class IcalTestCase(JobtrackTestCase):
    """Adds exporting and parsing to the CLI harness."""

    def export(self, *args, **kwargs):
        """`jobtrack export --ics ARGS` printed to stdout, as the exact bytes."""
        out = self.ok("export", "--ics", *args, **kwargs)
        return out.encode("utf-8", "surrogateescape")

    def parse(self, data):
        """The calendar python-icalendar reads from `data` (bytes)."""
        try:
            return icalendar.Calendar.from_ical(data)
        except Exception as e:  # python-icalendar raises ValueError and friends
            self.fail("python-icalendar cannot read the export (%s):\n%s" % (
                e, decode(data)[:3000]))

    def events(self, data):
        """The VEVENTs of the calendar in `data`, by UID (each UID once)."""
        events = {}
        for event in self.parse(data).walk("VEVENT"):
            uid = str(event["UID"])
            self.assertNotIn(uid, events, "UID %s appears twice" % uid)
            events[uid] = event
        return events

    def agenda_all(self, **kwargs):
        return self.json_of("agenda", "--all", "--json", **kwargs)

    def interviews(self, **kwargs):
        return self.json_of("interview", "list", "--json", **kwargs)

    @staticmethod
    def interview_uid(interview_id):
        return "interview-%d@jobtrack" % interview_id

    def seed(self, **kwargs):
        """A job search in progress at the pinned now (Tue 1 Dec 2026 09:00, Berlin):

        - application 1, Globex SRE: an onsite interview an hour ago with Raj Patel (CTO,
          with email and phone), a decision due Thu 10 Dec: the rules add the summary, a
          thank-you letter and a follow-up call;
        - a reminder of one's own on application 1 due Sat 5 Dec 10:00;
        - application 2, Initech Developer, with three reminders of one's own: one
          snoozed to Mon 7 Dec 08:30, one done, one dismissed.
        Returns the agenda (`agenda --all --json`) after it."""
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", "2026-12-01 08:00",
                "--with", "Raj Patel <raj@globex.example>, CTO", "--where", "Room 4, HQ",
                "--decision", "2026-12-10", **kwargs)
        self.ok("contact", "edit", "1", "--phone", "+44 20 7946 0000", **kwargs)
        self.ok("remind", "add", "--app", "1", "--contact", "1", "--due", "2026-12-05 10:00",
                "Send Raj the portfolio link", **kwargs)
        self.ok("app", "add", "--company", "Initech", "--role", "Developer", **kwargs)
        ids = []
        for text, due in (("Ask about the team", "2026-12-03 11:00"),
                          ("Send the references", "2026-12-04 11:00"),
                          ("Look at their blog", "2026-12-04 12:00")):
            out = self.ok("remind", "add", "--app", "2", "--due", due, text, **kwargs)
            ids.append(out.split()[2])
        self.ok("snooze", ids[0], "2026-12-07 08:30", **kwargs)
        self.ok("done", ids[1], **kwargs)
        self.ok("dismiss", ids[2], **kwargs)
        return self.agenda_all(**kwargs)
