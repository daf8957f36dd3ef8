/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-posting.c: `jobtrack posting APP`: the job posting kept with an application,
 * as `capture` saved it (its text document) or as attached by hand. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "jobtrack-commands.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-store-applications.h"
#include "jt-store-documents.h"
#include "jt-store-postings.h"

/* The newest posting document of `documents` whose media type is text/plain, or else
 * the newest posting document at all (borrowed); NULL when there is none. */
static const JtDocument *
find_posting_document (const GPtrArray *documents, gboolean *is_text)
{
  const JtDocument *any = NULL;

  *is_text = FALSE;
  for (guint i = documents->len; i > 0; i--)
    {
      const JtDocument *document = g_ptr_array_index (documents, i - 1);

      if (document->kind != JT_DOCUMENT_POSTING)
        continue;
      if (g_strcmp0 (document->media_type, "text/plain") == 0)
        {
          *is_text = TRUE;
          return document;
        }
      if (any == NULL)
        any = document;
    }
  return any;
}

int
jt_cmd_posting (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtSavedPosting) saved = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GError) read_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  const JtDocument *document;
  gboolean is_text;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "posting", "APP [--json]",
                             _ ("Print the job posting kept with an application."), entries, &argc,
                             &argv, &error)
      || !jt_cli_expect_args (argc, 1, "posting APP [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error))
    return jt_cli_fail (error);
  dir = jt_cli_files_dir (cli);
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL
      || !jt_store_posting_lookup (store, id, &saved, &error)
      || (documents = jt_store_document_list (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  document = find_posting_document (documents, &is_text);
  if (document == NULL && saved == NULL)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_NOT_FOUND,
                                     _ ("application %" PRId64 " has no saved posting ('jobtrack "
                                        "capture URL' saves one, 'jobtrack app attach %" PRId64
                                        " FILE --kind posting' keeps a file)"),
                                     id, id));
  if (document != NULL && is_text
      && (contents = jt_documents_read_kept (dir, document->sha256, &read_error)) != NULL)
    {
      /* Kept bytes are not trusted to be text: cleaned as every record's text is. */
      g_autofree char *raw
          = g_strndup (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));

      text = jt_cli_text (raw, FALSE);
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "posting");
      if (saved != NULL)
        jt_json_add_saved_posting (builder, saved, cli->tz);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "document");
      if (document != NULL)
        jt_json_add_document (builder, document, dir, cli->tz);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      jt_cli_print_json (builder);
      return JT_EXIT_OK;
    }
  if (text != NULL)
    {
      jt_cli_start_pager (cli);
      fputs (text, stdout);
      if (*text != '\0' && text[strlen (text) - 1] != '\n')
        putchar ('\n');
      jt_cli_finish_pager (cli);
      return JT_EXIT_OK;
    }
  if (document != NULL && !is_text)
    {
      printf (_ ("Application %" PRId64 " keeps its posting as document %" PRId64
                 " (%s, %s): jobtrack open %" PRId64 " %" PRId64 "\n"),
              id, document->id, document->name, document->media_type, id, document->id);
      return JT_EXIT_OK;
    }
  /* The row without its text: a backup restored without --with-files. */
  if (saved != NULL)
    {
      jt_cli_print_field (cli, _ ("Title"), saved->title);
      jt_cli_print_field (cli, _ ("Address"), saved->url);
      jt_cli_print_field (cli, _ ("Location"), saved->location);
      jt_cli_print_field (cli, _ ("Salary"), saved->salary);
    }
  return jt_cli_fail (g_error_new (
      JT_ERROR, JT_ERROR_NOT_FOUND, _ ("the posting's text is not among the kept files: %s"),
      read_error != NULL ? read_error->message : _ ("there is no text document")));
}
