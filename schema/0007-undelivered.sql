-- 0007: what jobtrackd asks at every wake-up: the open follow-ups that came due and were
-- not shown since. reminders_open_by_time has every open follow-up due by now, so the
-- daemon read each one's row to see whether it was shown: thousands of pages for a long
-- search. This index holds only those not shown yet; a follow-up leaves it when it is.
-- Its terms are the query's own (jt_store_reminder_list_undelivered), so the planner
-- can use it.
CREATE INDEX reminders_undelivered_by_time ON reminders (fire_at)
  WHERE state IN ('pending', 'snoozed') AND (notified_at IS NULL OR notified_at < fire_at);
