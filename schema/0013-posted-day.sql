-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0013: a capture knows an application by its link, and a saved posting knows whether
-- the page gave the day it was posted without a time.
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
