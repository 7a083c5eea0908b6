/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-exportable.h"

G_BEGIN_DECLS

#define TANLU_TYPE_TABLE_EXPORTABLE (tanlu_table_exportable_get_type ())

G_DECLARE_FINAL_TYPE (TanluTableExportable, tanlu_table_exportable, TANLU, TABLE_EXPORTABLE,
                      GObject)

TanluExportable *tanlu_table_exportable_new (const char *title,
                                             const char *source,
                                             GPtrArray  *rows);

G_END_DECLS
