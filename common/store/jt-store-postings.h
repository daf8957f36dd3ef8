/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-postings.h: the job posting an application was captured from
 * (schema/0012-postings.sql): what `jobtrack capture` read from the page, one per
 * application. The page and its text are the application's documents of kind posting
 * (jt-store-documents.h). Writes run inside a JtTransaction and mark the application
 * for the rules (R12 reads the closing date). Returned records are new. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 application_id;
  char *source;     /* "json-ld", "opengraph" or "title": where the fields came from */
  char *title;      /* never NULL */
  char *url;        /* the posting's address, or NULL; as every field below */
  char *identifier; /* the board's own id of the posting */
  char *location;
  char *employment_type;
  char *salary;     /* in words: "AUD 90,000–110,000 a year" */
  gint64 posted_at; /* datePosted: unix seconds, 0 when not said */
  gint64 closes_at; /* validThrough: unix seconds, 0 when not said */
  /* The page gave a day without a time: closes_at is 00:00 UTC of it, the day is the
   * last to apply on. */
  gboolean closes_on_day;
  gint64 captured_at;
  /* The page gave the day it was posted without a time: posted_at is 00:00 UTC of it
   * (schema 13). */
  gboolean posted_on_day;
} JtSavedPosting;

JtSavedPosting *jt_saved_posting_new (void);
void jt_saved_posting_free (JtSavedPosting *posting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtSavedPosting, jt_saved_posting_free)

/* Records `posting` as its application's, replacing the one it had. An unknown
 * application is JT_ERROR_NOT_FOUND; a source the table does not know, JT_ERROR_INVALID. */
gboolean jt_store_posting_save (JtStore *store, const JtSavedPosting *posting, GError **error);

/* The posting of application `application_id`: TRUE with *posting NULL when it has none. */
gboolean jt_store_posting_lookup (JtStore *store, gint64 application_id, JtSavedPosting **posting,
                                  GError **error);

/* The ids of the applications whose posting has the address `url` or the identifier
 * `identifier`, or whose own link (JtApplication.url) is `url` (either may be NULL),
 * oldest first. A new array of gint64. */
GArray *jt_store_posting_find (JtStore *store, const char *url, const char *identifier,
                               GError **error);

/* Sets posted_on_day, as migration 0013 did, for the postings restored from a backup of
 * schema 12, which kept no word on it: a posted_at of a whole UTC day was a day alone. */
gboolean jt_store_posting_fill_posted_day (JtStore *store, GError **error);

G_END_DECLS
