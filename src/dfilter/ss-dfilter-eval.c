/* ss-dfilter-eval.c: applying a compiled filter to a dissected packet
 *
 * Entities push their values on a stack that starts inside the evaluation context (on the C
 * stack), so a packet costs no allocation unless a field occurs very many times or a function
 * builds new strings (lower(), string(), multi-range slices). Fields that occur more than once
 * follow Wireshark 4.0: `==` and the orderings hold when some pair of values does, `!=` when
 * every pair differs, `===` when every pair is equal, `!==` (and `~=`) when some pair differs;
 * a test on a field that is absent is false.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-dfilter-private.h"
#include "ss-format.h"

#define LOCAL_VALUES 64
#define MAX_VALUES   (1 << 16)
#define SCRATCH      2048

typedef struct
{
  const SsPacket *pkt;
  SsDfValue      *vals;
  guint           n;
  guint           cap;
  gsize           scratch_used;
  GSList         *heap;
  gboolean        search;       /* loading the field searched by contains/matches */
  SsDfValue       local[LOCAL_VALUES];
  guint8          scratch[SCRATCH];
} SsDfEval;

static SsDfValue *
push (SsDfEval *ev)
{
  if (ev->n == ev->cap)
    {
      guint cap = ev->cap * 2;

      if (cap > MAX_VALUES)
        return NULL;
      if (ev->vals == ev->local)
        {
          ev->vals = g_new (SsDfValue, cap);
          memcpy (ev->vals, ev->local, sizeof ev->local);
        }
      else
        ev->vals = g_renew (SsDfValue, ev->vals, cap);
      ev->cap = cap;
    }
  return &ev->vals[ev->n++];
}

static guint8 *
scratch_alloc (SsDfEval *ev,
               gsize     n)
{
  guint8 *p;

  if (n <= SCRATCH - ev->scratch_used)
    {
      p = ev->scratch + ev->scratch_used;
      ev->scratch_used += n;
      return p;
    }
  p = g_malloc (n ? n : 1);
  ev->heap = g_slist_prepend (ev->heap, p);
  return p;
}

/* ---- values of items ------------------------------------------------------------------ */

/* @search: the value is searched (contains, matches). Wireshark searches a protocol's whole
 * buffer (the bytes it was handed, from its first: "eth contains" reads the payload too), while
 * slices, len() and comparisons read the protocol's node (the header for "udp", the segment for
 * "tcp" after the core sets its length): tshark 4.0 in -T fields, -V and JSON mode. */
static gboolean
item_value (const SsPacket *pkt,
            const SsItem   *it,
            gboolean        search,
            SsDfValue      *v)
{
  switch (it->def->type)
    {
    case SS_FT_BOOLEAN:
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_FRAMENUM:
      v->u = it->v.u;
      v->kind = SS_DF_VK_UINT;
      return TRUE;
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
      v->i = it->v.i;
      v->kind = SS_DF_VK_INT;
      return TRUE;
    case SS_FT_FLOAT:
    case SS_FT_DOUBLE:
      v->d = it->v.d;
      v->kind = SS_DF_VK_DOUBLE;
      return TRUE;
    case SS_FT_ABSOLUTE_TIME:
    case SS_FT_RELATIVE_TIME:
      v->t.secs = it->v.time.secs;
      v->t.nsecs = it->v.time.nsecs;
      v->kind = SS_DF_VK_TIME;
      return TRUE;
    case SS_FT_IPv4:
      v->ip4 = (guint32) it->v.addr[0] << 24 | (guint32) it->v.addr[1] << 16
               | (guint32) it->v.addr[2] << 8 | it->v.addr[3];
      v->bits = 32;
      v->kind = SS_DF_VK_IPV4;
      return TRUE;
    case SS_FT_IPv6:
      v->b.data = it->v.addr;
      v->b.len = 16;
      v->bits = 128;
      v->kind = SS_DF_VK_IPV6;
      return TRUE;
    case SS_FT_ETHER:
      v->b.data = it->v.addr;
      v->b.len = 6;
      v->kind = SS_DF_VK_BYTES;
      return TRUE;
    case SS_FT_BYTES:
      v->b.data = it->v.bytes.data;
      v->b.len = it->v.bytes.data ? it->v.bytes.len : 0;
      v->kind = SS_DF_VK_BYTES;
      return TRUE;
    case SS_FT_STRING:
      v->b.data = (const guint8 *) (it->v.str ? it->v.str : "");
      v->b.len = strlen ((const char *) v->b.data);
      v->kind = SS_DF_VK_STRING;
      return TRUE;
    case SS_FT_PROTOCOL:
      {
        /* A protocol's value is its bytes, as far as they were captured. */
        const guint8 *data = pkt->data;
        guint32 len = pkt->caplen;

        if (search && it->v.bytes.data && it->v.bytes.len)
          {
            v->kind = SS_DF_VK_BYTES;
            v->b.data = it->v.bytes.data;
            v->b.len = it->v.bytes.len;
            return TRUE;
          }

        if (it->source > 0)
          {
            if (it->source > pkt->n_sources)
              return FALSE;
            data = pkt->sources[it->source - 1].data;
            len = pkt->sources[it->source - 1].len;
          }
        v->kind = SS_DF_VK_BYTES;
        if (!data || it->offset >= len)
          {
            v->b.data = (const guint8 *) "";
            v->b.len = 0;
            return TRUE;
          }
        v->b.data = data + it->offset;
        v->b.len = MIN (it->length, len - it->offset);
        return TRUE;
      }
    case SS_FT_NONE:
    default:
      v->kind = SS_DF_VK_NONE;
      v->u = 0;
      return TRUE;
    }
}

/* Whether a value read from an item fits the entity (fields registered twice under one name
 * may differ in type). */
static inline gboolean
kind_fits (SsDfValueKind want,
           SsDfValueKind have)
{
  return want == have || want == SS_DF_VK_NONE
         || ((want == SS_DF_VK_INT || want == SS_DF_VK_UINT)
             && (have == SS_DF_VK_INT || have == SS_DF_VK_UINT));
}

static inline gboolean
entity_has_id (const SsDfEntity *e,
               SsFieldId         id)
{
  if (id == e->field)
    return TRUE;
  for (guint i = 0; i < e->n_same_name; i++)
    if (e->same_name[i] == id)
      return TRUE;
  return FALSE;
}

/* ---- comparisons ---------------------------------------------------------------------- */

static int
cmp_int (const SsDfValue *a,
         const SsDfValue *b)
{
  if (a->kind == SS_DF_VK_INT && b->kind == SS_DF_VK_INT)
    return a->i < b->i ? -1 : a->i > b->i;
  if (a->kind == SS_DF_VK_INT && a->i < 0)
    return -1;
  if (b->kind == SS_DF_VK_INT && b->i < 0)
    return 1;
  return a->u < b->u ? -1 : a->u > b->u;
}

static int
cmp_bytes_prefix (const guint8 *a,
                  const guint8 *b,
                  guint         bits)
{
  guint full = bits / 8, rest = bits % 8;
  int c = memcmp (a, b, full);

  if (c || !rest)
    return c < 0 ? -1 : c > 0;
  {
    guint8 mask = (guint8) (0xff << (8 - rest));
    guint8 x = a[full] & mask, y = b[full] & mask;

    return x < y ? -1 : x > y;
  }
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
static int
cmp_values (const SsDfValue *a,
            const SsDfValue *b,
            SsDfValueKind    kind)
{
  switch (kind)
    {
    case SS_DF_VK_UINT:
    case SS_DF_VK_INT:
      return cmp_int (a, b);
    case SS_DF_VK_DOUBLE:
      return a->d < b->d ? -1 : a->d > b->d;
    case SS_DF_VK_TIME:
      if (a->t.secs != b->t.secs)
        return a->t.secs < b->t.secs ? -1 : 1;
      return a->t.nsecs < b->t.nsecs ? -1 : a->t.nsecs > b->t.nsecs;
    case SS_DF_VK_IPV4:
      {
        guint bits = MIN (a->bits, b->bits);
        guint32 mask = bits == 0 ? 0 : G_MAXUINT32 << (32 - bits);
        guint32 x = a->ip4 & mask, y = b->ip4 & mask;

        return x < y ? -1 : x > y;
      }
    case SS_DF_VK_IPV6:
      return cmp_bytes_prefix (a->b.data, b->b.data, MIN (a->bits, b->bits));
    case SS_DF_VK_STRING:
      {
        int c = memcmp (a->b.data, b->b.data, MIN (a->b.len, b->b.len));

        if (c)
          return c < 0 ? -1 : 1;
        return a->b.len < b->b.len ? -1 : a->b.len > b->b.len;
      }
    case SS_DF_VK_BYTES:
      {
        int c;

        /* Wireshark orders byte strings by length first. */
        if (a->b.len != b->b.len)
          return a->b.len < b->b.len ? -1 : 1;
        c = memcmp (a->b.data, b->b.data, a->b.len);
        return c < 0 ? -1 : c > 0;
      }
    case SS_DF_VK_NONE:
    default:
      return 0;
    }
}

static gboolean
contains (const SsDfValue *a,
          const SsDfValue *b)
{
  const guint8 *p = a->b.data;
  const guint8 *last;

  if (b->b.len == 0)
    return TRUE;
  if (b->b.len > a->b.len)
    return FALSE;
  last = a->b.data + (a->b.len - b->b.len);
  while (p <= last)
    {
      p = memchr (p, b->b.data[0], (gsize) (last - p) + 1);
      if (!p)
        return FALSE;
      if (memcmp (p, b->b.data, b->b.len) == 0)
        return TRUE;
      p++;
    }
  return FALSE;
}

static gboolean
test_pair (const SsDfValue *a,
           const SsDfValue *b,
           SsDfTokenType    op,
           SsDfValueKind    kind)
{
  switch (op)
    {
    case SS_DF_TOK_ANY_EQ:
    case SS_DF_TOK_ALL_EQ:
      return cmp_values (a, b, kind) == 0;
    case SS_DF_TOK_ALL_NE:
    case SS_DF_TOK_ANY_NE:
      return cmp_values (a, b, kind) != 0;
    case SS_DF_TOK_GT:
      return cmp_values (a, b, kind) > 0;
    case SS_DF_TOK_GE:
      return cmp_values (a, b, kind) >= 0;
    case SS_DF_TOK_LT:
      return cmp_values (a, b, kind) < 0;
    case SS_DF_TOK_LE:
      return cmp_values (a, b, kind) <= 0;
    case SS_DF_TOK_CONTAINS:
      return contains (a, b);
    default:
      return FALSE;
    }
}

/* Whether a comparison needs every pair to hold (=== and !=) or just one. */
static inline gboolean
op_is_all (SsDfTokenType op)
{
  return op == SS_DF_TOK_ALL_EQ || op == SS_DF_TOK_ALL_NE;
}

static gboolean
matches (const GRegex    *regex,
         const SsDfValue *v)
{
  const char *s = (const char *) v->b.data;

  if (v->b.len > G_MAXSSIZE)
    return FALSE;
  return g_regex_match_full (regex, s ? s : "", v->b.len, 0, 0, NULL, NULL);
}

/* ---- entities ------------------------------------------------------------------------- */

static guint eval_entity (SsDfEval *ev, const SsDfEntity *e);

/* Bytes of @len in the scratch (or heap) copied from @data. */
static const guint8 *
dup_scratch (SsDfEval     *ev,
             const guint8 *data,
             gsize         len)
{
  guint8 *p = scratch_alloc (ev, len);

  if (len)
    memcpy (p, data, len);
  return p;
}

/* The bytes of a value to slice: IPv4 addresses are kept as a number. */
static void
value_bytes (SsDfEval        *ev,
             const SsDfValue *v,
             const guint8   **data,
             gsize           *len)
{
  if (v->kind == SS_DF_VK_IPV4)
    {
      guint8 *p = scratch_alloc (ev, 4);

      p[0] = v->ip4 >> 24;
      p[1] = v->ip4 >> 16;
      p[2] = v->ip4 >> 8;
      p[3] = v->ip4;
      *data = p;
      *len = 4;
      return;
    }
  *data = v->b.data;
  *len = v->b.len;
}

/* One range of a slice over @len bytes: FALSE when it falls outside them. */
static gboolean
range_bounds (const SsDfRange *r,
              gsize            len,
              gsize           *start,
              gsize           *n)
{
  gint64 s = r->start < 0 ? (gint64) len + r->start : r->start;

  if (s < 0 || (guint64) s >= len)
    return FALSE;
  if (r->kind == SS_DF_RANGE_TO_END)
    {
      *start = (gsize) s;
      *n = len - (gsize) s;
      return TRUE;
    }
  if (r->length <= 0 || (guint64) s + (guint64) r->length > len)
    return FALSE;
  *start = (gsize) s;
  *n = (gsize) r->length;
  return TRUE;
}

static guint
eval_slice (SsDfEval         *ev,
            const SsDfEntity *e)
{
  guint base = ev->n;
  guint n = eval_entity (ev, e->args[0]);
  guint out = 0;

  for (guint i = 0; i < n; i++)
    {
      SsDfValue v = ev->vals[base + i];
      const guint8 *data;
      gsize len, start, cnt;
      gboolean ok = TRUE;

      value_bytes (ev, &v, &data, &len);
      if (e->n_ranges == 1)
        {
          ok = range_bounds (&e->ranges[0], len, &start, &cnt);
          v.b.data = data + (ok ? start : 0);
          v.b.len = ok ? cnt : 0;
        }
      else
        {
          gsize total = 0;
          guint8 *p;

          for (guint r = 0; r < e->n_ranges && ok; r++)
            {
              ok = range_bounds (&e->ranges[r], len, &start, &cnt);
              total += ok ? cnt : 0;
            }
          if (ok)
            {
              p = scratch_alloc (ev, total);
              total = 0;
              for (guint r = 0; r < e->n_ranges; r++)
                {
                  range_bounds (&e->ranges[r], len, &start, &cnt);
                  memcpy (p + total, data + start, cnt);
                  total += cnt;
                }
              v.b.data = p;
              v.b.len = total;
            }
        }
      if (!ok)
        continue;
      v.kind = SS_DF_VK_BYTES;
      ev->vals[base + out++] = v;
    }
  ev->n = base + out;
  return out;
}

static guint
fixed_length (SsFieldType t)
{
  switch (t)
    {
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_INT8:
      return 1;
    case SS_FT_UINT16:
    case SS_FT_INT16:
      return 2;
    case SS_FT_UINT24:
      return 3;
    case SS_FT_UINT32:
    case SS_FT_INT32:
    case SS_FT_FRAMENUM:
    case SS_FT_IPv4:
    case SS_FT_FLOAT:
      return 4;
    case SS_FT_UINT64:
    case SS_FT_INT64:
    case SS_FT_DOUBLE:
      return 8;
    case SS_FT_ETHER:
      return 6;
    case SS_FT_IPv6:
      return 16;
    default:
      /* Booleans, times and labels have no length of their own in Wireshark. */
      return 0;
    }
}

/* string(): a value as text, numbers in decimal and addresses in their usual notation. */
static void
format_value (SsDfEval        *ev,
              const SsDfValue *v,
              SsDfValue       *out)
{
  char buf[64];
  const char *s = buf;
  g_autofree char *big = NULL;

  switch (v->kind)
    {
    case SS_DF_VK_UINT:
      g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, v->u);
      break;
    case SS_DF_VK_INT:
      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, v->i);
      break;
    case SS_DF_VK_DOUBLE:
      g_ascii_dtostr (buf, sizeof buf, v->d);
      break;
    case SS_DF_VK_IPV4:
      g_snprintf (buf, sizeof buf, "%u.%u.%u.%u", v->ip4 >> 24, (v->ip4 >> 16) & 0xff,
                  (v->ip4 >> 8) & 0xff, v->ip4 & 0xff);
      break;
    case SS_DF_VK_IPV6:
      ss_format_ipv6 (v->b.data, buf, sizeof buf);
      break;
    case SS_DF_VK_STRING:
      *out = *v;
      return;
    case SS_DF_VK_BYTES:
    default:
      {
        GString *g = g_string_new (NULL);

        for (gsize i = 0; i < v->b.len; i++)
          g_string_append_printf (g, "%s%02x", i ? ":" : "", v->b.data[i]);
        big = g_string_free (g, FALSE);
        s = big;
      }
      break;
    }
  out->kind = SS_DF_VK_STRING;
  out->b.len = strlen (s);
  out->b.data = dup_scratch (ev, (const guint8 *) s, out->b.len);
}

static guint
eval_func (SsDfEval         *ev,
           const SsDfEntity *e)
{
  guint base = ev->n;
  guint n;

  switch (e->func)
    {
    case SS_DF_FUNC_LEN:
      n = eval_entity (ev, e->args[0]);
      for (guint i = 0; i < n; i++)
        {
          SsDfValue *v = &ev->vals[base + i];
          guint len = fixed_length (e->args[0]->ftype);

          if (v->kind == SS_DF_VK_BYTES || v->kind == SS_DF_VK_STRING)
            len = (guint) v->b.len;
          v->u = len;
          v->kind = SS_DF_VK_UINT;
        }
      return n;

    case SS_DF_FUNC_COUNT:
      n = eval_entity (ev, e->args[0]);
      ev->n = base;
      if (n > 0)
        {
          SsDfValue *v = push (ev);

          v->u = n;
          v->kind = SS_DF_VK_UINT;
          return 1;
        }
      return 0;

    case SS_DF_FUNC_LOWER:
    case SS_DF_FUNC_UPPER:
      n = eval_entity (ev, e->args[0]);
      for (guint i = 0; i < n; i++)
        {
          SsDfValue *v = &ev->vals[base + i];
          guint8 *p = scratch_alloc (ev, v->b.len);

          for (gsize k = 0; k < v->b.len; k++)
            p[k] = (guint8) (e->func == SS_DF_FUNC_LOWER ? g_ascii_tolower (v->b.data[k])
                                                         : g_ascii_toupper (v->b.data[k]));
          v->b.data = p;
        }
      return n;

    case SS_DF_FUNC_STRING:
      n = eval_entity (ev, e->args[0]);
      for (guint i = 0; i < n; i++)
        {
          SsDfValue v = ev->vals[base + i];

          format_value (ev, &v, &ev->vals[base + i]);
        }
      return n;

    case SS_DF_FUNC_MAX:
    case SS_DF_FUNC_MIN:
      {
        guint total = 0;
        gint best = -1;

        for (guint a = 0; a < e->n_args; a++)
          total += eval_entity (ev, e->args[a]);
        for (guint i = 0; i < total; i++)
          {
            int c;

            if (best < 0)
              {
                best = (gint) i;
                continue;
              }
            c = cmp_values (&ev->vals[base + i], &ev->vals[base + best], e->vkind);
            if ((e->func == SS_DF_FUNC_MAX && c > 0) || (e->func == SS_DF_FUNC_MIN && c < 0))
              best = (gint) i;
          }
        if (best < 0)
          {
            ev->n = base;
            return 0;
          }
        ev->vals[base] = ev->vals[base + best];
        ev->n = base + 1;
        return 1;
      }

    case SS_DF_FUNC_ABS:
    default:
      n = eval_entity (ev, e->args[0]);
      for (guint i = 0; i < n; i++)
        {
          SsDfValue *v = &ev->vals[base + i];

          if (v->kind == SS_DF_VK_INT && v->i < 0 && v->i != G_MININT64)
            v->i = -v->i;
          else if (v->kind == SS_DF_VK_DOUBLE)
            v->d = fabs (v->d);
        }
      return n;
    }
}

/* a OP b for one pair of values of @e's kind; FALSE when there is no result (x / 0). */
static gboolean
arith_pair (SsDfEval         *ev,
            const SsDfEntity *e,
            const SsDfValue  *a,
            const SsDfValue  *b,
            SsDfValue        *r)
{
  *r = *a;
  switch (e->vkind)
    {
    case SS_DF_VK_UINT:
    case SS_DF_VK_INT:
      {
        /* Unsigned arithmetic avoids overflow being undefined; signed results are the same
         * bits. */
        guint64 x = a->u, y = b->u, z;
        gboolean is_signed = e->vkind == SS_DF_VK_INT;

        switch (e->op)
          {
          case SS_DF_TOK_PLUS: z = x + y; break;
          case SS_DF_TOK_MINUS: z = x - y; break;
          case SS_DF_TOK_STAR: z = x * y; break;
          case SS_DF_TOK_BITAND: z = x & y; break;
          case SS_DF_TOK_SLASH:
          case SS_DF_TOK_PERCENT:
            if (y == 0)
              return FALSE;
            if (is_signed)
              {
                if (a->i == G_MININT64 && b->i == -1)
                  return FALSE;
                z = (guint64) (e->op == SS_DF_TOK_SLASH ? a->i / b->i : a->i % b->i);
              }
            else
              z = e->op == SS_DF_TOK_SLASH ? x / y : x % y;
            break;
          default:
            return FALSE;
          }
        r->kind = e->vkind;
        if (is_signed)
          r->i = (gint64) z;
        else
          r->u = ss_df_uint_wrap (e->ftype, z);
        return TRUE;
      }
    case SS_DF_VK_DOUBLE:
      switch (e->op)
        {
        case SS_DF_TOK_PLUS: r->d = a->d + b->d; return TRUE;
        case SS_DF_TOK_MINUS: r->d = a->d - b->d; return TRUE;
        case SS_DF_TOK_STAR: r->d = a->d * b->d; return TRUE;
        case SS_DF_TOK_SLASH: r->d = a->d / b->d; return TRUE;
        default: return FALSE;
        }
    case SS_DF_VK_TIME:
      {
        /* Seconds wrap rather than overflow; nanoseconds keep the sign of the seconds. */
        gboolean minus = e->op == SS_DF_TOK_MINUS;
        gint64 secs = (gint64) (minus ? (guint64) a->t.secs - (guint64) b->t.secs
                                      : (guint64) a->t.secs + (guint64) b->t.secs);
        gint32 nsecs = minus ? a->t.nsecs - b->t.nsecs : a->t.nsecs + b->t.nsecs;

        if (nsecs >= 1000000000)
          {
            nsecs -= 1000000000;
            secs = (gint64) ((guint64) secs + 1);
          }
        else if (nsecs <= -1000000000)
          {
            nsecs += 1000000000;
            secs = (gint64) ((guint64) secs - 1);
          }
        if (secs > 0 && nsecs < 0)
          {
            nsecs += 1000000000;
            secs--;
          }
        else if (secs < 0 && nsecs > 0)
          {
            nsecs -= 1000000000;
            secs++;
          }
        r->t.secs = secs;
        r->t.nsecs = nsecs;
        return TRUE;
      }
    case SS_DF_VK_BYTES:
      {
        gsize n = MIN (a->b.len, b->b.len);
        guint8 *p = scratch_alloc (ev, n);

        for (gsize i = 0; i < n; i++)
          p[i] = a->b.data[i] & b->b.data[i];
        r->b.data = p;
        r->b.len = n;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static guint
eval_arith (SsDfEval         *ev,
            const SsDfEntity *e)
{
  guint base = ev->n;
  guint na = eval_entity (ev, e->args[0]);
  guint nb = eval_entity (ev, e->args[1]);
  guint out = 0;

  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      {
        SsDfValue a = ev->vals[base + i], b = ev->vals[base + na + j], r;
        SsDfValue *slot;

        if (!arith_pair (ev, e, &a, &b, &r) || !(slot = push (ev)))
          continue;
        *slot = r;
        out++;
      }
  memmove (&ev->vals[base], &ev->vals[base + na + nb], out * sizeof (SsDfValue));
  ev->n = base + out;
  return out;
}

static guint
eval_negate (SsDfEval         *ev,
             const SsDfEntity *e)
{
  guint base = ev->n;
  guint n = eval_entity (ev, e->args[0]);

  for (guint i = 0; i < n; i++)
    {
      SsDfValue *v = &ev->vals[base + i];

      switch (v->kind)
        {
        case SS_DF_VK_UINT:
          v->u = ss_df_uint_wrap (e->ftype, -v->u);
          break;
        case SS_DF_VK_INT:
          v->i = (gint64) (0 - (guint64) v->i);
          break;
        case SS_DF_VK_DOUBLE:
          v->d = -v->d;
          break;
        case SS_DF_VK_TIME:
          v->t.secs = (gint64) (0 - (guint64) v->t.secs);
          v->t.nsecs = -v->t.nsecs;
          break;
        default:
          break;
        }
    }
  return n;
}

static guint
eval_field (SsDfEval         *ev,
            const SsDfEntity *e)
{
  guint n = 0;
  guint layer = 0;

  for (const SsItem *it = ev->pkt->added_head; it; it = it->next_added)
    {
      SsDfValue *v;

      if (e->layer_proto != SS_FIELD_ID_NONE && it->id == e->layer_proto)
        layer++;
      if (!entity_has_id (e, it->id) || !it->def)
        continue;
      if (e->layer_proto != SS_FIELD_ID_NONE && (layer < e->layer_lo || layer > e->layer_hi))
        continue;
      if (!(v = push (ev)))
        break;
      if (!item_value (ev->pkt, it, ev->search, v) || !kind_fits (e->vkind, v->kind))
        {
          ev->n--;
          continue;
        }
      n++;
    }
  return n;
}

static guint
eval_entity (SsDfEval         *ev,
             const SsDfEntity *e)
{
  switch (e->kind)
    {
    case SS_DF_ENT_FIELD:
      return eval_field (ev, e);
    case SS_DF_ENT_CONST:
      {
        SsDfValue *v = push (ev);

        if (!v)
          return 0;
        *v = e->value;
        return 1;
      }
    case SS_DF_ENT_SLICE:
      return eval_slice (ev, e);
    case SS_DF_ENT_FUNC:
      return eval_func (ev, e);
    case SS_DF_ENT_ARITH:
      return eval_arith (ev, e);
    case SS_DF_ENT_NEGATE:
      return eval_negate (ev, e);
    default:
      return 0;
    }
}

/* ---- tests ---------------------------------------------------------------------------- */

static gboolean eval_test (SsDfEval *ev, const SsDfTest *t);

/* The common case without the value stack: a field against one constant. */
static gboolean
eval_field_cmp_const (SsDfEval       *ev,
                      const SsDfTest *t)
{
  const SsDfEntity *f = t->lhs;
  const SsDfValue *c = t->rhs ? &t->rhs->value : NULL;
  gboolean all = op_is_all (t->op);
  gboolean seen = FALSE;

  for (const SsItem *it = ev->pkt->added_head; it; it = it->next_added)
    {
      SsDfValue v;
      gboolean ok;

      if (!entity_has_id (f, it->id) || !it->def)
        continue;
      if (!item_value (ev->pkt, it, t->regex || t->op == SS_DF_TOK_CONTAINS, &v)
          || !kind_fits (f->vkind, v.kind))
        continue;
      seen = TRUE;
      ok = t->regex ? matches (t->regex, &v) : test_pair (&v, c, t->op, f->vkind);
      if (all && !ok)
        return FALSE;
      if (!all && ok)
        return TRUE;
    }
  return all && seen;
}

static gboolean
eval_cmp (SsDfEval       *ev,
          const SsDfTest *t)
{
  guint base = ev->n;
  guint na, nb = 0;
  gboolean all = op_is_all (t->op);
  gboolean result = all;

  if (t->lhs->kind == SS_DF_ENT_FIELD && t->lhs->layer_proto == SS_FIELD_ID_NONE
      && (t->regex || t->rhs->kind == SS_DF_ENT_CONST))
    return eval_field_cmp_const (ev, t);

  ev->search = t->regex || t->op == SS_DF_TOK_CONTAINS;
  na = eval_entity (ev, t->lhs);
  ev->search = FALSE;
  if (na == 0)
    {
      ev->n = base;
      return FALSE;
    }
  if (t->regex)
    {
      result = FALSE;
      for (guint i = 0; i < na && !result; i++)
        result = matches (t->regex, &ev->vals[base + i]);
      ev->n = base;
      return result;
    }
  nb = eval_entity (ev, t->rhs);
  if (nb == 0)
    result = FALSE;
  for (guint i = 0; i < na && nb; i++)
    for (guint j = 0; j < nb; j++)
      {
        gboolean ok = test_pair (&ev->vals[base + i], &ev->vals[base + na + j], t->op,
                                 t->lhs->vkind);

        if (all && !ok)
          {
            result = FALSE;
            goto done;
          }
        if (!all && ok)
          {
            result = TRUE;
            goto done;
          }
      }
done:
  ev->n = base;
  return result;
}

static gboolean
eval_in (SsDfEval       *ev,
         const SsDfTest *t)
{
  guint base = ev->n;
  guint na = eval_entity (ev, t->lhs);
  gboolean found = FALSE;
  SsDfValueKind kind = t->lhs->vkind;

  for (guint s = 0; s < t->n_set && na && !found; s++)
    {
      guint lb = ev->n;
      guint nl = eval_entity (ev, t->set[s].lo);
      guint nh = t->set[s].hi ? eval_entity (ev, t->set[s].hi) : 0;

      for (guint i = 0; i < na && !found; i++)
        {
          const SsDfValue *a = &ev->vals[base + i];

          for (guint j = 0; j < nl && !found; j++)
            {
              const SsDfValue *lo = &ev->vals[lb + j];

              if (!t->set[s].hi)
                found = cmp_values (a, lo, kind) == 0;
              else if (cmp_values (a, lo, kind) >= 0)
                for (guint k = 0; k < nh && !found; k++)
                  found = cmp_values (a, &ev->vals[lb + nl + k], kind) <= 0;
            }
        }
      ev->n = lb;
    }
  ev->n = base;
  return t->negated ? !found : found;
}

static gboolean
nonzero (const SsDfValue *v)
{
  switch (v->kind)
    {
    case SS_DF_VK_UINT:
    case SS_DF_VK_INT:
      return v->u != 0;
    case SS_DF_VK_DOUBLE:
      return v->d != 0;
    case SS_DF_VK_TIME:
      return v->t.secs != 0 || v->t.nsecs != 0;
    case SS_DF_VK_IPV4:
      return v->ip4 != 0;
    default:
      for (gsize i = 0; i < v->b.len; i++)
        if (v->b.data[i])
          return TRUE;
      return FALSE;
    }
}

static gboolean
eval_test (SsDfEval       *ev,
           const SsDfTest *t)
{
  switch (t->kind)
    {
    case SS_DF_TEST_TRUE:
      return TRUE;
    case SS_DF_TEST_AND:
      for (guint i = 0; i < t->n_children; i++)
        if (!eval_test (ev, t->children[i]))
          return FALSE;
      return TRUE;
    case SS_DF_TEST_OR:
      for (guint i = 0; i < t->n_children; i++)
        if (eval_test (ev, t->children[i]))
          return TRUE;
      return FALSE;
    case SS_DF_TEST_XOR:
      {
        gboolean r = FALSE;

        for (guint i = 0; i < t->n_children; i++)
          r ^= eval_test (ev, t->children[i]);
        return r;
      }
    case SS_DF_TEST_NOT:
      return !eval_test (ev, t->children[0]);
    case SS_DF_TEST_EXISTS:
      if (t->lhs->kind == SS_DF_ENT_FIELD && t->lhs->layer_proto == SS_FIELD_ID_NONE)
        {
          for (const SsItem *it = ev->pkt->added_head; it; it = it->next_added)
            if (entity_has_id (t->lhs, it->id))
              return TRUE;
          return FALSE;
        }
      {
        guint base = ev->n;
        guint n = eval_entity (ev, t->lhs);

        ev->n = base;
        return n > 0;
      }
    case SS_DF_TEST_NONZERO:
      {
        guint base = ev->n;
        guint n = eval_entity (ev, t->lhs);
        gboolean r = FALSE;

        for (guint i = 0; i < n && !r; i++)
          r = nonzero (&ev->vals[base + i]);
        ev->n = base;
        return r;
      }
    case SS_DF_TEST_CMP:
      return eval_cmp (ev, t);
    case SS_DF_TEST_IN:
      return eval_in (ev, t);
    default:
      return FALSE;
    }
}

gboolean
ss_df_eval (const SsDfTest *test,
            const SsPacket *pkt)
{
  SsDfEval ev;
  gboolean r;

  if (test->kind == SS_DF_TEST_TRUE)
    return TRUE;
  ev.pkt = pkt;
  ev.vals = ev.local;
  ev.n = 0;
  ev.cap = LOCAL_VALUES;
  ev.scratch_used = 0;
  ev.heap = NULL;
  r = eval_test (&ev, test);
  if (ev.vals != ev.local)
    g_free (ev.vals);
  if (ev.heap)
    g_slist_free_full (ev.heap, g_free);
  return r;
}
