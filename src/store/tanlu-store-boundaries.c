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

/* Regions' boundaries, stored encoded with their extent. */

/**
 * tanlu_store_set_boundary:
 * @shape: the boundary, encoded by the geometry code
 * @extent: what it spans, for culling
 * @centroid_lon: the region's label point
 * @schematic: whether the boundary is a schematic (示意) outline rather than
 *   an officially approved one
 *
 * Stores a region's boundary as given, and records its label point.
 */
gboolean
tanlu_store_set_boundary (TanluStore         *self,
                          guint               code,
                          GBytes             *shape,
                          const TanluExtent  *extent,
                          double              centroid_lon,
                          double              centroid_lat,
                          TanluSource        *source,
                          gboolean            schematic,
                          GError            **error)
{
  TanluRegion *region;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (shape != NULL, FALSE);
  g_return_val_if_fail (extent != NULL, FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);

  region = g_hash_table_lookup (self->regions_by_code, GUINT_TO_POINTER (code));
  if (region == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no region with the code %u"), code);
      return FALSE;
    }

  if (!(stmt = _tanlu_store_get_statement (self, STMT_INSERT_BOUNDARY, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, tanlu_source_get_id (source));
  sqlite3_bind_int (stmt, 3, schematic ? 1 : 0);
  sqlite3_bind_double (stmt, 4, extent->min_lon);
  sqlite3_bind_double (stmt, 5, extent->min_lat);
  sqlite3_bind_double (stmt, 6, extent->max_lon);
  sqlite3_bind_double (stmt, 7, extent->max_lat);
  sqlite3_bind_blob (stmt, 8, g_bytes_get_data (shape, NULL), g_bytes_get_size (shape),
                     SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "store boundary");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return tanlu_store_set_region_centroid (self, code, centroid_lon, centroid_lat, error);
}

/**
 * tanlu_store_get_boundary:
 * @schematic: (out) (optional): whether the returned boundary is schematic
 *
 * Returns: (transfer full) (nullable): the region's encoded boundary,
 *   official if one was loaded; %NULL without error if it has none
 */
GBytes *
tanlu_store_get_boundary (TanluStore  *self,
                          guint        code,
                          gboolean    *schematic,
                          GError     **error)
{
  GBytes *shape;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (!(stmt = _tanlu_store_get_statement (self, STMT_SELECT_BOUNDARY, error)))
    return NULL;

  sqlite3_bind_int (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "read boundary");
      sqlite3_reset (stmt);
      return NULL;
    }

  shape = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (schematic != NULL)
    *schematic = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);

  return shape;
}

/**
 * tanlu_store_has_boundary:
 *
 * Returns: whether @code has an outline
 */
gboolean
tanlu_store_has_boundary (TanluStore *self,
                          guint       code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM region_boundary WHERE region_code = ?1 LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int (stmt, 1, code);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * tanlu_store_delete_boundaries_from:
 * @codes: (out) (optional) (element-type guint) (transfer full): the
 *   regions whose boundary from @source was deleted, in code order
 *
 * Deletes every boundary that came from @source; each region's other
 * boundaries stay.
 */
gboolean
tanlu_store_delete_boundaries_from (TanluStore   *self,
                                    TanluSource  *source,
                                    GArray      **codes,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) select_rows = NULL;
  g_autoptr(sqlite3_stmt) delete_rows = NULL;
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (guint));
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT region_code FROM region_boundary WHERE source_id = ?1"
                          " ORDER BY region_code",
                          -1, &select_rows, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "DELETE FROM region_boundary WHERE source_id = ?1", -1,
                          &delete_rows, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "remove boundaries");
      return FALSE;
    }

  sqlite3_bind_int64 (select_rows, 1, tanlu_source_get_id (source));
  while ((rc = sqlite3_step (select_rows)) == SQLITE_ROW)
    {
      guint code = sqlite3_column_int (select_rows, 0);

      g_array_append_val (deleted, code);
    }

  sqlite3_bind_int64 (delete_rows, 1, tanlu_source_get_id (source));
  if (rc != SQLITE_DONE || sqlite3_step (delete_rows) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "remove boundaries");
      return FALSE;
    }

  if (codes != NULL)
    *codes = g_steal_pointer (&deleted);

  return TRUE;
}

/**
 * tanlu_store_set_region_centroid:
 *
 * Moves a region's label point. A transaction rolled back puts it back.
 */
gboolean
tanlu_store_set_region_centroid (TanluStore  *self,
                                 guint        code,
                                 double       longitude,
                                 double       latitude,
                                 GError     **error)
{
  TanluRegion *region;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  region = g_hash_table_lookup (self->regions_by_code, GUINT_TO_POINTER (code));
  if (region == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no region with the code %u"), code);
      return FALSE;
    }

  if (!(stmt = _tanlu_store_get_statement (self, STMT_UPDATE_CENTROID, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_double (stmt, 2, longitude);
  sqlite3_bind_double (stmt, 3, latitude);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "store centroid");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  tanlu_region_set_centroid (region, longitude, latitude);
  self->registries_dirty = TRUE;

  return TRUE;
}

/**
 * tanlu_store_has_official_boundaries:
 *
 * Asks the database rather than the registry in memory, since imports run
 * through a connection of their own.
 *
 * Returns: whether any region has a boundary that is not schematic
 */
gboolean
tanlu_store_has_official_boundaries (TanluStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "SELECT EXISTS (SELECT 1 FROM region_boundary WHERE schematic = 0)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}
