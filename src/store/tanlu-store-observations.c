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

/* Observations: storing them, series, cross-sections and counts, and
 * the import log with its revisions. */

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * tanlu_store_put_observation:
 *
 * Adds a value, or replaces the value already stored for the same region,
 * indicator and year; a replaced value is kept in the revision table.
 */
gboolean
tanlu_store_put_observation (TanluStore      *self,
                             TanluRegion     *region,
                             TanluIndicator  *indicator,
                             guint            year,
                             double           value,
                             TanluSource     *source,
                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANLU_IS_REGION (region), FALSE);
  g_return_val_if_fail (tanlu_region_get_code (region) != 0, FALSE);
  g_return_val_if_fail (TANLU_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);

  if (!(stmt = _tanlu_store_get_statement (self, STMT_INSERT_OBSERVATION, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, tanlu_indicator_get_id (indicator));
  sqlite3_bind_int (stmt, 2, tanlu_region_get_code (region));
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_double (stmt, 4, value);
  sqlite3_bind_int64 (stmt, 5, tanlu_source_get_id (source));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "store observation");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static int
compare_pending_values (gconstpointer a,
                        gconstpointer b)
{
  const TanluPendingValue *va = a;
  const TanluPendingValue *vb = b;

  if (va->indicator_id != vb->indicator_id)
    return va->indicator_id < vb->indicator_id ? -1 : 1;
  if (va->region_code != vb->region_code)
    return va->region_code < vb->region_code ? -1 : 1;
  if (va->year != vb->year)
    return va->year < vb->year ? -1 : 1;

  return (va->origin > vb->origin) - (va->origin < vb->origin);
}

/**
 * tanlu_pending_values_sort:
 * @values: (element-type TanluPendingValue): values read from one file
 *
 * Sorts @values into the order of the observation table's key, and, for
 * the same key, in the order they were read.
 */
void
tanlu_pending_values_sort (GArray *values)
{
  g_return_if_fail (values != NULL);

  g_array_sort (values, compare_pending_values);
}

/**
 * tanlu_pending_values_find_repeat:
 * @values: (element-type TanluPendingValue): values sorted by
 *   tanlu_pending_values_sort()
 *
 * Returns: (nullable): the first value that repeats the region, indicator
 *   and year of the one before it, or %NULL
 */
const TanluPendingValue *
tanlu_pending_values_find_repeat (GArray *values)
{
  g_return_val_if_fail (values != NULL, NULL);

  for (guint i = 1; i < values->len; i++)
    {
      const TanluPendingValue *previous = &g_array_index (values, TanluPendingValue, i - 1);
      const TanluPendingValue *current = &g_array_index (values, TanluPendingValue, i);

      if (previous->indicator_id == current->indicator_id &&
          previous->region_code == current->region_code &&
          previous->year == current->year)
        return current;
    }

  return NULL;
}

/**
 * tanlu_store_put_pending_values:
 * @values: (element-type TanluPendingValue): values sorted by
 *   tanlu_pending_values_sort(), with ids from this store's registries
 *
 * Stores @values as tanlu_store_put_observation() would, in key order, so
 * the table grows at its ends instead of splitting pages all over.
 */
gboolean
tanlu_store_put_pending_values (TanluStore  *self,
                                GArray      *values,
                                GError     **error)
{
  sqlite3_stmt *add;
  sqlite3_stmt *upsert;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (tanlu_store_in_transaction (self), FALSE);

  g_clear_pointer (&self->codes_with_data, g_hash_table_unref);
  if (!(add = _tanlu_store_get_statement (self, STMT_ADD_OBSERVATION, error)) ||
      !(upsert = _tanlu_store_get_statement (self, STMT_INSERT_OBSERVATION, error)))
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      const TanluPendingValue *value = &g_array_index (values, TanluPendingValue, i);
      sqlite3_stmt *stmt = add;

      for (;;)
        {
          sqlite3_bind_int64 (stmt, 1, value->indicator_id);
          sqlite3_bind_int (stmt, 2, value->region_code);
          sqlite3_bind_int (stmt, 3, value->year);
          sqlite3_bind_double (stmt, 4, value->value);
          sqlite3_bind_int64 (stmt, 5, value->source_id);
          _tanlu_store_bind_text_or_null (stmt, 6, value->origin_text);
          sqlite3_bind_int (stmt, 7, value->source_code);
          sqlite3_bind_int64 (stmt, 8, self->import_id);

          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              _tanlu_store_set_error (error, self->db, "store observation");
              sqlite3_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);

          if (stmt == upsert || sqlite3_changes (self->db) > 0)
            break;
          stmt = upsert;
        }
    }

  return TRUE;
}

static int
compare_series_points (gconstpointer a,
                       gconstpointer b)
{
  const TanluSeriesPoint *pa = a;
  const TanluSeriesPoint *pb = b;

  return (pa->year > pb->year) - (pa->year < pb->year);
}

/**
 * tanlu_store_get_series:
 *
 * Returns: (transfer full) (element-type TanluSeriesPoint) (nullable): the
 *   values of one indicator for one region, by year; empty if there are none
 */
GArray *
tanlu_store_get_series (TanluStore  *self,
                        guint        region_code,
                        const char  *indicator_code,
                        GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  TanluIndicator *indicator;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (indicator_code != NULL, NULL);

  indicator = g_hash_table_lookup (self->indicators_by_code, indicator_code);
  if (indicator == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no indicator “%s”"), indicator_code);
      return NULL;
    }

  if (!(stmt = _tanlu_store_get_statement (self, STMT_SELECT_SERIES, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tanlu_indicator_get_id (indicator));
  sqlite3_bind_int (stmt, 2, region_code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluSeriesPoint point = {
        .year = sqlite3_column_int (stmt, 0),
        .value = sqlite3_column_double (stmt, 1),
        .source_id = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "read series");
      return NULL;
    }

  return g_steal_pointer (&points);
}

/**
 * tanlu_store_get_region_series:
 * @region: a region, or a group
 * @members_without_data: (out) (optional) (transfer container) (element-type TanluRegion):
 *   for a group, the members with no value at all for the indicator
 *
 * Like tanlu_store_get_series(), for any region. A group's values are the
 * sums of its members' values, for the years in which every member has
 * one: a sum over the members that happen to have figures would pass a
 * part for the whole.
 *
 * Returns: (transfer full) (element-type TanluSeriesPoint) (nullable): the
 *   series; a group's points have source 0
 */
GArray *
tanlu_store_get_region_series (TanluStore   *self,
                               TanluRegion  *region,
                               const char   *indicator_code,
                               GPtrArray   **members_without_data,
                               GError      **error)
{
  g_autoptr(GArray) sums = NULL;
  g_autoptr(GHashTable) by_year = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  const guint *members;
  guint n_members;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  if (members_without_data != NULL)
    *members_without_data = NULL;

  if (tanlu_region_get_level (region) != TANLU_REGION_LEVEL_GROUP)
    return tanlu_store_get_series (self, tanlu_region_get_code (region), indicator_code, error);

  members = tanlu_region_get_member_codes (region, &n_members);
  by_year = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  missing = g_ptr_array_new ();

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GArray) series = tanlu_store_get_series (self, members[i], indicator_code, error);

      if (series == NULL)
        return NULL;

      if (series->len == 0)
        g_ptr_array_add (missing, tanlu_store_lookup_region (self, members[i]));

      for (guint k = 0; k < series->len; k++)
        {
          const TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, k);
          TanluSeriesPoint *sum = g_hash_table_lookup (by_year, GUINT_TO_POINTER (point->year));

          if (sum == NULL)
            {
              sum = g_new0 (TanluSeriesPoint, 1);
              sum->year = point->year;
              g_hash_table_insert (by_year, GUINT_TO_POINTER (point->year), sum);
            }

          sum->value += point->value;
          sum->source_id++;   /* counts members until the end */
        }
    }

  sums = g_array_new (FALSE, FALSE, sizeof (TanluSeriesPoint));
  {
    GHashTableIter iter;
    TanluSeriesPoint *sum;

    g_hash_table_iter_init (&iter, by_year);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&sum))
      {
        if (sum->source_id == n_members)
          {
            TanluSeriesPoint complete = { sum->year, sum->value, 0 };

            g_array_append_val (sums, complete);
          }
      }
  }
  g_array_sort (sums, compare_series_points);

  if (members_without_data != NULL)
    *members_without_data = g_steal_pointer (&missing);

  return g_steal_pointer (&sums);
}

/**
 * tanlu_store_get_level_values:
 *
 * Returns: (transfer full) (element-type TanluRegionValue) (nullable): the
 *   value of one indicator in one year for every region of @level that has
 *   one, ordered by code
 */
GArray *
tanlu_store_get_level_values (TanluStore        *self,
                              TanluRegionLevel   level,
                              const char        *indicator_code,
                              guint              year,
                              GError           **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (TanluRegionValue));
  TanluIndicator *indicator;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (level != TANLU_REGION_LEVEL_GROUP, NULL);
  g_return_val_if_fail (indicator_code != NULL, NULL);

  indicator = g_hash_table_lookup (self->indicators_by_code, indicator_code);
  if (indicator == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no indicator “%s”"), indicator_code);
      return NULL;
    }

  if (!(stmt = _tanlu_store_get_statement (self, STMT_SELECT_LEVEL_VALUES, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tanlu_indicator_get_id (indicator));
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_text (stmt, 3, tanlu_region_level_to_string (level), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TanluRegionValue value = {
        .code = sqlite3_column_int (stmt, 0),
        .value = sqlite3_column_double (stmt, 1),
        .source_id = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (values, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "read cross-section");
      return NULL;
    }

  return g_steal_pointer (&values);
}

static gboolean
append_observation (TanluRegion                   *region,
                    TanluIndicator                *indicator,
                    guint                          year,
                    double                         value,
                    TanluSource                   *source,
                    const TanluObservationDetails *details,
                    gpointer                       user_data)
{
  tanlu_observation_list_append_with_details (user_data, region, indicator, year, value, source,
                                              details);

  return TRUE;
}

/**
 * tanlu_store_list_observations:
 * @region: a region, or a group for the observations of all its members
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TanluObservation,
 *   by region, indicator and year
 */
GListModel *
tanlu_store_list_observations (TanluStore   *self,
                               TanluRegion  *region,
                               GError      **error)
{
  g_autoptr(TanluObservationList) observations = tanlu_observation_list_new ();

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      const guint *members;
      guint n_members;

      members = tanlu_region_get_member_codes (region, &n_members);
      for (guint i = 0; i < n_members; i++)
        {
          TanluRegion *member = tanlu_store_lookup_region (self, members[i]);

          if (member != NULL &&
              !tanlu_store_foreach_observation (self, FALSE, TANLU_REGION_LEVEL_NATION,
                                                members[i], NULL, append_observation,
                                                observations, error))
            return NULL;
        }
    }
  else if (!tanlu_store_foreach_observation (self, FALSE, TANLU_REGION_LEVEL_NATION,
                                             tanlu_region_get_code (region), NULL,
                                             append_observation, observations, error))
    return NULL;

  tanlu_observation_list_sort (observations);

  return G_LIST_MODEL (g_steal_pointer (&observations));
}

/**
 * tanlu_store_foreach_observation:
 * @filter_level: whether to keep only regions of @level
 * @region_code: a region to keep, or 0 for all
 * @indicator_code: (nullable): an indicator to keep, or %NULL for all
 *
 * Calls @func for each matching observation, ordered by region, indicator
 * and year, without building them all in memory.
 */
gboolean
tanlu_store_foreach_observation (TanluStore            *self,
                                 gboolean               filter_level,
                                 TanluRegionLevel       level,
                                 guint                  region_code,
                                 const char            *indicator_code,
                                 TanluObservationFunc   func,
                                 gpointer               user_data,
                                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT o.region_code, o.indicator_id, o.year, o.value, o.source_id,"
                          " o.origin, coalesce (o.source_code, 0), l.finished_at, l.path"
                          " FROM observation o"
                          " JOIN region r ON r.code = o.region_code"
                          " JOIN indicator i ON i.id = o.indicator_id"
                          " LEFT JOIN import_log l ON l.id = o.import_id"
                          " WHERE (?1 IS NULL OR r.level = ?1)"
                          "   AND (?2 IS NULL OR o.region_code = ?2)"
                          "   AND (?3 IS NULL OR i.code = ?3)"
                          " ORDER BY o.region_code, i.sort_order, i.code, o.year",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "export");
      return FALSE;
    }

  if (filter_level)
    sqlite3_bind_text (stmt, 1, tanlu_region_level_to_string (level), -1, SQLITE_STATIC);
  if (region_code != 0)
    sqlite3_bind_int (stmt, 2, region_code);
  if (indicator_code != NULL)
    sqlite3_bind_text (stmt, 3, indicator_code, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 indicator_id = sqlite3_column_int64 (stmt, 1);
      gint64 source_id = sqlite3_column_int64 (stmt, 4);
      TanluRegion *region = tanlu_store_lookup_region (self, sqlite3_column_int (stmt, 0));
      TanluIndicator *indicator = g_hash_table_lookup (self->indicators_by_id, &indicator_id);
      TanluSource *source = g_hash_table_lookup (self->sources_by_id, &source_id);
      TanluObservationDetails details = {
        .origin = _tanlu_store_column_text (stmt, 5),
        .source_code = sqlite3_column_int (stmt, 6),
        .imported_at = _tanlu_store_column_text (stmt, 7),
        .import_path = _tanlu_store_column_text (stmt, 8),
      };

      if (region == NULL || indicator == NULL || source == NULL)
        continue;

      if (!func (region, indicator, sqlite3_column_int (stmt, 2), sqlite3_column_double (stmt, 3),
                 source, &details, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "export");
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_uint (TanluStore  *self,
            const char  *sql,
            guint       *result,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, sql);
      return FALSE;
    }

  *result = sqlite3_column_int (stmt, 0);

  return TRUE;
}

gboolean
tanlu_store_get_counts (TanluStore        *self,
                        TanluStoreCounts  *counts,
                        GError           **error)
{
  guint n_items;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TanluRegion) region = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      if (tanlu_region_is_current (region))
        counts->n_regions[tanlu_region_get_level (region)]++;
      else
        counts->n_former_regions++;
    }

  return query_uint (self, "SELECT count(*) FROM indicator", &counts->n_indicators, error) &&
         query_uint (self, "SELECT count(*) FROM observation", &counts->n_observations, error) &&
         query_uint (self, "SELECT count(*) FROM source", &counts->n_sources, error) &&
         query_uint (self, "SELECT count(*) FROM region_boundary", &counts->n_boundaries, error) &&
         query_uint (self,
                     "SELECT coalesce(min(year), 0) FROM observation o JOIN source s"
                     " ON s.id = o.source_id WHERE NOT s.projection",
                     &counts->first_year, error) &&
         query_uint (self,
                     "SELECT coalesce(max(year), 0) FROM observation o JOIN source s"
                     " ON s.id = o.source_id WHERE NOT s.projection",
                     &counts->last_year, error) &&
         query_uint (self,
                     "SELECT count(*) FROM observation o JOIN source s"
                     " ON s.id = o.source_id WHERE s.projection",
                     &counts->n_projected, error) &&
         query_uint (self,
                     "SELECT coalesce(max(year), 0) FROM observation o JOIN source s"
                     " ON s.id = o.source_id WHERE s.projection",
                     &counts->last_projected_year, error);
}

guint
tanlu_store_count_observations (TanluStore  *self,
                                GError     **error)
{
  guint count = 0;

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);

  query_uint (self, "SELECT count(*) FROM observation", &count, error);

  return count;
}

guint
tanlu_store_count_revisions (TanluStore  *self,
                             GError     **error)
{
  guint count = 0;

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);

  query_uint (self, "SELECT count(*) FROM observation_revision", &count, error);

  return count;
}

/**
 * tanlu_store_log_import_start:
 *
 * Records an import inside the current transaction; values it replaces are
 * attributed to it.
 *
 * Returns: the import's id, or 0 on error
 */
gint64
tanlu_store_log_import_start (TanluStore       *self,
                              const char       *path,
                              TanluImportKind   kind,
                              GError          **error)
{
  static const char * const kind_names[] = {
    [TANLU_IMPORT_KIND_UNKNOWN] = "unknown",
    [TANLU_IMPORT_KIND_CEADS_PROVINCES] = "ceads-provinces",
    [TANLU_IMPORT_KIND_CEADS_CITIES] = "ceads-cities",
    [TANLU_IMPORT_KIND_CEADS_NATION] = "ceads-nation",
    [TANLU_IMPORT_KIND_OBSERVATIONS_CSV] = "observations-csv",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = timestamp_now ();

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), 0);

  if (sqlite3_prepare_v2 (
        self->db,
        "INSERT INTO import_log (path, kind, started_at) VALUES (?1, ?2, ?3) RETURNING id", -1,
        &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return 0;
    }

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return 0;
    }

  /* The figures stored until the import ends say they came with it. */
  self->import_id = sqlite3_column_int64 (stmt, 0);
  return self->import_id;
}

gboolean
tanlu_store_log_import_end (TanluStore  *self,
                            gint64       import_id,
                            guint        n_observations,
                            guint        n_replaced,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = timestamp_now ();

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (
        self->db,
        "UPDATE import_log SET finished_at = ?2, n_observations = ?3, n_replaced = ?4"
        " WHERE id = ?1",
        -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, import_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, n_observations);
  sqlite3_bind_int (stmt, 4, n_replaced);
  self->import_id = 0;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Incomplete region-years                                                  */

/* A region-year as one key: GB/T 2260 codes are six digits (< 2^20) and
 * years lie well within 1900–2155, so both fit 28 bits. Other years are
 * never flagged. */
static gpointer
region_year_key (guint code,
                 guint year)
{
  if (year < 1900 || year > 2155)
    return NULL;

  return GUINT_TO_POINTER ((code << 8) | (year - 1900));
}

static GHashTable *
incomplete_flags (TanluStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->incomplete != NULL)
    return self->incomplete;

  self->incomplete = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT region_code, year, note FROM region_year_flag"
                          " WHERE flag = 'incomplete'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return self->incomplete;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gpointer key = region_year_key (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));

      if (key != NULL)
        g_hash_table_insert (self->incomplete, key,
                             g_strdup (_tanlu_store_column_text (stmt, 2)));
    }

  return self->incomplete;
}

/**
 * tanlu_store_set_incomplete:
 * @note: why, and where that shows in the source
 *
 * Marks a region's figures for @year as incomplete: they are kept and
 * shown, flagged, and left out of ranks and growth figures.
 */
gboolean
tanlu_store_set_incomplete (TanluStore  *self,
                            guint        code,
                            guint        year,
                            const char  *note,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (region_year_key (code, year) != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT OR REPLACE INTO region_year_flag (region_code, year, flag, note)"
                          " VALUES (?1, ?2, 'incomplete', ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "flag a region-year");
      return FALSE;
    }

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_int (stmt, 2, year);
  _tanlu_store_bind_text_or_null (stmt, 3, note);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "flag a region-year");
      return FALSE;
    }

  g_hash_table_insert (incomplete_flags (self), region_year_key (code, year),
                       g_strdup (note != NULL ? note : ""));
  self->registries_dirty = TRUE;
  return TRUE;
}

/**
 * tanlu_store_get_incomplete:
 *
 * Returns: (nullable): why the region's figures for @year are incomplete,
 *   or %NULL when they are not known to be
 */
const char *
tanlu_store_get_incomplete (TanluStore *self,
                            guint       code,
                            guint       year)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return g_hash_table_lookup (incomplete_flags (self), region_year_key (code, year));
}

/**
 * tanlu_origin_describe:
 * @origin: a figure's provenance as stored: "FILE#SHEET!CELL" for a cell
 *   of a workbook, "FILE:LINE" or "line LINE" for a line of a table
 *
 * Returns: (transfer full): the same for people, such as
 *   "Emission_Inventories_for_30_Provinces_2019.xlsx, sheet Sichuan2019, cell W4"
 */
char *
tanlu_origin_describe (const char *origin,
                       gboolean    chinese)
{
  const char *hash, *bang, *colon;

  if (origin == NULL || *origin == '\0')
    return g_strdup (chinese ? "来源位置未记录" : "where in its file is not recorded");

  hash = strchr (origin, '#');
  bang = hash != NULL ? strrchr (hash, '!') : NULL;
  if (hash != NULL && bang != NULL)
    return chinese ? g_strdup_printf ("%.*s，工作表 %.*s，单元格 %s", (int) (hash - origin), origin,
                                      (int) (bang - hash - 1), hash + 1, bang + 1)
                   : g_strdup_printf ("%.*s, sheet %.*s, cell %s", (int) (hash - origin), origin,
                                      (int) (bang - hash - 1), hash + 1, bang + 1);

  if (g_str_has_prefix (origin, "line "))
    return chinese ? g_strdup_printf ("第 %s 行", origin + 5) : g_strdup (origin);

  colon = strrchr (origin, ':');
  if (colon != NULL)
    return chinese ? g_strdup_printf ("%.*s，第 %s 行", (int) (colon - origin), origin, colon + 1)
                   : g_strdup_printf ("%.*s, line %s", (int) (colon - origin), origin, colon + 1);

  return g_strdup (origin);
}

/**
 * tanlu_store_has_observations:
 *
 * Returns: whether the database holds any figure for the region
 */
gboolean
tanlu_store_has_observations (TanluStore *self,
                              guint       code)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (self->codes_with_data == NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      self->codes_with_data = g_hash_table_new (NULL, NULL);
      if (sqlite3_prepare_v2 (self->db, "SELECT DISTINCT region_code FROM observation", -1, &stmt,
                              NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_hash_table_add (self->codes_with_data, GUINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
    }

  return g_hash_table_contains (self->codes_with_data, GUINT_TO_POINTER (code));
}
