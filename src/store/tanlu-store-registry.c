/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-indicator.h"
#include "tanlu-observation-list.h"
#include "tanlu-observation.h"
#include "tanlu-region.h"
#include "tanlu-source.h"
#include "tanlu-store-private.h"

#include <math.h>
#include <string.h>

/* The registries: sources, indicators, regions and groups, kept in memory
 * and written through. */

static gint
compare_regions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TanluRegion *ra = (TanluRegion *)a;
  TanluRegion *rb = (TanluRegion *)b;
  int by_level = (int)tanlu_region_get_level (ra) - (int)tanlu_region_get_level (rb);

  if (by_level != 0)
    return by_level;

  if (tanlu_region_get_code (ra) != tanlu_region_get_code (rb))
    return tanlu_region_get_code (ra) < tanlu_region_get_code (rb) ? -1 : 1;

  return g_strcmp0 (tanlu_region_get_key (ra), tanlu_region_get_key (rb));
}

static gint
compare_region_pointers (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_regions (*(TanluRegion **)a, *(TanluRegion **)b, user_data);
}

static void
remember_region (TanluStore  *self,
                 TanluRegion *region)
{
  if (tanlu_region_get_code (region) != 0)
    g_hash_table_replace (self->regions_by_code,
                          GUINT_TO_POINTER (tanlu_region_get_code (region)),
                          g_object_ref (region));
  g_hash_table_replace (self->regions_by_key,
                        g_strdup (tanlu_region_get_key (region)),
                        g_object_ref (region));
  g_list_store_insert_sorted (self->regions, region, compare_regions, NULL);
}

static void
remember_source (TanluStore  *self,
                 TanluSource *source)
{
  g_hash_table_replace (self->sources_by_id,
                        g_memdup2 (&(gint64){ tanlu_source_get_id (source) }, sizeof (gint64)),
                        g_object_ref (source));
  g_hash_table_replace (self->sources_by_key, g_strdup (tanlu_source_get_key (source)),
                        g_object_ref (source));
}

static void
remember_indicator (TanluStore     *self,
                    TanluIndicator *indicator)
{
  g_hash_table_replace (
    self->indicators_by_id,
    g_memdup2 (&(gint64){ tanlu_indicator_get_id (indicator) }, sizeof (gint64)),
    g_object_ref (indicator));
  g_hash_table_replace (self->indicators_by_code, g_strdup (tanlu_indicator_get_code (indicator)),
                        g_object_ref (indicator));
}

static const char * const change_kinds[] = {
  [TANLU_REGION_RENAMED_CODE] = "renamed_code",
  [TANLU_REGION_MERGED] = "merged",
  [TANLU_REGION_SPLIT] = "split",
  [TANLU_REGION_CREATED] = "created",
};

const char *
tanlu_region_change_kind_to_string (TanluRegionChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (change_kinds), NULL);

  return change_kinds[kind];
}

gboolean
tanlu_region_change_kind_from_string (const char            *text,
                                      TanluRegionChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_kinds); i++)
    if (g_strcmp0 (text, change_kinds[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

void
_tanlu_region_change_clear (gpointer data)
{
  TanluRegionChange *change = data;

  g_clear_pointer (&change->note, g_free);
}

static gboolean
load_changes (TanluStore  *self,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_size (self->changes, 0);

  /* Schemas before 5 have no changes. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT coalesce (old_code, 0), new_code, year, kind, note"
                          " FROM region_change ORDER BY year, new_code",
                          -1, &stmt, NULL) != SQLITE_OK)
    return TRUE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluRegionChange change = {
        .old_code = sqlite3_column_int (stmt, 0),
        .new_code = sqlite3_column_int (stmt, 1),
        .year = sqlite3_column_int (stmt, 2),
      };

      if (!tanlu_region_change_kind_from_string (_tanlu_store_column_text (stmt, 3),
                                                 &change.kind))
        continue;
      change.note = g_strdup (_tanlu_store_column_text (stmt, 4));
      g_array_append_val (self->changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "load region changes");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_regions (TanluStore  *self,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) regions = NULL;
  g_autoptr(sqlite3_stmt) groups = NULL;
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (sqlite3_prepare_v2 (
        self->db,
        "SELECT code, level, parent_code, name_zh, name_en, centroid_lon, centroid_lat,"
        " full_name_zh, coalesce (valid_from, 0), coalesce (valid_to, 0) FROM region",
        -1, &regions, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT id, key, name_zh, name_en, description_zh, description_en"
                          " FROM region_group ORDER BY key",
                          -1, &groups, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT region_code FROM region_group_member WHERE group_id = ?1"
                          " ORDER BY region_code",
                          -1, &members, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "load regions");
      return FALSE;
    }

  while ((rc = sqlite3_step (regions)) == SQLITE_ROW)
    {
      guint code = sqlite3_column_int (regions, 0);
      g_autofree char *key = g_strdup_printf ("%u", code);
      TanluRegionLevel level;
      TanluRegion *region;

      if (!tanlu_region_level_from_string (_tanlu_store_column_text (regions, 1), &level))
        continue;

      region = tanlu_region_new (key, code, level, sqlite3_column_int (regions, 2),
                                 _tanlu_store_column_text (regions, 3),
                                 _tanlu_store_column_text (regions, 4));
      if (sqlite3_column_type (regions, 5) != SQLITE_NULL)
        tanlu_region_set_centroid (region, sqlite3_column_double (regions, 5),
                                   sqlite3_column_double (regions, 6));
      tanlu_region_set_validity (region, _tanlu_store_column_text (regions, 7),
                                 sqlite3_column_int (regions, 8), sqlite3_column_int (regions, 9));
      g_ptr_array_add (loaded, region);
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "load regions");
      return FALSE;
    }

  while ((rc = sqlite3_step (groups)) == SQLITE_ROW)
    {
      g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (guint));
      TanluRegion *group;

      sqlite3_reset (members);
      sqlite3_bind_int64 (members, 1, sqlite3_column_int64 (groups, 0));
      while (sqlite3_step (members) == SQLITE_ROW)
        {
          guint code = sqlite3_column_int (members, 0);

          g_array_append_val (codes, code);
        }

      group = tanlu_region_new (_tanlu_store_column_text (groups, 1), 0, TANLU_REGION_LEVEL_GROUP,
                                0, _tanlu_store_column_text (groups, 2),
                                _tanlu_store_column_text (groups, 3));
      tanlu_region_set_description (group, _tanlu_store_column_text (groups, 4),
                                    _tanlu_store_column_text (groups, 5));
      tanlu_region_set_member_codes (group, (const guint *)(gpointer)codes->data, codes->len);
      g_ptr_array_add (loaded, group);
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "load groups");
      return FALSE;
    }

  g_ptr_array_sort_with_data (loaded, compare_region_pointers, NULL);

  g_hash_table_remove_all (self->regions_by_code);
  g_hash_table_remove_all (self->regions_by_key);
  for (guint i = 0; i < loaded->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (loaded, i);

      if (tanlu_region_get_code (region) != 0)
        g_hash_table_replace (self->regions_by_code,
                              GUINT_TO_POINTER (tanlu_region_get_code (region)),
                              g_object_ref (region));
      g_hash_table_replace (self->regions_by_key, g_strdup (tanlu_region_get_key (region)),
                            g_object_ref (region));
    }

  g_list_store_splice (self->regions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                       loaded->pdata, loaded->len);

  return TRUE;
}

static gboolean
load_sources_and_indicators (TanluStore  *self,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) sources = NULL;
  g_autoptr(sqlite3_stmt) indicators = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, key, title_zh, title_en, publisher, citation, licence, url,"
                          " projection FROM source", -1, &sources, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT id, code, name_zh, name_en, unit, category, family, sort_order"
                          " FROM indicator", -1, &indicators, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "load registries");
      return FALSE;
    }

  g_hash_table_remove_all (self->sources_by_id);
  g_hash_table_remove_all (self->sources_by_key);
  g_hash_table_remove_all (self->indicators_by_id);
  g_hash_table_remove_all (self->indicators_by_code);

  while (sqlite3_step (sources) == SQLITE_ROW)
    {
      TanluSourceInfo info = {
        .key = _tanlu_store_column_text (sources, 1),
        .title_zh = _tanlu_store_column_text (sources, 2),
        .title_en = _tanlu_store_column_text (sources, 3),
        .publisher = _tanlu_store_column_text (sources, 4),
        .citation = _tanlu_store_column_text (sources, 5),
        .licence = _tanlu_store_column_text (sources, 6),
        .url = _tanlu_store_column_text (sources, 7),
        .projection = sqlite3_column_int (sources, 8) != 0,
      };
      g_autoptr(TanluSource) source = tanlu_source_new (sqlite3_column_int64 (sources, 0), &info);

      remember_source (self, source);
    }

  while (sqlite3_step (indicators) == SQLITE_ROW)
    {
      TanluIndicatorInfo info = {
        .code = _tanlu_store_column_text (indicators, 1),
        .name_zh = _tanlu_store_column_text (indicators, 2),
        .name_en = _tanlu_store_column_text (indicators, 3),
        .unit = _tanlu_store_column_text (indicators, 4),
        .category = _tanlu_store_column_text (indicators, 5),
        .family = _tanlu_store_column_text (indicators, 6),
        .sort_order = sqlite3_column_int (indicators, 7),
      };
      g_autoptr(TanluIndicator) indicator =
        tanlu_indicator_new (sqlite3_column_int64 (indicators, 0), &info);

      remember_indicator (self, indicator);
    }

  return TRUE;
}

gboolean
_tanlu_store_reload_registries (TanluStore  *self,
                   GError     **error)
{
  self->registries_dirty = FALSE;
  g_clear_pointer (&self->incomplete, g_hash_table_unref);
  g_clear_pointer (&self->codes_with_data, g_hash_table_unref);

  return load_regions (self, error) && load_changes (self, error) &&
         load_sources_and_indicators (self, error);
}

static GPtrArray *
hash_table_values (GHashTable *table)
{
  GPtrArray *values = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, value);

  return values;
}

/**
 * tanlu_store_reload:
 *
 * Rereads the sources and indicators, which an import through another
 * connection may have added, and the regions' label points, which
 * boundaries loaded through another connection may have moved. The
 * regions themselves stay: imports never change the registry, and views
 * hold on to them.
 */
gboolean
tanlu_store_reload (TanluStore  *self,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) centroids = NULL;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (!load_sources_and_indicators (self, error))
    return FALSE;

  /* Boundaries loaded elsewhere move label points. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT code, centroid_lon, centroid_lat FROM region"
                          " WHERE centroid_lon IS NOT NULL",
                          -1, &centroids, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "read label points");
      return FALSE;
    }

  while ((rc = sqlite3_step (centroids)) == SQLITE_ROW)
    {
      TanluRegion *region = g_hash_table_lookup (self->regions_by_code,
                                                 GUINT_TO_POINTER (sqlite3_column_int (centroids, 0)));

      if (region != NULL)
        tanlu_region_set_centroid (region, sqlite3_column_double (centroids, 1),
                                   sqlite3_column_double (centroids, 2));
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "read label points");
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_store_ensure_source:
 *
 * Adds the source, or updates the one with the same key.
 *
 * Returns: (transfer none) (nullable): the source
 */
TanluSource *
tanlu_store_ensure_source (TanluStore             *self,
                           const TanluSourceInfo  *info,
                           GError                **error)
{
  g_autoptr(TanluSource) source = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL && info->key != NULL, NULL);

  if (!(stmt = _tanlu_store_get_statement (self, STMT_UPSERT_SOURCE, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, info->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->title_zh != NULL ? info->title_zh : info->key, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->title_en != NULL ? info->title_en : info->key, -1,
                     SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 4, info->publisher);
  sqlite3_bind_text (stmt, 5, info->citation != NULL ? info->citation : info->key, -1,
                     SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 6, info->licence);
  _tanlu_store_bind_text_or_null (stmt, 7, info->url);
  sqlite3_bind_int (stmt, 8, info->projection ? 1 : 0);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "add source");
      sqlite3_reset (stmt);
      return NULL;
    }

  source = tanlu_source_new (sqlite3_column_int64 (stmt, 0), info);
  sqlite3_reset (stmt);

  remember_source (self, source);
  self->registries_dirty = TRUE;

  return source;
}

/**
 * tanlu_store_lookup_source:
 * @key_or_title: a source key, or its Chinese or English title
 *
 * Returns: (transfer none) (nullable): the source
 */
TanluSource *
tanlu_store_lookup_source (TanluStore *self,
                           const char *key_or_title)
{
  GHashTableIter iter;
  TanluSource *source;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (key_or_title != NULL, NULL);

  if ((source = g_hash_table_lookup (self->sources_by_key, key_or_title)))
    return source;

  g_hash_table_iter_init (&iter, self->sources_by_key);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&source))
    {
      if (g_strcmp0 (tanlu_source_get_title_zh (source), key_or_title) == 0 ||
          g_strcmp0 (tanlu_source_get_title_en (source), key_or_title) == 0)
        return source;
    }

  return NULL;
}

/**
 * tanlu_store_get_source:
 *
 * Returns: (transfer none) (nullable): the source with @id
 */
TanluSource *
tanlu_store_get_source (TanluStore *self,
                        gint64      id)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->sources_by_id, &id);
}

static gint
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  gint64 ia = tanlu_source_get_id (*(TanluSource **)a);
  gint64 ib = tanlu_source_get_id (*(TanluSource **)b);

  return (ia > ib) - (ia < ib);
}

/**
 * tanlu_store_list_sources:
 *
 * Returns: (transfer container) (element-type TanluSource): all sources in
 *   the order they were added
 */
GPtrArray *
tanlu_store_list_sources (TanluStore *self)
{
  GPtrArray *sources;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  sources = hash_table_values (self->sources_by_id);
  g_ptr_array_sort (sources, compare_sources);

  return sources;
}

/**
 * tanlu_store_ensure_indicator:
 *
 * Adds the indicator, or updates the one with the same code.
 *
 * Returns: (transfer none) (nullable): the indicator
 */
TanluIndicator *
tanlu_store_ensure_indicator (TanluStore                *self,
                              const TanluIndicatorInfo  *info,
                              GError                   **error)
{
  g_autoptr(TanluIndicator) indicator = NULL;
  TanluIndicator *known;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL && info->code != NULL && info->unit != NULL, NULL);

  /* Importers call this for every file; skip the write when nothing changed. */
  known = g_hash_table_lookup (self->indicators_by_code, info->code);
  if (known != NULL &&
      g_strcmp0 (tanlu_indicator_get_name_zh (known), info->name_zh) == 0 &&
      g_strcmp0 (tanlu_indicator_get_name_en (known), info->name_en) == 0 &&
      g_strcmp0 (tanlu_indicator_get_unit (known), info->unit) == 0 &&
      g_strcmp0 (tanlu_indicator_get_category (known), info->category) == 0 &&
      g_strcmp0 (tanlu_indicator_get_family (known), info->family) == 0 &&
      tanlu_indicator_get_sort_order (known) == info->sort_order)
    return known;

  if (!(stmt = _tanlu_store_get_statement (self, STMT_UPSERT_INDICATOR, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, info->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->name_zh != NULL ? info->name_zh : info->code, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->name_en != NULL ? info->name_en : info->code, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, info->unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, info->category != NULL ? info->category : "user", -1,
                     SQLITE_TRANSIENT);
  _tanlu_store_bind_text_or_null (stmt, 6, info->family);
  sqlite3_bind_int (stmt, 7, info->sort_order);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "add indicator");
      sqlite3_reset (stmt);
      return NULL;
    }

  {
    TanluIndicatorInfo stored = *info;

    stored.name_zh = info->name_zh != NULL ? info->name_zh : info->code;
    stored.name_en = info->name_en != NULL ? info->name_en : info->code;
    stored.category = info->category != NULL ? info->category : "user";
    indicator = tanlu_indicator_new (sqlite3_column_int64 (stmt, 0), &stored);
  }
  sqlite3_reset (stmt);

  remember_indicator (self, indicator);
  self->registries_dirty = TRUE;

  return indicator;
}

/* A code is dot-separated words of lower-case ASCII letters, digits, "_"
 * and "-", each starting with a letter or digit: "gdp.sichuan-bureau". */
static gboolean
indicator_code_is_valid (const char *code)
{
  gboolean word_start = TRUE;
  gsize length = strlen (code);

  if (length == 0 || length > 64)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (word_start)
            return FALSE;
          word_start = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        word_start = FALSE;
      else if ((*p == '_' || *p == '-') && !word_start)
        ;
      else
        return FALSE;
    }

  return !word_start && g_ascii_islower (code[0]);
}

/* @text without spaces (ASCII or full-width) at either end. */
static char *
strip_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (start, end);

      if (previous == NULL || !g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

/**
 * tanlu_store_create_indicator:
 * @code: such as "gdp.sichuan-bureau": dot-separated words of lower-case
 *   ASCII letters, digits, "_" and "-"
 * @name_zh: the Chinese name, not empty
 * @name_en: the English name, not empty
 * @unit: the unit its values are stored in, not empty
 *
 * Adds an indicator a user defines (category "user"). When @code exists
 * already in the same unit, that indicator is returned and its names are
 * kept; in another unit, the code is refused: the table must be converted
 * to the stored unit or given another code.
 *
 * Returns: (transfer none) (nullable): the indicator
 */
TanluIndicator *
tanlu_store_create_indicator (TanluStore  *self,
                              const char  *code,
                              const char  *name_zh,
                              const char  *name_en,
                              const char  *unit,
                              GError     **error)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *stripped_unit = NULL;
  TanluIndicatorInfo info = { 0 };
  TanluIndicator *known;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL && name_zh != NULL && name_en != NULL && unit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (code, -1, NULL) || !indicator_code_is_valid (code))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%s” is not an indicator code: use words of lower-case letters, digits, "
                     "“_” and “-”, separated by dots, such as “gdp.sichuan-bureau”"),
                   g_utf8_validate (code, -1, NULL) ? code : "?");
      return NULL;
    }

  if (!g_utf8_validate (name_zh, -1, NULL) || !g_utf8_validate (name_en, -1, NULL) ||
      !g_utf8_validate (unit, -1, NULL))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The names and the unit of the indicator %s are not valid UTF-8"), code);
      return NULL;
    }

  zh = strip_spaces (name_zh);
  en = strip_spaces (name_en);
  stripped_unit = strip_spaces (unit);
  if (*zh == '\0' || *en == '\0')
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The indicator %s needs both a Chinese and an English name"), code);
      return NULL;
    }
  if (*stripped_unit == '\0')
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The indicator %s needs a unit"), code);
      return NULL;
    }

  if ((known = g_hash_table_lookup (self->indicators_by_code, code)) != NULL)
    {
      if (g_str_equal (tanlu_indicator_get_unit (known), stripped_unit))
        return known;

      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The indicator %s exists already in “%s”, not “%s”; convert the values to "
                     "“%s” or choose another code"),
                   code, tanlu_indicator_get_unit (known), stripped_unit,
                   tanlu_indicator_get_unit (known));
      return NULL;
    }

  info.code = code;
  info.name_zh = zh;
  info.name_en = en;
  info.unit = stripped_unit;
  info.category = "user";
  info.sort_order = 1000;

  return tanlu_store_ensure_indicator (self, &info, error);
}

/**
 * tanlu_store_lookup_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator with @code
 */
TanluIndicator *
tanlu_store_lookup_indicator (TanluStore *self,
                              const char *code)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->indicators_by_code, code);
}

static gint
compare_indicators (gconstpointer a,
                    gconstpointer b)
{
  TanluIndicator *ia = *(TanluIndicator **)a;
  TanluIndicator *ib = *(TanluIndicator **)b;
  int oa = tanlu_indicator_get_sort_order (ia);
  int ob = tanlu_indicator_get_sort_order (ib);

  if (oa != ob)
    return oa < ob ? -1 : 1;

  return strcmp (tanlu_indicator_get_code (ia), tanlu_indicator_get_code (ib));
}

/**
 * tanlu_store_list_indicators:
 *
 * Returns: (transfer container) (element-type TanluIndicator): all
 *   indicators in display order
 */
GPtrArray *
tanlu_store_list_indicators (TanluStore *self)
{
  GPtrArray *indicators;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  indicators = hash_table_values (self->indicators_by_id);
  g_ptr_array_sort (indicators, compare_indicators);

  return indicators;
}

/**
 * tanlu_store_add_region:
 * @parent_code: the parent's code, 0 for the nation
 *
 * Adds a region to the registry. The parent must already be there.
 */
gboolean
tanlu_store_add_region (TanluStore        *self,
                        guint              code,
                        TanluRegionLevel   level,
                        guint              parent_code,
                        const char        *name_zh,
                        const char        *name_en,
                        GError           **error)
{
  g_autoptr(TanluRegion) region = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (level != TANLU_REGION_LEVEL_GROUP, FALSE);
  g_return_val_if_fail (name_zh != NULL && name_en != NULL, FALSE);

  if (!TANLU_REGION_CODE_IS_VALID (code))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%u” is not a six-digit GB/T 2260 region code"), code);
      return FALSE;
    }

  if (parent_code != 0 &&
      !g_hash_table_contains (self->regions_by_code, GUINT_TO_POINTER (parent_code)))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("Region %u names the parent %u, which is not known"), code, parent_code);
      return FALSE;
    }

  if (!(stmt = _tanlu_store_get_statement (self, STMT_INSERT_REGION, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_text (stmt, 2, tanlu_region_level_to_string (level), -1, SQLITE_STATIC);
  if (parent_code != 0)
    sqlite3_bind_int (stmt, 3, parent_code);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, name_zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, name_en, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add region");
      g_prefix_error (error, _("Region %u: "), code);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  key = g_strdup_printf ("%u", code);
  region = tanlu_region_new (key, code, level, parent_code, name_zh, name_en);
  remember_region (self, region);
  self->registries_dirty = TRUE;

  return TRUE;
}

/**
 * tanlu_store_add_group:
 * @key: identifier of the group, such as "chengdu-chongqing"
 *
 * Adds a named group of regions. Every member must be a known region.
 */
gboolean
tanlu_store_add_group (TanluStore   *self,
                       const char   *key,
                       const char   *name_zh,
                       const char   *name_en,
                       const char   *description_zh,
                       const char   *description_en,
                       const guint  *member_codes,
                       guint         n_members,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) insert_group = NULL;
  g_autoptr(sqlite3_stmt) insert_member = NULL;
  g_autoptr(TanluRegion) group = NULL;
  gint64 group_id;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && name_zh != NULL && name_en != NULL, FALSE);

  if (g_ascii_isdigit (*key))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("The group key “%s” must not start with a digit, so it is never mistaken for "
                      "a region code"),
                   key);
      return FALSE;
    }

  for (guint i = 0; i < n_members; i++)
    {
      if (!g_hash_table_contains (self->regions_by_code, GUINT_TO_POINTER (member_codes[i])))
        {
          g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                       _("Group “%s” lists the region %u, which is not known"), key,
                       member_codes[i]);
          return FALSE;
        }
    }

  if (sqlite3_prepare_v2 (
        self->db,
        "INSERT INTO region_group (key, name_zh, name_en, description_zh, description_en)"
        " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
        -1, &insert_group, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "INSERT INTO region_group_member (group_id, region_code) VALUES (?1, ?2)",
                          -1, &insert_member, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add group");
      return FALSE;
    }

  sqlite3_bind_text (insert_group, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_group, 2, name_zh, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_group, 3, name_en, -1, SQLITE_STATIC);
  _tanlu_store_bind_text_or_null (insert_group, 4, description_zh);
  _tanlu_store_bind_text_or_null (insert_group, 5, description_en);

  if (sqlite3_step (insert_group) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "add group");
      return FALSE;
    }
  group_id = sqlite3_column_int64 (insert_group, 0);

  for (guint i = 0; i < n_members; i++)
    {
      sqlite3_reset (insert_member);
      sqlite3_bind_int64 (insert_member, 1, group_id);
      sqlite3_bind_int (insert_member, 2, member_codes[i]);
      if (sqlite3_step (insert_member) != SQLITE_DONE)
        {
          _tanlu_store_set_error (error, self->db, "add group member");
          return FALSE;
        }
    }

  group = tanlu_region_new (key, 0, TANLU_REGION_LEVEL_GROUP, 0, name_zh, name_en);
  tanlu_region_set_description (group, description_zh, description_en);
  tanlu_region_set_member_codes (group, member_codes, n_members);
  remember_region (self, group);
  self->registries_dirty = TRUE;

  return TRUE;
}

/**
 * tanlu_store_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with @code
 */
TanluRegion *
tanlu_store_lookup_region (TanluStore *self,
                           guint       code)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->regions_by_code, GUINT_TO_POINTER (code));
}

/**
 * tanlu_store_lookup_region_by_key:
 * @key: a region code as text, or a group key
 *
 * Returns: (transfer none) (nullable): the region or group
 */
TanluRegion *
tanlu_store_lookup_region_by_key (TanluStore *self,
                                  const char *key)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->regions_by_key, key);
}

/**
 * tanlu_store_get_regions:
 *
 * Returns: (transfer none): all regions and groups, ordered by level and
 *   code; it changes when regions are added
 */
GListModel *
tanlu_store_get_regions (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->regions);
}

/**
 * tanlu_store_list_regions_at_level:
 *
 * Returns: (transfer container) (element-type TanluRegion): the regions of
 *   @level, ordered by code
 */
GPtrArray *
tanlu_store_list_regions_at_level (TanluStore       *self,
                                   TanluRegionLevel  level)
{
  GPtrArray *regions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TanluRegion) region = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      if (tanlu_region_get_level (region) == level)
        g_ptr_array_add (regions, g_steal_pointer (&region));
    }

  return regions;
}

/**
 * tanlu_store_list_children:
 *
 * Returns: (transfer container) (element-type TanluRegion) (nullable): the
 *   regions whose parent is @parent_code, ordered by code
 */
GPtrArray *
tanlu_store_list_children (TanluStore  *self,
                           guint        parent_code,
                           GError     **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (!(stmt = _tanlu_store_get_statement (self, STMT_SELECT_CHILDREN, error)))
    return NULL;

  sqlite3_bind_int (stmt, 1, parent_code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluRegion *child = g_hash_table_lookup (self->regions_by_code,
                                                GUINT_TO_POINTER (sqlite3_column_int (stmt, 0)));

      if (child != NULL)
        g_ptr_array_add (children, g_object_ref (child));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "list children");
      return NULL;
    }

  return g_steal_pointer (&children);
}

/**
 * tanlu_store_delete_source:
 *
 * Deletes a source nothing refers to any more, such as one whose every
 * boundary was deleted.
 */
gboolean
tanlu_store_delete_source (TanluStore   *self,
                           TanluSource  *source,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TanluSource) kept = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);

  if (sqlite3_prepare_v2 (self->db, "DELETE FROM source WHERE id = ?1", -1, &stmt, NULL) !=
        SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, tanlu_source_get_id (source)) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "remove a source");
      return FALSE;
    }

  kept = g_object_ref (source);
  g_hash_table_remove (self->sources_by_id, &(gint64) { tanlu_source_get_id (source) });
  g_hash_table_remove (self->sources_by_key, tanlu_source_get_key (source));
  self->registries_dirty = TRUE;

  return TRUE;
}

/**
 * tanlu_store_set_region_details:
 * @full_name_zh: (nullable): the official name
 * @valid_from: the first year of the code, or 0 for before 1997
 * @valid_to: the last year of the code, or 0 for a current one
 */
gboolean
tanlu_store_set_region_details (TanluStore  *self,
                                guint        code,
                                const char  *full_name_zh,
                                guint        valid_from,
                                guint        valid_to,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TanluRegion *region;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (!(region = tanlu_store_lookup_region (self, code)))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("%u is not a known region code"), code);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE region SET full_name_zh = ?2, valid_from = nullif (?3, 0),"
                          " valid_to = nullif (?4, 0) WHERE code = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "set region details");
      return FALSE;
    }

  sqlite3_bind_int (stmt, 1, code);
  _tanlu_store_bind_text_or_null (stmt, 2, full_name_zh);
  sqlite3_bind_int (stmt, 3, valid_from);
  sqlite3_bind_int (stmt, 4, valid_to);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "set region details");
      return FALSE;
    }

  tanlu_region_set_validity (region, full_name_zh, valid_from, valid_to);
  self->registries_dirty = TRUE;
  return TRUE;
}

/**
 * tanlu_store_add_region_change:
 * @old_code: the unit before, or 0
 * @source: (nullable): where the change is documented
 */
gboolean
tanlu_store_add_region_change (TanluStore             *self,
                               guint                   old_code,
                               guint                   new_code,
                               guint                   year,
                               TanluRegionChangeKind   kind,
                               const char             *note,
                               const char             *source,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TanluRegionChange change = { old_code, new_code, year, kind, g_strdup (note) };

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO region_change (old_code, new_code, year, kind,"
                          " note, source) VALUES (nullif (?1, 0), ?2, ?3, ?4, ?5, ?6)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "add region change");
      g_free (change.note);
      return FALSE;
    }

  sqlite3_bind_int (stmt, 1, old_code);
  sqlite3_bind_int (stmt, 2, new_code);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, tanlu_region_change_kind_to_string (kind), -1, SQLITE_STATIC);
  _tanlu_store_bind_text_or_null (stmt, 5, note);
  _tanlu_store_bind_text_or_null (stmt, 6, source);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "add region change");
      g_free (change.note);
      return FALSE;
    }

  g_array_append_val (self->changes, change);
  self->registries_dirty = TRUE;
  return TRUE;
}

/**
 * tanlu_store_list_region_changes:
 * @code: changes of this unit, before or after, or 0 for all
 *
 * Returns: (transfer container) (element-type TanluRegionChange): the
 *   changes by year; the elements belong to the store
 */
GPtrArray *
tanlu_store_list_region_changes (TanluStore *self,
                                 guint       code)
{
  GPtrArray *list = g_ptr_array_new ();

  g_return_val_if_fail (TANLU_IS_STORE (self), list);

  for (guint i = 0; i < self->changes->len; i++)
    {
      TanluRegionChange *change = &g_array_index (self->changes, TanluRegionChange, i);

      if (code == 0 || change->old_code == code || change->new_code == code)
        g_ptr_array_add (list, change);
    }

  return list;
}

/**
 * tanlu_store_get_current_code:
 *
 * Returns: the code a unit has today, following its changes of code
 *   (542600 林芝地区 → 540400 林芝市); @code itself for a unit whose code did
 *   not change, or that ended (merged or split)
 */
guint
tanlu_store_get_current_code (TanluStore *self,
                              guint       code)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), code);

  for (guint step = 0; step < 16; step++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < self->changes->len && !moved; i++)
        {
          TanluRegionChange *change = &g_array_index (self->changes, TanluRegionChange, i);

          if (change->kind == TANLU_REGION_RENAMED_CODE && change->old_code == code)
            {
              code = change->new_code;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

  return code;
}

/**
 * tanlu_store_list_breaks:
 *
 * Returns: (transfer container) (element-type TanluRegionChange): the
 *   changes that changed @code's territory: units merged into it, split
 *   into it, or made from it; figures across one are not comparable
 */
GPtrArray *
tanlu_store_list_breaks (TanluStore *self,
                         guint       code)
{
  GPtrArray *breaks = g_ptr_array_new ();

  g_return_val_if_fail (TANLU_IS_STORE (self), breaks);

  for (guint i = 0; i < self->changes->len; i++)
    {
      TanluRegionChange *change = &g_array_index (self->changes, TanluRegionChange, i);
      guint old_province = change->old_code / 10000 * 10000;

      /* The municipalities' counties, a GB/T 2260 entry of their own
       * (110200 北京市县), folding into their districts' entry is no break:
       * their figures, in CEADs as in plans, are the whole municipality's. */
      if (change->kind == TANLU_REGION_MERGED && change->old_code % 10000 == 200 &&
          change->new_code == old_province + 100 &&
          (old_province == 110000 || old_province == 120000 || old_province == 310000 ||
           old_province == 500000))
        continue;

      if ((change->new_code == code &&
           (change->kind == TANLU_REGION_MERGED || change->kind == TANLU_REGION_SPLIT)) ||
          (change->old_code == code && change->kind == TANLU_REGION_CREATED))
        g_ptr_array_add (breaks, change);
    }

  return breaks;
}

/**
 * tanlu_store_set_neighbours:
 * @pairs: (array length=n_pairs): pairs of codes of regions that share a
 *   border, two codes a pair
 *
 * Replaces the regions known to share a border, as found from their
 * outlines (tanlu_neighbours_update()).
 */
gboolean
tanlu_store_set_neighbours (TanluStore   *self,
                            const guint  *pairs,
                            guint         n_pairs,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);

  if (!_tanlu_store_exec (self->db, "DELETE FROM region_neighbour", error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR IGNORE INTO region_neighbour (a, b) VALUES (?1, ?2)", -1,
                          &insert, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "store neighbours");
      return FALSE;
    }

  for (guint i = 0; i < n_pairs; i++)
    {
      guint a = pairs[2 * i];
      guint b = pairs[2 * i + 1];

      if (a == b || tanlu_store_lookup_region (self, a) == NULL ||
          tanlu_store_lookup_region (self, b) == NULL)
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int (insert, 1, MIN (a, b));
      sqlite3_bind_int (insert, 2, MAX (a, b));
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          _tanlu_store_set_error (error, self->db, "store neighbours");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * tanlu_store_list_neighbours:
 *
 * Returns: (transfer container) (element-type TanluRegion): the regions
 *   that share a border with @code, by code; they belong to the store
 */
GPtrArray *
tanlu_store_list_neighbours (TanluStore *self,
                             guint       code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *neighbours = g_ptr_array_new ();

  g_return_val_if_fail (TANLU_IS_STORE (self), neighbours);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT b FROM region_neighbour WHERE a = ?1"
                          " UNION SELECT a FROM region_neighbour WHERE b = ?1 ORDER BY 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return neighbours;

  sqlite3_bind_int (stmt, 1, code);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TanluRegion *region = tanlu_store_lookup_region (self, sqlite3_column_int (stmt, 0));

      if (region != NULL)
        g_ptr_array_add (neighbours, region);
    }

  return neighbours;
}

/**
 * tanlu_store_sync_registry:
 * @bundled_path: the bundled dataset
 *
 * Brings the registry of a database made by an earlier version up to the
 * bundled dataset's: the regions it lacks, official names and years of
 * validity, changes of code, neighbours. Observations are not touched.
 */
gboolean
tanlu_store_sync_registry (TanluStore  *self,
                           const char  *bundled_path,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) attach = NULL;
  gboolean ok;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (g_strcmp0 (bundled_path, self->path) == 0)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, "ATTACH DATABASE ?1 AS bundled", -1, &attach, NULL) !=
        SQLITE_OK ||
      sqlite3_bind_text (attach, 1, bundled_path, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
      sqlite3_step (attach) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "read the bundled registry");
      return FALSE;
    }

  ok = _tanlu_store_exec (
    self->db,
    "BEGIN IMMEDIATE;"
    "INSERT OR IGNORE INTO region (code, level, parent_code, name_zh, name_en, centroid_lon,"
    "  centroid_lat, full_name_zh, valid_from, valid_to)"
    "  SELECT code, level, parent_code, name_zh, name_en, centroid_lon, centroid_lat,"
    "  full_name_zh, valid_from, valid_to FROM bundled.region"
    "  ORDER BY CASE level WHEN 'nation' THEN 0 WHEN 'province' THEN 1 ELSE 2 END;"
    "UPDATE region SET name_zh = b.name_zh, name_en = b.name_en, full_name_zh = b.full_name_zh,"
    "  valid_from = b.valid_from, valid_to = b.valid_to"
    "  FROM bundled.region AS b WHERE b.code = region.code;"
    "INSERT OR IGNORE INTO region_change (old_code, new_code, year, kind, note, source)"
    "  SELECT old_code, new_code, year, kind, note, source FROM bundled.region_change;"
    "INSERT OR IGNORE INTO region_neighbour SELECT a, b FROM bundled.region_neighbour;"
    /* The target library as the bundled dataset has it now; plans of the
     * user's own are kept. */
    "DELETE FROM policy_target WHERE document_id IN (SELECT id FROM bundled.policy_document);"
    "INSERT OR REPLACE INTO policy_document (id, title_zh, issuer_zh, level, region_code, issued,"
    "  seed_file, seed_offset, note, place_code, place_name_zh)"
    "  SELECT id, title_zh, issuer_zh, level, region_code, issued, seed_file, seed_offset, note,"
    "  place_code, place_name_zh FROM bundled.policy_document;"
    "INSERT INTO policy_target (document_id, region_code, indicator, target_year, base_year,"
    "  value, qualifier, unit, quote, quote_offset, scope, note, context, context_offset)"
    "  SELECT document_id, region_code, indicator, target_year, base_year, value, qualifier,"
    "  unit, quote, quote_offset, scope, note, context, context_offset"
    "  FROM bundled.policy_target;"
    "INSERT OR REPLACE INTO joint_action SELECT * FROM bundled.joint_action;"
    "INSERT OR REPLACE INTO joint_task SELECT * FROM bundled.joint_task;"
    "DELETE FROM joint_site;"
    "INSERT INTO joint_site SELECT * FROM bundled.joint_site;"
    "COMMIT;",
    error);
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  sqlite3_exec (self->db, "DETACH DATABASE bundled;", NULL, NULL, NULL);

  return ok && _tanlu_store_reload_registries (self, error);
}
