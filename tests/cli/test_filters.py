#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The filters of the listings: `app list --status/--quiet/--since` and
`contact list --company/--role`, in text and JSON, with their errors."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class AppListFilterTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        # Recorded on different days: 1 Oct, 1 Nov, 20 Nov, 30 Nov 2026.
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer",
                now="2026-10-01T09:00:00")
        self.ok("app", "add", "--company", "Globex", "--role", "SRE", "--status", "interviewing",
                now="2026-11-01T09:00:00")
        self.ok("app", "add", "--company", "Initech", "--status", "lead",
                now="2026-11-20T09:00:00")
        self.ok("app", "add", "--company", "Umbrella", "--role", "Lead",
                now="2026-11-30T09:00:00")
        self.ok("outcome", "4", "rejected", now="2026-11-30T10:00:00")

    def ids(self, *args, **kwargs):
        return [app["id"] for app in self.json_of("app", "list", "--json", *args, **kwargs)]

    def test_status(self):
        self.assertEqual(self.ids(), [1, 2, 3, 4])
        self.assertEqual(self.ids("--status", "applied"), [1])
        self.assertEqual(self.ids("--status", "rejected"), [4])
        # repeatable, a comma list, or both; in id order whatever order they are given in
        self.assertEqual(self.ids("--status", "lead", "--status", "applied"), [1, 3])
        self.assertEqual(self.ids("--status", "rejected,lead,applied"), [1, 3, 4])
        self.assertEqual(self.ids("--status", "interviewing, lead", "--status", "rejected"),
                         [2, 3, 4])
        self.assertEqual(self.ids("--status", "offer"), [])
        text = self.ok("app", "list", "--status", "interviewing")
        self.assertIn("Globex", text)
        self.assertNotIn("Acme", text)
        self.assertEqual(self.ok("app", "list", "--status", "offer"), "No applications match.\n")

    def test_since(self):
        self.assertEqual(self.ids("--since", "2026-11-01"), [2, 3, 4])
        # relative to the pinned clock (1 December 2026, 09:00)
        self.assertEqual(self.ids("--since", "-7d"), [4])
        self.assertEqual(self.ids("--since", "in 1 day"), [])
        self.assertEqual(self.ids("--since", "2026-11-01", "--status", "lead,applied"), [3])

    def test_quiet(self):
        # Quiet: open, with nothing for 21 days. On 1 December Acme (1 Oct) and Globex
        # (1 Nov) are; Initech (20 Nov) is not yet; Umbrella has ended.
        self.assertEqual(self.ids("--quiet"), [1, 2])
        self.assertEqual(self.ids("--quiet", "--status", "interviewing"), [2])
        self.assertEqual(self.ids("--quiet", "--status", "rejected"), [])
        self.assertEqual(self.ids("--quiet", now="2026-12-20T09:00:00"), [1, 2, 3])
        # a touch is news: Globex is no longer quiet
        self.ok("touch", "add", "--app", "2", "--kind", "call", "--at", "yesterday")
        self.assertEqual(self.ids("--quiet"), [1])
        text = self.ok("app", "list", "--quiet")
        self.assertIn("Acme", text)
        self.assertIn("(quiet)", text)
        self.assertNotIn("Globex", text)

    def test_bad_filters(self):
        self.assert_refused(2, "app", "list", "--status", "pending", contains="pending")
        self.assert_refused(2, "app", "list", "--status", "applied,nope", contains="nope")
        self.assert_refused(2, "app", "list", "--since", "someday", contains="someday")
        self.assert_refused(2, "app", "list", "--status")


class ContactListFilterTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.ok("contact", "add", "--name", "Raj Patel", "--company", "Globex",
                "--roles", "decision-maker")
        self.ok("contact", "add", "--name", "Ana Lima", "--company", "Globex",
                "--roles", "hr,recruiter")
        self.ok("contact", "add", "--name", "Zoë Brandt", "--company", "Société Générale",
                "--roles", "decision-maker,influencer")
        self.ok("contact", "add", "--name", "Sam Roe")

    def names(self, *args):
        return [c["name"] for c in self.json_of("contact", "list", "--json", *args)]

    def test_company(self):
        self.assertEqual(self.names("--company", "Globex"), ["Raj Patel", "Ana Lima"])
        # as a person types it: case and accents folded, spaces around ignored
        self.assertEqual(self.names("--company", "  globex "), ["Raj Patel", "Ana Lima"])
        self.assertEqual(self.names("--company", "SOCIÉTÉ GÉNÉRALE"), ["Zoë Brandt"])
        # a whole company, not a part of its name
        self.assertEqual(self.names("--company", "Glob"), [])
        self.assertEqual(self.ok("contact", "list", "--company", "Nobody"),
                         "No contacts match.\n")

    def test_role(self):
        self.assertEqual(self.names("--role", "decision-maker"), ["Raj Patel", "Zoë Brandt"])
        self.assertEqual(self.names("--role", "recruiter"), ["Ana Lima"])
        self.assertEqual(self.names("--role", "hr", "--role", "influencer"),
                         ["Ana Lima", "Zoë Brandt"])
        self.assertEqual(self.names("--role", "reference"), [])
        self.assertEqual(self.names("--company", "globex", "--role", "decision-maker"),
                         ["Raj Patel"])
        text = self.ok("contact", "list", "--role", "decision-maker")
        self.assertIn("Raj Patel", text)
        self.assertNotIn("Ana Lima", text)

    def test_bad_role(self):
        self.assert_refused(2, "contact", "list", "--role", "boss", contains="boss")


if __name__ == "__main__":
    unittest.main(verbosity=2)
