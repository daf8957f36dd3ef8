/* jt-atomic-file.c: write a temporary file next to the target, sync it, rename it over. */
#include "jt-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
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

gboolean
jt_atomic_file_write (const char *path, const char *contents, gsize length, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, so that a program listing the folder does not take it for a calendar. */
  temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  /* g_mkstemp_full adds O_CREAT | O_EXCL: a fresh file, never someone's symlink. */
  fd = g_mkstemp_full (temp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail (path, errno, error);

  if (!write_all (fd, contents != NULL ? contents : "", length, &saved_errno))
    goto failed;
  if (fsync (fd) < 0)
    {
      saved_errno = errno;
      goto failed;
    }
  /* NFS and some others report a full disk only now. */
  if (close (fd) < 0)
    {
      fd = -1;
      saved_errno = errno;
      goto failed;
    }
  fd = -1;
  if (g_rename (temp, path) < 0)
    {
      saved_errno = errno;
      goto failed;
    }
  sync_folder (folder);
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return fail (path, saved_errno, error);
}
