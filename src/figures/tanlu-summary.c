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
  for (guint i = 0; series != NULL && i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return &g_array_index (series, TanluSeriesPoint, i);

  return NULL;
}

static gboolean
contains_year (GArray *years,
               guint   year)
{
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      return TRUE;

  return FALSE;
}

static int
compare_changes_by_year (gconstpointer a,
                         gconstpointer b)
{
  const TanluRegionChange *first = *(const TanluRegionChange **) a;
  const TanluRegionChange *second = *(const TanluRegionChange **) b;

  return (first->year > second->year) - (first->year < second->year);
}

/**
 * tanlu_summary_region_incomplete:
 *
 * Returns: whether @region's figures for @year are incomplete in the
 *   source; a group's are when a member's are
 */
gboolean
tanlu_summary_region_incomplete (TanluStore  *store,
                                 TanluRegion *region,
                                 guint        year)
{
  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (TANLU_IS_REGION (region), FALSE);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      guint n_members;
      const guint *members = tanlu_region_get_member_codes (region, &n_members);

      for (guint i = 0; i < n_members; i++)
        if (tanlu_store_get_incomplete (store, members[i], year) != NULL)
          return TRUE;

      return FALSE;
    }

  return tanlu_store_get_incomplete (store, tanlu_region_get_code (region), year) != NULL;
}

/**
 * tanlu_summary_is_incomplete:
 *
 * Returns: whether the figure of @year, as the summary compares it, is
 *   incomplete in the source
 */
gboolean
tanlu_summary_is_incomplete (const TanluSummary *summary,
                             guint               year)
{
  g_return_val_if_fail (summary != NULL, FALSE);

  return contains_year (summary->incomplete_years, year);
}

/* The changes of the region's territory between its first and latest
 * figure, and the years comparable with the latest: going back from it,
 * each year before a merger gets the merged unit's figure added, until a
 * change that cannot be bridged, or a merged unit without a figure. */
static void
find_comparable (TanluSummary *summary,
                 TanluStore   *store,
                 TanluRegion  *region,
                 const char   *indicator_code)
{
  g_autoptr(GPtrArray) merged_series =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint first_year = g_array_index (summary->series, TanluSeriesPoint, 0).year;
  guint code = tanlu_region_get_code (region);

  summary->breaks = g_ptr_array_new ();
  summary->comparable = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  summary->incomplete_years = g_array_new (FALSE, FALSE, sizeof (guint));

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    {
      g_autoptr(GPtrArray) breaks = tanlu_store_list_breaks (store, code);

      g_ptr_array_sort (breaks, compare_changes_by_year);
      for (guint i = 0; i < breaks->len; i++)
        {
          TanluRegionChange *change = g_ptr_array_index (breaks, i);

          if (change->year > first_year && change->year <= summary->latest_year)
            g_ptr_array_add (summary->breaks, change);
        }
    }

  for (guint i = 0; i < summary->breaks->len; i++)
    {
      const TanluRegionChange *change = g_ptr_array_index (summary->breaks, i);
      GArray *series = NULL;

      if (change->kind == TANLU_REGION_MERGED && change->new_code == code)
        series = tanlu_store_get_series (store, change->old_code, indicator_code, NULL);
      g_ptr_array_add (merged_series,
                       series != NULL ? series : g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint)));
    }

  for (guint i = summary->series->len; i-- > 0;)
    {
      TanluSeriesPoint point = g_array_index (summary->series, TanluSeriesPoint, i);
      gboolean incomplete = tanlu_summary_region_incomplete (store, region, point.year);

      gboolean gap = FALSE;

      for (guint b = 0; b < summary->breaks->len; b++)
        {
          const TanluRegionChange *change = g_ptr_array_index (summary->breaks, b);
          const TanluSeriesPoint *other;

          if (point.year >= change->year)
            continue;

          if (change->kind != TANLU_REGION_MERGED || change->new_code != code)
            {
              summary->comparable_break = change;
              break;
            }

          /* A merged unit without a figure that year leaves a gap in the
           * comparable years, not an end to them. */
          if ((other = find_year (g_ptr_array_index (merged_series, b), point.year)) == NULL)
            {
              gap = TRUE;
              continue;
            }

          point.value += other->value;
          incomplete |= tanlu_store_get_incomplete (store, change->old_code, point.year) != NULL;
        }

      if (incomplete)
        g_array_append_val (summary->incomplete_years, point.year);
      if (summary->comparable_break == NULL && !gap)
        g_array_prepend_val (summary->comparable, point);
    }
}

/* Whether a year before the latest needs a merged unit's figure added. */
static const TanluRegionChange *
bridged_by (const TanluSummary *summary,
            guint               year)
{
  for (guint b = 0; b < summary->breaks->len; b++)
    {
      const TanluRegionChange *change = g_ptr_array_index (summary->breaks, b);

      if (year < change->year && change->kind == TANLU_REGION_MERGED)
        return change;
    }

  return NULL;
}

static void
compare_with (TanluSummary       *summary,
              TanluSummaryChange *result,
              guint               from_year,
              guint               n_years,
              TanluSummaryFlags   flags)
{
  const TanluSeriesPoint *from = find_year (summary->comparable, from_year);
  gboolean include_incomplete = (flags & TANLU_SUMMARY_INCLUDE_INCOMPLETE) != 0;

  result->from_year = from_year;
  result->to_year = summary->latest_year;
  result->to_value = summary->latest_value;

  if (find_year (summary->series, from_year) == NULL || from_year >= summary->latest_year)
    {
      result->status = TANLU_FIGURE_NO_VALUE;
      result->blocking_year = from_year;
      return;
    }

  if (from == NULL)
    {
      result->status = TANLU_FIGURE_BREAK;
      /* Before a change that cannot be bridged, or a year a merged unit
       * has no figure for. */
      if (summary->comparable_break != NULL && from_year < summary->comparable_break->year)
        result->change = summary->comparable_break;
      else
        result->change = bridged_by (summary, from_year);
      return;
    }

  if (!include_incomplete && (tanlu_summary_is_incomplete (summary, from_year) ||
                              summary->latest_incomplete))
    {
      result->status = TANLU_FIGURE_INCOMPLETE;
      result->blocking_year = summary->latest_incomplete ? summary->latest_year : from_year;
      return;
    }

  /* A rate needs both figures positive; a change, a base other than 0. */
  if (n_years > 0 ? from->value <= 0 || summary->latest_value <= 0 : from->value == 0)
    {
      result->status = TANLU_FIGURE_NO_VALUE;
      result->blocking_year = from_year;
      return;
    }

  result->status = TANLU_FIGURE_SHOWN;
  result->from_value = from->value;
  result->change = bridged_by (summary, from_year);
  result->adjusted = result->change != NULL;
  /* Compound annual growth, the figure plans use, rather than the mean of
   * yearly changes. */
  result->value = n_years > 0 ? pow (summary->latest_value / from->value, 1.0 / n_years) - 1
                              : summary->latest_value / from->value - 1;
}

static void
find_peak (TanluSummary      *summary,
           TanluSummaryFlags  flags)
{
  gboolean include_incomplete = (flags & TANLU_SUMMARY_INCLUDE_INCOMPLETE) != 0;
  gboolean found = FALSE;

  for (guint i = 0; i < summary->comparable->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (summary->comparable, TanluSeriesPoint, i);

      if (!include_incomplete && tanlu_summary_is_incomplete (summary, point->year))
        continue;

      if (!found || point->value > summary->peak_value)
        {
          summary->peak_year = point->year;
          summary->peak_value = point->value;
          found = TRUE;
        }
    }

  if (!found)
    return;

  summary->peak_adjusted = bridged_by (summary, summary->peak_year) != NULL;
  if (summary->comparable->len > 0 &&
      g_array_index (summary->comparable, TanluSeriesPoint, 0).year >
        g_array_index (summary->series, TanluSeriesPoint, 0).year)
    summary->peak_since = g_array_index (summary->comparable, TanluSeriesPoint, 0).year;
  summary->fallen_since_peak = summary->latest_value < summary->peak_value;
}

/* Shares and ranks, year by year, against the siblings' figures from the
 * same source as the region's own: a city's share of its province is of
 * the sum of the province's cities in the city inventory, never of the
 * provincial inventory's total, which is another dataset made another
 * way. */
static void
compare_with_siblings (TanluSummary      *summary,
                       TanluStore        *store,
                       TanluRegion       *region,
                       const char        *indicator_code,
                       TanluSummaryFlags  flags)
{
  g_autoptr(GPtrArray) siblings = tanlu_summary_siblings (store, region);
  g_autoptr(GPtrArray) sibling_series =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean include_incomplete = (flags & TANLU_SUMMARY_INCLUDE_INCOMPLETE) != 0;
  gboolean region_listed = FALSE;

  if (siblings->len == 0)
    return;

  for (guint s = 0; s < siblings->len; s++)
    {
      TanluRegion *sibling = g_ptr_array_index (siblings, s);
      GArray *series = tanlu_store_get_series (store, tanlu_region_get_code (sibling),
                                               indicator_code, NULL);

      region_listed |= sibling == region;
      g_ptr_array_add (sibling_series,
                       series != NULL ? series : g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint)));
    }
  /* A former unit is not among today's siblings, but is compared with
   * those of its years. */
  if (!region_listed)
    {
      g_ptr_array_add (siblings, g_object_ref (region));
      g_ptr_array_add (sibling_series, g_array_ref (summary->series));
    }

  summary->rank_series = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  summary->share_series = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));

  for (guint i = 0; i < summary->series->len; i++)
    {
      const TanluSeriesPoint *point = &g_array_index (summary->series, TanluSeriesPoint, i);
      gboolean latest = i == summary->series->len - 1;
      gboolean own_incomplete = tanlu_summary_region_incomplete (store, region, point->year);
      guint higher = 0;
      guint ranked = 0;
      guint left_out = 0;
      guint parts = 0;
      guint incomplete_parts = 0;
      guint n_siblings = 0;
      double total = 0;

      for (guint s = 0; s < siblings->len; s++)
        {
          TanluRegion *sibling = g_ptr_array_index (siblings, s);
          const TanluSeriesPoint *other =
            find_year (g_ptr_array_index (sibling_series, s), point->year);
          gboolean incomplete;

          if (tanlu_region_is_valid_in (sibling, point->year))
            n_siblings++;
          if (other == NULL || other->source_id != point->source_id)
            continue;

          incomplete = tanlu_summary_region_incomplete (store, sibling, point->year);
          total += other->value;
          parts++;
          incomplete_parts += incomplete;

          if (incomplete && !include_incomplete)
            {
              left_out += sibling != region;
              continue;
            }
          ranked++;
          if (other->value > point->value)
            higher++;
        }

      if (!own_incomplete || include_incomplete)
        {
          TanluSeriesPoint rank = { point->year, higher + 1, 0 };

          g_array_append_val (summary->rank_series, rank);
          if (latest)
            {
              summary->rank = higher + 1;
              summary->n_ranked = ranked;
            }
        }
      if (latest)
        summary->n_left_out = left_out;

      if (total > 0)
        {
          TanluSeriesPoint share = { point->year, point->value / total, point->source_id };

          g_array_append_val (summary->share_series, share);
          if (latest && summary->parent != NULL)
            {
              summary->has_share = TRUE;
              summary->share = share.value;
              summary->share_total = total;
              summary->share_n_parts = parts;
              summary->share_n_siblings = MAX (n_siblings, parts);
              summary->share_n_incomplete = incomplete_parts;
              summary->share_source = tanlu_store_get_source (store, point->source_id);
            }
        }
    }
}

/* The rank among the regions sharing a border with it, in the latest
 * year, on figures from the same source as its own. */
static void
compare_with_neighbours (TanluSummary      *summary,
                         TanluStore        *store,
                         TanluRegion       *region,
                         const char        *indicator_code,
                         TanluSummaryFlags  flags)
{
  g_autoptr(GPtrArray) all = tanlu_store_list_neighbours (store, tanlu_region_get_code (region));
  gboolean include_incomplete = (flags & TANLU_SUMMARY_INCLUDE_INCOMPLETE) != 0;
  TanluRegionLevel level = tanlu_region_get_level (region);
  const TanluSeriesPoint *own;
  guint higher = 0;

  if (summary->series->len == 0 ||
      (level != TANLU_REGION_LEVEL_PROVINCE && level != TANLU_REGION_LEVEL_CITY))
    return;

  own = &g_array_index (summary->series, TanluSeriesPoint, summary->series->len - 1);
  summary->neighbours = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TanluRegion *neighbour = g_ptr_array_index (all, i);

      if (level == TANLU_REGION_LEVEL_PROVINCE &&
          tanlu_region_get_level (neighbour) != TANLU_REGION_LEVEL_PROVINCE)
        continue;
      g_ptr_array_add (summary->neighbours, g_object_ref (neighbour));
    }

  if (summary->neighbours->len == 0 || (summary->latest_incomplete && !include_incomplete))
    return;

  summary->n_neighbours_ranked = 1;
  for (guint i = 0; i < summary->neighbours->len; i++)
    {
      TanluRegion *neighbour = g_ptr_array_index (summary->neighbours, i);
      g_autoptr(GArray) series = tanlu_store_get_series (store, tanlu_region_get_code (neighbour),
                                                         indicator_code, NULL);
      const TanluSeriesPoint *other = find_year (series, own->year);

      if (other == NULL || other->source_id != own->source_id)
        continue;
      if (!include_incomplete && tanlu_summary_region_incomplete (store, neighbour, own->year))
        {
          summary->n_neighbours_left_out++;
          continue;
        }
      summary->n_neighbours_ranked++;
      if (other->value > own->value)
        higher++;
    }

  if (summary->n_neighbours_ranked > 1)
    summary->neighbour_rank = higher + 1;
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
 * @flags: whether incomplete figures count
 *
 * Computes the dashboard's figures for @indicator_code and @region: each
 * comparison of years on one territory, or flagged where that cannot be;
 * incomplete figures left out of ranks and comparisons unless @flags asks
 * for them; shares of a sum from one dataset.
 *
 * Returns: (transfer full) (nullable): the summary, with an empty series
 *   when the region has no values
 */
TanluSummary *
tanlu_summary_new (TanluStore         *store,
                   TanluRegion        *region,
                   const char         *indicator_code,
                   TanluSummaryFlags   flags,
                   GError            **error)
{
  g_autoptr(TanluSummary) summary = g_new0 (TanluSummary, 1);
  const TanluSeriesPoint *latest;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  summary->parent_value = NAN;
  summary->series = tanlu_store_get_region_series (store, region, indicator_code,
                                                   &summary->members_without_data, error);
  if (summary->series == NULL)
    return NULL;

  if (summary->series->len == 0)
    return g_steal_pointer (&summary);

  latest = &g_array_index (summary->series, TanluSeriesPoint, summary->series->len - 1);
  summary->latest_year = latest->year;
  summary->latest_value = latest->value;
  summary->latest_incomplete = tanlu_summary_region_incomplete (store, region, latest->year);
  summary->latest_source = tanlu_store_get_source (store, latest->source_id);

  find_comparable (summary, store, region, indicator_code);
  compare_with (summary, &summary->since_2005, 2005, 0, flags);
  compare_with (summary, &summary->since_2015, 2015, 0, flags);
  compare_with (summary, &summary->growth, latest->year - MIN (latest->year, GROWTH_YEARS),
                GROWTH_YEARS, flags);
  find_peak (summary, flags);

  if (tanlu_region_get_parent_code (region) != 0 &&
      (summary->parent =
         tanlu_store_lookup_region (store, tanlu_region_get_parent_code (region))) != NULL)
    {
      g_autoptr(GArray) parent_series = tanlu_store_get_series (
        store, tanlu_region_get_code (summary->parent), indicator_code, NULL);
      const TanluSeriesPoint *whole = find_year (parent_series, latest->year);

      if (whole != NULL)
        {
          summary->parent_value = whole->value;
          summary->parent_source = tanlu_store_get_source (store, whole->source_id);
        }
    }

  compare_with_siblings (summary, store, region, indicator_code, flags);
  compare_with_neighbours (summary, store, region, indicator_code, flags);

  return g_steal_pointer (&summary);
}

void
tanlu_summary_free (TanluSummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->series, g_array_unref);
  g_clear_pointer (&summary->comparable, g_array_unref);
  g_clear_pointer (&summary->breaks, g_ptr_array_unref);
  g_clear_pointer (&summary->incomplete_years, g_array_unref);
  g_clear_pointer (&summary->share_series, g_array_unref);
  g_clear_pointer (&summary->rank_series, g_array_unref);
  g_clear_pointer (&summary->neighbours, g_ptr_array_unref);
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

static const char *
name_of (TanluStore *store,
         guint       code,
         gboolean    chinese)
{
  TanluRegion *region = tanlu_store_lookup_region (store, code);

  if (region == NULL)
    return "?";

  return chinese ? tanlu_region_get_name_zh (region) : tanlu_region_get_name_en (region);
}

/**
 * tanlu_summary_describe_break:
 * @chinese: in Chinese, else in English: charts and exports follow their
 *   own language, which may not be the interface's
 *
 * Returns: (transfer full): the change of territory in a few words, such
 *   as "Laiwu merged into Jinan in 2019"
 */
char *
tanlu_summary_describe_break (TanluStore              *store,
                              const TanluRegionChange *change,
                              gboolean                 chinese)
{
  const char *old_name, *new_name;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);
  g_return_val_if_fail (change != NULL, NULL);

  old_name = name_of (store, change->old_code, chinese);
  new_name = name_of (store, change->new_code, chinese);

  switch (change->kind)
    {
    case TANLU_REGION_MERGED:
      return chinese ? g_strdup_printf ("%u 年%s并入%s", change->year, old_name, new_name)
                     : g_strdup_printf ("%s merged into %s in %u", old_name, new_name,
                                        change->year);

    case TANLU_REGION_SPLIT:
      {
        g_autoptr(GPtrArray) all = tanlu_store_list_region_changes (store, change->old_code);
        g_autoptr(GString) names = g_string_new (NULL);
        guint n = 0;

        for (guint i = 0; i < all->len; i++)
          {
            const TanluRegionChange *part = g_ptr_array_index (all, i);

            if (part->old_code == change->old_code && part->year == change->year &&
                part->kind == TANLU_REGION_SPLIT)
              n++;
          }
        for (guint i = 0, k = 0; i < all->len; i++)
          {
            const TanluRegionChange *part = g_ptr_array_index (all, i);

            if (part->old_code != change->old_code || part->year != change->year ||
                part->kind != TANLU_REGION_SPLIT)
              continue;
            if (k > 0)
              g_string_append (names, chinese ? "、" : (k + 1 == n ? " and " : ", "));
            g_string_append (names, name_of (store, part->new_code, chinese));
            k++;
          }

        return chinese ? g_strdup_printf ("%u 年%s撤销，分入%s", change->year, old_name, names->str)
                       : g_strdup_printf ("%s divided among %s in %u", old_name, names->str,
                                          change->year);
      }

    case TANLU_REGION_CREATED:
      return chinese ? g_strdup_printf ("%u 年从%s析置%s", change->year, old_name, new_name)
                     : g_strdup_printf ("%s made from part of %s in %u", new_name, old_name,
                                        change->year);

    case TANLU_REGION_RENAMED_CODE:
    default:
      return chinese ? g_strdup_printf ("%u 年%s改用代码 %u", change->year, old_name,
                                        change->new_code)
                     : g_strdup_printf ("%s took the code %u in %u", old_name, change->new_code,
                                        change->year);
    }
}
