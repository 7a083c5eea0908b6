/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "map/tanlu-map-draw.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CHOROPLETH_LAYER (tanlu_choropleth_layer_get_type ())

G_DECLARE_FINAL_TYPE (
  TanluChoroplethLayer, tanlu_choropleth_layer, TANLU, CHOROPLETH_LAYER, ShumateLayer)

TanluChoroplethLayer *tanlu_choropleth_layer_new          (ShumateViewport      *viewport);
void                  tanlu_choropleth_layer_set_data     (TanluChoroplethLayer *self,
                                                           TanluMapData         *data);
TanluMapData         *tanlu_choropleth_layer_get_data     (TanluChoroplethLayer *self);
void                  tanlu_choropleth_layer_set_style    (TanluChoroplethLayer *self,
                                                           const TanluMapStyle  *style);
const TanluMapStyle  *tanlu_choropleth_layer_get_style    (TanluChoroplethLayer *self);
void                  tanlu_choropleth_layer_set_selected (TanluChoroplethLayer *self,
                                                           guint                 code);
void                  tanlu_choropleth_layer_set_keep_clear (TanluChoroplethLayer *self,
                                                           const double         *points,
                                                           guint                 n_points,
                                                           double                radius);
void                  tanlu_choropleth_layer_get_view     (TanluChoroplethLayer *self,
                                                           TanluMapView         *view);
void                  tanlu_choropleth_layer_changed      (TanluChoroplethLayer *self);

G_END_DECLS
