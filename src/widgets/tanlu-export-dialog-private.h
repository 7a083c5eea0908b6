/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-export-dialog.h"

G_BEGIN_DECLS

void     _tanlu_export_dialog_choose (TanluExportDialog  *self,
                                      TanluExportFormat   format,
                                      TanluExportSize     size);
gboolean _tanlu_export_dialog_save   (TanluExportDialog  *self,
                                      const char         *path,
                                      GError            **error);

G_END_DECLS
