/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-interview-log.c: everything `jobtrack add` records, in one transaction. */
#include "jt-interview-log.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"

JtInterviewLog *
jt_interview_log_new (void)
{
  JtInterviewLog *log = g_new0 (JtInterviewLog, 1);

  log->people = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_contact_free);
  log->interview = jt_interview_new ();
  return log;
}

void
jt_interview_log_free (JtInterviewLog *log)
{
  if (log == NULL)
    return;
  g_free (log->company);
  g_free (log->role);
  g_ptr_array_unref (log->people);
  g_free (log->decision_maker);
  g_free (log->influencer);
  g_free (log->decision_date);
  jt_interview_free (log->interview);
  g_free (log);
}

void
jt_interview_log_result_clear (JtInterviewLogResult *result)
{
  g_clear_pointer (&result->application, jt_application_free);
  g_clear_pointer (&result->contacts, g_ptr_array_unref);
  g_clear_pointer (&result->created, g_array_unref);
}

static char *
strip_dup (const char *start, gsize length)
{
  return g_strstrip (g_strndup (start, length));
}

JtContact *
jt_person_parse (const char *text, GError **error)
{
  g_autoptr (JtContact) person = jt_contact_new ();
  const char *open = strchr (text, '<');
  const char *close = open != NULL ? strchr (open, '>') : NULL;
  const char *rest;

  if (open != NULL && close == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read person '%s': '<' without '>' (try \"Name <email>, Title\")"),
                   text);
      return NULL;
    }
  if (open != NULL)
    {
      person->name = strip_dup (text, open - text);
      person->email = strip_dup (open + 1, close - open - 1);
      rest = close + 1;
    }
  else
    {
      const char *comma = strchr (text, ',');

      person->name = strip_dup (text, comma != NULL ? (gsize) (comma - text) : strlen (text));
      rest = comma != NULL ? comma : "";
    }
  rest += strspn (rest, " \t");
  if (*rest == ',')
    person->title = strip_dup (rest + 1, strlen (rest + 1));
  else if (*rest != '\0')
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read person '%s': expected ', Title' after the email"), text);
      return NULL;
    }
  if (*person->name == '\0')
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read person '%s': no name (try \"Name <email>, Title\")"), text);
      return NULL;
    }
  if (person->email != NULL && strchr (person->email, '@') == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("cannot read person '%s': '%s' is not an email"), text, person->email);
      return NULL;
    }
  if (person->title != NULL && *person->title == '\0')
    g_clear_pointer (&person->title, g_free);
  return g_steal_pointer (&person);
}

static gboolean
find_or_create_application (JtStore *store, const JtInterviewLog *log, gint64 now,
                            JtInterviewLogResult *result, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (JtApplication) app
      = jt_store_application_find_open (store, log->company, log->role, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (app == NULL)
    {
      app = jt_application_new ();
      app->company = g_strdup (log->company);
      g_free (app->role);
      app->role = g_strdup (log->role != NULL ? log->role : "");
      app->status = JT_STATUS_INTERVIEWING;
      app->decision_date = g_strdup (log->decision_date);
      if (!jt_store_application_insert (store, app, now, error))
        return FALSE;
      result->application_created = TRUE;
    }
  else
    {
      /* An interview moves a lead or a sent application on; a later stage stays. */
      if (app->status == JT_STATUS_LEAD || app->status == JT_STATUS_APPLIED)
        app->status = JT_STATUS_INTERVIEWING;
      if (log->decision_date != NULL)
        {
          g_free (app->decision_date);
          app->decision_date = g_strdup (log->decision_date);
        }
      if (!jt_store_application_update (store, app, now, error))
        return FALSE;
    }
  result->application = g_steal_pointer (&app);
  return TRUE;
}

/* The people a log has recorded so far, by folded name and folded email: the index in
 * result->contacts plus one. Looking someone up costs the same for the thousandth
 * person as for the first. */
typedef struct
{
  GHashTable *by_name;
  GHashTable *by_email;
} Seen;

static void
seen_init (Seen *seen)
{
  seen->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->by_name, g_hash_table_unref);
  g_clear_pointer (&seen->by_email, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seen, seen_clear)

/* Remembers result->contacts[index]; an earlier contact keeps a key they share. */
static void
seen_add (Seen *seen, const JtContact *contact, guint index)
{
  char *name_key = jt_text_fold (contact->name);
  char *email_key = contact->email != NULL ? jt_text_fold (contact->email) : NULL;

  if (!g_hash_table_contains (seen->by_name, name_key))
    g_hash_table_insert (seen->by_name, name_key, GUINT_TO_POINTER (index + 1));
  else
    g_free (name_key);
  if (email_key != NULL && !g_hash_table_contains (seen->by_email, email_key))
    g_hash_table_insert (seen->by_email, email_key, GUINT_TO_POINTER (index + 1));
  else
    g_free (email_key);
}

/* Reuses the company's contact with the same email, else the same name, filling in what
 * it lacked; otherwise creates one. Appends it to result->contacts (once). */
static JtContact *
find_or_create_person (JtStore *store, const char *company, const JtContact *person, gint64 now,
                       JtInterviewLogResult *result, Seen *seen, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (JtContact) contact = NULL;
  gboolean created = FALSE;
  g_autofree char *name_key = jt_text_fold (person->name);
  g_autofree char *email_key = person->email != NULL ? jt_text_fold (person->email) : NULL;
  guint by_name = GPOINTER_TO_UINT (g_hash_table_lookup (seen->by_name, name_key));
  guint by_email
      = email_key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (seen->by_email, email_key)) : 0;

  /* Someone named twice in one log ("--with Raj ... --decision-maker raj") is one person:
   * the first recorded whose name or email matches. */
  if (by_name != 0 || by_email != 0)
    {
      guint first = by_name == 0 ? by_email : by_email == 0 ? by_name : MIN (by_name, by_email);

      return g_ptr_array_index (result->contacts, first - 1);
    }
  contact = jt_store_contact_find (store, company, person->email, person->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (contact == NULL)
    {
      contact = jt_contact_copy (person);
      g_free (contact->company);
      contact->company = g_strdup (company);
      if (!jt_store_contact_insert (store, contact, now, error))
        return NULL;
      created = TRUE;
    }
  else if ((contact->email == NULL && person->email != NULL)
           || (contact->title == NULL && person->title != NULL))
    {
      if (contact->email == NULL)
        contact->email = g_strdup (person->email);
      if (contact->title == NULL)
        contact->title = g_strdup (person->title);
      if (!jt_store_contact_update (store, contact, now, error))
        return NULL;
    }
  g_array_append_val (result->created, created);
  seen_add (seen, contact, result->contacts->len);
  g_ptr_array_add (result->contacts, g_steal_pointer (&contact));
  return g_ptr_array_index (result->contacts, result->contacts->len - 1);
}

/* Gives `role` to the person named `name`: one of the people met, or a new contact. */
static gboolean
mark_role (JtStore *store, const JtInterviewLog *log, const char *name, JtContactRole role,
           gint64 now, JtInterviewLogResult *result, Seen *seen, GError **error)
{
  g_autoptr (JtContact) named = jt_contact_new ();
  JtContact *contact;

  named->name = g_strdup (name);
  contact = find_or_create_person (store, log->company, named, now, result, seen, error);
  if (contact == NULL)
    return FALSE;
  contact->roles |= role;
  return jt_store_contact_add_roles (store, contact->id, role, error)
         && jt_store_application_link_contact (store, result->application->id, contact->id, error);
}

static void
result_init (JtInterviewLogResult *result)
{
  memset (result, 0, sizeof *result);
  result->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) jt_contact_free);
  result->created = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

static gboolean
check_company (const JtInterviewLog *log, GError **error)
{
  if (!jt_text_is_blank (log->company))
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("an interview needs a company (--company)"));
  return FALSE;
}

/* Everything the log records, inside the caller's transaction; `result` is initialised. */
static gboolean
record (JtStore *store, JtInterviewLog *log, gint64 now, JtInterviewLogResult *result,
        GError **error)
{
  JtInterview *interview = log->interview;
  g_auto (Seen) seen = { 0 };
  guint n_met;

  seen_init (&seen);
  if (!find_or_create_application (store, log, now, result, error))
    return FALSE;
  for (guint i = 0; i < log->people->len; i++)
    if (find_or_create_person (store, log->company, g_ptr_array_index (log->people, i), now, result,
                               &seen, error)
        == NULL)
      return FALSE;
  /* The decision-maker and the influencer may be people who were not in the room. */
  n_met = result->contacts->len;
  if (log->decision_maker != NULL
      && !mark_role (store, log, log->decision_maker, JT_ROLE_DECISION_MAKER, now, result, &seen,
                     error))
    return FALSE;
  if (log->influencer != NULL
      && !mark_role (store, log, log->influencer, JT_ROLE_INFLUENCER, now, result, &seen, error))
    return FALSE;
  g_ptr_array_set_size (interview->interviewers, 0);
  for (guint i = 0; i < n_met; i++)
    g_ptr_array_add (interview->interviewers,
                     jt_contact_copy (g_ptr_array_index (result->contacts, i)));
  interview->application_id = result->application->id;
  if (!jt_store_interview_insert (store, interview, now, error))
    return FALSE;
  result->interview_id = interview->id;
  return TRUE;
}

gboolean
jt_interview_log_record_in_transaction (JtStore *store, JtInterviewLog *log, gint64 now,
                                        JtInterviewLogResult *result, GError **error)
{
  g_return_val_if_fail (jt_store_in_transaction (store), FALSE);
  result_init (result);
  return check_company (log, error) && record (store, log, now, result, error);
}

gboolean
jt_interview_log_record (JtStore *store, JtInterviewLog *log, gint64 now,
                         JtInterviewLogResult *result, GError **error)
{
  g_autoptr (JtTransaction) txn = NULL;

  result_init (result);
  if (!check_company (log, error))
    return FALSE;
  txn = jt_store_begin_write (store, error);
  if (txn == NULL || !record (store, log, now, result, error))
    return FALSE;
  return jt_transaction_commit (g_steal_pointer (&txn), error);
}
