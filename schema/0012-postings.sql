-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0012: the job posting an application was captured from (issue 16), and the rule that
-- reads its closing date (R12, closing_date).
--
-- One row per application at most: what `jobtrack capture` read from the page
-- (common/capture/jt-posting.h). The page itself and its text are documents of kind
-- 'posting' (0011), so they outlive the posting's removal from the web. `url` and
-- `identifier` find the same posting captured twice; `closes_at` (validThrough) is what
-- R12 counts back from. A day without a time (`closes_on_day`) is that day in UTC.
CREATE TABLE postings (
  application_id  INTEGER PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
  source          TEXT    NOT NULL CHECK (source IN ('json-ld', 'opengraph', 'title')),
  title           TEXT    NOT NULL,
  url             TEXT,
  identifier      TEXT,
  location        TEXT,
  employment_type TEXT,
  salary          TEXT,
  posted_at       INTEGER,
  closes_at       INTEGER,
  closes_on_day   INTEGER NOT NULL DEFAULT 0 CHECK (closes_on_day IN (0, 1)),
  captured_at     INTEGER NOT NULL
);
CREATE INDEX postings_by_url ON postings (url) WHERE url IS NOT NULL;
CREATE INDEX postings_by_identifier ON postings (identifier) WHERE identifier IS NOT NULL;

-- The reminders' rule names are checked by the table: SQLite cannot change a CHECK, so
-- the table is made again with 'closing_date' allowed, keeping every row, id and index,
-- and the AUTOINCREMENT counter (an id a person has seen is never handed out again).
CREATE TABLE reminders_0012 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  uid             TEXT    NOT NULL UNIQUE,
  rule            TEXT    NOT NULL
                  CHECK (rule IN ('summary', 'thank_you', 'follow_up_call', 'bring_forward',
                                  'brief_references', 'rejection_letter', 'rapport_call',
                                  'recontact', 'offer_negotiation', 'offer_deadline',
                                  'network_update', 'application_follow_up', 'closing_date',
                                  'manual')),
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
  updated_at      INTEGER NOT NULL,
  offer_id        INTEGER REFERENCES offers (id) ON DELETE SET NULL,
  since_day       TEXT,
  shown_digest    TEXT
);
INSERT INTO reminders_0012
SELECT id, uid, rule, application_id, contact_id, interview_id, due_at, fire_at, state, title,
       detail, revision, notified_at, created_at, updated_at, offer_id, since_day, shown_digest
FROM reminders;
DELETE FROM sqlite_sequence WHERE name = 'reminders_0012';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'reminders_0012', seq FROM sqlite_sequence WHERE name = 'reminders';
DROP TABLE reminders;
ALTER TABLE reminders_0012 RENAME TO reminders;
CREATE INDEX reminders_open_by_time ON reminders (fire_at)
  WHERE state IN ('pending', 'snoozed');
CREATE INDEX reminders_by_application ON reminders (application_id, rule);
CREATE INDEX reminders_by_contact ON reminders (contact_id, rule);
CREATE INDEX reminders_by_interview ON reminders (interview_id);
CREATE INDEX reminders_done_by_due ON reminders (due_at) WHERE state = 'done';
CREATE INDEX reminders_undelivered_by_time ON reminders (fire_at, id, state, notified_at)
  WHERE state IN ('pending', 'snoozed') AND (notified_at IS NULL OR notified_at < fire_at);
