/* ss-live-capture.h: a live capture shown in the window as it happens
 *
 * As Wireshark does with dumpcap: the window never captures itself. It starts the privileged
 * helper `stratoshark-capture` (directly when it is root or the helper has its file
 * capabilities, otherwise through pkexec) with pcapng on a pipe and status messages on a second
 * one (src/capture/ss-capture-helper.h). A thread of its own copies the pcapng stream (so the
 * helper never waits for a busy main loop) into a temporary file created 0600 in
 * $XDG_RUNTIME_DIR (or the cache directory), and the window's document follows
 * that file as it grows: only whole pcapng blocks are announced to it (ss_document_grow), its
 * worker indexes and dissects the new frames, the packet list shows them, and a display filter
 * applied during the capture runs over the packets so far and then over each batch that
 * arrives. The status bar shows the helper's STATS (packets, drops). Stop sends SIGTERM to the
 * helper and the capture ends when it reports DONE and closes its pipes; the document is then
 * an ordinary loaded file. File → Save As (or ss_live_capture_save) copies it.
 *
 * Known limit: a helper started through pkexec runs as root, and the window cannot signal it;
 * Stop then closes the data pipe, which ends the helper at its next write (what it had not
 * written yet is lost).
 */
#pragma once

#include "ss-capture-helper.h"
#include "ss-window.h"

G_BEGIN_DECLS

typedef struct
{
  char     **interfaces;     /* NULL-terminated; empty or NULL: the helper's default */
  char      *capture_filter; /* BPF, or NULL */
  gboolean   ebpf;
  char      *ebpf_filter;    /* or NULL */
  guint      snaplen;        /* 0: the helper's default */
} SsLiveCaptureOptions;

SsLiveCaptureOptions *ss_live_capture_options_copy (const SsLiveCaptureOptions *opts);
void                  ss_live_capture_options_free (SsLiveCaptureOptions       *opts);

typedef struct _SsLiveCapture SsLiveCapture;

/* Starts a capture shown in @win (which keeps it: one per window). FALSE with @error when the
 * helper cannot be found or started; a helper that starts and then fails (a missing
 * capability, a bad filter) is reported in a message dialog with the helper's own words. */
gboolean              ss_live_capture_start        (SsWindow                   *win,
                                                    const SsLiveCaptureOptions *opts,
                                                    GError                    **error);
/* The window's capture (running or finished), or NULL. */
SsLiveCapture        *ss_live_capture_get          (SsWindow                   *win);
/* Asks the helper to stop (SIGTERM). */
void                  ss_live_capture_stop         (SsLiveCapture              *live);
/* Running: the helper has not finished or its output is not all read. */
gboolean              ss_live_capture_is_running   (SsLiveCapture              *live);
/* The last STATS the helper sent. */
const SsCaptureStats *ss_live_capture_get_stats    (SsLiveCapture              *live);
/* The error the helper reported (ERROR message or its standard error), or NULL. */
const char           *ss_live_capture_get_error    (SsLiveCapture              *live);
/* The temporary file the capture is written to. */
const char           *ss_live_capture_get_path     (SsLiveCapture              *live);
/* Copies the finished capture to @path, created 0600. */
gboolean              ss_live_capture_save         (SsLiveCapture              *live,
                                                    const char                 *path,
                                                    GError                    **error);
/* Enables win.capture-start/-stop/-options as the capture's state allows. */
void                  ss_live_capture_update_actions (SsWindow                 *win);

/* Runs `stratoshark-capture --list-interfaces`: names in *names, their descriptions in
 * *descriptions (same length). FALSE with @error when the helper fails. */
gboolean              ss_live_capture_list_interfaces (char                  ***names,
                                                       char                  ***descriptions,
                                                       GError                 **error);

G_END_DECLS
