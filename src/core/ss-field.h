/* ss-field.h: field declarations, the one registry every consumer reads
 *
 * A dissector declares each of its fields once in a static const SsFieldDef table. The protocol
 * tree, `-T fields`, JSON output, the display-filter compiler, columns and statistics all read
 * those declarations through the SsRegistry, which numbers every field of every protocol.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SS_FT_NONE,           /* a label with no value */
  SS_FT_PROTOCOL,       /* a protocol node */
  SS_FT_BOOLEAN,
  SS_FT_CHAR,
  SS_FT_UINT8,
  SS_FT_UINT16,
  SS_FT_UINT24,
  SS_FT_UINT32,
  SS_FT_UINT64,
  SS_FT_INT8,
  SS_FT_INT16,
  SS_FT_INT32,
  SS_FT_INT64,
  SS_FT_FRAMENUM,
  SS_FT_FLOAT,
  SS_FT_DOUBLE,
  SS_FT_ABSOLUTE_TIME,
  SS_FT_RELATIVE_TIME,
  SS_FT_IPv4,
  SS_FT_IPv6,
  SS_FT_ETHER,
  SS_FT_BYTES,
  SS_FT_STRING,
  SS_FT_COUNT
} SsFieldType;

/* How a value is shown. For integers the base; for SS_FT_BOOLEAN the width in bits of the
 * containing value (8, 16, 24 or 32) when it has a mask; for SS_FT_ABSOLUTE_TIME the style. */
typedef enum
{
  SS_BASE_NONE = 0,
  SS_BASE_DEC,
  SS_BASE_HEX,
  SS_BASE_OCT,
  SS_BASE_DEC_HEX,
  SS_BASE_HEX_DEC,
  SS_BASE_TIME_LOCAL,     /* "Jan  1, 2025 12:00:00.000000000 CET" */
  SS_BASE_TIME_UTC,
  SS_BASE_TIME_UNIX,      /* seconds.nanoseconds since the epoch */
  SS_BASE_SEP_COLON,      /* bytes as aa:bb:cc in the tree */
} SsFieldBase;

typedef struct
{
  guint64      value;
  const char  *name;
} SsValueString;

typedef struct
{
  const char  *true_string;
  const char  *false_string;
} SsTrueFalse;

typedef struct
{
  const char           *abbrev;   /* Wireshark's name: "tcp.srcport" */
  const char           *name;     /* display name, translatable (N_()) */
  SsFieldType           type;
  guint                 display;  /* SsFieldBase, or bit width for masked booleans */
  const SsValueString  *vals;     /* value names, ending with { 0, NULL }; may be NULL */
  guint64               mask;     /* bit mask within the value read, 0 for none */
  const SsTrueFalse    *tfs;      /* booleans: names of true/false, NULL for Set/Not set */
  const char           *blurb;    /* longer description, may be NULL */
} SsFieldDef;

/* An Expert Information item kind, declared like fields. */
typedef enum
{
  SS_EXPERT_CHAT = 1,
  SS_EXPERT_NOTE,
  SS_EXPERT_WARN,
  SS_EXPERT_ERROR,
} SsExpertSeverity;

typedef enum
{
  SS_EXPERT_GROUP_CHECKSUM = 1,
  SS_EXPERT_GROUP_SEQUENCE,
  SS_EXPERT_GROUP_RESPONSE_CODE,
  SS_EXPERT_GROUP_REQUEST_CODE,
  SS_EXPERT_GROUP_UNDECODED,
  SS_EXPERT_GROUP_REASSEMBLE,
  SS_EXPERT_GROUP_MALFORMED,
  SS_EXPERT_GROUP_DEBUG,
  SS_EXPERT_GROUP_PROTOCOL,
  SS_EXPERT_GROUP_SECURITY,
  SS_EXPERT_GROUP_COMMENTS,
  SS_EXPERT_GROUP_DECRYPTION,
  SS_EXPERT_GROUP_ASSUMPTION,
  SS_EXPERT_GROUP_DEPRECATED,
} SsExpertGroup;

typedef struct
{
  const char       *abbrev;    /* "tcp.analysis.retransmission" style */
  SsExpertGroup     group;
  SsExpertSeverity  severity;
  const char       *summary;   /* translatable (N_()) */
} SsExpertDef;

const char *ss_field_type_name        (SsFieldType        type);
gboolean    ss_field_type_is_integer  (SsFieldType        type);
gboolean    ss_field_type_is_signed   (SsFieldType        type);
/* Bits in the value of an integer type (8 for UINT8 ... 64). */
guint       ss_field_type_bits        (SsFieldType        type);
/* Position of the lowest set bit of @mask (0 when @mask is 0). */
guint       ss_field_mask_shift       (guint64            mask);
const char *ss_value_string_lookup    (const SsValueString *vals,
                                       guint64             value);
const char *ss_expert_severity_name   (SsExpertSeverity   severity);
const char *ss_expert_group_name      (SsExpertGroup      group);

G_END_DECLS
