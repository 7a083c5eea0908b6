/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "geo/tanlu-geometry.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/* How close two outlines must run, and for how long, for their regions to
 * count as sharing a border; see tanlu-neighbours.c for the measurements
 * behind them. Both are in degrees. */
#define TANLU_NEIGHBOURS_TOLERANCE  0.01
#define TANLU_NEIGHBOURS_MIN_SHARED 0.02

typedef struct _TanluNeighbourFinder TanluNeighbourFinder;

TanluNeighbourFinder *tanlu_neighbour_finder_new     (double                 tolerance,
                                                      double                 min_shared);
void                  tanlu_neighbour_finder_free    (TanluNeighbourFinder  *self);
void                  tanlu_neighbour_finder_add     (TanluNeighbourFinder  *self,
                                                      guint                  code,
                                                      TanluGeometry         *geometry);
guint                 tanlu_neighbour_finder_get_n_regions
                                                     (TanluNeighbourFinder  *self);
GArray               *tanlu_neighbour_finder_find    (TanluNeighbourFinder  *self);

gboolean              tanlu_neighbours_update        (TanluStore            *store,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluNeighbourFinder, tanlu_neighbour_finder_free)

G_END_DECLS
