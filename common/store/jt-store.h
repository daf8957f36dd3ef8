/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store.h: the SQLite file that holds a job search.
 *
 * One JtStore is one connection, opened to read only or to write (JtStoreMode). A
 * writer creates the file (0600) if needed and applies the numbered migrations in
 * schema/; a reader never changes the file; both refuse a database made by a newer
 * jobtrack without touching it. Every write goes through a JtTransaction (BEGIN IMMEDIATE),
 * so a writer waits for another instead of failing half-way with SQLITE_BUSY.
 * A store belongs to one thread at a time (the connection is opened without SQLite's
 * per-call lock): a thread that needs the database opens its own.
 * SQLite result codes stop here: callers only ever see JT_ERROR codes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JtStore JtStore;
typedef struct _JtTransaction JtTransaction;

/* How long a statement waits for another process's lock before JT_ERROR_BUSY. */
#define JT_STORE_BUSY_TIMEOUT_MS 5000

/* What a write transaction changed that follow-ups depend on. The store's writers
 * record it; the commit hook reads it. Sets of gint64 ids. */
typedef struct
{
  GHashTable *applications;   /* applications whose own records changed */
  GHashTable *contacts;       /* contacts whose flags, roles or touches changed */
  gboolean open_applications; /* an offer or outcome: any open application may be affected */
} JtStoreChanges;

/* Runs inside every write transaction just before it commits, when it changed
 * something; a FALSE return rolls the whole transaction back. Writes the hook makes
 * are not reported to it again. */
typedef gboolean (*JtCommitHook) (JtStore *store, const JtStoreChanges *changes, gpointer user_data,
                                  GError **error);

typedef enum
{
  /* Reads only: never creates, migrates or writes the file (PRAGMA query_only, on a
   * connection that can still remove the PATH-wal and PATH-shm it needs to read a
   * database in WAL mode, as every other connection does on closing; like any
   * connection, it completes the recovery of a writer that crashed). A file that does
   * not exist yet, or was never given a schema, reads as an empty database of the
   * newest schema, kept in memory; one of an older schema is read from a copy in
   * memory upgraded there (jt_store_reads_upgraded_copy), the file itself being left for
   * the next writer to migrate. */
  JT_STORE_READ_ONLY,
  /* Creates the file (mode 0600) if needed and migrates it to the newest schema. Every
   * write transaction runs the commit hook given to jt_store_open. */
  JT_STORE_WRITE,
} JtStoreMode;

/* Opens the database at `path`; the folder must exist. A file made by a newer jobtrack,
 * or by another program, is refused untouched in either mode.
 *
 * The store sits below the follow-up rules, so it cannot attach them itself: a writer
 * must be given the hook that derives follow-ups (`hook`, required for JT_STORE_WRITE,
 * NULL for JT_STORE_READ_ONLY), and programs get theirs from jt_rules_open_store
 * (jt-rules.h), which passes the rules' hook. So no writable store exists without it.
 * Returns a new store (free with jt_store_free). */
JtStore *jt_store_open (const char *path, JtStoreMode mode, JtCommitHook hook, gpointer hook_data,
                        GError **error);
void jt_store_free (JtStore *store);

/* TRUE when the store was opened JT_STORE_READ_ONLY: a write transaction is refused. */
gboolean jt_store_is_read_only (JtStore *store);
/* TRUE for a reader of a file of an older schema, which reads an upgraded copy of it. */
gboolean jt_store_reads_upgraded_copy (JtStore *store);

/* The file this store was opened from; owned by the store. */
const char *jt_store_get_path (JtStore *store);

/* The schema version of the open file, and the newest one this build knows. */
guint jt_store_get_schema_version (JtStore *store);
guint jt_store_known_schema_version (void);

/* Reads the database file through a memory map rather than a read() call per page:
 * faster for a command that reads much of a large database once (an export). The
 * pages read count as the process's resident memory while it runs (they are the
 * system's file cache, shared), so it is for such a command only, not for every one
 * and not for the daemon. */
void jt_store_use_memory_map (JtStore *store);

/* Gives back the memory the connection's page cache holds (a long-running process that
 * read a lot once, such as the daemon after writing the calendar). */
void jt_store_release_memory (JtStore *store);

/* Starts the one write transaction of an operation (BEGIN IMMEDIATE). Free the returned
 * transaction with jt_transaction_free: unless jt_transaction_commit succeeded first,
 * that rolls everything back. Transactions do not nest. */
JtTransaction *jt_store_begin_write (JtStore *store, GError **error);
/* Starts a read transaction (BEGIN DEFERRED): every read until jt_transaction_free sees
 * one snapshot of the database, however long it takes, while others go on writing (the
 * database is in WAL mode). Nothing may be written in it. */
JtTransaction *jt_store_begin_read (JtStore *store, GError **error);
gboolean jt_transaction_commit (JtTransaction *txn, GError **error);
/* TRUE inside a transaction (writers check they run in one: a programming error if not). */
gboolean jt_store_in_transaction (JtStore *store);
void jt_transaction_free (JtTransaction *txn);

/* Replaces the commit hook of a writer (new rules after the configuration changed);
 * `hook` must not be NULL. */
void jt_store_set_commit_hook (JtStore *store, JtCommitHook hook, gpointer user_data);

void jt_store_mark_application (JtStore *store, gint64 id);
void jt_store_mark_contact (JtStore *store, gint64 id);
void jt_store_mark_open_applications (JtStore *store);

/* SQLite's data_version: it changes when another connection commits to the file. */
gboolean jt_store_data_version (JtStore *store, gint64 *version, GError **error);

/* A small setting kept in the file (see the settings table). jt_store_get_setting
 * returns a new string, or NULL without an error when it was never set; setting one
 * must run inside a write transaction. */
char *jt_store_get_setting (JtStore *store, const char *key, GError **error);
gboolean jt_store_set_setting (JtStore *store, const char *key, const char *value, GError **error);

/* Calls `func` with the SQL of every statement this store has prepared so far (tests
 * use it to check that each one has an index behind it). */
void jt_store_foreach_statement (JtStore *store, void (*func) (const char *sql, gpointer user_data),
                                 gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtStore, jt_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtTransaction, jt_transaction_free)

G_END_DECLS
