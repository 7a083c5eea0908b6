/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-boundaries"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-geometry.h"
#include "import/tanlu-boundary-import.h"
#include "import/tanlu-input.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

/* Every boundary here is a made-up square around a city's real location,
 * a fixture and not any official outline. */
#define CHENGDU "[[[103.6, 30.3], [104.4, 30.3], [104.4, 31.1], [103.6, 31.1], [103.6, 30.3]]]"
#define CHENGDU_MOVED                                                                              \
  "[[[103.9, 30.5], [104.3, 30.5], [104.3, 30.9], [103.9, 30.9], [103.9, 30.5]]]"
#define CHONGQING "[[[106.0, 29.0], [107.0, 29.0], [107.0, 30.0], [106.0, 30.0], [106.0, 29.0]]]"
#define GUANGZHOU "[[[113.0, 22.9], [113.6, 22.9], [113.6, 23.5], [113.0, 23.5], [113.0, 22.9]]]"

#define FEATURE(code, geometry) \
  "{\"type\": \"Feature\", \"properties\": {\"code\": " code "}, \"geometry\": " geometry "}"
#define POLYGON(coordinates) "{\"type\": \"Polygon\", \"coordinates\": " coordinates "}"
#define COLLECTION(features) "{\"type\": \"FeatureCollection\", \"features\": [" features "]}"

#define FIXTURE_SOURCE "Fixture: made-up squares, not official boundaries"

enum { CHENGDU_CODE = 510100, CHONGQING_CODE = 500000, GUANGZHOU_CODE = 440100 };

typedef enum
{
  LIST_INVALID,
  LIST_UNKNOWN,
  LIST_DUPLICATES,
} ProblemList;

static char *
write_fixture (TanluTestBundledFixture *fixture,
               const char              *contents)
{
  return tanlu_test_write_file (fixture->dir, "boundaries.geojson", contents, -1);
}

static void
assert_boundary (TanluStore *store,
                 guint       code,
                 gboolean    expect_schematic,
                 double      min_lon,
                 double      min_lat,
                 double      max_lon,
                 double      max_lat)
{
  g_autoptr(TanluGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean schematic = !expect_schematic;
  double bounds[4];

  geometry = tanlu_boundary_load (store, code, &schematic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (geometry);
  g_assert_cmpint (schematic, ==, expect_schematic);

  tanlu_geometry_get_bounds (geometry, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
  g_assert_cmpfloat_with_epsilon (bounds[0], min_lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[1], min_lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[2], max_lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[3], max_lat, 1e-6);
}

static GBytes *
encoded_boundary (TanluStore *store,
                  guint       code,
                  gboolean   *schematic)
{
  g_autoptr(TanluGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;

  geometry = tanlu_boundary_load (store, code, schematic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (geometry);

  return tanlu_geometry_encode (geometry);
}

static void
get_centroid (TanluStore *store,
              guint       code,
              double     *longitude,
              double     *latitude)
{
  TanluRegion *region = tanlu_store_lookup_region (store, code);

  g_assert_nonnull (region);
  g_assert_true (tanlu_region_get_centroid (region, longitude, latitude));
}

static void
assert_centroid (TanluStore *store,
                 guint       code,
                 double      longitude,
                 double      latitude)
{
  double lon, lat;

  get_centroid (store, code, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, longitude, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, latitude, 1e-9);
}

static void
test_boundaries_import (TanluTestBundledFixture *fixture,
                        gconstpointer            data)
{
  g_autofree char *path = write_fixture (fixture,
                                         COLLECTION (FEATURE ("\"510100\"", POLYGON (CHENGDU)) ","
                                                     FEATURE ("500000", POLYGON (CHONGQING))));
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GBytes) guangzhou_before = NULL;
  g_autoptr(GBytes) guangzhou_after = NULL;
  g_autoptr(TanluStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TanluSource *source;
  double chengdu_lon, chengdu_lat;
  double guangzhou_lon, guangzhou_lat;
  gboolean schematic = FALSE;

  g_assert_false (tanlu_store_has_official_boundaries (fixture->store));
  get_centroid (fixture->store, CHENGDU_CODE, &chengdu_lon, &chengdu_lat);
  get_centroid (fixture->store, GUANGZHOU_CODE, &guangzhou_lon, &guangzhou_lat);
  guangzhou_before = encoded_boundary (fixture->store, GUANGZHOU_CODE, &schematic);
  g_assert_true (schematic);

  g_assert_true (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL, NULL,
                                                         &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_features, ==, 2);
  g_assert_cmpuint (report->n_replaced, ==, 2);
  g_assert_cmpuint (report->invalid->len, ==, 0);
  g_assert_cmpuint (report->unknown_codes->len, ==, 0);
  g_assert_cmpuint (report->duplicates->len, ==, 0);
  text = tanlu_boundary_report_to_string (report);
  g_assert_cmpstr (text, ==, "Official boundaries loaded for 2 regions");

  /* The squares win over the bundled outlines, and the label points follow. */
  assert_boundary (fixture->store, CHENGDU_CODE, FALSE, 103.6, 30.3, 104.4, 31.1);
  assert_boundary (fixture->store, CHONGQING_CODE, FALSE, 106.0, 29.0, 107.0, 30.0);
  assert_centroid (fixture->store, CHENGDU_CODE, 104.0, 30.7);
  assert_centroid (fixture->store, CHONGQING_CODE, 106.5, 29.5);
  g_assert_cmpfloat (fabs (chengdu_lon - 104.0) + fabs (chengdu_lat - 30.7), >, 1e-3);
  g_assert_true (tanlu_store_has_official_boundaries (fixture->store));

  /* Regions not in the file keep their bundled boundary. */
  guangzhou_after = encoded_boundary (fixture->store, GUANGZHOU_CODE, &schematic);
  g_assert_true (schematic);
  g_assert_true (g_bytes_equal (guangzhou_before, guangzhou_after));
  assert_centroid (fixture->store, GUANGZHOU_CODE, guangzhou_lon, guangzhou_lat);

  source = tanlu_store_lookup_source (fixture->store, "official-boundaries");
  g_assert_nonnull (source);
  g_assert_cmpstr (tanlu_source_get_title_zh (source), ==, FIXTURE_SOURCE);
  g_assert_cmpstr (tanlu_source_get_citation (source), ==, FIXTURE_SOURCE);

  /* All of it was written, not only kept in memory. */
  reopened = tanlu_store_new (tanlu_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  assert_boundary (reopened, CHENGDU_CODE, FALSE, 103.6, 30.3, 104.4, 31.1);
  assert_centroid (reopened, CHENGDU_CODE, 104.0, 30.7);
  assert_centroid (reopened, CHONGQING_CODE, 106.5, 29.5);
  g_assert_true (tanlu_store_has_official_boundaries (reopened));
}

static void
test_boundaries_reject (TanluTestBundledFixture *fixture,
                        gconstpointer            data)
{
  static const struct
  {
    const char  *what;
    const char  *contents;
    ProblemList  list;
    const char  *problem;
  } cases[] = {
    { "malformed JSON",
      "{\"type\": \"FeatureCollection\", \"features\": [" FEATURE ("510100", POLYGON (CHENGDU)),
      LIST_INVALID, "The file is not valid JSON: " },
    { "not a FeatureCollection", FEATURE ("510100", POLYGON (CHENGDU)), LIST_INVALID,
      "The file is not a GeoJSON FeatureCollection" },
    { "no features", COLLECTION (""), LIST_INVALID, "The file has no features" },
    { "no code",
      COLLECTION (
        "{\"type\": \"Feature\", \"properties\": {\"name\": \"成都市\"}, \"geometry\": " POLYGON (
          CHENGDU) "}"),
      LIST_INVALID, "Feature 1: There is no “code” property with the region’s GB/T 2260 code" },
    { "code not six digits", COLLECTION (FEATURE ("\"abc\"", POLYGON (CHENGDU))), LIST_INVALID,
      "Feature 1: The code “abc” is not a six-digit GB/T 2260 region code" },
    { "unknown code",
      COLLECTION (FEATURE ("510100", POLYGON (CHENGDU)) ","
                  FEATURE ("990000", POLYGON (CHONGQING))),
      LIST_UNKNOWN, "990000 (feature 2)" },
    { "duplicate code",
      COLLECTION (
        FEATURE ("510100", POLYGON (CHENGDU)) "," FEATURE ("\"510100\"", POLYGON (CHENGDU_MOVED))),
      LIST_DUPLICATES, "510100 (features 1 and 2)" },
    { "ring of two points",
      COLLECTION (
        FEATURE ("510100", POLYGON ("[[[103.6, 30.3], [104.4, 30.3], [104.4, 31.1], [103.6, 30.3]],"
                                    " [[104.0, 30.6], [104.1, 30.7]]]"))),
      LIST_INVALID, "Feature 1 (510100): Ring 2 has 2 points; a ring needs at least 4" },
    /* JSON cannot hold NaN: a number too large for a double reads as
     * infinity, and "NaN" is a string. */
    { "infinite coordinate",
      COLLECTION (FEATURE (
        "510100", POLYGON ("[[[103.6, 30.3], [1e999, 30.3], [104.4, 31.1], [103.6, 30.3]]]"))),
      LIST_INVALID, "Feature 1 (510100): Ring 1, point 2 is not a finite number" },
    { "NaN coordinate",
      COLLECTION (FEATURE (
        "510100", POLYGON ("[[[103.6, 30.3], [\"NaN\", 30.3], [104.4, 31.1], [103.6, 30.3]]]"))),
      LIST_INVALID, "Feature 1 (510100): Ring 1, point 2 is not a pair of numbers" },
    { "latitude 95",
      COLLECTION (FEATURE (
        "510100", POLYGON ("[[[103.6, 30.3], [104.4, 30.3], [104.4, 95], [103.6, 30.3]]]"))),
      LIST_INVALID,
      "Feature 1 (510100): Ring 1, point 3 (104.4, 95) is outside longitude ±180° and latitude "
      "±90°" },
    { "null geometry", COLLECTION (FEATURE ("510100", "null")), LIST_INVALID,
      "Feature 1 (510100): The feature has no geometry" },
    { "a valid feature beside a bad one",
      COLLECTION (FEATURE ("510100", POLYGON (CHENGDU)) "," FEATURE (
        "500000", POLYGON ("[[[106.0, 29.0], [-181, 29.0], [107.0, 30.0], [106.0, 29.0]]]"))),
      LIST_INVALID,
      "Feature 2 (500000): Ring 1, point 2 (-181, 29) is outside longitude ±180° and latitude "
      "±90°" },
  };
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(GBytes) chengdu_before = NULL;
  gboolean schematic = FALSE;

  chengdu_before = encoded_boundary (fixture->store, CHENGDU_CODE, &schematic);
  g_assert_true (schematic);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_fixture (fixture, cases[i].contents);
      g_autoptr(TanluBoundaryReport) report = NULL;
      g_autoptr(GBytes) chengdu_after = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *text = NULL;
      GPtrArray *lists[] = {
        [LIST_INVALID] = NULL,
        [LIST_UNKNOWN] = NULL,
        [LIST_DUPLICATES] = NULL,
      };

      g_test_message ("%s", cases[i].what);

      g_assert_false (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL, NULL,
                                                              &report, &error));
      g_assert_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW);
      g_assert_true (g_str_has_prefix (error->message, "“boundaries.geojson” was not imported: "));
      g_assert_nonnull (strstr (error->message, cases[i].problem));

      /* Exactly the one problem, in its list, and in the text shown. */
      g_assert_nonnull (report);
      g_assert_cmpuint (report->n_replaced, ==, 0);
      lists[LIST_INVALID] = report->invalid;
      lists[LIST_UNKNOWN] = report->unknown_codes;
      lists[LIST_DUPLICATES] = report->duplicates;
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        g_assert_cmpuint (lists[l]->len, ==, l == cases[i].list ? 1 : 0);
      g_assert_true (
        g_str_has_prefix (g_ptr_array_index (lists[cases[i].list], 0), cases[i].problem));
      text = tanlu_boundary_report_to_string (report);
      g_assert_nonnull (strstr (text, cases[i].problem));
      g_assert_null (strchr (text, '\n'));

      /* Nothing written, nothing replaced. */
      after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
      g_assert_cmpstr (before, ==, after);
      g_assert_false (tanlu_store_has_official_boundaries (fixture->store));
      chengdu_after = encoded_boundary (fixture->store, CHENGDU_CODE, &schematic);
      g_assert_true (schematic);
      g_assert_true (g_bytes_equal (chengdu_before, chengdu_after));
      g_assert_null (tanlu_store_lookup_source (fixture->store, "official-boundaries"));
    }
}

static void
test_boundaries_every_problem (TanluTestBundledFixture *fixture,
                               gconstpointer            data)
{
  g_autofree char *path = write_fixture (fixture,
                                         COLLECTION (FEATURE ("510100", POLYGON (CHENGDU)) ","
                                                     FEATURE ("990000", "null") ","
                                                     FEATURE ("510100", POLYGON (CHENGDU_MOVED)) ","
                                                     FEATURE ("\"51010\"", POLYGON (CHONGQING)) ","
                                                     "[]"));
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;

  g_assert_false (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL, NULL,
                                                          &report, &error));
  g_assert_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW);
  g_assert_cmpstr (error->message, ==,
                   "“boundaries.geojson” was not imported because of 5 problems, the first: "
                   "Feature 2 (990000): The feature has no geometry");

  g_assert_cmpuint (report->n_features, ==, 5);
  text = tanlu_boundary_report_to_string (report);
  g_assert_cmpstr (text, ==,
                   "Feature 2 (990000): The feature has no geometry\n"
                   "Feature 4: The code “51010” is not a six-digit GB/T 2260 region code\n"
                   "Feature 5: The feature is not a GeoJSON object\n"
                   "Unknown region code 990000 (feature 2)\n"
                   "Region code given twice: 510100 (features 1 and 3)");

  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_boundaries_unusable_input (TanluTestBundledFixture *fixture,
                                gconstpointer            data)
{
  g_autofree char *path =
    write_fixture (fixture, COLLECTION (FEATURE ("510100", POLYGON (CHENGDU))));
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.geojson", NULL);
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  /* Official boundaries are never stored without saying whose they are. */
  g_assert_false (
    tanlu_boundaries_import (fixture->store, path, "  ", NULL, NULL, NULL, &report, &error));
  g_assert_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_MISSING_VALUE);
  g_assert_null (report);
  g_clear_error (&error);

  g_assert_false (tanlu_boundaries_import (fixture->store, missing, FIXTURE_SOURCE, NULL, NULL,
                                           NULL, &report, &error));
  g_assert_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.geojson"));
  g_assert_cmpuint (report->invalid->len, ==, 1);

  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
}

static void
test_boundaries_revert (TanluTestBundledFixture *fixture,
                        gconstpointer            data)
{
  g_autofree char *path = write_fixture (fixture,
                                         COLLECTION (FEATURE ("510100", POLYGON (CHENGDU)) ","
                                                     FEATURE ("500000", POLYGON (CHONGQING))));
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(GBytes) chengdu_before = NULL;
  g_autoptr(GBytes) chengdu_after = NULL;
  g_autoptr(TanluStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_again = NULL;
  double lon, lat;
  gboolean schematic = FALSE;
  guint n_reverted = G_MAXUINT;

  chengdu_before = encoded_boundary (fixture->store, CHENGDU_CODE, &schematic);
  get_centroid (fixture->store, CHENGDU_CODE, &lon, &lat);

  g_assert_true (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL, NULL,
                                                         NULL, &error));
  g_assert_no_error (error);
  assert_centroid (fixture->store, CHENGDU_CODE, 104.0, 30.7);

  g_assert_true (tanlu_boundaries_revert (fixture->store, &n_reverted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_reverted, ==, 2);

  chengdu_after = encoded_boundary (fixture->store, CHENGDU_CODE, &schematic);
  g_assert_true (schematic);
  g_assert_true (g_bytes_equal (chengdu_before, chengdu_after));
  assert_centroid (fixture->store, CHENGDU_CODE, lon, lat);
  g_assert_false (tanlu_store_has_official_boundaries (fixture->store));
  g_assert_null (tanlu_store_lookup_source (fixture->store, "official-boundaries"));

  /* The label points come back from the schematic outlines exactly as the
   * bundled dataset computed them, so the whole database is as it was. */
  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);

  reopened = tanlu_store_new (tanlu_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  assert_centroid (reopened, CHENGDU_CODE, lon, lat);

  /* With nothing to revert: success, and nothing written. */
  n_reverted = G_MAXUINT;
  g_assert_true (tanlu_boundaries_revert (fixture->store, &n_reverted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_reverted, ==, 0);
  after_again = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after_again);
}

static void
test_boundaries_second_import (TanluTestBundledFixture *fixture,
                               gconstpointer            data)
{
  g_autofree char *first = write_fixture (fixture,
                                          COLLECTION (FEATURE ("510100", POLYGON (CHENGDU)) ","
                                                      FEATURE ("500000", POLYGON (CHONGQING))));
  g_autofree char *second =
    tanlu_test_write_file (fixture->dir, "second.geojson",
                           COLLECTION (FEATURE ("510100", POLYGON (CHENGDU_MOVED)) "," FEATURE (
                             "440100", POLYGON (GUANGZHOU))),
                           -1);
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(TanluGeometry) chongqing = NULL;
  g_autoptr(GPtrArray) sources_after_first = NULL;
  g_autoptr(GPtrArray) sources_after_second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reverted = NULL;
  TanluSource *source;
  double chongqing_lon, chongqing_lat;
  gboolean schematic = FALSE;
  guint n_reverted = 0;

  get_centroid (fixture->store, CHONGQING_CODE, &chongqing_lon, &chongqing_lat);

  g_assert_true (tanlu_boundaries_import (fixture->store, first, "Fixture A", NULL, NULL, NULL,
                                                         NULL, &error));
  g_assert_no_error (error);
  sources_after_first = tanlu_store_list_sources (fixture->store);

  g_assert_true (tanlu_boundaries_import (fixture->store, second, "Fixture B", NULL, NULL, NULL,
                                                         &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_replaced, ==, 2);

  /* The second file replaces the first whole: Chongqing, which only the
   * first had, is back on its bundled outline and label point. */
  assert_boundary (fixture->store, CHENGDU_CODE, FALSE, 103.9, 30.5, 104.3, 30.9);
  assert_centroid (fixture->store, CHENGDU_CODE, 104.1, 30.7);
  assert_boundary (fixture->store, GUANGZHOU_CODE, FALSE, 113.0, 22.9, 113.6, 23.5);
  assert_centroid (fixture->store, GUANGZHOU_CODE, 113.3, 23.2);
  chongqing = tanlu_boundary_load (fixture->store, CHONGQING_CODE, &schematic, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chongqing);
  g_assert_true (schematic);
  assert_centroid (fixture->store, CHONGQING_CODE, chongqing_lon, chongqing_lat);

  /* Still one official source, now named by the second file. */
  source = tanlu_store_lookup_source (fixture->store, "official-boundaries");
  g_assert_nonnull (source);
  g_assert_cmpstr (tanlu_source_get_citation (source), ==, "Fixture B");
  sources_after_second = tanlu_store_list_sources (fixture->store);
  g_assert_cmpuint (sources_after_second->len, ==, sources_after_first->len);

  /* Reverting takes out the second file's two regions, and nothing of the
   * first is left behind. */
  g_assert_true (tanlu_boundaries_revert (fixture->store, &n_reverted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_reverted, ==, 2);
  reverted = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, reverted);
}

static void
assert_rejected (TanluTestBundledFixture *fixture,
                 const char              *path,
                 const char              *expected)
{
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_false (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL, NULL,
                                           &report, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));

  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
}

/* A file nested 75,000 levels deep once overflowed the JSON parser's
 * stack and killed the application; its nesting is measured first. */
static void
test_boundaries_deep_nesting (TanluTestBundledFixture *fixture,
                              gconstpointer            data)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  g_autofree char *path = NULL;
  g_autofree char *features = NULL;

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "]}");
  path = tanlu_test_write_file (fixture->dir, "deep.geojson", json->str, json->len);
  assert_rejected (fixture, path, "nests more than 64 levels deep");

  /* As deep inside a feature's geometry. */
  g_string_assign (json, COLLECTION (FEATURE ("510100", "{\"type\": \"Polygon\", \"coordinates\": ")));
  g_string_truncate (json, json->len - 4);
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}}]}");
  features = tanlu_test_write_file (fixture->dir, "deep-feature.geojson", json->str, json->len);
  assert_rejected (fixture, features, "nests more than 64 levels deep");
}

/* What the JSON parser would accept wrongly or mishandle, found by
 * fuzzing: a member without a value, a name with an escape JSON does not
 * know (read as text that is not UTF-8), a raw control character. Each is
 * refused with its line and the database kept as it was. */
static void
test_boundaries_bad_json (TanluTestBundledFixture *fixture,
                          gconstpointer            data)
{
  static const struct { const char *name; const char *json; const char *expected; } cases[] = {
    { "no-value.geojson", "{\"source\": \x01\x01, \"type\": \"FeatureCollection\", \"features\": []}",
      "line 1: a value is missing" },
    { "bad-escape.geojson",
      "{\"type\": \"FeatureCollection\", \"features\": [\n"
      "{\"type\": \"Feature\", \"properties\": {\"code\": 510100, \"name\": \"\\u621\xd6\xa3\"},\n"
      " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[103, 30], [104, 30], [104, 31], [103, 30]]]}}]}",
      "line 2: a string holds an escape JSON does not know" },
    { "control.geojson",
      "{\"type\": \"FeatureCollection\",\n\n \"name\": \"two\tcolumns\", \"features\": []}",
      "line 3: a string holds a control character" },
    { "two-lists.geojson",
      "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": [113&8301]}],\n"
      " \"features\": []}", "Line 2: the file has a second" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path =
        tanlu_test_write_file (fixture->dir, cases[i].name, cases[i].json, -1);

      assert_rejected (fixture, path, cases[i].expected);
    }
}

/* A pipe given as the file is refused at once rather than waited on. */
static void
test_boundaries_not_a_file (TanluTestBundledFixture *fixture,
                            gconstpointer            data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "fixture.geojson", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_rejected (fixture, fifo, "is a pipe, not a file");
  assert_rejected (fixture, fixture->dir, "is a folder, not a file");
}

/* Codes are reported as the file writes them, and long text is cut. */
static void
test_boundaries_quote_codes (TanluTestBundledFixture *fixture,
                             gconstpointer            data)
{
  g_autoptr(GString) long_code = g_string_new ("\"");
  g_autofree char *huge = write_fixture (fixture, COLLECTION (FEATURE ("100000000000000000000",
                                                                       POLYGON (CHENGDU))));
  g_autofree char *exponent = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(TanluBoundaryReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused before the JSON parser, which would wrap it to −1. */
  assert_rejected (fixture, huge, "line 1: the whole number “100000000000000000000” has more than");

  exponent = write_fixture (fixture, COLLECTION (FEATURE ("1e20", POLYGON (CHENGDU))));
  assert_rejected (fixture, exponent, "The code “1e20” is not a six-digit");

  for (guint i = 0; i < 1 << 20; i++)
    g_string_append_c (long_code, 'x');
  g_string_append_c (long_code, '"');
  contents = g_strdup_printf (COLLECTION (FEATURE ("%s", POLYGON (CHENGDU))), long_code->str);
  long_path = write_fixture (fixture, contents);

  g_assert_false (tanlu_boundaries_import (fixture->store, long_path, FIXTURE_SOURCE, NULL, NULL,
                                           NULL, &report, &error));
  g_assert_nonnull (strstr (error->message, "The code “xxxxxxxxxx"));
  g_assert_nonnull (strstr (error->message, "x…”"));
  g_assert_cmpuint (strlen (error->message), <, 400);
}

/* Reading stops when cancelled, and nothing is written. */
static void
test_boundaries_cancel (TanluTestBundledFixture *fixture,
                        gconstpointer            data)
{
  g_autofree char *path = write_fixture (fixture, COLLECTION (FEATURE ("510100", POLYGON (CHENGDU))));
  g_autofree char *before = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (tanlu_boundaries_import (fixture->store, path, FIXTURE_SOURCE, NULL, NULL,
                                           cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tanlu/boundaries/import", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_import,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/reject", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_reject,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/every-problem", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_every_problem,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/unusable-input", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_unusable_input,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/deep-nesting", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_deep_nesting,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/bad-json", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_bad_json,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/not-a-file", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_not_a_file,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/quote-codes", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_quote_codes,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/cancel", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_cancel,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/revert", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_revert,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/boundaries/second-import", TanluTestBundledFixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_boundaries_second_import,
              tanlu_test_bundled_fixture_tear_down);

  return g_test_run ();
}
