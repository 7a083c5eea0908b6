/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tanlu-pathway-spec.h"

G_BEGIN_DECLS

/**
 * TanluPathwayInputs:
 * @region_code: the region (nation, province or city)
 * @first_year: the first year of @history
 * @base_year: the latest observed year, where pathways start
 * @history: (array length=n_history): observed CO₂ emissions (Mt), one per
 *   year from @first_year to @base_year, NAN for a year without a value
 * @has_groups: whether the base year's emissions split into sector groups
 * @groups: the sector groups' emissions in each year of @history (NAN
 *   where unknown); meaningful only with @has_groups
 * @gdp_first_year: the first year of @gdp
 * @gdp: (array length=n_gdp): the GDP driver's values, NAN where missing
 * @gdp_projected_from: the first year of @gdp that is a projection
 * @gdp_is_proxy: @gdp is another region's (a city's province's): only its
 *   growth applies to the region, not its level
 * @population_first_year: the first year of @population
 * @population: (array length=n_population): the population driver, 万人
 *
 * What a pathway of one region starts from, read from the database
 * (tanlu_pathway_inputs_load()) or made by tests.
 */
typedef struct
{
  guint     region_code;
  char     *region_name_zh;
  char     *region_name_en;
  guint     first_year;
  guint     base_year;
  guint     n_history;
  double   *history;
  gboolean  has_groups;
  double   *groups[TANLU_N_SECTOR_GROUPS];
  char     *gdp_series;
  guint     gdp_first_year;
  guint     n_gdp;
  double   *gdp;
  guint     gdp_projected_from;
  gboolean  gdp_is_proxy;
  char     *gdp_proxy_name_zh;
  char     *gdp_proxy_name_en;
  char     *population_series;
  guint     population_first_year;
  guint     n_population;
  double   *population;
  guint     population_projected_from;
} TanluPathwayInputs;

TanluPathwayInputs *tanlu_pathway_inputs_new     (guint              region_code,
                                                  guint              first_year,
                                                  guint              base_year);
void                tanlu_pathway_inputs_free    (TanluPathwayInputs *inputs);
void                tanlu_pathway_inputs_set_gdp (TanluPathwayInputs *inputs,
                                                  guint              first_year,
                                                  guint              n_values,
                                                  const double      *values);
void                tanlu_pathway_inputs_set_population
                                                 (TanluPathwayInputs *inputs,
                                                  guint              first_year,
                                                  guint              n_values,
                                                  const double      *values);
double              tanlu_pathway_inputs_get_gdp (const TanluPathwayInputs *inputs,
                                                  guint              year);
double              tanlu_pathway_inputs_get_population
                                                 (const TanluPathwayInputs *inputs,
                                                  guint              year);
double              tanlu_pathway_inputs_get_history
                                                 (const TanluPathwayInputs *inputs,
                                                  guint              year);

/**
 * TanluPathwayMetric:
 * @TANLU_PATHWAY_CO2: CO₂ emissions before removals (scope 1, as CEADs
 *   counts them), Mt
 * @TANLU_PATHWAY_CO2_NET: CO₂ emissions less removals, Mt
 * @TANLU_PATHWAY_REMOVALS: removals and capture, Mt
 * @TANLU_PATHWAY_GDP: GDP, 亿元 at the driver's prices
 * @TANLU_PATHWAY_POPULATION: population, 万人
 * @TANLU_PATHWAY_INTENSITY_INDEX_2005: CO₂ per unit of GDP, 2005 = 100
 * @TANLU_PATHWAY_INTENSITY_INDEX_2020: CO₂ per unit of GDP, 2020 = 100
 * @TANLU_PATHWAY_PER_PERSON: CO₂ per person, t
 * @TANLU_PATHWAY_GDP_GROWTH: the GDP growth applied, % a year
 * @TANLU_PATHWAY_INTENSITY_CHANGE: the change of CO₂ per unit of GDP, % a year
 * @TANLU_PATHWAY_GROUP_FIRST: the first sector group's emissions, Mt; one
 *   per #TanluSectorGroup
 */
typedef enum
{
  TANLU_PATHWAY_CO2,
  TANLU_PATHWAY_CO2_NET,
  TANLU_PATHWAY_REMOVALS,
  TANLU_PATHWAY_GDP,
  TANLU_PATHWAY_POPULATION,
  TANLU_PATHWAY_INTENSITY_INDEX_2005,
  TANLU_PATHWAY_INTENSITY_INDEX_2020,
  TANLU_PATHWAY_PER_PERSON,
  TANLU_PATHWAY_GDP_GROWTH,
  TANLU_PATHWAY_INTENSITY_CHANGE,
  TANLU_PATHWAY_GROUP_FIRST,
} TanluPathwayMetric;

#define TANLU_PATHWAY_N_METRICS (TANLU_PATHWAY_GROUP_FIRST + TANLU_N_SECTOR_GROUPS)
#define TANLU_PATHWAY_GROUP(group) ((TanluPathwayMetric) (TANLU_PATHWAY_GROUP_FIRST + (group)))

/**
 * TanluPathway:
 * @name: the pathway's name
 * @region: the region's code or group key
 * @spec: (nullable): the levers it ran with, inheritance resolved
 * @first_year: the first year of the series (history included)
 * @base_year: the last observed year; later years are projected
 * @end_year: the last year
 * @n_years: @end_year − @first_year + 1
 * @values: one array of @n_years values per #TanluPathwayMetric, NAN where
 *   unknown; %NULL for a metric the pathway cannot give (sector groups
 *   without a breakdown, per person without population)
 * @peak_year: the year of the highest @TANLU_PATHWAY_CO2, history included
 * @peak_value: that value
 * @peaked: whether the emissions fall after @peak_year (the peak is not
 *   the last year)
 * @gdp_is_proxy: the GDP growth is another region's (a city's province's)
 * @gdp_projected_from: the first year the GDP driver gives as a projection
 * @n_members: for a group, its members
 * @n_members_with_data: for a group, the members whose pathways it sums
 * @notes_zh: (element-type utf8): what a reader needs to know, in Chinese
 * @notes_en: (element-type utf8): the same in English
 *
 * A computed pathway: history up to the base year, projection after it.
 */
typedef struct
{
  char              *name;
  char              *region;
  char              *region_name_zh;
  char              *region_name_en;
  TanluPathwaySpec  *spec;
  guint              first_year;
  guint              base_year;
  guint              end_year;
  guint              n_years;
  double            *values[TANLU_PATHWAY_N_METRICS];
  guint              peak_year;
  double             peak_value;
  gboolean           peaked;
  guint              n_members;
  guint              n_members_with_data;
  gboolean           gdp_is_proxy;
  guint              gdp_projected_from;
  GPtrArray         *notes_zh;
  GPtrArray         *notes_en;
} TanluPathway;

#define TANLU_TYPE_PATHWAY (tanlu_pathway_get_type ())

GType          tanlu_pathway_get_type         (void) G_GNUC_CONST;
TanluPathway  *tanlu_pathway_ref              (TanluPathway        *self);
void           tanlu_pathway_unref            (TanluPathway        *self);

TanluPathway  *tanlu_pathway_compute          (const TanluPathwaySpec   *spec,
                                               const TanluPathwayInputs *inputs,
                                               GError                  **error);
TanluPathway  *tanlu_pathway_sum              (const char               *name,
                                               const char               *region,
                                               const char               *region_name_zh,
                                               const char               *region_name_en,
                                               const TanluPathwaySpec   *spec,
                                               TanluPathway            **members,
                                               guint                     n_members,
                                               GError                  **error);

double         tanlu_pathway_get              (const TanluPathway  *self,
                                               TanluPathwayMetric   metric,
                                               guint                year);
gboolean       tanlu_pathway_has              (const TanluPathway  *self,
                                               TanluPathwayMetric   metric);
double         tanlu_pathway_cumulative       (const TanluPathway  *self,
                                               TanluPathwayMetric   metric,
                                               guint                first_year,
                                               guint                last_year);
double         tanlu_pathway_average_change   (const TanluPathway  *self,
                                               TanluPathwayMetric   metric,
                                               guint                from_year,
                                               guint                to_year);
GPtrArray     *tanlu_pathway_get_notes        (const TanluPathway  *self,
                                               gboolean             chinese);
void           tanlu_pathway_add_note         (TanluPathway        *self,
                                               const char          *note_zh,
                                               const char          *note_en);

const char    *tanlu_pathway_metric_to_string (TanluPathwayMetric   metric);
const char    *tanlu_pathway_metric_get_unit  (TanluPathwayMetric   metric);
char          *tanlu_pathway_metric_get_name  (TanluPathwayMetric   metric,
                                               gboolean             chinese);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluPathwayInputs, tanlu_pathway_inputs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluPathway, tanlu_pathway_unref)

G_END_DECLS
