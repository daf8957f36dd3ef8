/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-fetch.h: a job-posting page fetched over HTTP(S) for `jobtrack capture URL`
 * (issue 16), to be read by jt_posting_read_html (jt-posting.h).
 *
 * The request goes through the sync code's HTTP session (common/sync/jt-sync-http.h,
 * libsoup), so it has the same TLS checks and limits: certificates checked against the
 * system's (or `ca_file`), redirects followed by hand, five at most, never from https to
 * plain http; nothing for `timeout` seconds is a failure, and so is a page not complete
 * after `deadline` seconds (a server sending a byte now and then). Unlike a CalDAV server, a
 * posting may be on plain http:// anywhere (nothing secret is sent). The request is a GET
 * asking for HTML, then XHTML (q=0.9), then anything (q=0.1), gzip or deflate encoded
 * or not (decoded before the cap is counted). The page is at most JT_POSTING_MAX_PAGE bytes:
 * one that says it is larger is refused unread, one that turns out larger as soon as
 * the cap is passed. A page of another media type than text/html or
 * application/xhtml+xml is refused without reading it; a page without a Content-Type is
 * kept (the reader decides). Errors name the status with libsoup's standard phrase and
 * never carry the server's own words. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JT_POSTING_FETCH_TIMEOUT 30  /* seconds */
#define JT_POSTING_FETCH_DEADLINE 60 /* seconds for the whole page: 5 MB at 85 KB/s */

typedef struct
{
  guint timeout;       /* seconds; 0: JT_POSTING_FETCH_TIMEOUT */
  guint deadline;      /* seconds; 0: JT_POSTING_FETCH_DEADLINE */
  const char *ca_file; /* NULL: the system's certificates */
} JtPostingFetchOptions;

typedef struct
{
  GBytes *page;       /* the body, at most JT_POSTING_MAX_PAGE bytes */
  char *url;          /* where it came from, after redirects */
  char *content_type; /* the media type the server said, without parameters, or NULL */
} JtPostingPage;

void jt_posting_page_free (JtPostingPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtPostingPage, jt_posting_page_free)

/* Fetches `url` (GET). options may be NULL. A new JtPostingPage (free with
 * jt_posting_page_free; `url` as GUri writes it, `content_type` lower case, both the
 * server's text: clean them before showing), or NULL with one line in the user's words:
 * JT_ERROR_INVALID: not an http(s) URL ("'ftp://…' is not a web address (http or
 *   https)"), or a `ca_file` that cannot be read;
 * JT_ERROR_NETWORK: cannot connect, name not found, timed out ("… did not answer within
 *   30 s");
 * JT_ERROR_SERVER: an HTTP error status ("the server answered 404 Not Found"), too many
 *   redirects or a loop, an untrusted certificate, a page over 5 MB ("the page is larger
 *   than 5 MB"), a media type that is not HTML/XHTML ("not an HTML page: the server sent
 *   application/pdf"). */
JtPostingPage *jt_posting_fetch (const char *url, const JtPostingFetchOptions *options,
                                 GError **error);

G_END_DECLS
