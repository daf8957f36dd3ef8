#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack stats`: the figures of a search built through the CLI, against answers
worked out by hand below."""

import json
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

RULES = ["summary", "thank_you", "follow_up_call", "bring_forward", "brief_references",
         "rejection_letter", "rapport_call", "recontact", "offer_negotiation",
         "offer_deadline", "network_update", "application_follow_up", "closing_date"]
NOW = "2026-12-01T09:00:00"
HOUR = 1 / 24


class StatsTest(JobtrackTestCase):

    def build(self):
        """Six applications and six follow-ups of your own (the rules are off, so that
        every follow-up is one we made). All times Europe/Berlin, before the DST change."""
        os.makedirs(os.path.join(self.config_home, "jobtrack"))
        with open(os.path.join(self.config_home, "jobtrack", "config.ini"), "w") as f:
            f.write("[rules]\n" + "".join("%s = false\n" % r for r in RULES))

        def at(when, *args):
            return self.ok(*args, now=when)

        # 6 (id 1): before the period; answered (a rejection) 2 days later.
        at("2026-09-01T09:00:00", "app", "add", "--company", "Vandelay", "--source", "referral")
        at("2026-09-03T09:00:00", "outcome", "1", "rejected")
        # Acme (2): referral; interview 3 days 1 hour later, offer after 10 days, accepted.
        at("2026-10-01T09:00:00", "app", "add", "--company", "Acme", "--role", "Engineer",
           "--source", "referral")
        at("2026-10-04T12:00:00", "add", "--company", "Acme", "--role", "Engineer",
           "--at", "2026-10-04 10:00", "--notes", "went well")
        at("2026-10-11T09:00:00", "outcome", "2", "offer")
        at("2026-10-15T09:00:00", "outcome", "2", "accepted")
        # Globex (3): referral; rejected after 5 days.
        at("2026-10-02T09:00:00", "app", "add", "--company", "Globex", "--source", "referral")
        at("2026-10-07T09:00:00", "outcome", "3", "rejected")
        # Initech (4): LinkedIn; no news since: quiet.
        at("2026-10-03T09:00:00", "app", "add", "--company", "Initech", "--source", "LinkedIn")
        # Umbrella (5): a lead, never sent; quiet too (it is open).
        at("2026-10-05T09:00:00", "app", "add", "--company", "Umbrella", "--status", "lead")
        # Hooli (6): LinkedIn; interview after 10 days, then withdrawn (no decision).
        at("2026-10-06T09:00:00", "app", "add", "--company", "Hooli", "--role", "SRE",
           "--source", "LinkedIn")
        at("2026-10-16T11:00:00", "add", "--company", "Hooli", "--role", "SRE",
           "--at", "2026-10-16 09:00", "--notes", "fine")
        at("2026-10-20T09:00:00", "outcome", "6", "withdrawn")

        # Follow-ups: due, and when done.
        at("2026-09-01T10:00:00", "remind", "add", "--app", "1", "--due", "2026-09-05 10:00",
           "old one")
        at("2026-09-10T10:00:00", "done", "1")                              # late, before
        at("2026-10-01T10:00:00", "remind", "add", "--app", "2", "--due", "2026-10-10 10:00",
           "a")
        at("2026-10-10T15:00:00", "done", "2")                              # on time
        at("2026-10-01T10:00:00", "remind", "add", "--app", "3", "--due", "2026-10-12 10:00",
           "b")
        at("2026-10-14T09:00:00", "done", "3")                              # late
        at("2026-10-01T10:00:00", "remind", "add", "--app", "4", "--due", "2026-10-20 10:00",
           "c")
        at("2026-10-20T23:30:00", "done", "4")                              # on time (same day)
        at("2026-10-01T10:00:00", "remind", "add", "--app", "4", "--due", "2026-11-20 10:00",
           "d")                                                             # overdue
        at("2026-10-01T10:00:00", "remind", "add", "--app", "4", "--due", "2026-12-10 10:00",
           "e")                                                             # not due yet

    def test_figures_since(self):
        self.build()
        stats = self.json_of("stats", "--since", "2026-10-01", "--json", now=NOW)
        self.assertEqual(stats["since"], "2026-10-01T00:00:00+02:00")
        self.assertEqual(stats["applications"], 5)
        self.assertEqual(stats["by_status"], {
            "lead": 1, "applied": 1, "interviewing": 0, "offer": 0, "accepted": 1,
            "declined": 0, "rejected": 1, "withdrawn": 1})
        # Applied: Acme, Globex, Initech, Hooli (the lead was never sent); interviewed:
        # Acme, Hooli; offer and acceptance: Acme.
        self.assertEqual([(s["stage"], s["count"]) for s in stats["funnel"]],
                         [("applied", 4), ("interview", 2), ("offer", 1), ("accepted", 1)])
        self.assertEqual([s["rate"] for s in stats["funnel"]], [None, 0.5, 0.5, 1.0])
        # First responses: 3 d 1 h (Acme), 5 d (Globex), 10 d (Hooli): median 5.
        self.assertEqual(stats["days_to_first_response"], {"median": 5.0, "applications": 3})
        # Decisions: 10 d (Acme's offer), 5 d (Globex's rejection): median 7.5.
        self.assertEqual(stats["days_to_decision"], {"median": 7.5, "applications": 2})
        self.assertEqual(stats["follow_ups"], {"on_time": 2, "late": 1, "overdue": 1})
        self.assertEqual(stats["quiet"], {"days": 21, "applications": [4, 5]})
        self.assertEqual(stats["by_source"], [
            {"source": "LinkedIn", "applications": 2, "applied": 2, "interview": 1,
             "offer": 0, "accepted": 0},
            {"source": "referral", "applications": 2, "applied": 2, "interview": 1,
             "offer": 1, "accepted": 1},
            {"source": None, "applications": 1, "applied": 0, "interview": 0, "offer": 0,
             "accepted": 0},
        ])

    def test_figures_all_time(self):
        self.build()
        stats = self.json_of("stats", "--json", now=NOW)
        self.assertIsNone(stats["since"])
        self.assertEqual(stats["applications"], 6)
        self.assertEqual(stats["by_status"]["rejected"], 2)
        self.assertEqual([s["count"] for s in stats["funnel"]], [5, 2, 1, 1])
        self.assertAlmostEqual(stats["funnel"][1]["rate"], 2 / 5)
        # Responses 2, 3 d 1 h, 5, 10: median halfway between the middle two.
        self.assertAlmostEqual(stats["days_to_first_response"]["median"], (3 + HOUR + 5) / 2)
        self.assertEqual(stats["days_to_first_response"]["applications"], 4)
        self.assertEqual(stats["days_to_decision"], {"median": 5.0, "applications": 3})
        self.assertEqual(stats["follow_ups"], {"on_time": 2, "late": 2, "overdue": 1})
        self.assertEqual(stats["by_source"][0],
                         {"source": "referral", "applications": 3, "applied": 3,
                          "interview": 1, "offer": 1, "accepted": 1})
        # Quiet is as `app list` has it.
        listed = [a["id"] for a in self.apps(now=NOW) if a["quiet"]]
        self.assertEqual(stats["quiet"]["applications"], listed)

    def test_text_and_bars_fit_the_width(self):
        self.build()
        out = self.ok("stats", "--since", "2026-10-01", now=NOW)
        self.assertIn("Applications recorded since 2026-10-01: 5\n", out)
        self.assertIn("First response: median 5.0 days (3 applications)\n", out)
        self.assertIn("Decision: median 7.5 days (2 applications)\n", out)
        self.assertIn("Follow-ups done: 2 on time, 1 late; 1 overdue\n", out)
        self.assertIn("Gone quiet (no news in 21 days): 2 — applications 4, 5\n", out)
        self.assertNotIn("\033", out)  # not a terminal, and NO_COLOR
        funnel = {line.split()[0]: line for line in out.splitlines()
                  if line.startswith("  ") and line.split()[0] in
                  ("applied", "interview", "offer", "accepted")}
        # The bars are in proportion: 4 fills the line, 2 half of it, 1 a quarter.
        bars = {stage: line.count("█") for stage, line in funnel.items()}
        self.assertEqual(bars["interview"] * 2, bars["applied"])
        self.assertEqual(bars["offer"] * 4, bars["applied"])
        self.assertTrue(funnel["interview"].endswith(" 50%"), funnel["interview"])
        for columns, env in [(80, None), (60, {"COLUMNS": "60"}), (132, {"COLUMNS": "132"})]:
            with self.subTest(columns=columns):
                text = self.ok("stats", now=NOW, env=env)
                widest = max(len(line) for line in text.splitlines())
                self.assertLessEqual(widest, columns)
                self.assertGreaterEqual(widest, columns - 4)

    def on_terminal(self, args, columns, env=None):
        """Runs jobtrack with stdout on a pseudo-terminal `columns` wide (no COLUMNS in
        the environment); returns what it printed."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        environment = self.environment(now=NOW, env=env)
        environment.pop("COLUMNS", None)
        proc = subprocess.Popen(self.command(args), stdin=subprocess.DEVNULL, stdout=slave,
                                stderr=subprocess.PIPE, env=environment)
        os.close(slave)
        output = b""
        while True:
            ready, _, _ = select.select([master], [], [], 10)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        proc.wait(10)
        os.close(master)
        self.assertEqual(proc.returncode, 0, proc.stderr.read())
        proc.stderr.close()
        return output.decode("utf-8").replace("\r\n", "\n")

    def test_terminal_width_and_colour(self):
        self.build()
        text = self.on_terminal(["stats"], 100, env={"NO_COLOR": None})
        self.assertIn("\033[32m", text)  # bars in colour on a terminal
        plain = self.on_terminal(["stats"], 100)  # the harness sets NO_COLOR
        self.assertNotIn("\033", plain)
        widest = max(len(line) for line in plain.splitlines())
        self.assertLessEqual(widest, 100)
        self.assertGreaterEqual(widest, 96)
        narrow = self.on_terminal(["stats"], 64)
        self.assertLessEqual(max(len(line) for line in narrow.splitlines()), 64)
        # Search marks matches in bold on a terminal, in brackets elsewhere.
        self.assertIn("\033[1mAcme\033[0m",
                      self.on_terminal(["search", "acme"], 80, env={"NO_COLOR": None}))
        self.assertIn("[Acme]", self.on_terminal(["search", "acme"], 80))

    def test_help(self):
        for command in ["stats", "search"]:
            out = self.ok(command, "--help")
            self.assertIn("Usage", out)
            self.assertIn("--json", out)

    def test_empty_and_bad_input(self):
        self.assertEqual(self.ok("stats"), "Applications: 0\n")
        stats = self.json_of("stats", "--json")
        self.assertEqual(stats["applications"], 0)
        self.assertEqual(stats["days_to_decision"], {"median": None, "applications": 0})
        self.assertEqual([s["rate"] for s in stats["funnel"]], [None, None, None, None])
        self.assert_refused(2, "stats", "--since", "the day after never", contains="never")
        self.assert_refused(2, "stats", "extra")


class QuietTest(JobtrackTestCase):
    """`stats` and `app list` agree on which applications have gone quiet: open, and
    nothing happened for quiet_days, to the second."""

    def quiet_in_both(self, now):
        listed = [a["id"] for a in self.json_of("app", "list", "--json", now=now) if a["quiet"]]
        only = [a["id"] for a in self.json_of("app", "list", "--quiet", "--json", now=now)]
        stats = self.json_of("stats", "--json", now=now)["quiet"]
        self.assertEqual(stats["days"], 10)
        # stats lists them oldest first, app list by id
        self.assertEqual(sorted(stats["applications"]), listed, "stats and app list disagree")
        self.assertEqual(only, listed)
        return listed

    def test_stats_and_app_list_agree_at_the_boundary(self):
        os.makedirs(os.path.join(self.config_home, "jobtrack"))
        with open(os.path.join(self.config_home, "jobtrack", "config.ini"), "w") as f:
            f.write("[rules]\nquiet_days = 10\n")
        self.ok("app", "add", "--company", "Acme", "--status", "applied",
                now="2026-11-01T09:00:00")
        self.ok("app", "add", "--company", "Globex", "--status", "applied",
                now="2026-11-01T09:00:01")
        # Recorded long before; a call on the same second as Acme's record is its last news.
        self.ok("app", "add", "--company", "Initech", "--status", "applied",
                now="2026-09-01T09:00:00")
        self.ok("contact", "add", "--name", "Ana Lima", now="2026-09-01T09:00:00")
        self.ok("touch", "add", "--app", "3", "--contact", "1", "--kind", "call",
                "--at", "2026-11-01 09:00:00", now="2026-11-01T09:00:00")
        # Ended: never quiet, however long the silence.
        self.ok("app", "add", "--company", "Hooli", "--status", "rejected",
                now="2026-09-01T09:00:00")
        self.assertEqual(self.quiet_in_both("2026-11-11T08:59:59"), [])
        self.assertEqual(self.quiet_in_both("2026-11-11T09:00:00"), [1, 3])
        self.assertEqual(self.quiet_in_both("2026-11-11T09:00:01"), [1, 2, 3])


class ReadingCommandsTest(JobtrackTestCase):
    """The commands that only read open the database read-only: they never create,
    upgrade or change it."""

    READERS = [["agenda"], ["app", "list"], ["contact", "list"], ["interview", "list"],
               ["offer", "list"], ["touch", "list"], ["stats"], ["search", "acme"],
               ["export", "--json"], ["export", "--csv"]]

    def test_a_database_that_does_not_exist_reads_empty_and_is_not_created(self):
        self.assertEqual(self.ok("agenda"), "Nothing due in the next 14 days.\n")
        self.assertEqual(self.json_of("app", "list", "--json"), [])
        self.assertEqual(self.ok("stats"), "Applications: 0\n")
        for args in self.READERS:
            self.ok(*args)
        self.assertFalse(os.path.exists(self.db))
        missing = os.path.join(self.tmp, "no-such-folder", "jobtrack.db")
        self.assertEqual(self.ok("agenda", db=missing), "Nothing due in the next 14 days.\n")
        self.assertFalse(os.path.exists(os.path.dirname(missing)))

    def test_an_older_database_is_left_for_the_next_write_to_upgrade(self):
        self.ok("app", "add", "--company", "Acme", "--role", "SRE")
        self.take_back_a_schema()
        before = self.file_state()
        for args in self.READERS + [["show", "1"], ["prep", "1"]]:
            rc, out, err = self.jt(*args)
            self.assertEqual(rc, 0, (args, err))
            self.assert_error_line(err, "upgraded in memory")
        rc, out, err = self.jt("app", "list", "--json")
        self.assertEqual([a["company"] for a in json.loads(out)], ["Acme"])
        self.assertEqual(self.file_state(), before)
        self.ok("app", "add", "--company", "Initech")
        self.assertEqual([a["company"] for a in self.json_of("app", "list", "--json")],
                         ["Acme", "Initech"])


if __name__ == "__main__":
    unittest.main()
