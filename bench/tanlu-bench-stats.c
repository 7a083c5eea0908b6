/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "tanlu-bench-stats.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

double
tanlu_bench_median (GArray *values)
{
  guint n = values->len;

  g_return_val_if_fail (n > 0, NAN);

  g_array_sort (values, compare_doubles);

  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The value below which @fraction of @values lie, nearest rank. */
double
tanlu_bench_percentile (GArray *values,
                        double  fraction)
{
  guint rank;

  g_return_val_if_fail (values->len > 0, NAN);

  g_array_sort (values, compare_doubles);
  rank = (guint) MAX (1, ceil (fraction * values->len));

  return g_array_index (values, double, rank - 1);
}

double
tanlu_bench_maximum (GArray *values)
{
  g_return_val_if_fail (values->len > 0, NAN);

  return tanlu_bench_percentile (values, 1.0);
}
