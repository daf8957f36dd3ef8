/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-text.h: untrusted text made fit to store, print and pass on.
 *
 * Text from records, invitations and files may hold anything: invalid UTF-8, terminal
 * escapes, line breaks where one line is expected, bidi controls that make a name print
 * as another. One rule set for all of it, so that no output is laxer than another:
 * - invalid UTF-8 is replaced (U+FFFD);
 * - a line break (CRLF, CR, LF, U+2028, U+2029) is "\n", or a space with
 *   JT_TEXT_ONE_LINE;
 * - every other control character (C0 with tab, DEL, C1) is a space;
 * - bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) are dropped;
 * - with JT_TEXT_SQUEEZE, runs of white space are one space and none is left at either
 *   end (for names and one-line labels);
 * - a maximum length is counted in characters and cuts on a character boundary.
 * Text with none of these is left byte for byte as it is. Markup is text: kept. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JT_TEXT_LINES = 0,         /* line breaks kept, as "\n" */
  JT_TEXT_ONE_LINE = 1 << 0, /* line breaks become spaces */
  JT_TEXT_SQUEEZE = 1 << 1,  /* white space runs as one space, trimmed */
} JtTextFlags;

/* Appends `text` cleaned to `out`, at most `max_chars` characters of it (-1: all).
 * NULL appends nothing. */
void jt_text_append_clean (GString *out, const char *text, JtTextFlags flags, glong max_chars);

/* `text` cleaned, at most `max_chars` characters (-1: all). NULL for NULL. New string. */
char *jt_text_clean (const char *text, JtTextFlags flags, glong max_chars);

/* `text` cleaned for one line of output: line breaks and controls as spaces, bidi
 * controls dropped (no squeezing, no cut). NULL for NULL. New string. */
char *jt_text_clean_line (const char *text);

/* `text` as an error message quotes what the person gave: valid UTF-8, control
 * characters written as \xNN and bidi controls and line separators as \uNNNN (nothing in
 * it can drive the terminal or reorder the line), and cut with "…"
 * after `max_chars` characters (-1: never). Unlike cleaning, nothing is dropped, so the
 * person sees what was refused. New string. */
char *jt_text_quote (const char *text, glong max_chars);

/* How an application is named in one line: "Globex, SRE", or "Globex" when the role
 * is empty or NULL. Not cleaned. New string. */
char *jt_text_app_label (const char *company, const char *role);

G_END_DECLS
