/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/**
 * TanluMapMarker:
 * @latitude: where the marker stands
 * @longitude:
 * @kind: what it marks, such as "capital"; the map draws each kind its
 *   own way
 * @label: a short name
 * @tooltip: (nullable): what hovering it says
 * @region_code: the region it belongs to, or 0
 * @variant: (nullable): a variant of the kind the map draws differently,
 *   such as a site's status
 *
 * A point on the map: provincial capitals, and the places the joint
 * plan's tasks name.
 */
typedef struct
{
  double  latitude;
  double  longitude;
  char   *kind;
  char   *label;
  char   *tooltip;
  guint   region_code;
  char   *variant;
} TanluMapMarker;

TanluMapMarker *tanlu_map_marker_new          (double          latitude,
                                               double          longitude,
                                               const char     *kind,
                                               const char     *label,
                                               const char     *tooltip,
                                               guint           region_code);
void            tanlu_map_marker_free         (TanluMapMarker *marker);
GPtrArray      *tanlu_map_list_capitals       (TanluStore     *store,
                                               gboolean        chinese,
                                               GError        **error);
GPtrArray      *tanlu_map_list_sites          (TanluStore     *store,
                                               gboolean        chinese,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluMapMarker, tanlu_map_marker_free)

G_END_DECLS
