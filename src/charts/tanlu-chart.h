/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tanlu-chart-scale.h"
#include "tanlu-picture.h"

G_BEGIN_DECLS

/* The chart engine: plain Cairo and Pango, no GTK. A TanluChartData holds
 * numbers already resolved from the store (or given inline), and
 * tanlu_chart_draw() paints it; the same call draws on screen, into PNG,
 * SVG and PDF files, and in tests. */

#define TANLU_CHART_ERROR (tanlu_chart_error_quark ())

typedef enum
{
  TANLU_CHART_ERROR_INVALID,
  TANLU_CHART_ERROR_WRITE,
} TanluChartError;

typedef enum
{
  TANLU_CHART_KIND_LINE,
  TANLU_CHART_KIND_STACKED_AREA,
  TANLU_CHART_KIND_BARS,
  TANLU_CHART_KIND_SPARKLINE,
} TanluChartKind;

typedef enum
{
  TANLU_CHART_THEME_LIGHT,
  TANLU_CHART_THEME_DARK,
  TANLU_CHART_THEME_PRINT,
} TanluChartTheme;


/**
 * TanluChartSeries:
 * @label: shown in the legend and at the line's end, already in the
 *   chart's language
 * @n_points: number of points
 * @x: (array length=n_points): years, ascending (for bars: unused)
 * @y: (array length=n_points): values in the data's unit; NAN for a gap
 * @projected_from: index of the first projected point; points before it
 *   are observed. A line is solid up to and including the point before,
 *   dashed from there on. %G_MAXUINT when nothing is projected.
 * @color_index: slot in the categorical palette
 * @hidden: not drawn (hidden from the legend by the user); still listed
 *   in the legend, dimmed
 * @flagged: (nullable) (array length=n_points): points the source marks
 *   as incomplete, drawn as hollow rings on the line
 */
typedef struct
{
  char    *label;
  guint    n_points;
  double  *x;
  double  *y;
  guint    projected_from;
  guint    color_index;
  gboolean hidden;
  gboolean *flagged;
} TanluChartSeries;

/**
 * TanluChartMarker:
 *
 * A target drawn as a point with its label, e.g. "2030: −65 % vs 2005".
 */
typedef struct
{
  double  x;
  double  y;
  char   *label;
} TanluChartMarker;

/**
 * TanluChartBand:
 *
 * A shaded corridor between @low and @high over @x.
 */
typedef struct
{
  char    *label;
  guint    n_points;
  double  *x;
  double  *low;
  double  *high;
  guint    color_index;
} TanluChartBand;

/**
 * TanluChartReferenceLine:
 *
 * A vertical line at a year, such as 2030, with its label.
 */
typedef struct
{
  double  x;
  char   *label;
} TanluChartReferenceLine;

/**
 * TanluChartColor:
 *
 * A colour with components from 0 to 1.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} TanluChartColor;

/**
 * TanluChartData:
 * @kind: what is drawn
 * @title: first line, bold
 * @subtitle: (nullable): second line
 * @unit: the data's unit, e.g. "Mt CO₂"
 * @note: (nullable): what a reader must know to read the figures right,
 *   such as years incomplete in the source or a change of territory;
 *   printed under the chart before the source
 * @source: the source line printed under the chart: titles and citations
 * @data_date: (nullable): when the data are from, e.g. "CEADs, 1997–2019";
 *   printed with the source
 * @series: (element-type TanluChartSeries): for bars, exactly one series
 *   whose @y holds one value per category
 * @categories: (element-type utf8): bar labels, one per value (bars only)
 * @highlight: the highlighted bar, or -1
 * @markers: (element-type TanluChartMarker)
 * @bands: (element-type TanluChartBand)
 * @reference_lines: (element-type TanluChartReferenceLine)
 * @log_scale: logarithmic value axis (line charts)
 * @percent: stacked areas as shares of 100 %
 * @unit_scale: how Mt CO₂ values are shown
 * @language: language of numbers and built-in words ("Other", "Source")
 * @theme: colours
 * @custom_colors: use @background and @foreground (the desktop style's, on
 *   screen) instead of the theme's own
 * @background: page colour when @custom_colors
 * @foreground: text colour when @custom_colors; grid and axes derive from it
 * @font: (nullable): Pango font family for all text, e.g. the desktop's
 *   interface font; %NULL for the default sans-serif
 * @font_size: the size of labels in pixels, the other text sizes following
 *   from it; 0 to size text by the drawing's area, as exports do
 * @width: intended width in pixels at scale 1, as exported
 * @height: intended height
 */
typedef struct
{
  TanluChartKind       kind;
  char                *title;
  char                *subtitle;
  char                *unit;
  char                *note;
  char                *source;
  char                *data_date;
  GPtrArray           *series;
  GPtrArray           *categories;
  int                  highlight;
  GPtrArray           *markers;
  GPtrArray           *bands;
  GPtrArray           *reference_lines;
  gboolean             log_scale;
  gboolean             percent;
  TanluChartUnitScale  unit_scale;
  TanluChartLanguage   language;
  TanluChartTheme      theme;
  gboolean             custom_colors;
  TanluChartColor      background;
  TanluChartColor      foreground;
  char                *font;
  double               font_size;
  int                  width;
  int                  height;
} TanluChartData;

/**
 * TanluChartBoxKind:
 *
 * What a box in the layout holds; tests check that text boxes never
 * overlap, the widget uses them for hit testing.
 */
typedef enum
{
  TANLU_CHART_BOX_TITLE,
  TANLU_CHART_BOX_SUBTITLE,
  TANLU_CHART_BOX_SOURCE,
  TANLU_CHART_BOX_AXIS_TITLE,
  TANLU_CHART_BOX_TICK_LABEL,
  TANLU_CHART_BOX_END_LABEL,
  TANLU_CHART_BOX_LEGEND_ITEM,
  TANLU_CHART_BOX_MARKER_LABEL,
  TANLU_CHART_BOX_REFERENCE_LABEL,
  TANLU_CHART_BOX_BAR_LABEL,
  TANLU_CHART_BOX_VALUE_LABEL,
  TANLU_CHART_BOX_BAND_LABEL,
} TanluChartBoxKind;

typedef struct
{
  TanluChartBoxKind kind;
  double            x;
  double            y;
  double            width;
  double            height;
  int               index;     /* series index for legend items and end labels, else -1 */
} TanluChartBox;

/**
 * TanluChartLayout:
 * @plot_x: the plot area, in the coordinates tanlu_chart_draw() drew in
 * @x_min: the data range the plot area shows (years for line and area
 *   charts; 0 to the number of categories for bars, which run top to
 *   bottom)
 * @y_min: the value range shown, in displayed units (after unit scaling or
 *   as percent)
 * @boxes: (element-type TanluChartBox): every text drawn, and legend items
 * @transposed: the x range runs down the plot area and the y range
 *   across it (bars); the mapping functions follow it
 */
typedef struct
{
  double   plot_x;
  double   plot_y;
  double   plot_width;
  double   plot_height;
  double   x_min;
  double   x_max;
  double   y_min;
  double   y_max;
  gboolean log_scale;
  GArray  *boxes;
  gboolean transposed;
} TanluChartLayout;

GQuark             tanlu_chart_error_quark          (void);

TanluChartData    *tanlu_chart_data_new             (TanluChartKind        kind);
void               tanlu_chart_data_free            (TanluChartData       *data);
TanluChartSeries  *tanlu_chart_series_new           (const char           *label,
                                                     guint                 n_points);
void               tanlu_chart_series_free          (TanluChartSeries     *series);
void               tanlu_chart_band_free            (TanluChartBand       *band);
void               tanlu_chart_data_add_marker      (TanluChartData       *data,
                                                     double                x,
                                                     double                y,
                                                     const char           *label);
void               tanlu_chart_data_add_reference   (TanluChartData       *data,
                                                     double                x,
                                                     const char           *label);
TanluChartBand    *tanlu_chart_data_add_band        (TanluChartData       *data,
                                                     const char           *label,
                                                     guint                 n_points);
gboolean           tanlu_chart_data_validate        (const TanluChartData *data,
                                                     GError              **error);

void               tanlu_chart_draw                 (cairo_t              *cr,
                                                     const TanluChartData *data,
                                                     double                width,
                                                     double                height,
                                                     TanluChartLayout     *layout);
void               tanlu_chart_layout_clear         (TanluChartLayout     *layout);
double             tanlu_chart_layout_x_to_pixel    (const TanluChartLayout *layout,
                                                     double                x);
double             tanlu_chart_layout_pixel_to_x    (const TanluChartLayout *layout,
                                                     double                pixel);
double             tanlu_chart_layout_y_to_pixel    (const TanluChartLayout *layout,
                                                     double                y);

gboolean           tanlu_chart_export               (const TanluChartData *data,
                                                     TanluPictureFormat      format,
                                                     int                   width,
                                                     int                   height,
                                                     double                scale,
                                                     const char           *path,
                                                     GError              **error);
char              *tanlu_chart_describe             (const TanluChartData *data);
void               tanlu_chart_series_color         (const TanluChartData *data,
                                                     guint                 index,
                                                     TanluChartColor      *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluChartData, tanlu_chart_data_free)

G_END_DECLS
