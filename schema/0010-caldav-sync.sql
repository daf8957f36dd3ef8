-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0010: what CalDAV sync (common/sync/, issue 14) knows of the server, so that what must
-- be pushed is what differs from what was last pushed: a change made offline, or while
-- the server was down, goes up later and is never lost.

-- The task list synced with: one row. Its sync token (RFC 6578) and ctag tell what
-- changed there since the last pull; the last success and error are what
-- `jobtrack sync --status` reports.
CREATE TABLE sync_collection (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL,
  sync_token TEXT,
  ctag TEXT,
  last_success_at INTEGER,
  last_error TEXT,
  last_error_at INTEGER
);

-- One row per follow-up on the server, by its uid rather than its id: a follow-up the
-- rules withdraw (deleted here) stays on the server as cancelled, and the same resource
-- is updated when the rules derive it again. `etag` is NULL when a PUT was answered
-- without one; `pushed_ics` is the text last put there, `pushed_hash` its SHA-256.
CREATE TABLE sync_items (
  uid TEXT PRIMARY KEY,
  href TEXT NOT NULL UNIQUE,
  etag TEXT,
  pushed_revision INTEGER NOT NULL DEFAULT 0,
  pushed_hash TEXT,
  pushed_ics TEXT,
  updated_at INTEGER NOT NULL
);
