/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-letter.h: letter drafts built from the records (doc/design.md, "Around the
 * follow-ups").
 *
 * A draft is a template filled with facts from the records: the person written to, the
 * application, the interview, its assessment, the skills kept for the application and the
 * day of the follow-up call the rules scheduled. A fact the records do not hold leaves a
 * marked gap such as "[the day they plan to decide]", never invented text.
 *
 * Templates are plain text files (jt-template.h): the first line is "Subject: ...",
 * then the body; "{field}" is replaced by a fact, "{{" is a literal "{", and lines
 * starting with "#" are comments. The fields are listed in jt_letter_fields () and read
 * by jt-letter-facts.c; a template naming any other is an error naming the file, the line
 * and the field. For kind KIND and tone TONE the first of these is used:
 *   $XDG_CONFIG_HOME/jobtrack/letters/KIND.TONE.txt
 *   $XDG_CONFIG_HOME/jobtrack/letters/KIND.txt
 *   the built-in KIND.TONE.txt, then KIND.txt (data/letters/, compiled in and installed
 *   to DATADIR/jobtrack/letters for reference)
 * The built-in KIND.txt is formal; KIND.friendly.txt is friendly.
 *
 * The closing is the sender's, from [user] in config.ini: {signature} under the sign-off
 * is [user] signature when set, else the name, then the email and phone lines that are
 * set; {my_name}, {my_email} and {my_phone} name one each. Without a name it stays the
 * gap "[your name]", for the person to fill in. */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-records.h"
#include "jt-store.h"
#include "jt-template.h"

G_BEGIN_DECLS

typedef enum
{
  JT_LETTER_THANKS,          /* after an interview, one per person met */
  JT_LETTER_FOLLOW_UP,       /* the decision date passed, or the call did not reach them */
  JT_LETTER_BRING_FORWARD,   /* another offer has a deadline before their decision */
  JT_LETTER_AFTER_REJECTION, /* thanks, lasting interest, keep me in mind */
  JT_LETTER_RECONTACT,       /* five months after a rejection */
  JT_LETTER_REFERENCES,      /* briefing a reference on the role */
  JT_LETTER_NETWORK_UPDATE,  /* staying on a network contact's radar */
} JtLetterKind;
#define JT_LETTER_KIND_COUNT (JT_LETTER_NETWORK_UPDATE + 1)

typedef enum
{
  JT_LETTER_TONE_AUTO, /* friendly to someone you hit it off with, else formal */
  JT_LETTER_TONE_FORMAL,
  JT_LETTER_TONE_FRIENDLY,
} JtLetterTone;

/* "thanks", "follow-up", ...: static strings. The _parse functions fail with
 * JT_ERROR_INVALID naming the accepted values. */
const char *jt_letter_kind_to_string (JtLetterKind kind);
gboolean jt_letter_kind_parse (const char *text, JtLetterKind *kind, GError **error);
gboolean jt_letter_tone_parse (const char *text, JtLetterTone *tone, GError **error);

/* The letter a reminder of `rule` is: TRUE for the written follow-ups (thank-you letter,
 * letter after a rejection, network update), with their kind in `kind` (may be NULL). */
gboolean jt_letter_kind_for_rule (JtRule rule, JtLetterKind *kind);

/* A template field: its name, the gap left when the records lack it, and its meaning
 * (untranslated: show it with _()). */
typedef JtTemplateField JtLetterField;

/* The fields templates may name, ended by { NULL }. Static. */
const JtLetterField *jt_letter_fields (void);

/* What to write and to whom. Give a reminder, or an interview and a contact, or an
 * application and a contact, or only a contact (a network update). */
typedef struct
{
  JtLetterKind kind;
  JtLetterTone tone;
  gint64 reminder_id;
  gint64 interview_id;
  gint64 application_id;
  gint64 contact_id;
  gint64 now;             /* "the latest interview" is the latest that started by then */
  const JtConfig *config; /* who signs ([user] name, email, phone, signature); borrowed, may
                           * be NULL: the closing is the gap "[your name]" */
} JtLetterRequest;

typedef struct
{
  char *to_name;  /* NULL when the letter is addressed to nobody in the records */
  char *to_email; /* NULL when not known */
  char *subject;
  char *body;            /* ends with one newline */
  gboolean name_missing; /* it shows "[your name]": [user] name (or signature) is not set */
} JtLetter;

void jt_letter_free (JtLetter *letter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtLetter, jt_letter_free)

/* Builds the draft from the records, dates in `tz`. Unknown ids are JT_ERROR_NOT_FOUND;
 * a bad template (unknown field, unreadable file, no Subject line) is JT_ERROR_INVALID
 * "FILE:LINE: ...". New letter. */
JtLetter *jt_letter_build (JtStore *store, const JtLetterRequest *request, GTimeZone *tz,
                           GError **error);

/* The draft as a plain-text email: "To: Name <email>" (when addressed), "Subject: ...", a
 * blank line and the body. New string. */
char *jt_letter_to_text (const JtLetter *letter);

/* The draft as a mailto: URI (RFC 6068): the address, subject and body percent-encoded
 * as UTF-8, line breaks as CRLF. No address gives "mailto:?subject=...". New string. */
char *jt_letter_to_mailto (const JtLetter *letter);

/* The first `max_lines` non-blank lines of the draft a letter reminder calls for
 * ("Subject: ..." first), for a calendar event's description or a notification, signed
 * as `config` says (may be NULL). NULL without an error when the reminder is not a
 * letter (see jt_letter_kind_for_rule). Dates are written in `tz`. New string. */
char *jt_letter_preview (JtStore *store, const JtReminder *reminder, const JtConfig *config,
                         GTimeZone *tz, guint max_lines, GError **error);

/* Fills the template `text` (read from `source`, named in errors) with `values`: field
 * name -> value, where a missing or NULL value leaves the field's gap. Returns the
 * subject and body (new strings), or FALSE with JT_ERROR_INVALID "SOURCE:LINE: ...". */
gboolean jt_letter_render (const char *text, const char *source, GHashTable *values, char **subject,
                           char **body, GError **error);

/* The template for `kind` in `tone` (not AUTO), following the search order above: new
 * text, and in `source` (new) the file it came from ("built-in thanks.txt" for a
 * compiled-in one). An override that cannot be read, or is not UTF-8, is JT_ERROR_INVALID. */
char *jt_letter_template_load (JtLetterKind kind, JtLetterTone tone, char **source, GError **error);

G_END_DECLS
