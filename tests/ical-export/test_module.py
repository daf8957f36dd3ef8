#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The iCalendar boundary (common/jt-ical.h): the module that holds libical calls nothing
of the program that loads it, the programs export nothing to it, the commands that do
not read or write iCalendar never load libical, and a program finds the module from its
own folder, as installed, with no path of the build tree in it.

Environment (from meson): JOBTRACK, JOBTRACKD, JT_ICAL_MODULE (the built module),
JT_MODULE_RELDIR (LIBDIR/jobtrack as seen from BINDIR), JT_BUILD_ROOT, NM."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

JOBTRACK = os.environ["JOBTRACK"]
JOBTRACKD = os.environ["JOBTRACKD"]
MODULE = os.environ["JT_ICAL_MODULE"]
RELDIR = os.environ["JT_MODULE_RELDIR"]
BUILD_ROOT = os.environ["JT_BUILD_ROOT"]
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

    def run_jobtrack(self, *args, program=JOBTRACK, module_dir=None, ld_debug=False):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.tmp,
               "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
               "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
               "TZ": "Europe/Berlin", "LC_ALL": "C.UTF-8", "JOBTRACK_NOW": NOW}
        if module_dir is not None:
            env["JOBTRACK_MODULE_DIR"] = module_dir
        if ld_debug:
            env["LD_DEBUG"] = "libs"
        return subprocess.run([program, "--db", self.db] + list(args), env=env,
                              capture_output=True, text=True, timeout=60)

    def loads_libical(self, *args):
        """Whether the command loads libical (the dynamic loader's own account)."""
        proc = self.run_jobtrack(*args, module_dir=os.path.dirname(MODULE), ld_debug=True)
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

    # ---- where the module is found --------------------------------------------------

    def install_copy(self, with_module):
        """A copy of jobtrack in PREFIX/bin, and of the module where it is installed."""
        bindir = os.path.join(self.tmp, "prefix", "bin")
        os.makedirs(bindir)
        program = shutil.copy(JOBTRACK, bindir)
        moddir = os.path.normpath(os.path.join(bindir, RELDIR))
        if with_module:
            os.makedirs(moddir)
            shutil.copy(MODULE, moddir)
        return program, moddir

    def test_an_installed_program_finds_its_module_from_its_own_folder(self):
        program, _ = self.install_copy(with_module=True)
        proc = self.run_jobtrack("export", "--ics", program=program)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(proc.stdout.startswith("BEGIN:VCALENDAR"), proc.stdout[:200])

    def test_an_installed_program_never_takes_the_build_trees_module(self):
        program, moddir = self.install_copy(with_module=False)
        proc = self.run_jobtrack("export", "--ics", program=program)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("cannot load the iCalendar module", proc.stderr)
        self.assertIn(os.path.join(moddir, "jobtrack-ical.so"), proc.stderr)
        self.assertEqual(proc.stdout, "")

    def test_the_variable_names_the_folder(self):
        program, _ = self.install_copy(with_module=False)
        proc = self.run_jobtrack("export", "--ics", program=program,
                                 module_dir=os.path.dirname(MODULE))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        empty = os.path.join(self.tmp, "empty")
        os.makedirs(empty)
        proc = self.run_jobtrack("export", "--ics", module_dir=empty)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(os.path.join(empty, "jobtrack-ical.so"), proc.stderr)

    def test_no_path_of_the_build_tree_is_in_the_binaries(self):
        for path in (JOBTRACK, JOBTRACKD, MODULE):
            with self.subTest(os.path.basename(path)):
                with open(path, "rb") as f:
                    self.assertNotIn(BUILD_ROOT.encode(), f.read())


if __name__ == "__main__":
    unittest.main(verbosity=2)
