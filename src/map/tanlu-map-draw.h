/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/tanlu-chart.h"
#include "tanlu-basemap.h"
#include "tanlu-map-data.h"

G_BEGIN_DECLS

/* The drawing of a map's regions, names, legend and scale bar, the same
 * on screen and in exported files. */

/**
 * TanluMapStyle:
 * @palette: the colours of the classes
 * @dark: a dark page
 * @custom_colors: use @background and @foreground (the desktop's)
 * @background: the page colour, behind the legend and around names
 * @foreground: text and outlines
 * @font: (nullable): a font family, %NULL for the default sans-serif
 * @font_size: the size of region names in pixels; other text follows it
 * @language: of names, numbers and built-in words
 * @unit_scale: how masses of CO₂ are shown
 * @selected: the code of the region outlined strongly, or 0
 * @hovered: the code of the region under the pointer, or 0
 * @labels: whether region names are drawn where they fit
 */
typedef struct
{
  TanluMapPalette      palette;
  gboolean             dark;
  gboolean             custom_colors;
  TanluChartColor      background;
  TanluChartColor      foreground;
  const char          *font;
  double               font_size;
  TanluChartLanguage   language;
  TanluChartUnitScale  unit_scale;
  guint                selected;
  guint                hovered;
  gboolean             labels;
} TanluMapStyle;

void      tanlu_map_style_init         (TanluMapStyle        *style);
void      tanlu_map_draw_regions       (cairo_t              *cr,
                                        TanluMapData         *data,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style);
void      tanlu_map_draw_region_fills  (cairo_t              *cr,
                                        TanluMapData         *data,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style);
void      tanlu_map_draw_classed_regions (cairo_t            *cr,
                                        TanluMapData         *data,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style,
                                        const int            *classes,
                                        guint                 n_classes);
void      tanlu_map_draw_region_highlights (cairo_t          *cr,
                                        TanluMapData         *data,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style);
void      tanlu_map_draw_labels        (cairo_t              *cr,
                                        TanluMapData         *data,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style,
                                        const double         *avoid,
                                        guint                 n_avoid);
GStrv     tanlu_map_get_legend_ranges  (TanluMapData         *data,
                                        const TanluMapStyle  *style);
void      tanlu_map_draw_legend        (cairo_t              *cr,
                                        TanluMapData         *data,
                                        const TanluMapStyle  *style,
                                        double                x,
                                        double                y,
                                        gboolean              paint,
                                        double               *width,
                                        double               *height);
void      tanlu_map_place_legend       (TanluMapData         *data,
                                        const TanluMapView   *view,
                                        double                width,
                                        double                height,
                                        double                margin,
                                        double               *x,
                                        double               *y);
char     *tanlu_map_get_scale_bar      (const TanluMapView   *view,
                                        const TanluMapStyle  *style,
                                        double               *length);
void      tanlu_map_draw_scale_bar     (cairo_t              *cr,
                                        const TanluMapView   *view,
                                        const TanluMapStyle  *style,
                                        double                right,
                                        double                bottom);
void      tanlu_map_draw_inset         (cairo_t              *cr,
                                        const TanluBasemap   *basemap,
                                        TanluMapData         *data,
                                        const TanluMapStyle  *style,
                                        double                x,
                                        double                y,
                                        double                width,
                                        double                height);
char     *tanlu_map_describe_value     (TanluMapData         *data,
                                        const TanluMapStyle  *style,
                                        double                value);
char     *tanlu_map_get_title          (TanluMapData         *data,
                                        TanluChartLanguage    language);

/**
 * TanluMapPicture:
 * @data: the map, classified
 * @basemap: (nullable): drawn under the regions
 * @style: how it is drawn
 * @title: (nullable): the title; by default the indicator and year
 * @subtitle: (nullable): by default what regions the map shows
 * @approval_number: (nullable): the map's approval number (审图号)
 * @view: when @use_view, the part of the world shown, as on screen;
 *   otherwise the map's regions fill the picture
 * @width: the size the picture is exported at, in pixels, which
 *   tanlu_map_picture_project() measures in; 0 for 1600 × 1200
 * @height:
 *
 * A whole map picture, as exported: header, map, legend, scale bar and
 * the lines on its data, boundaries and approval. Drawing it records
 * where the map went, for tanlu_map_picture_project(), and where the
 * legend covers it. Exported maps are drawn in the Albers equal-area
 * conic of geo/tanlu-albers.h, whatever the screen's projection: basemap,
 * regions, borders, names and the scale bar alike.
 */
typedef struct
{
  TanluMapData       *data;
  const TanluBasemap *basemap;
  TanluMapStyle       style;
  const char         *title;
  const char         *subtitle;
  const char         *approval_number;
  gboolean            use_view;
  TanluMapView        view;
  double              width;
  double              height;

  /*< private >*/
  double              map_left;
  double              map_top;
  TanluMapView        map_view;
  double              legend_box[4];   /* x, y, width, height */
} TanluMapPicture;

#define TANLU_MAP_PICTURE_DEFAULT_WIDTH  1600
#define TANLU_MAP_PICTURE_DEFAULT_HEIGHT 1200

void      tanlu_map_picture_draw       (cairo_t                *cr,
                                        TanluMapPicture        *picture,
                                        double                  width,
                                        double                  height);
void      tanlu_map_picture_project    (const TanluMapPicture  *picture,
                                        double                  longitude,
                                        double                  latitude,
                                        double                 *x,
                                        double                 *y);
gboolean  tanlu_map_picture_export     (const TanluMapPicture  *picture,
                                        TanluPictureFormat        format,
                                        int                     width,
                                        int                     height,
                                        double                  scale,
                                        const char             *path,
                                        GError                **error);

G_END_DECLS
