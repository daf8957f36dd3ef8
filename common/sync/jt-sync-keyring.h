/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-keyring.h: the calendar server's password kept in the Secret Service (GNOME
 * Keyring, KWallet, KeePassXC: whatever the session runs), through libsecret. `jobtrack
 * sync login` stores it once; the sync looks it up when [caldav] password_cmd is not
 * set. It is keyed by the server (scheme, host and port of [caldav] url) and the user
 * name, so two accounts on one server, or one user on two servers, are kept apart. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stores `password` for `url` and `username`, replacing one stored before.
 * JT_ERROR_FAILED in one line when no Secret Service answers or it refuses (a locked
 * keyring whose unlock was cancelled). */
gboolean jt_sync_keyring_store (const char *url, const char *username, const char *password,
                                GError **error);

/* The password stored for `url` and `username`: TRUE with *password a new string (wipe
 * and free it with jt_sync_password_free), or NULL when none is stored. FALSE with
 * JT_ERROR_FAILED when the Secret Service cannot be asked. */
gboolean jt_sync_keyring_lookup (const char *url, const char *username, char **password,
                                 GError **error);

/* Removes the password stored for `url` and `username`; *removed says whether there
 * was one. */
gboolean jt_sync_keyring_clear (const char *url, const char *username, gboolean *removed,
                                GError **error);

G_END_DECLS
