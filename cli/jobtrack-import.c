/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-import.c: `jobtrack import FILE.ics …` (interview invitations),
 * `jobtrack import --json FILE` (restoring a backup) and `jobtrack import --csv FILE`
 * (applications from a spreadsheet). */
#include <glib/gstdio.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-backup.h"
#include "jt-csv-import.h"
#include "jt-error.h"
#include "jt-calendar-import.h"

/* No invitation is this large; a backup of a very long search can be (export --json of
 * 100,000 follow-ups is about 600 MB). A bigger file is a mistake. */
#define MAX_INVITATION_BYTES (G_GINT64_CONSTANT (64) * 1024 * 1024)
#define MAX_BACKUP_BYTES (G_GINT64_CONSTANT (2) * 1024 * 1024 * 1024)

static gboolean
read_input (const char *path, gint64 limit, char **contents, gsize *length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > limit)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot read %s: it is too large"), path);
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot read %s: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The person's own addresses: --me, then [user] emails. A new NULL-terminated array. */
static GStrv
my_addresses (const JtConfig *config, char **me)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (me != NULL)
    g_strv_builder_addv (builder, (const char **) me);
  if (config->user_emails != NULL)
    g_strv_builder_addv (builder, (const char **) config->user_emails);
  return g_strv_builder_end (builder);
}

/* The spreadsheet import's report: rows and notes on stdout, bad rows on stderr, and
 * the exit status: 2 when bad rows stopped it. */
static int
import_csv (JtCli *cli, const char *path, const char *contents, gsize length,
            const JtCsvImportOptions *options)
{
  g_autoptr (JtCsvImportReport) report = NULL;
  g_autofree char *head = NULL;
  g_autofree char *counts = NULL;
  GError *error = NULL;
  gboolean stopped;
  JtStore *store;

  if ((store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (report = jt_csv_import (store, contents, length, options, cli->tz,
                                  g_date_time_to_unix (cli->now), &error))
             == NULL)
    {
      g_prefix_error (&error, _ ("cannot import %s: "), path);
      return jt_cli_fail (error);
    }
  stopped = report->problems->len > 0 && !options->partial;
  /* When bad rows stopped it, the good ones were not recorded either: say only why. */
  for (guint i = 0; !stopped && i < report->rows->len; i++)
    printf ("%s%s\n", options->dry_run ? _ ("would record: ") : "",
            (char *) g_ptr_array_index (report->rows, i));
  for (guint i = 0; i < report->notes->len; i++)
    printf (_ ("note: %s\n"), (char *) g_ptr_array_index (report->notes, i));
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("jobtrack: %s: %s\n", path, (char *) g_ptr_array_index (report->problems, i));
  if (stopped)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "jobtrack: cannot import %s: %u row cannot be read; nothing was "
                               "written (--partial imports the others)\n",
                               "jobtrack: cannot import %s: %u rows cannot be read; nothing was "
                               "written (--partial imports the others)\n",
                               report->problems->len),
                  path, report->problems->len);
      return JT_EXIT_USAGE;
    }
  /* TRANSLATORS: %u is a count of applications, %s the file. */
  head = g_strdup_printf (
      options->dry_run ? g_dngettext (GETTEXT_PACKAGE, "Would import %u application from %s",
                                      "Would import %u applications from %s", report->imported)
                       : g_dngettext (GETTEXT_PACKAGE, "Imported %u application from %s",
                                      "Imported %u applications from %s", report->imported),
      report->imported, path);
  /* TRANSLATORS: the rows already recorded, then the rows skipped (the plural's count). */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (%u already there, %u row skipped)",
                                         " (%u already there, %u rows skipped)",
                                         report->problems->len),
                            report->already, report->problems->len);
  printf ("%s%s%s\n", head, counts,
          options->dry_run ? _ ("; nothing was written (--dry-run)") : ".");
  return JT_EXIT_OK;
}

static gboolean
parse_date_order (const char *text, JtCsvDateOrder *order, GError **error)
{
  if (text == NULL)
    *order = JT_CSV_DATES_GUESS;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *order = JT_CSV_DATES_DMY;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *order = JT_CSV_DATES_MDY;
  else
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("--dates takes dmy (14/03/2026) or mdy (03/14/2026), not '%s'"), text);
      return FALSE;
    }
  return TRUE;
}

int
jt_cmd_import (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE, dry_run = FALSE, csv = FALSE, partial = FALSE;
  g_auto (GStrv) map = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *company = NULL;
  g_auto (GStrv) me = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Restore a backup from 'export --json'"), NULL },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company,
      N_ ("The employer (default: guessed from the organizer's address)"), "NAME" },
    { "me", 0, 0, G_OPTION_ARG_STRING_ARRAY, &me,
      N_ ("One of your own addresses, not to be recorded as a contact (repeatable)"), "ADDRESS" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Say what would happen; write nothing"),
      NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_ ("Import applications from a spreadsheet (CSV: comma, semicolon or tab)"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map,
      N_ ("With --csv: read COLUMN as FIELD (company, role, applied, status, status_date, url, "
          "notes, contact, email, source, interest or ignore; repeatable)"),
      "COLUMN=FIELD" },
    { "partial", 0, 0, G_OPTION_ARG_NONE, &partial,
      N_ ("With --csv: import the good rows even when some cannot be read"), NULL },
    { "dates", 0, 0, G_OPTION_ARG_STRING, &dates,
      N_ ("With --csv: read 03/04/2026 as day first (dmy) or month first (mdy)"), "dmy|mdy" },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) report = NULL;
  g_auto (GStrv) addresses = NULL;
  const JtConfig *config;
  GError *error = NULL;
  JtStore *store;
  gsize length;

  if (!jt_cli_parse_options (cli, "import",
                             "FILE.ics [--company NAME] [--me ADDRESS]… "
                             "[--dry-run] | --json FILE | --csv FILE [--map COLUMN=FIELD]… "
                             "[--dates dmy|mdy] [--partial] [--dry-run]",
                             _ ("Record the interviews of invitation files, restore a backup "
                                "into an empty database, or bring applications over from a "
                                "spreadsheet or another tracker's CSV export."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1,
                              "import FILE.ics [OPTION…] | import --json FILE | "
                              "import --csv FILE [OPTION…]",
                              &error))
    return jt_cli_fail (error);
  if (!csv && (map != NULL || partial || dates != NULL))
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--map, --partial and --dates go with --csv")));
  if (csv)
    {
      JtCsvImportOptions options
          = { (const char *const *) map, JT_CSV_DATES_GUESS, dry_run, partial };

      if (json || company != NULL || me != NULL)
        return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                         _ ("--csv takes --map, --dates, --partial and "
                                            "--dry-run")));
      if (!parse_date_order (dates, &options.date_order, &error)
          || !read_input (argv[1], MAX_INVITATION_BYTES, &contents, &length, &error))
        return jt_cli_fail (error);
      return import_csv (cli, argv[1], contents, length, &options);
    }
  if (json && (company != NULL || me != NULL || dry_run))
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--json takes no other options")));
  if (!read_input (argv[1], json ? MAX_BACKUP_BYTES : MAX_INVITATION_BYTES, &contents, &length,
                   &error)
      || (config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL)
    return jt_cli_fail (error);

  if (json)
    {
      g_autofree char *dir = jt_cli_files_dir (cli);
      g_autoptr (GPtrArray) missing = NULL;

      if (!jt_backup_restore_files (store, contents, length, dir, &missing, &error))
        {
          g_prefix_error (&error, _ ("cannot restore %s: "), argv[1]);
          return jt_cli_fail (error);
        }
      printf (_ ("Restored %s\n"), argv[1]);
      /* The records are back; what they name and no folder holds is said, by name. */
      if (missing->len > 0)
        printf (g_dngettext (GETTEXT_PACKAGE,
                             "%u document file is missing (the backup was made without "
                             "--with-files, and %s does not have it):\n",
                             "%u document files are missing (the backup was made without "
                             "--with-files, and %s does not have them):\n",
                             missing->len),
                missing->len, dir);
      for (guint i = 0; i < missing->len; i++)
        {
          g_autofree char *shown = jt_cli_text (g_ptr_array_index (missing, i), TRUE);

          printf ("  %s\n", shown);
        }
      return JT_EXIT_OK;
    }

  addresses = my_addresses (config, me);
  {
    const JtInviteOptions options = { company, (const char *const *) addresses, dry_run };

    if (!jt_calendar_import (store, contents, length, &options, cli->tz,
                             g_date_time_to_unix (cli->now), &report, &error))
      {
        g_prefix_error (&error, _ ("cannot import %s: "), argv[1]);
        return jt_cli_fail (error);
      }
  }
  for (guint i = 0; i < report->len; i++)
    printf ("%s%s\n", dry_run ? _ ("would record: ") : "", (char *) g_ptr_array_index (report, i));
  if (dry_run)
    printf (_ ("Nothing was written (--dry-run).\n"));
  return JT_EXIT_OK;
}
