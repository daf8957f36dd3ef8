-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0001: the records of a job search (doc/design.md, "Things recorded").
-- Instants are INTEGER unix seconds (UTC); calendar days are TEXT 'YYYY-MM-DD'
-- in the user's zone. Every query the tools run has an index below.

-- 'JbTk': marks the file as jobtrack's, so a foreign SQLite file is never migrated.
PRAGMA application_id = 1247958123;

CREATE TABLE applications (
  id          INTEGER PRIMARY KEY,
  company     TEXT    NOT NULL CHECK (length(trim(company)) > 0),
  role        TEXT    NOT NULL DEFAULT '',
  source      TEXT,
  url         TEXT,
  status      TEXT    NOT NULL DEFAULT 'applied'
              CHECK (status IN ('lead', 'applied', 'interviewing', 'offer',
                                'accepted', 'declined', 'rejected', 'withdrawn')),
  interest    INTEGER CHECK (interest BETWEEN 1 AND 5),
  notes       TEXT,
  -- company and role folded (Unicode case and compatibility forms): how `add` matches
  -- "Société Générale" with "SOCIÉTÉ GÉNÉRALE"; SQLite's NOCASE folds only ASCII.
  company_key TEXT    NOT NULL,
  role_key    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
-- `add` looks for the open application of a company and role.
CREATE INDEX applications_by_company_role ON applications (company_key, role_key);

-- Every status an application has been in, dated.
CREATE TABLE status_changes (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  status          TEXT    NOT NULL
                  CHECK (status IN ('lead', 'applied', 'interviewing', 'offer',
                                    'accepted', 'declined', 'rejected', 'withdrawn')),
  changed_at      INTEGER NOT NULL
);
CREATE INDEX status_changes_by_application ON status_changes (application_id, changed_at);

-- When the employer said it will decide; the newest row is the current date.
CREATE TABLE decision_dates (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  decide_on       TEXT    NOT NULL CHECK (decide_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_at     INTEGER NOT NULL
);
CREATE INDEX decision_dates_by_application ON decision_dates (application_id, id);

CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  title       TEXT,
  company     TEXT    NOT NULL DEFAULT '',
  email       TEXT,
  phone       TEXT,
  url         TEXT,
  hit_it_off  INTEGER NOT NULL DEFAULT 0 CHECK (hit_it_off IN (0, 1)),
  network     INTEGER NOT NULL DEFAULT 0 CHECK (network IN (0, 1)),
  notes       TEXT,
  -- Folded like applications' keys, for matching people as typed.
  company_key TEXT    NOT NULL,
  name_key    TEXT    NOT NULL,
  email_key   TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
-- `add --with` reuses a contact of the company by email, else by name.
CREATE INDEX contacts_by_company_email ON contacts (company_key, email_key);
CREATE INDEX contacts_by_company_name ON contacts (company_key, name_key);

-- A contact's roles in the hiring process.
CREATE TABLE contact_roles (
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  role        TEXT    NOT NULL
              CHECK (role IN ('decision-maker', 'influencer', 'hr', 'recruiter', 'reference')),
  PRIMARY KEY (contact_id, role)
) WITHOUT ROWID;
CREATE INDEX contact_roles_by_role ON contact_roles (role, contact_id);

-- Who takes part in an application's process (met, recruiter, reference, ...).
CREATE TABLE application_contacts (
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (application_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX application_contacts_by_contact ON application_contacts (contact_id, application_id);

CREATE TABLE interviews (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  start_at        INTEGER NOT NULL,
  duration_min    INTEGER NOT NULL DEFAULT 60 CHECK (duration_min BETWEEN 1 AND 1440),
  kind            TEXT    NOT NULL DEFAULT 'onsite'
                  CHECK (kind IN ('phone', 'video', 'onsite', 'panel', 'final')),
  place           TEXT,
  -- The assessment written right after the meeting; every answer optional.
  rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
  conversation    TEXT,   -- what they said, what you said
  edge            TEXT,   -- what you offer that other candidates don't
  problems        TEXT,   -- the employer's problems and what you would propose
  objections      TEXT,   -- gaps or objections they raised
  next_step       TEXT,
  may_call_at     INTEGER,-- permission to call, and from when
  notes           TEXT,   -- the summary of the meeting
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX interviews_by_application ON interviews (application_id, start_at);
CREATE INDEX interviews_by_start ON interviews (start_at);

CREATE TABLE interview_contacts (
  interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  PRIMARY KEY (interview_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX interview_contacts_by_contact ON interview_contacts (contact_id, interview_id);

CREATE TABLE offers (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  received_on     TEXT    NOT NULL,
  deadline        TEXT,   -- respond-by day
  salary          TEXT,
  title           TEXT,
  start_on        TEXT,
  state           TEXT    NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'negotiating', 'accepted', 'declined')),
  notes           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX offers_by_application ON offers (application_id, id);

CREATE TABLE outcomes (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  kind            TEXT    NOT NULL
                  CHECK (kind IN ('offer', 'rejected', 'accepted', 'declined', 'withdrawn')),
  occurred_at     INTEGER NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX outcomes_by_application ON outcomes (application_id, occurred_at);

-- A dated contact with someone: a letter, an email, a call, a meeting.
CREATE TABLE touches (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER REFERENCES applications (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('letter', 'email', 'call', 'meeting')),
  at              INTEGER NOT NULL,
  about           TEXT,
  created_at      INTEGER NOT NULL
);
CREATE INDEX touches_by_application ON touches (application_id, at);
CREATE INDEX touches_by_contact ON touches (contact_id, at);
CREATE INDEX touches_by_time ON touches (at);
