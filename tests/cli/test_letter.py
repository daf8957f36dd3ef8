# SPDX-License-Identifier: GPL-3.0-or-later
"""`jobtrack letter`, `jobtrack prep`, `app edit --skills`, and `done` on a letter.

The drafts' wording is checked by the golden files of tests/test-letter.c; here the
command line: choosing what the letter is about, -o, --mailto, --edit, overrides, the
promised call day against the agenda's, errors, and the checklist.
"""

import json
import os
import subprocess
import unittest
import urllib.parse

from jtharness import JobtrackTestCase, Terminal

NOW = "2026-12-01T16:00:00"  # Tuesday, after the interview


class LetterTestCase(JobtrackTestCase):
    def setUp(self):
        super().setUp()
        # Raj (decision-maker, CTO) and Zoë met at an on-site interview on Tuesday 1
        # December; the decision is due Friday 4 December.
        self.ok("add", "--company", "Globex", "--role", "SRE & Ops",
                "--at", "2026-12-01 10:00",
                "--with", "Raj Patel <raj@globex.example>, CTO",
                "--with", "Zoë Ångström, Staff Engineer",
                "--decision-maker", "Raj Patel", "--decision", "2026-12-04",
                "--said", "billing on Kubernetes", "--edge", "the same migration at Initech",
                "--problems", "nightly outages; I would fix alerting first",
                "--objections", "no Go in production",
                "--next-step", "a panel next week", "--notes", "fine", now=NOW)

    def agenda(self):
        return self.json_of("agenda", "--all", "--json", now=NOW)

    def reminder(self, rule, contact_id=None):
        found = [r for r in self.agenda() if r["rule"] == rule
                 and (contact_id is None or (r["contact"] or {}).get("id") == contact_id)]
        self.assertEqual(len(found), 1, found)
        return found[0]

    def letter(self, *args, **kwargs):
        return self.ok("letter", *args, now=NOW, **kwargs)


class LetterCommandTest(LetterTestCase):
    def test_reminder_and_interview_forms_give_the_same_draft(self):
        thanks = self.reminder("thank_you", 1)
        by_reminder = self.letter("thanks", "--reminder", str(thanks["id"]))
        by_interview = self.letter("thanks", "--interview", "1", "--to", "1")
        by_app = self.letter("thanks", "--app", "1", "--to", "1")
        self.assertEqual(by_reminder, by_interview)
        self.assertEqual(by_reminder, by_app)
        self.assertTrue(by_reminder.startswith(
            "To: Raj Patel <raj@globex.example>\n"
            "Subject: Thank you for the interview on Tuesday 1 December\n\nDear Raj Patel,\n"),
            by_reminder)
        self.assertIn("the SRE & Ops position at Globex", by_reminder)
        self.assertIn("You raised a concern: no Go in production.", by_reminder)

    def test_each_person_met_gets_their_own_letter(self):
        zoe = self.letter("thanks", "--reminder", str(self.reminder("thank_you", 2)["id"]))
        self.assertTrue(zoe.startswith("To: Zoë Ångström\nSubject: "), zoe)
        self.assertIn("Dear Zoë Ångström,", zoe)
        self.assertIn("your view as Staff Engineer", zoe)

    def test_tone_friendly_and_hit_it_off(self):
        friendly = self.letter("thanks", "--app", "1", "--to", "1", "--tone", "friendly")
        self.assertIn("\nHi Raj,\n", friendly)
        # Someone you hit it off with gets the friendly tone unless told otherwise.
        self.ok("contact", "edit", "1", "--hit-it-off")
        self.assertEqual(self.letter("thanks", "--app", "1", "--to", "1"), friendly)
        self.assertIn("\nDear Raj Patel,\n",
                      self.letter("thanks", "--app", "1", "--to", "1", "--tone", "formal"))

    def test_promised_call_is_the_follow_up_call_reminder(self):
        for decision, decision_words, call_words in [
                (None, "Friday 4 December", "Monday 7 December"),
                ("2026-12-10", "Thursday 10 December", "Friday 11 December"),
                ("2026-12-18", "Friday 18 December", "Monday 21 December")]:
            if decision is not None:
                self.ok("app", "edit", "1", "--decision", decision, now=NOW)
            call = self.reminder("follow_up_call")
            due_day = call["due"][:10]
            text = self.letter("thanks", "--app", "1", "--to", "1")
            self.assertIn("I understand you plan to decide by %s; if I have not heard from you "
                          "by then, I will call you on %s." % (decision_words, call_words), text)
            # The day in the letter is the reminder's own day.
            self.assertEqual(due_day, {"Monday 7 December": "2026-12-07",
                                       "Friday 11 December": "2026-12-11",
                                       "Monday 21 December": "2026-12-21"}[call_words])

    def test_output_file(self):
        path = os.path.join(self.tmp, "draft.txt")
        self.assertEqual(self.letter("thanks", "--app", "1", "--to", "1", "-o", path), "")
        with open(path, encoding="utf-8") as f:
            self.assertEqual(f.read(), self.letter("thanks", "--app", "1", "--to", "1"))

    def test_json(self):
        doc = self.json_of("letter", "follow-up", "--app", "1", "--to", "1", "--json", now=NOW)
        self.assertEqual(doc["to_email"], "raj@globex.example")
        self.assertEqual(doc["subject"], "The SRE & Ops position: following up")
        self.assertTrue(doc["mailto"].startswith("mailto:raj@globex.example?subject="))
        self.assertEqual(doc["text"], self.letter("follow-up", "--app", "1", "--to", "1"))

    def test_fields_are_listed(self):
        out = self.ok("letter", "--fields")
        for name in ["name", "first_name", "title", "company", "role", "meeting", "met_on",
                     "discussed", "problems", "edge", "objections", "skills", "next_step",
                     "decision_date", "call_date", "offer_deadline", "news", "my_name",
                     "my_email", "my_phone", "signature"]:
            self.assertIn("\n  %s " % name, "\n" + out)


class MailtoTest(LetterTestCase):
    def parse(self, uri):
        self.assertTrue(uri.startswith("mailto:"), uri)
        self.assertTrue(uri.endswith("\n"))
        uri = uri[:-1]
        self.assertTrue(all(0x21 <= ord(c) < 0x7f for c in uri), uri)
        address, _, query = uri[len("mailto:"):].partition("?")
        fields = query.split("&")
        self.assertEqual([f.split("=", 1)[0] for f in fields], ["subject", "body"])
        return (urllib.parse.unquote(address),
                urllib.parse.unquote(fields[0].split("=", 1)[1]),
                urllib.parse.unquote(fields[1].split("=", 1)[1]))

    def test_mailto_round_trips_utf8_and_reserved_characters(self):
        self.ok("contact", "edit", "1", "--email", "raj+jobs@globex.example")
        self.ok("interview", "edit", "1", "--said", "Ünïcode & the #1 question? 100%=yes")
        plain = self.letter("thanks", "--app", "1", "--to", "1")
        uri = self.letter("thanks", "--app", "1", "--to", "1", "--mailto")
        to, subject, body = self.parse(uri)
        self.assertEqual(to, "raj+jobs@globex.example")
        head, _, rest = plain.partition("\n\n")
        self.assertIn("Subject: " + subject, head)
        self.assertEqual(body, rest.replace("\n", "\r\n"))
        self.assertIn("What stayed with me most: Ünïcode & the #1 question? 100%=yes.", body)
        self.assertIn("%C3%9Cn%C3%AFcode%20%26%20the%20%231%20question%3F%20100%25%3Dyes", uri)

    def test_no_address_leaves_to_empty_and_says_so(self):
        rc, out, err = self.jt("letter", "thanks", "--app", "1", "--to", "2", "--mailto", now=NOW)
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("mailto:?subject="), out)
        self.assertIn("Zoë Ångström has no email address", err)


class EditTest(LetterTestCase):
    def test_edit_opens_the_editor_on_the_draft(self):
        script = os.path.join(self.tmp, "fake-editor")
        with open(script, "w") as f:
            f.write("#!/bin/sh\necho 'P.S. added in the editor' >> \"$1\"\n")
        os.chmod(script, 0o755)
        path = os.path.join(self.tmp, "draft.txt")
        out = self.letter("thanks", "--app", "1", "--to", "1", "-o", path, "--edit",
                          env={"EDITOR": script, "VISUAL": None})
        self.assertEqual(out, "The draft is in %s\n" % path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertTrue(text.startswith("To: Raj Patel"))
        self.assertTrue(text.endswith("[your name]\nP.S. added in the editor\n"), text)

    def test_editor_with_arguments_and_a_temporary_draft(self):
        log = os.path.join(self.tmp, "editor.log")
        out = self.letter("network-update", "--to", "1", "--edit",
                          env={"VISUAL": "sh -c 'cp \"$0\" %s'" % log})
        path = out.strip().rsplit(" ", 1)[1]
        self.addCleanup(os.remove, path)
        self.assertIn("jobtrack-network-update-", path)
        with open(log, encoding="utf-8") as f:
            self.assertIn("Subject: An update from me", f.read())

    def test_failing_editor_keeps_the_draft_and_says_where(self):
        path = os.path.join(self.tmp, "draft.txt")
        rc, out, err = self.jt("letter", "thanks", "--app", "1", "--to", "1", "-o", path,
                               "--edit", now=NOW, env={"EDITOR": "false", "VISUAL": None})
        self.assertEqual(rc, 1)
        self.assert_error_line(err, "the draft is in %s" % path)
        self.assertTrue(os.path.exists(path))


class TemplateTest(LetterTestCase):
    def letters_dir(self):
        path = os.path.join(self.config_home, "jobtrack", "letters")
        os.makedirs(path, exist_ok=True)
        return path

    def test_override_is_used(self):
        with open(os.path.join(self.letters_dir(), "thanks.txt"), "w") as f:
            f.write("Subject: Thanks, {first_name}\n\nSee you {call_date}.\n")
        self.assertEqual(self.letter("thanks", "--app", "1", "--to", "1"),
                         "To: Raj Patel <raj@globex.example>\nSubject: Thanks, Raj\n\n"
                         "See you Monday 7 December.\n")

    def test_unknown_field_names_file_line_and_field(self):
        path = os.path.join(self.letters_dir(), "thanks.formal.txt")
        with open(path, "w") as f:
            f.write("Subject: Hello\n\nDear {name},\nMy salary wish: {salary}.\n")
        self.assert_refused(2, "letter", "thanks", "--app", "1", "--to", "1", now=NOW,
                            contains="%s:4: unknown field {salary}" % path)

    def test_unreadable_template(self):
        # A folder where the file should be cannot be read, even by root: it is an
        # error that names it, not a silent fall-back to the built-in letter.
        path = os.path.join(self.letters_dir(), "thanks.txt")
        os.mkdir(path)
        self.assert_refused(2, "letter", "thanks", "--app", "1", "--to", "1", now=NOW,
                            contains="%s:1: cannot read the letter template" % path)


class SenderTest(LetterTestCase):
    """[user] name, email, phone and signature sign the letters (jobtrack.conf(5))."""

    def write_config(self, text):
        folder = os.path.join(self.config_home, "jobtrack")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "config.ini")
        with open(path, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    def letter_with_stderr_on_a_terminal(self, *args):
        """The letter (stdout, a pipe) and what a person at the terminal saw on stderr."""
        import pty
        master, slave = pty.openpty()
        proc = subprocess.Popen(self.command(["letter"] + list(args)), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=slave,
                                env=self.environment(now=NOW))
        os.close(slave)
        out, _ = proc.communicate(timeout=60)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the other side is closed
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        self.assertEqual(proc.returncode, 0, seen)
        return out.decode("utf-8"), seen.decode("utf-8").replace("\r\n", "\n")

    def test_name_email_and_phone_close_the_letter(self):
        self.write_config("[user]\nname = Ann Lee\nemail = ann@example.com\n"
                          "phone = +49 30 1234 5678\n")
        for args, sign_off in [(["thanks", "--app", "1", "--to", "1"], "Yours sincerely,"),
                               (["thanks", "--app", "1", "--to", "1", "--tone", "friendly"],
                                "Thanks again,"),
                               (["network-update", "--to", "2"], "Kind regards,")]:
            with self.subTest(args=args):
                text = self.letter(*args)  # and nothing on stderr
                self.assertTrue(text.endswith("\n\n%s\nAnn Lee\nann@example.com\n"
                                              "+49 30 1234 5678\n" % sign_off), text)
                self.assertNotIn("[your name]", text)
        # The mail client gets the same closing.
        uri = self.letter("thanks", "--app", "1", "--to", "1", "--mailto")
        body = urllib.parse.unquote(uri.strip().split("&body=", 1)[1])
        self.assertTrue(body.endswith("Yours sincerely,\r\nAnn Lee\r\nann@example.com\r\n"
                                      "+49 30 1234 5678\r\n"), body)
        doc = self.json_of("letter", "thanks", "--app", "1", "--to", "1", "--json", now=NOW)
        self.assertTrue(doc["body"].endswith("\nAnn Lee\nann@example.com\n+49 30 1234 5678\n"))

    def test_only_the_lines_that_are_set(self):
        self.write_config("[user]\nname = Ann Lee\nphone = +49 30 1234\n")
        self.assertTrue(self.letter("thanks", "--app", "1", "--to", "1").endswith(
            "Yours sincerely,\nAnn Lee\n+49 30 1234\n"))

    def test_signature_replaces_the_closing(self):
        self.write_config("[user]\nname = Ann Lee\nemail = ann@example.com\n"
                          "signature = Ann Lee\\nSenior SRE\\n\\nann@example.com | "
                          "+49 30 1234\n")
        text = self.letter("thanks", "--app", "1", "--to", "1")
        self.assertTrue(text.endswith("Yours sincerely,\nAnn Lee\nSenior SRE\n\n"
                                      "ann@example.com | +49 30 1234\n"), text)

    def test_nothing_set_keeps_the_gap_and_says_what_fills_it(self):
        text = self.letter("thanks", "--app", "1", "--to", "1")  # not a terminal: no note
        self.assertTrue(text.endswith("Yours sincerely,\n[your name]\n"), text)
        out, seen = self.letter_with_stderr_on_a_terminal("thanks", "--app", "1", "--to", "1")
        self.assertEqual(out, text)
        path = os.path.join(self.config_home, "jobtrack", "config.ini")
        self.assertEqual(seen, "jobtrack: note: the letter is signed [your name]: set name "
                               "(and email, phone) under [user] in %s to sign it\n" % path)
        # to a file as well, once; not with --json, which a program reads
        draft = os.path.join(self.tmp, "draft.txt")
        out, seen = self.letter_with_stderr_on_a_terminal("thanks", "--app", "1", "--to", "1",
                                                          "-o", draft)
        self.assertEqual((out, seen.count("[user]")), ("", 1))
        out, seen = self.letter_with_stderr_on_a_terminal("thanks", "--app", "1", "--to", "1",
                                                          "--json")
        self.assertEqual(seen, "")
        self.assertTrue(json.loads(out)["body"].endswith("\n[your name]\n"))
        # a name, or a signature, and the note is gone
        for config in ["[user]\nname = Ann Lee\n", "[user]\nsignature = Ann\n"]:
            self.write_config(config)
            out, seen = self.letter_with_stderr_on_a_terminal("thanks", "--app", "1", "--to", "1")
            self.assertEqual(seen, "")
            self.assertNotIn("[your name]", out)

    def test_an_email_without_a_name_still_asks_for_the_name(self):
        self.write_config("[user]\nemail = ann@example.com\n")
        self.assertTrue(self.letter("thanks", "--app", "1", "--to", "1").endswith(
            "Yours sincerely,\n[your name]\nann@example.com\n"))

    def test_hostile_values_are_plain_text(self):
        # Line breaks written as escapes, a C1 control sequence introducer, a bidi override
        # and markup: one plain line, markup kept as the text it is.
        self.write_config(b"[user]\nname = Ann\\r\\nBcc: x@evil.example\xc2\x9b2J"
                          b"\xe2\x80\xae <b>Lee</b>\n"
                          b"phone = +49\\n\\t30\n")
        text = self.letter("thanks", "--app", "1", "--to", "1")
        self.assertTrue(text.endswith("Yours sincerely,\nAnn Bcc: x@evil.example 2J <b>Lee</b>\n"
                                      "+49 30\n"), text)
        self.assertTrue(text.startswith("To: Raj Patel <raj@globex.example>\nSubject: "))
        self.assertFalse(any(ord(c) < 0x20 and c != "\n" or 0x7f <= ord(c) < 0xa0
                             or c == "\u202e" for c in text), repr(text))
        # A signature keeps its lines, and nothing else of the kind.
        self.write_config(b"[user]\nsignature = Ann\\r\\n\\tLee\xc2\x9b31m\\r\\rBerlin\\n\n")
        text = self.letter("thanks", "--app", "1", "--to", "1")
        self.assertTrue(text.endswith("Yours sincerely,\nAnn\n Lee 31m\n\nBerlin\n"), repr(text))
        # A raw escape byte in the file is a mistake: refused, quoted harmlessly, the key named.
        path = self.write_config(b"[user]\nname = Ann \x1b[31mLee\n")
        out, err = self.assert_refused(2, "letter", "thanks", "--app", "1", "--to", "1",
                                       now=NOW, contains="%s: [user] name: cannot read "
                                       "'Ann \\x1b[31mLee'" % path)
        self.assertNotIn("\x1b", err)
        self.assertEqual(out, "")

    def test_an_unknown_user_key_is_refused(self):
        path = self.write_config("[user]\nfull_name = Ann Lee\n")
        self.assert_refused(2, "letter", "thanks", "--app", "1", "--to", "1", now=NOW,
                            contains="%s: [user] full_name: unknown key" % path)

    def test_a_template_of_ones_own_names_the_sender(self):
        self.write_config("[user]\nname = Ann Lee\nemail = ann@example.com\n")
        folder = os.path.join(self.config_home, "jobtrack", "letters")
        os.makedirs(folder)
        with open(os.path.join(folder, "thanks.txt"), "w") as f:
            f.write("Subject: From {my_name}\n\nHi {first_name},\n\nBest,\n{signature}\n"
                    "(or call {my_phone})\n")
        self.assertEqual(self.letter("thanks", "--app", "1", "--to", "1"),
                         "To: Raj Patel <raj@globex.example>\nSubject: From Ann Lee\n\n"
                         "Hi Raj,\n\nBest,\nAnn Lee\nann@example.com\n(or call [your phone])\n")

    def test_done_logs_the_subject_of_the_signed_letter(self):
        self.write_config("[user]\nname = Ann Lee\n")
        thanks = self.reminder("thank_you", 1)
        self.ok("done", str(thanks["id"]), "--log-letter", now=NOW)
        self.assertEqual([t["about"] for t in self.json_of("touch", "list", "--json", now=NOW)],
                         ["Letter: Thank you for the interview on Tuesday 1 December"])


class LetterErrorsTest(LetterTestCase):
    def test_usage_errors(self):
        for args, message in [
                (["letter", "thanks"], "say what the letter is about"),
                (["letter", "thanks", "--app", "1"], "add --to CONTACT"),
                (["letter", "thanks", "--app", "1", "--reminder", "1"], "say what"),
                (["letter", "thank-you", "--app", "1", "--to", "1"], "unknown letter 'thank-you'"),
                (["letter", "thanks", "--app", "1", "--to", "1", "--tone", "warm"],
                 "unknown tone 'warm'"),
                (["letter", "thanks", "--app", "1", "--to", "1", "--mailto", "--edit"],
                 "one at a time")]:
            self.assert_refused(2, *args, now=NOW, contains=message)

    def test_unknown_records(self):
        self.assert_refused(1, "letter", "thanks", "--app", "9", "--to", "1", now=NOW,
                            contains="no application 9")
        self.assert_refused(1, "letter", "thanks", "--app", "1", "--to", "9", now=NOW,
                            contains="no contact 9")
        self.assert_refused(1, "letter", "thanks", "--reminder", "99", now=NOW,
                            contains="no reminder 99")


class DoneLetterTest(LetterTestCase):
    def touches(self):
        return self.json_of("touch", "list", "--json", now=NOW)

    def test_log_letter_records_the_draft_subject(self):
        thanks = self.reminder("thank_you", 1)
        self.ok("done", str(thanks["id"]), "--log-letter", now=NOW)
        touches = self.touches()
        self.assertEqual([(t["kind"], t["contact"]["id"], t["about"]) for t in touches],
                         [("letter", 1, "Letter: Thank you for the interview on Tuesday 1 "
                                    "December")])

    def test_no_log_records_nothing(self):
        thanks = self.reminder("thank_you", 1)
        self.ok("done", str(thanks["id"]), "--no-log", now=NOW)
        self.assertEqual(self.touches(), [])
        self.assertNotIn(thanks["id"], [r["id"] for r in self.agenda()])

    def test_contradicting_flags(self):
        thanks = self.reminder("thank_you", 1)
        self.assert_refused(2, "done", str(thanks["id"]), "--log-letter", "--no-log", now=NOW,
                            contains="contradict")

    def terminal_done(self, reminder_id, answer):
        t = Terminal(self.command(["done", str(reminder_id)]), self.environment(now=NOW))
        t.answer("log the letter to raj patel as sent", answer)
        self.assertEqual(t.finish(), 0, t.text())
        return t.text()

    def test_terminal_asks_and_yes_logs(self):
        thanks = self.reminder("thank_you", 1)
        self.assertIn("Done %d" % thanks["id"], self.terminal_done(thanks["id"], ""))
        self.assertEqual([t["about"] for t in self.touches()],
                         ["Letter: Thank you for the interview on Tuesday 1 December"])

    def test_terminal_no_logs_nothing(self):
        thanks = self.reminder("thank_you", 1)
        self.terminal_done(thanks["id"], "n")
        self.assertEqual(self.touches(), [])

    def test_call_reminder_is_not_asked_about(self):
        call = self.reminder("follow_up_call")
        t = Terminal(self.command(["done", str(call["id"])]), self.environment(now=NOW))
        self.assertEqual(t.finish(), 0, t.text())
        self.assertNotIn("letter", t.text().lower())
        self.assertEqual([t["kind"] for t in self.touches()], ["call"])


class SkillsAndPrepTest(LetterTestCase):
    def test_skills_are_kept_in_order_and_capped_at_five(self):
        self.ok("app", "edit", "1", "--skills", " Go,  Kubernetes ,incident response,,", now=NOW)
        self.assertEqual(self.json_of("prep", "1", "--json", now=NOW)["skills"],
                         ["Go", "Kubernetes", "incident response"])
        self.assert_refused(2, "app", "edit", "1", "--skills", "a, b, c, d, e, f",
                            contains="best 5 skills")
        self.assert_refused(2, "app", "edit", "1", "--skills", "Go, go", contains="twice")
        self.ok("app", "edit", "1", "--skills", "", now=NOW)
        self.assertEqual(self.json_of("prep", "1", "--json", now=NOW)["skills"], [])

    def test_skills_appear_in_letters(self):
        self.ok("app", "edit", "1", "--skills", "Go, SRE, on-call", now=NOW)
        self.assertIn("The skills I would bring to it: Go, SRE and on-call.",
                      self.letter("thanks", "--app", "1", "--to", "1"))

    def test_prep_text_before_the_final_round(self):
        self.ok("app", "edit", "1", "--skills", "Go, SRE", now=NOW)
        self.ok("add", "--company", "Globex", "--role", "SRE & Ops", "--kind", "final",
                "--at", "2026-12-08 14:00", "--where", "HQ",
                "--with", "Mia Wong <mia@globex.example>, VP Engineering", now=NOW)
        out = self.ok("prep", "1", now=NOW)
        self.assertEqual(out, """Closing the interview — Globex, SRE & Ops
Next interview: Tue 8 Dec 2026 14:00, final, HQ

People you will meet:
  Mia Wong, VP Engineering

1. Restate your best five skills, and how each meets a need they told you about.
   - Go
   - SRE
2. Ask whether they see any gaps in your background, or have concerns about you.
   Raised in earlier rounds:
   - Tue 1 Dec 2026 10:00 (onsite): no Go in production
3. Ask what the next step is, and when they plan to decide.
   Agreed last time: a panel next week
   Decision date: 2026-12-04
4. Ask whether you may call them, and from when.
5. Ask when they want someone in the seat, and what the first task would be.
6. It is the final round: ask for the job.
""")

    def test_prep_json(self):
        doc = self.json_of("prep", "1", "--json", now=NOW)
        self.assertIsNone(doc["next_interview"])
        self.assertEqual(doc["application"]["id"], 1)
        self.assertEqual(sorted(p["name"] for p in doc["people"]), ["Raj Patel", "Zoë Ångström"])
        self.assertEqual(doc["earlier_objections"][0]["objections"], "no Go in production")
        self.assertEqual(doc["next_step"], "a panel next week")
        self.assertEqual(doc["decision_date"], "2026-12-04")
        self.assertEqual(doc["skills"], [])
        self.assertEqual(len(doc["checklist"]), 6)
        self.assertEqual(doc["checklist"][-1], "Where it fits, ask for the next round.")

    def test_prep_without_skills_says_how_to_add_them(self):
        out = self.ok("prep", "1", now=NOW)
        self.assertIn('[none kept yet: jobtrack app edit 1 --skills "a, b, c, d, e"]', out)
        self.assertIn("Next interview: none recorded", out)

    def test_add_prints_the_checklist_for_an_upcoming_interview(self):
        out = self.ok("add", "--company", "Globex", "--role", "SRE & Ops",
                      "--at", "2026-12-09 11:00", now=NOW)
        self.assertIn("\nClosing the interview — Globex, SRE & Ops\n", out)
        # One just held prints no checklist.
        past = self.ok("add", "--company", "Initech", now=NOW)
        self.assertNotIn("Closing the interview", past)

    def test_prep_unknown_application(self):
        self.assert_refused(1, "prep", "7", contains="no application 7")


if __name__ == "__main__":
    unittest.main()
