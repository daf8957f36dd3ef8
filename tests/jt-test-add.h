/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-test-add.h: registering a test of a fixture in one line. The test file defines
 * the `Fixture` type and its `fixture_set_up` and `fixture_tear_down`; `path` is the
 * whole test path ("/search/ranking"). */
#pragma once

#include <glib.h>

#define JT_TEST_ADD(path, func)                                                                    \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
