/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-error.h: the one error domain every jobtrack function reports in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JT_ERROR (jt_error_quark ())

typedef enum
{
  JT_ERROR_FAILED,         /* anything without a better code */
  JT_ERROR_INVALID,        /* bad user input: a date, a field, a value out of range */
  JT_ERROR_NOT_FOUND,      /* an id or name that names nothing */
  JT_ERROR_DATABASE,       /* SQLite said no for a reason not listed below */
  JT_ERROR_BUSY,           /* another process held the database past the busy timeout */
  JT_ERROR_READ_ONLY,      /* the database file or its folder cannot be written */
  JT_ERROR_NEWER_SCHEMA,   /* the database was made by a newer jobtrack */
  JT_ERROR_NOT_A_DATABASE, /* the file is not a SQLite database */
  JT_ERROR_CANCELLED,      /* the person answered "no" */
  JT_ERROR_INTERNAL,       /* a bug in jobtrack (a constraint of the schema refused a write) */
  JT_ERROR_NETWORK,        /* a server out of reach, too slow or failing (5xx): try later */
  JT_ERROR_AUTH,           /* a server refused the login (401): trying again will not help */
  JT_ERROR_SERVER,         /* a server's answer jobtrack cannot use, or a refusal (4xx) */
} JtError;

GQuark jt_error_quark (void);

G_END_DECLS
