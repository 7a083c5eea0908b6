/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TANLU_TYPE_COLUMNS_LAYOUT (tanlu_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (TanluColumnsLayout, tanlu_columns_layout, TANLU, COLUMNS_LAYOUT,
                      GtkLayoutManager)

GtkLayoutManager *tanlu_columns_layout_new (int spacing);

G_END_DECLS
