/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ceads"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "import/tanlu-ceads.h"
#include "import/tanlu-import.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"
#include "tanlu-test-xlsx-writer.h"

/* Headers as the 2019 workbooks write them (columns B to W). */
static const char *const headers_2019[TANLU_CEADS_N_COLUMNS] = {
  "Raw_Coal",
  "CleanedCoal",
  "Other_Washed_Coal",
  "Briquettes",
  "Coke",
  "Coke_Oven_Gas",
  "Other_Gas",
  "Other_Coking_Products",
  "Crude_Oil",
  "Gasoline",
  "Kerosene",
  "Diesel_Oil",
  "Fuel_Oil",
  "LPG",
  "Refinery_Gas",
  "Other_Petroleum_Products",
  "Natural_Gas",
  "Scope_2_Heat",
  "Scope_2_Electricity",
  "Other_Energy",
  "Process",
  "Scope_1_Total",
};

/* …and as the 1997–2018 workbooks do. */
static const char *const headers_1998[TANLU_CEADS_N_COLUMNS] = {
  "Raw Coal",
  "Cleaned Coal",
  "Other Washed Coal",
  "Briquettes",
  "Coke",
  "Coke Oven Gas",
  "Other Gas",
  "Other Coking Products",
  "Crude Oil",
  "Gasoline",
  "Kerosene",
  "Diesel Oil",
  "Fuel Oil",
  "LPG",
  "Refinery Gas",
  "Other Petroleum Products",
  "Natural Gas",
  "Scope 2 Heat",
  "Scope 2 Electricity",
  "Other Energy",
  "Process",
  "Scope 1 Total",
};

/* The 47 sector labels, padded with trailing blanks as the older files do. */
static const char *const sector_labels[TANLU_CEADS_N_SECTORS] = {
  "Farming, Forestry, Animal Husbandry, Fishery and Water Conservancy      ",
  "Coal Mining and Dressing",
  "Petroleum and Natural Gas Extraction",
  "Ferrous Metals Mining and Dressing",
  "Nonferrous Metals Mining and Dressing",
  "Nonmetal Minerals Mining and Dressing",
  "Other Minerals Mining and Dressing",
  "Logging and Transport of Wood and Bamboo",
  "Food Processing",
  "Food Production",
  "Beverage Production",
  "Tobacco Processing",
  "Textile Industry",
  "Garments and Other Fiber Products",
  "Leather, Furs, Down and Related Products",
  "Timber Processing, Bamboo, Cane, Palm Fiber & Straw Products",
  "Furniture Manufacturing",
  "Papermaking and Paper Products",
  "Printing and Record Medium Reproduction",
  "Cultural, Educational and Sports Articles",
  "Petroleum Processing and Coking",
  "Raw Chemical Materials and Chemical Products",
  "Medical and Pharmaceutical Products",
  "Chemical Fiber",
  "Rubber Products",
  "Plastic Products",
  "Nonmetal Mineral Products",
  "Smelting and Pressing of Ferrous Metals",
  "Smelting and Pressing of Nonferrous Metals",
  "Metal Products",
  "Ordinary Machinery",
  "Equipment for Special Purposes",
  "Transportation Equipment",
  "Electric Equipment and Machinery",
  "Electronic and Telecommunications Equipment",
  "Instruments, Meters, Cultural and Office Machinery",
  "Other Manufacturing Industry",
  "Scrap and waste",
  "Production and Supply of Electric Power, Steam and Hot Water",
  "Production and Supply of Gas",
  "Production and Supply of Tap Water",
  "Construction",
  "Transportation, Storage, Post and Telecommunication Services",
  "Wholesale, Retail Trade and Catering Services",
  "Others",
  "Urban",
  "Rural",
};

typedef struct
{
  const char         *corner;          /* A1, or NULL to leave it out */
  const char * const *headers;
  const char         *total_label;     /* A4 */
} SheetStyle;

static const SheetStyle style_2019 = { "Emission_Inventory", headers_2019, "TotalEmissions" };
static const SheetStyle style_1998 = { NULL, headers_1998, "Total Consumption" };

static char *
ref (guint row,
     guint column)
{
  return tanlu_cell_reference (row, column);
}

/* Made-up but internally consistent figures: each sector's columns, its
 * scope-1 total as the sum of fuels, other energy and process, and the
 * total row as the sum of the sectors. */
static double
fixture_value (guint sector,
               guint column,
               double scale)
{
  if (column == 17 || column == 18) /* scope 2 */
    return 0;

  return scale * ((sector + 1) * 0.5 + (column + 1) * 0.01);
}

static void
add_inventory_sheet (TanluTestXlsx    *writer,
                     const char       *name,
                     const SheetStyle *style,
                     double            scale)
{
  guint sheet = tanlu_test_xlsx_add_sheet (writer, name);
  double totals[TANLU_CEADS_N_COLUMNS] = { 0 };

  if (style->corner != NULL)
    tanlu_test_xlsx_set_string (writer, sheet, "A1", style->corner);
  tanlu_test_xlsx_set_string (writer, sheet, "A2", "unit");

  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      g_autofree char *header = ref (1, k + 2);
      g_autofree char *unit = ref (2, k + 2);

      tanlu_test_xlsx_set_string (writer, sheet, header, style->headers[k]);
      tanlu_test_xlsx_set_string (writer, sheet, unit, "Mt CO2");
    }

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    {
      g_autofree char *label = ref (5 + s, 1);
      double scope1 = 0;

      tanlu_test_xlsx_set_string (writer, sheet, label, sector_labels[s]);

      for (guint k = 0; k + 1 < TANLU_CEADS_N_COLUMNS; k++)
        {
          g_autofree char *cell = ref (5 + s, k + 2);
          double value = fixture_value (s, k, scale);

          tanlu_test_xlsx_set_number (writer, sheet, cell, value);
          totals[k] += value;
          if (k != 17 && k != 18)
            scope1 += value;
        }

      {
        g_autofree char *cell = ref (5 + s, TANLU_CEADS_N_COLUMNS + 1);

        tanlu_test_xlsx_set_number (writer, sheet, cell, scope1);
        totals[TANLU_CEADS_N_COLUMNS - 1] += scope1;
      }
    }

  tanlu_test_xlsx_set_string (writer, sheet, "A4", style->total_label);
  for (guint k = 0; k < TANLU_CEADS_N_COLUMNS; k++)
    {
      g_autofree char *cell = ref (4, k + 2);

      tanlu_test_xlsx_set_number (writer, sheet, cell, totals[k]);
    }
}

static double
fixture_sector_scope1 (guint  sector,
                       double scale)
{
  double sum = 0;

  for (guint k = 0; k + 1 < TANLU_CEADS_N_COLUMNS; k++)
    if (k != 17 && k != 18)
      sum += fixture_value (sector, k, scale);

  return sum;
}

static double
fixture_column_total (guint  column,
                      double scale)
{
  double sum = 0;

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    sum += fixture_value (s, column, scale);

  return sum;
}

static double
fixture_total (double scale)
{
  double total = 0;

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    for (guint k = 0; k + 1 < TANLU_CEADS_N_COLUMNS; k++)
      if (k != 17 && k != 18)
        total += fixture_value (s, k, scale);

  return total;
}

static TanluTestXlsx *
province_workbook (const SheetStyle *style)
{
  TanluTestXlsx *writer = tanlu_test_xlsx_new ();
  guint note = tanlu_test_xlsx_add_sheet (writer, "NOTE");

  tanlu_test_xlsx_set_string (writer, note, "A1", "Introduction/简介");
  add_inventory_sheet (writer, "Sichuan2019", style, 1.0);
  add_inventory_sheet (writer, "InnerMongolia2019", style, 2.0);

  return writer;
}

typedef TanluTestImportFixture Fixture;

static TanluImportReport *
import_workbook (Fixture       *fixture,
                 TanluTestXlsx *writer,
                 const char    *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tanlu_test_xlsx_write (writer, path, &error));
  g_assert_no_error (error);

  return tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
}

static double
stored_value (TanluStore *store,
              guint       code,
              const char *indicator,
              guint       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = tanlu_store_get_series (store, code, indicator, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return g_array_index (series, TanluSeriesPoint, i).value;

  return NAN;
}

/* Asserts that the import failed with @domain/@code, that its message says
 * all of @fragments, and that the database is exactly as before. */
static void
assert_rejected (Fixture             *fixture,
                 TanluImportReport   *report,
                 GQuark               domain,
                 int                  code,
                 const char * const  *fragments)
{
  g_autofree char *after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));

  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_FAILED);
  g_assert_nonnull (report->error);
  g_test_message ("%s", report->error->message);
  g_assert_error (report->error, domain, code);
  for (guint i = 0; fragments != NULL && fragments[i] != NULL; i++)
    if (strstr (report->error->message, fragments[i]) == NULL)
      g_error ("“%s” does not mention “%s”", report->error->message, fragments[i]);

  g_assert_cmpstr (fixture->fingerprint, ==, after);
  g_assert_cmpuint (report->n_new, ==, 0);
}

/* ------------------------------------------------------------------------ */

static void
test_sheet_names (void)
{
  static const struct {
    const char *name;
    gboolean    valid;
    guint       code;
    guint       year;
  } cases[] = {
    { "Sichuan2019", TRUE, 510000, 2019 },
    { "InnerMongolia2019", TRUE, 150000, 2019 },
    { "Shaanxi2000", TRUE, 610000, 2000 },
    { "Shanxi2000", TRUE, 140000, 2000 },
    { "Chongqing1997", TRUE, 500000, 1997 },
    { "Heilongjiang2018", TRUE, 230000, 2018 },
    { "Sichuan", FALSE, 0, 0 },
    { "Sichuan19", FALSE, 0, 0 },
    { "Atlantis2019", FALSE, 0, 0 },
    { "Tibet2019", FALSE, 0, 0 },
    { "sichuan2019", FALSE, 0, 0 },
    { "2019", FALSE, 0, 0 },
    { "NOTE", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint code = 0, year = 0;

      g_assert_cmpint (tanlu_ceads_parse_sheet_name (cases[i].name, &code, &year), ==,
                       cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_cmpuint (code, ==, cases[i].code);
          g_assert_cmpuint (year, ==, cases[i].year);
        }
    }
}

static void
test_city_names (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    const char *name;
    guint       code;
  } cases[] = {
    { "四川成都", 510100 },
    { "四川甘孜", 513300 },
    { "北京", 110100 },
    /* The whole municipality: 500100 is its districts only */
    { "重庆", 500000 },
    { "湖北恩施州", 422800 },
    { "湖北仙桃", 429004 },
    { "河南济源", 419001 },
    { "内蒙古锡林郭勒", 152500 },
    { "内蒙古兴安盟", 152200 },
    { "新疆伊犁州直属县", 654000 },
    { "新疆石河子", 659001 },
    { "吉林延边", 222400 },
    { "吉林吉林", 220200 },
    /* A former unit (1999–2010), with figures of its own */
    { "安徽巢湖", 341400 },
    { "四川", 0 },
    { "火星基地", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TanluRegion *region = tanlu_ceads_match_city (fixture->store, cases[i].name);

      if (cases[i].code == 0)
        {
          if (region != NULL)
            g_error ("“%s” should match nothing, matched %u", cases[i].name,
                     tanlu_region_get_code (region));
        }
      else
        {
          if (region == NULL)
            g_error ("“%s” should match %u", cases[i].name, cases[i].code);
          g_assert_cmpuint (tanlu_region_get_code (region), ==, cases[i].code);
        }
    }
}

static void
test_header_variants (Fixture       *fixture,
                      gconstpointer  data)
{
  const SheetStyle *styles[] = { &style_2019, &style_1998 };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(TanluTestXlsx) writer = province_workbook (styles[i]);
      g_autoptr(TanluImportReport) report = import_workbook (fixture, writer, "provinces.xlsx");

      g_assert_no_error (report->error);
      g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_LANDED);
      g_assert_cmpint (report->kind, ==, TANLU_IMPORT_KIND_CEADS_PROVINCES);
      g_assert_cmpuint (report->n_regions, ==, 2);
      /* The fixture leaves scope 2 at zero in both sheets, as CEADs does:
       * placeholders, stored as missing, and said so. */
      g_assert_cmpuint (report->n_values, ==, 2 * 67);
      g_assert_cmpuint (report->warnings->len, ==, 2);
      g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, 0), "“Scope 2: heat” is zero "
                                                                          "for every region and "
                                                                          "year"));
      g_assert_cmpuint (report->n_new, ==, i == 0 ? 2 * 67 : 0);

      g_assert_cmpfloat_with_epsilon (stored_value (fixture->store, 510000, "co2.total", 2019),
                                      fixture_total (1.0), 1e-9);
      g_assert_cmpfloat_with_epsilon (stored_value (fixture->store, 150000, "co2.total", 2019),
                                      fixture_total (2.0), 1e-9);
      /* Sector rows carry their scope-1 total, fuel columns their total row. */
      g_assert_cmpfloat_with_epsilon (
        stored_value (fixture->store, 510000, "co2.sector.construction", 2019),
        fixture_sector_scope1 (41, 1.0), 1e-9);
      g_assert_cmpfloat_with_epsilon (
        stored_value (fixture->store, 510000, "co2.fuel.raw_coal", 2019),
        fixture_column_total (0, 1.0), 1e-9);
      /* Scope 2, zero in every sheet, is a placeholder: missing, not 0. */
      g_assert_true (isnan (stored_value (fixture->store, 510000, "co2.scope2.electricity", 2019)));
    }
}

static void
test_scope2_not_in_total (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;

  /* Electricity bought from outside changes scope 2 only. */
  tanlu_test_xlsx_set_number (writer, 1, "T4", 12.5);
  tanlu_test_xlsx_set_number (writer, 1, "T47", 12.5);
  report = import_workbook (fixture, writer, "scope2.xlsx");

  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_LANDED);
  g_assert_cmpfloat (stored_value (fixture->store, 510000, "co2.scope2.electricity", 2019), ==,
                     12.5);
  g_assert_cmpfloat_with_epsilon (stored_value (fixture->store, 510000, "co2.total", 2019),
                                  fixture_total (1.0), 1e-9);
}

static void
test_sector_sum_check (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *warning;

  /* Construction's process emissions edited without updating the total. */
  tanlu_test_xlsx_set_number (writer, 1, "V46", 99.0);
  report = import_workbook (fixture, writer, "edited.xlsx");

  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_LANDED);
  /* The sum, then the fixture's two placeholder columns */
  g_assert_cmpuint (report->warnings->len, ==, 3);
  warning = g_ptr_array_index (report->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "edited.xlsx"));
  g_assert_nonnull (strstr (warning, "Sichuan2019"));
  g_assert_nonnull (strstr (warning, "Process"));
  g_assert_nonnull (strstr (warning, "V4"));
}

static void
test_unknown_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "headers.xlsx", "InnerMongolia2019", "V1", "Process emissions (new)",
                              NULL };

  tanlu_test_xlsx_set_string (writer, 2, "V1", "Process emissions (new)");
  report = import_workbook (fixture, writer, "headers.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   fragments);
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "columns.xlsx", "Sichuan2019", "natural gas", NULL };

  tanlu_test_xlsx_set_empty (writer, 1, "R1");
  report = import_workbook (fixture, writer, "columns.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   fragments);
}

static void
test_wrong_unit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "units.xlsx", "Sichuan2019", "C2", "kt CO2", NULL };

  tanlu_test_xlsx_set_string (writer, 1, "C2", "kt CO2");
  report = import_workbook (fixture, writer, "units.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   fragments);
}

static void
test_not_a_number (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "text.xlsx", "InnerMongolia2019", "C12", "n/a", NULL };

  tanlu_test_xlsx_set_string (writer, 2, "C12", "n/a");
  report = import_workbook (fixture, writer, "text.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER, fragments);
}

static void
test_empty_cell (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "gap.xlsx", "Sichuan2019", "D30", NULL };

  tanlu_test_xlsx_set_empty (writer, 1, "D30");
  report = import_workbook (fixture, writer, "gap.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_MISSING_VALUE,
                   fragments);
}

static void
test_unknown_sector (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "sectors.xlsx", "Sichuan2019", "A20", "Spaceflight", NULL };

  tanlu_test_xlsx_set_string (writer, 1, "A20", "Spaceflight");
  report = import_workbook (fixture, writer, "sectors.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   fragments);
}

static void
test_unexpected_sheet (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "sheets.xlsx", "Summary", NULL };
  guint sheet = tanlu_test_xlsx_add_sheet (writer, "Summary");

  tanlu_test_xlsx_set_number (writer, sheet, "A1", 1);
  report = import_workbook (fixture, writer, "sheets.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_SHEET,
                   fragments);
}

static void
test_unknown_workbook (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "budget.xlsx", "CEADs", NULL };
  guint sheet = tanlu_test_xlsx_add_sheet (writer, "Budget");

  tanlu_test_xlsx_set_string (writer, sheet, "A1", "Item");
  report = import_workbook (fixture, writer, "budget.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_FORMAT,
                   fragments);
}

static void
test_nation_workbook (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluImportReport) report = NULL;
  guint sheet;

  tanlu_test_xlsx_add_sheet (writer, "NOTE");
  sheet = tanlu_test_xlsx_add_sheet (writer, "sum");
  tanlu_test_xlsx_set_number (writer, sheet, "A2", 1997);
  tanlu_test_xlsx_add_sheet (writer, "Sum-Sec-Scope 1");
  add_inventory_sheet (writer, "1997", &style_1998, 10.0);
  add_inventory_sheet (writer, "1998", &style_1998, 11.0);

  report = import_workbook (fixture, writer, "nation.xlsx");
  g_assert_no_error (report->error);
  g_assert_cmpint (report->kind, ==, TANLU_IMPORT_KIND_CEADS_NATION);
  g_assert_cmpuint (report->n_regions, ==, 1);
  g_assert_cmpuint (report->first_year, ==, 1997);
  g_assert_cmpuint (report->last_year, ==, 1998);
  g_assert_cmpfloat_with_epsilon (stored_value (fixture->store, 100000, "co2.total", 1998),
                                  fixture_total (11.0), 1e-9);
}

static TanluTestXlsx *
city_workbook (void)
{
  TanluTestXlsx *writer = tanlu_test_xlsx_new ();
  guint vector;
  guint row = 2;
  static const struct { const char *city; guint year; double value; } rows[] = {
    { "北京", 1997, 61.9 },
    { "四川成都", 2000, 80.5 },
    { "四川成都", 2001, NAN },     /* a gap */
    { "四川成都", 2002, 90.25 },
    { "安徽巢湖", 2006, 8.0 },     /* abolished in 2011 */
    { "安徽巢湖", 2007, 9.0 },
    { "湖北恩施州", 2010, 4.5 },
  };

  tanlu_test_xlsx_add_sheet (writer, "NOTE");
  vector = tanlu_test_xlsx_add_sheet (writer, "emission vector");
  tanlu_test_xlsx_add_sheet (writer, "emission matrix");

  tanlu_test_xlsx_set_string (writer, vector, "A1", "ID");
  tanlu_test_xlsx_set_string (writer, vector, "B1", "city");
  tanlu_test_xlsx_set_string (writer, vector, "C1", "year");
  tanlu_test_xlsx_set_string (writer, vector, "D1", "emission");

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++, row++)
    {
      g_autofree char *a = ref (row, 1);
      g_autofree char *b = ref (row, 2);
      g_autofree char *c = ref (row, 3);
      g_autofree char *d = ref (row, 4);
      g_autofree char *id = g_strdup_printf ("%s%u", rows[i].city, rows[i].year);

      tanlu_test_xlsx_set_string (writer, vector, a, id);
      tanlu_test_xlsx_set_string (writer, vector, b, rows[i].city);
      tanlu_test_xlsx_set_number (writer, vector, c, rows[i].year);
      if (!isnan (rows[i].value))
        tanlu_test_xlsx_set_number (writer, vector, d, rows[i].value);
    }

  return writer;
}

static void
test_city_workbook (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = city_workbook ();
  g_autoptr(TanluImportReport) report = import_workbook (fixture, writer, "cities.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chengdu = NULL;
  const char *unmatched;

  g_assert_no_error (report->error);
  g_assert_cmpint (report->kind, ==, TANLU_IMPORT_KIND_CEADS_CITIES);
  g_assert_cmpuint (report->n_values, ==, 6);
  g_assert_cmpuint (report->n_regions, ==, 4);
  g_assert_cmpuint (report->n_missing, ==, 1);

  /* 巢湖, abolished in 2011, keeps its figures under its own code, never
   * added into the cities that took its territory. */
  g_assert_cmpuint (report->unmatched->len, ==, 0);
  (void) unmatched;
  g_assert_cmpfloat (stored_value (fixture->store, 341400, "co2.total", 2006), ==, 8.0);
  g_assert_cmpfloat (stored_value (fixture->store, 341400, "co2.total", 2007), ==, 9.0);

  g_assert_cmpfloat (stored_value (fixture->store, 110100, "co2.total", 1997), ==, 61.9);
  g_assert_cmpfloat (stored_value (fixture->store, 422800, "co2.total", 2010), ==, 4.5);

  /* The gap stays a gap, never a zero. */
  chengdu = tanlu_store_get_series (fixture->store, 510100, "co2.total", &error);
  g_assert_cmpuint (chengdu->len, ==, 2);
  g_assert_cmpuint (g_array_index (chengdu, TanluSeriesPoint, 0).year, ==, 2000);
  g_assert_cmpuint (g_array_index (chengdu, TanluSeriesPoint, 1).year, ==, 2002);
}

static void
test_city_duplicate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = city_workbook ();
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "twice.xlsx", "row 9", "row 2", NULL };

  tanlu_test_xlsx_set_string (writer, 1, "B9", "北京");
  tanlu_test_xlsx_set_number (writer, 1, "C9", 1997);
  tanlu_test_xlsx_set_number (writer, 1, "D9", 1.0);
  report = import_workbook (fixture, writer, "twice.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_DUPLICATE, fragments);
}

static void
test_city_bad_value (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = city_workbook ();
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "bad-value.xlsx", "emission vector", "D5", "about 90", NULL };

  tanlu_test_xlsx_set_string (writer, 1, "D5", "about 90");
  report = import_workbook (fixture, writer, "bad-value.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER, fragments);
}

static void
test_city_bad_year (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = city_workbook ();
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "bad-year.xlsx", "C4", "2000年", NULL };

  tanlu_test_xlsx_set_string (writer, 1, "C4", "2000年");
  report = import_workbook (fixture, writer, "bad-year.xlsx");
  assert_rejected (fixture, report, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                   fragments);
}

/* ------------------------------------------------------------------------ */
/* Files that are not workbooks at all: each named, the database untouched. */

static void
test_bad_file_not_zip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path =
    tanlu_test_write_file (fixture->dir, "notes.xlsx", "region,value\n510000,1\n", -1);
  g_autoptr(TanluImportReport) report = tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
  const char *fragments[] = { "notes.xlsx", "zip", NULL };

  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_NOT_ZIP, fragments);
}

static void
test_bad_file_truncated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  gsize length;
  const char *contents = g_bytes_get_data (bytes, &length);
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "cut.xlsx", contents, length / 2);
  g_autoptr(TanluImportReport) report = tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
  const char *fragments[] = { "cut.xlsx", NULL };

  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT, fragments);
}

static void
test_bad_file_corrupt (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  gsize length;
  g_autofree guint8 *contents =
    g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_autofree char *path = NULL;
  g_autoptr(TanluImportReport) report = NULL;
  const char *fragments[] = { "damaged.xlsx", NULL };

  for (gsize i = length / 3; i < length / 3 + 64; i++)
    contents[i] ^= 0x5a;
  path = tanlu_test_write_file (fixture->dir, "damaged.xlsx", (const char *)contents, length);
  report = tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT, fragments);
}

static void
test_bad_file_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "empty.xlsx", "", 0);
  g_autoptr(TanluImportReport) report = tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
  const char *fragments[] = { "empty.xlsx", NULL };

  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_EMPTY, fragments);
}

static void
test_bad_file_unreadable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.xlsx", NULL);
  g_autofree char *directory = g_build_filename (fixture->dir, "folder.xlsx", NULL);
  g_autoptr(TanluImportReport) report = NULL;
  const char *missing_fragments[] = { "missing.xlsx", NULL };
  const char *directory_fragments[] = { "folder.xlsx", NULL };

  report = tanlu_import_file (fixture->store, missing, NULL, NULL, NULL);
  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_READ, missing_fragments);
  g_clear_pointer (&report, tanlu_import_report_free);

  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  report = tanlu_import_file (fixture->store, directory, NULL, NULL, NULL);
  assert_rejected (fixture, report, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_READ, directory_fragments);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TanluTestXlsx) writer = province_workbook (&style_2019);
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TanluImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (tanlu_test_xlsx_write (writer, path, &error));
  g_cancellable_cancel (cancellable);
  report = tanlu_import_file (fixture->store, path, NULL, NULL, cancellable);

  g_assert_cmpint (report->status, ==, TANLU_IMPORT_STATUS_CANCELLED);
  g_assert_error (report->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = tanlu_test_fingerprint (tanlu_store_get_path (fixture->store));
  g_assert_cmpstr (fixture->fingerprint, ==, after);
}

/* ------------------------------------------------------------------------ */
/* The real CEADs files, when they are beside the repository. */

static TanluImportReport *
import_real (Fixture    *fixture,
             const char *relative)
{
  g_autofree char *path = tanlu_test_shared_path (relative);

  if (path == NULL)
    return NULL;

  return tanlu_import_file (fixture->store, path, NULL, NULL, NULL);
}

static void
test_real_provinces_2019 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TanluImportReport) report =
    import_real (fixture, "ceads/provinces/Emission_Inventories_for_30_Provinces_2019.xlsx");
  double sectors = 0;

  if (report == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  g_assert_no_error (report->error);
  g_assert_cmpuint (report->n_regions, ==, 30);
  /* 69 indicators less the 3 placeholder columns (zero everywhere) */
  g_assert_cmpuint (report->n_values, ==, 30 * 66);
  g_assert_cmpuint (report->n_new, ==, 30 * 66);
  /* Each placeholder is said once: scope 2 heat, electricity, other energy */
  g_assert_cmpuint (report->warnings->len, ==, 3);
  for (guint i = 0; i < report->warnings->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (report->warnings, i), "placeholder"));

  g_assert_cmpfloat (stored_value (fixture->store, 510000, "co2.total", 2019), ==,
                     315.16335513633845);
  g_assert_cmpfloat (stored_value (fixture->store, 150000, "co2.fuel.raw_coal", 2019), >, 0);
  g_assert_true (isnan (stored_value (fixture->store, 540000, "co2.total", 2019)));

  for (guint s = 0; s < TANLU_CEADS_N_SECTORS; s++)
    sectors += stored_value (fixture->store, 510000, tanlu_ceads_sector_indicator (s), 2019);
  g_assert_cmpfloat_with_epsilon (sectors, 315.16335513633845, 1e-9);
}

static void
test_real_provinces_1998 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TanluImportReport) report =
    import_real (fixture, "ceads/provinces/Emission_Inventories_for_30_Provinces_1998.xlsx");

  if (report == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  g_assert_no_error (report->error);
  g_assert_cmpuint (report->n_regions, ==, 30);
  /* The three placeholder columns, and nothing else */
  g_assert_cmpuint (report->warnings->len, ==, 3);
  g_assert_cmpfloat (stored_value (fixture->store, 110000, "co2.total", 1998), ==,
                     63.612770051195689);
}

static void
test_real_cities (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = import_real (fixture, "ceads/cities_1997-2019.xlsx");

  if (report == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  g_assert_no_error (report->error);
  /* All 290 names match, 巢湖 as the former unit; 重庆, the whole
   * municipality, goes to 500000, as this database has no provincial
   * inventory for it */
  g_assert_cmpuint (report->n_regions, ==, 290);
  g_assert_cmpuint (report->unmatched->len, ==, 0);
  g_assert_cmpfloat (stored_value (fixture->store, 341400, "co2.total", 2010), >, 0);
  g_assert_cmpfloat (stored_value (fixture->store, 110100, "co2.total", 1997), ==,
                     61.918115152276634);
}

static void
test_real_nation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TanluImportReport) report = import_real (fixture, "ceads/nation_1997-2019.xlsx");

  if (report == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  g_assert_no_error (report->error);
  g_assert_cmpuint (report->n_values, ==, 23 * 66);
  /* The three placeholder columns, and nothing else */
  g_assert_cmpuint (report->warnings->len, ==, 3);
  g_assert_cmpfloat (stored_value (fixture->store, 100000, "co2.total", 2019), ==,
                     9794.7563966404323);
}

static void
test_real_reimport (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluImportReport) first = import_real (fixture, "ceads/nation_1997-2019.xlsx");
  g_autoptr(TanluImportReport) second = NULL;

  if (first == NULL)
    {
      g_test_skip ("The CEADs workbooks are not beside the repository");
      return;
    }

  /* Importing the same file twice changes nothing the second time. */
  second = import_real (fixture, "ceads/nation_1997-2019.xlsx");
  g_assert_cmpint (second->status, ==, TANLU_IMPORT_STATUS_LANDED);
  g_assert_cmpuint (second->n_new, ==, 0);
  g_assert_cmpuint (second->n_replaced, ==, 0);
  g_assert_cmpuint (tanlu_store_count_revisions (fixture->store, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/ceads/" path, Fixture, NULL, tanlu_test_import_fixture_set_up, func,         \
              tanlu_test_import_fixture_tear_down)

  g_test_add_func ("/tanlu/ceads/sheet-names", test_sheet_names);
  ADD ("city-names", test_city_names);
  ADD ("header-variants", test_header_variants);
  ADD ("scope2-not-in-total", test_scope2_not_in_total);
  ADD ("sector-sum-check", test_sector_sum_check);
  ADD ("nation-workbook", test_nation_workbook);
  ADD ("city-workbook", test_city_workbook);
  ADD ("bad/unknown-header", test_unknown_header);
  ADD ("bad/missing-column", test_missing_column);
  ADD ("bad/wrong-unit", test_wrong_unit);
  ADD ("bad/not-a-number", test_not_a_number);
  ADD ("bad/empty-cell", test_empty_cell);
  ADD ("bad/unknown-sector", test_unknown_sector);
  ADD ("bad/unexpected-sheet", test_unexpected_sheet);
  ADD ("bad/unknown-workbook", test_unknown_workbook);
  ADD ("bad/city-duplicate", test_city_duplicate);
  ADD ("bad/city-value", test_city_bad_value);
  ADD ("bad/city-year", test_city_bad_year);
  ADD ("bad/not-zip", test_bad_file_not_zip);
  ADD ("bad/truncated", test_bad_file_truncated);
  ADD ("bad/corrupt", test_bad_file_corrupt);
  ADD ("bad/empty-file", test_bad_file_empty);
  ADD ("bad/unreadable", test_bad_file_unreadable);
  ADD ("cancelled", test_cancelled);
  ADD ("real/provinces-2019", test_real_provinces_2019);
  ADD ("real/provinces-1998", test_real_provinces_1998);
  ADD ("real/cities", test_real_cities);
  ADD ("real/nation", test_real_nation);
  ADD ("real/reimport", test_real_reimport);

#undef ADD

  return g_test_run ();
}
