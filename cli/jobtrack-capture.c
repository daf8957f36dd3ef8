/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-capture.c: `jobtrack capture URL|FILE|-`: an application (a lead, or one sent)
 * from a job-posting page, with the posting kept (issue 16).
 *
 * The page is fetched (jt-posting-fetch.h), read from a saved file or from stdin, then
 * read into fields (jt-posting.h). Nothing is written until all of that worked; then one
 * transaction records the application, its posting (R12 reads the closing date) and the
 * page and its text as documents of kind posting, so the posting outlives its removal
 * from the web. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "jobtrack-commands.h"
#include "jt-already-applied.h"
#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-posting-fetch.h"
#include "jt-posting.h"
#include "jt-store-applications.h"
#include "jt-store-documents.h"
#include "jt-store-postings.h"
#include "jt-store-reminders.h"
#include "jt-text.h"

/* Reads `fd` whole, up to one byte past the largest page (so that the reader can say
 * the page is too large). New bytes, or NULL. */
static GBytes *
read_capped (int fd, const char *what, GError **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  while (data->len <= JT_POSTING_MAX_PAGE)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot read %s: %s"), what,
                       g_strerror (errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Where the page came from and its bytes. */
typedef struct
{
  GBytes *page;
  char *base_url; /* the address it came from (after redirects), or --url, or NULL */
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->page, g_bytes_unref);
  g_clear_pointer (&source->base_url, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static gboolean
is_web_address (const char *text)
{
  return g_ascii_strncasecmp (text, "http://", 7) == 0
         || g_ascii_strncasecmp (text, "https://", 8) == 0;
}

static gboolean
read_source (const char *where, const char *url, Source *source, GError **error)
{
  if (is_web_address (where))
    {
      JtPostingFetchOptions options = { 0 };
      g_autoptr (JtPostingPage) page = NULL;

      /* Progress, on a terminal: a slow server takes up to the timeout. */
      if (isatty (fileno (stderr)))
        {
          g_autofree char *shown = jt_cli_text (where, TRUE);

          fprintf (stderr, _ ("Fetching %s…\n"), shown);
        }
      if ((page = jt_posting_fetch (where, &options, error)) == NULL)
        return FALSE;
      source->page = g_bytes_ref (page->page);
      source->base_url = g_strdup (page->url);
    }
  else
    {
      gboolean from_stdin = strcmp (where, "-") == 0;
      int fd = from_stdin ? 0 : g_open (where, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
      struct stat st;

      if (fd < 0 || fstat (fd, &st) != 0)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot read %s: %s"), where,
                       g_strerror (errno));
          if (fd > 0)
            close (fd);
          return FALSE;
        }
      if (!from_stdin && !S_ISREG (st.st_mode))
        {
          close (fd);
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("cannot read %s: it is not a regular file"), where);
          return FALSE;
        }
      source->page = read_capped (fd, from_stdin ? _ ("the standard input") : where, error);
      if (!from_stdin)
        close (fd);
      if (source->page == NULL)
        return FALSE;
      source->base_url = g_strdup (url);
    }
  return TRUE;
}

/* An amount as digits: a whole number as it is ("70000"), else with up to two decimals
 * ("25.5", "17.25"), with a point whatever the locale. New string. */
static char *
amount_words (double amount)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *point, *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", amount);
  if ((point = strchr (buffer, '.')) != NULL)
    {
      end = point + strlen (point) - 1;
      while (end > point && *end == '0')
        *end-- = '\0';
      if (end == point)
        *point = '\0';
    }
  return g_strdup (buffer);
}

/* "EUR 70000–90000 per year", "USD 25.5 per hour", NULL without a salary. New string. */
static char *
salary_words (const JtPosting *posting)
{
  GString *text = g_string_new (NULL);
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (!posting->has_salary)
    return g_string_free (text, TRUE);
  min = amount_words (posting->salary_min);
  max = amount_words (posting->salary_max);
  if (posting->salary_currency != NULL)
    g_string_append_printf (text, "%s ", posting->salary_currency);
  g_string_append (text, min);
  if (posting->salary_max > posting->salary_min && strcmp (max, min) != 0)
    g_string_append_printf (text, "–%s", max);
  if (posting->salary_unit != NULL)
    {
      g_autofree char *unit = g_utf8_strdown (posting->salary_unit, -1);

      /* TRANSLATORS: a salary's unit: "per year", "per hour". */
      g_string_append_printf (text, _ (" per %s"), unit);
    }
  return g_string_free (text, FALSE);
}

static const char *
source_name (JtPostingSource source)
{
  switch (source)
    {
    case JT_POSTING_SOURCE_JSON_LD:
      return "json-ld";
    case JT_POSTING_SOURCE_OPENGRAPH:
      return "opengraph";
    case JT_POSTING_SOURCE_TITLE:
      return "title";
    }
  g_return_val_if_reached ("title");
}

/* The posting as the text kept with the application and printed by `jobtrack posting`:
 * its facts, then the description. New string. */
static char *
posting_text (JtCli *cli, const JtPosting *posting, const char *company, const char *salary)
{
  GString *text = g_string_new (NULL);
  g_autofree char *posted
      = jt_cli_format_day_or_time (cli, posting->date_posted, posting->date_posted_is_day);
  g_autofree char *closes
      = jt_cli_format_day_or_time (cli, posting->valid_through, posting->valid_through_is_day);
  g_autofree char *captured = jt_cli_format_time (cli, g_date_time_to_unix (cli->now));
  const struct
  {
    const char *label;
    const char *value;
  } fields[] = {
    { N_ ("Company"), company },
    { N_ ("Location"), posting->location },
    { N_ ("Employment"), posting->employment_type },
    { N_ ("Salary"), salary },
    { N_ ("Posted"), posted },
    { N_ ("Closes"), closes },
    { N_ ("Identifier"), posting->identifier },
    { N_ ("Address"), posting->url },
  };

  g_string_append_printf (text, "%s\n\n", posting->title);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      g_string_append_printf (text, "%s: %s\n", _ (fields[i].label), fields[i].value);
  /* TRANSLATORS: where the fields came from ("JSON-LD JobPosting"), then a time. */
  g_string_append_printf (text, _ ("Read from: %s, on %s\n"),
                          jt_posting_source_describe (posting->source), captured);
  if (posting->description != NULL)
    g_string_append_printf (text, "\n%s\n", posting->description);
  return g_string_free (text, FALSE);
}

/* An earlier capture of the same posting (its address or identifier, at the same
 * company), an application whose link is the posting's address, or an open application
 * of the same company and role: its id, 0 when none. `why` says which. */
static gboolean
find_duplicate (JtStore *store, const JtPosting *posting, const char *company, const char *role,
                gint64 *id, const char **why, GError **error)
{
  g_autoptr (GArray) same = jt_store_posting_find (store, posting->url, posting->identifier, error);
  g_autoptr (JtApplication) open = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *wanted = jt_text_fold (company);

  *id = 0;
  if (same == NULL)
    return FALSE;
  for (guint i = 0; i < same->len && *id == 0; i++)
    {
      gint64 candidate = g_array_index (same, gint64, i);
      g_autoptr (JtSavedPosting) saved = NULL;
      g_autoptr (JtApplication) app = jt_store_application_get (store, candidate, error);
      g_autofree char *theirs = NULL;

      if (app == NULL || !jt_store_posting_lookup (store, candidate, &saved, error))
        return FALSE;
      theirs = jt_text_fold (app->company);
      if (posting->url != NULL
          && ((saved != NULL && g_strcmp0 (saved->url, posting->url) == 0)
              || g_strcmp0 (app->url, posting->url) == 0))
        *why = _ ("the same posting address");
      /* A board's identifier is its own: "12345" at two employers is two postings. */
      else if (saved != NULL && posting->identifier != NULL
               && g_strcmp0 (saved->identifier, posting->identifier) == 0
               && g_strcmp0 (theirs, wanted) == 0)
        *why = _ ("the same posting identifier");
      else
        continue;
      *id = candidate;
    }
  if (*id != 0)
    return TRUE;
  if ((open = jt_store_application_find_open (store, company, role, &local_error)) != NULL)
    {
      *id = open->id;
      *why = _ ("the same company and role");
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Keeps `contents` as a posting document of application `id` named `name`. */
static gboolean
keep_document (JtCli *cli, JtStore *store, gint64 id, const char *name, GBytes *contents,
               const char *note, gint64 *document_id, GError **error)
{
  g_autofree char *dir = jt_cli_files_dir (cli);
  g_autoptr (JtDocumentFile) file = jt_document_file_new (name, contents);
  g_autoptr (JtDocument) document = jt_document_new ();

  if (!jt_documents_keep (dir, file->sha256, file->contents, error))
    return FALSE;
  document->application_id = id;
  document->kind = JT_DOCUMENT_POSTING;
  document->sha256 = g_strdup (file->sha256);
  document->name = g_strdup (name);
  document->note = g_strdup (note);
  document->size = file->size;
  document->media_type = g_strdup (file->media_type);
  if (!jt_store_document_insert (store, document, g_date_time_to_unix (cli->now), error))
    return FALSE;
  *document_id = document->id;
  return TRUE;
}

/* What was recorded, for the report. */
typedef struct
{
  gint64 page_document;
  gint64 text_document;
  JtReminder *closing; /* R12's follow-up, or NULL */
} Recorded;

static void
recorded_clear (Recorded *recorded)
{
  g_clear_pointer (&recorded->closing, jt_reminder_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Recorded, recorded_clear)

/* Records `app` and its posting `saved` (whose application_id it sets, so that what is
 * reported is what was stored), and the page and its text, in `txn` (taken: committed,
 * or rolled back on failure). */
static gboolean
record (JtCli *cli, JtStore *store, JtTransaction *txn_in, JtApplication *app,
        JtSavedPosting *saved, const Source *source, const char *text, Recorded *recorded,
        GError **error)
{
  g_autoptr (JtTransaction) txn = txn_in;
  g_autoptr (GBytes) text_bytes = NULL;
  g_autoptr (GPtrArray) reminders = NULL;

  if (!jt_store_application_insert (store, app, g_date_time_to_unix (cli->now), error))
    return FALSE;
  saved->application_id = app->id;
  text_bytes = g_bytes_new (text, strlen (text));
  if (!jt_store_posting_save (store, saved, error)
      || !keep_document (cli, store, app->id, "posting.html", source->page,
                         _ ("the page, as captured"), &recorded->page_document, error)
      || !keep_document (cli, store, app->id, "posting.txt", text_bytes,
                         _ ("the posting's text, as captured"), &recorded->text_document, error)
      || !jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  if ((reminders = jt_store_reminder_list_for_application (store, app->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < reminders->len; i++)
    if (((JtReminder *) g_ptr_array_index (reminders, i))->rule == JT_RULE_CLOSING_DATE)
      recorded->closing = g_ptr_array_steal_index (reminders, i);
  return TRUE;
}

static void
print_report (JtCli *cli, const JtApplication *app, const JtPosting *posting,
              const JtSavedPosting *saved, const Recorded *recorded)
{
  printf (_ ("Captured application %" PRId64 ": %s%s%s (%s)\n"), app->id, app->company,
          *app->role != '\0' ? ", " : "", app->role, jt_status_to_string (app->status));
  if (posting->source == JT_POSTING_SOURCE_JSON_LD)
    {
      if (posting->n_job_postings > 1)
        printf (_ ("  read from the page's JSON-LD JobPosting (the first of %u on the page)\n"),
                posting->n_job_postings);
      else
        printf (_ ("  read from the page's JSON-LD JobPosting\n"));
    }
  else
    /* A partial result, said as such: only a title, and a company that may be the
     * board's. */
    printf (_ ("  partial: the page has no JobPosting data; read from %s only: check the "
               "company and role\n"),
            jt_posting_source_describe (posting->source));
  jt_cli_print_posting_facts (cli, saved);
  if (saved->closes_at != 0 && saved->closes_at < g_date_time_to_unix (cli->now))
    printf (_ ("  The posting has closed already: it may be gone, or the page's date is "
               "stale\n"));
  if (recorded->closing != NULL)
    {
      g_autofree char *due = jt_cli_format_time (cli, recorded->closing->due_at);

      printf (_ ("  Follow-up %" PRId64 ": apply before the posting closes, due %s\n"),
              recorded->closing->id, due);
    }
  printf (_ ("  Kept the page (document %" PRId64 ") and its text (document %" PRId64
             "): jobtrack posting %" PRId64 "\n"),
          recorded->page_document, recorded->text_document, app->id);
}

static void
print_json (JtCli *cli, const JtApplication *app, const JtPosting *posting,
            const JtSavedPosting *saved, const Recorded *recorded)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application");
  jt_json_add_application (builder, app, cli->tz);
  json_builder_set_member_name (builder, "posting");
  jt_json_add_saved_posting (builder, saved, cli->tz);
  json_builder_set_member_name (builder, "postings_on_page");
  json_builder_add_int_value (builder, posting->n_job_postings);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, recorded->page_document);
  json_builder_add_int_value (builder, recorded->text_document);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "closing_follow_up");
  if (recorded->closing != NULL)
    jt_json_add_reminder (builder, recorded->closing, cli->tz);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

int
jt_cmd_capture (JtCli *cli, int argc, char **argv)
{
  g_autofree char *company = NULL;
  g_autofree char *role = NULL;
  g_autofree char *url = NULL;
  gboolean applied = FALSE, force = FALSE, json = FALSE, quiet = FALSE;
  const GOptionEntry entries[] = {
    { "applied", 0, 0, G_OPTION_ARG_NONE, &applied,
      N_ ("Record it as sent (status applied), not as a lead"), NULL },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company,
      N_ ("The employer, when the page does not say or says it wrong"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("The role, instead of the posting's title"),
      "TITLE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_ ("Where a saved page or standard input came from"),
      "URL" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_ ("Record it even when the same posting or role was captured before"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print what was recorded as JSON"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_ ("Do not say when the company already has an application"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *usage = "capture URL|FILE|- [--applied] [--company NAME] [--role TITLE] [OPTION…]";
  g_auto (Source) source = { 0 };
  g_auto (Recorded) recorded = { 0 };
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (JtPosting) posting = NULL;
  g_autoptr (JtApplication) app = jt_application_new ();
  g_autofree char *salary = NULL;
  g_autofree char *text = NULL;
  JtSavedPosting saved = { 0 };
  const char *why = NULL;
  GError *error = NULL;
  JtStore *store;
  gint64 duplicate;
  gsize length;
  const char *data;

  if (!jt_cli_parse_options (cli, "capture", usage + strlen ("capture "),
                             _ ("Record an application from a job posting: a web address, a "
                                "saved page, or '-' for standard input. The posting is kept."),
                             entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (argc != 2)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("usage: jobtrack %s"), usage));
  if (url != NULL && is_web_address (argv[1]))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("--url is for a saved page or standard input; a web "
                                        "address is its own")));
  if (url != NULL && !is_web_address (url))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("--url '%s' is not a web address (http or https)"), url));

  /* Everything is read and checked before the database is opened for writing. */
  if (!read_source (argv[1], url, &source, &error))
    return jt_cli_fail (error);
  data = g_bytes_get_data (source.page, &length);
  if ((posting = jt_posting_read_html (data, length, source.base_url, &error)) == NULL)
    return jt_cli_fail (error);
  if (company == NULL)
    company = g_strdup (posting->company);
  if (jt_text_is_blank (company))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("the posting does not name the employer: give it with "
                                        "--company NAME")));
  if (role == NULL)
    role = g_strdup (posting->title);
  jt_cli_set_text (&app->company, company);
  jt_cli_set_text (&app->role, role);
  jt_cli_set_text (&app->url, posting->url);
  app->status = applied ? JT_STATUS_APPLIED : JT_STATUS_LEAD;
  if (posting->url != NULL)
    {
      g_autoptr (GUri) uri = g_uri_parse (posting->url, G_URI_FLAGS_NONE, NULL);

      if (uri != NULL && g_uri_get_host (uri) != NULL)
        jt_cli_set_text (&app->source, g_uri_get_host (uri));
    }

  salary = salary_words (posting);
  saved.source = (char *) source_name (posting->source);
  saved.title = posting->title;
  saved.url = posting->url;
  saved.identifier = posting->identifier;
  saved.location = posting->location;
  saved.employment_type = posting->employment_type;
  saved.salary = salary;
  saved.posted_at = posting->date_posted;
  saved.posted_on_day = posting->date_posted_is_day;
  saved.closes_at = posting->valid_through;
  saved.closes_on_day = posting->valid_through_is_day;
  saved.captured_at = g_date_time_to_unix (cli->now);
  text = posting_text (cli, posting, app->company, salary);

  /* Checked in the transaction that records it, so that a capture of the same posting
   * running at the same time is either seen or waits for this one. */
  if ((store = jt_cli_store (cli, JT_STORE_WRITE, &error)) == NULL
      || (txn = jt_store_begin_write (store, &error)) == NULL
      || !find_duplicate (store, posting, app->company, app->role, &duplicate, &why, &error))
    return jt_cli_fail (error);
  if (duplicate != 0 && !force)
    {
      g_autoptr (JtApplication) before = jt_store_application_get (store, duplicate, &error);
      g_autofree char *label = NULL;

      if (before == NULL)
        return jt_cli_fail (error);
      label = jt_text_app_label (before->company, before->role);
      /* One line: which application, how far it got, and why it is the same. */
      return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_FAILED,
                                       _ ("already recorded: application %" PRId64 " (%s, %s) "
                                          "has %s; nothing recorded (--force records it "
                                          "again)"),
                                       duplicate, label, jt_status_to_string (before->status),
                                       why));
    }
  if (!quiet)
    jt_cli_warn_already_applied_in (cli, store, app->company);
  if (!record (cli, store, g_steal_pointer (&txn), app, &saved, &source, text, &recorded, &error))
    return jt_cli_fail (error);
  if (json)
    print_json (cli, app, posting, &saved, &recorded);
  else
    print_report (cli, app, posting, &saved, &recorded);
  return JT_EXIT_OK;
}
