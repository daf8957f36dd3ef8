#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile text, hostile databases, and the command line itself: what a person notices
when something around jobtrack is odd."""

import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase, NOBODY  # noqa: E402

HOSTILE = {
    "markup": "<b>markup</b> & \"quotes\" 'single'",
    "sql": "'; DROP TABLE applications; --",
    "crlf": "line one\r\nline two\nline three\r",
    "non-ascii": "Zürich 東京 🎉 naïve — ½",
    "percent": "100% %s %d %n {0} ${HOME} `id` $(id)",
    "backslash": "C:\\new\\table \\\" \\n",
}
# About 100 KB (bytes) of text with multi-byte characters in it; one argv string may
# hold up to 128 KiB on Linux.


def on_terminal(value):
    """A multi-line field as `show` prints it: a CR, LF or CRLF is one line end (a lone CR
    would move the cursor back over the text)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


BIG = ("Ünïcödé ✓ 東京 " * 6000)[:60000]
assert 95_000 < len(BIG.encode("utf-8")) < 128 * 1024, len(BIG.encode("utf-8"))

COMMANDS = [
    [], ["add"], ["show"], ["app"], ["app", "add"], ["app", "list"], ["app", "show"],
    ["app", "edit"], ["app", "rm"], ["interview"], ["interview", "list"],
    ["interview", "show"], ["interview", "edit"], ["interview", "rm"], ["contact"],
    ["contact", "add"], ["contact", "list"], ["contact", "show"], ["contact", "edit"],
    ["contact", "rm"], ["offer"], ["offer", "add"], ["offer", "list"], ["offer", "edit"],
    ["touch"], ["touch", "add"], ["touch", "list"], ["outcome"],
]


class HostileTextTest(JobtrackTestCase):

    def test_text_is_stored_and_printed_back_exactly(self):
        for n, (label, value) in enumerate(sorted(HOSTILE.items()), start=1):
            with self.subTest(label):
                self.ok("app", "add", "--company", value, "--role", value, "--source", value,
                        "--notes", value)
                story = self.show(n)
                for key in ["company", "role", "source", "notes"]:
                    self.assertEqual(story[key], value, key)
                listed = [a for a in self.apps() if a["id"] == n][0]
                self.assertEqual((listed["company"], listed["role"]), (value, value))
                text = self.ok("show", str(n))
                self.assertIn(on_terminal(value), text)
        # The tables are all still there.
        self.assertEqual(len(self.apps()), len(HOSTILE))

    def test_interview_and_contact_text_round_trips(self):
        for n, (label, value) in enumerate(sorted(HOSTILE.items()), start=1):
            with self.subTest(label):
                self.ok("add", "--company", "Acme", "--role", "R%d" % n, "--at", "2026-12-01 08:00",
                        "--where", value, "--said", value, "--edge", value,
                        "--problems", value, "--objections", value, "--next-step", value,
                        "--notes", value, "--quiet")
                story = self.show(n)
                interview = story["interviews"][0]
                for key in ["where", "said", "edge", "problems", "objections", "next_step",
                            "notes"]:
                    self.assertEqual(interview[key], value, key)
                text = self.ok("show", str(n))
                self.assertIn(on_terminal(value), text)
                # contact add takes the text as it is.
                self.ok("contact", "add", "--name", value, "--company", value,
                        "--title", value, "--notes", value)
                contact = self.json_of("contact", "list", "--json")[-1]
                for key in ["name", "company", "title", "notes"]:
                    self.assertEqual(contact[key], value, key)

    def test_a_100_kb_text(self):
        self.ok("app", "add", "--company", "Acme", "--notes", BIG)
        self.assertEqual(self.show(1)["notes"], BIG)
        self.assertIn(BIG, self.ok("show", "1"))
        self.ok("add", "--company", "Acme", "--role", "", "--at", "2026-12-01 08:00",
                "--notes", BIG)
        self.assertEqual(self.show(1)["interviews"][0]["notes"], BIG)

    def test_a_refused_value_is_quoted_not_obeyed(self):
        # What was typed comes back in the error written out: an escape sequence, a
        # bidi override or a line break in it can neither drive the terminal nor split
        # the one line.
        hostile = "x\u202e\x1b[2Jy\nz"
        for args in [["agenda", "--days", hostile],
                     ["remind", "add", "--app", "1", "--due", hostile, "call"]]:
            with self.subTest(args=args[0]):
                _, err = self.assert_refused(2, *args)
                self.assertNotIn("\x1b", err)
                self.assertNotIn("\u202e", err)
                self.assertIn("\\x1b[2Jy", err)

    def test_invalid_utf8_arguments_are_refused(self):
        self.ok("app", "add", "--company", "Acme")
        bad = b"Caf\xe9 \xff\xfe"
        for args in [["app", "add", "--company", bad],
                     ["app", "edit", "1", "--notes", bad],
                     ["add", "--company", "Acme", "--notes", bad],
                     ["add", "--company", bad]]:
            with self.subTest(args=args[:-1]):
                _, err = self.assert_refused(2, *args)
                err.encode("utf-8")  # the message itself is text


class DatabaseFileTest(JobtrackTestCase):

    def make_db(self, path=None):
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer",
                db=path or True)

    def assert_file_untouched(self, before, path=None):
        self.assertEqual(self.files_digest(path), before)

    def test_a_database_from_a_newer_jobtrack_is_refused_and_left_alone(self):
        self.make_db()
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        before = self.files_digest()
        self.assertIsNone(before["wal"])
        for args in [["app", "list"], ["app", "add", "--company", "Globex"],
                     ["add", "--company", "Globex"], ["show", "1", "--json"]]:
            with self.subTest(args=args):
                rc, out, err = self.jt(*args)
                self.assertEqual(rc, 1, err)
                self.assert_error_line(err, "newer")
                self.assertEqual(out, "")
                self.assert_file_untouched(before)
        snapshot = self.db_snapshot()
        self.assertTrue(snapshot.startswith("user_version=99\n"))
        self.assertIn("'Acme'", snapshot)

    def test_a_file_that_is_not_a_database_is_refused_and_left_alone(self):
        path = os.path.join(self.tmp, "notes.txt")
        with open(path, "wb") as f:
            f.write(b"Dear diary,\nthis is not a database.\n" * 200)
        before = self.files_digest(path)
        for args in [["app", "list"], ["app", "add", "--company", "Acme"]]:
            with self.subTest(args=args):
                rc, out, err = self.jt(*args, db=path)
                self.assertEqual(rc, 1, err)
                self.assert_error_line(err, "not a jobtrack database")
                self.assert_file_untouched(before, path)

    def test_another_programs_sqlite_database_is_refused_and_left_alone(self):
        path = os.path.join(self.tmp, "other.sqlite")
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE bookmarks (url TEXT)")
        con.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
        con.commit()
        con.close()
        before = self.files_digest(path)
        dump = self.db_snapshot(path)
        rc, out, err = self.jt("app", "add", "--company", "Acme", db=path)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err)
        self.assert_file_untouched(before, path)
        self.assertEqual(self.db_snapshot(path), dump)

    def test_a_folder_given_as_the_database_is_refused(self):
        path = os.path.join(self.tmp, "folder")
        os.mkdir(path)
        rc, out, err = self.jt("app", "list", db=path)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err)
        self.assertEqual(os.listdir(path), [])

    def give_tmp_to_nobody(self):
        """When running as root, file modes do not bind root: the CLI runs as nobody."""
        if os.geteuid() != 0:
            return
        for root, dirs, files in os.walk(self.tmp):
            for name in dirs + files:
                os.chown(os.path.join(root, name), NOBODY, NOBODY)
        os.chown(self.tmp, NOBODY, NOBODY)

    def test_a_read_only_database_file_refuses_writes_but_is_read(self):
        self.make_db()
        self.give_tmp_to_nobody()
        os.chmod(self.db, 0o444)
        before = self.db_snapshot()
        digest = self.files_digest()
        for args in [["app", "add", "--company", "Globex"],
                     ["app", "edit", "1", "--notes", "x"],
                     ["add", "--company", "Acme", "--role", "Engineer"],
                     ["app", "rm", "1", "--yes"]]:
            with self.subTest(args=args):
                rc, out, err = self.jt(*args, as_nobody=True)
                self.assertEqual(rc, 1, err)
                self.assert_error_line(err, "read-only")
        self.assertEqual(self.db_snapshot(), before)
        self.assertEqual(self.files_digest()["db"], digest["db"])
        apps = self.json_of("app", "list", "--json", as_nobody=True)
        self.assertEqual([a["company"] for a in apps], ["Acme"])
        self.assertEqual(self.json_of("show", "1", "--json", as_nobody=True)["company"], "Acme")

    def test_a_database_in_a_read_only_folder_refuses_writes(self):
        folder = os.path.join(self.tmp, "ro")
        os.mkdir(folder)
        path = os.path.join(folder, "jobtrack.db")
        self.make_db(path)
        # The last program to close the database folds the WAL in and removes it; in a
        # folder that may not be written, SQLite cannot make a new one.
        self.assertFalse(os.path.exists(path + "-wal"))
        self.give_tmp_to_nobody()
        os.chmod(folder, 0o555)
        before = self.db_snapshot(path)
        digest = self.files_digest(path)
        rc, out, err = self.jt("app", "add", "--company", "Globex", db=path, as_nobody=True)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, "read-only")
        self.assertEqual(self.files_digest(path), digest)
        os.chmod(folder, 0o755)
        self.assertEqual(self.db_snapshot(path), before)

    def test_a_locked_database_makes_a_write_wait_then_fail(self):
        self.make_db()
        before = self.db_snapshot()
        holder = sqlite3.connect(self.db, isolation_level=None, timeout=1)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            # Reading still works while another program writes (WAL).
            self.assertEqual([a["company"] for a in self.apps()], ["Acme"])
            started = time.monotonic()
            rc, out, err = self.jt("app", "add", "--company", "Globex", timeout=30)
            waited = time.monotonic() - started
            self.assertEqual(rc, 1, err)
            self.assert_error_line(err, "locked")
            self.assertGreaterEqual(waited, 4.9, "gave up after %.1f s, not 5 s" % waited)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        self.assertEqual(self.db_snapshot(), before)
        self.ok("app", "add", "--company", "Globex")
        self.assertEqual([a["company"] for a in self.apps()], ["Acme", "Globex"])

    def test_a_short_lock_is_waited_out(self):
        self.make_db()
        holder = sqlite3.connect(self.db, isolation_level=None, timeout=1,
                                 check_same_thread=False)
        holder.execute("BEGIN EXCLUSIVE")
        release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
        proc = subprocess.Popen(self.command(["app", "add", "--company", "Globex"]),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=self.environment())
        release.start()
        try:
            out, err = proc.communicate(timeout=30)
        finally:
            release.join()
            holder.close()
        self.assertEqual(proc.returncode, 0, err)
        self.assertEqual([a["company"] for a in self.apps()], ["Acme", "Globex"])


class DatabasePathTest(JobtrackTestCase):

    def test_default_path_is_private(self):
        rc, out, err = self.jt("app", "add", "--company", "Acme", db=False, umask=0,
                               env={"JOBTRACK_DB": None})
        self.assertEqual(rc, 0, err)
        folder = os.path.join(self.data_home, "jobtrack")
        path = os.path.join(folder, "jobtrack.db")
        self.assertTrue(os.path.isfile(path))
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        for name in os.listdir(folder):
            self.assertEqual(stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode), 0o600,
                             name)
        apps = self.json_of("app", "list", "--json", db=False, env={"JOBTRACK_DB": None})
        self.assertEqual([a["company"] for a in apps], ["Acme"])
        self.assertFalse(os.path.exists(self.db))

    def test_without_xdg_data_home_the_database_is_under_home(self):
        rc, out, err = self.jt("app", "add", "--company", "Acme", db=False,
                               env={"XDG_DATA_HOME": None, "JOBTRACK_DB": None})
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.isfile(
            os.path.join(self.home, ".local", "share", "jobtrack", "jobtrack.db")))

    def test_jobtrack_db_and_the_db_option(self):
        env_db = os.path.join(self.tmp, "from-env.db")
        opt_db = os.path.join(self.tmp, "from-option.db")
        sub_db = os.path.join(self.tmp, "from-subcommand-option.db")
        default_db = os.path.join(self.data_home, "jobtrack", "jobtrack.db")
        env = {"JOBTRACK_DB": env_db}

        self.ok("app", "add", "--company", "Env", db=False, env=env)
        self.ok("app", "add", "--company", "Option", db=opt_db, env=env)
        self.ok("app", "add", "--company", "Sub", "--db", sub_db, db=False, env=env)
        self.assertFalse(os.path.exists(default_db))

        def companies(**kwargs):
            return [a["company"] for a in self.json_of("app", "list", "--json", **kwargs)]

        self.assertEqual(companies(db=False, env=env), ["Env"])
        self.assertEqual(companies(db=env_db), ["Env"])
        self.assertEqual(companies(db=opt_db, env=env), ["Option"])
        self.assertEqual(companies(db=sub_db), ["Sub"])
        # An empty JOBTRACK_DB means the default.
        self.ok("app", "add", "--company", "Default", db=False, env={"JOBTRACK_DB": ""})
        self.assertEqual(companies(db=default_db), ["Default"])


class CommandLineTest(JobtrackTestCase):

    def test_help_on_every_command(self):
        for words in COMMANDS:
            with self.subTest(command=" ".join(words)):
                rc, out, err = self.jt(*(words + ["--help"]))
                self.assertEqual(rc, 0, err)
                self.assertIn("Usage", out)
                self.assertEqual(err, "")
        self.assertIn("Usage", self.ok("--help", db=False))
        self.assertIn("Usage", self.ok("help", db=False))

    def test_unknown_commands_and_options(self):
        for args in [["frobnicate"], ["--frobnicate"], ["--frobnicate", "app", "list"],
                     ["app", "frobnicate"], ["interview", "frobnicate"],
                     ["contact", "frobnicate"], ["offer", "frobnicate"],
                     ["touch", "frobnicate"], ["add", "--frobnicate"],
                     ["app", "list", "--frobnicate"], ["show", "1", "--frobnicate"],
                     ["contact", "list", "--frobnicate"]]:
            with self.subTest(args=args):
                self.assert_refused(2, *args)

    def test_version(self):
        rc, out, err = self.jt("--version", db=False)
        self.assertEqual(rc, 0, err)
        self.assertRegex(out, r"^jobtrack \d+\.\d+(\.\d+)?\S*\n$")


if __name__ == "__main__":
    unittest.main(verbosity=2)
