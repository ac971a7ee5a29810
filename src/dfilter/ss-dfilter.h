/* ss-dfilter.h: display filters in the Wireshark filter language
 *
 * A filter is compiled once against the field registry and then applied to dissected packets.
 * The language and its meaning are Wireshark 4.0's (`tcp.port in {80, 443}`, `ip.src ==
 * 10.0.0.0/8`, `eth.src[0:3] == 00:11:22`, `frame contains "GET"`, `len(tcp.payload) > 100`),
 * plus two extensions of later releases: `^^`/`xor`, and sets whose members are separated by
 * whitespace as well as commas.
 *
 * A compiled filter knows the fields it reads: hand them to the engine
 * (ss_engine_want_field()) so a pass only extracts those. Applying a filter does not allocate in
 * the common case and never changes the filter, so one filter can be applied from several threads
 * at once.
 */
#pragma once

#include <glib.h>

#include "ss-packet.h"
#include "ss-registry.h"

G_BEGIN_DECLS

#define SS_DFILTER_ERROR (ss_dfilter_error_quark ())

typedef enum
{
  SS_DFILTER_ERROR_SYNTAX,         /* a token where it cannot be, an unterminated string */
  SS_DFILTER_ERROR_UNKNOWN_FIELD,  /* neither a field nor a protocol name */
  SS_DFILTER_ERROR_TYPE,           /* incompatible types, an operator a type does not support */
  SS_DFILTER_ERROR_VALUE,          /* a literal that is not a value of the field's type */
  SS_DFILTER_ERROR_REGEX,          /* `matches` with a pattern GRegex refuses */
  SS_DFILTER_ERROR_FUNCTION,       /* unknown function, wrong arguments */
  SS_DFILTER_ERROR_TOO_COMPLEX,    /* nested too deeply, too long */
} SsDfilterErrorCode;

/* Where a compile error is: byte offsets into the filter text, @end excluded. @start is -1 when
 * the error has no place of its own (the filter ended too early); @end == @start marks a point
 * (a missing quote or bracket at the end). */
typedef struct
{
  gssize start;
  gssize end;
} SsDfilterLoc;

typedef struct _SsDfilter SsDfilter;

GQuark            ss_dfilter_error_quark     (void);

/* Compiles @text. On error returns NULL, sets @error (whose message names what is wrong, in
 * tshark's words where it has some) and, when @loc is not NULL, where it is. An empty filter
 * (or only whitespace) matches every packet. */
SsDfilter        *ss_dfilter_compile         (const SsRegistry  *reg,
                                              const char        *text,
                                              SsDfilterLoc      *loc,
                                              GError           **error);
void              ss_dfilter_free            (SsDfilter         *df);

/* Whether @pkt passes. The packet must have been dissected with the filter's fields wanted (or
 * with the full tree). */
gboolean          ss_dfilter_apply           (const SsDfilter   *df,
                                              const SsPacket    *pkt);

/* The fields (and protocols) the filter reads, each once. Borrowed. */
const SsFieldId  *ss_dfilter_get_fields      (const SsDfilter   *df,
                                              guint             *n_fields);
/* Whether the filter is the empty filter (it matches everything and reads nothing). */
gboolean          ss_dfilter_is_empty        (const SsDfilter   *df);
/* Whether an absolute time of the filter named no zone and was read as local time (TZ), as
 * Wireshark reads it: the GUI says which zone it assumed, since cluster logs are usually UTC. */
gboolean          ss_dfilter_uses_local_time (const SsDfilter *df);
/* The filter text as given. */
const char       *ss_dfilter_get_text        (const SsDfilter   *df);
/* A readable dump of the compiled filter, for tests and debugging. */
char             *ss_dfilter_dup_dump        (const SsDfilter   *df);

/* A completion candidate: a field or protocol name and its description. */
typedef struct
{
  const char *abbrev;      /* "tcp.srcport" */
  const char *name;        /* "Source Port", translated */
  const char *type_name;   /* "Unsigned integer (2 bytes)", as Wireshark names field types */
} SsDfilterCompletion;

/* Fields and protocols whose name starts with @prefix, sorted by name, each a newly allocated
 * SsDfilterCompletion (the array frees them). Also offers the function names (`len`, `count`,
 * ...) when @prefix could start one. */
GPtrArray        *ss_dfilter_complete        (const SsRegistry  *reg,
                                              const char        *prefix);

/* Wireshark's name of a field type ("Unsigned integer (2 bytes)", "IPv4 address"). */
const char       *ss_dfilter_type_name       (SsFieldType        type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDfilter, ss_dfilter_free)

G_END_DECLS
