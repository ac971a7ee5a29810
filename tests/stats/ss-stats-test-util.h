/* ss-stats-test-util.h: running statistics over a capture the way the CLI does */
#pragma once

#include "ss-capfile.h"
#include "ss-cli-stats.h"
#include "ss-stats.h"

G_BEGIN_DECLS

/* One pass over @cap (every frame, TCP analysis on, as the CLI) feeding @stats. */
void   ss_stats_test_pass    (SsCapfile          *cap,
                              const SsRegistry   *reg,
                              SsCliStats         *stats);
/* The printed statistics of @z_args over the capture file at @path (or over @bytes when @path
 * is NULL), or NULL with @error set. */
char  *ss_stats_test_run     (const char         *path,
                              GBytes             *bytes,
                              const char *const  *z_args,
                              SsStatsFormat       format,
                              GError            **error);
/* The same for one argument. */
char  *ss_stats_test_run1    (const char         *path,
                              GBytes             *bytes,
                              const char         *z_arg,
                              SsStatsFormat       format,
                              GError            **error);

/* The path of a file under tests/stats/data. */
char  *ss_stats_test_data_path (const char       *name);
/* Runs @z_arg over tests/stats/data/@capture and asserts the text is tshark's, as saved in
 * tests/stats/data/expected/ by make-test-captures.py. */
void   ss_stats_test_assert_golden (const char   *capture,
                                    const char   *z_arg);

G_END_DECLS
