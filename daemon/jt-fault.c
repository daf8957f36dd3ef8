/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-fault.c: the fault-injection points of the test daemon (jt-fault.h). Never linked
 * into the release jobtrackd. */
#include "jt-fault.h"

#include <signal.h>
#include <stdio.h>

static gint64 shown_at; /* monotonic time of the last "after-show", 0 for none */

void
jt_fault_point (const char *name)
{
  const char *fault = g_getenv ("JT_FAULT");

  if (g_str_equal (name, "after-show"))
    shown_at = g_get_monotonic_time ();
  else if (g_str_equal (name, "after-mark") && shown_at != 0)
    {
      fprintf (stderr, "fault: window %" G_GINT64_FORMAT " us\n",
               g_get_monotonic_time () - shown_at);
      fflush (stderr);
      shown_at = 0;
    }
  if (fault != NULL && g_str_equal (fault, name))
    {
      fprintf (stderr, "fault: killed at %s\n", name);
      fflush (stderr);
      raise (SIGKILL);
    }
}
