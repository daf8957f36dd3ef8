/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-posting-fetch.c: job-posting pages fetched over HTTP(S) (jt-posting-fetch.h,
 * issue 16), from a real HTTP server.
 *
 * Each test starts libsoup's SoupServer on 127.0.0.1 (a free port) in a thread of its
 * own, with its own GMainContext: jt_posting_fetch is synchronous, so the server cannot
 * share the test's thread. The server's paths play what boards and broken servers do
 * (redirect chains and loops, error statuses, pages at and over the cap, a stall, a
 * trickle, PDFs, gzip); the TLS test makes a self-signed certificate with openssl. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "jt-error.h"
#include "jt-posting-fetch.h"
#include "jt-posting.h"

#define PAGE "<html><head><title>Site Reliability Engineer</title></head><body>Hi</body></html>"
/* A page that never ends stops here, should the fetch read on. */
#define ENDLESS_LIMIT ((gsize) 2 * 1024 * 1024 * 1024)

typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GMutex lock;
  GCond cond;
  gboolean ready;
  GError *error;
  char *cert_file; /* with key_file: an https listener too */
  char *key_file;
  char *base;     /* "http://127.0.0.1:PORT" */
  char *tls_base; /* "https://127.0.0.1:PORT", or NULL */
  char *accept;   /* the last request's Accept and User-Agent (under lock) */
  char *user_agent;
  gsize endless_sent; /* bytes of /endless written (under lock) */
} Server;

/* --- the server's pages --- */

static void
respond (SoupServerMessage *msg, guint status, const char *type, const char *body, gsize length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, length);
}

static void
handle_page (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  Server *s = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  g_mutex_lock (&s->lock);
  g_free (s->accept);
  g_free (s->user_agent);
  s->accept = g_strdup (soup_message_headers_get_one (request, "Accept"));
  s->user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));
  g_mutex_unlock (&s->lock);
  respond (msg, 200, "text/html; charset=utf-8", PAGE, strlen (PAGE));
}

/* /redirect/N/... : N more redirects, then the page; /loop/a and /loop/b forever. */
static void
handle_redirect (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  static const guint statuses[] = { 301, 302, 303, 307, 308 };
  const char *rest = path + strlen ("/redirect/");
  guint n = (guint) g_ascii_strtoull (rest, NULL, 10);
  g_autofree char *next = n <= 1 ? g_strdup ("/page") : g_strdup_printf ("/redirect/%u", n - 1);

  soup_server_message_set_redirect (msg, statuses[n % G_N_ELEMENTS (statuses)], next);
}

static void
handle_loop (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  soup_server_message_set_redirect (msg, 302,
                                    g_str_equal (path, "/loop/a") ? "/loop/b" : "/loop/a");
}

static void
handle_status (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
               gpointer user_data)
{
  guint status = (guint) g_ascii_strtoull (path + strlen ("/status/"), NULL, 10);
  const char *body = "<html><title>Oops</title></html>";

  /* The server's own reason phrase, which the error must not repeat. */
  soup_server_message_set_status (msg, status, "\x1b[31mEVIL\x1b[0m");
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
}

/* An HTML page of `size` bytes. */
static char *
page_of_size (gsize size)
{
  static const char head[] = "<html><head><title>Big</title></head><body>";
  char *data = g_malloc (size);

  g_assert_cmpuint (size, >, sizeof head);
  memcpy (data, head, sizeof head - 1);
  memset (data + sizeof head - 1, 'a', size - (sizeof head - 1));
  return data;
}

/* /size/N: N bytes with a Content-Length; /size/chunked/N: the same, chunked. */
static void
handle_size (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  gboolean chunked = g_str_has_prefix (path, "/size/chunked/");
  gsize size = (gsize) g_ascii_strtoull (strrchr (path, '/') + 1, NULL, 10);
  char *data = page_of_size (size);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, data, size);
  if (chunked)
    {
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_body_complete (soup_server_message_get_response_body (msg));
    }
}

static GBytes *
gzip (const char *data, gsize length)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr (GError) error = NULL;

  g_output_stream_write_all (out, data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* /gzip: the page gzip-encoded; /gzip/bomb: 6 MB of page in a few kilobytes. */
static void
handle_gzip (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  gsize size = JT_POSTING_MAX_PAGE + 1024 * 1024;
  g_autofree char *big = g_str_equal (path, "/gzip/bomb") ? page_of_size (size) : NULL;
  g_autoptr (GBytes) body = big != NULL ? gzip (big, size) : gzip (PAGE, strlen (PAGE));
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Encoding",
                                "gzip");
  respond (msg, 200, "text/html", data, length);
}

/* /type/TYPE...: a body in that media type; /type/none: no Content-Type at all;
 * /type/big-pdf: a PDF larger than the cap. */
static void
handle_type (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer user_data)
{
  const char *type = path + strlen ("/type/");

  if (g_str_equal (type, "none"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                                PAGE, strlen (PAGE));
    }
  else if (g_str_equal (type, "big-pdf"))
    {
      gsize size = 2 * JT_POSTING_MAX_PAGE;
      char *data = g_malloc0 (size);

      memcpy (data, "%PDF-1.7\n", 9);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_TAKE, data, size);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_body_complete (soup_server_message_get_response_body (msg));
    }
  else
    {
      g_autofree char *full = g_strdup (type);

      /* "application/xhtml+xml;charset=utf-8" is written with a "," for the ";". */
      g_strdelimit (full, ",", ';');
      respond (msg, 200, full, PAGE, strlen (PAGE));
    }
}

/* Headers and the start of the page, then nothing (/stall), or nothing at all
 * (/silent). The message stays open until the server stops. */
static void
handle_stall (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer user_data)
{
  if (g_str_equal (path, "/silent"))
    {
      soup_server_message_pause (msg);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/html", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "<html><head>", 12);
}

/* A page that never ends: every chunk written asks for the next. */
static void
endless_wrote_chunk (SoupServerMessage *msg, gpointer user_data)
{
  Server *s = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  static const char chunk[65536] = { 'a' };
  gsize sent;

  g_mutex_lock (&s->lock);
  sent = s->endless_sent += sizeof chunk;
  g_mutex_unlock (&s->lock);
  if (sent >= ENDLESS_LIMIT)
    soup_message_body_complete (body);
  else
    soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, sizeof chunk);
  soup_server_message_unpause (msg);
}

static void
handle_endless (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/html", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  /* What is written is let go of, as a server streaming a page would. */
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (endless_wrote_chunk), user_data);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "<html><body>", 12);
}

/* A page that comes a byte every 100 ms, so no read ever waits long enough to time
 * out (/trickle). It ends after 20 s, long past any deadline the test sets. */
typedef struct
{
  SoupServerMessage *msg;
  guint sent;
  gboolean gone; /* the client went away: the message may be freed */
} Trickle;

static void
trickle_gone (SoupServerMessage *msg, gpointer user_data)
{
  Trickle *t = user_data;

  t->gone = TRUE;
}

static gboolean
trickle_next (gpointer user_data)
{
  Trickle *t = user_data;
  SoupMessageBody *body;

  if (t->gone)
    return G_SOURCE_REMOVE;
  body = soup_server_message_get_response_body (t->msg);
  if (++t->sent >= 200)
    soup_message_body_complete (body);
  else
    soup_message_body_append (body, SOUP_MEMORY_STATIC, "a", 1);
  soup_server_message_unpause (t->msg);
  return t->sent >= 200 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
trickle_free (gpointer data)
{
  Trickle *t = data;

  if (!t->gone)
    g_signal_handlers_disconnect_by_data (t->msg, t);
  g_object_unref (t->msg);
  g_free (t);
}

static void
handle_trickle (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer user_data)
{
  Server *s = user_data;
  Trickle *t = g_new0 (Trickle, 1);
  g_autoptr (GSource) timer = g_timeout_source_new (100);

  t->msg = g_object_ref (msg);
  g_signal_connect (msg, "finished", G_CALLBACK (trickle_gone), t);
  g_signal_connect (msg, "disconnected", G_CALLBACK (trickle_gone), t);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/html", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "<html>", 6);
  g_source_set_callback (timer, trickle_next, t, trickle_free);
  g_source_attach (timer, s->context);
}

static void
handle_to_ftp (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
               gpointer user_data)
{
  soup_server_message_set_redirect (msg, 302, "ftp://127.0.0.1/posting.html");
}

/* From the https listener to the same page over plain http: never followed. */
static void
handle_to_plain (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  Server *s = user_data;
  g_autofree char *plain = g_strconcat (s->base, "/page", NULL);

  soup_server_message_set_redirect (msg, 302, plain);
}

/* --- the server's thread --- */

/* Listens on a free port of 127.0.0.1 (and no other address); `*base` says where. */
static gboolean
listen_on (SoupServer *server, SoupServerListenOptions options, char **base, GError **error)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GSocket) socket
      = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL || !g_socket_bind (socket, any_port, FALSE, error)
      || !g_socket_listen (socket, error))
    return FALSE;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL || !soup_server_listen_socket (server, socket, options, error))
    return FALSE;
  *base = g_strdup_printf ("%s://127.0.0.1:%u",
                           (options & SOUP_SERVER_LISTEN_HTTPS) != 0 ? "https" : "http",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;

  g_main_context_push_thread_default (s->context);
  if (s->cert_file != NULL)
    certificate = g_tls_certificate_new_from_files (s->cert_file, s->key_file, &error);
  if (error == NULL)
    {
      s->server = soup_server_new ("tls-certificate", certificate, NULL);
      soup_server_add_handler (s->server, "/page", handle_page, s, NULL);
      soup_server_add_handler (s->server, "/redirect", handle_redirect, s, NULL);
      soup_server_add_handler (s->server, "/loop", handle_loop, s, NULL);
      soup_server_add_handler (s->server, "/status", handle_status, s, NULL);
      soup_server_add_handler (s->server, "/size", handle_size, s, NULL);
      soup_server_add_handler (s->server, "/gzip", handle_gzip, s, NULL);
      soup_server_add_handler (s->server, "/type", handle_type, s, NULL);
      soup_server_add_handler (s->server, "/stall", handle_stall, s, NULL);
      soup_server_add_handler (s->server, "/silent", handle_stall, s, NULL);
      soup_server_add_handler (s->server, "/endless", handle_endless, s, NULL);
      soup_server_add_handler (s->server, "/to-ftp", handle_to_ftp, s, NULL);
      soup_server_add_handler (s->server, "/to-plain", handle_to_plain, s, NULL);
      soup_server_add_handler (s->server, "/trickle", handle_trickle, s, NULL);
      if (listen_on (s->server, 0, &s->base, &error) && certificate != NULL)
        listen_on (s->server, SOUP_SERVER_LISTEN_HTTPS, &s->tls_base, &error);
    }
  g_mutex_lock (&s->lock);
  s->error = g_steal_pointer (&error);
  s->ready = TRUE;
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);
  if (s->error == NULL)
    g_main_loop_run (s->loop);
  if (s->server != NULL)
    soup_server_disconnect (s->server);
  g_clear_object (&s->server);
  /* Whatever the disconnection left to do. */
  while (g_main_context_iteration (s->context, FALSE))
    ;
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

/* Starts a server (with an https listener when `cert_file` and `key_file` are given). */
static Server *
server_start (const char *cert_file, const char *key_file)
{
  Server *s = g_new0 (Server, 1);

  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  s->cert_file = g_strdup (cert_file);
  s->key_file = g_strdup (key_file);
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  s->thread = g_thread_new ("http-server", server_thread, s);
  g_mutex_lock (&s->lock);
  while (!s->ready)
    g_cond_wait (&s->cond, &s->lock);
  g_mutex_unlock (&s->lock);
  g_assert_no_error (s->error);
  return s;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *s)
{
  g_main_context_invoke (s->context, quit_loop, s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_clear_error (&s->error);
  g_free (s->cert_file);
  g_free (s->key_file);
  g_free (s->base);
  g_free (s->tls_base);
  g_free (s->accept);
  g_free (s->user_agent);
  g_free (s);
}

typedef struct
{
  Server *server;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->server = server_start (NULL, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  server_stop (f->server);
}

/* The page at PATH of the fixture's server. */
static JtPostingPage *
fetch_path (Fixture *f, const char *path, const JtPostingFetchOptions *options, GError **error)
{
  g_autofree char *url = g_strconcat (f->server->base, path, NULL);

  return jt_posting_fetch (url, options, error);
}

static void
assert_page_is (JtPostingPage *page, const char *data)
{
  gsize length = 0;
  const char *got = g_bytes_get_data (page->page, &length);

  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (memcmp (got, data, length) == 0);
}

/* --- tests --- */

static void
test_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/page", NULL, &error);
  g_autofree char *url = g_strconcat (f->server->base, "/page", NULL);
  g_autoptr (JtPosting) posting = NULL;

  g_assert_no_error (error);
  assert_page_is (page, PAGE);
  g_assert_cmpstr (page->url, ==, url);
  g_assert_cmpstr (page->content_type, ==, "text/html");
  /* What boards see of the request. */
  g_mutex_lock (&f->server->lock);
  g_assert_cmpstr (f->server->accept, ==, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
  g_assert_true (g_str_has_prefix (f->server->user_agent, "jobtrack/"));
  g_mutex_unlock (&f->server->lock);
  /* And the reader takes what came. */
  posting = jt_posting_read_html (g_bytes_get_data (page->page, NULL),
                                  g_bytes_get_size (page->page), page->url, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (posting->title, ==, "Site Reliability Engineer");
}

static void
test_redirects (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/redirect/3", NULL, &error);
  g_autofree char *url = g_strconcat (f->server->base, "/page", NULL);

  g_assert_no_error (error);
  assert_page_is (page, PAGE);
  g_assert_cmpstr (page->url, ==, url);
}

static void
test_redirects_too_many (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/redirect/6", NULL, &error);

  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (page);
  g_assert_nonnull (strstr (error->message, "redirected too often"));
}

static void
test_redirect_loop (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/loop/a", NULL, &error);

  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (page);
}

static void
test_redirect_to_ftp (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/to-ftp", NULL, &error);

  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "127.0.0.1 redirected to an address that is not a web page (http or https)");
}

static void
test_status (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *path;
    const char *message;
  } cases[] = {
    { "/status/404", "the server answered 404 Not Found" },
    { "/status/500", "the server answered 500 Internal Server Error" },
    { "/status/401", "the server answered 401 Unauthorized" },
    { "/status/403", "the server answered 403 Forbidden" },
    { "/status/599", "the server answered 599" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPostingPage) page = fetch_path (f, cases[i].path, NULL, &error);

      g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
      g_assert_null (page);
      /* libsoup's phrase, never the server's (an escape sequence here). */
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_size (Fixture *f, gconstpointer data)
{
  static const char *const formats[] = { "/size/%d", "/size/chunked/%d" };

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *exact = g_strdup_printf (formats[i], JT_POSTING_MAX_PAGE);
      g_autofree char *over = g_strdup_printf (formats[i], JT_POSTING_MAX_PAGE + 1);
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPostingPage) page = fetch_path (f, exact, NULL, &error);
      g_autoptr (JtPostingPage) too_large = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (page->page), ==, JT_POSTING_MAX_PAGE);
      too_large = fetch_path (f, over, NULL, &error);
      g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
      g_assert_null (too_large);
      g_assert_cmpstr (error->message, ==, "the page is larger than 5 MB");
    }
}

/* A page that never ends is refused once the cap is passed, and the fetch reads no
 * further: the server has written little more than the cap (what the sockets' buffers
 * hold) when it returns. */
static void
test_endless (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/endless", NULL, &error);
  gsize sent;

  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (page);
  g_assert_cmpstr (error->message, ==, "the page is larger than 5 MB");
  g_mutex_lock (&f->server->lock);
  sent = f->server->endless_sent;
  g_mutex_unlock (&f->server->lock);
  g_assert_cmpuint (sent, >, JT_POSTING_MAX_PAGE);
  g_test_message ("the server wrote %" G_GSIZE_FORMAT " bytes", sent);
  g_assert_cmpuint (sent, <, 8 * JT_POSTING_MAX_PAGE);
}

static void
test_stall (Fixture *f, gconstpointer data)
{
  static const char *const paths[] = { "/stall", "/silent" };
  JtPostingFetchOptions options = { .timeout = 1 };

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPostingPage) page = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      page = fetch_path (f, paths[i], &options, &error);
      took = g_get_monotonic_time () - start;
      g_assert_error (error, JT_ERROR, JT_ERROR_NETWORK);
      g_assert_null (page);
      g_assert_cmpstr (error->message, ==, "127.0.0.1 did not answer within 1 s");
      g_assert_cmpint (took, >=, G_USEC_PER_SEC / 2);
      g_assert_cmpint (took, <, 4 * G_USEC_PER_SEC);
    }
}

/* A server that keeps sending, a byte at a time, never trips the timeout of a read: the
 * deadline of the whole page stops it. */
static void
test_trickle (Fixture *f, gconstpointer data)
{
  JtPostingFetchOptions options = { .timeout = 5, .deadline = 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 took;

  page = fetch_path (f, "/trickle", &options, &error);
  took = g_get_monotonic_time () - start;
  g_assert_error (error, JT_ERROR, JT_ERROR_NETWORK);
  g_assert_null (page);
  g_assert_cmpstr (error->message, ==,
                   "127.0.0.1 sent its answer too slowly: not complete after 1 s");
  g_assert_cmpint (took, >=, G_USEC_PER_SEC);
  g_assert_cmpint (took, <, 4 * G_USEC_PER_SEC);
}

static void
test_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) socket
      = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (JtPostingPage) page = NULL;
  g_autofree char *url = NULL;

  /* A port just free: bound, then closed. */
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/page",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, &error);
  g_assert_no_error (error);

  page = jt_posting_fetch (url, NULL, &error);
  g_assert_error (error, JT_ERROR, JT_ERROR_NETWORK);
  g_assert_null (page);
  g_assert_true (g_str_has_prefix (error->message, "cannot reach 127.0.0.1: "));
}

static void
test_media_type (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *path;
    const char *type; /* what the page says, NULL for refused */
    const char *message;
  } cases[] = {
    { "/type/application/pdf", NULL, "not an HTML page: the server sent application/pdf" },
    { "/type/big-pdf", NULL, "not an HTML page: the server sent application/pdf" },
    { "/type/text/plain", NULL, "not an HTML page: the server sent text/plain" },
    { "/type/application/xhtml+xml,charset=utf-8", "application/xhtml+xml", NULL },
    { "/type/TEXT/HTML", "text/html", NULL },
    { "/type/none", NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPostingPage) page = fetch_path (f, cases[i].path, NULL, &error);

      if (cases[i].message != NULL)
        {
          g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
          g_assert_null (page);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          continue;
        }
      g_assert_no_error (error);
      assert_page_is (page, PAGE);
      g_assert_cmpstr (page->content_type, ==, cases[i].type);
    }
}

static void
test_gzip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page = fetch_path (f, "/gzip", NULL, &error);
  g_autoptr (JtPostingPage) bomb = NULL;

  g_assert_no_error (error);
  assert_page_is (page, PAGE);
  /* The cap counts what the page is, not what came over the wire. */
  bomb = fetch_path (f, "/gzip/bomb", NULL, &error);
  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (bomb);
  g_assert_cmpstr (error->message, ==, "the page is larger than 5 MB");
}

static void
test_not_web (void)
{
  static const struct
  {
    const char *url;
    const char *message;
  } cases[] = {
    { "ftp://example.com/job.html",
      "'ftp://example.com/job.html' is not a web address (http or https)" },
    { "not a url", "'not a url' is not a web address (http or https)" },
    { "example.com/jobs/1", "'example.com/jobs/1' is not a web address (http or https)" },
    { "http://", "'http://' is not a web address (http or https)" },
    { "file:///etc/passwd", "'file:///etc/passwd' is not a web address (http or https)" },
    { "http://\x1b[2J/", "'http://\\x1b[2J/' is not a web address (http or https)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPostingPage) page = jt_posting_fetch (cases[i].url, NULL, &error);

      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_null (page);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A ca_file that cannot be read is the person's mistake, said without CalDAV's words. */
static void
test_ca_file_unreadable (void)
{
  JtPostingFetchOptions options = { .ca_file = "/nonexistent/ca.pem" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPostingPage) page
      = jt_posting_fetch ("https://127.0.0.1/posting.html", &options, &error);

  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_null (page);
  g_assert_true (
      g_str_has_prefix (error->message, "cannot read certificates from /nonexistent/ca.pem: "));
}

/* A self-signed certificate for 127.0.0.1, made by openssl in `dir`. */
static gboolean
make_certificate (const char *dir, char **cert_file, char **key_file)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (openssl == NULL)
    return FALSE;
  *cert_file = g_build_filename (dir, "cert.pem", NULL);
  *key_file = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = { openssl,
                           "req",
                           "-x509",
                           "-newkey",
                           "ec",
                           "-pkeyopt",
                           "ec_paramgen_curve:prime256v1",
                           "-nodes",
                           "-subj",
                           "/CN=127.0.0.1",
                           "-addext",
                           "subjectAltName=IP:127.0.0.1",
                           "-days",
                           "2",
                           "-keyout",
                           *key_file,
                           "-out",
                           *cert_file,
                           NULL };

    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

/* A certificate no one vouches for is refused; named in ca_file, it is trusted. */
static void
test_tls (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-posting-fetch-XXXXXX", &error);
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *url = NULL;
  g_autoptr (JtPostingPage) refused = NULL;
  g_autoptr (JtPostingPage) page = NULL;
  g_autoptr (JtPostingPage) downgraded = NULL;
  g_autofree char *to_plain = NULL;
  JtPostingFetchOptions options = { 0 };
  Server *server;

  g_assert_no_error (error);
  if (!make_certificate (dir, &cert_file, &key_file))
    {
      g_test_skip ("needs openssl");
      g_rmdir (dir);
      return;
    }
  server = server_start (cert_file, key_file);
  url = g_strconcat (server->tls_base, "/page", NULL);

  refused = jt_posting_fetch (url, NULL, &error);
  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==,
                   "127.0.0.1: the certificate of the web server is not trusted");
  g_clear_error (&error);

  options.ca_file = cert_file;
  page = jt_posting_fetch (url, &options, &error);
  g_assert_no_error (error);
  assert_page_is (page, PAGE);
  g_assert_cmpstr (page->url, ==, url);

  /* A redirect from https to plain http is refused, though the page is there. */
  to_plain = g_strconcat (server->tls_base, "/to-plain", NULL);
  downgraded = jt_posting_fetch (to_plain, &options, &error);
  g_assert_error (error, JT_ERROR, JT_ERROR_SERVER);
  g_assert_null (downgraded);
  g_assert_cmpstr (error->message, ==, "127.0.0.1 redirected from https to plain http; refused");
  g_clear_error (&error);

  server_stop (server);
  g_unlink (cert_file);
  g_unlink (key_file);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn)                                                                              \
  g_test_add ("/posting-fetch/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("page", test_page);
  ADD ("redirects", test_redirects);
  ADD ("redirects-too-many", test_redirects_too_many);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("redirect-to-ftp", test_redirect_to_ftp);
  ADD ("status", test_status);
  ADD ("size", test_size);
  ADD ("endless", test_endless);
  ADD ("stall", test_stall);
  ADD ("trickle", test_trickle);
  ADD ("media-type", test_media_type);
  ADD ("gzip", test_gzip);
#undef ADD
  g_test_add_func ("/posting-fetch/refused", test_refused);
  g_test_add_func ("/posting-fetch/not-web", test_not_web);
  g_test_add_func ("/posting-fetch/ca-file-unreadable", test_ca_file_unreadable);
  g_test_add_func ("/posting-fetch/tls", test_tls);
  return g_test_run ();
}
