/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-geometry"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-geometry.h"

#include <math.h>
#include <stdlib.h>

/* Coordinates are stored as integer micro-degrees (about 0.1 m): finer than
 * any boundary source, and small deltas between neighbouring points encode
 * in two or three bytes. */
#define MICRODEGREES 1e6
#define MAGIC_0      'T'
#define MAGIC_1      'G'
#define FORMAT_1     1

struct _TanluGeometry
{
  gatomicrefcount  ref_count;
  GArray          *points;      /* double lon, lat pairs */
  GArray          *rings;       /* TanluRing */
  guint            n_polygons;
  guint            rings_in_polygon;
  double           min_lon;
  double           min_lat;
  double           max_lon;
  double           max_lat;
};

G_DEFINE_BOXED_TYPE (TanluGeometry, tanlu_geometry, tanlu_geometry_ref, tanlu_geometry_unref)
G_DEFINE_QUARK (tanlu-geometry-error-quark, tanlu_geometry_error)

/* ------------------------------------------------------------------------ */

static void
put_varint (GByteArray *out,
            guint64     value)
{
  while (value >= 0x80)
    {
      guint8 byte = (value & 0x7f) | 0x80;

      g_byte_array_append (out, &byte, 1);
      value >>= 7;
    }

  {
    guint8 byte = value;

    g_byte_array_append (out, &byte, 1);
  }
}

static gboolean
get_varint (const guint8 **cursor,
            const guint8  *end,
            guint64       *value)
{
  guint64 result = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 byte;

      if (*cursor >= end)
        return FALSE;

      byte = *(*cursor)++;
      result |= (guint64)(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }

  return FALSE;
}

static inline guint64
zigzag_encode (gint64 value)
{
  return ((guint64)value << 1) ^ (guint64)(value >> 63);
}

static inline gint64
zigzag_decode (guint64 value)
{
  return (gint64)(value >> 1) ^ -(gint64)(value & 1);
}

static double
ring_signed_area (const double *points,
                  guint         n_points,
                  double       *centroid_x,
                  double       *centroid_y)
{
  double area = 0;
  double cx = 0;
  double cy = 0;

  for (guint i = 0; i + 1 < n_points; i++)
    {
      double x0 = points[2 * i];
      double y0 = points[2 * i + 1];
      double x1 = points[2 * i + 2];
      double y1 = points[2 * i + 3];
      double cross = x0 * y1 - x1 * y0;

      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }

  area /= 2;
  if (centroid_x != NULL && centroid_y != NULL && area != 0)
    {
      *centroid_x = cx / (6 * area);
      *centroid_y = cy / (6 * area);
    }

  return area;
}

static gboolean
ring_contains (const double *points,
               guint         n_points,
               double        x,
               double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = points[2 * i];
      double yi = points[2 * i + 1];
      double xj = points[2 * j];
      double yj = points[2 * j + 1];

      if (((yi > y) != (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
        inside = !inside;
    }

  return inside;
}

static gboolean
polygon_contains (TanluGeometry *self,
                  guint          polygon,
                  double         x,
                  double         y)
{
  const double *points = (const double *)(gpointer)self->points->data;
  gboolean inside = FALSE;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const TanluRing *ring = &g_array_index (self->rings, TanluRing, r);

      if (ring->polygon == polygon &&
          ring_contains (points + 2 * ring->first_point, ring->n_points, x, y))
        inside = !inside;
    }

  return inside;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

/* When the centroid of a concave or crescent-shaped polygon falls outside
 * it, a label or marker placed there would sit on a neighbour. Take the
 * middle of the widest inside span along the centroid's latitude instead. */
static gboolean
polygon_interior_point (TanluGeometry *self,
                        guint          polygon,
                        double         y,
                        double        *x_out)
{
  const double *points = (const double *)(gpointer)self->points->data;
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  double best_width = -1;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const TanluRing *ring = &g_array_index (self->rings, TanluRing, r);
      const double *p = points + 2 * ring->first_point;

      if (ring->polygon != polygon)
        continue;

      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          double y0 = p[2 * i + 1];
          double y1 = p[2 * i + 3];

          if ((y0 > y) != (y1 > y))
            {
              double x = p[2 * i] + (p[2 * i + 2] - p[2 * i]) * (y - y0) / (y1 - y0);

              g_array_append_val (crossings, x);
            }
        }
    }

  g_array_sort (crossings, compare_doubles);

  for (guint i = 0; i + 1 < crossings->len; i += 2)
    {
      double left = g_array_index (crossings, double, i);
      double right = g_array_index (crossings, double, i + 1);

      if (right - left > best_width)
        {
          best_width = right - left;
          *x_out = (left + right) / 2;
        }
    }

  return best_width >= 0;
}

/* ------------------------------------------------------------------------ */

TanluGeometry *
tanlu_geometry_new (void)
{
  TanluGeometry *self = g_new0 (TanluGeometry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->rings = g_array_new (FALSE, FALSE, sizeof (TanluRing));
  self->min_lon = self->min_lat = INFINITY;
  self->max_lon = self->max_lat = -INFINITY;

  return self;
}

TanluGeometry *
tanlu_geometry_ref (TanluGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
tanlu_geometry_unref (TanluGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->points);
      g_array_unref (self->rings);
      g_free (self);
    }
}

/**
 * tanlu_geometry_begin_polygon:
 *
 * Starts a new polygon: the next ring added is its outer ring, the ones
 * after that its holes.
 */
void
tanlu_geometry_begin_polygon (TanluGeometry *self)
{
  g_return_if_fail (self != NULL);

  self->n_polygons++;
  self->rings_in_polygon = 0;
}

/**
 * tanlu_geometry_add_ring:
 * @lonlat: (array): @n_points longitude, latitude pairs
 *
 * Adds a ring to the current polygon. A ring that is not closed is closed
 * by repeating its first point.
 */
void
tanlu_geometry_add_ring (TanluGeometry *self,
                         const double  *lonlat,
                         guint          n_points)
{
  TanluRing ring;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->n_polygons > 0);
  g_return_if_fail (lonlat != NULL || n_points == 0);

  ring.first_point = self->points->len / 2;
  ring.n_points = n_points;
  ring.polygon = self->n_polygons - 1;
  ring.is_outer = self->rings_in_polygon++ == 0;

  g_array_append_vals (self->points, lonlat, 2 * n_points);

  if (n_points > 0 &&
      (lonlat[0] != lonlat[2 * n_points - 2] || lonlat[1] != lonlat[2 * n_points - 1]))
    {
      g_array_append_vals (self->points, lonlat, 2);
      ring.n_points++;
    }

  for (guint i = 0; i < n_points; i++)
    {
      double lon = lonlat[2 * i];
      double lat = lonlat[2 * i + 1];

      self->min_lon = MIN (self->min_lon, lon);
      self->max_lon = MAX (self->max_lon, lon);
      self->min_lat = MIN (self->min_lat, lat);
      self->max_lat = MAX (self->max_lat, lat);
    }

  g_array_append_val (self->rings, ring);
}

guint
tanlu_geometry_get_n_polygons (TanluGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_polygons;
}

guint
tanlu_geometry_get_n_rings (TanluGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rings->len;
}

const TanluRing *
tanlu_geometry_get_ring (TanluGeometry *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rings->len, NULL);

  return &g_array_index (self->rings, TanluRing, index);
}

/**
 * tanlu_geometry_get_points:
 * @n_points: (out): number of points
 *
 * Returns: (array): interleaved longitude, latitude pairs of all rings
 */
const double *
tanlu_geometry_get_points (TanluGeometry *self,
                           guint         *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_points != NULL)
    *n_points = self->points->len / 2;

  return (const double *)(gpointer)self->points->data;
}

void
tanlu_geometry_get_bounds (TanluGeometry *self,
                           double        *min_lon,
                           double        *min_lat,
                           double        *max_lon,
                           double        *max_lat)
{
  g_return_if_fail (self != NULL);

  *min_lon = self->min_lon;
  *min_lat = self->min_lat;
  *max_lon = self->max_lon;
  *max_lat = self->max_lat;
}

/**
 * tanlu_geometry_validate:
 *
 * Checks what a map needs to draw the geometry: at least one polygon, rings
 * of at least four points (three corners and the closing point), finite
 * coordinates within longitude ±180° and latitude ±90°.
 */
gboolean
tanlu_geometry_validate (TanluGeometry  *self,
                         GError        **error)
{
  const double *points;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->rings->len == 0)
    {
      g_set_error_literal (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_EMPTY,
                           _("The geometry is empty"));
      return FALSE;
    }

  points = (const double *)(gpointer)self->points->data;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const TanluRing *ring = &g_array_index (self->rings, TanluRing, r);

      if (ring->n_points < 4)
        {
          g_set_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_RING_TOO_SHORT,
                       _("Ring %u has %u points; a ring needs at least 4"),
                       r + 1, ring->n_points);
          return FALSE;
        }

      for (guint i = 0; i < ring->n_points; i++)
        {
          double lon = points[2 * (ring->first_point + i)];
          double lat = points[2 * (ring->first_point + i) + 1];

          if (!isfinite (lon) || !isfinite (lat))
            {
              g_set_error (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_NOT_FINITE,
                           _("Ring %u, point %u is not a finite number"), r + 1, i + 1);
              return FALSE;
            }

          if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
            {
              g_set_error (
                error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_OUT_OF_RANGE,
                _("Ring %u, point %u (%g, %g) is outside longitude ±180° and latitude ±90°"),
                r + 1, i + 1, lon, lat);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * tanlu_geometry_contains:
 *
 * Even–odd rule over all rings, so holes are respected.
 */
gboolean
tanlu_geometry_contains (TanluGeometry *self,
                         double         longitude,
                         double         latitude)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (longitude < self->min_lon || longitude > self->max_lon ||
      latitude < self->min_lat || latitude > self->max_lat)
    return FALSE;

  for (guint p = 0; p < self->n_polygons; p++)
    if (polygon_contains (self, p, longitude, latitude))
      return TRUE;

  return FALSE;
}

/**
 * tanlu_geometry_get_centroid:
 *
 * The area centroid of the largest polygon, or, when that falls outside
 * the polygon, a point inside it on the same latitude. This is where
 * labels and markers go, so it must be on the region itself even for
 * regions made of many islands.
 */
void
tanlu_geometry_get_centroid (TanluGeometry *self,
                             double        *longitude,
                             double        *latitude)
{
  const double *points;
  double best_area = -1;
  double best_x = 0;
  double best_y = 0;
  guint best_polygon = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (longitude != NULL && latitude != NULL);

  points = (const double *)(gpointer)self->points->data;

  for (guint p = 0; p < self->n_polygons; p++)
    {
      double area = 0;
      double sum_x = 0;
      double sum_y = 0;

      for (guint r = 0; r < self->rings->len; r++)
        {
          const TanluRing *ring = &g_array_index (self->rings, TanluRing, r);
          double cx = 0;
          double cy = 0;
          double ring_area;

          if (ring->polygon != p)
            continue;

          ring_area =
            fabs (ring_signed_area (points + 2 * ring->first_point, ring->n_points, &cx, &cy));
          if (!ring->is_outer)
            ring_area = -ring_area;

          area += ring_area;
          sum_x += ring_area * cx;
          sum_y += ring_area * cy;
        }

      if (area > best_area && area > 0)
        {
          best_area = area;
          best_x = sum_x / area;
          best_y = sum_y / area;
          best_polygon = p;
        }
    }

  if (best_area <= 0)
    {
      *longitude = (self->min_lon + self->max_lon) / 2;
      *latitude = (self->min_lat + self->max_lat) / 2;
      return;
    }

  if (!polygon_contains (self, best_polygon, best_x, best_y))
    polygon_interior_point (self, best_polygon, best_y, &best_x);

  *longitude = best_x;
  *latitude = best_y;
}

/* The pole of inaccessibility, after Mapbox's polylabel (Vladimir
 * Agafonkin, 2016): square cells over the bounds, most promising first,
 * each split in four while it may still hold a point farther from the
 * boundary than the best found by more than the precision asked for. A
 * cell's promise is the distance at its centre plus its half-diagonal.
 *
 * Distances are measured in degrees of latitude with longitudes scaled by
 * the cosine of the middle latitude, so the point is central on the ground
 * and on any map of a province, whatever its projection. */

typedef struct
{
  double x;          /* scaled longitude */
  double y;          /* latitude */
  double half;       /* half the cell's side */
  double distance;   /* from the centre to the boundary, negative outside */
  double potential;  /* the most any point of the cell can reach */
} PoleCell;

/* How far a point is from the nearest ring, negative outside: even–odd
 * over every ring, so holes and the other parts count. */
static double
pole_distance (TanluGeometry *self,
               double         x_scale,
               double         x,
               double         y)
{
  const double *points = (const double *)(gpointer)self->points->data;
  double longitude = x / x_scale;
  double best = G_MAXDOUBLE;
  gboolean inside = FALSE;

  for (guint r = 0; r < self->rings->len; r++)
    {
      const TanluRing *ring = &g_array_index (self->rings, TanluRing, r);
      const double *p = points + 2 * ring->first_point;

      if (ring->n_points < 2)
        continue;

      inside ^= ring_contains (p, ring->n_points, longitude, y);

      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          double ax = p[2 * i] * x_scale;
          double ay = p[2 * i + 1];
          double dx = p[2 * i + 2] * x_scale - ax;
          double dy = p[2 * i + 3] - ay;
          double t = 0;
          double ex, ey;

          if (dx != 0 || dy != 0)
            t = CLAMP (((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0, 1);
          ex = ax + t * dx - x;
          ey = ay + t * dy - y;
          best = MIN (best, ex * ex + ey * ey);
        }
    }

  return (inside ? 1 : -1) * sqrt (best);
}

static PoleCell *
pole_cell_new (TanluGeometry *self,
               double         x_scale,
               double         x,
               double         y,
               double         half)
{
  PoleCell *cell = g_new (PoleCell, 1);

  cell->x = x;
  cell->y = y;
  cell->half = half;
  cell->distance = pole_distance (self, x_scale, x, y);
  cell->potential = cell->distance + half * G_SQRT2;

  return cell;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  double pa = ((const PoleCell *) a)->potential;
  double pb = ((const PoleCell *) b)->potential;

  return (pa > pb) - (pa < pb);
}

/**
 * tanlu_geometry_pole_of_inaccessibility:
 * @precision: how close to the farthest point the answer must be, in
 *   degrees of latitude
 * @longitude: (out): the point
 * @latitude: (out):
 *
 * Finds the point inside the geometry farthest from its boundary, holes
 * and every part included: for a region of many parts, the centre of the
 * largest circle that fits in any of them. Unlike the centroid, it is
 * always well inside, which makes it the safe place to read a region's
 * colour or put something that must not touch its edges.
 *
 * Returns: the distance from the point to the boundary, in degrees of
 *   latitude (about 111 km each); 0 for a geometry without area
 */
double
tanlu_geometry_pole_of_inaccessibility (TanluGeometry *self,
                                        double         precision,
                                        double        *longitude,
                                        double        *latitude)
{
  g_autoptr(GSequence) queue = NULL;
  g_autofree PoleCell *best = NULL;
  double x_scale, min_x, max_x, cell_size;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (precision > 0, 0);
  g_return_val_if_fail (longitude != NULL && latitude != NULL, 0);

  if (self->points->len == 0)
    {
      *longitude = *latitude = 0;
      return 0;
    }

  x_scale = cos ((self->min_lat + self->max_lat) / 2 * G_PI / 180);
  min_x = self->min_lon * x_scale;
  max_x = self->max_lon * x_scale;
  cell_size = MIN (max_x - min_x, self->max_lat - self->min_lat);

  if (cell_size <= 0)
    {
      *longitude = self->min_lon;
      *latitude = self->min_lat;
      return 0;
    }

  /* The centroid first: for most shapes it is already close. */
  tanlu_geometry_get_centroid (self, longitude, latitude);
  best = pole_cell_new (self, x_scale, *longitude * x_scale, *latitude, 0);

  /* Every cell leaves the queue through the loop, which frees it. */
  queue = g_sequence_new (NULL);
  for (double x = min_x; x < max_x; x += cell_size)
    for (double y = self->min_lat; y < self->max_lat; y += cell_size)
      g_sequence_insert_sorted (
        queue, pole_cell_new (self, x_scale, x + cell_size / 2, y + cell_size / 2, cell_size / 2),
        compare_cells, NULL);

  while (!g_sequence_is_empty (queue))
    {
      GSequenceIter *last = g_sequence_iter_prev (g_sequence_get_end_iter (queue));
      PoleCell *cell = g_sequence_get (last);
      double half = cell->half / 2;

      g_sequence_remove (last);

      if (cell->distance > best->distance)
        {
          g_free (best);
          best = cell;
        }

      if (cell->potential - best->distance <= precision)
        {
          if (cell != best)
            g_free (cell);
          continue;
        }

      for (int dy = -1; dy <= 1; dy += 2)
        for (int dx = -1; dx <= 1; dx += 2)
          g_sequence_insert_sorted (
            queue, pole_cell_new (self, x_scale, cell->x + dx * half, cell->y + dy * half, half),
            compare_cells, NULL);
      if (cell != best)
        g_free (cell);
    }

  *longitude = best->x / x_scale;
  *latitude = best->y;

  return MAX (best->distance, 0);
}

/**
 * tanlu_geometry_encode:
 *
 * Serialises the geometry compactly for the store: counts as varints, then
 * zig-zag varint deltas of micro-degree coordinates.
 *
 * Returns: (transfer full): the encoded bytes
 */
GBytes *
tanlu_geometry_encode (TanluGeometry *self)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const guint8 header[] = { MAGIC_0, MAGIC_1, FORMAT_1 };
  const double *points;
  gint64 last_x = 0;
  gint64 last_y = 0;
  guint r = 0;

  g_return_val_if_fail (self != NULL, NULL);

  g_byte_array_append (out, header, sizeof header);
  put_varint (out, self->n_polygons);

  for (guint p = 0; p < self->n_polygons; p++)
    {
      guint n_rings = 0;

      for (guint i = r;
           i < self->rings->len && g_array_index (self->rings, TanluRing, i).polygon == p; i++)
        n_rings++;

      put_varint (out, n_rings);
      for (guint i = 0; i < n_rings; i++)
        put_varint (out, g_array_index (self->rings, TanluRing, r + i).n_points);
      r += n_rings;
    }

  points = (const double *)(gpointer)self->points->data;

  for (guint i = 0; i < self->rings->len; i++)
    {
      const TanluRing *ring = &g_array_index (self->rings, TanluRing, i);

      for (guint k = 0; k < ring->n_points; k++)
        {
          gint64 x = llround (points[2 * (ring->first_point + k)] * MICRODEGREES);
          gint64 y = llround (points[2 * (ring->first_point + k) + 1] * MICRODEGREES);

          put_varint (out, zigzag_encode (x - last_x));
          put_varint (out, zigzag_encode (y - last_y));
          last_x = x;
          last_y = y;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * tanlu_geometry_decode:
 *
 * Reverses tanlu_geometry_encode(). Counts are checked against the data
 * left, so damaged input fails instead of allocating without bound.
 *
 * Returns: (transfer full) (nullable): the geometry
 */
TanluGeometry *
tanlu_geometry_decode (const guint8  *data,
                       gsize          length,
                       GError       **error)
{
  g_autoptr(TanluGeometry) self = NULL;
  g_autoptr(GArray) ring_sizes = NULL;
  g_autoptr(GArray) ring_polygons = NULL;
  const guint8 *cursor = data;
  const guint8 *end = data + length;
  g_autofree double *ring_points = NULL;
  guint64 n_polygons;
  gint64 x = 0;
  gint64 y = 0;
  guint64 max_ring = 0;

  if (length < 3 || data[0] != MAGIC_0 || data[1] != MAGIC_1 || data[2] != FORMAT_1)
    goto corrupt;

  cursor += 3;
  if (!get_varint (&cursor, end, &n_polygons) || n_polygons > length)
    goto corrupt;

  ring_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  ring_polygons = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < n_polygons; p++)
    {
      guint64 n_rings;

      if (!get_varint (&cursor, end, &n_rings) || n_rings > length)
        goto corrupt;

      for (guint i = 0; i < n_rings; i++)
        {
          guint64 n_points;
          guint value;

          /* Every point takes at least two bytes. */
          if (!get_varint (&cursor, end, &n_points) || n_points > length / 2)
            goto corrupt;

          value = n_points;
          g_array_append_val (ring_sizes, value);
          value = p;
          g_array_append_val (ring_polygons, value);
          max_ring = MAX (max_ring, n_points);
        }
    }

  self = tanlu_geometry_new ();
  ring_points = g_new (double, 2 * MAX (max_ring, 1));

  for (guint i = 0; i < ring_sizes->len; i++)
    {
      guint n_points = g_array_index (ring_sizes, guint, i);
      guint polygon = g_array_index (ring_polygons, guint, i);

      for (guint k = 0; k < n_points; k++)
        {
          guint64 dx;
          guint64 dy;

          if (!get_varint (&cursor, end, &dx) || !get_varint (&cursor, end, &dy))
            goto corrupt;

          x += zigzag_decode (dx);
          y += zigzag_decode (dy);
          ring_points[2 * k] = x / MICRODEGREES;
          ring_points[2 * k + 1] = y / MICRODEGREES;
        }

      while (self->n_polygons < polygon + 1)
        tanlu_geometry_begin_polygon (self);
      tanlu_geometry_add_ring (self, ring_points, n_points);
    }

  while (self->n_polygons < n_polygons)
    tanlu_geometry_begin_polygon (self);

  if (cursor != end)
    goto corrupt;

  return g_steal_pointer (&self);

corrupt:
  g_set_error_literal (error, TANLU_GEOMETRY_ERROR, TANLU_GEOMETRY_ERROR_CORRUPT,
                       _("The stored boundary is damaged"));
  return NULL;
}
