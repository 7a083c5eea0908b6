/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Web Mercator, as slippy map tiles use it, onto the unit square: x from 0
 * (180° W) to 1 (180° E), y from 0 (85.0511° N) to 1 (85.0511° S). A map
 * at zoom level z is that square scaled to 256 × 2^z pixels. */

#define TANLU_MERCATOR_MAX_LATITUDE 85.05112878

/**
 * TanluProjection:
 * @TANLU_PROJECTION_WEB_MERCATOR: Web Mercator, as the map on screen and
 *   its tiles use it
 * @TANLU_PROJECTION_ALBERS: the Albers equal-area conic of tanlu-albers.h,
 *   as exported maps of China use it
 *
 * How longitude and latitude become world units. Either way the world
 * spans about one unit, x grows eastwards and y southwards: in Albers a
 * unit is the equator's length, and (0.5, 0.5) is where the central
 * meridian meets the latitude of origin.
 */
typedef enum
{
  TANLU_PROJECTION_WEB_MERCATOR,
  TANLU_PROJECTION_ALBERS,
} TanluProjection;

#define TANLU_N_PROJECTIONS 2

/**
 * TanluMapView:
 * @x: the world coordinate at the drawing's left edge
 * @y: the world coordinate at its top edge
 * @scale: pixels per world unit, 256 × 2^zoom
 * @width: the drawing's width in pixels
 * @height: its height
 * @projection: what world units are; Web Mercator unless set
 *
 * Which part of the world a drawing shows, and how large: shared by the
 * map on screen, its tiles and exported maps.
 */
typedef struct
{
  double x;
  double y;
  double scale;
  double width;
  double height;
  TanluProjection projection;
} TanluMapView;

void     tanlu_mercator_project         (double              longitude,
                                         double              latitude,
                                         double             *x,
                                         double             *y);
void     tanlu_mercator_unproject       (double              x,
                                         double              y,
                                         double             *longitude,
                                         double             *latitude);
double   tanlu_mercator_zoom_for_scale  (double              scale);
double   tanlu_mercator_metres_per_pixel (const TanluMapView *view,
                                         double              latitude);
void     tanlu_projection_project       (TanluProjection     projection,
                                         double              longitude,
                                         double              latitude,
                                         double             *x,
                                         double             *y);
void     tanlu_projection_unproject     (TanluProjection     projection,
                                         double              x,
                                         double              y,
                                         double             *longitude,
                                         double             *latitude);
double   tanlu_map_view_metres_per_pixel (const TanluMapView *view,
                                         double              latitude);
void     tanlu_map_view_unproject       (const TanluMapView *view,
                                         double              x,
                                         double              y,
                                         double             *longitude,
                                         double             *latitude);
void     tanlu_map_view_fit             (TanluMapView       *view,
                                         double              width,
                                         double              height,
                                         double              min_x,
                                         double              min_y,
                                         double              max_x,
                                         double              max_y,
                                         double              margin);

/* A view filled in field by field may have left @projection unset: any
 * value but Albers is taken as Web Mercator. */
static inline TanluProjection
tanlu_map_view_get_projection (const TanluMapView *view)
{
  return view->projection == TANLU_PROJECTION_ALBERS ? TANLU_PROJECTION_ALBERS
                                                     : TANLU_PROJECTION_WEB_MERCATOR;
}

static inline double
tanlu_map_view_to_pixel_x (const TanluMapView *view,
                           double              x)
{
  return (x - view->x) * view->scale;
}

static inline double
tanlu_map_view_to_pixel_y (const TanluMapView *view,
                           double              y)
{
  return (y - view->y) * view->scale;
}

G_END_DECLS
