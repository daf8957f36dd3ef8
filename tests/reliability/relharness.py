# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared parts of the reliability suite (tests/RELIABILITY.md).

The CLI and daemon harnesses of tests/cli and tests/daemon are reused as they are; this
adds what several scenarios need: reading the database behind jobtrack's back (integrity,
half-records), invitations to import, and one line of figures per scenario that the
suite's log keeps ("FIGURES scenario: key=value ...").

Runs on Debian's /usr/bin/python3 (python3-dbus, python3-dbusmock, python3-icalendar).
"""

import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TESTS, "cli"))
sys.path.insert(0, os.path.join(TESTS, "daemon"))

JOBTRACK = os.environ.get("JOBTRACK")
JOBTRACKD = os.environ.get("JOBTRACKD")
JOBTRACKD_FAULTS = os.environ.get("JOBTRACKD_FAULTS")


def figures(scenario, **values):
    """Prints the scenario's figures where the test log keeps them."""
    text = " ".join("%s=%s" % (key, value) for key, value in values.items())
    print("FIGURES %s: %s" % (scenario, text), flush=True)
    sys.stderr.write("FIGURES %s: %s\n" % (scenario, text))


def connect(path):
    """A connection of our own to the database; the caller closes it. A busy timeout as
    long as jobtrack's: a check waits for a writer rather than failing."""
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def integrity_problems(path):
    """What SQLite finds wrong with the file, and rows whose parent is gone: [] when
    neither."""
    db = connect(path)
    try:
        problems = [row[0] for row in db.execute("PRAGMA integrity_check")
                    if row[0] != "ok"]
        problems += ["foreign key: %r" % (row,) for row in db.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        db.close()


# Half-records: what only a transaction cut in the middle could leave. Each query lists
# the offending ids; all must be empty.
HALF_RECORD_QUERIES = {
    "interview without its people":
        "SELECT i.id FROM interviews i WHERE NOT EXISTS "
        "(SELECT 1 FROM interview_contacts ic WHERE ic.interview_id = i.id)",
    "reminder without its application":
        "SELECT r.id FROM reminders r WHERE r.application_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM applications a WHERE a.id = r.application_id)",
    "reminder without its contact":
        "SELECT r.id FROM reminders r WHERE r.contact_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM contacts c WHERE c.id = r.contact_id)",
    "interview person without the interview":
        "SELECT ic.contact_id FROM interview_contacts ic WHERE NOT EXISTS "
        "(SELECT 1 FROM interviews i WHERE i.id = ic.interview_id)",
    "interview without its thank-you letters":
        "SELECT i.id FROM interviews i WHERE "
        "(SELECT count(*) FROM interview_contacts ic WHERE ic.interview_id = i.id) != "
        "(SELECT count(*) FROM reminders r WHERE r.interview_id = i.id AND r.rule = 'thank_you')",
    "rejection without its letters":
        "SELECT o.application_id FROM outcomes o WHERE o.kind = 'rejected' AND NOT EXISTS "
        "(SELECT 1 FROM reminders r WHERE r.application_id = o.application_id "
        "AND r.rule = 'rejection_letter')",
    "status that disagrees with the outcome":
        "SELECT a.id FROM applications a JOIN outcomes o ON o.application_id = a.id "
        "WHERE o.kind = 'rejected' AND a.status != 'rejected'",
}


def half_records(path):
    db = connect(path)
    try:
        found = {}
        for what, sql in HALF_RECORD_QUERIES.items():
            ids = [row[0] for row in db.execute(sql)]
            if ids:
                found[what] = ids
        return found
    finally:
        db.close()


def invitation(uid, company_domain, start="20261204T130000Z", summary="Interview: SRE",
               people=("Raj Patel", "Ann Lee"), extra=""):
    """An invitation as Google Calendar writes one, CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR", "PRODID:-//jobtrack tests//EN", "VERSION:2.0", "METHOD:REQUEST",
        "BEGIN:VEVENT", "UID:" + uid, "DTSTART:" + start, "DTEND:" + start[:9] + "140000Z",
        "DTSTAMP:20261120T101512Z", "SUMMARY:" + summary,
        "ORGANIZER;CN=%s:mailto:%s@%s" % (people[0], people[0].split()[0].lower(),
                                           company_domain),
    ]
    for person in people:
        lines.append("ATTENDEE;CN=%s:mailto:%s@%s" % (person, person.split()[0].lower(),
                                                      company_domain))
    if extra:
        lines.append(extra)
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)
