/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "map/tanlu-basemap.h"
#include "tanlu-choropleth-layer.h"

G_BEGIN_DECLS

#define TANLU_TYPE_MAP_INSET_VIEW (tanlu_map_inset_view_get_type ())

G_DECLARE_FINAL_TYPE (TanluMapInsetView, tanlu_map_inset_view, TANLU, MAP_INSET_VIEW, GtkWidget)

GtkWidget *tanlu_map_inset_view_new          (TanluChoroplethLayer *layer);
void       tanlu_map_inset_view_set_basemap  (TanluMapInsetView    *self,
                                              TanluBasemap         *basemap);
void       tanlu_map_inset_view_update       (TanluMapInsetView    *self);
gboolean   tanlu_map_inset_view_get_box      (TanluMapInsetView    *self,
                                              graphene_rect_t      *box);

G_END_DECLS
