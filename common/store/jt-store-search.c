/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-search.c: full-text search over the records. */
#include "jt-store-search.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

/* Words of a snippet shown around the match. */
#define SNIPPET_WORDS 12

const char *
jt_search_kind_to_string (JtSearchKind kind)
{
  switch (kind)
    {
    case JT_SEARCH_APPLICATION:
      return "application";
    case JT_SEARCH_CONTACT:
      return "contact";
    case JT_SEARCH_INTERVIEW:
      return "interview";
    case JT_SEARCH_TOUCH:
      return "touch";
    }
  g_return_val_if_reached (NULL);
}

void
jt_search_hit_free (JtSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->snippet);
  g_free (hit->company);
  g_free (hit->role);
  g_free (hit->status);
  g_free (hit->contact_name);
  g_free (hit->what);
  g_free (hit);
}

/* Letters, digits and combining marks make words, as for the index's unicode61
 * tokenizer; everything else separates them. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
jt_search_query_from_text (const char *text, GError **error)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autoptr (GString) phrase = g_string_new (NULL);
  gboolean in_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the search text is not UTF-8"));
      return NULL;
    }
  /* Only word characters and single spaces go between the quotes, so nothing the person
   * typed can close a phrase or become an operator. */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          if (!in_word && phrase->len > 0)
            g_string_append_c (phrase, ' ');
          g_string_append_unichar (phrase, c);
          in_word = TRUE;
          continue;
        }
      in_word = FALSE;
      if ((c == 0 || g_unichar_isspace (c)) && phrase->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", phrase->str);
          g_string_truncate (phrase, 0);
        }
      if (c == 0)
        break;
    }
  if (query->len == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("nothing to search for in '%s': give a word or a number"), text);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The index's rowid is id * 8 + kind (0006-search.sql). */
#define SEARCH_SQL                                                                                 \
  "SELECT s.rowid % 8, s.rowid / 8, snippet (search_index, -1, ?3, ?4, '…', " G_STRINGIFY (        \
      SNIPPET_WORDS) "), rank, a.id, "                                                             \
                     "CASE s.rowid % 8 WHEN 2 THEN c.company ELSE a.company END, a.role, "         \
                     "a.status, "                                                                  \
                     "CASE s.rowid % 8 WHEN 2 THEN c.name ELSE tc.name END, "                      \
                     "CASE s.rowid % 8 WHEN 3 THEN i.kind ELSE t.kind END, "                       \
                     "CASE s.rowid % 8 WHEN 3 THEN i.start_at ELSE t.at END "                      \
                     "FROM search_index s "                                                        \
                     "LEFT JOIN contacts c ON s.rowid % 8 = 2 AND c.id = s.rowid / 8 "             \
                     "LEFT JOIN interviews i ON s.rowid % 8 = 3 AND i.id = s.rowid / 8 "           \
                     "LEFT JOIN touches t ON s.rowid % 8 = 4 AND t.id = s.rowid / 8 "              \
                     "LEFT JOIN contacts tc ON tc.id = t.contact_id "                              \
                     "LEFT JOIN applications a ON a.id = CASE s.rowid % 8 WHEN 1 THEN s.rowid / "  \
                     "8 "                                                                          \
                     " WHEN 3 THEN i.application_id WHEN 4 THEN t.application_id END "             \
                     "WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2"

static gpointer
hit_from_row (JtStmt *stmt)
{
  JtSearchHit *hit = g_new0 (JtSearchHit, 1);

  hit->kind = (JtSearchKind) jt_stmt_int64 (stmt, 0);
  hit->id = jt_stmt_int64 (stmt, 1);
  hit->snippet = jt_stmt_dup_text (stmt, 2);
  hit->rank = sqlite3_column_double (stmt, 3);
  hit->application_id = jt_stmt_int64 (stmt, 4);
  hit->company = jt_stmt_dup_text (stmt, 5);
  hit->role = jt_stmt_dup_text (stmt, 6);
  hit->status = jt_stmt_dup_text (stmt, 7);
  hit->contact_name = jt_stmt_dup_text (stmt, 8);
  hit->what = jt_stmt_dup_text (stmt, 9);
  hit->at = jt_stmt_int64 (stmt, 10);
  return hit;
}

GPtrArray *
jt_store_search (JtStore *store, const char *text, guint limit, const char *open, const char *close,
                 GError **error)
{
  g_autofree char *query = jt_search_query_from_text (text, error);
  g_autoptr (JtStmt) stmt = NULL;

  if (query == NULL)
    return NULL;
  stmt = jt_store_prepare (store, SEARCH_SQL, error);
  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, query);
  jt_stmt_bind_int64 (stmt, 2, limit);
  jt_stmt_bind_text (stmt, 3, open);
  jt_stmt_bind_text (stmt, 4, close);
  return jt_store_collect (store, stmt, hit_from_row, (GDestroyNotify) jt_search_hit_free, error);
}
