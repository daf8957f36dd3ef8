# SPDX-License-Identifier: GPL-3.0-or-later
"""Concurrency (tests/RELIABILITY.md, "Concurrency").

8 writers run 100 `jobtrack` writes each at the same time (follow-ups of their own, a
tenth of them due at once, and touches), while jobtrackd runs, delivers what comes due
to a notification server and reschedules after every change. At the end: all 800 writes
are in the database, no command failed ("database is locked" or otherwise), every
follow-up that came due was shown exactly once, and the daemon's next wake-up is the
database's next fire time.
"""

import os
import re
import subprocess
import threading
import time
import unittest

import relharness
from relharness import figures, integrity_problems
import daemonharness

WRITERS = int(os.environ.get("JT_WRITERS", 8))
WRITES = int(os.environ.get("JT_WRITES", 100))


class ConcurrencyTest(daemonharness.DaemonTestCase):
    def test_writers_with_the_daemon_running(self):
        self.start_mock_server(capabilities=["actions", "body"])
        apps = [self.add_application(company="W%d" % w) for w in range(WRITERS)]
        self.start_daemon()
        base = int(time.time())
        failures = []
        locked = []
        durations = []
        lock = threading.Lock()

        def writer(w):
            for i in range(WRITES):
                if i % 10 == 5:
                    args = ["touch", "add", "--app", str(apps[w]), "--kind", "call",
                            "--about", "W%d-%d" % (w, i)]
                else:
                    # A tenth of the follow-ups are due at once: the daemon delivers and
                    # marks them while the others write.
                    due = base - 1 if i % 10 == 0 else base + 3600 + w * 1000 + i
                    args = ["remind", "add", "--app", str(apps[w]), "--due",
                            daemonharness.due_text(due), "W%d-%d" % (w, i)]
                started = time.monotonic()
                rc, out, err = self.jt(*args, timeout=60)
                took = time.monotonic() - started
                with lock:
                    durations.append(took)
                    if rc != 0:
                        failures.append((args, rc, err))
                    if "locked" in err:
                        locked.append(err)

        started = time.monotonic()
        threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - started

        self.assertEqual(failures, [])
        self.assertEqual(locked, [])
        db = relharness.connect(self.db)
        try:
            reminders = db.execute("SELECT count(*) FROM reminders WHERE title GLOB 'W*-*'"
                                   ).fetchone()[0]
            touches = db.execute("SELECT count(*) FROM touches WHERE about GLOB 'W*-*'"
                                 ).fetchone()[0]
            due_ids = [row[0] for row in db.execute(
                "SELECT id FROM reminders WHERE title GLOB 'W*-*' AND due_at < ?", (base,))]
        finally:
            db.close()
        self.assertEqual(reminders + touches, WRITERS * WRITES)
        self.assertEqual(integrity_problems(self.db), [])

        # Every follow-up that came due is shown once, and marked.
        counts = {}

        def all_shown():
            counts.clear()
            for call in self.notify_calls():
                rid = call.hints.get(daemonharness.REMINDER_ID_HINT)
                counts[rid] = counts.get(rid, 0) + 1
            return all(rid in counts for rid in due_ids)
        self.wait_for(all_shown, 60, 0.5, "every due follow-up to be shown")

        def settled():
            db = relharness.connect(self.db)
            try:
                unmarked = db.execute(
                    "SELECT count(*) FROM reminders WHERE title GLOB 'W*-*' AND due_at < ? "
                    "AND notified_at IS NULL", (base,)).fetchone()[0]
                next_fire = db.execute(
                    "SELECT min(fire_at) FROM reminders WHERE state IN ('pending', 'snoozed') "
                    "AND fire_at > ?", (int(time.time()),)).fetchone()[0]
            finally:
                db.close()
            wakes = re.findall(r"next wake-up (\d+)", self.daemon_log())
            return unmarked == 0 and wakes and int(wakes[-1]) == next_fire and next_fire
        next_fire = self.wait_for(settled, 30, 0.5,
                                  "the daemon's next wake-up to match the database")
        duplicates = sum(1 for rid in due_ids if counts.get(rid, 0) > 1)
        durations.sort()
        figures("concurrency", writers=WRITERS, writes_each=WRITES,
                present=reminders + touches, failed=len(failures), locked=len(locked),
                due_shown=len(due_ids), shown_twice=duplicates,
                wall_s="%.1f" % wall,
                p50_ms=int(durations[len(durations) // 2] * 1000),
                max_ms=int(durations[-1] * 1000), next_wake_matches=1)
        self.assertEqual(duplicates, 0)
        self.assertIsNone(self.daemon.poll(), "jobtrackd ended%s" % self.daemon_log_excerpt())


if __name__ == "__main__":
    daemonharness.main()
