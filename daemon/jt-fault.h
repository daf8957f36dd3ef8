/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-fault.h: fault-injection points, compiled only into the test daemon.
 *
 * The release jobtrackd is built without JT_FAULT_INJECTION: every jt_fault_point ()
 * is then nothing at all, and no environment variable changes what it does. The test
 * build (tests/reliability: jobtrackd-faults) defines it and links jt-fault.c:
 *
 *   JT_FAULT=NAME      SIGKILL the daemon when it reaches the point NAME
 *                      (after-show: the server accepted a notification, and it is not
 *                      yet marked notified in the database)
 *
 * and on standard error it reports, at each "after-mark", how long the reminder spent
 * between the two: "fault: window 123 us" (the exactly-once window in RELIABILITY.md). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#ifdef JT_FAULT_INJECTION
void jt_fault_point (const char *name);
#else
#define jt_fault_point(name) ((void) 0)
#endif

G_END_DECLS
