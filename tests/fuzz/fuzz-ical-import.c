/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ical-import.c: invitation files (.ics) through jt_calendar_import (the iCalendar
 * module's code linked in, jt_ical_use), with the follow-up
 * rules attached as the CLI attaches them.
 *
 * An input that imports is written for real (so the rules derive from it), and what it
 * recorded is then removed again as `app rm` and `contact rm` remove it, so that every
 * input meets an empty store. One store serves the whole run: a fresh database per input
 * (opened, its schema read, every statement prepared again, every follow-up derived
 * once under these rules) cost more than the import itself. */
#include "jt-config.h"
#include "jt-fuzz.h"
#include "jt-calendar-import.h"
#include "jt-ical.h"
#include "jt-rules.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"

#define NOW 1796112000 /* 2026-12-01T09:00:00Z */

static const char *const me[] = { "jane.doe@gmail.com", NULL };
static JtConfig *config;
static GTimeZone *tz;
static JtRules *rules;
static JtStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  jt_ical_use (jt_ical_module ());
  config = jt_config_new_default ();
  tz = g_time_zone_new_identifier ("Europe/Berlin");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  rules = jt_rules_new (config, tz, NOW);
  return 0;
}

/* Removes every application (with its interviews and follow-ups) and contact, in one
 * write: the store is as empty as it was, but for the id counters. */
static void
empty_store (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, &error);
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) contacts = NULL;

  g_assert_no_error (error);
  apps = jt_store_application_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < apps->len; i++)
    {
      jt_store_application_delete (store, ((JtApplication *) g_ptr_array_index (apps, i))->id, NULL,
                                   &error);
      g_assert_no_error (error);
    }
  contacts = jt_store_contact_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < contacts->len; i++)
    {
      jt_store_contact_delete (store, ((JtContact *) g_ptr_array_index (contacts, i))->id, &error);
      g_assert_no_error (error);
    }
  jt_transaction_commit (g_steal_pointer (&txn), &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const JtInviteOptions options = { NULL, me, FALSE };
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (store == NULL)
    {
      store = jt_fuzz_store_new ();
      jt_rules_attach (rules, store);
    }
  ok = jt_calendar_import (store, (const char *) data, size, &options, tz, NOW, &report, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok == (report != NULL));
  if (ok)
    {
      for (guint i = 0; i < report->len; i++)
        g_assert (g_utf8_validate (g_ptr_array_index (report, i), -1, NULL));
      empty_store ();
    }
  else
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
