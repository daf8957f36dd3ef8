/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-cli.c: what every command shares. */
#include "jt-cli.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jt-display-width.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-paths.h"
#include "jt-store-applications.h"
#include "jt-text.h"
#include "jt-time.h"

int
jt_cli_fail (GError *error)
{
  gboolean usage = error->domain == G_OPTION_ERROR
                   || (error->domain == JT_ERROR && error->code == JT_ERROR_INVALID);

  /* Quoted whole: a message may carry what was typed (GOption's do, verbatim), and
   * nothing typed may drive the terminal or split the one line. */
  if (!(error->domain == JT_ERROR && error->code == JT_ERROR_CANCELLED))
    {
      g_autofree char *shown = jt_text_quote (error->message, -1);

      g_printerr ("jobtrack: %s\n", shown);
    }
  g_error_free (error);
  return usage ? JT_EXIT_USAGE : JT_EXIT_FAILED;
}

static void
print_group_help (FILE *out, const char *group, const JtCommand *table)
{
  fprintf (out, "Usage: jobtrack %s COMMAND [OPTION…]\n\n%s\n", group, _ ("Commands:"));
  for (const JtCommand *c = table; c->name != NULL; c++)
    fprintf (out, "  %-10s %s\n", c->name, _ (c->summary));
  /* TRANSLATORS: %s is a command group such as "app"; keep the quoted command as it is. */
  fprintf (out, _ ("\nRun 'jobtrack %s COMMAND --help' for a command's options.\n"), group);
}

int
jt_cli_dispatch (JtCli *cli, const char *group, const JtCommand *table, int argc, char **argv)
{
  const char *name = argc > 1 ? argv[1] : NULL;

  if (name == NULL || g_str_equal (name, "--help") || g_str_equal (name, "-h")
      || g_str_equal (name, "help"))
    {
      print_group_help (name == NULL ? stderr : stdout, group, table);
      return name == NULL ? JT_EXIT_USAGE : JT_EXIT_OK;
    }
  for (const JtCommand *c = table; c->name != NULL; c++)
    if (g_str_equal (c->name, name))
      return c->func (cli, argc - 1, argv + 1);
  /* TRANSLATORS: "%1$s %2$s" is the command typed, such as "app frob"; %3$s its group. */
  g_printerr (_ ("jobtrack: unknown command '%1$s %2$s' (see 'jobtrack %3$s --help')\n"), group,
              name, group);
  return JT_EXIT_USAGE;
}

const JtConfig *
jt_cli_config (JtCli *cli, GError **error)
{
  if (cli->config == NULL)
    cli->config = jt_config_load (NULL, error);
  return cli->config;
}

JtStore *
jt_cli_store (JtCli *cli, JtStoreMode mode, GError **error)
{
  g_autofree char *path = NULL;
  const JtConfig *config;

  /* A writer serves readers too; a reader is reopened as a writer when one is needed. */
  if (cli->store != NULL && (mode == JT_STORE_READ_ONLY || !jt_store_is_read_only (cli->store)))
    return cli->store;
  g_clear_pointer (&cli->store, jt_store_free);
  /* A bad configuration is found before anything is opened or written. */
  if ((config = jt_cli_config (cli, error)) == NULL)
    return NULL;
  path = jt_paths_database (cli->db_option);
  if (mode == JT_STORE_WRITE && !jt_paths_prepare_database_dir (path, error))
    return NULL;
  /* Readers ask the rules too ("quiet" in `app list`). */
  if (cli->rules == NULL)
    cli->rules = jt_rules_new (config, cli->tz, g_date_time_to_unix (cli->now));
  cli->store = jt_rules_open_store (cli->rules, path, mode, error);
  if (cli->store != NULL && jt_store_reads_upgraded_copy (cli->store))
    g_printerr (_ ("jobtrack: note: %s is of an older jobtrack; it was read from a copy "
                   "upgraded in memory, and the next command that records something upgrades "
                   "the file\n"),
                path);
  return cli->store;
}

/* Every string option must be UTF-8: it is stored, printed and exported as such. */
static gboolean
check_utf8 (int argc, char **argv, GError **error)
{
  for (int i = 0; i < argc; i++)
    if (!g_utf8_validate (argv[i], -1, NULL))
      {
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("argument %d is not valid UTF-8 text"),
                     i);
        return FALSE;
      }
  return TRUE;
}

gboolean
jt_cli_parse_options (JtCli *cli, const char *command, const char *usage, const char *summary,
                      const GOptionEntry *entries, int *argc, char ***argv, GError **error)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command, usage != NULL ? usage : "");
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autofree char *db = NULL;
  gboolean no_pager = FALSE;
  const GOptionEntry shared[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_ ("Use this database file"), "PATH" },
    { "no-pager", 0, 0, G_OPTION_ARG_NONE, &no_pager, N_ ("Do not page long output"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *prgname = g_strdup ("jobtrack");

  if (!check_utf8 (*argc, *argv, error))
    return FALSE;
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, shared, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  /* GOption leaves the "--" that ends the options in place; it is not an argument
   * ("remind add ... -- -2+3" means the text "-2+3"). */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (gsize) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  if (db != NULL)
    {
      g_free (cli->db_option);
      cli->db_option = g_steal_pointer (&db);
    }
  cli->no_pager |= no_pager;
  return TRUE;
}

gboolean
jt_cli_parse_when (JtCli *cli, const char *text, gint64 *unix_seconds, GError **error)
{
  g_autoptr (GDateTime) when = jt_when_parse (text, cli->now, NULL, error);

  if (when == NULL)
    return FALSE;
  *unix_seconds = g_date_time_to_unix (when);
  return TRUE;
}

gboolean
jt_cli_parse_due (JtCli *cli, const char *text, gint64 *unix_seconds, GError **error)
{
  gboolean has_time = TRUE;
  g_autoptr (GDateTime) when = jt_when_parse (text, cli->now, &has_time, error);
  g_autoptr (GDateTime) at_call_hour = NULL;
  const JtConfig *config;

  if (when == NULL || (config = jt_cli_config (cli, error)) == NULL)
    return FALSE;
  if (!has_time)
    {
      at_call_hour = g_date_time_new (
          cli->tz, g_date_time_get_year (when), g_date_time_get_month (when),
          g_date_time_get_day_of_month (when), config->call_hour, config->call_minute, 0);
      *unix_seconds = g_date_time_to_unix (at_call_hour);
    }
  else
    *unix_seconds = g_date_time_to_unix (when);
  return TRUE;
}

gboolean
jt_cli_parse_day (JtCli *cli, const char *text, char **day, GError **error)
{
  g_autoptr (GDateTime) when = jt_when_parse (text, cli->now, NULL, error);

  if (when == NULL)
    return FALSE;
  *day = jt_date_format (when);
  return TRUE;
}

gboolean
jt_cli_parse_id (const char *text, const char *what, gint64 *id, GError **error)
{
  char *end = NULL;
  gint64 value;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value <= 0 || !g_ascii_isdigit (text[0]))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   /* TRANSLATORS: %2$s is what the id names, such as "an application". */
                   _ ("'%1$s' is not %2$s id (a number like 3)"), text, what);
      return FALSE;
    }
  *id = value;
  return TRUE;
}

gboolean
jt_cli_parse_score (const char *text, const char *what, int *score, GError **error)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || value < 1 || value > 5)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   /* TRANSLATORS: %1$s names the score, such as "--rating". */
                   _ ("%1$s must be 1 to 5, not '%2$s'"), what, text);
      return FALSE;
    }
  *score = (int) value;
  return TRUE;
}

gboolean
jt_cli_expect_args (int argc, int count, const char *usage, GError **error)
{
  if (argc - 1 == count)
    return TRUE;
  /* TRANSLATORS: %1$s is "missing argument" or "too many arguments"; %2$s a usage line. */
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%1$s (usage: jobtrack %2$s)"),
               argc - 1 < count ? _ ("missing argument") : _ ("too many arguments"), usage);
  return FALSE;
}

void
jt_cli_set_text (char **field, const char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

char *
jt_cli_prompt (const char *question)
{
  g_autoptr (GString) line = g_string_new (NULL);
  int c;

  fputs (question, stdout);
  fflush (stdout);
  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (c == EOF && line->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&line), FALSE);
}

gboolean
jt_cli_confirm (JtCli *cli, gboolean yes, const char *question, GError **error)
{
  g_autofree char *full = NULL;
  g_autofree char *answer = NULL;

  if (yes)
    return TRUE;
  if (!cli->interactive)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("not removing anything without --yes when not on a terminal"));
      return FALSE;
    }
  /* TRANSLATORS: the answers read are "y" and "yes", whatever the language. */
  full = g_strdup_printf (_ ("%s [y/N] "), question);
  answer = jt_cli_prompt (full);
  if (answer != NULL
      && (g_ascii_strcasecmp (g_strstrip (answer), "y") == 0
          || g_ascii_strcasecmp (answer, "yes") == 0))
    return TRUE;
  g_printerr (_ ("Nothing removed.\n"));
  g_set_error (error, JT_ERROR, JT_ERROR_CANCELLED, _ ("cancelled"));
  return FALSE;
}

char *
jt_cli_describe_person (const JtContact *person)
{
  GString *text = g_string_new (person->name);

  if (person->title != NULL)
    g_string_append_printf (text, " (%s)", person->title);
  if (person->email != NULL)
    g_string_append_printf (text, " <%s>", person->email);
  if (person->phone != NULL)
    g_string_append_printf (text, " %s", person->phone);
  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (person->roles & (1u << i))
      g_string_append_printf (text, " [%s]", jt_contact_role_to_string (1u << i));
  return g_string_free (text, FALSE);
}

GHashTable *
jt_cli_app_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                (GDestroyNotify) jt_application_free);
}

const JtApplication *
jt_cli_app_cache_get (GHashTable *cache, JtStore *store, gint64 id, GError **error)
{
  JtApplication *app = g_hash_table_lookup (cache, &id);

  if (app == NULL && (app = jt_store_application_get (store, id, error)) != NULL)
    g_hash_table_insert (cache, &app->id, app);
  return app;
}

char *
jt_cli_format_relative (JtCli *cli, gint64 unix_seconds)
{
  gint64 delta = unix_seconds - g_date_time_to_unix (cli->now);
  gint64 size = delta < 0 ? -delta : delta;
  g_autofree char *amount = NULL;

  if (size < 60)
    return g_strdup (_ ("now"));
  if (size < 3600)
    amount = g_strdup_printf (_ ("%" PRId64 " min"), size / 60);
  else if (size < 2 * JT_DAY_SECONDS)
    amount = g_strdup_printf (_ ("%" PRId64 " h"), size / 3600);
  else
    amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " day", "%" PRId64 " days",
                                           (gulong) (size / JT_DAY_SECONDS)),
                              size / JT_DAY_SECONDS);
  /* TRANSLATORS: %s is an amount of time, such as "3 h". */
  return delta > 0 ? g_strdup_printf (_ ("in %s"), amount) : g_strdup_printf (_ ("%s ago"), amount);
}

void
jt_cli_init_terminal (JtCli *cli)
{
  const char *no_color = g_getenv ("NO_COLOR");
  const char *term = g_getenv ("TERM");
  const char *columns = g_getenv ("COLUMNS");
  gboolean tty = isatty (STDOUT_FILENO);
  struct winsize size = { 0 };
  gint64 value = 0;

  cli->color = tty && (no_color == NULL || *no_color == '\0')
               && !(term != NULL && g_str_equal (term, "dumb"));
  cli->width = 0;
  if (!tty)
    return;
  if (columns != NULL && g_ascii_string_to_signed (columns, 10, 1, 10000, &value, NULL))
    cli->width = (int) value;
  else if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    cli->width = size.ws_col;
  else
    cli->width = 80;
}

void
jt_cli_start_pager (JtCli *cli)
{
  const char *pager = g_getenv ("PAGER");
  g_autofree char *less = NULL;
  g_auto (GStrv) env = NULL;
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  g_autoptr (GError) error = NULL;
  int fds[2];

  if (cli->no_pager || cli->pager != 0 || !isatty (STDOUT_FILENO))
    return;
  if (pager == NULL)
    {
      /* Like git: less, if there is one, quitting at once when it all fits one screen. */
      if ((less = g_find_program_in_path ("less")) == NULL)
        return;
      pager = "less";
    }
  if (*pager == '\0' || g_str_equal (pager, "cat") || pipe (fds) != 0)
    return;
  argv[2] = pager;
  env = g_environ_setenv (g_get_environ (), "LESS", "FRX", FALSE);
  env = g_environ_setenv (env, "LV", "-c", FALSE);
  if (!g_spawn_async_with_fds (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                               &cli->pager, fds[0], -1, -1, &error))
    {
      g_debug ("not paging: %s", error->message);
      cli->pager = 0;
      close (fds[0]);
      close (fds[1]);
      return;
    }
  close (fds[0]);
  fflush (stdout);
  dup2 (fds[1], STDOUT_FILENO);
  close (fds[1]);
  /* Leaving the pager early is no error: what is left to print goes nowhere. */
  signal (SIGPIPE, SIG_IGN);
}

void
jt_cli_finish_pager (JtCli *cli)
{
  if (cli->pager == 0)
    return;
  fflush (stdout);
  /* The pager sees the end of its input only once no copy of the pipe is left. */
  close (STDOUT_FILENO);
  while (waitpid (cli->pager, NULL, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (cli->pager);
  cli->pager = 0;
}

char *
jt_cli_fit (JtCli *cli, const char *text, int indent)
{
  if (cli->width <= 0)
    return g_strdup (text);
  return jt_display_fit (text, cli->width - indent, NULL);
}

void
jt_cli_print_json (JsonBuilder *builder)
{
  g_autofree char *text = jt_json_to_string (builder);

  fputs (text, stdout);
}

char *
jt_cli_format_time (JtCli *cli, gint64 unix_seconds)
{
  return jt_time_format_human (unix_seconds, cli->tz);
}

char *
jt_cli_format_day_or_time (JtCli *cli, gint64 unix_seconds, gboolean day_alone)
{
  g_autoptr (GDateTime) utc = NULL;

  if (unix_seconds == 0)
    return NULL;
  if (!day_alone)
    return jt_cli_format_time (cli, unix_seconds);
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%d") : NULL;
}

void
jt_cli_print_posting_facts (JtCli *cli, const JtSavedPosting *posting)
{
  g_autofree char *posted
      = jt_cli_format_day_or_time (cli, posting->posted_at, posting->posted_on_day);
  g_autofree char *closes
      = jt_cli_format_day_or_time (cli, posting->closes_at, posting->closes_on_day);

  jt_cli_print_field (cli, _ ("Location"), posting->location);
  jt_cli_print_field (cli, _ ("Employment"), posting->employment_type);
  jt_cli_print_field (cli, _ ("Salary"), posting->salary);
  jt_cli_print_field (cli, _ ("Posted"), posted);
  jt_cli_print_field (cli, _ ("Closes"), closes);
  jt_cli_print_field (cli, _ ("Address"), posting->url);
}

char *
jt_cli_text (const char *text, gboolean single_line)
{
  /* The one rule set of jt-text.h, so the terminal is no laxer than the other outputs. */
  return jt_text_clean (text != NULL ? text : "", single_line ? JT_TEXT_ONE_LINE : JT_TEXT_LINES,
                        -1);
}

void
jt_cli_print_field (JtCli *cli, const char *label, const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL || *value == '\0')
    return;
  shown = jt_cli_text (value, FALSE);
  if (cli->color)
    printf ("  \033[1m%s:\033[0m %s\n", label, shown);
  else
    printf ("  %s: %s\n", label, shown);
}

void
jt_cli_print_heading (JtCli *cli, const char *text)
{
  g_autofree char *shown = jt_cli_text (text, TRUE);

  if (cli->color)
    printf ("\033[1m%s\033[0m\n", shown);
  else
    printf ("%s\n", shown);
}

struct _JtTable
{
  guint columns;
  GPtrArray *cells; /* row-major, columns per row, the first row the headers */
};

static char *
one_line (const char *text)
{
  return jt_cli_text (text, TRUE);
}

JtTable *
jt_table_new (const char *first_header, ...)
{
  JtTable *table = g_new0 (JtTable, 1);
  va_list args;

  table->cells = g_ptr_array_new_with_free_func (g_free);
  va_start (args, first_header);
  for (const char *h = first_header; h != NULL; h = va_arg (args, const char *))
    {
      g_ptr_array_add (table->cells, g_strdup (h));
      table->columns++;
    }
  va_end (args);
  return table;
}

void
jt_table_add_row (JtTable *table, const char *first_cell, ...)
{
  va_list args;

  g_ptr_array_add (table->cells, one_line (first_cell));
  va_start (args, first_cell);
  for (guint i = 1; i < table->columns; i++)
    g_ptr_array_add (table->cells, one_line (va_arg (args, const char *)));
  va_end (args);
}

/* Narrows the widest columns, one terminal column at a time, until a row fits the
 * terminal; no column goes below its header or 6 columns. */
static void
fit_widths (JtTable *table, glong *widths, int room)
{
  glong total = 2 * (glong) (table->columns - 1);

  for (guint c = 0; c < table->columns; c++)
    total += widths[c];
  while (total > room)
    {
      guint widest = table->columns;

      for (guint c = 0; c < table->columns; c++)
        {
          glong floor = MAX (6, jt_display_width (g_ptr_array_index (table->cells, c)));

          if (widths[c] > floor && (widest == table->columns || widths[c] > widths[widest]))
            widest = c;
        }
      if (widest == table->columns)
        break;
      widths[widest]--;
      total--;
    }
}

void
jt_table_print (JtTable *table, JtCli *cli)
{
  g_autofree glong *widths = g_new0 (glong, table->columns);
  guint rows = table->cells->len / table->columns;

  for (guint i = 0; i < table->cells->len; i++)
    widths[i % table->columns]
        = MAX (widths[i % table->columns], jt_display_width (g_ptr_array_index (table->cells, i)));
  if (cli->width > 0)
    fit_widths (table, widths, cli->width);
  for (guint r = 0; r < rows; r++)
    {
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->columns; c++)
        {
          const char *cell = g_ptr_array_index (table->cells, r * table->columns + c);
          gboolean last = c + 1 == table->columns;
          /* Cut to the column, on a terminal only (widths were fitted to it): scripts get
           * every character. */
          g_autofree char *shown = jt_display_fit (cell, widths[c], NULL);

          if (last)
            g_string_append (line, shown);
          else
            jt_display_pad (line, shown, widths[c] + 2);
        }
      if (r == 0 && cli->color)
        printf ("\033[1m%s\033[0m\n", line->str);
      else
        printf ("%s\n", line->str);
    }
}

void
jt_table_free (JtTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->cells);
  g_free (table);
}
