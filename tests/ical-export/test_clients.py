#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real calendar programs read `jobtrack export --ics`: calcurse imports it
(`calcurse -D DIR -i FILE`) with every event at its instant, and khal prints it
(`khal printics FILE`). Each runs in two zones, one on each side of UTC, since both
show local times.

The clock is pinned: Tue 1 Dec 2026 09:00, Europe/Berlin."""

import datetime
import os
import subprocess
import sys
import unittest
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from icalharness import HOSTILE, IcalTestCase, decode, one_line, parse_time  # noqa: E402
import icalharness  # noqa: E402

ZONES = ("America/New_York", "Australia/Sydney")
REMINDER_SECONDS = 15 * 60
# Separators khal prints between fields and events (never in record text).
FIELD = "\x1f"
RECORD = "\x1e"


class ClientsTest(IcalTestCase):

    def setUp(self):
        super().setUp()
        self.seed()
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-06 18:45", "Remind" + HOSTILE)
        self.ics = os.path.join(self.tmp, "followups.ics")
        self.ok("export", "--ics", "--all", "-o", self.ics)

    def expected(self):
        """{uid: (start, end, summary, cancelled)} from the database, start and end as Unix
        times: every reminder (open or not) and every interview."""
        expected = {}
        for app_id in (1, 2):
            for r in self.show(app_id)["reminders"]:
                start = parse_time(r["snoozed_until"] or r["due"]).timestamp()
                expected[r["uid"]] = (int(start), int(start) + REMINDER_SECONDS,
                                      one_line(r["title"]),
                                      r["state"] in ("done", "dismissed"))
        for i in self.interviews():
            expected[self.interview_uid(i["id"])] = (
                int(parse_time(i["start"]).timestamp()), int(parse_time(i["end"]).timestamp()),
                "Interview (%s) — %s, %s" % (i["kind"], i["application"]["company"],
                                              i["application"]["role"]), False)
        self.assertEqual(len(expected), 10)
        return expected

    def run_tool(self, argv, tz, extra_env=None):
        env = self.environment(now=None, tz=tz, env=extra_env)
        env["TMPDIR"] = self.tmp  # calcurse leaves its import log there
        try:
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                  env=env, timeout=60)
        except FileNotFoundError:
            icalharness.needs(argv[0])
            raise
        return proc.returncode, decode(proc.stdout), decode(proc.stderr)

    # ---- calcurse ----------------------------------------------------------------------

    def test_calcurse_imports_every_event_at_its_instant(self):
        expected = self.expected()
        for tz in ZONES:
            with self.subTest(tz=tz):
                data = os.path.join(self.tmp, "calcurse-" + tz.replace("/", "-"))
                os.mkdir(data)
                rc, out, err = self.run_tool(["calcurse", "-D", data, "-i", self.ics], tz)
                self.assertEqual(rc, 0, "calcurse refused some events:\n%s%s%s" % (
                    out, err, self.calcurse_log()))
                self.assertIn("%d apps / 0 events / 0 todos / 0 skipped" % len(expected), out)

                rc, out, err = self.run_tool(
                    ["calcurse", "-D", data, "-Q", "--input-datefmt", "4",
                     "--from", "2026-11-25", "--days", "60",
                     "--format-apt", "%(start:epoch)\t%(end:epoch)\t%m\n"], tz)
                self.assertEqual(rc, 0, err)
                # Day headings ("12/01/26:") and blank lines separate the appointments.
                got = [tuple(line.split("\t", 2)) for line in out.splitlines() if "\t" in line]
                got = [(int(start), int(end), summary) for start, end, summary in got]
                self.assertEqual(sorted(got), sorted(e[:3] for e in expected.values()))
                # Each description became the note of its appointment.
                notes = []
                for name in os.listdir(os.path.join(data, "notes")):
                    with open(os.path.join(data, "notes", name)) as f:
                        notes.append(f.read())
                numbers = sorted(line for note in notes for line in note.splitlines()
                                 if line.startswith("jobtrack "))
                self.assertEqual(len(numbers), len(expected), numbers)
                self.assertIn("jobtrack interview 1", numbers)

    def calcurse_log(self):
        logs = [n for n in os.listdir(self.tmp) if n.startswith("calcurse_log")]
        text = ""
        for name in logs:
            with open(os.path.join(self.tmp, name), errors="replace") as f:
                text += f.read()
        return text

    # ---- khal --------------------------------------------------------------------------

    def khal_config(self, tz):
        """A minimal khal configuration (printics needs one) showing times as ISO text in
        `tz`. Returns the XDG_CONFIG_HOME to use."""
        home = os.path.join(self.tmp, "khal-" + tz.replace("/", "-"))
        os.makedirs(os.path.join(home, "config", "khal"))
        os.makedirs(os.path.join(home, "calendar"))
        with open(os.path.join(home, "config", "khal", "config"), "w") as f:
            f.write("[calendars]\n[[jobtrack]]\npath = %s\n" % os.path.join(home, "calendar")
                    + "[locale]\n"
                    + "timeformat = %H:%M\ndateformat = %Y-%m-%d\n"
                    + "longdateformat = %Y-%m-%d\n"
                    + "datetimeformat = %Y-%m-%dT%H:%M\n"
                    + "longdatetimeformat = %Y-%m-%dT%H:%M\n"
                    + "local_timezone = %s\ndefault_timezone = %s\n" % (tz, tz))
        return home

    @staticmethod
    def khal_time(text, tz):
        """A local time as khal prints it ("2026-12-01T03:00") as a Unix time."""
        local = datetime.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))
        return int(local.timestamp())

    def test_khal_prints_every_event_at_its_instant(self):
        expected = self.expected()
        for tz in ZONES:
            with self.subTest(tz=tz):
                home = self.khal_config(tz)
                fields = FIELD.join(["{uid}", "{start-long}", "{end-long}", "{title}",
                                     "{status}", "{alarm-symbol}"])
                rc, out, err = self.run_tool(
                    ["khal", "printics", "--format", fields + RECORD, self.ics], tz,
                    {"XDG_CONFIG_HOME": os.path.join(home, "config"),
                     "XDG_DATA_HOME": os.path.join(home, "data")})
                self.assertEqual(rc, 0, err + out)
                self.assertIn("%d events found" % len(expected), out + err)
                got = {}
                for record in out.split(RECORD)[:-1]:
                    # The first record follows khal's "N events found in FILE" line.
                    uid, start, end, title, status, alarm = record.split("\n")[-1].split(FIELD)
                    got[uid] = (self.khal_time(start, tz), self.khal_time(end, tz), title,
                                status.strip(), alarm.strip())
                self.assertEqual(set(got), set(expected))
                for uid, (start, end, title, cancelled) in expected.items():
                    self.assertEqual(got[uid][:3], (start, end, title), uid)
                    self.assertEqual(got[uid][3], "CANCELLED" if cancelled else "CONFIRMED", uid)
                    # Open reminders ring; closed ones and interviews do not.
                    rings = not cancelled and not uid.startswith("interview-")
                    self.assertEqual(bool(got[uid][4]), rings, uid)


if __name__ == "__main__":
    icalharness.main()
