#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Draft button of a letter reminder's notification (python-dbusmock's
notification_daemon, which can click it): offered for letters only, and a click hands the
draft to the desktop's mail client as a mailto: URI, or, with no address known, to the
text editor as a file. The "desktop" is a pair of .desktop files in the test's
XDG_DATA_HOME made the defaults in its mimeapps.list; their program records what it was
given."""

import html
import os
import shlex
import shutil
import signal
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import REMINDER_ID_HINT, DaemonTestCase  # noqa: E402
import daemonharness  # noqa: E402

WITH_ACTIONS = ["actions", "body", "body-markup"]


class DraftTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.opened = os.path.join(self.tmp, "opened.txt")
        program = os.path.join(self.tmp, "fake-handler")
        with open(program, "w") as f:
            f.write("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> %s\n" % self.opened)
        os.chmod(program, 0o755)
        apps = os.path.join(self.data_home, "applications")
        os.makedirs(apps, exist_ok=True)
        for name, mime in [("jt-fake-mail", "x-scheme-handler/mailto"),
                           ("jt-fake-editor", "text/plain")]:
            with open(os.path.join(apps, name + ".desktop"), "w") as f:
                f.write("[Desktop Entry]\nType=Application\nName=%s\nExec=%s %%u\n"
                        "MimeType=%s;\n" % (name, program, mime))
        os.makedirs(self.config_home, exist_ok=True)
        with open(os.path.join(self.config_home, "mimeapps.list"), "w") as f:
            f.write("[Default Applications]\nx-scheme-handler/mailto=jt-fake-mail.desktop\n"
                    "text/plain=jt-fake-editor.desktop\n")

    def interview_six_hours_ago(self, person):
        """An interview that ended 5 h ago: its thank-you letters are due (3 h after)."""
        start = time.strftime("%Y-%m-%d %H:%M", time.gmtime(time.time() - 6 * 3600))
        self.ok("add", "--company", "Globex", "--role", "R&D Lead", "--at", start,
                "--with", person, "--notes", "Went well", "--decision", "2099-01-05",
                "--said", "Grüße & the #1 question?")

    def shown(self, rule):
        calls = self.wait_for_notify(1)
        due = [r for r in self.agenda("--all") if r["rule"] == rule]
        self.assertEqual(len(due), 1, due)
        found = [c for c in calls if c.hints.get(REMINDER_ID_HINT) == due[0]["id"]]
        self.assertEqual(len(found), 1, calls)
        return due[0], found[0]

    def click_draft(self, call):
        self.invoke_action(call.id, "draft")
        self.wait_for(lambda: os.path.exists(self.opened) and open(self.opened).read(), 5,
                      message="the draft to be opened")
        with open(self.opened) as f:
            return f.read().splitlines()

    def test_draft_opens_the_mail_client_with_a_mailto_uri(self):
        self.interview_six_hours_ago("Raj Patel <raj@globex.example>, CTO")
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        reminder, call = self.shown("thank_you")
        self.assertIn(("draft", "Draft"), call.actions)
        self.assertIn(("done", "Done"), call.actions)
        [uri] = self.click_draft(call)
        self.assertTrue(uri.startswith("mailto:raj@globex.example?subject="), uri)
        query = urllib.parse.parse_qs(uri.split("?", 1)[1])
        self.assertEqual(query["subject"], ["Thank you for the interview on %s"
                                            % query["subject"][0].split(" on ", 1)[1]])
        self.assertIn("What stayed with me most: Grüße & the #1 question?.\r\n",
                      query["body"][0])
        self.wait_for_log("reminder %d: draft clicked" % reminder["id"])
        self.wait_for_log("reminder %d: its draft was handed to the mail client" % reminder["id"])
        # A draft is not the letter sent: the reminder is still open.
        self.assertEqual(self.reminder(1, reminder["id"])["state"], "pending")

    def test_the_draft_is_signed_by_the_sender_of_config_ini_and_follows_a_reload(self):
        self.write_config("[user]\nname = Ann Lee\nemail = ann@example.com\n")
        self.interview_six_hours_ago("Raj Patel <raj@globex.example>, CTO")
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        reminder, call = self.shown("thank_you")
        [uri] = self.click_draft(call)
        body = urllib.parse.parse_qs(uri.split("?", 1)[1])["body"][0]
        self.assertTrue(body.endswith("Yours sincerely,\r\nAnn Lee\r\nann@example.com\r\n"),
                        body)
        self.assertNotIn("[your name]", body)
        # A new sender, read on SIGHUP, signs the next draft.
        os.remove(self.opened)
        self.write_config("[user]\nsignature = A. Lee\\nBerlin\n")
        self.daemon.send_signal(signal.SIGHUP)
        self.wait_for_log("configuration reloaded")
        [uri] = self.click_draft(call)
        body = urllib.parse.parse_qs(uri.split("?", 1)[1])["body"][0]
        self.assertTrue(body.endswith("Yours sincerely,\r\nA. Lee\r\nBerlin\r\n"), body)

    def test_without_an_address_the_draft_opens_in_the_editor(self):
        self.interview_six_hours_ago("Zoë Ångström, Staff Engineer")
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        reminder, call = self.shown("thank_you")
        [uri] = self.click_draft(call)
        path = os.path.join(self.home, ".cache", "jobtrack", "drafts",
                            "reminder-%d.txt" % reminder["id"])
        # GIO hands a local file to a %u program as a path.
        self.assertIn(urllib.parse.unquote(uri), [path, "file://" + path])
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("To: Zoë Ångström\nSubject: Thank you for the "
                                        "interview on "), text)

    def test_after_draft_a_server_that_closed_it_shows_it_again(self):
        # A server without persistence takes the notification down on any click; after
        # Draft the letter is not sent yet, so Done and Snooze come back with it.
        self.interview_six_hours_ago("Raj Patel <raj@globex.example>, CTO")
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        reminder, call = self.shown("thank_you")
        self.assertNotIn("resident", call.hints, "resident sent to a server without persistence")
        self.click_and_close(call.id, "draft")
        self.wait_for(lambda: os.path.exists(self.opened), 5, message="the draft to be opened")
        calls = self.wait_for_notify(2)
        self.wait_until_asleep()
        calls = self.notify_calls()
        self.assertEqual(len(calls), 2, calls)
        again = calls[1]
        self.assertEqual(again.replaces_id, 0, "it replaces a notification the server closed")
        self.assertEqual(again.hints.get(REMINDER_ID_HINT), reminder["id"])
        self.assertEqual((again.summary, again.body), (call.summary, call.body))
        self.assertEqual(sorted(again.actions), sorted(call.actions))
        self.assertEqual(self.close_calls(), [])
        # Its buttons work: Done marks the letter done.
        self.invoke_action(again.id, "done")
        self.wait_for(lambda: self.reminder(1, reminder["id"])["state"] == "done", 5,
                      message="the letter to be done")

    def test_a_server_with_persistence_keeps_it_after_draft(self):
        self.interview_six_hours_ago("Raj Patel <raj@globex.example>, CTO")
        self.start_mock_server(WITH_ACTIONS + ["persistence"])
        self.start_daemon()
        reminder, call = self.shown("thank_you")
        self.assertIs(call.hints.get("resident"), True, call.hints)
        # A resident notification stays on screen after a click: nothing to show again.
        self.click_draft(call)
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 1, self.notify_calls())
        self.assertEqual(self.close_calls(), [])
        # After Done the server keeps it too: jobtrackd takes it down.
        self.invoke_action(call.id, "done")
        self.wait_for(self.close_calls, 5, message="CloseNotification")
        self.assertEqual(self.close_calls(), [call.id])

    def test_a_draft_that_cannot_be_opened_is_told_with_the_command_that_prints_it(self):
        # No program for mailto: links (nor for text files) on this desktop.
        os.remove(os.path.join(self.config_home, "mimeapps.list"))
        shutil.rmtree(os.path.join(self.data_home, "applications"))
        no_data = self.subdir("no-data-dirs")
        self.interview_six_hours_ago("Raj Patel <raj@globex.example>, CTO")
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon(env={"XDG_DATA_DIRS": no_data})
        reminder, call = self.shown("thank_you")
        self.invoke_action(call.id, "draft")
        calls = self.wait_for_notify(2)
        told = calls[1]
        self.assertEqual(told.summary, "The draft could not be opened")
        self.assertEqual(told.expire_timeout, 0)
        self.assertEqual(told.actions, [])
        self.assertFalse(os.path.exists(self.opened))
        lines = html.unescape(told.body).splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertTrue(lines[0].startswith("No mail program took the draft: "), lines[0])
        self.assertTrue(lines[1].startswith("To print it, run: jobtrack "), lines[1])
        command = shlex.split(lines[1].split(": ", 1)[1])
        self.assertEqual(command, ["jobtrack", "--db", self.db, "letter", "thanks",
                                   "--reminder", str(reminder["id"])])
        # The command does print the letter.
        rc, out, err = self.jt(*command[3:])
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("To: Raj Patel <raj@globex.example>\nSubject: Thank you"),
                        out)
        self.assertEqual(self.reminder(1, reminder["id"])["state"], "pending")

    def test_no_draft_button_for_a_call(self):
        app = self.add_application("Globex", "SRE")
        contact = self.add_contact(app)
        self.add_reminder(app, time.time() - 1, "Call Raj", contact)
        self.start_mock_server(WITH_ACTIONS)
        self.start_daemon()
        [call] = self.wait_for_notify(1)
        self.assertNotIn("draft", [a for a, _ in call.actions])


if __name__ == "__main__":
    daemonharness.main()
