/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <math.h>

#include "tanlu-pathway-check.h"
#include "store/tanlu-region.h"

/* A pathway against the targets of plans: the intensity reductions, the
 * peak and neutrality, each met or missed with its gap and, for
 * intensity, the yearly change it would take from the base year. */

void
tanlu_pathway_check_free (TanluPathwayCheck *check)
{
  if (check == NULL)
    return;

  tanlu_policy_target_free (check->target);
  g_free (check->summary_zh);
  g_free (check->summary_en);
  g_free (check);
}

const char *
tanlu_pathway_check_get_summary (const TanluPathwayCheck *check,
                                 gboolean                 chinese)
{
  return chinese ? check->summary_zh : check->summary_en;
}

/* CO₂ per unit of GDP in @year relative to @base_year's. */
static double
intensity_ratio (const TanluPathway *pathway,
                 guint               year,
                 guint               base_year)
{
  TanluPathwayMetric index = tanlu_pathway_has (pathway, TANLU_PATHWAY_INTENSITY_INDEX_2005)
                               ? TANLU_PATHWAY_INTENSITY_INDEX_2005
                               : TANLU_PATHWAY_INTENSITY_INDEX_2020;

  return tanlu_pathway_get (pathway, index, year) / tanlu_pathway_get (pathway, index, base_year);
}

static void
check_intensity (TanluPathwayCheck  *check,
                 const TanluPathway *pathway)
{
  const TanluPolicyTarget *target = check->target;
  guint from = pathway->base_year;
  double ratio = intensity_ratio (pathway, target->target_year, target->base_year);
  double needed_ratio;

  if (isnan (ratio))
    {
      check->status = TANLU_CHECK_NOT_CHECKABLE;
      check->summary_zh = g_strdup_printf ("单位GDP二氧化碳排放%u年比%u年：缺少排放或GDP数据，无法核对。",
                                           target->target_year, target->base_year);
      check->summary_en = g_strdup_printf ("CO₂ per unit of GDP, %u against %u: cannot be checked "
                                           "without emissions and GDP for both years.",
                                           target->target_year, target->base_year);
      return;
    }

  check->achieved = (1 - ratio) * 100;
  check->gap = MAX (0, target->value - check->achieved);
  /* "about" and "at least" a reduction are both met by reaching it. */
  check->status = check->achieved >= target->value - 1e-9 ? TANLU_CHECK_MET : TANLU_CHECK_MISSED;

  needed_ratio = (1 - target->value / 100) * intensity_ratio (pathway, target->base_year, from);
  if (target->target_year > from && needed_ratio > 0)
    {
      check->needed_rate = (pow (needed_ratio, 1.0 / (target->target_year - from)) - 1) * 100;
      check->pathway_rate =
        (pow (intensity_ratio (pathway, target->target_year, from),
              1.0 / (target->target_year - from)) - 1) * 100;
    }

  if (check->status == TANLU_CHECK_MET)
    {
      check->summary_zh = g_strdup_printf ("单位GDP二氧化碳排放%u年比%u年下降%.1f%%（目标%.4g%%）：达成。",
                                           target->target_year, target->base_year, check->achieved,
                                           target->value);
      check->summary_en = g_strdup_printf ("CO₂ per unit of GDP %.1f %% lower in %u than in %u "
                                           "(target %.4g %%): met.",
                                           check->achieved, target->target_year,
                                           target->base_year, target->value);
    }
  else
    {
      check->summary_zh = g_strdup_printf (
        "单位GDP二氧化碳排放%u年比%u年下降%.1f%%（目标%.4g%%）：未达成，差%.1f个百分点；"
        "需要从%u年到%u年每年下降%.1f%%（本路径为%.1f%%）。",
        target->target_year, target->base_year, check->achieved, target->value, check->gap, from,
        target->target_year, -check->needed_rate, -check->pathway_rate);
      check->summary_en = g_strdup_printf (
        "CO₂ per unit of GDP %.1f %% lower in %u than in %u (target %.4g %%): missed by %.1f "
        "points; needs CO₂ per GDP %+.1f %% a year from %u to %u (this pathway: %+.1f %%).",
        check->achieved, target->target_year, target->base_year, target->value, check->gap,
        check->needed_rate, from, target->target_year, check->pathway_rate);
    }
}

static void
check_peak (TanluPathwayCheck  *check,
            const TanluPathway *pathway)
{
  guint by = (guint) check->target->value;
  const char *kind_zh = pathway->peak_year <= pathway->base_year ? "（已观测）" : "";
  const char *kind_en = pathway->peak_year <= pathway->base_year ? " (observed)" : "";

  check->achieved = pathway->peak_year;
  if (pathway->peaked && pathway->peak_year <= by)
    {
      check->status = TANLU_CHECK_MET;
      check->summary_zh = g_strdup_printf ("%u年达峰%s，峰值%.1f百万吨（目标：%u年前达峰）：达成。",
                                           pathway->peak_year, kind_zh, pathway->peak_value, by);
      check->summary_en = g_strdup_printf ("Peaks in %u%s at %.1f Mt (target: peak by %u): met.",
                                           pathway->peak_year, kind_en, pathway->peak_value, by);
    }
  else if (!pathway->peaked)
    {
      check->status = TANLU_CHECK_MISSED;
      check->gap = pathway->end_year - by;
      check->summary_zh = g_strdup_printf ("到%u年仍未达峰（目标：%u年前达峰）：未达成。",
                                           pathway->end_year, by);
      check->summary_en = g_strdup_printf ("Still rising in %u (target: peak by %u): missed.",
                                           pathway->end_year, by);
    }
  else
    {
      check->status = TANLU_CHECK_MISSED;
      check->gap = pathway->peak_year - by;
      check->summary_zh = g_strdup_printf ("%u年达峰，峰值%.1f百万吨（目标：%u年前达峰）：晚%u年。",
                                           pathway->peak_year, pathway->peak_value, by,
                                           pathway->peak_year - by);
      check->summary_en = g_strdup_printf ("Peaks in %u at %.1f Mt (target: peak by %u): %u "
                                           "years late.",
                                           pathway->peak_year, pathway->peak_value, by,
                                           pathway->peak_year - by);
    }
}

static void
check_neutrality (TanluPathwayCheck  *check,
                  const TanluPathway *pathway)
{
  guint year = (guint) check->target->value;
  double net = tanlu_pathway_get (pathway, TANLU_PATHWAY_CO2_NET, year);

  if (isnan (net))
    {
      check->status = TANLU_CHECK_NOT_CHECKABLE;
      check->summary_zh = g_strdup_printf ("碳中和（%u年）：本路径不到%u年。", year, year);
      check->summary_en = g_strdup_printf ("Carbon neutrality by %u: the pathway ends before %u.",
                                           year, year);
      return;
    }

  check->achieved = net;
  check->gap = MAX (0, net);
  check->status = net <= 1e-9 ? TANLU_CHECK_MET : TANLU_CHECK_MISSED;
  if (check->status == TANLU_CHECK_MET)
    {
      check->summary_zh = g_strdup_printf ("%u年二氧化碳净排放%.1f百万吨（目标：%u年碳中和）：达成"
                                           "（仅计二氧化碳及输入的移除量）。",
                                           year, net, year);
      check->summary_en = g_strdup_printf ("Net CO₂ in %u: %.1f Mt (target: carbon neutral by "
                                           "%u): met (CO₂ and the removals entered only).",
                                           year, net, year);
    }
  else
    {
      check->summary_zh = g_strdup_printf ("%u年二氧化碳净排放%.1f百万吨（目标：%u年碳中和）：未达成，"
                                           "还需减排或移除%.1f百万吨（碳汇未计入，可作为移除量输入）。",
                                           year, net, year, net);
      check->summary_en = g_strdup_printf ("Net CO₂ in %u: %.1f Mt (target: carbon neutral by "
                                           "%u): missed; %.1f Mt more to cut or remove (sinks are "
                                           "not counted unless entered as removals).",
                                           year, net, year, net);
    }
}

/**
 * tanlu_pathway_check_targets:
 * @targets: (element-type TanluPolicyTarget): targets to check
 * @reference: whether they are another region's, shown for reference
 *
 * Returns: (transfer full) (element-type TanluPathwayCheck): one check per
 *   target; targets on figures Tanlu does not have are not checkable
 */
GPtrArray *
tanlu_pathway_check_targets (const TanluPathway *pathway,
                             GPtrArray          *targets,
                             gboolean            reference)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_pathway_check_free);

  for (guint i = 0; i < targets->len; i++)
    {
      TanluPathwayCheck *check = g_new0 (TanluPathwayCheck, 1);
      const char *indicator;

      check->target = tanlu_policy_target_copy (g_ptr_array_index (targets, i));
      check->reference = reference;
      check->needed_rate = NAN;
      check->pathway_rate = NAN;
      check->achieved = NAN;
      indicator = check->target->indicator;

      if (g_str_equal (indicator, "co2_intensity_reduction_pct") && check->target->base_year != 0)
        check_intensity (check, pathway);
      else if (g_str_equal (indicator, "co2_peak_year"))
        check_peak (check, pathway);
      else if (g_str_equal (indicator, "carbon_neutral_year"))
        check_neutrality (check, pathway);
      else
        {
          check->status = TANLU_CHECK_NOT_CHECKABLE;
          check->summary_zh = g_strdup ("本软件没有可核对此目标的数据（如能源消费）。");
          check->summary_en = g_strdup ("Tanlu has no figures to check this target with (such as "
                                        "energy use).");
        }

      g_ptr_array_add (checks, check);
    }

  return checks;
}

/**
 * tanlu_pathway_check_compare_targets:
 *
 * Orders pointers to targets by target year, then as a plan lists them:
 * intensity, peak, neutrality, then the others by their place in the plan.
 */
int
tanlu_pathway_check_compare_targets (gconstpointer a,
                                     gconstpointer b)
{
  const TanluPolicyTarget *ta = *(TanluPolicyTarget **) a;
  const TanluPolicyTarget *tb = *(TanluPolicyTarget **) b;
  static const char * const order[] = {
    "co2_intensity_reduction_pct", "co2_peak_year", "carbon_neutral_year",
  };
  guint ra = G_N_ELEMENTS (order), rb = G_N_ELEMENTS (order);

  if (ta->target_year != tb->target_year)
    return ta->target_year < tb->target_year ? -1 : 1;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (g_str_equal (ta->indicator, order[i]))
        ra = i;
      if (g_str_equal (tb->indicator, order[i]))
        rb = i;
    }
  if (ra != rb)
    return ra < rb ? -1 : 1;

  return (ta->quote_offset > tb->quote_offset) - (ta->quote_offset < tb->quote_offset);
}

/**
 * tanlu_pathway_check_region_targets:
 *
 * Only what a pathway of the whole region can be held to: targets of the
 * whole region (not of a sector or area) in its own plans (not a
 * ministry's or a district's).
 *
 * Returns: (transfer full) (element-type TanluPolicyTarget) (nullable): the
 *   targets, as the store lists them
 */
GPtrArray *
tanlu_pathway_check_region_targets (TanluStore  *store,
                                    guint        code,
                                    GError     **error)
{
  GPtrArray *targets = tanlu_store_list_policy_targets (store, code, NULL, error);

  for (guint i = targets != NULL ? targets->len : 0; i-- > 0;)
    {
      const TanluPolicyTarget *target = g_ptr_array_index (targets, i);

      if (g_strcmp0 (target->scope, "region") != 0 ||
          g_strcmp0 (target->document_level, "ministry") == 0 ||
          g_strcmp0 (target->document_level, "district") == 0)
        g_ptr_array_remove_index (targets, i);
    }

  return targets;
}

/**
 * tanlu_pathway_library_check:
 *
 * Checks a pathway against its region's targets; for a region without
 * targets of its own, against the nation's, marked as a reference.
 *
 * Returns: (transfer full) (element-type TanluPathwayCheck) (nullable): the
 *   checks
 */
GPtrArray *
tanlu_pathway_library_check (TanluPathwayLibrary  *library,
                             const TanluPathway   *pathway,
                             GError              **error)
{
  TanluStore *store = tanlu_pathway_library_get_store (library);
  TanluRegion *region = tanlu_store_lookup_region_by_key (store, pathway->region);
  g_autoptr(GPtrArray) targets = NULL;
  guint code = region != NULL ? tanlu_region_get_code (region) : 0;
  gboolean reference = FALSE;

  if (code != 0 && tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP &&
      !(targets = tanlu_pathway_check_region_targets (store, code, error)))
    return NULL;

  if (targets == NULL || targets->len == 0)
    {
      g_clear_pointer (&targets, g_ptr_array_unref);
      if (!(targets = tanlu_pathway_check_region_targets (store, TANLU_REGION_CODE_NATION,
                                                          error)))
        return NULL;
      reference = code != TANLU_REGION_CODE_NATION;
    }

  g_ptr_array_sort (targets, tanlu_pathway_check_compare_targets);
  return tanlu_pathway_check_targets (pathway, targets, reference);
}
