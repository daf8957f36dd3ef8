/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-open.c: `jobtrack open APP [ID]`: a kept document in the desktop's default
 * application for its kind of file (the latest résumé when no id is given). */
#include <gio/gio.h>
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-documents.h"

/* Opens the kept file of `document` with the default application for its media type.
 * The file is named by its digest and has no extension, so the type recorded when it
 * was attached says what it is, not a guess from the kept file's name. */
static gboolean
open_document (const JtDocument *document, const char *dir, char **opened_with, GError **error)
{
  g_autofree char *path = jt_documents_path (dir, document->sha256);
  g_autofree char *name = jt_cli_text (document->name, TRUE);
  g_autoptr (GAppInfo) app = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) launch_error = NULL;
  GList files = { 0 };

  if (!jt_documents_is_kept (dir, document->sha256, document->size))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND,
                   _ ("the file of document %" PRId64
                      " (%s) is missing or damaged in %s; restore it from a "
                      "backup made with 'export --json --with-files'"),
                   document->id, name, dir);
      return FALSE;
    }
  app = g_app_info_get_default_for_type (document->media_type, FALSE);
  if (app == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   _ ("no application is set to open %s files (%s); open %s yourself"),
                   document->media_type, name, path);
      return FALSE;
    }
  file = g_file_new_for_path (path);
  files.data = file;
  if (!g_app_info_launch (app, &files, NULL, &launch_error))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot open %s with %s: %s"), name,
                   g_app_info_get_display_name (app), launch_error->message);
      return FALSE;
    }
  *opened_with = g_strdup (g_app_info_get_display_name (app));
  return TRUE;
}

int
jt_cmd_open (JtCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtDocument) document = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *opened_with = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id, document_id = 0;

  if (!jt_cli_parse_options (cli, "open", "APP [ID]",
                             _ ("Open a document kept with an application in its default "
                                "program; without an id, the résumé attached last."),
                             entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (argc != 2 && argc != 3)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("usage: jobtrack %s"), "open APP [ID]"));
  if (!jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (argc == 3 && !jt_cli_parse_id (argv[2], _ ("a document"), &document_id, &error))
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  if (document_id != 0)
    document = jt_store_document_get (store, id, document_id, &error);
  else if ((document = jt_store_document_latest_resume (store, id, &error)) == NULL
           && error == NULL)
    {
      if ((documents = jt_store_document_list (store, id, &error)) == NULL)
        return jt_cli_fail (error);
      if (documents->len == 0)
        error = g_error_new (JT_ERROR, JT_ERROR_NOT_FOUND,
                             _ ("application %" PRId64 " has no documents to open; keep one "
                                "with 'jobtrack app attach %" PRId64 " FILE'"),
                             id, id);
      else
        error = g_error_new (JT_ERROR, JT_ERROR_NOT_FOUND,
                             _ ("application %" PRId64 " has no résumé; name the document to "
                                "open ('jobtrack app files %" PRId64 "' lists them)"),
                             id, id);
    }
  if (document != NULL)
    dir = jt_cli_files_dir (cli);
  if (document == NULL || !open_document (document, dir, &opened_with, &error))
    return jt_cli_fail (error);
  name = jt_cli_text (document->name, TRUE);
  printf (_ ("Opened document %" PRId64 " (%s) with %s\n"), document->id, name, opened_with);
  return JT_EXIT_OK;
}
