/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-pathways"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tanlu-pathway.h"

/* The pathway engine. From the base year on, each sector group's emissions
 * grow with GDP and change with its carbon intensity:
 *
 *   C_s(t) = C_s(t−1) × (1 + g(t)/100) × (1 + (c(t) + Δ_s(t))/100)
 *
 * where g is GDP growth, c the whole region's intensity change and Δ_s the
 * group's adjustment; a region without a sector breakdown is one group.
 * Emissions given directly (co2_mt) replace that; removals are subtracted
 * for the net figure. Everything else follows from those series. */

G_DEFINE_BOXED_TYPE (TanluPathway, tanlu_pathway, tanlu_pathway_ref, tanlu_pathway_unref)

/* ------------------------------------------------------------------------ */
/* Inputs                                                                   */

TanluPathwayInputs *
tanlu_pathway_inputs_new (guint region_code,
                          guint first_year,
                          guint base_year)
{
  TanluPathwayInputs *inputs = g_new0 (TanluPathwayInputs, 1);

  g_return_val_if_fail (first_year <= base_year, NULL);

  inputs->region_code = region_code;
  inputs->first_year = first_year;
  inputs->base_year = base_year;
  inputs->n_history = base_year - first_year + 1;
  inputs->history = g_new (double, inputs->n_history);
  for (guint i = 0; i < inputs->n_history; i++)
    inputs->history[i] = NAN;
  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    {
      inputs->groups[g] = g_new (double, inputs->n_history);
      for (guint i = 0; i < inputs->n_history; i++)
        inputs->groups[g][i] = NAN;
    }
  inputs->gdp_projected_from = G_MAXUINT;
  inputs->population_projected_from = G_MAXUINT;

  return inputs;
}

void
tanlu_pathway_inputs_free (TanluPathwayInputs *inputs)
{
  if (inputs == NULL)
    return;

  g_free (inputs->region_name_zh);
  g_free (inputs->region_name_en);
  g_free (inputs->history);
  for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
    g_free (inputs->groups[g]);
  g_free (inputs->gdp_series);
  g_free (inputs->gdp);
  g_free (inputs->gdp_proxy_name_zh);
  g_free (inputs->gdp_proxy_name_en);
  g_free (inputs->population_series);
  g_free (inputs->population);
  g_free (inputs);
}

void
tanlu_pathway_inputs_set_gdp (TanluPathwayInputs *inputs,
                              guint               first_year,
                              guint               n_values,
                              const double       *values)
{
  g_free (inputs->gdp);
  inputs->gdp_first_year = first_year;
  inputs->n_gdp = n_values;
  inputs->gdp = g_memdup2 (values, n_values * sizeof (double));
}

void
tanlu_pathway_inputs_set_population (TanluPathwayInputs *inputs,
                                     guint               first_year,
                                     guint               n_values,
                                     const double       *values)
{
  g_free (inputs->population);
  inputs->population_first_year = first_year;
  inputs->n_population = n_values;
  inputs->population = g_memdup2 (values, n_values * sizeof (double));
}

static double
series_at (const double *values,
           guint         first_year,
           guint         n_values,
           guint         year)
{
  if (values == NULL || year < first_year || year - first_year >= n_values)
    return NAN;

  return values[year - first_year];
}

double
tanlu_pathway_inputs_get_gdp (const TanluPathwayInputs *inputs,
                              guint                     year)
{
  return series_at (inputs->gdp, inputs->gdp_first_year, inputs->n_gdp, year);
}

double
tanlu_pathway_inputs_get_population (const TanluPathwayInputs *inputs,
                                     guint                     year)
{
  return series_at (inputs->population, inputs->population_first_year, inputs->n_population,
                    year);
}

double
tanlu_pathway_inputs_get_history (const TanluPathwayInputs *inputs,
                                  guint                     year)
{
  return series_at (inputs->history, inputs->first_year, inputs->n_history, year);
}

/* ------------------------------------------------------------------------ */
/* Metrics                                                                  */

static const struct
{
  const char *code;
  const char *unit;
  const char *name_zh;
  const char *name_en;
} metrics[TANLU_PATHWAY_GROUP_FIRST] = {
  [TANLU_PATHWAY_CO2] = { "co2.total", "Mt CO₂", "二氧化碳排放", "CO₂ emissions" },
  [TANLU_PATHWAY_CO2_NET] = { "co2.net", "Mt CO₂", "二氧化碳净排放（扣除移除量）",
                              "Net CO₂ emissions (after removals)" },
  [TANLU_PATHWAY_REMOVALS] = { "co2.removals", "Mt CO₂", "碳移除与捕集", "CO₂ removals and capture" },
  [TANLU_PATHWAY_GDP] = { "gdp", "亿元", "地区生产总值", "GDP" },
  [TANLU_PATHWAY_POPULATION] = { "population", "万人", "人口", "Population" },
  [TANLU_PATHWAY_INTENSITY_INDEX_2005] = { "co2.intensity_index_2005", "2005 = 100",
                                           "单位GDP二氧化碳排放（2005年=100）",
                                           "CO₂ per unit of GDP (2005 = 100)" },
  [TANLU_PATHWAY_INTENSITY_INDEX_2020] = { "co2.intensity_index_2020", "2020 = 100",
                                           "单位GDP二氧化碳排放（2020年=100）",
                                           "CO₂ per unit of GDP (2020 = 100)" },
  [TANLU_PATHWAY_PER_PERSON] = { "co2.per_person", "t CO₂", "人均二氧化碳排放", "CO₂ per person" },
  [TANLU_PATHWAY_GDP_GROWTH] = { "gdp_growth_pct", "%", "GDP 增速", "GDP growth" },
  [TANLU_PATHWAY_INTENSITY_CHANGE] = { "co2_intensity_change_pct", "%", "碳排放强度变化",
                                       "CO₂ intensity change" },
};

static char *group_metric_codes[TANLU_N_SECTOR_GROUPS];

const char *
tanlu_pathway_metric_to_string (TanluPathwayMetric metric)
{
  static gsize initialized = 0;

  g_return_val_if_fail (metric < TANLU_PATHWAY_N_METRICS, NULL);

  if (metric < TANLU_PATHWAY_GROUP_FIRST)
    return metrics[metric].code;

  if (g_once_init_enter (&initialized))
    {
      for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
        group_metric_codes[g] = g_strconcat ("co2.group.", tanlu_sector_group_to_string (g), NULL);
      g_once_init_leave (&initialized, 1);
    }

  return group_metric_codes[metric - TANLU_PATHWAY_GROUP_FIRST];
}

const char *
tanlu_pathway_metric_get_unit (TanluPathwayMetric metric)
{
  g_return_val_if_fail (metric < TANLU_PATHWAY_N_METRICS, NULL);

  return metric < TANLU_PATHWAY_GROUP_FIRST ? metrics[metric].unit : "Mt CO₂";
}

char *
tanlu_pathway_metric_get_name (TanluPathwayMetric metric,
                               gboolean           chinese)
{
  g_return_val_if_fail (metric < TANLU_PATHWAY_N_METRICS, NULL);

  if (metric < TANLU_PATHWAY_GROUP_FIRST)
    return g_strdup (chinese ? metrics[metric].name_zh : metrics[metric].name_en);

  return g_strdup_printf (chinese ? "二氧化碳排放：%s" : "CO₂ emissions: %s",
                          tanlu_sector_group_get_name (metric - TANLU_PATHWAY_GROUP_FIRST, chinese));
}

/* ------------------------------------------------------------------------ */
/* Results                                                                  */

static void
pathway_clear (TanluPathway *self)
{
  g_free (self->name);
  g_free (self->region);
  g_free (self->region_name_zh);
  g_free (self->region_name_en);
  g_clear_pointer (&self->spec, tanlu_pathway_spec_unref);
  for (guint m = 0; m < TANLU_PATHWAY_N_METRICS; m++)
    g_free (self->values[m]);
  g_ptr_array_unref (self->notes_zh);
  g_ptr_array_unref (self->notes_en);
}

TanluPathway *
tanlu_pathway_ref (TanluPathway *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
tanlu_pathway_unref (TanluPathway *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pathway_clear);
}

static TanluPathway *
pathway_new (const char             *name,
             const char             *region,
             const TanluPathwaySpec *spec,
             guint                   first_year,
             guint                   base_year,
             guint                   end_year)
{
  TanluPathway *self = g_atomic_rc_box_new0 (TanluPathway);

  self->name = g_strdup (name);
  self->region = g_strdup (region);
  self->spec = spec != NULL ? tanlu_pathway_spec_copy (spec) : NULL;
  self->first_year = first_year;
  self->base_year = base_year;
  self->end_year = end_year;
  self->n_years = end_year - first_year + 1;
  self->notes_zh = g_ptr_array_new_with_free_func (g_free);
  self->notes_en = g_ptr_array_new_with_free_func (g_free);

  return self;
}

static double *
new_series (guint n)
{
  double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = NAN;

  return values;
}

void
tanlu_pathway_add_note (TanluPathway *self,
                        const char   *note_zh,
                        const char   *note_en)
{
  for (guint i = 0; i < self->notes_en->len; i++)
    if (g_str_equal (g_ptr_array_index (self->notes_en, i), note_en))
      return;

  g_ptr_array_add (self->notes_zh, g_strdup (note_zh));
  g_ptr_array_add (self->notes_en, g_strdup (note_en));
}

/**
 * tanlu_pathway_get_notes:
 *
 * Returns: (transfer none) (element-type utf8): what a reader of the
 *   pathway needs to know: proxies, projected drivers, missing figures
 */
GPtrArray *
tanlu_pathway_get_notes (const TanluPathway *self,
                         gboolean            chinese)
{
  return chinese ? self->notes_zh : self->notes_en;
}

/**
 * tanlu_pathway_get:
 *
 * Returns: the metric's value in @year, NAN when unknown or out of range
 */
double
tanlu_pathway_get (const TanluPathway *self,
                   TanluPathwayMetric  metric,
                   guint               year)
{
  g_return_val_if_fail (metric < TANLU_PATHWAY_N_METRICS, NAN);

  if (self->values[metric] == NULL || year < self->first_year || year > self->end_year)
    return NAN;

  return self->values[metric][year - self->first_year];
}

gboolean
tanlu_pathway_has (const TanluPathway *self,
                   TanluPathwayMetric  metric)
{
  g_return_val_if_fail (metric < TANLU_PATHWAY_N_METRICS, FALSE);

  if (self->values[metric] == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_years; i++)
    if (!isnan (self->values[metric][i]))
      return TRUE;

  return FALSE;
}

/**
 * tanlu_pathway_cumulative:
 *
 * Returns: the sum of the metric over the years from @first_year to
 *   @last_year, both included; NAN if any is unknown
 */
double
tanlu_pathway_cumulative (const TanluPathway *self,
                          TanluPathwayMetric  metric,
                          guint               first_year,
                          guint               last_year)
{
  double sum = 0;

  for (guint year = first_year; year <= last_year; year++)
    sum += tanlu_pathway_get (self, metric, year);

  return sum;
}

/**
 * tanlu_pathway_average_change:
 *
 * Returns: the mean yearly change of the metric from @from_year to
 *   @to_year, compounded, in %; NAN if either value is unknown
 */
double
tanlu_pathway_average_change (const TanluPathway *self,
                              TanluPathwayMetric  metric,
                              guint               from_year,
                              guint               to_year)
{
  double from = tanlu_pathway_get (self, metric, from_year);
  double to = tanlu_pathway_get (self, metric, to_year);

  if (to_year <= from_year || !(from > 0) || !(to >= 0))
    return NAN;

  return (pow (to / from, 1.0 / (to_year - from_year)) - 1) * 100;
}

/* ------------------------------------------------------------------------ */
/* Computing                                                                */

static double
amount_at (const GArray *keyframes,
           guint         base_year,
           double        base_value,
           guint         year)
{
  const TanluKeyframe *k = (const TanluKeyframe *) keyframes->data;
  guint previous_year = base_year;
  double previous = base_value;

  for (guint i = 0; i < keyframes->len; i++)
    {
      if (year <= k[i].year)
        {
          double t;

          if (k[i].year == previous_year)
            return k[i].value;
          t = (double) (year - previous_year) / (k[i].year - previous_year);
          return previous + t * (k[i].value - previous);
        }
      previous_year = k[i].year;
      previous = k[i].value;
    }

  return previous;
}

static const char *
region_display (const TanluPathwayInputs *inputs)
{
  return inputs->region_name_en != NULL ? inputs->region_name_en : "the region";
}

/* Fills the figures that follow from emissions, GDP and population, and
 * finds the peak. @gdp_relative is GDP up to a factor, known even where
 * its level is not. */
static void
derive (TanluPathway *self,
        const double *gdp_relative)
{
  double *co2 = self->values[TANLU_PATHWAY_CO2];
  double *net = self->values[TANLU_PATHWAY_CO2_NET];
  double *removals = self->values[TANLU_PATHWAY_REMOVALS];
  double *population = self->values[TANLU_PATHWAY_POPULATION];
  static const guint index_years[] = { 2005, 2020 };
  static const TanluPathwayMetric index_metrics[] = {
    TANLU_PATHWAY_INTENSITY_INDEX_2005,
    TANLU_PATHWAY_INTENSITY_INDEX_2020,
  };
  guint n = self->n_years;

  for (guint i = 0; i < n; i++)
    net[i] = co2[i] - (isnan (removals[i]) ? 0 : removals[i]);

  for (guint k = 0; k < G_N_ELEMENTS (index_years); k++)
    {
      guint year = index_years[k];
      double base;

      if (year < self->first_year || year > self->end_year || gdp_relative == NULL)
        continue;

      base = co2[year - self->first_year] / gdp_relative[year - self->first_year];
      if (!(base > 0))
        continue;

      self->values[index_metrics[k]] = new_series (n);
      for (guint i = 0; i < n; i++)
        self->values[index_metrics[k]][i] = 100 * co2[i] / gdp_relative[i] / base;
    }

  if (population != NULL)
    {
      self->values[TANLU_PATHWAY_PER_PERSON] = new_series (n);
      /* Mt per 万人: 10⁶ t per 10⁴ persons */
      for (guint i = 0; i < n; i++)
        self->values[TANLU_PATHWAY_PER_PERSON][i] = population[i] > 0 ? co2[i] / population[i] * 100
                                                                      : NAN;
    }

  self->peak_year = 0;
  self->peak_value = -INFINITY;
  for (guint i = 0; i < n; i++)
    if (!isnan (co2[i]) && co2[i] > self->peak_value)
      {
        self->peak_value = co2[i];
        self->peak_year = self->first_year + i;
      }
  self->peaked = self->peak_year != 0 && self->peak_year < self->end_year;
}

static gboolean
check_keyframes (const TanluPathwaySpec    *spec,
                 const TanluPathwayInputs  *inputs,
                 GError                   **error)
{
  for (guint lever = 0; lever < TANLU_N_LEVERS; lever++)
    {
      const GArray *keyframes = tanlu_pathway_spec_get_keyframes (spec, lever);

      for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
        {
          const TanluKeyframe *keyframe = &g_array_index (keyframes, TanluKeyframe, i);

          if (keyframe->year < inputs->base_year || keyframe->year > TANLU_PATHWAY_MAX_YEAR)
            {
              g_autofree char *path = tanlu_lever_get_path (lever);

              g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                           _("“%s.%u”: the keyframe is outside the pathway's years: it must be "
                             "from the base year %u of %s to %d"),
                           path, keyframe->year, inputs->base_year, region_display (inputs),
                           TANLU_PATHWAY_MAX_YEAR);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * tanlu_pathway_compute:
 * @spec: the pathway with its inheritance resolved
 * @inputs: the region's history and drivers
 *
 * Returns: (transfer full) (nullable): the pathway of one region
 */
TanluPathway *
tanlu_pathway_compute (const TanluPathwaySpec    *spec,
                       const TanluPathwayInputs  *inputs,
                       GError                   **error)
{
  g_autoptr(TanluPathway) self = NULL;
  g_autofree double *gdp_relative = NULL;
  const GArray *levers[TANLU_N_LEVERS];
  guint base = inputs->base_year;
  guint end = tanlu_pathway_spec_get_end_year (spec);
  gboolean groups;
  guint first, n;

  g_return_val_if_fail (spec != NULL && inputs != NULL, NULL);

  if (end == 0)
    end = TANLU_PATHWAY_DEFAULT_END_YEAR;
  if (end <= base || end > TANLU_PATHWAY_MAX_YEAR)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                   _("“end_year” is %u; it must be after the base year %u of %s and at most %d"),
                   end, base, region_display (inputs), TANLU_PATHWAY_MAX_YEAR);
      return NULL;
    }

  if (!check_keyframes (spec, inputs, error))
    return NULL;

  for (guint lever = 0; lever < TANLU_N_LEVERS; lever++)
    levers[lever] = tanlu_pathway_spec_get_keyframes (spec, lever);

  first = inputs->first_year;
  n = end - first + 1;
  self = pathway_new (tanlu_pathway_spec_get_name (spec), tanlu_pathway_spec_get_region (spec),
                      spec, first, base, end);
  self->region_name_zh = g_strdup (inputs->region_name_zh);
  self->region_name_en = g_strdup (inputs->region_name_en);

  for (guint m = 0; m < TANLU_PATHWAY_GROUP_FIRST; m++)
    if (m != TANLU_PATHWAY_INTENSITY_INDEX_2005 && m != TANLU_PATHWAY_INTENSITY_INDEX_2020 &&
        m != TANLU_PATHWAY_PER_PERSON && m != TANLU_PATHWAY_POPULATION)
      self->values[m] = new_series (n);

  groups = inputs->has_groups;
  if (groups)
    for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
      self->values[TANLU_PATHWAY_GROUP (g)] = new_series (n);

  if (inputs->population != NULL)
    {
      self->values[TANLU_PATHWAY_POPULATION] = new_series (n);
      for (guint i = 0; i < n; i++)
        self->values[TANLU_PATHWAY_POPULATION][i] =
          tanlu_pathway_inputs_get_population (inputs, first + i);
    }

  /* History */
  gdp_relative = new_series (n);
  for (guint i = 0; i < inputs->n_history; i++)
    {
      double gdp = tanlu_pathway_inputs_get_gdp (inputs, first + i);

      self->values[TANLU_PATHWAY_CO2][i] = inputs->history[i];
      gdp_relative[i] = gdp;
      if (!inputs->gdp_is_proxy)
        self->values[TANLU_PATHWAY_GDP][i] = gdp;
      if (i > 0)
        {
          double previous = tanlu_pathway_inputs_get_gdp (inputs, first + i - 1);

          self->values[TANLU_PATHWAY_GDP_GROWTH][i] = (gdp / previous - 1) * 100;
          self->values[TANLU_PATHWAY_INTENSITY_CHANGE][i] =
            (inputs->history[i] / inputs->history[i - 1] / (gdp / previous) - 1) * 100;
        }
      for (guint g = 0; groups && g < TANLU_N_SECTOR_GROUPS; g++)
        self->values[TANLU_PATHWAY_GROUP (g)][i] = inputs->groups[g][i];
    }

  /* Projection */
  for (guint year = base + 1; year <= end; year++)
    {
      guint i = year - first;
      double previous = self->values[TANLU_PATHWAY_CO2][i - 1];
      double growth, change, co2;

      if (levers[TANLU_LEVER_GDP_GROWTH] != NULL)
        growth = tanlu_keyframes_rate_at (levers[TANLU_LEVER_GDP_GROWTH], year);
      else
        {
          double gdp = tanlu_pathway_inputs_get_gdp (inputs, year);
          double gdp_before = tanlu_pathway_inputs_get_gdp (inputs, year - 1);

          if (!(gdp > 0) || !(gdp_before > 0))
            {
              g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DRIVER,
                           _("The GDP series “%s” has no value for %s in %u, which the pathway "
                             "needs for its GDP growth; set the lever gdp_growth_pct, or choose "
                             "a GDP series that runs to %u"),
                           inputs->gdp_series != NULL ? inputs->gdp_series : "gdp",
                           inputs->gdp_is_proxy && inputs->gdp_proxy_name_en != NULL
                             ? inputs->gdp_proxy_name_en
                             : region_display (inputs),
                           !(gdp_before > 0) ? year - 1 : year, end);
              return NULL;
            }
          growth = (gdp / gdp_before - 1) * 100;
        }

      change = levers[TANLU_LEVER_INTENSITY_CHANGE] != NULL
                 ? tanlu_keyframes_rate_at (levers[TANLU_LEVER_INTENSITY_CHANGE], year)
                 : 0;

      if (levers[TANLU_LEVER_EMISSIONS] != NULL)
        {
          co2 = amount_at (levers[TANLU_LEVER_EMISSIONS], base, inputs->history[inputs->n_history - 1],
                           year);
          for (guint g = 0; groups && g < TANLU_N_SECTOR_GROUPS; g++)
            self->values[TANLU_PATHWAY_GROUP (g)][i] =
              co2 * inputs->groups[g][inputs->n_history - 1] / inputs->history[inputs->n_history - 1];
        }
      else if (groups)
        {
          co2 = 0;
          for (guint g = 0; g < TANLU_N_SECTOR_GROUPS; g++)
            {
              const GArray *adjustment = levers[TANLU_LEVER_FOR_SECTOR (g)];
              double rate = change + (adjustment != NULL ? tanlu_keyframes_rate_at (adjustment, year)
                                                         : 0);
              double *group = self->values[TANLU_PATHWAY_GROUP (g)];

              if (rate <= -100)
                {
                  g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_INVALID,
                               _("In %u the intensity change of the group “%s” comes to %.1f %% a "
                                 "year (the whole region's %.1f %% and the group's adjustment); "
                                 "it must stay above −100 %% a year"),
                               year, tanlu_sector_group_to_string (g), rate, change);
                  return NULL;
                }

              group[i] = group[i - 1] * (1 + growth / 100) * (1 + rate / 100);
              co2 += group[i];
            }
        }
      else
        co2 = previous * (1 + growth / 100) * (1 + change / 100);

      self->values[TANLU_PATHWAY_CO2][i] = co2;
      self->values[TANLU_PATHWAY_GDP_GROWTH][i] = growth;
      self->values[TANLU_PATHWAY_INTENSITY_CHANGE][i] =
        (co2 / previous / (1 + growth / 100) - 1) * 100;
      self->values[TANLU_PATHWAY_REMOVALS][i] =
        levers[TANLU_LEVER_REMOVALS] != NULL
          ? amount_at (levers[TANLU_LEVER_REMOVALS], base, 0, year)
          : 0;

      gdp_relative[i] = gdp_relative[i - 1] * (1 + growth / 100);
      if (!inputs->gdp_is_proxy)
        self->values[TANLU_PATHWAY_GDP][i] = gdp_relative[i];
    }

  derive (self, gdp_relative);
  self->gdp_is_proxy = inputs->gdp_is_proxy;
  self->gdp_projected_from = levers[TANLU_LEVER_GDP_GROWTH] == NULL ? inputs->gdp_projected_from
                                                                     : G_MAXUINT;

  if (inputs->gdp_is_proxy)
    {
      g_autofree char *zh = g_strdup_printf ("%s没有GDP数据：GDP增速取%s的。", inputs->region_name_zh,
                                             inputs->gdp_proxy_name_zh);
      g_autofree char *en = g_strdup_printf ("%s has no GDP series: its GDP grows as %s's does.",
                                             inputs->region_name_en, inputs->gdp_proxy_name_en);

      tanlu_pathway_add_note (self, zh, en);
    }
  if (levers[TANLU_LEVER_GDP_GROWTH] == NULL && inputs->gdp_projected_from <= end)
    {
      g_autofree char *zh =
        g_strdup_printf ("GDP增速取自“%s”序列，%u年起为预测值。", inputs->gdp_series,
                         inputs->gdp_projected_from);
      g_autofree char *en =
        g_strdup_printf ("GDP growth comes from the series “%s”, projected from %u on.",
                         inputs->gdp_series, inputs->gdp_projected_from);

      tanlu_pathway_add_note (self, zh, en);
    }

  return g_steal_pointer (&self);
}

/**
 * tanlu_pathway_sum:
 * @spec: the group's spec: its removals are the group's own
 * @members: (array length=n_members): the members' pathways, all with the
 *   same end year and run without removals
 *
 * Adds up the members' pathways. The group's history runs as far as every
 * member's does; from the first year a member is projected, the sum is
 * projected too.
 *
 * Returns: (transfer full) (nullable): the group's pathway
 */
TanluPathway *
tanlu_pathway_sum (const char              *name,
                   const char              *region,
                   const char              *region_name_zh,
                   const char              *region_name_en,
                   const TanluPathwaySpec  *spec,
                   TanluPathway           **members,
                   guint                    n_members,
                   GError                 **error)
{
  g_autoptr(TanluPathway) self = NULL;
  g_autofree double *gdp_relative = NULL;
  const GArray *removals = spec != NULL ? tanlu_pathway_spec_get_keyframes (spec, TANLU_LEVER_REMOVALS)
                                        : NULL;
  guint first = 0, base = G_MAXUINT, end;
  gboolean has_gdp = TRUE, has_population = TRUE, has_groups = TRUE;
  guint n;

  g_return_val_if_fail (n_members > 0, NULL);

  end = members[0]->end_year;
  for (guint k = 0; k < n_members; k++)
    {
      first = MAX (first, members[k]->first_year);
      base = MIN (base, members[k]->base_year);
      has_gdp = has_gdp && members[k]->values[TANLU_PATHWAY_GDP] != NULL &&
                tanlu_pathway_has (members[k], TANLU_PATHWAY_GDP);
      has_population = has_population && members[k]->values[TANLU_PATHWAY_POPULATION] != NULL;
      has_groups = has_groups && members[k]->values[TANLU_PATHWAY_GROUP_FIRST] != NULL;
      g_return_val_if_fail (members[k]->end_year == end, NULL);
    }

  if (first > base)
    {
      g_set_error (error, TANLU_PATHWAY_ERROR, TANLU_PATHWAY_ERROR_NO_DATA,
                   _("The members of %s have no year of observed emissions in common"),
                   region_name_en);
      return NULL;
    }

  n = end - first + 1;
  self = pathway_new (name, region, spec, first, base, end);
  self->region_name_zh = g_strdup (region_name_zh);
  self->region_name_en = g_strdup (region_name_en);
  self->n_members = n_members;
  self->n_members_with_data = n_members;

  for (guint m = 0; m < TANLU_PATHWAY_N_METRICS; m++)
    {
      gboolean summed = m == TANLU_PATHWAY_CO2 || (m == TANLU_PATHWAY_GDP && has_gdp) ||
                        (m == TANLU_PATHWAY_POPULATION && has_population) ||
                        (m >= TANLU_PATHWAY_GROUP_FIRST && has_groups);

      if (!summed)
        continue;

      self->values[m] = new_series (n);
      for (guint i = 0; i < n; i++)
        {
          double sum = 0;

          for (guint k = 0; k < n_members; k++)
            sum += tanlu_pathway_get (members[k], m, first + i);
          self->values[m][i] = sum;
        }
    }

  self->values[TANLU_PATHWAY_CO2_NET] = new_series (n);
  self->values[TANLU_PATHWAY_REMOVALS] = new_series (n);
  self->values[TANLU_PATHWAY_GDP_GROWTH] = new_series (n);
  self->values[TANLU_PATHWAY_INTENSITY_CHANGE] = new_series (n);
  for (guint year = base + 1; year <= end; year++)
    self->values[TANLU_PATHWAY_REMOVALS][year - first] =
      removals != NULL ? amount_at (removals, base, 0, year) : 0;

  if (has_gdp)
    {
      gdp_relative = g_memdup2 (self->values[TANLU_PATHWAY_GDP], n * sizeof (double));
      for (guint i = 1; i < n; i++)
        {
          double growth = gdp_relative[i] / gdp_relative[i - 1];
          double *co2 = self->values[TANLU_PATHWAY_CO2];

          self->values[TANLU_PATHWAY_GDP_GROWTH][i] = (growth - 1) * 100;
          self->values[TANLU_PATHWAY_INTENSITY_CHANGE][i] = (co2[i] / co2[i - 1] / growth - 1) * 100;
        }
    }
  else
    tanlu_pathway_add_note (self, "部分成员没有GDP数据，因此没有合计的单位GDP排放。",
                            "Not every member has a GDP series, so the group has no CO₂ per unit "
                            "of GDP.");

  derive (self, gdp_relative);

  {
    guint last_base = base, n_proxies = 0, projected_from = G_MAXUINT;
    const TanluPathway *fewest = NULL;

    for (guint k = 0; k < n_members; k++)
      {
        last_base = MAX (last_base, members[k]->base_year);
        if (members[k]->base_year == base && fewest == NULL)
          fewest = members[k];
        n_proxies += members[k]->gdp_is_proxy;
        projected_from = MIN (projected_from, members[k]->gdp_projected_from);
      }

    if (last_base > base)
      {
        g_autofree char *zh = g_strdup_printf (
          "各成员的数据截止年份不同（%u—%u年）；合计从%u年起为预测值，因为%s的数据只到%u年。", base,
          last_base, base + 1, fewest->region_name_zh, base);
        g_autofree char *en = g_strdup_printf (
          "The members' data end in different years (%u to %u); the sum is projected from %u on, "
          "as %s's data end in %u.",
          base, last_base, base + 1, fewest->region_name_en, base);

        tanlu_pathway_add_note (self, zh, en);
      }
    if (n_proxies > 0)
      {
        g_autofree char *zh = g_strdup_printf ("%u个成员没有GDP数据，其GDP增速取所在省份的。",
                                               n_proxies);
        g_autofree char *en = g_strdup_printf (
          "%u members have no GDP series; their GDP grows as their province's does.", n_proxies);

        tanlu_pathway_add_note (self, zh, en);
      }
    if (projected_from != G_MAXUINT)
      {
        g_autofree char *zh = g_strdup_printf ("成员的GDP增速取自驱动序列，%u年起为预测值。",
                                               projected_from);
        g_autofree char *en = g_strdup_printf (
          "The members' GDP growth comes from their driver series, projected from %u on.",
          projected_from);

        tanlu_pathway_add_note (self, zh, en);
      }
  }

  return g_steal_pointer (&self);
}
