/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c: the one rule set for untrusted text (jt-text.h), with hostile strings. */
#include <string.h>

#include "jt-text.h"

static void
assert_clean (const char *text, JtTextFlags flags, glong max_chars, const char *expected)
{
  g_autofree char *clean = jt_text_clean (text, flags, max_chars);

  g_assert_cmpstr (clean, ==, expected);
  g_assert_true (g_utf8_validate (clean, -1, NULL));
}

static void
test_plain_text_is_left_as_it_is (void)
{
  const char *texts[] = { "Globex, SRE",
                          "Société Générale — Zürich",
                          "日本語 🎉 👩‍💻",
                          "<b>bold</b> & &amp; 'quotes' \"double\"",
                          "  spaced  out  ",
                          "",
                          "\u00a0non-breaking" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      assert_clean (texts[i], JT_TEXT_LINES, -1, texts[i]);
      assert_clean (texts[i], JT_TEXT_ONE_LINE, -1, texts[i]);
    }
  g_assert_null (jt_text_clean (NULL, JT_TEXT_LINES, -1));
  g_assert_null (jt_text_clean_line (NULL));
}

static void
test_line_breaks (void)
{
  assert_clean ("one\r\ntwo\nthree\rfour", JT_TEXT_LINES, -1, "one\ntwo\nthree\nfour");
  assert_clean ("one\r\ntwo\nthree\rfour", JT_TEXT_ONE_LINE, -1, "one two three four");
  /* Unicode's line and paragraph separators are line breaks too. */
  assert_clean ("a\u2028b\u2029c", JT_TEXT_LINES, -1, "a\nb\nc");
  assert_clean ("a\u2028b\u2029c", JT_TEXT_ONE_LINE, -1, "a b c");
  /* A CR right before a CRLF is a break of its own. */
  assert_clean ("a\r\r\nb", JT_TEXT_LINES, -1, "a\n\nb");
  /* What would end an iCalendar property or a CSV row stays on its line. */
  assert_clean ("x\r\nATTENDEE:mailto:evil@evil.example\r\nEND:VEVENT", JT_TEXT_ONE_LINE, -1,
                "x ATTENDEE:mailto:evil@evil.example END:VEVENT");
}

static void
test_control_characters_become_spaces (void)
{
  /* A terminal would obey ESC and the C1 CSI; a tab breaks a table. */
  assert_clean ("\x1b[31mred\x1b[0m\x1b]0;title\x07", JT_TEXT_LINES, -1, " [31mred [0m ]0;title ");
  assert_clean ("left\tright", JT_TEXT_LINES, -1, "left right");
  assert_clean ("a\x7f"
                "b\xc2\x9b"
                "c\xc2\x85"
                "d",
                JT_TEXT_LINES, -1, "a b c d");
  assert_clean ("nul\x01\x02\x1f"
                "end",
                JT_TEXT_ONE_LINE, -1, "nul   end");
}

static void
test_bidi_controls_are_dropped (void)
{
  /* "evil" shown right to left would read as another name. */
  assert_clean ("\u202eevil\u202c", JT_TEXT_LINES, -1, "evil");
  assert_clean ("a\u202ab\u202bc\u202dd\u2066e\u2067f\u2068g\u2069h", JT_TEXT_ONE_LINE, -1,
                "abcdefgh");
  /* Marks and joiners are text: kept. */
  assert_clean ("\u200fשלום 👩\u200d💻", JT_TEXT_LINES, -1, "\u200fשלום 👩\u200d💻");
}

static void
test_invalid_utf8_is_replaced (void)
{
  assert_clean ("caf\xe9 \xff\xfe ok", JT_TEXT_LINES, -1, "caf\uFFFD \uFFFD\uFFFD ok");
  /* An overlong NUL and a lone surrogate are not characters. */
  assert_clean ("a\xc0\x80"
                "b\xed\xa0\x80"
                "c",
                JT_TEXT_ONE_LINE, -1,
                "a\uFFFD\uFFFD"
                "b\uFFFD\uFFFD\uFFFD"
                "c");
  /* A truncated sequence at the end. */
  assert_clean ("end\xe2\x82", JT_TEXT_LINES, -1, "end\uFFFD\uFFFD");
}

static void
test_squeeze (void)
{
  const JtTextFlags name = JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE;

  assert_clean ("  Raj \t\r\n Patel  ", name, -1, "Raj Patel");
  assert_clean ("Ann\u00a0\u2003Lee", name, -1, "Ann Lee");
  assert_clean ("\u202e \x1b ", name, -1, "");
  assert_clean ("a\u202e b", name, -1, "a b");
}

static void
test_length_is_cut_on_a_character_boundary (void)
{
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *clean = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (long_text, "Ω");
  g_string_append (long_text, "end");
  clean = jt_text_clean (long_text->str, JT_TEXT_ONE_LINE, 200);
  g_assert_cmpint (g_utf8_strlen (clean, -1), ==, 200);
  g_assert_cmpint (strlen (clean), ==, 400);
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  assert_clean ("👩‍💻👩‍💻", JT_TEXT_LINES, 2, "👩\u200d");
  assert_clean ("ab\ncd", JT_TEXT_LINES, 3, "ab\n");
  /* Dropped characters do not count. */
  assert_clean ("\u202e\u202eabc", JT_TEXT_LINES, 2, "ab");
  /* A squeezed space counts, a trailing one is never left. */
  assert_clean ("ab   cd", JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, 3, "ab ");
  assert_clean ("ab   cd", JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, 4, "ab c");
}

static void
test_append_adds_to_what_is_there (void)
{
  g_autoptr (GString) out = g_string_new ("SUMMARY: ");

  jt_text_append_clean (out, "a\r\nb", JT_TEXT_ONE_LINE, -1);
  jt_text_append_clean (out, NULL, JT_TEXT_ONE_LINE, -1);
  jt_text_append_clean (out, " c", JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, -1);
  g_assert_cmpstr (out->str, ==, "SUMMARY: a bc");
}

static void
test_app_label (void)
{
  g_autofree char *both = jt_text_app_label ("Globex", "SRE");
  g_autofree char *no_role = jt_text_app_label ("Globex", "");
  g_autofree char *null_role = jt_text_app_label ("Globex", NULL);

  g_assert_cmpstr (both, ==, "Globex, SRE");
  g_assert_cmpstr (no_role, ==, "Globex");
  g_assert_cmpstr (null_role, ==, "Globex");
}
/* An error quotes what was refused: controls written out, nothing dropped, cut long. */
static void
test_quote_shows_what_was_given (void)
{
  g_autofree char *escape = jt_text_quote ("a\033[31mb\r\nc", -1);
  g_autofree char *invalid = jt_text_quote ("caf\xe9", -1);
  g_autofree char *bidi = jt_text_quote ("x\u202ey", -1);
  g_autofree char *cut = jt_text_quote ("Société", 4);
  g_autofree char *whole = jt_text_quote ("Société", 7);

  g_assert_cmpstr (escape, ==, "a\\x1b[31mb\\x0d\\x0ac");
  g_assert_cmpstr (invalid, ==, "caf\uFFFD");
  g_assert_cmpstr (bidi, ==, "x\\u202ey");
  g_assert_cmpstr (cut, ==, "Soci…");
  g_assert_cmpstr (whole, ==, "Société");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/plain-text-unchanged", test_plain_text_is_left_as_it_is);
  g_test_add_func ("/text/line-breaks", test_line_breaks);
  g_test_add_func ("/text/controls", test_control_characters_become_spaces);
  g_test_add_func ("/text/bidi", test_bidi_controls_are_dropped);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8_is_replaced);
  g_test_add_func ("/text/squeeze", test_squeeze);
  g_test_add_func ("/text/length", test_length_is_cut_on_a_character_boundary);
  g_test_add_func ("/text/append", test_append_adds_to_what_is_there);
  g_test_add_func ("/text/app-label", test_app_label);
  g_test_add_func ("/text/quote", test_quote_shows_what_was_given);
  return g_test_run ();
}
