/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-setup.c: `jobtrack sync setup`: discovery (RFC 6764, RFC 4791 section 6),
 * choosing or creating the task list, and a probe of it. */
#include "jt-sync.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical.h"
#include "jt-records.h"
#include "jt-store-sync.h"
#include "jt-sync-account.h"

void
jt_sync_setup_free (JtSyncSetup *setup)
{
  if (setup == NULL)
    return;
  g_free (setup->principal);
  g_free (setup->home);
  g_clear_pointer (&setup->lists, g_ptr_array_unref);
  g_free (setup->chosen);
  g_free (setup);
}

static const JtDavName collection_props[] = {
  { JT_DAV_NS, "resourcetype" },
  { JT_DAV_NS, "displayname" },
  { JT_CALDAV_NS, "supported-calendar-component-set" },
  { JT_DAV_NS, "current-user-principal" },
};

static gboolean
is_task_list (const JtDavResponse *r)
{
  return jt_dav_response_is (r, JT_CALDAV_NS, "calendar") && jt_dav_response_takes (r, "VTODO");
}

/* The URL as the store keeps it, new. */
static char *
uri_text (GUri *uri)
{
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
}

/* The principal of `uri`, or NULL; when `uri` is itself a task list, that in *list. */
static GUri *
find_principal (JtSyncAccount *account, GUri *uri, GUri **list, GError **error)
{
  g_autoptr (JtDavMultistatus) ms = jt_sync_propfind (account, uri, "0", collection_props,
                                                      G_N_ELEMENTS (collection_props), error);
  const JtDavResponse *r;

  if (ms == NULL || jt_dav_multistatus_length (ms) == 0)
    return NULL;
  r = jt_dav_multistatus_get (ms, 0);
  if (is_task_list (r))
    *list = g_uri_ref (jt_dav_response_uri (r));
  return jt_dav_response_href (r, JT_DAV_NS, "current-user-principal");
}

/* A test task put and deleted: some servers accept MKCALENDAR and then refuse tasks. */
static gboolean
probe (JtSyncAccount *account, GUri *list, GError **error)
{
  const JtIcal *ical = jt_ical_load (error);
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autofree char *name = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JtSyncResponse) put = NULL;
  g_autoptr (JtSyncResponse) removed = NULL;
  char *text;

  if (ical == NULL)
    return FALSE;
  name = g_strdup_printf ("jt-probe-%08x%08x.ics", g_random_int (), g_random_int ());
  reminder->uid = g_strdup_printf ("%s@jobtrack", name);
  reminder->rule = JT_RULE_MANUAL;
  reminder->title = g_strdup (_ ("jobtrack checks that this task list takes tasks"));
  reminder->due_at = reminder->fire_at = reminder->text_updated_at
      = g_get_real_time () / G_USEC_PER_SEC;
  text = ical->todo_print (reminder);
  body = g_bytes_new_take (text, strlen (text));
  uri = g_uri_parse_relative (list, name, G_URI_FLAGS_ENCODED, error);
  if (uri == NULL)
    return FALSE;
  put = jt_sync_http_send (account->http, "PUT", uri, NULL, NULL, "*", body,
                           "text/calendar; charset=utf-8", error);
  if (put == NULL)
    return FALSE;
  if (put->status < 200 || put->status > 299)
    {
      jt_sync_set_status_error (error, uri, _ ("a test task"), put->status);
      return FALSE;
    }
  removed = jt_sync_http_send (account->http, "DELETE", uri, NULL, NULL, NULL, NULL, NULL, error);
  if (removed == NULL)
    return FALSE;
  if (removed->status < 200 || removed->status > 299)
    {
      jt_sync_set_status_error (error, uri, _ ("deleting a test task"), removed->status);
      return FALSE;
    }
  return TRUE;
}

/* Whether `r` is the list `wanted` names: its display name, or its URL. */
static gboolean
list_matches (const JtDavResponse *r, const char *wanted)
{
  g_autofree char *name = jt_dav_response_text (r, JT_DAV_NS, "displayname");
  g_autofree char *url = uri_text (jt_dav_response_uri (r));
  g_autofree char *wanted_key = NULL;
  g_autoptr (GUri) wanted_uri = g_uri_parse (wanted, G_URI_FLAGS_ENCODED, NULL);

  if (name != NULL && g_utf8_collate (name, wanted) == 0)
    return TRUE;
  if (wanted_uri == NULL)
    return FALSE;
  wanted_key = jt_dav_path_key (g_uri_get_path (wanted_uri));
  return g_str_equal (url, wanted) || g_str_equal (jt_dav_response_path (r), wanted_key);
}

/* A path segment for a new list: "jobtrack-follow-ups/". */
static char *
new_list_segment (const char *name)
{
  GString *segment = g_string_new (NULL);

  for (const char *c = name; *c != '\0'; c++)
    if (g_ascii_isalnum (*c))
      g_string_append_c (segment, g_ascii_tolower (*c));
    else if (segment->len > 0 && segment->str[segment->len - 1] != '-')
      g_string_append_c (segment, '-');
  while (segment->len > 0 && segment->str[segment->len - 1] == '-')
    g_string_truncate (segment, segment->len - 1);
  if (segment->len == 0)
    g_string_append (segment, "jobtrack");
  g_string_append_c (segment, '/');
  return g_string_free (segment, FALSE);
}

static GUri *
create_list (JtSyncAccount *account, GUri *home, const char *name, GError **error)
{
  g_autofree char *segment = new_list_segment (name);
  g_autoptr (GUri) uri = g_uri_parse_relative (home, segment, G_URI_FLAGS_ENCODED, error);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JtSyncResponse) response = NULL;

  if (uri == NULL)
    return NULL;
  body = jt_dav_mkcalendar_body (name);
  response = jt_sync_http_send (account->http, "MKCALENDAR", uri, NULL, NULL, NULL, body,
                                "application/xml; charset=utf-8", error);
  if (response == NULL)
    return NULL;
  if (response->status != 201 && response->status != 200)
    {
      jt_sync_set_status_error (error, uri, "MKCALENDAR", response->status);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

JtSyncSetup *
jt_sync_setup (JtStore *store, const JtConfig *config, JtSyncConfirm confirm, gpointer user_data,
               GError **error)
{
  g_autoptr (JtSyncAccount) account = jt_sync_account_open (config, error);
  g_autoptr (JtSyncSetup) setup = NULL;
  g_autoptr (GUri) list = NULL;
  g_autoptr (GUri) principal = NULL;
  g_autoptr (GUri) home = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  const char *wanted = config->caldav_collection;

  if (account == NULL)
    return NULL;
  setup = g_new0 (JtSyncSetup, 1);
  setup->lists = g_ptr_array_new_with_free_func (g_free);

  /* The URL may be the task list itself; else the principal is looked for at the
   * service's well-known URL (RFC 6764), then at the URL. */
  principal = find_principal (account, account->url, &list, &local);
  if (local != NULL && local->code != JT_ERROR_NOT_FOUND && local->code != JT_ERROR_SERVER)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_clear_error (&local);
  if (list == NULL)
    {
      g_autoptr (GUri) well_known
          = g_uri_parse_relative (account->url, "/.well-known/caldav", G_URI_FLAGS_ENCODED, NULL);
      g_autoptr (GUri) found = find_principal (account, well_known, &list, &local);

      g_clear_pointer (&list, g_uri_unref);
      if (local != NULL && local->code == JT_ERROR_AUTH)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (found != NULL)
        {
          g_clear_pointer (&principal, g_uri_unref);
          principal = g_steal_pointer (&found);
        }
    }
  if (principal != NULL)
    setup->principal = uri_text (principal);
  if (list == NULL)
    {
      static const JtDavName home_props[] = { { JT_CALDAV_NS, "calendar-home-set" } };
      g_autoptr (JtDavMultistatus) ms = NULL;
      g_autoptr (JtDavMultistatus) lists = NULL;

      if (principal == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                       _ ("%s names no CalDAV principal: is [caldav] url a CalDAV server?"),
                       config->caldav_url);
          return NULL;
        }
      ms = jt_sync_propfind (account, principal, "0", home_props, 1, error);
      if (ms == NULL)
        return NULL;
      if (jt_dav_multistatus_length (ms) > 0)
        home = jt_dav_response_href (jt_dav_multistatus_get (ms, 0), JT_CALDAV_NS,
                                     "calendar-home-set");
      if (home == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                       _ ("%s names no calendar home (calendar-home-set)"), setup->principal);
          return NULL;
        }
      setup->home = uri_text (home);
      lists = jt_sync_propfind (account, home, "1", collection_props,
                                G_N_ELEMENTS (collection_props), error);
      if (lists == NULL)
        return NULL;
      g_clear_pointer (&list, g_uri_unref);
      for (guint i = 0; i < jt_dav_multistatus_length (lists); i++)
        {
          const JtDavResponse *r = jt_dav_multistatus_get (lists, i);
          g_autofree char *name = NULL;
          g_autofree char *url = NULL;

          if (!is_task_list (r))
            continue;
          name = jt_dav_response_text (r, JT_DAV_NS, "displayname");
          url = uri_text (jt_dav_response_uri (r));
          g_ptr_array_add (setup->lists,
                           g_strdup_printf ("%s <%s>", name != NULL ? name : "", url));
          if (list == NULL && list_matches (r, wanted))
            list = g_uri_ref (jt_dav_response_uri (r));
        }
      if (list == NULL)
        {
          if (confirm != NULL && !confirm (wanted, user_data))
            {
              g_set_error (error, JT_ERROR, JT_ERROR_CANCELLED,
                           _ ("no task list '%s' on the server, and none was created"), wanted);
              return NULL;
            }
          list = create_list (account, home, wanted, error);
          if (list == NULL)
            return NULL;
          setup->created = TRUE;
        }
    }
  if (!probe (account, list, error))
    return NULL;
  setup->chosen = uri_text (list);
  txn = jt_store_begin_write (store, error);
  if (txn == NULL || !jt_store_sync_set_collection (store, setup->chosen, error)
      || !jt_transaction_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&setup);
}
