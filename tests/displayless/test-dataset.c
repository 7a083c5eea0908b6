/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

#include <math.h>

#include "geo/tanlu-basemap-features.h"
#include "import/tanlu-ceads.h"
#include "import/tanlu-dataset.h"
#include "import/tanlu-import.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

typedef TanluTestBundledFixture Fixture;

static void
test_bundled_registry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cities =
    tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_CITY);
  TanluStoreCounts counts;
  TanluRegion *region;

  g_assert_true (tanlu_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_NATION], ==, 1);
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_PROVINCE], ==, 34);
  /* Today's GB/T 2260 (MCA, December 2020, and 白杨 2023): 333
   * prefecture-level units, the 5 municipal entries (110100, 120100,
   * 310100, 500100, 500200) and 32 county-level units under their
   * provinces; 108 former units since 1997. */
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_CITY], ==, 333 + 5 + 32);
  g_assert_cmpuint (counts.n_former_regions, ==, 108);
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_GROUP], ==, 2);
  /* 1 + 34 + 363 outlines: ECharts' 500100 (the whole of Chongqing) is
   * 500000's */
  g_assert_cmpuint (counts.n_boundaries, ==, 398);

  for (guint i = 0; i < cities->len; i++)
    {
      TanluRegion *city = g_ptr_array_index (cities, i);
      TanluRegion *parent =
        tanlu_store_lookup_region (fixture->store, tanlu_region_get_parent_code (city));

      g_assert_nonnull (parent);
      g_assert_cmpint (tanlu_region_get_level (parent), ==, TANLU_REGION_LEVEL_PROVINCE);
      g_assert_cmpuint (tanlu_region_get_code (city) / 10000, ==,
                        tanlu_region_get_code (parent) / 10000);
      g_assert_cmpstr (tanlu_region_get_name_zh (city), !=, "");
      g_assert_cmpstr (tanlu_region_get_name_en (city), !=, "");
    }

  region = tanlu_store_lookup_region (fixture->store, 150000);
  g_assert_cmpstr (tanlu_region_get_name_zh (region), ==, "内蒙古");
  g_assert_cmpstr (tanlu_region_get_name_en (region), ==, "Inner Mongolia");
  region = tanlu_store_lookup_region (fixture->store, 500100);
  g_assert_cmpint (tanlu_region_get_level (region), ==, TANLU_REGION_LEVEL_CITY);
  g_assert_cmpuint (tanlu_region_get_parent_code (region), ==, 500000);
  g_assert_cmpstr (tanlu_region_get_name_en (region), ==, "Chongqing (districts)");

  /* Codes that changed land on today's: the same units */
  {
    static const struct { guint old_code, new_code, last_year; } renamed[] = {
      { 469003, 460400, 2014 }, { 542200, 540500, 2015 }, { 542400, 540600, 2016 },
      { 542600, 540400, 2014 }, { 652100, 650400, 2014 }, { 652200, 650500, 2015 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
      {
        TanluRegion *old = tanlu_store_lookup_region (fixture->store, renamed[i].old_code);
        TanluRegion *now = tanlu_store_lookup_region (fixture->store, renamed[i].new_code);

        g_assert_nonnull (old);
        g_assert_nonnull (now);
        g_assert_false (tanlu_region_is_current (old));
        g_assert_cmpuint (tanlu_region_get_valid_to (old), ==, renamed[i].last_year);
        g_assert_true (tanlu_region_is_current (now));
        g_assert_cmpuint (tanlu_store_get_current_code (fixture->store, renamed[i].old_code), ==,
                          renamed[i].new_code);
      }
  }

  /* 莱芜 merged into 济南 in 2019: a former unit of its own, with a break
   * in 济南's figures; 三沙 and the 兵团 cities are there */
  region = tanlu_store_lookup_region (fixture->store, 371200);
  g_assert_cmpuint (tanlu_region_get_valid_to (region), ==, 2018);
  g_assert_cmpuint (tanlu_store_get_current_code (fixture->store, 371200), ==, 371200);
  {
    g_autoptr(GPtrArray) breaks = tanlu_store_list_breaks (fixture->store, 370100);
    const TanluRegionChange *change;

    g_assert_cmpuint (breaks->len, ==, 1);
    change = g_ptr_array_index (breaks, 0);
    g_assert_cmpuint (change->old_code, ==, 371200);
    g_assert_cmpuint (change->year, ==, 2019);
    g_assert_cmpint (change->kind, ==, TANLU_REGION_MERGED);
  }
  g_assert_nonnull (tanlu_store_lookup_region (fixture->store, 460300));
  for (guint code = 659008; code <= 659012; code++)
    g_assert_nonnull (tanlu_store_lookup_region (fixture->store, code));
  g_assert_cmpstr (tanlu_region_get_full_name_zh (tanlu_store_lookup_region (fixture->store,
                                                                             422800)),
                   ==, "恩施土家族苗族自治州");

  /* English names tell today's units apart */
  {
    g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
    GListModel *regions = tanlu_store_get_regions (fixture->store);

    for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
      {
        g_autoptr(TanluRegion) item = g_list_model_get_item (regions, i);
        const char *name = tanlu_region_get_name_en (item);

        if (!tanlu_region_is_current (item))
          continue;
        if (g_hash_table_contains (names, name))
          g_error ("Two current regions are called “%s”", name);
        g_hash_table_add (names, (gpointer) name);
      }
  }
}

static void
test_bundled_sources (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const ceads[] = { "ceads-provinces", "ceads-cities", "ceads-nation" };
  TanluSource *boundaries = tanlu_store_lookup_source (fixture->store, "echarts-boundaries");

  for (guint i = 0; i < G_N_ELEMENTS (ceads); i++)
    {
      TanluSource *source = tanlu_store_lookup_source (fixture->store, ceads[i]);

      g_assert_nonnull (source);
      g_assert_nonnull (strstr (tanlu_source_get_citation (source), "Shan Y. et al. (2018)"));
      g_assert_nonnull (strstr (tanlu_source_get_citation (source), "Science Bulletin 67(18)"));
      g_assert_nonnull (strstr (tanlu_source_get_citation (source), "ceads.net"));
    }

  g_assert_nonnull (boundaries);
  g_assert_cmpstr (tanlu_source_get_licence (boundaries), ==, "Apache-2.0");
  g_assert_nonnull (strstr (tanlu_source_get_citation (boundaries), "示意"));
}

static void
test_bundled_observations (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) provinces =
    tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_PROVINCE);
  g_autoptr(GArray) nation = tanlu_store_get_series (fixture->store, 100000, "co2.total", &error);
  guint n_covered = 0;

  g_assert_cmpuint (nation->len, ==, 23);
  g_assert_cmpuint (g_array_index (nation, TanluSeriesPoint, 0).year, ==, 1997);
  g_assert_cmpfloat (g_array_index (nation, TanluSeriesPoint, 22).value, ==, 9794.7563966404323);

  for (guint i = 0; i < provinces->len; i++)
    {
      TanluRegion *province = g_ptr_array_index (provinces, i);
      g_autoptr(GArray) total = tanlu_store_get_series (
        fixture->store, tanlu_region_get_code (province), "co2.total", &error);

      g_assert_no_error (error);
      if (total->len == 0)
        continue;

      n_covered++;
      g_assert_cmpuint (total->len, ==, 23);

      /* The committed tables keep the inventories' consistency. */
      {
        double sectors[23] = { 0 };

        for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
          {
            g_autoptr(GArray) sector =
              tanlu_store_get_series (fixture->store, tanlu_region_get_code (province),
                                      tanlu_ceads_sector_indicator (s), &error);

            g_assert_cmpuint (sector->len, ==, 23);
            for (guint y = 0; y < sector->len; y++)
              sectors[y] += g_array_index (sector, TanluSeriesPoint, y).value;
          }

        for (guint y = 0; y < total->len; y++)
          {
            double value = g_array_index (total, TanluSeriesPoint, y).value;

            g_assert_cmpfloat_with_epsilon (sectors[y], value, 1e-6 * MAX (1, value));
          }
      }
    }

  /* CEADs covers 30 provinces: not Tibet, Hong Kong, Macao, Taiwan. */
  g_assert_cmpuint (n_covered, ==, 30);
}

static void
test_bundled_matches_direct_import (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *workbook =
    tanlu_test_shared_path ("ceads/provinces/Emission_Inventories_for_30_Provinces_2019.xlsx");
  g_autoptr(TanluImportReport) report = NULL;

  if (workbook == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  /* Importing the original over the bundled figures changes nothing: the
   * committed tables are exactly what the importer reads. */
  report = tanlu_import_file (fixture->store, workbook, NULL, NULL, NULL);
  g_assert_no_error (report->error);
  /* 69 indicators less the 3 placeholder columns (zero everywhere) */
  g_assert_cmpuint (report->n_values, ==, 30 * 66);
  g_assert_cmpuint (report->n_new, ==, 0);
  g_assert_cmpuint (report->n_replaced, ==, 0);
}

static void
test_build_fixture_manifest (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "out.db", NULL);
  g_autofree char *manifest = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = NULL;

  g_free (tanlu_test_write_file (dir, "regions.csv",
                                 "code,level,parent,name_zh,name_en\n"
                                 "510100,city,510000,成都,Chengdu\n"
                                 "100000,nation,,中国,China\n"
                                 "510000,province,100000,四川,Sichuan\n", -1));
  g_free (tanlu_test_write_file (dir, "fixture-values.csv",
                                 "region_code,indicator,year,value,source\n"
                                 "510100,co2.total,2019,1.25,fixture\n", -1));
  manifest = tanlu_test_write_file (
    dir, "dataset.json",
    "{\"sources\":[{\"key\":\"fixture\",\"title_zh\":\"测试\",\"title_en\":\"Fixture\","
    "\"citation\":\"Made-up figures\"}],"
    "\"regions\":\"regions.csv\","
    "\"groups\":[{\"key\":\"pair\",\"name_zh\":\"一对\",\"name_en\":\"Pair\",\"members\":[510000,"
    "510100]}],"
    "\"observations\":[\"fixture-values.csv\"]}",
    -1);

  g_assert_true (tanlu_dataset_build (manifest, output, &error));
  g_assert_no_error (error);

  store = tanlu_store_new (output, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tanlu_store_lookup_region_by_key (store, "pair"));
  series = tanlu_store_get_series (store, 510100, "co2.total", &error);
  g_assert_cmpuint (series->len, ==, 1);
  g_assert_cmpfloat (g_array_index (series, TanluSeriesPoint, 0).value, ==, 1.25);
  g_assert_false (g_file_test (output, G_FILE_TEST_IS_DIR));

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_build_failures (void)
{
  static const struct {
    const char *regions;
    const char *values;
    const char *fragment;
  } cases[] = {
    { "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n510100,city,510000,成都,"
      "Chengdu\n",
      "region_code,indicator,year,value,source\n", "510000" },
    { "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n51000,province,100000,四川,"
      "Sichuan\n",
      "region_code,indicator,year,value,source\n", "line 3" },
    { "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n",
      "region_code,indicator,year,value,source\n510000,co2.total,2019,1,fixture\n",
      "fixture-values.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = tanlu_test_make_tmpdir ();
      g_autofree char *output = g_build_filename (dir, "out.db", NULL);
      g_autofree char *partial = g_build_filename (dir, "out.db.partial", NULL);
      g_autofree char *manifest = NULL;
      g_autoptr(GError) error = NULL;

      g_free (tanlu_test_write_file (dir, "regions.csv", cases[i].regions, -1));
      g_free (tanlu_test_write_file (dir, "fixture-values.csv", cases[i].values, -1));
      manifest = tanlu_test_write_file (
        dir, "dataset.json",
        "{\"sources\":[{\"key\":\"fixture\",\"citation\":\"Made-up figures\"}],"
        "\"regions\":\"regions.csv\",\"observations\":[\"fixture-values.csv\"]}",
        -1);

      g_assert_false (tanlu_dataset_build (manifest, output, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));

      /* A failed build leaves no database, not even a partial one. */
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

      tanlu_test_remove_tree (dir);
    }
}

static const char * const basemap_kinds[] = {
  "land", "lake", "coastline", "border", "river", "island", "dash",
};

typedef struct
{
  guint      counts[TANLU_BASEMAP_N_DETAILS][G_N_ELEMENTS (basemap_kinds)];
  GPtrArray *fine_land;
} BasemapSummary;

static gboolean
summarise_basemap_cb (const char    *kind,
                      guint          detail,
                      double         min_lon,
                      double         min_lat,
                      double         max_lon,
                      double         max_lat,
                      TanluGeometry *geometry,
                      gpointer       user_data)
{
  BasemapSummary *summary = user_data;
  double bounds[4];
  guint k = 0;

  while (k < G_N_ELEMENTS (basemap_kinds) && !g_str_equal (kind, basemap_kinds[k]))
    k++;
  g_assert_cmpuint (k, <, G_N_ELEMENTS (basemap_kinds));
  g_assert_cmpuint (detail, <, TANLU_BASEMAP_N_DETAILS);
  summary->counts[detail][k]++;

  g_assert_cmpfloat (-180, <=, min_lon);
  g_assert_cmpfloat (min_lon, <=, max_lon);
  g_assert_cmpfloat (max_lon, <=, 180);
  g_assert_cmpfloat (-90, <=, min_lat);
  g_assert_cmpfloat (min_lat, <=, max_lat);
  g_assert_cmpfloat (max_lat, <=, 90);

  /* The fine features stay inside the box they were cut to. */
  if (detail == 1)
    {
      g_assert_cmpfloat (60, <=, min_lon);
      g_assert_cmpfloat (max_lon, <=, 150);
      g_assert_cmpfloat (5, <=, min_lat);
      g_assert_cmpfloat (max_lat, <=, 60);
    }

  /* The stored bounds are the geometry's own. */
  tanlu_geometry_get_bounds (geometry, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
  g_assert_cmpfloat_with_epsilon (bounds[0], min_lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[1], min_lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[2], max_lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (bounds[3], max_lat, 1e-6);

  if (detail == 1 && g_str_equal (kind, "land"))
    g_ptr_array_add (summary->fine_land, tanlu_geometry_ref (geometry));

  return TRUE;
}

static gboolean
geometries_contain (GPtrArray *geometries,
                    double     longitude,
                    double     latitude)
{
  for (guint i = 0; i < geometries->len; i++)
    if (tanlu_geometry_contains (g_ptr_array_index (geometries, i), longitude, latitude))
      return TRUE;

  return FALSE;
}

static void
test_bundled_basemap (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) fine_land =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_geometry_unref);
  g_autoptr(GError) error = NULL;
  BasemapSummary summary = { .fine_land = fine_land };
  TanluSource *source = tanlu_store_lookup_source (fixture->store, "natural-earth");

  g_assert_nonnull (source);
  g_assert_cmpstr (tanlu_source_get_licence (source), ==, "Public domain");
  g_assert_nonnull (strstr (tanlu_source_get_citation (source), "naturalearthdata.com"));

  for (guint detail = 0; detail < TANLU_BASEMAP_N_DETAILS; detail++)
    {
      g_assert_true (tanlu_basemap_foreach_feature (fixture->store, detail, summarise_basemap_cb,
                                                    &summary, &error));
      g_assert_no_error (error);
    }

  for (guint detail = 0; detail < TANLU_BASEMAP_N_DETAILS; detail++)
    for (guint k = 0; k < G_N_ELEMENTS (basemap_kinds); k++)
      {
        /* The South China Sea Islands and dashes are kept whole, at
         * detail 0 only. */
        gboolean whole = g_str_equal (basemap_kinds[k], "island") ||
                         g_str_equal (basemap_kinds[k], "dash");

        g_test_message ("%s at detail %u: %u features", basemap_kinds[k], detail,
                        summary.counts[detail][k]);
        if (whole && detail > 0)
          g_assert_cmpuint (summary.counts[detail][k], ==, 0);
        else
          g_assert_cmpuint (summary.counts[detail][k], >, 0);
      }

  /* Chengdu plain in Sichuan is land, the middle of the Yellow Sea is not. */
  g_assert_true (geometries_contain (fine_land, 104, 30.6));
  g_assert_false (geometries_contain (fine_land, 123, 35));
}

typedef struct
{
  GPtrArray *kinds;
  GPtrArray *geometries;
} BasemapRows;

static gboolean
collect_basemap_cb (const char    *kind,
                    guint          detail,
                    double         min_lon,
                    double         min_lat,
                    double         max_lon,
                    double         max_lat,
                    TanluGeometry *geometry,
                    gpointer       user_data)
{
  BasemapRows *rows = user_data;

  g_ptr_array_add (rows->kinds, g_strdup_printf ("%s/%u", kind, detail));
  g_ptr_array_add (rows->geometries, tanlu_geometry_ref (geometry));

  return TRUE;
}

static void
assert_line (TanluGeometry *geometry,
             guint          index,
             const double  *expected,
             guint          n_expected)
{
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  const TanluRing *ring = tanlu_geometry_get_ring (geometry, index);

  g_assert_cmpuint (tanlu_basemap_line_get_n_points (ring), ==, n_expected);
  for (guint i = 0; i < 2 * n_expected; i++)
    g_assert_cmpfloat_with_epsilon (points[2 * ring->first_point + i], expected[i], 1e-9);
}

static void
test_build_basemap (void)
{
  static const double river[] = { 100, 30, 100.5, 30.5, 101, 30 };
  static const double island[] = { 120, 20, 121, 20, 121, 21, 120, 20 };
  static const double border_a[] = { 90, 40, 91, 41 };
  static const double border_b[] = { 91, 41, 92, 40, 93, 41 };
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "out.db", NULL);
  g_autofree char *manifest = NULL;
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) geometries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_geometry_unref);
  BasemapRows rows = { kinds, geometries };

  g_free (tanlu_test_write_file (
    dir, "regions.csv", "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n", -1));
  g_free (tanlu_test_write_file (
    dir, "basemap.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\",\"detail\":1},\"geometry\":"
    "{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[101,30],[101,31],[100,31],[100,30]]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"river\",\"detail\":1},\"geometry\":"
    "{\"type\":\"LineString\",\"coordinates\":[[100,30],[100.5,30.5],[101,30]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"coastline\",\"detail\":0},\"geometry\":"
    "{\"type\":\"LineString\",\"coordinates\":[[120,20],[121,20],[121,21],[120,20]]}},"
    "{\"type\":\"Feature\",\"properties\":{\"kind\":\"border\",\"detail\":0},\"geometry\":"
    "{\"type\":\"MultiLineString\",\"coordinates\":[[[90,40],[91,41]],[[91,41],[92,40],[93,41]]]}}"
    "]}",
    -1));
  manifest =
    tanlu_test_write_file (dir, "dataset.json",
                           "{\"sources\":[{\"key\":\"fixture\",\"citation\":\"Made-up map\"}],"
                           "\"regions\":\"regions.csv\","
                           "\"basemap\":[{\"file\":\"basemap.geojson\",\"source\":\"fixture\"}]}",
                           -1);

  g_assert_true (tanlu_dataset_build (manifest, output, &error));
  g_assert_no_error (error);

  store = tanlu_store_new (output, &error);
  g_assert_no_error (error);
  for (guint detail = 0; detail < TANLU_BASEMAP_N_DETAILS; detail++)
    g_assert_true (
      tanlu_basemap_foreach_feature (store, detail, collect_basemap_cb, &rows, &error));

  g_assert_cmpuint (kinds->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (kinds, 0), ==, "coastline/0");
  g_assert_cmpstr (g_ptr_array_index (kinds, 1), ==, "border/0");
  g_assert_cmpstr (g_ptr_array_index (kinds, 2), ==, "land/1");
  g_assert_cmpstr (g_ptr_array_index (kinds, 3), ==, "river/1");

  /* Lines come back as they went in, open or closed. */
  assert_line (g_ptr_array_index (geometries, 0), 0, island, G_N_ELEMENTS (island) / 2);
  g_assert_cmpuint (tanlu_geometry_get_n_polygons (g_ptr_array_index (geometries, 1)), ==, 2);
  assert_line (g_ptr_array_index (geometries, 1), 0, border_a, G_N_ELEMENTS (border_a) / 2);
  assert_line (g_ptr_array_index (geometries, 1), 1, border_b, G_N_ELEMENTS (border_b) / 2);
  assert_line (g_ptr_array_index (geometries, 3), 0, river, G_N_ELEMENTS (river) / 2);
  g_assert_true (tanlu_geometry_contains (g_ptr_array_index (geometries, 2), 100.5, 30.5));

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static void
test_build_basemap_failures (void)
{
  static const struct {
    const char *feature;
    const char *fragment;
  } cases[] = {
    { "{\"type\":\"Feature\",\"properties\":{\"kind\":\"road\",\"detail\":1},\"geometry\":"
      "{\"type\":\"LineString\",\"coordinates\":[[100,30],[101,30]]}}",
      "feature 1" },
    { "{\"type\":\"Feature\",\"properties\":{\"kind\":\"river\",\"detail\":2},\"geometry\":"
      "{\"type\":\"LineString\",\"coordinates\":[[100,30],[101,30]]}}",
      "detail" },
    { "{\"type\":\"Feature\",\"properties\":{\"kind\":\"land\",\"detail\":0},\"geometry\":"
      "{\"type\":\"LineString\",\"coordinates\":[[100,30],[101,30]]}}",
      "Polygon" },
    { "{\"type\":\"Feature\",\"properties\":{\"kind\":\"river\",\"detail\":0},\"geometry\":"
      "{\"type\":\"LineString\",\"coordinates\":[[100,30]]}}",
      "LineString" },
    { "{\"type\":\"Feature\",\"properties\":{\"kind\":\"border\",\"detail\":0},\"geometry\":"
      "{\"type\":\"LineString\",\"coordinates\":[[100,30],[200,30]]}}",
      "outside" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = tanlu_test_make_tmpdir ();
      g_autofree char *output = g_build_filename (dir, "out.db", NULL);
      g_autofree char *contents =
        g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[%s]}", cases[i].feature);
      g_autofree char *manifest = NULL;
      g_autoptr(GError) error = NULL;

      g_free (tanlu_test_write_file (
        dir, "regions.csv", "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n", -1));
      g_free (tanlu_test_write_file (dir, "basemap.geojson", contents, -1));
      manifest = tanlu_test_write_file (
        dir, "dataset.json",
        "{\"sources\":[{\"key\":\"fixture\",\"citation\":\"Made-up map\"}],"
        "\"regions\":\"regions.csv\","
        "\"basemap\":[{\"file\":\"basemap.geojson\",\"source\":\"fixture\"}]}",
        -1);

      g_assert_false (tanlu_dataset_build (manifest, output, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "basemap.geojson"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

      tanlu_test_remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tanlu/dataset/bundled/registry", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_bundled_registry, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/sources", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_bundled_sources, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/observations", Fixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_bundled_observations,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/matches-direct-import", Fixture, NULL,
              tanlu_test_bundled_fixture_set_up, test_bundled_matches_direct_import,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add_func ("/tanlu/dataset/build/fixture-manifest", test_build_fixture_manifest);
  g_test_add_func ("/tanlu/dataset/build/failures", test_build_failures);
  g_test_add ("/tanlu/dataset/bundled/basemap", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_bundled_basemap, tanlu_test_bundled_fixture_tear_down);
  g_test_add_func ("/tanlu/dataset/build/basemap", test_build_basemap);
  g_test_add_func ("/tanlu/dataset/build/basemap-failures", test_build_basemap_failures);

  return g_test_run ();
}
