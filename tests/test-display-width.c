/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-width.c: terminal columns of text (jt-display-width.h), as terminals
 * such as xterm, VTE and kitty show CJK, emoji and combining marks. */
#include "jt-display-width.h"

static void
test_widths (void)
{
  const struct
  {
    const char *text;
    glong columns;
  } cases[] = {
    { "", 0 },
    { "Globex", 6 },
    { "Société Générale", 16 },
    { "Se\u0301bastien", 9 }, /* e + combining acute: one column */
    { "株式会社ソニー", 14 }, /* CJK: two columns each */
    { "ＡＢＣ", 6 },          /* fullwidth Latin */
    { "삼성전자", 8 },        /* Hangul syllables */
    { "🎉 Party", 8 },         /* an emoji: two */
    { "❤\ufe0f", 1 },         /* a variation selector takes none */
    { "a\u200bb", 2 },        /* zero-width space */
    { "…", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (jt_display_width (cases[i].text), ==, cases[i].columns);
  g_assert_cmpint (jt_display_width (NULL), ==, 0);
}

static void
test_cut_never_splits_a_wide_character_or_its_marks (void)
{
  glong width;
  g_autofree char *cjk = jt_display_cut ("株式会社", 5, &width);

  g_assert_cmpstr (cjk, ==, "株式");
  g_assert_cmpint (width, ==, 4);
  {
    g_autofree char *marks = jt_display_cut ("Se\u0301b", 2, &width);

    g_assert_cmpstr (marks, ==, "Se\u0301");
    g_assert_cmpint (width, ==, 2);
  }
  {
    g_autofree char *all = jt_display_cut ("Acme", 10, &width);

    g_assert_cmpstr (all, ==, "Acme");
    g_assert_cmpint (width, ==, 4);
  }
}

static void
test_fit_ends_in_an_ellipsis_within_the_columns (void)
{
  glong width;
  g_autofree char *cut = jt_display_fit ("株式会社ソニー", 6, &width);
  g_autofree char *whole = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (cut, ==, "株式…");
  g_assert_cmpint (width, ==, 5);
  whole = jt_display_fit ("株式会社", 8, &width);
  g_assert_cmpstr (whole, ==, "株式会社");
  g_assert_cmpint (width, ==, 8);
  none = jt_display_fit ("株式会社", 0, &width);
  g_assert_cmpstr (none, ==, "…");
}

static void
test_pad_counts_columns (void)
{
  g_autoptr (GString) out = g_string_new (NULL);

  jt_display_pad (out, "日本", 6);
  g_string_append_c (out, '|');
  jt_display_pad (out, "ab", 6);
  g_string_append_c (out, '|');
  g_assert_cmpstr (out->str, ==, "日本  |ab    |");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/display-width/widths", test_widths);
  g_test_add_func ("/display-width/cut-keeps-characters-whole",
                   test_cut_never_splits_a_wide_character_or_its_marks);
  g_test_add_func ("/display-width/fit-with-ellipsis",
                   test_fit_ends_in_an_ellipsis_within_the_columns);
  g_test_add_func ("/display-width/pad", test_pad_counts_columns);
  return g_test_run ();
}
