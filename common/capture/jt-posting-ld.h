/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-ld.h: schema.org JobPosting objects of JSON-LD, read into a JtPosting
 * (internal to common/capture/; jt-posting.h tells what is read). json-glib parses. */
#pragma once

#include <json-glib/json-glib.h>

#include "jt-posting.h"

G_BEGIN_DECLS

#define JT_POSTING_LD_MAX_DEPTH 64
#define JT_POSTING_LD_MAX_VALUES 200000

/* Whether json-glib may be given the JSON text `json` (`length` bytes): nested at most
 * JT_POSTING_LD_MAX_DEPTH deep, at most JT_POSTING_LD_MAX_VALUES values. */
gboolean jt_posting_ld_check (const char *json, gsize length);

/* Appends to `found` each JobPosting object of the document `root` (borrowed from it),
 * in document order. */
void jt_posting_ld_find (JsonNode *root, GPtrArray *found);

/* Sets the fields of `posting` that the JobPosting `job` gives (all but source,
 * n_job_postings and the url's resolution). */
void jt_posting_ld_read (JsonObject *job, JtPosting *posting);

G_END_DECLS
