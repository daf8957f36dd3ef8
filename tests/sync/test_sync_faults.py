#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a misbehaving CalDAV server does to `jobtrack sync` (issue 14's fault list).

A fault-injecting HTTP proxy of the test's own (http.server and http.client, on
127.0.0.1) stands between jobtrack and the real Radicale of the harness. It forwards
everything unchanged until a test arms a fault: answers without ETags, a 412 after the
phone's real edit, a sync token refused, no sync-collection, 5xx, a stall, a connection
dropped, a multistatus repeating hrefs, entity expansion and external entities, a
redirect loop, a redirect to another host that asks for a login. Each test asserts what the person notices: the exit status, one error
line naming the problem, the follow-ups as they were, and after the fault is lifted a
sync that leaves every follow-up on the server exactly once with the phone's changes
taken. The phone (vdirsyncer) talks to Radicale directly."""
import http.client
import http.server
import os
import re
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from syncharness import SyncTestCase, require  # noqa: E402

require(programs=["htpasswd", "vdirsyncer", "/usr/bin/python3"])

import unittest  # noqa: E402

LIST_PATH = "/me/jobtrack-follow-ups/"
# JT_SYNC_HTTP_TIMEOUT (common/sync/jt-sync-http.h): not settable in config.ini.
HTTP_TIMEOUT = 30
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
               "accept-encoding", "proxy-connection", "te", "upgrade"}


class Fault:
    """What the proxy does to the requests `match` accepts, `times` times (None: always).

    action: "status" (answer `status` with `body`, not forwarded), "strip-etag" (forward,
    drop the ETag header), "rewrite" (forward, pass the answer's body through `rewrite`),
    "request" (pass the request's body through `rewrite`, then forward), "stall" (never
    answer), "drop-mid" (forward, send the headers and half the body, close),
    "drop-after" (forward, close without answering), "redirect" (answer 301 to
    `location(path)`). `before` runs first, in the proxy's thread."""

    def __init__(self, action, match, times=None, status=None, body=b"", rewrite=None,
                 location=None, before=None):
        self.action = action
        self.match = match
        self.times = times
        self.status = status
        self.body = body
        self.rewrite = rewrite
        self.location = location
        self.before = before


class FaultProxy:
    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.faults = []
        self.log = []  # dicts: method, path, depth, if_match, if_none_match, sent
        self.errors = []  # exceptions raised by a fault's `before`
        self.lock = threading.Lock()
        self.released = threading.Event()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle_any(self):
                try:
                    proxy.handle(self)
                except Exception as e:  # a fault of the test's: the test re-raises it
                    proxy.errors.append(e)
                    raise

            do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = handle_any
            do_MKCALENDAR = do_OPTIONS = do_HEAD = do_PROPPATCH = do_POST = handle_any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def arm(self, action, match, **kwargs):
        fault = Fault(action, match, **kwargs)
        with self.lock:
            self.faults.append(fault)
        return fault

    def lift(self):
        with self.lock:
            self.faults = []

    def requests(self, since=0):
        with self.lock:
            return list(self.log[since:])

    def _take(self, method, path, body):
        with self.lock:
            # The last armed first: a fault armed later overrides a broader one.
            for fault in reversed(self.faults):
                if (fault.times is None or fault.times > 0) and fault.match(method, path, body):
                    if fault.times is not None:
                        fault.times -= 1
                    return fault
        return None

    def _forward(self, handler, method, path, body):
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=60)
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in HOP_HEADERS}
        headers["Host"] = "127.0.0.1:%d" % self.upstream_port
        # Plain bodies, so that a fault can rewrite them.
        headers["Accept-Encoding"] = "identity"
        upstream.request(method, path, body=body if body else None, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        result = (answer.status, answer.reason,
                  [(k, v) for k, v in answer.getheaders() if k.lower() not in HOP_HEADERS], data)
        upstream.close()
        return result

    @staticmethod
    def _send(handler, status, reason, headers, data, length=None):
        handler.send_response_only(status, reason)
        for key, value in headers:
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(data) if length is None else length))
        handler.end_headers()
        handler.wfile.write(data)
        handler.wfile.flush()

    def handle(self, handler):
        method, path = handler.command, handler.path
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        entry = {"method": method, "path": path, "depth": handler.headers.get("Depth"),
                 "if_match": handler.headers.get("If-Match"),
                 "if_none_match": handler.headers.get("If-None-Match"),
                 "body": body, "sent": None}
        with self.lock:
            self.log.append(entry)
        fault = self._take(method, path, body)
        if fault is not None and fault.before is not None:
            try:
                fault.before()
            except BaseException as e:  # the test re-raises it
                self.errors.append(e)
        action = fault.action if fault is not None else None
        if action == "status":
            entry["sent"] = fault.status
            self._send(handler, fault.status, None,
                       [("Content-Type", "application/xml; charset=utf-8")] if fault.body else [],
                       fault.body)
            return
        if action == "redirect":
            entry["sent"] = 301
            self._send(handler, 301, None, [("Location", fault.location(path))], b"")
            return
        if action == "stall":
            entry["sent"] = "stall"
            self.released.wait(3 * HTTP_TIMEOUT)
            handler.close_connection = True
            return
        if action == "request":
            body = fault.rewrite(body)
        status, reason, headers, data = self._forward(handler, method, path, body)
        entry["sent"] = status
        if action == "strip-etag":
            headers = [(k, v) for k, v in headers if k.lower() != "etag"]
        elif action == "rewrite":
            data = fault.rewrite(data)
        elif action == "drop-after":
            entry["sent"] = "dropped"
            handler.close_connection = True
            return
        elif action == "drop-mid":
            entry["sent"] = "cut"
            self._send(handler, status, reason, headers, data[:len(data) // 2], length=len(data))
            handler.close_connection = True
            return
        self._send(handler, status, reason, headers, data)


def is_report(kind):
    return lambda method, path, body: method == "REPORT" and kind.encode() in body


def is_method(*methods):
    return lambda method, path, body: method in methods


def is_207_answer(method, path, body):
    return method in ("REPORT", "PROPFIND")


class FaultTest(SyncTestCase):

    def setUp(self):
        super().setUp()
        self.radicale_url = self.url
        self.proxy = FaultProxy(self.port)
        self.addCleanup(self.proxy.stop)
        self.url = "http://127.0.0.1:%d/" % self.proxy.port
        self.write_sync_config()
        self.folder = os.path.join(self.server_dir, "collections", "collection-root", "me",
                                   "jobtrack-follow-ups")
        self.list_url = self.url.rstrip("/") + LIST_PATH

    def tearDown(self):
        for e in self.proxy.errors:
            raise e

    # ---- the setting ---------------------------------------------------------------------

    def start(self, phone=True):
        """Three follow-ups put on the server through the proxy; the phone holds them."""
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        for due, text in [("2026-12-02 10:00", "Call Raj"), ("2026-12-03 10:00", "Send portfolio"),
                          ("2026-12-04 10:00", "Ask about the team")]:
            self.ok("remind", "add", "--app", "1", "--due", due, text)
        self.ok("sync", "setup")
        self.count = len(self.agenda())
        self.assertGreaterEqual(self.count, 3)
        self.assertIn("%d created, 0 updated" % self.count, self.ok("sync"))
        self.uids = set(self.server_uids())
        self.assertEqual(len(self.uids), self.count)
        if phone:
            self.phone_setup(self.radicale_url.rstrip("/") + LIST_PATH)
            self.phone("sync")

    def agenda(self):
        return {r["title"]: r for r in self.json_of("agenda", "--json")}

    def server_files(self):
        files = {}
        for name in sorted(os.listdir(self.folder)):
            if name.endswith(".ics"):
                with open(os.path.join(self.folder, name)) as f:
                    files[name] = f.read()
        return files

    def server_uids(self):
        uids = []
        for text in self.server_files().values():
            uids += [line[4:] for line in text.splitlines() if line.startswith("UID:")]
        return uids

    def server_task(self, summary):
        texts = [t for t in self.server_files().values() if "SUMMARY:%s\n" % summary in t]
        self.assertEqual(len(texts), 1, "%r on the server: %d times" % (summary, len(texts)))
        return texts[0]

    def state(self):
        """The database without the sync's own record of how it went (last error), and
        without the text of a PUT about to be sent, recorded before it is; its lines
        sorted, as recording it moves the row."""
        snapshot = self.db_snapshot(
            leaving_out="UPDATE sync_items SET pending_ics = NULL, pending_revision = 0;")
        return sorted(line for line in snapshot.splitlines()
                      if 'INSERT INTO "sync_collection"' not in line)

    def phone_act(self, summary, old, new):
        """The phone changes one task, and vdirsyncer uploads it to Radicale."""
        self.phone("sync")
        self.phone_edit(self.phone_tasks()[summary], old, new)
        self.phone("sync")

    def phone_completes(self, summary="Call Raj"):
        self.phone_act(summary, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED")

    def failed_sync(self, contains, **kwargs):
        """`jobtrack sync` fails: exit 1 (jobtrack.1, EXIT STATUS), one line naming the
        problem, nothing printed as a result, the follow-ups and the sync state as they
        were; the line is what sync --status tells."""
        before = self.state()
        rc, out, err = self.jt("sync", **kwargs)
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains=contains)
        self.assertEqual(out, "")
        self.assertEqual(self.state(), before)
        last_error = self.json_of("sync", "--status", "--json")["last_error"]
        self.assertEqual("jobtrack: %s\n" % last_error, err)
        return err

    def assert_each_once(self):
        uids = self.server_uids()
        self.assertEqual(sorted(uids), sorted(self.uids), "on the server: %r" % uids)
        self.assertTrue(all(n.startswith("jt-") for n in self.server_files()))

    def recovers(self, taken=("Call Raj",)):
        """The fault lifted: the next sync leaves every follow-up on the server exactly once,
        the phone's done taken (gone from the agenda, completed on the server, in
        jobtrack's words), and the sync after it has nothing to do."""
        self.proxy.lift()
        self.ok("sync")
        self.assert_each_once()
        agenda = self.agenda()
        for summary in taken:
            self.assertNotIn(summary, agenda)
            self.assertIn("STATUS:COMPLETED", self.server_task(summary))
        sent = len(self.proxy.requests())
        self.assertIn("0 created, 0 updated, 0 cancelled on the server; 0 done, 0 dismissed, "
                      "0 snoozed here", self.ok("sync"))
        self.assertNotIn("PUT", [r["method"] for r in self.proxy.requests(sent)])
        self.assert_each_once()

    # ---- 1. no ETag ------------------------------------------------------------------

    def test_answers_without_etags(self):
        self.proxy.arm("strip-etag", lambda method, path, body: True)
        self.start()
        self.assertFalse(any(r["method"] == "PUT" and r["sent"] == 412
                             for r in self.proxy.requests()))
        # The ETags are fetched (the sync report lists them), nothing is put again.
        sent = len(self.proxy.requests())
        out = self.ok("sync")
        self.assertIn("0 created, 0 updated", out)
        self.assertNotIn("changed on the server", out)
        self.assertNotIn("PUT", [r["method"] for r in self.proxy.requests(sent)])
        # A change on each side: the update goes with the fetched ETag, no conflict.
        self.phone_completes()
        self.ok("snooze", str(self.agenda()["Send portfolio"]["id"]), "2026-12-07 09:00")
        sent = len(self.proxy.requests())
        out = self.ok("sync")
        self.assertIn("0 created, 2 updated", out)
        self.assertIn("1 done", out)
        puts = [r for r in self.proxy.requests(sent) if r["method"] == "PUT"]
        self.assertEqual(len(puts), 2)
        self.assertTrue(all(r["if_match"] and r["sent"] in (201, 204) for r in puts), puts)
        self.assertIn("DUE:20261207T080000Z", self.server_task("Send portfolio"))
        self.assert_each_once()
        self.recovers()

    # ---- 2. 412 on PUT ---------------------------------------------------------------

    def test_412_after_the_phone_changed_the_task_in_between(self):
        self.start()
        self.ok("snooze", str(self.agenda()["Call Raj"]["id"]), "2026-12-05 09:00")

        def phone_completes_and_rewords():
            self.phone("sync")
            path = self.phone_tasks()["Call Raj"]
            self.phone_edit(path, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
            self.phone_edit(path, "SUMMARY:Call Raj", "SUMMARY:Rang him")
            self.phone("sync")

        # Between jobtrack's pull and its PUT, the phone's edit reaches the server.
        self.proxy.arm("status", is_method("PUT"), times=1, status=412,
                       before=phone_completes_and_rewords)
        sent = len(self.proxy.requests())
        out = self.ok("sync")
        self.assertNotIn("changed on the server", out)
        self.assertIn("0 created, 1 updated", out)
        self.assertIn("1 done", out)
        methods = [(r["method"], r["sent"]) for r in self.proxy.requests(sent)]
        methods = [m for m in methods if m[0] in ("PUT", "GET")]
        self.assertEqual(methods[:2], [("PUT", 412), ("GET", 200)])
        self.assertEqual(len(methods), 3, methods)
        self.assertEqual(methods[2][0], "PUT")
        self.assertIn(methods[2][1], (200, 201, 204))
        # The phone's done is kept, jobtrack's wording restored: no lost update.
        task = self.server_task("Call Raj")
        self.assertIn("STATUS:COMPLETED", task)
        self.assertNotIn("Rang him", "".join(self.server_files().values()))
        self.recovers()

    # ---- 3. sync token refused -------------------------------------------------------

    def test_sync_token_refused_falls_back_to_a_full_compare(self):
        self.start()
        self.ok("sync")  # now with a token
        # Radicale's own refusal (403, valid-sync-token) of a token it never gave.
        self.phone_completes()
        self.proxy.arm("request", is_report("sync-collection"), times=1,
                       rewrite=lambda body: re.sub(rb"<d:sync-token>[^<]*</d:sync-token>",
                                                   b"<d:sync-token>http://radicale.org/ns/sync/"
                                                   b"0000</d:sync-token>", body))
        sent = len(self.proxy.requests())
        self.assertIn("1 done", self.ok("sync"))
        requests = self.proxy.requests(sent)
        self.assertEqual((requests[0]["method"], requests[0]["sent"]), ("REPORT", 403))
        self.assertIn(("PROPFIND", "1"), [(r["method"], r["depth"]) for r in requests])
        # A 409 with the same precondition, as other servers answer.
        self.phone_completes("Send portfolio")
        self.proxy.arm("status", is_report("sync-collection"), times=1, status=409,
                       body=b'<?xml version="1.0"?><d:error xmlns:d="DAV:"><d:valid-sync-token/>'
                            b'</d:error>')
        sent = len(self.proxy.requests())
        self.assertIn("1 done", self.ok("sync"))
        self.assertIn(("PROPFIND", "1"), [(r["method"], r["depth"])
                                          for r in self.proxy.requests(sent)])
        # Then the sync report again, with the new token: no full listing.
        sent = len(self.proxy.requests())
        self.recovers(taken=("Call Raj", "Send portfolio"))
        requests = self.proxy.requests(sent)
        self.assertNotIn(("PROPFIND", "1"), [(r["method"], r["depth"]) for r in requests])
        self.assertTrue(all(r["sent"] == 207 for r in requests if r["method"] == "REPORT"))

    # ---- 4. no sync-collection -------------------------------------------------------

    def test_no_sync_collection_uses_getctag_and_a_listing(self):
        for status, body in [(501, b""),
                             (403, b'<?xml version="1.0"?><d:error xmlns:d="DAV:">'
                                   b'<d:supported-report/></d:error>')]:
            with self.subTest(status=status):
                self.proxy.lift()
                self.proxy.arm("status", is_report("sync-collection"), status=status, body=body)
                if status == 501:
                    self.start()
                    self.phone_completes()
                    self.assertIn("1 done", self.ok("sync"))
                else:
                    self.phone_act("Send portfolio", "DUE:20261203T090000Z", "DUE:20261210T080000Z")
                    self.assertIn("1 snoozed here", self.ok("sync"))
                    self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                                     "2026-12-10T09:00:00+01:00")
                self.assertIn(("PROPFIND", "1"), [(r["method"], r["depth"])
                                                  for r in self.proxy.requests()])
                # Nothing changed since: the ctag says so, and no listing is asked.
                self.ok("sync")
                sent = len(self.proxy.requests())
                self.assertIn("0 created, 0 updated", self.ok("sync"))
                asked = [(r["method"], r["depth"]) for r in self.proxy.requests(sent)]
                self.assertIn(("PROPFIND", "0"), asked)
                self.assertNotIn(("PROPFIND", "1"), asked)
                self.assertNotIn(("PUT", None), asked)
                self.assert_each_once()
        self.recovers()

    # ---- 5. 5xx ----------------------------------------------------------------------

    def test_server_errors_say_so_and_a_later_sync_succeeds(self):
        self.start()
        self.phone_completes()
        self.proxy.arm("status", is_report("sync-collection"), times=1, status=503)
        self.failed_sync("failed to answer sync-collection (503); try again later")
        # A change made meanwhile, and a 500 when it is put there: kept, put there later.
        self.proxy.lift()
        self.ok("snooze", str(self.agenda()["Send portfolio"]["id"]), "2026-12-08 09:00")
        self.proxy.arm("status", is_method("PUT"), status=500)
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="failed to answer PUT (500); try again later")
        self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                         "2026-12-08T09:00:00+01:00")
        self.recovers()
        self.assertIn("DUE:20261208T080000Z", self.server_task("Send portfolio"))

    def test_a_server_error_while_the_database_is_busy_is_still_said(self):
        # Another program holds the database's write lock past jobtrack's wait for it, so
        # the failed sync cannot record its line for sync --status: the person is told
        # all the same, in one line, and nothing changed.
        self.start(phone=False)
        self.proxy.arm("status", is_report("sync-collection"), status=503)
        before = self.state()
        holder = sqlite3.connect(self.db, isolation_level=None, timeout=0)
        self.addCleanup(holder.close)
        holder.execute("BEGIN IMMEDIATE")
        rc, out, err = self.jt("sync")
        holder.execute("ROLLBACK")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="failed to answer sync-collection (503)")
        self.assertEqual(out, "")
        self.assertEqual(self.state(), before)
        self.recovers(taken=())

    def test_a_follow_up_the_server_refuses_keeps_no_other_from_it(self):
        # A server may refuse one task for good (a 403 for a UID its trash bin holds):
        # the sync says so, and every other follow-up still reaches the phone.
        self.start(phone=False)
        others = ["Email Ana", "Send references", "Read the report", "Ask Raj", "Thank Li"]
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-05 10:00", "Refused here")
        for day, text in enumerate(others, 6):
            self.ok("remind", "add", "--app", "1", "--due", "2026-12-%02d 10:00" % day, text)
        refused = self.proxy.arm("status", lambda m, path, b: m == "PUT" and b"Refused here" in b,
                                 status=403)
        for attempt in range(2):
            rc, out, err = self.jt("sync")
            self.assertEqual(rc, 1, out + err)
            self.assert_error_line(err, contains="refused PUT (403)")
            for text in others:
                self.server_task(text)
            self.assertNotIn("Refused here", "".join(self.server_files().values()))
        self.assertEqual(len([r for r in self.proxy.requests() if r["sent"] == 403]), 2, refused)
        self.proxy.lift()
        self.assertIn("1 created, 0 updated", self.ok("sync"))
        self.server_task("Refused here")
        self.assertEqual(len(self.server_uids()), len(self.agenda()))

    # ---- 6. a stall ------------------------------------------------------------------

    def test_a_stalled_answer_fails_within_the_timeout(self):
        # The timeout is jobtrack's fixed 30 s (JT_SYNC_HTTP_TIMEOUT); no key sets it.
        self.start()
        self.ok("snooze", str(self.agenda()["Send portfolio"]["id"]), "2026-12-08 09:00")
        self.proxy.arm("stall", is_method("PUT"))
        started = time.monotonic()
        self.failed_sync("did not answer within %d s" % HTTP_TIMEOUT, timeout=3 * HTTP_TIMEOUT)
        took = time.monotonic() - started
        self.assertGreaterEqual(took, HTTP_TIMEOUT - 1)
        self.assertLess(took, HTTP_TIMEOUT + 10)
        # One try, no second wait.
        self.assertEqual([r["sent"] for r in self.proxy.requests() if r["sent"] == "stall"],
                         ["stall"])
        self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                         "2026-12-08T09:00:00+01:00")
        self.phone_completes()
        self.recovers()
        self.assertIn("DUE:20261208T080000Z", self.server_task("Send portfolio"))

    # ---- 7. a connection dropped -----------------------------------------------------

    def test_a_connection_dropped_mid_answer(self):
        self.start()
        self.phone_completes()
        self.proxy.arm("drop-mid", is_report("calendar-multiget"), times=1)
        self.failed_sync("127.0.0.1 closed the connection before its answer was complete; "
                         "try again later")
        self.recovers()

    def test_a_put_done_but_its_answer_lost(self):
        self.start()
        self.ok("snooze", str(self.agenda()["Send portfolio"]["id"]), "2026-12-08 09:00")
        self.proxy.arm("drop-after", is_method("PUT"), times=1)
        sent = len(self.proxy.requests())
        rc, out, err = self.jt("sync")
        # The PUT reached the server, its answer did not. libsoup sends it once more
        # (412: it no longer matches) and jobtrack finds its own text there, or the sync
        # fails with one line and the next finds it: either way it is adopted, neither a
        # second copy nor an act of the phone's that never happened.
        self.assertIn(("PUT", "dropped"), [(r["method"], r["sent"])
                                           for r in self.proxy.requests(sent)])
        self.proxy.lift()
        if rc == 0:
            self.assertIn("0 created, 1 updated, 0 cancelled on the server; 0 done, 0 dismissed, "
                          "0 snoozed here from the server; 0 reworded back", out)
        else:
            self.assertEqual(rc, 1)
            self.assert_error_line(err, contains="127.0.0.1 closed the connection")
            self.assertIn("0 done, 0 dismissed, 0 snoozed here from the server; 0 reworded back",
                          self.ok("sync"))
        self.assertEqual(len([r for r in self.proxy.requests(sent)
                              if r["method"] == "PUT" and r["sent"] in (200, 201, 204)]), 0)
        self.assertIn("DUE:20261208T080000Z", self.server_task("Send portfolio"))
        self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                         "2026-12-08T09:00:00+01:00")
        self.assert_each_once()
        self.phone_completes()
        self.recovers()

    def test_a_first_put_whose_answer_was_lost_then_done_here(self):
        # A new follow-up's first PUT reaches the server and its answer is lost, libsoup's
        # own resend's too; it is marked done here before the next sync. The server's
        # task must not stay open and ringing: it is closed there, once.
        self.start(phone=False)
        self.ok("remind", "add", "--app", "1", "--due", "2026-12-09 10:00", "Brand new")
        self.proxy.arm("drop-after", is_method("PUT"), times=2)
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1, out + err)
        self.proxy.lift()
        self.assertNotIn("COMPLETED", self.server_task("Brand new"))
        self.ok("done", str(self.agenda()["Brand new"]["id"]))
        self.ok("sync")
        self.assertIn("STATUS:COMPLETED", self.server_task("Brand new"))
        self.assertEqual(len(self.server_uids()), len(self.uids) + 1)
        self.assertIn("0 created, 0 updated", self.ok("sync"))

    def snooze_whose_answer_is_lost(self):
        """"Send portfolio" snoozed to the 8th; its PUT reaches the server and the answer
        is lost, libsoup's own resend's too. Returns the follow-up's id."""
        self.start()
        portfolio = str(self.agenda()["Send portfolio"]["id"])
        self.ok("snooze", portfolio, "2026-12-08 09:00")
        self.proxy.arm("drop-after", is_method("PUT"), times=2)
        rc, out, err = self.jt("sync")
        self.assertEqual(rc, 1, out + err)
        self.proxy.lift()
        return portfolio

    def test_an_update_whose_answer_was_lost_then_changed_again_here(self):
        # Snoozed to the 8th: the PUT reaches the server, its answer is lost, libsoup's
        # own resend's too. Snoozed to the 10th before the next sync. The server's copy
        # (the 8th) is jobtrack's own text, not the phone's act: the 10th stands, here
        # and on the server.
        portfolio = self.snooze_whose_answer_is_lost()
        self.assertIn("DUE:20261208T080000Z", self.server_task("Send portfolio"))
        self.ok("snooze", portfolio, "2026-12-10 09:00")
        out = self.ok("sync")
        self.assertIn("0 created, 1 updated, 0 cancelled on the server; 0 done, 0 dismissed, "
                      "0 snoozed here from the server; 0 reworded back", out)
        self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                         "2026-12-10T09:00:00+01:00")
        self.assertIn("DUE:20261210T080000Z", self.server_task("Send portfolio"))
        self.assert_each_once()
        self.assertIn("0 created, 0 updated", self.ok("sync"))

    def test_an_update_whose_answer_was_lost_then_touched_on_both_sides(self):
        # As above, and the phone rewords the task (still due the 8th, as jobtrack's lost
        # PUT left it) before the next sync: its words are put back, and the 8th, which
        # is jobtrack's own, does not undo the snooze to the 10th made here.
        portfolio = self.snooze_whose_answer_is_lost()
        self.phone_act("Send portfolio", "SUMMARY:Send portfolio", "SUMMARY:Portfolio!")
        self.assertIn("DUE:20261208T080000Z", self.server_task("Portfolio!"))
        self.ok("snooze", portfolio, "2026-12-10 09:00")
        out = self.ok("sync")
        self.assertIn("0 created, 1 updated, 0 cancelled on the server; 0 done, 0 dismissed, "
                      "0 snoozed here from the server; 1 reworded back", out)
        self.assertEqual(self.agenda()["Send portfolio"]["snoozed_until"],
                         "2026-12-10T09:00:00+01:00")
        self.assertIn("DUE:20261210T080000Z", self.server_task("Send portfolio"))
        self.assert_each_once()

    # ---- 8. the same href twice ------------------------------------------------------

    def test_a_multistatus_repeating_hrefs(self):
        def repeat(data):
            # Every response twice (the second with its href escaped), and the
            # collection's own href among them.
            responses = re.findall(rb"<(?:\w+:)?response>.*?</(?:\w+:)?response>", data, re.S)
            if not responses:
                return data
            repeated.append(len(responses))
            prefix = re.match(rb"<(\w+:)?response>", responses[0]).group(1) or b""
            extra = b"".join(r.replace(b"jt-", b"jt%2D") for r in responses)
            own = (b"<P:response><P:href>%s</P:href><P:propstat><P:prop><P:getetag>\"x\""
                   b"</P:getetag></P:prop><P:status>HTTP/1.1 200 OK</P:status></P:propstat>"
                   b"</P:response>" % LIST_PATH.encode()).replace(b"P:", prefix)
            last = data.rindex(responses[-1]) + len(responses[-1])
            return data[:last] + extra + own + data[last:]

        repeated = []
        self.start()
        self.phone_completes()
        self.proxy.arm("rewrite", is_207_answer, rewrite=repeat)
        out = self.ok("sync")
        self.assertIn("0 created, 1 updated", out)
        self.assertIn("1 done", out)
        self.assertTrue(any(r["method"] == "REPORT" and b"calendar-multiget" in r["body"]
                            for r in self.proxy.requests()))
        self.assert_each_once()
        # The same through the listing (a server without sync-collection).
        self.proxy.arm("status", is_report("sync-collection"), status=501)
        self.phone_act("Send portfolio", "DUE:20261203T090000Z", "DUE:20261210T080000Z")
        sent = len(self.proxy.requests())
        self.assertIn("0 done, 0 dismissed, 1 snoozed here", self.ok("sync"))
        self.assertIn(("PROPFIND", "1"), [(r["method"], r["depth"])
                                          for r in self.proxy.requests(sent)])
        self.assert_each_once()
        self.recovers()

    # ---- 9. entities -----------------------------------------------------------------

    LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE d:multistatus [\n<!ENTITY lol "lol">\n'
              + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1
                                                         else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']>\n<d:multistatus xmlns:d="DAV:"><d:response><d:href>%s</d:href><d:propstat>'
                b'<d:prop><d:getetag>&lol9;</d:getetag><d:getctag>&lol9;</d:getctag></d:prop>'
                b'<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'
                b'<d:sync-token>&lol9;</d:sync-token></d:multistatus>\n')

    def run_measured(self, *args):
        """Runs jobtrack; returns (rc, out, err, its peak memory in KiB)."""
        import subprocess
        proc = subprocess.Popen(self.command(args), env=self.environment(),
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        out, err = proc.stdout.read(), proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        proc.stderr.close()
        return proc.returncode, out.decode(), err.decode(), usage.ru_maxrss

    def test_entity_expansion_is_refused(self):
        self.start()
        self.phone_completes()
        _, _, _, baseline = self.run_measured("sync", "--status")
        body = self.LAUGHS % LIST_PATH.encode()
        self.proxy.arm("rewrite", is_207_answer, rewrite=lambda data: body)
        before = self.state()
        rc, out, err, peak = self.run_measured("sync")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="DOCTYPE")
        self.assertNotIn("lol", err)
        self.assertEqual(self.state(), before)
        # A billion "lol"s would be 3 GB; the refusal costs no more than a status.
        self.assertLess(peak, baseline + 16 * 1024, "peak %d KiB, baseline %d KiB"
                        % (peak, baseline))
        self.recovers()

    def test_external_entities_are_never_read(self):
        self.start()
        self.phone_completes()
        # A reader of this FIFO blocks until it has a writer, so any read of it is seen.
        fifo = os.path.join(self.tmp, "secret")
        os.mkfifo(fifo)
        opened = []
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:  # ENXIO: no reader
                    time.sleep(0.002)
                    continue
                opened.append(True)
                os.write(fd, b"the-secret\n")
                os.close(fd)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        self.addCleanup(stop.set)
        body = (b'<?xml version="1.0"?>\n<!DOCTYPE d:multistatus SYSTEM "file://%s" [\n'
                b'<!ENTITY passwd SYSTEM "file:///etc/passwd">\n'
                b'<!ENTITY secret SYSTEM "file://%s">\n'
                b'<!ENTITY %% remote SYSTEM "file://%s">\n%%remote;\n]>\n'
                b'<d:multistatus xmlns:d="DAV:"><d:response><d:href>%s</d:href><d:propstat>'
                b'<d:prop><d:getetag>&passwd;&secret;</d:getetag><d:getctag>&passwd;</d:getctag>'
                b'</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'
                b'<d:sync-token>&secret;</d:sync-token></d:multistatus>\n'
                % (fifo.encode(), fifo.encode(), fifo.encode(), LIST_PATH.encode()))
        self.proxy.arm("rewrite", is_207_answer, rewrite=lambda data: body)
        err = self.failed_sync("DOCTYPE")
        stop.set()
        watcher.join()
        self.assertEqual(opened, [], "jobtrack opened the external entity's file")
        dump = "\n".join(self.state())
        for text in (err, dump):
            self.assertNotIn("root:", text)
            self.assertNotIn("the-secret", text)
        self.recovers()

    # ---- 10. a redirect loop ---------------------------------------------------------

    def test_a_redirect_loop_on_the_collection(self):
        self.start()
        self.phone_completes()
        other = LIST_PATH.rstrip("/") + "-moved/"

        def elsewhere(path):
            return "http://127.0.0.1:%d%s" % (self.proxy.port,
                                              other if path.startswith(LIST_PATH) else LIST_PATH)

        self.proxy.arm("redirect", lambda m, path, b: path.startswith((LIST_PATH, other)),
                       location=elsewhere)
        sent = len(self.proxy.requests())
        self.failed_sync("redirected too often")
        # The first redirect and five more, then it stops: no loop.
        self.assertEqual(len(self.proxy.requests(sent)), 6)
        self.recovers()


    # ---- 11. a redirect to another host that asks for a login ------------------------

    def test_the_login_never_follows_a_redirect_to_another_host(self):
        self.start(phone=False)
        seen = []

        class AsksForLogin(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self):
                seen.append(self.headers.get("Authorization"))
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="elsewhere"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_REPORT = do_PROPFIND = do_PUT = do_GET = answer

        other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AsksForLogin)
        threading.Thread(target=other.serve_forever, daemon=True).start()
        self.addCleanup(other.server_close)
        self.addCleanup(other.shutdown)
        self.proxy.arm("redirect", lambda m, path, b: path.startswith(LIST_PATH),
                       location=lambda path: "http://127.0.0.1:%d%s" % (other.server_address[1],
                                                                        path))
        self.failed_sync("refused the login (401)")
        # Asked once, with no login; libsoup's answer to its 401 is not given there either.
        self.assertEqual(seen, [None])
        self.recovers(taken=())

if __name__ == "__main__":
    unittest.main(verbosity=2)
