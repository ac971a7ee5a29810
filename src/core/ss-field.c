/* ss-field.c: facts about field types */
#include "config.h"

#include "ss-field.h"

const char *
ss_field_type_name (SsFieldType type)
{
  static const char *const names[SS_FT_COUNT] = {
    [SS_FT_NONE] = "FT_NONE", [SS_FT_PROTOCOL] = "FT_PROTOCOL", [SS_FT_BOOLEAN] = "FT_BOOLEAN",
    [SS_FT_CHAR] = "FT_CHAR", [SS_FT_UINT8] = "FT_UINT8", [SS_FT_UINT16] = "FT_UINT16",
    [SS_FT_UINT24] = "FT_UINT24", [SS_FT_UINT32] = "FT_UINT32", [SS_FT_UINT64] = "FT_UINT64",
    [SS_FT_INT8] = "FT_INT8", [SS_FT_INT16] = "FT_INT16", [SS_FT_INT32] = "FT_INT32",
    [SS_FT_INT64] = "FT_INT64", [SS_FT_FRAMENUM] = "FT_FRAMENUM", [SS_FT_FLOAT] = "FT_FLOAT",
    [SS_FT_DOUBLE] = "FT_DOUBLE", [SS_FT_ABSOLUTE_TIME] = "FT_ABSOLUTE_TIME",
    [SS_FT_RELATIVE_TIME] = "FT_RELATIVE_TIME", [SS_FT_IPv4] = "FT_IPv4",
    [SS_FT_IPv6] = "FT_IPv6", [SS_FT_ETHER] = "FT_ETHER", [SS_FT_BYTES] = "FT_BYTES",
    [SS_FT_STRING] = "FT_STRING",
  };

  return type < SS_FT_COUNT ? names[type] : "FT_?";
}

gboolean
ss_field_type_is_integer (SsFieldType type)
{
  switch (type)
    {
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
    case SS_FT_FRAMENUM:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
ss_field_type_is_signed (SsFieldType type)
{
  return type == SS_FT_INT8 || type == SS_FT_INT16 || type == SS_FT_INT32 || type == SS_FT_INT64;
}

guint
ss_field_type_bits (SsFieldType type)
{
  switch (type)
    {
    case SS_FT_CHAR:
    case SS_FT_UINT8:
    case SS_FT_INT8:
    case SS_FT_BOOLEAN:
      return 8;
    case SS_FT_UINT16:
    case SS_FT_INT16:
      return 16;
    case SS_FT_UINT24:
      return 24;
    case SS_FT_UINT32:
    case SS_FT_INT32:
    case SS_FT_FRAMENUM:
      return 32;
    case SS_FT_UINT64:
    case SS_FT_INT64:
      return 64;
    default:
      return 0;
    }
}

guint
ss_field_mask_shift (guint64 mask)
{
  return mask ? (guint) __builtin_ctzll (mask) : 0;
}

const char *
ss_value_string_lookup (const SsValueString *vals,
                        guint64              value)
{
  if (!vals)
    return NULL;
  for (; vals->name; vals++)
    if (vals->value == value)
      return vals->name;
  return NULL;
}

const char *
ss_expert_severity_name (SsExpertSeverity severity)
{
  switch (severity)
    {
    case SS_EXPERT_CHAT:
      return "Chat";
    case SS_EXPERT_NOTE:
      return "Note";
    case SS_EXPERT_WARN:
      return "Warning";
    case SS_EXPERT_ERROR:
      return "Error";
    default:
      return "?";
    }
}

const char *
ss_expert_group_name (SsExpertGroup group)
{
  static const char *const names[] = {
    NULL, "Checksum", "Sequence", "Response", "Request", "Undecoded", "Reassemble",
    "Malformed", "Debug", "Protocol", "Security", "Comment", "Decryption", "Assumption",
    "Deprecated",
  };

  return group < G_N_ELEMENTS (names) && names[group] ? names[group] : "?";
}
