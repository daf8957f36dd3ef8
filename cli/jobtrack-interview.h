/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-interview.h: what `add`, `show` and `interview` share about an interview:
 * the fields a person types for it, and how its assessment is printed. Defined in
 * jobtrack-interview.c. */
#pragma once

#include "jt-cli.h"

G_BEGIN_DECLS

/* An interview's fields as typed (options of `add` and `interview edit`, or answers to
 * `add`'s questions); NULL where not given. */
typedef struct
{
  char *at;
  char *duration;
  char *kind;
  char *where;
  char **with;
  char *rating;
  char *said;
  char *edge;
  char *problems;
  char *objections;
  char *next_step;
  char *may_call;
  char *notes;
} JtInterviewFields;

/* Frees what `fields` holds and zeroes it. */
void jt_interview_fields_clear (JtInterviewFields *fields);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JtInterviewFields, jt_interview_fields_clear)

/* TRUE when no field was given. */
gboolean jt_interview_fields_is_empty (const JtInterviewFields *fields);

/* Applies the given fields (not --with) to `interview`, checking each: the time, a
 * length of 1 minute to 24 hours, the kind, a rating of 1 to 5. With `empty_clears`, an
 * empty rating or may-call time clears it (as `interview edit` allows); else it is
 * refused like any bad value. JT_ERROR_INVALID for a bad value. */
gboolean jt_interview_fields_apply (JtCli *cli, const JtInterviewFields *fields,
                                    gboolean empty_clears, JtInterview *interview, GError **error);

/* Prints the place, the people met and the assessment of `interview`, one field a line
 * (what `show` and `interview show` both tell after their own heading). */
void jt_cli_print_interview_details (JtCli *cli, const JtInterview *interview);

G_END_DECLS
