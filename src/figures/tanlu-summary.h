/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/**
 * TanluSummary:
 * @series: (element-type TanluSeriesPoint): the indicator's values by year
 * @latest_year: the last year with a value (0 when @series is empty)
 * @latest_value: its value
 * @change_since_2005: (latest / 2005) − 1, when 2005 has a value
 * @change_since_2015: (latest / 2015) − 1, when 2015 has a value
 * @mean_growth: mean annual growth over the five years to @latest_year,
 *   when both ends have values
 * @peak_year: the year of the highest value so far
 * @peak_value: that value
 * @fallen_since_peak: whether @latest_value is below @peak_value
 * @parent: (nullable): the region @share_of_parent refers to
 * @share_of_parent: the region's value as a share of its parent's, same
 *   year, when both have one
 * @rank: 1-based rank among the siblings with a value in @latest_year,
 *   highest first; 0 when not ranked
 * @n_ranked: how many were ranked
 * @share_series: (element-type TanluSeriesPoint) (nullable): the share of
 *   the parent, by year, as a fraction
 * @rank_series: (element-type TanluSeriesPoint) (nullable): the rank among
 *   the siblings, by year
 * @members_without_data: (element-type TanluRegion) (nullable): for a group,
 *   the members with no value at all
 *
 * What the dashboard's cards say about one indicator for one region.
 */
typedef struct
{
  GArray      *series;
  guint        latest_year;
  double       latest_value;
  gboolean     has_change_since_2005;
  double       change_since_2005;
  gboolean     has_change_since_2015;
  double       change_since_2015;
  gboolean     has_mean_growth;
  double       mean_growth;
  guint        growth_from_year;
  guint        peak_year;
  double       peak_value;
  gboolean     fallen_since_peak;
  TanluRegion *parent;
  gboolean     has_share_of_parent;
  double       share_of_parent;
  guint        rank;
  guint        n_ranked;
  GArray      *share_series;
  GArray      *rank_series;
  GPtrArray   *members_without_data;
} TanluSummary;

TanluSummary *tanlu_summary_new      (TanluStore   *store,
                                      TanluRegion  *region,
                                      const char   *indicator_code,
                                      GError      **error);
void          tanlu_summary_free     (TanluSummary *summary);
GPtrArray    *tanlu_summary_siblings (TanluStore   *store,
                                      TanluRegion  *region);
char         *tanlu_summary_describe_no_figures (TanluRegion *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluSummary, tanlu_summary_free)

G_END_DECLS
