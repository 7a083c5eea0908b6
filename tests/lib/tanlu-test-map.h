/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "map/tanlu-map-data.h"
#include "store/tanlu-store.h"

G_BEGIN_DECLS

TanluMapData *tanlu_test_map_new (TanluStore       *store,
                                  TanluRegionLevel  level,
                                  guint             parent_code,
                                  guint             n_classes);
void          tanlu_test_map_fit (TanluMapData     *data,
                                  TanluMapView     *view,
                                  double            width,
                                  double            height);

G_END_DECLS
