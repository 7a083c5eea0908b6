/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tanlu-map-data.h"
#include "tanlu-map-draw.h"

G_BEGIN_DECLS

typedef struct _TanluMapRegionCache TanluMapRegionCache;

TanluMapRegionCache *tanlu_map_region_cache_new        (void);
void                 tanlu_map_region_cache_free       (TanluMapRegionCache  *self);
void                 tanlu_map_region_cache_clear      (TanluMapRegionCache  *self);
gboolean             tanlu_map_region_cache_draw       (TanluMapRegionCache  *self,
                                                        cairo_t              *cr,
                                                        TanluMapData         *data,
                                                        const TanluMapView   *view,
                                                        const TanluMapStyle  *style,
                                                        double                device_scale,
                                                        gboolean              allow_stale);
gboolean             tanlu_map_region_cache_wants      (TanluMapRegionCache  *self,
                                                        TanluMapData         *data,
                                                        const TanluMapView   *view,
                                                        const TanluMapStyle  *style,
                                                        double                device_scale);
void                 tanlu_map_region_cache_prepare_async (TanluMapRegionCache *self,
                                                        TanluMapData         *data,
                                                        const TanluMapView   *view,
                                                        const TanluMapStyle  *style,
                                                        double                device_scale,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean             tanlu_map_region_cache_prepare_finish (TanluMapRegionCache *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
guint                tanlu_map_region_cache_get_n_renders (TanluMapRegionCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluMapRegionCache, tanlu_map_region_cache_free)

G_END_DECLS
