/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map-inset"

#include "config.h"

#include "tanlu-map-inset.h"

#include <math.h>
#include <pango/pangocairo.h>

/* A map of the whole of China shows the South China Sea Islands and the
 * dashed line (data/basemap/south-china-sea.geojson) in a framed inset at
 * its lower right, at their own scale: Web Mercator, as the main map,
 * fitted to INSET_WEST–INSET_EAST, INSET_SOUTH–INSET_NORTH. The land
 * around the sea is the basemap's, the islands and dashes are filled in a
 * dark neutral colour, and the map's regions (China's provinces or
 * cities) are drawn over them as on the map itself. */

#define INSET_WEST  106.0
#define INSET_SOUTH 2.5
#define INSET_EAST  124.0
#define INSET_NORTH 25.0

/* What a view must show to be of the whole country: China but for the
 * South China Sea, less a little at each edge. */
#define COUNTRY_WEST  80.0
#define COUNTRY_SOUTH 20.0
#define COUNTRY_EAST  128.0
#define COUNTRY_NORTH 50.0

/* Views of more than a third of the world's longitudes show China too
 * small to want an inset. */
#define MAX_VIEW_SPAN (1.0 / 3)

/* Of the map's width, and at most of its height. */
#define INSET_WIDTH       0.18
#define INSET_MAX_HEIGHT  0.55

/* The caption's line, in the map's font size. */
#define CAPTION_SIZE  0.95
#define CAPTION_LINE  1.9

#define FRAME_WIDTH 1.2

/* ------------------------------------------------------------------------ */

static void
set_color (cairo_t               *cr,
           const TanluChartColor *color,
           double                 alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The islands and dashes stand out dark against the sea and land. */
static void
islands_color (const TanluMapInsetStyle *style,
               TanluChartColor          *color)
{
  *color = style->foreground;
  color->red = 0.35 * style->foreground.red + 0.65 * (style->dark ? 0.5 : 0.3);
  color->green = 0.35 * style->foreground.green + 0.65 * (style->dark ? 0.5 : 0.3);
  color->blue = 0.35 * style->foreground.blue + 0.65 * (style->dark ? 0.5 : 0.3);
}

/* The inset's box in world units, and its height for each unit of width. */
static double
inset_box (double *min_x,
           double *min_y,
           double *max_x,
           double *max_y)
{
  tanlu_mercator_project (INSET_WEST, INSET_NORTH, min_x, min_y);
  tanlu_mercator_project (INSET_EAST, INSET_SOUTH, max_x, max_y);

  return (*max_y - *min_y) / (*max_x - *min_x);
}

static double
caption_height (double font_size)
{
  return ceil (font_size * CAPTION_LINE);
}

static void
draw_caption (cairo_t                  *cr,
              const TanluMapInsetStyle *style,
              double                    x,
              double                    y,
              double                    width,
              double                    height)
{
  const char *caption = style->language == TANLU_CHART_LANGUAGE_CHINESE
                          ? "南海诸岛" : "South China Sea Islands";
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  double size = style->font_size * CAPTION_SIZE;
  PangoRectangle logical;

  pango_font_description_set_family (font, style->font != NULL ? style->font : "Sans");
  pango_layout_set_text (layout, caption, -1);

  /* Smaller rather than cut where the inset is narrow. */
  for (guint i = 0; i < 8; i++)
    {
      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (logical.width <= width - size)
        break;
      size *= 0.9;
    }
  pango_font_description_free (font);

  cairo_move_to (cr, x + (width - logical.width) / 2 - logical.x,
                 y + (height - logical.height) / 2 - logical.y);
  set_color (cr, &style->foreground, 1);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_map_inset_is_wanted:
 * @view: the map's view
 *
 * Returns: whether @view shows the whole country, and so wants the
 *   South China Sea Islands inset
 */
gboolean
tanlu_map_inset_is_wanted (const TanluMapView *view)
{
  TanluProjection projection;
  double west_longitude, east_longitude, latitude;

  g_return_val_if_fail (view != NULL, FALSE);

  if (view->scale <= 0 || view->width <= 0 || view->height <= 0)
    return FALSE;
  projection = tanlu_map_view_get_projection (view);

  /* Not a map of the world: its left and right edges less than a third of
   * the way round apart */
  tanlu_map_view_unproject (view, 0, view->height / 2, &west_longitude, &latitude);
  tanlu_map_view_unproject (view, view->width, view->height / 2, &east_longitude, &latitude);
  if (!(east_longitude > west_longitude) || east_longitude - west_longitude > 360 * MAX_VIEW_SPAN)
    return FALSE;

  /* The country's box inside it, its edges followed as the projection
   * bends them */
  for (guint i = 0; i <= 8; i++)
    {
      double t = i / 8.0;
      double points[4][2] = {
        { COUNTRY_WEST + t * (COUNTRY_EAST - COUNTRY_WEST), COUNTRY_NORTH },
        { COUNTRY_WEST + t * (COUNTRY_EAST - COUNTRY_WEST), COUNTRY_SOUTH },
        { COUNTRY_WEST, COUNTRY_SOUTH + t * (COUNTRY_NORTH - COUNTRY_SOUTH) },
        { COUNTRY_EAST, COUNTRY_SOUTH + t * (COUNTRY_NORTH - COUNTRY_SOUTH) },
      };

      for (guint k = 0; k < G_N_ELEMENTS (points); k++)
        {
          double x, y, px, py;

          tanlu_projection_project (projection, points[k][0], points[k][1], &x, &y);
          px = tanlu_map_view_to_pixel_x (view, x);
          py = tanlu_map_view_to_pixel_y (view, y);
          if (px < 0 || py < 0 || px > view->width || py > view->height)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * tanlu_map_inset_get_size:
 * @map_width: the size of the map the inset goes on
 * @font_size: the map's font size, for the caption
 * @width: (out): the inset's size, frame and caption included
 * @height: (out):
 *
 * The inset is about a fifth of the map's width, and at most a little
 * over half its height.
 */
void
tanlu_map_inset_get_size (double  map_width,
                          double  map_height,
                          double  font_size,
                          double *width,
                          double *height)
{
  double min_x, min_y, max_x, max_y;
  double aspect = inset_box (&min_x, &min_y, &max_x, &max_y);
  double caption = caption_height (font_size);

  *width = round (map_width * INSET_WIDTH);
  *height = round (*width * aspect + caption);
  if (*height > map_height * INSET_MAX_HEIGHT)
    {
      *height = round (map_height * INSET_MAX_HEIGHT);
      *width = round (MAX (*height - caption, 1) / aspect);
    }
}

/**
 * tanlu_map_inset_draw:
 * @basemap: (nullable): the basemap, with the islands and the dashed line
 * @style: the map's colours, font and language
 * @func: (nullable) (scope call): draws the map's regions into the inset
 * @x: the inset's frame, in user space
 *
 * Draws the South China Sea Islands inset into (@x, @y, @width, @height):
 * a light sea, the land around it, the islands and the dashed line, what
 * @func draws over them, a frame, and the caption 南海诸岛 (“South China
 * Sea Islands” in English pictures) along its bottom edge.
 */
void
tanlu_map_inset_draw (cairo_t                  *cr,
                      const TanluBasemap       *basemap,
                      const TanluMapInsetStyle *style,
                      TanluMapInsetFunc         func,
                      gpointer                  user_data,
                      double                    x,
                      double                    y,
                      double                    width,
                      double                    height)
{
  const TanluBasemapColors *colors;
  TanluChartColor islands;
  double min_x, min_y, max_x, max_y;
  double caption;
  TanluMapView view;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  colors = tanlu_basemap_get_colors (style->dark);
  islands_color (style, &islands);
  caption = MIN (caption_height (style->font_size), height / 3);
  inset_box (&min_x, &min_y, &max_x, &max_y);
  tanlu_map_view_fit (&view, width, height - caption, min_x, min_y, max_x, max_y, 0);

  cairo_save (cr);
  cairo_translate (cr, x, y);

  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  set_color (cr, &style->background, 1);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height - caption);
  cairo_clip (cr);
  set_color (cr, &colors->sea, 1);
  cairo_paint (cr);
  if (basemap != NULL)
    tanlu_basemap_draw (basemap, cr, &view, style->dark);
  /* Hainan is among the islands; drawn after them, it has its
   * province's colour as on the map. */
  if (basemap != NULL)
    tanlu_basemap_fill_south_china_sea (basemap, cr, &view, &islands);
  if (func != NULL)
    func (cr, &view, user_data);
  cairo_restore (cr);

  cairo_new_path (cr);
  cairo_move_to (cr, 0, height - caption);
  cairo_line_to (cr, width, height - caption);
  set_color (cr, &style->foreground, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);

  draw_caption (cr, style, 0, height - caption, width, caption);

  cairo_rectangle (cr, FRAME_WIDTH / 2, FRAME_WIDTH / 2, width - FRAME_WIDTH, height - FRAME_WIDTH);
  set_color (cr, &style->foreground, 0.75);
  cairo_set_line_width (cr, FRAME_WIDTH);
  cairo_stroke (cr);

  cairo_restore (cr);
}
