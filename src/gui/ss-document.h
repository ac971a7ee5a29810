/* ss-document.h: one open capture file as the window sees it
 *
 * A plain C object shared between the main loop and the worker threads (GTask) that load and
 * filter the file. It owns the capture file, the dissection engine with the state of the first
 * pass (TCP analysis, reassembly, request/response matching) and a lock that serialises every
 * use of the two: the frame index grows while it is read, and the engine dissects one frame at a
 * time.
 *
 * Loading is incremental: ss_document_load_step() indexes and dissects (first pass) a batch of
 * frames. Only frames the first pass has reached (ss_document_get_n_passed()) are shown, so a row
 * is always dissected with the state the frames before it left.
 *
 * A worker holds the lock for one batch at a time and steps aside when the main loop waits for it
 * (ss_document_lock()), so scrolling stays smooth while two million packets load.
 */
#pragma once

#include <gio/gio.h>

#include "ss-capfile.h"
#include "ss-engine.h"
#include "ss-registry.h"

G_BEGIN_DECLS

typedef struct _SsDocument SsDocument;

/* What the packet list shows for one frame. Strings are owned by the summary. */
typedef struct
{
  guint    frame;          /* 0-based index */
  gint64   ts_ns;
  guint32  len;
  char    *src;
  char    *dst;
  char    *protocol;
  char    *info;
  gint     color;          /* coloring rule index, -1 for none */
  guint8   expert;         /* worst SsExpertSeverity in the frame, 0 for none */
  guint8   precision;      /* digits of the time column: 6 for microseconds, 9 for nanoseconds */
  char   **custom;         /* values of the user's field columns, NULL-terminated */
} SsSummary;

void              ss_summary_free             (SsSummary        *summary);

/* Counts of Expert Information items by severity, from the first pass. */
typedef struct
{
  guint chat;
  guint note;
  guint warn;
  guint error;
} SsExpertCounts;

SsDocument       *ss_document_new             (const SsRegistry *reg,
                                               const char       *path);
SsDocument       *ss_document_ref             (SsDocument       *doc);
void              ss_document_unref           (SsDocument       *doc);

const char       *ss_document_get_path        (const SsDocument *doc);
const SsRegistry *ss_document_get_registry    (const SsDocument *doc);

/* Worker side. The first call opens the file (which can take a while for a compressed one).
 * Returns FALSE when loading is over (the whole file read, an error, or cancelled); the error
 * then tells what stopped it, with the frames read so far kept. */
gboolean          ss_document_load_step       (SsDocument       *doc,
                                               guint             max_frames,
                                               GCancellable     *cancellable,
                                               GError          **error);

/* A live capture: the file at the document's path is being written and holds @size bytes (up
 * to a record boundary), @final once it is finished. The first call comes before loading starts;
 * loading then follows the file (the worker waits for more) until a final call. */
void              ss_document_grow            (SsDocument       *doc,
                                               guint64           size,
                                               gboolean          final);

/* How far loading got (atomic reads: callable from any thread without the lock). */
guint             ss_document_get_n_passed    (SsDocument       *doc);
gboolean          ss_document_is_loaded       (SsDocument       *doc);
/* A fraction in [0, 1] of the file read so far. */
double            ss_document_get_progress    (SsDocument       *doc);
/* The error that stopped loading (the file is cut short, damaged...), or NULL. Main thread, once
 * loading is over. */
const GError     *ss_document_get_load_error  (SsDocument       *doc);
void              ss_document_get_expert_counts (SsDocument     *doc,
                                               SsExpertCounts   *counts);

/* The lock: every access to the capture file or the engine goes through it. From the main
 * thread it makes the worker yield at its next batch boundary. */
void              ss_document_lock            (SsDocument       *doc);
void              ss_document_unlock          (SsDocument       *doc);
/* Whether the main thread waits for the lock (workers check it between frames of a batch). */
gboolean          ss_document_ui_waiting      (SsDocument       *doc);

/* With the lock held. */
SsCapfile        *ss_document_get_capfile     (SsDocument       *doc);
SsEngine         *ss_document_get_engine      (SsDocument       *doc);
/* Time of the first frame (the reference of relative times). */
gint64            ss_document_get_first_ts    (SsDocument       *doc);
/* Time of @frame (takes the lock), 0 when out of range. */
gint64            ss_document_get_frame_ts    (SsDocument       *doc,
                                               guint             frame);

/* Dissects @frame for the packet list (takes the lock). @color_func, when set, picks the
 * coloring rule from the full tree. */
typedef gint (*SsColorFunc) (const SsPacket *pkt,
                             gpointer        user_data);

SsSummary        *ss_document_dup_summary     (SsDocument       *doc,
                                               guint             frame,
                                               SsColorFunc       color_func,
                                               gpointer          color_data,
                                               const SsFieldId  *custom,
                                               guint             n_custom);
/* The values of field @id in @pkt as a field column shows them ("443", "80,443" when repeated),
 * a new string. */
char             *ss_packet_dup_field_text    (const SsPacket   *pkt,
                                               SsFieldId         id);

/* Dissects @frame with the whole tree and calls @func with the packet while the lock is held
 * (the packet is only valid during the call). */
typedef void (*SsPacketFunc) (SsPacket *pkt,
                              gpointer  user_data);

void              ss_document_with_packet     (SsDocument       *doc,
                                               guint             frame,
                                               gboolean          full_tree,
                                               SsPacketFunc      func,
                                               gpointer          user_data);

/* Worker side: runs @df (an SsDfilter) over frames [@from, @to) and appends the matching frame
 * indices to @matches. Holds the lock a batch at a time and stores its progress in
 * @progress_permille (atomic). Returns FALSE when cancelled. */
struct _SsDfilter;
gboolean          ss_document_filter_range    (SsDocument       *doc,
                                               const struct _SsDfilter *df,
                                               guint             from,
                                               guint             to,
                                               GArray           *matches,
                                               GCancellable     *cancellable,
                                               gint             *progress_permille);

/* Worker side: the first frame of @frames (in display order), after position @start and going
 * round, that @df matches (when @df is set) or whose bytes contain @needle. Returns its position
 * in @frames, G_MAXUINT when none or when cancelled. */
guint             ss_document_find            (SsDocument       *doc,
                                               GArray           *frames,
                                               guint             start,
                                               gboolean          backwards,
                                               const struct _SsDfilter *df,
                                               GBytes           *needle,
                                               GCancellable     *cancellable,
                                               gint             *progress_permille);

/* Worker side: dissects each frame of @frames (guint32, NULL for every frame the first pass
 * reached) with @fields wanted, and calls @func with the packet (valid during the call, the lock
 * held). Batch by batch, yielding to the main thread. Returns FALSE when cancelled. */
gboolean          ss_document_foreach_packet  (SsDocument       *doc,
                                               GArray           *frames,
                                               const SsFieldId  *fields,
                                               guint             n_fields,
                                               SsPacketFunc      func,
                                               gpointer          user_data,
                                               GCancellable     *cancellable,
                                               gint             *progress_permille);

/* As ss_document_foreach_packet(), but @want names the fields: it is called with the engine
 * (the lock held) before each batch, since other passes take turns on the engine between them. */
typedef void (*SsDocumentWantFunc) (SsEngine *engine,
                                    gpointer  user_data);
gboolean          ss_document_foreach_packet_want (SsDocument   *doc,
                                               GArray           *frames,
                                               SsDocumentWantFunc want,
                                               gpointer          want_data,
                                               SsPacketFunc      func,
                                               gpointer          user_data,
                                               GCancellable     *cancellable,
                                               gint             *progress_permille);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsDocument, ss_document_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsSummary, ss_summary_free)

G_END_DECLS
