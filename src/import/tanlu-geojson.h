/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "geo/tanlu-geometry.h"

G_BEGIN_DECLS

#define TANLU_GEOJSON_ERROR (tanlu_geojson_error_quark ())

typedef enum
{
  TANLU_GEOJSON_ERROR_PARSE,
  TANLU_GEOJSON_ERROR_STRUCTURE,
  TANLU_GEOJSON_ERROR_CODE,
  TANLU_GEOJSON_ERROR_GEOMETRY,
} TanluGeojsonError;

/**
 * TanluBoundaryFeature:
 * @code: the region's GB/T 2260 code, from the feature's "code" property
 * @geometry: its outline
 */
typedef struct
{
  guint          code;
  TanluGeometry *geometry;
} TanluBoundaryFeature;

GQuark     tanlu_geojson_error_quark       (void);
gboolean   tanlu_geojson_read_positions    (JsonArray   *positions,
                                            GArray      *lonlat);
JsonArray *tanlu_geojson_load_features     (JsonParser  *parser,
                                            const char  *path,
                                            GError     **error);
GPtrArray *tanlu_geojson_read_boundaries   (const char  *path,
                                            gboolean    *schematic,
                                            GError     **error);

G_END_DECLS
