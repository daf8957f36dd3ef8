/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-postings.c: the postings applications were captured from. */
#include "jt-store-postings.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-private.h"

static const char *const source_names[] = { "json-ld", "opengraph", "title" };

JtSavedPosting *
jt_saved_posting_new (void)
{
  return g_new0 (JtSavedPosting, 1);
}

void
jt_saved_posting_free (JtSavedPosting *posting)
{
  if (posting == NULL)
    return;
  g_free (posting->source);
  g_free (posting->title);
  g_free (posting->url);
  g_free (posting->identifier);
  g_free (posting->location);
  g_free (posting->employment_type);
  g_free (posting->salary);
  g_free (posting);
}

gboolean
jt_store_posting_save (JtStore *store, const JtSavedPosting *posting, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (JtApplication) app = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  g_return_val_if_fail (posting->title != NULL, FALSE);
  if (posting->source == NULL
      || !g_strv_contains (
          (const char *const[]){ source_names[0], source_names[1], source_names[2], NULL },
          posting->source))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("unknown posting source '%s'"),
                   posting->source != NULL ? posting->source : "");
      return FALSE;
    }
  if ((app = jt_store_application_get (store, posting->application_id, error)) == NULL)
    return FALSE;
  stmt = jt_store_prepare (
      store,
      "INSERT OR REPLACE INTO postings (application_id, source, title, url, identifier, "
      "location, employment_type, salary, posted_at, closes_at, closes_on_day, captured_at, "
      "posted_on_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, posting->application_id);
  jt_stmt_bind_text (stmt, 2, posting->source);
  jt_stmt_bind_text (stmt, 3, posting->title);
  jt_stmt_bind_opt_text (stmt, 4, posting->url);
  jt_stmt_bind_opt_text (stmt, 5, posting->identifier);
  jt_stmt_bind_opt_text (stmt, 6, posting->location);
  jt_stmt_bind_opt_text (stmt, 7, posting->employment_type);
  jt_stmt_bind_opt_text (stmt, 8, posting->salary);
  jt_stmt_bind_opt_int64 (stmt, 9, posting->posted_at);
  jt_stmt_bind_opt_int64 (stmt, 10, posting->closes_at);
  jt_stmt_bind_int64 (stmt, 11, posting->closes_on_day ? 1 : 0);
  jt_stmt_bind_int64 (stmt, 12, posting->captured_at);
  jt_stmt_bind_int64 (stmt, 13, posting->posted_on_day ? 1 : 0);
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  jt_store_mark_application (store, posting->application_id);
  return TRUE;
}

static gpointer
posting_from_row (JtStmt *stmt)
{
  JtSavedPosting *posting = jt_saved_posting_new ();

  posting->application_id = jt_stmt_int64 (stmt, 0);
  posting->source = jt_stmt_dup_text (stmt, 1);
  posting->title = jt_stmt_dup_text (stmt, 2);
  posting->url = jt_stmt_dup_text (stmt, 3);
  posting->identifier = jt_stmt_dup_text (stmt, 4);
  posting->location = jt_stmt_dup_text (stmt, 5);
  posting->employment_type = jt_stmt_dup_text (stmt, 6);
  posting->salary = jt_stmt_dup_text (stmt, 7);
  posting->posted_at = jt_stmt_int64 (stmt, 8);
  posting->closes_at = jt_stmt_int64 (stmt, 9);
  posting->closes_on_day = jt_stmt_int64 (stmt, 10) != 0;
  posting->captured_at = jt_stmt_int64 (stmt, 11);
  posting->posted_on_day = jt_stmt_int64 (stmt, 12) != 0;
  return posting;
}

gboolean
jt_store_posting_lookup (JtStore *store, gint64 application_id, JtSavedPosting **posting,
                         GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "SELECT application_id, source, title, url, identifier, location, employment_type, "
      "salary, posted_at, closes_at, closes_on_day, captured_at, posted_on_day FROM postings "
      "WHERE application_id = ?",
      error);
  JtStep step;

  *posting = NULL;
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  if ((step = jt_store_step (store, stmt, error)) == JT_STEP_ERROR)
    return FALSE;
  if (step == JT_STEP_ROW)
    *posting = posting_from_row (stmt);
  return TRUE;
}

/* Appends to `ids` the applications that `sql` finds for `value` (its one parameter). */
static gboolean
add_matches (JtStore *store, const char *sql, const char *value, GArray *ids, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  JtStep step;

  if (value == NULL || *value == '\0')
    return TRUE;
  if ((stmt = jt_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  jt_stmt_bind_text (stmt, 1, value);
  while ((step = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      gint64 id = jt_stmt_int64 (stmt, 0);
      gboolean known = FALSE;

      for (guint i = 0; i < ids->len && !known; i++)
        known = g_array_index (ids, gint64, i) == id;
      if (!known)
        g_array_append_val (ids, id);
    }
  return step == JT_STEP_DONE;
}

static gint
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

GArray *
jt_store_posting_find (JtStore *store, const char *url, const char *identifier, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* An application given the posting's address as its link (`app add --url`) is the
   * posting recorded by hand. Each query has its index (postings_by_url,
   * postings_by_identifier, applications_by_url). */
  if (!add_matches (store, "SELECT application_id FROM postings WHERE url = ?", url, ids, error)
      || !add_matches (store, "SELECT id FROM applications WHERE url = ?", url, ids, error)
      || !add_matches (store, "SELECT application_id FROM postings WHERE identifier = ?",
                       identifier, ids, error))
    return NULL;
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

gboolean
jt_store_posting_fill_posted_day (JtStore *store, GError **error)
{
  /* Every row once, as the migration: a restore writes every row anyway. */
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store,
      "UPDATE postings SET posted_on_day = 1 "
      "WHERE posted_at IS NOT NULL AND posted_at <> 0 AND posted_at % 86400 = 0",
      error);

  return stmt != NULL && jt_store_exec_stmt (store, stmt, error);
}
