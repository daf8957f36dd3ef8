/* jt-ical.h: iCalendar export and import, loaded when first needed.
 *
 * libical brings ICU and the C++ runtime with it: loading them costs every process
 * about 2.5 ms and 2.5 MB, which most commands (an `add`, an `agenda`) never use. So
 * the code that uses libical (jt-ical-export.c, jt-ical-import.c) is a module of its
 * own, opened by the commands that read or write iCalendar. It is taken from the build
 * tree when the running program is the one built there, else from where it is
 * installed (LIBDIR/jobtrack), and it must be of this very version. */
#pragma once

#include <glib.h>

#include "jt-ical-export.h"
#include "jt-ical-import.h"

G_BEGIN_DECLS

typedef struct
{
  const char *version; /* JT_VERSION of the module */
  gboolean (*export_write) (JtStore *store, gboolean all, gint64 now, GTimeZone *tz,
                            JtIcalWriteFunc write, gpointer user_data, GError **error);
  gboolean (*import) (JtStore *store, const char *data, gsize length,
                      const JtIcalImportOptions *options, GTimeZone *tz, gint64 now,
                      GPtrArray **report, GError **error);
} JtIcal;

/* The module's functions. Loaded once and kept for the life of the process; safe to
 * call from any thread. NULL with a JT_ERROR naming the file when it cannot be loaded. */
const JtIcal *jt_ical_load (GError **error);

/* The name of the function the module exports, returning its const JtIcal *. */
#define JT_ICAL_ENTRY_POINT "jt_ical_module"

G_END_DECLS
