/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-choropleth-layer.h"

G_BEGIN_DECLS

TanluMapRegion *_tanlu_choropleth_layer_region_at      (TanluChoroplethLayer *self,
                                                        double                x,
                                                        double                y);
void            _tanlu_choropleth_layer_hover_at       (TanluChoroplethLayer *self,
                                                        double                x,
                                                        double                y);
char           *_tanlu_choropleth_layer_get_hover_text (TanluChoroplethLayer *self);
gboolean        _tanlu_choropleth_layer_click_at       (TanluChoroplethLayer *self,
                                                        double                x,
                                                        double                y,
                                                        int                   n_press);

G_END_DECLS
