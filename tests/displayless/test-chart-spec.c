/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart-spec"

#include "config.h"

#include <math.h>
#include <string.h>

#include "charts/tanlu-chart-spec.h"
#include "charts/tanlu-chart.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

/* Specs are checked against a copy of the bundled database, which holds
 * the real CEADs figures: expected numbers are read from the store rather
 * than written down, so the tests follow the data. Titles, labels, inline
 * values, targets and corridors are made up ("fixture" in them). */

typedef TanluTestBundledFixture Fixture;

/* ---- helpers ---- */

static TanluChartSpec *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  TanluChartSpec *spec = tanlu_chart_spec_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);

  return spec;
}

/* Every resolved chart must also be drawable. */
static TanluChartData *
resolve_ok (const TanluChartSpec *spec,
            TanluStore           *store)
{
  g_autoptr(GError) error = NULL;
  TanluChartData *data = tanlu_chart_spec_resolve (spec, store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_true (tanlu_chart_data_validate (data, &error));
  g_assert_no_error (error);

  return data;
}

static TanluChartData *
resolve_json_ok (const char *json,
                 TanluStore *store)
{
  g_autoptr(TanluChartSpec) spec = parse_ok (json);

  return resolve_ok (spec, store);
}

static TanluChartSeries *
data_series (const TanluChartData *data,
             guint                 index)
{
  g_assert_cmpuint (index, <, data->series->len);

  return g_ptr_array_index (data->series, index);
}

static gboolean
lookup_year (GArray *points,
             guint   year,
             double *value)
{
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (points, TanluSeriesPoint, i);

      if (point->year == year)
        {
          *value = point->value;
          return TRUE;
        }
    }

  return FALSE;
}

static GArray *
store_series (TanluStore *store,
              guint       code,
              const char *indicator)
{
  g_autoptr(GError) error = NULL;
  GArray *points = tanlu_store_get_series (store, code, indicator, &error);

  g_assert_no_error (error);
  g_assert_nonnull (points);

  return points;
}

/* The sum, by year, of a region's values for every indicator for which
 * @member says yes. */
static GHashTable *
sum_indicators (TanluStore *store,
                guint       code,
                gboolean  (*member) (TanluIndicator *indicator))
{
  g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (store);
  GHashTable *sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < indicators->len; i++)
    {
      TanluIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr(GArray) points = NULL;

      if (!member (indicator))
        continue;

      points = store_series (store, code, tanlu_indicator_get_code (indicator));
      for (guint k = 0; k < points->len; k++)
        {
          const TanluSeriesPoint *point = &g_array_index (points, TanluSeriesPoint, k);
          double *sum = g_hash_table_lookup (sums, GUINT_TO_POINTER (point->year));

          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums, GUINT_TO_POINTER (point->year), sum);
            }
          *sum += point->value;
        }
    }

  return sums;
}

static gboolean
is_sector (TanluIndicator *indicator)
{
  return g_strcmp0 (tanlu_indicator_get_category (indicator), "sector") == 0;
}

static gboolean
is_fuel_or_process (TanluIndicator *indicator)
{
  return g_strcmp0 (tanlu_indicator_get_category (indicator), "fuel") == 0 ||
         g_strcmp0 (tanlu_indicator_get_category (indicator), "process") == 0;
}

static void
assert_relative (double value,
                 double expected)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-6 * MAX (fabs (expected), 1));
}

/* The stack, summed over its series, is @expected in every year shown,
 * and every series is on the same years. */
static void
assert_stack_sums (const TanluChartData *data,
                   GHashTable           *expected)
{
  const TanluChartSeries *first = data_series (data, 0);

  g_assert_cmpuint (first->n_points, ==, g_hash_table_size (expected));

  for (guint y = 0; y < first->n_points; y++)
    {
      double *sum = g_hash_table_lookup (expected, GUINT_TO_POINTER ((guint)first->x[y]));
      double total = 0;

      g_assert_nonnull (sum);
      for (guint s = 0; s < data->series->len; s++)
        {
          const TanluChartSeries *series = data_series (data, s);

          g_assert_cmpuint (series->n_points, ==, first->n_points);
          g_assert_cmpfloat (series->x[y], ==, first->x[y]);
          total += series->y[y];
        }

      assert_relative (total, *sum);
    }
}

static void
assert_spec_series_equal (const TanluChartSpecSeries *a,
                          const TanluChartSpecSeries *b)
{
  g_assert_cmpstr (a->region, ==, b->region);
  g_assert_cmpstr (a->indicator, ==, b->indicator);
  g_assert_cmpstr (a->label, ==, b->label);
  g_assert_cmpuint (a->first_year, ==, b->first_year);
  g_assert_cmpuint (a->last_year, ==, b->last_year);
  g_assert_cmpuint (a->projected_from, ==, b->projected_from);
  g_assert_true ((a->values == NULL) == (b->values == NULL));
  if (a->values != NULL)
    {
      g_assert_cmpuint (a->values->len, ==, b->values->len);
      for (guint k = 0; k < a->values->len; k++)
        g_assert_cmpfloat (g_array_index (a->values, double, k), ==,
                           g_array_index (b->values, double, k));
    }
}

static void
assert_specs_equal (const TanluChartSpec *a,
                    const TanluChartSpec *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->subtitle, ==, b->subtitle);
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpint (a->language, ==, b->language);
  g_assert_cmpint (a->theme, ==, b->theme);
  g_assert_cmpint (a->unit_scale, ==, b->unit_scale);
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  g_assert_cmpint (a->log_scale, ==, b->log_scale);
  g_assert_cmpint (a->percent, ==, b->percent);

  g_assert_cmpuint (a->series->len, ==, b->series->len);
  for (guint i = 0; i < a->series->len; i++)
    assert_spec_series_equal (g_ptr_array_index (a->series, i), g_ptr_array_index (b->series, i));

  g_assert_cmpint (a->breakdown, ==, b->breakdown);
  g_assert_cmpstr (a->breakdown_region, ==, b->breakdown_region);
  if (a->breakdown != TANLU_CHART_BREAKDOWN_NONE)
    g_assert_cmpuint (a->top, ==, b->top);

  g_assert_cmpstr (a->ranking_region, ==, b->ranking_region);
  g_assert_cmpstr (a->ranking_indicator, ==, b->ranking_indicator);
  g_assert_cmpuint (a->ranking_year, ==, b->ranking_year);

  g_assert_cmpuint (a->markers->len, ==, b->markers->len);
  g_assert_cmpuint (a->marker_labels->len, ==, a->markers->len);
  g_assert_cmpuint (b->marker_labels->len, ==, b->markers->len);
  for (guint i = 0; i < a->markers->len; i++)
    {
      const TanluChartMarker *ma = &g_array_index (a->markers, TanluChartMarker, i);
      const TanluChartMarker *mb = &g_array_index (b->markers, TanluChartMarker, i);

      g_assert_cmpfloat (ma->x, ==, mb->x);
      g_assert_cmpfloat (ma->y, ==, mb->y);
      g_assert_cmpstr (g_ptr_array_index (a->marker_labels, i), ==,
                       g_ptr_array_index (b->marker_labels, i));
    }

  g_assert_cmpuint (a->reference_years->len, ==, b->reference_years->len);
  for (guint i = 0; i < a->reference_years->len; i++)
    {
      g_assert_cmpfloat (g_array_index (a->reference_years, double, i), ==,
                         g_array_index (b->reference_years, double, i));
      g_assert_cmpstr (g_ptr_array_index (a->reference_labels, i), ==,
                       g_ptr_array_index (b->reference_labels, i));
    }

  g_assert_cmpuint (a->bands->len, ==, b->bands->len);
  for (guint i = 0; i < a->bands->len; i++)
    {
      const TanluChartBand *ba = g_ptr_array_index (a->bands, i);
      const TanluChartBand *bb = g_ptr_array_index (b->bands, i);

      g_assert_cmpstr (ba->label, ==, bb->label);
      g_assert_cmpuint (ba->n_points, ==, bb->n_points);
      g_assert_cmpuint (ba->color_index, ==, bb->color_index);
      for (guint k = 0; k < ba->n_points; k++)
        {
          g_assert_cmpfloat (ba->x[k], ==, bb->x[k]);
          g_assert_cmpfloat (ba->low[k], ==, bb->low[k]);
          g_assert_cmpfloat (ba->high[k], ==, bb->high[k]);
        }
    }
}

/* The spec API has no call for bands: they are plain structs freed with
 * g_free, like the parser makes them. */
static void
add_band (TanluChartSpec *spec,
          const char     *label,
          guint           n_points,
          const double   *rows)
{
  TanluChartBand *band = g_new0 (TanluChartBand, 1);

  band->label = g_strdup (label);
  band->n_points = n_points;
  band->x = g_new (double, n_points);
  band->low = g_new (double, n_points);
  band->high = g_new (double, n_points);
  band->color_index = spec->bands->len;
  for (guint k = 0; k < n_points; k++)
    {
      band->x[k] = rows[3 * k];
      band->low[k] = rows[3 * k + 1];
      band->high[k] = rows[3 * k + 2];
    }
  g_ptr_array_add (spec->bands, band);
}

static void
set_inline_values (TanluChartSpecSeries *series,
                   guint                 n_pairs,
                   const double         *pairs)
{
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (series->values, pairs, 2 * n_pairs);
}

/* ---- specs of every kind, built in code ---- */

static TanluChartSpec *
build_line_spec (void)
{
  static const double pathway[] = { 2019, 315.163, 2025, 290.1, 2030, 0.1 + 0.2 };
  static const double corridor[] = { 2020, 290, 320, 2025, 260.5, 310, 2030, 200, 290.75 };
  TanluChartSpec *spec = tanlu_chart_spec_new (TANLU_CHART_KIND_LINE);
  TanluChartSpecSeries *series;

  spec->name = g_strdup ("fixture-line");
  spec->title = g_strdup ("Fixture: 四川 and 重庆 against a made-up pathway");
  spec->subtitle = g_strdup ("Fixture subtitle");
  spec->source = g_strdup ("Fixture pathway, made up for the tests");
  spec->language = TANLU_CHART_LANGUAGE_CHINESE;
  spec->theme = TANLU_CHART_THEME_PRINT;
  spec->unit_scale = TANLU_CHART_UNIT_SCALE_WAN_TONNES;
  spec->width = 1280;
  spec->height = 720;
  spec->log_scale = TRUE;

  series = tanlu_chart_spec_add_series (spec, "510000", "co2.total");
  series->first_year = 2000;
  series->last_year = 2019;

  /* Only a first year: 0 leaves the end open. */
  series = tanlu_chart_spec_add_series (spec, "500000", "co2.total");
  series->first_year = 2005;
  series->label = g_strdup ("Fixture label for 重庆");

  series = tanlu_chart_spec_add_series (spec, NULL, NULL);
  series->label = g_strdup ("Fixture pathway");
  series->projected_from = 2020;
  set_inline_values (series, G_N_ELEMENTS (pathway) / 2, pathway);

  tanlu_chart_spec_add_marker (spec, 2030, 250.5, "Fixture target 2030");
  tanlu_chart_spec_add_marker (spec, 2060, 1e-3, NULL);
  tanlu_chart_spec_add_reference (spec, 2030, "Fixture 2030");
  tanlu_chart_spec_add_reference (spec, 2025.5, NULL);
  add_band (spec, "Fixture corridor", G_N_ELEMENTS (corridor) / 3, corridor);

  return spec;
}

static TanluChartSpec *
build_sector_spec (void)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (TANLU_CHART_KIND_STACKED_AREA);

  spec->title = g_strdup ("Fixture sectors");
  spec->breakdown = TANLU_CHART_BREAKDOWN_SECTOR;
  spec->breakdown_region = g_strdup ("510000");
  spec->top = 5;
  spec->percent = TRUE;
  spec->theme = TANLU_CHART_THEME_DARK;
  spec->unit_scale = TANLU_CHART_UNIT_SCALE_YI_TONNES;

  return spec;
}

static TanluChartSpec *
build_fuel_spec (void)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (TANLU_CHART_KIND_STACKED_AREA);

  spec->name = g_strdup ("fixture-fuels.svg");
  spec->breakdown = TANLU_CHART_BREAKDOWN_FUEL;
  spec->breakdown_region = g_strdup ("sichuan-chongqing");
  spec->top = 3;
  spec->unit_scale = TANLU_CHART_UNIT_SCALE_NONE;
  tanlu_chart_spec_add_reference (spec, 2015, "Fixture reference");

  return spec;
}

static TanluChartSpec *
build_bars_spec (void)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (TANLU_CHART_KIND_BARS);

  spec->name = g_strdup ("fixture-ranking");
  spec->ranking_region = g_strdup ("510000");
  spec->ranking_indicator = g_strdup ("co2.process");
  spec->ranking_year = 2015;
  spec->width = 900;
  spec->height = 1200;
  spec->language = TANLU_CHART_LANGUAGE_CHINESE;

  return spec;
}

static TanluChartSpec *
build_sparkline_spec (void)
{
  TanluChartSpec *spec = tanlu_chart_spec_new (TANLU_CHART_KIND_SPARKLINE);

  tanlu_chart_spec_add_series (spec, "100000", "co2.process");
  spec->width = 200;
  spec->height = 40;

  return spec;
}

typedef TanluChartSpec *(*SpecBuilder) (void);

static const struct
{
  const char  *name;
  SpecBuilder  build;
} round_trips[] = {
  { "line", build_line_spec },
  { "stacked-sectors", build_sector_spec },
  { "stacked-fuels", build_fuel_spec },
  { "bars", build_bars_spec },
  { "sparkline", build_sparkline_spec },
};

/* ---- JSON ---- */

static void
test_round_trip (gconstpointer data)
{
  SpecBuilder build = data;
  g_autoptr(TanluChartSpec) spec = build ();
  g_autoptr(TanluChartSpec) parsed = NULL;
  g_autoptr(TanluChartSpec) parsed_again = NULL;
  g_autofree char *json = tanlu_chart_spec_to_json (spec);
  g_autofree char *json_again = NULL;

  parsed = parse_ok (json);
  json_again = tanlu_chart_spec_to_json (parsed);
  g_assert_cmpstr (json, ==, json_again);
  assert_specs_equal (spec, parsed);

  /* And once more, from the spec that was read. */
  parsed_again = parse_ok (json_again);
  assert_specs_equal (spec, parsed_again);
}

static void
test_round_trip_resolves (Fixture       *fixture,
                          gconstpointer  unused)
{
  /* What is written and read back draws the same chart. */
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autoptr(TanluChartSpec) spec = round_trips[i].build ();
      g_autofree char *json = tanlu_chart_spec_to_json (spec);
      g_autoptr(TanluChartSpec) parsed = parse_ok (json);
      g_autoptr(TanluChartData) before = resolve_ok (spec, fixture->store);
      g_autoptr(TanluChartData) after = resolve_ok (parsed, fixture->store);

      g_test_message ("%s", round_trips[i].name);
      g_assert_cmpstr (before->title, ==, after->title);
      g_assert_cmpstr (before->source, ==, after->source);
      g_assert_cmpstr (before->data_date, ==, after->data_date);
      g_assert_cmpuint (before->series->len, ==, after->series->len);
      g_assert_cmpuint (before->categories->len, ==, after->categories->len);
      for (guint s = 0; s < before->series->len; s++)
        {
          const TanluChartSeries *a = data_series (before, s);
          const TanluChartSeries *b = data_series (after, s);

          g_assert_cmpstr (a->label, ==, b->label);
          g_assert_cmpuint (a->n_points, ==, b->n_points);
          g_assert_cmpuint (a->projected_from, ==, b->projected_from);
          for (guint k = 0; k < a->n_points; k++)
            {
              g_assert_cmpfloat (a->x[k], ==, b->x[k]);
              g_assert_cmpfloat (a->y[k], ==, b->y[k]);
            }
        }
    }
}

static void
test_round_trip_fields (void)
{
  g_autoptr(TanluChartSpec) spec = build_line_spec ();
  g_autofree char *json = tanlu_chart_spec_to_json (spec);
  g_autoptr(TanluChartSpec) parsed = parse_ok (json);
  const TanluChartSpecSeries *series;
  const TanluChartBand *band;

  /* Spelled out, so a bug shared by the writer and the comparison above
   * does not go unnoticed. */
  g_assert_cmpint (parsed->kind, ==, TANLU_CHART_KIND_LINE);
  g_assert_cmpstr (parsed->name, ==, "fixture-line");
  g_assert_cmpstr (parsed->title, ==, "Fixture: 四川 and 重庆 against a made-up pathway");
  g_assert_cmpint (parsed->language, ==, TANLU_CHART_LANGUAGE_CHINESE);
  g_assert_cmpint (parsed->theme, ==, TANLU_CHART_THEME_PRINT);
  g_assert_cmpint (parsed->unit_scale, ==, TANLU_CHART_UNIT_SCALE_WAN_TONNES);
  g_assert_cmpint (parsed->width, ==, 1280);
  g_assert_cmpint (parsed->height, ==, 720);
  g_assert_true (parsed->log_scale);
  g_assert_false (parsed->percent);

  g_assert_cmpuint (parsed->series->len, ==, 3);
  series = g_ptr_array_index (parsed->series, 0);
  g_assert_cmpstr (series->region, ==, "510000");
  g_assert_cmpuint (series->first_year, ==, 2000);
  g_assert_cmpuint (series->last_year, ==, 2019);
  series = g_ptr_array_index (parsed->series, 1);
  g_assert_cmpuint (series->first_year, ==, 2005);
  g_assert_cmpuint (series->last_year, ==, 0);
  series = g_ptr_array_index (parsed->series, 2);
  g_assert_null (series->region);
  g_assert_null (series->indicator);
  g_assert_cmpstr (series->label, ==, "Fixture pathway");
  g_assert_cmpuint (series->projected_from, ==, 2020);
  g_assert_cmpuint (series->values->len, ==, 6);
  g_assert_cmpfloat (g_array_index (series->values, double, 4), ==, 2030);
  g_assert_cmpfloat (g_array_index (series->values, double, 5), ==, 0.1 + 0.2);

  g_assert_cmpuint (parsed->markers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (parsed->marker_labels, 0), ==, "Fixture target 2030");
  g_assert_null (g_ptr_array_index (parsed->marker_labels, 1));
  g_assert_cmpfloat (g_array_index (parsed->markers, TanluChartMarker, 1).y, ==, 1e-3);
  g_assert_cmpuint (parsed->reference_years->len, ==, 2);
  g_assert_cmpfloat (g_array_index (parsed->reference_years, double, 1), ==, 2025.5);
  g_assert_null (g_ptr_array_index (parsed->reference_labels, 1));

  g_assert_cmpuint (parsed->bands->len, ==, 1);
  band = g_ptr_array_index (parsed->bands, 0);
  g_assert_cmpstr (band->label, ==, "Fixture corridor");
  g_assert_cmpuint (band->n_points, ==, 3);
  g_assert_cmpfloat (band->high[2], ==, 290.75);
}

static void
test_hand_written (void)
{
  static const char *json =
    "{\n"
    "  \"kind\": \"line\",\n"
    "  \"name\": \"fixture-hand-written\",\n"
    "  \"title\": \"Fixture: Sichuan against a made-up pathway\",\n"
    "  \"subtitle\": null,\n"
    "  \"source\": \"Fixture pathway, made up for the tests\",\n"
    "  \"language\": \"en\",\n"
    "  \"theme\": \"dark\",\n"
    "  \"unit_scale\": \"yi-tonnes\",\n"
    "  \"size\": [800, 450],\n"
    "  \"log_scale\": false,\n"
    "  \"series\": [\n"
    "    { \"region\": \"510000\", \"indicator\": \"co2.total\", \"years\": [2005, 2019] },\n"
    "    { \"label\": \"Fixture pathway\", \"values\": [[2019, 315], [2030, 250.5]], "
    "\"projected_from\": 2020 }\n"
    "  ],\n"
    "  \"markers\": [ { \"year\": 2030, \"value\": 250, \"label\": \"Fixture target\" } ],\n"
    "  \"reference_lines\": [ { \"year\": 2030, \"label\": \"2030\" } ],\n"
    "  \"bands\": [ { \"label\": \"Fixture corridor\", \"values\": [[2020, 290, 320], [2030, 200, "
    "280]] } ]\n"
    "}\n";
  g_autoptr(TanluChartSpec) spec = parse_ok (json);
  g_autoptr(TanluChartSpec) bars = NULL;
  g_autoptr(TanluChartSpec) stack = NULL;
  const TanluChartSpecSeries *series;
  const TanluChartBand *band;

  g_assert_cmpint (spec->kind, ==, TANLU_CHART_KIND_LINE);
  g_assert_cmpstr (spec->name, ==, "fixture-hand-written");
  g_assert_cmpstr (spec->title, ==, "Fixture: Sichuan against a made-up pathway");
  g_assert_null (spec->subtitle);
  g_assert_cmpstr (spec->source, ==, "Fixture pathway, made up for the tests");
  g_assert_cmpint (spec->language, ==, TANLU_CHART_LANGUAGE_ENGLISH);
  g_assert_cmpint (spec->theme, ==, TANLU_CHART_THEME_DARK);
  g_assert_cmpint (spec->unit_scale, ==, TANLU_CHART_UNIT_SCALE_YI_TONNES);
  g_assert_cmpint (spec->width, ==, 800);
  g_assert_cmpint (spec->height, ==, 450);
  g_assert_false (spec->log_scale);
  g_assert_cmpint (spec->breakdown, ==, TANLU_CHART_BREAKDOWN_NONE);
  g_assert_null (spec->ranking_region);

  g_assert_cmpuint (spec->series->len, ==, 2);
  series = g_ptr_array_index (spec->series, 0);
  g_assert_cmpstr (series->region, ==, "510000");
  g_assert_cmpstr (series->indicator, ==, "co2.total");
  g_assert_null (series->label);
  g_assert_null (series->values);
  g_assert_cmpuint (series->first_year, ==, 2005);
  g_assert_cmpuint (series->last_year, ==, 2019);
  g_assert_cmpuint (series->projected_from, ==, 0);
  series = g_ptr_array_index (spec->series, 1);
  g_assert_null (series->region);
  g_assert_cmpstr (series->label, ==, "Fixture pathway");
  g_assert_cmpuint (series->projected_from, ==, 2020);
  g_assert_cmpuint (series->values->len, ==, 4);
  g_assert_cmpfloat (g_array_index (series->values, double, 0), ==, 2019);
  g_assert_cmpfloat (g_array_index (series->values, double, 1), ==, 315);
  g_assert_cmpfloat (g_array_index (series->values, double, 3), ==, 250.5);

  g_assert_cmpuint (spec->markers->len, ==, 1);
  g_assert_cmpfloat (g_array_index (spec->markers, TanluChartMarker, 0).x, ==, 2030);
  g_assert_cmpfloat (g_array_index (spec->markers, TanluChartMarker, 0).y, ==, 250);
  g_assert_cmpstr (g_ptr_array_index (spec->marker_labels, 0), ==, "Fixture target");
  g_assert_cmpuint (spec->reference_years->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (spec->reference_labels, 0), ==, "2030");
  g_assert_cmpuint (spec->bands->len, ==, 1);
  band = g_ptr_array_index (spec->bands, 0);
  g_assert_cmpuint (band->n_points, ==, 2);
  g_assert_cmpfloat (band->x[1], ==, 2030);
  g_assert_cmpfloat (band->low[1], ==, 200);
  g_assert_cmpfloat (band->high[0], ==, 320);

  /* The smallest specs: everything else takes its default. */
  bars = parse_ok ("{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\"}}");
  g_assert_cmpstr (bars->ranking_region, ==, "510000");
  g_assert_null (bars->ranking_indicator);
  g_assert_cmpuint (bars->ranking_year, ==, 0);
  g_assert_cmpint (bars->width, ==, 1600);
  g_assert_cmpint (bars->height, ==, 900);
  g_assert_cmpint (bars->unit_scale, ==, TANLU_CHART_UNIT_SCALE_MT);
  g_assert_cmpint (bars->language, ==, TANLU_CHART_LANGUAGE_ENGLISH);
  g_assert_cmpint (bars->theme, ==, TANLU_CHART_THEME_LIGHT);
  g_assert_cmpuint (bars->series->len, ==, 0);

  stack = parse_ok ("{\"kind\": \"stacked-area\", \"percent\": true,"
                    " \"breakdown\": {\"by\": \"fuel\", \"region\": \"510000\"}}");
  g_assert_cmpint (stack->breakdown, ==, TANLU_CHART_BREAKDOWN_FUEL);
  g_assert_cmpstr (stack->breakdown_region, ==, "510000");
  g_assert_cmpuint (stack->top, ==, 8);
  g_assert_true (stack->percent);
}

/* Specs the parser refuses, each with a message naming what is wrong. */
static const struct
{
  const char *json;
  int         code;
  const char *message;
} parse_errors[] = {
  { "{\"kind\": \"line\", \"series\": [", TANLU_CHART_SPEC_ERROR_SYNTAX, "not valid JSON" },
  { "{\"kind\": \"line\" \"title\": \"Fixture\"}", TANLU_CHART_SPEC_ERROR_SYNTAX,
    "not valid JSON" },
  { "[1, 2]", TANLU_CHART_SPEC_ERROR_INVALID, "JSON object" },
  { "{}", TANLU_CHART_SPEC_ERROR_INVALID, "“kind”" },
  { "{\"kind\": null}", TANLU_CHART_SPEC_ERROR_INVALID, "“kind”" },
  { "{\"kind\": 3}", TANLU_CHART_SPEC_ERROR_INVALID, "“kind” must be text" },
  /* The whole message, so that the list of known kinds holds those and no more. */
  { "{\"kind\": \"pie\"}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“pie” is not a known kind (known: line, stacked-area, bars, sparkline)" },
  { "{\"kind\": \"line\", \"theme\": \"neon\"}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“neon” is not a known theme (known: light, dark, print)" },
  { "{\"kind\": \"line\", \"unit_scale\": \"kg\"}", TANLU_CHART_SPEC_ERROR_INVALID, "“kg”" },
  { "{\"kind\": \"line\", \"language\": \"fr\"}", TANLU_CHART_SPEC_ERROR_INVALID, "“language”" },
  { "{\"kind\": \"line\", \"title\": 5}", TANLU_CHART_SPEC_ERROR_INVALID, "“title” must be text" },
  { "{\"kind\": \"line\", \"size\": [0, 900]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": [1600, 0]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": [-1600, 900]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": [1600.5, 900]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": [1600]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": [90000, 900]}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"size\": \"big\"}", TANLU_CHART_SPEC_ERROR_INVALID, "“size”" },
  { "{\"kind\": \"line\", \"log_scale\": \"yes\"}", TANLU_CHART_SPEC_ERROR_INVALID, "“log_scale”" },
  { "{\"kind\": \"line\", \"log_scale\": [true]}", TANLU_CHART_SPEC_ERROR_INVALID, "“log_scale”" },
  { "{\"kind\": \"stacked-area\", \"percent\": 1}", TANLU_CHART_SPEC_ERROR_INVALID, "“percent”" },
  { "{\"kind\": \"line\", \"series\": \"510000\"}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“series” must be a list" },
  { "{\"kind\": \"line\", \"series\": [5]}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“series[0]” must be an object" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\"}]}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“series[0]” needs a region and an indicator or a pathway, or values" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}, "
    "{\"region\": \"500000\"}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[1]”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": 510000, \"indicator\": \"co2.total\"}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].region” must be text" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\", "
    "\"years\": [2019, 1997]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].years”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\", "
    "\"years\": \"1997-2019\"}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].years”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\", "
    "\"years\": [0, 0]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].years”" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": {\"2030\": 1}}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].values”" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": [[2030]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].values[0]”" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": [[2030, \"low\"]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].values[0]”" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": [[2030, 1], [2025, "
    "2]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].values” must go forward in time" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": [[2030, 1]], "
    "\"projected_from\": \"soon\"}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“series[0].projected_from”" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": \"sector\"}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“breakdown”" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"county\", \"region\": \"510000\"}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“county”" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"sector\", \"region\": 510000}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“breakdown.region” must be text" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"sector\", \"region\": \"510000\", "
    "\"top\": 0}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“breakdown.top”" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"sector\", \"region\": \"510000\", "
    "\"top\": \"five\"}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“breakdown.top”" },
  { "{\"kind\": \"bars\", \"ranking\": \"510000\"}", TANLU_CHART_SPEC_ERROR_INVALID, "“ranking”" },
  { "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"indicator\": 7}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“ranking.indicator” must be text" },
  { "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"year\": 19}}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“ranking.year”" },
  { "{\"kind\": \"line\", \"markers\": 5}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“markers” must be a list" },
  { "{\"kind\": \"line\", \"markers\": [{\"year\": 2030}]}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“markers[0]”" },
  { "{\"kind\": \"line\", \"markers\": [{\"year\": 2030, \"value\": 1, \"label\": 5}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“markers[].label” must be text" },
  { "{\"kind\": \"line\", \"reference_lines\": {\"year\": 2030}}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“reference_lines” must be a list" },
  { "{\"kind\": \"line\", \"reference_lines\": [{\"label\": \"Fixture\"}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“reference_lines[0]”" },
  { "{\"kind\": \"line\", \"reference_lines\": [{\"year\": 2030, \"label\": true}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“reference_lines[].label” must be text" },
  { "{\"kind\": \"line\", \"bands\": true}", TANLU_CHART_SPEC_ERROR_INVALID,
    "“bands” must be a list" },
  { "{\"kind\": \"line\", \"bands\": [{\"values\": [[2020, 1, 2]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“bands[0]”" },
  { "{\"kind\": \"line\", \"bands\": [{\"values\": [[2020, 1, 2], [2030, 3, 2]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“bands[0].values[1]”" },
  { "{\"kind\": \"line\", \"bands\": [{\"label\": 1, \"values\": [[2020, 1, 2], [2030, 1, 2]]}]}",
    TANLU_CHART_SPEC_ERROR_INVALID, "“bands[].label” must be text" },
};

static void
test_parse_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_errors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TanluChartSpec) spec = NULL;

      g_test_message ("%s", parse_errors[i].json);
      spec = tanlu_chart_spec_new_from_json (parse_errors[i].json, -1, &error);
      g_assert_null (spec);
      g_assert_error (error, TANLU_CHART_SPEC_ERROR, parse_errors[i].code);
      g_assert_nonnull (strstr (error->message, parse_errors[i].message));

      /* Without a GError to fill, the same spec fails quietly. */
      g_assert_null (tanlu_chart_spec_new_from_json (parse_errors[i].json, -1, NULL));
    }
}

/* JSON nested far deeper than any spec is refused before the parser,
 * whose recursion it would exhaust. */
static void
test_parse_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"kind\": \"line\", \"series\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluChartSpec) spec = NULL;

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  spec = tanlu_chart_spec_new_from_json (json->str, json->len, &error);
  g_assert_null (spec);
  g_assert_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "nests more than 64 levels deep"));
}

/* Strings JSON does not allow are refused before the parser, which would
 * turn them into labels that are not UTF-8 (found by fuzzing). */
static void
test_parse_bad_strings (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\"kind\": \"line\", \"title\": \"\\u621\xd6\xa3u90fd\"}",
      "line 1: a string holds an escape JSON does not know" },
    { "{\"kind\": \"line\", \"title\": \"\\udc00\"}", "half a UTF-16 surrogate pair" },
    { "{\"kind\": \"line\", \"title\": \"\\ud83d\\u0041\"}", "half a UTF-16 surrogate pair" },
    { "{\"kind\": \"line\",\n\"title\": \"two\nlines\"}", "line 2: a string holds a control character" },
    { "{\"kind\": \"line\", \"title\": \"\xcb\xc4\xb4\xa8\"}", "the text is not UTF-8" },
    { "{\"kind\": \"line\", \"title\": \"\\x41\"}", "an escape JSON does not know" },
    /* json-glib would read it as −1 */
    { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": "
      "[[2020, 123456789012345678901234567890]]}]}",
      "the whole number “123456789012345678901234567890” has more than 18 digits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TanluChartSpec) spec = tanlu_chart_spec_new_from_json (cases[i].json, -1, &error);

      g_assert_null (spec);
      g_test_message ("%s", error->message);
      g_assert_error (error, TANLU_CHART_SPEC_ERROR, TANLU_CHART_SPEC_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  /* The parser's own message quotes a token it may cut inside a
   * character; the message stays UTF-8 (found by fuzzing). */
  for (guint n = 1; n < 80; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *padding = g_strnfill (n, 'a');
      g_autofree char *json = g_strdup_printf ("{\"%s渝渝\", \"kind\": \"line\"}", padding);
      g_autoptr(TanluChartSpec) spec = tanlu_chart_spec_new_from_json (json, -1, &error);

      g_assert_null (spec);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* A pair written as escapes, and text as it is, are read. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TanluChartSpec) spec = tanlu_chart_spec_new_from_json (
      "{\"kind\": \"line\", \"title\": \"\\ud83d\\ude00 成都 \\u00e9\\n\"}", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (spec->title, ==, "\xf0\x9f\x98\x80 成都 é\n");
  }
}

/* Extreme values are written so that they read back: json-glib 1.6 writes
 * 1e308 as “1e+308.0” (found by fuzzing). */
static void
test_write_extreme_numbers (void)
{
  static const char json[] =
    "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture\", \"values\": "
    "[[2020, 1e308], [2021, 1e-7], [2022, -1e22], [2023, 5e-324], [2024, 123456789012345678]]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluChartSpec) spec = tanlu_chart_spec_new_from_json (json, -1, &error);
  g_autoptr(TanluChartSpec) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;

  g_assert_no_error (error);
  written = tanlu_chart_spec_to_json (spec);
  g_assert_null (strstr (written, "e+308.0"));
  g_assert_null (strstr (written, "e-07.0"));
  again = tanlu_chart_spec_new_from_json (written, -1, &error);
  g_assert_no_error (error);
  written_again = tanlu_chart_spec_to_json (again);
  g_assert_cmpstr (written_again, ==, written);
  g_assert_nonnull (strstr (written, "1e+308"));
}

/* Specs that read well but name what is not there. */
static const struct
{
  const char *json;
  GQuark    (*domain) (void);
  int         code;
  const char *message;
} resolve_errors[] = {
  { "{\"kind\": \"line\", \"series\": []}", tanlu_chart_spec_error_quark,
    TANLU_CHART_SPEC_ERROR_INVALID, "no series" },
  { "{\"kind\": \"line\"}", tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_INVALID,
    "no series" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"999999\", \"indicator\": \"co2.total\"}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION, "“999999”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"},"
    " {\"region\": \"fixture-nowhere\", \"indicator\": \"co2.total\"}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION, "“fixture-nowhere”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.mystery\"}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_UNKNOWN_INDICATOR, "“co2.mystery”" },
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\", "
    "\"years\": [1980, 1990]}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA,
    "Sichuan has no values for co2.total" },
  /* No year in which all 16 members of the circle have a value. */
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"chengdu-chongqing\", \"indicator\": "
    "\"co2.total\"}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA, "co2.total" },
  { "{\"kind\": \"line\", \"series\": [{\"label\": \"Fixture pathway\", \"values\": [[2020, 1], "
    "[2030, 2]]}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_INVALID, "“source”" },
  { "{\"kind\": \"line\", \"source\": \"Fixture\", \"series\": [{\"values\": [[2020, 1], [2030, "
    "2]]}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_INVALID,
    "“series[0]” gives values inline and needs a label" },
  { "{\"kind\": \"bars\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}]}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_INVALID, "“ranking”" },
  { "{\"kind\": \"bars\", \"ranking\": {\"region\": \"999999\"}}", tanlu_chart_spec_error_quark,
    TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION, "“999999”" },
  { "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"indicator\": \"co2.mystery\"}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_UNKNOWN_INDICATOR, "“co2.mystery”" },
  { "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"year\": 1990}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA, "1990" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"sector\", \"region\": \"999999\"}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION, "“999999”" },
  /* Chengdu has totals only. */
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"sector\", \"region\": \"510100\"}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA,
    "Chengdu has no figures by sector" },
  { "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"fuel\", \"region\": \"510100\"}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA,
    "Chengdu has no figures by fuel" },
  { "{\"kind\": \"stacked-area\", \"language\": \"zh\", \"breakdown\": {\"by\": \"sector\", "
    "\"region\": \"510100\"}}",
    tanlu_chart_spec_error_quark, TANLU_CHART_SPEC_ERROR_NO_DATA, "成都" },
  /* The parser takes a band's years as given; the chart refuses them
   * going backwards. */
  { "{\"kind\": \"line\", \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"}],"
    " \"bands\": [{\"label\": \"Fixture corridor\", \"values\": [[2030, 1, 2], [2020, 1, 2]]}]}",
    tanlu_chart_error_quark, TANLU_CHART_ERROR_INVALID, "“Fixture corridor”" },
};

static void
test_resolve_errors (Fixture       *fixture,
                     gconstpointer  unused)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolve_errors); i++)
    {
      g_autoptr(TanluChartSpec) spec = parse_ok (resolve_errors[i].json);
      g_autoptr(TanluChartData) data = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", resolve_errors[i].json);
      data = tanlu_chart_spec_resolve (spec, fixture->store, &error);
      g_assert_null (data);
      g_assert_error (error, resolve_errors[i].domain (), resolve_errors[i].code);
      g_assert_nonnull (strstr (error->message, resolve_errors[i].message));

      g_assert_null (tanlu_chart_spec_resolve (spec, fixture->store, NULL));
    }
}

/* ---- resolution against the bundled data ---- */

static void
test_resolve_lines (Fixture       *fixture,
                    gconstpointer  unused)
{
  static const struct
  {
    const char         *language;
    TanluChartLanguage  expected;
    const char         *labels[2];
    const char         *title;
  } cases[] = {
    { "en",
      TANLU_CHART_LANGUAGE_ENGLISH,
      { "Sichuan", "Chongqing" },
      "CO₂ emissions (scope 1 total)" },
    { "zh", TANLU_CHART_LANGUAGE_CHINESE, { "四川", "重庆" }, "二氧化碳排放（范围一合计）" },
  };
  static const guint codes[] = { 510000, 500000 };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"kind\": \"line\", \"language\": \"%s\", \"series\": ["
                         "{\"region\": \"510000\", \"indicator\": \"co2.total\"},"
                         "{\"region\": \"500000\", \"indicator\": \"co2.total\"}]}",
                         cases[c].language);
      g_autoptr(TanluChartData) data = resolve_json_ok (json, fixture->store);

      g_assert_cmpint (data->kind, ==, TANLU_CHART_KIND_LINE);
      g_assert_cmpint (data->language, ==, cases[c].expected);
      g_assert_cmpstr (data->title, ==, cases[c].title);
      g_assert_null (data->subtitle);
      g_assert_cmpstr (data->unit, ==, "Mt CO₂");
      g_assert_nonnull (strstr (data->source, "CEADs"));
      g_assert_cmpstr (data->data_date, ==, "1997–2019");
      g_assert_cmpuint (data->series->len, ==, 2);

      for (guint s = 0; s < G_N_ELEMENTS (codes); s++)
        {
          const TanluChartSeries *series = data_series (data, s);
          TanluRegion *region = tanlu_store_lookup_region (fixture->store, codes[s]);
          g_autoptr(GArray) points = store_series (fixture->store, codes[s], "co2.total");
          double value;

          /* The names as the store has them, in the spec's language. */
          g_assert_cmpstr (series->label, ==, cases[c].labels[s]);
          g_assert_cmpstr (series->label, ==,
                           cases[c].expected == TANLU_CHART_LANGUAGE_CHINESE
                             ? tanlu_region_get_name_zh (region)
                             : tanlu_region_get_name_en (region));
          g_assert_cmpuint (series->color_index, ==, s);
          g_assert_cmpuint (series->projected_from, ==, G_MAXUINT);

          g_assert_cmpuint (series->n_points, ==, 23);
          g_assert_cmpuint (series->n_points, ==, points->len);
          g_assert_cmpfloat (series->x[0], ==, 1997);
          g_assert_cmpfloat (series->x[22], ==, 2019);
          g_assert_true (lookup_year (points, 2019, &value));
          g_assert_cmpfloat (series->y[22], ==, value);
          for (guint k = 0; k < series->n_points; k++)
            {
              const TanluSeriesPoint *point = &g_array_index (points, TanluSeriesPoint, k);

              g_assert_cmpfloat (series->x[k], ==, point->year);
              g_assert_cmpfloat (series->y[k], ==, point->value);
            }
        }

      /* The values are in the store itself, not read from a cache of it. */
      if (c == 0)
        g_assert_cmpfloat_with_epsilon (data_series (data, 0)->y[22], 315.16335513633845, 1e-9);
    }
}

static void
test_resolve_years (Fixture       *fixture,
                    gconstpointer  unused)
{
  static const struct
  {
    const char *years;
    guint       first;
    guint       last;
    const char *data_date;
  } cases[] = {
    { "[2005, 2015]", 2005, 2015, "2005–2015" },
    { "[2019, 2019]", 2019, 2019, "2019" },
    { "[2010, 0]", 2010, 2019, "2010–2019" },
    { "[0, 2000]", 1997, 2000, "1997–2000" },
    { "[1990, 2030]", 1997, 2019, "1997–2019" },
  };
  g_autoptr(GArray) points = store_series (fixture->store, 510000, "co2.total");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"kind\": \"line\", \"series\": [{\"region\": \"510000\","
                         " \"indicator\": \"co2.total\", \"years\": %s}]}",
                         cases[c].years);
      g_autoptr(TanluChartData) data = resolve_json_ok (json, fixture->store);
      const TanluChartSeries *series = data_series (data, 0);

      g_test_message ("years %s", cases[c].years);
      g_assert_cmpuint (series->n_points, ==, cases[c].last - cases[c].first + 1);
      for (guint k = 0; k < series->n_points; k++)
        {
          double value;

          g_assert_cmpfloat (series->x[k], ==, cases[c].first + k);
          g_assert_true (lookup_year (points, cases[c].first + k, &value));
          g_assert_cmpfloat (series->y[k], ==, value);
        }
      g_assert_cmpstr (data->data_date, ==, cases[c].data_date);

      /* One series: the region names the chart. */
      g_assert_cmpstr (series->label, ==, "Sichuan");
      g_assert_cmpstr (data->subtitle, ==, "Sichuan");
    }
}

static void
test_resolve_group (Fixture       *fixture,
                    gconstpointer  unused)
{
  g_autoptr(TanluChartData) en = NULL;
  g_autoptr(TanluChartData) zh = NULL;
  g_autoptr(GArray) sichuan = store_series (fixture->store, 510000, "co2.total");
  g_autoptr(GArray) chongqing = store_series (fixture->store, 500000, "co2.total");
  const TanluChartSeries *series;

  en = resolve_json_ok ("{\"kind\": \"line\", \"series\": [{\"region\": \"sichuan-chongqing\","
                        " \"indicator\": \"co2.total\"}]}", fixture->store);
  series = data_series (en, 0);
  g_assert_cmpstr (series->label, ==, "Sichuan and Chongqing (sum of 2 members)");
  g_assert_cmpstr (en->subtitle, ==, series->label);
  g_assert_cmpuint (series->n_points, ==, 23);
  for (guint k = 0; k < series->n_points; k++)
    {
      double a, b;

      g_assert_true (lookup_year (sichuan, series->x[k], &a));
      g_assert_true (lookup_year (chongqing, series->x[k], &b));
      assert_relative (series->y[k], a + b);
    }

  /* The sums are credited to the members' source. */
  g_assert_nonnull (strstr (en->source, "CEADs provincial"));
  g_assert_cmpstr (en->data_date, ==, "1997–2019");

  zh = resolve_json_ok (
    "{\"kind\": \"line\", \"language\": \"zh\", \"series\": [{\"region\": \"sichuan-chongqing\","
    " \"indicator\": \"co2.total\"}, {\"region\": \"510000\", \"indicator\": \"co2.total\"}]}",
    fixture->store);
  g_assert_cmpstr (data_series (zh, 0)->label, ==, "川渝（四川省与重庆市）（2 个成员合计）");
  g_assert_nonnull (strstr (data_series (zh, 0)->label, "个成员合计"));
  g_assert_cmpstr (data_series (zh, 1)->label, ==, "四川");
  g_assert_nonnull (strstr (zh->source, "CEADs"));
}

static void
test_resolve_inline (Fixture       *fixture,
                     gconstpointer  unused)
{
  g_autoptr(TanluChartData) data = NULL;
  const TanluChartSeries *pathway;
  const TanluChartMarker *marker;
  const TanluChartBand *band;

  data = resolve_json_ok (
    "{\"kind\": \"line\", \"title\": \"Fixture pathway chart\","
    " \"source\": \"Fixture pathway, made up for the tests\","
    " \"size\": [1000, 500], \"log_scale\": true, \"theme\": \"dark\","
    " \"series\": [{\"region\": \"510000\", \"indicator\": \"co2.total\"},"
    "  {\"label\": \"Fixture pathway\", \"values\": [[2019, 315], [2025, 290], [2030, 250]],"
    "   \"projected_from\": 2020}],"
    " \"markers\": [{\"year\": 2030, \"value\": 250, \"label\": \"Fixture target\"}],"
    " \"reference_lines\": [{\"year\": 2030, \"label\": \"Fixture 2030\"}],"
    " \"bands\": [{\"label\": \"Fixture corridor\", \"values\": [[2020, 290, 320], [2030, 200, "
    "280]]}]}",
    fixture->store);

  g_assert_cmpstr (data->title, ==, "Fixture pathway chart");
  g_assert_true (data->log_scale);
  g_assert_cmpint (data->theme, ==, TANLU_CHART_THEME_DARK);
  g_assert_cmpint (data->width, ==, 1000);
  g_assert_cmpint (data->height, ==, 500);
  g_assert_cmpuint (data->series->len, ==, 2);

  pathway = data_series (data, 1);
  g_assert_cmpstr (pathway->label, ==, "Fixture pathway");
  g_assert_cmpuint (pathway->n_points, ==, 3);
  g_assert_cmpfloat (pathway->x[1], ==, 2025);
  g_assert_cmpfloat (pathway->y[2], ==, 250);
  /* 2025 is the first point after 2020. */
  g_assert_cmpuint (pathway->projected_from, ==, 1);
  g_assert_cmpuint (pathway->color_index, ==, 1);

  /* The spec's own source first, then the store's. */
  g_assert_true (g_str_has_prefix (data->source, "Fixture pathway, made up for the tests; "));
  g_assert_nonnull (strstr (data->source, "CEADs"));
  /* The date is that of the store's values; the pathway to 2030 is not data. */
  g_assert_cmpstr (data->data_date, ==, "1997–2019");

  g_assert_cmpuint (data->markers->len, ==, 1);
  marker = g_ptr_array_index (data->markers, 0);
  g_assert_cmpfloat (marker->x, ==, 2030);
  g_assert_cmpstr (marker->label, ==, "Fixture target");
  g_assert_cmpuint (data->reference_lines->len, ==, 1);
  g_assert_cmpstr (
    ((TanluChartReferenceLine *) g_ptr_array_index (data->reference_lines, 0))->label, ==,
    "Fixture 2030");
  g_assert_cmpuint (data->bands->len, ==, 1);
  band = g_ptr_array_index (data->bands, 0);
  g_assert_cmpstr (band->label, ==, "Fixture corridor");
  g_assert_cmpuint (band->n_points, ==, 2);
  g_assert_cmpfloat (band->low[1], ==, 200);
  g_assert_cmpfloat (band->high[0], ==, 320);
}

typedef struct
{
  double      value;
  const char *name;
} NamedValue;

static int
compare_named_descending (gconstpointer a,
                          gconstpointer b)
{
  const NamedValue *na = a;
  const NamedValue *nb = b;

  return (na->value < nb->value) - (na->value > nb->value);
}

static void
test_resolve_sectors (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(TanluChartData) data = NULL;
  g_autoptr(TanluChartData) zh = NULL;
  g_autoptr(GHashTable) sector_sums = sum_indicators (fixture->store, 510000, is_sector);
  g_autoptr(GArray) totals = store_series (fixture->store, 510000, "co2.total");
  g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (fixture->store);
  g_autoptr(GArray) latest = g_array_new (FALSE, FALSE, sizeof (NamedValue));

  data =
    resolve_json_ok ("{\"kind\": \"stacked-area\", \"percent\": true,"
                     " \"breakdown\": {\"by\": \"sector\", \"region\": \"510000\", \"top\": 5}}",
                     fixture->store);

  g_assert_cmpint (data->kind, ==, TANLU_CHART_KIND_STACKED_AREA);
  g_assert_true (data->percent);
  g_assert_cmpstr (data->title, ==, "CO₂ emissions by sector");
  g_assert_cmpstr (data->subtitle, ==, "Sichuan");
  g_assert_cmpstr (data->unit, ==, "Mt CO₂");
  g_assert_cmpstr (data->data_date, ==, "1997–2019");
  g_assert_nonnull (strstr (data->source, "CEADs"));

  /* The five largest, then the rest as one. */
  g_assert_cmpuint (data->series->len, ==, 6);
  g_assert_cmpstr (data_series (data, 5)->label, ==, "Other");
  for (guint s = 0; s < data->series->len; s++)
    {
      const TanluChartSeries *series = data_series (data, s);

      g_assert_false (g_str_has_prefix (series->label, "Sector"));
      g_assert_null (strstr (series->label, ": "));
      g_assert_cmpuint (series->color_index, ==, s);
      g_assert_cmpuint (series->n_points, ==, 23);
      if (s > 0 && s < 5)
        g_assert_cmpfloat (series->y[22], <=, data_series (data, s - 1)->y[22]);
    }

  /* Nothing is lost to "Other": every year, the stack is the sum of all
   * sectors, which CEADs makes the total. */
  assert_stack_sums (data, sector_sums);
  for (guint y = 0; y < data_series (data, 0)->n_points; y++)
    {
      double total = 0;
      double expected;

      for (guint s = 0; s < data->series->len; s++)
        total += data_series (data, s)->y[y];
      g_assert_true (lookup_year (totals, data_series (data, 0)->x[y], &expected));
      assert_relative (total, expected);
    }

  /* The five shown are the largest in 2019, by the store. */
  for (guint i = 0; i < indicators->len; i++)
    {
      TanluIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr(GArray) points = NULL;
      NamedValue item = { 0, tanlu_indicator_get_name_en (indicator) };

      if (!is_sector (indicator))
        continue;
      points = store_series (fixture->store, 510000, tanlu_indicator_get_code (indicator));
      g_assert_true (lookup_year (points, 2019, &item.value));
      g_array_append_val (latest, item);
    }
  g_assert_cmpuint (latest->len, ==, 47);
  g_array_sort (latest, compare_named_descending);
  for (guint s = 0; s < 5; s++)
    {
      const NamedValue *item = &g_array_index (latest, NamedValue, s);

      g_assert_true (g_str_has_prefix (item->name, "Sector: "));
      g_assert_cmpstr (data_series (data, s)->label, ==, item->name + strlen ("Sector: "));
      g_assert_cmpfloat (data_series (data, s)->y[22], ==, item->value);
    }

  zh = resolve_json_ok ("{\"kind\": \"stacked-area\", \"language\": \"zh\","
                        " \"breakdown\": {\"by\": \"sector\", \"region\": \"510000\", \"top\": 5}}",
                        fixture->store);
  g_assert_cmpuint (zh->series->len, ==, 6);
  g_assert_cmpstr (data_series (zh, 5)->label, ==, "其他");
  g_assert_cmpstr (zh->title, ==, "按部门的二氧化碳排放");
  for (guint s = 0; s < zh->series->len; s++)
    {
      g_assert_false (g_str_has_prefix (data_series (zh, s)->label, "部门"));
      g_assert_null (strstr (data_series (zh, s)->label, "："));
    }
  assert_stack_sums (zh, sector_sums);
}

static void
test_resolve_fuels (Fixture       *fixture,
                    gconstpointer  unused)
{
  static const char * const expected[] = { "Coal", "Oil", "Natural gas", "Industrial processes" };
  g_autoptr(TanluChartData) data = NULL;
  g_autoptr(TanluChartData) zh = NULL;
  g_autoptr(GHashTable) sums = sum_indicators (fixture->store, 510000, is_fuel_or_process);
  g_autoptr(GArray) other_energy = store_series (fixture->store, 510000, "co2.other_energy");

  /* "Other energy" is a placeholder in CEADs, all zero: stored as missing,
   * so the breakdown has no such part. */
  g_assert_cmpuint (other_energy->len, ==, 0);

  data = resolve_json_ok (
    "{\"kind\": \"stacked-area\", \"breakdown\": {\"by\": \"fuel\", \"region\": \"510000\"}}",
    fixture->store);
  g_assert_cmpstr (data->title, ==, "CO₂ emissions by fuel");
  g_assert_cmpuint (data->series->len, ==, G_N_ELEMENTS (expected));
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      gboolean found = FALSE;

      for (guint s = 0; s < data->series->len; s++)
        found |= g_strcmp0 (data_series (data, s)->label, expected[e]) == 0;
      g_assert_true (found);
    }
  for (guint s = 0; s < data->series->len; s++)
    {
      g_assert_cmpstr (data_series (data, s)->label, !=, "Other energy");
      g_assert_cmpstr (data_series (data, s)->label, !=, "Other");
    }
  assert_stack_sums (data, sums);

  zh = resolve_json_ok ("{\"kind\": \"stacked-area\", \"language\": \"zh\","
                        " \"breakdown\": {\"by\": \"fuel\", \"region\": \"510000\"}}",
                        fixture->store);
  g_assert_cmpuint (zh->series->len, ==, 4);
  for (guint s = 0; s < zh->series->len; s++)
    g_assert_cmpstr (data_series (zh, s)->label, !=, "其他能源");
}

static void
test_resolve_ranking (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(TanluChartData) data = NULL;
  g_autoptr(TanluChartData) year_2005 = NULL;
  g_autoptr(GArray) level = NULL;
  g_autoptr(GArray) sichuan = store_series (fixture->store, 510000, "co2.total");
  g_autoptr(GError) error = NULL;
  const TanluChartSeries *series;
  double value;

  level = tanlu_store_get_level_values (fixture->store, TANLU_REGION_LEVEL_PROVINCE, "co2.total",
                                        2019, &error);
  g_assert_no_error (error);

  data = resolve_json_ok (
    "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"indicator\": \"co2.total\"}}",
    fixture->store);
  g_assert_cmpint (data->kind, ==, TANLU_CHART_KIND_BARS);
  g_assert_cmpstr (data->title, ==, "CO₂ emissions (scope 1 total), ranked, 2019");
  g_assert_cmpstr (data->subtitle, ==, "Sichuan");
  g_assert_cmpstr (data->data_date, ==, "2019");
  g_assert_nonnull (strstr (data->source, "CEADs"));

  /* The provincial units with a value in Sichuan's latest year. */
  g_assert_cmpuint (data->categories->len, ==, 30);
  g_assert_cmpuint (data->categories->len, ==, level->len);
  g_assert_cmpuint (data->series->len, ==, 1);
  series = data_series (data, 0);
  g_assert_cmpuint (series->n_points, ==, 30);
  for (guint i = 1; i < series->n_points; i++)
    g_assert_cmpfloat (series->y[i], <=, series->y[i - 1]);

  g_assert_cmpint (data->highlight, >=, 0);
  g_assert_cmpint (data->highlight, <, 30);
  g_assert_cmpstr (g_ptr_array_index (data->categories, data->highlight), ==, "Sichuan");
  g_assert_true (lookup_year (sichuan, 2019, &value));
  g_assert_cmpfloat (series->y[data->highlight], ==, value);
  g_assert_true (
    g_ptr_array_find_with_equal_func (data->categories, "Chongqing", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (data->categories, "China", g_str_equal, NULL));

  /* A year of one's own choosing, and the default indicator. */
  year_2005 = resolve_json_ok (
    "{\"kind\": \"bars\", \"ranking\": {\"region\": \"510000\", \"year\": 2005}}", fixture->store);
  g_assert_cmpstr (year_2005->data_date, ==, "2005");
  g_assert_true (lookup_year (sichuan, 2005, &value));
  g_assert_cmpint (year_2005->highlight, >=, 0);
  g_assert_cmpstr (g_ptr_array_index (year_2005->categories, year_2005->highlight), ==, "Sichuan");
  g_assert_cmpfloat (data_series (year_2005, 0)->y[year_2005->highlight], ==, value);
}

static void
test_resolve_ranking_nation (Fixture       *fixture,
                             gconstpointer  unused)
{
  g_autoptr(TanluChartData) data = NULL;
  const TanluChartSeries *series;

  data = resolve_json_ok (
    "{\"kind\": \"bars\", \"language\": \"zh\", \"ranking\": {\"region\": \"100000\"}}",
    fixture->store);

  /* The nation is not among its provinces: nothing is highlighted. */
  g_assert_cmpint (data->highlight, ==, -1);
  g_assert_cmpuint (data->categories->len, ==, 30);
  g_assert_true (g_ptr_array_find_with_equal_func (data->categories, "四川", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (data->categories, "中国", g_str_equal, NULL));
  g_assert_cmpstr (data->title, ==, "二氧化碳排放（范围一合计），2019 年排名");
  series = data_series (data, 0);
  for (guint i = 1; i < series->n_points; i++)
    g_assert_cmpfloat (series->y[i], <=, series->y[i - 1]);
}

static void
test_resolve_ranking_group (Fixture       *fixture,
                            gconstpointer  unused)
{
  g_autoptr(TanluChartData) data = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autofree char *year_text = NULL;
  TanluRegion *group = tanlu_store_lookup_region_by_key (fixture->store, "chengdu-chongqing");
  const TanluChartSeries *series;
  const guint *members;
  guint n_members;
  guint n_with_data = 0;
  guint best_year = 0;
  guint best_count = 0;

  /* Which members report in which year, by the store. */
  g_assert_nonnull (group);
  members = tanlu_region_get_member_codes (group, &n_members);
  g_assert_cmpuint (n_members, ==, 16);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GArray) points = store_series (fixture->store, members[i], "co2.total");

      if (points->len > 0)
        n_with_data++;
      for (guint k = 0; k < points->len; k++)
        {
          gpointer year = GUINT_TO_POINTER (g_array_index (points, TanluSeriesPoint, k).year);

          g_hash_table_insert (
            counts, year,
            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, year)) + 1));
        }
    }
  {
    GHashTableIter iter;
    gpointer year, count;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &year, &count))
      if (GPOINTER_TO_UINT (count) > best_count ||
          (GPOINTER_TO_UINT (count) == best_count && GPOINTER_TO_UINT (year) > best_year))
        {
          best_count = GPOINTER_TO_UINT (count);
          best_year = GPOINTER_TO_UINT (year);
        }
  }
  g_assert_cmpuint (n_with_data, ==, 13);
  g_assert_cmpuint (best_count, <, n_members);

  data = resolve_json_ok ("{\"kind\": \"bars\", \"ranking\": {\"region\": \"chengdu-chongqing\"}}",
                          fixture->store);

  /* The latest of the years in which the most members report. */
  g_assert_cmpuint (best_year, ==, 2016);
  g_assert_cmpuint (best_count, ==, 12);
  year_text = g_strdup_printf ("%u", best_year);
  g_assert_cmpstr (data->data_date, ==, year_text);
  g_assert_nonnull (strstr (data->title, year_text));
  g_assert_cmpuint (data->categories->len, ==, best_count);
  g_assert_cmpint (data->highlight, ==, -1);
  g_assert_true (g_ptr_array_find_with_equal_func (data->categories, "Chengdu", g_str_equal, NULL));
  /* The bars are the members, not their sum, and not all of them. */
  {
    g_autofree char *subtitle = g_strdup_printf (
      "Chengdu–Chongqing Economic Circle: %u of 16 members have figures for %u", best_count,
      best_year);

    g_assert_cmpstr (data->subtitle, ==, subtitle);
  }

  series = data_series (data, 0);
  g_assert_cmpuint (series->n_points, ==, best_count);
  for (guint i = 1; i < series->n_points; i++)
    g_assert_cmpfloat (series->y[i], <=, series->y[i - 1]);
  g_assert_nonnull (strstr (data->source, "CEADs city"));
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const unsigned char *bytes = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (const void *) (bytes + (int) round (y) * stride))[(int) round (x)] &
         0xffffff;
}

/* Ningxia 2000–2002 have every fuel missing in CEADs: those points are
 * drawn hollow, on the background, and the note under the chart says so,
 * in English and Chinese. */
static void
test_resolve_incomplete_points (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char json[] =
    "{\"kind\": \"line\", \"unit_scale\": \"mt\", \"theme\": \"light\", "
    "\"series\": [{\"region\": \"640000\", \"indicator\": \"co2.total\"}]}";
  g_autoptr(TanluChartData) chart = resolve_json_ok (json, fixture->store);
  g_autoptr(TanluChartSpec) spec = parse_ok (json);
  g_autoptr(TanluChartData) chinese = NULL;
  TanluChartSeries *series = data_series (chart, 0);
  g_autofree char *described = NULL;
  TanluChartLayout layout = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_flagged = 0;
  guint32 background = 0, line = 0;

  g_assert_nonnull (series->flagged);
  for (guint i = 0; i < series->n_points; i++)
    {
      gboolean expected = series->x[i] >= 2000 && series->x[i] <= 2002;

      g_assert_cmpint (series->flagged[i], ==, expected);
      n_flagged += series->flagged[i];
    }
  g_assert_cmpuint (n_flagged, ==, 3);
  g_assert_cmpstr (chart->note, ==, "Ningxia 2000–2002 incomplete in the source (hollow points)");
  described = tanlu_chart_describe (chart);
  g_assert_nonnull (strstr (described, "Note: Ningxia 2000–2002 incomplete in the source"));

  spec->language = TANLU_CHART_LANGUAGE_CHINESE;
  chinese = resolve_ok (spec, fixture->store);
  g_assert_cmpstr (chinese->note, ==, "宁夏 2000–2002 年的数据来源不完整（空心点）");

  /* Drawn: the centre of 2001's point has the background's colour, the
   * centre of 2010's the line's. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
  cr = cairo_create (surface);
  tanlu_chart_draw (cr, chart, 1280, 720, &layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < series->n_points; i++)
    {
      double x = layout.plot_x + (series->x[i] - layout.x_min) / (layout.x_max - layout.x_min) *
                                   layout.plot_width;
      double y = layout.plot_y + (1 - (series->y[i] - layout.y_min) /
                                        (layout.y_max - layout.y_min)) * layout.plot_height;

      if (series->x[i] == 2001)
        background = pixel_at (surface, x, y);
      else if (series->x[i] == 2010)
        line = pixel_at (surface, x, y);
    }
  g_assert_cmphex (background, ==, pixel_at (surface, 2, 2));
  g_assert_cmphex (line, !=, pixel_at (surface, 2, 2));
  cairo_surface_destroy (surface);
  tanlu_chart_layout_clear (&layout);
}

/* 莱芜 merged into 济南 in 2019: its line shows where the territory
 * changed and says what changed. */
static void
test_resolve_break_line (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TanluChartData) chart = resolve_json_ok (
    "{\"kind\": \"line\", \"series\": [{\"region\": \"370100\", \"indicator\": \"co2.total\"}]}",
    fixture->store);
  g_autoptr(TanluChartData) before = resolve_json_ok (
    "{\"kind\": \"line\", \"series\": [{\"region\": \"370100\", \"indicator\": \"co2.total\", "
    "\"years\": [2005, 2017]}]}",
    fixture->store);
  TanluChartReferenceLine *reference;

  g_assert_cmpuint (chart->reference_lines->len, ==, 1);
  reference = g_ptr_array_index (chart->reference_lines, 0);
  g_assert_cmpfloat (reference->x, ==, 2018.5);
  g_assert_cmpstr (reference->label, ==, "Jinan: territory changed");
  g_assert_nonnull (strstr (chart->note, "Laiwu"));
  g_assert_nonnull (strstr (chart->note, "2019"));
  g_assert_nonnull (strstr (chart->note, "earlier years cover another territory"));

  /* Years that do not reach the change need no line. */
  g_assert_cmpuint (before->reference_lines->len, ==, 0);
  g_assert_null (before->note);
}

/* A ranking leaves out figures incomplete in the source and says so; a
 * group's ranking says how many members it has figures for. */
static void
test_resolve_ranking_honest (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TanluChartData) provinces = resolve_json_ok (
    "{\"kind\": \"bars\", \"ranking\": {\"region\": \"100000\", \"indicator\": \"co2.total\", "
    "\"year\": 2001}}",
    fixture->store);
  g_autoptr(TanluChartData) group = resolve_json_ok (
    "{\"kind\": \"bars\", \"ranking\": {\"region\": \"chengdu-chongqing\"}}", fixture->store);

  for (guint i = 0; i < provinces->categories->len; i++)
    g_assert_cmpstr (g_ptr_array_index (provinces->categories, i), !=, "Ningxia");
  g_assert_cmpuint (provinces->categories->len, ==, 29);
  g_assert_cmpstr (provinces->note, ==, "Ningxia not ranked: incomplete in the source in 2001");

  g_assert_cmpuint (group->categories->len, ==, 12);
  g_assert_nonnull (strstr (group->subtitle, "12 of 16 members have figures for 2016"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/tanlu/chart-spec/json/round-trip/%s", round_trips[i].name);

      g_test_add_data_func (path, round_trips[i].build, test_round_trip);
    }
  g_test_add_func ("/tanlu/chart-spec/json/round-trip-fields", test_round_trip_fields);
  g_test_add_func ("/tanlu/chart-spec/json/hand-written", test_hand_written);
  g_test_add_func ("/tanlu/chart-spec/json/errors", test_parse_errors);
  g_test_add_func ("/tanlu/chart-spec/json/deep-nesting", test_parse_deep_nesting);
  g_test_add_func ("/tanlu/chart-spec/json/bad-strings", test_parse_bad_strings);
  g_test_add_func ("/tanlu/chart-spec/json/extreme-numbers", test_write_extreme_numbers);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/chart-spec/" path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func,   \
              tanlu_test_bundled_fixture_tear_down)

  ADD ("json/round-trip-resolves", test_round_trip_resolves);
  ADD ("resolve/errors", test_resolve_errors);
  ADD ("resolve/lines", test_resolve_lines);
  ADD ("resolve/years", test_resolve_years);
  ADD ("resolve/group", test_resolve_group);
  ADD ("resolve/inline", test_resolve_inline);
  ADD ("resolve/sectors", test_resolve_sectors);
  ADD ("resolve/fuels", test_resolve_fuels);
  ADD ("resolve/ranking", test_resolve_ranking);
  ADD ("resolve/ranking-nation", test_resolve_ranking_nation);
  ADD ("resolve/incomplete-points", test_resolve_incomplete_points);
  ADD ("resolve/break-line", test_resolve_break_line);
  ADD ("resolve/ranking-honest", test_resolve_ranking_honest);
  ADD ("resolve/ranking-group", test_resolve_ranking_group);

#undef ADD

  return g_test_run ();
}
