/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-http.h: the HTTP side of CalDAV sync, libsoup's: one session per sync, with
 * the login, TLS and the limits that keep a bad server from doing harm.
 *
 * TLS certificates are checked against the system's and `ca_file`; plain http:// goes
 * only to this machine unless `allow_http`. Redirects are followed by hand, five at
 * most, never from https to http and never to another host with the password. An
 * answer's body is read up to JT_SYNC_HTTP_MAX_BODY. The login is sent with every
 * request (Basic) when a user name is set, so a change costs no 401 round trip; a
 * server that still answers 401 is asked once more by libsoup's own authentication,
 * then refused with one error. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JT_SYNC_HTTP_MAX_BODY (64 * 1024 * 1024)
#define JT_SYNC_HTTP_MAX_REDIRECTS 5
#define JT_SYNC_HTTP_TIMEOUT 30

typedef struct
{
  const char *username; /* NULL or "" for none */
  const char *password; /* borrowed; NULL for none */
  const char *ca_file;  /* NULL or "" for the system's certificates only */
  gboolean allow_http;  /* http:// to other machines */
  guint timeout;        /* seconds; 0 for JT_SYNC_HTTP_TIMEOUT */
} JtSyncHttpOptions;

typedef struct _JtSyncHttp JtSyncHttp;

typedef struct
{
  guint status;
  char *etag;     /* the ETag header, or NULL */
  GBytes *body;   /* never NULL */
  GUri *uri;      /* where the answer came from, after redirects */
  char *location; /* a 201's Location, or NULL */
} JtSyncResponse;

void jt_sync_response_free (JtSyncResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncResponse, jt_sync_response_free)

/* A new session (free with jt_sync_http_free); the options are copied. NULL with
 * JT_ERROR_INVALID when `ca_file` cannot be read. */
JtSyncHttp *jt_sync_http_new (const JtSyncHttpOptions *options, GError **error);
void jt_sync_http_free (JtSyncHttp *http);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncHttp, jt_sync_http_free)

/* Whether a request may go to `uri`: http or https, and http only to this machine or
 * with allow_http. FALSE with JT_ERROR_INVALID saying why. */
gboolean jt_sync_http_check_uri (JtSyncHttp *http, GUri *uri, GError **error);

/* Sends one request and reads its answer, whatever its status. `depth`, `if_match`,
 * `if_none_match` and `body` may be NULL. JT_ERROR_NETWORK when the server cannot be
 * reached or answers too slowly, JT_ERROR_SERVER for a certificate not trusted, too many
 * redirects or an answer too large, JT_ERROR_AUTH for a login refused. */
JtSyncResponse *jt_sync_http_send (JtSyncHttp *http, const char *method, GUri *uri,
                                   const char *depth, const char *if_match,
                                   const char *if_none_match, GBytes *body,
                                   const char *content_type, GError **error);

/* How many requests this session has sent (each redirect and retry counts). */
guint jt_sync_http_requests (JtSyncHttp *http);

G_END_DECLS
