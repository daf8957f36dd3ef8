/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-import.c: the invitations the iCalendar module read (jt-ical-import.h),
 * applied to the store in one write transaction (new interview, moved interview,
 * unchanged, cancelled) that commits, or rolls back for a dry run. */
#include "jt-calendar-import.h"

#include <inttypes.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-ical.h"
#include "jt-interview-log.h"
#include "jt-store-applications.h"
#include "jt-store-interviews.h"
#include "jt-text.h"
#include "jt-time.h"

#define MAX_NAME_CHARS 200 /* a person's name as reported */

static char *
describe_contact (const JtContact *contact, gboolean created)
{
  g_autofree char *clean_name
      = jt_text_clean (contact->name, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, MAX_NAME_CHARS);

  if (contact->email != NULL)
    return g_strdup_printf (created ? _ ("  contact %" PRId64 " (new): %s <%s>")
                                    : _ ("  contact %" PRId64 ": %s <%s>"),
                            contact->id, clean_name, contact->email);
  return g_strdup_printf (created ? _ ("  contact %" PRId64 " (new): %s")
                                  : _ ("  contact %" PRId64 ": %s"),
                          contact->id, clean_name);
}

/* The newest open application of `company`, whatever its role; NULL (no error) when
 * there is none. */
static JtApplication *
find_open_application_of (JtStore *store, const char *company, GError **error)
{
  g_autoptr (GPtrArray) apps = jt_store_application_list (store, error);
  g_autofree char *key = jt_text_fold (company);
  gint newest = -1;

  if (apps == NULL)
    return NULL;
  for (guint i = 0; i < apps->len; i++)
    {
      JtApplication *app = g_ptr_array_index (apps, i);
      g_autofree char *app_key = jt_text_fold (app->company);

      if (g_str_equal (app_key, key) && !jt_status_is_final (app->status)
          && (newest < 0 || app->id > ((JtApplication *) g_ptr_array_index (apps, newest))->id))
        newest = (gint) i;
    }
  return newest >= 0 ? g_ptr_array_steal_index (apps, newest) : NULL;
}

/* Which open application of the company the interview joins, set as log->role for the
 * interview log to find: the one with the summary's role; else the one whose role is not
 * known yet; else, when the summary names no role, the newest one of any role. None:
 * the log creates one. */
static gboolean
choose_application (JtStore *store, JtInterviewLog *log, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (JtApplication) app = NULL;

  if (*log->role != '\0')
    app = jt_store_application_find_open (store, log->company, log->role, &local_error);
  if (app == NULL && local_error == NULL)
    app = jt_store_application_find_open (store, log->company, "", &local_error);
  if (app == NULL && local_error == NULL && *log->role == '\0')
    app = find_open_application_of (store, log->company, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (app != NULL)
    {
      g_free (log->role);
      log->role = g_strdup (app->role);
    }
  return TRUE;
}

/* An invitation not seen before: an interview through the interview log (application
 * and contacts reused or created), then its UID and sequence. */
static gboolean
import_new (JtStore *store, const JtInvite *invite, const char *key, GTimeZone *tz, gint64 now,
            GPtrArray *report, GError **error)
{
  g_autoptr (JtInterviewLog) log = jt_interview_log_new ();
  g_auto (JtInterviewLogResult) result = { 0 };
  g_autofree char *when = jt_time_format_human (invite->start_at, tz);
  g_autofree char *label = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *series = NULL;
  g_autofree char *cut = NULL;

  log->company = g_strdup (invite->company);
  log->role = g_strdup (invite->role);
  if (!choose_application (store, log, error))
    return FALSE;
  for (guint i = 0; i < invite->people->len; i++)
    g_ptr_array_add (log->people, jt_contact_copy (g_ptr_array_index (invite->people, i)));
  log->interview->start_at = invite->start_at;
  log->interview->duration_min = invite->duration_min;
  log->interview->kind = invite->kind;
  log->interview->place = g_strdup (invite->place);
  if (!jt_interview_log_record_in_transaction (store, log, now, &result, error)
      || !jt_store_interview_set_invite (store, result.interview_id, key, invite->sequence, error))
    return FALSE;
  label = jt_text_app_label (result.application->company, result.application->role);
  if (invite->company_source != NULL)
    /* TRANSLATORS: where the company's name came from (a mail domain, the summary). */
    guessed = g_strdup_printf (_ (" — company guessed from %s"), invite->company_source);
  if (invite->series_meetings > 0)
    series = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " — one of a series of %u meeting",
                                           " — one of a series of %u meetings",
                                           invite->series_meetings),
                              invite->series_meetings);
  if (invite->event_minutes > 0)
    cut = g_strdup_printf (_ (" — the event lasts %" PRId64 " h %02d min; recorded as %d h, the "
                              "longest an interview can be"),
                           invite->event_minutes / 60, (int) (invite->event_minutes % 60),
                           invite->duration_min / 60);
  /* TRANSLATORS: an id, "Company, Role", a day and time, then " — company guessed from …"
   * or nothing. */
  g_ptr_array_add (report, g_strdup_printf (_ ("interview %" PRId64 " (new): %s on %s%s%s%s"),
                                            result.interview_id, label, when,
                                            guessed != NULL ? guessed : "",
                                            series != NULL ? series : "", cut != NULL ? cut : ""));
  g_ptr_array_add (report, g_strdup_printf (result.application_created
                                                ? _ ("  application %" PRId64 " (new): %s")
                                                : _ ("  application %" PRId64 ": %s"),
                                            result.application->id, label));
  for (guint i = 0; i < result.contacts->len; i++)
    g_ptr_array_add (report, describe_contact (g_ptr_array_index (result.contacts, i),
                                               g_array_index (result.created, gboolean, i)));
  return TRUE;
}

/* Whether the person has written any of the assessment of `interview`. */
static gboolean
has_assessment (const JtInterview *interview)
{
  const char *texts[] = { interview->conversation, interview->edge,      interview->problems,
                          interview->objections,   interview->next_step, interview->notes };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!jt_text_is_blank (texts[i]))
      return TRUE;
  return interview->rating != 0 || interview->may_call_at != 0;
}

/* An invitation seen before: unchanged, moved (a higher sequence) or cancelled. */
static gboolean
import_known (JtStore *store, const JtInvite *invite, const char *key, JtInterview *interview,
              gint64 sequence, GTimeZone *tz, gint64 now, GPtrArray *report, GError **error)
{
  g_autoptr (JtApplication) app
      = jt_store_application_get (store, interview->application_id, error);
  g_autofree char *label = NULL;
  g_autofree char *was = jt_time_format_human (interview->start_at, tz);
  gint64 id = interview->id;

  if (app == NULL)
    return FALSE;
  label = jt_text_app_label (app->company, app->role);
  if (invite->cancelled && invite->sequence >= sequence)
    {
      if (has_assessment (interview))
        {
          g_ptr_array_add (report,
                           g_strdup_printf (_ ("interview %" PRId64 " (kept): %s on %s — "
                                               "cancelled by the organizer; kept because it "
                                               "has your assessment (remove it with 'jobtrack "
                                               "interview rm %" PRId64 "')"),
                                            id, label, was, id));
          return invite->sequence == sequence
                 || jt_store_interview_set_invite (store, id, key, invite->sequence, error);
        }
      g_ptr_array_add (report, g_strdup_printf (_ ("interview %" PRId64 " (removed): %s on %s — "
                                                   "cancelled by the organizer"),
                                                id, label, was));
      return jt_store_interview_delete (store, id, error);
    }
  if (invite->sequence <= sequence)
    {
      g_ptr_array_add (report,
                       /* TRANSLATORS: an id, "Company, Role", a day and time, why nothing
                        * changed, the invitation's sequence number. */
                       g_strdup_printf (_ ("interview %" PRId64 " (unchanged): %s on %s — %s "
                                           "(sequence %" PRId64 ")"),
                                        id, label, was,
                                        invite->sequence == sequence
                                            ? _ ("this invitation was imported before")
                                            : _ ("an older copy of an invitation imported before"),
                                        invite->sequence));
      return TRUE;
    }
  /* A newer copy: the organizer moved it. Its reminders follow at commit. */
  {
    gboolean moved = interview->start_at != invite->start_at;
    gboolean changed
        = moved || interview->duration_min != invite->duration_min
          || (invite->place != NULL && g_strcmp0 (interview->place, invite->place) != 0);
    g_autofree char *when = jt_time_format_human (invite->start_at, tz);

    if (changed)
      {
        interview->start_at = invite->start_at;
        interview->duration_min = invite->duration_min;
        if (invite->place != NULL)
          {
            g_free (interview->place);
            interview->place = g_strdup (invite->place);
          }
        if (!jt_store_interview_update (store, interview, now, error))
          return FALSE;
      }
    if (!jt_store_interview_set_invite (store, id, key, invite->sequence, error))
      return FALSE;
    if (moved)
      g_ptr_array_add (report,
                       g_strdup_printf (_ ("interview %" PRId64 " (moved): %s on %s, was %s — "
                                           "updated invitation (sequence %" PRId64 ")"),
                                        id, label, when, was, invite->sequence));
    else
      g_ptr_array_add (
          report,
          g_strdup_printf (changed ? _ ("interview %" PRId64 " (updated): %s on %s — updated "
                                        "invitation (sequence %" PRId64 "): new length or place")
                                   : _ ("interview %" PRId64 " (unchanged): %s on %s — updated "
                                        "invitation (sequence %" PRId64 "): same time and place"),
                           id, label, when, invite->sequence));
  }
  return TRUE;
}

/* "cancelled by the organizer: 'Interview' on … — not in jobtrack, nothing to remove". */
static void
report_nothing_to_cancel (const JtInvite *invite, GTimeZone *tz, GPtrArray *report)
{
  g_autofree char *when = invite->has_start && !invite->whole_series
                              ? jt_time_format_human (invite->start_at, tz)
                              : NULL;
  const char *name = invite->summary != NULL ? invite->summary : invite->uid;

  g_ptr_array_add (report, when != NULL ? g_strdup_printf (_ ("cancelled by the organizer: '%s' on "
                                                              "%s — not in jobtrack, nothing to "
                                                              "remove"),
                                                           name, when)
                                        : g_strdup_printf (_ ("cancelled by the organizer: '%s' — "
                                                              "not in jobtrack, nothing to remove"),
                                                           name));
}

/* The invitation keys of every meeting of the series `uid` jobtrack holds, and `uid`
 * itself when an older jobtrack recorded the series as one interview. */
static GPtrArray *
series_keys (JtStore *store, const char *uid, GError **error)
{
  g_autofree char *prefix = g_strconcat (uid, JT_INVITE_MEETING_SEPARATOR, NULL);
  GPtrArray *keys = jt_store_interview_invites_with_prefix (store, prefix, error);

  if (keys != NULL)
    g_ptr_array_insert (keys, 0, g_strdup (uid));
  return keys;
}

/* Applies `invite` to what jobtrack holds under `key`: `found` says whether it holds
 * anything. */
static gboolean
import_at (JtStore *store, const JtInvite *invite, const char *key, GTimeZone *tz, gint64 now,
           GPtrArray *report, gboolean *found, GError **error)
{
  GError *local_error = NULL;
  gint64 sequence = 0;
  g_autoptr (JtInterview) interview
      = jt_store_interview_find_by_invite (store, key, &sequence, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *found = interview != NULL;
  return interview == NULL
         || import_known (store, invite, key, interview, sequence, tz, now, report, error);
}

/* A whole series cancelled: every meeting of it that jobtrack holds. */
static gboolean
cancel_series (JtStore *store, const JtInvite *invite, GTimeZone *tz, gint64 now, GPtrArray *report,
               GError **error)
{
  g_autoptr (GPtrArray) keys = series_keys (store, invite->uid, error);
  gboolean any = FALSE;

  if (keys == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    {
      gboolean found;

      if (!import_at (store, invite, g_ptr_array_index (keys, i), tz, now, report, &found, error))
        return FALSE;
      any = any || found;
    }
  if (!any)
    report_nothing_to_cancel (invite, tz, report);
  return TRUE;
}

static gboolean
import_invite (JtStore *store, const JtInvite *invite, GTimeZone *tz, gint64 now, GPtrArray *report,
               GError **error)
{
  g_autofree char *key = jt_invite_key (invite);
  gboolean found;

  if (invite->whole_series)
    return cancel_series (store, invite, tz, now, report, error);
  if (!import_at (store, invite, key, tz, now, report, &found, error))
    return FALSE;
  if (found)
    return TRUE;
  if (invite->cancelled)
    {
      report_nothing_to_cancel (invite, tz, report);
      return TRUE;
    }
  return import_new (store, invite, key, tz, now, report, error);
}

/* A newer copy of a series that no longer has some meeting jobtrack holds (an EXDATE
 * added, the series cut short): that meeting is cancelled. `in_file` holds the keys
 * (jt_invite_key) of every invite of the file; `master` is a meeting the series itself
 * gave (series_meetings > 0). */
static gboolean
drop_left_out_meetings (JtStore *store, GHashTable *in_file, const JtInvite *master, GTimeZone *tz,
                        gint64 now, GPtrArray *report, GError **error)
{
  g_autoptr (GPtrArray) keys = series_keys (store, master->uid, error);
  g_autoptr (JtInvite) gone = jt_invite_copy (master);

  if (keys == NULL)
    return FALSE;
  gone->cancelled = TRUE;
  gone->has_start = FALSE;
  for (guint i = 1; i < keys->len; i++) /* meetings only: not the UID alone */
    {
      const char *key = g_ptr_array_index (keys, i);
      GError *local_error = NULL;
      gint64 sequence = 0;
      g_autoptr (JtInterview) interview = NULL;

      if (g_hash_table_contains (in_file, key))
        continue;
      interview = jt_store_interview_find_by_invite (store, key, &sequence, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      /* An older copy of the series says nothing about what came later. */
      if (interview != NULL && master->sequence >= sequence
          && !import_known (store, gone, key, interview, sequence, tz, now, report, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jt_calendar_import (JtStore *store, const char *data, gsize length, const JtInviteOptions *options,
                    GTimeZone *tz, gint64 now, GPtrArray **report, GError **error)
{
  static const JtInviteOptions defaults = { NULL, NULL, FALSE };
  const JtIcal *ical = jt_ical_load (error);
  g_autoptr (GPtrArray) invites = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  g_autoptr (GTimeZone) local = NULL;
  g_autoptr (GHashTable) series = NULL;  /* the UIDs of the file's series */
  g_autoptr (GHashTable) in_file = NULL; /* the keys of its invites */

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (report != NULL && *report == NULL, FALSE);
  if (ical == NULL)
    return FALSE;
  if (options == NULL)
    options = &defaults;
  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  invites = ical->import_read (data != NULL ? data : "", length, options, tz, error);
  if (invites == NULL)
    return FALSE;
  lines = g_ptr_array_new_with_free_func (g_free);
  txn = jt_store_begin_write (store, error);
  if (txn == NULL)
    return FALSE;
  for (guint i = 0; i < invites->len; i++)
    if (!import_invite (store, g_ptr_array_index (invites, i), tz, now, lines, error))
      return FALSE; /* the transaction rolls back as it goes */
  series = g_hash_table_new (g_str_hash, g_str_equal);
  in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < invites->len; i++)
    g_hash_table_add (in_file, jt_invite_key (g_ptr_array_index (invites, i)));
  for (guint i = 0; i < invites->len; i++)
    {
      const JtInvite *invite = g_ptr_array_index (invites, i);

      /* Once per series, at its first meeting in the file. */
      if (invite->series_meetings > 0 && g_hash_table_add (series, invite->uid)
          && !drop_left_out_meetings (store, in_file, invite, tz, now, lines, error))
        return FALSE;
    }
  if (!options->dry_run && !jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  *report = g_steal_pointer (&lines);
  return TRUE; /* a dry run's transaction rolls back here */
}
