-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0002: reminders, the follow-ups owed (doc/design.md, "The follow-up rules").
-- A rule's reminders are derived from the records in the transaction that changed them;
-- `uid` never changes for the same (rule, application, contact, interview, occurrence).

-- AUTOINCREMENT: derivation removes reminders often, and an id a person has seen must
-- never come to mean another reminder.
CREATE TABLE reminders (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  uid             TEXT    NOT NULL UNIQUE,
  rule            TEXT    NOT NULL
                  CHECK (rule IN ('summary', 'thank_you', 'follow_up_call', 'bring_forward',
                                  'brief_references', 'rejection_letter', 'rapport_call',
                                  'recontact', 'offer_negotiation', 'offer_deadline',
                                  'network_update', 'application_follow_up', 'manual')),
  application_id  INTEGER REFERENCES applications (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  interview_id    INTEGER REFERENCES interviews (id) ON DELETE CASCADE,
  due_at          INTEGER NOT NULL,  -- as the rule (or the person) set it
  fire_at         INTEGER NOT NULL,  -- when it is next shown: due_at or the snooze's end
  state           TEXT    NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'snoozed', 'done', 'dismissed')),
  title           TEXT    NOT NULL,
  detail          TEXT,
  revision        INTEGER NOT NULL DEFAULT 0,
  notified_at     INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
-- The agenda and the daemon ask for open reminders by time: a partial index keeps that
-- query as cheap as the bare scan of what it returns.
CREATE INDEX reminders_open_by_time ON reminders (fire_at)
  WHERE state IN ('pending', 'snoozed');
CREATE INDEX reminders_by_application ON reminders (application_id, rule);
CREATE INDEX reminders_by_contact ON reminders (contact_id, rule);
CREATE INDEX reminders_by_interview ON reminders (interview_id);

-- What the rules read across applications: open offers (R4), acceptances (which end
-- every other application's calls) and network contacts (R10).
CREATE INDEX offers_open_by_deadline ON offers (deadline)
  WHERE state IN ('open', 'negotiating');
CREATE INDEX applications_by_status ON applications (status);
CREATE INDEX contacts_in_network ON contacts (id) WHERE network = 1;

-- Small facts about the file itself, such as the settings the reminders were derived
-- with (a change of call hour or zone re-derives them all at the next write).
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
