/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "geo/tanlu-geometry.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/* Detail 0 is the whole world at small scale, detail 1 East Asia at
 * medium scale. */
#define TANLU_BASEMAP_N_DETAILS 2

/**
 * TanluBasemapFeatureFunc:
 * @kind: "land", "lake", "coastline", "border", "river", "island" or "dash"
 * @detail: below %TANLU_BASEMAP_N_DETAILS
 * @geometry: (transfer none): polygons for land, lakes, islands and dashes; for the other
 *   kinds one line per polygon, read with tanlu_basemap_line_get_n_points()
 *
 * Called for each feature by tanlu_basemap_foreach_feature().
 * Return %FALSE to stop.
 */
typedef gboolean (*TanluBasemapFeatureFunc) (const char    *kind,
                                             guint          detail,
                                             double         min_lon,
                                             double         min_lat,
                                             double         max_lon,
                                             double         max_lat,
                                             TanluGeometry *geometry,
                                             gpointer       user_data);

gboolean  tanlu_basemap_kind_is_valid      (const char               *kind);
gboolean  tanlu_basemap_kind_is_line       (const char               *kind);
void      tanlu_basemap_add_line           (TanluGeometry            *geometry,
                                            const double             *lonlat,
                                            guint                     n_points);
guint     tanlu_basemap_line_get_n_points  (const TanluRing          *ring);
gboolean  tanlu_basemap_add_feature        (TanluStore               *store,
                                            const char               *kind,
                                            guint                     detail,
                                            TanluSource              *source,
                                            TanluGeometry            *geometry,
                                            GError                  **error);
gboolean  tanlu_basemap_foreach_feature    (TanluStore               *store,
                                            guint                     detail,
                                            TanluBasemapFeatureFunc   func,
                                            gpointer                  user_data,
                                            GError                  **error);

G_END_DECLS
