/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TanluChartUnitScale:
 * @TANLU_CHART_UNIT_SCALE_NONE: values are shown in the data's own unit
 * @TANLU_CHART_UNIT_SCALE_MT: million tonnes, "Mt CO₂"
 * @TANLU_CHART_UNIT_SCALE_WAN_TONNES: 万吨 CO₂ (values × 100)
 * @TANLU_CHART_UNIT_SCALE_YI_TONNES: 亿吨 CO₂ (values ÷ 100)
 *
 * How mass values given in Mt CO₂ are shown. Ignored for data whose unit
 * is not Mt CO₂ (then shown as is, with the data's unit label).
 */
typedef enum
{
  TANLU_CHART_UNIT_SCALE_NONE,
  TANLU_CHART_UNIT_SCALE_MT,
  TANLU_CHART_UNIT_SCALE_WAN_TONNES,
  TANLU_CHART_UNIT_SCALE_YI_TONNES,
} TanluChartUnitScale;

typedef enum
{
  TANLU_CHART_LANGUAGE_ENGLISH,
  TANLU_CHART_LANGUAGE_CHINESE,
} TanluChartLanguage;

/* Axes and numbers: shared by the engine, the widget's tooltips and the
 * dashboard cards, and tested on their own. */

GArray     *tanlu_chart_nice_ticks          (double               min,
                                             double               max,
                                             guint                max_ticks,
                                             double              *nice_min,
                                             double              *nice_max,
                                             double              *step);
GArray     *tanlu_chart_year_ticks          (double               min_year,
                                             double               max_year,
                                             guint                max_ticks);
GArray     *tanlu_chart_log_ticks           (double               min,
                                             double               max,
                                             double              *nice_min,
                                             double              *nice_max);
int         tanlu_chart_step_decimals       (double               step);
char       *tanlu_chart_format_number       (double               value,
                                             int                  decimals,
                                             TanluChartLanguage   language);
char       *tanlu_chart_format_value        (double               value,
                                             TanluChartLanguage   language);
double      tanlu_chart_unit_scale_factor   (TanluChartUnitScale  scale);
char       *tanlu_chart_unit_label          (const char          *unit,
                                             TanluChartUnitScale  scale,
                                             TanluChartLanguage   language);
gboolean    tanlu_chart_unit_is_mt_co2      (const char          *unit);

G_END_DECLS
