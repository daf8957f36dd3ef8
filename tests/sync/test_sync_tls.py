#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""CalDAV over TLS: Radicale on 127.0.0.1 with a self-signed certificate. Refused, with
one line naming the cure, until [caldav] ca_file names that certificate; then it syncs.
TLS is verified by default: nothing is sent to a server jobtrack cannot trust."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syncharness import SyncTestCase, require  # noqa: E402

require(programs=["htpasswd", "openssl", "/usr/bin/python3"])

import unittest  # noqa: E402


class TlsTest(SyncTestCase):
    TLS = True

    def test_self_signed_is_refused_without_ca_file_and_works_with_it(self):
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-02 10:00", "Call Raj")
        rc, out, err = self.jt("sync", "setup")
        self.assertNotEqual(rc, 0, out)
        lines = err.splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertIn("ca_file", lines[0])
        # Nothing got past the handshake: no request reached the server.
        self.assertEqual(self.server_requests(), [])

        self.write_sync_config(extra="ca_file = %s\n" % self.ca_file)
        out = self.ok("sync", "setup")
        self.assertIn("Created and chose: %s" % self.url.rstrip("/"), out)
        out = self.ok("sync")
        self.assertIn("created", out)
        self.assertIn("PUT", [m for m, _ in self.server_requests()])


if __name__ == "__main__":
    unittest.main()
