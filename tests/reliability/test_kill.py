# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill -9 during writes (tests/RELIABILITY.md, "Kill -9").

CLI: `jobtrack add`, `remind add`, `done`, `outcome`, `import` and `export --ics -o` are
started in a random order and SIGKILLed at a random moment of their run (some finish
first). After every cycle: PRAGMA integrity_check is ok, no foreign key dangles, no
half-record exists (tests/reliability/relharness.py lists them), every command that
exited 0 so far still has all of its rows, and the exported calendar is absent or a
whole one. 500 cycles in the test suite; `test_kill.py --long` runs 5000 (or
JT_KILL_CYCLES).

Daemon: jobtrackd, delivering to a notification server and rewriting followups.ics, is
SIGKILLed at random moments and started again; after every kill the database is whole and
followups.ics is absent or a whole calendar that parses. At the end every follow-up that
came due was shown at least once; how many were shown twice is counted.
"""

import os
import random
import signal
import subprocess
import sys
import time
import unittest

import relharness
from relharness import figures, half_records, integrity_problems, invitation
import jtharness
import daemonharness

LONG = "--long" in sys.argv
if LONG:
    sys.argv.remove("--long")
CLI_CYCLES = int(os.environ.get("JT_KILL_CYCLES", 5000 if LONG else 500))
DAEMON_CYCLES = int(os.environ.get("JT_KILL_DAEMON_CYCLES", 300 if LONG else 40))

NOW = "2026-12-01T09:00:00"


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def whole_calendar(data):
    """None when `data` is one complete iCalendar file, else what is wrong."""
    jtharness.needs(modules=["icalendar"])
    from icalendar import Calendar
    if not data.endswith(b"END:VCALENDAR\r\n"):
        return "does not end with END:VCALENDAR (%d bytes)" % len(data)
    try:
        Calendar.from_ical(data)
    except Exception as e:  # noqa: BLE001 - any parse failure is the finding
        return "does not parse: %s" % e
    return None


class KillCliTest(jtharness.JobtrackTestCase):
    def setUp(self):
        super().setUp()
        self.rng = random.Random(int(os.environ.get("JT_KILL_SEED", "7")))
        self.env = self.environment(now=NOW, tz="UTC")
        self.completed = []  # (kind, expectation) of commands that exited 0
        self.ics = os.path.join(self.tmp, "export", "followups.ics")
        os.mkdir(os.path.dirname(self.ics))
        # Something to mark done and reject from the start.
        for n in range(3):
            self.ok("add", "--company", "Seed%d" % n, "--at", "2026-11-30 10:00",
                    "--with", "Pat%d <pat%d@seed.example>" % (n, n), now=NOW, tz="UTC")

    def query(self, sql, *args):
        db = relharness.connect(self.db)
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    # ---- the operations: (argv, check) where check() is true when all rows are there --

    def op_add(self, n):
        company = "K%d" % n
        argv = ["add", "--company", company, "--role", "SRE", "--at", "2026-11-30 10:00",
                "--with", "Ann%d <ann%d@k.example>, CTO" % (n, n), "--with", "Bo%d" % n,
                "--decision", "2026-12-10", "--notes", "n%d" % n]

        def check():
            rows = self.query(
                "SELECT (SELECT count(*) FROM interview_contacts ic WHERE ic.interview_id = i.id), "
                "(SELECT count(*) FROM reminders r WHERE r.interview_id = i.id) "
                "FROM interviews i JOIN applications a ON a.id = i.application_id "
                "WHERE a.company = ?", company)
            return len(rows) == 1 and rows[0][0] == 2 and rows[0][1] >= 2
        return argv, check

    def op_remind(self, n):
        apps = self.query("SELECT id FROM applications ORDER BY id")
        app = self.rng.choice(apps)[0]
        title = "R%d" % n
        argv = ["remind", "add", "--app", str(app), "--due", "2026-12-20 10:00", title]
        return argv, lambda: self.query(
            "SELECT count(*) FROM reminders WHERE title = ? AND application_id = ?",
            title, app)[0][0] == 1

    def op_done(self, n):
        pending = self.query("SELECT id FROM reminders WHERE state = 'pending' ORDER BY id")
        if not pending:
            return self.op_remind(n)
        rid = self.rng.choice(pending)[0]
        return ["done", str(rid)], lambda: self.query(
            "SELECT state FROM reminders WHERE id = ?", rid) == [("done",)]

    def op_outcome(self, n):
        open_apps = self.query("SELECT id FROM applications WHERE status NOT IN "
                               "('rejected', 'accepted', 'declined', 'withdrawn') ORDER BY id")
        if not open_apps:
            return self.op_add(n)
        app = self.rng.choice(open_apps)[0]
        return (["outcome", str(app), "rejected", "--on", "2026-11-30 12:00"],
                lambda: self.query("SELECT a.status, count(o.id) FROM applications a JOIN "
                                   "outcomes o ON o.application_id = a.id WHERE a.id = ?",
                                   app) == [("rejected", 1)])

    def op_import(self, n):
        uid = "inv%d@imp%d.example" % (n, n)
        path = os.path.join(self.tmp, "invite%d.ics" % n)
        with open(path, "w", newline="") as f:
            f.write(invitation(uid, "imp%d.example" % n, people=("Raj%d Patel" % n,
                                                                 "Lee%d Ann" % n)))
        return (["import", path],
                lambda: self.query(
                    "SELECT (SELECT count(*) FROM interview_contacts ic WHERE "
                    "ic.interview_id = i.id) FROM interviews i WHERE i.invite_uid = ?",
                    uid) == [(2,)])

    def op_export(self, n):
        return (["export", "--ics", "-o", self.ics],
                lambda: whole_calendar(read_bytes(self.ics)) is None)

    OPS = ("op_add", "op_remind", "op_done", "op_outcome", "op_import", "op_export")

    def run_one(self, argv, kill_after):
        proc = subprocess.Popen(self.command(argv), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=self.env)
        if kill_after is not None:
            time.sleep(kill_after)
            proc.kill()
        _, err = proc.communicate()
        return proc.returncode, err

    def test_kill_during_writes(self):
        # How long a write takes here, so that kills land all through it.
        started = time.monotonic()
        for n in range(5):
            argv, _ = self.op_add(100000 + n)
            self.assertEqual(self.run_one(argv, None)[0], 0)
        typical = (time.monotonic() - started) / 5

        killed = finished = 0
        by_kind = {}
        for n in range(CLI_CYCLES):
            kind = self.rng.choice(self.OPS)
            argv, check = getattr(self, kind)(n)
            rc, err = self.run_one(argv, self.rng.uniform(0, typical * 2))
            if rc == -signal.SIGKILL:
                killed += 1
            else:
                self.assertEqual(rc, 0, "%s failed: %s" % (argv, err.decode(errors="replace")))
                finished += 1
                self.completed.append((argv, check))
                self.assertTrue(check(), "%s exited 0 but its rows are not all there" % argv)
            by_kind[kind] = by_kind.get(kind, 0) + 1

            self.assertEqual(integrity_problems(self.db), [], "after %s" % argv)
            self.assertEqual(half_records(self.db), {}, "after %s" % argv)
            if os.path.exists(self.ics):
                problem = whole_calendar(read_bytes(self.ics))
                self.assertIsNone(problem, "followups.ics after %s" % argv)
            # Every command that exited 0 so far, re-checked now and then (not every
            # cycle: that grows with the run).
            if n % max(50, CLI_CYCLES // 10) == 0:
                lost = [argv for argv, check in self.completed if not check()]
                self.assertEqual(lost, [], "commands that exited 0 lost rows")

        lost = [argv for argv, check in self.completed if not check()]
        folder = os.path.dirname(self.ics)
        # A killed export leaves nothing behind (its temporary file has no name), except
        # when killed in the microseconds between naming and renaming it; the next write
        # removes such a file.
        leftovers = [name for name in os.listdir(folder) if name != "followups.ics"]
        self.assertEqual(self.run_one(self.op_export(-1)[0], None)[0], 0)
        after_next_write = [name for name in os.listdir(folder) if name != "followups.ics"]
        figures("kill-cli", cycles=CLI_CYCLES, killed=killed, finished=finished,
                lost_rows=len(lost), half_records=0, integrity_errors=0,
                temp_files_left=len(leftovers), after_next_write=len(after_next_write),
                typical_ms=int(typical * 1000),
                **{k[3:]: v for k, v in sorted(by_kind.items())})
        self.assertEqual(lost, [])
        self.assertEqual(after_next_write, [])


class KillDaemonTest(daemonharness.DaemonTestCase):
    def calendar_path(self):
        return os.path.join(self.data_home, "jobtrack", "followups.ics")

    def test_kill_while_delivering_and_writing_the_calendar(self):
        rng = random.Random(11)
        self.start_mock_server(capabilities=["actions", "body", "body-markup"])
        app = self.add_application()
        contact = self.add_contact(app)
        # A calendar worth rewriting: some hundred follow-ups ahead.
        for n in range(150):
            self.add_reminder(app, daemonharness.whole_seconds_ahead(86400 + n * 60),
                              "later %d" % n)
        due_ids = []
        kills = 0
        for cycle in range(DAEMON_CYCLES):
            # One follow-up due at once, and a change that rewrites the calendar.
            due_ids.append(self.add_reminder(app, int(time.time()) - 1, "now %d" % cycle,
                                             contact_id=contact))
            self.start_daemon(wait=False)
            time.sleep(rng.uniform(0, 0.4))
            if self.daemon.poll() is None:
                self.daemon.kill()
                kills += 1
            self.daemon.wait()
            self.daemon = None
            self.assertEqual(integrity_problems(self.db), [], "after kill %d" % cycle)
            if os.path.exists(self.calendar_path()):
                with open(self.calendar_path(), "rb") as f:
                    problem = whole_calendar(f.read())
                self.assertIsNone(problem, "followups.ics after kill %d" % cycle)

        # Then let it run: everything due is shown, nothing is lost.
        self.start_daemon()
        shown = {}

        def all_shown():
            shown.clear()
            for call in self.notify_calls():
                rid = call.hints.get(daemonharness.REMINDER_ID_HINT)
                shown[rid] = shown.get(rid, 0) + 1
            return all(rid in shown for rid in due_ids)
        self.wait_for(all_shown, 30, 0.2, "every due follow-up to be shown")
        self.wait_for(lambda: not self.agenda_undelivered(due_ids), 10, 0.2,
                      "every shown follow-up to be marked notified")
        calendar_dir = os.path.dirname(self.calendar_path())
        leftovers = [n for n in os.listdir(calendar_dir) if n.startswith(".followups")]
        duplicates = sum(1 for rid in due_ids if shown.get(rid, 0) > 1)
        figures("kill-daemon", cycles=DAEMON_CYCLES, kills=kills, due=len(due_ids),
                lost=0, shown_twice=duplicates, temp_files_left=len(leftovers))
        self.assertEqual(leftovers, [])

    def agenda_undelivered(self, ids):
        db = relharness.connect(self.db)
        try:
            marks = dict(db.execute("SELECT id, notified_at IS NOT NULL FROM reminders"))
        finally:
            db.close()
        return [rid for rid in ids if not marks.get(rid)]


if __name__ == "__main__":
    daemonharness.main()
