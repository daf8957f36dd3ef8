/* jt-backup.c: the whole database as one versioned JSON document, and back; and the
 * applications as CSV.
 *
 * The dump is driven by one table, `tables` below: each table's name, its columns in
 * order with their SQL types, and how many leading columns form its primary key. Dump and
 * restore are generic code over that table, so a migration that adds a column adds one
 * line here (with the schema version that added it, so that older backups still restore:
 * their rows lack the column and take its default).
 *
 * A restore writes rows as they are, through prepared INSERTs on the store's connection:
 * it marks no record as changed, so the rules' commit hook does not run and the restored
 * reminders stay exactly as they were dumped (states, revisions, uids, ids). */
#include "jt-backup.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "jt-error.h"
#include "jt-store-applications.h"
#include "jt-store-private.h"
#include "jt-time.h"

#define BACKUP_FORMAT "jobtrack-backup"
#define BACKUP_VERSION 1

/* A backup is four levels deep (document, tables, rows, row); anything much deeper is
 * not one, and json-glib's recursive parser would exhaust the stack on hostile nesting. */
#define BACKUP_MAX_DEPTH 16

typedef enum {
  COLUMN_INTEGER,
  COLUMN_TEXT,
} ColumnType;

typedef struct
{
  const char *name;
  ColumnType type;
  guint since; /* the schema version that added the column; 0: as old as its table */
} Column;

typedef struct
{
  const char *name;
  guint since;            /* the schema version that added the table */
  guint n_key;            /* its first n_key columns are its primary key: rows go in that order */
  gboolean autoincrement; /* its id counter (sqlite_sequence) is part of the backup */
  gboolean file_facts;    /* facts about the file, not records: replaced on restore, and may
                           * exist in the "empty" database restored into */
  const Column *columns;  /* ended by { NULL } */
} Table;

#define INT(name) { name, COLUMN_INTEGER, 0 }
#define TEXT(name) { name, COLUMN_TEXT, 0 }
#define INT_SINCE(name, version) { name, COLUMN_INTEGER, version }
#define TEXT_SINCE(name, version) { name, COLUMN_TEXT, version }
#define END { NULL, 0, 0 }

/* Every column of every table in schema/, in the tables' own order. The folded keys
 * (company_key, name_key, ...) are kept verbatim, so the round trip is exact.
 *
 * A migration that adds a column appends it to its table's list with its version, e.g.
 * TEXT_SINCE ("invite_uid", 3): backups made before it still restore (the column takes
 * its default), and the dump/has-every-column test fails until the list matches the
 * schema. A new table gets a list and a line in `tables`, in dependency order. */
static const Column applications_columns[] = {
  INT ("id"), TEXT ("company"), TEXT ("role"), TEXT ("source"), TEXT ("url"), TEXT ("status"),
  INT ("interest"), TEXT ("notes"), TEXT ("company_key"), TEXT ("role_key"),
  INT ("created_at"), INT ("updated_at"), TEXT_SINCE ("skills", 5),
  TEXT_SINCE ("company_family", 6),
  END,
};
static const Column status_changes_columns[] = {
  INT ("id"), INT ("application_id"), TEXT ("status"), INT ("changed_at"),
  END,
};
static const Column decision_dates_columns[] = {
  INT ("id"), INT ("application_id"), TEXT ("decide_on"), INT ("recorded_at"),
  END,
};
static const Column contacts_columns[] = {
  INT ("id"), TEXT ("name"), TEXT ("title"), TEXT ("company"), TEXT ("email"), TEXT ("phone"),
  TEXT ("url"), INT ("hit_it_off"), INT ("network"), TEXT ("notes"), TEXT ("company_key"),
  TEXT ("name_key"), TEXT ("email_key"), INT ("created_at"), INT ("updated_at"),
  END,
};
static const Column contact_roles_columns[] = {
  INT ("contact_id"), TEXT ("role"),
  END,
};
static const Column application_contacts_columns[] = {
  INT ("application_id"), INT ("contact_id"),
  END,
};
static const Column interviews_columns[] = {
  INT ("id"), INT ("application_id"), INT ("start_at"), INT ("duration_min"), TEXT ("kind"),
  TEXT ("place"), INT ("rating"), TEXT ("conversation"), TEXT ("edge"), TEXT ("problems"),
  TEXT ("objections"), TEXT ("next_step"), INT ("may_call_at"), TEXT ("notes"),
  INT ("created_at"), INT ("updated_at"), TEXT_SINCE ("invite_uid", 3),
  INT_SINCE ("invite_sequence", 3),
  END,
};
static const Column interview_contacts_columns[] = {
  INT ("interview_id"), INT ("contact_id"),
  END,
};
static const Column offers_columns[] = {
  INT ("id"), INT ("application_id"), TEXT ("received_on"), TEXT ("deadline"), TEXT ("salary"),
  TEXT ("title"), TEXT ("start_on"), TEXT ("state"), TEXT ("notes"), INT ("created_at"),
  INT ("updated_at"),
  END,
};
static const Column outcomes_columns[] = {
  INT ("id"), INT ("application_id"), TEXT ("kind"), INT ("occurred_at"), INT ("created_at"),
  END,
};
static const Column touches_columns[] = {
  INT ("id"), INT ("application_id"), INT ("contact_id"), TEXT ("kind"), INT ("at"),
  TEXT ("about"), INT ("created_at"),
  END,
};
static const Column reminders_columns[] = {
  INT ("id"), TEXT ("uid"), TEXT ("rule"), INT ("application_id"), INT ("contact_id"),
  INT ("interview_id"), INT ("due_at"), INT ("fire_at"), TEXT ("state"), TEXT ("title"),
  TEXT ("detail"), INT ("revision"), INT ("notified_at"), INT ("created_at"),
  INT ("updated_at"),
  END,
};
static const Column settings_columns[] = {
  TEXT ("key"), TEXT ("value"),
  END,
};

/* In dependency order: a row only refers to rows of tables above it, so a restore can
 * insert them top to bottom with the foreign keys checked as it goes. */
static const Table tables[] = {
  { .name = "applications", .since = 1, .n_key = 1, .columns = applications_columns },
  { .name = "status_changes", .since = 1, .n_key = 1, .columns = status_changes_columns },
  { .name = "decision_dates", .since = 1, .n_key = 1, .columns = decision_dates_columns },
  { .name = "contacts", .since = 1, .n_key = 1, .columns = contacts_columns },
  { .name = "contact_roles", .since = 1, .n_key = 2, .columns = contact_roles_columns },
  { .name = "application_contacts", .since = 1, .n_key = 2,
    .columns = application_contacts_columns },
  { .name = "interviews", .since = 1, .n_key = 1, .columns = interviews_columns },
  { .name = "interview_contacts", .since = 1, .n_key = 2,
    .columns = interview_contacts_columns },
  { .name = "offers", .since = 1, .n_key = 1, .columns = offers_columns },
  { .name = "outcomes", .since = 1, .n_key = 1, .columns = outcomes_columns },
  { .name = "touches", .since = 1, .n_key = 1, .columns = touches_columns },
  { .name = "reminders", .since = 2, .n_key = 1, .autoincrement = TRUE,
    .columns = reminders_columns },
  { .name = "settings", .since = 2, .n_key = 1, .file_facts = TRUE, .columns = settings_columns },
};

#undef INT
#undef TEXT
#undef INT_SINCE
#undef TEXT_SINCE
#undef END

static guint
column_since (const Table *table, const Column *column)
{
  return column->since != 0 ? column->since : table->since;
}

static const Table *
find_table (const char *name)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (g_str_equal (tables[t].name, name))
      return &tables[t];
  return NULL;
}

static const char *
type_name (ColumnType type)
{
  return type == COLUMN_INTEGER ? "a whole number" : "text";
}

/* "SELECT a, b FROM t ORDER BY <primary key>": a listing in key order, no sorting. */
static char *
select_sql (const Table *table)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint c = 0; table->columns[c].name != NULL; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", table->columns[c].name);
  g_string_append_printf (sql, " FROM %s ORDER BY ", table->name);
  for (guint k = 0; k < table->n_key; k++)
    g_string_append_printf (sql, "%s%s", k > 0 ? ", " : "", table->columns[k].name);
  return g_string_free (sql, FALSE);
}

/* "touches row id 7", "contact_roles row (contact_id 3, role hr)": for messages, from
 * whatever of the key a row has. New string. */
static char *
describe_key (const Table *table, const char *const *values)
{
  GString *text = g_string_new (table->name);

  if (table->n_key == 1 && g_str_equal (table->columns[0].name, "id"))
    {
      g_string_append_printf (text, " row id %s", values[0]);
      return g_string_free (text, FALSE);
    }
  g_string_append (text, " row (");
  for (guint k = 0; k < table->n_key; k++)
    g_string_append_printf (text, "%s%s %s", k > 0 ? ", " : "", table->columns[k].name,
                            values[k]);
  g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}

/* The key of a row being dumped (the current row of `stmt`). */
static char *
describe_stmt_row (const Table *table, JtStmt *stmt)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < table->n_key; k++)
    {
      g_autofree char *text = jt_stmt_dup_text (stmt, (int) k);

      g_ptr_array_add (values, text != NULL ? g_strescape (text, NULL) : g_strdup ("null"));
    }
  return describe_key (table, (const char *const *) values->pdata);
}

/* The key of a row being restored; `position` (from 1) when the key is not readable. */
static char *
describe_json_row (const Table *table, JsonNode *row, guint position)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (row) ? json_node_get_object (row) : NULL;

  for (guint k = 0; k < table->n_key; k++)
    {
      JsonNode *node = object != NULL ? json_object_get_member (object, table->columns[k].name)
                                      : NULL;
      GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                                : G_TYPE_INVALID;

      if (type == G_TYPE_INT64)
        g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
      else if (type == G_TYPE_STRING && strlen (json_node_get_string (node)) <= 64)
        g_ptr_array_add (values, g_strescape (json_node_get_string (node), NULL));
      else
        return g_strdup_printf ("%s row %u", table->name, position);
    }
  return describe_key (table, (const char *const *) values->pdata);
}

/* Runs a statement that returns nothing (BEGIN, COMMIT, ...). */
static gboolean
exec_sql (JtStore *store, const char *sql, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);

  return stmt != NULL && jt_store_exec_stmt (store, stmt, error);
}

/* ---- Dump ---------------------------------------------------------------------------- */

static gboolean
dump_value (const Table *table, const Column *column, JtStmt *stmt, int index,
            JsonBuilder *builder, GError **error)
{
  int type = sqlite3_column_type (stmt, index);
  const char *held;
  g_autofree char *row = NULL;

  json_builder_set_member_name (builder, column->name);
  if (type == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }
  if (type == SQLITE_INTEGER && column->type == COLUMN_INTEGER)
    {
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, index));
      return TRUE;
    }
  if (type == SQLITE_TEXT && column->type == COLUMN_TEXT)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);

      /* JSON text is UTF-8, and a NUL inside would cut it short without a word. */
      if (g_utf8_validate_len (text, (gsize) sqlite3_column_bytes (stmt, index), NULL))
        {
          json_builder_add_string_value (builder, text);
          return TRUE;
        }
    }
  /* Only another program writes such values. A backup that cannot be restored is worse
   * than none, so say so now. */
  held = type == SQLITE_INTEGER ? "a whole number"
         : type == SQLITE_FLOAT ? "a number with a fraction"
         : type == SQLITE_BLOB  ? "binary data"
         : column->type == COLUMN_TEXT ? "text that is not UTF-8 or holds a NUL character"
                                       : "text";
  row = describe_stmt_row (table, stmt);
  g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
               "cannot back up %s: its %s holds %s, where jobtrack keeps %s (was the database "
               "changed by another program?)",
               row, column->name, held, type_name (column->type));
  return FALSE;
}

/* The document is written as json-glib pretty-prints it whole (two spaces a level,
 * "name" : value), but a row at a time: each row is an object json-glib prints, indented
 * for its depth; around the rows is fixed text (names of tables, numbers). Pieces are
 * handed on in blocks of DUMP_BLOCK bytes. */
#define DUMP_BLOCK (64 * 1024)
#define ROW_INDENT "      "

typedef struct
{
  JtWriteFunc write;
  gpointer user_data;
  GString *block;
  JsonBuilder *builder;
  JsonGenerator *generator;
} Dump;

static gboolean
dump_flush (Dump *d, GError **error)
{
  gboolean ok = d->block->len == 0 || d->write (d->block->str, d->block->len, d->user_data, error);

  g_string_truncate (d->block, 0);
  return ok;
}

/* Appends json-glib's text for the object `row`, each line indented. */
static void
append_row (Dump *d, JsonNode *row)
{
  g_autofree char *text = NULL;
  const char *line = NULL;
  const char *end;

  json_generator_set_root (d->generator, row);
  text = json_generator_to_data (d->generator, NULL);
  /* JSON strings hold no raw line break: every "\n" ends a line of the layout. */
  for (line = text; (end = strchr (line, '\n')) != NULL; line = end + 1)
    {
      g_string_append (d->block, ROW_INDENT);
      g_string_append_len (d->block, line, end + 1 - line);
    }
  g_string_append (d->block, ROW_INDENT);
  g_string_append (d->block, line);
}

static gboolean
dump_table (JtStore *store, const Table *table, Dump *d, GError **error)
{
  g_autofree char *sql = select_sql (table);
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_string_append_printf (d->block, "    \"%s\" : [", table->name);
  while ((rc = jt_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr (JsonNode) row = NULL;

      json_builder_reset (d->builder);
      json_builder_begin_object (d->builder);
      for (int c = 0; table->columns[c].name != NULL; c++)
        if (!dump_value (table, &table->columns[c], stmt, c, d->builder, error))
          return FALSE;
      json_builder_end_object (d->builder);
      row = json_builder_get_root (d->builder);
      g_string_append (d->block, n++ == 0 ? "\n" : ",\n");
      append_row (d, row);
      if (d->block->len >= DUMP_BLOCK && !dump_flush (d, error))
        return FALSE;
    }
  g_string_append (d->block, n > 0 ? "\n    ]" : "]");
  return rc == SQLITE_DONE;
}

/* The id counters of the AUTOINCREMENT tables: a restored database must never hand out
 * again an id that the original had used (and a person may have seen). 0 when the table
 * never had a row. */
static gboolean
dump_sequences (JtStore *store, Dump *d, GError **error)
{
  g_autoptr (JtStmt) stmt = jt_store_prepare (store, "SELECT name, seq FROM sqlite_sequence",
                                              error);
  gint64 seq[G_N_ELEMENTS (tables)] = { 0 };
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = jt_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const Table *table = find_table ((const char *) sqlite3_column_text (stmt, 0));

      if (table != NULL && table->autoincrement)
        seq[table - tables] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_string_append (d->block, "  \"sequences\" : {");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].autoincrement)
      g_string_append_printf (d->block, "%s    \"%s\" : %" G_GINT64_FORMAT, n++ == 0 ? "\n" : ",\n",
                              tables[t].name, seq[t]);
  g_string_append (d->block, n > 0 ? "\n  }" : "}");
  return TRUE;
}

static gboolean
dump_document (JtStore *store, Dump *d, GError **error)
{
  /* The format's name is plain ASCII: nothing in it to escape. */
  g_string_append_printf (d->block,
                          "{\n  \"format\" : \"" BACKUP_FORMAT "\",\n  \"version\" : %d,\n"
                          "  \"schema\" : %u,\n  \"tables\" : {\n",
                          BACKUP_VERSION, jt_store_get_schema_version (store));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      if (t > 0)
        g_string_append (d->block, ",\n");
      if (!dump_table (store, &tables[t], d, error))
        return FALSE;
    }
  g_string_append (d->block, "\n  },\n");
  if (!dump_sequences (store, d, error))
    return FALSE;
  g_string_append (d->block, "\n}\n");
  return dump_flush (d, error);
}

gboolean
jt_backup_dump_write (JtStore *store, JtWriteFunc write, gpointer user_data, GError **error)
{
  Dump d = { write, user_data, g_string_sized_new (DUMP_BLOCK + 4096), json_builder_new (),
             json_generator_new () };
  /* Every table is read in one read transaction: one consistent snapshot, even while the
   * daemon or another command writes. Inside a caller's transaction, that one is it. */
  gboolean own_snapshot = !jt_store_in_transaction (store);
  gboolean ok;

  json_generator_set_pretty (d.generator, TRUE);
  ok = (!own_snapshot || exec_sql (store, "BEGIN", error)) && dump_document (store, &d, error);
  if (own_snapshot)
    {
      if (ok)
        ok = exec_sql (store, "COMMIT", error);
      else
        exec_sql (store, "ROLLBACK", NULL);
    }
  g_string_free (d.block, TRUE);
  g_object_unref (d.builder);
  g_object_unref (d.generator);
  return ok;
}

static gboolean
append_to_string (const char *text, gsize length, gpointer user_data, GError **error)
{
  g_string_append_len (user_data, text, (gssize) length);
  return TRUE;
}

char *
jt_backup_dump (JtStore *store, GError **error)
{
  GString *text = g_string_new (NULL);

  if (!jt_backup_dump_write (store, append_to_string, text, error))
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* ---- Restore ------------------------------------------------------------------------- */

static gboolean
not_a_backup (GError **error, const char *why)
{
  /* json-glib quotes the text it could not read, cut anywhere: in the middle of a
   * character, it would make the message invalid UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (why, -1);

  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "not a jobtrack backup: %s", valid);
  return FALSE;
}

/* Checks, before json-glib sees the text, what it would not: nesting deep enough to
 * exhaust its recursive parser, and \u0000 escapes, which it silently cuts text at. */
static gboolean
check_text (const char *json, gsize length, GError **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < length)
            {
              if (json[i + 1] == 'u' && i + 5 < length && strncmp (json + i + 2, "0000", 4) == 0)
                return not_a_backup (error, "it holds text with a NUL character (\\u0000)");
              i++; /* skip the escaped character */
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > BACKUP_MAX_DEPTH)
        return not_a_backup (error, "it is nested far deeper than a backup is");
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* An integer member of the document's header, or -1 when absent or not an integer. */
static gint64
header_int (JsonObject *doc, const char *name)
{
  JsonNode *node = json_object_get_member (doc, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

/* A name taken from the document, fit for a message: escaped and cut short. New string. */
static char *
quote_name (const char *name)
{
  g_autofree char *escaped = g_strescape (name, NULL);

  if (strlen (escaped) > 64)
    return g_strdup_printf ("'%.64s…'", escaped);
  return g_strdup_printf ("'%s'", escaped);
}

static const char *
json_kind (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return "a whole number";
  if (type == G_TYPE_STRING)
    return "text";
  if (type == G_TYPE_BOOLEAN)
    return "true or false";
  return "a number with a fraction";
}

/* Reads and checks the document's header: its format and version, the schema it was
 * made at (`schema`), and that it names only tables that schema has, each a list. */
static gboolean
read_header (JtStore *store, JsonNode *root, guint *schema, JsonObject **tables_out,
             JsonObject **sequences_out, GError **error)
{
  static const char *const header[] = { "format", "version", "schema", "tables", "sequences",
                                         NULL };
  guint known_schema = jt_store_get_schema_version (store);
  g_autoptr (GList) members = NULL;
  JsonObject *doc, *tables_object, *sequences = NULL;
  JsonNode *node;
  gint64 version, doc_schema;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return not_a_backup (error, "it is not a JSON object");
  doc = json_node_get_object (root);
  node = json_object_get_member (doc, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || !g_str_equal (json_node_get_string (node), BACKUP_FORMAT))
    return not_a_backup (error, "it has no \"format\": \"" BACKUP_FORMAT "\"");
  /* A newer version may have changed anything else, so it is told apart first. */
  version = header_int (doc, "version");
  doc_schema = header_int (doc, "schema");
  if (version > BACKUP_VERSION || doc_schema > known_schema)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   "this backup was made by a newer jobtrack (this one reads backups up to "
                   "version %d, schema %u); upgrade jobtrack to restore it",
                   BACKUP_VERSION, known_schema);
      return FALSE;
    }
  if (version < 1 || doc_schema < 1)
    return not_a_backup (error, "its \"version\" or \"schema\" is missing or not a number");
  *schema = (guint) doc_schema;

  members = json_object_get_members (doc);
  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (header, m->data))
      {
        g_autofree char *name = quote_name (m->data);
        g_autofree char *why = g_strdup_printf ("it has a member %s that a backup does not have",
                                                name);
        return not_a_backup (error, why);
      }

  node = json_object_get_member (doc, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return not_a_backup (error, "it has no \"tables\" object");
  tables_object = json_node_get_object (node);
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (tables_object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const Table *table = find_table (m->data);

      if (table == NULL || table->since > *schema)
        {
          g_autofree char *name = quote_name (m->data);
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "the backup has a table %s that a jobtrack database (schema %u) does not "
                       "have; is it from another program?",
                       name, *schema);
          return FALSE;
        }
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      if (tables[t].since > *schema)
        continue;
      node = json_object_get_member (tables_object, tables[t].name);
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "the backup is incomplete: it has no list of %s", tables[t].name);
          return FALSE;
        }
      if (tables[t].autoincrement && sequences == NULL)
        {
          node = json_object_get_member (doc, "sequences");
          if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            return not_a_backup (error, "it has no \"sequences\" object");
          sequences = json_node_get_object (node);
        }
    }

  if (sequences != NULL)
    {
      g_clear_pointer (&members, g_list_free);
      members = json_object_get_members (sequences);
      for (GList *m = members; m != NULL; m = m->next)
        {
          const Table *table = find_table (m->data);
          gint64 seq = header_int (sequences, m->data);

          if (table == NULL || !table->autoincrement || table->since > *schema || seq < 0)
            {
              g_autofree char *name = quote_name (m->data);
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           "the backup's sequence %s is not the id counter of a jobtrack table",
                           name);
              return FALSE;
            }
        }
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].autoincrement && tables[t].since <= *schema
        && header_int (sequences, tables[t].name) < 0)
      {
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                     "the backup is incomplete: it has no id counter for %s", tables[t].name);
        return FALSE;
      }
  *tables_out = tables_object;
  *sequences_out = sequences;
  return TRUE;
}

/* Fails unless the database holds no records; the small facts about the file itself
 * (settings) do not count, they are replaced by the backup's. */
static gboolean
check_empty (JtStore *store, GError **error)
{
  GString *sql = g_string_new ("SELECT ");
  g_autofree char *text = NULL;
  g_autoptr (JtStmt) stmt = NULL;
  gboolean first = TRUE;
  int rc;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (!tables[t].file_facts)
      {
        g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM %s)", first ? "" : " OR ",
                                tables[t].name);
        first = FALSE;
      }
  text = g_string_free (sql, FALSE);
  if ((stmt = jt_store_prepare (store, text, error)) == NULL
      || (rc = jt_store_step (store, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               "the database %s already holds records; a backup is restored only into an "
               "empty database (restore into a new one with --db FILE)",
               jt_store_get_path (store));
  return FALSE;
}

/* "INSERT INTO t (a, b) VALUES (?, ?)" with the columns a backup of `schema` has; the
 * rest take their defaults. */
static char *
insert_sql (const Table *table, guint schema)
{
  GString *sql = g_string_new (table->file_facts ? "INSERT OR REPLACE INTO " : "INSERT INTO ");
  GString *values = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (sql, "%s (", table->name);
  for (guint c = 0; table->columns[c].name != NULL; c++)
    if (column_since (table, &table->columns[c]) <= schema)
      {
        g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", table->columns[c].name);
        g_string_append (values, n > 0 ? ", ?" : "?");
        n++;
      }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);
  g_string_free (values, TRUE);
  return g_string_free (sql, FALSE);
}

/* Checks one row against the table's columns and binds it to `stmt` (from insert_sql). */
static gboolean
bind_row (const Table *table, guint schema, JsonNode *row, const char *what, JtStmt *stmt,
          GError **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;
  int index = 0;

  if (!JSON_NODE_HOLDS_OBJECT (row))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "the backup's %s is %s, not an object",
                   what, json_kind (row));
      return FALSE;
    }
  object = json_node_get_object (row);
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      gboolean known = FALSE;

      for (guint c = 0; table->columns[c].name != NULL && !known; c++)
        known = g_str_equal (table->columns[c].name, m->data)
                && column_since (table, &table->columns[c]) <= schema;
      if (!known)
        {
          g_autofree char *name = quote_name (m->data);
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "the backup's %s has a column %s that jobtrack's %s (schema %u) does not "
                       "have; is it from another program?",
                       what, name, table->name, schema);
          return FALSE;
        }
    }

  for (guint c = 0; table->columns[c].name != NULL; c++)
    {
      const Column *column = &table->columns[c];
      JsonNode *node;
      GType type;

      if (column_since (table, column) > schema)
        continue;
      index++;
      node = json_object_get_member (object, column->name);
      if (node == NULL)
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, "the backup's %s has no %s", what,
                       column->name);
          return FALSE;
        }
      type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      if (JSON_NODE_HOLDS_NULL (node))
        sqlite3_bind_null (stmt, index);
      else if (column->type == COLUMN_INTEGER && type == G_TYPE_INT64)
        jt_stmt_bind_int64 (stmt, index, json_node_get_int (node));
      else if (column->type == COLUMN_TEXT && type == G_TYPE_STRING)
        jt_stmt_bind_text (stmt, index, json_node_get_string (node));
      else
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       "the backup's %s has %s for %s, which must be %s or null", what,
                       json_kind (node), column->name, type_name (column->type));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
restore_table (JtStore *store, const Table *table, guint schema, JsonArray *rows,
               GError **error)
{
  g_autofree char *sql = insert_sql (table, schema);
  guint n_rows = json_array_get_length (rows);

  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      g_autofree char *what = describe_json_row (table, row, r + 1);
      g_autoptr (JtStmt) stmt = jt_store_prepare (store, sql, error);

      if (stmt == NULL || !bind_row (table, schema, row, what, stmt, error))
        return FALSE;
      if (!jt_store_exec_untrusted (store, stmt, error))
        {
          /* A constraint (a missing application, a duplicate id, an unknown status) is
           * the backup's fault here: JT_ERROR_INVALID; say which row broke it. */
          g_prefix_error (error, "the backup's %s cannot be restored: ", what);
          return FALSE;
        }
    }
  return TRUE;
}

/* Sets the id counters as the backup had them (never below the ids just restored).
 * sqlite_sequence is SQLite's own table, one row per AUTOINCREMENT table. */
static gboolean
restore_sequences (JtStore *store, JsonObject *sequences, GError **error)
{
  g_autoptr (GList) members = sequences != NULL ? json_object_get_members (sequences) : NULL;

  for (GList *m = members; m != NULL; m = m->next)
    {
      gint64 seq = header_int (sequences, m->data);
      g_autoptr (JtStmt) update = NULL;
      g_autoptr (JtStmt) insert = NULL;

      if (seq == 0)
        continue;
      update = jt_store_prepare (store,
                                 "UPDATE sqlite_sequence SET seq = max (seq, ?) WHERE name = ?",
                                 error);
      if (update == NULL)
        return FALSE;
      jt_stmt_bind_int64 (update, 1, seq);
      jt_stmt_bind_text (update, 2, m->data);
      if (!jt_store_exec_stmt (store, update, error))
        return FALSE;
      if (jt_store_changes (store) > 0)
        continue;
      insert = jt_store_prepare (store, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                                 error);
      if (insert == NULL)
        return FALSE;
      jt_stmt_bind_text (insert, 1, m->data);
      jt_stmt_bind_int64 (insert, 2, seq);
      if (!jt_store_exec_stmt (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
jt_backup_restore (JtStore *store, const char *json, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  JsonObject *tables_object = NULL, *sequences = NULL;
  guint schema = 0;

  if (json == NULL || length == 0)
    return not_a_backup (error, "it is empty");
  if (length > G_MAXSSIZE || !check_text (json, length, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, json, (gssize) length, &parse_error))
    return not_a_backup (error, parse_error->message);
  if (!read_header (store, json_parser_get_root (parser), &schema, &tables_object, &sequences,
                    error))
    return FALSE;

  /* One transaction: a refusal anywhere rolls everything back (the free does). Nothing
   * is marked as changed, so the commit hook (the rules) has nothing to do. */
  if ((txn = jt_store_begin_write (store, error)) == NULL || !check_empty (store, error))
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].since <= schema
        && !restore_table (store, &tables[t], schema,
                           json_object_get_array_member (tables_object, tables[t].name), error))
      return FALSE;
  if (!restore_sequences (store, sequences, error))
    return FALSE;
  /* A backup from before schema 6 has no company families: work them out. */
  if (!jt_store_application_fill_families (store, error))
    return FALSE;
  return jt_transaction_commit (g_steal_pointer (&txn), error);
}

/* ---- CSV ----------------------------------------------------------------------------- */

/* One cell, RFC 4180: quoted when it holds a comma, a quote or a line end, quotes
 * doubled. A spreadsheet runs a cell starting with = + - @ (or a tab or CR before one)
 * as a formula, so such a cell gets a leading ' (and quotes) and stays text. */
static void
csv_cell (GString *out, const char *text, gboolean first)
{
  gboolean formula;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL || *text == '\0')
    return;
  formula = strchr ("=+-@\t\r", *text) != NULL;
  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
jt_backup_csv_applications (JtStore *store, GTimeZone *tz, GError **error)
{
  static const char *const header[] = { "id",  "company",  "role",    "status",
                                         "decision_date", "source", "url", "interest",
                                         "created", "updated", NULL };
  g_autoptr (GPtrArray) apps = jt_store_application_list (store, error);
  g_autoptr (GString) out = NULL;

  if (apps == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; header[i] != NULL; i++)
    csv_cell (out, header[i], i == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < apps->len; i++)
    {
      const JtApplication *app = g_ptr_array_index (apps, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, app->id);
      g_autofree char *interest = app->interest != 0 ? g_strdup_printf ("%d", app->interest)
                                                     : NULL;
      g_autofree char *created = jt_time_format_iso (app->created_at, tz);
      g_autofree char *updated = jt_time_format_iso (app->updated_at, tz);

      csv_cell (out, id, TRUE);
      csv_cell (out, app->company, FALSE);
      csv_cell (out, app->role, FALSE);
      csv_cell (out, jt_status_to_string (app->status), FALSE);
      csv_cell (out, app->decision_date, FALSE);
      csv_cell (out, app->source, FALSE);
      csv_cell (out, app->url, FALSE);
      csv_cell (out, interest, FALSE);
      csv_cell (out, created, FALSE);
      csv_cell (out, updated, FALSE);
      g_string_append (out, "\r\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
