/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-completion.c: the live values a shell completes. Listings without an outer
 * WHERE read their table in rowid order; the company of a row comes from a lookup by
 * primary key. */
#include "jt-store-completion.h"

#include <string.h>

#include "jt-i18n.h"
#include "jt-store-private.h"

void
jt_completion_free (JtCompletion *completion)
{
  if (completion == NULL)
    return;
  g_free (completion->value);
  g_free (completion->description);
  g_free (completion);
}

static JtCompletion *
completion_new (char *value, char *description)
{
  JtCompletion *completion = g_new0 (JtCompletion, 1);

  completion->value = value;
  completion->description = description != NULL ? description : g_strdup ("");
  return completion;
}

/* "2026-12-01 14:00" in `tz`. New string. */
static char *
format_minute (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* Column `column` as text, "" for NULL. */
static const char *
text_at (JtStmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* A new JtCompletion from the current row of the statement for `kind`. */
static JtCompletion *
row_completion (JtStmt *stmt, JtCompletionKind kind, GTimeZone *tz)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, jt_stmt_int64 (stmt, 0));
  const char *role;
  const char *deadline;
  g_autofree char *when = NULL;

  switch (kind)
    {
    case JT_COMPLETE_APPLICATIONS:
      role = text_at (stmt, 2);
      return completion_new (g_steal_pointer (&id),
                             g_strdup_printf ("%s%s%s (%s)", text_at (stmt, 1),
                                              *role != '\0' ? ", " : "", role, text_at (stmt, 3)));
    case JT_COMPLETE_CONTACTS:
      if (*text_at (stmt, 2) == '\0')
        return completion_new (g_steal_pointer (&id), g_strdup (text_at (stmt, 1)));
      return completion_new (g_steal_pointer (&id),
                             g_strdup_printf ("%s (%s)", text_at (stmt, 1), text_at (stmt, 2)));
    case JT_COMPLETE_CONTACT_NAMES:
      return completion_new (g_strdup (text_at (stmt, 1)), g_strdup (text_at (stmt, 2)));
    case JT_COMPLETE_INTERVIEWS:
      when = format_minute (jt_stmt_int64 (stmt, 2), tz);
      return completion_new (
          g_steal_pointer (&id),
          g_strdup_printf ("%s, %s, %s", text_at (stmt, 3), text_at (stmt, 1), when));
    case JT_COMPLETE_OFFERS:
      deadline = text_at (stmt, 2);
      if (*deadline == '\0')
        return completion_new (g_steal_pointer (&id),
                               g_strdup_printf ("%s, %s", text_at (stmt, 3), text_at (stmt, 1)));
      /* TRANSLATORS: the company, the offer's state (open, negotiating, …), its deadline. */
      return completion_new (g_steal_pointer (&id),
                             g_strdup_printf (_ ("%s, %s, respond by %s"), text_at (stmt, 3),
                                              text_at (stmt, 1), deadline));
    case JT_COMPLETE_RESUME_VERSIONS:
      return completion_new (g_strdup (text_at (stmt, 1)), g_strdup (text_at (stmt, 2)));
    case JT_COMPLETE_COMPANIES: /* collect_companies () reads those */
    case JT_COMPLETE_REMINDERS: /* rendered by the caller */
      break;
    }
  g_return_val_if_reached (NULL);
}

static const char *
completion_sql (JtCompletionKind kind)
{
  switch (kind)
    {
    case JT_COMPLETE_APPLICATIONS:
      return "SELECT a.id, a.company, a.role, a.status FROM applications a ORDER BY a.id";
    case JT_COMPLETE_CONTACTS:
    case JT_COMPLETE_CONTACT_NAMES:
      return "SELECT c.id, c.name, c.company FROM contacts c ORDER BY c.id";
    case JT_COMPLETE_INTERVIEWS:
      return "SELECT i.id, i.kind, i.start_at, "
             "(SELECT a.company FROM applications a WHERE a.id = i.application_id) "
             "FROM interviews i ORDER BY i.id";
    case JT_COMPLETE_OFFERS:
      return "SELECT o.id, o.state, o.deadline, "
             "(SELECT a.company FROM applications a WHERE a.id = o.application_id) "
             "FROM offers o ORDER BY o.id";
    case JT_COMPLETE_RESUME_VERSIONS:
      return "SELECT v.id, v.name, v.original_name FROM resume_versions v ORDER BY v.id";
    case JT_COMPLETE_COMPANIES: /* jt_store_completions () asks two tables */
    case JT_COMPLETE_REMINDERS: /* rendered by the caller */
      break;
    }
  g_return_val_if_reached (NULL);
}

/* Steps `sql` into `out`, skipping values already in `seen` when it is given. */
static gboolean
collect (JtStore *store, const char *sql, JtCompletionKind kind, GTimeZone *tz, GHashTable *seen,
         GPtrArray *out, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      JtCompletion *completion = row_completion (stmt, kind, tz);

      if (seen != NULL && !g_hash_table_add (seen, jt_text_fold (completion->value)))
        jt_completion_free (completion);
      else
        g_ptr_array_add (out, completion);
    }
  return rc == JT_STEP_DONE;
}

/* Adds each folded company of `sql` ("SELECT company_key, company …") to `companies`
 * (key -> the company as written), the spelling read first (recorded first) winning. */
static gboolean
collect_companies (JtStore *store, const char *sql, GTree *companies, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  JtStep rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, stmt, error)) == JT_STEP_ROW)
    {
      const char *key = text_at (stmt, 0);

      if (*key != '\0' && g_tree_lookup (companies, key) == NULL)
        g_tree_insert (companies, g_strdup (key), g_strdup (text_at (stmt, 1)));
    }
  return rc == JT_STEP_DONE;
}

static gint
compare_keys (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return strcmp (a, b);
}

static gboolean
add_company (gpointer key, gpointer value, gpointer user_data)
{
  g_ptr_array_add (user_data, completion_new (g_strdup (value), NULL));
  return FALSE;
}

GPtrArray *
jt_store_completions (JtStore *store, JtCompletionKind kind, GTimeZone *tz, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_completion_free);
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GTree) companies = NULL;

  g_return_val_if_fail (kind != JT_COMPLETE_REMINDERS, NULL);
  if (kind == JT_COMPLETE_COMPANIES)
    {
      /* Each folded company once, from applications and from people (someone met
       * through a recruiter may work elsewhere), in the order of the folded names.
       * Every row is wanted, so the tables are read straight through: in key order
       * through an index, each row would cost a lookup of its own. */
      companies = g_tree_new_full (compare_keys, NULL, g_free, g_free);
      if (!collect_companies (store, "SELECT a.company_key, a.company FROM applications a",
                              companies, error)
          || !collect_companies (store, "SELECT c.company_key, c.company FROM contacts c",
                                 companies, error))
        return NULL;
      g_tree_foreach (companies, add_company, out);
      return g_steal_pointer (&out);
    }
  if (kind == JT_COMPLETE_CONTACT_NAMES)
    seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!collect (store, completion_sql (kind), kind, tz, seen, out, error))
    return NULL;
  return g_steal_pointer (&out);
}
