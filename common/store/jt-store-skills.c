/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-skills.c: an application's best skills, one a line in applications.skills. */
#include "jt-store-skills.h"

#include <inttypes.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

GStrv
jt_skills_parse (const char *text, GError **error)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[,\n]", text != NULL ? text : "", 0, 0);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint count = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *skill = g_strstrip (parts[i]);
      char *folded;

      if (*skill == '\0')
        continue;
      folded = jt_text_fold (skill);
      if (!g_hash_table_add (seen, folded))
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the skill '%s' is listed twice"),
                       skill);
          return NULL;
        }
      if (++count > JT_SKILLS_MAX)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("keep your best %d skills, not more (got %u or more)"), JT_SKILLS_MAX,
                       count);
          return NULL;
        }
      g_strv_builder_add (builder, skill);
    }
  return g_strv_builder_end (builder);
}

GStrv
jt_store_application_get_skills (JtStore *store, gint64 application_id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store, "SELECT skills FROM applications WHERE id = ?", error);
  g_autofree char *text = NULL;
  JtStep rc;

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, application_id);
  rc = jt_store_step (store, stmt, error);
  if (rc == -1)
    return NULL;
  if (rc != JT_STEP_ROW)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("no application %" PRId64),
                   application_id);
      return NULL;
    }
  text = jt_stmt_dup_text (stmt, 0);
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\n", -1);
}

gboolean
jt_store_application_set_skills (JtStore *store, gint64 application_id, const char *const *skills,
                                 gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  stmt = jt_store_prepare (store, "UPDATE applications SET skills = ?, updated_at = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  text = g_strjoinv ("\n", (char **) skills);
  jt_stmt_bind_opt_text (stmt, 1, text);
  jt_stmt_bind_int64 (stmt, 2, now);
  jt_stmt_bind_int64 (stmt, 3, application_id);
  return jt_store_exec_one (store, stmt, N_ ("application"), application_id, error);
}
