/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-contacts.c: contacts and their roles. */
#include "jt-store-contacts.h"

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-private.h"

gpointer
jt_contact_from_row (JtStmt *stmt)
{
  JtContact *contact = jt_contact_new ();
  g_autofree char *roles = jt_stmt_dup_text (stmt, 12);

  contact->id = jt_stmt_int64 (stmt, 0);
  contact->name = jt_stmt_dup_text (stmt, 1);
  contact->title = jt_stmt_dup_text (stmt, 2);
  contact->company = jt_stmt_dup_text (stmt, 3);
  contact->email = jt_stmt_dup_text (stmt, 4);
  contact->phone = jt_stmt_dup_text (stmt, 5);
  contact->url = jt_stmt_dup_text (stmt, 6);
  contact->hit_it_off = jt_stmt_int64 (stmt, 7) != 0;
  contact->network = jt_stmt_int64 (stmt, 8) != 0;
  contact->notes = jt_stmt_dup_text (stmt, 9);
  contact->created_at = jt_stmt_int64 (stmt, 10);
  contact->updated_at = jt_stmt_int64 (stmt, 11);
  /* The table's CHECK only admits known role names. */
  if (roles != NULL)
    jt_contact_roles_parse (roles, &contact->roles, NULL);
  return contact;
}

gboolean
jt_store_contact_add_roles (JtStore *store, gint64 contact_id, guint roles, GError **error)
{
  jt_store_mark_contact (store, contact_id);
  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    {
      g_autoptr (JtStmt) stmt = NULL;

      if ((roles & (1u << i)) == 0)
        continue;
      stmt = jt_store_prepare (
          store, "INSERT OR IGNORE INTO contact_roles (contact_id, role) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      jt_stmt_bind_int64 (stmt, 1, contact_id);
      jt_stmt_bind_text (stmt, 2, jt_contact_role_to_string (1u << i));
      if (!jt_store_exec_stmt (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds the folded company, name and email (NULL when none) from `index` on. */
static void
bind_keys (JtStmt *stmt, int index, const JtContact *contact)
{
  g_autofree char *company = jt_text_fold (contact->company);
  g_autofree char *name = jt_text_fold (contact->name);
  g_autofree char *email = jt_text_fold (contact->email);

  jt_stmt_bind_text (stmt, index, company);
  jt_stmt_bind_text (stmt, index + 1, name);
  jt_stmt_bind_opt_text (stmt, index + 2, email);
}

/* Binds what an insert and an update both write: the contact's fields at 1-9, `now` at
 * 10 (created_at, or updated_at), its folded keys at 12-14. Each binds 11 itself. */
static void
bind_fields (JtStmt *stmt, const JtContact *contact, gint64 now)
{
  jt_stmt_bind_text (stmt, 1, contact->name);
  jt_stmt_bind_opt_text (stmt, 2, contact->title);
  jt_stmt_bind_text (stmt, 3, contact->company != NULL ? contact->company : "");
  jt_stmt_bind_opt_text (stmt, 4, contact->email);
  jt_stmt_bind_opt_text (stmt, 5, contact->phone);
  jt_stmt_bind_opt_text (stmt, 6, contact->url);
  jt_stmt_bind_int64 (stmt, 7, contact->hit_it_off ? 1 : 0);
  jt_stmt_bind_int64 (stmt, 8, contact->network ? 1 : 0);
  jt_stmt_bind_opt_text (stmt, 9, contact->notes);
  jt_stmt_bind_int64 (stmt, 10, now);
  bind_keys (stmt, 12, contact);
}

static gboolean
validate (const JtContact *contact, GError **error)
{
  if (jt_text_is_blank (contact->name))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("a contact needs a name"));
      return FALSE;
    }
  return TRUE;
}

gboolean
jt_store_contact_insert (JtStore *store, JtContact *contact, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (contact, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "INSERT INTO contacts (name, title, company, email, phone, url, "
                           "hit_it_off, network, notes, created_at, updated_at, company_key, "
                           "name_key, email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, contact, now);
  jt_stmt_bind_int64 (stmt, 11, now); /* updated_at */
  if (!jt_store_exec_stmt (store, stmt, error))
    return FALSE;
  contact->id = jt_store_last_insert_id (store);
  contact->created_at = contact->updated_at = now;
  jt_store_mark_contact (store, contact->id);
  return jt_store_contact_add_roles (store, contact->id, contact->roles, error);
}

gboolean
jt_store_contact_update (JtStore *store, JtContact *contact, gint64 now, GError **error)
{
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (JtStmt) clear_roles = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  if (!validate (contact, error))
    return FALSE;
  stmt = jt_store_prepare (store,
                           "UPDATE contacts SET name = ?, title = ?, company = ?, email = ?, "
                           "phone = ?, url = ?, hit_it_off = ?, network = ?, notes = ?, "
                           "updated_at = ?, company_key = ?12, name_key = ?13, email_key = ?14 "
                           "WHERE id = ?11",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, contact, now);
  jt_stmt_bind_int64 (stmt, 11, contact->id);
  if (!jt_store_exec_one (store, stmt, N_ ("contact"), contact->id, error))
    return FALSE;
  contact->updated_at = now;
  jt_store_mark_contact (store, contact->id);
  clear_roles = jt_store_prepare (store, "DELETE FROM contact_roles WHERE contact_id = ?", error);
  if (clear_roles == NULL)
    return FALSE;
  jt_stmt_bind_int64 (clear_roles, 1, contact->id);
  return jt_store_exec_stmt (store, clear_roles, error)
         && jt_store_contact_add_roles (store, contact->id, contact->roles, error);
}

JtContact *
jt_store_contact_get (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " JT_CONTACT_COLUMNS " FROM contacts c WHERE c.id = ?", error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_fetch_one (store, stmt, jt_contact_from_row, N_ ("contact"), id, error);
}

GPtrArray *
jt_store_contact_list (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " JT_CONTACT_COLUMNS " FROM contacts c ORDER BY c.id", error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, jt_contact_from_row, (GDestroyNotify) jt_contact_free,
                           error);
}

GPtrArray *
jt_store_contact_list_network (JtStore *store, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (
      store, "SELECT " JT_CONTACT_COLUMNS " FROM contacts c WHERE c.network = 1 ORDER BY c.id",
      error);

  if (stmt == NULL)
    return NULL;
  return jt_store_collect (store, stmt, jt_contact_from_row, (GDestroyNotify) jt_contact_free,
                           error);
}

static JtContact *
find_one (JtStore *store, const char *sql, const char *company, const char *key, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  g_autofree char *company_key = jt_text_fold (company);
  g_autofree char *folded_key = jt_text_fold (key);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_text (stmt, 1, company_key);
  jt_stmt_bind_text (stmt, 2, folded_key);
  return jt_store_step (store, stmt, error) == JT_STEP_ROW ? jt_contact_from_row (stmt) : NULL;
}

JtContact *
jt_store_contact_find (JtStore *store, const char *company, const char *email, const char *name,
                       GError **error)
{
  GError *local_error = NULL;
  JtContact *found = NULL;

  if (email != NULL && *email != '\0')
    found = find_one (store,
                      "SELECT " JT_CONTACT_COLUMNS " FROM contacts c "
                      "WHERE c.company_key = ? AND c.email_key = ? ORDER BY c.id LIMIT 1",
                      company, email, &local_error);
  if (found == NULL && local_error == NULL && name != NULL)
    found = find_one (store,
                      "SELECT " JT_CONTACT_COLUMNS " FROM contacts c "
                      "WHERE c.company_key = ? AND c.name_key = ? ORDER BY c.id LIMIT 1",
                      company, name, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return found;
}

GPtrArray *
jt_store_contact_applications (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) stmt
      = jt_store_prepare (store,
                          "SELECT " JT_APPLICATION_COLUMNS " FROM application_contacts l "
                          "JOIN applications a ON a.id = l.application_id WHERE l.contact_id = ? "
                          "ORDER BY l.application_id",
                          error);

  if (stmt == NULL)
    return NULL;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_collect (store, stmt, jt_application_from_row,
                           (GDestroyNotify) jt_application_free, error);
}

gboolean
jt_store_contact_delete (JtStore *store, gint64 id, GError **error)
{
  g_autoptr (JtStmt) orphans = NULL;
  g_autoptr (JtStmt) stmt = NULL;
  g_autoptr (GPtrArray) apps = NULL;

  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  /* The applications they were part of may address someone else now. */
  apps = jt_store_contact_applications (store, id, error);
  if (apps == NULL)
    return FALSE;
  for (guint i = 0; i < apps->len; i++)
    jt_store_mark_application (store, ((JtApplication *) g_ptr_array_index (apps, i))->id);
  orphans = jt_store_prepare (
      store, "DELETE FROM touches WHERE contact_id = ? AND application_id IS NULL", error);
  if (orphans == NULL)
    return FALSE;
  jt_stmt_bind_int64 (orphans, 1, id);
  if (!jt_store_exec_stmt (store, orphans, error))
    return FALSE;
  stmt = jt_store_prepare (store, "DELETE FROM contacts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  jt_stmt_bind_int64 (stmt, 1, id);
  return jt_store_exec_one (store, stmt, N_ ("contact"), id, error);
}

static gint
compare_contact_ids (gconstpointer a, gconstpointer b)
{
  const JtContact *x = *(const JtContact *const *) a;
  const JtContact *y = *(const JtContact *const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
jt_store_contact_list_filtered (JtStore *store, const JtContactFilter *filter, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT " JT_CONTACT_COLUMNS " FROM contacts c WHERE ");
  g_autofree char *company_key = NULL;
  g_autoptr (JtStmt) stmt = NULL;
  GPtrArray *contacts;
  int index = 1;

  if (filter->company == NULL && filter->roles == 0)
    return jt_store_contact_list (store, error);
  if (filter->company != NULL)
    g_string_append (sql, "c.company_key = ?");
  if (filter->roles != 0)
    {
      const char *sep = "";

      g_string_append_printf (sql, "%sc.id IN", filter->company != NULL ? " AND " : "");
      g_string_append (sql, " (SELECT r.contact_id FROM contact_roles r "
                            "WHERE r.role IN (");
      for (guint i = 0; i < JT_ROLE_COUNT; i++)
        if (filter->roles & (1u << i))
          {
            g_string_append_printf (sql, "%s?", sep);
            sep = ", ";
          }
      g_string_append (sql, "))");
    }
  if ((stmt = jt_store_prepare (store, sql->str, error)) == NULL)
    return NULL;
  if (filter->company != NULL)
    {
      company_key = jt_text_fold (filter->company);
      jt_stmt_bind_text (stmt, index++, company_key);
    }
  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (filter->roles & (1u << i))
      jt_stmt_bind_text (stmt, index++, jt_contact_role_to_string (1u << i));
  contacts = jt_store_collect (store, stmt, jt_contact_from_row, (GDestroyNotify) jt_contact_free,
                               error);
  /* No ORDER BY in SQL: the index that picks the rows decides their order. */
  if (contacts != NULL)
    g_ptr_array_sort (contacts, compare_contact_ids);
  return contacts;
}
