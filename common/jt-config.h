/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-config.h: the person's settings: which follow-up rules run and their timings, and
 * who the person is. Read from a GKeyFile, $XDG_CONFIG_HOME/jobtrack/config.ini:
 *
 *   [rules]
 *   recontact = false        # a rule switch, named as jt_rule_to_string () names it
 *   call_hour = 10:00
 *   thank_you_delay = 3h
 *   recontact_months = 5
 *   [user]
 *   emails = me@example.com;me@work.example
 *   name = Ann Lee           # the letters' sender: name, email, phone, signature
 *   signature = Ann Lee\nSenior SRE   # \n is a line break
 *   [caldav]
 *   url = https://dav.example.org/
 *   username = me
 *   password_cmd = pass show dav.example.org
 *
 * `jobtrack config` lists every key with its default. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

/* Allocate only with jt_config_new_default () or jt_config_load (): the config also
 * remembers, out of sight, where each value came from. */
typedef struct
{
  gboolean rule_enabled[JT_RULE_COUNT]; /* [JT_RULE_MANUAL] always TRUE */
  int call_hour;                        /* local time calls and letters are due: 10:00 -> 10, 0 */
  int call_minute;
  gint64 thank_you_delay;         /* seconds after an interview ends (3h) */
  int follow_up_call_days;        /* R3 with no decision date: last interview + N days (7) */
  int bring_forward_lead_days;    /* R4 no later than N days before the other deadline (3) */
  int rejection_letter_days;      /* R6 (1) */
  int rapport_call_days;          /* R7 (7) */
  int recontact_months;           /* R8 (5) */
  int offer_negotiation_days;     /* R9 offer + N days (1) */
  int offer_deadline_days;        /* R9 deadline - N days (2) */
  int network_days;               /* R10 every N days from the last touch (90) */
  int application_follow_up_days; /* R11 (7) */
  int closing_date_days;          /* R12 business days before the posting closes (2) */
  int quiet_days;                 /* an open application idle for N days is quiet (21) */
  char **user_emails;             /* [user] emails, NULL-terminated, may be empty */
  /* [user]: who signs the letters (jt-letter.h). Never NULL, empty when unset; cleaned
   * as jt-text.h says: name and phone one line, the signature lines kept. */
  char *user_name;
  char *user_email; /* one address */
  char *user_phone;
  char *user_signature; /* replaces the closing after the sign-off; its lines joined by "\n" */
  /* [caldav]: the calendar server the follow-ups are synced with as tasks (common/sync/).
   * No sync while `caldav_url` is empty. The strings are never NULL. */
  char *caldav_url;           /* the server, or the task list itself: http(s) */
  char *caldav_username;      /* may be empty: the server asks for no login */
  char *caldav_password_cmd;  /* a command line, split as a shell would (no shell runs it);
                               * the first line it prints is the password; may be empty */
  char *caldav_collection;    /* the task list: its display name or URL */
  gint64 caldav_interval;     /* seconds between two syncs of jobtrackd (15 min) */
  char *caldav_ca_file;       /* PEM certificates trusted instead of the system's; may be empty */
  gboolean caldav_allow_http; /* plain http:// to a host other than this machine */
} JtConfig;

/* Every setting at its default (doc/design.md, R1-R12). Free with jt_config_free (). */
JtConfig *jt_config_new_default (void);

/* $JOBTRACK_CONFIG when set, else $XDG_CONFIG_HOME/jobtrack/config.ini (~/.config when
 * XDG_CONFIG_HOME is unset). Read afresh on each call. New string. */
char *jt_config_default_path (void);

/* Loads `path` (NULL: jt_config_default_path ()) over the defaults. A missing file is
 * not an error: every setting keeps its default.
 *
 * A bad file gives NULL and JT_ERROR_INVALID with one line naming the file, the key and
 * the problem (wrapped here):
 *   /home/a/.config/jobtrack/config.ini: [rules] call_hour: cannot read '25:00'
 *   (expected HH:MM, 00:00-23:59)
 * Unknown groups and keys are errors too (typos that would silently do nothing), and so
 * are a file GKeyFile cannot parse and a path that cannot be read (a directory, no
 * permission). The first problem in file order is the one reported.
 *
 * Returns a new config the caller frees with jt_config_free (). */
JtConfig *jt_config_load (const char *path, GError **error);

/* A new config with the same settings (and sources) as `config`: for a thread that must
 * not share one another may free. Free with jt_config_free (). */
JtConfig *jt_config_copy (const JtConfig *config);

void jt_config_free (JtConfig *config);

/* Called once per setting by jt_config_foreach (). The strings belong to the config or
 * are temporary: copy what you keep. */
typedef void (*JtConfigFunc) (const char *group, const char *key, const char *value,
                              const char *source, gpointer user_data);

/* For `jobtrack config`: every setting in a stable order (the rule switches in JtRule
 * order, then the timings, then [user], then [caldav]), with its value as it would be written in
 * the file ("10:00", "3h", "true", "5", emails joined with ";", a signature's line breaks as
 * "\n") and where it came from: "default"
 * or the file's path. */
void jt_config_foreach (const JtConfig *config, JtConfigFunc func, gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtConfig, jt_config_free)

G_END_DECLS
