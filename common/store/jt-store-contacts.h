/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-contacts.h: the people of a job search and their roles in it.
 *
 * Writes run inside a JtTransaction. Returned records are new; the caller frees them.
 * "Not found" is JT_ERROR_NOT_FOUND with "no contact ID". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `contact` with its roles; sets contact->id. */
gboolean jt_store_contact_insert (JtStore *store, JtContact *contact, gint64 now, GError **error);

/* Saves every field of `contact`, replacing its roles. */
gboolean jt_store_contact_update (JtStore *store, JtContact *contact, gint64 now, GError **error);

JtContact *jt_store_contact_get (JtStore *store, gint64 id, GError **error);

/* Every contact, by id. A new array of JtContact*. */
GPtrArray *jt_store_contact_list (JtStore *store, GError **error);

/* The contacts flagged as network members, by id. */
GPtrArray *jt_store_contact_list_network (JtStore *store, GError **error);

/* The contact of `company` with this email (when given), else with this name, both
 * compared without case; NULL without an error when there is none. */
JtContact *jt_store_contact_find (JtStore *store, const char *company, const char *email,
                                  const char *name, GError **error);

/* The applications the contact takes part in, oldest first. A new array of
 * JtApplication*. */
GPtrArray *jt_store_contact_applications (JtStore *store, gint64 id, GError **error);

/* Removes the contact. The interviews and applications they were part of stay; touches
 * with them stay on their application, or go when they belonged to no application. */
gboolean jt_store_contact_delete (JtStore *store, gint64 id, GError **error);

/* What `contact list` asks for; a zero field means "any". */
typedef struct
{
  const char *company; /* compared folded (case, compatibility forms); NULL: any company */
  guint roles;         /* JtContactRole flags: contacts with any of them; 0: any */
} JtContactFilter;

/* The contacts that pass `filter`, by id. Each condition is answered by an index
 * (company, role). A new array of JtContact*. */
GPtrArray *jt_store_contact_list_filtered (JtStore *store, const JtContactFilter *filter,
                                           GError **error);

/* Gives the contact `roles` (JtContactRole flags) besides those it has, as `add` does
 * for the decision-maker it names. Runs inside a write transaction. */
gboolean jt_store_contact_add_roles (JtStore *store, gint64 contact_id, guint roles,
                                     GError **error);

G_END_DECLS
