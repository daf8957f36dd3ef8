/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-documents.h: the documents of applications and the named résumé versions
 * (schema/0011-documents.sql). The database holds what is known of each file (its
 * SHA-256, size, media type) and who uses it; the content is kept outside, by
 * jt-documents.h. Writes run inside a JtTransaction; they mark nothing for the rules,
 * which read no document. Returned records are new. */
#pragma once

#include "jt-records.h"
#include "jt-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  gint64 application_id;
  JtDocumentKind kind;
  char *sha256;             /* 64 lowercase hex digits */
  char *name;               /* the file's name when it was attached */
  char *note;               /* or NULL */
  gint64 resume_version_id; /* 0 when it points at no résumé version */
  gint64 attached_at;
  /* Filled when reading: */
  char *resume_version; /* the version's name, or NULL */
  gint64 size;
  char *media_type;
} JtDocument;

typedef struct
{
  gint64 id;
  char *name; /* "backend-v3" */
  char *sha256;
  char *original_name; /* the file's name when it was added */
  char *note;          /* or NULL */
  gint64 created_at;
  /* Filled when reading: */
  gint64 size;
  char *media_type;
  guint applications; /* how many applications point at it (listings only) */
} JtResumeVersion;

/* What is known of one kept file. */
typedef struct
{
  char *sha256;
  gint64 size;
  char *media_type;
} JtStoredFile;

JtDocument *jt_document_new (void);
void jt_document_free (JtDocument *document);
JtResumeVersion *jt_resume_version_new (void);
void jt_resume_version_free (JtResumeVersion *version);
void jt_stored_file_free (JtStoredFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtDocument, jt_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtResumeVersion, jt_resume_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtStoredFile, jt_stored_file_free)

/* Records a kept file (nothing when it is known already: the first media type stays). */
gboolean jt_store_file_add (JtStore *store, const char *sha256, gint64 size, const char *media_type,
                            gint64 now, GError **error);

/* Every kept file, by SHA-256. A new array of JtStoredFile*. */
GPtrArray *jt_store_file_list (JtStore *store, GError **error);

/* A name the file `sha256` is known by (a document's, else a résumé version's), for
 * messages; NULL without an error when nothing uses it. New string. */
char *jt_store_file_known_as (JtStore *store, const char *sha256, GError **error);

/* Forgets the file `sha256` when no document and no résumé version uses it any more;
 * `removed` says whether it did (its content may then be deleted, after the commit). */
gboolean jt_store_file_release (JtStore *store, const char *sha256, gboolean *removed,
                                GError **error);

/* Inserts `document` (its file recorded first), attached at `now`; sets its id. An
 * application that already points at the same résumé version is JT_ERROR_INVALID. */
gboolean jt_store_document_insert (JtStore *store, JtDocument *document, gint64 now,
                                   GError **error);

/* The application's documents, oldest first. A new array of JtDocument*. */
GPtrArray *jt_store_document_list (JtStore *store, gint64 application_id, GError **error);

/* The document `id` of the application; JT_ERROR_NOT_FOUND when it has none of that id. */
JtDocument *jt_store_document_get (JtStore *store, gint64 application_id, gint64 id,
                                   GError **error);

/* The résumé attached to the application last; NULL without an error when it has none. */
JtDocument *jt_store_document_latest_resume (JtStore *store, gint64 application_id, GError **error);

/* The document of the application that points at the résumé version `version_id`, in
 * `id`; 0 when there is none. */
gboolean jt_store_document_with_resume_version (JtStore *store, gint64 application_id,
                                                gint64 version_id, gint64 *id, GError **error);

/* Removes the document `id` of the application (its file stays kept). */
gboolean jt_store_document_delete (JtStore *store, gint64 application_id, gint64 id,
                                   GError **error);

/* The files the application's documents use, each once. A new NULL-terminated array. */
GStrv jt_store_document_application_files (JtStore *store, gint64 application_id, GError **error);

/* Inserts the résumé version (its file recorded first), added at `now`; sets its id. A
 * name that is taken is JT_ERROR_INVALID. */
gboolean jt_store_resume_version_insert (JtStore *store, JtResumeVersion *version, gint64 now,
                                         GError **error);

/* The version named `name`; JT_ERROR_NOT_FOUND naming it when there is none. */
JtResumeVersion *jt_store_resume_version_find (JtStore *store, const char *name, GError **error);

/* Every version, oldest first, each with how many applications point at it. A new array
 * of JtResumeVersion*. */
GPtrArray *jt_store_resume_version_list (JtStore *store, GError **error);

G_END_DECLS
