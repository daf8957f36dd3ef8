# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile text through every output (tests/RELIABILITY.md, "Hostile text").

One table of hostile strings goes into applications, contacts and follow-ups, and comes
out of every output; each output is parsed back and must show the text as text and
nothing else:

- the table (`app list`) and the listings (`agenda`, `show`): one line per item, no
  control character reaches the terminal, the text is there with its line breaks and
  controls as spaces;
- JSON (`--json`): the exact text;
- the iCalendar export: python3-icalendar reads one event per follow-up, with only the
  properties jobtrack writes (no ATTENDEE smuggled in by a CRLF), the text in SUMMARY;
- the notification (jobtrackd to a notification server): the summary on one line, the
  body valid markup whose only content is text;
- the CSV export: Python's csv reads one row per application, each cell the text, with a
  quote before what a spreadsheet would take for a formula.

Invalid UTF-8 cannot be typed (the CLI refuses it, tests/cli/test_robustness.py); it
comes in files: an invitation or a backup holding it is refused whole, nothing written.
"""

import csv
import io
import json
import os
import re
import time
import unittest
import xml.dom.minidom

import relharness
from relharness import figures, invitation
import jtharness
import daemonharness

HOSTILE = {
    "markup": '<b>bold</b> <a href="http://evil.example/">link</a> & &amp; <i',
    "crlf": "one\r\ntwo\nthree",
    "lone-cr": "visible\rHIDDEN",
    "tab": "left\tright",
    "ical": "x\r\nATTENDEE:mailto:evil@evil.example\r\nEND:VEVENT\r\nBEGIN:VEVENT",
    "escape": "\x1b[31mred\x1b[0m\x1b]0;title\x07",
    "long": "Ω" * 5000 + "end",  # 10 KB
    "rtl-emoji": "\u202eevil\u202c \u200fשלום 🎉 👩\u200d💻",
    "sql": "'; DROP TABLE applications; --",
    "formula-eq": '=HYPERLINK("http://evil.example","x")',
    "formula-plus": "+1+1",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(A1:A9)",
}
NOW = "2026-12-01T09:00:00"
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def one_line(value):
    """What a one-line listing shows: line breaks and controls as spaces, bidi controls
    dropped (the one rule set of common/jt-text.h)."""
    value = BIDI.sub("", value.replace("\r\n", "\n"))
    return re.sub(r"[\x00-\x1f\x7f\x80-\x9f\u2028\u2029]", " ", value)


class HostileCliTest(jtharness.JobtrackTestCase):
    def setUp(self):
        super().setUp()
        self.ids = {}
        for label, value in HOSTILE.items():
            out = self.ok("app", "add", "--company=" + value, "--role=" + value,
                          "--notes=" + value, now=NOW, tz="UTC")
            app = int(re.search(r"Added application (\d+)", out).group(1))
            self.ok("remind", "add", "--app", str(app), "--due", "2026-12-05 10:00", "--",
                    value, now=NOW, tz="UTC")
            self.ids[label] = app
            out = self.ok("contact", "add", "--app", str(app), "--name=" + value,
                          now=NOW, tz="UTC")
            self.contacts = getattr(self, "contacts", {})
            self.contacts[label] = int(re.search(r"Added contact (\d+)", out).group(1))
            self.ok("touch", "add", "--app", str(app), "--kind", "call", "--about=" + value,
                    now=NOW, tz="UTC")

    def test_table(self):
        out = self.ok("app", "list", now=NOW, tz="UTC")
        self.assertIsNone(CONTROLS.search(out), "a control character reached the table")
        self.assertIsNone(BIDI.search(out), "a bidi control reached the table")
        lines = out.splitlines()
        self.assertEqual(len(lines), 1 + len(HOSTILE), "a record broke the table's rows")
        for label, value in HOSTILE.items():
            row = [line for line in lines[1:] if line.split()[0] == str(self.ids[label])]
            self.assertEqual(len(row), 1, label)
            self.assertIn(one_line(value).strip(), row[0], label)

    def test_listings(self):
        agenda = self.ok("agenda", "--all", now=NOW, tz="UTC")
        self.assertIsNone(CONTROLS.search(agenda), "a control character reached the agenda")
        self.assertIsNone(BIDI.search(agenda), "a bidi control reached the agenda")
        for label, value in HOSTILE.items():
            with self.subTest(label):
                self.assertIn(one_line(value), agenda)
                story = self.ok("show", str(self.ids[label]), now=NOW, tz="UTC")
                self.assertIsNone(CONTROLS.search(story))
                self.assertIsNone(BIDI.search(story), "a bidi control reached show")
                self.assertNotIn("\r", story)
                person = self.ok("contact", "show", str(self.contacts[label]), now=NOW, tz="UTC")
                self.assertIsNone(CONTROLS.search(person))
                self.assertIsNone(BIDI.search(person), "a bidi control reached contact show")
                self.assertNotIn("\r", person)
        # What `done` says back names the follow-up as text too.
        agenda_items = json.loads(self.ok("agenda", "--all", "--json", now=NOW, tz="UTC"))
        for item in agenda_items:
            said = self.ok("done", str(item["id"]), now=NOW, tz="UTC")
            self.assertIsNone(CONTROLS.search(said), repr(said))
            self.assertEqual(said.count("\n"), 1, repr(said))

    def test_json(self):
        apps = {a["id"]: a for a in json.loads(self.ok("app", "list", "--json"))}
        agenda = json.loads(self.ok("agenda", "--all", "--json", now=NOW, tz="UTC"))
        titles = {item["title"] for item in agenda}
        for label, value in HOSTILE.items():
            with self.subTest(label):
                app = apps[self.ids[label]]
                self.assertEqual((app["company"], app["role"]), (value, value))
                self.assertEqual(self.show(self.ids[label])["notes"], value)
                self.assertIn(value, titles)

    def test_icalendar_export(self):
        jtharness.needs(modules=["icalendar"])
        from icalendar import Calendar
        data = self.ok("export", "--ics", now=NOW, tz="UTC").encode("utf-8")
        calendar = Calendar.from_ical(data)
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        agenda = json.loads(self.ok("agenda", "--all", "--json", now=NOW, tz="UTC"))
        self.assertEqual(len(events), len(agenda), "an event was smuggled in or lost")
        names = set()
        for event in events:
            names.update(event.keys())
        smuggled = names & {"ATTENDEE", "ORGANIZER", "RRULE", "URL", "ATTACH"}
        self.assertEqual(smuggled, set())
        self.assertEqual(len(re.findall(rb"^BEGIN:VEVENT\r$", data, re.M)), len(events))
        summaries = [str(e["SUMMARY"]) for e in events]
        for label, value in HOSTILE.items():
            with self.subTest(label):
                # Bidi controls are dropped (common/jt-text.h), the rest is kept.
                self.assertTrue(any(BIDI.sub("", one_line(value)).strip() in s
                                    for s in summaries),
                                "the title is not in any SUMMARY")
        for s in summaries:
            self.assertIsNone(CONTROLS.search(s))
            self.assertIsNone(BIDI.search(s), "a bidi control reached the calendar")

    def test_csv_export(self):
        data = self.ok("export", "--csv", now=NOW, tz="UTC")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        header, rows = rows[0], rows[1:]
        self.assertEqual(len(rows), len(HOSTILE))
        by_id = {int(row[header.index("id")]): row for row in rows}
        for label, value in HOSTILE.items():
            with self.subTest(label):
                row = by_id[self.ids[label]]
                for column in ("company", "role"):
                    cell = row[header.index(column)]
                    if value[0] in "=+-@\t\r":
                        self.assertEqual(cell, "'" + value, column)
                    else:
                        self.assertEqual(cell, value, column)
        figures("hostile", strings=len(HOSTILE), outputs="table,listings,json,ics,csv,notification")


class InvalidUtf8FromFilesTest(jtharness.JobtrackTestCase):
    def test_an_invitation_with_invalid_utf8_is_refused_whole(self):
        self.ok("app", "add", "--company", "Before")
        before = self.db_snapshot()
        path = os.path.join(self.tmp, "bad.ics")
        text = invitation("bad@globex.example", "globex.example", people=("Raj Patel",))
        with open(path, "wb") as f:
            f.write(text.encode().replace(b"Raj Patel", b"Raj \xff\xfe Patel"))
        rc, out, err = self.jt("import", path)
        self.assertNotEqual(rc, 0)
        self.assert_error_line(err)
        self.assertEqual(self.db_snapshot(), before)

    def test_a_backup_with_invalid_utf8_is_refused_whole(self):
        self.ok("app", "add", "--company", "Source \u00e9")
        dump = self.ok("export", "--json").encode()
        fresh = os.path.join(self.tmp, "fresh.db")
        path = os.path.join(self.tmp, "bad.json")
        with open(path, "wb") as f:
            f.write(dump.replace("\u00e9".encode(), b"\xe9"))
        rc, out, err = self.jt("import", "--json", path, db=fresh)
        self.assertNotEqual(rc, 0)
        self.assert_error_line(err)
        rc, out, err = self.jt("app", "list", "--json", db=fresh)
        self.assertEqual(json.loads(out), [])


class HostileNotificationTest(daemonharness.DaemonTestCase):
    def test_notification_text(self):
        self.start_mock_server(capabilities=["actions", "body", "body-markup"])
        due = int(time.time()) - 1
        expected = {}
        for label, value in HOSTILE.items():
            out = self.ok("app", "add", "--company=" + value, "--role=" + value)
            app = int(re.search(r"Added application (\d+)", out).group(1))
            out = self.ok("contact", "add", "--app", str(app), "--name=" + value)
            contact = int(re.search(r"Added contact (\d+)", out).group(1))
            out = self.ok("remind", "add", "--app", str(app), "--contact", str(contact),
                          "--due", daemonharness.due_text(due), "--", value)
            rid = int(re.search(r"Added reminder (\d+)", out).group(1))
            expected[rid] = value
        self.start_daemon()
        # More than three due at start make one summary; the singles come as they change.
        self.wait_for(lambda: self.notify_calls(), 10, 0.1, "the catch-up notification")
        for rid in list(expected):
            self.ok("snooze", str(rid), daemonharness.due_text(int(time.time()) + 2))
        calls = self.wait_for(
            lambda: (lambda c: c if {x.hints.get(daemonharness.REMINDER_ID_HINT)
                                     for x in c} >= set(expected) else None)(
                self.notify_calls()), 30, 0.2, "every hostile follow-up to be shown")
        checked = 0
        for call in calls:
            rid = call.hints.get(daemonharness.REMINDER_ID_HINT)
            if rid not in expected:
                continue
            value = expected[rid]
            with self.subTest(rid=rid):
                self.assertNotIn("\n", call.summary)
                self.assertIsNone(CONTROLS.search(call.summary))
                # The summary is plain text: the server escapes it; it starts with the title.
                self.assertTrue(call.summary.startswith(one_line(value).strip()[:40]),
                                repr(call.summary[:80]))
                # The body is markup with text only: it parses, and has no element.
                doc = xml.dom.minidom.parseString("<m>%s</m>" % call.body)
                elements = [n for n in doc.documentElement.childNodes
                            if n.nodeType != n.TEXT_NODE]
                self.assertEqual(elements, [], "markup from a record became markup")
                shown = daemonharness.visible_text(call.body)
                self.assertIsNone(CONTROLS.search(shown))
                self.assertIn(one_line(value).strip()[:100], shown.replace("\n", " "))
                checked += 1
        self.assertEqual(checked >= len(expected), True)
        figures("hostile-notification", strings=len(expected), notifications=checked)


if __name__ == "__main__":
    daemonharness.main()
