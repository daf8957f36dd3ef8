/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-rules.h: the follow-up rules (doc/design.md, "The follow-up rules", R1-R12).
 *
 * Reminders are derived from the records, never typed: for one application (or one
 * network contact) the rules compute the reminders its records call for, as facts (rule,
 * records, due time, the day counted from; jt-reminder-text.h words them), and the
 * store's reminders are brought in line — new ones added, changed ones moved (their
 * revision grows), ones no longer called for removed. A reminder that
 * is done or dismissed is never moved or removed, so it never comes back. Each reminder's
 * uid is a function of (rule, application, contact, interview, occurrence), so deriving
 * twice changes nothing.
 *
 * The rules read no clock: the zone and "now" (used only to date the rows written) are
 * inputs. Times of day (the call hour) are wall-clock times in that zone; business days
 * skip Saturday and Sunday. */
#pragma once

#include "jt-config.h"
#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct _JtRules JtRules;

/* Rules with `config` (borrowed: it must outlive the rules) in zone `tz`, writing rows
 * dated `now`. Free with jt_rules_free. */
JtRules *jt_rules_new (const JtConfig *config, GTimeZone *tz, gint64 now);
void jt_rules_free (JtRules *rules);
void jt_rules_set_now (JtRules *rules, gint64 now);

/* How every program opens the database: a writer (JT_STORE_WRITE) with these rules
 * attached, so that every write transaction derives, before it commits, the reminders
 * of what it changed; or a reader (JT_STORE_READ_ONLY, `rules` may then be NULL). The
 * store cannot attach the rules itself (they use it), so it takes their hook here.
 * `rules` must outlive the store, or be replaced with jt_rules_attach. New store. */
JtStore *jt_rules_open_store (JtRules *rules, const char *path, JtStoreMode mode, GError **error);

/* Replaces the rules of a writer opened by jt_rules_open_store (the configuration or
 * the zone changed); the first write after the zone or a rule setting changed
 * re-derives every reminder. `rules` must outlive that use of the store. */
void jt_rules_attach (JtRules *rules, JtStore *store);

/* In its own write transaction: when the stored reminders were derived under another
 * zone or other rule settings than these, derives them all again. */
gboolean jt_rules_bring_up_to_date (JtRules *rules, JtStore *store, GError **error);

/* Derives every application's reminders and every network contact's updates. Must run
 * inside a write transaction. */
gboolean jt_rules_derive_everything (JtRules *rules, JtStore *store, GError **error);

/* An open application with no interview, touch or outcome for the configured number
 * of days. */
gboolean jt_rules_application_is_quiet (const JtRules *rules, const JtApplication *app);

/* The uid a reminder of these keys has; a manual reminder (all 0, no occurrence) gets a
 * random one. New string. */
char *jt_rules_make_uid (JtRule rule, gint64 application_id, gint64 contact_id, gint64 interview_id,
                         const char *occurrence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtRules, jt_rules_free)

G_END_DECLS
