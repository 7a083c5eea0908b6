/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tanlu-test-util.h"
#include "tanlu-test-xlsx-writer.h"

/* Runs the installed-to-be `tanlu` as a user would, headless: no display
 * in its environment at all. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
run (Fixture      *fixture,
     TanluTestRun *result,
     const char   *first,
     ...)
{
  va_list args;

  va_start (args, first);
  tanlu_test_run_tanlu_valist (result, fixture->dir, fixture->db, first, args);
  va_end (args);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = tanlu_test_make_tmpdir ();
  fixture->db = g_build_filename (fixture->dir, "work.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tanlu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
test_info (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(TanluTestRun) result = { 0 };

  run (fixture, &result, "info", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (
    result.out, "Regions: 1 nation, 34 provincial units, 370 prefecture-level units, 2 groups; "
                "108 former units"));
  g_assert_nonnull (strstr (result.out, "Indicators: 71"));
  /* CEADs: 50,964 without its placeholder columns (scope 2 heat and
   * electricity, other energy: zero everywhere); GCAM-China GDP and
   * population: 8,058 */
  g_assert_nonnull (strstr (result.out, "Observations: 59022"));
  g_assert_nonnull (strstr (result.out, "Years: 1975–2019"));
  /* 2014–2100 of GCAM-China are projections: 31 provinces and the nation,
   * 87 years, GDP and population */
  g_assert_nonnull (strstr (result.out, "Projections: 5568 values, to 2100"));
  g_assert_nonnull (strstr (result.out, "Sources: 8"));
  g_assert_nonnull (strstr (result.out, "Shan Y. et al. (2018)"));

  /* The database was created from the bundled dataset where --db said. */
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(TanluTestRun) result = { 0 };
  g_autofree char *expected = g_build_filename (fixture->dir, "tanlu", "tanlu.db", NULL);

  g_clear_pointer (&fixture->db, g_free);
  run (fixture, &result, "info", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, expected));
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(TanluTestRun) result = { 0 };
  g_auto(GStrv) lines = NULL;

  run (fixture, &result, "export", "observations", "--region", "510000", "--indicator", "co2.total",
       NULL);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "region_code,region_name_zh,region_name_en,indicator,year,value,unit,source,"
                   "citation,origin,source_code,imported_at,kind,flag,note");
  g_assert_cmpuint (count_lines (result.out), ==, 1 + 23);
  g_assert_true (g_str_has_prefix (lines[1], "510000,四川,Sichuan,co2.total,1997,"));
  /* Each row with the citation, the workbook, sheet and cell it was read
   * from, and whether it is observed */
  g_assert_true (g_str_has_prefix (lines[23],
                                   "510000,四川,Sichuan,co2.total,2019,315.16335513633845,Mt CO₂,"
                                   "CEADs provincial CO₂ emission inventories (IPCC sectoral "
                                   "approach),\"Shan Y. et al. (2018)"));
  g_assert_true (g_str_has_suffix (lines[23],
                                   ",Emission_Inventories_for_30_Provinces_2019.xlsx#Sichuan2019!W4"
                                   ",,,observed,,"));
}

static void
test_export_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) cities = { 0 };
  g_auto(TanluTestRun) group = { 0 };
  g_auto(TanluTestRun) nation = { 0 };
  g_auto(GStrv) lines = NULL;

  run (fixture, &cities, "export", "observations", "--level", "city", "--indicator", "co2.total",
       NULL);
  g_assert_cmpint (cities.status, ==, 0);
  /* 3,924 city-years before: less 重庆's 23 (the whole municipality, its
   * provincial inventory's), plus 巢湖's 5 (2006–2010, a former unit) */
  g_assert_cmpuint (count_lines (cities.out), ==, 1 + 3924 - 23 + 5);
  lines = g_strsplit (cities.out, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_false (g_str_has_prefix (lines[i] + 2, "0000,"));
  g_clear_pointer (&lines, g_strfreev);

  run (fixture, &group, "export", "observations", "--region", "chengdu-chongqing", "--indicator",
       "co2.total", NULL);
  g_assert_cmpint (group.status, ==, 0);
  lines = g_strsplit (group.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 100);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "500000,") || g_str_has_prefix (lines[i], "51"));
  /* Each member's row says how much of the group has figures that year:
   * 南充, 广安 and 达州 have none, 资阳's end in 2013. */
  g_assert_nonnull (strstr (group.out, "510100,成都,Chengdu,co2.total,2016,"));
  g_assert_nonnull (strstr (group.out, ",observed,,Chengdu–Chongqing Economic Circle: 12 of 16 "
                                       "members have a figure for 2016\n"));
  /* and the count is of the rows themselves, year by year */
  for (guint year = 1997; year <= 2019; year++)
    {
      g_autofree char *needle = g_strdup_printf (",co2.total,%u,", year);
      g_autofree char *note = NULL;
      guint rows = 0;

      for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
        rows += strstr (lines[i], needle) != NULL;
      note = g_strdup_printf ("Chengdu–Chongqing Economic Circle: %u of 16 members have a figure "
                              "for %u\n", rows, year);
      if (rows > 0)
        g_assert_nonnull (strstr (group.out, note));
    }

  run (fixture, &nation, "export", "observations", "--level", "nation", NULL);
  g_assert_cmpint (nation.status, ==, 0);
  /* CEADs: 23 years of 66 indicators (69 less 3 placeholders); GCAM-China: GDP 1978–2100 and
   * population 1975–2100 */
  g_assert_cmpuint (count_lines (nation.out), ==, 1 + 23 * 66 + 123 + 126);
  /* projections say so in their source */
  g_assert_nonnull (strstr (nation.out, "100000,中国,China,gdp,2030,"));
  g_assert_nonnull (strstr (nation.out, ",亿元,GCAM-China province GDP and population projections "
                                        "(2014–2100),"));
  g_assert_nonnull (strstr (nation.out, ",projection,,\n"));

  /* A figure the source gives as incomplete says so in its row. */
  {
    g_auto(TanluTestRun) ningxia = { 0 };
    g_auto(GStrv) rows = NULL;
    guint flagged = 0;

    run (fixture, &ningxia, "export", "observations", "--region", "640000", "--indicator",
         "co2.total", NULL);
    g_assert_cmpint (ningxia.status, ==, 0);
    rows = g_strsplit (ningxia.out, "\n", -1);
    for (guint i = 1; rows[i] != NULL && *rows[i] != '\0'; i++)
      {
        gboolean incomplete = strstr (rows[i], ",observed,incomplete,") != NULL;

        flagged += incomplete;
        g_assert_cmpint (incomplete, ==,
                         g_str_has_prefix (rows[i], "640000,宁夏,Ningxia,co2.total,2000,") ||
                         g_str_has_prefix (rows[i], "640000,宁夏,Ningxia,co2.total,2001,") ||
                         g_str_has_prefix (rows[i], "640000,宁夏,Ningxia,co2.total,2002,"));
      }
    g_assert_cmpuint (flagged, ==, 3);
  }
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(TanluTestRun) level = { 0 };
  g_auto(TanluTestRun) region = { 0 };
  g_auto(TanluTestRun) indicator = { 0 };
  g_auto(TanluTestRun) what = { 0 };

  run (fixture, &level, "export", "observations", "--level", "county", NULL);
  g_assert_cmpint (level.status, ==, 2);
  g_assert_nonnull (strstr (level.err, "--level"));

  run (fixture, &region, "export", "observations", "--region", "999999", NULL);
  g_assert_cmpint (region.status, ==, 1);
  g_assert_nonnull (strstr (region.err, "999999"));

  run (fixture, &indicator, "export", "observations", "--indicator", "co2.mystery", NULL);
  g_assert_cmpint (indicator.status, ==, 1);
  g_assert_nonnull (strstr (indicator.err, "co2.mystery"));

  run (fixture, &what, "export", "targets", NULL);
  g_assert_cmpint (what.status, ==, 2);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *good = tanlu_test_write_file (fixture->dir, "fixture-good.csv",
                                                 "region_code,indicator,year,value,unit\n"
                                                 "510100,fixture.energy,2019,70.5,Mtce\n", -1);
  g_autofree char *bad = tanlu_test_write_file (fixture->dir, "fixture-bad.csv",
                                                "region_code,indicator,year,value,unit\n"
                                                "510100,fixture.other,2019,1,t\n"
                                                "510100,fixture.other,2020,lots,t\n", -1);
  g_auto(TanluTestRun) first = { 0 };
  g_auto(TanluTestRun) both = { 0 };
  g_auto(TanluTestRun) export = { 0 };

  run (fixture, &first, "import", good, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "fixture-good.csv"));
  g_assert_nonnull (strstr (first.out, "1 of 1 files imported"));

  /* One bad file among several: it alone is left out, and says why. */
  run (fixture, &both, "import", bad, good, NULL);
  g_assert_cmpint (both.status, ==, 1);
  g_assert_nonnull (strstr (both.err, "fixture-bad.csv"));
  g_assert_nonnull (strstr (both.err, "line 3"));
  g_assert_nonnull (strstr (both.err, "lots"));
  g_assert_nonnull (strstr (both.out, "1 of 2 files imported"));

  run (fixture, &export, "export", "observations", "--region", "510100", NULL);
  g_assert_nonnull (strstr (export.out, "fixture.energy,2019,70.5,Mtce"));
  g_assert_null (strstr (export.out, "fixture.other"));

  /* The row names the file and line it came from, and when it came. */
  {
    g_auto(GStrv) lines = g_strsplit (export.out, "\n", -1);
    gboolean found = FALSE;

    for (guint i = 1; lines[i] != NULL; i++)
      if (strstr (lines[i], "fixture.energy,2019,70.5,Mtce,fixture-good.csv,") != NULL)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

          g_assert_cmpuint (g_strv_length (fields), ==, 15);
          g_assert_cmpstr (fields[9], ==, "fixture-good.csv:2");
          g_assert_cmpstr (fields[10], ==, "");
          g_assert_true (g_str_has_suffix (fields[11], "Z"));
          g_assert_cmpstr (fields[12], ==, "observed");
          found = TRUE;
        }
    g_assert_true (found);
  }
}

static void
test_import_workbook_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *text = tanlu_test_write_file (fixture->dir, "notes.xlsx", "not a workbook", -1);
  g_autofree char *empty = tanlu_test_write_file (fixture->dir, "empty.xlsx", "", 0);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.xlsx", NULL);
  g_auto(TanluTestRun) create = { 0 };
  g_auto(TanluTestRun) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run (fixture, &create, "info", NULL);
  before = tanlu_test_fingerprint (fixture->db);

  run (fixture, &result, "import", text, empty, missing, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "notes.xlsx"));
  g_assert_nonnull (strstr (result.err, "empty.xlsx"));
  g_assert_nonnull (strstr (result.err, "missing.xlsx"));
  g_assert_nonnull (strstr (result.out, "0 of 3 files imported"));

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_real_workbook (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *workbook = tanlu_test_shared_path ("ceads/nation_1997-2019.xlsx");
  g_auto(TanluTestRun) result = { 0 };

  if (workbook == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  run (fixture, &result, "import", workbook, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (
    strstr (result.out,
            "CEADs national inventory; 1518 values for 1 regions, 1997–2019 (0 new, 0 replaced"));
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(TanluTestRun) exported = { 0 };
  g_auto(TanluTestRun) imported = { 0 };
  g_autofree char *path = NULL;

  run (fixture, &exported, "export", "observations", "--region", "510000", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  path = tanlu_test_write_file (fixture->dir, "sichuan.csv", exported.out, -1);

  /* The export reads back as exactly the same values, each under its
   * source: CEADs' 1,518 (23 years of 66 indicators) and GCAM-China's 126
   * years of GDP and of population. */
  run (fixture, &imported, "import", path, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (
    strstr (imported.out, "1770 values for 1 regions, 1975–2100 (0 new, 0 replaced"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(TanluTestRun) no_files = { 0 };
  g_auto(TanluTestRun) no_db = { 0 };
  g_auto(TanluTestRun) version = { 0 };
  g_auto(TanluTestRun) help = { 0 };

  run (fixture, &no_files, "import", NULL);
  g_assert_cmpint (no_files.status, ==, 2);

  g_clear_pointer (&fixture->db, g_free);
  run (fixture, &no_db, "--db", NULL);
  g_assert_cmpint (no_db.status, ==, 2);
  g_assert_nonnull (strstr (no_db.err, "--db"));

  run (fixture, &version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "tanlu "));

  run (fixture, &help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "export observations"));
}

/* The target library as a planner lists it: the national targets with
 * the values and words of the plans, and every level. */
static void
test_targets_list (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const national[] = {
    "100000,中国,nation,cn-opinions,co2_intensity_reduction_pct,2025,2020,18,exact,%,"
    "单位国内生产总值二氧化碳排放比2020年下降18%\n",
    "100000,中国,nation,cn-opinions,co2_intensity_reduction_pct,2030,2005,65,at_least,%,"
    "单位国内生产总值二氧化碳排放比2005年下降65%以上\n",
    "100000,中国,nation,cn-opinions,nonfossil_share_pct,2025,,20,about,%,"
    "非化石能源消费比重达到20%左右\n",
    "100000,中国,nation,cn-opinions,nonfossil_share_pct,2030,,25,about,%,"
    "非化石能源消费比重达到25%左右\n",
    "100000,中国,nation,cn-opinions,wind_solar_capacity_gw,2030,,1200,at_least,GW,"
    "风电、太阳能发电总装机容量达到12亿千瓦以上\n",
    "100000,中国,nation,cn-opinions,energy_intensity_reduction_pct,2025,2020,13.5,exact,%,"
    "单位国内生产总值能耗比2020年下降13.5%\n",
  };
  g_auto(TanluTestRun) nation = { 0 };
  g_auto(TanluTestRun) all = { 0 };
  g_auto(TanluTestRun) sichuan = { 0 };
  g_auto(TanluTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  run (fixture, &nation, "targets", "list", "--region", "100000", "--level", "nation", NULL);
  g_assert_cmpint (nation.status, ==, 0);
  g_assert_true (g_str_has_prefix (nation.out,
                                   "region_code,region_name_zh,level,document,indicator,"
                                   "target_year,base_year,value,qualifier,unit,quote\n"));
  for (guint i = 0; i < G_N_ELEMENTS (national); i++)
    g_assert_nonnull (strstr (nation.out, national[i]));

  /* Every plan level but the districts', which the registry does not hold
   * yet, and no fewer than the reviewed library has. */
  run (fixture, &all, "targets", "list", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpuint (count_lines (all.out), ==, 1 + 38 + 65 + 712 + 257);
  for (const char *const *level = (const char *const[]){ ",nation,", ",ministry,", ",province,",
                                                         ",city,", NULL };
       *level != NULL; level++)
    g_assert_nonnull (strstr (all.out, *level));

  /* JSON with the plan, scope and where the quote is. */
  run (fixture, &sichuan, "targets", "list", "--region", "510000", "--indicator",
       "co2_peak_year", "--format", "json", NULL);
  g_assert_cmpint (sichuan.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, sichuan.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *target = json_array_get_object_element (array, i);

      g_assert_cmpint (json_object_get_int_member (target, "region_code"), ==, 510000);
      g_assert_cmpstr (json_object_get_string_member (target, "indicator"), ==, "co2_peak_year");
      g_assert_cmpstr (json_object_get_string_member (target, "seed_file"), ==,
                       "004_a895838ed2e4cd84.txt");
      g_assert_cmpint (json_object_get_int_member (target, "quote_offset"), >, 0);
      g_assert_nonnull (strstr (json_object_get_string_member (target, "quote"), "峰"));
    }

  run (fixture, &bad, "targets", "list", "--level", "county", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--level"));
}

/* The report card on the bundled data: Sichuan has no CO₂-intensity
 * target of its own, so the nation's are listed for reference with the
 * plan's words; the 2020 base year is after the emissions (to 2019), so no
 * figure is claimed for it; the peak is its own. */
static void
test_targets_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) sichuan = { 0 };
  g_auto(TanluTestRun) unknown = { 0 };
  g_auto(TanluTestRun) missing = { 0 };
  g_auto(TanluTestRun) group = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint n_intensity = 0, n_peak = 0;

  run (fixture, &sichuan, "targets", "report", "--region", "510000", "--format", "json", NULL);
  g_assert_cmpint (sichuan.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, sichuan.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      JsonObject *target = json_object_get_object_member (item, "target");
      const char *indicator = json_object_get_string_member (target, "indicator");

      if (g_str_equal (indicator, "co2_intensity_reduction_pct"))
        {
          n_intensity++;
          g_assert_true (json_object_get_boolean_member (item, "reference"));
          g_assert_cmpint (json_object_get_int_member (target, "region_code"), ==, 100000);
          g_assert_nonnull (strstr (json_object_get_string_member (target, "quote"),
                                    "单位国内生产总值二氧化碳排放比"));
          if (json_object_get_int_member (target, "base_year") == 2020)
            {
              g_assert_cmpstr (json_object_get_string_member (item, "status"), ==,
                               "not_checkable");
              g_assert_true (json_object_get_null_member (item, "achieved_pct"));
              g_assert_true (json_object_get_null_member (item, "latest_value"));
              g_assert_cmpint (json_object_get_int_member (item, "latest_year"), ==, 2019);
              g_assert_null (strstr (json_object_get_string_member (item, "status_en"), "in 2020"));
            }
          else
            {
              g_assert_cmpint (json_object_get_int_member (target, "base_year"), ==, 2005);
              g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "under_way");
              g_assert_cmpint (json_object_get_int_member (item, "latest_year"), ==, 2019);
              g_assert_cmpstr (json_object_get_string_member (item, "gdp_series"), ==, "gdp");
              /* GCAM-China's 2019 GDP is a projection, and the card says so. */
              g_assert_true (json_object_get_boolean_member (item, "gdp_projected"));
              g_assert_nonnull (strstr (json_object_get_string_member (item, "status_en"),
                                        "projection"));
              g_assert_nonnull (strstr (json_object_get_string_member (item, "sources_en"),
                                        "GCAM-China"));
            }
        }
      else if (g_str_equal (indicator, "co2_peak_year"))
        {
          n_peak++;
          g_assert_false (json_object_get_boolean_member (item, "reference"));
          g_assert_cmpint (json_object_get_int_member (target, "region_code"), ==, 510000);
          g_assert_cmpint (json_object_get_int_member (item, "latest_year"), ==, 2019);
          g_assert_nonnull (strstr (json_object_get_string_member (item, "sources_en"),
                                    "CEADs"));
        }
    }
  g_assert_cmpuint (n_intensity, ==, 2);
  /* Two of Sichuan's plans state the same peak: it is listed once. */
  g_assert_cmpuint (n_peak, ==, 1);

  run (fixture, &unknown, "targets", "report", "--region", "519999", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "519999"));
  g_assert_cmpstr (unknown.out, ==, "");

  run (fixture, &group, "targets", "report", "--region", "chengdu-chongqing", NULL);
  g_assert_cmpint (group.status, ==, 1);
  g_assert_nonnull (strstr (group.err, "chengdu-chongqing"));

  run (fixture, &missing, "targets", "report", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "--region"));
}

/* The joint plan's 26 tasks with their lead units; a status set survives
 * a restart (another process), is undone to the one before, and a wrong
 * one changes nothing. */
static void
test_tracker (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(TanluTestRun) list = { 0 };
  g_auto(TanluTestRun) set = { 0 };
  g_auto(TanluTestRun) again = { 0 };
  g_auto(TanluTestRun) set2 = { 0 };
  g_auto(TanluTestRun) undo = { 0 };
  g_auto(TanluTestRun) after_undo = { 0 };
  g_auto(TanluTestRun) bad_status = { 0 };
  g_auto(TanluTestRun) bad_task = { 0 };
  g_auto(TanluTestRun) bad_date = { 0 };
  g_auto(TanluTestRun) export = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "tracker.csv", NULL);
  g_autofree char *csv = NULL;

  run (fixture, &list, "tracker", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (count_lines (list.out), ==, 1 + 26);
  g_assert_nonnull (strstr (list.out, "\n1,区域能源绿色低碳转型行动,1,协同开发油气资源,重庆市能源局,"
                                      "重庆市能源局、市经济信息委,四川省能源局,四川省能源局、经济和信息化厅,"));
  g_assert_nonnull (strstr (list.out, ",not_started,,,\n"));
  g_assert_null (strstr (list.out, "under_way"));

  run (fixture, &set, "tracker", "set", "5", "under_way", "--note", "Fixture note: 试点启动",
       "--date", "2026-11-30", NULL);
  g_assert_cmpint (set.status, ==, 0);
  run (fixture, &again, "tracker", "list", NULL);
  g_assert_nonnull (strstr (again.out, ",5,推动乡村绿色低碳产业协同发展,"));
  g_assert_nonnull (strstr (again.out, ",under_way,Fixture note: 试点启动,2026-11-30,"));

  run (fixture, &set2, "tracker", "set", "5", "delayed", NULL);
  g_assert_cmpint (set2.status, ==, 0);
  run (fixture, &undo, "tracker", "undo", "5", NULL);
  g_assert_cmpint (undo.status, ==, 0);
  run (fixture, &after_undo, "tracker", "list", NULL);
  g_assert_nonnull (strstr (after_undo.out, ",under_way,Fixture note: 试点启动,2026-11-30,"));
  g_assert_null (strstr (after_undo.out, "delayed"));

  before = tanlu_test_fingerprint (fixture->db);
  run (fixture, &bad_status, "tracker", "set", "5", "finished", NULL);
  g_assert_cmpint (bad_status.status, ==, 1);
  g_assert_nonnull (strstr (bad_status.err, "finished"));
  run (fixture, &bad_task, "tracker", "set", "27", "done", NULL);
  g_assert_cmpint (bad_task.status, ==, 1);
  g_assert_nonnull (strstr (bad_task.err, "27"));
  run (fixture, &bad_date, "tracker", "set", "5", "done", "--date", "2026-13-40", NULL);
  g_assert_cmpint (bad_date.status, ==, 1);
  g_assert_nonnull (strstr (bad_date.err, "2026-13-40"));
  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);

  run (fixture, &export, "tracker", "export", "--format", "csv", "-o", csv_path, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==, after_undo.out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("info", test_info);
  ADD ("default-database", test_default_database);
  ADD ("export", test_export);
  ADD ("targets-list", test_targets_list);
  ADD ("targets-report", test_targets_report);
  ADD ("tracker", test_tracker);
  ADD ("export-filters", test_export_filters);
  ADD ("export-errors", test_export_errors);
  ADD ("import", test_import);
  ADD ("import-workbook-errors", test_import_workbook_errors);
  ADD ("import-real-workbook", test_import_real_workbook);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("usage-errors", test_usage_errors);

#undef ADD

  return g_test_run ();
}
