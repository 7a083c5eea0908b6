/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-region-match"

#include "config.h"

#include "import/tanlu-ceads.h"
#include "import/tanlu-import-report.h"
#include "import/tanlu-region-match.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

#include <string.h>

typedef TanluTestBundledFixture Fixture;

static TanluRegionMatch *
check_match (TanluRegionMatcher     *matcher,
             const char             *text,
             guint                   parent_hint,
             guint                   year,
             TanluRegionMatchKind    kind,
             guint                   code,
             TanluRegionMatchMethod  method)
{
  TanluRegionMatch *match = tanlu_region_matcher_match (matcher, text, parent_hint, year);

  g_test_message ("“%s” (hint %u, year %u): %s %u by %d (%s)", text, parent_hint, year,
                  tanlu_region_match_kind_to_string (match->kind), match->code, match->method,
                  match->explanation != NULL ? match->explanation : "");
  g_assert_cmpstr (match->text, ==, text);
  g_assert_cmpstr (tanlu_region_match_kind_to_string (match->kind), ==,
                   tanlu_region_match_kind_to_string (kind));
  g_assert_cmpuint (match->code, ==, code);
  g_assert_cmpint (match->method, ==, method);
  return match;
}

static void
assert_matched (TanluRegionMatcher     *matcher,
                const char             *text,
                guint                   code,
                TanluRegionMatchMethod  method)
{
  g_autoptr(TanluRegionMatch) match = check_match (matcher, text, 0, 0,
                                                   TANLU_REGION_MATCH_MATCHED, code, method);

  g_assert_nonnull (match->explanation);
  g_assert_cmpuint (match->candidates->len, ==, 0);
}

static void
assert_codes (GArray      *codes,
              const guint *expected,
              guint        n_expected)
{
  g_assert_cmpuint (codes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (codes, guint, i), ==, expected[i]);
}

static void
test_names_and_codes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);

  assert_matched (matcher, "四川", 510000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "四川省", 510000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, " 四川省　", 510000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "Sichuan", 510000, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "SICHUAN province", 510000, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "Ｓｉｃｈｕａｎ Province", 510000, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "510000", 510000, TANLU_REGION_MATCH_BY_CODE);
  assert_matched (matcher, "510000.0", 510000, TANLU_REGION_MATCH_BY_CODE);
  assert_matched (matcher, "５１００００", 510000, TANLU_REGION_MATCH_BY_CODE);
  assert_matched (matcher, "510000000000", 510000, TANLU_REGION_MATCH_BY_CODE);

  assert_matched (matcher, "成都", 510100, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "成都市", 510100, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "Chengdu", 510100, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "Chengdu City", 510100, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "四川成都", 510100, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "四川省成都市", 510100, TANLU_REGION_MATCH_BY_NAME);

  assert_matched (matcher, "广西壮族自治区", 450000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "广西", 450000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "Guangxi Autonomous Region", 450000, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_matched (matcher, "内蒙古自治区", 150000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "新疆维吾尔自治区", 650000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "宁夏回族自治区", 640000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "西藏自治区", 540000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "阿坝藏族羌族自治州", 513200, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "阿坝州", 513200, TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX);
  /* A suffix the registry's own full name does not have. */
  assert_matched (matcher, "广西壮族自治区区", 450000, TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX);
  assert_matched (matcher, "宜宾地区", 511500, TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluRegionMatch) before = NULL;
  g_autoptr(TanluRegionMatch) after = NULL;
  g_autoptr(TanluRegionMatch) code = NULL;
  g_autoptr(TanluRegionMatch) chaohu = NULL;
  g_autoptr(TanluRegionMatch) nyingchi = NULL;

  before = check_match (matcher, "襄樊", 0, 2005, TANLU_REGION_MATCH_MATCHED, 420600,
                        TANLU_REGION_MATCH_BY_FORMER_NAME);
  g_assert_cmpstr (before->explanation, ==, "former name 襄樊 → 襄阳 (2010)");
  after = check_match (matcher, "襄樊市", 0, 2015, TANLU_REGION_MATCH_MATCHED, 420600,
                       TANLU_REGION_MATCH_BY_FORMER_NAME);
  g_assert_true (g_str_has_prefix (after->explanation, "former name 襄樊 → 襄阳 (2010)"));
  g_assert_nonnull (strstr (after->explanation, "2015"));

  /* 宿县地区's code, replaced by 宿州's in 1998. */
  code = check_match (matcher, "342200", 0, 0, TANLU_REGION_MATCH_MATCHED, 341300,
                      TANLU_REGION_MATCH_BY_FORMER_CODE);
  g_assert_cmpstr (code->explanation, ==, "former code 342200 → 341300 (1998)");

  /* 巢湖 ended in 2011 and stays a unit of its own; its prefecture
   * (巢湖地区, 342600) is the same unit under an older code. */
  chaohu = check_match (matcher, "巢湖地区", 0, 1997, TANLU_REGION_MATCH_MATCHED, 341400,
                        TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "巢湖", 341400, TANLU_REGION_MATCH_BY_NAME);
  /* Two units named 林芝, the prefecture and the city under a new code, are one. */
  nyingchi = check_match (matcher, "林芝", 0, 2010, TANLU_REGION_MATCH_MATCHED, 540400,
                          TANLU_REGION_MATCH_BY_NAME);
}

static void
test_totals_and_counties (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  const char *totals[] = { "合计", "总计", "全省", "全市", "全国", "小计", "Total", " TOTAL: ",
                           "四川省合计" };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      g_autoptr(TanluRegionMatch) match = check_match (matcher, totals[i], 0, 0,
                                                       TANLU_REGION_MATCH_TOTAL_ROW, 0,
                                                       TANLU_REGION_MATCH_BY_NONE);
    }

  {
    g_autoptr(TanluRegionMatch) county_code = NULL;
    g_autoptr(TanluRegionMatch) county_name = NULL;
    g_autoptr(TanluRegionMatch) county_alone = NULL;
    g_autoptr(TanluRegionMatch) district = NULL;
    g_autoptr(TanluRegionMatch) unknown_code = NULL;

    county_code = check_match (matcher, "511524", 0, 0, TANLU_REGION_MATCH_BELOW_REGISTRY, 0,
                               TANLU_REGION_MATCH_BY_CODE);
    g_assert_cmpuint (county_code->prefecture_code, ==, 511500);
    county_name = check_match (matcher, "四川省宜宾市长宁县", 0, 0,
                               TANLU_REGION_MATCH_BELOW_REGISTRY, 0, TANLU_REGION_MATCH_BY_NAME);
    g_assert_cmpuint (county_name->prefecture_code, ==, 511500);
    /* No county list: the county is known to be one, not where it is. */
    county_alone = check_match (matcher, "长宁县", 510000, 0, TANLU_REGION_MATCH_BELOW_REGISTRY,
                                0, TANLU_REGION_MATCH_BY_NAME);
    g_assert_cmpuint (county_alone->prefecture_code, ==, 0);
    /* 大足区, a district of Chongqing's 500100. */
    district = check_match (matcher, "500111", 0, 0, TANLU_REGION_MATCH_BELOW_REGISTRY, 0,
                            TANLU_REGION_MATCH_BY_CODE);
    g_assert_cmpuint (district->prefecture_code, ==, 500100);
    unknown_code = check_match (matcher, "990000", 0, 0, TANLU_REGION_MATCH_NOT_FOUND, 0,
                                TANLU_REGION_MATCH_BY_CODE);
  }
}

static void
test_ambiguous (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  static const guint hainan[] = { 460000, 632500 };
  static const guint jilin[] = { 220000, 220200 };
  static const guint suzhou[] = { 320500, 341300 };
  g_autoptr(TanluRegionMatch) bare = NULL;
  g_autoptr(TanluRegionMatch) jilin_bare = NULL;
  g_autoptr(TanluRegionMatch) suzhou_bare = NULL;
  g_autoptr(TanluRegionMatch) match = NULL;

  /* 海南 the province and 海南 the Tibetan prefecture of Qinghai. */
  bare = check_match (matcher, "海南", 0, 0, TANLU_REGION_MATCH_AMBIGUOUS, 0,
                      TANLU_REGION_MATCH_BY_NAME);
  assert_codes (bare->candidates, hainan, G_N_ELEMENTS (hainan));
  match = check_match (matcher, "海南", 630000, 0, TANLU_REGION_MATCH_MATCHED, 632500,
                       TANLU_REGION_MATCH_BY_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  match = check_match (matcher, "海南", 460000, 0, TANLU_REGION_MATCH_MATCHED, 460000,
                       TANLU_REGION_MATCH_BY_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  assert_matched (matcher, "海南省", 460000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "海南州", 632500, TANLU_REGION_MATCH_BY_NAME_WITHOUT_SUFFIX);
  assert_matched (matcher, "海南藏族自治州", 632500, TANLU_REGION_MATCH_BY_NAME);

  /* 吉林 the province and its city. */
  jilin_bare = check_match (matcher, "吉林", 0, 0, TANLU_REGION_MATCH_AMBIGUOUS, 0,
                            TANLU_REGION_MATCH_BY_NAME);
  assert_codes (jilin_bare->candidates, jilin, G_N_ELEMENTS (jilin));
  match = check_match (matcher, "吉林", 220000, 0, TANLU_REGION_MATCH_MATCHED, 220200,
                       TANLU_REGION_MATCH_BY_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  assert_matched (matcher, "吉林市", 220200, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "吉林省", 220000, TANLU_REGION_MATCH_BY_NAME);
  tanlu_region_matcher_set_preferred_level (matcher, TANLU_REGION_LEVEL_PROVINCE);
  assert_matched (matcher, "吉林", 220000, TANLU_REGION_MATCH_BY_NAME);
  tanlu_region_matcher_clear_preferred_level (matcher);

  /* 苏州 and 宿州 share their English name. */
  suzhou_bare = check_match (matcher, "Suzhou", 0, 0, TANLU_REGION_MATCH_AMBIGUOUS, 0,
                             TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  assert_codes (suzhou_bare->candidates, suzhou, G_N_ELEMENTS (suzhou));
  match = check_match (matcher, "Suzhou", 340000, 0, TANLU_REGION_MATCH_MATCHED, 341300,
                       TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  assert_matched (matcher, "Suzhou (Jiangsu)", 320500, TANLU_REGION_MATCH_BY_ENGLISH_NAME);

  /* A municipality and its districts: the whole, unless the row sits under
   * the municipality. */
  assert_matched (matcher, "北京", 110000, TANLU_REGION_MATCH_BY_NAME);
  assert_matched (matcher, "Beijing", 110000, TANLU_REGION_MATCH_BY_ENGLISH_NAME);
  match = check_match (matcher, "北京", 110000, 0, TANLU_REGION_MATCH_MATCHED, 110100,
                       TANLU_REGION_MATCH_BY_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  assert_matched (matcher, "重庆", 500000, TANLU_REGION_MATCH_BY_NAME);
  /* …and before 1997 the city of Sichuan it replaced. */
  match = check_match (matcher, "重庆", 0, 1995, TANLU_REGION_MATCH_MATCHED, 510200,
                       TANLU_REGION_MATCH_BY_NAME);
  g_clear_pointer (&match, tanlu_region_match_free);
  assert_matched (matcher, "重庆市市辖区", 500100, TANLU_REGION_MATCH_BY_NAME);
  /* Chongqing has two city-level units, neither of them the whole. */
  match = check_match (matcher, "重庆", 500000, 0, TANLU_REGION_MATCH_MATCHED, 500000,
                       TANLU_REGION_MATCH_BY_NAME);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluRegionMatch) typo = NULL;
  g_autoptr(TanluRegionMatch) english = NULL;
  g_autoptr(TanluRegionMatch) hinted = NULL;
  g_autoptr(TanluRegionMatch) nothing = NULL;

  /* 成督 for 成都 */
  typo = check_match (matcher, "成督市", 0, 0, TANLU_REGION_MATCH_NOT_FOUND, 0,
                      TANLU_REGION_MATCH_BY_NONE);
  g_assert_cmpuint (typo->suggestions->len, >=, 1);
  g_assert_cmpuint (typo->suggestions->len, <=, 3);
  g_assert_cmpuint (g_array_index (typo->suggestions, guint, 0), ==, 510100);

  english = check_match (matcher, "Chengdou", 0, 0, TANLU_REGION_MATCH_NOT_FOUND, 0,
                         TANLU_REGION_MATCH_BY_NONE);
  g_assert_cmpuint (english->suggestions->len, >=, 1);
  g_assert_cmpuint (g_array_index (english->suggestions, guint, 0), ==, 510100);

  /* 宜兵: 宜宾 in Sichuan first, given the province. */
  hinted = check_match (matcher, "宜兵", 510000, 0, TANLU_REGION_MATCH_NOT_FOUND, 0,
                        TANLU_REGION_MATCH_BY_NONE);
  g_assert_cmpuint (hinted->suggestions->len, >=, 1);
  g_assert_cmpuint (g_array_index (hinted->suggestions, guint, 0), ==, 511500);

  nothing = check_match (matcher, "Atlantis", 0, 0, TANLU_REGION_MATCH_NOT_FOUND, 0,
                         TANLU_REGION_MATCH_BY_NONE);
  g_assert_cmpuint (nothing->suggestions->len, ==, 0);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluRegionMatcher) again = tanlu_region_matcher_new (fixture->store);
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(TanluRegionMatch) ambiguous = NULL;
  g_autoptr(TanluRegionMatch) chosen = NULL;

  ambiguous = check_match (matcher, "海南", 0, 0, TANLU_REGION_MATCH_AMBIGUOUS, 0,
                           TANLU_REGION_MATCH_BY_NAME);
  tanlu_region_matcher_remember (matcher, "海南", 632500);
  /* A choice overrides even a name that matched on its own. */
  tanlu_region_matcher_remember (matcher, "成都", 510000);
  tanlu_region_matcher_remember (matcher, "长宁县", 511500);
  chosen = check_match (matcher, "海南 ", 0, 0, TANLU_REGION_MATCH_MATCHED, 632500,
                        TANLU_REGION_MATCH_BY_CHOICE);
  assert_matched (matcher, "成都", 510000, TANLU_REGION_MATCH_BY_CHOICE);
  assert_matched (matcher, "长宁县", 511500, TANLU_REGION_MATCH_BY_CHOICE);
  tanlu_region_matcher_remember (matcher, "成都", 0);
  assert_matched (matcher, "成都", 510100, TANLU_REGION_MATCH_BY_NAME);

  /* Through a recipe's JSON into a new import. */
  saved = tanlu_region_matcher_save_choices (matcher);
  node = json_node_init_object (json_node_alloc (), saved);
  json = json_to_string (node, FALSE);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (tanlu_region_matcher_load_choices (
    again, json_node_get_object (json_parser_get_root (parser)), &error));
  g_assert_no_error (error);
  assert_matched (again, "海南", 632500, TANLU_REGION_MATCH_BY_CHOICE);
  assert_matched (again, "长宁县", 511500, TANLU_REGION_MATCH_BY_CHOICE);
  assert_matched (again, "成都", 510100, TANLU_REGION_MATCH_BY_NAME);

  /* A code the registry does not hold is refused, and nothing is taken. */
  bad = json_object_new ();
  json_object_set_string_member (bad, "吉林", "220200");
  json_object_set_int_member (bad, "虚构市", 999900);
  g_assert_false (tanlu_region_matcher_load_choices (again, bad, &error));
  g_assert_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION);
  g_assert_nonnull (strstr (error->message, "虚构市"));
  g_clear_error (&error);
  {
    g_autoptr(TanluRegionMatch) jilin = check_match (again, "吉林", 0, 0,
                                                     TANLU_REGION_MATCH_AMBIGUOUS, 0,
                                                     TANLU_REGION_MATCH_BY_NAME);
  }
  json_object_remove_member (bad, "虚构市");
  g_assert_true (tanlu_region_matcher_load_choices (again, bad, &error));
  g_assert_no_error (error);
  assert_matched (again, "吉林", 220200, TANLU_REGION_MATCH_BY_CHOICE);
}

/* Every city name of the CEADs city workbook (the registry's table of
 * them), in its own form (四川成都, 北京), matches the unit the CEADs
 * importer puts it at. */
static void
test_ceads_cities (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autofree char *path = g_build_filename (TANLU_TEST_SOURCE_DIR, "data", "regions", "registry",
                                            "ceads-cities.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  tanlu_region_matcher_set_preferred_level (matcher, TANLU_REGION_LEVEL_CITY);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 7);
      g_auto(GStrv) years = NULL;
      TanluRegion *region;
      g_autoptr(TanluRegionMatch) match = NULL;
      guint64 code;
      guint64 year;
      guint expected;

      if (g_strv_length (fields) < 7)
        continue;
      g_assert_true (g_ascii_string_to_unsigned (fields[3], 10, 100000, 999999, &code, NULL));
      years = g_strsplit (fields[5], ";", 2);
      g_assert_true (g_ascii_string_to_unsigned (years[0], 10, 1990, 2100, &year, NULL));
      expected = tanlu_store_get_current_code (fixture->store, (guint) code);

      /* The CEADs importer's own reading, by name alone. */
      region = tanlu_ceads_match_city (fixture->store, fields[0]);
      if (region == NULL || tanlu_region_get_code (region) != expected)
        g_error ("CEADs “%s” should match %u, is %u", fields[0], expected,
                 region != NULL ? tanlu_region_get_code (region) : 0);

      match = tanlu_region_matcher_match (matcher, fields[0], 0, (guint) year);
      if (match->kind == TANLU_REGION_MATCH_BELOW_REGISTRY && match->prefecture_code == expected)
        {
          /* 新疆伊犁州直属县: the counties Ili administers itself, which
           * the CEADs importer files under the prefecture. */
          n_checked++;
          continue;
        }
      if (match->kind != TANLU_REGION_MATCH_MATCHED || match->code != expected)
        g_error ("“%s” (%u) should match %u, is %s %u", fields[0], (guint) year, expected,
                 tanlu_region_match_kind_to_string (match->kind), match->code);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 280);
}

static void
test_normalize (void)
{
  const struct
  {
    const char *text;
    const char *normal;
  } cases[] = {
    { "　成都市 ", "成都市" },
    { "Ｃｈｅｎｇｄｕ", "chengdu" },
    { "Lüliang", "luliang" },
    { "Lu'an", "luan" },
    { "Inner Mongolia", "innermongolia" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = tanlu_region_normalize (cases[i].text);

      g_assert_cmpstr (normal, ==, cases[i].normal);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region-match/normalize", test_normalize);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)
  ADD ("/region-match/names-and-codes", test_names_and_codes);
  ADD ("/region-match/history", test_history);
  ADD ("/region-match/totals-and-counties", test_totals_and_counties);
  ADD ("/region-match/ambiguous", test_ambiguous);
  ADD ("/region-match/not-found", test_not_found);
  ADD ("/region-match/choices", test_choices);
  ADD ("/region-match/ceads-cities", test_ceads_cities);
#undef ADD

  return g_test_run ();
}
