/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-http.h: jobtrack's HTTP, libsoup's: one session per sync (and per fetched
 * job-posting page, common/capture/jt-posting-fetch.c), with the login, TLS and the
 * limits that keep a bad server from doing harm.
 *
 * TLS certificates are checked against the system's and `ca_file`; plain http:// goes
 * only to this machine unless `allow_http`. Redirects are followed by hand, five at
 * most, never from https to http and never to another host with the password. An
 * answer's body is read up to `max_body` (JT_SYNC_HTTP_MAX_BODY unless set): one that
 * says it is longer is refused before it is read, one that turns out longer as soon as
 * the cap is passed. Compressed answers (gzip, deflate) are decoded by libsoup, and the
 * cap counts the decoded bytes. A body still coming `deadline` seconds after the request
 * was sent is refused (checked at each read, so within one `timeout` of it); headers
 * are bounded by `timeout` alone. Every request says User-Agent jobtrack/VERSION. The
 * login is sent with every request (Basic) when a user name is set, so a change costs
 * no 401 round trip; a server that still answers 401 is asked once more by libsoup's own
 * authentication, then refused with one error. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JT_SYNC_HTTP_MAX_BODY (64 * 1024 * 1024)
#define JT_SYNC_HTTP_MAX_REDIRECTS 5
#define JT_SYNC_HTTP_TIMEOUT 30
/* Seconds for a whole answer, redirects included: a server that sends a byte now and
 * then never trips `timeout`, so this bounds it (a 64 MiB body still has 220 KiB/s). */
#define JT_SYNC_HTTP_DEADLINE 300

typedef struct
{
  const char *username; /* NULL or "" for none */
  const char *password; /* borrowed; NULL for none */
  const char *ca_file;  /* NULL or "" for the system's certificates only */
  gboolean allow_http;  /* http:// to other machines */
  guint timeout;        /* seconds without a byte from the server; 0 for JT_SYNC_HTTP_TIMEOUT */
  guint deadline;       /* seconds for the whole answer; 0 for JT_SYNC_HTTP_DEADLINE */
  gsize max_body;       /* bytes of an answer's body (decoded); 0 for JT_SYNC_HTTP_MAX_BODY */
  const char *accept;   /* the Accept header of every request; NULL for none */
  /* The media types (lower case) a 2xx answer is wanted in; NULL for any. The body of a
   * 2xx answer whose Content-Type names another type is not read: the response has an
   * empty body and the type in `content_type`, for the caller to refuse. An answer
   * without a Content-Type is read. */
  const char *const *media_types;
} JtSyncHttpOptions;

/* What made the last jt_sync_http_send fail, for a caller that words the error in its
 * own terms (the error's code and message are set all the same). */
typedef enum
{
  JT_SYNC_HTTP_FAILED_NOTHING,     /* the last send did not fail */
  JT_SYNC_HTTP_FAILED_URL,         /* a URL not allowed (jt_sync_http_check_uri) */
  JT_SYNC_HTTP_FAILED_UNREACHABLE, /* no connection: name not found, refused, reset, cut off */
  JT_SYNC_HTTP_FAILED_TIMEOUT,     /* nothing came within the timeout, or all not by the deadline */
  JT_SYNC_HTTP_FAILED_TLS,         /* the certificate is not trusted, or TLS failed */
  JT_SYNC_HTTP_FAILED_REDIRECT,    /* too many redirects, to nowhere, or https to http */
  JT_SYNC_HTTP_FAILED_TOO_LARGE,   /* a body larger than max_body */
  JT_SYNC_HTTP_FAILED_LOGIN,       /* 401 after the login was tried */
} JtSyncHttpFailure;

typedef struct _JtSyncHttp JtSyncHttp;

typedef struct
{
  guint status;
  char *etag;         /* the ETag header, or NULL */
  GBytes *body;       /* never NULL */
  GUri *uri;          /* where the answer came from, after redirects */
  char *location;     /* a 201's Location, or NULL */
  char *content_type; /* the Content-Type's media type, lower case, no parameters; or NULL */
} JtSyncResponse;

void jt_sync_response_free (JtSyncResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncResponse, jt_sync_response_free)

/* A new session (free with jt_sync_http_free); the options are copied. NULL with
 * JT_ERROR_INVALID when `ca_file` cannot be read ("cannot read certificates from …"). */
JtSyncHttp *jt_sync_http_new (const JtSyncHttpOptions *options, GError **error);
void jt_sync_http_free (JtSyncHttp *http);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncHttp, jt_sync_http_free)

/* Whether a request may go to `uri`: http or https, and http only to this machine or
 * with allow_http. FALSE with JT_ERROR_INVALID saying why. */
gboolean jt_sync_http_check_uri (JtSyncHttp *http, GUri *uri, GError **error);

/* Sends one request and reads its answer, whatever its status. `depth`, `if_match`,
 * `if_none_match` and `body` may be NULL. JT_ERROR_INVALID for a URL not allowed (the
 * one given or a redirect's), JT_ERROR_NETWORK when the server cannot be reached,
 * answers too slowly or has a certificate not trusted (not the server's answer: setup
 * must not take it for one), JT_ERROR_SERVER for too many redirects or an answer too
 * large, JT_ERROR_AUTH for a login refused; jt_sync_http_failure then says which. */
JtSyncResponse *jt_sync_http_send (JtSyncHttp *http, const char *method, GUri *uri,
                                   const char *depth, const char *if_match,
                                   const char *if_none_match, GBytes *body,
                                   const char *content_type, GError **error);

/* Why the last jt_sync_http_send of `http` failed (JT_SYNC_HTTP_FAILED_NOTHING when it
 * did not). */
JtSyncHttpFailure jt_sync_http_failure (JtSyncHttp *http);

/* How many requests this session has sent (each redirect and retry counts). */
guint jt_sync_http_requests (JtSyncHttp *http);

/* An HTTP status for people: "404 Not Found", with libsoup's standard phrase (never the
 * server's words), or the number alone for a status libsoup does not know. New string. */
char *jt_sync_http_status_text (guint status);

G_END_DECLS
