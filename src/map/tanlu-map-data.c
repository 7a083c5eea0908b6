/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-map-data.h"
#include "geo/tanlu-boundaries.h"
#include "geo/tanlu-geometry.h"
#include "geo/tanlu-topology.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-locale.h"
#include "store/tanlu-region.h"
#include "store/tanlu-source.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <string.h>

/* The regions of one map, projected once when the map is made. Each
 * region keeps its rings at several simplifications, one per zoom level
 * from the whole country to a few cities, so that a frame draws about as
 * many points as it has pixels to show them; hit testing uses the
 * boundary itself.
 *
 * Drawing goes through the map's arcs (geo/tanlu-topology.h): found when
 * the map is first drawn, projected once for each projection drawn in
 * (Web Mercator on screen, Albers in exports) and simplified once for
 * each zoom level, they give both the regions' fills and their borders,
 * each border stroked once. */

/* Tolerances, in pixels, of what simplification may move. */
#define SIMPLIFY_PIXELS 0.5
/* Zoom levels simplified for: the finest is used from there on. */
#define FIRST_ZOOM 2
#define N_LEVELS 11

typedef struct
{
  GArray *ring_lengths;   /* guint */
  GArray *points;         /* double x, y */
} Shape;

/* One simplification of the map's arcs, and the regions' rings made of
 * them. */
typedef struct
{
  GArray    *arc_starts;   /* guint, per arc and one past the last */
  GArray    *points;       /* double x, y */
  GPtrArray *shapes;       /* Shape per region */
} Level;

/* The map's arcs and regions in one projection. */
typedef struct
{
  GArray  *arc_starts;     /* guint, per arc and one past the last */
  GArray  *points;         /* double x, y */
  GArray  *arc_bounds;     /* double min x, min y, max x, max y per arc */
  GArray  *closed;         /* gboolean per arc */
  GArray  *places;         /* TanluMapPlace per region */
  double   bounds[4];
  Level   *levels[N_LEVELS];
} Projected;

struct _TanluMapData
{
  gatomicrefcount      ref_count;

  TanluStore          *store;
  TanluRegionLevel     level;
  guint                parent_code;
  GPtrArray           *regions;        /* TanluMapRegion */
  GHashTable          *by_code;        /* code → TanluMapRegion */
  GHashTable          *successors;     /* code of a unit that ended → the one it merged into */
  double               min_x;
  double               min_y;
  double               max_x;
  double               max_y;

  char                *indicator;
  guint                year;
  guint                change_base;    /* 0, or the year changes are measured from */
  GArray              *years;          /* guint, ascending */
  GHashTable          *series;         /* code → GArray of TanluSeriesPoint */
  TanluClassification *classification;

  /* Series given by the caller rather than read from the store, such as
   * pathways: what they are and where they come from. */
  gboolean             external;
  char                *external_title[2];   /* English, Chinese */
  char                *external_source[2];
  char                *external_unit;
  guint                external_projected_from;
  char                *external_missing[2]; /* what a region without a value is */
  GHashTable          *external_notes;      /* code → what its value stands for */
  gboolean             external_years;      /* the values are years */
  guint                generation;     /* changes whenever what is drawn does */

  /* The regions' borders as arcs, and in each projection, made when first
   * drawn, in whichever thread: see ensure_projected (). */
  GMutex               outlines_lock;
  TanluTopology       *topology;
  Projected           *projected[TANLU_N_PROJECTIONS];
};

/* ------------------------------------------------------------------------ */

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
shape_free (gpointer data)
{
  Shape *shape = data;

  if (shape == NULL)
    return;

  g_array_unref (shape->ring_lengths);
  g_array_unref (shape->points);
  g_free (shape);
}

static void
map_region_free (gpointer data)
{
  TanluMapRegion *region = data;

  g_clear_pointer (&region->geometry, tanlu_geometry_unref);
  g_clear_pointer (&region->shapes, g_ptr_array_unref);
  g_clear_pointer (&region->projected, g_array_unref);
  g_clear_pointer (&region->ring_bounds, g_array_unref);
  g_free (region);
}

static double
segment_distance_squared (const double *p,
                          const double *a,
                          const double *b)
{
  double dx = b[0] - a[0];
  double dy = b[1] - a[1];
  double t = 0;
  double ex, ey;

  if (dx != 0 || dy != 0)
    t = CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);

  ex = a[0] + t * dx - p[0];
  ey = a[1] + t * dy - p[1];

  return ex * ex + ey * ey;
}

/* Douglas–Peucker on one ring, without recursion: the points kept are
 * marked, then copied in order. */
static guint
simplify_ring (const double *points,
               guint         n_points,
               double        tolerance,
               GArray       *out)
{
  g_autofree gboolean *keep = g_new0 (gboolean, n_points);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  double tolerance_squared = tolerance * tolerance;
  guint n_kept = 0;

  if (n_points <= 4)
    {
      g_array_append_vals (out, points, n_points * 2);
      return n_points;
    }

  keep[0] = keep[n_points - 1] = TRUE;
  /* A closed ring starts and ends on the same point: split it at the point
   * farthest from the start, so both halves have a real chord. */
  {
    guint far = 1;
    double far_distance = -1;

    for (guint i = 1; i < n_points - 1; i++)
      {
        double dx = points[2 * i] - points[0];
        double dy = points[2 * i + 1] - points[1];

        if (dx * dx + dy * dy > far_distance)
          {
            far_distance = dx * dx + dy * dy;
            far = i;
          }
      }
    keep[far] = TRUE;
    g_array_append_val (stack, far);
    g_array_append_val (stack, (guint) { n_points - 1 });
    g_array_append_val (stack, (guint) { 0 });
    g_array_append_val (stack, far);
  }

  while (stack->len >= 2)
    {
      guint last = g_array_index (stack, guint, stack->len - 1);
      guint first = g_array_index (stack, guint, stack->len - 2);
      double max_distance = -1;
      guint index = first;

      g_array_set_size (stack, stack->len - 2);

      for (guint i = first + 1; i < last; i++)
        {
          double distance =
            segment_distance_squared (&points[2 * i], &points[2 * first], &points[2 * last]);

          if (distance > max_distance)
            {
              max_distance = distance;
              index = i;
            }
        }

      if (max_distance > tolerance_squared)
        {
          keep[index] = TRUE;
          g_array_append_val (stack, first);
          g_array_append_val (stack, index);
          g_array_append_val (stack, index);
          g_array_append_val (stack, last);
        }
    }

  for (guint i = 0; i < n_points; i++)
    if (keep[i])
      {
        g_array_append_vals (out, &points[2 * i], 2);
        n_kept++;
      }

  return n_kept;
}

/* The rings simplified for zoom @level. Rings that would be smaller than a
 * pixel at that level are left out. */
static Shape *
simplify_region (TanluMapRegion *region,
                 guint           level)
{
  Shape *shape = g_new0 (Shape, 1);
  guint n_rings = tanlu_geometry_get_n_rings (region->geometry);
  /* The last level keeps every point. */
  double tolerance = level + 1 < N_LEVELS
                     ? SIMPLIFY_PIXELS / (256.0 * (1u << (FIRST_ZOOM + level)))
                     : 0;

  shape->ring_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  shape->points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < n_rings; r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (region->geometry, r);
      const double *bounds = &g_array_index (region->ring_bounds, double, 4 * r);
      const double *points = &g_array_index (region->projected, double, 2 * ring->first_point);
      guint n_kept;

      if (tolerance > 0 && bounds[2] - bounds[0] < tolerance * 2 &&
          bounds[3] - bounds[1] < tolerance * 2)
        continue;

      if (tolerance > 0)
        n_kept = simplify_ring (points, ring->n_points, tolerance, shape->points);
      else
        {
          g_array_append_vals (shape->points, points, ring->n_points * 2);
          n_kept = ring->n_points;
        }
      g_array_append_val (shape->ring_lengths, n_kept);
    }

  return shape;
}

/* ------------------------------------------------------------------------ */
/* Arcs */

static void
level_free (Level *level)
{
  if (level == NULL)
    return;

  g_array_unref (level->arc_starts);
  g_array_unref (level->points);
  g_ptr_array_unref (level->shapes);
  g_free (level);
}

static void
projected_free (Projected *projected)
{
  if (projected == NULL)
    return;

  g_array_unref (projected->arc_starts);
  g_array_unref (projected->points);
  g_array_unref (projected->arc_bounds);
  g_array_unref (projected->closed);
  g_array_unref (projected->places);
  for (guint l = 0; l < N_LEVELS; l++)
    level_free (projected->levels[l]);
  g_free (projected);
}

static void
extend_bounds (double       *bounds,
               const double *other)
{
  bounds[0] = MIN (bounds[0], other[0]);
  bounds[1] = MIN (bounds[1], other[1]);
  bounds[2] = MAX (bounds[2], other[2]);
  bounds[3] = MAX (bounds[3], other[3]);
}

/* Projects the map's arcs, finding them first if need be. The caller
 * holds the lock. */
static Projected *
project_arcs (TanluMapData    *self,
              TanluProjection  projection)
{
  Projected *projected = g_new0 (Projected, 1);
  guint n_arcs;

  if (self->topology == NULL)
    {
      g_autofree TanluGeometry **geometries = g_new (TanluGeometry *, self->regions->len);

      for (guint i = 0; i < self->regions->len; i++)
        geometries[i] = ((TanluMapRegion *) g_ptr_array_index (self->regions, i))->geometry;
      self->topology = tanlu_topology_new (geometries, self->regions->len);
    }

  n_arcs = tanlu_topology_get_n_arcs (self->topology);
  projected->arc_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_arcs + 1);
  projected->points = g_array_new (FALSE, FALSE, sizeof (double));
  projected->arc_bounds = g_array_sized_new (FALSE, FALSE, sizeof (double), 4 * n_arcs);
  projected->closed = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n_arcs);
  projected->places = g_array_sized_new (FALSE, FALSE, sizeof (TanluMapPlace), self->regions->len);
  projected->bounds[0] = projected->bounds[1] = G_MAXDOUBLE;
  projected->bounds[2] = projected->bounds[3] = -G_MAXDOUBLE;

  for (guint a = 0; a < n_arcs; a++)
    {
      guint n_points;
      const double *lonlat = tanlu_topology_get_arc (self->topology, a, &n_points);
      double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      gboolean closed = n_points > 2 && lonlat[0] == lonlat[2 * (n_points - 1)] &&
                        lonlat[1] == lonlat[2 * (n_points - 1) + 1];

      g_array_append_val (projected->arc_starts, (guint) { projected->points->len / 2 });
      for (guint i = 0; i < n_points; i++)
        {
          double xy[2];

          tanlu_projection_project (projection, lonlat[2 * i], lonlat[2 * i + 1], &xy[0], &xy[1]);
          g_array_append_vals (projected->points, xy, 2);
          bounds[0] = MIN (bounds[0], xy[0]);
          bounds[1] = MIN (bounds[1], xy[1]);
          bounds[2] = MAX (bounds[2], xy[0]);
          bounds[3] = MAX (bounds[3], xy[1]);
        }
      g_array_append_vals (projected->arc_bounds, bounds, 4);
      g_array_append_val (projected->closed, closed);
    }
  g_array_append_val (projected->arc_starts, (guint) { projected->points->len / 2 });

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);
      const int *refs = tanlu_topology_get_refs (self->topology);
      const TanluTopologyRing *rings;
      double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double longitude, latitude;
      TanluMapPlace place;
      guint n_rings;

      rings = tanlu_topology_get_rings (self->topology, i, &n_rings);
      for (guint r = 0; r < n_rings; r++)
        for (guint k = 0; k < rings[r].n_refs; k++)
          {
            guint arc = TANLU_TOPOLOGY_ARC (refs[rings[r].first_ref + k]);

            extend_bounds (bounds, &g_array_index (projected->arc_bounds, double, 4 * arc));
          }

      tanlu_geometry_get_centroid (region->geometry, &longitude, &latitude);
      place.min_x = bounds[0];
      place.min_y = bounds[1];
      place.max_x = bounds[2];
      place.max_y = bounds[3];
      tanlu_projection_project (projection, longitude, latitude, &place.label_x, &place.label_y);
      g_array_append_val (projected->places, place);
      extend_bounds (projected->bounds, bounds);
    }

  return projected;
}

/* The arcs of @projected simplified for zoom @level, and each region's
 * rings made of them: neighbours' fills meet on the same simplified
 * line, which their border is stroked along once. */
static Level *
simplify_arcs (TanluMapData *self,
               Projected    *projected,
               guint         level)
{
  Level *simplified = g_new0 (Level, 1);
  double tolerance = level + 1 < N_LEVELS
                     ? SIMPLIFY_PIXELS / (256.0 * (1u << (FIRST_ZOOM + level)))
                     : 0;
  guint n_arcs = projected->arc_starts->len - 1;
  const int *refs = tanlu_topology_get_refs (self->topology);

  simplified->arc_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_arcs + 1);
  simplified->points = g_array_new (FALSE, FALSE, sizeof (double));
  simplified->shapes = g_ptr_array_new_with_free_func (shape_free);

  for (guint a = 0; a < n_arcs; a++)
    {
      guint first = g_array_index (projected->arc_starts, guint, a);
      guint n = g_array_index (projected->arc_starts, guint, a + 1) - first;
      const double *points = &g_array_index (projected->points, double, 2 * first);

      g_array_append_val (simplified->arc_starts, (guint) { simplified->points->len / 2 });
      if (tolerance > 0)
        simplify_ring (points, n, tolerance, simplified->points);
      else
        g_array_append_vals (simplified->points, points, 2 * n);
    }
  g_array_append_val (simplified->arc_starts, (guint) { simplified->points->len / 2 });

  for (guint i = 0; i < self->regions->len; i++)
    {
      Shape *shape = g_new0 (Shape, 1);
      const TanluTopologyRing *rings;
      guint n_rings;

      shape->ring_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
      shape->points = g_array_new (FALSE, FALSE, sizeof (double));
      rings = tanlu_topology_get_rings (self->topology, i, &n_rings);

      for (guint r = 0; r < n_rings; r++)
        {
          double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
          guint start = shape->points->len / 2;

          if (rings[r].n_refs == 0)
            continue;
          for (guint k = 0; k < rings[r].n_refs; k++)
            {
              guint arc = TANLU_TOPOLOGY_ARC (refs[rings[r].first_ref + k]);

              extend_bounds (bounds, &g_array_index (projected->arc_bounds, double, 4 * arc));
            }
          /* Rings smaller than a pixel are left out. */
          if (tolerance > 0 && bounds[2] - bounds[0] < tolerance * 2 &&
              bounds[3] - bounds[1] < tolerance * 2)
            continue;

          for (guint k = 0; k < rings[r].n_refs; k++)
            {
              int ref = refs[rings[r].first_ref + k];
              guint arc = TANLU_TOPOLOGY_ARC (ref);
              guint first = g_array_index (simplified->arc_starts, guint, arc);
              guint n = g_array_index (simplified->arc_starts, guint, arc + 1) - first;
              const double *points = &g_array_index (simplified->points, double, 2 * first);

              /* Each arc starts where the one before ended. */
              for (guint j = k > 0 ? 1 : 0; j < n; j++)
                {
                  guint p = TANLU_TOPOLOGY_REVERSED (ref) ? n - 1 - j : j;

                  g_array_append_vals (shape->points, &points[2 * p], 2);
                }
            }
          g_array_append_val (shape->ring_lengths, (guint) { shape->points->len / 2 - start });
        }

      g_ptr_array_add (simplified->shapes, shape);
    }

  return simplified;
}

/* The map's arcs in @projection, and their simplification for @scale:
 * made once, by whichever thread draws them first. */
static Level *
ensure_projected (TanluMapData     *self,
                  TanluProjection   projection,
                  double            scale,
                  Projected       **out_projected)
{
  Projected *projected = g_atomic_pointer_get (&self->projected[projection]);
  int level = -1;
  Level *simplified;

  if (scale > 0)
    level = CLAMP ((int) ceil (tanlu_mercator_zoom_for_scale (scale) - 1e-9) - FIRST_ZOOM, 0,
                   N_LEVELS - 1);

  if (projected == NULL || (level >= 0 && g_atomic_pointer_get (&projected->levels[level]) == NULL))
    {
      g_mutex_lock (&self->outlines_lock);
      projected = self->projected[projection];
      if (projected == NULL)
        {
          projected = project_arcs (self, projection);
          g_atomic_pointer_set (&self->projected[projection], projected);
        }
      if (level >= 0 && projected->levels[level] == NULL)
        g_atomic_pointer_set (&projected->levels[level], simplify_arcs (self, projected, level));
      g_mutex_unlock (&self->outlines_lock);
    }

  *out_projected = projected;
  simplified = level >= 0 ? g_atomic_pointer_get (&projected->levels[level]) : NULL;

  return simplified;
}

/* Projects @geometry once. Its simplifications for each zoom level are
 * made when a level is first drawn: an exported map needs one of them. */
static void
project_region (TanluMapRegion *region)
{
  guint n_rings = tanlu_geometry_get_n_rings (region->geometry);
  const double *lonlat = tanlu_geometry_get_points (region->geometry, NULL);

  region->projected = g_array_new (FALSE, FALSE, sizeof (double));
  region->ring_bounds = g_array_new (FALSE, FALSE, sizeof (double));
  region->min_x = region->min_y = G_MAXDOUBLE;
  region->max_x = region->max_y = -G_MAXDOUBLE;

  for (guint r = 0; r < n_rings; r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (region->geometry, r);
      double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *point = &lonlat[2 * (ring->first_point + i)];
          double xy[2];

          tanlu_mercator_project (point[0], point[1], &xy[0], &xy[1]);
          g_array_append_vals (region->projected, xy, 2);
          bounds[0] = MIN (bounds[0], xy[0]);
          bounds[1] = MIN (bounds[1], xy[1]);
          bounds[2] = MAX (bounds[2], xy[0]);
          bounds[3] = MAX (bounds[3], xy[1]);
        }

      g_array_append_vals (region->ring_bounds, bounds, 4);
      region->min_x = MIN (region->min_x, bounds[0]);
      region->min_y = MIN (region->min_y, bounds[1]);
      region->max_x = MAX (region->max_x, bounds[2]);
      region->max_y = MAX (region->max_y, bounds[3]);
    }

  region->shapes = g_ptr_array_new_with_free_func (shape_free);
  g_ptr_array_set_size (region->shapes, N_LEVELS);

  {
    double longitude, latitude;

    tanlu_geometry_get_centroid (region->geometry, &longitude, &latitude);
    tanlu_mercator_project (longitude, latitude, &region->label_x, &region->label_y);
  }
}

static GPtrArray *
list_regions (TanluStore        *store,
              TanluRegionLevel   level,
              guint              parent_code,
              GError           **error)
{
  if (level == TANLU_REGION_LEVEL_CITY && parent_code != 0)
    return tanlu_store_list_children (store, parent_code, error);

  if (level != TANLU_REGION_LEVEL_PROVINCE && level != TANLU_REGION_LEVEL_CITY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Maps show provinces or prefecture-level cities"));
      return NULL;
    }

  return tanlu_store_list_regions_at_level (store, level);
}

static double
value_in (GArray *series,
          guint   year)
{
  for (guint k = 0; series != NULL && k < series->len; k++)
    if (g_array_index (series, TanluSeriesPoint, k).year == year)
      return g_array_index (series, TanluSeriesPoint, k).value;

  return NAN;
}

/* The value each region shows: its figure in the map's year, or its
 * change since the base year as a fraction. */
static void
update_values (TanluMapData *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);
      guint code = tanlu_region_get_code (region->region);
      GArray *series = g_hash_table_lookup (self->series, GUINT_TO_POINTER (code));
      double value = value_in (series, self->year);
      guint valid_to = tanlu_region_get_valid_to (region->region);
      guint successor = GPOINTER_TO_UINT (g_hash_table_lookup (self->successors,
                                                               GUINT_TO_POINTER (code)));

      if (self->change_base != 0)
        {
          double base = value_in (series, self->change_base);

          value = base > 0 ? value / base - 1 : NAN;
        }

      region->value = value;
      region->incomplete = !isnan (value) &&
                           (tanlu_store_get_incomplete (self->store, code, self->year) != NULL ||
                            (self->change_base != 0 &&
                             tanlu_store_get_incomplete (self->store, code, self->change_base) !=
                               NULL));
      region->successor = NULL;
      if (isnan (value) && valid_to != 0 && self->year > valid_to && successor != 0)
        region->successor = g_hash_table_lookup (self->by_code, GUINT_TO_POINTER (successor));
    }
}

/* Which unit each unit of the map that ended was merged into. */
static void
find_successors (TanluMapData *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);
      guint code = tanlu_region_get_code (region->region);
      g_autoptr(GPtrArray) changes = NULL;

      if (tanlu_region_get_valid_to (region->region) == 0)
        continue;

      changes = tanlu_store_list_region_changes (self->store, code);
      for (guint c = 0; c < changes->len; c++)
        {
          const TanluRegionChange *change = g_ptr_array_index (changes, c);

          if (change->kind == TANLU_REGION_MERGED && change->old_code == code &&
              g_hash_table_contains (self->by_code, GUINT_TO_POINTER (change->new_code)))
            g_hash_table_insert (self->successors, GUINT_TO_POINTER (code),
                                 GUINT_TO_POINTER (change->new_code));
        }
    }
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_map_data_new:
 * @level: %TANLU_REGION_LEVEL_PROVINCE or %TANLU_REGION_LEVEL_CITY
 * @parent_code: for cities, the province they are in, or 0 for all
 *
 * Loads and projects the boundaries of the regions a map shows. Regions
 * without a boundary are left out.
 *
 * Returns: (transfer full) (nullable): the map's regions
 */
TanluMapData *
tanlu_map_data_new (TanluStore        *store,
                    TanluRegionLevel   level,
                    guint              parent_code,
                    GError           **error)
{
  g_autoptr(TanluMapData) self = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) whole = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  if (!(regions = list_regions (store, level, parent_code, error)))
    return NULL;

  /* On a map of all cities, a province none of whose cities has an
   * outline is drawn whole: Chongqing, whose districts and counties GB/T
   * 2260 lists but no city-level unit; Taiwan, Hong Kong, Macao. */
  whole = g_ptr_array_new ();
  if (level == TANLU_REGION_LEVEL_CITY && parent_code == 0)
    {
      g_autoptr(GPtrArray) provinces =
        tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);
      g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < regions->len; i++)
        {
          TanluRegion *city = g_ptr_array_index (regions, i);

          if (tanlu_region_get_level (city) == TANLU_REGION_LEVEL_CITY &&
              tanlu_region_is_current (city) &&
              tanlu_store_has_boundary (store, tanlu_region_get_code (city)))
            g_hash_table_add (drawn, GUINT_TO_POINTER (tanlu_region_get_parent_code (city)));
        }
      for (guint i = 0; i < provinces->len; i++)
        {
          TanluRegion *province = g_ptr_array_index (provinces, i);

          if (tanlu_region_is_current (province) &&
              !g_hash_table_contains (drawn, GUINT_TO_POINTER (tanlu_region_get_code (province))))
            {
              g_ptr_array_add (regions, g_object_ref (province));
              g_ptr_array_add (whole, province);
            }
        }
    }

  self = g_new0 (TanluMapData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->store = g_object_ref (store);
  self->level = level;
  self->parent_code = parent_code;
  self->regions = g_ptr_array_new_with_free_func (map_region_free);
  self->by_code = g_hash_table_new (NULL, NULL);
  self->successors = g_hash_table_new (NULL, NULL);
  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  self->series = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_mutex_init (&self->outlines_lock);
  self->min_x = self->min_y = G_MAXDOUBLE;
  self->max_x = self->max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < regions->len; i++)
    {
      TanluRegion *region = g_ptr_array_index (regions, i);
      g_autoptr(GError) local_error = NULL;
      TanluMapRegion *map_region;
      TanluGeometry *geometry;
      gboolean schematic = TRUE;

      /* A province drawn whole among cities is of its own level. */
      if (tanlu_region_get_level (region) != level && !g_ptr_array_find (whole, region, NULL))
        continue;

      if (!(geometry = tanlu_boundary_load (store, tanlu_region_get_code (region), &schematic,
                                            &local_error)))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }

      map_region = g_new0 (TanluMapRegion, 1);
      map_region->region = region;
      map_region->geometry = geometry;
      map_region->schematic = schematic;
      map_region->value = NAN;
      project_region (map_region);

      self->min_x = MIN (self->min_x, map_region->min_x);
      self->min_y = MIN (self->min_y, map_region->min_y);
      self->max_x = MAX (self->max_x, map_region->max_x);
      self->max_y = MAX (self->max_y, map_region->max_y);

      g_ptr_array_add (self->regions, map_region);
      g_hash_table_insert (self->by_code, GUINT_TO_POINTER (tanlu_region_get_code (region)),
                           map_region);
    }

  if (self->regions->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There are no boundaries for the regions of this map"));
      return NULL;
    }

  find_successors (self);

  return g_steal_pointer (&self);
}

TanluMapData *
tanlu_map_data_ref (TanluMapData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

static void
clear_external (TanluMapData *self)
{
  self->external = FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->external_title[i], g_free);
      g_clear_pointer (&self->external_source[i], g_free);
    }
  g_clear_pointer (&self->external_unit, g_free);
  self->external_projected_from = 0;
  g_clear_pointer (&self->external_missing[0], g_free);
  g_clear_pointer (&self->external_missing[1], g_free);
  g_clear_pointer (&self->external_notes, g_hash_table_unref);
  self->external_years = FALSE;
}

void
tanlu_map_data_unref (TanluMapData *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint p = 0; p < TANLU_N_PROJECTIONS; p++)
    g_clear_pointer (&self->projected[p], projected_free);
  g_clear_pointer (&self->topology, tanlu_topology_free);
  g_mutex_clear (&self->outlines_lock);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->successors, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->classification, tanlu_classification_free);
  g_clear_pointer (&self->indicator, g_free);
  clear_external (self);
  g_clear_object (&self->store);
  g_free (self);
}

TanluStore *
tanlu_map_data_get_store (TanluMapData *self)
{
  return self->store;
}

TanluRegionLevel
tanlu_map_data_get_level (TanluMapData *self)
{
  return self->level;
}

guint
tanlu_map_data_get_parent_code (TanluMapData *self)
{
  return self->parent_code;
}

guint
tanlu_map_data_get_n_regions (TanluMapData *self)
{
  return self->regions->len;
}

/**
 * tanlu_map_data_get_region:
 *
 * Returns: (transfer none): the region at @index
 */
TanluMapRegion *
tanlu_map_data_get_region (TanluMapData *self,
                           guint         index)
{
  g_return_val_if_fail (index < self->regions->len, NULL);

  return g_ptr_array_index (self->regions, index);
}

/**
 * tanlu_map_data_find_region:
 *
 * Returns: (transfer none) (nullable): the region with @code, if the map
 *   has it
 */
TanluMapRegion *
tanlu_map_data_find_region (TanluMapData *self,
                            guint         code)
{
  return g_hash_table_lookup (self->by_code, GUINT_TO_POINTER (code));
}

void
tanlu_map_data_get_bounds (TanluMapData *self,
                           double       *min_x,
                           double       *min_y,
                           double       *max_x,
                           double       *max_y)
{
  *min_x = self->min_x;
  *min_y = self->min_y;
  *max_x = self->max_x;
  *max_y = self->max_y;
}

/**
 * tanlu_map_data_set_indicator:
 * @year: the year shown; 0 for the latest year with values
 *
 * Reads every region's values of @indicator_code, and shows @year.
 *
 * Returns: %FALSE if the indicator is unknown
 */
gboolean
tanlu_map_data_set_indicator (TanluMapData  *self,
                              const char    *indicator_code,
                              guint          year,
                              GError       **error)
{
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (indicator_code != NULL, FALSE);

  if (self->external && g_strcmp0 (self->indicator, indicator_code) == 0)
    {
      if (year == 0 && self->years->len > 0)
        year = g_array_index (self->years, guint, self->years->len - 1);
      self->year = year;
      update_values (self);
      self->generation++;
      return TRUE;
    }

  if (tanlu_store_lookup_indicator (self->store, indicator_code) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no indicator “%s”"), indicator_code);
      return FALSE;
    }

  if (g_strcmp0 (self->indicator, indicator_code) != 0 || self->external)
    {
      clear_external (self);
      g_hash_table_remove_all (self->series);
      g_array_set_size (self->years, 0);

      for (guint i = 0; i < self->regions->len; i++)
        {
          TanluMapRegion *region = g_ptr_array_index (self->regions, i);
          guint code = tanlu_region_get_code (region->region);
          GArray *series = tanlu_store_get_series (self->store, code, indicator_code, error);

          if (series == NULL)
            return FALSE;

          for (guint k = 0; k < series->len; k++)
            {
              guint point_year = g_array_index (series, TanluSeriesPoint, k).year;

              if (!g_hash_table_contains (years, GUINT_TO_POINTER (point_year)))
                {
                  g_hash_table_add (years, GUINT_TO_POINTER (point_year));
                  g_array_append_val (self->years, point_year);
                }
            }

          g_hash_table_insert (self->series, GUINT_TO_POINTER (code), series);
        }

      g_array_sort (self->years, compare_years);
      g_free (self->indicator);
      self->indicator = g_strdup (indicator_code);
    }

  if (year == 0 && self->years->len > 0)
    year = g_array_index (self->years, guint, self->years->len - 1);
  self->year = year;

  update_values (self);
  self->generation++;

  return TRUE;
}

/**
 * tanlu_map_data_set_external:
 * @key: names the series, as tanlu_map_data_get_indicator() will
 * @title_en: what the values are, for the title, in English
 * @title_zh: the same in Chinese
 * @unit: their unit, such as "Mt CO₂"
 * @source_en: where they come from, in English
 * @source_zh: the same in Chinese
 * @series: (transfer full): region code (GUINT_TO_POINTER) → GArray of
 *   TanluSeriesPoint, freeing its arrays
 * @projected_from: the first year that is a projection, or 0 for none
 * @year: the year to show, 0 for the latest
 *
 * Colours the regions by series the caller computed, such as pathways,
 * rather than by an indicator of the store.
 */
void
tanlu_map_data_set_external (TanluMapData *self,
                             const char   *key,
                             const char   *title_en,
                             const char   *title_zh,
                             const char   *unit,
                             const char   *source_en,
                             const char   *source_zh,
                             GHashTable   *series,
                             guint         projected_from,
                             guint         year)
{
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  GArray *points;

  clear_external (self);
  self->external = TRUE;
  self->external_title[0] = g_strdup (title_en);
  self->external_title[1] = g_strdup (title_zh);
  self->external_source[0] = g_strdup (source_en);
  self->external_source[1] = g_strdup (source_zh);
  self->external_unit = g_strdup (unit);
  self->external_projected_from = projected_from;

  g_hash_table_remove_all (self->series);
  g_array_set_size (self->years, 0);
  g_hash_table_iter_init (&iter, series);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &points))
    for (guint k = 0; k < points->len; k++)
      {
        guint point_year = g_array_index (points, TanluSeriesPoint, k).year;

        if (!g_hash_table_contains (years, GUINT_TO_POINTER (point_year)))
          {
            g_hash_table_add (years, GUINT_TO_POINTER (point_year));
            g_array_append_val (self->years, point_year);
          }
      }
  g_array_sort (self->years, compare_years);

  g_hash_table_unref (self->series);
  self->series = series;

  g_free (self->indicator);
  self->indicator = g_strdup (key);

  if (year == 0 && self->years->len > 0)
    year = g_array_index (self->years, guint, self->years->len - 1);
  self->year = year;
  update_values (self);
  self->generation++;
}

/**
 * tanlu_map_data_get_external:
 * @chinese: the language of the title
 * @title: (out) (optional) (transfer none): what the series are
 * @unit: (out) (optional) (transfer none): their unit
 * @projected_from: (out) (optional): the first projected year, or 0
 *
 * Returns: whether the map shows series given with
 *   tanlu_map_data_set_external()
 */
gboolean
tanlu_map_data_get_external (TanluMapData  *self,
                             gboolean       chinese,
                             const char   **title,
                             const char   **unit,
                             guint         *projected_from)
{
  if (title != NULL)
    *title = self->external_title[chinese ? 1 : 0];
  if (unit != NULL)
    *unit = self->external_unit;
  if (projected_from != NULL)
    *projected_from = self->external_projected_from;

  return self->external;
}

/**
 * tanlu_map_data_set_external_notes:
 * @missing_en: (nullable): what a region without a value is, such as "No
 *   stated target", for the legend and tooltips; %NULL for "No data"
 * @missing_zh: (nullable): the same in Chinese
 * @notes: (transfer full) (nullable): region code (GUINT_TO_POINTER) → a
 *   line on what its value stands for, freeing its strings
 * @years: whether the values are years, printed as such
 *
 * Says more about the series given with tanlu_map_data_set_external(),
 * until other series are given.
 */
void
tanlu_map_data_set_external_notes (TanluMapData *self,
                                   const char   *missing_en,
                                   const char   *missing_zh,
                                   GHashTable   *notes,
                                   gboolean      years)
{
  g_return_if_fail (self->external);

  g_free (self->external_missing[0]);
  g_free (self->external_missing[1]);
  self->external_missing[0] = g_strdup (missing_en);
  self->external_missing[1] = g_strdup (missing_zh);
  g_clear_pointer (&self->external_notes, g_hash_table_unref);
  self->external_notes = notes;
  self->external_years = years;
  self->generation++;
}

/**
 * tanlu_map_data_get_missing_text:
 *
 * Returns: (transfer none) (nullable): what a region without a value is,
 *   when the series say so, or %NULL for no data
 */
const char *
tanlu_map_data_get_missing_text (TanluMapData *self,
                                 gboolean      chinese)
{
  return self->external_missing[chinese ? 1 : 0];
}

/**
 * tanlu_map_data_get_note:
 *
 * Returns: (transfer none) (nullable): a line on what @region's value
 *   stands for, such as the plan's target as written
 */
const char *
tanlu_map_data_get_note (TanluMapData   *self,
                         TanluMapRegion *region)
{
  if (self->external_notes == NULL)
    return NULL;

  return g_hash_table_lookup (self->external_notes,
                              GUINT_TO_POINTER (tanlu_region_get_code (region->region)));
}

/**
 * tanlu_map_data_get_values_are_years:
 *
 * Returns: whether the values shown are years, such as a peak year
 */
gboolean
tanlu_map_data_get_values_are_years (TanluMapData *self)
{
  return self->external_years;
}

/**
 * tanlu_map_data_set_change_base:
 * @base_year: the year changes are measured from, or 0 for the values
 *   themselves
 *
 * Shows each region's change since @base_year, as a fraction (−0.1 for a
 * tenth less), rather than its value: what a diverging palette is for.
 */
void
tanlu_map_data_set_change_base (TanluMapData *self,
                                guint         base_year)
{
  self->change_base = base_year;
  update_values (self);
  self->generation++;
}

guint
tanlu_map_data_get_change_base (TanluMapData *self)
{
  return self->change_base;
}

const char *
tanlu_map_data_get_indicator (TanluMapData *self)
{
  return self->indicator;
}

guint
tanlu_map_data_get_year (TanluMapData *self)
{
  return self->year;
}

/**
 * tanlu_map_data_get_years:
 *
 * Returns: (transfer none) (element-type guint): the years in which any
 *   region of the map has a value, ascending
 */
GArray *
tanlu_map_data_get_years (TanluMapData *self)
{
  return self->years;
}

/**
 * tanlu_map_data_get_series:
 *
 * Returns: (transfer none) (nullable) (element-type TanluSeriesPoint): a
 *   region's values of the map's indicator, by year
 */
GArray *
tanlu_map_data_get_series (TanluMapData   *self,
                           TanluMapRegion *region)
{
  return g_hash_table_lookup (self->series,
                              GUINT_TO_POINTER (tanlu_region_get_code (region->region)));
}

/**
 * tanlu_map_data_get_source_text:
 *
 * Returns: (transfer full): the title and citation of every source of the
 *   values shown, for a map's source line
 */
char *
tanlu_map_data_get_source_text (TanluMapData *self,
                                gboolean      chinese)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  if (self->external)
    {
      g_string_append (text, self->external_source[chinese ? 1 : 0]);
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);
      GArray *series = tanlu_map_data_get_series (self, region);

      for (guint k = 0; series != NULL && k < series->len; k++)
        {
          const TanluSeriesPoint *point = &g_array_index (series, TanluSeriesPoint, k);
          gint64 *id;

          if (point->year != self->year || g_hash_table_contains (seen, &point->source_id))
            continue;

          id = g_memdup2 (&point->source_id, sizeof point->source_id);
          g_ptr_array_add (ids, id);
          g_hash_table_add (seen, id);
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      TanluSource *source =
        tanlu_store_get_source (self->store, *(gint64 *) g_ptr_array_index (ids, i));

      if (source == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, chinese ? "；" : "; ");
      g_string_append_printf (text, "%s. %s",
                              chinese ? tanlu_source_get_title_zh (source)
                                      : tanlu_source_get_title_en (source),
                              tanlu_source_get_citation (source));
    }

  return g_string_free (text, FALSE);
}

/**
 * tanlu_map_data_get_boundary_text:
 *
 * Returns: (transfer full): where the boundaries drawn come from, saying
 *   whether they are schematic
 */
char *
tanlu_map_data_get_boundary_text (TanluMapData *self,
                                  gboolean      chinese)
{
  gboolean any_schematic = FALSE;
  gboolean any_official = FALSE;
  TanluSource *bundled = tanlu_store_lookup_source (self->store, "echarts-boundaries");
  TanluSource *official = tanlu_store_lookup_source (self->store, "official-boundaries");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);

      any_schematic |= region->schematic;
      any_official |= !region->schematic;
    }

  if (any_official && official != NULL)
    g_string_append_printf (text, chinese ? "边界：%s" : "Boundaries: %s",
                            tanlu_source_get_citation (official));

  if (any_schematic)
    {
      if (text->len > 0)
        g_string_append (
          text, chinese ? "；其余边界为示意性质，不作为划界依据"
                        : "; other boundaries are schematic, not an authoritative depiction");
      else
        g_string_append (text, chinese
                                 ? "边界为示意性质，不作为划界依据"
                                 : "Boundaries are schematic, not an authoritative depiction");
      if (bundled != NULL)
        g_string_append_printf (text, chinese ? "（%s）" : " (%s)",
                                chinese ? tanlu_source_get_title_zh (bundled)
                                        : tanlu_source_get_title_en (bundled));
    }

  return g_string_free (text, FALSE);
}

/**
 * tanlu_map_data_classify:
 *
 * Divides the regions' values in the map's year into classes.
 *
 * Returns: %FALSE with @error when the classes asked for are not valid
 */
gboolean
tanlu_map_data_classify (TanluMapData         *self,
                         TanluClassifyMethod   method,
                         guint                 n_classes,
                         const double         *custom_breaks,
                         guint                 n_custom_breaks,
                         GError              **error)
{
  g_autofree double *values = g_new (double, self->regions->len);
  TanluClassification *classification;

  for (guint i = 0; i < self->regions->len; i++)
    values[i] = ((TanluMapRegion *) g_ptr_array_index (self->regions, i))->value;

  classification = tanlu_classification_new (values, self->regions->len, method, n_classes,
                                             custom_breaks, n_custom_breaks, error);
  if (classification == NULL)
    return FALSE;

  g_clear_pointer (&self->classification, tanlu_classification_free);
  self->classification = classification;
  self->generation++;

  return TRUE;
}

/**
 * tanlu_map_data_set_classification:
 *
 * Uses the classes of another year or map (a fixed scale), counting the
 * regions of this year into them.
 */
void
tanlu_map_data_set_classification (TanluMapData              *self,
                                   const TanluClassification *classification)
{
  g_autofree double *values = g_new (double, self->regions->len);

  g_clear_pointer (&self->classification, tanlu_classification_free);
  self->generation++;
  if (classification == NULL)
    return;

  for (guint i = 0; i < self->regions->len; i++)
    values[i] = ((TanluMapRegion *) g_ptr_array_index (self->regions, i))->value;

  self->classification = tanlu_classification_copy (classification);
  tanlu_classification_recount (self->classification, values, self->regions->len);
}

/**
 * tanlu_map_data_get_generation:
 *
 * A number that changes whenever the map's values or classes do, so that
 * a drawing of them can tell it is out of date.
 */
guint
tanlu_map_data_get_generation (TanluMapData *self)
{
  return self->generation;
}

/**
 * tanlu_map_data_dup_classes:
 * @n_classes: (out): how many classes there are, 0 if unclassified
 *
 * Returns: (transfer full) (array): the class of each region, in the
 *   order of tanlu_map_data_get_region (), or -1 where it has no value
 *   (every region, before the map is classified)
 */
int *
tanlu_map_data_dup_classes (TanluMapData *self,
                            guint        *n_classes)
{
  int *classes = g_new (int, self->regions->len);

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);

      TanluMapRegion *shown = region->successor != NULL ? region->successor : region;

      classes[i] = self->classification != NULL
                     ? tanlu_classification_find (self->classification, shown->value)
                     : -1;
      if (classes[i] >= 0 && shown->incomplete)
        classes[i] |= TANLU_MAP_CLASS_INCOMPLETE;
    }
  *n_classes = self->classification != NULL ? self->classification->n_classes : 0;

  return classes;
}

const TanluClassification *
tanlu_map_data_get_classification (TanluMapData *self)
{
  return self->classification;
}

/**
 * tanlu_map_data_get_rank:
 *
 * Returns: @region's rank by value in the map's year, highest first, or 0
 *   when it has no value
 */
guint
tanlu_map_data_get_rank (TanluMapData   *self,
                         TanluMapRegion *region)
{
  guint rank = 1;

  if (isnan (region->value))
    return 0;

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *other = g_ptr_array_index (self->regions, i);

      if (!isnan (other->value) && other->value > region->value)
        rank++;
    }

  return rank;
}

/**
 * tanlu_map_data_get_n_ranked:
 *
 * Returns: how many regions of the map have a value in its year
 */
guint
tanlu_map_data_get_n_ranked (TanluMapData *self)
{
  guint n = 0;

  for (guint i = 0; i < self->regions->len; i++)
    n += !isnan (((TanluMapRegion *) g_ptr_array_index (self->regions, i))->value);

  return n;
}

/**
 * tanlu_map_data_hit:
 * @x: a world coordinate
 * @y: a world coordinate
 *
 * Returns: (transfer none) (nullable): the region at the point
 */
TanluMapRegion *
tanlu_map_data_hit (TanluMapData *self,
                    double        x,
                    double        y)
{
  double longitude, latitude;

  tanlu_mercator_unproject (x, y, &longitude, &latitude);

  for (guint i = 0; i < self->regions->len; i++)
    {
      TanluMapRegion *region = g_ptr_array_index (self->regions, i);

      if (x < region->min_x || x > region->max_x || y < region->min_y || y > region->max_y)
        continue;
      if (tanlu_geometry_contains (region->geometry, longitude, latitude))
        return region->successor != NULL ? region->successor : region;
    }

  return NULL;
}

/**
 * tanlu_map_region_get_shape:
 * @scale: pixels per world unit of the drawing
 * @shape: (out): the rings to draw
 *
 * Gives the rings simplified so that no point moves by more than half
 * of a pixel at @scale.
 */
void
tanlu_map_region_get_shape (TanluMapRegion *region,
                            double          scale,
                            TanluMapShape  *shape)
{
  double zoom = tanlu_mercator_zoom_for_scale (scale);
  /* The first level at least as fine as @scale needs: the one below it
   * would move points by up to twice the tolerance. */
  int level = CLAMP ((int) ceil (zoom - 1e-9) - FIRST_ZOOM, 0, N_LEVELS - 1);
  Shape *chosen = g_atomic_pointer_get (&region->shapes->pdata[level]);

  /* Made once, by whichever thread draws the level first: the Map page
   * draws its regions in a worker thread too. */
  if (chosen == NULL)
    {
      static GMutex simplifying;

      g_mutex_lock (&simplifying);
      chosen = g_atomic_pointer_get (&region->shapes->pdata[level]);
      if (chosen == NULL)
        {
          chosen = simplify_region (region, level);
          g_atomic_pointer_set (&region->shapes->pdata[level], chosen);
        }
      g_mutex_unlock (&simplifying);
    }

  shape->n_rings = chosen->ring_lengths->len;
  shape->ring_lengths = (const guint *) (gpointer) chosen->ring_lengths->data;
  shape->points = (const double *) (gpointer) chosen->points->data;
}

/**
 * tanlu_map_data_get_projected_bounds:
 *
 * The bounds of all the map's regions in the world units of @projection.
 */
void
tanlu_map_data_get_projected_bounds (TanluMapData    *self,
                                     TanluProjection  projection,
                                     double          *min_x,
                                     double          *min_y,
                                     double          *max_x,
                                     double          *max_y)
{
  Projected *projected;

  ensure_projected (self, projection, 0, &projected);
  *min_x = projected->bounds[0];
  *min_y = projected->bounds[1];
  *max_x = projected->bounds[2];
  *max_y = projected->bounds[3];
}

/**
 * tanlu_map_data_get_place:
 * @index: a region's index
 * @place: (out): its bounds and label point in @projection
 */
void
tanlu_map_data_get_place (TanluMapData    *self,
                          TanluProjection  projection,
                          guint            index,
                          TanluMapPlace   *place)
{
  Projected *projected;

  g_return_if_fail (index < self->regions->len);

  ensure_projected (self, projection, 0, &projected);
  *place = g_array_index (projected->places, TanluMapPlace, index);
}

/**
 * tanlu_map_data_get_region_shape:
 * @index: a region's index
 * @scale: pixels per world unit of the drawing
 * @shape: (out): the region's rings in @projection
 *
 * Gives the region's rings made of the map's arcs simplified so that no
 * point moves by more than half a pixel at @scale: where two regions
 * meet, their rings run along the same points.
 */
void
tanlu_map_data_get_region_shape (TanluMapData    *self,
                                 TanluProjection  projection,
                                 guint            index,
                                 double           scale,
                                 TanluMapShape   *shape)
{
  Projected *projected;
  Level *level = ensure_projected (self, projection, scale, &projected);
  Shape *chosen = g_ptr_array_index (level->shapes, index);

  shape->n_rings = chosen->ring_lengths->len;
  shape->ring_lengths = (const guint *) (gpointer) chosen->ring_lengths->data;
  shape->points = (const double *) (gpointer) chosen->points->data;
}

/**
 * tanlu_map_data_get_outlines:
 * @scale: pixels per world unit of the drawing
 * @outlines: (out): every border once, simplified for @scale
 */
void
tanlu_map_data_get_outlines (TanluMapData     *self,
                             TanluProjection   projection,
                             double            scale,
                             TanluMapOutlines *outlines)
{
  Projected *projected;
  Level *level = ensure_projected (self, projection, scale, &projected);

  outlines->n_arcs = level->arc_starts->len - 1;
  outlines->arc_starts = (const guint *) (gpointer) level->arc_starts->data;
  outlines->points = (const double *) (gpointer) level->points->data;
  outlines->bounds = (const double *) (gpointer) projected->arc_bounds->data;
  outlines->closed = (const gboolean *) (gpointer) projected->closed->data;
}
