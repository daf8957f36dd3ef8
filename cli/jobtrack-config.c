/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-config.c: `jobtrack config`: the effective settings and where each came from.
 * It reads the config file only, never the database. */
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-config.h"
#include "jt-display-width.h"
#include "jt-i18n.h"

/* One setting as jt_config_foreach () gives it. */
typedef struct
{
  char *group;
  char *key;
  char *value;
  char *source;
} Row;

static void
row_free (Row *row)
{
  g_free (row->group);
  g_free (row->key);
  g_free (row->value);
  g_free (row->source);
  g_free (row);
}

static void
add_row (const char *group, const char *key, const char *value, const char *source,
         gpointer user_data)
{
  Row *row = g_new0 (Row, 1);

  row->group = g_strdup (group);
  row->key = g_strdup (key);
  row->value = g_strdup (value);
  row->source = g_strdup (source);
  g_ptr_array_add (user_data, row);
}

/* Prints `text` padded with spaces to `width` terminal columns (values may be UTF-8). */
static void
print_padded (const char *text, glong width)
{
  g_autoptr (GString) line = g_string_new (NULL);

  jt_display_pad (line, text, width);
  fputs (line->str, stdout);
}

static void
print_text (GPtrArray *rows)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  glong name_width = 0;
  glong value_width = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      char *name = g_strdup_printf ("[%s] %s", row->group, row->key);

      g_ptr_array_add (names, name);
      name_width = MAX (name_width, jt_display_width (name));
      value_width = MAX (value_width, jt_display_width (row->value));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      print_padded (g_ptr_array_index (names, i), name_width);
      fputs (" = ", stdout);
      print_padded (row->value, value_width);
      printf ("  (%s)\n", row->source);
    }
}

static void
print_json (GPtrArray *rows)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, row->group);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, row->key);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, row->value);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, row->source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  jt_cli_print_json (builder);
}

/* --path: only where the file is (or would be), so `$EDITOR "$(jobtrack config --path)"`
 * works whether or not it exists and whatever is wrong inside it. */
static void
print_path (gboolean json)
{
  g_autofree char *path = jt_config_default_path ();

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autofree char *shown = g_filename_display_name (path);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, shown);
      json_builder_end_object (builder);
      jt_cli_print_json (builder);
    }
  else
    printf ("%s\n", path);
}

int
jt_cmd_config (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  gboolean path_only = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "path", 0, 0, G_OPTION_ARG_NONE, &path_only, N_ ("Print only the config file's path"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtConfig) config = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GError *error = NULL;

  if (!jt_cli_parse_options (cli, "config", "[--json] [--path]",
                             _ ("Show the effective settings and where each came from: "
                                "'default' or the config file ($JOBTRACK_CONFIG, else "
                                "$XDG_CONFIG_HOME/jobtrack/config.ini)."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "config [--json] [--path]", &error))
    return jt_cli_fail (error);
  if (path_only)
    {
      print_path (json);
      return JT_EXIT_OK;
    }
  config = jt_config_load (NULL, &error);
  if (config == NULL)
    return jt_cli_fail (error);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  jt_config_foreach (config, add_row, rows);
  if (json)
    print_json (rows);
  else
    print_text (rows);
  return JT_EXIT_OK;
}
