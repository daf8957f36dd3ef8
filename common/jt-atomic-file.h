/* jt-atomic-file.h: replacing a file so that readers see the old or the new one whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes `length` bytes of `contents` to a new temporary file in the same folder as
 * `path` (".NAME.XXXXXX", created with O_EXCL, never following a symlink, mode 0600),
 * syncs it, renames it over `path` (a symlink there is replaced, not followed) and syncs
 * the folder. On any error the old file is left as it was, the temporary one is removed,
 * and the JT_ERROR names the file: "cannot write PATH: No space left on device"
 * (JT_ERROR_READ_ONLY when the folder may not be written, else JT_ERROR_FAILED). */
gboolean jt_atomic_file_write (const char *path, const char *contents, gsize length,
                               GError **error);

G_END_DECLS
