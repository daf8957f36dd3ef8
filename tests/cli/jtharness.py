# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared harness of the `jobtrack` command-line tests.

Each test gets a fresh temporary folder holding its database, its XDG folders and its
HOME, and runs the real binary named by $JOBTRACK with a pinned clock (JOBTRACK_NOW), a
chosen zone (TZ), NO_COLOR=1, LC_ALL=C.UTF-8 and stdin that is not a terminal.

The runner is called `jt` (not `run`: unittest.TestCase.run is what runs the test).
"""

import hashlib
import importlib.util
import json
import os
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

JOBTRACK = os.environ.get("JOBTRACK")
DEFAULT_NOW = "2026-12-01T09:00:00"  # a Tuesday
DEFAULT_TZ = "Europe/Berlin"
NOBODY = 65534


# ---- tests whose tool is missing skip, saying which ------------------------------------
#
# meson shows a test that exits with 77 as SKIP. A file whose every test needs something
# calls require() before it imports it; a test that needs a program of its own calls
# needs(), and its file ends with main(), which turns such a skip into exit 77 unless
# another test failed. tools/deps --test installs all of them; CI counts a SKIP as failed.

SKIP_EXIT = 77
TOOLS_HINT = "(tools/deps --test)"
# The Debian package each python module comes from, for the reason a skip gives.
MODULE_PACKAGES = {"dbus": "python3-dbus", "dbusmock": "python3-dbusmock",
                   "icalendar": "python3-icalendar"}


def missing_reason(modules=(), programs=()):
    """'needs X (tools/deps --test)' for the first module or program missing, else None."""
    for module in modules:
        if importlib.util.find_spec(module) is None:
            return "needs %s %s" % (MODULE_PACKAGES.get(module, module), TOOLS_HINT)
    for program in programs:
        if shutil.which(program) is None:
            return "needs %s %s" % (program, TOOLS_HINT)
    return None


def require(modules=(), programs=()):
    """Skips the whole test file (exit 77, the reason on stdout) when a python module or
    program every test of it needs is missing."""
    reason = missing_reason(modules, programs)
    if reason:
        print("SKIP: " + reason, flush=True)
        sys.exit(SKIP_EXIT)


def needs(*programs, modules=()):
    """Skips the calling test when a program (or python module) it runs is missing; main()
    makes that the file's result."""
    reason = missing_reason(modules, programs)
    if reason:
        raise unittest.SkipTest(reason)


def main():
    """unittest.main, except that a test skipped by needs() makes the file exit 77 (SKIP),
    naming what is missing, when no other test failed."""
    result = unittest.main(verbosity=2, exit=False).result
    if not result.wasSuccessful():
        sys.exit(1)
    missing = sorted({reason for _, reason in result.skipped if reason.endswith(TOOLS_HINT)})
    if missing:
        print("SKIP: " + "; ".join(missing), flush=True)
        sys.exit(SKIP_EXIT)
    sys.exit(0)


def decode(data):
    """Output as text, byte for byte: no newline translation, bad bytes kept visible."""
    return data.decode("utf-8", "surrogateescape")


def sha256_of(path):
    """The file's digest, or None when it does not exist."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except FileNotFoundError:
        return None


class JobtrackTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        if not JOBTRACK or not os.access(JOBTRACK, os.X_OK):
            self.fail("set JOBTRACK to the jobtrack binary (got %r)" % JOBTRACK)
        self.tmp = tempfile.mkdtemp(prefix="jobtrack-cli-")
        self.addCleanup(self._remove_tmp)
        self.data_home = os.path.join(self.tmp, "data")
        self.config_home = os.path.join(self.tmp, "config")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.home)
        self.db = os.path.join(self.tmp, "jobtrack.db")

    def _remove_tmp(self):
        # Tests make files and folders read-only; give them back before removing.
        for root, dirs, files in os.walk(self.tmp):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o700)
        os.chmod(self.tmp, 0o700)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # ---- running the binary ------------------------------------------------------------

    def environment(self, now=DEFAULT_NOW, tz=DEFAULT_TZ, env=None):
        result = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_DATA_HOME": self.data_home,
            "XDG_CONFIG_HOME": self.config_home,
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
        }
        # Build-tree programs take the build tree's iCalendar module (common/jt-ical.h).
        if "JOBTRACK_MODULE_DIR" in os.environ:
            result["JOBTRACK_MODULE_DIR"] = os.environ["JOBTRACK_MODULE_DIR"]
        if tz is not None:
            result["TZ"] = tz
        if now is not None:
            result["JOBTRACK_NOW"] = now
        for key, value in (env or {}).items():
            if value is None:
                result.pop(key, None)
            else:
                result[key] = value
        return result

    def command(self, args, db=True):
        argv = [JOBTRACK]
        if db is True:
            argv += ["--db", self.db]
        elif db:
            argv += ["--db", db]
        return argv + list(args)

    def jt(self, *args, input=None, now=DEFAULT_NOW, tz=DEFAULT_TZ, db=True, env=None,
           timeout=60, as_nobody=False, umask=None):
        """Runs jobtrack; returns (returncode, stdout, stderr) as exact text.

        db=True passes --db <tmp>/jobtrack.db, a string passes --db THAT, False none.
        Arguments may be bytes (for text that is not UTF-8). now/tz None leave them unset.
        as_nobody runs it as an unprivileged user (so that file modes bind even for root).
        """
        def before_exec():
            if umask is not None:
                os.umask(umask)
            if as_nobody and os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)

        if isinstance(input, str):
            input = input.encode("utf-8")
        proc = subprocess.run(
            self.command(args, db),
            input=input,
            stdin=subprocess.DEVNULL if input is None else None,
            capture_output=True,
            env=self.environment(now, tz, env),
            timeout=timeout,
            preexec_fn=before_exec,
        )
        return proc.returncode, decode(proc.stdout), decode(proc.stderr)

    def ok(self, *args, **kwargs):
        """Runs jobtrack, asserting it succeeds quietly on stderr; returns stdout."""
        rc, out, err = self.jt(*args, **kwargs)
        self.assertEqual(rc, 0, "jobtrack %s failed (%d):\n%s%s" % (
            " ".join(map(repr, args)), rc, err, out))
        self.assertEqual(err, "", "jobtrack %s wrote to stderr" % " ".join(map(repr, args)))
        return out

    def json_of(self, *args, **kwargs):
        """Runs jobtrack with the given arguments (add --json yourself), asserting rc 0,
        and returns the parsed JSON."""
        out = self.ok(*args, **kwargs)
        try:
            return json.loads(out)
        except ValueError as e:
            self.fail("jobtrack %s printed no JSON (%s):\n%s" % (
                " ".join(map(repr, args)), e, out[:2000]))

    # ---- what errors look like ---------------------------------------------------------

    def assert_error_line(self, err, contains=None):
        """stderr is exactly one line "jobtrack: ...", containing `contains` if given."""
        self.assertTrue(err.startswith("jobtrack: "), "error does not start with 'jobtrack: ': %r" % err)
        self.assertTrue(err.endswith("\n"), "error is not a whole line: %r" % err)
        self.assertEqual(err.count("\n"), 1, "error is not exactly one line: %r" % err)
        if contains is not None:
            self.assertIn(contains, err)

    def assert_refused(self, expected_rc, *args, contains=None, **kwargs):
        """Runs jobtrack and asserts the exit status, a one-line error, and a database
        exactly as it was before. Returns (stdout, stderr)."""
        path = kwargs.get("db", True)
        path = self.db if path is True else (path or self.db)
        before = self.db_snapshot(path)
        rc, out, err = self.jt(*args, **kwargs)
        self.assertEqual(rc, expected_rc, "jobtrack %s: expected exit %d, got %d\nstderr: %s" % (
            " ".join(map(repr, args)), expected_rc, rc, err))
        self.assert_error_line(err, contains)
        self.assertEqual(self.db_snapshot(path), before, "the database changed")
        return out, err

    # ---- the database, seen from outside -----------------------------------------------

    def create_db(self):
        """Makes the empty database of the newest schema, as the first command that writes
        does (one that only reads never creates it): a write about a follow-up that does
        not exist, which records nothing."""
        rc, out, err = self.jt("dismiss", "999999")
        self.assertEqual(rc, 1, err)
        self.assertTrue(os.path.exists(self.db))

    def take_back_a_schema(self):
        """The database as the jobtrack before the newest schema left it (schema 13
        added the index of applications' links, postings' posted_on_day and sync_items'
        pending push). Returns that older schema's number."""
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 13)
        con.executescript("DROP INDEX applications_by_url; "
                          "ALTER TABLE postings DROP COLUMN posted_on_day; "
                          "ALTER TABLE sync_items DROP COLUMN pending_ics; "
                          "ALTER TABLE sync_items DROP COLUMN pending_revision; "
                          "PRAGMA user_version = 12;")
        con.close()
        return 12

    def file_state(self):
        """The database file's bytes and modification time, and whether a -wal is beside
        it: what any write would change."""
        with open(self.db, "rb") as f:
            return f.read(), os.stat(self.db).st_mtime_ns, os.path.exists(self.db + "-wal")

    def db_snapshot(self, path=None, leaving_out=None):
        """A full dump of the database (schema, rows, user_version), or None when there is
        no file. It reads a copy of the file and its -wal, so it never touches (or leaves
        -wal/-shm files next to) the database itself. `leaving_out`, SQL run on the copy
        first, takes out what a test does not compare."""
        path = path or self.db
        if not os.path.exists(path):
            return None
        scratch = tempfile.mkdtemp(prefix="jobtrack-snapshot-")
        try:
            copy = os.path.join(scratch, "copy.db")
            shutil.copyfile(path, copy)
            if os.path.exists(path + "-wal"):
                shutil.copyfile(path + "-wal", copy + "-wal")
            con = sqlite3.connect(copy)
            try:
                version = con.execute("PRAGMA user_version").fetchone()[0]
                if leaving_out:
                    con.executescript(leaving_out)
                dump = "\n".join(con.iterdump())
            finally:
                con.close()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return "user_version=%d\n%s" % (version, dump)

    def files_digest(self, path=None):
        """Digests of the database file and its -wal, the bytes a reader would see."""
        path = path or self.db
        wal = path + "-wal"
        wal_digest = sha256_of(wal)
        if wal_digest is not None and os.path.getsize(wal) == 0:
            wal_digest = "empty"
        return {"db": sha256_of(path), "wal": wal_digest}

    # ---- making records ----------------------------------------------------------------

    def add_interview(self, company="Acme", role="Engineer", *more, **kwargs):
        """`jobtrack add --company C --role R MORE...`; returns stdout."""
        return self.ok("add", "--company", company, "--role", role, *more, **kwargs)

    def show(self, app_id, **kwargs):
        return self.json_of("show", str(app_id), "--json", **kwargs)

    def apps(self, **kwargs):
        return self.json_of("app", "list", "--json", **kwargs)


class Terminal:
    """jobtrack on a pseudo-terminal (stdin and stdout), answering its questions."""

    def __init__(self, argv, env):
        import pty
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     close_fds=True, start_new_session=True)
        os.close(slave)
        self.output = b""
        self.seen = 0  # output up to here has been matched

    def read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # EIO: the other side is closed
            return None
        if not chunk:
            return None
        self.output += chunk
        return True

    def expect(self, needle, timeout=10):
        """Waits until `needle` (text, case-insensitive) appears in new output."""
        deadline = time.monotonic() + timeout
        needle = needle.lower().encode("utf-8")
        while True:
            found = self.output.lower().find(needle, self.seen)
            if found >= 0:
                self.seen = found + len(needle)
                return
            left = deadline - time.monotonic()
            if left <= 0 or self.read(left) is None:
                self.kill()
                raise AssertionError("no %r in the output:\n%s" % (
                    needle, decode(self.output)))

    def kill(self):
        """Ends the program (after a failed expectation) so that no process is left."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def send(self, text):
        os.write(self.master, text.encode("utf-8"))

    def answer(self, question, text):
        self.expect(question)
        self.send(text + "\n")

    def finish(self, timeout=10):
        """Waits for the end, reading the rest of the output; returns the exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.read(0.2) is not None:
            pass
        try:
            rc = self.proc.wait(max(0.1, deadline - time.monotonic()))
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            os.close(self.master)
        return rc

    def text(self):
        return decode(self.output)
