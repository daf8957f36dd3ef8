/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-text.h: the text of a posting made plain and safe, for jt-posting.c and
 * jt-posting-ld.c (internal to common/capture/). HTML is parsed by libxml2 alone. */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* The options every HTML parse here uses: forgiving, silent, never fetching anything. */
#define JT_POSTING_HTML_OPTIONS                                                                    \
  (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

/* The HTML `html` (UTF-8, `length` bytes; -1: up to its NUL) as plain text, as
 * jt-posting.h describes a description's, at most `max_chars` characters. When the text
 * of the first pass still holds HTML tags (the page escaped its markup: "&lt;p&gt;"),
 * that text is parsed once more. NULL when nothing is left. New string. */
char *jt_posting_text_from_html (const char *html, gssize length, glong max_chars);

/* `text` with its HTML character references decoded ("AT&amp;T" → "AT&T") by libxml2;
 * markup in it stays text. New string; NULL for NULL. */
char *jt_posting_text_decode_entities (const char *text);

/* `text` cleaned for one line (jt-text.h: controls as spaces, white space squeezed,
 * bidi controls dropped), at most `max_chars` characters; NULL when empty or NULL. New
 * string. */
char *jt_posting_text_line (const char *text, glong max_chars);

/* The text of `node` and what it holds, <script>, <style> and <template> left out, as
 * the parser decoded it (no layout). New string. */
char *jt_posting_text_content (xmlNode *node);

G_END_DECLS
