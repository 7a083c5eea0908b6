/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tanlu-map-draw.h"
#include "tanlu-map-inset.h"
#include "charts/tanlu-chart-scale.h"
#include "charts/tanlu-picture.h"
#include "geo/tanlu-geometry.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <math.h>

/* Regions are filled one class at a time, all of a class in one path, and
 * outlined in one stroke: a frame with every prefecture city visible is a
 * dozen fills and a stroke, whatever the zoom. */

#define OUTLINE_WIDTH 0.6
#define SELECTED_WIDTH 2.5
#define HOVERED_WIDTH 1.6
#define HATCH_SPACING 5.0
#define SWATCH_SIZE 1.1   /* in lines of legend text */

static gboolean
chinese (const TanluMapStyle *style)
{
  return style->language == TANLU_CHART_LANGUAGE_CHINESE;
}

static void
set_color (cairo_t               *cr,
           const TanluChartColor *color,
           double                 alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
page_colors (const TanluMapStyle *style,
             TanluChartColor     *background,
             TanluChartColor     *foreground)
{
  if (style->custom_colors)
    {
      *background = style->background;
      *foreground = style->foreground;
    }
  else if (style->dark)
    {
      *background = (TanluChartColor) { 0.118, 0.118, 0.118, 1 };
      *foreground = (TanluChartColor) { 0.94, 0.94, 0.94, 1 };
    }
  else
    {
      *background = (TanluChartColor) { 1, 1, 1, 1 };
      *foreground = (TanluChartColor) { 0.12, 0.12, 0.12, 1 };
    }
}

/**
 * tanlu_map_style_init:
 *
 * A light map in the language of the desktop, names on.
 */
void
tanlu_map_style_init (TanluMapStyle *style)
{
  *style = (TanluMapStyle) {
    .palette = TANLU_MAP_PALETTE_SEQUENTIAL,
    .font_size = 12,
    .language = TANLU_CHART_LANGUAGE_ENGLISH,
    .unit_scale = TANLU_CHART_UNIT_SCALE_MT,
    .labels = TRUE,
  };
}

static gboolean
bounds_in_view (const double       *bounds,
                double              reach,
                const TanluMapView *view)
{
  double right = view->x + view->width / view->scale;
  double bottom = view->y + view->height / view->scale;

  return bounds[2] >= view->x - reach && bounds[0] <= right + reach &&
         bounds[3] >= view->y - reach && bounds[1] <= bottom + reach;
}

static gboolean
region_in_view (TanluMapData       *data,
                guint               index,
                const TanluMapView *view)
{
  TanluMapPlace place;

  tanlu_map_data_get_place (data, tanlu_map_view_get_projection (view), index, &place);

  return bounds_in_view (&place.min_x, 0, view);
}

/* The index of the region with @code, or -1. */
static int
find_index (TanluMapData *data,
            guint         code)
{
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    if (tanlu_region_get_code (tanlu_map_data_get_region (data, i)->region) == code)
      return (int) i;

  return -1;
}

static void
append_points (cairo_t            *cr,
               const double       *point,
               guint               n,
               const TanluMapView *view)
{
  for (guint i = 0; i < n; i++, point += 2)
    {
      double x = (point[0] - view->x) * view->scale;
      double y = (point[1] - view->y) * view->scale;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
append_region (cairo_t            *cr,
               TanluMapData       *data,
               guint               index,
               const TanluMapView *view)
{
  TanluMapShape shape;
  const double *point;

  tanlu_map_data_get_region_shape (data, tanlu_map_view_get_projection (view), index, view->scale,
                                   &shape);
  point = shape.points;

  for (guint r = 0; r < shape.n_rings; r++)
    {
      append_points (cr, point, shape.ring_lengths[r], view);
      point += 2 * shape.ring_lengths[r];
      cairo_close_path (cr);
    }
}

/* Every border in sight once: a border between two regions is one line,
 * not one for each side. */
static void
append_outlines (cairo_t            *cr,
                 TanluMapData       *data,
                 const TanluMapView *view)
{
  TanluMapOutlines outlines;
  double reach = 2 / view->scale;
  /* What is left of rings smaller than a pixel, as fills leave them out. */
  double tiny = 1 / view->scale;

  tanlu_map_data_get_outlines (data, tanlu_map_view_get_projection (view), view->scale, &outlines);
  for (guint a = 0; a < outlines.n_arcs; a++)
    {
      const double *bounds = &outlines.bounds[4 * a];
      guint first = outlines.arc_starts[a];

      if (!bounds_in_view (bounds, reach, view))
        continue;
      if (outlines.closed[a] && bounds[2] - bounds[0] < tiny && bounds[3] - bounds[1] < tiny)
        continue;
      append_points (cr, &outlines.points[2 * first], outlines.arc_starts[a + 1] - first, view);
      if (outlines.closed[a])
        cairo_close_path (cr);
    }
}

/* Fills the current path, and keeps it, as having no data: diagonal lines,
 * so that it looks neither like the lowest class nor like land without a
 * region. The lines are a repeating tile, so a frame fills the regions
 * without data once however many there are; in SVG and PDF the tile stays
 * a vector pattern. The tiles are laid from the world's origin, so that
 * the lines move with the map. */
static void
fill_hatched (cairo_t               *cr,
              const TanluMapView    *view,
              const TanluChartColor *fill,
              const TanluChartColor *lines,
              gboolean               rising)
{
  cairo_matrix_t matrix;
  cairo_rectangle_t extents = { 0, 0, HATCH_SPACING, HATCH_SPACING };
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_t *tile_cr;

  tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  tile_cr = cairo_create (tile);
  if (fill != NULL)
    {
      set_color (tile_cr, fill, 1);
      cairo_paint (tile_cr);
    }
  /* One diagonal, and the ends of its neighbours across the corners;
   * rising ones are the same mirrored. */
  if (rising)
    {
      cairo_translate (tile_cr, HATCH_SPACING, 0);
      cairo_scale (tile_cr, -1, 1);
    }
  cairo_move_to (tile_cr, -1, -1);
  cairo_line_to (tile_cr, HATCH_SPACING + 1, HATCH_SPACING + 1);
  cairo_move_to (tile_cr, -1, HATCH_SPACING - 1);
  cairo_line_to (tile_cr, 1, HATCH_SPACING + 1);
  cairo_move_to (tile_cr, HATCH_SPACING - 1, -1);
  cairo_line_to (tile_cr, HATCH_SPACING + 1, 1);
  set_color (tile_cr, lines, 1);
  cairo_set_line_width (tile_cr, fill != NULL ? 1 : 1.5);
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_translate (&matrix,
                               fmod (view->x * view->scale, HATCH_SPACING),
                               fmod (view->y * view->scale, HATCH_SPACING));
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_fill_preserve (cr);

  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (tile);
}

static void
fill_no_data (cairo_t             *cr,
              const TanluMapView  *view,
              const TanluMapStyle *style)
{
  TanluChartColor fill, lines;

  tanlu_map_palette_get_no_data_color (style->dark, &fill, &lines);
  fill_hatched (cr, view, &fill, &lines, FALSE);
}

/* Over a region's class colour, lines the other way than no data's: its
 * figure is shown, but the source gives it as incomplete. */
static void
hatch_incomplete (cairo_t             *cr,
                  const TanluMapView  *view,
                  const TanluMapStyle *style)
{
  TanluChartColor background, foreground;

  page_colors (style, &background, &foreground);
  fill_hatched (cr, view, NULL, &foreground, TRUE);
}

static void
class_color (TanluMapData        *data,
             const TanluMapStyle *style,
             int                  index,
             TanluChartColor     *color)
{
  const TanluClassification *classification = tanlu_map_data_get_classification (data);

  tanlu_map_palette_get_color (style->palette, classification->n_classes, index, style->dark,
                               color);
}

/**
 * tanlu_map_draw_classed_regions:
 * @view: which part of the world @cr shows
 * @classes: (array): the class of each of the map's regions, -1 for no
 *   data, as tanlu_map_data_dup_classes () gives them
 * @n_classes: how many classes there are
 *
 * Fills the map's regions by @classes, hatches those without a value, and
 * outlines them all. Reads only what of @data never changes, so that it
 * can draw in a worker thread while the map's year changes.
 */
void
tanlu_map_draw_classed_regions (cairo_t             *cr,
                                TanluMapData        *data,
                                const TanluMapView  *view,
                                const TanluMapStyle *style,
                                const int           *classes,
                                guint                n_classes)
{
  guint n_regions = tanlu_map_data_get_n_regions (data);
  g_autofree gboolean *visible = g_new (gboolean, n_regions);
  TanluChartColor background, foreground, fill;
  gboolean any_missing = FALSE;
  gboolean any_incomplete = FALSE;

  page_colors (style, &background, &foreground);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);

  for (guint i = 0; i < n_regions; i++)
    {
      visible[i] = region_in_view (data, i, view);
      any_missing |= visible[i] && classes[i] < 0;
      any_incomplete |= visible[i] && classes[i] >= 0 && (classes[i] & TANLU_MAP_CLASS_INCOMPLETE);
    }

  for (guint c = 0; c < n_classes; c++)
    {
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < n_regions; i++)
        if (visible[i] && TANLU_MAP_CLASS (classes[i]) == (int) c)
          {
            append_region (cr, data, i, view);
            any = TRUE;
          }

      if (any)
        {
          tanlu_map_palette_get_color (style->palette, n_classes, c, style->dark, &fill);
          set_color (cr, &fill, 1);
          cairo_fill (cr);
        }
    }

  if (any_missing)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n_regions; i++)
        if (visible[i] && classes[i] < 0)
          append_region (cr, data, i, view);
      fill_no_data (cr, view, style);
    }

  if (any_incomplete)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n_regions; i++)
        if (visible[i] && classes[i] >= 0 && (classes[i] & TANLU_MAP_CLASS_INCOMPLETE))
          append_region (cr, data, i, view);
      hatch_incomplete (cr, view, style);
    }

  /* Outlines in one stroke, a hairline at any zoom, each border once.
   * Bevelled: round joins cost a third more and look the same at this
   * width. */
  cairo_new_path (cr);
  append_outlines (cr, data, view);
  set_color (cr, &foreground, style->dark ? 0.45 : 0.5);
  cairo_set_line_width (cr, OUTLINE_WIDTH);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * tanlu_map_draw_region_fills:
 * @view: which part of the world @cr shows
 *
 * Fills the map's regions by class, hatches those without a value, and
 * outlines them all: the part of a map that changes only with its data,
 * zoom and colours, and can be kept from frame to frame.
 */
void
tanlu_map_draw_region_fills (cairo_t             *cr,
                             TanluMapData        *data,
                             const TanluMapView  *view,
                             const TanluMapStyle *style)
{
  guint n_classes;
  g_autofree int *classes = tanlu_map_data_dup_classes (data, &n_classes);

  tanlu_map_draw_classed_regions (cr, data, view, style, classes, n_classes);
}

/**
 * tanlu_map_draw_region_highlights:
 * @view: which part of the world @cr shows
 *
 * Draws the hovered region lightened and outlined, and the selected one
 * outlined strongly, over what tanlu_map_draw_region_fills () drew.
 */
void
tanlu_map_draw_region_highlights (cairo_t             *cr,
                                  TanluMapData        *data,
                                  const TanluMapView  *view,
                                  const TanluMapStyle *style)
{
  TanluChartColor background, foreground;

  page_colors (style, &background, &foreground);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (style->hovered != 0)
    {
      int index = find_index (data, style->hovered);

      if (index >= 0 && region_in_view (data, index, view))
        {
          cairo_new_path (cr);
          append_region (cr, data, index, view);
          set_color (cr, &background, 0.3);
          cairo_fill_preserve (cr);
          set_color (cr, &foreground, 0.9);
          cairo_set_line_width (cr, HOVERED_WIDTH);
          cairo_stroke (cr);
        }
    }

  if (style->selected != 0)
    {
      int index = find_index (data, style->selected);

      if (index >= 0 && region_in_view (data, index, view))
        {
          cairo_new_path (cr);
          append_region (cr, data, index, view);
          /* A light edge inside the dark one reads on every class colour. */
          set_color (cr, &background, 1);
          cairo_set_line_width (cr, SELECTED_WIDTH + 2);
          cairo_stroke_preserve (cr);
          set_color (cr, &foreground, 1);
          cairo_set_line_width (cr, SELECTED_WIDTH);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/**
 * tanlu_map_draw_regions:
 * @view: which part of the world @cr shows
 *
 * Fills the map's regions by class, hatches those without a value, and
 * outlines them all, the selected one strongly.
 */
void
tanlu_map_draw_regions (cairo_t             *cr,
                        TanluMapData        *data,
                        const TanluMapView  *view,
                        const TanluMapStyle *style)
{
  tanlu_map_draw_region_fills (cr, data, view, style);
  tanlu_map_draw_region_highlights (cr, data, view, style);
}

/* ------------------------------------------------------------------------ */
/* Text */

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  GArray               *placed;    /* double x, y, width, height */
} Text;

static void
text_init (Text                *text,
           cairo_t             *cr,
           const TanluMapStyle *style)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  text->context = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);

  text->font = pango_font_description_new ();
  pango_font_description_set_family (text->font, style->font != NULL ? style->font : "Sans");
  text->placed = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
  g_clear_pointer (&text->placed, g_array_unref);
}

static PangoLayout *
text_layout (Text       *text,
             const char *str,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (text->context);

  pango_font_description_set_absolute_size (text->font, size * PANGO_SCALE);
  pango_font_description_set_weight (text->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, text->font);
  pango_layout_set_text (layout, str, -1);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *width = logical.width;
  *height = logical.height;
}

static gboolean
text_is_free (Text   *text,
              double  x,
              double  y,
              double  width,
              double  height)
{
  for (guint i = 0; i < text->placed->len; i += 4)
    {
      const double *box = &g_array_index (text->placed, double, i);

      if (x < box[0] + box[2] && box[0] < x + width && y < box[1] + box[3] && box[1] < y + height)
        return FALSE;
    }

  return TRUE;
}

static void
show_with_halo (cairo_t               *cr,
                PangoLayout           *layout,
                double                 x,
                double                 y,
                const TanluChartColor *color,
                const TanluChartColor *halo)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, halo, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_move_to (cr, x, y);
  set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
}

static const char *
region_name (TanluRegion         *region,
             const TanluMapStyle *style)
{
  return chinese (style) ? tanlu_region_get_name_zh (region) : tanlu_region_get_name_en (region);
}

/* Where a name of @width × @height centred on its region's label point
 * can go: there, else the nearest place above or below it that is free
 * and whose centre is still inside the region. */
static gboolean
find_label_place (Text               *text,
                  TanluMapRegion     *region,
                  const TanluMapView *view,
                  double              x,
                  double             *y,
                  double              width,
                  double              height)
{
  const double shifts[] = { 0, 0.75, -0.75, 1.25, -1.25 };

  if (x < 0 || x + width > view->width)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      double top = *y + shifts[i] * height;
      double longitude, latitude;

      if (top < 0 || top + height > view->height ||
          !text_is_free (text, x - 2, top, width + 4, height))
        continue;

      if (shifts[i] != 0)
        {
          tanlu_map_view_unproject (view, x + width / 2, top + height / 2, &longitude,
                                    &latitude);
          if (!tanlu_geometry_contains (region->geometry, longitude, latitude))
            continue;
        }

      *y = top;
      return TRUE;
    }

  return FALSE;
}

/**
 * tanlu_map_draw_labels:
 * @avoid: (nullable) (array length=n_avoid): rectangles, each four
 *   numbers x, y, width, height, that names must keep out of, such as the
 *   legend and the markers on the map
 * @n_avoid: how many rectangles @avoid holds
 *
 * Names the regions whose name fits inside them at this zoom, largest
 * regions first, without any two names touching. A name that would cover
 * a marker or another name moves just above or below it while it stays
 * inside its region.
 */
void
tanlu_map_draw_labels (cairo_t             *cr,
                       TanluMapData        *data,
                       const TanluMapView  *view,
                       const TanluMapStyle *style,
                       const double        *avoid,
                       guint                n_avoid)
{
  guint n_regions = tanlu_map_data_get_n_regions (data);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree TanluMapPlace *places = NULL;
  TanluChartColor background, foreground;
  Text text;

  if (!style->labels)
    return;

  page_colors (style, &background, &foreground);
  text_init (&text, cr, style);
  if (avoid != NULL)
    g_array_append_vals (text.placed, avoid, 4 * n_avoid);

  places = g_new (TanluMapPlace, n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      tanlu_map_data_get_place (data, tanlu_map_view_get_projection (view), i, &places[i]);
      if (bounds_in_view (&places[i].min_x, 0, view))
        g_array_append_val (order, i);
    }

  /* Largest first: they have the most room and matter most. */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0; j--)
      {
        const TanluMapPlace *a = &places[g_array_index (order, guint, j - 1)];
        const TanluMapPlace *b = &places[g_array_index (order, guint, j)];

        if ((a->max_x - a->min_x) * (a->max_y - a->min_y) >=
            (b->max_x - b->min_x) * (b->max_y - b->min_y))
          break;
        g_array_index (order, guint, j - 1) ^= g_array_index (order, guint, j);
        g_array_index (order, guint, j) ^= g_array_index (order, guint, j - 1);
        g_array_index (order, guint, j - 1) ^= g_array_index (order, guint, j);
      }

  cairo_save (cr);
  for (guint k = 0; k < order->len; k++)
    {
      const TanluMapPlace *place = &places[g_array_index (order, guint, k)];
      TanluMapRegion *region = tanlu_map_data_get_region (data, g_array_index (order, guint, k));
      g_autoptr(PangoLayout) layout = NULL;
      double region_width = (place->max_x - place->min_x) * view->scale;
      double region_height = (place->max_y - place->min_y) * view->scale;
      double width, height, x, y;
      double box[4];

      /* A line of text is at least as high as its font is large: a region
       * too low for that needs no layout to be left unnamed. */
      if (style->font_size > region_height * 0.6)
        continue;

      layout = text_layout (&text, region_name (region->region, style), style->font_size, FALSE);
      layout_size (layout, &width, &height);
      if (width > region_width * 0.8 || height > region_height * 0.6)
        continue;

      x = tanlu_map_view_to_pixel_x (view, place->label_x) - width / 2;
      y = tanlu_map_view_to_pixel_y (view, place->label_y) - height / 2;
      if (!find_label_place (&text, region, view, x, &y, width, height))
        continue;

      box[0] = x - 2;
      box[1] = y;
      box[2] = width + 4;
      box[3] = height;
      g_array_append_vals (text.placed, box, 4);
      show_with_halo (cr, layout, x, y, &foreground, &background);
    }
  cairo_restore (cr);

  text_clear (&text);
}

/* ------------------------------------------------------------------------ */
/* Legend */

static double
unit_factor (TanluMapData        *data,
             const TanluMapStyle *style,
             char               **unit_label)
{
  TanluIndicator *indicator = tanlu_store_lookup_indicator (tanlu_map_data_get_store (data),
                                                            tanlu_map_data_get_indicator (data));
  const char *unit = indicator != NULL ? tanlu_indicator_get_unit (indicator) : NULL;

  {
    const char *external_unit;

    if (tanlu_map_data_get_external (data, FALSE, NULL, &external_unit, NULL))
      unit = external_unit;
  }

  /* Changes are shown in per cent, whatever the indicator's unit. */
  if (tanlu_map_data_get_change_base (data) != 0)
    {
      if (unit_label != NULL)
        *unit_label = g_strdup ("%");
      return 100;
    }

  if (tanlu_map_data_get_values_are_years (data))
    {
      if (unit_label != NULL)
        *unit_label = g_strdup ("");
      return 1;
    }

  if (unit_label != NULL)
    *unit_label = tanlu_chart_unit_label (unit, style->unit_scale, style->language);

  return tanlu_chart_unit_is_mt_co2 (unit) ? tanlu_chart_unit_scale_factor (style->unit_scale) : 1;
}

/**
 * tanlu_map_describe_value:
 *
 * Returns: (transfer full): @value with its unit, as the legend and
 *   tooltips show it
 */
char *
tanlu_map_describe_value (TanluMapData        *data,
                          const TanluMapStyle *style,
                          double               value)
{
  g_autofree char *unit = NULL;
  double factor = unit_factor (data, style, &unit);
  g_autofree char *number = NULL;

  if (isnan (value))
    {
      const char *missing = tanlu_map_data_get_missing_text (data, chinese (style));

      if (missing != NULL)
        return g_strdup (missing);
      return g_strdup (chinese (style) ? "无数据" : "no data");
    }

  /* A year, such as a peak year, reads as one. */
  if (tanlu_map_data_get_values_are_years (data))
    return g_strdup_printf ("%.0f", value);

  if (tanlu_map_data_get_change_base (data) != 0)
    {
      g_autofree char *percent = tanlu_chart_format_number (value * factor, 1, style->language);

      return g_strdup_printf ("%s%s %%", value > 0 ? "+" : "", percent);
    }

  number = tanlu_chart_format_value (value * factor, style->language);

  return unit[0] != '\0' ? g_strdup_printf ("%s %s", number, unit) : g_steal_pointer (&number);
}

/**
 * tanlu_map_get_title:
 *
 * Returns: (transfer full): the indicator and the year, as maps are
 *   titled by default
 */
char *
tanlu_map_get_title (TanluMapData       *data,
                     TanluChartLanguage  language)
{
  TanluIndicator *indicator = tanlu_store_lookup_indicator (tanlu_map_data_get_store (data),
                                                            tanlu_map_data_get_indicator (data));
  gboolean chinese = language == TANLU_CHART_LANGUAGE_CHINESE;
  const char *name = NULL;
  guint projected_from = 0;

  if (tanlu_map_data_get_external (data, chinese, &name, NULL, &projected_from))
    {
      guint year = tanlu_map_data_get_year (data);
      guint base = tanlu_map_data_get_change_base (data);
      const char *projected = projected_from != 0 && year >= projected_from
                                ? (chinese ? "（预测）" : " (projected)")
                                : "";

      if (base != 0)
        return chinese ? g_strdup_printf ("%u 年%s较 %u 年变化%s", year, name, base, projected)
                       : g_strdup_printf ("%s, change from %u to %u%s", name, base, year, projected);

      return chinese ? g_strdup_printf ("%u 年%s%s", year, name, projected)
                     : g_strdup_printf ("%s, %u%s", name, year, projected);
    }

  if (indicator == NULL)
    return g_strdup ("");

  name = chinese ? tanlu_indicator_get_name_zh (indicator) : tanlu_indicator_get_name_en (indicator);

  if (tanlu_map_data_get_change_base (data) != 0)
    return language == TANLU_CHART_LANGUAGE_CHINESE
             ? g_strdup_printf ("%u 年%s较 %u 年变化", tanlu_map_data_get_year (data), name,
                                tanlu_map_data_get_change_base (data))
             : g_strdup_printf ("%s, change from %u to %u", name,
                                tanlu_map_data_get_change_base (data),
                                tanlu_map_data_get_year (data));

  return language == TANLU_CHART_LANGUAGE_CHINESE
         ? g_strdup_printf ("%u 年%s", tanlu_map_data_get_year (data), name)
         : g_strdup_printf ("%s, %u", name, tanlu_map_data_get_year (data));
}

/* The decimals every break is printed with: enough for two significant
 * figures of the narrowest class's width, so that a break shared by two
 * classes reads the same in both. */
static int
legend_decimals (const TanluClassification *classification,
                 double                     factor)
{
  int decimals = 0;

  for (guint c = 0; c < classification->n_classes; c++)
    {
      double width = fabs (classification->breaks[c + 1] - classification->breaks[c]) * factor;

      decimals = MAX (decimals, CLAMP (1 - (int) floor (log10 (MAX (width, 1e-9))), 0, 3));
    }

  return decimals;
}

/* A class's range, at the legend's one precision. */
static char *
class_range (const TanluClassification *classification,
             guint                      index,
             double                     factor,
             int                        decimals,
             TanluChartLanguage         language)
{
  double low = classification->breaks[index] * factor;
  double high = classification->breaks[index + 1] * factor;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  from = tanlu_chart_format_number (low, decimals, language);
  to = tanlu_chart_format_number (high, decimals, language);

  return g_strdup_printf ("%s – %s", from, to);
}

/* The fewest decimals, up to 3, that show @value as it is. */
static int
exact_decimals (double value)
{
  for (int decimals = 0; decimals < 3; decimals++)
    if (fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) < 1e-9)
      return decimals;

  return 3;
}

/**
 * tanlu_map_get_legend_ranges:
 *
 * Returns: (transfer full) (nullable): each class's range as the legend
 *   prints it, every break with the same decimals; %NULL when the map is
 *   not classified
 */
GStrv
tanlu_map_get_legend_ranges (TanluMapData        *data,
                             const TanluMapStyle *style)
{
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  double factor = unit_factor (data, style, NULL);
  int decimals;
  GStrv ranges;

  if (classification == NULL)
    return NULL;

  decimals = legend_decimals (classification, factor);
  ranges = g_new0 (char *, classification->n_classes + 1);
  for (guint c = 0; c < classification->n_classes; c++)
    {
      /* Years without thousands separators, one year once. */
      if (tanlu_map_data_get_values_are_years (data))
        ranges[c] = classification->breaks[c] == classification->breaks[c + 1]
                      ? g_strdup_printf ("%.0f", classification->breaks[c])
                      : g_strdup_printf ("%.0f – %.0f", classification->breaks[c],
                                         classification->breaks[c + 1]);
      /* A class of one target, such as 20.5 %, reads as that target. */
      else if (tanlu_map_data_get_missing_text (data, FALSE) != NULL &&
               classification->breaks[c] == classification->breaks[c + 1])
        ranges[c] = tanlu_chart_format_number (classification->breaks[c] * factor,
                                               exact_decimals (classification->breaks[c] * factor),
                                               style->language);
      else
        ranges[c] = class_range (classification, c, factor, decimals, style->language);
    }

  return ranges;
}

/**
 * tanlu_map_draw_legend:
 * @x: the legend's left edge
 * @y: its top edge
 * @paint: whether to draw, or only measure
 * @width: (out) (optional): its width
 * @height: (out) (optional): its height
 *
 * The legend: title and year, unit, each class's range and the number of
 * regions in it, and "no data" when some regions have none, on a box of
 * the page colour.
 */
void
tanlu_map_draw_legend (cairo_t             *cr,
                       TanluMapData        *data,
                       const TanluMapStyle *style,
                       double               x,
                       double               y,
                       gboolean             paint,
                       double              *width,
                       double              *height)
{
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) unit_layout = NULL;
  g_autofree char *title = tanlu_map_get_title (data, style->language);
  g_autofree char *unit = NULL;
  TanluChartColor background, foreground;
  double size = style->font_size;
  double pad = size * 0.75;
  double line, swatch, title_width, title_height, unit_width = 0, unit_height = 0;
  double range_width = 0, count_width = 0, row_height = 0;
  double total_width, total_height, cursor;
  guint n_classes = classification != NULL ? classification->n_classes : 0;
  gboolean show_missing = classification == NULL || classification->n_missing > 0;
  guint n_incomplete = 0;
  g_auto(GStrv) ranges = tanlu_map_get_legend_ranges (data, style);
  guint missing_row = G_MAXUINT;
  guint incomplete_row = G_MAXUINT;
  Text text;

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);

      n_incomplete += region->incomplete && !isnan (region->value);
    }

  page_colors (style, &background, &foreground);
  unit_factor (data, style, &unit);
  text_init (&text, cr, style);

  title_layout = text_layout (&text, title, size * 1.05, TRUE);
  pango_layout_set_width (title_layout, (int) (size * 22 * PANGO_SCALE));
  pango_layout_set_wrap (title_layout, PANGO_WRAP_WORD_CHAR);
  layout_size (title_layout, &title_width, &title_height);
  if (unit[0] != '\0')
    {
      unit_layout = text_layout (&text, unit, size * 0.95, FALSE);
      layout_size (unit_layout, &unit_width, &unit_height);
    }

  for (guint c = 0; c <= n_classes + 1; c++)
    {
      g_autofree char *range = NULL;
      g_autofree char *count = NULL;
      PangoLayout *layout;
      double w, h;

      if (c == n_classes)
        {
          if (!show_missing)
            continue;
          missing_row = rows->len;
          range = g_strdup (tanlu_map_data_get_missing_text (data, chinese (style)) != NULL
                              ? tanlu_map_data_get_missing_text (data, chinese (style))
                              : chinese (style) ? "无数据" : "No data");
          count =
            g_strdup_printf ("(%u)", classification != NULL ? classification->n_missing
                                                            : tanlu_map_data_get_n_regions (data));
        }
      else if (c == n_classes + 1)
        {
          if (n_incomplete == 0)
            continue;
          incomplete_row = rows->len;
          range = g_strdup (chinese (style) ? "来源数据不完整" : "Incomplete in the source");
          count = g_strdup_printf ("(%u)", n_incomplete);
        }
      else
        {
          range = g_strdup (ranges[c]);
          count = g_strdup_printf ("(%u)", classification->counts[c]);
        }

      layout = text_layout (&text, range, size, FALSE);
      layout_size (layout, &w, &h);
      range_width = MAX (range_width, w);
      row_height = MAX (row_height, h);
      g_ptr_array_add (rows, layout);

      layout = text_layout (&text, count, size * 0.9, FALSE);
      layout_size (layout, &w, &h);
      count_width = MAX (count_width, w);
      g_ptr_array_add (counts, layout);
    }

  line = row_height * 1.25;
  swatch = row_height * SWATCH_SIZE;
  total_width = 2 * pad + MAX (MAX (title_width, unit_width),
                               swatch * 1.4 + pad * 0.6 + range_width + pad * 0.8 + count_width);
  total_height = 2 * pad + title_height + unit_height + pad * 0.4 + rows->len * line;

  if (width != NULL)
    *width = total_width;
  if (height != NULL)
    *height = total_height;

  if (!paint)
    {
      text_clear (&text);
      return;
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, total_width, total_height);
  set_color (cr, &background, 0.92);
  cairo_fill_preserve (cr);
  set_color (cr, &foreground, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cursor = y + pad;
  set_color (cr, &foreground, 1);
  cairo_move_to (cr, x + pad, cursor);
  pango_cairo_show_layout (cr, title_layout);
  cursor += title_height;
  if (unit_layout != NULL)
    {
      set_color (cr, &foreground, 0.7);
      cairo_move_to (cr, x + pad, cursor);
      pango_cairo_show_layout (cr, unit_layout);
      cursor += unit_height;
    }
  cursor += pad * 0.4;

  for (guint r = 0; r < rows->len; r++)
    {
      double swatch_y = cursor + (line - swatch) / 2;
      TanluChartColor fill;

      cairo_new_path (cr);
      cairo_rectangle (cr, x + pad, swatch_y, swatch * 1.4, swatch);
      if (r < n_classes)
        {
          class_color (data, style, r, &fill);
          set_color (cr, &fill, 1);
          cairo_fill_preserve (cr);
        }
      else if (r == missing_row)
        {
          TanluMapView swatch_view = { 0, 0, 1, swatch * 1.4, swatch };

          fill_no_data (cr, &swatch_view, style);
        }
      else if (r == incomplete_row)
        {
          TanluMapView swatch_view = { 0, 0, 1, swatch * 1.4, swatch };

          set_color (cr, &background, 1);
          cairo_fill_preserve (cr);
          hatch_incomplete (cr, &swatch_view, style);
        }
      set_color (cr, &foreground, 0.4);
      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);

      set_color (cr, &foreground, 1);
      cairo_move_to (cr, x + pad + swatch * 1.4 + pad * 0.6, cursor + (line - row_height) / 2);
      pango_cairo_show_layout (cr, g_ptr_array_index (rows, r));
      set_color (cr, &foreground, 0.65);
      cairo_move_to (cr, x + total_width - pad - count_width, cursor + (line - row_height) / 2);
      pango_cairo_show_layout (cr, g_ptr_array_index (counts, r));

      cursor += line;
    }
  cairo_restore (cr);

  text_clear (&text);
}

/* ------------------------------------------------------------------------ */
/* Scale bar */

/**
 * tanlu_map_get_scale_bar:
 * @length: (out): the bar's length in pixels
 *
 * A bar of a round number of kilometres (down to 0.01 km), about nine
 * times the style's font size long at most, measured along the parallel
 * through the view's middle in the view's projection: in Albers, true on
 * the standard parallels and within 2 % between them.
 *
 * Returns: (transfer full) (nullable): the bar's label, in kilometres in
 *   either language, as Chinese maps have it; %NULL if no bar fits
 */
char *
tanlu_map_get_scale_bar (const TanluMapView  *view,
                         const TanluMapStyle *style,
                         double              *length)
{
  static const double steps[] = { 1, 2, 5 };
  double longitude, latitude, metres_per_pixel, best = 0;
  double target = style->font_size * 9;

  tanlu_map_view_unproject (view, view->width / 2, view->height / 2, &longitude, &latitude);
  metres_per_pixel = tanlu_map_view_metres_per_pixel (view, latitude);

  for (int exponent = 1; exponent <= 7; exponent++)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        double metres = steps[s] * pow (10, exponent);

        if (metres / metres_per_pixel <= target)
          best = metres;
      }
  if (best == 0)
    return NULL;

  *length = best / metres_per_pixel;

  return g_strdup_printf ("%g km", best / 1000);
}

/**
 * tanlu_map_draw_scale_bar:
 * @right: the bar's right end
 * @bottom: the bottom of its label
 *
 * Draws the bar tanlu_map_get_scale_bar () gives.
 */
void
tanlu_map_draw_scale_bar (cairo_t             *cr,
                          const TanluMapView  *view,
                          const TanluMapStyle *style,
                          double               right,
                          double               bottom)
{
  TanluChartColor background, foreground;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = NULL;
  double bar, label_width, label_height;
  Text text;

  if (!(label = tanlu_map_get_scale_bar (view, style, &bar)))
    return;

  page_colors (style, &background, &foreground);
  text_init (&text, cr, style);
  layout = text_layout (&text, label, style->font_size * 0.9, FALSE);
  layout_size (layout, &label_width, &label_height);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, right - bar, bottom - label_height - 6);
  cairo_rel_line_to (cr, 0, 4);
  cairo_rel_line_to (cr, bar, 0);
  cairo_rel_line_to (cr, 0, -4);
  set_color (cr, &background, 0.9);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  set_color (cr, &foreground, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  show_with_halo (cr, layout, right - bar / 2 - label_width / 2, bottom - label_height, &foreground,
                  &background);
  cairo_restore (cr);

  text_clear (&text);
}

/* ------------------------------------------------------------------------ */
/* Whole pictures */

static char *
default_subtitle (TanluMapData       *data,
                  TanluChartLanguage  language)
{
  gboolean zh = language == TANLU_CHART_LANGUAGE_CHINESE;
  TanluRegion *parent;

  if (tanlu_map_data_get_level (data) == TANLU_REGION_LEVEL_PROVINCE)
    return g_strdup (zh ? "中国各省级行政区" : "Provinces of China");

  parent = tanlu_store_lookup_region (tanlu_map_data_get_store (data),
                                      tanlu_map_data_get_parent_code (data));
  if (parent == NULL)
    return g_strdup (zh ? "中国各地级市" : "Prefecture-level cities of China");

  return zh ? g_strdup_printf ("%s各地级市", tanlu_region_get_name_zh (parent))
            : g_strdup_printf ("Prefecture-level cities of %s", tanlu_region_get_name_en (parent));
}

/**
 * tanlu_map_place_legend:
 * @width: the legend's size
 * @margin: kept between the legend and the view's edges
 * @x: (out): where the legend goes
 * @y: (out):
 *
 * Finds the corner of @view where a legend covers the least of the map's
 * regions. On a map of the whole country the lower right corner is the
 * South China Sea Islands inset's.
 */
void
tanlu_map_place_legend (TanluMapData       *data,
                        const TanluMapView *view,
                        double              width,
                        double              height,
                        double              margin,
                        double             *x,
                        double             *y)
{
  double corners[4][2] = {
    { margin, view->height - height - margin },
    { view->width - width - margin, view->height - height - margin },
    { view->width - width - margin, margin },
    { margin, margin },
  };
  double least = G_MAXDOUBLE;

  for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
    {
      double covered = 0;

      if (c == 1 && tanlu_map_inset_is_wanted (view))
        continue;

      for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
        {
          TanluMapPlace place;
          double left, right, top, bottom;

          tanlu_map_data_get_place (data, tanlu_map_view_get_projection (view), i, &place);
          left = MAX (tanlu_map_view_to_pixel_x (view, place.min_x), corners[c][0]);
          right = MIN (tanlu_map_view_to_pixel_x (view, place.max_x), corners[c][0] + width);
          top = MAX (tanlu_map_view_to_pixel_y (view, place.min_y), corners[c][1]);
          bottom = MIN (tanlu_map_view_to_pixel_y (view, place.max_y), corners[c][1] + height);

          /* Hiding most of a small region, an island, costs far more
           * than an edge of a large one. */
          if (right > left && bottom > top)
            {
              double area = (right - left) * (bottom - top);
              double whole = (place.max_x - place.min_x) * (place.max_y - place.min_y) *
                             view->scale * view->scale;

              covered += area * (1 + 20 * area / MAX (whole, 1));
            }
        }

      if (covered < least)
        {
          least = covered;
          *x = corners[c][0];
          *y = corners[c][1];
        }
    }
}

static double
paint_paragraph (cairo_t               *cr,
                 Text                  *text,
                 const char            *str,
                 double                 size,
                 gboolean               bold,
                 double                 x,
                 double                 y,
                 double                 width,
                 const TanluChartColor *color,
                 double                 alpha,
                 gboolean               paint)
{
  g_autoptr(PangoLayout) layout = text_layout (text, str, size, bold);
  double w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  layout_size (layout, &w, &h);

  if (paint)
    {
      set_color (cr, color, alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return h;
}

/* The lines under the map; returns their height. */
static double
footer (cairo_t               *cr,
        Text                  *text,
        const TanluMapPicture *picture,
        double                 base,
        double                 x,
        double                 y,
        double                 width,
        const TanluChartColor *color,
        gboolean               paint)
{
  gboolean zh = chinese (&picture->style);
  g_autofree char *source = tanlu_map_data_get_source_text (picture->data, zh);
  g_autofree char *boundaries = tanlu_map_data_get_boundary_text (picture->data, zh);
  g_autofree char *data_line = NULL;
  g_autofree char *approval = NULL;
  double size = base * 0.78;
  double height = 0;

  data_line = source[0] != '\0'
                ? g_strdup_printf (zh ? "数据年份：%u。来源：%s" : "Data for %u. Source: %s",
                                   tanlu_map_data_get_year (picture->data), source)
                : g_strdup_printf (zh ? "数据年份：%u。无数据" : "Data for %u. No figures",
                                   tanlu_map_data_get_year (picture->data));

  if (picture->approval_number != NULL && picture->approval_number[0] != '\0')
    approval = g_strdup_printf (zh ? "审图号：%s" : "Map approval number (审图号): %s",
                                picture->approval_number);
  else
    approval = g_strdup (
      zh ? "审图号：无。本图边界为示意，未经审核，不宜公开出版"
         : "No map approval number (审图号): the boundaries are not approved for publication");

  if (picture->basemap != NULL)
    {
      TanluSource *natural_earth =
        tanlu_store_lookup_source (tanlu_map_data_get_store (picture->data), "natural-earth");
      g_autofree char *with_basemap = NULL;

      with_basemap =
        g_strdup_printf (zh ? "%s。底图：%s" : "%s. Basemap: %s", boundaries,
                         natural_earth != NULL ? (zh ? tanlu_source_get_title_zh (natural_earth)
                                                     : tanlu_source_get_title_en (natural_earth))
                                               : "Natural Earth");
      g_free (boundaries);
      boundaries = g_steal_pointer (&with_basemap);
    }

  height +=
    paint_paragraph (cr, text, data_line, size, FALSE, x, y + height, width, color, 0.75, paint);
  height +=
    paint_paragraph (cr, text, boundaries, size, FALSE, x, y + height, width, color, 0.75, paint);
  height +=
    paint_paragraph (cr, text, approval, size, FALSE, x, y + height, width, color, 0.75, paint);

  return height;
}

typedef struct
{
  TanluMapData        *data;
  const TanluMapStyle *style;
} InsetRegions;

static void
draw_inset_regions_cb (cairo_t            *cr,
                       const TanluMapView *view,
                       gpointer            user_data)
{
  InsetRegions *regions = user_data;

  tanlu_map_draw_region_fills (cr, regions->data, view, regions->style);
}

/**
 * tanlu_map_draw_inset:
 * @basemap: (nullable): with the islands and the dashed line
 * @data: (nullable): the map's regions, drawn in the inset as on the map
 * @x: the inset's frame, sized with tanlu_map_inset_get_size()
 *
 * Draws the South China Sea Islands inset of a map of the whole country,
 * in the map's style.
 */
void
tanlu_map_draw_inset (cairo_t             *cr,
                      const TanluBasemap  *basemap,
                      TanluMapData        *data,
                      const TanluMapStyle *style,
                      double               x,
                      double               y,
                      double               width,
                      double               height)
{
  InsetRegions regions = { data, style };
  TanluMapInsetStyle inset = {
    .dark = style->dark,
    .font = style->font,
    .font_size = style->font_size,
    .language = style->language,
  };

  page_colors (style, &inset.background, &inset.foreground);
  tanlu_map_inset_draw (cr, basemap, &inset, data != NULL ? draw_inset_regions_cb : NULL, &regions,
                        x, y, width, height);
}

/* Where the parts of a picture go. */
typedef struct
{
  double       base;
  double       pad;
  double       top;
  double       bottom;
  TanluMapView view;
} Layout;

/* The Albers bounds of what @view shows, from points along its edges. */
static void
albers_bounds_of_view (const TanluMapView *view,
                       double              bounds[4])
{
  const guint steps = 16;

  bounds[0] = bounds[1] = G_MAXDOUBLE;
  bounds[2] = bounds[3] = -G_MAXDOUBLE;
  for (guint i = 0; i <= steps; i++)
    for (guint edge = 0; edge < 4; edge++)
      {
        double t = (double) i / steps;
        double px = edge < 2 ? t * view->width : (edge == 2 ? 0 : view->width);
        double py = edge < 2 ? (edge == 0 ? 0 : view->height) : t * view->height;
        double longitude, latitude, x, y;

        tanlu_map_view_unproject (view, px, py, &longitude, &latitude);
        tanlu_projection_project (TANLU_PROJECTION_ALBERS, longitude, latitude, &x, &y);
        bounds[0] = MIN (bounds[0], x);
        bounds[1] = MIN (bounds[1], y);
        bounds[2] = MAX (bounds[2], x);
        bounds[3] = MAX (bounds[3], y);
      }
}

/* Measures the header and footer, and fits the map between them. Every
 * exported map is drawn in Albers, the regions fitted to the picture or,
 * for a view of the screen, what it showed. */
static void
layout_picture (const TanluMapPicture *picture,
                Text                  *text,
                double                 width,
                double                 height,
                Layout                *layout)
{
  TanluMapStyle style = picture->style;
  TanluChartColor background, foreground;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double bounds[4];
  double margin;

  layout->base = CLAMP (sqrt (width * height) / 52, 10, 30);
  layout->pad = layout->base;
  style.font_size = layout->base * 0.8;
  page_colors (&style, &background, &foreground);

  title = picture->title != NULL ? g_strdup (picture->title)
                                 : tanlu_map_get_title (picture->data, style.language);
  subtitle = picture->subtitle != NULL ? g_strdup (picture->subtitle)
                                       : default_subtitle (picture->data, style.language);

  layout->top = layout->pad;
  layout->top += paint_paragraph (NULL, text, title, layout->base * 1.4, TRUE, layout->pad,
                                  layout->top, width - 2 * layout->pad, &foreground, 1, FALSE);
  layout->top += paint_paragraph (NULL, text, subtitle, layout->base, FALSE, layout->pad,
                                  layout->top, width - 2 * layout->pad, &foreground, 0.7, FALSE);
  layout->top += layout->pad * 0.6;
  layout->bottom = height - layout->pad -
                   footer (NULL, text, picture, layout->base, layout->pad, 0,
                           width - 2 * layout->pad, &foreground, FALSE);

  if (picture->use_view)
    {
      /* The world the screen showed, fitted to the picture's map area. */
      albers_bounds_of_view (&picture->view, bounds);
      margin = 0;
    }
  else
    {
      tanlu_map_data_get_projected_bounds (picture->data, TANLU_PROJECTION_ALBERS, &bounds[0],
                                           &bounds[1], &bounds[2], &bounds[3]);
      margin = layout->pad * 0.5;
    }

  tanlu_map_view_fit (&layout->view, width - 2 * layout->pad, layout->bottom - layout->top,
                      bounds[0], bounds[1], bounds[2], bounds[3], margin);
  layout->view.projection = TANLU_PROJECTION_ALBERS;
}

/**
 * tanlu_map_picture_draw:
 *
 * Draws the whole picture into (0, 0, @width, @height), and keeps in
 * @picture where its map went.
 */
void
tanlu_map_picture_draw (cairo_t         *cr,
                        TanluMapPicture *picture,
                        double           width,
                        double           height)
{
  TanluMapStyle style = picture->style;
  TanluChartColor background, foreground;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double base, pad, top, bottom, legend_width, legend_height;
  TanluMapView view;
  Layout layout;
  Text text;

  g_return_if_fail (picture->data != NULL);

  text_init (&text, cr, &style);
  layout_picture (picture, &text, width, height, &layout);
  base = layout.base;
  pad = layout.pad;
  top = layout.top;
  bottom = layout.bottom;
  view = layout.view;

  style.font_size = base * 0.8;
  page_colors (&style, &background, &foreground);

  cairo_save (cr);
  set_color (cr, &background, 1);
  cairo_paint (cr);

  title = picture->title != NULL ? g_strdup (picture->title)
                                 : tanlu_map_get_title (picture->data, style.language);
  subtitle = picture->subtitle != NULL ? g_strdup (picture->subtitle)
                                       : default_subtitle (picture->data, style.language);

  {
    double y = pad;

    y += paint_paragraph (cr, &text, title, base * 1.4, TRUE, pad, y, width - 2 * pad,
                          &foreground, 1, TRUE);
    paint_paragraph (cr, &text, subtitle, base, FALSE, pad, y, width - 2 * pad, &foreground, 0.7,
                     TRUE);
  }
  footer (cr, &text, picture, base, pad, bottom + pad * 0.4, width - 2 * pad, &foreground, TRUE);

  picture->map_left = pad;
  picture->map_top = top;
  picture->map_view = view;

  cairo_save (cr);
  cairo_translate (cr, pad, top);
  cairo_rectangle (cr, 0, 0, view.width, view.height);
  cairo_clip (cr);
  if (picture->basemap != NULL)
    tanlu_basemap_draw (picture->basemap, cr, &view, style.dark);
  tanlu_map_draw_regions (cr, picture->data, &view, &style);

  tanlu_map_draw_legend (cr, picture->data, &style, 0, 0, FALSE, &legend_width, &legend_height);
  {
    double legend_x, legend_y;
    double boxes[8];
    gboolean inset = tanlu_map_inset_is_wanted (&view);

    tanlu_map_place_legend (picture->data, &view, legend_width, legend_height, pad * 0.5, &legend_x,
                            &legend_y);
    boxes[0] = legend_x;
    boxes[1] = legend_y;
    boxes[2] = legend_width;
    boxes[3] = legend_height;
    /* A map of the whole country has the South China Sea Islands in the
     * lower right corner, which the legend leaves free. */
    if (inset)
      {
        tanlu_map_inset_get_size (view.width, view.height, style.font_size, &boxes[6], &boxes[7]);
        boxes[4] = view.width - pad * 0.5 - boxes[6];
        boxes[5] = view.height - pad * 0.5 - boxes[7];
      }
    picture->legend_box[0] = pad + legend_x;
    picture->legend_box[1] = top + legend_y;
    picture->legend_box[2] = legend_width;
    picture->legend_box[3] = legend_height;
    tanlu_map_draw_labels (cr, picture->data, &view, &style, boxes, inset ? 2 : 1);
    tanlu_map_draw_legend (cr, picture->data, &style, legend_x, legend_y, TRUE, NULL, NULL);
    if (inset)
      tanlu_map_draw_inset (cr, picture->basemap, picture->data, &style, boxes[4], boxes[5],
                            boxes[6], boxes[7]);
    /* The scale bar goes above the inset, or in a bottom corner the
     * legend left free. */
    if (inset)
      tanlu_map_draw_scale_bar (cr, &view, &style, view.width - pad * 0.5, boxes[5] - pad * 0.5);
    else if (legend_x > view.width / 2 && legend_y > view.height / 2)
      tanlu_map_draw_scale_bar (cr, &view, &style, pad * 0.5 + style.font_size * 10,
                                view.height - pad * 0.5);
    else
      tanlu_map_draw_scale_bar (cr, &view, &style, view.width - pad * 0.5, view.height - pad * 0.5);
  }
  cairo_restore (cr);

  cairo_new_path (cr);
  cairo_rectangle (cr, pad + 0.5, top + 0.5, view.width - 1, view.height - 1);
  set_color (cr, &foreground, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  text_clear (&text);
}

/**
 * tanlu_map_picture_project:
 * @longitude: degrees east
 * @latitude: degrees north
 * @x: (out): the pixel of the exported picture the point is drawn at
 * @y: (out):
 *
 * Where tanlu_map_picture_export () and tanlu_map_picture_draw () draw a
 * point, in the projection the picture is drawn in: in the units
 * tanlu_map_picture_draw () was last given, once it has drawn @picture;
 * before, in the picture's pixels at its size, @picture->width ×
 * @picture->height (or 1600 × 1200 where they are 0). The point may lie
 * outside the map's frame.
 */
void
tanlu_map_picture_project (const TanluMapPicture *picture,
                           double                 longitude,
                           double                 latitude,
                           double                *x,
                           double                *y)
{
  double width = picture->width > 0 ? picture->width : TANLU_MAP_PICTURE_DEFAULT_WIDTH;
  double height = picture->height > 0 ? picture->height : TANLU_MAP_PICTURE_DEFAULT_HEIGHT;
  cairo_surface_t *surface;
  double world_x, world_y;
  Layout layout;
  cairo_t *cr;
  Text text;

  g_return_if_fail (picture->data != NULL);

  /* Drawn: where the map went then */
  if (picture->map_view.scale > 0)
    {
      tanlu_projection_project (picture->map_view.projection, longitude, latitude, &world_x,
                                &world_y);
      *x = picture->map_left + tanlu_map_view_to_pixel_x (&picture->map_view, world_x);
      *y = picture->map_top + tanlu_map_view_to_pixel_y (&picture->map_view, world_y);
      return;
    }

  /* Text is measured as the PNG export measures it. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  text_init (&text, cr, &picture->style);
  layout_picture (picture, &text, width, height, &layout);
  text_clear (&text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  tanlu_projection_project (layout.view.projection, longitude, latitude, &world_x, &world_y);
  *x = layout.pad + tanlu_map_view_to_pixel_x (&layout.view, world_x);
  *y = layout.top + tanlu_map_view_to_pixel_y (&layout.view, world_y);
}

static void
draw_picture_cb (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  tanlu_map_picture_draw (cr, user_data, width, height);
}

/**
 * tanlu_map_picture_export:
 *
 * Writes the picture to a PNG, SVG or PDF file.
 *
 * Returns: %TRUE on success; on failure the file is removed and @error
 *   names it
 */
gboolean
tanlu_map_picture_export (const TanluMapPicture  *picture,
                          TanluPictureFormat        format,
                          int                     width,
                          int                     height,
                          double                  scale,
                          const char             *path,
                          GError                **error)
{
  gboolean zh = chinese (&picture->style);
  g_autofree char *title = picture->title != NULL
                             ? g_strdup (picture->title)
                             : tanlu_map_get_title (picture->data, picture->style.language);
  g_autofree char *source = tanlu_map_data_get_source_text (picture->data, zh);
  g_autofree char *date = g_strdup_printf ("%u", tanlu_map_data_get_year (picture->data));
  TanluPictureInfo info = { title, source, date, TRUE };
  TanluMapPicture drawn = *picture;

  return tanlu_picture_export (format, width, height, scale, &info, draw_picture_cb, &drawn, path,
                               error);
}
