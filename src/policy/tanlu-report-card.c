/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-report-card"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-report-card.h"
#include "tanlu-target-text.h"
#include "figures/tanlu-summary.h"
#include "pathways/tanlu-pathway-spec.h"
#include "pathways/tanlu-pathway.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"

#include <math.h>
#include <string.h>

/* A region's report card: each target the figures can speak to, where it
 * stands on the latest data, the yearly change it takes from there, and
 * each saved pathway of the region met or missed (the checks of
 * tanlu-pathway-check.c). Emissions are the observations (CEADs); CO₂ per
 * unit of GDP divides them by the GDP series the pathways use, or by one a
 * user imported, and says which and whether its figures are projections. */

#define INDICATOR_INTENSITY "co2_intensity_reduction_pct"
#define INDICATOR_PEAK      "co2_peak_year"
#define INDICATOR_NEUTRAL   "carbon_neutral_year"
#define DEFAULT_GDP_SERIES  "gdp"

/* The indicators whose targets Tanlu's figures speak to, with the nation's
 * shown for reference when the region has none of its own. */
static const char * const co2_indicators[] = {
  INDICATOR_INTENSITY, INDICATOR_PEAK, INDICATOR_NEUTRAL,
};

/* ------------------------------------------------------------------------ */
/* Items                                                                    */

static void
report_pathway_free (TanluReportPathway *entry)
{
  g_free (entry->name);
  g_clear_pointer (&entry->check, tanlu_pathway_check_free);
  g_free (entry->error_message);
  g_free (entry);
}

void
tanlu_report_item_free (TanluReportItem *item)
{
  if (item == NULL)
    return;

  tanlu_policy_target_free (item->target);
  g_free (item->reason_zh);
  g_free (item->reason_en);
  g_clear_object (&item->co2_source);
  g_free (item->gdp_series);
  g_clear_object (&item->gdp_source_base);
  g_clear_object (&item->gdp_source_latest);
  g_clear_object (&item->gdp_proxy);
  g_clear_pointer (&item->pathways, g_ptr_array_unref);
  g_free (item->status_zh);
  g_free (item->status_en);
  g_free (item->needed_zh);
  g_free (item->needed_en);
  g_free (item->sources_zh);
  g_free (item->sources_en);
  g_free (item);
}

/**
 * tanlu_report_item_has_figures:
 *
 * Returns: whether the target is of a kind Tanlu's figures or pathways
 *   speak to (CO₂ per unit of GDP, the peak, neutrality), even when these
 *   data cannot check it yet
 */
gboolean
tanlu_report_item_has_figures (const TanluReportItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (co2_indicators); i++)
    if (g_str_equal (item->target->indicator, co2_indicators[i]))
      return TRUE;

  return FALSE;
}

const char *
tanlu_report_item_get_status_text (const TanluReportItem *item,
                                   gboolean               chinese)
{
  g_return_val_if_fail (item != NULL, NULL);

  return chinese ? item->status_zh : item->status_en;
}

/**
 * tanlu_report_item_get_needed_text:
 *
 * Returns: (nullable): what it takes from the latest data, when that can
 *   be said
 */
const char *
tanlu_report_item_get_needed_text (const TanluReportItem *item,
                                   gboolean               chinese)
{
  g_return_val_if_fail (item != NULL, NULL);

  return chinese ? item->needed_zh : item->needed_en;
}

const char *
tanlu_report_item_get_sources_text (const TanluReportItem *item,
                                    gboolean               chinese)
{
  g_return_val_if_fail (item != NULL, NULL);

  return chinese ? item->sources_zh : item->sources_en;
}

const char *
tanlu_report_status_to_string (TanluReportStatus status)
{
  switch (status)
    {
    case TANLU_REPORT_UNDER_WAY:
      return "under_way";
    case TANLU_REPORT_MET:
      return "met";
    case TANLU_REPORT_MISSED:
      return "missed";
    case TANLU_REPORT_NOT_CHECKABLE:
      return "not_checkable";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tanlu_report_peak_to_string (TanluReportPeak peak)
{
  switch (peak)
    {
    case TANLU_REPORT_PEAK_NONE:
      return "";
    case TANLU_REPORT_PEAK_RISING:
      return "rising";
    case TANLU_REPORT_PEAK_BELOW:
      return "below_peak";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tanlu_report_needed_rate:
 * @target_level: the level the target asks for in @target_year
 * @latest_level: the level in @latest_year
 *
 * The constant yearly change that takes @latest_level to @target_level:
 *
 *     needed = (target_level / latest_level)^(1 / (target_year − latest_year)) − 1
 *
 * Returns: that change in % a year, or NAN when the target year is not
 *   after the latest year or a level is not positive
 */
double
tanlu_report_needed_rate (double target_level,
                          double latest_level,
                          guint  latest_year,
                          guint  target_year)
{
  if (target_year <= latest_year || !(target_level > 0) || !(latest_level > 0))
    return NAN;

  return (pow (target_level / latest_level, 1.0 / (target_year - latest_year)) - 1) * 100;
}

/* ------------------------------------------------------------------------ */
/* Figures                                                                  */

static const TanluSeriesPoint *
find_point (GArray *series,
            guint   year)
{
  for (guint i = 0; series != NULL && i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return &g_array_index (series, TanluSeriesPoint, i);

  return NULL;
}

/* An emissions figure the card may use: comparable with the latest, and
 * complete in the source. */
static const TanluSeriesPoint *
co2_point (const TanluSummary *summary,
           guint               year)
{
  if (tanlu_summary_is_incomplete (summary, year))
    return NULL;

  return find_point (summary->comparable, year);
}

static guint
latest_co2_year (const TanluSummary *summary)
{
  for (guint i = summary->comparable->len; i-- > 0;)
    {
      guint year = g_array_index (summary->comparable, TanluSeriesPoint, i).year;

      if (!tanlu_summary_is_incomplete (summary, year))
        return year;
    }

  return 0;
}

static gboolean
is_gdp_code (const char *code)
{
  return g_str_equal (code, DEFAULT_GDP_SERIES) || g_str_has_prefix (code, "gdp.");
}

static gboolean
is_projection (TanluStore *store,
               gint64      source_id)
{
  TanluSource *source = tanlu_store_get_source (store, source_id);

  return source != NULL && tanlu_source_is_projection (source);
}

/* The region's GDP series, or for a city without one its province's,
 * whose growth then stands in for the city's as it does for pathways. */
static GArray *
read_gdp (TanluStore   *store,
          TanluRegion  *region,
          const char   *code,
          TanluRegion **proxy)
{
  g_autoptr(GArray) series = tanlu_store_get_series (store, tanlu_region_get_code (region), code,
                                                     NULL);
  TanluRegion *province;

  *proxy = NULL;
  if (series != NULL && series->len > 0)
    return g_steal_pointer (&series);

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_CITY ||
      (province = tanlu_store_lookup_region (store, tanlu_region_get_parent_code (region))) ==
        NULL)
    return NULL;

  g_clear_pointer (&series, g_array_unref);
  series = tanlu_store_get_series (store, tanlu_region_get_code (province), code, NULL);
  if (series == NULL || series->len == 0)
    return NULL;

  *proxy = province;
  return g_steal_pointer (&series);
}

/* Which GDP: a series a user imported (code "gdp.…") whose figure for the
 * latest emissions year is not a projection comes first; then the
 * pathways' GDP driver ("gdp", GCAM-China in the bundled data); then any
 * other GDP series with figures. */
static GArray *
choose_gdp (TanluStore   *store,
            TanluRegion  *region,
            guint         latest_year,
            char        **code_out,
            TanluRegion **proxy_out)
{
  g_autoptr(GPtrArray) indicators = tanlu_store_list_indicators (store);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < indicators->len; i++)
    {
      const char *code = tanlu_indicator_get_code (g_ptr_array_index (indicators, i));

      if (is_gdp_code (code) && !g_str_equal (code, DEFAULT_GDP_SERIES))
        g_ptr_array_add (codes, (gpointer) code);
    }
  g_ptr_array_sort (codes, (GCompareFunc) g_strcmp0);

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < codes->len + 1; i++)
      {
        const char *code = i < codes->len ? g_ptr_array_index (codes, i) : DEFAULT_GDP_SERIES;
        g_autoptr(GArray) series = NULL;
        const TanluSeriesPoint *latest;
        TanluRegion *proxy;

        if ((pass == 0 && i == codes->len) || (pass == 1 && i < codes->len) ||
            tanlu_store_lookup_indicator (store, code) == NULL ||
            !(series = read_gdp (store, region, code, &proxy)))
          continue;

        latest = find_point (series, latest_year);
        if (pass == 0 && (latest == NULL || is_projection (store, latest->source_id)))
          continue;

        *code_out = g_strdup (code);
        *proxy_out = proxy;
        return g_steal_pointer (&series);
      }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Texts                                                                    */

/* A yearly change for an English sentence, with a true minus sign (the
 * Chinese ones say 下降 or 上升). */
static char *
format_rate (double rate)
{
  return g_strdup_printf ("%s%.1f %%", rate < 0 ? "−" : "+", fabs (rate));
}

static const char *
source_title (TanluSource *source,
              gboolean     chinese)
{
  const char *title = chinese ? tanlu_source_get_title_zh (source)
                              : tanlu_source_get_title_en (source);

  return title != NULL && *title != '\0' ? title : tanlu_source_get_title (source);
}

static void
set_sources (TanluReportItem *item,
             TanluStore      *store,
             gboolean         intensity)
{
  GString *zh = g_string_new (NULL);
  GString *en = g_string_new (NULL);

  if (item->co2_source != NULL)
    {
      g_string_append_printf (zh, "二氧化碳排放：%s。", source_title (item->co2_source, TRUE));
      g_string_append_printf (en, "CO₂: %s.", source_title (item->co2_source, FALSE));
    }

  if (intensity && item->gdp_series != NULL &&
      (item->gdp_source_base != NULL || item->gdp_source_latest != NULL))
    {
      TanluIndicator *indicator = tanlu_store_lookup_indicator (store, item->gdp_series);
      const char *name_zh = tanlu_indicator_get_name_zh (indicator);
      const char *name_en = tanlu_indicator_get_name_en (indicator);
      TanluSource *base = item->gdp_source_base;
      TanluSource *latest = item->gdp_source_latest;
      guint base_year = item->target->base_year;

      if (en->len > 0)
        g_string_append_c (en, ' ');
      g_string_append_printf (zh, "GDP（%s，%s）：", name_zh != NULL ? name_zh : item->gdp_series,
                              item->gdp_series);
      g_string_append_printf (en, "GDP (%s, %s): ", name_en != NULL ? name_en : item->gdp_series,
                              item->gdp_series);
      if (base != NULL && latest != NULL && base != latest)
        {
          g_string_append_printf (zh, "%u年取自%s，%u年取自%s。", base_year,
                                  source_title (base, TRUE), item->latest_year,
                                  source_title (latest, TRUE));
          g_string_append_printf (en, "%u from %s, %u from %s.", base_year,
                                  source_title (base, FALSE), item->latest_year,
                                  source_title (latest, FALSE));
        }
      else
        {
          TanluSource *only = base != NULL ? base : latest;

          g_string_append_printf (zh, "%s。", source_title (only, TRUE));
          g_string_append_printf (en, "%s.", source_title (only, FALSE));
        }
      if (item->gdp_proxy != NULL)
        {
          g_string_append_printf (zh, "本市没有GDP数据，按%s的GDP增长计算。",
                                  tanlu_region_get_name_zh (item->gdp_proxy));
          g_string_append_printf (en, " The city has no GDP series: %s's GDP growth stands in "
                                      "for its own.",
                                  tanlu_region_get_name_en (item->gdp_proxy));
        }
      if (item->gdp_projected)
        {
          g_string_append (zh, "所用GDP含预测值，并非统计数据。");
          g_string_append (en, " A GDP figure used is a projection, not statistics.");
        }
    }

  item->sources_zh = g_string_free (zh, FALSE);
  item->sources_en = g_string_free (en, FALSE);
}

static void
not_checkable (TanluReportItem *item,
               char            *reason_zh,
               char            *reason_en)
{
  item->status = TANLU_REPORT_NOT_CHECKABLE;
  item->reason_zh = reason_zh;
  item->reason_en = reason_en;
  item->status_zh = g_strdup_printf ("无法用现有数据核对：%s", reason_zh);
  item->status_en = g_strdup_printf ("Not checkable on the data: %s", reason_en);
}

/* ------------------------------------------------------------------------ */
/* Targets                                                                  */

static void
report_peak (TanluReportItem    *item,
             const TanluSummary *summary)
{
  guint by = (guint) item->target->value;
  guint latest = latest_co2_year (summary);
  const TanluSeriesPoint *point = latest != 0 ? co2_point (summary, latest) : NULL;

  if (point == NULL || summary->peak_year == 0)
    {
      not_checkable (item, g_strdup ("没有本地区的二氧化碳排放数据。"),
                     g_strdup ("there are no CO₂ emissions for the region."));
      return;
    }

  item->latest_year = latest;
  item->latest_value = point->value;
  item->peak_year = summary->peak_year;
  item->peak_value = summary->peak_value;
  item->below_peak = (1 - point->value / summary->peak_value) * 100;
  item->peak = summary->peak_year >= latest ? TANLU_REPORT_PEAK_RISING : TANLU_REPORT_PEAK_BELOW;

  if (item->peak == TANLU_REPORT_PEAK_RISING)
    {
      item->status_zh = g_strdup_printf ("%u年（最新数据）排放%.1f百万吨，为迄今最高：仍在上升。",
                                         latest, point->value);
      item->status_en = g_strdup_printf ("%.1f Mt in %u, the latest year, is the highest so far: "
                                         "still rising.",
                                         point->value, latest);
    }
  else
    {
      item->status_zh = g_strdup_printf ("迄今最高为%u年的%.1f百万吨；%u年（最新数据）为%.1f百万吨，"
                                         "比其低%.1f%%。",
                                         summary->peak_year, summary->peak_value, latest,
                                         point->value, item->below_peak);
      item->status_en = g_strdup_printf ("Highest so far in %u at %.1f Mt; %u, the latest year, "
                                         "is %.1f %% below it at %.1f Mt.",
                                         summary->peak_year, summary->peak_value, latest,
                                         item->below_peak, point->value);
    }

  if (latest <= by)
    {
      item->status = TANLU_REPORT_UNDER_WAY;
      if (item->peak == TANLU_REPORT_PEAK_RISING)
        {
          item->needed_zh = g_strdup_printf ("要在%u年前达峰，排放需在%u年内（自%u年起）转为下降，"
                                             "此后不再超过此前的最高值。",
                                             by, by - latest, latest);
          item->needed_en = g_strdup_printf ("To peak by %u, emissions must turn down within %u "
                                             "years of %u and never again exceed the highest "
                                             "until then.",
                                             by, by - latest, latest);
        }
      else
        {
          item->needed_zh = g_strdup_printf ("要在%u年前达峰，%u年以后任何一年的排放都不能超过此前的"
                                             "最高值（目前为%u年的%.1f百万吨）。",
                                             by, by, summary->peak_year, summary->peak_value);
          item->needed_en = g_strdup_printf ("To peak by %u, no year after %u may exceed the "
                                             "highest until then (so far %u's %.1f Mt).",
                                             by, by, summary->peak_year, summary->peak_value);
        }
    }
  else if (summary->peak_year <= by && item->peak == TANLU_REPORT_PEAK_BELOW)
    {
      /* The data run past the target year and stay below the highest. */
      item->status = TANLU_REPORT_MET;
      item->gap = 0;
    }
  else
    {
      item->status = TANLU_REPORT_MISSED;
      item->gap = summary->peak_year - by;
    }
}

static void
report_intensity (TanluReportItem    *item,
                  TanluStore         *store,
                  TanluRegion        *region,
                  const TanluSummary *summary)
{
  const TanluPolicyTarget *target = item->target;
  guint base_year = target->base_year;
  guint latest = latest_co2_year (summary);
  double share = 1 - target->value / 100;
  g_autoptr(GArray) gdp = NULL;
  const TanluSeriesPoint *co2_base, *co2_latest, *gdp_base, *gdp_latest;
  TanluRegion *proxy = NULL;
  g_autofree char *needed_en = NULL;
  guint to_year;

  if (base_year == 0)
    {
      not_checkable (item, g_strdup ("规划没有写明基准年。"),
                     g_strdup ("the plan states no base year."));
      return;
    }
  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      not_checkable (item, g_strdup ("本软件不合计地区组的GDP。"),
                     g_strdup ("Tanlu does not sum a group's GDP."));
      return;
    }
  if (latest == 0)
    {
      not_checkable (item, g_strdup ("没有本地区的二氧化碳排放数据。"),
                     g_strdup ("there are no CO₂ emissions for the region."));
      return;
    }
  if (base_year > latest)
    {
      /* The target alone fixes the change from its base year. */
      item->latest_year = latest;
      item->needed_from = base_year;
      item->needed_rate = tanlu_report_needed_rate (share, 1, base_year, target->target_year);
      not_checkable (item,
                     g_strdup_printf ("基准年%u年晚于最新的排放数据（%u年）。", base_year, latest),
                     g_strdup_printf ("the base year %u is after the latest emissions figure "
                                      "(%u).",
                                      base_year, latest));
      if (!isnan (item->needed_rate))
        {
          needed_en = format_rate (item->needed_rate);
          item->needed_zh = g_strdup_printf ("目标本身要求%u—%u年每年%s%.1f%%（自基准年起；数据止于%u年）。",
                                             base_year, target->target_year,
                                             item->needed_rate < 0 ? "下降" : "上升",
                                             fabs (item->needed_rate), latest);
          item->needed_en = g_strdup_printf ("The target itself means %s a year %u→%u (from the "
                                             "base year; the data end in %u).",
                                             needed_en, base_year, target->target_year, latest);
        }
      return;
    }

  if (!(gdp = choose_gdp (store, region, latest, &item->gdp_series, &proxy)))
    {
      not_checkable (item, g_strdup ("没有本地区的GDP数据（可导入指标代码为gdp.…的GDP序列）。"),
                     g_strdup ("there is no GDP series for the region (import one with an "
                               "indicator code gdp.…)."));
      return;
    }
  if (proxy != NULL)
    item->gdp_proxy = g_object_ref (proxy);

  /* The latest year with emissions and GDP both. */
  for (; latest > 0; latest--)
    if (co2_point (summary, latest) != NULL && find_point (gdp, latest) != NULL)
      break;
  if (latest == 0)
    {
      not_checkable (item, g_strdup ("排放与GDP没有共同的年份。"),
                     g_strdup ("the emissions and GDP have no year in common."));
      return;
    }

  co2_latest = co2_point (summary, latest);
  gdp_latest = find_point (gdp, latest);
  item->latest_year = latest;
  item->latest_value = co2_latest->value / gdp_latest->value;
  g_set_object (&item->gdp_source_latest, tanlu_store_get_source (store, gdp_latest->source_id));
  item->gdp_projected = is_projection (store, gdp_latest->source_id);

  co2_base = co2_point (summary, base_year);
  gdp_base = find_point (gdp, base_year);
  if (co2_base == NULL || gdp_base == NULL)
    {
      /* Nothing was computed from the GDP: the card does not name it. */
      g_clear_pointer (&item->gdp_series, g_free);
      g_clear_object (&item->gdp_source_latest);
      g_clear_object (&item->gdp_proxy);
      item->gdp_projected = FALSE;
      item->latest_value = NAN;
      not_checkable (item,
                     g_strdup_printf ("%u年（基准年）没有可比的%s数据。", base_year,
                                      co2_base == NULL ? "二氧化碳排放" : "GDP"),
                     g_strdup_printf ("the base year %u has no comparable %s figure.", base_year,
                                      co2_base == NULL ? "emissions" : "GDP"));
      return;
    }

  item->base_value = co2_base->value / gdp_base->value;
  g_set_object (&item->gdp_source_base, tanlu_store_get_source (store, gdp_base->source_id));
  item->gdp_projected = item->gdp_projected || is_projection (store, gdp_base->source_id);

  /* When the data reach the target year, the target year's own figure. */
  to_year = latest;
  if (latest >= target->target_year && co2_point (summary, target->target_year) != NULL &&
      find_point (gdp, target->target_year) != NULL)
    to_year = target->target_year;
  item->achieved = (1 - (co2_point (summary, to_year)->value /
                         find_point (gdp, to_year)->value) / item->base_value) * 100;

  {
    gboolean projected = is_projection (store, find_point (gdp, to_year)->source_id);
    g_autofree char *status_zh = NULL;
    g_autofree char *status_en = NULL;

    if (item->achieved >= 0)
      {
        status_zh = g_strdup_printf ("%u年单位GDP二氧化碳排放比%u年下降%.1f%%", to_year, base_year,
                                     item->achieved);
        status_en = g_strdup_printf ("CO₂ per unit of GDP in %u: %.1f %% below %u", to_year,
                                     item->achieved, base_year);
      }
    else
      {
        status_zh = g_strdup_printf ("%u年单位GDP二氧化碳排放比%u年上升%.1f%%", to_year, base_year,
                                     -item->achieved);
        status_en = g_strdup_printf ("CO₂ per unit of GDP in %u: %.1f %% above %u", to_year,
                                     -item->achieved, base_year);
      }
    /* The figure rests on a projection: it says so where it is read. */
    if (projected)
      {
        item->status_zh = g_strdup_printf ("%s（%u年GDP为预测值，并非统计数据）。", status_zh, to_year);
        item->status_en = g_strdup_printf ("%s, with %u's GDP a projection, not statistics.",
                                           status_en, to_year);
      }
    else
      {
        item->status_zh = g_strdup_printf ("%s。", status_zh);
        item->status_en = g_strdup_printf ("%s.", status_en);
      }
  }

  if (to_year == target->target_year || latest >= target->target_year)
    {
      /* "about" and "at least" a reduction are both met by reaching it. */
      item->status = item->achieved >= target->value - 1e-9 ? TANLU_REPORT_MET
                                                            : TANLU_REPORT_MISSED;
      item->gap = MAX (0, target->value - item->achieved);
      return;
    }

  item->status = TANLU_REPORT_UNDER_WAY;
  item->needed_from = latest;
  item->needed_rate = tanlu_report_needed_rate (share * item->base_value, item->latest_value,
                                                latest, target->target_year);
  if (isnan (item->needed_rate))
    return;

  needed_en = format_rate (item->needed_rate);
  if (item->needed_rate < 0)
    {
      item->needed_zh = g_strdup_printf ("%u—%u年需每年下降%.1f%%。", latest, target->target_year,
                                         -item->needed_rate);
      item->needed_en = g_strdup_printf ("Needs %s a year %u→%u.", needed_en, latest,
                                         target->target_year);
    }
  else
    {
      item->needed_zh = g_strdup_printf ("已低于目标水平：%u—%u年每年上升不超过%.1f%%即可达成。",
                                         latest, target->target_year, item->needed_rate);
      item->needed_en = g_strdup_printf ("Already below the target's level: a change of up to %s "
                                         "a year %u→%u still meets it.",
                                         needed_en, latest, target->target_year);
    }
}

static void
report_neutrality (TanluReportItem    *item,
                   const TanluSummary *summary)
{
  guint latest = latest_co2_year (summary);
  const TanluSeriesPoint *point = latest != 0 ? co2_point (summary, latest) : NULL;

  not_checkable (item,
                 g_strdup ("碳中和看的是净排放，需要计入碳汇和移除量，本软件的数据只有排放；"
                           "路径输入移除量后可核对。"),
                 g_strdup ("neutrality is about net emissions, which need sinks and removals; "
                           "Tanlu's figures are emissions only. Pathways check it with the "
                           "removals entered."));
  if (point != NULL)
    {
      item->latest_year = latest;
      item->latest_value = point->value;
      item->needed_zh = g_strdup_printf ("%u年排放%.1f百万吨，需要在%u年前由减排和碳汇、移除量全部抵消。",
                                         latest, point->value, (guint) item->target->value);
      item->needed_en = g_strdup_printf ("Emissions of %.1f Mt in %u to be cut or balanced by "
                                         "sinks and removals by %u.",
                                         point->value, latest, (guint) item->target->value);
    }
}

static TanluReportItem *
report_target (TanluStore              *store,
               TanluRegion             *region,
               const TanluSummary      *summary,
               const TanluPolicyTarget *target,
               gboolean                 reference)
{
  TanluReportItem *item = g_new0 (TanluReportItem, 1);
  const char *indicator = target->indicator;
  gboolean intensity = g_str_equal (indicator, INDICATOR_INTENSITY);

  item->target = tanlu_policy_target_copy (target);
  item->reference = reference;
  item->latest_value = NAN;
  item->peak_value = NAN;
  item->below_peak = NAN;
  item->base_value = NAN;
  item->achieved = NAN;
  item->gap = NAN;
  item->needed_rate = NAN;
  item->pathways = g_ptr_array_new_with_free_func ((GDestroyNotify) report_pathway_free);
  if (summary->latest_source != NULL)
    item->co2_source = g_object_ref (summary->latest_source);

  if (intensity)
    report_intensity (item, store, region, summary);
  else if (g_str_equal (indicator, INDICATOR_PEAK))
    report_peak (item, summary);
  else if (g_str_equal (indicator, INDICATOR_NEUTRAL))
    report_neutrality (item, summary);
  else
    {
      g_clear_object (&item->co2_source);
      not_checkable (item, g_strdup ("本软件没有此目标所需的数据（如能源消费、装机容量）。"),
                     g_strdup ("Tanlu has no figures for this target (such as energy use or "
                               "capacity)."));
    }

  set_sources (item, store, intensity);
  return item;
}

/* The same target set in two plans is reported once, from the first. */
static gboolean
same_target (const TanluPolicyTarget *a,
             const TanluPolicyTarget *b)
{
  return g_str_equal (a->indicator, b->indicator) && a->target_year == b->target_year &&
         a->base_year == b->base_year && a->value == b->value && a->qualifier == b->qualifier;
}

static void
add_target (GPtrArray         *targets,
            TanluPolicyTarget *target)
{
  for (guint i = 0; i < targets->len; i++)
    if (same_target (g_ptr_array_index (targets, i), target))
      return;

  g_ptr_array_add (targets, target);
}

static gboolean
has_indicator (GPtrArray  *targets,
               const char *indicator)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_str_equal (((TanluPolicyTarget *) g_ptr_array_index (targets, i))->indicator,
                     indicator))
      return TRUE;

  return FALSE;
}

/* Each saved pathway of the region, run once and checked against every
 * item's target. */
static gboolean
check_pathways (TanluPathwayLibrary  *library,
                TanluRegion          *region,
                GPtrArray            *items,
                GError              **error)
{
  g_autoptr(GPtrArray) specs = tanlu_pathway_library_list (library, tanlu_region_get_key (region),
                                                           error);

  if (specs == NULL)
    return FALSE;

  for (guint p = 0; p < specs->len; p++)
    {
      TanluPathwaySpec *spec = g_ptr_array_index (specs, p);
      g_autoptr(GError) run_error = NULL;
      g_autoptr(TanluPathway) pathway = tanlu_pathway_library_run (library, spec, &run_error);

      for (guint i = 0; i < items->len; i++)
        {
          TanluReportItem *item = g_ptr_array_index (items, i);
          TanluReportPathway *entry;

          if (!tanlu_report_item_has_figures (item))
            continue;

          entry = g_new0 (TanluReportPathway, 1);
          entry->name = g_strdup (tanlu_pathway_spec_get_name (spec));
          if (pathway != NULL)
            {
              g_autoptr(GPtrArray) one = g_ptr_array_new ();
              g_autoptr(GPtrArray) checks = NULL;

              g_ptr_array_add (one, item->target);
              checks = tanlu_pathway_check_targets (pathway, one, item->reference);
              entry->check = g_ptr_array_steal_index (checks, 0);
            }
          else
            entry->error_message = g_strdup (run_error != NULL ? run_error->message : "");
          g_ptr_array_add (item->pathways, entry);
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * tanlu_report_card_build_for_library:
 * @library: the pathways, whose store holds the figures and targets
 * @region_code: a region's code (a group has none)
 *
 * The report card of a region: its own targets for the whole region, with
 * the nation's for reference on CO₂ per unit of GDP, the peak and
 * neutrality where it has none of its own, ordered by target year. The
 * same target in two plans is listed once.
 *
 * Returns: (transfer full) (element-type TanluReportItem) (nullable): the
 *   items; %NULL with @error set for an unknown region or a failed query
 */
GPtrArray *
tanlu_report_card_build_for_library (TanluPathwayLibrary  *library,
                                     guint                 region_code,
                                     GError              **error)
{
  TanluStore *store;
  TanluRegion *region;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) nation = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GHashTable) references = g_hash_table_new (NULL, NULL);
  g_autoptr(TanluSummary) summary = NULL;
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_report_item_free);

  g_return_val_if_fail (TANLU_IS_PATHWAY_LIBRARY (library), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = tanlu_pathway_library_get_store (library);
  region = region_code != 0 ? tanlu_store_lookup_region (store, region_code) : NULL;
  if (region == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no region with the code %u"), region_code);
      return NULL;
    }

  if (!(own = tanlu_pathway_check_region_targets (store, region_code, error)))
    return NULL;
  for (guint i = 0; i < own->len; i++)
    add_target (targets, g_ptr_array_index (own, i));

  if (region_code != TANLU_REGION_CODE_NATION)
    {
      if (!(nation = tanlu_pathway_check_region_targets (store, TANLU_REGION_CODE_NATION, error)))
        return NULL;

      for (guint k = 0; k < G_N_ELEMENTS (co2_indicators); k++)
        {
          if (has_indicator (own, co2_indicators[k]))
            continue;
          for (guint i = 0; i < nation->len; i++)
            {
              TanluPolicyTarget *target = g_ptr_array_index (nation, i);

              if (g_str_equal (target->indicator, co2_indicators[k]))
                {
                  g_hash_table_add (references, target);
                  add_target (targets, target);
                }
            }
        }
    }
  g_ptr_array_sort (targets, tanlu_pathway_check_compare_targets);

  if (!(summary = tanlu_summary_new (store, region, TANLU_INDICATOR_CO2_TOTAL, TANLU_SUMMARY_NONE,
                                     error)))
    return NULL;

  for (guint i = 0; i < targets->len; i++)
    {
      TanluPolicyTarget *target = g_ptr_array_index (targets, i);

      g_ptr_array_add (items, report_target (store, region, summary, target,
                                             g_hash_table_contains (references, target)));
    }

  if (!check_pathways (library, region, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

/**
 * tanlu_report_card_build:
 *
 * As tanlu_report_card_build_for_library(), with the saved pathways of
 * @store.
 *
 * Returns: (transfer full) (element-type TanluReportItem) (nullable): the
 *   items
 */
GPtrArray *
tanlu_report_card_build (TanluStore  *store,
                         guint        region_code,
                         GError     **error)
{
  g_autoptr(TanluPathwayLibrary) library = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  library = tanlu_pathway_library_new (store);
  return tanlu_report_card_build_for_library (library, region_code, error);
}
