#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack contact add|list|show|edit|rm`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class ContactTest(JobtrackTestCase):

    def contacts(self, **kwargs):
        return self.json_of("contact", "list", "--json", **kwargs)

    def contact(self, contact_id, **kwargs):
        return self.json_of("contact", "show", str(contact_id), "--json", **kwargs)

    def test_add_with_every_field(self):
        out = self.ok("contact", "add", "--name", "Raj Patel", "--title", "CTO",
                      "--company", "Acme", "--email", "raj@acme.example",
                      "--phone", "+49 30 1234567", "--url", "https://social.example/raj",
                      "--roles", "decision-maker, influencer", "--hit-it-off", "--network",
                      "--notes", "Met at a meetup")
        self.assertRegex(out, r"\b1\b")
        listed = self.contacts()
        self.assertEqual(len(listed), 1)
        raj = listed[0]
        expected = {"id": 1, "name": "Raj Patel", "title": "CTO", "company": "Acme",
                    "email": "raj@acme.example", "phone": "+49 30 1234567",
                    "url": "https://social.example/raj", "hit_it_off": True, "network": True,
                    "notes": "Met at a meetup"}
        for key, value in expected.items():
            self.assertEqual(raj[key], value, key)
        self.assertEqual(sorted(raj["roles"]), ["decision-maker", "influencer"])
        shown = self.contact(1)
        for key, value in expected.items():
            self.assertEqual(shown[key], value, key)
        text = self.ok("contact", "show", "1")
        for piece in ["Raj Patel", "CTO", "Acme", "raj@acme.example", "+49 30 1234567",
                      "decision-maker", "influencer", "Met at a meetup"]:
            self.assertIn(piece, text)
        text = self.ok("contact", "list")
        self.assertIn("Raj Patel", text)
        self.assertIn("raj@acme.example", text)

    def test_list_json_shape(self):
        self.ok("contact", "add", "--name", "Ann Lee")
        self.ok("contact", "add", "--name", "Kim Park", "--roles", "recruiter")
        listed = self.contacts()
        self.assertEqual([c["name"] for c in listed], ["Ann Lee", "Kim Park"])
        for c in listed:
            self.assertTrue({"id", "name", "email", "phone", "title", "company", "roles"}
                            <= set(c), c)
            self.assertIsInstance(c["roles"], list)
        self.assertEqual(listed[0]["roles"], [])
        self.assertEqual(listed[1]["roles"], ["recruiter"])
        self.assertIsNone(listed[0]["email"])
        self.assertFalse(listed[0]["hit_it_off"])
        self.assertFalse(listed[0]["network"])

    def test_every_role(self):
        for role in ["decision-maker", "influencer", "hr", "recruiter", "reference"]:
            with self.subTest(role=role):
                self.ok("contact", "add", "--name", "Person " + role, "--roles", role)
                self.assertEqual(self.contacts()[-1]["roles"], [role])

    def test_add_to_an_application(self):
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer")
        self.ok("contact", "add", "--name", "Kim Park", "--roles", "recruiter", "--app", "1")
        kim = self.contacts()[0]
        self.assertEqual(kim["company"], "Acme")
        self.assertEqual([c["name"] for c in self.show(1)["contacts"]], ["Kim Park"])
        apps = self.contact(kim["id"])["applications"]
        self.assertEqual([(a["id"], a["company"]) for a in apps], [(1, "Acme")])
        # A later `add --with` of the same name at that company is the same person.
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--with", "Kim Park")
        self.assertEqual(len(self.contacts()), 1)
        interview = self.show(1)["interviews"][0]
        self.assertEqual([p["id"] for p in interview["interviewers"]], [kim["id"]])

    def test_edit(self):
        self.ok("contact", "add", "--name", "Ann Lee", "--title", "Recruiter",
                "--company", "Acme", "--email", "ann@acme.example", "--roles", "recruiter",
                "--hit-it-off")
        self.ok("contact", "edit", "1", "--title", "Head of People", "--phone", "555-0100",
                "--roles", "hr, reference", "--network", "--no-hit-it-off")
        ann = self.contact(1)
        self.assertEqual(ann["name"], "Ann Lee")
        self.assertEqual(ann["title"], "Head of People")
        self.assertEqual(ann["email"], "ann@acme.example")
        self.assertEqual(ann["phone"], "555-0100")
        self.assertEqual(sorted(ann["roles"]), ["hr", "reference"])
        self.assertFalse(ann["hit_it_off"])
        self.assertTrue(ann["network"])
        # An empty value clears a field; --roles "" clears the roles.
        self.ok("contact", "edit", "1", "--email", "", "--roles", "", "--no-network")
        ann = self.contact(1)
        self.assertIsNone(ann["email"])
        self.assertEqual(ann["roles"], [])
        self.assertFalse(ann["network"])
        self.assertEqual(ann["title"], "Head of People")

    def test_rm_needs_yes_and_keeps_the_interview(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--with", "Raj Patel", "--with", "Ann Lee")
        raj = [c["id"] for c in self.contacts() if c["name"] == "Raj Patel"][0]
        self.assert_refused(2, "contact", "rm", str(raj))
        self.ok("contact", "rm", str(raj), "--yes")
        self.assertEqual([c["name"] for c in self.contacts()], ["Ann Lee"])
        interview = self.show(1)["interviews"][0]
        self.assertEqual([p["name"] for p in interview["interviewers"]], ["Ann Lee"])
        self.assertEqual([c["name"] for c in self.show(1)["contacts"]], ["Ann Lee"])
        self.assert_refused(1, "contact", "show", str(raj), contains="no contact %d" % raj)

    def test_unknown_contact(self):
        self.ok("contact", "add", "--name", "Ann Lee")
        for args in [["contact", "show", "42"], ["contact", "show", "42", "--json"],
                     ["contact", "edit", "42", "--title", "x"],
                     ["contact", "rm", "42", "--yes"]]:
            with self.subTest(args=args):
                _, err = self.assert_refused(1, *args)
                self.assertEqual(err, "jobtrack: no contact 42\n")
        _, err = self.assert_refused(1, "contact", "add", "--name", "Kim", "--app", "42")
        self.assertEqual(err, "jobtrack: no application 42\n")

    def test_bad_input_changes_nothing(self):
        self.ok("contact", "add", "--name", "Ann Lee", "--roles", "hr")
        for args in [["contact", "add"],
                     ["contact", "add", "--name", ""],
                     ["contact", "add", "--name", "   "],
                     ["contact", "add", "--name", "Kim", "--roles", "boss"],
                     ["contact", "add", "--name", "Kim", "--roles", "hr, boss"],
                     ["contact", "add", "--name", "Kim", "--app", "abc"],
                     ["contact", "add", "--name", "Kim", "stray"],
                     ["contact", "edit", "1", "--name", ""],
                     ["contact", "edit", "1", "--roles", "boss"],
                     ["contact", "edit", "1", "--network", "--no-network"],
                     ["contact", "edit", "abc", "--title", "x"],
                     ["contact", "edit", "--title", "x"],
                     ["contact", "show", "abc"],
                     ["contact", "rm", "0", "--yes"],
                     ["contact", "frobnicate"]]:
            with self.subTest(args=args):
                self.assert_refused(2, *args)
        self.assertEqual(self.contacts()[0]["roles"], ["hr"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
