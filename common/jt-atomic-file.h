/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-atomic-file.h: replacing a file so that readers see the old or the new one whole. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes `length` bytes of `contents` to a new temporary file in the same folder as
 * `path`, mode 0600, and syncs it: written unnamed (O_TMPFILE) where the file system
 * allows, then given a fresh name ".NAME.PID.XXXXXX" (never replacing a name or
 * following a symlink, as O_EXCL), so that a writer killed mid-write leaves nothing
 * behind; else created under that name with O_EXCL. Such files of writers that are gone
 * (killed in the moment between naming and renaming) are removed first. Then renames
 * it over `path` (a symlink there is replaced, not followed) and syncs the folder. On
 * any error the old file is left as it was, the temporary one is removed, and the
 * JT_ERROR names the file: "cannot write PATH: No space left on device"
 * (JT_ERROR_READ_ONLY when the folder may not be written, else JT_ERROR_FAILED). */
gboolean jt_atomic_file_write (const char *path, const char *contents, gsize length,
                               GError **error);

/* The same, written piece by piece: a file too large to build in memory first. Begin
 * creates the temporary file; append writes to it (buffered); commit syncs it, names it
 * and renames it over `path`; abort (or a failed append or commit) removes it and leaves
 * `path` as it was. Commit and abort free the JtAtomicFile; after a failed append, call
 * abort. Errors are those of jt_atomic_file_write. */
typedef struct _JtAtomicFile JtAtomicFile;

JtAtomicFile *jt_atomic_file_begin (const char *path, GError **error);
gboolean jt_atomic_file_append (JtAtomicFile *file, const char *data, gsize length, GError **error);
gboolean jt_atomic_file_commit (JtAtomicFile *file, GError **error);
void jt_atomic_file_abort (JtAtomicFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtAtomicFile, jt_atomic_file_abort)

G_END_DECLS
