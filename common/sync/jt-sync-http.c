/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-http.c: requests through libsoup, with the limits of jt-sync-http.h (CalDAV
 * sync's, and the job-posting fetch's). */
#include "jt-sync-http.h"

#include <libsoup/soup.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-sync-password.h"
#include "jt-text.h"
#include "jt-version.h"

struct _JtSyncHttp
{
  SoupSession *session;
  char *username;
  char *password;
  char *basic; /* "Basic …", or NULL */
  gboolean allow_http;
  guint timeout;
  guint deadline;
  gsize max_body;
  char *accept;
  char **media_types; /* NULL for any */
  JtSyncHttpFailure failure;
  guint requests;
};

void
jt_sync_response_free (JtSyncResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->etag);
  g_free (response->location);
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->uri, g_uri_unref);
  g_free (response);
}

JtSyncHttp *
jt_sync_http_new (const JtSyncHttpOptions *options, GError **error)
{
  g_autoptr (GTlsDatabase) database = NULL;
  g_autoptr (GError) local = NULL;
  JtSyncHttp *http;

  if (options->ca_file != NULL && *options->ca_file != '\0')
    {
      database = g_tls_file_database_new (options->ca_file, &local);
      if (database == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("cannot read certificates from %s: %s"), options->ca_file,
                       local->message);
          return NULL;
        }
    }
  http = g_new0 (JtSyncHttp, 1);
  http->timeout = options->timeout != 0 ? options->timeout : JT_SYNC_HTTP_TIMEOUT;
  http->deadline = options->deadline != 0 ? options->deadline : JT_SYNC_HTTP_DEADLINE;
  http->max_body = options->max_body != 0 ? options->max_body : JT_SYNC_HTTP_MAX_BODY;
  http->accept = g_strdup (options->accept);
  http->media_types = g_strdupv ((char **) options->media_types);
  /* libsoup's session has its content decoder (gzip, deflate) by default. */
  http->session
      = soup_session_new_with_options ("timeout", http->timeout, "idle-timeout", 60, "user-agent",
                                       "jobtrack/" JT_VERSION, "max-conns-per-host", 2, NULL);
  if (database != NULL)
    soup_session_set_tls_database (http->session, database);
  http->username = g_strdup (options->username != NULL ? options->username : "");
  http->password = g_strdup (options->password != NULL ? options->password : "");
  http->allow_http = options->allow_http;
  if (*http->username != '\0')
    {
      g_autofree char *pair = g_strconcat (http->username, ":", http->password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      http->basic = g_strconcat ("Basic ", encoded, NULL);
      explicit_bzero (pair, strlen (pair));
    }
  return http;
}

void
jt_sync_http_free (JtSyncHttp *http)
{
  if (http == NULL)
    return;
  g_clear_object (&http->session);
  g_free (http->username);
  g_free (http->accept);
  g_strfreev (http->media_types);
  jt_sync_password_free (http->password);
  jt_sync_password_free (http->basic);
  g_free (http);
}

guint
jt_sync_http_requests (JtSyncHttp *http)
{
  return http->requests;
}

JtSyncHttpFailure
jt_sync_http_failure (JtSyncHttp *http)
{
  return http->failure;
}

char *
jt_sync_http_status_text (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  /* libsoup's phrase for a status it does not know. */
  if (phrase == NULL || strcmp (phrase, "Unknown Error") == 0)
    return g_strdup_printf ("%u", status);
  return g_strdup_printf ("%u %s", status, phrase);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
jt_sync_http_check_uri (JtSyncHttp *http, GUri *uri, GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);
  g_autofree char *shown = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);

  if (host == NULL || scheme == NULL
      || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s is not an http:// or https:// URL"),
                   shown);
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !http->allow_http && !is_loopback (host))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s is plain http to another machine: use https, or set [caldav] "
                      "allow_http = true"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

/* A libsoup, TLS or network failure as one line. */
static void
set_send_error (JtSyncHttp *http, GError **error, GUri *uri, GError *local)
{
  g_autofree char *host = g_strdup (g_uri_get_host (uri));

  /* Not the server's answer (setup would look elsewhere for one): no connection. */
  if (local->domain == G_TLS_ERROR)
    {
      http->failure = JT_SYNC_HTTP_FAILED_TLS;
      g_set_error (error, JT_ERROR, JT_ERROR_NETWORK,
                   _ ("the certificate of %s is not trusted (%s); for a self-signed server, name "
                      "its certificate in [caldav] ca_file"),
                   host, local->message);
    }
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      http->failure = JT_SYNC_HTTP_FAILED_TIMEOUT;
      g_set_error (error, JT_ERROR, JT_ERROR_NETWORK, _ ("%s did not answer within %u s"), host,
                   http->timeout);
    }
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      /* libsoup's "Connection terminated unexpectedly": the server was reached and cut
       * its answer short, so "cannot reach" would send the person to check the URL. */
      http->failure = JT_SYNC_HTTP_FAILED_UNREACHABLE;
      g_set_error (error, JT_ERROR, JT_ERROR_NETWORK,
                   _ ("%s closed the connection before its answer was complete; try again later"),
                   host);
    }
  else
    {
      http->failure = JT_SYNC_HTTP_FAILED_UNREACHABLE;
      g_set_error (error, JT_ERROR, JT_ERROR_NETWORK, _ ("cannot reach %s: %s"), host,
                   local->message);
    }
}

/* libsoup's own authentication, once: after a refusal of what it sent, none again. */
static gboolean
authenticate (SoupMessage *message, SoupAuth *auth, gboolean retrying, gpointer user_data)
{
  JtSyncHttp *http = user_data;

  if (retrying || *http->username == '\0')
    return FALSE;
  soup_auth_authenticate (auth, http->username, http->password);
  return TRUE;
}

static void
set_too_large (JtSyncHttp *http, GError **error, GUri *uri)
{
  const gsize mib = 1024 * 1024;
  g_autofree char *size = http->max_body % mib == 0
                              ? g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", http->max_body / mib)
                              : g_format_size_full (http->max_body, G_FORMAT_SIZE_IEC_UNITS);

  http->failure = JT_SYNC_HTTP_FAILED_TOO_LARGE;
  g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("%s sent an answer larger than %s"),
               g_uri_get_host (uri), size);
}

/* Whether the answer's body is one the caller wants read (options' media_types). */
static gboolean
wanted_type (JtSyncHttp *http, guint status, const char *content_type)
{
  if (http->media_types == NULL || !SOUP_STATUS_IS_SUCCESSFUL (status) || content_type == NULL)
    return TRUE;
  return g_strv_contains ((const char *const *) http->media_types, content_type);
}

/* The whole body, up to the limit: refused unread when its Content-Length is over it,
 * and at the first read that passes it otherwise (a decoded or chunked body). A body
 * still coming at `deadline` (monotonic time) is refused at the read that passes it. */
static GBytes *
read_body (JtSyncHttp *http, SoupMessage *message, GInputStream *stream, GCancellable *cancellable,
           GUri *uri, gint64 deadline, GError **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr (GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
      && soup_message_headers_get_content_length (headers) > (goffset) http->max_body)
    {
      set_too_large (http, error, uri);
      return NULL;
    }
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, &local);

      if (n < 0)
        {
          set_send_error (http, error, uri, local);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > http->max_body)
        {
          set_too_large (http, error, uri);
          return NULL;
        }
      if (g_get_monotonic_time () > deadline)
        {
          http->failure = JT_SYNC_HTTP_FAILED_TIMEOUT;
          g_set_error (error, JT_ERROR, JT_ERROR_NETWORK,
                       _ ("%s sent its answer too slowly: not complete after %u s"),
                       g_uri_get_host (uri), http->deadline);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* Lets go of an answer whose body is not read to its end: cancelled first, so that
 * closing its stream cannot read the rest (libsoup 3.2 drops the connection by itself,
 * but its API does not promise it). */
static void
abandon (GCancellable *cancellable, GInputStream *stream)
{
  g_cancellable_cancel (cancellable);
  g_input_stream_close (stream, cancellable, NULL);
}

static gboolean
same_origin (GUri *a, GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0
         && g_uri_get_port (a) == g_uri_get_port (b);
}

JtSyncResponse *
jt_sync_http_send (JtSyncHttp *http, const char *method, GUri *uri, const char *depth,
                   const char *if_match, const char *if_none_match, GBytes *body,
                   const char *content_type, GError **error)
{
  g_autoptr (GUri) current = g_uri_ref (uri);
  gint64 deadline = g_get_monotonic_time () + (gint64) http->deadline * G_USEC_PER_SEC;

  http->failure = JT_SYNC_HTTP_FAILED_NOTHING;
  for (guint redirects = 0;; redirects++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (SoupMessage) message = NULL;
      g_autoptr (GInputStream) stream = NULL;
      g_autoptr (GError) local = NULL;
      g_autoptr (GBytes) answer = NULL;
      g_autofree char *media_type = NULL;
      SoupMessageHeaders *headers;
      SoupMessageHeaders *response_headers;
      JtSyncResponse *response;
      guint status;

      if (!jt_sync_http_check_uri (http, current, error))
        {
          http->failure = JT_SYNC_HTTP_FAILED_URL;
          return NULL;
        }
      message = soup_message_new_from_uri (method, current);
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      headers = soup_message_get_request_headers (message);
      /* The login goes only where the configured server is. */
      if (http->basic != NULL && same_origin (current, uri))
        soup_message_headers_replace (headers, "Authorization", http->basic);
      if (depth != NULL)
        soup_message_headers_replace (headers, "Depth", depth);
      if (if_match != NULL)
        soup_message_headers_replace (headers, "If-Match", if_match);
      if (if_none_match != NULL)
        soup_message_headers_replace (headers, "If-None-Match", if_none_match);
      if (http->accept != NULL)
        soup_message_headers_replace (headers, "Accept", http->accept);
      if (body != NULL)
        soup_message_set_request_body_from_bytes (message, content_type, body);
      /* Nor does libsoup's own answer to a 401 from another host a redirect led to. */
      if (same_origin (current, uri))
        g_signal_connect (message, "authenticate", G_CALLBACK (authenticate), http);
      http->requests++;
      stream = soup_session_send (http->session, message, cancellable, &local);
      if (stream == NULL)
        {
          set_send_error (http, error, current, local);
          return NULL;
        }
      status = soup_message_get_status (message);
      response_headers = soup_message_get_response_headers (message);
      /* libsoup keeps a Content-Type only when it reads as "type/subtype". */
      if (soup_message_headers_get_content_type (response_headers, NULL) != NULL)
        media_type
            = g_ascii_strdown (soup_message_headers_get_content_type (response_headers, NULL), -1);
      if (!wanted_type (http, status, media_type))
        {
          abandon (cancellable, stream);
          answer = g_bytes_new (NULL, 0);
        }
      else
        {
          answer = read_body (http, message, stream, cancellable, current, deadline, error);
          if (answer == NULL)
            {
              abandon (cancellable, stream);
              return NULL;
            }
        }
      if (SOUP_STATUS_IS_REDIRECTION (status) && status != 304)
        {
          const char *location = soup_message_headers_get_one (response_headers, "Location");
          g_autoptr (GUri) next = NULL;

          http->failure = JT_SYNC_HTTP_FAILED_REDIRECT;
          if (location == NULL)
            {
              g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                           _ ("%s redirected without saying where"), g_uri_get_host (current));
              return NULL;
            }
          next = g_uri_parse_relative (current, location, G_URI_FLAGS_ENCODED, NULL);
          if (next == NULL || redirects + 1 > JT_SYNC_HTTP_MAX_REDIRECTS)
            {
              g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                           _ ("%s redirected too often, or to no URL"), g_uri_get_host (current));
              return NULL;
            }
          if (g_ascii_strcasecmp (g_uri_get_scheme (current), "https") == 0
              && g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
            {
              g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                           _ ("%s redirected from https to plain http; refused"),
                           g_uri_get_host (current));
              return NULL;
            }
          http->failure = JT_SYNC_HTTP_FAILED_NOTHING;
          g_clear_pointer (&current, g_uri_unref);
          current = g_steal_pointer (&next);
          continue;
        }
      if (status == SOUP_STATUS_UNAUTHORIZED)
        {
          http->failure = JT_SYNC_HTTP_FAILED_LOGIN;
          g_set_error (error, JT_ERROR, JT_ERROR_AUTH,
                       _ ("%s refused the login (401): check [caldav] username and the "
                          "password ([caldav] password_cmd, or 'jobtrack sync login')"),
                       g_uri_get_host (current));
          return NULL;
        }
      response = g_new0 (JtSyncResponse, 1);
      response->status = status;
      response->etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
      response->location = g_strdup (soup_message_headers_get_one (response_headers, "Location"));
      response->content_type = g_steal_pointer (&media_type);
      response->body = g_steal_pointer (&answer);
      response->uri = g_steal_pointer (&current);
      return response;
    }
}
