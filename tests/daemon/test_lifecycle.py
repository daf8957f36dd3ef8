#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd as a process: its options, one instance per database, how it ends on SIGTERM
and SIGINT, SIGHUP reloading the configuration (a bad one keeps the old), how often it
wakes with nothing to do, how fast it notices the command line's writes, and its memory."""

import os
import signal
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import (JOBTRACKD, DaemonTestCase, decode, parse_time,  # noqa: E402
                           proc_status, voluntary_switches, wakeups_between,
                           whole_seconds_ahead)
import daemonharness  # noqa: E402

IDLE_SECONDS = 15
MAX_IDLE_WAKEUPS = 5
MAX_RSS_KB = 50 * 1024


class LifecycleTest(DaemonTestCase):

    def run_daemon(self, *args, timeout=10):
        """Runs jobtrackd to its end; returns (rc, stdout, stderr, seconds it took)."""
        started = time.monotonic()
        proc = subprocess.run([JOBTRACKD, *args], stdin=subprocess.DEVNULL, capture_output=True,
                              env=self.environment(), timeout=timeout)
        return (proc.returncode, decode(proc.stdout), decode(proc.stderr),
                time.monotonic() - started)

    def check_in_due(self, app):
        """When the check-in rule says to ask about the application (a derived reminder),
        read by a CLI that does not read the daemon's config (it would refuse a bad one)."""
        no_config = {"JOBTRACK_CONFIG": os.path.join(self.tmp, "no-config.ini")}
        [check_in] = [r for r in self.json_of("show", str(app), env=no_config)["reminders"]
                      if r["rule"] == "application_follow_up"]
        return parse_time(check_in["due"])

    # ---- options -----------------------------------------------------------------------

    def test_version_and_help(self):
        rc, out, err, _ = self.run_daemon("--version")
        self.assertEqual((rc, err), (0, ""))
        cli_version = self.ok("--version").split()[-1]
        self.assertEqual(out, "jobtrackd %s\n" % cli_version)

        rc, out, err, _ = self.run_daemon("--help")
        self.assertEqual((rc, err), (0, ""))
        for option in ("--db", "--verbose", "--version", "--help"):
            self.assertIn(option, out)

    def test_bad_usage_is_refused(self):
        for args in (["--no-such-option"], ["extra-argument"]):
            rc, out, err, _ = self.run_daemon(*args)
            self.assertEqual(rc, 2, "jobtrackd %s: %s" % (args, err))
            self.assertTrue(err.startswith("jobtrackd: "), err)
            self.assertEqual(err.count("\n"), 1, "not one line: %r" % err)

    # ---- one instance ------------------------------------------------------------------

    def test_second_instance_on_same_database_is_refused(self):
        first = self.start_daemon()
        rc, out, err, took = self.run_daemon("--db", self.db)
        self.assertNotEqual(rc, 0, "a second jobtrackd ran on the same database")
        self.assertLess(took, 2, "the second jobtrackd did not give up at once")
        self.assertTrue(err.startswith("jobtrackd: "), err)
        self.assertEqual(err.count("\n"), 1, "not one line: %r" % err)
        self.assertIn("already running", err)
        self.assertIn("pid %d" % first.pid, err, "the message does not name the other one")
        self.assertIn(self.db, err)
        self.assertIsNone(first.poll(), "the first jobtrackd died")

        # Another database is another instance, and runs alongside.
        other = self.start_process([JOBTRACKD, "--db", os.path.join(self.tmp, "other.db")],
                                   "jobtrackd-other")
        self.wait_for(lambda: "watching" in self.read_log(other) or other.poll() is not None,
                      5, message="a jobtrackd on another database to start")
        self.assertIsNone(other.poll(), "a jobtrackd on another database was refused:\n%s"
                          % self.read_log(other))

    def test_lock_of_a_killed_daemon_does_not_block_the_next(self):
        first = self.start_daemon()
        first.kill()
        first.wait()
        self.daemon = None
        # The lock file stays behind with a dead pid in it; the lock itself went with it.
        self.assertTrue(os.path.exists(self.db + ".jobtrackd-lock"))
        self.start_daemon()

    # ---- signals -----------------------------------------------------------------------

    def assert_clean_exit_on(self, sig):
        app = self.add_application()
        self.add_reminder(app, whole_seconds_ahead(3600), "Later")
        self.start_mock_server()
        self.start_daemon()
        self.wait_until_asleep()
        rc, took = self.stop_daemon(sig, timeout=5)
        print("\nexit on signal %d took %.3f s" % (sig, took), file=sys.stderr)
        self.assertEqual(rc, 0, "exit status on signal %d%s" % (sig, self.daemon_log_excerpt()))
        self.assertLess(took, 1.0, "took too long to exit")
        self.assertNotIn("CRITICAL", self.daemon_log())
        self.assertNotIn("WARNING", self.daemon_log())
        # Nothing half-written: the database is whole and the CLI reads it.
        self.assertEqual(len([r for r in self.agenda("--all") if r["title"] == "Later"]), 1)

    def test_sigterm_exits_0_within_a_second(self):
        self.assert_clean_exit_on(signal.SIGTERM)

    def test_sigint_exits_0_within_a_second(self):
        self.assert_clean_exit_on(signal.SIGINT)

    def test_sigterm_exits_within_a_second_even_with_a_hung_server(self):
        # A notification server that owns its name but no longer answers (frozen).
        app = self.add_application()
        self.start_mock_server()
        self.start_daemon()
        os.kill(self.mock_process.pid, signal.SIGSTOP)
        self.addCleanup(self.resume, self.mock_process)
        self.add_reminder(app, int(time.time()), "Due now")
        time.sleep(0.5)  # the daemon is now asking the server
        rc, took = self.stop_daemon(signal.SIGTERM, timeout=10)
        print("\nexit on SIGTERM with a hung server took %.3f s" % took, file=sys.stderr)
        self.assertEqual(rc, 0)
        self.assertLess(took, 1.0, "SIGTERM waited for the hung notification server")

    @staticmethod
    def resume(proc):
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGCONT)

    def test_sighup_reloads_config_and_a_bad_one_keeps_the_old(self):
        app = self.add_application()
        before = self.check_in_due(app)
        self.start_daemon()

        self.write_config("[rules]\napplication_follow_up_days = lots\n")
        self.daemon.send_signal(signal.SIGHUP)
        self.wait_for(lambda: "lots" in self.daemon_log(), 3, message="the reason in the log")
        time.sleep(0.3)
        self.assertIsNone(self.daemon.poll(), "a bad config on SIGHUP ended jobtrackd")
        log = self.daemon_log()
        self.assertIn("config.ini", log, "the log does not say which file is wrong")
        self.assertIn("application_follow_up_days", log, "the log does not say which key")
        self.assertEqual(self.check_in_due(app), before, "a bad config changed the reminders")

        self.write_config("[rules]\napplication_follow_up_days = 14\n")
        self.daemon.send_signal(signal.SIGHUP)
        after = self.wait_for(lambda: self.check_in_due(app) != before and self.check_in_due(app),
                              3, 0.1, "the new config to move the check-in reminder")
        self.assertGreaterEqual(after - before, 6 * 86400,
                                "14 days instead of 7 should put the check-in a week later")
        self.assertIsNone(self.daemon.poll(), "a good config on SIGHUP ended jobtrackd")
        rc, _ = self.stop_daemon()
        self.assertEqual(rc, 0)

    # ---- cost --------------------------------------------------------------------------

    def test_idle_wakeups_and_memory(self):
        app = self.add_application()
        self.add_reminder(app, whole_seconds_ahead(3600), "Call in an hour")
        self.start_mock_server(["actions", "body", "body-markup"])
        daemon = self.start_daemon()
        # Start-up is over once the calendar is written and the daemon sleeps.
        self.wait_for_log("the calendar is up to date")
        self.wait_until_asleep()
        before = voluntary_switches(daemon.pid)
        time.sleep(IDLE_SECONDS)
        after = voluntary_switches(daemon.pid)
        main, total = wakeups_between(before, after, daemon.pid)
        status = proc_status(daemon.pid)
        rss_kb = int(status["VmRSS"].split()[0])
        print("\nidle %d s: %d wakeups of the main thread, %d of all threads (%d then, %d now);"
              " VmRSS %d kB" % (IDLE_SECONDS, main, total, len(before), len(after), rss_kb),
              file=sys.stderr)
        self.assertLessEqual(main, MAX_IDLE_WAKEUPS,
                             "the main loop wakes while idle%s" % self.daemon_log_excerpt())
        self.assertLessEqual(total, MAX_IDLE_WAKEUPS, "its threads wake while idle")
        self.assertLessEqual(rss_kb, MAX_RSS_KB)
        self.assertEqual(self.notify_calls(), [], "something was shown with nothing due")

    # ---- noticing the command line -----------------------------------------------------

    def test_daemon_started_before_the_database_exists(self):
        # At the first login the unit starts jobtrackd before jobtrack was ever used.
        self.start_mock_server()
        self.start_daemon()
        app = self.add_application()
        due = whole_seconds_ahead(2)
        self.add_reminder(app, due, "The very first follow-up")
        [call] = self.wait_for_notify(1, timeout=due - time.time() + 3)
        self.assertEqual(call.summary, "The very first follow-up — Globex, SRE")
        self.assertLessEqual(call.timestamp - due, 2.0)

    def test_cli_write_noticed_within_a_second(self):
        app = self.add_application()
        self.start_mock_server()
        self.start_daemon()
        self.wait_until_asleep()

        # Due as it is written: what shows it is only the daemon noticing the write.
        due = int(time.time())
        self.add_reminder(app, due, "Due right away")
        written = time.time()
        [call] = self.wait_for_notify(1, timeout=5)
        print("\na write was noticed %.3f s after the CLI ended" % (call.timestamp - written),
              file=sys.stderr)
        self.assertEqual(call.summary, "Due right away — Globex, SRE")
        self.assertLessEqual(call.timestamp - written, 1.0, "the write went unnoticed too long")

        # Due a second after it is written: shown at that second, not a poll later.
        added = time.time()
        due = whole_seconds_ahead(1)
        self.add_reminder(app, due, "Due in a second")
        calls = self.wait_for_notify(2, timeout=5)
        call = calls[1]
        print("a reminder due %.3f s after it was added showed %.3f s after its time"
              % (due - added, call.timestamp - due), file=sys.stderr)
        self.assertEqual(call.summary, "Due in a second — Globex, SRE")
        self.assertGreaterEqual(call.timestamp, due - 0.05, "shown before its time")
        self.assertLessEqual(call.timestamp - due, 1.0, "shown late")


if __name__ == "__main__":
    daemonharness.main()
