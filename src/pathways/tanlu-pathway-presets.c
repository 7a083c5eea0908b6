/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tanlu-pathway-presets.h"

/* The presets, as levers computed from a region's own history and drivers.
 *
 * Intensities here are scaled so that GDP cancels: Ĩ(t) = C(t) × G(B)/G(t)
 * with B the base year, so Ĩ(B) = C(B), and over a stretch of years in
 * which the whole region's intensity changes by c % a year and group s's
 * by c + Δ_s,
 *
 *   Ĩ(t + n) = Σ_s Ĩ_s(t) × (1 + (c + Δ_s)/100)^n.
 *
 * Solving that for c meets a milestone exactly while keeping each sector
 * group's own trend relative to the others. */

#define TREND_YEARS 5

static const struct
{
  const char *key;
  const char *name_zh;
  const char *name_en;
  const char *description_zh;
  const char *description_en;
} presets[TANLU_N_PRESETS] = {
  [TANLU_PRESET_TREND] = {
    "trend", "趋势延续", "Trend",
    "各部门组的碳排放强度（每单位GDP的排放）继续按最近五个观测年的年均变化率变化；GDP按驱动序列增长。",
    "Each sector group's carbon intensity (emissions per unit of GDP) keeps changing at its "
    "average yearly rate of the last five observed years; GDP grows as its driver series does.",
  },
  [TANLU_PRESET_TARGETS] = {
    "targets", "达成目标", "Targets",
    "到2020年按趋势；2021—2025年单位GDP二氧化碳排放下降18%（若趋势更快则按趋势）；2026—2030年降至比2005年低65%"
    "（若2021—2025年的速度更快则保持该速度）；之后排放逐年下降，到2060年降至2020年的10%"
    "（剩余排放，本软件的假设，须由碳汇和碳移除抵消，此处不计入）。各部门组保持其相对趋势。",
    "Trend to 2020; CO₂ per unit of GDP 18 % lower in 2025 than in 2020 (or the trend, if "
    "faster); 65 % lower in 2030 than "
    "in 2005 (or the 2021–2025 pace, if that is faster); then emissions fall every year to a "
    "residual of 10 % of 2020's by 2060 (an assumption of Tanlu's, to be balanced by sinks and "
    "removals, which are not counted here). Sector groups keep their trends relative to each "
    "other.",
  },
  [TANLU_PRESET_ACCELERATED] = {
    "accelerated", "加速转型", "Accelerated",
    "到2025年与“达成目标”相同，2025年达峰，之后排放逐年下降，到2060年降至2020年的10%。",
    "As Targets to 2025, peaking in 2025, then emissions fall every year to a residual of 10 % of "
    "2020's by 2060.",
  },
};

const char *
tanlu_preset_to_string (TanluPreset preset)
{
  g_return_val_if_fail (preset < TANLU_N_PRESETS, NULL);

  return presets[preset].key;
}

/**
 * tanlu_preset_from_string:
 * @text: "trend", "targets" or "accelerated", in any case, or a preset's
 *   name in Chinese or English
 */
gboolean
tanlu_preset_from_string (const char  *text,
                          TanluPreset *preset)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < TANLU_N_PRESETS; i++)
    if (g_ascii_strcasecmp (text, presets[i].key) == 0 || g_str_equal (text, presets[i].name_zh) ||
        g_ascii_strcasecmp (text, presets[i].name_en) == 0)
      {
        *preset = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tanlu_preset_get_name (TanluPreset preset,
                       gboolean    chinese)
{
  g_return_val_if_fail (preset < TANLU_N_PRESETS, NULL);

  return chinese ? presets[preset].name_zh : presets[preset].name_en;
}

const char *
tanlu_preset_describe (TanluPreset preset,
                       gboolean    chinese)
{
  g_return_val_if_fail (preset < TANLU_N_PRESETS, NULL);

  return chinese ? presets[preset].description_zh : presets[preset].description_en;
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  const TanluPathwayInputs *inputs;
  guint    n_groups;                         /* 1 without a breakdown */
  double   start[TANLU_N_SECTOR_GROUPS];     /* Ĩ_s at the base year */
  double   trend;                            /* c_T, % a year */
  double   adjustment[TANLU_N_SECTOR_GROUPS];  /* Δ_s, percentage points */
} Model;

static double
gdp_at (const TanluPathwayInputs *inputs,
        guint                     year)
{
  return tanlu_pathway_inputs_get_gdp (inputs, year);
}

static gboolean
no_driver (const TanluPathwayInputs  *inputs,
           guint                      year,
           GError                   **error)
{
  g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DRIVER,
               _("The GDP series “%s” has no value for %s in %u, which the presets need"),
               inputs->gdp_series != NULL ? inputs->gdp_series : "gdp",
               inputs->gdp_is_proxy ? inputs->gdp_proxy_name_en : inputs->region_name_en, year);
  return FALSE;
}

/* Average yearly change of C/G from @from to @to, in %. */
static double
intensity_trend (double c_from,
                 double c_to,
                 double g_from,
                 double g_to,
                 guint  years)
{
  if (!(c_from > 0) || !(c_to > 0) || !(g_from > 0) || !(g_to > 0))
    return NAN;

  return (pow ((c_to / c_from) / (g_to / g_from), 1.0 / years) - 1) * 100;
}

static gboolean
model_init (Model                     *model,
            const TanluPathwayInputs  *inputs,
            GError                   **error)
{
  guint base = inputs->base_year;
  guint from = base >= inputs->first_year + TREND_YEARS ? base - TREND_YEARS : inputs->first_year;
  double g_base = gdp_at (inputs, base);
  double g_from;

  model->inputs = inputs;
  model->n_groups = inputs->has_groups ? TANLU_N_SECTOR_GROUPS : 1;

  /* The latest year at least a year before the base with a value. */
  while (from < base && isnan (tanlu_pathway_inputs_get_history (inputs, from)))
    from++;

  if (!(g_base > 0))
    return no_driver (inputs, base, error);

  g_from = gdp_at (inputs, from);
  if (from < base && !(g_from > 0))
    return no_driver (inputs, from, error);

  model->trend = from < base ? intensity_trend (tanlu_pathway_inputs_get_history (inputs, from),
                                                tanlu_pathway_inputs_get_history (inputs, base),
                                                g_from, g_base, base - from)
                             : 0;
  if (isnan (model->trend))
    model->trend = 0;

  if (inputs->has_groups)
    for (guint s = 0; s < TANLU_N_SECTOR_GROUPS; s++)
      {
        double from_value = inputs->groups[s][from - inputs->first_year];
        double base_value = inputs->groups[s][base - inputs->first_year];
        double trend = from < base ? intensity_trend (from_value, base_value, g_from, g_base,
                                                      base - from)
                                   : NAN;

        model->start[s] = isnan (base_value) ? 0 : base_value;
        model->adjustment[s] = isnan (trend) ? 0 : trend - model->trend;
      }
  else
    {
      model->start[0] = tanlu_pathway_inputs_get_history (inputs, base);
      model->adjustment[0] = 0;
    }

  return TRUE;
}

/* Ĩ_s after @years years at the whole region's change @c. */
static void
advance (const Model *model,
         double      *intensities,
         double       c,
         guint        years)
{
  for (guint s = 0; s < model->n_groups; s++)
    intensities[s] *= pow (1 + (c + model->adjustment[s]) / 100, years);
}

static double
total (const Model  *model,
       const double *intensities)
{
  double sum = 0;

  for (guint s = 0; s < model->n_groups; s++)
    sum += intensities[s];

  return sum;
}

/* The c at which Σ_s Ĩ_s (1 + (c + Δ_s)/100)^years = target: Newton's
 * method kept inside a bracket, where the sum rises with c. */
static double
solve (const Model  *model,
       const double *intensities,
       guint         years,
       double        target)
{
  double low = -100, high = 100, c = model->trend;

  for (guint s = 0; s < model->n_groups; s++)
    if (intensities[s] > 0)
      low = MAX (low, -100 - model->adjustment[s]);
  c = CLAMP (c, low + 1e-9, high);

  for (guint iteration = 0; iteration < 100; iteration++)
    {
      double f = -target, slope = 0;

      for (guint s = 0; s < model->n_groups; s++)
        {
          double factor = 1 + (c + model->adjustment[s]) / 100;

          if (intensities[s] <= 0)
            continue;
          f += intensities[s] * pow (factor, years);
          slope += intensities[s] * years * pow (factor, years - 1) / 100;
        }

      if (fabs (f) <= 1e-12 * target)
        break;
      if (f > 0)
        high = c;
      else
        low = c;

      c = slope > 0 ? c - f / slope : NAN;
      if (!(c > low && c < high))
        c = (low + high) / 2;
      if (high - low < 1e-12)
        break;
    }

  return c;
}

static void
set_constant (TanluPathwaySpec *spec,
              TanluLever        lever,
              guint             base,
              guint             first,
              guint             last,
              double            value)
{
  first = MAX (first, base + 1);
  if (last < first)
    return;

  tanlu_pathway_spec_set_keyframe (spec, lever, first, value);
  if (last != first)
    tanlu_pathway_spec_set_keyframe (spec, lever, last, value);
}

/**
 * tanlu_preset_make_spec:
 * @region: the region's code or group key, for the spec
 * @inputs: the region's history and drivers
 *
 * Returns: (transfer full) (nullable): the preset's levers for the region
 */
TanluPathwaySpec *
tanlu_preset_make_spec (TanluPreset                preset,
                        const char                *region,
                        const TanluPathwayInputs  *inputs,
                        GError                   **error)
{
  g_autoptr(TanluPathwaySpec) spec = tanlu_pathway_spec_new (tanlu_preset_to_string (preset),
                                                             region);
  guint base = inputs->base_year;
  double intensities[TANLU_N_SECTOR_GROUPS];
  double g_base, c1, c3;
  guint peak_from;
  Model model;

  g_return_val_if_fail (preset < TANLU_N_PRESETS, NULL);

  if (!model_init (&model, inputs, error))
    return NULL;

  tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_INTENSITY_CHANGE, base + 1, model.trend);
  if (inputs->has_groups)
    for (guint s = 0; s < TANLU_N_SECTOR_GROUPS; s++)
      tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_FOR_SECTOR (s), base + 1,
                                       model.adjustment[s]);

  if (preset == TANLU_PRESET_TREND)
    return g_steal_pointer (&spec);

  g_base = gdp_at (inputs, base);
  for (guint year = base + 1; year <= TANLU_PRESET_RESIDUAL_YEAR; year++)
    if (!(gdp_at (inputs, year) > 0))
      {
        no_driver (inputs, year, error);
        return NULL;
      }

  /* Trend to 2020 */
  memcpy (intensities, model.start, sizeof intensities);
  if (base < 2020)
    {
      advance (&model, intensities, model.trend, 2020 - base);
      set_constant (spec, TANLU_LEVER_INTENSITY_CHANGE, base, base + 1, 2020, model.trend);
    }

  /* 2021–2025: −18 % against 2020 */
  c1 = model.trend;
  if (base < 2025)
    {
      double from = total (&model, intensities);
      guint first = MAX (base, 2020);

      if (base > 2020)
        {
          double observed_2020 = tanlu_pathway_inputs_get_history (inputs, 2020) * g_base /
                                 gdp_at (inputs, 2020);

          from = isnan (observed_2020) ? from : observed_2020;
        }
      /* …or the trend, if that is faster */
      c1 = MIN (solve (&model, intensities, 2025 - first,
                       from * (1 - TANLU_PRESET_REDUCTION_2025_VS_2020 / 100)),
                model.trend);
      advance (&model, intensities, c1, 2025 - first);
      set_constant (spec, TANLU_LEVER_INTENSITY_CHANGE, base, first + 1, 2025, c1);
    }

  peak_from = 2025;
  if (preset == TANLU_PRESET_TARGETS)
    {
      /* 2026–2030: −65 % against 2005, at the 2021–2025 pace at least */
      double observed_2005 = tanlu_pathway_inputs_get_history (inputs, 2005);
      double gdp_2005 = gdp_at (inputs, 2005);
      double c2 = c1;

      if (observed_2005 > 0 && gdp_2005 > 0)
        {
          double target = observed_2005 * g_base / gdp_2005 *
                          (1 - TANLU_PRESET_REDUCTION_2030_VS_2005 / 100);

          c2 = MIN (solve (&model, intensities, 5, target), c1);
        }
      advance (&model, intensities, c2, 5);
      set_constant (spec, TANLU_LEVER_INTENSITY_CHANGE, base, 2026, 2030, c2);
      peak_from = 2030;
    }

  /* Then down to the residual */
  {
    double emissions_2020 = 0;
    double start[TANLU_N_SECTOR_GROUPS];
    double target;

    /* 2020's emissions: observed, or as this preset projects them */
    if (base >= 2020)
      emissions_2020 = tanlu_pathway_inputs_get_history (inputs, 2020);
    else
      {
        memcpy (start, model.start, sizeof start);
        advance (&model, start, model.trend, 2020 - base);
        emissions_2020 = total (&model, start) * gdp_at (inputs, 2020) / g_base;
      }

    target = TANLU_PRESET_RESIDUAL_SHARE * emissions_2020 * g_base /
             gdp_at (inputs, TANLU_PRESET_RESIDUAL_YEAR);
    c3 = solve (&model, intensities, TANLU_PRESET_RESIDUAL_YEAR - peak_from, target);
    set_constant (spec, TANLU_LEVER_INTENSITY_CHANGE, base, peak_from + 1,
                  TANLU_PRESET_RESIDUAL_YEAR, c3);
  }

  return g_steal_pointer (&spec);
}
