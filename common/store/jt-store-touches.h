/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-touches.h: touches, the dated contacts with someone (letter, email, call,
 * meeting). Writes run inside a JtTransaction. Returned records are new. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* Inserts `touch`, which names an application, a contact or both; sets touch->id. A touch
 * with a contact about an application also links the two. */
gboolean jt_store_touch_insert (JtStore *store, JtTouch *touch, gint64 now, GError **error);

/* Touches about one application (`application_id`), with one contact (`contact_id`), or
 * all (both 0), oldest first, each with its contact's name. A new array of JtTouch*. */
GPtrArray *jt_store_touch_list (JtStore *store, gint64 application_id, gint64 contact_id,
                                GError **error);

G_END_DECLS
