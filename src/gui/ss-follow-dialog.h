/* ss-follow-dialog.h: Analyze → Follow → TCP Stream
 *
 * The bytes of one TCP stream as src/stats (ss-follow.h) puts them in order, each side in its
 * own colour as in Wireshark (the side that sent first in red, the other in blue), shown as
 * ASCII, a hex dump or raw hex, for the whole conversation or one direction.
 */
#pragma once

#include "ss-stat-dialog.h"

G_BEGIN_DECLS

#define SS_TYPE_FOLLOW_DIALOG (ss_follow_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsFollowDialog, ss_follow_dialog, SS, FOLLOW_DIALOG, SsStatDialog)

typedef enum
{
  SS_FOLLOW_SHOW_ASCII,
  SS_FOLLOW_SHOW_HEX,
  SS_FOLLOW_SHOW_RAW,
} SsFollowShow;

typedef enum
{
  SS_FOLLOW_BOTH,
  SS_FOLLOW_FROM_NODE0,
  SS_FOLLOW_FROM_NODE1,
} SsFollowDirection;

GtkWidget *ss_follow_dialog_new           (GtkWindow         *parent,
                                           SsDocument        *doc,
                                           guint32            stream);
guint32    ss_follow_dialog_get_stream    (SsFollowDialog    *self);
void       ss_follow_dialog_set_show      (SsFollowDialog    *self,
                                           SsFollowShow       show,
                                           SsFollowDirection  direction);
/* The text shown. */
char      *ss_follow_dialog_dup_text      (SsFollowDialog    *self);

G_END_DECLS
