/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-fetch.c: a job-posting page fetched with the sync code's HTTP session (see
 * jt-posting-fetch.h); the errors worded for a person capturing a posting. */
#include "jt-posting-fetch.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-posting.h"
#include "jt-sync-http.h"
#include "jt-text.h"

#define ACCEPT "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
/* How much of a refused address or media type an error shows, in characters. */
#define MAX_SHOWN 200

static const char *const html_types[] = { "text/html", "application/xhtml+xml", NULL };

void
jt_posting_page_free (JtPostingPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->page, g_bytes_unref);
  g_free (page->url);
  g_free (page->content_type);
  g_free (page);
}

/* Whether `host` is a name a resolver could take: no white space or control character
 * (GUri lets them through). */
static gboolean
is_host (const char *host)
{
  if (host == NULL || *host == '\0' || !g_utf8_validate (host, -1, NULL))
    return FALSE;
  for (const char *p = host; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isgraph (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* `url` parsed, when it is an http or https address with a host. */
static GUri *
web_address (const char *url, GError **error)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (scheme == NULL || !is_host (g_uri_get_host (uri))
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_autofree char *shown = jt_text_quote (url, MAX_SHOWN);

      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   /* TRANSLATORS: what the person typed. */
                   _ ("'%s' is not a web address (http or https)"), shown);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

/* A failed send in a capturer's words. `host` is the one the person asked for; the sync
 * session's own message (in `local`) is used where it says nothing of CalDAV, cleaned,
 * since a redirect's host is the server's text. */
static void
set_fetch_error (JtSyncHttp *http, const char *host, GError *local, GError **error)
{
  g_autofree char *said = jt_text_clean (local->message, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, -1);
  g_autofree char *status = NULL;

  switch (jt_sync_http_failure (http))
    {
    case JT_SYNC_HTTP_FAILED_TLS:
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                   _ ("%s: the certificate of the web server is not trusted"), host);
      return;
    case JT_SYNC_HTTP_FAILED_TOO_LARGE:
      /* The reader's words for the same cap (jt-posting.c). */
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("the page is larger than %d MB"),
                   JT_POSTING_MAX_PAGE / (1024 * 1024));
      return;
    case JT_SYNC_HTTP_FAILED_LOGIN:
      status = jt_sync_http_status_text (401);
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("the server answered %s"), status);
      return;
    case JT_SYNC_HTTP_FAILED_URL:
      /* The address asked for was checked before: this one came from a redirect. */
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                   _ ("%s redirected to an address that is not a web page (http or https)"), host);
      return;
    case JT_SYNC_HTTP_FAILED_REDIRECT:
      g_set_error_literal (error, JT_ERROR, JT_ERROR_SERVER, said);
      return;
    case JT_SYNC_HTTP_FAILED_TIMEOUT:
    case JT_SYNC_HTTP_FAILED_UNREACHABLE:
    case JT_SYNC_HTTP_FAILED_NOTHING:
    default:
      g_set_error_literal (error, JT_ERROR, JT_ERROR_NETWORK, said);
      return;
    }
}

JtPostingPage *
jt_posting_fetch (const char *url, const JtPostingFetchOptions *options, GError **error)
{
  JtSyncHttpOptions http_options = { 0 };
  g_autoptr (GUri) uri = web_address (url, error);
  g_autoptr (JtSyncHttp) http = NULL;
  g_autoptr (JtSyncResponse) response = NULL;
  g_autoptr (GError) local = NULL;
  JtPostingPage *page;

  if (uri == NULL)
    return NULL;
  http_options.allow_http = TRUE;
  http_options.timeout
      = options != NULL && options->timeout != 0 ? options->timeout : JT_POSTING_FETCH_TIMEOUT;
  http_options.deadline
      = options != NULL && options->deadline != 0 ? options->deadline : JT_POSTING_FETCH_DEADLINE;
  http_options.ca_file = options != NULL ? options->ca_file : NULL;
  http_options.max_body = JT_POSTING_MAX_PAGE;
  http_options.accept = ACCEPT;
  http_options.media_types = html_types;
  http = jt_sync_http_new (&http_options, error);
  if (http == NULL)
    return NULL;
  response = jt_sync_http_send (http, "GET", uri, NULL, NULL, NULL, NULL, NULL, &local);
  if (response == NULL)
    {
      set_fetch_error (http, g_uri_get_host (uri), local, error);
      return NULL;
    }
  if (response->status < 200 || response->status >= 300)
    {
      g_autofree char *status = jt_sync_http_status_text (response->status);

      g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("the server answered %s"), status);
      return NULL;
    }
  if (response->content_type != NULL && !g_strv_contains (html_types, response->content_type))
    {
      g_autofree char *type
          = jt_text_clean (response->content_type, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, MAX_SHOWN);

      g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                   /* TRANSLATORS: a media type, such as application/pdf. */
                   _ ("not an HTML page: the server sent %s"), type);
      return NULL;
    }
  page = g_new0 (JtPostingPage, 1);
  page->page = g_steal_pointer (&response->body);
  page->url = g_uri_to_string (response->uri);
  page->content_type = g_steal_pointer (&response->content_type);
  return page;
}
