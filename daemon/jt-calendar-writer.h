/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-writer.h: the live calendar, a file a calendar app subscribes to.
 *
 * Keeps `path` (normally $XDG_DATA_HOME/jobtrack/followups.ics) equal to the export of
 * the store's open follow-ups and interviews (jt_calendar_export_write). The daemon calls
 * jt_calendar_writer_update at start and after every change to the database; the file
 * is only rewritten when its text would change, and always atomically (readers see the
 * old calendar or the new one, whole). */
#pragma once

#include <gio/gio.h>

#include "jt-config.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct _JtCalendarWriter JtCalendarWriter;

/* A writer of `path`; it remembers what it wrote there last. Writes nothing yet. Free
 * with jt_calendar_writer_free. */
JtCalendarWriter *jt_calendar_writer_new (const char *path);
void jt_calendar_writer_free (JtCalendarWriter *writer);

/* Exports the calendar of `store` as of `now` (which interviews are still to come),
 * with the dates of letter drafts in `tz`, to a temporary file and, when its text
 * differs from what was last written, or the file is missing or was replaced by someone
 * else since, renames it over the calendar (mode 0600), creating its folder (0700) if
 * needed. FALSE with a JT_ERROR naming the file when it cannot (JT_ERROR_CANCELLED once
 * `cancellable` is), leaving the calendar as it was; the next call tries again. Call
 * from one thread at a time. */
gboolean jt_calendar_writer_update (JtCalendarWriter *writer, JtStore *store, gint64 now,
                                    GTimeZone *tz, const JtConfig *config,
                                    GCancellable *cancellable, GError **error);

/* $XDG_DATA_HOME/jobtrack/followups.ics. New string. */
char *jt_calendar_writer_default_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCalendarWriter, jt_calendar_writer_free)

G_END_DECLS
