#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack add`: logging an interview right after it happened."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase, Terminal  # noqa: E402


class AddTest(JobtrackTestCase):

    def people_by_name(self, contacts):
        return {c["name"]: c for c in contacts}

    def test_every_flag_is_recorded(self):
        out = self.ok(
            "add", "--company", "Acme", "--role", "Platform Engineer",
            "--at", "2026-12-03 14:30", "--duration", "45m", "--kind", "video",
            "--where", "https://meet.example/abc",
            "--with", "Raj Patel <raj@acme.example>, CTO",
            "--with", "Ann Lee, Head of People",
            "--decision-maker", "Raj Patel",
            "--decision", "2026-12-15",
            "--rating", "4",
            "--said", "They liked the migration story",
            "--edge", "Ran the same migration twice",
            "--problems", "Deploys take a day; propose canaries",
            "--objections", "No Kubernetes in production",
            "--next-step", "Take-home by Friday",
            "--may-call", "2026-12-16 10:00",
            "--notes", "Good meeting, warm team")
        self.assertRegex(out, r"\binterview 1\b")

        story = self.show(1)
        self.assertEqual(story["id"], 1)
        self.assertEqual(story["company"], "Acme")
        self.assertEqual(story["role"], "Platform Engineer")
        self.assertEqual(story["status"], "interviewing")
        self.assertEqual(story["decision_date"], "2026-12-15")
        self.assertEqual([h["status"] for h in story["status_history"]], ["interviewing"])
        self.assertEqual(len(story["interviews"]), 1)

        interview = story["interviews"][0]
        self.assertEqual(interview["id"], 1)
        self.assertEqual(interview["application"],
                         {"id": 1, "company": "Acme", "role": "Platform Engineer"})
        self.assertEqual(interview["start"], "2026-12-03T14:30:00+01:00")
        self.assertEqual(interview["end"], "2026-12-03T15:15:00+01:00")
        self.assertEqual(interview["duration_min"], 45)
        self.assertEqual(interview["kind"], "video")
        self.assertEqual(interview["where"], "https://meet.example/abc")
        self.assertEqual(interview["rating"], 4)
        self.assertEqual(interview["said"], "They liked the migration story")
        self.assertEqual(interview["edge"], "Ran the same migration twice")
        self.assertEqual(interview["problems"], "Deploys take a day; propose canaries")
        self.assertEqual(interview["objections"], "No Kubernetes in production")
        self.assertEqual(interview["next_step"], "Take-home by Friday")
        self.assertEqual(interview["may_call"], "2026-12-16T10:00:00+01:00")
        self.assertEqual(interview["notes"], "Good meeting, warm team")
        met = sorted((p["name"], p["email"], p["title"]) for p in interview["interviewers"])
        self.assertEqual(met, [("Ann Lee", None, "Head of People"),
                               ("Raj Patel", "raj@acme.example", "CTO")])

        # The same interview through `interview list --json`.
        listed = self.json_of("interview", "list", "--json")
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0]["id"], 1)
        self.assertEqual(listed[0]["application"],
                         {"id": 1, "company": "Acme", "role": "Platform Engineer"})
        self.assertEqual(listed[0]["start"], "2026-12-03T14:30:00+01:00")
        self.assertEqual(listed[0]["end"], "2026-12-03T15:15:00+01:00")
        self.assertEqual(listed[0]["kind"], "video")
        self.assertEqual(listed[0]["where"], "https://meet.example/abc")
        self.assertEqual(sorted(p["name"] for p in listed[0]["interviewers"]),
                         ["Ann Lee", "Raj Patel"])
        for person in listed[0]["interviewers"]:
            self.assertEqual(set(person) >= {"id", "name", "email"}, True, person)

        # The people met are contacts of the company, with their titles and roles.
        contacts = self.people_by_name(self.json_of("contact", "list", "--json"))
        self.assertEqual(sorted(contacts), ["Ann Lee", "Raj Patel"])
        self.assertEqual(contacts["Raj Patel"]["email"], "raj@acme.example")
        self.assertEqual(contacts["Raj Patel"]["title"], "CTO")
        self.assertEqual(contacts["Raj Patel"]["company"], "Acme")
        self.assertEqual(contacts["Raj Patel"]["roles"], ["decision-maker"])
        self.assertEqual(contacts["Ann Lee"]["title"], "Head of People")
        self.assertEqual(contacts["Ann Lee"]["company"], "Acme")
        self.assertEqual(contacts["Ann Lee"]["roles"], [])

    def test_decision_maker_among_the_people_met_is_not_a_new_contact(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Raj Patel <raj@acme.example>, CTO",
                           "--with", "Ann Lee",
                           "--decision-maker", "Raj Patel")
        story = self.show(1)
        people = self.people_by_name(story["contacts"])
        self.assertEqual(sorted(people), ["Ann Lee", "Raj Patel"])
        self.assertEqual(people["Raj Patel"]["roles"], ["decision-maker"])
        self.assertEqual(people["Ann Lee"]["roles"], [])
        self.assertEqual(sorted(p["name"] for p in story["interviews"][0]["interviewers"]),
                         ["Ann Lee", "Raj Patel"])

    def test_decision_maker_not_met_is_a_new_contact_of_the_application(self):
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                                 "--with", "Ann Lee <ann@acme.example>",
                                 "--decision-maker", "Bob Stone")
        self.assertIn("Bob Stone", out)
        story = self.show(1)
        people = self.people_by_name(story["contacts"])
        self.assertEqual(sorted(people), ["Ann Lee", "Bob Stone"])
        self.assertEqual(people["Bob Stone"]["roles"], ["decision-maker"])
        self.assertEqual(people["Bob Stone"]["company"], "Acme")
        # Bob was not in the room.
        self.assertEqual([p["name"] for p in story["interviews"][0]["interviewers"]],
                         ["Ann Lee"])
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual(sorted(c["name"] for c in contacts), ["Ann Lee", "Bob Stone"])

    def test_default_duration_is_one_hour(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-02 10:00")
        interview = self.show(1)["interviews"][0]
        self.assertEqual(interview["start"], "2026-12-02T10:00:00+01:00")
        self.assertEqual(interview["end"], "2026-12-02T11:00:00+01:00")
        self.assertEqual(interview["duration_min"], 60)

    def test_without_at_the_interview_just_ended(self):
        self.add_interview("Acme", "Engineer", "--duration", "45m")
        interview = self.show(1)["interviews"][0]
        self.assertEqual(interview["start"], "2026-12-01T08:15:00+01:00")
        self.assertEqual(interview["end"], "2026-12-01T09:00:00+01:00")

    def test_durations(self):
        for i, (text, minutes) in enumerate([("45m", 45), ("90min", 90), ("1h30m", 90),
                                             ("2h", 120), ("30 minutes", 30)], start=1):
            with self.subTest(duration=text):
                self.add_interview("Acme", "Engineer", "--at", "2026-12-02 10:00",
                                   "--duration", text)
                interview = [i_ for i_ in self.json_of("interview", "list", "--json")
                             if i_["id"] == i][0]
                self.assertEqual(interview["duration_min"], minutes)

    def test_kinds(self):
        for kind in ["phone", "video", "onsite", "panel", "final"]:
            with self.subTest(kind=kind):
                self.add_interview("Acme", "Engineer", "--at", "2026-12-02 10:00",
                                   "--kind", kind)
                self.assertEqual(self.json_of("interview", "list", "--json")[-1]["kind"], kind)

    def test_same_company_and_role_in_other_case_reuses_the_application(self):
        first = self.add_interview("Acme", "Platform Engineer", "--at", "2026-12-01 08:00")
        second = self.add_interview("ACME", "platform engineer", "--at", "2026-12-08 10:00")
        self.assertRegex(first, r"(?im)^.*\bapplication 1\b.*\bnew\b")
        self.assertRegex(second, r"(?im)^.*\bapplication 1\b.*\bexisting\b")
        self.assertRegex(second, r"\binterview 2\b")
        apps = self.apps()
        self.assertEqual(len(apps), 1)
        self.assertEqual(apps[0]["company"], "Acme")
        self.assertEqual(apps[0]["role"], "Platform Engineer")
        self.assertEqual([i["start"] for i in self.show(1)["interviews"]],
                         ["2026-12-01T08:00:00+01:00", "2026-12-08T10:00:00+01:00"])

    def test_a_later_decision_date_moves_the_applications(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--decision", "2026-12-10")
        self.add_interview("Acme", "Engineer", "--at", "2026-12-08 08:00",
                           "--decision", "2026-12-18")
        self.assertEqual(self.show(1)["decision_date"], "2026-12-18")
        # Without --decision, the date stays.
        self.add_interview("Acme", "Engineer", "--at", "2026-12-09 08:00")
        self.assertEqual(self.show(1)["decision_date"], "2026-12-18")

    def test_same_company_in_other_non_ascii_case_reuses_the_application(self):
        self.add_interview("Société Générale", "Analyste", "--at", "2026-12-01 08:00")
        out = self.add_interview("SOCIÉTÉ GÉNÉRALE", "ANALYSTE", "--at", "2026-12-08 08:00")
        self.assertRegex(out, r"(?im)^.*\bapplication 1\b.*\bexisting\b")
        self.assertEqual(len(self.apps()), 1)

    def test_decision_maker_named_in_another_case_is_the_person_met(self):
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                                 "--with", "Raj Patel <raj@acme.example>",
                                 "--decision-maker", "raj patel")
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual([(c["name"], c["roles"]) for c in contacts],
                         [("Raj Patel", ["decision-maker"])])
        # The output names each person once, as new or as existing, not both.
        lines = [line for line in out.splitlines() if re.search(r"\bcontact 1\b", line)]
        self.assertEqual(len(lines), 1, out)

    def test_other_role_is_a_new_application(self):
        self.add_interview("Acme", "Platform Engineer", "--at", "2026-12-01 08:00")
        out = self.add_interview("Acme", "Data Engineer", "--at", "2026-12-01 08:00", "--quiet")
        self.assertRegex(out, r"(?im)^.*\bapplication 2\b.*\bnew\b")
        apps = self.apps()
        self.assertEqual([(a["id"], a["role"], a["status"]) for a in apps],
                         [(1, "Platform Engineer", "interviewing"),
                          (2, "Data Engineer", "interviewing")])
        self.assertEqual(len(self.show(1)["interviews"]), 1)
        self.assertEqual(len(self.show(2)["interviews"]), 1)

    def test_a_rejected_application_is_not_reused(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-11-01 10:00")
        self.ok("app", "edit", "1", "--status", "rejected", now="2026-11-10T09:00:00")
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00", "--quiet")
        self.assertRegex(out, r"(?im)^.*\bapplication 2\b.*\bnew\b")
        apps = self.apps()
        self.assertEqual([(a["id"], a["status"]) for a in apps],
                         [(1, "rejected"), (2, "interviewing")])
        self.assertEqual(len(self.show(1)["interviews"]), 1)

    def test_same_email_is_the_same_person(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Raj Patel <raj@acme.example>, CTO")
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-08 08:00",
                                 "--with", "Rajesh Patel <RAJ@acme.example>")
        self.assertRegex(out, r"(?im)^.*\bcontact 1\b.*\bexisting\b")
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual(len(contacts), 1, contacts)
        self.assertEqual(contacts[0]["title"], "CTO")
        for interview in self.show(1)["interviews"]:
            self.assertEqual([p["id"] for p in interview["interviewers"]], [contacts[0]["id"]])

    def test_same_name_is_the_same_person_and_gains_the_email(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Ann Lee, Recruiter")
        self.add_interview("Acme", "Engineer", "--at", "2026-12-08 08:00",
                           "--with", "Ann Lee <ann@acme.example>")
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual(len(contacts), 1, contacts)
        self.assertEqual(contacts[0]["name"], "Ann Lee")
        self.assertEqual(contacts[0]["email"], "ann@acme.example")
        self.assertEqual(contacts[0]["title"], "Recruiter")

    def test_same_person_twice_in_one_interview_is_one_contact(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Raj Patel <raj@acme.example>",
                           "--with", "Raj Patel <raj@acme.example>")
        self.assertEqual(len(self.json_of("contact", "list", "--json")), 1)
        self.assertEqual(len(self.show(1)["interviews"][0]["interviewers"]), 1)

    def test_same_name_at_another_company_is_another_person(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Ann Lee")
        self.add_interview("Globex", "Engineer", "--at", "2026-12-01 08:00",
                           "--with", "Ann Lee")
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual(sorted((c["name"], c["company"]) for c in contacts),
                         [("Ann Lee", "Acme"), ("Ann Lee", "Globex")])

    def test_output_names_what_was_created_and_reused(self):
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00",
                                 "--with", "Raj Patel <raj@acme.example>")
        self.assertRegex(out, r"\binterview 1\b")
        self.assertRegex(out, r"(?im)^.*\bapplication 1\b.*\bnew\b")
        self.assertRegex(out, r"(?im)^.*\bcontact 1\b.*\bnew\b.*Raj Patel")
        out = self.add_interview("Acme", "Engineer", "--at", "2026-12-02 08:00",
                                 "--with", "Raj Patel <raj@acme.example>",
                                 "--with", "Kim Park")
        self.assertRegex(out, r"\binterview 2\b")
        self.assertRegex(out, r"(?im)^.*\bapplication 1\b.*\bexisting\b")
        self.assertRegex(out, r"(?im)^.*\bcontact 1\b.*\bexisting\b.*Raj Patel")
        self.assertRegex(out, r"(?im)^.*\bcontact 2\b.*\bnew\b.*Kim Park")

    def test_bad_input_changes_nothing(self):
        self.add_interview("Acme", "Engineer", "--at", "2026-12-01 08:00")
        base = ["add", "--company", "Acme", "--role", "Engineer"]
        cases = [
            (["--rating", "9"], "9"),
            (["--rating", "0"], "0"),
            (["--rating", "four"], "four"),
            (["--kind", "dinner"], "dinner"),
            (["--duration", "0m"], "0m"),
            (["--duration", "forever"], "forever"),
            (["--duration", "25h"], None),
            (["--duration", "3 months"], None),
            (["--at", "next blursday"], "next blursday"),
            (["--decision", "someday"], "someday"),
            (["--may-call", "soonish"], "soonish"),
            (["--with", "Raj Patel <raj@acme.example"], None),
            (["--with", "Raj Patel <not-an-email>"], None),
            (["--with", "<raj@acme.example>"], None),
            (["--with", ""], None),
            (["--decision-maker", ""], None),
            (["--with", "Ann Lee", "--influencer", "  "], None),
            (["stray-argument"], None),
            (["--no-such-flag"], None),
        ]
        for extra, named in cases:
            with self.subTest(extra=extra):
                self.assert_refused(2, *(base + extra), contains=named)
        for company in ["", "   "]:
            with self.subTest(company=company):
                self.assert_refused(2, "add", "--company", company, "--role", "Engineer")
        with self.subTest("no company"):
            self.assert_refused(2, "add", "--role", "Engineer", "--at", "2026-12-01 08:00")
        self.assertEqual(len(self.json_of("interview", "list", "--json")), 1)

    def test_no_flags_without_a_terminal_asks_nothing_and_saves_nothing(self):
        rc, out, err = self.jt("add")
        self.assertEqual(rc, 2)
        self.assert_error_line(err)
        rc, out, err = self.jt("add", input="Acme\nEngineer\n")
        self.assertEqual(rc, 2)
        self.assert_error_line(err)
        self.assertNotIn("Acme", out)
        if os.path.exists(self.db):
            self.assertEqual(self.apps(), [])


class InteractiveAddTest(JobtrackTestCase):
    """`jobtrack add` with no flags on a terminal asks the assessment questions."""

    def terminal(self):
        return Terminal(self.command(["add"]), self.environment())

    def test_questions_answered_one_by_one_are_saved(self):
        t = self.terminal()
        t.answer("company", "Globex")
        t.answer("role", "Site Reliability Engineer")
        t.answer("start", "2026-12-01 10:00")
        t.answer("long", "45m")
        t.answer("kind", "video")
        t.answer("where", "https://meet.example/xyz")
        t.answer("how did it go", "9")      # not 1-5: asked again
        t.answer("how did it go", "4")
        t.answer("what did they say", "They need on-call help")
        t.answer("met", "Hana Ito <hana@globex.example>, VP Engineering")
        t.answer("met", "Omar Diaz, SRE Lead")
        t.answer("met", "")
        t.answer("decision-maker", "Hana Ito")
        t.answer("influence", "Omar Diaz")
        t.answer("decide", "2026-12-11")
        t.answer("other candidates", "Ran on-call for 5 years")
        t.answer("problems", "Pager fatigue; propose SLOs")
        t.answer("objections", "No Go experience")
        t.answer("next step", "Final round with the CTO")
        t.answer("call", "2026-12-14 09:00")
        t.answer("summary", "Strong fit, they want someone by January")
        rc = t.finish()
        self.assertEqual(rc, 0, t.text())
        self.assertRegex(t.text(), r"\binterview 1\b")

        story = self.show(1)
        self.assertEqual((story["company"], story["role"], story["status"]),
                         ("Globex", "Site Reliability Engineer", "interviewing"))
        self.assertEqual(story["decision_date"], "2026-12-11")
        interview = story["interviews"][0]
        self.assertEqual(interview["start"], "2026-12-01T10:00:00+01:00")
        self.assertEqual(interview["end"], "2026-12-01T10:45:00+01:00")
        self.assertEqual(interview["kind"], "video")
        self.assertEqual(interview["where"], "https://meet.example/xyz")
        self.assertEqual(interview["rating"], 4)
        self.assertEqual(interview["said"], "They need on-call help")
        self.assertEqual(interview["edge"], "Ran on-call for 5 years")
        self.assertEqual(interview["problems"], "Pager fatigue; propose SLOs")
        self.assertEqual(interview["objections"], "No Go experience")
        self.assertEqual(interview["next_step"], "Final round with the CTO")
        self.assertEqual(interview["may_call"], "2026-12-14T09:00:00+01:00")
        self.assertEqual(interview["notes"], "Strong fit, they want someone by January")
        self.assertEqual(sorted((p["name"], p["email"], p["title"])
                                for p in interview["interviewers"]),
                         [("Hana Ito", "hana@globex.example", "VP Engineering"),
                          ("Omar Diaz", None, "SRE Lead")])
        people = {c["name"]: c for c in story["contacts"]}
        self.assertEqual(sorted(people), ["Hana Ito", "Omar Diaz"])
        self.assertEqual(people["Hana Ito"]["roles"], ["decision-maker"])
        self.assertEqual(people["Omar Diaz"]["roles"], ["influencer"])

    def test_every_answer_but_the_company_may_be_skipped(self):
        t = self.terminal()
        t.answer("company", "Initech")
        for question in ["role", "start", "long", "kind", "where", "how did it go",
                         "what did they say", "met", "decision-maker", "influence", "decide",
                         "other candidates", "problems", "objections", "next step", "call",
                         "summary"]:
            t.answer(question, "")
        rc = t.finish()
        self.assertEqual(rc, 0, t.text())
        story = self.show(1)
        self.assertEqual(story["company"], "Initech")
        self.assertIsNone(story["decision_date"])
        interview = story["interviews"][0]
        # Skipped: the one-hour interview that just ended.
        self.assertEqual(interview["start"], "2026-12-01T08:00:00+01:00")
        self.assertEqual(interview["end"], "2026-12-01T09:00:00+01:00")
        self.assertEqual(interview["interviewers"], [])
        for field in ["rating", "said", "edge", "problems", "objections", "next_step",
                      "may_call", "notes"]:
            self.assertIsNone(interview[field], field)

    def test_the_db_option_after_add_still_asks(self):
        # --db says where to save, it is not an answer: the questions are still asked.
        path = os.path.join(self.tmp, "elsewhere.db")
        t = Terminal(self.command(["add", "--db", path], db=False), self.environment())
        t.answer("company", "Umbrella")
        for question in ["role", "start", "long", "kind", "where", "how did it go",
                         "what did they say", "met", "decision-maker", "influence", "decide",
                         "other candidates", "problems", "objections", "next step", "call",
                         "summary"]:
            t.answer(question, "")
        self.assertEqual(t.finish(), 0, t.text())
        self.assertEqual([a["company"] for a in self.apps(db=path)], ["Umbrella"])

    def test_end_of_input_midway_saves_nothing(self):
        t = self.terminal()
        t.answer("company", "Globex")
        t.answer("role", "SRE")
        t.answer("start", "2026-12-01 10:00")
        t.expect("long")
        t.send("\x04")  # Ctrl-D at the start of a line: end of input
        rc = t.finish()
        self.assertNotEqual(rc, 0, t.text())
        self.assertEqual(self.apps(), [])
        self.assertEqual(self.json_of("interview", "list", "--json"), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
