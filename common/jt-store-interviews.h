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

gboolean jt_store_interview_delete (JtStore *store, gint64 id, GError **error);

G_END_DECLS
