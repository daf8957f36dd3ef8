#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The dates and times a person types, read through `add --at` and `app add --decision`,
with a pinned clock (JOBTRACK_NOW) under several zones, across DST changes."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
SYDNEY = "Australia/Sydney"
UTC = "UTC"
TUESDAY = "2026-12-01T09:00:00"

# (zone, now, text typed after --at, the interview's start in JSON)
INSTANTS = [
    # Berlin in winter, +01:00; now is Tuesday 1 December 2026, 09:00.
    (BERLIN, TUESDAY, "2026-12-04", "2026-12-04T00:00:00+01:00"),
    (BERLIN, TUESDAY, "2026-12-04 14:30", "2026-12-04T14:30:00+01:00"),
    (BERLIN, TUESDAY, "2026-12-04T14:30+01:00", "2026-12-04T14:30:00+01:00"),
    (BERLIN, TUESDAY, "2026-12-04T14:30+05:30", "2026-12-04T10:00:00+01:00"),
    (BERLIN, TUESDAY, "today", "2026-12-01T00:00:00+01:00"),
    (BERLIN, TUESDAY, "tomorrow", "2026-12-02T00:00:00+01:00"),
    (BERLIN, TUESDAY, "yesterday", "2026-11-30T00:00:00+01:00"),
    (BERLIN, TUESDAY, "tomorrow 10:00", "2026-12-02T10:00:00+01:00"),
    (BERLIN, TUESDAY, "friday", "2026-12-04T00:00:00+01:00"),
    (BERLIN, TUESDAY, "Friday", "2026-12-04T00:00:00+01:00"),
    (BERLIN, TUESDAY, "last friday", "2026-11-27T00:00:00+01:00"),
    (BERLIN, TUESDAY, "friday 14:00", "2026-12-04T14:00:00+01:00"),
    (BERLIN, TUESDAY, "tuesday", "2026-12-08T00:00:00+01:00"),  # the next one, not today
    (BERLIN, TUESDAY, "monday", "2026-12-07T00:00:00+01:00"),
    (BERLIN, TUESDAY, "in 3 days", "2026-12-04T09:00:00+01:00"),
    (BERLIN, TUESDAY, "in 2 weeks", "2026-12-15T09:00:00+01:00"),
    (BERLIN, TUESDAY, "+2w", "2026-12-15T09:00:00+01:00"),
    (BERLIN, TUESDAY, "-1d", "2026-11-30T09:00:00+01:00"),
    (BERLIN, TUESDAY, "+90s", "2026-12-01T09:01:30+01:00"),
    (BERLIN, TUESDAY, "+10min", "2026-12-01T09:10:00+01:00"),
    (BERLIN, TUESDAY, "-1h", "2026-12-01T08:00:00+01:00"),
    (BERLIN, TUESDAY, "in 5 months", "2027-05-01T09:00:00+02:00"),
    # Month ends clamp: 31 January + 5 months is 30 June, + 1 month is 28 February.
    (BERLIN, "2027-01-31T09:00:00", "in 5 months", "2027-06-30T09:00:00+02:00"),
    (BERLIN, "2027-01-31T09:00:00", "in 1 month", "2027-02-28T09:00:00+01:00"),
    # Berlin springs forward on Sunday 28 March 2027 at 02:00.
    (BERLIN, "2027-03-27T12:00:00", "tomorrow 10:00", "2027-03-28T10:00:00+02:00"),
    (BERLIN, "2027-03-27T12:00:00", "+1d", "2027-03-28T12:00:00+02:00"),
    (BERLIN, "2027-03-27T12:00:00", "+24h", "2027-03-28T13:00:00+02:00"),
    (BERLIN, "2027-03-27T12:00:00", "sunday 09:00", "2027-03-28T09:00:00+02:00"),
    (BERLIN, "2027-03-27T12:00:00", "2027-03-28 02:30", "2027-03-28T03:00:00+02:00"),
    # ... and falls back on Sunday 25 October 2026 at 03:00.
    (BERLIN, "2026-10-24T12:00:00", "tomorrow 10:00", "2026-10-25T10:00:00+01:00"),
    (BERLIN, "2026-10-24T12:00:00", "in 1 day", "2026-10-25T12:00:00+01:00"),
    # 02:30 happens twice that night: the later, standard-time one.
    (BERLIN, "2026-10-24T12:00:00", "2026-10-25 02:30", "2026-10-25T02:30:00+01:00"),
    # On a Friday, "friday" is a week away and "last friday" a week back.
    (BERLIN, "2026-12-04T09:00:00", "friday", "2026-12-11T00:00:00+01:00"),
    (BERLIN, "2026-12-04T09:00:00", "last friday", "2026-11-27T00:00:00+01:00"),
    # New York in winter, -05:00.
    (NEW_YORK, TUESDAY, "2026-12-04", "2026-12-04T00:00:00-05:00"),
    (NEW_YORK, TUESDAY, "2026-12-04 14:30", "2026-12-04T14:30:00-05:00"),
    (NEW_YORK, TUESDAY, "2026-12-04T14:30+01:00", "2026-12-04T08:30:00-05:00"),
    (NEW_YORK, TUESDAY, "friday 14:00", "2026-12-04T14:00:00-05:00"),
    (NEW_YORK, TUESDAY, "last friday", "2026-11-27T00:00:00-05:00"),
    (NEW_YORK, TUESDAY, "+90s", "2026-12-01T09:01:30-05:00"),
    (NEW_YORK, TUESDAY, "in 3 days", "2026-12-04T09:00:00-05:00"),
    # New York springs forward on Sunday 14 March 2027.
    (NEW_YORK, "2027-03-13T12:00:00", "tomorrow 10:00", "2027-03-14T10:00:00-04:00"),
    (NEW_YORK, "2027-03-13T12:00:00", "+1d", "2027-03-14T12:00:00-04:00"),
    (NEW_YORK, "2027-03-13T12:00:00", "+24h", "2027-03-14T13:00:00-04:00"),
    # Sydney in summer, +11:00; its DST ends on Sunday 4 April 2027.
    (SYDNEY, TUESDAY, "2026-12-04", "2026-12-04T00:00:00+11:00"),
    (SYDNEY, TUESDAY, "2026-12-04T14:30+01:00", "2026-12-05T00:30:00+11:00"),
    (SYDNEY, TUESDAY, "yesterday", "2026-11-30T00:00:00+11:00"),
    (SYDNEY, TUESDAY, "friday 14:00", "2026-12-04T14:00:00+11:00"),
    (SYDNEY, TUESDAY, "in 5 months", "2027-05-01T09:00:00+10:00"),
    (SYDNEY, TUESDAY, "-1h", "2026-12-01T08:00:00+11:00"),
    (SYDNEY, "2027-04-03T12:00:00", "tomorrow 10:00", "2027-04-04T10:00:00+10:00"),
    (SYDNEY, "2027-04-03T12:00:00", "+1d", "2027-04-04T12:00:00+10:00"),
    # UTC.
    (UTC, TUESDAY, "2026-12-04 14:30", "2026-12-04T14:30:00+00:00"),
    (UTC, TUESDAY, "2026-12-04T14:30+01:00", "2026-12-04T13:30:00+00:00"),
    (UTC, TUESDAY, "today", "2026-12-01T00:00:00+00:00"),
    (UTC, TUESDAY, "last friday", "2026-11-27T00:00:00+00:00"),
    (UTC, TUESDAY, "+2w", "2026-12-15T09:00:00+00:00"),
    (UTC, TUESDAY, "-1h", "2026-12-01T08:00:00+00:00"),
    (UTC, TUESDAY, "+10min", "2026-12-01T09:10:00+00:00"),
]

# (zone, now, text typed after --decision, the decision day)
DAYS = [
    (BERLIN, TUESDAY, "2026-12-04", "2026-12-04"),
    (BERLIN, TUESDAY, "friday", "2026-12-04"),
    (BERLIN, TUESDAY, "last friday", "2026-11-27"),
    (BERLIN, TUESDAY, "tomorrow", "2026-12-02"),
    (BERLIN, TUESDAY, "in 2 weeks", "2026-12-15"),
    (BERLIN, TUESDAY, "+2w", "2026-12-15"),
    (BERLIN, TUESDAY, "friday 14:00", "2026-12-04"),
    (BERLIN, "2027-01-31T09:00:00", "in 5 months", "2027-06-30"),
    (BERLIN, "2027-03-27T12:00:00", "tomorrow", "2027-03-28"),
    # A day is the local day: 23:30 in New York is already the next day in Berlin.
    (BERLIN, TUESDAY, "2026-12-04T23:30-05:00", "2026-12-05"),
    (NEW_YORK, "2026-12-01T23:30:00", "+1h", "2026-12-02"),
    (NEW_YORK, TUESDAY, "in 3 days", "2026-12-04"),
    (SYDNEY, TUESDAY, "-1d", "2026-11-30"),
    (SYDNEY, "2026-12-01T23:59:00", "+90s", "2026-12-02"),
    (UTC, TUESDAY, "yesterday", "2026-11-30"),
]

BAD_DATES = ["next blursday", "2026-02-30", "25:00", "", "   ", "friday 25:00",
             "2026-13-01", "in three days", "tomorrow tomorrow", "+2", "2026-12-04 14:61",
             "2026-12-04T14:30+25:00", "x" * 300]


def utc_as_offset(text):
    """ISO 8601 lets UTC be written Z or +00:00; compare them as one."""
    return text[:-1] + "+00:00" if text is not None and text.endswith("Z") else text


class DatesTest(JobtrackTestCase):

    def test_interview_times(self):
        for n, (tz, now, text, expected) in enumerate(INSTANTS, start=1):
            with self.subTest(tz=tz, now=now, at=text):
                self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", text,
                        "--duration", "30m", now=now, tz=tz)
                interview = self.json_of("interview", "show", str(n), "--json", now=now, tz=tz)
                self.assertEqual(interview["id"], n)
                self.assertEqual(utc_as_offset(interview["start"]), expected)

    def test_decision_days(self):
        for n, (tz, now, text, expected) in enumerate(DAYS, start=1):
            with self.subTest(tz=tz, now=now, decision=text):
                self.ok("app", "add", "--company", "Acme %d" % n, "--decision", text,
                        now=now, tz=tz)
                self.assertEqual(self.show(n, now=now, tz=tz)["decision_date"], expected)

    def test_times_are_shown_in_the_readers_zone(self):
        self.ok("add", "--company", "Acme", "--at", "2026-12-04 14:30", "--duration", "45m",
                tz=BERLIN)
        for tz, start, end in [
                (BERLIN, "2026-12-04T14:30:00+01:00", "2026-12-04T15:15:00+01:00"),
                (NEW_YORK, "2026-12-04T08:30:00-05:00", "2026-12-04T09:15:00-05:00"),
                (SYDNEY, "2026-12-05T00:30:00+11:00", "2026-12-05T01:15:00+11:00"),
                (UTC, "2026-12-04T13:30:00+00:00", "2026-12-04T14:15:00+00:00")]:
            with self.subTest(tz=tz):
                interview = self.show(1, tz=tz)["interviews"][0]
                self.assertEqual(utc_as_offset(interview["start"]), start)
                self.assertEqual(utc_as_offset(interview["end"]), end)

    def test_an_interview_across_the_dst_change_ends_on_time(self):
        # 01:30 +01:00 plus one hour is 03:30 +02:00: the wall clock jumped.
        self.ok("add", "--company", "Acme", "--at", "2027-03-28 01:30", "--duration", "1h",
                now="2027-03-28T09:00:00", tz=BERLIN)
        interview = self.show(1, tz=BERLIN)["interviews"][0]
        self.assertEqual(interview["start"], "2027-03-28T01:30:00+01:00")
        self.assertEqual(interview["end"], "2027-03-28T03:30:00+02:00")

    def test_the_pinned_clock_is_local_time_in_tz(self):
        # JOBTRACK_NOW without an offset is a wall time in TZ.
        for tz, expected in [(BERLIN, "2026-12-01T09:00:00+01:00"),
                             (NEW_YORK, "2026-12-01T09:00:00-05:00"),
                             (SYDNEY, "2026-12-01T09:00:00+11:00")]:
            with self.subTest(tz=tz):
                self.ok("app", "add", "--company", "Acme " + tz, tz=tz)
                apps = self.apps(tz=tz)
                self.assertEqual(apps[-1]["created"], expected)

    def test_bad_dates_are_refused_and_change_nothing(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-12-01 08:00")
        for text in BAD_DATES:
            quoted = "cannot read date '%s'" % text if len(text) < 100 and text.strip() else \
                "cannot read date"
            for args in [["add", "--company", "Acme", "--role", "Engineer", "--at", text],
                         ["add", "--company", "Acme", "--role", "Engineer", "--decision", text],
                         ["app", "add", "--company", "Globex", "--decision", text],
                         ["app", "edit", "1", "--decision", text]]:
                with self.subTest(args=args[:-1], text=text[:20]):
                    self.assert_refused(2, *args, contains=quoted)

    def test_a_date_with_a_line_break_is_refused_on_one_line(self):
        self.ok("app", "add", "--company", "Acme")
        _, err = self.assert_refused(2, "app", "edit", "1", "--decision", "2026-12-04\n10:00",
                                     contains="cannot read date")
        self.assertNotIn("\r", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
