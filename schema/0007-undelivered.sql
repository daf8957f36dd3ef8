-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0007: what jobtrackd asks at every wake-up: the open follow-ups that came due and were
-- not shown since. reminders_open_by_time has every open follow-up due by now, so the
-- daemon read the row of each one that had come due (and been shown) to check
-- notified_at: thousands of pages for a long search. This index holds only those not
-- shown yet; a follow-up leaves it when it is. Its WHERE is the query's own terms
-- (common/store/jt-store-reminders.c, UNDELIVERED), so the planner can use it; by fire time
-- then id, the daemon's order; with the columns of those terms, so that counting them
-- reads the index alone.
CREATE INDEX reminders_undelivered_by_time ON reminders (fire_at, id, state, notified_at)
  WHERE state IN ('pending', 'snoozed') AND (notified_at IS NULL OR notified_at < fire_at);
