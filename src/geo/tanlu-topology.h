/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "geo/tanlu-geometry.h"

G_BEGIN_DECLS

/**
 * TanluTopologyRing:
 * @first_ref: the index of the ring's first arc reference
 * @n_refs: how many arcs the ring is made of
 *
 * One ring of a geometry, as the arcs it runs along, in order.
 */
typedef struct
{
  guint first_ref;
  guint n_refs;
} TanluTopologyRing;

/* An arc reference: the arc's index, or its index's complement (~i) for
 * arc i run backwards. */
#define TANLU_TOPOLOGY_ARC(ref)      ((ref) < 0 ? ~(ref) : (ref))
#define TANLU_TOPOLOGY_REVERSED(ref) ((ref) < 0)

typedef struct _TanluTopology TanluTopology;

TanluTopology           *tanlu_topology_new             (TanluGeometry * const *geometries,
                                                         guint                  n_geometries);
void                     tanlu_topology_free            (TanluTopology         *self);
guint                    tanlu_topology_get_n_arcs      (TanluTopology         *self);
const double            *tanlu_topology_get_arc         (TanluTopology         *self,
                                                         guint                  arc,
                                                         guint                 *n_points);
const TanluTopologyRing *tanlu_topology_get_rings       (TanluTopology         *self,
                                                         guint                  geometry,
                                                         guint                 *n_rings);
const int               *tanlu_topology_get_refs        (TanluTopology         *self);
guint                    tanlu_topology_get_n_shared    (TanluTopology         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTopology, tanlu_topology_free)

G_END_DECLS
