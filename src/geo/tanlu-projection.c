/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include "tanlu-projection.h"
#include "tanlu-albers.h"

#include <math.h>

#define EARTH_CIRCUMFERENCE 40075016.686
/* Metres of Albers to a world unit: the length of the equator. */
#define ALBERS_UNIT (2 * G_PI * TANLU_ALBERS_RADIUS)

/**
 * tanlu_mercator_project:
 * @longitude: degrees east
 * @latitude: degrees north; clamped to what Web Mercator shows
 * @x: (out): from 0 to 1, west to east
 * @y: (out): from 0 to 1, north to south
 */
void
tanlu_mercator_project (double  longitude,
                        double  latitude,
                        double *x,
                        double *y)
{
  double phi =
    CLAMP (latitude, -TANLU_MERCATOR_MAX_LATITUDE, TANLU_MERCATOR_MAX_LATITUDE) * G_PI / 180;

  *x = (longitude + 180) / 360;
  *y = (1 - log (tan (phi) + 1 / cos (phi)) / G_PI) / 2;
}

/**
 * tanlu_mercator_unproject:
 *
 * The inverse of tanlu_mercator_project().
 */
void
tanlu_mercator_unproject (double  x,
                          double  y,
                          double *longitude,
                          double *latitude)
{
  *longitude = x * 360 - 180;
  *latitude = atan (sinh (G_PI * (1 - 2 * y))) * 180 / G_PI;
}

/**
 * tanlu_mercator_zoom_for_scale:
 *
 * Returns: the slippy-map zoom level at which the world is @scale pixels
 *   wide
 */
double
tanlu_mercator_zoom_for_scale (double scale)
{
  return log2 (scale / 256);
}

/**
 * tanlu_mercator_metres_per_pixel:
 *
 * Returns: how many metres on the ground one pixel spans at @latitude
 */
double
tanlu_mercator_metres_per_pixel (const TanluMapView *view,
                                 double              latitude)
{
  return EARTH_CIRCUMFERENCE * cos (latitude * G_PI / 180) / view->scale;
}

/**
 * tanlu_projection_project:
 * @x: (out): in world units
 * @y: (out): in world units, growing southwards
 *
 * Projects a point of longitude and latitude to the world units of
 * @projection.
 */
void
tanlu_projection_project (TanluProjection  projection,
                          double           longitude,
                          double           latitude,
                          double          *x,
                          double          *y)
{
  double metres_x, metres_y;

  switch (projection)
    {
    case TANLU_PROJECTION_WEB_MERCATOR:
      tanlu_mercator_project (longitude, latitude, x, y);
      break;

    case TANLU_PROJECTION_ALBERS:
      tanlu_albers_project (longitude, latitude, &metres_x, &metres_y);
      *x = 0.5 + metres_x / ALBERS_UNIT;
      *y = 0.5 - metres_y / ALBERS_UNIT;
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * tanlu_projection_unproject:
 *
 * The inverse of tanlu_projection_project().
 */
void
tanlu_projection_unproject (TanluProjection  projection,
                            double           x,
                            double           y,
                            double          *longitude,
                            double          *latitude)
{
  switch (projection)
    {
    case TANLU_PROJECTION_WEB_MERCATOR:
      tanlu_mercator_unproject (x, y, longitude, latitude);
      break;

    case TANLU_PROJECTION_ALBERS:
      tanlu_albers_unproject ((x - 0.5) * ALBERS_UNIT, (0.5 - y) * ALBERS_UNIT, longitude,
                              latitude);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * tanlu_map_view_unproject:
 * @x: a pixel of @view
 * @y:
 * @longitude: (out): where it is
 * @latitude: (out):
 */
void
tanlu_map_view_unproject (const TanluMapView *view,
                          double              x,
                          double              y,
                          double             *longitude,
                          double             *latitude)
{
  tanlu_projection_unproject (tanlu_map_view_get_projection (view), view->x + x / view->scale,
                              view->y + y / view->scale, longitude, latitude);
}

/**
 * tanlu_map_view_metres_per_pixel:
 *
 * Returns: how many metres on the ground one pixel of @view spans along
 *   the parallel of @latitude, in its projection
 */
double
tanlu_map_view_metres_per_pixel (const TanluMapView *view,
                                 double              latitude)
{
  switch (tanlu_map_view_get_projection (view))
    {
    case TANLU_PROJECTION_WEB_MERCATOR:
      return tanlu_mercator_metres_per_pixel (view, latitude);

    case TANLU_PROJECTION_ALBERS:
      return ALBERS_UNIT / view->scale / tanlu_albers_scale_factor (latitude);

    default:
      g_assert_not_reached ();
    }
}

/**
 * tanlu_map_view_fit:
 * @margin: pixels kept free on every side
 *
 * Sets @view to show the world rectangle from (@min_x, @min_y) to
 * (@max_x, @max_y), as large as fits @width × @height, centred, in Web
 * Mercator: set @view->projection afterwards for the world units of
 * another projection.
 */
void
tanlu_map_view_fit (TanluMapView *view,
                    double        width,
                    double        height,
                    double        min_x,
                    double        min_y,
                    double        max_x,
                    double        max_y,
                    double        margin)
{
  double inner_width = MAX (1, width - 2 * margin);
  double inner_height = MAX (1, height - 2 * margin);
  double span_x = MAX (max_x - min_x, 1e-9);
  double span_y = MAX (max_y - min_y, 1e-9);

  view->projection = TANLU_PROJECTION_WEB_MERCATOR;
  view->width = width;
  view->height = height;
  view->scale = MIN (inner_width / span_x, inner_height / span_y);
  view->x = (min_x + max_x) / 2 - width / 2 / view->scale;
  view->y = (min_y + max_y) / 2 - height / 2 / view->scale;
}
