/* ss-cli.c: `stratoshark -r FILE ...`, behaving like tshark */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ss-capwrite.h"
#include "ss-cli-print.h"
#include "ss-cli.h"
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
  gboolean   version;
} SsCliOptions;

static void
ss_cli_options_clear (SsCliOptions *o)
{
  g_free (o->read_file);
  g_free (o->output_format);
  g_strfreev (o->fields);
  g_strfreev (o->field_opts);
  g_free (o->write_file);
  g_free (o->write_format);
  g_free (o->time_format);
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

static gboolean
write_all (GString *out,
           gboolean force)
{
  if (out->len == 0 || (!force && out->len < 256 * 1024))
    return TRUE;
  if (fwrite (out->str, 1, out->len, stdout) != out->len)
    return FALSE;
  g_string_truncate (out, 0);
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
      N_("Output format: text, fields or json"), N_("FORMAT") },
    { "field", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &o.fields,
      N_("A field to print with -T fields (repeatable)"), N_("FIELD") },
    { "field-option", 'E', 0, G_OPTION_ARG_STRING_ARRAY, &o.field_opts,
      N_("-T fields option: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=C, "
         "quote=d|s|n"), N_("OPTION=VALUE") },
    { "verbose", 'V', 0, G_OPTION_ARG_NONE, &o.verbose, N_("Print the protocol tree"), NULL },
    { "hex", 'x', 0, G_OPTION_ARG_NONE, &o.hex, N_("Print a hex and ASCII dump"), NULL },
    { "count", 'c', 0, G_OPTION_ARG_INT, &o.count, N_("Stop after N packets"), N_("N") },
    { "write-file", 'w', 0, G_OPTION_ARG_FILENAME, &o.write_file,
      N_("Write the packets to FILE (pcapng unless -F pcap)"), N_("FILE") },
    { "write-format", 'F', 0, G_OPTION_ARG_STRING, &o.write_format,
      N_("Output file format for -w: pcapng, pcap, nsecpcap"), N_("FORMAT") },
    { "no-name-resolution", 'n', 0, G_OPTION_ARG_NONE, &o.no_resolve,
      N_("Disable name resolution (StratoShark never resolves names)"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, N_("Do not print packets"), NULL },
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
  g_autoptr(SsCapWriter) writer = NULL;
  g_autoptr(GString) out = g_string_sized_new (512 * 1024);
  g_autofree SsFieldId *ids = NULL;
  g_autofree gint *writer_if = NULL;
  enum { OUT_TEXT, OUT_FIELDS, OUT_JSON } format = OUT_TEXT;
  SsFieldsOptions fo;
  guint n_fields, printed = 0, n_frames;
  gint64 first_ts = 0;
  gboolean more = TRUE;
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
      else
        {
          g_printerr (_("stratoshark: invalid -T parameter \"%s\"; it must be text, fields or "
                        "json\n"), o.output_format);
          ss_cli_options_clear (&o);
          return SS_CLI_EXIT_BAD_INPUT;
        }
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

  reg = ss_registry_new ();
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
  /* One pass in frame order: nothing is dissected twice. */
  ss_tcp_conv_set_remember_frames (tcp, FALSE);
  ss_engine_set_single_pass (engine, TRUE);
  ss_engine_set_tcp_analyzer (engine, ss_tcp_conv_analyze, tcp);
  if (format == OUT_FIELDS)
    {
      for (guint i = 0; i < n_fields; i++)
        ss_engine_want_field (engine, ids[i]);
      fields = ss_fields_printer_new (reg, ids, (const char * const *) o.fields, n_fields, &fo);
      if (fo.header)
        ss_fields_printer_header (fields, out);
    }
  ss_engine_set_full_tree (engine, format == OUT_JSON || (format == OUT_TEXT && o.verbose));
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

  if (format == OUT_JSON && !o.quiet)
    g_string_append (out, "[\n");

  for (guint index = 0; more; index++)
    {
      SsPacket *pkt;

      /* Index in steps so the first packets print before a huge file is fully read. */
      while (index >= ss_capfile_get_n_frames (cap) && !ss_capfile_is_complete (cap))
        ss_capfile_index (cap, 65536, NULL);
      n_frames = ss_capfile_get_n_frames (cap);
      if (index >= n_frames)
        break;
      if (index == 0)
        first_ts = ss_capfile_get_frame (cap, 0)->ts_ns;

      pkt = ss_engine_dissect (engine, index);

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
      if (!write_all (out, o.line_buffered))
        {
          status = SS_CLI_EXIT_ERROR;
          break;
        }
      if (o.line_buffered)
        fflush (stdout);
      if (o.count > 0 && printed >= (guint) o.count)
        more = FALSE;
    }

  if (format == OUT_JSON && !o.quiet)
    g_string_append (out, printed ? "\n]\n" : "]\n");
  write_all (out, TRUE);
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
