#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd against python-dbusmock's notification_daemon template, which records every
Notify call and can emit ActionInvoked as a click on a button would: the buttons offered
(only to a server with the "actions" capability), what Done and Snooze do to the database
(exactly what `jobtrack done` / `jobtrack snooze` do), and the hints (urgency,
desktop-entry)."""

import configparser
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import (REMINDER_ID_HINT, DaemonTestCase, due_text,  # noqa: E402
                           parse_time, whole_seconds_ahead)
import daemonharness  # noqa: E402

WITH_ACTIONS = ["actions", "body", "body-markup"]


def desktop_entry_icon():
    """The Icon= of data/jobtrack.desktop."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(daemonharness.SOURCE_ROOT, "data", "jobtrack.desktop"))
    return parser["Desktop Entry"]["Icon"]


def icon_in_a_theme(name):
    """Whether an installed icon theme (adwaita-icon-theme, tools/deps --test) has it."""
    for root, _, files in os.walk("/usr/share/icons"):
        if any(f in files for f in (name + ".png", name + ".svg")):
            return True
    return False
# Short labels that stay apart when a server cuts them (LXQt made two "Snooze…").
ACTIONS = [("done", "Done"), ("snooze-day", "Tomorrow"), ("snooze-week", "Next week")]
DAY = 86400


class ActionsTest(DaemonTestCase):

    def globex(self):
        app = self.add_application("Globex", "SRE")
        return app, self.add_contact(app)

    def notification_of(self, reminder_id, calls=None):
        """The one Notify call for that reminder (by jobtrackd's reminder-id hint)."""
        calls = self.notify_calls() if calls is None else calls
        found = [c for c in calls if c.hints.get(REMINDER_ID_HINT) == reminder_id]
        self.assertEqual(len(found), 1, "Notify calls for reminder %d: %r" % (reminder_id, calls))
        return found[0]

    def shown_due_reminder(self, capabilities=WITH_ACTIONS, text="Follow-up call"):
        """A follow-up that is due as the daemon starts, shown by the mock server."""
        app, contact = self.globex()
        rid = self.add_reminder(app, whole_seconds_ahead(-1), text, contact)
        self.start_mock_server(capabilities)
        self.start_daemon()
        self.wait_for_notify(1)
        return app, contact, rid, self.notification_of(rid)

    def wait_for_state(self, app, rid, state, timeout=3):
        return self.wait_for(lambda: (lambda r: r["state"] == state and r)(self.reminder(app, rid)),
                             timeout, 0.05, "reminder %d to be %s" % (rid, state))

    # ---- what is offered ---------------------------------------------------------------

    def test_actions_offered_when_server_has_the_capability(self):
        _, _, _, call = self.shown_due_reminder()
        self.assertEqual(call.app_name, "jobtrack")
        self.assertEqual(call.summary, "Follow-up call — Globex, SRE")
        self.assertEqual(call.actions, ACTIONS)

    def test_no_actions_without_the_capability(self):
        _, _, _, call = self.shown_due_reminder(capabilities=["body", "body-markup"])
        self.assertEqual(call.summary, "Follow-up call — Globex, SRE")
        self.assertEqual(call.actions, [], "actions sent to a server that cannot show them")

    def test_hints_desktop_entry_and_urgency(self):
        app, contact = self.globex()
        now = time.time()
        old = self.add_reminder(app, int(now) - 2 * DAY, "Two days overdue", contact)
        recent = self.add_reminder(app, int(now) - 23 * 3600, "Twenty-three hours overdue", contact)
        fresh = self.add_reminder(app, whole_seconds_ahead(-1), "Just due", contact)
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        self.wait_for_notify(3)
        self.wait_until_asleep()
        calls = self.notify_calls()
        self.assertEqual(len(calls), 3, calls)
        icon = desktop_entry_icon()
        self.assertTrue(icon_in_a_theme(icon), "no installed icon theme has %r" % icon)
        for rid, urgency in ((old, 2), (recent, 1), (fresh, 1)):
            call = self.notification_of(rid, calls)
            self.assertEqual(call.hints.get("desktop-entry"), "jobtrack", call)
            # The desktop entry's icon, so servers leave no blank gap: libnotify sends it
            # as the image-path hint, or as app_icon to a server of an older spec.
            self.assertEqual(call.hints.get("image-path", call.hints.get("image_path",
                                                                         call.icon)), icon)
            self.assertEqual(call.hints.get("urgency"), urgency,
                             "urgency of %r (2: critical, 1: normal)" % call.summary)
        # Due, it stays until the person acts, critical or not: the server's default
        # timeout (-1) lets some take it down after seconds.
        for call in calls:
            self.assertEqual(call.expire_timeout, 0, "expire_timeout of %r" % call.summary)
        # A follow-up shown late says when it was due, first: a server may drop the last
        # line of the body.
        self.assertTrue(self.notification_of(old, calls).body.startswith("Was due "),
                        self.notification_of(old, calls).body)
        self.assertNotIn("Was due ", self.notification_of(fresh, calls).body)

    def test_thank_you_letters_of_one_interview_name_their_person(self):
        # One interview, two people met: two thank-you letters are due. Each summary is
        # the agenda's title, naming the person, so a server showing the summary alone
        # (or cutting the body) still tells them apart.
        start = time.strftime("%Y-%m-%d %H:%M", time.gmtime(time.time() - 6 * 3600))
        self.ok("add", "--company", "Globex", "--role", "SRE", "--at", start, "--notes", "Fine",
                "--with", "Raj Patel <raj@globex.example>, CTO", "--with", "Ana Lima, Engineer")
        letters = {r["id"]: r for r in self.agenda() if r["rule"] == "thank_you"}
        self.assertEqual(len(letters), 2, letters)
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        self.wait_for_notify(2)
        self.wait_until_asleep()
        summaries = {c.hints.get(REMINDER_ID_HINT): c.summary for c in self.notify_calls()}
        self.assertEqual(summaries, {rid: r["title"] for rid, r in letters.items()})
        self.assertEqual(sorted(summaries.values()),
                         ["Thank-you letter to Ana Lima — Globex, SRE",
                          "Thank-you letter to Raj Patel — Globex, SRE"])

    # ---- what the buttons do -----------------------------------------------------------

    def test_done_marks_it_done_like_jobtrack_done(self):
        app, contact, rid, call = self.shown_due_reminder()
        # The same follow-up, done from the command line, to compare with.
        twin = self.add_reminder(app, whole_seconds_ahead(3600), "Follow-up call", contact)
        self.ok("done", str(twin))

        self.invoke_action(call.id, "done")
        done = self.wait_for_state(app, rid, "done")
        # --verbose logs every decision: the click and what it did.
        self.wait_for_log("reminder %d: done clicked" % rid)
        self.wait_for_log("reminder %d marked done" % rid)
        self.assertNotIn(rid, [r["id"] for r in self.agenda("--all")],
                         "a done follow-up is still in the agenda")
        self.assertEqual(done["state"], self.reminder(app, twin)["state"])

        touches = self.json_of("touch", "list", "--app", str(app))
        self.assertEqual(len(touches), 2, "expected one touch per done follow-up: %r" % touches)
        by_button, by_cli = touches if parse_time(touches[0]["at"]) > parse_time(
            touches[1]["at"]) else touches[::-1]
        ignore = {"id", "at", "created", "updated"}
        self.assertEqual({k: v for k, v in by_button.items() if k not in ignore},
                         {k: v for k, v in by_cli.items() if k not in ignore})
        # The mock server, like some real ones, leaves a notification up after a click:
        # jobtrackd takes it down itself.
        self.wait_for(self.close_calls, 5, message="CloseNotification")
        self.wait_until_asleep()
        self.assertEqual(self.close_calls(), [call.id], "the clicked notification stays on screen")
        self.assertIsNone(self.daemon.poll())

    def test_done_on_a_server_that_closes_it_sends_no_close(self):
        # Most servers take a notification down themselves after a click and say so
        # (NotificationClosed): jobtrackd then has nothing to close.
        app, _, rid, call = self.shown_due_reminder()
        self.click_and_close(call.id, "done")
        self.wait_for_state(app, rid, "done")
        self.wait_for_log("reminder %d marked done" % rid)
        self.wait_until_asleep()
        self.assertEqual(self.close_calls(), [],
                         "CloseNotification for a notification the server had closed")
        self.assertEqual(len(self.notify_calls()), 1, self.notify_calls())

    def test_snooze_day_puts_it_off_a_day_like_jobtrack_snooze(self):
        app, contact, rid, call = self.shown_due_reminder()
        twin = self.add_reminder(app, whole_seconds_ahead(3600), "Follow-up call", contact)
        self.ok("snooze", str(twin), "1d")
        twin_until = parse_time(self.reminder(app, twin)["snoozed_until"])

        clicked = time.time()
        self.invoke_action(call.id, "snooze-day")
        snoozed = self.wait_for_state(app, rid, "snoozed")
        until = parse_time(snoozed["snoozed_until"])
        self.wait_for_log("reminder %d: snooze-day clicked" % rid)
        self.wait_for_log("reminder %d snoozed until %s" % (rid, snoozed["snoozed_until"]))
        self.assertAlmostEqual(until, clicked + DAY, delta=3)
        self.assertAlmostEqual(until, twin_until, delta=5)
        self.assertIn(rid, [r["id"] for r in self.agenda("--all")])
        # Snoozed, it does not come back at once.
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 1, self.notify_calls())

    def test_snooze_week_puts_it_off_a_week(self):
        app, _, rid, call = self.shown_due_reminder()
        clicked = time.time()
        self.invoke_action(call.id, "snooze-week")
        snoozed = self.wait_for_state(app, rid, "snoozed")
        self.assertAlmostEqual(parse_time(snoozed["snoozed_until"]), clicked + 7 * DAY, delta=3)

    # ---- coming due again, or not at all -----------------------------------------------

    def test_snoozed_reminder_comes_back_at_its_new_time(self):
        app, _, rid, first = self.shown_due_reminder()
        again = whole_seconds_ahead(2)
        self.ok("snooze", str(rid), due_text(again))
        calls = self.wait_for_notify(2, timeout=6)
        second = calls[1]
        print("\nsnoozed reminder shown again %.3f s after its new time"
              % (second.timestamp - again), file=sys.stderr)
        self.assertEqual(second.hints.get(REMINDER_ID_HINT), rid)
        self.assertGreaterEqual(second.timestamp, again - 0.05, "back before its new time")
        self.assertLessEqual(second.timestamp - again, 2.0, "back too late")
        # Still on screen, the first one is replaced rather than doubled.
        self.assertEqual(second.replaces_id, first.id)
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 2, self.notify_calls())

    def test_closed_before_due_is_never_shown(self):
        app, contact = self.globex()
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        due = whole_seconds_ahead(2)
        done = self.add_reminder(app, due, "Done before its time", contact)
        dismissed = self.add_reminder(app, due, "Dismissed before its time", contact)
        self.add_reminder(app, due, "Left alone", contact)
        self.ok("done", str(done))
        self.ok("dismiss", str(dismissed))
        self.wait_for_notify(1, timeout=due - time.time() + 10)
        self.wait_until_asleep()
        self.assertEqual([c.summary for c in self.notify_calls()], ["Left alone — Globex, SRE"])


if __name__ == "__main__":
    daemonharness.main()
