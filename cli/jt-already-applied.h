/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-already-applied.h: the "you applied here before" note of `add` and `app add`. */
#pragma once

#include "jt-cli.h"

/* Tells on stderr which applications the company (by family: "ACME Inc." = "acme gmbh")
 * already has: the role, the status and, for one that ended, when; for a rejection,
 * when the re-contact call is due. Prints nothing when there are none. Never fails the
 * command: a database error here is reported as a note too. */
void jt_cli_warn_already_applied (JtCli *cli, const char *company);
/* The same, from inside the write transaction the command holds on `store` (its
 * writer, jt_cli_store's), which also takes the families worked out. */
void jt_cli_warn_already_applied_in (JtCli *cli, JtStore *store, const char *company);
