/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-draft.c: a letter reminder's draft, handed to the desktop's mail client or editor. */
#include "jt-draft.h"

#include <gio/gio.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jt-atomic-file.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-letter.h"
#include "jt-paths.h"
#include "jt-store-reminders.h"

/* Writes the draft where the person can find it again; a file:// URI to it. */
static char *
write_draft_file (gint64 id, const char *text, GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "jobtrack", "drafts", NULL);
  g_autofree char *name = g_strdup_printf ("reminder-%" G_GINT64_FORMAT ".txt", id);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "cannot make %s: %s", dir, g_strerror (errno));
      return NULL;
    }
  if (!jt_atomic_file_write (path, text, strlen (text), error))
    return NULL;
  return g_filename_to_uri (path, NULL, error);
}

gboolean
jt_draft_open (JtStore *store, gint64 id, const JtConfig *config, GTimeZone *tz, gint64 now,
               char **opened, GError **error)
{
  g_autoptr (JtReminder) reminder = jt_store_reminder_get (store, id, error);
  JtLetterRequest request = { .tone = JT_LETTER_TONE_AUTO, .reminder_id = id };
  g_autoptr (JtLetter) letter = NULL;
  g_autoptr (GError) launch_error = NULL;
  g_autofree char *uri = NULL;

  if (reminder == NULL)
    return FALSE;
  if (!jt_letter_kind_for_rule (reminder->rule, &request.kind))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   "reminder %" G_GINT64_FORMAT " is no letter: it has no draft", id);
      return FALSE;
    }
  request.now = now;
  request.config = config;
  if ((letter = jt_letter_build (store, &request, tz, error)) == NULL)
    return FALSE;
  if (letter->to_email != NULL)
    uri = jt_letter_to_mailto (letter);
  else
    {
      g_autofree char *text = jt_letter_to_text (letter);

      if ((uri = write_draft_file (id, text, error)) == NULL)
        return FALSE;
    }
  if (!g_app_info_launch_default_for_uri (uri, NULL, &launch_error))
    {
      /* The person reads this (jt_notifier_show_draft_failed): which program, and GIO's
       * reason, not the URI. */
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   letter->to_email != NULL ? _ ("No mail program took the draft: %s")
                                            : _ ("No text editor took the draft: %s"),
                   launch_error->message);
      return FALSE;
    }
  if (opened != NULL)
    *opened = g_steal_pointer (&uri);
  return TRUE;
}

char *
jt_draft_print_command (JtStore *store, gint64 id, const char *db_path)
{
  g_autoptr (JtReminder) reminder = jt_store_reminder_get (store, id, NULL);
  g_autofree char *usual = jt_paths_database (NULL);
  g_autofree char *quoted = NULL;
  JtLetterKind kind;

  if (reminder == NULL || !jt_letter_kind_for_rule (reminder->rule, &kind))
    return NULL;
  if (db_path == NULL || g_strcmp0 (db_path, usual) == 0)
    return g_strdup_printf ("jobtrack letter %s --reminder %" G_GINT64_FORMAT,
                            jt_letter_kind_to_string (kind), id);
  quoted = g_shell_quote (db_path);
  return g_strdup_printf ("jobtrack --db %s letter %s --reminder %" G_GINT64_FORMAT, quoted,
                          jt_letter_kind_to_string (kind), id);
}
