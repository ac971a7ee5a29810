/* Tests for ss-dfilter-semantic.c and ss-dfilter-literal.c: fields against the registry,
 * literals read as the type on the other side, and tshark's messages and places */
#include "config.h"

#include <string.h>
#include <time.h>

#include "ss-dfilter-private.h"

static SsRegistry *reg;

static char *
compile (const char *text)
{
  g_autoptr(SsDfilter) df = NULL;
  g_autoptr(GError) error = NULL;
  SsDfilterLoc loc = { -2, -2 };
  char *dump;

  df = ss_dfilter_compile (reg, text, &loc, &error);
  if (!df)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SS_DFILTER_ERROR);
      return g_strdup_printf ("ERROR@%" G_GSSIZE_FORMAT "-%" G_GSSIZE_FORMAT ": %s", loc.start,
                              loc.end, error->message);
    }
  dump = ss_dfilter_dup_dump (df);
  g_strchomp (dump);
  return dump;
}

#define assert_compile(text, expected) G_STMT_START { \
    g_autofree char *__got = compile (text); \
    g_assert_cmpstr (__got, ==, (expected)); \
  } G_STMT_END

static void
test_fields (void)
{
  assert_compile ("", "TRUE");
  assert_compile ("tcp", "EXISTS tcp");
  assert_compile ("tcp.port == 80", "CMP tcp.port == 80");
  assert_compile ("htp", "ERROR@0-3: htp is neither a field nor a protocol name.");
  assert_compile ("tcp && htp.foo",
                  "ERROR@7-14: htp.foo is neither a field nor a protocol name.");
  assert_compile ("htp == 1",
                  "ERROR@0-3: Left side of \"==\" expression must be a field or function, not "
                  "htp.");
  assert_compile ("1 eq tcp.port",
                  "ERROR@0-1: Left side of \"eq\" expression must be a field or function, not 1.");
  assert_compile ("\"abc\" == \"abc\"",
                  "ERROR@0-5: Left side of \"==\" expression must be a field or function, not "
                  "\"abc\".");
  assert_compile ("10.0.0.1", "ERROR@0-8: 10.0.0.1 is neither a field nor a protocol name.");
  assert_compile ("\"abc\"", "ERROR@0-5: \"abc\" is neither a field nor a protocol name.");
  assert_compile (".foo", "ERROR@0-4: \"foo\" is not a valid protocol or protocol field.");
}

static void
test_integers (void)
{
  assert_compile ("tcp.port == 0x50", "CMP tcp.port == 80");
  assert_compile ("tcp.port == 0120", "CMP tcp.port == 80");
  assert_compile ("frame.len == 0b101", "CMP frame.len == 5");
  assert_compile ("ip.ttl == 300", "ERROR@10-13: \"300\" too big for this field, maximum 255.");
  assert_compile ("tcp.port == 65536",
                  "ERROR@12-17: \"65536\" too big for this field, maximum 65535.");
  assert_compile ("tcp.port == 18446744073709551616",
                  "ERROR@12-32: \"18446744073709551616\" causes an integer overflow.");
  assert_compile ("tcp.port == 09", "ERROR@12-14: \"09\" is not a valid number.");
  assert_compile ("tcp.port == htp", "ERROR@12-15: \"htp\" is not a valid number.");
  assert_compile ("tcp.port == \"80\"",
                  "ERROR@12-16: Unsigned integer (2 bytes) cannot be converted from a string "
                  "(\"80\").");
  assert_compile ("ip.ttl == '@'", "CMP ip.ttl == 64");
  assert_compile ("tcp.window_size_scalefactor == -1", "CMP tcp.window_size_scalefactor == -1");
  assert_compile ("tcp.window_size_scalefactor == -2147483649",
                  "ERROR@32-42: \"2147483649\" too big for this field, maximum 2147483647.");
  /* Unsigned negation wraps as in Wireshark, so tcp.port > -1 is never true. */
  assert_compile ("tcp.port > -1", "CMP tcp.port > 4294967295");
}

static void
test_value_names (void)
{
  assert_compile ("ip.proto == TCP", "CMP ip.proto == 6");
  assert_compile ("ip.proto == \"udp\"", "CMP ip.proto == 17");
  assert_compile ("eth.type == IPv4", "CMP eth.type == 2048");
  assert_compile ("ip.proto == \"Foo\"",
                  "ERROR@12-17: \"Foo\" cannot be found among the possible values for ip.proto.");
  assert_compile ("ip.proto == tcp",
                  "ERROR@12-15: ip.proto and tcp are not of compatible types.");
  assert_compile ("tcp.flags.syn == Set", "CMP tcp.flags.syn == 1");
  assert_compile ("tcp.flags.syn == \"not set\"", "CMP tcp.flags.syn == 0");
  assert_compile ("tcp.flags.syn == True", "CMP tcp.flags.syn == 1");
  assert_compile ("tcp.flags.syn == FALSE", "CMP tcp.flags.syn == 0");
  assert_compile ("tcp.flags.syn == 2", "CMP tcp.flags.syn == 1");
  assert_compile ("tcp.flags.syn == true",
                  "ERROR@17-21: \"true\" cannot be found among the possible values for "
                  "tcp.flags.syn.");
}

static void
test_addresses (void)
{
  assert_compile ("ip.src == 10.0.0.0/8", "CMP ip.src == 10.0.0.0/8");
  assert_compile ("ip.src == 10.1.2.3", "CMP ip.src == 10.1.2.3/32");
  assert_compile ("ip.src == 10.1.2.3/33",
                  "ERROR@10-21: Netmask bits in a CIDR IPv4 address should be <= 32, not 33");
  assert_compile ("ip.src == fe80::1",
                  "ERROR@10-17: \"fe80::1\" is not a valid hostname or IPv4 address.");
  assert_compile ("ip.src == \"10.0.0.1\"",
                  "ERROR@10-20: IPv4 address cannot be converted from a string (\"10.0.0.1\").");
  assert_compile ("eth.src == 00-11-22-33-44-55", "CMP eth.src == 00:11:22:33:44:55");
  assert_compile ("eth.src == 0011.2233.4455", "CMP eth.src == 00:11:22:33:44:55");
  assert_compile ("eth.src == 001122334455", "CMP eth.src == 00:11:22:33:44:55");
  assert_compile ("eth.src == aa:bb",
                  "ERROR@11-16: \"aa:bb\" contains too few bytes to be a valid Ethernet address.");
  assert_compile ("eth.src == broadcast",
                  "ERROR@11-20: \"broadcast\" is not a valid Ethernet address.");
  assert_compile ("eth.src contains 55", "CMP eth.src contains 55");
  assert_compile ("ip.src == eth.src",
                  "ERROR@10-17: ip.src and eth.src are not of compatible types.");
  assert_compile ("ip.addr == 10.0.0.1 / 24", "ERROR@11-19: FT_IPv4 cannot /.");
}

static void
test_ipv6 (void)
{
  if (ss_registry_lookup_field (reg, "ipv6.src") == SS_FIELD_ID_NONE)
    {
      g_test_skip ("no IPv6 fields in the registry");
      return;
    }
  assert_compile ("ipv6.src == fe80::/10",
                  "CMP ipv6.src == fe80:0000:0000:0000:0000:0000:0000:0000/10");
  assert_compile ("ipv6.src == ::1/129",
                  "ERROR@12-19: Prefix in a IPv6 address should be <= 128, not 129");
  assert_compile ("ipv6.src == 10.0.0.1",
                  "ERROR@12-20: \"10.0.0.1\" is not a valid hostname or IPv6 address.");
  assert_compile ("ipv6.addr in {::1, fd00::/8}",
                  "IN ipv6.addr in {0000:0000:0000:0000:0000:0000:0000:0001/128, "
                  "fd00:0000:0000:0000:0000:0000:0000:0000/8}");
}

static void
test_bytes_and_slices (void)
{
  assert_compile ("eth.src[0:3] == 0e-55-da", "CMP eth.src[0:3] == 0e:55:da");
  assert_compile ("eth.src[0] == 0x0e", "CMP eth.src[0:1] == 0e");
  assert_compile ("eth.src[0] == 14", "CMP eth.src[0:1] == 14");
  assert_compile ("frame contains a", "CMP frame contains 0a");
  assert_compile ("frame contains \"GET\"", "CMP frame contains 47:45:54");
  assert_compile ("frame == zz", "ERROR@9-11: \"zz\" is not a valid byte string.");
  assert_compile ("frame == 0x100", "ERROR@9-14: \"0x100\" is not a valid byte string.");
  assert_compile ("ip.src == ip.dst[0:4]", "CMP ip.src[0:] == ip.dst[0:4]");
  assert_compile ("tcp.port[0] == 0",
                  "ERROR@0-8: \"tcp.port\" is a Unsigned integer (2 bytes) and cannot be sliced "
                  "into a sequence of bytes.");
  assert_compile ("tcp.port == 1 [0]", "ERROR@12-13: Range is not supported for entity 1");
  assert_compile ("ip.src == 1.2.3.4 #2", "ERROR@10-17: 1.2.3.4 is not a valid field");
  assert_compile ("tcp.payload == frame",
                  "ERROR@15-20: tcp.payload and frame are not of compatible types.");
}

static void
test_operators_per_type (void)
{
  assert_compile ("tcp.port contains 80",
                  "ERROR@0-8: tcp.port (type=Unsigned integer (2 bytes)) cannot participate in "
                  "contains comparison.");
  assert_compile ("tcp.analysis.retransmission eq 1",
                  "ERROR@0-27: tcp.analysis.retransmission (type=Label) cannot participate in eq "
                  "comparison.");
  assert_compile ("tcp.flags.str matches S",
                  "ERROR@22-23: Matches requires a double quoted string on the right side.");
  assert_compile ("frame matches \"[\"",
                  "ERROR@14-17: Regex compilation error: missing terminating ] for character "
                  "class.");
  assert_compile ("frame matches \"a.b\"", "CMP frame matches /a.b/");
  assert_compile ("tcp.flags.str contains S", "CMP tcp.flags.str contains \"S\"");
}

static void
test_sets (void)
{
  assert_compile ("tcp.port in {80, 443..445}", "IN tcp.port in {80, 443..445}");
  assert_compile ("tcp.port not in {80}", "IN tcp.port not in {80}");
  assert_compile ("ip.proto in {TCP, 17}", "IN ip.proto in {6, 17}");
  assert_compile ("tcp.port in {\"http\"}",
                  "ERROR@13-19: Unsigned integer (2 bytes) cannot be converted from a string "
                  "(\"http\").");
  assert_compile ("len(tcp.payload) in {1}",
                  "ERROR@0-3: Only a field may be tested for membership in a set.");
  assert_compile ("ip.src in {10.0.0.0/8, fd00::1}",
                  "ERROR@23-30: \"fd00::1\" is not a valid hostname or IPv4 address.");
}

static void
test_functions (void)
{
  assert_compile ("len(tcp.payload) > 100", "CMP len(tcp.payload) > 100");
  assert_compile ("count(ip.addr) == 2", "CMP count(ip.addr) == 2");
  assert_compile ("lower(frame.protocols) contains \"arp\"",
                  "CMP lower(frame.protocols) contains \"arp\"");
  assert_compile ("max(tcp.srcport, 100) == 100", "CMP max(tcp.srcport, 100) == 100");
  assert_compile ("len(eth.src)", "ERROR@0-3: You cannot test whether a function is present.");
  assert_compile ("foo(eth.src)", "ERROR@0-3: Function 'foo' does not exist");
  assert_compile ("length(eth.src) == 6", "ERROR@0-6: Function 'length' does not exist");
  assert_compile ("len(tcp.port, tcp.port) == 2",
                  "ERROR@0-3: Function len can only accept 1 arguments.");
  assert_compile ("count() == 1", "ERROR@0-5: Function count needs at least 1 arguments.");
  assert_compile ("lower(eth.src) == \"x\"",
                  "ERROR@6-13: Only string type fields can be used as parameter for lower()");
  assert_compile ("len(lower(frame.protocols)) > 5",
                  "ERROR@4-9: Only fields can be used as parameter for len()");
  assert_compile ("string(frame.time) contains \"2026\"",
                  "ERROR@7-17: String conversion for field \"frame.time\" is not supported");
  assert_compile ("max(tcp.srcport, ip.ttl) == 64",
                  "ERROR@17-23: Arguments to 'max' must have the same type (expected FT_UINT16, "
                  "got FT_UINT8)");
  assert_compile ("len(eth.src) == \"6\"",
                  "ERROR@16-19: Unsigned integer (4 bytes) cannot be converted from a string "
                  "(\"6\").");
}

static void
test_arithmetic (void)
{
  assert_compile ("ip.ttl + 1 == 65", "CMP {ip.ttl + 1} == 65");
  assert_compile ("ip.ttl == 60 + 4", "CMP ip.ttl == {60 + 4}");
  assert_compile ("ip.ttl & 0x40", "NONZERO {ip.ttl & 64}");
  assert_compile ("1 + 1 == 2",
                  "ERROR@0-1: Constant arithmetic expression on the LHS is invalid.");
  assert_compile ("tcp.flags.syn & 1", "ERROR@0-13: FT_BOOLEAN cannot &.");
  assert_compile ("-tcp", "ERROR@1-4: FT_PROTOCOL cannot -.");
}

static void
test_layers_and_times (void)
{
  assert_compile ("ip.addr#2 == 10.0.0.1", "CMP ip.addr#2-2 == 10.0.0.1/32");
  assert_compile ("frame.time_relative > 1.5", "CMP frame.time_relative > 1.500000000");
  assert_compile ("frame.time_relative >= 2.0s", "CMP frame.time_relative >= 2.000000000");
  assert_compile ("frame.time_delta > 5e-1", "ERROR@19-23: \"5e-1\" is not a valid time.");
  assert_compile ("frame.time_delta > \"0.5\"",
                  "ERROR@19-24: Time offset cannot be converted from a string (\"0.5\").");
  /* JST-9 (set in main): local times are nine hours ahead of UTC. */
  assert_compile ("frame.time >= \"2025-01-10 14:20:00\"",
                  "CMP frame.time >= 1736486400.000000000");
  assert_compile ("frame.time >= \"2025-01-10 05:20:00Z\"",
                  "CMP frame.time >= 1736486400.000000000");
  assert_compile ("frame.time >= \"2025-01-10 05:20:00 UTC\"",
                  "CMP frame.time >= 1736486400.000000000");
  assert_compile ("frame.time >= \"2025-01-10 06:20:00.25+01:00\"",
                  "CMP frame.time >= 1736486400.250000000");
  assert_compile ("frame.time >= \"Jan 10, 2025 14:20:00.5\"",
                  "CMP frame.time >= 1736486400.500000000");
  assert_compile ("frame.time >= 2025-01-10", "CMP frame.time >= 1736434800.000000000");
  assert_compile ("frame.time >= \"2025-01-10 14:20:00 +01:00\"",
                  "ERROR@14-42: Unexpected data after time value.");
  assert_compile ("frame.time >= \"Jan 10 2025 14:20:00\"",
                  "ERROR@14-36: \"Jan 10 2025 14:20:00\" is not a valid absolute time. Example: "
                  "\"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"");
}

static void
test_literal_parsers (void)
{
  guint8 addr[16];
  guint32 ip4;
  guint bits;
  g_autofree char *message = NULL;
  guint64 v;
  gboolean overflow;
  gint64 secs;
  gint32 nsecs;
  gboolean local;
  g_autoptr(GByteArray) b = NULL;

  g_assert_true (ss_df_parse_uint64 ("0x10", &v, &overflow) && v == 16);
  g_assert_true (ss_df_parse_uint64 ("010", &v, &overflow) && v == 8);
  g_assert_true (ss_df_parse_uint64 ("0", &v, &overflow) && v == 0);
  g_assert_false (ss_df_parse_uint64 ("0x", &v, &overflow));
  g_assert_false (ss_df_parse_uint64 ("-1", &v, &overflow));
  g_assert_false (ss_df_parse_uint64 ("99999999999999999999", &v, &overflow));
  g_assert_true (overflow);

  g_assert_true (ss_df_parse_ipv4 ("192.0.2.1/24", &ip4, &bits, &message));
  g_assert_cmphex (ip4, ==, 0xc0000201);
  g_assert_cmpuint (bits, ==, 24);
  g_assert_false (ss_df_parse_ipv4 ("192.0.2.01", &ip4, &bits, &message));
  g_clear_pointer (&message, g_free);
  g_assert_true (ss_df_parse_ipv6 ("2001:db8::1", addr, &bits, &message));
  g_assert_cmpuint (addr[0], ==, 0x20);
  g_assert_cmpuint (addr[15], ==, 1);
  g_assert_cmpuint (bits, ==, 128);

  b = ss_df_parse_bytes ("aabbc");
  g_assert_cmpuint (b->len, ==, 3);
  g_assert_cmpuint (b->data[0], ==, 0x0a);
  g_clear_pointer (&b, g_byte_array_unref);
  b = ss_df_parse_bytes ("0e.55.da");
  g_assert_cmpuint (b->len, ==, 3);
  g_clear_pointer (&b, g_byte_array_unref);
  g_assert_null (ss_df_parse_bytes ("0e:5x"));
  g_assert_null (ss_df_parse_bytes (""));

  g_assert_true (ss_df_parse_rel_time ("1.5", &secs, &nsecs));
  g_assert_cmpint (secs, ==, 1);
  g_assert_cmpint (nsecs, ==, 500000000);
  g_assert_true (ss_df_parse_rel_time ("0.0000211960", &secs, &nsecs));
  g_assert_cmpint (nsecs, ==, 21196);
  g_assert_false (ss_df_parse_rel_time ("1.5000000001", &secs, &nsecs));
  g_assert_false (ss_df_parse_rel_time ("1s", &secs, &nsecs));
  g_assert_false (ss_df_parse_rel_time ("", &secs, &nsecs));

  g_assert_true (ss_df_parse_abs_time ("1970-01-01T00:00:00Z", &secs, &nsecs, &local, &message));
  g_assert_cmpint (secs, ==, 0);
  g_assert_false (local);
  g_assert_true (ss_df_parse_abs_time ("2026-11-26 18", &secs, &nsecs, &local, &message));
  g_assert_true (local);
  g_assert_false (ss_df_parse_abs_time ("2026-11-26 25:00:00", &secs, &nsecs, &local, &message));
  g_clear_pointer (&message, g_free);
  g_assert_false (ss_df_parse_abs_time ("November 26, 2026 18:49:38", &secs, &nsecs, &local,
                                        &message));
}

static void
test_local_time (void)
{
  g_autoptr(SsDfilter) local = ss_dfilter_compile (reg, "frame.time > \"2025-01-10 14:20:00\"",
                                                   NULL, NULL);
  g_autoptr(SsDfilter) utc = ss_dfilter_compile (reg, "frame.time > \"2025-01-10 05:20:00Z\"",
                                                 NULL, NULL);
  g_autoptr(SsDfilter) none = ss_dfilter_compile (reg, "frame.len > 1", NULL, NULL);

  g_assert_true (ss_dfilter_uses_local_time (local));
  g_assert_false (ss_dfilter_uses_local_time (utc));
  g_assert_false (ss_dfilter_uses_local_time (none));
}

static void
test_fields_needed (void)
{
  g_autoptr(SsDfilter) df = ss_dfilter_compile (reg, "tcp.port in {80, 443} && !(ip.addr == "
                                                "10.0.0.1) && ip.addr#2", NULL, NULL);
  const SsFieldId *ids;
  guint n;

  g_assert_nonnull (df);
  ids = ss_dfilter_get_fields (df, &n);
  /* tcp.port, ip.addr and the ip node (counted for #2), each once and sorted. */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (ids[0], <, ids[1]);
  g_assert_cmpuint (ids[1], <, ids[2]);
  for (guint i = 0; i < n; i++)
    {
      const char *abbrev = ss_registry_get_field (reg, ids[i])->abbrev;

      g_assert_true (strcmp (abbrev, "tcp.port") == 0 || strcmp (abbrev, "ip.addr") == 0
                     || strcmp (abbrev, "ip") == 0);
    }
}

static void
test_completion (void)
{
  g_autoptr(GPtrArray) all = ss_dfilter_complete (reg, "tcp.flags.");
  g_autoptr(GPtrArray) fn = ss_dfilter_complete (reg, "le");
  gboolean syn = FALSE, len = FALSE;

  g_assert_cmpuint (all->len, >, 5);
  for (guint i = 0; i < all->len; i++)
    {
      const SsDfilterCompletion *c = g_ptr_array_index (all, i);

      g_assert_true (g_str_has_prefix (c->abbrev, "tcp.flags."));
      if (strcmp (c->abbrev, "tcp.flags.syn") == 0)
        {
          syn = TRUE;
          g_assert_cmpstr (c->name, ==, "Syn");
          g_assert_cmpstr (c->type_name, ==, "Boolean");
        }
      if (i > 0)
        g_assert_cmpint (strcmp (((SsDfilterCompletion *) g_ptr_array_index (all, i - 1))->abbrev,
                                 c->abbrev), <, 0);
    }
  g_assert_true (syn);
  for (guint i = 0; i < fn->len; i++)
    len = len || strcmp (((SsDfilterCompletion *) g_ptr_array_index (fn, i))->abbrev, "len") == 0;
  g_assert_true (len);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  /* Times without a zone are local: make local time nine hours ahead of UTC. */
  g_setenv ("TZ", "JST-9", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);
  reg = ss_registry_new ();
  g_test_add_func ("/dfilter/semantic/fields", test_fields);
  g_test_add_func ("/dfilter/semantic/integers", test_integers);
  g_test_add_func ("/dfilter/semantic/value-names", test_value_names);
  g_test_add_func ("/dfilter/semantic/addresses", test_addresses);
  g_test_add_func ("/dfilter/semantic/ipv6", test_ipv6);
  g_test_add_func ("/dfilter/semantic/bytes-and-slices", test_bytes_and_slices);
  g_test_add_func ("/dfilter/semantic/operators-per-type", test_operators_per_type);
  g_test_add_func ("/dfilter/semantic/sets", test_sets);
  g_test_add_func ("/dfilter/semantic/functions", test_functions);
  g_test_add_func ("/dfilter/semantic/arithmetic", test_arithmetic);
  g_test_add_func ("/dfilter/semantic/layers-and-times", test_layers_and_times);
  g_test_add_func ("/dfilter/semantic/literal-parsers", test_literal_parsers);
  g_test_add_func ("/dfilter/semantic/local-time", test_local_time);
  g_test_add_func ("/dfilter/semantic/fields-needed", test_fields_needed);
  g_test_add_func ("/dfilter/semantic/completion", test_completion);
  ret = g_test_run ();
  ss_registry_free (reg);
  return ret;
}
