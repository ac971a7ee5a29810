/* ss-gui.h: starting the graphical analyzer from `stratoshark` */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a display can be used: DISPLAY or WAYLAND_DISPLAY is set and GTK initialises on it. */
gboolean ss_gui_display_available (void);

/* Whether @argv asks for something only the GUI does (--screenshot, --bench-filter). */
gboolean ss_gui_wants_gui_options (int    argc,
                                   char **argv);

/* Runs the GTK application: `stratoshark [FILE] [--screenshot OUT.png [-Y FILTER]
 * [--select N]]`. Returns the exit status. */
int      ss_gui_main              (int    argc,
                                   char **argv);

G_END_DECLS
