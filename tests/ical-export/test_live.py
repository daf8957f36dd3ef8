#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The live calendar: `jobtrackd` keeps $XDG_DATA_HOME/jobtrack/followups.ics equal to
`jobtrack export --ics`, writes it at start, rewrites it within 1 s of a change made with
the CLI (and only when the calendar changed), and needs no notification server: the
daemon runs with no session bus at all.

Everything runs on the real clock in UTC; follow-ups are put in 2030 so that none comes
due while a test runs."""

import os
import re
import signal
import stat
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from icalharness import IcalTestCase, decode  # noqa: E402
import icalharness  # noqa: E402

JOBTRACKD = os.environ.get("JOBTRACKD")
MAX_LATENCY = 1.0  # seconds from the CLI's exit to the new calendar on disk


class LiveCalendarTest(IcalTestCase):

    def setUp(self):
        super().setUp()
        if not JOBTRACKD or not os.access(JOBTRACKD, os.X_OK):
            self.fail("set JOBTRACKD to the jobtrackd binary (got %r)" % JOBTRACKD)
        self.calendar = os.path.join(self.data_home, "jobtrack", "followups.ics")
        self.daemon = None
        self.log_path = os.path.join(self.tmp, "jobtrackd.log")

    # ---- the CLI and the daemon on the real clock --------------------------------------

    def cli(self, *args):
        return self.ok(*args, now=None, tz="UTC")

    def export_now(self):
        return self.export(now=None, tz="UTC")

    def add_reminder(self, text, due="2030-01-07 10:00", app="1"):
        out = self.cli("remind", "add", "--app", app, "--due", due, text)
        return int(re.search(r"Added reminder (\d+)", out).group(1))

    def uid_of(self, reminder_id):
        for r in self.json_of("show", "1", "--json", now=None, tz="UTC")["reminders"]:
            if r["id"] == reminder_id:
                return r["uid"].encode()
        self.fail("no reminder %d" % reminder_id)

    def start_daemon(self):
        self.assertTrue(self.daemon is None or self.daemon.poll() is not None,
                        "a daemon is already running")
        env = self.environment(now=None, tz="UTC", env={
            # No session bus, so no notification server; no system bus either.
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(self.tmp, "no-session-bus"),
            "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=" + os.path.join(self.tmp, "no-system-bus"),
            "XDG_RUNTIME_DIR": self.tmp,
        })
        with open(self.log_path, "ab") as log:
            self.daemon = subprocess.Popen([JOBTRACKD, "--db", self.db, "--verbose"],
                                           stdin=subprocess.DEVNULL, stdout=log,
                                           stderr=subprocess.STDOUT, env=env)
        self.addCleanup(self.stop_daemon)
        self.wait_for(lambda: "watching" in self.log() or self.daemon.poll() is not None,
                      10, "jobtrackd to start")
        self.assertIsNone(self.daemon.poll(), "jobtrackd exited:\n" + self.log())

    def stop_daemon(self):
        if self.daemon is not None and self.daemon.poll() is None:
            self.daemon.send_signal(signal.SIGTERM)
            try:
                self.daemon.wait(5)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
                self.daemon.wait()

    def log(self):
        try:
            with open(self.log_path, "rb") as f:
                return decode(f.read())
        except FileNotFoundError:
            return ""

    def writes(self):
        """How often the daemon says it wrote the calendar."""
        return self.log().count("wrote the calendar")

    def wait_for(self, predicate, timeout, what, interval=0.01):
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() >= deadline:
                self.fail("timed out after %.1f s waiting for %s\n--- jobtrackd log ---\n%s" % (
                    timeout, what, self.log()[-3000:]))
            time.sleep(interval)

    def calendar_bytes(self):
        try:
            with open(self.calendar, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def settled(self):
        """Waits until the live file is the export of the database; returns its text."""
        return self.wait_for(lambda: self.calendar_bytes() == self.export_now()
                             and self.calendar_bytes(), 5, "the calendar to match the export")

    def wait_for_calendar(self, started, predicate, what):
        """Polls the file until `predicate(text)`; returns the seconds since `started`
        (a time.monotonic () reading taken when the CLI returned)."""
        self.wait_for(lambda: predicate(self.calendar_bytes() or b""), 5, what)
        took = time.monotonic() - started
        print("\n%s after %.3f s" % (what, took), file=sys.stderr)
        return took

    def seed_live(self):
        self.cli("app", "add", "--company", "Globex", "--role", "SRE")
        self.cli("contact", "add", "--name", "Raj Patel", "--email", "raj@globex.example",
                 "--app", "1")
        return self.add_reminder("Send Raj the portfolio link")

    # ---- the tests ---------------------------------------------------------------------

    def test_the_calendar_is_written_at_start_as_the_export(self):
        rid = self.seed_live()
        self.assertFalse(os.path.exists(self.calendar))
        self.start_daemon()
        text = self.settled()
        self.assertIn(b"UID:" + self.uid_of(rid), text)
        self.parse(text)
        self.assertEqual(stat.S_IMODE(os.stat(self.calendar).st_mode), 0o600)

    def test_an_empty_database_gives_an_empty_calendar(self):
        self.start_daemon()
        text = self.settled()
        self.assertEqual(self.parse(text).walk("VEVENT"), [])

    def test_a_cli_change_shows_in_the_calendar_within_a_second(self):
        self.seed_live()
        self.start_daemon()
        events = self.settled().count(b"BEGIN:VEVENT")

        rid = self.add_reminder("Call Raj about the decision", due="2030-01-08 09:30")
        started = time.monotonic()
        uid = self.uid_of(rid)
        took = self.wait_for_calendar(started, lambda text: uid in text,
                                      "a new follow-up in the calendar")
        self.assertLessEqual(took, MAX_LATENCY)
        self.assertEqual(self.settled().count(b"BEGIN:VEVENT"), events + 1)

        self.cli("snooze", str(rid), "2030-02-01 08:00")
        took = self.wait_for_calendar(time.monotonic(), lambda text: b"DTSTART:20300201T080000Z" in text,
                                      "a snoozed follow-up moved")
        self.assertLessEqual(took, MAX_LATENCY)

        self.cli("done", str(rid))
        took = self.wait_for_calendar(time.monotonic(), lambda text: uid not in text,
                                      "a follow-up done gone from the calendar")
        self.assertLessEqual(took, MAX_LATENCY)
        self.settled()
        self.assertIsNone(self.daemon.poll(), "jobtrackd died:\n" + self.log())

    def test_the_file_is_rewritten_only_when_the_calendar_changes(self):
        self.seed_live()
        self.start_daemon()
        self.settled()
        writes = self.writes()
        self.assertGreaterEqual(writes, 1, "the daemon does not log its writes:\n" + self.log())
        inode = os.stat(self.calendar).st_ino
        noticed = self.log().count("the database changed")

        # A contact outside any application changes the database but no follow-up.
        self.cli("contact", "add", "--name", "Ann Lee")
        self.wait_for(lambda: self.log().count("the database changed") > noticed, 5,
                      "jobtrackd to notice the change")
        time.sleep(0.3)
        self.assertEqual(self.writes(), writes)
        self.assertEqual(os.stat(self.calendar).st_ino, inode)

        self.add_reminder("Send the references")
        self.wait_for(lambda: self.writes() > writes, 5, "the next write")
        self.assertNotEqual(os.stat(self.calendar).st_ino, inode)
        self.settled()
        leftovers = [n for n in os.listdir(os.path.dirname(self.calendar))
                     if n.startswith(".followups.ics.")]
        self.assertEqual(leftovers, [])

    def test_a_restarted_daemon_leaves_an_up_to_date_calendar_alone(self):
        self.seed_live()
        self.start_daemon()
        self.settled()
        self.stop_daemon()
        before = os.stat(self.calendar)
        writes = self.writes()
        self.start_daemon()
        self.settled()
        time.sleep(0.3)
        self.assertEqual(self.writes(), writes)
        after = os.stat(self.calendar)
        self.assertEqual((after.st_ino, after.st_mtime_ns), (before.st_ino, before.st_mtime_ns))
        # A change made while it was stopped is written at start.
        self.stop_daemon()
        rid = self.add_reminder("Ask about the team")
        self.start_daemon()
        self.assertIn(b"UID:" + self.uid_of(rid), self.settled())
        self.assertEqual(self.writes(), writes + 1)

    def test_a_removed_calendar_comes_back_at_the_next_change(self):
        self.seed_live()
        self.start_daemon()
        self.settled()
        os.unlink(self.calendar)
        rid = self.add_reminder("Ask about the team")
        started = time.monotonic()
        uid = self.uid_of(rid)
        took = self.wait_for_calendar(started, lambda text: uid in text,
                                      "the calendar written again")
        self.assertLessEqual(took, MAX_LATENCY)
        self.settled()


if __name__ == "__main__":
    icalharness.main()
