/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include <locale.h>

#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-bench-stats.h"

/* Times recomputing the three presets (Trend, Targets, Accelerated) to
 * 2060 for the 31 provinces with data, the nation and both groups, from
 * inputs already read from the database, as the Pathways page and the map
 * do after the first time.
 *
 *   tanlu-bench-pathways DATABASE [ROUNDS]
 *
 * Prints, in milliseconds: the first round (reading the inputs from the
 * database too), then the median and the 95th percentile of ROUNDS
 * further rounds (500 by default), and the number of pathways a round
 * computes. */

#define DEFAULT_ROUNDS 500

static guint
run_all (TanluPathwayLibrary *library,
         GPtrArray           *regions)
{
  guint n = 0;

  for (guint i = 0; i < regions->len; i++)
    for (guint preset = 0; preset < TANLU_N_PRESETS; preset++)
      {
        g_autoptr(TanluPathway) pathway =
          tanlu_pathway_library_run_preset (library, g_ptr_array_index (regions, i), preset, NULL);

        n += pathway != NULL;
      }

  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluPathwayLibrary) library = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_ROUNDS;
  gint64 start;
  double first;
  guint n = 0;

  setlocale (LC_ALL, "C");

  if (argc < 2)
    {
      g_printerr ("Usage: tanlu-bench-pathways DATABASE [ROUNDS]\n");
      return 2;
    }

  if (!(store = tanlu_store_open_for_reading (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  library = tanlu_pathway_library_new (store);

  /* The provinces with emissions, the nation and the groups */
  provinces = tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);
  for (guint i = 0; i < provinces->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (provinces, i);
      g_autoptr(GArray) series =
        tanlu_store_get_series (store, tanlu_region_get_code (region), "co2.total", NULL);

      if (series != NULL && series->len > 0)
        g_ptr_array_add (regions, g_strdup (tanlu_region_get_key (region)));
    }
  g_ptr_array_add (regions, g_strdup ("100000"));
  g_ptr_array_add (regions, g_strdup ("sichuan-chongqing"));
  g_ptr_array_add (regions, g_strdup ("chengdu-chongqing"));

  start = g_get_monotonic_time ();
  n = run_all (library, regions);
  first = (g_get_monotonic_time () - start) / 1000.0;

  for (guint round = 0; round < rounds; round++)
    {
      double milliseconds;

      start = g_get_monotonic_time ();
      run_all (library, regions);
      milliseconds = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, milliseconds);
    }

  g_print ("%.3f %.3f %.3f %u\n", first, tanlu_bench_median (times),
           tanlu_bench_percentile (times, 0.95), n);
  return 0;
}
