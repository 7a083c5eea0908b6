/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "map/tanlu-map-markers.h"
#include "tanlu-map-options.h"
#include "tanlu-types.h"
#include "widgets/tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_MAP_PAGE (tanlu_map_page_get_type ())

G_DECLARE_FINAL_TYPE (TanluMapPage, tanlu_map_page, TANLU, MAP_PAGE, TanluContextView)

TanluMapOptions *tanlu_map_page_get_options    (TanluMapPage         *self);
void             tanlu_map_page_show_level     (TanluMapPage         *self,
                                                TanluRegionLevel      level,
                                                guint                 parent_code);
void             tanlu_map_page_set_year       (TanluMapPage         *self,
                                                guint                 year);
void             tanlu_map_page_add_marker     (TanluMapPage         *self,
                                                const TanluMapMarker *marker);
void             tanlu_map_page_remove_markers (TanluMapPage         *self,
                                                const char           *kind);

G_END_DECLS
