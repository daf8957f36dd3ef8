/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-app-documents.c: `jobtrack app attach|files|detach`: the documents sent with
 * an application (a résumé, a cover letter, the posting), kept once by their content
 * (jt-documents.h). */
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

/* "Globex, SRE". New string. */
static char *
app_label (const JtApplication *app)
{
  return g_strdup_printf ("%s%s%s", app->company, *app->role != '\0' ? ", " : "", app->role);
}

/* "resume (backend-v3)" or "cover-letter". New string. */
static char *
kind_label (const JtDocument *document)
{
  if (document->resume_version != NULL)
    return g_strdup_printf ("%s (%s)", jt_document_kind_to_string (document->kind),
                            document->resume_version);
  return g_strdup (jt_document_kind_to_string (document->kind));
}

void
jt_cli_print_documents (JtCli *cli, const GPtrArray *documents)
{
  g_autofree char *dir = jt_cli_files_dir (cli);
  g_autoptr (JtTable) table = jt_table_new (_ ("ID"), _ ("KIND"), _ ("NAME"), _ ("TYPE"),
                                            _ ("SIZE"), _ ("ATTACHED"), _ ("NOTE"), NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      const JtDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);
      g_autofree char *kind = kind_label (document);
      g_autofree char *size = g_format_size ((guint64) document->size);
      g_autofree char *attached = jt_cli_format_time (cli, document->attached_at);
      g_autofree char *name = NULL;

      /* A file the folder lacks (a backup restored without --with-files) is said. */
      if (jt_documents_is_kept (dir, document->sha256, document->size))
        name = g_strdup (document->name);
      else
        name = g_strdup_printf (_ ("%s (missing)"), document->name);
      jt_table_add_row (table, id, kind, name, document->media_type, size, attached,
                        document->note != NULL ? document->note : "");
    }
  jt_table_print (table, cli);
}

gboolean
jt_cli_attach_resume_version (JtCli *cli, JtStore *store, gint64 application_id,
                              const char *version_name, const char *note, JtDocument **attached,
                              GError **error)
{
  g_autoptr (JtResumeVersion) version = NULL;
  g_autoptr (JtDocument) document = jt_document_new ();

  if ((version = jt_store_resume_version_find (store, version_name, error)) == NULL)
    return FALSE;
  document->application_id = application_id;
  document->kind = JT_DOCUMENT_RESUME;
  document->sha256 = g_strdup (version->sha256);
  document->name = g_strdup (version->original_name);
  document->note = g_strdup (note);
  document->resume_version_id = version->id;
  document->resume_version = g_strdup (version->name);
  document->size = version->size;
  document->media_type = g_strdup (version->media_type);
  if (!jt_store_document_insert (store, document, g_date_time_to_unix (cli->now), error))
    return FALSE;
  if (attached != NULL)
    *attached = g_steal_pointer (&document);
  return TRUE;
}

/* One file being attached: what was read, the kind, whether the kind was guessed and
 * whether its content was kept already (by another application, or a version). */
typedef struct
{
  JtDocumentFile *file;
  JtDocumentKind kind;
  gboolean guessed;
  gboolean kept_before;
  gint64 id;
} Attaching;

static void
attaching_free (Attaching *one)
{
  jt_document_file_free (one->file);
  g_free (one);
}

int
jt_cmd_app_attach (JtCli *cli, int argc, char **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *resume = NULL;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_ ("resume, cover-letter, portfolio, posting or other (default: guessed from the name)"),
      "KIND" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("A note about it"), "TEXT" },
    { "resume", 0, 0, G_OPTION_ARG_STRING, &resume,
      N_ ("Point at a résumé version named with 'resume add', instead of a file"), "NAME" },
    G_OPTION_ENTRY_NULL,
  };
  const char *usage = "app attach APP FILE… [--kind KIND] [--note TEXT] | app attach APP "
                      "--resume NAME";
  g_autoptr (GPtrArray) attaching
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attaching_free);
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtDocument) version_document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *label = NULL;
  JtDocumentKind kind = JT_DOCUMENT_OTHER;
  GError *error = NULL;
  JtStore *store;
  gint64 now = g_date_time_to_unix (cli->now);
  gint64 id;

  if (!jt_cli_parse_options (cli, "app attach", usage + strlen ("app attach "),
                             _ ("Keep a copy of files sent with an application (a résumé, a cover "
                                "letter, the posting), or point it at a named résumé version."),
                             entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (argc < 2 || (resume == NULL && argc < 3) || (resume != NULL && argc > 2))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("usage: jobtrack %s"), usage));
  if (!jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (kind_text != NULL && !jt_document_kind_parse (kind_text, &kind, &error)))
    return jt_cli_fail (error);
  if (resume != NULL && kind_text != NULL)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("a résumé version is a résumé: --resume takes no --kind")));

  /* Every file is read and checked before anything is kept: one that cannot be kept
   * stores none. */
  for (int i = 2; i < argc; i++)
    {
      Attaching *one = g_new0 (Attaching, 1);

      g_ptr_array_add (attaching, one);
      if ((one->file = jt_document_file_read (argv[i], &error)) == NULL)
        return jt_cli_fail (error);
      one->kind = kind;
      if (kind_text == NULL)
        one->guessed = jt_document_kind_guess (one->file->name, &one->kind);
    }

  /* The application first, so an unknown one stores nothing either; then the files are
   * kept (named by their digest, so a copy left by a failed write below is harmless) and
   * recorded in one transaction. */
  if ((store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  dir = jt_cli_files_dir (cli);
  if (resume != NULL
      && !jt_cli_attach_resume_version (cli, store, id, resume, note, &version_document, &error))
    return jt_cli_fail (error);
  for (guint i = 0; i < attaching->len; i++)
    {
      Attaching *one = g_ptr_array_index (attaching, i);
      g_autoptr (JtDocument) document = jt_document_new ();

      one->kept_before = jt_documents_is_kept (dir, one->file->sha256, one->file->size);
      if (!jt_documents_keep (dir, one->file->sha256, one->file->contents, &error))
        return jt_cli_fail (error);
      document->application_id = id;
      document->kind = one->kind;
      document->sha256 = g_strdup (one->file->sha256);
      document->name = g_strdup (one->file->name);
      document->note = g_strdup (note);
      document->size = one->file->size;
      document->media_type = g_strdup (one->file->media_type);
      if (!jt_store_document_insert (store, document, now, &error))
        return jt_cli_fail (error);
      one->id = document->id;
    }
  if (!jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);

  label = app_label (app);
  if (version_document != NULL)
    printf (_ ("Attached résumé version %s to application %" PRId64 " (%s) as document %" PRId64
               ": %s\n"),
            version_document->resume_version, id, label, version_document->id,
            version_document->name);
  for (guint i = 0; i < attaching->len; i++)
    {
      const Attaching *one = g_ptr_array_index (attaching, i);
      g_autofree char *size = g_format_size ((guint64) one->file->size);

      printf (_ ("Attached document %" PRId64 " to application %" PRId64 " (%s): %s, %s%s, %s, "
                 "%s\n"),
              one->id, id, label, one->file->name, jt_document_kind_to_string (one->kind),
              one->guessed        ? _ (" (guessed from the name; --kind to say otherwise)")
              : kind_text == NULL ? _ (" (the name says no kind; --kind to say)")
                                  : "",
              one->file->media_type, size);
      if (one->kept_before)
        printf (_ ("  the same content is kept already: not copied again\n"));
    }
  return JT_EXIT_OK;
}

int
jt_cmd_app_files (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autofree char *dir = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id;

  if (!jt_cli_parse_options (cli, "app files", "APP [--json]",
                             _ ("List the documents kept with an application."), entries, &argc,
                             &argv, &error)
      || !jt_cli_expect_args (argc, 1, "app files APP [--json]", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL
      || (documents = jt_store_document_list (store, id, &error)) == NULL)
    return jt_cli_fail (error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      dir = jt_cli_files_dir (cli);
      json_builder_begin_array (builder);
      for (guint i = 0; i < documents->len; i++)
        jt_json_add_document (builder, g_ptr_array_index (documents, i), dir, cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else if (documents->len == 0)
    printf (_ ("Application %" PRId64
               " has no documents. Keep one with 'jobtrack app attach %" PRId64 " FILE'.\n"),
            id, id);
  else
    jt_cli_print_documents (cli, documents);
  return JT_EXIT_OK;
}

int
jt_cmd_app_detach (JtCli *cli, int argc, char **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr (JtApplication) app = NULL;
  g_autoptr (JtDocument) document = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 id, document_id;

  if (!jt_cli_parse_options (cli, "app detach", "APP ID",
                             _ ("Take a document off an application (its kept file stays)."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 2, "app detach APP ID", &error)
      || !jt_cli_parse_id (argv[1], _ ("an application"), &id, &error)
      || !jt_cli_parse_id (argv[2], _ ("a document"), &document_id, &error)
      || (store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || (app = jt_store_application_get (store, id, &error)) == NULL
      || (document = jt_store_document_get (store, id, document_id, &error)) == NULL
      || !jt_store_document_delete (store, id, document_id, &error)
      || !jt_transaction_commit (g_steal_pointer (&txn), &error))
    return jt_cli_fail (error);
  label = app_label (app);
  name = jt_cli_text (document->name, TRUE);
  printf (_ ("Detached document %" PRId64 " (%s) from application %" PRId64 " (%s)\n"), document_id,
          name, id, label);
  return JT_EXIT_OK;
}
