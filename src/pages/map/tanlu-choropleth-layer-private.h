/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-choropleth-layer.h"

G_BEGIN_DECLS

TanluMapRegion *_tanlu_choropleth_layer_region_at      (TanluChoroplethLayer *self,
                                                        double                x,
                                                        double                y);
char           *_tanlu_choropleth_layer_get_hover_text (TanluChoroplethLayer *self);

G_END_DECLS
