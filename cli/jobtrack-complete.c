/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-complete.c: `jobtrack __complete WORD…`, the one brain behind the bash, zsh
 * and fish completions. Given the words typed after `jobtrack` (the last one being
 * completed, maybe empty), it prints the candidates as "value<TAB>description" lines,
 * or the single line ":files" when a file name is wanted.
 *
 * Commands and options are read from the program's own --help, so they never drift from
 * the code; live values (ids, names, companies) come from the database. Hidden from
 * `jobtrack --help`; it never writes, and an unreadable database completes nothing. */
#include <stdio.h>
#include <string.h>

#include "jobtrack-commands.h"
#include "jt-i18n.h"
#include "jt-paths.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"
#include "jt-store-completion.h"

/* An option as --help lists it. */
typedef struct
{
  char *name;       /* "--output" */
  char *short_name; /* "-o", or NULL */
  gboolean takes_value;
  char *description;
} HelpOption;

static void
help_option_free (HelpOption *option)
{
  g_free (option->name);
  g_free (option->short_name);
  g_free (option->description);
  g_free (option);
}

/* The --help of `jobtrack WORDS…`, from this very binary. New string, or NULL. */
static char *
help_of (char **words, guint n_words)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) "/proc/self/exe");
  for (guint i = 0; i < n_words; i++)
    g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, (gpointer) "--help");
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* The "name<TAB>summary" lines of a help's "Commands:" section; empty for a command that
 * is not a group. */
static GPtrArray *
help_commands (const char *help)
{
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = g_strsplit (help != NULL ? help : "", "\n", -1);
  gboolean inside = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;

      /* The help is in the person's language; the heading as translated, or as written. */
      if (g_str_equal (lines[i], _ ("Commands:")) || g_str_equal (lines[i], "Commands:"))
        {
          inside = TRUE;
          continue;
        }
      if (!inside)
        continue;
      if (!g_str_has_prefix (lines[i], "  "))
        break;
      parts = g_strsplit (g_strstrip (lines[i]), " ", 2);
      g_ptr_array_add (commands, g_strdup_printf ("%s\t%s", parts[0],
                                                  parts[1] != NULL ? g_strstrip (parts[1]) : ""));
    }
  return commands;
}

/* The options of a GOption --help: "  -y, --yes    Do not ask", "  --app=ID   …". */
static GPtrArray *
help_options (const char *help)
{
  GPtrArray *options = g_ptr_array_new_with_free_func ((GDestroyNotify) help_option_free);
  g_auto (GStrv) lines = g_strsplit (help != NULL ? help : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *name = strstr (line, "--");
      char *end;
      HelpOption *option;

      if (*line != '-' || name == NULL || (name != line && !g_str_has_prefix (line + 2, ", ")))
        continue;
      for (end = name + 2; g_ascii_isalnum (*end) || *end == '-'; end++)
        ;
      option = g_new0 (HelpOption, 1);
      option->name = g_strndup (name, end - name);
      if (name != line)
        option->short_name = g_strndup (line, 2);
      option->takes_value = *end == '=';
      while (*end != '\0' && *end != ' ')
        end++;
      /* A metavariable may hold spaces ("Name <email>, Title"): the description follows
       * the run of blanks that aligns the column. */
      end = strstr (end, "  ") != NULL ? strstr (end, "  ") : end;
      option->description = g_strdup (g_strstrip (end));
      g_ptr_array_add (options, option);
    }
  return options;
}

static const HelpOption *
find_option (const GPtrArray *options, const char *name)
{
  for (guint i = 0; i < options->len; i++)
    {
      const HelpOption *option = g_ptr_array_index (options, i);

      if (g_str_equal (option->name, name) || g_strcmp0 (option->short_name, name) == 0)
        return option;
    }
  return NULL;
}

/* The candidates printed, with `prefix` ("--status=") before each value. */
static void
print_candidate (const char *prefix, const char *value, const char *description)
{
  printf ("%s%s\t%s\n", prefix, value, description != NULL ? description : "");
}

/* The open follow-ups, as the agenda words them, with the company when the words do not
 * name it (a reminder of one's own may not). */
static void
print_reminders (JtCli *cli, JtStore *store, const char *prefix)
{
  g_autoptr (GPtrArray) open = jt_store_reminder_list_open (store, G_MAXINT64, NULL);

  if (open == NULL)
    return;
  jt_reminder_text_render_all (open, jt_cli_config (cli, NULL));
  for (guint i = 0; i < open->len; i++)
    {
      const JtReminder *reminder = g_ptr_array_index (open, i);
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, reminder->id);
      g_autofree char *description = NULL;

      if (reminder->company == NULL || strstr (reminder->title, reminder->company) != NULL)
        description = g_strdup (reminder->title);
      else
        description = g_strdup_printf ("%s · %s", reminder->title, reminder->company);
      print_candidate (prefix, value, description);
    }
}

static void
print_live (JtCli *cli, const char *db, JtCompletionKind kind, const char *prefix)
{
  g_autofree char *path = jt_paths_database (db);
  g_autoptr (JtStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;

  /* Completing never creates, migrates or writes a database. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)
      || (store = jt_store_open (path, JT_STORE_READ_ONLY, NULL, NULL, NULL)) == NULL)
    return;
  if (kind == JT_COMPLETE_REMINDERS)
    {
      print_reminders (cli, store, prefix);
      return;
    }
  if ((found = jt_store_completions (store, kind, cli->tz, NULL)) == NULL)
    return;
  for (guint i = 0; i < found->len; i++)
    {
      const JtCompletion *completion = g_ptr_array_index (found, i);

      print_candidate (prefix, completion->value, completion->description);
    }
}

/* A fixed set of names: statuses, roles, kinds. */
static void
print_names (const char *const *names, const char *prefix)
{
  for (guint i = 0; names[i] != NULL; i++)
    print_candidate (prefix, names[i], NULL);
}

/* A comma list ("applied,inter"): the names not given yet, after what is typed up to
 * its last comma. */
static void
print_list_names (const char *const *names, const char *prefix, const char *typed)
{
  const char *comma = strrchr (typed, ',');
  g_autofree char *head = comma != NULL ? g_strndup (typed, comma + 1 - typed) : g_strdup ("");
  g_auto (GStrv) given = g_strsplit (head, ",", -1);
  g_autofree char *full_prefix = g_strconcat (prefix, head, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint g = 0; given[g] != NULL; g++)
        seen |= g_str_equal (g_strstrip (given[g]), names[i]);
      if (!seen)
        print_candidate (full_prefix, names[i], NULL);
    }
}

static const char *const statuses[] = { "lead",     "applied",  "interviewing", "offer", "accepted",
                                        "declined", "rejected", "withdrawn",    NULL };
static const char *const roles[]
    = { "decision-maker", "influencer", "hr", "recruiter", "reference", NULL };
static const char *const interview_kinds[] = { "phone", "video", "onsite", "panel", "final", NULL };
static const char *const touch_kinds[] = { "letter", "email", "call", "meeting", NULL };
static const char *const document_kinds[]
    = { "resume", "cover-letter", "portfolio", "posting", "other", NULL };
static const char *const offer_states[] = { "open", "negotiating", "accepted", "declined", NULL };
static const char *const outcomes[]
    = { "offer", "rejected", "accepted", "declined", "withdrawn", NULL };
/* A few of the forms the date grammar reads, as a reminder of what it takes. */
static const char *const whens[] = { "now",          "today",     "tomorrow", "yesterday", "monday",
                                     "friday 14:00", "in 3 days", "+1w",      "-2d",       NULL };
static const char *const durations[] = { "1h", "3h", "1d", "2d", "1w", NULL };

/* Completes the value of `option` of the command `path` ("touch add"); `typed` is what
 * the value has so far. */
static void
complete_value (JtCli *cli, const char *db, const char *path, const HelpOption *option,
                const char *prefix, const char *typed)
{
  const char *name = option->name;

  /* The options that take a comma list. */
  if (g_str_equal (name, "--status") && g_str_equal (path, "app list"))
    print_list_names (statuses, prefix, typed);
  else if (g_str_equal (name, "--roles")
           || (g_str_equal (name, "--role") && g_str_equal (path, "contact list")))
    print_list_names (roles, prefix, typed);
  else if (g_str_equal (name, "--app"))
    print_live (cli, db, JT_COMPLETE_APPLICATIONS, prefix);
  else if (g_str_equal (name, "--contact"))
    print_live (cli, db, JT_COMPLETE_CONTACTS, prefix);
  else if (g_str_equal (name, "--with") || g_str_equal (name, "--decision-maker")
           || g_str_equal (name, "--influencer"))
    print_live (cli, db, JT_COMPLETE_CONTACT_NAMES, prefix);
  else if (g_str_equal (name, "--company"))
    print_live (cli, db, JT_COMPLETE_COMPANIES, prefix);
  else if (g_str_equal (name, "--status"))
    print_names (statuses, prefix);
  else if (g_str_equal (name, "--role") || g_str_equal (name, "--roles"))
    print_names (roles, prefix);
  else if (g_str_equal (name, "--kind") && g_str_equal (path, "app attach"))
    print_names (document_kinds, prefix);
  else if (g_str_equal (name, "--kind"))
    print_names (g_str_has_prefix (path, "touch") ? touch_kinds : interview_kinds, prefix);
  else if (g_str_equal (name, "--resume"))
    print_live (cli, db, JT_COMPLETE_RESUME_VERSIONS, prefix);
  else if (g_str_equal (name, "--state"))
    print_names (offer_states, prefix);
  else if (g_str_equal (name, "--duration"))
    print_names (durations, prefix);
  else if (g_str_equal (name, "--db") || g_str_equal (name, "--output")
           || g_str_equal (name, "--csv"))
    printf (":files\n");
  else if (strstr (option->description, "WHEN") != NULL || g_str_equal (name, "--at")
           || g_str_equal (name, "--on") || g_str_equal (name, "--due")
           || g_str_equal (name, "--since") || g_str_equal (name, "--decision")
           || g_str_equal (name, "--deadline") || g_str_equal (name, "--received")
           || g_str_equal (name, "--start") || g_str_equal (name, "--may-call"))
    print_names (whens, prefix);
}

/* Completes the `index`th positional argument (from 0) of the command `path`. */
static void
complete_positional (JtCli *cli, const char *db, const char *path, guint index)
{
  static const char *const app_first[]
      = { "show",       "app show",  "app edit", "app rm",  "outcome", "app attach",
          "app detach", "app files", "open",     "posting", NULL };
  static const char *const interview_first[]
      = { "interview show", "interview edit", "interview rm", NULL };
  static const char *const contact_first[] = { "contact show", "contact edit", "contact rm", NULL };
  static const char *const reminder_first[] = { "done", "snooze", "dismiss", NULL };

  if (index == 0 && g_strv_contains (app_first, path))
    print_live (cli, db, JT_COMPLETE_APPLICATIONS, "");
  else if (index == 0 && g_strv_contains (interview_first, path))
    print_live (cli, db, JT_COMPLETE_INTERVIEWS, "");
  else if (index == 0 && g_strv_contains (contact_first, path))
    print_live (cli, db, JT_COMPLETE_CONTACTS, "");
  else if (index == 0 && g_str_equal (path, "offer edit"))
    print_live (cli, db, JT_COMPLETE_OFFERS, "");
  else if (index == 0 && g_strv_contains (reminder_first, path))
    print_live (cli, db, JT_COMPLETE_REMINDERS, "");
  else if (index == 1 && g_str_equal (path, "outcome"))
    print_names (outcomes, "");
  else if (index == 1 && g_str_equal (path, "snooze"))
    {
      print_names (durations, "");
      print_names (whens, "");
    }
  else if ((index == 0
            && (g_str_equal (path, "import") || g_str_equal (path, "resume add")
                || g_str_equal (path, "capture")))
           || (index > 0 && g_str_equal (path, "app attach")))
    printf (":files\n");
}

static void
print_options (const GPtrArray *options)
{
  for (guint i = 0; i < options->len; i++)
    {
      const HelpOption *option = g_ptr_array_index (options, i);

      print_candidate ("", option->name, option->description);
    }
}

int
jt_cmd_complete (JtCli *cli, int argc, char **argv)
{
  char **words = argv + 1;
  guint n = argc > 1 ? (guint) argc - 1 : 0;
  const char *current;
  const char *db = cli->db_option;
  g_autoptr (GPtrArray) commands = NULL;
  g_autoptr (GPtrArray) options = NULL;
  g_autofree char *top_help = NULL;
  g_autofree char *help = NULL;
  g_autofree char *path = NULL;
  g_autofree char *value_prefix = NULL;
  guint first = 0;
  guint start;
  guint positional = 0;
  const char *equals;

  if (n == 0)
    return JT_EXIT_OK;
  current = words[n - 1];

  /* The program's own options before the command. */
  while (first + 1 < n && words[first][0] == '-')
    {
      if (g_str_equal (words[first], "--db") && first + 2 < n)
        db = words[++first];
      else if (g_str_has_prefix (words[first], "--db="))
        db = words[first] + strlen ("--db=");
      else if (g_str_equal (words[first], "--db"))
        {
          printf (":files\n");
          return JT_EXIT_OK;
        }
      first++;
    }
  if (first + 1 == n)
    {
      if (current[0] == '-')
        {
          print_candidate ("", "--db", _ ("Use this database"));
          print_candidate ("", "--no-pager", _ ("Do not page long listings"));
          print_candidate ("", "--version", _ ("Print the version"));
          print_candidate ("", "--help", _ ("Print the help"));
          return JT_EXIT_OK;
        }
      top_help = help_of (NULL, 0);
      commands = help_commands (top_help);
      for (guint i = 0; i < commands->len; i++)
        puts (g_ptr_array_index (commands, i));
      return JT_EXIT_OK;
    }

  /* A group (app, contact, …) takes a command of its own next. */
  help = help_of (words + first, 1);
  commands = help_commands (help);
  start = first + 1;
  if (commands->len > 0)
    {
      if (start + 1 == n)
        {
          for (guint i = 0; i < commands->len; i++)
            puts (g_ptr_array_index (commands, i));
          return JT_EXIT_OK;
        }
      g_free (help);
      help = help_of (words + first, 2);
      start++;
    }
  path = g_strjoinv (
      " ", (char *[]){ words[first], start - first == 2 ? words[first + 1] : NULL, NULL });
  options = help_options (help);

  /* What came before the current word: options (with their values) and positionals. */
  for (guint k = start; k + 1 < n; k++)
    {
      const HelpOption *option = find_option (options, words[k]);

      if (option != NULL && option->takes_value)
        {
          if (k + 2 == n)
            {
              complete_value (cli, db, path, option, "", current);
              return JT_EXIT_OK;
            }
          if (g_str_equal (option->name, "--db"))
            db = words[k + 1];
          k++;
        }
      else if (g_str_has_prefix (words[k], "--db="))
        db = words[k] + strlen ("--db=");
      else if (words[k][0] != '-' || words[k][1] == '\0')
        positional++;
    }
  if (g_str_has_prefix (current, "--") && (equals = strchr (current, '=')) != NULL)
    {
      g_autofree char *name = g_strndup (current, equals - current);
      const HelpOption *option = find_option (options, name);

      value_prefix = g_strndup (current, equals + 1 - current);
      if (option != NULL && option->takes_value)
        complete_value (cli, db, path, option, value_prefix, equals + 1);
      return JT_EXIT_OK;
    }
  if (current[0] == '-')
    print_options (options);
  else
    complete_positional (cli, db, path, positional);
  return JT_EXIT_OK;
}
