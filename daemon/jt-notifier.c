/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-notifier.c: follow-ups as desktop notifications, through libnotify.
 *
 * The summary is the follow-up's title, as in the agenda: what, to whom and for which
 * application ("Call Raj Patel about the decision — Globex, SRE"). The body says when it
 * was due if that was a while ago, who and how to reach them, and the context the rule
 * wrote down, in that order. The Desktop Notifications spec makes the summary plain text
 * (servers escape it themselves), so record text goes there as it is, on one line. The
 * body is read as markup by a server with the "body-markup" capability, so record text
 * goes there escaped and nothing else does; a server without it shows the body as text,
 * and gets it as it is (escaped, it would show "&amp;").
 *
 * Each notification with actions stays referenced here until the server closes it: its
 * action callbacks live on the NotifyNotification. What a click leaves to do (closing,
 * showing again) waits until the server has said whether it closed it (settle_click). */
#include "jt-notifier.h"

#include <gio/gio.h>
#include <libnotify/notify.h>
#include <string.h>

#include "jt-error.h"
#include "jt-letter.h"
#include "jt-reminder-text.h"
#include "jt-text.h"
#include "jt-fault.h"
#include "jt-i18n.h"
#include "jt-time.h"

#define SERVER_NAME "org.freedesktop.Notifications"
#define SERVER_PATH "/org/freedesktop/Notifications"

/* A server that does not answer this fast is treated as absent, and asked again later. */
#define PROBE_TIMEOUT_MS 1500

#define APP_NAME "jobtrack"
/* The desktop entry's Icon= (data/jobtrack.desktop), a name of the Icon Naming
 * Specification that themes have: without an icon, servers leave a blank gap. */
#define ICON_NAME "x-office-calendar"
#define CATEGORY "x-jobtrack.followup"
#define HINT_REMINDER_ID "x-jobtrack-reminder-id"

/* Notifications are small; a hostile or runaway record must not fill the screen. */
#define MAX_SUMMARY_BYTES 200
#define MAX_BODY_BYTES 2000

/* Shown that long after its due time, a reminder says when it was due. */
#define OVERDUE_AFTER 60
/* Shown that long after it should have fired, a reminder is critical. */
#define CRITICAL_AFTER JT_DAY_SECONDS

/* Where the reminder id lives on each NotifyNotification (a gint64*). */
#define REMINDER_ID_KEY "jt-reminder-id"
/* Set on a NotifyNotification when the server reported it closed, until it is shown
 * again (libnotify keeps its closed reason across a new show). */
#define CLOSED_KEY "jt-closed"

struct _JtNotifier
{
  JtNotifyActionFunc on_action;
  JtNotifyServerFunc on_server;
  gpointer user_data;
  gboolean initted; /* notify_init () worked */
  guint watch_id;
  GHashTable *shown;         /* reminder id (gint64*) -> NotifyNotification, until it is closed */
  GCancellable *cancellable; /* what waits for the server, cancelled when freed */
};

/* A click whose aftermath waits for the server (settle_click). */
typedef struct
{
  JtNotifier *notifier;
  NotifyNotification *notification; /* a reference */
  gint64 reminder_id;
  JtNotifyAction action;
} Click;

static const struct
{
  const char *id;
  const char *label;
  JtNotifyAction action;
} actions[] = {
  { "done", N_ ("Done"), JT_NOTIFY_DONE },
  /* Snoozes named by when it comes back: servers that cut labels short (LXQt) made two
   * "Snooze…" of "Snooze 1 day" and "Snooze 1 week". */
  /* TRANSLATORS: a button: show the follow-up again in a day. Keep it short. */
  { "snooze-day", N_ ("Tomorrow"), JT_NOTIFY_SNOOZE_DAY },
  /* TRANSLATORS: a button: show the follow-up again in a week. Keep it short. */
  { "snooze-week", N_ ("Next week"), JT_NOTIFY_SNOOZE_WEEK },
  { "draft", N_ ("Draft"), JT_NOTIFY_DRAFT }, /* letters only */
};

const char *
jt_notify_action_to_string (JtNotifyAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (actions[i].action == action)
      return actions[i].id;
  g_return_val_if_reached ("unknown");
}

/* ---- Text ------------------------------------------------------------------------- */

/* Record text made safe to send by the one rule set of jt-text.h: valid UTF-8 (D-Bus
 * refuses anything else), line breaks as "\n" (or spaces when `one_line`), other control
 * characters as spaces, bidi controls dropped; surrounding space trimmed. NULL gives "".
 * New string. */
static char *
clean_text (const char *text, gboolean one_line)
{
  return g_strstrip (
      jt_text_clean (text != NULL ? text : "", one_line ? JT_TEXT_ONE_LINE : JT_TEXT_LINES, -1));
}

/* The longest start of `text` no longer than `max` bytes that ends between characters. */
static gsize
utf8_prefix_length (const char *text, gsize length, gsize max)
{
  gsize cut;

  if (length <= max)
    return length;
  for (cut = max; cut > 0 && (text[cut] & 0xC0) == 0x80; cut--)
    ;
  return cut;
}

/* Cuts `text` to `max` bytes, plus an ellipsis, between characters and, when it is
 * markup-escaped, outside entities such as "&amp;". */
static void
cap_text (GString *text, gsize max, gboolean escaped)
{
  gsize cut = utf8_prefix_length (text->str, text->len, max);

  if (cut == text->len)
    return;
  if (escaped)
    {
      const char *amp = g_strrstr_len (text->str, (gssize) cut, "&");

      if (amp != NULL && memchr (amp, ';', cut - (gsize) (amp - text->str)) == NULL)
        cut = (gsize) (amp - text->str);
    }
  g_string_truncate (text, cut);
  g_string_append (text, "…");
}

static void
append_line (GString *text, const char *line)
{
  if (*line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* The follow-up's title, as the agenda shows it: what, to whom, for which application
 * ("Thank-you letter to Raj Patel — Globex, SRE"), so that two of one interview differ
 * where a server shows the summary alone. A manual reminder's title is the person's own
 * text, so the application is added after it. New string. */
static char *
reminder_summary (const JtReminder *reminder)
{
  g_autofree char *title = clean_text (reminder->title, TRUE);
  g_autofree char *company = clean_text (reminder->company, TRUE);
  g_autofree char *role = clean_text (reminder->role, TRUE);
  GString *summary = g_string_new (*title != '\0' ? title : _ ("Follow-up"));

  if ((reminder->rule == JT_RULE_MANUAL || *title == '\0') && *company != '\0')
    g_string_append_printf (summary, " — %s%s%s", company, *role != '\0' ? ", " : "", role);
  cap_text (summary, MAX_SUMMARY_BYTES, FALSE);
  return g_string_free (summary, FALSE);
}

/* The body of a notification from its plain text: markup-escaped for a server that reads
 * the body as markup (`markup`), as it is for one that shows it as text; capped. New
 * string. */
static char *
finish_body (const char *text, gboolean markup)
{
  GString *body = g_string_new (NULL);

  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append (body, escaped);
    }
  else
    g_string_append (body, text);
  cap_text (body, MAX_BODY_BYTES, markup);
  return g_string_free (body, FALSE);
}

/* The body:
 *   Was due Thu 3 Dec 2026 10:00.
 *   Raj Patel · +44 20 7946 0000 · raj@globex.example
 *   They planned to decide by 2026-12-03; ask where things stand.
 * markup-escaped when `markup` (finish_body). What matters most comes first: a server
 * may cut the body short (LXQt drops its last wrapped line). New string. */
static char *
reminder_body (const JtReminder *reminder, gint64 now, GTimeZone *tz, gboolean markup)
{
  g_autofree char *name = clean_text (reminder->contact_name, TRUE);
  g_autofree char *phone = clean_text (reminder->contact_phone, TRUE);
  g_autofree char *email = clean_text (reminder->contact_email, TRUE);
  g_autofree char *detail = clean_text (reminder->detail, FALSE);
  g_auto (GStrv) lines = g_strsplit (detail, "\n", -1);
  g_autofree char *reach = jt_reminder_text_reach (reminder);
  g_autofree char *reach_line = clean_text (reach, TRUE);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) who = g_string_new (NULL);

  /* When it was due, if that was a while ago. */
  if (reminder->due_at > 0 && now - reminder->due_at > OVERDUE_AFTER)
    {
      g_autofree char *due = jt_time_format_human (reminder->due_at, tz);

      if (due != NULL)
        {
          /* TRANSLATORS: %s is a day and time, "Thu 3 Dec 2026 10:00". */
          g_autofree char *line = g_strdup_printf (_ ("Was due %s."), due);

          append_line (text, line);
        }
    }

  /* Who, and how to reach them, on one line. */
  g_string_append (who, name);
  if (*phone != '\0')
    g_string_append_printf (who, "%s%s", who->len > 0 ? " · " : "", phone);
  if (*email != '\0')
    g_string_append_printf (who, "%s%s", who->len > 0 ? " · " : "", email);
  append_line (text, who->str);

  /* The context. A rule's ends with how to reach the person when it knows how
   * (jt_reminder_text_reach); the line above says that already. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (reach != NULL && g_str_equal (line, reach_line))
        continue;
      append_line (text, line);
    }

  return finish_body (text->str, markup);
}

/* ---- The server ------------------------------------------------------------------- */

static void
set_no_server (GError **error, const char *reason)
{
  g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "no notification server: %s", reason);
}

/* The capabilities of the server now on the bus (it may have changed since the last
 * call), or FALSE with the reason there is none. This asks the bus itself rather than
 * notify_get_server_caps (), which cannot tell "no server" from "no capabilities" and logs
 * a warning each time no server answers. */
static gboolean
server_caps (JtNotifier *notifier, GStrv *caps, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GVariant) reply = NULL;

  if (!notifier->initted)
    {
      set_no_server (error, "libnotify could not be initialised");
      return FALSE;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (
        bus, SERVER_NAME, SERVER_PATH, SERVER_NAME, "GetCapabilities", NULL,
        G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, PROBE_TIMEOUT_MS, NULL, &local_error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (local_error);
      set_no_server (error, local_error->message);
      return FALSE;
    }
  g_variant_get (reply, "(^as)", caps);
  return TRUE;
}

/* Shows `notification` through libnotify, with its reason when the server did not. */
static gboolean
show (NotifyNotification *notification, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (notify_notification_show (notification, &local_error))
    {
      g_object_set_data (G_OBJECT (notification), CLOSED_KEY, NULL);
      return TRUE;
    }
  g_dbus_error_strip_remote_error (local_error);
  g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "the notification server did not show it: %s",
               local_error->message);
  return FALSE;
}

/* The hints and timeout every jobtrack notification carries. A follow-up that is due
 * stays until the person acts: a server's default timeout is its own (notification-daemon
 * takes a critical one down after seconds, LXQt drops any after ten), so it never
 * expires. */
static void
set_common_hints (NotifyNotification *notification, NotifyUrgency urgency)
{
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_NAME));
  notify_notification_set_category (notification, CATEGORY);
  notify_notification_set_urgency (notification, urgency);
}

/* ---- Shown notifications ---------------------------------------------------------- */

/* Drops our reference to `notification` unless a newer one took its place. */
static void
forget (JtNotifier *notifier, NotifyNotification *notification)
{
  const gint64 *id = g_object_get_data (G_OBJECT (notification), REMINDER_ID_KEY);

  if (id != NULL && g_hash_table_lookup (notifier->shown, id) == notification)
    g_hash_table_remove (notifier->shown, id);
}

static void
on_closed (NotifyNotification *notification, gpointer user_data)
{
  g_object_set_data (G_OBJECT (notification), CLOSED_KEY, GINT_TO_POINTER (TRUE));
  forget (user_data, notification);
}

static void
click_free (Click *click)
{
  g_object_unref (click->notification);
  g_free (click);
}

/* What a click leaves to do once the server had its say: after Done or Snooze, take down
 * a notification the server kept; after Draft, show again one the server took down, so
 * that Done and Snooze are still on offer (a draft opened is not the letter sent). */
static void
on_click_settled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Click *click = user_data;
  JtNotifier *notifier = click->notifier;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply
      = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  NotifyNotification *now_shown;
  gboolean closed;

  if (reply == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      click_free (click); /* the notifier is gone */
      return;
    }
  closed = g_object_get_data (G_OBJECT (click->notification), CLOSED_KEY) != NULL;
  /* The reminder may have been shown anew meanwhile: then that one stands. */
  now_shown = g_hash_table_lookup (notifier->shown, &click->reminder_id);
  g_clear_error (&error); /* no answer: the order is not known, act on what is */
  if (click->action == JT_NOTIFY_DRAFT)
    {
      if (closed && now_shown == NULL)
        {
          if (show (click->notification, &error))
            {
              g_debug ("reminder %" G_GINT64_FORMAT " shown again after its draft",
                       click->reminder_id);
              g_hash_table_insert (notifier->shown,
                                   g_memdup2 (&click->reminder_id, sizeof click->reminder_id),
                                   g_object_ref (click->notification));
            }
          else
            g_debug ("reminder %" G_GINT64_FORMAT " not shown again after its draft: %s",
                     click->reminder_id, error->message);
        }
    }
  else if (!closed && now_shown == click->notification)
    {
      if (!notify_notification_close (click->notification, &error))
        g_debug ("closing the notification of reminder %" G_GINT64_FORMAT ": %s",
                 click->reminder_id, error->message);
      forget (notifier, click->notification);
    }
  click_free (click);
}

/* Most servers take a notification down once a button was clicked, and say so with
 * NotificationClosed right after ActionInvoked; one with "persistence" keeps a resident
 * one; some keep any. Which it was shows only after: a round trip to the server
 * (GetServerInformation) lets its NotificationClosed, if any, arrive first, since a
 * D-Bus peer's messages come in order. Then on_click_settled does the rest, and
 * CloseNotification goes only to a notification the server kept. */
static void
settle_click (JtNotifier *notifier, NotifyNotification *notification, gint64 reminder_id,
              JtNotifyAction action)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  Click *click;

  if (bus == NULL)
    return; /* and the server with it */
  click = g_new0 (Click, 1);
  click->notifier = notifier;
  click->notification = g_object_ref (notification);
  click->reminder_id = reminder_id;
  click->action = action;
  g_dbus_connection_call (bus, SERVER_NAME, SERVER_PATH, SERVER_NAME, "GetServerInformation", NULL,
                          G_VARIANT_TYPE ("(ssss)"), G_DBUS_CALL_FLAGS_NONE, PROBE_TIMEOUT_MS,
                          notifier->cancellable, on_click_settled, click);
}

static void
on_action_invoked (NotifyNotification *notification, char *action, gpointer user_data)
{
  JtNotifier *notifier = user_data;
  const gint64 *id = g_object_get_data (G_OBJECT (notification), REMINDER_ID_KEY);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i].id))
      {
        gint64 reminder_id = *id;

        /* The callback may show other reminders; this one must outlive it. */
        g_object_ref (notification);
        if (notifier->on_action != NULL)
          notifier->on_action (reminder_id, actions[i].action, notifier->user_data);
        settle_click (notifier, notification, reminder_id, actions[i].action);
        g_object_unref (notification);
        return;
      }
}

static void
on_name_appeared (G_GNUC_UNUSED GDBusConnection *connection, G_GNUC_UNUSED const char *name,
                  const char *owner, gpointer user_data)
{
  JtNotifier *notifier = user_data;

  g_debug ("notification server %s appeared", owner);
  if (notifier->on_server != NULL)
    notifier->on_server (notifier->user_data);
}

static void
on_name_vanished (GDBusConnection *connection, G_GNUC_UNUSED const char *name, gpointer user_data)
{
  JtNotifier *notifier = user_data;

  if (connection == NULL)
    {
      g_debug ("no session bus: notifications wait");
      return;
    }
  g_debug ("no notification server on the session bus");
  /* Its notifications went with it, and will never be reported closed. */
  g_hash_table_remove_all (notifier->shown);
}

/* ---- API -------------------------------------------------------------------------- */

JtNotifier *
jt_notifier_new (JtNotifyActionFunc on_action, JtNotifyServerFunc on_server, gpointer user_data)
{
  JtNotifier *notifier = g_new0 (JtNotifier, 1);

  notifier->on_action = on_action;
  notifier->on_server = on_server;
  notifier->user_data = user_data;
  notifier->initted = notify_init (APP_NAME);
  if (!notifier->initted)
    g_warning ("libnotify could not be initialised; reminders will wait");
  notifier->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  notifier->cancellable = g_cancellable_new ();
  /* Without a session bus this reports the name vanished, and shows fail until one is
   * reachable. It never starts a server itself; a show may, by D-Bus activation. */
  notifier->watch_id
      = g_bus_watch_name (G_BUS_TYPE_SESSION, SERVER_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                          on_name_appeared, on_name_vanished, notifier, NULL);
  return notifier;
}

void
jt_notifier_free (JtNotifier *notifier)
{
  GHashTableIter iter;
  gpointer notification;

  if (notifier == NULL)
    return;
  g_bus_unwatch_name (notifier->watch_id);
  g_cancellable_cancel (notifier->cancellable);
  g_object_unref (notifier->cancellable);
  /* What is on screen stays there: it still says whom to call, and the reminder was
   * marked notified. Only its buttons go dead. */
  g_hash_table_iter_init (&iter, notifier->shown);
  while (g_hash_table_iter_next (&iter, NULL, &notification))
    g_signal_handlers_disconnect_by_data (notification, notifier);
  g_hash_table_unref (notifier->shown);
  g_free (notifier);
}

gboolean
jt_notifier_show_reminder (JtNotifier *notifier, const JtReminder *reminder, gint64 now,
                           GTimeZone *tz, GError **error)
{
  g_auto (GStrv) caps = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  NotifyNotification *notification;
  gboolean is_new;

  g_return_val_if_fail (notifier != NULL, FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  if (!server_caps (notifier, &caps, error))
    return FALSE;
  summary = reminder_summary (reminder);
  body = reminder_body (reminder, now, tz,
                        g_strv_contains ((const char *const *) caps, "body-markup"));

  /* Shown again, a reminder replaces its notification rather than stacking a second. */
  notification = g_hash_table_lookup (notifier->shown, &reminder->id);
  is_new = notification == NULL;
  if (is_new)
    {
      notification = notify_notification_new (summary, body, ICON_NAME);
      g_object_set_data_full (G_OBJECT (notification), REMINDER_ID_KEY,
                              g_memdup2 (&reminder->id, sizeof reminder->id), g_free);
      g_signal_connect (notification, "closed", G_CALLBACK (on_closed), notifier);
    }
  else
    {
      g_object_ref (notification);
      /* The icon travels as a hint (image-path): clear the hints first. */
      notify_notification_clear_hints (notification);
      notify_notification_clear_actions (notification);
      notify_notification_update (notification, summary, body, ICON_NAME);
    }

  set_common_hints (notification, now - reminder->fire_at > CRITICAL_AFTER ? NOTIFY_URGENCY_CRITICAL
                                                                           : NOTIFY_URGENCY_NORMAL);
  notify_notification_set_hint (notification, HINT_REMINDER_ID, g_variant_new_int64 (reminder->id));
  if (g_strv_contains ((const char *const *) caps, "actions"))
    {
      gboolean letter = jt_letter_kind_for_rule (reminder->rule, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        if (actions[i].action != JT_NOTIFY_DRAFT || letter)
          notify_notification_add_action (notification, actions[i].id, _ (actions[i].label),
                                          on_action_invoked, notifier, NULL);
      /* After Draft, Done and Snooze are still wanted: a server with persistence keeps a
       * resident notification on screen after a click (one without it gets the
       * notification shown again, on_click_settled). */
      if (letter && g_strv_contains ((const char *const *) caps, "persistence"))
        notify_notification_set_hint (notification, "resident", g_variant_new_boolean (TRUE));
    }

  if (!show (notification, error))
    {
      forget (notifier, notification);
      g_object_unref (notification);
      return FALSE;
    }
  /* The server has it; the caller has not marked it notified yet. */
  jt_fault_point ("after-show");
  if (is_new)
    g_hash_table_insert (notifier->shown, g_memdup2 (&reminder->id, sizeof reminder->id),
                         notification);
  else
    g_object_unref (notification);
  return TRUE;
}

gboolean
jt_notifier_show_summary (JtNotifier *notifier, guint count, GError **error)
{
  g_auto (GStrv) caps = NULL;
  g_autofree char *summary = NULL;
  NotifyNotification *notification;
  gboolean ok;

  g_return_val_if_fail (notifier != NULL, FALSE);

  if (count == 0)
    return TRUE;
  if (!server_caps (notifier, &caps, error))
    return FALSE;
  summary
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up came due while you were away",
                                      "%u follow-ups came due while you were away", count),
                         count);
  notification
      = notify_notification_new (summary,
                                 g_dngettext (GETTEXT_PACKAGE, "Run 'jobtrack agenda' to see it.",
                                              "Run 'jobtrack agenda' to see them.", count),
                                 ICON_NAME);
  set_common_hints (notification, NOTIFY_URGENCY_NORMAL);
  ok = show (notification, error);
  g_object_unref (notification);
  return ok;
}

gboolean
jt_notifier_show_draft_failed (JtNotifier *notifier, const char *reason, const char *command,
                               GError **error)
{
  g_auto (GStrv) caps = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *why = clean_text (reason, TRUE);
  g_autofree char *body = NULL;
  NotifyNotification *notification;
  gboolean ok;

  g_return_val_if_fail (notifier != NULL, FALSE);

  if (!server_caps (notifier, &caps, error))
    return FALSE;
  append_line (text, why);
  if (command != NULL)
    {
      g_autofree char *clean = clean_text (command, TRUE);
      /* TRANSLATORS: %s is a command, "jobtrack letter thanks --reminder 12". */
      g_autofree char *line = g_strdup_printf (_ ("To print it, run: %s"), clean);

      append_line (text, line);
    }
  body = finish_body (text->str, g_strv_contains ((const char *const *) caps, "body-markup"));
  notification = notify_notification_new (_ ("The draft could not be opened"), body, ICON_NAME);
  /* It holds a command to type: it stays until closed, like the follow-up. */
  set_common_hints (notification, NOTIFY_URGENCY_NORMAL);
  ok = show (notification, error);
  g_object_unref (notification);
  return ok;
}
