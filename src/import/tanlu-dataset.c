/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tanlu-dataset.h"
#include "geo/tanlu-basemap-features.h"
#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-neighbours.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"
#include "tanlu-ceads.h"
#include "tanlu-csv-import.h"
#include "tanlu-csv.h"
#include "tanlu-geojson.h"
#include "tanlu-import.h"
#include "tanlu-input.h"

#include <errno.h>

/* The bundled dataset is described by data/dataset.json: its sources, the
 * region registry, boundary files, region groups, the basemap and the
 * observation tables derived from CEADs. Building it runs the same store
 * and importer code users run. */

static gboolean
manifest_error (GError     **error,
                const char  *manifest,
                const char  *what)
{
  g_autofree char *name = g_path_get_basename (manifest);

  g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
               _("“%s”: %s"), name, what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
load_sources (TanluStore  *store,
              JsonArray   *sources,
              const char  *manifest,
              GError     **error)
{
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *object = json_array_get_object_element (sources, i);
      TanluSourceInfo info = { 0 };

      if (object == NULL || member_string (object, "key") == NULL ||
          member_string (object, "citation") == NULL)
        return manifest_error (error, manifest, _("every source needs a key and a citation"));

      info.key = member_string (object, "key");
      info.title_zh = member_string (object, "title_zh");
      info.title_en = member_string (object, "title_en");
      info.publisher = member_string (object, "publisher");
      info.citation = member_string (object, "citation");
      info.licence = member_string (object, "licence");
      info.url = member_string (object, "url");
      info.projection = json_object_has_member (object, "projection") &&
                        json_object_get_boolean_member (object, "projection");

      if (!tanlu_store_ensure_source (store, &info, error))
        return FALSE;
    }

  return TRUE;
}

/* Indicators beyond the CEADs ones, such as the drivers of pathways. */
static gboolean
load_indicators (TanluStore  *store,
                 JsonArray   *indicators,
                 const char  *manifest,
                 GError     **error)
{
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonObject *object = json_array_get_object_element (indicators, i);
      TanluIndicatorInfo info = { 0 };

      if (object == NULL || member_string (object, "code") == NULL ||
          member_string (object, "unit") == NULL || member_string (object, "category") == NULL)
        return manifest_error (error, manifest,
                               _("every indicator needs a code, a unit and a category"));

      info.code = member_string (object, "code");
      info.name_zh = member_string (object, "name_zh");
      info.name_en = member_string (object, "name_en");
      info.unit = member_string (object, "unit");
      info.category = member_string (object, "category");
      info.family = member_string (object, "family");
      info.sort_order = json_object_get_int_member_with_default (object, "sort_order", 0);

      if (!tanlu_store_ensure_indicator (store, &info, error))
        return FALSE;
    }

  return TRUE;
}

/* Called with each record of a table, its fields in the header's order. */
typedef gboolean (*RecordFunc) (TanluStore  *store,
                                const char  *name,
                                guint        line,
                                char       **fields,
                                gpointer     user_data,
                                GError     **error);

/* Reads the CSV at @path, whose first line is @header or, after its first
 * @n_required columns, a part of it; missing fields are given empty. */
static gboolean
read_table_with_optional (TanluStore          *store,
                          const char          *path,
                          const char * const  *header,
                          guint                n_required,
                          RecordFunc           func,
                          gpointer             user_data,
                          GError             **error)
{
  g_autoptr(TanluCsvReader) reader = NULL;
  const char *name;
  guint n_columns = g_strv_length ((char **) header);
  guint n_present;

  if (!(reader = tanlu_csv_reader_new_for_path (path, error)))
    return FALSE;

  name = tanlu_csv_reader_get_display_name (reader);

  if (!tanlu_csv_reader_next (reader, error))
    return FALSE;

  /* The required columns, then any of the optional ones, in order. */
  n_present = tanlu_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_present || i < n_required; i++)
    if (n_present < n_required || n_present > n_columns ||
        !g_str_equal (tanlu_csv_reader_get_field (reader, i), header[i]))
      {
        g_autofree char *expected = g_strjoinv (",", (char **) header);

        g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                     _("“%s”, line 1: expected the header %s"), name, expected);
        return FALSE;
      }

  while (tanlu_csv_reader_next (reader, error))
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint line = tanlu_csv_reader_get_line (reader);

      if (tanlu_csv_reader_get_n_fields (reader) != n_present)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
                       _("“%s”, line %u: expected %u fields"), name, line, n_present);
          return FALSE;
        }

      for (guint i = 0; i < n_columns; i++)
        g_ptr_array_add (fields, g_strdup (i < n_present ? tanlu_csv_reader_get_field (reader, i)
                                                         : ""));
      g_ptr_array_add (fields, NULL);

      if (!func (store, name, line, (char **) fields->pdata, user_data, error))
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

/* Reads the CSV at @path, whose first line must be @header, calling
 * @func with each further record's fields. */
static gboolean
read_table (TanluStore          *store,
            const char          *path,
            const char * const  *header,
            RecordFunc           func,
            gpointer             user_data,
            GError             **error)
{
  return read_table_with_optional (store, path, header, g_strv_length ((char **) header), func,
                                   user_data, error);
}

static gboolean
parse_uint_field (const char  *name,
                  guint        line,
                  const char  *column,
                  const char  *text,
                  gboolean     may_be_empty,
                  guint64      max,
                  guint64     *value,
                  GError     **error)
{
  if (may_be_empty && *text == '\0')
    {
      *value = 0;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    {
      g_autofree char *quoted = tanlu_input_quote (text, -1);

      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, line %u, column %s: “%s” is not a whole number"), name, line, column,
                   quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_policy_document (TanluStore  *store,
                     const char  *name,
                     guint        line,
                     char       **fields,
                     gpointer     user_data,
                     GError     **error)
{
  TanluPolicyDocument document = {
    .id = fields[0],
    .title_zh = fields[1],
    .issuer_zh = *fields[2] != '\0' ? fields[2] : NULL,
    .level = fields[3],
    .issued = *fields[5] != '\0' ? fields[5] : NULL,
    .seed_file = fields[6],
    .note = *fields[8] != '\0' ? fields[8] : NULL,
    .place_name_zh = *fields[10] != '\0' ? fields[10] : NULL,
  };
  guint64 code, offset, place;

  if (!parse_uint_field (name, line, "region_code", fields[4], FALSE, TANLU_REGION_CODE_MAX, &code,
                         error) ||
      !parse_uint_field (name, line, "seed_offset", fields[7], FALSE, G_MAXINT64, &offset, error) ||
      !parse_uint_field (name, line, "place_code", fields[9], TRUE, TANLU_REGION_CODE_MAX, &place,
                         error))
    return FALSE;

  /* A district's plan, filed under its prefecture-level unit */
  if ((place != 0) != g_str_equal (document.level, "district") ||
      (place != 0 && place / 100 * 100 != code))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                   _("“%s”, line %u: a district's plan needs the district's code in place_code "
                     "and its prefecture-level unit in region_code, and only a district's plan "
                     "has a place_code"),
                   name, line);
      return FALSE;
    }
  document.place_code = place;

  if (tanlu_store_lookup_region (store, code) == NULL)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                   _("“%s”, line %u: %u is not a known region code"), name, line, (guint) code);
      return FALSE;
    }

  document.region_code = code;
  document.seed_offset = offset;

  return tanlu_store_add_policy_document (store, &document, error);
}

static gboolean
add_policy_target (TanluStore  *store,
                   const char  *name,
                   guint        line,
                   char       **fields,
                   gpointer     user_data,
                   GError     **error)
{
  TanluPolicyTarget target = {
    .document_id = fields[0],
    .indicator = fields[2],
    .unit = fields[7],
    .quote = fields[8],
    .scope = fields[10],
    .note = *fields[12] != '\0' ? fields[12] : NULL,
    .context = *fields[13] != '\0' ? fields[13] : NULL,
  };
  guint64 code, target_year, base_year, offset, context_offset;

  if (!parse_uint_field (name, line, "region_code", fields[1], FALSE, TANLU_REGION_CODE_MAX, &code,
                         error) ||
      !parse_uint_field (name, line, "target_year", fields[3], FALSE, 9999, &target_year, error) ||
      !parse_uint_field (name, line, "base_year", fields[4], TRUE, 9999, &base_year, error) ||
      !parse_uint_field (name, line, "quote_offset", fields[9], FALSE, G_MAXINT64, &offset,
                         error) ||
      !parse_uint_field (name, line, "context_offset", fields[14], TRUE, G_MAXINT64,
                         &context_offset, error))
    return FALSE;

  if (tanlu_input_parse_number (fields[5], &target.value) != TANLU_NUMBER_OK ||
      !tanlu_target_qualifier_from_string (fields[6], &target.qualifier))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_NOT_A_NUMBER,
                   _("“%s”, line %u: the value must be a decimal number and the qualifier exact, "
                     "about, at_least or at_most"),
                   name, line);
      return FALSE;
    }

  if (tanlu_store_lookup_region (store, code) == NULL)
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_UNKNOWN_REGION,
                   _("“%s”, line %u: %u is not a known region code"), name, line, (guint) code);
      return FALSE;
    }

  target.region_code = code;
  target.target_year = target_year;
  target.base_year = base_year;
  target.quote_offset = offset;
  target.context_offset = context_offset;

  return tanlu_store_add_policy_target (store, &target, error) != 0;
}

static char *
join_strings (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  strings = g_strv_builder_end (builder);

  return g_strjoinv ("、", strings);
}

/* The Chengdu–Chongqing joint plan: its actions, tasks and sites, as
 * data/policy/regenerate.py read them from the plan. */
static gboolean
load_joint_plan (TanluStore  *store,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) actions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *name = g_path_get_basename (path);
  JsonObject *root;
  JsonArray *list;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member (root = json_node_get_object (json_parser_get_root (parser)),
                               "actions") ||
      !json_object_has_member (root, "tasks"))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s” needs “actions” and “tasks”"), name);
      return FALSE;
    }

  list = json_object_get_array_member (root, "actions");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *action = json_array_get_object_element (list, i);
      const char *numeral = json_object_get_string_member (action, "number");

      g_hash_table_insert (actions, (gpointer) numeral, GUINT_TO_POINTER (i + 1));
      if (!tanlu_store_add_joint_action (store, i + 1, numeral,
                                         json_object_get_string_member (action, "title"),
                                         json_object_get_int_member (action, "title_offset"),
                                         error))
        return FALSE;
    }

  list = json_object_get_array_member (root, "tasks");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      g_autofree char *chongqing = join_strings (
        json_object_get_array_member (object, "chongqing_units"));
      g_autofree char *sichuan = join_strings (
        json_object_get_array_member (object, "sichuan_units"));
      JsonArray *sites = json_object_get_array_member (object, "sites");
      TanluJointTask task = {
        .number = json_object_get_int_member (object, "number"),
        .action = GPOINTER_TO_UINT (g_hash_table_lookup (
          actions, json_object_get_string_member (object, "action"))),
        .title = (char *) json_object_get_string_member (object, "title"),
        .text = (char *) json_object_get_string_member (object, "text"),
        .text_offset = json_object_get_int_member (object, "text_offset"),
        .units_text = (char *) json_object_get_string_member (object, "responsible_units_text"),
        .chongqing_lead = (char *) json_object_get_string_member (object, "chongqing_lead"),
        .chongqing_units = chongqing,
        .sichuan_lead = (char *) json_object_get_string_member (object, "sichuan_lead"),
        .sichuan_units = sichuan,
      };

      if (task.action == 0)
        {
          g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                       _("“%s”: task %u names no action of the plan"), name, task.number);
          return FALSE;
        }
      if (!tanlu_store_add_joint_task (store, &task, error))
        return FALSE;

      for (guint k = 0; sites != NULL && k < json_array_get_length (sites); k++)
        {
          JsonObject *site = json_array_get_object_element (sites, k);
          g_autofree char *codes = NULL;
          JsonArray *code_list = json_object_get_array_member (site, "codes");
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) strings = NULL;

          for (guint c = 0; code_list != NULL && c < json_array_get_length (code_list); c++)
            g_strv_builder_add (builder, json_array_get_string_element (code_list, c));
          strings = g_strv_builder_end (builder);
          codes = g_strjoinv (",", strings);

          if (!tanlu_store_add_joint_site (
                store, task.number, json_object_get_string_member (site, "name"),
                json_object_get_string_member_with_default (site, "kind", NULL),
                json_object_get_string_member (site, "quote"),
                json_object_get_int_member (site, "offset"), codes,
                json_object_get_string_member_with_default (site, "location_basis", NULL),
                error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The plans and their targets, data/policy/. */
static gboolean
load_policy (TanluStore  *store,
             JsonObject  *policy,
             const char  *directory,
             const char  *manifest,
             GError     **error)
{
  static const char * const document_header[] = {
    "id", "title_zh", "issuer_zh", "level", "region_code", "issued", "seed_file", "seed_offset",
    "note", "place_code", "place_name_zh", NULL,
  };
  static const char * const target_header[] = {
    "document", "region_code", "indicator", "target_year", "base_year", "value", "qualifier",
    "unit", "quote", "quote_offset", "scope", "value_as_written", "note", "context",
    "context_offset", NULL,
  };
  g_autofree char *documents = NULL;
  g_autofree char *targets = NULL;

  if (member_string (policy, "documents") == NULL || member_string (policy, "targets") == NULL)
    return manifest_error (error, manifest, _("“policy” needs “documents” and “targets”"));

  documents = g_build_filename (directory, member_string (policy, "documents"), NULL);
  targets = g_build_filename (directory, member_string (policy, "targets"), NULL);

  if (!read_table (store, documents, document_header, add_policy_document, NULL, error) ||
      !read_table (store, targets, target_header, add_policy_target, NULL, error))
    return FALSE;

  if (member_string (policy, "joint_plan") != NULL)
    {
      g_autofree char *joint = g_build_filename (directory, member_string (policy, "joint_plan"),
                                                 NULL);

      return load_joint_plan (store, joint, error);
    }

  return TRUE;
}

/* A row of regions.csv, kept until its parent is in. */
typedef struct
{
  guint64           code;
  guint64           parent;
  TanluRegionLevel  level;
  guint64           valid_from;
  guint64           valid_to;
  char            **fields;
  guint             line;
} RegionRow;

static void
region_row_free (RegionRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static gboolean
collect_region (TanluStore  *store,
                const char  *name,
                guint        line,
                char       **fields,
                gpointer     user_data,
                GError     **error)
{
  GPtrArray *rows = user_data;
  RegionRow *row = g_new0 (RegionRow, 1);
  const char *level = fields[1];

  row->fields = g_strdupv (fields);
  row->line = line;
  g_ptr_array_add (rows, row);

  /* County-level units directly under a province count as cities, as
   * CEADs and the maps count them. */
  if (g_str_equal (level, "county"))
    level = "city";

  if (!tanlu_region_level_from_string (level, &row->level) ||
      row->level == TANLU_REGION_LEVEL_GROUP ||
      !g_ascii_string_to_unsigned (fields[0], 10, TANLU_REGION_CODE_MIN, TANLU_REGION_CODE_MAX,
                                   &row->code, NULL) ||
      (*fields[2] != '\0' && !g_ascii_string_to_unsigned (fields[2], 10, TANLU_REGION_CODE_MIN,
                                                          TANLU_REGION_CODE_MAX, &row->parent,
                                                          NULL)))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s”, line %u: expected a six-digit code, a level (nation, province, city "
                     "or county) and the parent’s code"),
                   name, line);
      return FALSE;
    }

  return parse_uint_field (name, line, "valid_from", fields[6], TRUE, 9999, &row->valid_from,
                           error) &&
         parse_uint_field (name, line, "valid_to", fields[7], TRUE, 9999, &row->valid_to, error);
}

/* data/regions/regions.csv: the registry, current and historical units
 * with their years; parents first, whatever the order of the file. */
static gboolean
load_regions (TanluStore  *store,
              const char  *path,
              GError     **error)
{
  static const char * const header[] = {
    "code", "level", "parent", "name_zh", "name_en", "full_name_zh", "valid_from", "valid_to",
    "former_codes", NULL,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) region_row_free);
  g_autofree char *name = g_path_get_basename (path);

  /* The registry before dates had only the first five columns. */
  if (!read_table_with_optional (store, path, header, 5, collect_region, rows, error))
    return FALSE;

  for (TanluRegionLevel level = TANLU_REGION_LEVEL_NATION; level <= TANLU_REGION_LEVEL_CITY;
       level++)
    for (guint i = 0; i < rows->len; i++)
      {
        RegionRow *row = g_ptr_array_index (rows, i);

        if (row->level != level)
          continue;

        if (!tanlu_store_add_region (store, row->code, level, row->parent, row->fields[3],
                                     row->fields[4], error) ||
            !tanlu_store_set_region_details (store, row->code, row->fields[5], row->valid_from,
                                             row->valid_to, error))
          {
            g_prefix_error (error, _("“%s”, line %u: "), name, row->line);
            return FALSE;
          }
      }

  return TRUE;
}

/* data/regions/history.csv: the changes of code since 1997. */
static gboolean
add_region_change (TanluStore  *store,
                   const char  *name,
                   guint        line,
                   char       **fields,
                   gpointer     user_data,
                   GError     **error)
{
  guint64 old_code, new_code, year;
  TanluRegionChangeKind kind;

  if (!parse_uint_field (name, line, "old_code", fields[0], TRUE, TANLU_REGION_CODE_MAX,
                         &old_code, error) ||
      !parse_uint_field (name, line, "new_code", fields[2], FALSE, TANLU_REGION_CODE_MAX,
                         &new_code, error) ||
      !parse_uint_field (name, line, "year", fields[4], FALSE, 9999, &year, error))
    return FALSE;

  if (!tanlu_region_change_kind_from_string (fields[5], &kind))
    {
      g_set_error (error, TANLU_IMPORT_ERROR, TANLU_IMPORT_ERROR_BAD_ROW,
                   _("“%s”, line %u: the kind must be renamed_code, merged, split or created"),
                   name, line);
      return FALSE;
    }

  if (!tanlu_store_add_region_change (store, old_code, new_code, year, kind, fields[6], fields[7],
                                      error))
    {
      g_prefix_error (error, _("“%s”, line %u: "), name, line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_region_changes (TanluStore  *store,
                     const char  *path,
                     GError     **error)
{
  static const char * const header[] = {
    "old_code", "old_name_zh", "new_code", "new_name_zh", "year", "kind", "note", "source", NULL,
  };

  return read_table (store, path, header, add_region_change, NULL, error);
}

static gboolean
load_boundaries (TanluStore  *store,
                 const char  *path,
                 TanluSource *source,
                 GError     **error)
{
  g_autoptr(GPtrArray) features = NULL;
  gboolean schematic = FALSE;

  if (!(features = tanlu_geojson_read_boundaries (path, &schematic, error)))
    return FALSE;

  for (guint i = 0; i < features->len; i++)
    {
      TanluBoundaryFeature *feature = g_ptr_array_index (features, i);
      guint code = tanlu_store_get_current_code (store, feature->code);

      /* ECharts draws the whole of Chongqing as 500100, the code GB/T 2260
       * gives its districts; the whole is 500000, which has its own. */
      if (feature->code == 500100)
        continue;

      if (!tanlu_boundary_save (store, code, feature->geometry, source, schematic, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_basemap_polygon (JsonNode      *rings,
                      TanluGeometry *geometry,
                      GArray        *scratch)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (rings) ||
      json_array_get_length (array = json_node_get_array (rings)) == 0)
    return FALSE;

  tanlu_geometry_begin_polygon (geometry);

  for (guint r = 0; r < json_array_get_length (array); r++)
    {
      JsonNode *ring = json_array_get_element (array, r);

      if (!JSON_NODE_HOLDS_ARRAY (ring) ||
          !tanlu_geojson_read_positions (json_node_get_array (ring), scratch))
        return FALSE;
      tanlu_geometry_add_ring (geometry, (const double *)(gpointer)scratch->data, scratch->len / 2);
    }

  return TRUE;
}

static gboolean
read_basemap_line (JsonNode      *line,
                   TanluGeometry *geometry,
                   GArray        *scratch)
{
  if (!JSON_NODE_HOLDS_ARRAY (line) ||
      !tanlu_geojson_read_positions (json_node_get_array (line), scratch) || scratch->len < 2 * 2)
    return FALSE;

  tanlu_basemap_add_line (geometry, (const double *)(gpointer)scratch->data, scratch->len / 2);

  return TRUE;
}

/* Basemap files are written by data/basemap/regenerate.py: Polygon or
 * MultiPolygon geometry for land and lakes, LineString or MultiLineString
 * for the other kinds. */
static TanluGeometry *
read_basemap_geometry (JsonObject *object,
                       gboolean    lines,
                       GArray     *scratch)
{
  g_autoptr(TanluGeometry) geometry = tanlu_geometry_new ();
  gboolean (*read_part) (JsonNode *, TanluGeometry *, GArray *) =
    lines ? read_basemap_line : read_basemap_polygon;
  JsonNode *coordinates;
  JsonArray *parts;
  const char *type;

  if (object == NULL || (coordinates = json_object_get_member (object, "coordinates")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (coordinates))
    return NULL;

  type = json_object_get_string_member_with_default (object, "type", "");

  if (g_str_equal (type, lines ? "LineString" : "Polygon"))
    return read_part (coordinates, geometry, scratch) ? g_steal_pointer (&geometry) : NULL;

  if (!g_str_equal (type, lines ? "MultiLineString" : "MultiPolygon"))
    return NULL;

  parts = json_node_get_array (coordinates);
  if (json_array_get_length (parts) == 0)
    return NULL;

  for (guint i = 0; i < json_array_get_length (parts); i++)
    if (!read_part (json_array_get_element (parts, i), geometry, scratch))
      return NULL;

  return g_steal_pointer (&geometry);
}

static gboolean
load_basemap (TanluStore   *store,
              const char   *path,
              TanluSource  *source,
              GError      **error)
{
  g_autoptr(TanluGeojsonReader) reader = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) local_error = NULL;
  const char *name;
  JsonNode *element;

  if (!(reader = tanlu_geojson_reader_new_for_path (path, &local_error)))
    {
      g_autofree char *basename = g_path_get_basename (path);

      if (local_error->domain == TANLU_GEOJSON_ERROR)
        g_prefix_error (&local_error, "“%s”: ", basename);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = tanlu_geojson_reader_get_display_name (reader);

  while ((element = tanlu_geojson_reader_next (reader, &local_error)) != NULL)
    {
      guint i = tanlu_geojson_reader_get_index (reader) - 1;
      g_autoptr(TanluGeometry) geometry = NULL;
      JsonObject *feature;
      JsonObject *properties = NULL;
      JsonObject *geometry_object = NULL;
      JsonNode *detail;
      const char *kind = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                       _("“%s”, feature %u is not an object"), name, i + 1);
          return FALSE;
        }

      feature = json_node_get_object (element);
      if (json_object_has_member (feature, "properties") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "properties")))
        properties = json_object_get_object_member (feature, "properties");
      if (json_object_has_member (feature, "geometry") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "geometry")))
        geometry_object = json_object_get_object_member (feature, "geometry");

      if (properties != NULL)
        kind = member_string (properties, "kind");
      detail = properties != NULL ? json_object_get_member (properties, "detail") : NULL;

      if (kind == NULL || !tanlu_basemap_kind_is_valid (kind) ||
          detail == NULL || json_node_get_value_type (detail) != G_TYPE_INT64 ||
          json_node_get_int (detail) < 0 || json_node_get_int (detail) >= TANLU_BASEMAP_N_DETAILS)
        {
          g_set_error (error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_STRUCTURE,
                       _("“%s”, feature %u needs a “kind” (land, lake, coastline, border or "
                          "river) and a “detail” (0 or 1)"),
                       name, i + 1);
          return FALSE;
        }

      if (!(geometry =
              read_basemap_geometry (geometry_object, tanlu_basemap_kind_is_line (kind), scratch)))
        {
          g_set_error (
            error, TANLU_GEOJSON_ERROR, TANLU_GEOJSON_ERROR_GEOMETRY,
            tanlu_basemap_kind_is_line (kind)
              ? _("“%s”, feature %u: the geometry is not a valid LineString or MultiLineString")
              : _("“%s”, feature %u: the geometry is not a valid Polygon or MultiPolygon"),
            name, i + 1);
          return FALSE;
        }

      if (!tanlu_basemap_add_feature (store, kind, json_node_get_int (detail), source, geometry,
                                      error))
        {
          g_prefix_error (error, _("“%s”, feature %u: "), name, i + 1);
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_prefix_error (&local_error, "“%s”: ", name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_groups (TanluStore  *store,
             JsonArray   *groups,
             const char  *manifest,
             GError     **error)
{
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *object = json_array_get_object_element (groups, i);
      g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (guint));
      JsonArray *members;

      if (object == NULL || member_string (object, "key") == NULL ||
          member_string (object, "name_zh") == NULL || member_string (object, "name_en") == NULL ||
          !json_object_has_member (object, "members"))
        return manifest_error (error, manifest, _("every group needs a key, names and members"));

      members = json_object_get_array_member (object, "members");
      for (guint m = 0; members != NULL && m < json_array_get_length (members); m++)
        {
          guint code = json_array_get_int_element (members, m);

          g_array_append_val (codes, code);
        }

      if (!tanlu_store_add_group (store,
                                  member_string (object, "key"),
                                  member_string (object, "name_zh"),
                                  member_string (object, "name_en"),
                                  member_string (object, "description_zh"),
                                  member_string (object, "description_en"),
                                  (const guint *)(gpointer)codes->data, codes->len,
                                  error))
        return FALSE;
    }

  return TRUE;
}

static JsonObject *
parse_manifest (JsonParser  *parser,
                const char  *manifest_path,
                GError     **error)
{
  JsonNode *root;

  if (!json_parser_load_from_file (parser, manifest_path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      manifest_error (error, manifest_path, _("the manifest must be a JSON object"));
      return NULL;
    }

  return json_node_get_object (root);
}

/**
 * tanlu_dataset_load_registry:
 * @manifest_path: data/dataset.json
 *
 * Loads sources, regions, boundaries, the basemap and groups named by the
 * manifest, and registers the CEADs sources and indicators. Paths in the manifest are
 * relative to it. Must be called inside a transaction.
 */
gboolean
tanlu_dataset_load_registry (TanluStore  *store,
                             const char  *manifest_path,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *directory = g_path_get_dirname (manifest_path);
  g_autofree char *regions_path = NULL;
  JsonObject *manifest;
  JsonArray *boundaries;
  JsonArray *basemap;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (tanlu_store_in_transaction (store), FALSE);

  if (!(manifest = parse_manifest (parser, manifest_path, error)))
    return FALSE;

  if (!json_object_has_member (manifest, "sources") || member_string (manifest, "regions") == NULL)
    return manifest_error (error, manifest_path, _("the manifest needs “sources” and “regions”"));

  if (!load_sources (store, json_object_get_array_member (manifest, "sources"), manifest_path,
                     error) ||
      !tanlu_ceads_register (store, error))
    return FALSE;

  if (json_object_has_member (manifest, "indicators") &&
      !load_indicators (store, json_object_get_array_member (manifest, "indicators"),
                        manifest_path, error))
    return FALSE;

  regions_path = g_build_filename (directory, member_string (manifest, "regions"), NULL);
  if (!load_regions (store, regions_path, error))
    return FALSE;

  if (member_string (manifest, "region_changes") != NULL)
    {
      g_autofree char *changes = g_build_filename (directory,
                                                   member_string (manifest, "region_changes"),
                                                   NULL);

      if (!load_region_changes (store, changes, error))
        return FALSE;
    }

  boundaries = json_object_has_member (manifest, "boundaries")
               ? json_object_get_array_member (manifest, "boundaries") : NULL;
  for (guint i = 0; boundaries != NULL && i < json_array_get_length (boundaries); i++)
    {
      JsonObject *entry = json_array_get_object_element (boundaries, i);
      g_autofree char *path = NULL;
      TanluSource *source;

      if (entry == NULL || member_string (entry, "file") == NULL ||
          member_string (entry, "source") == NULL ||
          !(source = tanlu_store_lookup_source (store, member_string (entry, "source"))))
        return manifest_error (error, manifest_path,
                               _("every boundary file needs a file and a known source"));

      path = g_build_filename (directory, member_string (entry, "file"), NULL);
      if (!load_boundaries (store, path, source, error))
        return FALSE;
    }
  if (boundaries != NULL && !tanlu_neighbours_update (store, error))
    return FALSE;

  basemap = json_object_has_member (manifest, "basemap")
            ? json_object_get_array_member (manifest, "basemap") : NULL;
  for (guint i = 0; basemap != NULL && i < json_array_get_length (basemap); i++)
    {
      JsonObject *entry = json_array_get_object_element (basemap, i);
      g_autofree char *path = NULL;
      TanluSource *source;

      if (entry == NULL || member_string (entry, "file") == NULL ||
          member_string (entry, "source") == NULL ||
          !(source = tanlu_store_lookup_source (store, member_string (entry, "source"))))
        return manifest_error (error, manifest_path,
                               _("every basemap file needs a file and a known source"));

      path = g_build_filename (directory, member_string (entry, "file"), NULL);
      if (!load_basemap (store, path, source, error))
        return FALSE;
    }

  if (json_object_has_member (manifest, "groups") &&
      !load_groups (store, json_object_get_array_member (manifest, "groups"), manifest_path, error))
    return FALSE;

  if (json_object_has_member (manifest, "policy") &&
      !load_policy (store, json_object_get_object_member (manifest, "policy"), directory,
                    manifest_path, error))
    return FALSE;

  return TRUE;
}

static gboolean
add_incomplete (TanluStore  *store,
                const char  *name,
                guint        line,
                char       **fields,
                gpointer     user_data,
                GError     **error)
{
  guint64 code, year;

  if (!parse_uint_field (name, line, "region_code", fields[0], FALSE, TANLU_REGION_CODE_MAX, &code,
                         error) ||
      !parse_uint_field (name, line, "year", fields[1], FALSE, 9999, &year, error))
    return FALSE;

  return tanlu_store_set_incomplete (store, code, year, fields[2], error);
}

static gboolean
load_incomplete (TanluStore  *store,
                 const char  *path,
                 GError     **error)
{
  static const char * const header[] = { "region_code", "year", "note", NULL };

  return read_table (store, path, header, add_incomplete, NULL, error);
}

/**
 * tanlu_dataset_build:
 *
 * Builds the bundled database at @output_path from the manifest and the
 * files it names, replacing any earlier build only once complete.
 */
gboolean
tanlu_dataset_build (const char  *manifest_path,
                     const char  *output_path,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *directory = g_path_get_dirname (manifest_path);
  g_autofree char *partial = g_strconcat (output_path, ".partial", NULL);
  g_autoptr(TanluStore) store = NULL;
  JsonObject *manifest;
  JsonArray *observations;

  g_return_val_if_fail (manifest_path != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  if (!(manifest = parse_manifest (parser, manifest_path, error)))
    return FALSE;

  g_unlink (partial);
  for (const char *suffix = "-wal"; suffix != NULL;
       suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *sidecar = g_strconcat (partial, suffix, NULL);

      g_unlink (sidecar);
    }

  if (!(store = tanlu_store_new (partial, error)) ||
      !tanlu_store_begin (store, error))
    return FALSE;

  if (!tanlu_dataset_load_registry (store, manifest_path, error))
    goto failed;

  observations = json_object_has_member (manifest, "observations")
                 ? json_object_get_array_member (manifest, "observations") : NULL;
  for (guint i = 0; observations != NULL && i < json_array_get_length (observations); i++)
    {
      const char *file = json_array_get_string_element (observations, i);
      g_autofree char *path = NULL;
      g_autoptr(TanluImportReport) report = NULL;

      if (file == NULL)
        {
          manifest_error (error, manifest_path, _("“observations” must list file names"));
          goto failed;
        }

      path = g_build_filename (directory, file, NULL);
      report = tanlu_import_report_new (path);
      if (!tanlu_import_csv (store, path, report, NULL, NULL, NULL, error))
        goto failed;
    }

  if (member_string (manifest, "incomplete") != NULL)
    {
      g_autofree char *path = g_build_filename (directory, member_string (manifest, "incomplete"),
                                                NULL);

      if (!load_incomplete (store, path, error))
        goto failed;
    }

  if (!tanlu_store_commit (store, error))
    goto failed;

  if (!tanlu_store_compact (store, error))
    goto failed;

  g_clear_object (&store);

  if (g_rename (partial, output_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), output_path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;

failed:
  tanlu_store_rollback (store);
  g_clear_object (&store);
  g_unlink (partial);
  return FALSE;
}

typedef struct
{
  GString  *line;
  GOutputStream *stream;
  GError  **error;
  gboolean  failed;
} WriteState;

static gboolean
write_observation (TanluRegion                   *region,
                   TanluIndicator                *indicator,
                   guint                          year,
                   double                         value,
                   TanluSource                   *source,
                   const TanluObservationDetails *details,
                   gpointer                       user_data)
{
  WriteState *state = user_data;
  g_autofree char *number = tanlu_csv_format_double (value);

  g_string_truncate (state->line, 0);
  g_string_append_printf (state->line, "%u,", tanlu_region_get_code (region));
  tanlu_csv_append_field (state->line, tanlu_indicator_get_code (indicator));
  g_string_append_printf (state->line, ",%u,%s,", year, number);
  tanlu_csv_append_field (state->line, tanlu_source_get_key (source));
  g_string_append_c (state->line, ',');
  tanlu_csv_append_field (state->line, details->origin != NULL ? details->origin : "");
  g_string_append_c (state->line, '\n');

  if (!g_output_stream_write_all (state->stream, state->line->str, state->line->len, NULL, NULL,
                                  state->error))
    {
      state->failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_dataset_write_observations:
 *
 * Writes the observations of one level as the compact long table that is
 * committed under data/: region_code,indicator,year,value,source,origin
 * with the source's key and where in the source's file each figure is.
 */
gboolean
tanlu_dataset_write_observations (TanluStore        *store,
                                  TanluRegionLevel   level,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  static const char header[] = "region_code,indicator,year,value,source,origin\n";
  WriteState state = { line, NULL, error, FALSE };

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);

  if (!(output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error)))
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (output), 1 << 16);
  state.stream = buffered;

  if (!g_output_stream_write_all (buffered, header, sizeof header - 1, NULL, NULL, error) ||
      !tanlu_store_foreach_observation (store, TRUE, level, 0, NULL, write_observation, &state,
                                        error) ||
      state.failed)
    return FALSE;

  return g_output_stream_close (buffered, NULL, error);
}

/**
 * tanlu_dataset_write_incomplete:
 *
 * Writes the region-years flagged incomplete, region_code,year,note, for
 * data/ceads/incomplete.csv.
 */
gboolean
tanlu_dataset_write_incomplete (TanluStore  *store,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(GString) text = g_string_new ("region_code,year,note\n");

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);

  for (TanluRegionLevel level = TANLU_REGION_LEVEL_NATION; level <= TANLU_REGION_LEVEL_CITY;
       level++)
    {
      g_autoptr(GPtrArray) at_level = tanlu_store_list_regions_at_level (store, level);

      for (guint i = 0; i < at_level->len; i++)
        for (guint year = 1990; year <= 2100; year++)
          {
            TanluRegion *region = g_ptr_array_index (at_level, i);
            const char *note = tanlu_store_get_incomplete (store, tanlu_region_get_code (region),
                                                           year);

            if (note == NULL)
              continue;
            g_string_append_printf (text, "%u,%u,", tanlu_region_get_code (region), year);
            tanlu_csv_append_field (text, note);
            g_string_append_c (text, '\n');
          }
    }

  return g_file_set_contents (path, text->str, text->len, error);
}
