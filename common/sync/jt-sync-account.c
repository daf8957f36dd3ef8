/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-account.c: the [caldav] server, logged in. */
#include "jt-sync-account.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-sync-keyring.h"
#include "jt-sync-password.h"

JtSyncAccount *
jt_sync_account_open (const JtConfig *config, GError **error)
{
  g_autoptr (JtSyncAccount) account = g_new0 (JtSyncAccount, 1);
  char *password = NULL;
  JtSyncHttpOptions options = { 0 };

  if (*config->caldav_url == '\0')
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("no calendar server is set: name it in [caldav] url of the config file "
                      "(see jobtrack.conf(5))"));
      return NULL;
    }
  account->url = g_uri_parse (config->caldav_url, G_URI_FLAGS_ENCODED, error);
  if (account->url == NULL)
    return NULL;
  if (*config->caldav_password_cmd != '\0')
    {
      password = jt_sync_password_from_command (config->caldav_password_cmd,
                                                JT_SYNC_PASSWORD_TIMEOUT, error);
      if (password == NULL)
        return NULL;
    }
  else if (*config->caldav_username != '\0')
    {
      g_autoptr (GError) keyring_error = NULL;

      /* The password `sync login` stored. A session without a Secret Service is not an
       * error here: a server that wants a password says so (401), and that line names
       * both ways of giving one. */
      if (!jt_sync_keyring_lookup (config->caldav_url, config->caldav_username, &password,
                                   &keyring_error))
        g_debug ("sync: no password from the Secret Service: %s", keyring_error->message);
    }
  options.username = config->caldav_username;
  options.password = password;
  options.ca_file = config->caldav_ca_file;
  options.allow_http = config->caldav_allow_http;
  account->http = jt_sync_http_new (&options, error);
  jt_sync_password_free (password);
  if (account->http == NULL)
    {
      g_prefix_error (error, "[caldav] ca_file: ");
      return NULL;
    }
  if (!jt_sync_http_check_uri (account->http, account->url, error))
    return NULL;
  return g_steal_pointer (&account);
}

void
jt_sync_account_free (JtSyncAccount *account)
{
  if (account == NULL)
    return;
  g_clear_pointer (&account->http, jt_sync_http_free);
  g_clear_pointer (&account->url, g_uri_unref);
  g_free (account);
}

void
jt_sync_set_status_error (GError **error, GUri *uri, const char *what, guint status)
{
  g_autofree char *shown = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);

  if (status >= 500)
    g_set_error (error, JT_ERROR, JT_ERROR_NETWORK,
                 /* TRANSLATORS: a URL, what was asked (PROPFIND, PUT, ...), an HTTP status. */
                 _ ("%s failed to answer %s (%u); try again later"), shown, what, status);
  else if (status == 404 || status == 410)
    g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("%s is gone (%s answered %u)"), shown,
                 what, status);
  else
    g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("%s refused %s (%u)"), shown, what, status);
}

JtDavMultistatus *
jt_sync_propfind (JtSyncAccount *account, GUri *uri, const char *depth, const JtDavName *props,
                  guint n_props, GError **error)
{
  g_autoptr (GBytes) body = jt_dav_propfind_body (props, n_props);
  g_autoptr (JtSyncResponse) response
      = jt_sync_http_send (account->http, "PROPFIND", uri, depth, NULL, NULL, body,
                           "application/xml; charset=utf-8", error);

  if (response == NULL)
    return NULL;
  if (response->status != 207)
    {
      jt_sync_set_status_error (error, uri, "PROPFIND", response->status);
      return NULL;
    }
  return jt_dav_multistatus_parse (response->body, response->uri, error);
}
