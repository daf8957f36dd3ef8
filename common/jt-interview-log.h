/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-interview-log.h: logging an interview right after it happened (`jobtrack add`).
 *
 * One call records everything in one transaction: it reuses the open application of the
 * same company and role or creates one, reuses or creates a contact for every person met,
 * marks the decision-maker and the influencer, records the decision date, the interview
 * and its assessment, and moves the application to "interviewing". */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *company;
  char *role;
  GPtrArray *people;      /* JtContact* as typed (no ids), the people met; owned */
  char *decision_maker;   /* a name: one of the people met, or someone new */
  char *influencer;       /* likewise */
  char *decision_date;    /* "YYYY-MM-DD" or NULL */
  JtInterview *interview; /* time, kind, place and assessment; owned */
} JtInterviewLog;

/* What the log created or reused, for the person to see. */
typedef struct
{
  JtApplication *application; /* as stored; owned */
  gboolean application_created;
  gint64 interview_id;
  GPtrArray *contacts; /* JtContact*, everyone recorded, with ids; owned */
  GArray *created;     /* gboolean per contact: TRUE when new */
} JtInterviewLogResult;

JtInterviewLog *jt_interview_log_new (void);
void jt_interview_log_free (JtInterviewLog *log);
void jt_interview_log_result_clear (JtInterviewLogResult *result);

/* Parses a person as typed after --with: "Name <email>, Title", "Name, Title",
 * "Name <email>" or "Name". Returns a new contact without an id. */
JtContact *jt_person_parse (const char *text, GError **error);

/* Records `log` at `now` in one transaction; fills `result` (clear it with
 * jt_interview_log_result_clear) and log->interview's id and interviewers. On error
 * nothing is written. */
gboolean jt_interview_log_record (JtStore *store, JtInterviewLog *log, gint64 now,
                                  JtInterviewLogResult *result, GError **error);

/* The same inside the caller's write transaction (jt_store_begin_write), for an
 * operation that records several logs and must land whole or not at all (importing a
 * calendar file). On error the caller rolls back. */
gboolean jt_interview_log_record_in_transaction (JtStore *store, JtInterviewLog *log, gint64 now,
                                                 JtInterviewLogResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtInterviewLog, jt_interview_log_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JtInterviewLogResult, jt_interview_log_result_clear)

G_END_DECLS
