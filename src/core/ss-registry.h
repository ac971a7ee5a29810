/* ss-registry.h: every protocol and field, numbered once */
#pragma once

#include <glib.h>

#include "ss-protocol.h"

G_BEGIN_DECLS

typedef struct _SsRegistry SsRegistry;

/* A field id: the protocol's own node first, then its fields in table order. */
typedef guint32 SsFieldId;

#define SS_FIELD_ID_NONE G_MAXUINT32

SsRegistry        *ss_registry_new              (void);
void               ss_registry_free             (SsRegistry        *reg);

guint              ss_registry_get_n_fields     (const SsRegistry  *reg);
const SsFieldDef  *ss_registry_get_field        (const SsRegistry  *reg,
                                                 SsFieldId          id);
/* The protocol a field belongs to. */
const SsProtocol  *ss_registry_get_field_protocol (const SsRegistry *reg,
                                                 SsFieldId          id);
SsFieldId          ss_registry_lookup_field     (const SsRegistry  *reg,
                                                 const char        *abbrev);
const SsProtocol  *ss_registry_get_protocol     (const SsRegistry  *reg,
                                                 SsProtocolId       proto);
const SsProtocol  *ss_registry_lookup_protocol  (const SsRegistry  *reg,
                                                 const char        *abbrev);
/* Id of the protocol node itself ("tcp"). */
SsFieldId          ss_registry_get_protocol_field (const SsRegistry *reg,
                                                 SsProtocolId       proto);
/* Id of field @index of @proto's table. */
static inline SsFieldId
ss_registry_field_id (const guint32 *bases, SsProtocolId proto, guint index)
{
  return bases[proto] + 1 + index;
}
const guint32     *ss_registry_get_bases        (const SsRegistry  *reg);
/* Id of expert item @index of @proto as a field: it follows the protocol's own fields. */
static inline SsFieldId
ss_registry_expert_field_id (const guint32 *bases, const SsProtocol *proto, guint index)
{
  return bases[proto->id] + 1 + proto->n_fields + index;
}

/* Expert items are numbered the same way, in their own space. */
guint              ss_registry_get_n_experts    (const SsRegistry  *reg);
const SsExpertDef *ss_registry_get_expert       (const SsRegistry  *reg,
                                                 guint              id);
guint              ss_registry_get_expert_base  (const SsRegistry  *reg,
                                                 SsProtocolId       proto);

/* Fields whose abbreviation starts with @prefix, sorted (for completion). Borrowed pointers. */
GPtrArray         *ss_registry_list_fields      (const SsRegistry  *reg,
                                                 const char        *prefix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsRegistry, ss_registry_free)

G_END_DECLS
