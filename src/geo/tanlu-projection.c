/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include "tanlu-projection.h"

#include <math.h>

#define EARTH_CIRCUMFERENCE 40075016.686

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
 * tanlu_map_view_fit:
 * @margin: pixels kept free on every side
 *
 * Sets @view to show the world rectangle from (@min_x, @min_y) to
 * (@max_x, @max_y), as large as fits @width × @height, centred.
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

  view->width = width;
  view->height = height;
  view->scale = MIN (inner_width / span_x, inner_height / span_y);
  view->x = (min_x + max_x) / 2 - width / 2 / view->scale;
  view->y = (min_y + max_y) / 2 - height / 2 / view->scale;
}
