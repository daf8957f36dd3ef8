/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-backup.c: the whole database as one versioned JSON document, and back.
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

#include "jt-documents.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-store-applications.h"
#include "jt-store-backup.h"
#include "jt-store-documents.h"
#include "jt-store-postings.h"
#include "jt-text.h"

#define BACKUP_FORMAT "jobtrack-backup"
#define BACKUP_VERSION 1

/* A backup is four levels deep (document, tables, rows, row); anything much deeper is
 * not one, and json-glib's recursive parser would exhaust the stack on hostile nesting. */
#define BACKUP_MAX_DEPTH 16

typedef enum
{
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
  guint since;           /* the schema version that added the table */
  guint n_key;           /* its first n_key columns are its primary key: rows go in that order */
  guint autoincrement;   /* from this schema on, its id counter (sqlite_sequence) is part
                          * of the backup; 0: never */
  gboolean file_facts;   /* facts about the file, not records: replaced on restore, and may
                          * exist in the "empty" database restored into */
  const Column *columns; /* ended by { NULL } */
} Table;

/* Initializers built by macros, one per line. */
/* clang-format off */
#define INT(name) { name, COLUMN_INTEGER, 0 }
#define TEXT(name) { name, COLUMN_TEXT, 0 }
#define INT_SINCE(name, version) { name, COLUMN_INTEGER, version }
#define TEXT_SINCE(name, version) { name, COLUMN_TEXT, version }
#define END { NULL, 0, 0 }
/* clang-format on */

/* Every column of every table in schema/, in the tables' own order. The folded keys
 * (company_key, name_key, ...) are kept verbatim, so the round trip is exact.
 *
 * A migration that adds a column appends it to its table's list with its version, e.g.
 * TEXT_SINCE ("invite_uid", 3): backups made before it still restore (the column takes
 * its default), and the dump/has-every-column test fails until the list matches the
 * schema. A new table gets a list and a line in `tables`, in dependency order. */
/* clang-format off */
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
  INT_SINCE ("invite_sequence", 3), INT_SINCE ("revision", 9), TEXT_SINCE ("shown_digest", 9),
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
  INT ("updated_at"), INT_SINCE ("offer_id", 8), TEXT_SINCE ("since_day", 8),
  TEXT_SINCE ("shown_digest", 9),
  END,
};
static const Column settings_columns[] = {
  TEXT ("key"), TEXT ("value"),
  END,
};
static const Column sync_collection_columns[] = {
  INT ("id"), TEXT ("url"), TEXT ("sync_token"), TEXT ("ctag"), INT ("last_success_at"),
  TEXT ("last_error"), INT ("last_error_at"),
  END,
};
static const Column sync_items_columns[] = {
  TEXT ("uid"), TEXT ("href"), TEXT ("etag"), INT ("pushed_revision"), TEXT ("pushed_hash"),
  TEXT ("pushed_ics"), INT ("updated_at"), TEXT_SINCE ("pending_ics", 13),
  INT_SINCE ("pending_revision", 13),
  END,
};
static const Column files_columns[] = {
  TEXT ("sha256"), INT ("size"), TEXT ("media_type"), INT ("created_at"),
  END,
};
static const Column resume_versions_columns[] = {
  INT ("id"), TEXT ("name"), TEXT ("sha256"), TEXT ("original_name"), TEXT ("note"),
  INT ("created_at"),
  END,
};
static const Column documents_columns[] = {
  INT ("id"), INT ("application_id"), TEXT ("kind"), TEXT ("sha256"), TEXT ("name"),
  TEXT ("note"), INT ("resume_version_id"), INT ("attached_at"),
  END,
};
static const Column postings_columns[] = {
  INT ("application_id"), TEXT ("source"), TEXT ("title"), TEXT ("url"), TEXT ("identifier"),
  TEXT ("location"), TEXT ("employment_type"), TEXT ("salary"), INT ("posted_at"),
  INT ("closes_at"), INT ("closes_on_day"), INT ("captured_at"), INT_SINCE ("posted_on_day", 13),
  END,
};
/* clang-format on */

/* In dependency order: a row only refers to rows of tables above it, so a restore can
 * insert them top to bottom with the foreign keys checked as it goes. */
static const Table tables[] = {
  { .name = "applications",
    .since = 1,
    .n_key = 1,
    .autoincrement = 9,
    .columns = applications_columns },
  { .name = "status_changes", .since = 1, .n_key = 1, .columns = status_changes_columns },
  { .name = "decision_dates", .since = 1, .n_key = 1, .columns = decision_dates_columns },
  { .name = "contacts", .since = 1, .n_key = 1, .autoincrement = 9, .columns = contacts_columns },
  { .name = "contact_roles", .since = 1, .n_key = 2, .columns = contact_roles_columns },
  { .name = "application_contacts",
    .since = 1,
    .n_key = 2,
    .columns = application_contacts_columns },
  { .name = "interviews",
    .since = 1,
    .n_key = 1,
    .autoincrement = 9,
    .columns = interviews_columns },
  { .name = "interview_contacts", .since = 1, .n_key = 2, .columns = interview_contacts_columns },
  { .name = "offers", .since = 1, .n_key = 1, .autoincrement = 9, .columns = offers_columns },
  { .name = "outcomes", .since = 1, .n_key = 1, .columns = outcomes_columns },
  { .name = "touches", .since = 1, .n_key = 1, .columns = touches_columns },
  { .name = "reminders", .since = 2, .n_key = 1, .autoincrement = 2, .columns = reminders_columns },
  { .name = "settings", .since = 2, .n_key = 1, .file_facts = TRUE, .columns = settings_columns },
  /* What the server holds: restored with the records, so a restored database does not
   * upload its follow-ups a second time. */
  { .name = "sync_collection", .since = 10, .n_key = 1, .columns = sync_collection_columns },
  { .name = "sync_items", .since = 10, .n_key = 1, .columns = sync_items_columns },
  /* What is known of the kept files; their content is the document's "contents" when the
   * backup was made with them (jt_backup_dump_write_files). */
  { .name = "files", .since = 11, .n_key = 1, .columns = files_columns },
  { .name = "resume_versions",
    .since = 11,
    .n_key = 1,
    .autoincrement = 11,
    .columns = resume_versions_columns },
  { .name = "documents",
    .since = 11,
    .n_key = 1,
    .autoincrement = 11,
    .columns = documents_columns },
  { .name = "postings", .since = 12, .n_key = 1, .columns = postings_columns },
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
  return type == COLUMN_INTEGER ? _ ("a whole number") : _ ("text");
}

/* The names of the columns a backup of `schema` has (G_MAXUINT: all of them), in the
 * table's order. A new NULL-terminated array (the names are static). */
static const char **
column_names (const Table *table, guint schema)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint c = 0; table->columns[c].name != NULL; c++)
    if (column_since (table, &table->columns[c]) <= schema)
      g_ptr_array_add (names, (gpointer) table->columns[c].name);
  g_ptr_array_add (names, NULL);
  return (const char **) g_ptr_array_free (names, FALSE);
}

/* "touches row id 7", "contact_roles row (contact_id 3, role hr)": for messages, from
 * whatever of the key a row has. New string. */
static char *
describe_key (const Table *table, const char *const *values)
{
  GString *text = g_string_new (table->name);

  if (table->n_key == 1 && g_str_equal (table->columns[0].name, "id"))
    {
      /* TRANSLATORS: follows the name of a table of the database. */
      g_string_append_printf (text, _ (" row id %s"), values[0]);
      return g_string_free (text, FALSE);
    }
  /* TRANSLATORS: follows the name of a table; the columns of the row's key follow. */
  g_string_append (text, _ (" row ("));
  for (guint k = 0; k < table->n_key; k++)
    g_string_append_printf (text, "%s%s %s", k > 0 ? ", " : "", table->columns[k].name, values[k]);
  g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}

/* The key of a row being dumped. */
static char *
describe_values_row (const Table *table, const JtValue *row)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < table->n_key; k++)
    {
      const JtValue *v = &row[k];

      if (v->type == JT_VALUE_INTEGER)
        g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, v->integer));
      else if (v->type == JT_VALUE_TEXT)
        g_ptr_array_add (values, g_strescape (v->text, NULL));
      else
        g_ptr_array_add (values, g_strdup (v->type == JT_VALUE_NULL ? "null" : "?"));
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
      JsonNode *node
          = object != NULL ? json_object_get_member (object, table->columns[k].name) : NULL;
      GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                                : G_TYPE_INVALID;

      if (type == G_TYPE_INT64)
        g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
      else if (type == G_TYPE_STRING && strlen (json_node_get_string (node)) <= 64)
        g_ptr_array_add (values, g_strescape (json_node_get_string (node), NULL));
      else
        /* TRANSLATORS: a table of the database, then a row's position in the backup. */
        return g_strdup_printf (_ ("%s row %u"), table->name, position);
    }
  return describe_key (table, (const char *const *) values->pdata);
}

/* ---- Dump ---------------------------------------------------------------------------- */

static gboolean
dump_value (const Table *table, const Column *column, const JtValue *row, int index,
            JsonBuilder *builder, GError **error)
{
  const JtValue *value = &row[index];
  const char *held;
  g_autofree char *key = NULL;

  json_builder_set_member_name (builder, column->name);
  if (value->type == JT_VALUE_NULL)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }
  if (value->type == JT_VALUE_INTEGER && column->type == COLUMN_INTEGER)
    {
      json_builder_add_int_value (builder, value->integer);
      return TRUE;
    }
  /* JSON text is UTF-8, and a NUL inside would cut it short without a word. */
  if (value->type == JT_VALUE_TEXT && column->type == COLUMN_TEXT
      && g_utf8_validate_len (value->text, value->length, NULL))
    {
      json_builder_add_string_value (builder, value->text);
      return TRUE;
    }
  /* Only another program writes such values. A backup that cannot be restored is worse
   * than none, so say so now. */
  held = value->type == JT_VALUE_INTEGER ? _ ("a whole number")
         : value->type == JT_VALUE_FLOAT ? _ ("a number with a fraction")
         : value->type == JT_VALUE_BLOB  ? _ ("binary data")
         : column->type == COLUMN_TEXT   ? _ ("text that is not UTF-8 or holds a NUL character")
                                         : _ ("text");
  key = describe_values_row (table, row);
  g_set_error (error, JT_ERROR, JT_ERROR_DATABASE,
               _ ("cannot back up %s: its %s holds %s, where jobtrack keeps %s (was the database "
                  "changed by another program?)"),
               key, column->name, held, type_name (column->type));
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
  const char *files_dir; /* where the kept files are, to back up their content; or NULL */
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

typedef struct
{
  Dump *d;
  const Table *table;
  guint n;
} DumpTable;

static gboolean
dump_row (const JtValue *values, gpointer user_data, GError **error)
{
  DumpTable *t = user_data;
  Dump *d = t->d;
  g_autoptr (JsonNode) row = NULL;

  json_builder_reset (d->builder);
  json_builder_begin_object (d->builder);
  for (int c = 0; t->table->columns[c].name != NULL; c++)
    if (!dump_value (t->table, &t->table->columns[c], values, c, d->builder, error))
      return FALSE;
  json_builder_end_object (d->builder);
  row = json_builder_get_root (d->builder);
  g_string_append (d->block, t->n++ == 0 ? "\n" : ",\n");
  append_row (d, row);
  return d->block->len < DUMP_BLOCK || dump_flush (d, error);
}

static gboolean
dump_table (JtStore *store, const Table *table, Dump *d, GError **error)
{
  g_autofree const char **columns = column_names (table, G_MAXUINT);
  DumpTable t = { d, table, 0 };

  g_string_append_printf (d->block, "    \"%s\" : [", table->name);
  if (!jt_store_backup_read_table (store, table->name, columns, table->n_key, dump_row, &t, error))
    return FALSE;
  g_string_append (d->block, t.n > 0 ? "\n    ]" : "]");
  return TRUE;
}

/* The id counters of the AUTOINCREMENT tables: a restored database must never hand out
 * again an id that the original had used (and a person may have seen). 0 when the table
 * never had a row. */
static gboolean
dump_sequences (JtStore *store, Dump *d, GError **error)
{
  g_autoptr (GHashTable) seqs = jt_store_backup_read_sequences (store, error);
  guint n = 0;

  if (seqs == NULL)
    return FALSE;
  g_string_append (d->block, "  \"sequences\" : {");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].autoincrement != 0)
      {
        const gint64 *seq = g_hash_table_lookup (seqs, tables[t].name);

        g_string_append_printf (d->block, "%s    \"%s\" : %" G_GINT64_FORMAT,
                                n++ == 0 ? "\n" : ",\n", tables[t].name, seq != NULL ? *seq : 0);
      }
  g_string_append (d->block, n > 0 ? "\n  }" : "}");
  return TRUE;
}

/* The content of every kept file, base64, by its SHA-256: with it a restore puts the
 * files back, checked by their digest. A kept file that is missing or was altered fails
 * the backup, since it could not be restored as it was. */
static gboolean
dump_contents (JtStore *store, Dump *d, GError **error)
{
  g_autoptr (GPtrArray) files = jt_store_file_list (store, error);

  if (files == NULL)
    return FALSE;
  g_string_append (d->block, ",\n  \"contents\" : {");
  for (guint i = 0; i < files->len; i++)
    {
      const JtStoredFile *file = g_ptr_array_index (files, i);
      g_autoptr (GBytes) bytes = jt_documents_read_kept (d->files_dir, file->sha256, error);
      g_autofree char *encoded = NULL;

      if (bytes == NULL)
        {
          g_autofree char *name = jt_store_file_known_as (store, file->sha256, NULL);

          g_prefix_error (error, _ ("cannot back up the content of %s: "),
                          name != NULL ? name : file->sha256);
          return FALSE;
        }
      encoded = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* The digest is hex digits, the content base64: nothing in either to escape. */
      g_string_append_printf (d->block, "%s    \"%s\" : \"", i == 0 ? "\n" : ",\n", file->sha256);
      if (!dump_flush (d, error) || !d->write (encoded, strlen (encoded), d->user_data, error))
        return FALSE;
      g_string_append_c (d->block, '"');
    }
  g_string_append (d->block, files->len > 0 ? "\n  }" : "}");
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
  if (d->files_dir != NULL && !dump_contents (store, d, error))
    return FALSE;
  g_string_append (d->block, "\n}\n");
  return dump_flush (d, error);
}

gboolean
jt_backup_dump_write (JtStore *store, JtWriteFunc write, gpointer user_data, GError **error)
{
  return jt_backup_dump_write_files (store, NULL, write, user_data, error);
}

gboolean
jt_backup_dump_write_files (JtStore *store, const char *files_dir, JtWriteFunc write,
                            gpointer user_data, GError **error)
{
  Dump d = { write,
             user_data,
             g_string_sized_new (DUMP_BLOCK + 4096),
             json_builder_new (),
             json_generator_new (),
             files_dir };
  /* Every table is read in one read transaction: one consistent snapshot, even while the
   * daemon or another command writes. Inside a caller's transaction, that one is it. */
  g_autoptr (JtTransaction) snapshot = NULL;
  gboolean ok;

  json_generator_set_pretty (d.generator, TRUE);
  ok = (jt_store_in_transaction (store) || (snapshot = jt_store_begin_read (store, error)) != NULL)
       && dump_document (store, &d, error);
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
  return jt_backup_dump_with_files (store, NULL, error);
}

char *
jt_backup_dump_with_files (JtStore *store, const char *files_dir, GError **error)
{
  GString *text = g_string_new (NULL);

  if (!jt_backup_dump_write_files (store, files_dir, append_to_string, text, error))
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

  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("not a jobtrack backup: %s"), valid);
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
                return not_a_backup (error, _ ("it holds text with a NUL character (\\u0000)"));
              i++; /* skip the escaped character */
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > BACKUP_MAX_DEPTH)
        return not_a_backup (error, _ ("it is nested far deeper than a backup is"));
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
      return _ ("an object");
    case JSON_NODE_ARRAY:
      return _ ("a list");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return _ ("a whole number");
  if (type == G_TYPE_STRING)
    return _ ("text");
  if (type == G_TYPE_BOOLEAN)
    return _ ("true or false");
  return _ ("a number with a fraction");
}

/* Reads and checks the document's header: its format and version, the schema it was
 * made at (`schema`), and that it names only tables that schema has, each a list. */
static gboolean
read_header (JtStore *store, JsonNode *root, guint *schema, JsonObject **tables_out,
             JsonObject **sequences_out, GError **error)
{
  static const char *const header[]
      = { "format", "version", "schema", "tables", "sequences", "contents", NULL };
  guint known_schema = jt_store_get_schema_version (store);
  g_autoptr (GList) members = NULL;
  JsonObject *doc, *tables_object, *sequences = NULL;
  JsonNode *node;
  gint64 version, doc_schema;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return not_a_backup (error, _ ("it is not a JSON object"));
  doc = json_node_get_object (root);
  node = json_object_get_member (doc, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || !g_str_equal (json_node_get_string (node), BACKUP_FORMAT))
    return not_a_backup (error, _ ("it has no \"format\": \"jobtrack-backup\""));
  /* A newer version may have changed anything else, so it is told apart first. */
  version = header_int (doc, "version");
  doc_schema = header_int (doc, "schema");
  if (version > BACKUP_VERSION || doc_schema > known_schema)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("this backup was made by a newer jobtrack (this one reads backups up to "
                      "version %d, schema %u); upgrade jobtrack to restore it"),
                   BACKUP_VERSION, known_schema);
      return FALSE;
    }
  if (version < 1 || doc_schema < 1)
    return not_a_backup (error, _ ("its \"version\" or \"schema\" is missing or not a number"));
  *schema = (guint) doc_schema;

  members = json_object_get_members (doc);
  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (header, m->data))
      {
        g_autofree char *name = quote_name (m->data);
        g_autofree char *why
            = g_strdup_printf (_ ("it has a member %s that a backup does not have"), name);
        return not_a_backup (error, why);
      }

  node = json_object_get_member (doc, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return not_a_backup (error, _ ("it has no \"tables\" object"));
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
                       _ ("the backup has a table %s that a jobtrack database (schema %u) does not "
                          "have; is it from another program?"),
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
                       _ ("the backup is incomplete: it has no list of %s"), tables[t].name);
          return FALSE;
        }
      if (tables[t].autoincrement != 0 && tables[t].autoincrement <= *schema && sequences == NULL)
        {
          node = json_object_get_member (doc, "sequences");
          if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            return not_a_backup (error, _ ("it has no \"sequences\" object"));
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

          if (table == NULL || table->autoincrement == 0 || table->autoincrement > *schema
              || seq < 0)
            {
              g_autofree char *name = quote_name (m->data);
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           _ ("the backup's sequence %s is not the id counter of a jobtrack table"),
                           name);
              return FALSE;
            }
        }
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].autoincrement != 0 && tables[t].autoincrement <= *schema
        && header_int (sequences, tables[t].name) < 0)
      {
        g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                     _ ("the backup is incomplete: it has no id counter for %s"), tables[t].name);
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
  const char *names[G_N_ELEMENTS (tables) + 1] = { NULL };
  guint n = 0;
  gboolean any;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (!tables[t].file_facts)
      names[n++] = tables[t].name;
  if (!jt_store_backup_any_rows (store, names, &any, error))
    return FALSE;
  if (!any)
    return TRUE;
  g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
               _ ("the database %s already holds records; a backup is restored only into an "
                  "empty database (restore into a new one with --db FILE)"),
               jt_store_get_path (store));
  return FALSE;
}

/* Checks one row against the table's columns and reads it into `values`, one for each
 * column a backup of `schema` has (column_names). The texts are the row's own. */
static gboolean
read_row (const Table *table, guint schema, JsonNode *row, const char *what, JtValue *values,
          GError **error)
{
  JsonObject *object;
  g_autoptr (GList) members = NULL;
  int index = 0;

  if (!JSON_NODE_HOLDS_OBJECT (row))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the backup's %s is %s, not an object"),
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
                       _ ("the backup's %s has a column %s that jobtrack's %s (schema %u) does not "
                          "have; is it from another program?"),
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
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the backup's %s has no %s"), what,
                       column->name);
          return FALSE;
        }
      type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      if (JSON_NODE_HOLDS_NULL (node))
        values[index - 1] = (JtValue){ .type = JT_VALUE_NULL };
      else if (column->type == COLUMN_INTEGER && type == G_TYPE_INT64)
        values[index - 1]
            = (JtValue){ .type = JT_VALUE_INTEGER, .integer = json_node_get_int (node) };
      else if (column->type == COLUMN_TEXT && type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);

          /* json-glib reads an escape such as "\337" (not JSON) as that byte: the text
           * would be stored, and then no backup could be made of the database. */
          if (!g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                           _ ("the backup's %s has text that is not UTF-8 for %s"), what,
                           column->name);
              return FALSE;
            }
          values[index - 1]
              = (JtValue){ .type = JT_VALUE_TEXT, .text = text, .length = strlen (text) };
        }
      else
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("the backup's %s has %s for %s, which must be %s or null"), what,
                       json_kind (node), column->name, type_name (column->type));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
restore_table (JtStore *store, const Table *table, guint schema, JsonArray *rows, GError **error)
{
  g_autofree const char **columns = column_names (table, schema);
  g_autofree JtValue *values = g_new0 (JtValue, g_strv_length ((char **) columns) + 1);
  guint n_rows = json_array_get_length (rows);

  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      g_autofree char *what = describe_json_row (table, row, r + 1);

      if (!read_row (table, schema, row, what, values, error))
        return FALSE;
      if (!jt_store_backup_insert_row (store, table->name, columns, values, table->file_facts,
                                       error))
        {
          /* A constraint (a missing application, a duplicate id, an unknown status) is
           * the backup's fault here: JT_ERROR_INVALID; say which row broke it. */
          g_prefix_error (error, _ ("the backup's %s cannot be restored: "), what);
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

      if (seq != 0 && !jt_store_backup_raise_sequence (store, m->data, seq, error))
        return FALSE;
    }
  return TRUE;
}

/* Base64 as g_base64_encode writes it, and nothing else: g_base64_decode skips what it
 * cannot read, and a content quietly different from the one backed up would be worse
 * than a refusal. */
static gboolean
is_strict_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize padding = 0;

  if (length % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=' && i + 2 >= length)
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }
  return padding <= 2;
}

/* A name the backup's file is known by, for messages. New string. */
static char *
file_name_for_message (JtStore *store, const char *sha256)
{
  g_autofree char *name = jt_store_file_known_as (store, sha256, NULL);
  g_autofree char *shown = name != NULL ? jt_text_quote (name, 80) : NULL;

  /* TRANSLATORS: a file's name, then the first digits of its SHA-256. */
  return g_strdup_printf (_ ("%s (sha256 %.12s…)"), shown != NULL ? shown : "?", sha256);
}

/* The files' content the backup holds ("contents", by SHA-256), each checked against its
 * digest and the size the backup's `files` says, then kept in `files_dir` (NULL: only
 * checked). What the records name and the folder still lacks goes to `missing`. Run
 * after the tables are restored, inside the restore's transaction. */
static gboolean
restore_contents (JtStore *store, JsonObject *doc, const char *files_dir, GPtrArray *missing,
                  GError **error)
{
  JsonNode *node = json_object_get_member (doc, "contents");
  g_autoptr (GPtrArray) files = jt_store_file_list (store, error);
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) decoded = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GPtrArray) digests = g_ptr_array_new ();
  g_autoptr (GList) members = NULL;

  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      JtStoredFile *file = g_ptr_array_index (files, i);

      g_hash_table_insert (known, file->sha256, file);
    }
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    return not_a_backup (error, _ ("its \"contents\" is not an object"));
  members = node != NULL ? json_object_get_members (json_node_get_object (node)) : NULL;
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *sha256 = m->data;
      JsonNode *value = json_object_get_member (json_node_get_object (node), sha256);
      const JtStoredFile *file = g_hash_table_lookup (known, sha256);
      g_autofree char *name = NULL;
      g_autofree char *digest = NULL;
      guchar *data;
      gsize length = 0;
      GBytes *bytes;

      if (file == NULL)
        {
          g_autofree char *quoted = quote_name (sha256);
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("the backup holds the content of %s, a file its records do not name"),
                       quoted);
          return FALSE;
        }
      name = file_name_for_message (store, sha256);
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING
          || !is_strict_base64 (json_node_get_string (value)))
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("the backup's content of %s is not base64 text"), name);
          return FALSE;
        }
      data = g_base64_decode (json_node_get_string (value), &length);
      bytes = g_bytes_new_take (data, length);
      g_ptr_array_add (decoded, bytes);
      g_ptr_array_add (digests, (gpointer) sha256);
      digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if ((gint64) length != file->size || !g_str_equal (digest, sha256))
        {
          g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                       _ ("the backup's content of %s does not match its SHA-256: it was altered "
                          "or damaged, and is not restored"),
                       name);
          return FALSE;
        }
    }
  /* Every content checked before one is written. */
  for (guint i = 0; files_dir != NULL && i < decoded->len; i++)
    if (!jt_documents_keep (files_dir, g_ptr_array_index (digests, i),
                            g_ptr_array_index (decoded, i), error))
      return FALSE;
  for (guint i = 0; files_dir != NULL && missing != NULL && i < files->len; i++)
    {
      const JtStoredFile *file = g_ptr_array_index (files, i);

      if (!jt_documents_is_kept (files_dir, file->sha256, file->size))
        g_ptr_array_add (missing, file_name_for_message (store, file->sha256));
    }
  return TRUE;
}

gboolean
jt_backup_restore (JtStore *store, const char *json, gsize length, GError **error)
{
  return jt_backup_restore_files (store, json, length, NULL, NULL, error);
}

gboolean
jt_backup_restore_files (JtStore *store, const char *json, gsize length, const char *files_dir,
                         GPtrArray **missing, GError **error)
{
  g_autoptr (GPtrArray) lacking = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (JtTransaction) txn = NULL;
  JsonObject *tables_object = NULL, *sequences = NULL;
  guint schema = 0;

  if (json == NULL || length == 0)
    return not_a_backup (error, _ ("it is empty"));
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
  /* A backup of schema 12 does not say which posted dates were days alone. */
  if (schema == 12 && !jt_store_posting_fill_posted_day (store, error))
    return FALSE;
  if (schema < 11
      && json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "contents"))
    return not_a_backup (error, _ ("it holds the content of files, which its schema has not"));
  if (schema >= 11
      && !restore_contents (store, json_node_get_object (json_parser_get_root (parser)), files_dir,
                            lacking, error))
    return FALSE;
  if (!jt_transaction_commit (g_steal_pointer (&txn), error))
    return FALSE;
  if (missing != NULL)
    *missing = g_steal_pointer (&lacking);
  return TRUE;
}
