#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack import --dry-run` on 737 real-world .ics files nobody on the project wrote
(../shared/fixtures/ics-corpus: the test data of public calendar libraries, Google,
Outlook/Exchange, Apple and Thunderbird files, recurring series, many malformed).

Each must end in an import or in one clear line saying what is wrong, quickly: never a
crash, a hang, libical's own words, or a write (it is a dry run, and the database stays
as it was). Skipped, with the reason, where the shared fixtures are not next to the
project.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
from jtharness import JobtrackTestCase  # noqa: E402

CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "fixtures",
                                       "ics-corpus"))
# What libical says in its own messages, which the person must never see.
LIBICAL_WORDS = ("Can't parse", "Removing entire property", "X-LIC-ERROR", "icalerror")


def corpus_files():
    found = []
    for folder, _, names in os.walk(CORPUS):
        found += [os.path.join(folder, n) for n in names if n.endswith(".ics")]
    return sorted(found)


class CorpusTest(JobtrackTestCase):

    def test_every_file_imports_or_is_refused_in_one_line(self):
        if not os.path.isdir(CORPUS):
            self.skipTest("the shared fixtures are not here: %s" % CORPUS)
        files = corpus_files()
        self.assertGreater(len(files), 700, "the corpus has 737 files")
        self.ok("app", "add", "--company", "Globex")  # a database to leave as it was
        before = self.db_snapshot()
        imported = refused = 0
        for path in files:
            name = os.path.relpath(path, CORPUS)
            with self.subTest(file=name):
                # A hang is a failure: 10 s is a hundred times what the largest takes.
                rc, out, err = self.jt("import", path, "--dry-run", "--company", "Globex",
                                       "--me", "jane.doe@example.org", timeout=10)
                self.assertIn(rc, (0, 2), "%s: exit %d, %s" % (name, rc, err))
                if rc == 0:
                    imported += 1
                    self.assertIn("Nothing was written (--dry-run).", out)
                    self.assertEqual(err, "")
                else:
                    refused += 1
                    lines = err.splitlines()
                    self.assertEqual(len(lines), 1, err)
                    self.assertTrue(lines[0].startswith("jobtrack: cannot import "), err)
                    for words in LIBICAL_WORDS:
                        self.assertNotIn(words, err)
        print("%d imported, %d refused with one line" % (imported, refused))
        self.assertGreater(imported, 0)
        self.assertEqual(self.db_snapshot(), before)


if __name__ == "__main__":
    unittest.main()
