/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store-types.h"
#include "tanlu-import-report.h"
#include "tanlu-xlsx.h"

G_BEGIN_DECLS

#define TANLU_CEADS_N_SECTORS 47
#define TANLU_CEADS_N_COLUMNS 22

gboolean         tanlu_ceads_register            (TanluStore               *store,
                                                  GError                  **error);
TanluImportKind  tanlu_ceads_detect              (TanluXlsx                *xlsx);
gboolean         tanlu_ceads_import_workbook     (TanluStore               *store,
                                                  TanluXlsx                *xlsx,
                                                  TanluImportReport        *report,
                                                  TanluImportProgressFunc   progress,
                                                  gpointer                  user_data,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
gboolean         tanlu_ceads_parse_sheet_name    (const char               *sheet_name,
                                                  guint                    *province_code,
                                                  guint                    *year);
TanluRegion     *tanlu_ceads_match_city          (TanluStore               *store,
                                                  const char               *name);
const char      *tanlu_ceads_sector_indicator    (guint                     index);

G_END_DECLS
