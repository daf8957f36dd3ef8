/* jt-ical.c: finds and opens the iCalendar module. */
#include "jt-ical.h"

#include <gmodule.h>
#include <stdlib.h>
#include <string.h>

#include "jt-error.h"
#include "jt-version.h"

#define MODULE_FILE "jobtrack-ical.so"

static GMutex lock;
static const JtIcal *loaded;

/* The module next to this build of the program, when the program running is the one in
 * the build tree; else the installed one. Never the installed module for a build-tree
 * program (or the other way round): the two may be of different versions. */
static char *
module_path (GError **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  /* As the kernel names the program: with every symlink resolved. */
  g_autofree char *build_root = realpath (JT_BUILD_ROOT, NULL);
  g_autofree char *prefix = build_root != NULL ? g_strconcat (build_root, "/", NULL) : NULL;

  if (self != NULL && prefix != NULL && g_str_has_prefix (self, prefix))
    return g_build_filename (build_root, "common", MODULE_FILE, NULL);
  return g_build_filename (JT_MODULE_DIR, MODULE_FILE, NULL);
}

static const JtIcal *
load (GError **error)
{
  g_autofree char *path = module_path (error);
  const JtIcal *(*entry) (void) = NULL;
  const JtIcal *ical;
  GModule *module;

  if (path == NULL)
    return NULL;
  /* Every symbol bound now: a module that does not fit fails here, not mid-export. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "cannot load the iCalendar module: %s",
                   g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, JT_ICAL_ENTRY_POINT, (gpointer *)&entry) || entry == NULL
      || (ical = entry ()) == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, "%s is not jobtrack's iCalendar module", path);
      g_module_close (module);
      return NULL;
    }
  if (strcmp (ical->version, JT_VERSION) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   "%s is from jobtrack %s, this is jobtrack %s; reinstall jobtrack", path,
                   ical->version, JT_VERSION);
      g_module_close (module);
      return NULL;
    }
  /* Kept: its functions are called until the process ends. */
  g_module_make_resident (module);
  return ical;
}

const JtIcal *
jt_ical_load (GError **error)
{
  const JtIcal *ical;

  g_mutex_lock (&lock);
  /* A failure is tried again next time (the module may be installed by then). */
  if (loaded == NULL)
    loaded = load (error);
  ical = loaded;
  g_mutex_unlock (&lock);
  return ical;
}

void
jt_ical_use (const JtIcal *ical)
{
  g_mutex_lock (&lock);
  loaded = ical;
  g_mutex_unlock (&lock);
}
