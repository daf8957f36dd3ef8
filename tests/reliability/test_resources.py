# SPDX-License-Identifier: GPL-3.0-or-later
"""Resource faults (tests/RELIABILITY.md, "Resource faults").

Each fault ends in one clear error line (or, for the daemon, one log line while it keeps
working) and nothing corrupted: the database passes integrity_check and holds what it
held, an output file is the old one or the new one, and no temporary file is left.

Some read-only cases (database file, data folder) are in tests/cli/test_robustness.py;
this adds the file-size limit, missing and misplaced XDG folders, a database replaced by
a symlink or a directory, and a full disk under the live calendar (a small tmpfs, mounted
when the suite runs as root, as CI does; skipped with a reason otherwise).
"""

import json
import os
import resource
import shutil
import subprocess
import time
import unittest

import relharness
from relharness import figures, integrity_problems
import jtharness
import daemonharness

NOW = "2026-12-01T09:00:00"


def limit_file_size(limit):
    def set_limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return set_limit


class CliResourceTest(jtharness.JobtrackTestCase):
    def run_limited(self, limit, *args):
        proc = subprocess.run(self.command(args), stdin=subprocess.DEVNULL,
                              capture_output=True, env=self.environment(NOW, "UTC"),
                              preexec_fn=limit_file_size(limit), timeout=60)
        return proc.returncode, jtharness.decode(proc.stdout), jtharness.decode(proc.stderr)

    def count(self, table):
        db = relharness.connect(self.db)
        try:
            return db.execute("SELECT count(*) FROM %s" % table).fetchone()[0]
        finally:
            db.close()

    def test_file_size_limit_in_the_middle_of_a_write(self):
        self.ok("app", "add", "--company", "Before", now=NOW, tz="UTC")
        before = self.db_snapshot()
        # Room for the WAL index (32 KB), not for a 100 KB note: SQLite fails writing the
        # WAL, in the middle of the transaction.
        rc, out, err = self.run_limited(64 * 1024, "add", "--company", "Big",
                                        "--with", "Ann", "--notes", "x" * 100000)
        self.assertEqual(rc, 1, "not one clean failure: %d %r" % (rc, err))
        self.assert_error_line(err, contains="file size limit")
        self.assertEqual(integrity_problems(self.db), [])
        self.assertEqual(self.db_snapshot(), before)
        # Without the limit the same write works.
        self.ok("add", "--company", "Big", "--with", "Ann", "--notes", "x" * 100000,
                now=NOW, tz="UTC")
        self.assertEqual(self.count("applications"), 2)

    def test_file_size_limit_on_an_export(self):
        for n in range(40):
            self.ok("add", "--company", "C%d" % n, "--with", "P%d <p%d@c.example>" % (n, n),
                    "--role", "r" * 300, now=NOW, tz="UTC")
        folder = os.path.join(self.tmp, "out")
        os.mkdir(folder)
        target = os.path.join(folder, "followups.ics")
        with open(target, "w") as f:
            f.write("old calendar\n")
        whole = self.ok("export", "--ics")
        limit = 40 * 1024  # room for the WAL index (32 KB), not for the calendar
        self.assertGreater(len(whole.encode()), limit)
        rc, out, err = self.run_limited(limit, "export", "--ics", "-o", target)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, contains="cannot write " + target)
        with open(target) as f:
            self.assertEqual(f.read(), "old calendar\n")
        self.assertEqual(os.listdir(folder), ["followups.ics"])

    def test_missing_xdg_folders_are_created_private(self):
        data = os.path.join(self.tmp, "not", "yet", "data")
        config = os.path.join(self.tmp, "no", "config")
        self.ok("app", "add", "--company", "Globex", db=False, now=NOW, tz="UTC",
                env={"XDG_DATA_HOME": data, "XDG_CONFIG_HOME": config})
        db = os.path.join(data, "jobtrack", "jobtrack.db")
        self.assertEqual(os.stat(os.path.dirname(db)).st_mode & 0o777, 0o700)
        self.assertEqual(os.stat(db).st_mode & 0o777, 0o600)
        self.assertFalse(os.path.exists(config), "reading defaults made a config folder")

    def test_an_xdg_folder_that_is_a_file(self):
        path = os.path.join(self.tmp, "plain-file")
        with open(path, "w") as f:
            f.write("not a folder\n")
        rc, out, err = self.jt("app", "list", db=False, env={"XDG_DATA_HOME": path})
        self.assertNotEqual(rc, 0)
        self.assert_error_line(err, contains=path)
        with open(path) as f:
            self.assertEqual(f.read(), "not a folder\n")

    def test_a_database_replaced_by_a_symlink(self):
        self.ok("app", "add", "--company", "Globex", now=NOW, tz="UTC")
        real = os.path.join(self.tmp, "elsewhere.db")
        os.rename(self.db, real)
        os.symlink(real, self.db)
        before = jtharness.sha256_of(real)
        for args in (("app", "list"), ("app", "add", "--company", "Initech")):
            rc, out, err = self.jt(*args)
            self.assertEqual(rc, 1, err)
            self.assert_error_line(err, contains="not a regular file")
        self.assertEqual(jtharness.sha256_of(real), before)
        self.assertTrue(os.path.islink(self.db))

    def test_a_database_on_a_read_only_file_system(self):
        """Mounted read-only (EROFS, which binds root too): it is read, and a write says
        read-only; before, even reading failed with 'unable to open database file'."""
        if os.geteuid() != 0:
            self.skipTest("a read-only bind mount needs root (CI runs as root)")
        folder = os.path.join(self.tmp, "ro")
        os.mkdir(folder)
        db = os.path.join(folder, "jobtrack.db")
        self.ok("add", "--company", "Globex", "--with", "Raj", db=db, now=NOW, tz="UTC")
        before = jtharness.sha256_of(db)
        for argv in (["mount", "--bind", folder, folder],
                     ["mount", "-o", "remount,ro,bind", folder]):
            proc = subprocess.run(argv, capture_output=True)
            if proc.returncode != 0:
                subprocess.run(["umount", folder], capture_output=True)
                self.skipTest("cannot mount read-only here: %s" % proc.stderr.decode().strip())
        self.addCleanup(subprocess.run, ["umount", "-l", folder])
        apps = json.loads(self.ok("app", "list", "--json", db=db))
        self.assertEqual([a["company"] for a in apps], ["Globex"])
        rc, out, err = self.jt("app", "add", "--company", "Initech", db=db)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, contains="read-only")
        # A database that does not exist reads as empty; making one is what fails.
        self.assertEqual(json.loads(self.ok("app", "list", "--json",
                                            db=os.path.join(folder, "new.db"))), [])
        rc, out, err = self.jt("app", "add", "--company", "Initech",
                               db=os.path.join(folder, "new.db"))
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, contains="Read-only file system")
        self.assertEqual(jtharness.sha256_of(db), before)

    def test_a_database_replaced_by_a_directory(self):
        self.ok("app", "add", "--company", "Globex", now=NOW, tz="UTC")
        os.unlink(self.db)
        os.mkdir(self.db)
        rc, out, err = self.jt("app", "add", "--company", "Initech")
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, contains="not a regular file")
        self.assertEqual(os.listdir(self.db), [])


class DaemonResourceTest(daemonharness.DaemonTestCase):
    def calendar_folder(self):
        return os.path.join(self.data_home, "jobtrack")

    def mount_small_tmpfs(self, folder, size):
        if os.geteuid() != 0 or not shutil.which("mount"):
            self.skipTest("mounting a small file system needs root (CI runs as root)")
        os.makedirs(folder, exist_ok=True)
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d,mode=0700" % size,
                               "jt-test", folder], capture_output=True)
        if proc.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: %s" % proc.stderr.decode().strip())
        self.addCleanup(subprocess.run, ["umount", "-l", folder])

    def test_full_disk_under_the_live_calendar(self):
        folder = self.calendar_folder()
        self.mount_small_tmpfs(folder, 512 * 1024)
        calendar = os.path.join(folder, "followups.ics")
        self.start_mock_server(capabilities=["actions", "body"])
        app = self.add_application()
        contact = self.add_contact(app)
        for n in range(20):
            self.add_reminder(app, daemonharness.whole_seconds_ahead(86400 + n), "early %d" % n)
        self.start_daemon()
        self.wait_for(lambda: os.path.exists(calendar), 10, 0.1, "the first calendar")
        time.sleep(0.5)
        with open(calendar, "rb") as f:
            old = f.read()
        self.assertEqual(os.stat(calendar).st_mode & 0o777, 0o600)

        # Fill the disk but for a little, then make the calendar grow past it.
        stat = os.statvfs(folder)
        filler = os.path.join(folder, "filler")
        with open(filler, "wb") as f:
            f.write(b"\0" * (stat.f_bavail * stat.f_frsize - 4096))
        for n in range(60):
            self.add_reminder(app, daemonharness.whole_seconds_ahead(90000 + n),
                              "grows the calendar %d %s" % (n, "x" * 200))
        self.wait_for(lambda: "cannot update the calendar" in self.daemon_log(), 15, 0.1,
                      "jobtrackd to report the full disk")
        with open(calendar, "rb") as f:
            self.assertEqual(f.read(), old, "the old calendar was damaged")
        self.assertEqual(sorted(os.listdir(folder)), ["filler", "followups.ics"])
        self.assertEqual(self.daemon_log().count("cannot update the calendar"), 1)

        # It still delivers.
        rid = self.add_reminder(app, int(time.time()) - 1, "due while full", contact_id=contact)
        self.wait_for(lambda: any(c.hints.get(daemonharness.REMINDER_ID_HINT) == rid
                                  for c in self.notify_calls()), 10, 0.1, "the delivery")
        self.assertEqual(self.daemon_log().count("cannot update the calendar"), 1,
                         "the failure is logged once, not at every change")

        # Room again: the next change writes the whole new calendar.
        os.unlink(filler)
        self.add_reminder(app, daemonharness.whole_seconds_ahead(95000), "after")
        self.wait_for(lambda: "is up to date again" in self.daemon_log(), 15, 0.1,
                      "the calendar to be written again")

        def written_with_after():
            with open(calendar, "rb") as f:
                data = f.read()
            return b"SUMMARY:after\r\n" in data and data
        # (A write for an earlier change may be the one that found room first.)
        new = self.wait_for(written_with_after, 15, 0.1, "the new follow-up in the calendar")
        self.assertTrue(new.endswith(b"END:VCALENDAR\r\n"))
        self.assertIsNone(self.daemon.poll())
        figures("resources-full-calendar", old_kept=1, errors_logged=1, temp_files_left=0)

    def test_file_size_limit_on_the_daemon(self):
        """ulimit -f below the calendar's size: the daemon reports it and keeps running
        (before, SIGXFSZ ended it)."""
        self.start_mock_server(capabilities=["actions", "body"])
        app = self.add_application()
        for n in range(30):
            self.add_reminder(app, daemonharness.whole_seconds_ahead(86400 + n),
                              "long %d %s" % (n, "y" * 300))
        size = max(os.path.getsize(self.db), 64 * 1024)
        env = self.environment()
        self.daemon = self.start_process(
            ["/bin/sh", "-c", "ulimit -f %d; exec \"$0\" \"$@\"" % ((size + 32768) // 1024 + 8),
             daemonharness.JOBTRACKD, "--db", self.db, "--verbose"], "jobtrackd", env=env)
        self.daemon_log_path = self.daemon.log_path
        self.wait_for(lambda: "watching" in self.daemon_log() or self.daemon.poll() is not None,
                      10, 0.05, "jobtrackd to start")
        calendar = os.path.join(self.data_home, "jobtrack", "followups.ics")
        # Grow the calendar past the limit (the database has room: it is not written
        # past its size by one more small row).
        for n in range(200):
            self.add_reminder(app, daemonharness.whole_seconds_ahead(90000 + n),
                              "z" * 400)
            if "cannot update the calendar" in self.daemon_log() or self.daemon.poll() is not None:
                break
        self.wait_for(lambda: "cannot update the calendar" in self.daemon_log()
                      or self.daemon.poll() is not None, 10, 0.1, "the limit")
        self.assertIsNone(self.daemon.poll(), "jobtrackd died at the limit%s"
                          % self.daemon_log_excerpt())
        self.assertIn("File too large", self.daemon_log())
        if os.path.exists(calendar):
            with open(calendar, "rb") as f:
                self.assertTrue(f.read().endswith(b"END:VCALENDAR\r\n"))
        self.assertEqual(integrity_problems(self.db), [])


if __name__ == "__main__":
    daemonharness.main()
