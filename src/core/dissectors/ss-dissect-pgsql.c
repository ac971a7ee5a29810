/* ss-dissect-pgsql.c: PostgreSQL frontend/backend protocol, version 3.0
 * (PostgreSQL documentation, chapter 55 "Frontend/Backend Protocol", §55.7 Message Formats and
 * §55.8 Error and Notice Message Fields)
 *
 * Every message but three starts with a type byte and a 32-bit length that counts itself; the
 * StartupMessage, SSLRequest/GSSENCRequest and CancelRequest have no type byte. One segment may
 * carry many messages and one message may span many segments: each message is dissected on its
 * own, and a message that is not complete asks TCP for the missing bytes (ss-tcp-reasm.h).
 * Fields, the tree and the Info column (">" from the frontend, "<" from the backend, then the
 * type bytes joined by "/") follow Wireshark 4.0's packet-pgsql.c. A broken message is reported
 * where it is and the next one is dissected, as tcp_dissect_pdus() catches each message's
 * exception.
 *
 * Beyond Wireshark (names tshark does not have):
 *   pgsql.time         the time from the message that began a request (a Query, or the first
 *                      Parse/Bind/Describe/Execute/Close/Flush/FunctionCall/Sync of an extended
 *                      query cycle) to a CommandComplete, ErrorResponse or ReadyForQuery of
 *                      that request; the ReadyForQuery ends the request;
 *   pgsql.request_in   on those backend messages: the frame of the request's first message;
 *   pgsql.response_in  on a request's first message: the frame of its ReadyForQuery (known
 *                      when a frame is dissected again after the first pass, as in the GUI);
 *   experts pgsql.expert.deadlock (SQLSTATE 40P01), pgsql.expert.statement_timeout (57014,
 *   "canceling statement due to statement timeout"), pgsql.expert.error (any ErrorResponse of
 *   severity ERROR) and pgsql.expert.fatal (FATAL or PANIC).
 * Requests are kept per TCP stream as conversation data; what the first pass decided for a
 * message is kept as frame data so that a frame dissected again shows the same.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ss-dissectors.h"
#include "ss-tcp-reasm.h"

enum
{
  PGSQL_F_FRONTEND,
  PGSQL_F_TYPE,
  PGSQL_F_LENGTH,
  PGSQL_F_VERSION_MAJOR,
  PGSQL_F_VERSION_MINOR,
  PGSQL_F_VERSION_SUPPORTED_MINOR,
  PGSQL_F_NUMBER_NONSUPPORTED_OPTIONS,
  PGSQL_F_NONSUPPORTED_OPTION,
  PGSQL_F_PARAMETER_NAME,
  PGSQL_F_PARAMETER_VALUE,
  PGSQL_F_QUERY,
  PGSQL_F_PASSWORD,
  PGSQL_F_AUTHTYPE,
  PGSQL_F_SALT,
  PGSQL_F_GSSAPI_SSPI_DATA,
  PGSQL_F_SASL_MECH,
  PGSQL_F_SASL_DATA_LENGTH,
  PGSQL_F_SASL_DATA,
  PGSQL_F_STATEMENT,
  PGSQL_F_PORTAL,
  PGSQL_F_RETURNS,
  PGSQL_F_TAG,
  PGSQL_F_STATUS,
  PGSQL_F_COPYDATA,
  PGSQL_F_ERROR,
  PGSQL_F_PID,
  PGSQL_F_KEY,
  PGSQL_F_CONDITION,
  PGSQL_F_TEXT,
  PGSQL_F_OID_TABLE,
  PGSQL_F_OID_TYPE,
  PGSQL_F_OID,
  PGSQL_F_FORMAT,
  PGSQL_F_FIELD_COUNT,
  PGSQL_F_COL_NAME,
  PGSQL_F_COL_INDEX,
  PGSQL_F_VAL_LENGTH,
  PGSQL_F_VAL_DATA,
  PGSQL_F_COL_TYPEMOD,
  PGSQL_F_SEVERITY,
  PGSQL_F_CODE,
  PGSQL_F_MESSAGE,
  PGSQL_F_DETAIL,
  PGSQL_F_HINT,
  PGSQL_F_POSITION,
  PGSQL_F_INTERNAL_POSITION,
  PGSQL_F_INTERNAL_QUERY,
  PGSQL_F_WHERE,
  PGSQL_F_SCHEMA_NAME,
  PGSQL_F_TABLE_NAME,
  PGSQL_F_COLUMN_NAME,
  PGSQL_F_TYPE_NAME,
  PGSQL_F_CONSTRAINT_NAME,
  PGSQL_F_FILE,
  PGSQL_F_LINE,
  PGSQL_F_ROUTINE,
  /* ours */
  PGSQL_F_TIME,
  PGSQL_F_REQUEST_IN,
  PGSQL_F_RESPONSE_IN,
  PGSQL_F_COUNT
};

/* Authentication request codes (§55.7, AuthenticationXXX). */
enum
{
  AUTH_SUCCESS = 0,
  AUTH_CRYPT = 4,
  AUTH_MD5 = 5,
  AUTH_GSSAPI_SSPI_CONTINUE = 8,
  AUTH_SASL = 10,
  AUTH_SASL_CONTINUE = 11,
  AUTH_SASL_COMPLETE = 12,
};

static const SsValueString auth_type_vals[] = {
  { 0, "Success" }, { 1, "Kerberos V4" }, { 2, "Kerberos V5" }, { 3, "Plaintext password" },
  { 4, "crypt()ed password" }, { 5, "MD5 password" }, { 6, "SCM credentials" },
  { 7, "GSSAPI" }, { 8, "GSSAPI/SSPI continue" }, { 9, "SSPI" }, { 10, "SASL" },
  { 11, "SASL continue" }, { 12, "SASL complete" }, { 0, NULL }
};

static const SsValueString status_vals[] = {
  { 'I', "Idle" }, { 'T', "In a transaction" }, { 'E', "In a failed transaction" }, { 0, NULL }
};

static const SsValueString format_vals[] = {
  { 0, "Text" }, { 1, "Binary" }, { 0, NULL }
};

static const SsFieldDef pgsql_fields[] = {
  [PGSQL_F_FRONTEND] = { "pgsql.frontend", N_("Frontend"), SS_FT_BOOLEAN, 0, NULL, 0, NULL,
                         N_("True for messages from the frontend, false otherwise.") },
  [PGSQL_F_TYPE] = { "pgsql.type", N_("Type"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("A one-byte message type identifier.") },
  [PGSQL_F_LENGTH] = { "pgsql.length", N_("Length"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0, NULL,
                       N_("The length of the message (not including the type).") },
  [PGSQL_F_VERSION_MAJOR] = { "pgsql.version_major", N_("Protocol major version"), SS_FT_UINT16,
                              SS_BASE_DEC },
  [PGSQL_F_VERSION_MINOR] = { "pgsql.version_minor", N_("Protocol minor version"), SS_FT_UINT16,
                              SS_BASE_DEC },
  [PGSQL_F_VERSION_SUPPORTED_MINOR] = { "pgsql.version_supported_minor",
                                        N_("Supported minor version"), SS_FT_UINT32,
                                        SS_BASE_DEC },
  [PGSQL_F_NUMBER_NONSUPPORTED_OPTIONS] = { "pgsql.number_nonsupported_options",
                                            N_("Number nonsupported options"), SS_FT_INT32,
                                            SS_BASE_DEC },
  [PGSQL_F_NONSUPPORTED_OPTION] = { "pgsql.nonsupported_option", N_("Nonsupported option"),
                                    SS_FT_STRING },
  [PGSQL_F_PARAMETER_NAME] = { "pgsql.parameter_name", N_("Parameter name"), SS_FT_STRING, 0,
                               NULL, 0, NULL, N_("The name of a database parameter.") },
  [PGSQL_F_PARAMETER_VALUE] = { "pgsql.parameter_value", N_("Parameter value"), SS_FT_STRING, 0,
                                NULL, 0, NULL, N_("The value of a database parameter.") },
  [PGSQL_F_QUERY] = { "pgsql.query", N_("Query"), SS_FT_STRING, 0, NULL, 0, NULL,
                      N_("A query string.") },
  [PGSQL_F_PASSWORD] = { "pgsql.password", N_("Password"), SS_FT_STRING, 0, NULL, 0, NULL,
                         N_("A password.") },
  [PGSQL_F_AUTHTYPE] = { "pgsql.authtype", N_("Authentication type"), SS_FT_UINT32, SS_BASE_DEC,
                         auth_type_vals, 0, NULL,
                         N_("The type of authentication requested by the backend.") },
  [PGSQL_F_SALT] = { "pgsql.salt", N_("Salt value"), SS_FT_BYTES, 0, NULL, 0, NULL,
                     N_("The salt to use while encrypting a password.") },
  [PGSQL_F_GSSAPI_SSPI_DATA] = { "pgsql.auth.gssapi_sspi.data", N_("GSSAPI or SSPI data"),
                                 SS_FT_BYTES },
  [PGSQL_F_SASL_MECH] = { "pgsql.auth.sasl.mech", N_("SASL authentication mechanism"),
                          SS_FT_STRING },
  [PGSQL_F_SASL_DATA_LENGTH] = { "pgsql.auth.sasl.data.length",
                                 N_("SASL authentication data length"), SS_FT_INT32,
                                 SS_BASE_DEC },
  [PGSQL_F_SASL_DATA] = { "pgsql.auth.sasl.data", N_("SASL authentication data"), SS_FT_BYTES },
  [PGSQL_F_STATEMENT] = { "pgsql.statement", N_("Statement"), SS_FT_STRING, 0, NULL, 0, NULL,
                          N_("The name of a prepared statement.") },
  [PGSQL_F_PORTAL] = { "pgsql.portal", N_("Portal"), SS_FT_STRING, 0, NULL, 0, NULL,
                       N_("The name of a portal.") },
  [PGSQL_F_RETURNS] = { "pgsql.returns", N_("Returns"), SS_FT_UINT32, SS_BASE_DEC },
  [PGSQL_F_TAG] = { "pgsql.tag", N_("Tag"), SS_FT_STRING, 0, NULL, 0, NULL,
                    N_("A completion tag.") },
  [PGSQL_F_STATUS] = { "pgsql.status", N_("Status"), SS_FT_UINT8, SS_BASE_DEC, status_vals, 0,
                       NULL, N_("The transaction status of the backend.") },
  [PGSQL_F_COPYDATA] = { "pgsql.copydata", N_("Copy data"), SS_FT_BYTES, 0, NULL, 0, NULL,
                         N_("Data sent following a Copy-in or Copy-out response.") },
  [PGSQL_F_ERROR] = { "pgsql.error", N_("Error"), SS_FT_STRING, 0, NULL, 0, NULL,
                      N_("An error message.") },
  [PGSQL_F_PID] = { "pgsql.pid", N_("PID"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0, NULL,
                    N_("The process ID of a backend.") },
  [PGSQL_F_KEY] = { "pgsql.key", N_("Key"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0, NULL,
                    N_("The secret key used by a particular backend.") },
  [PGSQL_F_CONDITION] = { "pgsql.condition", N_("Condition"), SS_FT_STRING, 0, NULL, 0, NULL,
                          N_("The name of a NOTIFY condition.") },
  [PGSQL_F_TEXT] = { "pgsql.text", N_("Text"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("Text from the backend.") },
  [PGSQL_F_OID_TABLE] = { "pgsql.oid.table", N_("Table OID"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0,
                          NULL, N_("The object identifier of a table.") },
  [PGSQL_F_OID_TYPE] = { "pgsql.oid.type", N_("Type OID"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0,
                         NULL, N_("The object identifier of a type.") },
  [PGSQL_F_OID] = { "pgsql.oid", N_("OID"), SS_FT_UINT32, SS_BASE_DEC, NULL, 0, NULL,
                    N_("An object identifier.") },
  [PGSQL_F_FORMAT] = { "pgsql.format", N_("Format"), SS_FT_UINT16, SS_BASE_DEC, format_vals, 0,
                       NULL, N_("A format specifier.") },
  [PGSQL_F_FIELD_COUNT] = { "pgsql.field.count", N_("Field count"), SS_FT_UINT16, SS_BASE_DEC,
                            NULL, 0, NULL, N_("The number of fields within a row.") },
  [PGSQL_F_COL_NAME] = { "pgsql.col.name", N_("Column name"), SS_FT_STRING, 0, NULL, 0, NULL,
                         N_("The name of a column.") },
  [PGSQL_F_COL_INDEX] = { "pgsql.col.index", N_("Column index"), SS_FT_UINT32, SS_BASE_DEC, NULL,
                          0, NULL, N_("The position of a column within a row.") },
  [PGSQL_F_VAL_LENGTH] = { "pgsql.val.length", N_("Column length"), SS_FT_INT32, SS_BASE_DEC,
                           NULL, 0, NULL,
                           N_("The length of a parameter value, in bytes. -1 means NULL.") },
  [PGSQL_F_VAL_DATA] = { "pgsql.val.data", N_("Data"), SS_FT_BYTES, 0, NULL, 0, NULL,
                         N_("Parameter data.") },
  [PGSQL_F_COL_TYPEMOD] = { "pgsql.col.typemod", N_("Type modifier"), SS_FT_INT32, SS_BASE_DEC,
                            NULL, 0, NULL, N_("The type modifier for a column.") },
  [PGSQL_F_SEVERITY] = { "pgsql.severity", N_("Severity"), SS_FT_STRING, 0, NULL, 0, NULL,
                         N_("Message severity.") },
  [PGSQL_F_CODE] = { "pgsql.code", N_("Code"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("SQLState code.") },
  [PGSQL_F_MESSAGE] = { "pgsql.message", N_("Message"), SS_FT_STRING, 0, NULL, 0, NULL,
                        N_("Error message.") },
  [PGSQL_F_DETAIL] = { "pgsql.detail", N_("Detail"), SS_FT_STRING, 0, NULL, 0, NULL,
                       N_("Detailed error message.") },
  [PGSQL_F_HINT] = { "pgsql.hint", N_("Hint"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("A suggestion to resolve an error.") },
  [PGSQL_F_POSITION] = { "pgsql.position", N_("Position"), SS_FT_STRING, 0, NULL, 0, NULL,
                         N_("The index of the error within the query string.") },
  [PGSQL_F_INTERNAL_POSITION] = { "pgsql.internal_position", N_("Position (Internal)"),
                                  SS_FT_STRING, 0, NULL, 0, NULL,
                                  N_("The index of the error within the internally-generated "
                                     "query string.") },
  [PGSQL_F_INTERNAL_QUERY] = { "pgsql.internal_query", N_("Query (Internal)"), SS_FT_STRING, 0,
                               NULL, 0, NULL, N_("The internally-generated query string") },
  [PGSQL_F_WHERE] = { "pgsql.where", N_("Context"), SS_FT_STRING, 0, NULL, 0, NULL,
                      N_("The context in which an error occurred.") },
  [PGSQL_F_SCHEMA_NAME] = { "pgsql.schema_name", N_("Schema"), SS_FT_STRING, 0, NULL, 0, NULL,
                            N_("The schema with which an error is associated.") },
  [PGSQL_F_TABLE_NAME] = { "pgsql.table_name", N_("Table"), SS_FT_STRING, 0, NULL, 0, NULL,
                           N_("The table with which an error is associated.") },
  [PGSQL_F_COLUMN_NAME] = { "pgsql.column_name", N_("Column"), SS_FT_STRING, 0, NULL, 0, NULL,
                            N_("The column with which an error is associated.") },
  [PGSQL_F_TYPE_NAME] = { "pgsql.type_name", N_("Type"), SS_FT_STRING, 0, NULL, 0, NULL,
                          N_("The date type with which an error is associated.") },
  [PGSQL_F_CONSTRAINT_NAME] = { "pgsql.constraint_name", N_("Constraint"), SS_FT_STRING, 0, NULL,
                                0, NULL,
                                N_("The constraint with which an error is associated.") },
  [PGSQL_F_FILE] = { "pgsql.file", N_("File"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("The source-code file where an error was reported.") },
  [PGSQL_F_LINE] = { "pgsql.line", N_("Line"), SS_FT_STRING, 0, NULL, 0, NULL,
                     N_("The line number on which an error was reported.") },
  [PGSQL_F_ROUTINE] = { "pgsql.routine", N_("Routine"), SS_FT_STRING, 0, NULL, 0, NULL,
                        N_("The routine that reported an error.") },
  [PGSQL_F_TIME] = { "pgsql.time", N_("Time since request"), SS_FT_RELATIVE_TIME, 0, NULL, 0,
                     NULL, N_("Time from the first message of the request to this response.") },
  [PGSQL_F_REQUEST_IN] = { "pgsql.request_in", N_("Request in frame"), SS_FT_FRAMENUM, 0, NULL,
                           0, NULL, N_("The request this message answers is in this frame.") },
  [PGSQL_F_RESPONSE_IN] = { "pgsql.response_in", N_("Response in frame"), SS_FT_FRAMENUM, 0,
                            NULL, 0, NULL,
                            N_("The ReadyForQuery that ends this request is in this frame.") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (pgsql_fields) == PGSQL_F_COUNT);

enum
{
  PGSQL_E_ERROR,
  PGSQL_E_FATAL,
  PGSQL_E_DEADLOCK,
  PGSQL_E_STATEMENT_TIMEOUT,
  PGSQL_E_COUNT
};

static const SsExpertDef pgsql_experts[] = {
  [PGSQL_E_ERROR] = { "pgsql.expert.error", SS_EXPERT_GROUP_RESPONSE_CODE, SS_EXPERT_WARN,
                      N_("ErrorResponse with severity ERROR") },
  [PGSQL_E_FATAL] = { "pgsql.expert.fatal", SS_EXPERT_GROUP_RESPONSE_CODE, SS_EXPERT_ERROR,
                      N_("ErrorResponse with severity FATAL or PANIC") },
  [PGSQL_E_DEADLOCK] = { "pgsql.expert.deadlock", SS_EXPERT_GROUP_RESPONSE_CODE, SS_EXPERT_ERROR,
                         N_("Deadlock detected (SQLSTATE 40P01)") },
  [PGSQL_E_STATEMENT_TIMEOUT] = { "pgsql.expert.statement_timeout",
                                  SS_EXPERT_GROUP_RESPONSE_CODE, SS_EXPERT_ERROR,
                                  N_("Statement timeout (SQLSTATE 57014)") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (pgsql_experts) == PGSQL_E_COUNT);

/* Message names as Wireshark shows them in pgsql.type. */
static const SsValueString fe_message_vals[] = {
  { 'p', "Authentication message" }, { 'Q', "Simple query" }, { 'P', "Parse" }, { 'B', "Bind" },
  { 'E', "Execute" }, { 'D', "Describe" }, { 'C', "Close" }, { 'H', "Flush" }, { 'S', "Sync" },
  { 'F', "Function call" }, { 'd', "Copy data" }, { 'c', "Copy completion" },
  { 'f', "Copy failure" }, { 'X', "Termination" }, { 0, NULL }
};

static const SsValueString be_message_vals[] = {
  { 'R', "Authentication request" }, { 'K', "Backend key data" }, { 'S', "Parameter status" },
  { '1', "Parse completion" }, { '2', "Bind completion" }, { '3', "Close completion" },
  { 'C', "Command completion" }, { 't', "Parameter description" }, { 'T', "Row description" },
  { 'D', "Data row" }, { 'I', "Empty query" }, { 'n', "No data" }, { 'E', "Error" },
  { 'N', "Notice" }, { 's', "Portal suspended" }, { 'Z', "Ready for query" },
  { 'A', "Notification" }, { 'V', "Function call response" }, { 'G', "CopyIn response" },
  { 'H', "CopyOut response" }, { 'd', "Copy data" }, { 'c', "Copy completion" },
  { 'v', "Negotiate protocol version" }, { 0, NULL }
};

/* Error and notice fields (§55.8) and where they go. */
static const struct
{
  char  code;
  guint field;
} notice_fields[] = {
  { 'S', PGSQL_F_SEVERITY }, { 'C', PGSQL_F_CODE }, { 'M', PGSQL_F_MESSAGE },
  { 'D', PGSQL_F_DETAIL }, { 'H', PGSQL_F_HINT }, { 'P', PGSQL_F_POSITION },
  { 'p', PGSQL_F_INTERNAL_POSITION }, { 'q', PGSQL_F_INTERNAL_QUERY }, { 'W', PGSQL_F_WHERE },
  { 's', PGSQL_F_SCHEMA_NAME }, { 't', PGSQL_F_TABLE_NAME }, { 'c', PGSQL_F_COLUMN_NAME },
  { 'd', PGSQL_F_TYPE_NAME }, { 'n', PGSQL_F_CONSTRAINT_NAME }, { 'F', PGSQL_F_FILE },
  { 'L', PGSQL_F_LINE }, { 'R', PGSQL_F_ROUTINE },
};

/* Codes of the messages without a type byte (§55.7). */
#define PGSQL_CODE_STARTUP_3_0   196608u
#define PGSQL_CODE_CANCEL        80877102u
#define PGSQL_CODE_SSL           80877103u
#define PGSQL_CODE_GSSENC        80877104u

/* What a frontend 'p' message is, from what the backend asked for before. */
typedef enum
{
  AUTH_STATE_NONE,
  AUTH_STATE_SASL_REQUESTED,
  AUTH_STATE_SASL_CONTINUE,
  AUTH_STATE_GSSAPI_SSPI_DATA,
} PgsqlAuthState;

/* Requests waiting for their ReadyForQuery; a client that pipelines more than this loses the
 * timing of the oldest, not memory. */
#define PGSQL_MAX_PENDING 32

typedef struct _PgsqlMsgData PgsqlMsgData;

typedef struct
{
  guint32       frame;
  gint64        ts_ns;
  PgsqlMsgData *data;      /* the request message's frame data, for response_in */
} PgsqlRequest;

/* Per TCP stream (conversation data). */
typedef struct
{
  guint8        auth_state;     /* PgsqlAuthState */
  gboolean      ssl_requested;  /* the next message from the backend is the one-byte answer */
  gboolean      extended_open;  /* an extended-query cycle started and its Sync is not seen */
  guint32       tls_after;      /* frame of the backend's 'S' answer: TLS follows; 0 none */
  guint         n_pending;
  guint         first_pending;
  PgsqlRequest  pending[PGSQL_MAX_PENDING];
} PgsqlConv;

/* What the first pass decided for one message (frame data). */
struct _PgsqlMsgData
{
  guint32 request_in;     /* backend: frame of the request, 0 when none */
  guint32 response_in;    /* request start: frame of its ReadyForQuery, 0 when not seen yet */
  gint64  time_ns;
  guint8  auth_state;     /* frontend 'p': the state it was read in */
};

/* What the first pass decided for one hand-off from TCP (frame data). */
typedef struct
{
  guint8 kind;            /* PgsqlCallKind */
  guint8 auth_state;      /* at the start of the call */
} PgsqlCallData;

typedef enum
{
  CALL_MESSAGES,
  CALL_SSL_ANSWER,        /* the backend's one-byte answer to an SSLRequest */
  CALL_TLS,               /* after an 'S' answer: TLS */
} PgsqlCallKind;

/* State of one hand-off from TCP. */
typedef struct
{
  SsPacket   *pkt;
  PgsqlConv  *conv;         /* NULL outside a TCP stream or on a later pass */
  gboolean    fe;
  guint8      auth_state;
  guint       call_key;     /* frame data sub-key of this hand-off */
  guint       msg_index;
  gboolean    listed;       /* "pgsql" is in frame.protocols for this hand-off */
  gboolean    first_info;
} PgsqlCtx;

/* Frame-data sub-keys: one hand-off per byte source, messages numbered within it. */
#define PGSQL_SUBKEY_CALL 0xffffu

static guint32
msg_subkey (const PgsqlCtx *c)
{
  return c->call_key << 16 | MIN (c->msg_index, 0xfffeu);
}

/* Length of the NUL-terminated string at @off, its NUL included, as Wireshark's tvb_strsize;
 * 0 (and the reader marked) when it runs past the end. */
static guint
stringz_size (SsReader *r,
              guint     off)
{
  guint avail = ss_reader_remaining (r, off);
  const guint8 *p;
  const guint8 *nul;

  if (avail == 0)
    {
      ss_reader_mark (r, off, 1);
      return 0;
    }
  p = ss_reader_peek (r, off, avail);
  nul = p ? memchr (p, 0, avail) : NULL;
  if (!nul)
    {
      /* When the snaplen cut the message the NUL may be in what is missing (truncated);
       * otherwise the string runs past its message (malformed). */
      if (avail < ss_reader_reported_remaining (r, off))
        ss_reader_mark (r, off, avail + 1);
      else
        ss_reader_mark (r, off, avail + 1 + ss_reader_reported_remaining (r, off));
      return 0;
    }
  return (guint) (nul - p) + 1;
}

/* Adds the NUL-terminated string at @off as @field; returns its size with the NUL, 0 when it
 * is not all there. */
static guint
add_stringz (SsLayer *l,
             SsItem  *parent,
             guint    field,
             guint    off,
             SsItem **item)
{
  guint siz = stringz_size (l->r, off);
  SsItem *it = NULL;

  if (siz)
    it = ss_layer_add_string (l, parent, field, off, siz,
                              (const char *) ss_reader_peek (l->r, off, siz), siz - 1);
  if (item)
    *item = it;
  return siz;
}

/* A text line that groups items ("Parameters: 3") and is their parent; NULL when not kept,
 * then children go under the protocol node. */
static SsItem *
add_subtree_text (SsLayer *l,
                  guint    off,
                  guint    len,
                  const char *what,
                  guint    n)
{
  if (!ss_reader_check (l->r, off, len))
    return NULL;
  return ss_layer_add_text (l, NULL, off, len, "%s: %u", what, n);
}

/* Format codes: a count and that many 16-bit codes. */
static guint
add_formats (SsLayer    *l,
             guint       off,
             const char *what)
{
  SsReader *r = l->r;
  guint16 n = ss_reader_get_ntohs (r, off);
  SsItem *sub;

  if (ss_reader_failed (r))
    return off;
  sub = add_subtree_text (l, off, 2, what, n);
  off += 2;
  for (guint i = 0; i < n && !ss_reader_failed (r); i++, off += 2)
    ss_layer_add_item (l, sub, PGSQL_F_FORMAT, off, 2, SS_ENC_BE);
  return off;
}

/* Parameter or column values: a count, then a signed length and that many bytes each (-1 is
 * NULL). */
static guint
add_values (SsLayer *l,
            SsItem  *sub,
            guint    off,
            guint    n)
{
  SsReader *r = l->r;

  for (guint i = 0; i < n && !ss_reader_failed (r); i++)
    {
      gint32 siz = (gint32) ss_reader_get_ntohl (r, off);

      if (ss_reader_failed (r))
        break;
      ss_layer_add_int (l, sub, PGSQL_F_VAL_LENGTH, off, 4, siz);
      off += 4;
      if (siz > 0)
        {
          if (!ss_reader_check (r, off, (guint) siz))
            break;
          ss_layer_add_bytes (l, sub, PGSQL_F_VAL_DATA, off, (guint) siz,
                              ss_reader_peek (r, off, (guint) siz), (guint) siz);
          off += (guint) siz;
        }
    }
  return off;
}

static void
dissect_frontend (PgsqlCtx *c,
                  SsLayer  *l,
                  guint8    type,
                  guint32   length)
{
  SsReader *r = l->r;
  guint n = 5;
  guint siz;
  guint16 count;
  SsItem *sub;

  switch (type)
    {
    case 'p':
      /* PasswordMessage, SASLInitialResponse, SASLResponse or GSSResponse: only what the
       * backend asked for tells them apart. */
      switch (c->auth_state)
        {
        case AUTH_STATE_SASL_REQUESTED:
          {
            gint32 data_length;

            siz = add_stringz (l, NULL, PGSQL_F_SASL_MECH, n, NULL);
            if (!siz)
              break;
            n += siz;
            data_length = (gint32) ss_reader_get_ntohl (r, n);
            ss_layer_add_item (l, NULL, PGSQL_F_SASL_DATA_LENGTH, n, 4, SS_ENC_BE);
            if (ss_reader_failed (r))
              break;
            n += 4;
            if (data_length == -1)
              data_length = (gint32) ss_reader_remaining (r, n);
            if (data_length != 0 && ss_reader_check (r, n, (guint) data_length))
              ss_layer_add_bytes (l, NULL, PGSQL_F_SASL_DATA, n, (guint) data_length,
                                  ss_reader_peek (r, n, (guint) data_length),
                                  (guint) data_length);
          }
          break;
        case AUTH_STATE_SASL_CONTINUE:
        case AUTH_STATE_GSSAPI_SSPI_DATA:
          if (length >= 4 && ss_reader_check (r, n, length - 4))
            ss_layer_add_bytes (l, NULL, c->auth_state == AUTH_STATE_SASL_CONTINUE
                                         ? PGSQL_F_SASL_DATA : PGSQL_F_GSSAPI_SSPI_DATA,
                                n, length - 4, ss_reader_peek (r, n, length - 4), length - 4);
          break;
        default:
          add_stringz (l, NULL, PGSQL_F_PASSWORD, n, NULL);
          break;
        }
      break;

    case 'Q':
      add_stringz (l, NULL, PGSQL_F_QUERY, n, NULL);
      break;

    case 'P':
      if (!(siz = add_stringz (l, NULL, PGSQL_F_STATEMENT, n, NULL)))
        break;
      n += siz;
      if (!(siz = add_stringz (l, NULL, PGSQL_F_QUERY, n, NULL)))
        break;
      n += siz;
      count = ss_reader_get_ntohs (r, n);
      if (ss_reader_failed (r))
        break;
      sub = add_subtree_text (l, n, 2, "Parameters", count);
      n += 2;
      for (guint i = 0; i < count && !ss_reader_failed (r); i++, n += 4)
        ss_layer_add_item (l, sub, PGSQL_F_OID_TYPE, n, 4, SS_ENC_BE);
      break;

    case 'B':
      if (!(siz = add_stringz (l, NULL, PGSQL_F_PORTAL, n, NULL)))
        break;
      n += siz;
      if (!(siz = add_stringz (l, NULL, PGSQL_F_STATEMENT, n, NULL)))
        break;
      n += siz;
      n = add_formats (l, n, "Parameter formats");
      count = ss_reader_get_ntohs (r, n);
      if (ss_reader_failed (r))
        break;
      sub = add_subtree_text (l, n, 2, "Parameter values", count);
      n = add_values (l, sub, n + 2, count);
      if (ss_reader_failed (r))
        break;
      add_formats (l, n, "Result formats");
      break;

    case 'E':
      {
        guint32 rows;
        SsItem *it;

        if (!(siz = add_stringz (l, NULL, PGSQL_F_PORTAL, n, NULL)))
          break;
        n += siz;
        rows = ss_reader_get_ntohl (r, n);
        it = ss_layer_add_item (l, NULL, PGSQL_F_RETURNS, n, 4, SS_ENC_BE);
        if (rows == 0)
          ss_item_set_text (c->pkt, it, "Returns: all rows");
        else
          ss_item_set_text (c->pkt, it, "Returns: %d rows", (gint32) rows);
      }
      break;

    case 'D':
    case 'C':
      {
        guint8 what = ss_reader_get_u8 (r, n);

        if (ss_reader_failed (r))
          break;
        add_stringz (l, NULL, what == 'P' ? PGSQL_F_PORTAL : PGSQL_F_STATEMENT, n + 1, NULL);
      }
      break;

    case '\0':
      {
        guint32 code = ss_reader_get_ntohl (r, 4);
        gint64 left;

        if (ss_reader_failed (r))
          break;
        n = 8;
        left = (gint64) length - n;
        switch (code)
          {
          case PGSQL_CODE_STARTUP_3_0:
            ss_layer_add_item (l, NULL, PGSQL_F_VERSION_MAJOR, 4, 2, SS_ENC_BE);
            ss_layer_add_item (l, NULL, PGSQL_F_VERSION_MINOR, 6, 2, SS_ENC_BE);
            /* Name/value pairs up to a lone NUL, read as Wireshark reads them. */
            while (left > 0 && !ss_reader_failed (r))
              {
                guint vsiz;

                siz = stringz_size (r, n);
                if (!siz)
                  break;
                left -= siz;
                if (left <= 0)
                  break;
                add_stringz (l, NULL, PGSQL_F_PARAMETER_NAME, n, NULL);
                if (!(vsiz = add_stringz (l, NULL, PGSQL_F_PARAMETER_VALUE, n + siz, NULL)))
                  break;
                left -= vsiz;
                n += siz + vsiz;
                if (left == 1 && ss_reader_get_u8 (r, n) == 0)
                  break;
              }
            break;
          case PGSQL_CODE_SSL:
            if (c->conv)
              c->conv->ssl_requested = TRUE;
            break;
          case PGSQL_CODE_CANCEL:
            ss_layer_add_item (l, NULL, PGSQL_F_PID, n, 4, SS_ENC_BE);
            ss_layer_add_item (l, NULL, PGSQL_F_KEY, n + 4, 4, SS_ENC_BE);
            break;
          default:
            break;
          }
      }
      break;

    case 'd':
      if (length >= 4 && ss_reader_check (r, n, length - 4))
        ss_layer_add_bytes (l, NULL, PGSQL_F_COPYDATA, n, length - 4,
                            ss_reader_peek (r, n, length - 4), length - 4);
      break;

    case 'f':
      add_stringz (l, NULL, PGSQL_F_ERROR, n, NULL);
      break;

    case 'F':
      ss_layer_add_item (l, NULL, PGSQL_F_OID, n, 4, SS_ENC_BE);
      n = add_formats (l, n + 4, "Parameter formats");
      count = ss_reader_get_ntohs (r, n);
      if (ss_reader_failed (r))
        break;
      sub = add_subtree_text (l, n, 2, "Parameter values", count);
      n = add_values (l, sub, n + 2, count);
      if (!ss_reader_failed (r))
        ss_layer_add_item (l, NULL, PGSQL_F_FORMAT, n, 2, SS_ENC_BE);
      break;

    default:
      /* Sync, Flush, Terminate, CopyDone: nothing after the length. */
      break;
    }
}

/* The fields of an ErrorResponse or NoticeResponse worth acting on. */
typedef struct
{
  const char *severity;     /* 'V' (never localised) or else 'S' */
  const char *code;
  const char *message;
} PgsqlNotice;

static void
dissect_notice (SsLayer     *l,
                guint32      length,
                PgsqlNotice *notice)
{
  SsReader *r = l->r;
  SsPacket *pkt = l->pkt;
  guint n = 5;
  gint64 left = (gint64) length - 4;
  gboolean have_v = FALSE;

  while (left > 0 && !ss_reader_failed (r))
    {
      guint8 code = ss_reader_get_u8 (r, n);
      guint field = PGSQL_F_TEXT;
      guint siz;
      const char *value;

      if (ss_reader_failed (r) || code == '\0')
        break;
      siz = stringz_size (r, n + 1);
      if (!siz)
        break;
      value = ss_arena_strndup (pkt->arena, (const char *) ss_reader_peek (r, n + 1, siz),
                                siz - 1);
      for (guint i = 0; i < G_N_ELEMENTS (notice_fields); i++)
        if (notice_fields[i].code == (char) code)
          field = notice_fields[i].field;
      ss_layer_add_string (l, NULL, field, n, siz + 1, value, -1);
      switch (code)
        {
        case 'V':
          notice->severity = value;
          have_v = TRUE;
          break;
        case 'S':
          if (!have_v)
            notice->severity = value;
          break;
        case 'C':
          notice->code = value;
          break;
        case 'M':
          notice->message = value;
          break;
        default:
          break;
        }
      left -= siz + 1;
      n += siz + 1;
    }
}

static void
add_error_experts (SsLayer           *l,
                   const PgsqlNotice *e)
{
  SsPacket *pkt = l->pkt;
  const char *sev = e->severity ? e->severity : "";
  const char *code = e->code ? e->code : "";
  const char *msg = e->message ? e->message : "";

  if (strcmp (sev, "FATAL") == 0 || strcmp (sev, "PANIC") == 0)
    ss_packet_add_expert (pkt, l->top, SS_PROTO_PGSQL, PGSQL_E_FATAL, _("%s %s: %s"), sev, code,
                          msg);
  else if (strcmp (sev, "ERROR") == 0)
    ss_packet_add_expert (pkt, l->top, SS_PROTO_PGSQL, PGSQL_E_ERROR, _("%s %s: %s"), sev, code,
                          msg);
  if (strcmp (code, "40P01") == 0)
    ss_packet_add_expert (pkt, l->top, SS_PROTO_PGSQL, PGSQL_E_DEADLOCK,
                          _("Deadlock detected (SQLSTATE 40P01): %s"), msg);
  /* 57014 (query_canceled) is also a cancel request's; only the message tells a statement
   * timeout apart (an untranslated server's: "canceling statement due to statement timeout"). */
  else if (strcmp (code, "57014") == 0 && strstr (msg, "statement timeout"))
    ss_packet_add_expert (pkt, l->top, SS_PROTO_PGSQL, PGSQL_E_STATEMENT_TIMEOUT,
                          _("Statement timeout (SQLSTATE 57014): %s"), msg);
}

static void
dissect_backend (PgsqlCtx *c,
                 SsLayer  *l,
                 guint8    type,
                 guint32   length)
{
  SsReader *r = l->r;
  guint n = 5;
  guint siz;
  guint16 count;
  SsItem *sub;

  switch (type)
    {
    case 'R':
      {
        guint32 auth = ss_reader_get_ntohl (r, n);

        ss_layer_add_item (l, NULL, PGSQL_F_AUTHTYPE, n, 4, SS_ENC_BE);
        if (ss_reader_failed (r))
          break;
        switch (auth)
          {
          case AUTH_CRYPT:
          case AUTH_MD5:
            ss_layer_add_item (l, NULL, PGSQL_F_SALT, n + 4, auth == AUTH_CRYPT ? 2 : 4,
                               SS_ENC_BE);
            break;
          case AUTH_GSSAPI_SSPI_CONTINUE:
            c->auth_state = AUTH_STATE_GSSAPI_SSPI_DATA;
            /* Wireshark 4.0 shows length - 8 bytes from the authentication type on. */
            if (length >= 8 && ss_reader_check (r, n, length - 8))
              ss_layer_add_bytes (l, NULL, PGSQL_F_GSSAPI_SSPI_DATA, n, length - 8,
                                  ss_reader_peek (r, n, length - 8), length - 8);
            break;
          case AUTH_SASL:
            c->auth_state = AUTH_STATE_SASL_REQUESTED;
            /* Mechanism names up to the list's final NUL (at offset length). */
            for (n += 4; n < length && !ss_reader_failed (r); n += siz)
              if (!(siz = add_stringz (l, NULL, PGSQL_F_SASL_MECH, n, NULL)))
                break;
            break;
          case AUTH_SASL_CONTINUE:
          case AUTH_SASL_COMPLETE:
            c->auth_state = AUTH_STATE_SASL_CONTINUE;
            n += 4;
            if (n < length && ss_reader_check (r, n, length - 8))
              ss_layer_add_bytes (l, NULL, PGSQL_F_SASL_DATA, n, length - 8,
                                  ss_reader_peek (r, n, length - 8), length - 8);
            break;
          default:
            break;
          }
      }
      break;

    case 'K':
      ss_layer_add_item (l, NULL, PGSQL_F_PID, n, 4, SS_ENC_BE);
      ss_layer_add_item (l, NULL, PGSQL_F_KEY, n + 4, 4, SS_ENC_BE);
      break;

    case 'S':
      if ((siz = add_stringz (l, NULL, PGSQL_F_PARAMETER_NAME, n, NULL)))
        add_stringz (l, NULL, PGSQL_F_PARAMETER_VALUE, n + siz, NULL);
      break;

    case 't':
      count = ss_reader_get_ntohs (r, n);
      if (ss_reader_failed (r))
        break;
      sub = add_subtree_text (l, n, 2, "Parameters", count);
      n += 2;
      for (guint i = 0; i < count && !ss_reader_failed (r); i++, n += 4)
        ss_layer_add_item (l, sub, PGSQL_F_OID_TYPE, n, 4, SS_ENC_BE);
      break;

    case 'T':
      count = ss_reader_get_ntohs (r, n);
      sub = ss_layer_add_item (l, NULL, PGSQL_F_FIELD_COUNT, n, 2, SS_ENC_BE);
      if (ss_reader_failed (r))
        break;
      n += 2;
      for (guint i = 0; i < count && !ss_reader_failed (r); i++)
        {
          SsItem *col;

          if (!(siz = add_stringz (l, sub, PGSQL_F_COL_NAME, n, &col)))
            break;
          n += siz;
          ss_layer_add_item (l, col, PGSQL_F_OID_TABLE, n, 4, SS_ENC_BE);
          ss_layer_add_item (l, col, PGSQL_F_COL_INDEX, n + 4, 2, SS_ENC_BE);
          ss_layer_add_item (l, col, PGSQL_F_OID_TYPE, n + 6, 4, SS_ENC_BE);
          ss_layer_add_item (l, col, PGSQL_F_VAL_LENGTH, n + 10, 2, SS_ENC_BE);
          ss_layer_add_item (l, col, PGSQL_F_COL_TYPEMOD, n + 12, 4, SS_ENC_BE);
          ss_layer_add_item (l, col, PGSQL_F_FORMAT, n + 16, 2, SS_ENC_BE);
          n += 18;
        }
      break;

    case 'D':
      count = ss_reader_get_ntohs (r, n);
      sub = ss_layer_add_item (l, NULL, PGSQL_F_FIELD_COUNT, n, 2, SS_ENC_BE);
      if (!ss_reader_failed (r))
        add_values (l, sub, n + 2, count);
      break;

    case 'C':
      add_stringz (l, NULL, PGSQL_F_TAG, n, NULL);
      break;

    case 'Z':
      ss_layer_add_item (l, NULL, PGSQL_F_STATUS, n, 1, SS_ENC_BE);
      break;

    case 'E':
    case 'N':
      {
        PgsqlNotice notice = { NULL, NULL, NULL };

        dissect_notice (l, length, &notice);
        if (type == 'E')
          add_error_experts (l, &notice);
      }
      break;

    case 'A':
      ss_layer_add_item (l, NULL, PGSQL_F_PID, n, 4, SS_ENC_BE);
      n += 4;
      if (!(siz = add_stringz (l, NULL, PGSQL_F_CONDITION, n, NULL)))
        break;
      n += siz;
      siz = stringz_size (r, n);
      if (siz > 1)
        add_stringz (l, NULL, PGSQL_F_TEXT, n, NULL);
      break;

    case 'G':
    case 'H':
      ss_layer_add_item (l, NULL, PGSQL_F_FORMAT, n, 1, SS_ENC_BE);
      n += 1;
      count = ss_reader_get_ntohs (r, n);
      if (ss_reader_failed (r))
        break;
      sub = add_subtree_text (l, n, 2, "Columns", count);
      n += 2;
      /* Wireshark 4.0 shows two codes fewer than the count says; kept for equal output. */
      for (guint i = 2; i < count && !ss_reader_failed (r); i++, n += 2)
        ss_layer_add_item (l, sub, PGSQL_F_FORMAT, n, 2, SS_ENC_BE);
      break;

    case 'd':
      if (length >= 4 && ss_reader_check (r, n, length - 4))
        ss_layer_add_bytes (l, NULL, PGSQL_F_COPYDATA, n, length - 4,
                            ss_reader_peek (r, n, length - 4), length - 4);
      break;

    case 'V':
      {
        gint32 vlen = (gint32) ss_reader_get_ntohl (r, n);

        if (ss_reader_failed (r))
          break;
        ss_layer_add_int (l, NULL, PGSQL_F_VAL_LENGTH, n, 4, vlen);
        if (vlen > 0 && ss_reader_check (r, n + 4, (guint) vlen))
          ss_layer_add_bytes (l, NULL, PGSQL_F_VAL_DATA, n + 4, (guint) vlen,
                              ss_reader_peek (r, n + 4, (guint) vlen), (guint) vlen);
      }
      break;

    case 'v':
      {
        gint32 nopts;

        ss_layer_add_item (l, NULL, PGSQL_F_VERSION_SUPPORTED_MINOR, n, 4, SS_ENC_BE);
        nopts = (gint32) ss_reader_get_ntohl (r, n + 4);
        ss_layer_add_item (l, NULL, PGSQL_F_NUMBER_NONSUPPORTED_OPTIONS, n + 4, 4, SS_ENC_BE);
        n += 8;
        /* Each option takes at least a byte, so the count cannot outrun the message. */
        for (; nopts > 0 && !ss_reader_failed (r); nopts--, n += siz)
          if (!(siz = add_stringz (l, NULL, PGSQL_F_NONSUPPORTED_OPTION, n, NULL)))
            break;
      }
      break;

    default:
      /* ParseComplete, BindComplete, CloseComplete, NoData, EmptyQueryResponse,
       * PortalSuspended, CopyDone: nothing after the length. */
      break;
    }
}

static void
request_push (PgsqlCtx *c,
              PgsqlMsgData *data)
{
  PgsqlConv *conv = c->conv;
  PgsqlRequest *req;

  if (conv->n_pending == PGSQL_MAX_PENDING)
    {
      conv->first_pending = (conv->first_pending + 1) % PGSQL_MAX_PENDING;
      conv->n_pending--;
    }
  req = &conv->pending[(conv->first_pending + conv->n_pending) % PGSQL_MAX_PENDING];
  req->frame = c->pkt->number;
  req->ts_ns = c->pkt->ts_ns;
  req->data = data;
  conv->n_pending++;
}

/* First pass: the request/response bookkeeping of one message; returns its frame data (NULL
 * when there is nothing to remember). */
static PgsqlMsgData *
track_message (PgsqlCtx *c,
               guint8    type)
{
  PgsqlConv *conv = c->conv;
  SsPacket *pkt = c->pkt;
  PgsqlMsgData *data = NULL;
  gboolean starts = FALSE;

  if (c->fe)
    {
      switch (type)
        {
        case 'Q':
        case 'F':
          /* A cycle of its own, ended by ReadyForQuery. */
          starts = TRUE;
          conv->extended_open = FALSE;
          break;
        case 'P':
        case 'B':
        case 'D':
        case 'E':
        case 'C':
        case 'H':
          starts = !conv->extended_open;
          conv->extended_open = TRUE;
          break;
        case 'S':
          starts = !conv->extended_open;
          conv->extended_open = FALSE;
          break;
        case 'p':
          data = ss_session_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number,
                                        msg_subkey (c), sizeof *data);
          data->auth_state = c->auth_state;
          return data;
        default:
          return NULL;
        }
      if (!starts)
        return NULL;
      data = ss_session_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number, msg_subkey (c),
                                    sizeof *data);
      request_push (c, data);
      return data;
    }

  if ((type != 'C' && type != 'E' && type != 'Z') || conv->n_pending == 0)
    return NULL;
  {
    PgsqlRequest *req = &conv->pending[conv->first_pending];

    data = ss_session_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number, msg_subkey (c),
                                  sizeof *data);
    data->request_in = req->frame;
    data->time_ns = pkt->ts_ns - req->ts_ns;
    if (type == 'Z')
      {
        if (req->data)
          req->data->response_in = pkt->number;
        conv->first_pending = (conv->first_pending + 1) % PGSQL_MAX_PENDING;
        conv->n_pending--;
      }
  }
  return data;
}

static void
add_timing (SsLayer            *l,
            const PgsqlMsgData *data)
{
  SsItem *it;

  if (!data)
    return;
  if (data->response_in)
    {
      it = ss_layer_add_uint (l, NULL, PGSQL_F_RESPONSE_IN, 0, 0, data->response_in);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
    }
  if (data->request_in)
    {
      it = ss_layer_add_uint (l, NULL, PGSQL_F_REQUEST_IN, 0, 0, data->request_in);
      ss_item_set_flags (it, SS_ITEM_GENERATED);
      it = ss_layer_add_time (l, NULL, PGSQL_F_TIME, 0, 0, data->time_ns / 1000000000,
                              (gint32) (data->time_ns % 1000000000));
      ss_item_set_flags (it, SS_ITEM_GENERATED);
    }
}

static const char *
lookup_or_unknown (const SsValueString *vals,
                   guint8               type)
{
  const char *name = ss_value_string_lookup (vals, type);

  return name ? name : "Unknown";
}

static const char *
message_name (const PgsqlCtx *c,
              SsReader       *r,
              guint8          type,
              guint32         length)
{
  if (!c->fe)
    return lookup_or_unknown (be_message_vals, type);
  if (type == '\0')
    {
      guint32 code = ss_reader_get_ntohl (r, 4);

      if (length == 16 && code == PGSQL_CODE_CANCEL)
        return "Cancel request";
      if (length == 8 && code == PGSQL_CODE_SSL)
        return "SSL request";
      if (length == 8 && code == PGSQL_CODE_GSSENC)
        return "GSS encrypt request";
      if (code == PGSQL_CODE_STARTUP_3_0)
        return "Startup message";
      return "Unknown";
    }
  if (type == 'p')
    switch (c->auth_state)
      {
      case AUTH_STATE_SASL_REQUESTED:
        return "SASLInitialResponse message";
      case AUTH_STATE_SASL_CONTINUE:
        return "SASLResponse message";
      case AUTH_STATE_GSSAPI_SSPI_DATA:
        return "GSSResponse message";
      default:
        return "Password message";
      }
  return lookup_or_unknown (fe_message_vals, type);
}

/* Opens a "PostgreSQL" node over @len bytes of @r at @off. Wireshark lists a protocol in
 * frame.protocols once per hand-off, however many messages it shows. */
static SsLayer
begin_message (PgsqlCtx *c,
               SsReader *r,
               guint     off,
               gint      len)
{
  SsPacket *pkt = c->pkt;
  gsize listed_len = ss_packet_get_protocols_len (pkt);
  SsLayer l = ss_packet_begin_layer (pkt, SS_PROTO_PGSQL, r, off, len);

  if (c->listed)
    ss_packet_truncate_protocols (pkt, listed_len);
  c->listed = TRUE;
  return l;
}

/* One whole message of @plen bytes at the start of @msg (the bytes after it are not its). */
static void
dissect_message (PgsqlCtx *c,
                 SsReader *msg,
                 guint32   plen)
{
  SsPacket *pkt = c->pkt;
  guint8 type = ss_reader_get_u8 (msg, 0);
  guint hdr = type ? 1 : 0;
  guint32 length = ss_reader_get_ntohl (msg, hdr);
  PgsqlMsgData *data = NULL;
  SsLayer l;
  SsItem *it;

  /* Wireshark appends "%c" of the type: nothing for the messages without one. */
  if (!c->first_info)
    ss_packet_append_info (pkt, "/");
  if (type)
    ss_packet_append_info (pkt, "%c", type);
  c->first_info = FALSE;

  if (!pkt->visited && c->conv)
    {
      if (c->fe && type == 'p')
        c->auth_state = c->conv->auth_state;
      data = track_message (c, type);
    }
  else if (pkt->visited)
    {
      data = ss_session_lookup_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number,
                                           msg_subkey (c));
      if (data && c->fe && type == 'p')
        c->auth_state = data->auth_state;
    }

  l = begin_message (c, msg, 0, (gint) MIN (plen, (guint32) G_MAXINT));

  ss_layer_add_string (&l, NULL, PGSQL_F_TYPE, 0, hdr, message_name (c, msg, type, length), -1);
  ss_layer_add_item (&l, NULL, PGSQL_F_LENGTH, hdr, 4, SS_ENC_BE);
  it = ss_layer_add_uint (&l, NULL, PGSQL_F_FRONTEND, 0, 0, c->fe);
  ss_item_set_flags (it, SS_ITEM_HIDDEN);

  if (c->fe)
    dissect_frontend (c, &l, type, length);
  else
    dissect_backend (c, &l, type, length);
  add_timing (&l, data);

  if (!pkt->visited && c->conv && !c->fe)
    c->conv->auth_state = c->auth_state;
  c->msg_index++;
}

/* A message that was cut short or lied about its length: "[Malformed Packet: PGSQL]" (or the
 * snaplen note) right after it, as Wireshark shows the exception it caught for that message;
 * frame.protocols gets no "_ws.malformed" then, and the frame's own marks are left alone. */
static void
report_message_exception (SsPacket *pkt,
                          guint8    status)
{
  guint8 frame_status = pkt->status;
  SsProtocolId current = pkt->current;
  gsize listed_len = ss_packet_get_protocols_len (pkt);

  pkt->status = (status & SS_READER_MALFORMED) ? SS_READER_MALFORMED : status;
  pkt->current = SS_PROTO_PGSQL;
  ss_ws_finish_frame (pkt);
  ss_packet_truncate_protocols (pkt, listed_len);
  pkt->status = frame_status;
  pkt->current = current;
}

/* Whether TCP will hand over more bytes when asked (ss-tcp-reasm.h): only inside a tracked
 * stream whose segment was captured whole. */
static gboolean
can_desegment (const SsPacket *pkt,
               const SsReader *r)
{
  return pkt->tcp_reasm && pkt->tcp_stream != G_MAXUINT32 && r->captured == r->reported;
}

static void
dissect_pgsql (SsPacket *pkt,
               SsReader *r)
{
  PgsqlCtx c = { 0 };
  PgsqlCallData *call = NULL;
  guint lo = MIN (pkt->srcport, pkt->dstport);
  guint hi = MAX (pkt->srcport, pkt->dstport);
  guint match = ss_dissectors_for_tcp_port (lo) == &ss_proto_pgsql ? lo : hi;
  guint32 off = 0;
  PgsqlCallKind kind = CALL_MESSAGES;

  c.pkt = pkt;
  c.fe = match == pkt->dstport;
  c.call_key = pkt->cur_source;
  c.first_info = TRUE;

  if (pkt->tcp_stream != G_MAXUINT32 && pkt->session)
    {
      if (!pkt->visited)
        c.conv = ss_session_conv_data (pkt->session, SS_PROTO_PGSQL, &pkt->tcp_stream,
                                       sizeof pkt->tcp_stream, sizeof (PgsqlConv));
      else
        call = ss_session_lookup_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number,
                                             c.call_key << 16 | PGSQL_SUBKEY_CALL);
    }

  if (c.conv)
    {
      c.auth_state = c.conv->auth_state;
      if (c.conv->tls_after && pkt->number > c.conv->tls_after)
        kind = CALL_TLS;
      else if (c.conv->ssl_requested)
        {
          /* The answer to an SSLRequest: 'S' and TLS follows, or 'N' (§55.2.10). */
          kind = CALL_SSL_ANSWER;
          c.conv->ssl_requested = FALSE;
          if (ss_reader_get_u8 (r, 0) == 'S' && !ss_reader_failed (r))
            c.conv->tls_after = pkt->number;
        }
      call = ss_session_frame_data (pkt->session, SS_PROTO_PGSQL, pkt->number,
                                    c.call_key << 16 | PGSQL_SUBKEY_CALL, sizeof *call);
      call->kind = kind;
      call->auth_state = c.auth_state;
    }
  else if (call)
    {
      kind = call->kind;
      c.auth_state = call->auth_state;
    }

  if (kind == CALL_TLS)
    {
      ss_packet_call (pkt, &ss_proto_tls, r, 0);
      return;
    }

  ss_packet_set_protocol (pkt, "PGSQL");
  ss_packet_set_info (pkt, "%s", c.fe ? ">" : "<");
  if (kind == CALL_SSL_ANSWER)
    return;

  /* Wireshark's tcp_dissect_pdus with a fixed part of 5 bytes. */
  while (ss_reader_reported_remaining (r, off) > 0)
    {
      guint32 avail = ss_reader_remaining (r, off);
      guint32 left = ss_reader_reported_remaining (r, off);
      guint8 type;
      guint32 plen;
      guint8 msg_status = SS_READER_OK;
      SsReader view;
      SsReader msg;

      if (avail < 5 && can_desegment (pkt, r))
        {
          pkt->desegment_offset = off;
          pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
          break;
        }
      type = ss_reader_get_u8 (r, off);
      plen = ss_reader_get_ntohl (r, off + (type ? 1 : 0));
      if (ss_reader_failed (r))
        break;
      plen += type ? 1 : 0;
      if (plen == 0 && can_desegment (pkt, r))
        {
          /* 0xffffffff + 1: too long to say; Wireshark waits for more. */
          pkt->desegment_offset = off;
          pkt->desegment_len = SS_DESEGMENT_ONE_MORE_SEGMENT;
          break;
        }
      if (plen < 5)
        {
          /* Shorter than its own header: Wireshark shows the error and stops. */
          if (!c.listed)
            ss_packet_add_protocols_entry (pkt, "pgsql");
          c.listed = TRUE;
          report_message_exception (pkt, SS_READER_MALFORMED);
          break;
        }
      if (left < plen && can_desegment (pkt, r))
        {
          pkt->desegment_offset = off;
          pkt->desegment_len = plen - left;
          break;
        }
      /* A message cut by the snaplen is shown as far as it goes; one claiming more than the
       * segment holds (no reassembly here) marks the packet malformed. */
      view = *r;
      view.status = SS_READER_OK;
      view.frame_status = &msg_status;
      ss_reader_sub (&view, off, (gint) MIN (plen, (guint32) G_MAXINT), &msg);
      dissect_message (&c, &msg, plen);
      if (msg_status != SS_READER_OK)
        report_message_exception (pkt, msg_status);
      /* Nothing after a message cut by the snaplen was captured. */
      if (plen > left || (msg_status & SS_READER_TRUNCATED))
        break;
      off += plen;
    }

  /* What this hand-off wrote stays when TCP hands over the bytes after a reassembled message,
   * as Wireshark fences the Info column there. */
  if (pkt->cur_source != 0)
    ss_packet_fence_info (pkt);
}

const SsProtocol ss_proto_pgsql = {
  .id = SS_PROTO_PGSQL,
  .application = TRUE,
  .abbrev = "pgsql",
  .short_name = "PGSQL",
  .name = N_("PostgreSQL"),
  .fields = pgsql_fields,
  .n_fields = PGSQL_F_COUNT,
  .experts = pgsql_experts,
  .n_experts = PGSQL_E_COUNT,
  .dissect = dissect_pgsql,
};
