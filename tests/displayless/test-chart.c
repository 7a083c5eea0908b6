/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "charts/tanlu-chart-scale.h"
#include "charts/tanlu-chart.h"
#include "tanlu-test-golden.h"

#ifndef TANLU_TEST_SOURCE_DIR
#error "TANLU_TEST_SOURCE_DIR must name the source tree"
#endif

/* Every series, target and label below is made up for the tests
 * ("fixture" in the names); none of it is real emission data. */

static char *tmp_dir;

/* ---- helpers ---- */

static TanluChartSeries *
series_new (const char *label,
            double      first_year,
            guint       n_points,
            guint       color_index)
{
  TanluChartSeries *series = tanlu_chart_series_new (label, n_points);

  for (guint i = 0; i < n_points; i++)
    series->x[i] = first_year + i;
  series->color_index = color_index;

  return series;
}

static gboolean
boxes_intersect (const TanluChartBox *a,
                 const TanluChartBox *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6
         && a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

/* No two text boxes overlap and none leaves the drawing. */
static void
assert_layout_readable (const TanluChartLayout *layout,
                        double                  width,
                        double                  height)
{
  g_assert_nonnull (layout->boxes);

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const TanluChartBox *a = &g_array_index (layout->boxes, TanluChartBox, i);

      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);
      g_assert_cmpfloat (a->x, >=, -0.01);
      g_assert_cmpfloat (a->y, >=, -0.01);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.01);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.01);

      for (guint j = i + 1; j < layout->boxes->len; j++)
        {
          const TanluChartBox *b = &g_array_index (layout->boxes, TanluChartBox, j);

          if (boxes_intersect (a, b))
            g_error ("Text boxes %u (kind %d, %.1f,%.1f %.1f×%.1f) and %u (kind %d, "
                     "%.1f,%.1f %.1f×%.1f) overlap",
                     i, a->kind, a->x, a->y, a->width, a->height,
                     j, b->kind, b->x, b->y, b->width, b->height);
        }
    }
}

static guint
count_boxes (const TanluChartLayout *layout,
             TanluChartBoxKind       kind)
{
  guint count = 0;

  for (guint i = 0; i < layout->boxes->len; i++)
    if (g_array_index (layout->boxes, TanluChartBox, i).kind == kind)
      count++;

  return count;
}

/* Each series is named once, at its line's end or in the legend. */
static void
assert_series_named (const TanluChartLayout *layout,
                     guint                   n_series)
{
  for (guint s = 0; s < n_series; s++)
    {
      guint found = 0;

      for (guint i = 0; i < layout->boxes->len; i++)
        {
          const TanluChartBox *box = &g_array_index (layout->boxes, TanluChartBox, i);

          if ((box->kind == TANLU_CHART_BOX_END_LABEL || box->kind == TANLU_CHART_BOX_LEGEND_ITEM)
              && box->index == (int) s)
            found++;
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

static void
draw_into_image (const TanluChartData *data,
                 int                   width,
                 int                   height,
                 TanluChartLayout     *layout,
                 cairo_surface_t     **surface_out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  tanlu_chart_draw (cr, data, width, height, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (surface_out != NULL)
    *surface_out = surface;
  else
    cairo_surface_destroy (surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (const void *) (data + y * stride))[x] & 0xffffff;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

/* ---- fixtures ---- */

/* A province observed 1997–2019 and projected to 2035, a city, a
 * corridor, two targets and two reference years. */
static TanluChartData *
fixture_line (void)
{
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartSeries *province = series_new ("Fixture province", 1997, 39, 0);
  TanluChartSeries *city = series_new ("Fixture city", 1997, 23, 1);
  TanluChartBand *band;

  data->title = g_strdup ("Fixture: CO₂ emissions and targets");
  data->subtitle = g_strdup ("Made-up test data, observed to 2019 and projected after");
  data->unit = g_strdup ("Mt CO2");
  data->unit_scale = TANLU_CHART_UNIT_SCALE_MT;
  data->source = g_strdup ("Tanlu test fixture");
  data->data_date = g_strdup ("1997–2035");
  data->font = g_strdup (TANLU_TEST_GOLDEN_FONT);

  for (guint i = 0; i < province->n_points; i++)
    province->y[i] = 120 + 9 * i - 0.22 * i * i + 6 * sin (i * 0.8);
  province->projected_from = 23;
  for (guint i = 0; i < city->n_points; i++)
    city->y[i] = 40 + 3.5 * i + 4 * cos (i * 0.6);
  city->y[8] = NAN;
  g_ptr_array_add (data->series, province);
  g_ptr_array_add (data->series, city);

  band = tanlu_chart_data_add_band (data, "Fixture corridor", 16);
  band->color_index = 6;
  for (guint i = 0; i < band->n_points; i++)
    {
      band->x[i] = 2020 + i;
      band->low[i] = 180 - 3.5 * i;
      band->high[i] = 215 - 1.2 * i;
    }

  tanlu_chart_data_add_marker (data, 2025, 205, "2025: fixture target");
  tanlu_chart_data_add_marker (data, 2030, 185, "2030: fixture peak");
  tanlu_chart_data_add_reference (data, 2025, "2025");
  tanlu_chart_data_add_reference (data, 2030, "2030");

  return data;
}

static TanluChartData *
fixture_area (void)
{
  static const char *names[] = {
    "Fixture power", "Fixture industry", "Fixture transport", "Fixture buildings", "Other",
  };
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_STACKED_AREA);

  data->title = g_strdup ("Fixture: emissions by sector");
  data->subtitle = g_strdup ("Made-up test data");
  data->unit = g_strdup ("Mt CO₂");
  data->unit_scale = TANLU_CHART_UNIT_SCALE_MT;
  data->source = g_strdup ("Tanlu test fixture");
  data->font = g_strdup (TANLU_TEST_GOLDEN_FONT);

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      TanluChartSeries *series = series_new (names[k], 2005, 21, k == 4 ? 6 : k);

      for (guint i = 0; i < series->n_points; i++)
        series->y[i] = (60 - 10 * k) * (1 + 0.03 * i * (k % 2 == 0 ? 1 : -0.5));
      series->projected_from = 15;
      g_ptr_array_add (data->series, series);
    }
  /* A year missing in one sector leaves a gap in the whole stack. */
  ((TanluChartSeries *) g_ptr_array_index (data->series, 2))->y[7] = NAN;

  return data;
}

static TanluChartData *
fixture_bars (void)
{
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_BARS);
  TanluChartSeries *series = tanlu_chart_series_new ("Fixture", 10);

  data->title = g_strdup ("Fixture: emissions per person");
  data->unit = g_strdup ("t CO₂ per person");
  data->source = g_strdup ("Tanlu test fixture");
  data->font = g_strdup (TANLU_TEST_GOLDEN_FONT);
  data->highlight = 3;
  for (guint i = 0; i < series->n_points; i++)
    {
      series->y[i] = 15.5 - 1.3 * i;
      g_ptr_array_add (data->categories, g_strdup_printf ("Fixture city %c", 'A' + i));
    }
  series->y[9] = -2.5;
  g_ptr_array_add (data->series, series);

  return data;
}

static TanluChartData *
fixture_sparkline (void)
{
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_SPARKLINE);
  TanluChartSeries *series = series_new ("Fixture", 2000, 30, 0);

  for (guint i = 0; i < series->n_points; i++)
    series->y[i] = 50 + 2 * i - 0.05 * i * i + 3 * sin (i);
  series->projected_from = 20;
  g_ptr_array_add (data->series, series);
  data->font = g_strdup (TANLU_TEST_GOLDEN_FONT);

  return data;
}

/* Twelve series ending at nearly the same value, ten targets side by
 * side and a title too long for one line. */
static TanluChartData *
fixture_crowded_line (TanluChartLanguage language)
{
  TanluChartData *data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  gboolean chinese = language == TANLU_CHART_LANGUAGE_CHINESE;

  data->language = language;
  data->title = g_strdup (chinese
                          ? "四川省二氧化碳排放（测试数据，虚构）：十二个地区的历史排放与预测，以及十个目标"
                          : "Fixture: a very long title about the carbon dioxide emissions of "
                            "twelve made-up regions, with projections and ten targets");
  data->subtitle = g_strdup (chinese ? "虚构数据" : "Made-up test data");
  data->unit = g_strdup ("Mt CO₂");
  data->unit_scale = chinese ? TANLU_CHART_UNIT_SCALE_WAN_TONNES : TANLU_CHART_UNIT_SCALE_MT;
  data->source = g_strdup (chinese ? "碳路测试数据，纯属虚构，与任何真实统计无关"
                                   : "Tanlu test fixture, made up and unrelated to any real "
                                     "statistics, with a long source line that has to wrap");
  data->data_date = g_strdup ("2000–2040");

  for (guint k = 0; k < 12; k++)
    {
      g_autofree char *label = chinese ? g_strdup_printf ("成都测试%u", k + 1)
                                       : g_strdup_printf ("Fixture region %u", k + 1);
      TanluChartSeries *series = series_new (label, 2000, 41, k);

      for (guint i = 0; i < series->n_points; i++)
        series->y[i] = 100 + (k * 7.0 - 40) * (1 - i / 40.0) + 0.05 * k;
      series->projected_from = 20;
      g_ptr_array_add (data->series, series);
    }

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *label = chinese ? g_strdup_printf ("%u年：重庆目标%u", 2030 + i, i + 1)
                                       : g_strdup_printf ("%u: fixture target %u", 2030 + i, i + 1);

      tanlu_chart_data_add_marker (data, 2030 + i, 90 + (i % 3), label);
    }
  tanlu_chart_data_add_reference (data, 2025, chinese ? "十四五" : "2025");
  tanlu_chart_data_add_reference (data, 2030, chinese ? "达峰" : "Peak");

  return data;
}

/* ---- scales ---- */

static gboolean
is_nice_step (double step)
{
  double magnitude = pow (10, floor (log10 (step)));
  double mantissa = step / magnitude;

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_nice_ticks (void)
{
  static const struct
  {
    double min;
    double max;
    guint  max_ticks;
  } cases[] = {
    { 0, 315, 6 },
    { 0, 315, 5 },
    { 2900, 9800, 6 },
    { 0.001, 0.006, 5 },
    { -40, 60, 6 },
    { 5, 5, 5 },
    { 0, 0, 5 },
    { -3, -3, 4 },
    { 1e-9, 3e-9, 5 },
    { 0, 1e7, 6 },
    { 123456, 123457, 8 },
    { -0.5, 0.25, 4 },
    { 60, -40, 6 },
    { 0, 100, 2 },
    { 0.3, 0.7, 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ticks = NULL;
      double nice_min, nice_max, step;
      double low = MIN (cases[i].min, cases[i].max);
      double high = MAX (cases[i].min, cases[i].max);

      ticks = tanlu_chart_nice_ticks (cases[i].min, cases[i].max, cases[i].max_ticks,
                                      &nice_min, &nice_max, &step);

      /* At most max_ticks ticks, both ends counted. */
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpuint (ticks->len, <=, cases[i].max_ticks);
      g_assert_true (is_nice_step (step));
      g_assert_cmpfloat (nice_min, ==, g_array_index (ticks, double, 0));
      g_assert_cmpfloat (nice_max, ==, g_array_index (ticks, double, ticks->len - 1));
      g_assert_cmpfloat (nice_min, <=, low);
      g_assert_cmpfloat (nice_max, >=, high);
      for (guint j = 1; j < ticks->len; j++)
        g_assert_cmpfloat_with_epsilon (g_array_index (ticks, double, j)
                                        - g_array_index (ticks, double, j - 1),
                                        step, step * 1e-9);
    }
}

static void
test_nice_ticks_values (void)
{
  g_autoptr(GArray) ticks = NULL;
  double nice_min, nice_max, step;

  ticks = tanlu_chart_nice_ticks (0, 315, 6, &nice_min, &nice_max, &step);
  g_assert_cmpfloat (step, ==, 100);
  g_assert_cmpfloat (nice_max, ==, 400);
  g_clear_pointer (&ticks, g_array_unref);

  ticks = tanlu_chart_nice_ticks (0, 315, 8, &nice_min, &nice_max, &step);
  g_assert_cmpfloat (step, ==, 50);
  g_assert_cmpfloat (nice_max, ==, 350);
  g_clear_pointer (&ticks, g_array_unref);

  /* Ticks are exact decimal values, not 0.30000000000000004. */
  ticks = tanlu_chart_nice_ticks (0, 0.7, 9, &nice_min, &nice_max, &step);
  g_assert_cmpfloat (step, ==, 0.1);
  g_assert_cmpfloat (g_array_index (ticks, double, 3), ==, 0.3);
  g_clear_pointer (&ticks, g_array_unref);

  ticks = tanlu_chart_nice_ticks (-40, 60, 6, &nice_min, &nice_max, &step);
  g_assert_cmpfloat (nice_min, ==, -40);
  g_assert_cmpfloat (nice_max, ==, 60);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_false (signbit (g_array_index (ticks, double, 2)));
}

static void
test_year_ticks (void)
{
  static const struct
  {
    double min;
    double max;
    guint  max_ticks;
    guint  expected;      /* number of ticks */
    double first;
    double step;
  } cases[] = {
    { 1997, 2019, 5, 4, 2000, 5 },
    { 1997, 2019, 30, 23, 1997, 1 },
    { 1997, 2019, 12, 11, 1998, 2 },
    { 2005, 2060, 6, 6, 2010, 10 },
    { 2005, 2060, 3, 3, 2020, 20 },
    { 2019, 2020, 5, 2, 2019, 1 },
    { 2019, 2020, 1, 1, 2020, 2 },
    { 2030, 2030, 5, 1, 2030, 1 },
    { 1900, 2100, 5, 5, 1900, 50 },
    { 1900, 2100, 9, 9, 1900, 25 },
    { 2019.2, 2021.7, 5, 2, 2020, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ticks = tanlu_chart_year_ticks (cases[i].min, cases[i].max,
                                                        cases[i].max_ticks);

      g_assert_cmpuint (ticks->len, ==, cases[i].expected);
      g_assert_cmpuint (ticks->len, <=, cases[i].max_ticks);
      g_assert_cmpfloat (g_array_index (ticks, double, 0), ==, cases[i].first);
      for (guint j = 0; j < ticks->len; j++)
        {
          double year = g_array_index (ticks, double, j);

          g_assert_cmpfloat (year, ==, floor (year));
          g_assert_cmpfloat (year, >=, cases[i].min);
          g_assert_cmpfloat (year, <=, cases[i].max);
          if (j > 0)
            g_assert_cmpfloat (year - g_array_index (ticks, double, j - 1), ==, cases[i].step);
        }
    }

  /* A range without a whole year has no ticks. */
  {
    g_autoptr(GArray) ticks = tanlu_chart_year_ticks (2019.2, 2019.8, 5);

    g_assert_cmpuint (ticks->len, ==, 0);
  }
}

static void
test_log_ticks (void)
{
  static const struct
  {
    double min;
    double max;
    double nice_min;
    double nice_max;
    guint  n_ticks;
  } cases[] = {
    { 1, 1000, 1, 1000, 4 },
    { 3, 40, 2, 50, 5 },             /* short: 2, 5, 10, 20, 50 */
    { 0.02, 0.5, 0.02, 0.5, 5 },
    { 0.5, 2e6, 0.1, 1e7, 9 },
    { 300, 900, 200, 1000, 3 },
    { 10, 10, 10, 20, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double nice_min, nice_max;
      g_autoptr(GArray) ticks = tanlu_chart_log_ticks (cases[i].min, cases[i].max,
                                                       &nice_min, &nice_max);

      g_assert_cmpfloat_with_epsilon (nice_min, cases[i].nice_min, cases[i].nice_min * 1e-12);
      g_assert_cmpfloat_with_epsilon (nice_max, cases[i].nice_max, cases[i].nice_max * 1e-12);
      g_assert_cmpuint (ticks->len, ==, cases[i].n_ticks);
      for (guint j = 0; j < ticks->len; j++)
        {
          double value = g_array_index (ticks, double, j);

          g_assert_cmpfloat (value, >, 0);
          g_assert_true (is_nice_step (value));
          if (j > 0)
            g_assert_cmpfloat (value, >, g_array_index (ticks, double, j - 1));
        }
    }

  /* Nothing positive: a default decade rather than a crash. */
  {
    double nice_min, nice_max;
    g_autoptr(GArray) ticks = tanlu_chart_log_ticks (-5, 0, &nice_min, &nice_max);

    g_assert_cmpuint (ticks->len, >=, 2);
    g_assert_cmpfloat (nice_min, >, 0);
  }
}

static void
test_step_decimals (void)
{
  static const struct
  {
    double step;
    int    decimals;
  } cases[] = {
    { 50, 0 }, { 1, 0 }, { 1e7, 0 }, { 2.5, 1 }, { 0.1, 1 }, { 0.2, 1 }, { 0.25, 2 },
    { 0.05, 2 }, { 0.001, 3 }, { 0.0005, 4 }, { 1e-9, 9 }, { 0, 0 }, { -0.5, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tanlu_chart_step_decimals (cases[i].step), ==, cases[i].decimals);
}

static void
test_format_number (void)
{
  static const struct
  {
    double      value;
    int         decimals;
    const char *expected;
  } cases[] = {
    { 1234567.891, 1, "1,234,567.9" },
    { 1234567.891, 0, "1,234,568" },
    { 12345.6, 1, "12,345.6" },
    { -1234.5, 1, "−1,234.5" },
    { -12, 0, "−12" },
    { 0, 0, "0" },
    { 0, 2, "0.00" },
    { -0.0001, 2, "0.00" },
    { 0.000123, 6, "0.000123" },
    { 9999.96, 1, "10,000.0" },
    { 999, 0, "999" },
    { 1000, 0, "1,000" },
    { 123456, 0, "123,456" },
    { 100000000, 0, "100,000,000" },
    { 1e21, 0, "1,000,000,000,000,000,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *english = tanlu_chart_format_number (cases[i].value, cases[i].decimals,
                                                            TANLU_CHART_LANGUAGE_ENGLISH);
      g_autofree char *chinese = tanlu_chart_format_number (cases[i].value, cases[i].decimals,
                                                            TANLU_CHART_LANGUAGE_CHINESE);

      g_assert_cmpstr (english, ==, cases[i].expected);
      g_assert_cmpstr (chinese, ==, cases[i].expected);
    }

  {
    g_autofree char *missing = tanlu_chart_format_number (NAN, 1, TANLU_CHART_LANGUAGE_ENGLISH);

    g_assert_cmpstr (missing, ==, "—");
  }
}

static void
test_format_value (void)
{
  static const struct
  {
    double      value;
    const char *expected;
  } cases[] = {
    { 9999.96, "10,000" },
    { 1234.4, "1,234" },
    { 999.96, "1,000" },
    { 12.345, "12.3" },
    { 9.996, "10.0" },
    { 1.2345, "1.23" },
    { 0.5, "0.500" },
    { 0.000123, "0.000123" },
    { 0.0012345, "0.00123" },
    { -45.67, "−45.7" },
    { -0.0004, "−0.000400" },
    { 0, "0" },
    { 56789012, "56,789,012" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *english = tanlu_chart_format_value (cases[i].value,
                                                           TANLU_CHART_LANGUAGE_ENGLISH);
      g_autofree char *chinese = tanlu_chart_format_value (cases[i].value,
                                                           TANLU_CHART_LANGUAGE_CHINESE);

      g_assert_cmpstr (english, ==, cases[i].expected);
      g_assert_cmpstr (chinese, ==, cases[i].expected);
    }
}

static void
test_format_ignores_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "zh_CN.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *number = NULL;

      if (setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      number = tanlu_chart_format_number (-12345.6, 1, TANLU_CHART_LANGUAGE_ENGLISH);
      g_assert_cmpstr (number, ==, "−12,345.6");
    }

  setlocale (LC_NUMERIC, saved);
}

static void
test_unit_label (void)
{
  static const struct
  {
    const char          *unit;
    TanluChartUnitScale  scale;
    const char          *expected;
    double               factor;
  } cases[] = {
    { "Mt CO2", TANLU_CHART_UNIT_SCALE_NONE, "Mt CO2", 1 },
    { "Mt CO2", TANLU_CHART_UNIT_SCALE_MT, "Mt CO₂", 1 },
    { "MtCO2", TANLU_CHART_UNIT_SCALE_WAN_TONNES, "万吨 CO₂", 100 },
    { "Mt CO₂", TANLU_CHART_UNIT_SCALE_YI_TONNES, "亿吨 CO₂", 0.01 },
    { "%", TANLU_CHART_UNIT_SCALE_WAN_TONNES, "%", 100 },
    { "t CO₂ per person", TANLU_CHART_UNIT_SCALE_MT, "t CO₂ per person", 1 },
    { NULL, TANLU_CHART_UNIT_SCALE_MT, "", 1 },
  };
  const TanluChartLanguage languages[] = {
    TANLU_CHART_LANGUAGE_ENGLISH,
    TANLU_CHART_LANGUAGE_CHINESE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpfloat (tanlu_chart_unit_scale_factor (cases[i].scale), ==, cases[i].factor);

      for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
        {
          g_autofree char *label = tanlu_chart_unit_label (cases[i].unit, cases[i].scale,
                                                           languages[j]);

          g_assert_cmpstr (label, ==, cases[i].expected);
        }
    }
}

static void
test_unit_detection (void)
{
  static const struct
  {
    const char *unit;
    gboolean    mt_co2;
  } cases[] = {
    { "Mt CO₂", TRUE },
    { "Mt CO2", TRUE },
    { "MtCO2", TRUE },
    { "mt co2", TRUE },
    { " MT CO₂ ", TRUE },
    { "Mt CO2e", FALSE },
    { "kt CO2", FALSE },
    { "Mt", FALSE },
    { "%", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tanlu_chart_unit_is_mt_co2 (cases[i].unit), ==, cases[i].mt_co2);
}

/* ---- layout ---- */

static void
test_collisions_line (void)
{
  static const struct
  {
    int width;
    int height;
  } sizes[] = {
    { 640, 360 },
    { 1600, 900 },
    { 360, 220 },
  };
  const TanluChartLanguage languages[] = {
    TANLU_CHART_LANGUAGE_ENGLISH,
    TANLU_CHART_LANGUAGE_CHINESE,
  };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autoptr(TanluChartData) data = fixture_crowded_line (languages[l]);
        TanluChartLayout layout = { 0 };

        g_test_message ("%d × %d, language %d", sizes[i].width, sizes[i].height, languages[l]);
        draw_into_image (data, sizes[i].width, sizes[i].height, &layout, NULL);
        assert_layout_readable (&layout, sizes[i].width, sizes[i].height);
        assert_series_named (&layout, data->series->len);
        g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_TITLE), ==, 1);
        g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_SOURCE), ==, 1);
        g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_AXIS_TITLE), ==, 1);
        g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_TICK_LABEL), >=, 4);
        /* Crowded targets: some labels are dropped, but in a drawing of
         * a useful size not all. */
        if (sizes[i].width >= 640)
          g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_MARKER_LABEL), >=, 1);
        g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_MARKER_LABEL), <, 10);
        tanlu_chart_layout_clear (&layout);
      }
}

static void
test_collisions_bars (void)
{
  const int sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 360, 220 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_BARS);
      TanluChartSeries *series = tanlu_chart_series_new ("Fixture", 30);
      TanluChartLayout layout = { 0 };

      data->title = g_strdup ("Fixture: thirty made-up cities by emissions per person");
      data->unit = g_strdup ("t CO₂ per person");
      data->source = g_strdup ("Tanlu test fixture");
      data->highlight = 17;
      for (guint j = 0; j < series->n_points; j++)
        {
          series->y[j] = 30 - j * 1.1 - (j == 5 ? 40 : 0);
          g_ptr_array_add (data->categories,
                           g_strdup_printf ("Fixture city with a really rather long name %u", j));
        }
      g_ptr_array_add (data->series, series);

      draw_into_image (data, sizes[i][0], sizes[i][1], &layout, NULL);
      assert_layout_readable (&layout, sizes[i][0], sizes[i][1]);
      g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_BAR_LABEL), >=, 5);
      g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_BAR_LABEL), <=, 30);
      g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_VALUE_LABEL), >=, 5);
      g_assert_true (layout.transposed);
      g_assert_cmpfloat (layout.x_min, ==, 0);
      g_assert_cmpfloat (layout.x_max, ==, 30);
      g_assert_cmpfloat (layout.y_min, <=, -10.5);
      g_assert_cmpfloat (layout.y_max, >=, 30);

      /* The highlighted bar keeps its name however crowded the rows. */
      {
        double centre = tanlu_chart_layout_x_to_pixel (&layout, 17.5);
        gboolean named = FALSE;

        for (guint j = 0; j < layout.boxes->len; j++)
          {
            const TanluChartBox *box = &g_array_index (layout.boxes, TanluChartBox, j);

            if (box->kind == TANLU_CHART_BOX_BAR_LABEL && box->y <= centre
                && centre <= box->y + box->height)
              named = TRUE;
          }
        g_assert_true (named);
      }
      tanlu_chart_layout_clear (&layout);
    }
}

static void
test_collisions_area (void)
{
  const int sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 360, 220 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint percent = 0; percent < 2; percent++)
      {
        g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_STACKED_AREA);
        TanluChartLayout layout = { 0 };

        data->title = g_strdup ("Fixture: emissions of eight made-up sectors");
        data->unit = g_strdup ("Mt CO2");
        data->unit_scale = TANLU_CHART_UNIT_SCALE_MT;
        data->source = g_strdup ("Tanlu test fixture");
        data->percent = percent;
        for (guint k = 0; k < 8; k++)
          {
            g_autofree char *label = g_strdup_printf ("Fixture sector %u", k + 1);
            TanluChartSeries *series = series_new (label, 2000, 20, k);

            for (guint j = 0; j < series->n_points; j++)
              series->y[j] = 5 + k * (k % 3) + j * 0.3;
            series->hidden = k == 4;
            g_ptr_array_add (data->series, series);
          }

        draw_into_image (data, sizes[i][0], sizes[i][1], &layout, NULL);
        assert_layout_readable (&layout, sizes[i][0], sizes[i][1]);
        assert_series_named (&layout, 8);
        if (percent)
          {
            g_assert_cmpfloat (layout.y_min, ==, 0);
            g_assert_cmpfloat (layout.y_max, ==, 100);
          }
        tanlu_chart_layout_clear (&layout);
      }
}

static void
test_hidden_series (void)
{
  g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartLayout layout = { 0 };

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *label = g_strdup_printf ("Fixture %u", k);
      TanluChartSeries *series = series_new (label, 2000, 10, k);

      for (guint j = 0; j < series->n_points; j++)
        series->y[j] = k == 1 ? 500 : 10 + k;
      g_ptr_array_add (data->series, series);
    }
  ((TanluChartSeries *) g_ptr_array_index (data->series, 1))->hidden = TRUE;

  draw_into_image (data, 800, 450, &layout, NULL);
  assert_layout_readable (&layout, 800, 450);
  assert_series_named (&layout, 3);
  /* The hidden series no longer sets the value range. */
  g_assert_cmpfloat (layout.y_max, <, 100);
  tanlu_chart_layout_clear (&layout);

  /* Everything hidden: still one name per series, to show them again. */
  for (guint k = 0; k < 3; k++)
    ((TanluChartSeries *) g_ptr_array_index (data->series, k))->hidden = TRUE;
  draw_into_image (data, 800, 450, &layout, NULL);
  assert_layout_readable (&layout, 800, 450);
  assert_series_named (&layout, 3);
  tanlu_chart_layout_clear (&layout);
}

static void
test_legend_fallback (void)
{
  g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartLayout layout = { 0 };

  /* Names too long for the right margin go in a legend. */
  for (guint k = 0; k < 4; k++)
    {
      g_autofree char *label = g_strdup_printf ("Fixture region with a very long name indeed, "
                                                "number %u", k);
      TanluChartSeries *series = series_new (label, 2000, 10, k);

      for (guint j = 0; j < series->n_points; j++)
        series->y[j] = 10 + k + j;
      g_ptr_array_add (data->series, series);
    }

  draw_into_image (data, 800, 450, &layout, NULL);
  assert_layout_readable (&layout, 800, 450);
  assert_series_named (&layout, 4);
  g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_LEGEND_ITEM), ==, 4);
  g_assert_cmpuint (count_boxes (&layout, TANLU_CHART_BOX_END_LABEL), ==, 0);
  tanlu_chart_layout_clear (&layout);
}

static gboolean
is_line_pixel (guint32 pixel)
{
  int red = (pixel >> 16) & 0xff;
  int blue = pixel & 0xff;

  /* Tol's blue, 0x4477aa, and its anti-aliased edges. */
  return blue - red > 60;
}

static void
test_projection_dashed (void)
{
  g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartSeries *series = series_new ("Fixture", 2000, 31, 0);
  cairo_surface_t *surface = NULL;
  TanluChartLayout layout = { 0 };
  guint observed_line = 0, observed_total = 0;
  guint projected_line = 0, projected_total = 0;
  int row;

  /* Level at 7.3, between gridlines (0, 2, 4, 6, 8). */
  for (guint j = 0; j < series->n_points; j++)
    series->y[j] = 7.3;
  series->projected_from = 15;
  g_ptr_array_add (data->series, series);

  draw_into_image (data, 800, 450, &layout, &surface);
  g_assert_cmpfloat (layout.y_min, <=, 0);
  g_assert_cmpfloat (layout.y_max, >=, 7.3);
  row = (int) floor (tanlu_chart_layout_y_to_pixel (&layout, 7.3));

  for (int x = (int) tanlu_chart_layout_x_to_pixel (&layout, 2001);
       x < tanlu_chart_layout_x_to_pixel (&layout, 2012); x++)
    {
      observed_total++;
      observed_line += is_line_pixel (pixel_at (surface, x, row));
    }
  for (int x = (int) tanlu_chart_layout_x_to_pixel (&layout, 2016);
       x < tanlu_chart_layout_x_to_pixel (&layout, 2029); x++)
    {
      projected_total++;
      projected_line += is_line_pixel (pixel_at (surface, x, row));
    }

  /* Solid before, dashed after: some of the projection is page. */
  g_assert_cmpuint (observed_line, ==, observed_total);
  g_assert_cmpuint (projected_line, >, projected_total * 0.4);
  g_assert_cmpuint (projected_line, <, projected_total * 0.85);

  /* No gap where the two parts meet: the first dash starts at the last
   * observed point, 2014. */
  for (int x = (int) tanlu_chart_layout_x_to_pixel (&layout, 2013.5);
       x < tanlu_chart_layout_x_to_pixel (&layout, 2014) + 3; x++)
    g_assert_true (is_line_pixel (pixel_at (surface, x, row)));

  cairo_surface_destroy (surface);
  tanlu_chart_layout_clear (&layout);
}

static void
test_gaps_and_log_scale (void)
{
  g_autoptr(TanluChartData) data = fixture_line ();
  TanluChartSeries *series = g_ptr_array_index (data->series, 1);
  TanluChartLayout layout = { 0 };

  /* Values at or below 0 have no place on a log axis: left out. */
  series->y[3] = 0;
  series->y[4] = -5;
  data->log_scale = TRUE;
  draw_into_image (data, 800, 450, &layout, NULL);
  assert_layout_readable (&layout, 800, 450);
  g_assert_true (layout.log_scale);
  g_assert_cmpfloat (layout.y_min, >, 0);
  g_assert_true (isnan (tanlu_chart_layout_y_to_pixel (&layout, 0)));
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_y_to_pixel (&layout, layout.y_min),
                                  layout.plot_y + layout.plot_height, 1e-9);
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_y_to_pixel (&layout, layout.y_max),
                                  layout.plot_y, 1e-9);
  /* Equal ratios, equal distances. */
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_y_to_pixel (&layout, 10)
                                  - tanlu_chart_layout_y_to_pixel (&layout, 20),
                                  tanlu_chart_layout_y_to_pixel (&layout, 50)
                                  - tanlu_chart_layout_y_to_pixel (&layout, 100), 1e-9);
  tanlu_chart_layout_clear (&layout);
}

static void
test_layout_mapping (void)
{
  g_autoptr(TanluChartData) data = fixture_line ();
  TanluChartLayout layout = { 0 };

  draw_into_image (data, 800, 450, &layout, NULL);

  g_assert_cmpfloat (layout.x_min, ==, 1997);
  g_assert_cmpfloat (layout.x_max, ==, 2035);
  g_assert_false (layout.transposed);
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_x_to_pixel (&layout, 1997),
                                  layout.plot_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_x_to_pixel (&layout, 2035),
                                  layout.plot_x + layout.plot_width, 1e-9);
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_pixel_to_x (
                                    &layout, tanlu_chart_layout_x_to_pixel (&layout, 2019.5)),
                                  2019.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (tanlu_chart_layout_y_to_pixel (&layout, layout.y_min),
                                  layout.plot_y + layout.plot_height, 1e-9);
  tanlu_chart_layout_clear (&layout);

  /* Shown in 万吨, the value range is a hundred times larger. */
  data->unit_scale = TANLU_CHART_UNIT_SCALE_WAN_TONNES;
  data->language = TANLU_CHART_LANGUAGE_CHINESE;
  draw_into_image (data, 800, 450, &layout, NULL);
  g_assert_cmpfloat (layout.y_max, >=, 20000);
  assert_layout_readable (&layout, 800, 450);
  tanlu_chart_layout_clear (&layout);

  /* Redrawing reuses the layout's array. */
  draw_into_image (data, 800, 450, &layout, NULL);
  draw_into_image (data, 640, 360, &layout, NULL);
  assert_layout_readable (&layout, 640, 360);
  tanlu_chart_layout_clear (&layout);
  g_assert_null (layout.boxes);
}

static void
test_sizes_scale (void)
{
  g_autoptr(TanluChartData) data = fixture_line ();
  TanluChartLayout small = { 0 };
  TanluChartLayout large = { 0 };
  const TanluChartBox *small_title, *large_title;

  draw_into_image (data, 640, 360, &small, NULL);
  draw_into_image (data, 1600, 900, &large, NULL);

  small_title = &g_array_index (small.boxes, TanluChartBox, 0);
  large_title = &g_array_index (large.boxes, TanluChartBox, 0);
  g_assert_cmpint (small_title->kind, ==, TANLU_CHART_BOX_TITLE);
  g_assert_cmpint (large_title->kind, ==, TANLU_CHART_BOX_TITLE);
  g_assert_cmpfloat (large_title->height, >, small_title->height * 1.5);
  /* The plot takes about the same share of both drawings. */
  g_assert_cmpfloat_with_epsilon (small.plot_width / 640, large.plot_width / 1600, 0.12);

  tanlu_chart_layout_clear (&small);
  tanlu_chart_layout_clear (&large);
}

static void
test_sparkline (void)
{
  g_autoptr(TanluChartData) data = fixture_sparkline ();
  TanluChartLayout layout = { 0 };

  data->title = g_strdup ("Fixture title that a sparkline does not show");
  data->source = g_strdup ("Tanlu test fixture");
  draw_into_image (data, 120, 32, &layout, NULL);
  g_assert_cmpuint (layout.boxes->len, ==, 0);
  g_assert_cmpfloat (layout.plot_width, >, 100);
  g_assert_cmpfloat (layout.x_min, ==, 2000);
  g_assert_cmpfloat (layout.x_max, ==, 2029);
  tanlu_chart_layout_clear (&layout);
}

static void
test_themes (void)
{
  const struct
  {
    TanluChartTheme theme;
    guint32         page;
  } themes[] = {
    { TANLU_CHART_THEME_LIGHT, 0xfafafa },
    { TANLU_CHART_THEME_DARK, 0x1e1e1e },
    { TANLU_CHART_THEME_PRINT, 0xffffff },
  };

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autoptr(TanluChartData) data = fixture_line ();
      cairo_surface_t *surface = NULL;

      data->theme = themes[i].theme;
      draw_into_image (data, 400, 300, NULL, &surface);
      g_assert_cmphex (pixel_at (surface, 1, 1), ==, themes[i].page);
      cairo_surface_destroy (surface);
    }

  /* Custom colours replace the theme's. */
  {
    g_autoptr(TanluChartData) data = fixture_line ();
    cairo_surface_t *surface = NULL;

    data->custom_colors = TRUE;
    data->background = (TanluChartColor) { 0.2, 0.4, 0.6, 1 };
    data->foreground = (TanluChartColor) { 1, 1, 1, 1 };
    draw_into_image (data, 400, 300, NULL, &surface);
    g_assert_cmphex (pixel_at (surface, 1, 1), ==, 0x336699);
    cairo_surface_destroy (surface);
  }
}

/* ---- validation ---- */

typedef void (*Breaker) (TanluChartData *data);

static void
break_no_series (TanluChartData *data)
{
  g_ptr_array_set_size (data->series, 0);
}

static void
break_empty_series (TanluChartData *data)
{
  g_ptr_array_add (data->series, tanlu_chart_series_new ("Fixture empty", 0));
}

static void
break_descending (TanluChartData *data)
{
  TanluChartSeries *series = g_ptr_array_index (data->series, 0);

  series->x[5] = series->x[4];
}

static void
break_nan_year (TanluChartData *data)
{
  ((TanluChartSeries *) g_ptr_array_index (data->series, 0))->x[2] = NAN;
}

static void
break_infinite_value (TanluChartData *data)
{
  ((TanluChartSeries *) g_ptr_array_index (data->series, 0))->y[2] = INFINITY;
}

static void
break_area_lengths (TanluChartData *data)
{
  data->kind = TANLU_CHART_KIND_STACKED_AREA;
  g_ptr_array_add (data->series, series_new ("Fixture short", 2000, 3, 1));
}

static void
break_area_years (TanluChartData *data)
{
  data->kind = TANLU_CHART_KIND_STACKED_AREA;
  g_ptr_array_add (data->series, series_new ("Fixture shifted", 2001, 10, 1));
}

static void
break_bars_two_series (TanluChartData *data)
{
  data->kind = TANLU_CHART_KIND_BARS;
  g_ptr_array_add (data->series, series_new ("Fixture second", 2000, 10, 1));
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (data->categories, g_strdup ("Fixture"));
}

static void
break_bars_categories (TanluChartData *data)
{
  data->kind = TANLU_CHART_KIND_BARS;
  for (guint i = 0; i < 9; i++)
    g_ptr_array_add (data->categories, g_strdup ("Fixture"));
}

static void
break_bars_highlight (TanluChartData *data)
{
  data->kind = TANLU_CHART_KIND_BARS;
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (data->categories, g_strdup ("Fixture"));
  data->highlight = 10;
}

static void
break_bars_negative_highlight (TanluChartData *data)
{
  break_bars_highlight (data);
  data->highlight = -2;
}

static void
break_width (TanluChartData *data)
{
  data->width = 0;
}

static void
break_height (TanluChartData *data)
{
  data->height = -1;
}

static void
break_huge (TanluChartData *data)
{
  data->width = 20001;
}

static void
break_band (TanluChartData *data)
{
  TanluChartBand *band = tanlu_chart_data_add_band (data, "Fixture band", 3);

  band->x[0] = 2010;
  band->x[1] = 2005;
  band->x[2] = 2020;
}

static void
break_marker (TanluChartData *data)
{
  tanlu_chart_data_add_marker (data, 2030, NAN, "Fixture target");
}

static void
break_reference (TanluChartData *data)
{
  tanlu_chart_data_add_reference (data, INFINITY, "Fixture");
}

static void
test_validate (void)
{
  static const struct
  {
    const char *name;
    Breaker     breaker;
  } cases[] = {
    { "no series", break_no_series },
    { "series without points", break_empty_series },
    { "years not ascending", break_descending },
    { "year not a number", break_nan_year },
    { "infinite value", break_infinite_value },
    { "stacked areas of different lengths", break_area_lengths },
    { "stacked areas on different years", break_area_years },
    { "bars with two series", break_bars_two_series },
    { "bars with too few categories", break_bars_categories },
    { "highlight past the last bar", break_bars_highlight },
    { "highlight below -1", break_bars_negative_highlight },
    { "zero width", break_width },
    { "negative height", break_height },
    { "too large", break_huge },
    { "band years not ascending", break_band },
    { "marker value not a number", break_marker },
    { "reference year infinite", break_reference },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
      g_autoptr(GError) error = NULL;
      TanluChartSeries *series = series_new ("Fixture", 2000, 10, 0);

      for (guint j = 0; j < series->n_points; j++)
        series->y[j] = j;
      g_ptr_array_add (data->series, series);
      g_assert_true (tanlu_chart_data_validate (data, NULL));

      g_test_message ("case: %s", cases[i].name);
      cases[i].breaker (data);
      g_assert_false (tanlu_chart_data_validate (data, &error));
      g_assert_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
}

static void
test_draw_invalid (void)
{
  g_autoptr(TanluChartData) data = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartLayout layout = { 0 };

  g_test_expect_message ("tanlu-chart", G_LOG_LEVEL_CRITICAL, "*no series*");
  draw_into_image (data, 200, 100, &layout, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (layout.boxes->len, ==, 0);
  tanlu_chart_layout_clear (&layout);
}

/* ---- export ---- */

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));

  return size >= length && memcmp (contents, magic, length) == 0;
}

static void
test_export (void)
{
  g_autoptr(TanluChartData) data = fixture_line ();
  g_autofree char *png = g_build_filename (tmp_dir, "export.png", NULL);
  g_autofree char *png2 = g_build_filename (tmp_dir, "export@2x.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "export.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "export.pdf", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;
  cairo_surface_t *image;
  GError *error = NULL;

  g_assert_true (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 640, 360, 1, png, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 360);
  cairo_surface_destroy (image);

  g_assert_true (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 640, 360, 2, png2, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png2);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
  cairo_surface_destroy (image);

  g_assert_true (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_SVG, 640, 360, 1, svg, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (svg, "<?xml", 5));

  g_assert_true (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PDF, 640, 360, 1, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (pdf, "%PDF-", 5));

  /* The same data give the same bytes. */
  g_assert_true (g_file_get_contents (png, &first, &first_length, NULL));
  g_assert_true (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 640, 360, 1, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &second, &second_length, NULL));
  g_assert_cmpmem (first, first_length, second, second_length);
}

static void
test_export_errors (void)
{
  g_autoptr(TanluChartData) data = fixture_line ();
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *display = g_filename_display_name (missing);
  g_autofree char *png = g_build_filename (tmp_dir, "invalid.png", NULL);
  GError *error = NULL;

  g_assert_false (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 640, 360, 1, missing,
                                      &error));
  g_assert_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, display));
  g_clear_error (&error);

  g_assert_false (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_SVG, 640, 360, 1, missing,
                                      &error));
  g_assert_error (error, TANLU_PICTURE_ERROR, TANLU_PICTURE_ERROR_WRITE);
  g_clear_error (&error);

  /* Invalid data write nothing. */
  g_ptr_array_set_size (data->series, 0);
  g_assert_false (tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 640, 360, 1, png, &error));
  g_assert_error (error, TANLU_CHART_ERROR, TANLU_CHART_ERROR_INVALID);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
}

static void
test_format_from_path (void)
{
  static const struct
  {
    const char       *path;
    gboolean          known;
    TanluPictureFormat  format;
  } cases[] = {
    { "chart.png", TRUE, TANLU_PICTURE_FORMAT_PNG },
    { "/tmp/Chart.PNG", TRUE, TANLU_PICTURE_FORMAT_PNG },
    { "a.b.svg", TRUE, TANLU_PICTURE_FORMAT_SVG },
    { "slides/chart.Pdf", TRUE, TANLU_PICTURE_FORMAT_PDF },
    { "chart.jpg", FALSE, TANLU_PICTURE_FORMAT_PNG },
    { "png", FALSE, TANLU_PICTURE_FORMAT_PNG },
    { "", FALSE, TANLU_PICTURE_FORMAT_PNG },
    { "chart.png.txt", FALSE, TANLU_PICTURE_FORMAT_PNG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TanluPictureFormat format = TANLU_PICTURE_FORMAT_PNG;

      g_assert_cmpint (tanlu_picture_format_from_path (cases[i].path, &format), ==, cases[i].known);
      g_assert_cmpint (format, ==, cases[i].format);
    }
}

/* ---- golden images ---- */

typedef struct
{
  const char        *name;
  TanluChartData  *(*fixture) (void);
  TanluChartTheme    theme;
} Golden;

static const Golden goldens[] = {
  { "line-light", fixture_line, TANLU_CHART_THEME_LIGHT },
  { "line-dark", fixture_line, TANLU_CHART_THEME_DARK },
  { "area-light", fixture_area, TANLU_CHART_THEME_LIGHT },
  { "bars-light", fixture_bars, TANLU_CHART_THEME_LIGHT },
  { "sparkline-light", fixture_sparkline, TANLU_CHART_THEME_LIGHT },
};

static void
test_golden (gconstpointer user_data)
{
  const Golden *golden = user_data;
  g_autoptr(TanluChartData) data = NULL;
  g_autofree char *file = g_strconcat (golden->name, ".png", NULL);
  g_autofree char *actual_path = g_build_filename (tmp_dir, file, NULL);
  cairo_surface_t *actual;
  GError *error = NULL;

  if (!tanlu_test_font_installed (TANLU_TEST_GOLDEN_FONT))
    {
      g_test_skip ("The golden images need the font " TANLU_TEST_GOLDEN_FONT);
      return;
    }

  data = golden->fixture ();
  data->theme = golden->theme;

  /* Through the exporter, as a user's PNG is made. */
  g_assert_true (
    tanlu_chart_export (data, TANLU_PICTURE_FORMAT_PNG, 800, 450, 1, actual_path, &error));
  g_assert_no_error (error);
  actual = cairo_image_surface_create_from_png (actual_path);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  tanlu_test_compare_golden (actual, golden->name);
  cairo_surface_destroy (actual);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("tanlu-test-chart-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/tanlu/chart/scale/nice-ticks", test_nice_ticks);
  g_test_add_func ("/tanlu/chart/scale/nice-ticks-values", test_nice_ticks_values);
  g_test_add_func ("/tanlu/chart/scale/year-ticks", test_year_ticks);
  g_test_add_func ("/tanlu/chart/scale/log-ticks", test_log_ticks);
  g_test_add_func ("/tanlu/chart/scale/step-decimals", test_step_decimals);
  g_test_add_func ("/tanlu/chart/scale/format-number", test_format_number);
  g_test_add_func ("/tanlu/chart/scale/format-value", test_format_value);
  g_test_add_func ("/tanlu/chart/scale/format-ignores-locale", test_format_ignores_locale);
  g_test_add_func ("/tanlu/chart/scale/unit-label", test_unit_label);
  g_test_add_func ("/tanlu/chart/scale/unit-detection", test_unit_detection);
  g_test_add_func ("/tanlu/chart/layout/collisions-line", test_collisions_line);
  g_test_add_func ("/tanlu/chart/layout/collisions-bars", test_collisions_bars);
  g_test_add_func ("/tanlu/chart/layout/collisions-area", test_collisions_area);
  g_test_add_func ("/tanlu/chart/layout/hidden-series", test_hidden_series);
  g_test_add_func ("/tanlu/chart/layout/legend-fallback", test_legend_fallback);
  g_test_add_func ("/tanlu/chart/layout/projection-dashed", test_projection_dashed);
  g_test_add_func ("/tanlu/chart/layout/gaps-and-log-scale", test_gaps_and_log_scale);
  g_test_add_func ("/tanlu/chart/layout/mapping", test_layout_mapping);
  g_test_add_func ("/tanlu/chart/layout/sizes-scale", test_sizes_scale);
  g_test_add_func ("/tanlu/chart/layout/sparkline", test_sparkline);
  g_test_add_func ("/tanlu/chart/layout/themes", test_themes);
  g_test_add_func ("/tanlu/chart/validate", test_validate);
  g_test_add_func ("/tanlu/chart/draw-invalid", test_draw_invalid);
  g_test_add_func ("/tanlu/chart/export/formats", test_export);
  g_test_add_func ("/tanlu/chart/export/errors", test_export_errors);
  g_test_add_func ("/tanlu/chart/export/format-from-path", test_format_from_path);
  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tanlu/chart/golden/%s", goldens[i].name);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }

  result = g_test_run ();

  /* Kept after a failure: it holds the images to compare. */
  if (result == 0)
    remove_tree (tmp_dir);
  g_free (tmp_dir);

  return result;
}
