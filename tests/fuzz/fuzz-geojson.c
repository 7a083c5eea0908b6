/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-geojson"

#include "config.h"

#include "tanlu-fuzz.h"
#include "geo/tanlu-geometry.h"
#include "import/tanlu-geojson.h"
#include "store/tanlu-store-types.h"

#include <string.h>

/* Reads the input as a GeoJSON FeatureCollection of region boundaries:
 *
 *  - one feature at a time from memory, with the streaming reader
 *    (tanlu_geojson_reader_new_for_bytes()), checking where it says each
 *    feature is, and that a document it reads to the end is one json-glib
 *    reads whole, with as many features;
 *  - as boundaries, with tanlu_geojson_read_boundaries(), as the bundled
 *    dataset's builder does. It reads files only, so the input goes to a
 *    temporary file (tanlu_fuzz_write_file()). Each feature's code and
 *    geometry are checked, and that the geometry's stored encoding decodes
 *    to the same rings.
 */

/* How deep brackets nest, strings aside; json-glib's parser recurses
 * once a level and would overflow the stack long before the input ends. */
static guint
nesting_depth (const uint8_t *data,
               size_t         size)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint max_depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (in_string && data[i] == '\\')
        i++;
      else if (data[i] == '"')
        in_string = !in_string;
      else if (!in_string && (data[i] == '{' || data[i] == '['))
        {
          depth++;
          max_depth = MAX (max_depth, depth);
        }
      else if (!in_string && (data[i] == '}' || data[i] == ']') && depth > 0)
        depth--;
    }

  return max_depth;
}

/* The features json-glib finds in the whole document, or -1 when it is
 * not a FeatureCollection to json-glib. */
static int
count_features_whole (const uint8_t *data,
                      size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonNode *type;
  JsonNode *features;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (nesting_depth (data, size) > 256 ||
      !json_parser_load_from_data (parser, (const char *) data, size, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return -1;

  root = json_node_get_object (json_parser_get_root (parser));
  type = json_object_get_member (root, "type");
  features = json_object_get_member (root, "features");
  if (type == NULL || !JSON_NODE_HOLDS_VALUE (type) ||
      json_node_get_value_type (type) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (type), "FeatureCollection") != 0 ||
      features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    return -1;

  return json_array_get_length (json_node_get_array (features));
}

static guint
read_features (const uint8_t *data,
               size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TanluGeojsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  double previous_fraction = 0;
  JsonNode *type;
  JsonNode *feature;

  reader = tanlu_geojson_reader_new_for_bytes (bytes, "fuzz.geojson", &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_GEOJSON_ERROR);
      return G_MAXUINT;
    }

  g_assert_cmpstr (tanlu_geojson_reader_get_display_name (reader), ==, "fuzz.geojson");
  g_assert_null (tanlu_geojson_reader_get_member (reader, "features"));
  type = tanlu_geojson_reader_get_member (reader, "type");
  g_assert_nonnull (type);
  g_assert_cmpstr (json_node_get_string (type), ==, "FeatureCollection");

  while ((feature = tanlu_geojson_reader_next (reader, &error)) != NULL)
    {
      double fraction = tanlu_geojson_reader_get_fraction (reader);
      const char *text;
      gsize length;

      /* The feature as the file has it: within the input, one JSON value. */
      text = tanlu_geojson_reader_get_text (reader, &length);
      g_assert_true ((const uint8_t *) text >= data);
      g_assert_cmpuint (length, >=, 1);
      g_assert_cmpuint (length, <=, size - ((const uint8_t *) text - data));

      g_assert_cmpfloat (fraction, >, previous_fraction);
      g_assert_cmpfloat (fraction, <=, 1.0);
      previous_fraction = fraction;
    }

  if (error != NULL)
    {
      g_assert_true (error->domain == TANLU_GEOJSON_ERROR);
      return G_MAXUINT;
    }

  /* The end stays the end. */
  g_assert_null (tanlu_geojson_reader_next (reader, &error));
  g_assert_no_error (error);

  /* Read to the end without an error: the document is JSON, and these
   * are all its features. */
  g_assert_cmpint (count_features_whole (data, size), ==, tanlu_geojson_reader_get_index (reader));

  return tanlu_geojson_reader_get_index (reader);
}

static void
check_geometry (TanluGeometry *geometry)
{
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(TanluGeometry) decoded = NULL;
  g_autoptr(GError) error = NULL;
  const double *points;
  const double *points_again;
  guint n_points;
  guint n_points_again;
  guint n_rings = tanlu_geometry_get_n_rings (geometry);
  guint n_polygons = tanlu_geometry_get_n_polygons (geometry);
  double min_lon, min_lat, max_lon, max_lat;
  double lon, lat;

  g_assert_cmpuint (n_polygons, >=, 1);
  g_assert_cmpuint (n_rings, >=, n_polygons);

  points = tanlu_geometry_get_points (geometry, &n_points);
  for (guint i = 0; i < n_rings; i++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, i);

      g_assert_cmpuint (ring->polygon, <, n_polygons);
      g_assert_cmpuint (ring->first_point, <=, n_points);
      g_assert_cmpuint (ring->n_points, <=, n_points - ring->first_point);
    }

  /* Validated: finite and within ±180°, ±90°. */
  tanlu_geometry_get_bounds (geometry, &min_lon, &min_lat, &max_lon, &max_lat);
  g_assert_true (min_lon <= max_lon && min_lat <= max_lat);
  g_assert_true (min_lon >= -180 && max_lon <= 180 && min_lat >= -90 && max_lat <= 90);

  tanlu_geometry_get_centroid (geometry, &lon, &lat);
  tanlu_geometry_contains (geometry, lon, lat);
  tanlu_geometry_contains (geometry, (min_lon + max_lon) / 2, (min_lat + max_lat) / 2);

  encoded = tanlu_geometry_encode (geometry);
  decoded = tanlu_geometry_decode (g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded),
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tanlu_geometry_get_n_rings (decoded), ==, n_rings);
  g_assert_cmpuint (tanlu_geometry_get_n_polygons (decoded), ==, n_polygons);

  points_again = tanlu_geometry_get_points (decoded, &n_points_again);
  g_assert_cmpuint (n_points_again, ==, n_points);

  /* The store keeps micro-degrees. */
  for (guint i = 0; i < 2 * n_points; i++)
    g_assert_cmpfloat_with_epsilon (points_again[i], points[i], 0.51e-6);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) boundaries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean schematic = FALSE;
  guint n_features;

  n_features = read_features (data, size);

  boundaries = tanlu_geojson_read_boundaries (tanlu_fuzz_write_file (NULL, 0, data, size),
                                              &schematic, &error);
  if (boundaries == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_GEOJSON_ERROR);
      return 0;
    }

  g_assert_no_error (error);

  /* Whatever reads as boundaries reads as features, as many. */
  g_assert_cmpuint (n_features, ==, boundaries->len);

  for (guint i = 0; i < boundaries->len; i++)
    {
      const TanluBoundaryFeature *feature = g_ptr_array_index (boundaries, i);

      g_assert_true (TANLU_REGION_CODE_IS_VALID (feature->code));
      g_assert_nonnull (feature->geometry);
      check_geometry (feature->geometry);
    }

  return 0;
}
