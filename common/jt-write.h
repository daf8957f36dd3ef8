/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-write.h: where a long text goes as it is made (the calendar, a backup), instead of
 * being held whole in memory. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Receives the text, piece by piece and in order. FALSE with an error set stops the
 * writer, which then fails with that error. */
typedef gboolean (*JtWriteFunc) (const char *text, gsize length, gpointer user_data,
                                 GError **error);

G_END_DECLS
