/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-template.h: the template engine letter drafts are written in.
 *
 * A template is plain text: the first line that is neither blank nor a comment is
 * "Subject: ...", the rest is the body. "{field}" is replaced by a value, "{{" is a
 * literal "{", and a line starting with "#" is a comment. The fields a template may
 * name come from a table the caller gives; a template naming any other, a "{" that
 * starts no field, or a missing Subject line is refused with JT_ERROR_INVALID
 * "SOURCE:LINE: ...", so a person can find the mistake in their file.
 *
 * The engine knows nothing of the records: jt-letter-facts.c says what the fields
 * hold, jt-letter.c which template a letter uses. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A field a template may name: its name, the gap left when there is no value, and what
 * it means (for `jobtrack letter --fields`). */
typedef struct
{
  const char *name;
  const char *gap;
  const char *meaning;
} JtTemplateField;

/* The field of `fields` (ended by { NULL }) named by the `length` bytes at `name`;
 * NULL when there is none. Borrowed from `fields`. */
const JtTemplateField *jt_template_field_find (const JtTemplateField *fields, const char *name,
                                               gsize length);

/* Fills the template `text` (read from `source`, named in errors) with `values`: field
 * name -> value, where a missing, NULL or empty value leaves the field's gap. `values`
 * may be NULL (every field a gap). A value may hold line breaks; in the subject they are
 * spaces. Returns the subject and the body without the blank
 * lines around it, ending with one newline (new strings), or FALSE with
 * JT_ERROR_INVALID "SOURCE:LINE: ...". */
gboolean jt_template_render (const char *text, const char *source, const JtTemplateField *fields,
                             GHashTable *values, char **subject, char **body, GError **error);

/* The names of `fields` that `text` uses outside comments, so that a caller reads only
 * the values it will show. A new set whose keys are borrowed from `fields`; a name that
 * is not a field is left out (jt_template_render refuses it). */
GHashTable *jt_template_fields_used (const char *text, const JtTemplateField *fields);

G_END_DECLS
