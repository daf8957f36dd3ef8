#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack interview list|show|edit|rm` (interviews are logged with `jobtrack add`)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class InterviewTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        # Application 1 (Acme) with interviews 1 and 3, application 2 (Globex) with 2.
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00",
                "--kind", "phone", "--with", "Ann Lee <ann@acme.example>, Recruiter")
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", "2026-11-25 15:00",
                "--kind", "video", "--where", "https://meet.example/g",
                "--with", "Omar Diaz")
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-18 09:00",
                "--duration", "2h", "--kind", "onsite", "--where", "Acme HQ",
                "--with", "Raj Patel <raj@acme.example>, CTO", "--with", "Ann Lee",
                "--rating", "4", "--notes", "Whiteboard session")

    def interviews(self, *args, **kwargs):
        return self.json_of("interview", "list", "--json", *args, **kwargs)

    def interview(self, interview_id, **kwargs):
        return self.json_of("interview", "show", str(interview_id), "--json", **kwargs)

    def test_list_json_shape_and_order(self):
        listed = self.interviews()
        # By start time.
        self.assertEqual([i["id"] for i in listed], [3, 1, 2])
        for i in listed:
            self.assertTrue({"id", "application", "start", "end", "kind", "where",
                             "interviewers"} <= set(i), i)
            self.assertEqual(set(i["application"]), {"id", "company", "role"})
            for person in i["interviewers"]:
                self.assertTrue({"id", "name", "email"} <= set(person), person)
        by_id = {i["id"]: i for i in listed}
        self.assertEqual(by_id[2]["application"], {"id": 2, "company": "Globex", "role": "SRE"})
        self.assertEqual(by_id[2]["start"], "2026-11-25T15:00:00+01:00")
        self.assertEqual(by_id[2]["end"], "2026-11-25T16:00:00+01:00")
        self.assertEqual(by_id[2]["kind"], "video")
        self.assertEqual(by_id[2]["where"], "https://meet.example/g")
        self.assertEqual([p["name"] for p in by_id[2]["interviewers"]], ["Omar Diaz"])
        self.assertEqual(by_id[3]["application"],
                         {"id": 1, "company": "Acme", "role": "Engineer"})
        self.assertEqual(by_id[3]["end"], "2026-11-18T11:00:00+01:00")
        self.assertEqual(sorted((p["name"], p["email"]) for p in by_id[3]["interviewers"]),
                         [("Ann Lee", "ann@acme.example"), ("Raj Patel", "raj@acme.example")])
        self.assertIsNone(by_id[1]["where"])

    def test_list_of_one_application(self):
        self.assertEqual([i["id"] for i in self.interviews("--app", "1")], [3, 1])
        self.assertEqual([i["id"] for i in self.interviews("--app", "2")], [2])
        text = self.ok("interview", "list", "--app", "2")
        self.assertIn("Globex", text)
        self.assertNotIn("Acme", text)

    def test_list_text(self):
        text = self.ok("interview", "list")
        lines = text.splitlines()
        for company, kind in [("Acme", "phone"), ("Globex", "video"), ("Acme", "onsite")]:
            self.assertTrue(any(company in line and kind in line for line in lines), text)

    def test_show(self):
        interview = self.interview(3)
        self.assertEqual(interview, [i for i in self.interviews() if i["id"] == 3][0])
        self.assertEqual(interview["rating"], 4)
        self.assertEqual(interview["notes"], "Whiteboard session")
        text = self.ok("interview", "show", "3")
        for piece in ["Acme", "Engineer", "onsite", "Acme HQ", "Raj Patel", "CTO", "Ann Lee",
                      "4/5", "Whiteboard session", "18 Nov 2026", "09:00"]:
            self.assertIn(piece, text)

    def test_edit_fields(self):
        self.ok("interview", "edit", "1", "--at", "2026-11-21 11:30", "--duration", "45m",
                "--kind", "panel", "--where", "Room 5", "--rating", "2",
                "--said", "Talked salary", "--edge", "Domain knowledge",
                "--problems", "Legacy code", "--objections", "Too junior",
                "--next-step", "Wait", "--may-call", "2026-12-02 10:00", "--notes", "Meh")
        i = self.interview(1)
        self.assertEqual((i["start"], i["end"]),
                         ("2026-11-21T11:30:00+01:00", "2026-11-21T12:15:00+01:00"))
        self.assertEqual(i["kind"], "panel")
        self.assertEqual(i["where"], "Room 5")
        self.assertEqual(i["rating"], 2)
        self.assertEqual(i["said"], "Talked salary")
        self.assertEqual(i["edge"], "Domain knowledge")
        self.assertEqual(i["problems"], "Legacy code")
        self.assertEqual(i["objections"], "Too junior")
        self.assertEqual(i["next_step"], "Wait")
        self.assertEqual(i["may_call"], "2026-12-02T10:00:00+01:00")
        self.assertEqual(i["notes"], "Meh")
        # The people met are unchanged without --with.
        self.assertEqual([p["name"] for p in i["interviewers"]], ["Ann Lee"])
        # An empty value clears.
        self.ok("interview", "edit", "1", "--where", "", "--rating", "", "--notes", "")
        i = self.interview(1)
        self.assertIsNone(i["where"])
        self.assertIsNone(i["rating"])
        self.assertIsNone(i["notes"])
        self.assertEqual(i["kind"], "panel")
        # The other interviews did not change.
        self.assertEqual(self.interview(3)["notes"], "Whiteboard session")

    def test_edit_the_people_met(self):
        contacts_before = self.json_of("contact", "list", "--json")
        raj = [c for c in contacts_before if c["name"] == "Raj Patel"][0]
        self.ok("interview", "edit", "1", "--with", "Raj Patel", "--with",
                "Lena Berg <lena@acme.example>, Engineer")
        met = self.interview(1)["interviewers"]
        self.assertEqual(sorted(p["name"] for p in met), ["Lena Berg", "Raj Patel"])
        # Raj is the same contact as before; Lena is new, at the application's company.
        self.assertIn(raj["id"], [p["id"] for p in met])
        contacts = {c["name"]: c for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(len(contacts), len(contacts_before) + 1)
        self.assertEqual(contacts["Lena Berg"]["company"], "Acme")
        # --with "" leaves nobody.
        self.ok("interview", "edit", "1", "--with", "")
        self.assertEqual(self.interview(1)["interviewers"], [])

    def test_rm(self):
        contacts = self.json_of("contact", "list", "--json")
        self.assert_refused(2, "interview", "rm", "3")
        self.ok("interview", "rm", "3", "--yes")
        self.assertEqual([i["id"] for i in self.interviews()], [1, 2])
        self.assert_refused(1, "interview", "show", "3", contains="no interview 3")
        # The people met stay, and so does the application.
        self.assertEqual(self.json_of("contact", "list", "--json"), contacts)
        self.assertEqual([i["id"] for i in self.show(1)["interviews"]], [1])

    def test_unknown_interview(self):
        for args in [["interview", "show", "42"], ["interview", "show", "42", "--json"],
                     ["interview", "edit", "42", "--notes", "x"],
                     ["interview", "rm", "42", "--yes"]]:
            with self.subTest(args=args):
                _, err = self.assert_refused(1, *args)
                self.assertEqual(err, "jobtrack: no interview 42\n")
        _, err = self.assert_refused(1, "interview", "list", "--app", "42")
        self.assertEqual(err, "jobtrack: no application 42\n")

    def test_bad_input_changes_nothing(self):
        for args in [["interview", "edit", "1", "--rating", "9"],
                     ["interview", "edit", "1", "--kind", "lunch"],
                     ["interview", "edit", "1", "--at", "next blursday"],
                     ["interview", "edit", "1", "--may-call", "whenever"],
                     ["interview", "edit", "1", "--duration", "0m"],
                     ["interview", "edit", "1", "--duration", "2 days"],
                     ["interview", "edit", "1", "--with", "Raj <raj"],
                     ["interview", "edit", "1", "--notes", "x", "--rating", "6"],
                     ["interview", "edit", "x", "--notes", "y"],
                     ["interview", "edit", "--notes", "y"],
                     ["interview", "show"],
                     ["interview", "show", "-3"],
                     ["interview", "rm", "abc", "--yes"],
                     ["interview", "list", "--app", "abc"],
                     ["interview", "list", "extra"]]:
            with self.subTest(args=args):
                self.assert_refused(2, *args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
