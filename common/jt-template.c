/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-template.c: reading and filling a template (jt-template.h). */
#include "jt-template.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"

#define SUBJECT_PREFIX "Subject:"

const JtTemplateField *
jt_template_field_find (const JtTemplateField *fields, const char *name, gsize length)
{
  for (const JtTemplateField *f = fields; f->name != NULL; f++)
    if (strlen (f->name) == length && strncmp (f->name, name, length) == 0)
      return f;
  return NULL;
}

/* The end of the field name that follows the "{" at `brace`: the first byte that is not
 * a letter, digit or underscore. */
static const char *
field_name_end (const char *brace)
{
  const char *end = brace + 1;

  while (g_ascii_isalnum (*end) || *end == '_')
    end++;
  return end;
}

/* "name, first_name, ...": the field names, for the error that names an unknown one. */
static char *
field_names (const JtTemplateField *fields)
{
  GString *known = g_string_new (NULL);

  for (const JtTemplateField *f = fields; f->name != NULL; f++)
    g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", f->name);
  return g_string_free (known, FALSE);
}

/* Appends one line of template with its fields filled in. */
static gboolean
render_line (GString *out, const char *line, const char *source, guint number,
             const JtTemplateField *fields, GHashTable *values, GError **error)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      const char *end;
      const JtTemplateField *field;
      const char *value;

      if (*p != '{')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '{')
        {
          g_string_append_c (out, '{');
          p++;
          continue;
        }
      end = field_name_end (p);
      if (*end != '}' || end == p + 1)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("%s:%u: '{' starts no field (a field is {name}; write {{ for a brace)"),
                       source, number);
          return FALSE;
        }
      field = jt_template_field_find (fields, p + 1, (gsize) (end - p - 1));
      if (field == NULL)
        {
          g_autofree char *known = field_names (fields);

          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("%s:%u: unknown field {%.*s} (the fields are %s)"), source, number,
                       (int) (end - p - 1), p + 1, known);
          return FALSE;
        }
      value = values != NULL ? g_hash_table_lookup (values, field->name) : NULL;
      g_string_append (out, value != NULL && *value != '\0' ? value : field->gap);
      p = end;
    }
  return TRUE;
}

gboolean
jt_template_render (const char *text, const char *source, const JtTemplateField *fields,
                    GHashTable *values, char **subject, char **body, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *first = NULL;
  guint subject_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';
      if (line[0] == '#')
        continue;
      if (subject_line == 0)
        {
          if (*line == '\0')
            continue;
          if (!g_str_has_prefix (line, SUBJECT_PREFIX))
            {
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           _ ("%s:%u: a letter template starts with a 'Subject:' line"), source,
                           i + 1);
              return FALSE;
            }
          subject_line = i + 1;
          if (!render_line (out, line + strlen (SUBJECT_PREFIX), source, i + 1, fields, values,
                            error))
            return FALSE;
          /* a value of several lines (a signature) must not end the Subject header */
          g_strdelimit (out->str, "\r\n", ' ');
          first = g_strdup (g_strstrip (out->str));
          g_string_truncate (out, 0);
          continue;
        }
      if (!render_line (out, line, source, i + 1, fields, values, error))
        return FALSE;
      g_string_append_c (out, '\n');
    }
  if (subject_line == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s:%u: a letter template starts with a 'Subject:' line"), source, 1u);
      return FALSE;
    }
  /* The body without the blank lines around it, ending with one newline. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
  *subject = g_steal_pointer (&first);
  *body = g_strdup (out->str + strspn (out->str, "\n"));
  return TRUE;
}

GHashTable *
jt_template_fields_used (const char *text, const JtTemplateField *fields)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *end;
      const JtTemplateField *field;

      /* A comment line: skip to its end (or stop at the end of the text). */
      if (line_start && *p == '#' && *(p += strcspn (p, "\n")) == '\0')
        break;
      line_start = *p == '\n';
      if (*p != '{')
        continue;
      if (p[1] == '{')
        {
          p++;
          continue;
        }
      end = field_name_end (p);
      if (*end == '}'
          && (field = jt_template_field_find (fields, p + 1, (gsize) (end - p - 1))) != NULL)
        g_hash_table_add (used, (gpointer) field->name);
    }
  return used;
}
