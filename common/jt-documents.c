/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-documents.c: reading a file to keep, and the folder of kept files. */
#include "jt-documents.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jt-atomic-file.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-text.h"

void
jt_document_file_free (JtDocumentFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->name);
  g_free (file->sha256);
  g_free (file->media_type);
  g_clear_pointer (&file->contents, g_bytes_unref);
  g_free (file);
}

/* "cannot attach PATH: WHY", the path as a terminal may show it. */
static gboolean
refuse (GError **error, const char *path, const char *why)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *shown = jt_text_clean (display, JT_TEXT_ONE_LINE, 200);

  g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("cannot keep %s: %s"), shown, why);
  return FALSE;
}

gboolean
jt_document_check_name (const char *name, const char *what, GError **error)
{
  g_autofree char *clean = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s is not UTF-8 text"), what);
      return FALSE;
    }
  clean = jt_text_clean (name, JT_TEXT_ONE_LINE, -1);
  if (strcmp (clean, name) != 0)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("%s holds control characters or line breaks"), what);
      return FALSE;
    }
  if (*g_strstrip (clean) == '\0')
    {
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("%s is empty"), what);
      return FALSE;
    }
  return TRUE;
}

/* Reads the whole of `fd`, at most `limit` bytes: more is TRUE with *too_large. */
static GBytes *
read_all (int fd, gint64 limit, gboolean *too_large, int *saved_errno)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  *too_large = FALSE;
  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return NULL;
        }
      if (n == 0)
        break;
      if ((gint64) data->len + n > limit)
        {
          *too_large = TRUE;
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

JtDocumentFile *
jt_document_file_read (const char *path, GError **error)
{
  g_autoptr (JtDocumentFile) file = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *limit
      = g_strdup_printf ("%" G_GINT64_FORMAT " MB", JT_DOCUMENT_MAX_BYTES / (1000 * 1000));
  g_autoptr (GError) name_error = NULL;
  gboolean too_large = FALSE;
  int saved_errno = 0;
  struct stat st;
  int fd;

  if (!jt_document_check_name (base, _ ("its name"), &name_error))
    {
      refuse (error, path, name_error->message);
      return NULL;
    }
  if (g_stat (path, &st) != 0)
    {
      refuse (error, path, g_strerror (errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      refuse (error, path, _ ("it is a folder; name the files in it"));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      refuse (error, path, _ ("it is not a regular file"));
      return NULL;
    }
  if (st.st_size > JT_DOCUMENT_MAX_BYTES)
    {
      g_autofree char *why = g_strdup_printf (
          /* TRANSLATORS: the file's size in bytes, then the limit ("50 MB"). */
          _ ("it is %" G_GINT64_FORMAT " bytes, over the limit of %s a document may be"),
          (gint64) st.st_size, limit);
      refuse (error, path, why);
      return NULL;
    }
  /* O_NONBLOCK: should it have become a FIFO since, the open does not hang. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      refuse (error, path, g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      refuse (error, path, _ ("it is not a regular file"));
      return NULL;
    }
  contents = read_all (fd, JT_DOCUMENT_MAX_BYTES, &too_large, &saved_errno);
  close (fd);
  if (too_large)
    {
      g_autofree char *why
          = g_strdup_printf (_ ("it is over the limit of %s a document may be"), limit);
      refuse (error, path, why);
      return NULL;
    }
  if (contents == NULL)
    {
      refuse (error, path, g_strerror (saved_errno));
      return NULL;
    }
  file = jt_document_file_new (base, contents);
  file->path = g_strdup (path);
  return g_steal_pointer (&file);
}

JtDocumentFile *
jt_document_file_new (const char *name, GBytes *contents)
{
  JtDocumentFile *file = g_new0 (JtDocumentFile, 1);
  g_autofree char *content_type = NULL;

  file->name = g_strdup (name);
  file->contents = g_bytes_ref (contents);
  file->size = (gint64) g_bytes_get_size (contents);
  file->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  content_type = g_content_type_guess (name, g_bytes_get_data (contents, NULL),
                                       g_bytes_get_size (contents), NULL);
  file->media_type = g_content_type_get_mime_type (content_type);
  if (file->media_type == NULL)
    file->media_type = g_strdup ("application/octet-stream");
  return file;
}

/* Words of a file's name, folded, that tell its kind. */
static const struct
{
  const char *word;
  JtDocumentKind kind;
} kind_words[] = {
  { "resume", JT_DOCUMENT_RESUME },
  { "résumé", JT_DOCUMENT_RESUME },
  { "cv", JT_DOCUMENT_RESUME },
  { "lebenslauf", JT_DOCUMENT_RESUME },
  { "cover", JT_DOCUMENT_COVER_LETTER },
  { "anschreiben", JT_DOCUMENT_COVER_LETTER },
  { "motivation", JT_DOCUMENT_COVER_LETTER },
  { "portfolio", JT_DOCUMENT_PORTFOLIO },
  { "samples", JT_DOCUMENT_PORTFOLIO },
  { "posting", JT_DOCUMENT_POSTING },
  { "job", JT_DOCUMENT_POSTING },
  { "stellenanzeige", JT_DOCUMENT_POSTING },
  { "ausschreibung", JT_DOCUMENT_POSTING },
};

gboolean
jt_document_kind_guess (const char *name, JtDocumentKind *kind)
{
  g_autofree char *folded = jt_text_fold (name);
  g_auto (GStrv) words = NULL;

  *kind = JT_DOCUMENT_OTHER;
  /* Words are runs of letters (with their accents): "CV_2026.pdf" → "cv", "2026",
   * "pdf"; "Jane-Doe-Resume.pdf" → "resume"; "backendcv.pdf" says nothing. */
  words = g_regex_split_simple ("[^\\p{L}\\p{M}]+", folded, 0, 0);
  /* The table's order decides: "job-application-cv.pdf" is a résumé, not a posting. */
  for (guint k = 0; k < G_N_ELEMENTS (kind_words); k++)
    {
      /* Folded alike: "Résumé" in any normal form is "résumé". */
      g_autofree char *word = jt_text_fold (kind_words[k].word);

      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_equal (words[i], word))
          {
            *kind = kind_words[k].kind;
            return TRUE;
          }
    }
  return FALSE;
}

gboolean
jt_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (const char *p = sha256; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

char *
jt_documents_path (const char *dir, const char *sha256)
{
  return g_build_filename (dir, sha256, NULL);
}

/* Opens the kept file of `sha256` in `dir` when it holds that whole content: a regular
 * file (never followed through a symlink) of `size` bytes whose SHA-256 is `sha256`. A
 * file truncated, damaged or changed in place is not, whatever its size. The descriptor
 * (read-only) is the caller's to close; -1 when there is no such file. */
static int
open_kept (const char *dir, const char *sha256, gint64 size)
{
  g_autofree char *path = jt_documents_path (dir, sha256);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[64 * 1024];
  gboolean whole = FALSE;
  gint64 total = 0;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return -1;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != size)
    {
      close (fd);
      return -1;
    }
  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          whole = n == 0;
          break;
        }
      g_checksum_update (checksum, buffer, (gsize) n);
      total += n;
    }
  if (!whole || total != size || !g_str_equal (g_checksum_get_string (checksum), sha256))
    {
      close (fd);
      return -1;
    }
  return fd;
}

gboolean
jt_documents_is_kept (const char *dir, const char *sha256, gint64 size)
{
  int fd = open_kept (dir, sha256, size);

  if (fd < 0)
    return FALSE;
  close (fd);
  return TRUE;
}

/* "cannot make PATH private: WHY" for `saved_errno`, a chmod that failed. */
static gboolean
refuse_private (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, JT_ERROR,
               saved_errno == EROFS || saved_errno == EPERM ? JT_ERROR_READ_ONLY : JT_ERROR_FAILED,
               _ ("cannot make %s private: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Gives the folder or file at `fd` (`path`) `mode` when it has another: a folder or file
 * made looser by hand is the person's alone again. */
static gboolean
make_private (int fd, const char *path, mode_t mode, GError **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0 || ((st.st_mode & 07777) != mode && fchmod (fd, mode) != 0))
    return refuse_private (error, path, errno);
  return TRUE;
}

gboolean
jt_documents_keep (const char *dir, const char *sha256, GBytes *contents, GError **error)
{
  g_autofree char *path = jt_documents_path (dir, sha256);
  gboolean ok;
  int fd;

  g_return_val_if_fail (jt_sha256_is_valid (sha256), FALSE);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, JT_ERROR,
                   errno == EROFS || errno == EACCES ? JT_ERROR_READ_ONLY : JT_ERROR_FAILED,
                   _ ("cannot create %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  /* The folder is 0700 whoever made it, and however long ago. */
  if ((fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) < 0)
    return refuse_private (error, dir, errno);
  ok = make_private (fd, dir, 0700, error);
  close (fd);
  if (!ok)
    return FALSE;
  /* A file of that name whose content has that digest is that content already (0600,
   * as a new one is); one damaged since, of the same size or not, is written again
   * whole, replacing it. */
  if ((fd = open_kept (dir, sha256, (gint64) g_bytes_get_size (contents))) >= 0)
    {
      ok = make_private (fd, path, 0600, error);
      close (fd);
      return ok;
    }
  return jt_atomic_file_write (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                               error);
}

GBytes *
jt_documents_read_kept (const char *dir, const char *sha256, GError **error)
{
  g_autofree char *path = jt_documents_path (dir, sha256);
  g_autofree char *digest = NULL;
  g_autoptr (GError) local_error = NULL;
  char *data = NULL;
  gsize length = 0;
  GBytes *bytes;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_NOT_FOUND, _ ("the kept file %s is missing: %s"), path,
                   local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (data, length);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!g_str_equal (digest, sha256))
    {
      g_bytes_unref (bytes);
      g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                   _ ("the kept file %s was changed: its content is no longer what was kept"),
                   path);
      return NULL;
    }
  return bytes;
}

gboolean
jt_documents_remove (const char *dir, const char *sha256, GError **error)
{
  g_autofree char *path = jt_documents_path (dir, sha256);

  g_return_val_if_fail (jt_sha256_is_valid (sha256), FALSE);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, JT_ERROR, JT_ERROR_FAILED, _ ("cannot remove %s: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
