/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-dav.c: DAV XML through libxml2 (see jt-sync-dav.h). */
#include "jt-sync-dav.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "jt-error.h"
#include "jt-i18n.h"

struct _JtDavResponse
{
  char *path;
  GUri *uri;
  guint status;
  GHashTable *props; /* "ns name" -> xmlNode* of the document */
};

struct _JtDavMultistatus
{
  xmlDoc *doc;
  GPtrArray *responses; /* JtDavResponse* */
  GHashTable *by_path;  /* path -> JtDavResponse*, borrowed */
  char *sync_token;
};

/* ---- Building ------------------------------------------------------------------- */

typedef struct
{
  xmlDoc *doc;
  xmlNs *dav;
  xmlNs *caldav;
  xmlNs *calserver;
} Builder;

static xmlNode *
builder_start (Builder *b, const char *ns, const char *root)
{
  xmlNode *node;

  b->doc = xmlNewDoc (BAD_CAST "1.0");
  node = xmlNewDocNode (b->doc, NULL, BAD_CAST root, NULL);
  xmlDocSetRootElement (b->doc, node);
  b->dav = xmlNewNs (node, BAD_CAST JT_DAV_NS, BAD_CAST "d");
  b->caldav = xmlNewNs (node, BAD_CAST JT_CALDAV_NS, BAD_CAST "c");
  b->calserver = xmlNewNs (node, BAD_CAST JT_CALSERVER_NS, BAD_CAST "cs");
  xmlSetNs (node, g_str_equal (ns, JT_DAV_NS) ? b->dav : b->caldav);
  return node;
}

static xmlNs *
builder_ns (Builder *b, const char *ns)
{
  if (g_str_equal (ns, JT_DAV_NS))
    return b->dav;
  if (g_str_equal (ns, JT_CALDAV_NS))
    return b->caldav;
  return b->calserver;
}

static xmlNode *
add (Builder *b, xmlNode *parent, const char *ns, const char *name, const char *text)
{
  return xmlNewTextChild (parent, builder_ns (b, ns), BAD_CAST name, BAD_CAST text);
}

static GBytes *
builder_finish (Builder *b)
{
  xmlChar *text = NULL;
  int length = 0;
  GBytes *bytes;

  xmlDocDumpMemoryEnc (b->doc, &text, &length, "UTF-8");
  bytes = g_bytes_new (text, (gsize) length);
  xmlFree (text);
  xmlFreeDoc (b->doc);
  return bytes;
}

GBytes *
jt_dav_propfind_body (const JtDavName *props, guint n_props)
{
  Builder b;
  xmlNode *root = builder_start (&b, JT_DAV_NS, "propfind");
  xmlNode *prop = add (&b, root, JT_DAV_NS, "prop", NULL);

  for (guint i = 0; i < n_props; i++)
    add (&b, prop, props[i].ns, props[i].name, NULL);
  return builder_finish (&b);
}

GBytes *
jt_dav_sync_collection_body (const char *sync_token)
{
  Builder b;
  xmlNode *root = builder_start (&b, JT_DAV_NS, "sync-collection");
  xmlNode *prop;

  add (&b, root, JT_DAV_NS, "sync-token", sync_token != NULL ? sync_token : "");
  add (&b, root, JT_DAV_NS, "sync-level", "1");
  prop = add (&b, root, JT_DAV_NS, "prop", NULL);
  add (&b, prop, JT_DAV_NS, "getetag", NULL);
  return builder_finish (&b);
}

GBytes *
jt_dav_multiget_body (const char *const *hrefs, guint n_hrefs)
{
  Builder b;
  xmlNode *root = builder_start (&b, JT_CALDAV_NS, "calendar-multiget");
  xmlNode *prop = add (&b, root, JT_DAV_NS, "prop", NULL);

  add (&b, prop, JT_DAV_NS, "getetag", NULL);
  add (&b, prop, JT_CALDAV_NS, "calendar-data", NULL);
  for (guint i = 0; i < n_hrefs; i++)
    add (&b, root, JT_DAV_NS, "href", hrefs[i]);
  return builder_finish (&b);
}

GBytes *
jt_dav_mkcalendar_body (const char *display_name)
{
  Builder b;
  xmlNode *root = builder_start (&b, JT_CALDAV_NS, "mkcalendar");
  xmlNode *set = add (&b, root, JT_DAV_NS, "set", NULL);
  xmlNode *prop = add (&b, set, JT_DAV_NS, "prop", NULL);
  xmlNode *components;
  xmlNode *component;

  add (&b, prop, JT_DAV_NS, "displayname", display_name);
  components = add (&b, prop, JT_CALDAV_NS, "supported-calendar-component-set", NULL);
  component = add (&b, components, JT_CALDAV_NS, "comp", NULL);
  xmlNewProp (component, BAD_CAST "name", BAD_CAST "VTODO");
  return builder_finish (&b);
}

/* ---- Reading -------------------------------------------------------------------- */

static gboolean
is_element (const xmlNode *node, const char *ns, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (const xmlNode *node, const char *ns, const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, ns, name))
      return child;
  return NULL;
}

static char *
node_text (const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text != NULL ? g_strstrip (text) : NULL;
}

/* "HTTP/1.1 404 Not Found" -> 404; 0 when unreadable. */
static guint
parse_status (const xmlNode *node)
{
  g_autofree char *text = node != NULL ? node_text (node) : NULL;
  const char *space = text != NULL ? strchr (text, ' ') : NULL;
  g_autofree char *code = space != NULL ? g_strndup (space + 1, 3) : NULL;
  guint64 status = 0;

  if (code == NULL || !g_ascii_string_to_unsigned (code, 10, 100, 599, &status, NULL))
    return 0;
  return (guint) status;
}

static char *
prop_key (const char *ns, const char *name)
{
  return g_strconcat (ns, " ", name, NULL);
}

char *
jt_dav_path_key (const char *path)
{
  char *unescaped = g_uri_unescape_string (path, NULL);

  return unescaped != NULL ? unescaped : g_strdup (path);
}

static void
response_free (JtDavResponse *response)
{
  g_free (response->path);
  g_clear_pointer (&response->uri, g_uri_unref);
  g_hash_table_unref (response->props);
  g_free (response);
}

static JtDavResponse *
read_response (xmlNode *node, GUri *base)
{
  xmlNode *href = first_child (node, JT_DAV_NS, "href");
  g_autofree char *text = href != NULL ? node_text (href) : NULL;
  g_autoptr (GUri) uri = NULL;
  JtDavResponse *response;

  if (text == NULL || (uri = g_uri_parse_relative (base, text, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return NULL;
  response = g_new0 (JtDavResponse, 1);
  response->uri = g_steal_pointer (&uri);
  response->path = jt_dav_path_key (g_uri_get_path (response->uri));
  response->status = parse_status (first_child (node, JT_DAV_NS, "status"));
  response->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNode *propstat = node->children; propstat != NULL; propstat = propstat->next)
    {
      xmlNode *prop;
      guint status;

      if (!is_element (propstat, JT_DAV_NS, "propstat"))
        continue;
      status = parse_status (first_child (propstat, JT_DAV_NS, "status"));
      prop = first_child (propstat, JT_DAV_NS, "prop");
      if (prop == NULL || status < 200 || status > 299)
        continue;
      for (xmlNode *p = prop->children; p != NULL; p = p->next)
        if (p->type == XML_ELEMENT_NODE && p->ns != NULL)
          g_hash_table_insert (response->props,
                               prop_key ((const char *) p->ns->href, (const char *) p->name), p);
    }
  return response;
}

/* SAX's start of a DOCTYPE: the parse stops there, before any of its declarations is
 * read. Without it libxml2 still declares the entities and checks what they expand to,
 * bounded only by its own amplification limits, and says "not well-formed" for a
 * billion laughs rather than that a DOCTYPE was refused. */
static void
stop_at_doctype (void *user_data, const xmlChar *name, const xmlChar *external_id,
                 const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;

  ctxt->_private = ctxt;
  xmlStopParser (ctxt);
}

JtDavMultistatus *
jt_dav_multistatus_parse (GBytes *body, GUri *base, GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  g_autofree char *url = g_uri_to_string (base);
  xmlParserCtxt *ctxt = xmlNewParserCtxt ();
  gboolean doctype = FALSE;
  xmlDoc *doc = NULL;
  xmlNode *root;
  JtDavMultistatus *ms;

  if (length > G_MAXINT)
    length = 0;
  if (ctxt != NULL)
    {
      ctxt->sax->internalSubset = stop_at_doctype;
      /* No network, no entities substituted, no DTD loaded; quiet about what it refuses. */
      doc = xmlCtxtReadMemory (ctxt, data != NULL ? data : "", (int) length, url, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                                   | XML_PARSE_NOCDATA);
      doctype = ctxt->_private != NULL;
      xmlFreeParserCtxt (ctxt);
    }
  /* A parse stopped by the DOCTYPE may still hand back the empty document. */
  if (doctype && doc != NULL)
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER,
                   doctype ? _ ("%s answered with a DOCTYPE in its XML; refused")
                           : _ ("%s answered with XML that cannot be read"),
                   g_uri_get_host (base));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (!is_element (root, JT_DAV_NS, "multistatus"))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_SERVER, _ ("%s answered with no DAV multistatus"),
                   g_uri_get_host (base));
      xmlFreeDoc (doc);
      return NULL;
    }
  ms = g_new0 (JtDavMultistatus, 1);
  ms->doc = doc;
  ms->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  ms->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      JtDavResponse *response;

      if (is_element (node, JT_DAV_NS, "sync-token") && ms->sync_token == NULL)
        ms->sync_token = node_text (node);
      if (!is_element (node, JT_DAV_NS, "response")
          || (response = read_response (node, base)) == NULL)
        continue;
      /* A server that repeats an href: the first one counts. */
      if (g_hash_table_contains (ms->by_path, response->path))
        {
          response_free (response);
          continue;
        }
      g_hash_table_insert (ms->by_path, response->path, response);
      g_ptr_array_add (ms->responses, response);
    }
  return ms;
}

void
jt_dav_multistatus_free (JtDavMultistatus *ms)
{
  if (ms == NULL)
    return;
  g_hash_table_unref (ms->by_path);
  g_ptr_array_unref (ms->responses);
  g_free (ms->sync_token);
  xmlFreeDoc (ms->doc);
  g_free (ms);
}

guint
jt_dav_multistatus_length (const JtDavMultistatus *ms)
{
  return ms->responses->len;
}

const JtDavResponse *
jt_dav_multistatus_get (const JtDavMultistatus *ms, guint i)
{
  return g_ptr_array_index (ms->responses, i);
}

const JtDavResponse *
jt_dav_multistatus_find (const JtDavMultistatus *ms, const char *path)
{
  return g_hash_table_lookup (ms->by_path, path);
}

const char *
jt_dav_multistatus_sync_token (const JtDavMultistatus *ms)
{
  return ms->sync_token;
}

const char *
jt_dav_response_path (const JtDavResponse *response)
{
  return response->path;
}

GUri *
jt_dav_response_uri (const JtDavResponse *response)
{
  return response->uri;
}

guint
jt_dav_response_status (const JtDavResponse *response)
{
  return response->status;
}

static xmlNode *
find_prop (const JtDavResponse *response, const char *ns, const char *name)
{
  g_autofree char *key = prop_key (ns, name);

  return g_hash_table_lookup (response->props, key);
}

gboolean
jt_dav_response_has (const JtDavResponse *response, const char *ns, const char *name)
{
  return find_prop (response, ns, name) != NULL;
}

char *
jt_dav_response_text (const JtDavResponse *response, const char *ns, const char *name)
{
  xmlNode *node = find_prop (response, ns, name);

  return node != NULL ? node_text (node) : NULL;
}

GUri *
jt_dav_response_href (const JtDavResponse *response, const char *ns, const char *name)
{
  xmlNode *node = find_prop (response, ns, name);
  xmlNode *href = node != NULL ? first_child (node, JT_DAV_NS, "href") : NULL;
  g_autofree char *text = href != NULL ? node_text (href) : NULL;

  return text != NULL ? g_uri_parse_relative (response->uri, text, G_URI_FLAGS_ENCODED, NULL)
                      : NULL;
}

gboolean
jt_dav_response_is (const JtDavResponse *response, const char *ns, const char *name)
{
  xmlNode *type = find_prop (response, JT_DAV_NS, "resourcetype");

  return type != NULL && first_child (type, ns, name) != NULL;
}

gboolean
jt_dav_response_takes (const JtDavResponse *response, const char *component)
{
  xmlNode *set = find_prop (response, JT_CALDAV_NS, "supported-calendar-component-set");

  if (set == NULL)
    return TRUE;
  for (xmlNode *comp = set->children; comp != NULL; comp = comp->next)
    if (is_element (comp, JT_CALDAV_NS, "comp"))
      {
        xmlChar *value = xmlGetProp (comp, BAD_CAST "name");
        gboolean match = value != NULL && g_ascii_strcasecmp ((const char *) value, component) == 0;

        xmlFree (value);
        if (match)
          return TRUE;
      }
  return FALSE;
}
