-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0011: the documents sent with each application (a résumé, a cover letter, the
-- posting), and named résumé versions (issue 16).
--
-- The content is not in the database: each file is kept once, named by its SHA-256, in
-- $XDG_DATA_HOME/jobtrack/files/ (common/jt-documents.c). `files` says what is kept
-- there: one row per content, however many applications were sent it.

CREATE TABLE files (
  sha256     TEXT    PRIMARY KEY
             CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size       INTEGER NOT NULL CHECK (size >= 0),
  media_type TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);

-- A résumé version named once ("backend-v3"); applications point at it by their
-- documents, so `stats` can tell which version gets interviews.
CREATE TABLE resume_versions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  name          TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  sha256        TEXT    NOT NULL REFERENCES files (sha256),
  original_name TEXT    NOT NULL,
  note          TEXT,
  created_at    INTEGER NOT NULL
);
CREATE INDEX resume_versions_by_file ON resume_versions (sha256);

-- A document of an application. `name` is the file's name as it was attached; a
-- document that points at a résumé version has that version's file (the same sha256)
-- and kind 'resume'. Removing the application removes its documents, not the files:
-- `app rm` removes a file no document or version uses any more, and nothing else does.
CREATE TABLE documents (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id    INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  kind              TEXT    NOT NULL
                    CHECK (kind IN ('resume', 'cover-letter', 'portfolio', 'posting', 'other')),
  sha256            TEXT    NOT NULL REFERENCES files (sha256),
  name              TEXT    NOT NULL,
  note              TEXT,
  resume_version_id INTEGER REFERENCES resume_versions (id),
  attached_at       INTEGER NOT NULL
);
-- An application's documents, newest last (app files, show, open's latest résumé).
CREATE INDEX documents_by_application ON documents (application_id, attached_at);
-- Whether a file is still used (app rm), and the names a missing file was known by.
CREATE INDEX documents_by_file ON documents (sha256);
-- How many applications used each version (resume list, stats).
CREATE INDEX documents_by_resume_version ON documents (resume_version_id)
  WHERE resume_version_id IS NOT NULL;
