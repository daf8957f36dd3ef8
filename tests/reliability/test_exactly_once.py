# SPDX-License-Identifier: GPL-3.0-or-later
"""Exactly-once under faults (tests/RELIABILITY.md, "Exactly once").

Counts the notifications each follow-up produced when things go wrong at delivery time:

- jobtrackd is SIGKILLed after the notification server accepted a notification and before
  the follow-up is marked notified in the database (the fault point "after-show" of
  jobtrackd-faults, the daemon built with daemon/jt-fault.h; the release jobtrackd has no
  such point). This is the one window in which a follow-up is shown twice; the test
  proves it is shown again (at-least-once, never lost) and measures how long the window
  is on this machine.
- The notification server crashes while it receives the notification (it exits inside
  Notify, before answering): jobtrackd waits, and shows it once when a server is back.
- Another program holds the database's write lock when the follow-up comes due, longer
  than jobtrackd waits: it is shown once, marked when the lock is gone, and not shown
  again meanwhile.
"""

import os
import re
import signal
import sqlite3
import statistics
import time
import unittest

import relharness
from relharness import figures, JOBTRACKD_FAULTS
import daemonharness
from daemonharness import REMINDER_ID_HINT, NOTIFICATIONS, whole_seconds_ahead

CRASH_IN_NOTIFY = "import os\nos._exit(3)\n"


class ExactlyOnceTest(daemonharness.DaemonTestCase):
    def start_fault_daemon(self, fault=None):
        """jobtrackd-faults, the test build with fault points; JT_FAULT=fault."""
        self.assertTrue(JOBTRACKD_FAULTS and os.access(JOBTRACKD_FAULTS, os.X_OK),
                        "set JOBTRACKD_FAULTS to the test daemon")
        self.assertIsNone(self.daemon)
        n = len([f for f in os.listdir(self.tmp) if f.startswith("jobtrackd")]) + 1
        env = self.environment({"JT_FAULT": fault})
        self.daemon = self.start_process([JOBTRACKD_FAULTS, "--db", self.db, "--verbose"],
                                         "jobtrackd-%d" % n, env=env)
        return self.daemon

    def shown_count(self, rid):
        return sum(1 for call in self.notify_calls() if call.hints.get(REMINDER_ID_HINT) == rid)

    def notified_at(self, rid):
        db = relharness.connect(self.db)
        try:
            return db.execute("SELECT notified_at FROM reminders WHERE id = ?",
                              (rid,)).fetchone()[0]
        finally:
            db.close()

    def due_now(self, text):
        app = self.add_application(company="Globex %s" % text)
        contact = self.add_contact(app)
        return self.add_reminder(app, int(time.time()) - 1, text, contact_id=contact)

    def test_killed_between_shown_and_marked(self):
        self.start_mock_server(capabilities=["actions", "body"])
        rid = self.due_now("killed")
        daemon = self.start_fault_daemon("after-show")
        daemon.wait(20)
        self.assertEqual(daemon.returncode, -signal.SIGKILL, self.daemon_log_excerpt())
        self.assertIn("fault: killed at after-show", self.daemon_log())
        self.daemon = None
        self.assertEqual(self.shown_count(rid), 1)
        self.assertIsNone(self.notified_at(rid), "marked although the daemon died first")

        # Started again, it shows the follow-up again: at least once, never lost.
        self.start_fault_daemon()
        self.wait_for(lambda: self.notified_at(rid), 10, 0.1, "the follow-up to be marked")
        self.assertEqual(self.shown_count(rid), 2)

        # The window, measured on follow-ups that come due one by one while it runs.
        windows = []
        for n in range(20):
            before = len(re.findall(r"fault: window", self.daemon_log()))
            self.due_now("window %d" % n)
            self.wait_for(lambda: len(re.findall(r"fault: window", self.daemon_log())) > before,
                          10, 0.05, "delivery %d" % n)
        windows = [int(w) for w in re.findall(r"fault: window (\d+) us", self.daemon_log())]
        figures("exactly-once-kill", shown=2, windows=len(windows),
                window_median_us=int(statistics.median(windows)), window_max_us=max(windows))

    def test_the_release_daemon_has_no_fault_points(self):
        with open(daemonharness.JOBTRACKD, "rb") as f:
            self.assertNotIn(b"JT_FAULT", f.read())
        with open(JOBTRACKD_FAULTS, "rb") as f:
            self.assertIn(b"JT_FAULT", f.read())
        # JT_FAULT set: the release daemon shows and marks as ever.
        self.start_mock_server(capabilities=["actions", "body"])
        rid = self.due_now("release")
        self.start_daemon(env={"JT_FAULT": "after-show"})
        self.wait_for(lambda: self.notified_at(rid), 10, 0.1, "the follow-up to be marked")
        self.assertIsNone(self.daemon.poll())
        self.assertEqual(self.shown_count(rid), 1)

    def test_server_crashes_inside_notify(self):
        mock = self.start_mock_server(capabilities=["actions", "body"])
        first_log = self.mock_process.log_path
        mock.AddMethod(NOTIFICATIONS, "Notify", "susssasa{sv}i", "u", CRASH_IN_NOTIFY)
        self.start_daemon()
        rid = self.due_now("crash")
        # The server took the call and died without answering.
        self.wait_for(lambda: self.mock_process.poll() is not None, 10, 0.05,
                      "the server to crash")
        self.wait_for_server(present=False)
        self.wait_for(lambda: "is due but not shown" in self.daemon_log(), 10, 0.1,
                      "jobtrackd to say the follow-up waits")
        self.assertIsNone(self.notified_at(rid))
        with open(first_log) as f:
            received_by_crashed = len(re.findall(r"^\d+\.\d+ Notify ", f.read(), re.MULTILINE))
        self.assertEqual(received_by_crashed, 1)

        # A server again: the follow-up is shown once, and marked.
        self.start_mock_server(capabilities=["actions", "body"])
        self.wait_for(lambda: self.notified_at(rid), 10, 0.1, "the follow-up to be marked")
        time.sleep(1.5)  # anything more would come now
        self.assertEqual(self.shown_count(rid), 1)
        figures("exactly-once-server-crash", received_by_crashed_server=received_by_crashed,
                shown_by_new_server=self.shown_count(rid))

    def test_database_locked_at_delivery(self):
        self.start_mock_server(capabilities=["actions", "body"])
        app = self.add_application()
        contact = self.add_contact(app)
        due = whole_seconds_ahead(3)
        rid = self.add_reminder(app, due, "locked", contact_id=contact)
        self.start_daemon()

        # Another writer takes the lock before the follow-up is due and keeps it longer than
        # jobtrackd waits (5 s), then commits a change.
        locker = sqlite3.connect(self.db, timeout=10, isolation_level=None)
        self.addCleanup(locker.close)
        locker.execute("BEGIN IMMEDIATE")
        locker.execute("UPDATE applications SET notes = 'locked meanwhile' WHERE id = ?", (app,))
        self.wait_for(lambda: self.shown_count(rid) == 1, 10, 0.05, "the follow-up to be shown")
        self.wait_for(lambda: "cannot be marked yet" in self.daemon_log(), 10, 0.1,
                      "jobtrackd to meet the lock")
        locker.execute("COMMIT")
        self.wait_for(lambda: self.notified_at(rid), 15, 0.1, "the follow-up to be marked")
        time.sleep(1.5)
        self.assertEqual(self.shown_count(rid), 1)
        self.assertIsNone(self.daemon.poll())
        figures("exactly-once-locked", shown=self.shown_count(rid), marked_after_unlock=1)


    def test_database_locked_when_a_summary_is_marked(self):
        # Five came due while jobtrackd was stopped: one summary at start. The database is
        # locked longer than jobtrackd waits when it marks them; the summary is not shown
        # again, nor any of them singly, and all five are marked once the lock is gone.
        self.start_mock_server(capabilities=["actions", "body"])
        app = self.add_application()
        contact = self.add_contact(app)
        due = int(time.time()) - 60
        rids = [self.add_reminder(app, due, "away %d" % i, contact_id=contact) for i in range(5)]
        locker = sqlite3.connect(self.db, timeout=10, isolation_level=None)
        self.addCleanup(locker.close)
        locker.execute("BEGIN IMMEDIATE")
        locker.execute("UPDATE applications SET notes = 'locked meanwhile' WHERE id = ?", (app,))
        self.start_daemon(wait=False)
        self.wait_for(lambda: len(self.notify_calls()) == 1, 20, 0.1, "the summary")
        self.wait_for(lambda: "cannot be marked yet" in self.daemon_log(), 15, 0.1,
                      "jobtrackd to meet the lock")
        self.assertEqual([r for r in rids if self.notified_at(r)], [])
        locker.execute("COMMIT")
        self.wait_for(lambda: all(self.notified_at(r) for r in rids), 15, 0.1,
                      "the five to be marked")
        time.sleep(1.5)
        [call] = self.notify_calls()
        self.assertEqual(call.summary, "5 follow-ups came due while you were away")
        self.stop_daemon()
        self.start_daemon()
        time.sleep(1)
        self.assertEqual(len(self.notify_calls()), 1, "shown again after a restart")
        figures("exactly-once-summary-locked", shown=len(self.notify_calls()), marked=len(rids))


if __name__ == "__main__":
    daemonharness.main()
