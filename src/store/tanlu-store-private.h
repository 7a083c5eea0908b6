/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tanlu-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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
  GArray        *changes;          /* TanluRegionChange */
  GHashTable    *incomplete;       /* code × 10000 + year → note; NULL until read */
  GHashTable    *codes_with_data;  /* codes with observations; NULL until read */

  gint64         import_id;        /* of the import under way, or 0 */
  guint          target_version;
  guint          registries_dirty : 1;
  guint          read_only : 1;
};


gboolean    _tanlu_store_migrate                (sqlite3     *db,
                                                 guint        from_version,
                                                 guint        to_version,
                                                 GError     **error);
gboolean    _tanlu_store_exec                   (sqlite3     *db,
                                                 const char  *sql,
                                                 GError     **error);
void        _tanlu_store_set_error              (GError     **error,
                                                 sqlite3     *db,
                                                 const char  *what);
TanluStore *_tanlu_store_new_at_version         (const char  *path,
                                                 guint        version,
                                                 GError     **error);
sqlite3    *_tanlu_store_get_db                 (TanluStore  *self);
void        _tanlu_store_set_busy_timeout       (TanluStore  *self,
                                                 int          milliseconds);
sqlite3_stmt *_tanlu_store_get_statement        (TanluStore  *self,
                                                 StatementId  id,
                                                 GError     **error);
void        _tanlu_store_bind_text_or_null      (sqlite3_stmt *stmt,
                                                 int          index,
                                                 const char  *text);
const char *_tanlu_store_column_text            (sqlite3_stmt *stmt,
                                                 int          column);
gboolean    _tanlu_store_reload_registries      (TanluStore  *self,
                                                 GError     **error);
void        _tanlu_region_change_clear          (gpointer     data);

G_END_DECLS
