/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-records.h: the things a job seeker records (doc/design.md, "Things recorded").
 *
 * Plain structs with public fields, each with a _free function and g_autoptr support.
 * Instants are unix seconds (UTC); calendar days are "YYYY-MM-DD" strings in the user's
 * zone. An absent optional value is NULL text or 0 (ids start at 1, ratings at 1). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JT_STATUS_LEAD,
  JT_STATUS_APPLIED,
  JT_STATUS_INTERVIEWING,
  JT_STATUS_OFFER,
  JT_STATUS_ACCEPTED,
  JT_STATUS_DECLINED,
  JT_STATUS_REJECTED,
  JT_STATUS_WITHDRAWN,
} JtStatus;

typedef enum
{
  JT_INTERVIEW_PHONE,
  JT_INTERVIEW_VIDEO,
  JT_INTERVIEW_ONSITE,
  JT_INTERVIEW_PANEL,
  JT_INTERVIEW_FINAL,
} JtInterviewKind;

/* A contact's roles in a hiring process; a set of flags. */
typedef enum
{
  JT_ROLE_DECISION_MAKER = 1 << 0,
  JT_ROLE_INFLUENCER = 1 << 1,
  JT_ROLE_HR = 1 << 2,
  JT_ROLE_RECRUITER = 1 << 3,
  JT_ROLE_REFERENCE = 1 << 4,
} JtContactRole;
#define JT_ROLE_COUNT 5

typedef enum
{
  JT_OFFER_OPEN,
  JT_OFFER_NEGOTIATING,
  JT_OFFER_ACCEPTED,
  JT_OFFER_DECLINED,
} JtOfferState;

typedef enum
{
  JT_OUTCOME_OFFER,
  JT_OUTCOME_REJECTED,
  JT_OUTCOME_ACCEPTED,
  JT_OUTCOME_DECLINED,
  JT_OUTCOME_WITHDRAWN,
} JtOutcomeKind;

typedef enum
{
  JT_TOUCH_LETTER,
  JT_TOUCH_EMAIL,
  JT_TOUCH_CALL,
  JT_TOUCH_MEETING,
} JtTouchKind;

/* What a document of an application is (schema 11): names "resume", "cover-letter",
 * "portfolio", "posting", "other". */
typedef enum
{
  JT_DOCUMENT_RESUME,
  JT_DOCUMENT_COVER_LETTER,
  JT_DOCUMENT_PORTFOLIO,
  JT_DOCUMENT_POSTING,
  JT_DOCUMENT_OTHER,
} JtDocumentKind;

/* Names as stored and typed ("interviewing", "decision-maker", ...). The _to_string
 * functions return static strings; the _parse functions fail with JT_ERROR_INVALID
 * naming the accepted values. */
const char *jt_status_to_string (JtStatus status);
gboolean jt_status_parse (const char *text, JtStatus *status, GError **error);
/* TRUE for the statuses that end an application (accepted, declined, rejected, withdrawn). */
gboolean jt_status_is_final (JtStatus status);

/* The funnel of the pipeline (DOMAIN.md): applied → interview → offer → accepted. */
typedef enum
{
  JT_STAGE_APPLIED,
  JT_STAGE_INTERVIEW,
  JT_STAGE_OFFER,
  JT_STAGE_ACCEPTED,
} JtStage;
#define JT_STAGE_COUNT 4

/* TRUE when holding `status` shows the application reached `stage`: applied for any
 * status but lead and withdrawn (a lead given up was never sent); interview for
 * interviewing and later (offer, accepted, declined); offer for offer, accepted and
 * declined; accepted for accepted. */
gboolean jt_status_reaches_stage (JtStatus status, JtStage stage);
/* TRUE for a status that answers an application: any it reaches after applied
 * (interviewing and later, rejected included). */
gboolean jt_status_is_response (JtStatus status);
/* TRUE for a status that is the employer's decision: offer, accepted, declined or
 * rejected. */
gboolean jt_status_is_decision (JtStatus status);
/* TRUE for an outcome that is the employer's decision: an offer, a rejection or an
 * acceptance (declining and withdrawing are the candidate's). */
gboolean jt_outcome_kind_is_decision (JtOutcomeKind kind);
const char *jt_interview_kind_to_string (JtInterviewKind kind);
gboolean jt_interview_kind_parse (const char *text, JtInterviewKind *kind, GError **error);
const char *jt_contact_role_to_string (JtContactRole role);
gboolean jt_contact_role_parse (const char *text, JtContactRole *role, GError **error);
/* Parses a comma-separated list of roles ("hr, recruiter") into flags. */
gboolean jt_contact_roles_parse (const char *text, guint *roles, GError **error);
const char *jt_offer_state_to_string (JtOfferState state);
gboolean jt_offer_state_parse (const char *text, JtOfferState *state, GError **error);
const char *jt_outcome_kind_to_string (JtOutcomeKind kind);
gboolean jt_outcome_kind_parse (const char *text, JtOutcomeKind *kind, GError **error);
/* The status an application takes on when this outcome is recorded. */
JtStatus jt_outcome_kind_status (JtOutcomeKind kind);
const char *jt_touch_kind_to_string (JtTouchKind kind);
gboolean jt_touch_kind_parse (const char *text, JtTouchKind *kind, GError **error);
const char *jt_document_kind_to_string (JtDocumentKind kind);
gboolean jt_document_kind_parse (const char *text, JtDocumentKind *kind, GError **error);

/* The form two texts are compared in when a person types them: surrounding space
 * dropped, Unicode compatibility forms and case folded ("SOCIÉTÉ" = "société").
 * NULL gives "". New string. */
char *jt_text_fold (const char *text);

/* The company without its legal form, folded and without accents, so that "ACME Inc.",
 * "acme gmbh", "Acme, LLC" and "Acme S.A." all give "acme", and "Société Générale SA"
 * gives "societe generale". The name is kept whole when it is nothing but a legal form.
 * New string. */
char *jt_company_family (const char *company);

/* TRUE for NULL, "" and text of only white space: a required field left empty. */
gboolean jt_text_is_blank (const char *text);

typedef struct
{
  gint64 id;
  char *company;
  char *role;   /* "" when not known yet */
  char *source; /* where it came from: a referral, a job board... */
  char *url;
  JtStatus status;
  int interest; /* 1-5, 0 when not given */
  char *notes;
  char *decision_date; /* the newest decision date, "YYYY-MM-DD", or NULL */
  gint64 created_at;
  gint64 updated_at;
  gint64 last_activity_at; /* newest of: created, an interview, a touch, an outcome */
} JtApplication;

typedef struct
{
  gint64 id;
  char *name;
  char *title;
  char *company; /* "" when not known */
  char *email;
  char *phone;
  char *url;
  guint roles;         /* JtContactRole flags */
  gboolean hit_it_off; /* real rapport */
  gboolean network;    /* keep in touch whatever happens to the application */
  char *notes;
  gint64 created_at;
  gint64 updated_at;
} JtContact;

typedef struct
{
  gint64 id;
  gint64 application_id;
  gint64 start_at;
  int duration_min;
  JtInterviewKind kind;
  char *place; /* an address or a meeting link */
  /* The assessment, every answer optional. */
  int rating;         /* 1-5, 0 when not given */
  char *conversation; /* what they said, what you said */
  char *edge;         /* what you offer that other candidates don't */
  char *problems;     /* the employer's problems and what you would propose */
  char *objections;   /* gaps or objections they raised */
  char *next_step;
  gint64 may_call_at;      /* permission to call from then; 0 when not given */
  char *notes;             /* the summary of the meeting */
  GPtrArray *interviewers; /* JtContact*, the people met; owned */
  gint64 created_at;
  gint64 updated_at;
  /* Calendar identity (jt-calendar-identity.h): its SEQUENCE, which grows by one when
   * what its calendar entry shows changes, and a digest of that; kept by the rules. */
  int revision;
  char *shown_digest; /* NULL until first computed */
} JtInterview;

typedef struct
{
  gint64 id;
  gint64 application_id;
  char *received_on; /* "YYYY-MM-DD" */
  char *deadline;    /* respond-by day, or NULL */
  char *salary;
  char *title;
  char *start_on; /* "YYYY-MM-DD" or NULL */
  JtOfferState state;
  char *notes;
  gint64 created_at;
  gint64 updated_at;
} JtOffer;

typedef struct
{
  gint64 id;
  gint64 application_id;
  JtOutcomeKind kind;
  gint64 occurred_at;
} JtOutcome;

typedef struct
{
  gint64 id;
  gint64 application_id; /* 0 when the touch is not about an application */
  gint64 contact_id;     /* 0 when nobody in particular */
  char *contact_name;    /* filled when reading, for display */
  JtTouchKind kind;
  gint64 at;
  char *about;
} JtTouch;

typedef struct
{
  JtStatus status;
  gint64 changed_at;
} JtStatusChange;

/* The rules; their names are stable identifiers (JSON, config keys, calendars). */
typedef enum
{
  JT_RULE_SUMMARY,               /* R1  write the summary of the meeting */
  JT_RULE_THANK_YOU,             /* R2  thank-you letter to each person met */
  JT_RULE_FOLLOW_UP_CALL,        /* R3  call when the decision date passes */
  JT_RULE_BRING_FORWARD,         /* R4  ask a slower employer to decide sooner */
  JT_RULE_BRIEF_REFERENCES,      /* R5  brief references before the final round */
  JT_RULE_REJECTION_LETTER,      /* R6  thanks and lasting interest after a rejection */
  JT_RULE_RAPPORT_CALL,          /* R7  call the people you hit it off with */
  JT_RULE_RECONTACT,             /* R8  the five-month re-contact */
  JT_RULE_OFFER_NEGOTIATION,     /* R9  negotiate the offer */
  JT_RULE_OFFER_DEADLINE,        /* R9  last call before the offer's deadline */
  JT_RULE_NETWORK_UPDATE,        /* R10 stay on a network contact's radar */
  JT_RULE_APPLICATION_FOLLOW_UP, /* R11 check in on a silent application */
  JT_RULE_CLOSING_DATE,          /* R12 apply before the saved posting closes */
  JT_RULE_MANUAL,                /* added with `jobtrack remind add` */
} JtRule;
#define JT_RULE_COUNT (JT_RULE_MANUAL + 1)

typedef enum
{
  JT_REMINDER_PENDING,
  JT_REMINDER_SNOOZED,
  JT_REMINDER_DONE,
  JT_REMINDER_DISMISSED,
} JtReminderState;

/* Static names: "thank_you", "pending", ... The _parse functions fail with
 * JT_ERROR_INVALID naming the accepted values. */
const char *jt_rule_to_string (JtRule rule);
gboolean jt_rule_parse (const char *text, JtRule *rule, GError **error);
const char *jt_reminder_state_to_string (JtReminderState state);
gboolean jt_reminder_state_parse (const char *text, JtReminderState *state, GError **error);

/* A reminder: a follow-up owed, derived by a rule from the records or added by hand.
 *
 * A rule's reminder holds facts: its rule, the records it is about, its due time and the
 * day it counts from. Its title and detail are words for people, made when it is shown
 * by jt_reminder_text_render () (jt-reminder-text.h) from those facts and the records'
 * fields read with it. A manual reminder's title and detail are the person's own text. */
typedef struct
{
  gint64 id;
  char *uid; /* stable for (rule, application, contact, interview): calendars */
  JtRule rule;
  gint64 application_id; /* 0 for none (a network update) */
  gint64 contact_id;     /* 0 for none */
  gint64 interview_id;   /* 0 for none */
  gint64 offer_id;       /* the offer it is about (R4: the one that expires, R9), else 0 */
  char *since_day;       /* "YYYY-MM-DD" the rule counted from, where its text cites it:
                          * the interview (R2), the last interview (R3 without a decision
                          * date), the final round (R5), the rejection (R8), the last touch
                          * (R10, R11); else NULL */
  gint64 due_at;         /* when the rule (or the person) set it due */
  gint64 fire_at;        /* when it is next shown: due_at, or the end of a snooze */
  JtReminderState state;
  char *title;        /* "Thank-you letter to Raj Patel — Globex, SRE": rendered, or a
                       * manual reminder's own */
  char *detail;       /* context: what was said, how to reach them; rendered or own */
  int revision;       /* its calendar SEQUENCE: grows when it moves or its text changes */
  char *shown_digest; /* what its calendar entry showed (jt-calendar-identity.h), or NULL */
  gint64 notified_at; /* last notification, 0 for never */
  gint64 created_at;
  gint64 updated_at;
  /* Filled when reading, for display and for the text: the records it is about. */
  char *company;
  char *role;
  char *contact_name;
  char *contact_email;
  char *contact_phone;
  char *contact_title;
  JtInterviewKind interview_kind; /* when interview_id is not 0 */
  char *interview_edge;
  char *interview_objections;
  char *offer_deadline;
  char *offer_salary;
  char *offer_company; /* the company whose offer it is (R4: another application's) */
  char *decision_date; /* the application's newest decision date, or NULL */
  /* The newest change of the reminder or of a record its text shows: when its rendered
   * text may last have changed (a calendar's LAST-MODIFIED). */
  gint64 text_updated_at;
} JtReminder;

JtApplication *jt_application_new (void);
void jt_application_free (JtApplication *app);
JtContact *jt_contact_new (void);
void jt_contact_free (JtContact *contact);
JtContact *jt_contact_copy (const JtContact *contact);
JtInterview *jt_interview_new (void);
void jt_interview_free (JtInterview *interview);
JtOffer *jt_offer_new (void);
void jt_offer_free (JtOffer *offer);
JtOutcome *jt_outcome_new (void);
void jt_outcome_free (JtOutcome *outcome);
JtTouch *jt_touch_new (void);
void jt_touch_free (JtTouch *touch);

JtReminder *jt_reminder_new (void);
void jt_reminder_free (JtReminder *reminder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtApplication, jt_application_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtReminder, jt_reminder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtContact, jt_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtInterview, jt_interview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtOffer, jt_offer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtOutcome, jt_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtTouch, jt_touch_free)

G_END_DECLS
