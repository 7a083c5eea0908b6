/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-boundaries"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-boundaries.h"
#include "store/tanlu-store.h"

/* Regions' boundaries between their geometry and the store, which keeps
 * them encoded with their extent and label point. */

/**
 * tanlu_boundary_save:
 * @schematic: whether the geometry is a schematic (示意) outline rather than
 *   an officially approved one
 *
 * Checks @geometry and stores it as the region's boundary from @source,
 * with its extent for culling and its centroid as the region's label
 * point.
 */
gboolean
tanlu_boundary_save (TanluStore     *store,
                     guint           code,
                     TanluGeometry  *geometry,
                     TanluSource    *source,
                     gboolean        schematic,
                     GError        **error)
{
  g_autoptr(GBytes) shape = NULL;
  TanluExtent extent;
  double longitude, latitude;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (!tanlu_geometry_validate (geometry, error))
    {
      g_prefix_error (error, _("Boundary of %u: "), code);
      return FALSE;
    }

  shape = tanlu_geometry_encode (geometry);
  tanlu_geometry_get_bounds (geometry, &extent.min_lon, &extent.min_lat, &extent.max_lon,
                             &extent.max_lat);
  tanlu_geometry_get_centroid (geometry, &longitude, &latitude);

  return tanlu_store_set_boundary (store, code, shape, &extent, longitude, latitude, source,
                                   schematic, error);
}

/**
 * tanlu_boundary_load:
 * @schematic: (out) (optional): whether the boundary is schematic
 *
 * Returns: (transfer full) (nullable): the region's boundary, official if
 *   one was loaded; %NULL without error if it has none
 */
TanluGeometry *
tanlu_boundary_load (TanluStore  *store,
                     guint        code,
                     gboolean    *schematic,
                     GError     **error)
{
  g_autoptr(GBytes) shape = NULL;
  GError *local_error = NULL;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  if (!(shape = tanlu_store_get_boundary (store, code, schematic, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }

  data = g_bytes_get_data (shape, &length);

  return tanlu_geometry_decode (data, length, error);
}
