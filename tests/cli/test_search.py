#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack search TEXT`: every kind of record, ranked, with snippets; typed text is
never query syntax; the index follows edits and removals."""

import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402


class SearchTest(JobtrackTestCase):

    def populate(self):
        self.ok("app", "add", "--company", "Société Générale SA", "--role", "Platform Engineer",
                "--notes", "Referred by Ann; the team runs Kubernetes", "--quiet")
        self.ok("add", "--company", "Société Générale SA", "--role", "Platform Engineer",
                "--at", "2026-11-30 14:00", "--with", "Ingrid Bergström <ib@sg.example>, CTO",
                "--objections", "Worried about my Terraform experience", "--quiet")
        self.ok("contact", "edit", "1", "--notes", "Loves sailing")
        self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "call",
                "--about", "Asked about the onboarding budget")
        self.ok("app", "add", "--company", "Globex", "--role", "SRE", "--quiet")

    def search(self, *words):
        return self.json_of("search", "--json", "--", *words)

    def test_each_kind_is_found_and_named(self):
        self.populate()
        expected = {
            "kubernetes": ("application", 1),
            "sailing": ("contact", 1),
            "terraform": ("interview", 1),
            "budget": ("touch", 1),
        }
        for word, (kind, record_id) in expected.items():
            with self.subTest(word=word):
                hits = self.search(word)
                self.assertEqual([(h["kind"], h["id"]) for h in hits], [(kind, record_id)])
                self.assertIn("[", hits[0]["snippet"])
                self.assertIn(word, hits[0]["snippet"].lower())
        interview = self.search("terraform")[0]
        self.assertEqual(interview["application_id"], 1)
        self.assertEqual(interview["company"], "Société Générale SA")
        self.assertEqual(interview["at"], "2026-11-30T14:00:00+01:00")
        self.assertEqual(self.search("budget")[0]["contact"], "Ingrid Bergström")
        self.assertEqual(self.search("budget")[0]["what"], "call")

    def test_text_output(self):
        self.populate()
        out = self.ok("search", "terraform")
        self.assertEqual(out.splitlines()[0],
                         "interview 1: onsite Mon 30 Nov 2026 14:00 — Société Générale SA, "
                         "Platform Engineer (interviewing)")
        self.assertEqual(out.splitlines()[1], "    Worried about my [Terraform] experience")
        self.assertEqual(self.ok("search", "zeppelin"), "Nothing matches 'zeppelin'.\n")

    def test_case_and_accents_fold(self):
        self.populate()
        for query in ["SOCIETE", "société", "Societe generale", "bergstrom", "BERGSTRÖM"]:
            with self.subTest(query=query):
                self.assertTrue(self.search(query), query)
        kinds = {(h["kind"], h["id"]) for h in self.search("societe")}
        self.assertEqual(kinds, {("application", 1), ("contact", 1)})

    def test_ranked_by_relevance(self):
        self.ok("app", "add", "--company", "Initech", "--notes",
                "Long notes about many things, which mention Globex only once in passing "
                "among the weather, the commute and the coffee.")
        self.ok("app", "add", "--company", "Globex")
        self.assertEqual([h["id"] for h in self.search("globex")], [2, 1])

    def test_limit(self):
        for i in range(5):
            self.ok("app", "add", "--company", "Acme %d" % i, "--quiet")
        self.assertEqual(len(self.search("acme")), 5)
        self.assertEqual(len(self.json_of("search", "acme", "--limit", "2", "--json")), 2)
        self.assert_refused(2, "search", "acme", "--limit", "0", contains="--limit")

    def test_typed_text_is_not_syntax(self):
        self.populate()
        for query in ['"', '""', "*", "-", "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)",
                      "kubernetes AND", "name:x", "^x", "(x", "x)", "{name}: x", "C++",
                      "O'Brien", "a\"b", "-kubernetes", "\\"]:
            with self.subTest(query=query):
                # After "--", text that starts with "-" is text too.
                rc, out, err = self.jt("search", "--json", "--", query)
                if rc == 0:
                    self.assertEqual(err, "")
                else:
                    # Only text without a single word is refused, as bad usage.
                    self.assertEqual(rc, 2, err)
                    self.assert_error_line(err, "nothing to search for")
        self.assertEqual([h["kind"] for h in self.search("-kubernetes")], ["application"])
        self.assertEqual([h["kind"] for h in self.search('"kubernetes')], ["application"])
        self.assertEqual(self.search("kubernetes AND"), [])
        self.assert_refused(2, "search", contains="search TEXT")

    def test_index_follows_edits_and_removals(self):
        self.populate()
        self.ok("app", "edit", "1", "--notes", "They moved to Nomad")
        self.assertEqual(self.search("kubernetes"), [])
        self.assertEqual([h["id"] for h in self.search("nomad")], [1])
        self.ok("app", "rm", "1", "--yes")
        for word in ["nomad", "terraform", "budget"]:
            self.assertEqual(self.search(word), [], word)
        self.assertEqual([h["id"] for h in self.search("globex")], [2])

    def test_existing_database_is_indexed_on_upgrade(self):
        self.populate()
        # Take the database back to schema 5, as an older jobtrack left it.
        con = sqlite3.connect(self.db)
        triggers = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")]
        for name in triggers:
            con.execute("DROP TRIGGER %s" % name)
        con.executescript(
            "DROP TABLE postings;"
            "DROP TABLE documents; DROP TABLE resume_versions; DROP TABLE files;"
            "DROP TABLE sync_items; DROP TABLE sync_collection;"
            "ALTER TABLE reminders DROP COLUMN shown_digest;"
            "ALTER TABLE interviews DROP COLUMN shown_digest;"
            "ALTER TABLE interviews DROP COLUMN revision;"
            "ALTER TABLE reminders DROP COLUMN since_day;"
            "ALTER TABLE reminders DROP COLUMN offer_id;"
            "DROP INDEX reminders_undelivered_by_time;"
            "DROP TABLE search_index; DROP INDEX applications_by_company_family;"
            "DROP INDEX reminders_done_by_due;"
            "ALTER TABLE applications DROP COLUMN company_family; PRAGMA user_version = 5;")
        con.close()
        # Searching only reads: it finds what it would after the upgrade, from a copy
        # upgraded in memory, says so, and leaves the file alone.
        with open(self.db, "rb") as f:
            before = f.read()
        rc, out, err = self.jt("search", "--json", "--", "terraform")
        self.assertEqual(rc, 0, err)
        self.assertEqual([h["kind"] for h in json.loads(out)], ["interview"])
        self.assert_error_line(err, "upgraded in memory")
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), before)
        # The next write upgrades it, and fills the company families: the next
        # application to ACME... notices.
        rc, out, err = self.jt("app", "add", "--company", "SOCIETE GENERALE")
        self.assertEqual(rc, 0, err)
        self.assertIn("Platform Engineer", err)
        self.assertEqual([h["kind"] for h in self.search("terraform")], ["interview"])
        self.assertEqual([h["kind"] for h in self.search("sailing")], ["contact"])


if __name__ == "__main__":
    unittest.main()
