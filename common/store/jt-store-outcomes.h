/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-outcomes.h: how an application ended or turned (offer, rejected, ...), dated.
 *
 * Writes run inside a JtTransaction. Returned records are new; the caller frees them. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Records `outcome` (its application, kind and time) and moves the application to the
 * matching status at that time. Accepting settles its open offers as accepted; declining
 * or withdrawing, as declined.
 * Sets outcome->id. */
gboolean jt_store_outcome_insert (JtStore *store, JtOutcome *outcome, gint64 now, GError **error);

/* The outcomes of one application, oldest first. A new array of JtOutcome*. */
GPtrArray *jt_store_outcome_list (JtStore *store, gint64 application_id, GError **error);

G_END_DECLS
