-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0009: what a calendar has seen keeps meaning the same thing.
--
-- Ids of applications, contacts, interviews and offers are never handed out again
-- (AUTOINCREMENT, as reminders have had since 0002): "interview-4@jobtrack" in a calendar
-- app, or "application 4" in a note, must not come to mean another record after a
-- removal. SQLite cannot add AUTOINCREMENT to a table, so each is made again, keeping
-- every row and id, with the indexes and search triggers it had. The store runs every
-- migration with foreign keys off and checks them all before it commits
-- (common/store/jt-store.c), so dropping the old table deletes nothing that refers to it.
--
-- An interview gains a revision, its calendar SEQUENCE: it grows by one whenever what
-- its calendar entry shows changes (common/jt-calendar-identity.c). Before, SEQUENCE was
-- the seconds between an interview's creation and its last edit; the revision starts
-- there, so a calendar that saw that number still takes the next change.
-- `shown_digest`, on interviews and reminders, is a digest of what the entry showed when
-- the revision last grew; NULL until first computed, which raises nothing.

CREATE TABLE applications_0009 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  company     TEXT    NOT NULL CHECK (length(trim(company)) > 0),
  role        TEXT    NOT NULL DEFAULT '',
  source      TEXT,
  url         TEXT,
  status      TEXT    NOT NULL DEFAULT 'applied'
              CHECK (status IN ('lead', 'applied', 'interviewing', 'offer',
                                'accepted', 'declined', 'rejected', 'withdrawn')),
  interest    INTEGER CHECK (interest BETWEEN 1 AND 5),
  notes       TEXT,
  company_key TEXT    NOT NULL,
  role_key    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  skills      TEXT,
  company_family TEXT NOT NULL DEFAULT ''
);
INSERT INTO applications_0009
SELECT id, company, role, source, url, status, interest, notes, company_key, role_key,
       created_at, updated_at, skills, company_family
FROM applications;
DROP TABLE applications;
ALTER TABLE applications_0009 RENAME TO applications;
CREATE INDEX applications_by_company_role ON applications (company_key, role_key);
CREATE INDEX applications_by_status ON applications (status);
CREATE INDEX applications_by_created ON applications (created_at);
CREATE INDEX applications_by_company_family ON applications (company_family);

CREATE TABLE contacts_0009 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  title       TEXT,
  company     TEXT    NOT NULL DEFAULT '',
  email       TEXT,
  phone       TEXT,
  url         TEXT,
  hit_it_off  INTEGER NOT NULL DEFAULT 0 CHECK (hit_it_off IN (0, 1)),
  network     INTEGER NOT NULL DEFAULT 0 CHECK (network IN (0, 1)),
  notes       TEXT,
  company_key TEXT    NOT NULL,
  name_key    TEXT    NOT NULL,
  email_key   TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
INSERT INTO contacts_0009
SELECT id, name, title, company, email, phone, url, hit_it_off, network, notes, company_key,
       name_key, email_key, created_at, updated_at
FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_0009 RENAME TO contacts;
CREATE INDEX contacts_by_company_email ON contacts (company_key, email_key);
CREATE INDEX contacts_by_company_name ON contacts (company_key, name_key);
CREATE INDEX contacts_in_network ON contacts (id) WHERE network = 1;

CREATE TABLE interviews_0009 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  start_at        INTEGER NOT NULL,
  duration_min    INTEGER NOT NULL DEFAULT 60 CHECK (duration_min BETWEEN 1 AND 1440),
  kind            TEXT    NOT NULL DEFAULT 'onsite'
                  CHECK (kind IN ('phone', 'video', 'onsite', 'panel', 'final')),
  place           TEXT,
  rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
  conversation    TEXT,
  edge            TEXT,
  problems        TEXT,
  objections      TEXT,
  next_step       TEXT,
  may_call_at     INTEGER,
  notes           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  invite_uid      TEXT,
  invite_sequence INTEGER,
  revision        INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  shown_digest    TEXT
);
INSERT INTO interviews_0009
SELECT id, application_id, start_at, duration_min, kind, place, rating, conversation, edge,
       problems, objections, next_step, may_call_at, notes, created_at, updated_at, invite_uid,
       invite_sequence, min (max (updated_at - created_at, 0), 2147483647), NULL
FROM interviews;
DROP TABLE interviews;
ALTER TABLE interviews_0009 RENAME TO interviews;
CREATE INDEX interviews_by_application ON interviews (application_id, start_at);
CREATE INDEX interviews_by_start ON interviews (start_at);
CREATE UNIQUE INDEX interviews_by_invite_uid ON interviews (invite_uid);

CREATE TABLE offers_0009 (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id  INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  received_on     TEXT    NOT NULL,
  deadline        TEXT,
  salary          TEXT,
  title           TEXT,
  start_on        TEXT,
  state           TEXT    NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'negotiating', 'accepted', 'declined')),
  notes           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
INSERT INTO offers_0009
SELECT id, application_id, received_on, deadline, salary, title, start_on, state, notes,
       created_at, updated_at
FROM offers;
DROP TABLE offers;
ALTER TABLE offers_0009 RENAME TO offers;
CREATE INDEX offers_by_application ON offers (application_id, id);
CREATE INDEX offers_open_by_deadline ON offers (deadline)
  WHERE state IN ('open', 'negotiating');

ALTER TABLE reminders ADD COLUMN shown_digest TEXT;

-- The search triggers went with their tables: the same again (0006 says why).
CREATE TRIGGER search_application_insert AFTER INSERT ON applications BEGIN
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 1, new.company,
          new.role || ' ' || ifnull (new.source, '') || ' ' || ifnull (new.url, ''), new.notes);
END;
CREATE TRIGGER search_application_update
AFTER UPDATE OF company, role, source, url, notes ON applications BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 1, new.company,
          new.role || ' ' || ifnull (new.source, '') || ' ' || ifnull (new.url, ''), new.notes);
END;
CREATE TRIGGER search_application_delete AFTER DELETE ON applications BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 2, new.name,
          ifnull (new.title, '') || ' ' || new.company || ' ' || ifnull (new.email, '') || ' '
          || ifnull (new.phone, ''),
          new.notes);
END;
CREATE TRIGGER search_contact_update
AFTER UPDATE OF name, title, company, email, phone, notes ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 2, new.name,
          ifnull (new.title, '') || ' ' || new.company || ' ' || ifnull (new.email, '') || ' '
          || ifnull (new.phone, ''),
          new.notes);
END;
CREATE TRIGGER search_contact_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER search_interview_insert AFTER INSERT ON interviews BEGIN
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 3, NULL, new.kind || ' ' || ifnull (new.place, ''),
          ifnull (new.conversation, '') || char (10) || ifnull (new.edge, '') || char (10)
          || ifnull (new.problems, '') || char (10) || ifnull (new.objections, '') || char (10)
          || ifnull (new.next_step, '') || char (10) || ifnull (new.notes, ''));
END;
CREATE TRIGGER search_interview_update
AFTER UPDATE OF kind, place, conversation, edge, problems, objections, next_step, notes
ON interviews BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 3, NULL, new.kind || ' ' || ifnull (new.place, ''),
          ifnull (new.conversation, '') || char (10) || ifnull (new.edge, '') || char (10)
          || ifnull (new.problems, '') || char (10) || ifnull (new.objections, '') || char (10)
          || ifnull (new.next_step, '') || char (10) || ifnull (new.notes, ''));
END;
CREATE TRIGGER search_interview_delete AFTER DELETE ON interviews BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;
