#!/usr/bin/python3
"""The iCalendar boundary (common/jt-ical.h): the module that holds libical calls nothing
of the program that loads it, the programs export nothing to it, and the commands that
do not read or write iCalendar never load libical.

Environment (from meson): JOBTRACK, JOBTRACKD, JT_ICAL_MODULE (the built module), NM."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

JOBTRACK = os.environ["JOBTRACK"]
JOBTRACKD = os.environ["JOBTRACKD"]
MODULE = os.environ["JT_ICAL_MODULE"]
NM = os.environ.get("NM") or "nm"
NOW = "2026-12-01T09:00:00"


def dynamic_symbols(path, which):
    """The names of the dynamic symbols of `path`: which is 'undefined' or 'defined'."""
    out = subprocess.run([NM, "-D", "--%s-only" % which, path], check=True,
                         capture_output=True, text=True).stdout
    return [line.split()[-1] for line in out.splitlines() if line.strip()]


class ModuleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="jt-module-")
        self.db = os.path.join(self.tmp, "jobtrack.db")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_jobtrack(self, *args, program=JOBTRACK, ld_debug=False):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.tmp,
               "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
               "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
               "TZ": "Europe/Berlin", "LC_ALL": "C.UTF-8", "JOBTRACK_NOW": NOW}
        if ld_debug:
            env["LD_DEBUG"] = "libs"
        return subprocess.run([program, "--db", self.db] + list(args), env=env,
                              capture_output=True, text=True, timeout=60)

    def loads_libical(self, *args):
        """Whether the command loads libical (the dynamic loader's own account)."""
        proc = self.run_jobtrack(*args, ld_debug=True)
        self.assertEqual(proc.returncode, 0, proc.stderr[-2000:])
        return re.search(r"calling init: \S*/libical\.so", proc.stderr) is not None

    # ---- what the module and the programs link --------------------------------------

    def test_the_module_takes_nothing_from_the_program(self):
        undefined = [s for s in dynamic_symbols(MODULE, "undefined") if s.startswith("jt_")]
        self.assertEqual(undefined, [], "the module calls into the program that loads it")

    def test_the_module_shows_its_entry_point_alone(self):
        defined = [s for s in dynamic_symbols(MODULE, "defined") if s.startswith("jt_")]
        self.assertEqual(defined, ["jt_ical_module"])

    def test_the_programs_export_nothing(self):
        for program in (JOBTRACK, JOBTRACKD):
            with self.subTest(os.path.basename(program)):
                exported = [s for s in dynamic_symbols(program, "defined")
                            if s.startswith("jt_")]
                self.assertEqual(exported, [], "linked with --export-dynamic again?")

    # ---- who loads libical ----------------------------------------------------------

    def test_only_the_calendar_commands_load_libical(self):
        for args in (["add", "--company", "Globex", "--role", "SRE", "--at", "today 14:00"],
                     ["remind", "add", "--app", "1", "--due", "tomorrow 10:00", "call Raj"],
                     ["agenda"],
                     ["show", "1"]):
            with self.subTest(args[0]):
                self.assertFalse(self.loads_libical(*args), "%s loaded libical" % args[0])
        self.assertTrue(self.loads_libical("export", "--ics"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
