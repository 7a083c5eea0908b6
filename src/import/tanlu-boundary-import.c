/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-boundary-import"

#include "config.h"

#include "tanlu-boundary-import.h"
#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-geometry.h"
#include "geo/tanlu-neighbours.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-geojson.h"
#include "tanlu-import-report.h"
#include "tanlu-input.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Official boundaries are rows of region_boundary with schematic = 0 that
 * belong to this one source. Keeping them under a single key makes them
 * easy to find, replace and take out again, while the bundled schematic
 * rows beside them are never touched. */
#define OFFICIAL_SOURCE_KEY "official-boundaries"

/* Where a feature is read, so every problem can say which feature it is. */
typedef struct
{
  TanluBoundaryReport *report;
  guint                index;       /* counting from 1, as people do */
  guint                code;        /* 0 while the code is not known to be usable */
  GArray              *scratch;     /* double: one ring's longitude, latitude pairs */
  GArray              *ring_sizes;  /* guint: positions each ring has in the file */
  const char          *text;        /* the feature as written, for quoting it */
  gsize                text_length;
} FeatureReader;

/* ------------------------------------------------------------------------ */

static TanluBoundaryReport *
boundary_report_new (void)
{
  TanluBoundaryReport *report = g_new0 (TanluBoundaryReport, 1);

  report->unknown_codes = g_ptr_array_new_with_free_func (g_free);
  report->invalid = g_ptr_array_new_with_free_func (g_free);
  report->duplicates = g_ptr_array_new_with_free_func (g_free);

  return report;
}

static guint
report_count_problems (const TanluBoundaryReport *report)
{
  return report->unknown_codes->len + report->invalid->len + report->duplicates->len;
}

/* Each problem as the sentence shown to the user: the file's problems in
 * the order they were found, then unknown codes, then repeated ones. */
static GPtrArray *
report_list_problems (const TanluBoundaryReport *report)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->invalid->len; i++)
    g_ptr_array_add (lines, g_strdup (g_ptr_array_index (report->invalid, i)));

  for (guint i = 0; i < report->unknown_codes->len; i++)
    /* Translators: %s is a code and where it is, such as “990000 (feature 12)” */
    g_ptr_array_add (lines,
                     g_strdup_printf (_("Unknown region code %s"),
                                      (const char *) g_ptr_array_index (report->unknown_codes, i)));

  for (guint i = 0; i < report->duplicates->len; i++)
    /* Translators: %s is a code and where it is, such as “510100 (features 3 and 7)” */
    g_ptr_array_add (lines,
                     g_strdup_printf (_("Region code given twice: %s"),
                                      (const char *) g_ptr_array_index (report->duplicates, i)));

  return lines;
}

static void
boundary_feature_free (gpointer data)
{
  TanluBoundaryFeature *feature = data;

  g_clear_pointer (&feature->geometry, tanlu_geometry_unref);
  g_free (feature);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* Adds @problem, a sentence about the feature being read, to the report. */
static void
feature_problem (FeatureReader *reader,
                 const char    *problem)
{
  if (reader->code != 0)
    /* Translators: “Feature 3 (510100): Ring 2 has 2 points; …”; the number
     * in brackets is the feature's region code */
    g_ptr_array_add (
      reader->report->invalid,
      g_strdup_printf (_("Feature %u (%u): %s"), reader->index, reader->code, problem));
  else
    g_ptr_array_add (reader->report->invalid,
                     g_strdup_printf (_("Feature %u: %s"), reader->index, problem));
}

/* A code is six digits, given as a number or a string, as GB/T 2260 has
 * them; anything else is reported rather than guessed at. */
/* The text a number had in the file: JSON numbers too large for an
 * integer come back from the parser as something else, and a message
 * must show what the user wrote. */
static char *
find_written_code (FeatureReader *reader)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"code\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (reader->text != NULL &&
      g_regex_match_full (regex, reader->text, reader->text_length, 0, 0, &match, NULL))
    {
      g_autofree char *written = g_match_info_fetch (match, 1);

      return tanlu_input_quote (written, -1);
    }

  return NULL;
}

static gboolean
read_code (FeatureReader *reader,
           JsonObject    *feature,
           guint         *code)
{
  JsonObject *properties = member_object (feature, "properties");
  JsonNode *node = properties != NULL ? json_object_get_member (properties, "code") : NULL;
  g_autofree char *problem = NULL;
  g_autofree char *quoted = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      feature_problem (reader, _("There is no “code” property with the region’s GB/T 2260 code"));
      return FALSE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);
      g_autofree char *digits = NULL;

      if (TANLU_REGION_CODE_IS_VALID (value))
        {
          *code = value;
          return TRUE;
        }

      /* Formatted apart, as xgettext cannot read G_GINT64_FORMAT. */
      digits = find_written_code (reader);
      if (digits == NULL)
        digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      problem =
        g_strdup_printf (_("The code “%s” is not a six-digit GB/T 2260 region code"), digits);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      gboolean six_digits = strlen (text) == 6 && text[0] != '0';

      for (guint i = 0; six_digits && i < 6; i++)
        six_digits = g_ascii_isdigit (text[i]);

      if (six_digits)
        {
          *code = g_ascii_strtoull (text, NULL, 10);
          return TRUE;
        }

      quoted = tanlu_input_quote (text, -1);
      problem =
        g_strdup_printf (_("The code “%s” is not a six-digit GB/T 2260 region code"), quoted);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           (quoted = find_written_code (reader)) != NULL)
    problem =
      g_strdup_printf (_("The code “%s” is not a six-digit GB/T 2260 region code"), quoted);
  else
    problem = g_strdup (_("The “code” property is not a six-digit GB/T 2260 region code"));

  feature_problem (reader, problem);

  return FALSE;
}

static gboolean
read_ring (FeatureReader *reader,
           JsonArray     *positions,
           TanluGeometry *geometry)
{
  guint n_positions = json_array_get_length (positions);
  guint ring = reader->ring_sizes->len + 1;

  g_array_set_size (reader->scratch, 0);

  for (guint i = 0; i < n_positions; i++)
    {
      JsonNode *node = json_array_get_element (positions, i);
      double lonlat[2];
      JsonArray *position;

      position = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      if (position == NULL || json_array_get_length (position) < 2)
        {
          g_autofree char *problem =
            g_strdup_printf (_("Ring %u, point %u is not a position"), ring, i + 1);

          feature_problem (reader, problem);
          return FALSE;
        }

      /* JSON has no NaN: a string such as "NaN" is caught here, and a
       * number too large for a double (1e999) parses as infinity, which
       * tanlu_geometry_validate() reports. */
      for (guint axis = 0; axis < 2; axis++)
        {
          JsonNode *value = json_array_get_element (position, axis);
          GType type =
            JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

          if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
            {
              g_autofree char *problem =
                g_strdup_printf (_("Ring %u, point %u is not a pair of numbers"), ring, i + 1);

              feature_problem (reader, problem);
              return FALSE;
            }

          lonlat[axis] = json_node_get_double (value);
        }

      g_array_append_vals (reader->scratch, lonlat, 2);
    }

  tanlu_geometry_add_ring (geometry, (const double *)(gpointer)reader->scratch->data, n_positions);
  g_array_append_val (reader->ring_sizes, n_positions);

  return TRUE;
}

static gboolean
read_polygon (FeatureReader *reader,
              JsonNode      *node,
              TanluGeometry *geometry)
{
  JsonArray *rings = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint polygon = tanlu_geometry_get_n_polygons (geometry) + 1;

  if (rings == NULL || json_array_get_length (rings) == 0)
    {
      g_autofree char *problem = g_strdup_printf (_("Polygon %u has no rings"), polygon);

      feature_problem (reader, problem);
      return FALSE;
    }

  tanlu_geometry_begin_polygon (geometry);

  for (guint i = 0; i < json_array_get_length (rings); i++)
    {
      JsonNode *ring = json_array_get_element (rings, i);

      if (!JSON_NODE_HOLDS_ARRAY (ring))
        {
          g_autofree char *problem = g_strdup_printf (_("Ring %u is not a list of positions"),
                                                      reader->ring_sizes->len + 1);

          feature_problem (reader, problem);
          return FALSE;
        }

      if (!read_ring (reader, json_node_get_array (ring), geometry))
        return FALSE;
    }

  return TRUE;
}

/* Says which of the geometry's problems makes it unusable, counting a
 * short ring's points as the file gives them: tanlu_geometry_add_ring()
 * closes open rings, and “3 points” would puzzle someone whose file has 2. */
static void
report_invalid_geometry (FeatureReader *reader,
                         TanluGeometry *geometry,
                         const GError  *error)
{
  if (g_error_matches (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_RING_TOO_SHORT))
    {
      for (guint r = 0; r < tanlu_geometry_get_n_rings (geometry); r++)
        {
          if (tanlu_geometry_get_ring (geometry, r)->n_points < 4)
            {
              g_autofree char *problem = NULL;

              problem = g_strdup_printf (_("Ring %u has %u points; a ring needs at least 4"),
                                         r + 1, g_array_index (reader->ring_sizes, guint, r));
              feature_problem (reader, problem);
              return;
            }
        }
    }

  feature_problem (reader, error->message);
}

static TanluGeometry *
read_geometry (FeatureReader *reader,
               JsonObject    *feature)
{
  g_autoptr(TanluGeometry) geometry = tanlu_geometry_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (feature, "geometry");
  JsonObject *object;
  const char *type;
  JsonNode *coordinates;

  g_array_set_size (reader->ring_sizes, 0);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      feature_problem (reader, _("The feature has no geometry"));
      return NULL;
    }

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  type = object != NULL ? member_string (object, "type") : NULL;
  coordinates = object != NULL ? json_object_get_member (object, "coordinates") : NULL;

  if (g_strcmp0 (type, "Polygon") != 0 && g_strcmp0 (type, "MultiPolygon") != 0)
    {
      feature_problem (reader, _("The geometry is not a Polygon or MultiPolygon"));
      return NULL;
    }

  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    {
      feature_problem (reader, _("The geometry has no coordinates"));
      return NULL;
    }

  if (g_str_equal (type, "Polygon"))
    {
      if (!read_polygon (reader, coordinates, geometry))
        return NULL;
    }
  else
    {
      JsonArray *polygons = json_node_get_array (coordinates);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!read_polygon (reader, json_array_get_element (polygons, i), geometry))
          return NULL;
    }

  /* Empty, not finite (1e999), outside ±180°/±90°, rings too short. */
  if (!tanlu_geometry_validate (geometry, &local_error))
    {
      report_invalid_geometry (reader, geometry, local_error);
      return NULL;
    }

  return g_steal_pointer (&geometry);
}

/* Reads and checks the whole file before anything is written, collecting
 * every problem rather than stopping at the first, so one round of fixes
 * is enough. The file is read a feature at a time, and only the checked
 * geometries are kept. tanlu_geojson_read_boundaries() reads the same
 * format but stops at the first problem, which suits the bundled file and
 * not a planner's.
 *
 * Returns: (transfer container) (element-type TanluBoundaryFeature)
 *   (nullable): the features, or %NULL when the file is rejected */
static GPtrArray *
read_boundary_file (TanluStore               *store,
                    const char               *path,
                    TanluBoundaryReport      *report,
                    TanluImportProgressFunc   progress,
                    gpointer                  user_data,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr(TanluGeojsonReader) file = NULL;
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func (boundary_feature_free);
  g_autoptr(GHashTable) first_feature = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) local_error = NULL;
  JsonNode *element;
  guint n_problems;

  if (!(file = tanlu_geojson_reader_new_for_path (path, &local_error)))
    {
      if (!g_error_matches (local_error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_PARSE) &&
          !g_error_matches (local_error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE))
        {
          g_ptr_array_add (report->invalid, g_strdup (local_error->message));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_ptr_array_add (report->invalid, g_strdup (local_error->message));
      g_clear_error (&local_error);
    }

  while (file != NULL && (element = tanlu_geojson_reader_next (file, &local_error)) != NULL)
    {
      FeatureReader reader = { report, tanlu_geojson_reader_get_index (file), 0, scratch,
                               ring_sizes, NULL, 0 };
      g_autoptr(TanluGeometry) geometry = NULL;
      JsonObject *feature;
      guint code = 0;
      gpointer first;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress != NULL)
        progress (tanlu_geojson_reader_get_fraction (file), user_data);

      report->n_features = reader.index;
      reader.text = tanlu_geojson_reader_get_text (file, &reader.text_length);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          feature_problem (&reader, _("The feature is not a GeoJSON object"));
          continue;
        }

      feature = json_node_get_object (element);

      if (read_code (&reader, feature, &code))
        {
          reader.code = code;

          if (tanlu_store_lookup_region (store, code) == NULL)
            g_ptr_array_add (report->unknown_codes,
                             /* Translators: a region code and where it is in the file */
                             g_strdup_printf (_("%u (feature %u)"), code, reader.index));

          if (g_hash_table_lookup_extended (first_feature, GUINT_TO_POINTER (code), NULL, &first))
            g_ptr_array_add (report->duplicates,
                             /* Translators: a region code and the features that both give it */
                             g_strdup_printf (_("%u (features %u and %u)"),
                                              code, GPOINTER_TO_UINT (first), reader.index));
          else
            g_hash_table_insert (first_feature, GUINT_TO_POINTER (code),
                                 GUINT_TO_POINTER (reader.index));
        }

      /* Read even when the code is unusable, so its geometry's problems
       * are reported in the same round. */
      geometry = read_geometry (&reader, feature);

      if (code != 0 && geometry != NULL)
        {
          TanluBoundaryFeature *boundary = g_new0 (TanluBoundaryFeature, 1);

          boundary->code = code;
          boundary->geometry = g_steal_pointer (&geometry);
          g_ptr_array_add (features, boundary);
        }
    }

  /* A file that stops being JSON part of the way is not one. */
  if (local_error != NULL)
    g_ptr_array_add (report->invalid, g_strdup (local_error->message));
  else if (file != NULL && report->n_features == 0)
    g_ptr_array_add (report->invalid, g_strdup (_("The file has no features")));

  n_problems = report_count_problems (report);
  if (n_problems == 0)
    return g_steal_pointer (&features);

  problems = report_list_problems (report);
  if (n_problems == 1)
    g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                 _("“%s” was not imported: %s"), name,
                 (const char *) g_ptr_array_index (problems, 0));
  else
    g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                 /* Translators: the first %s is a file name, the last one its first problem */
                 ngettext ("“%s” was not imported because of %u problem: %s",
                           "“%s” was not imported because of %u problems, the first: %s",
                           n_problems),
                 name, n_problems, (const char *)g_ptr_array_index (problems, 0));

  return NULL;
}

/* ------------------------------------------------------------------------ */

/* Puts each region's label point back where its remaining (schematic)
 * boundary puts it, computed as tanlu_boundary_save() did when the bundled
 * boundaries were loaded. A region left with no boundary at all keeps the
 * label point it has: there is nothing to derive a better one from, and
 * it is still inside the region. */
static gboolean
restore_centroids (TanluStore  *store,
                   const guint *codes,
                   guint        n_codes,
                   GError     **error)
{
  for (guint i = 0; i < n_codes; i++)
    {
      g_autoptr(TanluGeometry) geometry = NULL;
      g_autoptr(GError) local_error = NULL;
      double longitude, latitude;

      geometry = tanlu_boundary_load (store, codes[i], NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (geometry == NULL)
        continue;

      tanlu_geometry_get_centroid (geometry, &longitude, &latitude);
      if (!tanlu_store_set_region_centroid (store, codes[i], longitude, latitude, error))
        return FALSE;
    }

  return TRUE;
}

/* A second import replaces every earlier official boundary, not only the
 * regions both files cover: the official set is then always exactly one
 * file, named by one citation, instead of a mix whose origin the source
 * row could no longer describe. Regions the earlier file had and this one
 * lacks fall back to their schematic boundary. */
static gboolean
replace_official_boundaries (TanluStore  *store,
                             GPtrArray   *features,
                             const char  *citation,
                             GError     **error)
{
  const TanluSourceInfo info = {
    .key = OFFICIAL_SOURCE_KEY,
    .title_zh = citation,
    .title_en = citation,
    .citation = citation,
  };
  g_autoptr(GHashTable) in_file = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GArray) dropped = g_array_new (FALSE, FALSE, sizeof (guint));
  TanluSource *source;

  if (!(source = tanlu_store_ensure_source (store, &info, error)) ||
      !tanlu_store_delete_boundaries_from (store, source, &previous, error))
    return FALSE;

  for (guint i = 0; i < features->len; i++)
    {
      TanluBoundaryFeature *feature = g_ptr_array_index (features, i);

      /* Also moves the region's label point to the new outline. */
      if (!tanlu_boundary_save (store, feature->code, feature->geometry, source, FALSE, error))
        return FALSE;

      g_hash_table_add (in_file, GUINT_TO_POINTER (feature->code));
    }

  for (guint i = 0; i < previous->len; i++)
    {
      guint code = g_array_index (previous, guint, i);

      if (!g_hash_table_contains (in_file, GUINT_TO_POINTER (code)))
        g_array_append_val (dropped, code);
    }

  return restore_centroids (store, (const guint *) (gpointer) dropped->data, dropped->len, error) &&
         tanlu_neighbours_update (store, error);
}

static gboolean
store_official_boundaries (TanluStore  *store,
                           GPtrArray   *features,
                           const char  *citation,
                           GError     **error)
{
  if (!tanlu_store_begin (store, error))
    return FALSE;

  if (!replace_official_boundaries (store, features, citation, error) ||
      !tanlu_store_commit (store, error))
    {
      tanlu_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_boundary_report_free:
 */
void
tanlu_boundary_report_free (TanluBoundaryReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->unknown_codes, g_ptr_array_unref);
  g_clear_pointer (&report->invalid, g_ptr_array_unref);
  g_clear_pointer (&report->duplicates, g_ptr_array_unref);
  g_free (report);
}

/**
 * tanlu_boundary_report_to_string:
 *
 * Describes the outcome for the user: every problem, one a line, each
 * naming its feature; or, for a file that was imported, how many regions
 * it gave official boundaries.
 *
 * Returns: (transfer full): the text, without a final newline
 */
char *
tanlu_boundary_report_to_string (const TanluBoundaryReport *report)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  if (report_count_problems (report) == 0)
    return g_strdup_printf (ngettext ("Official boundary loaded for %u region",
                                      "Official boundaries loaded for %u regions",
                                      report->n_replaced),
                            report->n_replaced);

  lines = report_list_problems (report);
  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (lines, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tanlu_boundaries_import:
 * @path: a GeoJSON FeatureCollection whose features carry a GB/T 2260
 *   `code` property
 * @source_text: what the user says the boundaries are, such as
 *   “四川省自然资源厅 标准地图 2023”; it becomes the source's title and
 *   citation
 * @progress: (nullable): told how much of the file is read, on this thread
 * @cancellable: (nullable): stops the reading; nothing is written then
 * @report: (out) (optional) (transfer full): what was found in the file;
 *   set whenever the file was opened, imported or not
 *
 * Loads officially approved boundaries over the bundled schematic ones.
 *
 * The file is read and checked whole first, a feature at a time. Any
 * problem (a code that is not six digits or names no region, a code given
 * twice, a feature without geometry, a geometry tanlu_geometry_validate()
 * rejects, or a file that is not a GeoJSON FeatureCollection with
 * features) rejects it: the database is left untouched, @error summarises
 * and @report lists every problem.
 *
 * Otherwise, in one transaction, the file's boundaries replace all
 * earlier official ones and move their regions' label points; regions
 * that are not in the file keep, or go back to, their bundled boundary.
 * Must not be called inside a transaction.
 *
 * Returns: %TRUE if the boundaries were imported
 */
gboolean
tanlu_boundaries_import (TanluStore               *store,
                         const char               *path,
                         const char               *source_text,
                         TanluImportProgressFunc   progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         TanluBoundaryReport     **report,
                         GError                  **error)
{
  g_autoptr(TanluBoundaryReport) local_report = NULL;
  g_autoptr(GPtrArray) features = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *name = NULL;
  gboolean imported;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (source_text != NULL, FALSE);
  g_return_val_if_fail (report == NULL || *report == NULL, FALSE);
  g_return_val_if_fail (!tanlu_store_in_transaction (store), FALSE);

  /* Official boundaries stand for whoever approved them, so they are
   * never stored without saying whose they are. */
  citation = g_strstrip (g_strdup (source_text));
  if (*citation == '\0')
    {
      g_set_error_literal (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_MISSING_VALUE,
                           _("Official boundaries need a source, such as the publisher and "
                             "the map’s approval number"));
      return FALSE;
    }

  local_report = boundary_report_new ();
  features = read_boundary_file (store, path, local_report, progress, user_data, cancellable,
                                 error);
  imported = features != NULL && store_official_boundaries (store, features, citation, error);

  if (imported)
    local_report->n_replaced = features->len;
  else if (features != NULL)
    {
      name = g_path_get_basename (path);
      g_prefix_error (error, _("“%s” was not imported: "), name);
    }

  if (report != NULL)
    *report = g_steal_pointer (&local_report);

  return imported;
}

/**
 * tanlu_boundaries_revert:
 * @n_reverted: (out) (optional): how many regions went back to their
 *   bundled boundary
 *
 * Removes the official boundaries and their source, in one transaction,
 * and puts each region's label point back on its bundled boundary. With
 * no official boundaries this does nothing and succeeds. Must not be
 * called inside a transaction.
 */
gboolean
tanlu_boundaries_revert (TanluStore  *store,
                         guint       *n_reverted,
                         GError     **error)
{
  g_autoptr(GArray) codes = NULL;
  TanluSource *source;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (!tanlu_store_in_transaction (store), FALSE);

  if (n_reverted != NULL)
    *n_reverted = 0;

  /* Nothing to revert; no transaction either, so nothing is written. */
  if ((source = tanlu_store_lookup_source (store, OFFICIAL_SOURCE_KEY)) == NULL ||
      g_strcmp0 (tanlu_source_get_key (source), OFFICIAL_SOURCE_KEY) != 0)
    return TRUE;

  if (!tanlu_store_begin (store, error))
    return FALSE;

  if (!tanlu_store_delete_boundaries_from (store, source, &codes, error) ||
      !restore_centroids (store, (const guint *) (gpointer) codes->data, codes->len, error) ||
      !tanlu_store_delete_source (store, source, error) ||
      !tanlu_neighbours_update (store, error) ||
      !tanlu_store_commit (store, error))
    {
      tanlu_store_rollback (store);
      g_prefix_error (error, _("Could not remove the official boundaries: "));
      return FALSE;
    }

  if (n_reverted != NULL)
    *n_reverted = codes->len;

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* In the background                                                        */

typedef struct
{
  char                     *db_path;
  char                     *path;
  char                     *source_text;
  TanluImportFilesProgress  progress;
  TanluBoundaryReport      *report;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_free (import->db_path);
  g_free (import->path);
  g_free (import->source_text);
  g_clear_pointer (&import->report, tanlu_boundary_report_free);
  g_free (import);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *import = task_data;
  g_autoptr(TanluProgressRelay) relay = tanlu_progress_relay_new (task, import->progress);
  g_autofree char *display_name = g_path_get_basename (import->path);
  g_autoptr(TanluStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own: the window's stays free for drawing. */
  if (!(store = tanlu_store_new (import->db_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  tanlu_progress_relay_set_file (relay, 0, 1, display_name);
  if (tanlu_boundaries_import (store, import->path, import->source_text, tanlu_progress_relay_update,
                               relay, cancellable, &import->report, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tanlu_boundaries_import_async:
 * @source_object: kept alive until the import finishes; passed to @progress
 * @db_path: the database, opened on a connection of its own
 * @progress: (nullable): called on the caller's main context
 *
 * Runs tanlu_boundaries_import() on a worker thread.
 */
void
tanlu_boundaries_import_async (GObject                  *source_object,
                               const char               *db_path,
                               const char               *path,
                               const char               *source_text,
                               TanluImportFilesProgress  progress,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (source_text != NULL);

  import = g_new0 (ImportData, 1);
  import->db_path = g_strdup (db_path);
  import->path = g_strdup (path);
  import->source_text = g_strdup (source_text);
  import->progress = progress;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, tanlu_boundaries_import_async);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * tanlu_boundaries_import_finish:
 * @report: (out) (optional) (transfer full) (nullable): what was found in
 *   the file, when it was opened
 *
 * Returns: %TRUE if the boundaries were imported
 */
gboolean
tanlu_boundaries_import_finish (GAsyncResult         *result,
                                TanluBoundaryReport **report,
                                GError              **error)
{
  ImportData *import;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tanlu_boundaries_import_async,
                        FALSE);

  import = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&import->report);

  return g_task_propagate_boolean (G_TASK (result), error);
}
