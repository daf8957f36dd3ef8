/* jt-atomic-file.c: write a temporary file next to the target, sync it, rename it over. */
#include "jt-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
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

/* Removes the temporary files of `base` that writers killed mid-write left in `folder`:
 * ".NAME.PID.XXXXXX" whose process is gone. One whose PID is alive (a writer at work,
 * or an unrelated process that reused the number) is left alone. Best effort. */
static void
remove_stale_temporaries (const char *folder, const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *rest = name + strlen (prefix);
      char *end = NULL;
      guint64 pid;

      if (!g_str_has_prefix (name, prefix) || !g_ascii_isdigit (*rest))
        continue;
      pid = g_ascii_strtoull (rest, &end, 10);
      if (end == NULL || *end != '.' || strlen (end + 1) != 6 || pid == 0 || pid > G_MAXINT
          || (pid_t) pid == getpid ())
        continue;
      if (kill ((pid_t) pid, 0) < 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          if (g_unlink (path) == 0)
            g_debug ("removed %s, left by a writer that was killed", path);
        }
    }
}

/* An unnamed file in `folder` (O_TMPFILE): a process killed while writing it leaves
 * nothing behind. -1 where the file system cannot make one; the caller falls back to a
 * named temporary file. */
static int
open_unnamed (const char *folder)
{
#ifdef O_TMPFILE
  return open (folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

/* Gives the unnamed file `fd` the name `temp` (a fresh ".NAME.XXXXXX"): linkat never
 * replaces an existing name and never follows a symlink at the new one, so this is
 * O_EXCL and O_NOFOLLOW too. Retries a few names; FALSE with errno set. */
static gboolean
name_unnamed (int fd, char *temp)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);
  gsize length = strlen (temp);

  for (int attempt = 0; attempt < 100; attempt++)
    {
      static const char letters[] =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

      for (gsize i = length - 6; i < length; i++)
        temp[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

/* Writes and syncs `fd`; FALSE with *saved_errno set. */
static gboolean
write_and_sync (int fd, const char *contents, gsize length, int *saved_errno)
{
  if (!write_all (fd, contents, length, saved_errno))
    return FALSE;
  if (fsync (fd) < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/* Closes `fd`; NFS and some others report a full disk only now. */
static gboolean
close_checked (int fd, int *saved_errno)
{
  if (close (fd) < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

/* Writes the file unnamed in `folder`, then names it `temp`. -1 where the file system
 * cannot make unnamed files or they cannot be named (no /proc): the caller writes a
 * named temporary file instead. 0 on success, else an errno. */
static int
write_unnamed (const char *folder, char *temp, const char *contents, gsize length)
{
  int saved_errno = 0;
  int fd = open_unnamed (folder);

  if (fd < 0)
    return errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL ? -1 : errno;
  if (!write_and_sync (fd, contents, length, &saved_errno))
    {
      close (fd);
      return saved_errno;
    }
  if (!name_unnamed (fd, temp))
    {
      saved_errno = errno;
      close (fd);
      g_debug ("cannot name an unnamed file in %s: %s", folder, g_strerror (saved_errno));
      return saved_errno == EEXIST ? saved_errno : -1;
    }
  if (!close_checked (fd, &saved_errno))
    {
      g_unlink (temp);
      return saved_errno;
    }
  return 0;
}

/* Writes the file as `temp`, created O_EXCL (g_mkstemp_full adds O_CREAT | O_EXCL: a
 * fresh file, never someone's symlink). 0 on success, else an errno. */
static int
write_named (char *temp, const char *contents, gsize length)
{
  int saved_errno = 0;
  int fd = g_mkstemp_full (temp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    return errno;
  if (!write_and_sync (fd, contents, length, &saved_errno))
    {
      close (fd);
      g_unlink (temp);
      return saved_errno;
    }
  if (!close_checked (fd, &saved_errno))
    {
      g_unlink (temp);
      return saved_errno;
    }
  return 0;
}

gboolean
jt_atomic_file_write (const char *path, const char *contents, gsize length, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int saved_errno;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, so that a program listing the folder does not take it for a calendar; with
   * our PID, so that the next writer can tell a leftover from a write in progress. */
  temp = g_strdup_printf ("%s/.%s.%d.XXXXXX", folder, base, (int) getpid ());
  if (contents == NULL)
    contents = "";
  remove_stale_temporaries (folder, base);

  /* Written unnamed, then named and renamed: only between those two steps (microseconds)
   * can a writer killed with SIGKILL leave a temporary file behind, and the next write
   * to `path` removes it. */
  saved_errno = write_unnamed (folder, temp, contents, length);
  if (saved_errno < 0)
    {
      g_free (temp);
      temp = g_strdup_printf ("%s/.%s.%d.XXXXXX", folder, base, (int) getpid ());
      saved_errno = write_named (temp, contents, length);
    }
  if (saved_errno != 0)
    return fail (path, saved_errno, error);
  if (g_rename (temp, path) < 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return fail (path, saved_errno, error);
    }
  sync_folder (folder);
  return TRUE;
}
