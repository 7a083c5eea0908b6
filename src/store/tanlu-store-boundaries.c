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

  if (!(stmt = _tanlu_store_get_statement (self, STMT_UPDATE_CENTROID, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_double (stmt, 2, centroid_lon);
  sqlite3_bind_double (stmt, 3, centroid_lat);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "store centroid");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  tanlu_region_set_centroid (region, centroid_lon, centroid_lat);
  self->registries_dirty = TRUE;

  return TRUE;
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
