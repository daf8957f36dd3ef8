/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-stats.c: `jobtrack stats [--since WHEN] [--json]`: how the search is going. */
#include <stdio.h>
#include <string.h>

#include "jobtrack-commands.h"
#include "jt-display-width.h"
#include "jt-i18n.h"
#include "jt-stats.h"
#include "jt-time.h"

#define DEFAULT_WIDTH 80
#define MIN_WIDTH 40
#define LABEL_WIDTH 14
#define GREEN "\033[32m"
#define RESET "\033[0m"

/* The width the bars fill: the terminal's (jt_cli_init_terminal); when stdout is not a
 * terminal, $COLUMNS if set (a script may ask for a width), else 80. */
static int
chart_width (JtCli *cli)
{
  const char *columns = g_getenv ("COLUMNS");
  gint64 value;

  if (cli->width > 0)
    return MAX (cli->width, MIN_WIDTH);
  if (columns != NULL && g_ascii_string_to_signed (columns, 10, 1, 10000, &value, NULL))
    return MAX ((int) value, MIN_WIDTH);
  return DEFAULT_WIDTH;
}

typedef struct
{
  JtCli *cli;
  int width;
  guint scale;    /* the largest count: a full bar */
  int note_width; /* the widest note after a bar, so that every bar has the same scale */
} Chart;

/* "  label        12 ██████████  50%": the bar fills what the label, count and note
 * leave of the width, in proportion to `count` / chart->scale. */
static void
print_bar (const Chart *chart, const char *label, guint count, const char *note)
{
  gboolean utf8 = g_get_charset (NULL);
  int room = chart->width - 2 - LABEL_WIDTH - 1 - 5 - 1
             - (chart->note_width > 0 ? chart->note_width + 1 : 0);
  int length
      = chart->scale > 0 && room > 0 ? (int) ((double) count * room / chart->scale + 0.5) : 0;
  glong used;
  g_autofree char *shown = jt_display_cut (label, LABEL_WIDTH, &used);

  printf ("  %s%*s %5u", shown, (int) (LABEL_WIDTH - used), "", count);
  if (length > 0)
    printf (" %s", chart->cli->color ? GREEN : "");
  for (int i = 0; i < length; i++)
    fputs (utf8 ? "█" : "#", stdout);
  if (chart->cli->color && length > 0)
    printf (RESET);
  printf ("%s%s\n", *note != '\0' ? " " : "", note);
}

static char *
percent (guint part, guint whole)
{
  return whole > 0 ? g_strdup_printf ("%.0f%%", 100.0 * part / whole) : g_strdup ("");
}

static void
print_days (const char *what, double days, guint count)
{
  if (count == 0)
    /* TRANSLATORS: %s is "First response" or "Decision". */
    printf (_ ("%s: no data yet\n"), what);
  else
    /* TRANSLATORS: "First response: median 4.5 days (3 applications)". */
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: median %.1f days (%u application)\n",
                         "%s: median %.1f days (%u applications)\n", count),
            what, days, count);
}

/* "Gone quiet (no news in 21 days): 2 — applications 4, 5", the ids wrapped to the width. */
static void
print_quiet (const Chart *chart, const JtStats *stats)
{
  g_autoptr (GString) line = g_string_new (NULL);

  g_string_printf (line, _ ("Gone quiet (no news in %d days): %u"), stats->quiet_days,
                   stats->quiet_ids->len);
  for (guint i = 0; i < stats->quiet_ids->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%" G_GINT64_FORMAT,
                                             /* TRANSLATORS: the ids follow, with commas. */
                                             i == 0 ? _ (" — applications ") : ", ",
                                             g_array_index (stats->quiet_ids, gint64, i));

      if (jt_display_width (line->str) + jt_display_width (id) > chart->width)
        {
          printf ("%s%s\n", line->str, i > 0 ? "," : "");
          g_string_assign (line, "  ");
          g_string_append (line, i > 0 ? id + 2 : id + 1);
        }
      else
        g_string_append (line, id);
    }
  printf ("%s\n", line->str);
}

/* Which résumé gets interviews: per version, its applications and the share of them
 * that reached an interview and an offer. Nothing when no version was named. */
static void
print_resumes (JtCli *cli, const JtStats *stats)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  Chart chart = { cli, chart_width (cli), 0, 0 };

  if (stats->resumes->len == 0)
    return;
  printf ("\n%s\n", _ ("By résumé version"));
  for (guint i = 0; i < stats->resumes->len; i++)
    {
      const JtResumeStats *resume = stats->resumes->pdata[i];
      g_autofree char *interviewed
          = percent (resume->reached[JT_STAGE_INTERVIEW], resume->applications);
      g_autofree char *offered = percent (resume->reached[JT_STAGE_OFFER], resume->applications);
      char *note;

      if (resume->applications > 0)
        /* TRANSLATORS: "3 interviewed (75%), 1 offered (25%)" of a résumé's applications. */
        note = g_strdup_printf (_ ("%u interviewed (%s), %u offered (%s)"),
                                resume->reached[JT_STAGE_INTERVIEW], interviewed,
                                resume->reached[JT_STAGE_OFFER], offered);
      else
        note = g_strdup (_ ("not sent yet"));
      chart.scale = MAX (chart.scale, resume->applications);
      chart.note_width = MAX (chart.note_width, (int) jt_display_width (note));
      g_ptr_array_add (notes, note);
    }
  for (guint i = 0; i < stats->resumes->len; i++)
    {
      const JtResumeStats *resume = stats->resumes->pdata[i];
      g_autofree char *name = jt_cli_text (resume->name, TRUE);

      print_bar (&chart, name, resume->applications, notes->pdata[i]);
    }
}

static void
print_text (JtCli *cli, const JtStats *stats)
{
  g_autoptr (GPtrArray) notes = NULL;
  Chart chart = { cli, chart_width (cli), 0, 0 };

  if (stats->since != 0)
    {
      g_autofree char *since = jt_time_format_iso (stats->since, cli->tz);

      /* TRANSLATORS: %.10s is a day, 2026-12-04. */
      printf (_ ("Applications recorded since %.10s: %u\n"), since, stats->applications);
    }
  else
    printf (_ ("Applications: %u\n"), stats->applications);
  if (stats->applications == 0)
    return;

  printf ("\n%s\n", _ ("By status"));
  for (guint s = 0; s < G_N_ELEMENTS (stats->by_status); s++)
    chart.scale = MAX (chart.scale, stats->by_status[s]);
  for (guint s = 0; s < G_N_ELEMENTS (stats->by_status); s++)
    print_bar (&chart, jt_status_to_string ((JtStatus) s), stats->by_status[s], "");

  printf ("\n%s\n", _ ("Funnel (share of the stage before)"));
  chart.scale = stats->reached[JT_STAGE_APPLIED];
  chart.note_width = (int) strlen ("100%");
  for (guint s = 0; s < JT_STAGE_COUNT; s++)
    {
      g_autofree char *rate
          = s > 0 ? percent (stats->reached[s], stats->reached[s - 1]) : g_strdup ("");

      print_bar (&chart, jt_stage_to_string ((JtStage) s), stats->reached[s], rate);
    }

  printf ("\n");
  print_days (_ ("First response"), stats->median_days_to_response, stats->responses);
  print_days (_ ("Decision"), stats->median_days_to_decision, stats->decisions);
  printf (_ ("Follow-ups done: %u on time, %u late; %u overdue\n"), stats->follow_ups_on_time,
          stats->follow_ups_late, stats->follow_ups_overdue);
  print_quiet (&chart, stats);
  printf ("\n%s\n", _ ("By source"));
  chart.scale = 0;
  notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < stats->sources->len; i++)
    {
      const JtSourceStats *source = stats->sources->pdata[i];
      char *note
          = g_strdup_printf (_ ("%u interviewed, %u offered"), source->reached[JT_STAGE_INTERVIEW],
                             source->reached[JT_STAGE_OFFER]);

      chart.scale = MAX (chart.scale, source->applications);
      chart.note_width = MAX (chart.note_width, (int) strlen (note));
      g_ptr_array_add (notes, note);
    }
  for (guint i = 0; i < stats->sources->len; i++)
    {
      const JtSourceStats *source = stats->sources->pdata[i];

      print_bar (&chart, source->source != NULL ? source->source : _ ("(none)"),
                 source->applications, notes->pdata[i]);
    }
  print_resumes (cli, stats);
}

static void
add_rate (JsonBuilder *builder, guint part, guint whole)
{
  if (whole > 0)
    json_builder_add_double_value (builder, (double) part / whole);
  else
    json_builder_add_null_value (builder);
}

static void
add_days (JsonBuilder *builder, const char *name, double days, guint count)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "median");
  if (count > 0)
    json_builder_add_double_value (builder, days);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "applications");
  json_builder_add_int_value (builder, count);
  json_builder_end_object (builder);
}

static void
print_json (JtCli *cli, const JtStats *stats)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *since = stats->since != 0 ? jt_time_format_iso (stats->since, cli->tz) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "since");
  if (since != NULL)
    json_builder_add_string_value (builder, since);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "applications");
  json_builder_add_int_value (builder, stats->applications);
  json_builder_set_member_name (builder, "by_status");
  json_builder_begin_object (builder);
  for (guint s = 0; s < G_N_ELEMENTS (stats->by_status); s++)
    {
      json_builder_set_member_name (builder, jt_status_to_string ((JtStatus) s));
      json_builder_add_int_value (builder, stats->by_status[s]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_array (builder);
  for (guint s = 0; s < JT_STAGE_COUNT; s++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, jt_stage_to_string ((JtStage) s));
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, stats->reached[s]);
      /* The share of the stage before: null for the first, or when that one is empty. */
      json_builder_set_member_name (builder, "rate");
      if (s == 0)
        json_builder_add_null_value (builder);
      else
        add_rate (builder, stats->reached[s], stats->reached[s - 1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_days (builder, "days_to_first_response", stats->median_days_to_response, stats->responses);
  add_days (builder, "days_to_decision", stats->median_days_to_decision, stats->decisions);
  json_builder_set_member_name (builder, "follow_ups");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "on_time");
  json_builder_add_int_value (builder, stats->follow_ups_on_time);
  json_builder_set_member_name (builder, "late");
  json_builder_add_int_value (builder, stats->follow_ups_late);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_int_value (builder, stats->follow_ups_overdue);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "quiet");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, stats->quiet_days);
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->quiet_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (stats->quiet_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "by_source");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->sources->len; i++)
    {
      const JtSourceStats *source = stats->sources->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      if (source->source != NULL)
        json_builder_add_string_value (builder, source->source);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "applications");
      json_builder_add_int_value (builder, source->applications);
      for (guint s = 0; s < JT_STAGE_COUNT; s++)
        {
          json_builder_set_member_name (builder, jt_stage_to_string ((JtStage) s));
          json_builder_add_int_value (builder, source->reached[s]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "by_resume_version");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->resumes->len; i++)
    {
      const JtResumeStats *resume = stats->resumes->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, resume->name);
      json_builder_set_member_name (builder, "applications");
      json_builder_add_int_value (builder, resume->applications);
      for (guint s = 0; s < JT_STAGE_COUNT; s++)
        {
          json_builder_set_member_name (builder, jt_stage_to_string ((JtStage) s));
          json_builder_add_int_value (builder, resume->reached[s]);
        }
      /* The share of the version's applications: null when it was sent to none. */
      json_builder_set_member_name (builder, "interview_rate");
      add_rate (builder, resume->reached[JT_STAGE_INTERVIEW], resume->applications);
      json_builder_set_member_name (builder, "offer_rate");
      add_rate (builder, resume->reached[JT_STAGE_OFFER], resume->applications);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  jt_cli_print_json (builder);
}

int
jt_cmd_stats (JtCli *cli, int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *since_text = NULL;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_ ("Only the applications recorded from then on"), "WHEN" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the figures as JSON"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (JtStats) stats = NULL;
  const JtConfig *config;
  GError *error = NULL;
  gint64 since = 0;
  JtStore *store;

  if (!jt_cli_parse_options (cli, "stats", "[--since WHEN] [--json]",
                             _ ("How the search is going: applications per status, the funnel "
                                "from applied to accepted, how long employers take to answer and "
                                "decide, follow-ups on time or late, applications gone quiet, "
                                "which sources work and which résumé version gets interviews."),
                             entries, &argc, &argv, &error)
      || !jt_cli_expect_args (argc, 0, "stats [--since WHEN] [--json]", &error)
      || (since_text != NULL && !jt_cli_parse_when (cli, since_text, &since, &error))
      || (config = jt_cli_config (cli, &error)) == NULL
      || (store = jt_cli_store (cli, JT_STORE_READ_ONLY, &error)) == NULL
      || (stats = jt_stats_compute (store, config, since, g_date_time_to_unix (cli->now), cli->tz,
                                    &error))
             == NULL)
    return jt_cli_fail (error);
  if (json)
    print_json (cli, stats);
  else
    print_text (cli, stats);
  return JT_EXIT_OK;
}
