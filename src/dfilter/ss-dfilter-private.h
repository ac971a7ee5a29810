/* ss-dfilter-private.h: what the lexer, parser, semantic check and evaluator share
 *
 * text --lexer--> tokens --parser--> syntax tree (SsDfAst) --semantic--> compiled tests and
 * entities (SsDfTest, SsDfEntity) --eval--> TRUE/FALSE for a packet.
 */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

#include "ss-dfilter.h"

G_BEGIN_DECLS

/* Limits that keep any input string cheap: nesting bounds the recursion of every stage. */
#define SS_DF_MAX_TEXT      (256 * 1024)
#define SS_DF_MAX_DEPTH     128
#define SS_DF_MAX_TOKENS    (64 * 1024)

/* ---- tokens ----------------------------------------------------------------------------- */

typedef enum
{
  SS_DF_TOK_EOF,
  SS_DF_TOK_LPAREN,
  SS_DF_TOK_RPAREN,
  SS_DF_TOK_LBRACE,
  SS_DF_TOK_RBRACE,
  SS_DF_TOK_COMMA,
  SS_DF_TOK_DOTDOT,
  SS_DF_TOK_SLICE,        /* "[...]": text holds what is between the brackets */
  SS_DF_TOK_LAYER,        /* "#2" or "#[1-2]": text holds the digits or the bracket contents */
  /* comparisons */
  SS_DF_TOK_ANY_EQ,       /* == eq any_eq */
  SS_DF_TOK_ALL_NE,       /* != ne all_ne */
  SS_DF_TOK_ALL_EQ,       /* === all_eq */
  SS_DF_TOK_ANY_NE,       /* !== ~= any_ne */
  SS_DF_TOK_GT,
  SS_DF_TOK_GE,
  SS_DF_TOK_LT,
  SS_DF_TOK_LE,
  SS_DF_TOK_CONTAINS,
  SS_DF_TOK_MATCHES,      /* matches ~ */
  /* logic */
  SS_DF_TOK_AND,
  SS_DF_TOK_OR,
  SS_DF_TOK_XOR,
  SS_DF_TOK_NOT,
  SS_DF_TOK_IN,
  /* arithmetic */
  SS_DF_TOK_BITAND,
  SS_DF_TOK_PLUS,
  SS_DF_TOK_MINUS,
  SS_DF_TOK_STAR,
  SS_DF_TOK_SLASH,
  SS_DF_TOK_PERCENT,
  /* values */
  SS_DF_TOK_WORD,         /* a field name or a literal, decided by the semantic check */
  SS_DF_TOK_DOTFIELD,     /* ".name": a field, no ifs or buts; text is without the dot */
  SS_DF_TOK_STRING,       /* "..." with escapes resolved: text/len */
  SS_DF_TOK_CHARCONST,    /* 'c': value */
} SsDfTokenType;

typedef struct
{
  SsDfTokenType  type;
  gsize          start;   /* byte offsets in the filter text */
  gsize          end;
  char          *text;    /* owned; NUL-terminated (strings may hold NULs before it) */
  gsize          len;     /* bytes of text */
  guint64        value;   /* char constants */
} SsDfToken;

typedef struct
{
  const SsRegistry *reg;  /* when set, ".name" must name a field */
  const char   *text;
  gsize         len;
  gsize         pos;
  guint         n_tokens;
} SsDfLexer;

void      ss_df_lexer_init         (SsDfLexer     *lx,
                                    const SsRegistry *reg,
                                    const char    *text,
                                    gsize          len);
/* Reads the next token into @tok (its text is the caller's to free with ss_df_token_clear()). */
gboolean  ss_df_lexer_next         (SsDfLexer     *lx,
                                    SsDfToken     *tok,
                                    SsDfilterLoc  *loc,
                                    GError       **error);
void      ss_df_token_clear        (SsDfToken     *tok);
/* The token as an error message shows it: strings in quotes, EOF as "end". Caller frees. */
char     *ss_df_token_dup_display  (const SsDfToken *tok);
const char *ss_df_token_type_name  (SsDfTokenType  type);

/* ---- syntax tree -------------------------------------------------------------------------- */

typedef enum
{
  SS_DF_AST_WORD,         /* text: as typed */
  SS_DF_AST_DOTFIELD,     /* text: the name after the dot */
  SS_DF_AST_STRING,       /* text/len: the value */
  SS_DF_AST_CHARCONST,    /* value */
  SS_DF_AST_SLICE,        /* children[0]: the sliced entity; ranges */
  SS_DF_AST_LAYER,        /* children[0]: the field; layer_lo, layer_hi */
  SS_DF_AST_FUNCTION,     /* text: name; children: arguments; name_start/name_end */
  SS_DF_AST_ARITH,        /* op; children[0], children[1] */
  SS_DF_AST_NEGATE,       /* children[0] */
  SS_DF_AST_CMP,          /* op; children[0], children[1] */
  SS_DF_AST_IN,           /* children[0]: the entity; children[1..]: SS_DF_AST_SET_ITEM; negated */
  SS_DF_AST_SET_ITEM,     /* children[0]: value, children[1]: upper bound of a range or absent */
  SS_DF_AST_EXISTS,       /* children[0] */
  SS_DF_AST_AND,
  SS_DF_AST_OR,
  SS_DF_AST_XOR,
  SS_DF_AST_NOT,
} SsDfAstKind;

/* One range of a slice, Wireshark's drange: [start:len], [start-end], [start:], [:len], [i]. */
typedef enum
{
  SS_DF_RANGE_LENGTH,     /* start and length */
  SS_DF_RANGE_TO_END,     /* from start to the end */
} SsDfRangeKind;

typedef struct
{
  SsDfRangeKind kind;
  gint64        start;    /* negative: from the end */
  gint64        length;
} SsDfRange;

typedef struct _SsDfAst SsDfAst;

struct _SsDfAst
{
  SsDfAstKind   kind;
  SsDfTokenType op;
  gsize         start;         /* span in the filter text */
  gsize         end;
  gsize         op_start;      /* the operator token, for messages */
  gsize         op_end;
  char         *text;
  gsize         len;
  guint64       value;
  gboolean      negated;       /* "not in" */
  GPtrArray    *children;      /* SsDfAst*, owned */
  GArray       *ranges;        /* SsDfRange */
  guint         layer_lo;      /* 1-based, inclusive; 0: any layer */
  guint         layer_hi;
};

SsDfAst  *ss_df_ast_new            (SsDfAstKind    kind,
                                    gsize          start,
                                    gsize          end);
void      ss_df_ast_free           (SsDfAst       *ast);
void      ss_df_ast_add            (SsDfAst       *parent,
                                    SsDfAst       *child);
#define   ss_df_ast_child(a, i)    ((SsDfAst *) g_ptr_array_index ((a)->children, (i)))
#define   ss_df_ast_n_children(a)  ((a)->children ? (a)->children->len : 0u)
char     *ss_df_ast_dup_dump       (const SsDfAst *ast);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDfAst, ss_df_ast_free)

/* Parses @text; an empty text gives a NULL tree and no error. With @reg, a ".name" that is not
 * a field is an error as soon as it is read. */
gboolean  ss_df_parse              (const SsRegistry *reg,
                                    const char    *text,
                                    gsize          len,
                                    SsDfAst      **out,
                                    SsDfilterLoc  *loc,
                                    GError       **error);

/* Parses one slice range list ("0:3", "1-2,-1") at @offset of the filter text. */
gboolean  ss_df_parse_ranges       (const char    *text,
                                    gsize          len,
                                    gsize          offset,
                                    GArray        *ranges,
                                    SsDfilterLoc  *loc,
                                    GError       **error);

/* ---- values --------------------------------------------------------------------------------- */

/* How values of a type compare; every field type maps to one. */
typedef enum
{
  SS_DF_VK_NONE,          /* labels: presence only */
  SS_DF_VK_UINT,
  SS_DF_VK_INT,
  SS_DF_VK_DOUBLE,
  SS_DF_VK_TIME,
  SS_DF_VK_IPV4,
  SS_DF_VK_IPV6,
  SS_DF_VK_BYTES,         /* bytes, MAC addresses, protocols, slices */
  SS_DF_VK_STRING,
} SsDfValueKind;

typedef struct
{
  union
  {
    guint64 u;
    gint64  i;
    double  d;
    guint32 ip4;
    struct
    {
      gint64 secs;
      gint32 nsecs;
    } t;
    struct
    {
      const guint8 *data;
      gsize         len;
    } b;
  };
  guint8 kind;            /* SsDfValueKind: an integer value says whether it is signed */
  guint8 bits;            /* IPv4/IPv6 prefix length */
} SsDfValue;

SsDfValueKind ss_df_value_kind_for_type (SsFieldType type);

/* Unsigned arithmetic wraps as Wireshark's does: at 32 bits, or 64 for 64-bit types. */
static inline guint64
ss_df_uint_wrap (SsFieldType type,
                 guint64     v)
{
  return type == SS_FT_UINT64 ? v : v & G_MAXUINT32;
}

/* Literal parsers shared by the semantic check and the tests. */
gboolean  ss_df_parse_uint64       (const char    *s,
                                    guint64       *out,
                                    gboolean      *overflow);
gboolean  ss_df_parse_ipv4         (const char    *s,
                                    guint32       *addr,
                                    guint         *bits,
                                    char         **error_message);
gboolean  ss_df_parse_ipv6         (const char    *s,
                                    guint8         addr[16],
                                    guint         *bits,
                                    char         **error_message);
gboolean  ss_df_parse_ipv6_address (const char    *s,
                                    gsize          len,
                                    guint8         addr[16]);
/* MAC address: 6 bytes with ':' '-' '.' separators, xxxx.xxxx.xxxx or 12 hex digits. */
gboolean  ss_df_parse_ether        (const char    *s,
                                    guint8         addr[6],
                                    char         **error_message);
/* Byte string as Wireshark 4.0 reads it; returns a new array or NULL. */
GByteArray *ss_df_parse_bytes      (const char    *s);
/* @local is set when the text named no zone and was read as local time. */
gboolean  ss_df_parse_abs_time     (const char    *s,
                                    gint64        *secs,
                                    gint32        *nsecs,
                                    gboolean      *local,
                                    char         **error_message);
gboolean  ss_df_parse_rel_time     (const char    *s,
                                    gint64        *secs,
                                    gint32        *nsecs);

/* ---- compiled filter ------------------------------------------------------------------------ */

typedef enum
{
  SS_DF_ENT_FIELD,
  SS_DF_ENT_CONST,
  SS_DF_ENT_SLICE,
  SS_DF_ENT_FUNC,
  SS_DF_ENT_ARITH,
  SS_DF_ENT_NEGATE,
} SsDfEntityKind;

typedef enum
{
  SS_DF_FUNC_LEN,
  SS_DF_FUNC_COUNT,
  SS_DF_FUNC_LOWER,
  SS_DF_FUNC_UPPER,
  SS_DF_FUNC_STRING,
  SS_DF_FUNC_MAX,
  SS_DF_FUNC_MIN,
  SS_DF_FUNC_ABS,
} SsDfFunc;

typedef struct _SsDfEntity SsDfEntity;

struct _SsDfEntity
{
  SsDfEntityKind  kind;
  SsDfValueKind   vkind;       /* kind of the values it gives */
  SsFieldType     ftype;       /* their field type (SS_FT_BYTES for slices) */
  /* SS_DF_ENT_FIELD */
  SsFieldId       field;
  SsFieldId      *same_name;   /* further fields registered under the same name, or NULL */
  guint           n_same_name;
  SsFieldId       layer_proto; /* protocol node counted for field#N, or SS_FIELD_ID_NONE */
  guint           layer_lo;
  guint           layer_hi;
  /* SS_DF_ENT_CONST */
  SsDfValue       value;
  GBytes         *storage;     /* bytes the value points into */
  /* SS_DF_ENT_SLICE, SS_DF_ENT_NEGATE, SS_DF_ENT_ARITH (a), SS_DF_ENT_FUNC (args) */
  SsDfEntity    **args;
  guint           n_args;
  SsDfRange      *ranges;
  guint           n_ranges;
  SsDfFunc        func;
  SsDfTokenType   op;
};

typedef enum
{
  SS_DF_TEST_TRUE,
  SS_DF_TEST_AND,
  SS_DF_TEST_OR,
  SS_DF_TEST_XOR,
  SS_DF_TEST_NOT,
  SS_DF_TEST_EXISTS,      /* the entity gives at least one value */
  SS_DF_TEST_NONZERO,     /* an arithmetic expression used as a test: some value is not zero */
  SS_DF_TEST_CMP,
  SS_DF_TEST_IN,
} SsDfTestKind;

typedef struct
{
  SsDfEntity *lo;
  SsDfEntity *hi;         /* NULL: equality with lo */
} SsDfSetItem;

typedef struct _SsDfTest SsDfTest;

struct _SsDfTest
{
  SsDfTestKind    kind;
  SsDfTest      **children;
  guint           n_children;
  SsDfTokenType   op;
  SsDfEntity     *lhs;
  SsDfEntity     *rhs;
  GRegex         *regex;
  SsDfSetItem    *set;
  guint           n_set;
  gboolean        negated;
};

void      ss_df_entity_free        (SsDfEntity    *e);
void      ss_df_test_free          (SsDfTest      *t);

/* Checks @ast against the registry and compiles it. @fields collects the field ids read. */
SsDfTest *ss_df_semantic_compile   (const SsRegistry *reg,
                                    const char    *text,
                                    const SsDfAst *ast,
                                    GArray        *fields,
                                    gboolean      *local_time,
                                    SsDfilterLoc  *loc,
                                    GError       **error);

gboolean  ss_df_eval               (const SsDfTest *test,
                                    const SsPacket *pkt);
void      ss_df_test_dump          (const SsDfTest *test,
                                    const SsRegistry *reg,
                                    guint           indent,
                                    GString        *out);

/* Sets @error and @loc (when not NULL) in one go. */
void      ss_df_set_error          (GError       **error,
                                    SsDfilterLoc  *loc,
                                    SsDfilterErrorCode code,
                                    gssize         start,
                                    gssize         end,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS
