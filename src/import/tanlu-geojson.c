/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-geojson"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tanlu-geojson.h"
#include "tanlu-input.h"
#include "store/tanlu-store-types.h"

#include <string.h>

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

/* ------------------------------------------------------------------------ */
/* Streaming FeatureCollections                                             */

/* A FeatureCollection is read one feature at a time: the file is mapped,
 * scanned for the bounds of each feature, and only that feature is handed
 * to the JSON parser. A file of any size below the input limit then costs
 * about the memory of its largest feature, and nesting deeper than any
 * GeoJSON never reaches the parser. */

#define MAX_FEATURE_SIZE (G_GINT64_CONSTANT (64) << 20)
#define MAX_MEMBER_SIZE  (G_GINT64_CONSTANT (1) << 20)

struct _TanluGeojsonReader
{
  GMappedFile *mapped;
  GBytes      *bytes;
  const char  *data;
  gsize        length;
  char        *display_name;
  GHashTable  *members;       /* top-level member name → JsonNode, features aside */
  gsize        position;      /* in the features array, before the next element */
  guint        index;         /* of the feature last read, from 1 */
  gsize        feature_start; /* where it is in the file */
  gsize        feature_end;
  gboolean     done;
  JsonParser  *parser;
};

static gsize
skip_space (TanluGeojsonReader *self,
            gsize               position)
{
  while (position < self->length &&
         (self->data[position] == ' ' || self->data[position] == '\t' ||
          self->data[position] == '\n' || self->data[position] == '\r'))
    position++;

  return position;
}

static guint
line_at (TanluGeojsonReader *self,
         gsize               position)
{
  guint line = 1;

  for (gsize i = 0; i < position && i < self->length; i++)
    if (self->data[i] == '\n')
      line++;

  return line;
}

typedef enum
{
  MISSING_VALUE,
  UNCLOSED_STRING,
  UNCLOSED_BRACKET,
  MISSING_NAME,
  MISSING_COLON,
  MISSING_MEMBER_END,
  MISSING_ELEMENT_END,
  TRAILING_TEXT,
} SyntaxProblem;

static void
set_syntax_error (TanluGeojsonReader  *self,
                  gsize                position,
                  SyntaxProblem        problem,
                  GError             **error)
{
  guint line = line_at (self, position);

  switch (problem)
    {
    case MISSING_VALUE:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: a value is missing"), line);
      break;
    case UNCLOSED_STRING:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: a string is never closed"), line);
      break;
    case UNCLOSED_BRACKET:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: a bracket is never closed"), line);
      break;
    case MISSING_NAME:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: a member name is missing"), line);
      break;
    case MISSING_COLON:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: “:” is missing after a member name"), line);
      break;
    case MISSING_MEMBER_END:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: “,” or “}” is missing"), line);
      break;
    case MISSING_ELEMENT_END:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: “,” or “]” is missing"), line);
      break;
    case TRAILING_TEXT:
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: there is text after its end"), line);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Moves past the value that starts at @position, checking only what
 * delimits it: strings, brackets and how deep they nest. */
static gboolean
skip_value (TanluGeojsonReader  *self,
            gsize                position,
            guint                depth,
            gsize               *end,
            GError             **error)
{
  gboolean in_string = FALSE;
  guint start_depth = depth;

  if (position >= self->length)
    {
      set_syntax_error (self, position, MISSING_VALUE, error);
      return FALSE;
    }

  if (self->data[position] != '{' && self->data[position] != '[' && self->data[position] != '"')
    {
      /* A number, true, false or null. */
      gsize start = position;

      while (position < self->length && (g_ascii_isalnum (self->data[position]) ||
                                         strchr ("+-.", self->data[position]) != NULL))
        position++;
      if (position == start)
        {
          set_syntax_error (self, position, MISSING_VALUE, error);
          return FALSE;
        }
      *end = position;
      return TRUE;
    }

  for (; position < self->length; position++)
    {
      char c = self->data[position];

      if (in_string)
        {
          if (c == '\\')
            position++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == start_depth)
                {
                  *end = position + 1;
                  return TRUE;
                }
            }
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > TANLU_INPUT_MAX_JSON_DEPTH)
            {
              g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                           _("Line %u: the JSON nests more than %u levels deep"),
                           line_at (self, position), TANLU_INPUT_MAX_JSON_DEPTH);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        {
          if (--depth == start_depth)
            {
              *end = position + 1;
              return TRUE;
            }
        }
    }

  set_syntax_error (self, position, in_string ? UNCLOSED_STRING : UNCLOSED_BRACKET, error);
  return FALSE;
}

static JsonNode *
parse_span (TanluGeojsonReader  *self,
            JsonParser          *parser,
            gsize                start,
            gsize                end,
            GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Counting the lines to here costs as much as reading to here: only
   * when there is a mistake to place. */
  if (!tanlu_input_check_json (self->data + start, end - start, NULL, 1,
                               TANLU_INPUT_MAX_JSON_DEPTH, NULL) &&
      !tanlu_input_check_json (self->data + start, end - start, NULL, line_at (self, start),
                               TANLU_INPUT_MAX_JSON_DEPTH, &local_error))
    {
      /* Translators: %s says where and what, such as “line 3: a string
       * holds a control character” */
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, self->data + start, end - start, &local_error))
    {
      /* json-glib may cut a quoted token inside a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* Translators: the last %s is the JSON parser's (English) message */
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE,
                   _("The file is not valid JSON: line %u: %s"), line_at (self, start),
                   message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      set_syntax_error (self, start, MISSING_VALUE, error);
      return NULL;
    }

  return json_parser_get_root (parser);
}

/* Reads the top-level object: every member but the features, and where
 * the features array starts. */
static gboolean
read_top_level (TanluGeojsonReader  *self,
                GError             **error)
{
  gsize features = 0;
  gsize position = 0;
  JsonNode *type;

  if (self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    position = 3;

  position = skip_space (self, position);
  if (position >= self->length || self->data[position] != '{')
    {
      g_set_error_literal (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                           _("The file is not a GeoJSON FeatureCollection"));
      return FALSE;
    }

  position = skip_space (self, position + 1);
  while (position < self->length && self->data[position] != '}')
    {
      g_autoptr(JsonParser) key_parser = json_parser_new_immutable ();
      g_autofree char *name = NULL;
      gsize key_end, value_end;
      JsonNode *key;

      if (self->data[position] != '"' || !skip_value (self, position, 1, &key_end, error))
        {
          if (error == NULL || *error == NULL)
            set_syntax_error (self, position, MISSING_NAME, error);
          return FALSE;
        }
      if (!(key = parse_span (self, key_parser, position, key_end, error)))
        return FALSE;
      name = g_strdup (json_node_get_string (key));

      position = skip_space (self, key_end);
      if (position >= self->length || self->data[position] != ':')
        {
          set_syntax_error (self, position, MISSING_COLON, error);
          return FALSE;
        }
      position = skip_space (self, position + 1);

      if (!skip_value (self, position, 1, &value_end, error))
        return FALSE;

      if (g_strcmp0 (name, "features") == 0)
        {
          /* Only one list is read; text in another would never be. */
          if (features != 0)
            {
              g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                           _("Line %u: the file has a second “features” list"),
                           line_at (self, position));
              return FALSE;
            }
          if (self->data[position] != '[')
            {
              g_set_error_literal (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                                   _("The file is not a GeoJSON FeatureCollection: its “features” "
                                     "is not a list"));
              return FALSE;
            }
          features = position + 1;
        }
      else if (value_end - position <= MAX_MEMBER_SIZE)
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();
          JsonNode *node;

          if (!(node = parse_span (self, parser, position, value_end, error)))
            return FALSE;
          g_hash_table_replace (self->members, g_steal_pointer (&name), json_node_copy (node));
        }

      position = skip_space (self, value_end);
      if (position < self->length && self->data[position] == ',')
        position = skip_space (self, position + 1);
      else if (position >= self->length || self->data[position] != '}')
        {
          set_syntax_error (self, position, MISSING_MEMBER_END, error);
          return FALSE;
        }
    }

  if (position >= self->length || skip_space (self, position + 1) != self->length)
    {
      set_syntax_error (self, position, TRAILING_TEXT, error);
      return FALSE;
    }

  type = g_hash_table_lookup (self->members, "type");
  if (type == NULL || json_node_get_value_type (type) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (type), "FeatureCollection") != 0 || features == 0)
    {
      g_set_error_literal (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                           _("The file is not a GeoJSON FeatureCollection"));
      return FALSE;
    }

  self->position = skip_space (self, features);
  if (self->position < self->length && self->data[self->position] == ']')
    self->done = TRUE;

  return TRUE;
}

static TanluGeojsonReader *
reader_new (GMappedFile  *mapped,
            GBytes       *bytes,
            const char   *display_name,
            GError      **error)
{
  g_autoptr(TanluGeojsonReader) self = g_new0 (TanluGeojsonReader, 1);

  self->mapped = mapped;
  self->bytes = bytes;
  if (mapped != NULL)
    {
      self->data = g_mapped_file_get_contents (mapped);
      self->length = g_mapped_file_get_length (mapped);
    }
  else
    self->data = g_bytes_get_data (bytes, &self->length);
  self->display_name = g_strdup (display_name);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);

  if (self->length == 0)
    {
      g_set_error_literal (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                           _("The file is empty"));
      return NULL;
    }

  if (!read_top_level (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tanlu_geojson_reader_new_for_path:
 *
 * Opens a GeoJSON FeatureCollection to read one feature at a time. Only
 * a regular file of at most %TANLU_INPUT_MAX_FILE_SIZE is read. Errors of
 * %TANLU_GEOJSON_ERROR here and from tanlu_geojson_reader_next() do not
 * name the file; those of reading it do.
 *
 * Returns: (transfer full) (nullable): the reader
 */
TanluGeojsonReader *
tanlu_geojson_reader_new_for_path (const char  *path,
                                   GError     **error)
{
  g_autofree char *display_name = NULL;
  GMappedFile *mapped;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);
  if (!(mapped = tanlu_input_map (path, display_name, TANLU_INPUT_MAX_FILE_SIZE, error)))
    return NULL;

  return reader_new (mapped, NULL, display_name, error);
}

/**
 * tanlu_geojson_reader_new_for_bytes:
 * @display_name: how messages name the input
 *
 * Returns: (transfer full) (nullable): the reader
 */
TanluGeojsonReader *
tanlu_geojson_reader_new_for_bytes (GBytes      *bytes,
                                    const char  *display_name,
                                    GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return reader_new (NULL, g_bytes_ref (bytes), display_name, error);
}

void
tanlu_geojson_reader_free (TanluGeojsonReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_object (&self->parser);
  g_free (self);
}

const char *
tanlu_geojson_reader_get_display_name (TanluGeojsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * tanlu_geojson_reader_get_member:
 * @name: a member of the FeatureCollection other than its features, such
 *   as "type" or "name"
 *
 * Returns: (transfer none) (nullable): its value
 */
JsonNode *
tanlu_geojson_reader_get_member (TanluGeojsonReader *self,
                                 const char         *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->members, name);
}

/**
 * tanlu_geojson_reader_next:
 *
 * Reads the next feature, whatever JSON value it is.
 *
 * Returns: (transfer none) (nullable): the feature, valid until the next
 *   call; %NULL after the last one, or with @error set
 */
JsonNode *
tanlu_geojson_reader_next (TanluGeojsonReader  *self,
                           GError             **error)
{
  gsize start, end;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->done)
    return NULL;

  start = self->position;
  if (!skip_value (self, start, 2, &end, error))
    {
      self->done = TRUE;
      return NULL;
    }

  if (end - start > MAX_FEATURE_SIZE)
    {
      g_autofree char *limit = g_format_size_full (MAX_FEATURE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      self->done = TRUE;
      g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                   _("Feature %u is larger than %s; split it into smaller features"),
                   self->index + 1, limit);
      return NULL;
    }

  g_clear_object (&self->parser);
  self->parser = json_parser_new_immutable ();
  if (!(node = parse_span (self, self->parser, start, end, error)))
    {
      self->done = TRUE;
      return NULL;
    }

  self->index++;
  self->feature_start = start;
  self->feature_end = end;
  self->position = skip_space (self, end);
  if (self->position < self->length && self->data[self->position] == ',')
    self->position = skip_space (self, self->position + 1);
  else if (self->position < self->length && self->data[self->position] == ']')
    self->done = TRUE;
  else
    {
      self->done = TRUE;
      set_syntax_error (self, self->position, MISSING_ELEMENT_END, error);
      return NULL;
    }

  return node;
}

/**
 * tanlu_geojson_reader_get_index:
 *
 * Returns: the feature last read, counting from 1
 */
guint
tanlu_geojson_reader_get_index (TanluGeojsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->index;
}

/**
 * tanlu_geojson_reader_get_text:
 * @length: (out): its length in bytes
 *
 * Returns: (transfer none): the feature last read as the file has it, not
 *   nul-terminated
 */
const char *
tanlu_geojson_reader_get_text (TanluGeojsonReader *self,
                               gsize              *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  *length = self->feature_end - self->feature_start;

  return self->data + self->feature_start;
}

/**
 * tanlu_geojson_reader_get_fraction:
 *
 * Returns: how much of the file has been read, from 0 to 1
 */
double
tanlu_geojson_reader_get_fraction (TanluGeojsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length > 0 ? (double) self->position / self->length : 1;
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
  g_autoptr(TanluGeojsonReader) reader = NULL;
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (boundary_feature_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *metadata;
  JsonNode *element;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(reader = tanlu_geojson_reader_new_for_path (path, &local_error)))
    {
      g_autofree char *basename = g_path_get_basename (path);

      if (local_error->domain == TANLU_GEOJSON_ERROR)
        g_prefix_error (&local_error, "“%s”: ", basename);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  name = tanlu_geojson_reader_get_display_name (reader);

  if (schematic != NULL)
    {
      *schematic = FALSE;
      metadata = tanlu_geojson_reader_get_member (reader, "tanlu");
      if (metadata != NULL && JSON_NODE_HOLDS_OBJECT (metadata))
        *schematic = json_object_get_boolean_member_with_default (json_node_get_object (metadata),
                                                                  "schematic", FALSE);
    }

  while ((element = tanlu_geojson_reader_next (reader, &local_error)) != NULL)
    {
      guint i = tanlu_geojson_reader_get_index (reader) - 1;
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

  if (local_error != NULL)
    {
      g_prefix_error (&local_error, "“%s”: ", name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&features);
}
