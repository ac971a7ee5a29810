/* ss-stats-tree.c: stats trees, as Wireshark's epan/stats_tree.c with tshark 4.0's default
 * preferences (burst window 100 ms in 5 ms buckets, sort by count descending, names compared
 * case-sensitively), and the trees of packet-dns.c and packet-http.c
 *
 * Node semantics follow stats_tree.c exactly because they show in the output: a node is looked
 * up by name in its parent's hash when the parent has one, otherwise among the "parent" nodes
 * of the whole tree; a node made by a tick with_hash FALSE has no hash and is not a parent.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-stats-private.h"
#include "ss-stats-tree.h"

#define BURST_RESOLUTION 5.0   /* ms, prefs.st_burst_resolution */
#define BURST_WINDOWLEN 100.0  /* ms, prefs.st_burst_windowlen */
#define INDENT_MAX 32
#define N_COLUMNS 9
#define MAX_MESSAGES 16

enum
{
  ST_FLG_AVERAGE = 1 << 0,
  ST_FLG_ROOTCHILD = 1 << 1,
};

typedef struct _Bucket Bucket;

struct _Bucket
{
  Bucket *next, *prev;
  gint    count;
  double  bucket_no;
  double  start_time;
};

struct _SsStatsTreeNode
{
  char            *name;
  gint             id;          /* index among the parents, -1 when not a parent */
  gint             counter;
  guint            flags;
  gboolean         is_float;
  gint64           int_total;
  double           float_total;
  gint             int_min, int_max;
  float            float_min, float_max;
  Bucket          *bh, *bt;
  gint             bcount, max_burst;
  double           burst_time;
  SsStatsTreeNode *parent, *children, *next;
  GHashTable      *hash;
};

/* What a DNS message gives the DNS tree (packet-dns.c's struct DnsTap). */
typedef struct
{
  gboolean have;
  guint    qr, opcode, rcode, qtype, qclass;
  gboolean have_query;
  guint    qname_len, qname_labels;
  guint    nquestions, nanswers, nauthorities, nadditionals;
  guint    payload_size;
  gboolean unsolicited, retransmission, have_rrt;
  double   rrt_ms;
  gboolean failed;   /* cut short or malformed: tshark's tap never sees it */
} DnsMessage;

/* What an HTTP message gives the HTTP trees (packet-http.c's http_info_value_t). */
typedef struct
{
  SsAddress   src, dst;
  const char *method;
  const char *uri;
  const char *host;
  const char *user_agent;
  guint       code;
} HttpMessage;

struct _SsStatsTree
{
  const SsRegistry *reg;
  SsStatsTreeKind   kind;
  const char       *title;      /* cfg->name */
  char             *filter_text;
  SsDfilter        *filter;
  SsStatsTreeNode   root;
  GHashTable       *names;      /* parent nodes by name */
  GPtrArray        *parents;
  double            start, now, elapsed;
  SsStatsClock      clock;

  /* node ids made at init */
  gint              n_packets, n_requests, n_responses, n_resp[6], n_other;
  gint              n_reqs, n_reqs_by_srv_addr, n_reqs_by_http_host, n_resps_by_srv_addr;
  gint              n_requests_by_host, n_ua;
  gint              n_qr, n_qtypes, n_qclasses, n_rcodes, n_opcodes;

  /* fields */
  SsFieldId         f_ip_src, f_ip_dst, f_ip6_src, f_ip6_dst, f_icmp, f_icmpv6;
  SsFieldId         f_proto;    /* the dns or http protocol node */
  SsFieldId         f_http_method, f_http_uri, f_http_host, f_http_code, f_http_ua;
  SsFieldId         f_dns_response, f_dns_opcode, f_dns_rcode, f_dns_qtype, f_dns_qclass;
  SsFieldId         f_dns_qname_len, f_dns_labels, f_dns_nq, f_dns_nan, f_dns_nau, f_dns_nad;
  SsFieldId         f_dns_unsolicited, f_dns_retrans, f_dns_time, f_dns_len;
  SsFieldId         f_dns_nzones, f_dns_nprereq, f_dns_nupdates, f_ws_malformed, f_ws_short;
};

/* ---- the tree ----------------------------------------------------------------------------- */

static SsStatsTreeNode *
node_new (SsStatsTree *st,
          const char  *name,
          gint         parent_id,
          gboolean     is_float,
          gboolean     with_hash,
          gboolean     as_parent)
{
  SsStatsTreeNode *node = g_new0 (SsStatsTreeNode, 1);

  node->is_float = is_float;
  node->int_min = G_MAXINT;
  node->int_max = G_MININT;
  node->float_min = G_MAXFLOAT;
  node->float_max = G_MINFLOAT;
  node->flags = parent_id ? 0 : ST_FLG_ROOTCHILD;
  node->bh = node->bt = g_new0 (Bucket, 1);
  node->burst_time = -1.0;
  node->name = g_strdup (name);
  node->hash = with_hash ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
  if (as_parent)
    {
      g_hash_table_insert (st->names, node->name, node);
      g_ptr_array_add (st->parents, node);
      node->id = st->parents->len - 1;
    }
  else
    node->id = -1;

  g_assert (parent_id >= 0 && (guint) parent_id < st->parents->len);
  node->parent = g_ptr_array_index (st->parents, parent_id);
  if (node->parent->children)
    {
      SsStatsTreeNode *last = node->parent->children;

      while (last->next)
        last = last->next;
      last->next = node;
    }
  else
    node->parent->children = node;
  if (node->parent->hash)
    g_hash_table_replace (node->parent->hash, node->name, node);
  return node;
}

static gint
create_node (SsStatsTree *st,
             const char  *name,
             gint         parent_id,
             gboolean     is_float,
             gboolean     with_hash)
{
  return node_new (st, name, parent_id, is_float, with_hash, TRUE)->id;
}

static gint
create_pivot (SsStatsTree *st,
              const char  *name,
              gint         parent_id)
{
  return node_new (st, name, parent_id, FALSE, TRUE, TRUE)->id;
}

static void
update_burst (SsStatsTree     *st,
              SsStatsTreeNode *node,
              gint             value)
{
  double current_bucket = floor (st->now / BURST_RESOLUTION);
  double burstwin = BURST_WINDOWLEN / BURST_RESOLUTION;
  Bucket *bn;

  if (current_bucket > node->bt->bucket_no)
    {
      bn = g_new0 (Bucket, 1);
      bn->count = value;
      bn->bucket_no = current_bucket;
      bn->start_time = st->now;
      bn->prev = node->bt;
      node->bt->next = bn;
      node->bt = bn;
      node->bcount += value;
      while (current_bucket >= node->bh->bucket_no + burstwin)
        {
          bn = node->bh;
          node->bh = bn->next;
          node->bh->prev = NULL;
          node->bcount -= bn->count;
          g_free (bn);
        }
    }
  else if (current_bucket < node->bh->bucket_no)
    {
      if (current_bucket + burstwin > node->bt->bucket_no)
        {
          bn = g_new0 (Bucket, 1);
          bn->count = value;
          bn->bucket_no = current_bucket;
          bn->start_time = st->now;
          bn->next = node->bh;
          node->bh->prev = bn;
          node->bh = bn;
          node->bcount += value;
        }
    }
  else
    {
      Bucket *search = node->bt;

      while (current_bucket < search->bucket_no)
        search = search->prev;
      if (current_bucket == search->bucket_no)
        {
          search->count += value;
          if (search->start_time > st->now)
            search->start_time = st->now;
        }
      else
        {
          bn = g_new0 (Bucket, 1);
          bn->count = value;
          bn->bucket_no = current_bucket;
          bn->start_time = st->now;
          bn->prev = search;
          bn->next = search->next;
          search->next = bn;
          bn->next->prev = bn;
        }
      node->bcount += value;
    }
  if (node->bcount > node->max_burst)
    {
      node->max_burst = node->bcount;
      node->burst_time = node->bh->start_time;
    }
}

static SsStatsTreeNode *
lookup_or_create (SsStatsTree *st,
                  const char  *name,
                  gint         parent_id,
                  gboolean     with_hash,
                  gboolean     is_float)
{
  SsStatsTreeNode *parent = g_ptr_array_index (st->parents, parent_id);
  SsStatsTreeNode *node;

  node = g_hash_table_lookup (parent->hash ? parent->hash : st->names, name);
  if (!node)
    node = node_new (st, name, parent_id, is_float, with_hash, with_hash);
  return node;
}

/* tick_stat_node(): +1, returns the node's id (-1 when it is not a parent). */
static gint
tick (SsStatsTree *st,
      const char  *name,
      gint         parent_id,
      gboolean     with_hash)
{
  SsStatsTreeNode *node = lookup_or_create (st, name, parent_id, with_hash, FALSE);

  node->counter++;
  update_burst (st, node, 1);
  return node->id;
}

static void
tick_pivot (SsStatsTree *st,
            gint         pivot_id,
            const char  *value)
{
  SsStatsTreeNode *parent = g_ptr_array_index (st->parents, pivot_id);

  parent->counter++;
  update_burst (st, parent, 1);
  tick (st, value, pivot_id, FALSE);
}

static void
avg_int (SsStatsTree *st,
         const char  *name,
         gint         parent_id,
         gint         value)
{
  SsStatsTreeNode *node = lookup_or_create (st, name, parent_id, FALSE, FALSE);

  node->counter++;
  update_burst (st, node, 1);
  node->int_total += value;
  node->int_min = MIN (node->int_min, value);
  node->int_max = MAX (node->int_max, value);
  node->flags |= ST_FLG_AVERAGE;
}

static void
avg_float (SsStatsTree *st,
           const char  *name,
           gint         parent_id,
           float        value)
{
  SsStatsTreeNode *node = lookup_or_create (st, name, parent_id, FALSE, TRUE);

  node->counter++;
  update_burst (st, node, 1);
  node->float_total += value;
  if (node->float_min > value)
    node->float_min = value;
  if (node->float_max < value)
    node->float_max = value;
  node->flags |= ST_FLG_AVERAGE;
}

static void
node_free (SsStatsTreeNode *node)
{
  SsStatsTreeNode *child = node->children;

  while (child)
    {
      SsStatsTreeNode *next = child->next;

      node_free (child);
      g_free (child);
      child = next;
    }
  if (node->hash)
    g_hash_table_destroy (node->hash);
  while (node->bh)
    {
      Bucket *b = node->bh;

      node->bh = b->next;
      g_free (b);
    }
  g_free (node->name);
}

/* ---- the trees of packet-http.c and packet-dns.c ------------------------------------------ */

static const SsValueString http_status_names[] = {
  { 100, "Continue" }, { 101, "Switching Protocols" }, { 102, "Processing" },
  { 103, "Early Hints" }, { 199, "Informational - Others" },
  { 200, "OK" }, { 201, "Created" }, { 202, "Accepted" },
  { 203, "Non-authoritative Information" }, { 204, "No Content" }, { 205, "Reset Content" },
  { 206, "Partial Content" }, { 207, "Multi-Status" }, { 208, "Already Reported" },
  { 226, "IM Used" }, { 299, "Success - Others" },
  { 300, "Multiple Choices" }, { 301, "Moved Permanently" }, { 302, "Found" },
  { 303, "See Other" }, { 304, "Not Modified" }, { 305, "Use Proxy" },
  { 307, "Temporary Redirect" }, { 308, "Permanent Redirect" }, { 399, "Redirection - Others" },
  { 400, "Bad Request" }, { 401, "Unauthorized" }, { 402, "Payment Required" },
  { 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
  { 406, "Not Acceptable" }, { 407, "Proxy Authentication Required" },
  { 408, "Request Time-out" }, { 409, "Conflict" }, { 410, "Gone" },
  { 411, "Length Required" }, { 412, "Precondition Failed" },
  { 413, "Request Entity Too Large" }, { 414, "Request-URI Too Long" },
  { 415, "Unsupported Media Type" }, { 416, "Requested Range Not Satisfiable" },
  { 417, "Expectation Failed" }, { 418, "I'm a teapot" }, { 421, "Misdirected Request" },
  { 422, "Unprocessable Entity" }, { 423, "Locked" }, { 424, "Failed Dependency" },
  { 425, "Too Early" }, { 426, "Upgrade Required" }, { 428, "Precondition Required" },
  { 429, "Too Many Requests" }, { 431, "Request Header Fields Too Large" },
  { 451, "Unavailable For Legal Reasons" }, { 499, "Client Error - Others" },
  { 500, "Internal Server Error" }, { 501, "Not Implemented" }, { 502, "Bad Gateway" },
  { 503, "Service Unavailable" }, { 504, "Gateway Time-out" },
  { 505, "HTTP Version not supported" }, { 506, "Variant Also Negotiates" },
  { 507, "Insufficient Storage" }, { 508, "Loop Detected" }, { 510, "Not Extended" },
  { 511, "Network Authentication Required" }, { 599, "Server Error - Others" },
  { 0, NULL }
};

static const SsValueString dns_qr_names[] = { { 0, "Query" }, { 1, "Response" }, { 0, NULL } };

static const SsValueString dns_class_names[] = {
  { 1, "IN" }, { 2, "CS" }, { 3, "CH" }, { 4, "HS" }, { 254, "NONE" }, { 255, "ANY" },
  { 0, NULL }
};

static const SsValueString dns_opcode_names[] = {
  { 0, "Standard query" }, { 1, "Inverse query" }, { 2, "Server status request" },
  { 4, "Zone change notification" }, { 5, "Dynamic update" },
  { 6, "DNS Stateful operations (DSO)" }, { 0, NULL }
};

static const SsValueString dns_rcode_names[] = {
  { 0, "No error" }, { 1, "Format error" }, { 2, "Server failure" }, { 3, "No such name" },
  { 4, "Not implemented" }, { 5, "Refused" }, { 6, "Name exists" }, { 7, "RRset exists" },
  { 8, "RRset does not exist" }, { 9, "Not authoritative" }, { 10, "Name out of zone" },
  { 11, "DSO-Type not implemented" }, { 16, "Bad OPT Version or TSIG Signature Failure" },
  { 17, "Key not recognized" }, { 18, "Signature out of time window" },
  { 19, "Bad TKEY Mode" }, { 20, "Duplicate key name" }, { 21, "Algorithm not supported" },
  { 22, "Bad Truncation" }, { 23, "Bad/missing Server Cookie" }, { 0, NULL }
};

/* val_to_str(): the name, or @unknown formatted with the value. */
static char *
val_to_str (guint                value,
            const SsValueString *vals,
            const char          *unknown)
{
  for (guint i = 0; vals[i].name; i++)
    if (vals[i].value == value)
      return g_strdup (vals[i].name);
  return g_strdup_printf ("%s (%u)", unknown, value);
}

static void
tree_init (SsStatsTree *st)
{
  switch (st->kind)
    {
    case SS_STATS_TREE_HTTP:
      st->n_packets = create_node (st, "Total HTTP Packets", 0, FALSE, TRUE);
      st->n_requests = create_pivot (st, "HTTP Request Packets", st->n_packets);
      st->n_responses = create_node (st, "HTTP Response Packets", st->n_packets, FALSE, TRUE);
      st->n_resp[0] = create_node (st, "???: broken", st->n_responses, FALSE, TRUE);
      st->n_resp[1] = create_node (st, "1xx: Informational", st->n_responses, FALSE, TRUE);
      st->n_resp[2] = create_node (st, "2xx: Success", st->n_responses, FALSE, TRUE);
      st->n_resp[3] = create_node (st, "3xx: Redirection", st->n_responses, FALSE, TRUE);
      st->n_resp[4] = create_node (st, "4xx: Client Error", st->n_responses, FALSE, TRUE);
      st->n_resp[5] = create_node (st, "5xx: Server Error", st->n_responses, FALSE, TRUE);
      st->n_other = create_node (st, "Other HTTP Packets", st->n_packets, FALSE, FALSE);
      break;
    case SS_STATS_TREE_HTTP_REQ:
      st->n_requests_by_host = create_node (st, "HTTP Requests by HTTP Host", 0, FALSE, TRUE);
      break;
    case SS_STATS_TREE_HTTP_SRV:
      st->n_reqs = create_node (st, "HTTP Requests by Server", 0, FALSE, TRUE);
      st->n_reqs_by_srv_addr = create_node (st, "HTTP Requests by Server Address", st->n_reqs,
                                            FALSE, TRUE);
      st->n_reqs_by_http_host = create_node (st, "HTTP Requests by HTTP Host", st->n_reqs,
                                             FALSE, TRUE);
      st->n_resps_by_srv_addr = create_node (st, "HTTP Responses by Server Address", 0, FALSE,
                                             TRUE);
      break;
    case SS_STATS_TREE_HTTP_UA:
      st->n_ua = create_node (st, "HTTP Requests by URI and User-Agent", 0, FALSE, TRUE);
      break;
    case SS_STATS_TREE_DNS:
    default:
      {
        gint q, l, r, s;

        st->n_packets = create_node (st, "Total Packets", 0, FALSE, TRUE);
        st->n_qr = create_pivot (st, "Query/Response", st->n_packets);
        st->n_qtypes = create_pivot (st, "Query Type", st->n_packets);
        st->n_qclasses = create_pivot (st, "Class", st->n_packets);
        st->n_rcodes = create_pivot (st, "rcode", st->n_packets);
        st->n_opcodes = create_pivot (st, "opcodes", st->n_packets);
        create_node (st, "Payload size", 0, FALSE, FALSE);
        q = create_node (st, "Query Stats", 0, FALSE, TRUE);
        create_node (st, "Qname Len", q, FALSE, FALSE);
        l = create_node (st, "Label Stats", q, FALSE, TRUE);
        create_node (st, "1st Level", l, FALSE, FALSE);
        create_node (st, "2nd Level", l, FALSE, FALSE);
        create_node (st, "3rd Level", l, FALSE, FALSE);
        create_node (st, "4th Level or more", l, FALSE, FALSE);
        r = create_node (st, "Response Stats", 0, FALSE, TRUE);
        create_node (st, "no. of questions", r, FALSE, FALSE);
        create_node (st, "no. of answers", r, FALSE, FALSE);
        create_node (st, "no. of authorities", r, FALSE, FALSE);
        create_node (st, "no. of additionals", r, FALSE, FALSE);
        s = create_node (st, "Service Stats", 0, FALSE, TRUE);
        create_node (st, "no. of unsolicited responses", s, FALSE, FALSE);
        create_node (st, "no. of retransmissions", s, FALSE, FALSE);
        create_node (st, "request-response time (msec)", s, TRUE, FALSE);
      }
      break;
    }
}

static void
http_message (SsStatsTree       *st,
              const HttpMessage *m)
{
  char addr[64];

  switch (st->kind)
    {
    case SS_STATS_TREE_HTTP:
      tick (st, "Total HTTP Packets", 0, FALSE);
      if (m->code)
        {
          guint i = m->code;
          gint grp;
          static const char *const grp_names[] = {
            "???: broken", "1xx: Informational", "2xx: Success", "3xx: Redirection",
            "4xx: Client Error", "5xx: Server Error"
          };
          g_autofree char *name = NULL;
          g_autofree char *desc = NULL;

          tick (st, "HTTP Response Packets", st->n_packets, FALSE);
          grp = (i < 100 || i >= 600) ? 0 : (gint) (i / 100);
          tick (st, grp_names[grp], st->n_responses, FALSE);
          desc = val_to_str (i, http_status_names, "Unknown");
          /* tshark: "%u %s" into 64 bytes. */
          name = g_strdup_printf ("%u %s", i, desc);
          if (strlen (name) > 63)
            name[63] = '\0';
          tick (st, name, st->n_resp[grp], FALSE);
        }
      else if (m->method)
        tick_pivot (st, st->n_requests, m->method);
      else
        tick (st, "Other HTTP Packets", st->n_packets, FALSE);
      break;
    case SS_STATS_TREE_HTTP_REQ:
      if (m->method)
        {
          tick (st, "HTTP Requests by HTTP Host", 0, FALSE);
          if (m->host)
            {
              gint by_host = tick (st, m->host, st->n_requests_by_host, TRUE);

              if (m->uri)
                tick (st, m->uri, by_host, TRUE);
            }
        }
      break;
    case SS_STATS_TREE_HTTP_SRV:
      if (m->method)
        {
          gint by_addr;

          ss_address_to_string (&m->dst, addr, sizeof addr);
          tick (st, "HTTP Requests by Server", 0, FALSE);
          tick (st, "HTTP Requests by Server Address", st->n_reqs, TRUE);
          tick (st, "HTTP Requests by HTTP Host", st->n_reqs, TRUE);
          by_addr = tick (st, addr, st->n_reqs_by_srv_addr, TRUE);
          if (m->host)
            {
              gint by_host = tick (st, m->host, st->n_reqs_by_http_host, TRUE);

              tick (st, addr, by_host, FALSE);
              tick (st, m->host, by_addr, FALSE);
            }
        }
      else if (m->code)
        {
          gint by_addr;

          ss_address_to_string (&m->src, addr, sizeof addr);
          tick (st, "HTTP Responses by Server Address", 0, FALSE);
          by_addr = tick (st, addr, st->n_resps_by_srv_addr, TRUE);
          tick (st, m->code > 100 && m->code < 400 ? "OK" : "KO", by_addr, FALSE);
        }
      break;
    case SS_STATS_TREE_HTTP_UA:
      if (m->method)
        {
          g_autofree char *path = g_strdup (m->uri ? m->uri : "");
          char *q = strchr (path, '?');
          gint by_uri;

          if (q)
            *q = '\0';
          tick (st, "HTTP Requests by URI and User-Agent", 0, FALSE);
          by_uri = tick (st, path, st->n_ua, TRUE);
          tick (st, m->user_agent ? m->user_agent : "", by_uri, TRUE);
        }
      break;
    default:
      break;
    }
}

static void
dns_message (SsStatsTree      *st,
             const DnsMessage *d)
{
  g_autofree char *qr = val_to_str (d->qr, dns_qr_names, "Unknown qr");
  /* tshark names the type with dns.qry.type's value strings (dns_types_description_vals) */
  const SsFieldDef *qtype_def = st->f_dns_qtype != SS_FIELD_ID_NONE
                                ? ss_registry_get_field (st->reg, st->f_dns_qtype) : NULL;
  static const SsValueString no_vals[] = { { 0, NULL } };
  g_autofree char *qtype = val_to_str (d->qtype, qtype_def && qtype_def->vals ? qtype_def->vals
                                                                              : no_vals,
                                       "Unknown packet type");
  g_autofree char *qclass = val_to_str (d->qclass, dns_class_names, "Unknown class");
  g_autofree char *rcode = val_to_str (d->rcode, dns_rcode_names, "Unknown rcode");
  g_autofree char *opcode = val_to_str (d->opcode, dns_opcode_names, "Unknown opcode");

  tick (st, "Total Packets", 0, FALSE);
  tick_pivot (st, st->n_qr, qr);
  tick_pivot (st, st->n_qtypes, qtype);
  tick_pivot (st, st->n_qclasses, qclass);
  tick_pivot (st, st->n_rcodes, rcode);
  tick_pivot (st, st->n_opcodes, opcode);
  avg_int (st, "Payload size", 0, (gint) d->payload_size);
  if (d->qr == 0)
    {
      static const char *const levels[] = {
        "4th Level or more", "1st Level", "2nd Level", "3rd Level"
      };

      avg_int (st, "Qname Len", 0, (gint) d->qname_len);
      tick (st, levels[d->qname_labels >= 1 && d->qname_labels <= 3 ? d->qname_labels : 0], 0,
            FALSE);
    }
  else
    {
      /* tshark 4.0 adds the counts of a solicited response a second time (its
       * dns_stats_tree_packet does), so "no. of questions" counts it twice. */
      for (guint pass = 0; pass < (d->unsolicited ? 1u : 2u); pass++)
        {
          avg_int (st, "no. of questions", 0, (gint) d->nquestions);
          avg_int (st, "no. of answers", 0, (gint) d->nanswers);
          avg_int (st, "no. of authorities", 0, (gint) d->nauthorities);
          avg_int (st, "no. of additionals", 0, (gint) d->nadditionals);
        }
      if (d->unsolicited)
        tick (st, "no. of unsolicited responses", 0, FALSE);
      else if (d->retransmission)
        tick (st, "no. of retransmissions", 0, FALSE);
      else
        avg_float (st, "request-response time (msec)", 0, (float) d->rrt_ms);
    }
}

/* ---- packets ------------------------------------------------------------------------------ */

static SsFieldId
lookup (const SsRegistry *reg,
        const char       *abbrev)
{
  SsFieldId id = ss_registry_lookup_field (reg, abbrev);

  if (id == SS_FIELD_ID_NONE)
    {
      const SsProtocol *p = ss_registry_lookup_protocol (reg, abbrev);

      if (p)
        id = ss_registry_get_protocol_field (reg, p->id);
    }
  return id;
}

static void
set_addr (SsAddress    *a,
          const SsItem *item)
{
  memset (a, 0, sizeof *a);
  a->type = item->def->type == SS_FT_IPv6 ? SS_ADDR_IPV6 : SS_ADDR_IPV4;
  a->len = a->type == SS_ADDR_IPV6 ? 16 : 4;
  memcpy (a->data, item->v.addr, a->len);
}

/* stats_tree_packet(): the tap fires once per message, with the packet's time. */
static void
tree_tick_time (SsStatsTree *st,
                gint64       rel_ns)
{
  st->now = (double) (rel_ns / 1000000000) * 1000.0 + (double) (rel_ns % 1000000000) / 1000000.0;
  if (st->start < 0.0)
    st->start = st->now;
  st->elapsed = st->now - st->start;
}

static void
packet_http (SsStatsTree    *st,
             const SsPacket *pkt,
             gint64          rel)
{
  HttpMessage msg[MAX_MESSAGES];
  SsAddress src = { 0 }, dst = { 0 };
  guint n = 0;
  gboolean open = FALSE;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == st->f_icmp || id == st->f_icmpv6)
        break;
      if (id == st->f_ip_src || id == st->f_ip6_src)
        set_addr (&src, item);
      else if (id == st->f_ip_dst || id == st->f_ip6_dst)
        set_addr (&dst, item);
      else if (id == st->f_proto)
        {
          if (open)
            n++;
          if (n == MAX_MESSAGES)
            {
              open = FALSE;
              break;
            }
          memset (&msg[n], 0, sizeof msg[n]);
          msg[n].src = src;
          msg[n].dst = dst;
          open = TRUE;
        }
      else if (!open)
        continue;
      else if (id == st->f_http_method && !msg[n].method)
        msg[n].method = item->v.str;
      else if (id == st->f_http_uri && !msg[n].uri)
        msg[n].uri = item->v.str;
      else if (id == st->f_http_host && !msg[n].host)
        msg[n].host = item->v.str;
      else if (id == st->f_http_ua && !msg[n].user_agent)
        msg[n].user_agent = item->v.str;
      else if (id == st->f_http_code && !msg[n].code)
        msg[n].code = (guint) item->v.u;
    }
  if (open)
    n++;
  for (guint i = 0; i < n; i++)
    {
      tree_tick_time (st, rel);
      http_message (st, &msg[i]);
    }
}

static void
packet_dns (SsStatsTree    *st,
            const SsPacket *pkt,
            gint64          rel)
{
  DnsMessage msg[MAX_MESSAGES];
  guint n = 0;
  gboolean open = FALSE;

  for (const SsItem *item = pkt->added_head; item; item = item->next_added)
    {
      SsFieldId id = item->id;
      DnsMessage *d = &msg[n];

      if (id == SS_FIELD_ID_NONE)
        continue;
      if (id == st->f_icmp || id == st->f_icmpv6)
        break;
      if (id == st->f_proto)
        {
          if (open)
            n++;
          if (n == MAX_MESSAGES)
            {
              open = FALSE;
              break;
            }
          d = &msg[n];
          memset (d, 0, sizeof *d);
          d->payload_size = item->length;
          open = TRUE;
          continue;
        }
      if (!open)
        continue;
      if (id == st->f_dns_response)
        d->qr = item->v.u ? 1 : 0;
      else if (id == st->f_dns_opcode)
        d->opcode = (guint) item->v.u;
      else if (id == st->f_dns_rcode)
        d->rcode = (guint) item->v.u;
      else if (id == st->f_dns_nq || id == st->f_dns_nzones)
        d->nquestions = (guint) item->v.u;
      else if (id == st->f_dns_nan || id == st->f_dns_nprereq)
        d->nanswers = (guint) item->v.u;
      else if (id == st->f_dns_nau || id == st->f_dns_nupdates)
        d->nauthorities = (guint) item->v.u;
      else if (id == st->f_ws_malformed || id == st->f_ws_short)
        d->failed = TRUE;
      else if (id == st->f_dns_nad)
        d->nadditionals = (guint) item->v.u;
      else if (id == st->f_dns_qtype && !d->have_query)
        {
          d->qtype = (guint) item->v.u;
          d->have_query = TRUE;
        }
      else if (id == st->f_dns_qclass && !d->qclass)
        d->qclass = (guint) item->v.u;
      else if (id == st->f_dns_qname_len && !d->qname_len)
        d->qname_len = (guint) item->v.u;
      else if (id == st->f_dns_labels && !d->qname_labels)
        d->qname_labels = (guint) item->v.u;
      else if (id == st->f_dns_unsolicited)
        d->unsolicited = TRUE;
      else if (id == st->f_dns_retrans)
        d->retransmission = TRUE;
      else if (id == st->f_dns_time)
        {
          d->have_rrt = TRUE;
          d->rrt_ms = item->v.time.secs * 1000. + item->v.time.nsecs / 1000000.0;
        }
    }
  if (open)
    n++;
  for (guint i = 0; i < n; i++)
    {
      if (msg[i].failed)
        continue;
      tree_tick_time (st, rel);
      dns_message (st, &msg[i]);
    }
}

void
ss_stats_tree_packet (SsStatsTree    *st,
                      const SsPacket *pkt)
{
  gint64 rel = ss_stats_clock_tick (&st->clock, pkt);

  if (!ss_stats_filter_match (st->filter, pkt))
    return;
  if (st->kind == SS_STATS_TREE_DNS)
    packet_dns (st, pkt, rel);
  else
    packet_http (st, pkt, rel);
}

/* ---- printing ----------------------------------------------------------------------------- */

static char *
display_name (const char *name)
{
  /* stats_tree_get_displayname(): the part after the last '/', "//" being a '/'. */
  char *buf = g_strdup (name);
  char *sep = buf;

  while ((sep = strchr (sep, '/')) != NULL)
    {
      if (*(++sep) == '/')
        memmove (sep, sep + 1, strlen (sep));
      else
        {
          memmove (buf, sep, strlen (sep) + 1);
          sep = buf;
        }
    }
  return buf;
}

static char *
node_display_name (const SsStatsTreeNode *node)
{
  return (node->flags & ST_FLG_ROOTCHILD) ? display_name (node->name) : g_strdup (node->name);
}

static guint
max_namelen (const SsStatsTreeNode *node,
             guint                  indent)
{
  guint maxlen = 0, len;
  g_autofree char *name = node_display_name (node);

  indent = MIN (indent, INDENT_MAX);
  for (const SsStatsTreeNode *c = node->children; c; c = c->next)
    maxlen = MAX (maxlen, max_namelen (c, indent + 1));
  len = (guint) strlen (name) + indent;
  return MAX (maxlen, len);
}

static void
node_values (const SsStatsTree     *st,
             const SsStatsTreeNode *node,
             char                 **v)
{
  gboolean avg = (node->flags & ST_FLG_AVERAGE) != 0;

  v[0] = node_display_name (node);
  v[1] = g_strdup_printf ("%u", (guint) node->counter);
  if (avg && node->counter)
    {
      if (node->is_float)
        {
          v[2] = g_strdup_printf ("%.2f", node->float_total / node->counter);
          v[3] = g_strdup_printf ("%f", node->float_min);
          v[4] = g_strdup_printf ("%f", node->float_max);
        }
      else
        {
          v[2] = g_strdup_printf ("%.2f", (double) ((float) node->int_total / node->counter));
          v[3] = g_strdup_printf ("%d", node->int_min);
          v[4] = g_strdup_printf ("%d", node->int_max);
        }
    }
  else
    {
      v[2] = g_strdup (avg ? "-" : "");
      v[3] = g_strdup (avg ? "-" : "");
      v[4] = g_strdup (avg ? "-" : "");
    }
  v[5] = st->elapsed != 0 ? g_strdup_printf ("%.4f", (double) (float) node->counter / st->elapsed)
                          : g_strdup ("");
  if (node->parent && node->parent->counter)
    v[6] = g_strdup_printf ("%.2f%%", (node->counter * 100.0) / node->parent->counter);
  else
    v[6] = g_strdup (node->parent == &st->root ? "100%" : "");
  v[7] = node->max_burst ? g_strdup_printf ("%.4f", (double) node->max_burst / BURST_WINDOWLEN)
                         : g_strdup ("-");
  v[8] = node->max_burst ? g_strdup_printf ("%.3f", node->burst_time / 1000.0) : g_strdup ("-");
}

static gint
node_cmp (gconstpointer pa,
          gconstpointer pb)
{
  const SsStatsTreeNode *a = *(SsStatsTreeNode *const *) pa;
  const SsStatsTreeNode *b = *(SsStatsTreeNode *const *) pb;
  gint result = a->counter - b->counter;

  if (!result)
    result = strcmp (a->name, b->name);
  return -result;
}

static GPtrArray *
sorted_children (const SsStatsTreeNode *node)
{
  GPtrArray *a = g_ptr_array_new ();

  for (SsStatsTreeNode *c = node->children; c; c = c->next)
    g_ptr_array_add (a, c);
  g_ptr_array_sort (a, node_cmp);
  return a;
}

static void
print_node_text (const SsStatsTree     *st,
                 const SsStatsTreeNode *node,
                 guint                  indent,
                 guint                  maxnamelen,
                 GString               *out)
{
  char *v[N_COLUMNS];

  node_values (st, node, v);
  g_string_append_printf (out, "%*s%-*s", (int) indent, "", (int) (maxnamelen - indent), v[0]);
  for (guint i = 1; i < N_COLUMNS; i++)
    g_string_append_printf (out, " %-13s", v[i]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (v[i]);
  if (node->children)
    {
      g_autoptr(GPtrArray) kids = sorted_children (node);

      for (guint i = 0; i < kids->len; i++)
        print_node_text (st, g_ptr_array_index (kids, i), MIN (indent + 1, INDENT_MAX),
                         maxnamelen, out);
    }
}

static const char *const column_names[] = {
  "Topic / Item", "Count", "Average", "Min Val", "Max Val", "Rate (ms)", "Percent", "Burst Rate",
  "Burst Start"
};

static const char *const json_keys[] = {
  "name", "count", "average", "min", "max", "rate_ms", "percent", "burst_rate", "burst_start"
};

static void
print_node_json (const SsStatsTree     *st,
                 const SsStatsTreeNode *node,
                 GString               *out)
{
  char *v[N_COLUMNS];

  node_values (st, node, v);
  g_string_append (out, "{\"name\": ");
  ss_stats_json_string (out, v[0]);
  g_string_append_printf (out, ", \"count\": %s", v[1]);
  for (guint i = 2; i < N_COLUMNS; i++)
    if (*v[i] && strcmp (v[i], "-") != 0)
      {
        g_autofree char *num = g_strdup (v[i]);

        if (num[strlen (num) - 1] == '%')
          num[strlen (num) - 1] = '\0';
        g_string_append_printf (out, ", \"%s\": %s", json_keys[i], num);
      }
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (v[i]);
  if (node->children)
    {
      g_autoptr(GPtrArray) kids = sorted_children (node);

      g_string_append (out, ", \"children\": [");
      for (guint i = 0; i < kids->len; i++)
        {
          if (i)
            g_string_append (out, ", ");
          print_node_json (st, g_ptr_array_index (kids, i), out);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

static void
print_node_csv (const SsStatsTree     *st,
                const SsStatsTreeNode *node,
                const char            *path,
                GString               *out)
{
  char *v[N_COLUMNS];
  g_autofree char *full = NULL;

  node_values (st, node, v);
  full = path ? g_strconcat (path, "/", v[0], NULL) : g_strdup (v[0]);
  ss_stats_csv_field (out, full);
  for (guint i = 1; i < N_COLUMNS; i++)
    {
      g_string_append_c (out, ',');
      ss_stats_csv_field (out, strcmp (v[i], "-") == 0 ? "" : v[i]);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (v[i]);
  if (node->children)
    {
      g_autoptr(GPtrArray) kids = sorted_children (node);

      for (guint i = 0; i < kids->len; i++)
        print_node_csv (st, g_ptr_array_index (kids, i), full, out);
    }
}

/* http_ua,tree as rows for scripts: URI path, User-Agent, requests. */
static void
print_ua_rows_json (const SsStatsTree *st,
                    GString           *out)
{
  const SsStatsTreeNode *top = g_ptr_array_index (st->parents, st->n_ua);
  g_autoptr(GPtrArray) uris = sorted_children (top);
  gboolean first = TRUE;

  g_string_append (out, ", \"rows\": [");
  for (guint i = 0; i < uris->len; i++)
    {
      const SsStatsTreeNode *u = g_ptr_array_index (uris, i);
      g_autoptr(GPtrArray) agents = sorted_children (u);

      for (guint j = 0; j < agents->len; j++)
        {
          const SsStatsTreeNode *a = g_ptr_array_index (agents, j);

          g_string_append (out, first ? "\n  {\"uri\": " : ",\n  {\"uri\": ");
          first = FALSE;
          ss_stats_json_string (out, u->name);
          g_string_append (out, ", \"user_agent\": ");
          ss_stats_json_string (out, a->name);
          g_string_append_printf (out, ", \"count\": %d}", a->counter);
        }
    }
  g_string_append (out, first ? "]" : "\n]");
}

static const char *const tree_args[] = {
  "dns,tree", "http,tree", "http_req,tree", "http_srv,tree", "http_ua,tree"
};

void
ss_stats_tree_print (SsStatsTree   *st,
                     SsStatsFormat  format,
                     GString       *out)
{
  if (format == SS_STATS_FORMAT_JSON)
    {
      g_string_append_printf (out, "{\"statistic\": \"%s\", \"title\": ", tree_args[st->kind]);
      ss_stats_json_string (out, st->title);
      g_string_append (out, ", \"filter\": ");
      if (st->filter_text)
        ss_stats_json_string (out, st->filter_text);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"nodes\": [");
      for (const SsStatsTreeNode *c = st->root.children; c; c = c->next)
        {
          print_node_json (st, c, out);
          if (c->next)
            g_string_append (out, ",\n  ");
        }
      g_string_append_c (out, ']');
      if (st->kind == SS_STATS_TREE_HTTP_UA)
        print_ua_rows_json (st, out);
      g_string_append (out, "}\n");
      return;
    }
  if (format == SS_STATS_FORMAT_CSV)
    {
      g_string_append (out, "path,count,average,min,max,rate_ms,percent,burst_rate,"
                            "burst_start\n");
      for (const SsStatsTreeNode *c = st->root.children; c; c = c->next)
        print_node_csv (st, c, NULL, out);
      return;
    }

  {
    guint maxnamelen = max_namelen (&st->root, 0);
    guint sep_length = maxnamelen + (N_COLUMNS - 1) * 14;
    g_autofree char *sep = g_malloc (sep_length + 1);

    memset (sep, '=', sep_length);
    sep[sep_length] = '\0';
    g_string_append_printf (out, "\n%s\n%s:\n", sep, st->title);
    g_string_append_printf (out, "%-*s", (int) maxnamelen, column_names[0]);
    for (guint i = 1; i < N_COLUMNS; i++)
      g_string_append_printf (out, " %-13s", column_names[i]);
    memset (sep, '-', sep_length);
    g_string_append_printf (out, "\n%s\n", sep);
    for (const SsStatsTreeNode *c = st->root.children; c; c = c->next)
      print_node_text (st, c, 0, maxnamelen, out);
    g_string_append_printf (out, "\n%s\n", sep);
  }
}

/* ---- construction ------------------------------------------------------------------------- */

static const char *const tree_titles[] = {
  "DNS", "HTTP/Packet Counter", "HTTP/Requests", "HTTP/Load Distribution",
  "HTTP/User Agents"
};

SsStatsTree *
ss_stats_tree_new (const SsRegistry  *reg,
                   SsStatsTreeKind    kind,
                   const char        *filter,
                   GError           **error)
{
  g_autoptr(SsStatsTree) st = g_new0 (SsStatsTree, 1);
  g_autoptr(GError) local = NULL;
  const char *missing = NULL;

  st->reg = reg;
  st->kind = kind;
  st->title = tree_titles[kind];
  st->names = g_hash_table_new (g_str_hash, g_str_equal);
  st->parents = g_ptr_array_new ();
  st->start = -1.0;
  st->root.name = display_name (st->title);
  st->root.bh = st->root.bt = g_new0 (Bucket, 1);
  st->root.int_min = G_MAXINT;
  st->root.int_max = G_MININT;
  st->root.burst_time = -1.0;
  g_ptr_array_add (st->parents, &st->root);

  st->f_ip_src = lookup (reg, "ip.src");
  st->f_ip_dst = lookup (reg, "ip.dst");
  st->f_ip6_src = lookup (reg, "ipv6.src");
  st->f_ip6_dst = lookup (reg, "ipv6.dst");
  st->f_icmp = lookup (reg, "icmp");
  st->f_icmpv6 = lookup (reg, "icmpv6");
  if (kind == SS_STATS_TREE_DNS)
    {
      struct { SsFieldId *id; const char *abbrev; gboolean required; } f[] = {
        { &st->f_proto, "dns", TRUE },
        { &st->f_dns_response, "dns.flags.response", TRUE },
        { &st->f_dns_opcode, "dns.flags.opcode", TRUE },
        { &st->f_dns_rcode, "dns.flags.rcode", TRUE },
        { &st->f_dns_qtype, "dns.qry.type", TRUE },
        { &st->f_dns_qclass, "dns.qry.class", TRUE },
        { &st->f_dns_qname_len, "dns.qry.name.len", TRUE },
        { &st->f_dns_labels, "dns.count.labels", TRUE },
        { &st->f_dns_nq, "dns.count.queries", TRUE },
        { &st->f_dns_nan, "dns.count.answers", TRUE },
        { &st->f_dns_nau, "dns.count.auth_rr", TRUE },
        { &st->f_dns_nad, "dns.count.add_rr", TRUE },
        { &st->f_dns_unsolicited, "dns.unsolicited", FALSE },
        { &st->f_dns_retrans, "dns.retransmission", FALSE },
        { &st->f_dns_time, "dns.time", TRUE },
        { &st->f_dns_len, "dns.length", FALSE },
        { &st->f_dns_nzones, "dns.count.zones", FALSE },
        { &st->f_dns_nprereq, "dns.count.prerequisites", FALSE },
        { &st->f_dns_nupdates, "dns.count.updates", FALSE },
        { &st->f_ws_malformed, "_ws.malformed", FALSE },
        { &st->f_ws_short, "_ws.short", FALSE },
      };

      for (guint i = 0; i < G_N_ELEMENTS (f); i++)
        {
          *f[i].id = lookup (reg, f[i].abbrev);
          if (*f[i].id == SS_FIELD_ID_NONE && f[i].required && !missing)
            missing = f[i].abbrev;
        }
    }
  else
    {
      struct { SsFieldId *id; const char *abbrev; gboolean required; } f[] = {
        { &st->f_proto, "http", TRUE },
        { &st->f_http_method, "http.request.method", TRUE },
        { &st->f_http_uri, "http.request.uri", TRUE },
        { &st->f_http_host, "http.host", TRUE },
        { &st->f_http_code, "http.response.code", TRUE },
        { &st->f_http_ua, "http.user_agent", kind == SS_STATS_TREE_HTTP_UA },
      };

      for (guint i = 0; i < G_N_ELEMENTS (f); i++)
        {
          *f[i].id = lookup (reg, f[i].abbrev);
          if (*f[i].id == SS_FIELD_ID_NONE && f[i].required && !missing)
            missing = f[i].abbrev;
        }
    }
  if (missing)
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FIELD,
                   _("%s needs the field %s, which no dissector provides yet"), tree_args[kind],
                   missing);
      return NULL;
    }

  st->filter_text = g_strdup (filter);
  if (!ss_stats_filter_compile (reg, filter, &st->filter, &local))
    {
      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                   _("stats_tree for: %s failed to attach to the tap: %s"), st->title,
                   local->message);
      return NULL;
    }
  tree_init (st);
  return g_steal_pointer (&st);
}

void
ss_stats_tree_free (SsStatsTree *st)
{
  if (!st)
    return;
  node_free (&st->root);
  g_hash_table_destroy (st->names);
  g_ptr_array_unref (st->parents);
  ss_dfilter_free (st->filter);
  g_free (st->filter_text);
  g_free (st);
}

void
ss_stats_tree_want (SsStatsTree *st,
                    SsEngine    *engine)
{
  SsFieldId ids[] = {
    st->f_ip_src, st->f_ip_dst, st->f_ip6_src, st->f_ip6_dst, st->f_icmp, st->f_icmpv6,
    st->f_proto, st->f_http_method, st->f_http_uri, st->f_http_host, st->f_http_code,
    st->f_http_ua, st->f_dns_response, st->f_dns_opcode, st->f_dns_rcode, st->f_dns_qtype,
    st->f_dns_qclass, st->f_dns_qname_len, st->f_dns_labels, st->f_dns_nq, st->f_dns_nan,
    st->f_dns_nau, st->f_dns_nad, st->f_dns_unsolicited, st->f_dns_retrans, st->f_dns_time,
    st->f_dns_len, st->f_dns_nzones, st->f_dns_nprereq, st->f_dns_nupdates, st->f_ws_malformed,
    st->f_ws_short,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != SS_FIELD_ID_NONE && ids[i] != 0)
      ss_engine_want_field (engine, ids[i]);
  ss_stats_filter_want (st->filter, engine);
}

const char *
ss_stats_tree_get_title (const SsStatsTree *st)
{
  return st->title;
}

const SsStatsTreeNode *
ss_stats_tree_get_first_child (const SsStatsTree *st)
{
  return st->root.children;
}

const SsStatsTreeNode *
ss_stats_tree_node_get_child (const SsStatsTreeNode *node)
{
  return node->children;
}

const SsStatsTreeNode *
ss_stats_tree_node_get_next (const SsStatsTreeNode *node)
{
  return node->next;
}

const char *
ss_stats_tree_node_get_name (const SsStatsTreeNode *node)
{
  return node->name;
}

gint
ss_stats_tree_node_get_count (const SsStatsTreeNode *node)
{
  return node->counter;
}

gpointer
ss_stats_tree_new_from_arg (const SsRegistry *reg,
                            const char       *arg,
                            GError          **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (tree_args); k++)
    if (g_str_has_prefix (arg, tree_args[k]))
      {
        const char *rest = arg + strlen (tree_args[k]);

        return ss_stats_tree_new (reg, (SsStatsTreeKind) k, rest[0] == ',' ? rest + 1 : NULL,
                                  error);
      }
  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_UNKNOWN, _("Invalid -z argument \"%s\""),
               arg);
  return NULL;
}

static void
tr_want (gpointer  s,
         SsEngine *e)
{
  ss_stats_tree_want (s, e);
}

static void
tr_packet (gpointer        s,
           const SsPacket *p)
{
  ss_stats_tree_packet (s, p);
}

static void
tr_print (gpointer       s,
          SsStatsFormat  f,
          GString       *o)
{
  ss_stats_tree_print (s, f, o);
}

static void
tr_free (gpointer s)
{
  ss_stats_tree_free (s);
}

const SsStatClass ss_stats_tree_class = {
  "tree", tr_want, tr_packet, tr_print, tr_free,
};
