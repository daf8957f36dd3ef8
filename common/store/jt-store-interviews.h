/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-interviews.h: interviews, the people met at them, and their assessments.
 *
 * Writes run inside a JtTransaction. Returned records are new; the caller frees them.
 * "Not found" is JT_ERROR_NOT_FOUND with "no interview ID". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `interview` and links its interviewers (contacts that already have ids) to it
 * and to its application; sets interview->id. */
gboolean jt_store_interview_insert (JtStore *store, JtInterview *interview, gint64 now,
                                    GError **error);

/* Saves every field of `interview` and replaces its interviewers with interview->interviewers. */
gboolean jt_store_interview_update (JtStore *store, JtInterview *interview, gint64 now,
                                    GError **error);

/* The interview with its interviewers. */
JtInterview *jt_store_interview_get (JtStore *store, gint64 id, GError **error);

/* The interviews of one application, or of all when `application_id` is 0, by start
 * time. A new array of JtInterview*, each with its interviewers. */
GPtrArray *jt_store_interview_list (JtStore *store, gint64 application_id, GError **error);

/* Interviews that end after `ends_after` (every one with G_MININT64), by start time
 * then id, each with its people: what a calendar shows. A new array of JtInterview*. */
GPtrArray *jt_store_interview_list_ending_after (JtStore *store, gint64 ends_after, GError **error);
gboolean jt_store_interview_delete (JtStore *store, gint64 id, GError **error);

/* Interviews that came from a calendar invitation (`jobtrack import`), known by the
 * invitation's UID and the SEQUENCE of the copy imported last (schema 0003). */

/* The interview imported from the invitation `uid`, with its interviewers, and that
 * invitation's sequence in `sequence` (may be NULL); NULL without an error when no
 * interview has that UID. New record. */
JtInterview *jt_store_interview_find_by_invite (JtStore *store, const char *uid, gint64 *sequence,
                                                GError **error);

/* The invitation keys (as jt_store_interview_set_invite got them) that begin with
 * `prefix`, ascending: the meetings of a series (jt_invite_key). `prefix` is not empty
 * and does not end in byte 0xff. A new array of strings. */
GPtrArray *jt_store_interview_invites_with_prefix (JtStore *store, const char *prefix,
                                                   GError **error);

/* Records that interview `id` is the invitation `uid` at `sequence`. A UID belongs to
 * one interview: giving it to a second is JT_ERROR_INVALID. */
gboolean jt_store_interview_set_invite (JtStore *store, gint64 id, const char *uid, gint64 sequence,
                                        GError **error);

/* Sets the calendar revision and digest of interview `id` (jt-calendar-identity.h); a
 * `modified_at` other than 0 dates the change (its calendar entry's LAST-MODIFIED). Not a
 * change the rules derive from. */
gboolean jt_store_interview_set_shown (JtStore *store, gint64 id, int revision, const char *digest,
                                       gint64 modified_at, GError **error);

G_END_DECLS
