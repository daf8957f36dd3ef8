/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-invite.c: the invitation's plain record (see jt-invite.h). */
#include "jt-invite.h"

/* All empty. Free with jt_invite_free. */
JtInvite *
jt_invite_new (void)
{
  return g_new0 (JtInvite, 1);
}

static gpointer
copy_contact (gconstpointer contact, G_GNUC_UNUSED gpointer unused)
{
  return jt_contact_copy (contact);
}

JtInvite *
jt_invite_copy (const JtInvite *invite)
{
  JtInvite *copy = g_memdup2 (invite, sizeof *invite);

  copy->uid = g_strdup (invite->uid);
  copy->recurrence_id = g_strdup (invite->recurrence_id);
  copy->place = g_strdup (invite->place);
  copy->summary = g_strdup (invite->summary);
  copy->company = g_strdup (invite->company);
  copy->company_source = g_strdup (invite->company_source);
  copy->role = g_strdup (invite->role);
  if (invite->people != NULL)
    copy->people = g_ptr_array_copy (invite->people, copy_contact, NULL);
  return copy;
}

char *
jt_invite_key (const JtInvite *invite)
{
  if (invite->recurrence_id == NULL)
    return g_strdup (invite->uid);
  return g_strconcat (invite->uid, JT_INVITE_MEETING_SEPARATOR, invite->recurrence_id, NULL);
}

void
jt_invite_free (JtInvite *invite)
{
  if (invite == NULL)
    return;
  g_free (invite->uid);
  g_free (invite->recurrence_id);
  g_free (invite->place);
  g_free (invite->summary);
  g_free (invite->company);
  g_free (invite->company_source);
  g_free (invite->role);
  g_clear_pointer (&invite->people, g_ptr_array_unref);
  g_free (invite);
}
