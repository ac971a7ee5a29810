/* ss-conv-dialog.h: Statistics → Conversations and Statistics → Endpoints
 *
 * One tab per address type (Ethernet, IPv4, IPv6, TCP, UDP), each the table of src/stats
 * (ss-conv.h) that `-z conv,TYPE` and `-z endpoints,TYPE` print: packets and bytes per
 * conversation (each direction and in total, relative start, duration) or per endpoint
 * (sent, received, in total). Every column sorts; bytes show in tshark's units.
 */
#pragma once

#include "ss-conv.h"
#include "ss-stat-dialog.h"
#include "ss-stat-table.h"

G_BEGIN_DECLS

#define SS_TYPE_CONV_DIALOG (ss_conv_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsConvDialog, ss_conv_dialog, SS, CONV_DIALOG, SsStatDialog)

/* Conversation columns (those with ports only in the TCP and UDP tabs). */
enum
{
  SS_CONV_COLUMN_ADDR_A,
  SS_CONV_COLUMN_PORT_A,
  SS_CONV_COLUMN_ADDR_B,
  SS_CONV_COLUMN_PORT_B,
  SS_CONV_COLUMN_PACKETS,
  SS_CONV_COLUMN_BYTES,
  SS_CONV_COLUMN_PACKETS_AB,
  SS_CONV_COLUMN_BYTES_AB,
  SS_CONV_COLUMN_PACKETS_BA,
  SS_CONV_COLUMN_BYTES_BA,
  SS_CONV_COLUMN_REL_START,
  SS_CONV_COLUMN_DURATION,
  SS_CONV_N_COLUMNS
};

/* Endpoint columns. */
enum
{
  SS_ENDPOINT_COLUMN_ADDR,
  SS_ENDPOINT_COLUMN_PORT,
  SS_ENDPOINT_COLUMN_PACKETS,
  SS_ENDPOINT_COLUMN_BYTES,
  SS_ENDPOINT_COLUMN_TX_PACKETS,
  SS_ENDPOINT_COLUMN_TX_BYTES,
  SS_ENDPOINT_COLUMN_RX_PACKETS,
  SS_ENDPOINT_COLUMN_RX_BYTES,
  SS_ENDPOINT_N_COLUMNS
};

/* @endpoints: the Endpoints window rather than Conversations; @type: the tab shown first. */
GtkWidget   *ss_conv_dialog_new        (GtkWindow    *parent,
                                        SsDocument   *doc,
                                        const char   *filter,
                                        gboolean      endpoints,
                                        SsConvType    type);
/* The table of a tab. Tables without ports have the same column numbers: their port columns
 * are empty. */
SsStatTable *ss_conv_dialog_get_table  (SsConvDialog *self,
                                        SsConvType    type);
SsConvType   ss_conv_dialog_get_shown  (SsConvDialog *self);
/* The display filter of the row shown at @position of tab @type ("ip.addr==A && tcp.port==1 &&
 * ip.addr==B && tcp.port==2"), as the signal "filter-activated" (const char *filter) gives it
 * when the row is activated; the main window applies it. */
char        *ss_conv_dialog_dup_row_filter (SsConvDialog *self,
                                        SsConvType    type,
                                        guint         position);

G_END_DECLS
