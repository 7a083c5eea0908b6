/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tanlu-geojson.h"
#include "store/tanlu-store-types.h"

G_DEFINE_QUARK (tanlu-geojson-error-quark, tanlu_geojson_error)

static void
boundary_feature_free (gpointer data)
{
  TanluBoundaryFeature *feature = data;

  g_clear_pointer (&feature->geometry, tanlu_geometry_unref);
  g_free (feature);
}

static gboolean
get_coordinate (JsonNode *node,
                double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;

  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_ring (JsonArray      *ring,
           TanluGeometry  *geometry,
           GArray         *scratch)
{
  if (!tanlu_geojson_read_positions (ring, scratch))
    return FALSE;

  tanlu_geometry_add_ring (geometry, (const double *)(gpointer)scratch->data, scratch->len / 2);

  return TRUE;
}

static gboolean
read_polygon (JsonArray      *rings,
              TanluGeometry  *geometry,
              GArray         *scratch)
{
  guint n_rings = json_array_get_length (rings);

  tanlu_geometry_begin_polygon (geometry);

  for (guint i = 0; i < n_rings; i++)
    {
      JsonNode *node = json_array_get_element (rings, i);

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          !read_ring (json_node_get_array (node), geometry, scratch))
        return FALSE;
    }

  return n_rings > 0;
}

static TanluGeometry *
read_geometry (JsonObject *object)
{
  g_autoptr(TanluGeometry) geometry = tanlu_geometry_new ();
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  const char *type;
  JsonNode *coordinates;

  if (object == NULL)
    return NULL;

  type = json_object_get_string_member_with_default (object, "type", "");
  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    return NULL;

  if (g_str_equal (type, "Polygon"))
    {
      if (!read_polygon (json_node_get_array (coordinates), geometry, scratch))
        return NULL;
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = json_node_get_array (coordinates);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        {
          JsonNode *node = json_array_get_element (polygons, i);

          if (!JSON_NODE_HOLDS_ARRAY (node) ||
              !read_polygon (json_node_get_array (node), geometry, scratch))
            return NULL;
        }
    }
  else
    return NULL;

  return g_steal_pointer (&geometry);
}

static gboolean
read_code (JsonObject *properties,
           guint      *code)
{
  JsonNode *node;
  guint64 value;

  if (properties == NULL || (node = json_object_get_member (properties, "code")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = json_node_get_int (node);
  else if (json_node_get_value_type (node) != G_TYPE_STRING ||
           !g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXUINT, &value,
                                        NULL))
    return FALSE;

  if (!TANLU_REGION_CODE_IS_VALID (value))
    return FALSE;

  *code = value;
  return TRUE;
}

/**
 * tanlu_geojson_read_positions:
 * @positions: a GeoJSON array of positions, such as a ring or a LineString's
 *   coordinates
 * @lonlat: (element-type double): set to the positions' longitude, latitude
 *   pairs
 *
 * Returns: %FALSE if a position is not an array of at least two numbers
 */
gboolean
tanlu_geojson_read_positions (JsonArray *positions,
                              GArray    *lonlat)
{
  guint n_points;

  g_return_val_if_fail (positions != NULL, FALSE);
  g_return_val_if_fail (lonlat != NULL, FALSE);

  n_points = json_array_get_length (positions);
  g_array_set_size (lonlat, 0);

  for (guint i = 0; i < n_points; i++)
    {
      JsonNode *node = json_array_get_element (positions, i);
      JsonArray *position;
      double lon, lat;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;

      position = json_node_get_array (node);
      if (json_array_get_length (position) < 2 ||
          !get_coordinate (json_array_get_element (position, 0), &lon) ||
          !get_coordinate (json_array_get_element (position, 1), &lat))
        return FALSE;

      g_array_append_val (lonlat, lon);
      g_array_append_val (lonlat, lat);
    }

  return TRUE;
}

/**
 * tanlu_geojson_load_features:
 * @parser: the parser to read with, which keeps the result
 *
 * Reads a GeoJSON FeatureCollection.
 *
 * Returns: (transfer none) (nullable): its features, owned by @parser
 */
JsonArray *
tanlu_geojson_load_features (JsonParser  *parser,
                             const char  *path,
                             GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !g_str_equal (
        json_object_get_string_member_with_default (json_node_get_object (node), "type", ""),
        "FeatureCollection") ||
      !json_object_has_member (json_node_get_object (node), "features") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "features")))
    {
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                   _("“%s” is not a GeoJSON FeatureCollection"), name);
      return NULL;
    }

  return json_object_get_array_member (json_node_get_object (node), "features");
}

/**
 * tanlu_geojson_read_boundaries:
 * @schematic: (out) (optional): whether the file declares its boundaries
 *   schematic, in a top-level `"tanlu": {"schematic": true}` member
 *
 * Reads a GeoJSON FeatureCollection of Polygon or MultiPolygon features,
 * each with a `code` property holding its GB/T 2260 code.
 *
 * Returns: (transfer container) (element-type TanluBoundaryFeature)
 *   (nullable): the features, in file order
 */
GPtrArray *
tanlu_geojson_read_boundaries (const char  *path,
                               gboolean    *schematic,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (boundary_feature_free);
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonObject *metadata;
  JsonArray *list;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(list = tanlu_geojson_load_features (parser, path, error)))
    return NULL;

  name = g_path_get_basename (path);
  root = json_node_get_object (json_parser_get_root (parser));

  if (schematic != NULL)
    {
      *schematic = FALSE;
      metadata = json_object_has_member (root, "tanlu") &&
                 JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "tanlu"))
                 ? json_object_get_object_member (root, "tanlu") : NULL;
      if (metadata != NULL)
        *schematic = json_object_get_boolean_member_with_default (metadata, "schematic", FALSE);
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *feature;
      JsonObject *properties = NULL;
      JsonObject *geometry_object = NULL;
      TanluBoundaryFeature *boundary;
      guint code;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                       _("“%s”, feature %u is not an object"), name, i + 1);
          return NULL;
        }

      feature = json_node_get_object (element);
      if (json_object_has_member (feature, "properties") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "properties")))
        properties = json_object_get_object_member (feature, "properties");
      if (json_object_has_member (feature, "geometry") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "geometry")))
        geometry_object = json_object_get_object_member (feature, "geometry");

      if (!read_code (properties, &code))
        {
          g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_CODE,
                       _("“%s”, feature %u has no six-digit GB/T 2260 “code” property"), name,
                       i + 1);
          return NULL;
        }

      boundary = g_new0 (TanluBoundaryFeature, 1);
      boundary->code = code;
      boundary->geometry = read_geometry (geometry_object);
      g_ptr_array_add (features, boundary);

      if (boundary->geometry == NULL)
        {
          g_set_error (
            error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_GEOMETRY,
            _("“%s”, feature %u (%u): the geometry is not a valid Polygon or MultiPolygon"), name,
            i + 1, code);
          return NULL;
        }

      if (!tanlu_geometry_validate (boundary->geometry, &local_error))
        {
          g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_GEOMETRY,
                       _("“%s”, feature %u (%u): %s"), name, i + 1, code, local_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&features);
}
