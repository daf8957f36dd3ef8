/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-json.h: the stable JSON shapes of the records, for --json and for scripts.
 *
 * Each function adds one JSON object to `builder` at its current position (an array
 * element or a member value). Instants are ISO 8601 with the offset of `tz`; days are
 * "YYYY-MM-DD"; absent values are null, never missing. */
#pragma once

#include <json-glib/json-glib.h>

#include "jt-records.h"
#include "jt-store-documents.h"
#include "jt-store-postings.h"

G_BEGIN_DECLS

void jt_json_add_application (JsonBuilder *builder, const JtApplication *app, GTimeZone *tz);
/* The application's members only, into an object the caller began (to add more). */
void jt_json_add_application_members (JsonBuilder *builder, const JtApplication *app,
                                      GTimeZone *tz);
void jt_json_add_contact (JsonBuilder *builder, const JtContact *contact, GTimeZone *tz);
/* The contact's members only, into an object the caller began (to add more). */
void jt_json_add_contact_members (JsonBuilder *builder, const JtContact *contact, GTimeZone *tz);
/* `app` gives the interview's {id, company, role}. */
void jt_json_add_interview (JsonBuilder *builder, const JtInterview *interview,
                            const JtApplication *app, GTimeZone *tz);
void jt_json_add_offer (JsonBuilder *builder, const JtOffer *offer, GTimeZone *tz);
void jt_json_add_outcome (JsonBuilder *builder, const JtOutcome *outcome, GTimeZone *tz);
void jt_json_add_touch (JsonBuilder *builder, const JtTouch *touch, GTimeZone *tz);
void jt_json_add_status_change (JsonBuilder *builder, const JtStatusChange *change, GTimeZone *tz);

/* {id, uid, rule, due, state, snoozed_until, title, detail, application: {id, company,
 * role} or null, contact: {id, name, email, phone} or null, revision, notified}. */
void jt_json_add_reminder (JsonBuilder *builder, const JtReminder *reminder, GTimeZone *tz);

/* {id, application_id, kind, name, note, media_type, size, sha256, attached,
 * resume_version (its name, or null), path (the kept file in `files_dir`), kept (whether
 * that file is there)}. */
void jt_json_add_document (JsonBuilder *builder, const JtDocument *document, const char *files_dir,
                           GTimeZone *tz);

/* {id, name, file_name, note, media_type, size, sha256, added, applications, path}. */
void jt_json_add_resume_version (JsonBuilder *builder, const JtResumeVersion *version,
                                 const char *files_dir, GTimeZone *tz);

/* {application_id, source, title, url, identifier, location, employment_type, salary,
 * posted, closes ("YYYY-MM-DD" when the page gave a day alone, else an instant),
 * captured}. */
void jt_json_add_saved_posting (JsonBuilder *builder, const JtSavedPosting *posting, GTimeZone *tz);

/* The builder's root as pretty-printed text with a final newline. New string. */
char *jt_json_to_string (JsonBuilder *builder);

G_END_DECLS
