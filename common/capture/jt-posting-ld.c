/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-ld.c: JobPosting objects of JSON-LD read into a JtPosting (see
 * jt-posting-ld.h and jt-posting.h). Every value may be of any JSON type: each reader
 * takes the types the field allows and ignores the rest. */
#include "jt-posting-ld.h"

#include <math.h>
#include <string.h>

#include "jt-posting-text.h"

/* Boards' filler for "not said", left out of a location. */
static const char *const placeholders[]
    = { "unavailable", "n/a", "na", "null", "undefined", "none", "not specified", NULL };

/* How many entries of an array are looked at, for the lists of a posting (places, types). */
#define MAX_LIST 20
/* How deep JobPostings are looked for: a top-level array, "@graph", "mainEntity". */
#define MAX_FIND_DEPTH 4

/* json-glib's parser is recursive with no depth limit (Debian 12's 1.6.6 overflows the
 * stack on about 100,000 nested arrays), and builds a node per value. This is not a JSON
 * parser: it counts brackets and commas outside strings, to refuse before parsing what
 * no posting needs. */
gboolean
jt_posting_ld_check (const char *json, gsize length)
{
  guint depth = 0;
  gsize values = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\')
            i++; /* the escaped character */
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > JT_POSTING_LD_MAX_DEPTH || ++values > JT_POSTING_LD_MAX_VALUES)
            return FALSE;
        }
      else if (c == '}' || c == ']')
        depth = depth > 0 ? depth - 1 : 0;
      else if (c == ',' && ++values > JT_POSTING_LD_MAX_VALUES)
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
member (JsonObject *object, const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A string or a number as text, else NULL. New string. */
static char *
node_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return isfinite (json_node_get_double (node))
                   ? g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)))
                   : NULL;
      }
    default:
      return NULL;
    }
}

/* A value's text, its entities decoded, made one clean line of at most `max_chars`.
 * NULL when it has none. New string. */
static char *
node_line (JsonNode *node, glong max_chars)
{
  g_autofree char *text = node_text (node);
  g_autofree char *decoded = jt_posting_text_decode_entities (text);

  return jt_posting_text_line (decoded, max_chars);
}

/* A string, or an object's "name" (an Organization, a Country), or the first entry of
 * an array of either that gives one. */
static char *
node_name (JsonNode *node, glong max_chars)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < MAX_LIST; i++)
        {
          JsonNode *entry = json_array_get_element (array, i);
          char *name;

          if (entry != NULL && JSON_NODE_HOLDS_ARRAY (entry))
            continue; /* an array in an array names nothing */
          if ((name = node_name (entry, max_chars)) != NULL)
            return name;
        }
      return NULL;
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    node = member (json_node_get_object (node), "name");
  return node_line (node, max_chars);
}

/* A string value, else NULL. Borrowed. */
static const char *
node_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
                 && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node)
             : NULL;
}

/* Whether `type` names schema.org's JobPosting. */
static gboolean
type_is_job_posting (JsonNode *type)
{
  static const char *const prefixes[] = { "http://schema.org/",
                                          "https://schema.org/",
                                          "http://www.schema.org/",
                                          "https://www.schema.org/",
                                          "schema:",
                                          NULL };
  const char *name;

  if (type == NULL || !JSON_NODE_HOLDS_VALUE (type)
      || json_node_get_value_type (type) != G_TYPE_STRING)
    return FALSE;
  name = json_node_get_string (type);
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (name, prefixes[i]))
      {
        name += strlen (prefixes[i]);
        break;
      }
  return g_ascii_strcasecmp (name, "JobPosting") == 0;
}

static gboolean
is_job_posting (JsonObject *object)
{
  JsonNode *type = member (object, "@type");

  if (type != NULL && JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types) && i < MAX_LIST; i++)
        if (type_is_job_posting (json_array_get_element (types, i)))
          return TRUE;
      return FALSE;
    }
  return type_is_job_posting (type);
}

static void
find (JsonNode *node, guint depth, GPtrArray *found)
{
  if (node == NULL || depth > MAX_FIND_DEPTH)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        find (json_array_get_element (array, i), depth + 1, found);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (is_job_posting (object))
        g_ptr_array_add (found, object);
      find (member (object, "@graph"), depth + 1, found);
      find (member (object, "mainEntity"), depth + 1, found);
    }
}

void
jt_posting_ld_find (JsonNode *root, GPtrArray *found)
{
  find (root, 0, found);
}

/* --- location --- */

static gboolean
is_placeholder (const char *part)
{
  for (guint i = 0; placeholders[i] != NULL; i++)
    if (g_ascii_strcasecmp (part, placeholders[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the comma-separated parts of `text` to `parts`, each once (without case): boards
 * repeat a city as its region and country ("Singapore, Singapore"). */
static void
add_parts (GPtrArray *parts, GPtrArray *folded, const char *text)
{
  g_auto (GStrv) pieces = NULL;

  if (text == NULL)
    return;
  pieces = g_strsplit (text, ",", MAX_LIST);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *part = g_strstrip (pieces[i]);
      g_autofree char *key = NULL;

      if (part[0] == '\0' || is_placeholder (part))
        continue;
      key = g_utf8_casefold (part, -1);
      if (g_ptr_array_find_with_equal_func (folded, key, g_str_equal, NULL))
        continue;
      g_ptr_array_add (folded, g_steal_pointer (&key));
      g_ptr_array_add (parts, g_strdup (part));
    }
}

/* A Place (or a PostalAddress, a Country, a plain string) as "locality, region,
 * country". NULL when it names nothing. New string. */
static char *
place_text (JsonNode *node)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  JsonObject *place = node_object (node);
  JsonObject *address;

  if (place == NULL)
    {
      /* A place written as text; a number or a list is no place. */
      g_autofree char *text
          = node_string (node) != NULL ? node_line (node, JT_POSTING_MAX_LOCATION) : NULL;

      add_parts (parts, folded, text);
    }
  else if ((address = node_object (member (place, "address"))) != NULL)
    {
      static const char *const fields[] = { "addressLocality", "addressRegion", NULL };

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autofree char *text = node_line (member (address, fields[i]), JT_POSTING_MAX_LOCATION);

          add_parts (parts, folded, text);
        }
      {
        g_autofree char *country
            = node_name (member (address, "addressCountry"), JT_POSTING_MAX_LOCATION);

        add_parts (parts, folded, country);
      }
    }
  else
    {
      /* An address given as a string, or a place known by its name alone. */
      JsonNode *text = node_string (member (place, "address")) != NULL ? member (place, "address")
                                                                       : member (place, "name");
      g_autofree char *line
          = node_string (text) != NULL ? node_line (text, JT_POSTING_MAX_LOCATION) : NULL;

      add_parts (parts, folded, line);
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* One place or an array of them, joined with "; ", each once. NULL when none. */
static char *
places_text (JsonNode *node)
{
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array
      = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 1;

  for (guint i = 0; i < n && i < MAX_LIST; i++)
    {
      char *place = place_text (array != NULL ? json_array_get_element (array, i) : node);

      if (place == NULL || g_ptr_array_find_with_equal_func (places, place, g_str_equal, NULL))
        g_free (place);
      else
        g_ptr_array_add (places, place);
    }
  if (places->len == 0)
    return NULL;
  g_ptr_array_add (places, NULL);
  return g_strjoinv ("; ", (char **) places->pdata);
}

static gboolean
is_remote (JsonNode *type)
{
  JsonArray *array
      = type != NULL && JSON_NODE_HOLDS_ARRAY (type) ? json_node_get_array (type) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 1;

  for (guint i = 0; i < n && i < MAX_LIST; i++)
    {
      g_autofree char *text = node_text (array != NULL ? json_array_get_element (array, i) : type);

      if (text != NULL && g_ascii_strcasecmp (g_strstrip (text), "TELECOMMUTE") == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
read_location (JsonObject *job)
{
  g_autofree char *places = places_text (member (job, "jobLocation"));
  g_autofree char *location = NULL;

  if (!is_remote (member (job, "jobLocationType")))
    return jt_posting_text_line (places, JT_POSTING_MAX_LOCATION);
  /* A remote job's places are where it may also be done, or where applicants must live. */
  if (places == NULL)
    places = places_text (member (job, "applicantLocationRequirements"));
  location = places != NULL ? g_strdup_printf ("%s (remote)", places) : g_strdup ("Remote");
  return jt_posting_text_line (location, JT_POSTING_MAX_LOCATION);
}

/* --- employment type --- */

static char *
read_employment_type (JsonNode *node)
{
  g_autoptr (GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array
      = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 1;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < n && i < MAX_LIST; i++)
    {
      char *type = node_line (array != NULL ? json_array_get_element (array, i) : node,
                              JT_POSTING_MAX_NAME);

      if (type != NULL)
        g_ptr_array_add (types, type);
    }
  if (types->len == 0)
    return NULL;
  g_ptr_array_add (types, NULL);
  joined = g_strjoinv (", ", (char **) types->pdata);
  return jt_posting_text_line (joined, JT_POSTING_MAX_NAME);
}

/* --- salary --- */

/* A positive amount, given as a number or as a string of one ("130000", "130,000.00").
 * 0 when there is none: boards write 0 for "not said". */
static double
read_amount (JsonNode *node)
{
  double value = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;
    case G_TYPE_STRING:
      {
        g_autoptr (GString) digits = g_string_new (NULL);
        char *end = NULL;

        /* Thousands separators go; anything else but the number makes it no number. */
        for (const char *p = json_node_get_string (node); *p != '\0' && digits->len < 64; p++)
          if (*p != ',')
            g_string_append_c (digits, *p);
        g_strstrip (digits->str);
        if (digits->str[0] == '\0' || !(g_ascii_isdigit (digits->str[0]) || digits->str[0] == '.'))
          return 0;
        value = g_ascii_strtod (digits->str, &end);
        if (end == NULL || *end != '\0')
          return 0;
        break;
      }
    default:
      return 0;
    }
  return isfinite (value) && value > 0 && value < 1e12 ? value : 0;
}

static void
read_salary (JsonObject *job, JtPosting *posting)
{
  JsonNode *salary = member (job, "baseSalary");
  JsonObject *amount;
  JsonNode *value;
  JsonObject *quantity;
  double min = 0, max = 0;
  g_autofree char *unit = NULL;
  g_autofree char *currency = NULL;

  if (salary != NULL && JSON_NODE_HOLDS_ARRAY (salary))
    {
      JsonArray *array = json_node_get_array (salary);

      salary = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
    }
  amount = node_object (salary);
  /* schema.org allows a bare number as baseSalary too. */
  value = amount != NULL ? member (amount, "value") : salary;
  quantity = node_object (value);
  if (quantity != NULL)
    {
      double single = read_amount (member (quantity, "value"));

      min = read_amount (member (quantity, "minValue"));
      max = read_amount (member (quantity, "maxValue"));
      if (min == 0)
        min = single;
      if (max == 0)
        max = single;
      unit = node_line (member (quantity, "unitText"), 20);
    }
  else
    min = max = read_amount (value);
  if (min == 0)
    min = max;
  if (max == 0)
    max = min;
  if (min == 0)
    return;
  if (unit == NULL && amount != NULL)
    unit = node_line (member (amount, "unitText"), 20);
  currency = node_line (member (amount, "currency"), 10);
  if (currency == NULL)
    currency = node_line (member (job, "salaryCurrency"), 10);
  posting->has_salary = TRUE;
  posting->salary_min = MIN (min, max);
  posting->salary_max = MAX (min, max);
  posting->salary_currency = g_steal_pointer (&currency);
  posting->salary_unit = g_steal_pointer (&unit);
}

/* --- dates --- */

/* An ISO 8601 date-time (no zone: UTC), or a date alone ("2025-07-15", also unpadded
 * "2025-8-26"), which is 00:00 UTC of that day and sets *is_day. 0 when there is none. */
static gint64
read_date (JsonNode *node, gboolean *is_day)
{
  g_autofree char *text = node_text (node);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) time = NULL;
  g_auto (GStrv) fields = NULL;
  guint64 year, month, day;

  *is_day = FALSE;
  if (text == NULL || strlen (g_strstrip (text)) > 64)
    return 0;
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time != NULL)
    return MAX (g_date_time_to_unix (time), 0);
  /* The day of a date alone, or of a date-time GLib does not take ("…T10:00Z"). */
  text[strcspn (text, "Tt ")] = '\0';
  fields = g_strsplit (text, "-", 0);
  if (g_strv_length (fields) != 3 || strlen (fields[0]) != 4 || strlen (fields[1]) > 2
      || strlen (fields[2]) > 2
      || !g_ascii_string_to_unsigned (fields[0], 10, 1970, 9999, &year, NULL)
      || !g_ascii_string_to_unsigned (fields[1], 10, 1, 12, &month, NULL)
      || !g_ascii_string_to_unsigned (fields[2], 10, 1, 31, &day, NULL)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  time = g_date_time_new_utc ((int) year, (int) month, (int) day, 0, 0, 0);
  if (time == NULL)
    return 0;
  *is_day = TRUE;
  return g_date_time_to_unix (time);
}

/* --- the posting --- */

void
jt_posting_ld_read (JsonObject *job, JtPosting *posting)
{
  JsonNode *title = member (job, "title");
  JsonNode *organization = member (job, "hiringOrganization");
  JsonNode *identifier = member (job, "identifier");
  JsonNode *description = member (job, "description");

  posting->title = node_line (title != NULL ? title : member (job, "name"), JT_POSTING_MAX_TITLE);
  posting->company = node_name (organization, JT_POSTING_MAX_NAME);
  posting->location = read_location (job);
  posting->employment_type = read_employment_type (member (job, "employmentType"));
  read_salary (job, posting);
  posting->date_posted = read_date (member (job, "datePosted"), &posting->date_posted_is_day);
  posting->valid_through = read_date (member (job, "validThrough"), &posting->valid_through_is_day);
  if (node_object (identifier) != NULL)
    identifier = member (node_object (identifier), "value");
  posting->identifier = node_line (identifier, JT_POSTING_MAX_NAME);
  /* One more than allowed: an address too long is refused, not cut (jt-posting.c). */
  posting->url = node_line (member (job, "url"), JT_POSTING_MAX_URL + 1);
  if (description != NULL && JSON_NODE_HOLDS_VALUE (description)
      && json_node_get_value_type (description) == G_TYPE_STRING)
    posting->description = jt_posting_text_from_html (json_node_get_string (description), -1,
                                                      JT_POSTING_MAX_DESCRIPTION);
}
