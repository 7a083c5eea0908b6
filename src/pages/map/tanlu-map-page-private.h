/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-map-page.h"

G_BEGIN_DECLS

GtkWidget *_tanlu_map_page_get_layer (TanluMapPage *self);
GtkWidget *_tanlu_map_page_get_inset (TanluMapPage *self);
void       _tanlu_map_page_show_indicator (TanluMapPage *self,
                                           const char   *code);
GPtrArray *_tanlu_map_page_list_markers   (TanluMapPage *self,
                                           const char   *kind);

G_END_DECLS
