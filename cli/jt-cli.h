/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-cli.h: what every `jobtrack` command shares: the pinned clock and zone, the
 * database, option parsing, output, prompts, and the exit status rules.
 *
 * Exit status: 0 done; 1 it could not (unknown id, database error); 2 bad usage or
 * unreadable input. Errors are one line on stderr: "jobtrack: no application 42". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "jt-config.h"
#include "jt-records.h"
#include "jt-rules.h"
#include "jt-store-postings.h"
#include "jt-store.h"

G_BEGIN_DECLS

#define JT_EXIT_OK 0
#define JT_EXIT_FAILED 1
#define JT_EXIT_USAGE 2

typedef struct
{
  char *db_option;      /* --db as given, or NULL */
  GTimeZone *tz;        /* the user's zone (TZ is respected) */
  GDateTime *now;       /* one clock reading for the whole command, in tz */
  gboolean interactive; /* stdin and stdout are terminals: prompts are allowed */
  gboolean color;       /* stdout is a terminal and NO_COLOR is unset */
  JtStore *store;       /* opened on first use (jt_cli_store) */
  JtConfig *config;     /* loaded on first use */
  JtRules *rules;       /* made with the store: derive reminders in every write */
  int width;            /* the terminal's columns; 0 when stdout is not a terminal */
  gboolean no_pager;    /* --no-pager */
  GPid pager;           /* the $PAGER that stdout goes to, or 0 */
} JtCli;

typedef int (*JtCommandFunc) (JtCli *cli, int argc, char **argv);

typedef struct
{
  const char *name;
  JtCommandFunc func;
  const char *summary;
} JtCommand;

/* Runs the command of `table` named by argv[1] ("app list ..." -> "list"), or prints the
 * group's help. `group` is the words before it ("app"). Returns the exit status. */
int jt_cli_dispatch (JtCli *cli, const char *group, const JtCommand *table, int argc, char **argv);

/* Prints "jobtrack: MESSAGE" for `error` (and frees it); returns the exit status it
 * calls for: 2 for bad usage or input, else 1. */
int jt_cli_fail (GError *error);

/* The database, opened on first use; owned by `cli`. JT_STORE_WRITE creates its folder
 * and attaches the follow-up rules, so every write derives its reminders; a command
 * that only reads asks for JT_STORE_READ_ONLY (nothing created, migrated or written;
 * an older schema is refused, see jt-store.h). A reader opened earlier in the command
 * is reopened as a writer when one is asked for. */
JtStore *jt_cli_store (JtCli *cli, JtStoreMode mode, GError **error);

/* The folder of the kept documents of the database the command uses (jt_paths_files_dir):
 * call it after the options are parsed, as --db may follow the command. New string. */
char *jt_cli_files_dir (JtCli *cli);

/* The configuration, loaded on first use; owned by `cli`. A bad file is JT_ERROR_INVALID. */
const JtConfig *jt_cli_config (JtCli *cli, GError **error);

/* Parses the command's options with `entries` and the shared --db; `usage` follows the
 * command words ("ID [--json]"). Leaves the positional arguments in argc/argv. */
gboolean jt_cli_parse_options (JtCli *cli, const char *command, const char *usage,
                               const char *summary, const GOptionEntry *entries, int *argc,
                               char ***argv, GError **error);

/* Instants and days as a person types them (jt-time grammar), against cli->now. */
gboolean jt_cli_parse_when (JtCli *cli, const char *text, gint64 *unix_seconds, GError **error);
/* When a follow-up is due: like jt_cli_parse_when, but a day given without a time
 * ("friday") means that day at the configured call hour, not midnight. */
gboolean jt_cli_parse_due (JtCli *cli, const char *text, gint64 *unix_seconds, GError **error);
/* A calendar day, "YYYY-MM-DD" (a time given with it is ignored). New string in `day`. */
gboolean jt_cli_parse_day (JtCli *cli, const char *text, char **day, GError **error);
/* A positive record id; `what` names it in the error ("application"). */
gboolean jt_cli_parse_id (const char *text, const char *what, gint64 *id, GError **error);
/* A rating or interest: 1 to 5. */
gboolean jt_cli_parse_score (const char *text, const char *what, int *score, GError **error);
/* Checks that exactly `count` positional arguments follow the command words. */
gboolean jt_cli_expect_args (int argc, int count, const char *usage, GError **error);

/* Replaces *field with a copy of `value` when the option was given (value != NULL). */
void jt_cli_set_text (char **field, const char *value);

/* Asks `question` on a terminal; otherwise (or with `yes`) the answer is `yes`, and
 * without --yes the error says so. JT_ERROR_CANCELLED when the person says no. */
gboolean jt_cli_confirm (JtCli *cli, gboolean yes, const char *question, GError **error);

/* Reads one answer line after printing `question`; NULL at end of input. New string,
 * without the newline. */
char *jt_cli_prompt (const char *question);

/* "Raj Patel (CTO) <raj@example.com> +49 30 1234 [decision-maker]". New string. */
char *jt_cli_describe_person (const JtContact *person);

/* Applications by id, so a listing reads each one once however many rows name it. */
GHashTable *jt_cli_app_cache_new (void);
/* The application `id`, read on first use; owned by the cache. NULL with an error. */
const JtApplication *jt_cli_app_cache_get (GHashTable *cache, JtStore *store, gint64 id,
                                           GError **error);

/* "in 3 days", "2 h ago", "now": `unix_seconds` against cli->now. New string. */
char *jt_cli_format_relative (JtCli *cli, gint64 unix_seconds);

/* Terminal manners, decided once at start: colour only on a terminal and never with
 * NO_COLOR (or TERM=dumb); the width of the terminal ($COLUMNS, else the tty's). */
void jt_cli_init_terminal (JtCli *cli);

/* Sends what follows on stdout through $PAGER (default `less` with LESS=FRX) when stdout
 * is a terminal and --no-pager was not given; long listings call it before printing. */
void jt_cli_start_pager (JtCli *cli);
/* Flushes stdout into the pager, if one runs, and waits for the person to leave it. */
void jt_cli_finish_pager (JtCli *cli);

/* `text` cut to the terminal's width (less `indent` columns) with an ellipsis; as it is
 * when stdout is not a terminal. New string. */
char *jt_cli_fit (JtCli *cli, const char *text, int indent);

/* Output. */
void jt_cli_print_json (JsonBuilder *builder);
char *jt_cli_format_time (JtCli *cli, gint64 unix_seconds);

/* A posting's date: the time as jt_cli_format_time, or, when the page gave the day
 * alone (stored as its 00:00 UTC), that day as YYYY-MM-DD; NULL for 0. New string. */
char *jt_cli_format_day_or_time (JtCli *cli, gint64 unix_seconds, gboolean day_alone);

/* A saved posting's facts, a field a line (location, employment, salary, posted, closes,
 * address); each date a day, or a time in the person's zone, as the page gave it. */
void jt_cli_print_posting_facts (JtCli *cli, const JtSavedPosting *posting);
/* Record text as a terminal should show it: as text and nothing else, by the rules of
 * jt-text.h (line ends kept, or spaces when `single_line`; other controls as spaces;
 * bidi controls dropped). NULL is "". New string. */
char *jt_cli_text (const char *text, gboolean single_line);

/* Prints "label: value" when value is set, the label bold on a colour terminal. */
void jt_cli_print_field (JtCli *cli, const char *label, const char *value);
void jt_cli_print_heading (JtCli *cli, const char *text);

/* A table printed with aligned columns; control characters in cells become spaces and
 * a NULL cell prints empty. */
typedef struct _JtTable JtTable;
JtTable *jt_table_new (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
void jt_table_add_row (JtTable *table, const char *first_cell, ...);
void jt_table_print (JtTable *table, JtCli *cli);
void jt_table_free (JtTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtTable, jt_table_free)

G_END_DECLS
