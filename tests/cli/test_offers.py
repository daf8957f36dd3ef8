#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack offer add|list|edit`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class OfferTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00",
                now="2026-11-20T12:00:00")
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", "2026-11-22 10:00",
                now="2026-11-22T12:00:00")

    def offers(self, *args, **kwargs):
        return self.json_of("offer", "list", "--json", *args, **kwargs)

    def test_add_with_terms(self):
        out = self.ok("offer", "add", "--app", "1", "--received", "2026-11-30",
                      "--deadline", "2026-12-07", "--salary", "EUR 85,000",
                      "--title", "Senior Engineer", "--start", "2027-02-01",
                      "--notes", "Remote two days")
        self.assertRegex(out, r"\b1\b")
        listed = self.offers()
        self.assertEqual(len(listed), 1)
        offer = listed[0]
        expected = {"id": 1, "application_id": 1, "received": "2026-11-30",
                    "deadline": "2026-12-07", "salary": "EUR 85,000",
                    "title": "Senior Engineer", "start": "2027-02-01", "state": "open",
                    "notes": "Remote two days"}
        for key, value in expected.items():
            self.assertEqual(offer[key], value, key)
        story = self.show(1)
        self.assertEqual(story["offers"], listed)
        self.assertEqual(self.show(2)["offers"], [])
        text = self.ok("show", "1")
        for piece in ["2026-11-30", "2026-12-07", "EUR 85,000", "Senior Engineer", "open"]:
            self.assertIn(piece, text)
        text = self.ok("offer", "list")
        self.assertIn("Acme", text)
        self.assertIn("2026-12-07", text)

    def test_days_are_read_like_every_date(self):
        self.ok("offer", "add", "--app", "1", "--received", "yesterday", "--deadline", "+2w")
        offer = self.offers()[0]
        self.assertEqual(offer["received"], "2026-11-30")
        self.assertEqual(offer["deadline"], "2026-12-15")

    def test_received_defaults_to_today(self):
        self.ok("offer", "add", "--app", "1", "--deadline", "friday")
        offer = self.offers()[0]
        self.assertEqual(offer["received"], "2026-12-01")
        self.assertEqual(offer["deadline"], "2026-12-04")

    def test_an_offer_moves_the_application_to_the_offer_stage(self):
        self.ok("offer", "add", "--app", "1", "--deadline", "2026-12-07")
        story = self.show(1)
        self.assertEqual(story["status"], "offer")
        self.assertEqual(story["status_history"][-1],
                         {"status": "offer", "at": "2026-12-01T09:00:00+01:00"})
        self.assertEqual(self.show(2)["status"], "interviewing")

    def test_list_of_one_application(self):
        self.ok("offer", "add", "--app", "1", "--deadline", "2026-12-07")
        self.ok("offer", "add", "--app", "2", "--deadline", "2026-12-09")
        self.assertEqual([(o["id"], o["application_id"]) for o in self.offers()],
                         [(1, 1), (2, 2)])
        self.assertEqual([o["id"] for o in self.offers("--app", "2")], [2])

    def test_edit(self):
        self.ok("offer", "add", "--app", "1", "--received", "2026-11-30",
                "--deadline", "2026-12-07", "--salary", "EUR 85,000")
        self.ok("offer", "edit", "1", "--state", "negotiating", "--salary", "EUR 92,000",
                "--deadline", "2026-12-10")
        offer = self.offers()[0]
        self.assertEqual(offer["state"], "negotiating")
        self.assertEqual(offer["salary"], "EUR 92,000")
        self.assertEqual(offer["deadline"], "2026-12-10")
        self.assertEqual(offer["received"], "2026-11-30")
        # An empty value clears an optional field.
        self.ok("offer", "edit", "1", "--deadline", "", "--salary", "")
        offer = self.offers()[0]
        self.assertIsNone(offer["deadline"])
        self.assertIsNone(offer["salary"])
        for state in ["open", "accepted", "declined"]:
            with self.subTest(state=state):
                self.ok("offer", "edit", "1", "--state", state)
                self.assertEqual(self.offers()[0]["state"], state)

    def test_removing_the_application_removes_its_offers(self):
        self.ok("offer", "add", "--app", "1", "--deadline", "2026-12-07")
        self.ok("offer", "add", "--app", "2", "--deadline", "2026-12-09")
        self.ok("app", "rm", "1", "--yes")
        self.assertEqual([o["application_id"] for o in self.offers()], [2])

    def test_unknown_ids(self):
        self.ok("offer", "add", "--app", "1", "--deadline", "2026-12-07")
        _, err = self.assert_refused(1, "offer", "add", "--app", "42", "--deadline",
                                     "2026-12-07")
        self.assertEqual(err, "jobtrack: no application 42\n")
        _, err = self.assert_refused(1, "offer", "edit", "42", "--state", "accepted")
        self.assertEqual(err, "jobtrack: no offer 42\n")
        _, err = self.assert_refused(1, "offer", "list", "--app", "42")
        self.assertEqual(err, "jobtrack: no application 42\n")

    def test_bad_input_changes_nothing(self):
        self.ok("offer", "add", "--app", "1", "--received", "2026-11-30",
                "--deadline", "2026-12-07")
        for args in [["offer", "add", "--deadline", "2026-12-07"],
                     ["offer", "add", "--app", "abc", "--deadline", "2026-12-07"],
                     ["offer", "add", "--app", "1", "--deadline", "next blursday"],
                     ["offer", "add", "--app", "1", "--received", "2026-02-30"],
                     ["offer", "add", "--app", "1", "--start", "soon"],
                     ["offer", "add", "--app", "1", "--state", "pending"],
                     ["offer", "add", "--app", "1", "--received", "2026-12-01",
                      "--deadline", "2026-11-20"],
                     ["offer", "add", "--app", "1", "extra"],
                     ["offer", "edit", "1", "--state", "pending"],
                     ["offer", "edit", "1", "--deadline", "whenever"],
                     ["offer", "edit", "1", "--deadline", "2026-11-01"],
                     ["offer", "edit", "one", "--state", "open"],
                     ["offer", "edit", "--state", "open"],
                     ["offer", "list", "--app", "x"],
                     ["offer", "rm", "1"]]:
            with self.subTest(args=args):
                self.assert_refused(2, *args)


if __name__ == "__main__":
    unittest.main(verbosity=2)
