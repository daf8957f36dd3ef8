/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-commands.h: the entry point of each top-level command, one file each. */
#pragma once

#include "jt-cli.h"
#include "jt-store-documents.h"

int jt_cmd_add (JtCli *cli, int argc, char **argv);
int jt_cmd_show (JtCli *cli, int argc, char **argv);
int jt_cmd_app (JtCli *cli, int argc, char **argv);
int jt_cmd_interview (JtCli *cli, int argc, char **argv);
int jt_cmd_contact (JtCli *cli, int argc, char **argv);
int jt_cmd_offer (JtCli *cli, int argc, char **argv);
int jt_cmd_touch (JtCli *cli, int argc, char **argv);
int jt_cmd_outcome (JtCli *cli, int argc, char **argv);
int jt_cmd_agenda (JtCli *cli, int argc, char **argv);
int jt_cmd_done (JtCli *cli, int argc, char **argv);
int jt_cmd_snooze (JtCli *cli, int argc, char **argv);
int jt_cmd_dismiss (JtCli *cli, int argc, char **argv);
int jt_cmd_remind (JtCli *cli, int argc, char **argv);
int jt_cmd_config (JtCli *cli, int argc, char **argv);
int jt_cmd_export (JtCli *cli, int argc, char **argv);
int jt_cmd_import (JtCli *cli, int argc, char **argv);
int jt_cmd_complete (JtCli *cli, int argc, char **argv);
int jt_cmd_letter (JtCli *cli, int argc, char **argv);
int jt_cmd_prep (JtCli *cli, int argc, char **argv);

/* Prints the interview-close checklist of an application (jobtrack-prep.c), as text or
 * JSON; shared with `add`, which prints it for an interview still ahead. */
gboolean jt_cli_print_prep (JtCli *cli, gint64 application_id, gboolean json, GError **error);
int jt_cmd_search (JtCli *cli, int argc, char **argv);
int jt_cmd_stats (JtCli *cli, int argc, char **argv);
int jt_cmd_sync (JtCli *cli, int argc, char **argv);
/* `sync login` (the password asked for and kept in the Secret Service) and `sync logout`
 * (jobtrack-sync-login.c). */
int jt_cli_sync_login (JtCli *cli, gboolean logout);

/* The documents of an application (jobtrack-app-documents.c): `app attach`, `app files`,
 * `app detach`. */
int jt_cmd_app_attach (JtCli *cli, int argc, char **argv);
int jt_cmd_app_files (JtCli *cli, int argc, char **argv);
int jt_cmd_app_detach (JtCli *cli, int argc, char **argv);
/* Prints `documents` (JtDocument*) as a table, a kept file that is missing said so. */
void jt_cli_print_documents (JtCli *cli, const GPtrArray *documents);
/* Points the application at the résumé version named `version_name` with a new document
 * (inside the caller's write transaction); `attached` (may be NULL) gets it, new. */
gboolean jt_cli_attach_resume_version (JtCli *cli, JtStore *store, gint64 application_id,
                                       const char *version_name, const char *note,
                                       JtDocument **attached, GError **error);
int jt_cmd_open (JtCli *cli, int argc, char **argv);
int jt_cmd_capture (JtCli *cli, int argc, char **argv);
int jt_cmd_posting (JtCli *cli, int argc, char **argv);
int jt_cmd_resume (JtCli *cli, int argc, char **argv);
