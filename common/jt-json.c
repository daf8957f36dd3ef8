/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-json.c: records as JSON objects. */
#include "jt-json.h"

#include "jt-documents.h"
#include "jt-time.h"

static void
member_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
member_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* 0 means absent for ratings, interest and optional ids. */
static void
member_opt_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  if (value == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
member_bool (JsonBuilder *builder, const char *name, gboolean value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
member_time (JsonBuilder *builder, const char *name, gint64 unix_seconds, GTimeZone *tz)
{
  g_autofree char *text = unix_seconds != 0 ? jt_time_format_iso (unix_seconds, tz) : NULL;

  member_string (builder, name, text);
}

void
jt_json_add_application_members (JsonBuilder *builder, const JtApplication *app, GTimeZone *tz)
{
  member_int (builder, "id", app->id);
  member_string (builder, "company", app->company);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, app->role != NULL ? app->role : "");
  member_string (builder, "status", jt_status_to_string (app->status));
  member_string (builder, "decision_date", app->decision_date);
  member_string (builder, "source", app->source);
  member_string (builder, "url", app->url);
  member_opt_int (builder, "interest", app->interest);
  member_string (builder, "notes", app->notes);
  member_time (builder, "created", app->created_at, tz);
  member_time (builder, "updated", app->updated_at, tz);
}

void
jt_json_add_application (JsonBuilder *builder, const JtApplication *app, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  jt_json_add_application_members (builder, app, tz);
  json_builder_end_object (builder);
}

void
jt_json_add_contact_members (JsonBuilder *builder, const JtContact *contact, GTimeZone *tz)
{
  member_int (builder, "id", contact->id);
  member_string (builder, "name", contact->name);
  member_string (builder, "email", contact->email);
  member_string (builder, "phone", contact->phone);
  member_string (builder, "title", contact->title);
  member_string (builder, "company", contact->company);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < JT_ROLE_COUNT; i++)
    if (contact->roles & (1u << i))
      json_builder_add_string_value (builder, jt_contact_role_to_string (1u << i));
  json_builder_end_array (builder);
  member_bool (builder, "hit_it_off", contact->hit_it_off);
  member_bool (builder, "network", contact->network);
  member_string (builder, "url", contact->url);
  member_string (builder, "notes", contact->notes);
  member_time (builder, "created", contact->created_at, tz);
  member_time (builder, "updated", contact->updated_at, tz);
}

void
jt_json_add_contact (JsonBuilder *builder, const JtContact *contact, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  jt_json_add_contact_members (builder, contact, tz);
  json_builder_end_object (builder);
}

void
jt_json_add_interview (JsonBuilder *builder, const JtInterview *interview, const JtApplication *app,
                       GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "id", interview->id);
  json_builder_set_member_name (builder, "application");
  json_builder_begin_object (builder);
  member_int (builder, "id", app->id);
  member_string (builder, "company", app->company);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, app->role != NULL ? app->role : "");
  json_builder_end_object (builder);
  member_time (builder, "start", interview->start_at, tz);
  member_time (builder, "end", interview->start_at + (gint64) interview->duration_min * 60, tz);
  member_int (builder, "duration_min", interview->duration_min);
  member_string (builder, "kind", jt_interview_kind_to_string (interview->kind));
  member_string (builder, "where", interview->place);
  json_builder_set_member_name (builder, "interviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *person = g_ptr_array_index (interview->interviewers, i);

      json_builder_begin_object (builder);
      member_int (builder, "id", person->id);
      member_string (builder, "name", person->name);
      member_string (builder, "email", person->email);
      member_string (builder, "title", person->title);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  member_opt_int (builder, "rating", interview->rating);
  member_string (builder, "said", interview->conversation);
  member_string (builder, "edge", interview->edge);
  member_string (builder, "problems", interview->problems);
  member_string (builder, "objections", interview->objections);
  member_string (builder, "next_step", interview->next_step);
  member_time (builder, "may_call", interview->may_call_at, tz);
  member_string (builder, "notes", interview->notes);
  json_builder_end_object (builder);
}

void
jt_json_add_offer (JsonBuilder *builder, const JtOffer *offer, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "id", offer->id);
  member_int (builder, "application_id", offer->application_id);
  member_string (builder, "received", offer->received_on);
  member_string (builder, "deadline", offer->deadline);
  member_string (builder, "salary", offer->salary);
  member_string (builder, "title", offer->title);
  member_string (builder, "start", offer->start_on);
  member_string (builder, "state", jt_offer_state_to_string (offer->state));
  member_string (builder, "notes", offer->notes);
  member_time (builder, "updated", offer->updated_at, tz);
  json_builder_end_object (builder);
}

void
jt_json_add_outcome (JsonBuilder *builder, const JtOutcome *outcome, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "id", outcome->id);
  member_string (builder, "outcome", jt_outcome_kind_to_string (outcome->kind));
  member_time (builder, "at", outcome->occurred_at, tz);
  json_builder_end_object (builder);
}

void
jt_json_add_touch (JsonBuilder *builder, const JtTouch *touch, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "id", touch->id);
  member_opt_int (builder, "application_id", touch->application_id);
  json_builder_set_member_name (builder, "contact");
  if (touch->contact_id == 0)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      member_int (builder, "id", touch->contact_id);
      member_string (builder, "name", touch->contact_name);
      json_builder_end_object (builder);
    }
  member_string (builder, "kind", jt_touch_kind_to_string (touch->kind));
  member_time (builder, "at", touch->at, tz);
  member_string (builder, "about", touch->about);
  json_builder_end_object (builder);
}

void
jt_json_add_document (JsonBuilder *builder, const JtDocument *document, const char *files_dir,
                      GTimeZone *tz)
{
  g_autofree char *path = jt_documents_path (files_dir, document->sha256);

  json_builder_begin_object (builder);
  member_int (builder, "id", document->id);
  member_int (builder, "application_id", document->application_id);
  member_string (builder, "kind", jt_document_kind_to_string (document->kind));
  member_string (builder, "name", document->name);
  member_string (builder, "note", document->note);
  member_string (builder, "media_type", document->media_type);
  member_int (builder, "size", document->size);
  member_string (builder, "sha256", document->sha256);
  member_time (builder, "attached", document->attached_at, tz);
  member_string (builder, "resume_version", document->resume_version);
  member_string (builder, "path", path);
  member_bool (builder, "kept", jt_documents_is_kept (files_dir, document->sha256, document->size));
  json_builder_end_object (builder);
}

void
jt_json_add_resume_version (JsonBuilder *builder, const JtResumeVersion *version,
                            const char *files_dir, GTimeZone *tz)
{
  g_autofree char *path = jt_documents_path (files_dir, version->sha256);

  json_builder_begin_object (builder);
  member_int (builder, "id", version->id);
  member_string (builder, "name", version->name);
  member_string (builder, "file_name", version->original_name);
  member_string (builder, "note", version->note);
  member_string (builder, "media_type", version->media_type);
  member_int (builder, "size", version->size);
  member_string (builder, "sha256", version->sha256);
  member_time (builder, "added", version->created_at, tz);
  member_int (builder, "applications", version->applications);
  member_string (builder, "path", path);
  json_builder_end_object (builder);
}

void
jt_json_add_status_change (JsonBuilder *builder, const JtStatusChange *change, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_string (builder, "status", jt_status_to_string (change->status));
  member_time (builder, "at", change->changed_at, tz);
  json_builder_end_object (builder);
}

void
jt_json_add_reminder (JsonBuilder *builder, const JtReminder *reminder, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "id", reminder->id);
  member_string (builder, "uid", reminder->uid);
  member_string (builder, "rule", jt_rule_to_string (reminder->rule));
  member_time (builder, "due", reminder->due_at, tz);
  member_string (builder, "state", jt_reminder_state_to_string (reminder->state));
  member_time (builder, "snoozed_until",
               reminder->state == JT_REMINDER_SNOOZED ? reminder->fire_at : 0, tz);
  member_string (builder, "title", reminder->title);
  member_string (builder, "detail", reminder->detail);
  json_builder_set_member_name (builder, "application");
  if (reminder->application_id == 0)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      member_int (builder, "id", reminder->application_id);
      member_string (builder, "company", reminder->company);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, reminder->role != NULL ? reminder->role : "");
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "contact");
  if (reminder->contact_id == 0)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      member_int (builder, "id", reminder->contact_id);
      member_string (builder, "name", reminder->contact_name);
      member_string (builder, "email", reminder->contact_email);
      member_string (builder, "phone", reminder->contact_phone);
      json_builder_end_object (builder);
    }
  member_int (builder, "revision", reminder->revision);
  member_time (builder, "notified", reminder->notified_at, tz);
  json_builder_end_object (builder);
}

char *
jt_json_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* A day the page gave alone, "YYYY-MM-DD" (it was read as 00:00 UTC of that day); else
 * the instant. */
static void
member_day_or_time (JsonBuilder *builder, const char *name, gint64 unix_seconds, gboolean is_day,
                    GTimeZone *tz)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *day = NULL;

  if (!is_day || unix_seconds == 0)
    {
      member_time (builder, name, unix_seconds, tz);
      return;
    }
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  day = utc != NULL ? g_date_time_format (utc, "%Y-%m-%d") : NULL;
  member_string (builder, name, day);
}

void
jt_json_add_saved_posting (JsonBuilder *builder, const JtSavedPosting *posting, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  member_int (builder, "application_id", posting->application_id);
  member_string (builder, "source", posting->source);
  member_string (builder, "title", posting->title);
  member_string (builder, "url", posting->url);
  member_string (builder, "identifier", posting->identifier);
  member_string (builder, "location", posting->location);
  member_string (builder, "employment_type", posting->employment_type);
  member_string (builder, "salary", posting->salary);
  member_day_or_time (builder, "posted", posting->posted_at, posting->posted_on_day, tz);
  member_day_or_time (builder, "closes", posting->closes_at, posting->closes_on_day, tz);
  member_time (builder, "captured", posting->captured_at, tz);
  json_builder_end_object (builder);
}
