/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-ical-scan.c: the one pass over an invitation's text before libical parses it
 * (jt-ical-scan.h says what it counts and why). */
#include "jt-ical-scan.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"

static gboolean
has_prefix_nocase (const char *text, gsize length, const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp (text, prefix, n) == 0;
}

/* A content line named `name` ("DTSTART" followed by ';' or ':'). */
static gboolean
is_property (const char *text, gsize length, const char *name)
{
  gsize n = strlen (name);

  return has_prefix_nocase (text, length, name) && length > n && (text[n] == ';' || text[n] == ':');
}

/* The state of the content line being read, across its folded pieces. */
typedef struct
{
  guint line;         /* where it began */
  gsize bytes;        /* unfolded, without line ends */
  guint parameters;   /* ';' seen before the value */
  gboolean in_quotes; /* inside a quoted parameter value */
  gboolean in_value;  /* past the first ':' outside quotes */
  guint *in_file;     /* the parameters of every line so far */
} ContentLine;

/* Counts the parameters of one piece of a content line, up to its value. */
static gboolean
count_parameters (ContentLine *cl, const char *piece, gsize length, GError **error)
{
  for (gsize i = 0; i < length && !cl->in_value; i++)
    {
      if (piece[i] == '"')
        cl->in_quotes = !cl->in_quotes;
      else if (cl->in_quotes)
        continue;
      else if (piece[i] == ':')
        cl->in_value = TRUE;
      else if (piece[i] == ';' && ++cl->parameters > JT_ICAL_SCAN_MAX_PARAMETERS)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("line %u has more than %d parameters (;NAME=VALUE), more than any "
                          "calendar writes"),
                       cl->line, JT_ICAL_SCAN_MAX_PARAMETERS);
          return FALSE;
        }
      else if (piece[i] == ';' && ++*cl->in_file > JT_ICAL_SCAN_MAX_FILE_PARAMETERS)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("its lines have more than %d parameters (;NAME=VALUE) in all, more "
                          "than an invitation has (at line %u)"),
                       JT_ICAL_SCAN_MAX_FILE_PARAMETERS, cl->line);
          return FALSE;
        }
    }
  return TRUE;
}

/* Where the calendar begins: after a byte order mark and blank lines, which must be
 * followed by BEGIN:VCALENDAR. The text is checked for size, NUL bytes and UTF-8. */
static gboolean
find_begin (const char *data, gsize length, gsize *begin, GError **error)
{
  const char *nul;
  const char *bad_utf8 = NULL;
  gsize offset = 0;

  if (length == 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the file is empty"));
      return FALSE;
    }
  if (length > JT_ICAL_SCAN_MAX_BYTES)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("the file has %zu bytes, more than an invitation can (at most %d MB)"),
                   length, JT_ICAL_SCAN_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("it is binary data, not iCalendar text (a NUL byte at offset %zu)"),
                   (size_t) (nul - data));
      return FALSE;
    }
  if (has_prefix_nocase (data, length, "\xEF\xBB\xBF"))
    offset = 3;
  while (offset < length && g_ascii_isspace (data[offset]))
    offset++;
  if (!has_prefix_nocase (data + offset, length - offset, "BEGIN:VCALENDAR"))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("it is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)"));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &bad_utf8))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("it is not UTF-8 text (an invalid byte at offset %zu)"),
                   (size_t) (bad_utf8 - data));
      return FALSE;
    }
  *begin = offset;
  return TRUE;
}

gboolean
jt_ical_scan (const char *data, gsize length, JtIcalScan *scan, GError **error)
{
  guint properties[JT_ICAL_SCAN_MAX_DEPTH + 1] = { 0 };
  guint component_line[JT_ICAL_SCAN_MAX_DEPTH + 1] = { 0 };
  ContentLine cl = { 0 };
  JtIcalScanEvent *event = NULL; /* the event directly in the calendar being read */
  guint line_no = 1;
  guint parameters = 0;
  guint lines = 0;
  int depth = 0;
  guint events = 0;

  memset (scan, 0, sizeof *scan);
  scan->events = g_array_new (FALSE, TRUE, sizeof (JtIcalScanEvent));
  if (!find_begin (data, length, &scan->begin, error))
    return FALSE;
  for (gsize i = 0; i < scan->begin; i++)
    line_no += data[i] == '\n';
  for (gsize at = scan->begin; at < length; line_no++)
    {
      const char *newline = memchr (data + at, '\n', length - at);
      gsize next = newline != NULL ? (gsize) (newline - data) + 1 : length;
      const char *text = data + at;
      gsize text_length = next - at;

      while (text_length > 0 && (text[text_length - 1] == '\n' || text[text_length - 1] == '\r'))
        text_length--;
      if (text_length > 0 && (text[0] == ' ' || text[0] == '\t') && cl.line != 0)
        {
          /* A folded piece: the content line goes on. */
          cl.bytes += text_length - 1;
          if (!count_parameters (&cl, text + 1, text_length - 1, error))
            return FALSE;
        }
      else
        {
          cl = (ContentLine){ line_no, text_length, 0, FALSE, FALSE, &parameters };
          if (text_length > 0 && ++lines > JT_ICAL_SCAN_MAX_FILE_PROPERTIES)
            {
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           _ ("it has more than %d lines (not counting folded ones), more than "
                              "an invitation has"),
                           JT_ICAL_SCAN_MAX_FILE_PROPERTIES);
              return FALSE;
            }
          if (has_prefix_nocase (text, text_length, "BEGIN:"))
            {
              if (++depth > JT_ICAL_SCAN_MAX_DEPTH)
                {
                  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                               _ ("its components are nested more than %d deep"),
                               JT_ICAL_SCAN_MAX_DEPTH);
                  return FALSE;
                }
              properties[depth] = 0;
              component_line[depth] = line_no;
              if (has_prefix_nocase (text, text_length, "BEGIN:VEVENT"))
                {
                  if (++events > JT_ICAL_SCAN_MAX_EVENTS)
                    {
                      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                                   _ ("it holds more than %d events; an invitation has a few"),
                                   JT_ICAL_SCAN_MAX_EVENTS);
                      return FALSE;
                    }
                  if (depth == 2)
                    {
                      JtIcalScanEvent here = { line_no, 0, 0 };

                      g_array_append_val (scan->events, here);
                      event = &g_array_index (scan->events, JtIcalScanEvent, scan->events->len - 1);
                    }
                }
              else if (depth == 2 && has_prefix_nocase (text, text_length, "BEGIN:VCALENDAR")
                       && scan->nested_calendar_line == 0)
                scan->nested_calendar_line = line_no;
            }
          else if (has_prefix_nocase (text, text_length, "END:"))
            {
              if (depth == 2)
                event = NULL;
              depth = MAX (depth - 1, 0);
            }
          else if (text_length > 0 && depth > 0)
            {
              if (++properties[depth] > JT_ICAL_SCAN_MAX_PROPERTIES)
                {
                  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                               _ ("the component that begins at line %u has more than %d "
                                  "properties; an invitation's have a few dozen"),
                               component_line[depth], JT_ICAL_SCAN_MAX_PROPERTIES);
                  return FALSE;
                }
              if (event != NULL && depth == 2 && event->dtstart_line == 0
                  && is_property (text, text_length, "DTSTART"))
                {
                  event->dtstart_line = line_no;
                  event->dtstart_at = at;
                }
            }
          if (!count_parameters (&cl, text, text_length, error))
            return FALSE;
        }
      if (cl.bytes > JT_ICAL_SCAN_MAX_LINE_KB * 1024)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("line %u is longer than %d KB (with the lines folded into it), longer "
                          "than any calendar writes"),
                       cl.line, JT_ICAL_SCAN_MAX_LINE_KB);
          return FALSE;
        }
      at = next;
    }
  scan->truncated = depth > 0;
  return TRUE;
}

void
jt_ical_scan_clear (JtIcalScan *scan)
{
  g_clear_pointer (&scan->events, g_array_unref);
}
