/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-invite-guess.h: what an invitation's text says without saying it (the company
 * from a mail domain, the role and the kind of meeting from a summary, the video link),
 * for the import (jt-calendar-import.h tells the rules). Plain text in, plain text out:
 * no libical, no store. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

/* Whether `domain` (lower case) is a mail provider's, whose addresses say nothing about
 * an employer: gmail.com, outlook.com, any country's yahoo., gmx., hotmail., proton...,
 * and Google Calendar's own. */
gboolean jt_invite_guess_is_mail_provider (const char *domain);

/* "raj@careers.globex.com" -> "Globex": the label before the top-level domain (and
 * before a second-level one such as .co.uk or .com.au), its first letter capitalised.
 * NULL for a mail provider's address or one without a usable domain. New string. */
char *jt_invite_guess_company (const char *email);

/* The role a summary names, kept simple:
 *   "Interview: SRE at Globex", "Final interview – SRE (Globex)" -> "SRE"
 *   "Globex — SRE interview", "SRE interview with Ann"          -> "SRE"
 * Words for the kind of meeting (phone, video, onsite, final, round...) are not a role;
 * neither is `company`'s name, nor a word such as "HR" or "intro" alone. "" when
 * nothing is left (or `summary` is NULL). Cleaned (jt-text.h). New string. */
char *jt_invite_guess_role (const char *summary, const char *company);

/* Whether `host` is one of a video meeting service (meet.google.com, zoom.us, Teams,
 * Webex...), or a subdomain of one. */
gboolean jt_invite_guess_is_meeting_host (const char *host);

/* The first http(s) link to a video meeting in `text`, or NULL (also for NULL). New
 * string. */
char *jt_invite_guess_meeting_url (const char *text);

/* The kind of interview: the summary's word for it ("panel", "final", "video", then
 * "phone" or "call", as whole words, any case); else video when `has_meeting_url`; else
 * on-site. `summary` may be NULL. */
JtInterviewKind jt_invite_guess_kind (const char *summary, gboolean has_meeting_url);

G_END_DECLS
