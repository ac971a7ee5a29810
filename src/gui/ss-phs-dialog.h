/* ss-phs-dialog.h: Statistics → Protocol Hierarchy
 *
 * The tree of src/stats (ss-phs.h, `-z io,phs`): each protocol under the one that carried it,
 * with its packets and bytes and their share of all the packets counted.
 */
#pragma once

#include "ss-stat-dialog.h"
#include "ss-stat-table.h"

G_BEGIN_DECLS

#define SS_TYPE_PHS_DIALOG (ss_phs_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SsPhsDialog, ss_phs_dialog, SS, PHS_DIALOG, SsStatDialog)

enum
{
  SS_PHS_COLUMN_PROTOCOL,
  SS_PHS_COLUMN_PERCENT_PACKETS,
  SS_PHS_COLUMN_PACKETS,
  SS_PHS_COLUMN_PERCENT_BYTES,
  SS_PHS_COLUMN_BYTES,
  SS_PHS_COLUMN_FILTER,
  SS_PHS_N_COLUMNS
};

GtkWidget   *ss_phs_dialog_new       (GtkWindow   *parent,
                                      SsDocument  *doc,
                                      const char  *filter);
SsStatTable *ss_phs_dialog_get_table (SsPhsDialog *self);

G_END_DECLS
