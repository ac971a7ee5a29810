/* ss-cli-parallel.h: the CLI's single pass over a capture on several threads
 *
 * Frames are dealt to threads by conversation (ss_flow_hash()): each thread has its own engine,
 * so the state kept per conversation sees all of that conversation's frames in order, as in one
 * pass. What depends on the order of the whole capture stays as in one pass: TCP streams are
 * numbered in the order of the frames that start them (a thread that starts one waits until the
 * others have passed that frame), statistics are fed every packet in frame order on the calling
 * thread, and lines are printed in frame order. Work goes in batches of frames: the threads
 * dissect, filter and format a batch, then the calling thread feeds the statistics and prints.
 */
#pragma once

#include <glib.h>

#include "ss-cli-print.h"
#include "ss-cli-stats.h"
#include "ss-dfilter.h"
#include "ss-engine.h"

G_BEGIN_DECLS

/* Applies what the pass asks of an engine: the fields kept and whether columns are built. */
typedef void (*SsCliParallelSetup) (SsEngine *engine,
                                    gpointer  user_data);

typedef struct
{
  const SsRegistry       *reg;
  SsCapfile              *cap;
  guint                   n_threads;
  SsCliParallelSetup      setup;
  gpointer                setup_data;
  const SsDfilter        *dfilter;       /* -Y, or NULL */
  SsCliStats             *stats;         /* -z, or NULL */
  gboolean                quiet;         /* -q: nothing printed per packet */
  /* what is printed per packet shown: -T fields when @n_fields > 0, else the summary line */
  const SsFieldId        *field_ids;
  const char * const     *field_names;
  guint                   n_fields;
  const SsFieldsOptions  *fields_options;
  gboolean                line_buffered;
  /* filled in */
  guint                   n_read;
  guint                   n_shown;
  gboolean                write_failed;
} SsCliParallel;

/* How many threads a pass over @cap may use: 1 when it is small (a thread costs more than it
 * saves), else the processors, at most 4; STRATOSHARK_THREADS=N overrides (tests use it to run
 * the threaded pass on small files). */
guint    ss_cli_parallel_threads (const SsCapfile *cap);

/* Runs the pass, appending to @out and writing it to stdout as it grows. */
void     ss_cli_parallel_run     (SsCliParallel   *p,
                                  GString         *out);

G_END_DECLS
