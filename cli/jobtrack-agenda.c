/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-agenda.c: `jobtrack agenda`, the follow-ups that are due. Reading only: it
 * never derives or writes, so two calls in a row print the same. */
#include <inttypes.h>
#include <stdio.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-json.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"
#include "jt-time.h"

static void
print_item (JtCli *cli, const JtReminder *reminder)
{
  g_autofree char *relative = jt_cli_format_relative (cli, reminder->fire_at);
  g_autofree char *absolute = jt_cli_format_time (cli, reminder->fire_at);
  g_autoptr (GString) who = g_string_new (NULL);
  g_autofree char *title_text = jt_cli_text (reminder->title, TRUE);
  g_autofree char *title = jt_cli_fit (cli, title_text, 7);
  g_autofree char *who_shown = NULL;

  printf ("%5" G_GINT64_FORMAT "  %s (%s)%s\n", reminder->id, relative, absolute,
          reminder->state == JT_REMINDER_SNOOZED ? _ (", snoozed") : "");
  printf ("       %s\n", title);
  if (reminder->contact_name != NULL)
    {
      g_string_append (who, reminder->contact_name);
      if (reminder->contact_phone != NULL)
        g_string_append_printf (who, ", %s", reminder->contact_phone);
      if (reminder->contact_email != NULL)
        g_string_append_printf (who, ", %s", reminder->contact_email);
    }
  if (reminder->application_id != 0)
    /* TRANSLATORS: "Globex, SRE (application 3)"; the company and role come first. */
    g_string_append_printf (
        who, _ ("%s%s%s%s (application %" PRId64 ")"), who->len > 0 ? " · " : "", reminder->company,
        *reminder->role != '\0' ? ", " : "", reminder->role, reminder->application_id);
  who_shown = jt_cli_text (who->str, TRUE);
  if (who->len > 0)
    {
      g_autofree char *line = jt_cli_fit (cli, who_shown, 7);

      printf ("       %s\n", line);
    }
}

static void
print_text (JtCli *cli, const GPtrArray *reminders, int days, gboolean all)
{
  gint64 now = g_date_time_to_unix (cli->now);
  guint overdue = 0;

  if (reminders->len == 0)
    {
      if (all)
        printf (_ ("Nothing to follow up.\n"));
      else
        printf (g_dngettext (GETTEXT_PACKAGE, "Nothing due in the next %d day.\n",
                             "Nothing due in the next %d days.\n", (gulong) days),
                days);
      return;
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      const JtReminder *reminder = g_ptr_array_index (reminders, i);
      gboolean late = reminder->fire_at <= now;

      if (i == 0 && late)
        jt_cli_print_heading (cli, _ ("Overdue"));
      if (!late && (i == 0 || overdue == i))
        {
          if (i > 0)
            printf ("\n");
          jt_cli_print_heading (cli, _ ("Coming up"));
        }
      overdue += late;
      print_item (cli, reminder);
    }
}

int
jt_cmd_agenda (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  int days = 14;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_ ("How far ahead to look (default 14)"), "N" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_ ("Every open follow-up, whatever its date"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GPtrArray) reminders = NULL;
  GError *error = NULL;
  JtStore *store;
  const JtConfig *config;
  gint64 until;

  if (!jt_cli_parse_options (cli, "agenda", "[--days N] [--all] [--json]",
                             _ ("The follow-ups that are due: overdue first, then those coming "
                                "up."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "agenda [--days N] [--all] [--json]", &error))
    return jt_cli_fail (error);
  if (days < 0 || days > 36500)
    return jt_cli_fail (
        g_error_new (JT_ERROR, JT_ERROR_INVALID, _ ("--days must be 0 to 36500, not %d"), days));
  until = all ? G_MAXINT64 : g_date_time_to_unix (cli->now) + (gint64) days * JT_DAY_SECONDS;
  if ((store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (reminders = jt_store_reminder_list_open (store, until, &error)) == NULL)
    return jt_cli_fail (error);
  config = jt_cli_config (cli, NULL);
  if (json)
    {
      jt_reminder_text_render_all (reminders, config);
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < reminders->len; i++)
        jt_json_add_reminder (builder, g_ptr_array_index (reminders, i), cli->tz);
      json_builder_end_array (builder);
      jt_cli_print_json (builder);
    }
  else
    {
      /* The text prints titles, not details. */
      for (guint i = 0; i < reminders->len; i++)
        jt_reminder_text_render_title (g_ptr_array_index (reminders, i), config);
      jt_cli_start_pager (cli);
      print_text (cli, reminders, days, all);
    }
  return JT_EXIT_OK;
}
