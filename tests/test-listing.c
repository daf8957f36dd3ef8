/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-listing.c: what `app list` and `contact list` filter on, and the live values the
 * shell completions ask for — the rows each returns, in id order, and an index behind
 * every query. Each test gets a fresh temporary database. */
#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-completion.h"
#include "jt-store-contacts.h"
#include "jt-store.h"

#define NOW 1796112000 /* 2026-12-01T08:00:00Z */
#define DAY 86400

typedef struct
{
  char *dir;
  char *path;
  JtStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-listing-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) problems = jt_test_unindexed_queries (f->store, f->path);

  /* Every statement the test made the store prepare has an index behind it. */
  g_assert_cmpuint (problems->len, ==, 0);
  jt_store_free (f->store);
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_application (Fixture *f, const char *company, const char *role, JtStatus status, gint64 at)
{
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, NULL);
  g_autoptr (GError) error = NULL;

  app->company = g_strdup (company);
  g_free (app->role);
  app->role = g_strdup (role);
  app->status = status;
  g_assert_true (jt_store_application_insert (f->store, app, at, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  return app->id;
}

static gint64
add_contact (Fixture *f, const char *name, const char *company, guint roles)
{
  g_autoptr (JtContact) contact = jt_contact_new ();
  g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, NULL);
  g_autoptr (GError) error = NULL;

  contact->name = g_strdup (name);
  g_free (contact->company);
  contact->company = g_strdup (company);
  contact->roles = roles;
  g_assert_true (jt_store_contact_insert (f->store, contact, NOW, &error));
  g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  return contact->id;
}

/* "1,3" from an array of JtApplication* or JtContact* (both begin with their id). */
static char *
ids_of (GPtrArray *records)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            *(gint64 *) g_ptr_array_index (records, i));
  return g_string_free (text, FALSE);
}

static char *
applications_where (Fixture *f, guint statuses, gint64 since)
{
  JtApplicationFilter filter = { statuses, since };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) apps = jt_store_application_list_filtered (f->store, &filter, &error);

  g_assert_no_error (error);
  return ids_of (apps);
}

static char *
contacts_where (Fixture *f, const char *company, guint roles)
{
  JtContactFilter filter = { company, roles };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) contacts = jt_store_contact_list_filtered (f->store, &filter, &error);

  g_assert_no_error (error);
  return ids_of (contacts);
}

#define ASSERT_IDS(call, expected)                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *got_ = (call);                                                                \
    g_assert_cmpstr (got_, ==, (expected));                                                        \
  }                                                                                                \
  G_STMT_END

static void
test_applications_by_status_and_date (Fixture *f, gconstpointer data)
{
  add_application (f, "Acme", "Engineer", JT_STATUS_APPLIED, NOW - 40 * DAY);
  add_application (f, "Globex", "SRE", JT_STATUS_INTERVIEWING, NOW - 20 * DAY);
  add_application (f, "Initech", "", JT_STATUS_REJECTED, NOW - 10 * DAY);
  add_application (f, "Umbrella", "Lead", JT_STATUS_APPLIED, NOW - 1 * DAY);

  ASSERT_IDS (applications_where (f, 0, 0), "1,2,3,4");
  ASSERT_IDS (applications_where (f, 1u << JT_STATUS_APPLIED, 0), "1,4");
  ASSERT_IDS (applications_where (f, (1u << JT_STATUS_APPLIED) | (1u << JT_STATUS_INTERVIEWING), 0),
              "1,2,4");
  ASSERT_IDS (applications_where (f, 1u << JT_STATUS_OFFER, 0), "");
  /* since: recorded at or after the instant */
  ASSERT_IDS (applications_where (f, 0, NOW - 20 * DAY), "2,3,4");
  ASSERT_IDS (applications_where (f, 0, NOW), "");
  ASSERT_IDS (applications_where (f, 1u << JT_STATUS_APPLIED, NOW - 30 * DAY), "4");
}

static void
test_contacts_by_company_and_role (Fixture *f, gconstpointer data)
{
  add_contact (f, "Raj Patel", "Globex", JT_ROLE_DECISION_MAKER);
  add_contact (f, "Ana Lima", "Globex", JT_ROLE_HR | JT_ROLE_RECRUITER);
  add_contact (f, "Zoë Brandt", "Société Générale", JT_ROLE_DECISION_MAKER);
  add_contact (f, "Sam Roe", "", 0);

  ASSERT_IDS (contacts_where (f, NULL, 0), "1,2,3,4");
  /* compared folded, as a person types it */
  ASSERT_IDS (contacts_where (f, "globex", 0), "1,2");
  ASSERT_IDS (contacts_where (f, "SOCIÉTÉ GÉNÉRALE", 0), "3");
  ASSERT_IDS (contacts_where (f, "Glob", 0), "");
  ASSERT_IDS (contacts_where (f, NULL, JT_ROLE_DECISION_MAKER), "1,3");
  /* any of the roles, each contact once */
  ASSERT_IDS (contacts_where (f, NULL, JT_ROLE_HR | JT_ROLE_RECRUITER | JT_ROLE_DECISION_MAKER),
              "1,2,3");
  ASSERT_IDS (contacts_where (f, "Globex", JT_ROLE_DECISION_MAKER), "1");
  ASSERT_IDS (contacts_where (f, "Globex", JT_ROLE_REFERENCE), "");
}

/* "value=description;…" of a kind's completions. */
static char *
completions_of (Fixture *f, JtCompletionKind kind)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = jt_store_completions (f->store, kind, utc, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      const JtCompletion *completion = g_ptr_array_index (found, i);

      g_string_append_printf (text, "%s%s=%s", i > 0 ? ";" : "", completion->value,
                              completion->description);
    }
  return g_string_free (text, FALSE);
}

static void
test_completions (Fixture *f, gconstpointer data)
{
  add_application (f, "Acme", "Engineer", JT_STATUS_APPLIED, NOW);
  add_application (f, "Initech", "", JT_STATUS_LEAD, NOW);
  add_application (f, "ACME", "SRE", JT_STATUS_REJECTED, NOW);
  add_contact (f, "Raj Patel", "Globex", JT_ROLE_DECISION_MAKER);
  add_contact (f, "Sam Roe", "", 0);
  add_contact (f, "Raj Patel", "Acme", 0);

  ASSERT_IDS (completions_of (f, JT_COMPLETE_APPLICATIONS),
              "1=Acme, Engineer (applied);2=Initech (lead);3=ACME, SRE (rejected)");
  ASSERT_IDS (completions_of (f, JT_COMPLETE_CONTACTS),
              "1=Raj Patel (Globex);2=Sam Roe;3=Raj Patel (Acme)");
  /* a name once, however many people carry it */
  ASSERT_IDS (completions_of (f, JT_COMPLETE_CONTACT_NAMES), "Raj Patel=Globex;Sam Roe=");
  /* a company once whatever its case, as first recorded, from applications and people;
   * never "" */
  ASSERT_IDS (completions_of (f, JT_COMPLETE_COMPANIES), "Acme=;Globex=;Initech=");
  ASSERT_IDS (completions_of (f, JT_COMPLETE_INTERVIEWS), "");
  ASSERT_IDS (completions_of (f, JT_COMPLETE_OFFERS), "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  JT_TEST_ADD ("/listing/applications-by-status-and-date", test_applications_by_status_and_date);
  JT_TEST_ADD ("/listing/contacts-by-company-and-role", test_contacts_by_company_and_role);
  JT_TEST_ADD ("/listing/completions", test_completions);
  return g_test_run ();
}
