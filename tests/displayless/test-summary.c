/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <math.h>

#include "figures/tanlu-summary.h"
#include "geo/tanlu-neighbours.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

/* The dashboard's figures on the bundled CEADs inventories, where the real
 * territory changes, gaps and incomplete years lie. */

typedef TanluTestBundledFixture Fixture;

#define CO2 "co2.total"

static TanluSummary *
summary_of (Fixture           *fixture,
            const char        *key,
            TanluSummaryFlags  flags)
{
  g_autoptr(GError) error = NULL;
  TanluRegion *region = tanlu_store_lookup_region_by_key (fixture->store, key);
  TanluSummary *summary;

  g_assert_nonnull (region);
  summary = tanlu_summary_new (fixture->store, region, CO2, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return summary;
}

static double
value_in (Fixture *fixture,
          guint    code,
          guint    year)
{
  g_autoptr(GArray) series = tanlu_store_get_series (fixture->store, code, CO2, NULL);

  g_assert_nonnull (series);
  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return g_array_index (series, TanluSeriesPoint, i).value;

  return NAN;
}

static gboolean
series_has_year (GArray *series,
                 guint   year)
{
  for (guint i = 0; series != NULL && i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return TRUE;

  return FALSE;
}

/* 莱芜 merged into 济南 in 2019: the change since 2015 compares today's
 * territory in both years, and 2019 is not “the highest so far” because
 * the two together were higher before. */
static void
test_merger_bridged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TanluSummary) summary = summary_of (fixture, "370100", TANLU_SUMMARY_NONE);
  double jinan_2015 = value_in (fixture, 370100, 2015);
  double laiwu_2015 = value_in (fixture, 371200, 2015);
  double jinan_2019 = value_in (fixture, 370100, 2019);
  g_autofree char *english = NULL;
  g_autofree char *chinese = NULL;

  g_assert_false (isnan (jinan_2015));
  g_assert_false (isnan (laiwu_2015));
  g_assert_cmpuint (summary->latest_year, ==, 2019);
  g_assert_cmpint (summary->since_2015.status, ==, TANLU_FIGURE_SHOWN);
  g_assert_true (summary->since_2015.adjusted);
  g_assert_nonnull (summary->since_2015.change);
  g_assert_cmpuint (summary->since_2015.change->old_code, ==, 371200);
  g_assert_cmpuint (summary->since_2015.change->new_code, ==, 370100);
  g_assert_cmpuint (summary->since_2015.change->year, ==, 2019);
  g_assert_cmpfloat_with_epsilon (summary->since_2015.from_value, jinan_2015 + laiwu_2015, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->since_2015.value,
                                  jinan_2019 / (jinan_2015 + laiwu_2015) - 1, 1e-12);
  /* The unadjusted figure, +139 %, is what a planner was shown before. */
  g_assert_cmpfloat (summary->since_2015.value, <, 0.2);

  g_assert_true (summary->growth.adjusted);
  g_assert_cmpfloat (fabs (summary->growth.value), <, 0.05);

  /* The comparable series adds 莱芜 to every year before 2019; CEADs has
   * no figure for 莱芜 in 2018, so 济南's own 2018 figure, on the smaller
   * territory, is not comparable. */
  g_assert_true (isnan (value_in (fixture, 371200, 2018)));
  g_assert_true (series_has_year (summary->series, 2018));
  g_assert_false (series_has_year (summary->comparable, 2018));
  g_assert_true (series_has_year (summary->comparable, 2017));
  for (guint i = 0; i < summary->comparable->len; i++)
    {
      TanluSeriesPoint *point = &g_array_index (summary->comparable, TanluSeriesPoint, i);
      double own = value_in (fixture, 370100, point->year);
      double merged = value_in (fixture, 371200, point->year);

      if (point->year < 2019)
        {
          g_assert_false (isnan (merged));
          g_assert_cmpfloat_with_epsilon (point->value, own + merged, 1e-9);
        }
      else
        g_assert_cmpfloat_with_epsilon (point->value, own, 1e-9);
    }
  g_assert_cmpfloat (summary->peak_value, >=, jinan_2019);
  if (summary->peak_year != 2019)
    g_assert_true (summary->fallen_since_peak);

  english = tanlu_summary_describe_break (fixture->store, summary->since_2015.change, FALSE);
  chinese = tanlu_summary_describe_break (fixture->store, summary->since_2015.change, TRUE);
  g_assert_nonnull (strstr (english, "Laiwu"));
  g_assert_nonnull (strstr (english, "2019"));
  g_assert_nonnull (strstr (chinese, "莱芜"));
}

/* 巢湖 was divided among 合肥, 芜湖 and 马鞍山 in 2011: no figure reaching
 * back before it is computed, and the card says why. */
static void
test_split_not_bridged (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TanluSummary) summary = summary_of (fixture, "340100", TANLU_SUMMARY_NONE);
  g_autofree char *english = NULL;

  g_assert_cmpuint (summary->latest_year, ==, 2019);
  g_assert_cmpint (summary->since_2005.status, ==, TANLU_FIGURE_BREAK);
  g_assert_nonnull (summary->since_2005.change);
  g_assert_cmpuint (summary->since_2005.change->year, ==, 2011);
  g_assert_nonnull (summary->comparable_break);
  g_assert_cmpint (summary->since_2015.status, ==, TANLU_FIGURE_SHOWN);
  g_assert_false (summary->since_2015.adjusted);

  /* The peak is sought only where the territory is today's. */
  g_assert_cmpuint (summary->peak_since, >=, 2011);
  g_assert_cmpuint (summary->peak_year, >=, 2011);
  for (guint i = 0; i < summary->comparable->len; i++)
    g_assert_cmpuint (g_array_index (summary->comparable, TanluSeriesPoint, i).year, >=, 2011);
  g_assert_true (series_has_year (summary->series, 2005));

  english = tanlu_summary_describe_break (fixture->store, summary->since_2005.change, FALSE);
  g_assert_nonnull (strstr (english, "Chaohu"));
}

/* Shares divide by the sum of the parts from the same dataset, so no city
 * is more than all of its province. */
static void
test_share_same_source (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TanluSummary) yulin = summary_of (fixture, "610800", TANLU_SUMMARY_NONE);
  g_autoptr(TanluSummary) sichuan = summary_of (fixture, "510000", TANLU_SUMMARY_NONE);
  g_autoptr(GPtrArray) provinces = NULL;
  double sum = 0;

  g_assert_true (yulin->has_share);
  g_assert_cmpfloat (yulin->share, >, 0);
  g_assert_cmpfloat (yulin->share, <=, 1);
  g_assert_cmpuint (tanlu_region_get_code (yulin->parent), ==, 610000);
  g_assert_cmpfloat_with_epsilon (yulin->share, yulin->latest_value / yulin->share_total, 1e-12);
  g_assert_cmpuint (yulin->share_n_parts, <=, yulin->share_n_siblings);
  /* The province's own inventory is larger than the sum of its cities'
   * here: the share does not divide by it. */
  g_assert_false (isnan (yulin->parent_value));
  for (guint i = 0; yulin->share_series != NULL && i < yulin->share_series->len; i++)
    g_assert_cmpfloat (g_array_index (yulin->share_series, TanluSeriesPoint, i).value, <=, 1);

  /* Sichuan's share of China: of the sum of the 30 provinces. */
  g_assert_true (sichuan->has_share);
  provinces = tanlu_summary_siblings (fixture->store,
                                      tanlu_store_lookup_region_by_key (fixture->store, "510000"));
  for (guint i = 0; i < provinces->len; i++)
    {
      double value = value_in (fixture, tanlu_region_get_code (g_ptr_array_index (provinces, i)),
                               2019);

      if (!isnan (value))
        sum += value;
    }
  g_assert_cmpuint (sichuan->share_n_parts, ==, 30);
  g_assert_cmpfloat_with_epsilon (sichuan->share_total, sum, 1e-6);
  g_assert_cmpfloat_with_epsilon (sichuan->share, value_in (fixture, 510000, 2019) / sum, 1e-12);
}

/* Ningxia 2000–2002 and Hainan 2002 have every fuel missing in the
 * source: they are left out of ranks unless the user counts them. */
static void
test_incomplete_years (Fixture       *fixture,
                       gconstpointer  data)
{
  TanluRegion *ningxia = tanlu_store_lookup_region_by_key (fixture->store, "640000");
  TanluRegion *hainan = tanlu_store_lookup_region_by_key (fixture->store, "460000");
  g_autoptr(TanluSummary) summary = summary_of (fixture, "640000", TANLU_SUMMARY_NONE);
  g_autoptr(TanluSummary) counted = summary_of (fixture, "640000",
                                                TANLU_SUMMARY_INCLUDE_INCOMPLETE);
  g_autoptr(TanluSummary) sichuan = summary_of (fixture, "510000", TANLU_SUMMARY_NONE);

  for (guint year = 2000; year <= 2002; year++)
    {
      g_assert_true (tanlu_summary_region_incomplete (fixture->store, ningxia, year));
      g_assert_true (tanlu_summary_is_incomplete (summary, year));
      /* The figure itself is kept and shown … */
      g_assert_true (series_has_year (summary->series, year));
      /* … but not ranked. */
      g_assert_false (series_has_year (summary->rank_series, year));
      g_assert_true (series_has_year (counted->rank_series, year));
    }
  g_assert_false (tanlu_summary_region_incomplete (fixture->store, ningxia, 2003));
  g_assert_true (series_has_year (summary->rank_series, 2003));
  g_assert_true (tanlu_summary_region_incomplete (fixture->store, hainan, 2002));
  g_assert_false (tanlu_summary_region_incomplete (fixture->store, hainan, 2001));
  g_assert_false (summary->latest_incomplete);

  /* In 2019 nothing is incomplete: 30 provinces ranked, none left out. */
  g_assert_cmpuint (sichuan->n_ranked, ==, 30);
  g_assert_cmpuint (sichuan->n_left_out, ==, 0);
  g_assert_cmpuint (sichuan->rank, >=, 1);
  g_assert_cmpuint (sichuan->rank, <=, 30);
}

/* A square outline with a vertex every quarter of a side, as real
 * outlines have vertices all along their borders. */
static TanluGeometry *
square (double x,
        double y,
        double size)
{
  TanluGeometry *geometry = tanlu_geometry_new ();
  const double corners[] = { x, y, x + size, y, x + size, y + size, x, y + size, x, y };
  double ring[2 * 17];
  guint n = 0;

  for (guint side = 0; side < 4; side++)
    for (guint step = 0; step < 4; step++)
      {
        double t = step / 4.0;

        ring[n++] = corners[2 * side] + t * (corners[2 * side + 2] - corners[2 * side]);
        ring[n++] = corners[2 * side + 1] + t * (corners[2 * side + 3] - corners[2 * side + 1]);
      }
  ring[n++] = x;
  ring[n++] = y;

  tanlu_geometry_begin_polygon (geometry);
  tanlu_geometry_add_ring (geometry, ring, n / 2);

  return geometry;
}

static char *
pairs_text (GArray *pairs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    g_string_append_printf (text, "%s%u-%u", text->len > 0 ? " " : "",
                            g_array_index (pairs, guint, i), g_array_index (pairs, guint, i + 1));

  return g_string_free (text, FALSE);
}

/* Hand-made outlines, fixture codes 1–7, in degrees:
 *
 *   1 and 2 share a whole side; 3 sits under them, sharing half of each
 *   one's lower side; 4 touches 2 at a corner only; 5 is drawn 0.005°
 *   apart from 2, as outlines from two sources are, and shares its top
 *   side with 4's bottom; 6 runs along 5 for 0.015° only, less than the
 *   minimum; 7 is drawn in two parts, one touching nothing, the other
 *   above 2 and left of 4, touching 1 at a corner only. */
static void
test_neighbour_finder (void)
{
  g_autoptr(TanluNeighbourFinder) finder =
    tanlu_neighbour_finder_new (TANLU_NEIGHBOURS_TOLERANCE, TANLU_NEIGHBOURS_MIN_SHARED);
  g_autoptr(GArray) pairs = NULL;
  g_autofree char *text = NULL;
  struct { guint code; double x, y, size; } parts[] = {
    { 1, 0, 0, 1 },
    { 2, 1, 0, 1 },
    { 3, 0.5, -1, 1 },
    { 4, 2, 1, 1 },
    { 5, 2.005, 0, 1 },
    { 6, 3.005, -0.985, 1 },
    { 7, 10, 10, 1 },
    { 7, 1, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(TanluGeometry) geometry = square (parts[i].x, parts[i].y, parts[i].size);

      tanlu_neighbour_finder_add (finder, parts[i].code, geometry);
    }
  g_assert_cmpuint (tanlu_neighbour_finder_get_n_regions (finder), ==, 7);

  pairs = tanlu_neighbour_finder_find (finder);
  text = pairs_text (pairs);
  g_assert_cmpstr (text, ==, "1-2 1-3 2-3 2-5 2-7 4-5 4-7");

  /* Four hundred outlines drawn over each other, finely: no borders to
   * find, and no minutes spent finding them. */
  {
    g_autoptr(TanluNeighbourFinder) overlapping =
      tanlu_neighbour_finder_new (TANLU_NEIGHBOURS_TOLERANCE, TANLU_NEIGHBOURS_MIN_SHARED);
    g_autoptr(GArray) none = NULL;
    gint64 start = g_get_monotonic_time ();

    for (guint code = 1; code <= 400; code++)
      {
        g_autoptr(TanluGeometry) geometry = square (104, 30, 1);

        tanlu_neighbour_finder_add (overlapping, code, geometry);
      }
    none = tanlu_neighbour_finder_find (overlapping);
    g_assert_null (none);
    g_test_message ("gave up after %.2f s", (g_get_monotonic_time () - start) / 1e6);
  }
}

/* The pairs the store keeps, and those it finds from the bundled
 * boundaries: Sichuan's and Chengdu's real neighbours. */
static void
test_neighbours_real (Fixture       *fixture,
                      gconstpointer  data)
{
  static const guint sichuan[] = { 500000, 520000, 530000, 540000, 610000, 620000, 630000 };
  static const guint chengdu[] = { 510600, 511400, 511800, 512000, 513200 };
  static const guint pairs[] = { 510000, 500000, 510100, 510600 };
  g_autoptr(GPtrArray) found = tanlu_store_list_neighbours (fixture->store, 510000);
  g_autoptr(GPtrArray) cities = tanlu_store_list_neighbours (fixture->store, 510100);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TanluSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  double own = value_in (fixture, 510000, 2019);
  guint higher = 0;

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (sichuan));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpuint (tanlu_region_get_code (g_ptr_array_index (found, i)), ==, sichuan[i]);
  g_assert_cmpuint (cities->len, ==, G_N_ELEMENTS (chengdu));
  for (guint i = 0; i < cities->len; i++)
    g_assert_cmpuint (tanlu_region_get_code (g_ptr_array_index (cities, i)), ==, chengdu[i]);

  /* The rank among them, against the figures read here. */
  summary = summary_of (fixture, "510000", TANLU_SUMMARY_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (sichuan); i++)
    {
      double other = value_in (fixture, sichuan[i], 2019);

      if (!isnan (other) && other > own)
        higher++;
    }
  g_assert_cmpuint (summary->neighbours->len, ==, G_N_ELEMENTS (sichuan));
  /* Tibet has no CEADs inventory. */
  g_assert_true (isnan (value_in (fixture, 540000, 2019)));
  g_assert_cmpuint (summary->n_neighbours_ranked, ==, G_N_ELEMENTS (sichuan));
  g_assert_cmpuint (summary->neighbour_rank, ==, higher + 1);
  /* Not the rank among all 30 provinces. */
  g_assert_cmpuint (summary->n_ranked, ==, 30);

  /* Replaced, not added to. */
  g_assert_true (tanlu_store_set_neighbours (fixture->store, pairs, 2, &error));
  g_assert_no_error (error);
  after = tanlu_store_list_neighbours (fixture->store, 510000);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (tanlu_region_get_code (g_ptr_array_index (after, 0)), ==, 500000);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tanlu_store_list_neighbours (fixture->store, 510600);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpuint (tanlu_region_get_code (g_ptr_array_index (after, 0)), ==, 510100);

  /* Found again from the outlines, as after a boundary import. */
  g_assert_true (tanlu_store_begin (fixture->store, &error));
  g_assert_true (tanlu_neighbours_update (fixture->store, &error));
  g_assert_true (tanlu_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = tanlu_store_list_neighbours (fixture->store, 510000);
  g_assert_cmpuint (after->len, ==, G_N_ELEMENTS (sichuan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/neighbour-finder", test_neighbour_finder);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)
  ADD ("/summary/merger-bridged", test_merger_bridged);
  ADD ("/summary/split-not-bridged", test_split_not_bridged);
  ADD ("/summary/share-same-source", test_share_same_source);
  ADD ("/summary/incomplete-years", test_incomplete_years);
  ADD ("/summary/neighbours-real", test_neighbours_real);
#undef ADD

  return g_test_run ();
}
