-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0005: the best five skills to restate at the end of an interview for an application
-- (`jobtrack app edit ID --skills "a, b, c"`, shown by `jobtrack prep`, used in letters).
-- One skill a line, best first; NULL when none were given.

ALTER TABLE applications ADD COLUMN skills TEXT;
