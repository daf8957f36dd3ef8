/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-resume.c: `jobtrack resume add|list`: résumé versions named once
 * ("backend-v3") and kept like any document, that applications point at
 * (`app attach --resume`, `add --resume`), so `stats` can say which one gets interviews. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-documents.h"

static int
resume_add (JtCli *cli, int argc, char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The version's name (required)"), "NAME" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("What sets it apart"), "TEXT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtDocumentFile) file = NULL;
  g_autoptr (JtResumeVersion) version = jt_resume_version_new ();
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *size = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "resume add", "FILE --name NAME [--note TEXT]",
                             _ ("Keep a résumé as a named version, to attach to applications "
                                "with --resume NAME."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 1, "resume add FILE --name NAME [--note TEXT]", &error))
    return jt_cli_fail (error);
  if (name == NULL)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("a résumé version needs a name (--name NAME)")));
  if (!jt_document_check_name (name, _ ("the version's name"), &error)
      || (file = jt_document_file_read (argv[1], &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (txn = jt_store_begin_write (store, &error)) == NULL)
    return jt_cli_fail (error);
  version->name = g_strdup (g_strstrip (name));
  version->sha256 = g_strdup (file->sha256);
  version->original_name = g_strdup (file->name);
  version->note = g_strdup (note);
  version->size = file->size;
  version->media_type = g_strdup (file->media_type);
  /* The name is checked free before the file is kept. */
  {
    g_autoptr (JtResumeVersion) taken = jt_store_resume_version_find (store, version->name, NULL);

    dir = jt_cli_files_dir (cli);
    if (taken == NULL && !jt_documents_keep (dir, file->sha256, file->contents, &error))
      return jt_cli_fail (error);
  }
  if (!jt_store_resume_version_insert (store, version, g_date_time_to_unix (cli->now), &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  size = g_format_size ((guint64) file->size);
  printf (_ ("Added résumé version %s: %s, %s, %s\n"), version->name, file->name, file->media_type,
          size);
  printf (_ ("Attach it with 'jobtrack app attach APP --resume %s'.\n"), version->name);
  return JT_EXIT_OK;
}

static int
resume_list (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GPtrArray) versions = NULL;
  g_autofree char *dir = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "resume list", "[--json]",
                             _ ("List the résumé versions, each with how many applications it "
                                "was sent with."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "resume list [--json]", &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (versions = jt_store_resume_version_list (store, &error)) == NULL)
    return jt_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      dir = jt_cli_files_dir (cli);
      json_builder_begin_array (builder);
      for (guint i = 0; i < versions->len; i++)
        jt_json_add_resume_version (builder, g_ptr_array_index (versions, i), dir, cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (versions->len == 0)
    printf (_ ("No résumé versions yet. Name one with 'jobtrack resume add FILE --name NAME'.\n"));
  else
    {
      g_autoptr (JtTable) table = jt_table_new (_ ("NAME"), _ ("FILE"), _ ("SIZE"), _ ("ADDED"),
                                                _ ("APPLICATIONS"), _ ("NOTE"), NULL);

      for (guint i = 0; i < versions->len; i++)
        {
          const JtResumeVersion *version = g_ptr_array_index (versions, i);
          g_autofree char *size = g_format_size ((guint64) version->size);
          g_autofree char *added = jt_cli_format_time (cli, version->created_at);
          g_autofree char *count = g_strdup_printf ("%u", version->applications);

          jt_table_add_row (table, version->name, version->original_name, size, added, count,
                            version->note != NULL ? version->note : "");
        }
      jt_table_print (table, cli);
    }
  return JT_EXIT_OK;
}

static const JtCommand resume_commands[] = {
  { "add", resume_add, N_ ("Keep a résumé as a named version") },
  { "list", resume_list, N_ ("List the résumé versions and how often each was sent") },
  { NULL, NULL, NULL },
};

int
jt_cmd_resume (JtCli *cli, int argc, char **argv)
{
  return jt_cli_dispatch (cli, "resume", resume_commands, argc, argv);
}
