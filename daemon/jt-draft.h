/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-draft.h: opening a letter reminder's draft from its notification ("Draft").
 *
 * With the person's email address known, the draft goes to the default mail client as a
 * mailto: URI (subject and body filled in); without one, it is written to
 * $XDG_CACHE_HOME/jobtrack/drafts/reminder-ID.txt and opened in the default text editor.
 * Both through g_app_info_launch_default_for_uri (). */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

/* Opens the draft of reminder `id` as of `now`, dates written in `tz`. A reminder that is no letter
 * is JT_ERROR_INVALID; no handler for the URI is JT_ERROR_FAILED naming it. `opened`
 * (may be NULL) receives the URI launched, new. */
gboolean jt_draft_open (JtStore *store, gint64 id, GTimeZone *tz, gint64 now, char **opened,
                        GError **error);

G_END_DECLS
