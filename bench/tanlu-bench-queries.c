/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include "tanlu-bench-stats.h"

#include <locale.h>

#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

/* Times the store's three most frequent questions on a database, as the
 * median over several rounds of many calls each:
 *
 *   tanlu-bench-queries DATABASE [ROUNDS]
 */

#define CALLS_PER_ROUND 2000

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GArray) series_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) level_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) children_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint rounds = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 7;
  guint checksum = 0;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("Usage: tanlu-bench-queries DATABASE [ROUNDS]\n");
      return 2;
    }

  if (!(store = tanlu_store_new (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  provinces = tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);

  for (guint round = 0; round < rounds; round++)
    {
      gint64 start;
      double microseconds;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < CALLS_PER_ROUND; i++)
        {
          TanluRegion *region = g_ptr_array_index (provinces, i % provinces->len);
          g_autoptr(GArray) series =
            tanlu_store_get_series (store, tanlu_region_get_code (region), "co2.total", NULL);

          checksum += series->len;
        }
      microseconds = (double)(g_get_monotonic_time () - start) / CALLS_PER_ROUND;
      g_array_append_val (series_times, microseconds);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < CALLS_PER_ROUND; i++)
        {
          g_autoptr(GArray) values = tanlu_store_get_level_values (
            store, TANLU_REGION_LEVEL_CITY, "co2.total", 1997 + i % 23, NULL);

          checksum += values->len;
        }
      microseconds = (double)(g_get_monotonic_time () - start) / CALLS_PER_ROUND;
      g_array_append_val (level_times, microseconds);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < CALLS_PER_ROUND; i++)
        {
          TanluRegion *region = g_ptr_array_index (provinces, i % provinces->len);
          g_autoptr(GPtrArray) children =
            tanlu_store_list_children (store, tanlu_region_get_code (region), NULL);

          checksum += children->len;
        }
      microseconds = (double)(g_get_monotonic_time () - start) / CALLS_PER_ROUND;
      g_array_append_val (children_times, microseconds);
    }

  g_print ("series of co2.total for one province (23 years)        %8.1f µs\n",
           tanlu_bench_median (series_times));
  g_print ("co2.total of every city in one year (up to 289 values) %8.1f µs\n",
           tanlu_bench_median (level_times));
  g_print ("children of one province                               %8.1f µs\n",
           tanlu_bench_median (children_times));
  g_print ("(%u values read)\n", checksum);

  return 0;
}
