/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-documents.c: documents, résumé versions and the files they use. */
#include "jt-store-documents.h"

#include <inttypes.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

#define DOCUMENT_SELECT                                                                            \
  "SELECT d.id, d.application_id, d.kind, d.sha256, d.name, d.note, d.resume_version_id, "         \
  "d.attached_at, v.name, f.size, f.media_type "                                                   \
  "FROM documents d JOIN files f ON f.sha256 = d.sha256 "                                          \
  "LEFT JOIN resume_versions v ON v.id = d.resume_version_id "

#define VERSION_SELECT                                                                             \
  "SELECT v.id, v.name, v.sha256, v.original_name, v.note, v.created_at, f.size, f.media_type, "   \
  "(SELECT count(*) FROM documents d WHERE d.resume_version_id = v.id) "                           \
  "FROM resume_versions v JOIN files f ON f.sha256 = v.sha256 "

JtDocument *
jt_document_new (void)
{
  return g_new0 (JtDocument, 1);
}

void
jt_document_free (JtDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->sha256);
  g_free (document->name);
  g_free (document->note);
  g_free (document->resume_version);
  g_free (document->media_type);
  g_free (document);
}

JtResumeVersion *
jt_resume_version_new (void)
{
  return g_new0 (JtResumeVersion, 1);
}

void
jt_resume_version_free (JtResumeVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->name);
  g_free (version->sha256);
  g_free (version->original_name);
  g_free (version->note);
  g_free (version->media_type);
  g_free (version);
}

void
jt_stored_file_free (JtStoredFile *file)
{
  if (file == NULL)
    return;
  g_free (file->sha256);
  g_free (file->media_type);
  g_free (file);
}

static gpointer
document_from_row (JtStmt *stmt)
{
  JtDocument *document = jt_document_new ();

  document->id = jt_stmt_int64 (stmt, 0);
  document->application_id = jt_stmt_int64 (stmt, 1);
  /* The table's CHECK only admits known kinds. */
  jt_document_kind_parse ((const char *) sqlite3_column_text (stmt, 2), &document->kind, NULL);
  document->sha256 = jt_stmt_dup_text (stmt, 3);
  document->name = jt_stmt_dup_text (stmt, 4);
  document->note = jt_stmt_dup_text (stmt, 5);
  document->resume_version_id = jt_stmt_int64 (stmt, 6);
  document->attached_at = jt_stmt_int64 (stmt, 7);
  document->resume_version = jt_stmt_dup_text (stmt, 8);
  document->size = jt_stmt_int64 (stmt, 9);
  document->media_type = jt_stmt_dup_text (stmt, 10);
  return document;
}

static gpointer
version_from_row (JtStmt *stmt)
{
  JtResumeVersion *version = jt_resume_version_new ();

  version->id = jt_stmt_int64 (stmt, 0);
  version->name = jt_stmt_dup_text (stmt, 1);
  version->sha256 = jt_stmt_dup_text (stmt, 2);
  version->original_name = jt_stmt_dup_text (stmt, 3);
  version->note = jt_stmt_dup_text (stmt, 4);
  version->created_at = jt_stmt_int64 (stmt, 5);
  version->size = jt_stmt_int64 (stmt, 6);
  version->media_type = jt_stmt_dup_text (stmt, 7);
  version->applications = (guint) jt_stmt_int64 (stmt, 8);
  return version;
}

static gpointer
stored_file_from_row (JtStmt *stmt)
{
  JtStoredFile *file = g_new0 (JtStoredFile, 1);

  file->sha256 = jt_stmt_dup_text (stmt, 0);
  file->size = jt_stmt_int64 (stmt, 1);
  file->media_type = jt_stmt_dup_text (stmt, 2);
  return file;
}

gboolean
jt_store_file_add (JtStore *store, const char *sha256, gint64 size, const char *media_type,
                   gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "INSERT INTO files (sha256, size, media_type, created_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, sha256);
  jt_stmt_bind_int64 (stmt, 2, size);
  jt_stmt_bind_text (stmt, 3, media_type);
  jt_stmt_bind_int64 (stmt, 4, now);
  return jt_store_exec_stmt (store, stmt, error);
}

GPtrArray *
jt_store_file_list (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT sha256, size, media_type FROM files ORDER BY sha256", error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, stored_file_from_row, (GDestroyNotify) jt_stored_file_free,
                           error);
}

/* The first column of the first row of `sql` (one text parameter), or NULL. */
static char *
first_text (JtStore *store, const char *sql, const char *param, gboolean *failed, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  JtStep rc;

  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, param);
  rc = jt_store_step (store, stmt, error);
  *failed = rc == JT_STEP_ERROR;
  return rc == JT_STEP_ROW ? jt_stmt_dup_text (stmt, 0) : NULL;
}

char *
jt_store_file_known_as (JtStore *store, const char *sha256, GError **error)
{
  gboolean failed;
  char *name = first_text (store, "SELECT name FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1",
                           sha256, &failed, error);

  if (name != NULL || failed)
    return name;
  return first_text (store,
                     "SELECT original_name FROM resume_versions WHERE sha256 = ? ORDER BY id "
                     "LIMIT 1",
                     sha256, &failed, error);
}

gboolean
jt_store_file_release (JtStore *store, const char *sha256, gboolean *removed, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store,
                           "DELETE FROM files WHERE sha256 = ?1 "
                           "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = ?1) "
                           "AND NOT EXISTS (SELECT 1 FROM resume_versions v WHERE v.sha256 = ?1)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, sha256);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  *removed = jt_store_changes (store) > 0;
  return TRUE;
}

gboolean
jt_store_document_with_resume_version (JtStore *store, gint64 application_id, gint64 version_id,
                                       gint64 *id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT id FROM documents WHERE application_id = ? AND resume_version_id = ?", error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  jt_stmt_bind_int64 (stmt, 2, version_id);
  rc = jt_store_step (store, stmt, error);
  *id = rc == JT_STEP_ROW ? jt_stmt_int64 (stmt, 0) : 0;
  return rc != JT_STEP_ERROR;
}

gboolean
jt_store_document_insert (JtStore *store, JtDocument *document, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (document->resume_version_id != 0)
    {
      gint64 existing;

      if (!jt_store_document_with_resume_version (store, document->application_id,
                                                  document->resume_version_id, &existing, error))
        return FALSE;
      if (existing != 0)
        {
          g_set_error (
              error, JT_ERROR, JT_ERROR_INVALID,
              _ ("application %" PRId64 " already has that résumé version (document %" PRId64 ")"),
              document->application_id, existing);
          return FALSE;
        }
    }
  if (!jt_store_file_add (store, document->sha256, document->size, document->media_type, now,
                          error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO documents (application_id, kind, sha256, name, note, "
                           "resume_version_id, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, document->application_id);
  jt_stmt_bind_text (stmt, 2, jt_document_kind_to_string (document->kind));
  jt_stmt_bind_text (stmt, 3, document->sha256);
  jt_stmt_bind_text (stmt, 4, document->name);
  jt_stmt_bind_opt_text (stmt, 5, document->note);
  jt_stmt_bind_opt_int64 (stmt, 6, document->resume_version_id);
  jt_stmt_bind_int64 (stmt, 7, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  document->id = jt_store_last_insert_id (store);
  document->attached_at = now;
  return TRUE;
}

GPtrArray *
jt_store_document_list (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, DOCUMENT_SELECT "WHERE d.application_id = ? ORDER BY d.attached_at, d.id", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  return jt_store_collect (store, stmt, document_from_row, (GDestroyNotify) jt_document_free,
                           error);
}

JtDocument *
jt_store_document_get (JtStore *store, gint64 application_id, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, DOCUMENT_SELECT "WHERE d.id = ? AND d.application_id = ?", error);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  jt_stmt_bind_int64 (stmt, 2, application_id);
  rc = jt_store_step (store, stmt, error);
  if (rc == JT_STEP_ROW)
    return document_from_row (stmt);
  if (rc == JT_STEP_DONE)
    g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND,
                 _ ("application %" PRId64 " has no document %" PRId64
                    " (see 'jobtrack app files %" PRId64 "')"),
                 application_id, id, application_id);
  return NULL;
}

JtDocument *
jt_store_document_latest_resume (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          DOCUMENT_SELECT "WHERE d.application_id = ? AND d.kind = 'resume' "
                                          "ORDER BY d.attached_at DESC, d.id DESC LIMIT 1",
                          error);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  rc = jt_store_step (store, stmt, error);
  return rc == JT_STEP_ROW ? document_from_row (stmt) : NULL;
}

gboolean
jt_store_document_delete (JtStore *store, gint64 application_id, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "DELETE FROM documents WHERE id = ? AND application_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  jt_stmt_bind_int64 (stmt, 2, application_id);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  if (jt_store_changes (store) > 0)
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND,
               _ ("application %" PRId64 " has no document %" PRId64
                  " (see 'jobtrack app files %" PRId64 "')"),
               application_id, id, application_id);
  return FALSE;
}

GStrv
jt_store_document_application_files (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, "SELECT sha256 FROM documents WHERE application_id = ?", error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      char *sha256 = jt_stmt_dup_text (stmt, 0);

      if (g_hash_table_add (seen, sha256))
        g_strv_builder_add (builder, sha256);
    }
  if (rc != JT_STEP_DONE)
    return NULL;
  return g_strv_builder_end (builder);
}

gboolean
jt_store_resume_version_insert (JtStore *store, JtResumeVersion *version, gint64 now,
                                GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (JtResumeVersion) existing = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  existing = jt_store_resume_version_find (store, version->name, &local_error);
  if (existing != NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("there is a résumé version named '%s' already (%s, added earlier); "
                      "give the new one another --name"),
                   version->name, existing->original_name);
      return FALSE;
    }
  if (!g_error_matches (local_error, JT_ERROR, JT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!jt_store_file_add (store, version->sha256, version->size, version->media_type, now, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO resume_versions (name, sha256, original_name, note, "
                           "created_at) VALUES (?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, version->name);
  jt_stmt_bind_text (stmt, 2, version->sha256);
  jt_stmt_bind_text (stmt, 3, version->original_name);
  jt_stmt_bind_opt_text (stmt, 4, version->note);
  jt_stmt_bind_int64 (stmt, 5, now);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  version->id = jt_store_last_insert_id (store);
  version->created_at = now;
  return TRUE;
}

JtResumeVersion *
jt_store_resume_version_find (JtStore *store, const char *name, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, VERSION_SELECT "WHERE v.name = ?", error);
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, name);
  rc = jt_store_step (store, stmt, error);
  if (rc == JT_STEP_ROW)
    return version_from_row (stmt);
  if (rc == JT_STEP_DONE)
    g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND,
                 _ ("no résumé version named '%s' (see 'jobtrack resume list')"), name);
  return NULL;
}

GPtrArray *
jt_store_resume_version_list (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, VERSION_SELECT "ORDER BY v.id", error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, version_from_row, (GDestroyNotify) jt_resume_version_free,
                           error);
}
