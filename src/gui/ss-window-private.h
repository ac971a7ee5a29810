/* ss-window-private.h: what ss-window.c and ss-window-actions.c share */
#pragma once

#include "ss-coloring.h"
#include "ss-window.h"

G_BEGIN_DECLS

struct _SsWindow
{
  GtkApplicationWindow  parent_instance;

  /* template */
  GtkWidget            *toolbar;
  SsFilterBar          *filter_bar;
  GtkRevealer          *goto_revealer;
  GtkEntry             *goto_entry;
  GtkLabel             *goto_message;
  GtkRevealer          *find_revealer;
  GtkDropDown          *find_kind;
  GtkEntry             *find_entry;
  GtkLabel             *find_message;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  SsPacketList         *packet_list;
  SsProtoTree          *proto_tree;
  SsHexView            *hex_view;
  GtkWidget            *statusbar;
  GtkButton            *expert_button;
  GtkLabel             *expert_label;
  GtkLabel             *file_label;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  GtkLabel             *packets_label;
  GtkLabel             *load_time_label;

  /* the open capture */
  SsDocument           *doc;
  SsPacketListModel    *model;
  SsColoring           *coloring;
  GCancellable         *load_cancellable;
  gboolean              loading;
  gint64                open_time_us;
  gint64                first_rows_us;
  gint64                open_cpu_us;      /* main thread's CPU time at open (benchmark) */
  gint64                first_rows_cpu_us; /* main thread's CPU time from open to the first rows */
  gint64                loaded_us;
  guint                 first_rows_tick;

  /* the running filter, sort or find (one at a time) */
  GCancellable         *task_cancellable;
  gint                  task_progress;     /* permille, atomic */
  char                 *task_label;
  gint64                task_start_us;
  gint64                filter_us;
  guint                 progress_source;

  char                 *applied_filter;
  char                 *pending_filter;    /* applied once loading ends */
  guint                 pending_select;    /* frame number to select once loaded (1-based) */
  int                   pending_sort;      /* column + 1 to sort by once loaded, 0 for none */
  gboolean              pending_sort_descending;
  char                 *status_text;
  int                   zoom;
  GtkCssProvider       *zoom_css;
  GtkCssProvider       *app_css;

  SsScreenshotRequest  *screenshot;        /* owned; set for --screenshot */
  guint                 screenshot_frames;
  guint                 screenshot_tick;
  char                 *bench_filter;      /* --bench-filter */
  gint64                start_us;          /* when the process started (monotonic) */
  gpointer              load_cpu_us;       /* atomic: CPU time of the loading thread */
  gint64                filter_cpu_us;
  gint64                rss_before_kb;
  gint64                rss_loaded_kb;

  /* A live capture (ss-live-capture.c): the filter bar's filters go to it while it runs, and
   * its counters replace the load time in the status bar. */
  gboolean            (*live_filter_func) (SsWindow   *self,
                                           const char *text,
                                           gpointer    data);
  gpointer              live_filter_data;
  void                (*live_closed_func) (SsWindow   *self,
                                           SsDocument *doc);
  char                 *live_status;
};

/* ss-window-actions.c */
void ss_window_install_actions       (SsWindow   *self);
void ss_window_update_actions        (SsWindow   *self);
void ss_window_set_action_enabled    (SsWindow   *self,
                                      const char *name,
                                      gboolean    enabled);

/* ss-window.c */
void ss_window_go_to_position        (SsWindow   *self,
                                      guint       position);
void ss_window_start_find            (SsWindow   *self,
                                      gboolean    backwards);
void ss_window_set_zoom              (SsWindow   *self,
                                      int         zoom);
void ss_window_show_message          (SsWindow   *self,
                                      const char *primary,
                                      const char *secondary);
void ss_window_show_properties       (SsWindow   *self);
void ss_window_save_packets          (SsWindow   *self,
                                      gboolean    displayed_only);
/* Shows @doc (taking it), a live capture's growing file, named @name in the title. */
void ss_window_open_live             (SsWindow   *self,
                                      SsDocument *doc,
                                      const char *name);
/* Refreshes the status bar and the actions (a live capture's counters changed). */
void ss_window_refresh_status        (SsWindow   *self);

G_END_DECLS
