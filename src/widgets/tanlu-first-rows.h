/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tanlu_first_rows_show (GtkSliceListModel *slice,
                            GtkWidget         *widget,
                            guint              row_height,
                            guint              other_height);

G_END_DECLS
