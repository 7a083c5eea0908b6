/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-geometry"

#include "config.h"

#include <math.h>

#include "geo/tanlu-geometry.h"
#include "import/tanlu-geojson.h"
#include "tanlu-test-util.h"

/* A 10° square with a 2° hole, and an island to its east: made-up shapes. */
static TanluGeometry *
square_with_hole_and_island (void)
{
  TanluGeometry *geometry = tanlu_geometry_new ();
  const double outer[] = { 100, 20, 110, 20, 110, 30, 100, 30, 100, 20 };
  const double hole[] = { 104, 24, 104, 26, 106, 26, 106, 24, 104, 24 };
  const double island[] = { 120, 22, 121, 22, 121, 23 };

  tanlu_geometry_begin_polygon (geometry);
  tanlu_geometry_add_ring (geometry, outer, 5);
  tanlu_geometry_add_ring (geometry, hole, 5);
  tanlu_geometry_begin_polygon (geometry);
  tanlu_geometry_add_ring (geometry, island, 3);

  return geometry;
}

static void
test_geometry_structure (void)
{
  g_autoptr(TanluGeometry) geometry = square_with_hole_and_island ();
  double min_lon, min_lat, max_lon, max_lat;
  guint n_points;

  g_assert_cmpuint (tanlu_geometry_get_n_polygons (geometry), ==, 2);
  g_assert_cmpuint (tanlu_geometry_get_n_rings (geometry), ==, 3);
  g_assert_true (tanlu_geometry_get_ring (geometry, 0)->is_outer);
  g_assert_false (tanlu_geometry_get_ring (geometry, 1)->is_outer);
  g_assert_true (tanlu_geometry_get_ring (geometry, 2)->is_outer);
  g_assert_cmpuint (tanlu_geometry_get_ring (geometry, 2)->polygon, ==, 1);

  /* The open island ring was closed. */
  g_assert_cmpuint (tanlu_geometry_get_ring (geometry, 2)->n_points, ==, 4);
  tanlu_geometry_get_points (geometry, &n_points);
  g_assert_cmpuint (n_points, ==, 14);

  tanlu_geometry_get_bounds (geometry, &min_lon, &min_lat, &max_lon, &max_lat);
  g_assert_cmpfloat (min_lon, ==, 100);
  g_assert_cmpfloat (min_lat, ==, 20);
  g_assert_cmpfloat (max_lon, ==, 121);
  g_assert_cmpfloat (max_lat, ==, 30);
}

static void
test_geometry_contains (void)
{
  g_autoptr(TanluGeometry) geometry = square_with_hole_and_island ();
  static const struct { double lon, lat; gboolean inside; } cases[] = {
    { 101, 21, TRUE },
    { 109.9, 29.9, TRUE },
    { 105, 25, FALSE },      /* in the hole */
    { 103, 25, TRUE },       /* beside it */
    { 120.8, 22.2, TRUE },   /* on the island */
    { 115, 25, FALSE },      /* between */
    { 99, 25, FALSE },
    { 105, 31, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tanlu_geometry_contains (geometry, cases[i].lon, cases[i].lat), ==,
                     cases[i].inside);
}

static void
test_geometry_round_trip (void)
{
  g_autoptr(TanluGeometry) geometry = square_with_hole_and_island ();
  g_autoptr(TanluGeometry) decoded = NULL;
  g_autoptr(GBytes) encoded = tanlu_geometry_encode (geometry);
  g_autoptr(GError) error = NULL;
  const double *original_points, *decoded_points;
  guint n_original, n_decoded;
  gsize length;
  const guint8 *data = g_bytes_get_data (encoded, &length);

  decoded = tanlu_geometry_decode (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_geometry_get_n_polygons (decoded), ==, 2);
  g_assert_cmpuint (tanlu_geometry_get_n_rings (decoded), ==, 3);
  g_assert_false (tanlu_geometry_get_ring (decoded, 1)->is_outer);

  original_points = tanlu_geometry_get_points (geometry, &n_original);
  decoded_points = tanlu_geometry_get_points (decoded, &n_decoded);
  g_assert_cmpuint (n_original, ==, n_decoded);
  for (guint i = 0; i < 2 * n_original; i++)
    g_assert_cmpfloat_with_epsilon (original_points[i], decoded_points[i], 1e-6);

  /* Micro-degrees survive exactly; compact: about two bytes a coordinate. */
  {
    g_autoptr(TanluGeometry) precise = tanlu_geometry_new ();
    g_autoptr(TanluGeometry) back = NULL;
    g_autoptr(GBytes) bytes = NULL;
    const double ring[] = { 104.065735, 30.659462, 104.066001, 30.659999,
                            104.07,     30.66,     104.065735, 30.659462 };

    tanlu_geometry_begin_polygon (precise);
    tanlu_geometry_add_ring (precise, ring, 4);
    bytes = tanlu_geometry_encode (precise);
    back = tanlu_geometry_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (tanlu_geometry_get_points (back, NULL)[0], ==, 104.065735);
    g_assert_cmpuint (g_bytes_get_size (bytes), <, 3 + 3 + 10 + 8 * 3);
  }
}

static void
test_geometry_decode_damaged (void)
{
  g_autoptr(TanluGeometry) geometry = square_with_hole_and_island ();
  g_autoptr(GBytes) encoded = tanlu_geometry_encode (geometry);
  gsize length;
  const guint8 *data = g_bytes_get_data (encoded, &length);
  g_autofree guint8 *copy = g_memdup2 (data, length);
  const guint8 huge[] = { 'T', 'G', 1, 0xff, 0xff, 0xff, 0xff, 0x0f };

  /* Every truncation fails cleanly. */
  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TanluGeometry) decoded = tanlu_geometry_decode (data, cut, &error);

      g_assert_null (decoded);
      g_assert_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_CORRUPT);
    }

  /* So does a claimed count far beyond the data, without allocating it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (tanlu_geometry_decode (huge, sizeof huge, &error));
    g_assert_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_CORRUPT);
  }

  /* A wrong magic number too. */
  {
    g_autoptr(GError) error = NULL;

    copy[0] = 'X';
    g_assert_null (tanlu_geometry_decode (copy, length, &error));
    g_assert_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_CORRUPT);
  }
}

static void
test_geometry_centroid (void)
{
  /* A "C" open to the east: its area centroid falls in the opening. */
  const double c_shape[] = {
    0, 0, 10, 0, 10, 2, 2, 2, 2, 8, 10, 8, 10, 10, 0, 10, 0, 0,
  };
  const double square[] = { 20, 0, 30, 0, 30, 10, 20, 10, 20, 0 };
  g_autoptr(TanluGeometry) c = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) two = tanlu_geometry_new ();
  double lon, lat;

  tanlu_geometry_begin_polygon (c);
  tanlu_geometry_add_ring (c, c_shape, 9);
  tanlu_geometry_get_centroid (c, &lon, &lat);
  g_assert_true (tanlu_geometry_contains (c, lon, lat));
  g_assert_cmpfloat_with_epsilon (lat, 5, 1e-9);

  /* The larger part decides. */
  tanlu_geometry_begin_polygon (two);
  tanlu_geometry_add_ring (two, c_shape, 9);
  tanlu_geometry_begin_polygon (two);
  tanlu_geometry_add_ring (two, square, 5);
  tanlu_geometry_get_centroid (two, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 5, 1e-9);
}

static void
test_geometry_pole (void)
{
  /* A "C" open to the east: the pole is in its thick western bar, not at
   * the centroid's latitude in the middle of the opening. */
  const double c_shape[] = {
    0, 0, 10, 0, 10, 2, 4, 2, 4, 8, 10, 8, 10, 10, 0, 10, 0, 0,
  };
  /* A wider square far away, and one with a hole off its middle. */
  const double square[] = { 20, 0, 30, 0, 30, 10, 20, 10, 20, 0 };
  const double hole[] = { 24, 4, 24, 6, 26, 6, 26, 4, 24, 4 };
  g_autoptr(TanluGeometry) c = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) two = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) holed = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) empty = tanlu_geometry_new ();
  g_autoptr(TanluGeometry) island = square_with_hole_and_island ();
  double lon, lat, distance;

  /* Near the equator, so that a degree of longitude is one of latitude. */
  tanlu_geometry_begin_polygon (c);
  tanlu_geometry_add_ring (c, c_shape, 9);
  distance = tanlu_geometry_pole_of_inaccessibility (c, 0.01, &lon, &lat);
  g_assert_true (tanlu_geometry_contains (c, lon, lat));
  g_assert_cmpfloat_with_epsilon (lon, 2, 0.05);
  g_assert_cmpfloat_with_epsilon (distance, 2, 0.02);

  /* Of two parts, the one with room. */
  tanlu_geometry_begin_polygon (two);
  tanlu_geometry_add_ring (two, c_shape, 9);
  tanlu_geometry_begin_polygon (two);
  tanlu_geometry_add_ring (two, square, 5);
  distance = tanlu_geometry_pole_of_inaccessibility (two, 0.01, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 25, 0.05);
  g_assert_cmpfloat_with_epsilon (lat, 5, 0.05);
  g_assert_cmpfloat_with_epsilon (distance, 5, 0.02);

  /* Out of the hole, towards a corner: on the diagonal, as far from the
   * two sides as from the hole's corner, a = √2 (4 − a). */
  tanlu_geometry_begin_polygon (holed);
  tanlu_geometry_add_ring (holed, square, 5);
  tanlu_geometry_add_ring (holed, hole, 5);
  distance = tanlu_geometry_pole_of_inaccessibility (holed, 0.001, &lon, &lat);
  g_assert_true (tanlu_geometry_contains (holed, lon, lat));
  g_assert_cmpfloat_with_epsilon (distance, 4 * G_SQRT2 / (1 + G_SQRT2), 0.02);

  /* At 25° N a degree of longitude is shorter: the 10° square's pole is
   * about cos 25° × 5 from its sides, off the hole at its middle. */
  distance = tanlu_geometry_pole_of_inaccessibility (island, 0.001, &lon, &lat);
  g_assert_true (tanlu_geometry_contains (island, lon, lat));
  g_assert_cmpfloat (lon, >, 100);
  g_assert_cmpfloat (lon, <, 110);
  g_assert_cmpfloat (distance, >, 1.5);
  g_assert_cmpfloat (distance, <, 10 * cos (25 * G_PI / 180) / 2);

  g_assert_cmpfloat (tanlu_geometry_pole_of_inaccessibility (empty, 0.01, &lon, &lat), ==, 0);
}

static void
test_geometry_validate (void)
{
  const double short_ring[] = { 1, 1, 2, 2 };
  const double not_finite[] = { 1, 1, NAN, 2, 3, 1, 1, 1 };
  const double out_of_range[] = { 1, 1, 200, 2, 3, 1, 1, 1 };
  struct { const double *points; guint n; int code; } cases[] = {
    { NULL, 0, TANLU_GEOMETRY_ERROR_EMPTY },
    { short_ring, 2, TANLU_GEOMETRY_ERROR_RING_TOO_SHORT },
    { not_finite, 4, TANLU_GEOMETRY_ERROR_NOT_FINITE },
    { out_of_range, 4, TANLU_GEOMETRY_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TanluGeometry) geometry = tanlu_geometry_new ();
      g_autoptr(GError) error = NULL;

      if (cases[i].points != NULL)
        {
          tanlu_geometry_begin_polygon (geometry);
          tanlu_geometry_add_ring (geometry, cases[i].points, cases[i].n);
        }

      g_assert_false (tanlu_geometry_validate (geometry, &error));
      g_assert_error (error, TANLU_GEOMETRY_ERROR, cases[i].code);
    }
}

static void
test_geojson_read (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = tanlu_test_write_file (
    dir, "fixture.geojson",
    "{\"type\":\"FeatureCollection\",\"tanlu\":{\"schematic\":true},\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"code\":510100},\"geometry\":{\"type\":\"Polygon\","
    "\"coordinates\":"
    "[[[103,30],[105,30],[105,31],[103,31],[103,30]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"500100\"},\"geometry\":{\"type\":"
    "\"MultiPolygon\",\"coordinates\":"
    "[[[[106,29],[107,29],[107,30],[106,29]]],[[[108,29],[109,29],[109,30],[108,29]]]]}}]}",
    -1);
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GError) error = NULL;
  gboolean schematic = FALSE;
  TanluBoundaryFeature *feature;

  features = tanlu_geojson_read_boundaries (path, &schematic, &error);
  g_assert_no_error (error);
  g_assert_true (schematic);
  g_assert_cmpuint (features->len, ==, 2);

  feature = g_ptr_array_index (features, 0);
  g_assert_cmpuint (feature->code, ==, 510100);
  g_assert_true (tanlu_geometry_contains (feature->geometry, 104, 30.5));

  feature = g_ptr_array_index (features, 1);
  g_assert_cmpuint (feature->code, ==, 500100);
  g_assert_cmpuint (tanlu_geometry_get_n_polygons (feature->geometry), ==, 2);

  tanlu_test_remove_tree (dir);
}

static void
test_geojson_errors (void)
{
  static const struct {
    const char *contents;
    int         code;
    const char *fragment;
  } cases[] = {
    { "{\"type\":\"FeatureCollection\",\"features\":[", TANLU_GEOJSON_ERROR_PARSE, "bad.geojson" },
    { "{\"type\":\"Feature\"}", TANLU_GEOJSON_ERROR_STRUCTURE, "FeatureCollection" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{},\"geometry\":null}]}",
      TANLU_GEOJSON_ERROR_CODE, "feature 1" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"code\":12},\"geometry\":"
      "null}]}",
      TANLU_GEOJSON_ERROR_CODE, "feature 1" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"code\":510100},"
      "\"geometry\":{\"type\":\"Point\",\"coordinates\":[104,30]}}]}",
      TANLU_GEOJSON_ERROR_GEOMETRY, "510100" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"code\":510100},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"104\",30],[105,30],[105,31],[104,30]"
      "]]}}]}",
      TANLU_GEOJSON_ERROR_GEOMETRY, "510100" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"code\":510100},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[104,30],[105,95],[105,31],[104,30]]]}}"
      "]}",
      TANLU_GEOJSON_ERROR_GEOMETRY, "95" },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"code\":510100},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}]}",
      TANLU_GEOJSON_ERROR_GEOMETRY, "510100" },
  };
  g_autofree char *dir = tanlu_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tanlu_test_write_file (dir, "bad.geojson", cases[i].contents, -1);
      g_autoptr(GPtrArray) features = NULL;
      g_autoptr(GError) error = NULL;

      features = tanlu_geojson_read_boundaries (path, NULL, &error);
      g_assert_null (features);
      g_test_message ("%s", error->message);
      g_assert_error (error, TANLU_GEOJSON_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "bad.geojson"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }

  tanlu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/geometry/structure", test_geometry_structure);
  g_test_add_func ("/tanlu/geometry/contains", test_geometry_contains);
  g_test_add_func ("/tanlu/geometry/round-trip", test_geometry_round_trip);
  g_test_add_func ("/tanlu/geometry/decode-damaged", test_geometry_decode_damaged);
  g_test_add_func ("/tanlu/geometry/centroid", test_geometry_centroid);
  g_test_add_func ("/tanlu/geometry/pole", test_geometry_pole);
  g_test_add_func ("/tanlu/geometry/validate", test_geometry_validate);
  g_test_add_func ("/tanlu/geojson/read", test_geojson_read);
  g_test_add_func ("/tanlu/geojson/errors", test_geojson_errors);

  return g_test_run ();
}
