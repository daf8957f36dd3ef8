-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0013: a capture knows an application by its link, a saved posting knows whether the
-- page gave the day it was posted without a time, and CalDAV sync keeps the text of a
-- PUT sent until its answer is recorded.
--
-- `jobtrack capture` refuses a posting recorded before: besides the addresses of the
-- saved postings (0012, postings_by_url) it looks for an application whose own link
-- (`app add --url`) is the posting's address, which this index answers.
CREATE INDEX applications_by_url ON applications (url) WHERE url IS NOT NULL;

-- A datePosted given as a day alone ("2026-12-01") is kept as 00:00 UTC of it, as a
-- closing day is (closes_on_day); without saying so it was read back as an instant, the
-- evening before west of UTC. `posted_on_day` says so, as closes_on_day does.
ALTER TABLE postings ADD COLUMN posted_on_day INTEGER NOT NULL DEFAULT 0
  CHECK (posted_on_day IN (0, 1));

-- Schema 12 kept no word on it. A page that gives a time gives it to the second, in its
-- own zone, so a posted_at at exactly 00:00:00 UTC is, but for a rare coincidence, a day
-- the page gave alone; taken as one it shows that day, as `show` has shown every posted
-- date until now. Any other instant had a time.
UPDATE postings SET posted_on_day = 1
WHERE posted_at IS NOT NULL AND posted_at <> 0 AND posted_at % 86400 = 0;

-- A PUT whose answer is lost (a connection cut after the server took it, a crash) left
-- the server holding a text of jobtrack's that sync_items did not know; changed here
-- again before the next sync, that text was taken for the phone's act (a snooze put
-- back to the earlier time). `pending_ics` is the text sent, recorded before the PUT
-- and cleared with its answer; the server found holding it is holding jobtrack's own.
-- `pending_revision` is the follow-up's revision it shows.
ALTER TABLE sync_items ADD COLUMN pending_ics TEXT;
ALTER TABLE sync_items ADD COLUMN pending_revision INTEGER NOT NULL DEFAULT 0;
