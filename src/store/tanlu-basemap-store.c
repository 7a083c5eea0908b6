/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-basemap-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-basemap-store.h"
#include "tanlu-store-private.h"
#include "tanlu-store.h"

#include <math.h>
#include <string.h>

/* The offline basemap drawn under the regions: land, lakes, coastlines,
 * country borders and rivers, in the basemap_feature table.
 *
 * Lines are kept in TanluGeometry too, so that they share its compact
 * encoding: each line is a polygon of one ring. A ring is always closed
 * (tanlu_geometry_add_ring() repeats the first point of an open one), so a
 * line's ring carries one point more than the line, its last, which is not
 * part of the line. tanlu_basemap_add_line() and
 * tanlu_basemap_line_get_n_points() keep that convention in one place. */

static const char * const polygon_kinds[] = { "land", "lake" };
static const char * const line_kinds[] = { "coastline", "border", "river" };

static gboolean
validate_lines (TanluGeometry  *geometry,
                GError        **error)
{
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  guint n_rings = tanlu_geometry_get_n_rings (geometry);

  if (n_rings == 0)
    {
      g_set_error_literal (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_EMPTY,
                           _("The geometry is empty"));
      return FALSE;
    }

  for (guint r = 0; r < n_rings; r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);

      /* Two points of the line, and the one that closed its ring. */
      if (ring->n_points < 3)
        {
          g_set_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_RING_TOO_SHORT,
                       _("Line %u has %u points; a line needs at least 2"),
                       r + 1, tanlu_basemap_line_get_n_points (ring));
          return FALSE;
        }

      for (guint i = 0; i < ring->n_points; i++)
        {
          double lon = points[2 * (ring->first_point + i)];
          double lat = points[2 * (ring->first_point + i) + 1];

          if (!isfinite (lon) || !isfinite (lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90)
            {
              g_set_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_OUT_OF_RANGE,
                           _("Line %u, point %u (%g, %g) is outside longitude ±180° and latitude ±90°"),
                           r + 1, i + 1, lon, lat);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * tanlu_basemap_kind_is_valid:
 *
 * Returns: whether @kind is one of the kinds the basemap draws
 */
gboolean
tanlu_basemap_kind_is_valid (const char *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (polygon_kinds); i++)
    if (g_str_equal (kind, polygon_kinds[i]))
      return TRUE;

  return tanlu_basemap_kind_is_line (kind);
}

/**
 * tanlu_basemap_kind_is_line:
 *
 * Returns: whether features of @kind are lines (coastlines, borders,
 *   rivers) rather than polygons
 */
gboolean
tanlu_basemap_kind_is_line (const char *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (line_kinds); i++)
    if (g_str_equal (kind, line_kinds[i]))
      return TRUE;

  return FALSE;
}

/**
 * tanlu_basemap_add_line:
 * @lonlat: (array): @n_points longitude, latitude pairs, at least two
 *
 * Adds a line to @geometry as a polygon of its own, with one point more
 * than the line, which tanlu_basemap_line_get_n_points() leaves out again.
 */
void
tanlu_basemap_add_line (TanluGeometry *geometry,
                        const double  *lonlat,
                        guint          n_points)
{
  g_autofree double *closed = NULL;

  g_return_if_fail (geometry != NULL);
  g_return_if_fail (lonlat != NULL);
  g_return_if_fail (n_points >= 2);

  tanlu_geometry_begin_polygon (geometry);

  if (lonlat[0] != lonlat[2 * n_points - 2] || lonlat[1] != lonlat[2 * n_points - 1])
    {
      /* An open line: tanlu_geometry_add_ring() appends the extra point. */
      tanlu_geometry_add_ring (geometry, lonlat, n_points);
      return;
    }

  /* A closed line, such as an island's coast: its last point belongs to the
   * line, so repeat it to give the ring its extra point. */
  closed = g_new (double, 2 * (n_points + 1));
  memcpy (closed, lonlat, 2 * n_points * sizeof (double));
  closed[2 * n_points] = lonlat[0];
  closed[2 * n_points + 1] = lonlat[1];
  tanlu_geometry_add_ring (geometry, closed, n_points + 1);
}

/**
 * tanlu_basemap_line_get_n_points:
 * @ring: a ring of a line feature's geometry
 *
 * Returns: the number of points of the line stored in @ring, from its
 *   first point on
 */
guint
tanlu_basemap_line_get_n_points (const TanluRing *ring)
{
  g_return_val_if_fail (ring != NULL, 0);

  return ring->n_points > 0 ? ring->n_points - 1 : 0;
}

/**
 * tanlu_store_add_basemap_feature:
 * @kind: "land", "lake", "coastline", "border" or "river"
 * @detail: below %TANLU_BASEMAP_N_DETAILS
 * @geometry: polygons for land and lakes; lines built with
 *   tanlu_basemap_add_line() for the other kinds
 *
 * Stores a basemap feature with its bounding box, for culling.
 */
gboolean
tanlu_store_add_basemap_feature (TanluStore     *store,
                                 const char     *kind,
                                 guint           detail,
                                 TanluSource    *source,
                                 TanluGeometry  *geometry,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) encoded = NULL;
  sqlite3 *db;
  double min_lon, min_lat, max_lon, max_lat;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (!tanlu_basemap_kind_is_valid (kind) || detail >= TANLU_BASEMAP_N_DETAILS)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%s” at detail %u is not a kind of basemap feature"), kind, detail);
      return FALSE;
    }

  /* tanlu_geometry_validate() wants closed rings of three corners or more,
   * which lines need not have. */
  if (tanlu_basemap_kind_is_line (kind) ? !validate_lines (geometry, error)
                                        : !tanlu_geometry_validate (geometry, error))
    {
      g_prefix_error (error, _("Basemap %s feature: "), kind);
      return FALSE;
    }

  db = _tanlu_store_get_db (store);

  /* Prepared per call: the store's statement cache is private to
   * tanlu-store.c, and a build adds only a few hundred features. */
  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO basemap_feature (kind, detail, source_id, min_lon, min_lat, max_lon, max_lat, geometry)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, db, "prepare basemap insert");
      return FALSE;
    }

  encoded = tanlu_geometry_encode (geometry);
  tanlu_geometry_get_bounds (geometry, &min_lon, &min_lat, &max_lon, &max_lat);

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, detail);
  sqlite3_bind_int64 (stmt, 3, tanlu_source_get_id (source));
  sqlite3_bind_double (stmt, 4, min_lon);
  sqlite3_bind_double (stmt, 5, min_lat);
  sqlite3_bind_double (stmt, 6, max_lon);
  sqlite3_bind_double (stmt, 7, max_lat);
  sqlite3_bind_blob (stmt, 8, g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, db, "store basemap feature");
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_store_foreach_basemap_feature:
 * @detail: which detail to read, below %TANLU_BASEMAP_N_DETAILS
 *
 * Calls @func for each basemap feature of @detail, in the order they were
 * added, until it returns %FALSE.
 */
gboolean
tanlu_store_foreach_basemap_feature (TanluStore               *store,
                                     guint                     detail,
                                     TanluBasemapFeatureFunc   func,
                                     gpointer                  user_data,
                                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  db = _tanlu_store_get_db (store);

  if (sqlite3_prepare_v2 (db,
                          "SELECT kind, min_lon, min_lat, max_lon, max_lat, geometry"
                          " FROM basemap_feature WHERE detail = ?1 ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, db, "prepare basemap query");
      return FALSE;
    }

  sqlite3_bind_int (stmt, 1, detail);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TanluGeometry) geometry = NULL;
      const char *kind = (const char *)sqlite3_column_text (stmt, 0);

      if (!(geometry = tanlu_geometry_decode (sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5), error)))
        return FALSE;

      if (!func (kind != NULL ? kind : "", detail,
                 sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2),
                 sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
                 geometry, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, db, "read basemap features");
      return FALSE;
    }

  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
copy_basemap (TanluStore  *store,
              sqlite3     *bundled,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) source_stmt = NULL;
  g_autoptr(sqlite3_stmt) features = NULL;
  g_autofree char *key = NULL, *title_zh = NULL, *title_en = NULL, *publisher = NULL;
  g_autofree char *citation = NULL, *licence = NULL, *url = NULL;
  TanluSourceInfo info = { 0 };
  TanluSource *source;
  int rc;

  if (sqlite3_prepare_v2 (bundled,
                          "SELECT s.key, s.title_zh, s.title_en, s.publisher, s.citation, s.licence, s.url"
                          " FROM source s WHERE s.id = (SELECT source_id FROM basemap_feature LIMIT 1)",
                          -1, &source_stmt, NULL) != SQLITE_OK ||
      sqlite3_step (source_stmt) != SQLITE_ROW)
    return TRUE;   /* nothing to copy */

  info.key = key = column_text (source_stmt, 0);
  info.title_zh = title_zh = column_text (source_stmt, 1);
  info.title_en = title_en = column_text (source_stmt, 2);
  info.publisher = publisher = column_text (source_stmt, 3);
  info.citation = citation = column_text (source_stmt, 4);
  info.licence = licence = column_text (source_stmt, 5);
  info.url = url = column_text (source_stmt, 6);

  if (!(source = tanlu_store_ensure_source (store, &info, error)))
    return FALSE;

  if (sqlite3_prepare_v2 (bundled, "SELECT kind, detail, geometry FROM basemap_feature ORDER BY id",
                          -1, &features, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, bundled, "read the bundled basemap");
      return FALSE;
    }

  while ((rc = sqlite3_step (features)) == SQLITE_ROW)
    {
      g_autoptr(TanluGeometry) geometry = tanlu_geometry_decode (sqlite3_column_blob (features, 2),
                                                                 sqlite3_column_bytes (features, 2), error);

      if (geometry == NULL ||
          !tanlu_store_add_basemap_feature (store, (const char *) sqlite3_column_text (features, 0),
                                            sqlite3_column_int (features, 1), source, geometry, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, bundled, "read the bundled basemap");
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_store_ensure_basemap:
 *
 * A database made before Tanlu had a basemap (schema 2) is migrated with
 * an empty basemap table; this fills it from the bundled dataset, in one
 * transaction. Databases with a basemap are left alone.
 *
 * Returns: %FALSE with @error if the basemap could not be copied
 */
gboolean
tanlu_store_ensure_basemap (TanluStore  *store,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *bundled_path = tanlu_store_find_bundled_dataset ();
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  sqlite3 *db = _tanlu_store_get_db (store);
  sqlite3 *bundled = NULL;
  gboolean ok;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);

  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM basemap_feature)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, db, "look for the basemap");
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0 || bundled_path == NULL ||
      !g_file_test (bundled_path, G_FILE_TEST_IS_REGULAR) ||
      g_strcmp0 (bundled_path, tanlu_store_get_path (store)) == 0)
    return TRUE;

  /* Read-only and immutable: the installed dataset may be on a read-only
   * file system. */
  escaped = g_uri_escape_string (bundled_path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  if (sqlite3_open_v2 (uri, &bundled, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not read the bundled dataset “%s”: %s"), bundled_path, sqlite3_errmsg (bundled));
      sqlite3_close (bundled);
      return FALSE;
    }

  if (!tanlu_store_begin (store, error))
    {
      sqlite3_close (bundled);
      return FALSE;
    }

  ok = copy_basemap (store, bundled, error);
  sqlite3_close (bundled);

  if (!ok)
    {
      tanlu_store_rollback (store);
      return FALSE;
    }

  return tanlu_store_commit (store, error);
}
