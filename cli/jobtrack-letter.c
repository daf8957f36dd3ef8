/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-letter.c: `jobtrack letter KIND ...`, a letter draft built from the records. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jobtrack-commands.h"
#include "jt-atomic-file.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-letter.h"

#define LETTER_USAGE                                                                               \
  "KIND (--reminder ID | --interview ID --to CONTACT | --app ID --to CONTACT | --to CONTACT) "     \
  "[--tone formal|friendly] [-o FILE] [--mailto] [--edit] [--json]"

static void
print_fields (void)
{
  printf (_ ("Fields a letter template may name as {field}, and the gap left when the records "
             "lack it:\n"));
  for (const JtLetterField *f = jt_letter_fields (); f->name != NULL; f++)
    printf (_ ("  %-15s %s\n  %-15s gap: %s\n"), f->name, _ (f->meaning), "", f->gap);
}

/* The editor a person asked for: $VISUAL, $EDITOR, else the system's choice. New argv. */
static GStrv
editor_argv (const char *file, GError **error)
{
  const char *fallbacks[] = { "sensible-editor", "editor", "nano", "vi" };
  const char *chosen = g_getenv ("VISUAL");
  g_auto (GStrv) words = NULL;
  g_autoptr (GStrvBuilder) argv = g_strv_builder_new ();

  if (chosen == NULL || *chosen == '\0')
    chosen = g_getenv ("EDITOR");
  if (chosen != NULL && *chosen != '\0')
    {
      if (!g_shell_parse_argv (chosen, NULL, &words, NULL))
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot read the editor command '%s'"),
                       chosen);
          return NULL;
        }
      g_strv_builder_addv (argv, (const char **) words);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (fallbacks) && words == NULL; i++)
        {
          g_autofree char *found = g_find_program_in_path (fallbacks[i]);

          if (found != NULL)
            {
              g_strv_builder_add (argv, found);
              words = g_new0 (char *, 1);
            }
        }
      if (words == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                       _ ("no text editor found; set $EDITOR (the draft is in %s)"), file);
          return NULL;
        }
    }
  g_strv_builder_add (argv, file);
  return g_strv_builder_end (argv);
}

/* Opens `file` in the editor and waits for it to end. */
static gboolean
edit_file (const char *file, GError **error)
{
  g_auto (GStrv) argv = editor_argv (file, error);
  g_autoptr (GError) local_error = NULL;
  int status;

  if (argv == NULL)
    return FALSE;
  fflush (stdout);
  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN, NULL,
                     NULL, NULL, NULL, &status, &local_error)
      || !g_spawn_check_wait_status (status, &local_error))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   _ ("the editor %s failed: %s (the draft is in %s)"), argv[0],
                   local_error->message, file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_file (const char *path, const char *text, GError **error)
{
  return jt_atomic_file_write (path, text, strlen (text), error);
}

/* A new file for a draft that has no -o: it stays after the editor closes. */
static char *
new_draft_file (JtLetterKind kind, GError **error)
{
  g_autofree char *template
      = g_strdup_printf ("jobtrack-%s-XXXXXX.txt", jt_letter_kind_to_string (kind));
  g_autoptr (GError) local_error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &local_error);

  if (fd < 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot make a draft file: %s"),
                   local_error->message);
      return NULL;
    }
  close (fd);
  return path;
}

static void
print_json (const JtLetter *letter, const char *text, const char *mailto)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "to_name");
  if (letter->to_name != NULL)
    json_builder_add_string_value (builder, letter->to_name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "to_email");
  if (letter->to_email != NULL)
    json_builder_add_string_value (builder, letter->to_email);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, letter->subject);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, letter->body);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "mailto");
  json_builder_add_string_value (builder, mailto);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

/* Says, after the draft, what fills its "[your name]". Returns JT_EXIT_OK. */
static int
hint_name (gboolean hint)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  if (!hint)
    return JT_EXIT_OK;
  fflush (stdout);
  path = jt_config_default_path ();
  shown = g_filename_display_name (path);
  /* TRANSLATORS: [user], name, email and phone are config.ini's words. */
  g_printerr (_ ("jobtrack: note: the letter is signed [your name]: set name (and email, phone) "
                 "under [user] in %s to sign it\n"),
              shown);
  return JT_EXIT_OK;
}

int
jt_cmd_letter (JtCli *cli, int argc, char **argv)
{
  g_autofree char *reminder = NULL, *interview = NULL, *app = NULL, *to = NULL, *tone = NULL;
  g_autofree char *output = NULL;
  gboolean mailto = FALSE, edit = FALSE, json = FALSE, fields = FALSE;
  const GOptionEntry entries[] = {
    { "reminder", 0, 0, G_OPTION_ARG_STRING, &reminder, N_ ("The letter this reminder calls for"),
      "ID" },
    { "interview", 0, 0, G_OPTION_ARG_STRING, &interview, N_ ("About this interview (with --to)"),
      "ID" },
    { "app", 0, 0, G_OPTION_ARG_STRING, &app, N_ ("About this application (with --to)"), "ID" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("To this contact"), "CONTACT" },
    { "tone", 0, 0, G_OPTION_ARG_STRING, &tone,
      N_ ("formal or friendly (default: friendly to someone you hit it off with)"), "TONE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write the draft to FILE"), "FILE" },
    { "mailto", 0, 0, G_OPTION_ARG_NONE, &mailto,
      N_ ("Print a mailto: URI with the address, subject and body"), NULL },
    { "edit", 0, 0, G_OPTION_ARG_NONE, &edit, N_ ("Open the draft in $EDITOR"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "fields", 0, 0, G_OPTION_ARG_NONE, &fields, N_ ("List the fields templates may use"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  JtLetterRequest request = { .tone = JT_LETTER_TONE_AUTO };
  g_autoptr (JtLetter) letter = NULL;
  g_autofree char *text = NULL, *uri = NULL, *file = NULL;
  GError *error = NULL;
  JtStore *store;
  guint sources;
  gboolean hint;

  if (!jt_cli_parse_options (
          cli, "letter", LETTER_USAGE,
          _ ("Draft a letter from the records: thanks, follow-up, bring-forward, after-rejection, "
             "recontact, references or network-update. Facts the records lack are left as "
             "[marked gaps]. Templates: $XDG_CONFIG_HOME/jobtrack/letters/KIND.txt or "
             "KIND.TONE.txt override the built-in ones (see --fields)."),
          entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (fields)
    {
      print_fields ();
      return JT_EXIT_OK;
    }
  sources = (reminder != NULL) + (interview != NULL) + (app != NULL);
  if (!jt_cli_expect_args (argc, 1, "letter " LETTER_USAGE, &error)
      || !jt_letter_kind_parse (argv[1], &request.kind, &error)
      || (tone != NULL && !jt_letter_tone_parse (tone, &request.tone, &error))
      || (reminder != NULL
          && !jt_cli_parse_id (reminder, _ ("a reminder"), &request.reminder_id, &error))
      || (interview != NULL
          && !jt_cli_parse_id (interview, _ ("an interview"), &request.interview_id, &error))
      || (app != NULL
          && !jt_cli_parse_id (app, _ ("an application"), &request.application_id, &error))
      || (to != NULL && !jt_cli_parse_id (to, _ ("a contact"), &request.contact_id, &error)))
    return jt_cli_fail (error);
  if (sources > 1 || (sources == 0 && to == NULL))
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("say what the letter is about: one of --reminder ID, "
                                        "--interview ID --to CONTACT, --app ID --to CONTACT")));
  if ((interview != NULL || app != NULL) && to == NULL)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("whom is the letter to? add --to CONTACT")));
  if (mailto + edit + json > 1)
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("--mailto, --edit and --json go one at a time")));

  request.now = g_date_time_to_unix (cli->now);
  if ((request.config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (letter = jt_letter_build (store, &request, cli->tz, &error)) == NULL)
    return jt_cli_fail (error);
  /* a program reading --json, or stderr, has no use for advice; a person does */
  hint = letter->name_missing && !json && isatty (STDERR_FILENO);
  text = jt_letter_to_text (letter);
  uri = jt_letter_to_mailto (letter);

  if (edit)
    {
      file = output != NULL ? g_strdup (output) : new_draft_file (request.kind, &error);
      if (file == NULL || !write_file (file, text, &error) || !edit_file (file, &error))
        return jt_cli_fail (error);
      printf (_ ("The draft is in %s\n"), file);
      return hint_name (hint);
    }
  if (json)
    {
      print_json (letter, text, uri);
      return JT_EXIT_OK;
    }
  if (mailto && letter->to_email == NULL)
    g_printerr (_ ("jobtrack: note: %s has no email address in the records; the To field is "
                   "empty\n"),
                letter->to_name != NULL ? letter->to_name : _ ("the letter"));
  if (mailto)
    {
      g_autofree char *line = g_strconcat (uri, "\n", NULL);

      g_free (text);
      text = g_steal_pointer (&line);
    }
  if (output != NULL)
    {
      if (!write_file (output, text, &error))
        return jt_cli_fail (error);
      return hint_name (hint);
    }
  fputs (text, stdout);
  return hint_name (hint);
}
