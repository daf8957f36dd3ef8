#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack import FILE.ics [--company NAME] [--me ADDRESS]... [--dry-run]` (issue 5,
"Import"): interviews from the invitations Google Calendar, Outlook/Exchange and
Thunderbird send (tests/data/invites/), and refusals of broken or hostile files.

Runs the real binary through tests/cli/jtharness.py. The zone is $JT_TEST_TZ (meson runs
this file under Europe/Berlin and America/New_York); every instant is checked in UTC,
so both runs expect the same instants.
"""

import datetime
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
from jtharness import JobtrackTestCase  # noqa: E402

INVITES = os.path.join(HERE, "..", "data", "invites")
TZ = os.environ.get("JT_TEST_TZ", "Europe/Berlin")
ME = ["--me", "jane.doe@gmail.com", "--me", "Jane.Doe@example.org"]
UTC = datetime.timezone.utc


def invite(name):
    return os.path.join(INVITES, name)


def at_utc(text):
    """An ISO 8601 instant with an offset, as the UTC datetime it names."""
    return datetime.datetime.fromisoformat(text).astimezone(UTC)


def utc(*fields):
    return datetime.datetime(*fields, tzinfo=UTC)


# file -> (start UTC, minutes, kind, company, role, people met: (name, email))
CLIENTS = {
    "google-utc.ics": (
        utc(2026, 12, 4, 13, 0), 45, "video", "Globex", "Site Reliability Engineer",
        {("Raj Patel", "raj.patel@globex.com"), ("Ann Lee", "ann.lee@globex.com")}),
    "google-berlin.ics": (
        utc(2027, 6, 15, 8, 0), 90, "onsite", "Vandelay", "Platform Engineer",
        {("Lena Vogel", "lena.vogel.recruiting@gmail.com"),
         ("Tom Berger", "tom.berger@vandelay.de")}),
    "outlook-request.ics": (
        utc(2026, 12, 10, 13, 0), 60, "onsite", "Initech", "Backend Engineer",
        {("Müller, Sabine", "sabine.mueller@initech.de"),
         ("Weber, Thomas", "thomas.weber@initech.de")}),
    "thunderbird.ics": (
        utc(2027, 3, 15, 15, 0), 30, "phone", "Hooli", "Data Analyst",
        {("Maria Gonzalez", "maria.gonzalez@hooli.com"),
         ("Kevin O'Brien", "kevin.obrien@hooli.com")}),
}


class ImportTest(JobtrackTestCase):

    def jt(self, *args, **kwargs):
        kwargs.setdefault("tz", TZ)
        return super().jt(*args, **kwargs)

    def interviews(self):
        return self.json_of("interview", "list", "--json")

    def reminders(self):
        return self.json_of("agenda", "--all", "--json")

    def write_config(self, content):
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)

    # ---- each client's invitation -------------------------------------------------------

    def test_each_client_gives_the_interview_at_its_instant(self):
        for name, (start, minutes, kind, company, role, people) in CLIENTS.items():
            with self.subTest(invitation=name):
                before = {i["id"] for i in self.interviews()}
                out = self.ok("import", invite(name), *ME)
                self.assertIn("(new)", out)
                self.assertIn("company guessed from", out)
                new = [i for i in self.interviews() if i["id"] not in before]
                self.assertEqual(len(new), 1, new)
                interview = new[0]
                self.assertEqual(at_utc(interview["start"]), start)
                self.assertEqual(at_utc(interview["end"]) - at_utc(interview["start"]),
                                 datetime.timedelta(minutes=minutes))
                self.assertEqual(interview["kind"], kind)
                self.assertEqual(interview["application"]["company"], company)
                self.assertEqual(interview["application"]["role"], role)
                self.assertEqual({(p["name"], p["email"]) for p in interview["interviewers"]},
                                 people)
        # The person is nobody's contact, and neither is a meeting room.
        emails = {c["email"].lower() for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(len(emails), 8)
        self.assertFalse(emails & {"jane.doe@gmail.com", "jane.doe@example.org"})
        self.assertFalse(any("resource.calendar.google.com" in e or e.startswith("raum")
                             for e in emails))

    def test_me_from_the_config(self):
        self.write_config("[user]\nemails = jane.doe@gmail.com\n")
        self.ok("import", invite("google-utc.ics"))
        emails = {c["email"] for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(emails, {"raj.patel@globex.com", "ann.lee@globex.com"})

    def test_company_given(self):
        out = self.ok("import", invite("google-utc.ics"), "--company", "Globex Corporation",
                      *ME)
        self.assertNotIn("guessed", out)
        [interview] = self.interviews()
        self.assertEqual(interview["application"]["company"], "Globex Corporation")

    def test_company_not_guessable_asks_for_it(self):
        path = os.path.join(self.tmp, "private.ics")
        with open(path, "w", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nMETHOD:REQUEST\r\n"
                    "BEGIN:VEVENT\r\nUID:private@t\r\nDTSTART:20261204T130000Z\r\n"
                    "SUMMARY:Chat\r\nORGANIZER;CN=Lena:mailto:lena@gmail.com\r\n"
                    "END:VEVENT\r\nEND:VCALENDAR\r\n")
        self.ok("import", invite("thunderbird.ics"), *ME)  # something to keep
        self.assert_refused(2, "import", path, *ME, contains="--company")
        self.ok("import", path, "--company", "Vandelay", *ME)

    # ---- idempotence, updates, dry runs -------------------------------------------------

    def test_import_twice_changes_nothing(self):
        for name in CLIENTS:
            self.ok("import", invite(name), *ME)
        once = self.db_snapshot()
        for name in CLIENTS:
            out = self.ok("import", invite(name), *ME)
            self.assertIn("(unchanged)", out)
            self.assertNotIn("(new)", out)
        self.assertEqual(self.db_snapshot(), once)

    def test_update_moves_the_interview_and_its_follow_ups(self):
        self.ok("import", invite("outlook-request.ics"), *ME)
        [before] = self.interviews()
        due_before = {r["uid"]: at_utc(r["due"]) for r in self.reminders()
                      if r["rule"] in ("summary", "thank_you")}
        self.assertEqual(len(due_before), 3)  # the summary, a letter to each of two people

        out = self.ok("import", invite("outlook-update.ics"), *ME)
        self.assertIn("(moved)", out)
        [after] = self.interviews()
        self.assertEqual(after["id"], before["id"])
        self.assertEqual(at_utc(after["start"]), utc(2026, 12, 11, 8, 30))
        due_after = {r["uid"]: at_utc(r["due"]) for r in self.reminders()
                     if r["rule"] in ("summary", "thank_you")}
        shift = utc(2026, 12, 11, 8, 30) - utc(2026, 12, 10, 13, 0)
        self.assertEqual(due_after, {uid: due + shift for uid, due in due_before.items()})

        # The older request again does not move it back.
        moved = self.db_snapshot()
        self.ok("import", invite("outlook-request.ics"), *ME)
        self.assertEqual(self.db_snapshot(), moved)

    def test_cancellation_removes_the_interview(self):
        self.ok("import", invite("outlook-request.ics"), *ME)
        out = self.ok("import", invite("outlook-cancel.ics"), *ME)
        self.assertIn("cancelled by the organizer", out)
        self.assertEqual(self.interviews(), [])
        self.assertEqual([r for r in self.reminders() if r["rule"] in ("summary", "thank_you")],
                         [])

    def test_a_series_is_an_interview_per_meeting_and_one_cancelled_goes_alone(self):
        # Outlook's daily loop of three, its zone by Windows name and no VTIMEZONE.
        out = self.ok("import", invite("outlook-series.ics"), *ME)
        self.assertEqual(out.count("one of a series of 3 meetings"), 3, out)
        starts = sorted(at_utc(i["start"]) for i in self.interviews())
        self.assertEqual(starts, [utc(2026, 12, d, 13, 0) for d in (14, 15, 16)])
        self.assertEqual(len({i["application"]["id"] for i in self.interviews()}), 1)
        # A thank-you letter to each person for each meeting.
        letters = [r for r in self.reminders() if r["rule"] == "thank_you"]
        self.assertEqual(len(letters), 3 * 2)

        out = self.ok("import", invite("outlook-series-cancel-one.ics"), *ME)
        self.assertIn("(removed)", out)
        starts = sorted(at_utc(i["start"]) for i in self.interviews())
        self.assertEqual(starts, [utc(2026, 12, 14, 13, 0), utc(2026, 12, 16, 13, 0)])
        letters = [r for r in self.reminders() if r["rule"] == "thank_you"]
        self.assertEqual(len(letters), 2 * 2)

    def test_dry_run_writes_nothing(self):
        self.ok("import", invite("google-utc.ics"), *ME)
        before = self.db_snapshot()
        digest = self.files_digest()
        dry = self.ok("import", invite("outlook-request.ics"), "--dry-run", *ME)
        self.assertIn("(new)", dry)
        self.assertEqual(self.db_snapshot(), before)
        self.assertEqual(self.files_digest()["db"], digest["db"])
        real = self.ok("import", invite("outlook-request.ics"), *ME)
        # What the dry run said is what the import did (whatever words the command puts
        # around the library's lines).
        for line in real.splitlines():
            self.assertIn(line, dry)
        before = self.db_snapshot()
        dry = self.ok("import", invite("outlook-update.ics"), "--dry-run", *ME)
        self.assertIn("(moved)", dry)
        self.assertEqual(self.db_snapshot(), before)

    def test_own_calendar_is_refused_with_a_hint(self):
        # jobtrack's own calendar holds follow-ups and interviews already recorded:
        # importing it would record each follow-up as an interview.
        self.ok("import", invite("google-utc.ics"), *ME)
        for extra in ([], ["--all"]):
            with self.subTest(export=extra):
                path = os.path.join(self.tmp, "followups.ics")
                self.ok("export", "--ics", "-o", path, *extra)
                before = self.db_snapshot()
                for company in ([], ["--company", "Globex"]):
                    self.assert_refused(2, "import", path, *company, *ME,
                                        contains="jobtrack's own calendar")
                    self.assert_refused(2, "import", path, *company, *ME,
                                        contains="import --json")
                self.assertEqual(self.db_snapshot(), before)
        # Its UIDs alone give it away, whatever another program made of the PRODID.
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        self.assertIn("PRODID:-//jobtrack//", text)
        path = self.write("rewritten.ics", text.replace("PRODID:-//jobtrack//",
                                                        "PRODID:-//Other//").encode())
        self.assert_refused(2, "import", path, "--company", "Globex", *ME,
                            contains="jobtrack's own calendar")

    # ---- hostile files -----------------------------------------------------------------

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_names_with_line_breaks_and_markup_are_text(self):
        out = self.ok("import", invite("names-crlf-markup.ics"), *ME)
        # The line breaks in names did not break the report's lines.
        self.assertNotIn("\r", out)
        self.assertFalse([line for line in out.splitlines()
                          if line.startswith(("Injected", "Second", "Third"))], out)
        names = {c["name"] for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(names, {"Eve Injected: line",
                                 "<b>Bold</b> <script>alert(1)</script>",
                                 "Bob Second Third Tab"})

    def test_hostile_files_are_refused_whole(self):
        event = (b"BEGIN:VEVENT\r\nUID:x@t\r\nDTSTART:20261204T130000Z\r\n"
                 b"SUMMARY:Interview: SRE at Globex\r\nORGANIZER:mailto:raj@globex.com\r\n")
        head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        tail = b"END:VEVENT\r\nEND:VCALENDAR\r\n"
        cases = {
            "truncated": (invite("truncated.ics"), "cut short"),
            "binary": (invite("binary.ics"), "binary"),
            "huge": (self.write("huge.ics", head + event + b"DESCRIPTION:"
                                + b"x" * 72 + b"\r\n " * 1 + (b"y" * 72 + b"\r\n ") * 90000
                                + b"\r\n" + tail), "5 MB"),
            "attendees": (self.write("attendees.ics", head + event + b"".join(
                b"ATTENDEE;CN=P%d:mailto:p%d@globex.com\r\n" % (i, i) for i in range(5000))
                + tail), "attendees"),
            "nested": (self.write("nested.ics", head + event + b"BEGIN:VALARM\r\n" * 50000
                                  + b"END:VALARM\r\n" * 50000 + tail), "nested"),
            "garbage": (self.write("garbage.ics", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
                        "not an iCalendar file"),
            "empty": (self.write("empty.ics", b""), "empty"),
            "no start": (self.write("nostart.ics", head + b"BEGIN:VEVENT\r\nUID:y@t\r\n"
                                    b"ORGANIZER:mailto:raj@globex.com\r\n" + tail),
                         "no start time"),
        }
        self.ok("import", invite("thunderbird.ics"), *ME)  # something to lose
        for name, (path, says) in cases.items():
            with self.subTest(file=name):
                self.assert_refused(2, "import", path, *ME, contains=says)
                self.assert_refused(2, "import", path, "--dry-run", *ME, contains=says)


if __name__ == "__main__":
    unittest.main(verbosity=2)
