#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Draft button of a letter reminder's notification (python-dbusmock's
notification_daemon, which can click it): offered for letters only, and a click hands the
draft to the desktop's mail client as a mailto: URI, or, with no address known, to the
text editor as a file. The "desktop" is a pair of .desktop files in the test's
XDG_DATA_HOME made the defaults in its mimeapps.list; their program records what it was
given."""

import os
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
