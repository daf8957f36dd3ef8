/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-config.c: config.ini files through jt_config_load, and every value it accepts
 * back out through jt_config_foreach (what `jobtrack config` prints). */
#include <glib/gstdio.h>

#include "jt-config.h"
#include "jt-error.h"
#include "jt-fuzz.h"

static char *path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  path = jt_fuzz_temp_path ("config.ini");
  return 0;
}

static void
check_setting (const char *group, const char *key, const char *value, const char *source,
               gpointer user_data)
{
  g_assert (group != NULL && key != NULL && value != NULL && source != NULL);
  g_assert (g_utf8_validate (value, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtConfig) config = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write %s: %s", path, error->message);
  config = jt_config_load (path, &error);
  g_assert ((config == NULL) == (error != NULL));
  if (config == NULL)
    {
      g_assert (error->domain == JT_ERROR && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (config->call_hour >= 0 && config->call_hour < 24);
  g_assert (config->call_minute >= 0 && config->call_minute < 60);
  g_assert (config->thank_you_delay >= 0);
  jt_config_foreach (config, check_setting, NULL);
  return 0;
}
