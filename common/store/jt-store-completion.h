/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-completion.h: the live values a shell completes (`jobtrack __complete`): record
 * ids with what tells them apart, contact names, companies. One cheap query per kind,
 * each answered by the table itself or an index. */
#pragma once

#include <glib.h>

#include "jt-store.h"

G_BEGIN_DECLS

typedef enum
{
  JT_COMPLETE_APPLICATIONS,    /* "3", "Acme, Engineer (applied)" */
  JT_COMPLETE_CONTACTS,        /* "5", "Raj Patel (Acme)" */
  JT_COMPLETE_CONTACT_NAMES,   /* "Raj Patel", "Acme" */
  JT_COMPLETE_COMPANIES,       /* "Acme", "" — of applications and contacts, once each */
  JT_COMPLETE_INTERVIEWS,      /* "2", "Acme, onsite, 2026-12-01 14:00" */
  JT_COMPLETE_OFFERS,          /* "1", "Acme, open, respond by 2026-12-10" */
  JT_COMPLETE_REMINDERS,       /* open follow-ups: rendered by the caller, not here */
  JT_COMPLETE_RESUME_VERSIONS, /* "backend-v3", "Jane Doe CV.pdf" */
} JtCompletionKind;

typedef struct
{
  char *value;
  char *description; /* never NULL; may be "" */
} JtCompletion;

void jt_completion_free (JtCompletion *completion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtCompletion, jt_completion_free)

/* The candidates of `kind`, in id order (names in the order first recorded, companies
 * alphabetically); times in `tz`; not for JT_COMPLETE_REMINDERS. A new array of
 * JtCompletion*, or NULL with an error. */
GPtrArray *jt_store_completions (JtStore *store, JtCompletionKind kind, GTimeZone *tz,
                                 GError **error);

G_END_DECLS
