/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-import-report.h"

G_BEGIN_DECLS

TanluImportReport  *tanlu_import_file             (TanluStore              *store,
                                                   const char              *path,
                                                   TanluImportProgressFunc  progress,
                                                   gpointer                 user_data,
                                                   GCancellable            *cancellable);
void                tanlu_import_files_async      (GObject                 *source_object,
                                                   const char              *db_path,
                                                   const char * const      *paths,
                                                   TanluImportFilesProgress progress,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
GPtrArray          *tanlu_import_files_finish     (GAsyncResult            *result,
                                                   GError                 **error);

G_END_DECLS
