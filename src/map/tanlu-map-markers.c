/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-map-markers.h"
#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-geometry.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

TanluMapMarker *
tanlu_map_marker_new (double      latitude,
                      double      longitude,
                      const char *kind,
                      const char *label,
                      const char *tooltip,
                      guint       region_code)
{
  TanluMapMarker *marker = g_new0 (TanluMapMarker, 1);

  marker->latitude = latitude;
  marker->longitude = longitude;
  marker->kind = g_strdup (kind);
  marker->label = g_strdup (label);
  marker->tooltip = g_strdup (tooltip);
  marker->region_code = region_code;

  return marker;
}

void
tanlu_map_marker_free (TanluMapMarker *marker)
{
  if (marker == NULL)
    return;

  g_free (marker->kind);
  g_free (marker->label);
  g_free (marker->tooltip);
  g_free (marker);
}

/**
 * tanlu_map_list_capitals:
 * @chinese: the language of the labels
 *
 * The capital of each provincial unit, placed at the centroid of the
 * capital city's boundary, so no coordinate is typed in by hand. In
 * GB/T 2260 a province's capital is the prefecture coded xx0100; a
 * municipality, or a region without cities, is its own capital.
 *
 * Returns: (transfer container) (element-type TanluMapMarker): the markers
 */
GPtrArray *
tanlu_map_list_capitals (TanluStore  *store,
                         gboolean     chinese,
                         GError     **error)
{
  g_autoptr(GPtrArray) provinces =
    tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);
  g_autoptr(GPtrArray) markers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_map_marker_free);

  for (guint i = 0; i < provinces->len; i++)
    {
      TanluRegion *province = g_ptr_array_index (provinces, i);
      guint code = tanlu_region_get_code (province);
      TanluRegion *capital = tanlu_store_lookup_region (store, code + 100);
      g_autoptr(TanluGeometry) geometry = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *tooltip = NULL;
      double longitude, latitude;
      const char *capital_name;
      const char *province_name;

      if (capital == NULL || tanlu_region_get_level (capital) != TANLU_REGION_LEVEL_CITY ||
          tanlu_region_get_parent_code (capital) != code)
        capital = province;

      if (!(geometry =
              tanlu_boundary_load (store, tanlu_region_get_code (capital), NULL, &local_error)))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }

      tanlu_geometry_get_centroid (geometry, &longitude, &latitude);
      capital_name =
        chinese ? tanlu_region_get_name_zh (capital) : tanlu_region_get_name_en (capital);
      province_name =
        chinese ? tanlu_region_get_name_zh (province) : tanlu_region_get_name_en (province);
      tooltip = capital == province ? g_strdup (capital_name)
                                    : g_strdup_printf (chinese ? "%s，%s政府驻地" : "%s, capital of %s",
                                                       capital_name, province_name);

      g_ptr_array_add (markers, tanlu_map_marker_new (latitude, longitude, "capital", capital_name,
                                                      tooltip, tanlu_region_get_code (capital)));
    }

  return g_steal_pointer (&markers);
}
