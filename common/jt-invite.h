/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-invite.h: one event of an invitation file as the iCalendar module reads it, in plain
 * terms, for the core to apply to the store (jt-calendar-import.h tells how). */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

/* What the person says about an import. */
typedef struct
{
  const char *company;   /* NULL: guessed from the organizer's email domain */
  const char *const *me; /* the person's own addresses, NULL-terminated; may be NULL */
  gboolean dry_run;      /* report what would happen, write nothing */
} JtInviteOptions;

/* One VEVENT, or one meeting of a recurring one, read and checked. Every text is
 * cleaned (jt-text.h). */
typedef struct
{
  char *uid;
  char *recurrence_id;   /* one meeting of a series: its first start, "20261210T140000Z";
                          * else NULL */
  gboolean whole_series; /* a cancellation of every meeting of the series `uid` */
  guint series_meetings; /* of a series' meeting: how many the series has; else 0 */
  gint64 sequence;
  gboolean cancelled; /* METHOD:CANCEL or STATUS:CANCELLED */
  gboolean has_start; /* FALSE only for a cancellation without DTSTART */
  gint64 start_at;
  int duration_min;
  gint64 event_minutes; /* the event's own length when it is longer than duration_min
                         * could be, else 0 */
  JtInterviewKind kind;
  char *place;
  char *summary;        /* for messages; may be NULL */
  char *company;        /* NULL only in a cancellation */
  char *company_source; /* the address the company was guessed from; NULL when given */
  char *role;           /* "" when the summary does not say; NULL in a cancellation */
  GPtrArray *people;    /* JtContact* with name and email, not the person's own; NULL in
                         * a cancellation */
} JtInvite;

JtInvite *jt_invite_new (void);
/* A deep copy. */
JtInvite *jt_invite_copy (const JtInvite *invite);
void jt_invite_free (JtInvite *invite);

#define JT_INVITE_MEETING_SEPARATOR ";RECURRENCE-ID="

/* How the store names what `invite` is about (interviews.invite_uid): the UID, and for a
 * meeting of a series ";RECURRENCE-ID=" and its first start, as iCalendar writes one
 * meeting. New string. */
char *jt_invite_key (const JtInvite *invite);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtInvite, jt_invite_free)

G_END_DECLS
