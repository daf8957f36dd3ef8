/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical.c: finds and opens the iCalendar module. */
#include "jt-ical.h"

#include <gmodule.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-version.h"

#define MODULE_FILE "jobtrack-ical.so"

static GMutex lock;
static const JtIcal *loaded;

/* The folder $JOBTRACK_MODULE_DIR names; else LIBDIR/jobtrack as seen from the folder of
 * the running program (JT_MODULE_RELDIR, from BINDIR, set when it was configured). A
 * build-tree program is run with the variable set; a program without it never takes a
 * module from the build tree, nor an installed one from another prefix. New string;
 * NULL with an error when the program cannot tell where it is. */
static char *
module_path (GError **error)
{
  const char *dir = g_getenv (JT_ICAL_MODULE_DIR_ENV);
  g_autofree char *self = NULL;
  g_autofree char *bindir = NULL;
  g_autofree char *relative = NULL;

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, MODULE_FILE, NULL);
  /* As the kernel names the program: with every symlink resolved. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   /* TRANSLATORS: the name of an environment variable. */
                   _ ("cannot load the iCalendar module: this program cannot tell where it is "
                      "(/proc/self/exe); set %s"),
                   JT_ICAL_MODULE_DIR_ENV);
      return NULL;
    }
  bindir = g_path_get_dirname (self);
  relative = g_build_filename (bindir, JT_MODULE_RELDIR, MODULE_FILE, NULL);
  /* Named without "..", as it is installed. */
  return g_canonicalize_filename (relative, NULL);
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
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot load the iCalendar module: %s"),
                   g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, JT_ICAL_ENTRY_POINT, (gpointer *) &entry) || entry == NULL
      || (ical = entry ()) == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("%s is not jobtrack's iCalendar module"),
                   path);
      g_module_close (module);
      return NULL;
    }
  if (strcmp (ical->version, JT_VERSION) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED,
                   _ ("%s is from jobtrack %s, this is jobtrack %s; reinstall jobtrack"), path,
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
