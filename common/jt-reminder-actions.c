/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-reminder-actions.c: done, snooze and dismiss, each in one transaction. */
#include "jt-reminder-actions.h"

#include <inttypes.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-reminder-text.h"
#include "jt-store-reminders.h"
#include "jt-store-touches.h"

typedef gboolean (*Change) (JtStore *store, JtReminder *reminder, gconstpointer data, gint64 now,
                            GError **error);

static gboolean
refuse_closed (const JtReminder *reminder, const char *doing, GError **error)
{
  if (reminder->state != JT_REMINDER_DONE && reminder->state != JT_REMINDER_DISMISSED)
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               /* TRANSLATORS: an id, a state as jobtrack names it (done, dismissed), then
                * what was asked ("snoozed"). */
               _ ("reminder %" PRId64 " is already %s; only an open one can be %s"), reminder->id,
               jt_reminder_state_to_string (reminder->state), _ (doing));
  return FALSE;
}

/* Reads the reminder, lets `change` edit it, saves it and commits. */
static gboolean
change_reminder (JtStore *store, gint64 id, Change change, gconstpointer data, gint64 now,
                 JtReminder **result, GError **error)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, error);
  g_autoptr (JtReminder) reminder = NULL;

  if (txn == NULL || (reminder = jt_store_reminder_get (store, id, error)) == NULL
      || !change (store, reminder, data, now, error)
      || !jt_store_reminder_update (store, reminder, now, error)
      || !jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  if (result != NULL)
    *result = g_steal_pointer (&reminder);
  return TRUE;
}

/* How a follow-up reaches its person, for the touch it logs; summaries reach nobody. */
static gboolean
touch_kind_of (JtRule rule, JtTouchKind *kind)
{
  switch (rule)
    {
    case JT_RULE_SUMMARY:
      return FALSE;
    case JT_RULE_THANK_YOU:
    case JT_RULE_REJECTION_LETTER:
      *kind = JT_TOUCH_LETTER;
      return TRUE;
    case JT_RULE_NETWORK_UPDATE:
      *kind = JT_TOUCH_EMAIL;
      return TRUE;
    default:
      *kind = JT_TOUCH_CALL;
      return TRUE;
    }
}

typedef struct
{
  const char *note;
  gboolean log_touch;
} Done;

static gboolean
change_done (JtStore *store, JtReminder *reminder, gconstpointer data, gint64 now, GError **error)
{
  const Done *done = data;
  const char *note = done->note;
  g_autoptr (JtTouch) touch = jt_touch_new ();

  if (!refuse_closed (reminder, N_ ("marked done"), error))
    return FALSE;
  reminder->state = JT_REMINDER_DONE;
  /* The follow-up was a contact with someone: it goes in the record as a touch. */
  if (!done->log_touch || !touch_kind_of (reminder->rule, &touch->kind)
      || (reminder->contact_id == 0 && reminder->application_id == 0))
    return TRUE;
  touch->application_id = reminder->application_id;
  touch->contact_id = reminder->contact_id;
  touch->at = now;
  if (note == NULL)
    {
      /* In the default settings' words: the caller that has others passes its title. */
      jt_reminder_text_render (reminder, NULL);
      note = reminder->title;
    }
  touch->about = g_strdup (note);
  return jt_store_touch_insert (store, touch, now, error);
}

static gboolean
change_snooze (JtStore *store, JtReminder *reminder, gconstpointer data, gint64 now, GError **error)
{
  gint64 until = *(const gint64 *) data;

  if (!refuse_closed (reminder, N_ ("snoozed"), error))
    return FALSE;
  if (until <= now)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("a snooze must end in the future"));
      return FALSE;
    }
  reminder->state = JT_REMINDER_SNOOZED;
  reminder->fire_at = until;
  /* It moved in the calendar too: a new SEQUENCE makes clients take the new time. */
  reminder->revision++;
  return TRUE;
}

static gboolean
change_dismiss (JtStore *store, JtReminder *reminder, gconstpointer data, gint64 now,
                GError **error)
{
  if (!refuse_closed (reminder, N_ ("dismissed"), error))
    return FALSE;
  reminder->state = JT_REMINDER_DISMISSED;
  return TRUE;
}

static gboolean
change_notified (JtStore *store, JtReminder *reminder, gconstpointer data, gint64 now,
                 GError **error)
{
  reminder->notified_at = now;
  return TRUE;
}

gboolean
jt_reminder_mark_notified (JtStore *store, gint64 id, gint64 now, GError **error)
{
  return change_reminder (store, id, change_notified, NULL, now, NULL, error);
}

gboolean
jt_reminder_mark_done (JtStore *store, gint64 id, const char *note, gint64 now, JtReminder **result,
                       GError **error)
{
  return jt_reminder_mark_done_full (store, id, note, TRUE, now, result, error);
}

gboolean
jt_reminder_mark_done_full (JtStore *store, gint64 id, const char *note, gboolean log_touch,
                            gint64 now, JtReminder **result, GError **error)
{
  Done done = { note, log_touch };

  return change_reminder (store, id, change_done, &done, now, result, error);
}

gboolean
jt_reminder_snooze (JtStore *store, gint64 id, gint64 until, gint64 now, JtReminder **result,
                    GError **error)
{
  return change_reminder (store, id, change_snooze, &until, now, result, error);
}

gboolean
jt_reminder_dismiss (JtStore *store, gint64 id, gint64 now, JtReminder **result, GError **error)
{
  return change_reminder (store, id, change_dismiss, NULL, now, result, error);
}

gboolean
jt_reminder_mark_notified_due (JtStore *store, gint64 due_by, gint64 now, GError **error)
{
  g_autoptr (JtTransaction) txn = jt_store_begin_write (store, error);

  return txn != NULL && jt_store_reminder_set_undelivered_notified (store, due_by, now, error)
         && jt_transaction_commit (g_steal_pointer (&txn), error);
}
