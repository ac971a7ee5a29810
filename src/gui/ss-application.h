/* ss-application.h: the GtkApplication (app id io.github.stratoshark.StratoShark) */
#pragma once

#include <gtk/gtk.h>

#include "ss-registry.h"

G_BEGIN_DECLS

#define SS_APPLICATION_ID "io.github.stratoshark.StratoShark"

/* What `stratoshark --screenshot OUT.png FILE [-Y FILTER] [--select N]` asked for. */
typedef struct
{
  char  *output;      /* PNG to write */
  char  *filter;      /* display filter to apply first, or NULL */
  guint  select;      /* frame number (1-based) to select, 0 for none */
  int    width;
  int    height;
  gboolean dark;
} SsScreenshotRequest;

#define SS_TYPE_APPLICATION (ss_application_get_type ())
G_DECLARE_FINAL_TYPE (SsApplication, ss_application, SS, APPLICATION, GtkApplication)

SsApplication    *ss_application_new            (GApplicationFlags  extra_flags);
const SsRegistry *ss_application_get_registry   (SsApplication     *self);
/* Takes @request: the first window made renders itself to a PNG once its file is ready and the
 * application quits with the status of that. */
void              ss_application_set_screenshot (SsApplication     *self,
                                                 SsScreenshotRequest *request);
void              ss_application_set_initial_filter (SsApplication *self,
                                                 const char        *filter);
/* `--bench-filter`: see ss_window_set_bench_filter(). */
void              ss_application_set_bench_filter (SsApplication *self,
                                                 const char        *filter,
                                                 gint64             start_us);
/* Where the recent files and filters live ($XDG_CONFIG_HOME/stratoshark/recent). */
struct _SsRecent *ss_application_get_recent     (SsApplication     *self);

void              ss_screenshot_request_free    (SsScreenshotRequest *request);

G_END_DECLS
