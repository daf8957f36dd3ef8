/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-invite-guess.c: an invitation's company, role and kind of meeting, guessed from its
 * text (see jt-invite-guess.h). */
#include "jt-invite-guess.h"

#include <string.h>

#include "jt-text.h"

/* Providers whose addresses say nothing about an employer. */
gboolean
jt_invite_guess_is_mail_provider (const char *domain)
{
  static const char *const exact[] = {
    "gmail.com",    "googlemail.com", "outlook.com",  "live.com",   "msn.com",
    "icloud.com",   "me.com",         "mac.com",      "web.de",     "aol.com",
    "mail.com",     "pm.me",          "fastmail.com", "zoho.com",   "yandex.ru",
    "tutanota.com", "posteo.de",      "t-online.de",  "freenet.de",
  };
  /* Any country's: yahoo.co.uk, gmx.net, hotmail.fr, protonmail.ch, proton.me... */
  static const char *const families[]
      = { "yahoo.", "gmx.", "hotmail.", "proton", "outlook.", "ymail.", "yandex." };

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (g_str_equal (domain, exact[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_has_prefix (domain, families[i]))
      return TRUE;
  /* Google Calendar's own addresses: shared calendars and rooms. */
  return g_str_has_suffix (domain, "calendar.google.com");
}

/* "raj@careers.globex.com" -> "Globex": the label before the top-level domain (and
 * before a second-level one such as .co.uk or .com.au), its first letter capitalised.
 * NULL for a generic provider or an address without a usable domain. New string. */
char *
jt_invite_guess_company (const char *email)
{
  static const char *const second_level[]
      = { "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go" };
  const char *at = email != NULL ? strrchr (email, '@') : NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *domain = NULL;
  g_auto (GStrv) labels = NULL;
  guint n;
  const char *label;
  gunichar first;
  char first_utf8[8] = { 0 };

  if (at == NULL)
    return NULL;
  ascii = g_ascii_strdown (at + 1, -1);
  g_strstrip (ascii);
  while (g_str_has_suffix (ascii, "."))
    ascii[strlen (ascii) - 1] = '\0';
  domain = g_hostname_is_ascii_encoded (ascii) ? g_hostname_to_unicode (ascii) : g_strdup (ascii);
  if (domain == NULL || jt_invite_guess_is_mail_provider (domain))
    return NULL;
  labels = g_strsplit (domain, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return NULL;
  n--; /* the top-level domain */
  for (guint i = 0; n >= 2 && i < G_N_ELEMENTS (second_level); i++)
    if (g_str_equal (labels[n - 1], second_level[i]))
      {
        n--;
        break;
      }
  label = labels[n - 1];
  if (*label == '\0' || !g_utf8_validate (label, -1, NULL))
    return NULL;
  first = g_unichar_totitle (g_utf8_get_char (label));
  g_unichar_to_utf8 (first, first_utf8);
  return g_strconcat (first_utf8, g_utf8_next_char (label), NULL);
}

/* The role a summary names, kept simple (documented in the header):
 *   "Interview: SRE at Globex", "Final interview – SRE (Globex)" -> "SRE"
 *   "Globex — SRE interview", "SRE interview with Ann"          -> "SRE"
 * Words for the kind of meeting (phone, video, onsite, final, round...) are not a
 * role; neither is the company's name, nor a word such as "HR" or "intro" alone. ""
 * when nothing is left. New string. */
char *
jt_invite_guess_role (const char *summary, const char *company)
{
  static GRegex *after_word;  /* "... interview: ROLE [at|@|with|for|bei COMPANY] [(...)]" */
  static GRegex *before_word; /* "[COMPANY: | — ] ROLE interview [with ...]" */
  static GRegex *kind_words;  /* leading words that say what kind of meeting it is */
  static const char *const not_roles[]
      = { "interview", "hr",      "job",  "intro",    "introductory",
          "recruiter", "culture", "team", "informal", NULL };
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *role = NULL;
  g_autofree char *role_key = NULL;
  g_autofree char *company_key = NULL;

  if (summary == NULL)
    return g_strdup ("");
  if (g_once_init_enter (&after_word))
    g_once_init_leave (
        &after_word, g_regex_new ("^.*\\binterview\\b\\s*(?::|-|–|—|\\|)\\s*(.+?)"
                                  "(?:\\s+(?:at|@|with|for|bei)\\s+.*)?(?:\\s*\\([^()]*\\))?\\s*$",
                                  G_REGEX_CASELESS, 0, NULL));
  if (g_once_init_enter (&before_word))
    g_once_init_leave (&before_word,
                       g_regex_new ("^(?:.*?(?:\\s*[:|]\\s+|\\s+[-–—]\\s+))?(.+?)\\s+interview\\b",
                                    G_REGEX_CASELESS, 0, NULL));
  if (g_once_init_enter (&kind_words))
    g_once_init_leave (&kind_words,
                       g_regex_new ("^(?:(?:phone|video|on-?site|in-person|final|technical|"
                                    "first|second|third|1st|2nd|3rd|round|panel|screening|"
                                    "screen|initial|follow-up|the)(?:[\\s,:-]+|$))+",
                                    G_REGEX_CASELESS, 0, NULL));
  if (g_regex_match (after_word, summary, 0, &match))
    role = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_unref);
  if (role == NULL && g_regex_match (before_word, summary, 0, &match))
    role = g_match_info_fetch (match, 1);
  if (role != NULL)
    {
      g_autofree char *rest = g_regex_replace_literal (kind_words, role, -1, 0, "", 0, NULL);

      g_free (role);
      role = jt_text_clean (rest, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, 100);
    }
  if (role == NULL)
    return g_strdup ("");
  role_key = jt_text_fold (role);
  company_key = jt_text_fold (company);
  if (g_str_equal (role_key, company_key) || g_strv_contains (not_roles, role_key))
    return g_strdup ("");
  return g_steal_pointer (&role);
}

/* The hosts of video meetings people are invited to. */
gboolean
jt_invite_guess_is_meeting_host (const char *host)
{
  static const char *const hosts[] = {
    "meet.google.com", "zoom.us",     "teams.microsoft.com", "teams.live.com",
    "webex.com",       "whereby.com", "meet.jit.si",         "gotomeeting.com",
    "meet.goto.com",   "chime.aws",   "bluejeans.com",
  };
  g_autofree char *lower = g_ascii_strdown (host, -1);

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    if (g_str_equal (lower, hosts[i])
        || (g_str_has_suffix (lower, hosts[i])
            && lower[strlen (lower) - strlen (hosts[i]) - 1] == '.'))
      return TRUE;
  return FALSE;
}

/* The first video-meeting link in `text`, or NULL. New string. */
char *
jt_invite_guess_meeting_url (const char *text)
{
  static GRegex *url_regex; /* compiled once; never freed */
  g_autoptr (GMatchInfo) match = NULL;

  if (text == NULL)
    return NULL;
  if (g_once_init_enter (&url_regex))
    g_once_init_leave (
        &url_regex,
        g_regex_new ("https?://([A-Za-z0-9.-]+)(?::[0-9]+)?(?:[/?#][^\\s<>\"']*)?", 0, 0, NULL));
  g_regex_match (url_regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *host = g_match_info_fetch (match, 1);

      if (jt_invite_guess_is_meeting_host (host))
        return g_match_info_fetch (match, 0);
      g_match_info_next (match, NULL);
    }
  return NULL;
}

static gboolean
has_word (const char *text, const char *word)
{
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", word);

  return text != NULL && g_regex_match_simple (pattern, text, G_REGEX_CASELESS, 0);
}

/* The summary's word for the kind; the link decides between video and on-site. */
JtInterviewKind
jt_invite_guess_kind (const char *summary, gboolean has_meeting_url)
{
  if (has_word (summary, "panel"))
    return JT_INTERVIEW_PANEL;
  if (has_word (summary, "final"))
    return JT_INTERVIEW_FINAL;
  if (has_word (summary, "video"))
    return JT_INTERVIEW_VIDEO;
  if (has_word (summary, "phone") || has_word (summary, "call"))
    return JT_INTERVIEW_PHONE;
  return has_meeting_url ? JT_INTERVIEW_VIDEO : JT_INTERVIEW_ONSITE;
}
