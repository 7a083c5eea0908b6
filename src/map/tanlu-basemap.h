/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "charts/tanlu-chart.h"
#include "geo/tanlu-projection.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

typedef struct _TanluBasemap TanluBasemap;

/**
 * TanluBasemapColors:
 * @sea: the sea and lakes
 * @land: land
 * @river: rivers
 * @coastline: coastlines
 * @border: borders between countries, drawn dashed
 *
 * The basemap's colours: quiet, so that a choropleth drawn over it stands
 * out.
 */
typedef struct
{
  TanluChartColor sea;
  TanluChartColor land;
  TanluChartColor river;
  TanluChartColor coastline;
  TanluChartColor border;
} TanluBasemapColors;

TanluBasemap             *tanlu_basemap_new_from_store       (TanluStore             *store,
                                                              GError                **error);
void                      tanlu_basemap_draw                 (const TanluBasemap     *basemap,
                                                              cairo_t                *cr,
                                                              const TanluMapView     *view,
                                                              gboolean                dark);
gboolean                  tanlu_basemap_is_empty             (const TanluBasemap     *basemap);
gboolean                  tanlu_basemap_has_south_china_sea  (const TanluBasemap     *basemap);
void                      tanlu_basemap_fill_south_china_sea (const TanluBasemap     *basemap,
                                                              cairo_t                *cr,
                                                              const TanluMapView     *view,
                                                              const TanluChartColor  *color);
const TanluBasemapColors *tanlu_basemap_get_colors           (gboolean                dark);
TanluBasemap             *tanlu_basemap_ref                  (TanluBasemap           *basemap);
void                      tanlu_basemap_unref                (TanluBasemap           *basemap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluBasemap, tanlu_basemap_unref)

G_END_DECLS
