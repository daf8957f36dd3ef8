/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-posting.c: job-posting pages through jt_posting_read_html (common/capture/): the
 * HTML walk, the JSON-LD blocks and their JobPostings, OpenGraph, descriptions made
 * plain text. Beyond "no crash": a posting or one JT_ERROR_INVALID line, and every field
 * of a posting valid UTF-8, inert (no control or bidi character; one line but the
 * description), within its cap, the url http or https, the salary in order. */
#include <string.h>

#include "jt-error.h"
#include "jt-fuzz.h"
#include "jt-posting.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  jt_fuzz_init ();
  return 0;
}

static void
check_text (const char *text, glong max_chars, gboolean lines)
{
  if (text == NULL)
    return;
  g_assert (text[0] != '\0');
  g_assert (g_utf8_validate (text, -1, NULL));
  g_assert (g_utf8_strlen (text, -1) <= max_chars);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (c >= 0x20 || (lines && c == '\n'));
      g_assert (c < 0x7f || c > 0x9f);
      g_assert (c < 0x202a || c > 0x202e);
      g_assert (c < 0x2066 || c > 0x2069);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) posting
      = jt_posting_read_html ((const char *) data, size, "https://jobs.example/postings/7", &error);

  g_assert ((posting == NULL) == (error != NULL));
  if (posting == NULL)
    {
      g_assert (error->domain == JT_ERROR && error->code == JT_ERROR_INVALID);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  g_assert (posting->source == JT_POSTING_SOURCE_JSON_LD
            || posting->source == JT_POSTING_SOURCE_OPENGRAPH
            || posting->source == JT_POSTING_SOURCE_TITLE);
  g_assert ((posting->source == JT_POSTING_SOURCE_JSON_LD) == (posting->n_job_postings > 0));
  g_assert (posting->title != NULL);
  check_text (posting->title, JT_POSTING_MAX_TITLE, FALSE);
  check_text (posting->company, JT_POSTING_MAX_NAME, FALSE);
  check_text (posting->location, JT_POSTING_MAX_LOCATION, FALSE);
  check_text (posting->employment_type, JT_POSTING_MAX_NAME, FALSE);
  check_text (posting->salary_currency, 10, FALSE);
  check_text (posting->salary_unit, 20, FALSE);
  check_text (posting->identifier, JT_POSTING_MAX_NAME, FALSE);
  check_text (posting->url, JT_POSTING_MAX_URL, FALSE);
  check_text (posting->description, JT_POSTING_MAX_DESCRIPTION, TRUE);
  g_assert (posting->url == NULL || g_ascii_strncasecmp (posting->url, "http://", 7) == 0
            || g_ascii_strncasecmp (posting->url, "https://", 8) == 0);
  if (posting->has_salary)
    g_assert (posting->salary_min > 0 && posting->salary_min <= posting->salary_max);
  else
    g_assert (posting->salary_min == 0 && posting->salary_max == 0
              && posting->salary_currency == NULL && posting->salary_unit == NULL);
  g_assert (posting->date_posted >= 0 && posting->valid_through >= 0);
  g_assert (posting->date_posted != 0 || !posting->date_posted_is_day);
  return 0;
}
