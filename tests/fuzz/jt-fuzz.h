/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-fuzz.h: what every fuzz target defines, and helpers they share.
 *
 * A target is one file with LLVMFuzzerTestOneInput (and LLVMFuzzerInitialize). Built
 * with clang and -fsanitize=fuzzer it is a libFuzzer binary (meson -Dfuzzing=true);
 * in every build it is also linked with fuzz-replay.c into a replay program that the
 * test suite runs over the seed corpus in tests/fuzz/corpus/TARGET/. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "jt-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Called first by every LLVMFuzzerInitialize: a GLib critical (a failed precondition
 * somewhere in jobtrack's code or below it) aborts, so the fuzzer counts it as a crash. */
void jt_fuzz_init (void);

/* A fresh database in a private temporary folder (on /dev/shm when there is one: the
 * targets commit often and the disk need not sync). Aborts when it cannot: a target
 * without its database would find nothing. */
JtStore *jt_fuzz_store_new (void);

/* Closes `store` and removes its file and folder. */
void jt_fuzz_store_free (JtStore *store);

/* A temporary file path for targets that read a file; in the same kind of folder. */
char *jt_fuzz_temp_path (const char *name);
