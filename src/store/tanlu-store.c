/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tanlu-indicator.h"
#include "tanlu-observation.h"
#include "tanlu-observation-list.h"
#include "tanlu-region.h"
#include "tanlu-source.h"
#include "tanlu-store-private.h"

#include <errno.h>
#include <string.h>

typedef enum
{
  STMT_ADD_OBSERVATION,
  STMT_INSERT_OBSERVATION,
  STMT_SELECT_SERIES,
  STMT_SELECT_LEVEL_VALUES,
  STMT_SELECT_CHILDREN,
  STMT_INSERT_REGION,
  STMT_INSERT_BOUNDARY,
  STMT_SELECT_BOUNDARY,
  STMT_UPDATE_CENTROID,
  STMT_UPSERT_SOURCE,
  STMT_UPSERT_INDICATOR,
  N_STMTS
} StatementId;

static const char * const statement_sql[N_STMTS] = {
  /* Most imported values are new: a plain insert is cheaper than an upsert,
   * which only runs when this one finds the value already there. */
  [STMT_ADD_OBSERVATION] =
    "INSERT OR IGNORE INTO observation (indicator_id, region_code, year, value, source_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_INSERT_OBSERVATION] =
    "INSERT INTO observation (indicator_id, region_code, year, value, source_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (indicator_id, region_code, year) DO UPDATE"
    " SET value = excluded.value, source_id = excluded.source_id"
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
    "INSERT INTO source (key, title_zh, title_en, publisher, citation, licence, url)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (key) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,"
    " publisher = excluded.publisher, citation = excluded.citation, licence = excluded.licence,"
    " url = excluded.url"
    " RETURNING id",
  [STMT_UPSERT_INDICATOR] =
    "INSERT INTO indicator (code, name_zh, name_en, unit, category, family, sort_order)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,"
    " unit = excluded.unit, category = excluded.category, family = excluded.family,"
    " sort_order = excluded.sort_order"
    " RETURNING id",
};

struct _TanluStore
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  sqlite3_stmt  *statements[N_STMTS];

  /* Registries are small (hundreds of rows) and read constantly, so they
   * are kept in memory and reloaded if a transaction that changed them is
   * rolled back. */
  GListStore    *regions;
  GHashTable    *regions_by_code;
  GHashTable    *regions_by_key;
  GHashTable    *sources_by_id;
  GHashTable    *sources_by_key;
  GHashTable    *indicators_by_id;
  GHashTable    *indicators_by_code;

  guint          target_version;
  guint          registries_dirty : 1;
};

static void tanlu_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TanluStore, tanlu_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, tanlu_store_initable_iface_init))
G_DEFINE_QUARK (tanlu-store-error-quark, tanlu_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */

static sqlite3_stmt *
get_statement (TanluStore  *self,
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

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

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
  g_hash_table_replace (self->sources_by_id, g_memdup2 (&(gint64) { tanlu_source_get_id (source) }, sizeof (gint64)),
                        g_object_ref (source));
  g_hash_table_replace (self->sources_by_key, g_strdup (tanlu_source_get_key (source)),
                        g_object_ref (source));
}

static void
remember_indicator (TanluStore     *self,
                    TanluIndicator *indicator)
{
  g_hash_table_replace (self->indicators_by_id,
                        g_memdup2 (&(gint64) { tanlu_indicator_get_id (indicator) }, sizeof (gint64)),
                        g_object_ref (indicator));
  g_hash_table_replace (self->indicators_by_code, g_strdup (tanlu_indicator_get_code (indicator)),
                        g_object_ref (indicator));
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

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT code, level, parent_code, name_zh, name_en, centroid_lon, centroid_lat"
                          " FROM region", -1, &regions, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT id, key, name_zh, name_en, description_zh, description_en"
                          " FROM region_group ORDER BY key", -1, &groups, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT region_code FROM region_group_member WHERE group_id = ?1"
                          " ORDER BY region_code", -1, &members, NULL) != SQLITE_OK)
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

      if (!tanlu_region_level_from_string (column_text (regions, 1), &level))
        continue;

      region = tanlu_region_new (key, code, level, sqlite3_column_int (regions, 2),
                                 column_text (regions, 3), column_text (regions, 4));
      if (sqlite3_column_type (regions, 5) != SQLITE_NULL)
        tanlu_region_set_centroid (region, sqlite3_column_double (regions, 5),
                                   sqlite3_column_double (regions, 6));
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

      group = tanlu_region_new (column_text (groups, 1), 0, TANLU_REGION_LEVEL_GROUP, 0,
                                column_text (groups, 2), column_text (groups, 3));
      tanlu_region_set_description (group, column_text (groups, 4), column_text (groups, 5));
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
                          "SELECT id, key, title_zh, title_en, publisher, citation, licence, url"
                          " FROM source", -1, &sources, NULL) != SQLITE_OK ||
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
        .key = column_text (sources, 1),
        .title_zh = column_text (sources, 2),
        .title_en = column_text (sources, 3),
        .publisher = column_text (sources, 4),
        .citation = column_text (sources, 5),
        .licence = column_text (sources, 6),
        .url = column_text (sources, 7),
      };
      g_autoptr(TanluSource) source = tanlu_source_new (sqlite3_column_int64 (sources, 0), &info);

      remember_source (self, source);
    }

  while (sqlite3_step (indicators) == SQLITE_ROW)
    {
      TanluIndicatorInfo info = {
        .code = column_text (indicators, 1),
        .name_zh = column_text (indicators, 2),
        .name_en = column_text (indicators, 3),
        .unit = column_text (indicators, 4),
        .category = column_text (indicators, 5),
        .family = column_text (indicators, 6),
        .sort_order = sqlite3_column_int (indicators, 7),
      };
      g_autoptr(TanluIndicator) indicator = tanlu_indicator_new (sqlite3_column_int64 (indicators, 0), &info);

      remember_indicator (self, indicator);
    }

  return TRUE;
}

static gboolean
reload_registries (TanluStore  *self,
                   GError     **error)
{
  self->registries_dirty = FALSE;

  return load_regions (self, error) && load_sources_and_indicators (self, error);
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

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ------------------------------------------------------------------------ */

static gboolean
tanlu_store_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  TanluStore *self = TANLU_STORE (initable);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint version;

  g_return_val_if_fail (self->path != NULL, FALSE);

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
                   _("The database “%s” was written by a newer version of Tanlu (schema %u; this version knows up to %u)"),
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

  return reload_registries (self, error);
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
  self->indicators_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->indicators_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* ------------------------------------------------------------------------ */

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
 * `TANLU_BUNDLED_DATASET`, installed in the package data directory, or, for
 * a program started from its build tree, in the build tree.
 *
 * Returns: (transfer full) (nullable): its path
 */
char *
tanlu_store_find_bundled_dataset (void)
{
  const char *from_environment = g_getenv ("TANLU_BUNDLED_DATASET");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "tanlu.db", NULL);
  g_autofree char *in_build_tree = g_build_filename (TANLU_BUILD_ROOT "/data", "tanlu.db", NULL);

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);

  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);

  if (g_file_test (in_build_tree, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&in_build_tree);

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

  if (path == NULL)
    path = default_path;

  if (!tanlu_store_prepare_default (path, error))
    return NULL;

  return tanlu_store_new (path, error);
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
                   _("Could not read the bundled dataset “%s”: %s"), bundled, sqlite3_errmsg (source));
      goto out;
    }

  if (sqlite3_open_v2 (partial, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not create “%s”: %s"), partial, sqlite3_errmsg (target));
      goto out;
    }

  backup = sqlite3_backup_init (target, "main", source, "main");
  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_OPEN,
                   _("Could not copy the bundled dataset into “%s”: %s"), path, sqlite3_errmsg (target));
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
 * tanlu_store_reload:
 *
 * Rereads the sources and indicators, which an import through another
 * connection may have added. Regions are left as they are: imports never
 * change the registry, and views hold on to them.
 */
gboolean
tanlu_store_reload (TanluStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  return load_sources_and_indicators (self, error);
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

  if (self->registries_dirty)
    {
      g_autoptr(GError) error = NULL;

      if (!reload_registries (self, &error))
        g_warning ("Could not reload registries after rollback: %s", error->message);
    }
}

gboolean
tanlu_store_in_transaction (TanluStore *self)
{
  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}

/* ------------------------------------------------------------------------ */

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

  if (!(stmt = get_statement (self, STMT_UPSERT_SOURCE, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, info->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->title_zh != NULL ? info->title_zh : info->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->title_en != NULL ? info->title_en : info->key, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, info->publisher);
  sqlite3_bind_text (stmt, 5, info->citation != NULL ? info->citation : info->key, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 6, info->licence);
  bind_text_or_null (stmt, 7, info->url);

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

  if (!(stmt = get_statement (self, STMT_UPSERT_INDICATOR, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, info->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, info->name_zh != NULL ? info->name_zh : info->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, info->name_en != NULL ? info->name_en : info->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, info->unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, info->category != NULL ? info->category : "user", -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 6, info->family);
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

/* ------------------------------------------------------------------------ */

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

  if (code < 100000 || code > 999999)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%u” is not a six-digit GB/T 2260 region code"), code);
      return FALSE;
    }

  if (parent_code != 0 && !g_hash_table_contains (self->regions_by_code, GUINT_TO_POINTER (parent_code)))
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("Region %u names the parent %u, which is not known"), code, parent_code);
      return FALSE;
    }

  if (!(stmt = get_statement (self, STMT_INSERT_REGION, error)))
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
                   _("The group key “%s” must not start with a digit, so it is never mistaken for a region code"),
                   key);
      return FALSE;
    }

  for (guint i = 0; i < n_members; i++)
    {
      if (!g_hash_table_contains (self->regions_by_code, GUINT_TO_POINTER (member_codes[i])))
        {
          g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                       _("Group “%s” lists the region %u, which is not known"), key, member_codes[i]);
          return FALSE;
        }
    }

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO region_group (key, name_zh, name_en, description_zh, description_en)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", -1, &insert_group, NULL) != SQLITE_OK ||
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
  bind_text_or_null (insert_group, 4, description_zh);
  bind_text_or_null (insert_group, 5, description_en);

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
 * tanlu_store_set_boundary:
 * @schematic: whether the geometry is a schematic (示意) outline rather than
 *   an officially approved one
 *
 * Stores @geometry for the region, with its bounding box for culling, and
 * records its centroid as the region's label point.
 */
gboolean
tanlu_store_set_boundary (TanluStore     *self,
                          guint           code,
                          TanluGeometry  *geometry,
                          TanluSource    *source,
                          gboolean        schematic,
                          GError        **error)
{
  g_autoptr(GBytes) encoded = NULL;
  TanluRegion *region;
  sqlite3_stmt *stmt;
  double min_lon, min_lat, max_lon, max_lat;
  double longitude, latitude;

  g_return_val_if_fail (TANLU_IS_STORE (self), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (TANLU_IS_SOURCE (source), FALSE);

  region = g_hash_table_lookup (self->regions_by_code, GUINT_TO_POINTER (code));
  if (region == NULL)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_NOT_FOUND,
                   _("There is no region with the code %u"), code);
      return FALSE;
    }

  if (!tanlu_geometry_validate (geometry, error))
    {
      g_prefix_error (error, _("Boundary of %u: "), code);
      return FALSE;
    }

  encoded = tanlu_geometry_encode (geometry);
  tanlu_geometry_get_bounds (geometry, &min_lon, &min_lat, &max_lon, &max_lat);
  tanlu_geometry_get_centroid (geometry, &longitude, &latitude);

  if (!(stmt = get_statement (self, STMT_INSERT_BOUNDARY, error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, tanlu_source_get_id (source));
  sqlite3_bind_int (stmt, 3, schematic ? 1 : 0);
  sqlite3_bind_double (stmt, 4, min_lon);
  sqlite3_bind_double (stmt, 5, min_lat);
  sqlite3_bind_double (stmt, 6, max_lon);
  sqlite3_bind_double (stmt, 7, max_lat);
  sqlite3_bind_blob (stmt, 8, g_bytes_get_data (encoded, NULL), g_bytes_get_size (encoded), SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "store boundary");
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!(stmt = get_statement (self, STMT_UPDATE_CENTROID, error)))
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
 * tanlu_store_get_boundary:
 * @schematic: (out) (optional): whether the returned boundary is schematic
 *
 * Returns: (transfer full) (nullable): the region's boundary, official if
 *   one was loaded; %NULL without error if it has none
 */
TanluGeometry *
tanlu_store_get_boundary (TanluStore  *self,
                          guint        code,
                          gboolean    *schematic,
                          GError     **error)
{
  TanluGeometry *geometry;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);

  if (!(stmt = get_statement (self, STMT_SELECT_BOUNDARY, error)))
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

  geometry = tanlu_geometry_decode (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0), error);
  if (schematic != NULL)
    *schematic = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);

  return geometry;
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

  if (!(stmt = get_statement (self, STMT_SELECT_CHILDREN, error)))
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

/* ------------------------------------------------------------------------ */

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

  if (!(stmt = get_statement (self, STMT_INSERT_OBSERVATION, error)))
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

  if (!(add = get_statement (self, STMT_ADD_OBSERVATION, error)) ||
      !(upsert = get_statement (self, STMT_INSERT_OBSERVATION, error)))
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

  if (!(stmt = get_statement (self, STMT_SELECT_SERIES, error)))
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

  if (!(stmt = get_statement (self, STMT_SELECT_LEVEL_VALUES, error)))
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
append_region_observations (TanluStore           *self,
                            TanluRegion          *region,
                            GPtrArray            *indicators,
                            TanluObservationList *observations,
                            GError              **error)
{
  /* One indexed series per indicator, in display order. */
  for (guint i = 0; i < indicators->len; i++)
    {
      TanluIndicator *indicator = g_ptr_array_index (indicators, i);
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = get_statement (self, STMT_SELECT_SERIES, error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, tanlu_indicator_get_id (indicator));
      sqlite3_bind_int (stmt, 2, tanlu_region_get_code (region));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 source_id = sqlite3_column_int64 (stmt, 2);
          TanluSource *source = g_hash_table_lookup (self->sources_by_id, &source_id);

          if (source != NULL)
            tanlu_observation_list_append (observations, region, indicator,
                                           sqlite3_column_int (stmt, 0),
                                           sqlite3_column_double (stmt, 1),
                                           source);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          _tanlu_store_set_error (error, self->db, "read observations");
          return FALSE;
        }
    }

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
  g_autoptr(GPtrArray) indicators = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (self), NULL);
  g_return_val_if_fail (TANLU_IS_REGION (region), NULL);

  indicators = tanlu_store_list_indicators (self);

  if (tanlu_region_get_level (region) == TANLU_REGION_LEVEL_GROUP)
    {
      const guint *members;
      guint n_members;

      members = tanlu_region_get_member_codes (region, &n_members);
      for (guint i = 0; i < n_members; i++)
        {
          TanluRegion *member = tanlu_store_lookup_region (self, members[i]);

          if (member != NULL && !append_region_observations (self, member, indicators, observations, error))
            return NULL;
        }
    }
  else if (!append_region_observations (self, region, indicators, observations, error))
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
                          "SELECT o.region_code, o.indicator_id, o.year, o.value, o.source_id"
                          " FROM observation o"
                          " JOIN region r ON r.code = o.region_code"
                          " JOIN indicator i ON i.id = o.indicator_id"
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

      if (region == NULL || indicator == NULL || source == NULL)
        continue;

      if (!func (region, indicator, sqlite3_column_int (stmt, 2), sqlite3_column_double (stmt, 3),
                 source, user_data))
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

      counts->n_regions[tanlu_region_get_level (region)]++;
    }

  return query_uint (self, "SELECT count(*) FROM indicator", &counts->n_indicators, error) &&
         query_uint (self, "SELECT count(*) FROM observation", &counts->n_observations, error) &&
         query_uint (self, "SELECT count(*) FROM source", &counts->n_sources, error) &&
         query_uint (self, "SELECT count(*) FROM region_boundary", &counts->n_boundaries, error) &&
         query_uint (self, "SELECT coalesce(min(year), 0) FROM observation", &counts->first_year, error) &&
         query_uint (self, "SELECT coalesce(max(year), 0) FROM observation", &counts->last_year, error);
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

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO import_log (path, kind, started_at) VALUES (?1, ?2, ?3) RETURNING id",
                          -1, &stmt, NULL) != SQLITE_OK)
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

  return sqlite3_column_int64 (stmt, 0);
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

  if (sqlite3_prepare_v2 (self->db,
                          "UPDATE import_log SET finished_at = ?2, n_observations = ?3, n_replaced = ?4"
                          " WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, import_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, n_observations);
  sqlite3_bind_int (stmt, 4, n_replaced);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tanlu_store_set_error (error, self->db, "log import");
      return FALSE;
    }

  return TRUE;
}
