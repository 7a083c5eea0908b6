/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "geo/tanlu-geometry.h"
#include "geo/tanlu-projection.h"
#include "store/tanlu-store-types.h"
#include "tanlu-classify.h"
#include "tanlu-map-palette.h"

G_BEGIN_DECLS

/**
 * TanluMapRegion:
 * @region: (transfer none): the region, from the store's registry
 * @geometry: its boundary in longitude and latitude, for hit testing
 * @min_x: its bounds in world units (see tanlu-projection.h)
 * @label_x: where its name and marker go, in world units
 * @value: the indicator's value in the map's year; NAN for no data
 * @schematic: whether the boundary is the bundled schematic one
 * @incomplete: @value is a figure the source gives as incomplete
 * @successor: (nullable): for a unit that has ended by the map's year,
 *   merged into another of the map (莱芜 into 济南 in 2019), that one: its
 *   area is drawn, classed and picked as the successor's
 *
 * One region of a map, projected once.
 */
typedef struct
{
  TanluRegion   *region;
  TanluGeometry *geometry;
  double         min_x;
  double         min_y;
  double         max_x;
  double         max_y;
  double         label_x;
  double         label_y;
  double         value;
  gboolean       schematic;
  gboolean       incomplete;
  gpointer       successor;

  /*< private >*/
  GArray        *projected;    /* double x, y: the rings in world units */
  GArray        *ring_bounds;  /* double min x, min y, max x, max y per ring */
  GPtrArray     *shapes;       /* per simplification level, made when needed */
} TanluMapRegion;

typedef struct _TanluMapData TanluMapData;

/* Added to a class in tanlu_map_data_dup_classes () for a figure the
 * source gives as incomplete: drawn in its class, hatched over. */
#define TANLU_MAP_CLASS_INCOMPLETE (1 << 16)
#define TANLU_MAP_CLASS(c) ((c) < 0 ? (c) : ((c) & ~TANLU_MAP_CLASS_INCOMPLETE))

TanluMapData        *tanlu_map_data_new               (TanluStore          *store,
                                                       TanluRegionLevel     level,
                                                       guint                parent_code,
                                                       GError             **error);
TanluMapData        *tanlu_map_data_ref               (TanluMapData        *self);
void                 tanlu_map_data_unref             (TanluMapData        *self);
TanluStore          *tanlu_map_data_get_store         (TanluMapData        *self);
TanluRegionLevel     tanlu_map_data_get_level         (TanluMapData        *self);
guint                tanlu_map_data_get_parent_code   (TanluMapData        *self);
guint                tanlu_map_data_get_n_regions     (TanluMapData        *self);
TanluMapRegion      *tanlu_map_data_get_region        (TanluMapData        *self,
                                                       guint                index);
TanluMapRegion      *tanlu_map_data_find_region       (TanluMapData        *self,
                                                       guint                code);
void                 tanlu_map_data_get_bounds        (TanluMapData        *self,
                                                       double              *min_x,
                                                       double              *min_y,
                                                       double              *max_x,
                                                       double              *max_y);
gboolean             tanlu_map_data_set_indicator     (TanluMapData        *self,
                                                       const char          *indicator_code,
                                                       guint                year,
                                                       GError             **error);
void                 tanlu_map_data_set_external      (TanluMapData        *self,
                                                       const char          *key,
                                                       const char          *title_en,
                                                       const char          *title_zh,
                                                       const char          *unit,
                                                       const char          *source_en,
                                                       const char          *source_zh,
                                                       GHashTable          *series,
                                                       guint                projected_from,
                                                       guint                year);
gboolean             tanlu_map_data_get_external      (TanluMapData        *self,
                                                       gboolean             chinese,
                                                       const char         **title,
                                                       const char         **unit,
                                                       guint               *projected_from);
void                 tanlu_map_data_set_external_notes (TanluMapData       *self,
                                                       const char          *missing_en,
                                                       const char          *missing_zh,
                                                       GHashTable          *notes,
                                                       gboolean             years);
const char          *tanlu_map_data_get_missing_text  (TanluMapData        *self,
                                                       gboolean             chinese);
const char          *tanlu_map_data_get_note          (TanluMapData        *self,
                                                       TanluMapRegion      *region);
gboolean             tanlu_map_data_get_values_are_years (TanluMapData     *self);
void                 tanlu_map_data_set_change_base   (TanluMapData        *self,
                                                       guint                base_year);
guint                tanlu_map_data_get_change_base   (TanluMapData        *self);
const char          *tanlu_map_data_get_indicator     (TanluMapData        *self);
guint                tanlu_map_data_get_year          (TanluMapData        *self);
GArray              *tanlu_map_data_get_years         (TanluMapData        *self);
char                *tanlu_map_data_get_source_text   (TanluMapData        *self,
                                                       gboolean             chinese);
char                *tanlu_map_data_get_boundary_text (TanluMapData        *self,
                                                       gboolean             chinese);
int                 *tanlu_map_data_dup_classes       (TanluMapData        *self,
                                                       guint               *n_classes);
guint                tanlu_map_data_get_generation    (TanluMapData        *self);
gboolean             tanlu_map_data_classify          (TanluMapData        *self,
                                                       TanluClassifyMethod  method,
                                                       guint                n_classes,
                                                       const double        *custom_breaks,
                                                       guint                n_custom_breaks,
                                                       GError             **error);
void                 tanlu_map_data_set_classification (TanluMapData       *self,
                                                        const TanluClassification *classification);
const TanluClassification *
                     tanlu_map_data_get_classification (TanluMapData       *self);
guint                tanlu_map_data_get_rank          (TanluMapData        *self,
                                                       TanluMapRegion      *region);
guint                tanlu_map_data_get_n_ranked      (TanluMapData        *self);
GArray              *tanlu_map_data_get_series        (TanluMapData        *self,
                                                       TanluMapRegion      *region);
TanluMapRegion      *tanlu_map_data_hit               (TanluMapData        *self,
                                                       double               x,
                                                       double               y);

/* For drawing: the rings of a region simplified for @scale, as runs of
 * (x, y) world coordinates. */
typedef struct
{
  guint         n_rings;
  const guint  *ring_lengths;
  const double *points;
} TanluMapShape;

void                 tanlu_map_region_get_shape       (TanluMapRegion      *region,
                                                       double               scale,
                                                       TanluMapShape       *shape);

/**
 * TanluMapPlace:
 * @min_x: a region's bounds in the world units of a projection
 * @label_x: where its name goes
 *
 * Where a region lies in a projection.
 */
typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
  double label_x;
  double label_y;
} TanluMapPlace;

/**
 * TanluMapOutlines:
 * @n_arcs: how many arcs there are
 * @arc_starts: (array length=n_arcs): where each arc's points start in
 *   @points, in points; arc i ends where arc i + 1 starts
 * @points: (x, y) world coordinates
 * @bounds: min x, min y, max x, max y of each arc
 * @closed: (array length=n_arcs): whether an arc is a whole ring
 *
 * Every border of a map's regions once, simplified for a scale: a border
 * between two regions is one arc, as are a coast and a national border.
 */
typedef struct
{
  guint          n_arcs;
  const guint   *arc_starts;
  const double  *points;
  const double  *bounds;
  const gboolean *closed;
} TanluMapOutlines;

void                 tanlu_map_data_get_projected_bounds (TanluMapData     *self,
                                                       TanluProjection      projection,
                                                       double              *min_x,
                                                       double              *min_y,
                                                       double              *max_x,
                                                       double              *max_y);
void                 tanlu_map_data_get_place         (TanluMapData        *self,
                                                       TanluProjection      projection,
                                                       guint                index,
                                                       TanluMapPlace       *place);
void                 tanlu_map_data_get_region_shape  (TanluMapData        *self,
                                                       TanluProjection      projection,
                                                       guint                index,
                                                       double               scale,
                                                       TanluMapShape       *shape);
void                 tanlu_map_data_get_outlines      (TanluMapData        *self,
                                                       TanluProjection      projection,
                                                       double               scale,
                                                       TanluMapOutlines    *outlines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluMapData, tanlu_map_data_unref)

G_END_DECLS
