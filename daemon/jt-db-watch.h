/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-db-watch.h: noticing other programs' writes to the database without polling.
 *
 * Every commit in WAL mode writes the -wal file, so a file monitor on it wakes us; the
 * connection's data_version then tells a real change by someone else from our own
 * writes and from checkpoints. */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

typedef struct _JtDbWatch JtDbWatch;
typedef void (*JtDbWatchFunc) (gpointer user_data);

/* Calls `func` after another connection committed to `store`'s file. */
JtDbWatch *jt_db_watch_new (JtStore *store, JtDbWatchFunc func, gpointer user_data, GError **error);
void jt_db_watch_free (JtDbWatch *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtDbWatch, jt_db_watch_free)

G_END_DECLS
