/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-store-skills.h: the best skills to restate at the end of an interview, kept per
 * application (schema 0005), best first. At most JT_SKILLS_MAX of them. */
#pragma once

#include "jt-store.h"

G_BEGIN_DECLS

#define JT_SKILLS_MAX 5

/* Parses "a, b, c" (commas or new lines between skills; blanks dropped) into a new
 * NULL-terminated array. More than JT_SKILLS_MAX, or a skill repeated, is
 * JT_ERROR_INVALID. "" gives an empty array (it clears them). */
GStrv jt_skills_parse (const char *text, GError **error);

/* The application's skills, best first: a new NULL-terminated array, empty when none
 * were given. An unknown application is JT_ERROR_NOT_FOUND. */
GStrv jt_store_application_get_skills (JtStore *store, gint64 application_id, GError **error);

/* Replaces the application's skills (an empty array clears them). Runs inside a write
 * transaction. */
gboolean jt_store_application_set_skills (JtStore *store, gint64 application_id,
                                          const char *const *skills, gint64 now, GError **error);

G_END_DECLS
