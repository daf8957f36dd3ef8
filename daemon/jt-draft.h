/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-draft.h: opening a letter reminder's draft from its notification ("Draft").
 *
 * With the person's email address known, the draft goes to the default mail client as a
 * mailto: URI (subject and body filled in); without one, it is written to
 * $XDG_CACHE_HOME/jobtrack/drafts/reminder-ID.txt and opened in the default text editor.
 * Both through g_app_info_launch_default_for_uri (). */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Opens the draft of reminder `id` as of `now`, dates written in `tz`, signed as `config`'s
 * [user] says (may be NULL: "[your name]"). A reminder that is no letter
 * is JT_ERROR_INVALID; no program taking the URI is JT_ERROR_FAILED ("No mail program took
 * the draft: REASON", translated: the daemon shows it). `opened`
 * (may be NULL) receives the URI launched, new. */
gboolean jt_draft_open (JtStore *store, gint64 id, const JtConfig *config, GTimeZone *tz,
                        gint64 now, char **opened, GError **error);

/* The command that prints the draft of reminder `id` in a terminal, for when it cannot
 * be opened: "jobtrack letter thanks --reminder 12", with "--db PATH" (shell-quoted)
 * unless `db_path` is the database jobtrack uses by default. NULL when the reminder is
 * gone or no letter. New string. */
char *jt_draft_print_command (JtStore *store, gint64 id, const char *db_path);

G_END_DECLS
