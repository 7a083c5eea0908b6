/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-geo"

#include "config.h"

#include "tanlu-topology.h"

#include <string.h>

/* The outlines of a set of regions as arcs, each stored once: a border
 * between two neighbours is one arc both their rings run along, one of
 * them backwards, and a coast or a national border is an arc of one
 * ring. Drawn from arcs, a shared border is stroked once rather than once
 * for each side, and fills simplified arc by arc leave no seam between
 * neighbours.
 *
 * As TopoJSON does: a vertex is a junction where the rings through it do
 * not all come from and go on to the same two vertices (where a border
 * between two regions meets a third region, or the coast). Rings are cut
 * at junctions, and arcs of the same vertices, either way round, are
 * kept once. Vertices are the same when their coordinates are equal: the
 * bundled outlines share the vertices of their borders (tanlu-neighbours.c
 * measures how far); where they do not, such as an official boundary
 * loaded beside schematic ones, the two sides stay two arcs and are drawn
 * as before. */

#define NO_POINT G_MAXUINT

typedef struct
{
  guint first_point;
  guint n_points;
} Arc;

struct _TanluTopology
{
  GArray *points;        /* double longitude, latitude of the arcs */
  GArray *arcs;          /* Arc */
  GArray *refs;          /* int */
  GArray *rings;         /* TanluTopologyRing */
  GArray *first_ring;    /* guint, per geometry, and one past the last */
  guint   n_shared;
};

/* ------------------------------------------------------------------------ */
/* Vertices */

typedef struct
{
  guint  *slots;     /* vertex id + 1, 0 for empty */
  guint   mask;
  GArray *coords;    /* double longitude, latitude per id */
} VertexTable;

static inline guint64
mix (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;

  return x;
}

static inline guint
hash_point (const double *point)
{
  guint64 a, b;

  memcpy (&a, &point[0], sizeof a);
  memcpy (&b, &point[1], sizeof b);

  return (guint) mix (a ^ mix (b));
}

static guint
vertex_id (VertexTable  *table,
           const double *point)
{
  guint slot = hash_point (point) & table->mask;

  for (;;)
    {
      guint id = table->slots[slot];

      if (id == 0)
        {
          g_array_append_vals (table->coords, point, 2);
          table->slots[slot] = table->coords->len / 2;
          return table->coords->len / 2 - 1;
        }
      if (memcmp (&g_array_index (table->coords, double, 2 * (id - 1)), point,
                  2 * sizeof (double)) == 0)
        return id - 1;
      slot = (slot + 1) & table->mask;
    }
}

/* ------------------------------------------------------------------------ */
/* Arcs */

typedef struct
{
  TanluTopology *self;
  GArray        *arc_ids;     /* guint vertex ids of the arcs, as points */
  GHashTable    *by_ends;     /* (smaller end, larger end) → GArray of arc indices */
} ArcTable;

static guint64
ends_key (guint a,
          guint b)
{
  return ((guint64) MIN (a, b) << 32) | MAX (a, b);
}

static gboolean
same_ids (const guint *a,
          const guint *b,
          guint        n,
          gboolean     reversed)
{
  for (guint i = 0; i < n; i++)
    if (a[i] != b[reversed ? n - 1 - i : i])
      return FALSE;

  return TRUE;
}

/* The reference to the arc through @ids, added if new. */
static int
add_arc (ArcTable          *table,
         const guint       *ids,
         guint              n,
         const VertexTable *vertices)
{
  guint64 key = ends_key (ids[0], ids[n - 1]);
  GArray *candidates = g_hash_table_lookup (table->by_ends, &key);
  Arc arc;

  for (guint c = 0; candidates != NULL && c < candidates->len; c++)
    {
      guint index = g_array_index (candidates, guint, c);
      const Arc *other = &g_array_index (table->self->arcs, Arc, index);
      const guint *other_ids = &g_array_index (table->arc_ids, guint, other->first_point);

      if (other->n_points != n)
        continue;
      if (same_ids (ids, other_ids, n, FALSE))
        return (int) index;
      if (same_ids (ids, other_ids, n, TRUE))
        {
          table->self->n_shared++;
          return ~(int) index;
        }
    }

  arc.first_point = table->arc_ids->len;
  arc.n_points = n;
  g_array_append_vals (table->arc_ids, ids, n);
  for (guint i = 0; i < n; i++)
    g_array_append_vals (table->self->points,
                         &g_array_index (vertices->coords, double, 2 * ids[i]), 2);

  if (candidates == NULL)
    {
      guint64 *stored = g_new (guint64, 1);

      *stored = key;
      candidates = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table->by_ends, stored, candidates);
    }
  g_array_append_val (candidates, table->self->arcs->len);
  g_array_append_val (table->self->arcs, arc);

  return (int) table->self->arcs->len - 1;
}

/* A ring without junctions is one closed arc. It starts at its smallest
 * vertex, so that the same ring of another region, such as an enclave
 * and the hole it leaves, is found either way round. */
static int
add_closed_ring (ArcTable          *table,
                 const guint       *ids,
                 guint              n,
                 const VertexTable *vertices)
{
  g_autofree guint *rotated = g_new (guint, n + 1);
  guint start = 0;

  for (guint i = 1; i < n; i++)
    if (ids[i] < ids[start])
      start = i;
  for (guint i = 0; i <= n; i++)
    rotated[i] = ids[(start + i) % n];

  return add_arc (table, rotated, n + 1, vertices);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_topology_new:
 * @geometries: (array length=n_geometries): the regions' outlines
 *
 * Finds the arcs the rings of @geometries are made of.
 *
 * Returns: (transfer full): the arcs
 */
TanluTopology *
tanlu_topology_new (TanluGeometry * const *geometries,
                    guint                  n_geometries)
{
  TanluTopology *self = g_new0 (TanluTopology, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ring_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *pair_a = NULL;
  g_autofree guint *pair_b = NULL;
  g_autofree gboolean *junction = NULL;
  g_autoptr(GArray) cut = g_array_new (FALSE, FALSE, sizeof (guint));
  VertexTable vertices;
  ArcTable arcs;
  guint total = 0, capacity = 16, n_vertices, ring_index = 0;

  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  self->refs = g_array_new (FALSE, FALSE, sizeof (int));
  self->rings = g_array_new (FALSE, FALSE, sizeof (TanluTopologyRing));
  self->first_ring = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint g = 0; g < n_geometries; g++)
    {
      guint n_points = 0;

      tanlu_geometry_get_points (geometries[g], &n_points);
      total += n_points;
    }
  while (capacity < 2 * total)
    capacity *= 2;

  vertices.slots = g_new0 (guint, capacity);
  vertices.mask = capacity - 1;
  vertices.coords = g_array_sized_new (FALSE, FALSE, sizeof (double), total);

  /* Each ring's vertices, without the closing one. */
  for (guint g = 0; g < n_geometries; g++)
    {
      const double *points = tanlu_geometry_get_points (geometries[g], NULL);

      for (guint r = 0; r < tanlu_geometry_get_n_rings (geometries[g]); r++)
        {
          const TanluRing *ring = tanlu_geometry_get_ring (geometries[g], r);
          const double *first = &points[2 * ring->first_point];
          guint n = ring->n_points;

          if (n > 1 && memcmp (first, first + 2 * (n - 1), 2 * sizeof (double)) == 0)
            n--;
          g_array_append_val (ring_starts, ids->len);
          for (guint i = 0; i < n; i++)
            {
              guint id = vertex_id (&vertices, first + 2 * i);

              /* Repeated vertices would make empty edges. */
              if (i > 0 && id == g_array_index (ids, guint, ids->len - 1))
                continue;
              g_array_append_val (ids, id);
            }
          if (ids->len - g_array_index (ring_starts, guint, ring_starts->len - 1) > 1 &&
              g_array_index (ids, guint, ids->len - 1) ==
              g_array_index (ids, guint, g_array_index (ring_starts, guint, ring_starts->len - 1)))
            g_array_set_size (ids, ids->len - 1);
        }
    }
  g_array_append_val (ring_starts, ids->len);
  g_free (vertices.slots);
  vertices.slots = NULL;

  /* Junctions: vertices the rings through which do not all pass between
   * the same two others. */
  n_vertices = vertices.coords->len / 2;
  pair_a = g_new (guint, n_vertices);
  pair_b = g_new (guint, n_vertices);
  junction = g_new0 (gboolean, n_vertices);
  memset (pair_a, 0xff, n_vertices * sizeof (guint));
  for (guint r = 0; r + 1 < ring_starts->len; r++)
    {
      guint start = g_array_index (ring_starts, guint, r);
      guint n = g_array_index (ring_starts, guint, r + 1) - start;
      const guint *ring = &g_array_index (ids, guint, start);

      for (guint i = 0; i < n; i++)
        {
          guint id = ring[i];
          guint prev = ring[(i + n - 1) % n];
          guint next = ring[(i + 1) % n];
          guint low = MIN (prev, next), high = MAX (prev, next);

          if (pair_a[id] == NO_POINT)
            {
              pair_a[id] = low;
              pair_b[id] = high;
            }
          else if (pair_a[id] != low || pair_b[id] != high)
            junction[id] = TRUE;
        }
    }

  /* Rings cut at junctions into arcs, each kept once. */
  arcs.self = self;
  arcs.arc_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  arcs.by_ends = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_array_unref);

  for (guint g = 0; g < n_geometries; g++)
    {
      g_array_append_val (self->first_ring, self->rings->len);

      for (guint r = 0; r < tanlu_geometry_get_n_rings (geometries[g]); r++, ring_index++)
        {
          guint start = g_array_index (ring_starts, guint, ring_index);
          guint n = g_array_index (ring_starts, guint, ring_index + 1) - start;
          const guint *ring = &g_array_index (ids, guint, start);
          TanluTopologyRing topology_ring = { self->refs->len, 0 };
          guint first_junction = NO_POINT;

          for (guint i = 0; i < n && first_junction == NO_POINT; i++)
            if (junction[ring[i]])
              first_junction = i;

          if (n < 3)
            ;
          else if (first_junction == NO_POINT)
            {
              int ref = add_closed_ring (&arcs, ring, n, &vertices);

              g_array_append_val (self->refs, ref);
            }
          else
            {
              g_array_set_size (cut, 0);
              for (guint k = 0; k <= n; k++)
                {
                  guint id = ring[(first_junction + k) % n];

                  g_array_append_val (cut, id);
                  if (k > 0 && junction[id])
                    {
                      int ref = add_arc (&arcs, (const guint *) (gpointer) cut->data, cut->len,
                                         &vertices);

                      g_array_append_val (self->refs, ref);
                      g_array_set_size (cut, 0);
                      g_array_append_val (cut, id);
                    }
                }
            }

          topology_ring.n_refs = self->refs->len - topology_ring.first_ref;
          g_array_append_val (self->rings, topology_ring);
        }
    }
  g_array_append_val (self->first_ring, self->rings->len);

  g_array_unref (arcs.arc_ids);
  g_hash_table_unref (arcs.by_ends);
  g_array_unref (vertices.coords);

  return self;
}

void
tanlu_topology_free (TanluTopology *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->arcs, g_array_unref);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->rings, g_array_unref);
  g_clear_pointer (&self->first_ring, g_array_unref);
  g_free (self);
}

guint
tanlu_topology_get_n_arcs (TanluTopology *self)
{
  return self->arcs->len;
}

/**
 * tanlu_topology_get_arc:
 * @n_points: (out): how many points the arc has, both ends included
 *
 * Returns: (array length=n_points): the arc's longitude, latitude pairs
 */
const double *
tanlu_topology_get_arc (TanluTopology *self,
                        guint          arc,
                        guint         *n_points)
{
  const Arc *a = &g_array_index (self->arcs, Arc, arc);

  *n_points = a->n_points;

  return &g_array_index (self->points, double, 2 * a->first_point);
}

/**
 * tanlu_topology_get_rings:
 * @geometry: the index of a geometry as given to tanlu_topology_new()
 * @n_rings: (out): its number of rings
 *
 * Returns: (array length=n_rings): its rings, in the geometry's order; a
 *   ring of fewer than three distinct vertices has no arcs
 */
const TanluTopologyRing *
tanlu_topology_get_rings (TanluTopology *self,
                          guint          geometry,
                          guint         *n_rings)
{
  guint first = g_array_index (self->first_ring, guint, geometry);

  *n_rings = g_array_index (self->first_ring, guint, geometry + 1) - first;

  return &g_array_index (self->rings, TanluTopologyRing, first);
}

/**
 * tanlu_topology_get_refs:
 *
 * Returns: the arc references the rings index into
 */
const int *
tanlu_topology_get_refs (TanluTopology *self)
{
  return (const int *) (gpointer) self->refs->data;
}

/**
 * tanlu_topology_get_n_shared:
 *
 * Returns: how many times a ring ran along an arc another ring had
 *   already: the strokes that drawing from arcs saves
 */
guint
tanlu_topology_get_n_shared (TanluTopology *self)
{
  return self->n_shared;
}
