-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0003: interviews imported from calendar invitations (`jobtrack import FILE.ics`).
-- An invitation is known by its UID (RFC 5545), the same in every copy and update the
-- organizer sends; its SEQUENCE grows with each change. Importing the same UID again
-- changes nothing unless the SEQUENCE is higher, which moves the interview.
-- Both are NULL for interviews logged by hand.

ALTER TABLE interviews ADD COLUMN invite_uid TEXT;
ALTER TABLE interviews ADD COLUMN invite_sequence INTEGER;

-- One interview per invitation (NULLs do not collide); import looks the UID up for
-- every event it reads.
CREATE UNIQUE INDEX interviews_by_invite_uid ON interviews (invite_uid);
