/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>

/* Writes the regions of the benchmark's two maps as GeoJSON, for drawing
 * the same maps with other programs:
 *
 *   tanlu-bench-export-geojson DATABASE DIRECTORY
 *
 * DIRECTORY/province.geojson holds the provinces and DIRECTORY/city.geojson
 * every prefecture-level city, each with the boundary `tanlu render map`
 * draws (longitude and latitude, as read from the database), its code,
 * English name and 2019 CO₂ emissions (null where there is no figure),
 * and the regions' extent as the collection's "bbox". Beside each,
 * province.json and city.json hold what the picture says around the map
 * (title, subtitle, unit, the lines under the map) and the five quantile
 * classes Tanlu builds, so that another program's classes can be checked
 * against them.
 */

#define INDICATOR "co2.total"
#define YEAR      2019
#define N_CLASSES 5

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
add_geometry (JsonBuilder   *builder,
              TanluGeometry *geometry)
{
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  guint n_rings = tanlu_geometry_get_n_rings (geometry);
  guint polygon = G_MAXUINT;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "MultiPolygon");
  json_builder_set_member_name (builder, "coordinates");
  json_builder_begin_array (builder);

  for (guint r = 0; r < n_rings; r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);

      if (ring->polygon != polygon)
        {
          if (polygon != G_MAXUINT)
            json_builder_end_array (builder);
          json_builder_begin_array (builder);
          polygon = ring->polygon;
        }

      json_builder_begin_array (builder);
      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *lonlat = &points[2 * (ring->first_point + i)];

          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, lonlat[0]);
          json_builder_add_double_value (builder, lonlat[1]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }

  if (polygon != G_MAXUINT)
    json_builder_end_array (builder);

  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* What `tanlu render map --language en` writes around the map. */
static void
add_picture_texts (JsonBuilder  *builder,
                   TanluMapData *data)
{
  TanluStore *store = tanlu_map_data_get_store (data);
  TanluIndicator *indicator = tanlu_store_lookup_indicator (store, INDICATOR);
  TanluSource *natural_earth = tanlu_store_lookup_source (store, "natural-earth");
  g_autofree char *title = tanlu_map_get_title (data, TANLU_CHART_LANGUAGE_ENGLISH);
  g_autofree char *source = tanlu_map_data_get_source_text (data, FALSE);
  g_autofree char *boundaries = tanlu_map_data_get_boundary_text (data, FALSE);
  g_autofree char *data_line = NULL;
  g_autofree char *boundary_line = NULL;

  data_line = g_strdup_printf ("Data for %u. Source: %s", YEAR, source);
  boundary_line = g_strdup_printf ("%s. Basemap: %s", boundaries,
                                   natural_earth != NULL ? tanlu_source_get_title_en (natural_earth)
                                                         : "Natural Earth");

  add_string_member (builder, "title", title);
  add_string_member (builder, "subtitle",
                     tanlu_map_data_get_level (data) == TANLU_REGION_LEVEL_PROVINCE
                     ? "Provinces of China" : "Prefecture-level cities of China");
  add_string_member (builder, "unit", tanlu_indicator_get_unit (indicator));

  json_builder_set_member_name (builder, "footer");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, data_line);
  json_builder_add_string_value (builder, boundary_line);
  json_builder_add_string_value (
    builder, "No map approval number (审图号): the boundaries are not approved for publication");
  json_builder_end_array (builder);
}

static void
add_bounds (JsonBuilder  *builder,
            TanluMapData *data)
{
  double min_x, min_y, max_x, max_y;
  double bounds[4];

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  /* World y grows southwards. */
  tanlu_mercator_unproject (min_x, max_y, &bounds[0], &bounds[1]);
  tanlu_mercator_unproject (max_x, min_y, &bounds[2], &bounds[3]);

  json_builder_set_member_name (builder, "bbox");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    json_builder_add_double_value (builder, bounds[i]);
  json_builder_end_array (builder);

  /* What exports are fitted to: the regions' bounds in Albers world
   * units, y southwards. */
  tanlu_map_data_get_projected_bounds (data, TANLU_PROJECTION_ALBERS, &bounds[0], &bounds[1],
                                       &bounds[2], &bounds[3]);
  json_builder_set_member_name (builder, "albers_bounds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
    json_builder_add_double_value (builder, bounds[i]);
  json_builder_end_array (builder);
}

static gboolean
write_json (JsonBuilder  *builder,
            const char   *path,
            GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);

  return json_generator_to_file (generator, path, error);
}

static gboolean
write_regions (TanluMapData  *data,
               const char    *path,
               GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "type", "FeatureCollection");
  add_bounds (builder, data);

  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "type", "Feature");
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, tanlu_region_get_code (region->region));
      add_string_member (builder, "name", tanlu_region_get_name_en (region->region));
      json_builder_set_member_name (builder, "value");
      if (isnan (region->value))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, region->value);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "geometry");
      add_geometry (builder, region->geometry);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return write_json (builder, path, error);
}

static gboolean
write_picture (TanluMapData  *data,
               const char    *path,
               GError       **error)
{
  const TanluClassification *classification = tanlu_map_data_get_classification (data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_picture_texts (builder, data);
  add_bounds (builder, data);

  add_string_member (builder, "method", "quantile");
  json_builder_set_member_name (builder, "breaks");
  json_builder_begin_array (builder);
  for (guint c = 0; c <= classification->n_classes; c++)
    json_builder_add_double_value (builder, classification->breaks[c]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint c = 0; c < classification->n_classes; c++)
    json_builder_add_int_value (builder, classification->counts[c]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, classification->n_missing);
  json_builder_end_object (builder);

  return write_json (builder, path, error);
}

static gboolean
export_map (TanluStore        *store,
            TanluRegionLevel   level,
            const char        *directory,
            const char        *name,
            GError           **error)
{
  g_autoptr(TanluMapData) data = NULL;
  g_autofree char *regions_name = g_strconcat (name, ".geojson", NULL);
  g_autofree char *picture_name = g_strconcat (name, ".json", NULL);
  g_autofree char *regions_path = g_build_filename (directory, regions_name, NULL);
  g_autofree char *picture_path = g_build_filename (directory, picture_name, NULL);

  return (data = tanlu_map_data_new (store, level, 0, error)) != NULL &&
         tanlu_map_data_set_indicator (data, INDICATOR, YEAR, error) &&
         tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, N_CLASSES, NULL, 0, error) &&
         write_regions (data, regions_path, error) &&
         write_picture (data, picture_path, error);
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("Usage: tanlu-bench-export-geojson DATABASE DIRECTORY\n");
      return 2;
    }

  if (g_mkdir_with_parents (argv[2], 0755) != 0)
    {
      g_printerr ("tanlu-bench-export-geojson: cannot make %s: %s\n", argv[2], g_strerror (errno));
      return 1;
    }

  if (!(store = tanlu_store_new (argv[1], &error)) ||
      !export_map (store, TANLU_REGION_LEVEL_PROVINCE, argv[2], "province", &error) ||
      !export_map (store, TANLU_REGION_LEVEL_CITY, argv[2], "city", &error))
    {
      g_printerr ("tanlu-bench-export-geojson: %s\n", error->message);
      return 1;
    }

  return 0;
}
