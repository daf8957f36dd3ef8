/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-backup.h: the database as tables of plain values, for the backup (jt-backup.c
 * decides which tables and columns a backup holds; this is how they are read and
 * written). Table and column names come from jt-backup.c's own list, never from input. */
#pragma once

#include "jt-store.h"

G_BEGIN_DECLS

typedef enum
{
  JT_VALUE_NULL,
  JT_VALUE_INTEGER,
  JT_VALUE_FLOAT,
  JT_VALUE_TEXT,
  JT_VALUE_BLOB,
} JtValueType;

/* One cell. */
typedef struct
{
  JtValueType type;
  gint64 integer;   /* JT_VALUE_INTEGER */
  const char *text; /* JT_VALUE_TEXT: its bytes, NUL-terminated, `length` long (a NUL may be
                     * inside); owned by the store until the next row */
  gsize length;
} JtValue;

/* Handed each row's values, in the order of the columns asked for; FALSE (with an
 * error) stops the reading. */
typedef gboolean (*JtValuesFunc) (const JtValue *values, gpointer user_data, GError **error);

/* Calls `func` with the `columns` (NULL-terminated) of every row of `table`, in the order
 * of its first `n_key` columns (its primary key: no sorting). */
gboolean jt_store_backup_read_table (JtStore *store, const char *table, const char *const *columns,
                                     guint n_key, JtValuesFunc func, gpointer user_data,
                                     GError **error);

/* The id counters of the AUTOINCREMENT tables: a new table of table name -> gint64*
 * (the last id handed out). */
GHashTable *jt_store_backup_read_sequences (JtStore *store, GError **error);

/* Whether any of `tables` (NULL-terminated) holds a row, in `any`. */
gboolean jt_store_backup_any_rows (JtStore *store, const char *const *tables, gboolean *any,
                                   GError **error);

/* Inserts a row of `values` for `columns` into `table` (`replace`: replacing the row of
 * the same key), inside a write transaction. The row comes from outside: one that a
 * constraint refuses is JT_ERROR_INVALID, "it breaks a rule of the database (...)".
 * Marks nothing as changed, so the commit hook derives nothing from it. */
gboolean jt_store_backup_insert_row (JtStore *store, const char *table, const char *const *columns,
                                     const JtValue *values, gboolean replace, GError **error);

/* Raises the id counter of `table` to at least `seq`, inside a write transaction. */
gboolean jt_store_backup_raise_sequence (JtStore *store, const char *table, gint64 seq,
                                         GError **error);

G_END_DECLS
