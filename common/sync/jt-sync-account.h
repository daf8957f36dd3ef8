/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-account.h: what setup and sync share: the server of [caldav], logged in, and
 * the PROPFIND both ask. */
#pragma once

#include "jt-config.h"
#include "jt-sync-dav.h"
#include "jt-sync-http.h"

G_BEGIN_DECLS

typedef struct
{
  JtSyncHttp *http;
  GUri *url; /* [caldav] url */
} JtSyncAccount;

/* Opens the account of `config`: JT_ERROR_INVALID when [caldav] url is not set, the
 * password command's error when it fails. Free with jt_sync_account_free. */
JtSyncAccount *jt_sync_account_open (const JtConfig *config, GError **error);
void jt_sync_account_free (JtSyncAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncAccount, jt_sync_account_free)

/* PROPFIND of `props` at `uri`; the multistatus, new. NULL with JT_ERROR_NOT_FOUND for a
 * 404 or 410, JT_ERROR_NETWORK for a 5xx, JT_ERROR_SERVER for any other answer. */
JtDavMultistatus *jt_sync_propfind (JtSyncAccount *account, GUri *uri, const char *depth,
                                    const JtDavName *props, guint n_props, GError **error);

/* One error for an answer `status` to `what` at `uri`: JT_ERROR_NETWORK for a 5xx,
 * JT_ERROR_NOT_FOUND for 404 and 410, else JT_ERROR_SERVER. */
void jt_sync_set_status_error (GError **error, GUri *uri, const char *what, guint status);

G_END_DECLS
