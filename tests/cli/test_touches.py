#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack touch add|list`: the letters, emails, calls and meetings."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class TouchTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        # Application 1 at Acme with Raj (contact 1); application 2 at Globex with Omar (2).
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00",
                "--with", "Raj Patel <raj@acme.example>")
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", "2026-11-22 10:00",
                "--with", "Omar Diaz")

    def touches(self, *args, **kwargs):
        return self.json_of("touch", "list", "--json", *args, **kwargs)

    def test_add_and_list(self):
        out = self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "letter",
                      "--at", "2026-11-20 14:00", "--about", "Thank-you letter")
        self.assertRegex(out, r"\b1\b")
        listed = self.touches()
        self.assertEqual(listed, [{
            "id": 1, "application_id": 1, "contact": {"id": 1, "name": "Raj Patel"},
            "kind": "letter", "at": "2026-11-20T14:00:00+01:00", "about": "Thank-you letter",
        }])
        story = self.show(1)
        self.assertEqual(story["touches"], listed)
        self.assertEqual(self.show(2)["touches"], [])
        text = self.ok("show", "1")
        for piece in ["letter", "Raj Patel", "Thank-you letter", "20 Nov 2026", "14:00"]:
            self.assertIn(piece, text)
        self.assertEqual(
            self.json_of("contact", "show", "1", "--json")["touches"], listed)
        text = self.ok("touch", "list")
        self.assertIn("Raj Patel", text)
        self.assertIn("Thank-you letter", text)

    def test_every_kind_and_the_default_time(self):
        for n, kind in enumerate(["letter", "email", "call", "meeting"], start=1):
            with self.subTest(kind=kind):
                self.ok("touch", "add", "--contact", "2", "--kind", kind)
                touch = self.touches()[-1]
                self.assertEqual(touch["kind"], kind)
                self.assertEqual(touch["at"], "2026-12-01T09:00:00+01:00")

    def test_with_only_an_application_or_only_a_contact(self):
        self.ok("touch", "add", "--app", "2", "--kind", "email", "--at", "2026-11-23 09:00",
                "--about", "Sent references")
        self.ok("touch", "add", "--contact", "1", "--kind", "call", "--at", "2026-11-24 09:00")
        listed = self.touches()
        self.assertEqual([(t["application_id"], t["contact"]) for t in listed],
                         [(2, None), (None, {"id": 1, "name": "Raj Patel"})])

    def test_list_filters_and_order(self):
        self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "call",
                "--at", "2026-11-28 10:00")
        self.ok("touch", "add", "--app", "2", "--contact", "2", "--kind", "email",
                "--at", "2026-11-21 10:00")
        self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "letter",
                "--at", "2026-11-20 18:00")
        # Oldest first.
        self.assertEqual([t["id"] for t in self.touches()], [3, 2, 1])
        self.assertEqual([t["id"] for t in self.touches("--app", "1")], [3, 1])
        self.assertEqual([t["id"] for t in self.touches("--contact", "2")], [2])
        self.assertEqual([t["id"] for t in self.touches("--app", "1", "--contact", "2")], [])

    def test_removing_the_application_removes_its_touches(self):
        self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "call")
        self.ok("touch", "add", "--app", "2", "--contact", "2", "--kind", "call")
        self.ok("app", "rm", "1", "--yes")
        self.assertEqual([t["application_id"] for t in self.touches()], [2])

    def test_a_contact_touched_outside_the_application_stays(self):
        # Raj belongs to application 1 only, but you also called him about nothing in
        # particular: he is still someone you know.
        self.ok("touch", "add", "--contact", "1", "--kind", "call", "--about", "Catch-up")
        self.ok("app", "rm", "1", "--yes")
        names = [c["name"] for c in self.json_of("contact", "list", "--json")]
        self.assertIn("Raj Patel", names)
        self.assertEqual([t["about"] for t in self.touches()], ["Catch-up"])

    def test_unknown_ids(self):
        self.ok("touch", "add", "--app", "1", "--kind", "call")
        for args, message in [
                (["touch", "add", "--app", "42", "--kind", "call"], "no application 42"),
                (["touch", "add", "--contact", "42", "--kind", "call"], "no contact 42"),
                (["touch", "add", "--app", "1", "--contact", "42", "--kind", "call"],
                 "no contact 42"),
                (["touch", "list", "--app", "42"], "no application 42"),
                (["touch", "list", "--contact", "42"], "no contact 42")]:
            with self.subTest(args=args):
                _, err = self.assert_refused(1, *args)
                self.assertEqual(err, "jobtrack: %s\n" % message)

    def test_bad_input_changes_nothing(self):
        self.ok("touch", "add", "--app", "1", "--kind", "call")
        for args in [["touch", "add", "--kind", "call"],
                     ["touch", "add", "--app", "1"],
                     ["touch", "add", "--app", "1", "--kind", "fax"],
                     ["touch", "add", "--app", "1", "--kind", "call", "--at", "next blursday"],
                     ["touch", "add", "--app", "abc", "--kind", "call"],
                     ["touch", "add", "--contact", "-1", "--kind", "call"],
                     ["touch", "add", "--app", "1", "--kind", "call", "extra"],
                     ["touch", "list", "--app", "x"],
                     ["touch", "rm", "1"]]:
            with self.subTest(args=args):
                self.assert_refused(2, *args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
