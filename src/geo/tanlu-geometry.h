/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TANLU_GEOMETRY_ERROR (tanlu_geometry_error_quark ())

typedef enum
{
  TANLU_GEOMETRY_ERROR_EMPTY,
  TANLU_GEOMETRY_ERROR_NOT_FINITE,
  TANLU_GEOMETRY_ERROR_OUT_OF_RANGE,
  TANLU_GEOMETRY_ERROR_RING_TOO_SHORT,
  TANLU_GEOMETRY_ERROR_CORRUPT,
} TanluGeometryError;

/**
 * TanluRing:
 * @first_point: index of the ring's first point in the geometry's point array
 * @n_points: number of points, the closing point included
 * @polygon: index of the polygon the ring belongs to
 * @is_outer: %TRUE for a polygon's outer ring, %FALSE for its holes
 */
typedef struct
{
  guint     first_point;
  guint     n_points;
  guint     polygon;
  gboolean  is_outer;
} TanluRing;

typedef struct _TanluGeometry TanluGeometry;

#define TANLU_TYPE_GEOMETRY (tanlu_geometry_get_type ())

GType             tanlu_geometry_get_type        (void) G_GNUC_CONST;
GQuark            tanlu_geometry_error_quark     (void);
TanluGeometry    *tanlu_geometry_new             (void);
TanluGeometry    *tanlu_geometry_ref             (TanluGeometry  *self);
void              tanlu_geometry_unref           (TanluGeometry  *self);
void              tanlu_geometry_begin_polygon   (TanluGeometry  *self);
void              tanlu_geometry_add_ring        (TanluGeometry  *self,
                                                  const double   *lonlat,
                                                  guint           n_points);
guint             tanlu_geometry_get_n_polygons  (TanluGeometry  *self);
guint             tanlu_geometry_get_n_rings     (TanluGeometry  *self);
const TanluRing  *tanlu_geometry_get_ring        (TanluGeometry  *self,
                                                  guint           index);
const double     *tanlu_geometry_get_points      (TanluGeometry  *self,
                                                  guint          *n_points);
void              tanlu_geometry_get_bounds      (TanluGeometry  *self,
                                                  double         *min_lon,
                                                  double         *min_lat,
                                                  double         *max_lon,
                                                  double         *max_lat);
gboolean          tanlu_geometry_validate        (TanluGeometry  *self,
                                                  GError        **error);
gboolean          tanlu_geometry_contains        (TanluGeometry  *self,
                                                  double          longitude,
                                                  double          latitude);
void              tanlu_geometry_get_centroid    (TanluGeometry  *self,
                                                  double         *longitude,
                                                  double         *latitude);
double            tanlu_geometry_pole_of_inaccessibility (TanluGeometry  *self,
                                                  double          precision,
                                                  double         *longitude,
                                                  double         *latitude);
GBytes           *tanlu_geometry_encode          (TanluGeometry  *self);
TanluGeometry    *tanlu_geometry_decode          (const guint8   *data,
                                                  gsize           length,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluGeometry, tanlu_geometry_unref)

G_END_DECLS
