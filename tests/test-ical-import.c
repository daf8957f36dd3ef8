/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical-import.c: interviews from invitations (jt-calendar-import and the module's
 * jt-ical-import, issue 5 "Import").
 *
 * The fixtures in tests/data/invites/ are written the way Google Calendar, Outlook/
 * Exchange and Thunderbird write invitations; hostile inputs (huge, nested, thousands of
 * attendees...) are generated here. Each test gets a fresh temporary database with the
 * follow-up rules attached, as the CLI opens it, and "now" pinned. Instants are checked
 * in UTC, and meson runs this binary under TZ=Europe/Berlin and TZ=America/New_York:
 * an invitation names one instant whatever the reader's zone. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "jt-test-util.h"
#include "jt-config.h"
#include "jt-error.h"
#include "jt-calendar-import.h"
#include "jt-ical.h"
#include "jt-interview-log.h"
#include "jt-rules.h"
#include "jt-store-applications.h"
#include "jt-store-contacts.h"
#include "jt-store-interviews.h"
#include "jt-store-reminders.h"
#include "jt-store.h"
#include "jt-time.h"

#define NOW 1796112000 /* 2026-12-01T09:00:00Z, a Tuesday */

/* The person's own addresses, in another case than some invitations write them. */
static const char *const me[] = { "jane.doe@gmail.com", "Jane.Doe@Example.ORG", NULL };

typedef struct
{
  char *dir;
  char *path;
  GTimeZone *tz;
  JtConfig *config;
  JtStore *store;
  JtRules *rules;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jt-ical-import-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "jobtrack.db", NULL);
  f->tz = g_time_zone_new_local ();
  f->config = jt_config_new_default ();
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  f->rules = jt_rules_new (f->config, f->tz, NOW);
  jt_rules_attach (f->rules, f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, jt_store_free);
  g_clear_pointer (&f->rules, jt_rules_free);
  g_clear_pointer (&f->config, jt_config_free);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Closes the store and opens a fresh database file `name` in the fixture's folder. */
static void
use_database (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&f->store, jt_store_free);
  g_free (f->path);
  f->path = g_build_filename (f->dir, name, NULL);
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  jt_rules_attach (f->rules, f->store);
}

/* ---- Helpers ------------------------------------------------------------------------- */

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static char *
fixture_text (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invites", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

/* Imports `data`; returns the report, or NULL with `error` set. */
static GPtrArray *
import_data (Fixture *f, const char *data, gsize length, const char *company,
             const char *const *addresses, gboolean dry_run, GError **error)
{
  JtInviteOptions options = { company, addresses, dry_run };
  GPtrArray *report = NULL;

  if (!jt_calendar_import (f->store, data, length, &options, f->tz, NOW, &report, error))
    {
      g_assert_null (report);
      return NULL;
    }
  g_assert_nonnull (report);
  return report;
}

/* Imports fixture `name` as the person (me), which must succeed; returns the report. */
static GPtrArray *
import_ok (Fixture *f, const char *name, const char *company, gboolean dry_run)
{
  gsize length;
  g_autofree char *text = fixture_text (name, &length);
  g_autoptr (GError) error = NULL;
  GPtrArray *report = import_data (f, text, length, company, me, dry_run, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("%s: %s", name, (char *) g_ptr_array_index (report, i));
  return report;
}

static GPtrArray *
import_text_ok (Fixture *f, const char *text, const char *company)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *report = import_data (f, text, strlen (text), company, me, FALSE, &error);

  g_assert_no_error (error);
  return report;
}

/* A calendar of one event whose content lines are `event` ("UID:x\r\nDTSTART:..."). */
static char *
calendar_with (const char *method, const char *event)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobtrack tests//EN\r\n"
                          "METHOD:%s\r\nBEGIN:VEVENT\r\n%sEND:VEVENT\r\nEND:VCALENDAR\r\n",
                          method, event);
}

#define EVENT_GLOBEX                                                                               \
  "UID:plain-1@test\r\nDTSTAMP:20261120T100000Z\r\nDTSTART:20261204T130000Z\r\n"                   \
  "DTEND:20261204T140000Z\r\nSUMMARY:Interview: SRE at Globex\r\n"                                 \
  "ORGANIZER;CN=Raj Patel:mailto:raj@globex.com\r\n"

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* Every row of every table and every schema object, sorted: equal dumps mean an
 * unchanged database. Read through a connection of its own. */
static char *
dump_database (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, ifnull (sql, '') FROM sqlite_master "
                                       "ORDER BY type, name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (tables, 0);
      const char *name = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *select = NULL;
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (dump, "%s %s: %s\n", type, name, sqlite3_column_text (tables, 2));
      if (!g_str_equal (type, "table"))
        continue;
      select = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (row, "%s|",
                                    sqlite3_column_type (stmt, c) == SQLITE_NULL
                                        ? "NULL"
                                        : (const char *) sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      for (guint i = 0; i < rows->len; i++)
        g_string_append_printf (dump, "  %s\n", (char *) g_ptr_array_index (rows, i));
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GPtrArray *
all_interviews (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *interviews = jt_store_interview_list (f->store, 0, &error);

  g_assert_no_error (error);
  return interviews;
}

static JtInterview *
only_interview (Fixture *f)
{
  g_autoptr (GPtrArray) interviews = all_interviews (f);

  g_assert_cmpuint (interviews->len, ==, 1);
  return g_ptr_array_steal_index (interviews, 0);
}

static JtApplication *
application (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  JtApplication *app = jt_store_application_get (f->store, id, &error);

  g_assert_no_error (error);
  return app;
}

/* The interviewers as "Name <email>" lines, sorted. */
static char *
people_of (const JtInterview *interview)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *c = g_ptr_array_index (interview->interviewers, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s <%s>", c->name, c->email));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("; ", (char **) lines->pdata);
}

static guint
count_contacts (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) contacts = jt_store_contact_list (f->store, &error);

  g_assert_no_error (error);
  return contacts->len;
}

/* Every line of the report is one line of text: no control characters at all. */
static void
assert_one_line_each (GPtrArray *report)
{
  for (guint i = 0; i < report->len; i++)
    {
      const char *line = g_ptr_array_index (report, i);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
    }
}

static char *
human (Fixture *f, gint64 instant)
{
  return jt_time_format_human (instant, f->tz);
}

/* ---- Each client's invitation -------------------------------------------------------- */

typedef struct
{
  const char *file;
  gint64 start; /* the instant, UTC */
  int duration_min;
  JtInterviewKind kind;
  const char *place;
  const char *company;
  const char *role;
  const char *guessed_from;
  const char *people; /* people_of (), the person's own addresses left out */
} Expected;

static const Expected *
expected_of (const char *file)
{
  static Expected all[4];

  if (all[0].file == NULL)
    {
      all[0] = (Expected){ "google-utc.ics",
                           utc (2026, 12, 4, 13, 0),
                           45,
                           JT_INTERVIEW_VIDEO,
                           "https://meet.google.com/xfk-nbqp-tzw",
                           "Globex",
                           "Site Reliability Engineer",
                           "raj.patel@globex.com",
                           "Ann Lee <ann.lee@globex.com>; Raj Patel <raj.patel@globex.com>" };
      /* Summer time in Berlin (+02:00), from the embedded VTIMEZONE; the organizer writes
       * from gmail.com, so the company comes from an attendee; the room is no person. */
      all[1] = (Expected){ "google-berlin.ics",
                           utc (2027, 6, 15, 8, 0),
                           90,
                           JT_INTERVIEW_ONSITE,
                           "Vandelay Industries, Torstraße 49, 10119 Berlin, Germany",
                           "Vandelay",
                           "Platform Engineer",
                           "tom.berger@vandelay.de",
                           "Lena Vogel <lena.vogel.recruiting@gmail.com>; "
                           "Tom Berger <tom.berger@vandelay.de>" };
      /* "W. Europe Standard Time" exists only in the file's VTIMEZONE; winter, +01:00. */
      all[2] = (Expected){ "outlook-request.ics",
                           utc (2026, 12, 10, 13, 0),
                           60,
                           JT_INTERVIEW_ONSITE,
                           "Initech AG, Raum 4.12, Leopoldstraße 12, 80802 München",
                           "Initech",
                           "Backend Engineer",
                           "sabine.mueller@initech.de",
                           "Müller, Sabine <sabine.mueller@initech.de>; "
                           "Weber, Thomas <thomas.weber@initech.de>" };
      /* New York is already on daylight time (-04:00, since 14 March) while Berlin is
       * not: a zone taken from the reader instead of the file would be an hour off. */
      all[3] = (Expected){ "thunderbird.ics",
                           utc (2027, 3, 15, 15, 0),
                           30,
                           JT_INTERVIEW_PHONE,
                           "+1 212 555 0142",
                           "Hooli",
                           "Data Analyst",
                           "maria.gonzalez@hooli.com",
                           "Kevin O'Brien <kevin.obrien@hooli.com>; "
                           "Maria Gonzalez <maria.gonzalez@hooli.com>" };
    }
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (all[i].file, file))
      return &all[i];
  g_assert_not_reached ();
}

static void
test_client_invitation (Fixture *f, gconstpointer data)
{
  const Expected *want = expected_of (data);
  g_autoptr (GPtrArray) report = import_ok (f, want->file, NULL, FALSE);
  g_autoptr (JtInterview) interview = only_interview (f);
  g_autoptr (JtApplication) app = application (f, interview->application_id);
  g_autofree char *people = people_of (interview);
  g_autofree char *when = human (f, want->start);
  g_autofree char *first_line = NULL;

  g_assert_cmpint (interview->start_at, ==, want->start);
  g_assert_cmpint (interview->duration_min, ==, want->duration_min);
  g_assert_cmpstr (jt_interview_kind_to_string (interview->kind), ==,
                   jt_interview_kind_to_string (want->kind));
  g_assert_cmpstr (interview->place, ==, want->place);
  g_assert_null (interview->notes); /* the summary notes are the person's to write */
  g_assert_cmpstr (app->company, ==, want->company);
  g_assert_cmpstr (app->role, ==, want->role);
  g_assert_cmpstr (jt_status_to_string (app->status), ==, "interviewing");
  g_assert_cmpstr (people, ==, want->people);
  /* Nobody else became a contact: not the person, not a meeting room. */
  g_assert_cmpuint (count_contacts (f), ==, interview->interviewers->len);
  for (guint i = 0; i < interview->interviewers->len; i++)
    g_assert_cmpstr (((JtContact *) g_ptr_array_index (interview->interviewers, i))->company, ==,
                     want->company);

  first_line = g_strdup_printf ("interview %" G_GINT64_FORMAT " (new): %s, %s on %s — company "
                                "guessed from %s",
                                interview->id, want->company, want->role, when, want->guessed_from);
  g_assert_cmpstr (g_ptr_array_index (report, 0), ==, first_line);
  g_assert_cmpuint (report->len, ==, 2 + interview->interviewers->len);
  assert_one_line_each (report);
}

/* A UTC instant is the same instant read under any zone: the person's zone only says
 * how the report shows it. */
static void
test_report_shows_local_time (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) report = import_ok (f, "google-utc.ics", NULL, FALSE);
  G_GNUC_UNUSED g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (utc (2026, 12, 4, 13, 0));
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  const char *tz_name = g_getenv ("TZ");

  g_assert_nonnull (strstr (g_ptr_array_index (report, 0), clock));
  if (g_strcmp0 (tz_name, "Europe/Berlin") == 0)
    g_assert_nonnull (strstr (g_ptr_array_index (report, 0), "Fri 4 Dec 2026 14:00"));
  else if (g_strcmp0 (tz_name, "America/New_York") == 0)
    g_assert_nonnull (strstr (g_ptr_array_index (report, 0), "Fri 4 Dec 2026 08:00"));
}

/* TZID without a VTIMEZONE: the system's zone of that name. No TZID and no Z: a
 * floating time, the person's wall clock. */
static void
test_system_zone_and_floating_time (Fixture *f, gconstpointer data)
{
  g_autofree char *system
      = calendar_with ("REQUEST", "UID:sys@test\r\nDTSTART;TZID=Asia/Tokyo:20261204T180000\r\n"
                                  "DURATION:PT45M\r\nSUMMARY:Interview: SRE\r\n"
                                  "ORGANIZER:mailto:kenji@globex.co.jp\r\n");
  g_autofree char *floating = calendar_with (
      "REQUEST", "UID:float@test\r\nDTSTART:20261207T100000\r\nSUMMARY:Interview: SRE\r\n"
                 "ORGANIZER:mailto:kenji@globex.co.jp\r\n");
  G_GNUC_UNUSED g_autoptr (GPtrArray) first = import_text_ok (f, system, NULL);
  G_GNUC_UNUSED g_autoptr (GPtrArray) second = import_text_ok (f, floating, NULL);
  g_autoptr (GPtrArray) interviews = all_interviews (f);
  g_autoptr (GDateTime) wall = g_date_time_new (f->tz, 2026, 12, 7, 10, 0, 0);
  JtInterview *tokyo = g_ptr_array_index (interviews, 0);
  JtInterview *local = g_ptr_array_index (interviews, 1);
  g_autoptr (JtApplication) app = application (f, tokyo->application_id);

  g_assert_cmpuint (interviews->len, ==, 2);
  g_assert_cmpint (tokyo->start_at, ==, utc (2026, 12, 4, 9, 0)); /* +09:00 */
  g_assert_cmpint (tokyo->duration_min, ==, 45);
  g_assert_cmpint (local->start_at, ==, g_date_time_to_unix (wall));
  g_assert_cmpint (local->duration_min, ==, 60); /* neither DTEND nor DURATION */
  /* globex.co.jp: the name before the country's second level. */
  g_assert_cmpstr (app->company, ==, "Globex");
  /* The second invitation of the same company and role joins the same application. */
  g_assert_cmpint (local->application_id, ==, tokyo->application_id);
  /* No CN: the address is the name. */
  g_assert_cmpstr (((JtContact *) g_ptr_array_index (tokyo->interviewers, 0))->name, ==,
                   "kenji@globex.co.jp");
}

/* ---- Company and role ---------------------------------------------------------------- */

static void
test_company_given (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) report = import_ok (f, "google-utc.ics", "Globex Corporation", FALSE);
  g_autoptr (JtInterview) interview = only_interview (f);
  g_autoptr (JtApplication) app = application (f, interview->application_id);

  g_assert_cmpstr (app->company, ==, "Globex Corporation");
  g_assert_cmpstr (app->role, ==, "Site Reliability Engineer");
  g_assert_null (strstr (g_ptr_array_index (report, 0), "guessed"));
  for (guint i = 0; i < interview->interviewers->len; i++)
    g_assert_cmpstr (((JtContact *) g_ptr_array_index (interview->interviewers, i))->company, ==,
                     "Globex Corporation");
}

/* Only private addresses: no guess, and the error says what to do. */
static void
test_company_not_guessable (Fixture *f, gconstpointer data)
{
  g_autofree char *text
      = calendar_with ("REQUEST", "UID:private@test\r\nDTSTART:20261204T130000Z\r\nSUMMARY:Chat\r\n"
                                  "ORGANIZER;CN=Lena:mailto:lena@gmail.com\r\n"
                                  "ATTENDEE;CN=Jane:mailto:jane.doe@gmail.com\r\n"
                                  "ATTENDEE;CN=Max:mailto:max@yahoo.co.uk\r\n"
                                  "ATTENDEE;CN=Bo:mailto:bo@gmx.net\r\n"
                                  "ATTENDEE;CN=Al:mailto:al@protonmail.com\r\n"
                                  "ATTENDEE;CN=Room;CUTYPE=ROOM:mailto:room@globex.com\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GPtrArray) given = NULL;
  g_autofree char *before = dump_database (f->path);
  g_autofree char *after = NULL;

  report = import_data (f, text, strlen (text), NULL, me, FALSE, &error);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--company"));
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  /* Named, it imports; the private addresses are people all the same. */
  given = import_text_ok (f, text, "Globex");
  g_assert_cmpuint (count_contacts (f), ==, 4);
}

typedef struct
{
  const char *summary;
  const char *role;
  JtInterviewKind kind;
} RoleCase;

/* The summary heuristics documented in jt-ical-import.h. */
static void
test_role_and_kind_from_summary (Fixture *f, gconstpointer data)
{
  static const RoleCase cases[] = {
    { "Interview: SRE at Globex", "SRE", JT_INTERVIEW_ONSITE },
    { "Globex — SRE interview", "SRE", JT_INTERVIEW_ONSITE },
    { "Globex | Senior Data Engineer interview with Ann", "Senior Data Engineer",
      JT_INTERVIEW_ONSITE },
    { "Final interview – Staff Engineer (Globex)", "Staff Engineer", JT_INTERVIEW_FINAL },
    { "Panel interview: Product Manager @ Globex", "Product Manager", JT_INTERVIEW_PANEL },
    { "Video interview - Globex", "", JT_INTERVIEW_VIDEO },
    { "Phone screen: Globex", "", JT_INTERVIEW_PHONE },
    { "Intro call with Raj", "", JT_INTERVIEW_PHONE },
    { "Interview with Ann Lee", "", JT_INTERVIEW_ONSITE },
    { "Globex: HR interview", "", JT_INTERVIEW_ONSITE },
    { "HR Business Partner interview", "HR Business Partner", JT_INTERVIEW_ONSITE },
    { "Interview: A/B Testing Lead at Globex", "A/B Testing Lead", JT_INTERVIEW_ONSITE },
    { "Second round interview: Site Reliability Engineer", "Site Reliability Engineer",
      JT_INTERVIEW_ONSITE },
    { "Coffee", "", JT_INTERVIEW_ONSITE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *db = g_strdup_printf ("role-%u.db", i);
      g_autofree char *event = g_strdup_printf ("UID:role-%u@test\r\nDTSTART:20261204T130000Z\r\n"
                                                "SUMMARY:%s\r\n"
                                                "ORGANIZER:mailto:raj@globex.com\r\n",
                                                i, cases[i].summary);
      g_autofree char *text = calendar_with ("REQUEST", event);
      g_autoptr (GPtrArray) report = NULL;
      g_autoptr (JtInterview) interview = NULL;
      g_autoptr (JtApplication) app = NULL;

      use_database (f, db);
      report = import_text_ok (f, text, NULL);
      interview = only_interview (f);
      app = application (f, interview->application_id);
      g_test_message ("'%s' -> '%s', %s", cases[i].summary, app->role,
                      jt_interview_kind_to_string (interview->kind));
      g_assert_cmpstr (app->role, ==, cases[i].role);
      g_assert_cmpstr (jt_interview_kind_to_string (interview->kind), ==,
                       jt_interview_kind_to_string (cases[i].kind));
    }
}

/* An application and a person already recorded with `jobtrack add` are reused. */
static void
test_reuses_application_and_contacts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GPtrArray) apps = NULL;
  g_autoptr (GPtrArray) interviews = NULL;
  g_autofree char *no_role = calendar_with (
      "REQUEST", "UID:no-role@test\r\nDTSTART:20261214T130000Z\r\nSUMMARY:Coffee chat\r\n"
                 "ORGANIZER;CN=Ann Lee:mailto:Ann.Lee@Globex.com\r\n");
  g_autoptr (GPtrArray) second = NULL;

  log->company = g_strdup ("globex");
  log->role = g_strdup ("site reliability engineer");
  g_ptr_array_add (log->people,
                   jt_person_parse ("Ann Lee <ann.lee@globex.com>, Recruiter", &error));
  log->interview->start_at = NOW - 7 * 86400;
  g_assert_true (jt_interview_log_record (f->store, log, NOW - 7 * 86400, &result, &error));
  g_assert_no_error (error);

  report = import_ok (f, "google-utc.ics", NULL, FALSE);
  apps = jt_store_application_list (f->store, &error);
  g_assert_cmpuint (apps->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report, 1), ==,
                   "  application 1: globex, site reliability engineer");
  g_assert_cmpstr (g_ptr_array_index (report, 3), ==, "  contact 1: Ann Lee <ann.lee@globex.com>");
  g_assert_cmpstr (g_ptr_array_index (report, 2), ==,
                   "  contact 2 (new): Raj Patel <raj.patel@globex.com>");
  g_assert_cmpuint (count_contacts (f), ==, 2);

  /* A summary that names no role: the company's open application. */
  second = import_text_ok (f, no_role, NULL);
  interviews = all_interviews (f);
  g_assert_cmpuint (interviews->len, ==, 3);
  for (guint i = 0; i < interviews->len; i++)
    g_assert_cmpint (((JtInterview *) g_ptr_array_index (interviews, i))->application_id, ==, 1);
  g_assert_cmpuint (count_contacts (f), ==, 2);
}

/* ---- People --------------------------------------------------------------------------- */

/* Names are text: line breaks (RFC 6868 ^n, a raw CR, U+2028) and tabs become spaces,
 * markup is kept as written, and every report line stays one line. */
static void
test_names_with_line_breaks_and_markup (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) report = import_ok (f, "names-crlf-markup.ics", NULL, FALSE);
  g_autoptr (JtInterview) interview = only_interview (f);
  g_autofree char *people = people_of (interview);
  g_autoptr (JtApplication) app = application (f, interview->application_id);

  g_assert_cmpstr (people, ==,
                   "<b>Bold</b> <script>alert(1)</script> <mallory@acme.example>; "
                   "Bob Second Third Tab <bob@acme.example>; "
                   "Eve Injected: line <eve@acme.example>");
  g_assert_cmpstr (interview->place, ==, "Acme HQ Room 1 <img src=x onerror=alert(1)>");
  g_assert_cmpstr (app->company, ==, "Acme");
  g_assert_cmpstr (app->role, ==, "QA Lead");
  g_assert_cmpuint (report->len, ==, 5);
  assert_one_line_each (report);
}

/* Without the person's addresses, the person is one of the people (the caller passes
 * --me and the config's [user] emails). */
static void
test_without_me_the_person_is_a_contact (Fixture *f, gconstpointer data)
{
  gsize length;
  g_autofree char *text = fixture_text ("thunderbird.ics", &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) report = NULL;
  GPtrArray *no_report = NULL;

  report = import_data (f, text, length, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_contacts (f), ==, 3);
  /* Options may be NULL altogether: the same as all defaults. */
  use_database (f, "defaults.db");
  g_assert_true (jt_calendar_import (f->store, text, length, NULL, f->tz, NOW, &no_report, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (no_report);
  g_assert_cmpuint (count_contacts (f), ==, 3);
}

/* ---- Idempotence, updates, cancellations --------------------------------------------- */

static const char *const clients[]
    = { "google-utc.ics", "google-berlin.ics", "outlook-request.ics", "thunderbird.ics" };

static void
test_import_twice_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    g_ptr_array_unref (import_ok (f, clients[i], NULL, FALSE));
  once = dump_database (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr (GPtrArray) report = import_ok (f, clients[i], NULL, FALSE);

      g_assert_cmpuint (report->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (report, 0),
                                       "interview ")); /* "interview N (unchanged): ..." */
      g_assert_nonnull (strstr (g_ptr_array_index (report, 0), " (unchanged): "));
    }
  twice = dump_database (f->path);
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpuint (count_contacts (f), ==, 8);
}

/* The reminders of the interview: rule and contact -> due time. */
static GHashTable *
interview_reminders (Fixture *f, gint64 application_id, gint64 interview_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders
      = jt_store_reminder_list_for_application (f->store, application_id, &error);
  GHashTable *due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      JtReminder *r = g_ptr_array_index (reminders, i);

      if (r->interview_id == interview_id)
        g_hash_table_insert (due, g_strdup (r->uid), g_memdup2 (&r->due_at, sizeof r->due_at));
    }
  return due;
}

/* Outlook's update (SEQUENCE 1) moves the interview from Thursday 14:00 to Friday 09:30;
 * the summary and thank-you reminders move with it. */
static void
test_update_moves_interview_and_reminders (Fixture *f, gconstpointer data)
{
  G_GNUC_UNUSED g_autoptr (GPtrArray) first = import_ok (f, "outlook-request.ics", NULL, FALSE);
  g_autoptr (JtInterview) before = only_interview (f);
  g_autoptr (GHashTable) due_before = interview_reminders (f, before->application_id, before->id);
  g_autoptr (GPtrArray) update = import_ok (f, "outlook-update.ics", NULL, FALSE);
  g_autoptr (JtInterview) after = only_interview (f);
  g_autoptr (GHashTable) due_after = interview_reminders (f, after->application_id, after->id);
  gint64 shift = utc (2026, 12, 11, 8, 30) - utc (2026, 12, 10, 13, 0);
  g_autofree char *was = human (f, utc (2026, 12, 10, 13, 0));
  g_autofree char *now_at = human (f, utc (2026, 12, 11, 8, 30));
  g_autofree char *line = NULL;
  g_autofree char *moved = NULL;
  g_autoptr (GPtrArray) stale = NULL;
  g_autoptr (GPtrArray) again = NULL;
  GHashTableIter iter;
  gpointer uid, due;

  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpint (after->start_at, ==, utc (2026, 12, 11, 8, 30));
  g_assert_cmpint (after->duration_min, ==, 60);
  line = g_strdup_printf ("interview %" G_GINT64_FORMAT " (moved): Initech, Backend Engineer on "
                          "%s, was %s — updated invitation (sequence 1)",
                          after->id, now_at, was);
  g_assert_cmpuint (update->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (update, 0), ==, line);

  /* R1 (summary) and R2 (a thank-you to each of the two people): same reminders,
   * moved by exactly the interview's shift. */
  g_assert_cmpuint (g_hash_table_size (due_before), ==, 3);
  g_assert_cmpuint (g_hash_table_size (due_after), ==, 3);
  g_hash_table_iter_init (&iter, due_before);
  while (g_hash_table_iter_next (&iter, &uid, &due))
    {
      gint64 *moved_due = g_hash_table_lookup (due_after, uid);

      g_assert_nonnull (moved_due);
      g_assert_cmpint (*moved_due, ==, *(gint64 *) due + shift);
    }

  /* The update again, and the older request again: nothing moves back. */
  moved = dump_database (f->path);
  again = import_ok (f, "outlook-update.ics", NULL, FALSE);
  stale = import_ok (f, "outlook-request.ics", NULL, FALSE);
  g_assert_nonnull (strstr (g_ptr_array_index (stale, 0), " (unchanged): "));
  {
    g_autofree char *still = dump_database (f->path);

    g_assert_cmpstr (moved, ==, still);
  }
}

/* Outlook's cancellation removes the interview and its reminders; again, it finds
 * nothing to remove and changes nothing. */
static void
test_cancellation_removes_interview (Fixture *f, gconstpointer data)
{
  G_GNUC_UNUSED g_autoptr (GPtrArray) first = import_ok (f, "outlook-request.ics", NULL, FALSE);
  g_autoptr (JtInterview) interview = only_interview (f);
  g_autoptr (GPtrArray) cancel = import_ok (f, "outlook-cancel.ics", NULL, FALSE);
  g_autoptr (GPtrArray) interviews = all_interviews (f);
  g_autoptr (GHashTable) due = interview_reminders (f, interview->application_id, interview->id);
  g_autofree char *removed = dump_database (f->path);
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (interviews->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (due), ==, 0);
  g_assert_cmpuint (cancel->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (cancel, 0), " (removed): "));
  g_assert_nonnull (strstr (g_ptr_array_index (cancel, 0), "cancelled by the organizer"));
  again = import_ok (f, "outlook-cancel.ics", NULL, FALSE);
  g_assert_nonnull (strstr (g_ptr_array_index (again, 0), "nothing to remove"));
  after = dump_database (f->path);
  g_assert_cmpstr (removed, ==, after);
}

/* An interview the person has already written about is not thrown away. */
static void
test_cancellation_keeps_assessed_interview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  G_GNUC_UNUSED g_autoptr (GPtrArray) first = import_ok (f, "outlook-request.ics", NULL, FALSE);
  g_autoptr (JtInterview) interview = only_interview (f);
  g_autoptr (GPtrArray) cancel = NULL;
  g_autoptr (JtInterview) kept = NULL;

  {
    g_autoptr (JtTransaction) txn = jt_store_begin_write (f->store, &error);

    interview->conversation = g_strdup ("They asked about on-call.");
    g_assert_true (jt_store_interview_update (f->store, interview, NOW, &error));
    g_assert_true (jt_transaction_commit (g_steal_pointer (&txn), &error));
    g_assert_no_error (error);
  }
  cancel = import_ok (f, "outlook-cancel.ics", NULL, FALSE);
  kept = only_interview (f);
  g_assert_cmpint (kept->id, ==, interview->id);
  g_assert_nonnull (strstr (g_ptr_array_index (cancel, 0), " (kept): "));
}

/* A dry run reports exactly what the import will do, and writes nothing. */
static void
test_dry_run_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GPtrArray) dry = NULL;
  g_autoptr (GPtrArray) real = NULL;
  g_autoptr (GPtrArray) dry_update = NULL;
  g_autoptr (JtInterview) interview = NULL;

  g_ptr_array_unref (import_ok (f, "google-utc.ics", NULL, FALSE)); /* not an empty file */
  before = dump_database (f->path);
  dry = import_ok (f, "outlook-request.ics", NULL, TRUE);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (g_ptr_array_index (dry, 0), " (new): "));

  real = import_ok (f, "outlook-request.ics", NULL, FALSE);
  g_assert_cmpuint (real->len, ==, dry->len);
  for (guint i = 0; i < real->len; i++)
    g_assert_cmpstr (g_ptr_array_index (real, i), ==, g_ptr_array_index (dry, i));

  /* A dry-run update reports the move and leaves the interview where it was. */
  g_free (before);
  before = dump_database (f->path);
  dry_update = import_ok (f, "outlook-update.ics", NULL, TRUE);
  g_assert_nonnull (strstr (g_ptr_array_index (dry_update, 0), " (moved): "));
  g_free (after);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) all = all_interviews (f);

    interview = g_ptr_array_steal_index (all, all->len - 1); /* the latest: 10 Dec */
    g_assert_no_error (error);
  }
  g_assert_cmpint (interview->start_at, ==, utc (2026, 12, 10, 13, 0));
}

/* Several events in one file: each an interview, in one transaction. The same UID
 * twice (an event that does not repeat and a moved copy of it, RECURRENCE-ID) is one
 * interview. */
static void
test_several_events_one_file (Fixture *f, gconstpointer data)
{
  const char *text
      = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobtrack tests//EN\r\nMETHOD:PUBLISH\r\n"
        "BEGIN:VEVENT\r\nUID:round-1@test\r\nDTSTART:20261204T130000Z\r\n"
        "SUMMARY:Interview: SRE at Globex\r\nORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:round-2@test\r\nDTSTART:20261211T130000Z\r\n"
        "SUMMARY:Final interview: SRE at "
        "Globex\r\nORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:round-2@test\r\nRECURRENCE-ID:20261211T130000Z\r\nSEQUENCE:1\r\n"
        "DTSTART:20261211T150000Z\r\nSUMMARY:Final interview: SRE at Globex\r\n"
        "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
  g_autoptr (GPtrArray) report = import_text_ok (f, text, NULL);
  g_autoptr (GPtrArray) interviews = all_interviews (f);
  JtInterview *final;

  g_assert_cmpuint (interviews->len, ==, 2);
  final = g_ptr_array_index (interviews, 1);
  g_assert_cmpint (final->start_at, ==, utc (2026, 12, 11, 15, 0));
  g_assert_cmpstr (jt_interview_kind_to_string (final->kind), ==, "final");
  g_assert_cmpint (final->application_id, ==,
                   ((JtInterview *) g_ptr_array_index (interviews, 0))->application_id);
  g_assert_nonnull (strstr (g_ptr_array_index (report, report->len - 1), " (moved): "));
}

/* A file that fails half-way through writing leaves nothing behind. */
static void
test_failure_while_writing_rolls_back (Fixture *f, gconstpointer data)
{
  const char *text
      = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobtrack tests//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\nUID:good@test\r\nDTSTART:20261204T130000Z\r\n"
        "SUMMARY:Interview: SRE at Globex\r\nORGANIZER;CN=Raj:mailto:raj@globex.com\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:bad@test\r\nDTSTART:20261205T130000Z\r\nLOCATION:boom\r\n"
        "SUMMARY:Interview: SRE at Globex\r\nORGANIZER;CN=Ann:mailto:ann@globex.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_ptr_array_unref (import_ok (f, "thunderbird.ics", NULL, FALSE));
  raw_exec (f->path, "CREATE TRIGGER boom BEFORE INSERT ON interviews "
                     "WHEN NEW.place = 'boom' BEGIN SELECT RAISE (ABORT, 'boom'); END");
  before = dump_database (f->path);
  report = import_data (f, text, strlen (text), NULL, me, FALSE, &error);
  g_assert_nonnull (error);
  after = dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- Hostile and broken files --------------------------------------------------------- */

typedef struct
{
  const char *name;
  char *data;
  gsize length;
  const char *says; /* a piece of the one-line error */
} Hostile;

static void
hostile_add (GArray *cases, const char *name, char *data, gsize length, const char *says)
{
  Hostile h = { name, data, length, says };

  g_array_append_val (cases, h);
}

static void
hostile_add_text (GArray *cases, const char *name, char *text, const char *says)
{
  hostile_add (cases, name, text, strlen (text), says);
}

static GArray *
hostile_cases (void)
{
  GArray *cases = g_array_new (FALSE, FALSE, sizeof (Hostile));
  gsize length;
  char *text;
  GString *s;

  text = fixture_text ("truncated.ics", &length);
  hostile_add (cases, "truncated fixture", text, length, "cut short");
  text = fixture_text ("binary.ics", &length);
  hostile_add (cases, "binary fixture", text, length, "binary");

  /* Huge: a valid invitation padded with a 6 MB description. */
  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX
                    "DESCRIPTION:");
  for (guint i = 0; i < 6 * 1024 * 1024 / 72; i++)
    g_string_append (s,
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n ");
  g_string_append (s, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  length = s->len;
  hostile_add (cases, "huge", g_string_free (s, FALSE), length, "at most 5 MB");

  /* Thousands of attendees (well under the size limit). */
  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX);
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (s, "ATTENDEE;CN=Person %u:mailto:p%u@globex.com\r\n", i, i);
  g_string_append (s, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  hostile_add_text (cases, "5000 attendees", g_string_free (s, FALSE), "5000 attendees");

  /* Fewer in each event, too many in all. */
  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  for (guint e = 0; e < 3; e++)
    {
      g_string_append_printf (s,
                              "BEGIN:VEVENT\r\nUID:many-%u@test\r\n"
                              "DTSTART:20261204T130000Z\r\nORGANIZER:mailto:raj@globex.com\r\n",
                              e);
      for (guint i = 0; i < 900; i++)
        g_string_append_printf (s, "ATTENDEE:mailto:p%u@globex.com\r\n", i);
      g_string_append (s, "END:VEVENT\r\n");
    }
  g_string_append (s, "END:VCALENDAR\r\n");
  hostile_add_text (cases, "2700 attendees in 3 events", g_string_free (s, FALSE), "in all");

  /* Deeply nested components (libical itself recurses on them). */
  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX);
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "BEGIN:VALARM\r\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "END:VALARM\r\n");
  g_string_append (s, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  hostile_add_text (cases, "deep nesting", g_string_free (s, FALSE), "nested");

  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  for (guint i = 0; i < 1001; i++)
    g_string_append_printf (s,
                            "BEGIN:VEVENT\r\nUID:e%u@test\r\nDTSTART:20261204T130000Z\r\n"
                            "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n",
                            i);
  g_string_append (s, "END:VCALENDAR\r\n");
  hostile_add_text (cases, "1001 events", g_string_free (s, FALSE), "more than 1000 events");

  hostile_add (cases, "empty", g_strdup (""), 0, "empty");
  hostile_add_text (cases, "not a calendar",
                    g_strdup ("Hi Jane,\r\nplease find the invitation attached.\r\n"),
                    "not an iCalendar file");
  hostile_add_text (cases, "latin-1",
                    calendar_with ("REQUEST", EVENT_GLOBEX "LOCATION:M\xfcnchen\r\n"), "UTF-8");
  hostile_add_text (cases, "no event",
                    g_strdup ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\n"
                              "END:VTODO\r\nEND:VCALENDAR\r\n"),
                    "no event");
  hostile_add_text (cases, "no DTSTART",
                    calendar_with ("REQUEST", "UID:x@test\r\nSUMMARY:Interview\r\n"
                                              "ORGANIZER:mailto:raj@globex.com\r\n"),
                    "no start time (DTSTART)");
  hostile_add_text (cases, "bad DTSTART",
                    calendar_with ("REQUEST", "UID:x@test\r\nDTSTART:2026120\r\n"
                                              "ORGANIZER:mailto:raj@globex.com\r\n"),
                    "DTSTART");
  hostile_add_text (cases, "all-day",
                    calendar_with ("REQUEST", "UID:x@test\r\nDTSTART;VALUE=DATE:20261204\r\n"
                                              "ORGANIZER:mailto:raj@globex.com\r\n"),
                    "all-day");
  hostile_add_text (cases, "unknown zone",
                    calendar_with ("REQUEST", "UID:x@test\r\n"
                                              "DTSTART;TZID=Mars/Olympus_Mons:20261204T130000\r\n"
                                              "ORGANIZER:mailto:raj@globex.com\r\n"),
                    "'Mars/Olympus_Mons'");
  hostile_add_text (cases, "no UID",
                    calendar_with ("REQUEST", "DTSTART:20261204T130000Z\r\n"
                                              "ORGANIZER:mailto:raj@globex.com\r\n"),
                    "no UID");
  hostile_add_text (cases, "a reply", calendar_with ("REPLY", EVENT_GLOBEX), "METHOD:REPLY");
  hostile_add_text (cases, "two calendars",
                    g_strconcat ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX
                                 "END:VEVENT\r\nEND:VCALENDAR\r\n",
                                 "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX
                                 "END:VEVENT\r\nEND:VCALENDAR\r\n",
                                 NULL),
                    "more than one calendar");
  hostile_add_text (
      cases, "zone that changes every second",
      g_strdup ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Busy\r\n"
                "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0100\r\n"
                "TZOFFSETTO:+0200\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
                "BEGIN:VEVENT\r\nUID:x@test\r\nDTSTART;TZID=Busy:20261204T130000\r\n"
                "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
      "more often than yearly");
  hostile_add_text (
      cases, "zone without offsets",
      g_strdup ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Empty\r\n"
                "END:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:x@test\r\n"
                "DTSTART;TZID=Empty:20261204T130000\r\nORGANIZER:mailto:raj@globex.com\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n"),
      "without any offsets");
  /* A good first event does not get written when the second is bad. */
  hostile_add_text (cases, "second event bad",
                    g_strdup ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX
                              "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:y@test\r\n"
                              "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
                              "END:VCALENDAR\r\n"),
                    "no start time");
  return cases;
}

static void
test_hostile_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) cases = hostile_cases ();
  g_autofree char *before = NULL;

  /* Something to lose: every refusal must leave it exactly as it is. */
  g_ptr_array_unref (import_ok (f, "google-utc.ics", NULL, FALSE));
  before = dump_database (f->path);
  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *h = &g_array_index (cases, Hostile, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) report = NULL;
      g_autofree char *after = NULL;
      gint64 started = g_get_monotonic_time ();

      report = import_data (f, h->data, h->length, NULL, me, FALSE, &error);
      g_test_message ("%s: %s (%" G_GINT64_FORMAT " ms)", h->name,
                      error != NULL ? error->message : "(no error)",
                      (g_get_monotonic_time () - started) / 1000);
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, h->says));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strchr (error->message, '\r'));
      g_assert_cmpuint (strlen (error->message), <, 300);
      /* Refused quickly, not after minutes of work. */
      g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
      after = dump_database (f->path);
      g_assert_cmpstr (before, ==, after);
      g_free (h->data);
    }
}

/* Shapes of text that libical parses in time quadratic in their size (a line of many
 * unknown parameters: 40,000 took 7 s, 200,000 never ended; very long lines) are
 * refused before it sees them, in well under a second at any size, saying where. */
static GString *
calendar_head (void)
{
  return g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX);
}

static char *
calendar_close (GString *s)
{
  g_string_append (s, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  return g_string_free (s, FALSE);
}

static void
test_slow_shapes_refused_quickly (Fixture *f, gconstpointer data)
{
  struct
  {
    const char *name;
    char *text;
    const char *says;
  } cases[7];
  GString *s;

  /* Line 10: the ATTENDEE line, after the head's 9. */
  s = calendar_head ();
  g_string_append (s, "ATTENDEE");
  for (guint i = 0; i < 40000; i++)
    g_string_append (s, ";FOOO=1");
  g_string_append (s, ":mailto:ann@globex.com\r\n");
  cases[0].name = "40,000 parameters";
  cases[0].text = calendar_close (s);
  cases[0].says = "line 10 has more than 100 parameters";

  /* 200,000 empty parameters, folded as calendars fold: the count goes on across folds. */
  s = calendar_head ();
  g_string_append (s, "ATTENDEE");
  for (guint i = 0; i < 200000; i++)
    g_string_append (s, i % 10 == 9 ? ";X=\r\n " : ";X=");
  g_string_append (s, ":mailto:ann@globex.com\r\n");
  cases[1].name = "200,000 folded parameters";
  cases[1].text = calendar_close (s);
  cases[1].says = "line 10 has more than 100 parameters";

  /* 3.6 MB of escaped text on one line. */
  s = calendar_head ();
  g_string_append (s, "DESCRIPTION:");
  for (guint i = 0; i < 600000; i++)
    g_string_append (s, "\\,\\;\\n");
  g_string_append (s, "\r\n");
  cases[2].name = "a 3.6 MB line";
  cases[2].text = calendar_close (s);
  cases[2].says = "line 10 is longer than 256 KB";

  s = calendar_head ();
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (s, "X-A-%u:1\r\n", i);
  cases[3].name = "20,000 properties";
  cases[3].text = calendar_close (s);
  cases[3].says = "the component that begins at line 3 has more than 10000 properties";

  /* Within the limits line by line, beyond them in all. */
  s = calendar_head ();
  for (guint i = 0; i < 600; i++)
    {
      g_string_append (s, "X-A");
      for (guint j = 0; j < 100; j++)
        g_string_append (s, ";X-P=1");
      g_string_append (s, ":1\r\n");
    }
  cases[5].name = "60,000 parameters in all";
  cases[5].text = calendar_close (s);
  cases[5].says = "more than 50000 parameters (;NAME=VALUE) in all";

  s = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  for (guint i = 0; i < 10; i++)
    {
      g_string_append (s, "BEGIN:VTODO\r\n");
      for (guint j = 0; j < 6000; j++)
        g_string_append_printf (s, "X-A-%u:1\r\n", j);
      g_string_append (s, "END:VTODO\r\n");
    }
  g_string_append (s, "BEGIN:VEVENT\r\n" EVENT_GLOBEX);
  cases[6].name = "60,000 lines";
  cases[6].text = calendar_close (s);
  cases[6].says = "more than 50000 lines";

  /* A quoted ';' is no parameter, nor is one in the value: this one imports. */
  s = calendar_head ();
  g_string_append (s, "ATTENDEE;CN=\"");
  for (guint i = 0; i < 500; i++)
    g_string_append (s, "a;");
  g_string_append (s, "\":mailto:ann@globex.com\r\nCOMMENT:");
  for (guint i = 0; i < 500; i++)
    g_string_append (s, "b\\;");
  g_string_append (s, "\r\n");
  cases[4].name = "semicolons quoted and in values";
  cases[4].text = calendar_close (s);
  cases[4].says = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) report = NULL;
      gint64 started = g_get_monotonic_time ();
      gint64 took;

      report = import_data (f, cases[i].text, strlen (cases[i].text), NULL, me, TRUE, &error);
      took = g_get_monotonic_time () - started;
      g_test_message ("%s: %s (%" G_GINT64_FORMAT " ms)", cases[i].name,
                      error != NULL ? error->message : "imported", took / 1000);
      if (cases[i].says == NULL)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].says));
        }
      g_assert_cmpint (took, <, G_USEC_PER_SEC / 2);
      g_free (cases[i].text);
    }
}

/* Refusals say in the person's words what is wrong and where, never libical's own text,
 * and a part of the file no event uses refuses nothing. */
static void
test_refusals_say_what_and_where (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *name;
    const char *text;
    const char *says; /* NULL: it imports */
  } cases[] = {
    { "start not a time",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@test\r\n"
      "SUMMARY:Interview: SRE\r\nDTSTART:2026120\r\nORGANIZER:mailto:raj@globex.com\r\n"
      "END:VEVENT\r\nEND:VCALENDAR\r\n",
      "event 'Interview: SRE' (line 3) has a start time that is not a date and time as "
      "iCalendar writes them (line 6: 'DTSTART:2026120')" },
    { "zone name not closed",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@test\r\n"
      "DTSTART;TZID=\"W. Europe Standard Time:20261204T130000\r\n"
      "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "the event at line 3 has a start time that is not a date and time as iCalendar writes "
      "them (line 5: 'DTSTART;TZID=\"W. Europe Standard Time:20261204T130000')" },
    { "no such day",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@test\r\n"
      "DTSTART:20261032T130000Z\r\nORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n",
      "the event at line 3 has DTSTART that is not a real day and time (line 5: "
      "'DTSTART:20261032T130000Z')" },
    { "hour below zero",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@test\r\n"
      "DTSTART:20261020T-80000Z\r\nORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n",
      "the event at line 3 has DTSTART that is not a real day and time (line 5: "
      "'DTSTART:20261020T-80000Z')" },
    { "no UID",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20261204T130000Z\r\n"
      "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "the event at line 3 has no UID, the identifier every calendar gives an event" },
    { "nested calendar",
      "BEGIN:VCALENDAR\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX
      "END:VEVENT\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n",
      "its events are inside a second VCALENDAR, nested in the first at line 2" },
    { "used zone without offsets",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Empty\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\nUID:x@test\r\nDTSTART;TZID=Empty:20261204T130000\r\n"
      "ORGANIZER:mailto:raj@globex.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "the event at line 6 gives DTSTART in the time zone 'Empty', which the file defines "
      "without any offsets" },
    { "unused zone without a name",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nX-LIC-LOCATION:Nowhere\r\n"
      "END:VTIMEZONE\r\nBEGIN:VEVENT\r\n" EVENT_GLOBEX "END:VEVENT\r\nEND:VCALENDAR\r\n",
      NULL },
    { "unused zone without offsets",
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Unused\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\n" EVENT_GLOBEX "END:VEVENT\r\nEND:VCALENDAR\r\n",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) report = NULL;

      report = import_data (f, cases[i].text, strlen (cases[i].text), NULL, me, TRUE, &error);
      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "imported");
      if (cases[i].says == NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_null (strstr (error->message, "Can't"));
      g_assert_null (strstr (error->message, "Removing"));
      g_assert_null (strstr (error->message, "event 1 "));
    }
}

/* ---- Recurring invitations ------------------------------------------------------------- */

static gint
compare_instants (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The interviews' starts, ascending, as "2026-10-20T08:00Z" words joined by spaces. */
static char *
starts_of (Fixture *f)
{
  g_autoptr (GPtrArray) interviews = all_interviews (f);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < interviews->len; i++)
    g_array_append_val (starts, ((JtInterview *) g_ptr_array_index (interviews, i))->start_at);
  g_array_sort (starts, compare_instants);
  for (guint i = 0; i < starts->len; i++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (g_array_index (starts, gint64, i));
      g_autofree char *word = g_date_time_format (dt, "%Y-%m-%dT%H:%MZ");

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", word);
    }
  return g_string_free (text, FALSE);
}

/* How many of the report's lines on interviews contain `words`. */
static guint
lines_with (GPtrArray *report, const char *words)
{
  guint count = 0;

  for (guint i = 0; i < report->len; i++)
    {
      const char *line = g_ptr_array_index (report, i);

      count += g_str_has_prefix (line, "interview ") && strstr (line, words) != NULL;
    }
  return count;
}

/* A weekly loop of three interviews at 10:00 in Berlin, across the end of summer time
 * (25 October 2026): 08:00 UTC, then 09:00. */
#define SERIES_HEAD                                                                                \
  "UID:loop@test\r\nDTSTAMP:20261001T100000Z\r\nSUMMARY:Interview: SRE at Globex\r\n"              \
  "ORGANIZER;CN=Raj Patel:mailto:raj@globex.com\r\n"
#define SERIES_MASTER                                                                              \
  SERIES_HEAD "DTSTART;TZID=Europe/Berlin:20261020T100000\r\n"                                     \
              "DTEND;TZID=Europe/Berlin:20261020T110000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
#define SERIES_STARTS "2026-10-20T08:00Z 2026-10-27T09:00Z 2026-11-03T09:00Z"

/* A calendar of the events `first` and `second` (content lines of each). */
static char *
calendar_of_two (const char *method, const char *first, const char *second)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobtrack tests//EN\r\n"
                          "METHOD:%s\r\nBEGIN:VEVENT\r\n%sEND:VEVENT\r\nBEGIN:VEVENT\r\n%s"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n",
                          method, first, second);
}

static void
import_series (Fixture *f)
{
  g_autofree char *text = calendar_with ("REQUEST", SERIES_MASTER);
  g_autoptr (GPtrArray) report = import_text_ok (f, text, NULL);
  g_autofree char *starts = starts_of (f);

  g_assert_cmpstr (starts, ==, SERIES_STARTS);
  g_assert_cmpuint (lines_with (report, " (new): Globex, SRE on "), ==, 3);
  g_assert_cmpuint (lines_with (report, " — one of a series of 3 meetings"), ==, 3);
}

/* Each meeting of a series is an interview, of one application; importing it again
 * changes nothing. */
static void
test_series_each_meeting (Fixture *f, gconstpointer data)
{
  g_autofree char *text = calendar_with ("REQUEST", SERIES_MASTER);
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) interviews = NULL;
  g_autofree char *starts = NULL;

  import_series (f);
  interviews = all_interviews (f);
  for (guint i = 0; i < interviews->len; i++)
    {
      JtInterview *interview = g_ptr_array_index (interviews, i);

      g_assert_cmpint (interview->duration_min, ==, 60);
      g_assert_cmpint (interview->application_id, ==,
                       ((JtInterview *) g_ptr_array_index (interviews, 0))->application_id);
    }
  again = import_text_ok (f, text, NULL);
  g_assert_cmpuint (lines_with (again, " (unchanged): "), ==, 3);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, SERIES_STARTS);
}

/* A meeting moved on its own (RECURRENCE-ID) moves only that interview, whether the
 * change comes with the series or alone. */
static void
test_series_override_moves_one (Fixture *f, gconstpointer data)
{
  g_autofree char *with_series = calendar_of_two (
      "REQUEST", SERIES_MASTER,
      SERIES_HEAD "RECURRENCE-ID;TZID=Europe/Berlin:20261027T100000\r\nSEQUENCE:1\r\n"
                  "DTSTART;TZID=Europe/Berlin:20261028T150000\r\n"
                  "DTEND;TZID=Europe/Berlin:20261028T160000\r\n");
  g_autofree char *alone = calendar_with ("REQUEST", SERIES_HEAD
                                          "RECURRENCE-ID:20261103T090000Z\r\nSEQUENCE:2\r\n"
                                          "DTSTART:20261104T090000Z\r\nDTEND:20261104T100000Z\r\n");
  g_autoptr (GPtrArray) first = import_text_ok (f, with_series, NULL);
  g_autofree char *starts = starts_of (f);
  g_autoptr (GPtrArray) second = NULL;

  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z 2026-10-28T14:00Z 2026-11-03T09:00Z");
  g_assert_cmpuint (lines_with (first, " (new): "), ==, 3);
  second = import_text_ok (f, alone, NULL);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpuint (lines_with (second, " (moved): "), ==, 1);
  g_free (starts);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z 2026-10-28T14:00Z 2026-11-04T09:00Z");
}

/* A cancellation of one meeting (METHOD:CANCEL, or STATUS:CANCELLED, with a
 * RECURRENCE-ID) removes that interview only; a cancellation of the series, all. */
static void
test_series_cancel_one_and_all (Fixture *f, gconstpointer data)
{
  g_autofree char *cancel_one = calendar_with (
      "CANCEL", SERIES_HEAD "RECURRENCE-ID;TZID=Europe/Berlin:20261027T100000\r\nSEQUENCE:1\r\n"
                            "DTSTART;TZID=Europe/Berlin:20261027T100000\r\nSTATUS:CANCELLED\r\n");
  g_autofree char *status_one = calendar_with (
      "REQUEST", SERIES_HEAD "RECURRENCE-ID;TZID=Europe/Berlin:20261103T100000\r\nSEQUENCE:1\r\n"
                             "DTSTART;TZID=Europe/Berlin:20261103T100000\r\nSTATUS:CANCELLED\r\n");
  g_autofree char *cancel_all = calendar_with ("CANCEL", SERIES_MASTER "SEQUENCE:2\r\n");
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GPtrArray) other = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *starts = NULL;

  import_series (f);
  one = import_text_ok (f, cancel_one, NULL);
  g_assert_cmpuint (lines_with (one, " (removed): "), ==, 1);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z 2026-11-03T09:00Z");
  other = import_text_ok (f, status_one, NULL);
  g_assert_cmpuint (lines_with (other, " (removed): "), ==, 1);
  g_free (starts);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z");
  all = import_text_ok (f, cancel_all, NULL);
  g_assert_cmpuint (lines_with (all, " (removed): "), ==, 1);
  g_free (starts);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "");
}

/* A newer copy of the series that takes a meeting out (EXDATE) removes its interview.
 * The older copy imported again takes nothing away, and records that meeting anew: a
 * removed interview leaves no trace to refuse it by, as for a single invitation. */
static void
test_series_update_drops_a_meeting (Fixture *f, gconstpointer data)
{
  g_autofree char *fewer = calendar_with (
      "REQUEST", SERIES_MASTER "SEQUENCE:1\r\nEXDATE;TZID=Europe/Berlin:20261027T100000\r\n");
  g_autofree char *older = calendar_with ("REQUEST", SERIES_MASTER);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *starts = NULL;

  import_series (f);
  report = import_text_ok (f, fewer, NULL);
  g_assert_cmpuint (lines_with (report, " (removed): "), ==, 1);
  g_assert_cmpuint (lines_with (report, " (removed): Globex, SRE on "), ==, 1);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z 2026-11-03T09:00Z");
  again = import_text_ok (f, older, NULL);
  g_assert_cmpuint (lines_with (again, " (removed): "), ==, 0);
  g_assert_cmpuint (lines_with (again, " (new): "), ==, 1);
  g_free (starts);
  starts = starts_of (f);
  g_assert_cmpstr (starts, ==, "2026-10-20T08:00Z 2026-10-27T09:00Z 2026-11-03T09:00Z");
  /* Finding a series' meetings is a range of the invitation index, as is every query. */
  problems = jt_test_unindexed_queries (f->store, f->path);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Series jobtrack does not record are refused with their reason, and nothing written. */
static void
test_series_refused (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *lines;
    const char *says;
  } cases[] = {
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=DAILY;COUNT=30\r\n",
      "repeats more than 20 times; jobtrack records each meeting of a series as an interview" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=WEEKLY\r\n",
      "repeats without end (an RRULE without COUNT or UNTIL)" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=YEARLY;COUNT=4\r\n",
      "repeats for more than 2 years" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=MONTHLY;UNTIL=20290101T000000Z\r\n",
      "repeats for more than 2 years" },
    /* Matches nothing: libical would walk to the year 2582. */
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;"
                  "COUNT=2\r\n",
      "repeats for more than 2 years" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=DAILY;COUNT=25\r\n"
                  "EXDATE:20261021T080000Z\r\n",
      "repeats more than 20 times" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=HOURLY;COUNT=3\r\n",
      "repeats more often than daily (RRULE)" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"
                  "EXDATE:20261020T080000Z,20261021T080000Z\r\n",
      "is a series with every meeting taken out (EXDATE)" },
    { SERIES_HEAD "DTSTART:20261020T080000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
                  "EXDATE;VALUE=DATE:20261021\r\n",
      "names a meeting of its series by the day alone (EXDATE is a date without a time)" },
    { SERIES_HEAD "RECURRENCE-ID;RANGE=THISANDFUTURE:20261027T090000Z\r\n"
                  "DTSTART:20261027T120000Z\r\n",
      "(RANGE=THISANDFUTURE), which jobtrack does not follow" },
  };
  g_autofree char *before = dump_database (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = calendar_with ("REQUEST", cases[i].lines);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) report = import_data (f, text, strlen (text), NULL, me, FALSE, &error);
      g_autofree char *after = NULL;

      g_test_message ("%s", error != NULL ? error->message : "imported");
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "event 'Interview: SRE at Globex' (line 5) "));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      after = dump_database (f->path);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ---- Time zones and lengths ------------------------------------------------------------ */

/* Windows zone names without a VTIMEZONE, as Outlook and Exchange write them: ICU's
 * table maps them to the zones this system knows. */
static void
test_windows_zone_names (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *dtstart;
    int hour_utc;
  } cases[] = {
    { "DTSTART;TZID=W. Europe Standard Time:20261204T130000", 12 },
    { "DTSTART;TZID=\"Eastern Standard Time\":20261204T130000", 18 },
    { "DTSTART;TZID=tzone://Microsoft/Utc:20261204T130000", 13 },
    { "DTSTART;TZID=India Standard Time:20261204T130000", 7 }, /* +05:30: 07:30 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lines = g_strdup_printf ("UID:win-%u@test\r\n%s\r\nSUMMARY:Interview: SRE "
                                                "at Globex\r\nORGANIZER:mailto:raj@globex.com\r\n",
                                                i, cases[i].dtstart);
      g_autofree char *text = calendar_with ("REQUEST", lines);
      g_autoptr (GPtrArray) report = import_text_ok (f, text, NULL);
      g_autoptr (JtInterview) interview = NULL;
      g_autoptr (GError) error = NULL;
      gint64 sequence;
      g_autofree char *uid = g_strdup_printf ("win-%u@test", i);

      interview = jt_store_interview_find_by_invite (f->store, uid, &sequence, &error);
      g_assert_no_error (error);
      g_assert_nonnull (interview);
      g_assert_cmpint (interview->start_at, ==,
                       utc (2026, 12, 4, cases[i].hour_utc, i == 3 ? 30 : 0));
    }
  {
    g_autofree char *text
        = calendar_with ("REQUEST", "UID:mars@test\r\nDTSTART;TZID=Mars Standard Time:"
                                    "20261204T130000\r\nORGANIZER:mailto:raj@globex.com\r\n");
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) report = import_data (f, text, strlen (text), NULL, me, FALSE, &error);

    g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "in the time zone 'Mars Standard Time', which the "
                                              "file does not define (no VTIMEZONE) and this "
                                              "system does not know"));
  }
}

/* New York's zone as Outlook embeds it. */
#define VTIMEZONE_NEW_YORK                                                                         \
  "BEGIN:VTIMEZONE\r\nTZID:Eastern (embedded)\r\n"                                                 \
  "BEGIN:STANDARD\r\nDTSTART:16011104T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"        \
  "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n"                                     \
  "BEGIN:DAYLIGHT\r\nDTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n"         \
  "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"

/* A wall time the clocks skip or repeat reads as RFC 5545 §3.3.5 says, the same through
 * an embedded VTIMEZONE, the system's zone and as a floating time: skipped, with the
 * offset before the gap; repeated, its first time. The length is end minus start. */
static void
test_gap_and_repeated_hour (Fixture *f, gconstpointer data)
{
  static const char *const zones[] = { ";TZID=Eastern (embedded)", ";TZID=America/New_York", "" };
  static const struct
  {
    const char *start;
    const char *end;
    gint64 start_utc_minute; /* minutes after 00:00 UTC of the same day */
    int duration_min;
  } cases[] = {
    /* 02:30 does not exist on 8 March: 03:30 EDT, 07:30 UTC. */
    { "20260308T023000", "20260308T040000", 7 * 60 + 30, 30 },
    /* 01:30 to 03:30 across the gap: one hour. */
    { "20260308T013000", "20260308T033000", 6 * 60 + 30, 60 },
    /* 01:30 comes twice on 1 November: the first, EDT, 05:30 UTC; to 02:30 EST. */
    { "20261101T013000", "20261101T023000", 5 * 60 + 30, 120 },
  };
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  GTimeZone *own = f->tz;

  f->tz = new_york; /* for the floating times */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *uid = g_strdup_printf ("dst-%u-%u@test", z, i);
        g_autofree char *text = g_strdup_printf (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobtrack tests//EN\r\n" VTIMEZONE_NEW_YORK
            "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART%s:%s\r\nDTEND%s:%s\r\n"
            "SUMMARY:Interview: SRE at Globex\r\nORGANIZER:mailto:raj@globex.com\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n",
            uid, zones[z], cases[i].start, zones[z], cases[i].end);
        g_autoptr (GPtrArray) report = import_text_ok (f, text, NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (JtInterview) interview
            = jt_store_interview_find_by_invite (f->store, uid, NULL, &error);
        int year, month, day;

        g_test_message ("zone '%s', %s", zones[z], cases[i].start);
        g_assert_no_error (error);
        g_assert_nonnull (interview);
        g_assert_cmpint (sscanf (cases[i].start, "%4d%2d%2d", &year, &month, &day), ==, 3);
        g_assert_cmpint (interview->start_at, ==,
                         utc (year, month, day, 0, 0) + cases[i].start_utc_minute * 60);
        g_assert_cmpint (interview->duration_min, ==, cases[i].duration_min);
      }
  f->tz = own;
}

/* An event longer than an interview can be (24 h) is kept at 24 h, and the report says
 * so. */
static void
test_multi_day_event_is_said (Fixture *f, gconstpointer data)
{
  g_autofree char *text = calendar_with (
      "REQUEST", "UID:days@test\r\nDTSTART:20261204T090000Z\r\nDTEND:20261206T111500Z\r\n"
                 "SUMMARY:Onsite interview: SRE at Globex\r\nORGANIZER:mailto:raj@globex.com\r\n");
  g_autoptr (GPtrArray) report = import_text_ok (f, text, NULL);
  g_autoptr (JtInterview) interview = only_interview (f);

  g_assert_cmpint (interview->duration_min, ==, 24 * 60);
  g_assert_cmpuint (lines_with (report, " — the event lasts 50 h 15 min; recorded as 24 h, the "
                                        "longest an interview can be"),
                    ==, 1);
}

/* ---- Schema ----------------------------------------------------------------------------- */

/* A database of schema 2, as the jobtrack of that time left it (tests/data/schema/),
 * gains the invitation columns; its interviews keep everything and have no invitation,
 * and an invitation joins the application it already has. */
static void
test_migration_from_schema_2 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture
      = g_test_build_filename (G_TEST_DIST, "data", "schema", "schema-2.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GPtrArray) interviews = NULL;
  gint64 sequence = -1;
  g_autoptr (JtInterview) by_invite = NULL;

  g_clear_pointer (&f->store, jt_store_free);
  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (f->path, contents, (gssize) length,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error));
  g_assert_no_error (error);
  f->store = jt_test_store_open (f->path, &error);
  g_assert_no_error (error);
  jt_rules_attach (f->rules, f->store);
  g_assert_cmpuint (jt_store_get_schema_version (f->store), ==, jt_store_known_schema_version ());
  g_assert_null (jt_store_interview_find_by_invite (f->store, "nothing", &sequence, &error));
  g_assert_no_error (error);

  report = import_ok (f, "outlook-update.ics", NULL, FALSE);
  interviews = all_interviews (f);
  /* Globex's interview of the fixture, and the invitation's. */
  g_assert_cmpuint (interviews->len, ==, 2);
  by_invite = jt_store_interview_find_by_invite (
      f->store,
      "040000008200E00074C5B7101A82E00800000000D0F3C0A5B2C5DA01000000000000000010000000E4A7F2B7C1F4"
      "E54F8C1D8F7E2A3B4C5D",
      &sequence, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_invite);
  g_assert_cmpint (sequence, ==, 1);
  g_assert_cmpint (by_invite->start_at, ==, utc (2026, 12, 11, 8, 30));
  /* It joined the fixture's own Initech application (3). */
  g_assert_cmpint (by_invite->application_id, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The module's code is linked in: nothing is loaded. */
  jt_ical_use (jt_ical_module ());

#define ADD(name, func, data)                                                                      \
  g_test_add ("/ical-import/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("google-utc", test_client_invitation, "google-utc.ics");
  ADD ("google-berlin", test_client_invitation, "google-berlin.ics");
  ADD ("outlook-windows-zone", test_client_invitation, "outlook-request.ics");
  ADD ("thunderbird-new-york", test_client_invitation, "thunderbird.ics");
  ADD ("report-in-local-time", test_report_shows_local_time, NULL);
  ADD ("system-zone-and-floating", test_system_zone_and_floating_time, NULL);
  ADD ("company-given", test_company_given, NULL);
  ADD ("company-not-guessable", test_company_not_guessable, NULL);
  ADD ("role-and-kind", test_role_and_kind_from_summary, NULL);
  ADD ("reuses-application-and-contacts", test_reuses_application_and_contacts, NULL);
  ADD ("names-line-breaks-markup", test_names_with_line_breaks_and_markup, NULL);
  ADD ("without-me", test_without_me_the_person_is_a_contact, NULL);
  ADD ("import-twice", test_import_twice_changes_nothing, NULL);
  ADD ("update-moves-reminders", test_update_moves_interview_and_reminders, NULL);
  ADD ("cancel-removes", test_cancellation_removes_interview, NULL);
  ADD ("cancel-keeps-assessed", test_cancellation_keeps_assessed_interview, NULL);
  ADD ("dry-run", test_dry_run_writes_nothing, NULL);
  ADD ("several-events", test_several_events_one_file, NULL);
  ADD ("rollback-while-writing", test_failure_while_writing_rolls_back, NULL);
  ADD ("hostile", test_hostile_files, NULL);
  ADD ("slow-shapes", test_slow_shapes_refused_quickly, NULL);
  ADD ("refusals-what-and-where", test_refusals_say_what_and_where, NULL);
  ADD ("series-each-meeting", test_series_each_meeting, NULL);
  ADD ("series-override-moves-one", test_series_override_moves_one, NULL);
  ADD ("series-cancel-one-and-all", test_series_cancel_one_and_all, NULL);
  ADD ("series-update-drops-a-meeting", test_series_update_drops_a_meeting, NULL);
  ADD ("series-refused", test_series_refused, NULL);
  ADD ("windows-zone-names", test_windows_zone_names, NULL);
  ADD ("gap-and-repeated-hour", test_gap_and_repeated_hour, NULL);
  ADD ("multi-day-event", test_multi_day_event_is_said, NULL);
  ADD ("migration-from-2", test_migration_from_schema_2, NULL);
#undef ADD

  return g_test_run ();
}
