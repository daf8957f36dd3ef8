#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack sync setup` and `jobtrack sync` against a real Radicale, with vdirsyncer as
the phone: the follow-ups go there as tasks, and what the phone completes, moves or
deletes comes back done, snoozed and dismissed."""
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syncharness import SyncTestCase, require  # noqa: E402

require(programs=["htpasswd", "vdirsyncer", "/usr/bin/python3"])

import unittest  # noqa: E402

LIST_PATH = "/me/jobtrack-follow-ups/"


class SyncTest(SyncTestCase):

    def add_follow_ups(self):
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for due, text in [("2026-12-02 10:00", "Call Raj"), ("2026-12-03 10:00", "Send portfolio"),
                          ("2026-12-04 10:00", "Ask about the team")]:
            self.ok("remind", "add", "--app", "1", "--due", due, text)

    def server_texts(self):
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        texts = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".ics"):
                with open(os.path.join(folder, name)) as f:
                    texts.append(f.read())
        return "".join(texts)

    def agenda(self):
        return {r["title"]: r for r in self.json_of("agenda", "--json")}

    def setup_and_push(self):
        self.add_follow_ups()
        out = self.ok("sync", "setup")
        self.assertIn("Created and chose: %s" % self.url.rstrip("/") + LIST_PATH, out)
        out = self.ok("sync")
        created = len(self.agenda())
        self.assertIn("%d created, 0 updated" % created, out)
        return created

    def test_setup_creates_the_list_and_probes_it(self):
        out = self.ok("sync", "setup")
        self.assertIn("Principal: %sme/" % self.url, out)
        self.assertIn("Created and chose:", out)
        methods = [m for m, _ in self.server_requests()]
        self.assertIn("MKCALENDAR", methods)
        # the probe: one PUT and one DELETE, and nothing left behind
        self.assertEqual(methods.count("PUT"), 1)
        self.assertEqual(methods.count("DELETE"), 1)
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        self.assertEqual([n for n in os.listdir(folder) if n.endswith(".ics")], [])
        # a second setup finds it rather than making another
        out = self.ok("sync", "setup")
        self.assertIn("Chose: %s" % self.url.rstrip("/") + LIST_PATH, out)
        self.assertEqual([m for m, _ in self.server_requests()].count("MKCALENDAR"), 1)

    def add_server_list(self, name):
        """A task list of the server's own, named `name` (Radicale keeps it in a file)."""
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me", "theirs")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, ".Radicale.props"), "w") as f:
            json.dump({"tag": "VCALENDAR", "D:displayname": name,
                       "C:supported-calendar-component-set": "VTODO"}, f)

    def test_setup_shows_what_the_server_named_as_text_only(self):
        self.ok("sync", "setup")
        # A name that would start a new line and forge one, move the cursor (C1 CSI, as
        # an 8-bit terminal reads it), and turn the text around (a bidi override).
        self.add_server_list("Work\nTask list found: forged\r\u009b2J\u0085\u202eevil")
        out = self.ok("sync", "setup")
        lines = out.splitlines()
        self.assertEqual(len([line for line in lines if line.startswith("Task list found:")]), 2,
                         out)
        self.assertIn("Task list found: Work Task list found: forged", out)
        for raw in ("\r", "\u009b", "\u0085", "\u202e"):
            self.assertNotIn(raw, out)
        self.assertEqual(len(lines), 6, out)
        # An ESC cannot reach it at all: XML has no way to carry one, so such an answer
        # is refused, in one line that holds none.
        self.add_server_list("Work\x1b]0;owned\x07\x1b[2J")
        rc, out, err = self.jt("sync", "setup")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="cannot be read")
        self.assertNotIn("\x1b", out + err)

    def test_push_then_nothing_then_one_change_costs_two_requests(self):
        created = self.setup_and_push()
        self.assertGreaterEqual(created, 3)
        before = len(self.server_requests())
        self.assertIn("0 created, 0 updated", self.ok("sync"))
        self.assertEqual(len(self.server_requests()) - before, 1)  # the sync report alone
        call = self.agenda()["Call Raj"]
        self.ok("snooze", str(call["id"]), "2026-12-05 09:00")
        before = len(self.server_requests())
        self.assertIn("0 created, 1 updated", self.ok("sync"))
        requests = self.server_requests()[before:]
        self.assertEqual([m for m, _ in requests], ["REPORT", "PUT"])

    def test_status_tells_the_changes_waiting(self):
        self.add_follow_ups()
        self.ok("sync", "setup")
        created = len(self.agenda())
        status = self.json_of("sync", "--status", "--json")
        self.assertEqual((status["tasks"], status["waiting"]), (0, created))
        self.ok("sync")
        status = self.json_of("sync", "--status", "--json")
        self.assertEqual((status["tasks"], status["waiting"]), (created, 0))
        # Made while offline: counted until a sync puts them there; counting asks nothing.
        before = len(self.server_requests())
        self.ok("snooze", str(self.agenda()["Call Raj"]["id"]), "2026-12-05 09:00")
        self.ok("done", str(self.agenda()["Send portfolio"]["id"]))
        text = self.ok("sync", "--status")
        self.assertIn("%d tasks on the server\n2 changes waiting for the next sync\n" % created,
                      text)
        self.assertEqual(len(self.server_requests()), before)
        self.assertIn("0 created, 2 updated", self.ok("sync"))
        self.assertEqual(self.json_of("sync", "--status", "--json")["waiting"], 0)

    def test_phone_completes_moves_and_deletes(self):
        self.setup_and_push()
        self.phone_setup(self.url.rstrip("/") + LIST_PATH)
        self.phone("sync")
        tasks = self.phone_tasks()
        self.assertIn("Call Raj", tasks)
        self.phone_edit(tasks["Call Raj"], "STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
        self.phone_edit(tasks["Send portfolio"], "DUE:20261203T090000Z", "DUE:20261210T080000Z")
        os.remove(tasks["Ask about the team"])
        self.phone("sync")

        out = self.ok("sync")
        self.assertIn("1 done, 1 dismissed, 1 snoozed here", out)
        agenda = self.agenda()
        self.assertNotIn("Call Raj", agenda)
        self.assertNotIn("Ask about the team", agenda)
        self.assertEqual(agenda["Send portfolio"]["state"], "snoozed")
        self.assertEqual(agenda["Send portfolio"]["snoozed_until"], "2026-12-10T09:00:00+01:00")
        # the completed one stays on the server, completed; jobtrack's wording is kept
        self.phone("sync")
        tasks = self.phone_tasks()
        with open(tasks["Call Raj"], newline="") as f:
            self.assertIn("STATUS:COMPLETED", f.read())
        self.assertNotIn("Ask about the team", tasks)
        # and nothing more to do
        self.assertIn("0 created, 0 updated, 0 cancelled on the server; 0 done", self.ok("sync"))

    def phone_moves_to_a_day_and_to_a_time_without_a_zone(self, tz):
        # tasks.org writes a due day without a time as DUE;VALUE=DATE, and some phones a
        # time with no zone (floating): the day is taken at the call hour and the time as
        # a wall time, both in the person's zone, as the rules make calls due.
        self.write_sync_config(extra="[rules]\ncall_hour = 08:30\n")
        self.ok("app", "add", "--company", "Globex", "--role", "SRE", tz=tz)
        for due, text in [("2026-12-02 10:00", "Call Raj"), ("2026-12-03 10:00", "Send portfolio")]:
            self.ok("remind", "add", "--app", "1", "--due", due, text, tz=tz)
        self.ok("sync", "setup", tz=tz)
        self.ok("sync", tz=tz)
        self.phone_setup(self.url.rstrip("/") + LIST_PATH)
        self.phone("sync")
        tasks = self.phone_tasks()
        for summary, due in [("Call Raj", "DUE;VALUE=DATE:20261209"),
                             ("Send portfolio", "DUE:20261210T153000")]:
            with open(tasks[summary], newline="") as f:
                old = [line for line in f.read().splitlines() if line.startswith("DUE")]
            self.assertEqual(len(old), 1, old)
            self.phone_edit(tasks[summary], old[0], due)
        self.phone("sync")

        self.assertIn("0 created, 2 updated, 0 cancelled on the server; 0 done, 0 dismissed, "
                      "2 snoozed here", self.ok("sync", tz=tz))
        return {title: r["snoozed_until"]
                for title, r in ((r["title"], r) for r in self.json_of("agenda", "--json", tz=tz))
                if title in ("Call Raj", "Send portfolio")}

    def test_phone_moves_to_a_day_or_a_floating_time_in_new_york(self):
        self.assertEqual(self.phone_moves_to_a_day_and_to_a_time_without_a_zone("America/New_York"),
                         {"Call Raj": "2026-12-09T08:30:00-05:00",
                          "Send portfolio": "2026-12-10T15:30:00-05:00"})
        self.assertIn("DUE:20261209T133000Z", self.server_texts())

    def test_phone_moves_to_a_day_or_a_floating_time_in_sydney(self):
        # South of the equator, in summer time: the day's call hour is the day before in UTC.
        self.assertEqual(self.phone_moves_to_a_day_and_to_a_time_without_a_zone("Australia/Sydney"),
                         {"Call Raj": "2026-12-09T08:30:00+11:00",
                          "Send portfolio": "2026-12-10T15:30:00+11:00"})
        self.assertIn("DUE:20261208T213000Z", self.server_texts())

    def test_phone_rewording_is_put_back(self):
        self.setup_and_push()
        self.phone_setup(self.url.rstrip("/") + LIST_PATH)
        self.phone("sync")
        tasks = self.phone_tasks()
        self.phone_edit(tasks["Call Raj"], "SUMMARY:Call Raj", "SUMMARY:Phone him")
        self.phone("sync")
        out = self.ok("sync")
        self.assertIn("1 reworded back", out)
        self.assertIn("0 created, 1 updated", out)
        # the server holds jobtrack's words again
        self.assertIn("SUMMARY:Call Raj", self.server_texts())
        self.assertNotIn("Phone him", self.server_texts())
        self.assertEqual(self.agenda()["Call Raj"]["state"], "pending")

    def test_a_task_the_phone_made_is_never_touched(self):
        self.setup_and_push()
        before = self.agenda()
        self.phone_setup(self.url.rstrip("/") + LIST_PATH)
        self.phone("sync")
        with open(os.path.join(self.vdir, "milk.ics"), "w", newline="") as f:
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//A phone//EN\r\n"
                    "BEGIN:VTODO\r\nUID:milk-1@phone.example\r\nDTSTAMP:20261201T080000Z\r\n"
                    "SUMMARY:Buy milk\r\nDUE:20261202T170000Z\r\nSTATUS:NEEDS-ACTION\r\n"
                    "END:VTODO\r\nEND:VCALENDAR\r\n")
        self.phone("sync")
        for edit in [None, ("STATUS:NEEDS-ACTION", "STATUS:COMPLETED")]:
            if edit is not None:
                self.phone_edit(self.phone_tasks()["Buy milk"], *edit)
                self.phone("sync")
            on_server = self.server_texts()
            self.assertIn("milk-1@phone.example", on_server)
            sent = len(self.server_requests())
            for args in [["sync"], ["sync", "--reset"]]:
                self.ok(*args)
                # Not taken as a follow-up, not rewritten, not cancelled, not deleted.
                self.assertEqual(self.agenda(), before)
                self.assertEqual(self.server_texts(), on_server)
                touched = [(m, path) for m, path in self.server_requests()[sent:]
                           if m in ("PUT", "DELETE") and "milk" in path]
                self.assertEqual(touched, [])

    def test_wrong_password_is_one_clear_error(self):
        self.add_follow_ups()
        self.ok("sync", "setup")
        self.write_sync_config(password="wrong")
        before = len(self.server_requests())
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1)
        self.assert_error_line(err, contains="401")
        # no retry storm: the request, and libsoup's one authenticated try
        self.assertLessEqual(len(self.server_requests()) - before, 2)
        status = self.json_of("sync", "--status", "--json")
        self.assertIn("401", status["last_error"])

    def test_emptied_list_stops_the_sync(self):
        created = self.setup_and_push()
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        for name in os.listdir(folder):
            if name.endswith(".ics"):
                os.remove(os.path.join(folder, name))
        # Radicale's cache of the collection goes with its files
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="no longer holds")
        self.assertEqual(len(self.agenda()), created)  # nothing dismissed here
        self.assertEqual([m for m, _ in self.server_requests()].count("PUT"), 1 + created)
        # On purpose, --reset puts them back: every open follow-up, each once, its state kept.
        out = self.ok("sync", "--reset")
        self.assertIn("%d created" % created, out)
        on_server = [n for n in os.listdir(folder) if n.endswith(".ics")]
        self.assertEqual(len(on_server), created)
        self.assertEqual(len(self.agenda()), created)
        self.assertIn("0 created, 0 updated", self.ok("sync"))

    def test_list_gone_says_so_and_changes_nothing(self):
        created = self.setup_and_push()
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        shutil.rmtree(folder)
        before = self.agenda()
        sent = len(self.server_requests())
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="is gone from the server; run 'jobtrack sync setup'")
        self.assertEqual(len(self.agenda()), created)
        self.assertNotIn("PUT", [m for m, _ in self.server_requests()][sent:])
        # The follow-ups are as they were; only the sync's own record says what happened.
        self.assertEqual(self.agenda(), before)
        self.assertIn("is gone from the server", self.json_of("sync", "--status", "--json")
                      ["last_error"])

    def test_killed_mid_sync_every_follow_up_ends_on_the_server_once(self):
        # A first upload long enough to be killed in (each PUT is a few ms to Radicale).
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for day in range(1, 121):
            due = "2027-%02d-%02d 10:00" % (1 + (day - 1) // 28, 1 + (day - 1) % 28)
            self.ok("remind", "add", "--app", "1", "--due", due, "Follow-up %d" % day)
        self.ok("sync", "setup")
        open_count = len(self.json_of("agenda", "--all", "--json"))
        self.assertGreaterEqual(open_count, 120)
        folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                              "jobtrack-follow-ups")
        sync = subprocess.Popen(self.command(["sync"]), env=self.environment(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while len([n for n in os.listdir(folder) if n.endswith(".ics")]) < 20:
            self.assertIsNone(sync.poll(), "the sync ended before it could be killed")
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.01)
        sync.kill()
        sync.wait()
        put = len([n for n in os.listdir(folder) if n.endswith(".ics")])
        self.assertLess(put, open_count, "killed after the last PUT")
        # The next sync repairs: every open follow-up once, those put before the kill
        # adopted (If-None-Match failed: fetched and kept), none twice.
        self.ok("sync")
        uids = []
        for name in os.listdir(folder):
            if name.endswith(".ics"):
                with open(os.path.join(folder, name)) as f:
                    uids += [line for line in f.read().splitlines() if line.startswith("UID:")]
        self.assertEqual(len(uids), len(set(uids)))
        self.assertEqual(len(uids), open_count)
        self.assertIn("0 created, 0 updated", self.ok("sync"))

    def test_plain_http_to_another_machine_is_refused(self):
        self.write_sync_config()
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        with open(path, "w") as f:
            f.write("[caldav]\nurl = http://dav.example.org/\nusername = me\n")
        rc, out, err = self.jt("sync", "setup")
        self.assertEqual(rc, 2)
        self.assert_error_line(err, contains="allow_http")

    def test_not_set_up(self):
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 2)
        self.assert_error_line(err, contains="jobtrack sync setup")


if __name__ == "__main__":
    unittest.main(verbosity=2)
