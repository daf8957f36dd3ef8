/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-private.h: what the store's own files share; never included outside
 * common/store/ (nor, with it, sqlite3.h).
 *
 * Statements are prepared once per connection and cached by their SQL text. A JtStmt
 * borrowed from jt_store_prepare must be reset after use, or it keeps a read snapshot
 * open: declare it `g_autoptr (JtStmt)` and the reset happens at scope exit. */
#pragma once

#include <sqlite3.h>

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef sqlite3_stmt JtStmt;

/* Returns the cached statement for `sql`, reset and with no bindings (owned by the
 * store), or NULL with an error. */
JtStmt *jt_store_prepare (JtStore *store, const char *sql, GError **error);

typedef enum
{
  JT_STEP_ERROR = -1, /* with a JT_ERROR set */
  JT_STEP_DONE,
  JT_STEP_ROW,
} JtStep;

/* One step of `stmt`: a row, the end, or an error. SQLite's codes stay in jt-store.c. */
JtStep jt_store_step (JtStore *store, JtStmt *stmt, GError **error);

/* Steps a statement that returns no rows. A constraint of the schema that refuses it is
 * JT_ERROR_INTERNAL: what is written was checked first, so that is a bug. */
gboolean jt_store_exec_stmt (JtStore *store, JtStmt *stmt, GError **error);

/* The same for a row that comes from outside and was not checked (a backup being
 * restored): a constraint that refuses it is JT_ERROR_INVALID, "it breaks a rule of
 * the database (a duplicate)". */
gboolean jt_store_exec_untrusted (JtStore *store, JtStmt *stmt, GError **error);

/* Reading rows into records: `row` builds a new record from the current row. */
typedef gpointer (*JtRowFunc) (JtStmt *stmt);

/* Steps `stmt` to its end; a new array of row (stmt) for each row, freed with
 * `free_func`, or NULL with an error. */
GPtrArray *jt_store_collect (JtStore *store, JtStmt *stmt, JtRowFunc row, GDestroyNotify free_func,
                             GError **error);

/* Steps `stmt` once: a new record from its row, or NULL with JT_ERROR_NOT_FOUND
 * "no WHAT ID" when there is none; `what` is marked N_ (), translated here. */
gpointer jt_store_fetch_one (JtStore *store, JtStmt *stmt, JtRowFunc row, const char *what,
                             gint64 id, GError **error);

/* Runs an UPDATE or DELETE of the record `id`; JT_ERROR_NOT_FOUND "no WHAT ID" when it
 * changed nothing (`what` as for jt_store_fetch_one). */
gboolean jt_store_exec_one (JtStore *store, JtStmt *stmt, const char *what, gint64 id,
                            GError **error);

/* Rows changed by the last write on this connection. */
guint jt_store_changes (JtStore *store);

/* The rowid of the last INSERT on this connection. */
gint64 jt_store_last_insert_id (JtStore *store);

/* Turns the connection's last SQLite error into a JT_ERROR, with `what` as context. */
void jt_store_set_error (JtStore *store, GError **error, const char *what);

/* Binding helpers. The _opt_ forms store an absent value as SQL NULL: NULL or "" text,
 * and 0 for ids and optional numbers (no record has id 0; ratings start at 1). */
void jt_stmt_bind_text (JtStmt *stmt, int index, const char *text);
void jt_stmt_bind_opt_text (JtStmt *stmt, int index, const char *text);
void jt_stmt_bind_int64 (JtStmt *stmt, int index, gint64 value);
void jt_stmt_bind_opt_int64 (JtStmt *stmt, int index, gint64 value);

/* Column helpers: a new copy of the text (NULL for SQL NULL), 0 for SQL NULL ints. */
char *jt_stmt_dup_text (JtStmt *stmt, int column);
gint64 jt_stmt_int64 (JtStmt *stmt, int column);

static inline void
jt_stmt_release (JtStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtStmt, jt_stmt_release)

G_END_DECLS

G_BEGIN_DECLS

/* Reading a contact row, shared by every query that returns contacts: select
 * JT_CONTACT_COLUMNS from `contacts c` and hand the row to jt_contact_from_row. */
#define JT_CONTACT_COLUMNS                                                                         \
  "c.id, c.name, c.title, c.company, c.email, c.phone, c.url, c.hit_it_off, c.network, "           \
  "c.notes, c.created_at, c.updated_at, "                                                          \
  "(SELECT group_concat (r.role) FROM contact_roles r WHERE r.contact_id = c.id)"
#define JT_CONTACT_N_COLUMNS 13
gpointer jt_contact_from_row (JtStmt *stmt);

/* Reading an application row: JT_APPLICATION_COLUMNS from `applications a`. The current
 * decision date is the newest row of decision_dates. */
#define JT_APPLICATION_COLUMNS                                                                     \
  "a.id, a.company, a.role, a.source, a.url, a.status, a.interest, a.notes, "                      \
  "(SELECT d.decide_on FROM decision_dates d WHERE d.application_id = a.id "                       \
  " ORDER BY d.id DESC LIMIT 1), a.created_at, a.updated_at, "                                     \
  "max (a.created_at, "                                                                            \
  " ifnull ((SELECT max (i.start_at) FROM interviews i WHERE i.application_id = a.id), 0), "       \
  " ifnull ((SELECT max (t.at) FROM touches t WHERE t.application_id = a.id), 0), "                \
  " ifnull ((SELECT max (o.occurred_at) FROM outcomes o WHERE o.application_id = a.id), 0))"
gpointer jt_application_from_row (JtStmt *stmt);

G_END_DECLS
