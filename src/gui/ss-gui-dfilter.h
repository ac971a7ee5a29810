/* ss-gui-dfilter.h: the display-filter engine as the GUI uses it
 *
 * The GUI always builds against src/dfilter. While that component is not part of the build yet
 * (meson defines SS_GUI_HAVE_DFILTER=0), these stand-ins keep the window usable: every non-empty
 * filter is refused with a message saying why, and completion still offers the registry's field
 * names. TODO(issue 3): drop the stand-ins once src/dfilter is always built.
 */
#pragma once

#include <glib/gi18n-lib.h>

#if SS_GUI_HAVE_DFILTER

#include "ss-dfilter.h"

#else /* !SS_GUI_HAVE_DFILTER */

#include "ss-packet.h"
#include "ss-registry.h"

G_BEGIN_DECLS

#define SS_DFILTER_ERROR (ss_gui_dfilter_error_quark ())

typedef struct
{
  gssize start;
  gssize end;
} SsDfilterLoc;

typedef struct _SsDfilter SsDfilter;

typedef struct
{
  const char *abbrev;
  const char *name;
  const char *type_name;
} SsDfilterCompletion;

static inline GQuark
ss_gui_dfilter_error_quark (void)
{
  return g_quark_from_static_string ("ss-gui-dfilter-error-quark");
}

static inline SsDfilter *
ss_dfilter_compile (const SsRegistry *reg,
                    const char       *text,
                    SsDfilterLoc     *loc,
                    GError          **error)
{
  if (loc)
    {
      loc->start = 0;
      loc->end = (gssize) strlen (text);
    }
  g_set_error_literal (error, SS_DFILTER_ERROR, 0,
                       _("Display filters are not available in this build"));
  return NULL;
}

static inline void
ss_dfilter_free (SsDfilter *df)
{
}

static inline gboolean
ss_dfilter_apply (const SsDfilter *df,
                  const SsPacket  *pkt)
{
  return TRUE;
}

static inline const SsFieldId *
ss_dfilter_get_fields (const SsDfilter *df,
                       guint           *n_fields)
{
  *n_fields = 0;
  return NULL;
}

static inline GPtrArray *
ss_dfilter_complete (const SsRegistry *reg,
                     const char       *prefix)
{
  g_autoptr(GPtrArray) fields = ss_registry_list_fields (reg, prefix);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < fields->len; i++)
    {
      const SsFieldDef *def = g_ptr_array_index (fields, i);
      SsDfilterCompletion *c = g_new0 (SsDfilterCompletion, 1);

      c->abbrev = def->abbrev;
      c->name = _(def->name);
      c->type_name = ss_field_type_name (def->type);
      g_ptr_array_add (out, c);
    }
  return out;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDfilter, ss_dfilter_free)

G_END_DECLS

#endif /* SS_GUI_HAVE_DFILTER */
