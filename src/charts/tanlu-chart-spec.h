/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-store-types.h"
#include "tanlu-chart.h"

G_BEGIN_DECLS

#define TANLU_CHART_SPEC_ERROR (tanlu_chart_spec_error_quark ())

typedef enum
{
  TANLU_CHART_SPEC_ERROR_SYNTAX,
  TANLU_CHART_SPEC_ERROR_INVALID,
  TANLU_CHART_SPEC_ERROR_UNKNOWN_REGION,
  TANLU_CHART_SPEC_ERROR_UNKNOWN_INDICATOR,
  TANLU_CHART_SPEC_ERROR_NO_DATA,
} TanluChartSpecError;

typedef enum
{
  TANLU_CHART_BREAKDOWN_NONE,
  TANLU_CHART_BREAKDOWN_SECTOR,
  TANLU_CHART_BREAKDOWN_FUEL,
} TanluChartBreakdown;

/**
 * TanluChartSpecSeries:
 * @region: (nullable): a region code or group key; with @indicator, the
 *   values come from the store
 * @indicator: (nullable): an indicator code
 * @label: (nullable): the legend text; defaults to the region's name
 * @first_year: first year shown, 0 for all
 * @last_year: last year shown, 0 for all
 * @values: (element-type double) (nullable): inline values as year, value
 *   pairs, for series that are not in the store (pathways, fixtures)
 * @projected_from: first projected year, 0 when all observed
 * @pathway: (nullable): a preset ("trend", "targets", "accelerated") or a
 *   saved pathway of @region; @indicator is then one of its metrics
 *   ("co2.total" by default), drawn from the base year on unless
 *   @first_year is earlier
 * @minus: (nullable): another pathway of @region, whose values are
 *   subtracted from @pathway's, year by year
 */
typedef struct
{
  char   *region;
  char   *indicator;
  char   *pathway;
  char   *minus;
  char   *label;
  guint   first_year;
  guint   last_year;
  GArray *values;
  guint   projected_from;
} TanluChartSpecSeries;

/**
 * TanluChartSpec:
 *
 * What a chart shows, as a planner saves it: it names regions and
 * indicators rather than numbers, so re-rendering a saved spec draws the
 * database's current figures. Serialises to JSON and back unchanged.
 */
typedef struct
{
  TanluChartKind       kind;
  char                *title;
  char                *subtitle;
  char                *source;
  GPtrArray           *series;            /* TanluChartSpecSeries */
  TanluChartBreakdown  breakdown;
  char                *breakdown_region;
  guint                top;
  char                *ranking_region;    /* bars: the region ranked among its siblings */
  char                *ranking_indicator;
  guint                ranking_year;
  GArray              *markers;           /* TanluChartMarker without labels; see marker_labels */
  GPtrArray           *marker_labels;
  GArray              *reference_years;
  GPtrArray           *reference_labels;
  GPtrArray           *bands;             /* TanluChartBand, copied into the data */
  gboolean             log_scale;
  gboolean             percent;
  TanluChartUnitScale  unit_scale;
  TanluChartLanguage   language;
  TanluChartTheme      theme;
  int                  width;
  int                  height;
  char                *name;              /* batch output name, nullable */
} TanluChartSpec;

GQuark                 tanlu_chart_spec_error_quark    (void);
TanluChartSpec        *tanlu_chart_spec_new            (TanluChartKind        kind);
void                   tanlu_chart_spec_free           (TanluChartSpec       *spec);
TanluChartSpecSeries  *tanlu_chart_spec_add_series     (TanluChartSpec       *spec,
                                                        const char           *region,
                                                        const char           *indicator);
void                   tanlu_chart_spec_add_marker     (TanluChartSpec       *spec,
                                                        double                year,
                                                        double                value,
                                                        const char           *label);
void                   tanlu_chart_spec_add_reference  (TanluChartSpec       *spec,
                                                        double                year,
                                                        const char           *label);
TanluChartSpec        *tanlu_chart_spec_new_from_json  (const char           *json,
                                                        gssize                length,
                                                        GError              **error);
TanluChartSpec        *tanlu_chart_spec_new_from_node  (JsonNode             *node,
                                                        GError              **error);
char                  *tanlu_chart_spec_to_json        (const TanluChartSpec *spec);
TanluChartData        *tanlu_chart_spec_resolve        (const TanluChartSpec *spec,
                                                        TanluStore           *store,
                                                        GError              **error);
TanluChartData        *tanlu_chart_spec_resolve_with_pathways
                                                       (const TanluChartSpec *spec,
                                                        TanluStore           *store,
                                                        TanluPathwayLibrary  *pathways,
                                                        GError              **error);
const char            *tanlu_chart_kind_to_string      (TanluChartKind        kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluChartSpec, tanlu_chart_spec_free)

G_END_DECLS
