/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-http.c: requests through libsoup, with the limits of jt-sync-http.h. */
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
  guint requests;
};

void
jt_sync_response_free (JtSyncResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->etag);
  g_free (response->location);
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
                       _ ("[caldav] ca_file: cannot read certificates from %s: %s"),
                       options->ca_file, local->message);
          return NULL;
        }
    }
  http = g_new0 (JtSyncHttp, 1);
  http->session = soup_session_new_with_options (
      "timeout", options->timeout != 0 ? options->timeout : JT_SYNC_HTTP_TIMEOUT, "idle-timeout",
      60, "user-agent", "jobtrack/" JT_VERSION, "max-conns-per-host", 2, NULL);
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
  jt_sync_password_free (http->password);
  jt_sync_password_free (http->basic);
  g_free (http);
}

guint
jt_sync_http_requests (JtSyncHttp *http)
{
  return http->requests;
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
set_send_error (GError **error, GUri *uri, GError *local)
{
  g_autofree char *host = g_strdup (g_uri_get_host (uri));

  /* Not the server's answer (setup would look elsewhere for one): no connection. */
  if (local->domain == G_TLS_ERROR)
    g_set_error (error, JT_ERROR, JT_ERROR_NETWORK,
                 _ ("the certificate of %s is not trusted (%s); for a self-signed server, name "
                    "its certificate in [caldav] ca_file"),
                 host, local->message);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, JT_ERROR, JT_ERROR_NETWORK, _ ("%s did not answer in time"), host);
  else
    g_set_error (error, JT_ERROR, JT_ERROR_NETWORK, _ ("cannot reach %s: %s"), host,
                 local->message);
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

/* The whole body, up to the limit. */
static GBytes *
read_body (GInputStream *stream, GUri *uri, GError **error)
{
  g_autoptr (GByteArray) body = g_byte_array_new ();
  guint8 buffer[16384];

  for (;;)
    {
      g_autoptr (GError) local = NULL;
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &local);

      if (n < 0)
        {
          set_send_error (error, uri, local);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize) n > JT_SYNC_HTTP_MAX_BODY)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("%s sent an answer larger than %d MiB"),
                       g_uri_get_host (uri), JT_SYNC_HTTP_MAX_BODY / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
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

  for (guint redirects = 0;; redirects++)
    {
      g_autoptr (SoupMessage) message = NULL;
      g_autoptr (GInputStream) stream = NULL;
      g_autoptr (GError) local = NULL;
      g_autoptr (GBytes) answer = NULL;
      SoupMessageHeaders *headers;
      SoupMessageHeaders *response_headers;
      JtSyncResponse *response;
      guint status;

      if (!jt_sync_http_check_uri (http, current, error))
        return NULL;
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
      if (body != NULL)
        soup_message_set_request_body_from_bytes (message, content_type, body);
      g_signal_connect (message, "authenticate", G_CALLBACK (authenticate), http);
      http->requests++;
      stream = soup_session_send (http->session, message, NULL, &local);
      if (stream == NULL)
        {
          set_send_error (error, current, local);
          return NULL;
        }
      answer = read_body (stream, current, error);
      if (answer == NULL)
        return NULL;
      status = soup_message_get_status (message);
      response_headers = soup_message_get_response_headers (message);
      if (SOUP_STATUS_IS_REDIRECTION (status) && status != 304)
        {
          const char *location = soup_message_headers_get_one (response_headers, "Location");
          g_autoptr (GUri) next = NULL;

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
          g_clear_pointer (&current, g_uri_unref);
          current = g_steal_pointer (&next);
          continue;
        }
      if (status == SOUP_STATUS_UNAUTHORIZED)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_AUTH,
                       _ ("%s refused the login (401): check [caldav] username and the "
                          "password"),
                       g_uri_get_host (current));
          return NULL;
        }
      response = g_new0 (JtSyncResponse, 1);
      response->status = status;
      response->etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
      response->location = g_strdup (soup_message_headers_get_one (response_headers, "Location"));
      response->body = g_steal_pointer (&answer);
      response->uri = g_steal_pointer (&current);
      return response;
    }
}
