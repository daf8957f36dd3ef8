/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-time-zone.h: what a time zone does, apart from what it is called. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A digest of the zone's offsets from UTC (and whether each is daylight saving time)
 * and of the instants they change, from 1970 to 2100: the same for every name of one
 * zone ("UTC", "Etc/UTC", a TZ file path), different once the zone's rules change (a
 * tzdata update that ends DST), whatever they are called. New string, "zone-" and hex. */
char *jt_time_zone_fingerprint (GTimeZone *tz);

G_END_DECLS
