/* ss-recent.h: recently opened files and applied display filters, kept across runs
 *
 * Stored as a key file in $XDG_CONFIG_HOME/stratoshark/recent, like Wireshark's "recent" file.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SsRecent SsRecent;

/* Reads @path when it exists (a missing or unreadable file is an empty list). */
SsRecent           *ss_recent_new          (const char  *path);
void                ss_recent_free         (SsRecent    *recent);

/* Most recent first, NULL-terminated, borrowed. */
const char * const *ss_recent_get_files    (SsRecent    *recent);
const char * const *ss_recent_get_filters  (SsRecent    *recent);
/* Moves @item to the front (adding it when new) and saves. */
void                ss_recent_add_file     (SsRecent    *recent,
                                            const char  *path);
void                ss_recent_add_filter   (SsRecent    *recent,
                                            const char  *filter);
void                ss_recent_clear_files  (SsRecent    *recent);
/* The field columns of the packet list ("Apply as Column"), by field name, in order. */
const char * const *ss_recent_get_columns  (SsRecent    *recent);
void                ss_recent_set_columns  (SsRecent    *recent,
                                            const char * const *columns);
gboolean            ss_recent_save         (SsRecent    *recent,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsRecent, ss_recent_free)

G_END_DECLS
