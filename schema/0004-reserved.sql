-- 0004: reserved. Another branch owns migration 0004; this empty placeholder only keeps
-- the numbers without a gap (the loader requires 1..N) until that branch is merged,
-- when its 0004 replaces this file.
SELECT 1;
