/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store.c: opening, migrating and transactions; the only place SQLite codes are read. */
#include "jt-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-schema-resources.h"

#define SCHEMA_RESOURCE_DIR "/org/jobtrack/schema/"

/* 'JbTk': set by 0001-init.sql, so a foreign SQLite file is refused, not migrated. */
#define JT_APPLICATION_ID 1247958123

struct _JtStore
{
  sqlite3 *db;
  char *path;
  guint schema_version;
  JtStoreMode mode;
  gboolean upgraded_copy; /* a reader of an older file: its copy in memory, upgraded */
  GHashTable *statements; /* SQL text -> sqlite3_stmt*, finalized with the store */
  JtStoreChanges changes; /* of the open write transaction */
  JtCommitHook commit_hook;
  gpointer commit_hook_data;
};

struct _JtTransaction
{
  JtStore *store;
  gboolean finished;
};

static JtTransaction *begin_write (JtStore *store, GError **error);

/* A failed write under a file-size limit (ulimit -f): SQLite does not keep the errno
 * (EFBIG) of a write, so the limit itself is what tells. */
static gboolean
file_size_limited (JtStore *store)
{
  struct rlimit limit;

  if (sqlite3_system_errno (store->db) == EFBIG)
    return TRUE;
  return sqlite3_extended_errcode (store->db) == SQLITE_IOERR_WRITE
         && getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
}

/* What kind of rule of the schema the last statement broke, in words. */
static const char *
constraint_kind (JtStore *store)
{
  switch (sqlite3_extended_errcode (store->db))
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return _ ("a link to a record that does not exist");
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return _ ("a duplicate");
    case SQLITE_CONSTRAINT_NOTNULL:
      return _ ("a missing value");
    case SQLITE_CONSTRAINT_CHECK:
      return _ ("a value the column does not allow");
    default:
      return _ ("a constraint");
    }
}

/* "adding to interviews", "changing reminders": the operation a statement is, named
 * after its verb and table, for an internal error. New string. */
static char *
describe_operation (JtStmt *stmt)
{
  g_auto (GStrv) words = g_strsplit_set (sqlite3_sql (stmt), " \n\t(", 6);
  guint n = g_strv_length (words);
  const char *verb = n > 0 ? words[0] : "";
  const char *table = NULL;

  if ((g_ascii_strcasecmp (verb, "INSERT") == 0 || g_ascii_strcasecmp (verb, "DELETE") == 0)
      || g_ascii_strcasecmp (verb, "REPLACE") == 0)
    for (guint i = 1; i + 1 < n && table == NULL; i++)
      if (g_ascii_strcasecmp (words[i], "INTO") == 0 || g_ascii_strcasecmp (words[i], "FROM") == 0)
        table = words[i + 1];
  if (g_ascii_strcasecmp (verb, "UPDATE") == 0 && n > 1)
    table = words[1];
  if (table == NULL)
    return g_strdup (_ ("saving a change"));
  if (g_ascii_strcasecmp (verb, "DELETE") == 0)
    /* TRANSLATORS: the name of a table of the database. */
    return g_strdup_printf (_ ("removing from %s"), table);
  if (g_ascii_strcasecmp (verb, "UPDATE") == 0)
    return g_strdup_printf (_ ("changing %s"), table);
  return g_strdup_printf (_ ("adding to %s"), table);
}

void
jt_store_set_error (JtStore *store, GError **error, const char *what)
{
  int code = sqlite3_extended_errcode (store->db) & 0xff;
  const char *detail = sqlite3_errmsg (store->db);

  switch (code)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JT_ERROR, JT_ERROR_BUSY,
                   _ ("%s: the database %s is locked by another program (waited %d s)"), what,
                   store->path, JT_STORE_BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_READONLY:
      g_set_error (error, JT_ERROR, JT_ERROR_READ_ONLY, _ ("%s: the database %s is read-only"),
                   what, store->path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE, _ ("%s is not a jobtrack database"),
                   store->path);
      break;
    case SQLITE_CONSTRAINT:
      /* Input is checked before it is written, so this is a bug, not bad usage. */
      g_set_error (error, JT_ERROR, JT_ERROR_INTERNAL,
                   /* TRANSLATORS: what was being done ("adding to interviews"), then the
                    * kind of rule ("a duplicate"). */
                   _ ("internal error of jobtrack: %s broke a rule of the database (%s); nothing "
                      "was changed"),
                   what, constraint_kind (store));
      break;
    case SQLITE_FULL:
      g_set_error (error, JT_ERROR, JT_ERROR_DATABASE, _ ("%s: the disk holding %s is full"), what,
                   store->path);
      break;
    default:
      /* A write refused by the system says little ("disk I/O error"); its errno says why. */
      if (code == SQLITE_IOERR && file_size_limited (store))
        g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
                     _ ("%s: %s would grow past the file size limit (ulimit -f)"), what,
                     store->path);
      else if (code == SQLITE_IOERR && sqlite3_system_errno (store->db) == ENOSPC)
        g_set_error (error, JT_ERROR, JT_ERROR_DATABASE, _ ("%s: the disk holding %s is full"),
                     what, store->path);
      else
        g_set_error (error, JT_ERROR, JT_ERROR_DATABASE, "%s: %s", what, detail);
      break;
    }
}

static gboolean
exec_sql (JtStore *store, const char *sql, const char *what, GError **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  jt_store_set_error (store, error, what);
  return FALSE;
}

/* Reads a PRAGMA that returns one integer. */
static gboolean
pragma_int (JtStore *store, const char *pragma, gint64 *value, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  else
    jt_store_set_error (store, error, _ ("cannot read the database"));
  sqlite3_finalize (stmt);
  return ok;
}

/* The migrations compiled in from schema/, as resource names sorted by number. Their
 * numbers must run 1..N without gaps: the number is the schema version it produces. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GStrv
migration_names (void)
{
  g_auto (GStrv) names
      = g_resource_enumerate_children (jt_schema_get_resource (), SCHEMA_RESOURCE_DIR, 0, NULL);
  g_autoptr (GPtrArray) sql_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sql_names, g_strdup (names[i]));
  g_ptr_array_sort (sql_names, compare_names);
  for (guint i = 0; i < sql_names->len; i++)
    g_assert (strtoul (g_ptr_array_index (sql_names, i), NULL, 10) == i + 1);
  g_ptr_array_add (sql_names, NULL);
  return (GStrv) g_ptr_array_steal (sql_names, NULL);
}

guint
jt_store_known_schema_version (void)
{
  g_auto (GStrv) names = migration_names ();
  return g_strv_length (names);
}

/* TRUE when every foreign key of the database points at a row; a migration that makes
 * a table again runs with the keys off, so this is its check before it commits. */
static gboolean
foreign_keys_hold (JtStore *store, const char *what, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
                 _ ("%s: a record would refer to one that does not exist"), what);
  else
    jt_store_set_error (store, error, what);
  return FALSE;
}

/* Applies migration number `version` in its own transaction, unless another process
 * got there first while we waited for the write lock. */
static gboolean
apply_migration (JtStore *store, guint version, const char *name, GError **error)
{
  g_autofree char *resource_path = g_strconcat (SCHEMA_RESOURCE_DIR, name, NULL);
  g_autoptr (GBytes) bytes
      = g_resource_lookup_data (jt_schema_get_resource (), resource_path, 0, NULL);
  g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
  g_autofree char *what
      = g_strdup_printf (_ ("cannot upgrade %s to schema %u"), store->path, version);
  g_autoptr (JtTransaction) txn = begin_write (store, error);
  gint64 current;

  if (txn == NULL || !pragma_int (store, "user_version", &current, error))
    return FALSE;
  if (current >= version)
    return jt_transaction_commit (g_steal_pointer (&txn), error);
  if (!exec_sql (store, sql, what, error) || !foreign_keys_hold (store, what, error)
      || !exec_sql (store, set_version, what, error))
    return FALSE;
  return jt_transaction_commit (g_steal_pointer (&txn), error);
}

/* Creates the file with mode 0600 before SQLite sees it; SQLite gives its -wal and
 * -shm files the same mode. Refuses to follow a symlink or open a directory. */
static gboolean
create_private_file (const char *path, GError **error)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;
  g_set_error (error, JT_ERROR,
               errno == EROFS || errno == EACCES ? JT_ERROR_READ_ONLY : JT_ERROR_DATABASE,
               _ ("cannot create the database %s: %s"), path, g_strerror (errno));
  return FALSE;
}

static gboolean
check_is_regular_file (const char *path, GError **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_DATABASE, _ ("cannot open the database %s: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE,
                   _ ("%s is not a jobtrack database (not a regular file)"), path);
      return FALSE;
    }
  return TRUE;
}

/* Everything that decides whether we may touch the file at all, read before any write. */
static gboolean
check_ownership (JtStore *store, GError **error)
{
  gint64 user_version, application_id, tables;
  guint known = jt_store_known_schema_version ();

  if (!pragma_int (store, "user_version", &user_version, error)
      || !pragma_int (store, "application_id", &application_id, error))
    return FALSE;
  if (user_version > known)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NEWER_SCHEMA,
                   _ ("%s was made by a newer jobtrack (schema %" PRId64
                      ", this one knows up to %u); upgrade jobtrack to use it"),
                   store->path, user_version, known);
      return FALSE;
    }
  if (application_id != 0 && application_id != JT_APPLICATION_ID)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE,
                   _ ("%s is not a jobtrack database (it belongs to another program)"),
                   store->path);
      return FALSE;
    }
  /* A SQLite file with tables but no version is someone else's, not an empty one of ours. */
  if (user_version == 0 && !pragma_int (store, "schema_version", &tables, error))
    return FALSE;
  if (user_version == 0 && tables != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_A_DATABASE,
                   _ ("%s is not a jobtrack database (it holds other tables)"), store->path);
      return FALSE;
    }
  store->schema_version = (guint) user_version;
  return TRUE;
}

static gboolean
configure_connection (JtStore *store, GError **error)
{
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_extended_result_codes (store->db, 1);
  if (!exec_sql (store, "PRAGMA foreign_keys = ON", _ ("cannot open the database"), error))
    return FALSE;

  /* Switching to WAL writes the header, so ask first: a read-only copy that is already
   * in WAL mode can still be read. */
  if (sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (mode == NULL)
    {
      jt_store_set_error (store, error, _ ("cannot open the database"));
      return FALSE;
    }
  if (g_ascii_strcasecmp (mode, "wal") != 0 && sqlite3_db_readonly (store->db, "main") == 0)
    return exec_sql (store, "PRAGMA journal_mode = WAL", _ ("cannot open the database"), error);
  return TRUE;
}

/* jt_company_family (TEXT) for SQL: migration 0006 fills the company families of the
 * rows it finds with it, and a restore those of an older backup. */
static void
sql_company_family (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *company = (const char *) sqlite3_value_text (argv[0]);
  char *family = jt_company_family (company);

  sqlite3_result_text (context, family, -1, g_free);
}

static gboolean
register_functions (JtStore *store, GError **error)
{
  if (sqlite3_create_function (store->db, "jt_company_family", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_company_family, NULL,
                               NULL)
      == SQLITE_OK)
    return TRUE;
  jt_store_set_error (store, error, _ ("cannot open the database"));
  return FALSE;
}

static gboolean
migrate (JtStore *store, GError **error)
{
  g_auto (GStrv) names = migration_names ();
  guint known = g_strv_length (names);

  if (store->schema_version == known)
    return TRUE;
  if (sqlite3_db_readonly (store->db, "main") == 1)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_READ_ONLY,
                   _ ("cannot upgrade %s to schema %u: the database is read-only"), store->path,
                   known);
      return FALSE;
    }
  /* Foreign keys off while a migration runs (SQLite ignores the pragma inside a
   * transaction): a table made again is dropped, and with the keys on that would delete
   * every row that refers to it. apply_migration checks the keys before each commit. */
  if (!exec_sql (store, "PRAGMA foreign_keys = OFF", _ ("cannot open the database"), error))
    return FALSE;
  for (guint version = store->schema_version + 1; version <= known; version++)
    if (!apply_migration (store, version, names[version - 1], error))
      {
        exec_sql (store, "PRAGMA foreign_keys = ON", _ ("cannot open the database"), NULL);
        return FALSE;
      }
  store->schema_version = known;
  return exec_sql (store, "PRAGMA foreign_keys = ON", _ ("cannot open the database"), error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* TRUE when the folder of `path` is on a file system mounted read-only. */
static gboolean
on_read_only_file_system (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  struct statvfs fs;

  return statvfs (folder, &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

/* Once per process, before SQLite starts: no allocation statistics (nothing reads them,
 * and keeping them takes a global lock around every allocation, which threads then
 * queue for). */
static void
configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

/* Opens the connection to the file: read-only when asked, or when the file system is. */
static gboolean
open_file (JtStore *store, GError **error)
{
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (on_read_only_file_system (store->path))
    {
      /* SQLite cannot make the WAL index (PATH-shm) there, so it could not even read;
       * nothing can change the file either, which is what "immutable" promises. Writes
       * then fail as read-only. */
      g_autofree char *escaped = g_uri_escape_string (store->path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &store->db, flags | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    /* A reader too opens read-write, and is kept from writing by query_only: a read-only
     * connection could not remove the PATH-wal and PATH-shm it makes when it closes. */
    rc = sqlite3_open_v2 (store->path, &store->db, flags | SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      /* Before the first read: a read can meet another process's lock too (the last
       * connection to close checkpoints the WAL under an exclusive lock). */
      sqlite3_busy_timeout (store->db, JT_STORE_BUSY_TIMEOUT_MS);
      return TRUE;
    }
  if (store->db == NULL)
    g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
                 _ ("cannot open the database %s: out of memory"), store->path);
  else
    jt_store_set_error (store, error, _ ("cannot open the database"));
  return FALSE;
}

/* A reader of a database that has no records yet: an empty one of the newest schema in
 * memory, so every query answers as it would on a new file, and the file is left
 * alone (or not created). */
static gboolean
open_empty (JtStore *store, GError **error)
{
  g_clear_pointer (&store->db, sqlite3_close);
  store->schema_version = 0;
  if (sqlite3_open_v2 (":memory:", &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
                   _ ("cannot open the database %s: out of memory"), store->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (store->db, 1);
  return register_functions (store, error) && migrate (store, error)
         && exec_sql (store, "PRAGMA query_only = 1", _ ("cannot open the database"), error);
}

/* A reader of a database of an older schema: a copy of it in memory, upgraded there, so
 * the command answers as it will after the upgrade, which the next writer makes to the
 * file itself. The copy costs the file's size in memory for as long as the command runs,
 * and only until the next write. */
static gboolean
open_upgraded_copy (JtStore *store, GError **error)
{
  sqlite3 *file = g_steal_pointer (&store->db);
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (":memory:", &store->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    {
      sqlite3_close (file);
      g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
                   _ ("cannot open the database %s: out of memory"), store->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (store->db, 1);
  backup = sqlite3_backup_init (store->db, "main", file, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (store->db);
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  sqlite3_close (file);
  if (rc != SQLITE_DONE)
    {
      jt_store_set_error (store, error, _ ("cannot read the database"));
      return FALSE;
    }
  store->upgraded_copy = TRUE;
  return register_functions (store, error) && migrate (store, error)
         && exec_sql (store, "PRAGMA query_only = 1", _ ("cannot open the database"), error);
}

static gboolean
open_reader (JtStore *store, GError **error)
{
  GStatBuf st;

  if (g_lstat (store->path, &st) != 0 && errno == ENOENT)
    return open_empty (store, error);
  if (!check_is_regular_file (store->path, error) || !open_file (store, error)
      || !check_ownership (store, error))
    return FALSE;
  if (store->schema_version == 0)
    return open_empty (store, error);
  if (store->schema_version < jt_store_known_schema_version ())
    return open_upgraded_copy (store, error);
  return exec_sql (store, "PRAGMA query_only = 1", _ ("cannot open the database"), error)
         && register_functions (store, error);
}

static gboolean
open_writer (JtStore *store, GError **error)
{
  return create_private_file (store->path, error) && check_is_regular_file (store->path, error)
         && open_file (store, error) && check_ownership (store, error)
         && configure_connection (store, error) && register_functions (store, error)
         && migrate (store, error);
}

JtStore *
jt_store_open (const char *path, JtStoreMode mode, JtCommitHook hook, gpointer hook_data,
               GError **error)
{
  g_autoptr (JtStore) store = NULL;

  /* A programming error, but one that must not go on to write without the rules. */
  if ((mode == JT_STORE_WRITE) != (hook != NULL))
    {
      g_critical ("jt_store_open: a writer needs a commit hook, a reader has none");
      g_set_error (error, JT_ERROR, JT_ERROR_INTERNAL,
                   _ ("internal error of jobtrack: the database %s was opened without its rules"),
                   path);
      return NULL;
    }
  configure_sqlite ();
  store = g_new0 (JtStore, 1);
  store->path = g_strdup (path);
  store->mode = mode;
  store->commit_hook = hook;
  store->commit_hook_data = hook_data;
  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  store->changes.applications = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  store->changes.contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!(mode == JT_STORE_READ_ONLY ? open_reader (store, error) : open_writer (store, error)))
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
jt_store_reads_upgraded_copy (JtStore *store)
{
  return store->upgraded_copy;
}

gboolean
jt_store_is_read_only (JtStore *store)
{
  return store->mode == JT_STORE_READ_ONLY;
}

void
jt_store_free (JtStore *store)
{
  if (store == NULL)
    return;
  g_hash_table_destroy (store->statements);
  g_hash_table_destroy (store->changes.applications);
  g_hash_table_destroy (store->changes.contacts);
  sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

const char *
jt_store_get_path (JtStore *store)
{
  return store->path;
}

guint
jt_store_get_schema_version (JtStore *store)
{
  return store->schema_version;
}

static void
clear_changes (JtStore *store)
{
  g_hash_table_remove_all (store->changes.applications);
  g_hash_table_remove_all (store->changes.contacts);
  store->changes.open_applications = FALSE;
}

static gboolean
has_changes (JtStore *store)
{
  return g_hash_table_size (store->changes.applications) > 0
         || g_hash_table_size (store->changes.contacts) > 0 || store->changes.open_applications;
}

static void
add_id (GHashTable *set, gint64 id)
{
  if (id != 0 && !g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
jt_store_mark_application (JtStore *store, gint64 id)
{
  add_id (store->changes.applications, id);
}

void
jt_store_mark_contact (JtStore *store, gint64 id)
{
  add_id (store->changes.contacts, id);
}

void
jt_store_mark_open_applications (JtStore *store)
{
  store->changes.open_applications = TRUE;
}

void
jt_store_set_commit_hook (JtStore *store, JtCommitHook hook, gpointer user_data)
{
  g_return_if_fail (store->mode == JT_STORE_WRITE && hook != NULL);
  store->commit_hook = hook;
  store->commit_hook_data = user_data;
}

/* Hands the changes to the hook; they are moved out first, so the hook's own writes
 * start a fresh record that is then dropped. */
static gboolean
run_commit_hook (JtStore *store, GError **error)
{
  JtStoreChanges changes = store->changes;
  gboolean ok;

  if (store->commit_hook == NULL || !has_changes (store))
    return TRUE;
  store->changes.applications = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  store->changes.contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  store->changes.open_applications = FALSE;
  ok = store->commit_hook (store, &changes, store->commit_hook_data, error);
  g_hash_table_unref (changes.applications);
  g_hash_table_unref (changes.contacts);
  clear_changes (store);
  return ok;
}

/* The write transaction itself; migrations use it on a reader's empty database too. */
static JtTransaction *
begin_write (JtStore *store, GError **error)
{
  JtTransaction *txn;

  if (!exec_sql (store, "BEGIN IMMEDIATE", _ ("cannot write to the database"), error))
    return NULL;
  clear_changes (store);
  txn = g_new0 (JtTransaction, 1);
  txn->store = store;
  return txn;
}

JtTransaction *
jt_store_begin_write (JtStore *store, GError **error)
{
  if (store->mode == JT_STORE_READ_ONLY)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INTERNAL,
                   _ ("internal error of jobtrack: a write to %s, opened to read only"),
                   store->path);
      return NULL;
    }
  return begin_write (store, error);
}

void
jt_store_use_memory_map (JtStore *store)
{
  /* Address space, not memory: only the pages read are ever loaded. SQLite falls back
   * to read() where mapping is not possible, so a failure here changes nothing. */
  if (sqlite3_exec (store->db, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("cannot map %s into memory: %s", store->path, sqlite3_errmsg (store->db));
}

void
jt_store_release_memory (JtStore *store)
{
  sqlite3_db_release_memory (store->db);
}

JtTransaction *
jt_store_begin_read (JtStore *store, GError **error)
{
  JtTransaction *txn;

  if (!exec_sql (store, "BEGIN DEFERRED", _ ("cannot read the database"), error))
    return NULL;
  txn = g_new0 (JtTransaction, 1);
  txn->store = store;
  return txn;
}

gboolean
jt_transaction_commit (JtTransaction *txn, GError **error)
{
  g_autoptr (JtTransaction) owned G_GNUC_UNUSED = txn; /* frees it on every return */

  if (!run_commit_hook (txn->store, error))
    return FALSE; /* the free below rolls back */
  if (!exec_sql (txn->store, "COMMIT", _ ("cannot save the change"), error))
    return FALSE; /* the free below rolls back */
  txn->finished = TRUE;
  return TRUE;
}

void
jt_transaction_free (JtTransaction *txn)
{
  if (txn == NULL)
    return;
  if (!txn->finished && sqlite3_get_autocommit (txn->store->db) == 0)
    sqlite3_exec (txn->store->db, "ROLLBACK", NULL, NULL, NULL);
  g_free (txn);
}

void
jt_store_foreach_statement (JtStore *store, void (*func) (const char *sql, gpointer user_data),
                            gpointer user_data)
{
  GHashTableIter iter;
  gpointer sql;

  g_hash_table_iter_init (&iter, store->statements);
  while (g_hash_table_iter_next (&iter, &sql, NULL))
    func (sql, user_data);
}

JtStmt *
jt_store_prepare (JtStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      jt_store_set_error (store, error, _ ("cannot read the database"));
      return NULL;
    }
  g_hash_table_insert (store->statements, g_strdup (sql), stmt);
  return stmt;
}

JtStep
jt_store_step (JtStore *store, JtStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return JT_STEP_ROW;
  if (rc == SQLITE_DONE)
    return JT_STEP_DONE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_autofree char *operation = describe_operation (stmt);

      jt_store_set_error (store, error, operation);
    }
  else
    jt_store_set_error (store, error,
                        sqlite3_stmt_readonly (stmt) ? _ ("cannot read the database")
                                                     : _ ("cannot save the change"));
  return -1;
}

gboolean
jt_store_exec_untrusted (JtStore *store, JtStmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("it breaks a rule of the database (%s)"),
                   constraint_kind (store));
      return FALSE;
    }
  jt_store_set_error (store, error, _ ("cannot save the change"));
  return FALSE;
}

gboolean
jt_store_exec_stmt (JtStore *store, JtStmt *stmt, GError **error)
{
  return jt_store_step (store, stmt, error) == JT_STEP_DONE;
}

gboolean
jt_store_data_version (JtStore *store, gint64 *version, GError **error)
{
  return pragma_int (store, "data_version", version, error);
}

char *
jt_store_get_setting (JtStore *store, const char *key, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, "SELECT value FROM settings WHERE key = ?", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, key);
  return jt_store_step (store, stmt, error) == JT_STEP_ROW ? jt_stmt_dup_text (stmt, 0) : NULL;
}

gboolean
jt_store_set_setting (JtStore *store, const char *key, const char *value, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, key);
  jt_stmt_bind_text (stmt, 2, value);
  return jt_store_exec_stmt (store, stmt, error);
}

GPtrArray *
jt_store_collect (JtStore *store, JtStmt *stmt, JtRowFunc row, GDestroyNotify free_func,
                  GError **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  JtStep rc;

  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    g_ptr_array_add (records, row (stmt));
  return rc == JT_STEP_DONE ? g_steal_pointer (&records) : NULL;
}

gpointer
jt_store_fetch_one (JtStore *store, JtStmt *stmt, JtRowFunc row, const char *what, gint64 id,
                    GError **error)
{
  JtStep rc = jt_store_step (store, stmt, error);

  if (rc == JT_STEP_ROW)
    return row (stmt);
  if (rc == JT_STEP_DONE)
    /* TRANSLATORS: a kind of record (application, contact, …), then its id. */
    g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("no %s %" PRId64), _ (what), id);
  return NULL;
}

gboolean
jt_store_exec_one (JtStore *store, JtStmt *stmt, const char *what, gint64 id, GError **error)
{
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  if (jt_store_changes (store) > 0)
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("no %s %" PRId64), _ (what), id);
  return FALSE;
}

guint
jt_store_changes (JtStore *store)
{
  return (guint) sqlite3_changes (store->db);
}

gint64
jt_store_last_insert_id (JtStore *store)
{
  return sqlite3_last_insert_rowid (store->db);
}

void
jt_stmt_bind_text (JtStmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
jt_stmt_bind_opt_text (JtStmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
jt_stmt_bind_int64 (JtStmt *stmt, int index, gint64 value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
jt_stmt_bind_opt_int64 (JtStmt *stmt, int index, gint64 value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

char *
jt_stmt_dup_text (JtStmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text == NULL ? NULL : g_strndup ((const char *) text, sqlite3_column_bytes (stmt, column));
}

gint64
jt_stmt_int64 (JtStmt *stmt, int column)
{
  return sqlite3_column_int64 (stmt, column);
}

gboolean
jt_store_in_transaction (JtStore *store)
{
  return sqlite3_get_autocommit (store->db) == 0;
}
