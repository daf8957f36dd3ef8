/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-posting.c: job-posting pages read into a JtPosting (common/capture/, issue 16).
 *
 * The pages in tests/data/postings/ are written for these tests in the shapes real
 * boards use (JSON-LD alone, in @graph, in a top-level array, OpenGraph only, <title>
 * only, none, hostile ones); huge and deeply nested pages are made here. The real pages
 * in ../shared/fixtures/postings/ (next to the project's folder, JT_POSTING_FIXTURES)
 * are read too and compared with what their index.json says a reader should find. */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "jt-error.h"
#include "jt-posting.h"

/* --- helpers --- */

static char *
page_read (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "postings", name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static JtPosting *
posting_read_file (const char *name, const char *base_url)
{
  gsize length = 0;
  g_autofree char *data = page_read (name, &length);
  g_autoptr (GError) error = NULL;
  JtPosting *posting = jt_posting_read_html (data, length, base_url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (posting);
  return posting;
}

static JtPosting *
posting_read_text (const char *html, GError **error)
{
  return jt_posting_read_html (html, strlen (html), NULL, error);
}

static gint64
utc (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (time);
}

/* Whether `text` holds no character that could drive a terminal or reorder a line: no
 * C0 control but "\n", no DEL, no C1 control, no bidi control. */
static gboolean
is_inert (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069))
        return FALSE;
    }
  return TRUE;
}

static void
assert_inert (JtPosting *posting)
{
  const char *fields[] = { posting->title,           posting->company,
                           posting->location,        posting->employment_type,
                           posting->salary_currency, posting->salary_unit,
                           posting->identifier,      posting->url,
                           posting->description };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (is_inert (fields[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (fields) - 1; i++)
    g_assert_true (fields[i] == NULL || strchr (fields[i], '\n') == NULL);
}

/* --- the shapes of real boards --- */

static void
test_json_ld_alone (void)
{
  g_autoptr (JtPosting) p
      = posting_read_file ("globex-jsonld.html", "https://careers.globex.example/board/list");

  /* JSON-LD wins over OpenGraph and <title>. */
  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_JSON_LD);
  g_assert_cmpuint (p->n_job_postings, ==, 1);
  g_assert_cmpstr (p->title, ==, "Site Reliability Engineer");
  g_assert_cmpstr (p->company, ==, "Globex Corporation");
  g_assert_cmpstr (p->location, ==, "Camberwell, VIC, AU; Sydney, NSW, AU");
  g_assert_cmpstr (p->employment_type, ==, "FULL_TIME, CONTRACTOR");
  g_assert_true (p->has_salary);
  g_assert_cmpfloat (p->salary_min, ==, 150000);
  g_assert_cmpfloat (p->salary_max, ==, 175000);
  g_assert_cmpstr (p->salary_currency, ==, "AUD");
  g_assert_cmpstr (p->salary_unit, ==, "YEAR");
  g_assert_cmpint (p->date_posted, ==, utc (2026, 2, 3, 0, 0, 0));
  g_assert_true (p->date_posted_is_day);
  /* 23:59 in Melbourne's summer (UTC+11) */
  g_assert_cmpint (p->valid_through, ==, utc (2026, 3, 31, 12, 59, 0));
  g_assert_false (p->valid_through_is_day);
  g_assert_cmpstr (p->identifier, ==, "SRE-2041");
  /* Relative to the page's address; the JSON's "&amp;" is the page's escaping. */
  g_assert_cmpstr (p->url, ==, "https://careers.globex.example/jobs/sre-2041?src=board&lang=en");
  g_assert_cmpstr (p->description, ==,
                   "Globex keeps Cypress Creek running.\n"
                   "\n"
                   "What you will do\n"
                   "\n"
                   "- Run the fleet\n"
                   "- Write & review runbooks\n"
                   "on call one week in six\n"
                   "\n"
                   "Apply by March.");
  assert_inert (p);
}

static void
test_json_ld_graph (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("initech-graph.html", NULL);

  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_JSON_LD);
  g_assert_cmpuint (p->n_job_postings, ==, 1);
  g_assert_cmpstr (p->title, ==, "TPS Report Analyst");
  /* hiringOrganization as a plain string */
  g_assert_cmpstr (p->company, ==, "Initech");
  /* TELECOMMUTE without a jobLocation: where applicants may live */
  g_assert_cmpstr (p->location, ==, "USA; Canada (remote)");
  g_assert_cmpstr (p->employment_type, ==, "PART_TIME");
  /* amounts given as strings, one with a thousands separator */
  g_assert_true (p->has_salary);
  g_assert_cmpfloat (p->salary_min, ==, 45000);
  g_assert_cmpfloat (p->salary_max, ==, 52000.5);
  g_assert_cmpstr (p->salary_currency, ==, "USD");
  /* "2026-1-9", unpadded */
  g_assert_cmpint (p->date_posted, ==, utc (2026, 1, 9, 0, 0, 0));
  g_assert_true (p->date_posted_is_day);
  g_assert_cmpint (p->valid_through, ==, utc (2026, 2, 28, 0, 0, 0));
  g_assert_true (p->valid_through_is_day);
  /* a number */
  g_assert_cmpstr (p->identifier, ==, "4471");
  g_assert_cmpstr (p->url, ==, "https://initech.example/careers/tps/");
  g_assert_cmpstr (p->description, ==, "Fill in the TPS reports. Cover sheets required.");
}

static void
test_json_ld_array (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("umbrella-array.html", NULL);

  /* The broken block is skipped; the array's JobPosting is the first found; the one in
   * the "similar jobs" block is counted, not read. */
  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_JSON_LD);
  g_assert_cmpuint (p->n_job_postings, ==, 2);
  g_assert_cmpstr (p->title, ==, "Laboratory Technician");
  g_assert_cmpstr (p->company, ==, "Umbrella Corporation");
  /* an empty region is left out */
  g_assert_cmpstr (p->location, ==, "Raccoon City, US");
  /* one value: both ends */
  g_assert_true (p->has_salary);
  g_assert_cmpfloat (p->salary_min, ==, 31.5);
  g_assert_cmpfloat (p->salary_max, ==, 31.5);
  g_assert_cmpstr (p->salary_unit, ==, "HOUR");
  g_assert_cmpint (p->date_posted, ==, utc (2026, 4, 1, 8, 0, 0));
  g_assert_false (p->date_posted_is_day);
  g_assert_cmpint (p->valid_through, ==, 0);
  g_assert_null (p->description);
  g_assert_null (p->url);
}

static void
test_opengraph (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("hooli-opengraph.html", NULL);

  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_OPENGRAPH);
  g_assert_cmpstr (jt_posting_source_describe (p->source), ==, "OpenGraph");
  g_assert_cmpuint (p->n_job_postings, ==, 0);
  g_assert_cmpstr (p->title, ==, "Product Manager, Nucleus");
  /* written with name= */
  g_assert_cmpstr (p->company, ==, "Hooli");
  /* escaped twice by the page, decoded; its line break kept */
  g_assert_cmpstr (p->description, ==, "Hooli's compression team & you.\nPalo Alto, CA");
  g_assert_cmpstr (p->url, ==, "https://boards.example/hooli/jobs/7001");
  g_assert_null (p->location);
  g_assert_false (p->has_salary);
  g_assert_cmpint (p->date_posted, ==, 0);
}

static void
test_title_only (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("vandelay-title.html", "http://vandelay.example/");

  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_TITLE);
  /* the head's title, not the SVG's; white space squeezed */
  g_assert_cmpstr (p->title, ==, "Importer / Exporter - Vandelay Industries");
  g_assert_null (p->company);
  g_assert_null (p->description);
  /* no url on the page: the address it came from */
  g_assert_cmpstr (p->url, ==, "http://vandelay.example/");
}

static void
test_none (void)
{
  gsize length = 0;
  g_autofree char *data = page_read ("none.html", &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = jt_posting_read_html (data, length, NULL, &error);

  g_assert_null (p);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "no job posting found on the page (no JobPosting data, no OpenGraph title, "
                   "no <title>)");
}

static void
test_not_html (void)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR<";
  const struct
  {
    const char *data;
    gsize length; /* 0: up to its NUL */
  } cases[] = {
    { "", 0 },
    { binary, sizeof binary - 1 },
    { "Senior engineer wanted, call 555-0100", 0 },
    { "{\"@type\": \"JobPosting\", \"title\": \"SRE\"}", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length > 0 ? cases[i].length : strlen (cases[i].data);
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPosting) p = jt_posting_read_html (cases[i].data, length, NULL, &error);

      g_assert_null (p);
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "not an HTML page");
    }
}

static void
test_too_large (void)
{
  gsize length = JT_POSTING_MAX_PAGE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = NULL;

  memset (data, ' ', length);
  memcpy (data, "<html><title>Big</title>", 24);
  p = jt_posting_read_html (data, length, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "the page is larger than 5 MB");

  /* One byte less is read. */
  g_clear_error (&error);
  p = jt_posting_read_html (data, length - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->title, ==, "Big");
}

/* --- dates --- */

static void
test_dates (void)
{
  const struct
  {
    const char *text;
    gint64 expected; /* 0: none */
    gboolean is_day;
  } cases[] = {
    { "2026-03-31T23:59:00Z", utc (2026, 3, 31, 23, 59, 0), FALSE },
    { "2026-03-31T23:59:00.250+02:00", utc (2026, 3, 31, 21, 59, 0), FALSE },
    { "2025-10-28T23:22:00+0000", utc (2025, 10, 28, 23, 22, 0), FALSE },
    /* no zone: UTC, as the posting says nothing better */
    { "2026-03-31T23:59:00", utc (2026, 3, 31, 23, 59, 0), FALSE },
    { "2026-03-31", utc (2026, 3, 31, 0, 0, 0), TRUE },
    { " 2026-3-1 ", utc (2026, 3, 1, 0, 0, 0), TRUE },
    /* GLib wants seconds; the day is still known */
    { "2026-03-31T10:00Z", utc (2026, 3, 31, 0, 0, 0), TRUE },
    { "2026-02-30", 0, FALSE },
    { "31/03/2026", 0, FALSE },
    { "2026-03", 0, FALSE },
    { "1969-12-31", 0, FALSE },
    { "-2026-03-31", 0, FALSE },
    { "2026-+3-01", 0, FALSE },
    { "", 0, FALSE },
    { "tomorrow", 0, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf (
          "<html><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": "
          "\"SRE\", \"validThrough\": \"%s\", \"datePosted\": \"%s\"}</script></html>",
          cases[i].text, cases[i].text);
      g_autoptr (GError) error = NULL;
      g_autoptr (JtPosting) p = posting_read_text (html, &error);

      g_test_message ("date '%s'", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpint (p->valid_through, ==, cases[i].expected);
      g_assert_cmpint (p->date_posted, ==, cases[i].expected);
      g_assert_cmpint (p->valid_through_is_day, ==, cases[i].is_day);
    }
}

/* --- hostile pages --- */

static char *
nested (guint depth)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
test_deep_nesting (void)
{
  /* json-glib 1.6 would overflow the stack on 200,000 levels: the block is skipped and
   * the next one read. */
  g_autofree char *deep = nested (200000);
  g_autofree char *html = g_strdup_printf (
      "<html><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": "
      "\"Deep\", \"x\": %s}</script><script type=\"application/ld+json\">{\"@type\": "
      "\"JobPosting\", \"title\": \"Shallow\"}</script></html>",
      deep);
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = posting_read_text (html, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (p->title, ==, "Shallow");
  g_assert_cmpuint (p->n_job_postings, ==, 1);

  /* 63 levels inside the posting (64 in all) are read; 64 inside are refused. Brackets
   * in strings are not nesting. */
  for (guint depth = 63; depth <= 64; depth++)
    {
      g_autofree char *levels = nested (depth);
      g_autofree char *page = g_strdup_printf (
          "<html><title>Fallback</title><script type=\"application/ld+json\">{\"@type\": "
          "\"JobPosting\", \"title\": \"[[[[{{{{\", \"x\": %s}</script></html>",
          levels);
      g_autoptr (JtPosting) q = posting_read_text (page, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (q->title, ==, depth == 63 ? "[[[[{{{{" : "Fallback");
    }
}

static void
test_wrong_types (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("hostile-wrong-types.html", NULL);

  /* "@type" an array of mixed values holding "JobPosting" */
  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_JSON_LD);
  /* a number as the title is its text */
  g_assert_cmpstr (p->title, ==, "404");
  /* an array of organizations: the first that has a name as text */
  g_assert_cmpstr (p->company, ==, "Soylent Corp");
  /* of the places only the one given as text is one */
  g_assert_cmpstr (p->location, ==, "12 Green Street, New York");
  g_assert_null (p->employment_type);
  g_assert_false (p->has_salary);
  g_assert_null (p->salary_currency);
  g_assert_cmpint (p->date_posted, ==, 0);
  g_assert_cmpint (p->valid_through, ==, 0);
  g_assert_null (p->identifier);
  /* a javascript: address is no address */
  g_assert_null (p->url);
  g_assert_null (p->description);
}

static void
test_url_fallback (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) from_og = posting_read_text (
      "<html><meta property=\"og:url\" content=\"https://boards.example/jobs/9\">"
      "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": \"SRE\", "
      "\"url\": \"javascript:alert(1)\"}</script></html>",
      &error);
  g_autoptr (JtPosting) from_base = NULL;

  /* The posting's address is refused: OpenGraph's is next. */
  g_assert_no_error (error);
  g_assert_cmpstr (from_og->url, ==, "https://boards.example/jobs/9");
  /* Then the address the page was taken from. */
  from_base = jt_posting_read_html ("<title>SRE</title>", 18, "https://globex.example/sre", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_base->url, ==, "https://globex.example/sre");
  /* What GLib's relaxed parsing would make a path without "/" of is refused, not a
   * critical (the posting fuzzer's first find). */
  g_clear_pointer (&from_base, jt_posting_free);
  from_base = jt_posting_read_html ("<title>SRE</title>", 18, "http://h;x", &error);
  g_assert_no_error (error);
  g_assert_true (from_base->url == NULL || g_str_has_prefix (from_base->url, "http://h"));
  /* Not an address the person could open: none. */
  g_clear_pointer (&from_base, jt_posting_free);
  from_base = jt_posting_read_html ("<title>SRE</title>", 18, "file:///etc/passwd", &error);
  g_assert_no_error (error);
  g_assert_null (from_base->url);
}

static void
test_escapes (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("hostile-escapes.html", NULL);

  assert_inert (p);
  /* The escape characters are gone (what is left of a sequence is inert text); markup
   * in a name is text. */
  g_assert_nonnull (strstr (p->title, "Senior <b>Engineer</b>"));
  g_assert_cmpstr (p->company, ==, "Corp Evil Gringotts");
  g_assert_nonnull (strstr (p->location, "Alley, GB"));
  /* a header injection is one line */
  g_assert_cmpstr (p->employment_type, ==, "FULL_TIME X-Injected: yes");
  /* the script and the style are dropped (libxml2 drops the ESC of the description's
   * text itself, as a character HTML may not hold) */
  g_assert_true (g_str_has_prefix (p->description, "Count the gold.\n\nLine"));
  g_assert_nonnull (strstr (p->description, "[1m bold"));
  g_assert_null (strstr (p->description, "alert"));
  g_assert_null (strstr (p->description, "color"));
}

static void
test_escaped_description (void)
{
  g_autoptr (JtPosting) p = posting_read_file ("hostile-escaped-description.html", NULL);

  /* Parsed twice: once for the escaping, once for the markup; what the second pass
   * leaves escaped is the employer's text. The escaped <script> is dropped too. */
  g_assert_cmpstr (p->description, ==,
                   "Cyberdyne's data team & friends.\n"
                   "\n"
                   "- Build pipelines\n"
                   "- Keep Skynet <offline>\n"
                   "\n"
                   "Salary: <3 figures>");
  g_assert_cmpint (p->date_posted, ==, utc (2026, 5, 5, 0, 0, 0));
}

static void
test_huge_description (void)
{
  /* 2 MB of description: cut to 100,000 characters, on a character boundary. */
  g_autoptr (GString) html = g_string_new (
      "<html><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", \"title\": "
      "\"Huge\", \"description\": \"<p>");
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = NULL;

  while (html->len < 2 * 1024 * 1024)
    g_string_append (html, "Gr\xc3\xbc\xc3\x9f Gott ");
  g_string_append (html, "</p>\"}</script></html>");
  p = jt_posting_read_html (html->str, html->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->title, ==, "Huge");
  g_assert_true (g_utf8_validate (p->description, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (p->description, -1), <=, JT_POSTING_MAX_DESCRIPTION);
  g_assert_cmpint (g_utf8_strlen (p->description, -1), >=, JT_POSTING_MAX_DESCRIPTION - 1);
  g_assert_true (g_str_has_prefix (p->description, "Gr\xc3\xbc\xc3\x9f Gott Gr"));
}

static void
test_huge_block (void)
{
  /* A block over 3 MB is skipped whole: the page still has OpenGraph. */
  g_autoptr (GString) html
      = g_string_new ("<html><meta property=\"og:title\" content=\"From OpenGraph\">"
                      "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", "
                      "\"title\": \"Too big\", \"description\": \"");
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = NULL;

  while (html->len < JT_POSTING_MAX_BLOCK + 1024)
    g_string_append (html, "filler ");
  g_string_append (html, "\"}</script></html>");
  p = jt_posting_read_html (html->str, html->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->source, ==, JT_POSTING_SOURCE_OPENGRAPH);
  g_assert_cmpstr (p->title, ==, "From OpenGraph");
}

static void
test_huge_fields (void)
{
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "\xc3\xa9"); /* é: a cut must keep characters whole */
  html = g_strdup_printf ("<html><script type=\"application/ld+json\">{\"@type\": "
                          "\"JobPosting\", \"title\": \"%s\", \"hiringOrganization\": \"%s\", "
                          "\"jobLocation\": \"%s\", \"identifier\": \"%s\", \"url\": "
                          "\"https://x.example/%s\", \"baseSalary\": {\"currency\": \"%s\", "
                          "\"value\": 5}}</script></html>",
                          long_text->str, long_text->str, long_text->str, long_text->str,
                          long_text->str, long_text->str);
  p = posting_read_text (html, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (p->title, -1), ==, JT_POSTING_MAX_TITLE);
  g_assert_cmpint (g_utf8_strlen (p->company, -1), ==, JT_POSTING_MAX_NAME);
  g_assert_cmpint (g_utf8_strlen (p->location, -1), ==, JT_POSTING_MAX_LOCATION);
  g_assert_cmpint (g_utf8_strlen (p->identifier, -1), ==, JT_POSTING_MAX_NAME);
  g_assert_cmpint (g_utf8_strlen (p->salary_currency, -1), <=, 10);
  /* an address cut short is another address */
  g_assert_null (p->url);
  assert_inert (p);
}

/* --- the real pages --- */

/* Where what a user expects differs from the mechanical value in index.json (read by
 * Python's html.parser and json, each field taken as written), and why. */
static const struct
{
  const char *file;
  const char *field;
  const char *expected; /* NULL: none */
  const char *why;
} decided[] = {
  { "coupang-careers-android-engineer.html", "location", "Singapore",
    "the board writes the city-state as locality \"Singapore, Singapore\", region and "
    "country; it is one place, named once" },
  { "github-careers-service-delivery-engineer.html", "location", "Australia",
    "\"UNAVAILABLE\" is the board's filler for an empty field, not a place" },
  { "github-careers-service-delivery-engineer.html", "salary", NULL,
    "value, minValue and maxValue are 0: the board says nothing, not that the job is unpaid" },
  { "ashby-lambda-technical-sourcing-manager.html", "location",
    "San Jose, California, United States (remote)",
    "jobLocationType is TELECOMMUTE: the person should see that it may be done remotely" },
  { "ashby-vanta-fullstack-engineer.html", "location", "USA (remote)",
    "jobLocationType is TELECOMMUTE: the person should see that it may be done remotely" },
};

static gboolean
decided_value (const char *file, const char *field, const char **expected)
{
  for (gsize i = 0; i < G_N_ELEMENTS (decided); i++)
    if (g_str_equal (decided[i].file, file) && g_str_equal (decided[i].field, field))
      {
        g_test_message ("%s: %s decided: %s", file, field, decided[i].why);
        *expected = decided[i].expected;
        return TRUE;
      }
  return FALSE;
}

static const char *
expected_string (JsonObject *expected, const char *name)
{
  JsonNode *node = json_object_get_member (expected, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* The instant or day an index.json date names: a date-time through GLib, a date alone
 * (also unpadded) as 00:00 UTC of that day. */
static void
assert_date (const char *file, const char *text, gint64 value, gboolean is_day)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr (GDateTime) time = NULL;
  int year, month, day;

  g_test_message ("%s: date %s", file, text != NULL ? text : "(none)");
  if (text == NULL)
    {
      g_assert_cmpint (value, ==, 0);
      return;
    }
  time = g_date_time_new_from_iso8601 (text, zone);
  if (time != NULL)
    {
      g_assert_cmpint (value, ==, g_date_time_to_unix (time));
      g_assert_false (is_day);
      return;
    }
  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_assert_cmpint (value, ==, utc (year, month, day, 0, 0, 0));
  g_assert_true (is_day);
}

static gboolean
amount_given (JsonObject *salary, const char *name, double *amount)
{
  JsonNode *node = json_object_get_member (salary, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  *amount = json_node_get_value_type (node) == G_TYPE_STRING
                ? g_ascii_strtod (json_node_get_string (node), NULL)
                : json_node_get_double (node);
  return TRUE;
}

static void
assert_salary (const char *file, JsonObject *expected, JtPosting *p)
{
  JsonNode *node = json_object_get_member (expected, "salary");
  JsonObject *salary
      = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *decided_salary = NULL;
  double min = 0, max = 0, value = 0;
  gboolean has_min, has_max, has_value;

  if (decided_value (file, "salary", &decided_salary))
    {
      g_assert_null (decided_salary); /* the table decides only "no salary" */
      g_assert_false (p->has_salary);
      return;
    }
  if (salary == NULL)
    {
      g_assert_false (p->has_salary);
      return;
    }
  has_min = amount_given (salary, "minValue", &min);
  has_max = amount_given (salary, "maxValue", &max);
  has_value = amount_given (salary, "value", &value);
  /* A MonetaryAmount without any amount (Palo Alto's empty one) is no salary. */
  if (!has_min && !has_max && !has_value)
    {
      g_assert_false (p->has_salary);
      return;
    }
  g_assert_true (p->has_salary);
  g_assert_cmpfloat (p->salary_min, ==, has_min ? min : value);
  g_assert_cmpfloat (p->salary_max, ==, has_max ? max : value);
  g_assert_cmpstr (p->salary_currency, ==, expected_string (salary, "currency"));
  g_assert_cmpstr (p->salary_unit, ==, expected_string (salary, "unitText"));
}

static void
check_fixture (const char *folder, JsonObject *entry)
{
  const char *file = json_object_get_string_member (entry, "file");
  const char *kind = json_object_get_string_member (entry, "kind");
  JsonObject *expected = json_object_get_object_member (entry, "expected");
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *data = NULL;
  g_autofree char *digest = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (JtPosting) p = NULL;
  const char *location;

  g_test_message ("%s (%s)", file, kind);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  /* the page index.json describes, byte for byte */
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  g_assert_cmpstr (digest, ==, json_object_get_string_member (entry, "sha256"));

  p = jt_posting_read_html (data, length, NULL, &error);

  if (g_str_equal (kind, "microdata"))
    {
      /* Microdata (itemprop attributes) is not read: few boards write it, and they write
       * JSON-LD too. This one is a fragment with no JSON-LD, OpenGraph or <title>, so
       * there is nothing to read, and the person is told so. */
      g_assert_null (p);
      g_assert_error (error, JT_ERROR, JT_ERROR_INVALID);
      return;
    }
  g_assert_no_error (error);
  assert_inert (p);
  if (g_str_equal (kind, "none"))
    {
      /* Not a posting (a concert, a list of search results), and the page says nothing
       * that tells so apart from a posting without JobPosting data, such as LinkedIn's.
       * index.json expects nothing; the reader cannot know, so it reads the OpenGraph
       * title and says where it came from: the command tells the person "no JobPosting
       * data on the page", and they decide. It must never look like JobPosting data. */
      g_assert_cmpuint (p->n_job_postings, ==, 0);
      g_assert_cmpint (p->source, !=, JT_POSTING_SOURCE_JSON_LD);
      g_assert_cmpstr (p->title, ==,
                       json_object_get_string_member (
                           json_object_get_object_member (entry, "page_meta"), "og_title"));
      return;
    }

  g_assert_cmpint (p->source, ==,
                   g_str_equal (kind, "jsonld") ? JT_POSTING_SOURCE_JSON_LD
                                                : JT_POSTING_SOURCE_OPENGRAPH);
  g_assert_cmpstr (p->title, ==, expected_string (expected, "title"));
  g_assert_cmpstr (p->company, ==, expected_string (expected, "company"));
  if (!decided_value (file, "location", &location))
    location = expected_string (expected, "location");
  g_assert_cmpstr (p->location, ==, location);
  assert_date (file, expected_string (expected, "datePosted"), p->date_posted,
               p->date_posted_is_day);
  assert_date (file, expected_string (expected, "validThrough"), p->valid_through,
               p->valid_through_is_day);
  assert_salary (file, expected, p);
  /* Every posting of these boards has a description, and it is plain text. */
  g_assert_nonnull (p->description);
  g_assert_null (strstr (p->description, "<p>"));
  g_assert_null (strstr (p->description, "&lt;"));
  g_assert_null (strstr (p->description, "&amp;"));
}

static void
test_real_pages (void)
{
  const char *folder = g_getenv ("JT_POSTING_FIXTURES");
  g_autofree char *index_path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *entries;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the real pages are not there (../shared/fixtures/postings next to the "
                   "project's folder)");
      return;
    }
  index_path = g_build_filename (folder, "index.json", NULL);
  json_parser_load_from_file (parser, index_path, &error);
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), >, 0);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    check_fixture (folder, json_array_get_object_element (entries, i));
  /* every decision is about a page that is there */
  for (gsize i = 0; i < G_N_ELEMENTS (decided); i++)
    {
      g_autofree char *path = g_build_filename (folder, decided[i].file, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/posting/json-ld/alone", test_json_ld_alone);
  g_test_add_func ("/posting/json-ld/graph", test_json_ld_graph);
  g_test_add_func ("/posting/json-ld/array", test_json_ld_array);
  g_test_add_func ("/posting/opengraph", test_opengraph);
  g_test_add_func ("/posting/title-only", test_title_only);
  g_test_add_func ("/posting/none", test_none);
  g_test_add_func ("/posting/not-html", test_not_html);
  g_test_add_func ("/posting/too-large", test_too_large);
  g_test_add_func ("/posting/dates", test_dates);
  g_test_add_func ("/posting/url-fallback", test_url_fallback);
  g_test_add_func ("/posting/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/posting/hostile/wrong-types", test_wrong_types);
  g_test_add_func ("/posting/hostile/escapes", test_escapes);
  g_test_add_func ("/posting/hostile/escaped-description", test_escaped_description);
  g_test_add_func ("/posting/hostile/huge-description", test_huge_description);
  g_test_add_func ("/posting/hostile/huge-block", test_huge_block);
  g_test_add_func ("/posting/hostile/huge-fields", test_huge_fields);
  g_test_add_func ("/posting/real-pages", test_real_pages);
  return g_test_run ();
}
