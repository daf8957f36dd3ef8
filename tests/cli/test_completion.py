#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shell completions against a real database made through the CLI.

bash: the real completion function (data/completions/jobtrack.bash) under the real
bash-completion library, with COMP_WORDS split as readline splits them. fish: fish's own
`complete -C`. zsh: the script's function with zsh's _describe and _files replaced by
stand-ins that print what they were given (the completion system itself needs a
terminal). Underneath all three: `jobtrack __complete`, tested directly too."""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jtharness import JobtrackTestCase  # noqa: E402
import jtharness  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
COMPLETIONS = os.environ.get("JOBTRACK_COMPLETIONS",
                             os.path.join(HERE, "..", "..", "data", "completions"))
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"

BASH_DRIVER = r'''
source "$1"
source "$2"
COMP_LINE=$3
COMP_POINT=${#COMP_LINE}
shift 3
# The words as readline splits them: '=' is a word break of its own.
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMPREPLY=()
_jobtrack jobtrack "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''

ZSH_DRIVER = r'''
_describe() { print -rl -- "${(@P)${@[-1]}}" }
_files() { print -r -- "<files>" }
# Loaded as zsh loads a completion function: from $fpath, on first call.
fpath=("$1" $fpath)
autoload -Uz _jobtrack
shift
words=("$@")
CURRENT=$#words
_jobtrack
'''

STATUSES = ["lead", "applied", "interviewing", "offer", "accepted", "declined", "rejected",
            "withdrawn"]


class CompletionTest(JobtrackTestCase):

    def setUp(self):
        super().setUp()
        # `jobtrack` on PATH is the binary under test.
        self.bin = os.path.join(self.tmp, "bin")
        os.mkdir(self.bin)
        os.symlink(os.path.abspath(os.environ["JOBTRACK"]), os.path.join(self.bin, "jobtrack"))
        self.ok("app", "add", "--company", "Acme", "--role", "Engineer")
        self.ok("app", "add", "--company", "Initech", "--status", "lead")
        self.add_interview("Globex", "SRE", "--at", "yesterday 14:00",
                           "--with", "Raj Patel <raj@globex.example>, CTO",
                           "--decision-maker", "Raj Patel", "--decision", "in 2 weeks")
        self.ok("contact", "add", "--name", "Ana Lima", "--company", "Hooli", "--roles", "hr")
        self.ok("offer", "add", "--app", "3", "--deadline", "2026-12-10")

    def env(self, **more):
        return self.environment(env=dict(more, PATH=self.bin + ":" + os.environ.get("PATH", "/usr/bin:/bin")))

    def bash(self, *words, **env):
        """COMPREPLY for the command line `words` (the last one being completed)."""
        if not os.path.exists(BASH_COMPLETION):
            raise unittest.SkipTest("needs bash-completion %s" % jtharness.TOOLS_HINT)
        line = " ".join(words).replace(" = ", "=")
        proc = subprocess.run(
            ["bash", "-c", BASH_DRIVER, "driver", BASH_COMPLETION,
             os.path.join(COMPLETIONS, "jobtrack.bash"), line] + list(words),
            capture_output=True, env=self.env(**env), cwd=self.tmp, timeout=60)
        self.assertEqual(proc.stderr.decode(), "")
        return [line for line in proc.stdout.decode().split("\n") if line]

    def complete(self, *words):
        """`jobtrack __complete WORDS…` as (value, description) pairs."""
        out = self.ok("__complete", *words, db=False, env={"JOBTRACK_DB": self.db})
        return [tuple(line.split("\t", 1)) for line in out.splitlines()]

    # ---- bash --------------------------------------------------------------------------

    def test_bash_commands_and_options(self):
        self.assertEqual(self.bash("jobtrack", "a"), ["add", "agenda", "app"])
        commands = self.bash("jobtrack", "")
        for name in ["add", "agenda", "show", "app", "contact", "export", "import", "config"]:
            self.assertIn(name, commands)
        self.assertNotIn("__complete", commands)
        self.assertEqual(self.bash("jobtrack", "app", ""),
                         ["add", "list", "show", "edit", "rm", "attach", "files", "detach"])
        self.assertEqual(self.bash("jobtrack", "contact", "li"), ["list"])
        self.assertEqual(self.bash("jobtrack", "app", "list", "--s"), ["--status", "--since"])
        self.assertEqual(self.bash("jobtrack", "contact", "list", "--r"), ["--role"])
        self.assertIn("--decision-maker", self.bash("jobtrack", "add", "--d"))
        self.assertEqual(self.bash("jobtrack", "--n"), ["--no-pager"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "ag"), ["agenda"])

    def test_bash_statuses_roles_kinds(self):
        self.assertEqual(self.bash("jobtrack", "app", "list", "--status", ""), STATUSES)
        self.assertEqual(self.bash("jobtrack", "app", "edit", "1", "--status", "i"),
                         ["interviewing"])
        # --status=in: readline hands '=' over as a word of its own; bash replaces only
        # what follows it
        self.assertEqual(self.bash("jobtrack", "app", "list", "--status", "=", "in"),
                         ["interviewing"])
        self.assertEqual(self.bash("jobtrack", "contact", "list", "--role", "d"),
                         ["decision-maker"])
        # comma lists: the rest of the list, without what is already in it
        self.assertEqual(self.bash("jobtrack", "app", "list", "--status", "applied,in"),
                         ["applied,interviewing"])
        self.assertEqual(len(self.bash("jobtrack", "app", "list", "--status", "lead,applied,")),
                         len(STATUSES) - 2)
        self.assertEqual(self.bash("jobtrack", "contact", "add", "--roles", "hr,re"),
                         ["hr,recruiter", "hr,reference"])
        # a single status where only one is taken
        self.assertEqual(self.bash("jobtrack", "app", "add", "--status", "applied,"), [])
        self.assertEqual(self.bash("jobtrack", "touch", "add", "--kind", ""),
                         ["letter", "email", "call", "meeting"])
        self.assertEqual(self.bash("jobtrack", "interview", "edit", "1", "--kind", ""),
                         ["phone", "video", "onsite", "panel", "final"])
        self.assertEqual(self.bash("jobtrack", "outcome", "1", "re"), ["rejected"])
        self.assertEqual(self.bash("jobtrack", "app", "attach", "1", "--kind", ""),
                         ["resume", "cover-letter", "portfolio", "posting", "other"])

    def test_bash_live_values(self):
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "show", ""), ["1", "2", "3"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "app", "rm", ""), ["1", "2", "3"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "touch", "add", "--contact", ""),
                         ["1", "2"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "offer", "edit", ""), ["1"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "interview", "show", ""), ["1"])
        # names with a space come back quoted for the shell
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "add", "--with", "R"),
                         ["Raj\\ Patel"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "contact", "list", "--company", ""),
                         ["Acme", "Globex", "Hooli", "Initech"])
        # the follow-ups `done` takes are the open ones, as the agenda has them
        agenda = [str(r["id"]) for r in self.json_of("agenda", "--all", "--json")]
        self.assertTrue(agenda)
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "done", ""), agenda)
        # the database named after the command counts too
        self.assertEqual(self.bash("jobtrack", "show", "--db", self.db, ""), ["1", "2", "3"])

    def test_bash_follows_the_database(self):
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "show", ""), ["1", "2", "3"])
        self.ok("app", "rm", "2", "--yes")
        self.ok("app", "add", "--company", "Umbrella")
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "show", ""), ["1", "3", "4"])
        # JOBTRACK_DB when no --db is on the line, else the default database (none yet)
        self.assertEqual(self.bash("jobtrack", "show", "", JOBTRACK_DB=self.db), ["1", "3", "4"])
        self.assertEqual(self.bash("jobtrack", "show", ""), [])
        missing = os.path.join(self.tmp, "none.db")
        self.assertEqual(self.bash("jobtrack", "--db", missing, "show", ""), [])
        self.assertFalse(os.path.exists(missing), "completing created a database")

    def test_completing_never_upgrades_an_older_database(self):
        self.take_back_a_schema()
        before = self.file_state()
        # Completion reads a copy upgraded in memory: the same ids, the file untouched.
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "show", ""), ["1", "2", "3"])
        self.assertEqual(self.file_state(), before, "completing changed the database")
        self.ok("app", "add", "--company", "Umbrella")
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "show", ""),
                         ["1", "2", "3", "4"])

    def test_bash_files(self):
        with open(os.path.join(self.tmp, "invite.ics"), "w") as f:
            f.write("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
        self.assertIn("invite.ics", self.bash("jobtrack", "import", "inv"))
        self.assertIn("invite.ics", self.bash("jobtrack", "export", "--ics", "-o", "inv"))
        self.assertIn("jobtrack.db", self.bash("jobtrack", "--db", "job"))
        # the files to attach, after the application; a résumé version's file
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "app", "attach", ""),
                         ["1", "2", "3"])
        self.assertIn("invite.ics", self.bash("jobtrack", "app", "attach", "1", "inv"))
        self.assertIn("invite.ics", self.bash("jobtrack", "resume", "add", "inv"))

    def test_bash_resume_versions(self):
        cv = os.path.join(self.tmp, "Jane Doe CV.pdf")
        with open(cv, "w") as f:
            f.write("%PDF-1.4\n")
        self.ok("resume", "add", cv, "--name", "backend-v3")
        self.ok("resume", "add", cv, "--name", "frontend-v1")
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "app", "attach", "1", "--resume",
                                   "b"), ["backend-v3"])
        self.assertEqual(self.bash("jobtrack", "--db", self.db, "add", "--resume", ""),
                         ["backend-v3", "frontend-v1"])

    # ---- what the shells ask -----------------------------------------------------------

    def test_descriptions_name_the_company(self):
        self.assertEqual(self.complete("show", ""),
                         [("1", "Acme, Engineer (applied)"), ("2", "Initech (lead)"),
                          ("3", "Globex, SRE (offer)")])
        self.assertEqual(self.complete("touch", "add", "--contact", ""),
                         [("1", "Raj Patel (Globex)"), ("2", "Ana Lima (Hooli)")])
        self.assertEqual(self.complete("interview", "rm", ""),
                         [("1", "Globex, onsite, 2026-11-30 14:00")])
        self.assertEqual(self.complete("offer", "edit", ""),
                         [("1", "Globex, open, respond by 2026-12-10")])
        agenda = {str(r["id"]): r for r in self.json_of("agenda", "--all", "--json")}
        reminders = self.complete("snooze", "")
        self.assertEqual([value for value, _ in reminders], list(agenda))
        for value, description in reminders:
            self.assertIn(agenda[value]["title"], description)
            self.assertRegex(description, "Acme|Globex|Initech")
        options = dict(self.complete("app", "list", "--"))
        self.assertIn("status", options["--status"].lower())

    # ---- fish and zsh ------------------------------------------------------------------

    def test_fish(self):
        jtharness.needs("fish")
        script = os.path.join(COMPLETIONS, "jobtrack.fish")

        def fish(line):
            proc = subprocess.run(
                ["fish", "--no-config", "-c", "source %s; complete -C '%s'" % (script, line)],
                capture_output=True, env=self.env(), timeout=60)
            self.assertEqual(proc.stderr.decode(), "")
            return [tuple(x.split("\t", 1)) if "\t" in x else (x, "")
                    for x in proc.stdout.decode().splitlines()]

        self.assertEqual(fish("jobtrack --db %s show " % self.db),
                         [("1", "Acme, Engineer (applied)"), ("2", "Initech (lead)"),
                          ("3", "Globex, SRE (offer)")])
        self.assertEqual([v for v, _ in fish("jobtrack app list --status in")], ["interviewing"])
        self.assertIn(("agenda", "The follow-ups that are due"), fish("jobtrack ag"))

    def test_zsh(self):
        jtharness.needs("zsh")
        script = os.path.join(COMPLETIONS, "_jobtrack")
        check = subprocess.run(["zsh", "-n", script], capture_output=True)
        self.assertEqual(check.returncode, 0, check.stderr.decode())

        def zsh(*words):
            proc = subprocess.run(["zsh", "-f", "-c", ZSH_DRIVER, "driver", COMPLETIONS] + list(words),
                                  capture_output=True, env=self.env(), timeout=60)
            self.assertEqual(proc.stderr.decode(), "")
            return proc.stdout.decode().splitlines()

        self.assertEqual(zsh("jobtrack", "--db", self.db, "show", ""),
                         ["1:Acme, Engineer (applied)", "2:Initech (lead)", "3:Globex, SRE (offer)"])
        self.assertIn("agenda:The follow-ups that are due", zsh("jobtrack", "a"))
        self.assertEqual(zsh("jobtrack", "import", ""), ["<files>"])


if __name__ == "__main__":
    jtharness.main()
