/* ss-filter-bar.h: the display filter bar
 *
 * The filter is compiled as it is typed: the entry turns green when it is valid and red when it
 * is not, with the compiler's message as the tooltip and the offending part underlined. Field
 * names complete from the registry; Enter applies (the "apply" signal), the history button offers
 * the filters applied before.
 */
#pragma once

#include <gtk/gtk.h>

#include "ss-registry.h"

G_BEGIN_DECLS

typedef enum
{
  SS_FILTER_STATE_EMPTY,
  SS_FILTER_STATE_VALID,
  SS_FILTER_STATE_INVALID,
} SsFilterState;

#define SS_TYPE_FILTER_BAR (ss_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (SsFilterBar, ss_filter_bar, SS, FILTER_BAR, GtkWidget)

GtkWidget     *ss_filter_bar_new            (void);
void           ss_filter_bar_set_registry   (SsFilterBar        *self,
                                             const SsRegistry   *reg);
const char    *ss_filter_bar_get_text       (SsFilterBar        *self);
void           ss_filter_bar_set_text       (SsFilterBar        *self,
                                             const char         *text);
SsFilterState  ss_filter_bar_get_state      (SsFilterBar        *self);
/* The compiler's message when the state is invalid, else NULL. */
const char    *ss_filter_bar_get_error      (SsFilterBar        *self);
/* The byte span of the error in the text (start, end); FALSE when it has none. */
gboolean       ss_filter_bar_get_error_span (SsFilterBar        *self,
                                             int                *start,
                                             int                *end);
void           ss_filter_bar_set_history    (SsFilterBar        *self,
                                             const char * const *filters);
/* Marks the text as the one applied (the entry shows whether what is typed differs). */
void           ss_filter_bar_set_applied    (SsFilterBar        *self,
                                             const char         *text);
void           ss_filter_bar_focus          (SsFilterBar        *self);
GtkWidget     *ss_filter_bar_get_entry      (SsFilterBar        *self);
/* The completion candidates shown now (for tests), NULL when the list is hidden. */
GListModel    *ss_filter_bar_get_completions (SsFilterBar       *self);

G_END_DECLS
