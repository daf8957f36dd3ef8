#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack outcome APP offer|rejected|accepted|declined|withdrawn [--on WHEN]`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

STATUS_OF = {"offer": "offer", "rejected": "rejected", "accepted": "accepted",
             "declined": "declined", "withdrawn": "withdrawn"}


class OutcomeTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00",
                now="2026-11-20T12:00:00")

    def test_rejection_on_a_day_is_in_the_status_history(self):
        out = self.ok("outcome", "1", "rejected", "--on", "2026-11-27 16:30")
        self.assertIn("rejected", out)
        story = self.show(1)
        self.assertEqual(story["status"], "rejected")
        self.assertEqual(story["status_history"], [
            {"status": "interviewing", "at": "2026-11-20T12:00:00+01:00"},
            {"status": "rejected", "at": "2026-11-27T16:30:00+01:00"},
        ])
        self.assertEqual([(o["outcome"], o["at"]) for o in story["outcomes"]],
                         [("rejected", "2026-11-27T16:30:00+01:00")])
        text = self.ok("show", "1")
        self.assertIn("27 Nov 2026 16:30", text)
        self.assertEqual(self.apps()[0]["status"], "rejected")

    def test_without_on_it_happened_now(self):
        self.ok("outcome", "1", "withdrawn")
        story = self.show(1)
        self.assertEqual(story["status_history"][-1],
                         {"status": "withdrawn", "at": "2026-12-01T09:00:00+01:00"})

    def test_on_reads_every_date_form(self):
        self.ok("outcome", "1", "rejected", "--on", "yesterday 17:00")
        self.assertEqual(self.show(1)["status_history"][-1]["at"],
                         "2026-11-30T17:00:00+01:00")

    def test_every_outcome_sets_its_status(self):
        for n, (kind, status) in enumerate(sorted(STATUS_OF.items()), start=2):
            with self.subTest(kind=kind):
                self.ok("app", "add", "--company", "Company %d" % n, "--status", "interviewing",
                        now="2026-11-20T12:00:00")
                self.ok("outcome", str(n), kind, "--on", "2026-11-29 10:00")
                story = self.show(n)
                self.assertEqual(story["status"], status)
                self.assertEqual(story["status_history"][-1],
                                 {"status": status, "at": "2026-11-29T10:00:00+01:00"})

    def test_offer_then_acceptance(self):
        self.ok("offer", "add", "--app", "1", "--received", "2026-11-25",
                "--deadline", "2026-12-05", now="2026-11-25T09:00:00")
        self.ok("outcome", "1", "accepted", "--on", "2026-11-28 11:00")
        story = self.show(1)
        self.assertEqual(story["status"], "accepted")
        self.assertEqual([h["status"] for h in story["status_history"]],
                         ["interviewing", "offer", "accepted"])
        self.assertEqual(story["status_history"][-1]["at"], "2026-11-28T11:00:00+01:00")
        # Accepting settles the open offer.
        self.assertEqual([o["state"] for o in story["offers"]], ["accepted"])

    def test_after_a_rejection_a_new_interview_is_a_new_application(self):
        self.ok("outcome", "1", "rejected", "--on", "2026-11-27 16:30")
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--quiet")
        self.assertEqual([(a["id"], a["status"]) for a in self.apps()],
                         [(1, "rejected"), (2, "interviewing")])

    def test_unknown_application(self):
        _, err = self.assert_refused(1, "outcome", "42", "rejected")
        self.assertEqual(err, "jobtrack: no application 42\n")

    def test_bad_input_changes_nothing(self):
        for args in [["outcome", "1", "hired"],
                     ["outcome", "1"],
                     ["outcome"],
                     ["outcome", "abc", "rejected"],
                     ["outcome", "1", "rejected", "--on", "next blursday"],
                     ["outcome", "1", "rejected", "--on", ""],
                     ["outcome", "1", "rejected", "extra"],
                     ["outcome", "1", "rejected", "--on", "in 3 days"]]:  # not yet happened
            with self.subTest(args=args):
                self.assert_refused(2, *args)
        self.assertEqual(self.show(1)["status"], "interviewing")


if __name__ == "__main__":
    unittest.main(verbosity=2)
