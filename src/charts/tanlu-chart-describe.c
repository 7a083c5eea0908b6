/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-chart-scale.h"
#include "tanlu-chart.h"

#include <math.h>

/* A chart in words, for screen readers and the command line: what a
 * sighted reader takes from the picture at a glance — the span, each
 * series' latest value and its peak, or a ranking's ends. */

static double
displayed_value (const TanluChartData *data,
                 double                value)
{
  if (tanlu_chart_unit_is_mt_co2 (data->unit))
    return value * tanlu_chart_unit_scale_factor (data->unit_scale);

  return value;
}

static void
append_value (GString              *text,
              const TanluChartData *data,
              double                value)
{
  g_autofree char *number =
    tanlu_chart_format_value (displayed_value (data, value), data->language);

  g_string_append (text, number);
}

static void
describe_series (GString                *text,
                 const TanluChartData   *data,
                 const TanluChartSeries *series)
{
  gboolean chinese = data->language == TANLU_CHART_LANGUAGE_CHINESE;
  int latest = -1;
  int peak = -1;

  for (guint i = 0; i < series->n_points; i++)
    {
      if (isnan (series->y[i]))
        continue;
      latest = i;
      if (peak < 0 || series->y[i] > series->y[peak])
        peak = i;
    }

  g_string_append_printf (text, chinese ? "%s：" : "%s: ", series->label);

  if (latest < 0)
    {
      g_string_append (text, chinese ? "无数据。" : "no data. ");
      return;
    }

  g_string_append_printf (text, chinese ? "%.0f年 " : "%.0f, ", series->x[latest]);
  append_value (text, data, series->y[latest]);
  if (peak != latest)
    {
      g_string_append_printf (text, chinese ? "；峰值 %.0f年 " : "; peak %.0f, ", series->x[peak]);
      append_value (text, data, series->y[peak]);
    }
  if (series->projected_from < series->n_points)
    g_string_append_printf (text, chinese ? "；%.0f年起为预测" : "; projected from %.0f",
                            series->x[series->projected_from]);
  g_string_append (text, chinese ? "。" : ". ");
}

static void
describe_bars (GString              *text,
               const TanluChartData *data)
{
  gboolean chinese = data->language == TANLU_CHART_LANGUAGE_CHINESE;
  const TanluChartSeries *series;
  int highest = -1;
  int lowest = -1;

  if (data->series->len == 0)
    return;

  series = g_ptr_array_index (data->series, 0);
  for (guint i = 0; i < series->n_points && i < data->categories->len; i++)
    {
      if (isnan (series->y[i]))
        continue;
      if (highest < 0 || series->y[i] > series->y[highest])
        highest = i;
      if (lowest < 0 || series->y[i] < series->y[lowest])
        lowest = i;
    }

  g_string_append_printf (text, chinese ? "共 %u 项。" : "%u items. ", data->categories->len);
  if (highest < 0)
    return;

  g_string_append_printf (text, chinese ? "最高：%s " : "Highest: %s, ",
                          (const char *) g_ptr_array_index (data->categories, highest));
  append_value (text, data, series->y[highest]);
  g_string_append_printf (text, chinese ? "；最低：%s " : "; lowest: %s, ",
                          (const char *) g_ptr_array_index (data->categories, lowest));
  append_value (text, data, series->y[lowest]);
  g_string_append (text, chinese ? "。" : ". ");

  if (data->highlight >= 0 && (guint) data->highlight < data->categories->len)
    {
      guint rank = 1;

      for (guint i = 0; i < series->n_points; i++)
        if (!isnan (series->y[i]) && series->y[i] > series->y[data->highlight])
          rank++;

      g_string_append_printf (text, chinese ? "%s 排第 %u。" : "%s ranks %u. ",
                              (const char *) g_ptr_array_index (data->categories, data->highlight),
                              rank);
    }
}

/**
 * tanlu_chart_describe:
 * @data: a chart
 *
 * Says in a few sentences, in the chart's language, what the chart
 * shows.
 *
 * Returns: (transfer full): the description
 */
char *
tanlu_chart_describe (const TanluChartData *data)
{
  gboolean chinese;
  g_autofree char *unit = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  chinese = data->language == TANLU_CHART_LANGUAGE_CHINESE;
  unit = tanlu_chart_unit_label (data->unit, data->unit_scale, data->language);
  text = g_string_new (NULL);

  if (data->percent && data->kind == TANLU_CHART_KIND_STACKED_AREA)
    g_string_append (text, chinese ? "百分比堆积面积图" : "Stacked area chart of shares");
  else
    switch (data->kind)
      {
      case TANLU_CHART_KIND_LINE:
      case TANLU_CHART_KIND_SPARKLINE:
        g_string_append (text, chinese ? "折线图" : "Line chart");
        break;
      case TANLU_CHART_KIND_STACKED_AREA:
        g_string_append (text, chinese ? "堆积面积图" : "Stacked area chart");
        break;
      case TANLU_CHART_KIND_BARS:
        g_string_append (text, chinese ? "条形图" : "Bar chart");
        break;
      default:
        g_assert_not_reached ();
      }

  if (unit[0] != '\0')
    g_string_append_printf (text, chinese ? "，单位：%s" : " in %s", unit);
  g_string_append (text, chinese ? "。" : ". ");

  if (data->kind == TANLU_CHART_KIND_BARS)
    describe_bars (text, data);
  else
    for (guint i = 0; i < data->series->len; i++)
      {
        const TanluChartSeries *series = g_ptr_array_index (data->series, i);

        if (!series->hidden)
          describe_series (text, data, series);
      }

  if (data->note != NULL && data->note[0] != '\0')
    g_string_append_printf (text, chinese ? "注：%s。" : "Note: %s. ", data->note);
  if (data->source != NULL && data->source[0] != '\0')
    g_string_append_printf (text, chinese ? "来源：%s" : "Source: %s", data->source);

  /* Drop a trailing space left by the English sentences. */
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}
