#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Terminal manners: colour only on a terminal and never with NO_COLOR; tables fit the
terminal's width; long listings go through $PAGER on a terminal only (--no-pager);
bare `jobtrack` shows the agenda. The terminal is a real pseudo-terminal (pty) of the
size each test sets."""

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
import unicodedata
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase, decode  # noqa: E402

BOLD = "\033[1m"
LONG_COMPANY = "Vandelay Industries International Import Export Holding Company Limited"


def display_width(text):
    """Terminal columns, as wcwidth counts them: wide and fullwidth characters two,
    combining marks and variation selectors none."""
    width = 0
    for c in text:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def on_terminal(argv, env, columns=80, rows=24, timeout=20):
    """Runs argv with stdin, stdout and stderr on a fresh pty of that size; returns
    (exit status, everything it printed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            close_fds=True, start_new_session=True)
    os.close(slave)
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif proc.poll() is not None:
                break
        rc = proc.wait(max(0.1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    # The terminal turns "\n" into "\r\n".
    return rc, decode(output).replace("\r\n", "\n")


class TerminalTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.ok("app", "add", "--company", LONG_COMPANY, "--role",
                "Senior Principal Staff Distinguished Engineer of Everything")
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer")
        self.paged = os.path.join(self.tmp, "paged.txt")

    def term(self, *args, columns=80, env=None, db=True):
        environment = self.environment(env=dict({"NO_COLOR": None, "TERM": "xterm",
                                                 "PAGER": "cat > '%s'" % self.paged},
                                                **(env or {})))
        return on_terminal(self.command(args, db), environment, columns=columns)

    # ---- colour ------------------------------------------------------------------------

    def test_colour_only_on_a_terminal(self):
        rc, out = self.term("app", "list", "--no-pager")
        self.assertEqual(rc, 0, out)
        self.assertIn(BOLD + "ID", out)
        # NO_COLOR, whatever its value, turns it off; an empty one does not count
        for value in ["1", "0", "no"]:
            rc, out = self.term("app", "list", "--no-pager", env={"NO_COLOR": value})
            self.assertNotIn("\033[", out, value)
            self.assertIn("Acme", out)
        rc, out = self.term("app", "list", "--no-pager", env={"NO_COLOR": ""})
        self.assertIn(BOLD, out)
        rc, out = self.term("app", "list", "--no-pager", env={"TERM": "dumb"})
        self.assertNotIn("\033[", out)
        # not a terminal: a pipe never gets colour, NO_COLOR or not
        rc, out, err = self.jt("app", "list", env={"NO_COLOR": None, "TERM": "xterm"})
        self.assertEqual(rc, 0, err)
        self.assertNotIn("\033[", out)
        self.assertIn("ID", out)

    # ---- widths ------------------------------------------------------------------------

    def test_tables_fit_the_terminal(self):
        for columns in [60, 80, 120]:
            rc, out = self.term("app", "list", "--no-pager", columns=columns,
                                env={"NO_COLOR": "1"})
            self.assertEqual(rc, 0, out)
            lines = out.splitlines()
            self.assertGreaterEqual(len(lines), 3, out)
            for line in lines:
                self.assertLessEqual(len(line), columns, "%d columns: %r" % (columns, line))
            # cut with an ellipsis, and the short rows are whole
            self.assertIn("…", out)
            self.assertRegex(out, r"\n2 +Acme +Engineer +applied")
            self.assertIn("STATUS", lines[0])
        # $COLUMNS overrides the terminal's own width
        rc, out = self.term("app", "list", "--no-pager", columns=200,
                            env={"NO_COLOR": "1", "COLUMNS": "50"})
        self.assertTrue(all(len(line) <= 50 for line in out.splitlines()), out)
        # wide enough: nothing is cut
        rc, out = self.term("app", "list", "--no-pager", columns=250, env={"NO_COLOR": "1"})
        self.assertIn(LONG_COMPANY, out)
        self.assertNotIn("…", out)

    def test_wide_and_combining_names_stay_in_line(self):
        # CJK and emoji take two terminal columns, a combining accent none: the columns
        # after them start where the header's do, and no line is wider than the terminal.
        for company, role in (("株式会社ソニー", "エンジニア"), ("삼성전자", "SRE"),
                              ("🎉 Party Co", "Dev"), ("Se\u0301bastien & Fils", "Ops")):
            self.ok("app", "add", "--company", company, "--role", role)
        for columns in (60, 200):
            rc, out = self.term("app", "list", "--no-pager", columns=columns,
                                env={"NO_COLOR": "1"})
            self.assertEqual(rc, 0, out)
            lines = out.splitlines()
            status_at = display_width(lines[0][:lines[0].index("STATUS")])
            for line in lines[1:]:
                self.assertLessEqual(display_width(line), columns, repr(line))
                cut = line.rindex(" applied") + 1
                self.assertEqual(display_width(line[:cut]), status_at, repr(line))
            if columns == 200:
                self.assertIn("株式会社ソニー", out)

    def test_a_pipe_gets_every_character(self):
        out = self.ok("app", "list", env={"COLUMNS": "40"})
        self.assertIn(LONG_COMPANY, out)
        self.assertNotIn("…", out)

    def test_agenda_lines_fit(self):
        self.ok("contact", "add", "--name", "Maximilian Alexander von Habsburg-Lothringen",
                "--app", "1", "--email", "maximilian.alexander@vandelay.example")
        self.ok("remind", "add", "--app", "1", "--contact", "1", "--due", "tomorrow",
                "Send the portfolio with the three case studies and the references list")
        rc, out = self.term("agenda", "--no-pager", columns=50, env={"NO_COLOR": "1"})
        self.assertEqual(rc, 0, out)
        self.assertIn("Send the portfolio", out)
        for line in out.splitlines():
            self.assertLessEqual(len(line), 50, repr(line))

    # ---- the pager ---------------------------------------------------------------------

    def test_pager_on_a_terminal(self):
        rc, out = self.term("app", "list", env={"NO_COLOR": "1"})
        self.assertEqual(rc, 0, out)
        with open(self.paged, encoding="utf-8") as f:
            paged = f.read()
        self.assertIn("Acme", paged)
        self.assertIn(LONG_COMPANY[:20], paged)
        # what went to the pager did not also go to the terminal
        self.assertNotIn("Acme", out)
        # the pager sees the table cut to the terminal it will show it on
        self.assertTrue(all(len(line) <= 80 for line in paged.splitlines()), paged)

    def test_pager_for_other_listings(self):
        self.add_interview("Acme", "Engineer", "--with", "Ann Lee", "--at", "yesterday 14:00")
        self.ok("touch", "add", "--app", "2", "--contact", "1", "--kind", "letter")
        self.ok("offer", "add", "--app", "2", "--deadline", "in 10 days")
        for args in [["agenda"], ["show", "2"], ["contact", "list"], ["interview", "list"],
                     ["touch", "list"], ["offer", "list"]]:
            with self.subTest(args=args):
                if os.path.exists(self.paged):
                    os.unlink(self.paged)
                rc, out = self.term(*args)
                self.assertEqual(rc, 0, out)
                self.assertTrue(os.path.exists(self.paged), "%s was not paged: %r" % (args, out))

    def test_no_pager(self):
        for args, env in [(["--no-pager", "app", "list"], {}),
                          (["app", "list", "--no-pager"], {}),
                          (["app", "list"], {"PAGER": ""}),
                          (["app", "list"], {"PAGER": "cat"})]:
            with self.subTest(args=args, env=env):
                rc, out = self.term(*args, env=dict(env, NO_COLOR="1"))
                self.assertEqual(rc, 0, out)
                self.assertIn("Acme", out)
                self.assertFalse(os.path.exists(self.paged))

    def test_never_paged_when_not_a_terminal(self):
        out = self.ok("app", "list", env={"PAGER": "cat > '%s'" % self.paged})
        self.assertIn("Acme", out)
        self.assertFalse(os.path.exists(self.paged))

    def test_json_and_short_output_are_not_paged(self):
        rc, out = self.term("app", "list", "--json")
        self.assertEqual(rc, 0, out)
        self.assertIn('"Acme"', out)
        self.assertFalse(os.path.exists(self.paged))

    def test_pager_that_quits_early(self):
        # A person who leaves the pager after the first line, while jobtrack still has
        # more than a pipe holds (64 KiB) to write: jobtrack ends quietly, status 0.
        for n in range(2):
            self.ok("app", "add", "--company", "Company %d" % n, "--role", "x" * 100000)
        rc, out = self.term("app", "list", columns=65000,
                            env={"PAGER": "head -n 1 > '%s'" % self.paged, "NO_COLOR": "1"})
        self.assertEqual(rc, 0, out)
        self.assertEqual(out, "")
        with open(self.paged, encoding="utf-8") as f:
            self.assertEqual(f.read().split(), ["ID", "COMPANY", "ROLE", "STATUS", "DECISION"])

    # ---- bare jobtrack -----------------------------------------------------------------

    def test_bare_jobtrack_shows_the_agenda(self):
        self.ok("remind", "add", "--app", "2", "--due", "tomorrow 10:00", "Call Ann")
        agenda = self.ok("agenda")
        self.assertIn("Call Ann", agenda)
        self.assertEqual(self.ok(), agenda)
        self.assertEqual(self.ok("--no-pager"), agenda)
        # and on a terminal too
        rc, out = self.term(env={"NO_COLOR": "1", "PAGER": ""})
        self.assertEqual(rc, 0, out)
        self.assertIn("Call Ann", out)

    def test_bare_jobtrack_with_no_database_yet(self):
        db = os.path.join(self.tmp, "new.db")
        out = self.ok(db=db)
        self.assertEqual(out, "Nothing due in the next 14 days.\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
