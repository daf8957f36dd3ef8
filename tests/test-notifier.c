/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notifier.c: what the notifier sends a notification server, read back from
 * python3-dbusmock's notification_daemon template — the Notify call's app name, summary,
 * escaped body and hints, actions only where the server advertises them, a click coming
 * back as Done/Snooze, a reminder shown again replacing its notification — and that with
 * no server a show fails with a clear error and the notifier hears when one appears.
 *
 * Run it on a private bus that cannot start a server by itself:
 *   dbus-run-session --config-file=tests/data/session-bus-no-activation.conf -- test-notifier
 * Each test starts its own mock server and stops it at the end. */
#include <gio/gio.h>
#include <signal.h>
#include <string.h>

#include "jt-error.h"
#include "jt-notifier.h"
#include "jt-reminder-text.h"
#include "jt-time.h"

#define SERVER_NAME "org.freedesktop.Notifications"
#define SERVER_PATH "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"

/* python3-dbusmock belongs to Debian's interpreter, which need not be first on PATH. */
#define PYTHON "/usr/bin/python3"

#define WAIT_SECONDS 10

typedef struct
{
  JtNotifyAction action;
  gint64 reminder_id;
} Click;

typedef struct
{
  GDBusConnection *bus;
  GSubprocess *mock;
  JtNotifier *notifier;
  GArray *clicks;     /* Click */
  guint servers_seen; /* on_server calls */
  gboolean skipped;   /* not on a bus the test controls */
  GTimeZone *utc;
  gint64 due; /* Fri 4 Dec 2026 10:00 UTC */
} Fixture;

/* ---- The bus and the mock server -------------------------------------------------- */

static gboolean
name_has_owner (GDBusConnection *bus, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  gboolean owned;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
name_is_activatable (GDBusConnection *bus, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

/* Runs the main loop until the server name is owned (or not), so the notifier's name
 * watcher sees the change too. */
static void
wait_for_server (Fixture *f, gboolean owned)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (name_has_owner (f->bus, SERVER_NAME) != owned)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (f->mock != NULL)
        g_assert_nonnull (g_subprocess_get_identifier (f->mock));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Starts the mock server with `caps` ("body actions"), or the template's defaults (which
 * have body-markup and no actions) for NULL. */
static void
start_mock (Fixture *f, const char *caps)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (PYTHON));
  g_ptr_array_add (argv, g_strdup ("-m"));
  g_ptr_array_add (argv, g_strdup ("dbusmock"));
  g_ptr_array_add (argv, g_strdup ("--template"));
  g_ptr_array_add (argv, g_strdup ("notification_daemon"));
  if (caps != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("-p"));
      g_ptr_array_add (argv, g_strdup_printf ("{\"capabilities\": \"%s\"}", caps));
    }
  g_ptr_array_add (argv, NULL);
  /* Its call log would garble the TAP output; the calls are read back with GetCalls. */
  f->mock = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                               &error);
  g_assert_no_error (error);
  wait_for_server (f, TRUE);
}

static void
stop_mock (Fixture *f)
{
  if (f->mock == NULL)
    return;
  g_subprocess_send_signal (f->mock, SIGTERM);
  g_assert_true (g_subprocess_wait (f->mock, NULL, NULL));
  g_clear_object (&f->mock);
  wait_for_server (f, FALSE);
}

/* A method of the mock's own interface. */
static GVariant *
mock_call (Fixture *f, const char *method, GVariant *parameters, const char *reply_type)
{
  g_autoptr (GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (f->bus, SERVER_NAME, SERVER_PATH, MOCK_IFACE, method,
                                       parameters, G_VARIANT_TYPE (reply_type),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  return reply;
}

/* The arguments of each call of `method` the server got, oldest first: a new array of
 * GVariant tuples. */
static GPtrArray *
calls_of (Fixture *f, const char *method)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariantIter) iter = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *name;
  GVariant *args;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  reply = mock_call (f, "GetCalls", NULL, "(a(tsav))");
  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", NULL, &name, &args))
    {
      if (g_str_equal (name, method))
        {
          GVariantBuilder tuple;
          GVariantIter arg_iter;
          GVariant *arg;

          g_variant_builder_init (&tuple, G_VARIANT_TYPE_TUPLE);
          g_variant_iter_init (&arg_iter, args);
          while (g_variant_iter_next (&arg_iter, "v", &arg))
            {
              g_variant_builder_add_value (&tuple, arg);
              g_variant_unref (arg);
            }
          g_ptr_array_add (calls, g_variant_ref_sink (g_variant_builder_end (&tuple)));
        }
      g_variant_unref (args);
    }
  return calls;
}

/* The only Notify call so far. */
static GVariant *
the_notify_call (Fixture *f)
{
  g_autoptr (GPtrArray) calls = calls_of (f, "Notify");

  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_true (
      g_variant_is_of_type (g_ptr_array_index (calls, 0), G_VARIANT_TYPE ("(susssasa{sv}i)")));
  return g_variant_ref (g_ptr_array_index (calls, 0));
}

/* Makes the server say something happened to notification `id`. */
static void
emit (Fixture *f, const char *signal, GVariant *args)
{
  g_autoptr (GVariant) reply = NULL;
  GVariantBuilder values;
  GVariantIter iter;
  GVariant *arg;

  g_variant_builder_init (&values, G_VARIANT_TYPE ("av"));
  g_variant_iter_init (&iter, args);
  while ((arg = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_variant_builder_add (&values, "v", arg);
      g_variant_unref (arg);
    }
  g_variant_unref (g_variant_ref_sink (args));
  reply = mock_call (f, "EmitSignal",
                     g_variant_new ("(sssav)", SERVER_NAME, signal,
                                    g_str_equal (signal, "ActionInvoked") ? "us" : "uu", &values),
                     "()");
}

/* What most servers do on a click: ActionInvoked, then at once NotificationClosed
 * (reason 2, dismissed), in one go. The mock learns it as a method of its own. */
static void
click_and_close (Fixture *f, guint32 id, const char *action)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  reply = mock_call (f, "AddMethod",
                     g_variant_new ("(sssss)", "", "XClickAndClose", "us", "",
                                    "self.EmitSignal('', 'ActionInvoked', 'us', args)\n"
                                    "self.EmitSignal('', 'NotificationClosed', 'uu', "
                                    "[args[0], 2])"),
                     "()");
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (f->bus, SERVER_NAME, SERVER_PATH, SERVER_NAME,
                                       "XClickAndClose", g_variant_new ("(us)", id, action),
                                       G_VARIANT_TYPE ("()"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
}

/* Runs the main loop until `count` clicks came back. */
static void
wait_for_clicks (Fixture *f, guint count)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (f->clicks->len < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop for `ms` milliseconds: time for the notifier to hear back from the
 * server after a click. */
static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GPtrArray *calls_of (Fixture *f, const char *method);

/* Runs the main loop until the server got `count` calls of `method`; those calls. */
static GPtrArray *
wait_for_calls (Fixture *f, const char *method, guint count)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      GPtrArray *calls = calls_of (f, method);

      if (calls->len >= count)
        return calls;
      g_ptr_array_unref (calls);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      spin (10);
    }
}

/* ---- What the server received ----------------------------------------------------- */

static const char *
notify_summary (GVariant *call)
{
  const char *summary;

  g_variant_get_child (call, 3, "&s", &summary);
  return summary;
}

static const char *
notify_body (GVariant *call)
{
  const char *body;

  g_variant_get_child (call, 4, "&s", &body);
  return body;
}

static guint32
notify_replaces (GVariant *call)
{
  guint32 id;

  g_variant_get_child (call, 1, "u", &id);
  return id;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The id a CloseNotification call named (the mock declares it an int32, libnotify sends
 * a uint32 as the spec says). */
static gint64
closed_id (GVariant *call)
{
  g_autoptr (GVariant) id = g_variant_get_child_value (call, 0);

  if (g_variant_is_of_type (id, G_VARIANT_TYPE_INT32))
    return g_variant_get_int32 (id);
  return g_variant_get_uint32 (id);
}

/* The actions as "id=label" pairs, sorted: libnotify sends them in hash-table order. */
static char *
notify_actions (GVariant *call)
{
  g_autofree const char **actions = NULL;
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  g_variant_get_child (call, 5, "^a&s", &actions);
  g_assert_cmpuint (g_strv_length ((char **) actions) % 2, ==, 0);
  for (guint i = 0; actions[i] != NULL; i += 2)
    g_ptr_array_add (pairs, g_strdup_printf ("%s=%s", actions[i], actions[i + 1]));
  g_ptr_array_sort (pairs, compare_strings);
  g_ptr_array_add (pairs, NULL);
  return g_strjoinv (" ", (char **) pairs->pdata);
}

/* The expire_timeout sent: -1 the server's default, 0 never. */
static gint32
notify_timeout (GVariant *call)
{
  gint32 timeout;

  g_variant_get_child (call, 7, "i", &timeout);
  return timeout;
}

static GVariant *
notify_hint (GVariant *call, const char *key)
{
  g_autoptr (GVariant) hints = g_variant_get_child_value (call, 6);

  return g_variant_lookup_value (hints, key, NULL);
}

/* The icon sent. libnotify puts it in the image-path hint for a server of spec 1.2 (or
 * image_path for 1.1), or else in the app_icon argument, as it does for the mock. */
static const char *
notify_icon (GVariant *call)
{
  g_autoptr (GVariant) icon = notify_hint (call, "image-path");
  const char *app_icon;

  if (icon == NULL)
    icon = notify_hint (call, "image_path");
  if (icon != NULL)
    {
      g_assert_true (g_variant_is_of_type (icon, G_VARIANT_TYPE_STRING));
      return g_intern_string (g_variant_get_string (icon, NULL));
    }
  g_variant_get_child (call, 2, "&s", &app_icon);
  return *app_icon != '\0' ? app_icon : NULL;
}

static guchar
notify_urgency (GVariant *call)
{
  g_autoptr (GVariant) urgency = notify_hint (call, "urgency");

  g_assert_nonnull (urgency);
  g_assert_true (g_variant_is_of_type (urgency, G_VARIANT_TYPE_BYTE));
  return g_variant_get_byte (urgency);
}

static void
on_text (G_GNUC_UNUSED GMarkupParseContext *context, const char *text, gsize length,
         gpointer user_data, G_GNUC_UNUSED GError **error)
{
  g_string_append_len (user_data, text, (gssize) length);
}

static void
on_element (GMarkupParseContext *context, const char *element, G_GNUC_UNUSED const char **names,
            G_GNUC_UNUSED const char **values, G_GNUC_UNUSED gpointer user_data,
            G_GNUC_UNUSED GError **error)
{
  /* The wrapper below is the only element: the body itself has no markup at all. */
  g_assert_cmpstr (element, ==, "body");
  g_assert_cmpstr (g_markup_parse_context_get_element (context), ==, "body");
  g_assert_null (g_markup_parse_context_get_element_stack (context)->next);
}

/* The text a markup-reading server shows for `body`, which must be well-formed markup
 * with no elements. New string. */
static char *
body_text (const char *body)
{
  static const GMarkupParser parser = { on_element, NULL, on_text, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, text, NULL);
  g_autofree char *wrapped = g_strconcat ("<body>", body, "</body>", NULL);

  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return g_strdup (text->str);
}

/* ---- Fixture ---------------------------------------------------------------------- */

static void
on_action (gint64 reminder_id, JtNotifyAction action, gpointer user_data)
{
  Fixture *f = user_data;
  Click click = { action, reminder_id };

  g_array_append_val (f->clicks, click);
}

static void
on_server (gpointer user_data)
{
  Fixture *f = user_data;

  f->servers_seen++;
}

static void
fixture_set_up (Fixture *f, gconstpointer caps)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) due = g_date_time_new_utc (2026, 12, 4, 10, 0, 0);

  f->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (name_has_owner (f->bus, SERVER_NAME) || name_is_activatable (f->bus, SERVER_NAME))
    {
      g_test_skip ("a notification server can own the name on this bus; run the test under "
                   "dbus-run-session --config-file=tests/data/session-bus-no-activation.conf");
      f->skipped = TRUE;
      return;
    }
  f->clicks = g_array_new (FALSE, FALSE, sizeof (Click));
  f->utc = g_time_zone_new_utc ();
  f->due = g_date_time_to_unix (due);
  f->notifier = jt_notifier_new (on_action, on_server, f);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (caps != NULL)
    start_mock (f, g_str_equal (caps, "default") ? NULL : caps);
}

static void
fixture_tear_down (Fixture *f, G_GNUC_UNUSED gconstpointer caps)
{
  g_clear_pointer (&f->notifier, jt_notifier_free);
  stop_mock (f);
  g_clear_pointer (&f->clicks, g_array_unref);
  g_clear_pointer (&f->utc, g_time_zone_unref);
  g_clear_object (&f->bus);
}

/* A follow-up call owed to Raj Patel at Globex, due f->due. */
static JtReminder *
follow_up_call (Fixture *f)
{
  JtReminder *reminder = jt_reminder_new ();

  reminder->id = 7;
  reminder->rule = JT_RULE_FOLLOW_UP_CALL;
  reminder->application_id = 3;
  reminder->contact_id = 4;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Call Raj Patel about the decision — Globex, SRE");
  reminder->detail = g_strdup ("They planned to decide by 2026-12-03; ask where things stand.\n"
                               "Reach Raj Patel: raj@globex.example, +44 20 7946 0000.");
  reminder->company = g_strdup ("Globex");
  reminder->role = g_strdup ("SRE");
  reminder->contact_name = g_strdup ("Raj Patel");
  reminder->contact_email = g_strdup ("raj@globex.example");
  reminder->contact_phone = g_strdup ("+44 20 7946 0000");
  return reminder;
}

static void
show (Fixture *f, const JtReminder *reminder, gint64 now)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jt_notifier_show_reminder (f->notifier, reminder, now, f->utc, &error));
  g_assert_no_error (error);
}

/* ---- Tests ------------------------------------------------------------------------ */

static void
test_no_server (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GError) error = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  g_assert_false (jt_notifier_show_reminder (f->notifier, reminder, f->due, f->utc, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "no notification server: "));
  g_assert_nonnull (strstr (error->message, SERVER_NAME));
  g_clear_error (&error);
  g_assert_false (jt_notifier_show_summary (f->notifier, 5, &error));
  g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
  g_assert_cmpuint (f->servers_seen, ==, 0);
}

/* No session bus at all: the notifier is made all the same, and shows fail clearly. */
static void
test_no_session_bus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (JtNotifier) notifier = NULL;
      g_autoptr (JtReminder) reminder = jt_reminder_new ();
      g_autoptr (GError) error = NULL;

      /* A fresh process: nothing has connected to the real bus yet. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/jobtrack-test-bus", TRUE);
      notifier = jt_notifier_new (NULL, NULL, NULL);
      g_assert_nonnull (notifier);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      reminder->id = 1;
      reminder->rule = JT_RULE_MANUAL;
      reminder->title = g_strdup ("Call Globex");
      g_assert_false (jt_notifier_show_reminder (notifier, reminder, 0, NULL, &error));
      g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
      g_assert_true (g_str_has_prefix (error->message, "no notification server: "));
      g_clear_error (&error);
      g_assert_false (jt_notifier_show_summary (notifier, 4, &error));
      g_assert_error (error, JT_ERROR, JT_ERROR_FAILED);
      return;
    }
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
}

/* The notifier hears a server arrive, and the reminder that waited goes through. */
static void
test_server_appears (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GVariant) call = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  g_assert_false (jt_notifier_show_reminder (f->notifier, reminder, f->due, f->utc, NULL));
  start_mock (f, NULL);
  g_assert_cmpuint (f->servers_seen, ==, 1);
  show (f, reminder, f->due);
  call = the_notify_call (f);
  g_assert_cmpstr (notify_summary (call), ==, "Call Raj Patel about the decision — Globex, SRE");
}

static void
test_text (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GVariant) call = NULL;
  g_autoptr (GVariant) entry = NULL;
  g_autoptr (GVariant) id = NULL;
  g_autofree char *actions = NULL;
  const char *app_name;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due + 5);
  call = the_notify_call (f);
  g_variant_get_child (call, 0, "&s", &app_name);
  g_assert_cmpstr (app_name, ==, "jobtrack");
  g_assert_cmpuint (notify_replaces (call), ==, 0);
  /* The agenda's title: what, to whom, for which application. */
  g_assert_cmpstr (notify_summary (call), ==, "Call Raj Patel about the decision — Globex, SRE");
  /* Who and how first; the detail's own "Reach" line would only repeat it. On time, so
   * no due date. */
  g_assert_cmpstr (notify_body (call), ==,
                   "Raj Patel · +44 20 7946 0000 · raj@globex.example\n"
                   "They planned to decide by 2026-12-03; ask where things stand.");
  actions = notify_actions (call);
  g_assert_cmpstr (actions, ==, "");
  g_assert_cmpuint (notify_urgency (call), ==, 1);
  /* The desktop entry's icon, so servers leave no blank gap. */
  g_assert_cmpstr (notify_icon (call), ==, "x-office-calendar");
  entry = notify_hint (call, "desktop-entry");
  g_assert_nonnull (entry);
  g_assert_cmpstr (g_variant_get_string (entry, NULL), ==, "jobtrack");
  id = notify_hint (call, "x-jobtrack-reminder-id");
  g_assert_nonnull (id);
  g_assert_cmpint (g_variant_get_int64 (id), ==, 7);
}

/* A reminder with no application or contact: its title, and the detail alone. */
static void
test_text_manual (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (GVariant) call = NULL;

  if (f->skipped)
    return;
  reminder->id = 9;
  reminder->rule = JT_RULE_MANUAL;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Renew the portfolio site");
  reminder->detail = g_strdup ("Before the Initech interview.");
  show (f, reminder, f->due);
  call = the_notify_call (f);
  g_assert_cmpstr (notify_summary (call), ==, "Renew the portfolio site");
  g_assert_cmpstr (notify_body (call), ==, "Before the Initech interview.");
}

/* Overdue: the body says since when; more than a day late, it is critical. */
static void
test_overdue (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GPtrArray) calls = NULL;
  GVariant *call;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  reminder->id = 1;
  show (f, reminder, f->due + JT_DAY_SECONDS);
  reminder->id = 2;
  show (f, reminder, f->due + 86401);
  /* Snoozed: due long ago, fired just now. */
  reminder->id = 3;
  reminder->fire_at = f->due + 7 * JT_DAY_SECONDS;
  show (f, reminder, f->due + 7 * JT_DAY_SECONDS);

  calls = calls_of (f, "Notify");
  g_assert_cmpuint (calls->len, ==, 3);
  /* Normal or critical, a follow-up that is due never expires by itself. */
  for (guint i = 0; i < calls->len; i++)
    g_assert_cmpint (notify_timeout (g_ptr_array_index (calls, i)), ==, 0);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpuint (notify_urgency (call), ==, 1);
  /* The due line comes first: a server may drop the body's last line (LXQt). */
  g_assert_cmpstr (notify_body (call), ==,
                   "Was due Fri 4 Dec 2026 10:00.\n"
                   "Raj Patel · +44 20 7946 0000 · raj@globex.example\n"
                   "They planned to decide by 2026-12-03; ask where things stand.");
  call = g_ptr_array_index (calls, 1);
  g_assert_cmpuint (notify_urgency (call), ==, 2);
  g_assert_true (g_str_has_prefix (notify_body (call), "Was due Fri 4 Dec 2026 10:00.\n"));
  call = g_ptr_array_index (calls, 2);
  g_assert_cmpuint (notify_urgency (call), ==, 1);
  g_assert_true (g_str_has_prefix (notify_body (call), "Was due Fri 4 Dec 2026 10:00.\n"));
}

/* Markup, links, images, entities, line breaks and broken UTF-8 in the records all arrive
 * as the literal text. */
static void
test_hostile_text (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (GVariant) call = NULL;
  g_autofree char *text = NULL;

  if (f->skipped)
    return;
  reminder->id = 11;
  reminder->rule = JT_RULE_THANK_YOU;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Thank-you letter");
  reminder->company = g_strdup ("<b>Evil</b> & Co");
  reminder->role = g_strdup ("SRE\r\nInjected: yes");
  reminder->contact_name = g_strdup ("<a href=\"http://evil.example/\">Click me</a>");
  reminder->contact_email = g_strdup ("a&amp;b@evil.example");
  reminder->contact_phone = g_strdup ("+1 555\n0100");
  reminder->detail = g_strdup ("<img src=\"x\" onerror=\"alert(1)\"/>\r\n"
                               "Said: \"salary > 100k & <i>remote</i>\" \xff\xfe end\x01.");
  jt_reminder_text_render_title (reminder, NULL);
  show (f, reminder, f->due);
  call = the_notify_call (f);

  /* The summary is plain text by the spec: sent as it is, on one line. */
  g_assert_cmpstr (notify_summary (call), ==,
                   "Thank-you letter to <a href=\"http://evil.example/\">Click me</a> — "
                   "<b>Evil</b> & Co, SRE Injected: yes");
  g_assert_null (strstr (notify_body (call), "<a"));
  g_assert_null (strstr (notify_body (call), "<img"));
  g_assert_null (strchr (notify_body (call), '\r'));
  text = body_text (notify_body (call));
  g_assert_cmpstr (text, ==,
                   "<a href=\"http://evil.example/\">Click me</a> · +1 555 0100 · "
                   "a&amp;b@evil.example\n"
                   "<img src=\"x\" onerror=\"alert(1)\"/>\n"
                   "Said: \"salary > 100k & <i>remote</i>\" \xef\xbf\xbd\xef\xbf\xbd end .");
}

/* A server without "body-markup" shows the body as text: record text arrives as it is,
 * never escaped (it would show "&amp;" and "&lt;b&gt;"). */
static void
test_plain_text_server (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (GVariant) call = NULL;

  if (f->skipped)
    return;
  reminder->id = 13;
  reminder->rule = JT_RULE_MANUAL;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Call Bob & Alice");
  reminder->company = g_strdup ("<b>Evil</b> & Co");
  reminder->contact_name = g_strdup ("Bob & Alice");
  reminder->contact_email = g_strdup ("a&amp;b@evil.example");
  reminder->detail = g_strdup ("Said: \"salary > 100k & <i>remote</i>\"\r\nend\x01.");
  show (f, reminder, f->due);
  call = the_notify_call (f);
  g_assert_cmpstr (notify_summary (call), ==, "Call Bob & Alice — <b>Evil</b> & Co");
  g_assert_cmpstr (notify_body (call), ==,
                   "Bob & Alice · a&amp;b@evil.example\n"
                   "Said: \"salary > 100k & <i>remote</i>\"\n"
                   "end .");
}

/* Cut to about 2000 bytes as text too, between characters. */
static void
test_plain_text_long (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (GVariant) call = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);
  gsize length;

  if (f->skipped)
    return;
  for (guint i = 0; i < 20000; i++)
    g_string_append (detail, i % 2 == 0 ? "é" : "&");
  reminder->id = 14;
  reminder->rule = JT_RULE_MANUAL;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Call back");
  reminder->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  show (f, reminder, f->due);
  call = the_notify_call (f);
  length = strlen (notify_body (call));
  g_assert_cmpuint (length, <=, 2000 + strlen ("…"));
  g_assert_cmpuint (length, >=, 2000 - strlen ("é"));
  g_assert_true (g_utf8_validate (notify_body (call), -1, NULL));
  g_assert_true (g_str_has_prefix (notify_body (call), "é&é&"));
  g_assert_true (g_str_has_suffix (notify_body (call), "…"));
  g_assert_null (strstr (notify_body (call), "&amp;"));
}

/* Runaway text is cut to about 2000 bytes, between characters and outside entities. */
static void
test_long_text (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = jt_reminder_new ();
  g_autoptr (GVariant) call = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize length;

  if (f->skipped)
    return;
  for (guint i = 0; i < 20000; i++)
    g_string_append (detail, i % 3 == 0 ? "é" : i % 3 == 1 ? "&" : "<");
  reminder->id = 12;
  reminder->rule = JT_RULE_RECONTACT;
  reminder->due_at = reminder->fire_at = f->due;
  reminder->title = g_strdup ("Call back");
  reminder->company = g_strnfill (5000, 'C');
  reminder->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  jt_reminder_text_render_title (reminder, NULL);
  show (f, reminder, f->due);
  call = the_notify_call (f);

  length = strlen (notify_summary (call));
  g_assert_cmpuint (length, <=, 200 + strlen ("…"));
  g_assert_true (g_str_has_suffix (notify_summary (call), "…"));
  length = strlen (notify_body (call));
  g_assert_cmpuint (length, <=, 2000 + strlen ("…"));
  g_assert_cmpuint (length, >=, 2000 - strlen ("&amp;"));
  g_assert_true (g_str_has_suffix (notify_body (call), "…"));
  text = body_text (notify_body (call));
  g_assert_true (g_str_has_prefix (text, "é&<é&<"));
}

/* Two thank-you letters of one interview: each summary names its person, as the agenda's
 * title does, so they differ where a server shows the summary alone or cuts the body. */
static void
test_summary_names_the_person (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  const char *const people[] = { "Raj Patel", "Ana Lima" };
  g_autoptr (GPtrArray) calls = NULL;

  if (f->skipped)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (JtReminder) reminder = jt_reminder_new ();

      reminder->id = 30 + i;
      reminder->rule = JT_RULE_THANK_YOU;
      reminder->application_id = 3;
      reminder->interview_id = 5;
      reminder->contact_id = 4 + i;
      reminder->due_at = reminder->fire_at = f->due;
      reminder->company = g_strdup ("Globex");
      reminder->role = g_strdup ("SRE");
      reminder->contact_name = g_strdup (people[i]);
      reminder->interview_kind = JT_INTERVIEW_ONSITE;
      reminder->since_day = g_strdup ("2026-12-04");
      jt_reminder_text_render (reminder, NULL);
      show (f, reminder, f->due);
      calls = calls_of (f, "Notify");
      g_assert_cmpstr (notify_summary (g_ptr_array_index (calls, i)), ==, reminder->title);
      g_clear_pointer (&calls, g_ptr_array_unref);
    }
  calls = calls_of (f, "Notify");
  g_assert_cmpstr (notify_summary (g_ptr_array_index (calls, 0)), ==,
                   "Thank-you letter to Raj Patel — Globex, SRE");
  g_assert_cmpstr (notify_summary (g_ptr_array_index (calls, 1)), ==,
                   "Thank-you letter to Ana Lima — Globex, SRE");
}

/* The button labels stay apart when a server cuts them short (LXQt keeps a few
 * characters and an ellipsis: "Snooze 1 day" and "Snooze 1 week" both became
 * "Snooze…"). */
static void
test_labels_apart_when_cut (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GVariant) call = NULL;
  g_autofree const char **actions = NULL;
  guint n;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due);
  call = the_notify_call (f);
  g_variant_get_child (call, 5, "^a&s", &actions);
  n = g_strv_length ((char **) actions);
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 1; i < n; i += 2)
    for (guint j = i + 2; j < n; j += 2)
      g_assert_cmpint (strncmp (actions[i], actions[j], 6), !=, 0);
}

/* Actions only where the server advertises them. */
static void
test_actions_advertised (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GVariant) call = NULL;
  g_autofree char *actions = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due);
  call = the_notify_call (f);
  actions = notify_actions (call);
  g_assert_cmpstr (actions, ==, "done=Done snooze-day=Tomorrow snooze-week=Next week");
}

/* The capabilities are asked at each show: a server swapped for one without actions gets
 * none, and a new notification (the old server's are gone). */
static void
test_actions_follow_server (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GVariant) call = NULL;
  g_autofree char *actions = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due);
  stop_mock (f);
  start_mock (f, "body");
  show (f, reminder, f->due);
  call = the_notify_call (f);
  actions = notify_actions (call);
  g_assert_cmpstr (actions, ==, "");
  g_assert_cmpuint (notify_replaces (call), ==, 0);
}

/* A click comes back with the reminder's id, and the notification is closed. */
static void
test_click (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  static const struct
  {
    const char *action;
    JtNotifyAction expected;
  } clicks[] = {
    { "done", JT_NOTIFY_DONE },
    { "snooze-day", JT_NOTIFY_SNOOZE_DAY },
    { "snooze-week", JT_NOTIFY_SNOOZE_WEEK },
  };
  g_autoptr (JtReminder) reminder = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      g_autoptr (GPtrArray) notified = NULL;
      g_autoptr (GPtrArray) closed = NULL;
      guint32 id;

      reminder->id = 20 + i;
      show (f, reminder, f->due);
      notified = calls_of (f, "Notify");
      g_assert_cmpuint (notified->len, ==, i + 1);
      /* A new notification, not the previous reminder's. */
      g_assert_cmpuint (notify_replaces (g_ptr_array_index (notified, i)), ==, 0);
      id = i + 1; /* the mock numbers them from 1 */

      /* Another notification's click is not ours. */
      emit (f, "ActionInvoked", g_variant_new ("(us)", id + 100, clicks[i].action));
      emit (f, "ActionInvoked", g_variant_new ("(us)", id, clicks[i].action));
      wait_for_clicks (f, i + 1);
      g_assert_cmpuint (f->clicks->len, ==, i + 1);
      g_assert_cmpint (g_array_index (f->clicks, Click, i).reminder_id, ==, 20 + i);
      g_assert_cmpint (g_array_index (f->clicks, Click, i).action, ==, clicks[i].expected);

      /* The mock keeps a notification after a click: the notifier takes it down. */
      closed = wait_for_calls (f, "CloseNotification", i + 1);
      g_assert_cmpuint (closed->len, ==, i + 1);
      g_assert_cmpint (closed_id (g_ptr_array_index (closed, i)), ==, id);
    }
}

/* A thank-you letter owed to Raj Patel at Globex, due f->due: it has a Draft button. */
static JtReminder *
thank_you_letter (Fixture *f)
{
  JtReminder *reminder = follow_up_call (f);

  reminder->id = 40;
  reminder->rule = JT_RULE_THANK_YOU;
  reminder->interview_id = 5;
  reminder->interview_kind = JT_INTERVIEW_ONSITE;
  jt_reminder_text_render (reminder, NULL);
  return reminder;
}

/* A server that closes a notification itself after a click (most do) is not sent
 * CloseNotification for it: the notifier waits to hear whether it did. */
static void
test_click_closed_by_server (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GPtrArray) asked = NULL;
  g_autoptr (GPtrArray) closed = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due);
  click_and_close (f, 1, "done");
  wait_for_clicks (f, 1);
  g_assert_cmpint (g_array_index (f->clicks, Click, 0).action, ==, JT_NOTIFY_DONE);
  /* The notifier's question to the server, and time for its answer. */
  asked = wait_for_calls (f, "GetServerInformation", 1);
  spin (300);
  closed = calls_of (f, "CloseNotification");
  g_assert_cmpuint (closed->len, ==, 0);
}

/* Draft on a server without persistence, which takes the notification down on a click:
 * it is shown again, with Done and Snooze, as a new notification. */
static void
test_draft_shown_again (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (GPtrArray) closed = NULL;
  g_autofree char *actions = NULL;
  g_autoptr (GVariant) resident = NULL;
  GVariant *first;
  GVariant *again;

  if (f->skipped)
    return;
  reminder = thank_you_letter (f);
  show (f, reminder, f->due);
  click_and_close (f, 1, "draft");
  wait_for_clicks (f, 1);
  g_assert_cmpint (g_array_index (f->clicks, Click, 0).action, ==, JT_NOTIFY_DRAFT);
  calls = wait_for_calls (f, "Notify", 2);
  g_assert_cmpuint (calls->len, ==, 2);
  first = g_ptr_array_index (calls, 0);
  again = g_ptr_array_index (calls, 1);
  resident = notify_hint (first, "resident");
  g_assert_null (resident);
  g_assert_cmpuint (notify_replaces (again), ==, 0);
  g_assert_cmpstr (notify_summary (again), ==, "Thank-you letter to Raj Patel — Globex, SRE");
  g_assert_cmpstr (notify_body (again), ==, notify_body (first));
  actions = notify_actions (again);
  g_assert_cmpstr (actions, ==, "done=Done draft=Draft snooze-day=Tomorrow snooze-week=Next week");
  spin (100);
  closed = calls_of (f, "CloseNotification");
  g_assert_cmpuint (closed->len, ==, 0);

  /* The one shown again answers its buttons: Done takes it down (the mock keeps it). */
  emit (f, "ActionInvoked", g_variant_new ("(us)", 2, "done"));
  wait_for_clicks (f, 2);
  g_assert_cmpint (g_array_index (f->clicks, Click, 1).action, ==, JT_NOTIFY_DONE);
  g_clear_pointer (&closed, g_ptr_array_unref);
  closed = wait_for_calls (f, "CloseNotification", 1);
  g_assert_cmpint (closed_id (g_ptr_array_index (closed, 0)), ==, 2);
}

/* A server with persistence gets a letter's notification as resident: after Draft it
 * stays on screen with its buttons, and is neither shown again nor closed. */
static void
test_draft_resident (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) letter = NULL;
  g_autoptr (JtReminder) call = NULL;
  g_autoptr (GPtrArray) calls = NULL;
  g_autoptr (GPtrArray) asked = NULL;
  g_autoptr (GPtrArray) closed = NULL;
  g_autoptr (GVariant) resident = NULL;
  g_autoptr (GVariant) not_resident = NULL;

  if (f->skipped)
    return;
  letter = thank_you_letter (f);
  show (f, letter, f->due);
  call = follow_up_call (f);
  show (f, call, f->due);
  calls = calls_of (f, "Notify");
  g_assert_cmpuint (calls->len, ==, 2);
  resident = notify_hint (g_ptr_array_index (calls, 0), "resident");
  g_assert_nonnull (resident);
  g_assert_true (g_variant_get_boolean (resident));
  /* Only a letter has a Draft to stay for. */
  not_resident = notify_hint (g_ptr_array_index (calls, 1), "resident");
  g_assert_null (not_resident);

  emit (f, "ActionInvoked", g_variant_new ("(us)", 1, "draft"));
  wait_for_clicks (f, 1);
  asked = wait_for_calls (f, "GetServerInformation", 1);
  spin (300);
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = calls_of (f, "Notify");
  g_assert_cmpuint (calls->len, ==, 2);
  closed = calls_of (f, "CloseNotification");
  g_assert_cmpuint (closed->len, ==, 0);

  /* Done: the server keeps a resident notification, so the notifier takes it down. */
  emit (f, "ActionInvoked", g_variant_new ("(us)", 1, "done"));
  wait_for_clicks (f, 2);
  g_clear_pointer (&closed, g_ptr_array_unref);
  closed = wait_for_calls (f, "CloseNotification", 1);
  g_assert_cmpint (closed_id (g_ptr_array_index (closed, 0)), ==, 1);
}

/* A draft that could not be opened: the person is told why, and the command that prints
 * it; the notification stays, and record text is shown as text. */
static void
test_draft_failed (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) call = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *text = NULL;

  if (f->skipped)
    return;
  g_assert_true (jt_notifier_show_draft_failed (
      f->notifier, "No mail program took the draft: <no handler> & co",
      "jobtrack --db '/tmp/R&D/jobtrack.db' letter thanks --reminder 40", &error));
  g_assert_no_error (error);
  call = the_notify_call (f);
  g_assert_cmpstr (notify_summary (call), ==, "The draft could not be opened");
  text = body_text (notify_body (call));
  g_assert_cmpstr (text, ==,
                   "No mail program took the draft: <no handler> & co\n"
                   "To print it, run: jobtrack --db '/tmp/R&D/jobtrack.db' letter thanks "
                   "--reminder 40");
  actions = notify_actions (call);
  g_assert_cmpstr (actions, ==, "");
  g_assert_cmpint (notify_timeout (call), ==, 0);
  g_assert_cmpstr (notify_icon (call), ==, "x-office-calendar");
}

/* Shown again, a reminder replaces its notification; once the server closed it, a new
 * one is shown. */
static void
test_replace (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (JtReminder) reminder = NULL;
  g_autoptr (GPtrArray) calls = NULL;

  if (f->skipped)
    return;
  reminder = follow_up_call (f);
  show (f, reminder, f->due);
  g_free (reminder->detail);
  reminder->detail = g_strdup ("They called back.");
  show (f, reminder, f->due + 2 * JT_DAY_SECONDS);
  emit (f, "NotificationClosed", g_variant_new ("(uu)", 1, 2));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  show (f, reminder, f->due + 3 * JT_DAY_SECONDS);

  calls = calls_of (f, "Notify");
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (notify_replaces (g_ptr_array_index (calls, 0)), ==, 0);
  g_assert_cmpuint (notify_replaces (g_ptr_array_index (calls, 1)), ==, 1);
  /* The new text and urgency, and only the actions of the new show. */
  g_assert_cmpstr (notify_body (g_ptr_array_index (calls, 1)), ==,
                   "Was due Fri 4 Dec 2026 10:00.\n"
                   "Raj Patel · +44 20 7946 0000 · raj@globex.example\n"
                   "They called back.");
  g_assert_cmpuint (notify_urgency (g_ptr_array_index (calls, 1)), ==, 2);
  /* Its hints were made anew, the icon among them. */
  g_assert_cmpstr (notify_icon (g_ptr_array_index (calls, 1)), ==, "x-office-calendar");
  {
    g_autofree char *actions = notify_actions (g_ptr_array_index (calls, 1));

    g_assert_cmpstr (actions, ==, "done=Done snooze-day=Tomorrow snooze-week=Next week");
  }
  g_assert_cmpuint (notify_replaces (g_ptr_array_index (calls, 2)), ==, 0);
}

/* The catch-up summary: a count and where to look, no actions. */
static void
test_summary (Fixture *f, G_GNUC_UNUSED gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) calls = NULL;
  GVariant *call;
  g_autofree char *actions = NULL;

  if (f->skipped)
    return;
  g_assert_true (jt_notifier_show_summary (f->notifier, 5, &error));
  g_assert_no_error (error);
  g_assert_true (jt_notifier_show_summary (f->notifier, 1, &error));
  g_assert_no_error (error);

  calls = calls_of (f, "Notify");
  g_assert_cmpuint (calls->len, ==, 2);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (notify_summary (call), ==, "5 follow-ups came due while you were away");
  g_assert_cmpstr (notify_body (call), ==, "Run 'jobtrack agenda' to see them.");
  g_assert_cmpuint (notify_urgency (call), ==, 1);
  g_assert_cmpint (notify_timeout (call), ==, 0);
  g_assert_cmpstr (notify_icon (call), ==, "x-office-calendar");
  actions = notify_actions (call);
  g_assert_cmpstr (actions, ==, "");
  call = g_ptr_array_index (calls, 1);
  g_assert_cmpstr (notify_summary (call), ==, "1 follow-up came due while you were away");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notifier/no-server", Fixture, NULL, fixture_set_up, test_no_server,
              fixture_tear_down);
  g_test_add_func ("/notifier/no-session-bus", test_no_session_bus);
  g_test_add ("/notifier/server-appears", Fixture, NULL, fixture_set_up, test_server_appears,
              fixture_tear_down);
  g_test_add ("/notifier/text", Fixture, "default", fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/notifier/text-manual", Fixture, "default", fixture_set_up, test_text_manual,
              fixture_tear_down);
  g_test_add ("/notifier/overdue", Fixture, "default", fixture_set_up, test_overdue,
              fixture_tear_down);
  g_test_add ("/notifier/hostile-text", Fixture, "default", fixture_set_up, test_hostile_text,
              fixture_tear_down);
  g_test_add ("/notifier/long-text", Fixture, "default", fixture_set_up, test_long_text,
              fixture_tear_down);
  g_test_add ("/notifier/plain-text-server", Fixture, "body actions", fixture_set_up,
              test_plain_text_server, fixture_tear_down);
  g_test_add ("/notifier/plain-text-long", Fixture, "body", fixture_set_up, test_plain_text_long,
              fixture_tear_down);
  g_test_add ("/notifier/summary-names-the-person", Fixture, "default", fixture_set_up,
              test_summary_names_the_person, fixture_tear_down);
  g_test_add ("/notifier/labels-apart-when-cut", Fixture, "body actions", fixture_set_up,
              test_labels_apart_when_cut, fixture_tear_down);
  g_test_add ("/notifier/actions-advertised", Fixture, "body actions", fixture_set_up,
              test_actions_advertised, fixture_tear_down);
  g_test_add ("/notifier/actions-follow-server", Fixture, "body actions", fixture_set_up,
              test_actions_follow_server, fixture_tear_down);
  g_test_add ("/notifier/click", Fixture, "body body-markup actions", fixture_set_up, test_click,
              fixture_tear_down);
  g_test_add ("/notifier/replace", Fixture, "body body-markup actions", fixture_set_up,
              test_replace, fixture_tear_down);
  g_test_add ("/notifier/click-closed-by-server", Fixture, "body body-markup actions",
              fixture_set_up, test_click_closed_by_server, fixture_tear_down);
  g_test_add ("/notifier/draft-shown-again", Fixture, "body body-markup actions", fixture_set_up,
              test_draft_shown_again, fixture_tear_down);
  g_test_add ("/notifier/draft-resident", Fixture, "body body-markup actions persistence",
              fixture_set_up, test_draft_resident, fixture_tear_down);
  g_test_add ("/notifier/draft-failed", Fixture, "default", fixture_set_up, test_draft_failed,
              fixture_tear_down);
  g_test_add ("/notifier/summary", Fixture, "body actions", fixture_set_up, test_summary,
              fixture_tear_down);
  return g_test_run ();
}
