/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-text.c: one rule set for untrusted text (see jt-text.h). */
#include "jt-text.h"

#include <string.h>

typedef enum
{
  CHAR_KEEP,
  CHAR_WHITE,   /* kept, but a space to squeeze */
  CHAR_BREAK,   /* a line break */
  CHAR_CONTROL, /* becomes a space */
  CHAR_DROP,
} CharKind;

/* What the character at `p` (valid UTF-8) is; its length in `len`. Printable ASCII,
 * nearly all text, is decided on its first byte. */
static inline CharKind
char_kind (const char *p, guint *len)
{
  guchar b = (guchar) *p;
  gunichar c;

  if (b < 0x80)
    {
      *len = 1;
      if (b >= 0x20 && b != 0x7f)
        return b == ' ' ? CHAR_WHITE : CHAR_KEEP;
      if (b == '\n')
        return CHAR_BREAK;
      if (b == '\r')
        {
          if (p[1] == '\n')
            *len = 2; /* CRLF is one line break */
          return CHAR_BREAK;
        }
      return CHAR_CONTROL;
    }
  *len = g_utf8_skip[b];
  c = g_utf8_get_char (p);
  if (c >= 0x80 && c < 0xa0)
    return CHAR_CONTROL; /* C1: CSI and friends, which terminals obey */
  if (c == 0x2028 || c == 0x2029)
    return CHAR_BREAK;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
    return CHAR_DROP; /* would make a name print as another */
  return g_unichar_isspace (c) ? CHAR_WHITE : CHAR_KEEP;
}

/* Where the run of characters from `p` that are surely kept ends: at the first byte that
 * may need cleaning (a control, DEL, the lead byte of C1 (0xC2) or of the breaks and bidi
 * controls (0xE2); squeezing, also a space and the leads of the other Unicode spaces:
 * 0xC2, 0xE1, 0xE2, 0xE3), or at the end. char_kind () decides those; `p` is valid
 * UTF-8, so a lead byte is never mistaken for a continuation. */
static inline const char *
clean_run_end (const char *p, gboolean squeeze)
{
  for (;; p++)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (b < 0x20 || b == 0x7f || (squeeze && b == ' '))
            return p;
        }
      else if (b == 0xc2 || b == 0xe2 || (squeeze && (b == 0xe1 || b == 0xe3)))
        return p;
    }
}

/* Runs of kept characters are appended whole: text without anything to clean is one
 * append. */
void
jt_text_append_clean (GString *out, const char *text, JtTextFlags flags, glong max_chars)
{
  g_autofree char *valid = NULL;
  gboolean one_line = (flags & JT_TEXT_ONE_LINE) != 0;
  gboolean squeeze = (flags & JT_TEXT_SQUEEZE) != 0;
  gsize start = out->len;
  gboolean space = FALSE; /* a space owed before the next character (squeezing) */
  const char *run;
  const char *p;
  glong n = 0;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  for (p = run = text; *p != '\0' && (max_chars < 0 || n < max_chars);)
    {
      guint len;
      CharKind kind;

      if (!space)
        {
          const char *end = clean_run_end (p, squeeze);

          if (end != p)
            {
              if (max_chars < 0)
                p = end;
              else
                for (; p < end && n < max_chars; n++)
                  p = g_utf8_next_char (p);
              continue;
            }
        }
      kind = char_kind (p, &len);

      if (kind == CHAR_KEEP || (kind == CHAR_WHITE && !squeeze))
        {
          if (space)
            {
              g_string_append_c (out, ' ');
              space = FALSE;
              run = p;
              if (max_chars >= 0 && ++n >= max_chars)
                break;
            }
          p += len;
          n++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      p += len;
      run = p;
      if (kind == CHAR_DROP)
        continue;
      if (squeeze)
        space = out->len > start; /* none at the start */
      else
        {
          g_string_append_c (out, kind == CHAR_BREAK && !one_line ? '\n' : ' ');
          n++;
        }
    }
  g_string_append_len (out, run, p - run);
}

char *
jt_text_clean (const char *text, JtTextFlags flags, glong max_chars)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  jt_text_append_clean (out, text, flags, max_chars);
  return g_string_free (out, FALSE);
}

char *
jt_text_clean_line (const char *text)
{
  return jt_text_clean (text, JT_TEXT_ONE_LINE, -1);
}

char *
jt_text_quote (const char *text, glong max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));
  glong n = 0;

  for (const char *c = valid; *c != '\0'; c = g_utf8_next_char (c), n++)
    {
      gunichar u = g_utf8_get_char (c);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      guint len;
      CharKind kind = char_kind (c, &len);

      /* What cleaning would turn or drop is written out, so that it shows. */
      if (kind == CHAR_KEEP || kind == CHAR_WHITE)
        g_string_append_unichar (out, u);
      else
        g_string_append_printf (out, u < 0x100 ? "\\x%02x" : "\\u%04x", u);
    }
  return g_string_free (out, FALSE);
}

char *
jt_text_app_label (const char *company, const char *role)
{
  if (role == NULL || *role == '\0')
    return g_strdup (company != NULL ? company : "");
  return g_strconcat (company != NULL ? company : "", ", ", role, NULL);
}
