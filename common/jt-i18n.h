/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-i18n.h: every string shown to a person goes through _() (or N_() where it is
 * translated later, g_dngettext (GETTEXT_PACKAGE, …) where it counts: plain ngettext()
 * would look in the default domain), all looked up in jobtrack's own text
 * domain, so the static libraries and the iCalendar module translate alike.
 * jt_i18n_init() binds the domain; each program's main() calls it once. */
#pragma once

#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* Binds jobtrack's text domain to LOCALEDIR, with UTF-8 output whatever the locale. */
void jt_i18n_init (void);

G_END_DECLS
