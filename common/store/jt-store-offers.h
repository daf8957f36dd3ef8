/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-offers.h: offers an application received.
 *
 * Writes run inside a JtTransaction. Returned records are new; the caller frees them.
 * "Not found" is JT_ERROR_NOT_FOUND with "no offer ID". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `offer`; sets offer->id. */
gboolean jt_store_offer_insert (JtStore *store, JtOffer *offer, gint64 now, GError **error);

/* Saves every field of `offer`. */
gboolean jt_store_offer_update (JtStore *store, JtOffer *offer, gint64 now, GError **error);

JtOffer *jt_store_offer_get (JtStore *store, gint64 id, GError **error);

/* The offers of one application, or of all when `application_id` is 0, oldest first.
 * A new array of JtOffer*. */
GPtrArray *jt_store_offer_list (JtStore *store, gint64 application_id, GError **error);

/* Every open or negotiating offer that has a deadline, soonest deadline first. */
GPtrArray *jt_store_offer_list_open (JtStore *store, GError **error);

/* Moves the application's open or negotiating offers to `state` (on acceptance or refusal). */
gboolean jt_store_offer_settle (JtStore *store, gint64 application_id, JtOfferState state,
                                gint64 now, GError **error);

G_END_DECLS
