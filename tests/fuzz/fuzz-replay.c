/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target over files and folders of inputs, without libFuzzer.
 *
 *   fuzz-replay-TARGET PATH…
 *
 * Each PATH is an input file or a folder of them (not recursive). Prints TAP, one line
 * per input; a crash or a failed assertion in the target stops the run, which meson
 * counts as a failure. Linked with any compiler, so the gcc build replays the corpora. */
#include <stdio.h>

#include "jt-fuzz.h"

static int count;

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      printf ("not ok %d - %s: %s\n", ++count, path, error->message);
      return;
    }
  /* A copy of exactly `length` bytes, so that ASan sees a read past the end. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, length);
    LLVMFuzzerTestOneInput (copy, length);
  }
  printf ("ok %d - %s\n", ++count, path);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
          g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_paths);
          for (guint j = 0; j < names->len; j++)
            replay_file (g_ptr_array_index (names, j));
        }
      else
        replay_file (argv[i]);
    }
  printf ("1..%d\n", count);
  return count > 0 ? 0 : 1;
}
