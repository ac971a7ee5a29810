/* ss-session.h: state a dissector keeps across the frames of one capture
 *
 * Conversation data: one zero-initialised block per (protocol, key), for example the pending
 * requests of an HTTP connection keyed by its TCP stream. Frame data: one block per (protocol,
 * frame, sub-key), where a dissector records what it decided during the first pass so that a
 * frame dissected again (the GUI) shows the same thing (http.response_in, dns.time...). Both live
 * as long as the capture. This is what Wireshark's conversation data and p_add_proto_data do.
 */
#pragma once

#include <glib.h>

#include "ss-protocol.h"

G_BEGIN_DECLS

typedef struct _SsSession SsSession;

SsSession *ss_session_new              (void);
void       ss_session_free             (SsSession    *session);

/* The block for (@proto, @key): created zero-filled with @size bytes on first use. @size must be
 * the same at every call for one protocol. */
gpointer   ss_session_conv_data        (SsSession    *session,
                                        SsProtocolId  proto,
                                        const void   *key,
                                        gsize         key_len,
                                        gsize         size);
gpointer   ss_session_lookup_conv_data (SsSession    *session,
                                        SsProtocolId  proto,
                                        const void   *key,
                                        gsize         key_len);
gpointer   ss_session_frame_data       (SsSession    *session,
                                        SsProtocolId  proto,
                                        guint32       frame,
                                        guint32       subkey,
                                        gsize         size);
gpointer   ss_session_lookup_frame_data (SsSession   *session,
                                        SsProtocolId  proto,
                                        guint32       frame,
                                        guint32       subkey);
/* Memory for the capture's lifetime (conversation data may point into it). */
gpointer   ss_session_alloc            (SsSession    *session,
                                        gsize         size);
char      *ss_session_strdup           (SsSession    *session,
                                        const char   *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsSession, ss_session_free)

G_END_DECLS
