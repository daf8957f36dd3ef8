#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack app add|list|show|edit|rm` and `jobtrack show`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase, Terminal  # noqa: E402

STATUSES = ["lead", "applied", "interviewing", "offer", "accepted", "declined", "rejected",
            "withdrawn"]


class AppTest(JobtrackTestCase):

    def add_app(self, *args, **kwargs):
        return self.ok("app", "add", *args, **kwargs)

    def test_add_then_show(self):
        out = self.add_app("--company", "Acme", "--role", "Engineer", "--source", "referral",
                           "--url", "https://jobs.example/42", "--status", "lead",
                           "--interest", "4", "--notes", "Found via Ann",
                           "--decision", "2026-12-20")
        self.assertRegex(out, r"\b1\b")
        story = self.show(1)
        expected = {"id": 1, "company": "Acme", "role": "Engineer", "source": "referral",
                    "url": "https://jobs.example/42", "status": "lead", "interest": 4,
                    "notes": "Found via Ann", "decision_date": "2026-12-20",
                    "created": "2026-12-01T09:00:00+01:00"}
        for key, value in expected.items():
            self.assertEqual(story[key], value, key)
        self.assertEqual(story["status_history"],
                         [{"status": "lead", "at": "2026-12-01T09:00:00+01:00"}])
        for key in ["interviews", "offers", "touches"]:
            self.assertEqual(story[key], [], key)
        # `app show` tells the same story.
        self.assertEqual(self.json_of("app", "show", "1", "--json"), story)
        # And so does the text form.
        text = self.ok("show", "1")
        for word in ["Acme", "Engineer", "lead", "2026-12-20", "referral",
                     "https://jobs.example/42", "Found via Ann"]:
            self.assertIn(word, text)

    def test_an_id_once_seen_never_means_another_record(self):
        # The newest application removed, with its interview, offer and the person met:
        # what comes next gets new ids, so "application 2" in a note, or the calendar's
        # interview-1@jobtrack, never comes to mean Umbrella's.
        self.ok("app", "add", "--company", "Globex")
        self.ok("add", "--company", "Initech", "--at", "2026-11-20 10:00",
                "--with", "Raj Patel <raj@initech.example>")
        self.ok("offer", "add", "--app", "2", "--received", "2026-11-25")
        self.ok("app", "rm", "2", "--yes")
        self.ok("add", "--company", "Umbrella", "--at", "2026-11-26 10:00",
                "--with", "Ana Lima <ana@umbrella.example>")
        self.ok("offer", "add", "--app", "3", "--received", "2026-11-27")
        shown = self.json_of("show", "3", "--json")
        self.assertEqual(shown["company"], "Umbrella")
        self.assertEqual([i["id"] for i in shown["interviews"]], [2])
        self.assertEqual([o["id"] for o in shown["offers"]], [2])
        self.assertEqual([c["id"] for c in self.json_of("contact", "list", "--json")], [2])
        rc, out, err = self.jt("show", "2")
        self.assertEqual(rc, 1)

    def test_add_only_needs_a_company(self):
        self.add_app("--company", "Acme")
        app = self.apps()[0]
        self.assertEqual((app["company"], app["role"]), ("Acme", ""))
        self.assertIn(app["status"], STATUSES)
        self.assertIsNone(app["decision_date"])

    def test_every_status_is_accepted(self):
        for i, status in enumerate(STATUSES, start=1):
            with self.subTest(status=status):
                self.add_app("--company", "Acme %d" % i, "--status", status)
                self.assertEqual(self.show(i)["status"], status)

    def test_list_json_shape(self):
        self.add_app("--company", "Acme", "--role", "Engineer", "--decision", "2026-12-20")
        self.add_app("--company", "Globex", "--status", "lead")
        apps = self.apps()
        self.assertIsInstance(apps, list)
        self.assertEqual(len(apps), 2)
        for app in apps:
            self.assertTrue({"id", "company", "role", "status", "decision_date"} <= set(app),
                            app)
            self.assertIsInstance(app["id"], int)
        by_company = {a["company"]: a for a in apps}
        self.assertEqual(by_company["Acme"]["role"], "Engineer")
        self.assertEqual(by_company["Acme"]["decision_date"], "2026-12-20")
        self.assertEqual(by_company["Globex"]["status"], "lead")
        self.assertIsNone(by_company["Globex"]["decision_date"])
        self.assertNotEqual(by_company["Acme"]["id"], by_company["Globex"]["id"])

    def test_list_text(self):
        self.assertEqual(self.apps(), [])
        self.ok("app", "list")
        self.add_app("--company", "Acme", "--role", "Engineer", "--decision", "2026-12-20")
        self.add_app("--company", "Globex", "--role", "SRE", "--status", "lead")
        text = self.ok("app", "list")
        acme = [line for line in text.splitlines() if "Acme" in line]
        globex = [line for line in text.splitlines() if "Globex" in line]
        self.assertEqual(len(acme), 1, text)
        self.assertEqual(len(globex), 1, text)
        self.assertIn("Engineer", acme[0])
        self.assertIn("2026-12-20", acme[0])
        self.assertIn("SRE", globex[0])
        self.assertIn("lead", globex[0])

    def test_edit_changes_fields_and_an_empty_value_clears_one(self):
        self.add_app("--company", "Acme", "--role", "Engineer", "--source", "board",
                     "--interest", "2", "--notes", "meh")
        self.ok("app", "edit", "1", "--role", "Staff Engineer", "--interest", "5",
                "--notes", "much better", "--url", "https://jobs.example/7",
                now="2026-12-02T10:00:00")
        story = self.show(1)
        self.assertEqual(story["company"], "Acme")
        self.assertEqual(story["role"], "Staff Engineer")
        self.assertEqual(story["source"], "board")
        self.assertEqual(story["interest"], 5)
        self.assertEqual(story["notes"], "much better")
        self.assertEqual(story["url"], "https://jobs.example/7")
        self.ok("app", "edit", "1", "--source", "", "--notes", "")
        story = self.show(1)
        self.assertIsNone(story["source"])
        self.assertIsNone(story["notes"])
        self.assertEqual(story["role"], "Staff Engineer")

    def test_every_status_change_is_dated(self):
        self.add_app("--company", "Acme", "--status", "applied", now="2026-11-02T10:00:00")
        self.ok("app", "edit", "1", "--status", "interviewing", now="2026-11-10T14:00:00")
        self.ok("app", "edit", "1", "--notes", "no status change", now="2026-11-12T14:00:00")
        self.ok("app", "edit", "1", "--status", "offer", now="2026-11-20T16:30:00")
        self.ok("app", "edit", "1", "--status", "accepted", now="2026-11-22T09:15:00")
        story = self.show(1)
        self.assertEqual(story["status"], "accepted")
        self.assertEqual(story["status_history"], [
            {"status": "applied", "at": "2026-11-02T10:00:00+01:00"},
            {"status": "interviewing", "at": "2026-11-10T14:00:00+01:00"},
            {"status": "offer", "at": "2026-11-20T16:30:00+01:00"},
            {"status": "accepted", "at": "2026-11-22T09:15:00+01:00"},
        ])
        text = self.ok("show", "1")
        for status in ["applied", "interviewing", "offer", "accepted"]:
            self.assertIn(status, text)
        self.assertIn("20 Nov 2026", text)

    def test_the_decision_date_moves(self):
        self.add_app("--company", "Acme", "--decision", "2026-12-10")
        self.assertEqual(self.apps()[0]["decision_date"], "2026-12-10")
        self.ok("app", "edit", "1", "--decision", "2026-12-18", now="2026-12-09T09:00:00")
        self.assertEqual(self.apps()[0]["decision_date"], "2026-12-18")
        self.assertEqual(self.show(1)["decision_date"], "2026-12-18")
        self.assertIn("2026-12-18", self.ok("show", "1"))
        self.ok("app", "edit", "1", "--decision", "friday", now="2026-12-15T09:00:00")
        self.assertEqual(self.show(1)["decision_date"], "2026-12-18")
        self.ok("app", "edit", "1", "--decision", "in 2 weeks", now="2026-12-15T09:00:00")
        self.assertEqual(self.show(1)["decision_date"], "2026-12-29")

    def test_show_tells_the_whole_story(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--kind", "panel", "--where", "HQ, room 4",
                "--with", "Raj Patel <raj@acme.example>, CTO", "--decision-maker", "Raj Patel",
                "--decision", "2026-12-11", "--rating", "5", "--objections", "Too senior?",
                "--notes", "Went well")
        text = self.ok("show", "1")
        for piece in ["Acme", "Engineer", "interviewing", "2026-12-11", "panel",
                      "HQ, room 4", "Raj Patel", "raj@acme.example", "CTO", "decision-maker",
                      "Too senior?", "Went well", "30 Nov 2026", "10:00"]:
            self.assertIn(piece, text)
        story = self.show(1)
        self.assertEqual(len(story["interviews"]), 1)
        self.assertEqual(story["interviews"][0]["interviewers"][0]["name"], "Raj Patel")

    def test_show_tells_the_skills_to_restate(self):
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer")
        self.assertNotIn("Skills:", self.ok("show", "1"))
        self.assertEqual(self.show(1)["skills"], [])
        self.ok("app", "edit", "1", "--skills", "Go, incident response,  Kubernetes")
        self.assertIn("\n  Skills: Go, incident response, Kubernetes\n", self.ok("show", "1"))
        self.assertEqual(self.show(1)["skills"], ["Go", "incident response", "Kubernetes"])
        # What the person typed is text on the terminal.
        self.ok("app", "edit", "1", "--skills", "Go\x1b[2J, \u202eSRE")
        self.assertIn("\n  Skills: Go [2J, SRE\n", self.ok("show", "1"))

    def test_rm_needs_yes_when_not_on_a_terminal(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--with", "Raj Patel")
        self.assert_refused(2, "app", "rm", "1")
        self.assert_refused(2, "app", "rm", "1", input="y\n")
        self.assertEqual(len(self.apps()), 1)
        self.ok("app", "rm", "1", "--yes")
        self.assertEqual(self.apps(), [])
        self.assert_refused(1, "show", "1", contains="no application 1")

    def test_rm_on_a_terminal_asks(self):
        self.add_app("--company", "Acme", "--role", "Engineer")
        t = Terminal(self.command(["app", "rm", "1"]), self.environment())
        t.answer("remove", "n")
        self.assertNotEqual(t.finish(), 0, t.text())
        self.assertEqual(len(self.apps()), 1)
        t = Terminal(self.command(["app", "rm", "1"]), self.environment())
        t.answer("remove", "y")
        self.assertEqual(t.finish(), 0, t.text())
        self.assertEqual(self.apps(), [])

    def test_rm_removes_interviews_and_people_who_belonged_to_it_alone(self):
        # Raj meets you for two roles; Ann only for the first.
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--with", "Raj Patel <raj@acme.example>", "--with", "Ann Lee")
        self.ok("add", "--company", "Acme", "--role", "SRE", "--at", "2026-11-30 14:00",
                "--with", "Raj Patel <raj@acme.example>", "--quiet")
        contacts = {c["name"]: c["id"] for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(sorted(contacts), ["Ann Lee", "Raj Patel"])
        self.ok("app", "rm", "1", "--yes")
        self.assertEqual([a["id"] for a in self.apps()], [2])
        interviews = self.json_of("interview", "list", "--json")
        self.assertEqual([i["application"]["id"] for i in interviews], [2])
        remaining = self.json_of("contact", "list", "--json")
        self.assertEqual([c["name"] for c in remaining], ["Raj Patel"])
        self.assertEqual(remaining[0]["id"], contacts["Raj Patel"])
        story = self.show(2)
        self.assertEqual([p["name"] for p in story["interviews"][0]["interviewers"]],
                         ["Raj Patel"])
        self.assertEqual([c["name"] for c in story["contacts"]], ["Raj Patel"])

    def test_unknown_application(self):
        self.add_app("--company", "Acme")
        for args in [["show", "42"], ["app", "show", "42"], ["show", "42", "--json"],
                     ["app", "edit", "42", "--notes", "x"],
                     ["app", "edit", "42", "--status", "offer"],
                     ["app", "rm", "42", "--yes"]]:
            with self.subTest(args=args):
                _, err = self.assert_refused(1, *args)
                self.assertEqual(err, "jobtrack: no application 42\n")

    def test_bad_input_changes_nothing(self):
        self.add_app("--company", "Acme", "--role", "Engineer", "--interest", "3")
        cases = [
            ["app", "add", "--company", "Globex", "--status", "hired"],
            ["app", "add", "--company", "Globex", "--interest", "9"],
            ["app", "add", "--company", "Globex", "--interest", "0"],
            ["app", "add", "--company", "Globex", "--interest", "lots"],
            ["app", "add", "--company", ""],
            ["app", "add", "--company", "  "],
            ["app", "add", "--role", "Engineer"],
            ["app", "add", "--company", "Globex", "extra"],
            ["app", "add", "--company", "Globex", "--decision", "someday"],
            ["app", "edit", "1", "--status", "hired"],
            ["app", "edit", "1", "--interest", "9"],
            ["app", "edit", "1", "--company", ""],
            ["app", "edit", "1", "--company", "Globex", "--interest", "9"],
            ["app", "edit", "one", "--notes", "x"],
            ["app", "edit", "0", "--notes", "x"],
            ["app", "edit", "-1", "--notes", "x"],
            ["app", "edit", "--notes", "x"],
            ["app", "show", "abc"],
            ["show"],
            ["show", "1", "2"],
            ["app", "rm", "abc", "--yes"],
            ["app", "frobnicate"],
            ["app", "list", "--bogus"],
        ]
        for args in cases:
            with self.subTest(args=args):
                self.assert_refused(2, *args)
        story = self.show(1)
        self.assertEqual((story["company"], story["interest"], story["status"]),
                         ("Acme", 3, self.apps()[0]["status"]))
        self.assertEqual(len(story["status_history"]), 1)

    def test_bad_status_names_the_choices(self):
        _, err = self.assert_refused(2, "app", "add", "--company", "Acme", "--status", "hired")
        self.assertIn("hired", err)
        self.assertIn("interviewing", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
