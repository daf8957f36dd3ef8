#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack import --csv FILE`: exports shaped like Huntr's and Teal's and a plain
spreadsheet (tests/data/csv, written for these tests), header aliases, --map, status
mapping, real dates in the history, idempotent re-import, bad rows and --partial,
--dry-run, and files that cannot be used at all."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "csv")
NOW = "2026-04-10T09:00:00"
IMPORTED_AT = "2026-04-10T09:00:00+02:00"


def fixture(name):
    return os.path.join(DATA, name)


class ImportCsvTest(JobtrackTestCase):

    def write(self, name, text, encoding="utf-8"):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(text)
        return path

    def import_csv(self, path, *more, now=NOW):
        return self.ok("import", "--csv", path, *more, now=now)

    def by_company(self):
        return {a["company"]: a for a in self.apps(now=NOW)}

    def test_huntr_export(self):
        out = self.import_csv(fixture("huntr-export.csv"))
        self.assertIn("Imported 5 applications", out)
        apps = self.by_company()
        self.assertEqual({c: (a["role"], a["status"]) for c, a in apps.items()}, {
            "Acme Inc.": ("Platform Engineer", "interviewing"),
            "Globex": ("Site Reliability Engineer", "rejected"),
            "Initech": ("Backend Developer", "applied"),
            "Hooli": ("Data Engineer", "lead"),
            "Umbrella Corp": ("DevOps Engineer", "offer"),
        })
        acme = self.show(apps["Acme Inc."]["id"])
        # The date applied is the real one (03/14 tells the file is month first, so
        # Globex's 04/05 is April 5); the later status is dated when it was learnt.
        self.assertEqual(acme["status_history"], [
            {"status": "applied", "at": "2026-03-14T12:00:00+01:00"},
            {"status": "interviewing", "at": IMPORTED_AT}])
        self.assertEqual(acme["url"], "https://jobs.acme.example/123")
        self.assertEqual(acme["notes"], "Phone screen went well\nLocation: Berlin\n"
                                        "Salary: €80,000")
        self.assertEqual(self.show(apps["Globex"]["id"])["status_history"][0]["at"],
                         "2026-04-05T12:00:00+02:00")
        self.assertIn('mentioned "TPS reports" twice', self.show(apps["Initech"]["id"])["notes"])
        contacts = {c["name"]: c for c in self.json_of("contact", "list", "--json")}
        self.assertEqual(contacts["Raj Patel"]["email"], "raj@acme.example")
        self.assertEqual(contacts["Raj Patel"]["company"], "Acme Inc.")
        self.assertEqual([c["name"] for c in acme["contacts"]], ["Raj Patel"])
        # An outcome is recorded as one, so the rules know of the rejection.
        globex = self.show(apps["Globex"]["id"])
        self.assertEqual([o["outcome"] for o in globex["outcomes"]], ["rejected"])

    def test_teal_export(self):
        self.import_csv(fixture("teal-export.csv"))
        apps = self.by_company()
        self.assertEqual({c: a["status"] for c, a in apps.items()}, {
            "Stark Industries": "offer", "Wayne Enterprises": "rejected",
            "Cyberdyne": "withdrawn", "Soylent": "applied", "Tyrell Corp": "lead",
            "Massive Dynamic": "interviewing"})
        stark = self.show(apps["Stark Industries"]["id"])
        self.assertEqual(stark["role"], "Staff Engineer")
        self.assertEqual(stark["interest"], 5)
        self.assertEqual(stark["status_history"][0], {"status": "applied",
                                                      "at": "2026-03-03T12:00:00+01:00"})
        self.assertEqual(self.show(apps["Soylent"]["id"])["interest"], 4)
        self.assertEqual(self.show(apps["Cyberdyne"]["id"])["notes"], "Too much travel")

    def test_plain_spreadsheet(self):
        out = self.import_csv(fixture("spreadsheet.csv"))
        # Line numbers count the physical lines: the two-line note and the blank line.
        self.assertIn("line 4: application 2: Siemens AG, Engineer; Embedded", out)
        self.assertIn("line 8: application 5: SAP SE, Developer", out)
        self.assertIn("note: status 'Ghosted' not understood, imported as applied (lines 4, 7)",
                      out)
        apps = self.by_company()
        sg = self.show(apps["Société Générale SA"]["id"])
        self.assertEqual(sg["notes"], "First line\nsecond line")
        self.assertEqual(sg["status_history"][0]["at"], "2026-03-14T12:00:00+01:00")
        self.assertEqual(self.show(apps["Siemens AG"]["id"])["notes"],
                         'They said "we will call you"')
        self.assertEqual(apps["Bosch GmbH"]["status"], "applied")
        contacts = self.json_of("contact", "list", "--json")
        self.assertEqual([(c["name"], c["email"], c["roles"]) for c in contacts],
                         [("Marie Dupont", "marie@sg.example", ["recruiter"])])

    def test_reimport_changes_nothing(self):
        for name in ["huntr-export.csv", "teal-export.csv", "spreadsheet.csv"]:
            with self.subTest(name=name):
                first = self.import_csv(fixture(name))
                before = self.db_snapshot()
                again = self.import_csv(fixture(name), now="2026-04-11T09:00:00")
                rows = first.count("\nline ") + first.startswith("line ")
                self.assertIn("Imported 0 applications", again)
                self.assertIn("(%d already there" % rows, again)
                self.assertEqual(self.db_snapshot(), before)

    def test_same_application_added_by_hand_is_already_there(self):
        self.ok("app", "add", "--company", "ACME INC.", "--role", "platform engineer",
                now="2026-03-14T18:30:00")
        out = self.import_csv(fixture("huntr-export.csv"))
        self.assertIn("line 2: already there as application 1", out)
        self.assertIn("Imported 4 applications", out)
        # Another day is another application.
        path = self.write("later.csv", "company,role,applied\nAcme Inc.,Platform Engineer,"
                                       "2026-03-20\n")
        self.assertIn("Imported 1 application ", self.import_csv(path))

    def test_bad_rows_stop_everything_unless_partial(self):
        path = fixture("bad-rows.csv")
        out, err = self.assert_refused_lines(path)
        self.assertEqual(err.splitlines(), [
            "jobtrack: %s: line 3: no company" % path,
            "jobtrack: %s: line 4: cannot read the date applied '2026-13-45'" % path,
            "jobtrack: %s: line 5: 5 fields where the header has 4" % path,
            "jobtrack: cannot import %s: 3 rows cannot be read; nothing was written "
            "(--partial imports the others)" % path,
        ])
        self.assertNotIn("application", out)
        rc, out, err = self.jt("import", "--csv", path, "--partial", now=NOW)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(err.splitlines()), 3)
        self.assertIn("Imported 2 applications", out)
        self.assertIn("3 rows skipped", out)
        self.assertEqual(sorted(self.by_company()), ["Acme", "Hooli"])

    def assert_refused_lines(self, path):
        """The import fails with exit 2 and leaves the database as it was."""
        self.create_db()  # the database exists, so that "unchanged" means something
        before = self.db_snapshot()
        rc, out, err = self.jt("import", "--csv", path, now=NOW)
        self.assertEqual(rc, 2, err)
        self.assertEqual(self.db_snapshot(), before)
        return out, err

    def test_dry_run_writes_nothing(self):
        self.create_db()
        before = self.db_snapshot()
        out = self.import_csv(fixture("teal-export.csv"), "--dry-run")
        self.assertIn("would record: line 2: application 1: Stark Industries", out)
        self.assertIn("Would import 6 applications", out)
        self.assertIn("nothing was written (--dry-run)", out)
        self.assertEqual(self.db_snapshot(), before)

    def test_map_and_aliases(self):
        path = self.write("mine.csv", "Firm,Gig,When,Where I heard,Organisation Size\n"
                                      "Initech,Dev,2026-03-01,meetup,50\n")
        rc, out, err = self.jt("import", "--csv", path, now=NOW)
        self.assertEqual(rc, 2)
        self.assert_error_line(err, "--map COLUMN=company")
        self.import_csv(path, "--map", "firm=company", "--map", "Gig=role", "--map",
                        "WHEN=applied", "--map", "Where I heard=source", "--map",
                        "Organisation Size=ignore")
        app = self.show(1)
        self.assertEqual((app["company"], app["role"], app["source"], app["notes"]),
                         ("Initech", "Dev", "meetup", None))
        self.assertEqual(app["status_history"][0]["at"], "2026-03-01T12:00:00+01:00")
        self.assert_refused(2, "import", "--csv", path, "--map", "Firm=employer",
                            contains="unknown field 'employer'")
        self.assert_refused(2, "import", "--csv", path, "--map", "Nope=company",
                            contains="no column 'Nope'")
        self.assert_refused(2, "import", "--csv", path, "--map", "Firm", contains="COLUMN=FIELD")
        self.assert_refused(2, "import", fixture("huntr-export.csv"), "--partial",
                            contains="--csv")

    def test_header_aliases(self):
        headers = [("Employer", "Job Title", "Application Date", "Stage", "Link", "Recruiter",
                    "Email", "Notes"),
                   ("organization", "position", "date applied", "status", "url", "contact",
                    "e-mail", "comments"),
                   ("COMPANY", "ROLE", "APPLIED", "STATUS", "URL", "CONTACT", "EMAIL",
                    "NOTES")]
        for i, header in enumerate(headers):
            with self.subTest(header=header[0]):
                path = self.write("h%d.csv" % i, ",".join(header) + "\n" +
                                  "Co%d,Dev,2026-03-0%d,offer,https://x.example,Ann Lee,"
                                  "ann@x.example,hello\n" % (i, i + 1))
                self.import_csv(path)
                app = self.show(i + 1)
                self.assertEqual((app["company"], app["role"], app["status"], app["url"],
                                  app["notes"]),
                                 ("Co%d" % i, "Dev", "offer", "https://x.example", "hello"))
                self.assertEqual(app["status_history"][0]["at"],
                                 "2026-03-0%dT12:00:00+01:00" % (i + 1))
                self.assertEqual([c["email"] for c in app["contacts"]], ["ann@x.example"])

    def test_dates(self):
        path = self.write("dates.csv", "company,applied\nA,03/04/2026\nB,04/05/2026\n")
        out, err = self.assert_refused_lines(path)
        self.assertIn("line 2: '03/04/2026' may be day/month or month/day: say which with "
                      "--dates dmy or --dates mdy", err)
        self.import_csv(path, "--dates", "dmy")
        self.assertEqual(self.show(1)["status_history"][0]["at"], "2026-04-03T12:00:00+02:00")
        forms = {"2026-03-14": "2026-03-14", "2026/03/14": "2026-03-14",
                 "14.03.2026": "2026-03-14", "14 Mar 2026": "2026-03-14",
                 "March 14, 2026": "2026-03-14", "2026-03-14T18:00:00Z": "2026-03-14",
                 "3/14/26": "2026-03-14", "31/01/2026": "2026-01-31"}
        for n, (written, day) in enumerate(forms.items()):
            with self.subTest(written=written):
                path = self.write("d%d.csv" % n, 'company,applied\nCo%d,"%s"\n' % (n, written))
                out = self.import_csv(path)
                self.assertIn("applied %s" % day, out)
        self.assert_refused(2, "import", "--csv", path, "--dates", "ymd", contains="dmy")

    def test_status_date_column(self):
        path = self.write("s.csv", "company,applied,status,last updated\n"
                                   "Acme,2026-01-05,Rejected,2026-02-01\n")
        self.import_csv(path)
        history = self.show(1)["status_history"]
        self.assertEqual(history, [{"status": "applied", "at": "2026-01-05T12:00:00+01:00"},
                                   {"status": "rejected", "at": "2026-02-01T12:00:00+01:00"}])
        # And the stats use those dates: decided after 27 days.
        stats = self.json_of("stats", "--json", now=NOW)
        self.assertEqual(stats["days_to_decision"], {"median": 27.0, "applications": 1})

    def test_files_that_cannot_be_used(self):
        self.create_db()  # the database exists: refusals leave it as it was
        unclosed = self.write("u.csv", 'company,role\nAcme,"Engineer\nGlobex,SRE\n')
        self.assert_refused(2, "import", "--csv", unclosed, contains="line 2")
        empty = self.write("e.csv", "")
        self.assert_refused(2, "import", "--csv", empty, contains="empty")
        self.assert_refused(2, "import", "--csv", os.path.join(self.tmp, "missing.csv"))
        latin = self.write("l.csv", "company\nSociété\n", encoding="cp1252")
        out = self.import_csv(latin)
        self.assertIn("read as Windows-1252", out)
        self.assertEqual(self.show(1)["company"], "Société")

    def test_help(self):
        out = self.ok("import", "--help")
        for word in ["--csv", "--map", "--partial", "--dates", "--dry-run"]:
            self.assertIn(word, out)


if __name__ == "__main__":
    unittest.main()
