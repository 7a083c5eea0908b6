/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pathways"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "pathways/tanlu-pathway-library.h"
#include "pathways/tanlu-pathway-presets.h"
#include "pathways/tanlu-pathway-spec.h"
#include "pathways/tanlu-pathway.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

/* Emission pathways, through the engine's API and the `tanlu pathway`
 * command. The engine is checked on made-up inputs ("fixture") against
 * the model's formulas written out again here; pathways of real regions
 * against the bundled CEADs and GCAM-China figures read with SQLite, not
 * through the store. Pathway names, notes and user series are made up. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define SICHUAN   510000
#define CHONGQING 500000

/* The interchange format's example, as a planner would write it. */
static const char minimal_spec[] =
  "{\"region\": \"510000\", \"name\": \"Sichuan – faster\", \"end_year\": 2060, "
  "\"levers\": {\"gdp_growth_pct\": {\"2020\": 6.0, \"2030\": 4.5, \"2060\": 2.0}, "
  "\"co2_intensity_change_pct\": {\"2020\": -3.0, \"2030\": -6.0, \"2060\": -10.0}}}";

static const TanluKeyframe minimal_growth[] = { { 2020, 6.0 }, { 2030, 4.5 }, { 2060, 2.0 } };
static const TanluKeyframe minimal_change[] = { { 2020, -3.0 }, { 2030, -6.0 }, { 2060, -10.0 } };

/* ---- helpers ---- */

#define assert_close(actual, expected, tolerance) \
  assert_close_at (__FILE__, __LINE__, #actual, (actual), (expected), (tolerance))

/* @tolerance is relative to the expected value, or absolute below 1. */
static void
assert_close_at (const char *file,
                 int         line,
                 const char *what,
                 double      actual,
                 double      expected,
                 double      tolerance)
{
  if (!(fabs (actual - expected) <= tolerance * MAX (1.0, fabs (expected))))
    g_error ("%s:%d: %s is %.17g, expected %.17g", file, line, what, actual, expected);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* A rate as the model states it: linear between keyframes, held before
 * the first and after the last. */
static double
rate_at (const TanluKeyframe *keyframes,
         guint                n,
         guint                year)
{
  if (year <= keyframes[0].year)
    return keyframes[0].value;
  if (year >= keyframes[n - 1].year)
    return keyframes[n - 1].value;

  for (guint i = 1; i < n; i++)
    if (year <= keyframes[i].year)
      return keyframes[i - 1].value + (keyframes[i].value - keyframes[i - 1].value) *
                                        (year - keyframes[i - 1].year) /
                                        (double) (keyframes[i].year - keyframes[i - 1].year);

  g_assert_not_reached ();
}

static void
set_keyframes (TanluPathwaySpec    *spec,
               TanluLever           lever,
               const TanluKeyframe *keyframes,
               guint                n)
{
  for (guint i = 0; i < n; i++)
    tanlu_pathway_spec_set_keyframe (spec, lever, keyframes[i].year, keyframes[i].value);
}

static void
assert_same_levers (const TanluPathwaySpec *actual,
                    const TanluPathwaySpec *expected)
{
  for (guint lever = 0; lever < TANLU_N_LEVERS; lever++)
    {
      const GArray *a = tanlu_pathway_spec_get_keyframes (actual, lever);
      const GArray *e = tanlu_pathway_spec_get_keyframes (expected, lever);

      if ((a == NULL) != (e == NULL))
        g_error ("The lever %s is %s, expected %s", tanlu_lever_to_string (lever),
                 a == NULL ? "unset" : "set", e == NULL ? "unset" : "set");
      if (a == NULL)
        continue;

      g_assert_cmpuint (a->len, ==, e->len);
      for (guint i = 0; i < a->len; i++)
        {
          g_assert_cmpuint (g_array_index (a, TanluKeyframe, i).year, ==,
                            g_array_index (e, TanluKeyframe, i).year);
          assert_close (g_array_index (a, TanluKeyframe, i).value,
                        g_array_index (e, TanluKeyframe, i).value, 1e-12);
        }
    }
}

/* Every figure of @a and @b, year by year, from @first to @last. */
static void
assert_same_pathway (const TanluPathway *a,
                     const TanluPathway *b,
                     guint               first,
                     guint               last)
{
  g_assert_cmpuint (a->base_year, ==, b->base_year);
  g_assert_cmpuint (a->end_year, ==, b->end_year);

  for (guint m = 0; m < TANLU_PATHWAY_N_METRICS; m++)
    {
      g_assert_cmpint (tanlu_pathway_has (a, m), ==, tanlu_pathway_has (b, m));
      for (guint year = first; year <= last; year++)
        {
          double x = tanlu_pathway_get (a, m, year);
          double y = tanlu_pathway_get (b, m, year);

          if (isnan (x) != isnan (y) ||
              (!isnan (x) && !(fabs (x - y) <= 1e-9 * MAX (1.0, fabs (y)))))
            g_error ("%s in %u is %.17g, expected %.17g", tanlu_pathway_metric_to_string (m),
                     year, x, y);
        }
    }
}

/* ---- the database, read directly ---- */

static sqlite3 *
db_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  return db;
}

static sqlite3_stmt *
db_prepare (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

/* Returns: the stored value, NAN when there is none */
static double
db_value (const char *path,
          guint       code,
          const char *indicator,
          guint       year)
{
  g_autoptr(sqlite3) db = db_open (path);
  g_autoptr(sqlite3_stmt) stmt =
    db_prepare (db, "SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id"
                    " WHERE i.code = ?1 AND o.region_code = ?2 AND o.year = ?3");

  sqlite3_bind_text (stmt, 1, indicator, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, code);
  sqlite3_bind_int (stmt, 3, year);

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_double (stmt, 0) : NAN;
}

/* Returns: the latest year with a value, 0 when there is none */
static guint
db_last_year (const char *path,
              guint       code,
              const char *indicator)
{
  g_autoptr(sqlite3) db = db_open (path);
  g_autoptr(sqlite3_stmt) stmt =
    db_prepare (db, "SELECT max (o.year) FROM observation o JOIN indicator i"
                    " ON i.id = o.indicator_id WHERE i.code = ?1 AND o.region_code = ?2");

  sqlite3_bind_text (stmt, 1, indicator, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, code);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int (stmt, 0);
}

/* The sector groups of src/pathways/tanlu-sector-group.c, written out
 * again from CEADs' sector list: each sector not named here is industry
 * or construction. */
static const struct
{
  const char       *sector;
  TanluSectorGroup  group;
} non_industry_sectors[] = {
  { "power_heat", TANLU_SECTOR_GROUP_POWER_HEAT },
  { "transport_storage_post", TANLU_SECTOR_GROUP_TRANSPORT },
  { "wholesale_retail_catering", TANLU_SECTOR_GROUP_BUILDINGS },
  { "others", TANLU_SECTOR_GROUP_BUILDINGS },
  { "urban_households", TANLU_SECTOR_GROUP_HOUSEHOLDS },
  { "rural_households", TANLU_SECTOR_GROUP_HOUSEHOLDS },
  { "agriculture", TANLU_SECTOR_GROUP_AGRICULTURE },
  { "logging", TANLU_SECTOR_GROUP_AGRICULTURE },
};

/* Sums the 47 co2.sector.* values of a region and year into groups. */
static void
db_sector_groups (const char *path,
                  guint       code,
                  guint       year,
                  double      groups[TANLU_N_SECTOR_GROUPS])
{
  g_autoptr(sqlite3) db = db_open (path);
  g_autoptr(sqlite3_stmt) stmt =
    db_prepare (db, "SELECT substr (i.code, 12), o.value FROM observation o JOIN indicator i"
                    " ON i.id = o.indicator_id WHERE i.code LIKE 'co2.sector.%'"
                    " AND o.region_code = ?1 AND o.year = ?2");
  guint n_sectors = 0;

  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    groups[g] = 0;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_int (stmt, 2, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sector = (const char *) sqlite3_column_text (stmt, 0);
      TanluSectorGroup group = TANLU_SECTOR_GROUP_INDUSTRY;

      for (guint k = 0; k < G_N_ELEMENTS (non_industry_sectors); k++)
        if (g_str_equal (sector, non_industry_sectors[k].sector))
          group = non_industry_sectors[k].group;
      groups[group] += sqlite3_column_double (stmt, 1);
      n_sectors++;
    }

  g_assert_cmpuint (n_sectors, ==, 47);
}

/* The members of a group, and how many have CO₂ emissions; @missing
 * gets the English names of the others. */
static void
db_group_members (const char *path,
                  const char *key,
                  guint      *n_members,
                  guint      *n_with_data,
                  GPtrArray  *missing)
{
  g_autoptr(sqlite3) db = db_open (path);
  g_autoptr(sqlite3_stmt) stmt =
    db_prepare (db, "SELECT r.name_en, (SELECT count (*) FROM observation o JOIN indicator i"
                    "  ON i.id = o.indicator_id WHERE i.code = 'co2.total'"
                    "  AND o.region_code = r.code)"
                    " FROM region_group g JOIN region_group_member m ON m.group_id = g.id"
                    " JOIN region r ON r.code = m.region_code WHERE g.key = ?1");

  *n_members = *n_with_data = 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      (*n_members)++;
      if (sqlite3_column_int (stmt, 1) > 0)
        (*n_with_data)++;
      else
        g_ptr_array_add (missing, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
}

/* ---- the command line ---- */

typedef struct
{
  char *dir;
  char *db;
} CliFixture;

static void
cli_fixture_set_up (CliFixture    *fixture,
                    gconstpointer  data)
{
  fixture->dir = tanlu_test_make_tmpdir ();
  fixture->db = tanlu_test_bundled_copy (fixture->dir);
}

static void
cli_fixture_tear_down (CliFixture    *fixture,
                       gconstpointer  data)
{
  tanlu_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
}

static void
run (CliFixture   *fixture,
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
run_ok (CliFixture   *fixture,
        TanluTestRun *result,
        const char   *first,
        ...)
{
  va_list args;

  va_start (args, first);
  tanlu_test_run_tanlu_valist (result, fixture->dir, fixture->db, first, args);
  va_end (args);

  if (result->status != 0)
    g_error ("tanlu %s… exited with %d:\n%s", first, result->status, result->err);
}

/* The values of one indicator in `pathway run` CSV, by year; each year
 * must come once. */
static GHashTable *
csv_values (const char *csv,
            const char *indicator)
{
  GHashTable *values = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "region_code,pathway,year,indicator,value,unit");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      double *value;
      guint year;

      if (*lines[i] == '\0')
        continue;

      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      if (!g_str_equal (fields[3], indicator))
        continue;

      year = atoi (fields[2]);
      g_assert_false (g_hash_table_contains (values, GUINT_TO_POINTER (year)));
      value = g_new (double, 1);
      *value = g_ascii_strtod (fields[4], NULL);
      g_hash_table_insert (values, GUINT_TO_POINTER (year), value);
    }

  return values;
}

static double
csv_get (GHashTable *values,
         guint       year)
{
  double *value = g_hash_table_lookup (values, GUINT_TO_POINTER (year));

  if (value == NULL)
    g_error ("No value for %u", year);

  return *value;
}

/* A pathway's row in `pathway list`: name, region, region name, parent */
static char **
list_row (const char *list,
          const char *name)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "name\tregion\tregion_name\tparent");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) == 4 && g_str_equal (fields[0], name))
        return g_steal_pointer (&fields);
    }

  g_error ("“%s” is not listed:\n%s", name, list);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The rows of `pathway run` CSV with the pathway's name taken out, sorted. */
static char *
csv_without_name (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);

      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_ptr_array_add (rows, g_strconcat (fields[0], ",", fields[2], NULL));
    }
  g_ptr_array_sort (rows, compare_strings);
  g_ptr_array_add (rows, NULL);

  return g_strjoinv ("\n", (char **) rows->pdata);
}

/* ---- the engine, on made-up inputs ---- */

/* A fixture region observed 2003–2010, with GDP over those years and a
 * population to 2050. */
#define FIXTURE_FIRST 2003
#define FIXTURE_BASE  2010

static const double fixture_history[] = { 50, 55, 60, 64, 70, 74, 76, 80 };
static const double fixture_gdp[] = { 1000, 1100, 1200, 1320, 1450, 1600, 1760, 1900 };
/* The sector groups' shares, in TanluSectorGroup order */
static const double fixture_shares[TANLU_N_SECTOR_GROUPS] = { 0.40, 0.30, 0.10, 0.08, 0.07, 0.05 };

static double
fixture_population (guint year)
{
  return 4000 + 10.0 * ((int) year - 2010);
}

static TanluPathwayInputs *
fixture_inputs (gboolean with_groups)
{
  TanluPathwayInputs *inputs = tanlu_pathway_inputs_new (990000, FIXTURE_FIRST, FIXTURE_BASE);
  double population[2050 - FIXTURE_FIRST + 1];

  G_STATIC_ASSERT (G_N_ELEMENTS (fixture_history) == FIXTURE_BASE - FIXTURE_FIRST + 1);

  inputs->region_name_zh = g_strdup ("测试地区");
  inputs->region_name_en = g_strdup ("Fixtureland");
  for (guint i = 0; i < inputs->n_history; i++)
    {
      inputs->history[i] = fixture_history[i];
      for (guint g = 0; with_groups && g < TANLU_N_SECTOR_GROUPS; g++)
        inputs->groups[g][i] = fixture_history[i] * fixture_shares[g];
    }
  inputs->has_groups = with_groups;

  tanlu_pathway_inputs_set_gdp (inputs, FIXTURE_FIRST, G_N_ELEMENTS (fixture_gdp), fixture_gdp);
  for (guint i = 0; i < G_N_ELEMENTS (population); i++)
    population[i] = fixture_population (FIXTURE_FIRST + i);
  tanlu_pathway_inputs_set_population (inputs, FIXTURE_FIRST, G_N_ELEMENTS (population),
                                       population);

  return inputs;
}

static TanluPathway *
compute_ok (const TanluPathwaySpec   *spec,
            const TanluPathwayInputs *inputs)
{
  g_autoptr(GError) error = NULL;
  TanluPathway *pathway = tanlu_pathway_compute (spec, inputs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pathway);

  return pathway;
}

static const TanluKeyframe compound_growth[] = { { 2015, 5 }, { 2025, 3 } };
static const TanluKeyframe compound_change[] = { { 2012, -2 }, { 2020, -6 } };

static TanluPathwaySpec *
compound_spec (guint end_year)
{
  TanluPathwaySpec *spec = tanlu_pathway_spec_new ("fixture compound", "990000");

  set_keyframes (spec, TANLU_LEVER_GDP_GROWTH, compound_growth, G_N_ELEMENTS (compound_growth));
  set_keyframes (spec, TANLU_LEVER_INTENSITY_CHANGE, compound_change,
                 G_N_ELEMENTS (compound_change));
  tanlu_pathway_spec_set_end_year (spec, end_year);

  return spec;
}

static void
test_engine_compound (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);
  g_autoptr(TanluPathwaySpec) spec = compound_spec (2030);
  g_autoptr(TanluPathway) pathway = compute_ok (spec, inputs);
  double co2 = 80, gdp = 1900;

  g_assert_cmpuint (pathway->first_year, ==, 2003);
  g_assert_cmpuint (pathway->base_year, ==, 2010);
  g_assert_cmpuint (pathway->end_year, ==, 2030);
  g_assert_cmpuint (pathway->n_years, ==, 28);

  /* The history is what was observed. */
  for (guint year = FIXTURE_FIRST; year <= FIXTURE_BASE; year++)
    g_assert_cmpfloat (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), ==,
                       fixture_history[year - FIXTURE_FIRST]);

  /* By hand: before their first keyframes GDP grows 5 % and intensity
   * changes −2 % a year. */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2011), 80 * 1.05 * 0.98, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2012),
                80 * 1.05 * 0.98 * 1.05 * 0.98, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, 2011), 1900 * 1.05, 1e-12);
  /* halfway between keyframes, and held after the last */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP_GROWTH, 2020), 4.0, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_CHANGE, 2016), -4.0, 1e-9);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP_GROWTH, 2030), 3.0, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_CHANGE, 2030), -6.0, 1e-9);

  /* Every year, compounded */
  for (guint year = FIXTURE_BASE + 1; year <= 2030; year++)
    {
      double g = rate_at (compound_growth, G_N_ELEMENTS (compound_growth), year);
      double c = rate_at (compound_change, G_N_ELEMENTS (compound_change), year);

      co2 *= (1 + g / 100) * (1 + c / 100);
      gdp *= 1 + g / 100;
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), co2, 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, year), gdp, 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP_GROWTH, year), g, 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_CHANGE, year), c, 1e-9);
      /* without removals, net is gross */
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2_NET, year), co2, 1e-12);
    }

  g_assert_true (isnan (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2002)));
  g_assert_true (isnan (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2031)));
  /* no sector breakdown, no sector groups */
  g_assert_false (tanlu_pathway_has (pathway, TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_INDUSTRY)));
}

static void
test_engine_rates (void)
{
  static const TanluKeyframe one[] = { { 2030, -4 } };
  g_autoptr(GArray) keyframes = g_array_new (FALSE, FALSE, sizeof (TanluKeyframe));

  /* A single keyframe holds everywhere. */
  g_array_append_vals (keyframes, one, 1);
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2020), ==, -4);
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2090), ==, -4);

  /* Several: linear between, held outside */
  g_array_set_size (keyframes, 0);
  g_array_append_vals (keyframes, compound_change, G_N_ELEMENTS (compound_change));
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2000), ==, -2);
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2012), ==, -2);
  assert_close (tanlu_keyframes_rate_at (keyframes, 2014), -3, 1e-12);
  assert_close (tanlu_keyframes_rate_at (keyframes, 2018), -5, 1e-12);
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2020), ==, -6);
  g_assert_cmpfloat (tanlu_keyframes_rate_at (keyframes, 2100), ==, -6);

  /* Rates stay above −100 % a year; sector groups' adjustments are
   * percentage points, checked once added to the region's rate; amounts
   * are never negative. */
  g_assert_false (tanlu_lever_check_value (TANLU_LEVER_INTENSITY_CHANGE, -100));
  g_assert_false (tanlu_lever_check_value (TANLU_LEVER_GDP_GROWTH, -100.5));
  g_assert_true (tanlu_lever_check_value (TANLU_LEVER_GDP_GROWTH, -99.5));
  g_assert_true (tanlu_lever_check_value (TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_INDUSTRY),
                                          -150));
  g_assert_false (tanlu_lever_check_value (TANLU_LEVER_REMOVALS, -1));
  g_assert_true (tanlu_lever_check_value (TANLU_LEVER_REMOVALS, 0));
  g_assert_false (tanlu_lever_check_value (TANLU_LEVER_EMISSIONS, NAN));
  g_assert_false (tanlu_lever_check_value (TANLU_LEVER_GDP_GROWTH, INFINITY));
}

static void
test_engine_peak (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);

  /* In the history: 2008 was the highest, and the projection falls. */
  {
    g_autoptr(TanluPathwayInputs) peaked = fixture_inputs (FALSE);
    g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture falling", "990000");
    g_autoptr(TanluPathway) pathway = NULL;

    peaked->history[2008 - FIXTURE_FIRST] = 90;
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 2);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2011, -10);
    tanlu_pathway_spec_set_end_year (spec, 2030);
    pathway = compute_ok (spec, peaked);
    g_assert_cmpuint (pathway->peak_year, ==, 2008);
    g_assert_cmpfloat (pathway->peak_value, ==, 90);
    g_assert_true (pathway->peaked);
  }

  /* At the base year: rising history, falling projection */
  {
    g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture falling", "990000");
    g_autoptr(TanluPathway) pathway = NULL;

    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 2);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2011, -10);
    tanlu_pathway_spec_set_end_year (spec, 2030);
    pathway = compute_ok (spec, inputs);
    g_assert_cmpuint (pathway->peak_year, ==, 2010);
    g_assert_cmpfloat (pathway->peak_value, ==, 80);
    g_assert_true (pathway->peaked);
  }

  /* In the projection: with 5 % growth, emissions rise while intensity
   * falls by less than 1 − 1/1.05 = 4.76 % a year: −2, −3, −4 % in
   * 2011–2013, then −5 % in 2014. */
  {
    g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture peaking", "990000");
    g_autoptr(TanluPathway) pathway = NULL;

    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 5);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2011, -2);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2021, -12);
    tanlu_pathway_spec_set_end_year (spec, 2040);
    pathway = compute_ok (spec, inputs);
    g_assert_cmpuint (pathway->peak_year, ==, 2013);
    assert_close (pathway->peak_value, 80 * (1.05 * 0.98) * (1.05 * 0.97) * (1.05 * 0.96), 1e-12);
    g_assert_true (pathway->peaked);
  }

  /* Still rising in the last year: no peak reached */
  {
    g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture rising", "990000");
    g_autoptr(TanluPathway) pathway = NULL;

    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 3);
    tanlu_pathway_spec_set_end_year (spec, 2030);
    pathway = compute_ok (spec, inputs);
    g_assert_cmpuint (pathway->peak_year, ==, 2030);
    assert_close (pathway->peak_value, 80 * pow (1.03, 20), 1e-12);
    g_assert_false (pathway->peaked);
  }
}

static void
test_engine_cumulative (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture rising", "990000");
  g_autoptr(TanluPathway) pathway = NULL;

  /* 3 % a year from 80: a geometric series */
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 3);
  tanlu_pathway_spec_set_end_year (spec, 2030);
  pathway = compute_ok (spec, inputs);

  assert_close (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2011, 2030),
                80 * 1.03 * (pow (1.03, 20) - 1) / 0.03, 1e-12);
  /* both ends included */
  g_assert_cmpfloat (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2005, 2005), ==, 60);
  assert_close (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2003, 2010),
                50 + 55 + 60 + 64 + 70 + 74 + 76 + 80, 1e-12);
  assert_close (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2009, 2011),
                76 + 80 + 80 * 1.03, 1e-12);
  /* a year the pathway does not know makes the sum unknown */
  g_assert_true (isnan (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2000, 2005)));
  g_assert_true (isnan (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2, 2025, 2035)));
}

static void
test_engine_indices (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);
  g_autoptr(TanluPathwaySpec) spec = compound_spec (2030);
  g_autoptr(TanluPathway) pathway = compute_ok (spec, inputs);
  double c2005 = 60, g2005 = 1200;
  double c2020, g2020;

  /* 2005 = 100: observed years; 50/1000 and 55/1100 are 2005's 60/1200 */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005, 2005), 100, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005, 2003), 100, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005, 2004), 100, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005, 2010),
                100 * (80.0 / 1900) / (60.0 / 1200), 1e-12);

  /* 2020 = 100: from 2021 intensity falls 6 % a year, held */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020, 2020), 100, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020, 2021), 94, 1e-9);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020, 2022), 88.36, 1e-9);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020, 2030),
                100 * pow (0.94, 10), 1e-9);

  /* …and the two bases agree */
  c2020 = tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2020);
  g2020 = tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, 2020);
  for (guint year = 2011; year <= 2030; year++)
    {
      double c = tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year);
      double g = tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, year);

      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005, year),
                    100 * (c / g) / (c2005 / g2005), 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020, year),
                    100 * (c / g) / (c2020 / g2020), 1e-12);
    }

  /* A history that starts after 2005 has no 2005 = 100 index. */
  {
    g_autoptr(TanluPathwayInputs) late = tanlu_pathway_inputs_new (990000, 2008, 2010);
    g_autoptr(TanluPathway) short_pathway = NULL;

    for (guint i = 0; i < late->n_history; i++)
      late->history[i] = fixture_history[2008 - FIXTURE_FIRST + i];
    tanlu_pathway_inputs_set_gdp (late, 2008, 3, fixture_gdp + (2008 - FIXTURE_FIRST));
    short_pathway = compute_ok (spec, late);
    g_assert_false (tanlu_pathway_has (short_pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005));
    g_assert_true (tanlu_pathway_has (short_pathway, TANLU_PATHWAY_INTENSITY_INDEX_2020));
    /* and without a population, no figure per person */
    g_assert_false (tanlu_pathway_has (short_pathway, TANLU_PATHWAY_PER_PERSON));
  }
}

static void
test_engine_per_person (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);
  g_autoptr(TanluPathwaySpec) spec = compound_spec (2060);
  g_autoptr(TanluPathway) pathway = compute_ok (spec, inputs);

  /* 80 Mt among 4000 万人: 8 × 10⁷ t for 4 × 10⁷ people, 2 t each */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_PER_PERSON, 2010), 2.0, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_PER_PERSON, 2005),
                60e6 / (3950 * 1e4), 1e-12);

  for (guint year = 2011; year <= 2050; year++)
    {
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_POPULATION, year),
                    fixture_population (year), 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_PER_PERSON, year),
                    tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year) * 1e6 /
                      (fixture_population (year) * 1e4),
                    1e-12);
    }

  /* The population ends in 2050, and so does the figure per person. */
  g_assert_true (isnan (tanlu_pathway_get (pathway, TANLU_PATHWAY_PER_PERSON, 2051)));
  g_assert_false (isnan (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, 2051)));
}

static void
test_engine_emissions_given (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (TRUE);
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture direct", "990000");
  g_autoptr(TanluPathway) pathway = NULL;
  static const struct
  {
    guint  year;
    double co2;
  } expected[] = {
    /* from the base year's 80 Mt to 60 in 2015, 40 in 2020, then held */
    { 2010, 80 }, { 2011, 76 }, { 2012, 72 }, { 2015, 60 }, { 2016, 56 },
    { 2018, 48 }, { 2020, 40 }, { 2025, 40 }, { 2030, 40 },
  };

  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_EMISSIONS, 2015, 60);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_EMISSIONS, 2020, 40);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 4);
  /* an intensity change would be overridden by the emissions given */
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2011, -50);
  tanlu_pathway_spec_set_end_year (spec, 2030);
  pathway = compute_ok (spec, inputs);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint year = expected[i].year;

      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), expected[i].co2, 1e-12);
      /* each group keeps its share of the base year */
      for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
        assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (g), year),
                      expected[i].co2 * fixture_shares[g], 1e-12);
    }

  /* GDP still grows 4 % a year, so intensity changes as the two imply. */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, 2012), 1900 * 1.04 * 1.04, 1e-12);
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_INTENSITY_CHANGE, 2012),
                (72.0 / 76 / 1.04 - 1) * 100, 1e-9);
}

static void
test_engine_removals (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (FALSE);
  g_autoptr(TanluPathwaySpec) spec = compound_spec (2040);
  g_autoptr(TanluPathway) pathway = NULL;
  static const struct
  {
    guint  year;
    double removals;
  } expected[] = {
    /* from none in the base year to 10 Mt in 2020, 30 in 2030, held */
    { 2011, 1 }, { 2015, 5 }, { 2020, 10 }, { 2025, 20 }, { 2030, 30 }, { 2035, 30 }, { 2040, 30 },
  };
  /* the same, as a line through its corners */
  static const TanluKeyframe removal_path[] = { { 2010, 0 }, { 2020, 10 }, { 2030, 30 } };
  double cumulative_net = 0;

  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_REMOVALS, 2020, 10);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_REMOVALS, 2030, 30);
  pathway = compute_ok (spec, inputs);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint year = expected[i].year;
      double co2 = tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year);

      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_REMOVALS, year),
                    expected[i].removals, 1e-12);
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2_NET, year),
                    co2 - expected[i].removals, 1e-12);
    }

  /* Removals change the net figure only. */
  {
    g_autoptr(TanluPathwaySpec) plain = compound_spec (2040);
    g_autoptr(TanluPathway) without = compute_ok (plain, inputs);

    for (guint year = FIXTURE_FIRST; year <= 2040; year++)
      g_assert_cmpfloat (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), ==,
                         tanlu_pathway_get (without, TANLU_PATHWAY_CO2, year));
  }

  /* The history has no removals: net is gross. */
  for (guint year = FIXTURE_FIRST; year <= FIXTURE_BASE; year++)
    g_assert_cmpfloat (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2_NET, year), ==,
                       fixture_history[year - FIXTURE_FIRST]);

  for (guint year = 2011; year <= 2040; year++)
    cumulative_net += tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year) -
                      rate_at (removal_path, G_N_ELEMENTS (removal_path), year);
  assert_close (tanlu_pathway_cumulative (pathway, TANLU_PATHWAY_CO2_NET, 2011, 2040),
                cumulative_net, 1e-12);
}

static void
test_engine_groups (void)
{
  static const TanluKeyframe power[] = { { 2011, -3 }, { 2020, -5 } };
  static const TanluKeyframe transport[] = { { 2015, 1 } };
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (TRUE);
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("fixture groups", "990000");
  g_autoptr(TanluPathwaySpec) plain = tanlu_pathway_spec_new ("fixture groups", "990000");
  g_autoptr(TanluPathway) pathway = NULL;
  g_autoptr(TanluPathway) even = NULL;
  double groups[TANLU_N_SECTOR_GROUPS];
  double total = 80;

  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2011, 5);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2011, -2);
  set_keyframes (spec, TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_POWER_HEAT), power,
                 G_N_ELEMENTS (power));
  set_keyframes (spec, TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_TRANSPORT), transport,
                 G_N_ELEMENTS (transport));
  tanlu_pathway_spec_set_end_year (spec, 2035);
  pathway = compute_ok (spec, inputs);

  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    groups[g] = 80 * fixture_shares[g];

  /* By hand: power and heat in 2011 at −2 − 3 = −5 % */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_POWER_HEAT),
                                   2011),
                32 * 1.05 * 0.95, 1e-12);
  /* transport at −2 + 1 = −1 % */
  assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_TRANSPORT),
                                   2011),
                8 * 1.05 * 0.99, 1e-12);

  for (guint year = 2011; year <= 2035; year++)
    {
      double sum = 0;

      for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
        {
          double adjustment = 0;

          if (g == TANLU_SECTOR_GROUP_POWER_HEAT)
            adjustment = rate_at (power, G_N_ELEMENTS (power), year);
          else if (g == TANLU_SECTOR_GROUP_TRANSPORT)
            adjustment = rate_at (transport, G_N_ELEMENTS (transport), year);

          groups[g] *= 1.05 * (1 + (-2 + adjustment) / 100);
          sum += groups[g];
          assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (g), year), groups[g],
                        1e-12);
        }
      /* the groups add up to the total */
      assert_close (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), sum, 1e-12);
    }

  /* Without adjustments the groups change as one region would. */
  tanlu_pathway_spec_set_keyframe (plain, TANLU_LEVER_GDP_GROWTH, 2011, 5);
  tanlu_pathway_spec_set_keyframe (plain, TANLU_LEVER_INTENSITY_CHANGE, 2011, -2);
  tanlu_pathway_spec_set_end_year (plain, 2035);
  even = compute_ok (plain, inputs);
  for (guint year = 2011; year <= 2035; year++)
    {
      total *= 1.05 * 0.98;
      assert_close (tanlu_pathway_get (even, TANLU_PATHWAY_CO2, year), total, 1e-12);
      for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
        assert_close (tanlu_pathway_get (even, TANLU_PATHWAY_GROUP (g), year),
                      total * fixture_shares[g], 1e-12);
    }
}

static void
test_engine_errors (void)
{
  g_autoptr(TanluPathwayInputs) inputs = fixture_inputs (TRUE);

  /* A keyframe before the base year */
  {
    g_autoptr(TanluPathwaySpec) spec = compound_spec (2030);
    g_autoptr(GError) error = NULL;

    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2009, 3);
    g_assert_null (tanlu_pathway_compute (spec, inputs, &error));
    g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID);
    assert_contains (error->message, "levers.gdp_growth_pct.2009");
    assert_contains (error->message, "2010");
  }

  /* An end year at or before the base year */
  for (guint end = 2005; end <= 2010; end += 5)
    {
      g_autoptr(TanluPathwaySpec) spec = compound_spec (end);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = g_strdup_printf ("%u", end);

      g_assert_null (tanlu_pathway_compute (spec, inputs, &error));
      g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID);
      assert_contains (error->message, "end_year");
      assert_contains (error->message, value);
    }

  /* A group's rate, the region's plus its adjustment, at −110 % */
  {
    g_autoptr(TanluPathwaySpec) spec = compound_spec (2030);
    g_autoptr(GError) error = NULL;

    tanlu_pathway_spec_clear_lever (spec, TANLU_LEVER_INTENSITY_CHANGE);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, 2012, -60);
    tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_INDUSTRY),
                                     2012, -50);
    g_assert_null (tanlu_pathway_compute (spec, inputs, &error));
    g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID);
    assert_contains (error->message, "industry");
    assert_contains (error->message, "-110");
  }

  /* GDP from the driver, which ends in 2010: the pathway needs 2011 */
  {
    g_autoptr(TanluPathwaySpec) spec = compound_spec (2030);
    g_autoptr(GError) error = NULL;

    tanlu_pathway_spec_clear_lever (spec, TANLU_LEVER_GDP_GROWTH);
    g_assert_null (tanlu_pathway_compute (spec, inputs, &error));
    g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DRIVER);
    assert_contains (error->message, "2011");
  }
}

/* ---- specs ---- */

static TanluPathwaySpec *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  TanluPathwaySpec *spec = tanlu_pathway_spec_new_from_json (json, -1, "fixture.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);

  return spec;
}

static void
assert_keyframes (const TanluPathwaySpec *spec,
                  TanluLever              lever,
                  const TanluKeyframe    *expected,
                  guint                   n)
{
  const GArray *keyframes = tanlu_pathway_spec_get_keyframes (spec, lever);

  g_assert_nonnull (keyframes);
  g_assert_cmpuint (keyframes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (g_array_index (keyframes, TanluKeyframe, i).year, ==, expected[i].year);
      g_assert_cmpfloat (g_array_index (keyframes, TanluKeyframe, i).value, ==, expected[i].value);
    }
}

static void
test_spec_minimal (void)
{
  g_autoptr(TanluPathwaySpec) spec = parse_ok (minimal_spec);

  g_assert_cmpstr (tanlu_pathway_spec_get_region (spec), ==, "510000");
  g_assert_cmpstr (tanlu_pathway_spec_get_name (spec), ==, "Sichuan – faster");
  g_assert_cmpuint (tanlu_pathway_spec_get_end_year (spec), ==, 2060);
  g_assert_null (tanlu_pathway_spec_get_parent (spec));
  g_assert_null (tanlu_pathway_spec_get_notes (spec));
  g_assert_null (tanlu_pathway_spec_get_gdp_series (spec));
  assert_keyframes (spec, TANLU_LEVER_GDP_GROWTH, minimal_growth, G_N_ELEMENTS (minimal_growth));
  assert_keyframes (spec, TANLU_LEVER_INTENSITY_CHANGE, minimal_change,
                    G_N_ELEMENTS (minimal_change));
  for (guint lever = TANLU_LEVER_EMISSIONS; lever < TANLU_N_LEVERS; lever++)
    g_assert_null (tanlu_pathway_spec_get_keyframes (spec, lever));
}

static void
test_spec_round_trip (void)
{
  static const TanluKeyframe growth[] = { { 2020, 6.25 }, { 2030, 4.5 } };
  static const TanluKeyframe change[] = { { 2020, -3.125 }, { 2060, -10 } };
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new ("Fixture – 四川 \"round\" trip",
                                                             "510000");
  g_autoptr(TanluPathwaySpec) back = NULL;
  g_autoptr(TanluPathwaySpec) changed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  tanlu_pathway_spec_set_parent (spec, "targets");
  tanlu_pathway_spec_set_notes (spec, "Fixture notes: 第一行\nsecond line, with “quotes”");
  tanlu_pathway_spec_set_end_year (spec, 2055);
  tanlu_pathway_spec_set_gdp_series (spec, "gdp.fixture");
  tanlu_pathway_spec_set_population_series (spec, "population.fixture");
  set_keyframes (spec, TANLU_LEVER_GDP_GROWTH, growth, G_N_ELEMENTS (growth));
  set_keyframes (spec, TANLU_LEVER_INTENSITY_CHANGE, change, G_N_ELEMENTS (change));
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_EMISSIONS, 2040, 100.5);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_REMOVALS, 2050, 12.75);
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_POWER_HEAT),
                                   2025, -1.5);
  tanlu_pathway_spec_set_keyframe (spec,
                                   TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_AGRICULTURE), 2030,
                                   0.1);
  tanlu_pathway_spec_set_keyframe (spec,
                                   TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_AGRICULTURE), 2045,
                                   -2.0 / 3);

  json = tanlu_pathway_spec_to_json (spec);
  assert_contains (json, "\"sectors\"");
  assert_contains (json, "\"drivers\"");
  back = parse_ok (json);
  g_assert_cmpstr (tanlu_pathway_spec_get_name (back), ==, "Fixture – 四川 \"round\" trip");
  g_assert_cmpstr (tanlu_pathway_spec_get_region (back), ==, "510000");
  g_assert_cmpstr (tanlu_pathway_spec_get_parent (back), ==, "targets");
  g_assert_cmpstr (tanlu_pathway_spec_get_notes (back), ==,
                   "Fixture notes: 第一行\nsecond line, with “quotes”");
  g_assert_cmpstr (tanlu_pathway_spec_get_gdp_series (back), ==, "gdp.fixture");
  g_assert_cmpstr (tanlu_pathway_spec_get_population_series (back), ==, "population.fixture");
  g_assert_cmpuint (tanlu_pathway_spec_get_end_year (back), ==, 2055);
  assert_same_levers (back, spec);
  again = tanlu_pathway_spec_to_json (back);
  g_assert_cmpstr (json, ==, again);

  /* The comparison sees the specs equal, and notices a single keyframe
   * changed. */
  changed = tanlu_pathway_spec_copy (back);
  tanlu_pathway_spec_set_keyframe (changed,
                                   TANLU_LEVER_FOR_SECTOR (TANLU_SECTOR_GROUP_AGRICULTURE), 2045,
                                   -0.6667);
  g_assert_false (tanlu_pathway_spec_equal (spec, changed));
  g_assert_true (tanlu_pathway_spec_equal (back, back));
  g_assert_true (tanlu_pathway_spec_equal (spec, back));
}

static void
test_spec_overlay (void)
{
  g_autoptr(TanluPathwaySpec) parent = tanlu_pathway_spec_new ("fixture parent", "510000");
  g_autoptr(TanluPathwaySpec) child = tanlu_pathway_spec_new ("fixture child", "510000");
  static const TanluKeyframe change[] = { { 2025, -5 }, { 2030, -9 }, { 2040, -11 } };
  static const TanluKeyframe growth[] = { { 2025, 5 } };
  static const TanluKeyframe removals[] = { { 2050, 3 } };

  tanlu_pathway_spec_set_keyframe (parent, TANLU_LEVER_INTENSITY_CHANGE, 2025, -5);
  tanlu_pathway_spec_set_keyframe (parent, TANLU_LEVER_INTENSITY_CHANGE, 2030, -7);
  tanlu_pathway_spec_set_keyframe (parent, TANLU_LEVER_GDP_GROWTH, 2025, 5);
  tanlu_pathway_spec_set_end_year (parent, 2060);
  tanlu_pathway_spec_set_gdp_series (parent, "gdp");
  tanlu_pathway_spec_set_parent (parent, "trend");

  /* The child replaces 2030, adds 2040 and a lever of its own. */
  tanlu_pathway_spec_set_keyframe (child, TANLU_LEVER_INTENSITY_CHANGE, 2030, -9);
  tanlu_pathway_spec_set_keyframe (child, TANLU_LEVER_INTENSITY_CHANGE, 2040, -11);
  tanlu_pathway_spec_set_keyframe (child, TANLU_LEVER_REMOVALS, 2050, 3);
  tanlu_pathway_spec_set_parent (child, "fixture parent");

  tanlu_pathway_spec_overlay (parent, child);
  g_assert_cmpstr (tanlu_pathway_spec_get_name (parent), ==, "fixture child");
  assert_keyframes (parent, TANLU_LEVER_INTENSITY_CHANGE, change, G_N_ELEMENTS (change));
  assert_keyframes (parent, TANLU_LEVER_GDP_GROWTH, growth, G_N_ELEMENTS (growth));
  assert_keyframes (parent, TANLU_LEVER_REMOVALS, removals, G_N_ELEMENTS (removals));
  /* what the child leaves unset, it inherits */
  g_assert_cmpuint (tanlu_pathway_spec_get_end_year (parent), ==, 2060);
  g_assert_cmpstr (tanlu_pathway_spec_get_gdp_series (parent), ==, "gdp");
}

/* ---- pathways of the bundled data ---- */

typedef TanluTestBundledFixture Fixture;

static const char *
fixture_path (Fixture *fixture)
{
  return tanlu_store_get_path (fixture->store);
}

static TanluPathway *
library_run_ok (TanluPathwayLibrary    *library,
                const TanluPathwaySpec *spec)
{
  g_autoptr(GError) error = NULL;
  TanluPathway *pathway = tanlu_pathway_library_run (library, spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pathway);

  return pathway;
}

static TanluPathway *
preset_ok (TanluPathwayLibrary *library,
           const char          *region,
           TanluPreset          preset)
{
  g_autoptr(GError) error = NULL;
  TanluPathway *pathway = tanlu_pathway_library_run_preset (library, region, preset, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pathway);

  return pathway;
}

static void
test_base_year (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(TanluPathwaySpec) spec = parse_ok (minimal_spec);
  g_autoptr(TanluPathway) pathway = library_run_ok (library, spec);
  guint last = db_last_year (fixture_path (fixture), SICHUAN, "co2.total");

  /* CEADs' provinces end in 2019. */
  g_assert_cmpuint (last, ==, 2019);
  g_assert_cmpuint (pathway->base_year, ==, last);
  g_assert_cmpfloat (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, last), ==,
                     db_value (fixture_path (fixture), SICHUAN, "co2.total", last));
  g_assert_cmpuint (pathway->first_year, ==, 1997);
  for (guint year = 1997; year <= last; year++)
    g_assert_cmpfloat (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, year), ==,
                       db_value (fixture_path (fixture), SICHUAN, "co2.total", year));
}

/* The CEADs trend of 2014–2019 for Sichuan, from the database: the
 * yearly change of CO₂ per unit of GDP, whole and by sector group. */
static void
expected_trend (const char *path,
                guint       code,
                double     *total,
                double      groups[TANLU_N_SECTOR_GROUPS])
{
  double c_from = db_value (path, code, "co2.total", 2014);
  double c_to = db_value (path, code, "co2.total", 2019);
  double g_from = db_value (path, code, "gdp", 2014);
  double g_to = db_value (path, code, "gdp", 2019);
  double from[TANLU_N_SECTOR_GROUPS], to[TANLU_N_SECTOR_GROUPS];

  g_assert_cmpfloat (c_from, >, 0);
  g_assert_cmpfloat (g_from, >, 0);
  *total = (pow ((c_to / c_from) / (g_to / g_from), 1.0 / 5) - 1) * 100;

  db_sector_groups (path, code, 2014, from);
  db_sector_groups (path, code, 2019, to);
  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    {
      g_assert_cmpfloat (from[g], >, 0);
      groups[g] = (pow ((to[g] / from[g]) / (g_to / g_from), 1.0 / 5) - 1) * 100;
    }

  /* The groups account for the whole. */
  {
    double sum = 0;

    for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
      sum += to[g];
    assert_close (sum, c_to, 1e-9);
  }
}

static void
test_preset_trend (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(TanluPathwaySpec) preset = NULL;
  g_autoptr(TanluPathwaySpec) child = tanlu_pathway_spec_new ("fixture trend", "510000");
  g_autoptr(TanluPathwaySpec) resolved = NULL;
  g_autoptr(TanluPathway) pathway = NULL;
  g_autoptr(GError) error = NULL;
  TanluPathwayInputs *inputs;
  double total, groups[TANLU_N_SECTOR_GROUPS];
  double value;

  expected_trend (fixture_path (fixture), SICHUAN, &total, groups);

  inputs = tanlu_pathway_library_get_inputs (library, SICHUAN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (inputs->has_groups);
  g_assert_cmpuint (inputs->base_year, ==, 2019);

  preset = tanlu_preset_make_spec (TANLU_PRESET_TREND, "510000", inputs, &error);
  g_assert_no_error (error);

  /* One keyframe each, the year after the base, held from then on */
  g_assert_cmpuint (tanlu_pathway_spec_get_keyframes (preset, TANLU_LEVER_INTENSITY_CHANGE)->len,
                    ==, 1);
  g_assert_true (tanlu_pathway_spec_get_keyframe (preset, TANLU_LEVER_INTENSITY_CHANGE, 2020,
                                                  &value));
  assert_close (value, total, 1e-9);
  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    {
      TanluLever lever = TANLU_LEVER_FOR_SECTOR (g);

      g_assert_cmpuint (tanlu_pathway_spec_get_keyframes (preset, lever)->len, ==, 1);
      g_assert_true (tanlu_pathway_spec_get_keyframe (preset, lever, 2020, &value));
      assert_close (value, groups[g] - total, 1e-9);
    }
  /* GDP follows its driver. */
  g_assert_null (tanlu_pathway_spec_get_keyframes (preset, TANLU_LEVER_GDP_GROWTH));

  /* The same through inheritance */
  tanlu_pathway_spec_set_parent (child, "trend");
  resolved = tanlu_pathway_library_resolve (library, child, SICHUAN, &error);
  g_assert_no_error (error);
  assert_same_levers (resolved, preset);

  /* Run: each group's CO₂ per unit of GDP keeps changing at its trend. */
  pathway = preset_ok (library, "510000", TANLU_PRESET_TREND);
  for (guint year = 2020; year <= 2060; year++)
    {
      double gdp_ratio = tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, year) /
                         tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, year - 1);

      /* the GDP driver's growth */
      assert_close (gdp_ratio,
                    db_value (fixture_path (fixture), SICHUAN, "gdp", year) /
                      db_value (fixture_path (fixture), SICHUAN, "gdp", year - 1),
                    1e-9);
      for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
        {
          double ratio = tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (g), year) /
                         tanlu_pathway_get (pathway, TANLU_PATHWAY_GROUP (g), year - 1);

          assert_close ((ratio / gdp_ratio - 1) * 100, groups[g], 1e-9);
        }
    }
}

/* (CO₂/GDP in @to) / (CO₂/GDP in @from) */
static double
intensity_ratio (const TanluPathway *pathway,
                 guint               from,
                 guint               to)
{
  return (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, to) /
          tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, to)) /
         (tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2, from) /
          tanlu_pathway_get (pathway, TANLU_PATHWAY_GDP, from));
}

static void
check_targets_presets (TanluPathwayLibrary *library,
                       const char          *path,
                       guint                code)
{
  g_autofree char *region = g_strdup_printf ("%u", code);
  g_autoptr(TanluPathway) trend = preset_ok (library, region, TANLU_PRESET_TREND);
  g_autoptr(TanluPathway) targets = preset_ok (library, region, TANLU_PRESET_TARGETS);
  g_autoptr(TanluPathway) accelerated = preset_ok (library, region, TANLU_PRESET_ACCELERATED);
  double trend_ratio = intensity_ratio (trend, 2020, 2025);
  double c2020 = tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, 2020);
  double index_2030;

  g_test_message ("%u: trend 2025/2020 %.4f, Targets peak %u, Accelerated peak %u", code,
                  trend_ratio, targets->peak_year, accelerated->peak_year);

  /* The 2014 and 2019 observations trend on to 2020 in all three. */
  assert_close (tanlu_pathway_get (trend, TANLU_PATHWAY_CO2, 2020), c2020, 1e-9);
  assert_close (tanlu_pathway_get (accelerated, TANLU_PATHWAY_CO2, 2020), c2020, 1e-9);

  /* Targets: −18 % 2020→2025, or the trend if faster */
  g_assert_cmpfloat (intensity_ratio (targets, 2020, 2025), <=, 0.82 + 1e-9);
  assert_close (intensity_ratio (targets, 2020, 2025), MIN (trend_ratio, 0.82), 1e-6);
  /* −65 % 2005→2030 at least */
  index_2030 = tanlu_pathway_get (targets, TANLU_PATHWAY_INTENSITY_INDEX_2005, 2030);
  g_assert_cmpfloat (index_2030, <=, 35 + 1e-6);
  assert_close (index_2030,
                100 * (tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, 2030) /
                       tanlu_pathway_get (targets, TANLU_PATHWAY_GDP, 2030)) /
                  (db_value (path, code, "co2.total", 2005) / db_value (path, code, "gdp", 2005)),
                1e-9);
  /* peaked by 2030, and down to 10 % of 2020 in 2060 */
  g_assert_cmpuint (targets->peak_year, <=, 2030);
  g_assert_true (targets->peaked);
  for (guint year = MAX (targets->peak_year, 2030) + 1; year <= 2060; year++)
    g_assert_cmpfloat (tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, year), <,
                       tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, year - 1));
  assert_close (tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, 2060), 0.1 * c2020, 1e-6);

  /* Accelerated: as Targets to 2025, peaking by then, the same residual */
  for (guint year = 2020; year <= 2025; year++)
    assert_close (tanlu_pathway_get (accelerated, TANLU_PATHWAY_CO2, year),
                  tanlu_pathway_get (targets, TANLU_PATHWAY_CO2, year), 1e-9);
  g_assert_cmpuint (accelerated->peak_year, <=, 2025);
  g_assert_true (accelerated->peaked);
  for (guint year = MAX (accelerated->peak_year, 2025) + 1; year <= 2060; year++)
    g_assert_cmpfloat (tanlu_pathway_get (accelerated, TANLU_PATHWAY_CO2, year), <,
                       tanlu_pathway_get (accelerated, TANLU_PATHWAY_CO2, year - 1));
  assert_close (tanlu_pathway_get (accelerated, TANLU_PATHWAY_CO2, 2060), 0.1 * c2020, 1e-6);
}

static void
test_preset_targets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);

  check_targets_presets (library, fixture_path (fixture), SICHUAN);
}

/* Every province with CEADs emissions, and the nation */
static void
test_preset_targets_all (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(sqlite3) db = db_open (fixture_path (fixture));
  g_autoptr(sqlite3_stmt) stmt =
    db_prepare (db, "SELECT DISTINCT r.code FROM region r JOIN observation o"
                    " ON o.region_code = r.code JOIN indicator i ON i.id = o.indicator_id"
                    " WHERE i.code = 'co2.total' AND r.level IN ('nation', 'province')"
                    " ORDER BY r.code");
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      check_targets_presets (library, fixture_path (fixture), sqlite3_column_int (stmt, 0));
      n++;
    }

  /* 30 provinces and the nation */
  g_assert_cmpuint (n, ==, 31);
}

static void
save_ok (TanluPathwayLibrary *library,
         TanluPathwaySpec    *spec)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tanlu_pathway_library_save (library, spec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tanlu_pathway_spec_get_id (spec), >, 0);
}

static TanluPathwaySpec *
lookup_ok (TanluPathwayLibrary *library,
           const char          *name)
{
  g_autoptr(GError) error = NULL;
  TanluPathwaySpec *spec = tanlu_pathway_library_lookup (library, name, &error);

  g_assert_no_error (error);
  if (spec == NULL)
    g_error ("No saved pathway “%s”", name);

  return spec;
}

static TanluPathway *
named_ok (TanluPathwayLibrary *library,
          const char          *name)
{
  g_autoptr(GError) error = NULL;
  TanluPathway *pathway = tanlu_pathway_library_run_named (library, NULL, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pathway);

  return pathway;
}

#define CHILD      "Fixture – Sichuan faster 2030"
#define GRANDCHILD "Fixture – Sichuan with removals"
#define RENAMED    "Fixture – renamed"

static void
test_inheritance (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluPathwaySpec) child = tanlu_pathway_spec_new (CHILD, "510000");
  g_autoptr(TanluPathwaySpec) grandchild = tanlu_pathway_spec_new (GRANDCHILD, "510000");
  g_autoptr(TanluPathwaySpec) targets = NULL;
  g_autoptr(TanluPathwaySpec) expected_child = NULL;
  g_autoptr(TanluPathwaySpec) expected_grandchild = NULL;
  g_autoptr(TanluPathwaySpec) resolved = NULL;
  g_autoptr(TanluPathway) targets_pathway = NULL;
  g_autoptr(TanluPathway) child_pathway = NULL;
  g_autoptr(TanluPathway) grandchild_pathway = NULL;
  g_autoptr(TanluPathway) expected = NULL;
  TanluPathwayInputs *inputs;
  double c2030;

  inputs = tanlu_pathway_library_get_inputs (library, SICHUAN, NULL, NULL, &error);
  g_assert_no_error (error);
  targets = tanlu_preset_make_spec (TANLU_PRESET_TARGETS, "510000", inputs, &error);
  g_assert_no_error (error);
  /* The preset sets 2030, which the child overrides. */
  g_assert_true (tanlu_pathway_spec_get_keyframe (targets, TANLU_LEVER_INTENSITY_CHANGE, 2030,
                                                  &c2030));
  g_assert_cmpfloat (c2030, !=, -12);

  /* A child of Targets: replaces 2030, adds 2035, ends in 2055 */
  tanlu_pathway_spec_set_parent (child, "targets");
  tanlu_pathway_spec_set_keyframe (child, TANLU_LEVER_INTENSITY_CHANGE, 2030, -12);
  tanlu_pathway_spec_set_keyframe (child, TANLU_LEVER_INTENSITY_CHANGE, 2035, -9);
  tanlu_pathway_spec_set_end_year (child, 2055);
  save_ok (library, child);

  /* …and its child: replaces 2035 again, adds removals, inherits the end */
  tanlu_pathway_spec_set_parent (grandchild, CHILD);
  tanlu_pathway_spec_set_keyframe (grandchild, TANLU_LEVER_INTENSITY_CHANGE, 2035, -8);
  tanlu_pathway_spec_set_keyframe (grandchild, TANLU_LEVER_REMOVALS, 2060, 25);
  save_ok (library, grandchild);

  expected_child = tanlu_pathway_spec_copy (targets);
  tanlu_pathway_spec_set_keyframe (expected_child, TANLU_LEVER_INTENSITY_CHANGE, 2030, -12);
  tanlu_pathway_spec_set_keyframe (expected_child, TANLU_LEVER_INTENSITY_CHANGE, 2035, -9);
  tanlu_pathway_spec_set_end_year (expected_child, 2055);
  expected_grandchild = tanlu_pathway_spec_copy (expected_child);
  tanlu_pathway_spec_set_keyframe (expected_grandchild, TANLU_LEVER_INTENSITY_CHANGE, 2035, -8);
  tanlu_pathway_spec_set_keyframe (expected_grandchild, TANLU_LEVER_REMOVALS, 2060, 25);

  {
    g_autoptr(TanluPathwaySpec) saved = lookup_ok (library, CHILD);

    resolved = tanlu_pathway_library_resolve (library, saved, SICHUAN, &error);
    g_assert_no_error (error);
    assert_same_levers (resolved, expected_child);
    g_assert_cmpuint (tanlu_pathway_spec_get_end_year (resolved), ==, 2055);
    g_clear_pointer (&resolved, tanlu_pathway_spec_unref);
  }
  {
    g_autoptr(TanluPathwaySpec) saved = lookup_ok (library, GRANDCHILD);

    g_assert_cmpstr (tanlu_pathway_spec_get_parent (saved), ==, CHILD);
    resolved = tanlu_pathway_library_resolve (library, saved, SICHUAN, &error);
    g_assert_no_error (error);
    assert_same_levers (resolved, expected_grandchild);
    g_assert_cmpuint (tanlu_pathway_spec_get_end_year (resolved), ==, 2055);
  }

  /* The child runs as Targets with its keyframes: the same to 2026,
   * different from 2027, where 2030's keyframe starts to pull. */
  targets_pathway = preset_ok (library, "510000", TANLU_PRESET_TARGETS);
  child_pathway = named_ok (library, CHILD);
  expected = compute_ok (expected_child, inputs);
  assert_same_pathway (child_pathway, expected, 1997, 2055);
  for (guint year = 2019; year <= 2026; year++)
    g_assert_cmpfloat (tanlu_pathway_get (child_pathway, TANLU_PATHWAY_CO2, year), ==,
                       tanlu_pathway_get (targets_pathway, TANLU_PATHWAY_CO2, year));
  g_assert_cmpfloat (tanlu_pathway_get (child_pathway, TANLU_PATHWAY_CO2, 2027), !=,
                     tanlu_pathway_get (targets_pathway, TANLU_PATHWAY_CO2, 2027));
  g_clear_pointer (&expected, tanlu_pathway_unref);

  grandchild_pathway = named_ok (library, GRANDCHILD);
  expected = compute_ok (expected_grandchild, inputs);
  assert_same_pathway (grandchild_pathway, expected, 1997, 2055);
  g_assert_cmpuint (grandchild_pathway->end_year, ==, 2055);
  /* removals from none in 2019 towards 25 Mt in 2060 */
  assert_close (tanlu_pathway_get (grandchild_pathway, TANLU_PATHWAY_REMOVALS, 2040),
                25.0 * (2040 - 2019) / (2060 - 2019), 1e-12);
  assert_close (tanlu_pathway_get (grandchild_pathway, TANLU_PATHWAY_CO2_NET, 2040),
                tanlu_pathway_get (grandchild_pathway, TANLU_PATHWAY_CO2, 2040) -
                  25.0 * (2040 - 2019) / (2060 - 2019),
                1e-12);

  /* A name another pathway has is refused, and nothing changes. */
  {
    g_autoptr(TanluPathwaySpec) saved = lookup_ok (library, CHILD);
    g_autoptr(TanluPathwaySpec) after = NULL;
    g_autofree char *before = tanlu_test_fingerprint (fixture_path (fixture));
    g_autofree char *fingerprint = NULL;

    g_assert_false (tanlu_pathway_library_rename (library, saved, GRANDCHILD, &error));
    g_assert_nonnull (error);
    assert_contains (error->message, GRANDCHILD);
    g_clear_error (&error);
    g_assert_false (tanlu_pathway_library_rename (library, saved, "Targets", &error));
    g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID);
    g_clear_error (&error);
    after = lookup_ok (library, GRANDCHILD);
    g_assert_cmpstr (tanlu_pathway_spec_get_parent (after), ==, CHILD);
    g_assert_cmpstr (tanlu_pathway_spec_get_name (saved), ==, CHILD);
    fingerprint = tanlu_test_fingerprint (fixture_path (fixture));
    g_assert_cmpstr (before, ==, fingerprint);
  }

  /* Renaming the child renames its child's parent. */
  {
    g_autoptr(TanluPathwaySpec) saved = lookup_ok (library, CHILD);
    g_autoptr(TanluPathwaySpec) after = NULL;
    g_autoptr(TanluPathway) renamed_run = NULL;

    g_assert_true (tanlu_pathway_library_rename (library, saved, RENAMED, &error));
    g_assert_no_error (error);
    g_assert_null (tanlu_pathway_library_lookup (library, CHILD, &error));
    g_assert_no_error (error);
    after = lookup_ok (library, GRANDCHILD);
    g_assert_cmpstr (tanlu_pathway_spec_get_parent (after), ==, RENAMED);
    renamed_run = named_ok (library, GRANDCHILD);
    assert_same_pathway (renamed_run, grandchild_pathway, 1997, 2055);
  }

  /* Deleting it gives its keyframes to its child, which goes on
   * inheriting from Targets with the same results. */
  {
    g_autoptr(TanluPathwaySpec) saved = lookup_ok (library, RENAMED);
    g_autoptr(TanluPathwaySpec) after = NULL;
    g_autoptr(TanluPathway) orphan_run = NULL;
    double value;

    g_assert_true (tanlu_pathway_library_delete (library, saved, &error));
    g_assert_no_error (error);
    g_assert_null (tanlu_pathway_library_lookup (library, RENAMED, &error));
    g_assert_no_error (error);
    after = lookup_ok (library, GRANDCHILD);
    g_assert_cmpstr (tanlu_pathway_spec_get_parent (after), ==, "targets");
    g_assert_true (tanlu_pathway_spec_get_keyframe (after, TANLU_LEVER_INTENSITY_CHANGE, 2030,
                                                    &value));
    g_assert_cmpfloat (value, ==, -12);
    g_assert_true (tanlu_pathway_spec_get_keyframe (after, TANLU_LEVER_INTENSITY_CHANGE, 2035,
                                                    &value));
    g_assert_cmpfloat (value, ==, -8);
    g_assert_cmpuint (tanlu_pathway_spec_get_end_year (after), ==, 2055);
    orphan_run = named_ok (library, GRANDCHILD);
    assert_same_pathway (orphan_run, grandchild_pathway, 1997, 2055);
  }
}

static void
assert_circular (const GError *error,
                 const char   *name)
{
  g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_CIRCULAR);
  assert_contains (error->message, "parent");
  assert_contains (error->message, name);
}

static void
test_inheritance_circular (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(TanluPathwaySpec) a = tanlu_pathway_spec_new ("Fixture loop A", "510000");
  g_autoptr(TanluPathwaySpec) b = tanlu_pathway_spec_new ("Fixture loop B", "510000");
  g_autoptr(TanluPathwaySpec) self_parent = tanlu_pathway_spec_new ("Fixture self", "510000");
  g_autoptr(TanluPathwaySpec) looped = NULL;
  g_autoptr(TanluPathwaySpec) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *fingerprint = NULL;

  tanlu_pathway_spec_set_parent (a, "targets");
  save_ok (library, a);
  tanlu_pathway_spec_set_parent (b, "Fixture loop A");
  tanlu_pathway_spec_set_keyframe (b, TANLU_LEVER_REMOVALS, 2050, 5);
  save_ok (library, b);
  before = tanlu_test_fingerprint (fixture_path (fixture));

  /* A → B → A: refused, and nothing saved */
  looped = lookup_ok (library, "Fixture loop A");
  tanlu_pathway_spec_set_parent (looped, "Fixture loop B");
  g_assert_false (tanlu_pathway_library_save (library, looped, &error));
  assert_circular (error, "Fixture loop");
  g_clear_error (&error);
  g_assert_null (tanlu_pathway_library_run (library, looped, &error));
  assert_circular (error, "Fixture loop");
  g_clear_error (&error);
  after = lookup_ok (library, "Fixture loop A");
  g_assert_cmpstr (tanlu_pathway_spec_get_parent (after), ==, "targets");

  /* A pathway that is its own parent */
  tanlu_pathway_spec_set_parent (self_parent, "Fixture self");
  g_assert_false (tanlu_pathway_library_validate (library, self_parent, &error));
  assert_circular (error, "Fixture self");
  g_clear_error (&error);
  g_assert_false (tanlu_pathway_library_save (library, self_parent, &error));
  assert_circular (error, "Fixture self");
  g_clear_error (&error);
  g_assert_null (tanlu_pathway_library_run (library, self_parent, &error));
  assert_circular (error, "Fixture self");
  g_clear_error (&error);
  fingerprint = tanlu_test_fingerprint (fixture_path (fixture));
  g_assert_cmpstr (before, ==, fingerprint);

  /* A loop written behind the library's back is found when run, rather
   * than followed for ever. */
  {
    g_autofree char *json = tanlu_pathway_spec_to_json (looped);

    g_assert_cmpint (tanlu_store_save_pathway (fixture->store, tanlu_pathway_spec_get_id (looped),
                                               "Fixture loop A", "510000", json, &error),
                     ==, tanlu_pathway_spec_get_id (looped));
    g_assert_no_error (error);
  }
  g_assert_null (tanlu_pathway_library_run_named (library, NULL, "Fixture loop B", &error));
  assert_circular (error, "Fixture loop");
}

static void
test_group_sum (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(TanluPathwaySpec) spec = parse_ok (minimal_spec);
  g_autoptr(TanluPathwaySpec) chongqing_spec = NULL;
  g_autoptr(TanluPathway) group = NULL;
  g_autoptr(TanluPathway) sichuan = NULL;
  g_autoptr(TanluPathway) chongqing = NULL;
  const TanluPathwayMetric summed[] = {
    TANLU_PATHWAY_CO2, TANLU_PATHWAY_GDP, TANLU_PATHWAY_POPULATION,
    TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_POWER_HEAT),
    TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_INDUSTRY),
    TANLU_PATHWAY_GROUP (TANLU_SECTOR_GROUP_HOUSEHOLDS),
  };

  /* The same levers for Sichuan, Chongqing and the two together */
  sichuan = library_run_ok (library, spec);
  chongqing_spec = tanlu_pathway_spec_copy (spec);
  tanlu_pathway_spec_set_region (chongqing_spec, "500000");
  chongqing = library_run_ok (library, chongqing_spec);
  tanlu_pathway_spec_set_region (spec, "sichuan-chongqing");
  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_REMOVALS, 2060, 20);
  group = library_run_ok (library, spec);

  g_assert_cmpstr (group->region, ==, "sichuan-chongqing");
  g_assert_cmpuint (group->base_year, ==, 2019);
  g_assert_cmpuint (group->end_year, ==, 2060);
  g_assert_cmpuint (group->n_members, ==, 2);
  g_assert_cmpuint (group->n_members_with_data, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (summed); i++)
    for (guint year = 1997; year <= 2060; year++)
      assert_close (tanlu_pathway_get (group, summed[i], year),
                    tanlu_pathway_get (sichuan, summed[i], year) +
                      tanlu_pathway_get (chongqing, summed[i], year),
                    1e-12);

  /* The history is the two provinces' observations added up. */
  for (guint year = 1997; year <= 2019; year++)
    assert_close (tanlu_pathway_get (group, TANLU_PATHWAY_CO2, year),
                  db_value (fixture_path (fixture), SICHUAN, "co2.total", year) +
                    db_value (fixture_path (fixture), CHONGQING, "co2.total", year),
                  1e-12);

  /* The group's removals are subtracted once, from the sum. */
  for (guint year = 2020; year <= 2060; year++)
    {
      double removals = 20.0 * (year - 2019) / (2060 - 2019);

      assert_close (tanlu_pathway_get (group, TANLU_PATHWAY_REMOVALS, year), removals, 1e-12);
      assert_close (tanlu_pathway_get (group, TANLU_PATHWAY_CO2_NET, year),
                    tanlu_pathway_get (group, TANLU_PATHWAY_CO2, year) - removals, 1e-12);
    }

  /* A preset of a group is each member's own preset, added up. */
  {
    g_autoptr(TanluPathway) group_targets = preset_ok (library, "sichuan-chongqing",
                                                       TANLU_PRESET_TARGETS);
    g_autoptr(TanluPathway) sichuan_targets = preset_ok (library, "510000", TANLU_PRESET_TARGETS);
    g_autoptr(TanluPathway) chongqing_targets = preset_ok (library, "500000",
                                                           TANLU_PRESET_TARGETS);

    for (guint year = 1997; year <= 2060; year++)
      assert_close (tanlu_pathway_get (group_targets, TANLU_PATHWAY_CO2, year),
                    tanlu_pathway_get (sichuan_targets, TANLU_PATHWAY_CO2, year) +
                      tanlu_pathway_get (chongqing_targets, TANLU_PATHWAY_CO2, year),
                    1e-12);
  }
}

static void
test_group_members_without_data (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TanluPathwayLibrary) library = tanlu_pathway_library_new (fixture->store);
  g_autoptr(TanluPathway) pathway = preset_ok (library, "chengdu-chongqing",
                                               TANLU_PRESET_TARGETS);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *covers = NULL;
  GPtrArray *notes = tanlu_pathway_get_notes (pathway, FALSE);
  guint n_members, n_with_data;

  db_group_members (fixture_path (fixture), "chengdu-chongqing", &n_members, &n_with_data,
                    missing);
  g_assert_cmpuint (missing->len, >, 0);

  g_assert_cmpuint (pathway->n_members, ==, n_members);
  g_assert_cmpuint (pathway->n_members_with_data, ==, n_with_data);

  /* The first note says which members it covers, and names the others. */
  covers = g_strdup_printf ("Covers %u of %u members", n_with_data, n_members);
  g_assert_cmpuint (notes->len, >, 0);
  assert_contains (g_ptr_array_index (notes, 0), covers);
  for (guint i = 0; i < missing->len; i++)
    assert_contains (g_ptr_array_index (notes, 0), g_ptr_array_index (missing, i));
  g_assert_cmpuint (tanlu_pathway_get_notes (pathway, TRUE)->len, ==, notes->len);
}

/* ---- the command line ---- */

static void
test_cli_run_minimal (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "sichuan-faster.json",
                                                 minimal_spec, -1);
  g_autofree char *before = tanlu_test_fingerprint (fixture->db);
  g_autofree char *after = NULL;
  g_auto(TanluTestRun) result = { 0 };
  g_autoptr(GHashTable) co2 = NULL;
  g_autoptr(GHashTable) net = NULL;
  double expected = db_value (fixture->db, SICHUAN, "co2.total", 2019);

  run_ok (fixture, &result, "pathway", "run", path, NULL);
  g_assert_true (g_str_has_prefix (result.out, "region_code,pathway,year,indicator,value,unit\n"));
  assert_contains (result.out, "\n510000,Sichuan – faster,2019,co2.total,");

  co2 = csv_values (result.out, "co2.total");
  net = csv_values (result.out, "co2.net");
  g_assert_cmpuint (g_hash_table_size (co2), ==, 2060 - 2019 + 1);
  assert_close (csv_get (co2, 2019), expected, 1e-9);
  for (guint year = 2020; year <= 2060; year++)
    {
      double g = rate_at (minimal_growth, G_N_ELEMENTS (minimal_growth), year);
      double c = rate_at (minimal_change, G_N_ELEMENTS (minimal_change), year);

      expected *= (1 + g / 100) * (1 + c / 100);
      assert_close (csv_get (co2, year), expected, 1e-9);
      assert_close (csv_get (net, year), expected, 1e-9);
    }

  /* Running reads only. */
  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cli_run_preset (CliFixture    *fixture,
                     gconstpointer  data)
{
  g_auto(TanluTestRun) result = { 0 };
  g_auto(TanluTestRun) json = { 0 };
  g_autoptr(GHashTable) co2 = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *covers = NULL;
  guint n_members, n_with_data;

  run_ok (fixture, &result, "pathway", "run", "--region", "510000", "--preset", "targets", NULL);
  co2 = csv_values (result.out, "co2.total");
  g_assert_cmpuint (g_hash_table_size (co2), ==, 2060 - 2019 + 1);
  assert_close (csv_get (co2, 2019), db_value (fixture->db, SICHUAN, "co2.total", 2019), 1e-9);
  assert_contains (result.out, "\n510000,targets,2060,co2.total,");

  /* A group as the user names it, with its notes */
  run_ok (fixture, &json, "pathway", "run", "--region", "chengdu-chongqing", "--preset",
          "targets", "--format", "json", NULL);
  assert_contains (json.out, "\"region\" : \"chengdu-chongqing\"");
  db_group_members (fixture->db, "chengdu-chongqing", &n_members, &n_with_data, missing);
  covers = g_strdup_printf ("Covers %u of %u members", n_with_data, n_members);
  assert_contains (json.out, covers);
}

/* A file that must be refused by `pathway run` and `pathway import`
 * alike, naming the field and the value, with the database unchanged. */
typedef struct
{
  const char *file;
  const char *json;
  const char *expected[2];
} BadSpec;

static const BadSpec bad_specs[] = {
  { "malformed.json", "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"levers\": {",
    { "malformed.json", "not valid JSON" } },
  { "not-object.json", "[\"510000\"]", { "not-object.json", "“region”" } },
  { "unknown-region.json", "{\"region\": \"999999\", \"name\": \"Fixture bad\"}",
    { "“region”", "999999" } },
  { "rate-100.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"co2_intensity_change_pct\": {\"2030\": -100}}}",
    { "levers.co2_intensity_change_pct.2030", "-100" } },
  { "rate-150.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"gdp_growth_pct\": {\"2025\": -150.5}}}",
    { "levers.gdp_growth_pct.2025", "-150.5" } },
  { "group-rate.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"co2_intensity_change_pct\": {\"2020\": -60}, "
    "\"sectors\": {\"industry\": {\"co2_intensity_change_pct\": {\"2020\": -50}}}}}",
    { "industry", "-110" } },
  { "before-base.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"gdp_growth_pct\": {\"2010\": 3}}}",
    { "levers.gdp_growth_pct.2010", "2019" } },
  { "negative-removals.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"removals_mt\": {\"2050\": -5}}}",
    { "levers.removals_mt.2050", "-5" } },
  { "after-2100.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"co2_intensity_change_pct\": {\"2101\": -3}}}",
    { "levers.co2_intensity_change_pct", "2101" } },
  { "end-after-2100.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"end_year\": 2101}",
    { "end_year", "2101" } },
  { "unknown-lever.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"carbon_tax\": {\"2030\": 3}}}",
    { "“levers”", "carbon_tax" } },
  { "unknown-sector.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"sectors\": {\"mining\": {\"co2_intensity_change_pct\": {\"2030\": 1}}}}}",
    { "levers.sectors", "mining" } },
  { "unknown-field.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"colour\": \"red\"}",
    { "colour", "fields" } },
  { "unknown-parent.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"parent\": \"fixture-nonesuch\"}",
    { "“parent”", "fixture-nonesuch" } },
  { "circular.json",
    "{\"region\": \"510000\", \"name\": \"Fixture loop\", \"parent\": \"Fixture loop\"}",
    { "“parent”", "Fixture loop" } },
  { "unknown-driver.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"drivers\": {\"gdp\": \"gdp.nothing\"}}",
    { "drivers.gdp", "gdp.nothing" } },
  { "short-driver.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"end_year\": 2060, "
    "\"drivers\": {\"gdp\": \"gdp.fixture\"}}",
    { "gdp.fixture", "2031" } },
  { "end-before-base.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"end_year\": 2010}",
    { "end_year", "2010" } },
  { "no-emissions.json", "{\"region\": \"540000\", \"name\": \"Fixture bad\"}",
    { "540000", "no CO₂ emissions" } },
  { "group-emissions.json",
    "{\"region\": \"sichuan-chongqing\", \"name\": \"Fixture bad\", "
    "\"levers\": {\"co2_mt\": {\"2030\": 500}}}",
    { "levers.co2_mt", "group" } },
  { "deep.json", NULL, { "deep.json", "nests more than" } },
  /* Strings JSON does not allow, which the parser would turn into text
   * that is not UTF-8 */
  { "bad-escape.json", "{\"region\": \"510000\", \"name\": \"Fixture \\u621\xd6\xa3u90fd\"}",
    { "bad-escape.json", "line 1: a string holds an escape JSON does not know" } },
  { "lone-surrogate.json", "{\"region\": \"510000\", \"name\": \"Fixture \\ud800\"}",
    { "lone-surrogate.json", "half a UTF-16 surrogate pair" } },
  { "control.json", "{\"region\": \"510000\",\n \"name\": \"Fixture\nbad\"}",
    { "control.json", "line 2: a string holds a control character" } },
  { "gbk.json", "{\"region\": \"510000\", \"name\": \"\xcb\xc4\xb4\xa8\"}",
    { "gbk.json", "not UTF-8" } },
  /* The parser's message quotes the token cut inside 渝 (found by fuzzing) */
  { "cut-token.json", "{\"r-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa6210渝\", \"end_year\": 2100}",
    { "cut-token.json", "not valid JSON" } },
};

/* A user's own GDP series, 2010–2030 only (made up). */
static void
import_fixture_gdp (CliFixture *fixture)
{
  g_autoptr(GString) csv = g_string_new ("region_code,indicator,year,value,unit\n");
  g_autofree char *path = NULL;
  g_auto(TanluTestRun) result = { 0 };

  for (guint year = 2010; year <= 2030; year++)
    g_string_append_printf (csv, "510000,gdp.fixture,%u,%g,亿元\n", year,
                            20000 + 1000.0 * (year - 2010));
  path = tanlu_test_write_file (fixture->dir, "fixture-gdp.csv", csv->str, -1);
  run_ok (fixture, &result, "import", path, NULL);
}

/* `pathway run` and `pathway import` of @path both fail, naming each of
 * @expected, and leave the database as it was. */
static void
assert_refused (CliFixture         *fixture,
                const char         *path,
                const char * const *expected,
                guint               n_expected)
{
  g_autofree char *before = tanlu_test_fingerprint (fixture->db);
  g_autofree char *after = NULL;
  g_auto(TanluTestRun) ran = { 0 };
  g_auto(TanluTestRun) imported = { 0 };

  run (fixture, &ran, "pathway", "run", path, NULL);
  run (fixture, &imported, "pathway", "import", path, NULL);
  g_assert_cmpint (ran.status, ==, 1);
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_cmpstr (ran.out, ==, "");
  g_assert_cmpstr (imported.out, ==, "");
  for (guint k = 0; k < n_expected; k++)
    {
      assert_contains (ran.err, expected[k]);
      assert_contains (imported.err, expected[k]);
    }
  g_assert_true (g_utf8_validate (ran.err, -1, NULL));
  g_assert_true (g_utf8_validate (imported.err, -1, NULL));

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cli_bad_specs (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_fixture_gdp (fixture);
  before = tanlu_test_fingerprint (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_specs); i++)
    {
      const BadSpec *bad = &bad_specs[i];
      g_autofree char *path = NULL;

      g_test_message ("%s", bad->file);
      if (bad->json != NULL)
        path = tanlu_test_write_file (fixture->dir, bad->file, bad->json, -1);
      else
        {
          g_autoptr(GString) deep = g_string_new ("{\"region\": \"510000\", \"name\": "
                                                  "\"Fixture bad\", \"notes\": ");

          for (guint k = 0; k < 100000; k++)
            g_string_append_c (deep, '[');
          for (guint k = 0; k < 100000; k++)
            g_string_append_c (deep, ']');
          g_string_append (deep, "}");
          path = tanlu_test_write_file (fixture->dir, bad->file, deep->str, deep->len);
        }

      assert_refused (fixture, path, bad->expected, G_N_ELEMENTS (bad->expected));
    }

  /* The same through the options */
  {
    g_auto(TanluTestRun) preset = { 0 };
    g_auto(TanluTestRun) region = { 0 };
    g_auto(TanluTestRun) name = { 0 };
    g_auto(TanluTestRun) tibet = { 0 };
    g_auto(TanluTestRun) export = { 0 };

    run (fixture, &preset, "pathway", "run", "--region", "510000", "--preset", "fast", NULL);
    g_assert_cmpint (preset.status, ==, 1);
    assert_contains (preset.err, "--preset");
    assert_contains (preset.err, "“fast”");

    run (fixture, &region, "pathway", "run", "--region", "999999", "--preset", "trend", NULL);
    g_assert_cmpint (region.status, ==, 1);
    assert_contains (region.err, "999999");

    run (fixture, &tibet, "pathway", "run", "--region", "540000", "--preset", "targets", NULL);
    g_assert_cmpint (tibet.status, ==, 1);
    assert_contains (tibet.err, "540000");

    run (fixture, &name, "pathway", "run", "--name", "fixture-nonesuch", NULL);
    g_assert_cmpint (name.status, ==, 1);
    assert_contains (name.err, "fixture-nonesuch");

    run (fixture, &export, "pathway", "export", "fixture-nonesuch", NULL);
    g_assert_cmpint (export.status, ==, 1);
    assert_contains (export.err, "fixture-nonesuch");
  }

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

/* A chain of saved pathways that an import would close into a loop */
static void
test_cli_import_circular (CliFixture    *fixture,
                          gconstpointer  data)
{
  g_autofree char *a = tanlu_test_write_file (
    fixture->dir, "a.json",
    "{\"region\": \"510000\", \"name\": \"Fixture A\", \"parent\": \"targets\"}", -1);
  g_autofree char *b = tanlu_test_write_file (
    fixture->dir, "b.json",
    "{\"region\": \"510000\", \"name\": \"Fixture B\", \"parent\": \"Fixture A\", "
    "\"levers\": {\"removals_mt\": {\"2060\": 10}}}",
    -1);
  g_autofree char *loop = tanlu_test_write_file (
    fixture->dir, "loop.json",
    "{\"region\": \"510000\", \"name\": \"Fixture A\", \"parent\": \"Fixture B\"}", -1);
  g_auto(TanluTestRun) first = { 0 };
  g_auto(TanluTestRun) second = { 0 };
  g_auto(TanluTestRun) replaced = { 0 };
  g_auto(TanluTestRun) ran = { 0 };
  g_auto(TanluTestRun) list = { 0 };
  g_auto(GStrv) row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_ok (fixture, &first, "pathway", "import", a, NULL);
  run_ok (fixture, &second, "pathway", "import", b, NULL);
  before = tanlu_test_fingerprint (fixture->db);

  run (fixture, &replaced, "pathway", "import", loop, "--replace", NULL);
  g_assert_cmpint (replaced.status, ==, 1);
  assert_contains (replaced.err, "“parent”");
  assert_contains (replaced.err, "Fixture");
  assert_contains (replaced.err, "inherits from itself");

  run (fixture, &ran, "pathway", "run", loop, NULL);
  g_assert_cmpint (ran.status, ==, 1);
  assert_contains (ran.err, "inherits from itself");

  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);
  run_ok (fixture, &list, "pathway", "list", NULL);
  row = list_row (list.out, "Fixture A");
  g_assert_cmpstr (row[1], ==, "510000");
  g_assert_cmpstr (row[3], ==, "targets");
  g_clear_pointer (&row, g_strfreev);
  row = list_row (list.out, "Fixture B");
  g_assert_cmpstr (row[3], ==, "Fixture A");
}

static void
test_cli_drivers (CliFixture    *fixture,
                  gconstpointer  data)
{
  g_autofree char *far = tanlu_test_write_file (
    fixture->dir, "far.json", "{\"region\": \"510000\", \"name\": \"Fixture far\", "
                              "\"end_year\": 2100}", -1);
  g_autofree char *own = tanlu_test_write_file (
    fixture->dir, "own.json",
    "{\"region\": \"510000\", \"name\": \"Fixture own GDP\", \"end_year\": 2030, "
    "\"drivers\": {\"gdp\": \"gdp.fixture\"}}", -1);
  g_auto(TanluTestRun) far_run = { 0 };
  g_auto(TanluTestRun) own_run = { 0 };
  g_autoptr(GHashTable) far_co2 = NULL;
  g_autoptr(GHashTable) own_co2 = NULL;
  g_autoptr(GHashTable) own_gdp = NULL;
  double expected = db_value (fixture->db, SICHUAN, "co2.total", 2019);

  /* GCAM-China's GDP runs to 2100; without levers, CO₂ grows with it. */
  run_ok (fixture, &far_run, "pathway", "run", far, NULL);
  far_co2 = csv_values (far_run.out, "co2.total");
  g_assert_cmpuint (g_hash_table_size (far_co2), ==, 2100 - 2019 + 1);
  assert_close (csv_get (far_co2, 2100),
                expected * db_value (fixture->db, SICHUAN, "gdp", 2100) /
                  db_value (fixture->db, SICHUAN, "gdp", 2019),
                1e-9);

  /* A user's series to 2030 serves a pathway to 2030. */
  import_fixture_gdp (fixture);
  run_ok (fixture, &own_run, "pathway", "run", own, NULL);
  own_co2 = csv_values (own_run.out, "co2.total");
  own_gdp = csv_values (own_run.out, "gdp");
  g_assert_cmpuint (g_hash_table_size (own_co2), ==, 2030 - 2019 + 1);
  assert_close (csv_get (own_co2, 2030), expected * 40000 / 29000, 1e-9);
  assert_close (csv_get (own_gdp, 2030), 40000, 1e-9);
}

/* A sector group's keyframe before the base year: the message names the
 * field as the file writes it. */
static void
test_cli_sector_keyframe_before_base (CliFixture    *fixture,
                                      gconstpointer  data)
{
  static const char * const expected[] = {
    "levers.sectors.industry.co2_intensity_change_pct.2010", "2019",
  };
  g_autofree char *path = tanlu_test_write_file (
    fixture->dir, "sector-before-base.json",
    "{\"region\": \"510000\", \"name\": \"Fixture bad\", \"levers\": {\"sectors\": "
    "{\"industry\": {\"co2_intensity_change_pct\": {\"2010\": -1}}}}}",
    -1);

  assert_refused (fixture, path, expected, G_N_ELEMENTS (expected));
}

/* A pathway that sets nothing of its own runs as its parent does, also
 * when the parent names its own GDP series. */
static void
test_cli_inherited_drivers (CliFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("region_code,indicator,year,value,unit\n");
  g_autofree char *series = NULL;
  g_autofree char *parent = tanlu_test_write_file (
    fixture->dir, "parent.json",
    "{\"region\": \"510000\", \"name\": \"Fixture parent\", \"parent\": \"targets\", "
    "\"drivers\": {\"gdp\": \"gdp.alt\"}}",
    -1);
  g_autofree char *child = tanlu_test_write_file (
    fixture->dir, "child.json",
    "{\"region\": \"510000\", \"name\": \"Fixture child\", \"parent\": \"Fixture parent\"}",
    -1);
  g_auto(TanluTestRun) imported = { 0 };
  g_auto(TanluTestRun) saved_parent = { 0 };
  g_auto(TanluTestRun) saved_child = { 0 };
  g_auto(TanluTestRun) parent_run = { 0 };
  g_auto(TanluTestRun) child_run = { 0 };
  g_autoptr(GHashTable) parent_co2 = NULL;
  g_autoptr(GHashTable) child_co2 = NULL;
  g_autofree char *parent_rows = NULL;
  g_autofree char *child_rows = NULL;

  /* A made-up GDP series growing 8 % a year */
  for (guint year = 2000; year <= 2060; year++)
    g_string_append_printf (csv, "510000,gdp.alt,%u,%.3f,亿元\n", year,
                            10000 * pow (1.08, year - 2000));
  series = tanlu_test_write_file (fixture->dir, "fixture-gdp-alt.csv", csv->str, -1);
  run_ok (fixture, &imported, "import", series, NULL);
  run_ok (fixture, &saved_parent, "pathway", "import", parent, NULL);
  run_ok (fixture, &saved_child, "pathway", "import", child, NULL);

  run_ok (fixture, &parent_run, "pathway", "run", "--name", "Fixture parent", NULL);
  run_ok (fixture, &child_run, "pathway", "run", "--name", "Fixture child", NULL);
  parent_co2 = csv_values (parent_run.out, "co2.total");
  child_co2 = csv_values (child_run.out, "co2.total");

  /* Targets with the parent's GDP: down to 10 % of 2020 in 2060 */
  assert_close (csv_get (parent_co2, 2060), 0.1 * csv_get (parent_co2, 2020), 1e-6);
  for (guint year = 2019; year <= 2060; year++)
    assert_close (csv_get (child_co2, year), csv_get (parent_co2, year), 1e-9);

  parent_rows = csv_without_name (parent_run.out);
  child_rows = csv_without_name (child_run.out);
  g_assert_cmpstr (parent_rows, ==, child_rows);
}

#define SAVED  "Fixture – Sichuan faster"
#define COPIED "Fixture – copy"

static void
test_cli_export_import (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *spec = tanlu_test_write_file (
    fixture->dir, "saved.json",
    "{\"region\": \"510000\", \"name\": \"" SAVED "\", \"parent\": \"targets\", "
    "\"notes\": \"Fixture: made up for the tests\", "
    "\"levers\": {\"co2_intensity_change_pct\": {\"2030\": -12}, "
    "\"removals_mt\": {\"2060\": 15}, "
    "\"sectors\": {\"transport\": {\"co2_intensity_change_pct\": {\"2025\": -1.5}}}}}",
    -1);
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *original_rows = NULL;
  g_autofree char *copied_rows = NULL;
  g_auto(TanluTestRun) import = { 0 };
  g_auto(TanluTestRun) again = { 0 };
  g_auto(TanluTestRun) list = { 0 };
  g_auto(TanluTestRun) iamc = { 0 };
  g_auto(TanluTestRun) json = { 0 };
  g_auto(TanluTestRun) copy = { 0 };
  g_auto(TanluTestRun) original_run = { 0 };
  g_auto(TanluTestRun) copied_run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;
  gboolean found = FALSE;

  run_ok (fixture, &import, "pathway", "import", spec, NULL);
  assert_contains (import.out, SAVED);

  /* The same name again is refused without --replace. */
  before = tanlu_test_fingerprint (fixture->db);
  run (fixture, &again, "pathway", "import", spec, NULL);
  g_assert_cmpint (again.status, ==, 1);
  assert_contains (again.err, SAVED);
  after = tanlu_test_fingerprint (fixture->db);
  g_assert_cmpstr (before, ==, after);

  run_ok (fixture, &list, "pathway", "list", NULL);
  row = list_row (list.out, SAVED);
  g_assert_cmpstr (row[1], ==, "510000");
  g_assert_cmpstr (row[2], ==, "Sichuan");
  g_assert_cmpstr (row[3], ==, "targets");

  /* IAMC: one column a year from the base year */
  run_ok (fixture, &iamc, "pathway", "export", SAVED, "--format", "iamc", NULL);
  g_assert_true (g_str_has_prefix (iamc.out, "Model,Scenario,Region,Variable,Unit,2019,"));
  lines = g_strsplit (iamc.out, "\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 5 + 2060 - 2019 + 1);
  g_assert_cmpstr (header[5 + 2060 - 2019], ==, "2060");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (fields) < 6 || !g_str_equal (fields[3], "Emissions|CO2"))
        continue;

      found = TRUE;
      g_assert_cmpstr (fields[1], ==, SAVED);
      g_assert_cmpuint (g_strv_length (fields), ==, 5 + 2060 - 2019 + 1);
      /* net emissions: in the base year, the observation */
      assert_close (g_ascii_strtod (fields[5], NULL),
                    db_value (fixture->db, SICHUAN, "co2.total", 2019), 1e-9);
    }
  g_assert_true (found);

  /* JSON out, back in under another name, and run: the same figures */
  run_ok (fixture, &json, "pathway", "export", SAVED, NULL);
  exported = tanlu_test_write_file (fixture->dir, "exported.json", json.out, -1);
  run_ok (fixture, &copy, "pathway", "import", exported, "--name", COPIED, NULL);
  run_ok (fixture, &original_run, "pathway", "run", "--name", SAVED, NULL);
  run_ok (fixture, &copied_run, "pathway", "run", "--name", COPIED, NULL);
  assert_contains (copied_run.out, "\n510000," COPIED ",2060,co2.net,");
  original_rows = csv_without_name (original_run.out);
  copied_rows = csv_without_name (copied_run.out);
  g_assert_cmpuint (strlen (original_rows), >, 1000);
  g_assert_cmpstr (original_rows, ==, copied_rows);
}

static void
test_cli_chart (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *spec = tanlu_test_write_file (
    fixture->dir, "fixture-chart.json",
    "{\"kind\": \"line\", \"title\": \"Fixture: Sichuan and Targets\", \"size\": [640, 360], "
    "\"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\", \"years\": [2005, 2019]}, "
    "{\"region\": \"510000\", \"pathway\": \"targets\"}]}",
    -1);
  g_autofree char *unknown = tanlu_test_write_file (
    fixture->dir, "fixture-unknown.json",
    "{\"kind\": \"line\", \"title\": \"Fixture\", \"size\": [640, 360], "
    "\"series\": [{\"region\": \"510000\", \"pathway\": \"fixture-nonesuch\"}]}",
    -1);
  g_autofree char *output = g_build_filename (fixture->dir, "fixture-chart.png", NULL);
  g_autofree char *nothing = g_build_filename (fixture->dir, "fixture-unknown.png", NULL);
  g_auto(TanluTestRun) result = { 0 };
  g_auto(TanluTestRun) failed = { 0 };

  run_ok (fixture, &result, "render", "chart", "--spec", spec, "-o", output, NULL);
  tanlu_test_assert_png_size (output, 640, 360);

  run (fixture, &failed, "render", "chart", "--spec", unknown, "-o", nothing, NULL);
  g_assert_cmpint (failed.status, !=, 0);
  assert_contains (failed.err, "fixture-nonesuch");
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
}

/* Every refusal's message is UTF-8, even where the JSON parser quotes a
 * token it cut inside a character (found by fuzzing). */
static void
test_spec_messages_utf8 (void)
{
  static const char *const texts[] = {
    "{\"r-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa6210渝\", \"end_year\": 2100}",
    "{\"region\": \"510000\", \"name\": \"成都\" \"notes\": 1}",
    "{\"region\": 成都}",
  };

  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (cases, g_strdup (texts[i]));
  /* Keys of every length, so that the parser's cut falls inside 渝. */
  for (guint n = 1; n < 80; n++)
    {
      g_autofree char *padding = g_strnfill (n, 'a');

      g_ptr_array_add (cases, g_strdup_printf ("{\"%s渝渝\", \"end_year\": 2100}", padding));
    }

  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TanluPathwaySpec) spec =
        tanlu_pathway_spec_new_from_json (g_ptr_array_index (cases, i), -1, "fixture.json", &error);

      g_assert_null (spec);
      g_assert_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_SYNTAX);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "fixture.json"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/pathways/spec/messages-utf8", test_spec_messages_utf8);
  g_test_add_func ("/tanlu/pathways/engine/compound", test_engine_compound);
  g_test_add_func ("/tanlu/pathways/engine/rates", test_engine_rates);
  g_test_add_func ("/tanlu/pathways/engine/peak", test_engine_peak);
  g_test_add_func ("/tanlu/pathways/engine/cumulative", test_engine_cumulative);
  g_test_add_func ("/tanlu/pathways/engine/indices", test_engine_indices);
  g_test_add_func ("/tanlu/pathways/engine/per-person", test_engine_per_person);
  g_test_add_func ("/tanlu/pathways/engine/emissions-given", test_engine_emissions_given);
  g_test_add_func ("/tanlu/pathways/engine/removals", test_engine_removals);
  g_test_add_func ("/tanlu/pathways/engine/groups", test_engine_groups);
  g_test_add_func ("/tanlu/pathways/engine/errors", test_engine_errors);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/pathways/" path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func,     \
              tanlu_test_bundled_fixture_tear_down)

  ADD ("library/base-year", test_base_year);
  ADD ("library/preset-trend", test_preset_trend);
  ADD ("library/preset-targets", test_preset_targets);
  ADD ("library/preset-targets-all", test_preset_targets_all);
  ADD ("library/inheritance", test_inheritance);
  ADD ("library/inheritance-circular", test_inheritance_circular);
  ADD ("library/group-sum", test_group_sum);
  ADD ("library/group-members-without-data", test_group_members_without_data);

#undef ADD

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/pathways/cli/" path, CliFixture, NULL, cli_fixture_set_up, func,             \
              cli_fixture_tear_down)

  ADD ("run-minimal", test_cli_run_minimal);
  ADD ("run-preset", test_cli_run_preset);
  ADD ("bad-specs", test_cli_bad_specs);
  ADD ("import-circular", test_cli_import_circular);
  ADD ("drivers", test_cli_drivers);
  ADD ("export-import", test_cli_export_import);
  ADD ("chart", test_cli_chart);
  ADD ("sector-keyframe-before-base", test_cli_sector_keyframe_before_base);
  ADD ("inherited-drivers", test_cli_inherited_drivers);

#undef ADD

  g_test_add_func ("/tanlu/pathways/spec/minimal", test_spec_minimal);
  g_test_add_func ("/tanlu/pathways/spec/overlay", test_spec_overlay);
  g_test_add_func ("/tanlu/pathways/spec/round-trip", test_spec_round_trip);

  return g_test_run ();
}
