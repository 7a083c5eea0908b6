/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "map/tanlu-basemap.h"

G_BEGIN_DECLS

#define TANLU_TYPE_BASEMAP_SOURCE (tanlu_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (
  TanluBasemapSource, tanlu_basemap_source, TANLU, BASEMAP_SOURCE, ShumateMapSource)

TanluBasemapSource *tanlu_basemap_source_new      (TanluBasemap       *basemap,
                                                   gboolean            dark);

G_END_DECLS
