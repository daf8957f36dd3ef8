/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-display-width.c: terminal columns of text. */
#include "jt-display-width.h"

static int
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

glong
jt_display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

char *
jt_display_cut (const char *text, glong columns, glong *width)
{
  const char *p = text;
  glong used = 0;

  while (*p != '\0')
    {
      int w = char_width (g_utf8_get_char (p));

      if (used + w > columns)
        break;
      used += w;
      p = g_utf8_next_char (p);
    }
  if (width != NULL)
    *width = used;
  return g_strndup (text, (gsize) (p - text));
}

char *
jt_display_fit (const char *text, glong columns, glong *width)
{
  glong whole = jt_display_width (text);
  g_autofree char *head = NULL;
  glong used;

  if (whole <= columns)
    {
      if (width != NULL)
        *width = whole;
      return g_strdup (text);
    }
  if (columns < 1)
    {
      if (width != NULL)
        *width = 1;
      return g_strdup ("…");
    }
  head = jt_display_cut (text, columns - 1, &used);
  if (width != NULL)
    *width = used + 1;
  return g_strconcat (head, "…", NULL);
}

void
jt_display_pad (GString *out, const char *text, glong columns)
{
  g_string_append (out, text);
  for (glong n = jt_display_width (text); n < columns; n++)
    g_string_append_c (out, ' ');
}
