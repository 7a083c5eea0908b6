/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-classify"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "map/tanlu-classify.h"
#include "map/tanlu-map-palette.h"

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
assert_breaks (const TanluClassification *classification,
               const double              *expected,
               guint                      n_classes)
{
  g_assert_cmpuint (classification->n_classes, ==, n_classes);

  for (guint i = 0; i <= n_classes; i++)
    g_assert_cmpfloat (classification->breaks[i], ==, expected[i]);
}

static void
assert_counts (const TanluClassification *classification,
               const guint               *expected,
               guint                      n_classes)
{
  guint total = 0;

  g_assert_cmpuint (classification->n_classes, ==, n_classes);

  for (guint i = 0; i < n_classes; i++)
    {
      g_assert_cmpuint (classification->counts[i], ==, expected[i]);
      total += expected[i];
    }

  g_assert_cmpuint (classification->n_values, ==, total);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
squared_deviation (const double *values,
                   guint         n)
{
  double mean = 0;
  double sum = 0;

  for (guint i = 0; i < n; i++)
    mean += values[i] / n;

  for (guint i = 0; i < n; i++)
    sum += (values[i] - mean) * (values[i] - mean);

  return sum;
}

/* The within-class squared deviation of a classification of @values. */
static double
classification_deviation (const TanluClassification *classification,
                          const double              *values,
                          guint                      n)
{
  double total = 0;

  for (guint c = 0; c < classification->n_classes; c++)
    {
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < n; i++)
        {
          if (tanlu_classification_find (classification, values[i]) == (int) c)
            g_array_append_val (members, values[i]);
        }

      g_assert_cmpuint (members->len, ==, classification->counts[c]);
      total += squared_deviation ((double *) members->data, members->len);
    }

  return total;
}

/* Every way to cut @sorted[start..n) into @k non-empty runs: the least
 * total squared deviation, by exhaustive search. */
static double
brute_force_deviation (const double *sorted,
                       guint         start,
                       guint         n,
                       guint         k)
{
  double best = INFINITY;

  if (k == 1)
    return squared_deviation (sorted + start, n - start);

  for (guint end = start + 1; end + k - 1 <= n; end++)
    {
      double cost = squared_deviation (sorted + start, end - start) +
                    brute_force_deviation (sorted, end, n, k - 1);

      best = MIN (best, cost);
    }

  return best;
}

static double
relative_luminance (const TanluChartColor *color)
{
  double channels[] = { color->red, color->green, color->blue };
  double weights[] = { 0.2126, 0.7152, 0.0722 };
  double luminance = 0;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      double c = channels[i];
      double linear = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);

      luminance += weights[i] * linear;
    }

  return luminance;
}

static double
color_distance (const TanluChartColor *a,
                const TanluChartColor *b)
{
  return sqrt ((a->red - b->red) * (a->red - b->red) +
               (a->green - b->green) * (a->green - b->green) +
               (a->blue - b->blue) * (a->blue - b->blue));
}

static void
assert_color_hex (const TanluChartColor *color,
                  guint32                rgb)
{
  g_assert_cmpfloat_with_epsilon (color->red, ((rgb >> 16) & 0xff) / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (color->green, ((rgb >> 8) & 0xff) / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (color->blue, (rgb & 0xff) / 255.0, 1e-9);
  g_assert_cmpfloat (color->alpha, ==, 1.0);
}

/* ------------------------------------------------------------------------ */
/* Jenks */

/* Employment density (jobs per km²) of California's 58 counties: the
 * example data set of PySAL's mapclassify (`mapclassify.load_example()`,
 * calempdensity.csv), in the order of riatelab/statsbreaks'
 * test/test-data.js. Both libraries publish its Fisher–Jenks classes for
 * k = 5 (mapclassify's README, statsbreaks' test/jenks.test.js) as upper
 * bounds 75.29, 192.05, 370.50, 722.85, 4111.45 with counts 49, 3, 4, 1, 1.
 *
 * Those and the k = 3 and k = 4 results below were checked independently
 * in Python with exact rational arithmetic, by the textbook O(k·n²)
 * dynamic programme and by brute force over every partition of the
 * sorted values (395,010 of them for k = 5): both agree. Tanlu writes each
 * class's lower bound where those libraries write its upper bound, hence
 * the lists of lowest and highest members. */
static const double calemp[] = {
  329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22,
  8.7, 6.56, 3.27, 0.33, 370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7,
  12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38, 11.15, 110.74, 4111.45, 49.47, 10.33,
  317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67, 13.09, 1.81, 0.2,
  7.6, 2.51, 57.26, 24.32, 6.97,
};

static const struct
{
  guint  n_classes;
  double lowest[5];
  double highest[5];
  guint  counts[5];
} calemp_jenks[] = {
  { 3, { 0.13, 264.93, 4111.45 }, { 192.05, 722.85, 4111.45 }, { 52, 5, 1 } },
  { 4, { 0.13, 181.27, 722.85, 4111.45 }, { 110.74, 370.5, 722.85, 4111.45 }, { 50, 6, 1, 1 } },
  {
    5,
    { 0.13, 110.74, 264.93, 722.85, 4111.45 },
    { 75.29, 192.05, 370.5, 722.85, 4111.45 },
    { 49, 3, 4, 1, 1 },
  },
};

static void
test_jenks_published (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (calemp), ==, 58);

  for (guint t = 0; t < G_N_ELEMENTS (calemp_jenks); t++)
    {
      guint k = calemp_jenks[t].n_classes;
      g_autoptr(TanluClassification) classification = NULL;
      g_autoptr(GError) error = NULL;
      double highest[5];

      classification = tanlu_classification_new (calemp, G_N_ELEMENTS (calemp),
                                                 TANLU_CLASSIFY_JENKS, k, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (classification->method, ==, TANLU_CLASSIFY_JENKS);
      g_assert_cmpuint (classification->n_classes, ==, k);
      g_assert_cmpuint (classification->n_missing, ==, 0);

      for (guint c = 0; c < k; c++)
        g_assert_cmpfloat (classification->breaks[c], ==, calemp_jenks[t].lowest[c]);
      g_assert_cmpfloat (classification->breaks[k], ==, 4111.45);

      assert_counts (classification, calemp_jenks[t].counts, k);

      for (guint c = 0; c < k; c++)
        highest[c] = -INFINITY;

      for (guint i = 0; i < G_N_ELEMENTS (calemp); i++)
        {
          int c = tanlu_classification_find (classification, calemp[i]);

          highest[c] = MAX (highest[c], calemp[i]);
        }

      for (guint c = 0; c < k; c++)
        g_assert_cmpfloat (highest[c], ==, calemp_jenks[t].highest[c]);
    }
}

/* Made-up values with ties: Jenks must find the best grouping that an
 * exhaustive search finds, and keep ties together. */
static void
test_jenks_brute_force (void)
{
  static const double set_a[] = { 4, 1, 9, 9, 2, 15, 16, 3, 30, 9, 2, 28 };
  static const double set_b[] = { 0.5, 0.5, 0.5, 7, 7.5, 8, 20, 21, 21, 40, 100, 101 };
  static const double set_c[] = { -5, -4.5, -4.5, 0, 0, 0, 1, 3, 6, 10, 15, 21, 28 };
  static const struct
  {
    const double *values;
    guint         n;
  } sets[] = {
    { set_a, G_N_ELEMENTS (set_a) },
    { set_b, G_N_ELEMENTS (set_b) },
    { set_c, G_N_ELEMENTS (set_c) },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree double *sorted = g_memdup2 (sets[s].values, sizeof (double) * sets[s].n);

      qsort (sorted, sets[s].n, sizeof (double), compare_doubles);

      for (guint k = TANLU_CLASSIFY_MIN_CLASSES; k <= 5; k++)
        {
          g_autoptr(TanluClassification) classification = NULL;
          g_autoptr(GError) error = NULL;
          double best = brute_force_deviation (sorted, 0, sets[s].n, k);
          double found;

          classification = tanlu_classification_new (sets[s].values, sets[s].n,
                                                     TANLU_CLASSIFY_JENKS, k, NULL, 0, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (classification->n_classes, ==, k);

          found = classification_deviation (classification, sets[s].values, sets[s].n);
          g_assert_cmpfloat_with_epsilon (found, best, 1e-9 * MAX (best, 1));

          /* No empty class; only a last class of one value may have equal
           * bounds. */
          for (guint c = 0; c < k; c++)
            g_assert_cmpuint (classification->counts[c], >, 0);
          for (guint c = 0; c + 1 < k; c++)
            g_assert_cmpfloat (classification->breaks[c], <, classification->breaks[c + 1]);
          g_assert_cmpfloat (classification->breaks[k - 1], <=, classification->breaks[k]);
        }
    }
}

/* Made-up: three tight groups far from zero, where Σx² − (Σx)²/n would
 * cancel every significant digit. */
static void
test_jenks_large_values (void)
{
  double values[] = { 0, 1, 2, 10, 11, 12, 20, 21, 22 };
  const double expected[] = { 1e9, 1e9 + 10, 1e9 + 20, 1e9 + 22 };
  const guint counts[] = { 3, 3, 3 };
  g_autoptr(TanluClassification) classification = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] += 1e9;

  classification = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                             TANLU_CLASSIFY_JENKS, 3, NULL, 0, NULL);
  assert_breaks (classification, expected, 3);
  assert_counts (classification, counts, 3);
}

/* ------------------------------------------------------------------------ */
/* Quantile and equal interval */

static void
test_quantile (void)
{
  /* Made-up values, shuffled. */
  const double distinct[] = { 7, 3, 10, 1, 9, 2, 8, 4, 6, 5 };
  const double distinct_breaks[] = { 1, 3, 5, 7, 9, 10 };
  const guint distinct_counts[] = { 2, 2, 2, 2, 2 };
  /* The second quantile falls inside the run of 2s: the break moves to
   * the nearer end of the run, so the ties stay in one class. */
  const double tied[] = { 1, 2, 2, 2, 3, 4, 5, 6, 7, 8 };
  const double tied_breaks[] = { 1, 2, 3, 5, 7, 8 };
  const guint tied_counts[] = { 1, 3, 2, 2, 2 };
  /* Eight equal values: every quantile lands on the same break, which is
   * kept once, rather than leave empty classes. */
  const double mostly_equal[] = { 1, 1, 1, 1, 3, 1, 1, 1, 1, 2 };
  const double mostly_equal_breaks[] = { 1, 2, 3 };
  const guint mostly_equal_counts[] = { 8, 2 };
  g_autoptr(TanluClassification) a = NULL;
  g_autoptr(TanluClassification) b = NULL;
  g_autoptr(TanluClassification) c = NULL;
  g_autoptr(TanluClassification) d = NULL;

  a = tanlu_classification_new (distinct, G_N_ELEMENTS (distinct),
                                TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, NULL);
  assert_breaks (a, distinct_breaks, 5);
  assert_counts (a, distinct_counts, 5);

  b = tanlu_classification_new (tied, G_N_ELEMENTS (tied),
                                TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, NULL);
  assert_breaks (b, tied_breaks, 5);
  assert_counts (b, tied_counts, 5);

  c = tanlu_classification_new (mostly_equal, G_N_ELEMENTS (mostly_equal),
                                TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, NULL);
  assert_breaks (c, mostly_equal_breaks, 2);
  assert_counts (c, mostly_equal_counts, 2);

  /* Ten values in three: as even as ten allows. */
  {
    const guint counts[] = { 3, 3, 4 };

    d = tanlu_classification_new (distinct, G_N_ELEMENTS (distinct),
                                  TANLU_CLASSIFY_QUANTILE, 3, NULL, 0, NULL);
    assert_counts (d, counts, 3);
  }
}

static void
test_equal_interval (void)
{
  /* Made-up values. */
  const double values[] = { 0, 3, 10, 7, 1 };
  const double breaks[] = { 0, 2, 4, 6, 8, 10 };
  const guint counts[] = { 2, 1, 0, 1, 1 };
  const double signed_values[] = { 0.25, -1, 1, 0 };
  const double signed_breaks[] = { -1, -0.5, 0, 0.5, 1 };
  const double unit_values[] = { 1, 0.5, 0, 0.1, 0.7, 0.3 };
  const double unit_breaks[] = { 0, 0.2, 0.4, 0.6, 0.8, 1 };
  const double two_values[] = { 10, 0, 10 };
  const double two_breaks[] = { 0, 5, 10 };
  const guint two_counts[] = { 1, 2 };
  g_autoptr(TanluClassification) a = NULL;
  g_autoptr(TanluClassification) b = NULL;
  g_autoptr(TanluClassification) c = NULL;
  g_autoptr(TanluClassification) d = NULL;

  a = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                TANLU_CLASSIFY_EQUAL_INTERVAL, 5, NULL, 0, NULL);
  g_assert_cmpint (a->method, ==, TANLU_CLASSIFY_EQUAL_INTERVAL);
  assert_breaks (a, breaks, 5);
  assert_counts (a, counts, 5);

  b = tanlu_classification_new (signed_values, G_N_ELEMENTS (signed_values),
                                TANLU_CLASSIFY_EQUAL_INTERVAL, 4, NULL, 0, NULL);
  assert_breaks (b, signed_breaks, 4);

  /* The literal 0.6, where 0 + 3 × 0.2 would be 0.6000000000000001. */
  d = tanlu_classification_new (unit_values, G_N_ELEMENTS (unit_values),
                                TANLU_CLASSIFY_EQUAL_INTERVAL, 5, NULL, 0, NULL);
  assert_breaks (d, unit_breaks, 5);

  /* Two distinct values: two classes, not five with three empty. */
  c = tanlu_classification_new (two_values, G_N_ELEMENTS (two_values),
                                TANLU_CLASSIFY_EQUAL_INTERVAL, 5, NULL, 0, NULL);
  assert_breaks (c, two_breaks, 2);
  assert_counts (c, two_counts, 2);
}

/* ------------------------------------------------------------------------ */
/* Custom breaks */

static void
test_custom_valid (void)
{
  /* Made-up values, 1 to 10. */
  const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const double inner[] = { 4, 8 };
  const double inner_breaks[] = { 1, 4, 8, 10 };
  const double bounds[] = { 0, 4, 8, 20 };
  const guint counts[] = { 3, 4, 3 };
  const double beyond[] = { 2, 10 };
  const double beyond_breaks[] = { 2, 2, 10, 10 };
  const guint beyond_counts[] = { 0, 8, 1 };
  g_autoptr(TanluClassification) a = NULL;
  g_autoptr(TanluClassification) b = NULL;
  g_autoptr(TanluClassification) c = NULL;
  g_autoptr(GError) error = NULL;

  /* The inner breaks: the data's minimum and maximum close the ends. */
  a = tanlu_classification_new (values, G_N_ELEMENTS (values), TANLU_CLASSIFY_CUSTOM, 3,
                                inner, G_N_ELEMENTS (inner), &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->method, ==, TANLU_CLASSIFY_CUSTOM);
  assert_breaks (a, inner_breaks, 3);
  assert_counts (a, counts, 3);

  /* All the bounds: kept as given. */
  b = tanlu_classification_new (values, G_N_ELEMENTS (values), TANLU_CLASSIFY_CUSTOM, 3,
                                bounds, G_N_ELEMENTS (bounds), &error);
  g_assert_no_error (error);
  assert_breaks (b, bounds, 3);
  assert_counts (b, counts, 3);

  /* Breaks at or beyond the ends of the data (2 to 10 here) are the
   * user's to choose: the first class is empty, the last holds one value. */
  c = tanlu_classification_new (values + 1, G_N_ELEMENTS (values) - 1,
                                TANLU_CLASSIFY_CUSTOM, 3, beyond, G_N_ELEMENTS (beyond), &error);
  g_assert_no_error (error);
  assert_breaks (c, beyond_breaks, 3);
  assert_counts (c, beyond_counts, 3);
}

static void
test_custom_invalid (void)
{
  /* Made-up values. */
  const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const double missing[] = { NAN, NAN };
  static const struct
  {
    double breaks[6];
    guint  n_breaks;
    guint  n_classes;
    int    code;
  } cases[] = {
    { { 8, 4 }, 2, 3, TANLU_CLASSIFY_ERROR_NOT_ASCENDING },
    { { 4, 4 }, 2, 3, TANLU_CLASSIFY_ERROR_NOT_ASCENDING },
    { { 0, 4, 3, 10 }, 4, 3, TANLU_CLASSIFY_ERROR_NOT_ASCENDING },
    { { 4, NAN }, 2, 3, TANLU_CLASSIFY_ERROR_NOT_FINITE },
    { { -INFINITY, 4, 8, 10 }, 4, 3, TANLU_CLASSIFY_ERROR_NOT_FINITE },
    { { 2, 4, 6, 8, 9 }, 5, 3, TANLU_CLASSIFY_ERROR_BREAK_COUNT },
    { { 2, 4, 6 }, 3, 3, TANLU_CLASSIFY_ERROR_BREAK_COUNT },
    { { 5 }, 1, 3, TANLU_CLASSIFY_ERROR_BREAK_COUNT },
    { { 0 }, 0, 3, TANLU_CLASSIFY_ERROR_BREAK_COUNT },
    { { 5 }, 1, 2, TANLU_CLASSIFY_ERROR_CLASS_COUNT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TanluClassification) classification = NULL;
      g_autoptr(GError) error = NULL;

      classification = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                                 TANLU_CLASSIFY_CUSTOM, cases[i].n_classes,
                                                 cases[i].breaks, cases[i].n_breaks, &error);
      g_assert_null (classification);
      g_assert_error (error, TANLU_CLASSIFY_ERROR, cases[i].code);
      g_clear_error (&error);

      /* Bad breaks are an error even with no data to classify. */
      classification = tanlu_classification_new (missing, G_N_ELEMENTS (missing),
                                                 TANLU_CLASSIFY_CUSTOM, cases[i].n_classes,
                                                 cases[i].breaks, cases[i].n_breaks, &error);
      g_assert_null (classification);
      g_assert_error (error, TANLU_CLASSIFY_ERROR, cases[i].code);
    }
}

static void
test_class_count (void)
{
  /* Made-up values. */
  const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  const guint counts[] = { 0, 2, 10, 100 };

  for (TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE;
       method <= TANLU_CLASSIFY_JENKS;
       method++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          g_autoptr(TanluClassification) classification = NULL;
          g_autoptr(GError) error = NULL;

          classification = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                                     method, counts[i], NULL, 0, &error);
          g_assert_null (classification);
          g_assert_error (error, TANLU_CLASSIFY_ERROR, TANLU_CLASSIFY_ERROR_CLASS_COUNT);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Degenerate and missing data */

static void
test_one_distinct_value (void)
{
  /* Made-up values. */
  const double equal[] = { 5, 5, 5, 5 };
  const double equal_breaks[] = { 5, 5 };
  const guint equal_counts[] = { 4 };
  const double single[] = { 42 };
  const double single_breaks[] = { 42, 42 };
  const guint single_counts[] = { 1 };

  for (TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE;
       method <= TANLU_CLASSIFY_JENKS;
       method++)
    {
      g_autoptr(TanluClassification) a = NULL;
      g_autoptr(TanluClassification) b = NULL;

      a = tanlu_classification_new (equal, G_N_ELEMENTS (equal), method, 5, NULL, 0, NULL);
      assert_breaks (a, equal_breaks, 1);
      assert_counts (a, equal_counts, 1);
      g_assert_cmpint (tanlu_classification_find (a, 5), ==, 0);
      g_assert_cmpint (tanlu_classification_find (a, 6), ==, 0);

      b = tanlu_classification_new (single, G_N_ELEMENTS (single), method, 3, NULL, 0, NULL);
      assert_breaks (b, single_breaks, 1);
      assert_counts (b, single_counts, 1);
    }
}

static void
test_all_missing (void)
{
  /* Made-up: no data at all. */
  const double missing[] = { NAN, NAN, NAN };
  const double inner[] = { 4, 8 };

  for (TanluClassifyMethod method = TANLU_CLASSIFY_QUANTILE;
       method <= TANLU_CLASSIFY_CUSTOM;
       method++)
    {
      g_autoptr(TanluClassification) a = NULL;
      g_autoptr(TanluClassification) b = NULL;
      g_autoptr(GError) error = NULL;

      a = tanlu_classification_new (missing, G_N_ELEMENTS (missing), method, 3,
                                    inner, G_N_ELEMENTS (inner), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (a->n_classes, ==, 0);
      g_assert_cmpuint (a->n_values, ==, 0);
      g_assert_cmpuint (a->n_missing, ==, 3);
      g_assert_cmpint (tanlu_classification_find (a, 5), ==, -1);

      b = tanlu_classification_new (NULL, 0, method, 3, inner, G_N_ELEMENTS (inner), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (b->n_classes, ==, 0);
      g_assert_cmpuint (b->n_missing, ==, 0);
    }
}

static void
test_missing_mixed_in (void)
{
  /* Made-up values; infinities (a share of nothing) count as missing too. */
  const double values[] = { 1, NAN, 2, 3, NAN, 4, 5, INFINITY, 6 };
  const double breaks[] = { 1, 3, 5, 6 };
  const guint counts[] = { 2, 2, 2 };
  g_autoptr(TanluClassification) classification = NULL;

  classification = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                             TANLU_CLASSIFY_QUANTILE, 3, NULL, 0, NULL);
  assert_breaks (classification, breaks, 3);
  assert_counts (classification, counts, 3);
  g_assert_cmpuint (classification->n_missing, ==, 3);
  g_assert_cmpint (tanlu_classification_find (classification, NAN), ==, -1);
  g_assert_cmpint (tanlu_classification_find (classification, INFINITY), ==, -1);
}

/* ------------------------------------------------------------------------ */
/* A fixed scale across years */

static void
test_find (void)
{
  /* Made-up values from 10 to 50. */
  const double values[] = { 10, 50, 25, 35 };
  const double breaks[] = { 10, 20, 30, 40, 50 };
  static const struct
  {
    double value;
    int    class;
  } cases[] = {
    { -100, 0 },
    { 9.99, 0 },
    { 10, 0 },
    { 19.999, 0 },
    { 20, 1 },
    { 30, 2 },
    { 39.9, 2 },
    { 40, 3 },
    { 50, 3 },
    { 1e9, 3 },
    { NAN, -1 },
  };
  g_autoptr(TanluClassification) classification = NULL;

  classification = tanlu_classification_new (values, G_N_ELEMENTS (values),
                                             TANLU_CLASSIFY_EQUAL_INTERVAL, 4, NULL, 0, NULL);
  assert_breaks (classification, breaks, 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tanlu_classification_find (classification, cases[i].value), ==,
                     cases[i].class);
}

static void
test_recount (void)
{
  /* Made-up values for two years; the second grew past the scale. */
  const double year_1[] = { 1, 2, 3, 10, 11, 12, 20, 21, 22, NAN };
  const double year_2[] = { -5, 2, 12, 15, 30, 40, NAN, NAN };
  const guint counts_1[] = { 3, 3, 3 };
  const guint counts_2[] = { 2, 2, 2 };
  g_autoptr(TanluClassification) classification = NULL;
  g_autoptr(TanluClassification) copy = NULL;

  classification = tanlu_classification_new (year_1, G_N_ELEMENTS (year_1),
                                             TANLU_CLASSIFY_JENKS, 3, NULL, 0, NULL);
  assert_counts (classification, counts_1, 3);
  g_assert_cmpuint (classification->n_missing, ==, 1);

  copy = tanlu_classification_copy (classification);
  g_assert_true (copy->breaks != classification->breaks);
  g_assert_true (copy->counts != classification->counts);

  tanlu_classification_recount (classification, year_2, G_N_ELEMENTS (year_2));
  g_assert_cmpint (classification->method, ==, TANLU_CLASSIFY_JENKS);
  assert_breaks (classification, copy->breaks, 3);
  assert_counts (classification, counts_2, 3);
  g_assert_cmpuint (classification->n_missing, ==, 2);

  /* The copy is a copy: recounting the original left it alone. */
  assert_counts (copy, counts_1, 3);
  g_assert_cmpuint (copy->n_missing, ==, 1);

  tanlu_classification_recount (classification, NULL, 0);
  g_assert_cmpuint (classification->n_classes, ==, 3);
  g_assert_cmpuint (classification->n_values, ==, 0);
  g_assert_cmpuint (classification->n_missing, ==, 0);
}

static void
test_method_strings (void)
{
  static const struct
  {
    TanluClassifyMethod  method;
    const char          *name;
  } names[] = {
    { TANLU_CLASSIFY_QUANTILE, "quantile" },
    { TANLU_CLASSIFY_EQUAL_INTERVAL, "equal" },
    { TANLU_CLASSIFY_JENKS, "jenks" },
    { TANLU_CLASSIFY_CUSTOM, "custom" },
  };
  TanluClassifyMethod method;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (tanlu_classify_method_to_string (names[i].method), ==, names[i].name);
      g_assert_true (tanlu_classify_method_from_string (names[i].name, &method));
      g_assert_cmpint (method, ==, names[i].method);
    }

  method = TANLU_CLASSIFY_JENKS;
  g_assert_false (tanlu_classify_method_from_string ("Quantile", &method));
  g_assert_false (tanlu_classify_method_from_string ("", &method));
  g_assert_false (tanlu_classify_method_from_string (NULL, &method));
  g_assert_cmpint (method, ==, TANLU_CLASSIFY_JENKS);
}

/* ------------------------------------------------------------------------ */
/* Palettes */

static void
test_palette_sequential (void)
{
  TanluChartColor color;

  for (guint n = TANLU_CLASSIFY_MIN_CLASSES; n <= TANLU_CLASSIFY_MAX_CLASSES; n++)
    {
      for (int dark = FALSE; dark <= TRUE; dark++)
        {
          double previous = INFINITY;

          for (guint i = 0; i < n; i++)
            {
              double luminance;

              tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, n, i, dark, &color);
              g_assert_cmpfloat (color.alpha, ==, 1.0);

              /* Strictly darker class by class, so every colour differs too. */
              luminance = relative_luminance (&color);
              g_assert_cmpfloat (luminance, <, previous);
              previous = luminance;
            }
        }
    }

  /* ColorBrewer's YlOrRd, exactly, on light pages. */
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 3, 0, FALSE, &color);
  assert_color_hex (&color, 0xffeda0);
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 9, 0, FALSE, &color);
  assert_color_hex (&color, 0xffffcc);
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 9, 8, FALSE, &color);
  assert_color_hex (&color, 0x800026);
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 5, 2, TRUE, &color);
  assert_color_hex (&color, 0xfd8d3c);

  /* Dark pages dim only the lightest class. */
  {
    TanluChartColor light;

    tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 9, 0, TRUE, &color);
    tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 9, 0, FALSE, &light);
    g_assert_cmpfloat (relative_luminance (&color), <, relative_luminance (&light));
  }
}

static void
test_palette_diverging (void)
{
  TanluChartColor color;

  for (guint n = TANLU_CLASSIFY_MIN_CLASSES; n <= TANLU_CLASSIFY_MAX_CLASSES; n++)
    {
      for (int dark = FALSE; dark <= TRUE; dark++)
        {
          TanluChartColor colors[TANLU_CLASSIFY_MAX_CLASSES];

          for (guint i = 0; i < n; i++)
            {
              tanlu_map_palette_get_color (TANLU_MAP_PALETTE_DIVERGING, n, i, dark, &colors[i]);
              g_assert_cmpfloat (colors[i].alpha, ==, 1.0);

              for (guint j = 0; j < i; j++)
                g_assert_cmpfloat (color_distance (&colors[i], &colors[j]), >, 0.05);
            }

          /* Lightest in the middle, darker towards both ends: purple
           * for low values, orange for high ones. */
          for (guint i = 1; i < (n + 1) / 2; i++)
            g_assert_cmpfloat (relative_luminance (&colors[i - 1]), <,
                               relative_luminance (&colors[i]));
          for (guint i = n / 2 + 1; i < n; i++)
            g_assert_cmpfloat (relative_luminance (&colors[i - 1]), >,
                               relative_luminance (&colors[i]));

          g_assert_cmpfloat (colors[0].blue, >, colors[0].red);
          g_assert_cmpfloat (colors[n - 1].red, >, colors[n - 1].blue);

          /* An odd count has a neutral middle class; an even one has none. */
          if (n % 2 == 1)
            assert_color_hex (&colors[n / 2], 0xf7f7f7);
        }
    }

  /* ColorBrewer's PuOr, read from purple to orange. */
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_DIVERGING, 9, 0, FALSE, &color);
  assert_color_hex (&color, 0x542788);
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_DIVERGING, 9, 8, FALSE, &color);
  assert_color_hex (&color, 0xb35806);
}

static void
test_palette_few_classes (void)
{
  TanluChartColor low;
  TanluChartColor high;
  TanluChartColor only;

  /* One or two distinct values make one or two classes. */
  for (TanluMapPalette palette = TANLU_MAP_PALETTE_SEQUENTIAL;
       palette <= TANLU_MAP_PALETTE_DIVERGING;
       palette++)
    {
      tanlu_map_palette_get_color (palette, 2, 0, FALSE, &low);
      tanlu_map_palette_get_color (palette, 2, 1, FALSE, &high);
      tanlu_map_palette_get_color (palette, 1, 0, FALSE, &only);
      g_assert_cmpfloat (color_distance (&low, &high), >, 0.2);
      g_assert_cmpfloat (only.alpha, ==, 1.0);
    }

  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 2, 0, FALSE, &low);
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 2, 1, FALSE, &high);
  g_assert_cmpfloat (relative_luminance (&low), >, relative_luminance (&high));
}

static void
test_palette_no_data (void)
{
  for (int dark = FALSE; dark <= TRUE; dark++)
    {
      TanluChartColor fill;
      TanluChartColor hatch;

      tanlu_map_palette_get_no_data_color (dark, &fill, &hatch);

      /* Neutral grey, with lines that show on it. */
      g_assert_cmpfloat (fill.red, ==, fill.green);
      g_assert_cmpfloat (fill.green, ==, fill.blue);
      g_assert_cmpfloat (fill.alpha, ==, 1.0);
      g_assert_cmpfloat (color_distance (&fill, &hatch), >, 0.15);

      for (TanluMapPalette palette = TANLU_MAP_PALETTE_SEQUENTIAL;
           palette <= TANLU_MAP_PALETTE_DIVERGING;
           palette++)
        {
          for (guint n = 1; n <= TANLU_CLASSIFY_MAX_CLASSES; n++)
            {
              for (guint i = 0; i < n; i++)
                {
                  TanluChartColor color;

                  tanlu_map_palette_get_color (palette, n, i, dark, &color);
                  g_assert_cmpfloat (color_distance (&fill, &color), >, 0.1);
                }
            }
        }
    }
}

static void
test_palette_strings (void)
{
  TanluMapPalette palette;

  g_assert_cmpstr (tanlu_map_palette_to_string (TANLU_MAP_PALETTE_SEQUENTIAL), ==, "sequential");
  g_assert_cmpstr (tanlu_map_palette_to_string (TANLU_MAP_PALETTE_DIVERGING), ==, "diverging");

  g_assert_true (tanlu_map_palette_from_string ("diverging", &palette));
  g_assert_cmpint (palette, ==, TANLU_MAP_PALETTE_DIVERGING);
  g_assert_true (tanlu_map_palette_from_string ("sequential", &palette));
  g_assert_cmpint (palette, ==, TANLU_MAP_PALETTE_SEQUENTIAL);

  g_assert_false (tanlu_map_palette_from_string ("YlOrRd", &palette));
  g_assert_false (tanlu_map_palette_from_string (NULL, &palette));
  g_assert_cmpint (palette, ==, TANLU_MAP_PALETTE_SEQUENTIAL);
}

static void
test_palette_preconditions (void)
{
  TanluChartColor color = { 0, 0, 0, 0 };

  g_test_expect_message ("tanlu-map-palette", G_LOG_LEVEL_CRITICAL, "*index < n_classes*");
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 5, 5, FALSE, &color);
  g_test_assert_expected_messages ();

  g_test_expect_message ("tanlu-map-palette", G_LOG_LEVEL_CRITICAL, "*n_classes*");
  tanlu_map_palette_get_color (TANLU_MAP_PALETTE_SEQUENTIAL, 10, 0, FALSE, &color);
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (color.alpha, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/map/classify/jenks-published", test_jenks_published);
  g_test_add_func ("/tanlu/map/classify/jenks-brute-force", test_jenks_brute_force);
  g_test_add_func ("/tanlu/map/classify/jenks-large-values", test_jenks_large_values);
  g_test_add_func ("/tanlu/map/classify/quantile", test_quantile);
  g_test_add_func ("/tanlu/map/classify/equal-interval", test_equal_interval);
  g_test_add_func ("/tanlu/map/classify/custom-valid", test_custom_valid);
  g_test_add_func ("/tanlu/map/classify/custom-invalid", test_custom_invalid);
  g_test_add_func ("/tanlu/map/classify/class-count", test_class_count);
  g_test_add_func ("/tanlu/map/classify/one-distinct-value", test_one_distinct_value);
  g_test_add_func ("/tanlu/map/classify/all-missing", test_all_missing);
  g_test_add_func ("/tanlu/map/classify/missing-mixed-in", test_missing_mixed_in);
  g_test_add_func ("/tanlu/map/classify/find", test_find);
  g_test_add_func ("/tanlu/map/classify/recount", test_recount);
  g_test_add_func ("/tanlu/map/classify/method-strings", test_method_strings);
  g_test_add_func ("/tanlu/map/palette/sequential", test_palette_sequential);
  g_test_add_func ("/tanlu/map/palette/diverging", test_palette_diverging);
  g_test_add_func ("/tanlu/map/palette/few-classes", test_palette_few_classes);
  g_test_add_func ("/tanlu/map/palette/no-data", test_palette_no_data);
  g_test_add_func ("/tanlu/map/palette/strings", test_palette_strings);
  g_test_add_func ("/tanlu/map/palette/preconditions", test_palette_preconditions);

  return g_test_run ();
}
