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

typedef struct _TanluGeojsonReader TanluGeojsonReader;

GQuark              tanlu_geojson_error_quark             (void);
gboolean            tanlu_geojson_read_positions          (JsonArray           *positions,
                                                           GArray              *lonlat);
GPtrArray          *tanlu_geojson_read_boundaries         (const char          *path,
                                                           gboolean            *schematic,
                                                           GError             **error);

TanluGeojsonReader *tanlu_geojson_reader_new_for_path     (const char          *path,
                                                           GError             **error);
TanluGeojsonReader *tanlu_geojson_reader_new_for_bytes    (GBytes              *bytes,
                                                           const char          *display_name,
                                                           GError             **error);
void                tanlu_geojson_reader_free             (TanluGeojsonReader  *self);
const char         *tanlu_geojson_reader_get_display_name (TanluGeojsonReader  *self);
JsonNode           *tanlu_geojson_reader_get_member       (TanluGeojsonReader  *self,
                                                           const char          *name);
JsonNode           *tanlu_geojson_reader_next             (TanluGeojsonReader  *self,
                                                           GError             **error);
guint               tanlu_geojson_reader_get_index        (TanluGeojsonReader  *self);
const char         *tanlu_geojson_reader_get_text         (TanluGeojsonReader  *self,
                                                           gsize               *length);
double              tanlu_geojson_reader_get_fraction     (TanluGeojsonReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluGeojsonReader, tanlu_geojson_reader_free)

G_END_DECLS
