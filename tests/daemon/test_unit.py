#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What installs jobtrackd into a desktop session: the systemd user unit (valid for
`systemd-analyze verify`, tied to the graphical session, restarted on failure, reloaded
with SIGHUP, and, as Type=notify, answered with sd_notify by the daemon) and the .desktop
file the notifications' desktop-entry hint names."""

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemonharness import (BUILD_ROOT, JOBTRACKD, SOURCE_ROOT,  # noqa: E402
                           DaemonTestCase, decode)
import daemonharness  # noqa: E402

UNIT = os.path.join(BUILD_ROOT or os.path.dirname(os.path.dirname(JOBTRACKD or ".")),
                    "systemd", "jobtrackd.service")
DESKTOP_FILE = os.path.join(SOURCE_ROOT, "data", "jobtrack.desktop")
# What the daemon puts in its notifications' desktop-entry hint.
DESKTOP_ENTRY = "jobtrack"

# Options that need a mount namespace or privileges: a user manager applies them only
# with PrivateUsers= (and a kernel that allows unprivileged user namespaces), or never.
NOT_FOR_USER_UNITS = {
    "User", "Group", "DynamicUser", "SupplementaryGroups", "AmbientCapabilities",
    "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "PrivateNetwork",
    "PrivateMounts", "PrivateIPC", "ProtectKernelTunables", "ProtectKernelModules",
    "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock", "ProtectHostname",
    "ProtectProc", "ProcSubset", "ReadOnlyPaths", "ReadWritePaths", "InaccessiblePaths",
    "ExecPaths", "NoExecPaths", "TemporaryFileSystem", "BindPaths", "BindReadOnlyPaths",
}


def read_unit(path):
    """{section: [(key, value), ...]} of a unit file (keys may repeat)."""
    sections = {}
    current = None
    with open(path) as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], [])
                continue
            key, _, value = line.partition("=")
            current.append((key.strip(), value.strip()))
    return sections


def values(unit, section, key):
    """Every value of `key` in `section`, space-separated lists split."""
    found = []
    for k, v in unit.get(section, []):
        if k == key:
            found += v.split()
    return found


class UnitTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.assertTrue(os.path.exists(UNIT), "no unit at %s (build it; set JT_BUILD_ROOT)" % UNIT)
        self.unit = read_unit(UNIT)

    def test_unit_passes_systemd_analyze_verify(self):
        # A copy whose ExecStart is the built binary (the installed path may not exist).
        folder = self.subdir("units")
        copy = os.path.join(folder, "jobtrackd.service")
        with open(UNIT) as f, open(copy, "w") as out:
            for line in f:
                if line.startswith("ExecStart="):
                    line = "ExecStart=%s\n" % JOBTRACKD
                out.write(line)
        daemonharness.needs("systemd-analyze")
        proc = subprocess.run(["systemd-analyze", "--user", "verify", copy],
                              capture_output=True, timeout=60,
                              env=self.environment({"SYSTEMD_LOG_COLOR": "0"}))
        report = decode(proc.stdout) + decode(proc.stderr)
        self.assertEqual(proc.returncode, 0, report)
        self.assertEqual(report, "", "systemd-analyze verify warns")

    def test_unit_belongs_to_the_graphical_session(self):
        self.assertIn("graphical-session.target", values(self.unit, "Unit", "PartOf"))
        self.assertIn("graphical-session.target", values(self.unit, "Unit", "After"))
        self.assertIn("graphical-session.target", values(self.unit, "Install", "WantedBy"))
        self.assertEqual(values(self.unit, "Service", "Restart"), ["on-failure"])
        [exec_start] = [v for k, v in self.unit["Service"] if k == "ExecStart"]
        self.assertTrue(os.path.isabs(exec_start) and exec_start.endswith("/jobtrackd"),
                        exec_start)

    def test_unit_uses_only_hardening_that_works_in_user_units(self):
        keys = {k for k, _ in self.unit["Service"]}
        if values(self.unit, "Service", "PrivateUsers") in (["yes"], ["true"]):
            return
        self.assertEqual(keys & NOT_FOR_USER_UNITS, set())

    def test_exec_reload_reloads_the_running_daemon(self):
        [reload_line] = [v for k, v in self.unit["Service"] if k == "ExecReload"]
        daemon = self.start_daemon()
        argv = [a.replace("$MAINPID", str(daemon.pid)) for a in shlex.split(reload_line)]
        subprocess.run(argv, check=True, timeout=10)
        self.wait_for(lambda: "configuration reloaded" in self.daemon_log(), 3,
                      message="jobtrackd to reload")
        self.assertIsNone(daemon.poll(), "ExecReload ended jobtrackd")

    def test_type_notify_is_answered_with_sd_notify(self):
        service_type = values(self.unit, "Service", "Type")
        if service_type != ["notify"]:
            self.skipTest("Type=%s: built without libsystemd" % service_type)
        path = os.path.join(self.tmp, "notify.socket")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.addCleanup(sock.close)
        sock.bind(path)
        sock.settimeout(3)

        def expect(state):
            deadline = time.monotonic() + 3
            while True:
                try:
                    message = sock.recv(4096).decode()
                except socket.timeout:
                    message = ""
                if state in message.split("\n"):
                    return message
                if time.monotonic() > deadline:
                    self.fail("jobtrackd did not send %s to NOTIFY_SOCKET%s"
                              % (state, self.daemon_log_excerpt()))

        daemon = self.start_daemon(wait=False, env={"NOTIFY_SOCKET": path})
        expect("READY=1")
        daemon.send_signal(signal.SIGHUP)
        expect("RELOADING=1")
        expect("READY=1")
        daemon.send_signal(signal.SIGTERM)
        expect("STOPPING=1")
        self.assertEqual(daemon.wait(5), 0)

    def test_desktop_file_is_valid_and_named_as_the_hint(self):
        self.assertEqual(os.path.basename(DESKTOP_FILE), DESKTOP_ENTRY + ".desktop")
        daemonharness.needs("desktop-file-validate")
        proc = subprocess.run(["desktop-file-validate", DESKTOP_FILE], capture_output=True,
                              timeout=30)
        report = decode(proc.stdout) + decode(proc.stderr)
        self.assertEqual(proc.returncode, 0, report)
        self.assertEqual(report, "", "desktop-file-validate warns")


if __name__ == "__main__":
    daemonharness.main()
