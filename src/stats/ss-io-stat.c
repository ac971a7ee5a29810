/* ss-io-stat.c: `-z io,stat`, as tshark 4.0's ui/cli/tap-iostat.c computes and draws it
 *
 * Times are kept in microseconds like tshark, so interval boundaries fall where tshark's do. The
 * drawing reproduces tshark's column widths (they grow with the largest value a column held
 * while counting), its centred labels and its "Dur" last row.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ss-io-stat.h"
#include "ss-stats-private.h"

/* A column never grows past this many intervals (a 1 us interval over a day of capture would
 * otherwise ask for 86 billion of them); later packets count in the last one. The table shows
 * as many rows at most and says how many it left out (tshark would print them all, for
 * hours). */
#define IO_MAX_INTERVALS (1u << 20)
#define NS_PER_SEC G_GUINT64_CONSTANT (1000000000)
#define US_PER_SEC G_GUINT64_CONSTANT (1000000)

typedef struct
{
  guint32 frames;
  guint32 num;          /* values seen, for AVG */
  guint64 counter;
  float   float_counter;
  double  double_counter;
} IoCell;

typedef struct
{
  char        *spec;          /* as given, NULL for a column of every frame */
  SsIoCalc     calc;
  SsFieldId    field;
  SsFieldType  ftype;
  SsDfilter   *filter;
  GArray      *cells;         /* IoCell per interval from the start; never empty */
  guint64      max_val;       /* largest value seen while counting (sets the width) */
  guint32      max_frame;
} IoColumn;

struct _SsIoStat
{
  const SsRegistry *reg;
  guint64           interval;     /* microseconds; G_MAXUINT64 for the whole capture */
  guint             prec;         /* decimals of the times */
  GPtrArray        *cols;
  SsStatsClock      clock;
};

typedef struct
{
  const char *name;
  SsIoCalc    calc;
} IoCalcName;

static const IoCalcName io_calc_names[] = {
  { "FRAMES", SS_IO_CALC_FRAMES },
  { "BYTES", SS_IO_CALC_BYTES },
  { "FRAMES BYTES", SS_IO_CALC_FRAMES_BYTES },
  { "COUNT", SS_IO_CALC_COUNT },
  { "SUM", SS_IO_CALC_SUM },
  { "MIN", SS_IO_CALC_MIN },
  { "MAX", SS_IO_CALC_MAX },
  { "AVG", SS_IO_CALC_AVG },
  { "LOAD", SS_IO_CALC_LOAD },
};

static const char *
io_calc_name (SsIoCalc calc)
{
  for (guint i = 0; i < G_N_ELEMENTS (io_calc_names); i++)
    if (io_calc_names[i].calc == calc)
      return io_calc_names[i].name;
  return "";
}

static void
io_column_free (gpointer data)
{
  IoColumn *col = data;

  g_free (col->spec);
  ss_dfilter_free (col->filter);
  g_array_unref (col->cells);
  g_free (col);
}

static gboolean
is_int_type (SsFieldType t)
{
  switch (t)
    {
    case SS_FT_UINT8:
    case SS_FT_UINT16:
    case SS_FT_UINT24:
    case SS_FT_UINT32:
    case SS_FT_UINT64:
    case SS_FT_INT8:
    case SS_FT_INT16:
    case SS_FT_INT32:
    case SS_FT_INT64:
      return TRUE;
    default:
      return FALSE;
    }
}

/* tshark's register_io_tap(): which calculation, which field, which filter. */
static gboolean
io_column_parse (SsIoStat    *io,
                 IoColumn    *col,
                 const char  *spec,
                 GError     **error)
{
  const char *flt = spec;
  g_autofree char *field = NULL;
  const char *func = NULL;

  col->calc = SS_IO_CALC_FRAMES_BYTES;
  col->field = SS_FIELD_ID_NONE;
  col->ftype = SS_FT_NONE;

  for (guint j = 0; j < G_N_ELEMENTS (io_calc_names); j++)
    {
      gsize namelen = strlen (io_calc_names[j].name);

      if (spec && strncmp (spec, io_calc_names[j].name, namelen) == 0)
        {
          col->calc = io_calc_names[j].calc;
          func = io_calc_names[j].name;
          if (spec[namelen] == '(')
            {
              const char *p = spec + namelen + 1;
              const char *paren = strchr (p, ')');

              if (!paren)
                {
                  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                               _("Closing parenthesis missing from calculated expression."));
                  return FALSE;
                }
              if (col->calc == SS_IO_CALC_FRAMES || col->calc == SS_IO_CALC_BYTES)
                {
                  if (paren != p)
                    {
                      g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                                   _("%s does not require or allow a field name within the "
                                     "parens."), func);
                      return FALSE;
                    }
                }
              else if (paren == p)
                {
                  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                               _("You didn't specify a field name for %s(*)."), func);
                  return FALSE;
                }
              field = g_strndup (p, paren - p);
              flt = paren + 1;
              if (col->calc == SS_IO_CALC_FRAMES || col->calc == SS_IO_CALC_BYTES)
                break;
              col->field = ss_registry_lookup_field (io->reg, field);
              if (col->field == SS_FIELD_ID_NONE)
                {
                  const SsProtocol *proto = ss_registry_lookup_protocol (io->reg, field);

                  if (proto)
                    col->field = ss_registry_get_protocol_field (io->reg, proto->id);
                }
              if (col->field == SS_FIELD_ID_NONE)
                {
                  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                               _("There is no field named '%s'."), field);
                  return FALSE;
                }
              col->ftype = ss_registry_get_field (io->reg, col->field)->type;
              break;
            }
        }
      else if (col->calc == SS_IO_CALC_FRAMES || col->calc == SS_IO_CALC_BYTES)
        flt = "";
    }

  if (col->field != SS_FIELD_ID_NONE)
    {
      SsFieldType t = col->ftype;
      gboolean ok = TRUE;
      gboolean is_float = FALSE;

      if (is_int_type (t))
        {
          /* tshark accepts LOAD() here and then exits at the first value; say it now. */
          if (col->calc == SS_IO_CALC_LOAD)
            {
              g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                           _("LOAD() is only supported for relative-time fields such as "
                             "smb.time"));
              return FALSE;
            }
        }
      else if (t == SS_FT_FLOAT || t == SS_FT_DOUBLE)
        {
          ok = col->calc != SS_IO_CALC_LOAD;
          is_float = TRUE;
        }
      else if (t == SS_FT_RELATIVE_TIME)
        ok = TRUE;
      else
        {
          ok = col->calc == SS_IO_CALC_COUNT;
        }
      if (!ok)
        {
          if (is_float)
            g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                         _("%s is a float field, so %s(*) calculations are not supported on it."),
                         field, func);
          else
            g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                         _("%s doesn't have integral values, so %s(*) calculations are not "
                           "supported on it."), field, func);
          return FALSE;
        }
    }

  {
    g_autoptr(GError) local = NULL;

    if (!ss_stats_filter_compile (io->reg, flt, &col->filter, &local))
      {
        g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_FILTER,
                     _("Couldn't register io,stat tap: %s"), local->message);
        return FALSE;
      }
  }
  return TRUE;
}

SsIoStat *
ss_io_stat_new (const SsRegistry  *reg,
                guint64            interval_us,
                guint              precision,
                const char *const *columns,
                GError           **error)
{
  g_autoptr(SsIoStat) io = g_new0 (SsIoStat, 1);
  guint n = columns ? g_strv_length ((char **) columns) : 0;

  io->reg = reg;
  io->interval = interval_us ? interval_us : G_MAXUINT64;
  io->prec = interval_us ? MIN (precision, 6) : 0;
  io->cols = g_ptr_array_new_with_free_func (io_column_free);
  for (guint i = 0; i < MAX (n, 1u); i++)
    {
      IoColumn *col = g_new0 (IoColumn, 1);
      IoCell zero = { 0 };
      const char *spec = i < n ? columns[i] : NULL;

      col->cells = g_array_new (FALSE, TRUE, sizeof (IoCell));
      g_array_append_val (col->cells, zero);
      col->spec = spec && *spec ? g_strdup (spec) : NULL;
      g_ptr_array_add (io->cols, col);
      if (!io_column_parse (io, col, spec, error))
        return NULL;
    }
  return g_steal_pointer (&io);
}

void
ss_io_stat_free (SsIoStat *io)
{
  if (!io)
    return;
  g_ptr_array_unref (io->cols);
  g_free (io);
}

void
ss_io_stat_want (SsIoStat *io,
                 SsEngine *engine)
{
  for (guint i = 0; i < io->cols->len; i++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, i);

      ss_stats_filter_want (col->filter, engine);
      if (col->field != SS_FIELD_ID_NONE)
        ss_engine_want_field (engine, col->field);
    }
}

static guint64
item_raw (const SsItem *item,
          SsFieldType   t)
{
  if (t == SS_FT_RELATIVE_TIME)
    return (guint64) item->v.time.secs * NS_PER_SEC + (guint64) (gint64) item->v.time.nsecs;
  if (ss_field_type_is_signed (t))
    return (guint64) item->v.i;
  return item->v.u;
}

static gboolean
less_than (SsFieldType t,
           guint64     a,
           guint64     b)
{
  if (t == SS_FT_INT64)
    return (gint64) a < (gint64) b;
  if (ss_field_type_is_signed (t))
    return (gint32) a < (gint32) b;
  return a < b;
}

static void
io_column_packet (SsIoStat       *io,
                  IoColumn       *col,
                  const SsPacket *pkt,
                  guint64         rt)
{
  IoCell *it;
  guint cur = col->cells->len - 1;
  guint occ = 0;

  if (!ss_stats_filter_match (col->filter, pkt))
    return;

  /* A packet of a later interval opens every interval up to its own (tshark fills the gap with
   * empty ones); an earlier one counts in the current interval. */
  if (io->interval != G_MAXUINT64 && rt / io->interval > cur)
    {
      guint64 target = MIN (rt / io->interval, (guint64) IO_MAX_INTERVALS - 1);

      if (target > cur)
        {
          g_array_set_size (col->cells, target + 1);
          cur = target;
        }
    }
  it = &g_array_index (col->cells, IoCell, cur);
  it->frames++;

  switch (col->calc)
    {
    case SS_IO_CALC_FRAMES:
    case SS_IO_CALC_BYTES:
    case SS_IO_CALC_FRAMES_BYTES:
      it->counter += pkt->len;
      break;
    default:
      for (const SsItem *item = pkt->added_head; item; item = item->next_added)
        {
          guint64 val;

          if (item->id != col->field)
            continue;
          switch (col->calc)
            {
            case SS_IO_CALC_COUNT:
              it->counter++;
              break;
            case SS_IO_CALC_SUM:
              if (col->ftype == SS_FT_FLOAT)
                it->float_counter += (float) item->v.d;
              else if (col->ftype == SS_FT_DOUBLE)
                it->double_counter += item->v.d;
              else
                it->counter += item_raw (item, col->ftype);
              break;
            case SS_IO_CALC_MIN:
              if (col->ftype == SS_FT_FLOAT)
                {
                  if ((it->frames == 1 && occ == 0) || (float) item->v.d < it->float_counter)
                    it->float_counter = (float) item->v.d;
                }
              else if (col->ftype == SS_FT_DOUBLE)
                {
                  if ((it->frames == 1 && occ == 0) || item->v.d < it->double_counter)
                    it->double_counter = item->v.d;
                }
              else
                {
                  val = item_raw (item, col->ftype);
                  if ((it->frames == 1 && occ == 0) || less_than (col->ftype, val, it->counter))
                    it->counter = val;
                }
              break;
            case SS_IO_CALC_MAX:
              if (col->ftype == SS_FT_FLOAT)
                {
                  if ((float) item->v.d > it->float_counter)
                    it->float_counter = (float) item->v.d;
                }
              else if (col->ftype == SS_FT_DOUBLE)
                {
                  if (item->v.d > it->double_counter)
                    it->double_counter = item->v.d;
                }
              else
                {
                  val = item_raw (item, col->ftype);
                  if (less_than (col->ftype, it->counter, val))
                    it->counter = val;
                }
              break;
            case SS_IO_CALC_AVG:
              it->num++;
              if (col->ftype == SS_FT_FLOAT)
                it->float_counter += (float) item->v.d;
              else if (col->ftype == SS_FT_DOUBLE)
                it->double_counter += item->v.d;
              else
                it->counter += item_raw (item, col->ftype);
              break;
            case SS_IO_CALC_LOAD:
              {
                guint64 tival;
                guint n = col->cells->len;
                guint pit = cur;

                /* The time the value spans, spread backwards over the intervals it covers;
                 * before the first interval tshark's list wraps to the last one. */
                val = (guint64) item->v.time.secs * US_PER_SEC
                      + (guint64) (item->v.time.nsecs / 1000);
                tival = val % io->interval;
                it->counter += tival;
                val -= tival;
                while (val > 0)
                  {
                    IoCell *p;

                    pit = pit == 0 ? n - 1 : pit - 1;
                    p = &g_array_index (col->cells, IoCell, pit);
                    if (val < io->interval)
                      {
                        p->counter += val;
                        break;
                      }
                    p->counter += io->interval;
                    val -= io->interval;
                  }
              }
              break;
            default:
              break;
            }
          occ++;
        }
      break;
    }

  /* The widths follow the largest value a cell held while counting. */
  switch (col->calc)
    {
    case SS_IO_CALC_FRAMES:
    case SS_IO_CALC_FRAMES_BYTES:
      col->max_frame = MAX (col->max_frame, it->frames);
      if (col->calc == SS_IO_CALC_FRAMES_BYTES)
        col->max_val = MAX (col->max_val, it->counter);
      break;
    case SS_IO_CALC_BYTES:
    case SS_IO_CALC_COUNT:
    case SS_IO_CALC_LOAD:
      col->max_val = MAX (col->max_val, it->counter);
      break;
    case SS_IO_CALC_SUM:
    case SS_IO_CALC_MIN:
    case SS_IO_CALC_MAX:
      if (col->ftype == SS_FT_FLOAT)
        col->max_val = MAX (col->max_val, (guint64) (it->float_counter + 0.5));
      else if (col->ftype == SS_FT_DOUBLE)
        col->max_val = MAX (col->max_val, (guint64) (it->double_counter + 0.5));
      else
        col->max_val = MAX (col->max_val, it->counter);
      break;
    case SS_IO_CALC_AVG:
      if (it->num == 0)
        break;
      if (col->ftype == SS_FT_FLOAT)
        col->max_val = MAX (col->max_val, (guint64) it->float_counter / it->num);
      else if (col->ftype == SS_FT_DOUBLE)
        col->max_val = MAX (col->max_val, (guint64) it->double_counter / it->num);
      else if (col->ftype == SS_FT_RELATIVE_TIME)
        col->max_val = MAX (col->max_val, ((it->counter / (guint64) it->num)
                                           + G_GUINT64_CONSTANT (500000000)) / NS_PER_SEC);
      else
        col->max_val = MAX (col->max_val, it->counter / (guint64) it->num);
      break;
    default:
      break;
    }
}

static guint64
rel_us (gint64 ns)
{
  /* tshark: secs * 1000000 + (nsecs + 500) / 1000, negative times as 0. */
  if (ns <= 0)
    return 0;
  return (guint64) (ns / 1000000000) * US_PER_SEC + (guint64) ((ns % 1000000000 + 500) / 1000);
}

void
ss_io_stat_packet (SsIoStat       *io,
                   const SsPacket *pkt)
{
  guint64 rt = rel_us (ss_stats_clock_tick (&io->clock, pkt));

  for (guint i = 0; i < io->cols->len; i++)
    io_column_packet (io, g_ptr_array_index (io->cols, i), pkt, rt);
}

guint
ss_io_stat_get_n_columns (const SsIoStat *io)
{
  return io->cols->len;
}

SsIoCalc
ss_io_stat_get_calc (const SsIoStat *io,
                     guint           column)
{
  g_return_val_if_fail (column < io->cols->len, SS_IO_CALC_FRAMES_BYTES);
  return ((IoColumn *) g_ptr_array_index (io->cols, column))->calc;
}

guint
ss_io_stat_get_n_intervals (const SsIoStat *io,
                            guint           column)
{
  g_return_val_if_fail (column < io->cols->len, 0);
  return ((IoColumn *) g_ptr_array_index (io->cols, column))->cells->len;
}

static double
cell_value (const IoColumn *col,
            const IoCell   *it)
{
  guint num = it->num ? it->num : 1;

  switch (col->calc)
    {
    case SS_IO_CALC_FRAMES:
      return it->frames;
    case SS_IO_CALC_BYTES:
    case SS_IO_CALC_FRAMES_BYTES:
    case SS_IO_CALC_COUNT:
      return (double) it->counter;
    case SS_IO_CALC_SUM:
    case SS_IO_CALC_MIN:
    case SS_IO_CALC_MAX:
    case SS_IO_CALC_AVG:
      {
        double v;

        if (col->ftype == SS_FT_FLOAT)
          v = it->float_counter;
        else if (col->ftype == SS_FT_DOUBLE)
          v = it->double_counter;
        else if (col->ftype == SS_FT_RELATIVE_TIME)
          v = (double) it->counter / 1e9;
        else if (ss_field_type_is_signed (col->ftype))
          v = (double) (gint64) it->counter;
        else
          v = (double) it->counter;
        return col->calc == SS_IO_CALC_AVG ? v / num : v;
      }
    case SS_IO_CALC_LOAD:
    default:
      return (double) it->counter;
    }
}

double
ss_io_stat_get_value (const SsIoStat *io,
                      guint           column,
                      guint           interval)
{
  const IoColumn *col;

  g_return_val_if_fail (column < io->cols->len, 0);
  col = g_ptr_array_index (io->cols, column);
  if (interval >= col->cells->len)
    return 0;
  return cell_value (col, &g_array_index (col->cells, IoCell, interval));
}

guint32
ss_io_stat_get_frames (const SsIoStat *io,
                       guint           column,
                       guint           interval)
{
  const IoColumn *col;

  g_return_val_if_fail (column < io->cols->len, 0);
  col = g_ptr_array_index (io->cols, column);
  if (interval >= col->cells->len)
    return 0;
  return g_array_index (col->cells, IoCell, interval).frames;
}

/* ---- tshark's text layout ---------------------------------------------------------------- */

static int
magnitude (guint64 val,
           int     max_w)
{
  int mag = 0;

  for (int i = 0; i < max_w; i++)
    {
      mag++;
      if ((val /= 10) == 0)
        break;
    }
  return mag;
}

static void
append_spaces (GString *out,
               int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
append_chars (GString *out,
              char     c,
              int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (out, c);
}

/* The label centred over a column of @lenval characters (tshark's printcenter()). */
static void
print_center (GString    *out,
              const char *label,
              int         lenval,
              int         numpad)
{
  int lenlab = (int) strlen (label);
  int len = 6 - (((lenval - lenlab) / 2) + numpad);

  if (len > 0 && len < 6)
    {
      int pad = 6 - len;

      append_spaces (out, (lenval - lenlab) % 2 == 0 ? pad : pad + 1);
      g_string_append (out, label);
      append_spaces (out, pad);
      g_string_append_c (out, '|');
    }
  else if (len > 0 && len <= 15)
    g_string_append_printf (out, "%s|", label);
}

typedef struct
{
  int fr;    /* width of a frames column */
  int val;   /* width of a value column */
} ColWidth;

static void
print_cell (GString        *out,
            const IoColumn *col,
            const ColWidth *w,
            const IoCell   *item,
            gboolean        last_row,
            guint64         interval,
            guint64         span)
{
  IoCell zero = { 0 };
  guint64 c;
  guint32 num;

  if (!item)
    item = &zero;
  switch (col->calc)
    {
    case SS_IO_CALC_FRAMES:
      g_string_append_printf (out, " %*u |", w->fr, item->frames);
      return;
    case SS_IO_CALC_FRAMES_BYTES:
      g_string_append_printf (out, " %*u | %*" G_GUINT64_FORMAT " |", w->fr, item->frames,
                              w->val, item->counter);
      return;
    case SS_IO_CALC_BYTES:
    case SS_IO_CALC_COUNT:
      g_string_append_printf (out, " %*" G_GUINT64_FORMAT " |", w->val, item->counter);
      return;
    default:
      break;
    }

  num = item->num ? item->num : 1;
  if (col->ftype == SS_FT_FLOAT || col->ftype == SS_FT_DOUBLE)
    {
      double v = col->ftype == SS_FT_FLOAT ? item->float_counter : item->double_counter;

      if (col->calc == SS_IO_CALC_AVG)
        v = v / num;
      g_string_append_printf (out, " %*.6f |", w->val - 7, v);
      return;
    }
  if (col->ftype == SS_FT_RELATIVE_TIME)
    {
      switch (col->calc)
        {
        case SS_IO_CALC_AVG:
          c = ((item->counter / (guint64) num) + 500) / 1000;
          break;
        case SS_IO_CALC_LOAD:
          {
            guint64 d = last_row ? span : interval;

            if (d == 0)
              d = 1;
            g_string_append_printf (out, " %*u.%06u |", w->val - 7, (int) (item->counter / d),
                                    (int) ((item->counter % d) * US_PER_SEC / d));
            return;
          }
        default:
          c = (item->counter + 500) / 1000;
          break;
        }
      g_string_append_printf (out, " %*u.%06u |", w->val - 7, (int) (c / US_PER_SEC),
                              (int) (c % US_PER_SEC));
      return;
    }
  c = col->calc == SS_IO_CALC_AVG ? item->counter / (guint64) num : item->counter;
  if (ss_field_type_is_signed (col->ftype))
    g_string_append_printf (out, " %*" G_GINT64_FORMAT " |", w->val, (gint64) c);
  else
    g_string_append_printf (out, " %*" G_GUINT64_FORMAT " |", w->val, c);
}

static void
io_print_text (SsIoStat *io,
               GString  *out)
{
  guint num_cols = io->cols->len;
  g_autofree ColWidth *col_w = g_new0 (ColWidth, num_cols);
  guint64 duration, interval, t, invl_end, dv;
  guint dur_secs, dur_nsecs, dur_secs_orig, dur_nsecs_orig;
  int dur_mag, invl_mag, invl_prec, borderlen, invl_col_w, tabrow_w, maxfltr_w, filler = -1;
  guint num_rows;
  gint64 elapsed = io->clock.elapsed_ns;
  guint64 iot_interval = io->interval;

  duration = (guint64) (elapsed / 1000000000) * US_PER_SEC
             + (guint64) ((elapsed % 1000000000 + 500) / 1000);

  /* An interval longer than the capture is the whole capture. */
  if (iot_interval > duration || iot_interval == G_MAXUINT64)
    {
      interval = duration;
      iot_interval = G_MAXUINT64;
    }
  else
    interval = iot_interval;

  dur_secs = dur_secs_orig = (guint) (duration / US_PER_SEC);
  dur_nsecs = dur_nsecs_orig = (guint) (duration % US_PER_SEC);
  dur_mag = magnitude (dur_secs, 5);
  invl_mag = magnitude (interval / US_PER_SEC, 5);

  if (interval == duration)
    {
      /* The decimals of the duration follow its magnitude. */
      if (dur_mag >= 2)
        invl_prec = 1;
      else if (dur_mag == 1)
        invl_prec = 3;
      else
        invl_prec = 6;
      borderlen = 30 + dur_mag + (invl_prec == 0 ? 0 : invl_prec + 1);
    }
  else
    {
      invl_prec = io->prec;
      borderlen = 25 + MAX (invl_mag, dur_mag) + (invl_prec == 0 ? 0 : invl_prec + 1);
    }

  /* Round the duration to the precision shown. */
  dv = US_PER_SEC;
  for (int i = 0; i < invl_prec; i++)
    dv /= 10;
  if ((duration % dv) > 5 * (dv / 10))
    {
      duration += 5 * (dv / 10);
      duration = (duration / dv) * dv;
      dur_secs = (guint) (duration / US_PER_SEC);
      dur_nsecs = (guint) (duration % US_PER_SEC);
      dur_mag = magnitude (dur_secs, 5);
    }
  if (iot_interval == G_MAXUINT64)
    interval = duration;

  if (invl_prec == 0)
    invl_col_w = (2 * dur_mag) + 8;
  else
    invl_col_w = (2 * dur_mag) + (2 * invl_prec) + 10;
  invl_col_w = MAX (invl_col_w, 12);
  borderlen = MAX (borderlen, invl_col_w);

  tabrow_w = invl_col_w;
  for (guint j = 0; j < num_cols; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);
      int namelen = col->calc == SS_IO_CALC_FRAMES_BYTES ? 5
                    : (int) strlen (io_calc_name (col->calc));
      guint64 max_val = col->max_val;

      if (col->calc == SS_IO_CALC_FRAMES || col->calc == SS_IO_CALC_FRAMES_BYTES)
        {
          col_w[j].fr = MAX (6, magnitude (col->max_frame, 15));
          tabrow_w += col_w[j].fr + 3;
          if (col->calc == SS_IO_CALC_FRAMES_BYTES)
            {
              col_w[j].val = MAX (5, magnitude (max_val, 15));
              tabrow_w += col_w[j].val + 3;
            }
          continue;
        }
      switch (col->calc)
        {
        case SS_IO_CALC_BYTES:
        case SS_IO_CALC_COUNT:
          col_w[j].val = MAX (5, magnitude (max_val, 15));
          break;
        default:
          if (col->ftype == SS_FT_FLOAT || col->ftype == SS_FT_DOUBLE)
            col_w[j].val = magnitude (max_val, 15) + 7;
          else if (col->ftype == SS_FT_RELATIVE_TIME)
            {
              if (col->calc == SS_IO_CALC_LOAD)
                max_val = interval ? max_val / interval : 0;
              else if (col->calc != SS_IO_CALC_AVG)
                max_val = (max_val + G_GUINT64_CONSTANT (500000000)) / NS_PER_SEC;
              col_w[j].val = magnitude (max_val, 15) + 7;
            }
          else
            col_w[j].val = MAX (namelen, magnitude (max_val, 15));
          break;
        }
      tabrow_w += col_w[j].val + 3;
    }

  borderlen = MAX (borderlen, tabrow_w);

  /* The filter list wraps at the table's width, or widens the table up to 102 columns. */
  maxfltr_w = 0;
  for (guint j = 0; j < num_cols; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);

      maxfltr_w = MAX (maxfltr_w, col->spec ? (int) strlen (col->spec) + 11 : 26);
    }
  if (maxfltr_w > borderlen && borderlen < 102)
    borderlen = MIN (maxfltr_w, 102);
  /* No double right border. */
  if (borderlen - tabrow_w == 1)
    borderlen++;

  g_string_append_c (out, '\n');
  append_chars (out, '=', borderlen);
  g_string_append (out, "\n| IO Statistics");
  append_spaces (out, borderlen - 16);
  g_string_append (out, "|\n|");
  append_spaces (out, borderlen - 2);
  g_string_append (out, "|\n");

  if (invl_prec == 0)
    {
      g_string_append_printf (out, "| Duration: %*u.%6u secs", dur_mag, dur_secs_orig,
                              dur_nsecs_orig);
      append_spaces (out, borderlen - (25 + dur_mag));
      g_string_append_printf (out, "|\n| Interval: %*u secs", dur_mag,
                              (guint) (interval / US_PER_SEC));
      append_spaces (out, borderlen - (18 + dur_mag));
      g_string_append (out, "|\n");
    }
  else
    {
      g_string_append_printf (out, "| Duration: %*u.%0*u secs", dur_mag, dur_secs, invl_prec,
                              (guint) (dur_nsecs / dv));
      append_spaces (out, borderlen - (19 + dur_mag + invl_prec));
      g_string_append_printf (out, "|\n| Interval: %*u.%0*u secs", dur_mag,
                              (guint) (interval / US_PER_SEC), invl_prec,
                              (guint) ((interval % US_PER_SEC) / dv));
      append_spaces (out, borderlen - (19 + dur_mag + invl_prec));
      g_string_append (out, "|\n");
    }
  g_string_append_c (out, '|');
  append_spaces (out, borderlen - 2);
  g_string_append (out, "|\n");

  g_string_append (out, "| Col");
  for (guint j = 0; j < num_cols; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);

      g_string_append_printf (out, j == 0 ? "%2u: " : "|    %2u: ", j + 1);
      if (!col->spec)
        {
          g_string_append (out, "Frames and bytes");
          append_spaces (out, borderlen - 26);
          g_string_append (out, "|\n");
        }
      else
        {
          const char *filter = col->spec;
          int len_filt = (int) strlen (filter);

          if (len_filt + 11 <= borderlen)
            {
              g_string_append (out, filter);
              append_spaces (out, borderlen - (len_filt + 10));
              g_string_append (out, "|\n");
            }
          else
            {
              int max_w = borderlen - 11;

              for (;;)
                {
                  if (len_filt > max_w)
                    {
                      g_autofree char *part = g_strndup (filter, max_w);
                      const char *pos = g_strrstr (part, " ");
                      gsize len;
                      int next_start;

                      if (pos)
                        {
                          len = pos - part;
                          next_start = (int) len + 1;
                        }
                      else
                        {
                          len = strlen (part);
                          next_start = (int) len;
                        }
                      g_string_append_len (out, part, len);
                      append_spaces (out, borderlen - ((int) len + 10));
                      g_string_append (out, "|\n|        ");
                      filter += next_start;
                      len_filt = (int) strlen (filter);
                    }
                  else
                    {
                      g_string_append (out, filter);
                      append_spaces (out, borderlen - ((int) strlen (filter) + 10));
                      g_string_append (out, "|\n");
                      break;
                    }
                }
            }
        }
    }

  g_string_append (out, "|-");
  append_chars (out, '-', borderlen - 3);
  g_string_append (out, "|\n");

  /* Column numbers. */
  g_string_append_c (out, '|');
  append_spaces (out, invl_col_w - 2);
  g_string_append_c (out, '|');
  for (guint j = 0; j < num_cols; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);
      int w;

      if (col->calc == SS_IO_CALC_FRAMES_BYTES)
        w = col_w[j].fr + col_w[j].val + 3;
      else if (col->calc == SS_IO_CALC_FRAMES)
        w = col_w[j].fr;
      else
        w = col_w[j].val;
      g_string_append_printf (out, "%-2u", j + 1);
      append_spaces (out, w);
      g_string_append_c (out, '|');
    }
  if (tabrow_w < borderlen)
    {
      filler = borderlen - tabrow_w - 1;
      append_spaces (out, filler);
      g_string_append_c (out, '|');
    }

  /* Labels. */
  g_string_append (out, "\n| Interval");
  append_spaces (out, invl_col_w - 11);
  g_string_append_c (out, '|');
  for (guint j = 0; j < num_cols; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);

      if (col->calc == SS_IO_CALC_FRAMES)
        print_center (out, "FRAMES", col_w[j].fr, 1);
      else if (col->calc == SS_IO_CALC_FRAMES_BYTES)
        {
          print_center (out, "Frames", col_w[j].fr, 1);
          print_center (out, "Bytes", col_w[j].val, 1);
        }
      else
        print_center (out, io_calc_name (col->calc), col_w[j].val, 1);
    }
  if (filler >= 0)
    {
      append_spaces (out, filler);
      g_string_append_c (out, '|');
    }
  g_string_append (out, "\n|-");
  append_chars (out, '-', tabrow_w - 3);
  g_string_append_c (out, '|');
  if (tabrow_w < borderlen)
    {
      append_spaces (out, borderlen - tabrow_w - 1);
      g_string_append_c (out, '|');
    }
  g_string_append_c (out, '\n');

  if (interval == 0 || duration == 0)
    num_rows = 0;
  else
    num_rows = (guint) (duration / interval) + ((guint) (duration % interval) > 0 ? 1 : 0);

  t = 0;
  for (guint i = 0; i < num_rows; i++)
    {
      gboolean last_row = i == num_rows - 1;

      if (i == IO_MAX_INTERVALS)
        {
          g_string_append_printf (out, _("| ... %u more intervals not shown\n"), num_rows - i);
          break;
        }

      invl_end = last_row ? duration : t + interval;
      if (invl_prec == 0)
        {
          const char *lead = dur_mag == 1 ? "|  " : "| ";

          if (last_row)
            {
              int maxw = dur_mag >= 3 ? dur_mag + 1 : 3;

              g_string_append_printf (out, "%s%*u <> %-*s|", lead, dur_mag,
                                      (guint) (t / US_PER_SEC), maxw, "Dur");
            }
          else
            g_string_append_printf (out, "%s%*u <> %*u%s|", lead, dur_mag,
                                    (guint) (t / US_PER_SEC), dur_mag,
                                    (guint) (invl_end / US_PER_SEC),
                                    dur_mag == 1 ? "  " : " ");
        }
      else
        g_string_append_printf (out, "| %*u.%0*u <> %*u.%0*u |", dur_mag,
                                (guint) (t / US_PER_SEC), invl_prec,
                                (guint) ((t % US_PER_SEC) / dv), dur_mag,
                                (guint) (invl_end / US_PER_SEC), invl_prec,
                                (guint) ((invl_end % US_PER_SEC) / dv));

      for (guint j = 0; j < num_cols; j++)
        {
          IoColumn *col = g_ptr_array_index (io->cols, j);
          const IoCell *item = i < col->cells->len ? &g_array_index (col->cells, IoCell, i)
                                                   : NULL;

          print_cell (out, col, &col_w[j], item, last_row, interval, invl_end - t);
        }
      if (filler >= 0)
        {
          append_spaces (out, filler);
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
      t += interval;
    }
  append_chars (out, '=', borderlen);
  g_string_append_c (out, '\n');
}

/* ---- JSON and CSV ------------------------------------------------------------------------- */

static guint64
io_duration_us (const SsIoStat *io)
{
  return rel_us (io->clock.elapsed_ns);
}

static guint
io_n_rows (const SsIoStat *io,
           guint64        *interval_out)
{
  guint64 duration = io_duration_us (io);
  guint64 interval = io->interval;

  if (interval > duration || interval == G_MAXUINT64)
    interval = duration;
  *interval_out = interval;
  if (interval == 0)
    return duration == 0 && io->clock.started ? 1 : 0;
  return (guint) MIN (duration / interval + (duration % interval > 0 ? 1 : 0),
                      (guint64) IO_MAX_INTERVALS);
}

static void
io_print_json (SsIoStat *io,
               GString  *out)
{
  guint64 interval;
  guint rows = io_n_rows (io, &interval);
  guint64 duration = io_duration_us (io);

  g_string_append (out, "{\"statistic\": \"io,stat\", \"interval\": ");
  ss_stats_json_double (out, (double) interval / 1e6);
  g_string_append (out, ", \"duration\": ");
  ss_stats_json_double (out, (double) duration / 1e6);
  g_string_append (out, ", \"columns\": [");
  for (guint j = 0; j < io->cols->len; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);

      g_string_append (out, j ? ", {" : "{");
      g_string_append (out, "\"spec\": ");
      if (col->spec)
        ss_stats_json_string (out, col->spec);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"calc\": ");
      ss_stats_json_string (out, io_calc_name (col->calc));
      if (col->field != SS_FIELD_ID_NONE)
        {
          g_string_append (out, ", \"field\": ");
          ss_stats_json_string (out, ss_registry_get_field (io->reg, col->field)->abbrev);
        }
      g_string_append (out, "}");
    }
  g_string_append (out, "], \"rows\": [");
  for (guint i = 0; i < rows; i++)
    {
      guint64 start = i * interval;
      guint64 end = MIN (i == rows - 1 ? duration : start + interval, duration);

      g_string_append (out, i ? ",\n  {\"start\": " : "\n  {\"start\": ");
      ss_stats_json_double (out, (double) start / 1e6);
      g_string_append (out, ", \"end\": ");
      ss_stats_json_double (out, (double) end / 1e6);
      g_string_append (out, ", \"values\": [");
      for (guint j = 0; j < io->cols->len; j++)
        {
          IoColumn *col = g_ptr_array_index (io->cols, j);
          const IoCell *it = i < col->cells->len ? &g_array_index (col->cells, IoCell, i)
                                                 : NULL;

          if (j)
            g_string_append (out, ", ");
          if (col->calc == SS_IO_CALC_FRAMES_BYTES)
            g_string_append_printf (out, "{\"frames\": %u, \"bytes\": %" G_GUINT64_FORMAT "}",
                                    it ? it->frames : 0, it ? it->counter : 0);
          else if (col->calc == SS_IO_CALC_LOAD)
            {
              guint64 d = i == rows - 1 ? end - start : interval;

              ss_stats_json_double (out, it && d ? (double) it->counter / (double) d : 0);
            }
          else
            ss_stats_json_double (out, it ? cell_value (col, it) : 0);
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, rows ? "\n]}\n" : "]}\n");
}

static void
io_print_csv (SsIoStat *io,
              GString  *out)
{
  guint64 interval;
  guint rows = io_n_rows (io, &interval);
  guint64 duration = io_duration_us (io);

  g_string_append (out, "start,end");
  for (guint j = 0; j < io->cols->len; j++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, j);
      g_autofree char *name = g_strdup_printf ("%u %s", j + 1, col->spec ? col->spec : "");

      if (col->calc == SS_IO_CALC_FRAMES_BYTES)
        {
          g_autofree char *f = g_strdup_printf ("%s frames", g_strstrip (name));
          g_autofree char *b = g_strdup_printf ("%s bytes", name);

          g_string_append_c (out, ',');
          ss_stats_csv_field (out, f);
          g_string_append_c (out, ',');
          ss_stats_csv_field (out, b);
        }
      else
        {
          g_string_append_c (out, ',');
          ss_stats_csv_field (out, name);
        }
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows; i++)
    {
      guint64 start = i * interval;
      guint64 end = MIN (i == rows - 1 ? duration : start + interval, duration);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s", g_ascii_formatd (buf, sizeof buf, "%.6f",
                                                          (double) start / 1e6));
      g_string_append_printf (out, ",%s", g_ascii_formatd (buf, sizeof buf, "%.6f",
                                                           (double) end / 1e6));
      for (guint j = 0; j < io->cols->len; j++)
        {
          IoColumn *col = g_ptr_array_index (io->cols, j);
          const IoCell *it = i < col->cells->len ? &g_array_index (col->cells, IoCell, i)
                                                 : NULL;

          if (col->calc == SS_IO_CALC_FRAMES_BYTES)
            g_string_append_printf (out, ",%u,%" G_GUINT64_FORMAT, it ? it->frames : 0,
                                    it ? it->counter : 0);
          else
            {
              double v;

              if (col->calc == SS_IO_CALC_LOAD)
                {
                  guint64 d = i == rows - 1 ? end - start : interval;

                  v = it && d ? (double) it->counter / (double) d : 0;
                }
              else if (col->calc != SS_IO_CALC_FRAMES && is_int_type (col->ftype))
                {
                  /* Integers as integers (a SUM past 10^9 keeps its digits), and an AVG of
                   * integers truncated as the text (tshark) shows it. */
                  guint64 c = it ? it->counter : 0;

                  if (col->calc == SS_IO_CALC_AVG && it)
                    c /= (guint64) (it->num ? it->num : 1);
                  if (ss_field_type_is_signed (col->ftype))
                    g_string_append_printf (out, ",%" G_GINT64_FORMAT, (gint64) c);
                  else
                    g_string_append_printf (out, ",%" G_GUINT64_FORMAT, c);
                  continue;
                }
              else
                v = it ? cell_value (col, it) : 0;
              g_string_append_printf (out, ",%s", g_ascii_formatd (buf, sizeof buf, "%.9g", v));
            }
        }
      g_string_append_c (out, '\n');
    }
}

void
ss_io_stat_print (SsIoStat      *io,
                  SsStatsFormat  format,
                  GString       *out)
{
  switch (format)
    {
    case SS_STATS_FORMAT_JSON:
      io_print_json (io, out);
      break;
    case SS_STATS_FORMAT_CSV:
      io_print_csv (io, out);
      break;
    case SS_STATS_FORMAT_TEXT:
    default:
      io_print_text (io, out);
      break;
    }
}

/* ---- `-z io,stat,...` ---------------------------------------------------------------------- */

gpointer
ss_io_stat_new_from_arg (const SsRegistry *reg,
                         const char       *arg,
                         GError          **error)
{
  const char *p = arg + strlen ("io,stat,");
  const char *filters;
  char *end = NULL;
  double interval_float;
  guint64 interval;
  guint prec = 0;
  g_autoptr(GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);

  /* sscanf ("io,stat,%lf%n") in tshark: leading blanks, then a number. */
  while (*p == ' ' || *p == '\t')
    p++;
  interval_float = g_ascii_strtod (p, &end);
  if (arg[strlen (arg) - 1] == ',' || end == p)
    goto invalid;
  filters = end;
  if (*filters && *filters != ',')
    goto invalid;

  if (interval_float == 0)
    interval = 0;
  else
    {
      interval = (guint64) (gint64) round (interval_float * 1000000.0);
      prec = 6;
      for (guint64 i = 10; i < 10000000; i *= 10)
        {
          if (interval % i > 0)
            break;
          prec--;
        }
      if (prec == 0)
        {
          /* "1.00" asks for two decimals although the interval is whole. */
          const char *dot = memchr (p, '.', end - p);

          if (dot)
            {
              int n = (int) (end - dot - 1);

              /* Without a filter after it, tshark 4.0 miscounts and always shows six. */
              if (!*filters)
                n = 6;
              if (n)
                prec = MIN (n, 6);
            }
        }
      if (interval < 1)
        {
          g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_CALC,
                       _("\"-z\" interval must be >=0.000001 seconds or \"0\" for the entire "
                         "capture duration."));
          return NULL;
        }
    }

  if (*filters)
    {
      const char *str = filters + 1;
      const char *pos;

      do
        {
          pos = strchr (str, ',');
          if (pos == str)
            g_ptr_array_add (cols, NULL);
          else
            {
              char *f = pos ? g_strndup (str, pos - str) : g_strdup (str);

              g_strstrip (f);
              if (!pos && !*f)
                {
                  g_free (f);
                  f = NULL;
                }
              g_ptr_array_add (cols, f);
            }
          str = pos ? pos + 1 : NULL;
        }
      while (pos);
    }
  g_ptr_array_add (cols, NULL);

  {
    guint n = cols->len - 1;
    g_autofree const char **specs = g_new0 (const char *, n + 1);

    /* A NULL entry would end the vector: an empty column goes in as "". */
    for (guint i = 0; i < n; i++)
      specs[i] = g_ptr_array_index (cols, i) ? g_ptr_array_index (cols, i) : "";
    return ss_io_stat_new (reg, interval, prec, n ? specs : NULL, error);
  }

invalid:
  g_set_error (error, SS_STATS_ERROR, SS_STATS_ERROR_ARGS,
               _("invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument"));
  return NULL;
}

static void
io_want (gpointer  self,
         SsEngine *engine)
{
  ss_io_stat_want (self, engine);
}

static void
io_packet (gpointer        self,
           const SsPacket *pkt)
{
  ss_io_stat_packet (self, pkt);
}

static void
io_print (gpointer       self,
          SsStatsFormat  format,
          GString       *out)
{
  ss_io_stat_print (self, format, out);
}

static void
io_free (gpointer self)
{
  ss_io_stat_free (self);
}

/* Plain frame and byte counts need no dissection at all. */
static gboolean
io_needs_dissection (gpointer self)
{
  SsIoStat *io = self;

  for (guint i = 0; i < io->cols->len; i++)
    {
      IoColumn *col = g_ptr_array_index (io->cols, i);

      if (col->filter || col->field != SS_FIELD_ID_NONE)
        return TRUE;
    }
  return FALSE;
}

const SsStatClass ss_io_stat_class = {
  "io,stat", io_want, io_packet, io_print, io_free, io_needs_dissection,
};
