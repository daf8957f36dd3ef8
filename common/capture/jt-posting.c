/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting.c: a job-posting page read into a JtPosting (see jt-posting.h): the page's
 * walk, its JSON-LD blocks, OpenGraph and <title>. */
#include "jt-posting.h"

#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-posting-ld.h"
#include "jt-posting-text.h"
#include "jt-text.h"

/* JSON-LD blocks looked at; real pages carry one to three. */
#define MAX_BLOCKS 32

/* What the walk over the page collects. */
typedef struct
{
  GPtrArray *blocks; /* char*: the JSON-LD blocks' text */
  char *og_title;
  char *og_site_name;
  char *og_description;
  char *og_url;
  char *head_title; /* the <title> in <head> */
  char *any_title;  /* else the first <title> anywhere (an SVG's, in a fragment) */
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->blocks, g_ptr_array_unref);
  g_clear_pointer (&page->og_title, g_free);
  g_clear_pointer (&page->og_site_name, g_free);
  g_clear_pointer (&page->og_description, g_free);
  g_clear_pointer (&page->og_url, g_free);
  g_clear_pointer (&page->head_title, g_free);
  g_clear_pointer (&page->any_title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static gboolean
name_is (xmlNode *node, const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* An attribute's value (libxml2's HTML parser has decoded its entities). New string. */
static char *
attribute (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* type="application/ld+json", in any case, parameters allowed ("…; charset=utf-8"). */
static gboolean
is_json_ld (xmlNode *script)
{
  g_autofree char *type = attribute (script, "type");

  if (type == NULL)
    return FALSE;
  type[strcspn (type, ";")] = '\0';
  return g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0;
}

static void
take_meta (Page *page, xmlNode *meta)
{
  static const struct
  {
    const char *property;
    gsize offset;
  } wanted[] = {
    { "og:title", G_STRUCT_OFFSET (Page, og_title) },
    { "og:site_name", G_STRUCT_OFFSET (Page, og_site_name) },
    { "og:description", G_STRUCT_OFFSET (Page, og_description) },
    { "og:url", G_STRUCT_OFFSET (Page, og_url) },
  };
  g_autofree char *property = attribute (meta, "property");

  /* Some pages write OpenGraph with name= instead of property=. */
  if (property == NULL)
    property = attribute (meta, "name");
  if (property == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (page, wanted[i].offset);

      if (*slot == NULL && g_ascii_strcasecmp (g_strstrip (property), wanted[i].property) == 0)
        *slot = attribute (meta, "content");
    }
}

/* Called for each element; FALSE: nothing of interest inside. */
static gboolean
page_enter (Page *page, xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  if (name_is (node, "script"))
    {
      if (is_json_ld (node) && page->blocks->len < MAX_BLOCKS)
        g_ptr_array_add (page->blocks, jt_posting_text_content (node));
      return FALSE;
    }
  if (name_is (node, "style") || name_is (node, "template"))
    return FALSE;
  if (name_is (node, "meta"))
    take_meta (page, node);
  else if (name_is (node, "title"))
    {
      gboolean in_head
          = node->parent != NULL && node->parent->name != NULL && name_is (node->parent, "head");
      char **slot = in_head ? &page->head_title : &page->any_title;

      if (*slot == NULL)
        *slot = jt_posting_text_content (node);
      return FALSE;
    }
  return TRUE;
}

/* Walks the page without recursion (libxml2 allows 256 levels). */
static void
page_walk (Page *page, xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (page_enter (page, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      node = node != NULL && node != root ? node->next : NULL;
    }
}

/* Reads the JobPostings of each block; the first one found fills `posting`. */
static gboolean
read_blocks (Page *page, JtPosting *posting)
{
  gboolean read = FALSE;

  for (guint i = 0; i < page->blocks->len; i++)
    {
      const char *json = g_ptr_array_index (page->blocks, i);
      gsize length = strlen (json);
      g_autoptr (JsonParser) parser = NULL;
      g_autoptr (GPtrArray) found = NULL;

      /* A block beyond the limits or that is not JSON is as good as absent: the page
       * may still have another, or OpenGraph. */
      if (length > JT_POSTING_MAX_BLOCK || !jt_posting_ld_check (json, length))
        continue;
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, json, (gssize) length, NULL)
          || json_parser_get_root (parser) == NULL)
        continue;
      found = g_ptr_array_new ();
      jt_posting_ld_find (json_parser_get_root (parser), found);
      posting->n_job_postings += found->len;
      if (!read && found->len > 0)
        {
          jt_posting_ld_read (g_ptr_array_index (found, 0), posting);
          read = TRUE;
        }
    }
  return read;
}

/* `url` resolved against `base_url`, if it is an http or https address. New string. */
static char *
resolve_url (const char *url, const char *base_url)
{
  g_autoptr (GUri) base = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autofree char *line = jt_posting_text_line (url, JT_POSTING_MAX_URL + 1);
  g_autofree char *text = NULL;
  const char *scheme, *host, *path;

  /* An address cut short is another address. */
  if (line == NULL || g_utf8_strlen (line, -1) > JT_POSTING_MAX_URL)
    return NULL;
  /* Strict parsing: GLib's relaxed mode takes a ";" after the host as the start of a
   * path without "/", which g_uri_to_string then refuses (a critical; found by the
   * posting fuzzer). */
  if (base_url != NULL)
    base = g_uri_parse (base_url, G_URI_FLAGS_ENCODED, NULL);
  uri = base != NULL ? g_uri_parse_relative (base, line, G_URI_FLAGS_ENCODED, NULL)
                     : g_uri_parse (line, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  path = g_uri_get_path (uri);
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
      || host == NULL || host[0] == '\0' || strpbrk (host, "/\\") != NULL
      || (path[0] != '\0' && path[0] != '/'))
    return NULL;
  text = g_uri_to_string (uri);
  /* A space would end the address wherever it is shown. */
  if (strchr (text, ' ') != NULL)
    {
      g_auto (GStrv) words = g_strsplit (text, " ", -1);

      g_free (text);
      text = g_strjoinv ("%20", words);
    }
  return g_utf8_strlen (text, -1) <= JT_POSTING_MAX_URL ? g_steal_pointer (&text) : NULL;
}

/* An OpenGraph value as one line. The parser decoded its entities; pages that escape
 * twice ("Today&amp;#39;s") have them decoded once more. New string. */
static char *
og_line (const char *value, glong max_chars)
{
  g_autofree char *decoded = jt_posting_text_decode_entities (value);

  return jt_posting_text_line (decoded, max_chars);
}

/* og:description is text (an attribute's value): cleaned, not parsed as HTML. */
static char *
og_description (Page *page)
{
  g_autofree char *decoded = jt_posting_text_decode_entities (page->og_description);
  char *text = jt_text_clean (decoded, JT_TEXT_LINES, JT_POSTING_MAX_DESCRIPTION);

  if (text != NULL && g_strstrip (text)[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static JtPosting *
not_html (GError **error)
{
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("not an HTML page"));
  return NULL;
}

JtPosting *
jt_posting_read_html (const char *data, gsize length, const char *base_url, GError **error)
{
  g_autoptr (JtPosting) posting = g_new0 (JtPosting, 1);
  g_auto (Page) page = { 0 };
  g_autoptr (xmlDoc) doc = NULL;
  xmlNode *root;
  const char *title;

  if (length > JT_POSTING_MAX_PAGE)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the page is larger than %d MB"),
                   JT_POSTING_MAX_PAGE / (1024 * 1024));
      return NULL;
    }
  /* Text with no tag at all, or binary data, is no page: libxml2 would make one of it. */
  if (length == 0 || memchr (data, '\0', length) != NULL || memchr (data, '<', length) == NULL)
    return not_html (error);
  /* Valid UTF-8 is read as UTF-8 whatever the page declares (what browsers and the
   * boards' servers mostly say); anything else by the page's <meta charset>. */
  doc = htmlReadMemory (data, (int) length, NULL,
                        g_utf8_validate_len (data, length, NULL) ? "UTF-8" : NULL,
                        JT_POSTING_HTML_OPTIONS);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    return not_html (error);

  page.blocks = g_ptr_array_new_with_free_func (g_free);
  page_walk (&page, root);
  title = page.head_title != NULL ? page.head_title : page.any_title;

  if (read_blocks (&page, posting))
    {
      posting->source = JT_POSTING_SOURCE_JSON_LD;
      if (posting->title == NULL)
        posting->title = og_line (page.og_title, JT_POSTING_MAX_TITLE);
      if (posting->title == NULL)
        posting->title = jt_posting_text_line (title, JT_POSTING_MAX_TITLE);
      if (posting->description == NULL)
        posting->description = og_description (&page);
    }
  else if ((posting->title = og_line (page.og_title, JT_POSTING_MAX_TITLE)) != NULL)
    {
      posting->source = JT_POSTING_SOURCE_OPENGRAPH;
      posting->company = og_line (page.og_site_name, JT_POSTING_MAX_NAME);
      posting->description = og_description (&page);
    }
  else if ((posting->title = jt_posting_text_line (title, JT_POSTING_MAX_TITLE)) != NULL)
    posting->source = JT_POSTING_SOURCE_TITLE;

  if (posting->title == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   posting->n_job_postings > 0
                       ? _ ("the job posting on the page has no title (nor has the page an "
                            "OpenGraph title or a <title>)")
                       : _ ("no job posting found on the page (no JobPosting data, no "
                            "OpenGraph title, no <title>)"));
      return NULL;
    }
  {
    /* The posting's own address, else OpenGraph's, else the one it was taken from: the
     * first that is an http or https address. */
    const char *candidates[] = { posting->url, page.og_url, base_url };
    char *url = NULL;

    for (gsize i = 0; i < G_N_ELEMENTS (candidates) && url == NULL; i++)
      url = resolve_url (candidates[i], base_url);
    g_free (posting->url);
    posting->url = url;
  }
  return g_steal_pointer (&posting);
}

const char *
jt_posting_source_describe (JtPostingSource source)
{
  switch (source)
    {
    case JT_POSTING_SOURCE_JSON_LD:
      return _ ("JSON-LD JobPosting");
    case JT_POSTING_SOURCE_OPENGRAPH:
      return _ ("OpenGraph");
    case JT_POSTING_SOURCE_TITLE:
      return _ ("the page title");
    default:
      return _ ("unknown");
    }
}

void
jt_posting_free (JtPosting *posting)
{
  if (posting == NULL)
    return;
  g_free (posting->title);
  g_free (posting->company);
  g_free (posting->location);
  g_free (posting->employment_type);
  g_free (posting->salary_currency);
  g_free (posting->salary_unit);
  g_free (posting->identifier);
  g_free (posting->url);
  g_free (posting->description);
  g_free (posting);
}
