/* jt-atomic-file.h: replacing a file so that readers see the old or the new one whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes `length` bytes of `contents` to a new temporary file in the same folder as
 * `path`, mode 0600, and syncs it: written unnamed (O_TMPFILE) where the file system
 * allows, then given a fresh name ".NAME.PID.XXXXXX" (never replacing a name or
 * following a symlink, as O_EXCL), so that a writer killed mid-write leaves nothing
 * behind; else created under that name with O_EXCL. Such files of writers that are gone
 * (killed in the moment between naming and renaming) are removed first. Then renames it over `path` (a symlink there is
 * replaced, not followed) and syncs the folder. On any error the old file is left as it was, the temporary one is removed,
 * and the JT_ERROR names the file: "cannot write PATH: No space left on device"
 * (JT_ERROR_READ_ONLY when the folder may not be written, else JT_ERROR_FAILED). */
gboolean jt_atomic_file_write (const char *path, const char *contents, gsize length,
                               GError **error);

G_END_DECLS
