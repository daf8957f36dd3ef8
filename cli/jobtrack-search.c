/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-search.c: `jobtrack search TEXT` over applications, contacts, interviews and
 * touches, best match first. */
#include <stdio.h>
#include <string.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-search.h"
#include "jt-text.h"
#include "jt-time.h"

#define DEFAULT_LIMIT 20
/* Where a match starts and ends in a snippet: asked of the store as two private-use
 * characters (no record holds them), then shown as [ ] or, on a colour terminal, bold. */
#define MARK_OPEN "\xee\x80\x80"  /* U+E000 */
#define MARK_CLOSE "\xee\x80\x81" /* U+E001 */
#define BOLD_OPEN "\033[1m"
#define BOLD_CLOSE "\033[0m"

/* The snippet with its marks as `open` and `close`, on one line: runs of white space
 * and control characters (the assessment's empty answers, a record's line breaks,
 * anything that could drive a terminal) become one space. New string. */
static char *
show_marks (const char *snippet, const char *open, const char *close)
{
  g_autofree char *clean
      = jt_text_clean (snippet != NULL ? snippet : "", JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, -1);
  GString *text = g_string_new (NULL);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, MARK_OPEN) || g_str_has_prefix (p, MARK_CLOSE))
        {
          g_string_append (text, g_str_has_prefix (p, MARK_OPEN) ? open : close);
          p += strlen (MARK_OPEN) - 1;
        }
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
add_text_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (JtCli *cli, GPtrArray *hits)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      const JtSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *at = hit->at != 0 ? jt_time_format_iso (hit->at, cli->tz) : NULL;

      json_builder_begin_object (builder);
      add_text_member (builder, "kind", jt_search_kind_to_string (hit->kind));
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, hit->id);
      json_builder_set_member_name (builder, "application_id");
      if (hit->application_id != 0)
        json_builder_add_int_value (builder, hit->application_id);
      else
        json_builder_add_null_value (builder);
      add_text_member (builder, "company", hit->company);
      add_text_member (builder, "role", hit->role);
      add_text_member (builder, "status", hit->status);
      add_text_member (builder, "contact", hit->contact_name);
      add_text_member (builder, "what", hit->what);
      add_text_member (builder, "at", at);
      g_autofree char *snippet = show_marks (hit->snippet, "[", "]");

      add_text_member (builder, "snippet", snippet);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_double_value (builder, hit->rank);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  jt_cli_print_json (builder);
}

/* "Société Générale, Platform Engineer (applied)"; for a contact "Ingrid (Acme)". */
static char *
describe (JtCli *cli, const JtSearchHit *hit)
{
  GString *text = g_string_new (NULL);
  g_autofree char *at = hit->at != 0 ? jt_cli_format_time (cli, hit->at) : NULL;

  switch (hit->kind)
    {
    case JT_SEARCH_CONTACT:
      g_string_append (text, hit->contact_name);
      if (hit->company != NULL && *hit->company != '\0')
        g_string_append_printf (text, " (%s)", hit->company);
      return g_string_free (text, FALSE);
    case JT_SEARCH_INTERVIEW:
    case JT_SEARCH_TOUCH:
      g_string_append_printf (text, "%s %s", hit->what, at);
      if (hit->contact_name != NULL)
        /* TRANSLATORS: "phone interview 2026-12-01 14:00 with Raj Patel" */
        g_string_append_printf (text, _ (" with %s"), hit->contact_name);
      if (hit->application_id != 0)
        g_string_append (text, " — ");
      break;
    case JT_SEARCH_APPLICATION:
      break;
    }
  if (hit->application_id != 0)
    g_string_append_printf (text, "%s%s%s (%s)", hit->company, *hit->role != '\0' ? ", " : "",
                            hit->role, hit->status);
  return g_string_free (text, FALSE);
}

int
jt_cmd_search (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the matches as JSON"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_ ("Show at most N matches (default 20)"), "N" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "search", "TEXT… [--json] [--limit N]",
                             _ ("Find applications, contacts, interviews and touches by any word "
                                "in them, best match first. Case and accents do not matter; the "
                                "last word of each may be unfinished (\"kube\" finds "
                                "\"Kubernetes\"); every word must match."),
                             entries, &argc, &argv, &error))
    return jt_cli_fail (error);
  if (argc < 2)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("what should I look for? (search TEXT…)")));
  if (limit < 1)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--limit must be 1 or more, not %d"), limit));
  text = g_strjoinv (" ", argv + 1);
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (hits = jt_store_search (store, text, (guint) limit, MARK_OPEN, MARK_CLOSE, &error))
             == NULL)
    return jt_cli_fail (error);
  if (json)
    {
      print_json (cli, hits);
      return JT_EXIT_OK;
    }
  if (hits->len == 0)
    printf (_ ("Nothing matches '%s'.\n"), text);
  for (guint i = 0; i < hits->len; i++)
    {
      const JtSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *what = describe (cli, hit);
      g_autofree char *line = jt_text_clean_line (what);
      g_autofree char *snippet
          = show_marks (hit->snippet, cli->color ? BOLD_OPEN : "[", cli->color ? BOLD_CLOSE : "]");

      printf ("%s %" G_GINT64_FORMAT ": %s\n    %s\n", jt_search_kind_to_string (hit->kind),
              hit->id, line, snippet);
    }
  return JT_EXIT_OK;
}
