/* ss-helper-proto.h: what `stratoshark-capture` promises the program that starts it
 *
 * The helper writes capture data (pcapng, or classic pcap with --format pcap) to the output file
 * or to standard output, and status messages to the file descriptor given with --status-fd.
 * Wireshark's dumpcap does the same with its sync pipe (capture/sync_pipe.h); the framing here is
 * the same idea: a one-byte type and a 24-bit length, so a reader can resynchronise on every
 * message and refuse a length it will not allocate.
 *
 *   byte 0       type, one of SsHelperStatusType (printable ASCII)
 *   bytes 1..3   payload length, big-endian, at most SS_HELPER_STATUS_MAX_LEN
 *   payload      UTF-8 text without a terminating NUL
 *
 * The payload of SS_HELPER_STATUS_STATS is a space-separated list of key=value pairs with
 * decimal values; readers must ignore keys they do not know:
 *   packets=N       packets written to the output so far
 *   kernel_drops=N  packets the kernel dropped for lack of buffer space (pcap_stats ps_drop)
 *   if_drops=N      packets the interface dropped (pcap_stats ps_ifdrop)
 *   ring_drops=N    packets the eBPF programs could not put in the ring buffer
 *   filtered=N      packets the eBPF path read but the --ebpf-filter rejected
 *   files=N         output files opened so far (rotation)
 * A STATS message is sent once a second while capturing and once more at the end.
 */
#pragma once

#define SS_HELPER_STATUS_HEADER_LEN 4
#define SS_HELPER_STATUS_MAX_LEN    4096

typedef enum
{
  SS_HELPER_STATUS_READY   = 'R', /* every source is open and capturing; payload: interface names */
  SS_HELPER_STATUS_FILE    = 'F', /* a new output file was opened; payload: its path */
  SS_HELPER_STATUS_STATS   = 'S', /* counters, see above */
  SS_HELPER_STATUS_WARNING = 'W', /* a warning for the user (for example a short snaplen) */
  SS_HELPER_STATUS_ERROR   = 'E', /* the error that ends the capture, for the user */
  SS_HELPER_STATUS_DONE    = 'D', /* last message; payload: exit=N (an SsHelperExit code) */
} SsHelperStatusType;

/* Exit codes of stratoshark-capture. Internally functions report -errno; main maps the failure
 * to one of these. */
typedef enum
{
  SS_HELPER_EXIT_OK         = 0, /* stopped by --count, --duration, SIGINT or SIGTERM */
  SS_HELPER_EXIT_ERROR      = 1, /* an unexpected failure (message on stderr) */
  SS_HELPER_EXIT_USAGE      = 2, /* bad or contradictory arguments */
  SS_HELPER_EXIT_PERMISSION = 3, /* a capability is missing; the message says which and how */
  SS_HELPER_EXIT_SOURCE     = 4, /* an interface cannot be opened or the capture filter is bad */
  SS_HELPER_EXIT_OUTPUT     = 5, /* the output cannot be created or written (disk full...) */
  SS_HELPER_EXIT_EBPF       = 6, /* the eBPF programs cannot be loaded or attached */
} SsHelperExit;
