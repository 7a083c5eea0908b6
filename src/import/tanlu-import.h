/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-import-report.h"

G_BEGIN_DECLS

/**
 * TanluImportFilesProgress:
 * @source_object: the object given to tanlu_import_files_async()
 * @file_index: the file being imported, counting from 0
 * @display_name: its name
 * @fraction: how much of it is done, 0 to 1
 *
 * Called on the thread-default main context of the caller.
 */
typedef void (*TanluImportFilesProgress) (GObject    *source_object,
                                          guint       file_index,
                                          guint       n_files,
                                          const char *display_name,
                                          double      fraction);

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
