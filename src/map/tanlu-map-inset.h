/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/tanlu-chart.h"
#include "geo/tanlu-projection.h"
#include "tanlu-basemap.h"

G_BEGIN_DECLS

/* The 南海诸岛 (South China Sea Islands) inset of maps of the whole
 * country, the same on screen and in exported files. Maps draw it with
 * tanlu_map_draw_inset(), which adds their regions. */

/**
 * TanluMapInsetStyle:
 * @dark: a dark page
 * @background: the page colour, behind the caption
 * @foreground: the frame and the caption
 * @font: (nullable): a font family, %NULL for the default sans-serif
 * @font_size: the map's font size in pixels
 * @language: of the caption
 */
typedef struct
{
  gboolean            dark;
  TanluChartColor     background;
  TanluChartColor     foreground;
  const char         *font;
  double              font_size;
  TanluChartLanguage  language;
} TanluMapInsetStyle;

/**
 * TanluMapInsetFunc:
 * @cr: clipped to the inset's map
 * @view: the inset's view of the world
 *
 * Draws what a map shows over the basemap, such as its regions, into the
 * inset.
 */
typedef void (*TanluMapInsetFunc) (cairo_t            *cr,
                                   const TanluMapView *view,
                                   gpointer            user_data);

gboolean  tanlu_map_inset_is_wanted  (const TanluMapView        *view);
void      tanlu_map_inset_get_size   (double                     map_width,
                                      double                     map_height,
                                      double                     font_size,
                                      double                    *width,
                                      double                    *height);
void      tanlu_map_inset_draw       (cairo_t                   *cr,
                                      const TanluBasemap        *basemap,
                                      const TanluMapInsetStyle  *style,
                                      TanluMapInsetFunc          func,
                                      gpointer                   user_data,
                                      double                     x,
                                      double                     y,
                                      double                     width,
                                      double                     height);

G_END_DECLS
