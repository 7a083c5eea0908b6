/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store-types.h"
#include "store/tanlu-store.h"

G_BEGIN_DECLS

/**
 * TanluSummaryFlags:
 * @TANLU_SUMMARY_NONE: incomplete figures are left out of ranks, changes
 *   and growth
 * @TANLU_SUMMARY_INCLUDE_INCOMPLETE: they are counted, as a user may ask
 */
typedef enum
{
  TANLU_SUMMARY_NONE = 0,
  TANLU_SUMMARY_INCLUDE_INCOMPLETE = 1 << 0,
} TanluSummaryFlags;

/**
 * TanluFigureStatus:
 * @TANLU_FIGURE_SHOWN: the figure was computed
 * @TANLU_FIGURE_NO_VALUE: a year it needs has no figure
 * @TANLU_FIGURE_INCOMPLETE: a year it needs is incomplete in the source
 * @TANLU_FIGURE_BREAK: its years lie on both sides of a change of the
 *   region's territory that cannot be bridged (a split, or a unit made from
 *   part of it)
 *
 * Whether a figure comparing two years could be computed, and why not.
 */
typedef enum
{
  TANLU_FIGURE_SHOWN,
  TANLU_FIGURE_NO_VALUE,
  TANLU_FIGURE_INCOMPLETE,
  TANLU_FIGURE_BREAK,
} TanluFigureStatus;

/**
 * TanluSummaryChange:
 * @status: whether @value was computed
 * @from_year: the earlier year
 * @to_year: the later year
 * @from_value: the earlier figure, on today's territory when @adjusted
 * @to_value: the later figure
 * @value: the change, (to / from) − 1, or the compound annual rate
 * @adjusted: @from_value adds the figures of units merged into the region
 *   since, so that both years cover the same territory
 * @change: (nullable): the boundary change bridged (@adjusted) or in the
 *   way (%TANLU_FIGURE_BREAK); it belongs to the store
 * @blocking_year: the year without a figure, or with an incomplete one
 *
 * A change or growth rate between two years, and what it rests on.
 */
typedef struct
{
  TanluFigureStatus        status;
  guint                    from_year;
  guint                    to_year;
  double                   from_value;
  double                   to_value;
  double                   value;
  gboolean                 adjusted;
  const TanluRegionChange *change;
  guint                    blocking_year;
} TanluSummaryChange;

/**
 * TanluSummary:
 * @series: (element-type TanluSeriesPoint): the indicator's values by year
 * @comparable: (element-type TanluSeriesPoint): the years comparable with
 *   the latest, on today's territory: before a merger, the merged unit's
 *   figure is added in; years before a change that cannot be bridged are
 *   left out
 * @breaks: (element-type TanluRegionChange): the changes of territory
 *   within the years of @series, by year; they belong to the store
 * @comparable_break: (nullable): the change before which the years are
 *   not comparable with the latest, when there is one
 * @incomplete_years: (element-type guint): the years of @series that are
 *   incomplete in the source (for a group: incomplete for a member)
 * @latest_year: the last year with a value (0 when @series is empty)
 * @latest_value: its value
 * @latest_incomplete: the latest figure is incomplete in the source
 * @latest_source: (nullable): the source of the latest figure (none for a
 *   group's sum)
 * @since_2005: the change from 2005 to @latest_year
 * @since_2015: the change from 2015 to @latest_year
 * @growth: the compound annual rate over the five years to @latest_year
 * @peak_year: the year of the highest comparable, complete value so far
 * @peak_value: that value, on today's territory
 * @peak_adjusted: @peak_value adds a merged unit's figure
 * @peak_since: when later than the first year of @series, the first year
 *   compared for the peak
 * @fallen_since_peak: whether @latest_value is below @peak_value
 * @parent: (nullable): the region @share refers to
 * @has_share: whether @share was computed
 * @share: the region's value as a share of the sum of its parent's parts
 *   with a figure from the same source in @latest_year, so that both come
 *   from one dataset
 * @share_total: that sum
 * @share_source: (nullable): the source both come from
 * @share_n_parts: how many parts the sum adds
 * @share_n_siblings: how many parts the parent has
 * @share_n_incomplete: how many of the parts are incomplete in the source
 * @parent_value: the parent's own figure for @latest_year, from
 *   @parent_source, or NAN; it may come from another dataset
 * @parent_source: (nullable): its source
 * @share_series: (element-type TanluSeriesPoint) (nullable): @share by
 *   year, as a fraction
 * @rank: 1-based rank among the siblings with a complete value in
 *   @latest_year, highest first; 0 when not ranked
 * @n_ranked: how many were ranked
 * @n_left_out: siblings left out of the rank as incomplete
 * @rank_series: (element-type TanluSeriesPoint) (nullable): the rank among
 *   the siblings, by year
 * @neighbours: (element-type TanluRegion) (nullable): the regions that
 *   share a border with the region, of its level (a city's also include a
 *   municipality drawn whole on the city map)
 * @neighbour_rank: 1-based rank among @neighbours and the region itself,
 *   by their figures for @latest_year from the region's source, highest
 *   first; 0 when not ranked
 * @n_neighbours_ranked: how many were ranked, the region included
 * @n_neighbours_left_out: neighbours left out as incomplete
 * @members_without_data: (element-type TanluRegion) (nullable): for a group,
 *   the members with no value at all
 *
 * What the dashboard's cards say about one indicator for one region, and
 * what each figure rests on.
 */
typedef struct
{
  GArray             *series;
  GArray             *comparable;
  GPtrArray          *breaks;
  const TanluRegionChange *comparable_break;
  GArray             *incomplete_years;
  guint               latest_year;
  double              latest_value;
  gboolean            latest_incomplete;
  TanluSource        *latest_source;
  TanluSummaryChange  since_2005;
  TanluSummaryChange  since_2015;
  TanluSummaryChange  growth;
  guint               peak_year;
  double              peak_value;
  gboolean            peak_adjusted;
  guint               peak_since;
  gboolean            fallen_since_peak;
  TanluRegion        *parent;
  gboolean            has_share;
  double              share;
  double              share_total;
  TanluSource        *share_source;
  guint               share_n_parts;
  guint               share_n_siblings;
  guint               share_n_incomplete;
  double              parent_value;
  TanluSource        *parent_source;
  GArray             *share_series;
  guint               rank;
  guint               n_ranked;
  guint               n_left_out;
  GArray             *rank_series;
  GPtrArray          *neighbours;
  guint               neighbour_rank;
  guint               n_neighbours_ranked;
  guint               n_neighbours_left_out;
  GPtrArray          *members_without_data;
} TanluSummary;

TanluSummary *tanlu_summary_new                 (TanluStore              *store,
                                                 TanluRegion             *region,
                                                 const char              *indicator_code,
                                                 TanluSummaryFlags        flags,
                                                 GError                 **error);
void          tanlu_summary_free                (TanluSummary            *summary);
gboolean      tanlu_summary_is_incomplete       (const TanluSummary      *summary,
                                                 guint                    year);
GPtrArray    *tanlu_summary_siblings            (TanluStore              *store,
                                                 TanluRegion             *region);
char         *tanlu_summary_describe_no_figures (TanluRegion             *region);
char         *tanlu_summary_describe_break      (TanluStore              *store,
                                                 const TanluRegionChange *change,
                                                 gboolean                 chinese);
gboolean      tanlu_summary_region_incomplete   (TanluStore              *store,
                                                 TanluRegion             *region,
                                                 guint                    year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluSummary, tanlu_summary_free)

G_END_DECLS
