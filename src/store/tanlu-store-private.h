/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tanlu-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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

G_END_DECLS
