/* jt-ical-module.c: the entry point of the iCalendar module (jt-ical.h). */
#include <gmodule.h>

#include "jt-ical.h"
#include "jt-version.h"

G_MODULE_EXPORT const JtIcal *jt_ical_module (void);

const JtIcal *
jt_ical_module (void)
{
  static const JtIcal ical = {
    .version = JT_VERSION,
    .export_write = jt_ical_export_write,
    .import = jt_ical_import,
  };

  return &ical;
}
