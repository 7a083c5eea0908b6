/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-projection.h"
#include "map/tanlu-basemap.h"
#include "map/tanlu-classify.h"
#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "map/tanlu-map-markers.h"
#include "map/tanlu-map-palette.h"
#include "map/tanlu-map-region-cache.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-golden.h"
#include "tanlu-test-region-colors.h"
#include "tanlu-test-map.h"
#include "tanlu-test-util.h"

/* The map core on the bundled database: its real (schematic) region
 * boundaries and CEADs figures. Places are given by real coordinates;
 * which region holds them is checked against the boundaries. */

typedef TanluTestBundledFixture Fixture;

enum
{
  SICHUAN = 510000,
  CHENGDU = 510100,
  CHONGQING = 500000,
  SHANDONG = 370000,
  TIBET = 540000,
};

/* Metres along the equator, as Web Mercator's sphere has them. */
#define EQUATOR_METRES 40075016.686
/* Simplification may move a point by this many pixels at the scale drawn. */
#define SIMPLIFY_PIXELS 0.5

/* ------------------------------------------------------------------------ */
/* Helpers */

static double
scale_for_zoom (double zoom)
{
  return 256 * pow (2, zoom);
}

static void
project_pixel (const TanluMapView *view,
               double              longitude,
               double              latitude,
               int                *px,
               int                *py)
{
  double x, y;

  tanlu_mercator_project (longitude, latitude, &x, &y);
  *px = (int) floor (tanlu_map_view_to_pixel_x (view, x));
  *py = (int) floor (tanlu_map_view_to_pixel_y (view, y));
}

static TanluMapRegion *
hit_lonlat (TanluMapData *data,
            double        longitude,
            double        latitude)
{
  double x, y;

  tanlu_mercator_project (longitude, latitude, &x, &y);

  return tanlu_map_data_hit (data, x, y);
}

static guint
hit_code (TanluMapData *data,
          double        longitude,
          double        latitude)
{
  TanluMapRegion *region = hit_lonlat (data, longitude, latitude);

  return region != NULL ? tanlu_region_get_code (region->region) : 0;
}

/* How many of @regions the store has a boundary for. */
static guint
count_with_boundary (TanluStore *store,
                     GPtrArray  *regions,
                     guint       parent_code)
{
  guint n = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (regions, i);
      g_autoptr(TanluGeometry) geometry = NULL;
      g_autoptr(GError) error = NULL;
      gboolean schematic;

      if (parent_code != 0 && tanlu_region_get_parent_code (region) != parent_code)
        continue;

      geometry = tanlu_boundary_load (store, tanlu_region_get_code (region), &schematic, &error);
      g_assert_no_error (error);
      n += geometry != NULL;
    }

  return n;
}

static TanluMapData *
map_new (Fixture          *fixture,
         TanluRegionLevel  level,
         guint             parent_code)
{
  g_autoptr(GError) error = NULL;
  TanluMapData *data = tanlu_map_data_new (fixture->store, level, parent_code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);

  return data;
}

/* An opaque image filled with a colour no map uses. */
static cairo_surface_t *
blank_image (int width,
             int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return ((const guint32 *) (const void *) (data + y * stride))[x] & 0xffffff;
}

static int
channel (guint32 pixel,
         guint   index)
{
  return (pixel >> (16 - 8 * index)) & 0xff;
}

static int
color_channel (const TanluChartColor *color,
               guint                  index)
{
  double value = index == 0 ? color->red : index == 1 ? color->green : color->blue;

  return (int) round (value * 255);
}

static void
assert_pixel_color (cairo_surface_t       *surface,
                    int                    x,
                    int                    y,
                    const TanluChartColor *color)
{
  guint32 pixel = pixel_at (surface, x, y);

  for (guint c = 0; c < 3; c++)
    if (abs (channel (pixel, c) - color_channel (color, c)) > 2)
      g_error ("The pixel at %d, %d is #%06x, not the colour %.3f, %.3f, %.3f",
               x, y, pixel, color->red, color->green, color->blue);
}

/* Whether @pixel is a mix of @a and @b, as antialiased lines of one over
 * the other give. */
static gboolean
pixel_is_blend (guint32                pixel,
                const TanluChartColor *a,
                const TanluChartColor *b)
{
  for (guint c = 0; c < 3; c++)
    {
      int low = MIN (color_channel (a, c), color_channel (b, c));
      int high = MAX (color_channel (a, c), color_channel (b, c));

      if (channel (pixel, c) < low - 2 || channel (pixel, c) > high + 2)
        return FALSE;
    }

  return TRUE;
}

static guint
count_changed (cairo_surface_t *surface,
               guint32          background)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += pixel_at (surface, x, y) != background;

  return n;
}

static guint
count_shape_points (const TanluMapShape *shape)
{
  guint n = 0;

  for (guint r = 0; r < shape->n_rings; r++)
    n += shape->ring_lengths[r];

  return n;
}

static double
segment_distance (const double *p,
                  const double *a,
                  const double *b)
{
  double dx = b[0] - a[0];
  double dy = b[1] - a[1];
  double t = 0;

  if (dx != 0 || dy != 0)
    t = CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);

  return hypot (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/* A region's rings, projected, as the finest shape has them. */
static GArray *
project_rings (TanluMapRegion *region,
               GArray         *lengths)
{
  const double *lonlat = tanlu_geometry_get_points (region->geometry, NULL);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < tanlu_geometry_get_n_rings (region->geometry); r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (region->geometry, r);

      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *point = &lonlat[2 * (ring->first_point + i)];
          double xy[2];

          tanlu_mercator_project (point[0], point[1], &xy[0], &xy[1]);
          g_array_append_vals (points, xy, 2);
        }
      g_array_append_val (lengths, ring->n_points);
    }

  return points;
}

/* Checks one simplified ring against the original rings: its points are
 * points of one of them, in order, and no point of that ring left out is
 * farther than @tolerance from the simplified outline. Returns the ring
 * it came from. */
static guint
assert_ring_simplified (const double *ring,
                        guint         n_ring,
                        const double *original,
                        const guint  *original_lengths,
                        guint         n_original_rings,
                        double        tolerance)
{
  const double *candidate = original;

  for (guint r = 0; r < n_original_rings; candidate += 2 * original_lengths[r], r++)
    {
      guint n = original_lengths[r];
      guint k = 0;

      /* Simplification keeps a ring's first and last points. */
      if (memcmp (candidate, ring, 2 * sizeof (double)) != 0 ||
          memcmp (&candidate[2 * (n - 1)], &ring[2 * (n_ring - 1)], 2 * sizeof (double)) != 0)
        continue;

      for (guint i = 0; i < n && k < n_ring; i++)
        if (memcmp (&candidate[2 * i], &ring[2 * k], 2 * sizeof (double)) == 0)
          k++;
      if (k < n_ring)
        continue;

      /* Every point left out lies near the segment that replaced it. */
      k = 0;
      for (guint i = 0; i < n; i++)
        {
          if (k + 1 < n_ring &&
              memcmp (&candidate[2 * i], &ring[2 * (k + 1)], 2 * sizeof (double)) == 0)
            {
              k++;
              continue;
            }
          if (k + 1 < n_ring)
            g_assert_cmpfloat (
              segment_distance (&candidate[2 * i], &ring[2 * k], &ring[2 * (k + 1)]), <=,
              tolerance * (1 + 1e-9));
        }

      return r;
    }

  g_error ("A simplified ring of %u points is not made of the points of any ring of the region",
           n_ring);
}

/* ------------------------------------------------------------------------ */
/* Projection */

static void
test_projection_round_trip (void)
{
  guint n = 0;

  for (double longitude = -180; longitude <= 180; longitude += 2.5)
    for (double latitude = -85; latitude <= 85; latitude += 1.25)
      {
        double x, y, back_longitude, back_latitude;

        tanlu_mercator_project (longitude, latitude, &x, &y);
        g_assert_cmpfloat (x, >=, 0);
        g_assert_cmpfloat (x, <=, 1);
        g_assert_cmpfloat (y, >=, 0);
        g_assert_cmpfloat (y, <=, 1);

        tanlu_mercator_unproject (x, y, &back_longitude, &back_latitude);
        g_assert_cmpfloat_with_epsilon (back_longitude, longitude, 1e-9);
        g_assert_cmpfloat_with_epsilon (back_latitude, latitude, 1e-9);
        n++;
      }

  g_assert_cmpuint (n, ==, 145 * 137);
}

static void
test_projection_known_values (void)
{
  static const struct
  {
    double longitude;
    double latitude;
    double x;
    double y;
  } cases[] = {
    { 0, 0, 0.5, 0.5 },
    { -180, 0, 0, 0.5 },
    { 180, 0, 1, 0.5 },
    { 90, 0, 0.75, 0.5 },
    { 0, TANLU_MERCATOR_MAX_LATITUDE, 0.5, 0 },
    { 0, -TANLU_MERCATOR_MAX_LATITUDE, 0.5, 1 },
    /* Halfway up: the latitude whose Mercator ordinate is π / 2. */
    { 0, 66.51326044311186, 0.5, 0.25 },
  };
  double previous_y = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double x, y;

      tanlu_mercator_project (cases[i].longitude, cases[i].latitude, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, cases[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, cases[i].y, 1e-8);
    }

  /* North is up: y grows southward. */
  for (double latitude = 85; latitude >= -85; latitude -= 5)
    {
      double x, y;

      tanlu_mercator_project (104, latitude, &x, &y);
      g_assert_cmpfloat (y, >, previous_y);
      previous_y = y;
    }
}

static void
test_projection_clamp (void)
{
  static const double latitudes[] = { 85.06, 86, 89.999, 90, 120 };
  double edge_x, north_edge, south_edge;

  tanlu_mercator_project (10, TANLU_MERCATOR_MAX_LATITUDE, &edge_x, &north_edge);
  tanlu_mercator_project (10, -TANLU_MERCATOR_MAX_LATITUDE, &edge_x, &south_edge);

  for (guint i = 0; i < G_N_ELEMENTS (latitudes); i++)
    {
      double x, y;

      tanlu_mercator_project (10, latitudes[i], &x, &y);
      g_assert_true (isfinite (y));
      g_assert_cmpfloat (y, ==, north_edge);

      tanlu_mercator_project (10, -latitudes[i], &x, &y);
      g_assert_true (isfinite (y));
      g_assert_cmpfloat (y, ==, south_edge);
    }

  g_assert_cmpfloat_with_epsilon (north_edge, 0, 1e-8);
  g_assert_cmpfloat_with_epsilon (south_edge, 1, 1e-8);
}

static void
test_projection_view_fit (void)
{
  static const struct
  {
    double width;
    double height;
    double rect[4];
    double margin;
  } cases[] = {
    /* Wider than the drawing: the width fits. */
    { 800, 600, { 0.70, 0.38, 0.90, 0.45 }, 10 },
    /* Taller: the height fits. */
    { 800, 600, { 0.75, 0.35, 0.78, 0.45 }, 20 },
    { 300, 900, { 0.1, 0.1, 0.2, 0.2 }, 0 },
    /* The whole world in a square. */
    { 512, 512, { 0, 0, 1, 1 }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double *rect = cases[i].rect;
      double margin = cases[i].margin;
      TanluMapView view;
      double left, top, right, bottom;

      tanlu_map_view_fit (&view, cases[i].width, cases[i].height,
                          rect[0], rect[1], rect[2], rect[3], margin);
      g_assert_cmpfloat (view.width, ==, cases[i].width);
      g_assert_cmpfloat (view.height, ==, cases[i].height);

      /* Centred. */
      g_assert_cmpfloat_with_epsilon (tanlu_map_view_to_pixel_x (&view, (rect[0] + rect[2]) / 2),
                                      cases[i].width / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (tanlu_map_view_to_pixel_y (&view, (rect[1] + rect[3]) / 2),
                                      cases[i].height / 2, 1e-6);

      /* Inside the margins, touching them on one axis. */
      left = tanlu_map_view_to_pixel_x (&view, rect[0]);
      top = tanlu_map_view_to_pixel_y (&view, rect[1]);
      right = tanlu_map_view_to_pixel_x (&view, rect[2]);
      bottom = tanlu_map_view_to_pixel_y (&view, rect[3]);
      g_assert_cmpfloat (left, >=, margin - 1e-6);
      g_assert_cmpfloat (top, >=, margin - 1e-6);
      g_assert_cmpfloat (right, <=, cases[i].width - margin + 1e-6);
      g_assert_cmpfloat (bottom, <=, cases[i].height - margin + 1e-6);
      g_assert_true (fabs (left - margin) < 1e-6 || fabs (top - margin) < 1e-6);
    }

  /* The whole world in 512 pixels is zoom 1. */
  {
    TanluMapView view;

    tanlu_map_view_fit (&view, 512, 512, 0, 0, 1, 1, 0);
    g_assert_cmpfloat_with_epsilon (view.scale, 512, 1e-9);
    g_assert_cmpfloat_with_epsilon (tanlu_mercator_zoom_for_scale (view.scale), 1, 1e-12);
  }
}

static void
test_projection_metres_per_pixel (void)
{
  TanluMapView view = { 0, 0, 256, 256, 256 };

  g_assert_cmpfloat_with_epsilon (tanlu_mercator_metres_per_pixel (&view, 0), 156543.03, 0.01);
  g_assert_cmpfloat_with_epsilon (tanlu_mercator_metres_per_pixel (&view, 60), 156543.03 / 2, 0.01);

  for (int zoom = 0; zoom <= 18; zoom++)
    {
      view.scale = scale_for_zoom (zoom);
      g_assert_cmpfloat_with_epsilon (tanlu_mercator_zoom_for_scale (view.scale), zoom, 1e-12);
      g_assert_cmpfloat_with_epsilon (tanlu_mercator_metres_per_pixel (&view, 0) * view.scale,
                                      EQUATOR_METRES, 1e-3);
    }
}

/* ------------------------------------------------------------------------ */
/* Map data */

static void
test_data_provinces (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(GPtrArray) provinces = NULL;
  double min_x, min_y, max_x, max_y;

  provinces = tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_PROVINCE);
  g_assert_cmpuint (tanlu_map_data_get_n_regions (data), ==,
                    count_with_boundary (fixture->store, provinces, 0));
  g_assert_cmpuint (tanlu_map_data_get_n_regions (data), ==, 34);
  g_assert_cmpuint (provinces->len, ==, 34);
  g_assert_cmpint (tanlu_map_data_get_level (data), ==, TANLU_REGION_LEVEL_PROVINCE);
  g_assert_cmpuint (tanlu_map_data_get_parent_code (data), ==, 0);
  g_assert_true (tanlu_map_data_get_store (data) == fixture->store);

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  /* China lies between about 73° and 135° E, 18° and 54° N. */
  g_assert_cmpfloat (min_x, >, (70 + 180) / 360.0);
  g_assert_cmpfloat (max_x, <, (137 + 180) / 360.0);
  g_assert_cmpfloat (max_x - min_x, >, 55 / 360.0);

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      guint code = tanlu_region_get_code (region->region);

      g_assert_cmpint (tanlu_region_get_level (region->region), ==, TANLU_REGION_LEVEL_PROVINCE);
      g_assert_true (tanlu_map_data_find_region (data, code) == region);
      g_assert_nonnull (region->geometry);
      g_assert_true (isnan (region->value));
      g_assert_cmpfloat (region->min_x, <, region->max_x);
      g_assert_cmpfloat (region->min_y, <, region->max_y);
      g_assert_cmpfloat (region->min_x, >=, min_x);
      g_assert_cmpfloat (region->min_y, >=, min_y);
      g_assert_cmpfloat (region->max_x, <=, max_x);
      g_assert_cmpfloat (region->max_y, <=, max_y);

      /* Labels go on the region itself. */
      g_assert_cmpfloat (region->label_x, >=, region->min_x);
      g_assert_cmpfloat (region->label_x, <=, region->max_x);
      g_assert_cmpfloat (region->label_y, >=, region->min_y);
      g_assert_cmpfloat (region->label_y, <=, region->max_y);
    }

  g_assert_null (tanlu_map_data_find_region (data, 999999));
  g_assert_null (tanlu_map_data_find_region (data, CHENGDU));
}

static void
test_data_cities (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TanluMapData) sichuan = map_new (fixture, TANLU_REGION_LEVEL_CITY, SICHUAN);
  g_autoptr(TanluMapData) all = map_new (fixture, TANLU_REGION_LEVEL_CITY, 0);
  g_autoptr(GPtrArray) cities = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = tanlu_store_list_children (fixture->store, SICHUAN, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_n_regions (sichuan), ==,
                    count_with_boundary (fixture->store, children, 0));
  g_assert_cmpuint (tanlu_map_data_get_n_regions (sichuan), ==, 21);
  g_assert_cmpuint (tanlu_map_data_get_parent_code (sichuan), ==, SICHUAN);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (sichuan); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (sichuan, i);

      g_assert_cmpint (tanlu_region_get_level (region->region), ==, TANLU_REGION_LEVEL_CITY);
      g_assert_cmpuint (tanlu_region_get_parent_code (region->region), ==, SICHUAN);
      g_assert_nonnull (tanlu_map_data_find_region (all, tanlu_region_get_code (region->region)));
    }

  cities = tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_CITY);
  /* Every city with an outline, and Chongqing drawn whole: GB/T 2260 has
   * no city-level unit for it, and a city map with a hole there would be
   * wrong. So are Taiwan, Hong Kong and Macao, where they have outlines;
   * Beijing is drawn by its own city-level entry, 110100, not twice. */
  {
    static const guint whole[] = { 500000, 710000, 810000, 820000 };
    guint n_whole = 0;

    for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
      if (tanlu_store_has_boundary (fixture->store, whole[i]))
        {
          TanluMapRegion *region = tanlu_map_data_find_region (all, whole[i]);

          g_assert_nonnull (region);
          g_assert_cmpint (tanlu_region_get_level (region->region), ==,
                           TANLU_REGION_LEVEL_PROVINCE);
          n_whole++;
        }
    g_assert_nonnull (tanlu_map_data_find_region (all, 500000));
    g_assert_null (tanlu_map_data_find_region (all, 110000));
    g_assert_nonnull (tanlu_map_data_find_region (all, 110100));
    g_assert_cmpuint (tanlu_map_data_get_n_regions (all), ==,
                      count_with_boundary (fixture->store, cities, 0) + n_whole);
    /* A point in Chongqing's main urban area picks it. */
    g_assert_cmpuint (hit_code (all, 106.55, 29.56), ==, 500000);
  }
  g_assert_cmpuint (tanlu_map_data_get_n_regions (all), >, 300);
}

/* 莱芜 merged into 济南 in 2019: on the 2019 city map its area is 济南's,
 * in colour and under the pointer; in 2015 it is itself. */
static void
test_data_merged_unit (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_CITY, 0);
  g_autoptr(GError) error = NULL;
  g_autofree int *classes = NULL;
  TanluMapRegion *laiwu = tanlu_map_data_find_region (data, 371200);
  TanluMapRegion *jinan = tanlu_map_data_find_region (data, 370100);
  guint n_classes;
  guint laiwu_index = 0, jinan_index = 0;

  g_assert_nonnull (laiwu);
  g_assert_nonnull (jinan);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      if (tanlu_map_data_get_region (data, i) == laiwu)
        laiwu_index = i;
      if (tanlu_map_data_get_region (data, i) == jinan)
        jinan_index = i;
    }

  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2019, &error));
  g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_true (isnan (laiwu->value));
  g_assert_true (laiwu->successor == jinan);
  classes = tanlu_map_data_dup_classes (data, &n_classes);
  g_assert_cmpint (classes[laiwu_index], >=, 0);
  g_assert_cmpint (classes[laiwu_index], ==, classes[jinan_index]);
  /* 莱城区, in 莱芜's outline */
  g_assert_cmpuint (hit_code (data, 117.66, 36.21), ==, 370100);
  /* and it is not counted twice */
  g_assert_cmpuint (tanlu_map_data_get_rank (data, laiwu), ==, 0);

  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2015, &error));
  g_assert_no_error (error);
  g_assert_null (laiwu->successor);
  g_assert_false (isnan (laiwu->value));
  g_assert_cmpuint (hit_code (data, 117.66, 36.21), ==, 371200);
}

/* Ningxia's 2001 figure is incomplete in CEADs: drawn in its class and
 * hatched over, counted in the legend; in 2005 it is not. */
static void
test_draw_incomplete (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(GError) error = NULL;
  TanluMapRegion *ningxia = tanlu_map_data_find_region (data, 640000);
  TanluMapStyle style;
  TanluMapView view;
  guint changed[2] = { 0, 0 };
  double heights[2];
  guint years[2] = { 2001, 2005 };

  tanlu_map_style_init (&style);
  style.font = TANLU_TEST_GOLDEN_FONT;
  tanlu_test_map_fit (data, &view, 1000, 800);

  for (guint k = 0; k < 2; k++)
    {
      g_autofree int *classes = NULL;
      cairo_surface_t *surface = blank_image (1000, 800);
      TanluChartColor fill;
      guint n_classes;
      int x, y, index = -1;
      cairo_t *cr;

      g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", years[k], &error));
      g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ningxia->incomplete, ==, k == 0);

      classes = tanlu_map_data_dup_classes (data, &n_classes);
      for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
        {
          TanluMapRegion *region = tanlu_map_data_get_region (data, i);

          if (region == ningxia)
            index = i;
          else
            g_assert_false (classes[i] >= 0 && (classes[i] & TANLU_MAP_CLASS_INCOMPLETE));
        }
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (TANLU_MAP_CLASS (classes[index]), >=, 0);
      g_assert_cmpint ((classes[index] & TANLU_MAP_CLASS_INCOMPLETE) != 0, ==, k == 0);

      cr = cairo_create (surface);
      tanlu_map_draw_regions (cr, data, &view, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* Around Yinchuan, pixels off the class colour are the hatch. */
      tanlu_map_palette_get_color (style.palette, n_classes, TANLU_MAP_CLASS (classes[index]),
                                   FALSE, &fill);
      project_pixel (&view, 106.1, 37.3, &x, &y);
      for (int dy = -4; dy <= 4; dy++)
        for (int dx = -4; dx <= 4; dx++)
          {
            guint32 pixel = pixel_at (surface, x + dx, y + dy);
            gboolean off = FALSE;

            for (guint c = 0; c < 3; c++)
              off |= abs (channel (pixel, c) - color_channel (&fill, c)) > 2;
            changed[k] += off;
          }
      cairo_surface_destroy (surface);

      cr = cairo_create (blank_image (10, 10));
      tanlu_map_draw_legend (cr, data, &style, 0, 0, FALSE, NULL, &heights[k]);
      cairo_surface_destroy (cairo_get_target (cr));
      cairo_destroy (cr);
    }

  g_assert_cmpuint (changed[0], >, 5);
  g_assert_cmpuint (changed[1], ==, 0);
  /* One more row: “Incomplete in the source (1)”. */
  g_assert_cmpfloat (heights[0], >, heights[1] + style.font_size);
}

/* A break two classes share is printed the same in both. */
static void
test_legend_one_rounding (Fixture       *fixture,
                          gconstpointer  user_data)
{
  for (guint n = 3; n <= 7; n++)
    for (TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE; method <= TANLU_CLASSIFY_JENKS;
         method++)
      {
        g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_CITY, 0);
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) ranges = NULL;
        TanluMapStyle style;

        tanlu_map_style_init (&style);
        g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2019, &error));
        g_assert_true (tanlu_map_data_classify (data, method, n, NULL, 0, &error));
        g_assert_no_error (error);
        ranges = tanlu_map_get_legend_ranges (data, &style);
        g_assert_cmpuint (g_strv_length (ranges), ==, n);
        for (guint c = 0; c + 1 < n; c++)
          {
            g_auto(GStrv) here = g_strsplit (ranges[c], " – ", 2);
            g_auto(GStrv) next = g_strsplit (ranges[c + 1], " – ", 2);

            g_test_message ("%s | %s", ranges[c], ranges[c + 1]);
            g_assert_cmpstr (here[1], ==, next[0]);
          }
      }
}

static void
test_data_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TanluMapData) nation = NULL;
  g_autoptr(TanluMapData) groups = NULL;
  g_autoptr(TanluMapData) nowhere = NULL;
  g_autoptr(GError) nation_error = NULL;
  g_autoptr(GError) group_error = NULL;
  g_autoptr(GError) nowhere_error = NULL;

  nation = tanlu_map_data_new (fixture->store, TANLU_REGION_LEVEL_NATION, 0, &nation_error);
  g_assert_error (nation_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (nation);

  groups = tanlu_map_data_new (fixture->store, TANLU_REGION_LEVEL_GROUP, 0, &group_error);
  g_assert_error (group_error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (groups);

  /* No such province: no cities in it, so nothing to draw. */
  nowhere = tanlu_map_data_new (fixture->store, TANLU_REGION_LEVEL_CITY, 990000, &nowhere_error);
  g_assert_error (nowhere_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (nowhere);
}

static void
test_data_hit (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(TanluMapData) provinces = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(TanluMapData) sichuan = map_new (fixture, TANLU_REGION_LEVEL_CITY, SICHUAN);
  g_autoptr(TanluMapData) cities = map_new (fixture, TANLU_REGION_LEVEL_CITY, 0);

  /* Chengdu. */
  g_assert_cmpuint (hit_code (sichuan, 104.07, 30.67), ==, CHENGDU);
  g_assert_cmpuint (hit_code (cities, 104.07, 30.67), ==, CHENGDU);
  g_assert_cmpuint (hit_code (provinces, 104.07, 30.67), ==, SICHUAN);

  /* Chongqing, a municipality: a province on the province map, outside
   * Sichuan on its city map. */
  g_assert_cmpuint (hit_code (provinces, 106.55, 29.56), ==, CHONGQING);
  g_assert_cmpuint (hit_code (sichuan, 106.55, 29.56), ==, 0);

  /* Jinan, Shandong; and the Yellow Sea between Shandong and Korea. */
  g_assert_cmpuint (hit_code (provinces, 117.0, 36.65), ==, SHANDONG);
  g_assert_null (hit_lonlat (provinces, 123, 35));
  g_assert_null (hit_lonlat (sichuan, 123, 35));
  g_assert_null (hit_lonlat (cities, 123, 35));

  /* The Atlantic, and the edges of the world. */
  g_assert_null (hit_lonlat (provinces, -30, 30));
  g_assert_null (tanlu_map_data_hit (provinces, 0, 0));
  g_assert_null (tanlu_map_data_hit (provinces, 1, 1));

  /* Every region is hit at its own label point. */
  for (guint i = 0; i < tanlu_map_data_get_n_regions (provinces); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (provinces, i);

      g_assert_true (tanlu_map_data_hit (provinces, region->label_x, region->label_y) == region);
    }
}

/* ------------------------------------------------------------------------ */
/* Values and classes */

static void
test_values (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(GError) error = NULL;
  guint n_with_values = 0;

  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2019, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tanlu_map_data_get_indicator (data), ==, "co2.total");
  g_assert_cmpuint (tanlu_map_data_get_year (data), ==, 2019);

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      guint code = tanlu_region_get_code (region->region);
      g_autoptr(GArray) series = tanlu_store_get_series (fixture->store, code, "co2.total", &error);
      GArray *map_series = tanlu_map_data_get_series (data, region);
      double expected = NAN;

      g_assert_no_error (error);
      for (guint k = 0; k < series->len; k++)
        if (g_array_index (series, TanluSeriesPoint, k).year == 2019)
          expected = g_array_index (series, TanluSeriesPoint, k).value;

      if (isnan (expected))
        {
          g_assert_true (isnan (region->value));
          g_assert_cmpuint (tanlu_map_data_get_rank (data, region), ==, 0);
        }
      else
        {
          g_assert_cmpfloat (region->value, ==, expected);
          g_assert_cmpuint (tanlu_map_data_get_rank (data, region), >=, 1);
          n_with_values++;
        }

      g_assert_nonnull (map_series);
      g_assert_cmpuint (map_series->len, ==, series->len);
    }

  g_assert_cmpuint (tanlu_map_data_get_n_ranked (data), ==, n_with_values);
  /* The 31 mainland provinces but Tibet. */
  g_assert_cmpuint (n_with_values, ==, 30);

  /* CEADs has no inventory for Tibet. */
  g_assert_true (isnan (tanlu_map_data_find_region (data, TIBET)->value));
  g_assert_cmpuint (tanlu_map_data_get_rank (data, tanlu_map_data_find_region (data, TIBET)), ==,
                    0);

  /* Shandong emitted the most in 2019. */
  g_assert_cmpuint (tanlu_map_data_get_rank (data, tanlu_map_data_find_region (data, SHANDONG)), ==,
                    1);
}

static void
test_ranks (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  guint n_ranked = tanlu_map_data_get_n_ranked (data);
  g_autofree gboolean *seen = g_new0 (gboolean, n_ranked + 1);

  /* The ranks of distinct values are 1 to n, each once, by value. */
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      guint rank = tanlu_map_data_get_rank (data, region);

      if (isnan (region->value))
        continue;

      g_assert_cmpuint (rank, >=, 1);
      g_assert_cmpuint (rank, <=, n_ranked);
      g_assert_false (seen[rank]);
      seen[rank] = TRUE;

      for (guint j = 0; j < tanlu_map_data_get_n_regions (data); j++)
        {
          TanluMapRegion *other = tanlu_map_data_get_region (data, j);

          if (!isnan (other->value) && other->value > region->value)
            g_assert_cmpuint (tanlu_map_data_get_rank (data, other), <, rank);
        }
    }
}

static void
test_years (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(GError) error = NULL;
  GArray *years;
  double sichuan_2019, sichuan_2000;

  /* Year 0 is the latest year with values. */
  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_year (data), ==, 2019);
  sichuan_2019 = tanlu_map_data_find_region (data, SICHUAN)->value;
  g_assert_false (isnan (sichuan_2019));

  years = tanlu_map_data_get_years (data);
  g_assert_cmpuint (years->len, ==, 2019 - 1997 + 1);
  for (guint i = 0; i < years->len; i++)
    g_assert_cmpuint (g_array_index (years, guint, i), ==, 1997 + i);

  /* Another year of the same indicator. */
  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_year (data), ==, 2000);
  sichuan_2000 = tanlu_map_data_find_region (data, SICHUAN)->value;
  g_assert_false (isnan (sichuan_2000));
  g_assert_cmpfloat (sichuan_2000, !=, sichuan_2019);

  /* A year without figures: every region has none. */
  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 1990, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_n_ranked (data), ==, 0);
  g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_classification (data)->n_classes, ==, 0);
  g_assert_cmpuint (tanlu_map_data_get_classification (data)->n_missing, ==,
                    tanlu_map_data_get_n_regions (data));
}

static void
test_unknown_indicator (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_autoptr(GError) error = NULL;
  double sichuan;

  g_assert_true (tanlu_map_data_set_indicator (data, "co2.total", 2019, &error));
  g_assert_no_error (error);
  sichuan = tanlu_map_data_find_region (data, SICHUAN)->value;

  g_assert_false (tanlu_map_data_set_indicator (data, "co2.fixture-mystery", 2019, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "co2.fixture-mystery"));

  /* The map still shows what it showed. */
  g_assert_cmpstr (tanlu_map_data_get_indicator (data), ==, "co2.total");
  g_assert_cmpuint (tanlu_map_data_get_year (data), ==, 2019);
  g_assert_cmpfloat (tanlu_map_data_find_region (data, SICHUAN)->value, ==, sichuan);
}

static void
test_classes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autoptr(TanluMapData) year_2000 = NULL;
  g_autoptr(GError) error = NULL;
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  const TanluClassification *fixed;
  guint n_ranked = tanlu_map_data_get_n_ranked (data);
  guint total = 0;

  g_assert_nonnull (classification);
  g_assert_cmpint (classification->method, ==, TANLU_CLASSIFY_QUANTILE);
  g_assert_cmpuint (classification->n_classes, ==, 5);
  for (guint c = 0; c < classification->n_classes; c++)
    {
      g_assert_cmpuint (classification->counts[c], >, 0);
      total += classification->counts[c];
    }
  g_assert_cmpuint (total, ==, n_ranked);
  g_assert_cmpuint (classification->n_values, ==, n_ranked);
  g_assert_cmpuint (classification->n_missing, ==, tanlu_map_data_get_n_regions (data) - n_ranked);

  /* Each region falls in the class its value's breaks give. */
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      int index = tanlu_classification_find (classification, region->value);

      if (isnan (region->value))
        {
          g_assert_cmpint (index, <, 0);
          continue;
        }
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpfloat (region->value, >=, classification->breaks[index]);
      g_assert_cmpfloat (region->value, <=, classification->breaks[index + 1]);
    }

  /* Classes the map cannot have leave the old ones. */
  g_assert_false (tanlu_map_data_classify (data, TANLU_CLASSIFY_JENKS, 12, NULL, 0, &error));
  g_assert_error (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_CLASS_COUNT);
  g_assert_true (tanlu_map_data_get_classification (data) == classification);
  g_clear_error (&error);

  g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_JENKS, 7, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_map_data_get_classification (data)->n_classes, ==, 7);

  /* A fixed scale: 2019's classes, counting 2000's values. */
  year_2000 = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  g_assert_true (tanlu_map_data_set_indicator (year_2000, "co2.total", 2000, &error));
  g_assert_no_error (error);
  tanlu_map_data_set_classification (year_2000, tanlu_map_data_get_classification (data));
  fixed = tanlu_map_data_get_classification (year_2000);
  g_assert_true (fixed != tanlu_map_data_get_classification (data));
  g_assert_cmpuint (fixed->n_classes, ==, 7);
  g_assert_cmpmem (fixed->breaks, 8 * sizeof (double),
                   tanlu_map_data_get_classification (data)->breaks, 8 * sizeof (double));
  total = 0;
  for (guint c = 0; c < fixed->n_classes; c++)
    total += fixed->counts[c];
  g_assert_cmpuint (total + fixed->n_missing, <=, tanlu_map_data_get_n_regions (year_2000));
  g_assert_cmpuint (fixed->n_values + fixed->n_missing, ==,
                    tanlu_map_data_get_n_regions (year_2000));

  tanlu_map_data_set_classification (year_2000, NULL);
  g_assert_null (tanlu_map_data_get_classification (year_2000));
}

static void
test_texts (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autofree char *source = tanlu_map_data_get_source_text (data, FALSE);
  g_autofree char *boundaries = tanlu_map_data_get_boundary_text (data, FALSE);
  g_autofree char *boundaries_zh = tanlu_map_data_get_boundary_text (data, TRUE);
  g_autofree char *title = tanlu_map_get_title (data, TANLU_CHART_LANGUAGE_ENGLISH);
  g_autofree char *title_zh = tanlu_map_get_title (data, TANLU_CHART_LANGUAGE_CHINESE);
  g_autofree char *no_data = NULL;
  g_autofree char *sichuan = NULL;
  TanluMapStyle style;

  g_assert_nonnull (strstr (source, "CEADs"));
  g_assert_nonnull (strstr (boundaries, "schematic"));
  g_assert_nonnull (strstr (boundaries_zh, "示意"));
  g_assert_true (g_str_has_suffix (title, ", 2019"));
  g_assert_true (g_str_has_prefix (title_zh, "2019 年"));

  tanlu_map_style_init (&style);
  no_data = tanlu_map_describe_value (data, &style, NAN);
  g_assert_cmpstr (no_data, ==, "no data");
  sichuan =
    tanlu_map_describe_value (data, &style, tanlu_map_data_find_region (data, SICHUAN)->value);
  g_assert_true (g_str_has_suffix (sichuan, " Mt CO₂"));
}

/* ------------------------------------------------------------------------ */
/* Simplification */

static void
assert_shape_simplified (TanluMapRegion *region,
                         double          zoom)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) original = project_rings (region, lengths);
  g_autofree gboolean *kept = g_new0 (gboolean, lengths->len);
  double scale = scale_for_zoom (zoom);
  /* What simplification may move, in world units. */
  double tolerance = SIMPLIFY_PIXELS / scale;
  TanluMapShape shape;
  const double *ring;

  tanlu_map_region_get_shape (region, scale, &shape);
  g_assert_cmpuint (shape.n_rings, <=, lengths->len);

  ring = shape.points;
  for (guint r = 0; r < shape.n_rings; r++)
    {
      guint n = shape.ring_lengths[r];
      guint from;

      /* A ring keeps its ends and the point farthest from them at least,
       * and stays closed. */
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpmem (ring, 2 * sizeof (double), &ring[2 * (n - 1)], 2 * sizeof (double));

      from =
        assert_ring_simplified (ring, n, (const double *) (gpointer) original->data,
                                (const guint *) (gpointer) lengths->data, lengths->len, tolerance);
      kept[from] = TRUE;
      ring += 2 * n;
    }

  /* Only rings smaller than a pixel are left out. */
  ring = (const double *) (gpointer) original->data;
  for (guint r = 0; r < lengths->len; r++)
    {
      guint n = g_array_index (lengths, guint, r);
      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          min_x = MIN (min_x, ring[2 * i]);
          max_x = MAX (max_x, ring[2 * i]);
          min_y = MIN (min_y, ring[2 * i + 1]);
          max_y = MAX (max_y, ring[2 * i + 1]);
        }
      if (!kept[r])
        g_assert_true ((max_x - min_x) * scale < 1 && (max_y - min_y) * scale < 1);
      ring += 2 * n;
    }
}

static void
test_simplification (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = map_new (fixture, TANLU_REGION_LEVEL_PROVINCE, 0);
  static const double zooms[] = { 0, 2, 3, 3.5, 4.99, 6, 8.25, 10 };
  guint coarse_total = 0, fine_total = 0, all_points = 0;

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      TanluMapShape coarse, fine, finest;
      guint n_points;

      tanlu_geometry_get_points (region->geometry, &n_points);
      tanlu_map_region_get_shape (region, scale_for_zoom (3), &coarse);
      tanlu_map_region_get_shape (region, scale_for_zoom (12), &fine);
      tanlu_map_region_get_shape (region, scale_for_zoom (18), &finest);

      g_assert_cmpuint (count_shape_points (&coarse), <=, count_shape_points (&fine));
      coarse_total += count_shape_points (&coarse);
      fine_total += count_shape_points (&fine);
      all_points += n_points;

      /* From zoom 12 on, every point of the boundary is drawn. */
      g_assert_cmpuint (fine.n_rings, ==, tanlu_geometry_get_n_rings (region->geometry));
      g_assert_cmpuint (count_shape_points (&fine), ==, n_points);
      g_assert_true (finest.points == fine.points);

      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        assert_shape_simplified (region, zooms[z]);
    }

  g_test_message ("Province points: %u at zoom 3, %u at zoom 12", coarse_total, fine_total);
  g_assert_cmpuint (fine_total, ==, all_points);
  g_assert_cmpuint (coarse_total * 2, <, fine_total);

  /* Sichuan alone is simplified too. */
  {
    TanluMapRegion *sichuan = tanlu_map_data_find_region (data, SICHUAN);
    TanluMapShape coarse, fine;

    tanlu_map_region_get_shape (sichuan, scale_for_zoom (3), &coarse);
    tanlu_map_region_get_shape (sichuan, scale_for_zoom (12), &fine);
    g_assert_cmpuint (count_shape_points (&coarse), <, count_shape_points (&fine));
  }
}

/* ------------------------------------------------------------------------ */
/* Drawing */

static void
test_draw_regions (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  TanluMapRegion *sichuan = tanlu_map_data_find_region (data, SICHUAN);
  TanluMapRegion *tibet = tanlu_map_data_find_region (data, TIBET);
  cairo_surface_t *surface = blank_image (800, 600);
  guint32 blank = pixel_at (surface, 0, 0);
  TanluChartColor sichuan_color, no_data_fill, hatch_color;
  TanluMapStyle style;
  TanluMapView view;
  gboolean any_hatch = FALSE, any_fill = FALSE;
  cairo_t *cr;
  int x, y;

  tanlu_map_style_init (&style);
  tanlu_test_map_fit (data, &view, 800, 600);

  cr = cairo_create (surface);
  tanlu_map_draw_regions (cr, data, &view, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Chengdu is filled with Sichuan's class colour. */
  tanlu_map_palette_get_color (style.palette, classification->n_classes,
                               tanlu_classification_find (classification, sichuan->value),
                               FALSE, &sichuan_color);
  project_pixel (&view, 104.07, 30.67, &x, &y);
  assert_pixel_color (surface, x, y, &sichuan_color);

  /* Tibet, without figures, is hatched grey. */
  tanlu_map_palette_get_no_data_color (FALSE, &no_data_fill, &hatch_color);
  x = (int) floor (tanlu_map_view_to_pixel_x (&view, tibet->label_x));
  y = (int) floor (tanlu_map_view_to_pixel_y (&view, tibet->label_y));
  for (int dy = -3; dy <= 3; dy++)
    for (int dx = -3; dx <= 3; dx++)
      {
        guint32 pixel = pixel_at (surface, x + dx, y + dy);

        if (!pixel_is_blend (pixel, &no_data_fill, &hatch_color))
          g_error ("The pixel at %d, %d in Tibet is #%06x, not the no-data fill or hatch",
                   x + dx, y + dy, pixel);
        any_fill |= pixel_is_blend (pixel, &no_data_fill, &no_data_fill);
        /* Antialiased, a diagonal line never covers a whole pixel. */
        any_hatch |= abs (channel (pixel, 1) - color_channel (&hatch_color, 1)) <
                     abs (channel (pixel, 1) - color_channel (&no_data_fill, 1));
      }
  g_assert_true (any_fill);
  g_assert_true (any_hatch);

  /* The sea is left alone, and so are the corners. */
  project_pixel (&view, 123, 35, &x, &y);
  g_assert_cmphex (pixel_at (surface, x, y), ==, blank);
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, blank);
  g_assert_cmphex (pixel_at (surface, 799, 599), ==, blank);

  cairo_surface_destroy (surface);
}

static void
test_draw_selected (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, SICHUAN, 5);
  cairo_surface_t *plain = blank_image (400, 300);
  cairo_surface_t *selected = blank_image (400, 300);
  TanluMapStyle style;
  TanluMapView view;
  guint differing = 0;
  cairo_t *cr;

  tanlu_map_style_init (&style);
  tanlu_test_map_fit (data, &view, 400, 300);

  cr = cairo_create (plain);
  tanlu_map_draw_regions (cr, data, &view, &style);
  cairo_destroy (cr);

  style.selected = CHENGDU;
  style.hovered = CHENGDU;
  cr = cairo_create (selected);
  tanlu_map_draw_regions (cr, data, &view, &style);
  cairo_destroy (cr);

  /* Only around Chengdu does the picture change. */
  cairo_surface_flush (plain);
  cairo_surface_flush (selected);
  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 400; x++)
      if (pixel_at (plain, x, y) != pixel_at (selected, x, y))
        {
          TanluMapRegion *chengdu = tanlu_map_data_find_region (data, CHENGDU);

          g_assert_cmpfloat (x, >=, tanlu_map_view_to_pixel_x (&view, chengdu->min_x) - 4);
          g_assert_cmpfloat (x, <=, tanlu_map_view_to_pixel_x (&view, chengdu->max_x) + 4);
          g_assert_cmpfloat (y, >=, tanlu_map_view_to_pixel_y (&view, chengdu->min_y) - 4);
          g_assert_cmpfloat (y, <=, tanlu_map_view_to_pixel_y (&view, chengdu->max_y) + 4);
          differing++;
        }
  g_assert_cmpuint (differing, >, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static void
test_draw_elsewhere (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  cairo_surface_t *surface = blank_image (400, 300);
  guint32 blank = pixel_at (surface, 0, 0);
  TanluMapStyle style;
  TanluMapView view = { 0 };
  double x, y;
  cairo_t *cr;

  /* The middle of the Atlantic at zoom 5. */
  tanlu_map_style_init (&style);
  tanlu_mercator_project (-30, 30, &x, &y);
  view.scale = scale_for_zoom (5);
  view.width = 400;
  view.height = 300;
  view.x = x - view.width / 2 / view.scale;
  view.y = y - view.height / 2 / view.scale;

  cr = cairo_create (surface);
  tanlu_map_draw_regions (cr, data, &view, &style);
  tanlu_map_draw_labels (cr, data, &view, &style, NULL, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  g_assert_cmpuint (count_changed (surface, blank), ==, 0);

  cairo_surface_destroy (surface);
}

/* How many pixels of @a and @b differ by more than antialiasing noise. */
static guint
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = pixel_at (a, x, y);
        guint32 pb = pixel_at (b, x, y);

        for (guint c = 0; c < 3; c++)
          if (abs (channel (pa, c) - channel (pb, c)) > 2)
            {
              n++;
              break;
            }
      }

  return n;
}

/* Draws @data through @cache and directly, and says whether the two
 * pictures are the same. */
static void
assert_cache_draws_like_direct (TanluMapRegionCache *cache,
                                TanluMapData        *data,
                                const TanluMapView  *view,
                                const TanluMapStyle *style)
{
  cairo_surface_t *cached = blank_image (view->width, view->height);
  cairo_surface_t *direct = blank_image (view->width, view->height);
  guint32 blank = pixel_at (cached, 0, 0);
  cairo_t *cr;

  cr = cairo_create (cached);
  g_assert_true (tanlu_map_region_cache_draw (cache, cr, data, view, style, 1, FALSE));
  cairo_destroy (cr);
  cr = cairo_create (direct);
  tanlu_map_draw_regions (cr, data, view, style);
  cairo_destroy (cr);

  g_assert_cmpuint (count_changed (cached, blank), >, view->width * view->height / 10);
  /* Antialiased edges composited through the image may round apart by a
   * few levels in a few pixels; half a pixel out of place is thousands. */
  g_assert_cmpuint (count_different (cached, direct), <=, view->width * view->height / 2000);

  cairo_surface_destroy (cached);
  cairo_surface_destroy (direct);
}

/* Panning copies the regions drawn before; a new zoom, new data or new
 * colours draw them again, and the picture is always the one drawn
 * directly. */
static void
test_region_cache (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autoptr(TanluMapRegionCache) cache = tanlu_map_region_cache_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  TanluMapStyle style;
  TanluMapView view;
  cairo_t *cr;

  tanlu_map_style_init (&style);
  style.selected = SICHUAN;
  tanlu_test_map_fit (data, &view, 600, 400);
  /* On whole pixels of the world, as the cache lays its image. */
  view.x = floor (view.x * view.scale) / view.scale;
  view.y = floor (view.y * view.scale) / view.scale;

  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 1);

  /* Moving the map, or another region hovered, draws nothing anew. */
  view.x += 40 / view.scale;
  view.y -= 25 / view.scale;
  style.hovered = 500000;
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 1);

  /* Other classes, other colours. */
  g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_EQUAL_INTERVAL, 3, NULL, 0, &error));
  g_assert_no_error (error);
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 2);
  style.dark = TRUE;
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 3);

  /* While the zoom changes, the last picture stands in, scaled; once it
   * has settled, the regions are drawn for it. */
  view.scale *= 1.5;
  view.x = floor (view.x * view.scale) / view.scale;
  view.y = floor (view.y * view.scale) / view.scale;
  surface = blank_image (600, 400);
  cr = cairo_create (surface);
  g_assert_false (tanlu_map_region_cache_draw (cache, cr, data, &view, &style, 1, TRUE));
  cairo_destroy (cr);
  g_assert_cmpuint (count_changed (surface, pixel_at (surface, 0, 0)), >, 0);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 3);
  cairo_surface_destroy (surface);
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 4);

  /* Far away from every region, nothing is drawn nor kept. */
  view.x = 0;
  view.y = 0;
  surface = blank_image (600, 400);
  cr = cairo_create (surface);
  g_assert_true (tanlu_map_region_cache_draw (cache, cr, data, &view, &style, 1, FALSE));
  cairo_destroy (cr);
  g_assert_cmpuint (count_changed (surface, pixel_at (surface, 0, 0)), ==, 0);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 4);
  cairo_surface_destroy (surface);
}

typedef struct
{
  TanluMapRegionCache *cache;
  gboolean             done;
  gboolean             kept;
} Preparing;

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Preparing *preparing = user_data;
  g_autoptr(GError) error = NULL;

  preparing->kept = tanlu_map_region_cache_prepare_finish (preparing->cache, result, &error);
  g_assert_no_error (error);
  preparing->done = TRUE;
}

/* Draws the image for @view in a worker thread and says whether the cache
 * kept it. @before_done runs while the worker draws. */
static gboolean
prepare (TanluMapRegionCache *cache,
         TanluMapData        *data,
         const TanluMapView  *view,
         const TanluMapStyle *style,
         void               (*before_done) (TanluMapData *data))
{
  Preparing preparing = { cache, FALSE, FALSE };

  tanlu_map_region_cache_prepare_async (cache, data, view, style, 1, NULL, prepared_cb, &preparing);
  if (before_done != NULL)
    before_done (data);
  while (!preparing.done)
    g_main_context_iteration (NULL, TRUE);

  return preparing.kept;
}

static void
reclassify (TanluMapData *data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tanlu_map_data_classify (data, TANLU_CLASSIFY_JENKS, 4, NULL, 0, &error));
  g_assert_no_error (error);
}

/* As the view nears the edge of the image, the next one is drawn in a
 * worker thread; until it is there, the old one stands in; one drawn for
 * values that changed meanwhile is not kept. */
static void
test_region_cache_ahead (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data = tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, 0, 5);
  g_autoptr(TanluMapRegionCache) cache = tanlu_map_region_cache_new ();
  TanluMapStyle style;
  TanluMapView view = { 0, 0, scale_for_zoom (7), 600, 400 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y;

  tanlu_map_style_init (&style);
  tanlu_mercator_project (104.07, 30.67, &x, &y);
  view.x = floor (x * view.scale - 300) / view.scale;
  view.y = floor (y * view.scale - 200) / view.scale;

  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 1);
  g_assert_false (tanlu_map_region_cache_wants (cache, data, &view, &style, 1));

  /* Near the edge: still drawn from the image, and the next one wanted. */
  view.x += 200 / view.scale;
  g_assert_true (tanlu_map_region_cache_wants (cache, data, &view, &style, 1));
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 1);

  g_assert_true (prepare (cache, data, &view, &style, NULL));
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 2);
  g_assert_false (tanlu_map_region_cache_wants (cache, data, &view, &style, 1));

  /* Past the edge: the image stands in for what it covers. */
  view.x += 500 / view.scale;
  surface = blank_image (600, 400);
  cr = cairo_create (surface);
  g_assert_false (tanlu_map_region_cache_draw (cache, cr, data, &view, &style, 1, TRUE));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 2);

  /* Classes changed while the worker drew: its image is not kept. */
  g_assert_false (prepare (cache, data, &view, &style, reclassify));
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 2);
  g_assert_true (prepare (cache, data, &view, &style, NULL));
  assert_cache_draws_like_direct (cache, data, &view, &style);
  g_assert_cmpuint (tanlu_map_region_cache_get_n_renders (cache), ==, 3);
}

/* Counts the pixels of @surface inside the rectangle that differ from
 * @background. */
static guint
count_changed_in (cairo_surface_t *surface,
                  guint32          background,
                  int              x0,
                  int              y0,
                  int              width,
                  int              height)
{
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (y0, 0); y < MIN (y0 + height, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x0 + width, cairo_image_surface_get_width (surface)); x++)
      n += pixel_at (surface, x, y) != background;

  return n;
}

/* A name that would cover a marker moves off it, and stays on the map. */
static void
test_labels_keep_clear (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  cairo_surface_t *free_labels = blank_image (800, 600);
  cairo_surface_t *clear_labels = blank_image (800, 600);
  guint32 blank = pixel_at (free_labels, 0, 0);
  TanluMapRegion *sichuan = tanlu_map_data_find_region (data, SICHUAN);
  TanluMapStyle style;
  TanluMapView view;
  double marker[4];
  int label_x, label_y;
  cairo_t *cr;

  tanlu_map_style_init (&style);
  style.font = TANLU_TEST_GOLDEN_FONT;
  style.language = TANLU_CHART_LANGUAGE_ENGLISH;
  tanlu_test_map_fit (data, &view, 800, 600);
  g_assert_nonnull (sichuan);
  label_x = (int) round (tanlu_map_view_to_pixel_x (&view, sichuan->label_x));
  label_y = (int) round (tanlu_map_view_to_pixel_y (&view, sichuan->label_y));
  marker[0] = label_x - 8;
  marker[1] = label_y - 8;
  marker[2] = 16;
  marker[3] = 16;

  cr = cairo_create (free_labels);
  tanlu_map_draw_labels (cr, data, &view, &style, NULL, 0);
  cairo_destroy (cr);
  cr = cairo_create (clear_labels);
  tanlu_map_draw_labels (cr, data, &view, &style, marker, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* Left alone, Sichuan's name sits on its label point… */
  g_assert_cmpuint (count_changed_in (free_labels, blank, marker[0], marker[1], 16, 16), >, 0);
  /* …and kept clear, it leaves the marker free… */
  g_assert_cmpuint (count_changed_in (clear_labels, blank, marker[0], marker[1], 16, 16), ==, 0);
  /* …but is still written just above or below it. */
  g_assert_cmpuint (count_changed_in (clear_labels, blank, label_x - 40, label_y - 30, 80, 60), >,
                    0);

  cairo_surface_destroy (free_labels);
  cairo_surface_destroy (clear_labels);
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TanluMapData) three =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 3);
  g_autoptr(TanluMapData) seven =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 7);
  cairo_surface_t *surface = blank_image (600, 600);
  guint32 blank = pixel_at (surface, 0, 0);
  double width_3 = 0, height_3 = 0, width_7 = 0, height_7 = 0;
  TanluMapStyle style;
  cairo_t *cr;

  tanlu_map_style_init (&style);
  style.font = TANLU_TEST_GOLDEN_FONT;
  cr = cairo_create (surface);

  /* Measuring draws nothing. */
  tanlu_map_draw_legend (cr, three, &style, 10, 10, FALSE, &width_3, &height_3);
  tanlu_map_draw_legend (cr, seven, &style, 10, 10, FALSE, &width_7, &height_7);
  g_assert_cmpuint (count_changed (surface, blank), ==, 0);

  g_assert_cmpfloat (width_3, >, 0);
  g_assert_cmpfloat (height_3, >, 0);
  g_assert_cmpfloat (width_7, >, 0);
  /* Four more rows of classes. */
  g_assert_cmpfloat (height_7, >, height_3 + 4 * style.font_size);

  /* Painting stays inside what was measured. */
  tanlu_map_draw_legend (cr, seven, &style, 20, 30, TRUE, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpuint (count_changed (surface, blank), >, 0);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 600; x++)
      if (pixel_at (surface, x, y) != blank)
        {
          g_assert_cmpfloat (x, >=, 20 - 1);
          g_assert_cmpfloat (y, >=, 30 - 1);
          g_assert_cmpfloat (x, <=, 20 + width_7 + 1);
          g_assert_cmpfloat (y, <=, 30 + height_7 + 1);
        }

  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------------ */
/* Whole pictures */

static void
picture_init (TanluMapPicture    *picture,
              TanluMapData       *data,
              const TanluBasemap *basemap)
{
  *picture = (TanluMapPicture) { .data = data, .basemap = basemap };
  tanlu_map_style_init (&picture->style);
  picture->style.font = TANLU_TEST_GOLDEN_FONT;
  picture->style.language = TANLU_CHART_LANGUAGE_ENGLISH;
  picture->style.dark = FALSE;
}

static void
test_golden (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *name = user_data;
  g_autoptr(TanluMapData) data = NULL;
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wrong = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  TanluMapPicture picture;
  cairo_surface_t *surface;
  cairo_region_t *text;
  cairo_t *cr;

  if (!tanlu_test_font_installed (TANLU_TEST_GOLDEN_FONT))
    {
      g_test_skip ("The golden images need the font " TANLU_TEST_GOLDEN_FONT);
      return;
    }

  if (g_str_equal (name, "map-provinces"))
    data = tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  else
    data = tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, SICHUAN, 5);

  basemap = tanlu_basemap_new_from_store (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  picture_init (&picture, data, basemap);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cr = cairo_create (surface);
  tanlu_map_picture_draw (cr, &picture, 800, 600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  text = tanlu_test_map_text_region (&picture, 800, 600);
  tanlu_test_compare_golden_with_text (surface, name, text);

  /* Every region its class's colour, but those with no room to read: at
   * this size only Hong Kong and Macao among the provinces (too small), and
   * Tianjin and Taiwan, whose names cover them; none of Sichuan's cities. */
  wrong = tanlu_test_check_region_colors (surface, &picture, &skipped);
  g_assert_cmpuint (wrong->len, ==, 0);
  for (guint i = 0; i < skipped->len; i++)
    {
      const TanluMapRegion *region = g_ptr_array_index (skipped, i);
      static const guint unreadable[] = { 120000, 710000, 810000, 820000 };
      gboolean expected = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (unreadable); k++)
        expected = expected || (g_str_equal (name, "map-provinces") &&
                                tanlu_region_get_code (region->region) == unreadable[k]);
      if (!expected)
        g_test_message ("%s (%u) could not be read", tanlu_region_get_name_en (region->region),
                        tanlu_region_get_code (region->region));
      g_assert_true (expected);
    }

  cairo_region_destroy (text);
  cairo_surface_destroy (surface);
}

/* The colour check itself: Chengdu's figure moved into the neighbouring
 * class in a copy of the database, the map drawn from it on the same
 * scale, and read against the map as it was: Chengdu, and only Chengdu,
 * is the wrong colour. */
static void
test_region_colors_changed (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TanluMapData) expected =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, SICHUAN, 5);
  g_autoptr(TanluMapData) changed = NULL;
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) wrong = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  const TanluClassification *classes = tanlu_map_data_get_classification (expected);
  TanluMapRegion *chengdu = tanlu_map_data_find_region (expected, CHENGDU);
  int index = tanlu_classification_find (classes, chengdu->value);
  int neighbour = index > 0 ? index - 1 : index + 1;
  double value = (classes->breaks[neighbour] + classes->breaks[neighbour + 1]) / 2;
  TanluMapPicture picture, drawn;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (index, >=, 0);
  g_assert_true (tanlu_store_put_observation (
    fixture->store, chengdu->region, tanlu_store_lookup_indicator (fixture->store, "co2.total"),
    2019, value, tanlu_store_lookup_source (fixture->store, "ceads-cities"), &error));
  g_assert_no_error (error);

  changed = map_new (fixture, TANLU_REGION_LEVEL_CITY, SICHUAN);
  g_assert_true (tanlu_map_data_set_indicator (changed, "co2.total", 2019, &error));
  g_assert_no_error (error);
  tanlu_map_data_set_classification (changed, classes);
  g_assert_cmpfloat (tanlu_map_data_find_region (changed, CHENGDU)->value, ==, value);

  basemap = tanlu_basemap_new_from_store (fixture->store, &error);
  g_assert_no_error (error);
  picture_init (&picture, expected, basemap);
  picture_init (&drawn, changed, basemap);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cr = cairo_create (surface);
  tanlu_map_picture_draw (cr, &drawn, 800, 600);
  cairo_destroy (cr);

  /* Read against its own map, it is right. */
  same = tanlu_test_check_region_colors (surface, &drawn, NULL);
  g_assert_cmpuint (same->len, ==, 0);

  wrong = tanlu_test_check_region_colors (surface, &picture, &skipped);
  g_assert_cmpuint (wrong->len, ==, 1);
  g_assert_true (g_ptr_array_index (wrong, 0) == chengdu);
  g_assert_cmpuint (skipped->len, ==, 0);

  cairo_surface_destroy (surface);
}

static void
assert_file_starts_with (const char *path,
                         const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, prefix));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "fixture-map.png", NULL);
  g_autofree char *png_2x = g_build_filename (fixture->dir, "fixture-map@2x.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "fixture-map.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "fixture-map.pdf", NULL);
  g_autofree char *nowhere =
    g_build_filename (fixture->dir, "missing-folder", "fixture-map.png", NULL);
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  TanluMapPicture picture;

  basemap = tanlu_basemap_new_from_store (fixture->store, &error);
  g_assert_no_error (error);
  picture_init (&picture, data, basemap);
  picture.approval_number = "Fixture-0000";

  g_assert_true (tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_PNG, 1600, 1200, 1,
                                           png, &error));
  g_assert_no_error (error);
  tanlu_test_assert_png_size (png, 1600, 1200);
  source = tanlu_test_png_text (png, "Source");
  g_assert_nonnull (source);
  g_assert_nonnull (strstr (source, "CEADs"));
  title = tanlu_test_png_text (png, "Title");
  g_assert_cmpstr (title, ==, "CO₂ emissions (scope 1 total), 2019");

  g_assert_true (tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_PNG, 800, 600, 2,
                                           png_2x, &error));
  g_assert_no_error (error);
  tanlu_test_assert_png_size (png_2x, 1600, 1200);

  g_assert_true (tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_SVG, 1600, 1200, 1,
                                           svg, &error));
  g_assert_no_error (error);
  assert_file_starts_with (svg, "<?xml");

  g_assert_true (tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_PDF, 1600, 1200, 1,
                                           pdf, &error));
  g_assert_no_error (error);
  assert_file_starts_with (pdf, "%PDF");

  g_assert_false (tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_PNG, 1600, 1200, 1,
                                            nowhere, &error));
  g_assert_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------------ */

static GPtrArray *
markers_of (GPtrArray  *markers,
            const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < markers->len; i++)
    {
      TanluMapMarker *marker = g_ptr_array_index (markers, i);

      if (g_str_equal (marker->label, name))
        g_ptr_array_add (found, marker);
    }

  return found;
}

/* The joint plan's sites: one marker at each place the registry holds a
 * boundary for; a district of Chongqing at Chongqing, saying so. */
static void
test_sites (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sites = tanlu_store_list_joint_sites (fixture->store, 0, &error);
  g_autoptr(GPtrArray) markers = tanlu_map_list_sites (fixture->store, FALSE, &error);
  g_autoptr(GPtrArray) chinese = tanlu_map_list_sites (fixture->store, TRUE, &error);
  g_autoptr(GPtrArray) fuling = NULL;
  g_autoptr(GPtrArray) changning = NULL;
  g_autoptr(GPtrArray) kaizhou = NULL;
  g_autoptr(GPtrArray) fuling_zh = NULL;
  const TanluMapMarker *marker;

  g_assert_no_error (error);
  g_assert_cmpuint (sites->len, ==, 90);
  g_assert_cmpuint (markers->len, >=, sites->len);
  g_assert_cmpuint (chinese->len, ==, markers->len);

  for (guint i = 0; i < markers->len; i++)
    {
      marker = g_ptr_array_index (markers, i);
      g_assert_cmpstr (marker->kind, ==, "site");
      g_assert_true (tanlu_tracker_status_is_valid (marker->variant));
      /* Sichuan and Chongqing. */
      g_assert_cmpfloat (marker->longitude, >, 97);
      g_assert_cmpfloat (marker->longitude, <, 110.5);
      g_assert_cmpfloat (marker->latitude, >, 26);
      g_assert_cmpfloat (marker->latitude, <, 34.5);
      g_assert_true (marker->region_code / 10000 == 50 || marker->region_code / 10000 == 51);
    }

  /* 涪陵区 (500102): Chongqing, whose districts have no boundary here. */
  fuling = markers_of (markers, "涪陵");
  g_assert_cmpuint (fuling->len, ==, 1);
  marker = g_ptr_array_index (fuling, 0);
  g_assert_cmpuint (marker->region_code, ==, 500000);
  g_assert_nonnull (strstr (marker->tooltip, "\nPlaced at Chongqing: the map has no boundary of "
                                             "500102"));
  g_assert_nonnull (strstr (marker->tooltip, "「加快建设长宁—威远、涪陵、开州—达州国家级页岩气示范区」"));
  g_assert_nonnull (strstr (marker->tooltip, "\nTask 1: 协同开发油气资源 — "));
  fuling_zh = markers_of (chinese, "涪陵");
  marker = g_ptr_array_index (fuling_zh, 0);
  g_assert_nonnull (strstr (marker->tooltip, "\n标在重庆：地图没有 500102 这一级的边界"));

  /* 长宁—威远: both prefectures, each its own. */
  changning = markers_of (markers, "长宁—威远");
  g_assert_cmpuint (changning->len, ==, 2);
  g_assert_cmpuint (((TanluMapMarker *) changning->pdata[0])->region_code, ==, 511500);
  g_assert_cmpuint (((TanluMapMarker *) changning->pdata[1])->region_code, ==, 511000);
  g_assert_nonnull (strstr (((TanluMapMarker *) changning->pdata[0])->tooltip,
                            "\nPlaced at Yibin (why: "));

  /* 开州—达州: one end in Chongqing, the other in Dazhou. */
  kaizhou = markers_of (markers, "开州—达州");
  g_assert_cmpuint (kaizhou->len, ==, 2);
  g_assert_cmpuint (((TanluMapMarker *) kaizhou->pdata[0])->region_code, ==, 500000);
  g_assert_cmpuint (((TanluMapMarker *) kaizhou->pdata[1])->region_code, ==, 511700);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/map/" path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add ("/tanlu/map/" path, Fixture, data, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)

  g_test_add_func ("/tanlu/map/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/tanlu/map/projection/known-values", test_projection_known_values);
  g_test_add_func ("/tanlu/map/projection/clamp", test_projection_clamp);
  g_test_add_func ("/tanlu/map/projection/view-fit", test_projection_view_fit);
  g_test_add_func ("/tanlu/map/projection/metres-per-pixel", test_projection_metres_per_pixel);
  ADD ("data/provinces", test_data_provinces);
  ADD ("data/cities", test_data_cities);
  ADD ("data/merged-unit", test_data_merged_unit);
  ADD ("data/errors", test_data_errors);
  ADD ("data/hit", test_data_hit);
  ADD ("values/store", test_values);
  ADD ("values/ranks", test_ranks);
  ADD ("values/years", test_years);
  ADD ("values/unknown-indicator", test_unknown_indicator);
  ADD ("values/classes", test_classes);
  ADD ("values/texts", test_texts);
  ADD ("simplification", test_simplification);
  ADD ("draw/regions", test_draw_regions);
  ADD ("draw/selected", test_draw_selected);
  ADD ("draw/elsewhere", test_draw_elsewhere);
  ADD ("draw/labels-keep-clear", test_labels_keep_clear);
  ADD ("draw/region-cache", test_region_cache);
  ADD ("draw/region-cache-ahead", test_region_cache_ahead);
  ADD ("draw/legend", test_legend);
  ADD ("draw/incomplete", test_draw_incomplete);
  ADD ("draw/legend-one-rounding", test_legend_one_rounding);
  ADD_DATA ("golden/provinces", "map-provinces", test_golden);
  ADD_DATA ("golden/sichuan-cities", "map-sichuan-cities", test_golden);
  ADD ("golden/region-colors", test_region_colors_changed);
  ADD ("export", test_export);
  ADD ("sites", test_sites);

#undef ADD
#undef ADD_DATA

  return g_test_run ();
}
