/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-identity.c: revisions that grow with what a calendar entry shows. */
#include "jt-calendar-identity.h"

#include "jt-letter.h"
#include "jt-reminder-text.h"
#include "jt-store-interviews.h"
#include "jt-store-reminders.h"

/* Each field with its length before it, so that no two lists of fields digest alike. */
static void
add_text (GChecksum *sum, const char *text)
{
  char head[24];

  if (text == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-;", 2);
      return;
    }
  g_snprintf (head, sizeof head, "%zu:", strlen (text));
  g_checksum_update (sum, (const guchar *) head, -1);
  g_checksum_update (sum, (const guchar *) text, -1);
}

static void
add_int (GChecksum *sum, gint64 value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_text (sum, text);
}

char *
jt_calendar_identity_interview_digest (const JtInterview *interview, const JtApplication *app)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  add_int (sum, interview->start_at);
  add_int (sum, interview->duration_min);
  add_text (sum, jt_interview_kind_to_string (interview->kind));
  add_text (sum, interview->place);
  add_text (sum, app != NULL ? app->company : NULL);
  add_text (sum, app != NULL ? app->role : NULL);
  for (guint i = 0; i < interview->interviewers->len; i++)
    {
      const JtContact *person = g_ptr_array_index (interview->interviewers, i);

      add_text (sum, person->name);
      add_text (sum, person->title);
      add_text (sum, person->email);
      add_text (sum, person->phone);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
jt_calendar_identity_refresh_interviews (JtStore *store, const JtApplication *app,
                                         GPtrArray *interviews, GError **error)
{
  for (guint i = 0; i < interviews->len; i++)
    {
      JtInterview *interview = g_ptr_array_index (interviews, i);
      g_autofree char *digest = jt_calendar_identity_interview_digest (interview, app);
      gboolean grows = interview->shown_digest != NULL && interview->revision < G_MAXINT32;

      if (g_strcmp0 (digest, interview->shown_digest) == 0)
        continue;
      /* Its own edits date it; a person met renamed is their change, not the interview's
       * (the letters that cite the interview would look changed too). */
      if (!jt_store_interview_set_shown (store, interview->id,
                                         interview->revision + (grows ? 1 : 0), digest, 0, error))
        return FALSE;
      interview->revision += grows ? 1 : 0;
      g_free (interview->shown_digest);
      interview->shown_digest = g_steal_pointer (&digest);
    }
  return TRUE;
}

/* What the follow-up's calendar entry shows in words (jt-ical-events.c: SUMMARY,
 * DESCRIPTION), its draft included. */
static char *
reminder_digest (JtStore *store, JtReminder *reminder, const JtConfig *config, GTimeZone *tz)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GError) error = NULL;
  g_autofree char *draft = NULL;

  jt_reminder_text_render (reminder, config);
  add_text (sum, reminder->title);
  add_text (sum, reminder->detail);
  add_text (sum, reminder->contact_name);
  add_text (sum, reminder->contact_phone);
  add_text (sum, reminder->contact_email);
  add_text (sum, reminder->company);
  add_text (sum, reminder->role);
  add_int (sum, reminder->application_id);
  /* A draft that cannot be made is not shown either. */
  draft = jt_letter_preview (store, reminder, config, tz, JT_CALENDAR_DRAFT_LINES, &error);
  add_text (sum, draft);
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
jt_calendar_identity_refresh_reminders (JtStore *store, GPtrArray *reminders,
                                        GHashTable *revisions_before, const JtConfig *config,
                                        GTimeZone *tz, gint64 now, GError **error)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      JtReminder *reminder = g_ptr_array_index (reminders, i);
      g_autofree char *digest = NULL;
      gpointer before = NULL;
      gboolean raised, grows;

      if (reminder->state != JT_REMINDER_PENDING && reminder->state != JT_REMINDER_SNOOZED)
        continue;
      digest = reminder_digest (store, reminder, config, tz);
      if (g_strcmp0 (digest, reminder->shown_digest) == 0)
        continue;
      raised = revisions_before != NULL
               && g_hash_table_lookup_extended (revisions_before, &reminder->id, NULL, &before)
               && GPOINTER_TO_INT (before) != reminder->revision;
      grows = reminder->shown_digest != NULL && !raised && reminder->revision < G_MAXINT32;
      if (!jt_store_reminder_set_shown (store, reminder->id, reminder->revision + (grows ? 1 : 0),
                                        digest, grows ? now : 0, error))
        return FALSE;
      reminder->revision += grows ? 1 : 0;
      g_free (reminder->shown_digest);
      reminder->shown_digest = g_steal_pointer (&digest);
    }
  return TRUE;
}
