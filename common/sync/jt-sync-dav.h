/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jt-sync-dav.h: WebDAV and CalDAV XML (RFC 4918, 4791, 6578), built and read by libxml2.
 *
 * An answer is parsed without network access and without entities: a document with a
 * DOCTYPE (where entity expansion and external entities live) is refused whole, as no
 * DAV server sends one. A multistatus gives one response per href, the first when a
 * server repeats one; hrefs are resolved against the URL that answered and compared by
 * their unescaped path. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JT_DAV_NS "DAV:"
#define JT_CALDAV_NS "urn:ietf:params:xml:ns:caldav"
#define JT_CALSERVER_NS "http://calendarserver.org/ns/"

typedef struct
{
  const char *ns;
  const char *name;
} JtDavName;

/* Request bodies, new. */
GBytes *jt_dav_propfind_body (const JtDavName *props, guint n_props);
GBytes *jt_dav_sync_collection_body (const char *sync_token);
GBytes *jt_dav_multiget_body (const char *const *hrefs, guint n_hrefs);
GBytes *jt_dav_mkcalendar_body (const char *display_name);

typedef struct _JtDavMultistatus JtDavMultistatus;
typedef struct _JtDavResponse JtDavResponse;

/* Reads a 207 answer's body; `base` is the URL that answered. NULL with JT_ERROR_SERVER
 * when it is not a DAV multistatus, has a DOCTYPE or is not well-formed. */
JtDavMultistatus *jt_dav_multistatus_parse (GBytes *body, GUri *base, GError **error);
void jt_dav_multistatus_free (JtDavMultistatus *multistatus);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JtDavMultistatus, jt_dav_multistatus_free)

guint jt_dav_multistatus_length (const JtDavMultistatus *multistatus);
/* Borrowed from the multistatus. */
const JtDavResponse *jt_dav_multistatus_get (const JtDavMultistatus *multistatus, guint i);
/* The response for `path` (unescaped), or NULL. */
const JtDavResponse *jt_dav_multistatus_find (const JtDavMultistatus *multistatus,
                                              const char *path);
/* The sync-collection report's new token, or NULL; borrowed. */
const char *jt_dav_multistatus_sync_token (const JtDavMultistatus *multistatus);

/* The response's resource: its unescaped path, and its absolute URL; borrowed. */
const char *jt_dav_response_path (const JtDavResponse *response);
GUri *jt_dav_response_uri (const JtDavResponse *response);
/* The response's own status (a resource gone in a sync report: 404), or 0 when it
 * answers by property. */
guint jt_dav_response_status (const JtDavResponse *response);
/* Whether a property was found (in a 2xx propstat). */
gboolean jt_dav_response_has (const JtDavResponse *response, const char *ns, const char *name);
/* A property's text, new; NULL when it was not found. */
char *jt_dav_response_text (const JtDavResponse *response, const char *ns, const char *name);
/* The URL of the DAV:href inside a property (current-user-principal, calendar-home-set),
 * new; NULL when there is none. */
GUri *jt_dav_response_href (const JtDavResponse *response, const char *ns, const char *name);
/* Whether DAV:resourcetype holds the element ns:name (DAV:collection, CalDAV calendar). */
gboolean jt_dav_response_is (const JtDavResponse *response, const char *ns, const char *name);
/* Whether a calendar takes `component` ("VTODO"): its supported-calendar-component-set
 * names it, or it has none (which means every kind). */
gboolean jt_dav_response_takes (const JtDavResponse *response, const char *component);

/* A path unescaped, as responses are compared. New string. */
char *jt_dav_path_key (const char *path);

G_END_DECLS
