/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-basemap-store"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-basemap-store.h"
#include "tanlu-source.h"
#include "tanlu-store-private.h"

/* The offline basemap drawn under the regions, in the basemap_feature
 * table: each feature's kind ("land", "coastline"…), level of detail,
 * extent and encoded shape. What the shapes hold is geo/'s business. */

/**
 * tanlu_store_add_basemap_feature:
 * @kind: what the feature is, such as "land" or "river"
 * @shape: the feature, encoded by the geometry code
 * @extent: what it spans, for culling
 *
 * Stores a basemap feature.
 */
gboolean
tanlu_store_add_basemap_feature (TanluStore         *store,
                                 const char         *kind,
                                 guint               detail,
                                 TanluSource        *source,
                                 GBytes             *shape,
                                 const TanluExtent  *extent,
                                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (shape != NULL, FALSE);
  g_return_val_if_fail (extent != NULL, FALSE);

  db = _tanlu_store_get_db (store);

  /* Prepared per call: a build adds only a few hundred features. */
  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO basemap_feature"
                          " (kind, detail, source_id, min_lon, min_lat, max_lon, max_lat, geometry)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, db, "prepare basemap insert");
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, detail);
  sqlite3_bind_int64 (stmt, 3, tanlu_source_get_id (source));
  sqlite3_bind_double (stmt, 4, extent->min_lon);
  sqlite3_bind_double (stmt, 5, extent->min_lat);
  sqlite3_bind_double (stmt, 6, extent->max_lon);
  sqlite3_bind_double (stmt, 7, extent->max_lat);
  sqlite3_bind_blob (stmt, 8, g_bytes_get_data (shape, NULL), g_bytes_get_size (shape),
                     SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, db, "store basemap feature");
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_store_foreach_basemap_feature:
 *
 * Calls @func for each basemap feature of @detail, in the order they were
 * added, until it returns %FALSE.
 */
gboolean
tanlu_store_foreach_basemap_feature (TanluStore                *store,
                                     guint                      detail,
                                     TanluBasemapFeatureRowFunc func,
                                     gpointer                   user_data,
                                     GError                   **error)
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
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      TanluExtent extent = {
        sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2),
        sqlite3_column_double (stmt, 3), sqlite3_column_double (stmt, 4),
      };
      gboolean go_on;

      go_on = func (kind != NULL ? kind : "", detail, &extent, sqlite3_column_blob (stmt, 5),
                    sqlite3_column_bytes (stmt, 5), user_data, error);
      if (error != NULL && *error != NULL)
        return FALSE;
      if (!go_on)
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

  if (sqlite3_prepare_v2 (
        bundled,
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

  if (sqlite3_prepare_v2 (bundled,
                          "SELECT kind, detail, min_lon, min_lat, max_lon, max_lat, geometry"
                          " FROM basemap_feature ORDER BY id",
                          -1, &features, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, bundled, "read the bundled basemap");
      return FALSE;
    }

  /* The rows as they are: the bundled dataset was checked when built. */
  while ((rc = sqlite3_step (features)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) shape = g_bytes_new (sqlite3_column_blob (features, 6),
                                             sqlite3_column_bytes (features, 6));
      TanluExtent extent = {
        sqlite3_column_double (features, 2), sqlite3_column_double (features, 3),
        sqlite3_column_double (features, 4), sqlite3_column_double (features, 5),
      };

      if (!tanlu_store_add_basemap_feature (store, (const char *) sqlite3_column_text (features, 0),
                                            sqlite3_column_int (features, 1), source, shape,
                                            &extent, error))
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

  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM basemap_feature)", -1, &stmt, NULL) !=
        SQLITE_OK ||
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
                   _("Could not read the bundled dataset “%s”: %s"), bundled_path,
                   sqlite3_errmsg (bundled));
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
