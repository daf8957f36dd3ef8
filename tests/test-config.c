/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-config.c: the settings file — defaults, every key overridden, each rule switched
 * off, where values came from, every kind of bad value or file, and how the path is
 * chosen. Each test gets a fresh temporary folder (and GLib's isolated XDG folders, so a
 * real ~/.config never leaks in). */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jt-test-add.h"
#include "jt-test-util.h"
#include "jt-config.h"
#include "jt-error.h"
#include "jt-records.h"

typedef struct
{
  char *dir;
  char *path; /* dir/config.ini, not created */
} Fixture;

static void
fixture_set_up (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  f->dir = g_dir_make_tmp ("jt-config-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "config.ini", NULL);
  g_unsetenv ("JOBTRACK_CONFIG");
}

static void
fixture_tear_down (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_unsetenv ("JOBTRACK_CONFIG");
  jt_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
write_file (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static JtConfig *
load_text (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  JtConfig *config;

  write_file (f->path, text);
  config = jt_config_load (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

/* Every setting as jt_config_foreach () gives it, "group/key" -> "value|source". */
static void
collect_one (const char *group, const char *key, const char *value, const char *source,
             gpointer user_data)
{
  GPtrArray *rows = user_data;

  g_assert_nonnull (value);
  g_assert_nonnull (source);
  g_ptr_array_add (rows, g_strdup_printf ("%s/%s=%s|%s", group, key, value, source));
}

static GPtrArray *
collect (const JtConfig *config)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  jt_config_foreach (config, collect_one, rows);
  return rows;
}

/* The row for group/key, or NULL. */
static const char *
find_row (GPtrArray *rows, const char *group_key)
{
  g_autofree char *prefix = g_strconcat (group_key, "=", NULL);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (rows, i), prefix))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
assert_row (GPtrArray *rows, const char *group_key, const char *value, const char *source)
{
  g_autofree char *expected = g_strdup_printf ("%s=%s|%s", group_key, value, source);

  g_assert_cmpstr (find_row (rows, group_key), ==, expected);
}

static void
assert_defaults (const JtConfig *config)
{
  for (int r = 0; r < JT_RULE_COUNT; r++)
    g_assert_true (config->rule_enabled[r]);
  g_assert_cmpint (config->call_hour, ==, 10);
  g_assert_cmpint (config->call_minute, ==, 0);
  g_assert_cmpint (config->thank_you_delay, ==, 3 * 3600);
  g_assert_cmpint (config->follow_up_call_days, ==, 7);
  g_assert_cmpint (config->bring_forward_lead_days, ==, 3);
  g_assert_cmpint (config->rejection_letter_days, ==, 1);
  g_assert_cmpint (config->rapport_call_days, ==, 7);
  g_assert_cmpint (config->recontact_months, ==, 5);
  g_assert_cmpint (config->offer_negotiation_days, ==, 1);
  g_assert_cmpint (config->offer_deadline_days, ==, 2);
  g_assert_cmpint (config->network_days, ==, 90);
  g_assert_cmpint (config->application_follow_up_days, ==, 7);
  g_assert_cmpint (config->closing_date_days, ==, 2);
  g_assert_cmpint (config->quiet_days, ==, 21);
  g_assert_nonnull (config->user_emails);
  g_assert_null (config->user_emails[0]);
  /* letters keep "[your name]" until the person says who they are */
  g_assert_cmpstr (config->user_name, ==, "");
  g_assert_cmpstr (config->user_email, ==, "");
  g_assert_cmpstr (config->user_phone, ==, "");
  g_assert_cmpstr (config->user_signature, ==, "");
  /* no sync until a server is named */
  g_assert_cmpstr (config->caldav_url, ==, "");
  g_assert_cmpstr (config->caldav_username, ==, "");
  g_assert_cmpstr (config->caldav_password_cmd, ==, "");
  g_assert_cmpstr (config->caldav_collection, ==, "jobtrack follow-ups");
  g_assert_cmpint (config->caldav_interval, ==, 15 * 60);
  g_assert_cmpstr (config->caldav_ca_file, ==, "");
  g_assert_false (config->caldav_allow_http);
}

static void
assert_all_sources (const JtConfig *config, const char *source)
{
  g_autoptr (GPtrArray) rows = collect (config);
  g_autofree char *suffix = g_strconcat ("|", source, NULL);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (rows, i), suffix));
}

static void
test_defaults (G_GNUC_UNUSED Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = jt_config_new_default ();
  g_autoptr (GPtrArray) rows = collect (config);

  assert_defaults (config);
  assert_all_sources (config, "default");
  assert_row (rows, "rules/call_hour", "10:00", "default");
  assert_row (rows, "rules/thank_you_delay", "3h", "default");
  assert_row (rows, "rules/recontact", "true", "default");
  assert_row (rows, "rules/recontact_months", "5", "default");
  assert_row (rows, "rules/quiet_days", "21", "default");
  assert_row (rows, "user/emails", "", "default");
  assert_row (rows, "caldav/collection", "jobtrack follow-ups", "default");
  assert_row (rows, "caldav/interval", "15m", "default");
}

static void
test_missing_file (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtConfig) config = jt_config_load (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  assert_defaults (config);
  assert_all_sources (config, "default");
}

static void
test_missing_folder (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "config.ini", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JtConfig) config = jt_config_load (path, &error);

  g_assert_no_error (error);
  assert_defaults (config);
}

static void
test_empty_file (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = load_text (f, "");

  assert_defaults (config);
  assert_all_sources (config, "default");
}

static const char full_file[] = "# every key, none at its default\n"
                                "[rules]\n"
                                "summary = false\n"
                                "thank_you = false\n"
                                "follow_up_call = false\n"
                                "bring_forward = false\n"
                                "brief_references = false\n"
                                "rejection_letter = false\n"
                                "rapport_call = false\n"
                                "recontact = false\n"
                                "offer_negotiation = false\n"
                                "offer_deadline = false\n"
                                "network_update = false\n"
                                "application_follow_up = false\n"
                                "closing_date = false\n"
                                "call_hour = 09:30\n"
                                "thank_you_delay = 1h30m\n"
                                "follow_up_call_days = 10\n"
                                "bring_forward_lead_days = 4\n"
                                "rejection_letter_days = 2\n"
                                "rapport_call_days = 14\n"
                                "recontact_months = 6\n"
                                "offer_negotiation_days = 0\n"
                                "offer_deadline_days = 3\n"
                                "network_days = 60\n"
                                "application_follow_up_days = 5\n"
                                "closing_date_days = 4\n"
                                "quiet_days = 30\n"
                                "\n"
                                "[user]\n"
                                "emails = me@example.com;me@work.example\n"
                                "name = Ann Lee\n"
                                "email = ann@example.com\n"
                                "phone = +49 30 1234\n"
                                "signature = Ann Lee\\nSRE, Berlin\n"
                                "[caldav]\n"
                                "url = https://dav.example.org/dav/\n"
                                "username = me\n"
                                "password_cmd = pass show 'dav example'\n"
                                "collection = Job search\n"
                                "interval = 1h\n"
                                "ca_file = /etc/ssl/dav.pem\n"
                                "allow_http = true\n";

static void
test_full_file (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = load_text (f, full_file);
  g_autoptr (GPtrArray) rows = collect (config);

  for (int r = 0; r < JT_RULE_MANUAL; r++)
    g_assert_false (config->rule_enabled[r]);
  g_assert_true (config->rule_enabled[JT_RULE_MANUAL]);
  g_assert_cmpint (config->call_hour, ==, 9);
  g_assert_cmpint (config->call_minute, ==, 30);
  g_assert_cmpint (config->thank_you_delay, ==, 90 * 60);
  g_assert_cmpint (config->follow_up_call_days, ==, 10);
  g_assert_cmpint (config->bring_forward_lead_days, ==, 4);
  g_assert_cmpint (config->rejection_letter_days, ==, 2);
  g_assert_cmpint (config->rapport_call_days, ==, 14);
  g_assert_cmpint (config->recontact_months, ==, 6);
  g_assert_cmpint (config->offer_negotiation_days, ==, 0);
  g_assert_cmpint (config->offer_deadline_days, ==, 3);
  g_assert_cmpint (config->network_days, ==, 60);
  g_assert_cmpint (config->application_follow_up_days, ==, 5);
  g_assert_cmpint (config->closing_date_days, ==, 4);
  g_assert_cmpint (config->quiet_days, ==, 30);
  g_assert_cmpuint (g_strv_length (config->user_emails), ==, 2);
  g_assert_cmpstr (config->user_emails[0], ==, "me@example.com");
  g_assert_cmpstr (config->user_emails[1], ==, "me@work.example");
  g_assert_cmpstr (config->user_name, ==, "Ann Lee");
  g_assert_cmpstr (config->user_email, ==, "ann@example.com");
  g_assert_cmpstr (config->user_phone, ==, "+49 30 1234");
  g_assert_cmpstr (config->user_signature, ==, "Ann Lee\nSRE, Berlin");
  g_assert_cmpstr (config->caldav_url, ==, "https://dav.example.org/dav/");
  g_assert_cmpstr (config->caldav_username, ==, "me");
  g_assert_cmpstr (config->caldav_password_cmd, ==, "pass show 'dav example'");
  g_assert_cmpstr (config->caldav_collection, ==, "Job search");
  g_assert_cmpint (config->caldav_interval, ==, 3600);
  g_assert_cmpstr (config->caldav_ca_file, ==, "/etc/ssl/dav.pem");
  g_assert_true (config->caldav_allow_http);

  /* every setting was in the file, and shows as it was written */
  assert_all_sources (config, f->path);
  assert_row (rows, "rules/call_hour", "09:30", f->path);
  assert_row (rows, "rules/thank_you_delay", "1h30m", f->path);
  assert_row (rows, "rules/application_follow_up", "false", f->path);
  assert_row (rows, "user/emails", "me@example.com;me@work.example", f->path);
  assert_row (rows, "user/signature", "Ann Lee\\nSRE, Berlin", f->path);
}

/* The listing, written back as a file, reads back to the same settings. */
static void
test_round_trip (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) first = load_text (f, "[rules]\n"
                                             "call_hour = 7:05\n"
                                             "thank_you_delay = 1d2h3m4s\n"
                                             "recontact = false\n"
                                             "[user]\n"
                                             "emails = a@example.com\n"
                                             "name = A \\\\ B\n"
                                             "signature = A\\n  B \\\\ C\\n\n");
  g_autoptr (GPtrArray) rows = collect (first);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (JtConfig) second = NULL;
  g_autoptr (GPtrArray) rows2 = NULL;
  const char *group = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit_set (g_ptr_array_index (rows, i), "/=|", 4);

      if (g_strcmp0 (group, parts[0]) != 0)
        g_string_append_printf (text, "[%s]\n", parts[0]);
      group = g_intern_string (parts[0]);
      g_string_append_printf (text, "%s = %s\n", parts[1], parts[2]);
    }
  second = load_text (f, text->str);
  rows2 = collect (second);
  g_assert_cmpuint (rows2->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      /* same values; now every one comes from the file */
      g_autofree char *a
          = g_strndup (g_ptr_array_index (rows, i), strcspn (g_ptr_array_index (rows, i), "|"));
      g_autofree char *b
          = g_strndup (g_ptr_array_index (rows2, i), strcspn (g_ptr_array_index (rows2, i), "|"));

      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpint (second->thank_you_delay, ==, 86400 + 2 * 3600 + 3 * 60 + 4);
  g_assert_cmpint (second->call_hour, ==, 7);
  g_assert_cmpint (second->call_minute, ==, 5);
  assert_row (rows, "rules/call_hour", "07:05", f->path);
  assert_row (rows, "rules/thank_you_delay", "1d2h3m4s", f->path);
  g_assert_cmpstr (second->user_name, ==, "A \\ B");
  g_assert_cmpstr (second->user_signature, ==, "A\n  B \\ C");
}

/* The sender's text is the person's, printed in letters: escapes read, line breaks
 * (written as \n, \r) and other controls made spaces in a name, kept as lines only in
 * the signature; bidi controls dropped; markup is text. */
static void
test_sender_cleaned (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config
      = load_text (f, "[user]\n"
                      "name = \\sAnn\\r\\nLee\\t\xe2\x80\xae<b>x</b>\xc2\x9b"
                      "31m \n"
                      "phone = +49\\n30\n"
                      "signature = \\n\\nAnn Lee  \\r\\n\\t<i>SRE</i>\xc2\x9b\\r\\rBerlin\\n\\n\n");

  g_assert_cmpstr (config->user_name, ==, "Ann Lee <b>x</b> 31m");
  g_assert_cmpstr (config->user_phone, ==, "+49 30");
  g_assert_cmpstr (config->user_signature, ==, "Ann Lee\n <i>SRE</i>\n\nBerlin");
}

/* One file per rule: only that rule is off, and manual stays on. */
static void
test_rule_off (Fixture *f, gconstpointer data)
{
  JtRule off = GPOINTER_TO_INT (data);
  g_autofree char *text = g_strdup_printf ("[rules]\n%s = false\n", jt_rule_to_string (off));
  g_autoptr (JtConfig) config = load_text (f, text);
  g_autoptr (GPtrArray) rows = collect (config);
  g_autofree char *group_key = g_strconcat ("rules/", jt_rule_to_string (off), NULL);

  for (int r = 0; r < JT_RULE_COUNT; r++)
    g_assert_cmpint (config->rule_enabled[r], ==, r != (int) off);
  assert_row (rows, group_key, "false", f->path);
}

static void
test_sources (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = load_text (f, "[rules]\nrecontact_months = 4\n"
                                              "thank_you = true\n");
  g_autoptr (GPtrArray) rows = collect (config);
  guint from_file = 0;

  assert_row (rows, "rules/recontact_months", "4", f->path);
  /* written even though it equals the default: it still came from the file */
  assert_row (rows, "rules/thank_you", "true", f->path);
  assert_row (rows, "rules/quiet_days", "21", "default");
  assert_row (rows, "rules/call_hour", "10:00", "default");
  for (guint i = 0; i < rows->len; i++)
    if (!g_str_has_suffix (g_ptr_array_index (rows, i), "|default"))
      from_file++;
  g_assert_cmpuint (from_file, ==, 2);
}

/* The keys, in the documented order: rule switches named as the rules are, no manual. */
static void
test_keys (G_GNUC_UNUSED Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  static const char *const tail[] = {
    "rules/call_hour",
    "rules/thank_you_delay",
    "rules/follow_up_call_days",
    "rules/bring_forward_lead_days",
    "rules/rejection_letter_days",
    "rules/rapport_call_days",
    "rules/recontact_months",
    "rules/offer_negotiation_days",
    "rules/offer_deadline_days",
    "rules/network_days",
    "rules/application_follow_up_days",
    "rules/closing_date_days",
    "rules/quiet_days",
    "user/emails",
    "user/name",
    "user/email",
    "user/phone",
    "user/signature",
    "caldav/url",
    "caldav/username",
    "caldav/password_cmd",
    "caldav/collection",
    "caldav/interval",
    "caldav/ca_file",
    "caldav/allow_http",
  };
  g_autoptr (JtConfig) config = jt_config_new_default ();
  g_autoptr (GPtrArray) rows = collect (config);
  guint i = 0;

  g_assert_cmpuint (rows->len, ==, JT_RULE_MANUAL + G_N_ELEMENTS (tail));
  for (int r = 0; r < JT_RULE_MANUAL; r++, i++)
    {
      g_autofree char *prefix = g_strdup_printf ("rules/%s=", jt_rule_to_string (r));

      g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, i), prefix));
    }
  for (guint t = 0; t < G_N_ELEMENTS (tail); t++, i++)
    {
      g_autofree char *prefix = g_strconcat (tail[t], "=", NULL);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, i), prefix));
    }
}

static void
test_values (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = load_text (f, "[rules]\n"
                                              "call_hour = 0:00\n"
                                              "thank_you_delay = 0\n"
                                              "recontact_months = 120  \n"
                                              "network_days = 1\n"
                                              "follow_up_call_days = 3650\n"
                                              "summary = 0\n"
                                              "thank_you = 1\n"
                                              "[user]\n"
                                              "emails = a@example.com ; b@example.org;;\n");
  g_autoptr (GPtrArray) rows = collect (config);

  g_assert_cmpint (config->call_hour, ==, 0);
  g_assert_cmpint (config->call_minute, ==, 0);
  g_assert_cmpint (config->thank_you_delay, ==, 0);
  g_assert_cmpint (config->recontact_months, ==, 120);
  g_assert_cmpint (config->network_days, ==, 1);
  g_assert_cmpint (config->follow_up_call_days, ==, 3650);
  g_assert_false (config->rule_enabled[JT_RULE_SUMMARY]);
  g_assert_true (config->rule_enabled[JT_RULE_THANK_YOU]);
  g_assert_cmpuint (g_strv_length (config->user_emails), ==, 2);
  g_assert_cmpstr (config->user_emails[1], ==, "b@example.org");
  assert_row (rows, "rules/call_hour", "00:00", f->path);
  assert_row (rows, "rules/thank_you_delay", "0", f->path);
  assert_row (rows, "user/emails", "a@example.com;b@example.org", f->path);
}

static void
test_no_emails (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtConfig) config = load_text (f, "[user]\nemails =\n");

  g_assert_nonnull (config->user_emails);
  g_assert_null (config->user_emails[0]);
}

/* A bad file: the error is JT_ERROR_INVALID, one line, naming the file and `needle`
 * (the key, or what is wrong). */
static void
assert_load_fails (const char *path, const char *needle, const char *problem)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtConfig) config = jt_config_load (path, &error);

  g_assert_null (config);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_nonnull (strstr (error->message, problem));
  g_assert_null (strchr (error->message, '\n'));
}

typedef struct
{
  const char *name;
  const char *text;
  const char *needle;  /* "[group] key" or the group */
  const char *problem; /* a part of the explanation */
} BadCase;

static const BadCase bad_cases[] = {
  { "caldav-url-ftp", "[caldav]\nurl = ftp://dav.example.org/\n", "[caldav] url",
    "expected a URL like https://dav.example.org/" },
  { "caldav-url-no-host", "[caldav]\nurl = https:///dav\n", "[caldav] url", "expected a URL" },
  { "caldav-password-cmd-unquoted", "[caldav]\npassword_cmd = pass show 'dav\n",
    "[caldav] password_cmd", "quoted as in a shell" },
  { "caldav-interval-too-short", "[caldav]\ninterval = 10s\n", "[caldav] interval",
    "out of range" },
  { "caldav-unknown-key", "[caldav]\npassword = hunter2\n", "[caldav] password", "unknown key" },
  { "user-email-not-an-address", "[user]\nemail = Ann Lee\n", "[user] email",
    "'Ann Lee' is not an email address (expected an address like you@example.com)" },
  { "user-email-two", "[user]\nemail = a@example.com;b@example.com\n", "[user] email",
    "is not an email address" },
  { "user-name-escape-byte", "[user]\nname = Ann \x1b[31mLee\n", "[user] name",
    "cannot read 'Ann \\x1b[31mLee' (expected one line of text)" },
  { "user-signature-bad-escape", "[user]\nsignature = Ann\\qLee\n", "[user] signature",
    "expected text, with \\n between its lines" },
  { "call-hour-25", "[rules]\ncall_hour = 25:00\n", "[rules] call_hour",
    "cannot read '25:00' (expected HH:MM, 00:00-23:59)" },
  { "call-hour-61-minutes", "[rules]\ncall_hour = 10:61\n", "[rules] call_hour",
    "cannot read '10:61'" },
  { "call-hour-words", "[rules]\ncall_hour = ten\n", "[rules] call_hour", "cannot read 'ten'" },
  { "call-hour-no-minutes", "[rules]\ncall_hour = 10\n", "[rules] call_hour", "HH:MM" },
  { "thank-you-delay-words", "[rules]\nthank_you_delay = soon\n", "[rules] thank_you_delay",
    "cannot read 'soon'" },
  { "thank-you-delay-too-long", "[rules]\nthank_you_delay = 31d\n", "[rules] thank_you_delay",
    "'31d' is out of range" },
  { "thank-you-delay-negative", "[rules]\nthank_you_delay = -1h\n", "[rules] thank_you_delay",
    "cannot read '-1h'" },
  { "days-negative", "[rules]\nfollow_up_call_days = -1\n", "[rules] follow_up_call_days",
    "'-1' is out of range (expected a number of days, 0-3650)" },
  { "days-too-many", "[rules]\nrejection_letter_days = 3651\n", "[rules] rejection_letter_days",
    "out of range" },
  { "days-huge", "[rules]\nrapport_call_days = 99999999999999999999\n", "[rules] rapport_call_days",
    "out of range" },
  { "days-fraction", "[rules]\noffer_deadline_days = 2.5\n", "[rules] offer_deadline_days",
    "cannot read '2.5'" },
  { "days-empty", "[rules]\nquiet_days =\n", "[rules] quiet_days", "cannot read ''" },
  { "recontact-months-zero", "[rules]\nrecontact_months = 0\n", "[rules] recontact_months",
    "'0' is out of range (expected a number of months, 1-120)" },
  { "network-days-zero", "[rules]\nnetwork_days = 0\n", "[rules] network_days", "1-3650" },
  { "quiet-days-zero", "[rules]\nquiet_days = 0\n", "[rules] quiet_days", "out of range" },
  { "bool-maybe", "[rules]\nrecontact = maybe\n", "[rules] recontact",
    "cannot read 'maybe' (expected true or false)" },
  { "inline-comment", "[rules]\nrecontact_months = 5 # five\n", "[rules] recontact_months",
    "cannot read '5 # five'" },
  { "control-characters", "[rules]\nrecontact_months = \033[31m5\n", "[rules] recontact_months",
    "'\\x1b[31m5'" },
  { "unknown-key", "[rules]\nrecontact_month = 5\n", "[rules] recontact_month", "unknown key" },
  { "manual-not-switchable", "[rules]\nmanual = false\n", "[rules] manual", "unknown key" },
  { "unknown-user-key", "[user]\nmail = me@example.com\n", "[user] mail", "unknown key" },
  { "unknown-group", "[rule]\nrecontact_months = 5\n", "[rule]", "unknown group" },
  { "unknown-empty-group", "[rules]\n[Rules]\n", "[Rules]", "unknown group" },
  { "twice", "[rules]\nquiet_days = 10\nquiet_days = 12\n", "[rules] quiet_days",
    "more than once" },
  { "email-without-at", "[user]\nemails = me.example.com\n", "[user] emails",
    "'me.example.com' is not an email address" },
  { "second-email-without-at", "[user]\nemails = me@example.com;bob\n", "[user] emails",
    "'bob' is not an email address" },
  { "email-with-space", "[user]\nemails = me @example.com\n", "[user] emails",
    "not an email address" },
  { "garbage", "this is not a config file\njust words\n", "not a valid config file",
    "this is not a config file" },
  { "key-before-group", "call_hour = 10:00\n", "not a valid config file", "group" },
  { "binary",
    "[rules]\n\x7f"
    "ELF\x01\x02",
    "not a valid config file", "" },
};

static void
test_bad (Fixture *f, gconstpointer data)
{
  const BadCase *c = data;

  write_file (f->path, c->text);
  assert_load_fails (f->path, c->needle, c->problem);
}

static void
test_bad_nul_bytes (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  static const char text[] = "[rules]\nquiet_days = 5\0\nrecontact = maybe\n";
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, text, sizeof text - 1, &error));
  assert_load_fails (f->path, "not a valid config file", "NUL");
}

static void
test_bad_directory (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  assert_load_fails (f->path, "is a directory", "");
}

static void
test_bad_unreadable (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  write_file (f->path, "[rules]\n");
  g_assert_cmpint (g_chmod (f->path, 0), ==, 0);
  if (access (f->path, R_OK) == 0)
    {
      g_test_skip ("permissions do not apply (running as root?)");
      return;
    }
  assert_load_fails (f->path, "cannot read it", "ermission denied");
}

/* The first problem in file order is the one reported. */
static void
test_bad_first_problem (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  write_file (f->path, "[rules]\nquiet_days = 10\ncall_hour = 24:00\nrecontact = maybe\n");
  assert_load_fails (f->path, "[rules] call_hour", "'24:00'");
}

static void
test_path_xdg (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autofree char *expected = g_build_filename (f->dir, "jobtrack", "config.ini", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "jobtrack", NULL);
  g_autofree char *path = NULL;
  g_autoptr (JtConfig) config = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_setenv ("XDG_CONFIG_HOME", f->dir, TRUE));
  path = jt_config_default_path ();
  g_assert_cmpstr (path, ==, expected);

  /* and jt_config_load (NULL) reads it */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_file (expected, "[rules]\nrecontact_months = 7\n");
  config = jt_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (config->recontact_months, ==, 7);
  rows = collect (config);
  assert_row (rows, "rules/recontact_months", "7", expected);
}

static void
test_path_env (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (JtConfig) config = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_setenv ("XDG_CONFIG_HOME", f->dir, TRUE));
  g_assert_true (g_setenv ("JOBTRACK_CONFIG", f->path, TRUE));
  path = jt_config_default_path ();
  g_assert_cmpstr (path, ==, f->path);

  write_file (f->path, "[rules]\nquiet_days = 3\n");
  config = jt_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (config->quiet_days, ==, 3);

  /* and a bad file named by JOBTRACK_CONFIG is named in the error */
  write_file (f->path, "[rules]\nquiet_days = none\n");
  g_clear_pointer (&config, jt_config_free);
  config = jt_config_load (NULL, &error);
  g_assert_null (config);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, f->path));
}

static void
test_path_env_empty (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autofree char *expected = g_build_filename (f->dir, "jobtrack", "config.ini", NULL);
  g_autofree char *path = NULL;

  g_assert_true (g_setenv ("XDG_CONFIG_HOME", f->dir, TRUE));
  g_assert_true (g_setenv ("JOBTRACK_CONFIG", "", TRUE));
  path = jt_config_default_path ();
  g_assert_cmpstr (path, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  JT_TEST_ADD ("/config/defaults", test_defaults);
  JT_TEST_ADD ("/config/missing-file", test_missing_file);
  JT_TEST_ADD ("/config/missing-folder", test_missing_folder);
  JT_TEST_ADD ("/config/empty-file", test_empty_file);
  JT_TEST_ADD ("/config/full-file", test_full_file);
  JT_TEST_ADD ("/config/round-trip", test_round_trip);
  JT_TEST_ADD ("/config/sources", test_sources);
  JT_TEST_ADD ("/config/keys", test_keys);
  JT_TEST_ADD ("/config/values", test_values);
  JT_TEST_ADD ("/config/no-emails", test_no_emails);
  JT_TEST_ADD ("/config/sender-cleaned", test_sender_cleaned);
  for (int r = 0; r < JT_RULE_MANUAL; r++)
    {
      g_autofree char *name = g_strdup_printf ("/config/rule-off/%s", jt_rule_to_string (r));

      g_test_add (name, Fixture, GINT_TO_POINTER (r), fixture_set_up, test_rule_off,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/config/bad/%s", bad_cases[i].name);

      g_test_add (name, Fixture, &bad_cases[i], fixture_set_up, test_bad, fixture_tear_down);
    }
  JT_TEST_ADD ("/config/bad/nul-bytes", test_bad_nul_bytes);
  JT_TEST_ADD ("/config/bad/directory", test_bad_directory);
  JT_TEST_ADD ("/config/bad/unreadable", test_bad_unreadable);
  JT_TEST_ADD ("/config/bad/first-problem", test_bad_first_problem);
  JT_TEST_ADD ("/config/path/xdg-config-home", test_path_xdg);
  JT_TEST_ADD ("/config/path/jobtrack-config", test_path_env);
  JT_TEST_ADD ("/config/path/empty-jobtrack-config", test_path_env_empty);

  return g_test_run ();
}
