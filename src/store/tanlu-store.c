/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tanlu-store-private.h"
#include "tanlu-indicator.h"
#include "tanlu-observation-list.h"
#include "tanlu-observation.h"
#include "tanlu-region.h"
#include "tanlu-source.h"

#include <errno.h>
#include <string.h>

static const char * const statement_sql[N_STMTS] = {
  /* Most imported values are new: a plain insert is cheaper than an upsert,
   * which only runs when this one finds the value already there. */
  [STMT_ADD_OBSERVATION] =
    "INSERT OR IGNORE INTO observation (indicator_id, region_code, year, value, source_id,"
    " origin, source_code, import_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif (?7, 0), nullif (?8, 0))",
  [STMT_INSERT_OBSERVATION] =
    "INSERT INTO observation (indicator_id, region_code, year, value, source_id, origin,"
    " source_code, import_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif (?7, 0), nullif (?8, 0))"
    " ON CONFLICT (indicator_id, region_code, year) DO UPDATE"
    " SET value = excluded.value, source_id = excluded.source_id, origin = excluded.origin,"
    " source_code = excluded.source_code, import_id = excluded.import_id"
    " WHERE value IS NOT excluded.value OR source_id IS NOT excluded.source_id",
  [STMT_SELECT_SERIES] =
    "SELECT year, value, source_id FROM observation"
    " WHERE indicator_id = ?1 AND region_code = ?2 ORDER BY year",
  [STMT_SELECT_LEVEL_VALUES] =
    "SELECT o.region_code, o.value, o.source_id FROM observation o"
    " JOIN region r ON r.code = o.region_code"
    " WHERE o.indicator_id = ?1 AND o.year = ?2 AND r.level = ?3"
    " ORDER BY o.region_code",
  [STMT_SELECT_CHILDREN] =
    "SELECT code FROM region WHERE parent_code = ?1 ORDER BY code",
  [STMT_INSERT_REGION] =
    "INSERT INTO region (code, level, parent_code, name_zh, name_en) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_BOUNDARY] =
    "INSERT OR REPLACE INTO region_boundary"
    " (region_code, source_id, schematic, min_lon, min_lat, max_lon, max_lat, geometry)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  /* An official boundary, when loaded, wins over the schematic one. */
  [STMT_SELECT_BOUNDARY] =
    "SELECT geometry, schematic FROM region_boundary WHERE region_code = ?1"
    " ORDER BY schematic ASC, source_id DESC LIMIT 1",
  [STMT_UPDATE_CENTROID] =
    "UPDATE region SET centroid_lon = ?2, centroid_lat = ?3 WHERE code = ?1",
  [STMT_UPSERT_SOURCE] =
    "INSERT INTO source (key, title_zh, title_en, publisher, citation, licence, url, projection)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (key) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,"
    " publisher = excluded.publisher, citation = excluded.citation, licence = excluded.licence,"
    " url = excluded.url, projection = excluded.projection"
    " RETURNING id",
  [STMT_UPSERT_INDICATOR] =
    "INSERT INTO indicator (code, name_zh, name_en, unit, category, family, sort_order)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,"
    " unit = excluded.unit, category = excluded.category, family = excluded.family,"
    " sort_order = excluded.sort_order"
    " RETURNING id",
};

static void tanlu_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluStore,
                               tanlu_store,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      tanlu_store_initable_iface_init))
G_DEFINE_QUARK (tanlu-store-error-quark, tanlu_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

sqlite3_stmt *
_tanlu_store_get_statement (TanluStore  *self,
               StatementId  id,
               GError     **error)
{
  sqlite3_stmt *stmt = self->statements[id];

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, statement_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->statements[id], NULL) != SQLITE_OK)
        {
          _tanlu_store_set_error (error, self->db, "prepare");
          return NULL;
        }
      stmt = self->statements[id];
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

void
_tanlu_store_bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
_tanlu_store_column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* The schema version, or -1 with @error set. */
static int
read_schema_version (TanluStore  *self,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, "read its version");
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

/* For reading a database this process may not write: a read-only file or
 * folder, or one on a read-only disk. Nothing is migrated or changed; a
 * database in WAL mode whose journal cannot be created beside it is read
 * as it stands on disk. */
static gboolean
open_read_only (TanluStore  *self,
                GError     **error)
{
  int version;

  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
      SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);

  if ((version = read_schema_version (self, NULL)) < 0)
    {
      g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
      g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", escaped);

      g_clear_pointer (&self->db, sqlite3_close);
      if (sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                           NULL) != SQLITE_OK ||
          (version = read_schema_version (self, error)) < 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                         _("Could not open the database “%s”: %s"), self->path,
                         sqlite3_errmsg (self->db));
          return FALSE;
        }
    }
  sqlite3_extended_result_codes (self->db, TRUE);

  if (version != TANLU_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_READ_ONLY,
                   _("The database “%s” was written by another version of Tanlu (schema %d, this "
                     "version reads %u) and, being read-only, cannot be brought up to date"),
                   self->path, version, TANLU_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return _tanlu_store_reload_registries (self, error);
}

static gboolean
tanlu_store_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  TanluStore *self = TANLU_STORE (initable);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint version;

  g_return_val_if_fail (self->path != NULL, FALSE);

  if (self->read_only)
    return open_read_only (self, error);

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tanlu_store_set_error (error, self->db, self->path);
      g_prefix_error (error, _("Could not open the database “%s”: "), self->path);
      return FALSE;
    }

  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version > TANLU_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Tanlu (schema %u; this "
                      "version knows up to %u)"),
                   self->path, version, TANLU_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* WAL lets the window keep reading while an import writes through its own
   * connection; NORMAL synchronisation is durable in WAL mode except for the
   * last transaction on power loss. */
  if (!_tanlu_store_exec (self->db,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = NORMAL;"
                          "PRAGMA foreign_keys = ON;",
                          error))
    return FALSE;

  if (version < self->target_version &&
      !_tanlu_store_migrate (self->db, version, self->target_version, error))
    return FALSE;

  if (self->target_version < TANLU_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!_tanlu_store_reload_registries (self, error))
    return FALSE;

  /* A database made by an earlier version takes today's registry and
   * target library from the bundled dataset: the historical units, the
   * changes of code, official names, neighbours, the plans' targets. */
  if (version > 0 && version < TANLU_STORE_SCHEMA_VERSION)
    {
      g_autofree char *bundled = tanlu_store_find_bundled_dataset ();

      if (bundled != NULL && !tanlu_store_sync_registry (self, bundled, error))
        return FALSE;
    }

  return TRUE;
}

static void
tanlu_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = tanlu_store_initable_init;
}

static void
tanlu_store_finalize (GObject *object)
{
  TanluStore *self = (TanluStore *)object;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);

  g_clear_object (&self->regions);
  g_clear_pointer (&self->regions_by_code, g_hash_table_unref);
  g_clear_pointer (&self->regions_by_key, g_hash_table_unref);
  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sources_by_key, g_hash_table_unref);
  g_clear_pointer (&self->indicators_by_id, g_hash_table_unref);
  g_clear_pointer (&self->indicators_by_code, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->incomplete, g_hash_table_unref);
  g_clear_pointer (&self->codes_with_data, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tanlu_store_parent_class)->finalize (object);
}

static void
tanlu_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TanluStore *self = TANLU_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TanluStore *self = TANLU_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tanlu_store_class_init (TanluStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tanlu_store_finalize;
  object_class->get_property = tanlu_store_get_property;
  object_class->set_property = tanlu_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tanlu_store_init (TanluStore *self)
{
  self->target_version = TANLU_STORE_SCHEMA_VERSION;
  self->regions = g_list_store_new (TANLU_TYPE_REGION);
  self->regions_by_code = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->regions_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sources_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->sources_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->indicators_by_id =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->indicators_by_code =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->changes = g_array_new (FALSE, TRUE, sizeof (TanluRegionChange));
  g_array_set_clear_func (self->changes, _tanlu_region_change_clear);
}

/**
 * tanlu_store_new:
 * @path: the database file; created (empty, at the current schema) if absent
 *
 * Opens the database and brings its schema up to date.
 *
 * Returns: (transfer full) (nullable): the store
 */
TanluStore *
tanlu_store_new (const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (TANLU_TYPE_STORE, NULL, error, "path", path, NULL);
}

/* A database that holds no region is not Tanlu's: an empty file, or one
 * made by something else that happens to be SQLite. */
static gboolean
check_registry (TanluStore  *store,
                GError     **error)
{
  if (g_list_model_get_n_items (tanlu_store_get_regions (store)) > 0)
    return TRUE;

  g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_TANLU,
               _("“%s” is not a Tanlu database: it holds no regions. Give another file, or move "
                 "this one away to start a new database from the bundled data"),
               tanlu_store_get_path (store));
  return FALSE;
}

/**
 * tanlu_store_open_for_reading:
 * @path: (nullable): a database, or %NULL for the user's default one
 *
 * Opens @path as tanlu_store_open() does, or, when it cannot be written
 * (a read-only file, folder or disk), read-only: enough to read, count,
 * export and draw it.
 *
 * Returns: (transfer full) (nullable): the store
 */
TanluStore *
tanlu_store_open_for_reading (const char  *path,
                              GError     **error)
{
  g_autofree char *default_path = path == NULL ? tanlu_store_get_default_path () : NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TanluStore) store = NULL;

  if (path == NULL)
    path = default_path;

  if ((store = tanlu_store_open (path, &local_error)) != NULL)
    return g_steal_pointer (&store);

  if (!g_error_matches (local_error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_READ_ONLY) &&
      !g_error_matches (local_error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  store = g_object_new (TANLU_TYPE_STORE, "path", path, NULL);
  store->read_only = TRUE;
  if (!g_initable_init (G_INITABLE (store), NULL, NULL) || !check_registry (store, NULL))
    {
      /* The first reason is the one that tells. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&store);
}

/**
 * tanlu_store_is_read_only:
 *
 * Returns: whether the store was opened only for reading
 */
gboolean
tanlu_store_is_read_only (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  return self->read_only;
}

/* For tests: how long a writer waits for another to finish. */
void
_tanlu_store_set_busy_timeout (TanluStore *self,
                               int         milliseconds)
{
  g_return_if_fail (TANLU_IS_STORE (self));

  sqlite3_busy_timeout (self->db, milliseconds);
}

/* Used by the migration tests to create databases as earlier versions did. */
TanluStore *
_tanlu_store_new_at_version (const char  *path,
                             guint        version,
                             GError     **error)
{
  g_autoptr(TanluStore) self = NULL;

  g_return_val_if_fail (version <= TANLU_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (TANLU_TYPE_STORE, "path", path, NULL);
  self->target_version = version;
  if (!g_initable_init (G_INITABLE (self), NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

sqlite3 *
_tanlu_store_get_db (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return self->db;
}

const char *
tanlu_store_get_path (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  return self->path;
}

guint
tanlu_store_get_schema_version (TanluStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), 0);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

/**
 * tanlu_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tanlu/tanlu.db`
 */
char *
tanlu_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tanlu", "tanlu.db", NULL);
}

/**
 * tanlu_store_find_bundled_dataset:
 *
 * Looks for the database the build made from the committed data: named by
 * `TANLU_BUNDLED_DATASET` (which programs started from their build tree
 * set), or installed in the package data directory.
 *
 * Returns: (transfer full) (nullable): its path
 */
char *
tanlu_store_find_bundled_dataset (void)
{
  const char *from_environment = g_getenv ("TANLU_BUNDLED_DATASET");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "tanlu.db", NULL);

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);

  return NULL;
}

/**
 * tanlu_store_open:
 * @path: (nullable): a database, or %NULL for the user's default one
 *
 * Opens @path, first creating it from the bundled dataset when it does
 * not exist yet: what the window and every command do with `--db` or
 * without it.
 *
 * Returns: (transfer full) (nullable): the store
 */
TanluStore *
tanlu_store_open (const char  *path,
                  GError     **error)
{
  g_autofree char *default_path = path == NULL ? tanlu_store_get_default_path () : NULL;

  g_autoptr(TanluStore) store = NULL;
  GStatBuf st;

  if (path == NULL)
    path = default_path;

  /* An empty file is no database; SQLite would quietly make it one with
   * no regions. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_TANLU,
                   _("“%s” is an empty file, not a Tanlu database. Give another file, or delete "
                     "this one to start a new database from the bundled data"),
                   path);
      return NULL;
    }

  if (!tanlu_store_prepare_default (path, error) ||
      !(store = tanlu_store_new (path, error)) ||
      !check_registry (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * tanlu_store_prepare_default:
 * @path: where the user's database should be
 *
 * Creates @path as a copy of the bundled dataset unless it already exists,
 * so a new database starts with the region registry, boundaries and the
 * CEADs figures. The copy is written beside @path and renamed into place,
 * so an interrupted first run never leaves a half-written database.
 */
gboolean
tanlu_store_prepare_default (const char  *path,
                             GError     **error)
{
  g_autofree char *bundled = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *partial = NULL;
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  bundled = tanlu_store_find_bundled_dataset ();
  if (bundled == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("The bundled dataset is missing, so “%s” cannot be created; reinstall Tanlu"),
                   path);
      return FALSE;
    }

  directory = g_path_get_dirname (path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }

  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);

  if (sqlite3_open_v2 (bundled, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not read the bundled dataset “%s”: %s"), bundled,
                   sqlite3_errmsg (source));
      goto out;
    }

  if (sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not create “%s”: %s"), partial, sqlite3_errmsg (target));
      goto out;
    }

  /* Another process reading or checking the bundled dataset at the same
   * moment is waited for rather than taken as a failure. */
  sqlite3_busy_timeout (source, 10000);
  sqlite3_busy_timeout (target, 10000);
  backup = sqlite3_backup_init (target, "main", source, "main");
  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not copy the bundled dataset into “%s”: %s"), path,
                   sqlite3_errmsg (target));
      sqlite3_backup_finish (backup);
      goto out;
    }
  sqlite3_backup_finish (backup);

  g_clear_pointer (&target, sqlite3_close);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&source, sqlite3_close);
  g_clear_pointer (&target, sqlite3_close);
  if (!ok)
    g_unlink (partial);

  return ok;
}

/**
 * tanlu_store_compact:
 *
 * Rewrites the database without free pages and as a single file without a
 * write-ahead log, the form in which the bundled dataset is installed: a
 * read-only copy in WAL mode could not be opened from a read-only folder.
 */
gboolean
tanlu_store_compact (TanluStore  *self,
                     GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);

  return _tanlu_store_exec (self->db, "PRAGMA journal_mode = DELETE; VACUUM;", error);
}

/**
 * tanlu_store_begin:
 *
 * Starts a write transaction, taking the write lock at once so a
 * concurrent writer waits instead of failing half-way.
 */
gboolean
tanlu_store_begin (TanluStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  return _tanlu_store_exec (self->db, "BEGIN IMMEDIATE;", error);
}

gboolean
tanlu_store_commit (TanluStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  if (!_tanlu_store_exec (self->db, "COMMIT;", error))
    {
      tanlu_store_rollback (self);
      return FALSE;
    }

  self->registries_dirty = FALSE;

  return TRUE;
}

void
tanlu_store_rollback (TanluStore *self)
{
  g_return_if_fail (TANLU_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->import_id = 0;

  if (self->registries_dirty)
    {
      g_autoptr(GError) error = NULL;

      if (!_tanlu_store_reload_registries (self, &error))
        g_warning ("Could not reload registries after rollback: %s", error->message);
    }
}

gboolean
tanlu_store_in_transaction (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}
