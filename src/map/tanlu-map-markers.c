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
  g_free (marker->variant);
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

/* Where a site's place is drawn: the place itself when the map holds its
 * boundary, or else the nearest larger unit it does, its prefecture and
 * then its province (Chongqing's districts are drawn as Chongqing). */
static TanluRegion *
held_place (TanluStore *store,
            guint       code)
{
  guint candidates[] = { code, code / 100 * 100, code / 10000 * 10000 };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      TanluRegion *region = tanlu_store_lookup_region (store, candidates[i]);

      if (region != NULL && tanlu_store_has_boundary (store, candidates[i]))
        return region;
    }

  return NULL;
}

static gboolean
place_centroid (TanluStore  *store,
                GHashTable  *centroids,
                guint        code,
                double     **where,
                GError     **error)
{
  g_autoptr(TanluGeometry) geometry = NULL;
  g_autoptr(GError) local_error = NULL;
  double *point;

  if ((*where = g_hash_table_lookup (centroids, GUINT_TO_POINTER (code))) != NULL)
    return TRUE;

  /* No boundary after all: nowhere to stand, which is no error. */
  if (!(geometry = tanlu_boundary_load (store, code, NULL, &local_error)))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  point = g_new (double, 2);
  tanlu_geometry_get_centroid (geometry, &point[0], &point[1]);
  g_hash_table_insert (centroids, GUINT_TO_POINTER (code), point);
  *where = point;

  return TRUE;
}

static char *
site_tooltip (const TanluJointSite *site,
              const char           *task_title,
              TanluRegion          *place,
              guint                 named_code,
              gboolean              chinese)
{
  const char *place_name =
    chinese ? tanlu_region_get_name_zh (place) : tanlu_region_get_name_en (place);
  const char *status = tanlu_tracker_status_name (site->status, chinese);
  gboolean fallback = tanlu_region_get_code (place) != named_code;
  GString *text = g_string_new (site->name);

  if (!chinese && site->kind != NULL)
    g_string_append_printf (text, " (%s)", site->kind);

  if (chinese)
    g_string_append_printf (text, "\n任务 %u：%s（%s）", site->task, task_title, status);
  else
    g_string_append_printf (text, "\nTask %u: %s — %s", site->task, task_title, status);

  g_string_append_printf (text, "\n「%s」", site->quote);

  if (fallback)
    g_string_append_printf (text,
                            chinese ? "\n标在%s：地图没有 %u 这一级的边界，标在其所属的最近一级单位"
                                    : "\nPlaced at %s: the map has no boundary of %u, so it "
                                      "stands at the nearest larger unit",
                            place_name, named_code);
  else
    g_string_append_printf (text, chinese ? "\n标在%s" : "\nPlaced at %s", place_name);

  if (site->location_basis != NULL)
    g_string_append_printf (text, chinese ? "（依据：%s）" : " (why: %s)",
                            site->location_basis);

  return g_string_free (text, FALSE);
}

/**
 * tanlu_map_list_sites:
 * @chinese: the language of the tooltips
 *
 * The sites and projects the Chengdu–Chongqing joint plan's tasks name,
 * one marker at each place a site is put at (a corridor from 开州 to 达州
 * has one at each end), of kind "site" and its task's status as variant.
 * A place below what the map holds, such as a district of Chongqing,
 * stands at the nearest larger unit, and the tooltip says so; two places
 * of one site that fall on the same unit make one marker.
 *
 * Returns: (transfer container) (element-type TanluMapMarker): the
 *   markers, in the plan's order
 */
GPtrArray *
tanlu_map_list_sites (TanluStore  *store,
                      gboolean     chinese,
                      GError     **error)
{
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) centroids = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) markers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_map_marker_free);

  if (!(sites = tanlu_store_list_joint_sites (store, 0, error)) ||
      !(tasks = tanlu_store_list_joint_tasks (store, error)))
    return NULL;

  for (guint i = 0; i < tasks->len; i++)
    {
      TanluJointTask *task = g_ptr_array_index (tasks, i);

      g_hash_table_insert (titles, GUINT_TO_POINTER (task->number), task->title);
    }

  for (guint i = 0; i < sites->len; i++)
    {
      TanluJointSite *site = g_ptr_array_index (sites, i);
      g_auto(GStrv) codes =
        g_strsplit (site->region_codes != NULL ? site->region_codes : "", ",", -1);
      g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
      const char *title = g_hash_table_lookup (titles, GUINT_TO_POINTER (site->task));

      for (guint c = 0; codes[c] != NULL; c++)
        {
          guint code = (guint) g_ascii_strtoull (g_strstrip (codes[c]), NULL, 10);
          TanluRegion *place = code != 0 ? held_place (store, code) : NULL;
          g_autofree char *tooltip = NULL;
          TanluMapMarker *marker;
          double *where;

          if (place == NULL ||
              g_hash_table_contains (placed, GUINT_TO_POINTER (tanlu_region_get_code (place))))
            continue;
          if (!place_centroid (store, centroids, tanlu_region_get_code (place), &where, error))
            return NULL;
          if (where == NULL)
            continue;
          g_hash_table_add (placed, GUINT_TO_POINTER (tanlu_region_get_code (place)));

          tooltip = site_tooltip (site, title != NULL ? title : "", place, code, chinese);
          marker = tanlu_map_marker_new (where[1], where[0], "site", site->name, tooltip,
                                         tanlu_region_get_code (place));
          marker->variant = g_strdup (site->status);
          g_ptr_array_add (markers, marker);
        }
    }

  return g_steal_pointer (&markers);
}
