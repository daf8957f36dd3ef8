#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack config [--json] [--path]` and what the config file does to the rules.

The harness gives each test its own XDG_CONFIG_HOME, so the file is
<tmp>/config/jobtrack/config.ini unless JOBTRACK_CONFIG names another."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

RULE_SWITCHES = ["summary", "thank_you", "follow_up_call", "bring_forward",
                 "brief_references", "rejection_letter", "rapport_call", "recontact",
                 "offer_negotiation", "offer_deadline", "network_update",
                 "application_follow_up", "closing_date"]
DEFAULTS = [("rules", key, "true") for key in RULE_SWITCHES] + [
    ("rules", "call_hour", "10:00"),
    ("rules", "thank_you_delay", "3h"),
    ("rules", "follow_up_call_days", "7"),
    ("rules", "bring_forward_lead_days", "3"),
    ("rules", "rejection_letter_days", "1"),
    ("rules", "rapport_call_days", "7"),
    ("rules", "recontact_months", "5"),
    ("rules", "offer_negotiation_days", "1"),
    ("rules", "offer_deadline_days", "2"),
    ("rules", "network_days", "90"),
    ("rules", "application_follow_up_days", "7"),
    ("rules", "closing_date_days", "2"),
    ("rules", "quiet_days", "21"),
    ("user", "emails", ""),
    ("user", "name", ""),
    ("user", "email", ""),
    ("user", "phone", ""),
    ("user", "signature", ""),
    ("caldav", "url", ""),
    ("caldav", "username", ""),
    ("caldav", "password_cmd", ""),
    ("caldav", "collection", "jobtrack follow-ups"),
    ("caldav", "interval", "15m"),
    ("caldav", "ca_file", ""),
    ("caldav", "allow_http", "false"),
]


class ConfigTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.config_path = os.path.join(self.config_home, "jobtrack", "config.ini")

    # ---- helpers ---------------------------------------------------------------------

    def write_config(self, content, path=None):
        """Writes the config file (text or bytes); returns its path."""
        path = path or self.config_path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def settings(self, **kwargs):
        return self.json_of("config", "--json", **kwargs)

    def add_acme(self, **kwargs):
        """An interview on Mon 30 Nov 10:00 with Raj (decision-maker) and Ann; the decision
        is due Friday 4 Dec, so the call is on Monday 7 Dec."""
        return self.ok("add", "--company", "Acme", "--role", "Engineer", "--at",
                       "2026-11-30 10:00", "--with", "Raj Patel <raj@acme.example>",
                       "--with", "Ann Lee", "--decision-maker", "Raj Patel",
                       "--decision", "2026-12-04", **kwargs)

    def reminders(self, **kwargs):
        return self.json_of("agenda", "--all", "--json", **kwargs)

    def of_rule(self, rule, **kwargs):
        return [r for r in self.reminders(**kwargs) if r["rule"] == rule]

    # ---- listing ---------------------------------------------------------------------

    def test_every_key_with_its_default(self):
        rows = self.settings()
        self.assertEqual([(r["group"], r["key"], r["value"]) for r in rows], DEFAULTS)
        for row in rows:
            self.assertEqual(set(row), {"group", "key", "value", "source"})
            self.assertEqual(row["source"], "default")
        lines = self.ok("config").splitlines()
        self.assertEqual(len(lines), len(DEFAULTS))
        for line, (group, key, value) in zip(lines, DEFAULTS):
            self.assertTrue(line.startswith("[%s] %s " % (group, key)), line)
            self.assertTrue(line.endswith("(default)"), line)
            if value:
                self.assertIn("= " + value, line)
        # An empty file, or one with comments only, is all defaults as well.
        self.write_config("# nothing yet\n\n[rules]\n")
        self.assertEqual(self.settings(), rows)

    def test_the_file_is_named_as_the_source_of_what_it_changes(self):
        path = self.write_config("# mine\n[rules]\nthank_you = false\ncall_hour = 09:30\n"
                                 "recontact_months = 3\n[user]\nemails = me@example.com; "
                                 "me@work.example\n")
        rows = {(r["group"], r["key"]): r for r in self.settings()}
        changed = {("rules", "thank_you"): "false", ("rules", "call_hour"): "09:30",
                   ("rules", "recontact_months"): "3",
                   ("user", "emails"): "me@example.com;me@work.example"}
        for (group, key, default) in DEFAULTS:
            row = rows[(group, key)]
            if (group, key) in changed:
                self.assertEqual((row["value"], row["source"]), (changed[(group, key)], path))
            else:
                self.assertEqual((row["value"], row["source"]), (default, "default"))
        text = self.ok("config")
        for line in text.splitlines():
            name = line.split(" =")[0].rstrip()
            if name in ("[rules] thank_you", "[rules] call_hour", "[rules] recontact_months",
                        "[user] emails"):
                self.assertTrue(line.endswith("(%s)" % path), line)
            else:
                self.assertTrue(line.endswith("(default)"), line)
        self.assertIn("09:30", text)

    def test_the_sender_is_listed_as_written(self):
        path = self.write_config("[user]\nname = Ann  Lee\nemail = ann@example.com\n"
                                 "phone = +49 30 1234\n"
                                 "signature = Ann Lee\\n\\tSRE\\r\\nBerlin \\\\ Mitte\n")
        rows = {(r["group"], r["key"]): r for r in self.settings()}
        self.assertEqual({key: (rows[("user", key)]["value"], rows[("user", key)]["source"])
                          for key in ["name", "email", "phone", "signature"]},
                         {"name": ("Ann Lee", path), "email": ("ann@example.com", path),
                          "phone": ("+49 30 1234", path),
                          # as it would be written back: one line, "\n" between lines
                          "signature": ("Ann Lee\\n SRE\\nBerlin \\\\ Mitte", path)})
        text = self.ok("config")
        self.assertRegex(text, r"\n\[user\] signature += Ann Lee\\n SRE\\nBerlin \\\\ Mitte +\(")
        self.assertRegex(text, r"\n\[user\] name += Ann Lee +\(")

    def test_jobtrack_config_names_another_file(self):
        self.write_config("[rules]\ncall_hour = 08:00\n")
        other = self.write_config("[rules]\nquiet_days = 30\n",
                                  path=os.path.join(self.tmp, "elsewhere", "jt.ini"))
        env = {"JOBTRACK_CONFIG": other}
        rows = {r["key"]: r for r in self.settings(env=env)}
        self.assertEqual((rows["quiet_days"]["value"], rows["quiet_days"]["source"]),
                         ("30", other))
        self.assertEqual((rows["call_hour"]["value"], rows["call_hour"]["source"]),
                         ("10:00", "default"))
        # A JOBTRACK_CONFIG that does not exist (yet) means the defaults.
        missing = os.path.join(self.tmp, "nowhere.ini")
        self.assertTrue(all(r["source"] == "default"
                            for r in self.settings(env={"JOBTRACK_CONFIG": missing})))

    def test_path(self):
        self.assertEqual(self.ok("config", "--path"), self.config_path + "\n")
        self.assertEqual(self.json_of("config", "--path", "--json"), {"path": self.config_path})
        other = os.path.join(self.tmp, "other.ini")
        self.assertEqual(self.ok("config", "--path", env={"JOBTRACK_CONFIG": other}),
                         other + "\n")
        self.assertEqual(self.ok("config", "--path", env={"XDG_CONFIG_HOME": None}),
                         os.path.join(self.home, ".config", "jobtrack", "config.ini") + "\n")
        # Whatever is wrong inside the file: --path is how one finds it to fix it.
        self.write_config("[rules]\ncall_hour = 25:00\n")
        self.assertEqual(self.ok("config", "--path"), self.config_path + "\n")

    def test_config_reads_no_database(self):
        self.ok("config")
        self.ok("config", "--json")
        self.ok("config", "--path")
        self.assertFalse(os.path.exists(self.db))
        self.assertFalse(os.path.exists(self.data_home))

    def test_bad_arguments(self):
        for args in [["extra"], ["--bogus"], ["--json", "x"]]:
            with self.subTest(args=args):
                rc, out, err = self.jt("config", *args)
                self.assertEqual(rc, 2)
                self.assert_error_line(err)

    # ---- what the settings do --------------------------------------------------------

    def test_thank_you_switched_off(self):
        self.write_config("[rules]\nthank_you = false\n")
        self.add_acme()
        rules = sorted(r["rule"] for r in self.reminders())
        self.assertEqual(rules, ["follow_up_call", "summary"])

    def test_every_rule_switched_off_leaves_only_manual_reminders(self):
        self.write_config("[rules]\n" + "".join("%s = false\n" % k for k in RULE_SWITCHES))
        self.add_acme()
        self.ok("outcome", "1", "rejected", now="2026-12-02T09:00:00")
        self.assertEqual(self.reminders(now="2026-12-02T09:00:00"), [])
        self.ok("remind", "add", "--app", "1", "--due", "tomorrow 10:00", "Ask for feedback",
                now="2026-12-02T09:00:00")
        self.assertEqual([r["rule"] for r in self.reminders()], ["manual"])

    def test_call_hour(self):
        self.write_config("[rules]\ncall_hour = 09:30\n")
        self.add_acme()
        calls = self.of_rule("follow_up_call")
        self.assertEqual([(c["contact"]["name"], c["due"]) for c in calls],
                         [("Raj Patel", "2026-12-07T09:30:00+01:00")])
        self.assertIn("Mon 7 Dec 2026 09:30", self.ok("agenda"))
        # Letters after a rejection too.
        self.ok("outcome", "1", "rejected", "--on", "2026-12-08 15:00",
                now="2026-12-08T16:00:00")
        letters = self.of_rule("rejection_letter", now="2026-12-08T16:00:00")
        self.assertEqual({r["due"] for r in letters}, {"2026-12-09T09:30:00+01:00"})
        self.assertEqual(len(letters), 2)

    def test_thank_you_delay(self):
        self.write_config("[rules]\nthank_you_delay = 1h30m\n")
        self.add_acme()
        self.assertEqual({r["due"] for r in self.of_rule("thank_you")},
                         {"2026-11-30T12:30:00+01:00"})

    def test_recontact_months(self):
        self.write_config("[rules]\nrecontact_months = 3\n")
        self.add_acme()
        now = "2027-01-31T18:00:00"
        self.ok("outcome", "1", "rejected", "--on", "2027-01-31 16:00", now=now)
        again = self.of_rule("recontact", now=now)
        self.assertEqual(len(again), 1)
        # 31 Jan + 3 months = 30 Apr (clamped), 10:00 summer time.
        self.assertEqual(again[0]["due"], "2027-04-30T10:00:00+02:00")
        self.assertIn("3-month", again[0]["title"])
        self.assertEqual(again[0]["contact"]["name"], "Raj Patel")

    def test_quiet_days(self):
        self.write_config("[rules]\nquiet_days = 5\n")
        self.ok("app", "add", "--company", "Acme", "--status", "applied",
                now="2026-11-01T09:00:00")
        def quiet(now):
            return self.json_of("app", "list", "--json", now=now)[0]["quiet"]

        self.assertIs(quiet("2026-11-05T09:00:00"), False)
        self.assertIs(quiet("2026-11-06T09:00:00"), True)

    def test_a_bare_day_is_due_at_the_call_hour(self):
        self.write_config("[rules]\ncall_hour = 09:30\n")
        self.add_acme()
        self.ok("remind", "add", "--app", "1", "--due", "thursday", "Send references")
        mine = self.of_rule("manual")
        self.assertEqual([r["due"] for r in mine], ["2026-12-03T09:30:00+01:00"])
        self.ok("snooze", str(mine[0]["id"]), "friday")
        self.assertEqual(self.of_rule("manual")[0]["snoozed_until"],
                         "2026-12-04T09:30:00+01:00")

    # ---- changing the settings later ---------------------------------------------------

    def test_a_new_call_hour_moves_the_calls_at_the_next_write(self):
        self.add_acme()
        call = self.of_rule("follow_up_call")[0]
        self.write_config("[rules]\ncall_hour = 08:15\n")
        before = self.db_snapshot()
        # Reading shows what is stored, and writes nothing.
        self.assertEqual(self.of_rule("follow_up_call"), [call])
        self.assertEqual(self.db_snapshot(), before)
        # Any write, even about something else, brings every reminder in line.
        self.ok("app", "add", "--company", "Globex", "--status", "lead")
        moved = self.of_rule("follow_up_call")
        self.assertEqual(len(moved), 1)
        self.assertEqual((moved[0]["id"], moved[0]["uid"]), (call["id"], call["uid"]))
        self.assertEqual(moved[0]["due"], "2026-12-07T08:15:00+01:00")
        self.assertEqual(moved[0]["revision"], call["revision"] + 1)

    def test_a_rule_switched_off_later_ends_its_open_reminders_only(self):
        self.add_acme()
        raj, ann = sorted(self.of_rule("thank_you"), key=lambda r: r["contact"]["id"])
        self.ok("done", str(raj["id"]))
        self.write_config("[rules]\nthank_you = false\n")
        self.ok("app", "add", "--company", "Globex", "--status", "lead")
        self.assertEqual(self.of_rule("thank_you"), [])
        kept = [r for r in self.json_of("show", "1", "--json")["reminders"]
                if r["rule"] == "thank_you"]
        self.assertEqual([(r["id"], r["state"]) for r in kept], [(raj["id"], "done")])
        # Switched on again: Ann's comes back, Raj's done one does not.
        os.remove(self.config_path)
        self.ok("app", "edit", "2", "--notes", "x")
        again = self.of_rule("thank_you")
        self.assertEqual([r["contact"]["id"] for r in again], [2])
        self.assertEqual(again[0]["uid"], ann["uid"])

    def test_a_contact_leaving_the_network_in_the_first_write_after_a_change(self):
        self.ok("contact", "add", "--name", "Nina Net", "--network")
        update = self.of_rule("network_update")
        self.assertEqual([r["due"] for r in update], ["2027-03-01T10:00:00+01:00"])
        # Without a settings change, leaving the network ends the update (the control).
        self.ok("contact", "add", "--name", "Otto Other", "--network")
        self.assertEqual(len(self.of_rule("network_update")), 2)
        self.ok("contact", "edit", "2", "--no-network")
        self.assertEqual(self.of_rule("network_update"), update)
        # The call hour changes; the first write after it takes Nina out of the network.
        self.write_config("[rules]\ncall_hour = 09:30\n")
        self.ok("contact", "edit", "1", "--no-network")
        self.assertEqual(self.of_rule("network_update"), [],
                         "a contact no longer in the network keeps its update reminder")

    # ---- a bad file ------------------------------------------------------------------

    BAD = [
        # (file content, what the one error line must name besides the path)
        ("[rules]\ncall_hour = 25:00\n", ["call_hour", "25:00"]),
        ("[rules]\ncall_hour = 9.30\n", ["call_hour", "9.30"]),
        ("[rules]\ncall_hours = 10:00\n", ["call_hours", "unknown"]),
        ("[rules]\nthank_you = maybe\n", ["thank_you", "maybe"]),
        ("[rules]\nrecontact_months = 0\n", ["recontact_months", "0"]),
        ("[rules]\nquiet_days = many\n", ["quiet_days", "many"]),
        ("[rules]\nquiet_days = 21\nquiet_days = 22\n", ["quiet_days"]),
        ("[rulez]\ncall_hour = 10:00\n", ["rulez"]),
        ("[user]\nemails = me@example.com;not an address\n", ["emails", "not an address"]),
        ("[user]\nfull_name = Ann Lee\n", ["[user] full_name", "unknown key"]),
        ("[user]\nemail = Ann Lee\n", ["[user] email", "not an email address"]),
        ("[user]\nname = Ann \x1b[31mLee\n", ["[user] name", "\\x1b[31mLee"]),
        ("this is not an ini file\n", ["not a valid config file"]),
        (b"[rules]\ncall_hour = \xff\xfe\n", ["call_hour", "UTF-8"]),
        (b"\x00\x01\x02garbage", ["not a valid config file"]),
    ]

    def test_a_bad_file_stops_config_with_one_line(self):
        for content, names in self.BAD:
            with self.subTest(content=content):
                self.write_config(content)
                for args in [["config"], ["config", "--json"]]:
                    rc, out, err = self.jt(*args)
                    self.assertEqual(rc, 2, err)
                    self.assertEqual(out, "")
                    self.assert_error_line(err, self.config_path)
                    for name in names:
                        self.assertIn(name, err)

    def test_a_bad_file_stops_add_before_anything_is_written(self):
        for content, names in self.BAD:
            with self.subTest(content=content):
                self.write_config(content)
                # A fresh data folder: no database file, not even its folder, appears.
                rc, out, err = self.jt("add", "--company", "Acme", "--with", "Raj Patel",
                                       db=False)
                self.assertEqual(rc, 2, err)
                self.assert_error_line(err, self.config_path)
                for name in names:
                    self.assertIn(name, err)
                self.assertFalse(os.path.exists(self.data_home),
                                 os.listdir(self.data_home) if os.path.isdir(self.data_home)
                                 else None)
                # An explicit --db that does not exist is not created either.
                rc, _, err = self.jt("add", "--company", "Acme", "--with", "Raj Patel")
                self.assertEqual(rc, 2, err)
                self.assert_error_line(err, self.config_path)
                self.assertFalse(os.path.exists(self.db))

    def test_a_bad_file_leaves_an_existing_database_alone(self):
        self.add_acme()
        self.write_config("[rules]\ncall_hour = 25:00\n")
        for args in [["add", "--company", "Globex", "--with", "Hank Scorpio"],
                     ["app", "edit", "1", "--decision", "2026-12-11"],
                     ["outcome", "1", "rejected"],
                     ["done", "1"],
                     ["snooze", "1", "2d"],
                     ["remind", "add", "--app", "1", "--due", "tomorrow", "Call"],
                     ["agenda"]]:
            with self.subTest(args=args):
                _, err = self.assert_refused(2, *args, contains=self.config_path)
                self.assertIn("call_hour", err)
        # Fixed, everything works again.
        self.write_config("[rules]\ncall_hour = 11:00\n")
        self.ok("app", "edit", "1", "--decision", "2026-12-11")
        self.assertEqual([r["due"] for r in self.of_rule("follow_up_call")],
                         ["2026-12-14T11:00:00+01:00"])

    def test_a_folder_where_the_file_should_be(self):
        os.makedirs(self.config_path)
        rc, out, err = self.jt("config")
        self.assertEqual(rc, 2)
        self.assert_error_line(err, self.config_path)
        rc, out, err = self.jt("add", "--company", "Acme", db=False)
        self.assertEqual(rc, 2)
        self.assert_error_line(err, self.config_path)
        self.assertFalse(os.path.exists(self.data_home))

    def test_a_bad_jobtrack_config_file(self):
        other = self.write_config("[rules]\nnetwork_days = 0\n",
                                  path=os.path.join(self.tmp, "jt.ini"))
        rc, out, err = self.jt("config", env={"JOBTRACK_CONFIG": other})
        self.assertEqual(rc, 2)
        self.assert_error_line(err, other)
        self.assertIn("network_days", err)
        # The default file is not read then, so it may be fine while this one is not.
        self.ok("config")


if __name__ == "__main__":
    unittest.main(verbosity=2)
