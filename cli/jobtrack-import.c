/* jobtrack-import.c: `jobtrack import FILE.ics …` (interview invitations) and
 * `jobtrack import --json FILE` (restoring a backup). */
#include <glib/gstdio.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-backup.h"
#include "jt-error.h"
#include "jt-ical.h"

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
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "cannot read %s: it is too large", path);
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "cannot read %s: %s", path,
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

int
jt_cmd_import (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE, dry_run = FALSE;
  g_autofree char *company = NULL;
  g_auto (GStrv) me = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Restore a backup from 'export --json'", NULL },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company,
      "The employer (default: guessed from the organizer's address)", "NAME" },
    { "me", 0, 0, G_OPTION_ARG_STRING_ARRAY, &me,
      "One of your own addresses, not to be recorded as a contact (repeatable)", "ADDRESS" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, "Say what would happen; write nothing",
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) report = NULL;
  g_auto (GStrv) addresses = NULL;
  const JtConfig *config;
  GError *error = NULL;
  JtStore *store;
  gsize length;

  if (!jt_cli_parse_options (cli, "import", "FILE.ics [--company NAME] [--me ADDRESS]… "
                             "[--dry-run] | --json FILE",
                             "Record the interviews of invitation files, or restore a backup "
                             "into an empty database.",
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "import FILE.ics [OPTION…] | import --json FILE", &error))
    return jt_cli_fail (error);
  if (json && (company != NULL || me != NULL || dry_run))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     "--json takes no other options"));
  if (!read_input (argv[1], json ? MAX_BACKUP_BYTES : MAX_INVITATION_BYTES, &contents, &length,
                   &error)
      || (config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, &error)) == NULL)
    return jt_cli_fail (error);

  if (json)
    {
      if (!jt_backup_restore (store, contents, length, &error))
        {
          g_prefix_error (&error, "cannot restore %s: ", argv[1]);
          return jt_cli_fail (error);
        }
      printf ("Restored %s\n", argv[1]);
      return JT_EXIT_OK;
    }

  addresses = my_addresses (config, me);
  {
    const JtIcalImportOptions options = { company, (const char *const *) addresses, dry_run };
    const JtIcal *ical = jt_ical_load (&error);

    if (ical == NULL)
      return jt_cli_fail (error);
    if (!ical->import (store, contents, length, &options, cli->tz,
                       g_date_time_to_unix (cli->now), &report, &error))
      {
        g_prefix_error (&error, "cannot import %s: ", argv[1]);
        return jt_cli_fail (error);
      }
  }
  for (guint i = 0; i < report->len; i++)
    printf ("%s%s\n", dry_run ? "would record: " : "", (char *) g_ptr_array_index (report, i));
  if (dry_run)
    printf ("Nothing was written (--dry-run).\n");
  return JT_EXIT_OK;
}
