/* ss-cli-print.h: tshark's output formats for one dissected packet */
#pragma once

#include <stdio.h>

#include "ss-capfile.h"
#include "ss-packet.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean header;
  char     separator[8];
  char     occurrence;       /* 'f', 'l' or 'a' */
  char     aggregator[8];
  char     quote;            /* 'd', 's' or 'n' */
} SsFieldsOptions;

typedef struct _SsFieldsPrinter SsFieldsPrinter;

SsFieldsPrinter *ss_fields_printer_new    (const SsRegistry      *reg,
                                           const SsFieldId       *ids,
                                           const char * const    *names,
                                           guint                  n,
                                           const SsFieldsOptions *options);
void             ss_fields_printer_free   (SsFieldsPrinter       *printer);
void             ss_fields_printer_header (SsFieldsPrinter       *printer,
                                           GString               *out);
void             ss_fields_printer_packet (SsFieldsPrinter       *printer,
                                           const SsPacket        *pkt,
                                           GString               *out);

/* Digits of the time column for a frame of @cap (6 for microsecond files, 9 for nanosecond). */
guint            ss_cli_time_precision    (const SsCapfile       *cap,
                                           guint                  interface_id);
/* One summary line as tshark prints it (No., Time, Source → Destination, Protocol, Length,
 * Info). @rel_ns is the time since the first frame. */
void             ss_cli_print_summary     (SsPacket              *pkt,
                                           gint64                 rel_ns,
                                           guint                  precision,
                                           GString               *out);
/* The protocol tree as -V prints it. */
void             ss_cli_print_tree        (SsPacket              *pkt,
                                           GString               *out);
/* The hex dump of -x, with any extra byte sources after the frame. */
void             ss_cli_print_hex         (const SsPacket        *pkt,
                                           GString               *out);
/* One packet of -T json; @first tells whether a separating comma is needed. */
void             ss_cli_print_json        (SsPacket              *pkt,
                                           gboolean               first,
                                           GString               *out);

/* Writes @out to stdout and empties it once it holds 256 KiB, or now when @force. FALSE when
 * the write failed. */
gboolean         ss_cli_write_out         (GString               *out,
                                           gboolean               force);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsFieldsPrinter, ss_fields_printer_free)

G_END_DECLS
