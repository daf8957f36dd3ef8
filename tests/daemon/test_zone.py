#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""jobtrackd and a change of time zone: when /etc/localtime comes to point at another zone
(a laptop that travelled, `timedatectl set-timezone`), the follow-ups that are kept at a
time of day (a call at the call hour, 10:00) move to that time in the new zone, and the
live calendar follows.

The daemon runs with TZ unset in a private mount namespace whose /etc is a copy of the
host's, so the test can change "the system's" zone without touching the machine's. That
takes root (CI runs as root); elsewhere the test is skipped, saying why."""

import datetime
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import JOBTRACKD, DaemonTestCase  # noqa: E402
import daemonharness  # noqa: E402

ZONEINFO = "/usr/share/zoneinfo"
UTC = datetime.timezone.utc


def can_make_namespaces():
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    return probe.returncode == 0


@unittest.skipUnless(can_make_namespaces(),
                     "needs root and unshare(1) to give jobtrackd an /etc of its own")
class ZoneChangeTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.etc = os.path.join(self.tmp, "etc")
        shutil.copytree("/etc", self.etc, symlinks=True, ignore_dangling_symlinks=True)
        self.set_zone("Europe/Berlin")

    def set_zone(self, name):
        """Points the namespace's /etc/localtime at `name`, as timedatectl does: a new
        symlink renamed over the old one."""
        link = os.path.join(self.etc, "localtime")
        new = link + ".new"
        os.symlink(os.path.join(ZONEINFO, name), new)
        os.rename(new, link)

    def start_daemon_in_namespace(self):
        script = 'mount --bind "$1" /etc && shift && exec "$@"'
        self.daemon = self.start_process(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
             self.etc, JOBTRACKD, "--db", self.db, "--verbose"],
            "jobtrackd", env=self.environment({"TZ": None}))
        self.daemon_log_path = self.daemon.log_path
        self.wait_for(lambda: "watching" in self.daemon_log() or self.daemon.poll() is not None,
                      10, 0.02, "jobtrackd to start")
        self.assertIsNone(self.daemon.poll(), "jobtrackd exited at start%s"
                          % self.daemon_log_excerpt())

    def call_due(self):
        """When the follow-up call is due, as an aware UTC datetime."""
        [call] = [r for r in self.json_of("show", "1", env={"TZ": "UTC"})["reminders"]
                  if r["rule"] == "follow_up_call"]
        return datetime.datetime.fromisoformat(call["due"].replace("Z", "+00:00")).astimezone(UTC)

    def test_a_new_zone_moves_the_calls_to_the_call_hour_there(self):
        # Decided by Thursday 14 January 2027: the call is the next business day at 10:00.
        self.ok("app", "add", "--company", "Globex", "--role", "SRE",
                "--decision", "2027-01-14", env={"TZ": "Europe/Berlin"})
        berlin = datetime.datetime(2027, 1, 15, 9, 0, tzinfo=UTC)  # 10:00 CET
        self.assertEqual(self.call_due(), berlin)
        [call] = [r for r in self.json_of("show", "1")["reminders"]
                  if r["rule"] == "follow_up_call"]

        self.start_daemon_in_namespace()
        calendar = os.path.join(self.data_home, "jobtrack", "followups.ics")
        self.wait_for(lambda: os.path.exists(calendar) and b"20270115T090000Z"
                      in open(calendar, "rb").read(), 5, message="the calendar in Berlin time")
        self.assertEqual(self.call_due(), berlin, "the daemon moved it before any change")

        self.set_zone("Asia/Tokyo")
        self.wait_for(lambda: "the time zone changed" in self.daemon_log(), 5,
                      message="the daemon to see the new zone")
        tokyo = datetime.datetime(2027, 1, 15, 1, 0, tzinfo=UTC)  # 10:00 JST
        self.wait_for(lambda: self.call_due() == tokyo, 5, message="the call at 10:00 in Tokyo")
        # The same follow-up (its uid), moved: its revision grows, and the calendar shows
        # it at the new time.
        [moved] = [r for r in self.json_of("show", "1")["reminders"]
                   if r["rule"] == "follow_up_call"]
        self.assertEqual(moved["uid"], call["uid"])
        self.assertGreater(moved["revision"], call["revision"])
        self.wait_for(lambda: b"20270115T010000Z" in open(calendar, "rb").read(), 5,
                      message="the calendar in Tokyo time")


if __name__ == "__main__":
    daemonharness.main()
