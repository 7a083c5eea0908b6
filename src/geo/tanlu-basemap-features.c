/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-basemap-features"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-basemap-features.h"
#include "store/tanlu-basemap-store.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <string.h>

/* The offline basemap drawn under the regions: land, lakes, coastlines,
 * country borders and rivers, and the South China Sea Islands and the
 * dashed line that national maps show in an inset.
 *
 * Lines are kept in TanluGeometry too, so that they share its compact
 * encoding: each line is a polygon of one ring. A ring is always closed
 * (tanlu_geometry_add_ring() repeats the first point of an open one), so a
 * line's ring carries one point more than the line, its last, which is not
 * part of the line. tanlu_basemap_add_line() and
 * tanlu_basemap_line_get_n_points() keep that convention in one place. */

static const char * const polygon_kinds[] = { "land", "lake", "island", "dash" };
static const char * const line_kinds[] = { "coastline", "border", "river" };

static gboolean
validate_lines (TanluGeometry  *geometry,
                GError        **error)
{
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  guint n_rings = tanlu_geometry_get_n_rings (geometry);

  if (n_rings == 0)
    {
      g_set_error_literal (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_EMPTY,
                           _("The geometry is empty"));
      return FALSE;
    }

  for (guint r = 0; r < n_rings; r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);

      /* Two points of the line, and the one that closed its ring. */
      if (ring->n_points < 3)
        {
          g_set_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_RING_TOO_SHORT,
                       _("Line %u has %u points; a line needs at least 2"),
                       r + 1, tanlu_basemap_line_get_n_points (ring));
          return FALSE;
        }

      for (guint i = 0; i < ring->n_points; i++)
        {
          double lon = points[2 * (ring->first_point + i)];
          double lat = points[2 * (ring->first_point + i) + 1];

          if (!isfinite (lon) || !isfinite (lat) || lon < -180 || lon > 180 || lat < -90 ||
              lat > 90)
            {
              g_set_error (
                error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_OUT_OF_RANGE,
                _("Line %u, point %u (%g, %g) is outside longitude ±180° and latitude ±90°"),
                r + 1, i + 1, lon, lat);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * tanlu_basemap_kind_is_valid:
 *
 * Returns: whether @kind is one of the kinds the basemap draws
 */
gboolean
tanlu_basemap_kind_is_valid (const char *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (polygon_kinds); i++)
    if (g_str_equal (kind, polygon_kinds[i]))
      return TRUE;

  return tanlu_basemap_kind_is_line (kind);
}

/**
 * tanlu_basemap_kind_is_line:
 *
 * Returns: whether features of @kind are lines (coastlines, borders,
 *   rivers) rather than polygons
 */
gboolean
tanlu_basemap_kind_is_line (const char *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (line_kinds); i++)
    if (g_str_equal (kind, line_kinds[i]))
      return TRUE;

  return FALSE;
}

/**
 * tanlu_basemap_add_line:
 * @lonlat: (array): @n_points longitude, latitude pairs, at least two
 *
 * Adds a line to @geometry as a polygon of its own, with one point more
 * than the line, which tanlu_basemap_line_get_n_points() leaves out again.
 */
void
tanlu_basemap_add_line (TanluGeometry *geometry,
                        const double  *lonlat,
                        guint          n_points)
{
  g_autofree double *closed = NULL;

  g_return_if_fail (geometry != NULL);
  g_return_if_fail (lonlat != NULL);
  g_return_if_fail (n_points >= 2);

  tanlu_geometry_begin_polygon (geometry);

  if (lonlat[0] != lonlat[2 * n_points - 2] || lonlat[1] != lonlat[2 * n_points - 1])
    {
      /* An open line: tanlu_geometry_add_ring() appends the extra point. */
      tanlu_geometry_add_ring (geometry, lonlat, n_points);
      return;
    }

  /* A closed line, such as an island's coast: its last point belongs to the
   * line, so repeat it to give the ring its extra point. */
  closed = g_new (double, 2 * (n_points + 1));
  memcpy (closed, lonlat, 2 * n_points * sizeof (double));
  closed[2 * n_points] = lonlat[0];
  closed[2 * n_points + 1] = lonlat[1];
  tanlu_geometry_add_ring (geometry, closed, n_points + 1);
}

/**
 * tanlu_basemap_line_get_n_points:
 * @ring: a ring of a line feature's geometry
 *
 * Returns: the number of points of the line stored in @ring, from its
 *   first point on
 */
guint
tanlu_basemap_line_get_n_points (const TanluRing *ring)
{
  g_return_val_if_fail (ring != NULL, 0);

  return ring->n_points > 0 ? ring->n_points - 1 : 0;
}

/**
 * tanlu_basemap_add_feature:
 * @kind: "land", "lake", "coastline", "border", "river", "island" or "dash"
 * @detail: below %TANLU_BASEMAP_N_DETAILS
 * @geometry: polygons for land, lakes, islands and dashes; lines built with
 *   tanlu_basemap_add_line() for the other kinds
 *
 * Checks a basemap feature and stores it with its extent, for culling.
 */
gboolean
tanlu_basemap_add_feature (TanluStore     *store,
                           const char     *kind,
                           guint           detail,
                           TanluSource    *source,
                           TanluGeometry  *geometry,
                           GError        **error)
{
  g_autoptr(GBytes) shape = NULL;
  TanluExtent extent;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (!tanlu_basemap_kind_is_valid (kind) || detail >= TANLU_BASEMAP_N_DETAILS)
    {
      g_set_error (error, TANLU_STORE_ERROR, TANLU_STORE_ERROR_INVALID,
                   _("“%s” at detail %u is not a kind of basemap feature"), kind, detail);
      return FALSE;
    }

  /* tanlu_geometry_validate() wants closed rings of three corners or more,
   * which lines need not have. */
  if (tanlu_basemap_kind_is_line (kind) ? !validate_lines (geometry, error)
                                        : !tanlu_geometry_validate (geometry, error))
    {
      g_prefix_error (error, _("Basemap %s feature: "), kind);
      return FALSE;
    }

  shape = tanlu_geometry_encode (geometry);
  tanlu_geometry_get_bounds (geometry, &extent.min_lon, &extent.min_lat, &extent.max_lon,
                             &extent.max_lat);

  return tanlu_store_add_basemap_feature (store, kind, detail, source, shape, &extent, error);
}

typedef struct
{
  TanluBasemapFeatureFunc  func;
  gpointer                 user_data;
} ForeachData;

static gboolean
decode_feature_cb (const char         *kind,
                   guint               detail,
                   const TanluExtent  *extent,
                   const guint8       *shape,
                   gsize               length,
                   gpointer            user_data,
                   GError            **error)
{
  ForeachData *data = user_data;
  g_autoptr(TanluGeometry) geometry = NULL;

  if (!(geometry = tanlu_geometry_decode (shape, length, error)))
    return FALSE;

  return data->func (kind, detail, extent->min_lon, extent->min_lat, extent->max_lon,
                     extent->max_lat, geometry, data->user_data);
}

/**
 * tanlu_basemap_foreach_feature:
 * @detail: which detail to read, below %TANLU_BASEMAP_N_DETAILS
 *
 * Calls @func for each basemap feature of @detail, in the order they were
 * added, until it returns %FALSE.
 */
gboolean
tanlu_basemap_foreach_feature (TanluStore               *store,
                               guint                     detail,
                               TanluBasemapFeatureFunc   func,
                               gpointer                  user_data,
                               GError                  **error)
{
  ForeachData data = { func, user_data };

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return tanlu_store_foreach_basemap_feature (store, detail, decode_feature_cb, &data, error);
}
