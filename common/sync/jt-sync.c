/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync.c: one sync: pull the person's acts from the server, then push what differs
 * from what was last pushed (see jt-sync.h). */
#include "jt-sync.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical.h"
#include "jt-reminder-actions.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"
#include "jt-store-sync.h"
#include "jt-sync-account.h"

/* Hrefs asked for in one calendar-multiget, and PUTs recorded in one transaction. */
#define MULTIGET_BATCH 100
#define SAVE_BATCH 64

typedef struct
{
  JtStore *store;
  const JtConfig *config;
  const JtIcal *ical;
  JtTodoZone zone; /* the person's zone and call hour, for the phone's times */
  JtSyncAccount *account;
  GUri *collection;
  gint64 now;
  GHashTable *items;     /* uid -> JtSyncItem*, owned */
  GHashTable *by_path;   /* unescaped path -> JtSyncItem*, borrowed */
  GHashTable *reminders; /* uid -> JtReminder*, owned, rendered */
  GPtrArray *dirty;      /* JtSyncItem* to record, borrowed */
  JtSyncReport *report;
  GError *refused; /* the first follow-up the server would not take, or NULL */
  guint n_refused;
} Sync;

/* A sync at `now`, in the person's zone `tz`. */
static void
sync_init (Sync *s, JtStore *store, const JtConfig *config, GTimeZone *tz, gint64 now)
{
  s->store = store;
  s->config = config;
  s->zone.tz = tz;
  s->zone.day_hour = config->call_hour;
  s->zone.day_minute = config->call_minute;
  s->now = now;
}

/* A task's text read, its times as the person means them; NULL when it is none. */
static JtTodo *
read_todo (Sync *s, const char *data, gsize length)
{
  return s->ical->todo_read (data, length, &s->zone, NULL);
}

/* ---- Local state ---------------------------------------------------------------- */

static gboolean
collect_reminder (JtReminder *reminder, gpointer user_data, GError **error)
{
  g_hash_table_replace (user_data, reminder->uid, reminder);
  return TRUE;
}

static gboolean
read_reminders (Sync *s, GError **error)
{
  GHashTableIter iter;
  gpointer value;

  s->reminders
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) jt_reminder_free);
  if (!jt_store_reminder_foreach (s->store, TRUE, collect_reminder, s->reminders, error))
    return FALSE;
  g_hash_table_iter_init (&iter, s->reminders);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    jt_reminder_text_render (value, s->config);
  return TRUE;
}

/* Re-reads one follow-up after an act changed it. */
static JtReminder *
reread (Sync *s, const JtReminder *reminder, GError **error)
{
  JtReminder *fresh = jt_store_reminder_get (s->store, reminder->id, error);

  if (fresh == NULL)
    return NULL;
  jt_reminder_text_render (fresh, s->config);
  g_hash_table_replace (s->reminders, fresh->uid, fresh);
  return fresh;
}

static gboolean
is_open (const JtReminder *reminder)
{
  return reminder->state == JT_REMINDER_PENDING || reminder->state == JT_REMINDER_SNOOZED;
}

/* "jt-" and 32 hex digits of the uid's digest: a safe name for any uid. New string. */
static char *
resource_name (const char *uid)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);

  return g_strdup_printf ("jt-%.32s.ics", digest);
}

static GUri *
item_uri (Sync *s, const JtSyncItem *item)
{
  return g_uri_parse_relative (s->collection, item->href, G_URI_FLAGS_ENCODED, NULL);
}

static void
index_item (Sync *s, JtSyncItem *item)
{
  g_autofree char *key = jt_dav_path_key (item->href);

  g_hash_table_replace (s->by_path, g_steal_pointer (&key), item);
}

static void
mark_dirty (Sync *s, JtSyncItem *item)
{
  if (!g_ptr_array_find (s->dirty, item, NULL))
    g_ptr_array_add (s->dirty, item);
}

/* A follow-up about to be put on the server for the first time, recorded before its PUT
 * is sent: should the answer be lost (a crash, a connection cut after the server took
 * it), the next sync knows to look for it there, and a follow-up closed meanwhile is
 * closed on the phone too rather than left ringing. */
static JtSyncItem *
new_item (Sync *s, const char *uid)
{
  g_autofree char *name = resource_name (uid);
  JtSyncItem *item = jt_sync_item_new ();

  item->uid = g_strdup (uid);
  item->href = g_strconcat (g_uri_get_path (s->collection), name, NULL);
  g_hash_table_replace (s->items, item->uid, item);
  index_item (s, item);
  mark_dirty (s, item);
  return item;
}

/* Whether the server was never seen to hold the item: recorded before its first PUT,
 * and no answer to that PUT or listing of it since. */
static gboolean
is_unconfirmed (const JtSyncItem *item)
{
  return item->pushed_ics == NULL && item->etag == NULL;
}

/* Records the items changed so far, in one transaction. */
static gboolean
save_dirty (Sync *s, GError **error)
{
  g_autoptr (JtTransaction) txn = NULL;

  if (s->dirty->len == 0)
    return TRUE;
  txn = jt_store_begin_write (s->store, error);
  if (txn == NULL)
    return FALSE;
  for (guint i = 0; i < s->dirty->len; i++)
    if (!jt_store_sync_save_item (s->store, g_ptr_array_index (s->dirty, i), s->now, error))
      return FALSE;
  if (!jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  g_ptr_array_set_size (s->dirty, 0);
  return TRUE;
}

/* Records `text` (taken) as what the server holds of `item`, at `revision`: no PUT of
 * it is waiting any more. */
static void
set_pushed (Sync *s, JtSyncItem *item, char *text, int revision)
{
  g_free (item->pushed_hash);
  item->pushed_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_free (item->pushed_ics);
  item->pushed_ics = text;
  item->pushed_revision = revision;
  g_clear_pointer (&item->pending_ics, g_free);
  item->pending_revision = 0;
  mark_dirty (s, item);
}

/* ---- Pull ----------------------------------------------------------------------- */

/* Whether the server's copy is what jobtrack would put there now: then it is a PUT of
 * jobtrack's whose answer was lost (the connection dropped after the server took it,
 * libsoup sent it again and met a 412; or a kill before its ETag was recorded), not a
 * person's act. It is adopted as pushed, so that nothing is snoozed or "reworded back"
 * that nobody touched, and nothing is put there again. */
static gboolean
adopt_if_ours (Sync *s, JtSyncItem *item, const JtReminder *reminder, const JtTodo *server)
{
  g_autofree char *text = s->ical->todo_print (reminder);
  g_autoptr (JtTodo) ours = read_todo (s, text, strlen (text));

  if (ours == NULL || !jt_todo_equal (server, ours))
    return FALSE;
  set_pushed (s, item, g_steal_pointer (&text), reminder->revision);
  return TRUE;
}

/* Whether the server's copy is the text of a PUT whose answer was never recorded (lost
 * with its connection, or a crash): jobtrack's own, even when the follow-up has changed
 * here since, which the push then sends. */
static gboolean
adopt_if_pending (Sync *s, JtSyncItem *item, const JtTodo *server)
{
  g_autoptr (JtTodo) pending = NULL;

  if (item->pending_ics == NULL)
    return FALSE;
  pending = read_todo (s, item->pending_ics, strlen (item->pending_ics));
  if (pending == NULL || !jt_todo_equal (server, pending))
    return FALSE;
  set_pushed (s, item, g_steal_pointer (&item->pending_ics), item->pending_revision);
  return TRUE;
}

/* What the server's copy says a person did, applied here: a person's act wins over
 * jobtrack's own changes; wording and due time are jobtrack's otherwise. */
static gboolean
apply_server_copy (Sync *s, JtSyncItem *item, const JtTodo *server, GError **error)
{
  JtReminder *reminder = g_hash_table_lookup (s->reminders, item->uid);
  g_autoptr (JtTodo) pushed = NULL;
  g_autoptr (JtTodo) sent = NULL;

  if (item->pushed_ics != NULL)
    pushed = read_todo (s, item->pushed_ics, strlen (item->pushed_ics));
  if (pushed != NULL && jt_todo_equal (server, pushed))
    return TRUE;
  if (adopt_if_pending (s, item, server)
      || (reminder != NULL && adopt_if_ours (s, item, reminder, server)))
    return TRUE;
  /* A PUT whose answer was lost and a change on the phone since: the due time it sent
   * is jobtrack's, not the phone's. */
  if (item->pending_ics != NULL)
    sent = read_todo (s, item->pending_ics, strlen (item->pending_ics));
  /* Anything else on the server is put back as jobtrack words it. */
  g_clear_pointer (&item->pushed_hash, g_free);
  mark_dirty (s, item);
  if (reminder == NULL || !is_open (reminder))
    return TRUE;
  if (server->status == JT_TODO_COMPLETED)
    {
      if (!jt_reminder_mark_done (s->store, reminder->id, reminder->title, s->now, NULL, error))
        return FALSE;
      s->report->done_here++;
    }
  else if (server->status == JT_TODO_CANCELLED)
    {
      if (!jt_reminder_dismiss (s->store, reminder->id, s->now, NULL, error))
        return FALSE;
      s->report->dismissed_here++;
    }
  else if (pushed != NULL && server->due != 0 && server->due != pushed->due && server->due > s->now
           && (sent == NULL || server->due != sent->due))
    {
      if (!jt_reminder_snooze (s->store, reminder->id, server->due, s->now, NULL, error))
        return FALSE;
      s->report->snoozed_here++;
    }
  else
    {
      /* An earlier text of jobtrack's own, put there by a PUT whose answer was lost. */
      if (pushed != NULL)
        s->report->restored++;
      return TRUE;
    }
  return reread (s, reminder, error) != NULL;
}

/* A resource of jobtrack's deleted on the server: dismissed here, forgotten there. */
static gboolean
apply_deleted (Sync *s, JtSyncItem *item, GError **error)
{
  JtReminder *reminder = g_hash_table_lookup (s->reminders, item->uid);
  g_autoptr (JtTransaction) txn = NULL;

  if (reminder != NULL && is_open (reminder))
    {
      if (!jt_reminder_dismiss (s->store, reminder->id, s->now, NULL, error)
          || reread (s, reminder, error) == NULL)
        return FALSE;
      s->report->dismissed_here++;
    }
  txn = jt_store_begin_write (s->store, error);
  if (txn == NULL || !jt_store_sync_delete_item (s->store, item->uid, error)
      || !jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  g_ptr_array_remove (s->dirty, item);
  g_hash_table_remove (s->items, item->uid);
  return TRUE;
}

/* The server's copies of `paths` (JtSyncItem* each), read and applied. */
static gboolean
fetch_and_apply (Sync *s, GPtrArray *changed, GError **error)
{
  for (guint start = 0; start < changed->len; start += MULTIGET_BATCH)
    {
      guint n = MIN (MULTIGET_BATCH, changed->len - start);
      g_autoptr (GPtrArray) hrefs = g_ptr_array_new ();
      g_autoptr (GBytes) body = NULL;
      g_autoptr (JtSyncResponse) response = NULL;
      g_autoptr (JtDavMultistatus) ms = NULL;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (hrefs, ((JtSyncItem *) g_ptr_array_index (changed, start + i))->href);
      body = jt_dav_multiget_body ((const char *const *) hrefs->pdata, hrefs->len);
      response = jt_sync_http_send (s->account->http, "REPORT", s->collection, "1", NULL, NULL,
                                    body, "application/xml; charset=utf-8", error);
      if (response == NULL)
        return FALSE;
      if (response->status != 207)
        {
          jt_sync_set_status_error (error, s->collection, "calendar-multiget", response->status);
          return FALSE;
        }
      ms = jt_dav_multistatus_parse (response->body, response->uri, error);
      if (ms == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          JtSyncItem *item = g_ptr_array_index (changed, start + i);
          g_autofree char *key = jt_dav_path_key (item->href);
          const JtDavResponse *r = jt_dav_multistatus_find (ms, key);
          g_autofree char *data = NULL;
          g_autofree char *etag = NULL;
          g_autoptr (JtTodo) server = NULL;

          if (r == NULL || (data = jt_dav_response_text (r, JT_CALDAV_NS, "calendar-data")) == NULL)
            continue;
          server = read_todo (s, data, strlen (data));
          /* Not a task of this follow-up: someone else's resource, never touched. */
          if (server == NULL || g_strcmp0 (server->uid, item->uid) != 0)
            continue;
          etag = jt_dav_response_text (r, JT_DAV_NS, "getetag");
          g_free (item->etag);
          item->etag = g_steal_pointer (&etag);
          mark_dirty (s, item);
          if (!apply_server_copy (s, item, server, error))
            return FALSE;
        }
    }
  return save_dirty (s, error);
}

/* The collection's listing answered: its ETags by path (`etags`, unescaped path -> etag)
 * and whether paths missing from it are gone. */
static gboolean
pull_listed (Sync *s, GHashTable *etags, GHashTable *gone_paths, gboolean complete, GError **error)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint synced = 0;

  g_hash_table_iter_init (&iter, s->by_path);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JtSyncItem *item = value;
      const char *etag = g_hash_table_lookup (etags, key);

      /* Not there, and never seen there: not deleted by anyone, only not put yet. */
      if (etag == NULL && is_unconfirmed (item))
        continue;
      synced++;
      if (etag != NULL)
        {
          if (g_strcmp0 (etag, item->etag) != 0)
            g_ptr_array_add (changed, item);
        }
      else if (complete || g_hash_table_contains (gone_paths, key))
        g_ptr_array_add (gone, item);
    }
  /* Emptied or replaced behind jobtrack's back: never mass-dismiss, never mass-recreate. */
  if (synced >= 2 && gone->len == synced)
    {
      g_autofree char *url = g_uri_to_string (s->collection);

      g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the task list %s no longer holds the %u task jobtrack put there; "
                                "nothing was changed (jobtrack sync --reset uploads it again)",
                                "the task list %s no longer holds any of the %u tasks jobtrack "
                                "put there; nothing was changed (jobtrack sync --reset uploads "
                                "them again)",
                                synced),
                   url, synced);
      return FALSE;
    }
  for (guint i = 0; i < gone->len; i++)
    if (!apply_deleted (s, g_ptr_array_index (gone, i), error))
      return FALSE;
  return fetch_and_apply (s, changed, error);
}

/* The task list is no more on the server: one line, and what to do. */
static void
set_list_gone (Sync *s, GError **error)
{
  g_autofree char *url = g_uri_to_string (s->collection);

  g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND,
               _ ("the task list %s is gone from the server; run 'jobtrack sync setup'"), url);
}

/* RFC 6578: what changed since the token. FALSE without an error when the server has no
 * sync-collection or refuses the token: the caller lists the collection instead. */
static gboolean
pull_by_token (Sync *s, const char *token, char **new_token, gboolean *done, GError **error)
{
  g_autoptr (GBytes) body = jt_dav_sync_collection_body (token);
  g_autoptr (JtSyncResponse) response = NULL;
  g_autoptr (JtDavMultistatus) ms = NULL;
  g_autoptr (GHashTable) etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *done = FALSE;
  response = jt_sync_http_send (s->account->http, "REPORT", s->collection, "0", NULL, NULL, body,
                                "application/xml; charset=utf-8", error);
  if (response == NULL)
    return FALSE;
  if (response->status >= 500 && response->status != 501)
    {
      jt_sync_set_status_error (error, s->collection, "sync-collection", response->status);
      return FALSE;
    }
  if (response->status == 404 || response->status == 410)
    {
      set_list_gone (s, error);
      return FALSE;
    }
  if (response->status != 207
      || (ms = jt_dav_multistatus_parse (response->body, response->uri, NULL)) == NULL
      || jt_dav_multistatus_sync_token (ms) == NULL)
    return TRUE;
  for (guint i = 0; i < jt_dav_multistatus_length (ms); i++)
    {
      const JtDavResponse *r = jt_dav_multistatus_get (ms, i);
      char *etag;

      if (jt_dav_response_status (r) == 404)
        g_hash_table_add (gone, g_strdup (jt_dav_response_path (r)));
      else if ((etag = jt_dav_response_text (r, JT_DAV_NS, "getetag")) != NULL)
        g_hash_table_replace (etags, g_strdup (jt_dav_response_path (r)), etag);
    }
  *new_token = g_strdup (jt_dav_multistatus_sync_token (ms));
  *done = TRUE;
  return pull_listed (s, etags, gone, FALSE, error);
}

/* Without a usable token: getctag (nothing to do when it did not move), then every
 * ETag of the collection and a full compare. */
static gboolean
pull_by_listing (Sync *s, const char *old_ctag, char **new_token, char **new_ctag, GError **error)
{
  static const JtDavName state_props[] = {
    { JT_CALSERVER_NS, "getctag" },
    { JT_DAV_NS, "sync-token" },
  };
  static const JtDavName etag_props[] = { { JT_DAV_NS, "getetag" } };
  g_autoptr (JtDavMultistatus) state = NULL;
  g_autoptr (JtDavMultistatus) listing = NULL;
  g_autoptr (GHashTable) etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) gone = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *collection_key = jt_dav_path_key (g_uri_get_path (s->collection));
  g_autoptr (GError) local = NULL;

  state = jt_sync_propfind (s->account, s->collection, "0", state_props, G_N_ELEMENTS (state_props),
                            &local);
  if (state == NULL)
    {
      if (local->code == JT_ERROR_NOT_FOUND)
        set_list_gone (s, error);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (jt_dav_multistatus_length (state) > 0)
    {
      const JtDavResponse *r = jt_dav_multistatus_get (state, 0);

      *new_ctag = jt_dav_response_text (r, JT_CALSERVER_NS, "getctag");
      *new_token = jt_dav_response_text (r, JT_DAV_NS, "sync-token");
    }
  if (*new_ctag != NULL && g_strcmp0 (*new_ctag, old_ctag) == 0)
    return TRUE;
  listing = jt_sync_propfind (s->account, s->collection, "1", etag_props, 1, error);
  if (listing == NULL)
    return FALSE;
  for (guint i = 0; i < jt_dav_multistatus_length (listing); i++)
    {
      const JtDavResponse *r = jt_dav_multistatus_get (listing, i);
      char *etag;

      /* The collection lists itself too. */
      if (g_str_equal (jt_dav_response_path (r), collection_key))
        continue;
      if ((etag = jt_dav_response_text (r, JT_DAV_NS, "getetag")) != NULL)
        g_hash_table_replace (etags, g_strdup (jt_dav_response_path (r)), etag);
    }
  return pull_listed (s, etags, gone, TRUE, error);
}

/* ---- Push ----------------------------------------------------------------------- */

typedef struct
{
  char *uid;
  char *text; /* what to put there */
  char *hash;
  int revision;
  gboolean withdrawn; /* the rules withdrew it: put there as cancelled */
} Push;

static void
push_free (Push *push)
{
  g_free (push->uid);
  g_free (push->text);
  g_free (push->hash);
  g_free (push);
}

static Push *
push_new (const char *uid, char *text, int revision, gboolean withdrawn)
{
  Push *push = g_new0 (Push, 1);

  push->uid = g_strdup (uid);
  push->text = text;
  push->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  push->revision = revision;
  push->withdrawn = withdrawn;
  return push;
}

/* What the follow-up `uid` should be on the server, or NULL when nothing is to be put
 * there (closed before it was ever put there; withdrawn and already cancelled). */
static Push *
wanted_push (Sync *s, const char *uid, GError **error)
{
  JtReminder *reminder = g_hash_table_lookup (s->reminders, uid);
  JtSyncItem *item = g_hash_table_lookup (s->items, uid);
  g_autoptr (JtTodo) pushed = NULL;
  char *text;

  if (reminder != NULL)
    {
      if (item == NULL && !is_open (reminder))
        return NULL;
      return push_new (uid, s->ical->todo_print (reminder), reminder->revision, FALSE);
    }
  if (item == NULL || item->pushed_ics == NULL)
    return NULL;
  pushed = read_todo (s, item->pushed_ics, strlen (item->pushed_ics));
  if (pushed != NULL && pushed->status == JT_TODO_CANCELLED && item->pushed_hash != NULL)
    return NULL;
  text = s->ical->todo_cancel (item->pushed_ics, s->now, error);
  return text != NULL ? push_new (uid, text, item->pushed_revision, TRUE) : NULL;
}

static gboolean push_one (Sync *s, Push *push, gboolean again, GError **error);

/* `push` is about to be sent for `item`: its text is what a server holding an unknown
 * text of this task may hold (saved with the other dirty items). */
static void
set_pending (Sync *s, JtSyncItem *item, const Push *push)
{
  g_free (item->pending_ics);
  item->pending_ics = g_strdup (push->text);
  item->pending_revision = push->revision;
  mark_dirty (s, item);
}

static void
count_push (Sync *s, const Push *push, gboolean created)
{
  if (push->withdrawn)
    s->report->cancelled++;
  else if (created)
    s->report->created++;
  else
    s->report->updated++;
}

/* A 412: someone changed the task since (or a PUT whose ETag was never recorded). Fetch
 * it, adopt its ETag, merge the person's acts, and put it once more. */
static gboolean
resolve_conflict (Sync *s, Push *push, JtSyncItem *item, GError **error)
{
  g_autoptr (GUri) uri = item_uri (s, item);
  g_autoptr (JtSyncResponse) got
      = jt_sync_http_send (s->account->http, "GET", uri, NULL, NULL, NULL, NULL, NULL, error);
  g_autoptr (JtTodo) server = NULL;
  g_autoptr (GError) local = NULL;
  gboolean created = item->pushed_ics == NULL;
  Push *again;
  gboolean ok;

  if (got == NULL)
    return FALSE;
  if (got->status == 404 || got->status == 410)
    g_clear_pointer (&item->etag, g_free);
  else if (got->status == 200)
    {
      gsize length;
      const char *data = g_bytes_get_data (got->body, &length);

      server = read_todo (s, data != NULL ? data : "", length);
      if (server == NULL || g_strcmp0 (server->uid, item->uid) != 0)
        {
          /* Another program's resource at jobtrack's name: left alone. */
          s->report->conflicts++;
          return TRUE;
        }
      g_free (item->etag);
      item->etag = g_strdup (got->etag);
      if (!apply_server_copy (s, item, server, error))
        return FALSE;
    }
  else
    {
      jt_sync_set_status_error (error, uri, "GET", got->status);
      return FALSE;
    }
  again = wanted_push (s, push->uid, &local);
  if (again == NULL)
    return local == NULL || (g_propagate_error (error, g_steal_pointer (&local)), FALSE);
  /* Adopted as jobtrack's own (adopt_if_ours): the PUT did reach the server. */
  if (item->etag != NULL && g_strcmp0 (item->pushed_hash, again->hash) == 0)
    {
      count_push (s, again, created);
      push_free (again);
      return TRUE;
    }
  /* Recorded before it is sent, as push_all records the first try. */
  set_pending (s, item, again);
  ok = save_dirty (s, error) && push_one (s, again, TRUE, error);
  push_free (again);
  return ok;
}

static gboolean
push_one (Sync *s, Push *push, gboolean again, GError **error)
{
  JtSyncItem *item = g_hash_table_lookup (s->items, push->uid);
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JtSyncResponse) response = NULL;
  gboolean created;

  if (item == NULL)
    item = new_item (s, push->uid);
  if (g_strcmp0 (item->pushed_hash, push->hash) == 0 && item->etag != NULL)
    return TRUE;
  created = item->pushed_ics == NULL;
  uri = item_uri (s, item);
  body = g_bytes_new (push->text, strlen (push->text));
  response = jt_sync_http_send (s->account->http, "PUT", uri, NULL, item->etag,
                                item->etag == NULL ? "*" : NULL, body,
                                "text/calendar; charset=utf-8", error);
  if (response == NULL)
    return FALSE;
  if (response->status == 412)
    {
      if (again)
        {
          s->report->conflicts++;
          return TRUE;
        }
      return resolve_conflict (s, push, item, error);
    }
  /* A server that will not take this one follow-up (a 403 for a UID its trash bin
   * holds, say) must not keep every other from the phone: it is said at the end. A
   * missing collection (404, 409, 410) or a login refused stops the sync. */
  if (response->status >= 400 && response->status <= 499 && response->status != 404
      && response->status != 409 && response->status != 410)
    {
      if (s->refused == NULL)
        jt_sync_set_status_error (&s->refused, uri, "PUT", response->status);
      s->n_refused++;
      g_clear_pointer (&item->pending_ics, g_free);
      mark_dirty (s, item);
      return TRUE;
    }
  if (response->status < 200 || response->status > 299)
    {
      jt_sync_set_status_error (error, uri, "PUT", response->status);
      return FALSE;
    }
  g_free (item->etag);
  item->etag = g_strdup (response->etag);
  set_pushed (s, item, g_strdup (push->text), push->revision);
  count_push (s, push, created);
  return TRUE;
}

/* What differs from what was last pushed: a Push* each (new array), or NULL with
 * `error` set. */
static GPtrArray *
waiting_pushes (Sync *s, GError **error)
{
  g_autoptr (GPtrArray) pushes = g_ptr_array_new_with_free_func ((GDestroyNotify) push_free);
  g_autoptr (GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, s->reminders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (uids, key);
  g_hash_table_iter_init (&iter, s->items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (uids, key);
  g_hash_table_iter_init (&iter, uids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      JtSyncItem *item = g_hash_table_lookup (s->items, key);
      GError *local = NULL;
      Push *push = wanted_push (s, key, &local);

      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      if (push == NULL)
        continue;
      if (item != NULL && item->etag != NULL && g_strcmp0 (item->pushed_hash, push->hash) == 0)
        push_free (push);
      else
        g_ptr_array_add (pushes, push);
    }
  return g_steal_pointer (&pushes);
}

static gboolean
push_all (Sync *s, JtSyncProgress progress, gpointer user_data, GError **error)
{
  g_autoptr (GPtrArray) pushes = waiting_pushes (s, error);

  if (pushes == NULL)
    return FALSE;
  /* What is about to be sent, recorded in one transaction before any of it is: the new
   * ones, and the text of each PUT, so that a server found holding a text whose answer
   * was lost knows it for jobtrack's own. */
  for (guint i = 0; i < pushes->len; i++)
    {
      const Push *push = g_ptr_array_index (pushes, i);
      JtSyncItem *item = g_hash_table_lookup (s->items, push->uid);

      set_pending (s, item != NULL ? item : new_item (s, push->uid), push);
    }
  if (!save_dirty (s, error))
    return FALSE;
  for (guint i = 0; i < pushes->len; i++)
    {
      if (!push_one (s, g_ptr_array_index (pushes, i), FALSE, error))
        return save_dirty (s, NULL) && FALSE;
      if (s->dirty->len >= SAVE_BATCH && !save_dirty (s, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, pushes->len, user_data);
    }
  if (!save_dirty (s, error))
    return FALSE;
  if (s->refused == NULL)
    return TRUE;
  if (s->n_refused == 1)
    g_propagate_error (error, g_steal_pointer (&s->refused));
  else
    g_set_error (error, s->refused->domain, s->refused->code,
                 _ ("%s, and %u more follow-ups were refused; the others were sent"),
                 s->refused->message, s->n_refused - 1);
  return FALSE;
}

/* ---- One sync ------------------------------------------------------------------- */

static gboolean
record_result (JtStore *store, const char *line, gint64 now, const char *token, const char *ctag,
               gboolean set_state, GError **error)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, error);

  return txn != NULL && (!set_state || jt_store_sync_set_state (store, token, ctag, error))
         && jt_store_sync_set_result (store, line, now, error)
         && jt_transaction_commit (g_steal_pointer (&txn), error);
}

static gboolean
run (Sync *s, JtSyncCollection *collection, JtSyncProgress progress, gpointer user_data,
     char **token, char **ctag, GError **error)
{
  GHashTableIter iter;
  gpointer value;
  gboolean by_token = FALSE;

  s->collection = g_uri_parse (collection->url, G_URI_FLAGS_ENCODED, error);
  if (s->collection == NULL || !read_reminders (s, error)
      || (s->items = jt_store_sync_list_items (s->store, error)) == NULL)
    return FALSE;
  s->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, s->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    index_item (s, value);
  if (collection->sync_token != NULL
      && !pull_by_token (s, collection->sync_token, token, &by_token, error))
    return FALSE;
  if (!by_token && !pull_by_listing (s, collection->ctag, token, ctag, error))
    return FALSE;
  return push_all (s, progress, user_data, error);
}

gboolean
jt_sync_run (JtStore *store, const JtConfig *config, GTimeZone *tz, gint64 now,
             JtSyncProgress progress, gpointer user_data, JtSyncReport *report, GError **error)
{
  g_autoptr (JtSyncCollection) collection = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *token = NULL;
  g_autofree char *ctag = NULL;
  Sync s = { 0 };
  gboolean ok;

  memset (report, 0, sizeof *report);
  sync_init (&s, store, config, tz, now);
  s.report = report;
  collection = jt_store_sync_get_collection (store, &local);
  if (collection == NULL)
    {
      if (local == NULL)
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                     _ ("sync is not set up yet: run 'jobtrack sync setup'"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if ((s.ical = jt_ical_load (error)) == NULL
      || (s.account = jt_sync_account_open (config, error)) == NULL)
    return FALSE;
  s.dirty = g_ptr_array_new ();
  ok = run (&s, collection, progress, user_data, &token, &ctag, &local);
  report->requests = jt_sync_http_requests (s.account->http);
  g_ptr_array_unref (s.dirty);
  g_clear_pointer (&s.by_path, g_hash_table_unref);
  g_clear_pointer (&s.items, g_hash_table_unref);
  g_clear_pointer (&s.reminders, g_hash_table_unref);
  g_clear_pointer (&s.collection, g_uri_unref);
  g_clear_error (&s.refused);
  jt_sync_account_free (s.account);
  /* The token and ctag only after everything was applied and pushed: a sync that stops
   * half-way asks the same again next time. */
  if (ok)
    return record_result (store, NULL, now, token, ctag, TRUE, error);
  /* The sync's own failure is what the person is told, whether or not it could be
   * recorded for sync --status (a database locked by another program, say). */
  record_result (store, local->message, now, NULL, NULL, FALSE, NULL);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
jt_sync_count (JtStore *store, const JtConfig *config, GTimeZone *tz, gint64 now,
               JtSyncCounts *counts, GError **error)
{
  g_autoptr (GPtrArray) pushes = NULL;
  Sync s = { 0 };
  GHashTableIter iter;
  gpointer value;

  memset (counts, 0, sizeof *counts);
  sync_init (&s, store, config, tz, now);
  if ((s.ical = jt_ical_load (error)) != NULL && read_reminders (&s, error)
      && (s.items = jt_store_sync_list_items (store, error)) != NULL)
    pushes = waiting_pushes (&s, error);
  if (pushes != NULL)
    {
      counts->waiting = pushes->len;
      g_hash_table_iter_init (&iter, s.items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        counts->on_server += !is_unconfirmed (value);
    }
  g_clear_pointer (&s.items, g_hash_table_unref);
  g_clear_pointer (&s.reminders, g_hash_table_unref);
  return pushes != NULL;
}
