/* ss-dissect-tcp.c: Transmission Control Protocol (RFC 9293; options: MSS RFC 9293 §3.2,
 * window scale and timestamps RFC 7323, SACK RFC 2018)
 *
 * The header and its options are read here. Stream numbers, relative sequence numbers and
 * window scaling need the frames before this one; they come from the analysis (src/analysis)
 * through the packet's tcp_analyze hook, so this file stays stateless.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-format.h"
#include "ss-tcp-reasm.h"

enum
{
  TCP_F_SRCPORT,
  TCP_F_DSTPORT,
  TCP_F_PORT,
  TCP_F_STREAM,
  TCP_F_LEN,
  TCP_F_SEQ,
  TCP_F_SEQ_RAW,
  TCP_F_NXTSEQ,
  TCP_F_ACK,
  TCP_F_ACK_RAW,
  TCP_F_HDR_LEN,
  TCP_F_FLAGS,
  TCP_F_FLAGS_RES,
  TCP_F_FLAGS_AE,
  TCP_F_FLAGS_CWR,
  TCP_F_FLAGS_ECE,
  TCP_F_FLAGS_URG,
  TCP_F_FLAGS_ACK,
  TCP_F_FLAGS_PUSH,
  TCP_F_FLAGS_RESET,
  TCP_F_FLAGS_SYN,
  TCP_F_FLAGS_FIN,
  TCP_F_FLAGS_STR,
  TCP_F_WINDOW_SIZE_VALUE,
  TCP_F_WINDOW_SIZE,
  TCP_F_WINDOW_SIZE_SCALEFACTOR,
  TCP_F_CHECKSUM,
  TCP_F_CHECKSUM_STATUS,
  TCP_F_URGENT_POINTER,
  TCP_F_OPTIONS,
  TCP_F_OPT_NOP,
  TCP_F_OPT_EOL,
  TCP_F_OPT_MSS,
  TCP_F_OPT_WSCALE,
  TCP_F_OPT_SACK_PERM,
  TCP_F_OPT_SACK,
  TCP_F_OPT_TIMESTAMP,
  TCP_F_OPT_UNKNOWN,
  TCP_F_OPTION_KIND,
  TCP_F_OPTION_LEN,
  TCP_F_OPT_MSS_VAL,
  TCP_F_OPT_WSCALE_SHIFT,
  TCP_F_OPT_WSCALE_MULTIPLIER,
  TCP_F_OPT_SACK_LE,
  TCP_F_OPT_SACK_RE,
  TCP_F_OPT_SACK_COUNT,
  TCP_F_OPT_SACK_DSACK_LE,
  TCP_F_OPT_SACK_DSACK_RE,
  TCP_F_OPT_TSVAL,
  TCP_F_OPT_TSECR,
  TCP_F_OPT_UNKNOWN_PAYLOAD,
  TCP_F_PAYLOAD,
  TCP_F_ANALYSIS,
  TCP_F_ANALYSIS_FLAGS,
  TCP_F_ANALYSIS_DUPLICATE_ACK_NUM,
  TCP_F_ANALYSIS_DUPLICATE_ACK_FRAME,
  TCP_F_ANALYSIS_ACKS_FRAME,
  TCP_F_ANALYSIS_BYTES_IN_FLIGHT,
  TCP_F_ANALYSIS_PUSH_BYTES_SENT,
  TCP_F_ANALYSIS_ACK_RTT,
  TCP_F_ANALYSIS_INITIAL_RTT,
  TCP_F_TIME_RELATIVE,
  TCP_F_TIME_DELTA,
  TCP_F_SEGMENT_DATA,
  TCP_F_SEGMENTS,
  TCP_F_SEGMENT,
  TCP_F_SEGMENT_COUNT,
  TCP_F_REASSEMBLED_LENGTH,
  TCP_F_REASSEMBLED_DATA,
  TCP_F_REASSEMBLED_IN,
  TCP_F_COUNT
};

static const SsValueString option_kind_vals[] = {
  { 0, "End of Option List" }, { 1, "No-Operation" }, { 2, "Maximum Segment Size" },
  { 3, "Window Scale" }, { 4, "SACK Permitted" }, { 5, "SACK" }, { 6, "Echo" },
  { 7, "Echo Reply" }, { 8, "Time Stamp Option" }, { 19, "TCP MD5 signature" },
  { 27, "Quick-Start Response" }, { 28, "User Timeout" }, { 29, "TCP Authentication Option" },
  { 30, "Multipath TCP" }, { 34, "TCP Fast Open Cookie" }, { 253, "RFC3692-style Experiment 1" },
  { 254, "RFC3692-style Experiment 2" }, { 0, NULL }
};

static const SsValueString checksum_status_vals[] = {
  { 0, "Bad" }, { 1, "Good" }, { 2, "Unverified" }, { 3, "Not present" }, { 4, "Illegal" },
  { 0, NULL }
};

static const SsFieldDef tcp_fields[] = {
  [TCP_F_SRCPORT] = { "tcp.srcport", N_("Source Port"), SS_FT_UINT16, SS_BASE_DEC },
  [TCP_F_DSTPORT] = { "tcp.dstport", N_("Destination Port"), SS_FT_UINT16, SS_BASE_DEC },
  [TCP_F_PORT] = { "tcp.port", N_("Source or Destination Port"), SS_FT_UINT16, SS_BASE_DEC },
  [TCP_F_STREAM] = { "tcp.stream", N_("Stream index"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_LEN] = { "tcp.len", N_("TCP Segment Len"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_SEQ] = { "tcp.seq", N_("Sequence Number"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_SEQ_RAW] = { "tcp.seq_raw", N_("Sequence Number (raw)"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_NXTSEQ] = { "tcp.nxtseq", N_("Next Sequence Number"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_ACK] = { "tcp.ack", N_("Acknowledgment Number"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_ACK_RAW] = { "tcp.ack_raw", N_("Acknowledgment number (raw)"), SS_FT_UINT32,
                      SS_BASE_DEC },
  [TCP_F_HDR_LEN] = { "tcp.hdr_len", N_("Header Length"), SS_FT_UINT8, SS_BASE_DEC },
  [TCP_F_FLAGS] = { "tcp.flags", N_("Flags"), SS_FT_UINT16, SS_BASE_HEX, NULL, 0x0fff },
  [TCP_F_FLAGS_RES] = { "tcp.flags.res", N_("Reserved"), SS_FT_BOOLEAN, 12, NULL, 0xe00 },
  [TCP_F_FLAGS_AE] = { "tcp.flags.ae", N_("Accurate ECN"), SS_FT_BOOLEAN, 12, NULL, 0x100 },
  [TCP_F_FLAGS_CWR] = { "tcp.flags.cwr", N_("Congestion Window Reduced"), SS_FT_BOOLEAN, 12,
                        NULL, 0x080 },
  [TCP_F_FLAGS_ECE] = { "tcp.flags.ece", N_("ECN-Echo"), SS_FT_BOOLEAN, 12, NULL, 0x040 },
  [TCP_F_FLAGS_URG] = { "tcp.flags.urg", N_("Urgent"), SS_FT_BOOLEAN, 12, NULL, 0x020 },
  [TCP_F_FLAGS_ACK] = { "tcp.flags.ack", N_("Acknowledgment"), SS_FT_BOOLEAN, 12, NULL, 0x010 },
  [TCP_F_FLAGS_PUSH] = { "tcp.flags.push", N_("Push"), SS_FT_BOOLEAN, 12, NULL, 0x008 },
  [TCP_F_FLAGS_RESET] = { "tcp.flags.reset", N_("Reset"), SS_FT_BOOLEAN, 12, NULL, 0x004 },
  [TCP_F_FLAGS_SYN] = { "tcp.flags.syn", N_("Syn"), SS_FT_BOOLEAN, 12, NULL, 0x002 },
  [TCP_F_FLAGS_FIN] = { "tcp.flags.fin", N_("Fin"), SS_FT_BOOLEAN, 12, NULL, 0x001 },
  [TCP_F_FLAGS_STR] = { "tcp.flags.str", N_("TCP Flags"), SS_FT_STRING },
  [TCP_F_WINDOW_SIZE_VALUE] = { "tcp.window_size_value", N_("Window"), SS_FT_UINT16,
                                SS_BASE_DEC },
  [TCP_F_WINDOW_SIZE] = { "tcp.window_size", N_("Calculated window size"), SS_FT_UINT32,
                          SS_BASE_DEC },
  [TCP_F_WINDOW_SIZE_SCALEFACTOR] = { "tcp.window_size_scalefactor",
                                      N_("Window size scaling factor"), SS_FT_INT32,
                                      SS_BASE_DEC },
  [TCP_F_CHECKSUM] = { "tcp.checksum", N_("Checksum"), SS_FT_UINT16, SS_BASE_HEX },
  [TCP_F_CHECKSUM_STATUS] = { "tcp.checksum.status", N_("Checksum Status"), SS_FT_UINT8,
                              SS_BASE_NONE, checksum_status_vals },
  [TCP_F_URGENT_POINTER] = { "tcp.urgent_pointer", N_("Urgent Pointer"), SS_FT_UINT16,
                             SS_BASE_DEC },
  [TCP_F_OPTIONS] = { "tcp.options", N_("TCP Options"), SS_FT_BYTES },
  [TCP_F_OPT_NOP] = { "tcp.options.nop", N_("TCP Option - No-Operation (NOP)"), SS_FT_BYTES },
  [TCP_F_OPT_EOL] = { "tcp.options.eol", N_("TCP Option - End of Option List (EOL)"),
                      SS_FT_BYTES },
  [TCP_F_OPT_MSS] = { "tcp.options.mss", N_("TCP Option - Maximum segment size"), SS_FT_BYTES },
  [TCP_F_OPT_WSCALE] = { "tcp.options.wscale", N_("TCP Option - Window scale"), SS_FT_BYTES },
  [TCP_F_OPT_SACK_PERM] = { "tcp.options.sack_perm", N_("TCP Option - SACK permitted"),
                            SS_FT_BYTES },
  [TCP_F_OPT_SACK] = { "tcp.options.sack", N_("TCP Option - SACK"), SS_FT_BYTES },
  [TCP_F_OPT_TIMESTAMP] = { "tcp.options.timestamp", N_("TCP Option - Timestamps"),
                            SS_FT_BYTES },
  [TCP_F_OPT_UNKNOWN] = { "tcp.options.unknown", N_("TCP Option - Unknown"), SS_FT_BYTES },
  [TCP_F_OPTION_KIND] = { "tcp.option_kind", N_("Kind"), SS_FT_UINT8, SS_BASE_DEC,
                          option_kind_vals },
  [TCP_F_OPTION_LEN] = { "tcp.option_len", N_("Length"), SS_FT_UINT8, SS_BASE_DEC },
  [TCP_F_OPT_MSS_VAL] = { "tcp.options.mss_val", N_("MSS Value"), SS_FT_UINT16, SS_BASE_DEC },
  [TCP_F_OPT_WSCALE_SHIFT] = { "tcp.options.wscale.shift", N_("Shift count"), SS_FT_UINT8,
                               SS_BASE_DEC },
  [TCP_F_OPT_WSCALE_MULTIPLIER] = { "tcp.options.wscale.multiplier", N_("Multiplier"),
                                    SS_FT_UINT16, SS_BASE_DEC },
  [TCP_F_OPT_SACK_LE] = { "tcp.options.sack_le", N_("TCP SACK Left Edge"), SS_FT_UINT32,
                          SS_BASE_DEC },
  [TCP_F_OPT_SACK_RE] = { "tcp.options.sack_re", N_("TCP SACK Right Edge"), SS_FT_UINT32,
                          SS_BASE_DEC },
  [TCP_F_OPT_SACK_COUNT] = { "tcp.options.sack.count", N_("TCP SACK Count"), SS_FT_UINT8,
                             SS_BASE_DEC },
  [TCP_F_OPT_SACK_DSACK_LE] = { "tcp.options.sack.dsack_le", N_("TCP D-SACK Left Edge"),
                                SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_OPT_SACK_DSACK_RE] = { "tcp.options.sack.dsack_re", N_("TCP D-SACK Right Edge"),
                                SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_OPT_TSVAL] = { "tcp.options.timestamp.tsval", N_("Timestamp value"), SS_FT_UINT32,
                        SS_BASE_DEC },
  [TCP_F_OPT_TSECR] = { "tcp.options.timestamp.tsecr", N_("Timestamp echo reply"), SS_FT_UINT32,
                        SS_BASE_DEC },
  [TCP_F_OPT_UNKNOWN_PAYLOAD] = { "tcp.options.unknown.payload", N_("Payload"), SS_FT_BYTES },
  [TCP_F_PAYLOAD] = { "tcp.payload", N_("TCP payload"), SS_FT_BYTES },
  [TCP_F_ANALYSIS] = { "tcp.analysis", N_("SEQ/ACK analysis"), SS_FT_NONE },
  [TCP_F_ANALYSIS_FLAGS] = { "tcp.analysis.flags", N_("TCP Analysis Flags"), SS_FT_NONE },
  [TCP_F_ANALYSIS_DUPLICATE_ACK_NUM] = { "tcp.analysis.duplicate_ack_num", N_("Duplicate ACK #"),
                                         SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_ANALYSIS_DUPLICATE_ACK_FRAME] = { "tcp.analysis.duplicate_ack_frame",
                                           N_("Duplicate to the ACK in frame"), SS_FT_FRAMENUM },
  [TCP_F_ANALYSIS_ACKS_FRAME] = { "tcp.analysis.acks_frame",
                                  N_("This is an ACK to the segment in frame"), SS_FT_FRAMENUM },
  [TCP_F_ANALYSIS_BYTES_IN_FLIGHT] = { "tcp.analysis.bytes_in_flight", N_("Bytes in flight"),
                                       SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_ANALYSIS_PUSH_BYTES_SENT] = { "tcp.analysis.push_bytes_sent",
                                       N_("Bytes sent since last PSH flag"), SS_FT_UINT32,
                                       SS_BASE_DEC },
  [TCP_F_ANALYSIS_ACK_RTT] = { "tcp.analysis.ack_rtt", N_("The RTT to ACK the segment was"),
                               SS_FT_RELATIVE_TIME },
  [TCP_F_ANALYSIS_INITIAL_RTT] = { "tcp.analysis.initial_rtt", N_("iRTT"), SS_FT_RELATIVE_TIME },
  [TCP_F_TIME_RELATIVE] = { "tcp.time_relative", N_("Time since first frame in this TCP stream"),
                            SS_FT_RELATIVE_TIME },
  [TCP_F_TIME_DELTA] = { "tcp.time_delta", N_("Time since previous frame in this TCP stream"),
                         SS_FT_RELATIVE_TIME },
  [TCP_F_SEGMENT_DATA] = { "tcp.segment_data", N_("TCP segment data"), SS_FT_BYTES },
  [TCP_F_SEGMENTS] = { "tcp.segments", N_("Reassembled TCP Segments"), SS_FT_NONE },
  [TCP_F_SEGMENT] = { "tcp.segment", N_("TCP Segment"), SS_FT_FRAMENUM },
  [TCP_F_SEGMENT_COUNT] = { "tcp.segment.count", N_("Segment count"), SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_REASSEMBLED_LENGTH] = { "tcp.reassembled.length", N_("Reassembled TCP length"),
                                 SS_FT_UINT32, SS_BASE_DEC },
  [TCP_F_REASSEMBLED_DATA] = { "tcp.reassembled.data", N_("Reassembled TCP Data"), SS_FT_BYTES },
  [TCP_F_REASSEMBLED_IN] = { "tcp.reassembled_in", N_("Reassembled PDU in frame"),
                             SS_FT_FRAMENUM },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tcp_fields) == TCP_F_COUNT);

enum
{
  TCP_E_BOGUS_HDR_LEN,
  TCP_E_OPTION_LEN_INVALID,
  TCP_E_CONNECTION_SYN,
  TCP_E_CONNECTION_SYNACK,
  TCP_E_CONNECTION_RST,
  TCP_E_CONNECTION_FIN,
  TCP_E_CONNECTION_FIN_ACTIVE,
  TCP_E_CONNECTION_FIN_PASSIVE,
  TCP_E_RETRANSMISSION,
  TCP_E_FAST_RETRANSMISSION,
  TCP_E_SPURIOUS_RETRANSMISSION,
  TCP_E_OUT_OF_ORDER,
  TCP_E_REUSED_PORTS,
  TCP_E_LOST_SEGMENT,
  TCP_E_ACK_LOST_SEGMENT,
  TCP_E_WINDOW_UPDATE,
  TCP_E_WINDOW_FULL,
  TCP_E_KEEP_ALIVE,
  TCP_E_KEEP_ALIVE_ACK,
  TCP_E_DUPLICATE_ACK,
  TCP_E_ZERO_WINDOW_PROBE,
  TCP_E_ZERO_WINDOW,
  TCP_E_ZERO_WINDOW_PROBE_ACK,
  TCP_E_DSACK,
  TCP_E_ACK_NONZERO,
  TCP_E_COUNT
};

static const SsExpertDef tcp_experts[] = {
  [TCP_E_BOGUS_HDR_LEN] = { "tcp.bogus_header_length", SS_EXPERT_GROUP_MALFORMED,
                            SS_EXPERT_ERROR, N_("Bogus TCP header length") },
  [TCP_E_OPTION_LEN_INVALID] = { "tcp.option.len.invalid", SS_EXPERT_GROUP_PROTOCOL,
                                 SS_EXPERT_ERROR, N_("Invalid length for option") },
  [TCP_E_CONNECTION_SYN] = { "tcp.connection.syn", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_CHAT,
                             N_("Connection establish request (SYN)") },
  [TCP_E_CONNECTION_SYNACK] = { "tcp.connection.synack", SS_EXPERT_GROUP_SEQUENCE,
                                SS_EXPERT_CHAT, N_("Connection establish acknowledge (SYN+ACK)") },
  [TCP_E_CONNECTION_RST] = { "tcp.connection.rst", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                             N_("Connection reset (RST)") },
  [TCP_E_CONNECTION_FIN] = { "tcp.connection.fin", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_CHAT,
                             N_("Connection finish (FIN)") },
  [TCP_E_CONNECTION_FIN_ACTIVE] = { "tcp.connection.fin_active", SS_EXPERT_GROUP_SEQUENCE,
                                    SS_EXPERT_NOTE,
                                    N_("This frame initiates the connection closing") },
  [TCP_E_CONNECTION_FIN_PASSIVE] = { "tcp.connection.fin_passive", SS_EXPERT_GROUP_SEQUENCE,
                                     SS_EXPERT_NOTE,
                                     N_("This frame undergoes the connection closing") },
  [TCP_E_RETRANSMISSION] = { "tcp.analysis.retransmission", SS_EXPERT_GROUP_SEQUENCE,
                             SS_EXPERT_NOTE, N_("This frame is a (suspected) retransmission") },
  [TCP_E_FAST_RETRANSMISSION] = { "tcp.analysis.fast_retransmission", SS_EXPERT_GROUP_SEQUENCE,
                                  SS_EXPERT_NOTE,
                                  N_("This frame is a (suspected) fast retransmission") },
  [TCP_E_SPURIOUS_RETRANSMISSION] = { "tcp.analysis.spurious_retransmission",
                                      SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_NOTE,
                                      N_("This frame is a (suspected) spurious retransmission") },
  [TCP_E_OUT_OF_ORDER] = { "tcp.analysis.out_of_order", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                           N_("This frame is a (suspected) out-of-order segment") },
  [TCP_E_REUSED_PORTS] = { "tcp.analysis.reused_ports", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_NOTE,
                           N_("A new tcp session is started with the same ports as an earlier "
                              "session in this trace") },
  [TCP_E_LOST_SEGMENT] = { "tcp.analysis.lost_segment", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                           N_("Previous segment(s) not captured (common at capture start)") },
  [TCP_E_ACK_LOST_SEGMENT] = { "tcp.analysis.ack_lost_segment", SS_EXPERT_GROUP_SEQUENCE,
                               SS_EXPERT_WARN,
                               N_("ACKed segment that wasn't captured (common at capture start)") },
  [TCP_E_WINDOW_UPDATE] = { "tcp.analysis.window_update", SS_EXPERT_GROUP_SEQUENCE,
                            SS_EXPERT_CHAT, N_("TCP window update") },
  [TCP_E_WINDOW_FULL] = { "tcp.analysis.window_full", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                          N_("TCP window specified by the receiver is now completely full") },
  [TCP_E_KEEP_ALIVE] = { "tcp.analysis.keep_alive", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_NOTE,
                         N_("TCP keep-alive segment") },
  [TCP_E_KEEP_ALIVE_ACK] = { "tcp.analysis.keep_alive_ack", SS_EXPERT_GROUP_SEQUENCE,
                             SS_EXPERT_NOTE, N_("ACK to a TCP keep-alive segment") },
  [TCP_E_DUPLICATE_ACK] = { "tcp.analysis.duplicate_ack", SS_EXPERT_GROUP_SEQUENCE,
                            SS_EXPERT_NOTE, N_("Duplicate ACK") },
  [TCP_E_ZERO_WINDOW_PROBE] = { "tcp.analysis.zero_window_probe", SS_EXPERT_GROUP_SEQUENCE,
                                SS_EXPERT_NOTE, N_("TCP Zero Window Probe") },
  [TCP_E_ZERO_WINDOW] = { "tcp.analysis.zero_window", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                          N_("TCP Zero Window segment") },
  [TCP_E_ZERO_WINDOW_PROBE_ACK] = { "tcp.analysis.zero_window_probe_ack",
                                    SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_NOTE,
                                    N_("ACK to a TCP Zero Window Probe") },
  [TCP_E_DSACK] = { "tcp.options.sack.dsack", SS_EXPERT_GROUP_SEQUENCE, SS_EXPERT_WARN,
                    N_("D-SACK Sequence") },
  [TCP_E_ACK_NONZERO] = { "tcp.ack.nonzero", SS_EXPERT_GROUP_PROTOCOL, SS_EXPERT_NOTE,
                          N_("The acknowledgment number field is nonzero while the ACK flag is "
                             "not set") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (tcp_experts) == TCP_E_COUNT);

/* "SYN, ACK" in Wireshark's order, at @p; returns the end (not terminated). Every name at once
 * is 50 bytes. */
#define TCP_FLAGS_INFO_MAX 64

static char *
put_flags (char    *p,
           guint16  flags)
{
  static const struct { guint16 bit; guint8 len; char name[9]; } names[] = {
    { 0x001, 3, "FIN" }, { 0x002, 3, "SYN" }, { 0x004, 3, "RST" }, { 0x008, 3, "PSH" },
    { 0x010, 3, "ACK" }, { 0x020, 3, "URG" }, { 0x040, 3, "ECE" }, { 0x080, 3, "CWR" },
    { 0x100, 2, "AE" }, { 0xe00, 8, "Reserved" },
  };
  char *start = p;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & names[i].bit)
      {
        if (p != start)
          {
            memcpy (p, ", ", 2);
            p += 2;
          }
        memcpy (p, names[i].name, names[i].len);
        p += names[i].len;
      }
  return p;
}

/* The same into @out of TCP_FLAGS_INFO_MAX bytes, terminated. */
static void
flags_to_info (guint16  flags,
               char    *out)
{
  *put_flags (out, flags) = '\0';
}

/* "··········S·" as tcp.flags.str. */
static void
flags_to_str (guint16  flags,
              char    *buf)
{
  static const char letters[] = "RRRACEUAPRSF";
  char *p = buf;

  for (guint i = 0; i < 12; i++)
    {
      if (flags & (0x800 >> i))
        *p++ = letters[i];
      else
        {
          /* U+00B7 MIDDLE DOT */
          *p++ = (char) 0xc2;
          *p++ = (char) 0xb7;
        }
    }
  *p = '\0';
}

/* 40 bytes of options say at most " SLE=4294967295 SRE=4294967295" four times and a little
 * more: this holds every Info text they can give. */
#define TCP_OPTIONS_INFO_MAX 256
/* An option gives an Info part for every two bytes at most (SACK_PERM). */
#define TCP_OPTIONS_INFO_PARTS 20

/* What the Info column says of a segment, written only when it is read (most segments of a
 * filtered pass are not shown, and an upper layer often writes its own). */
typedef struct
{
  guint16 sport, dport, flags, urgent;
  guint32 seq, ack, window, seglen;
  guint   n_parts;
  struct
  {
    const char *text;       /* " MSS=" */
    guint32     value;
    gboolean    with_value;
  } parts[TCP_OPTIONS_INFO_PARTS];
} TcpInfoText;

typedef struct
{
  gint         wscale;
  TcpInfoText *info;     /* NULL when nobody shows the Info column */
  guint32      sack_base; /* SACK edges are shown relative to the peer's first sequence number */
  guint32      ack;      /* the acknowledgment number, relative as the edges are */
} TcpOptionState;

/* Adds an option's part of the Info text: @text and, unless @with_value is FALSE, @value. */
static void
info_add (TcpOptionState *st,
          const char     *text,
          gboolean        with_value,
          guint32         value)
{
  TcpInfoText *t = st->info;

  if (!t || t->n_parts == TCP_OPTIONS_INFO_PARTS)
    return;
  t->parts[t->n_parts].text = text;
  t->parts[t->n_parts].value = value;
  t->parts[t->n_parts].with_value = with_value;
  t->n_parts++;
}

/* Copies a string literal to @p; evaluates to the end. */
#define PUT_LITERAL(p, lit) (memcpy ((p), (lit), sizeof (lit) - 1), (p) + sizeof (lit) - 1)

/* "80 → 36574 [SYN, ACK] Seq=0 Ack=1 Win=65160 Len=0 MSS=1460 SACK_PERM", put together in one
 * buffer and appended at once: this is written for every segment shown. */
static void
write_info (SsPacket      *pkt,
            gconstpointer  data)
{
  const TcpInfoText *t = data;
  /* Ports, flags and five numbers take under 160 bytes; the options below 256. */
  char buf[160 + TCP_OPTIONS_INFO_MAX];
  char *p = buf, *opts;

  p += ss_format_uint_dec (t->sport, p);
  p = PUT_LITERAL (p, " → ");
  p += ss_format_uint_dec (t->dport, p);
  p = PUT_LITERAL (p, " [");
  p = put_flags (p, t->flags);
  p = PUT_LITERAL (p, "] Seq=");
  p += ss_format_uint_dec (t->seq, p);
  if (t->flags & 0x010)
    {
      p = PUT_LITERAL (p, " Ack=");
      p += ss_format_uint_dec (t->ack, p);
    }
  p = PUT_LITERAL (p, " Win=");
  p += ss_format_uint_dec (t->window, p);
  if (t->flags & 0x020)
    {
      p = PUT_LITERAL (p, " Urg=");
      p += ss_format_uint_dec (t->urgent, p);
    }
  p = PUT_LITERAL (p, " Len=");
  p += ss_format_uint_dec (t->seglen, p);
  /* Each option's part only while room for the longest number stays. */
  opts = p;
  for (guint i = 0; i < t->n_parts; i++)
    {
      gsize n = strlen (t->parts[i].text);

      if ((gsize) (p - opts) + n + 12 >= TCP_OPTIONS_INFO_MAX)
        continue;
      memcpy (p, t->parts[i].text, n);
      p += n;
      if (t->parts[i].with_value)
        p += ss_format_uint_dec (t->parts[i].value, p);
    }
  ss_packet_append_info_cut (pkt, buf, (gsize) (p - buf));
}

static void
dissect_options (SsLayer        *l,
                 SsItem         *parent,
                 guint           off,
                 guint           end,
                 TcpOptionState *st)
{
  SsPacket *pkt = l->pkt;
  SsReader *r = l->r;

  while (off < end)
    {
      guint8 kind = ss_reader_get_u8 (r, off);
      guint8 olen;
      SsItem *opt;

      if (ss_reader_failed (r))
        return;
      if (kind == 0 || kind == 1)
        {
          opt = ss_layer_add_item (l, parent, kind == 0 ? TCP_F_OPT_EOL : TCP_F_OPT_NOP, off, 1,
                                   SS_ENC_BE);
          ss_item_set_text (pkt, opt, "%s", kind == 0 ? "TCP Option - End of Option List (EOL)"
                                                      : "TCP Option - No-Operation (NOP)");
          ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
          off++;
          if (kind == 0)
            return;
          continue;
        }

      olen = ss_reader_get_u8 (r, off + 1);
      if (ss_reader_failed (r) || olen < 2 || off + olen > end)
        {
          SsItem *bad = ss_layer_add_item (l, parent, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);

          ss_packet_add_expert (pkt, bad, SS_PROTO_TCP, TCP_E_OPTION_LEN_INVALID,
                                _("Option length %u is invalid"), olen);
          return;
        }

      switch (kind)
        {
        case 2:
          opt = ss_layer_add_item (l, parent, TCP_F_OPT_MSS, off, olen, SS_ENC_BE);
          if (olen == 4)
            {
              guint16 mss = ss_reader_get_ntohs (r, off + 2);

              ss_item_set_text (pkt, opt, "TCP Option - Maximum segment size: %u bytes", mss);
              ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPT_MSS_VAL, off + 2, 2, SS_ENC_BE);
              info_add (st, " MSS=", TRUE, mss);
            }
          break;
        case 3:
          opt = ss_layer_add_item (l, parent, TCP_F_OPT_WSCALE, off, olen, SS_ENC_BE);
          if (olen == 3)
            {
              guint8 shift = ss_reader_get_u8 (r, off + 2);
              guint mult = 1u << MIN (shift, 14);

              ss_item_set_text (pkt, opt, "TCP Option - Window scale: %u (multiply by %u)", shift,
                                mult);
              ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPT_WSCALE_SHIFT, off + 2, 1, SS_ENC_BE);
              ss_item_set_flags (ss_layer_add_uint (l, opt, TCP_F_OPT_WSCALE_MULTIPLIER, off + 2, 1,
                                                    mult), SS_ITEM_GENERATED);
              info_add (st, " WS=", TRUE, mult);
              st->wscale = shift;
            }
          break;
        case 4:
          opt = ss_layer_add_item (l, parent, TCP_F_OPT_SACK_PERM, off, olen, SS_ENC_BE);
          ss_item_set_text (pkt, opt, "TCP Option - SACK permitted");
          ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
          info_add (st, " SACK_PERM", FALSE, 0);
          break;
        case 5:
          {
            guint n = (olen - 2) / 8;
            guint32 edge_le[2] = { 0 }, edge_re[2] = { 0 };

            opt = ss_layer_add_item (l, parent, TCP_F_OPT_SACK, off, olen, SS_ENC_BE);
            ss_item_set_text (pkt, opt, "TCP Option - SACK");
            ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
            ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
            for (guint i = 0; i < n; i++)
              {
                guint32 le = ss_reader_get_ntohl (r, off + 2 + 8 * i) - st->sack_base;
                guint32 re = ss_reader_get_ntohl (r, off + 6 + 8 * i) - st->sack_base;

                if (ss_reader_failed (r))
                  break;
                ss_item_set_text (pkt, ss_layer_add_uint (l, opt, TCP_F_OPT_SACK_LE,
                                                          off + 2 + 8 * i, 4, le),
                                  "left edge = %u (relative)", le);
                ss_item_set_text (pkt, ss_layer_add_uint (l, opt, TCP_F_OPT_SACK_RE,
                                                          off + 6 + 8 * i, 4, re),
                                  "right edge = %u (relative)", re);
                ss_item_append_text (pkt, opt, " %u-%u", le, re);
                info_add (st, " SLE=", TRUE, le);
                info_add (st, " SRE=", TRUE, re);
                if (i < 2)
                  {
                    edge_le[i] = le;
                    edge_re[i] = re;
                  }
              }
            ss_item_set_flags (ss_layer_add_uint (l, opt, TCP_F_OPT_SACK_COUNT, off, 0, n),
                               SS_ITEM_GENERATED);
            /* RFC 2883 §4, as tshark 4.0 tells a D-SACK: the first block is at or below the
             * acknowledgment number, or inside the second block. */
            if (n > 0 && !ss_reader_failed (r)
                && ((gint32) (edge_re[0] - st->ack) <= 0
                    || (n > 1 && (gint32) (edge_le[1] - edge_re[0]) < 0
                        && (gint32) (edge_re[1] - edge_re[0]) >= 0)))
              {
                SsItem *it;

                it = ss_layer_add_uint (l, opt, TCP_F_OPT_SACK_DSACK_LE, off + 2, 4, edge_le[0]);
                ss_item_set_flags (it, SS_ITEM_GENERATED);
                ss_item_set_text (pkt, it, "D-SACK Left Edge = %u (relative)", edge_le[0]);
                it = ss_layer_add_uint (l, opt, TCP_F_OPT_SACK_DSACK_RE, off + 6, 4, edge_re[0]);
                ss_item_set_flags (it, SS_ITEM_GENERATED);
                ss_item_set_text (pkt, it, "D-SACK Right Edge = %u (relative)", edge_re[0]);
                /* A text item carries the expert item, which holds the field. */
                it = ss_layer_add_text (l, opt, off + 2, 8, "%s",
                                        _(tcp_experts[TCP_E_DSACK].summary));
                ss_packet_add_expert (pkt, it ? it : opt, SS_PROTO_TCP, TCP_E_DSACK, NULL);
              }
          }
          break;
        case 8:
          opt = ss_layer_add_item (l, parent, TCP_F_OPT_TIMESTAMP, off, olen, SS_ENC_BE);
          if (olen == 10)
            {
              guint32 tsval = ss_reader_get_ntohl (r, off + 2);
              guint32 tsecr = ss_reader_get_ntohl (r, off + 6);

              ss_item_set_text (pkt, opt, "TCP Option - Timestamps: TSval %u, TSecr %u", tsval,
                                tsecr);
              ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPT_TSVAL, off + 2, 4, SS_ENC_BE);
              ss_layer_add_item (l, opt, TCP_F_OPT_TSECR, off + 6, 4, SS_ENC_BE);
              info_add (st, " TSval=", TRUE, tsval);
              info_add (st, " TSecr=", TRUE, tsecr);
            }
          break;
        default:
          opt = ss_layer_add_item (l, parent, TCP_F_OPT_UNKNOWN, off, olen, SS_ENC_BE);
          ss_layer_add_item (l, opt, TCP_F_OPTION_KIND, off, 1, SS_ENC_BE);
          ss_layer_add_item (l, opt, TCP_F_OPTION_LEN, off + 1, 1, SS_ENC_BE);
          if (olen > 2)
            ss_layer_add_item (l, opt, TCP_F_OPT_UNKNOWN_PAYLOAD, off + 2, olen - 2, SS_ENC_BE);
          break;
        }
      off += olen;
    }
}

static SsItem *
add_reltime (SsLayer *l,
             SsItem  *parent,
             guint    field,
             gint64   ns)
{
  return ss_layer_add_time (l, parent, field, 0, 0, ns / 1000000000, (gint32) (ns % 1000000000));
}

/* Appends the Info column prefix of the analysis flags: Wireshark prepends them in the order of
 * this table, so the last found comes first. */
static void
analysis_info_prefix (const SsTcpInfo *info,
                      SsPacket        *pkt)
{
  static const struct { guint32 flag; const char *text; } prefixes[] = {
    { SS_TCP_A_RETRANSMISSION, "[TCP Retransmission] " },
    { SS_TCP_A_FAST_RETRANSMISSION, "[TCP Fast Retransmission] " },
    { SS_TCP_A_SPURIOUS_RETRANSMISSION, "[TCP Spurious Retransmission] " },
    { SS_TCP_A_OUT_OF_ORDER, "[TCP Out-Of-Order] " },
    { SS_TCP_A_REUSED_PORTS, "[TCP Port numbers reused] " },
    { SS_TCP_A_LOST_PACKET, "[TCP Previous segment not captured] " },
    { SS_TCP_A_ACK_LOST_PACKET, "[TCP ACKed unseen segment] " },
    { SS_TCP_A_WINDOW_UPDATE, "[TCP Window Update] " },
    { SS_TCP_A_WINDOW_FULL, "[TCP Window Full] " },
    { SS_TCP_A_KEEP_ALIVE, "[TCP Keep-Alive] " },
    { SS_TCP_A_KEEP_ALIVE_ACK, "[TCP Keep-Alive ACK] " },
    { SS_TCP_A_DUPLICATE_ACK, NULL },
    { SS_TCP_A_ZERO_WINDOW_PROBE, "[TCP ZeroWindowProbe] " },
    { SS_TCP_A_ZERO_WINDOW, "[TCP ZeroWindow] " },
    { SS_TCP_A_ZERO_WINDOW_PROBE_ACK, "[TCP ZeroWindowProbeAck] " },
  };

  if (!info->aflags)
    return;
  for (guint i = G_N_ELEMENTS (prefixes); i-- > 0;)
    {
      if (!(info->aflags & prefixes[i].flag))
        continue;
      if (prefixes[i].text)
        ss_packet_append_info_str (pkt, prefixes[i].text);
      else
        {
          ss_packet_append_info_uint (pkt, "[TCP Dup ACK ", info->dupack_frame);
          ss_packet_append_info_uint (pkt, "#", info->dupack_num);
          ss_packet_append_info_str (pkt, "] ");
        }
    }
}

/* The "SEQ/ACK analysis" subtree. Flags that Wireshark shows as a field and an expert item both
 * appear twice in -T fields, as in tshark. */
static void
add_analysis (SsLayer         *l,
              const SsTcpInfo *info)
{
  static const struct { guint32 flag; guint expert; } experts[] = {
    { SS_TCP_A_RETRANSMISSION, TCP_E_RETRANSMISSION },
    { SS_TCP_A_OUT_OF_ORDER, TCP_E_OUT_OF_ORDER },
    { SS_TCP_A_REUSED_PORTS, TCP_E_REUSED_PORTS },
    { SS_TCP_A_LOST_PACKET, TCP_E_LOST_SEGMENT },
    { SS_TCP_A_ACK_LOST_PACKET, TCP_E_ACK_LOST_SEGMENT },
    { SS_TCP_A_WINDOW_UPDATE, TCP_E_WINDOW_UPDATE },
    { SS_TCP_A_WINDOW_FULL, TCP_E_WINDOW_FULL },
    { SS_TCP_A_KEEP_ALIVE, TCP_E_KEEP_ALIVE },
    { SS_TCP_A_KEEP_ALIVE_ACK, TCP_E_KEEP_ALIVE_ACK },
    { SS_TCP_A_ZERO_WINDOW_PROBE, TCP_E_ZERO_WINDOW_PROBE },
    { SS_TCP_A_ZERO_WINDOW, TCP_E_ZERO_WINDOW },
    { SS_TCP_A_ZERO_WINDOW_PROBE_ACK, TCP_E_ZERO_WINDOW_PROBE_ACK },
  };
  SsPacket *pkt = l->pkt;
  SsItem *a, *it, *flags;

  a = ss_layer_add_uint (l, NULL, TCP_F_ANALYSIS, 0, 0, 0);
  ss_item_set_flags (a, SS_ITEM_GENERATED);

  if (info->acks_frame)
    {
      it = ss_layer_add_uint (l, a, TCP_F_ANALYSIS_ACKS_FRAME, 0, 0, info->acks_frame);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      /* Like Wireshark, a zero RTT (both frames with one timestamp) is not shown. */
      if (info->ack_rtt_ns > 0)
        ss_item_set_flags (add_reltime (l, a, TCP_F_ANALYSIS_ACK_RTT, info->ack_rtt_ns),
                           SS_ITEM_GENERATED);
    }
  if (info->initial_rtt_ns >= 0)
    ss_item_set_flags (add_reltime (l, a, TCP_F_ANALYSIS_INITIAL_RTT, info->initial_rtt_ns),
                       SS_ITEM_GENERATED);
  if (info->bytes_in_flight)
    ss_item_set_flags (ss_layer_add_uint (l, a, TCP_F_ANALYSIS_BYTES_IN_FLIGHT, 0, 0,
                                          info->bytes_in_flight), SS_ITEM_GENERATED);
  if (info->push_bytes_sent)
    ss_item_set_flags (ss_layer_add_uint (l, a, TCP_F_ANALYSIS_PUSH_BYTES_SENT, 0, 0,
                                          info->push_bytes_sent), SS_ITEM_GENERATED);
  if (!info->aflags)
    return;

  flags = ss_layer_add_uint (l, a, TCP_F_ANALYSIS_FLAGS, 0, 0, 0);
  ss_item_set_flags (flags, SS_ITEM_GENERATED);
  for (guint i = 0; i < G_N_ELEMENTS (experts); i++)
    if (info->aflags & experts[i].flag)
      ss_packet_add_expert (pkt, flags, SS_PROTO_TCP, experts[i].expert, NULL);
  if (info->aflags & (SS_TCP_A_FAST_RETRANSMISSION | SS_TCP_A_SPURIOUS_RETRANSMISSION))
    {
      guint e = (info->aflags & SS_TCP_A_FAST_RETRANSMISSION) ? TCP_E_FAST_RETRANSMISSION
                                                              : TCP_E_SPURIOUS_RETRANSMISSION;

      /* As tshark 4.0: the kind's expert item, then the retransmission's. */
      ss_packet_add_expert (pkt, flags, SS_PROTO_TCP, e, NULL);
      ss_packet_add_expert (pkt, flags, SS_PROTO_TCP, TCP_E_RETRANSMISSION, NULL);
    }
  if (info->aflags & SS_TCP_A_DUPLICATE_ACK)
    {
      it = ss_layer_add_expert_item (l, flags, TCP_E_DUPLICATE_ACK);
      ss_item_set_text (pkt, it, "%s", "This is a TCP duplicate ack");
      ss_item_set_flags (ss_layer_add_uint (l, a, TCP_F_ANALYSIS_DUPLICATE_ACK_NUM, 0, 0,
                                            info->dupack_num), SS_ITEM_GENERATED);
      it = ss_layer_add_uint (l, a, TCP_F_ANALYSIS_DUPLICATE_ACK_FRAME, 0, 0, info->dupack_frame);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      ss_packet_add_expert (pkt, it, SS_PROTO_TCP, TCP_E_DUPLICATE_ACK, _("Duplicate ACK (#%u)"),
                            info->dupack_num);
    }
}

/* Calls @next on @r (a segment's payload or a reassembled message) and tells the reassembly
 * whether it asked for more bytes. */
static void
call_next (SsLayer          *l,
           const SsTcpInfo  *info,
           const SsProtocol *next,
           SsReader         *r,
           guint32           seq,
           gboolean          is_message)
{
  SsPacket *pkt = l->pkt;
  SsPacketColumns *saved = NULL;

  /* Dissected again once every frame has been seen, a segment whose bytes all went into a
   * message completed later is not handed on in Wireshark (its reassembly knows it now): its
   * columns stay TCP's. */
  if (pkt->first_pass_done && pkt->want_columns && !is_message)
    {
      saved = ss_arena_alloc_uninit (pkt->arena, sizeof *saved);
      ss_packet_save_columns (pkt, saved);
    }
  pkt->desegment_offset = 0;
  pkt->desegment_len = 0;
  ss_packet_call (pkt, next, r, 0);
  if (!pkt->visited && pkt->tcp_reasm)
    ss_tcp_reasm_dissected (pkt->tcp_reasm, pkt->number, (guint64) info->stream << 1 | info->dir,
                            seq, r->data, r->captured, is_message, pkt->desegment_offset,
                            pkt->desegment_len);
  if (pkt->desegment_len && pkt->desegment_offset == 0)
    {
      if (saved)
        ss_packet_restore_columns (pkt, saved);
      ss_packet_set_protocol (pkt, "TCP");
      ss_packet_append_info_sep (pkt, " ", "[TCP segment of a reassembled PDU]");
    }
}

#define TCP_LABEL_MAX 239

/* Where the tree ended before a reassembled message was handed on, to take back what was added
 * for it when its dissector still asks for more (Wireshark's remove_last_data_source: the
 * reassembled bytes and the segment list are shown only on the frame that completes it). */
typedef struct
{
  SsItem *root_last;
  SsItem *added_tail;
  guint   n_sources;
} TreeMark;

static void
tree_mark (SsPacket *pkt,
           TreeMark *m)
{
  m->root_last = pkt->root.last_child;
  m->added_tail = pkt->added_tail;
  m->n_sources = pkt->n_sources;
}

/* The items added after @m, in the order they were added. */
static SsItem *
first_after (SsPacket       *pkt,
             const TreeMark *m)
{
  return m->added_tail ? m->added_tail->next_added : pkt->added_head;
}

static gboolean
added_after (SsPacket       *pkt,
             const TreeMark *m,
             const SsItem   *item)
{
  for (const SsItem *it = first_after (pkt, m); it; it = it->next_added)
    if (it == item)
      return TRUE;
  return FALSE;
}

static void
tree_rollback (SsPacket       *pkt,
               const TreeMark *m)
{
  /* A dissector that asks for more adds little or nothing, so these walks stay short; an item
   * hung under an older node is unlinked from it. */
  for (SsItem *it = first_after (pkt, m); it; it = it->next_added)
    {
      SsItem *parent = it->parent;

      if (!parent || parent == &pkt->root || added_after (pkt, m, parent))
        continue;
      {
        SsItem *prev = NULL;

        for (SsItem *c = parent->first_child; c; prev = c, c = c->next)
          if (c == it)
            {
              if (prev)
                prev->next = it->next;
              else
                parent->first_child = it->next;
              if (parent->last_child == it)
                parent->last_child = prev;
              break;
            }
      }
    }
  if (m->root_last)
    m->root_last->next = NULL;
  else
    pkt->root.first_child = NULL;
  pkt->root.last_child = m->root_last;
  if (m->added_tail)
    m->added_tail->next_added = NULL;
  else
    pkt->added_head = NULL;
  pkt->added_tail = m->added_tail;
  pkt->n_sources = m->n_sources;
}

/* Moves @item, the last top-level node, to just after @after (the first place when NULL). */
static void
move_top_item (SsPacket *pkt,
               SsItem   *item,
               SsItem   *after)
{
  SsItem *prev = NULL;

  if (!item || item->parent != &pkt->root || item == after)
    return;
  for (SsItem *c = pkt->root.first_child; c && c != item; c = c->next)
    prev = c;
  if ((after ? after->next : pkt->root.first_child) == item)
    return;
  /* unlink */
  if (prev)
    prev->next = item->next;
  else
    pkt->root.first_child = item->next;
  if (pkt->root.last_child == item)
    pkt->root.last_child = prev;
  /* insert */
  if (after)
    {
      item->next = after->next;
      after->next = item;
    }
  else
    {
      item->next = pkt->root.first_child;
      pkt->root.first_child = item;
    }
  if (!item->next)
    pkt->root.last_child = item;
}

/* The "[N Reassembled TCP Segments (X bytes): #6(1448), ...]" node (added last, moved ahead of
 * the message's protocols as Wireshark's print_tcp_fragment_tree does). */
static void
add_segments_tree (SsLayer              *l,
                   const SsTcpReasmStep *step,
                   guint8                message_source,
                   SsItem               *after)
{
  SsPacket *pkt = l->pkt;
  SsItem *segs, *it;
  guint8 saved_source = pkt->cur_source;

  segs = ss_layer_add_uint (l, &pkt->root, TCP_F_SEGMENTS, 0, 0, 0);
  if (segs && pkt->full)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_printf (text, "%u Reassembled TCP Segments (%u bytes):", step->n_segments,
                       step->len);
      for (guint i = 0; i < step->n_segments && text->len < TCP_LABEL_MAX; i++)
        g_string_append_printf (text, "%s #%u(%u)", i ? "," : "", step->segments[i].frame,
                                step->segments[i].len);
      /* Wireshark's labels hold ITEM_LABEL_LENGTH - 1 characters: long lists are cut there. */
      if (text->len > TCP_LABEL_MAX)
        g_string_truncate (text, TCP_LABEL_MAX);
      ss_item_set_text (pkt, segs, "[%s]", text->str);
    }
  for (guint i = 0; i < step->n_segments; i++)
    {
      const SsTcpReasmSegment *sg = &step->segments[i];

      it = ss_layer_add_uint (l, segs, TCP_F_SEGMENT, 0, 0, sg->frame);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      if (sg->len)
        ss_item_set_text (pkt, it, "Frame: %u, payload: %u-%u (%u bytes)", sg->frame,
                          sg->offset, sg->offset + sg->len - 1, sg->len);
      else
        ss_item_set_text (pkt, it, "Frame: %u (no data)", sg->frame);
    }
  ss_item_set_flags (ss_layer_add_uint (l, segs, TCP_F_SEGMENT_COUNT, 0, 0, step->n_segments),
                     SS_ITEM_GENERATED);
  ss_item_set_flags (ss_layer_add_uint (l, segs, TCP_F_REASSEMBLED_LENGTH, 0, 0, step->len),
                     SS_ITEM_GENERATED);
  pkt->cur_source = message_source;
  ss_item_set_flags (ss_layer_add_bytes (l, segs, TCP_F_REASSEMBLED_DATA, 0, step->len,
                                         step->data, step->len), SS_ITEM_GENERATED);
  pkt->cur_source = saved_source;
  move_top_item (pkt, segs, after);
}

/* The message's byte source and the next protocol on the whole message; the segment list when
 * it took the message, nothing when it still asks for more (then FALSE). */
static gboolean
dissect_message (SsLayer              *l,
                 const SsTcpInfo      *info,
                 const SsTcpReasmStep *step,
                 const SsProtocol     *next)
{
  SsPacket *pkt = l->pkt;
  SsReader msg;
  guint8 saved_source = pkt->cur_source, message_source;
  struct _SsTcpReasm *reasm = pkt->tcp_reasm;
  TreeMark mark;

  if (pkt->n_sources >= SS_PACKET_MAX_SOURCES)
    return TRUE;
  tree_mark (pkt, &mark);
  pkt->sources[pkt->n_sources].name = "Reassembled TCP";
  pkt->sources[pkt->n_sources].data = step->data;
  pkt->sources[pkt->n_sources].len = step->len;
  pkt->n_sources++;
  message_source = pkt->n_sources;
  pkt->cur_source = message_source;
  ss_reader_init (&msg, step->data, step->len, step->len, &pkt->status);
  /* At the FIN nothing more can come: the message is dissected as it is (can_desegment 0). */
  if (step->final)
    pkt->tcp_reasm = NULL;
  call_next (l, info, next, &msg, 0, TRUE);
  pkt->tcp_reasm = reasm;
  pkt->cur_source = saved_source;
  if (pkt->desegment_len && pkt->desegment_offset == 0)
    {
      tree_rollback (pkt, &mark);
      return FALSE;
    }
  add_segments_tree (l, step, message_source, mark.root_last);
  return TRUE;
}

static void
add_reassembled_in (SsLayer *l,
                    guint32  frame)
{
  if (frame)
    ss_item_set_flags (ss_layer_add_uint (l, NULL, TCP_F_REASSEMBLED_IN, 0, 0, frame),
                       SS_ITEM_GENERATED);
}

static void
add_segment_data (SsLayer  *l,
                  SsReader *r,
                  guint     off,
                  guint32   n)
{
  SsItem *it;

  if (n == 0)
    return;
  it = ss_layer_add_bytes (l, NULL, TCP_F_SEGMENT_DATA, off, n, r->data + off, n);
  ss_item_set_text (l->pkt, it, "TCP segment data (%u byte%s)", n, n == 1 ? "" : "s");
}

/* The payload: straight to the next protocol, or through reassembly when a message spans
 * segments. Retransmitted data is not dissected again, as in Wireshark. A FIN segment (even an
 * empty one) may complete a message that runs until the connection closes. */
static void
dissect_payload (SsLayer          *l,
                 const SsTcpInfo  *info,
                 SsReader         *r,
                 guint             hlen,
                 guint32           seglen,
                 const SsProtocol *next)
{
  SsPacket *pkt = l->pkt;
  SsTcpReasmStep step;
  SsReader payload;
  guint32 captured = ss_reader_remaining (r, hlen);
  guint32 seq = info->seq;
  guint64 flow = (guint64) info->stream << 1 | info->dir;

  if (!next || !pkt->tcp_reasm || !info->have_stream || captured < seglen)
    {
      if (seglen)
        ss_packet_call (pkt, next, r, hlen);
      return;
    }
  if (info->aflags & (SS_TCP_A_RETRANSMISSION | SS_TCP_A_FAST_RETRANSMISSION
                      | SS_TCP_A_SPURIOUS_RETRANSMISSION | SS_TCP_A_OUT_OF_ORDER))
    {
      /* A plain retransmission is left out of reassembly; the bytes of a fast retransmission or
       * of an out-of-order segment that a message being collected already holds join its segment
       * list (tshark 4.0 passes those on to reassembly). */
      if (pkt->visited)
        ss_tcp_reasm_lookup (pkt->tcp_reasm, pkt->number, seglen, &step);
      if (pkt->visited ? step.action == SS_TCP_REASM_SEGMENT
                       : !(info->aflags & SS_TCP_A_RETRANSMISSION)
                         && ss_tcp_reasm_overlap (pkt->tcp_reasm, pkt->number, flow, seq, seglen))
        {
          if (pkt->visited)
            add_reassembled_in (l, step.reassembled_in);
          add_segment_data (l, r, hlen, seglen);
          return;
        }
      /* tshark 4.0 labels the bytes of a retransmission (not of a spurious one, nor of a segment
       * only out of order). */
      if (seglen && (info->aflags & (SS_TCP_A_RETRANSMISSION | SS_TCP_A_FAST_RETRANSMISSION))
          && !(info->aflags & SS_TCP_A_SPURIOUS_RETRANSMISSION))
        ss_item_set_text (pkt, ss_layer_add_bytes (l, NULL, TCP_F_SEGMENT_DATA, hlen, seglen,
                                                   r->data + hlen, seglen),
                          "Retransmitted TCP segment data (%u byte%s)", seglen,
                          seglen == 1 ? "" : "s");
      return;
    }

  ss_tcp_reasm_set_at_fin (pkt->tcp_reasm, (info->flags & 0x001) != 0);
  if (pkt->visited)
    ss_tcp_reasm_lookup (pkt->tcp_reasm, pkt->number, seglen, &step);
  else if (info->flags & 0x001)
    ss_tcp_reasm_fin (pkt->tcp_reasm, pkt->number, flow, seq, r->data + hlen, seglen, &step);
  else
    ss_tcp_reasm_segment (pkt->tcp_reasm, pkt->number, flow, seq, r->data + hlen, seglen, &step);

  if (seglen == 0 && step.action != SS_TCP_REASM_COMPLETE)
    goto out;
  switch (step.action)
    {
    case SS_TCP_REASM_SEGMENT:
      if (step.rest_offset == seglen)
        add_reassembled_in (l, step.reassembled_in);
      add_segment_data (l, r, hlen, step.rest_offset);
      if (step.rest_offset)
        ss_packet_append_info_sep (pkt, " ", "[TCP segment of a reassembled PDU]");
      break;
    case SS_TCP_REASM_COMPLETE:
      add_segment_data (l, r, hlen, step.rest_offset);
      dissect_message (l, info, &step, next);
      break;
    case SS_TCP_REASM_DISSECT:
    default:
      step.rest_offset = 0;
      break;
    }
  if (step.rest_offset < seglen)
    {
      /* What the next protocol could not take yet is shown as segment data. */
      ss_reader_sub (r, hlen + step.rest_offset, -1, &payload);
      call_next (l, info, next, &payload, seq + step.rest_offset, FALSE);
      if (pkt->desegment_len && pkt->desegment_offset < payload.captured)
        add_reassembled_in (l, step.reassembled_in);
      if (pkt->desegment_len && pkt->desegment_offset < payload.captured)
        add_segment_data (l, r, hlen + step.rest_offset + pkt->desegment_offset,
                          payload.captured - pkt->desegment_offset);
    }
out:
  ss_tcp_reasm_set_at_fin (pkt->tcp_reasm, FALSE);
}

/* From the stream number to the flags; sets the acknowledgment number's item and the flags'
 * (the parents of expert items). */
static void
add_header_items (SsLayer         *l,
                  const SsTcpInfo *info,
                  guint            hlen,
                  SsItem         **ack_it,
                  SsItem         **flags_it)
{
  SsPacket *pkt = l->pkt;
  guint16 flags = info->flags;
  SsItem *it, *fl;
  char str[40];

  if (info->have_stream)
    ss_item_set_flags (ss_layer_add_uint (l, NULL, TCP_F_STREAM, 0, 0, info->stream),
                       SS_ITEM_GENERATED);
  ss_item_set_flags (ss_layer_add_uint (l, NULL, TCP_F_LEN, 12, 1, info->seglen),
                     SS_ITEM_GENERATED);
  it = ss_layer_add_uint (l, NULL, TCP_F_SEQ, 4, 4, info->rel_seq);
  if (info->relative)
    ss_item_append_text (pkt, it, "    (relative sequence number)");
  ss_layer_add_item (l, NULL, TCP_F_SEQ_RAW, 4, 4, SS_ENC_BE);
  if (info->relative)
    {
      it = ss_layer_add_uint (l, NULL, TCP_F_NXTSEQ, 0, 0, info->nxtseq);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      ss_item_append_text (pkt, it, "    (relative sequence number)");
    }
  it = ss_layer_add_uint (l, NULL, TCP_F_ACK, 8, 4, info->rel_ack);
  if (info->relative && (flags & 0x010))
    ss_item_append_text (pkt, it, "    (relative ack number)");
  *ack_it = it;
  ss_layer_add_item (l, NULL, TCP_F_ACK_RAW, 8, 4, SS_ENC_BE);
  it = ss_layer_add_uint (l, NULL, TCP_F_HDR_LEN, 12, 1, hlen);
  ss_item_set_text (pkt, it, "%u%u%u%u .... = Header Length: %u bytes (%u)", hlen / 4 >> 3 & 1,
                    hlen / 4 >> 2 & 1, hlen / 4 >> 1 & 1, hlen / 4 & 1, hlen, hlen / 4);

  fl = ss_layer_add_item (l, NULL, TCP_F_FLAGS, 12, 2, SS_ENC_BE);
  if (fl && pkt->full)
    {
      char flag_text[TCP_FLAGS_INFO_MAX];

      flags_to_info (flags, flag_text);
      ss_item_set_text (pkt, fl, "Flags: 0x%03x (%s)", flags, flag_text);
    }
  for (guint f = TCP_F_FLAGS_RES; f <= TCP_F_FLAGS_FIN; f++)
    ss_layer_add_item (l, fl, f, 12, 2, SS_ENC_BE);
  if (ss_layer_wants (l, TCP_F_FLAGS_STR))
    {
      flags_to_str (flags, str);
      ss_item_set_flags (ss_layer_add_string (l, fl, TCP_F_FLAGS_STR, 12, 2, str, -1),
                         SS_ITEM_GENERATED);
    }
  *flags_it = fl;
}

/* From the window to the urgent pointer. */
static void
add_window_items (SsLayer         *l,
                  const SsTcpInfo *info)
{
  SsItem *it;

  ss_layer_add_item (l, NULL, TCP_F_WINDOW_SIZE_VALUE, 14, 2, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_uint (l, NULL, TCP_F_WINDOW_SIZE, 14, 2, info->win_size),
                     SS_ITEM_GENERATED);
  if (!(info->flags & 0x002))
    ss_item_set_flags (ss_layer_add_int (l, NULL, TCP_F_WINDOW_SIZE_SCALEFACTOR, 14, 2,
                                         info->win_scalefactor), SS_ITEM_GENERATED);
  it = ss_layer_add_item (l, NULL, TCP_F_CHECKSUM, 16, 2, SS_ENC_BE);
  ss_item_append_text (l->pkt, it, " [unverified]");
  ss_item_set_flags (ss_layer_add_uint (l, NULL, TCP_F_CHECKSUM_STATUS, 16, 0, 2),
                     SS_ITEM_GENERATED);
  ss_layer_add_item (l, NULL, TCP_F_URGENT_POINTER, 18, 2, SS_ENC_BE);
}

static void
dissect_tcp (SsPacket *pkt,
             SsReader *r)
{
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_TCP, r, 0, 20);
  SsTcpInfo info = { 0 };
  TcpOptionState opts;
  guint16 sport, dport, flags, window;
  guint32 seq, ack, seglen;
  guint hlen;
  SsItem *it, *fl, *ack_it;
  gboolean items;
  const SsProtocol *next;

  sport = ss_reader_get_ntohs (r, 0);
  dport = ss_reader_get_ntohs (r, 2);
  ss_layer_add_item (&l, NULL, TCP_F_SRCPORT, 0, 2, SS_ENC_BE);
  ss_layer_add_item (&l, NULL, TCP_F_DSTPORT, 2, 2, SS_ENC_BE);
  ss_item_set_flags (ss_layer_add_item (&l, NULL, TCP_F_PORT, 0, 2, SS_ENC_BE), SS_ITEM_HIDDEN);
  ss_item_set_flags (ss_layer_add_item (&l, NULL, TCP_F_PORT, 2, 2, SS_ENC_BE), SS_ITEM_HIDDEN);
  if (ss_reader_failed (r))
    return;
  pkt->srcport = sport;
  pkt->dstport = dport;

  seq = ss_reader_get_ntohl (r, 4);
  ack = ss_reader_get_ntohl (r, 8);
  hlen = (ss_reader_get_u8 (r, 12) >> 4) * 4;
  flags = ss_reader_get_ntohs (r, 12) & 0x0fff;
  window = ss_reader_get_ntohs (r, 14);
  if (!ss_reader_check (r, 0, 20))
    {
      /* Wireshark still shows what was there before the cut. */
      ss_layer_add_item (&l, NULL, TCP_F_SEQ_RAW, 4, 4, SS_ENC_BE);
      return;
    }

  if (hlen < 20)
    {
      it = ss_layer_add_uint (&l, NULL, TCP_F_HDR_LEN, 12, 1, hlen);
      ss_packet_add_expert (pkt, it, SS_PROTO_TCP, TCP_E_BOGUS_HDR_LEN,
                            _("Bogus TCP header length (%u, must be at least 20)"), hlen);
      ss_packet_append_info (pkt, " [BOGUS TCP HEADER LENGTH (%u, must be at least 20)]", hlen);
      return;
    }
  seglen = r->reported > hlen ? r->reported - hlen : 0;

  info.src = &pkt->net_src;
  info.dst = &pkt->net_dst;
  info.srcport = sport;
  info.dstport = dport;
  info.seq = seq;
  info.ack = ack;
  info.flags = flags;
  info.window = window;
  info.seglen = seglen;
  info.win_scalefactor = -1;
  info.win_size = window;
  info.wscale = -1;
  info.ack_rtt_ns = -1;
  info.initial_rtt_ns = -1;
  info.time_rel_ns = info.time_delta_ns = -1;
  if (hlen > 20)
    {
      /* The analysis needs the window scale and SACK options before the items are added; a
       * quick scan finds them and the full parse below adds the items. */
      for (guint off = 20; off + 1 < hlen && ss_reader_has (r, off, 2);)
        {
          guint8 kind = r->data[off];
          guint8 olen;

          if (kind == 0)
            break;
          if (kind == 1)
            {
              off++;
              continue;
            }
          olen = r->data[off + 1];
          if (olen < 2)
            break;
          if (kind == 3 && olen == 3 && ss_reader_has (r, off + 2, 1))
            info.wscale = r->data[off + 2];
          if (kind == 5 && olen >= 10 && ss_reader_has (r, off, olen))
            for (guint b = 0; b < (guint) (olen - 2) / 8 && info.sack_n < 4; b++, info.sack_n++)
              {
                info.sack_le[info.sack_n] = ss_reader_get_ntohl (r, off + 2 + 8 * b);
                info.sack_re[info.sack_n] = ss_reader_get_ntohl (r, off + 6 + 8 * b);
              }
          off += olen;
        }
    }
  if (pkt->tcp_analyze)
    pkt->tcp_analyze (pkt->tcp_analyze_data, pkt, &info);
  if (!info.relative)
    {
      info.rel_seq = seq;
      info.rel_ack = ack;
    }

  if (pkt->want_columns)
    {
      ss_packet_clear_info (pkt);
      analysis_info_prefix (&info, pkt);
      /* The prefix stays when an upper layer writes its own Info. */
      ss_packet_fence_info (pkt);
    }

  /* The header's items read only the 20 bytes checked above: when no TCP field but an expert
   * item's is wanted, they are left out. */
  items = ss_layer_wants_any (&l);
  ack_it = fl = NULL;
  if (items)
    add_header_items (&l, &info, hlen, &ack_it, &fl);
  if (!(flags & 0x010) && info.ack != 0)
    ss_packet_add_expert (pkt, ack_it, SS_PROTO_TCP, TCP_E_ACK_NONZERO, NULL);
  if ((flags & 0x012) == 0x002)
    ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_SYN,
                          _("Connection establish request (SYN): server port %u"), dport);
  else if ((flags & 0x012) == 0x012)
    ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_SYNACK,
                          _("Connection establish acknowledge (SYN+ACK): server port %u"), sport);
  if (flags & 0x004)
    ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_RST, NULL);
  if (flags & 0x001)
    {
      ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_FIN, NULL);
      if (info.fin_kind == 1)
        ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_FIN_ACTIVE, NULL);
      else if (info.fin_kind == 2)
        ss_packet_add_expert (pkt, fl, SS_PROTO_TCP, TCP_E_CONNECTION_FIN_PASSIVE, NULL);
    }
  if (items)
    add_window_items (&l, &info);

  opts.wscale = -1;
  opts.info = NULL;
  if (pkt->want_columns)
    {
      /* Not zeroed whole: its parts are written as far as they are used. */
      TcpInfoText *t = ss_arena_alloc_uninit (pkt->arena, sizeof *t);

      t->sport = sport;
      t->dport = dport;
      t->flags = flags;
      t->urgent = ss_reader_get_ntohs (r, 18);
      t->seq = info.rel_seq;
      t->ack = info.rel_ack;
      t->window = info.win_size;
      t->seglen = seglen;
      t->n_parts = 0;
      opts.info = t;
    }
  /* The edges acknowledge the peer's bytes: relative to the base of the other direction. */
  opts.sack_base = info.relative ? info.ack - info.rel_ack : 0;
  opts.ack = info.ack - opts.sack_base;
  if (hlen > 20)
    {
      if (ss_reader_check (r, 20, hlen - 20))
        {
          it = ss_layer_add_item (&l, NULL, TCP_F_OPTIONS, 20, hlen - 20, SS_ENC_BE);
          ss_item_set_text (pkt, it, "Options: (%u bytes)", hlen - 20);
          dissect_options (&l, it, 20, hlen, &opts);
        }
    }

  if (info.time_rel_ns >= 0)
    {
      /* A text node: its label is also its JSON key, so it stays as tshark writes it. */
      SsItem *ts = ss_layer_add_text (&l, NULL, 0, 0, "Timestamps");

      ss_item_set_flags (ts, SS_ITEM_GENERATED);
      ss_item_set_flags (add_reltime (&l, ts, TCP_F_TIME_RELATIVE, info.time_rel_ns),
                         SS_ITEM_GENERATED);
      ss_item_set_flags (add_reltime (&l, ts, TCP_F_TIME_DELTA, info.time_delta_ns),
                         SS_ITEM_GENERATED);
    }
  if (info.have_analysis)
    add_analysis (&l, &info);

  if (l.top)
    {
      ss_item_set_text (pkt, l.top,
                        "Transmission Control Protocol, Src Port: %u, Dst Port: %u, Seq: %u%s",
                        sport, dport, info.rel_seq, "");
      if (flags & 0x010)
        ss_item_append_text (pkt, l.top, ", Ack: %u", info.rel_ack);
      ss_item_append_text (pkt, l.top, ", Len: %u", seglen);
      ss_item_set_length (l.top, hlen);
    }

  if (opts.info)
    ss_packet_defer_info (pkt, write_info, opts.info);

  if (!ss_reader_check (r, 0, hlen) || (seglen == 0 && !(flags & 0x001)))
    return;

  if (seglen)
    {
      it = ss_layer_add_bytes (&l, NULL, TCP_F_PAYLOAD, hlen, ss_reader_remaining (r, hlen),
                               r->data + hlen, ss_reader_remaining (r, hlen));
      ss_item_set_text (pkt, it, "TCP payload (%u bytes)", seglen);
    }

  /* Nothing above TCP is wanted (ss-engine.c): its reassembly is not needed either. */
  if (pkt->apps_run == 0)
    return;
  next = ss_dissectors_for_tcp_port (MIN (sport, dport));
  if (!next)
    next = ss_dissectors_for_tcp_port (MAX (sport, dport));
  /* Nor when the protocol of the port is left out. */
  if (next && next->application && !((pkt->apps_run >> next->id) & 1))
    return;
  if (info.have_stream)
    {
      pkt->tcp_stream = info.stream;
      pkt->tcp_dir = info.dir;
    }
  dissect_payload (&l, &info, r, hlen, seglen, next);
}

const SsProtocol ss_proto_tcp = {
  .id = SS_PROTO_TCP,
  .abbrev = "tcp",
  .short_name = "TCP",
  .name = N_("Transmission Control Protocol"),
  .fields = tcp_fields,
  .n_fields = TCP_F_COUNT,
  .experts = tcp_experts,
  .n_experts = TCP_E_COUNT,
  .dissect = dissect_tcp,
  .upper_fields_from = TCP_F_SEGMENT_DATA,
};
