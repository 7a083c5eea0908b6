/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dataset"

#include "config.h"

#include <math.h>

#include "tanlu-ceads.h"
#include "tanlu-dataset.h"
#include "tanlu-import.h"
#include "tanlu-region.h"
#include "tanlu-source.h"
#include "tanlu-store.h"
#include "tanlu-test-util.h"

typedef TanluTestBundledFixture Fixture;

static void
test_bundled_registry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cities = tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_CITY);
  TanluStoreCounts counts;
  TanluRegion *region;

  g_assert_true (tanlu_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_NATION], ==, 1);
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_PROVINCE], ==, 34);
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_CITY], ==, 364);
  g_assert_cmpuint (counts.n_regions[TANLU_REGION_LEVEL_GROUP], ==, 2);
  g_assert_cmpuint (counts.n_boundaries, ==, 399);

  for (guint i = 0; i < cities->len; i++)
    {
      TanluRegion *city = g_ptr_array_index (cities, i);
      TanluRegion *parent = tanlu_store_lookup_region (fixture->store, tanlu_region_get_parent_code (city));

      g_assert_nonnull (parent);
      g_assert_cmpint (tanlu_region_get_level (parent), ==, TANLU_REGION_LEVEL_PROVINCE);
      g_assert_cmpuint (tanlu_region_get_code (city) / 10000, ==, tanlu_region_get_code (parent) / 10000);
      g_assert_cmpstr (tanlu_region_get_name_zh (city), !=, "");
      g_assert_cmpstr (tanlu_region_get_name_en (city), !=, "");
    }

  region = tanlu_store_lookup_region (fixture->store, 150000);
  g_assert_cmpstr (tanlu_region_get_name_zh (region), ==, "内蒙古");
  g_assert_cmpstr (tanlu_region_get_name_en (region), ==, "Inner Mongolia");
  region = tanlu_store_lookup_region (fixture->store, 500100);
  g_assert_cmpint (tanlu_region_get_level (region), ==, TANLU_REGION_LEVEL_CITY);
  g_assert_cmpuint (tanlu_region_get_parent_code (region), ==, 500000);
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
  g_autoptr(GPtrArray) provinces = tanlu_store_list_regions_at_level (fixture->store, TANLU_REGION_LEVEL_PROVINCE);
  g_autoptr(GArray) nation = tanlu_store_get_series (fixture->store, 100000, "co2.total", &error);
  guint n_covered = 0;

  g_assert_cmpuint (nation->len, ==, 23);
  g_assert_cmpuint (g_array_index (nation, TanluSeriesPoint, 0).year, ==, 1997);
  g_assert_cmpfloat (g_array_index (nation, TanluSeriesPoint, 22).value, ==, 9794.7563966404323);

  for (guint i = 0; i < provinces->len; i++)
    {
      TanluRegion *province = g_ptr_array_index (provinces, i);
      g_autoptr(GArray) total = tanlu_store_get_series (fixture->store, tanlu_region_get_code (province),
                                                        "co2.total", &error);

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
            g_autoptr(GArray) sector = tanlu_store_get_series (fixture->store, tanlu_region_get_code (province),
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
  g_autofree char *workbook = tanlu_test_shared_path ("ceads/provinces/Emission_Inventories_for_30_Provinces_2019.xlsx");
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
  g_assert_cmpuint (report->n_values, ==, 30 * 69);
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
  g_autofree char *journal = NULL;

  g_free (tanlu_test_write_file (dir, "regions.csv",
                                 "code,level,parent,name_zh,name_en\n"
                                 "510100,city,510000,成都,Chengdu\n"
                                 "100000,nation,,中国,China\n"
                                 "510000,province,100000,四川,Sichuan\n", -1));
  g_free (tanlu_test_write_file (dir, "fixture-values.csv",
                                 "region_code,indicator,year,value,source\n"
                                 "510100,co2.total,2019,1.25,fixture\n", -1));
  manifest = tanlu_test_write_file (dir, "dataset.json",
                                    "{\"sources\":[{\"key\":\"fixture\",\"title_zh\":\"测试\",\"title_en\":\"Fixture\","
                                    "\"citation\":\"Made-up figures\"}],"
                                    "\"regions\":\"regions.csv\","
                                    "\"groups\":[{\"key\":\"pair\",\"name_zh\":\"一对\",\"name_en\":\"Pair\",\"members\":[510000,510100]}],"
                                    "\"observations\":[\"fixture-values.csv\"]}", -1);

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
    { "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n510100,city,510000,成都,Chengdu\n",
      "region_code,indicator,year,value,source\n",
      "510000" },
    { "code,level,parent,name_zh,name_en\n100000,nation,,中国,China\n51000,province,100000,四川,Sichuan\n",
      "region_code,indicator,year,value,source\n",
      "line 3" },
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
      manifest = tanlu_test_write_file (dir, "dataset.json",
                                        "{\"sources\":[{\"key\":\"fixture\",\"citation\":\"Made-up figures\"}],"
                                        "\"regions\":\"regions.csv\",\"observations\":[\"fixture-values.csv\"]}", -1);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tanlu/dataset/bundled/registry", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_bundled_registry, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/sources", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_bundled_sources, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/observations", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_bundled_observations, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/dataset/bundled/matches-direct-import", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_bundled_matches_direct_import, tanlu_test_bundled_fixture_tear_down);
  g_test_add_func ("/tanlu/dataset/build/fixture-manifest", test_build_fixture_manifest);
  g_test_add_func ("/tanlu/dataset/build/failures", test_build_failures);

  return g_test_run ();
}
