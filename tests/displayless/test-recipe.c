/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-recipe"

#include "config.h"

#include "import/tanlu-recipe.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"
#include "tanlu-test-xlsx-writer.h"

#include <string.h>

typedef TanluTestImportFixture Fixture;

/* Made-up figures, laid out as a planner's table: a title line, years
 * across with 年, names with and without 省, a total row, a missing mark
 * and thousands separators. */
static const char fixture_table[] =
  "Fixture 各省地区生产总值（单位：亿元）\r\n"
  "地区,2015年,2016年\r\n"
  "安徽省,\"1,234.5\",\"1,300.0\"\r\n"
  "江苏,\"2,000\",—\r\n"
  "合计,\"3,234.5\",\"1,300\"\r\n";

static const char fixture_recipe[] =
  "{\"tanlu_recipe\": 1, \"name\": \"Fixture GDP table\", \"format\": \"csv\",\n"
  " \"encoding\": \"gb18030\", \"separator\": \"auto\",\n"
  " \"header_row\": 2, \"first_data_row\": 3, \"layout\": \"wide\",\n"
  " \"region_column\": \"A\", \"year_columns\": {\"B\": 2015, \"C\": 2016},\n"
  " \"indicator\": \"gdp.fixture\",\n"
  " \"indicator_names\": {\"zh\": \"Fixture 地区生产总值\", \"en\": \"Fixture GDP\"},\n"
  " \"unit\": \"亿元\", \"source\": {\"name\": \"Fixture yearbook\", \"citation\": \"Fixture\"},\n"
  " \"skip_totals\": true}\n";

static char *
write_gbk (const char *dir,
           const char *name,
           const char *utf8)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  return tanlu_test_write_file (dir, name, gbk, length);
}

static TanluRecipe *
load_recipe (const char *text)
{
  g_autoptr(GError) error = NULL;
  TanluRecipe *recipe = tanlu_recipe_load_data (text, strlen (text), "fixture.json", &error);

  g_assert_no_error (error);
  return recipe;
}

typedef struct
{
  GString *text;
} Collect;

static gboolean
collect_cb (TanluRegion                   *region,
            TanluIndicator                *indicator,
            guint                          year,
            double                         value,
            TanluSource                   *source,
            const TanluObservationDetails *details,
            gpointer                       user_data)
{
  GString *text = user_data;
  g_autofree char *where = tanlu_origin_describe (details->origin, FALSE);

  g_string_append_printf (text, "%u %u %g %s%s\n", tanlu_region_get_code (region), year, value,
                          where, details->imported_at != NULL ? " dated" : "");
  return TRUE;
}

static char *
stored_of (TanluStore *store,
           const char *indicator)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  tanlu_store_foreach_observation (store, FALSE, 0, 0, indicator, collect_cb, text, &error);
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

static char *
stored (TanluStore *store)
{
  return stored_of (store, "gdp.fixture");
}

static void
test_wide_gbk (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluRecipe) recipe = load_recipe (fixture_recipe);
  g_autoptr(TanluRecipeResult) preview = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(TanluRecipeResult) again = NULL;
  g_autofree char *path = write_gbk (fixture->dir, "fixture.csv", fixture_table);
  g_autofree char *changed = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *values = NULL;
  g_autofree char *fingerprint = NULL;

  /* A dry run writes nothing and counts what the real run writes. */
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, TRUE, &preview,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_new, ==, 3);
  g_assert_cmpuint (preview->n_total_rows, ==, 1);
  g_assert_cmpuint (preview->n_missing, ==, 1);
  fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);

  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, preview->n_new);
  g_assert_cmpuint (result->n_replaced, ==, 0);
  g_assert_cmpuint (result->n_total_rows, ==, 1);
  g_assert_cmpuint (result->n_missing, ==, 1);
  g_assert_cmpuint (result->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->skipped, 0), ==,
                   "“fixture.csv”, line 4, column C: no value");
  g_assert_cmpstr (g_ptr_array_index (result->skipped, 1), ==,
                   "“fixture.csv”, line 5, column A: “合计” is a total row");

  values = stored (fixture->store);
  g_assert_cmpstr (values, ==,
                   "320000 2015 2000 fixture.csv, line 4, column B, recipe “Fixture GDP table” dated\n"
                   "340000 2015 1234.5 fixture.csv, line 3, column B, recipe “Fixture GDP table” dated\n"
                   "340000 2016 1300 fixture.csv, line 3, column C, recipe “Fixture GDP table” dated\n");

  /* The same again: nothing new; a changed value is listed old → new. */
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &again,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 3);
  g_clear_pointer (&again, tanlu_recipe_result_free);

  changed = g_strdup (fixture_table);
  memcpy (strstr (changed, "1,300.0"), "1,400.0", 7);
  changed_path = write_gbk (fixture->dir, "fixture-2.csv", changed);
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, changed_path, FALSE, &again,
                                     NULL, NULL, NULL,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_replaced, ==, 1);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (again->replaced, 0), ==, "340000 2016 1300 -> 1400");
}

typedef struct
{
  const char *name;
  const char *table;     /* NULL: the fixture table */
  const char *from;      /* in the recipe, replaced by @to */
  const char *to;
  const char *message;   /* a part of the error message */
} Refusal;

static const Refusal refusals[] = {
  { "ambiguous", "地区,2015年\r\n吉林,\"1\"\r\n", "\"header_row\": 2, \"first_data_row\": 3",
    "\"header_row\": 1, \"first_data_row\": 2", "line 2, column A: “吉林” could be any of" },
  { "unknown", "x\r\n地区,2015年\r\n无此地,1\r\n", NULL, NULL,
    "“fixture.csv”, line 3, column A: no region is called “无此地”" },
  { "not-a-number", "x\r\n地区,2015年\r\n安徽,12abc\r\n", NULL, NULL,
    "“fixture.csv”, line 3, column B: “12abc” is not a number" },
  { "years", NULL, "{\"B\": 2015, \"C\": 2016}", "{\"B\": 2016, \"C\": 2015}",
    "“fixture.csv”, line 2, column B: the header “2015年” names another year than 2016" },
  { "unit", NULL, "\"unit\": \"亿元\"", "\"unit\": \"parsecs\"",
    "field “unit”" },
  { "layout", NULL, "\"layout\": \"wide\"", "\"layout\": \"sideways\"",
    "Recipe “fixture.json”, field “layout”" },
  { "column", NULL, "\"region_column\": \"A\"", "\"region_column\": \"a1\"",
    "field “region_column”" },
};

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TanluRecipe) created = load_recipe (fixture_recipe);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (fixture_recipe);
      g_autoptr(TanluRecipe) recipe = NULL;
      g_autoptr(TanluRecipeResult) result = NULL;
      g_autofree char *path = write_gbk (fixture->dir, "fixture.csv",
                                         r->table != NULL ? r->table : fixture_table);
      g_autofree char *fingerprint = NULL;

      g_test_message ("%s", r->name);
      if (r->from != NULL)
        g_assert_cmpuint (g_string_replace (text, r->from, r->to, 1), ==, 1);
      recipe = tanlu_recipe_load_data (text->str, text->len, "fixture.json", &error);
      if (recipe != NULL)
        g_assert_false (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result,
                                            NULL, NULL, NULL,
                                            &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, r->message));
      g_assert_null (result);
      fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
      g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(TanluRecipe) recipe = load_recipe (fixture_recipe);
  g_autofree char *json = tanlu_recipe_to_json (recipe);
  g_autoptr(TanluRecipe) again = load_recipe (json);
  g_autofree char *json_again = tanlu_recipe_to_json (again);

  g_assert_cmpstr (json, ==, json_again);
  g_assert_nonnull (strstr (json, "\"year_columns\""));
  g_assert_cmpstr (tanlu_recipe_get_name (again), ==, "Fixture GDP table");
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(TanluTestRun) run = { 0 };
  g_auto(TanluTestRun) dry = { 0 };
  g_autofree char *path = write_gbk (fixture->dir, "fixture.csv", fixture_table);
  g_autofree char *recipe = tanlu_test_write_file (fixture->dir, "fixture.json", fixture_recipe,
                                                   -1);
  g_autofree char *db = g_strdup (tanlu_store_get_path (fixture->store));
  g_autofree char *fingerprint = NULL;

  g_clear_object (&fixture->store);
  tanlu_test_run_tanlu (&dry, fixture->dir, db, "import", "--recipe", recipe, "--dry-run", path,
                        NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (g_str_has_prefix (dry.out, "new 3\nreplaced 0\nunchanged 0\nskipped-totals 1\n"
                                            "skipped-missing 1\n"));
  fingerprint = tanlu_test_fingerprint (db);
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);

  tanlu_test_run_tanlu (&run, fixture->dir, db, "import", "--recipe", recipe, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "new 3\n"));
  g_assert_nonnull (strstr (run.out, "skip “fixture.csv”, line 5, column A: “合计” is a total row\n"));
}

static const char xlsx_recipe[] =
  "{\"tanlu_recipe\": 1, \"name\": \"Fixture emissions sheet\", \"format\": \"xlsx\",\n"
  " \"sheet\": \"表1\", \"header_row\": 2, \"first_data_row\": 3, \"layout\": \"long\",\n"
  " \"region_column\": \"A\", \"year_column\": \"B\", \"value_column\": \"C\",\n"
  " \"indicator\": \"co2.fixture\", \"unit\": \"万吨\",\n"
  " \"source\": {\"name\": \"Fixture inventory\"}, \"region_choices\": {\"吉林\": 220000}}\n";

/* A long sheet in 万吨 into an indicator stored in Mt CO₂; 吉林 is told by
 * the recipe's choice. */
static void
test_xlsx_long (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluRecipe) recipe = load_recipe (xlsx_recipe);
  g_autoptr(TanluRecipe) wrong_unit = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  TanluIndicator *indicator;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) wrong = g_string_new (xlsx_recipe);
  g_autofree char *path = g_build_filename (fixture->dir, "fixture.xlsx", NULL);
  g_autofree char *fingerprint = NULL;
  guint sheet = tanlu_test_xlsx_add_sheet (writer, "表1");

  tanlu_test_xlsx_set_string (writer, sheet, "A1", "Fixture 排放（万吨）");
  tanlu_test_xlsx_set_string (writer, sheet, "A2", "地区");
  tanlu_test_xlsx_set_string (writer, sheet, "B2", "年份");
  tanlu_test_xlsx_set_string (writer, sheet, "C2", "排放");
  tanlu_test_xlsx_set_string (writer, sheet, "A3", "四川省");
  tanlu_test_xlsx_set_number (writer, sheet, "B3", 2019);
  tanlu_test_xlsx_set_number (writer, sheet, "C3", 12345);
  tanlu_test_xlsx_set_string (writer, sheet, "A4", "吉林");
  tanlu_test_xlsx_set_string (writer, sheet, "B4", "2019年");
  tanlu_test_xlsx_set_string (writer, sheet, "C4", "1,000");
  g_assert_true (tanlu_test_xlsx_write (writer, path, &error));
  g_assert_no_error (error);

  indicator = tanlu_store_create_indicator (fixture->store, "co2.fixture", "Fixture 排放",
                                            "Fixture emissions", "Mt CO₂", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "Mt CO₂");
  g_clear_pointer (&fixture->fingerprint, g_free);
  fixture->fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));

  /* 亿元 is no mass: refused, nothing written */
  g_string_replace (wrong, "万吨", "亿元", 1);
  wrong_unit = load_recipe (wrong->str);
  g_assert_false (tanlu_recipe_apply (fixture->store, wrong_unit, path, FALSE,
                                      NULL, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "unit “亿元”"));
  g_clear_error (&error);
  fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);

  tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 2);

  tanlu_store_foreach_observation (fixture->store, FALSE, 0, 0, "co2.fixture", collect_cb,
                                   text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text->str, ==,
                   "220000 2019 10 fixture.xlsx, sheet 表1, cell C4, recipe “Fixture emissions sheet” dated\n"
                   "510000 2019 123.45 fixture.xlsx, sheet 表1, cell C3, recipe “Fixture emissions sheet” dated\n");
}

static void
test_cli_refusal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(TanluTestRun) run = { 0 };
  g_autofree char *path = write_gbk (fixture->dir, "fixture.csv",
                                     "x\r\n地区,2015年\r\n安徽,12abc\r\n");
  g_autofree char *recipe = tanlu_test_write_file (fixture->dir, "fixture.json", fixture_recipe,
                                                   -1);
  g_autofree char *db = g_strdup (tanlu_store_get_path (fixture->store));
  g_autofree char *fingerprint = NULL;

  g_clear_object (&fixture->store);
  tanlu_test_run_tanlu (&run, fixture->dir, db, "import", "--recipe", recipe, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "line 3, column B: “12abc” is not a number"));
  fingerprint = tanlu_test_fingerprint (db);
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);
}

/* ---------------------------------------------------------------- indicators across */

/* A made-up yearbook sheet for one year: the population in 人 goes into the
 * bundled indicator kept in 万人; the energy indicator is created. */
static const char indicators_recipe[] =
  "{\"tanlu_recipe\": 1, \"name\": \"Fixture indicators sheet\", \"format\": \"xlsx\",\n"
  " \"sheet\": \"Fixture 指标\", \"header_row\": 2, \"first_data_row\": 3,\n"
  " \"layout\": \"indicators\", \"region_column\": \"A\", \"year\": 2020,\n"
  " \"indicator_columns\": {\n"
  "   \"B\": {\"indicator\": \"population\", \"unit\": \"人\"},\n"
  "   \"C\": {\"indicator\": \"energy.fixture\", \"unit\": \"万吨标准煤\",\n"
  "         \"indicator_names\": {\"zh\": \"Fixture 能源消费总量\", \"en\": \"Fixture energy\"}}},\n"
  " \"source\": {\"name\": \"Fixture yearbook\"}, \"skip_totals\": true}\n";

static char *
write_indicators_sheet (const char *dir,
                        const char *name,
                        double      sichuan_population)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  guint sheet = tanlu_test_xlsx_add_sheet (writer, "Fixture 指标");

  tanlu_test_xlsx_set_string (writer, sheet, "A1", "Fixture 2020年各省主要指标（虚构）");
  tanlu_test_xlsx_set_string (writer, sheet, "A2", "地区");
  tanlu_test_xlsx_set_string (writer, sheet, "B2", "Fixture 常住人口（人）");
  tanlu_test_xlsx_set_string (writer, sheet, "C2", "Fixture 能源消费总量（万吨标准煤）");
  tanlu_test_xlsx_set_string (writer, sheet, "A3", "四川省");
  tanlu_test_xlsx_set_number (writer, sheet, "B3", sichuan_population);
  tanlu_test_xlsx_set_string (writer, sheet, "C3", "20,000");
  tanlu_test_xlsx_set_string (writer, sheet, "A4", "安徽");
  tanlu_test_xlsx_set_number (writer, sheet, "B4", 6000000);
  tanlu_test_xlsx_set_string (writer, sheet, "C4", "—");
  tanlu_test_xlsx_set_string (writer, sheet, "A5", "合计");
  tanlu_test_xlsx_set_number (writer, sheet, "B5", 6000000 + sichuan_population);
  tanlu_test_xlsx_set_number (writer, sheet, "C5", 20000);
  g_assert_true (tanlu_test_xlsx_write (writer, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluRecipe) recipe = load_recipe (indicators_recipe);
  g_autoptr(TanluRecipeResult) preview = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(TanluRecipeResult) again = NULL;
  g_autofree char *path = write_indicators_sheet (fixture->dir, "fixture.xlsx", 8000000);
  g_autofree char *changed_path = NULL;
  g_autofree char *population = NULL;
  g_autofree char *energy = NULL;
  g_autofree char *fingerprint = NULL;
  TanluIndicator *indicator;

  indicator = tanlu_store_lookup_indicator (fixture->store, "population");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "万人");
  g_assert_null (tanlu_store_lookup_indicator (fixture->store, "energy.fixture"));

  /* A dry run creates no indicator and writes nothing. */
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, TRUE, &preview,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_new, ==, 3);
  g_assert_cmpuint (preview->n_missing, ==, 1);
  g_assert_cmpuint (preview->n_total_rows, ==, 1);
  fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);

  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 3);
  g_assert_cmpuint (result->n_replaced, ==, 0);
  g_assert_cmpuint (result->skipped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->skipped, 0), ==,
                   "“fixture.xlsx”, sheet “Fixture 指标”, cell C4: no value");

  population = stored_of (fixture->store, "population");
  g_assert_cmpstr (population, ==,
                   "340000 2020 600 fixture.xlsx, sheet Fixture 指标, cell B4, recipe “Fixture indicators sheet” dated\n"
                   "510000 2020 800 fixture.xlsx, sheet Fixture 指标, cell B3, recipe “Fixture indicators sheet” dated\n");
  energy = stored_of (fixture->store, "energy.fixture");
  g_assert_cmpstr (energy, ==,
                   "510000 2020 20000 fixture.xlsx, sheet Fixture 指标, cell C3, recipe “Fixture indicators sheet” dated\n");
  indicator = tanlu_store_lookup_indicator (fixture->store, "energy.fixture");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (tanlu_indicator_get_unit (indicator), ==, "万吨标准煤");

  /* Again with one value changed: the replaced line names the indicator. */
  changed_path = write_indicators_sheet (fixture->dir, "fixture-2.xlsx", 8100000);
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, changed_path, FALSE, &again,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpuint (again->n_replaced, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (again->replaced, 0), ==,
                   "510000 2020 population 800 -> 810");
}

static const Refusal indicator_refusals[] = {
  { "unknown-unit", NULL, "\"unit\": \"万吨标准煤\"", "\"unit\": \"parsecs\"",
    "Recipe “fixture.json”, field “indicator_columns.C.unit”: not a unit Tanlu knows" },
  { "unit-does-not-fit", NULL, "\"unit\": \"人\"", "\"unit\": \"亿元\"",
    "Recipe “Fixture indicators sheet”, column B, unit “亿元”" },
  { "no-names", NULL,
    ",\n         \"indicator_names\": {\"zh\": \"Fixture 能源消费总量\", \"en\": \"Fixture energy\"}",
    "", "column C: the database has no indicator “energy.fixture”" },
  { "top-level-indicator", NULL, "\"year\": 2020,", "\"year\": 2020, \"indicator\": \"gdp\",",
    "field “indicator”: not used with the layout “indicators”" },
  { "top-level-unit", NULL, "\"year\": 2020,", "\"year\": 2020, \"unit\": \"亿元\",",
    "field “unit”: not used with the layout “indicators”" },
  { "two-years", NULL, "\"year\": 2020,", "\"year\": 2020, \"year_column\": \"D\",",
    "field “year”" },
  { "no-year", NULL, "\"year\": 2020,", "", "field “year”" },
  { "region-column", NULL, "\"B\": {", "\"A\": {", "field “indicator_columns.A”" },
  { "same-indicator", NULL, "\"energy.fixture\"", "\"population\"",
    "field “indicator_columns.C.indicator”" },
  { "decimal", NULL, "\"year\": 2020,", "\"year\": 2020, \"decimal\": \"·\",",
    "field “decimal”" },
};

static void
test_indicators_refusals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_indicators_sheet (fixture->dir, "fixture.xlsx", 8000000);

  for (guint i = 0; i < G_N_ELEMENTS (indicator_refusals); i++)
    {
      const Refusal *r = &indicator_refusals[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (indicators_recipe);
      g_autoptr(TanluRecipe) recipe = NULL;
      g_autoptr(TanluRecipeResult) result = NULL;
      g_autofree char *fingerprint = NULL;

      g_test_message ("%s", r->name);
      g_assert_cmpuint (g_string_replace (text, r->from, r->to, 1), ==, 1);
      recipe = tanlu_recipe_load_data (text->str, text->len, "fixture.json", &error);
      if (recipe != NULL)
        g_assert_false (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result,
                                            NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, r->message));
      g_assert_null (result);
      fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
      g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);
    }
}

static void
test_indicators_round_trip (void)
{
  g_autoptr(TanluRecipe) recipe = load_recipe (indicators_recipe);
  g_autofree char *json = tanlu_recipe_to_json (recipe);
  g_autoptr(TanluRecipe) again = load_recipe (json);
  g_autofree char *json_again = tanlu_recipe_to_json (again);
  g_autoptr(GString) with_column = g_string_new (indicators_recipe);
  g_autoptr(TanluRecipe) year_column = NULL;
  g_autofree char *year_column_json = NULL;
  g_autoptr(TanluRecipe) year_column_again = NULL;
  g_autofree char *year_column_json_again = NULL;

  g_test_message ("%s", json);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_nonnull (strstr (json, "\"indicators\""));
  g_assert_nonnull (strstr (json, "\"indicator_columns\""));
  g_assert_nonnull (strstr (json, "\"year\" : 2020"));
  g_assert_nonnull (strstr (json, "Fixture 能源消费总量"));
  g_assert_null (strstr (json, "\"decimal\""));
  g_assert_null (strstr (json, "\"value_column\""));

  /* A year per row instead, and a decimal comma. */
  g_string_replace (with_column, "\"year\": 2020,",
                    "\"year_column\": \"D\", \"decimal\": \",\",", 1);
  year_column = load_recipe (with_column->str);
  year_column_json = tanlu_recipe_to_json (year_column);
  year_column_again = load_recipe (year_column_json);
  year_column_json_again = tanlu_recipe_to_json (year_column_again);
  g_test_message ("%s", year_column_json);
  g_assert_cmpstr (year_column_json, ==, year_column_json_again);
  g_assert_nonnull (strstr (year_column_json, "\"year_column\" : \"D\""));
  g_assert_nonnull (strstr (year_column_json, "\"decimal\" : \",\""));
  g_assert_null (strstr (year_column_json, "\"year\" :"));
}

/* ---------------------------------------------------------------- decimal commas */

/* A CSV from a spreadsheet that writes decimal commas and separates cells
 * by “;”, with a year per row and an indicator per column. */
static const char decimal_table[] =
  "Fixture Tabelle;;;\r\n"
  "地区;年份;Fixture 产值（亿元）;Fixture 人口（万人）\r\n"
  "安徽省;2019;1.234,5;6.100,25\r\n"
  "安徽省;2020;1.300;-\r\n"
  "江苏;2020;12,5*;-0,5\r\n";

static const char decimal_recipe[] =
  "{\"tanlu_recipe\": 1, \"name\": \"Fixture decimal commas\", \"format\": \"csv\",\n"
  " \"encoding\": \"utf-8\", \"separator\": \";\", \"decimal\": \",\",\n"
  " \"header_row\": 2, \"first_data_row\": 3, \"layout\": \"indicators\",\n"
  " \"region_column\": \"A\", \"year_column\": \"B\",\n"
  " \"indicator_columns\": {\n"
  "   \"C\": {\"indicator\": \"gdp.fixture\", \"unit\": \"亿元\",\n"
  "         \"indicator_names\": {\"zh\": \"Fixture 产值\", \"en\": \"Fixture output\"}},\n"
  "   \"D\": {\"indicator\": \"population\", \"unit\": \"万人\"}},\n"
  " \"source\": {\"name\": \"Fixture Statistik\"}}\n";

static void
test_decimal_comma (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluRecipe) recipe = load_recipe (decimal_recipe);
  g_autoptr(TanluRecipe) point = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(GString) point_text = g_string_new (decimal_recipe);
  g_autoptr(GString) repeated = g_string_new (decimal_table);
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "fixture.csv", decimal_table, -1);
  g_autofree char *repeated_path = NULL;
  g_autofree char *gdp = NULL;
  g_autofree char *population = NULL;
  g_autofree char *fingerprint = NULL;

  /* Read with a decimal point, the same file is refused. */
  g_assert_cmpuint (g_string_replace (point_text, "\"decimal\": \",\"", "\"decimal\": \".\"", 1),
                    ==, 1);
  point = load_recipe (point_text->str);
  g_assert_false (tanlu_recipe_apply (fixture->store, point, path, FALSE, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "line 3, column C: “1.234,5” is not a number"));
  g_clear_error (&error);

  /* Two rows for the same region and year repeat each indicator. */
  g_string_append (repeated, "安徽省;2020;1,5;2\r\n");
  repeated_path = tanlu_test_write_file (fixture->dir, "fixture-2.csv", repeated->str, -1);
  g_assert_false (tanlu_recipe_apply (fixture->store, recipe, repeated_path, FALSE, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message,
                            "repeats the value of “gdp.fixture” for region 340000, year 2020"));
  g_clear_error (&error);
  fingerprint = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fingerprint, ==, fixture->fingerprint);

  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 5);
  g_assert_cmpuint (result->n_missing, ==, 1);

  gdp = stored_of (fixture->store, "gdp.fixture");
  g_assert_cmpstr (gdp, ==,
                   "320000 2020 12.5 fixture.csv, line 5, column C, recipe “Fixture decimal commas” dated\n"
                   "340000 2019 1234.5 fixture.csv, line 3, column C, recipe “Fixture decimal commas” dated\n"
                   "340000 2020 1300 fixture.csv, line 4, column C, recipe “Fixture decimal commas” dated\n");
  population = stored_of (fixture->store, "population");
  g_assert_cmpstr (population, ==,
                   "320000 2020 -0.5 fixture.csv, line 5, column D, recipe “Fixture decimal commas” dated\n"
                   "340000 2019 6100.25 fixture.csv, line 3, column D, recipe “Fixture decimal commas” dated\n");
}

/* A district below the registry, chosen as 0, is skipped; a note under
 * the table, below last_data_row, is not read; without them both, each
 * refuses the file. */
static void
test_skip_and_last_row (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char table[] =
    "地区,2015年\r\n"
    "安徽省,10\r\n"
    "武侯区,1\r\n"
    "\r\n"
    "注：Fixture 数据为虚构。,\r\n";
  static const char base[] =
    "{\"tanlu_recipe\": 1, \"name\": \"Fixture skip\", \"format\": \"csv\",\n"
    " \"header_row\": 1, \"first_data_row\": 2, %s \"layout\": \"wide\",\n"
    " \"region_column\": \"A\", \"year_columns\": {\"B\": 2015},\n"
    " \"indicator\": \"gdp.fixture\",\n"
    " \"indicator_names\": {\"zh\": \"Fixture 地区生产总值\", \"en\": \"Fixture GDP\"},\n"
    " \"unit\": \"亿元\", \"source\": {\"name\": \"Fixture yearbook\"}%s}\n";
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "fixture-skip.csv", table, -1);
  g_autofree char *neither = g_strdup_printf (base, "", "");
  g_autofree char *no_last = g_strdup_printf (base, "", ", \"region_choices\": {\"武侯区\": 0}");
  g_autofree char *no_skip = g_strdup_printf (base, "\"last_data_row\": 3,", "");
  g_autofree char *both = g_strdup_printf (base, "\"last_data_row\": 3,",
                                           ", \"region_choices\": {\"武侯区\": 0}");
  g_autofree char *bad_last = g_strdup_printf (base, "\"last_data_row\": 1,", "");
  const char *refused[] = { neither, no_last, no_skip };
  const char *refused_at[] = { "line 3", "line 5", "line 3" };
  g_autoptr(TanluRecipe) recipe = NULL;
  g_autoptr(TanluRecipe) again = NULL;
  g_autoptr(TanluRecipeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *values = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(TanluRecipe) partial = load_recipe (refused[i]);

      g_assert_false (tanlu_recipe_apply (fixture->store, partial, path, TRUE, NULL, NULL, NULL,
                                          NULL, &error));
      g_assert_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_REFUSED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, refused_at[i]));
      g_clear_error (&error);
    }

  g_assert_null (tanlu_recipe_load_data (bad_last, strlen (bad_last), "fixture.json", &error));
  g_assert_error (error, TANLU_RECIPE_ERROR, TANLU_RECIPE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "last_data_row"));
  g_clear_error (&error);

  recipe = load_recipe (both);
  g_assert_true (tanlu_recipe_apply (fixture->store, recipe, path, FALSE, &result, NULL, NULL,
                                     NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_new, ==, 1);
  g_assert_cmpuint (result->n_skipped_regions, ==, 1);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->skipped, 0), "武侯区"));
  values = stored (fixture->store);
  g_assert_cmpstr (values, ==, "340000 2015 10 fixture-skip.csv, line 2, column B, recipe “Fixture skip” dated\n");

  /* Both survive a round trip */
  json = tanlu_recipe_to_json (recipe);
  g_assert_nonnull (strstr (json, "\"last_data_row\" : 3"));
  again = load_recipe (json);
  json_again = tanlu_recipe_to_json (again);
  g_assert_cmpstr (json_again, ==, json);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recipe/round-trip", test_round_trip);
  g_test_add ("/recipe/wide-gbk", Fixture, NULL, tanlu_test_import_fixture_set_up, test_wide_gbk,
              tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/refusals", Fixture, NULL, tanlu_test_import_fixture_set_up, test_refusals,
              tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/cli", Fixture, NULL, tanlu_test_import_fixture_set_up, test_cli,
              tanlu_test_import_fixture_tear_down);

  g_test_add ("/recipe/cli-refusal", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_cli_refusal, tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/xlsx-long", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_xlsx_long, tanlu_test_import_fixture_tear_down);
  g_test_add_func ("/recipe/indicators-round-trip", test_indicators_round_trip);
  g_test_add ("/recipe/indicators", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_indicators, tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/indicators-refusals", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_indicators_refusals, tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/skip-and-last-row", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_skip_and_last_row, tanlu_test_import_fixture_tear_down);
  g_test_add ("/recipe/decimal-comma", Fixture, NULL, tanlu_test_import_fixture_set_up,
              test_decimal_comma, tanlu_test_import_fixture_tear_down);

  return g_test_run ();
}
