-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0004: what the listing filters ask for (`app list --since WHEN`): applications by the
-- time they were recorded. Status, company and role filters use the indexes of 0001/0002.
CREATE INDEX applications_by_created ON applications (created_at);
