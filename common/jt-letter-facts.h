/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-letter-facts.h: what a letter's fields hold, read from the records.
 *
 * The person written to, the application, the interview and its assessment, the skills
 * kept for the application, the day of the follow-up call the rules scheduled and
 * another offer's deadline, each turned into the words a letter shows ("Tuesday 1
 * December", "the phone interview"). A fact the records do not hold has no value, and
 * the template leaves the field's gap. The sender (my_name, my_email, my_phone,
 * signature) comes from the [user] settings, not the records. */
#pragma once

#include <glib.h>

#include "jt-config.h"
#include "jt-letter.h"
#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

/* The records one letter is drawn from; what is not known or not needed is NULL or 0. */
typedef struct
{
  JtReminder *reminder;
  JtApplication *app;
  JtContact *contact;
  JtInterview *interview;
  GStrv skills;
  gint64 call_due;        /* 0 when no follow-up call is pending */
  char *offer_deadline;   /* "YYYY-MM-DD" or NULL */
  const JtConfig *sender; /* borrowed from the request; NULL: no [user] settings */
} JtLetterFacts;

/* Frees what `facts` holds and zeroes it. */
void jt_letter_facts_clear (JtLetterFacts *facts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JtLetterFacts, jt_letter_facts_clear)

/* The fields letter templates may name, ended by { NULL }. Static. */
const JtTemplateField *jt_letter_facts_fields (void);

/* Who and what the letter is about: the reminder, interview, contact and application
 * `request` names, and the ones they lead to. Unknown ids are JT_ERROR_NOT_FOUND. */
gboolean jt_letter_facts_read_subjects (JtStore *store, const JtLetterRequest *request,
                                        JtLetterFacts *facts, GError **error);

/* The rest (the interview, skills, the promised call, another offer's deadline), as far
 * as the field names in `used` need them: a calendar export drafts many letters. */
gboolean jt_letter_facts_read_details (JtStore *store, const JtLetterRequest *request,
                                       GHashTable *used, JtLetterFacts *facts, GError **error);

/* Whether a draft using the fields in `used` shows "[your name]" for want of [user] name
 * (or, for {signature}, of [user] signature). */
gboolean jt_letter_facts_name_missing (const JtLetterFacts *facts, GHashTable *used);

/* Field name -> value for what `facts` holds, days in words in `tz` (the year left out
 * when it is the year of `now`). A new table of new strings, its keys static. */
GHashTable *jt_letter_facts_values (const JtLetterFacts *facts, gint64 now, GTimeZone *tz);

G_END_DECLS
