/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-report-card"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tanlu-test-util.h"
#include "pathways/tanlu-pathway-check.h"
#include "policy/tanlu-report-card.h"
#include "policy/tanlu-target-text.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <string.h>

/* The report card's arithmetic against cases computed by hand, on a
 * made-up region ("Fixture province", 990000) with made-up emissions, GDP,
 * plans and a saved pathway; nothing here is a real figure. */

#define FIXTURE_REGION 990000

/* Made-up emissions (Mt) and GDP; GDP from 2015 on comes from a
 * projection source, as GCAM-China's does from 2014. */
static const struct
{
  guint  year;
  double co2;
  double gdp;
} fixture_series[] = {
  { 2005, 100, 1000 },
  { 2010, 140, 1500 },
  { 2015, 160, 2000 },
  { 2018, 150, 2300 },
  { 2019, 152, 2400 },
  { 2020, NAN, 2500 },
};

static const TanluSourceInfo fixture_emissions = {
  .key = "fixture-emissions",
  .title_zh = "Fixture 排放（虚构）",
  .title_en = "Fixture emissions (made up)",
  .citation = "Fixture data for tests, made up.",
};

static const TanluSourceInfo fixture_gdp_statistics = {
  .key = "fixture-gdp-statistics",
  .title_zh = "Fixture GDP 统计（虚构）",
  .title_en = "Fixture GDP statistics (made up)",
  .citation = "Fixture data for tests, made up.",
};

static const TanluSourceInfo fixture_gdp_projection = {
  .key = "fixture-gdp-projection",
  .title_zh = "Fixture GDP 预测（虚构）",
  .title_en = "Fixture GDP projection (made up)",
  .citation = "Fixture data for tests, made up.",
  .projection = TRUE,
};

static const TanluIndicatorInfo gdp_indicator = {
  .code = "gdp", .name_zh = "地区生产总值（2010年价）", .name_en = "GDP (2010 prices)",
  .unit = "亿元", .category = "driver", .sort_order = 300,
};

static const TanluIndicatorInfo population_indicator = {
  .code = "population", .name_zh = "常住人口", .name_en = "Population", .unit = "万人",
  .category = "driver", .sort_order = 301,
};

static const TanluIndicatorInfo co2_indicator = {
  .code = "co2.total", .name_zh = "二氧化碳排放总量", .name_en = "CO₂ emissions",
  .unit = "Mt CO₂", .category = "total", .sort_order = 0,
};

typedef struct
{
  char       *dir;
  TanluStore *store;
} Fixture;

static void
add_target (TanluStore  *store,
            const char  *document,
            guint        region,
            const char  *indicator,
            guint        target_year,
            guint        base_year,
            double       value,
            TanluTargetQualifier qualifier,
            const char  *quote)
{
  g_autoptr(GError) error = NULL;
  TanluPolicyTarget target = {
    .document_id = (char *) document,
    .region_code = region,
    .indicator = (char *) indicator,
    .target_year = target_year,
    .base_year = base_year,
    .value = value,
    .qualifier = qualifier,
    .unit = (char *) (g_str_has_suffix (indicator, "_year") ? "year" : "%"),
    .quote = (char *) quote,
    .scope = (char *) "region",
  };

  g_assert_cmpint (tanlu_store_add_policy_target (store, &target, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TanluPolicyDocument plan = {
    .id = "fixture-plan", .title_zh = "Fixture 省碳达峰方案（虚构）", .issuer_zh = "Fixture",
    .level = "province", .region_code = FIXTURE_REGION, .seed_file = "fixture.txt",
  };
  TanluPolicyDocument nation = {
    .id = "fixture-nation", .title_zh = "Fixture 全国方案（虚构）", .issuer_zh = "Fixture",
    .level = "nation", .region_code = TANLU_REGION_CODE_NATION, .seed_file = "fixture.txt",
  };
  TanluSource *emissions, *statistics, *projection;
  TanluIndicator *co2, *gdp;
  TanluRegion *region;

  fixture->dir = tanlu_test_make_tmpdir ();
  fixture->store = tanlu_test_registry_store (fixture->dir);

  g_assert_true (tanlu_store_begin (fixture->store, &error));
  g_assert_true (tanlu_store_add_region (fixture->store, FIXTURE_REGION,
                                         TANLU_REGION_LEVEL_PROVINCE, TANLU_REGION_CODE_NATION,
                                         "Fixture 省", "Fixture province", &error));
  g_assert_no_error (error);
  region = tanlu_store_lookup_region (fixture->store, FIXTURE_REGION);
  emissions = tanlu_store_ensure_source (fixture->store, &fixture_emissions, &error);
  statistics = tanlu_store_ensure_source (fixture->store, &fixture_gdp_statistics, &error);
  projection = tanlu_store_ensure_source (fixture->store, &fixture_gdp_projection, &error);
  co2 = tanlu_store_ensure_indicator (fixture->store, &co2_indicator, &error);
  gdp = tanlu_store_ensure_indicator (fixture->store, &gdp_indicator, &error);
  g_assert_nonnull (tanlu_store_ensure_indicator (fixture->store, &population_indicator, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (fixture_series); i++)
    {
      guint year = fixture_series[i].year;

      if (!isnan (fixture_series[i].co2))
        g_assert_true (tanlu_store_put_observation (fixture->store, region, co2, year,
                                                    fixture_series[i].co2, emissions, &error));
      g_assert_true (tanlu_store_put_observation (fixture->store, region, gdp, year,
                                                  fixture_series[i].gdp,
                                                  year < 2015 ? statistics : projection, &error));
      g_assert_no_error (error);
    }

  g_assert_true (tanlu_store_add_policy_document (fixture->store, &plan, &error));
  g_assert_true (tanlu_store_add_policy_document (fixture->store, &nation, &error));
  g_assert_no_error (error);
  add_target (fixture->store, "fixture-plan", FIXTURE_REGION, "co2_intensity_reduction_pct", 2030,
              2005, 65, TANLU_TARGET_AT_LEAST, "Fixture：单位GDP二氧化碳排放比2005年下降65%以上");
  add_target (fixture->store, "fixture-plan", FIXTURE_REGION, "co2_intensity_reduction_pct", 2025,
              2020, 18, TANLU_TARGET_EXACT, "Fixture：单位GDP二氧化碳排放比2020年下降18%");
  add_target (fixture->store, "fixture-plan", FIXTURE_REGION, "energy_intensity_reduction_pct",
              2025, 2020, 14, TANLU_TARGET_EXACT, "Fixture：单位GDP能耗比2020年下降14%");
  add_target (fixture->store, "fixture-plan", FIXTURE_REGION, "carbon_neutral_year", 2060, 0,
              2060, TANLU_TARGET_AT_MOST, "Fixture：2060年前实现碳中和");
  /* The nation's: the peak is the region's reference, having none of its
   * own; the intensity target is not, as it has its own. */
  add_target (fixture->store, "fixture-nation", TANLU_REGION_CODE_NATION, "co2_peak_year", 2030,
              0, 2030, TANLU_TARGET_AT_MOST, "Fixture：2030年前碳达峰");
  add_target (fixture->store, "fixture-nation", TANLU_REGION_CODE_NATION,
              "co2_intensity_reduction_pct", 2025, 2020, 18, TANLU_TARGET_EXACT,
              "Fixture：全国单位GDP二氧化碳排放比2020年下降18%");
  g_assert_true (tanlu_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tanlu_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_relative (double actual,
                 double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-6 * fabs (expected));
}

static const TanluReportItem *
find_item (GPtrArray  *items,
           const char *indicator,
           guint       target_year)
{
  for (guint i = 0; i < items->len; i++)
    {
      const TanluReportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->target->indicator, indicator) &&
          item->target->target_year == target_year)
        return item;
    }

  g_assert_not_reached ();
}

/* The formula on its own: (target / latest)^(1 / years) − 1. */
static void
test_needed_rate (void)
{
  /* Halving in one year is −50 %; doubling over two years is √2 − 1. */
  assert_relative (tanlu_report_needed_rate (0.5, 1, 2019, 2020), -50);
  assert_relative (tanlu_report_needed_rate (4, 2, 2019, 2021), (sqrt (2) - 1) * 100);
  g_assert_true (isnan (tanlu_report_needed_rate (1, 1, 2025, 2025)));
  g_assert_true (isnan (tanlu_report_needed_rate (0, 1, 2019, 2025)));
}

/* Each figure of the card computed by hand from the fixture:
 *
 *   CO₂ per GDP 2005 = 100 / 1000 = 0.1; 2019 = 152 / 2400 = 0.0633…
 *   reduction so far = 1 − 0.0633… / 0.1 = 36.6667 %
 *   needed 2019→2030 = (0.35 × 0.1 / 0.0633…)^(1/11) − 1 = −5.24872 % a year
 *   needed 2020→2025 (base after the data) = 0.82^(1/5) − 1 = −3.89129 %
 *   highest so far 2015 (160 Mt); 2019 is 1 − 152/160 = 5 % below it */
static void
test_report_hand_computed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tanlu_report_card_build (fixture->store, FIXTURE_REGION, &error);
  const TanluReportItem *item;

  g_assert_no_error (error);
  g_assert_nonnull (items);
  /* Intensity 2025 and 2030, energy intensity, the nation's peak, and
   * neutrality; not the nation's intensity target. */
  g_assert_cmpuint (items->len, ==, 5);

  item = find_item (items, "co2_intensity_reduction_pct", 2030);
  g_assert_false (item->reference);
  g_assert_cmpint (item->status, ==, TANLU_REPORT_UNDER_WAY);
  g_assert_cmpuint (item->latest_year, ==, 2019);
  assert_relative (item->base_value, 0.1);
  assert_relative (item->latest_value, 152.0 / 2400);
  assert_relative (item->achieved, 36.666666666666667);
  g_assert_cmpuint (item->needed_from, ==, 2019);
  assert_relative (item->needed_rate, -5.2487248262960975);
  g_assert_cmpstr (item->gdp_series, ==, "gdp");
  g_assert_true (item->gdp_projected);
  g_assert_cmpstr (tanlu_source_get_key (item->gdp_source_base), ==, "fixture-gdp-statistics");
  g_assert_cmpstr (tanlu_source_get_key (item->gdp_source_latest), ==, "fixture-gdp-projection");
  g_assert_cmpstr (tanlu_source_get_key (item->co2_source), ==, "fixture-emissions");
  g_assert_nonnull (strstr (item->status_en, "36.7 % below 2005"));
  g_assert_nonnull (strstr (item->status_en, "2019's GDP a projection"));
  g_assert_cmpstr (item->needed_en, ==, "Needs −5.2 % a year 2019→2030.");
  g_assert_nonnull (strstr (item->sources_en, "Fixture GDP projection (made up)"));

  item = find_item (items, "co2_intensity_reduction_pct", 2025);
  g_assert_false (item->reference);
  g_assert_cmpint (item->status, ==, TANLU_REPORT_NOT_CHECKABLE);
  g_assert_nonnull (strstr (item->reason_en, "base year 2020 is after"));
  g_assert_true (isnan (item->achieved));
  g_assert_cmpuint (item->needed_from, ==, 2020);
  assert_relative (item->needed_rate, -3.891285038993675);
  /* No figure is claimed for 2020, which has no emissions. */
  g_assert_cmpuint (item->latest_year, ==, 2019);
  g_assert_true (isnan (item->latest_value));

  item = find_item (items, "co2_peak_year", 2030);
  g_assert_true (item->reference);
  g_assert_cmpuint (item->target->region_code, ==, TANLU_REGION_CODE_NATION);
  g_assert_cmpint (item->status, ==, TANLU_REPORT_UNDER_WAY);
  g_assert_cmpint (item->peak, ==, TANLU_REPORT_PEAK_BELOW);
  g_assert_cmpuint (item->peak_year, ==, 2015);
  assert_relative (item->peak_value, 160);
  assert_relative (item->below_peak, 5);
  g_assert_true (isnan (item->needed_rate));

  item = find_item (items, "energy_intensity_reduction_pct", 2025);
  g_assert_cmpint (item->status, ==, TANLU_REPORT_NOT_CHECKABLE);
  g_assert_false (tanlu_report_item_has_figures (item));

  item = find_item (items, "carbon_neutral_year", 2060);
  g_assert_cmpint (item->status, ==, TANLU_REPORT_NOT_CHECKABLE);
  g_assert_true (tanlu_report_item_has_figures (item));

  for (guint i = 0; i < items->len; i++)
    g_assert_cmpuint (((TanluReportItem *) g_ptr_array_index (items, i))->pathways->len, ==, 0);
}

/* A saved pathway with GDP +4 % and CO₂ per GDP −5 % a year from 2019:
 *
 *   2030 against 2005: 1 − 0.0633… / 0.1 × 0.95^11 = 63.97599 % → missed by
 *     1.02401 points
 *   2025 against 2020: 1 − 0.95^5 = 22.62191 % → met
 *   emissions × 1.04 × 0.95 = × 0.988 a year: the peak stays 2015 → met
 *   net 2060 = 152 × 0.988^41 = 92.65702 Mt → missed by that */
static void
test_report_pathways (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const TanluReportItem *item;
  const TanluPathwayCheck *check;

  g_assert_cmpint (tanlu_store_save_pathway (fixture->store, 0, "Fixture – steady", "990000",
                                             "{\"region\": \"990000\", \"levers\": "
                                             "{\"gdp_growth_pct\": {\"2020\": 4}, "
                                             "\"co2_intensity_change_pct\": {\"2020\": -5}}}",
                                             &error),
                   >, 0);
  g_assert_no_error (error);
  items = tanlu_report_card_build (fixture->store, FIXTURE_REGION, &error);
  g_assert_no_error (error);

  item = find_item (items, "co2_intensity_reduction_pct", 2030);
  g_assert_cmpuint (item->pathways->len, ==, 1);
  g_assert_cmpstr (((TanluReportPathway *) g_ptr_array_index (item->pathways, 0))->name, ==,
                   "Fixture – steady");
  check = ((TanluReportPathway *) g_ptr_array_index (item->pathways, 0))->check;
  g_assert_cmpint (check->status, ==, TANLU_CHECK_MISSED);
  assert_relative (check->achieved, 63.975994155824225);
  assert_relative (check->gap, 1.0240058441757753);

  item = find_item (items, "co2_intensity_reduction_pct", 2025);
  check = ((TanluReportPathway *) g_ptr_array_index (item->pathways, 0))->check;
  g_assert_cmpint (check->status, ==, TANLU_CHECK_MET);
  assert_relative (check->achieved, 22.621906250000023);
  g_assert_cmpfloat (check->gap, ==, 0);

  item = find_item (items, "co2_peak_year", 2030);
  check = ((TanluReportPathway *) g_ptr_array_index (item->pathways, 0))->check;
  g_assert_true (check->reference);
  g_assert_cmpint (check->status, ==, TANLU_CHECK_MET);
  g_assert_cmpfloat (check->achieved, ==, 2015);

  item = find_item (items, "carbon_neutral_year", 2060);
  check = ((TanluReportPathway *) g_ptr_array_index (item->pathways, 0))->check;
  g_assert_cmpint (check->status, ==, TANLU_CHECK_MISSED);
  assert_relative (check->gap, 92.6570173460241);

  /* Targets Tanlu has no figures for are not run against pathways. */
  item = find_item (items, "energy_intensity_reduction_pct", 2025);
  g_assert_cmpuint (item->pathways->len, ==, 0);
}

/* GDP a user imported as statistics comes before the projection, and the
 * card names it. Made up: 2005 1000, 2019 2000 (statistics). */
static void
test_report_imported_gdp (Fixture       *fixture,
                          gconstpointer  data)
{
  static const TanluIndicatorInfo imported = {
    .code = "gdp.fixture", .name_zh = "Fixture GDP", .name_en = "Fixture GDP", .unit = "亿元",
    .category = "user",
  };
  static const TanluSourceInfo imported_source = {
    .key = "fixture-imported-gdp", .title_zh = "Fixture 导入的GDP（虚构）",
    .title_en = "Fixture imported GDP (made up)", .citation = "Fixture data for tests, made up.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  TanluRegion *region = tanlu_store_lookup_region (fixture->store, FIXTURE_REGION);
  TanluIndicator *indicator = tanlu_store_ensure_indicator (fixture->store, &imported, &error);
  TanluSource *source = tanlu_store_ensure_source (fixture->store, &imported_source, &error);
  const TanluReportItem *item;

  g_assert_true (tanlu_store_put_observation (fixture->store, region, indicator, 2005, 1000,
                                              source, &error));
  g_assert_true (tanlu_store_put_observation (fixture->store, region, indicator, 2019, 2000,
                                              source, &error));
  g_assert_no_error (error);

  items = tanlu_report_card_build (fixture->store, FIXTURE_REGION, &error);
  g_assert_no_error (error);
  item = find_item (items, "co2_intensity_reduction_pct", 2030);
  g_assert_cmpstr (item->gdp_series, ==, "gdp.fixture");
  g_assert_false (item->gdp_projected);
  /* 1 − (152 / 2000) / 0.1 = 24 %; (0.035 / 0.076)^(1/11) − 1 = −6.80490 % */
  assert_relative (item->achieved, 24);
  assert_relative (item->needed_rate, (pow (0.035 / 0.076, 1.0 / 11) - 1) * 100);
  g_assert_nonnull (strstr (item->sources_en, "Fixture imported GDP (made up)"));
  g_assert_null (strstr (item->status_en, "projection"));
}

/* An unknown region is refused with its code. */
static void
test_report_unknown_region (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tanlu_report_card_build (fixture->store, 990100, &error);

  g_assert_null (items);
  g_assert_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "990100"));
}

/* The command on the fixture database: the same figures, as CSV and JSON. */
static void
test_report_command (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) csv = { 0 };
  g_auto(TanluTestRun) json = { 0 };
  g_auto(TanluTestRun) unknown = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *path = tanlu_store_get_path (fixture->store);
  JsonArray *array;
  gboolean found = FALSE;

  tanlu_test_run_tanlu (&csv, fixture->dir, path, "targets", "report", "--region", "990000",
                        NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "region_code,region_name_zh,target_region_code,"));
  g_assert_nonnull (strstr (csv.out, "990000,Fixture 省,990000,fixture-plan,"
                                     "co2_intensity_reduction_pct,2030,2005,65,at_least,%,false,"
                                     "under_way,,2019,"));
  g_assert_nonnull (strstr (csv.out, "990000,Fixture 省,100000,fixture-nation,co2_peak_year,"
                                     "2030,,2030,at_most,year,true,under_way,below_peak,2019,152,"
                                     "2015,160,"));

  tanlu_test_run_tanlu (&json, fixture->dir, path, "targets", "report", "--region", "990000",
                        "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      JsonObject *target = json_object_get_object_member (item, "target");

      if (!g_str_equal (json_object_get_string_member (target, "indicator"),
                        "co2_intensity_reduction_pct") ||
          json_object_get_int_member (target, "target_year") != 2030)
        continue;
      found = TRUE;
      assert_relative (json_object_get_double_member (item, "achieved_pct"), 36.666666666666667);
      assert_relative (json_object_get_double_member (item, "needed_pct_per_year"),
                       -5.2487248262960975);
      g_assert_cmpint (json_object_get_int_member (item, "needed_from"), ==, 2019);
      g_assert_true (json_object_get_boolean_member (item, "gdp_projected"));
    }
  g_assert_true (found);

  tanlu_test_run_tanlu (&unknown, fixture->dir, path, "targets", "report", "--region", "990100",
                        NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "990100"));
  g_assert_cmpstr (unknown.out, ==, "");
}

/* A target's heading: its indicator's name; an indicator outside the
 * vocabulary has a reviewer's English note, so in Chinese the plan's own
 * words head it. */
static void
test_target_title (void)
{
  TanluPolicyTarget peak = {
    .indicator = (char *) "co2_peak_year",
    .quote = (char *) "Fixture quote: 2030年前实现碳达峰",
  };
  TanluPolicyTarget other = {
    .indicator = (char *) "other: natural gas annual output",
    .quote = (char *) "Fixture quote: 天然气年产量达到630亿立方米",
  };
  g_autofree char *peak_en = tanlu_target_title (&peak, FALSE);
  g_autofree char *peak_zh = tanlu_target_title (&peak, TRUE);
  g_autofree char *other_en = tanlu_target_title (&other, FALSE);
  g_autofree char *other_zh = tanlu_target_title (&other, TRUE);

  g_assert_cmpstr (peak_zh, ==, "二氧化碳排放达峰");
  g_assert_cmpstr (peak_en, !=, peak_zh);
  g_assert_cmpstr (other_en, ==, "natural gas annual output");
  g_assert_cmpstr (other_zh, ==, "Fixture quote: 天然气年产量达到630亿立方米");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/report-card/needed-rate", test_needed_rate);
  g_test_add_func ("/tanlu/report-card/target-title", test_target_title);

#define ADD(path, func) \
  g_test_add ("/tanlu/report-card/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("hand-computed", test_report_hand_computed);
  ADD ("pathways", test_report_pathways);
  ADD ("imported-gdp", test_report_imported_gdp);
  ADD ("unknown-region", test_report_unknown_region);
  ADD ("command", test_report_command);

#undef ADD

  return g_test_run ();
}
