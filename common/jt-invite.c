/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-invite.c: the invitation's plain record (see jt-invite.h). */
#include "jt-invite.h"

/* All empty. Free with jt_invite_free. */
JtInvite *
jt_invite_new (void)
{
  return g_new0 (JtInvite, 1);
}

void
jt_invite_free (JtInvite *invite)
{
  if (invite == NULL)
    return;
  g_free (invite->uid);
  g_free (invite->place);
  g_free (invite->summary);
  g_free (invite->company);
  g_free (invite->company_source);
  g_free (invite->role);
  g_clear_pointer (&invite->people, g_ptr_array_unref);
  g_free (invite);
}
