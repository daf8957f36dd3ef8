/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-export.c: `jobtrack export --ics|--json [--with-files]|--csv [-o FILE] [--all]`. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jobtrack-commands.h"
#include "jt-atomic-file.h"
#include "jt-backup.h"
#include "jt-csv-export.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-calendar-export.h"
#include "jt-ical.h"

/* Where an export goes as it is made: the atomic file of -o, or standard output. */
typedef struct
{
  JtAtomicFile *file;
} Destination;

static gboolean
write_piece (const char *text, gsize length, gpointer user_data, GError **error)
{
  Destination *to = user_data;

  if (to->file != NULL)
    return jt_atomic_file_append (to->file, text, length, error);
  if (fwrite (text, 1, length, stdout) != length)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot write the export: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Opens -o FILE for writing (the file appears whole at the end), or standard output. */
static gboolean
destination_open (Destination *to, const char *output, GError **error)
{
  to->file = NULL;
  return output == NULL || (to->file = jt_atomic_file_begin (output, error)) != NULL;
}

/* After the last piece: puts the file in place, or leaves the old one when `ok` is FALSE
 * (a failure that set `error` already). */
static gboolean
destination_finish (Destination *to, gboolean ok, GError **error)
{
  if (!ok)
    {
      g_clear_pointer (&to->file, jt_atomic_file_abort);
      return FALSE;
    }
  if (to->file != NULL)
    return jt_atomic_file_commit (g_steal_pointer (&to->file), error);
  if (fflush (stdout) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot write the export: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* The calendar and the backup are large with a long search: written as they are made. */
static gboolean
export_calendar (JtCli *cli, JtStore *store, gboolean all, const char *output, GError **error)
{
  Destination to;
  gint64 now = g_date_time_to_unix (cli->now);
  const JtConfig *config = jt_cli_config (cli, error);

  /* Without the module there is no calendar: said before anything is opened. */
  if (config == NULL || jt_ical_load (error) == NULL)
    return FALSE;
  /* The export reads every open follow-up once: a memory map saves a read() per page. */
  jt_store_use_memory_map (store);
  return destination_open (&to, output, error)
         && destination_finish (
             &to,
             jt_calendar_export_write (store, all, now, cli->tz, config, write_piece, &to, error),
             error);
}

/* With `with_files`, the kept files' content goes in too (base64), so that a restore on
 * another machine has the documents, not only their names. */
static gboolean
export_backup (JtCli *cli, JtStore *store, gboolean with_files, const char *output, GError **error)
{
  g_autofree char *dir = with_files ? jt_cli_files_dir (cli) : NULL;
  Destination to;

  return destination_open (&to, output, error)
         && destination_finish (
             &to, jt_backup_dump_write_files (store, dir, write_piece, &to, error), error);
}

int
jt_cmd_export (JtCli *cli, int argc, char **argv)
{
  gboolean ics = FALSE, json = FALSE, csv = FALSE, all = FALSE, with_files = FALSE;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "ics", 0, 0, G_OPTION_ARG_NONE, &ics, N_ ("The follow-up calendar (iCalendar)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Every record, for a backup (import --json)"),
      NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_ ("The applications, for a spreadsheet"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_ ("With --ics: done and dismissed follow-ups too, as cancelled, and past interviews"),
      NULL },
    { "with-files", 0, 0, G_OPTION_ARG_NONE, &with_files,
      N_ ("With --json: the content of the documents too, so a restore has them"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write to FILE (replaced whole, mode 0600) instead of standard output"), "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *text = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "export", "--ics|--json [--with-files]|--csv [-o FILE] [--all]",
                             _ ("Export the follow-up calendar, a backup of every record, or the "
                                "applications as CSV."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "export --ics|--json|--csv [-o FILE] [--all]", &error))
    return jt_cli_fail (error);
  if (ics + json + csv != 1)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("export needs exactly one of --ics, --json or --csv")));
  if (all && !ics)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--all goes with --ics")));
  if (with_files && !json)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--with-files goes with --json")));
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL)
    return jt_cli_fail (error);
  if (ics)
    return export_calendar (cli, store, all, output, &error) ? JT_EXIT_OK : jt_cli_fail (error);
  if (json)
    return export_backup (cli, store, with_files, output, &error) ? JT_EXIT_OK
                                                                  : jt_cli_fail (error);
  text = jt_csv_export_applications (store, cli->tz, &error);
  if (text == NULL)
    return jt_cli_fail (error);
  if (output != NULL)
    {
      if (!jt_atomic_file_write (output, text, strlen (text), &error))
        return jt_cli_fail (error);
    }
  else if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_FAILED, _ ("cannot write the export")));
  return JT_EXIT_OK;
}
