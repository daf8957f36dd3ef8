/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting.h: a job-posting web page read into a plain record (issue 16, saved
 * postings). The page is bytes already in memory: nothing here touches the network.
 *
 * Reading (libxml2's HTML parser and json-glib parse; nothing here parses HTML or JSON
 * by hand):
 * - The page is at most JT_POSTING_MAX_PAGE bytes (5 MB) of HTML, parsed with
 *   libxml2's forgiving HTML parser, never fetching anything (no DTD, no external
 *   entity). UTF-8 when the bytes are valid UTF-8, else the page's own <meta charset>.
 *   An empty page, one holding NUL bytes or one without any element is "not an HTML
 *   page". libxml2 stops reading elements nested deeper than 256.
 * - Source 1, JSON-LD: every <script type="application/ld+json"> (the type compared
 *   without case, parameters allowed) of at most JT_POSTING_MAX_BLOCK bytes (3 MB),
 *   the first 32 of them, nested at most 64 deep and of at most 200,000 values, parsed
 *   with json-glib; a block beyond these or that is not JSON is skipped. In each,
 *   schema.org JobPosting objects are looked for at the top level, in a top-level
 *   array, in "@graph" and in a "mainEntity"; "@type" is "JobPosting" (also
 *   "schema:JobPosting", "http(s)://schema.org/JobPosting") or an array holding it. The
 *   first one found is read; n_job_postings counts them all. Its fields:
 *   title; hiringOrganization (an Organization's name, or a plain string); jobLocation
 *   (a Place or an array of them, or a plain string: each Place's PostalAddress
 *   addressLocality, addressRegion and addressCountry (a string or a Country's name),
 *   joined with ", ", a part given twice or a placeholder such as "UNAVAILABLE" once or
 *   not at all ("Camberwell, VIC, AU"); places joined with "; "); jobLocationType
 *   TELECOMMUTE makes it "Remote", or "PLACES (remote)", with
 *   applicantLocationRequirements as the places when there is no jobLocation;
 *   employmentType (a string or an array, joined with ", "); baseSalary (a
 *   MonetaryAmount, or the first of an array: currency, else the posting's
 *   salaryCurrency; value a number or a QuantitativeValue of value, minValue, maxValue
 *   and unitText; numbers may be strings; amounts that are not positive, as boards
 *   write 0 for "not said", are no salary); datePosted and validThrough (ISO 8601
 *   date-times, with or without a zone (none: UTC), or a date alone, also unpadded
 *   "2025-8-26", which is 00:00 UTC of that day and flagged as a day); identifier (a
 *   string, a number or a PropertyValue's value); url; description (HTML made plain
 *   text, below). A JobPosting without a title takes the page's og:title or <title>.
 * - Source 2, OpenGraph, when no JSON-LD holds a JobPosting: og:title (the title),
 *   og:site_name (the company: often the job board's name rather than the employer's),
 *   og:description, og:url.
 * - Source 3, the <title> alone.
 * - Values of the wrong type (a number for a name, an array, null, an object) are
 *   taken where the list above allows it and ignored otherwise, never an error. JSON
 *   strings holding HTML entities ("AT&amp;T") have them decoded.
 * - Text: every field is cleaned by jt-text.h's rules (valid UTF-8, no control
 *   characters (so no terminal escape), no bidi controls), one line with white space
 *   squeezed except the description, and cut to a maximum (JT_POSTING_MAX_*). Empty
 *   text is NULL. A description is HTML (sometimes entity-escaped HTML, "&lt;p&gt;",
 *   then parsed once more) made plain text: block elements and <br> break lines,
 *   paragraphs are separated by an empty line, list items start with "- ", white space
 *   is collapsed, <script>, <style> and <template> are dropped, entities decoded.
 * - url: the posting's url, else og:url, else `base_url`, resolved against `base_url`;
 *   only http and https addresses are kept.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JT_POSTING_MAX_PAGE (5 * 1024 * 1024)
#define JT_POSTING_MAX_BLOCK (3 * 1024 * 1024)
/* Caps of each field, in characters. */
#define JT_POSTING_MAX_TITLE 300
#define JT_POSTING_MAX_NAME 200 /* company, employment type, identifier */
#define JT_POSTING_MAX_LOCATION 500
#define JT_POSTING_MAX_URL 2048
#define JT_POSTING_MAX_DESCRIPTION 100000

/* Where a posting's fields came from. */
typedef enum
{
  JT_POSTING_SOURCE_JSON_LD,   /* a schema.org JobPosting in JSON-LD */
  JT_POSTING_SOURCE_OPENGRAPH, /* no JobPosting; OpenGraph's og:title */
  JT_POSTING_SOURCE_TITLE,     /* neither; the page's <title> */
} JtPostingSource;

typedef struct
{
  JtPostingSource source;
  guint n_job_postings; /* JobPosting objects on the page; the first is read */

  char *title;           /* never NULL */
  char *company;         /* NULL when absent, as every field below */
  char *location;        /* "Camberwell, VIC, AU", "Remote", "USA (remote)" */
  char *employment_type; /* as the page writes it: "FULL_TIME, PART_TIME" */

  gboolean has_salary; /* at least one positive amount */
  double salary_min;   /* both equal when one value is given; 0 without a salary */
  double salary_max;
  char *salary_currency; /* "AUD", NULL when not said */
  char *salary_unit;     /* unitText: "YEAR", "HOUR", NULL when not said */

  gint64 date_posted;   /* unix seconds, 0 when absent */
  gint64 valid_through; /* unix seconds, 0 when absent */
  /* The page gave a day alone: the instant is 00:00 UTC of that day, so read it as a
   * day in UTC, not in the person's zone. */
  gboolean date_posted_is_day;
  gboolean valid_through_is_day;

  char *identifier;
  char *url;         /* http or https */
  char *description; /* plain text, lines separated by "\n" */
} JtPosting;

/* Reads the page `data` (`length` bytes, need not end in NUL) as the comment above
 * says. `base_url` is the address it was taken from, or NULL. A new JtPosting, or NULL
 * with JT_ERROR_INVALID and one line: "not an HTML page", "the page is larger than
 * 5 MB", "no job posting found on the page (no JobPosting data, no OpenGraph title, no
 * <title>)". */
JtPosting *jt_posting_read_html (const char *data, gsize length, const char *base_url,
                                 GError **error);

/* What the posting's fields came from, for the person: "JSON-LD JobPosting",
 * "OpenGraph", "the page title". Static, translated. */
const char *jt_posting_source_describe (JtPostingSource source);

void jt_posting_free (JtPosting *posting);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtPosting, jt_posting_free)

G_END_DECLS
