#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The man pages document what the programs do: every command `jobtrack --help` lists
(and every command of a group), each with every option its own --help lists; every
option of jobtrackd; every configuration key `jobtrack config` knows, with the default
it reports. The lists come from the programs themselves, so a new command, option or
key fails here until it is documented."""

import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.environ.get("JOBTRACK_DOC_SOURCE", os.path.join(HERE, "..", "..", "doc"))
BUILT = os.environ.get("JOBTRACK_MAN_BUILT")
PAGES = os.environ.get("JOBTRACK_MAN_PAGES", "missing")
JOBTRACKD = os.environ.get("JOBTRACKD")
SHARED_OPTIONS = {"--help", "--db", "--no-pager"}


def read(name):
    with open(os.path.join(DOC, name + ".scd"), encoding="utf-8") as f:
        return f.read()


def sections(page):
    """{heading: text} of a page's top-level sections ("# COMMANDS")."""
    parts = re.split(r"^# (.+)$", page, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def help_commands(text):
    """The command names of a help's "Commands:" section."""
    names, inside = [], False
    for line in text.splitlines():
        if line == "Commands:":
            inside = True
        elif inside and line.startswith("  "):
            names.append(line.split()[0])
        elif inside:
            break
    return names


def help_options(text):
    """The long options of a GOption --help."""
    return set(re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", text, flags=re.M))


class ManPagesTest(JobtrackTestCase):

    def help(self, *words):
        return self.ok(*words, "--help", db=False)

    def commands(self):
        """[(path, options)] of every command, groups expanded: ("app list", {...})."""
        found = []
        for name in help_commands(self.help()):
            text = self.help(name)
            sub = help_commands(text)
            if not sub:
                found.append((name, help_options(text)))
            for subname in sub:
                found.append(("%s %s" % (name, subname), help_options(self.help(name, subname))))
        return found

    def entry(self, commands_text, path):
        """The text of the entry for `path` in the COMMANDS section: from the line that
        starts with *path* to the next entry; with the entries it refers to ("the
        options of *add*", "the same as *show*")."""
        # A command may have several entries: *import* FILE.ics, *import --json* FILE.
        matches = re.findall(r"^\*%s(?:\*| --).*?(?=^\*|^#|\Z)" % re.escape(path),
                             commands_text, flags=re.M | re.S)
        if not matches:
            return None
        text = "".join(matches)
        for other in re.findall(r"(?:options of|same as) \*([a-z ]+)\*", text):
            if other != path:
                text += self.entry(commands_text, other) or ""
        return text

    def test_programs_list_commands(self):
        # The lists below are the programs' own; make sure they are not empty.
        commands = dict(self.commands())
        self.assertIn("agenda", commands)
        self.assertIn("app list", commands)
        self.assertIn("--status", commands["app list"])
        self.assertGreater(len(commands), 25)

    def test_every_command_and_option_in_jobtrack_1(self):
        page = read("jobtrack.1")
        commands_text = sections(page)["COMMANDS"]
        for path, options in self.commands():
            with self.subTest(command=path):
                entry = self.entry(commands_text, path)
                self.assertIsNotNone(entry, "jobtrack(1) has no entry for '%s'" % path)
                for option in sorted(options - SHARED_OPTIONS):
                    self.assertIn("*%s*" % option, entry,
                                  "jobtrack(1): '%s' does not document %s" % (path, option))
        # the shared options, once
        global_options = sections(page)["GLOBAL OPTIONS"]
        for option in SHARED_OPTIONS | help_options(self.help()) - {"-h"}:
            self.assertIn("*%s*" % option, global_options)

    def test_the_rest_of_jobtrack_1(self):
        page = sections(read("jobtrack.1"))
        for heading in ["DATES AND TIMES", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"]:
            self.assertIn(heading, page)
        for variable in ["JOBTRACK_DB", "JOBTRACK_CONFIG", "JOBTRACK_NOW", "NO_COLOR", "PAGER",
                         "TZ", "XDG_DATA_HOME", "XDG_CONFIG_HOME"]:
            self.assertIn("*%s*" % variable, page["ENVIRONMENT"])
        for status in ["0", "1", "2"]:
            self.assertIn("*%s*" % status, page["EXIT STATUS"])
        # the examples of the date grammar are read by the program as written
        grammar = re.search(r"```\n(.*?)```", page["DATES AND TIMES"], flags=re.S).group(1)
        forms = []
        for line in grammar.splitlines():
            text = re.split(r"\s{2,}", line.strip())[0]
            forms += [form.strip() for form in text.split(",")]
        self.assertGreater(len(forms), 15)
        self.ok("app", "add", "--company", "Acme")
        for form in forms:
            with self.subTest(form=form):
                self.ok("app", "edit", "1", "--decision", form)

    def test_jobtrackd_1(self):
        page = read("jobtrackd.1")
        proc = subprocess.run([JOBTRACKD, "--help"], capture_output=True, timeout=30)
        options = help_options(proc.stdout.decode())
        self.assertIn("--verbose", options)
        for option in options:
            self.assertIn("*%s*" % option, sections(page)["OPTIONS"])
        for heading in ["SIGNALS", "THE LIVE CALENDAR", "SYSTEMD"]:
            self.assertIn(heading, sections(page))
        for signal in ["SIGHUP", "SIGTERM"]:
            self.assertIn("*%s*" % signal, sections(page)["SIGNALS"])

    def test_every_config_key_with_its_default(self):
        page = sections(read("jobtrack.conf.5"))
        settings = self.json_of("config", "--json", db=False)
        self.assertGreater(len(settings), 20)
        for setting in settings:
            with self.subTest(key=setting["key"]):
                self.assertEqual(setting["source"], "default")
                value = setting["value"] or "(empty)"
                line = "*%s* = %s\n" % (setting["key"], value)
                where = [heading for heading, text in page.items() if line in text]
                self.assertTrue(where, "jobtrack.conf(5) has no line %r" % line)
                # in the section of its group
                in_user = all("[user]" in heading for heading in where)
                self.assertEqual(in_user, setting["group"] == "user", where)

    def test_built_pages(self):
        if PAGES == "disabled":
            self.skipTest("built with -Dman=disabled")
        self.assertEqual(PAGES, "built",
                         "scdoc was not found, so the man pages were not built "
                         "(tools/deps installs scdoc)")
        for name, title in [("jobtrack.1", "jobtrack"), ("jobtrackd.1", "jobtrackd"),
                            ("jobtrack.conf.5", "jobtrack.conf")]:
            with open(os.path.join(BUILT, name), encoding="utf-8") as f:
                roff = f.read()
            section = name.rsplit(".", 1)[1]
            self.assertRegex(roff, r'(?m)^\.TH "%s" "%s"' % (re.escape(title), section))
        with open(os.path.join(BUILT, "jobtrack.1"), encoding="utf-8") as f:
            roff = f.read()
        for path, _ in self.commands():
            self.assertIn("\\fB%s\\fR" % path, roff)


if __name__ == "__main__":
    unittest.main(verbosity=2)
