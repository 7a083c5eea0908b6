/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_REGION_SIDEBAR (tanlu_region_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (TanluRegionSidebar, tanlu_region_sidebar, TANLU, REGION_SIDEBAR,
                      TanluContextView)

void tanlu_region_sidebar_focus_search (TanluRegionSidebar *self);

G_END_DECLS
