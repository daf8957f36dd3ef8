/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-reminder-text.h: a follow-up's title and detail, in words, made when it is shown.
 *
 * The rules store facts (rule, records, due time, the day counted from); this is the one
 * place that turns them into text, for the agenda, `show`, the done/snooze/dismiss
 * messages, JSON, notifications and calendars alike. The words go through gettext. A
 * manual reminder's title and detail are the person's own and are left as they are. */
#pragma once

#include "jt-config.h"
#include "jt-records.h"

G_BEGIN_DECLS

/* Sets `reminder`'s title and detail (replacing what was there) from its rule, its facts
 * and the record fields the store read with it (jt-store-reminders.h), and from `config`
 * (NULL for the defaults): "Thank-you letter to Raj Patel — Globex, SRE". The strings
 * belong to the reminder. */
void jt_reminder_text_render (JtReminder *reminder, const JtConfig *config);

/* The same for the title only, the detail left as it was: for a list that shows titles
 * and not the details. The string belongs to the reminder. */
void jt_reminder_text_render_title (JtReminder *reminder, const JtConfig *config);

/* The line of a rendered detail that says how to reach the person ("Reach Raj Patel:
 * raj@globex.example."), or NULL when it has none: a notification that names them on its
 * first line leaves it out. New string. */
char *jt_reminder_text_reach (const JtReminder *reminder);

/* The same for each JtReminder* of `reminders`: what a caller does after reading a batch. */
void jt_reminder_text_render_all (GPtrArray *reminders, const JtConfig *config);

G_END_DECLS
