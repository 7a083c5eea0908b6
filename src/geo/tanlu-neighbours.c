/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-neighbours"

#include "config.h"

#include "tanlu-neighbours.h"

#include "geo/tanlu-boundaries.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

#include <math.h>
#include <stdlib.h>

/* Which regions share a border, from their outlines alone.
 *
 * The outlines are simplified and come from sources that were never made
 * to fit each other, so a shared border is rarely a shared line: the same
 * stretch is drawn with other vertices on either side, a little apart.
 * Two regions are neighbours when one's outline runs within @tolerance of
 * the other's for more than @min_shared: an edge of A counts, whole, when
 * both its ends lie within @tolerance of B's outline, and A and B are
 * neighbours when the edges of A that count for B, or those of B that
 * count for A, are longer than @min_shared together. Outlines that meet at
 * a point only (a corner, or where four regions meet) give no more than a
 * few short edges near that point, and so are not neighbours.
 *
 * Distances and lengths are plain degrees of longitude and latitude: in
 * China's latitudes a degree is 111 km north–south and 80–110 km east–west,
 * a difference the tolerances below leave room for.
 *
 * The defaults, TANLU_NEIGHBOURS_TOLERANCE = 0.01° (about 1 km) and
 * TANLU_NEIGHBOURS_MIN_SHARED = 0.02° (about 2 km), come from the bundled
 * ECharts outlines (data/regions), measured edge by edge:
 *
 * - Inside one file the outlines mostly share their vertices: of the
 *   province file's vertices on a border, 91 % lie on the neighbour's
 *   outline exactly and most of the rest within 0.005°; the city file's
 *   shared borders were made identical when it was simplified
 *   (regenerate.py). A tolerance of a few grid steps (1/1024°) finds
 *   every such border.
 * - Across files they do not. Chongqing is drawn on the city map with the
 *   province file's outline, beside cities from the city file. Within
 *   0.005° only half of each of its 13 borders with cities is found
 *   (0.34° of 广安's 1.9°); within 0.01°, 70–90 %; within 0.02°, nearly
 *   all. Official boundaries loaded over schematic ones meet them the
 *   same way. 0.01° finds every one of these borders over a length well
 *   above the minimum, so it is the tolerance; no pair of regions of
 *   either level comes within 0.01° of each other without a border
 *   between them, except at the points discussed next.
 * - Where outlines only touch (tripoints, a coast across a narrow strait)
 *   the edges that count are at most 0.0143° long at a tolerance of 0.01°
 *   (乐东–保亭; 三亚–五指山 0.0091°), while the shortest border found
 *   along edges that coincide is 0.0284° (上海–舟山, and 凉山–曲靖 across
 *   the Jinsha). 0.02° lies in that gap. It is far below the shortest
 *   real border between provincial units, Guangdong–Macao, at 0.11°.
 *
 * The same pairs come out, but for the two or three borderline ones
 * named, for tolerances from 0.002° to 0.02° with a minimum between two
 * and five tolerances: 70 pairs of provincial units, 963 among the units
 * of the city map.
 *
 * Finding them is linear in the number of vertices: every edge is put in
 * the cells of a grid, as large as the tolerance, that it crosses; every
 * vertex is compared with the edges of the nine cells around it. */

typedef struct
{
  guint first_point;
  guint n_points;
  guint region;
} Ring;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
  guint  region;
} Edge;

typedef struct
{
  guint64 key;
  guint   edge;
} Cell;

struct _TanluNeighbourFinder
{
  double      tolerance;
  double      min_shared;
  GArray     *codes;       /* guint: the region codes, by index */
  GHashTable *by_code;     /* code → index + 1 */
  GArray     *points;      /* double: longitude, latitude pairs of every ring */
  GArray     *rings;       /* Ring */
};

/* Cells are numbered from far below any longitude or latitude, so their
 * coordinates are positive, and each fits 32 bits at any tolerance the
 * finder accepts. */
#define CELL_BIAS (G_GINT64_CONSTANT (1) << 30)

/* ------------------------------------------------------------------------ */

static inline gint64
cell_of (double value,
         double cell)
{
  return (gint64) floor (value / cell);
}

static inline guint64
cell_key (gint64 cx,
          gint64 cy)
{
  return ((guint64) (cx + CELL_BIAS) << 32) | (guint64) (cy + CELL_BIAS);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *ca = a;
  const Cell *cb = b;

  if (ca->key != cb->key)
    return ca->key < cb->key ? -1 : 1;

  return (ca->edge > cb->edge) - (ca->edge < cb->edge);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const guint *pa = a;
  const guint *pb = b;

  if (pa[0] != pb[0])
    return pa[0] < pb[0] ? -1 : 1;

  return (pa[1] > pb[1]) - (pa[1] < pb[1]);
}

/* Puts @edge in every cell the segment crosses, a column of cells at a
 * time: within each column it spans the latitudes it has at the column's
 * sides. */
static void
grid_add_edge (GArray     *grid,
               const Edge *edge,
               guint       index,
               double      cell)
{
  double min_x = MIN (edge->x0, edge->x1);
  double max_x = MAX (edge->x0, edge->x1);
  gint64 first_column = cell_of (min_x, cell);
  gint64 last_column = cell_of (max_x, cell);

  for (gint64 column = first_column; column <= last_column; column++)
    {
      double from_x = MAX (min_x, column * cell);
      double to_x = MIN (max_x, (column + 1) * cell);
      double from_y, to_y;

      if (edge->x0 == edge->x1)
        {
          from_y = edge->y0;
          to_y = edge->y1;
        }
      else
        {
          double slope = (edge->y1 - edge->y0) / (edge->x1 - edge->x0);

          from_y = edge->y0 + (from_x - edge->x0) * slope;
          to_y = edge->y0 + (to_x - edge->x0) * slope;
        }

      for (gint64 row = cell_of (MIN (from_y, to_y), cell); row <= cell_of (MAX (from_y, to_y), cell);
           row++)
        {
          Cell entry = { cell_key (column, row), index };

          g_array_append_val (grid, entry);
        }
    }
}

/* The first cell entry whose key is @key or more. */
static guint
grid_lower_bound (const Cell *cells,
                  guint       n_cells,
                  guint64     key)
{
  guint low = 0;
  guint high = n_cells;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (cells[middle].key < key)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static double
distance2_to_edge (double      x,
                   double      y,
                   const Edge *edge)
{
  double dx = edge->x1 - edge->x0;
  double dy = edge->y1 - edge->y0;
  double length2 = dx * dx + dy * dy;
  double t = 0;
  double ex, ey;

  if (length2 > 0)
    t = CLAMP (((x - edge->x0) * dx + (y - edge->y0) * dy) / length2, 0, 1);

  ex = edge->x0 + t * dx - x;
  ey = edge->y0 + t * dy - y;

  return ex * ex + ey * ey;
}

/* Fills @near with the regions other than @region whose outline passes
 * within the tolerance of (@x, @y). Cells are at least as large as the
 * tolerance, so those outlines cross one of the nine cells around it. */
static guint
find_near (TanluNeighbourFinder *self,
           const Cell           *cells,
           guint                 n_cells,
           const Edge           *edges,
           double                x,
           double                y,
           guint                 region,
           GArray               *near,
           guint                *seen,
           guint                 stamp)
{
  double tolerance2 = self->tolerance * self->tolerance;
  gint64 cx = cell_of (x, self->tolerance);
  gint64 cy = cell_of (y, self->tolerance);
  guint looked_at = 0;

  g_array_set_size (near, 0);

  for (gint64 column = cx - 1; column <= cx + 1; column++)
    {
      guint64 last = cell_key (column, cy + 1);

      for (guint i = grid_lower_bound (cells, n_cells, cell_key (column, cy - 1));
           i < n_cells && cells[i].key <= last; i++)
        {
          const Edge *edge = &edges[cells[i].edge];

          looked_at++;
          /* @seen holds, per region, the stamp of the last vertex it was
           * found near: each is listed once, without searching the list. */
          if (edge->region != region && seen[edge->region] != stamp &&
              distance2_to_edge (x, y, edge) <= tolerance2)
            {
              seen[edge->region] = stamp;
              g_array_append_val (near, edge->region);
            }
        }
    }

  return looked_at;
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_neighbour_finder_new:
 * @tolerance: how far apart, in degrees, two outlines may run and still
 *   count as one border, such as %TANLU_NEIGHBOURS_TOLERANCE
 * @min_shared: how long, in degrees, a border must be, such as
 *   %TANLU_NEIGHBOURS_MIN_SHARED; outlines that only touch are shorter
 *
 * Returns: (transfer full): a finder with no regions yet
 */
TanluNeighbourFinder *
tanlu_neighbour_finder_new (double tolerance,
                            double min_shared)
{
  TanluNeighbourFinder *self;

  /* Finer than a micro-degree, the stored precision, the grid's cells
   * would not fit their keys. */
  g_return_val_if_fail (tolerance >= 1e-6 && tolerance <= 10, NULL);
  g_return_val_if_fail (min_shared >= 0, NULL);

  self = g_new0 (TanluNeighbourFinder, 1);
  self->tolerance = tolerance;
  self->min_shared = min_shared;
  self->codes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->by_code = g_hash_table_new (NULL, NULL);
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->rings = g_array_new (FALSE, FALSE, sizeof (Ring));

  return self;
}

void
tanlu_neighbour_finder_free (TanluNeighbourFinder *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->codes);
  g_hash_table_unref (self->by_code);
  g_array_unref (self->points);
  g_array_unref (self->rings);
  g_free (self);
}

/**
 * tanlu_neighbour_finder_add:
 * @code: the region's code
 * @geometry: (transfer none): its outline, or a part of it
 *
 * Adds a region's outline. Several outlines given for one code make one
 * region: a unit merged into @code whose own outline is still drawn
 * borders what it bordered on behalf of @code, and the border between the
 * two counts for neither.
 */
void
tanlu_neighbour_finder_add (TanluNeighbourFinder *self,
                            guint                 code,
                            TanluGeometry        *geometry)
{
  const double *points;
  guint region;

  g_return_if_fail (self != NULL);
  g_return_if_fail (geometry != NULL);

  region = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, GUINT_TO_POINTER (code)));
  if (region == 0)
    {
      g_array_append_val (self->codes, code);
      region = self->codes->len;
      g_hash_table_insert (self->by_code, GUINT_TO_POINTER (code), GUINT_TO_POINTER (region));
    }
  region--;

  points = tanlu_geometry_get_points (geometry, NULL);

  /* Vertices closer than half the tolerance to the one kept before add
   * nothing a border can be told by, and only cost time: an outline drawn
   * with a vertex every few metres is thinned to one every half
   * tolerance. */
  for (guint r = 0; r < tanlu_geometry_get_n_rings (geometry); r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);
      const double *p = points + 2 * ring->first_point;
      double spacing2 = self->tolerance * self->tolerance / 4;
      Ring copy = { self->points->len / 2, 0, region };

      for (guint i = 0; i < ring->n_points; i++)
        {
          const double *last = copy.n_points > 0
                                 ? &g_array_index (self->points, double, self->points->len - 2)
                                 : NULL;
          double dx = last != NULL ? p[2 * i] - last[0] : 0;
          double dy = last != NULL ? p[2 * i + 1] - last[1] : 0;

          if (last == NULL || i + 1 == ring->n_points || dx * dx + dy * dy >= spacing2)
            {
              g_array_append_vals (self->points, p + 2 * i, 2);
              copy.n_points++;
            }
        }
      g_array_append_val (self->rings, copy);
    }
}

/**
 * tanlu_neighbour_finder_get_n_regions:
 *
 * Returns: how many regions (distinct codes) were added
 */
guint
tanlu_neighbour_finder_get_n_regions (TanluNeighbourFinder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->codes->len;
}

/**
 * tanlu_neighbour_finder_find:
 *
 * Finds the pairs of regions that share a border. The finder is left as
 * it was, so it can be asked again.
 *
 * Returns: (transfer full) (element-type guint) (nullable): the pairs,
 *   two codes each, the smaller first, ordered by the first code and then
 *   the second; %NULL when the outlines overlap so much that finding their
 *   borders would take too long
 */
GArray *
tanlu_neighbour_finder_find (TanluNeighbourFinder *self)
{
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) grid = NULL;
  g_autoptr(GArray) near = NULL;
  g_autoptr(GArray) near_before = NULL;
  g_autofree double *shared = NULL;
  g_autofree guint *seen = NULL;
  g_autofree guint *seen_before = NULL;
  guint n_regions = self->codes->len;
  guint n_vertices = self->points->len / 2;
  guint stamp = 0;
  guint64 looked_at = 0;
  guint64 budget;
  GArray *pairs;
  const double *points;
  guint n_pairs;

  g_return_val_if_fail (self != NULL, NULL);

  /* Outlines that run apart, as a region's neighbours' do, put a few edges
   * near each vertex: about 10 on the bundled boundaries. Outlines drawn
   * over each other put all of them there, and finding their borders
   * would take minutes: past 300 a vertex on average, the finder gives up
   * rather than freeze an import. */
  budget = (guint64) MAX (n_vertices, 1000) * 300;
  points = (const double *) (gpointer) self->points->data;
  edges = g_array_sized_new (FALSE, FALSE, sizeof (Edge), self->points->len / 2);
  grid = g_array_sized_new (FALSE, FALSE, sizeof (Cell), self->points->len);

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      const double *p = points + 2 * ring->first_point;

      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          Edge edge = { p[2 * i], p[2 * i + 1], p[2 * i + 2], p[2 * i + 3], ring->region };

          g_array_append_val (edges, edge);
          grid_add_edge (grid, &edge, edges->len - 1, self->tolerance);
        }
    }

  g_array_sort (grid, compare_cells);

  /* How long each region's outline runs along each other region's: a
   * matrix, as regions are a few hundred. */
  shared = g_new0 (double, (gsize) n_regions * n_regions);
  seen = g_new0 (guint, n_regions);
  seen_before = g_new0 (guint, n_regions);

  near = g_array_new (FALSE, FALSE, sizeof (guint));
  near_before = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < self->rings->len; r++)
    {
      const Ring *ring = &g_array_index (self->rings, Ring, r);
      const double *p = points + 2 * ring->first_point;
      double *region_shared = shared + (gsize) ring->region * n_regions;

      g_array_set_size (near_before, 0);
      for (guint i = 0; i < ring->n_points; i++)
        {
          GArray *swap;
          guint *swap_seen;

          stamp++;
          looked_at += find_near (self, (const Cell *) (gpointer) grid->data, grid->len,
                                  (const Edge *) (gpointer) edges->data, p[2 * i], p[2 * i + 1],
                                  ring->region, near, seen, stamp);
          if (looked_at > budget)
            {
              g_debug ("Outlines overlap too much to find neighbours: over %" G_GUINT64_FORMAT
                       " edges looked at for %u vertices", budget, n_vertices);
              return NULL;
            }

          /* The edge from the vertex before counts for the regions both
           * ends are near: those near this one that @seen_before marks
           * with the stamp before. */
          if (i > 0 && near->len > 0 && near_before->len > 0)
            {
              double length = hypot (p[2 * i] - p[2 * i - 2], p[2 * i + 1] - p[2 * i - 1]);

              for (guint k = 0; k < near->len; k++)
                {
                  guint other = g_array_index (near, guint, k);

                  if (seen_before[other] == stamp - 1)
                    region_shared[other] += length;
                }
            }

          swap = near_before;
          near_before = near;
          near = swap;
          swap_seen = seen_before;
          seen_before = seen;
          seen = swap_seen;
        }
    }

  g_debug ("%u regions, %u vertices, %" G_GUINT64_FORMAT " edges looked at", n_regions, n_vertices,
           looked_at);

  /* A border long enough seen from either side makes a pair. */
  pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint a = 0; a < n_regions; a++)
    for (guint b = a + 1; b < n_regions; b++)
      if (shared[(gsize) a * n_regions + b] > self->min_shared ||
          shared[(gsize) b * n_regions + a] > self->min_shared)
        {
          guint code_a = g_array_index (self->codes, guint, a);
          guint code_b = g_array_index (self->codes, guint, b);
          guint pair[2] = { MIN (code_a, code_b), MAX (code_a, code_b) };

          g_array_append_vals (pairs, pair, 2);
        }

  n_pairs = pairs->len / 2;
  qsort (pairs->data, n_pairs, 2 * sizeof (guint), compare_pairs);

  /* Each pair once, though both sides may have found it. */
  {
    guint *codes = (guint *) (gpointer) pairs->data;
    guint kept = 0;

    for (guint i = 0; i < n_pairs; i++)
      if (kept == 0 || codes[2 * kept - 2] != codes[2 * i] || codes[2 * kept - 1] != codes[2 * i + 1])
        {
          codes[2 * kept] = codes[2 * i];
          codes[2 * kept + 1] = codes[2 * i + 1];
          kept++;
        }

    g_array_set_size (pairs, 2 * kept);
  }

  return pairs;
}

/* ------------------------------------------------------------------------ */

/* The unit a region that ended merged into, or 0. */
static guint
merged_into (TanluStore  *store,
             TanluRegion *region)
{
  g_autoptr(GPtrArray) changes =
    tanlu_store_list_region_changes (store, tanlu_region_get_code (region));

  for (guint i = 0; i < changes->len; i++)
    {
      const TanluRegionChange *change = g_ptr_array_index (changes, i);

      if (change->kind == TANLU_REGION_MERGED && change->old_code == tanlu_region_get_code (region))
        return change->new_code;
    }

  return 0;
}

/* Adds the region's outline as @code's. */
static gboolean
add_region (TanluNeighbourFinder  *finder,
            TanluStore            *store,
            TanluRegion           *region,
            guint                  code,
            gboolean              *added,
            GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TanluGeometry) geometry = NULL;

  *added = FALSE;
  geometry = tanlu_boundary_load (store, tanlu_region_get_code (region), NULL, &local_error);
  if (geometry == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  tanlu_neighbour_finder_add (finder, code, geometry);
  *added = TRUE;
  return TRUE;
}

/**
 * tanlu_neighbours_update:
 *
 * Finds, from the outlines the store holds now, which provinces share a
 * border and which units of the city map do, and stores the pairs. The
 * city map's units are the current prefecture-level ones and, where a
 * province has none with an outline (Chongqing, drawn whole), the province
 * itself. Call it in a transaction after the outlines change.
 */
gboolean
tanlu_neighbours_update (TanluStore  *store,
                         GError     **error)
{
  g_autoptr(TanluNeighbourFinder) provinces =
    tanlu_neighbour_finder_new (TANLU_NEIGHBOURS_TOLERANCE, TANLU_NEIGHBOURS_MIN_SHARED);
  g_autoptr(TanluNeighbourFinder) cities =
    tanlu_neighbour_finder_new (TANLU_NEIGHBOURS_TOLERANCE, TANLU_NEIGHBOURS_MIN_SHARED);
  g_autoptr(GPtrArray) province_list = NULL;
  g_autoptr(GPtrArray) city_list = NULL;
  g_autoptr(GHashTable) drawn_by_cities = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) province_pairs = NULL;
  g_autoptr(GArray) city_pairs = NULL;
  gboolean added;

  g_return_val_if_fail (TANLU_IS_STORE (store), FALSE);

  city_list = tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_CITY);
  for (guint i = 0; i < city_list->len; i++)
    {
      TanluRegion *city = g_ptr_array_index (city_list, i);
      guint code = tanlu_region_get_code (city);

      /* A unit merged into another (莱芜 into 济南) and still drawn with
       * its own outline borders on its successor's behalf. */
      if (!tanlu_region_is_current (city) && (code = merged_into (store, city)) == 0)
        continue;
      if (!add_region (cities, store, city, code, &added, error))
        return FALSE;
      if (added)
        g_hash_table_add (drawn_by_cities,
                          GUINT_TO_POINTER (tanlu_region_get_parent_code (city)));
    }

  province_list = tanlu_store_list_regions_at_level (store, TANLU_REGION_LEVEL_PROVINCE);
  for (guint i = 0; i < province_list->len; i++)
    {
      TanluRegion *province = g_ptr_array_index (province_list, i);

      if (!tanlu_region_is_current (province))
        continue;
      if (!add_region (provinces, store, province, tanlu_region_get_code (province), &added,
                       error))
        return FALSE;
      if (added && !g_hash_table_contains (drawn_by_cities,
                                           GUINT_TO_POINTER (tanlu_region_get_code (province))))
        {
          g_autoptr(TanluGeometry) geometry =
            tanlu_boundary_load (store, tanlu_region_get_code (province), NULL, NULL);

          if (geometry != NULL)
            tanlu_neighbour_finder_add (cities, tanlu_region_get_code (province), geometry);
        }
    }

  /* Outlines drawn over each other have no borders to find: no pairs. */
  if ((province_pairs = tanlu_neighbour_finder_find (provinces)) == NULL)
    province_pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((city_pairs = tanlu_neighbour_finder_find (cities)) != NULL)
    g_array_append_vals (province_pairs, city_pairs->data, city_pairs->len);

  return tanlu_store_set_neighbours (store, (const guint *) (gpointer) province_pairs->data,
                                     province_pairs->len / 2, error);
}
