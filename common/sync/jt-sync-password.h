/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-password.h: the calendar server's password, from [caldav] password_cmd.
 *
 * The command is split as a shell would split it (g_shell_parse_argv) and run without a
 * shell, as vdirsyncer's `password.fetch` and aerc's `source-cred-cmd` run theirs: the
 * first line it prints on stdout is the password. It inherits stdin and stderr (a
 * password manager may ask something), and is stopped after a timeout. The password
 * never goes into another process's argv, a log or the database. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long the command may take by default, in seconds. */
#define JT_SYNC_PASSWORD_TIMEOUT 30

/* Runs `command` and returns the first line of its output: a new string the caller
 * wipes and frees with jt_sync_password_free. JT_ERROR_AUTH naming the command's first
 * word when it cannot run, fails, prints nothing or takes more than `timeout_seconds`;
 * JT_ERROR_INVALID when `command` cannot be split. */
char *jt_sync_password_from_command (const char *command, guint timeout_seconds, GError **error);

/* Overwrites `password` before freeing it; NULL is ignored. */
void jt_sync_password_free (char *password);

G_END_DECLS
