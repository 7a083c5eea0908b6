/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-chart.h"
#include "tanlu-chart-private.h"
#include "tanlu-chart-scale.h"
#include "tanlu-picture.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIZE 20000

G_DEFINE_QUARK (tanlu-chart-error-quark, tanlu_chart_error)

/* A legend swatch, drawn after the text it belongs to is placed. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
  guint  series;
} Swatch;

/* A series name at the right end of the plot. */
typedef struct
{
  guint        series;
  PangoLayout *layout;
  double       width;
  double       height;
  double       desired;   /* centre the data asks for */
  double       y;         /* top, once spread */
} EndLabel;

/* Everything one draw needs. Placement happens first, into @text and the
 * plot rectangle; painting follows, text last, so that labels sit on top
 * of lines and areas. */
typedef struct
{
  const TanluChartData *data;
  TanluChartPalette     palette;
  TanluChartText        text;
  gboolean              has_text;
  double                width;
  double                height;

  double                base;            /* label size, px; the rest follows */
  double                pad;             /* around the drawing */
  double                gap;             /* between a label and what it names */
  double                line_width;      /* series */
  double                hairline;        /* grid and axes */
  double                tick_length;
  double                x_label_offset;  /* from the plot's bottom to the years */
  double                factor;          /* Mt CO₂ to the unit shown */
  char                 *unit_label;

  /* What the data cover, in displayed units. */
  double                data_x_min;
  double                data_x_max;
  double                data_y_min;
  double                data_y_max;

  /* Stacked areas: for each series and year, its bottom and top in
   * displayed units; NAN where the year is left out. */
  double               *stack_low;
  double               *stack_high;

  TanluChartLayout      map;
  GArray               *x_ticks;
  GArray               *y_ticks;
  double                y_step;
  gboolean              legend;
  GArray               *swatches;
} Chart;

/* ---- helpers: data ---- */

static void
series_free_cb (gpointer data)
{
  tanlu_chart_series_free (data);
}

static void
marker_free (gpointer data)
{
  TanluChartMarker *marker = data;

  g_free (marker->label);
  g_free (marker);
}

static void
band_free_cb (gpointer data)
{
  tanlu_chart_band_free (data);
}

static void
reference_free (gpointer data)
{
  TanluChartReferenceLine *reference = data;

  g_free (reference->label);
  g_free (reference);
}

static gboolean
has_text (const char *str)
{
  return str != NULL && str[0] != '\0';
}

static guint
n_items (const GPtrArray *array)
{
  return array != NULL ? array->len : 0;
}

static const TanluChartSeries *
get_series (const TanluChartData *data,
            guint                 index)
{
  return g_ptr_array_index (data->series, index);
}

static char *
series_name (const TanluChartSeries *series,
             guint                   index)
{
  if (has_text (series->label))
    return g_strdup (series->label);

  /* Translators: names a series without a label in error messages */
  return g_strdup_printf (_("Series %u"), index + 1);
}

static gboolean
check_years (const double *x,
             guint         n_points,
             const char   *name,
             GError      **error)
{
  for (guint i = 0; i < n_points; i++)
    {
      if (!isfinite (x[i]))
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("“%s” has a year that is not a number"), name);
          return FALSE;
        }
      if (i > 0 && x[i] <= x[i - 1])
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The years of “%s” are not in ascending order"), name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Everything tanlu_chart_data_validate() checks except the size, which
 * only matters for export. */
static gboolean
validate_content (const TanluChartData *data,
                  GError              **error)
{
  guint n_series = n_items (data->series);

  switch (data->kind)
    {
    case TANLU_CHART_KIND_LINE:
    case TANLU_CHART_KIND_STACKED_AREA:
    case TANLU_CHART_KIND_BARS:
    case TANLU_CHART_KIND_SPARKLINE:
      break;
    default:
      g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                   _("Unknown kind of chart (%d)"), (int) data->kind);
      return FALSE;
    }

  if (n_series == 0)
    {
      g_set_error_literal (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                           _("The chart has no series"));
      return FALSE;
    }

  if (data->kind == TANLU_CHART_KIND_BARS && n_series != 1)
    {
      g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                   ngettext ("A bar chart needs exactly one series, not %u",
                             "A bar chart needs exactly one series, not %u",
                             n_series),
                   n_series);
      return FALSE;
    }

  for (guint i = 0; i < n_series; i++)
    {
      const TanluChartSeries *series = get_series (data, i);
      g_autofree char *name = series_name (series, i);

      if (series->n_points == 0)
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The series “%s” has no points"), name);
          return FALSE;
        }
      if (series->y == NULL || (series->x == NULL && data->kind != TANLU_CHART_KIND_BARS))
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The series “%s” has no values"), name);
          return FALSE;
        }
      if (data->kind != TANLU_CHART_KIND_BARS
          && !check_years (series->x, series->n_points, name, error))
        return FALSE;
      for (guint j = 0; j < series->n_points; j++)
        if (isinf (series->y[j]))
          {
            g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                         _("The series “%s” has an infinite value"), name);
            return FALSE;
          }

      if (data->kind == TANLU_CHART_KIND_STACKED_AREA && i > 0)
        {
          const TanluChartSeries *first = get_series (data, 0);

          if (series->n_points != first->n_points
              || memcmp (series->x, first->x, sizeof (double) * first->n_points) != 0)
            {
              g_autofree char *first_name = series_name (first, 0);

              g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                           _("The series “%s” and “%s” have different years; the series "
                             "of a stacked area chart must share them"),
                           first_name, name);
              return FALSE;
            }
        }
    }

  if (data->kind == TANLU_CHART_KIND_BARS)
    {
      guint n_values = get_series (data, 0)->n_points;
      guint n_categories = n_items (data->categories);

      if (n_categories != n_values)
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The bar chart has a different number of categories (%u) and "
                         "values (%u)"),
                       n_categories, n_values);
          return FALSE;
        }
      if (data->highlight < -1 || data->highlight >= (int) n_values)
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The highlighted bar %d is not one of the chart’s %u bars"),
                       data->highlight, n_values);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_items (data->bands); i++)
    {
      const TanluChartBand *band = g_ptr_array_index (data->bands, i);
      g_autofree char *name = NULL;

      if (has_text (band->label))
        name = g_strdup (band->label);
      else
        /* Translators: names a shaded band without a label in error messages */
        name = g_strdup_printf (_("Band %u"), i + 1);

      if (band->n_points == 0 || band->x == NULL || band->low == NULL || band->high == NULL)
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The band “%s” has no points"), name);
          return FALSE;
        }
      if (!check_years (band->x, band->n_points, name, error))
        return FALSE;
    }

  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);

      if (!isfinite (marker->x) || !isfinite (marker->y))
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The target “%s” has a year or value that is not a number"),
                       marker->label != NULL ? marker->label : "");
          return FALSE;
        }
    }

  for (guint i = 0; i < n_items (data->reference_lines); i++)
    {
      const TanluChartReferenceLine *reference = g_ptr_array_index (data->reference_lines, i);

      if (!isfinite (reference->x))
        {
          g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                       _("The reference line “%s” has a year that is not a number"),
                       reference->label != NULL ? reference->label : "");
          return FALSE;
        }
    }

  if (!(data->font_size == 0 || (data->font_size >= 4 && data->font_size <= 200)))
    {
      g_set_error (
        error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
        _("The font size %g is out of range: it must be 0 (automatic) or from 4 to 200 pixels"),
        data->font_size);
      return FALSE;
    }

  return TRUE;
}

/* ---- helpers: geometry ---- */

static double marker_radius (const Chart *chart);

static double
map_x (const Chart *chart,
       double       x)
{
  return tanlu_chart_layout_x_to_pixel (&chart->map, x);
}

static double
map_y (const Chart *chart,
       double       y)
{
  return tanlu_chart_layout_y_to_pixel (&chart->map, y);
}

static double
plot_right (const Chart *chart)
{
  return chart->map.plot_x + chart->map.plot_width;
}

static double
plot_bottom (const Chart *chart)
{
  return chart->map.plot_y + chart->map.plot_height;
}

/* A coordinate on which a line of @width is sharp. */
static double
crisp (double position,
       double width)
{
  if (((int) round (width)) % 2 == 1)
    return floor (position) + 0.5;

  return round (position);
}

static gboolean
usable (const Chart *chart,
        double       value)
{
  return isfinite (value) && (!chart->map.log_scale || value > 0);
}

static void
extend (double *low,
        double *high,
        double  value)
{
  if (!isfinite (value))
    return;
  *low = MIN (*low, value);
  *high = MAX (*high, value);
}

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  const EndLabel *label_a = a;
  const EndLabel *label_b = b;

  if (label_a->desired != label_b->desired)
    return label_a->desired < label_b->desired ? -1 : 1;

  return (int) label_a->series - (int) label_b->series;
}

static void
end_label_clear (gpointer data)
{
  EndLabel *label = data;

  g_clear_object (&label->layout);
}

/* ---- helpers: set-up ---- */

static void
chart_init (Chart                *chart,
            cairo_t              *cr,
            const TanluChartData *data,
            double                width,
            double                height)
{
  memset (chart, 0, sizeof *chart);
  chart->data = data;
  chart->width = width;
  chart->height = height;
  _tanlu_chart_palette_init (&chart->palette, data);

  /* By area rather than height alone, so that tall narrow charts do not
   * get oversized text: 1600×900 gives 23 px, 800×450 about 11.5. */
  chart->base = data->font_size > 0 ? data->font_size : CLAMP (sqrt (width * height) / 52, 10, 30);
  chart->pad = chart->base;
  chart->gap = chart->base * 0.5;
  chart->tick_length = chart->base * 0.3;
  chart->line_width = CLAMP (chart->base * 0.16, 1.5, 5) * chart->palette.line_scale;
  chart->hairline = MAX (1, chart->base * 0.06) * chart->palette.line_scale;

  chart->factor = 1;
  if (tanlu_chart_unit_is_mt_co2 (data->unit))
    chart->factor = tanlu_chart_unit_scale_factor (data->unit_scale);
  if (data->kind == TANLU_CHART_KIND_STACKED_AREA && data->percent)
    chart->unit_label = g_strdup ("%");
  else
    chart->unit_label = tanlu_chart_unit_label (data->unit, data->unit_scale, data->language);

  chart->map.log_scale = data->kind == TANLU_CHART_KIND_LINE && data->log_scale;
  chart->map.transposed = data->kind == TANLU_CHART_KIND_BARS;
  chart->swatches = g_array_new (FALSE, FALSE, sizeof (Swatch));

  if (data->kind != TANLU_CHART_KIND_SPARKLINE)
    {
      _tanlu_chart_text_init (&chart->text, cr, data, &chart->palette, width, height, chart->base);
      chart->has_text = TRUE;
    }
}

static void
chart_clear (Chart *chart)
{
  if (chart->has_text)
    _tanlu_chart_text_clear (&chart->text);
  g_clear_pointer (&chart->unit_label, g_free);
  g_clear_pointer (&chart->stack_low, g_free);
  g_clear_pointer (&chart->stack_high, g_free);
  g_clear_pointer (&chart->x_ticks, g_array_unref);
  g_clear_pointer (&chart->y_ticks, g_array_unref);
  g_clear_pointer (&chart->swatches, g_array_unref);
}

/* Whether the value axis of data between @low and @high should start at
 * zero: emissions are read as amounts, so the baseline is kept unless the
 * values vary within a narrow band far from it. */
static void
include_zero (double *low,
              double *high)
{
  if (*low >= 0 && (*low <= *high * 0.5 || *low == *high))
    *low = 0;
  else if (*high <= 0 && (*high >= *low * 0.5 || *low == *high))
    *high = 0;
}

static void
compute_line_extents (Chart *chart)
{
  const TanluChartData *data = chart->data;
  double x_low = INFINITY, x_high = -INFINITY;
  double y_low = INFINITY, y_high = -INFINITY;
  double any_low = INFINITY, any_high = -INFINITY;

  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);

      for (guint j = 0; j < series->n_points; j++)
        {
          if (!usable (chart, series->y[j]))
            continue;
          /* Hidden series keep the years, so that toggling one does not
           * shift the time axis, but give up their values. */
          extend (&x_low, &x_high, series->x[j]);
          if (!series->hidden)
            extend (&y_low, &y_high, series->y[j] * chart->factor);
        }
      extend (&any_low, &any_high, series->x[0]);
      extend (&any_low, &any_high, series->x[series->n_points - 1]);
    }

  for (guint i = 0; i < n_items (data->bands); i++)
    {
      const TanluChartBand *band = g_ptr_array_index (data->bands, i);

      for (guint j = 0; j < band->n_points; j++)
        {
          gboolean low_ok = usable (chart, band->low[j]);
          gboolean high_ok = usable (chart, band->high[j]);

          if (!low_ok && !high_ok)
            continue;
          extend (&x_low, &x_high, band->x[j]);
          if (low_ok)
            extend (&y_low, &y_high, band->low[j] * chart->factor);
          if (high_ok)
            extend (&y_low, &y_high, band->high[j] * chart->factor);
        }
    }

  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);

      if (!usable (chart, marker->y))
        continue;
      extend (&x_low, &x_high, marker->x);
      extend (&y_low, &y_high, marker->y * chart->factor);
    }

  for (guint i = 0; i < n_items (data->reference_lines); i++)
    {
      const TanluChartReferenceLine *reference = g_ptr_array_index (data->reference_lines, i);

      extend (&x_low, &x_high, reference->x);
    }

  if (!isfinite (x_low))
    {
      x_low = any_low;
      x_high = any_high;
    }
  if (x_high - x_low < 1)
    {
      x_low -= 1;
      x_high += 1;
    }

  if (!isfinite (y_low))
    {
      y_low = chart->map.log_scale ? 1 : 0;
      y_high = chart->map.log_scale ? 10 : 1;
    }
  if (!chart->map.log_scale)
    include_zero (&y_low, &y_high);

  chart->data_x_min = x_low;
  chart->data_x_max = x_high;
  chart->data_y_min = y_low;
  chart->data_y_max = y_high;
}

static void
compute_area_extents (Chart *chart)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *first = get_series (data, 0);
  guint n_series = data->series->len;
  guint n_points = first->n_points;
  double y_low = 0, y_high = 0;
  gboolean any = FALSE;

  chart->stack_low = g_new (double, (gsize) n_series * n_points);
  chart->stack_high = g_new (double, (gsize) n_series * n_points);

  for (guint j = 0; j < n_points; j++)
    {
      gboolean complete = TRUE;
      double total = 0;
      double level = 0;

      /* A gap in any series leaves the year out of the whole stack: the
       * layers above it would otherwise drop. */
      for (guint i = 0; i < n_series; i++)
        {
          const TanluChartSeries *series = get_series (data, i);

          if (series->hidden)
            continue;
          if (!isfinite (series->y[j]))
            complete = FALSE;
          else
            total += series->y[j] * chart->factor;
        }
      if (data->percent && total <= 0)
        complete = FALSE;

      for (guint i = 0; i < n_series; i++)
        {
          const TanluChartSeries *series = get_series (data, i);
          gsize slot = (gsize) i * n_points + j;
          double value;

          if (series->hidden || !complete)
            {
              chart->stack_low[slot] = NAN;
              chart->stack_high[slot] = NAN;
              continue;
            }

          value = series->y[j] * chart->factor;
          if (data->percent)
            value = value / total * 100;
          chart->stack_low[slot] = level;
          level += value;
          chart->stack_high[slot] = level;
          extend (&y_low, &y_high, level);
          any = TRUE;
        }
    }

  chart->data_x_min = first->x[0];
  chart->data_x_max = first->x[n_points - 1];
  if (chart->data_x_max - chart->data_x_min < 1)
    {
      chart->data_x_min -= 1;
      chart->data_x_max += 1;
    }

  if (data->percent)
    {
      y_low = 0;
      y_high = 100;
    }
  else if (!any || y_high <= y_low)
    y_high = y_low + 1;

  chart->data_y_min = y_low;
  chart->data_y_max = y_high;
}

/* ---- helpers: placing text ---- */

static char *
source_text (const TanluChartData *data)
{
  gboolean chinese = data->language == TANLU_CHART_LANGUAGE_CHINESE;

  /* These words follow the chart's language, which can differ from the
   * interface's (an English chart for a report from a Chinese desktop), so
   * they are not looked up with gettext. */
  g_autofree char *text = NULL;

  if (has_text (data->source) && has_text (data->data_date))
    text = g_strdup_printf (chinese ? "数据年份：%s。来源：%s" : "Data for %s. Source: %s",
                            data->data_date, data->source);
  else if (has_text (data->source))
    text = g_strdup_printf (chinese ? "来源：%s" : "Source: %s", data->source);
  else if (has_text (data->data_date))
    text = g_strdup_printf (chinese ? "数据年份：%s" : "Data for %s", data->data_date);

  if (has_text (data->note))
    return g_strdup_printf (chinese ? "注：%s。%s" : "Note: %s. %s", data->note,
                            text != NULL ? text : "");

  return g_steal_pointer (&text);
}

/* How many lines a text of the header or footer may wrap to before it
 * is ellipsized: fewer in small drawings, which would have no room left
 * for the plot. */
static int
max_lines (const Chart *chart,
           int          lines)
{
  double rows = chart->height / (chart->base * 1.2);

  if (rows < 25)
    return 1;
  if (rows < 40)
    return MIN (lines, 2);

  return lines;
}

/* Title and subtitle; returns where the next row may start. */
static double
place_header (Chart *chart)
{
  const TanluChartData *data = chart->data;
  double max_width = chart->width - 2 * chart->pad;
  double y = chart->pad;
  double bottom = chart->pad;

  if (has_text (data->title))
    {
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_TITLE, data->title,
                                         TANLU_CHART_TEXT_PLAIN, max_width,
                                         max_lines (chart, 3));
      _tanlu_chart_text_size (layout, NULL, &height);
      if (_tanlu_chart_text_place (&chart->text, layout, chart->pad, y, &chart->palette.text,
                                   TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_TITLE, -1))
        {
          bottom = y + height;
          y = bottom + chart->text.clearance + 1;
        }
    }

  if (has_text (data->subtitle))
    {
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SUBTITLE, data->subtitle,
                                         TANLU_CHART_TEXT_PLAIN, max_width,
                                         max_lines (chart, 2));
      _tanlu_chart_text_size (layout, NULL, &height);
      if (_tanlu_chart_text_place (&chart->text, layout, chart->pad, y, &chart->palette.text_dim,
                                   TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_SUBTITLE, -1))
        bottom = y + height;
    }

  return bottom > chart->pad ? bottom + chart->gap * 1.4 : chart->pad;
}

/* The source line; returns the lowest the chart above it may reach. */
static double
place_source (Chart *chart)
{
  g_autofree char *str = source_text (chart->data);
  g_autoptr(PangoLayout) layout = NULL;
  double height, y;

  if (str == NULL)
    return chart->height - chart->pad;

  /* Citations are long, and an export must carry them whole: up to four
   * lines at any size but the smallest. */
  layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SMALL, str,
                                     TANLU_CHART_TEXT_PLAIN, chart->width - 2 * chart->pad,
                                     chart->height / (chart->base * 1.2) < 20 ? 2 : 4);
  _tanlu_chart_text_size (layout, NULL, &height);
  y = chart->height - chart->pad * 0.8 - height;
  if (!_tanlu_chart_text_place (&chart->text, layout, chart->pad, y, &chart->palette.text_dim,
                                TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_SOURCE, -1))
    return chart->height - chart->pad;

  return y - chart->gap;
}

/* The unit above the value axis; returns where the plot may start. */
static double
place_axis_title (Chart *chart,
                  double top)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (!has_text (chart->unit_label))
    return top;

  layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, chart->unit_label,
                                     TANLU_CHART_TEXT_PLAIN, chart->width / 2, 1);
  _tanlu_chart_text_size (layout, NULL, &height);
  if (!_tanlu_chart_text_place (&chart->text, layout, chart->pad, top, &chart->palette.text_dim,
                                TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_AXIS_TITLE, -1))
    return top;

  return top + height + chart->gap * 0.4;
}

/* One item per series, in rows under the header; returns the row below. */
static double
place_legend (Chart *chart,
              double top)
{
  const TanluChartData *data = chart->data;
  gboolean areas = data->kind == TANLU_CHART_KIND_STACKED_AREA;
  double symbol = areas ? chart->base * 0.9 : chart->base * 1.6;
  double symbol_gap = chart->base * 0.4;
  double item_gap = chart->base * 1.2;
  double left = chart->pad;
  double right = chart->width - chart->pad;
  double x = left;
  double y = top;
  double row_height = 0;

  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);
      g_autoptr(PangoLayout) layout = NULL;
      TanluChartTextFlags flags = series->hidden ? TANLU_CHART_TEXT_STRIKE : 0;
      double width, height, item_width;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, series->label, flags,
                                         right - left - symbol - symbol_gap, 1);
      _tanlu_chart_text_size (layout, &width, &height);
      item_width = symbol + symbol_gap + width;

      if (x > left && x + item_width > right)
        {
          x = left;
          y += row_height + chart->gap * 0.4;
          row_height = 0;
        }

      if (_tanlu_chart_text_place_with_symbol (&chart->text, layout, x, y, symbol + symbol_gap,
                                               series->hidden ? &chart->palette.text_hidden
                                                              : &chart->palette.text,
                                               flags, TANLU_CHART_BOX_LEGEND_ITEM, (int) i))
        {
          Swatch swatch = { x, y, symbol, height, i };

          g_array_append_val (chart->swatches, swatch);
        }

      x += item_width + item_gap;
      row_height = MAX (row_height, height);
    }

  return y + row_height + chart->gap;
}

static PangoLayout *
tick_layout (Chart  *chart,
             double  value,
             int     decimals)
{
  g_autofree char *str = tanlu_chart_format_number (value, decimals, chart->data->language);

  return _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, str,
                                   TANLU_CHART_TEXT_PLAIN, 0, 0);
}

static PangoLayout *
year_layout (Chart  *chart,
             double  year)
{
  char str[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (str, sizeof str, "%.0f", year);

  return _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, str,
                                   TANLU_CHART_TEXT_PLAIN, 0, 0);
}

/* The desired centre of a series' end label, in pixels. */
static double
end_label_anchor (Chart *chart,
                  guint  index)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *series = get_series (data, index);
  double anchor = NAN;

  if (data->kind == TANLU_CHART_KIND_STACKED_AREA)
    {
      for (guint j = series->n_points; j-- > 0 && isnan (anchor);)
        {
          gsize slot = (gsize) index * series->n_points + j;

          if (isfinite (chart->stack_high[slot]))
            anchor = (map_y (chart, chart->stack_low[slot])
                      + map_y (chart, chart->stack_high[slot])) / 2;
        }
    }
  else
    {
      for (guint j = series->n_points; j-- > 0 && isnan (anchor);)
        if (usable (chart, series->y[j]))
          anchor = map_y (chart, series->y[j] * chart->factor);
    }

  if (isnan (anchor))
    anchor = plot_bottom (chart);

  return CLAMP (anchor, chart->map.plot_y, plot_bottom (chart));
}

/* Between the plot and the names at the line ends. Targets in the last
 * year sit on the plot's edge, and the names keep clear of them. */
static double
end_label_gap (const Chart *chart)
{
  const TanluChartData *data = chart->data;

  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);

      if (marker->x >= chart->data_x_max)
        return MAX (chart->gap,
                    marker_radius (chart) + chart->hairline + chart->text.clearance + 1);
    }

  return chart->gap;
}

/* Stacks the labels as close to their lines as they can be without
 * touching: pushed down from the top, then up from the bottom. */
static gboolean
spread_end_labels (GArray *labels,
                   double  top,
                   double  bottom,
                   double  spacing)
{
  EndLabel *first, *last;

  if (labels->len == 0)
    return TRUE;

  g_array_sort (labels, compare_end_labels);

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);

      label->y = label->desired - label->height / 2;
      if (i > 0)
        {
          EndLabel *above = &g_array_index (labels, EndLabel, i - 1);

          label->y = MAX (label->y, above->y + above->height + spacing);
        }
    }

  last = &g_array_index (labels, EndLabel, labels->len - 1);
  if (last->y + last->height > bottom)
    {
      last->y = bottom - last->height;
      for (guint i = labels->len - 1; i-- > 0;)
        {
          EndLabel *label = &g_array_index (labels, EndLabel, i);
          EndLabel *below = &g_array_index (labels, EndLabel, i + 1);

          label->y = MIN (label->y, below->y - spacing - label->height);
        }
    }

  first = &g_array_index (labels, EndLabel, 0);

  return first->y >= top;
}

static gboolean
place_end_labels (Chart  *chart,
                  GArray *labels,
                  double  top,
                  double  bottom)
{
  const TanluChartData *data = chart->data;
  double x = plot_right (chart) + end_label_gap (chart);

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);

      label->desired = end_label_anchor (chart, label->series);
    }

  /* A line that stops well before the right edge, such as history drawn
   * beside pathways, is named where it stops, when there is room. */
  for (guint i = labels->len; i-- > 0;)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      const TanluChartSeries *series = get_series (data, label->series);
      double last_x = NAN;

      if (data->kind != TANLU_CHART_KIND_LINE || series->hidden)
        continue;

      for (guint j = series->n_points; j-- > 0 && isnan (last_x);)
        if (usable (chart, series->y[j]))
          last_x = series->x[j];

      if (isnan (last_x) ||
          last_x > chart->map.x_max - (chart->map.x_max - chart->map.x_min) * 0.1 ||
          map_x (chart, last_x) + chart->gap + label->width > plot_right (chart) - chart->gap)
        continue;

      {
        /* After the end, level with it, else just above or below; then
         * above or below the line's last stretch, ending where it ends. */
        double x_after = map_x (chart, last_x) + chart->gap;
        double x_before = map_x (chart, last_x) - label->width;
        double middle = label->desired - label->height / 2;
        double positions[] = {
          x_after, middle,
          x_after, middle - label->height * 0.75,
          x_after, middle + label->height * 0.75,
          x_before, middle - label->height - chart->gap,
          x_before, middle + label->height + chart->gap,
        };

        for (guint k = 0; k < G_N_ELEMENTS (positions); k += 2)
          if (positions[k] >= chart->map.plot_x &&
              positions[k] + label->width <= plot_right (chart) &&
              positions[k + 1] >= chart->map.plot_y &&
              positions[k + 1] + label->height <= plot_bottom (chart) &&
              _tanlu_chart_text_place (
                &chart->text, label->layout, positions[k], positions[k + 1],
                _tanlu_chart_palette_series_text (&chart->palette, series->color_index),
                TANLU_CHART_TEXT_HALO, TANLU_CHART_BOX_END_LABEL, (int) label->series))
            {
              g_array_remove_index (labels, i);
              break;
            }
      }
    }

  if (!spread_end_labels (labels, top, bottom, chart->text.clearance + 0.5))
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      const TanluChartSeries *series = get_series (data, label->series);
      const TanluChartColor *color;

      if (series->hidden)
        color = &chart->palette.text_hidden;
      else
        color = _tanlu_chart_palette_series_text (&chart->palette, series->color_index);

      if (!_tanlu_chart_text_place (&chart->text, label->layout, x, label->y, color,
                                    series->hidden ? TANLU_CHART_TEXT_STRIKE : 0,
                                    TANLU_CHART_BOX_END_LABEL, (int) label->series))
        return FALSE;
    }

  return TRUE;
}

/* Places @layout at the first of @positions whose box lies within the
 * rectangle @bounds (x, y, width, height). */
static gboolean
place_within (Chart                 *chart,
              PangoLayout           *layout,
              const double          *positions,
              guint                  n_positions,
              const double          *bounds,
              const TanluChartColor *color,
              TanluChartTextFlags    flags,
              TanluChartBoxKind      kind)
{
  double width, height;

  _tanlu_chart_text_size (layout, &width, &height);

  for (guint i = 0; i < n_positions; i++)
    {
      double x = positions[2 * i];
      double y = positions[2 * i + 1];

      if (x < bounds[0] || y < bounds[1]
          || x + width > bounds[0] + bounds[2] || y + height > bounds[1] + bounds[3])
        continue;
      if (_tanlu_chart_text_place (&chart->text, layout, x, y, color, flags, kind, -1))
        return TRUE;
    }

  return FALSE;
}

static void
place_y_tick_labels (Chart     *chart,
                     GPtrArray *layouts)
{
  double right = chart->map.plot_x - chart->gap * 0.8;

  /* On a log axis the powers of ten go first, so that thinning drops the
   * 2s and 5s between them. */
  for (guint pass = 0; pass < (chart->map.log_scale ? 2 : 1); pass++)
    for (guint i = 0; i < chart->y_ticks->len; i++)
      {
        PangoLayout *layout = g_ptr_array_index (layouts, i);
        double value = g_array_index (chart->y_ticks, double, i);
        double width, height;

        if (chart->map.log_scale)
          {
            gboolean power = fabs (log10 (value) - round (log10 (value))) < 1e-9;

            if (power != (pass == 0))
              continue;
          }

        _tanlu_chart_text_size (layout, &width, &height);
        _tanlu_chart_text_place (&chart->text, layout, right - width,
                                 map_y (chart, value) - height / 2,
                                 &chart->palette.text_dim, TANLU_CHART_TEXT_PLAIN,
                                 TANLU_CHART_BOX_TICK_LABEL, -1);
      }
}

static void
place_x_tick_labels (Chart *chart)
{
  double y = plot_bottom (chart) + chart->x_label_offset;

  for (guint i = 0; i < chart->x_ticks->len; i++)
    {
      double year = g_array_index (chart->x_ticks, double, i);
      g_autoptr(PangoLayout) layout = year_layout (chart, year);
      double width;

      _tanlu_chart_text_size (layout, &width, NULL);
      _tanlu_chart_text_place (&chart->text, layout, map_x (chart, year) - width / 2, y,
                               &chart->palette.text_dim, TANLU_CHART_TEXT_PLAIN,
                               TANLU_CHART_BOX_TICK_LABEL, -1);
    }
}

static double
marker_radius (const Chart *chart)
{
  return chart->base * 0.42;
}

static void
add_marker_obstacles (Chart *chart)
{
  const TanluChartData *data = chart->data;
  double r = marker_radius (chart) + chart->hairline;

  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);

      if (!usable (chart, marker->y))
        continue;
      _tanlu_chart_text_add_obstacle (&chart->text, map_x (chart, marker->x) - r,
                                      map_y (chart, marker->y * chart->factor) - r, 2 * r, 2 * r);
    }
}

static void
place_reference_labels (Chart *chart)
{
  const TanluChartData *data = chart->data;
  double bounds[4] = { chart->map.plot_x, chart->map.plot_y,
                       chart->map.plot_width, chart->map.plot_height };

  for (guint i = 0; i < n_items (data->reference_lines); i++)
    {
      const TanluChartReferenceLine *reference = g_ptr_array_index (data->reference_lines, i);
      g_autoptr(PangoLayout) layout = NULL;
      double x = map_x (chart, reference->x);
      double y = chart->map.plot_y + chart->gap * 0.2;
      double width, height;
      double positions[8];

      if (!has_text (reference->label))
        continue;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SMALL, reference->label,
                                         TANLU_CHART_TEXT_PLAIN, 0, 0);
      _tanlu_chart_text_size (layout, &width, &height);
      positions[0] = x + chart->gap * 0.4;
      positions[1] = y;
      positions[2] = x - chart->gap * 0.4 - width;
      positions[3] = y;
      positions[4] = x + chart->gap * 0.4;
      positions[5] = y + height + chart->gap * 0.3;
      positions[6] = x - chart->gap * 0.4 - width;
      positions[7] = y + height + chart->gap * 0.3;
      place_within (chart, layout, positions, 4, bounds, &chart->palette.text_dim,
                    TANLU_CHART_TEXT_HALO, TANLU_CHART_BOX_REFERENCE_LABEL);
    }
}

static gboolean
band_at (const TanluChartBand *band,
         double                x,
         double               *low,
         double               *high)
{
  for (guint j = 0; j + 1 < band->n_points; j++)
    {
      double t;

      if (x < band->x[j] || x > band->x[j + 1])
        continue;
      t = (x - band->x[j]) / (band->x[j + 1] - band->x[j]);
      *low = band->low[j] + (band->low[j + 1] - band->low[j]) * t;
      *high = band->high[j] + (band->high[j + 1] - band->high[j]) * t;

      return isfinite (*low) && isfinite (*high);
    }

  if (band->n_points == 1 && x == band->x[0])
    {
      *low = band->low[0];
      *high = band->high[0];
      return isfinite (*low) && isfinite (*high);
    }

  return FALSE;
}

/* Inside the band where it is wide enough over the whole label, else
 * above or below its right end. */
static void
place_band_label (Chart                *chart,
                  const TanluChartBand *band)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  const TanluChartColor *color = _tanlu_chart_palette_series_text (&chart->palette,
                                                                    band->color_index);
  double bounds[4] = { chart->map.plot_x, chart->map.plot_y,
                       chart->map.plot_width, chart->map.plot_height };
  double width, height;
  int last = -1;

  if (!has_text (band->label))
    return;

  layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SMALL, band->label,
                                     TANLU_CHART_TEXT_PLAIN, chart->map.plot_width / 2, 2);
  _tanlu_chart_text_size (layout, &width, &height);

  /* Inside: try label centres from the right end of the band leftwards. */
  for (guint j = band->n_points; j-- > 0;)
    {
      double centre, x, y, top = -INFINITY, bottom = INFINITY;
      gboolean covered = TRUE;

      if (!usable (chart, band->low[j]) || !usable (chart, band->high[j]))
        continue;
      if (last < 0)
        last = (int) j;

      centre = map_x (chart, band->x[j]);
      x = CLAMP (centre - width / 2, chart->map.plot_x, plot_right (chart) - width);
      for (guint k = 0; k <= 4 && covered; k++)
        {
          double low, high;
          double at = tanlu_chart_layout_pixel_to_x (&chart->map, x + width * k / 4);

          if (!band_at (band, at, &low, &high)
              || !usable (chart, low) || !usable (chart, high))
            covered = FALSE;
          else
            {
              top = MAX (top, map_y (chart, MAX (low, high) * chart->factor));
              bottom = MIN (bottom, map_y (chart, MIN (low, high) * chart->factor));
            }
        }
      if (!covered || bottom - top < height + chart->gap * 0.4)
        continue;

      y = (top + bottom) / 2 - height / 2;
      g_array_append_val (positions, x);
      g_array_append_val (positions, y);
    }

  if (positions->len > 0
      && place_within (chart, layout, (double *) (void *) positions->data, positions->len / 2,
                       bounds, color, TANLU_CHART_TEXT_HALO, TANLU_CHART_BOX_BAND_LABEL))
    return;

  if (last >= 0)
    {
      double x = map_x (chart, band->x[last]);
      double high = map_y (chart, MAX (band->low[last], band->high[last]) * chart->factor);
      double low = map_y (chart, MIN (band->low[last], band->high[last]) * chart->factor);
      double beside[8] = {
        x - width, high - chart->gap * 0.4 - height,
        x - width, low + chart->gap * 0.4,
        x - width * 1.5, high - chart->gap * 0.4 - height,
        x - width * 1.5, low + chart->gap * 0.4,
      };

      place_within (chart, layout, beside, 4, bounds, color, TANLU_CHART_TEXT_HALO,
                    TANLU_CHART_BOX_BAND_LABEL);
    }
}

/* Where a marker's label may go, best first: beside it, then above or
 * below, then diagonally. @r is the distance kept from its centre. */
static void
marker_label_positions (double  x,
                        double  y,
                        double  r,
                        double  width,
                        double  height,
                        double *positions)
{
  double d = r * 0.75;
  const double candidates[] = {
    x + r, y - height / 2,
    x - r - width, y - height / 2,
    x - width / 2, y - r - height,
    x - width / 2, y + r,
    x + d, y - d - height,
    x + d, y + d,
    x - d - width, y - d - height,
    x - d - width, y + d,
  };

  memcpy (positions, candidates, sizeof candidates);
}

static void
place_marker_labels (Chart *chart)
{
  const TanluChartData *data = chart->data;
  /* Just clear of the marker's obstacle and the clearance around it. */
  double r = marker_radius (chart) + chart->hairline + chart->text.clearance + 1;
  double right = chart->legend ? chart->width - chart->pad : plot_right (chart);
  double bounds[4] = { chart->map.plot_x, chart->map.plot_y,
                       right - chart->map.plot_x, chart->map.plot_height };

  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);
      g_autoptr(PangoLayout) layout = NULL;
      double positions[16];
      double width, height;

      if (!has_text (marker->label) || !usable (chart, marker->y))
        continue;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SMALL, marker->label,
                                         TANLU_CHART_TEXT_PLAIN, chart->map.plot_width / 3, 2);
      _tanlu_chart_text_size (layout, &width, &height);
      marker_label_positions (map_x (chart, marker->x), map_y (chart, marker->y * chart->factor),
                              r, width, height, positions);
      if (place_within (chart, layout, positions, G_N_ELEMENTS (positions) / 2, bounds,
                        &chart->palette.text, TANLU_CHART_TEXT_HALO, TANLU_CHART_BOX_MARKER_LABEL))
        continue;

      /* Among crowded targets, a label broken over two lines may still
       * find room. */
      g_clear_object (&layout);
      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_SMALL, marker->label,
                                         TANLU_CHART_TEXT_PLAIN, width * 0.55, 2);
      _tanlu_chart_text_size (layout, &width, &height);
      marker_label_positions (map_x (chart, marker->x), map_y (chart, marker->y * chart->factor),
                              r, width, height, positions);
      place_within (chart, layout, positions, G_N_ELEMENTS (positions) / 2, bounds,
                    &chart->palette.text, TANLU_CHART_TEXT_HALO, TANLU_CHART_BOX_MARKER_LABEL);
    }
}

/* Lays out the frame of a line or area chart: header, legend or end
 * labels, axes and their labels, and the labels inside the plot. Fails
 * when the series names do not fit at the line ends. */
static gboolean
plan_xy (Chart    *chart,
         gboolean  legend)
{
  const TanluChartData *data = chart->data;
  g_autoptr(GPtrArray) y_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) end_labels = g_array_new (FALSE, TRUE, sizeof (EndLabel));
  g_autoptr(PangoLayout) first_year = NULL;
  g_autoptr(PangoLayout) last_year = NULL;
  double top, bottom, plot_top, plot_bottom_edge, left, right;
  double line_height = _tanlu_chart_text_line_height (&chart->text, TANLU_CHART_FONT_LABEL);
  double year_width, year_height, first_width, tick_width = 0;
  double y_min, y_max;
  guint max_ticks;
  int decimals;

  g_array_set_clear_func (end_labels, end_label_clear);
  _tanlu_chart_text_reset (&chart->text);
  g_array_set_size (chart->swatches, 0);
  g_clear_pointer (&chart->x_ticks, g_array_unref);
  g_clear_pointer (&chart->y_ticks, g_array_unref);
  chart->legend = legend;

  top = place_header (chart);
  bottom = place_source (chart);
  if (legend)
    top = place_legend (chart, top);
  top = place_axis_title (chart, top);

  first_year = year_layout (chart, ceil (chart->data_x_min));
  last_year = year_layout (chart, floor (chart->data_x_max));
  _tanlu_chart_text_size (first_year, &first_width, &year_height);
  _tanlu_chart_text_size (last_year, &year_width, NULL);
  year_width = MAX (year_width, first_width);

  /* The years sit below the tick marks and below the lowest value label,
   * which is centred on the axis. */
  chart->x_label_offset = MAX (chart->tick_length + chart->gap * 0.3,
                               year_height / 2 + chart->text.clearance + 0.5);
  /* Room for half the top value label, whose digits are as tall as the
   * years'. */
  plot_top = top + year_height / 2 + chart->text.clearance;
  plot_bottom_edge = bottom - year_height - chart->x_label_offset;
  if (plot_bottom_edge - plot_top < line_height)
    plot_bottom_edge = plot_top + line_height;

  /* The value axis: about one tick per 2.4 lines of text. */
  max_ticks = (guint) CLAMP (floor ((plot_bottom_edge - plot_top) / (line_height * 2.4)) + 1, 2, 8);
  if (chart->map.log_scale)
    {
      chart->y_ticks = tanlu_chart_log_ticks (chart->data_y_min, chart->data_y_max,
                                              &y_min, &y_max);
      chart->y_step = 0;
    }
  else
    chart->y_ticks = tanlu_chart_nice_ticks (chart->data_y_min, chart->data_y_max, max_ticks,
                                             &y_min, &y_max, &chart->y_step);

  decimals = tanlu_chart_step_decimals (chart->y_step);
  for (guint i = 0; i < chart->y_ticks->len; i++)
    {
      double value = g_array_index (chart->y_ticks, double, i);
      PangoLayout *layout;
      double width;

      if (chart->map.log_scale)
        decimals = tanlu_chart_step_decimals (value);
      layout = tick_layout (chart, value, decimals);
      _tanlu_chart_text_size (layout, &width, NULL);
      tick_width = MAX (tick_width, width);
      g_ptr_array_add (y_layouts, layout);
    }

  left = chart->pad + tick_width + chart->gap * 0.8;
  left = MAX (left, chart->pad + first_width / 2);

  if (legend)
    right = chart->width - chart->pad - year_width / 2;
  else
    {
      double widest = 0;

      for (guint i = 0; i < data->series->len; i++)
        {
          const TanluChartSeries *series = get_series (data, i);
          EndLabel label = { i, NULL, 0, 0, 0, 0 };

          label.layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL,
                                                   series->label,
                                                   series->hidden ? TANLU_CHART_TEXT_STRIKE : 0,
                                                   0, 0);
          _tanlu_chart_text_size (label.layout, &label.width, &label.height);
          widest = MAX (widest, label.width);
          g_array_append_val (end_labels, label);
        }

      /* Names that take more than a quarter of the width squeeze the plot
       * too much; they go in a legend. */
      if (widest > chart->width * 0.25)
        return FALSE;
      right = chart->width - chart->pad - widest - end_label_gap (chart);
      right = MIN (right, chart->width - chart->pad - year_width / 2);
    }

  if (right - left < chart->base * 4)
    {
      if (!legend)
        return FALSE;
      right = left + chart->base * 4;
    }

  chart->map.plot_x = left;
  chart->map.plot_y = plot_top;
  chart->map.plot_width = right - left;
  chart->map.plot_height = plot_bottom_edge - plot_top;
  chart->map.x_min = chart->data_x_min;
  chart->map.x_max = chart->data_x_max;
  chart->map.y_min = y_min;
  chart->map.y_max = y_max;

  /* Years: room for each label and one and a half label sizes between. */
  max_ticks = (guint) MAX (1, floor (chart->map.plot_width / (year_width + chart->base * 1.5)) + 1);
  chart->x_ticks = tanlu_chart_year_ticks (chart->map.x_min, chart->map.x_max, max_ticks);

  /* Targets are placed first, so that no label covers them. */
  add_marker_obstacles (chart);
  if (!legend && !place_end_labels (chart, end_labels, top,
                                    plot_bottom_edge + chart->tick_length))
    return FALSE;

  place_y_tick_labels (chart, y_layouts);
  place_x_tick_labels (chart);
  place_reference_labels (chart);
  for (guint i = 0; i < n_items (data->bands); i++)
    place_band_label (chart, g_ptr_array_index (data->bands, i));
  place_marker_labels (chart);

  return TRUE;
}

/* ---- helpers: painting ---- */

/* Gridlines at the value ticks, a stronger baseline at zero (or along
 * the bottom when zero is not shown) and tick marks under the years. */
static void
paint_grid (Chart   *chart,
            cairo_t *cr)
{
  double left = chart->map.plot_x;
  double right = plot_right (chart);
  double bottom = crisp (plot_bottom (chart), chart->hairline);
  double baseline = bottom;

  if (!chart->map.log_scale && chart->map.y_min <= 0 && chart->map.y_max >= 0)
    baseline = crisp (map_y (chart, 0), chart->hairline);

  cairo_save (cr);
  cairo_set_line_width (cr, chart->hairline);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  _tanlu_chart_set_source (cr, &chart->palette.grid, 1);
  for (guint i = 0; i < chart->y_ticks->len; i++)
    {
      double y = crisp (map_y (chart, g_array_index (chart->y_ticks, double, i)),
                        chart->hairline);

      if (fabs (y - baseline) < 0.5)
        continue;
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);

  _tanlu_chart_set_source (cr, &chart->palette.axis, 1);
  cairo_move_to (cr, left, baseline);
  cairo_line_to (cr, right, baseline);
  for (guint i = 0; i < chart->x_ticks->len; i++)
    {
      double x = crisp (map_x (chart, g_array_index (chart->x_ticks, double, i)), chart->hairline);

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + chart->tick_length);
    }
  cairo_stroke (cr);

  cairo_restore (cr);
}

static void
paint_reference_lines (Chart   *chart,
                       cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  double dashes[] = { chart->hairline * 4, chart->hairline * 3 };

  if (n_items (data->reference_lines) == 0)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, chart->hairline);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  _tanlu_chart_set_source (cr, &chart->palette.axis, 0.9);
  for (guint i = 0; i < data->reference_lines->len; i++)
    {
      const TanluChartReferenceLine *reference = g_ptr_array_index (data->reference_lines, i);
      double x = crisp (map_x (chart, reference->x), chart->hairline);

      cairo_move_to (cr, x, chart->map.plot_y);
      cairo_line_to (cr, x, plot_bottom (chart));
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_bands (Chart   *chart,
             cairo_t *cr)
{
  const TanluChartData *data = chart->data;

  for (guint i = 0; i < n_items (data->bands); i++)
    {
      const TanluChartBand *band = g_ptr_array_index (data->bands, i);
      guint j = 0;

      _tanlu_chart_set_source (cr, _tanlu_chart_palette_series (&chart->palette, band->color_index),
                               chart->palette.band_alpha);

      /* One polygon per run of points where both edges are known. */
      while (j < band->n_points)
        {
          guint start, end;

          while (j < band->n_points
                 && (!usable (chart, band->low[j]) || !usable (chart, band->high[j])))
            j++;
          start = j;
          while (j < band->n_points
                 && usable (chart, band->low[j]) && usable (chart, band->high[j]))
            j++;
          end = j;
          if (end - start < 2)
            continue;

          cairo_new_sub_path (cr);
          for (guint k = start; k < end; k++)
            cairo_line_to (cr, map_x (chart, band->x[k]),
                           map_y (chart, band->high[k] * chart->factor));
          for (guint k = end; k-- > start;)
            cairo_line_to (cr, map_x (chart, band->x[k]),
                           map_y (chart, band->low[k] * chart->factor));
          cairo_close_path (cr);
          cairo_fill (cr);
        }
    }
}

/* Adds the points @from to @to (inclusive) of @series to the path, broken
 * at gaps; a point alone between gaps becomes a dot through the round cap. */
static void
trace_series (Chart                  *chart,
              cairo_t                *cr,
              const TanluChartSeries *series,
              guint                   from,
              guint                   to)
{
  gboolean drawing = FALSE;

  for (guint j = from; j <= to && j < series->n_points; j++)
    {
      double x, y;

      if (!usable (chart, series->y[j]))
        {
          drawing = FALSE;
          continue;
        }

      x = map_x (chart, series->x[j]);
      y = map_y (chart, series->y[j] * chart->factor);
      if (!drawing)
        cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y);
      drawing = TRUE;
    }
}

static void
paint_series_line (Chart                  *chart,
                   cairo_t                *cr,
                   const TanluChartSeries *series,
                   double                  line_width)
{
  guint projected = MIN (series->projected_from, series->n_points);
  const TanluChartColor *color = _tanlu_chart_palette_series (&chart->palette,
                                                               series->color_index);
  double dashes[] = { line_width * 2.6, line_width * 1.9 };
  guint dot = G_MAXUINT;

  cairo_save (cr);
  _tanlu_chart_set_source (cr, color, 1);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (projected > 0)
    {
      trace_series (chart, cr, series, 0, projected - 1);
      cairo_stroke (cr);
    }

  /* The dashes start at the last observed point, so the two parts meet. */
  if (projected < series->n_points)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      trace_series (chart, cr, series, projected > 0 ? projected - 1 : 0, series->n_points - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The dot marks the latest observed value, or the end of the line. */
  for (guint j = projected > 0 ? projected : series->n_points; j-- > 0 && dot == G_MAXUINT;)
    if (usable (chart, series->y[j]))
      dot = j;
  if (dot != G_MAXUINT)
    {
      cairo_arc (cr, map_x (chart, series->x[dot]), map_y (chart, series->y[dot] * chart->factor),
                 line_width * 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* Figures the source marks as incomplete: hollow, so they do not read as
   * measured points. */
  for (guint j = 0; series->flagged != NULL && j < series->n_points; j++)
    {
      double x, y;

      if (!series->flagged[j] || !usable (chart, series->y[j]))
        continue;

      x = map_x (chart, series->x[j]);
      y = map_y (chart, series->y[j] * chart->factor);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, line_width * 2.2, 0, 2 * G_PI);
      _tanlu_chart_set_source (cr, &chart->palette.background, 1);
      cairo_fill_preserve (cr);
      _tanlu_chart_set_source (cr, color, 1);
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
paint_lines (Chart   *chart,
             cairo_t *cr)
{
  const TanluChartData *data = chart->data;

  /* Whole pixels: Cairo clips to an aligned rectangle without a mask. */
  cairo_save (cr);
  cairo_rectangle (cr, floor (chart->map.plot_x - chart->line_width * 2),
                   floor (chart->map.plot_y - chart->line_width * 2),
                   ceil (chart->map.plot_width + chart->line_width * 4),
                   ceil (chart->map.plot_height + chart->line_width * 4));
  cairo_clip (cr);

  /* The first series is drawn last, on top. */
  for (guint i = data->series->len; i-- > 0;)
    {
      const TanluChartSeries *series = get_series (data, i);

      if (!series->hidden)
        paint_series_line (chart, cr, series, chart->line_width);
    }

  cairo_restore (cr);
}

static void
paint_markers (Chart   *chart,
               cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  double r = marker_radius (chart);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint i = 0; i < n_items (data->markers); i++)
    {
      const TanluChartMarker *marker = g_ptr_array_index (data->markers, i);
      double x, y;

      if (!usable (chart, marker->y))
        continue;
      x = map_x (chart, marker->x);
      y = map_y (chart, marker->y * chart->factor);

      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      _tanlu_chart_set_source (cr, &chart->palette.text, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, chart->hairline * 1.5);
      _tanlu_chart_set_source (cr, &chart->palette.background, 1);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
trace_stack_layer (Chart *chart,
                   cairo_t *cr,
                   guint    index)
{
  const TanluChartSeries *first = get_series (chart->data, 0);
  guint n_points = first->n_points;
  const double *low = chart->stack_low + (gsize) index * n_points;
  const double *high = chart->stack_high + (gsize) index * n_points;
  guint j = 0;

  while (j < n_points)
    {
      guint start, end;

      while (j < n_points && isnan (high[j]))
        j++;
      start = j;
      while (j < n_points && !isnan (high[j]))
        j++;
      end = j;
      if (end == start)
        continue;

      /* A year alone between gaps still shows, as a thin sliver. */
      cairo_new_sub_path (cr);
      for (guint k = start; k < end; k++)
        cairo_line_to (cr, map_x (chart, first->x[k]) - (end - start == 1 ? 0.5 : 0),
                       map_y (chart, high[k]));
      for (guint k = end; k-- > start;)
        cairo_line_to (cr, map_x (chart, first->x[k]) + (end - start == 1 ? 0.5 : 0),
                       map_y (chart, low[k]));
      cairo_close_path (cr);
    }
}

static void
paint_areas (Chart   *chart,
             cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *first = get_series (data, 0);
  guint projected = first->n_points;
  double split;

  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);

      if (!series->hidden)
        projected = MIN (projected, series->projected_from);
    }
  split = projected < first->n_points
          ? map_x (chart, first->x[projected > 0 ? projected - 1 : 0])
          : plot_right (chart) + 1;

  cairo_save (cr);
  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);
      const TanluChartColor *color = _tanlu_chart_palette_series (&chart->palette,
                                                                   series->color_index);

      if (series->hidden)
        continue;

      /* Projected years are paler. */
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, split, chart->height);
      cairo_clip (cr);
      trace_stack_layer (chart, cr, i);
      _tanlu_chart_set_source (cr, color, 1);
      cairo_fill (cr);
      cairo_restore (cr);

      if (split < plot_right (chart))
        {
          cairo_save (cr);
          cairo_rectangle (cr, split, 0, chart->width - split, chart->height);
          cairo_clip (cr);
          trace_stack_layer (chart, cr, i);
          _tanlu_chart_set_source (cr, color, 0.5);
          cairo_fill (cr);
          cairo_restore (cr);
        }
    }

  /* Thin page-coloured seams between the layers. */
  cairo_set_line_width (cr, chart->hairline);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _tanlu_chart_set_source (cr, &chart->palette.background, 0.8);
  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);
      const double *high = chart->stack_high + (gsize) i * first->n_points;
      gboolean drawing = FALSE;

      if (series->hidden)
        continue;
      for (guint j = 0; j < first->n_points; j++)
        {
          if (isnan (high[j]))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, map_x (chart, first->x[j]), map_y (chart, high[j]));
          else
            cairo_move_to (cr, map_x (chart, first->x[j]), map_y (chart, high[j]));
          drawing = TRUE;
        }
    }
  cairo_stroke (cr);

  if (split < plot_right (chart))
    {
      double dashes[] = { chart->hairline * 4, chart->hairline * 3 };
      double x = crisp (split, chart->hairline);

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      _tanlu_chart_set_source (cr, &chart->palette.axis, 1);
      cairo_move_to (cr, x, chart->map.plot_y);
      cairo_line_to (cr, x, plot_bottom (chart));
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static void
paint_swatches (Chart   *chart,
                cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  gboolean areas = data->kind == TANLU_CHART_KIND_STACKED_AREA;

  cairo_save (cr);
  for (guint i = 0; i < chart->swatches->len; i++)
    {
      const Swatch *swatch = &g_array_index (chart->swatches, Swatch, i);
      const TanluChartSeries *series = get_series (data, swatch->series);
      const TanluChartColor *color = _tanlu_chart_palette_series (&chart->palette,
                                                                   series->color_index);
      double alpha = series->hidden ? 0.3 : 1;
      double middle = swatch->y + swatch->height / 2;

      _tanlu_chart_set_source (cr, color, alpha);
      if (areas)
        {
          double side = MIN (swatch->width, swatch->height * 0.8);

          cairo_rectangle (cr, swatch->x, middle - side / 2, side, side);
          cairo_fill (cr);
        }
      else
        {
          cairo_set_line_width (cr, chart->line_width);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, swatch->x + chart->line_width / 2, middle);
          cairo_line_to (cr, swatch->x + swatch->width - chart->line_width / 2, middle);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/* ---- kinds ---- */

static void
draw_xy (Chart   *chart,
         cairo_t *cr)
{
  gboolean areas = chart->data->kind == TANLU_CHART_KIND_STACKED_AREA;

  if (areas)
    compute_area_extents (chart);
  else
    compute_line_extents (chart);

  if (!plan_xy (chart, FALSE))
    plan_xy (chart, TRUE);

  if (areas)
    {
      paint_areas (chart, cr);
      paint_grid (chart, cr);
      paint_reference_lines (chart, cr);
    }
  else
    {
      paint_grid (chart, cr);
      paint_bands (chart, cr);
      paint_reference_lines (chart, cr);
      paint_lines (chart, cr);
    }
  paint_markers (chart, cr);
  _tanlu_chart_text_draw (&chart->text, cr);
  paint_swatches (chart, cr);
}

/* Which bars get their labels: all when the rows are tall enough, else
 * every @step-th row counted from the highlighted bar, so that it keeps
 * its name. */
static gboolean
bar_labelled (const TanluChartData *data,
              guint                 index,
              guint                 step)
{
  int anchor = MAX (data->highlight, 0);

  return (((int) index - anchor) % (int) step + (int) step) % (int) step == 0;
}

static void
place_bar_value (Chart       *chart,
                 PangoLayout *layout,
                 guint        index,
                 double       zero,
                 double       category_right)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *series = get_series (data, 0);
  const TanluChartColor *fill = data->highlight < 0 || (int) index == data->highlight
                                ? _tanlu_chart_palette_series (&chart->palette, series->color_index)
                                : &chart->palette.muted;
  TanluChartColor inside;
  double centre = map_x (chart, index + 0.5);
  double end = map_y (chart, series->y[index] * chart->factor);
  double offset = chart->gap * 0.4;
  double width, height, y;
  gboolean fits_inside;

  _tanlu_chart_text_size (layout, &width, &height);
  _tanlu_chart_color_on (fill, &inside);
  fits_inside = fabs (end - zero) >= width + 2 * offset;
  y = centre - height / 2;

  /* Beyond the bar's end, or inside it when that would overflow. */
  if (series->y[index] >= 0)
    {
      if (end + offset + width <= chart->width - chart->pad)
        _tanlu_chart_text_place (&chart->text, layout, end + offset, y, &chart->palette.text_dim,
                                 TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_VALUE_LABEL, -1);
      else if (fits_inside)
        _tanlu_chart_text_place (&chart->text, layout, end - offset - width, y, &inside,
                                 TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_VALUE_LABEL, -1);
    }
  else
    {
      if (end - offset - width >= category_right)
        _tanlu_chart_text_place (&chart->text, layout, end - offset - width, y,
                                 &chart->palette.text_dim, TANLU_CHART_TEXT_PLAIN,
                                 TANLU_CHART_BOX_VALUE_LABEL, -1);
      else if (fits_inside)
        _tanlu_chart_text_place (&chart->text, layout, end + offset, y, &inside,
                                 TANLU_CHART_TEXT_PLAIN, TANLU_CHART_BOX_VALUE_LABEL, -1);
    }
}

/* Category names at the left, one bar per row from the top, values at
 * the bars' ends and the value axis along the bottom. */
static void
plan_bars (Chart *chart)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *series = get_series (data, 0);
  g_autoptr(GPtrArray) category_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) value_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = series->n_points;
  double top, bottom, rows_bottom, row, size;
  double left, right, category_width = 0, value_width = 0, label_height = 0;
  double v_min = 0, v_max = 0, y_min, y_max, zero;
  double axis_label_height;
  int decimals;
  guint max_ticks, step;

  top = place_header (chart);
  bottom = place_source (chart);
  top = place_axis_title (chart, top) + chart->gap * 0.3;

  for (guint i = 0; i < n; i++)
    extend (&v_min, &v_max, series->y[i] * chart->factor);
  decimals = _tanlu_chart_value_decimals (MAX (fabs (v_min), fabs (v_max)));

  axis_label_height = _tanlu_chart_text_line_height (&chart->text, TANLU_CHART_FONT_SMALL);
  rows_bottom = bottom - axis_label_height - chart->tick_length - chart->gap * 0.3;
  row = MAX (1, (rows_bottom - top) / n);

  /* Labels shrink with the rows down to a legible size; below that,
   * only every second (third…) row is named. */
  size = CLAMP (row * 0.62, MIN (9, chart->base), chart->base);
  _tanlu_chart_text_set_size (&chart->text, TANLU_CHART_FONT_LABEL, size);

  for (guint i = 0; i < n; i++)
    {
      const char *name = g_ptr_array_index (data->categories, i);
      g_autofree char *value = NULL;
      PangoLayout *layout;
      double width, height;

      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, name,
                                         (int) i == data->highlight ? TANLU_CHART_TEXT_BOLD : 0,
                                         chart->width * 0.36, 1);
      _tanlu_chart_text_size (layout, &width, &height);
      category_width = MAX (category_width, width);
      label_height = MAX (label_height, height);
      g_ptr_array_add (category_layouts, layout);

      if (isfinite (series->y[i]))
        value = tanlu_chart_format_number (series->y[i] * chart->factor, decimals,
                                           data->language);
      layout = _tanlu_chart_text_layout (&chart->text, TANLU_CHART_FONT_LABEL, value,
                                         TANLU_CHART_TEXT_PLAIN, 0, 0);
      _tanlu_chart_text_size (layout, &width, NULL);
      value_width = MAX (value_width, width);
      g_ptr_array_add (value_layouts, layout);
    }

  /* Labels taller than a row reach above the first one. */
  if (label_height > row)
    {
      top += (label_height - row) / 2;
      row = MAX (1, (rows_bottom - top) / n);
    }
  step = (guint) MAX (1, ceil ((label_height + chart->text.clearance) / row));

  left = chart->pad + category_width + chart->gap;
  right = chart->width - chart->pad - MIN (value_width + chart->gap * 0.5, chart->width * 0.2);
  if (v_min < 0)
    left += MIN (value_width + chart->gap * 0.5, chart->width * 0.15);
  if (right - left < chart->base * 4)
    right = left + chart->base * 4;

  max_ticks = (guint) CLAMP (floor ((right - left) / (chart->base * 5)) + 1, 2, 8);
  chart->y_ticks = tanlu_chart_nice_ticks (v_min, v_max, max_ticks, &y_min, &y_max, &chart->y_step);

  chart->map.plot_x = left;
  chart->map.plot_y = top;
  chart->map.plot_width = right - left;
  chart->map.plot_height = row * n;
  chart->map.x_min = 0;
  chart->map.x_max = n;
  chart->map.y_min = y_min;
  chart->map.y_max = y_max;
  zero = map_y (chart, 0);

  /* The highlighted bar first, so that nothing crowds it out. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        PangoLayout *layout = g_ptr_array_index (category_layouts, i);
        gboolean highlighted = (int) i == data->highlight;
        double centre = map_x (chart, i + 0.5);
        double width, height;

        if (highlighted != (pass == 0) || !bar_labelled (data, i, step))
          continue;

        _tanlu_chart_text_size (layout, &width, &height);
        _tanlu_chart_text_place (&chart->text, layout, chart->pad + category_width - width,
                                 centre - height / 2, &chart->palette.text,
                                 highlighted ? TANLU_CHART_TEXT_BOLD : 0,
                                 TANLU_CHART_BOX_BAR_LABEL, -1);
        if (isfinite (series->y[i]))
          place_bar_value (chart, g_ptr_array_index (value_layouts, i), i, zero,
                           chart->pad + category_width + chart->gap * 0.5);
      }

  /* The value axis along the bottom, in the smaller size. */
  _tanlu_chart_text_set_size (&chart->text, TANLU_CHART_FONT_LABEL,
                              _tanlu_chart_text_get_size (&chart->text, TANLU_CHART_FONT_SMALL));
  decimals = tanlu_chart_step_decimals (chart->y_step);
  for (guint i = 0; i < chart->y_ticks->len; i++)
    {
      double value = g_array_index (chart->y_ticks, double, i);
      g_autoptr(PangoLayout) layout = tick_layout (chart, value, decimals);
      double width;

      _tanlu_chart_text_size (layout, &width, NULL);
      _tanlu_chart_text_place (&chart->text, layout, map_y (chart, value) - width / 2,
                               plot_bottom (chart) + chart->tick_length + chart->gap * 0.3,
                               &chart->palette.text_dim, TANLU_CHART_TEXT_PLAIN,
                               TANLU_CHART_BOX_TICK_LABEL, -1);
    }
}

static void
draw_bars (Chart   *chart,
           cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  const TanluChartSeries *series = get_series (data, 0);
  const TanluChartColor *accent = _tanlu_chart_palette_series (&chart->palette,
                                                                series->color_index);
  double thickness, zero;

  plan_bars (chart);
  zero = crisp (map_y (chart, 0), chart->hairline);
  /* A few bars in a tall drawing would otherwise turn into blocks. */
  thickness = MIN (chart->map.plot_height / series->n_points * 0.72, chart->base * 2);

  cairo_save (cr);
  cairo_set_line_width (cr, chart->hairline);
  _tanlu_chart_set_source (cr, &chart->palette.grid, 1);
  for (guint i = 0; i < chart->y_ticks->len; i++)
    {
      double value = g_array_index (chart->y_ticks, double, i);
      double x = crisp (map_y (chart, value), chart->hairline);

      if (value == 0)
        continue;
      cairo_move_to (cr, x, chart->map.plot_y);
      cairo_line_to (cr, x, plot_bottom (chart) + chart->tick_length);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < series->n_points; i++)
    {
      const TanluChartColor *fill = data->highlight < 0 || (int) i == data->highlight
                                    ? accent : &chart->palette.muted;
      double centre = map_x (chart, i + 0.5);
      double end;

      if (!isfinite (series->y[i]))
        continue;
      end = map_y (chart, series->y[i] * chart->factor);
      cairo_rectangle (cr, MIN (zero, end), centre - thickness / 2, fabs (end - zero), thickness);
      _tanlu_chart_set_source (cr, fill, 1);
      cairo_fill (cr);
    }

  _tanlu_chart_set_source (cr, &chart->palette.axis, 1);
  cairo_move_to (cr, zero, chart->map.plot_y);
  cairo_line_to (cr, zero, plot_bottom (chart) + chart->tick_length);
  cairo_stroke (cr);
  cairo_restore (cr);

  _tanlu_chart_text_draw (&chart->text, cr);
}

static void
draw_sparkline (Chart   *chart,
                cairo_t *cr)
{
  const TanluChartData *data = chart->data;
  double line_width = CLAMP (MIN (chart->width, chart->height) / 28, 1.25, 3.5)
                      * chart->palette.line_scale;
  double pad = line_width * 2.5;
  double x_low = INFINITY, x_high = -INFINITY;
  double y_low = INFINITY, y_high = -INFINITY;

  for (guint i = 0; i < data->series->len; i++)
    {
      const TanluChartSeries *series = get_series (data, i);

      for (guint j = 0; j < series->n_points; j++)
        {
          if (!isfinite (series->y[j]))
            continue;
          extend (&x_low, &x_high, series->x[j]);
          if (!series->hidden)
            extend (&y_low, &y_high, series->y[j] * chart->factor);
        }
    }
  if (!isfinite (x_low))
    {
      x_low = 0;
      x_high = 1;
    }
  if (x_high <= x_low)
    {
      x_low -= 1;
      x_high += 1;
    }
  if (!isfinite (y_low))
    {
      y_low = 0;
      y_high = 1;
    }
  if (y_high <= y_low)
    {
      double margin = MAX (fabs (y_low) * 0.1, 1e-9);

      y_low -= margin;
      y_high += margin;
    }

  chart->map.plot_x = pad;
  chart->map.plot_y = pad;
  chart->map.plot_width = MAX (1, chart->width - 2 * pad);
  chart->map.plot_height = MAX (1, chart->height - 2 * pad);
  chart->map.x_min = x_low;
  chart->map.x_max = x_high;
  chart->map.y_min = y_low;
  chart->map.y_max = y_high;

  for (guint i = data->series->len; i-- > 0;)
    {
      const TanluChartSeries *series = get_series (data, i);

      if (!series->hidden)
        paint_series_line (chart, cr, series, line_width);
    }
}


/* ---- public API ---- */

/**
 * tanlu_chart_data_new:
 *
 * Returns: (transfer full): empty chart data: 800×450, light, English,
 *   nothing highlighted
 */
TanluChartData *
tanlu_chart_data_new (TanluChartKind kind)
{
  TanluChartData *data = g_new0 (TanluChartData, 1);

  data->kind = kind;
  data->series = g_ptr_array_new_with_free_func (series_free_cb);
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->markers = g_ptr_array_new_with_free_func (marker_free);
  data->bands = g_ptr_array_new_with_free_func (band_free_cb);
  data->reference_lines = g_ptr_array_new_with_free_func (reference_free);
  data->highlight = -1;
  data->unit_scale = TANLU_CHART_UNIT_SCALE_NONE;
  data->language = TANLU_CHART_LANGUAGE_ENGLISH;
  data->theme = TANLU_CHART_THEME_LIGHT;
  data->background = (TanluChartColor) { 1, 1, 1, 1 };
  data->foreground = (TanluChartColor) { 0, 0, 0, 1 };
  data->width = 800;
  data->height = 450;

  return data;
}

void
tanlu_chart_data_free (TanluChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->unit);
  g_free (data->note);
  g_free (data->source);
  g_free (data->data_date);
  g_clear_pointer (&data->series, g_ptr_array_unref);
  g_clear_pointer (&data->categories, g_ptr_array_unref);
  g_clear_pointer (&data->markers, g_ptr_array_unref);
  g_clear_pointer (&data->bands, g_ptr_array_unref);
  g_clear_pointer (&data->reference_lines, g_ptr_array_unref);
  g_free (data->font);
  g_free (data);
}

/**
 * tanlu_chart_series_new:
 * @label: (nullable): the series' name
 *
 * Returns: (transfer full): a series of @n_points points with years 0 and
 *   values NAN (gaps) for the caller to fill, nothing projected
 */
TanluChartSeries *
tanlu_chart_series_new (const char *label,
                        guint       n_points)
{
  TanluChartSeries *series = g_new0 (TanluChartSeries, 1);

  series->label = g_strdup (label);
  series->n_points = n_points;
  series->x = g_new0 (double, MAX (n_points, 1));
  series->y = g_new (double, MAX (n_points, 1));
  for (guint i = 0; i < MAX (n_points, 1); i++)
    series->y[i] = NAN;
  series->projected_from = G_MAXUINT;

  return series;
}

void
tanlu_chart_series_free (TanluChartSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->label);
  g_free (series->x);
  g_free (series->y);
  g_free (series->flagged);
  g_free (series);
}

void
tanlu_chart_band_free (TanluChartBand *band)
{
  if (band == NULL)
    return;

  g_free (band->label);
  g_free (band->x);
  g_free (band->low);
  g_free (band->high);
  g_free (band);
}

void
tanlu_chart_data_add_marker (TanluChartData *data,
                             double          x,
                             double          y,
                             const char     *label)
{
  TanluChartMarker *marker;

  g_return_if_fail (data != NULL);

  marker = g_new0 (TanluChartMarker, 1);
  marker->x = x;
  marker->y = y;
  marker->label = g_strdup (label);
  g_ptr_array_add (data->markers, marker);
}

void
tanlu_chart_data_add_reference (TanluChartData *data,
                                double          x,
                                const char     *label)
{
  TanluChartReferenceLine *reference;

  g_return_if_fail (data != NULL);

  reference = g_new0 (TanluChartReferenceLine, 1);
  reference->x = x;
  reference->label = g_strdup (label);
  g_ptr_array_add (data->reference_lines, reference);
}

/**
 * tanlu_chart_data_add_band:
 *
 * Returns: (transfer none): the new band, with years 0 and both edges NAN
 *   for the caller to fill
 */
TanluChartBand *
tanlu_chart_data_add_band (TanluChartData *data,
                           const char     *label,
                           guint           n_points)
{
  TanluChartBand *band;

  g_return_val_if_fail (data != NULL, NULL);

  band = g_new0 (TanluChartBand, 1);
  band->label = g_strdup (label);
  band->n_points = n_points;
  band->x = g_new0 (double, MAX (n_points, 1));
  band->low = g_new (double, MAX (n_points, 1));
  band->high = g_new (double, MAX (n_points, 1));
  for (guint i = 0; i < MAX (n_points, 1); i++)
    band->low[i] = band->high[i] = NAN;
  g_ptr_array_add (data->bands, band);

  return band;
}

/**
 * tanlu_chart_data_validate:
 *
 * Checks that @data can be drawn: a size from 1 to 20000 pixels, at least
 * one series, every series with points in ascending, finite years, the
 * series of stacked areas on the same years, a bar chart with one series,
 * one category per value and an existing highlighted bar, and bands,
 * markers and reference lines at finite years.
 *
 * Returns: %TRUE if it can, else %FALSE with @error set in the
 *   %TANLU_CHART_ERROR_INVALID domain
 */
gboolean
tanlu_chart_data_validate (const TanluChartData  *data,
                           GError               **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data->width <= 0 || data->height <= 0 || data->width > MAX_SIZE || data->height > MAX_SIZE)
    {
      g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                   _("The chart size %d × %d is out of range: width and height must be from "
                     "1 to %d pixels"),
                   data->width, data->height, MAX_SIZE);
      return FALSE;
    }

  return validate_content (data, error);
}

/**
 * tanlu_chart_draw:
 * @width: the drawing's width in the user units of @cr
 * @height: its height
 * @layout: (out caller-allocates) (optional): receives the plot area, the
 *   ranges and every text box; clear it with tanlu_chart_layout_clear()
 *
 * Draws @data into the rectangle (0, 0, @width, @height), page colour
 * included (a transparent custom background leaves it transparent). @data
 * must pass tanlu_chart_data_validate() (its size aside).
 */
void
tanlu_chart_draw (cairo_t              *cr,
                  const TanluChartData *data,
                  double                width,
                  double                height,
                  TanluChartLayout     *layout)
{
  g_autoptr(GError) error = NULL;
  Chart chart;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  if (layout != NULL)
    {
      GArray *boxes = layout->boxes;

      memset (layout, 0, sizeof *layout);
      layout->boxes = boxes != NULL ? boxes : g_array_new (FALSE, TRUE, sizeof (TanluChartBox));
      g_array_set_size (layout->boxes, 0);
    }

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    return;

  if (!validate_content (data, &error))
    {
      g_critical ("Cannot draw an invalid chart: %s", error->message);
      return;
    }

  chart_init (&chart, cr, data, width, height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  _tanlu_chart_set_source (cr, &chart.palette.background, 1);
  cairo_fill (cr);

  switch (data->kind)
    {
    case TANLU_CHART_KIND_LINE:
    case TANLU_CHART_KIND_STACKED_AREA:
      draw_xy (&chart, cr);
      break;
    case TANLU_CHART_KIND_BARS:
      draw_bars (&chart, cr);
      break;
    case TANLU_CHART_KIND_SPARKLINE:
      draw_sparkline (&chart, cr);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);

  if (layout != NULL)
    {
      GArray *boxes = layout->boxes;

      *layout = chart.map;
      layout->boxes = boxes;
      if (chart.has_text)
        _tanlu_chart_text_get_boxes (&chart.text, layout->boxes);
    }

  chart_clear (&chart);
}

/**
 * tanlu_chart_layout_clear:
 *
 * Frees what tanlu_chart_draw() put in @layout and zeroes it.
 */
void
tanlu_chart_layout_clear (TanluChartLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->boxes, g_array_unref);
  memset (layout, 0, sizeof *layout);
}

static double
layout_position (const TanluChartLayout *layout,
                 double                  value,
                 double                  min,
                 double                  max,
                 gboolean                log_scale)
{
  if (log_scale)
    {
      if (!(value > 0) || !(min > 0) || !(max > 0))
        return NAN;
      value = log10 (value);
      min = log10 (min);
      max = log10 (max);
    }

  if (max == min)
    return 0.5;

  return (value - min) / (max - min);
}

/**
 * tanlu_chart_layout_x_to_pixel:
 *
 * Returns: where year (or bar row) @x lies: a horizontal position, or a
 *   vertical one when the layout is transposed
 */
double
tanlu_chart_layout_x_to_pixel (const TanluChartLayout *layout,
                               double                  x)
{
  double t;

  g_return_val_if_fail (layout != NULL, 0);

  t = layout_position (layout, x, layout->x_min, layout->x_max, FALSE);
  if (layout->transposed)
    return layout->plot_y + t * layout->plot_height;

  return layout->plot_x + t * layout->plot_width;
}

/**
 * tanlu_chart_layout_pixel_to_x:
 * @pixel: a horizontal position, or a vertical one when the layout is
 *   transposed
 *
 * Returns: the year (or bar row, counting from 0 at the top) there
 */
double
tanlu_chart_layout_pixel_to_x (const TanluChartLayout *layout,
                               double                  pixel)
{
  double t;

  g_return_val_if_fail (layout != NULL, 0);

  if (layout->transposed)
    t = layout->plot_height > 0 ? (pixel - layout->plot_y) / layout->plot_height : 0;
  else
    t = layout->plot_width > 0 ? (pixel - layout->plot_x) / layout->plot_width : 0;

  return layout->x_min + t * (layout->x_max - layout->x_min);
}

/**
 * tanlu_chart_layout_y_to_pixel:
 * @y: a value in displayed units
 *
 * Returns: where @y lies: a vertical position, or a horizontal one when
 *   the layout is transposed; NAN for values below or at 0 on a log axis
 */
double
tanlu_chart_layout_y_to_pixel (const TanluChartLayout *layout,
                               double                  y)
{
  double t;

  g_return_val_if_fail (layout != NULL, 0);

  t = layout_position (layout, y, layout->y_min, layout->y_max, layout->log_scale);
  if (layout->transposed)
    return layout->plot_x + t * layout->plot_width;

  return layout->plot_y + layout->plot_height - t * layout->plot_height;
}

/**
 * tanlu_chart_export:
 * @width: in pixels (PNG) or points (SVG, PDF)
 * @scale: pixels per unit for PNG, such as 2 for high-density screens;
 *   ignored by the vector formats
 * @path: (type filename): the file written, replaced if it exists
 *
 * Draws @data into a file. The same data always give the same bytes for
 * PNG and SVG; PDF files carry their creation date unless
 * SOURCE_DATE_EPOCH fixes it.
 *
 * Returns: %TRUE on success; on failure the file is removed and @error
 *   is set (%TANLU_CHART_ERROR_INVALID or %TANLU_CHART_ERROR_WRITE)
 */
static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  tanlu_chart_draw (cr, user_data, width, height, NULL);
}

gboolean
tanlu_chart_export (const TanluChartData  *data,
                    TanluPictureFormat       format,
                    int                    width,
                    int                    height,
                    double                 scale,
                    const char            *path,
                    GError               **error)
{
  TanluPictureInfo info = { 0 };

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_content (data, error))
    return FALSE;
  if (format != TANLU_PICTURE_FORMAT_PNG)
    scale = 1;
  if (width <= 0 || height <= 0 || !(scale >= 0.25 && scale <= 8)
      || width * scale > MAX_SIZE || height * scale > MAX_SIZE)
    {
      g_set_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID,
                   _("Cannot export a chart of %d × %d at scale %g: it must be from 1 to %d "
                     "pixels wide and high"),
                   width, height, scale, MAX_SIZE);
      return FALSE;
    }

  info.title = data->title;
  info.source = data->source;
  info.date = data->data_date;
  info.opaque = data->custom_colors ? data->background.alpha >= 1 : TRUE;

  return tanlu_picture_export (format, width, height, scale, &info, draw_chart_cb, (gpointer) data,
                               path, error);
}

