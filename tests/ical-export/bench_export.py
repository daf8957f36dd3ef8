#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How long `jobtrack export --ics` takes for 30,000 open follow-ups (the budget is
300 ms; calcurse 4.7 needs about 3.2 s for as many appointments).

The database is made by the CLI (so it has the real schema), then filled directly with
SQLite: 30,000 reminders over 50 applications and 200 contacts, one in ten snoozed, with
titles and details as long as the rules write them. The export runs REPEAT times into a
file (synced) and REPEAT times to stdout (/dev/null); the median of each must be within
the budget. The machine's other load shows in the wall times: the CPU times tell the
work.

Usage: JOBTRACK=build/cli/jobtrack bench_export.py [COUNT]"""

import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

JOBTRACK = os.environ.get("JOBTRACK")
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
BUDGET = 0.300
REPEAT = 7
BASE = 1796112000  # Tue 1 Dec 2026 09:00 Berlin
RULES = ["thank_you", "follow_up_call", "recontact", "application_follow_up", "manual"]


def environment(tmp):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tmp,
            "XDG_DATA_HOME": os.path.join(tmp, "data"),
            "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
            "TZ": "Europe/Berlin", "LC_ALL": "C.UTF-8", "JOBTRACK_NOW": "2026-12-01T09:00:00"}


def fill(db, count):
    con = sqlite3.connect(db)
    with con:
        for a in range(1, 51):
            company, role = "Company %d GmbH" % a, "Senior Engineer %d" % a
            con.execute("INSERT INTO applications (company, role, status, company_key, role_key, "
                        "created_at, updated_at) VALUES (?, ?, 'interviewing', ?, ?, ?, ?)",
                        (company, role, company.lower(), role.lower(), BASE, BASE))
        for c in range(1, 201):
            name, company = "Person Number %d" % c, "Company %d GmbH" % (c % 50 + 1)
            con.execute("INSERT INTO contacts (name, company, email, phone, company_key, name_key, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (name, company, "person%d@example.com" % c, "+49 30 1234 %04d" % c,
                         company.lower(), name.lower(), BASE, BASE))
        rows = []
        for i in range(count):
            due = BASE + i * 1800
            snoozed = i % 10 == 0
            contact = i % 200 + 1
            rows.append((
                "%s@jobtrack" % uuid.UUID(int=i + 1).hex, RULES[i % len(RULES)], i % 50 + 1,
                contact, due, due + 86400 if snoozed else due,
                "snoozed" if snoozed else "pending",
                "Call Person Number %d about the decision — Company %d GmbH, Senior Engineer %d"
                % (contact, i % 50 + 1, i % 50 + 1),
                "They planned to decide by 2026-12-10; ask where things stand.\n"
                "Reach Person Number %d: person%d@example.com, +49 30 1234 %04d."
                % (contact, contact, contact),
                i % 4, BASE, BASE + i))
        con.executemany(
            "INSERT INTO reminders (uid, rule, application_id, contact_id, due_at, fire_at, "
            "state, title, detail, revision, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()


def main():
    if not JOBTRACK or not os.access(JOBTRACK, os.X_OK):
        sys.exit("set JOBTRACK to the jobtrack binary (got %r)" % JOBTRACK)
    tmp = tempfile.mkdtemp(prefix="jobtrack-bench-")
    try:
        env = environment(tmp)
        db = os.path.join(tmp, "jobtrack.db")
        subprocess.run([JOBTRACK, "--db", db, "agenda"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        fill(db, COUNT)
        out = os.path.join(tmp, "followups.ics")
        argv = [JOBTRACK, "--db", db, "export", "--ics"]
        # Once each way to check the output (and to warm the page cache).
        subprocess.run(argv + ["-o", out], env=env, check=True)
        with open(out, "rb") as f:
            written = f.read()
        printed = subprocess.run(argv, env=env, check=True, stdout=subprocess.PIPE).stdout
        if written != printed or printed.count(b"BEGIN:VEVENT") != COUNT:
            sys.exit("expected %d events, got %d" % (COUNT, printed.count(b"BEGIN:VEVENT")))
        times = {}
        for name, extra in (("-o FILE", ["-o", out]), ("stdout", [])):
            runs = []
            cpu = []
            for _ in range(REPEAT):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.monotonic()
                subprocess.run(argv + extra, env=env, stdout=subprocess.DEVNULL, check=True)
                runs.append(time.monotonic() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            times[name] = runs
            print("export of %d reminders, %s: wall min %.0f ms, median %.0f ms, max %.0f ms; "
                  "CPU (all threads) median %.0f ms"
                  % (COUNT, name, min(runs) * 1e3, statistics.median(runs) * 1e3,
                     max(runs) * 1e3, statistics.median(cpu) * 1e3))
        worst = max(statistics.median(runs) for runs in times.values())
        if worst > BUDGET * COUNT / 30000:
            sys.exit("over budget: median %.0f ms > %.0f ms" % (worst * 1e3, BUDGET * 1e3))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
