/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-error.c: the JT_ERROR domain. */
#include "jt-error.h"

G_DEFINE_QUARK (jt - error - quark, jt_error)
