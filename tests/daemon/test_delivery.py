#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd against a real notification server: dunst under Xvfb on a private session
bus, read back with `dunstctl`. A follow-up shows at its time with the right words, text
from records shows literally, nothing shows twice, what came due while the daemon was
stopped is caught up, and what came due while no server ran shows when one appears."""

import os
import signal
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import (DaemonTestCase, parse_time, visible_text,  # noqa: E402
                           whole_seconds_ahead)
import daemonharness  # noqa: E402

HOSTILE = '<b>x</b> & <a href="http://e">y</a>'
# How late after its due time (or after a server appears) a follow-up may show.
MAX_LATENCY = 2.0


class DeliveryTest(DaemonTestCase):

    def globex(self):
        app = self.add_application("Globex", "SRE")
        return app, self.add_contact(app)

    def wait_until_shown(self, count=1, timeout=10):
        """Polls dunst until `count` notifications are on screen; returns when (wall)."""
        return self.wait_for(lambda: self.dunst_count("displayed") >= count and time.time(),
                             timeout, 0.02, "%d notification(s) on screen" % count)

    def assert_nothing_more_shown(self, expected_total):
        """Once the daemon sleeps, dunst has every notification it will get until then."""
        self.wait_until_asleep()
        self.assertEqual(self.dunst_total(), expected_total,
                         "dunst got other notifications: %r%s" % (
                             self.dunst_notifications(), self.daemon_log_excerpt()))

    # ---- on time, with the right words -------------------------------------------------

    def test_reminder_added_while_daemon_sleeps_is_shown_at_its_time(self):
        app, contact = self.globex()
        self.start_dunst()
        self.start_daemon()
        self.wait_until_asleep()  # with nothing due
        due = whole_seconds_ahead(3)
        rid = self.add_reminder(app, due, "Follow-up call", contact)
        self.assertEqual(self.dunst_count("displayed"), 0, "shown before its time")

        shown_at = self.wait_until_shown(timeout=due - time.time() + 5)
        latency = shown_at - due
        print("\nshown %.3f s after its due time" % latency, file=sys.stderr)
        self.assertGreaterEqual(latency, -0.05, "shown before its due time")
        self.assertLessEqual(latency, MAX_LATENCY, "shown too late%s" % self.daemon_log_excerpt())

        shown = self.dunst_notifications()
        self.assertEqual(len(shown), 1, shown)
        n = shown[0]
        self.assertEqual(n["appname"], "jobtrack")
        self.assertEqual(n["summary"], "Follow-up call — Globex, SRE")
        self.assertEqual(n["body"], "Raj Patel · +44 20 7946 0000 · raj@globex.example")
        self.assertEqual(visible_text(n["message"]),
                         "Follow-up call — Globex, SRE\n"
                         "Raj Patel · +44 20 7946 0000 · raj@globex.example")

        [listed] = [r for r in self.agenda() if r["id"] == rid]
        notified = parse_time(listed["notified"])
        self.assertIsNotNone(notified, "shown but not marked notified: %r" % listed)
        self.assertGreaterEqual(notified, due)
        self.assertLessEqual(notified, due + MAX_LATENCY + 1)
        self.assertEqual(listed["state"], "pending", "showing it must not close it")

    def test_text_from_records_is_shown_literally_never_as_markup(self):
        app = self.add_application(HOSTILE, "SRE")
        self.add_contact(app, name="Raj " + HOSTILE, email="raj@globex.example", phone=None)
        self.add_reminder(app, whole_seconds_ahead(-1), "Call " + HOSTILE, contact_id=1)
        self.start_dunst()
        self.start_daemon()
        self.wait_until_shown()

        [n] = self.dunst_notifications()
        # What the person reads on screen: the text exactly as typed, tags and all.
        on_screen = visible_text(n["message"])
        self.assertEqual(on_screen,
                         "Call %s — %s, SRE\nRaj %s · raj@globex.example"
                         % (HOSTILE, HOSTILE, HOSTILE))
        # What jobtrackd sent as the (markup) body carries no tag: no link, no bold.
        self.assertNotRegex(n["body"], r"<\s*[abi]", "the body carries markup tags")
        self.assertNotRegex(n["body"], r"<\s*img", "the body carries an image tag")
        self.assertIn("&lt;a href=&quot;http://e&quot;&gt;y&lt;/a&gt;", n["body"])

    def test_server_without_markup_shows_record_text_as_typed(self):
        # dunst with `markup = no` has no "body-markup": it shows the body as text, so an
        # escaped body would read "Bob &amp; Alice" on screen.
        app = self.add_application("Bob & Alice <b>Ltd</b>", "R&D")
        self.add_contact(app, name="Bob & Alice", email="bob&alice@example.org", phone=None)
        self.add_reminder(app, whole_seconds_ahead(-1), "Call <b>Bob</b> & Alice", contact_id=1)
        self.start_dunst(markup=False)
        self.start_daemon()
        self.wait_until_shown()

        [n] = self.dunst_notifications()
        self.assertEqual(n["body"], "Bob & Alice · bob&alice@example.org")
        # dunst quotes what it shows as text; read back, it is the text as typed.
        self.assertEqual(visible_text(n["message"]),
                         "Call <b>Bob</b> & Alice — Bob & Alice <b>Ltd</b>, R&D\n"
                         "Bob & Alice · bob&alice@example.org")

    # ---- exactly once ------------------------------------------------------------------

    def test_restart_shows_nothing_twice(self):
        app, contact = self.globex()
        self.add_reminder(app, whole_seconds_ahead(-2), "Follow-up call", contact)
        self.add_reminder(app, whole_seconds_ahead(-1), "Thank-you letter", contact)
        self.start_dunst()
        self.start_daemon()
        self.wait_until_shown(2)
        self.assert_nothing_more_shown(2)

        for _ in range(2):
            rc, _ = self.stop_daemon()
            self.assertEqual(rc, 0)
            self.start_daemon()
            self.assert_nothing_more_shown(2)
        self.assertEqual(sorted(n["summary"] for n in self.dunst_notifications()),
                         ["Follow-up call — Globex, SRE", "Thank-you letter — Globex, SRE"])

    def test_many_due_while_stopped_are_caught_up_in_one_summary(self):
        app, contact = self.globex()
        self.start_dunst()
        self.start_daemon()
        self.stop_daemon()
        # Five follow-ups come due while the daemon is not running.
        due = whole_seconds_ahead(1)
        ids = [self.add_reminder(app, due, "Call number %d" % i, contact) for i in range(5)]
        time.sleep(max(0, due - time.time()) + 0.3)
        self.start_daemon()
        self.wait_until_shown()
        self.assert_nothing_more_shown(1)

        [n] = self.dunst_notifications()
        self.assertEqual(n["summary"], "5 follow-ups came due while you were away")
        self.assertEqual(n["body"], "Run 'jobtrack agenda' to see them.")
        self.assertEqual(n["appname"], "jobtrack")
        # Every one of them is still in the agenda, and none comes again.
        listed = {r["id"]: r for r in self.agenda()}
        for rid in ids:
            self.assertIn(rid, listed, "reminder %d left the agenda" % rid)
            self.assertEqual(listed[rid]["state"], "pending")
            self.assertIsNotNone(listed[rid]["notified"], "reminder %d not marked" % rid)
        self.stop_daemon()
        self.start_daemon()
        self.assert_nothing_more_shown(1)

    def test_three_due_at_once_are_shown_one_by_one(self):
        app, contact = self.globex()
        for i in range(3):
            self.add_reminder(app, whole_seconds_ahead(-3 + i), "Call number %d" % i, contact)
        self.start_dunst()
        self.start_daemon()
        self.wait_until_shown(3)
        self.assert_nothing_more_shown(3)
        self.assertEqual([n["summary"] for n in self.dunst_notifications()],
                         ["Call number %d — Globex, SRE" % i for i in range(3)])

    def test_several_due_together_while_running_are_each_shown(self):
        # The rules put every call of a day at the same hour (10:00): several follow-ups
        # come due at one moment while the person sits at the machine.
        app, contact = self.globex()
        self.start_dunst()
        self.start_daemon()
        self.wait_until_asleep()
        due = whole_seconds_ahead(2)
        for i in range(4):
            self.add_reminder(app, due, "Call number %d" % i, contact)
        self.wait_until_shown(4, timeout=due - time.time() + 10)
        self.wait_until_asleep()
        summaries = [n["summary"] for n in self.dunst_notifications()]
        self.assertNotIn("4 follow-ups came due while you were away", summaries,
                         "a summary says the person was away while the daemon ran all along")
        self.assertEqual(summaries, ["Call number %d — Globex, SRE" % i for i in range(4)])

    # ---- more than one plan reads (JT_SCHEDULER_MAX_LISTED, 64) ------------------------

    def test_more_due_together_than_one_plan_reads_are_all_shown(self):
        app, contact = self.globex()
        self.start_mock_server()
        self.start_daemon()
        due = whole_seconds_ahead(6)
        ids = [self.add_reminder(app, due, "Call number %d" % i, contact) for i in range(70)]
        self.assertLess(time.time(), due, "adding them took longer than planned")
        self.wait_for_notify(70, timeout=due - time.time() + 20)
        self.wait_until_asleep()
        calls = self.notify_calls()
        self.assertEqual([c.summary for c in calls],
                         ["Call number %d — Globex, SRE" % i for i in range(70)],
                         self.daemon_log_excerpt())
        listed = {r["id"]: r for r in self.agenda()}
        self.assertTrue(all(listed[rid]["notified"] is not None for rid in ids))
        self.stop_daemon()
        self.start_daemon()
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 70, "shown again after a restart")

    def test_catch_up_summary_counts_more_than_one_plan_reads(self):
        app, contact = self.globex()
        due = whole_seconds_ahead(-60)
        ids = [self.add_reminder(app, due, "Call number %d" % i, contact) for i in range(70)]
        self.start_mock_server()
        self.start_daemon()
        self.wait_for_notify(1)
        self.wait_until_asleep()
        [call] = self.notify_calls()
        self.assertEqual(call.summary, "70 follow-ups came due while you were away")
        self.assertEqual(call.expire_timeout, 0, "the summary of what is due expires")
        # --verbose logs it like any other showing.
        self.assertIn("shown the summary of 70 follow-ups", self.daemon_log())
        listed = {r["id"]: r for r in self.agenda()}
        self.assertTrue(all(listed[rid]["notified"] is not None for rid in ids),
                        "a follow-up the summary stood for was not marked")
        self.stop_daemon()
        self.start_daemon()
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 1, "shown again after a restart")

    # ---- no server -------------------------------------------------------------------

    def test_reminder_due_without_server_is_shown_when_server_appears(self):
        app, contact = self.globex()
        self.start_dunst()
        self.start_daemon()
        self.stop_dunst(signal.SIGKILL)
        due = whole_seconds_ahead(1)
        rid = self.add_reminder(app, due, "Follow-up call", contact)
        self.wait_for_log("reminder %d is due but not shown" % rid)

        self.assertIsNone(self.daemon.poll(), "jobtrackd exited without a server%s"
                          % self.daemon_log_excerpt())
        [listed] = [r for r in self.agenda() if r["id"] == rid]
        self.assertIsNone(listed["notified"], "marked notified though nothing showed it")

        self.start_dunst()
        appeared = time.time()
        shown_at = self.wait_until_shown(timeout=10)
        latency = shown_at - appeared
        print("\nshown %.3f s after the server appeared" % latency, file=sys.stderr)
        self.assertLessEqual(latency, MAX_LATENCY, self.daemon_log_excerpt())
        self.assert_nothing_more_shown(1)
        [n] = self.dunst_notifications()
        self.assertEqual(n["summary"], "Follow-up call — Globex, SRE")
        [listed] = [r for r in self.agenda() if r["id"] == rid]
        self.assertIsNotNone(listed["notified"])

    def test_without_session_bus_the_daemon_runs_and_reminders_wait(self):
        app, contact = self.globex()
        no_bus = "unix:path=" + os.path.join(self.tmp, "no-session-bus")
        self.start_daemon(env={"DBUS_SESSION_BUS_ADDRESS": no_bus})
        due = whole_seconds_ahead(1)
        rid = self.add_reminder(app, due, "Follow-up call", contact)
        self.wait_for_log("reminder %d is due but not shown" % rid)
        self.assertIsNone(self.daemon.poll(), "jobtrackd exited without a session bus%s"
                          % self.daemon_log_excerpt())
        [listed] = [r for r in self.agenda() if r["id"] == rid]
        self.assertIsNone(listed["notified"], "marked notified though nothing showed it")
        rc, _ = self.stop_daemon()
        self.assertEqual(rc, 0)

    def test_reminder_due_without_server_is_logged(self):
        app, contact = self.globex()
        self.start_daemon()
        due = whole_seconds_ahead(1)
        rid = self.add_reminder(app, due, "Call Raj about the offer", contact)
        # Under systemd the journal is then the only place that tells what was due.
        self.wait_for_log("reminder %d is due but not shown" % rid)
        self.assertIsNone(self.daemon.poll(), "jobtrackd exited without a server")
        self.assertIn("Call Raj about the offer", self.daemon_log(),
                      "the follow-up that could not be shown is not named in the log")


if __name__ == "__main__":
    daemonharness.main()
