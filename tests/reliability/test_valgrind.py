# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd under valgrind memcheck (tests/RELIABILITY.md, "Sanitizers and leaks").

The daemon integration scenario (catch-up summary at start, single deliveries, a click on
Done, a change from the CLI that rewrites followups.ics, a configuration reload, SIGTERM)
runs with jobtrackd under memcheck: no definite leak, and no memory error.
"""

import os
import re
import signal
import time
import unittest

from relharness import figures
import daemonharness

VALGRIND = os.environ.get("VALGRIND") or "/usr/bin/valgrind"


class ValgrindTest(daemonharness.DaemonTestCase):
    def test_daemon_under_memcheck(self):
        daemonharness.needs(VALGRIND)
        self.start_mock_server(capabilities=["actions", "body", "body-markup"])
        app = self.add_application()
        contact = self.add_contact(app)
        for n in range(5):
            self.add_reminder(app, int(time.time()) - 60 - n, "while away %d" % n,
                              contact_id=contact)
        self.add_reminder(app, daemonharness.whole_seconds_ahead(86400), "tomorrow")

        log = os.path.join(self.tmp, "memcheck.log")
        env = self.environment({"G_DEBUG": "gc-friendly", "G_SLICE": "always-malloc"})
        self.daemon = self.start_process(
            [VALGRIND, "--tool=memcheck", "--leak-check=full", "--show-leak-kinds=definite",
             "--errors-for-leak-kinds=definite", "--num-callers=40", "--log-file=" + log,
             daemonharness.JOBTRACKD, "--db", self.db, "--verbose"], "jobtrackd", env=env)
        self.daemon_log_path = self.daemon.log_path
        self.wait_for(lambda: "watching" in self.daemon_log() or self.daemon.poll() is not None,
                      60, 0.1, "jobtrackd to start under valgrind")
        self.wait_for(lambda: self.notify_calls(), 30, 0.2, "the catch-up summary")

        # Singles, a click, a change that rewrites the calendar, a reload.
        first = self.add_reminder(app, int(time.time()), "single 1", contact_id=contact)
        self.add_reminder(app, int(time.time()), "single 2", contact_id=contact)
        calls = self.wait_for(lambda: [c for c in self.notify_calls()
                                       if c.hints.get(daemonharness.REMINDER_ID_HINT) == first],
                              30, 0.2, "a single notification")
        self.invoke_action(calls[0].id, "done")
        self.wait_for(lambda: self.reminder(app, first)["state"] == "done", 30, 0.2,
                      "the click to mark it done")
        self.ok("app", "edit", str(app), "--notes", "changed under valgrind")
        self.write_config("[rules]\ncall_hour = 09:30\n")
        self.daemon.send_signal(signal.SIGHUP)
        self.wait_for(lambda: "configuration reloaded" in self.daemon_log(), 30, 0.2,
                      "the reload")
        time.sleep(2)  # the calendar rewrite runs from an idle timeout

        self.daemon.send_signal(signal.SIGTERM)
        self.daemon.wait(60)
        self.daemon = None
        with open(log) as f:
            report = f.read()
        self.assertTrue("LEAK SUMMARY:" in report or "All heap blocks were freed" in report,
                        "memcheck did not report:\n" + report[-3000:])
        definite = re.search(r"definitely lost: ([\d,]+) bytes in ([\d,]+) blocks", report)
        lost_bytes = int(definite.group(1).replace(",", "")) if definite else 0
        errors = int(re.search(r"ERROR SUMMARY: (\d+) errors", report).group(1))
        if os.environ.get("JT_SHOW_MEMCHECK"):
            print(report)
        figures("valgrind", definitely_lost_bytes=lost_bytes, memcheck_errors=errors)
        self.assertEqual(lost_bytes, 0, report[-6000:])
        self.assertEqual(errors, 0, report[-6000:])


if __name__ == "__main__":
    daemonharness.main()
