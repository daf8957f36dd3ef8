#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Follow-up reminders through the real binary: `jobtrack agenda`, `done`, `snooze`,
`dismiss`, `remind add`, the reminders `show` tells, and the `quiet` flag of `app list`.

The clock is pinned: the harness's default now is Tue 1 Dec 2026 09:00, Europe/Berlin."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

REMINDER_KEYS = {"id", "uid", "rule", "due", "state", "title", "detail", "application",
                 "contact", "revision"}
RULES = {"summary", "thank_you", "follow_up_call", "bring_forward", "brief_references",
         "rejection_letter", "rapport_call", "recontact", "offer_negotiation",
         "offer_deadline", "network_update", "application_follow_up", "closing_date",
         "manual"}
RAJ = {"id": 1, "name": "Raj Patel", "email": "raj@acme.example", "phone": "+49 30 1234"}
ANN = {"id": 2, "name": "Ann Lee", "email": None, "phone": None}
ACME = {"id": 1, "company": "Acme", "role": "Engineer"}
# The decision is due on Friday 4 Dec 2026: the call is on the Monday after, 10:00.
CALL_DUE = "2026-12-07T10:00:00+01:00"


def of_rule(reminders, rule):
    return [r for r in reminders if r["rule"] == rule]


def one_of_rule(test, reminders, rule, contact_id=None):
    found = [r for r in of_rule(reminders, rule)
             if contact_id is None or (r["contact"] or {}).get("id") == contact_id]
    test.assertEqual(len(found), 1, "expected one %s reminder (contact %s) in %r" % (
        rule, contact_id, [(r["rule"], r["contact"]) for r in reminders]))
    return found[0]


class RemindersTest(JobtrackTestCase):

    # ---- helpers ---------------------------------------------------------------------

    def add_acme(self, **kwargs):
        """An onsite interview on Mon 30 Nov 10:00 with Raj (decision-maker, with email and
        phone) and Ann; the decision is due Friday 4 Dec."""
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--with", "Raj Patel <raj@acme.example>, CTO", "--with", "Ann Lee",
                "--decision-maker", "Raj Patel", "--decision", "2026-12-04", **kwargs)
        self.ok("contact", "edit", "1", "--phone", "+49 30 1234", **kwargs)

    def agenda(self, *args, **kwargs):
        return self.json_of("agenda", "--json", *args, **kwargs)

    def everything(self, **kwargs):
        return self.agenda("--all", **kwargs)

    def reminders_of(self, app_id, **kwargs):
        return self.show(app_id, **kwargs)["reminders"]

    def call_of(self, reminders, contact_id=1):
        return one_of_rule(self, reminders, "follow_up_call", contact_id)

    # ---- the agenda ------------------------------------------------------------------

    def test_add_derives_summary_thank_yous_and_the_follow_up_call(self):
        self.add_acme()
        items = self.agenda()
        for item in items:
            self.assertTrue(REMINDER_KEYS <= set(item), item)
            self.assertIn(item["rule"], RULES)
            self.assertIsInstance(item["id"], int)
            self.assertIsInstance(item["revision"], int)
            self.assertTrue(item["uid"], item)
            self.assertEqual(item["state"], "pending")
            self.assertEqual(item["application"], ACME)
        self.assertEqual(sorted(r["rule"] for r in items),
                         ["follow_up_call", "summary", "thank_you", "thank_you"])
        self.assertEqual(len({r["id"] for r in items}), 4)
        self.assertEqual(len({r["uid"] for r in items}), 4)

        summary = one_of_rule(self, items, "summary")
        self.assertIsNone(summary["contact"])
        self.assertEqual(summary["due"], "2026-11-30T11:00:00+01:00")  # when it ended

        thanks = {r["contact"]["name"]: r for r in of_rule(items, "thank_you")}
        self.assertEqual(sorted(thanks), ["Ann Lee", "Raj Patel"])
        self.assertEqual(thanks["Raj Patel"]["contact"], RAJ)
        self.assertEqual(thanks["Ann Lee"]["contact"], ANN)
        for r in thanks.values():
            self.assertEqual(r["due"], "2026-11-30T14:00:00+01:00")  # end + 3 h
            self.assertIn(r["contact"]["name"], r["title"])

        call = self.call_of(items)
        self.assertEqual(call["due"], CALL_DUE)
        self.assertEqual(call["contact"], RAJ)
        # Written at `add` (revision 0). Raj's phone, added after, changes its words (they
        # are made when shown), not when or whom to call: calendars must still take the
        # new words, so the revision (their SEQUENCE) grows, by one.
        self.assertEqual(call["revision"], 1)
        self.assertIn("+49 30 1234", call["detail"])
        self.assertIn("Raj Patel", call["title"])
        self.assertIn("2026-12-04", call["detail"])
        # Overdue first (summary, then the thank-yous), then what comes up.
        self.assertEqual([r["rule"] for r in items],
                         ["summary", "thank_you", "thank_you", "follow_up_call"])
        dues = [r["due"] for r in items]
        self.assertEqual(dues, sorted(dues))

    def test_the_decision_maker_is_called_not_the_other_interviewers(self):
        self.add_acme()
        calls = of_rule(self.everything(), "follow_up_call")
        self.assertEqual([c["contact"]["id"] for c in calls], [1])

    def test_without_a_decision_date_the_interviewers_are_called_a_week_later(self):
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-27 10:00",
                "--with", "Raj Patel", "--with", "Ann Lee", now="2026-11-27T12:00:00")
        calls = of_rule(self.everything(), "follow_up_call")
        self.assertEqual(sorted(c["contact"]["name"] for c in calls), ["Ann Lee", "Raj Patel"])
        # Fri 27 Nov + 7 days = Fri 4 Dec, a business day.
        self.assertEqual({c["due"] for c in calls}, {"2026-12-04T10:00:00+01:00"})

    def test_days_window_and_all(self):
        self.add_acme()
        # A second application whose decision is a month away: call on Tue 29 Dec.
        self.ok("app", "add", "--company", "Globex", "--role", "SRE", "--status",
                "interviewing", "--decision", "2026-12-28")
        self.ok("contact", "add", "--name", "Hank Scorpio", "--roles", "decision-maker",
                "--app", "2")
        later = self.call_of(self.everything(), 3)
        self.assertEqual(later["due"], "2026-12-29T10:00:00+01:00")
        self.assertEqual(later["application"], {"id": 2, "company": "Globex", "role": "SRE"})

        def ids(items):
            return [r["id"] for r in items]

        default = self.agenda()
        self.assertNotIn(later["id"], ids(default))
        self.assertIn(self.call_of(default)["id"], ids(default))
        self.assertEqual(default, self.agenda("--days", "14"))
        # 6 days ahead is Mon 7 Dec 09:00: the Acme call (10:00) is just outside.
        six = self.agenda("--days", "6")
        self.assertEqual(sorted(r["rule"] for r in six), ["summary", "thank_you", "thank_you"])
        self.assertEqual(ids(self.agenda("--days", "0")), ids(six))
        self.assertIn(later["id"], ids(self.agenda("--days", "30")))
        everything = self.everything()
        self.assertEqual(len(everything), 5)
        self.assertEqual(everything[-1]["id"], later["id"])
        # --all is every open one whatever the date, also far in the future.
        self.assertEqual(self.everything(now="2026-01-01T00:00:00"), everything)

    def test_agenda_text(self):
        self.add_acme()
        text = self.ok("agenda")
        self.assertIn("Overdue", text)
        self.assertIn("Coming up", text)
        self.assertLess(text.index("Overdue"), text.index("Coming up"))
        overdue, coming = text.split("Coming up")
        for piece in ["Write the summary", "Thank-you letter to Raj Patel",
                      "Thank-you letter to Ann Lee", "ago", "30 Nov 2026 14:00"]:
            self.assertIn(piece, overdue)
        self.assertNotIn("Call Raj Patel", overdue)
        # When (relative and absolute), what, who with phone and email, which application.
        for piece in ["in 6 days", "Mon 7 Dec 2026 10:00", "Call Raj Patel about the decision",
                      "+49 30 1234", "raj@acme.example", "Acme", "Engineer"]:
            self.assertIn(piece, coming)
        self.assertNotIn("Write the summary", coming)
        self.assertNotIn("Coming up", self.ok("agenda", "--days", "0"))

    def test_empty_agenda(self):
        self.assertEqual(self.agenda(), [])
        self.assertEqual(self.everything(), [])
        self.assertTrue(self.ok("agenda").strip())

    def test_bad_agenda_options(self):
        self.add_acme()
        for args in [["--days", "-1"], ["--days", "soon"], ["--bogus"], ["extra"]]:
            with self.subTest(args=args):
                self.assert_refused(2, "agenda", *args)

    def test_reading_never_writes(self):
        self.add_acme()
        before = self.db_snapshot()
        digest = self.files_digest()
        for args in [["agenda"], ["agenda", "--json"], ["agenda", "--all", "--json"],
                     ["agenda", "--days", "60"]]:
            with self.subTest(args=args):
                first = self.ok(*args)
                self.assertEqual(self.ok(*args), first)
        # Not even when time has passed and new rules could fire (the call, quiet, R11).
        later = "2027-03-01T09:00:00"
        self.assertEqual(self.ok("agenda", "--json", now=later),
                         self.ok("agenda", "--json", now=later))
        self.ok("agenda", now=later)
        self.ok("show", "1", "--json", now=later)
        self.ok("app", "list", "--json", now=later)
        self.assertEqual(self.db_snapshot(), before)
        self.assertEqual(self.files_digest(), digest)

    # ---- done and dismiss --------------------------------------------------------------

    def test_done_logs_a_touch_with_the_note(self):
        self.add_acme()
        call = self.call_of(self.everything())
        out = self.ok("done", str(call["id"]), "--note", "Decision next week",
                      now="2026-12-07T10:20:00")
        self.assertIn(str(call["id"]), out)
        self.assertNotIn(call["id"], [r["id"] for r in self.everything(now="2026-12-07T10:20:00")])
        touches = self.json_of("touch", "list", "--json")
        self.assertEqual(len(touches), 1)
        self.assertEqual(touches[0]["contact"]["id"], 1)
        self.assertEqual(touches[0]["application_id"], 1)
        self.assertEqual(touches[0]["kind"], "call")
        self.assertEqual(touches[0]["about"], "Decision next week")
        self.assertEqual(touches[0]["at"], "2026-12-07T10:20:00+01:00")
        story = self.show(1)
        self.assertEqual([(t["contact"]["id"], t["about"]) for t in story["touches"]],
                         [(1, "Decision next week")])
        done = [r for r in story["reminders"] if r["id"] == call["id"]]
        self.assertEqual([r["state"] for r in done], ["done"])

        # Twice: refused, one line, nothing written.
        _, err = self.assert_refused(2, "done", str(call["id"]))
        self.assertIn(str(call["id"]), err)
        self.assertIn("done", err)
        self.assert_refused(2, "dismiss", str(call["id"]))

    def test_done_without_a_note_logs_the_letter(self):
        self.add_acme()
        thanks = one_of_rule(self, self.everything(), "thank_you", 2)
        self.ok("done", str(thanks["id"]))
        touches = self.json_of("touch", "list", "--json")
        self.assertEqual([(t["contact"]["id"], t["kind"]) for t in touches], [(2, "letter")])
        self.assertTrue(touches[0]["about"])
        # The summary reaches nobody: no touch.
        summary = one_of_rule(self, self.everything(), "summary")
        self.ok("done", str(summary["id"]))
        self.assertEqual(len(self.json_of("touch", "list", "--json")), 1)

    def test_dismiss_logs_nothing(self):
        self.add_acme()
        thanks = one_of_rule(self, self.everything(), "thank_you", 2)
        out = self.ok("dismiss", str(thanks["id"]))
        self.assertIn(str(thanks["id"]), out)
        self.assertNotIn(thanks["id"], [r["id"] for r in self.everything()])
        self.assertEqual(self.json_of("touch", "list", "--json"), [])
        self.assertEqual([r["state"] for r in self.reminders_of(1) if r["id"] == thanks["id"]],
                         ["dismissed"])
        _, err = self.assert_refused(2, "dismiss", str(thanks["id"]))
        self.assertIn("dismissed", err)
        self.assert_refused(2, "done", str(thanks["id"]))

    def test_a_dismissed_call_never_comes_back(self):
        self.add_acme()
        call = self.call_of(self.everything())
        self.ok("dismiss", str(call["id"]))
        # The records change: the decision moves, the contact changes, a touch is logged.
        self.ok("app", "edit", "1", "--decision", "2026-12-11", now="2026-12-02T09:00:00")
        self.ok("contact", "edit", "1", "--phone", "+49 30 9999", now="2026-12-02T09:00:00")
        self.ok("touch", "add", "--app", "1", "--contact", "1", "--kind", "email",
                now="2026-12-02T09:00:00")
        for now in ["2026-12-02T09:00:00", "2026-12-20T09:00:00"]:
            self.assertEqual(of_rule(self.everything(now=now), "follow_up_call"), [])
        calls = of_rule(self.reminders_of(1), "follow_up_call")
        self.assertEqual([(c["id"], c["state"]) for c in calls], [(call["id"], "dismissed")])

    def test_a_done_thank_you_never_comes_back(self):
        self.add_acme()
        thanks = one_of_rule(self, self.everything(), "thank_you", 1)
        self.ok("done", str(thanks["id"]))
        self.ok("interview", "edit", "1", "--notes", "Went well", now="2026-12-02T09:00:00")
        self.ok("contact", "edit", "1", "--title", "CEO", now="2026-12-02T09:00:00")
        self.assertEqual([r["contact"]["id"] for r in of_rule(self.everything(), "thank_you")],
                         [2])
        mine = [r for r in self.reminders_of(1) if r["rule"] == "thank_you"
                and r["contact"]["id"] == 1]
        self.assertEqual([(r["id"], r["state"]) for r in mine], [(thanks["id"], "done")])

    def test_unknown_or_bad_reminder_ids(self):
        self.add_acme()
        for command in [["done", "99"], ["dismiss", "99"], ["snooze", "99", "2d"]]:
            with self.subTest(command=command):
                _, err = self.assert_refused(1, *command)
                self.assertEqual(err, "jobtrack: no reminder 99\n")
        for command in [["done", "abc"], ["dismiss", "0"], ["snooze", "-1", "2d"], ["done"],
                        ["dismiss"], ["snooze", "1"], ["snooze"], ["done", "1", "2"],
                        ["done", "1", "--bogus"]]:
            with self.subTest(command=command):
                self.assert_refused(2, *command)

    # ---- snooze ------------------------------------------------------------------------

    def test_snooze_for_a_while(self):
        self.add_acme()
        thanks = one_of_rule(self, self.everything(), "thank_you", 1)
        out = self.ok("snooze", str(thanks["id"]), "2d")
        self.assertIn("3 Dec 2026 09:00", out)
        story = [r for r in self.reminders_of(1) if r["id"] == thanks["id"]][0]
        self.assertEqual(story["state"], "snoozed")
        self.assertEqual(story["snoozed_until"], "2026-12-03T09:00:00+01:00")
        self.assertEqual(story["due"], thanks["due"])
        self.assertEqual(story["uid"], thanks["uid"])
        # Out of the next day's agenda; in it again when the clock nears the snooze...
        self.assertNotIn(thanks["id"], [r["id"] for r in self.agenda("--days", "1")])
        self.assertNotIn("Thank-you letter to Raj", self.ok("agenda", "--days", "1"))
        self.assertIn(thanks["id"], [r["id"] for r in self.agenda("--days", "1",
                                                                  now="2026-12-02T10:00:00")])
        # ...and overdue once it has passed, listed among the overdue (before the call).
        later = self.agenda(now="2026-12-03T09:30:00")
        self.assertEqual([r["id"] for r in later].index(thanks["id"]), 2, later)
        again = [r for r in later if r["id"] == thanks["id"]][0]
        self.assertEqual(again["state"], "snoozed")
        text = self.ok("agenda", now="2026-12-03T09:30:00")
        overdue = text.split("Coming up")[0]
        self.assertIn("Thank-you letter to Raj Patel", overdue)
        self.assertIn("snoozed", overdue)
        # Still in --all the whole time.
        self.assertIn(thanks["id"], [r["id"] for r in self.everything()])

    def test_snooze_until_a_time(self):
        self.add_acme()
        call = self.call_of(self.everything())
        self.ok("snooze", str(call["id"]), "friday 9:00")
        story = self.call_of(self.reminders_of(1))
        self.assertEqual((story["state"], story["snoozed_until"]),
                         ("snoozed", "2026-12-04T09:00:00+01:00"))
        self.ok("snooze", str(call["id"]), "2026-12-09 15:30")
        story = self.call_of(self.reminders_of(1))
        self.assertEqual(story["snoozed_until"], "2026-12-09T15:30:00+01:00")
        self.assertNotIn(call["id"], [r["id"] for r in self.agenda("--days", "7")])
        self.assertIn(call["id"], [r["id"] for r in self.agenda("--days", "9")])

    def test_snooze_to_a_bare_day_means_its_call_hour(self):
        self.add_acme()
        call = self.call_of(self.everything())
        self.ok("snooze", str(call["id"]), "friday")
        self.assertEqual(self.call_of(self.reminders_of(1))["snoozed_until"],
                         "2026-12-04T10:00:00+01:00")
        self.ok("snooze", str(call["id"]), "tomorrow")
        self.assertEqual(self.call_of(self.reminders_of(1))["snoozed_until"],
                         "2026-12-02T10:00:00+01:00")
        # A snoozed reminder can still be done.
        self.ok("done", str(call["id"]))
        self.assertEqual(self.call_of(self.reminders_of(1))["state"], "done")

    def test_snooze_refusals_change_nothing(self):
        self.add_acme()
        items = self.everything()
        summary = one_of_rule(self, items, "summary")
        call = self.call_of(items)
        self.ok("done", str(summary["id"]))
        _, err = self.assert_refused(2, "snooze", str(summary["id"]), "2d")
        self.assertIn("done", err)
        _, err = self.assert_refused(2, "snooze", str(call["id"]), "blorp")
        self.assertIn("blorp", err)
        _, err = self.assert_refused(2, "snooze", str(call["id"]), "after lunch-ish")
        self.assertIn("after lunch-ish", err)
        for past in ["yesterday", "2026-11-01 10:00", "today 08:00"]:
            with self.subTest(past=past):
                _, err = self.assert_refused(2, "snooze", str(call["id"]), past)
                self.assertIn(past, err)
        self.assertEqual(self.call_of(self.everything())["state"], "pending")

    # ---- remind add --------------------------------------------------------------------

    def test_remind_add(self):
        self.add_acme()
        out = self.ok("remind", "add", "--app", "1", "--contact", "2", "--due",
                      "2026-12-03 15:00", "Send Ann the portfolio")
        self.assertIn("Send Ann the portfolio", out)
        mine = one_of_rule(self, self.agenda(), "manual")
        self.assertEqual(mine["due"], "2026-12-03T15:00:00+01:00")
        self.assertEqual(mine["title"], "Send Ann the portfolio")
        self.assertEqual(mine["contact"], ANN)
        self.assertEqual(mine["application"], ACME)
        self.assertEqual(mine["state"], "pending")
        self.ok("remind", "add", "--app", "1", "--due", "friday 11:00", "Check the website")
        self.ok("remind", "add", "--app", "1", "--due", "thursday", "Bare day: call hour")
        bare = [r for r in self.everything() if r["title"] == "Bare day: call hour"]
        self.assertEqual([r["due"] for r in bare], ["2026-12-03T10:00:00+01:00"])
        self.ok("dismiss", str(bare[0]["id"]))
        manual = of_rule(self.everything(), "manual")
        self.assertEqual(len(manual), 2)
        other = [r for r in manual if r["id"] != mine["id"]][0]
        self.assertIsNone(other["contact"])
        self.assertEqual(other["due"], "2026-12-04T11:00:00+01:00")
        self.assertNotEqual(other["uid"], mine["uid"])
        # Derivation leaves a hand-made reminder alone.
        self.ok("app", "edit", "1", "--decision", "2026-12-11")
        self.assertEqual(of_rule(self.everything(), "manual"), manual)
        self.assertIn("Send Ann the portfolio", self.ok("agenda"))

    def test_remind_add_refusals(self):
        self.add_acme()
        for args, rc in [
            (["--app", "42", "--due", "tomorrow", "Text"], 1),
            (["--app", "1", "--contact", "42", "--due", "tomorrow", "Text"], 1),
            (["--app", "1", "Text"], 2),
            (["--due", "tomorrow", "Text"], 2),
            (["--app", "1", "--due", "tomorrow"], 2),
            (["--app", "1", "--due", "tomorrow", ""], 2),
            (["--app", "1", "--due", "tomorrow", "   "], 2),
            (["--app", "1", "--due", "whenever", "Text"], 2),
            (["--app", "x", "--due", "tomorrow", "Text"], 2),
            (["--app", "1", "--due", "tomorrow", "Text", "more"], 2),
        ]:
            with self.subTest(args=args):
                _, err = self.assert_refused(rc, "remind", "add", *args)
                if "42" in args:
                    self.assertIn("42", err)
                if "whenever" in args:
                    self.assertIn("whenever", err)
        self.assertEqual(of_rule(self.everything(), "manual"), [])

    # ---- records change, reminders follow ----------------------------------------------

    def test_moving_the_decision_date_moves_the_call(self):
        self.add_acme()
        call = self.call_of(self.everything())
        self.ok("app", "edit", "1", "--decision", "2026-12-11", now="2026-12-02T09:00:00")
        moved = self.call_of(self.everything())
        self.assertEqual((moved["id"], moved["uid"]), (call["id"], call["uid"]))
        self.assertEqual(moved["due"], "2026-12-14T10:00:00+01:00")
        self.assertEqual(moved["revision"], call["revision"] + 1)
        self.assertEqual(moved["state"], "pending")
        self.assertIn("2026-12-11", moved["detail"])
        # Out of a 7-day window now, back in a 14-day one.
        self.assertNotIn(call["id"], [r["id"] for r in self.agenda("--days", "7")])
        self.assertIn(call["id"], [r["id"] for r in self.agenda()])
        # Setting the same date again changes nothing.
        self.ok("app", "edit", "1", "--decision", "2026-12-11", now="2026-12-02T09:00:00")
        self.assertEqual(self.call_of(self.everything()), moved)

    def test_a_rejection_replaces_the_calls_by_letters_and_a_recontact(self):
        self.add_acme()
        now = "2027-01-31T18:00:00"
        self.ok("outcome", "1", "rejected", "--on", "2027-01-31 16:00", now=now)
        items = self.everything(now=now)
        self.assertEqual(of_rule(items, "follow_up_call"), [])
        letters = {r["contact"]["id"]: r for r in of_rule(items, "rejection_letter")}
        self.assertEqual(sorted(letters), [1, 2])
        for letter in letters.values():
            self.assertEqual(letter["due"], "2027-02-01T10:00:00+01:00")
            self.assertEqual(letter["application"], ACME)
        self.assertEqual(letters[1]["contact"], RAJ)
        again = one_of_rule(self, items, "recontact")
        # 31 Jan + 5 months = 30 Jun (clamped to the month's end), 10:00, summer time.
        self.assertEqual(again["due"], "2027-06-30T10:00:00+02:00")
        self.assertEqual(again["contact"]["id"], 1)  # the decision-maker
        self.assertIn("5-month", again["title"])
        # The call is gone from the application's reminders too, not just hidden.
        self.assertEqual(of_rule(self.reminders_of(1, now=now), "follow_up_call"), [])

    def test_recontact_clamps_into_a_leap_february(self):
        self.ok("app", "add", "--company", "Initech", "--status", "interviewing")
        self.ok("contact", "add", "--name", "Bill Lumbergh", "--roles", "hr", "--app", "1")
        self.ok("outcome", "1", "rejected", "--on", "2027-09-30 12:00",
                now="2027-09-30T13:00:00")
        again = one_of_rule(self, self.everything(now="2027-09-30T13:00:00"), "recontact")
        self.assertEqual(again["due"], "2028-02-29T10:00:00+01:00")
        self.assertEqual(again["contact"]["name"], "Bill Lumbergh")  # HR, no decision-maker

    def test_an_acceptance_ends_the_other_applications_calls(self):
        self.add_acme()
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", "2026-11-30 15:00",
                "--with", "Hank Scorpio", "--decision-maker", "Hank Scorpio",
                "--decision", "2026-12-08")
        items = self.everything()
        self.assertEqual(len(of_rule(items, "follow_up_call")), 2)
        self.ok("outcome", "2", "accepted", now="2026-12-02T09:00:00")
        items = self.everything(now="2026-12-02T09:00:00")
        self.assertEqual(of_rule(items, "follow_up_call"), [])
        # The other reminders of Acme (thank-yous, summary) stay.
        self.assertEqual(len([r for r in items if r["application"]["id"] == 1]), 3)

    def test_an_offer_ends_its_own_follow_up_call(self):
        self.add_acme()
        self.ok("offer", "add", "--app", "1", "--deadline", "2026-12-15",
                now="2026-12-02T09:00:00")
        items = self.everything(now="2026-12-02T09:00:00")
        self.assertEqual(of_rule(items, "follow_up_call"), [])
        negotiate = one_of_rule(self, items, "offer_negotiation")
        self.assertEqual(negotiate["contact"]["id"], 1)
        self.assertEqual(negotiate["due"], "2026-12-03T10:00:00+01:00")
        last = one_of_rule(self, items, "offer_deadline")
        self.assertEqual(last["due"], "2026-12-11T10:00:00+01:00")  # Sun 13 Dec -> Fri

    def test_an_early_offer_deadline_asks_the_other_employer_to_decide_sooner(self):
        # Acme decides on Fri 18 Dec; Globex's offer must be answered by Thu 10 Dec.
        self.ok("add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-30 10:00",
                "--with", "Raj Patel <raj@acme.example>", "--decision-maker", "Raj Patel",
                "--decision", "2026-12-18")
        self.ok("app", "add", "--company", "Globex", "--role", "SRE", "--status", "interviewing")
        self.assertEqual(of_rule(self.everything(), "bring_forward"), [])
        self.ok("offer", "add", "--app", "2", "--deadline", "2026-12-10")
        ask = one_of_rule(self, self.everything(), "bring_forward")
        self.assertEqual(ask["application"], ACME)
        self.assertEqual(ask["contact"]["id"], 1)
        # At once: the next business morning, Wed 2 Dec 10:00.
        self.assertEqual(ask["due"], "2026-12-02T10:00:00+01:00")
        self.assertIn("2026-12-10", ask["title"])
        self.assertIn("Globex", ask["detail"])
        # An offer whose deadline is after the decision calls for nothing.
        self.ok("app", "add", "--company", "Initech", "--status", "interviewing")
        self.ok("offer", "add", "--app", "3", "--deadline", "2026-12-23")
        self.assertEqual(len(of_rule(self.everything(), "bring_forward")), 1)

    # ---- quiet -------------------------------------------------------------------------

    def test_quiet_after_21_days_without_activity(self):
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer", "--status", "applied",
                now="2026-11-01T09:00:00")
        self.ok("app", "add", "--company", "Globex", "--status", "rejected",
                now="2026-11-01T09:00:00")
        def quiet(now):
            return {a["company"]: a["quiet"] for a in self.apps(now=now)}

        self.assertEqual(quiet("2026-11-21T09:00:00"), {"Acme": False, "Globex": False})
        self.assertEqual(quiet("2026-11-22T09:00:00"), {"Acme": True, "Globex": False})
        self.assertIs(self.show(1, now="2026-11-22T09:00:00")["quiet"], True)
        lines = self.ok("app", "list", now="2026-11-22T09:00:00").splitlines()
        self.assertIn("(quiet)", [line for line in lines if "Acme" in line][0])
        self.assertNotIn("(quiet)", [line for line in lines if "Globex" in line][0])
        self.ok("touch", "add", "--app", "1", "--kind", "call", "--about", "Any news?",
                now="2026-11-22T10:00:00")
        self.assertEqual(quiet("2026-11-22T11:00:00")["Acme"], False)
        self.assertNotIn("(quiet)", self.ok("app", "list", now="2026-11-22T11:00:00"))
        self.assertEqual(quiet("2026-12-14T10:00:00")["Acme"], True)

    # ---- show ----------------------------------------------------------------------------

    def test_show_has_the_reminders(self):
        self.add_acme()
        self.ok("app", "add", "--company", "Globex", "--status", "lead")
        story = self.show(1)
        self.assertIsInstance(story["reminders"], list)
        self.assertEqual(sorted(r["id"] for r in story["reminders"]),
                         sorted(r["id"] for r in self.everything()
                                if r["application"]["id"] == 1))
        for r in story["reminders"]:
            self.assertTrue(REMINDER_KEYS <= set(r), r)
        self.assertEqual(self.call_of(story["reminders"]), self.call_of(self.everything()))
        self.assertEqual(self.show(2)["reminders"], [])
        text = self.ok("show", "1")
        self.assertIn("Call Raj Patel about the decision", text)
        self.assertIn("Mon 7 Dec 2026 10:00", text)

    # ---- time zones ----------------------------------------------------------------------

    def test_the_call_is_at_ten_local_in_every_zone(self):
        cases = [
            # zone, now, decision date (a Friday), the Monday call
            ("Europe/Berlin", "2026-12-01T09:00:00", "2026-12-04", "2026-12-07T10:00:00+01:00"),
            ("America/New_York", "2026-12-01T09:00:00", "2026-12-04",
             "2026-12-07T10:00:00-05:00"),
            ("Australia/Sydney", "2026-12-01T09:00:00", "2026-12-04",
             "2026-12-07T10:00:00+11:00"),
            # Across the DST change on the weekend in between.
            ("Europe/Berlin", "2026-10-20T09:00:00", "2026-10-23", "2026-10-26T10:00:00+01:00"),
            ("America/New_York", "2026-10-27T09:00:00", "2026-10-30",
             "2026-11-02T10:00:00-05:00"),
            ("Australia/Sydney", "2026-09-29T09:00:00", "2026-10-02",
             "2026-10-05T10:00:00+11:00"),
            ("Australia/Sydney", "2027-03-30T09:00:00", "2027-04-02",
             "2027-04-05T10:00:00+10:00"),
        ]
        for n, (zone, now, decision, due) in enumerate(cases, start=1):
            with self.subTest(zone=zone, decision=decision):
                db = os.path.join(self.tmp, "zone-%d.db" % n)
                self.ok("add", "--company", "Acme", "--role", "Engineer", "--with", "Raj Patel",
                        "--decision-maker", "Raj Patel", "--decision", decision,
                        now=now, tz=zone, db=db)
                items = self.json_of("agenda", "--all", "--json", now=now, tz=zone, db=db)
                call = one_of_rule(self, items, "follow_up_call")
                self.assertEqual(call["due"], due)
                lines = self.ok("agenda", "--all", now=now, tz=zone, db=db).splitlines()
                title = [i for i, line in enumerate(lines) if "Call Raj Patel" in line][0]
                self.assertIn(" 10:00)", lines[title - 1])

    def test_the_same_call_seen_from_another_zone(self):
        self.add_acme()
        before = self.db_snapshot()
        call = self.call_of(self.everything(tz="America/New_York"))
        self.assertEqual(call["due"], "2026-12-07T04:00:00-05:00")
        self.ok("agenda", tz="America/New_York")
        self.ok("show", "1", "--json", tz="America/New_York")
        self.assertEqual(self.db_snapshot(), before)  # reading never writes

    def test_after_moving_to_another_zone_the_next_write_moves_the_calls(self):
        self.add_acme()
        call = self.call_of(self.everything())
        thanks = one_of_rule(self, self.everything(), "thank_you", 2)
        self.ok("app", "add", "--company", "Globex", "--status", "lead", tz="America/New_York")
        moved = self.call_of(self.everything(tz="America/New_York"), 1)
        self.assertEqual((moved["id"], moved["uid"]), (call["id"], call["uid"]))
        self.assertEqual(moved["due"], "2026-12-07T10:00:00-05:00")
        self.assertEqual(moved["revision"], call["revision"] + 1)
        # An instant stays that instant: the thank-you is still 3 h after the interview.
        again = one_of_rule(self, self.everything(tz="America/New_York"), "thank_you", 2)
        self.assertEqual(again["due"], "2026-11-30T08:00:00-05:00")
        self.assertEqual(again["revision"], thanks["revision"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
