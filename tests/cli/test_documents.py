#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents per application (issue 16): `app attach|files|detach`, `open`, `resume
add|list`, `add --resume`, `stats` per résumé version, backups with and without the
files, `app rm`, and the bad input each refuses — as a person sees them."""

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402
import jtharness  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
LETTER = "Dear Ms Patel,\n\nthank you for your time.\n".encode()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class DocumentsTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        # Beside the database --db names: the usual one alone uses the data folder.
        self.files = self.db + ".files"
        self.ok("app", "add", "--company", "Globex", "--role", "SRE")
        self.ok("app", "add", "--company", "Acme", "--role", "Platform Engineer")

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def kept(self, files=None):
        """The names in the files folder (none when it does not exist)."""
        folder = files or self.files
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def files_json(self, app, **kwargs):
        return self.json_of("app", "files", str(app), "--json", **kwargs)

    # ---- attach, list, detach ----------------------------------------------------------

    def test_attach_lists_and_detaches(self):
        cv = self.write("Jane-Doe-CV.pdf", PDF)
        letter = self.write("Anschreiben Globex.txt", LETTER)
        out = self.ok("app", "attach", "1", cv, letter, "--note", "sent by email")
        self.assertIn("Attached document 1 to application 1 (Globex, SRE): Jane-Doe-CV.pdf, "
                      "resume (guessed from the name; --kind to say otherwise), "
                      "application/pdf", out)
        self.assertIn("Attached document 2 to application 1 (Globex, SRE): Anschreiben Globex.txt"
                      ", cover-letter (guessed from the name", out)

        listed = self.files_json(1)
        self.assertEqual([(d["id"], d["kind"], d["name"], d["media_type"], d["size"], d["note"])
                          for d in listed],
                         [(1, "resume", "Jane-Doe-CV.pdf", "application/pdf", len(PDF),
                           "sent by email"),
                          (2, "cover-letter", "Anschreiben Globex.txt", "text/plain",
                           len(LETTER), "sent by email")])
        self.assertEqual(listed[0]["sha256"], sha256(PDF))
        self.assertEqual(listed[0]["attached"], "2026-12-01T09:00:00+01:00")
        self.assertTrue(listed[0]["kept"])
        with open(listed[0]["path"], "rb") as f:
            self.assertEqual(f.read(), PDF)
        text = self.ok("app", "files", "1")
        self.assertIn("Jane-Doe-CV.pdf", text)
        self.assertIn("cover-letter", text)
        self.assertNotIn("(missing)", text)
        self.assertIn("has no documents", self.ok("app", "files", "2"))

        out = self.ok("app", "detach", "1", "2")
        self.assertEqual(out, "Detached document 2 (Anschreiben Globex.txt) from application 1 "
                              "(Globex, SRE)\n")
        self.assertEqual([d["id"] for d in self.files_json(1)], [1])
        # Detaching keeps the kept file: only `app rm` deletes one.
        self.assertIn(sha256(LETTER), self.kept())
        # Document 1 is not application 2's; document 2 is gone.
        self.assert_refused(1, "app", "detach", "2", "1", contains="application 2 has no "
                                                                    "document 1")
        self.assert_refused(1, "app", "detach", "1", "2", contains="has no document 2")

    def test_kind_given_or_not_guessed(self):
        notes = self.write("notes.txt", b"what they asked\n")
        out = self.ok("app", "attach", "2", notes)
        self.assertIn("notes.txt, other (the name says no kind; --kind to say)", out)
        page = self.write("page.html", b"<html><title>SRE</title></html>\n")
        out = self.ok("app", "attach", "2", page, "--kind", "posting")
        self.assertIn("page.html, posting, text/html", out)
        self.assertNotIn("guessed", out)
        self.assert_refused(2, "app", "attach", "2", page, "--kind", "photo",
                            contains="unknown document kind 'photo'")

    def test_the_same_file_is_kept_once(self):
        cv = self.write("cv.pdf", PDF)
        copy = self.write("Resume for Acme.pdf", PDF)
        self.ok("app", "attach", "1", cv)
        out = self.ok("app", "attach", "2", copy)
        self.assertIn("the same content is kept already: not copied again", out)
        self.assertEqual(self.kept(), [sha256(PDF)])
        self.assertEqual(stat.S_IMODE(os.stat(self.files).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.files, sha256(PDF))).st_mode),
                         0o600)
        self.assertEqual(self.files_json(2)[0]["name"], "Resume for Acme.pdf")
        db = sqlite3.connect(self.db)
        self.assertEqual(db.execute("SELECT count(*) FROM files").fetchone()[0], 1)
        db.close()

    def damage(self, path):
        """Overwrites the file in place with as many other bytes: its size is the same."""
        with open(path, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(bytes(b ^ 0xFF for b in data))
        self.assertEqual(os.path.getsize(path), len(data))

    def test_a_damaged_kept_file_is_kept_again(self):
        cv = self.write("cv.pdf", PDF)
        self.ok("app", "attach", "1", cv)
        kept = os.path.join(self.files, sha256(PDF))
        self.damage(kept)
        self.assertIn("cv.pdf (missing)", self.ok("app", "files", "1"))
        self.assertFalse(self.files_json(1)[0]["kept"])
        rc, out, err = self.jt("open", "1")
        self.assertEqual(rc, 1, out + err)
        self.assert_error_line(err, contains="the file of document 1 (cv.pdf) is missing or "
                               "damaged in %s" % self.files)
        # The same content attached again: written again whole, not taken as kept.
        out = self.ok("app", "attach", "2", cv)
        self.assertNotIn("kept already", out)
        self.assertEqual(jtharness.sha256_of(kept), sha256(PDF))
        self.assertEqual(stat.S_IMODE(os.stat(kept).st_mode), 0o600)
        self.assertTrue(self.files_json(1)[0]["kept"])
        self.assertNotIn("(missing)", self.ok("app", "files", "1"))

        # A restore with the files over a damaged copy puts the content back.
        backup = os.path.join(self.tmp, "full.json")
        self.ok("export", "--json", "--with-files", "-o", backup)
        restored = os.path.join(self.tmp, "restored.db")
        os.mkdir(restored + ".files", 0o700)
        copy = os.path.join(restored + ".files", sha256(PDF))
        shutil.copyfile(kept, copy)
        self.damage(copy)
        out = self.ok("import", "--json", backup, db=restored)
        self.assertNotIn("missing", out)
        self.assertEqual(jtharness.sha256_of(copy), sha256(PDF))
        self.assertTrue(self.files_json(1, db=restored)[0]["kept"])

    def test_keeping_makes_a_looser_folder_private(self):
        os.makedirs(self.files)
        os.chmod(self.files, 0o755)
        cv = self.write("cv.pdf", PDF)
        self.ok("app", "attach", "1", cv)
        kept = os.path.join(self.files, sha256(PDF))
        self.assertEqual(stat.S_IMODE(os.stat(self.files).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(kept).st_mode), 0o600)
        # A folder copied back with looser modes: the next file kept makes it private.
        os.chmod(self.files, 0o755)
        os.chmod(kept, 0o644)
        self.assertIn("kept already", self.ok("app", "attach", "2", cv))
        self.assertEqual(stat.S_IMODE(os.stat(self.files).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(kept).st_mode), 0o600)
        # And so does a restore.
        backup = os.path.join(self.tmp, "full.json")
        self.ok("export", "--json", "--with-files", "-o", backup)
        restored = os.path.join(self.tmp, "restored.db")
        os.mkdir(restored + ".files", 0o755)
        os.chmod(restored + ".files", 0o755)
        self.ok("import", "--json", backup, db=restored)
        self.assertEqual(stat.S_IMODE(os.stat(restored + ".files").st_mode), 0o700)

    # ---- what is refused ---------------------------------------------------------------

    def assert_nothing_kept(self):
        self.assertEqual(self.kept(), [], "a file was kept")

    def test_bad_files_are_refused_and_nothing_is_kept(self):
        good = self.write("cv.pdf", PDF)
        folder = os.path.join(self.tmp, "letters")
        os.mkdir(folder)
        large = os.path.join(self.tmp, "huge.pdf")
        with open(large, "wb") as f:
            f.truncate(50 * 1000 * 1000 + 1)
        control = self.write("cv\x1b[31m.pdf", PDF)
        cases = [
            (os.path.join(self.tmp, "nothing.pdf"), "No such file or directory"),
            (folder, "it is a folder"),
            (large, "it is 50000001 bytes, over the limit of 50 MB"),
            (control, "control characters"),
        ]
        for path, words in cases:
            with self.subTest(path=path):
                # Given with a good file: neither is kept.
                _, err = self.assert_refused(2, "app", "attach", "1", good, path, contains=words)
                self.assertNotIn("\x1b", err)
                self.assert_nothing_kept()
        self.assert_refused(2, "resume", "add", large, "--name", "big", contains="over the limit of 50 MB")
        self.assert_refused(2, "resume", "add", good, "--name", "bad\nname",
                            contains="control characters")
        self.assert_nothing_kept()
        # An unknown application: refused before anything is kept.
        self.assert_refused(1, "app", "attach", "9", good, contains="no application 9")
        self.assert_refused(2, "app", "attach", "1", contains="usage")
        self.assert_nothing_kept()
        self.assertEqual(self.files_json(1), [])

    def test_an_unreadable_file_is_refused(self):
        secret = self.write("cv.pdf", PDF)
        os.chmod(secret, 0)
        if os.geteuid() == 0:
            # Root reads anything: run as nobody, who may write the database and its folder.
            os.chmod(self.tmp, 0o777)
            os.chmod(self.db, 0o666)
            os.makedirs(self.data_home, exist_ok=True)
            os.chmod(self.data_home, 0o777)
        _, err = self.assert_refused(2, "app", "attach", "1", secret, as_nobody=True,
                                     contains="Permission denied")
        self.assert_nothing_kept()

    # ---- open --------------------------------------------------------------------------

    def desktop(self, mime):
        """A default program for `mime` on this test's desktop, recording what it opens."""
        self.opened = os.path.join(self.tmp, "opened.txt")
        program = os.path.join(self.tmp, "fake-viewer")
        with open(program, "w") as f:
            f.write("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> %s\n" % self.opened)
        os.chmod(program, 0o755)
        apps = os.path.join(self.data_home, "applications")
        os.makedirs(apps, exist_ok=True)
        with open(os.path.join(apps, "jt-fake-viewer.desktop"), "w") as f:
            f.write("[Desktop Entry]\nType=Application\nName=Fake Viewer\nExec=%s %%f\n"
                    "MimeType=%s;\n" % (program, mime))
        os.makedirs(self.config_home, exist_ok=True)
        with open(os.path.join(self.config_home, "mimeapps.list"), "w") as f:
            f.write("[Default Applications]\n%s=jt-fake-viewer.desktop\n" % mime)

    def opened_lines(self, count):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.path.exists(self.opened):
                with open(self.opened) as f:
                    lines = f.read().splitlines()
                if len(lines) >= count:
                    return lines
            time.sleep(0.05)
        self.fail("the viewer was not started")

    def test_open_the_latest_resume_or_a_document(self):
        self.desktop("application/pdf")
        no_data = os.path.join(self.tmp, "no-data-dirs")
        os.mkdir(no_data)
        env = {"XDG_DATA_DIRS": no_data}
        old = self.write("cv-old.pdf", PDF)
        new = self.write("cv-new.pdf", PDF + b"% v2\n")
        self.ok("app", "attach", "1", old, now="2026-11-01T09:00:00")
        self.ok("app", "attach", "1", new)
        out = self.ok("open", "1", env=env)
        self.assertEqual(out, "Opened document 2 (cv-new.pdf) with Fake Viewer\n")
        self.assertEqual(self.opened_lines(1), [os.path.join(self.files, sha256(PDF + b"% v2\n"))])
        self.ok("open", "1", "1", env=env)
        self.assertEqual(self.opened_lines(2)[1], os.path.join(self.files, sha256(PDF)))

        # Nothing to open, no résumé, no such document.
        self.assert_refused(1, "open", "2", env=env, contains="application 2 has no documents")
        self.ok("app", "attach", "2", self.write("notes.txt", b"x\n"))
        self.assert_refused(1, "open", "2", env=env, contains="application 2 has no résumé")
        self.assert_refused(1, "open", "1", "7", env=env, contains="no document 7")
        self.assert_refused(1, "open", "5", env=env, contains="no application 5")
        # No program for text files on this desktop.
        self.assert_refused(1, "open", "2", "3", env=env,
                            contains="no application is set to open text/plain files")
        # The kept file gone (a restore without its files).
        os.remove(os.path.join(self.files, sha256(PDF)))
        self.assert_refused(1, "open", "1", "1", env=env, contains="is missing or damaged in")
        self.assertEqual(len(self.opened_lines(2)), 2)

    # ---- résumé versions and stats -----------------------------------------------------

    def test_resume_versions_and_stats_per_version(self):
        backend = self.write("backend.pdf", PDF)
        frontend = self.write("frontend.pdf", PDF + b"% frontend\n")
        out = self.ok("resume", "add", backend, "--name", "backend-v3", "--note", "SRE-leaning")
        self.assertIn("Added résumé version backend-v3: backend.pdf, application/pdf", out)
        self.ok("resume", "add", frontend, "--name", "frontend-v1")
        self.ok("resume", "add", frontend, "--name", "unused-v0")
        self.assertEqual(self.kept(), sorted([sha256(PDF), sha256(PDF + b"% frontend\n")]))
        self.assert_refused(2, "resume", "add", frontend, "--name", "backend-v3",
                            contains="there is a résumé version named 'backend-v3' already")

        # backend-v3: Globex (applied, nothing more), Acme (interviewing, then an offer),
        # Initech (logged with an interview); frontend-v1: Hooli, applied.
        out = self.ok("app", "attach", "1", "--resume", "backend-v3")
        self.assertIn("Attached résumé version backend-v3 to application 1 (Globex, SRE) as "
                      "document 1: backend.pdf", out)
        self.ok("app", "edit", "2", "--status", "interviewing")
        self.ok("app", "attach", "2", "--resume", "backend-v3")
        self.ok("outcome", "2", "offer")
        out = self.ok("add", "--company", "Initech", "--at", "2026-11-30 10:00", "--notes", "ok",
                      "--resume", "backend-v3")
        self.assertIn("résumé version backend-v3: document 3", out)
        self.ok("app", "add", "--company", "Hooli")
        self.ok("app", "attach", "4", "--resume", "frontend-v1")
        # No second copy, and once per application.
        self.assertEqual(len(self.kept()), 2)
        self.assert_refused(2, "app", "attach", "1", "--resume", "backend-v3",
                            contains="application 1 already has that résumé version")
        self.assert_refused(1, "app", "attach", "1", "--resume", "backend-v9",
                            contains="no résumé version named 'backend-v9'")
        self.assert_refused(1, "add", "--company", "Umbrella", "--resume", "backend-v9",
                            contains="no résumé version named 'backend-v9'")
        self.assertEqual([d["resume_version"] for d in self.files_json(2)], ["backend-v3"])

        versions = self.json_of("resume", "list", "--json")
        self.assertEqual([(v["name"], v["file_name"], v["applications"]) for v in versions],
                         [("backend-v3", "backend.pdf", 3), ("frontend-v1", "frontend.pdf", 1),
                          ("unused-v0", "frontend.pdf", 0)])
        line = self.ok("resume", "list").splitlines()[1].split()
        self.assertEqual((line[0], line[1], line[-2], line[-1]),
                         ("backend-v3", "backend.pdf", "3", "SRE-leaning"))

        stats = self.json_of("stats", "--json")["by_resume_version"]
        by_name = {s["name"]: s for s in stats}
        self.assertEqual((by_name["backend-v3"]["applications"], by_name["backend-v3"]["interview"],
                          by_name["backend-v3"]["offer"]), (3, 2, 1))
        self.assertAlmostEqual(by_name["backend-v3"]["interview_rate"], 2 / 3)
        self.assertAlmostEqual(by_name["backend-v3"]["offer_rate"], 1 / 3)
        self.assertEqual((by_name["frontend-v1"]["applications"],
                          by_name["frontend-v1"]["interview"], by_name["frontend-v1"]["offer"],
                          by_name["frontend-v1"]["interview_rate"]), (1, 0, 0, 0.0))
        self.assertEqual((by_name["unused-v0"]["applications"],
                          by_name["unused-v0"]["interview_rate"]), (0, None))
        text = self.ok("stats")
        self.assertIn("By résumé version", text)
        line = [l for l in text.splitlines() if l.strip().startswith("backend-v3")][0]
        self.assertIn("2 interviewed (67%), 1 offered (33%)", line)
        self.assertIn("not sent yet",
                      [l for l in text.splitlines() if l.strip().startswith("unused-v0")][0])
        # Only the applications of the period count.
        since = self.json_of("stats", "--since", "2026-12-01", "--json")["by_resume_version"]
        self.assertEqual(since[0]["applications"], 3)
        later = self.json_of("stats", "--since", "2026-12-02", "--json")["by_resume_version"]
        self.assertEqual([s["applications"] for s in later], [0, 0, 0])

    # ---- show --------------------------------------------------------------------------

    def test_show_lists_the_documents(self):
        self.ok("app", "attach", "1", self.write("cv.pdf", PDF))
        text = self.ok("show", "1")
        self.assertIn("\nDocuments\n", text)
        self.assertIn("cv.pdf", text)
        shown = self.json_of("show", "1", "--json")
        self.assertEqual([(d["name"], d["kind"], d["sha256"]) for d in shown["documents"]],
                         [("cv.pdf", "resume", sha256(PDF))])
        self.assertNotIn("Documents", self.ok("show", "2"))

    # ---- backups -----------------------------------------------------------------------

    def restore(self, backup, name, data_home):
        """Restores `backup` into a new database with its own XDG_DATA_HOME."""
        db = os.path.join(self.tmp, name)
        rc, out, err = self.jt("import", "--json", backup, db=db,
                               env={"XDG_DATA_HOME": data_home})
        return db, rc, out, err

    def test_backup_with_and_without_files(self):
        self.ok("app", "attach", "1", self.write("cv.pdf", PDF), self.write("cover.txt", LETTER))
        self.ok("resume", "add", self.write("v3.pdf", PDF + b"%v3\n"), "--name", "backend-v3")
        self.ok("app", "attach", "2", "--resume", "backend-v3")
        full = os.path.join(self.tmp, "full.json")
        plain = os.path.join(self.tmp, "plain.json")
        self.ok("export", "--json", "--with-files", "-o", full)
        self.ok("export", "--json", "-o", plain)
        with open(full) as f:
            doc = json.load(f)
        self.assertEqual(sorted(doc["contents"]),
                         sorted([sha256(PDF), sha256(LETTER), sha256(PDF + b"%v3\n")]))
        self.assertEqual(base64.b64decode(doc["contents"][sha256(LETTER)]), LETTER)
        with open(plain) as f:
            doc_plain = json.load(f)
        self.assertNotIn("contents", doc_plain)
        self.assertEqual([d["name"] for d in doc_plain["tables"]["documents"]],
                         ["cv.pdf", "cover.txt", "v3.pdf"])
        self.assert_refused(2, "export", "--csv", "--with-files", contains="--with-files goes "
                                                                           "with --json")

        # With the files: each comes back, byte for byte, 0600 in a 0700 folder.
        home = os.path.join(self.tmp, "restored-home")
        db, rc, out, err = self.restore(full, "full.db", home)
        self.assertEqual((rc, err), (0, ""))
        self.assertNotIn("missing", out)
        files = db + ".files"
        for data in (PDF, LETTER, PDF + b"%v3\n"):
            path = os.path.join(files, sha256(data))
            with open(path, "rb") as f:
                self.assertEqual(f.read(), data)
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(files).st_mode), 0o700)
        listed = json.loads(self.ok("app", "files", "1", "--json", db=db,
                                    env={"XDG_DATA_HOME": home}))
        self.assertTrue(all(d["kept"] for d in listed))

        # Without them: the records come back, and the missing files are named.
        bare = os.path.join(self.tmp, "bare-home")
        db, rc, out, err = self.restore(plain, "plain.db", bare)
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("3 document files are missing", out)
        for name in ("cv.pdf", "cover.txt", "v3.pdf"):
            self.assertIn("  %s (sha256 " % name, out)
        text = self.ok("app", "files", "1", db=db, env={"XDG_DATA_HOME": bare})
        self.assertIn("cv.pdf (missing)", text)
        self.assertEqual(self.kept(db + ".files"), [])

        # A content changed in the backup: refused whole, nothing restored or kept.
        doc["contents"][sha256(LETTER)] = base64.b64encode(LETTER + b"!").decode()
        tampered = os.path.join(self.tmp, "tampered.json")
        with open(tampered, "w") as f:
            json.dump(doc, f)
        other = os.path.join(self.tmp, "other-home")
        db, rc, out, err = self.restore(tampered, "tampered.db", other)
        self.assertEqual(rc, 2)
        self.assert_error_line(err, "does not match its SHA-256")
        self.assertIn("cover.txt", err)
        self.assertEqual(self.kept(db + ".files"), [])
        self.assertEqual(json.loads(self.ok("app", "list", "--json", db=db,
                                            env={"XDG_DATA_HOME": other})), [])
        # Not base64 at all.
        doc["contents"][sha256(LETTER)] = "not*base64!"
        with open(tampered, "w") as f:
            json.dump(doc, f)
        db, rc, out, err = self.restore(tampered, "tampered2.db", other)
        self.assertEqual(rc, 2)
        self.assert_error_line(err, "is not base64 text")

        # A kept file changed on disk cannot be backed up as it was.
        with open(os.path.join(self.files, sha256(LETTER)), "wb") as f:
            f.write(b"changed")
        rc, out, err = self.jt("export", "--json", "--with-files")
        self.assertEqual(rc, 2)
        self.assert_error_line(err, "cannot back up the content of cover.txt")

    # ---- app rm ------------------------------------------------------------------------

    def test_app_rm_deletes_only_unshared_files(self):
        shared = self.write("cv.pdf", PDF)
        self.ok("app", "attach", "1", shared, self.write("cover.txt", LETTER))
        self.ok("app", "attach", "2", shared)
        self.ok("resume", "add", self.write("v3.pdf", PDF + b"%v3\n"), "--name", "backend-v3")
        self.ok("app", "attach", "1", "--resume", "backend-v3")
        out = self.ok("app", "rm", "1", "--yes")
        self.assertIn("its documents' files: 1 deleted, 2 kept for other applications or "
                      "résumé versions", out)
        # The cover letter was Globex's alone; the résumé is Acme's too; v3 is a version.
        self.assertEqual(self.kept(), sorted([sha256(PDF), sha256(PDF + b"%v3\n")]))
        self.ok("app", "rm", "2", "--yes")
        self.assertEqual(self.kept(), [sha256(PDF + b"%v3\n")])
        self.assertEqual(self.json_of("resume", "list", "--json")[0]["applications"], 0)

    def test_each_database_keeps_its_own_files(self):
        """The same file attached in two databases: `app rm` in one leaves the other's."""
        self.desktop("application/pdf")
        env = {"XDG_DATA_DIRS": os.path.join(self.tmp, "no-data-dirs")}
        cv = self.write("cv.pdf", PDF)
        other = os.path.join(self.tmp, "other.db")
        self.ok("app", "attach", "1", cv)
        self.ok("app", "add", "--company", "Initech", db=other)
        # --db after the command names the database as well.
        self.ok("app", "attach", "1", cv, "--db", other, db=False)
        self.assertEqual(self.kept(), [sha256(PDF)])
        self.assertEqual(self.kept(other + ".files"), [sha256(PDF)])

        out = self.ok("app", "rm", "1", "--yes", "--db", self.db, db=False)
        self.assertIn("its documents' files: 1 deleted", out)
        self.assertEqual(self.kept(), [])
        # The other database's copy is whole: listed, opened and backed up.
        self.assertNotIn("(missing)", self.ok("app", "files", "1", db=other))
        listed = self.json_of("app", "files", "1", "--json", db=other)
        self.assertTrue(listed[0]["kept"])
        self.assertEqual(listed[0]["path"], os.path.join(other + ".files", sha256(PDF)))
        with open(listed[0]["path"], "rb") as f:
            self.assertEqual(f.read(), PDF)
        self.assertEqual(self.ok("open", "1", db=other, env=env),
                         "Opened document 1 (cv.pdf) with Fake Viewer\n")
        self.assertEqual(self.opened_lines(1), [listed[0]["path"]])
        backup = self.json_of("export", "--json", "--with-files", db=other)
        self.assertEqual(base64.b64decode(backup["contents"][sha256(PDF)]), PDF)

        # The usual database ($XDG_DATA_HOME/jobtrack/jobtrack.db) keeps its files in
        # $XDG_DATA_HOME/jobtrack/files, and no other database's.
        self.ok("app", "add", "--company", "Hooli", db=False)
        self.ok("app", "attach", "1", self.write("cover.txt", LETTER), db=False)
        self.assertEqual(self.kept(os.path.join(self.data_home, "jobtrack", "files")),
                         [sha256(LETTER)])
        self.assertEqual(self.kept(other + ".files"), [sha256(PDF)])

    def test_files_kept_in_the_shared_folder_before_are_copied_once(self):
        """A database other than the usual one whose files an older jobtrack kept in the
        data folder (every database's, then) finds them there: copied to its own folder,
        the shared copies left for the databases that may use them."""
        cv = self.write("cv.pdf", PDF)
        self.ok("app", "attach", "1", cv)
        self.ok("app", "attach", "2", self.write("letter.txt", LETTER), "--kind", "cover-letter")
        shared = os.path.join(self.data_home, "jobtrack", "files")
        # As the older jobtrack left them: in the shared folder, none of the database's own.
        os.makedirs(os.path.dirname(shared), exist_ok=True)
        shutil.move(self.files, shared)
        # Damaged there since: the one copy not taken.
        with open(os.path.join(shared, sha256(LETTER)), "r+b") as f:
            f.write(b"X")
        rc, out, err = self.jt("app", "files", "1")
        self.assertEqual(rc, 0, err)
        self.assertNotIn("(missing)", out)
        self.assertEqual(err, "jobtrack: note: copied 1 kept file of this database from %s to "
                         "%s, its own folder\n" % (shared, self.files))
        self.assertEqual(self.kept(), [sha256(PDF)])
        with open(os.path.join(self.files, sha256(PDF)), "rb") as f:
            self.assertEqual(f.read(), PDF)
        self.assertEqual(self.kept(shared), sorted([sha256(PDF), sha256(LETTER)]))
        self.assertIn("(missing)", self.ok("app", "files", "2"))
        # Once: the folder is there now, and app rm leaves the shared copy alone.
        rc, out, err = self.jt("app", "files", "1")
        self.assertEqual(err, "")
        self.ok("app", "rm", "1", "--yes")
        self.assertEqual(self.kept(), [])
        self.assertIn(sha256(PDF), self.kept(shared))


if __name__ == "__main__":
    jtharness.main()
