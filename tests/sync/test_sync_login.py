#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack sync login|logout` with a real Secret Service: GNOME Keyring on a private
D-Bus session bus (both started and stopped here), and a real Radicale. The password is
asked for once, kept in the keyring, and used when [caldav] password_cmd is not set; it
never reaches the config, the database or the output."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syncharness import PASSWORD, USER, SyncTestCase, require  # noqa: E402

require(programs=["htpasswd", "dbus-daemon", "gnome-keyring-daemon"])

import unittest  # noqa: E402


class SyncLoginTest(SyncTestCase):

    def setUp(self):
        super().setUp()
        # The config without a password command: the keyring is where it comes from.
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        with open(path, "w") as f:
            f.write("[caldav]\nurl = %s\nusername = %s\n" % (self.url, USER))
        self.bus = self.start_bus()

    def start_bus(self):
        """A session bus and an unlocked GNOME Keyring on it; returns its address."""
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(self.stop, bus)
        self.addCleanup(bus.stdout.close)
        address = bus.stdout.readline().strip()
        self.assertTrue(address, "dbus-daemon gave no address")
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, HOME=self.tmp,
                   XDG_DATA_HOME=self.data_home, XDG_RUNTIME_DIR=self.tmp)
        keyring = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock",
                                    "--components=secrets"], stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=env)
        self.addCleanup(self.stop, keyring)
        keyring.stdin.write(b"keyring pass")
        keyring.stdin.close()
        deadline = time.monotonic() + 20
        while subprocess.run(["dbus-send", "--session", "--print-reply",
                              "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus.NameHasOwner",
                              "string:org.freedesktop.secrets"], env=env, capture_output=True,
                             text=True).stdout.find("boolean true") < 0:
            self.assertIsNone(keyring.poll(), "gnome-keyring-daemon exited")
            self.assertLess(time.monotonic(), deadline, "the keyring did not start")
            time.sleep(0.1)
        return address

    @staticmethod
    def stop(process):
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def run_jt(self, *args, input=None, bus=None):
        return self.jt(*args, input=input,
                       env={"DBUS_SESSION_BUS_ADDRESS": bus or self.bus})

    def test_login_once_then_setup_and_sync_use_the_keyring(self):
        rc, out, err = self.run_jt("sync", "setup")
        self.assertEqual(rc, 1, out)
        self.assert_error_line(err, "'jobtrack sync login'")

        rc, out, err = self.run_jt("sync", "login", input=PASSWORD + "\n")
        self.assertEqual(rc, 0, err)
        self.assertIn("Stored the password of %s in the Secret Service" % USER, out)
        self.assertNotIn(PASSWORD, out + err)

        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-02 10:00", "Call Raj")
        rc, out, err = self.run_jt("sync", "setup")
        self.assertEqual(rc, 0, err)
        rc, out, err = self.run_jt("sync")
        self.assertEqual(rc, 0, err)
        open_count = len(self.json_of("agenda", "--all", "--json"))
        self.assertIn("%d created" % open_count, out)
        # Nowhere but in the keyring.
        for path in (self.db, os.path.join(self.config_home, "jobtrack", "config.ini")):
            with open(path, "rb") as f:
                self.assertNotIn(PASSWORD.encode(), f.read(), path)
        self.assertNotIn(PASSWORD, self.ok("config"))

        # Logged out, the server refuses again, and says how to log in.
        rc, out, err = self.run_jt("sync", "logout")
        self.assertEqual(rc, 0, err)
        self.assertIn("Removed the password of %s" % USER, out)
        rc, out, err = self.run_jt("sync")
        self.assertEqual(rc, 1, out)
        self.assert_error_line(err, "refused the login (401)")
        rc, out, err = self.run_jt("sync", "logout")
        self.assertIn("held no password", out)

    def test_a_wrong_password_is_replaced_by_the_next_login(self):
        self.run_jt("sync", "login", input="not it\n")
        rc, out, err = self.run_jt("sync", "setup")
        self.assertEqual(rc, 1)
        self.assert_error_line(err, "401")
        rc, out, err = self.run_jt("sync", "login", input=PASSWORD + "\n")
        self.assertEqual(rc, 0, err)
        rc, out, err = self.run_jt("sync", "setup")
        self.assertEqual(rc, 0, err)

    def test_without_a_secret_service_login_says_so_in_one_line(self):
        rc, out, err = self.run_jt("sync", "login", input=PASSWORD + "\n",
                                   bus="unix:path=/nonexistent")
        self.assertEqual(rc, 1, out)
        self.assert_error_line(err, "the Secret Service (the desktop's keyring) cannot be used")
        self.assertNotIn(PASSWORD, err)

    def test_an_empty_password_is_refused(self):
        rc, out, err = self.run_jt("sync", "login", input="\n")
        self.assertEqual(rc, 2)
        self.assert_error_line(err, "no password given")


if __name__ == "__main__":
    unittest.main(verbosity=2)
