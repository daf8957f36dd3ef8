/* jt-atomic-file.c: write a temporary file next to the target, sync it, rename it over. */
#include "jt-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "jt-error.h"

/* A folder or file that may not be written, as opposed to a failure of the disk. */
static JtError
error_code_for (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return JT_ERROR_READ_ONLY;
    default:
      return JT_ERROR_FAILED;
    }
}

static gboolean
fail (const char *path, int saved_errno, GError **error)
{
  g_set_error (error, JT_ERROR, error_code_for (saved_errno), "cannot write %s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int fd, const char *contents, gsize length, int *saved_errno)
{
  while (length > 0)
    {
      ssize_t n = write (fd, contents, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      contents += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Makes the rename itself durable. Some file systems cannot sync a folder (EINVAL);
 * by then the new file is in place, so a failure here is not reported as one. */
static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    {
      g_debug ("cannot open %s to sync it: %s", folder, g_strerror (errno));
      return;
    }
  if (fsync (fd) < 0)
    g_debug ("cannot sync %s: %s", folder, g_strerror (errno));
  close (fd);
}

/* Writes go through a buffer of this size: an export arrives in pieces of a few
 * hundred bytes. */
#define BUFFER_SIZE (64 * 1024)

struct _JtAtomicFile
{
  char *path;
  char *temp;
  int fd;
  gsize used;
  char buffer[BUFFER_SIZE];
};

static gboolean
fail_file (JtAtomicFile *file, int saved_errno, GError **error)
{
  return fail (file->path, saved_errno, error);
}

JtAtomicFile *
jt_atomic_file_begin (const char *path, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  JtAtomicFile *file;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  file = g_new (JtAtomicFile, 1);
  file->path = g_strdup (path);
  /* Hidden, so that a program listing the folder does not take it for a calendar. */
  file->temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  file->used = 0;
  /* g_mkstemp_full adds O_CREAT | O_EXCL: a fresh file, never someone's symlink. */
  file->fd = g_mkstemp_full (file->temp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (file->fd < 0)
    {
      fail_file (file, errno, error);
      g_free (file->temp);
      g_free (file->path);
      g_free (file);
      return NULL;
    }
  return file;
}

static gboolean
flush_buffer (JtAtomicFile *file, GError **error)
{
  int saved_errno = 0;

  if (file->used > 0 && !write_all (file->fd, file->buffer, file->used, &saved_errno))
    return fail_file (file, saved_errno, error);
  file->used = 0;
  return TRUE;
}

gboolean
jt_atomic_file_append (JtAtomicFile *file, const char *data, gsize length, GError **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  if (length <= BUFFER_SIZE - file->used)
    {
      memcpy (file->buffer + file->used, data, length);
      file->used += length;
      return TRUE;
    }
  if (!flush_buffer (file, error))
    return FALSE;
  if (length < BUFFER_SIZE)
    {
      memcpy (file->buffer, data, length);
      file->used = length;
      return TRUE;
    }
  if (!write_all (file->fd, data, length, &saved_errno))
    return fail_file (file, saved_errno, error);
  return TRUE;
}

void
jt_atomic_file_abort (JtAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (file->temp != NULL)
    g_unlink (file->temp);
  g_free (file->temp);
  g_free (file->path);
  g_free (file);
}

gboolean
jt_atomic_file_commit (JtAtomicFile *file, GError **error)
{
  g_autoptr (JtAtomicFile) owned = file;
  g_autofree char *folder = NULL;
  int fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  if (!flush_buffer (file, error))
    return FALSE;
  if (fsync (file->fd) < 0)
    return fail_file (file, errno, error);
  /* NFS and some others report a full disk only now. */
  fd = file->fd;
  file->fd = -1;
  if (close (fd) < 0)
    return fail_file (file, errno, error);
  if (g_rename (file->temp, file->path) < 0)
    return fail_file (file, errno, error);
  /* In place: nothing left to remove. */
  g_clear_pointer (&file->temp, g_free);
  folder = g_path_get_dirname (file->path);
  sync_folder (folder);
  return TRUE;
}

gboolean
jt_atomic_file_write (const char *path, const char *contents, gsize length, GError **error)
{
  JtAtomicFile *file;

  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  if ((file = jt_atomic_file_begin (path, error)) == NULL)
    return FALSE;
  if (!jt_atomic_file_append (file, contents != NULL ? contents : "", length, error))
    {
      jt_atomic_file_abort (file);
      return FALSE;
    }
  return jt_atomic_file_commit (file, error);
}
