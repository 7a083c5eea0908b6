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

static TanluSource *
copy_source (TanluStore  *store,
             sqlite3     *bundled,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL, *title_zh = NULL, *title_en = NULL, *publisher = NULL;
  g_autofree char *citation = NULL, *licence = NULL, *url = NULL;
  TanluSourceInfo info = { 0 };

  if (sqlite3_prepare_v2 (bundled,
                          "SELECT key, title_zh, title_en, publisher, citation, licence, url"
                          " FROM source WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, bundled, "read the bundled basemap");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, bundled, "read the bundled basemap");
      return NULL;
    }

  info.key = key = column_text (stmt, 0);
  info.title_zh = title_zh = column_text (stmt, 1);
  info.title_en = title_en = column_text (stmt, 2);
  info.publisher = publisher = column_text (stmt, 3);
  info.citation = citation = column_text (stmt, 4);
  info.licence = licence = column_text (stmt, 5);
  info.url = url = column_text (stmt, 6);

  return tanlu_store_ensure_source (store, &info, error);
}

/* Copies the bundled features of the kinds the store has none of, with
 * their sources: all of them into an empty table, and into a table filled
 * by an older Tanlu the kinds added since (the South China Sea). */
static gboolean
copy_basemap (TanluStore  *store,
              sqlite3     *bundled,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) kinds = NULL;
  g_autoptr(sqlite3_stmt) features = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3 *db = _tanlu_store_get_db (store);
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT DISTINCT kind FROM basemap_feature", -1, &kinds, NULL) !=
      SQLITE_OK)
    {
      _tanlu_store_set_error (error, db, "look for the basemap");
      return FALSE;
    }
  while ((rc = sqlite3_step (kinds)) == SQLITE_ROW)
    g_hash_table_add (present, column_text (kinds, 0));
  if (rc != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, db, "look for the basemap");
      return FALSE;
    }

  if (sqlite3_prepare_v2 (bundled,
                          "SELECT kind, detail, min_lon, min_lat, max_lon, max_lat, geometry,"
                          " source_id FROM basemap_feature ORDER BY id",
                          -1, &features, NULL) != SQLITE_OK)
    return TRUE;   /* nothing to copy */

  /* The rows as they are: the bundled dataset was checked when built. */
  while ((rc = sqlite3_step (features)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (features, 0);
      gint64 source_id = sqlite3_column_int64 (features, 7);
      TanluSource *source;
      g_autoptr(GBytes) shape = NULL;
      TanluExtent extent = {
        sqlite3_column_double (features, 2), sqlite3_column_double (features, 3),
        sqlite3_column_double (features, 4), sqlite3_column_double (features, 5),
      };

      if (kind == NULL || g_hash_table_contains (present, kind))
        continue;

      if (!(source = g_hash_table_lookup (sources, GSIZE_TO_POINTER (source_id))))
        {
          if (!(source = copy_source (store, bundled, source_id, error)))
            return FALSE;
          g_hash_table_insert (sources, GSIZE_TO_POINTER (source_id), source);
        }

      shape = g_bytes_new (sqlite3_column_blob (features, 6), sqlite3_column_bytes (features, 6));
      if (!tanlu_store_add_basemap_feature (store, kind, sqlite3_column_int (features, 1), source,
                                            shape, &extent, error))
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
 * transaction. A database whose basemap an older Tanlu copied gets the
 * kinds added since, the South China Sea Islands and the dashed line.
 * Databases with the whole basemap are left alone.
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

  /* Islands came last: a store with them has the whole basemap. */
  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM basemap_feature WHERE kind = 'island')",
                          -1, &stmt, NULL) != SQLITE_OK ||
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
