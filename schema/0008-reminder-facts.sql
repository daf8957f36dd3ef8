-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0008: the rules store facts, not English. A rule's follow-up keeps what it is about
-- (rule, application, contact, interview, due time) and, new here, the offer it is about
-- and the day it counts from; its title and detail are made when it is shown
-- (common/jt-reminder-text.c), in the reader's language. The title and detail columns
-- keep a manual reminder's own text (`jobtrack remind add`); a rule's are emptied.

-- R4: the offer that expires first; R9: the offer to negotiate or answer. A follow-up
-- acted on outlives its offer, so a deleted offer leaves it, without the offer.
ALTER TABLE reminders ADD COLUMN offer_id INTEGER REFERENCES offers (id) ON DELETE SET NULL;
-- 'YYYY-MM-DD': the interview (R2), the last interview when no decision date was given
-- (R3), the final round (R5), the rejection (R8), the last touch (R10, R11): where the
-- follow-up's words cite it.
ALTER TABLE reminders ADD COLUMN since_day TEXT;

-- The follow-ups already there, done and dismissed ones too, keep the facts their text
-- cited: the day after the words the rules wrote before it ("... interview on DAY."),
-- the offer by the deadline the title named. Only what reads as a real day is kept.
UPDATE reminders SET since_day = CASE
    WHEN rule = 'thank_you' AND instr (detail, ' interview on ') > 0
      THEN substr (detail, instr (detail, ' interview on ') + 14, 10)
    WHEN rule = 'follow_up_call' AND instr (detail, 'your last interview was on ') > 0
      THEN substr (detail, instr (detail, 'your last interview was on ') + 27, 10)
    WHEN rule = 'brief_references' AND instr (detail, 'The final round is on ') > 0
      THEN substr (detail, instr (detail, 'The final round is on ') + 22, 10)
    WHEN rule = 'recontact' AND instr (detail, 'You were turned down on ') > 0
      THEN substr (detail, instr (detail, 'You were turned down on ') + 24, 10)
    WHEN rule = 'network_update' AND instr (detail, 'You last spoke on ') > 0
      THEN substr (detail, instr (detail, 'You last spoke on ') + 18, 10)
    WHEN rule = 'application_follow_up' AND instr (detail, 'Nothing has happened since ') > 0
      THEN substr (detail, instr (detail, 'Nothing has happened since ') + 27, 10)
  END
WHERE rule != 'manual';
UPDATE reminders SET since_day = NULL
WHERE since_day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';

-- "Last call before the offer deadline DAY — ..." names its offer by the deadline; the
-- negotiation, by being the application's offer with a deadline.
UPDATE reminders SET offer_id = coalesce (
    (SELECT o.id FROM offers o
     WHERE o.application_id = reminders.application_id
       AND o.deadline = substr (reminders.title, 37, 10)
     ORDER BY o.id LIMIT 1),
    (SELECT o.id FROM offers o
     WHERE o.application_id = reminders.application_id AND o.deadline IS NOT NULL
     ORDER BY o.state IN ('open', 'negotiating') DESC, o.id LIMIT 1))
WHERE rule IN ('offer_negotiation', 'offer_deadline');
-- "Ask X to decide sooner: an offer expires DAY — ...": another application's offer.
UPDATE reminders SET offer_id = (
    SELECT o.id FROM offers o
    WHERE o.application_id IS NOT reminders.application_id
      AND o.deadline = substr (reminders.title, instr (reminders.title, 'an offer expires ') + 17, 10)
    ORDER BY o.id
    LIMIT 1)
WHERE rule = 'bring_forward' AND instr (title, 'an offer expires ') > 0;

UPDATE reminders SET title = '', detail = NULL WHERE rule != 'manual';
