/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-keyring.c: the server's password in the Secret Service, by libsecret. */
#include "jt-sync-keyring.h"

#include <libsecret/secret.h>

#include "jt-error.h"
#include "jt-i18n.h"

/* One schema for every server: what the password is for, as the keyring app shows. */
static const SecretSchema *
caldav_schema (void)
{
  static const SecretSchema schema = {
    "org.jobtrack.CalDAV",
    SECRET_SCHEMA_NONE,
    {
        { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
    0,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
  };

  return &schema;
}

/* "https://dav.example.org:8443": the server of `url`, without its path, so that moving
 * the task list on the server keeps the login. New string, or NULL. */
static char *
server_of (const char *url, GError **error)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, error);

  if (uri == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), "", NULL, NULL);
}

/* libsecret's error as one of ours, saying that it was the Secret Service. */
static void
set_keyring_error (GError **error, GError *cause)
{
  g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
               _ ("the Secret Service (the desktop's keyring) cannot be used: %s"), cause->message);
}

gboolean
jt_sync_keyring_store (const char *url, const char *username, const char *password, GError **error)
{
  g_autofree char *server = server_of (url, error);
  g_autofree char *label = NULL;
  g_autoptr (GError) local_error = NULL;

  if (server == NULL)
    return FALSE;
  /* TRANSLATORS: how the keyring app lists the password: a user name, a server. */
  label = g_strdup_printf (_ ("jobtrack: %s on %s"), username, server);
  if (!secret_password_store_sync (caldav_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   NULL, &local_error, "server", server, "user", username, NULL))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
jt_sync_keyring_lookup (const char *url, const char *username, char **password, GError **error)
{
  g_autofree char *server = server_of (url, error);
  g_autoptr (GError) local_error = NULL;
  char *found;

  *password = NULL;
  if (server == NULL)
    return FALSE;
  found = secret_password_lookup_sync (caldav_schema (), NULL, &local_error, "server", server,
                                       "user", username, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  /* A copy in GLib's memory, so that the caller wipes and frees it as every password;
   * libsecret's own is wiped by secret_password_free. */
  if (found != NULL)
    {
      *password = g_strdup (found);
      secret_password_free (found);
    }
  return TRUE;
}

gboolean
jt_sync_keyring_clear (const char *url, const char *username, gboolean *removed, GError **error)
{
  g_autofree char *server = server_of (url, error);
  g_autoptr (GError) local_error = NULL;

  *removed = FALSE;
  if (server == NULL)
    return FALSE;
  *removed = secret_password_clear_sync (caldav_schema (), NULL, &local_error, "server", server,
                                         "user", username, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
