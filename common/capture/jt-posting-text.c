/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-posting-text.c: HTML made plain text for a posting (see jt-posting-text.h). */
#include "jt-posting-text.h"

#include <string.h>

#include "jt-text.h"

/* How far a block element sets what follows apart. */
typedef enum
{
  BREAK_NONE,
  BREAK_LINE,      /* a line break */
  BREAK_PARAGRAPH, /* an empty line */
} Break;

typedef struct
{
  GString *out;
  gsize max_bytes; /* stop appending past this: the text is cut to characters later */
  gboolean raw;    /* the text as decoded, without layout (jt_posting_text_content) */
  Break pending;   /* the break owed before the next word */
  gboolean space;  /* a space owed before the next word */
  guint lists;     /* <ul>/<ol> the walk is inside */
  guint items;     /* <li> the walk is inside: no empty lines there */
  gboolean bullet; /* "- " was put out and no word after it yet */
  gsize bullet_at; /* where that "- " began */
} Text;

static gboolean
name_is (xmlNode *node, const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode *node, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char *const skipped[] = { "script", "style", "template", "head", NULL };
static const char *const paragraphs[]
    = { "p",   "h1",     "h2",         "h3",   "h4",       "h5",      "h6",     "ul",     "ol",
        "dl",  "table",  "blockquote", "pre",  "section",  "article", "header", "footer", "aside",
        "nav", "figure", "hr",         "form", "fieldset", "address", "main",   NULL };
static const char *const lines[]
    = { "div", "li", "tr", "dt", "dd", "caption", "figcaption", "details", "summary", NULL };

static void
text_break (Text *t, Break level)
{
  /* "<li><p>text</p></li>" is one item: its first block breaks nothing. */
  if (t->bullet)
    return;
  if (t->items > 0 && level > BREAK_LINE)
    level = BREAK_LINE;
  if (t->pending < level)
    t->pending = level;
}

/* Puts out the break and space owed, before something visible. */
static void
text_settle (Text *t)
{
  if (t->out->len == 0)
    {
      t->pending = BREAK_NONE;
      t->space = FALSE;
      return;
    }
  if (t->pending != BREAK_NONE)
    {
      while (t->out->len > 0 && t->out->str[t->out->len - 1] == ' ')
        g_string_truncate (t->out, t->out->len - 1);
      g_string_append (t->out, t->pending == BREAK_PARAGRAPH ? "\n\n" : "\n");
    }
  else if (t->space && t->out->str[t->out->len - 1] != '\n' && t->out->str[t->out->len - 1] != ' ')
    g_string_append_c (t->out, ' ');
  t->pending = BREAK_NONE;
  t->space = FALSE;
  t->bullet = FALSE;
}

/* How many bytes of white space or control character begin `p` (0: none). U+00A0
 * (&nbsp;) is a space here; C1 controls are controls. */
static gsize
space_length (const guchar *p)
{
  if (p[0] != '\0' && (p[0] <= 0x20 || p[0] == 0x7f))
    return 1;
  if (p[0] == 0xc2 && (p[1] == 0xa0 || (p[1] >= 0x80 && p[1] <= 0x9f)))
    return 2;
  return 0;
}

/* Appends the words of `s`, any run of white space or control characters as one space
 * (HTML's own rule, with controls added: none may reach a terminal). */
static void
text_words (Text *t, const char *s)
{
  const guchar *p = (const guchar *) s;

  while (*p != '\0' && t->out->len < t->max_bytes)
    {
      gsize space = space_length (p);

      if (space > 0)
        {
          t->space = TRUE;
          p += space;
        }
      else
        {
          const guchar *start = p;

          while (*p != '\0' && space_length (p) == 0)
            p++;
          text_settle (t);
          g_string_append_len (t->out, (const char *) start, p - start);
        }
    }
}

/* Called on entering an element or text; FALSE: do not look inside. */
static gboolean
text_enter (Text *t, xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content == NULL)
        return FALSE;
      if (t->raw)
        {
          if (t->out->len < t->max_bytes)
            g_string_append (t->out, (const char *) node->content);
        }
      else
        text_words (t, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  if (name_in (node, skipped))
    return FALSE;
  if (t->raw)
    return TRUE;
  if (name_is (node, "br"))
    {
      if (t->out->len > 0)
        t->pending = t->pending == BREAK_NONE ? BREAK_LINE : BREAK_PARAGRAPH;
    }
  else if (name_is (node, "li"))
    {
      t->bullet = FALSE; /* a list in an item before its text: a line of its own */
      text_break (t, BREAK_LINE);
      text_settle (t);
      t->bullet_at = t->out->len;
      for (guint i = 1; i < t->lists && i < 8; i++)
        g_string_append (t->out, "  ");
      g_string_append (t->out, "- ");
      t->bullet = TRUE;
      t->items++;
    }
  else if (name_is (node, "td") || name_is (node, "th"))
    t->space = TRUE;
  else if (name_in (node, paragraphs))
    text_break (t, BREAK_PARAGRAPH);
  else if (name_in (node, lines))
    text_break (t, BREAK_LINE);
  if (name_is (node, "ul") || name_is (node, "ol"))
    t->lists++;
  return TRUE;
}

static void
text_leave (Text *t, xmlNode *node)
{
  if (t->raw || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return;
  if (name_is (node, "ul") || name_is (node, "ol"))
    t->lists = t->lists > 0 ? t->lists - 1 : 0;
  if (name_is (node, "li"))
    t->items = t->items > 0 ? t->items - 1 : 0;
  if (name_is (node, "li") && t->bullet)
    {
      /* An empty item: no bullet alone on its line. */
      g_string_truncate (t->out, t->bullet_at);
      t->bullet = FALSE;
    }
  if (name_in (node, paragraphs))
    text_break (t, BREAK_PARAGRAPH);
  else if (name_in (node, lines))
    text_break (t, BREAK_LINE);
}

/* Walks what `root` holds without recursion: libxml2 allows 256 levels, and a walk
 * should not depend on that. */
static void
text_walk (Text *t, xmlNode *root)
{
  xmlNode *node = root->children;

  while (node != NULL)
    {
      if (text_enter (t, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      for (;;)
        {
          text_leave (t, node);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL || node == root)
            {
              node = NULL;
              break;
            }
        }
    }
}

char *
jt_posting_text_content (xmlNode *node)
{
  Text t = { .out = g_string_new (NULL), .max_bytes = G_MAXSIZE, .raw = TRUE };

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    text_enter (&t, node);
  else
    text_walk (&t, node);
  return g_string_free (t.out, FALSE);
}

static xmlDoc *
parse_fragment (const char *html, gsize length)
{
  if (length == 0 || length > G_MAXINT)
    return NULL;
  return htmlReadMemory (html, (int) length, NULL, "UTF-8", JT_POSTING_HTML_OPTIONS);
}

/* The tags of markup that a page escaped into its text ("&lt;p&gt;" read as "<p>"):
 * the common ones of job descriptions, so that "<3 years>" in a sentence is not one. */
static gboolean
holds_tags (const char *text)
{
  static GRegex *tags;

  if (strchr (text, '<') == NULL)
    return FALSE;
  if (g_once_init_enter (&tags))
    {
      GRegex *regex = g_regex_new ("</?(p|br|div|span|ul|ol|li|strong|b|em|i|u|h[1-6]|a|table|"
                                   "tr|td|th|tbody|thead|section|article|font|img|hr|"
                                   "blockquote|pre|code|sup|sub|small|dl|dt|dd)\\b[^<>]*>",
                                   G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&tags, regex);
    }
  return g_regex_match (tags, text, 0, NULL);
}

char *
jt_posting_text_from_html (const char *html, gssize length, glong max_chars)
{
  gsize size = length < 0 ? strlen (html) : (gsize) length;
  g_autoptr (xmlDoc) doc = parse_fragment (html, size);
  g_autoptr (xmlDoc) again = NULL;
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  Text t = { 0 };
  g_autofree char *layout = NULL;
  char *clean;

  if (root == NULL)
    return NULL;
  {
    g_autofree char *raw = jt_posting_text_content (root);

    /* Escaped markup: the text of the first pass is the page's HTML. Once only: what
     * is still escaped after that is the text the employer wrote. */
    if (holds_tags (raw))
      {
        again = parse_fragment (raw, strlen (raw));
        if (again != NULL && xmlDocGetRootElement (again) != NULL)
          root = xmlDocGetRootElement (again);
      }
  }
  /* Four bytes a character at most: enough to cut to max_chars afterwards. */
  t.out = g_string_new (NULL);
  t.max_bytes = max_chars < 0 ? G_MAXSIZE : (gsize) max_chars * 4 + 4;
  text_walk (&t, root);
  layout = g_string_free (t.out, FALSE);
  clean = jt_text_clean (layout, JT_TEXT_LINES, max_chars);
  g_strchomp (clean);
  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

char *
jt_posting_text_decode_entities (const char *text)
{
  g_autoptr (GString) html = NULL;
  g_autoptr (xmlDoc) doc = NULL;
  xmlNode *root;

  if (text == NULL)
    return NULL;
  if (strchr (text, '&') == NULL)
    return g_strdup (text);
  /* Markup is escaped first, so that the parser reads references and nothing else. */
  html = g_string_new ("<html><body><p>");
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '<')
      g_string_append (html, "&lt;");
    else
      g_string_append_c (html, *p);
  g_string_append (html, "</p></body></html>");
  doc = parse_fragment (html->str, html->len);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  return root != NULL ? jt_posting_text_content (root) : g_strdup (text);
}

char *
jt_posting_text_line (const char *text, glong max_chars)
{
  char *clean;

  if (text == NULL)
    return NULL;
  clean = jt_text_clean (text, JT_TEXT_ONE_LINE | JT_TEXT_SQUEEZE, max_chars);
  if (clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}
