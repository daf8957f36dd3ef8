/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-applications.h: applications, their status history and decision dates.
 *
 * Functions that write must run inside a JtTransaction (see jt-store.h), so that one
 * command's changes land together or not at all. Returned records are new; the caller
 * frees them. "Not found" is JT_ERROR_NOT_FOUND with "no application ID". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `app`, dating its first status and decision date at `now`; sets app->id. */
gboolean jt_store_application_insert (JtStore *store, JtApplication *app, gint64 now,
                                      GError **error);

/* Saves every field of `app`. A new status or decision date is added to its history,
 * dated `now`. */
gboolean jt_store_application_update (JtStore *store, JtApplication *app, gint64 now,
                                      GError **error);

/* Moves the application to `status` at `at` (recorded in the history) if it is not
 * there already. */
gboolean jt_store_application_set_status (JtStore *store, gint64 id, JtStatus status, gint64 at,
                                          GError **error);

JtApplication *jt_store_application_get (JtStore *store, gint64 id, GError **error);

/* Every application, oldest first. A new array of JtApplication*. */
GPtrArray *jt_store_application_list (JtStore *store, GError **error);

/* The ids of the applications that have not ended, and of those accepted. New
 * arrays of gint64. */
GArray *jt_store_application_open_ids (JtStore *store, GError **error);
GArray *jt_store_application_accepted_ids (JtStore *store, GError **error);

/* The newest application of `company` and `role` (compared without case) that has not
 * ended, or NULL without an error when there is none. */
JtApplication *jt_store_application_find_open (JtStore *store, const char *company,
                                               const char *role, GError **error);

/* What removing an application took with it. */
typedef struct
{
  guint interviews;
  guint touches;
  guint contacts;
} JtRemovedCounts;

/* Removes the application with its interviews, offers, outcomes and touches, and the
 * contacts that belonged to it alone (never a network contact, never one still linked to
 * another application). */
gboolean jt_store_application_delete (JtStore *store, gint64 id, JtRemovedCounts *removed,
                                      GError **error);

/* Every status the application has been in, oldest first. A new GArray of JtStatusChange. */
GArray *jt_store_application_status_history (JtStore *store, gint64 id, GError **error);

/* Records that `contact_id` takes part in the application's process (idempotent). */
gboolean jt_store_application_link_contact (JtStore *store, gint64 id, gint64 contact_id,
                                            GError **error);

/* The contacts linked to the application, by name. A new array of JtContact*. */
GPtrArray *jt_store_application_contacts (JtStore *store, gint64 id, GError **error);

/* What `app list` asks for; a zero field means "any". */
typedef struct
{
  guint statuses; /* 1 << JtStatus for each status wanted; 0: every status */
  gint64 since;   /* recorded at or after this instant (unix seconds); 0: any time */
} JtApplicationFilter;

/* The applications that pass `filter`, oldest first. Each condition is answered by an
 * index (status, created_at). A new array of JtApplication*. */
GPtrArray *jt_store_application_list_filtered (JtStore *store, const JtApplicationFilter *filter,
                                               GError **error);

/* Every application to the same company family as `company` (jt_company_family: "ACME
 * Inc." finds "acme gmbh"), oldest first. A new array of JtApplication*. */
GPtrArray *jt_store_application_list_family (JtStore *store, const char *company, GError **error);

/* The first application of `company` and `role` (compared as jt_text_fold does)
 * recorded at or after `from` and before `until`, in `id`; 0 when there is none. */
gboolean jt_store_application_find_recorded (JtStore *store, const char *company, const char *role,
                                             gint64 from, gint64 until, gint64 *id, GError **error);

/* Works out the company family (jt_company_family) of the applications that have none:
 * rows of a backup from before schema 6, or written by another program. Runs inside a
 * write transaction. */
gboolean jt_store_application_fill_families (JtStore *store, GError **error);

G_END_DECLS
