/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-display-width.h: how many terminal columns text takes.
 *
 * Tables and bars line up by what a terminal shows, not by bytes or characters: an East
 * Asian wide or fullwidth character, and an emoji shown as one, takes two columns
 * (g_unichar_iswide); a combining mark, a variation selector, a zero-width joiner or
 * space takes none (g_unichar_iszerowidth); everything else one. Text is valid UTF-8
 * (cleaned first: jt-text.h), so no control characters are left to count. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns `text` takes on a terminal. 0 for NULL. */
glong jt_display_width (const char *text);

/* The longest start of `text` that takes at most `columns` columns, never splitting a
 * character from the marks that follow it; its width in `width` (may be NULL). New
 * string. */
char *jt_display_cut (const char *text, glong columns, glong *width);

/* `text` cut to at most `columns` columns, ending in "…" when it had to be cut; its width
 * in `width` (may be NULL). `columns` below 1 gives "…". New string. */
char *jt_display_fit (const char *text, glong columns, glong *width);

/* Appends `text` to `out` and then spaces up to `columns` columns. */
void jt_display_pad (GString *out, const char *text, glong columns);

G_END_DECLS
