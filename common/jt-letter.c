/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-letter.c: letter drafts: choosing the template by kind and tone, and the draft
 * as text, as a mailto: URI or as a preview. The template engine is jt-template.c, the
 * facts it is filled with jt-letter-facts.c. */
#include "jt-letter.h"

#include <gio/gio.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-letter-facts.h"
#include "jt-letter-resources.h"

#define LETTER_RESOURCE_DIR "/org/jobtrack/letters/"

static const char *const kind_names[] = {
  [JT_LETTER_THANKS] = "thanks",
  [JT_LETTER_FOLLOW_UP] = "follow-up",
  [JT_LETTER_BRING_FORWARD] = "bring-forward",
  [JT_LETTER_AFTER_REJECTION] = "after-rejection",
  [JT_LETTER_RECONTACT] = "recontact",
  [JT_LETTER_REFERENCES] = "references",
  [JT_LETTER_NETWORK_UPDATE] = "network-update",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == JT_LETTER_KIND_COUNT);

const char *
jt_letter_kind_to_string (JtLetterKind kind)
{
  g_return_val_if_fail ((guint) kind < JT_LETTER_KIND_COUNT, NULL);
  return kind_names[kind];
}

gboolean
jt_letter_kind_parse (const char *text, JtLetterKind *kind, GError **error)
{
  for (guint i = 0; i < JT_LETTER_KIND_COUNT; i++)
    if (text != NULL && g_str_equal (text, kind_names[i]))
      {
        *kind = (JtLetterKind) i;
        return TRUE;
      }
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               _ ("unknown letter '%s' (expected thanks, follow-up, bring-forward, "
                  "after-rejection, recontact, references or network-update)"),
               text != NULL ? text : "");
  return FALSE;
}

gboolean
jt_letter_tone_parse (const char *text, JtLetterTone *tone, GError **error)
{
  if (g_strcmp0 (text, "formal") == 0)
    *tone = JT_LETTER_TONE_FORMAL;
  else if (g_strcmp0 (text, "friendly") == 0)
    *tone = JT_LETTER_TONE_FRIENDLY;
  else
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("unknown tone '%s' (expected formal or friendly)"), text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
jt_letter_kind_for_rule (JtRule rule, JtLetterKind *kind)
{
  JtLetterKind found;

  switch (rule)
    {
    case JT_RULE_THANK_YOU:
      found = JT_LETTER_THANKS;
      break;
    case JT_RULE_REJECTION_LETTER:
      found = JT_LETTER_AFTER_REJECTION;
      break;
    case JT_RULE_NETWORK_UPDATE:
      found = JT_LETTER_NETWORK_UPDATE;
      break;
    default:
      return FALSE;
    }
  if (kind != NULL)
    *kind = found;
  return TRUE;
}

const JtLetterField *
jt_letter_fields (void)
{
  return jt_letter_facts_fields ();
}

void
jt_letter_free (JtLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->to_name);
  g_free (letter->to_email);
  g_free (letter->subject);
  g_free (letter->body);
  g_free (letter);
}

/* ---- Templates -------------------------------------------------------------------- */

static char *
tone_file_name (JtLetterKind kind, JtLetterTone tone)
{
  return g_strdup_printf ("%s.%s.txt", kind_names[kind],
                          tone == JT_LETTER_TONE_FRIENDLY ? "friendly" : "formal");
}

/* $XDG_CONFIG_HOME/jobtrack/letters, read afresh (tests change it). New string. */
static char *
override_dir (void)
{
  const char *config = g_getenv ("XDG_CONFIG_HOME");

  if (config != NULL && g_path_is_absolute (config))
    return g_build_filename (config, "jobtrack", "letters", NULL);
  return g_build_filename (g_get_home_dir (), ".config", "jobtrack", "letters", NULL);
}

/* Reads an override; FALSE without an error when there is no such file. */
static gboolean
read_override (const char *path, char **text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return FALSE;
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s:1: cannot read the letter template: %s"), path, local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s:1: the letter template is not UTF-8 text"), path);
      return FALSE;
    }
  *text = g_steal_pointer (&contents);
  return TRUE;
}

static char *
read_builtin (const char *name)
{
  g_autofree char *path = g_strconcat (LETTER_RESOURCE_DIR, name, NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (jt_letters_get_resource (), path, 0, NULL);

  return bytes == NULL ? NULL
                       : g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

char *
jt_letter_template_load (JtLetterKind kind, JtLetterTone tone, char **source, GError **error)
{
  g_autofree char *dir = override_dir ();
  g_autofree char *toned = tone_file_name (kind, tone);
  g_autofree char *plain = g_strdup_printf ("%s.txt", kind_names[kind]);
  const char *names[] = { toned, plain };
  char *text = NULL;

  g_return_val_if_fail ((guint) kind < JT_LETTER_KIND_COUNT, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      GError *local_error = NULL;

      if (read_override (path, &text, &local_error))
        {
          *source = g_steal_pointer (&path);
          return text;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  /* The built-in KIND.txt is the formal one; there is no KIND.formal.txt. */
  for (guint i = tone == JT_LETTER_TONE_FRIENDLY ? 0 : 1; i < G_N_ELEMENTS (names); i++)
    if ((text = read_builtin (names[i])) != NULL)
      {
        *source = g_strdup_printf (_ ("built-in %s"), names[i]);
        return text;
      }
  g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("no letter template for %s"), kind_names[kind]);
  return NULL;
}

gboolean
jt_letter_render (const char *text, const char *source, GHashTable *values, char **subject,
                  char **body, GError **error)
{
  return jt_template_render (text, source, jt_letter_facts_fields (), values, subject, body, error);
}

JtLetter *
jt_letter_build (JtStore *store, const JtLetterRequest *request, GTimeZone *tz, GError **error)
{
  g_auto (JtLetterFacts) facts = { 0 };
  g_autoptr (GHashTable) values = NULL;
  g_autoptr (GHashTable) used = NULL;
  g_autoptr (JtLetter) letter = g_new0 (JtLetter, 1);
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  JtLetterTone tone = request->tone;

  if (!jt_letter_facts_read_subjects (store, request, &facts, error))
    return NULL;
  /* Match the tone of the meeting: friendly with someone you hit it off with. */
  if (tone == JT_LETTER_TONE_AUTO)
    tone = facts.contact != NULL && facts.contact->hit_it_off ? JT_LETTER_TONE_FRIENDLY
                                                              : JT_LETTER_TONE_FORMAL;
  if ((text = jt_letter_template_load (request->kind, tone, &source, error)) == NULL)
    return NULL;
  used = jt_template_fields_used (text, jt_letter_facts_fields ());
  if (!jt_letter_facts_read_details (store, request, used, &facts, error))
    return NULL;
  values = jt_letter_facts_values (&facts, request->now, tz);
  if (!jt_letter_render (text, source, values, &letter->subject, &letter->body, error))
    return NULL;
  letter->name_missing = jt_letter_facts_name_missing (&facts, used);
  if (facts.contact != NULL)
    {
      letter->to_name = g_strdup (facts.contact->name);
      letter->to_email = g_strdup (facts.contact->email);
    }
  return g_steal_pointer (&letter);
}

/* ---- Output ----------------------------------------------------------------------- */

char *
jt_letter_to_text (const JtLetter *letter)
{
  GString *text = g_string_new (NULL);

  if (letter->to_name != NULL && letter->to_email != NULL)
    g_string_append_printf (text, "To: %s <%s>\n", letter->to_name, letter->to_email);
  else if (letter->to_name != NULL)
    g_string_append_printf (text, "To: %s\n", letter->to_name);
  g_string_append_printf (text, "Subject: %s\n\n%s", letter->subject, letter->body);
  return g_string_free (text, FALSE);
}

/* RFC 6068 wants line breaks in a body as CRLF. New string. */
static char *
crlf (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == text || p[-1] != '\r'))
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
jt_letter_to_mailto (const JtLetter *letter)
{
  /* Every byte but the unreserved ones is percent-encoded, UTF-8 byte by byte: that
   * covers "&", "?", "#", "%", "=", "+" and spaces in the subject and body. The address
   * keeps its "@". */
  g_autofree char *to
      = g_uri_escape_string (letter->to_email != NULL ? letter->to_email : "", "@", FALSE);
  g_autofree char *subject = g_uri_escape_string (letter->subject, NULL, FALSE);
  g_autofree char *body_crlf = crlf (letter->body);
  g_autofree char *body = g_uri_escape_string (body_crlf, NULL, FALSE);

  return g_strconcat ("mailto:", to, "?subject=", subject, "&body=", body, NULL);
}

char *
jt_letter_preview (JtStore *store, const JtReminder *reminder, const JtConfig *config,
                   GTimeZone *tz, guint max_lines, GError **error)
{
  JtLetterRequest request = { 0 };
  g_autoptr (JtLetter) letter = NULL;
  g_auto (GStrv) lines = NULL;
  GString *preview;
  guint shown = 0;

  if (!jt_letter_kind_for_rule (reminder->rule, &request.kind))
    return NULL;
  request.tone = JT_LETTER_TONE_AUTO;
  request.reminder_id = reminder->id;
  request.now = reminder->due_at;
  request.config = config;
  if ((letter = jt_letter_build (store, &request, tz, error)) == NULL)
    return NULL;
  preview = g_string_new (NULL);
  if (max_lines > 0)
    {
      g_string_append_printf (preview, "Subject: %s", letter->subject);
      shown = 1;
    }
  lines = g_strsplit (letter->body, "\n", -1);
  for (guint i = 0; lines[i] != NULL && shown < max_lines; i++)
    if (!jt_text_is_blank (lines[i]))
      {
        g_string_append_printf (preview, "\n%s", lines[i]);
        shown++;
      }
  return g_string_free (preview, FALSE);
}