/* jt-calendar-writer.c: followups.ics, rewritten when the export changes. */
#include "jt-calendar-writer.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "jt-atomic-file.h"
#include "jt-error.h"
#include "jt-ical-export.h"
#include "jt-paths.h"

#define CALENDAR_FILE "followups.ics"

struct _JtCalendarWriter
{
  JtStore *store;
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
jt_calendar_writer_new (JtStore *store, const char *path)
{
  JtCalendarWriter *writer = g_new0 (JtCalendarWriter, 1);

  g_return_val_if_fail (store != NULL && path != NULL, NULL);
  writer->store = store;
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

const char *
jt_calendar_writer_get_path (JtCalendarWriter *writer)
{
  return writer->path;
}

char *
jt_calendar_writer_default_path (void)
{
  g_autofree char *dir = jt_paths_data_dir ();

  return g_build_filename (dir, CALENDAR_FILE, NULL);
}

/* A SHA-256 digest of `text`, so the writer keeps 32 bytes, not the whole calendar. */
static GBytes *
digest_of (const char *text, gsize length)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[32];
  gsize size = sizeof buffer;

  g_checksum_update (checksum, (const guchar *) text, (gssize) length);
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

/* TRUE when the file already holds `text` (a calendar left by an earlier run): it is
 * left alone, so that subscribers do not see a change that is none. */
static gboolean
file_holds (JtCalendarWriter *writer, const char *text, gsize length)
{
  g_autofree char *contents = NULL;
  gsize contents_length = 0;

  if (g_file_test (writer->path, G_FILE_TEST_IS_SYMLINK)
      || !g_file_get_contents (writer->path, &contents, &contents_length, NULL))
    return FALSE;
  return contents_length == length && memcmp (contents, text, length) == 0;
}

gboolean
jt_calendar_writer_update (JtCalendarWriter *writer, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (GBytes) digest = NULL;
  gsize length;

  g_return_val_if_fail (writer != NULL, FALSE);
  text = jt_ical_export (writer->store, FALSE, error);
  if (text == NULL)
    return FALSE;
  length = strlen (text);
  digest = digest_of (text, length);
  if (file_is_ours (writer) && g_bytes_equal (digest, writer->written_digest))
    return TRUE;
  if (writer->written_digest == NULL && file_holds (writer, text, length))
    {
      remember_file (writer, digest);
      return TRUE;
    }

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
  if (!jt_atomic_file_write (writer->path, text, length, error))
    return FALSE;
  remember_file (writer, digest);
  g_debug ("wrote the calendar %s (%" G_GSIZE_FORMAT " bytes)", writer->path, length);
  return TRUE;
}
