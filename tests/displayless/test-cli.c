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
  g_assert_nonnull (strstr (result.out, "Sources: 9"));
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
  g_auto(TanluTestRun) districts = { 0 };
  g_auto(TanluTestRun) dazu = { 0 };
  g_auto(TanluTestRun) chongqing = { 0 };
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

  /* Every plan level, and no fewer than the reviewed library has. */
  run (fixture, &all, "targets", "list", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpuint (count_lines (all.out), ==, 1 + 38 + 65 + 712 + 257 + 79);
  for (const char *const *level = (const char *const[]){ ",nation,", ",ministry,", ",province,",
                                                         ",city,", ",district,", NULL };
       *level != NULL; level++)
    g_assert_nonnull (strstr (all.out, *level));

  /* A district's plan under the district's own code and name, though the
   * registry stops at prefecture level; and only with --level district or
   * its code, never as its prefecture's target */
  run (fixture, &districts, "targets", "list", "--level", "district", NULL);
  g_assert_cmpint (districts.status, ==, 0);
  g_assert_cmpuint (count_lines (districts.out), ==, 1 + 79);
  g_assert_nonnull (strstr (districts.out, "\n500111,重庆市大足区,district,cq-dazu-peak-plan,"));
  run (fixture, &dazu, "targets", "list", "--region", "500111", "--indicator", "co2_peak_year",
       NULL);
  g_assert_cmpint (dazu.status, ==, 0);
  g_assert_true (count_lines (dazu.out) >= 2);
  for (const char *line = strchr (dazu.out, '\n') + 1; *line != '\0'; line = strchr (line, '\n') + 1)
    g_assert_true (g_str_has_prefix (line, "500111,重庆市大足区,district,"));
  run (fixture, &chongqing, "targets", "list", "--region", "500100", NULL);
  g_assert_cmpint (chongqing.status, ==, 0);
  g_assert_null (strstr (chongqing.out, "cq-dazu"));

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

/* A planner's own plan: its text, and its targets as `targets list`
 * writes them. Made up, as its name says. */
#define FIXTURE_PLAN_TEXT                                                                        \
  "Fixture 测试市碳达峰实施方案\n"                                                               \
  "\n"                                                                                           \
  "到2025年，单位地区生产总值二氧化碳排放比2020年下降19.5%，非化石能源消费比重达到30%左右；"    \
  "风电、太阳能发电总装机容量达到1.2亿千瓦以上。到2030年，二氧化碳排放量达到峰值并实现稳中有降。\n"

#define TARGETS_HEADER "region_code,indicator,target_year,base_year,value,qualifier,unit,quote\n"
#define GOOD_TARGET "510100,nonfossil_share_pct,2025,,30,about,%,非化石能源消费比重达到30%左右\n"

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* A plan's targets land with where their words are in the plan and the
 * sentence around them, beside the bundled library; the same plan again
 * is refused unless replaced. */
static void
test_targets_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) import = { 0 };
  g_auto(TanluTestRun) list = { 0 };
  g_auto(TanluTestRun) json = { 0 };
  g_auto(TanluTestRun) again = { 0 };
  g_auto(TanluTestRun) replace = { 0 };
  g_auto(TanluTestRun) all = { 0 };
  g_auto(TanluTestRun) after = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = g_build_filename (fixture->dir, "Fixture plan.txt", NULL);
  g_autofree char *targets = g_build_filename (fixture->dir, "Fixture targets.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *fingerprint = NULL;
  JsonArray *array;
  guint n_user = 0;

  write_file (plan, FIXTURE_PLAN_TEXT);
  write_file (targets,
              "region_code,region_name_zh,level,document,indicator,target_year,base_year,value,"
              "qualifier,unit,quote,value_as_written\n"
              "510100,成都,city,elsewhere,co2_intensity_reduction_pct,2025,2020,19.5,exact,%,"
              "单位地区生产总值二氧化碳排放比2020年下降19.5%,\n"
              "510100,成都,city,elsewhere,nonfossil_share_pct,2025,,30,about,%,"
              "非化石能源消费比重达到30%左右,\n"
              "510100,,,,wind_solar_capacity_gw,2025,,120,at_least,GW,"
              "风电、太阳能发电总装机容量达到1.2亿千瓦以上,1.2亿千瓦\n"
              "510100,,,,co2_peak_year,2030,,2030,at_most,year,"
              "到2030年，二氧化碳排放量达到峰值,\n");

  run (fixture, &all, "targets", "list", NULL);
  g_assert_cmpint (all.status, ==, 0);

  run (fixture, &import, "targets", "import", "--plan", plan, "--issuer", "Fixture 人民政府",
       targets, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "4"));

  /* Listed in a second process as the library's are, as the city's own. */
  run (fixture, &list, "targets", "list", "--region", "510100", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "510100,成都,city,user:510100:Fixture plan.txt,"
                                      "co2_intensity_reduction_pct,2025,2020,19.5,exact,%,"
                                      "单位地区生产总值二氧化碳排放比2020年下降19.5%\n"));
  g_assert_nonnull (strstr (list.out, "510100,成都,city,user:510100:Fixture plan.txt,"
                                      "wind_solar_capacity_gw,2025,,120,at_least,GW,"
                                      "风电、太阳能发电总装机容量达到1.2亿千瓦以上\n"));

  run (fixture, &json, "targets", "list", "--region", "510100", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *target = json_array_get_object_element (array, i);
      const char *indicator = json_object_get_string_member (target, "indicator");

      if (!g_str_has_prefix (json_object_get_string_member (target, "document"), "user:"))
        continue;
      n_user++;
      g_assert_cmpstr (json_object_get_string_member (target, "document_title"), ==,
                       "Fixture 测试市碳达峰实施方案");
      g_assert_cmpstr (json_object_get_string_member (target, "seed_file"), ==,
                       "Fixture plan.txt");
      g_assert_cmpstr (json_object_get_string_member (target, "level"), ==, "city");
      if (g_str_equal (indicator, "co2_intensity_reduction_pct"))
        g_assert_cmpint (json_object_get_int_member (target, "quote_offset"), ==, 27);
      else if (g_str_equal (indicator, "nonfossil_share_pct"))
        g_assert_cmpint (json_object_get_int_member (target, "quote_offset"), ==, 55);
      else if (g_str_equal (indicator, "wind_solar_capacity_gw"))
        g_assert_cmpint (json_object_get_int_member (target, "quote_offset"), ==, 72);
      else
        {
          g_assert_cmpstr (indicator, ==, "co2_peak_year");
          g_assert_cmpint (json_object_get_int_member (target, "quote_offset"), ==, 96);
        }
    }
  g_assert_cmpuint (n_user, ==, 4);

  /* The same plan again is refused and changes nothing; replaced, it
   * holds the file's targets once. */
  before = tanlu_test_fingerprint (fixture->db);
  run (fixture, &again, "targets", "import", "--plan", plan, targets, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "“Fixture plan.txt” of region 510100 was imported before"));
  g_assert_nonnull (strstr (again.err, "--replace"));
  fingerprint = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, fingerprint);

  run (fixture, &replace, "targets", "import", "--plan", plan, "--replace", "--title",
       "Fixture 方案（修订）", targets, NULL);
  g_assert_cmpint (replace.status, ==, 0);
  run (fixture, &after, "targets", "list", NULL);
  g_assert_cmpuint (count_lines (after.out), ==, count_lines (all.out) + 4);
}

/* Every kind of bad targets table or plan is refused with its file, line
 * and column, and the database stays as it was, though the rows before
 * the bad one are good. */
static void
test_targets_import_errors (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    const char *targets;
    const char *plan;
    const char *message;
  } cases[] = {
    { "", NULL, "“Fixture targets.csv”, line 1, header: the file is empty" },
    { TARGETS_HEADER, NULL, "“Fixture targets.csv” has a header but no targets" },
    { "region_code,indicator,target_year,base_year,value,unit,quote\n", NULL,
      "“Fixture targets.csv”, line 1, qualifier: the column is missing" },
    { "region_code,indicator,target_year,base_year,value,qualifier,unit,quote,comment\n", NULL,
      "“Fixture targets.csv”, line 1, comment: not a column" },
    { TARGETS_HEADER GOOD_TARGET "510100,nonfossil_share_pct,2025,,30,about,%\n", NULL,
      "“Fixture targets.csv”, line 3: 7 fields, but the header has 8" },
    { TARGETS_HEADER GOOD_TARGET "999999,nonfossil_share_pct,2030,,30,about,%,非化石能源\n", NULL,
      "“Fixture targets.csv”, line 3, region_code: “999999” is not a known GB/T 2260 region code" },
    { TARGETS_HEADER GOOD_TARGET "500000,nonfossil_share_pct,2030,,30,about,%,非化石能源\n", NULL,
      "“Fixture targets.csv”, line 3, region_code: 500000 is not the plan’s region, 510100" },
    { "region_code,region_name_zh,indicator,target_year,base_year,value,qualifier,unit,quote\n"
      "510100,重庆,nonfossil_share_pct,2025,,30,about,%,非化石能源消费比重达到30%左右\n", NULL,
      "“Fixture targets.csv”, line 2, region_name_zh: the code 510100 is 成都, but the row names "
      "it “重庆”" },
    { TARGETS_HEADER GOOD_TARGET "510100,co2_reduction,2025,2020,19.5,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, indicator: “co2_reduction” is not in the vocabulary" },
    { TARGETS_HEADER GOOD_TARGET "510100,other:,2025,2020,19.5,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, indicator: “other:” is not in the vocabulary" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,2020,19.5,roughly,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, qualifier: “roughly” is not exact, about, at_least or "
      "at_most" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2101,2020,19.5,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, target_year: “2101” is not a year from 1949 to 2100" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,1900,19.5,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, base_year: “1900” is not a year from 1949 to 2100" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2020,2025,19.5,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, base_year: 2025 is not before the target year, 2020" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,2020,十九点五,exact,%,下降19.5%\n", NULL,
      "“Fixture targets.csv”, line 3, value: “十九点五” is not a decimal number" },
    { TARGETS_HEADER GOOD_TARGET "510100,co2_peak_year,2030,,2035,at_most,year,到2030年\n", NULL,
      "“Fixture targets.csv”, line 3, value: the value of a peak or neutrality year is its "
      "target year, 2030" },
    { TARGETS_HEADER GOOD_TARGET "510100,nonfossil_share_pct,2030,,30,about,,非化石能源\n", NULL,
      "“Fixture targets.csv”, line 3, unit: empty" },
    { TARGETS_HEADER GOOD_TARGET "510100,nonfossil_share_pct,2030,,30,about,%,\n", NULL,
      "“Fixture targets.csv”, line 3, quote: empty" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,2020,19.5,exact,%,"
      "单位地区生产总值二氧化碳排放比2020年下降19.5%单位地区生产总值二氧化碳排放比2020年下降19.5%"
      "单位地区生产总值二氧化碳排放比2020年下降19.5%单位地区生产总值二氧化碳排放比2020年下降19.5%\n",
      NULL, "“Fixture targets.csv”, line 3, quote: 108 characters; a quote is at most 100" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,2020,18,exact,%,单位地区生产总值二氧化碳排放比2020年下降18%\n",
      NULL,
      "“Fixture targets.csv”, line 3, quote: “单位地区生产总值二氧化碳排放比2020年下降18%” is not "
      "in the plan’s text, word for word" },
    { TARGETS_HEADER GOOD_TARGET
      "510100,co2_intensity_reduction_pct,2025,2020,9.5,exact,%,单位地区生产总值二氧化碳排放比2020年下降19.5%\n",
      NULL,
      "“Fixture targets.csv”, line 3, quote: “单位地区生产总值二氧化碳排放比2020年下降19.5%” does "
      "not hold the value “9.5” as written" },
    { "region_code,indicator,target_year,base_year,value,qualifier,unit,quote,value_as_written\n"
      "510100,wind_solar_capacity_gw,2025,,100,at_least,GW,风电、太阳能发电总装机容量达到1.2亿千瓦以上,"
      "1.2亿千瓦\n",
      NULL,
      "“Fixture targets.csv”, line 2, value_as_written: “1.2亿千瓦” is not the value, 100 GW" },
    { TARGETS_HEADER GOOD_TARGET GOOD_TARGET, NULL,
      "“Fixture targets.csv”, line 3, quote: the same target as on line 2" },
    { TARGETS_HEADER GOOD_TARGET "510100,nonfossil_share_pct,2030,,30,about,%,\xff\xfe\n", NULL,
      "“Fixture targets.csv”, line 3: the text is not UTF-8" },
    { TARGETS_HEADER GOOD_TARGET, "Fixture 方案\n非化石能源消费比重达到30%左右\n\xc0\xaf\n",
      "“Fixture plan.txt”, line 3: the text is not UTF-8" },
    { TARGETS_HEADER GOOD_TARGET, " \n\n", "“Fixture plan.txt” is empty" },
  };
  g_auto(TanluTestRun) list = { 0 };
  g_autofree char *plan = g_build_filename (fixture->dir, "Fixture plan.txt", NULL);
  g_autofree char *targets = g_build_filename (fixture->dir, "Fixture targets.csv", NULL);
  g_autofree char *before = NULL;

  run (fixture, &list, "targets", "list", "--region", "510100", NULL);
  g_assert_cmpint (list.status, ==, 0);
  before = tanlu_test_fingerprint (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TanluTestRun) import = { 0 };
      g_autofree char *fingerprint = NULL;

      write_file (plan, cases[i].plan != NULL ? cases[i].plan : FIXTURE_PLAN_TEXT);
      write_file (targets, cases[i].targets);
      run (fixture, &import, "targets", "import", "--plan", plan, targets, NULL);
      if (strstr (import.err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message, import.err);
      g_assert_cmpint (import.status, ==, 1);
      fingerprint = tanlu_test_fingerprint (fixture->db);
      g_assert_cmpstr (before, ==, fingerprint);
    }

  /* What would make the search for the quotes long: a plan's text over
   * 8 MiB, more than 1,000 targets. */
  {
    g_auto(TanluTestRun) large_plan = { 0 };
    g_auto(TanluTestRun) many = { 0 };
    g_autoptr(GString) text = g_string_new (FIXTURE_PLAN_TEXT);
    g_autoptr(GString) rows = g_string_new (TARGETS_HEADER);
    g_autofree char *fingerprint = NULL;

    while (text->len <= 8 * 1024 * 1024)
      g_string_append (text, FIXTURE_PLAN_TEXT);
    write_file (plan, text->str);
    write_file (targets, TARGETS_HEADER GOOD_TARGET);
    run (fixture, &large_plan, "targets", "import", "--plan", plan, targets, NULL);
    g_assert_cmpint (large_plan.status, ==, 1);
    g_assert_nonnull (strstr (large_plan.err, "“Fixture plan.txt” is "));

    for (guint i = 0; i <= 1000; i++)
      g_string_append_printf (rows, "510100,other: fixture share %u,2025,,30,about,%%,"
                                    "非化石能源消费比重达到30%%左右\n", i);
    write_file (plan, FIXTURE_PLAN_TEXT);
    write_file (targets, rows->str);
    run (fixture, &many, "targets", "import", "--plan", plan, targets, NULL);
    g_assert_cmpint (many.status, ==, 1);
    g_assert_nonnull (strstr (many.err, "“Fixture targets.csv”, line 1002: more than 1000 targets"));

    fingerprint = tanlu_test_fingerprint (fixture->db);
    g_assert_cmpstr (before, ==, fingerprint);
  }
}

/* A colleague's exported tracker: its changes land in one go, survive a
 * restart, are undone like changes set by hand, and rows that hold
 * already are skipped. */
static void
test_tracker_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) export = { 0 };
  g_auto(TanluTestRun) import = { 0 };
  g_auto(TanluTestRun) list = { 0 };
  g_auto(TanluTestRun) undo = { 0 };
  g_auto(TanluTestRun) after_undo = { 0 };
  g_auto(TanluTestRun) again = { 0 };
  g_autofree char *exported = g_build_filename (fixture->dir, "Fixture tracker.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(GStrv) lines = NULL;

  run (fixture, &export, "tracker", "export", "--format", "csv", "-o", exported, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &csv, NULL, NULL));

  /* Tasks 5 and 7 changed, as a colleague would have set them. */
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[5], "2,区域产业绿色低碳转型行动,5,"));
  g_assert_true (g_str_has_suffix (lines[5], ",not_started,,,"));
  g_assert_true (g_str_has_suffix (lines[7], ",not_started,,,"));
  edited = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i == 5 || i == 7)
        {
          g_string_append_len (edited, lines[i], strlen (lines[i]) - strlen (",not_started,,,"));
          g_string_append (edited, i == 5 ? ",under_way,\"Fixture note: 试点启动, 进展顺利\","
                                            "2026-11-30,2026-01-01T00:00:00Z"
                                          : ",done,,,");
        }
      else
        g_string_append (edited, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (edited, '\n');
    }
  write_file (exported, edited->str);

  run (fixture, &import, "tracker", "import", exported, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "2 tasks changed their status; 24 rows held already"));

  run (fixture, &list, "tracker", "list", NULL);
  g_assert_nonnull (strstr (list.out, ",5,推动乡村绿色低碳产业协同发展,"));
  g_assert_nonnull (strstr (list.out, ",under_way,\"Fixture note: 试点启动, 进展顺利\",2026-11-30,"));
  g_assert_nonnull (strstr (list.out, ",7,加速联合建设国家数字经济创新发展试验区,"));
  g_assert_nonnull (strstr (list.out, ",done,,,"));
  /* The import is the change: when it happened where the file came from
   * is not taken over. */
  g_assert_null (strstr (list.out, "2026-01-01T00:00:00Z"));

  run (fixture, &undo, "tracker", "undo", "5", NULL);
  g_assert_cmpint (undo.status, ==, 0);
  run (fixture, &after_undo, "tracker", "list", NULL);
  g_assert_null (strstr (after_undo.out, "under_way"));
  g_assert_nonnull (strstr (after_undo.out, ",done,,,"));

  /* Again: only the task undone changes. */
  run (fixture, &again, "tracker", "import", exported, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "1 task changed its status; 25 rows held already"));
}

/* Every kind of bad tracker file is refused with its file, line and
 * column, and nothing of it is saved, though the rows before are good. */
static void
test_tracker_import_errors (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "", "“Fixture tracker.csv”, line 1, header: the file is empty" },
    { "task,status,note,date\n", "“Fixture tracker.csv” has a header but no tasks" },
    { "task,note,date\n4,,\n", "“Fixture tracker.csv”, line 1, status: the column is missing" },
    { "task,status,progress\n4,done,\n", "“Fixture tracker.csv”, line 1, progress: not a column" },
    { "task,status,status\n4,done,done\n",
      "“Fixture tracker.csv”, line 1, status: the column appears twice" },
    { "task,status,note,date\n4,done,,\n5,done,\n",
      "“Fixture tracker.csv”, line 3: 3 fields, but the header has 4" },
    { "task,status,note,date\n4,done,,\n27,done,,\n",
      "“Fixture tracker.csv”, line 3, task: “27” is not a task of the joint plan; its tasks are 1 "
      "to 26" },
    { "task,status,note,date\n4,done,,\n五,done,,\n",
      "“Fixture tracker.csv”, line 3, task: “五” is not a task of the joint plan" },
    { "task,status,note,date\n4,done,,\n5,finished,,\n",
      "“Fixture tracker.csv”, line 3, status: “finished” is not a status: not_started, under_way, "
      "done or delayed" },
    { "task,status,note,date\n4,done,,\n5,done,,2026-13-40\n",
      "“Fixture tracker.csv”, line 3, date: “2026-13-40” is not a date" },
    { "task,status,note,date\n4,done,,\n5,done,,30/11/2026\n",
      "“Fixture tracker.csv”, line 3, date: “30/11/2026” is not a date" },
    { "task,title,status\n4,Fixture wrong title,done\n",
      "“Fixture tracker.csv”, line 2, title: task 4 is “" },
    { "task,status,note,date\n4,done,,\n4,delayed,,\n",
      "“Fixture tracker.csv”, line 3, task: task 4 is given on line 2 already" },
    { "task,status,note,date\n4,done,,\n5,done,\xff\xfe,\n",
      "“Fixture tracker.csv”, line 3: the text is not UTF-8" },
  };
  g_auto(TanluTestRun) list = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "Fixture tracker.csv", NULL);
  g_autofree char *before = NULL;

  run (fixture, &list, "tracker", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  before = tanlu_test_fingerprint (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TanluTestRun) import = { 0 };
      g_autofree char *fingerprint = NULL;

      write_file (path, cases[i].csv);
      run (fixture, &import, "tracker", "import", path, NULL);
      if (strstr (import.err, cases[i].message) == NULL)
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message, import.err);
      g_assert_cmpint (import.status, ==, 1);
      fingerprint = tanlu_test_fingerprint (fixture->db);
      g_assert_cmpstr (before, ==, fingerprint);
    }
}

/* Whether @needle is in @haystack, which may hold NUL bytes. */
static gboolean
bytes_contain (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static void
test_tracker_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) set = { 0 };
  g_auto(TanluTestRun) export = { 0 };
  g_auto(TanluTestRun) unwritable = { 0 };
  g_auto(TanluTestRun) unknown = { 0 };
  g_auto(TanluTestRun) no_output = { 0 };
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "tracker.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no such folder", "tracker.pdf",
                                               NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;

  run (fixture, &set, "tracker", "set", "3", "done", "--note", "Fixture note: 储备项目投运",
       "--date", "2026-11-20", NULL);
  g_assert_cmpint (set.status, ==, 0);

  run (fixture, &export, "tracker", "export", "--format", "pdf", "-o", pdf_path, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (bytes_contain (pdf, length, "/Type /Pages"));
  g_assert_true (bytes_contain (pdf, length, "/Count 1\n"));
  g_assert_true (bytes_contain (pdf, length, "/MediaBox [ 0 0 842 595 ]"));
  if (pdftotext != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf_path, "-", NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &text, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "加强煤气油储备能力建设"));
      g_assert_nonnull (strstr (text, "Fixture note: 储备项目投运"));
    }

  /* A file that cannot be written is named, and nothing is left. */
  run (fixture, &unwritable, "tracker", "export", "--format", "pdf", "-o", missing, NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run (fixture, &unknown, "tracker", "export", "--format", "docx", "-o", pdf_path, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“docx”"));
  g_assert_nonnull (strstr (unknown.err, "pdf"));

  run (fixture, &no_output, "tracker", "export", "--format", "pdf", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o FILE"));
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
  ADD ("targets-import", test_targets_import);
  ADD ("targets-import-errors", test_targets_import_errors);
  ADD ("tracker-import", test_tracker_import);
  ADD ("tracker-import-errors", test_tracker_import_errors);
  ADD ("tracker-report", test_tracker_report);
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
