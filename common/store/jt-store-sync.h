/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-sync.h: what CalDAV sync knows of the server (schema/0010-caldav-sync.sql):
 * the task list synced with, and for each follow-up put there its resource, its ETag
 * and what was last pushed. Keyed by the follow-up's uid, so the state outlives a
 * follow-up the rules withdraw. Writes run inside a JtTransaction; they mark nothing
 * for the rules. */
#pragma once

#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *url;              /* the collection, with a trailing slash */
  char *sync_token;       /* RFC 6578, or NULL */
  char *ctag;             /* getctag, or NULL */
  gint64 last_success_at; /* 0 for never */
  char *last_error;       /* the last failure's line, NULL after a success */
  gint64 last_error_at;
} JtSyncCollection;

typedef struct
{
  char *uid;
  char *href;          /* the resource's path on the server ("/u/list/jt-….ics") */
  char *etag;          /* NULL when the server gave none */
  int pushed_revision; /* the follow-up's revision last pushed */
  char *pushed_hash;   /* SHA-256 of pushed_ics; NULL: push it again */
  char *pushed_ics;    /* the text last put there */
  /* A PUT sent whose answer is not recorded yet (schema 13): its text, NULL when none,
   * and the follow-up's revision it shows. */
  char *pending_ics;
  int pending_revision;
  gint64 updated_at;
} JtSyncItem;

void jt_sync_collection_free (JtSyncCollection *collection);
JtSyncItem *jt_sync_item_new (void);
void jt_sync_item_free (JtSyncItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncCollection, jt_sync_collection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSyncItem, jt_sync_item_free)

/* The collection set up, new; NULL without an error when sync was never set up. */
JtSyncCollection *jt_store_sync_get_collection (JtStore *store, GError **error);

/* Sets the collection to `url`. Another URL than the one before forgets its token and
 * every item: the follow-ups go to the new list as new. */
gboolean jt_store_sync_set_collection (JtStore *store, const char *url, GError **error);

/* The collection's sync token and ctag (either may be NULL). */
gboolean jt_store_sync_set_state (JtStore *store, const char *sync_token, const char *ctag,
                                  GError **error);

/* Records how the last sync went: `error_line` NULL for a success at `now`. */
gboolean jt_store_sync_set_result (JtStore *store, const char *error_line, gint64 now,
                                   GError **error);

/* Every item, a new table uid -> JtSyncItem* (owned by the table). */
GHashTable *jt_store_sync_list_items (JtStore *store, GError **error);

/* Inserts or replaces the item of `item->uid`, dated `now`. */
gboolean jt_store_sync_save_item (JtStore *store, const JtSyncItem *item, gint64 now,
                                  GError **error);

gboolean jt_store_sync_delete_item (JtStore *store, const char *uid, GError **error);

/* Forgets every item and the token (`jobtrack sync --reset`): everything is pushed again. */
gboolean jt_store_sync_forget_items (JtStore *store, GError **error);

G_END_DECLS
