/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include "import/tanlu-csv.h"
#include "import/tanlu-region-match.h"
#include "import/tanlu-table-layout.h"
#include "import/tanlu-xlsx.h"
#include "tanlu-test-util.h"
#include "tanlu-test-xlsx-writer.h"

#include <string.h>

typedef TanluTestBundledFixture Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static TanluTableGrid *
grid_from_writer (TanluTestXlsx *writer)
{
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;

  xlsx = tanlu_xlsx_open_bytes (bytes, "fixture.xlsx", &error);
  g_assert_no_error (error);
  sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
  g_assert_no_error (error);

  return tanlu_table_grid_new_from_sheet (sheet);
}

static TanluTableGrid *
grid_from_rows (const char * const *rows)
{
  TanluTableGrid *grid = tanlu_table_grid_new ();

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[i], "|", -1);

      tanlu_table_grid_append_row (grid, (const char **) cells, g_strv_length (cells));
    }

  return grid;
}

static void
log_layout (const TanluTableLayout *layout)
{
  g_test_message ("header: %s", layout->header_reason);
  g_test_message ("layout: %s", layout->layout_reason);
  if (layout->decimal_reason != NULL)
    g_test_message ("decimal: %s", layout->decimal_reason);
  g_test_message ("region: %s", layout->region_reason);
  g_test_message ("totals: %s", layout->totals_reason != NULL ? layout->totals_reason : "none");
  g_test_message ("unit: %s", layout->unit_reason);
}

static void
assert_years (const TanluTableLayout *layout,
              const char             *first_letter,
              guint                   first_year,
              guint                   n_years)
{
  g_assert_cmpint (layout->layout, ==, TANLU_TABLE_LAYOUT_WIDE);
  g_assert_cmpuint (layout->year_column, ==, 0);
  g_assert_cmpuint (layout->value_column, ==, 0);
  g_assert_cmpuint (layout->year_columns->len, ==, n_years);

  for (guint i = 0; i < n_years; i++)
    {
      const TanluTableYearColumn *column = &g_array_index (layout->year_columns,
                                                           TanluTableYearColumn, i);
      g_autofree char *letter = tanlu_table_column_letter (column->column);
      g_autofree char *expected = g_strdup_printf ("%c", first_letter[0] + i);

      g_assert_cmpstr (letter, ==, expected);
      g_assert_cmpuint (column->year, ==, first_year + i);
    }
}

static void
assert_totals (const TanluTableLayout *layout,
               const guint            *rows,
               guint                   n_rows)
{
  g_assert_cmpuint (layout->total_rows->len, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    g_assert_cmpuint (g_array_index (layout->total_rows, guint, i), ==, rows[i]);
  if (n_rows > 0)
    g_assert_nonnull (layout->totals_reason);
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_parse_year (void)
{
  static const struct {
    const char *text;
    guint       year;
  } cases[] = {
    { "2015", 2015 },
    { "2015年", 2015 },
    { "2015 年", 2015 },
    { " ２０１５年 ", 2015 },
    { "2015年末", 2015 },
    { "2015年度", 2015 },
    { "2015.0", 2015 },
    { "1949", 1949 },
    { "2100", 2100 },
    { "1948", 0 },
    { "2101", 0 },
    { "20155", 0 },
    { "201", 0 },
    { "2015年计划", 0 },
    { "2015.5", 0 },
    { "年份", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpuint (tanlu_table_parse_year (cases[i].text), ==, cases[i].year);
    }
}

static void
test_column_letter (void)
{
  g_autofree char *a = tanlu_table_column_letter (1);
  g_autofree char *z = tanlu_table_column_letter (26);
  g_autofree char *ab = tanlu_table_column_letter (28);

  g_assert_cmpstr (a, ==, "A");
  g_assert_cmpstr (z, ==, "Z");
  g_assert_cmpstr (ab, ==, "AB");
}

/* (a) Two title rows, the first merged across; years across; a total row
 * and a note below.
 */
static void
test_wide_with_titles (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = NULL;
  g_autoptr(TanluTableLayout) layout = NULL;
  static const guint totals[] = { 7 };
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "Fixture 排放");
  tanlu_test_xlsx_set_string (writer, s, "A1", "Fixture 各市碳排放（单位：万吨）");
  tanlu_test_xlsx_add_merge (writer, s, "A1:D1");
  tanlu_test_xlsx_set_string (writer, s, "A2", "Fixture 统计口径：能源活动");
  tanlu_test_xlsx_set_string (writer, s, "A3", "地区");
  tanlu_test_xlsx_set_string (writer, s, "B3", "2015年");
  tanlu_test_xlsx_set_string (writer, s, "C3", "2016年");
  tanlu_test_xlsx_set_string (writer, s, "D3", "2017年");
  tanlu_test_xlsx_set_string (writer, s, "A4", "成都市");
  tanlu_test_xlsx_set_number (writer, s, "B4", 101.5);
  tanlu_test_xlsx_set_number (writer, s, "C4", 102.5);
  tanlu_test_xlsx_set_number (writer, s, "D4", 103.5);
  tanlu_test_xlsx_set_string (writer, s, "A5", "自贡市");
  tanlu_test_xlsx_set_number (writer, s, "B5", 11);
  tanlu_test_xlsx_set_string (writer, s, "C5", "—");
  tanlu_test_xlsx_set_number (writer, s, "D5", 13);
  tanlu_test_xlsx_set_string (writer, s, "A6", "攀枝花市");
  tanlu_test_xlsx_set_number (writer, s, "B6", 21);
  tanlu_test_xlsx_set_number (writer, s, "C6", 22);
  tanlu_test_xlsx_set_number (writer, s, "D6", 23);
  tanlu_test_xlsx_set_string (writer, s, "A7", "合计");
  tanlu_test_xlsx_set_number (writer, s, "B7", 133.5);
  tanlu_test_xlsx_set_number (writer, s, "C7", 124.5);
  tanlu_test_xlsx_set_number (writer, s, "D7", 139.5);
  tanlu_test_xlsx_set_string (writer, s, "A9", "注：Fixture 数据为虚构。");

  grid = grid_from_writer (writer);
  layout = tanlu_table_layout_detect (grid, matcher);
  log_layout (layout);

  g_assert_cmpuint (layout->header_row, ==, 3);
  g_assert_cmpuint (layout->first_data_row, ==, 4);
  g_assert_cmpuint (layout->last_data_row, ==, 7);
  g_assert_cmpuint (layout->region_column, ==, 1);
  assert_years (layout, "B", 2015, 3);
  assert_totals (layout, totals, G_N_ELEMENTS (totals));
  g_assert_cmpstr (layout->unit, ==, "万吨");
  g_assert_nonnull (strstr (layout->unit_reason, "A1"));
  g_assert_nonnull (strstr (layout->region_reason, "3 of its 4"));
}

/* (b) The header over two rows: 地区 merged down, 年份 merged over the
 * years, the years below as numbers.
 */
static void
test_wide_two_row_header (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = NULL;
  g_autoptr(TanluTableLayout) layout = NULL;
  static const guint totals[] = { 6 };
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "Fixture 能耗");
  tanlu_test_xlsx_set_string (writer, s, "A1", "Fixture 各市能源消费量（单位：万吨标准煤）");
  tanlu_test_xlsx_add_merge (writer, s, "A1:D1");
  tanlu_test_xlsx_set_string (writer, s, "A2", "地区");
  tanlu_test_xlsx_add_merge (writer, s, "A2:A3");
  tanlu_test_xlsx_set_string (writer, s, "B2", "年份");
  tanlu_test_xlsx_add_merge (writer, s, "B2:D2");
  tanlu_test_xlsx_set_number (writer, s, "B3", 2015);
  tanlu_test_xlsx_set_number (writer, s, "C3", 2016);
  tanlu_test_xlsx_set_number (writer, s, "D3", 2017);
  tanlu_test_xlsx_set_string (writer, s, "A4", "成都市");
  tanlu_test_xlsx_set_number (writer, s, "B4", 5.5);
  tanlu_test_xlsx_set_number (writer, s, "C4", 5.6);
  tanlu_test_xlsx_set_number (writer, s, "D4", 5.7);
  tanlu_test_xlsx_set_string (writer, s, "A5", "自贡市");
  tanlu_test_xlsx_set_number (writer, s, "B5", 1.5);
  tanlu_test_xlsx_set_number (writer, s, "C5", 1.6);
  tanlu_test_xlsx_set_number (writer, s, "D5", 1.7);
  tanlu_test_xlsx_set_string (writer, s, "A6", "全省");
  tanlu_test_xlsx_set_number (writer, s, "B6", 7);
  tanlu_test_xlsx_set_number (writer, s, "C6", 7.2);
  tanlu_test_xlsx_set_number (writer, s, "D6", 7.4);

  grid = grid_from_writer (writer);
  g_assert_cmpstr (tanlu_table_grid_get (grid, 3, 1), ==, "地区");
  g_assert_cmpstr (tanlu_table_grid_get (grid, 2, 4), ==, "年份");

  layout = tanlu_table_layout_detect (grid, matcher);
  log_layout (layout);

  g_assert_cmpuint (layout->header_row, ==, 3);
  g_assert_cmpuint (layout->first_data_row, ==, 4);
  g_assert_cmpuint (layout->region_column, ==, 1);
  assert_years (layout, "B", 2015, 3);
  assert_totals (layout, totals, G_N_ELEMENTS (totals));
  g_assert_cmpstr (layout->unit, ==, "万吨标准煤");
  g_assert_nonnull (strstr (layout->header_reason, "2 to 3"));
}

/* (c) One value per row. */
static void
test_long (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const rows[] = {
    "地区|年份|数值（万吨）",
    "成都市|2015|10.5",
    "成都市|2016|11",
    "自贡市|2015|3.2",
    "自贡市|2016|3.4",
    "合计|2015|13.7",
    NULL
  };
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = grid_from_rows (rows);
  g_autoptr(TanluTableLayout) layout = tanlu_table_layout_detect (grid, matcher);
  static const guint totals[] = { 6 };

  log_layout (layout);

  g_assert_cmpuint (layout->header_row, ==, 1);
  g_assert_cmpuint (layout->first_data_row, ==, 2);
  g_assert_cmpint (layout->layout, ==, TANLU_TABLE_LAYOUT_LONG);
  g_assert_cmpuint (layout->year_columns->len, ==, 0);
  g_assert_cmpuint (layout->year_column, ==, 2);
  g_assert_cmpuint (layout->value_column, ==, 3);
  g_assert_cmpuint (layout->region_column, ==, 1);
  assert_totals (layout, totals, G_N_ELEMENTS (totals));
  g_assert_cmpstr (layout->unit, ==, "万吨");
}

/* (d) A CSV with a title line and full-width years. */
static void
test_csv_full_width_years (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char csv[] =
    "Fixture 各市碳排放，单位：万吨\n"
    "地区,２０１５年,２０１６年\n"
    "成都市,1.5,2.5\n"
    "自贡市,3,4\n"
    "全省,4.5,6.5\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = NULL;
  g_autoptr(TanluTableLayout) layout = NULL;
  static const guint totals[] = { 5 };

  reader = tanlu_csv_reader_new_for_bytes (bytes, "fixture.csv", &error);
  g_assert_no_error (error);
  grid = tanlu_table_grid_new_from_csv (reader, TANLU_TABLE_GRID_PREVIEW_ROWS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_table_grid_get_n_rows (grid), ==, 5);

  layout = tanlu_table_layout_detect (grid, matcher);
  log_layout (layout);

  g_assert_cmpuint (layout->header_row, ==, 2);
  g_assert_cmpuint (layout->first_data_row, ==, 3);
  g_assert_cmpuint (layout->region_column, ==, 1);
  assert_years (layout, "B", 2015, 2);
  assert_totals (layout, totals, G_N_ELEMENTS (totals));
  g_assert_cmpstr (layout->unit, ==, "万吨");
}

/* (e) An English table, read with and without a matcher. */
static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const rows[] = {
    "Region|2015|2016",
    "Chengdu|1.5|2.5",
    "Zigong|3|4",
    "Total|4.5|6.5",
    NULL
  };
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = grid_from_rows (rows);
  static const guint totals[] = { 4 };

  for (guint with_matcher = 0; with_matcher < 2; with_matcher++)
    {
      g_autoptr(TanluTableLayout) layout =
        tanlu_table_layout_detect (grid, with_matcher ? matcher : NULL);

      log_layout (layout);

      g_assert_cmpuint (layout->header_row, ==, 1);
      g_assert_cmpuint (layout->first_data_row, ==, 2);
      g_assert_cmpuint (layout->region_column, ==, 1);
      assert_years (layout, "B", 2015, 2);
      assert_totals (layout, totals, G_N_ELEMENTS (totals));
      g_assert_null (layout->unit);
      g_assert_nonnull (layout->unit_reason);
      if (!with_matcher)
        g_assert_nonnull (strstr (layout->region_reason, "Region"));
    }
}

static void
assert_indicator (const TanluTableLayout *layout,
                  guint                   index,
                  const char             *letter,
                  const char             *header,
                  const char             *unit)
{
  const TanluTableIndicatorColumn *column;
  g_autofree char *column_letter = NULL;

  g_assert_cmpuint (index, <, layout->indicator_columns->len);
  column = &g_array_index (layout->indicator_columns, TanluTableIndicatorColumn, index);
  column_letter = tanlu_table_column_letter (column->column);
  g_assert_cmpstr (column_letter, ==, letter);
  g_assert_cmpstr (column->header, ==, header);
  g_assert_cmpstr (column->unit, ==, unit);
}

static TanluTableGrid *
grid_from_csv (const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluCsvReader) reader = NULL;
  TanluTableGrid *grid;

  /* The separator detected, as a preview of a chosen file reads it. */
  reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, "fixture.csv",
                                                        TANLU_TEXT_ENCODING_AUTO, '\0', &error);
  g_assert_no_error (error);
  grid = tanlu_table_grid_new_from_csv (reader, TANLU_TABLE_GRID_PREVIEW_ROWS, &error);
  g_assert_no_error (error);

  return grid;
}

/* (f) A yearbook sheet: one year named in the title, one row per region,
 * an indicator per column with its unit in brackets of each kind, and one
 * whose unit Tanlu does not know.
 */
static void
test_indicators_across (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = NULL;
  g_autoptr(TanluTableLayout) layout = NULL;
  static const guint totals[] = { 6 };
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "Fixture 指标");
  tanlu_test_xlsx_set_string (writer, s, "A1", "Fixture 2020年各市州主要经济指标");
  tanlu_test_xlsx_add_merge (writer, s, "A1:E1");
  tanlu_test_xlsx_set_string (writer, s, "A2", "地区");
  tanlu_test_xlsx_set_string (writer, s, "B2", "Fixture 地区生产总值（亿元）");
  tanlu_test_xlsx_set_string (writer, s, "C2", "Fixture 常住人口(万人)");
  tanlu_test_xlsx_set_string (writer, s, "D2", "Fixture 能源消费总量【万吨标准煤】");
  tanlu_test_xlsx_set_string (writer, s, "E2", "Fixture 景点（处）");
  tanlu_test_xlsx_set_string (writer, s, "A3", "成都市");
  tanlu_test_xlsx_set_number (writer, s, "B3", 1000.5);
  tanlu_test_xlsx_set_number (writer, s, "C3", 100.25);
  tanlu_test_xlsx_set_number (writer, s, "D3", 50);
  tanlu_test_xlsx_set_number (writer, s, "E3", 7);
  tanlu_test_xlsx_set_string (writer, s, "A4", "自贡市");
  tanlu_test_xlsx_set_number (writer, s, "B4", 200);
  tanlu_test_xlsx_set_number (writer, s, "C4", 20);
  tanlu_test_xlsx_set_string (writer, s, "D4", "…");
  tanlu_test_xlsx_set_number (writer, s, "E4", 3);
  tanlu_test_xlsx_set_string (writer, s, "A5", "攀枝花市");
  tanlu_test_xlsx_set_number (writer, s, "B5", 300);
  tanlu_test_xlsx_set_number (writer, s, "C5", 30);
  tanlu_test_xlsx_set_number (writer, s, "D5", 15);
  tanlu_test_xlsx_set_number (writer, s, "E5", 1);
  tanlu_test_xlsx_set_string (writer, s, "A6", "全省");
  tanlu_test_xlsx_set_number (writer, s, "B6", 1500.5);
  tanlu_test_xlsx_set_number (writer, s, "C6", 150.25);
  tanlu_test_xlsx_set_number (writer, s, "D6", 65);
  tanlu_test_xlsx_set_number (writer, s, "E6", 11);

  grid = grid_from_writer (writer);
  layout = tanlu_table_layout_detect (grid, matcher);
  log_layout (layout);

  g_assert_cmpuint (layout->header_row, ==, 2);
  g_assert_cmpuint (layout->first_data_row, ==, 3);
  g_assert_cmpuint (layout->last_data_row, ==, 6);
  g_assert_cmpint (layout->layout, ==, TANLU_TABLE_LAYOUT_INDICATORS);
  g_assert_cmpuint (layout->year, ==, 2020);
  g_assert_cmpuint (layout->year_column, ==, 0);
  g_assert_cmpuint (layout->value_column, ==, 0);
  g_assert_cmpuint (layout->year_columns->len, ==, 0);
  g_assert_cmpuint (layout->region_column, ==, 1);
  g_assert_false (layout->decimal_comma);
  g_assert_cmpuint (layout->indicator_columns->len, ==, 4);
  assert_indicator (layout, 0, "B", "Fixture 地区生产总值", "亿元");
  assert_indicator (layout, 1, "C", "Fixture 常住人口", "万人");
  assert_indicator (layout, 2, "D", "Fixture 能源消费总量", "万吨标准煤");
  assert_indicator (layout, 3, "E", "Fixture 景点", NULL);
  assert_totals (layout, totals, G_N_ELEMENTS (totals));
  g_assert_null (layout->unit);
  g_assert_nonnull (layout->unit_reason);
  g_assert_nonnull (strstr (layout->layout_reason, "2020"));
}

/* (g) Indicators across with a year per row and a column of row numbers,
 * which is no indicator; a long table with one value column stays long.
 */
static void
test_indicators_year_column (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const rows[] = {
    "序号|地区|年份|Fixture GDP（亿元）|Fixture 人口（万人）|Fixture 说明",
    "1|成都市|2019|10.5|1.5|Fixture",
    "2|成都市|2020|11|1.6|",
    "3|自贡市|2019|3.2|0.5|Fixture",
    "4|自贡市|2020|3.4|0.6|",
    NULL
  };
  static const char * const no_units[] = {
    "地区|年份|Fixture GDP|Fixture 人口",
    "成都市|2019|10.5|1.5",
    "自贡市|2019|3.2|0.5",
    NULL
  };
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = grid_from_rows (rows);
  g_autoptr(TanluTableGrid) plain_grid = grid_from_rows (no_units);
  g_autoptr(TanluTableLayout) layout = tanlu_table_layout_detect (grid, matcher);
  g_autoptr(TanluTableLayout) plain = tanlu_table_layout_detect (plain_grid, matcher);

  log_layout (layout);
  g_assert_cmpint (layout->layout, ==, TANLU_TABLE_LAYOUT_INDICATORS);
  g_assert_cmpuint (layout->year_column, ==, 3);
  g_assert_cmpuint (layout->year, ==, 0);
  g_assert_cmpuint (layout->region_column, ==, 2);
  g_assert_cmpuint (layout->indicator_columns->len, ==, 2);
  assert_indicator (layout, 0, "D", "Fixture GDP", "亿元");
  assert_indicator (layout, 1, "E", "Fixture 人口", "万人");

  /* Without units in the headers, several columns of numbers are no sure
   * sign of indicators: the guess stays long. */
  log_layout (plain);
  g_assert_cmpint (plain->layout, ==, TANLU_TABLE_LAYOUT_LONG);
  g_assert_cmpuint (plain->indicator_columns->len, ==, 0);
  g_assert_cmpuint (plain->year_column, ==, 2);
}

/* (h) A CSV separated by “;” from a spreadsheet that writes decimal
 * commas; the same numbers with points, or separated by commas, are read
 * with a decimal point.
 */
static void
test_decimal_comma (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluRegionMatcher) matcher = tanlu_region_matcher_new (fixture->store);
  g_autoptr(TanluTableGrid) grid = NULL;
  g_autoptr(TanluTableGrid) points = NULL;
  g_autoptr(TanluTableGrid) commas = NULL;
  g_autoptr(TanluTableLayout) layout = NULL;
  g_autoptr(TanluTableLayout) points_layout = NULL;
  g_autoptr(TanluTableLayout) commas_layout = NULL;

  grid = grid_from_csv ("Fixture Emissionen;;\n"
                        "地区;2015年;2016年\n"
                        "成都市;12,5;1.234,5\n"
                        "自贡市;-0,5;3\n"
                        "攀枝花市;7;8,25*\n");
  g_assert_cmpint (tanlu_table_grid_get_separator (grid), ==, ';');
  layout = tanlu_table_layout_detect (grid, matcher);
  log_layout (layout);
  g_assert_true (layout->decimal_comma);
  g_assert_nonnull (layout->decimal_reason);
  g_assert_nonnull (strstr (layout->decimal_reason, "B3"));
  g_assert_cmpuint (layout->header_row, ==, 2);
  g_assert_cmpuint (layout->first_data_row, ==, 3);
  g_assert_cmpuint (layout->last_data_row, ==, 5);
  g_assert_cmpuint (layout->region_column, ==, 1);
  assert_years (layout, "B", 2015, 2);

  points = grid_from_csv ("地区;2015年;2016年\n"
                          "成都市;12.5;1,234.5\n"
                          "自贡市;-0.5;3\n");
  points_layout = tanlu_table_layout_detect (points, matcher);
  g_assert_false (points_layout->decimal_comma);
  g_assert_null (points_layout->decimal_reason);
  g_assert_cmpuint (points_layout->first_data_row, ==, 2);

  commas = grid_from_csv ("地区,2015年,2016年\n"
                          "成都市,\"12,5\",3\n"
                          "自贡市,4,5\n");
  g_assert_cmpint (tanlu_table_grid_get_separator (commas), ==, ',');
  commas_layout = tanlu_table_layout_detect (commas, matcher);
  g_assert_false (commas_layout->decimal_comma);

  /* A grid filled by hand says its separator itself. */
  tanlu_table_grid_set_separator (commas, ';');
  g_assert_cmpint (tanlu_table_grid_get_separator (commas), ==, ';');
}

/* A range over the whole sheet fills only what a preview reads. */
static void
test_sheet_huge_merge (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluTableGrid) grid = NULL;
  guint s;

  s = tanlu_test_xlsx_add_sheet (writer, "Fixture 合并");
  tanlu_test_xlsx_set_string (writer, s, "A1", "Fixture 标题");
  tanlu_test_xlsx_set_number (writer, s, "B3", 1);
  tanlu_test_xlsx_add_merge (writer, s, "A1:XFD1048576");

  grid = grid_from_writer (writer);
  g_assert_cmpuint (tanlu_table_grid_get_n_rows (grid), ==, 3);
  g_assert_cmpuint (tanlu_table_grid_get_n_columns (grid), ==, 1000);
  g_assert_cmpstr (tanlu_table_grid_get (grid, 3, 1000), ==, "Fixture 标题");
  g_assert_cmpstr (tanlu_table_grid_get (grid, 3, 2), ==, "Fixture 标题");
  g_assert_null (tanlu_table_grid_get (grid, 3, 1001));
  g_assert_null (tanlu_table_grid_get (grid, 4, 1));
}

/* Nothing reads as a header: every guess says so. */
static void
test_no_header (void)
{
  static const char * const rows[] = {
    "Fixture 说明",
    "1|2|3",
    "4|5|6",
    NULL
  };
  g_autoptr(TanluTableGrid) grid = grid_from_rows (rows);
  g_autoptr(TanluTableLayout) layout = tanlu_table_layout_detect (grid, NULL);

  g_assert_cmpuint (layout->header_row, ==, 0);
  g_assert_cmpuint (layout->first_data_row, ==, 0);
  g_assert_cmpuint (layout->region_column, ==, 0);
  g_assert_nonnull (layout->header_reason);
  g_assert_nonnull (layout->layout_reason);
  g_assert_nonnull (layout->region_reason);
  g_assert_nonnull (layout->unit_reason);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/parse-year", test_parse_year);
  g_test_add_func ("/layout/column-letter", test_column_letter);
  g_test_add_func ("/layout/no-header", test_no_header);
  g_test_add_func ("/layout/sheet-huge-merge", test_sheet_huge_merge);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)
  ADD ("/layout/wide-with-titles", test_wide_with_titles);
  ADD ("/layout/wide-two-row-header", test_wide_two_row_header);
  ADD ("/layout/long", test_long);
  ADD ("/layout/csv-full-width-years", test_csv_full_width_years);
  ADD ("/layout/english", test_english);
  ADD ("/layout/indicators-across", test_indicators_across);
  ADD ("/layout/indicators-year-column", test_indicators_year_column);
  ADD ("/layout/decimal-comma", test_decimal_comma);
#undef ADD

  return g_test_run ();
}
