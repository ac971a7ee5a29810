/* Tests for src/core/ss-registry.c: every declared field is well formed */
#include "config.h"

#include <string.h>

#include "ss-dissectors.h"
#include "ss-registry.h"

static void
test_abbrevs_unique (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_dissectors_get (p);

      for (guint i = 0; i < proto->n_fields; i++)
        {
          const char *a = proto->fields[i].abbrev;

          if (g_hash_table_contains (seen, a))
            g_error ("field %s is declared twice", a);
          g_hash_table_add (seen, (gpointer) a);
        }
    }
}

static void
test_prefix_matches_protocol (void)
{
  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_dissectors_get (p);
      gsize n = strlen (proto->abbrev);

      g_assert_cmpint (proto->id, ==, p);
      for (guint i = 0; i < proto->n_fields; i++)
        {
          const char *a = proto->fields[i].abbrev;

          if (strncmp (a, proto->abbrev, n) != 0 || a[n] != '.')
            g_error ("field %s does not sit under protocol %s", a, proto->abbrev);
          g_assert_nonnull (proto->fields[i].name);
        }
      for (guint i = 0; i < proto->n_experts; i++)
        g_assert_nonnull (proto->experts[i].summary);
    }
}

static void
test_masks_fit_type (void)
{
  for (guint p = 0; p < SS_PROTO_COUNT; p++)
    {
      const SsProtocol *proto = ss_dissectors_get (p);

      for (guint i = 0; i < proto->n_fields; i++)
        {
          const SsFieldDef *f = &proto->fields[i];
          guint bits;

          if (!f->mask)
            continue;
          bits = f->type == SS_FT_BOOLEAN ? f->display : ss_field_type_bits (f->type);
          if (bits == 0)
            g_error ("field %s has a mask but no width", f->abbrev);
          if (bits < 64 && (f->mask >> bits) != 0)
            g_error ("mask 0x%" G_GINT64_MODIFIER "x of %s does not fit in %u bits", f->mask,
                     f->abbrev, bits);
        }
    }
}

static void
test_lookup (void)
{
  g_autoptr(SsRegistry) reg = ss_registry_new ();
  SsFieldId id = ss_registry_lookup_field (reg, "tcp.srcport");
  g_autoptr(GPtrArray) list = NULL;

  g_assert_cmpuint (id, !=, SS_FIELD_ID_NONE);
  g_assert_cmpstr (ss_registry_get_field (reg, id)->abbrev, ==, "tcp.srcport");
  g_assert_true (ss_registry_get_field_protocol (reg, id) == &ss_proto_tcp);
  g_assert_cmpuint (ss_registry_lookup_field (reg, "tcp"), ==,
                    ss_registry_get_protocol_field (reg, SS_PROTO_TCP));
  g_assert_cmpuint (ss_registry_lookup_field (reg, "htp"), ==, SS_FIELD_ID_NONE);

  list = ss_registry_list_fields (reg, "tcp.flags.");
  g_assert_cmpuint (list->len, >=, 9);
  for (guint i = 0; i < list->len; i++)
    g_assert_true (g_str_has_prefix (((const SsFieldDef *) list->pdata[i])->abbrev, "tcp.flags."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/registry/abbrevs-unique", test_abbrevs_unique);
  g_test_add_func ("/core/registry/prefix-matches-protocol", test_prefix_matches_protocol);
  g_test_add_func ("/core/registry/masks-fit-type", test_masks_fit_type);
  g_test_add_func ("/core/registry/lookup", test_lookup);
  return g_test_run ();
}
