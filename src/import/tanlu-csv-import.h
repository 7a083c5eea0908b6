/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-import-report.h"

G_BEGIN_DECLS

gboolean tanlu_import_csv (TanluStore               *store,
                           const char               *path,
                           TanluImportReport        *report,
                           TanluImportProgressFunc   progress,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           GError                  **error);

G_END_DECLS
