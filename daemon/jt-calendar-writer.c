/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-calendar-writer.c: followups.ics, rewritten when the export changes. */
#include "jt-calendar-writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jt-atomic-file.h"
#include "jt-error.h"
#include "jt-calendar-export.h"
#include "jt-ical.h"
#include "jt-paths.h"

#define CALENDAR_FILE "followups.ics"

struct _JtCalendarWriter
{
  char *path;
  /* What was last written, and the file as it was right after: if the file is no
   * longer that one (removed, replaced, edited), it is written again. */
  GBytes *written_digest; /* NULL until a write */
  dev_t dev;
  ino_t ino;
  off_t size;
  struct timespec mtime;
};

JtCalendarWriter *
jt_calendar_writer_new (const char *path)
{
  JtCalendarWriter *writer = g_new0 (JtCalendarWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);
  writer->path = g_strdup (path);
  return writer;
}

void
jt_calendar_writer_free (JtCalendarWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_pointer (&writer->written_digest, g_bytes_unref);
  g_free (writer->path);
  g_free (writer);
}

char *
jt_calendar_writer_default_path (void)
{
  g_autofree char *dir = jt_paths_data_dir ();

  return g_build_filename (dir, CALENDAR_FILE, NULL);
}

/* SHA-256 digests: the writer keeps 32 bytes, not the whole calendar. */
static GBytes *
digest_of (GChecksum *checksum)
{
  guint8 buffer[32];
  gsize size = sizeof buffer;

  g_checksum_get_digest (checksum, buffer, &size);
  return g_bytes_new (buffer, size);
}

static gboolean
same_timespec (const struct timespec *a, const struct timespec *b)
{
  return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* TRUE when the file on disk is still the one this writer wrote last. */
static gboolean
file_is_ours (JtCalendarWriter *writer)
{
  struct stat st;

  if (writer->written_digest == NULL || lstat (writer->path, &st) != 0)
    return FALSE;
  return S_ISREG (st.st_mode) && st.st_dev == writer->dev && st.st_ino == writer->ino
         && st.st_size == writer->size && same_timespec (&st.st_mtim, &writer->mtime);
}

static void
remember_file (JtCalendarWriter *writer, GBytes *digest)
{
  struct stat st;

  g_clear_pointer (&writer->written_digest, g_bytes_unref);
  if (lstat (writer->path, &st) != 0)
    return;
  writer->written_digest = g_bytes_ref (digest);
  writer->dev = st.st_dev;
  writer->ino = st.st_ino;
  writer->size = st.st_size;
  writer->mtime = st.st_mtim;
}

/* The digest of the file at `path` as it is, or NULL when it cannot be read or is not a
 * regular file (a symlink is never taken for ours; a FIFO must not block the open). */
static GBytes *
digest_of_file (const char *path)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[64 * 1024];
  ssize_t n;
  struct stat st;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          return NULL;
        }
      g_checksum_update (checksum, buffer, n);
    }
  close (fd);
  return digest_of (checksum);
}

/* Where the export goes: the temporary file that may replace the calendar, and the
 * digest of what it holds. */
typedef struct
{
  JtAtomicFile *file;
  GChecksum *checksum;
  gsize length;
  GCancellable *cancellable;
} Pass;

static gboolean
write_piece (const char *text, gsize length, gpointer user_data, GError **error)
{
  Pass *pass = user_data;

  if (g_cancellable_is_cancelled (pass->cancellable))
    {
      g_set_error (error, JT_ERROR, JT_ERROR_CANCELLED, "the calendar update was cancelled");
      return FALSE;
    }
  g_checksum_update (pass->checksum, (const guchar *) text, (gssize) length);
  pass->length += length;
  return jt_atomic_file_append (pass->file, text, length, error);
}

/* The export is written to a temporary file as it is printed (a large calendar is
 * never held in memory), which replaces the calendar only when its text is new. */
gboolean
jt_calendar_writer_update (JtCalendarWriter *writer, JtStore *store, gint64 now, GTimeZone *tz,
                           const JtConfig *config, GCancellable *cancellable, GError **error)
{
  g_autofree char *folder = NULL;
  g_autoptr (GBytes) digest = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  Pass pass = { NULL, checksum, 0, cancellable };

  g_return_val_if_fail (writer != NULL, FALSE);
  /* Before anything is made: without the module there is no calendar to write. */
  if (jt_ical_load (error) == NULL)
    return FALSE;
  folder = g_path_get_dirname (writer->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, JT_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? JT_ERROR_READ_ONLY
                                                                 : JT_ERROR_FAILED,
                   "cannot create %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  if ((pass.file = jt_atomic_file_begin (writer->path, error)) == NULL)
    return FALSE;
  if (!jt_calendar_export_write (store, FALSE, now, tz, config, write_piece, &pass, error))
    {
      jt_atomic_file_abort (pass.file);
      return FALSE;
    }
  digest = digest_of (checksum);
  if (file_is_ours (writer) && g_bytes_equal (digest, writer->written_digest))
    {
      jt_atomic_file_abort (pass.file);
      return TRUE;
    }
  /* A calendar left by an earlier run that already says the same is left alone, so
   * that subscribers do not see a change that is none. */
  if (writer->written_digest == NULL)
    {
      g_autoptr (GBytes) on_disk = digest_of_file (writer->path);

      if (on_disk != NULL && g_bytes_equal (digest, on_disk))
        {
          jt_atomic_file_abort (pass.file);
          remember_file (writer, digest);
          return TRUE;
        }
    }
  if (!jt_atomic_file_commit (pass.file, error))
    return FALSE;
  remember_file (writer, digest);
  g_debug ("wrote the calendar %s (%" G_GSIZE_FORMAT " bytes)", writer->path, pass.length);
  return TRUE;
}
