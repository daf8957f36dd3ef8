#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack export --ics [-o FILE] [--all]` read back by python3-icalendar: the
properties every event needs, the same instants as the database, stable UIDs and text,
SEQUENCE that grows when a follow-up moves, RFC 5545 line ends and folding, hostile text
that comes back as it went in, and an output file written atomically, mode 0600.

The clock is pinned: Tue 1 Dec 2026 09:00, Europe/Berlin."""

import datetime
import os
import re
import sqlite3
import stat
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from icalharness import (DEFAULT_NOW, HOSTILE, UTC, IcalTestCase, as_utc, categories_of,  # noqa: E402
                         end_of, multi_line, one_line, parse_time)
import icalharness  # noqa: E402

REMINDER_MINUTES = datetime.timedelta(minutes=15)
NOBODY = 65534


class ExportTest(IcalTestCase):

    # ---- the calendar and its events ---------------------------------------------------

    def test_the_calendar_says_what_it_is(self):
        self.seed()
        cal = self.parse(self.export())
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertRegex(str(cal["PRODID"]), r"^-//jobtrack//jobtrack [0-9.]+//EN$")
        self.assertEqual(str(cal["CALSCALE"]), "GREGORIAN")
        self.assertEqual(str(cal["X-WR-CALNAME"]), "jobtrack follow-ups")

    def test_every_event_has_the_properties_calendars_need(self):
        agenda = self.seed()
        data = self.export("--all")
        events = self.events(data)
        # Every reminder (open, done, dismissed) and the interview.
        self.assertEqual(len(events), len(agenda) + 2 + 1)
        for uid, event in events.items():
            with self.subTest(uid=uid):
                for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE",
                             "LAST-MODIFIED", "CATEGORIES", "DESCRIPTION", "STATUS"):
                    self.assertIn(name, event, "%s missing" % name)
                self.assertTrue("DTEND" in event or "DURATION" in event, "no DTEND/DURATION")
                for name in ("DTSTAMP", "DTSTART", "DTEND", "LAST-MODIFIED"):
                    if name not in event:
                        continue
                    value = event[name].dt
                    self.assertIsInstance(value, datetime.datetime, name)
                    self.assertEqual(value.utcoffset(), datetime.timedelta(0), "%s not UTC" % name)
                self.assertIn("jobtrack", categories_of(event))
                self.assertIsInstance(int(event["SEQUENCE"]), int)
                self.assertGreater(end_of(event), as_utc(event["DTSTART"]))

    def test_an_open_reminder_rings_at_its_time_and_a_closed_one_never(self):
        self.seed()
        data = self.export("--all")
        by_id = {r["uid"]: r for r in self.agenda_all()}
        for uid, event in self.events(data).items():
            alarms = event.walk("VALARM")
            with self.subTest(uid=uid):
                if uid in by_id:  # open
                    self.assertEqual(str(event["STATUS"]), "CONFIRMED")
                    self.assertEqual(len(alarms), 1)
                    alarm = alarms[0]
                    self.assertEqual(str(alarm["ACTION"]), "DISPLAY")
                    self.assertEqual(alarm["TRIGGER"].dt, datetime.timedelta(0))
                    self.assertEqual(str(alarm["DESCRIPTION"]), str(event["SUMMARY"]))
                elif uid.startswith("interview-"):
                    self.assertEqual(alarms, [], "the invitation has its own alarm")
                else:  # done or dismissed
                    self.assertEqual(str(event["STATUS"]), "CANCELLED")
                    self.assertEqual(alarms, [])
        # A zero trigger is written PT0S, never a bare "P" that some clients refuse.
        text = data.decode("utf-8")
        self.assertEqual(text.count("TRIGGER:PT0S\r\n"), len(by_id))
        self.assertNotRegex(text, r"TRIGGER[^:\r\n]*:-?P\r\n")

    def test_one_event_per_open_reminder_and_per_scheduled_interview(self):
        agenda = self.seed()
        events = self.events(self.export())
        # Interview 1 (an hour ago) has ended: only `--all` has it.
        self.assertEqual(set(events), {r["uid"] for r in agenda})
        self.assertIn(self.interview_uid(1), self.events(self.export("--all")))
        # The rules' summary, thank-you, call and check-in; two of one's own still open.
        self.assertEqual(sorted(r["rule"] for r in agenda),
                         ["application_follow_up", "follow_up_call", "manual", "manual",
                          "summary", "thank_you"])
        for r in agenda:
            self.assertIn("jobtrack reminder %d" % r["id"],
                          str(events[r["uid"]]["DESCRIPTION"]).splitlines())
            self.assertIn(r["rule"], categories_of(events[r["uid"]]))

    def test_an_open_letter_carries_the_start_of_its_draft(self):
        agenda = self.seed()
        events = self.events(self.export())
        [thanks] = [r for r in agenda if r["rule"] == "thank_you"]
        description = str(events[thanks["uid"]]["DESCRIPTION"])
        draft = self.ok("letter", "thanks", "--reminder", str(thanks["id"]))
        subject = [line for line in draft.splitlines() if line.startswith("Subject: ")][0]
        self.assertIn("\nDraft (jobtrack letter --reminder %d):\n%s\n" % (thanks["id"], subject),
                      description)
        # The draft's promise names the day of the follow-up call.
        [call] = [r for r in agenda if r["rule"] == "follow_up_call"]
        self.assertIn("Friday 11 December", description)
        self.assertTrue(call["due"].startswith("2026-12-11"), call["due"])
        for r in agenda:
            if r["rule"] != "thank_you":
                self.assertNotIn("Draft (", str(events[r["uid"]]["DESCRIPTION"]), r["rule"])

    def test_all_adds_done_and_dismissed_reminders_as_cancelled(self):
        self.seed()
        shown = self.json_of("show", "2", "--json")["reminders"]
        closed = {r["uid"]: r for r in shown if r["state"] in ("done", "dismissed")}
        self.assertEqual(len(closed), 2)
        without = self.events(self.export())
        with_all = self.events(self.export("--all"))
        self.assertEqual(set(with_all) - set(without) - {self.interview_uid(1)}, set(closed))
        for uid, r in closed.items():
            event = with_all[uid]
            self.assertEqual(str(event["STATUS"]), "CANCELLED")
            self.assertEqual(str(event["SUMMARY"]), r["title"])
            self.assertEqual(as_utc(event["DTSTART"]), parse_time(r["due"]))
        for uid in without:
            self.assertEqual(str(with_all[uid]["STATUS"]), "CONFIRMED")
            self.assertEqual(with_all[uid].to_ical(), without[uid].to_ical())

    def test_an_empty_database_is_an_empty_calendar(self):
        cal = self.parse(self.export())
        self.assertEqual(cal.walk("VEVENT"), [])
        self.assertEqual(str(cal["VERSION"]), "2.0")

    # ---- the same instants as the database ---------------------------------------------

    def test_each_reminder_starts_when_the_agenda_says_it_is_due(self):
        agenda = self.seed()
        events = self.events(self.export())
        for r in agenda:
            with self.subTest(reminder=r["id"]):
                start = parse_time(r["snoozed_until"] or r["due"])
                event = events[r["uid"]]
                self.assertEqual(as_utc(event["DTSTART"]), start)
                self.assertEqual(end_of(event), start + REMINDER_MINUTES)
                self.assertEqual(str(event["SUMMARY"]), r["title"])
                self.assertEqual(int(event["SEQUENCE"]), r["revision"])
        # The snoozed one starts when its snooze ends (Mon 7 Dec 08:30 in Berlin).
        [snoozed] = [r for r in agenda if r["state"] == "snoozed"]
        self.assertEqual(as_utc(events[snoozed["uid"]]["DTSTART"]),
                         datetime.datetime(2026, 12, 7, 7, 30, tzinfo=UTC))

    def test_each_interview_is_at_its_time_and_place(self):
        self.seed()
        self.add_interview("Hooli", "Data Engineer", "--at", "2026-12-08 14:30",
                           "--duration", "45m", "--kind", "video",
                           "--with", "Ann Lee <ann@hooli.example>, Head of Data")
        events = self.events(self.export("--all"))
        interviews = self.interviews()
        self.assertEqual(len(interviews), 2)
        for i in interviews:
            with self.subTest(interview=i["id"]):
                event = events[self.interview_uid(i["id"])]
                self.assertEqual(as_utc(event["DTSTART"]), parse_time(i["start"]))
                self.assertEqual(end_of(event), parse_time(i["end"]))
                company = i["application"]["company"]
                role = i["application"]["role"]
                self.assertEqual(str(event["SUMMARY"]),
                                 "Interview (%s) — %s, %s" % (i["kind"], company, role))
                self.assertIn("interview", categories_of(event))
                description = str(event["DESCRIPTION"]).splitlines()
                self.assertIn("jobtrack interview %d" % i["id"], description)
                for person in i["interviewers"]:
                    self.assertTrue(any(line.startswith(person["name"]) for line in description),
                                    description)
        hooli = events[self.interview_uid(2)]
        self.assertEqual(as_utc(hooli["DTSTART"]), datetime.datetime(2026, 12, 8, 13, 30, tzinfo=UTC))
        self.assertEqual(end_of(hooli), datetime.datetime(2026, 12, 8, 14, 15, tzinfo=UTC))
        self.assertEqual(str(events[self.interview_uid(1)]["LOCATION"]), "Room 4, HQ")
        self.assertNotIn("LOCATION", hooli)

    def test_a_scheduled_interview_is_in_the_calendar_until_it_ends(self):
        self.seed()
        self.add_interview("Hooli", "Data Engineer", "--at", "2026-12-08 14:30",
                           "--duration", "45m")
        hooli = self.interview_uid(2)
        self.assertIn(hooli, self.events(self.export(now="2026-12-08T15:14:00")))
        self.assertNotIn(hooli, self.events(self.export(now="2026-12-08T15:15:00")))
        self.assertIn(hooli, self.events(self.export("--all", now="2026-12-08T15:15:00")))

    # ---- stable across exports ---------------------------------------------------------

    def test_two_exports_without_a_change_are_the_same_text(self):
        self.seed()
        self.add_interview("Hooli", "Data Engineer", "--at", "2027-03-08 14:30")
        first = self.export()
        self.assertIn(b"interview-2@jobtrack", first)
        self.assertEqual(self.export(), first)
        # Neither the clock (while no interview ends) nor the zone of the person
        # exporting changes a byte.
        self.assertEqual(self.export(now="2027-03-01T12:00:00"), first)
        same_instant = DEFAULT_NOW + "+01:00"
        self.assertEqual(self.export(tz="Australia/Sydney", now=same_instant), first)
        self.assertEqual(self.export(tz="America/New_York", now=same_instant), first)
        self.assertEqual(self.export("--all"), self.export("--all", tz="UTC"))

    def test_uids_stay_and_unrelated_events_keep_their_text_when_something_changes(self):
        self.seed()
        before = self.events(self.export())
        # Another application with its own reminder changes nothing that was there.
        self.ok("app", "add", "--company", "Umbrella", "--role", "QA")
        self.ok("remind", "add", "--app", "3", "--due", "2026-12-09 09:00", "Call Umbrella")
        after = self.events(self.export())
        self.assertEqual(len(after), len(before) + 2)  # the check-in and one's own
        for uid, event in before.items():
            self.assertIn(uid, after)
            self.assertEqual(after[uid].to_ical(), event.to_ical(), uid)
        # The UID is the reminder's own, as `agenda --json` shows it.
        self.assertEqual({r["uid"] for r in self.agenda_all()} - set(after), set())

    def test_the_words_follow_the_settings_as_the_agenda_does(self):
        # R8's title names its own delay: a calendar written with another setting says
        # the same as the agenda under it.
        os.makedirs(os.path.join(self.config_home, "jobtrack"))
        with open(os.path.join(self.config_home, "jobtrack", "config.ini"), "w") as f:
            f.write("[rules]\nrecontact_months = 3\n")
        self.ok("app", "add", "--company", "Initech", "--role", "SRE")
        self.ok("outcome", "1", "rejected", "--on", "2026-11-30")
        recontact = [r for r in self.agenda_all() if r["rule"] == "recontact"]
        self.assertEqual(len(recontact), 1)
        self.assertTrue(recontact[0]["title"].startswith("3-month re-contact"),
                        recontact[0]["title"])
        event = self.events(self.export("--all"))[recontact[0]["uid"]]
        self.assertEqual(str(event["SUMMARY"]), recontact[0]["title"])

    def test_sequence_grows_when_the_decision_date_moves(self):
        self.seed()
        call = self.one_call()
        before = self.events(self.export())[call["uid"]]
        self.assertEqual(as_utc(before["DTSTART"]), parse_time(call["due"]))

        self.ok("app", "edit", "1", "--decision", "2026-12-17", now="2026-12-02T10:00:00")
        moved = self.one_call()
        self.assertEqual(moved["uid"], call["uid"])
        after = self.events(self.export())[call["uid"]]
        self.assertGreater(int(after["SEQUENCE"]), int(before["SEQUENCE"]))
        self.assertEqual(int(after["SEQUENCE"]), moved["revision"])
        self.assertEqual(as_utc(after["DTSTART"]), parse_time(moved["due"]))
        self.assertGreater(after["DTSTART"].dt, before["DTSTART"].dt)
        self.assertGreater(after["LAST-MODIFIED"].dt, before["LAST-MODIFIED"].dt)
        self.assertEqual(after["DTSTAMP"].dt, after["LAST-MODIFIED"].dt)

    def test_an_interview_sequence_grows_when_it_moves(self):
        self.seed()
        before = self.events(self.export("--all"))[self.interview_uid(1)]
        self.ok("interview", "edit", "1", "--at", "2026-12-01 08:30", now="2026-12-01T10:00:00")
        after = self.events(self.export("--all"))[self.interview_uid(1)]
        self.assertGreater(int(after["SEQUENCE"]), int(before["SEQUENCE"]))
        self.assertEqual(as_utc(after["DTSTART"]), datetime.datetime(2026, 12, 1, 7, 30, tzinfo=UTC))

    def test_an_interview_moved_in_the_second_it_was_made_gets_the_next_sequence(self):
        # Created and moved within one second: the calendar must still take the move.
        self.seed()
        before = self.events(self.export("--all"))[self.interview_uid(1)]
        self.ok("interview", "edit", "1", "--at", "2026-12-01 08:30")
        after = self.events(self.export("--all"))[self.interview_uid(1)]
        self.assertEqual(int(after["SEQUENCE"]), int(before["SEQUENCE"]) + 1)
        self.assertNotEqual(after["DTSTART"].dt, before["DTSTART"].dt)

    def test_an_edit_the_calendar_does_not_show_keeps_the_interviews_sequence(self):
        # A rating an hour later shows nowhere in the calendar: SEQUENCE stays; a new
        # place, later still, raises it by one.
        self.seed()
        before = self.events(self.export("--all"))[self.interview_uid(1)]
        self.ok("interview", "edit", "1", "--rating", "5", now="2026-12-01T10:00:00")
        rated = self.events(self.export("--all"))[self.interview_uid(1)]
        self.assertEqual(int(rated["SEQUENCE"]), int(before["SEQUENCE"]))
        self.assertEqual(str(rated["LOCATION"]), str(before["LOCATION"]))
        self.ok("interview", "edit", "1", "--where", "Room 5, HQ", now="2026-12-01T11:00:00")
        moved = self.events(self.export("--all"))[self.interview_uid(1)]
        self.assertEqual(int(moved["SEQUENCE"]), int(before["SEQUENCE"]) + 1)
        self.assertEqual(str(moved["LOCATION"]), "Room 5, HQ")

    def test_a_letters_sequence_grows_with_its_draft(self):
        # The skills are in the thank-you letter's draft, which the calendar carries: new
        # skills are new text, so a new SEQUENCE, by one; the call's entry shows no draft
        # and keeps its own.
        self.seed()
        agenda = self.agenda_all()
        thanks = [r for r in agenda if r["rule"] == "thank_you"][0]
        call = self.one_call()
        before = self.events(self.export())
        self.ok("app", "edit", "1", "--skills", "Terraform, incident command",
                now="2026-12-01T10:00:00")
        after = self.events(self.export())
        self.assertNotIn("incident command", str(before[thanks["uid"]]["DESCRIPTION"]))
        self.assertIn("incident command", str(after[thanks["uid"]]["DESCRIPTION"]))
        self.assertEqual(int(after[thanks["uid"]]["SEQUENCE"]),
                         int(before[thanks["uid"]]["SEQUENCE"]) + 1)
        for name in ("SEQUENCE", "SUMMARY", "DESCRIPTION"):
            self.assertEqual(str(after[call["uid"]][name]), str(before[call["uid"]][name]), name)

    def test_a_removed_interviews_uid_never_comes_to_mean_another(self):
        # interview-2@jobtrack was Hooli's; once removed, Umbrella's interview is not it,
        # or calendar apps would move Hooli's event to Umbrella's time.
        self.seed()
        self.add_interview("Hooli", "Data Engineer", "--at", "2027-03-08 14:30")
        self.assertIn(self.interview_uid(2), self.events(self.export("--all")))
        self.ok("interview", "rm", "2", "--yes")
        self.add_interview("Umbrella", "QA", "--at", "2027-03-09 10:00")
        events = self.events(self.export("--all"))
        self.assertNotIn(self.interview_uid(2), events)
        self.assertIn(self.interview_uid(3), events)
        self.assertIn("Umbrella", str(events[self.interview_uid(3)]["SUMMARY"]))

    def one_call(self):
        calls = [r for r in self.agenda_all() if r["rule"] == "follow_up_call"]
        self.assertEqual(len(calls), 1, calls)
        return calls[0]

    # ---- RFC 5545 text -----------------------------------------------------------------

    def test_lines_end_with_crlf_and_fold_at_75_octets(self):
        self.seed()
        long_text = "Prepare " + "é" * 60 + " 漢字🙂" * 20 + " x;y,z\\" * 20
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-06 10:00", long_text)
        data = self.export("--all")
        self.assertTrue(data.endswith(b"END:VCALENDAR\r\n"))
        lines = data.split(b"\r\n")
        self.assertEqual(lines[-1], b"")
        folded = 0
        for n, line in enumerate(lines[:-1], 1):
            with self.subTest(line=n):
                self.assertNotIn(b"\r", line, "a bare CR")
                self.assertNotIn(b"\n", line, "a bare LF")
                self.assertLessEqual(len(line), 75, line)
                line.decode("utf-8")  # a fold never cuts a character in two
                folded += line.startswith(b" ")
        self.assertGreater(folded, 5, "nothing was long enough to fold")
        events = self.events(data)
        [event] = [e for e in events.values() if str(e["SUMMARY"]).startswith("Prepare")]
        self.assertEqual(str(event["SUMMARY"]), long_text)

    def test_hostile_text_comes_back_as_it_went_in(self):
        self.ok("add", "--company", "Ini" + HOSTILE, "--role", "Dev" + HOSTILE,
                "--at", "2026-12-01 08:00", "--with", "Ann" + HOSTILE.replace("<", "(").replace(">", ")").replace(",", " "),
                "--where", "Room" + HOSTILE, "--edge", "Edge" + HOSTILE)
        self.ok("remind", "add", "--app", "1", "--contact", "1", "--due", "2026-12-05 10:00",
                "Remind" + HOSTILE)
        agenda = self.agenda_all()
        events = self.events(self.export())
        for r in agenda:
            with self.subTest(reminder=r["id"], rule=r["rule"]):
                event = events[r["uid"]]
                # SUMMARY is one line (calcurse refuses an event whose SUMMARY breaks);
                # the rest of the text comes back exactly.
                self.assertEqual(str(event["SUMMARY"]), one_line(r["title"]))
                description = str(event["DESCRIPTION"])
                if r["detail"]:
                    self.assertTrue(description.startswith(multi_line(r["detail"]) + "\n"),
                                    (description, r["detail"]))
                lines = description.split("\n")
                if r["contact"]:
                    # The who-line: "Name · phone · email", one line whatever the name.
                    self.assertIn(one_line(r["contact"]["name"]), lines)
                self.assertIn(one_line(r["application"]["company"]) + ", "
                              + one_line(r["application"]["role"]), description)
        manual = [r for r in agenda if r["rule"] == "manual"][0]
        self.assertEqual(str(events[manual["uid"]]["SUMMARY"]), one_line("Remind" + HOSTILE))
        thanks = [r for r in agenda if r["rule"] == "thank_you"][0]
        self.assertIn("Edge" + multi_line(HOSTILE), str(events[thanks["uid"]]["DESCRIPTION"]))
        self.assertIn("\n", multi_line(HOSTILE))
        interview = self.events(self.export("--all"))[self.interview_uid(1)]
        self.assertEqual(str(interview["LOCATION"]), one_line("Room" + HOSTILE))
        self.assertEqual(str(interview["SUMMARY"]), "Interview (onsite) — %s, %s" % (
            one_line("Ini" + HOSTILE), one_line("Dev" + HOSTILE)))

    def test_text_that_is_not_utf8_in_the_database_is_made_valid(self):
        # The CLI refuses such text; another program may have written it to the file.
        self.ok("app", "add", "--company", "Globex")
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-05 10:00", "Call")
        con = sqlite3.connect(self.db)
        with con:
            con.execute("UPDATE reminders SET title = CAST(? AS TEXT), detail = CAST(? AS TEXT) "
                        "WHERE rule = 'manual'", (b"Call \xe9\xff Caf\xc3", b"x\xc2\x85y\xe9"))
        con.close()
        data = self.export()
        data.decode("utf-8")
        [event] = [e for e in self.events(data).values() if str(e["SUMMARY"]).startswith("Call")]
        self.assertEqual(str(event["SUMMARY"]), "Call \ufffd\ufffd Caf\ufffd")
        self.assertTrue(str(event["DESCRIPTION"]).startswith("x y\ufffd\n"))

    # ---- -o FILE -------------------------------------------------------------------------

    def test_output_file_is_the_export_with_mode_0600(self):
        self.seed()
        path = os.path.join(self.tmp, "followups.ics")
        self.assertEqual(self.ok("export", "--ics", "-o", path, umask=0o022), "")
        with open(path, "rb") as f:
            self.assertEqual(f.read(), self.export())
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(self.leftovers(), [])

    def test_output_file_replaces_the_old_one_whole(self):
        self.seed()
        path = os.path.join(self.tmp, "followups.ics")
        with open(path, "w") as f:
            f.write("old calendar\n" * 10000)
        os.chmod(path, 0o644)
        old_inode = os.stat(path).st_ino
        self.ok("export", "--ics", "-o", path)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), self.export())
        # A new file took the old one's place (a reader holding the old one reads it whole).
        self.assertNotEqual(os.stat(path).st_ino, old_inode)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(self.leftovers(), [])

    def test_a_symlink_at_the_output_path_is_replaced_not_followed(self):
        self.seed()
        target = os.path.join(self.tmp, "elsewhere.txt")
        with open(target, "w") as f:
            f.write("not yours\n")
        path = os.path.join(self.tmp, "followups.ics")
        os.symlink(target, path)
        self.ok("export", "--ics", "-o", path)
        self.assertFalse(os.path.islink(path))
        with open(target) as f:
            self.assertEqual(f.read(), "not yours\n")
        with open(path, "rb") as f:
            self.assertEqual(f.read(), self.export())

    def test_output_into_a_missing_folder_fails_with_one_line(self):
        self.seed()
        path = os.path.join(self.tmp, "no", "such", "followups.ics")
        rc, out, err = self.jt("export", "--ics", "-o", path)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, "cannot write %s: No such file or directory" % path)
        self.assertEqual(out, "")

    def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(self):
        self.seed()
        folder = os.path.join(self.tmp, "ro")
        os.mkdir(folder)
        path = os.path.join(folder, "followups.ics")
        with open(path, "w") as f:
            f.write("the calendar before\n")
        if os.geteuid() == 0:  # file modes do not bind root: run as nobody
            for p in (self.tmp, self.db, folder, path):
                os.chown(p, NOBODY, NOBODY)
            for p in (self.db + "-wal", self.db + "-shm"):
                if os.path.exists(p):
                    os.chown(p, NOBODY, NOBODY)
        os.chmod(folder, 0o555)
        rc, out, err = self.jt("export", "--ics", "-o", path, as_nobody=True)
        os.chmod(folder, 0o755)
        self.assertEqual(rc, 1, err)
        self.assert_error_line(err, "cannot write %s: Permission denied" % path)
        with open(path) as f:
            self.assertEqual(f.read(), "the calendar before\n")
        self.assertEqual(os.listdir(folder), ["followups.ics"])

    def leftovers(self):
        """Temporary files an atomic write left in the test folder."""
        return [n for n in os.listdir(self.tmp) if re.match(r"^\..*\.[A-Za-z0-9]{6}$", n)]


if __name__ == "__main__":
    icalharness.main()
