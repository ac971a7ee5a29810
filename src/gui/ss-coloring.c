/* ss-coloring.c: default coloring rules, compiled once per window */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ss-coloring.h"
#include "ss-dfilter.h"

typedef struct
{
  const char *name;
  const char *filter;
  const char *bg, *fg;            /* light theme */
  const char *dark_bg, *dark_fg;  /* dark theme */
} SsColorRuleDef;

/* Wireshark 4.0's default colorfilters file, in its order (rules for protocols StratoShark does
 * not dissect are left out), with DNS and TLS added. The light colours are Wireshark's. */
static const SsColorRuleDef default_rules[] = {
  { N_("Bad TCP"),
    "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive "
    "&& !tcp.analysis.keep_alive_ack",
    "#12272e", "#f78787", "#3a0d0d", "#ff9b9b" },
  { N_("ICMP errors"), "icmp.type in {3..5, 11} || icmpv6.type in {1..4}",
    "#12272e", "#b7f774", "#12272e", "#b7f774" },
  { N_("ARP"), "arp", "#faf0d7", "#12272e", "#4a4026", "#f5ead0" },
  { N_("ICMP"), "icmp || icmpv6", "#fce0ff", "#12272e", "#4b2a52", "#f6e4fa" },
  { N_("TCP RST"), "tcp.flags.reset == 1", "#a40000", "#fffc9c", "#8a0000", "#fffc9c" },
  { N_("HTTP"), "http || tcp.port == 80", "#e4ffc7", "#12272e", "#2d4a1c", "#e8ffd2" },
  { N_("TLS"), "tls", "#d2f4e6", "#12272e", "#1b4536", "#dcf8ec" },
  { N_("DNS"), "dns", "#c6e3ff", "#12272e", "#1d3b5c", "#deefff" },
  { N_("TCP SYN/FIN"), "tcp.flags.syn == 1 || tcp.flags.fin == 1",
    "#a0a0a0", "#12272e", "#5c5c5c", "#f4f4f4" },
  { N_("TCP"), "tcp", "#e7e6ff", "#12272e", "#2c2b4d", "#eceaff" },
  { N_("UDP"), "udp", "#daeeff", "#12272e", "#1f3447", "#e2f1ff" },
};

typedef struct
{
  const SsColorRuleDef *def;
  guint                 index;   /* in default_rules: the CSS class number */
  SsDfilter            *df;
} SsColorRule;

struct _SsColoring
{
  GArray *rules;   /* SsColorRule */
};

static void
rule_clear (gpointer p)
{
  SsColorRule *rule = p;

  g_clear_pointer (&rule->df, ss_dfilter_free);
}

SsColoring *
ss_coloring_new_default (const SsRegistry *reg)
{
  SsColoring *coloring = g_new0 (SsColoring, 1);

  coloring->rules = g_array_new (FALSE, TRUE, sizeof (SsColorRule));
  g_array_set_clear_func (coloring->rules, rule_clear);
  for (guint i = 0; i < G_N_ELEMENTS (default_rules); i++)
    {
      g_autoptr(GError) error = NULL;
      SsColorRule rule = { &default_rules[i], i, NULL };

      rule.df = ss_dfilter_compile (reg, default_rules[i].filter, NULL, &error);
      if (!rule.df)
        {
          /* A field the dissectors do not have yet: the rule waits for it. */
          g_debug ("coloring rule \"%s\" left out: %s", default_rules[i].name, error->message);
          continue;
        }
      g_array_append_val (coloring->rules, rule);
    }
  return coloring;
}

void
ss_coloring_free (SsColoring *coloring)
{
  if (!coloring)
    return;
  g_array_unref (coloring->rules);
  g_free (coloring);
}

guint
ss_coloring_get_n_rules (const SsColoring *coloring)
{
  return G_N_ELEMENTS (default_rules);
}

const char *
ss_coloring_get_name (const SsColoring *coloring,
                      guint             rule)
{
  g_return_val_if_fail (rule < G_N_ELEMENTS (default_rules), NULL);
  return _(default_rules[rule].name);
}

const char *
ss_coloring_get_filter (const SsColoring *coloring,
                        guint             rule)
{
  g_return_val_if_fail (rule < G_N_ELEMENTS (default_rules), NULL);
  return default_rules[rule].filter;
}

gint
ss_coloring_match (const SsPacket *pkt,
                   gpointer        data)
{
  const SsColoring *coloring = data;

  for (guint i = 0; i < coloring->rules->len; i++)
    {
      const SsColorRule *rule = &g_array_index (coloring->rules, SsColorRule, i);

      if (ss_dfilter_apply (rule->df, pkt))
        return (gint) rule->index;
    }
  return -1;
}

char *
ss_coloring_dup_css (const SsColoring *coloring,
                     gboolean          dark)
{
  GString *css = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_rules); i++)
    {
      const SsColorRuleDef *def = &default_rules[i];

      /* The row and its cells; a selected row keeps the theme's selection colours. */
      g_string_append_printf (css,
                              "columnview.ss-packet-list > listview > "
                              "row.ss-color-%u:not(:selected) "
                              "{ background-color: %s; color: %s; }\n",
                              i, dark ? def->dark_bg : def->bg, dark ? def->dark_fg : def->fg);
    }
  return g_string_free (css, FALSE);
}
