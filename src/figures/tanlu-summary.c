/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-summary.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

#include <math.h>

#define GROWTH_YEARS 5

static const TanluSeriesPoint *
find_year (GArray *series,
           guint   year)
{
  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return &g_array_index (series, TanluSeriesPoint, i);

  return NULL;
}

/* The rank in every year the region has a value, highest first, so the
 * card can draw how the rank moved. */
static void
rank_among_siblings (TanluSummary *summary,
                     TanluStore   *store,
                     TanluRegion  *region,
                     const char   *indicator_code)
{
  g_autoptr(GPtrArray) siblings = tanlu_summary_siblings (store, region);
  g_autoptr(GPtrArray) sibling_series =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (siblings->len == 0)
    return;

  for (guint s = 0; s < siblings->len; s++)
    {
      TanluRegion *sibling = g_ptr_array_index (siblings, s);
      GArray *series;

      if (sibling == region)
        continue;
      if ((series = tanlu_store_get_series (store, tanlu_region_get_code (sibling), indicator_code,
                                            NULL)) != NULL)
        g_ptr_array_add (sibling_series, series);
    }

  summary->rank_series = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  for (guint i = 0; i < summary->series->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (summary->series, TanluSeriesPoint, i);
      guint higher = 0;
      guint ranked = 1;
      TanluSeriesPoint rank = { point->year, 0, 0 };

      for (guint s = 0; s < sibling_series->len; s++)
        {
          const TanluSeriesPoint *other =
            find_year (g_ptr_array_index (sibling_series, s), point->year);

          if (other == NULL)
            continue;
          ranked++;
          if (other->value > point->value)
            higher++;
        }

      rank.value = higher + 1;
      g_array_append_val (summary->rank_series, rank);

      if (i == summary->series->len - 1)
        {
          summary->rank = higher + 1;
          summary->n_ranked = ranked;
        }
    }
}

/**
 * tanlu_summary_siblings:
 *
 * Returns: (transfer container) (element-type TanluRegion): the regions a
 *   region is ranked among: every provincial unit for a province, the
 *   prefecture-level units of the same province for a city, none for the
 *   nation and for groups
 */
GPtrArray *
tanlu_summary_siblings (TanluStore  *store,
                        TanluRegion *region)
{
  switch (tanlu_region_get_level (region))
    {
    case TANLU_REGION_LEVEL_PROVINCE:
      return tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);

    case TANLU_REGION_LEVEL_CITY:
      {
        GPtrArray *siblings =
          tanlu_store_list_children (store, tanlu_region_get_parent_code (region), NULL);

        return siblings != NULL ? siblings : g_ptr_array_new_with_free_func (g_object_unref);
      }

    case TANLU_REGION_LEVEL_NATION:
    case TANLU_REGION_LEVEL_GROUP:
    default:
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
}

/**
 * tanlu_summary_new:
 *
 * Computes the dashboard's figures for @indicator_code and @region.
 *
 * Returns: (transfer full) (nullable): the summary, with an empty series
 *   when the region has no values
 */
TanluSummary *
tanlu_summary_new (TanluStore   *store,
                   TanluRegion  *region,
                   const char   *indicator_code,
                   GError      **error)
{
  g_autoptr(TanluSummary) summary = g_new0 (TanluSummary, 1);
  const TanluSeriesPoint *latest;
  const TanluSeriesPoint *base;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  summary->series = tanlu_store_get_region_series (store, region, indicator_code,
                                                   &summary->members_without_data, error);
  if (summary->series == NULL)
    return NULL;

  if (summary->series->len == 0)
    return g_steal_pointer (&summary);

  latest = &g_array_index (summary->series, TanluSeriesPoint, summary->series->len - 1);
  summary->latest_year = latest->year;
  summary->latest_value = latest->value;

  if ((base = find_year (summary->series, 2005)) != NULL && base->value != 0 && latest->year > 2005)
    {
      summary->has_change_since_2005 = TRUE;
      summary->change_since_2005 = latest->value / base->value - 1;
    }

  if ((base = find_year (summary->series, 2015)) != NULL && base->value != 0 && latest->year > 2015)
    {
      summary->has_change_since_2015 = TRUE;
      summary->change_since_2015 = latest->value / base->value - 1;
    }

  /* Compound annual growth, the figure plans use, rather than the mean of
   * yearly changes. */
  if (latest->year >= GROWTH_YEARS &&
      (base = find_year (summary->series, latest->year - GROWTH_YEARS)) != NULL &&
      base->value > 0 && latest->value > 0)
    {
      summary->has_mean_growth = TRUE;
      summary->growth_from_year = base->year;
      summary->mean_growth = pow (latest->value / base->value, 1.0 / GROWTH_YEARS) - 1;
    }

  for (guint i = 0; i < summary->series->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (summary->series, TanluSeriesPoint, i);

      if (i == 0 || point->value > summary->peak_value)
        {
          summary->peak_year = point->year;
          summary->peak_value = point->value;
        }
    }
  summary->fallen_since_peak = latest->value < summary->peak_value;

  if (tanlu_region_get_parent_code (region) != 0 &&
      (summary->parent =
         tanlu_store_lookup_region (store, tanlu_region_get_parent_code (region))) != NULL)
    {
      g_autoptr(GArray) parent_series = tanlu_store_get_series (
        store, tanlu_region_get_code (summary->parent), indicator_code, NULL);

      summary->share_series = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
      for (guint i = 0; parent_series != NULL && i < summary->series->len; i++)
        {
          const TanluSeriesPoint *point = &g_array_index (summary->series, TanluSeriesPoint, i);
          const TanluSeriesPoint *whole = find_year (parent_series, point->year);

          if (whole != NULL && whole->value > 0)
            {
              TanluSeriesPoint share = { point->year, point->value / whole->value, 0 };

              g_array_append_val (summary->share_series, share);
            }
        }

      if (summary->share_series->len > 0 &&
          g_array_index (summary->share_series, TanluSeriesPoint, summary->share_series->len - 1)
              .year == latest->year)
        {
          summary->has_share_of_parent = TRUE;
          summary->share_of_parent = g_array_index (summary->share_series, TanluSeriesPoint,
                                                    summary->share_series->len - 1).value;
        }
    }

  rank_among_siblings (summary, store, region, indicator_code);

    return g_steal_pointer (&summary);
}

void
tanlu_summary_free (TanluSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->series, g_array_unref);
  g_clear_pointer (&summary->share_series, g_array_unref);
  g_clear_pointer (&summary->rank_series, g_array_unref);
  g_clear_pointer (&summary->members_without_data, g_ptr_array_unref);
  g_free (summary);
}

/**
 * tanlu_summary_describe_no_figures:
 *
 * Returns: (transfer full): what the pages say when @region has no
 *   figures, and how to add some
 */
char *
tanlu_summary_describe_no_figures (TanluRegion *region)
{
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  /* Translators: %s is a region */
  return g_strdup_printf (
    _("The database has no figures for %s yet. CEADs covers 30 provinces and 289 cities; import a "
       "table of observations (CSV) to add your own."),
    tanlu_region_get_display_name (region));
}
