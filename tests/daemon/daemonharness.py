# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared harness of the `jobtrackd` integration tests.

Each test gets a fresh temporary folder (its database, HOME, XDG_DATA_HOME,
XDG_CONFIG_HOME, XDG_RUNTIME_DIR) and its own private session bus: a dbus-daemon run
with tests/data/session-bus-no-activation.conf, which has no D-Bus activation, so the only
owner of org.freedesktop.Notifications is the server the test starts itself (dunst under
Xvfb, or python-dbusmock's notification_daemon template). The system bus points nowhere.

The real binaries come from $JOBTRACKD and $JOBTRACK. The daemon runs on the real clock,
so reminders are made due a few seconds ahead of the real time; everything runs with
TZ=UTC and LC_ALL=C.UTF-8. Every process a test starts is ended when it finishes, pass or
fail (and meson ends the whole process group on a timeout: nothing here forks away).

Runs on Debian's /usr/bin/python3 (python3-dbus, python3-dbusmock).
"""

import datetime
import html
import json
import math
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "cli"))
from jtharness import main, needs, require  # noqa: E402,F401

# Every test here runs on its own bus; a test that needs more says so with needs().
require(modules=["dbus"], programs=["dbus-daemon"])
import dbus  # noqa: E402

JOBTRACKD = os.environ.get("JOBTRACKD")
JOBTRACK = os.environ.get("JOBTRACK")
SOURCE_ROOT = os.environ.get("JT_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD_ROOT = os.environ.get("JT_BUILD_ROOT")
BUS_CONFIG = os.path.join(SOURCE_ROOT, "tests", "data", "session-bus-no-activation.conf")
# python3-dbusmock belongs to Debian's interpreter, whatever python3 is first on PATH.
SYSTEM_PYTHON = "/usr/bin/python3"

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
MOCK_IFACE = "org.freedesktop.DBus.Mock"

# The hint jobtrackd puts the reminder's id in (daemon/jt-notifier.c).
REMINDER_ID_HINT = "x-jobtrack-reminder-id"

# dunst, configured so that what it was shown stays countable: nothing expires, nothing is
# hidden behind a limit, the history keeps everything, and idle detection is off.
DUNSTRC = """\
[global]
    monitor = 0
    follow = none
    markup = {markup}
    format = "{format}"
    notification_limit = 0
    indicate_hidden = yes
    history_length = 100
    sticky_history = yes
    idle_threshold = 0
    show_indicators = yes
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


def decode(data):
    return data.decode("utf-8", "surrogateescape")


def plain(value):
    """A value from dbus-python as plain Python (Byte -> int, Array -> list, ...)."""
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.Int32, dbus.Int64, dbus.UInt16,
                          dbus.UInt32, dbus.UInt64)):
        return int(value)
    if isinstance(value, dbus.Double):
        return float(value)
    if isinstance(value, (dbus.String, dbus.ObjectPath, dbus.Signature)):
        return str(value)
    if isinstance(value, (dbus.Array, dbus.Struct, list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dbus.Dictionary, dict)):
        return {plain(k): plain(v) for k, v in value.items()}
    return value


def due_text(epoch):
    """The `--due` text for a Unix time, in UTC (the zone every process here runs in)."""
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M:%S")


def parse_time(text):
    """An ISO 8601 time from `--json` output as a Unix time (None stays None)."""
    if text is None:
        return None
    return datetime.datetime.fromisoformat(text).timestamp()


def whole_seconds_ahead(seconds):
    """A whole-second Unix time at least `seconds` from now (due times have no fraction)."""
    return int(math.ceil(time.time())) + seconds


def visible_text(markup):
    """What a Pango markup string shows on screen: tags gone, entities read."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def proc_status(pid):
    """/proc/PID/status as a dict of its fields (text)."""
    fields = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def voluntary_switches(pid):
    """{thread id: voluntary context switches} of every thread of `pid`; each switch is
    one wakeup from a blocking wait."""
    counts = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:"):
                        counts[int(tid)] = int(line.split(":")[1])
        except FileNotFoundError:  # the thread ended meanwhile
            pass
    return counts


def wakeups_between(before, after, main_tid):
    """(main thread, all threads) wakeups between two voluntary_switches() snapshots. A
    thread that started counts all its switches; one that ended counts one (it woke up
    to end), since its own count went with it."""
    main = after.get(main_tid, 0) - before.get(main_tid, 0)
    total = 0
    for tid, count in after.items():
        total += count - before.get(tid, 0)
    total += len(set(before) - set(after))
    return main, total


class NotifyCall:
    """One Notify call the mock server received, with the id it answered."""

    def __init__(self, timestamp, args, notification_id):
        (self.app_name, self.replaces_id, self.icon, self.summary, self.body, actions,
         self.hints, self.expire_timeout) = plain(args)
        self.timestamp = timestamp  # Unix time, to the millisecond
        self.id = notification_id
        # ["done", "Done", "snooze-day", ...] -> [("done", "Done"), ...]
        self.actions = list(zip(actions[0::2], actions[1::2]))

    def __repr__(self):
        return "<Notify %d %r %r actions=%r hints=%r>" % (
            self.id, self.summary, self.body, self.actions, self.hints)


class DaemonTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        for name, path in (("JOBTRACKD", JOBTRACKD), ("JOBTRACK", JOBTRACK)):
            if not path or not os.access(path, os.X_OK):
                self.fail("set %s to the built binary (got %r)" % (name, path))
        self.tmp = tempfile.mkdtemp(prefix="jobtrackd-test-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.home = self.subdir("home")
        self.data_home = self.subdir("data")
        self.config_home = self.subdir("config")
        self.runtime_dir = self.subdir("runtime")
        self.db = os.path.join(self.tmp, "jobtrack.db")
        self.daemon = None
        self.daemon_log_path = None
        self.dunst = None
        self.mock = None
        self.display = None
        self._start_bus()

    def subdir(self, name):
        path = os.path.join(self.tmp, name)
        os.mkdir(path, 0o700)
        return path

    # ---- the environment -------------------------------------------------------------

    def environment(self, extra=None):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_DATA_HOME": self.data_home,
            "XDG_CONFIG_HOME": self.config_home,
            "XDG_RUNTIME_DIR": self.runtime_dir,
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            # No system bus: the daemon must do without logind, and the host's stays out.
            "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=" + os.path.join(self.tmp, "no-system-bus"),
            "TZ": "UTC",
            "LC_ALL": "C.UTF-8",
            "NO_COLOR": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        # Build-tree programs take the build tree's iCalendar module (common/jt-ical.h).
        if "JOBTRACK_MODULE_DIR" in os.environ:
            env["JOBTRACK_MODULE_DIR"] = os.environ["JOBTRACK_MODULE_DIR"]
        for key, value in (extra or {}).items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def start_process(self, argv, name, env=None, **kwargs):
        """Starts a helper process with its output in <tmp>/<name>.log; it is ended
        (SIGTERM, then SIGKILL) when the test finishes."""
        log_path = os.path.join(self.tmp, name + ".log")
        with open(log_path, "ab") as log:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, env=env or self.environment(),
                                    **kwargs)
        proc.log_path = log_path
        self.addCleanup(self.end_process, proc)
        return proc

    @staticmethod
    def end_process(proc, sig=signal.SIGTERM, timeout=5):
        """Ends `proc` if it still runs; returns its exit status."""
        if proc.poll() is None:
            try:
                proc.send_signal(sig)
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return proc.returncode

    @staticmethod
    def read_log(proc):
        with open(proc.log_path, "rb") as f:
            return decode(f.read())

    def wait_for(self, predicate, timeout, interval=0.05, message="condition"):
        """Calls `predicate` until it returns something true; returns that, or fails."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() >= deadline:
                self.fail("timed out after %.1f s waiting for %s%s" % (
                    timeout, message, self.daemon_log_excerpt()))
            time.sleep(interval)

    # ---- the private session bus -----------------------------------------------------

    def _start_bus(self):
        self.assertTrue(os.path.exists(BUS_CONFIG), "no bus config at %s (set JT_SOURCE_ROOT)"
                        % BUS_CONFIG)
        proc = subprocess.Popen(
            ["dbus-daemon", "--config-file=" + BUS_CONFIG, "--nofork", "--print-address"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.addCleanup(self._end_bus, proc)
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        self.assertTrue(ready, "dbus-daemon printed no address")
        self.bus_address = proc.stdout.readline().decode().strip()
        self.assertTrue(self.bus_address, "dbus-daemon printed no address")
        self.bus = dbus.bus.BusConnection(self.bus_address)
        self.addCleanup(self.bus.close)

    def _end_bus(self, proc):
        self.end_process(proc)
        proc.stdout.close()

    def server_on_bus(self):
        """The unique name owning org.freedesktop.Notifications, or None."""
        if not self.bus.name_has_owner(NOTIFICATIONS):
            return None
        return str(self.bus.get_name_owner(NOTIFICATIONS))

    def wait_for_server(self, present=True, timeout=10):
        self.wait_for(lambda: bool(self.server_on_bus()) == present, timeout, 0.02,
                      "the notification server to %s" % ("appear" if present else "vanish"))

    # ---- Xvfb and dunst --------------------------------------------------------------

    def start_xvfb(self):
        """Xvfb on a display number it picks itself (-displayfd), so tests never collide."""
        if self.display is not None:
            return self.display
        needs("Xvfb")
        read_end, write_end = os.pipe()
        try:
            self.start_process(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                                "1024x768x24", "-nolisten", "tcp"], "xvfb",
                               pass_fds=(write_end,))
            os.close(write_end)
            write_end = None
            number = b""
            deadline = time.monotonic() + 10
            while not number.endswith(b"\n"):
                ready, _, _ = select.select([read_end], [], [], max(0, deadline - time.monotonic()))
                chunk = os.read(read_end, 16) if ready else b""
                if not chunk:
                    self.fail("Xvfb did not start:\n%s" % self.read_text("xvfb.log"))
                number += chunk
        finally:
            os.close(read_end)
            if write_end is not None:
                os.close(write_end)
        self.display = ":" + number.decode().strip()
        return self.display

    def read_text(self, name):
        try:
            with open(os.path.join(self.tmp, name), "rb") as f:
                return decode(f.read())
        except FileNotFoundError:
            return ""

    def start_dunst(self, markup=True):
        """dunst under Xvfb, with its own dunstrc; returns when it owns the name. With
        `markup` False, dunst is set to `markup = no`: it shows summary and body as text
        and leaves "body-markup" out of its capabilities."""
        self.assertIsNone(self.server_on_bus(), "a notification server is already on the bus")
        needs("dunst", "dunstctl")
        display = self.start_xvfb()
        config = os.path.join(self.tmp, "dunstrc")
        with open(config, "w") as f:
            f.write(DUNSTRC.format(markup="full" if markup else "no",
                                   format="<b>%s</b>\\n%b" if markup else "%s\\n%b"))
        self.dunst = self.start_process(["dunst", "-config", config], "dunst",
                                        env=self.environment({"DISPLAY": display}))
        self.wait_for_server()
        return self.dunst

    def stop_dunst(self, sig=signal.SIGTERM):
        self.end_process(self.dunst, sig)
        self.wait_for_server(present=False)

    def dunstctl(self, *args):
        proc = subprocess.run(["dunstctl", *args], capture_output=True,
                              env=self.environment(), timeout=10)
        self.assertEqual(proc.returncode, 0, "dunstctl %s failed: %s" % (
            " ".join(args), decode(proc.stderr)))
        return decode(proc.stdout)

    def dunst_count(self, which="displayed"):
        return int(self.dunstctl("count", which))

    def dunst_total(self):
        """Every notification dunst got: on screen, queued, or in its history."""
        return sum(self.dunst_count(w) for w in ("displayed", "waiting", "history"))

    def dunst_notifications(self):
        """Every notification dunst got, oldest first, as dicts of the fields `dunstctl
        history` reports (summary, body, message: the markup it rendered, appname, ...).
        Closes what is on screen first: dunst lists a notification only once it is closed."""
        self.dunstctl("close-all")
        self.wait_for(lambda: self.dunst_count("displayed") == 0, 5, message="dunst to close all")
        history = json.loads(self.dunstctl("history"))
        shown = [{key: field["data"] for key, field in n.items()} for n in history["data"][0]]
        return sorted(shown, key=lambda n: n["id"])

    # ---- the dbusmock notification server ---------------------------------------------

    def start_mock_server(self, capabilities=None):
        """python-dbusmock's notification_daemon template; `capabilities` (a list) replaces
        its default ones, which do not include "actions"."""
        self.assertIsNone(self.server_on_bus(), "a notification server is already on the bus")
        needs(modules=["dbusmock"])
        params = {} if capabilities is None else {"capabilities": " ".join(capabilities)}
        self.mock_process = self.start_process(
            [SYSTEM_PYTHON, "-m", "dbusmock", "--template", "notification_daemon",
             "-p", json.dumps(params)], "dbusmock")
        self.wait_for_server()
        self.mock = dbus.Interface(self.bus.get_object(NOTIFICATIONS, NOTIFICATIONS_PATH),
                                   MOCK_IFACE)
        return self.mock

    def stop_mock_server(self):
        self.end_process(self.mock_process)
        self.wait_for_server(present=False)
        self.mock = None

    def notify_calls(self):
        """The Notify calls the mock received, in order, each with the id it returned (the
        template answers replaces_id, or else 1, 2, 3... in call order) and the time it
        came (from the mock's log: GetMethodCalls only keeps whole seconds)."""
        calls = []
        next_id = 1
        logged = re.findall(r"^(\d+\.\d+) Notify (?!raised)", self.read_log(self.mock_process),
                            re.MULTILINE)
        for n, (_, args) in enumerate(self.mock.GetMethodCalls("Notify")):
            timestamp = float(logged[n]) if n < len(logged) else None
            replaces = int(args[1])
            if replaces:
                notification_id = replaces
            else:
                notification_id = next_id
                next_id += 1
            calls.append(NotifyCall(timestamp, args, notification_id))
        return calls

    def wait_for_notify(self, count=1, timeout=5):
        """Waits until the mock got at least `count` Notify calls; returns them all."""
        def enough():
            calls = self.notify_calls()
            # The mock answers over D-Bus before its log line is flushed: wait for both.
            timed = all(call.timestamp is not None for call in calls)
            return len(calls) >= count and timed and calls
        return self.wait_for(enough, timeout, message="%d Notify call(s)" % count)

    def invoke_action(self, notification_id, action):
        """What a click on a notification's button does on a server that keeps the
        notification (the mock; one with "persistence" for a resident one): the server
        emits ActionInvoked."""
        self.mock.EmitSignal(NOTIFICATIONS, "ActionInvoked", "us",
                             [dbus.UInt32(notification_id), action])

    def click_and_close(self, notification_id, action):
        """What a click does on most servers (dunst, notification-daemon, xfce4-notifyd):
        ActionInvoked, then at once NotificationClosed (reason 2, dismissed)."""
        self.mock.AddMethod("", "XClickAndClose", "us", "",
                            "self.EmitSignal('', 'ActionInvoked', 'us', args)\n"
                            "self.EmitSignal('', 'NotificationClosed', 'uu', [args[0], 2])")
        self.bus.get_object(NOTIFICATIONS, NOTIFICATIONS_PATH).XClickAndClose(
            dbus.UInt32(notification_id), action, dbus_interface=NOTIFICATIONS)

    def close_calls(self):
        """The ids the mock was asked to close (CloseNotification), in order."""
        return [int(args[0]) for _, args in self.mock.GetMethodCalls("CloseNotification")]

    # ---- jobtrackd -------------------------------------------------------------------

    def start_daemon(self, *args, wait=True, env=None):
        """Starts `jobtrackd --db <db> --verbose ARGS`; with `wait`, returns once it says
        it is watching the database."""
        self.assertIsNone(self.daemon, "a daemon is already running in this test")
        name = "jobtrackd"
        n = 1
        while os.path.exists(os.path.join(self.tmp, name + ".log")):
            n += 1
            name = "jobtrackd-%d" % n
        self.daemon = self.start_process([JOBTRACKD, "--db", self.db, "--verbose", *args],
                                         name, env=self.environment(env))
        self.daemon_log_path = self.daemon.log_path
        if wait:
            self.wait_for(lambda: "watching" in self.daemon_log() or self.daemon.poll() is not None,
                          10, 0.02, "jobtrackd to start")
            self.assertIsNone(self.daemon.poll(), "jobtrackd exited at start (%s)%s" % (
                self.daemon.returncode, self.daemon_log_excerpt()))
        return self.daemon

    def stop_daemon(self, sig=signal.SIGTERM, timeout=5):
        """Signals the daemon and waits for it; returns (exit status, seconds it took)."""
        started = time.monotonic()
        self.daemon.send_signal(sig)
        try:
            rc = self.daemon.wait(timeout)
        except subprocess.TimeoutExpired:
            self.daemon.kill()
            self.daemon.wait()
            self.fail("jobtrackd did not exit within %d s of signal %d%s" % (
                timeout, sig, self.daemon_log_excerpt()))
        took = time.monotonic() - started
        self.daemon = None
        return rc, took

    def log_mark(self):
        """Where the running jobtrackd's log ends now, for wait_until_asleep(since=)."""
        return len(self.read_log(self.daemon))

    def wait_until_asleep(self, since=0, timeout=20):
        """Waits until the running jobtrackd has planned and sleeps: the last planning its
        log tells (--verbose: "next wake-up T"; after the log_mark() `since`) wakes it
        ahead of now or never, and no change or showing came after it. Whatever was due
        by then has been shown, and nothing more will be before T: a test asserts
        "nothing more" after this rather than after a sleep a slow machine can outlast."""
        def asleep():
            log = self.read_log(self.daemon)
            wakes = list(re.finditer(r"next wake-up (-?\d+)\n", log))
            if not wakes or wakes[-1].start() < since:
                return False
            wake = int(wakes[-1].group(1))
            later = log[wakes[-1].end():]
            return ((wake == 0 or wake > time.time())
                    and not re.search(r"rescheduling|shown reminder|appeared|are due", later))
        def settled():
            # Asleep twice in a row: the daemon's own marks may wake its database watch.
            if not asleep():
                return False
            time.sleep(0.1)
            return asleep()
        self.wait_for(settled, timeout, 0.02, "jobtrackd to finish planning and sleep")

    def wait_for_log(self, text, timeout=20):
        """Waits until the daemons' log says `text`."""
        self.wait_for(lambda: text in self.daemon_log(), timeout, 0.05,
                      "jobtrackd to log %r" % text)

    def daemon_log(self):
        """Everything every jobtrackd of this test wrote (stderr and stdout)."""
        text = ""
        for name in sorted(os.listdir(self.tmp)):
            if name.startswith("jobtrackd") and name.endswith(".log"):
                text += self.read_text(name)
        return text

    def daemon_log_excerpt(self):
        log = self.daemon_log()
        if not log:
            return ""
        return "\n--- jobtrackd log (last 3000 characters) ---\n" + log[-3000:]

    # ---- the CLI ---------------------------------------------------------------------

    def jt(self, *args, env=None, timeout=30):
        """Runs `jobtrack --db <db> ARGS` (real clock); returns (rc, stdout, stderr)."""
        proc = subprocess.run([JOBTRACK, "--db", self.db, *args], stdin=subprocess.DEVNULL,
                              capture_output=True, env=self.environment(env), timeout=timeout)
        return proc.returncode, decode(proc.stdout), decode(proc.stderr)

    def ok(self, *args, **kwargs):
        rc, out, err = self.jt(*args, **kwargs)
        self.assertEqual(rc, 0, "jobtrack %s failed (%d):\n%s%s" % (
            " ".join(map(repr, args)), rc, err, out))
        return out

    def json_of(self, *args, **kwargs):
        return json.loads(self.ok(*args, "--json", **kwargs))

    def _added_id(self, out, what):
        match = re.search(r"Added %s (\d+)" % what, out)
        self.assertIsNotNone(match, "no id in %r" % out)
        return int(match.group(1))

    def add_application(self, company="Globex", role="SRE", **kwargs):
        return self._added_id(self.ok("app", "add", "--company", company, "--role", role,
                                      **kwargs), "application")

    def add_contact(self, app_id, name="Raj Patel", email="raj@globex.example",
                    phone="+44 20 7946 0000"):
        args = ["contact", "add", "--name", name, "--app", str(app_id)]
        if email:
            args += ["--email", email]
        if phone:
            args += ["--phone", phone]
        return self._added_id(self.ok(*args), "contact")

    def add_reminder(self, app_id, due, text, contact_id=None, **kwargs):
        """`jobtrack remind add`, due at the Unix time `due`; returns the reminder's id."""
        args = ["remind", "add", "--app", str(app_id), "--due", due_text(due)]
        if contact_id is not None:
            args += ["--contact", str(contact_id)]
        return self._added_id(self.ok(*args, text, **kwargs), "reminder")

    def agenda(self, *args):
        return self.json_of("agenda", *args)

    def reminder(self, app_id, reminder_id):
        """The reminder as `jobtrack show APP --json` tells it (open or not)."""
        for r in self.json_of("show", str(app_id))["reminders"]:
            if r["id"] == reminder_id:
                return r
        self.fail("no reminder %d in application %d" % (reminder_id, app_id))

    def write_config(self, text):
        folder = os.path.join(self.config_home, "jobtrack")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.ini"), "w") as f:
            f.write(text)
