/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-config.c: the settings file, read over the defaults through one table of settings. */
#include "jt-config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-text.h"
#include "jt-time.h"

/* A config file is a few hundred bytes; a huge one is the wrong path. */
#define MAX_FILE_SIZE (1024 * 1024)
/* Text quoted in an error is cut, so the error stays one readable line. */
#define MAX_SHOWN_VALUE 60
#define MAX_SHOWN_MESSAGE 200

typedef enum
{
  KIND_SWITCH,   /* gboolean: true or false */
  KIND_CLOCK,    /* HH:MM; two ints, minutes since midnight in the table */
  KIND_DURATION, /* gint64 seconds: 3h, 1h30m, or 0 */
  KIND_DAYS,     /* int */
  KIND_MONTHS,   /* int */
  KIND_EMAILS,   /* char **, a GKeyFile string list */
  KIND_TEXT,     /* char *, any one line */
  KIND_URL,      /* char *, empty or an http:// or https:// URL with a host */
  KIND_COMMAND,  /* char *, empty or a command line g_shell_parse_argv () splits */
  KIND_LINE,     /* char *, a GKeyFile string (escapes read), cleaned to one line */
  KIND_EMAIL,    /* char *, empty or one email address */
  KIND_LINES,    /* char *, a GKeyFile string whose "\n" escapes are line breaks */
} Kind;

typedef struct
{
  const char *group;
  const char *key; /* NULL for a rule switch: jt_rule_to_string (rule) names it */
  JtRule rule;
  Kind kind;
  gint64 fallback;           /* the default */
  const char *text_fallback; /* the default of a text kind (NULL: empty) */
  gint64 min;
  gint64 max;
  glong offset;        /* of the field in JtConfig; a clock's hours */
  glong minute_offset; /* a clock's minutes */
} Setting;

/* Initializers built by macros, one per line. */
/* clang-format off */
#define RULE_SWITCH(r)                                                                    \
  { .group = "rules", .rule = (r), .kind = KIND_SWITCH, .fallback = TRUE, .max = 1,       \
    .offset = G_STRUCT_OFFSET (JtConfig, rule_enabled) + (r) * (glong) sizeof (gboolean) }
/* A setting whose key is its JtConfig field's name. */
#define FIELD(field, kind_, def, lo, hi)                                                  \
  { .group = "rules", .key = #field, .kind = (kind_), .fallback = (def), .min = (lo),     \
    .max = (hi), .offset = G_STRUCT_OFFSET (JtConfig, field) }

/* Every setting, in the order `jobtrack config` lists them. Defaults: doc/design.md. */
static const Setting settings[] = {
  RULE_SWITCH (JT_RULE_SUMMARY),
  RULE_SWITCH (JT_RULE_THANK_YOU),
  RULE_SWITCH (JT_RULE_FOLLOW_UP_CALL),
  RULE_SWITCH (JT_RULE_BRING_FORWARD),
  RULE_SWITCH (JT_RULE_BRIEF_REFERENCES),
  RULE_SWITCH (JT_RULE_REJECTION_LETTER),
  RULE_SWITCH (JT_RULE_RAPPORT_CALL),
  RULE_SWITCH (JT_RULE_RECONTACT),
  RULE_SWITCH (JT_RULE_OFFER_NEGOTIATION),
  RULE_SWITCH (JT_RULE_OFFER_DEADLINE),
  RULE_SWITCH (JT_RULE_NETWORK_UPDATE),
  RULE_SWITCH (JT_RULE_APPLICATION_FOLLOW_UP),
  RULE_SWITCH (JT_RULE_CLOSING_DATE),
  { .group = "rules", .key = "call_hour", .kind = KIND_CLOCK, .fallback = 10 * 60, .min = 0,
    .max = 24 * 60 - 1, .offset = G_STRUCT_OFFSET (JtConfig, call_hour),
    .minute_offset = G_STRUCT_OFFSET (JtConfig, call_minute) },
  FIELD (thank_you_delay, KIND_DURATION, 3 * 60 * 60, 0, 30 * JT_DAY_SECONDS),
  FIELD (follow_up_call_days, KIND_DAYS, 7, 0, 3650),
  FIELD (bring_forward_lead_days, KIND_DAYS, 3, 0, 3650),
  FIELD (rejection_letter_days, KIND_DAYS, 1, 0, 3650),
  FIELD (rapport_call_days, KIND_DAYS, 7, 0, 3650),
  FIELD (recontact_months, KIND_MONTHS, 5, 1, 120),
  FIELD (offer_negotiation_days, KIND_DAYS, 1, 0, 3650),
  FIELD (offer_deadline_days, KIND_DAYS, 2, 0, 3650),
  /* zero would mean "again at once, forever" and "quiet straight away" */
  FIELD (network_days, KIND_DAYS, 90, 1, 3650),
  FIELD (application_follow_up_days, KIND_DAYS, 7, 0, 3650),
  FIELD (closing_date_days, KIND_DAYS, 2, 0, 365),
  FIELD (quiet_days, KIND_DAYS, 21, 1, 3650),
  { .group = "user", .key = "emails", .kind = KIND_EMAILS,
    .offset = G_STRUCT_OFFSET (JtConfig, user_emails) },
  /* who signs the letters (jt-letter-facts.c) */
  { .group = "user", .key = "name", .kind = KIND_LINE,
    .offset = G_STRUCT_OFFSET (JtConfig, user_name) },
  { .group = "user", .key = "email", .kind = KIND_EMAIL,
    .offset = G_STRUCT_OFFSET (JtConfig, user_email) },
  { .group = "user", .key = "phone", .kind = KIND_LINE,
    .offset = G_STRUCT_OFFSET (JtConfig, user_phone) },
  { .group = "user", .key = "signature", .kind = KIND_LINES,
    .offset = G_STRUCT_OFFSET (JtConfig, user_signature) },
  { .group = "caldav", .key = "url", .kind = KIND_URL,
    .offset = G_STRUCT_OFFSET (JtConfig, caldav_url) },
  { .group = "caldav", .key = "username", .kind = KIND_TEXT,
    .offset = G_STRUCT_OFFSET (JtConfig, caldav_username) },
  { .group = "caldav", .key = "password_cmd", .kind = KIND_COMMAND,
    .offset = G_STRUCT_OFFSET (JtConfig, caldav_password_cmd) },
  { .group = "caldav", .key = "collection", .kind = KIND_TEXT,
    .text_fallback = "jobtrack follow-ups", .offset = G_STRUCT_OFFSET (JtConfig, caldav_collection) },
  /* a minute at least: the phone's changes are not worth a server's patience */
  { .group = "caldav", .key = "interval", .kind = KIND_DURATION, .fallback = 15 * 60, .min = 60,
    .max = JT_DAY_SECONDS, .offset = G_STRUCT_OFFSET (JtConfig, caldav_interval) },
  { .group = "caldav", .key = "ca_file", .kind = KIND_TEXT,
    .offset = G_STRUCT_OFFSET (JtConfig, caldav_ca_file) },
  { .group = "caldav", .key = "allow_http", .kind = KIND_SWITCH, .fallback = FALSE, .max = 1,
    .offset = G_STRUCT_OFFSET (JtConfig, caldav_allow_http) },
};
/* clang-format on */

/* What callers see is the first member; the rest records where values came from. */
typedef struct
{
  JtConfig config;
  char *path; /* the file read, for display; or NULL */
  gboolean from_file[G_N_ELEMENTS (settings)];
} ConfigFull;

static const char *
setting_key (const Setting *s)
{
  return s->key != NULL ? s->key : jt_rule_to_string (s->rule);
}

static void
setting_store (JtConfig *config, const Setting *s, gint64 value)
{
  switch (s->kind)
    {
    case KIND_SWITCH:
      G_STRUCT_MEMBER (gboolean, config, s->offset) = value != 0;
      break;
    case KIND_CLOCK:
      G_STRUCT_MEMBER (int, config, s->offset) = (int) (value / 60);
      G_STRUCT_MEMBER (int, config, s->minute_offset) = (int) (value % 60);
      break;
    case KIND_DURATION:
      G_STRUCT_MEMBER (gint64, config, s->offset) = value;
      break;
    case KIND_DAYS:
    case KIND_MONTHS:
      G_STRUCT_MEMBER (int, config, s->offset) = (int) value;
      break;
    case KIND_EMAILS:
    case KIND_TEXT:
    case KIND_URL:
    case KIND_COMMAND:
    case KIND_LINE:
    case KIND_EMAIL:
    case KIND_LINES:
      g_return_if_reached ();
    }
}

static gboolean
kind_is_text (Kind kind)
{
  return kind == KIND_TEXT || kind == KIND_URL || kind == KIND_COMMAND || kind == KIND_LINE
         || kind == KIND_EMAIL || kind == KIND_LINES;
}

/* A GKeyFile string as the file would hold it: "\\" for a backslash, "\n" for a line
 * break. New string. */
static char *
escape_string (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    if (*c == '\\')
      g_string_append (out, "\\\\");
    else if (*c == '\n')
      g_string_append (out, "\\n");
    else
      g_string_append_c (out, *c);
  return g_string_free (out, FALSE);
}

/* "3h", "1d2h30m", "0": a form jt_duration_parse () reads back. */
static char *
format_duration (gint64 seconds)
{
  static const struct
  {
    char unit;
    gint64 size;
  } units[] = { { 'd', JT_DAY_SECONDS }, { 'h', 60 * 60 }, { 'm', 60 }, { 's', 1 } };
  GString *out = g_string_new (NULL);

  if (seconds <= 0)
    return g_string_free (g_string_append (out, "0"), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (seconds >= units[i].size)
      {
        g_string_append_printf (out, "%" G_GINT64_FORMAT "%c", seconds / units[i].size,
                                units[i].unit);
        seconds %= units[i].size;
      }
  return g_string_free (out, FALSE);
}

/* The value as it would be written in the file. New string. */
static char *
setting_format (const JtConfig *config, const Setting *s)
{
  switch (s->kind)
    {
    case KIND_SWITCH:
      return g_strdup (G_STRUCT_MEMBER (gboolean, config, s->offset) ? "true" : "false");
    case KIND_CLOCK:
      return g_strdup_printf ("%02d:%02d", G_STRUCT_MEMBER (int, config, s->offset),
                              G_STRUCT_MEMBER (int, config, s->minute_offset));
    case KIND_DURATION:
      return format_duration (G_STRUCT_MEMBER (gint64, config, s->offset));
    case KIND_DAYS:
    case KIND_MONTHS:
      return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, config, s->offset));
    case KIND_EMAILS:
      {
        char **emails = G_STRUCT_MEMBER (char **, config, s->offset);

        return emails != NULL ? g_strjoinv (";", emails) : g_strdup ("");
      }
    case KIND_TEXT:
    case KIND_URL:
    case KIND_COMMAND:
    case KIND_EMAIL:
      return g_strdup (G_STRUCT_MEMBER (char *, config, s->offset));
    case KIND_LINE:
    case KIND_LINES:
      return escape_string (G_STRUCT_MEMBER (char *, config, s->offset));
    }
  g_return_val_if_reached (NULL);
}

/* What a value should look like, for errors. New string. */
static char *
setting_expected (const Setting *s)
{
  g_autofree char *longest = NULL;

  switch (s->kind)
    {
    case KIND_SWITCH:
      return g_strdup (_ ("expected true or false"));
    case KIND_CLOCK:
      return g_strdup (_ ("expected HH:MM, 00:00-23:59"));
    case KIND_DURATION:
      longest = format_duration (s->max);
      return g_strdup_printf (_ ("expected a duration like 3h, 45m or 1h30m, from 0 to %s"),
                              longest);
    case KIND_DAYS:
      return g_strdup_printf (_ ("expected a number of days, %" PRId64 "-%" PRId64), s->min,
                              s->max);
    case KIND_MONTHS:
      return g_strdup_printf (_ ("expected a number of months, %" PRId64 "-%" PRId64), s->min,
                              s->max);
    case KIND_EMAILS:
      return g_strdup (_ ("expected addresses like you@example.com, separated by ;"));
    case KIND_TEXT:
      return g_strdup (_ ("expected one line of text"));
    case KIND_URL:
      return g_strdup (_ ("expected a URL like https://dav.example.org/"));
    case KIND_COMMAND:
      return g_strdup (_ ("expected a command and its arguments, quoted as in a shell"));
    case KIND_LINE:
      return g_strdup (_ ("expected one line of text"));
    case KIND_EMAIL:
      return g_strdup (_ ("expected an address like you@example.com"));
    case KIND_LINES:
      return g_strdup (_ ("expected text, with \\n between its lines"));
    }
  g_return_val_if_reached (NULL);
}

/* An http:// or https:// URL with a host, as the sync code will send requests to it. */
static gboolean
looks_like_url (const char *text)
{
  g_autoptr (GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  return uri != NULL && scheme != NULL
         && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/* Reads a text kind's value (already checked to be UTF-8). */
static gboolean
text_read (JtConfig *config, const Setting *s, const char *raw, const char *shown,
           const char *expected, char **problem)
{
  char **field = &G_STRUCT_MEMBER (char *, config, s->offset);
  g_auto (GStrv) argv = NULL;

  for (const char *c = raw; *c != '\0'; c++)
    if (g_ascii_iscntrl (*c))
      {
        *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
        return FALSE;
      }
  if (*raw != '\0' && s->kind == KIND_URL && !looks_like_url (raw))
    {
      *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
      return FALSE;
    }
  if (*raw != '\0' && s->kind == KIND_COMMAND && !g_shell_parse_argv (raw, NULL, &argv, NULL))
    {
      *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
      return FALSE;
    }
  g_free (*field);
  *field = g_strdup (raw);
  return TRUE;
}

/* "H:MM" or "HH:MM", 00:00 to 23:59, as minutes since midnight. */
static gboolean
parse_clock (const char *text, gint64 *minutes)
{
  const char *colon = strchr (text, ':');
  int hour = 0;
  int minute = 0;

  if (colon == NULL || colon == text || colon - text > 2 || strlen (colon + 1) != 2)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    {
      if (c == colon)
        continue;
      if (!g_ascii_isdigit (*c))
        return FALSE;
      if (c < colon)
        hour = hour * 10 + g_ascii_digit_value (*c);
      else
        minute = minute * 10 + g_ascii_digit_value (*c);
    }
  if (hour > 23 || minute > 59)
    return FALSE;
  *minutes = hour * 60 + minute;
  return TRUE;
}

/* An address has something on each side of one '@' and no spaces. */
static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (g_ascii_isspace (*c) || g_ascii_iscntrl (*c))
      return FALSE;
  return TRUE;
}

/* A signature as letters print it: cleaned with its line breaks kept, no blanks at the
 * ends of its lines, no blank lines before or after it. New string. */
static char *
clean_lines (const char *text)
{
  g_autofree char *clean = jt_text_clean (text, JT_TEXT_LINES, -1);
  g_auto (GStrv) lines = g_strsplit (clean, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gsize kept = 0; /* the length up to the last line that is not blank */

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (out->len == 0 && *lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
      if (*lines[i] != '\0')
        kept = out->len;
    }
  g_string_truncate (out, kept);
  return g_strdup (out->str);
}

/* Reads the sender's keys of [user]: text the letters print, cleaned here once. */
static gboolean
sender_read (JtConfig *config, const Setting *s, GKeyFile *file, const char *group, const char *key,
             const char *raw, const char *shown, const char *expected, char **problem)
{
  char **field = &G_STRUCT_MEMBER (char *, config, s->offset);
  g_autofree char *value = NULL;

  /* as every text key: a control character in the file is a mistake to show */
  for (const char *c = raw; *c != '\0'; c++)
    if (g_ascii_iscntrl (*c))
      {
        *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
        return FALSE;
      }
  if (s->kind == KIND_EMAIL)
    {
      if (*raw != '\0' && !looks_like_email (raw))
        {
          *problem = g_strdup_printf (_ ("'%s' is not an email address (%s)"), shown, expected);
          return FALSE;
        }
      value = g_strdup (raw);
    }
  else
    {
      /* escapes ("\n", "\s", "\\") are read; a "\n" in a name is a slip, made a space */
      g_autoptr (GError) local = NULL;
      /* an unknown escape gives text and an error */
      g_autofree char *text = g_key_file_get_string (file, group, key, &local);

      if (text == NULL || local != NULL)
        {
          *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
          return FALSE;
        }
      value = s->kind == KIND_LINES ? clean_lines (text)
                                    : jt_text_clean (text, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, -1);
    }
  g_free (*field);
  *field = g_steal_pointer (&value);
  return TRUE;
}

/* Reads [group] key into `config` as `s` says. On failure returns FALSE with the problem
 * in `problem` (new string), without the file and key. */
static gboolean
setting_read (JtConfig *config, const Setting *s, GKeyFile *file, const char *group,
              const char *key, char **problem)
{
  g_autofree char *raw = g_key_file_get_value (file, group, key, NULL);
  g_autofree char *expected = setting_expected (s);
  g_autofree char *shown = NULL;
  g_autoptr (GError) local = NULL;
  gint64 value = 0;
  gboolean readable = TRUE;

  /* GKeyFile keeps trailing blanks, which nobody can see in the file */
  shown = jt_text_quote (g_strstrip (raw), MAX_SHOWN_VALUE);
  if (!g_utf8_validate (raw, -1, NULL))
    {
      *problem = g_strdup_printf (_ ("'%s' is not UTF-8 text"), shown);
      return FALSE;
    }
  if (s->kind == KIND_LINE || s->kind == KIND_EMAIL || s->kind == KIND_LINES)
    return sender_read (config, s, file, group, key, raw, shown, expected, problem);
  if (kind_is_text (s->kind))
    return text_read (config, s, raw, shown, expected, problem);
  switch (s->kind)
    {
    case KIND_SWITCH:
      value = g_key_file_get_boolean (file, group, key, &local);
      readable = local == NULL;
      break;
    case KIND_CLOCK:
      readable = parse_clock (raw, &value);
      break;
    case KIND_DURATION:
      /* jt_duration_parse () refuses zero, but "no delay" is a fair wish here */
      readable = g_str_equal (raw, "0") || jt_duration_parse (raw, &value, NULL);
      break;
    case KIND_DAYS:
    case KIND_MONTHS:
      if (!g_ascii_string_to_signed (raw, 10, G_MININT64, G_MAXINT64, &value, &local))
        {
          readable = FALSE;
          if (g_error_matches (local, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
            {
              *problem = g_strdup_printf (_ ("'%s' is out of range (%s)"), shown, expected);
              return FALSE;
            }
        }
      break;
    case KIND_EMAILS:
      {
        g_auto (GStrv) list = g_key_file_get_string_list (file, group, key, NULL, &local);
        g_autoptr (GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
        char ***field = &G_STRUCT_MEMBER (char **, config, s->offset);

        if (list == NULL)
          {
            *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
            return FALSE;
          }
        for (guint i = 0; list[i] != NULL; i++)
          {
            char *email = g_strstrip (list[i]);

            /* "a@example.com;;b@example.com" is a slip, not a third address */
            if (*email == '\0')
              continue;
            if (!looks_like_email (email))
              {
                g_autofree char *shown_email = jt_text_quote (email, MAX_SHOWN_VALUE);

                *problem = g_strdup_printf (_ ("'%s' is not an email address (%s)"), shown_email,
                                            expected);
                return FALSE;
              }
            g_ptr_array_add (emails, g_strdup (email));
          }
        g_ptr_array_add (emails, NULL);
        g_strfreev (*field);
        *field = (char **) g_ptr_array_free (g_steal_pointer (&emails), FALSE);
        return TRUE;
      }
    case KIND_TEXT:
    case KIND_URL:
    case KIND_COMMAND:
    case KIND_LINE:
    case KIND_EMAIL:
    case KIND_LINES:
      g_return_val_if_reached (FALSE);
    }
  if (!readable)
    {
      *problem = g_strdup_printf (_ ("cannot read '%s' (%s)"), shown, expected);
      return FALSE;
    }
  if (value < s->min || value > s->max)
    {
      *problem = g_strdup_printf (_ ("'%s' is out of range (%s)"), shown, expected);
      return FALSE;
    }
  setting_store (config, s, value);
  return TRUE;
}

/* The setting for [group] key, or NULL; `group_known` tells a misspelt group from a
 * misspelt key. */
static const Setting *
find_setting (const char *group, const char *key, gboolean *group_known)
{
  *group_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].group, group))
      {
        *group_known = TRUE;
        if (key != NULL && g_str_equal (setting_key (&settings[i]), key))
          return &settings[i];
      }
  return NULL;
}

/* Opens the file for reading. Sets `missing` (and returns NULL without an error) when
 * there is no file. New mapping, or NULL with JT_ERROR_INVALID naming the file. */
static GMappedFile *
open_config_file (const char *path, const char *shown_path, gboolean *missing, GError **error)
{
  g_autoptr (GError) local = NULL;
  GMappedFile *mapped;
  GStatBuf st;
  int fd;

  *missing = FALSE;
  if (g_stat (path, &st) != 0 || (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        *missing = TRUE;
      else
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: cannot read it: %s"), shown_path,
                     g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: is a directory, not a config file"),
                 shown_path);
  else if (!S_ISREG (st.st_mode))
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: is not a regular file"), shown_path);
  else if (st.st_size > MAX_FILE_SIZE)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                 _ ("%s: is too large for a config file (over 1 MiB)"), shown_path);
  else if ((mapped = g_mapped_file_new_from_fd (fd, FALSE, &local)) == NULL)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: cannot read it: %s"), shown_path,
                 local->message);
  else
    {
      g_close (fd, NULL);
      return mapped;
    }
  g_close (fd, NULL);
  return NULL;
}

JtConfig *
jt_config_new_default (void)
{
  ConfigFull *full = g_new0 (ConfigFull, 1);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (settings[i].kind == KIND_EMAILS)
      G_STRUCT_MEMBER (char **, &full->config, settings[i].offset) = g_new0 (char *, 1);
    else if (kind_is_text (settings[i].kind))
      G_STRUCT_MEMBER (char *, &full->config, settings[i].offset)
          = g_strdup (settings[i].text_fallback != NULL ? settings[i].text_fallback : "");
    else
      setting_store (&full->config, &settings[i], settings[i].fallback);
  /* a reminder the person added by hand is never switched off */
  full->config.rule_enabled[JT_RULE_MANUAL] = TRUE;
  return &full->config;
}

char *
jt_config_default_path (void)
{
  const char *env = g_getenv ("JOBTRACK_CONFIG");
  const char *xdg = g_getenv ("XDG_CONFIG_HOME");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* g_get_user_config_dir () keeps its first answer; read the variable each time so a
   * changed environment (tests, a long-lived daemon's children) is honoured */
  if (xdg != NULL && *xdg != '\0')
    return g_build_filename (xdg, "jobtrack", "config.ini", NULL);
  return g_build_filename (g_get_user_config_dir (), "jobtrack", "config.ini", NULL);
}

JtConfig *
jt_config_load (const char *path, GError **error)
{
  g_autoptr (JtConfig) config = jt_config_new_default ();
  ConfigFull *full = (ConfigFull *) config;
  g_autofree char *default_path = NULL;
  g_autofree char *shown_path = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) groups = NULL;
  const char *contents;
  gsize length;
  gboolean missing;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = default_path = jt_config_default_path ();
  shown_path = g_filename_display_name (path);
  mapped = open_config_file (path, shown_path, &missing, error);
  if (missing)
    return g_steal_pointer (&config);
  if (mapped == NULL)
    return NULL;
  /* an empty file maps to NULL */
  contents = g_mapped_file_get_contents (mapped) != NULL ? g_mapped_file_get_contents (mapped) : "";
  length = g_mapped_file_get_length (mapped);
  if (memchr (contents, '\0', length) != NULL
      || !g_key_file_load_from_data (file, contents, length, G_KEY_FILE_NONE, &local))
    {
      g_autofree char *why = jt_text_quote (
          local != NULL ? local->message : _ ("it holds NUL bytes"), MAX_SHOWN_MESSAGE);

      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: not a valid config file: %s"),
                   shown_path, why);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto (GStrv) keys = g_key_file_get_keys (file, groups[g], NULL, NULL);
      g_autofree char *shown_group = jt_text_quote (groups[g], MAX_SHOWN_VALUE);
      gboolean group_known;

      /* checked before its keys, and even when empty: a misspelt group is a typo too */
      find_setting (groups[g], NULL, &group_known);
      if (!group_known)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("%s: [%s]: unknown group (expected [rules], [user] or [caldav])"),
                       shown_path, shown_group);
          return NULL;
        }
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          const Setting *s = find_setting (groups[g], keys[k], &group_known);
          g_autofree char *shown_key = jt_text_quote (keys[k], MAX_SHOWN_VALUE);
          g_autofree char *problem = NULL;

          if (s == NULL)
            {
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           _ ("%s: [%s] %s: unknown key (see 'jobtrack config' for the keys)"),
                           shown_path, shown_group, shown_key);
              return NULL;
            }
          /* GKeyFile keeps the last of two; the other one is a slip the person should see */
          if (full->from_file[s - settings])
            problem = g_strdup (_ ("set more than once"));
          if (problem != NULL || !setting_read (config, s, file, groups[g], keys[k], &problem))
            {
              /* TRANSLATORS: the config file, its group, the key, the problem. */
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s: [%s] %s: %s"), shown_path,
                           shown_group, shown_key, problem);
              return NULL;
            }
          full->from_file[s - settings] = TRUE;
        }
    }
  full->path = g_steal_pointer (&shown_path);
  return g_steal_pointer (&config);
}

JtConfig *
jt_config_copy (const JtConfig *config)
{
  const ConfigFull *full = (const ConfigFull *) config;
  ConfigFull *copy = g_memdup2 (full, sizeof *full);

  copy->config.user_emails = g_strdupv (config->user_emails);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (kind_is_text (settings[i].kind))
      G_STRUCT_MEMBER (char *, &copy->config, settings[i].offset)
          = g_strdup (G_STRUCT_MEMBER (char *, config, settings[i].offset));
  copy->path = g_strdup (full->path);
  return &copy->config;
}

void
jt_config_free (JtConfig *config)
{
  ConfigFull *full = (ConfigFull *) config;

  if (config == NULL)
    return;
  g_strfreev (config->user_emails);
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (kind_is_text (settings[i].kind))
      g_free (G_STRUCT_MEMBER (char *, config, settings[i].offset));
  g_free (full->path);
  g_free (full);
}

void
jt_config_foreach (const JtConfig *config, JtConfigFunc func, gpointer user_data)
{
  const ConfigFull *full = (const ConfigFull *) config;

  g_return_if_fail (config != NULL);
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *value = setting_format (config, &settings[i]);

      func (settings[i].group, setting_key (&settings[i]), value,
            full->from_file[i] ? full->path : "default", user_data);
    }
}
