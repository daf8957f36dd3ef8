#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack capture URL|FILE|-` and `jobtrack posting APP` (issue 16): an application
from a job-posting page, the posting kept, the closing-date follow-up (R12), duplicates,
and the pages it refuses — as a person sees them. The URL path is served by a real HTTP
server on 127.0.0.1 (Python's http.server, in this process), stopped by each test."""

import hashlib
import http.server
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402
import jtharness  # noqa: E402

POSTINGS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "data", "postings")

# A page closing on a day alone, 18 December (a Friday): R12 is due two business days
# before, Wednesday 16 December at the call hour.
CLOSING_PAGE = """<!DOCTYPE html>
<html><head><title>Data Engineer at Hooli</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "Data Engineer", "hiringOrganization": {"@type": "Organization", "name": "Hooli"},
 "identifier": "HQ-77", "validThrough": "2026-12-18", "datePosted": "2026-11-20",
 "description": "<p>Pipelines &amp; <b>lakes</b>.</p>", "url": "https://jobs.example/hooli/77"}
</script></head><body></body></html>
"""


def posting(name):
    return os.path.join(POSTINGS, name)


class Pages(http.server.BaseHTTPRequestHandler):
    """/page: the closing page; /moved: three redirects to it; /loop: redirects to
    itself; /gone: 404; /pdf: a PDF."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/page":
            body = CLOSING_PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path.startswith("/moved"):
            hops = self.path.count("/moved")
            self.send_response(302)
            self.send_header("Location", "/page" if hops >= 3 else self.path + "/moved")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/pdf":
            body = b"%PDF-1.4\n%%EOF\n"
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "9")
            self.end_headers()
            self.wfile.write(b"not here\n")


class CaptureTest(JobtrackTestCase):

    def write_page(self, text, name="page.html"):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def write_config(self, text):
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def serve(self):
        """Starts the page server on 127.0.0.1; returns its base address."""
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()

        def stop():
            server.shutdown()
            server.server_close()
            thread.join()
        self.addCleanup(stop)
        return "http://127.0.0.1:%d" % server.server_address[1]

    def closing_follow_ups(self):
        return [r for r in self.json_of("agenda", "--all", "--json")
                if r["rule"] == "closing_date"]

    # ---- a saved page -------------------------------------------------------------------

    def test_a_saved_page_becomes_a_lead_with_its_posting_kept(self):
        page = posting("globex-jsonld.html")
        out = self.ok("capture", page, "--url", "https://globex.example/careers/")
        self.assertIn("Captured application 1: Globex Corporation, Site Reliability Engineer "
                      "(lead)", out)
        self.assertIn("read from the page's JSON-LD JobPosting", out)
        self.assertIn("Camberwell, VIC, AU; Sydney, NSW, AU", out)
        self.assertIn("AUD 150000–175000 per year", out)
        # The posting's relative url, resolved against where the page came from.
        self.assertIn("https://globex.example/jobs/sre-2041?src=board&lang=en", out)
        app = self.json_of("app", "show", "1", "--json")
        self.assertEqual((app["status"], app["url"], app["source"]),
                         ("lead", "https://globex.example/jobs/sre-2041?src=board&lang=en",
                          "globex.example"))
        # Kept: the page byte for byte, and its text.
        files = self.json_of("app", "files", "1", "--json")
        self.assertEqual([(f["kind"], f["name"]) for f in files],
                         [("posting", "posting.html"), ("posting", "posting.txt")])
        with open(page, "rb") as f:
            self.assertEqual(files[0]["sha256"], hashlib.sha256(f.read()).hexdigest())
        self.assertTrue(all(f["kept"] for f in files))
        text = self.ok("posting", "1")
        self.assertTrue(text.startswith("Site Reliability Engineer\n"), text)
        self.assertIn("Globex keeps Cypress Creek running.", text)
        self.assertIn("- Run the fleet", text)
        self.assertIn("Identifier: SRE-2041", text)
        self.assertNotIn("<p>", text)

    def test_standard_input(self):
        out = self.ok("capture", "-", "--url", "https://jobs.example/hooli/77",
                      input=CLOSING_PAGE)
        self.assertIn("Captured application 1: Hooli, Data Engineer (lead)", out)
        saved = self.json_of("posting", "1", "--json")
        self.assertEqual(saved["posting"]["identifier"], "HQ-77")
        self.assertEqual(saved["posting"]["closes"], "2026-12-18")
        self.assertIn("Pipelines & lakes.", saved["text"])
        # `show` tells the posting's facts beside the rest of the story.
        shown = self.ok("show", "1")
        self.assertIn("\nPosting: Data Engineer\n", shown)
        self.assertIn("  Closes: 2026-12-18\n", shown)
        self.assertIn("  Address: https://jobs.example/hooli/77\n", shown)
        story = self.json_of("show", "1", "--json")
        self.assertEqual(story["posting"]["identifier"], "HQ-77")
        self.assertEqual(story["posting"]["closes"], "2026-12-18")

    def test_json_says_what_was_recorded(self):
        page = self.write_page(CLOSING_PAGE)
        result = self.json_of("capture", page, "--json")
        self.assertEqual(result["application"]["status"], "lead")
        self.assertEqual(result["posting"]["source"], "json-ld")
        self.assertEqual(result["posting"]["url"], "https://jobs.example/hooli/77")
        self.assertEqual(len(result["documents"]), 2)
        self.assertEqual(result["closing_follow_up"]["rule"], "closing_date")
        # The posting names the application it was recorded with, as `posting --json` does.
        self.assertEqual(result["posting"]["application_id"], result["application"]["id"])
        self.assertEqual(result["posting"]["application_id"], 1)
        self.assertEqual(result["posting"],
                         self.json_of("posting", "1", "--json")["posting"])

    def test_a_salary_keeps_its_cents(self):
        hourly = CLOSING_PAGE.replace(
            '"identifier": "HQ-77", ',
            '"identifier": "HQ-77", "baseSalary": {"@type": "MonetaryAmount", '
            '"currency": "USD", "value": 25.5, "unitText": "HOUR"}, ')
        out = self.ok("capture", self.write_page(hourly))
        self.assertIn("  Salary: USD 25.5 per hour\n", out)
        self.assertIn("Salary: USD 25.5 per hour\n", self.ok("posting", "1"))
        self.assertIn("  Salary: USD 25.5 per hour\n", self.ok("show", "1"))
        # A range with cents; a whole amount written with a fraction stays whole.
        ranged = CLOSING_PAGE.replace('"identifier": "HQ-77", ', (
            '"baseSalary": {"currency": "EUR", "value": {"@type": "QuantitativeValue", '
            '"minValue": 17.25, "maxValue": 22.499, "unitText": "HOUR"}}, ')).replace(
            "jobs.example/hooli/77", "jobs.example/hooli/78").replace(
            "Data Engineer", "Data Intern")
        result = self.json_of("capture", self.write_page(ranged, "ranged.html"), "--json",
                              "--quiet")
        self.assertEqual(result["posting"]["salary"], "EUR 17.25–22.5 per hour")
        whole = ranged.replace("17.25", "70000.0").replace("22.499", "90000.00").replace(
            '"HOUR"', '"YEAR"').replace("hooli/78", "hooli/79").replace(
            "Data Intern", "Data Lead")
        result = self.json_of("capture", self.write_page(whole, "whole.html"), "--json",
                              "--quiet")
        self.assertEqual(result["posting"]["salary"], "EUR 70000–90000 per year")

    def posted_page(self, posted, name):
        """A saved page whose datePosted is `posted`."""
        return self.write_page(CLOSING_PAGE.replace('"2026-11-20"', '"%s"' % posted), name)

    def assert_posted(self, tz, shown, iso, db=True):
        """Application 1's posted date, read in zone `tz`: `shown` by `show`, `iso` in the
        JSON of `show` and `posting`."""
        self.assertIn("  Posted: %s\n" % shown, self.ok("show", "1", tz=tz, db=db))
        for command in ("show", "posting"):
            self.assertEqual(self.json_of(command, "1", "--json", tz=tz, db=db)["posting"]
                             ["posted"], iso)

    def test_a_day_posted_is_that_day_in_every_zone(self):
        page = self.posted_page("2026-12-01", "day.html")
        for tz in ("America/Los_Angeles", "Pacific/Auckland"):
            with self.subTest(tz=tz):
                db = os.path.join(self.tmp, tz.replace("/", "-") + ".db")
                result = self.json_of("capture", page, "--json", tz=tz, db=db)
                self.assertEqual(result["posting"]["posted"], "2026-12-01")
                self.assertIn("\nPosted: 2026-12-01\n", self.ok("posting", "1", tz=tz, db=db))
                self.assert_posted(tz, "2026-12-01", "2026-12-01", db=db)
                out = self.ok("capture", page, "--force", "--quiet", tz=tz, db=db)
                self.assertIn("  Posted: 2026-12-01\n", out)

    def test_a_time_posted_is_shown_in_the_persons_zone(self):
        # 20:00 on 1 December in California is 04:00 UTC, and 17:00 on the 2nd in Auckland.
        page = self.posted_page("2026-12-01T20:00:00-08:00", "time.html")
        result = self.json_of("capture", page, "--json", tz="America/Los_Angeles")
        self.assertEqual(result["posting"]["posted"], "2026-12-01T20:00:00-08:00")
        # The text kept with it says the time in the zone it was captured in.
        self.assertIn("\nPosted: Tue 1 Dec 2026 20:00\n", self.ok("posting", "1"))
        self.assert_posted("America/Los_Angeles", "Tue 1 Dec 2026 20:00",
                           "2026-12-01T20:00:00-08:00")
        self.assert_posted("Pacific/Auckland", "Wed 2 Dec 2026 17:00",
                           "2026-12-02T17:00:00+13:00")

    # ---- R12 ----------------------------------------------------------------------------

    def test_a_closing_date_gives_a_follow_up_that_applying_cancels(self):
        out = self.ok("capture", self.write_page(CLOSING_PAGE))
        self.assertIn("apply before the posting closes, due Wed 16 Dec 2026 10:00", out)
        [due] = self.closing_follow_ups()
        self.assertEqual(due["due"], "2026-12-16T10:00:00+01:00")
        self.assertEqual(due["title"], "Apply before the posting closes — Hooli, Data Engineer")
        self.ok("app", "edit", "1", "--status", "applied")
        self.assertEqual(self.closing_follow_ups(), [])

    def test_applied_records_it_as_sent_without_the_closing_follow_up(self):
        out = self.ok("capture", self.write_page(CLOSING_PAGE), "--applied")
        self.assertIn("Hooli, Data Engineer (applied)", out)
        self.assertEqual(self.closing_follow_ups(), [])

    def test_the_closing_rule_can_be_switched_off(self):
        self.write_config("[rules]\nclosing_date = false\n")
        self.ok("capture", self.write_page(CLOSING_PAGE))
        self.assertEqual(self.closing_follow_ups(), [])

    # ---- duplicates ---------------------------------------------------------------------

    def test_the_same_posting_twice_is_refused_unless_forced(self):
        page = self.write_page(CLOSING_PAGE)
        self.ok("capture", page)
        out, err = self.assert_refused(1, "capture", page, contains="already recorded: "
                                       "application 1 (Hooli, Data Engineer, lead) has the "
                                       "same posting address; nothing recorded (--force")
        rc, out, err = self.jt("capture", page, "--force")
        self.assertEqual(rc, 0, err)
        self.assertIn("you have applied to Hooli before", err)
        self.ok("capture", page, "--force", "--quiet")
        self.assertEqual(len(self.apps()), 3)

    def test_the_same_identifier_at_the_same_company_and_the_same_role(self):
        self.ok("capture", self.write_page(CLOSING_PAGE))
        moved = CLOSING_PAGE.replace("https://jobs.example/hooli/77", "https://hooli.example/77")
        self.assert_refused(1, "capture", self.write_page(moved, "moved.html"),
                            contains="the same posting identifier")
        # Another employer's "HQ-77" is another posting.
        other = moved.replace('"name": "Hooli"', '"name": "Pied Piper"')
        self.ok("capture", self.write_page(other, "other.html"))
        # No address, no identifier: the same company and role as an open application.
        bare = CLOSING_PAGE.replace('"identifier": "HQ-77", ', "").replace(
            ', "url": "https://jobs.example/hooli/77"', "")
        self.assert_refused(1, "capture", self.write_page(bare, "bare.html"),
                            contains="the same company and role")

    def test_an_application_with_the_postings_address_is_the_same_posting(self):
        # Added by hand with the posting's link, then captured under another title.
        self.ok("app", "add", "--company", "Acme", "--role", "Backend Developer",
                "--url", "https://acme.example/jobs/1", "--status", "applied")
        page = CLOSING_PAGE.replace("https://jobs.example/hooli/77",
                                    "https://acme.example/jobs/1").replace(
            '"name": "Hooli"', '"name": "Acme"').replace(
            '"title": "Data Engineer"', '"title": "Backend Dev"')
        self.assert_refused(1, "capture", self.write_page(page),
                            contains="already recorded: application 1 (Acme, Backend "
                            "Developer, applied) has the same posting address; nothing "
                            "recorded (--force")
        self.assertEqual(len(self.apps()), 1)
        self.assertEqual(self.closing_follow_ups(), [])
        # Another address of the same employer is another posting.
        other = page.replace("acme.example/jobs/1", "acme.example/jobs/2")
        self.ok("capture", self.write_page(other, "other.html"), "--quiet")
        self.assertEqual(len(self.apps()), 2)

    def test_a_capture_that_waits_for_another_write_sees_it(self):
        # Another command writes (here: gives application 1 the posting's address) while
        # this capture starts; the capture waits for the write and then finds it, rather
        # than deciding on what it read before and recording the posting a second time.
        self.ok("app", "add", "--company", "Initrode", "--role", "Clerk")
        page = self.write_page(CLOSING_PAGE)
        writer = sqlite3.connect(self.db, isolation_level=None, timeout=10)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE applications SET url = 'https://jobs.example/hooli/77' "
                           "WHERE id = 1")
            capture = subprocess.Popen(self.command(["capture", page]),
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=self.environment())
            self.addCleanup(capture.wait)
            time.sleep(1.5)  # well within the 5 s the capture waits for a lock
            writer.execute("COMMIT")
        finally:
            writer.close()
        out, err = capture.communicate(timeout=30)
        self.assertEqual(capture.returncode, 1, (out + err).decode())
        self.assertIn("already recorded: application 1 (Initrode, Clerk, applied) has the same "
                      "posting address", err.decode())
        self.assertEqual(len(self.apps()), 1)

    # ---- partial results and refusals ---------------------------------------------------

    def test_opengraph_only_is_a_partial_result_said_as_such(self):
        out = self.ok("capture", posting("hooli-opengraph.html"))
        self.assertIn("partial: the page has no JobPosting data; read from OpenGraph only",
                      out)
        self.assertIn("Hooli, Product Manager, Nucleus (lead)", out)

    def test_a_page_that_does_not_name_the_employer_needs_company(self):
        page = posting("vandelay-title.html")
        self.assert_refused(2, "capture", page, contains="--company NAME")
        out = self.ok("capture", page, "--company", "Vandelay Industries")
        self.assertIn("Vandelay Industries,", out)

    def test_pages_without_a_posting_record_nothing(self):
        self.create_db()
        self.assert_refused(2, "capture", posting("none.html"), contains="no job posting found")
        self.assert_refused(2, "capture", self.write_page(""), contains="not an HTML page")
        self.assert_refused(2, "capture", os.path.join(self.tmp, "missing.html"),
                            contains="cannot read")
        self.assert_refused(2, "capture", self.tmp, contains="not a regular file")
        big = "<html><body>" + "x" * (5 * 1024 * 1024) + "</body></html>"
        self.assert_refused(2, "capture", self.write_page(big, "big.html"), contains="5 MB")
        self.assert_refused(2, "capture", "-", "--url", "ftp://x", input=CLOSING_PAGE,
                            contains="not a web address")

    def test_hostile_text_never_reaches_the_terminal(self):
        out = self.ok("capture", posting("hostile-escapes.html"), "--company", "Evil")
        text = self.ok("posting", "1")
        for shown in (out, text):
            self.assertNotIn("\x1b", shown)
            self.assertFalse(any(ord(c) < 32 and c not in "\n\t" for c in shown), shown)

    def test_posting_of_an_application_without_one(self):
        self.ok("app", "add", "--company", "Acme")
        self.assert_refused(1, "posting", "1", contains="has no saved posting")
        self.assert_refused(1, "posting", "9", contains="no application 9")

    # ---- the URL path -------------------------------------------------------------------

    def test_a_url_is_fetched_and_redirects_followed(self):
        base = self.serve()
        out = self.ok("capture", base + "/moved")
        self.assertIn("Captured application 1: Hooli, Data Engineer (lead)", out)
        files = self.json_of("app", "files", "1", "--json")
        self.assertEqual(len(files), 2)

    def test_server_errors_record_nothing(self):
        base = self.serve()
        self.create_db()
        self.assert_refused(1, "capture", base + "/gone", contains="404")
        self.assert_refused(1, "capture", base + "/loop", contains="redirect")
        self.assert_refused(1, "capture", base + "/pdf", contains="application/pdf")


if __name__ == "__main__":
    jtharness.main()
