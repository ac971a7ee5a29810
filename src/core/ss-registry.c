/* ss-registry.c: numbering of protocols, fields and expert items */
#include "config.h"

#include <string.h>

#include "ss-dissectors.h"
#include "ss-registry.h"

struct _SsRegistry
{
  guint32            bases[SS_PROTO_COUNT];        /* field id of each protocol node */
  guint32            expert_bases[SS_PROTO_COUNT];
  GPtrArray         *fields;                       /* SsFieldId -> const SsFieldDef* */
  GArray            *field_proto;                  /* SsFieldId -> SsProtocolId */
  GPtrArray         *experts;
  GHashTable        *by_abbrev;                    /* abbrev -> id + 1 */
  SsFieldDef         proto_defs[SS_PROTO_COUNT];   /* the protocol nodes as fields */
  GPtrArray         *expert_defs;                  /* expert items as FT_NONE fields (owned) */
};

SsRegistry *
ss_registry_new (void)
{
  SsRegistry *reg = g_new0 (SsRegistry, 1);

  reg->fields = g_ptr_array_new ();
  reg->field_proto = g_array_new (FALSE, FALSE, sizeof (guint32));
  reg->experts = g_ptr_array_new ();
  reg->by_abbrev = g_hash_table_new (g_str_hash, g_str_equal);
  reg->expert_defs = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_dissectors_get (p);
      SsFieldDef *node = &reg->proto_defs[p];
      guint32 pid = p;

      g_assert (proto->id == p);
      node->abbrev = proto->abbrev;
      node->name = proto->name;
      node->type = SS_FT_PROTOCOL;

      reg->bases[p] = reg->fields->len;
      g_ptr_array_add (reg->fields, node);
      g_array_append_val (reg->field_proto, pid);
      if (!g_hash_table_contains (reg->by_abbrev, proto->abbrev))
        g_hash_table_insert (reg->by_abbrev, (gpointer) proto->abbrev,
                             GUINT_TO_POINTER (reg->bases[p] + 1));

      for (guint i = 0; i < proto->n_fields; i++)
        {
          const SsFieldDef *def = &proto->fields[i];
          guint32 id = reg->fields->len;

          g_ptr_array_add (reg->fields, (gpointer) def);
          g_array_append_val (reg->field_proto, pid);
          /* Some abbreviations are declared twice on purpose (Wireshark has several
           * registrations of one name); the first one is what a filter resolves to. */
          if (!g_hash_table_contains (reg->by_abbrev, def->abbrev))
            g_hash_table_insert (reg->by_abbrev, (gpointer) def->abbrev, GUINT_TO_POINTER (id + 1));
        }

      /* Each expert item is also a field of its own, right after the protocol's fields, so
       * `tcp.analysis.retransmission` can be filtered and printed like any field. */
      for (guint i = 0; i < proto->n_experts; i++)
        {
          SsFieldDef *def = g_new0 (SsFieldDef, 1);
          guint32 id = reg->fields->len;

          def->abbrev = proto->experts[i].abbrev;
          def->name = proto->experts[i].summary;
          def->type = SS_FT_NONE;
          g_ptr_array_add (reg->expert_defs, def);
          g_ptr_array_add (reg->fields, def);
          g_array_append_val (reg->field_proto, pid);
          if (!g_hash_table_contains (reg->by_abbrev, def->abbrev))
            g_hash_table_insert (reg->by_abbrev, (gpointer) def->abbrev, GUINT_TO_POINTER (id + 1));
        }

      reg->expert_bases[p] = reg->experts->len;
      for (guint i = 0; i < proto->n_experts; i++)
        g_ptr_array_add (reg->experts, (gpointer) &proto->experts[i]);
    }

  return reg;
}

void
ss_registry_free (SsRegistry *reg)
{
  if (!reg)
    return;
  g_ptr_array_unref (reg->fields);
  g_array_unref (reg->field_proto);
  g_ptr_array_unref (reg->experts);
  g_hash_table_unref (reg->by_abbrev);
  g_ptr_array_unref (reg->expert_defs);
  g_free (reg);
}

guint
ss_registry_get_n_fields (const SsRegistry *reg)
{
  return reg->fields->len;
}

const SsFieldDef *
ss_registry_get_field (const SsRegistry *reg,
                       SsFieldId         id)
{
  g_return_val_if_fail (id < reg->fields->len, NULL);
  return g_ptr_array_index (reg->fields, id);
}

const SsProtocol *
ss_registry_get_field_protocol (const SsRegistry *reg,
                                SsFieldId         id)
{
  g_return_val_if_fail (id < reg->fields->len, NULL);
  return ss_dissectors_get (g_array_index (reg->field_proto, guint32, id));
}

SsFieldId
ss_registry_lookup_field (const SsRegistry *reg,
                          const char       *abbrev)
{
  guint v = GPOINTER_TO_UINT (g_hash_table_lookup (reg->by_abbrev, abbrev));

  return v ? v - 1 : SS_FIELD_ID_NONE;
}

const SsProtocol *
ss_registry_get_protocol (const SsRegistry *reg,
                          SsProtocolId      proto)
{
  return ss_dissectors_get (proto);
}

const SsProtocol *
ss_registry_lookup_protocol (const SsRegistry *reg,
                             const char       *abbrev)
{
  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    if (strcmp (ss_dissectors_get (p)->abbrev, abbrev) == 0)
      return ss_dissectors_get (p);
  return NULL;
}

SsFieldId
ss_registry_get_protocol_field (const SsRegistry *reg,
                                SsProtocolId      proto)
{
  return reg->bases[proto];
}

const guint32 *
ss_registry_get_bases (const SsRegistry *reg)
{
  return reg->bases;
}

guint
ss_registry_get_n_experts (const SsRegistry *reg)
{
  return reg->experts->len;
}

const SsExpertDef *
ss_registry_get_expert (const SsRegistry *reg,
                        guint             id)
{
  g_return_val_if_fail (id < reg->experts->len, NULL);
  return g_ptr_array_index (reg->experts, id);
}

guint
ss_registry_get_expert_base (const SsRegistry *reg,
                             SsProtocolId      proto)
{
  return reg->expert_bases[proto];
}

static int
compare_abbrev (gconstpointer a,
                gconstpointer b)
{
  const SsFieldDef *fa = *(const SsFieldDef **) a;
  const SsFieldDef *fb = *(const SsFieldDef **) b;

  return strcmp (fa->abbrev, fb->abbrev);
}

GPtrArray *
ss_registry_list_fields (const SsRegistry *reg,
                         const char       *prefix)
{
  GPtrArray *out = g_ptr_array_new ();
  gsize plen = prefix ? strlen (prefix) : 0;

  for (guint i = 0; i < reg->fields->len; i++)
    {
      const SsFieldDef *def = g_ptr_array_index (reg->fields, i);

      if (strncmp (def->abbrev, prefix ? prefix : "", plen) == 0
          && ss_registry_lookup_field (reg, def->abbrev) == i)
        g_ptr_array_add (out, (gpointer) def);
    }
  g_ptr_array_sort (out, compare_abbrev);
  return out;
}
