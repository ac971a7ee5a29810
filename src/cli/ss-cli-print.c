/* ss-cli-print.c: the summary line, -T fields, -V, -x and -T json, laid out as tshark 4.0
 * lays them out so scripts written against tshark read ours unchanged. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ss-cli-print.h"
#include "ss-format.h"

struct _SsFieldsPrinter
{
  const SsRegistry *reg;
  SsFieldsOptions   opt;
  guint             n;
  char            **names;
  gint             *column_of;   /* field id -> first column, -1 when not printed */
  gint             *next_same;   /* column -> next column of the same field, -1 at the end */
  guint             n_ids;
  GString         **values;
  guint            *counts;
};

SsFieldsPrinter *
ss_fields_printer_new (const SsRegistry      *reg,
                       const SsFieldId       *ids,
                       const char * const    *names,
                       guint                  n,
                       const SsFieldsOptions *options)
{
  SsFieldsPrinter *p = g_new0 (SsFieldsPrinter, 1);

  p->reg = reg;
  p->opt = *options;
  p->n = n;
  p->n_ids = ss_registry_get_n_fields (reg);
  p->names = g_new0 (char *, n + 1);
  p->column_of = g_new (gint, p->n_ids);
  p->values = g_new0 (GString *, n);
  p->next_same = g_new (gint, n);
  p->counts = g_new0 (guint, n);
  for (guint i = 0; i < p->n_ids; i++)
    p->column_of[i] = -1;
  for (guint i = 0; i < n; i++)
    {
      p->names[i] = g_strdup (names[i]);
      p->values[i] = g_string_new (NULL);
    }
  /* A field asked for twice is printed in every column that names it. */
  for (guint i = n; i > 0; i--)
    {
      p->next_same[i - 1] = p->column_of[ids[i - 1]];
      p->column_of[ids[i - 1]] = i - 1;
    }
  return p;
}

void
ss_fields_printer_free (SsFieldsPrinter *p)
{
  if (!p)
    return;
  for (guint i = 0; i < p->n; i++)
    g_string_free (p->values[i], TRUE);
  g_strfreev (p->names);
  g_free (p->column_of);
  g_free (p->next_same);
  g_free (p->values);
  g_free (p->counts);
  g_free (p);
}

static void
append_quoted (GString    *out,
               char        quote,
               const char *s,
               gsize       len)
{
  if (quote == 'd')
    g_string_append_c (out, '"');
  else if (quote == 's')
    g_string_append_c (out, '\'');
  g_string_append_len (out, s, len);
  if (quote == 'd')
    g_string_append_c (out, '"');
  else if (quote == 's')
    g_string_append_c (out, '\'');
}

void
ss_fields_printer_header (SsFieldsPrinter *p,
                          GString         *out)
{
  for (guint i = 0; i < p->n; i++)
    {
      if (i > 0)
        g_string_append (out, p->opt.separator);
      append_quoted (out, p->opt.quote, p->names[i], strlen (p->names[i]));
    }
  g_string_append_c (out, '\n');
}

void
ss_fields_printer_packet (SsFieldsPrinter *p,
                          const SsPacket  *pkt,
                          GString         *out)
{
  for (guint i = 0; i < p->n; i++)
    {
      g_string_truncate (p->values[i], 0);
      p->counts[i] = 0;
    }

  for (const SsItem *it = pkt->added_head; it; it = it->next_added)
    {
      gint col;

      if (it->id >= p->n_ids || (col = p->column_of[it->id]) < 0)
        continue;
      for (gint c = col; c >= 0; c = p->next_same[c])
        {
          GString *v = p->values[c];

          if (p->opt.occurrence == 'f' && p->counts[c] > 0)
            continue;
          if (p->opt.occurrence == 'l')
            g_string_truncate (v, 0);
          else if (p->counts[c] > 0)
            g_string_append (v, p->opt.aggregator);
          ss_format_field_value (it, v);
          p->counts[c]++;
        }
    }

  for (guint i = 0; i < p->n; i++)
    {
      if (i > 0)
        g_string_append (out, p->opt.separator);
      if (p->counts[i] > 0)
        append_quoted (out, p->opt.quote, p->values[i]->str, p->values[i]->len);
    }
  g_string_append_c (out, '\n');
}

guint
ss_cli_time_precision (const SsCapfile *cap,
                       guint            interface_id)
{
  const SsInterface *iface = ss_capfile_get_interface (cap, interface_id);
  guint64 res;
  guint digits = 0;

  if (ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAP_NSEC)
    return 9;
  if (ss_capfile_get_format (cap) == SS_CAPFILE_FORMAT_PCAP || !iface)
    return 6;
  for (res = iface->ts_resolution; res > 1 && digits < 9; res = (res + 9) / 10)
    digits++;
  return digits;
}

/* Copies @s of @bytes to @p padded to @width with spaces, on the left when @right; returns the
 * end. Only ASCII comes here (numbers and addresses), so bytes are characters. */
static char *
put_padded (char       *p,
            const char *s,
            gsize       bytes,
            guint       width,
            gboolean    right)
{
  gsize pad = bytes < width ? width - bytes : 0;

  if (right)
    {
      memset (p, ' ', pad);
      p += pad;
    }
  memcpy (p, s, bytes);
  p += bytes;
  if (!right)
    {
      memset (p, ' ', pad);
      p += pad;
    }
  return p;
}

/* The summary line is printed for every packet shown, so it is put together in one buffer,
 * without printf, and appended at once. */
void
ss_cli_print_summary (SsPacket *pkt,
                      gint64    rel_ns,
                      guint     precision,
                      GString  *out)
{
  /* Numbers and addresses are short; the Protocol and Info columns are bounded below. */
  char line[1024 + SS_PACKET_INFO_MAX];
  char num[24], t[48], src[64] = "", dst[64] = "";
  const SsAddress *s = pkt->net_src.type != SS_ADDR_NONE ? &pkt->net_src : &pkt->dl_src;
  const SsAddress *d = pkt->net_dst.type != SS_ADDR_NONE ? &pkt->net_dst : &pkt->dl_dst;
  const char *protocol = pkt->col_protocol ? pkt->col_protocol : "";
  const char *info = ss_packet_get_info (pkt);
  gsize protocol_len = strnlen (protocol, 256);
  gsize info_len;
  gboolean neg = rel_ns < 0;
  guint64 abs_ns = neg ? (guint64) -rel_ns : (guint64) rel_ns;
  guint64 frac = abs_ns % 1000000000;
  char *p = t;

  if (neg)
    *p++ = '-';
  p += ss_format_uint_dec (abs_ns / 1000000000, p);
  if (precision > 0)
    {
      /* The first @precision of the nine digits of the nanoseconds, as "%0*d" of them. */
      char digits[9];
      guint32 f = (guint32) frac;

      for (guint i = 9; i-- > 0; f /= 10)
        digits[i] = (char) ('0' + f % 10);
      *p++ = '.';
      memcpy (p, digits, MIN (precision, 9));
      p += MIN (precision, 9);
    }
  *p = '\0';
  if (s->type != SS_ADDR_NONE)
    ss_address_to_string (s, src, sizeof src);
  if (d->type != SS_ADDR_NONE)
    ss_address_to_string (d, dst, sizeof dst);

  p = line;
  p = put_padded (p, num, ss_format_uint_dec (pkt->number, num), 5, TRUE);
  *p++ = ' ';
  p = put_padded (p, t, strlen (t), 10, TRUE);
  *p++ = ' ';
  p = put_padded (p, src, strlen (src), 12, TRUE);
  memcpy (p, " → ", strlen (" → "));
  p += strlen (" → ");
  p = put_padded (p, dst, strlen (dst), 12, FALSE);
  *p++ = ' ';
  memcpy (p, protocol, protocol_len);
  p += protocol_len;
  *p++ = ' ';
  p += ss_format_uint_dec (pkt->len, p);
  *p++ = ' ';
  info_len = strnlen (info, SS_PACKET_INFO_MAX);
  memcpy (p, info, info_len);
  p += info_len;
  *p++ = '\n';
  g_string_append_len (out, line, p - line);
}

static void
print_item (SsPacket     *pkt,
            const SsItem *item,
            guint         depth,
            GString      *out)
{
  for (const SsItem *it = item; it; it = it->next)
    {
      const char *label;

      if (it->flags & SS_ITEM_HIDDEN)
        continue;
      label = ss_format_item_label (pkt, it);
      for (guint i = 0; i < depth; i++)
        g_string_append (out, "    ");
      if ((it->flags & SS_ITEM_GENERATED) || (it->def && it->id == pkt->bases[SS_PROTO_EXPERT]))
        g_string_append_printf (out, "[%s]\n", label);
      else
        g_string_append_printf (out, "%s\n", label);
      if (it->first_child)
        print_item (pkt, it->first_child, depth + 1, out);
    }
}

void
ss_cli_print_tree (SsPacket *pkt,
                   GString  *out)
{
  print_item (pkt, pkt->root.first_child, 0, out);
}

/* tshark's -x lines: offset, 16 bytes in hex, the same as text. A line is built in a buffer of
 * its own: one printf per byte made -x twice as slow as tshark on big reassembled sources. */
static void
print_hex_block (const guint8 *data,
                 guint32       len,
                 GString      *out)
{
  static const char digits[] = "0123456789abcdef";
  char line[80];

  for (guint32 off = 0; off < len; off += 16)
    {
      guint32 n = MIN (16u, len - off);
      gsize p = 0;

      for (gint shift = 12; shift >= 0; shift -= 4)
        line[p++] = digits[(off >> shift) & 0xf];
      if (off > 0xffff)
        {
          /* Sources past 64 KiB: the offset keeps all its digits, as tshark prints it. */
          g_string_append_printf (out, "%04x", off);
          p = 0;
        }
      line[p++] = ' ';
      line[p++] = ' ';
      for (guint32 i = 0; i < 16; i++)
        {
          if (i < n)
            {
              line[p++] = digits[data[off + i] >> 4];
              line[p++] = digits[data[off + i] & 0xf];
            }
          else
            {
              line[p++] = ' ';
              line[p++] = ' ';
            }
          line[p++] = ' ';
        }
      line[p++] = ' ';
      for (guint32 i = 0; i < n; i++)
        {
          guint8 c = data[off + i];

          line[p++] = c >= 0x20 && c < 0x7f ? (char) c : '.';
        }
      line[p++] = '\n';
      g_string_append_len (out, line, (gssize) p);
    }
}

void
ss_cli_print_hex (const SsPacket *pkt,
                  GString        *out)
{
  print_hex_block (pkt->data, pkt->caplen, out);
  for (guint i = 0; i < pkt->n_sources; i++)
    {
      g_string_append_printf (out, "%s (%u bytes):\n", pkt->sources[i].name, pkt->sources[i].len);
      print_hex_block (pkt->sources[i].data, pkt->sources[i].len, out);
    }
  g_string_append_c (out, '\n');
}

static void
json_escape (GString    *out,
             const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_value (const SsItem *it,
            GString      *tmp)
{
  g_string_truncate (tmp, 0);
  /* JSON shows bytes with colons, unlike -T fields. */
  if (it->def && it->def->type == SS_FT_BYTES)
    {
      for (guint32 i = 0; i < it->v.bytes.len; i++)
        g_string_append_printf (tmp, i ? ":%02x" : "%02x", it->v.bytes.data[i]);
      return;
    }
  if (it->def && (it->def->type == SS_FT_PROTOCOL || it->def->type == SS_FT_NONE))
    return;
  ss_format_field_value (it, tmp);
}

static void
json_indent (GString *out,
             guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void json_children (SsPacket *pkt, const SsItem *first, guint depth, GString *out,
                           GString *tmp);

static void
json_member (SsPacket     *pkt,
             const SsItem *it,
             guint         depth,
             gboolean     *need_comma,
             GString      *out,
             GString      *tmp)
{
  const char *key = it->def ? it->def->abbrev : NULL;

  if (*need_comma)
    g_string_append (out, ",\n");
  *need_comma = TRUE;
  json_indent (out, depth);
  if (!key)
    {
      /* A text line: its label is the key, as tshark does. */
      json_escape (out, ss_format_item_label (pkt, it));
      if (it->first_child)
        {
          g_string_append (out, ": {\n");
          json_children (pkt, it->first_child, depth + 1, out, tmp);
          g_string_append_c (out, '\n');
          json_indent (out, depth);
          g_string_append_c (out, '}');
        }
      else
        g_string_append (out, ": \"\"");
      return;
    }

  json_escape (out, key);
  if (it->def->type == SS_FT_PROTOCOL && it->first_child)
    {
      g_string_append (out, ": {\n");
      json_children (pkt, it->first_child, depth + 1, out, tmp);
      g_string_append_c (out, '\n');
      json_indent (out, depth);
      g_string_append_c (out, '}');
      return;
    }
  g_string_append (out, ": ");
  json_value (it, tmp);
  json_escape (out, tmp->str);
  if (it->first_child)
    {
      g_string_append (out, ",\n");
      json_indent (out, depth);
      g_string_append_printf (out, "\"%s_tree\": {\n", key);
      json_children (pkt, it->first_child, depth + 1, out, tmp);
      g_string_append_c (out, '\n');
      json_indent (out, depth);
      g_string_append_c (out, '}');
    }
}

static void
json_children (SsPacket     *pkt,
               const SsItem *first,
               guint         depth,
               GString      *out,
               GString      *tmp)
{
  gboolean need_comma = FALSE;

  for (const SsItem *it = first; it; it = it->next)
    json_member (pkt, it, depth, &need_comma, out, tmp);
}

void
ss_cli_print_json (SsPacket *pkt,
                   gboolean  first,
                   GString  *out)
{
  g_autoptr(GString) tmp = g_string_new (NULL);
  time_t t = (time_t) (pkt->ts_ns / 1000000000);
  struct tm tm;
  char day[32] = "";
  gboolean need_comma = FALSE;

  if (localtime_r (&t, &tm))
    strftime (day, sizeof day, "%Y-%m-%d", &tm);
  if (!first)
    g_string_append (out, ",\n");
  g_string_append_printf (out, "  {\n    \"_index\": \"packets-%s\",\n    \"_type\": \"doc\",\n"
                          "    \"_score\": null,\n    \"_source\": {\n      \"layers\": {\n", day);
  for (const SsItem *it = pkt->root.first_child; it; it = it->next)
    {
      if (it->def && it->def->type == SS_FT_PROTOCOL && !it->first_child)
        {
          if (need_comma)
            g_string_append (out, ",\n");
          need_comma = TRUE;
          json_indent (out, 4);
          json_escape (out, it->def->abbrev);
          g_string_append (out, ": {}");
          continue;
        }
      json_member (pkt, it, 4, &need_comma, out, tmp);
    }
  g_string_append (out, "\n      }\n    }\n  }");
}

gboolean
ss_cli_write_out (GString  *out,
                  gboolean  force)
{
  if (out->len == 0 || (!force && out->len < 256 * 1024))
    return TRUE;
  if (fwrite (out->str, 1, out->len, stdout) != out->len)
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}
