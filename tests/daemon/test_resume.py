#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd and a machine that sleeps: on resume (logind's PrepareForSleep(false) on the
system bus) it plans again at once. Here the system bus is a private dbus-daemon with
python-dbusmock's logind template on it, and the notification server is dbusmock's.

Suspend itself cannot be tested here. What can: a follow-up the server refused to show
waits for the daemon's next retry (minutes away); the resume signal makes it try again
right then, as it would after a night with the lid closed."""

import json
import os
import select
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import BUS_CONFIG, SYSTEM_PYTHON, DaemonTestCase, needs  # noqa: E402
import daemonharness  # noqa: E402

import dbus  # noqa: E402  (after the harness, which skips the file without it)

LOGIND = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
MOCK_IFACE = "org.freedesktop.DBus.Mock"
NOTIFICATIONS_IFACE = "org.freedesktop.Notifications"

# What dbusmock's Notify runs: refuse (the server is there but cannot show it), or answer
# as the notification_daemon template does.
REFUSE = 'raise dbus.exceptions.DBusException("cannot show it now", ' \
         'name="org.freedesktop.DBus.Error.Failed")'
ACCEPT = "ret = self.next_id\nself.next_id += 1"


class ResumeTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        needs(modules=["dbusmock"])
        self.system_address = self.start_system_bus()
        self.start_process([SYSTEM_PYTHON, "-m", "dbusmock", "--system", "--template", "logind",
                            "-p", json.dumps({})], "logind",
                           env=self.environment(self.system_env()))
        system_bus = dbus.bus.BusConnection(self.system_address)
        self.addCleanup(system_bus.close)
        self.wait_for(lambda: system_bus.name_has_owner(LOGIND), 10, 0.02, "mock logind")
        self.logind = dbus.Interface(system_bus.get_object(LOGIND, LOGIND_PATH), MOCK_IFACE)

    def start_system_bus(self):
        """A second private bus, standing for the system bus."""
        proc = subprocess.Popen(
            ["dbus-daemon", "--config-file=" + BUS_CONFIG, "--nofork", "--print-address"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.addCleanup(self._end_bus, proc)
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        self.assertTrue(ready, "dbus-daemon printed no address")
        address = proc.stdout.readline().decode().strip()
        self.assertTrue(address, "dbus-daemon printed no address")
        return address

    def system_env(self):
        return {"DBUS_SYSTEM_BUS_ADDRESS": self.system_address}

    def set_notify(self, code):
        self.mock.AddMethod(NOTIFICATIONS_IFACE, "Notify", "susssasa{sv}i", "u", code)

    def sleep_and_resume(self):
        self.logind.EmitSignal(LOGIND_MANAGER, "PrepareForSleep", "b", [True])
        self.logind.EmitSignal(LOGIND_MANAGER, "PrepareForSleep", "b", [False])

    def test_a_refused_follow_up_is_shown_right_after_resume(self):
        app = self.add_application()
        self.start_mock_server()
        self.set_notify(REFUSE)
        self.start_daemon(env=self.system_env())
        self.assertNotIn("no system bus", self.daemon_log())

        self.add_reminder(app, int(time.time()), "Call Raj")
        self.wait_for(lambda: "is due but not shown" in self.daemon_log(), 5,
                      message="the refusal to be logged")
        # The mock counts the refused call too. Nothing else would make the daemon try
        # again for minutes.
        self.assertEqual(len(self.notify_calls()), 1)
        self.wait_until_asleep()
        self.assertEqual(len(self.notify_calls()), 1)

        self.set_notify(ACCEPT)
        resumed = time.time()
        self.sleep_and_resume()
        calls = self.wait_for_notify(2, timeout=5)
        self.assertEqual(calls[1].summary, "Call Raj — Globex, SRE")
        self.assertLess(calls[1].timestamp - resumed, 1.0, "not shown at resume")
        self.assertIn("resumed; rescheduling", self.daemon_log())
        # Shown, and marked: another resume does not show it again.
        mark = self.log_mark()
        self.sleep_and_resume()
        self.wait_until_asleep(since=mark)
        self.assertEqual(len(self.notify_calls()), 2)

    def test_going_to_sleep_changes_nothing(self):
        app = self.add_application()
        self.start_mock_server()
        self.start_daemon(env=self.system_env())
        self.logind.EmitSignal(LOGIND_MANAGER, "PrepareForSleep", "b", [True])
        time.sleep(0.5)
        self.assertNotIn("resumed", self.daemon_log())
        self.add_reminder(app, int(time.time()), "Call Ana")
        [call] = self.wait_for_notify(1, timeout=5)
        self.assertEqual(call.summary, "Call Ana — Globex, SRE")


if __name__ == "__main__":
    daemonharness.main()
