/* ss-http-req-dialog.h: Statistics → HTTP → Requests
 *
 * The HTTP request trees of src/stats (ss-stats-tree.h): Wireshark's HTTP/Requests (requests per
 * Host, then per URI; `-z http_req,tree`) and requests per URI path, then per User-Agent
 * (`-z http_ua,tree`, StratoShark's own), one tab each, with their counts.
 */
#pragma once

#include "ss-stat-dialog.h"
#include "ss-stat-table.h"

G_BEGIN_DECLS

#define SS_TYPE_HTTP_REQ_DIALOG (ss_http_req_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsHttpReqDialog, ss_http_req_dialog, SS, HTTP_REQ_DIALOG, SsStatDialog)

typedef enum
{
  SS_HTTP_REQ_BY_HOST,
  SS_HTTP_REQ_BY_USER_AGENT,
} SsHttpReqView;

enum
{
  SS_HTTP_REQ_COLUMN_TOPIC,
  SS_HTTP_REQ_COLUMN_COUNT,
  SS_HTTP_REQ_N_COLUMNS
};

GtkWidget   *ss_http_req_dialog_new       (GtkWindow       *parent,
                                           SsDocument      *doc,
                                           const char      *filter);
SsStatTable *ss_http_req_dialog_get_table (SsHttpReqDialog *self,
                                           SsHttpReqView    view);

G_END_DECLS
