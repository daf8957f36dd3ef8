#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd syncing by itself with a real Radicale: at start, within seconds of a change
made with `jobtrack`, and every [caldav] interval for what the phone (vdirsyncer) did;
never for its own writing, and not at all without [caldav]."""
import base64
import os
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syncharness import PASSWORD, USER, SyncTestCase, require  # noqa: E402

require(programs=["htpasswd", "vdirsyncer", "/usr/bin/python3"])

from test_sync_faults import FaultProxy, is_report  # noqa: E402

import unittest  # noqa: E402

LIST_PATH = "/me/jobtrack-follow-ups/"
JOBTRACKD = os.environ.get("JOBTRACKD")


class DaemonSyncTest(SyncTestCase):

    def setUp(self):
        super().setUp()
        self.daemon = None
        self.addCleanup(self.stop_daemon)

    def start_daemon(self):
        self.daemon_log = os.path.join(self.tmp, "jobtrackd.log")
        log = open(self.daemon_log, "w")
        self.addCleanup(log.close)
        # No session bus: the follow-ups wait to be shown, and syncing goes on.
        env = self.environment(now=None, env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"})
        self.daemon = subprocess.Popen([JOBTRACKD, "--db", self.db, "--verbose"], env=env,
                                       stdout=log, stderr=subprocess.STDOUT)

    def stop_daemon(self):
        if self.daemon is None:
            return None
        self.daemon.send_signal(signal.SIGTERM)
        try:
            rc = self.daemon.wait(10)
        except subprocess.TimeoutExpired:
            self.daemon.kill()
            self.daemon.wait()
            rc = None
        self.daemon = None
        return rc

    def log(self):
        with open(self.daemon_log, errors="replace") as f:
            return f.read()

    def wait_for(self, condition, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            self.assertIsNone(self.daemon.poll(), "jobtrackd exited:\n" + self.log())
            time.sleep(0.1)
        self.fail("waited %d s for %s; jobtrackd said:\n%s" % (timeout, what, self.log()))

    def server_tasks(self):
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        tasks = {}
        if not os.path.isdir(folder):
            return tasks
        for name in sorted(os.listdir(folder)):
            if name.endswith(".ics"):
                with open(os.path.join(folder, name)) as f:
                    text = f.read()
                summary = [line for line in text.splitlines() if line.startswith("SUMMARY:")]
                tasks[summary[0][len("SUMMARY:"):] if summary else name] = text
        return tasks

    def agenda(self):
        return {r["title"]: r for r in self.json_of("agenda", "--json")}

    def test_it_syncs_at_start_after_a_change_and_for_the_phone(self):
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for due, text in [("2026-12-02 10:00", "Call Raj"), ("2026-12-03 10:00", "Send portfolio")]:
            self.ok("remind", "add", "--app", "1", "--due", due, text)
        self.ok("sync", "setup")
        self.write_sync_config(extra="interval = 1m\n")
        self.start_daemon()

        # At start: every follow-up on the server (those added, and the rules' own).
        count = len(self.agenda())
        self.assertGreaterEqual(count, 2)
        self.wait_for(lambda: len(self.server_tasks()) == count, 20, "the first sync")
        self.assertIn("sync: starting; syncing now", self.log())

        # A change made with jobtrack reaches the server within seconds, with two requests:
        # the phone's changes asked for, and the one task put.
        time.sleep(1)
        before = len(self.server_requests())
        rid = self.agenda()["Send portfolio"]["id"]
        self.ok("snooze", str(rid), "2026-12-09 15:00")
        changed_at = time.monotonic()
        self.wait_for(lambda: "DUE:20261209T140000Z" in self.server_tasks()["Send portfolio"],
                      10, "the snooze on the server")
        took = time.monotonic() - changed_at
        self.assertLess(took, 6, "a change waited %.1f s to be pushed" % took)
        requests = self.server_requests()[before:]
        self.assertEqual(sorted(m for m, _ in requests), ["PUT", "REPORT"], requests)
        # Its own writing is no change: nothing more is sent while nothing changes.
        time.sleep(5)
        self.assertEqual(len(self.server_requests()), before + 2, self.server_requests()[before:])

        # The phone completes one; the interval brings it back done.
        self.phone_setup(self.url.rstrip("/") + LIST_PATH)
        self.phone("sync")
        tasks = self.phone_tasks()
        self.phone_edit(tasks["Call Raj"], "STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
        self.phone("sync")
        self.wait_for(lambda: "Call Raj" not in self.agenda(), 90, "the phone's done to come back")
        # The sync logs its counts once it has finished, a moment after the done is written.
        self.wait_for(lambda: "from the server 1 done, 0 dismissed" in self.log(), 10,
                      "the sync to say what came back")
        self.assertEqual(self.stop_daemon(), 0)
        # --verbose logged every sync, and never the password, plain or as sent.
        sent = base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
        for secret in (PASSWORD, sent):
            self.assertNotIn(secret, self.log())

    def test_killed_mid_sync_the_next_start_leaves_every_follow_up_once(self):
        # jobtrackd's first upload, killed with SIGKILL part way (no chance to clean up),
        # then started again: its sync at start repairs, every open follow-up on the
        # server once, and the database whole.
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for day in range(1, 121):
            due = "2027-%02d-%02d 10:00" % (1 + (day - 1) // 28, 1 + (day - 1) % 28)
            self.ok("remind", "add", "--app", "1", "--due", due, "Follow-up %d" % day)
        self.ok("sync", "setup")
        self.write_sync_config()
        open_count = len(self.json_of("agenda", "--all", "--json"))
        self.start_daemon()
        self.wait_for(lambda: len(self.server_tasks()) >= 20, 30, "the upload to be under way")
        self.daemon.kill()
        self.daemon.wait()
        self.daemon = None
        put = len(self.server_tasks())
        self.assertLess(put, open_count, "killed after the last PUT")

        self.start_daemon()
        self.wait_for(lambda: len(self.server_tasks()) == open_count, 60, "the repair at start")
        # The sync logs its counts once it has finished.
        self.wait_for(lambda: " created, " in self.log(), 20, "the sync at start to finish")
        self.assertEqual(self.stop_daemon(), 0)
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        uids = []
        for name in os.listdir(folder):
            if name.endswith(".ics"):
                with open(os.path.join(folder, name)) as f:
                    uids += [line for line in f.read().splitlines() if line.startswith("UID:")]
        self.assertEqual(len(uids), open_count)
        self.assertEqual(len(set(uids)), open_count)
        con = sqlite3.connect(self.db)
        try:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        finally:
            con.close()
        self.assertIn("0 created, 0 updated", self.ok("sync"))

    def test_a_change_made_during_a_sync_is_pushed_right_after_it(self):
        # `jobtrack done` commits while jobtrackd's sync waits for the server (the proxy
        # runs it before answering): it is no write of the sync's, and goes within
        # seconds of the sync's end, whether that sync worked or failed, not at the next
        # interval (an hour here) or retry (30 s).
        proxy = FaultProxy(self.port)
        self.addCleanup(proxy.stop)
        self.url = "http://127.0.0.1:%d/" % proxy.port
        self.write_sync_config(extra="interval = 1h\n")
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for due, text in [("2026-12-02 10:00", "Call Raj"), ("2026-12-03 10:00", "Send portfolio"),
                          ("2026-12-04 10:00", "Ask about the team")]:
            self.ok("remind", "add", "--app", "1", "--due", due, text)
        self.ok("sync", "setup")
        self.ok("sync")
        ids = {title: r["id"] for title, r in self.agenda().items()}
        done_at = {}

        def done_meanwhile(title):
            def run():
                self.ok("done", str(ids[title]))
                done_at[title] = time.monotonic()
            return run

        def pushed(title):
            return "STATUS:COMPLETED" in self.server_tasks()[title]

        # A sync that works: the sync at start.
        proxy.arm("request", is_report("sync-collection"), times=1, rewrite=lambda body: body,
                  before=done_meanwhile("Call Raj"))
        self.start_daemon()
        self.wait_for(lambda: "Call Raj" in done_at, 20, "the done during the sync at start")
        self.wait_for(lambda: pushed("Call Raj"), 10, "the done on the server")
        took = time.monotonic() - done_at["Call Raj"]
        self.assertLess(took, 6, "the done waited %.1f s to be pushed" % took)

        # A sync that fails, started 2 s after another change.
        time.sleep(1)
        proxy.arm("status", is_report("sync-collection"), times=1, status=503,
                  before=done_meanwhile("Send portfolio"))
        self.ok("snooze", str(ids["Ask about the team"]), "2026-12-09 15:00")
        self.wait_for(lambda: "Send portfolio" in done_at, 10, "the done during the failing sync")
        self.wait_for(lambda: "failed to answer sync-collection (503)" in self.log(), 10,
                      "the sync to fail")
        self.wait_for(lambda: pushed("Send portfolio"), 10, "the done on the server")
        took = time.monotonic() - done_at["Send portfolio"]
        self.assertLess(took, 6, "the done waited %.1f s to be pushed" % took)
        self.assertIn("DUE:20261209T140000Z", self.server_tasks()["Ask about the team"])
        self.assertEqual(self.stop_daemon(), 0)
        for e in proxy.errors:
            raise e

    def test_without_caldav_it_never_syncs(self):
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-02 10:00", "Call Raj")
        self.ok("sync", "setup")
        os.remove(os.path.join(self.config_home, "jobtrack", "config.ini"))
        before = len(self.server_requests())
        self.start_daemon()
        self.wait_for(lambda: "watching" in self.log(), 10, "jobtrackd to start")
        self.ok("snooze", "1", "2026-12-09 15:00")
        time.sleep(4)
        self.assertNotIn("sync:", self.log())
        self.assertEqual(len(self.server_requests()), before)
        self.assertEqual(self.stop_daemon(), 0)


if __name__ == "__main__":
    unittest.main()
