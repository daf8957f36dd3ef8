/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-i18n.c: binding the text domain. */
#include "jt-i18n.h"

#include "jt-version.h"

void
jt_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, JT_LOCALE_DIR);
  /* Records are UTF-8 and so is every terminal we print to. */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
