/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobtrack-sync-login.c: `jobtrack sync login|logout`: the [caldav] password kept in the
 * Secret Service (common/sync/jt-sync-keyring.h), asked for once. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "jobtrack-commands.h"
#include "jt-error.h"
#include "jt-i18n.h"
#include "jt-sync-keyring.h"
#include "jt-sync-password.h"

/* Longer than any password a person types or a manager makes. */
#define MAX_PASSWORD 4096

/* The first line of stdin, asked for without echo on a terminal. New string to wipe and
 * free with jt_sync_password_free, or NULL with an error. */
static char *
read_password (const char *question, GError **error)
{
  char buffer[MAX_PASSWORD + 2];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char *line;
  char *password = NULL;
  gsize length;

  if (tty)
    {
      fputs (question, stderr);
      fflush (stderr);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }
  length = line != NULL ? strcspn (buffer, "\r\n") : 0;
  if (line != NULL && length > MAX_PASSWORD)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID, _ ("the password is longer than %d bytes"),
                 MAX_PASSWORD);
  else if (length == 0)
    g_set_error (error, JT_ERROR, JT_ERROR_INVALID,
                 _ ("no password given (type it, or give it on standard input)"));
  else
    password = g_strndup (buffer, length);
  explicit_bzero (buffer, sizeof buffer);
  return password;
}

int
jt_cli_sync_login (JtCli *cli, gboolean logout)
{
  const JtConfig *config;
  GError *error = NULL;
  char *password;
  gboolean ok, removed;

  if ((config = jt_cli_config (cli, &error)) == NULL)
    return jt_cli_fail (error);
  if (*config->caldav_url == '\0' || *config->caldav_username == '\0')
    return jt_cli_fail (g_error_new (JT_ERROR, JT_ERROR_INVALID,
                                     _ ("set [caldav] url and username in the config file "
                                        "first (see jobtrack.conf(5))")));
  if (logout)
    {
      if (!jt_sync_keyring_clear (config->caldav_url, config->caldav_username, &removed, &error))
        return jt_cli_fail (error);
      printf (removed ? _ ("Removed the password of %s from the Secret Service.\n")
                      : _ ("The Secret Service held no password of %s.\n"),
              config->caldav_username);
      return JT_EXIT_OK;
    }
  {
    g_autofree char *question = g_strdup_printf (_ ("Password of %s at %s: "),
                                                 config->caldav_username, config->caldav_url);

    if ((password = read_password (question, &error)) == NULL)
      return jt_cli_fail (error);
  }
  ok = jt_sync_keyring_store (config->caldav_url, config->caldav_username, password, &error);
  jt_sync_password_free (password);
  if (!ok)
    return jt_cli_fail (error);
  printf (_ ("Stored the password of %s in the Secret Service; 'jobtrack sync' and jobtrackd "
             "use it.\n"),
          config->caldav_username);
  if (*config->caldav_password_cmd != '\0')
    g_printerr (_ ("jobtrack: note: [caldav] password_cmd is set, and is used instead\n"));
  return JT_EXIT_OK;
}
