/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-chart-scale.h"
#include "tanlu-chart-scale-private.h"

#include <math.h>
#include <string.h>

/* ---- helpers ---- */

/* Powers of ten up to 1e22 are exact doubles, so ticks computed as
 * integer × 10^e (or integer ÷ 10^−e) print without stray digits such as
 * 0.30000000000000004. */
static double
power_of_ten (int exponent)
{
  static const double exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };

  if (exponent >= 0 && exponent < (int) G_N_ELEMENTS (exact))
    return exact[exponent];

  return pow (10, exponent);
}

static double
scaled_value (double count,
              int    exponent)
{
  if (exponent >= 0)
    return count * power_of_ten (exponent);

  return count / power_of_ten (-exponent);
}

/* Ticks of a 1-2-5 sequence, m × 10^e, for log axes. */
static double
sequence_value (int index)
{
  static const double multipliers[] = { 1, 2, 5 };
  int exponent = (int) floor (index / 3.0);
  int slot = index - exponent * 3;

  return scaled_value (multipliers[slot], exponent);
}

static int
sequence_index_below (double value)
{
  int index = (int) floor (log10 (value) + 1e-9) * 3;

  while (sequence_value (index + 1) <= value * (1 + 1e-9))
    index++;
  while (sequence_value (index) > value * (1 + 1e-9))
    index--;

  return index;
}

static int
sequence_index_above (double value)
{
  int index = sequence_index_below (value);

  if (sequence_value (index) < value * (1 - 1e-9))
    index++;

  return index;
}

/* ---- private API ---- */

/**
 * _tanlu_chart_value_decimals:
 * @magnitude: an absolute value
 *
 * Returns: the decimals tanlu_chart_format_value() gives a value of that
 *   size, before rounding
 */
int
_tanlu_chart_value_decimals (double magnitude)
{
  if (magnitude == 0 || !isfinite (magnitude))
    return 0;
  if (magnitude >= 1000)
    return 0;
  if (magnitude >= 10)
    return 1;
  if (magnitude >= 1)
    return 2;

  /* Three significant digits. */
  return MIN (2 - (int) floor (log10 (magnitude)), 20);
}

/* ---- public API ---- */

/**
 * tanlu_chart_nice_ticks:
 * @max_ticks: the most ticks wanted, counting both ends of the range
 * @nice_min: (out) (optional): the first tick, at or below @min
 * @nice_max: (out) (optional): the last tick, at or above @max
 * @step: (out) (optional): 1, 2 or 5 × 10^k
 *
 * Ticks covering [@min, @max] with a 1-2-5 step: the smallest such step
 * for which no more than @max_ticks ticks (both ends included; at least
 * two) cover the range. An empty range is widened around its value.
 *
 * Returns: (transfer full) (element-type double): the ticks, ascending
 */
GArray *
tanlu_chart_nice_ticks (double  min,
                        double  max,
                        guint   max_ticks,
                        double *nice_min,
                        double *nice_max,
                        double *step)
{
  static const int multipliers[] = { 1, 2, 5 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0;
  double last = 1;
  int multiplier = 0;
  int exponent;
  double span;

  if (!isfinite (min) || !isfinite (max))
    {
      min = 0;
      max = 1;
    }
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  max_ticks = MAX (max_ticks, 2);

  span = max - min;
  if (!isfinite (span))
    {
      min = 0;
      max = 1;
      span = 1;
    }
  if (span <= MAX (fabs (min), fabs (max)) * 1e-12)
    {
      double pad = fabs (min) * 0.1;

      if (pad == 0)
        {
          min = 0;
          max = 1;
        }
      else
        {
          min -= pad;
          max += pad;
        }
      span = max - min;
    }

  /* The first candidate is at most the average interval, so the search
   * ends within a few steps. */
  exponent = (int) floor (log10 (span / (max_ticks - 1)));
  for (;; exponent++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multipliers) && multiplier == 0; i++)
        {
          double size = scaled_value (multipliers[i], exponent);

          first = floor (min / size + 1e-9);
          last = ceil (max / size - 1e-9);
          if (last - first + 1 <= max_ticks)
            multiplier = multipliers[i];
        }
      if (multiplier != 0)
        break;
    }

  for (double count = first; count <= last; count++)
    {
      double value = scaled_value (count * multiplier, exponent);

      /* Avoid printing "−0". */
      if (value == 0)
        value = 0;
      g_array_append_val (ticks, value);
    }

  if (nice_min != NULL)
    *nice_min = g_array_index (ticks, double, 0);
  if (nice_max != NULL)
    *nice_max = g_array_index (ticks, double, ticks->len - 1);
  if (step != NULL)
    *step = scaled_value (multiplier, exponent);

  return ticks;
}

/**
 * tanlu_chart_year_ticks:
 *
 * Whole years within [@min_year, @max_year] that are multiples of a step
 * of 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500… years: the smallest step
 * giving at most @max_ticks ticks. A range holding whole years always
 * gets at least one tick when @max_ticks is not 0.
 *
 * Returns: (transfer full) (element-type double): the years, ascending
 */
GArray *
tanlu_chart_year_ticks (double min_year,
                        double max_year,
                        guint  max_ticks)
{
  static const double small_steps[] = { 1, 2, 5 };
  static const double decade_steps[] = { 10, 20, 25, 50 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double low, high;
  double step = 1;

  if (!isfinite (min_year) || !isfinite (max_year) || max_ticks == 0)
    return ticks;
  if (min_year > max_year)
    {
      double swap = min_year;

      min_year = max_year;
      max_year = swap;
    }

  low = ceil (min_year - 1e-9);
  high = floor (max_year + 1e-9);
  if (low > high)
    return ticks;

  for (guint i = 0; ; i++)
    {
      double first, count;

      if (i < G_N_ELEMENTS (small_steps))
        step = small_steps[i];
      else
        {
          guint j = i - G_N_ELEMENTS (small_steps);

          step = decade_steps[j % G_N_ELEMENTS (decade_steps)]
                 * power_of_ten ((int) (j / G_N_ELEMENTS (decade_steps)));
        }

      first = ceil (low / step) * step;
      count = first <= high ? floor ((high - first) / step) + 1 : 0;
      if (!isfinite (step) || !isfinite (first))
        break;
      if (count <= max_ticks)
        {
          for (double year = first; year <= high; year += step)
            g_array_append_val (ticks, year);
          break;
        }
    }

  if (ticks->len == 0)
    g_array_append_val (ticks, low);

  return ticks;
}

/**
 * tanlu_chart_log_ticks:
 * @min: the smallest positive value shown
 * @nice_min: (out) (optional): the bottom of the axis, a tick
 * @nice_max: (out) (optional): the top of the axis, a tick
 *
 * Ticks for a logarithmic axis: powers of ten, and when the range spans
 * two decades or less also 2 and 5 times them, with the ends tightened to
 * those. Values that are not positive have no place on the axis.
 *
 * Returns: (transfer full) (element-type double): the ticks, ascending
 */
GArray *
tanlu_chart_log_ticks (double  min,
                       double  max,
                       double *nice_min,
                       double *nice_max)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  int low, high;

  if (!isfinite (max) || max <= 0)
    max = 10;
  if (!isfinite (min) || min <= 0)
    min = max / 100;
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }

  low = (int) floor (log10 (min) + 1e-9);
  high = (int) ceil (log10 (max) - 1e-9);
  if (high - low <= 2)
    {
      int first = sequence_index_below (min);
      int last = sequence_index_above (max);

      if (last <= first)
        last = first + 1;
      for (int i = first; i <= last; i++)
        {
          double value = sequence_value (i);

          g_array_append_val (ticks, value);
        }
    }
  else
    {
      for (int e = low; e <= high; e++)
        {
          double value = power_of_ten (e);

          g_array_append_val (ticks, value);
        }
    }

  if (nice_min != NULL)
    *nice_min = g_array_index (ticks, double, 0);
  if (nice_max != NULL)
    *nice_max = g_array_index (ticks, double, ticks->len - 1);

  return ticks;
}

/**
 * tanlu_chart_step_decimals:
 *
 * Returns: how many decimals print @step (and every multiple of it)
 *   exactly: 0 for 50, 1 for 2.5, 2 for 0.25
 */
int
tanlu_chart_step_decimals (double step)
{
  step = fabs (step);
  if (!isfinite (step) || step == 0)
    return 0;

  for (int decimals = 0; decimals < 20; decimals++)
    {
      double scaled = step * power_of_ten (decimals);
      double rounded = round (scaled);

      if (rounded >= 1 && fabs (scaled - rounded) < 1e-6 * scaled)
        return decimals;
    }

  return 20;
}

/**
 * tanlu_chart_format_number:
 * @decimals: digits after the decimal point, 0 to 20
 *
 * Formats @value with a comma between thousands and "−" (U+2212) before
 * negative numbers. Simplified Chinese writes numbers the same way as
 * English, so both languages give the same text. The process locale plays
 * no part, so charts look the same whatever the user's settings.
 *
 * Returns: (transfer full): the text
 */
char *
tanlu_chart_format_number (double             value,
                           int                decimals,
                           TanluChartLanguage language)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 340];
  char format[16];
  GString *result;
  const char *point;
  gsize integer_digits;
  gboolean zero = TRUE;

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");

  decimals = CLAMP (decimals, 0, 20);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  for (const char *c = buffer; *c != '\0'; c++)
    if (*c >= '1' && *c <= '9')
      zero = FALSE;

  point = strchr (buffer, '.');
  integer_digits = point != NULL ? (gsize) (point - buffer) : strlen (buffer);

  result = g_string_sized_new (integer_digits + integer_digits / 3 + decimals + 8);
  if (value < 0 && !zero)
    g_string_append (result, "−");

  for (gsize i = 0; i < integer_digits; i++)
    {
      if (i > 0 && (integer_digits - i) % 3 == 0)
        g_string_append_c (result, ',');
      g_string_append_c (result, buffer[i]);
    }
  if (point != NULL)
    g_string_append (result, point);

  return g_string_free (result, FALSE);
}

/**
 * tanlu_chart_format_value:
 *
 * Formats a value for a label, with decimals by its size: none from
 * 1,000, one from 10, two from 1, else three significant digits.
 *
 * Returns: (transfer full): the text
 */
char *
tanlu_chart_format_value (double             value,
                          TanluChartLanguage language)
{
  int decimals;
  double rounded;
  int rounded_decimals;

  if (!isfinite (value))
    return tanlu_chart_format_number (value, 0, language);

  decimals = _tanlu_chart_value_decimals (fabs (value));

  /* 999.96 rounds to 1000.0, which reads better as 1,000. */
  rounded = round (fabs (value) * power_of_ten (decimals)) / power_of_ten (decimals);
  rounded_decimals = _tanlu_chart_value_decimals (rounded);
  if (rounded_decimals < decimals)
    decimals = rounded_decimals;

  return tanlu_chart_format_number (value, decimals, language);
}

/**
 * tanlu_chart_unit_scale_factor:
 *
 * Returns: what values in Mt CO₂ are multiplied by to show them in @scale
 */
double
tanlu_chart_unit_scale_factor (TanluChartUnitScale scale)
{
  switch (scale)
    {
    case TANLU_CHART_UNIT_SCALE_NONE:
    case TANLU_CHART_UNIT_SCALE_MT:
      return 1;
    case TANLU_CHART_UNIT_SCALE_WAN_TONNES:
      return 100;
    case TANLU_CHART_UNIT_SCALE_YI_TONNES:
      return 0.01;
    default:
      g_return_val_if_reached (1);
    }
}

/**
 * tanlu_chart_unit_label:
 * @unit: (nullable): the data's unit
 *
 * The unit as the value axis names it. 万吨 and 亿吨 are the units Chinese
 * plans are written in, so they keep their Chinese names in both
 * languages.
 *
 * Returns: (transfer full): the label, empty when there is no unit
 */
char *
tanlu_chart_unit_label (const char          *unit,
                        TanluChartUnitScale  scale,
                        TanluChartLanguage   language)
{
  if (unit == NULL)
    return g_strdup ("");
  if (!tanlu_chart_unit_is_mt_co2 (unit))
    return g_strdup (unit);

  switch (scale)
    {
    case TANLU_CHART_UNIT_SCALE_NONE:
      return g_strdup (unit);
    case TANLU_CHART_UNIT_SCALE_MT:
      return g_strdup ("Mt CO₂");
    case TANLU_CHART_UNIT_SCALE_WAN_TONNES:
      return g_strdup ("万吨 CO₂");
    case TANLU_CHART_UNIT_SCALE_YI_TONNES:
      return g_strdup ("亿吨 CO₂");
    default:
      g_return_val_if_reached (g_strdup (unit));
    }
}

/**
 * tanlu_chart_unit_is_mt_co2:
 * @unit: (nullable): a unit
 *
 * Whether @unit is million tonnes of CO₂, however spaced, cased or
 * subscripted: "Mt CO₂", "Mt CO2", "MtCO2", "mt co2". CO₂-equivalents
 * ("Mt CO2e") are a different unit.
 */
gboolean
tanlu_chart_unit_is_mt_co2 (const char *unit)
{
  g_autoptr(GString) normalized = NULL;

  if (unit == NULL)
    return FALSE;

  normalized = g_string_new (NULL);
  for (const char *c = unit; *c != '\0'; c++)
    {
      if (*c == ' ' || *c == '\t')
        continue;
      /* "₂" is U+2082, E2 82 82 in UTF-8. */
      if (strncmp (c, "₂", strlen ("₂")) == 0)
        {
          g_string_append_c (normalized, '2');
          c += strlen ("₂") - 1;
          continue;
        }
      g_string_append_c (normalized, g_ascii_tolower (*c));
    }

  return g_str_equal (normalized->str, "mtco2");
}
