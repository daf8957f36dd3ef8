#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Upgrading a real database of an older schema: tests/data/schema/schema-N.db, made by
the jobtrack of the commit where schema N was the newest (tests/data/schema/README),
opened by today's jobtrack. What a user would notice: it opens, it is upgraded at the
first write, every record is still there, follow-ups keep their ids, uids and states (a
done or dismissed one never comes back), the agenda shows the open ones, and the backup
exports.

$JT_SCHEMA is the schema number N; $JT_SOURCE_ROOT the source tree (the fixtures, and the
newest schema: the number of migrations in schema/)."""

import datetime
import glob
import json
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "cli"))
from jtharness import JobtrackTestCase  # noqa: E402
import jtharness  # noqa: E402

SOURCE_ROOT = os.environ.get("JT_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = int(os.environ.get("JT_SCHEMA", "0"))
FIXTURE = os.path.join(SOURCE_ROOT, "tests", "data", "schema", "schema-%d.db" % SCHEMA)
NEWEST = len(glob.glob(os.path.join(SOURCE_ROOT, "schema", "[0-9][0-9][0-9][0-9]-*.sql")))
# The moment the fixtures were recorded at (make-fixtures.sh), in their zone.
NOW = "2026-11-02T09:00:00"
TZ = "Europe/Berlin"

APPLICATIONS = {
    1: ("Acme GmbH", "Platform Engineer", "applied"),
    2: ("Globex Corporation", "SRE", "interviewing"),
    3: ("Initech", "Backend Engineer", "offer"),
    4: ("Umbrella Corp", "DevOps Engineer", "rejected"),
    5: ("Hooli", "Data Engineer", "lead"),
}
if SCHEMA >= 12:
    # Captured from saved pages (make-fixtures.sh): their postings are kept.
    APPLICATIONS.update({
        6: ("Pied Piper", "Compression Engineer", "lead"),
        7: ("Vandelay Industries", "Importer", "applied"),
    })
CONTACTS = {
    1: ("Raj Patel", "raj@globex.example", ["decision-maker"]),
    2: ("Lee Chen", "lee@globex.example", ["influencer"]),
    3: ("Ana Lima", "ana@umbrella.example", ["hr"]),
    4: ("Dana Scully", "dana@example.org", []),
}


def fixture_reminders():
    """The follow-ups as the older jobtrack left them: {id: row as a dict}."""
    db = sqlite3.connect("file:%s?mode=ro&immutable=1" % FIXTURE, uri=True)
    db.row_factory = sqlite3.Row
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'reminders'").fetchone():
            return {}
        rows = db.execute("SELECT id, uid, rule, application_id, contact_id, due_at, "
                          "fire_at, state FROM reminders")
        return {row["id"]: dict(row) for row in rows}
    finally:
        db.close()


def epoch(text):
    """An ISO 8601 time from `--json` output as a Unix time."""
    return int(datetime.datetime.fromisoformat(text).timestamp())


class MigrationTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        self.assertTrue(1 <= SCHEMA < 100, "set JT_SCHEMA to a schema number")
        self.assertTrue(os.path.exists(FIXTURE), "no fixture %s" % FIXTURE)
        self.assertGreaterEqual(NEWEST, 7, "no migrations found in %s/schema" % SOURCE_ROOT)
        shutil.copyfile(FIXTURE, self.db)
        os.chmod(self.db, 0o600)
        self.expected_reminders = fixture_reminders()

    def run_jt(self, *args):
        return self.json_of(*args, now=NOW, tz=TZ)

    def user_version(self):
        db = sqlite3.connect(self.db)
        try:
            return db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()

    def write(self):
        """A writing command: a call logged with Lee Chen about Globex."""
        out = self.ok("touch", "add", "--app", "2", "--contact", "2", "--kind", "call",
                      "--at", "2026-11-02 08:30", "--about", "Asked about the final round",
                      now=NOW, tz=TZ)
        self.assertIn("Logged call", out)

    def test_the_fixture_is_of_its_schema(self):
        db = sqlite3.connect("file:%s?mode=ro&immutable=1" % FIXTURE, uri=True)
        try:
            self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], SCHEMA)
        finally:
            db.close()
        if SCHEMA >= 2:
            states = sorted(r["state"] for r in self.expected_reminders.values())
            for state in ("done", "dismissed", "snoozed", "pending"):
                self.assertIn(state, states)

    def test_read_then_write_upgrades_and_keeps_the_records(self):
        # A read may say on stderr that the file awaits its upgrade; it lists all the same.
        rc, out, err = self.jt("app", "list", "--json", now=NOW, tz=TZ)
        self.assertEqual(rc, 0, err)
        listed = json.loads(out)
        self.assertEqual({a["id"]: (a["company"], a["role"], a["status"]) for a in listed},
                         APPLICATIONS)
        self.write()
        self.assertEqual(self.user_version(), NEWEST)

        listed = self.run_jt("app", "list", "--json")
        self.assertEqual({a["id"]: (a["company"], a["role"], a["status"]) for a in listed},
                         APPLICATIONS)
        acme = self.run_jt("show", "1", "--json")
        self.assertEqual((acme["source"], acme["url"], acme["interest"], acme["notes"]),
                         ("LinkedIn", "https://acme.example/jobs/42", 4, "Referred by Dana"))
        self.assertEqual([(t["kind"], t["about"]) for t in acme["touches"]],
                         [("email", "Referral to Acme")])

        contacts = {c["id"]: c for c in self.run_jt("contact", "list", "--json")}
        self.assertEqual({i: (c["name"], c["email"], c["roles"]) for i, c in contacts.items()},
                         CONTACTS)
        self.assertTrue(contacts[4]["network"])
        self.assertTrue(contacts[4]["hit_it_off"])
        self.assertEqual(contacts[4]["phone"], "+49 30 1234567")

        interview = self.run_jt("interview", "show", "1", "--json")
        self.assertEqual(interview["application"]["id"], 2)
        self.assertEqual(epoch(interview["start"]), epoch("2026-10-28T14:00:00+01:00"))
        self.assertEqual(interview["duration_min"], 60)
        self.assertEqual(interview["kind"], "video")
        self.assertEqual([p["name"] for p in interview["interviewers"]],
                         ["Raj Patel", "Lee Chen"])
        self.assertEqual(
            (interview["rating"], interview["said"], interview["edge"], interview["problems"],
             interview["objections"], interview["next_step"], interview["notes"]),
            (4, "They liked the on-call redesign", "Ran the same migration at scale",
             "Pager fatigue; I would propose SLOs per team", "No Go experience",
             "Final round with the VP", "Good rapport with Raj; Lee sceptical about Go"))
        globex = self.run_jt("show", "2", "--json")
        self.assertEqual(globex["decision_date"], "2026-11-06")
        self.assertEqual(sorted(t["kind"] for t in globex["touches"])[-1], "letter")
        self.assertIn(("call", "Asked about the final round"),
                      [(t["kind"], t["about"]) for t in globex["touches"]])

        offers = self.run_jt("offer", "list", "--json")
        self.assertEqual([(o["application_id"], o["received"], o["deadline"], o["salary"],
                           o["title"], o["start"], o["state"]) for o in offers],
                         [(3, "2026-10-30", "2026-11-13", "EUR 85,000",
                           "Senior Backend Engineer", "2027-01-04", "open")])
        umbrella = self.run_jt("show", "4", "--json")
        self.assertEqual([(o["outcome"], epoch(o["at"])) for o in umbrella["outcomes"]],
                         [("rejected", epoch("2026-10-29T00:00:00+01:00"))])

    def test_schema_1_gains_the_follow_ups_its_records_call_for(self):
        if SCHEMA != 1:
            self.skipTest("only schema 1 had no follow-ups")
        self.write()
        owed = {(r["rule"], (r.get("application") or {}).get("id"),
                 (r.get("contact") or {}).get("id"))
                for r in self.run_jt("agenda", "--all", "--json")}
        for expected in [("thank_you", 2, 1), ("thank_you", 2, 2), ("follow_up_call", 2, 1),
                         ("offer_deadline", 3, None), ("recontact", 4, 3),
                         ("network_update", None, 4)]:
            self.assertIn(expected, owed)

    def test_follow_ups_keep_their_ids_uids_and_states(self):
        if SCHEMA < 2:
            self.skipTest("schema 1 had no follow-ups")
        self.write()
        shown = {}
        for app in APPLICATIONS:
            for r in self.run_jt("show", str(app), "--json")["reminders"]:
                shown[r["id"]] = r
        agenda = {r["id"]: r for r in self.run_jt("agenda", "--all", "--json")}

        for rid, old in self.expected_reminders.items():
            with self.subTest(reminder=rid, rule=old["rule"], state=old["state"]):
                # The network update belongs to no application: the agenda shows it.
                now = shown.get(rid) or agenda.get(rid)
                self.assertIsNotNone(now, "follow-up %d (%s) is gone" % (rid, old["rule"]))
                self.assertEqual(now["uid"], old["uid"])
                self.assertEqual(now["rule"], old["rule"])
                self.assertEqual(now["state"], old["state"])
                self.assertEqual(epoch(now["due"]), old["due_at"])
                if old["state"] == "snoozed":
                    self.assertEqual(epoch(now["snoozed_until"]), old["fire_at"])
                open_ = old["state"] in ("pending", "snoozed")
                self.assertEqual(rid in agenda, open_,
                                 "the agenda %s follow-up %d (%s)" % (
                                     "lacks" if open_ else "shows", rid, old["state"]))

        # A follow-up done or dismissed does not come back as another one.
        closed = {(r["rule"], r["application_id"], r["contact_id"])
                  for r in self.expected_reminders.values()
                  if r["state"] in ("done", "dismissed")}
        self.assertEqual(len(closed), 2)
        for r in agenda.values():
            key = (r["rule"], (r.get("application") or {}).get("id"),
                   (r.get("contact") or {}).get("id"))
            self.assertNotIn(key, closed, "a closed follow-up came back as %d" % r["id"])

    def test_export_json_after_the_upgrade(self):
        self.write()
        backup = self.run_jt("export", "--json")
        self.assertEqual(backup["schema"], NEWEST)
        tables = backup["tables"]
        self.assertEqual(sorted(a["id"] for a in tables["applications"]), sorted(APPLICATIONS))
        self.assertEqual(sorted(c["name"] for c in tables["contacts"]),
                         sorted(c[0] for c in CONTACTS.values()))
        self.assertEqual(sorted(r["uid"] for r in tables.get("reminders", [])
                                if r["id"] in self.expected_reminders),
                         sorted(r["uid"] for r in self.expected_reminders.values()))

    def schema_objects(self, path):
        """Every table, index and trigger of the database at `path`, with its SQL made
        comparable (spacing aside)."""
        db = sqlite3.connect(path)
        try:
            return {(kind, name): " ".join((sql or "").split())
                    for kind, name, sql in db.execute(
                        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE "
                        "'sqlite_%' AND name NOT LIKE 'search_index_%'")}
        finally:
            db.close()

    def test_the_upgraded_file_has_every_table_index_and_trigger_a_new_one_has(self):
        self.write()
        fresh = os.path.join(self.tmp, "fresh.db")
        rc, out, err = self.jt("dismiss", "999999", db=fresh)
        self.assertEqual(rc, 1, err)
        upgraded, new = self.schema_objects(self.db), self.schema_objects(fresh)
        self.assertEqual(sorted(upgraded), sorted(new))
        # The same definitions, but for the columns the migrations appended (ALTER TABLE
        # ADD COLUMN writes them where a new file has them too) and table texts.
        for key in new:
            if key[0] != "table":
                self.assertEqual(upgraded[key], new[key], key)
        db = sqlite3.connect(self.db)
        try:
            self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        finally:
            db.close()
        # The search triggers work on the upgraded tables.
        self.ok("app", "edit", "5", "--notes", "zeppelin hangar", now=NOW, tz=TZ)
        hits = self.run_jt("search", "zeppelin", "--json")
        self.assertEqual([(h["kind"], h["id"]) for h in hits], [("application", 5)])

    def test_ids_are_never_handed_out_again_after_the_upgrade(self):
        # The newest application (Hooli, 5, before schema 12) removed: the next one has
        # the id after it, not its id.
        newest = max(APPLICATIONS)
        self.write()
        self.ok("app", "rm", str(newest), "--yes", now=NOW, tz=TZ)
        out = self.ok("app", "add", "--company", "Zeppelin", now=NOW, tz=TZ)
        self.assertIn("Added application %d:" % (newest + 1), out)
        self.ok("interview", "rm", "1", "--yes", now=NOW, tz=TZ)
        self.ok("add", "--company", "Zeppelin", "--at", "2026-11-03 10:00", now=NOW, tz=TZ)
        interviews = self.run_jt("interview", "list", "--json")
        self.assertEqual([i["id"] for i in interviews], [2])

    def test_follow_up_ids_are_never_handed_out_again(self):
        # 0012 makes the reminders table again: its AUTOINCREMENT counter must survive,
        # or the id of a follow-up the rules withdrew (one a person saw) comes back. The
        # newest follow-up is removed first, as a withdrawn one is.
        if SCHEMA < 2:
            self.skipTest("schema 1 had no follow-ups")
        db = sqlite3.connect(self.db)
        try:
            highest = db.execute("SELECT max(id) FROM reminders").fetchone()[0]
            db.execute("DELETE FROM reminders WHERE id = ?", (highest,))
            db.commit()
        finally:
            db.close()
        out = self.ok("remind", "add", "--app", "1", "--due", "2026-11-09 10:00", "Call Acme",
                      now=NOW, tz=TZ)
        self.assertIn("Added reminder %d for" % (highest + 1), out)

    def test_saved_postings_say_whether_they_were_posted_on_a_day(self):
        # Schema 12 kept a datePosted given as a day alone as 00:00 UTC of it, and no word
        # on it: 0013 takes such an instant for a day, any other for a time.
        if SCHEMA < 12:
            self.skipTest("saved postings came with schema 12")
        self.write()
        db = sqlite3.connect(self.db)
        try:
            self.assertEqual(db.execute("SELECT application_id, posted_on_day, closes_on_day "
                                        "FROM postings ORDER BY 1").fetchall(),
                             [(6, 1, 1), (7, 0, 0)])
        finally:
            db.close()
        pied_piper = self.run_jt("show", "6", "--json")["posting"]
        self.assertEqual((pied_piper["title"], pied_piper["salary"], pied_piper["closes"]),
                         ("Compression Engineer", "USD 150000 per year", "2026-11-20"))
        # Posted on the day the page said, in any zone; posted at 16:30 in California is
        # 00:30 the next day in Berlin.
        self.assertEqual(pied_piper["posted"], "2026-10-30")
        for tz in (TZ, "America/Los_Angeles"):
            self.assertIn("  Posted: 2026-10-30\n", self.ok("show", "6", now=NOW, tz=tz))
        vandelay = self.run_jt("show", "7", "--json")["posting"]
        self.assertEqual(vandelay["posted"], "2026-10-30T00:30:00+01:00")
        self.assertIn("  Posted: Thu 29 Oct 2026 16:30\n",
                      self.ok("show", "7", now=NOW, tz="America/Los_Angeles"))

    def test_an_interviews_calendar_sequence_never_goes_back(self):
        # Its SEQUENCE was the seconds from its creation to its last edit; the revision
        # it has now starts there, so calendars that saw that number take the next change.
        db = sqlite3.connect("file:%s?mode=ro&immutable=1" % FIXTURE, uri=True)
        try:
            old = {i: max(u - c, 0) for i, u, c in
                   db.execute("SELECT id, updated_at, created_at FROM interviews")}
        finally:
            db.close()
        self.write()
        self.ok("interview", "edit", "1", "--at", "2026-10-28 15:00", now=NOW, tz=TZ)
        ics = self.ok("export", "--ics", "--all", now=NOW, tz=TZ)
        sequences = {}
        uid = None
        for line in ics.splitlines():
            if line.startswith("UID:"):
                uid = line[4:]
            elif line.startswith("SEQUENCE:") and uid and uid.startswith("interview-"):
                sequences[int(uid.split("-")[1].split("@")[0])] = int(line[9:])
        self.assertEqual(sorted(sequences), sorted(old))
        self.assertGreater(sequences[1], old[1])


if __name__ == "__main__":
    jtharness.main()
