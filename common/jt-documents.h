/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-documents.h: the files kept with applications (a résumé, a cover letter, the
 * posting), outside the database.
 *
 * Each content is kept once, named by its SHA-256 (64 lowercase hex digits), in the
 * folder of its database (jt_paths_files_dir: mode 0700, files 0600): the same résumé
 * sent to twenty employers is one file. A file is written to a temporary name in that
 * folder and renamed (jt-atomic-file.h), so a name there is always a whole content.
 * What the database knows of each (size, media type, who uses it) is the store's
 * (jt-store-documents.h). Only `app rm` deletes a kept file, and only one nothing else
 * in its database uses. */
#pragma once

#include <glib.h>

#include "jt-records.h"

G_BEGIN_DECLS

/* The largest file kept: 50 MB (50,000,000 bytes). */
#define JT_DOCUMENT_MAX_BYTES (G_GINT64_CONSTANT (50) * 1000 * 1000)

/* A file read to be kept: its content, digest and what it is. */
typedef struct
{
  char *path;       /* as given */
  char *name;       /* its own name (the last part of the path), UTF-8 */
  char *sha256;     /* of the content */
  gint64 size;      /* bytes */
  char *media_type; /* a MIME type ("application/pdf"), guessed by GIO from name and content */
  GBytes *contents;
} JtDocumentFile;

void jt_document_file_free (JtDocumentFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtDocumentFile, jt_document_file_free)

/* Reads the file at `path` to keep it. Refused with JT_ERROR_INVALID, in one line that
 * names the file: one that does not exist or cannot be read, a folder or anything but a
 * regular file, one over JT_DOCUMENT_MAX_BYTES (the limit is said), and a name that is
 * not UTF-8 or holds control characters. New file, or NULL. */
JtDocumentFile *jt_document_file_read (const char *path, GError **error);

/* A file of content `contents` (referenced) named `name` (a valid one: see
 * jt_document_check_name), with its digest and media type, as if read; path NULL. New. */
JtDocumentFile *jt_document_file_new (const char *name, GBytes *contents);

/* Checks a name a person gives (a résumé version's): one line of text, no control
 * characters, not blank. `what` names it in the error ("the résumé version's name"). */
gboolean jt_document_check_name (const char *name, const char *what, GError **error);

/* The kind a file's name suggests: résumé for "resume", "cv", "lebenslauf"; cover
 * letter for "cover", "anschreiben", "motivation"; portfolio for "portfolio", "work
 * samples"; posting for "posting", "job", "stellenanzeige", "ausschreibung". FALSE (and
 * JT_DOCUMENT_OTHER) when it suggests none. */
gboolean jt_document_kind_guess (const char *name, JtDocumentKind *kind);

/* TRUE for 64 lowercase hex digits. */
gboolean jt_sha256_is_valid (const char *sha256);

/* The kept file of `sha256` in `dir`. New string. */
char *jt_documents_path (const char *dir, const char *sha256);

/* Keeps `contents` (whose digest is `sha256`) in `dir`, creating the folder if needed;
 * the folder is made 0700 and the file 0600 even when they were looser. A content kept
 * already, whole, is not written again, and a kept file of that name that no longer
 * holds it (damaged, even at the same size) is replaced. A mode that cannot be set is
 * an error ("cannot make PATH private: …"). */
gboolean jt_documents_keep (const char *dir, const char *sha256, GBytes *contents, GError **error);

/* TRUE when `dir` holds the whole content of `sha256`: a regular file of `size` bytes
 * whose digest is checked (the file is read). */
gboolean jt_documents_is_kept (const char *dir, const char *sha256, gint64 size);

/* The kept content of `sha256`, checked against its digest: a file missing or altered is
 * JT_ERROR_NOT_FOUND or JT_ERROR_INVALID. New bytes, or NULL. */
GBytes *jt_documents_read_kept (const char *dir, const char *sha256, GError **error);

/* Deletes the kept file of `sha256`, if there is one (after the store let go of it:
 * jt_store_file_release). */
gboolean jt_documents_remove (const char *dir, const char *sha256, GError **error);

G_END_DECLS
