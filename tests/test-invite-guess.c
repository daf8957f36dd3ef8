/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-invite-guess.c: what the import guesses from an invitation's text
 * (jt-invite-guess.h): the company from a mail domain, the role and the kind of meeting
 * from a summary, the video link. */
#include "jt-invite-guess.h"

static void
assert_company (const char *email, const char *expected)
{
  g_autofree char *company = jt_invite_guess_company (email);

  g_assert_cmpstr (company, ==, expected);
}

static void
test_company_from_the_domain (void)
{
  assert_company ("raj@globex.com", "Globex");
  assert_company ("Raj@GLOBEX.COM", "Globex");
  /* Subdomains and second-level domains are not the company. */
  assert_company ("raj@careers.globex.co.uk", "Globex");
  assert_company ("talent@mail.initech.com.au", "Initech");
  assert_company ("hr@hooli.org", "Hooli");
  assert_company ("raj@globex.example.", "Globex");
  /* An internationalised domain, as written or as punycode. */
  assert_company ("anna@müller.de", "Müller");
  assert_company ("anna@xn--mller-kva.de", "Müller");
}

static void
test_no_company_from_a_mail_provider (void)
{
  const char *providers[] = {
    "someone@gmail.com",
    "someone@googlemail.com",
    "someone@outlook.com",
    "someone@outlook.de",
    "someone@hotmail.co.uk",
    "someone@hotmail.fr",
    "someone@yahoo.com",
    "someone@yahoo.co.jp",
    "someone@ymail.com",
    "someone@icloud.com",
    "someone@me.com",
    "someone@gmx.net",
    "someone@gmx.de",
    "someone@web.de",
    "someone@protonmail.com",
    "someone@proton.me",
    "someone@pm.me",
    "someone@live.com",
    "someone@aol.com",
    "someone@fastmail.com",
    "someone@yandex.ru",
    "someone@posteo.de",
    "someone@t-online.de",
    "c_1234@resource.calendar.google.com",
    "abc@group.calendar.google.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    assert_company (providers[i], NULL);
  g_assert_true (jt_invite_guess_is_mail_provider ("gmail.com"));
  g_assert_false (jt_invite_guess_is_mail_provider ("globex.com"));
}

static void
test_no_company_from_a_bad_address (void)
{
  assert_company (NULL, NULL);
  assert_company ("no-at-sign", NULL);
  assert_company ("raj@localhost", NULL);
  assert_company ("raj@", NULL);
}

static void
assert_role (const char *summary, const char *company, const char *expected)
{
  g_autofree char *role = jt_invite_guess_role (summary, company);

  g_assert_cmpstr (role, ==, expected);
}

static void
test_role_from_the_summary (void)
{
  assert_role ("Interview: SRE at Acme", "Acme", "SRE");
  assert_role ("Interview: Senior Backend Engineer @ Globex", "Globex", "Senior Backend Engineer");
  assert_role ("Interview - Data Analyst with Ann Lee", "Initech", "Data Analyst");
  assert_role ("Final interview – SRE (Globex)", "Globex", "SRE");
  assert_role ("Interview | Product Manager for Hooli", "Hooli", "Product Manager");
  assert_role ("Globex — SRE interview", "Globex", "SRE");
  assert_role ("Globex: Platform Engineer interview", "Globex", "Platform Engineer");
  assert_role ("SRE interview with Ann", "Globex", "SRE");
  assert_role ("Vorstellungsgespräch: Interview: Entwickler bei Müller", "Müller", "Entwickler");
}

static void
test_words_that_are_not_a_role (void)
{
  /* The kind of meeting is not a role. */
  assert_role ("Interview: phone screen SRE at Acme", "Acme", "SRE");
  assert_role ("Interview: Second round - Tech Lead", "Acme", "Tech Lead");
  assert_role ("Phone interview", "Acme", "");
  assert_role ("Final round interview", "Acme", "");
  /* Nor the company's name, nor a word such as "HR" alone. */
  assert_role ("Interview: Acme", "ACME", "");
  assert_role ("HR interview", "Acme", "");
  assert_role ("Intro interview with Ann", "Acme", "");
  assert_role ("Culture interview", "Acme", "");
  /* Nothing about an interview. */
  assert_role ("Coffee with Raj", "Acme", "");
  assert_role (NULL, "Acme", "");
}

static void
test_a_role_is_clean_text (void)
{
  assert_role ("Interview: \u202eSRE\u202c\t  Lead at Acme", "Acme", "SRE Lead");
  assert_role ("Interview: SRE\x1b[31m at Acme", "Acme", "SRE [31m");
}

static void
test_meeting_links (void)
{
  const struct
  {
    const char *text;
    const char *url;
  } cases[] = {
    { "Join: https://meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij" },
    { "https://us02web.zoom.us/j/123?pwd=x, Room 4", "https://us02web.zoom.us/j/123?pwd=x," },
    { "<https://teams.microsoft.com/l/meetup-join/19%3a>",
      "https://teams.microsoft.com/l/meetup-join/19%3a" },
    { "see https://globex.com/careers then https://acme.webex.com/meet/raj",
      "https://acme.webex.com/meet/raj" },
    /* A host that merely ends like one is not one. */
    { "https://notzoom.us/j/1", NULL },
    { "https://zoom.us.evil.example/j/1", NULL },
    { "Room 4.12, Building B", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = jt_invite_guess_meeting_url (cases[i].text);

      g_assert_cmpstr (url, ==, cases[i].url);
    }
  g_assert_true (jt_invite_guess_is_meeting_host ("MEET.GOOGLE.COM"));
  g_assert_true (jt_invite_guess_is_meeting_host ("acme.zoom.us"));
  g_assert_false (jt_invite_guess_is_meeting_host ("zoom.us.example"));
}

static void
test_kind_from_the_summary (void)
{
  g_assert_cmpint (jt_invite_guess_kind ("Panel interview", FALSE), ==, JT_INTERVIEW_PANEL);
  g_assert_cmpint (jt_invite_guess_kind ("Final interview (video)", FALSE), ==, JT_INTERVIEW_FINAL);
  g_assert_cmpint (jt_invite_guess_kind ("VIDEO interview", FALSE), ==, JT_INTERVIEW_VIDEO);
  g_assert_cmpint (jt_invite_guess_kind ("Phone screen", TRUE), ==, JT_INTERVIEW_PHONE);
  g_assert_cmpint (jt_invite_guess_kind ("Intro call", FALSE), ==, JT_INTERVIEW_PHONE);
  /* Words, not parts of words: "recall" is no call, "finalist" no final round. */
  g_assert_cmpint (jt_invite_guess_kind ("Recall the finalists", FALSE), ==, JT_INTERVIEW_ONSITE);
  g_assert_cmpint (jt_invite_guess_kind ("Interview", TRUE), ==, JT_INTERVIEW_VIDEO);
  g_assert_cmpint (jt_invite_guess_kind (NULL, FALSE), ==, JT_INTERVIEW_ONSITE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/invite-guess/company", test_company_from_the_domain);
  g_test_add_func ("/invite-guess/company/mail-providers", test_no_company_from_a_mail_provider);
  g_test_add_func ("/invite-guess/company/bad-address", test_no_company_from_a_bad_address);
  g_test_add_func ("/invite-guess/role", test_role_from_the_summary);
  g_test_add_func ("/invite-guess/role/not-a-role", test_words_that_are_not_a_role);
  g_test_add_func ("/invite-guess/role/clean", test_a_role_is_clean_text);
  g_test_add_func ("/invite-guess/meeting-links", test_meeting_links);
  g_test_add_func ("/invite-guess/kind", test_kind_from_the_summary);
  return g_test_run ();
}
