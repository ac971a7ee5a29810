/* ss-cli.c: `stratoshark -r FILE ...`, behaving like tshark */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ss-capwrite.h"
#include "ss-cli-parallel.h"
#include "ss-cli-print.h"
#include "ss-cli-stats.h"
#include "ss-cli.h"
#include "ss-dfilter.h"
#include "ss-engine.h"
#include "ss-tcp-conv.h"

typedef struct
{
  char      *read_file;
  char      *output_format;   /* -T */
  char     **fields;          /* -e */
  char     **field_opts;      /* -E */
  gboolean   verbose;         /* -V */
  gboolean   hex;             /* -x */
  gint       count;           /* -c */
  char      *write_file;      /* -w */
  char      *write_format;    /* -F */
  gboolean   no_resolve;      /* -n */
  gboolean   quiet;           /* -q */
  gboolean   line_buffered;   /* -l */
  char      *time_format;     /* -t */
  char      *display_filter;  /* -Y */
  char      *read_filter;     /* -R */
  gboolean   two_pass;        /* -2 */
  char     **stats;           /* -z */
  char      *glossary;        /* -G */
  gboolean   version;
} SsCliOptions;

static void
ss_cli_options_clear (SsCliOptions *o)
{
  g_free (o->read_file);
  g_free (o->output_format);
  g_strfreev (o->stats);
  g_strfreev (o->fields);
  g_strfreev (o->field_opts);
  g_free (o->write_file);
  g_free (o->write_format);
  g_free (o->time_format);
  g_free (o->display_filter);
  g_free (o->read_filter);
  g_free (o->glossary);
}

static const char *
base_name (const SsFieldDef *def)
{
  if (def->type == SS_FT_BOOLEAN || !ss_field_type_is_integer (def->type))
    return "";
  switch (def->display)
    {
    case SS_BASE_HEX: return "BASE_HEX";
    case SS_BASE_OCT: return "BASE_OCT";
    case SS_BASE_DEC_HEX: return "BASE_DEC_HEX";
    case SS_BASE_HEX_DEC: return "BASE_HEX_DEC";
    default: return "BASE_DEC";
    }
}

/* `-G fields` and `-G protocols` in tshark's layout: what the display filter knows. */
static gboolean
print_glossary (const SsRegistry *reg,
                const char       *report)
{
  guint n = ss_registry_get_n_fields (reg);
  gboolean fields = strcmp (report, "fields") == 0;

  if (!fields && strcmp (report, "protocols") != 0)
    {
      g_printerr (_("stratoshark: Invalid -G report \"%s\": use fields or protocols\n"), report);
      return FALSE;
    }
  for (SsFieldId id = 0; id < n; id++)
    {
      const SsFieldDef *def = ss_registry_get_field (reg, id);
      const SsProtocol *proto = ss_registry_get_field_protocol (reg, id);
      const char *name = def->name ? _(def->name) : "";

      if (ss_registry_lookup_field (reg, def->abbrev) != id && def->type != SS_FT_PROTOCOL)
        continue;
      if (id == ss_registry_get_protocol_field (reg, proto->id))
        {
          if (fields)
            g_print ("P\t%s\t%s\n", name, def->abbrev);
          else
            g_print ("%s\t%s\t%s\n", name, proto->short_name, def->abbrev);
        }
      else if (fields)
        g_print ("F\t%s\t%s\t%s\t%s\t%s\t0x%" G_GINT64_MODIFIER "x\t%s\n", name, def->abbrev,
                 ss_field_type_name (def->type), proto->abbrev, base_name (def), def->mask,
                 def->blurb ? def->blurb : "");
    }
  return TRUE;
}

/* A filter that does not compile, as tshark reports it: the message, then the filter with the
 * offending part underlined. */
static void
print_filter_error (const char         *filter,
                    const GError       *error,
                    const SsDfilterLoc *loc)
{
  g_printerr ("stratoshark: %s\n", error->message);
  if (loc->start >= 0 && (gsize) loc->start <= strlen (filter))
    {
      g_autoptr(GString) line = g_string_new ("    ");

      for (gssize i = 0; i < loc->start; i++)
        g_string_append_c (line, filter[i] == '\t' ? '\t' : ' ');
      g_string_append_c (line, '^');
      for (gssize i = loc->start + 1; i < loc->end; i++)
        g_string_append_c (line, '~');
      g_printerr ("    %s\n%s\n", filter, line->str);
    }
}

static SsDfilter *
compile_filter (const SsRegistry *reg,
                const char       *text)
{
  g_autoptr(GError) error = NULL;
  SsDfilterLoc loc;
  SsDfilter *df = ss_dfilter_compile (reg, text, &loc, &error);

  if (!df)
    print_filter_error (text, error, &loc);
  return df;
}

/* frame.time_delta_displayed depends on what was displayed, which only the loop knows: as in
 * tshark it is the time since the last packet shown (0 before the first), also while the
 * display filter decides whether this packet is shown. */
static void
set_time_delta_displayed (SsPacket  *pkt,
                          SsFieldId  id,
                          gint64     delta_ns)
{
  for (SsItem *it = pkt->added_head; it; it = it->next_added)
    if (it->id == id)
      {
        it->v.time.secs = delta_ns / 1000000000;
        it->v.time.nsecs = (gint32) (delta_ns % 1000000000);
      }
}

static gboolean
filter_reads (const SsDfilter *df,
              SsFieldId        id)
{
  const SsFieldId *ids;
  guint n;

  if (!df)
    return FALSE;
  ids = ss_dfilter_get_fields (df, &n);
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
want_filter_fields (SsEngine        *engine,
                    const SsDfilter *df)
{
  const SsFieldId *ids;
  guint n;

  if (!df)
    return;
  ids = ss_dfilter_get_fields (df, &n);
  for (guint i = 0; i < n; i++)
    ss_engine_want_field (engine, ids[i]);
}

/* The frame that tshark -2 takes as the one before the kept frame numbered @number (1-based) for
 * frame.time_delta: the one kept before it, except that the file's first frame was numbered 1 in
 * the first pass too (every frame takes the number the next kept one will have), and tshark finds
 * a frame's time by number, its time reference first (tshark_get_frame_ts()). */
static guint
two_pass_prev (const GArray *kept,
               guint32       number)
{
  if (number <= 1)
    return G_MAXUINT;
  if (number == 2)
    return 0;
  return g_array_index (kept, guint, number - 2);
}

/* Frame @index as the pass sees it: with -2 the frames the read filter kept are numbered 1, 2, ...
 * (@k is the position in @kept), in both passes, as tshark numbers them. */
static SsPacket *
dissect_frame (SsEngine     *engine,
               const GArray *kept,
               guint         k,
               guint         index)
{
  if (!kept)
    return ss_engine_dissect (engine, index);
  return ss_engine_dissect_as (engine, index, k + 1, two_pass_prev (kept, k + 1));
}

/* What each engine of a threaded pass keeps: what the one-thread pass keeps. */
typedef struct
{
  const SsDfilter *dfilter;
  SsCliStats      *stats;
  const SsFieldId *ids;
  guint            n_fields;
  gboolean         columns;
} ParallelWants;

static void
parallel_setup (SsEngine *engine,
                gpointer  data)
{
  const ParallelWants *pw = data;

  want_filter_fields (engine, pw->dfilter);
  if (pw->stats)
    ss_cli_stats_want (pw->stats, engine);
  for (guint i = 0; i < pw->n_fields; i++)
    ss_engine_want_field (engine, pw->ids[i]);
  ss_engine_set_want_columns (engine, pw->columns);
}

static gboolean
parse_fields_options (char           **opts,
                      SsFieldsOptions *fo,
                      GError         **error)
{
  fo->header = FALSE;
  g_strlcpy (fo->separator, "\t", sizeof fo->separator);
  fo->occurrence = 'a';
  g_strlcpy (fo->aggregator, ",", sizeof fo->aggregator);
  fo->quote = 'n';

  for (guint i = 0; opts && opts[i]; i++)
    {
      const char *eq = strchr (opts[i], '=');
      g_autofree char *key = eq ? g_strndup (opts[i], eq - opts[i]) : g_strdup (opts[i]);
      const char *val = eq ? eq + 1 : "";

      if (strcmp (key, "header") == 0 && (strcmp (val, "y") == 0 || strcmp (val, "n") == 0))
        fo->header = val[0] == 'y';
      else if (strcmp (key, "separator") == 0 || strcmp (key, "aggregator") == 0)
        {
          char *dest = key[0] == 's' ? fo->separator : fo->aggregator;

          if (strcmp (val, "/t") == 0)
            g_strlcpy (dest, "\t", 8);
          else if (strcmp (val, "/s") == 0)
            g_strlcpy (dest, " ", 8);
          else if (*val && strlen (val) < 8)
            g_strlcpy (dest, val, 8);
          else
            goto bad;
        }
      else if (strcmp (key, "occurrence") == 0 && strlen (val) == 1 && strchr ("fla", val[0]))
        fo->occurrence = val[0];
      else if (strcmp (key, "quote") == 0 && strlen (val) == 1 && strchr ("dsn", val[0]))
        fo->quote = val[0];
      else if (strcmp (key, "bom") == 0 || strcmp (key, "escape") == 0)
        ;
      else
        goto bad;
      continue;
bad:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid -E field option \"%s\""), opts[i]);
      return FALSE;
    }
  return TRUE;
}

int
ss_cli_run (int    argc,
            char **argv)
{
  SsCliOptions o = { 0 };
  GOptionEntry entries[] = {
    { "read-file", 'r', 0, G_OPTION_ARG_FILENAME, &o.read_file,
      N_("Read packets from a capture file (pcap or pcapng, plain or gzip/zstd/lz4)"), N_("FILE") },
    { "output-format", 'T', 0, G_OPTION_ARG_STRING, &o.output_format,
      N_("Output format: text, fields, json, or csv (statistics of -z only)"), N_("FORMAT") },
    { "field", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_("A field to print with -T fields (repeatable)"), N_("FIELD") },
    { "field-option", 'E', 0, G_OPTION_ARG_STRING_ARRAY, &o.field_opts,
      N_("-T fields option: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=C, "
         "quote=d|s|n"), N_("OPTION=VALUE") },
    { "verbose", 'V', 0, G_OPTION_ARG_NONE, &o.verbose, N_("Print the protocol tree"), NULL },
    { "hex", 'x', 0, G_OPTION_ARG_NONE, &o.hex, N_("Print a hex and ASCII dump"), NULL },
    { "count", 'c', 0, G_OPTION_ARG_INT, &o.count, N_("Stop after reading N packets"), N_("N") },
    /* Filters are taken as bytes, like tshark: a filter may hold any text in quotes. */
    { "display-filter", 'Y', 0, G_OPTION_ARG_FILENAME, &o.display_filter,
      N_("Show only the packets that match a display filter (Wireshark syntax)"), N_("FILTER") },
    { "read-filter", 'R', 0, G_OPTION_ARG_FILENAME, &o.read_filter,
      N_("With -2, keep only the packets that match FILTER in the first pass"), N_("FILTER") },
    { "glossary", 'G', 0, G_OPTION_ARG_STRING, &o.glossary,
      N_("Print a report and exit: fields (every field and protocol a filter can name) or "
         "protocols"), N_("REPORT") },
    { "two-pass", '2', 0, G_OPTION_ARG_NONE, &o.two_pass,
      N_("Dissect in two passes: the first sees every packet before any is shown"), NULL },
    { "write-file", 'w', 0, G_OPTION_ARG_FILENAME, &o.write_file,
      N_("Write the packets to FILE (pcapng unless -F pcap)"), N_("FILE") },
    { "write-format", 'F', 0, G_OPTION_ARG_STRING, &o.write_format,
      N_("Output file format for -w: pcapng, pcap, nsecpcap"), N_("FORMAT") },
    { "no-name-resolution", 'n', 0, G_OPTION_ARG_NONE, &o.no_resolve,
      N_("Disable name resolution (StratoShark never resolves names)"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, N_("Do not print packets"), NULL },
    { "statistics", 'z', 0, G_OPTION_ARG_STRING_ARRAY, &o.stats,
      N_("Collect a statistic and print it at the end: io,stat,INTERVAL[,FILTER], "
         "conv,TYPE, endpoints,TYPE, expert, follow,tcp,ascii,N, io,phs, http,tree, "
         "srt,http, ... (repeatable; see the README)"), N_("STATISTIC") },
    { "line-buffered", 'l', 0, G_OPTION_ARG_NONE, &o.line_buffered, N_("Flush output after each packet"),
      NULL },
    { "time-format", 't', 0, G_OPTION_ARG_STRING, &o.time_format,
      N_("Time column format: r (relative, the default), a, ad, e, d"), N_("FORMAT") },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &o.version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsRegistry) reg = NULL;
  g_autoptr(SsCapfile) cap = NULL;
  g_autoptr(SsEngine) engine = NULL;
  g_autoptr(SsTcpConv) tcp = NULL;
  g_autoptr(SsFieldsPrinter) fields = NULL;
  g_autoptr(SsCliStats) stats = NULL;
  g_autoptr(SsCapWriter) writer = NULL;
  g_autoptr(GString) out = g_string_sized_new (512 * 1024);
  g_autofree SsFieldId *ids = NULL;
  g_autofree gint *writer_if = NULL;
  g_autoptr(SsDfilter) dfilter = NULL;
  g_autoptr(SsDfilter) rfilter = NULL;
  g_autoptr(GArray) kept = NULL;
  enum { OUT_TEXT, OUT_FIELDS, OUT_JSON, OUT_CSV } format = OUT_TEXT;
  SsFieldsOptions fo;
  guint n_fields, printed = 0, n_frames;
  gint64 first_ts = 0;
  gboolean more = TRUE;
  gboolean ran_threaded = FALSE;
  gboolean fix_delta_displayed, frames_only;
  guint n_threads;
  SsPacket frame_pkt;
  guint n_read = 0, n_shown = 0;
  SsFieldId delta_displayed;
  gint64 last_shown_ns = G_MININT64;
  int status = SS_CLI_EXIT_OK;

  ctx = g_option_context_new (_("- read and dissect capture files like tshark"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, _("Run `stratoshark FILE` for the graphical analyzer."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("stratoshark: %s\n", error->message);
      g_printerr (_("Run 'stratoshark --help' for the options.\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (o.version)
    {
      g_print ("StratoShark %s\n", PACKAGE_VERSION);
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_OK;
    }
  if (o.glossary)
    {
      g_autoptr(SsRegistry) greg = ss_registry_new ();
      gboolean ok = print_glossary (greg, o.glossary);

      ss_cli_options_clear (&o);
      return ok ? SS_CLI_EXIT_OK : SS_CLI_EXIT_BAD_INPUT;
    }
  if (argc > 1)
    {
      g_printerr (_("stratoshark: unexpected argument \"%s\"\n"), argv[1]);
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (!o.read_file)
    {
      g_printerr (_("stratoshark: no capture file given: use -r FILE\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (o.output_format)
    {
      if (strcmp (o.output_format, "text") == 0)
        format = OUT_TEXT;
      else if (strcmp (o.output_format, "fields") == 0)
        format = OUT_FIELDS;
      else if (strcmp (o.output_format, "json") == 0)
        format = OUT_JSON;
      else if (strcmp (o.output_format, "csv") == 0)
        format = OUT_CSV;
      else
        {
          g_printerr (_("stratoshark: invalid -T parameter \"%s\"; it must be text, fields, json "
                        "or csv\n"), o.output_format);
          ss_cli_options_clear (&o);
          return SS_CLI_EXIT_BAD_INPUT;
        }
    }
  if (format == OUT_CSV && (!o.stats || !o.stats[0]))
    {
      /* CSV is a layout of the statistics' tables; packets have none. */
      g_printerr (_("stratoshark: -T csv prints the statistics of -z; give at least one -z\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (!parse_fields_options (o.field_opts, &fo, &error))
    {
      g_printerr ("stratoshark: %s\n", error->message);
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (format == OUT_FIELDS && (!o.fields || !o.fields[0]))
    {
      g_printerr (_("stratoshark: -T fields was specified, but no fields were specified with "
                    "-e\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (o.fields && o.fields[0] && format != OUT_FIELDS)
    {
      g_printerr (_("stratoshark: -e requires -T fields\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }

  if (o.read_filter && !o.two_pass)
    {
      g_printerr (_("stratoshark: -R without -2 is deprecated. For single-pass filtering use "
                    "-Y.\n"));
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_ERROR;
    }

  reg = ss_registry_new ();
  /* Filters are checked before the file is opened, as tshark does. */
  if (o.read_filter && !(rfilter = compile_filter (reg, o.read_filter)))
    {
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (o.display_filter && !(dfilter = compile_filter (reg, o.display_filter)))
    {
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }
  if (dfilter && ss_dfilter_is_empty (dfilter))
    g_clear_pointer (&dfilter, ss_dfilter_free);
  if (rfilter && ss_dfilter_is_empty (rfilter))
    g_clear_pointer (&rfilter, ss_dfilter_free);

  n_fields = o.fields ? g_strv_length (o.fields) : 0;
  ids = g_new0 (SsFieldId, n_fields + 1);
  {
    g_autoptr(GString) invalid = g_string_new (NULL);

    /* Like tshark, name every unknown field at once. */
    for (guint i = 0; i < n_fields; i++)
      {
        ids[i] = ss_registry_lookup_field (reg, o.fields[i]);
        if (ids[i] == SS_FIELD_ID_NONE)
          g_string_append_printf (invalid, "\t%s\n", o.fields[i]);
      }
    if (invalid->len)
      {
        g_printerr (_("stratoshark: Some fields aren't valid:\n%s"), invalid->str);
        ss_cli_options_clear (&o);
        return SS_CLI_EXIT_BAD_INPUT;
      }
  }

  cap = ss_capfile_open (o.read_file, &error);
  if (!cap)
    {
      g_printerr ("stratoshark: %s\n", error->message);
      ss_cli_options_clear (&o);
      return SS_CLI_EXIT_BAD_INPUT;
    }

  engine = ss_engine_new (reg, cap);
  tcp = ss_tcp_conv_new ();
  /* One pass in frame order: nothing is dissected twice. With -2 every frame is dissected
   * again in the second pass, with what the first pass learnt. The columns of a one-pass
   * filter are built as the frames are dissected, for every frame: building them only for the
   * frames shown, by dissecting those again, gave a later pass's Info (a segment the first pass
   * handed to HTTP keeps TCP's Info), not tshark's one-pass lines. */
  ss_tcp_conv_set_remember_frames (tcp, o.two_pass);
  ss_engine_set_single_pass (engine, !o.two_pass);
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp);
  /* A filter reads only the fields it names: the pass extracts those and no more. */
  want_filter_fields (engine, dfilter);
  want_filter_fields (engine, rfilter);
  if (o.stats && o.stats[0])
    {
      /* Statistics print as tshark's tables, as JSON with -T json or as CSV with -T csv. */
      stats = ss_cli_stats_new (reg, (const char * const *) o.stats,
                                format == OUT_JSON ? SS_STATS_FORMAT_JSON
                                : format == OUT_CSV ? SS_STATS_FORMAT_CSV : SS_STATS_FORMAT_TEXT,
                                &error);
      if (!stats)
        {
          g_printerr ("stratoshark: %s\n", error->message);
          ss_cli_options_clear (&o);
          /* tshark's tap-iostat exits with 10 on a bad calculation or interval; every other
           * -z argument it refuses exits with 1. */
          return g_error_matches (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC)
                 ? SS_CLI_EXIT_IO_STAT_CALC : SS_CLI_EXIT_ERROR;
        }
      ss_cli_stats_want (stats, engine);
      /* The tables come instead of the packets' JSON. */
      if (format == OUT_JSON || format == OUT_CSV)
        o.quiet = TRUE;
    }
  if (format == OUT_FIELDS)
    {
      for (guint i = 0; i < n_fields; i++)
        ss_engine_want_field (engine, ids[i]);
      fields = ss_fields_printer_new (reg, ids, (const char * const *) o.fields, n_fields, &fo);
      if (fo.header)
        ss_fields_printer_header (fields, out);
    }
  /* With -z and -T json only the tables are printed: no packet needs its whole tree. */
  ss_engine_set_full_tree (engine, (format == OUT_JSON && !o.quiet)
                                   || (format == OUT_TEXT && o.verbose));
  delta_displayed = ss_registry_lookup_field (reg, "frame.time_delta_displayed");
  fix_delta_displayed = dfilter && delta_displayed != SS_FIELD_ID_NONE
                        && (format == OUT_JSON || (format == OUT_TEXT && o.verbose)
                            || filter_reads (dfilter, delta_displayed));
  for (guint i = 0; fix_delta_displayed == FALSE && dfilter && i < n_fields; i++)
    fix_delta_displayed = ids[i] == delta_displayed;
  ss_engine_set_want_columns (engine, format == OUT_TEXT && !o.verbose && !o.quiet);

  if (o.write_file)
    {
      SsCapWriterOptions wo = { SS_CAPFILE_FORMAT_PCAPNG, SS_COMPRESSION_NONE };

      if (o.write_format && strcmp (o.write_format, "pcap") == 0)
        wo.format = SS_CAPFILE_FORMAT_PCAP;
      else if (o.write_format && strcmp (o.write_format, "nsecpcap") == 0)
        wo.format = SS_CAPFILE_FORMAT_PCAP_NSEC;
      else if (o.write_format && strcmp (o.write_format, "pcapng") != 0)
        {
          g_printerr (_("stratoshark: \"%s\" isn't a capture file type we can write; use pcapng, "
                        "pcap or nsecpcap\n"), o.write_format);
          ss_cli_options_clear (&o);
          return SS_CLI_EXIT_BAD_INPUT;
        }
      if (g_str_has_suffix (o.write_file, ".gz"))
        wo.compression = SS_COMPRESSION_GZIP;
      writer = ss_cap_writer_new_for_path (o.write_file, &wo, &error);
      if (!writer)
        {
          g_printerr ("stratoshark: %s\n", error->message);
          ss_cli_options_clear (&o);
          return SS_CLI_EXIT_BAD_INPUT;
        }
    }

  if (o.two_pass)
    {
      /* First pass: every frame in order (up to -c), keeping those the read filter passes. As in
       * tshark, a frame is numbered after the frames kept so far (one more than their count), so
       * the read filter and the analysis see the numbers the second pass prints. */
      kept = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint index = 0; o.count <= 0 || index < (guint) o.count; index++)
        {
          SsPacket *pkt;

          while (index >= ss_capfile_get_n_frames (cap) && !ss_capfile_is_complete (cap))
            ss_capfile_index (cap, 65536, NULL);
          if (index >= ss_capfile_get_n_frames (cap))
            break;
          pkt = dissect_frame (engine, kept, kept->len, index);
          if (!rfilter || ss_dfilter_apply (rfilter, pkt))
            g_array_append_val (kept, index);
        }
      ss_engine_set_first_pass_done (engine, TRUE);
    }

  /* `-q -z io,stat,1`: when nothing read or printed needs more than the frames' times and
   * lengths, nothing is dissected. */
  frames_only = stats && o.quiet && !dfilter && !rfilter && !writer && !o.two_pass
                && !ss_cli_stats_needs_dissection (stats);

  if (format == OUT_JSON && !o.quiet)
    g_string_append (out, "[\n");

  /* One pass in frame order that prints a line per packet shown, or nothing: on a big file it
   * runs on several threads (ss-cli-parallel.h), with the same output. */
  n_threads = ss_cli_parallel_threads (cap);
  if (!o.two_pass && !rfilter && o.count <= 0 && !writer && !frames_only && !fix_delta_displayed
      && (o.quiet || (!o.verbose && !o.hex && (format == OUT_TEXT || format == OUT_FIELDS)))
      && n_threads > 1)
    {
      ParallelWants pw = { dfilter, stats, ids, format == OUT_FIELDS ? n_fields : 0,
                           format == OUT_TEXT && !o.quiet };
      SsCliParallel par = { 0 };

      par.reg = reg;
      par.cap = cap;
      par.n_threads = n_threads;
      par.setup = parallel_setup;
      par.setup_data = &pw;
      par.dfilter = dfilter;
      par.stats = stats;
      par.quiet = o.quiet;
      par.field_ids = ids;
      par.field_names = (const char * const *) o.fields;
      par.n_fields = format == OUT_FIELDS ? n_fields : 0;
      par.fields_options = &fo;
      par.line_buffered = o.line_buffered;
      ss_cli_parallel_run (&par, out);
      if (par.write_failed)
        status = SS_CLI_EXIT_ERROR;
      ran_threaded = TRUE;
      n_read = par.n_read;
      n_shown = par.n_shown;
    }

  for (guint k = 0; more && !ran_threaded; k++)
    {
      SsPacket *pkt;
      guint index = k;

      if (kept)
        {
          if (k >= kept->len)
            break;
          index = g_array_index (kept, guint, k);
        }
      /* Index in steps so the first packets print before a huge file is fully read. */
      while (index >= ss_capfile_get_n_frames (cap) && !ss_capfile_is_complete (cap))
        ss_capfile_index (cap, 65536, NULL);
      n_frames = ss_capfile_get_n_frames (cap);
      if (index >= n_frames)
        break;
      if (k == 0)
        first_ts = ss_capfile_get_frame (cap, 0)->ts_ns;
      /* -c counts the packets read, displayed or not, as tshark's does. */
      if (!kept && o.count > 0 && index + 1 >= (guint) o.count)
        more = FALSE;

      if (frames_only)
        {
          ss_stats_frame_packet (cap, index, &frame_pkt);
          pkt = &frame_pkt;
        }
      else
        pkt = dissect_frame (engine, kept, k, index);
      n_read++;
      /* Statistics see every packet read, whatever -Y shows, as tshark's taps do. */
      if (stats)
        ss_cli_stats_packet (stats, pkt);
      if (fix_delta_displayed)
        set_time_delta_displayed (pkt, delta_displayed, last_shown_ns == G_MININT64
                                                        ? 0 : pkt->ts_ns - last_shown_ns);
      if (dfilter && !ss_dfilter_apply (dfilter, pkt))
        continue;
      n_shown++;

      if (writer)
        {
          const SsInterface *iface = ss_capfile_get_interface (cap, pkt->interface_id);

          if (!writer_if)
            {
              guint n_if = ss_capfile_get_n_interfaces (cap);

              writer_if = g_new (gint, MAX (n_if, 1u));
              for (guint i = 0; i < n_if; i++)
                writer_if[i] = -1;
            }
          if (writer_if[pkt->interface_id] < 0)
            writer_if[pkt->interface_id] =
              ss_cap_writer_add_interface (writer, pkt->link_type, iface ? iface->snaplen : 262144,
                                           iface ? iface->name : NULL, &error);
          if (writer_if[pkt->interface_id] < 0
              || !ss_cap_writer_write_packet (writer, writer_if[pkt->interface_id], pkt->ts_ns,
                                              pkt->data, pkt->caplen, pkt->len, pkt->epb_flags,
                                              NULL, NULL, 0, &error))
            {
              g_printerr ("stratoshark: %s\n", error->message);
              status = SS_CLI_EXIT_ERROR;
              break;
            }
        }

      if (!o.quiet && !(writer && !o.verbose && format == OUT_TEXT && !o.hex))
        {
          switch (format)
            {
            case OUT_FIELDS:
              ss_fields_printer_packet (fields, pkt, out);
              break;
            case OUT_JSON:
              ss_cli_print_json (pkt, printed == 0, out);
              break;
            case OUT_TEXT:
            default:
              if (o.verbose)
                {
                  ss_cli_print_tree (pkt, out);
                  if (!o.hex)
                    g_string_append_c (out, '\n');
                }
              else if (!o.hex)
                ss_cli_print_summary (pkt, pkt->ts_ns - first_ts,
                                      ss_cli_time_precision (cap, pkt->interface_id), out);
              if (o.hex)
                {
                  if (o.verbose)
                    g_string_append_c (out, '\n');
                  ss_cli_print_hex (pkt, out);
                }
              break;
            }
        }
      printed++;
      if (!ss_cli_write_out (out, o.line_buffered))
        {
          status = SS_CLI_EXIT_ERROR;
          break;
        }
      if (o.line_buffered)
        fflush (stdout);
      last_shown_ns = pkt->ts_ns;
      /* tshark finds the time of the frame numbered 1 as its time reference's: the file's first
       * frame (see two_pass_prev()). */
      if (kept && pkt->number == 1)
        last_shown_ns = ss_capfile_get_frame (cap, 0)->ts_ns;
    }

  if (format == OUT_JSON && !o.quiet)
    g_string_append (out, printed ? "\n]\n" : "]\n");
  if (stats)
    ss_cli_stats_print (stats, out);
  ss_cli_write_out (out, TRUE);
  fflush (stdout);

  if (writer)
    {
      SsCapWriter *w = g_steal_pointer (&writer);

      g_clear_error (&error);
      if (!ss_cap_writer_close (w, &error))
        {
          g_printerr ("stratoshark: %s\n", error->message);
          status = SS_CLI_EXIT_ERROR;
        }
    }

  if (more && ss_capfile_get_error (cap))
    {
      /* Everything before the break was printed; now say where it broke, as tshark does. */
      g_printerr ("stratoshark: %s\n", ss_capfile_get_error (cap)->message);
      status = SS_CLI_EXIT_BAD_INPUT;
    }

  ss_cli_options_clear (&o);
  return status;
}
