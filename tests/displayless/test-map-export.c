/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-export"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "geo/tanlu-albers.h"
#include "geo/tanlu-geometry.h"
#include "geo/tanlu-projection.h"
#include "geo/tanlu-topology.h"
#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "map/tanlu-map-palette.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-map.h"
#include "tanlu-test-util.h"

/* Exported maps: the Albers projection they are drawn in, the scale bar,
 * and the borders each drawn once. */

typedef TanluTestBundledFixture Fixture;

enum
{
  XINJIANG = 650000,
};

/* ------------------------------------------------------------------------ */
/* Albers */

static void
test_albers_round_trip (void)
{
  for (double longitude = 60; longitude <= 150; longitude += 2.5)
    for (double latitude = -10; latitude <= 70; latitude += 2.5)
      {
        double x, y, back_longitude, back_latitude;

        tanlu_albers_project (longitude, latitude, &x, &y);
        tanlu_albers_unproject (x, y, &back_longitude, &back_latitude);
        g_assert_cmpfloat_with_epsilon (back_longitude, longitude, 1e-9);
        g_assert_cmpfloat_with_epsilon (back_latitude, latitude, 1e-9);

        /* And through the world units maps use. */
        tanlu_projection_project (TANLU_PROJECTION_ALBERS, longitude, latitude, &x, &y);
        tanlu_projection_unproject (TANLU_PROJECTION_ALBERS, x, y, &back_longitude,
                                    &back_latitude);
        g_assert_cmpfloat_with_epsilon (back_longitude, longitude, 1e-9);
        g_assert_cmpfloat_with_epsilon (back_latitude, latitude, 1e-9);
      }
}

/* Computed once, apart from Tanlu, with Snyder's equations 14-1 to 14-4 in
 * Python:
 *
 *   from math import *
 *   R = 6371007.181
 *   n = (sin (radians (25)) + sin (radians (47))) / 2
 *   C = cos (radians (25)) ** 2 + 2 * n * sin (radians (25))
 *   rho0 = R * sqrt (C) / n                     # origin at 0°
 *   def albers (lon, lat):
 *       theta = n * radians (lon - 105)
 *       rho = R * sqrt (C - 2 * n * sin (radians (lat))) / n
 *       return rho * sin (theta), rho0 - rho * cos (theta)
 *
 * which gives n = 0.576985981679935, C = 1.30908343009592 and
 * rho0 = 12633581.77187229 m. */
static const struct
{
  double longitude;
  double latitude;
  double x;
  double y;
} albers_cases[] = {
  { 105, 0, 0, 0 },
  { 105, 25, 0, 2626244.327390 },
  { 120, 47, 1133201.678038, 5188791.781489 },
  { 80, 40, -2071780.745671, 4578916.061009 },
};

static void
test_albers_known_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (albers_cases); i++)
    {
      double x, y;

      tanlu_albers_project (albers_cases[i].longitude, albers_cases[i].latitude, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, albers_cases[i].x, 1e-5);
      g_assert_cmpfloat_with_epsilon (y, albers_cases[i].y, 1e-5);
    }

  /* True scale on the standard parallels, smaller between them. */
  g_assert_cmpfloat_with_epsilon (tanlu_albers_scale_factor (25), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (tanlu_albers_scale_factor (47), 1, 1e-12);
  g_assert_cmpfloat (tanlu_albers_scale_factor (36), <, 0.99);
  g_assert_cmpfloat (tanlu_albers_scale_factor (36), >, 0.97);
}

/* Equal area: a one-degree cell's area on the map is the sphere's. */
static void
test_albers_equal_area (void)
{
  const double latitudes[] = { 20, 35, 50 };

  for (guint i = 0; i < G_N_ELEMENTS (latitudes); i++)
    {
      double phi = latitudes[i];
      double corners[4][2];
      double area = 0, sphere;

      tanlu_albers_project (100, phi, &corners[0][0], &corners[0][1]);
      tanlu_albers_project (101, phi, &corners[1][0], &corners[1][1]);
      tanlu_albers_project (101, phi + 1, &corners[2][0], &corners[2][1]);
      tanlu_albers_project (100, phi + 1, &corners[3][0], &corners[3][1]);
      for (guint k = 0; k < 4; k++)
        area += corners[k][0] * corners[(k + 1) % 4][1] - corners[(k + 1) % 4][0] * corners[k][1];
      area = fabs (area) / 2;
      sphere = TANLU_ALBERS_RADIUS * TANLU_ALBERS_RADIUS * (G_PI / 180) *
               (sin ((phi + 1) * G_PI / 180) - sin (phi * G_PI / 180));

      /* The map's cell has straight sides where the sphere's parallels
       * are arcs: a few parts in a million. */
      g_assert_cmpfloat_with_epsilon (area / sphere, 1, 1e-4);
    }
}

/* ------------------------------------------------------------------------ */
/* Exported pictures */

/* A national map is in Albers: meridians converge northwards as the cone's
 * radii do, and the parallels bow, where Web Mercator would keep
 * meridians parallel and parallels straight. */
static void
test_picture_is_albers (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  TanluMapPicture picture = { .data = data, .width = 1600, .height = 1200 };
  double west_south[2], east_south[2], west_north[2], east_north[2], middle_north[2];
  double n = (sin (25 * G_PI / 180) + sin (47 * G_PI / 180)) / 2;
  double c = pow (cos (25 * G_PI / 180), 2) + 2 * n * sin (25 * G_PI / 180);
  double rho_ratio = sqrt ((c - 2 * n * sin (50 * G_PI / 180)) / (c - 2 * n * sin (20 * G_PI / 180)));
  double x, y;

  tanlu_map_style_init (&picture.style);
  tanlu_map_picture_project (&picture, 80, 20, &west_south[0], &west_south[1]);
  tanlu_map_picture_project (&picture, 130, 20, &east_south[0], &east_south[1]);
  tanlu_map_picture_project (&picture, 80, 50, &west_north[0], &west_north[1]);
  tanlu_map_picture_project (&picture, 130, 50, &east_north[0], &east_north[1]);
  tanlu_map_picture_project (&picture, 105, 50, &middle_north[0], &middle_north[1]);

  /* The central meridian is upright, others lean towards it northwards. */
  tanlu_map_picture_project (&picture, 105, 20, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, middle_north[0], 1e-6);
  g_assert_cmpfloat (west_north[0], >, west_south[0]);
  g_assert_cmpfloat (east_north[0], <, east_south[0]);

  /* Chords across the same longitudes shrink as the cone's radius does. */
  g_assert_cmpfloat_with_epsilon ((east_north[0] - west_north[0]) / (east_south[0] - west_south[0]),
                                  rho_ratio, 1e-9);

  /* A parallel's ends lie nearer the pole (higher) than its middle. */
  g_assert_cmpfloat (west_north[1], <, middle_north[1]);
  g_assert_cmpfloat_with_epsilon (west_north[1], east_north[1], 1e-6);

  /* The whole country fits the picture. */
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);
      double longitude, latitude;

      tanlu_geometry_get_centroid (region->geometry, &longitude, &latitude);
      tanlu_map_picture_project (&picture, longitude, latitude, &x, &y);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <, 1600);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, 1200);
    }
}

/* The areas of two provinces in the picture are in the ratio of their
 * true areas: Heilongjiang is not inflated beside Guangdong as Web
 * Mercator inflates it. */
static double
picture_area (TanluMapData *data,
              guint         index,
              TanluProjection projection)
{
  TanluMapShape shape;
  const double *point;
  double area = 0;

  tanlu_map_data_get_region_shape (data, projection, index, 1e9, &shape);
  point = shape.points;
  for (guint r = 0; r < shape.n_rings; r++)
    {
      double ring = 0;

      for (guint i = 0; i < shape.ring_lengths[r]; i++)
        {
          const double *a = &point[2 * i];
          const double *b = &point[2 * ((i + 1) % shape.ring_lengths[r])];

          ring += a[0] * b[1] - b[0] * a[1];
        }
      /* Outer rings and holes wind opposite ways. */
      area += ring / 2;
      point += 2 * shape.ring_lengths[r];
    }

  return fabs (area);
}

/* A region's area on the sphere, from its outline in longitude and
 * latitude (Chamberlain and Duquette, "Some algorithms for polygons on a
 * sphere", 2007, as turf and d3 compute it), independent of any
 * projection. */
static double
sphere_area (TanluGeometry *geometry)
{
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  double area = 0;

  for (guint r = 0; r < tanlu_geometry_get_n_rings (geometry); r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);
      const double *p = &points[2 * ring->first_point];
      double sum = 0;

      for (guint i = 0; i + 1 < ring->n_points; i++)
        sum += (p[2 * i + 2] - p[2 * i]) * G_PI / 180 *
               (2 + sin (p[2 * i + 1] * G_PI / 180) + sin (p[2 * i + 3] * G_PI / 180));
      sum = fabs (sum) / 2;
      area += ring->is_outer ? sum : -sum;
    }

  return area * TANLU_ALBERS_RADIUS * TANLU_ALBERS_RADIUS;
}

static void
test_picture_area_ratio (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  int heilongjiang = -1, guangdong = -1;
  double albers, mercator, truth;

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      guint code = tanlu_region_get_code (tanlu_map_data_get_region (data, i)->region);

      if (code == 230000)
        heilongjiang = i;
      else if (code == 440000)
        guangdong = i;
    }
  g_assert_cmpint (heilongjiang, >=, 0);
  g_assert_cmpint (guangdong, >=, 0);

  /* About 2.5 on the bundled outlines (473,000 km² and 179,800 km²
   * officially). */
  truth = sphere_area (tanlu_map_data_get_region (data, heilongjiang)->geometry) /
          sphere_area (tanlu_map_data_get_region (data, guangdong)->geometry);
  g_assert_cmpfloat (truth, >, 2.3);
  g_assert_cmpfloat (truth, <, 2.8);
  albers = picture_area (data, heilongjiang, TANLU_PROJECTION_ALBERS) /
           picture_area (data, guangdong, TANLU_PROJECTION_ALBERS);
  mercator = picture_area (data, heilongjiang, TANLU_PROJECTION_WEB_MERCATOR) /
             picture_area (data, guangdong, TANLU_PROJECTION_WEB_MERCATOR);
  g_assert_cmpfloat_with_epsilon (albers / truth, 1, 0.01);
  g_assert_cmpfloat (mercator / truth, >, 1.3);
}

/* What tanlu_map_picture_project () gives is where the picture draws: a
 * point well inside Xinjiang is drawn in Xinjiang's class colour. */
static void
test_picture_project_matches_drawing (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(TanluMapData) data =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  TanluMapPicture picture = { .data = data, .width = 800, .height = 600 };
  g_autofree int *classes = NULL;
  TanluMapRegion *xinjiang = tanlu_map_data_find_region (data, XINJIANG);
  TanluChartColor color;
  cairo_surface_t *surface;
  guint n_classes;
  int index = -1;
  double x, y;
  guint32 pixel;
  cairo_t *cr;

  tanlu_map_style_init (&picture.style);
  picture.style.labels = FALSE;
  classes = tanlu_map_data_dup_classes (data, &n_classes);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    if (tanlu_map_data_get_region (data, i) == xinjiang)
      index = i;
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (classes[index], >=, 0);
  tanlu_map_palette_get_color (picture.style.palette, n_classes, TANLU_MAP_CLASS (classes[index]),
                               FALSE, &color);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cr = cairo_create (surface);
  tanlu_map_picture_draw (cr, &picture, 800, 600);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Near Hotan, far from any border. */
  g_assert_true (tanlu_geometry_contains (xinjiang->geometry, 82, 37.5));
  tanlu_map_picture_project (&picture, 82, 37.5, &x, &y);
  pixel = *(guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                   (int) y * cairo_image_surface_get_stride (surface) +
                                   (int) x * 4);
  g_assert_cmpint (abs ((int) ((pixel >> 16) & 0xff) - (int) round (color.red * 255)), <=, 2);
  g_assert_cmpint (abs ((int) ((pixel >> 8) & 0xff) - (int) round (color.green * 255)), <=, 2);
  g_assert_cmpint (abs ((int) (pixel & 0xff) - (int) round (color.blue * 255)), <=, 2);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------------ */
/* Scale bar */

static void
test_scale_bar_km (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const TanluChartLanguage languages[] = { TANLU_CHART_LANGUAGE_ENGLISH,
                                           TANLU_CHART_LANGUAGE_CHINESE };
  const double widths[] = { 400, 1600, 20000 };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(TanluMapData) data = tanlu_map_data_new (fixture->store,
                                                           TANLU_REGION_LEVEL_PROVINCE, 0, NULL);
        TanluMapStyle style;
        TanluMapView view;
        g_autofree char *label = NULL;
        double min_x, min_y, max_x, max_y, length, kilometres, longitude, latitude;

        tanlu_map_style_init (&style);
        style.language = languages[l];
        tanlu_map_data_get_projected_bounds (data, TANLU_PROJECTION_ALBERS, &min_x, &min_y,
                                             &max_x, &max_y);
        tanlu_map_view_fit (&view, widths[w], widths[w] * 0.75, min_x, min_y, max_x, max_y, 0);
        view.projection = TANLU_PROJECTION_ALBERS;

        label = tanlu_map_get_scale_bar (&view, &style, &length);
        g_assert_nonnull (label);
        g_assert_true (g_str_has_suffix (label, " km"));

        /* Its length is its kilometres at the scale of the middle's
         * parallel. */
        kilometres = g_ascii_strtod (label, NULL);
        if (kilometres == 0)
          kilometres = strtod (label, NULL);
        tanlu_map_view_unproject (&view, view.width / 2, view.height / 2, &longitude, &latitude);
        g_assert_cmpfloat_with_epsilon (length * 2 * G_PI * TANLU_ALBERS_RADIUS / view.scale /
                                          tanlu_albers_scale_factor (latitude) / 1000,
                                        kilometres, kilometres * 1e-9);
        g_assert_cmpfloat (length, <=, style.font_size * 9);
      }
}

/* ------------------------------------------------------------------------ */
/* Borders once */

/* Two squares side by side and a third below both: the shared sides are
 * one arc each. */
static void
test_topology_shared (void)
{
  const double left[] = { 0, 0, 1, 0, 1, 1, 0, 1, 0, 0 };
  const double right[] = { 1, 0, 2, 0, 2, 1, 1, 1, 1, 0 };
  const double below[] = { 0, -1, 2, -1, 2, 0, 1, 0, 0, 0, 0, -1 };
  g_autoptr(TanluGeometry) a = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) b = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) c = tanlu_geometry_new ();
  TanluGeometry *geometries[3] = { a, b, c };
  g_autoptr(TanluTopology) topology = NULL;
  guint n_points_total = 0;

  tanlu_geometry_begin_polygon (a);
  tanlu_geometry_add_ring (a, left, 5);
  tanlu_geometry_begin_polygon (b);
  tanlu_geometry_add_ring (b, right, 5);
  tanlu_geometry_begin_polygon (c);
  tanlu_geometry_add_ring (c, below, 6);
  topology = tanlu_topology_new (geometries, 3);

  /* Junctions at (0, 0), (1, 0), (2, 0) and (1, 1): arcs left–right,
   * left–below, right–below, and the outer edges of each. */
  g_assert_cmpuint (tanlu_topology_get_n_arcs (topology), ==, 6);
  g_assert_cmpuint (tanlu_topology_get_n_shared (topology), ==, 3);

  /* Every edge once: 4 + 4 + 5 edges, less the 3 shared. */
  for (guint i = 0; i < tanlu_topology_get_n_arcs (topology); i++)
    {
      guint n;

      tanlu_topology_get_arc (topology, i, &n);
      n_points_total += n - 1;
    }
  g_assert_cmpuint (n_points_total, ==, 10);

  /* Each ring runs along its arcs back to where it started. */
  for (guint g = 0; g < 3; g++)
    {
      const TanluTopologyRing *rings;
      const int *refs = tanlu_topology_get_refs (topology);
      double first[2] = { 0 }, last[2] = { 0 };
      guint n_rings;

      rings = tanlu_topology_get_rings (topology, g, &n_rings);
      g_assert_cmpuint (n_rings, ==, 1);
      for (guint k = 0; k < rings[0].n_refs; k++)
        {
          int ref = refs[rings[0].first_ref + k];
          guint n;
          const double *points = tanlu_topology_get_arc (topology, TANLU_TOPOLOGY_ARC (ref), &n);
          const double *start = TANLU_TOPOLOGY_REVERSED (ref) ? &points[2 * (n - 1)] : points;
          const double *end = TANLU_TOPOLOGY_REVERSED (ref) ? points : &points[2 * (n - 1)];

          if (k == 0)
            memcpy (first, start, sizeof first);
          else
            g_assert_true (start[0] == last[0] && start[1] == last[1]);
          memcpy (last, end, sizeof last);
        }
      g_assert_true (first[0] == last[0] && first[1] == last[1]);
    }
}

/* On the bundled city map, more than a third of the rings' runs are
 * borders another ring already drew. */
static void
test_topology_bundled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluMapData) data = tanlu_map_data_new (fixture->store, TANLU_REGION_LEVEL_CITY, 0,
                                                     &error);
  TanluMapOutlines outlines;
  guint n_outline_points = 0, n_fill_points = 0;

  g_assert_no_error (error);
  tanlu_map_data_get_outlines (data, TANLU_PROJECTION_ALBERS, 1e9, &outlines);
  n_outline_points = outlines.arc_starts[outlines.n_arcs];
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapShape shape;

      tanlu_map_data_get_region_shape (data, TANLU_PROJECTION_ALBERS, i, 1e9, &shape);
      for (guint r = 0; r < shape.n_rings; r++)
        n_fill_points += shape.ring_lengths[r];
    }

  /* Strokes along arcs cover far fewer points than every ring would. */
  g_assert_cmpuint (n_outline_points, <, n_fill_points * 0.7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/map-export/" path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)

  g_test_add_func ("/tanlu/map-export/albers/round-trip", test_albers_round_trip);
  g_test_add_func ("/tanlu/map-export/albers/known-values", test_albers_known_values);
  g_test_add_func ("/tanlu/map-export/albers/equal-area", test_albers_equal_area);
  g_test_add_func ("/tanlu/map-export/topology/shared", test_topology_shared);
  ADD ("picture/albers", test_picture_is_albers);
  ADD ("picture/area-ratio", test_picture_area_ratio);
  ADD ("picture/project", test_picture_project_matches_drawing);
  ADD ("scale-bar/km", test_scale_bar_km);
  ADD ("topology/bundled", test_topology_bundled);

#undef ADD

  return g_test_run ();
}
