/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include "jt-i18n.h"

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
  g_set_error (error, JT_ERROR, error_code_for (saved_errno), _ ("cannot write %s: %s"), path,
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
      static const char letters[]
          = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

      for (gsize i = length - 6; i < length; i++)
        temp[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

/* Writes go through a buffer of this size: an export arrives in pieces of a few
 * hundred bytes. */
#define BUFFER_SIZE (64 * 1024)

struct _JtAtomicFile
{
  char *path;
  char *folder;
  char *temp;     /* ".NAME.PID.XXXXXX": the name it has, or will be given */
  gboolean named; /* `temp` exists on disk (a named file, or an unnamed one named) */
  int fd;
  gsize used;
  char buffer[BUFFER_SIZE];
};

static gboolean
fail_file (JtAtomicFile *file, int saved_errno, GError **error)
{
  return fail (file->path, saved_errno, error);
}

/* Whether an unnamed file can be named here: linkat needs /proc/self/fd. */
static gboolean
can_name_unnamed (void)
{
  return g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR);
}

void
jt_atomic_file_abort (JtAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (file->named)
    g_unlink (file->temp);
  g_free (file->temp);
  g_free (file->folder);
  g_free (file->path);
  g_free (file);
}

JtAtomicFile *
jt_atomic_file_begin (const char *path, GError **error)
{
  g_autoptr (JtAtomicFile) file = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  file = g_new0 (JtAtomicFile, 1);
  file->fd = -1;
  file->path = g_strdup (path);
  file->folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, so that a program listing the folder does not take it for a calendar; with
   * our PID, so that the next writer can tell a leftover from a write in progress. */
  file->temp = g_strdup_printf ("%s/.%s.%d.XXXXXX", file->folder, base, (int) getpid ());
  remove_stale_temporaries (file->folder, base);

  /* Written unnamed, then named and renamed at commit: only between those two steps
   * (microseconds) can a writer killed with SIGKILL leave a temporary file behind, and
   * the next write to `path` removes it. */
  if (can_name_unnamed ())
    {
      file->fd = open_unnamed (file->folder);
      if (file->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          fail_file (file, errno, error);
          return NULL;
        }
    }
  if (file->fd < 0)
    {
      /* g_mkstemp_full adds O_CREAT | O_EXCL: a fresh file, never someone's symlink. */
      file->fd = g_mkstemp_full (file->temp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (file->fd < 0)
        {
          fail_file (file, errno, error);
          return NULL;
        }
      file->named = TRUE;
    }
  return g_steal_pointer (&file);
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

gboolean
jt_atomic_file_commit (JtAtomicFile *taken, GError **error)
{
  /* Freed (and removed if not yet renamed) on every return. */
  g_autoptr (JtAtomicFile) file = taken;
  int fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);
  if (!flush_buffer (file, error))
    return FALSE;
  if (fsync (file->fd) < 0)
    return fail_file (file, errno, error);
  if (!file->named)
    {
      if (!name_unnamed (file->fd, file->temp))
        return fail_file (file, errno, error);
      file->named = TRUE;
    }
  /* NFS and some others report a full disk only now. */
  fd = file->fd;
  file->fd = -1;
  if (close (fd) < 0)
    return fail_file (file, errno, error);
  if (g_rename (file->temp, file->path) < 0)
    return fail_file (file, errno, error);
  /* In place: nothing left to remove. */
  file->named = FALSE;
  sync_folder (file->folder);
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
