# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared harness of the CalDAV sync tests: a real Radicale (Debian's package) started
for each test on 127.0.0.1 and a free port, with htpasswd logins (made by htpasswd,
read through passlib) and a temporary storage folder, and stopped by the test; and
vdirsyncer, standing in for the phone, syncing the task list into a local vdir."""
import glob
import os
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from jtharness import JobtrackTestCase, require  # noqa: E402,F401

PYTHON = "/usr/bin/python3"
USER = "me"
PASSWORD = "s3cret pass"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SyncTestCase(JobtrackTestCase):
    # Served over TLS with a self-signed certificate for 127.0.0.1 (self.ca_file).
    TLS = False

    def setUp(self):
        super().setUp()
        self.server_dir = os.path.join(self.tmp, "radicale")
        os.mkdir(self.server_dir)
        users = os.path.join(self.server_dir, "users")
        subprocess.run(["htpasswd", "-c", "-b", "-m", users, USER, PASSWORD], check=True,
                       capture_output=True)
        self.port = free_port()
        self.server_log = os.path.join(self.server_dir, "log")
        config = os.path.join(self.server_dir, "config")
        tls = ""
        if self.TLS:
            self.ca_file = os.path.join(self.server_dir, "cert.pem")
            key = os.path.join(self.server_dir, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", key, "-out", self.ca_file, "-days", "2",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                           check=True, capture_output=True)
            tls = "ssl = True\ncertificate = %s\nkey = %s\n" % (self.ca_file, key)
        with open(config, "w") as f:
            f.write("[server]\nhosts = 127.0.0.1:%d\n%s"
                    "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\n"
                    "htpasswd_encryption = md5\n"
                    "[storage]\nfilesystem_folder = %s\n"
                    "[logging]\nlevel = info\n"
                    % (self.port, tls, users, os.path.join(self.server_dir, "collections")))
        self.log_file = open(self.server_log, "w")
        self.server = subprocess.Popen([PYTHON, "-m", "radicale", "--config", config],
                                       stdout=self.log_file, stderr=subprocess.STDOUT)
        self.addCleanup(self._stop_server)
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.server.poll() is not None or time.monotonic() > deadline:
                    self.fail("Radicale did not start: " + open(self.server_log).read())
                time.sleep(0.1)
        self.url = "%s://127.0.0.1:%d/" % ("https" if self.TLS else "http", self.port)
        self.write_sync_config()

    def _stop_server(self):
        self.server.terminate()
        try:
            self.server.wait(10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.log_file.close()

    def write_sync_config(self, password=PASSWORD, extra=""):
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("[caldav]\nurl = %s\nusername = %s\npassword_cmd = printf '%%s\\n' '%s'\n%s"
                    % (self.url, USER, password, extra))

    def server_requests(self):
        """The requests Radicale logged so far, as (method, path)."""
        with open(self.server_log) as f:
            lines = [line for line in f if " request for " in line]
        result = []
        for line in lines:
            method = line.split("] ")[-1].split(" ")[0]
            path = line.split(" request for '")[1].split("'")[0]
            result.append((method, path))
        return result

    # ---- the phone ---------------------------------------------------------------------

    def phone_setup(self, collection_url):
        self.vdir = os.path.join(self.tmp, "phone")
        os.mkdir(self.vdir)
        self.phone_config = os.path.join(self.tmp, "vdirsyncer.conf")
        with open(self.phone_config, "w") as f:
            f.write('[general]\nstatus_path = "%s"\n\n'
                    '[pair phone]\na = "phone_local"\nb = "phone_remote"\ncollections = null\n\n'
                    '[storage phone_local]\ntype = "filesystem"\npath = "%s"\nfileext = ".ics"\n\n'
                    '[storage phone_remote]\ntype = "caldav"\nurl = "%s"\nusername = "%s"\n'
                    'password = "%s"\nitem_types = ["VTODO"]\n'
                    % (os.path.join(self.tmp, "vdirsyncer-status"), self.vdir, collection_url,
                       USER, PASSWORD))
        self.phone("discover")

    def phone(self, *args):
        done = subprocess.run(["vdirsyncer", "-c", self.phone_config, *args], input="",
                              capture_output=True, text=True, timeout=120,
                              env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                                   "HOME": self.home, "LC_ALL": "C.UTF-8"})
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        return done.stdout + done.stderr

    def phone_tasks(self):
        """{SUMMARY: path} of the tasks in the phone's vdir."""
        tasks = {}
        for path in glob.glob(os.path.join(self.vdir, "*.ics")):
            with open(path, newline="") as f:
                for line in f.read().splitlines():
                    if line.startswith("SUMMARY:"):
                        tasks[line[len("SUMMARY:"):]] = path
        return tasks

    def phone_edit(self, path, old, new):
        with open(path, newline="") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", newline="") as f:
            f.write(text.replace(old, new))
