-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0006: finding things (`jobtrack search`) and not applying twice (`add` warns).

-- The company without its legal form, folded: "ACME Inc.", "acme gmbh" and "Acme, LLC"
-- are one company family, "acme". Computed by jt_company_family() in C (jt-records.c);
-- the store sets it on every write, and the function is registered on the connection so
-- that this migration can fill it for the rows already there.
ALTER TABLE applications ADD COLUMN company_family TEXT NOT NULL DEFAULT '';
UPDATE applications SET company_family = jt_company_family (company);
CREATE INDEX applications_by_company_family ON applications (company_family);

-- `stats --since` reads applications by when they were recorded (the index of 0004),
-- and follow-ups done by their due time.
CREATE INDEX reminders_done_by_due ON reminders (due_at) WHERE state = 'done';

-- One full-text row per application, contact, interview and touch. Its rowid encodes
-- what it is: record id * 8 + kind (1 application, 2 contact, 3 interview, 4 touch), so
-- the triggers below reach a record's row by rowid, never by a scan.
-- Columns, most telling first (bm25 weighs them so): the name (company, person), what
-- it is about (role, title, kind, place), and the free text (notes, the assessment).
-- unicode61 with remove_diacritics 2 folds case and accents: "societe" finds "Société".
CREATE VIRTUAL TABLE search_index USING fts5 (
  name, about, notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(4.0, 2.0, 1.0)');

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

-- An interview's free text is its assessment: what was said, the edge, the employer's
-- problems, the objections, the next step and the summary.
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

-- Touches are never edited, only added and removed (with their application).
CREATE TRIGGER search_touch_insert AFTER INSERT ON touches BEGIN
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 4, NULL, new.kind, new.about);
END;
CREATE TRIGGER search_touch_update AFTER UPDATE OF kind, about ON touches BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  INSERT INTO search_index (rowid, name, about, notes)
  VALUES (new.id * 8 + 4, NULL, new.kind, new.about);
END;
CREATE TRIGGER search_touch_delete AFTER DELETE ON touches BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

-- The records already there, as the triggers would have indexed them.
INSERT INTO search_index (rowid, name, about, notes)
SELECT id * 8 + 1, company, role || ' ' || ifnull (source, '') || ' ' || ifnull (url, ''), notes
FROM applications;
INSERT INTO search_index (rowid, name, about, notes)
SELECT id * 8 + 2, name,
       ifnull (title, '') || ' ' || company || ' ' || ifnull (email, '') || ' '
       || ifnull (phone, ''),
       notes
FROM contacts;
INSERT INTO search_index (rowid, name, about, notes)
SELECT id * 8 + 3, NULL, kind || ' ' || ifnull (place, ''),
       ifnull (conversation, '') || char (10) || ifnull (edge, '') || char (10)
          || ifnull (problems, '') || char (10) || ifnull (objections, '') || char (10)
          || ifnull (next_step, '') || char (10) || ifnull (notes, '')
FROM interviews;
INSERT INTO search_index (rowid, name, about, notes)
SELECT id * 8 + 4, NULL, kind, about FROM touches;
