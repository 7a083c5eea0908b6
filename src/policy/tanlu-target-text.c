/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-target-text"

#include "config.h"

#include "tanlu-target-text.h"

#include <string.h>

/* How a target reads in a list: the indicator's name and the target as a
 * sentence, in Chinese or English. These follow the language asked for,
 * which may be another than the interface's, like the charts' words. */

static const struct
{
  const char *code;
  const char *name_zh;
  const char *name_en;
} indicators[] = {
  { "co2_intensity_reduction_pct", "单位GDP二氧化碳排放下降", "CO₂ per unit of GDP, reduction" },
  { "energy_intensity_reduction_pct", "单位GDP能耗下降", "Energy per unit of GDP, reduction" },
  { "nonfossil_share_pct", "非化石能源消费比重", "Non-fossil share of energy use" },
  { "coal_share_pct", "煤炭消费比重", "Coal share of energy use" },
  { "forest_coverage_pct", "森林覆盖率", "Forest coverage" },
  { "forest_stock_100m_m3", "森林蓄积量", "Forest stock" },
  { "co2_peak_year", "二氧化碳排放达峰", "CO₂ emissions peak" },
  { "carbon_neutral_year", "碳中和", "Carbon neutrality" },
  { "wind_solar_capacity_gw", "风电、太阳能发电装机", "Wind and solar capacity" },
  { "renewable_capacity_gw", "可再生能源装机", "Renewable capacity" },
  { "nev_share_pct", "新能源汽车占比", "Share of new-energy vehicles" },
  { "green_building_share_pct", "绿色建筑占比", "Share of green buildings" },
};

/**
 * tanlu_target_indicator_name:
 *
 * Returns: (transfer full): the indicator's name; for one outside the
 *   vocabulary (`other: …`), its note
 */
char *
tanlu_target_indicator_name (const char *indicator,
                             gboolean    chinese)
{
  g_return_val_if_fail (indicator != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    if (g_str_equal (indicators[i].code, indicator))
      return g_strdup (chinese ? indicators[i].name_zh : indicators[i].name_en);

  if (g_str_has_prefix (indicator, "other:"))
    return g_strstrip (g_strdup (indicator + strlen ("other:")));

  return g_strdup (indicator);
}

/**
 * tanlu_target_title:
 *
 * What a target is about, to head it: its indicator's name; for one outside
 * the vocabulary, whose note is a reviewer's English, in Chinese the plan's
 * own words that state it.
 *
 * Returns: (transfer full): the title
 */
char *
tanlu_target_title (const TanluPolicyTarget *target,
                    gboolean                 chinese)
{
  g_return_val_if_fail (target != NULL, NULL);

  if (chinese && g_str_has_prefix (target->indicator, "other:") && target->quote != NULL)
    return g_strdup (target->quote);

  return tanlu_target_indicator_name (target->indicator, chinese);
}

static const char *
qualifier_text (TanluTargetQualifier qualifier,
                gboolean             chinese,
                gboolean             year)
{
  switch (qualifier)
    {
    case TANLU_TARGET_ABOUT:
      return chinese ? "左右" : "about ";
    case TANLU_TARGET_AT_LEAST:
      return chinese ? "以上" : "at least ";
    case TANLU_TARGET_AT_MOST:
      return year ? (chinese ? "前" : "by ") : (chinese ? "以下" : "at most ");
    case TANLU_TARGET_EXACT:
    default:
      return year && !chinese ? "in " : "";
    }
}

/**
 * tanlu_target_describe:
 *
 * Returns: (transfer full): the target as a short sentence, such as
 *   "−18 % by 2025 from 2020" or "2030年前"
 */
char *
tanlu_target_describe (const TanluPolicyTarget *target,
                       gboolean                 chinese)
{
  gboolean year = g_str_has_suffix (target->indicator, "_year");
  gboolean reduction = strstr (target->indicator, "reduction") != NULL;
  const char *qualifier = qualifier_text (target->qualifier, chinese, year);
  g_autofree char *value = NULL;
  GString *text = g_string_new (NULL);

  if (year)
    {
      if (chinese)
        g_string_append_printf (text, "%u年%s", (guint) target->value, qualifier);
      else
        g_string_append_printf (text, "%s%u", qualifier, (guint) target->value);
      return g_string_free (text, FALSE);
    }

  value = g_strdup_printf ("%s%g", reduction ? "−" : "", target->value);
  if (chinese)
    {
      g_string_append_printf (text, "%u年", target->target_year);
      if (target->base_year != 0)
        g_string_append_printf (text, "较%u年", target->base_year);
      g_string_append_printf (text, "%s %s%s", value, target->unit, qualifier);
    }
  else
    {
      g_string_append_printf (text, "%s%s %s by %u", qualifier, value, target->unit,
                              target->target_year);
      if (target->base_year != 0)
        g_string_append_printf (text, " from %u", target->base_year);
    }

  return g_string_free (text, FALSE);
}
