/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-search.h: full-text search over the records (`jobtrack search`).
 *
 * The index (schema/0006-search.sql) holds one row per application, contact, interview
 * and touch, kept in step with the records by triggers, so every write through any path
 * is searchable at once. */
#pragma once

#include "jt-store.h"

G_BEGIN_DECLS

typedef enum
{
  JT_SEARCH_APPLICATION = 1,
  JT_SEARCH_CONTACT = 2,
  JT_SEARCH_INTERVIEW = 3,
  JT_SEARCH_TOUCH = 4,
} JtSearchKind;

/* "application", "contact", "interview", "touch" (static). */
const char *jt_search_kind_to_string (JtSearchKind kind);

/* One record that matched, best first. Text fields are NULL when they do not apply. */
typedef struct
{
  JtSearchKind kind;
  gint64 id;             /* of the record of that kind */
  char *snippet;         /* the best-matching passage, matches between the markers */
  double rank;           /* bm25: lower is better */
  gint64 application_id; /* the application it belongs to, 0 for none */
  char *company;         /* the application's (or, for a contact, the contact's) */
  char *role;
  char *status;       /* the application's */
  char *contact_name; /* the contact, or whom a touch was with */
  char *what;         /* an interview's or a touch's kind */
  gint64 at;          /* an interview's start, a touch's time; 0 otherwise */
} JtSearchHit;

void jt_search_hit_free (JtSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSearchHit, jt_search_hit_free)

/* The FTS5 query for what a person typed: each whitespace-separated chunk becomes one
 * quoted phrase of its words, the last word a prefix ("acme eng" finds "Acme
 * Engineering"); FTS operators and punctuation are never read as syntax. NULL with
 * JT_ERROR_INVALID when the text has no word to look for. New string. */
char *jt_search_query_from_text (const char *text, GError **error);

/* The records matching `text` (see jt_search_query_from_text), best first, at most
 * `limit`; the snippet marks matches with `open` and `close`. A new array of
 * JtSearchHit*. */
GPtrArray *jt_store_search (JtStore *store, const char *text, guint limit, const char *open,
                            const char *close, GError **error);

G_END_DECLS
