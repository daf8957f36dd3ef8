#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`add` and `app add` say when the company already has an application (company names
compared without case, accents or legal form), never block, and keep quiet with
--quiet or when `add` logs another interview of the same open application."""

import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class AlreadyAppliedTest(JobtrackTestCase):

    def add_app(self, *args, **kwargs):
        """`app add ARGS`, asserting success; returns stderr (the note, if any)."""
        rc, out, err = self.jt("app", "add", *args, **kwargs)
        self.assertEqual(rc, 0, err)
        self.assertIn("Added application", out)
        return err

    def test_same_company_in_any_spelling(self):
        self.assertEqual(self.add_app("--company", "Acme", "--role", "Engineer"), "")
        spellings = ["ACME Inc.", "acme gmbh", "Acme, LLC", "Acme Ltd", "Acme S.A.",
                     "  ACME corp ", "Acmé"]
        for spelling in spellings:
            with self.subTest(spelling=spelling):
                err = self.add_app("--company", spelling, "--role", "Designer", "--quiet")
                self.assertEqual(err, "")
                err = self.add_app("--company", spelling, "--role", "Designer")
                lines = err.splitlines()
                self.assertTrue(lines[0].startswith("jobtrack: note: you have applied to "),
                                err)
                self.assertIn("application 1: Acme, Engineer — applied since 2026-12-01, "
                              "still open", lines[1])
        # Every warning was only a note: all the applications were recorded.
        self.assertEqual(len(self.apps()), 1 + 2 * len(spellings))

    def test_accents_and_suffixes_together(self):
        self.add_app("--company", "Société Générale SA", "--role", "Analyst")
        err = self.add_app("--company", "SOCIETE GENERALE")
        self.assertIn("application 1: Société Générale SA, Analyst", err)

    def test_other_companies_are_not_mentioned(self):
        self.add_app("--company", "Acme", "--role", "Engineer")
        for company in ["Acme Widgets", "Acmex", "Globex Inc."]:
            with self.subTest(company=company):
                self.assertEqual(self.add_app("--company", company), "")

    def test_a_renamed_company_is_found_by_its_new_name(self):
        self.add_app("--company", "Acme", "--role", "Engineer")
        self.ok("app", "edit", "1", "--company", "Globex GmbH")
        self.assertEqual(self.add_app("--company", "Acme"), "")
        self.assertIn("application 1: Globex GmbH, Engineer",
                      self.add_app("--company", "GLOBEX, Inc."))

    def test_applications_written_by_another_program_count_too(self):
        self.create_db()
        con = sqlite3.connect(self.db)
        con.execute("INSERT INTO applications (company, role, status, company_key, role_key, "
                    "created_at, updated_at) VALUES ('Acme S.A.', 'Analyst', 'applied', "
                    "'acme s.a.', 'analyst', 1790000000, 1790000000)")
        con.commit()
        con.close()
        self.assertIn("application 1: Acme S.A., Analyst", self.add_app("--company", "ACME"))

    def test_a_rejection_says_when_to_call_back(self):
        self.add_app("--company", "Acme Ltd", "--role", "Engineer")
        self.ok("outcome", "1", "rejected", "--on", "2026-06-10 15:00")
        # Before the five months are over, it is still to come ...
        err = self.add_app("--company", "ACME", "--role", "Designer", now="2026-09-01T09:00:00")
        self.assertIn("application 1: Acme Ltd, Engineer — rejected on 2026-06-10; the 5-month "
                      "re-contact call is due 2026-11-10", err)
        # ... and after them, it was due.
        err = self.add_app("--company", "acme gmbh", "--role", "Designer")
        self.assertIn("rejected on 2026-06-10; the 5-month re-contact call was due 2026-11-10",
                      err)
        self.assertIn("application 2: ACME, Designer — applied since 2026-09-01, still open", err)

    def test_recontact_months_follow_the_config_and_clamp(self):
        os.makedirs(os.path.join(self.config_home, "jobtrack"))
        with open(os.path.join(self.config_home, "jobtrack", "config.ini"), "w") as f:
            f.write("[rules]\nrecontact_months = 1\n")
        self.add_app("--company", "Acme", "--role", "Engineer")
        self.ok("outcome", "1", "rejected", "--on", "2026-01-31 12:00")
        err = self.add_app("--company", "Acme")
        self.assertIn("rejected on 2026-01-31; the 1-month re-contact call was due 2026-02-28",
                      err)

    def test_other_endings_give_their_day(self):
        self.add_app("--company", "Acme", "--role", "Engineer")
        self.ok("outcome", "1", "withdrawn", "--on", "2026-10-02")
        err = self.add_app("--company", "ACME Inc.")
        self.assertIn("application 1: Acme, Engineer — withdrawn on 2026-10-02", err)
        self.assertNotIn("re-contact", err)

    def test_add_reusing_the_open_application_says_nothing(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer")
        # Another interview of the same application: the normal case.
        self.ok("add", "--company", "ACME", "--role", "engineer")
        self.assertEqual(len(self.apps()), 1)
        # Another role at the same company is a new application: say so.
        rc, out, err = self.jt("add", "--company", "Acme Inc.", "--role", "Designer")
        self.assertEqual(rc, 0, err)
        self.assertIn("application 1: Acme, Engineer — interviewing since 2026-12-01", err)
        self.assertEqual(len(self.apps()), 2)
        self.ok("add", "--company", "Acme GmbH", "--role", "Manager", "--quiet")
        self.assertEqual(len(self.apps()), 3)

    def test_add_after_the_application_ended_warns(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-20 10:00")
        self.ok("outcome", "1", "rejected", "--on", "2026-11-25")
        rc, out, err = self.jt("add", "--company", "Acme", "--role", "Engineer")
        self.assertEqual(rc, 0, err)
        self.assertIn("rejected on 2026-11-25; the 5-month re-contact call is due 2027-04-25",
                      err)
        self.assertEqual(len(self.apps()), 2)


if __name__ == "__main__":
    unittest.main()
