/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-basemap"

#include "config.h"

#include "tanlu-basemap.h"
#include "geo/tanlu-albers.h"
#include "geo/tanlu-basemap-features.h"
#include "geo/tanlu-geometry.h"
#include "store/tanlu-basemap-store.h"
#include "store/tanlu-store.h"

#include <math.h>

/* The offline basemap under Tanlu's maps: sea, land, lakes, rivers,
 * coastlines and country borders, from the store's basemap_feature table.
 *
 * Features are projected to the unit square once, when loaded; drawing
 * only scales and offsets them into pixels. Nothing changes after
 * loading, so any number of threads may draw the same basemap at once. */

/* The box the fine features cover; data/basemap/regenerate.py cuts them
 * to the same box. */
#define FINE_WEST  60.0
#define FINE_SOUTH 5.0
#define FINE_EAST  150.0
#define FINE_NORTH 60.0

/* Below zoom 4 a view shows much of the world, where the coarse layers
 * look as good and are much less work. */
#define FINE_MIN_SCALE (256.0 * 16)

/* Rivers and lakes are kept only around East Asia. On views of most of
 * the world (below zoom 3) they would be specks there and missing
 * everywhere else, so they are left out. */
#define WATER_MIN_SCALE (256.0 * 8)

/* Vertices are snapped to a quarter pixel and repeats are dropped: most
 * of them are closer together than that on small-scale views. Snapping,
 * rather than dropping a vertex too close to the one before, maps a point
 * shared by two neighbouring squares to the same pixel in both, so no
 * seam opens between them. */
#define SNAP 4.0

/* Cairo keeps coordinates in 24.8 fixed point, about ±8 million pixels.
 * Only features of views beyond zoom 14 come near that; they are clamped
 * rather than wrapped around. */
#define MAX_PIXEL 4e6

/* Stroking is most of the drawing's work, and on small-scale views most
 * vertices of a line are less than a pixel apart. Lines are thin, so
 * leaving such vertices out does not show; for fills it would open seams
 * between squares, so they only snap. */
#define LINE_MIN_STEP 1.0

#define COASTLINE_WIDTH 0.8
#define BORDER_WIDTH    0.8
#define RIVER_WIDTH     0.7

typedef enum
{
  KIND_LAND,
  KIND_LAKE,
  KIND_RIVER,
  KIND_COASTLINE,
  KIND_BORDER,
  KIND_ISLAND,
  KIND_DASH,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  [KIND_LAND] = "land",
  [KIND_LAKE] = "lake",
  [KIND_RIVER] = "river",
  [KIND_COASTLINE] = "coastline",
  [KIND_BORDER] = "border",
  [KIND_ISLAND] = "island",
  [KIND_DASH] = "dash",
};

/* A rectangle in world units (the unit square), y growing southwards. */
typedef struct
{
  double min_x;
  double min_y;
  double max_x;
  double max_y;
} Rect;

typedef struct
{
  Rect   bounds;
  guint  first_part;
  guint  n_parts;
} Feature;

/* A polygon's ring without its closing point, or a line. */
typedef struct
{
  guint  first_point;
  guint  n_points;
} Part;

typedef struct
{
  GArray *features;  /* Feature */
  GArray *parts;     /* Part */
  GArray *points;    /* double x, y pairs in world units */
} Layer;

struct _TanluBasemap
{
  gatomicrefcount ref_count;
  Layer           layers[TANLU_BASEMAP_N_DETAILS][N_KINDS];
  guint           n_features;

  /* The same in Albers, for exported maps: projected from the Web
   * Mercator ones when first drawn. */
  GMutex          albers_lock;
  gboolean        has_albers;
  Layer           albers[TANLU_BASEMAP_N_DETAILS][N_KINDS];
};

static const TanluBasemapColors light_colors = {
  .sea = { 0.831, 0.886, 0.922, 1 },        /* #d4e2eb */
  .land = { 0.953, 0.945, 0.929, 1 },       /* #f3f1ed */
  .river = { 0.624, 0.749, 0.839, 1 },      /* #9fbfd6 */
  .coastline = { 0.561, 0.627, 0.675, 1 },  /* #8fa0ac */
  .border = { 0.600, 0.600, 0.600, 1 },     /* #999999 */
};

static const TanluBasemapColors dark_colors = {
  .sea = { 0.082, 0.118, 0.153, 1 },        /* #151e27 */
  .land = { 0.173, 0.180, 0.192, 1 },       /* #2c2e31 */
  .river = { 0.204, 0.329, 0.431, 1 },      /* #34546e */
  .coastline = { 0.306, 0.357, 0.400, 1 },  /* #4e5b66 */
  .border = { 0.420, 0.420, 0.420, 1 },     /* #6b6b6b */
};

static const double border_dashes[] = { 3, 2 };

/* ------------------------------------------------------------------------ */

static gboolean
kind_from_string (const char *name,
                  Kind       *kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      if (g_str_equal (name, kind_names[i]))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
kind_is_line (Kind kind)
{
  switch (kind)
    {
    case KIND_RIVER:
    case KIND_COASTLINE:
    case KIND_BORDER:
      return TRUE;

    case KIND_LAND:
    case KIND_LAKE:
    case KIND_ISLAND:
    case KIND_DASH:
    case N_KINDS:
    default:
      return FALSE;
    }
}

static inline gboolean
rects_meet (const Rect *a,
            const Rect *b)
{
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

static inline gboolean
rect_contains (const Rect *outer,
               const Rect *inner)
{
  return outer->min_x <= inner->min_x && inner->max_x <= outer->max_x &&
         outer->min_y <= inner->min_y && inner->max_y <= outer->max_y;
}

static void
project_bounds (double  min_lon,
                double  min_lat,
                double  max_lon,
                double  max_lat,
                Rect   *rect)
{
  /* North-west corner first: y grows southwards. */
  tanlu_mercator_project (min_lon, max_lat, &rect->min_x, &rect->min_y);
  tanlu_mercator_project (max_lon, min_lat, &rect->max_x, &rect->max_y);
}

static void
set_color (cairo_t               *cr,
           const TanluChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static inline double
to_pixel (double world,
          double origin,
          double scale)
{
  double pixel = floor ((world - origin) * scale * SNAP + 0.5) / SNAP;

  return CLAMP (pixel, -MAX_PIXEL, MAX_PIXEL);
}

/* Features in Albers of what lies within this many degrees of its cut
 * (at 75° W, opposite the central meridian) are left out: they would
 * wrap around the cone, and no map of China comes near them. */
#define ALBERS_CUT_MARGIN 30.0

static void
layer_init (Layer *layer)
{
  layer->features = g_array_new (FALSE, FALSE, sizeof (Feature));
  layer->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  layer->points = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
layer_clear (Layer *layer)
{
  g_clear_pointer (&layer->features, g_array_unref);
  g_clear_pointer (&layer->parts, g_array_unref);
  g_clear_pointer (&layer->points, g_array_unref);
}

/* @albers, the features of @mercator in Albers. */
static void
project_layer_to_albers (const Layer *mercator,
                         Layer       *albers)
{
  const Feature *features = (const Feature *) (gpointer) mercator->features->data;
  const Part *parts = (const Part *) (gpointer) mercator->parts->data;
  const double *points = (const double *) (gpointer) mercator->points->data;

  layer_init (albers);

  for (guint f = 0; f < mercator->features->len; f++)
    {
      Feature feature = { { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE },
                          albers->parts->len, 0 };

      for (guint p = features[f].first_part; p < features[f].first_part + features[f].n_parts; p++)
        {
          const double *point = points + 2 * parts[p].first_point;
          Part part = { albers->points->len / 2, parts[p].n_points };
          gboolean near_cut = FALSE;

          for (guint i = 0; i < parts[p].n_points && !near_cut; i++)
            near_cut = fabs (remainder (point[2 * i] * 360 - 180 - TANLU_ALBERS_CENTRAL_MERIDIAN,
                                        360)) > 180 - ALBERS_CUT_MARGIN;
          if (near_cut)
            continue;

          for (guint i = 0; i < parts[p].n_points; i++)
            {
              double longitude, latitude, xy[2];

              tanlu_mercator_unproject (point[2 * i], point[2 * i + 1], &longitude, &latitude);
              tanlu_projection_project (TANLU_PROJECTION_ALBERS, longitude, latitude, &xy[0],
                                        &xy[1]);
              g_array_append_vals (albers->points, xy, 2);
              feature.bounds.min_x = MIN (feature.bounds.min_x, xy[0]);
              feature.bounds.min_y = MIN (feature.bounds.min_y, xy[1]);
              feature.bounds.max_x = MAX (feature.bounds.max_x, xy[0]);
              feature.bounds.max_y = MAX (feature.bounds.max_y, xy[1]);
            }
          g_array_append_val (albers->parts, part);
        }

      feature.n_parts = albers->parts->len - feature.first_part;
      if (feature.n_parts > 0)
        g_array_append_val (albers->features, feature);
    }
}

static void
ensure_albers (TanluBasemap *self)
{
  if (g_atomic_int_get (&self->has_albers))
    return;

  g_mutex_lock (&self->albers_lock);
  if (!self->has_albers)
    {
      for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
        for (guint k = 0; k < N_KINDS; k++)
          project_layer_to_albers (&self->layers[d][k], &self->albers[d][k]);
      g_atomic_int_set (&self->has_albers, TRUE);
    }
  g_mutex_unlock (&self->albers_lock);
}

/* Appends the edge of the box the fine features cover, in Albers: its
 * parallels are arcs. */
static void
append_fine_box_albers (cairo_t            *cr,
                        const TanluMapView *view)
{
  const double corners[5][2] = {
    { FINE_WEST, FINE_NORTH }, { FINE_EAST, FINE_NORTH }, { FINE_EAST, FINE_SOUTH },
    { FINE_WEST, FINE_SOUTH }, { FINE_WEST, FINE_NORTH },
  };
  const guint steps = 64;

  for (guint c = 0; c < 4; c++)
    for (guint i = 0; i < steps; i++)
      {
        double t = (double) i / steps;
        double longitude = corners[c][0] + t * (corners[c + 1][0] - corners[c][0]);
        double latitude = corners[c][1] + t * (corners[c + 1][1] - corners[c][1]);
        double x, y;

        tanlu_projection_project (TANLU_PROJECTION_ALBERS, longitude, latitude, &x, &y);
        x = (x - view->x) * view->scale;
        y = (y - view->y) * view->scale;
        if (c == 0 && i == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
  cairo_close_path (cr);
}

/* Whether all of @view lies in the box the fine features cover. */
static gboolean
fine_box_holds_view (const TanluMapView *view)
{
  const guint steps = 16;

  for (guint i = 0; i <= steps; i++)
    for (guint edge = 0; edge < 4; edge++)
      {
        double t = (double) i / steps;
        double px = edge < 2 ? t * view->width : (edge == 2 ? 0 : view->width);
        double py = edge < 2 ? (edge == 0 ? 0 : view->height) : t * view->height;
        double longitude, latitude;

        tanlu_map_view_unproject (view, px, py, &longitude, &latitude);
        if (longitude < FINE_WEST || longitude > FINE_EAST || latitude < FINE_SOUTH ||
            latitude > FINE_NORTH)
          return FALSE;
      }

  return TRUE;
}

/* Adds the layer's features that meet @visible, but for those wholly
 * inside @hidden, to the current path. Vertices closer than @min_step
 * pixels to the one before are left out, but for a line's last. */
static void
append_layer (cairo_t            *cr,
              const Layer        *layer,
              const TanluMapView *view,
              const Rect         *visible,
              const Rect         *hidden,
              gboolean            closed,
              double              min_step)
{
  double min_step2 = min_step * min_step;
  const Feature *features = (const Feature *)(gpointer)layer->features->data;
  const Part *parts = (const Part *)(gpointer)layer->parts->data;
  const double *points = (const double *)(gpointer)layer->points->data;

  for (guint f = 0; f < layer->features->len; f++)
    {
      const Feature *feature = &features[f];

      if (!rects_meet (&feature->bounds, visible) ||
          (hidden != NULL && rect_contains (hidden, &feature->bounds)))
        continue;

      for (guint p = feature->first_part; p < feature->first_part + feature->n_parts; p++)
        {
          const double *point = points + 2 * parts[p].first_point;
          double last_x = 0;
          double last_y = 0;
          guint n_drawn = 0;

          for (guint i = 0; i < parts[p].n_points; i++)
            {
              double x = to_pixel (point[2 * i], view->x, view->scale);
              double y = to_pixel (point[2 * i + 1], view->y, view->scale);

              if (n_drawn == 0)
                {
                  cairo_move_to (cr, x, y);
                }
              else
                {
                  double step2 = (x - last_x) * (x - last_x) + (y - last_y) * (y - last_y);

                  if (step2 == 0 || (step2 < min_step2 && i + 1 < parts[p].n_points))
                    continue;
                  cairo_line_to (cr, x, y);
                }

              last_x = x;
              last_y = y;
              n_drawn++;
            }

          if (closed)
            cairo_close_path (cr);
        }
    }
}

static void
fill_layer (cairo_t               *cr,
            const Layer           *layer,
            const TanluMapView    *view,
            const Rect            *visible,
            const Rect            *hidden,
            const TanluChartColor *color)
{
  /* One fill for the whole layer: neighbouring squares are filled
   * together, so their shared edges leave no anti-aliasing seam. */
  cairo_new_path (cr);
  append_layer (cr, layer, view, visible, hidden, TRUE, 0);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
stroke_layer (cairo_t               *cr,
              const Layer           *layer,
              const TanluMapView    *view,
              const Rect            *visible,
              const Rect            *hidden,
              const TanluChartColor *color,
              double                 width,
              gboolean               dashed)
{
  /* Lines reach up to half their width beyond their bounds. */
  double margin = width / view->scale;
  Rect around = {
    visible->min_x - margin, visible->min_y - margin,
    visible->max_x + margin, visible->max_y + margin,
  };

  cairo_new_path (cr);
  append_layer (cr, layer, view, &around, hidden, FALSE, LINE_MIN_STEP);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashed ? border_dashes : NULL, dashed ? G_N_ELEMENTS (border_dashes) : 0, 0);
  cairo_stroke (cr);
}

/* Draws one detail's features that meet @visible. Those wholly inside
 * @hidden, where the other detail is drawn, are clipped away anyway, and
 * left out to save the work. */
static void
draw_detail (const TanluBasemap       *self,
             cairo_t                  *cr,
             const TanluMapView       *view,
             const Rect               *visible,
             const Rect               *hidden,
             guint                     detail,
             const TanluBasemapColors *colors)
{
  const Layer *layers = tanlu_map_view_get_projection (view) == TANLU_PROJECTION_ALBERS
                          ? self->albers[detail]
                          : self->layers[detail];

  fill_layer (cr, &layers[KIND_LAND], view, visible, hidden, &colors->land);

  if (view->scale >= WATER_MIN_SCALE)
    {
      fill_layer (cr, &layers[KIND_LAKE], view, visible, hidden, &colors->sea);
      stroke_layer (cr, &layers[KIND_RIVER], view, visible, hidden, &colors->river, RIVER_WIDTH,
                    FALSE);
    }

  stroke_layer (cr, &layers[KIND_COASTLINE], view, visible, hidden, &colors->coastline,
                COASTLINE_WIDTH, FALSE);
  stroke_layer (cr, &layers[KIND_BORDER], view, visible, hidden, &colors->border, BORDER_WIDTH,
                TRUE);
}

/* ------------------------------------------------------------------------ */

static gboolean
add_feature_cb (const char    *kind_name,
                guint          detail,
                double         min_lon,
                double         min_lat,
                double         max_lon,
                double         max_lat,
                TanluGeometry *geometry,
                gpointer       user_data)
{
  TanluBasemap *self = user_data;
  const double *points = tanlu_geometry_get_points (geometry, NULL);
  Feature feature = { { 0 }, 0, 0 };
  gboolean line;
  Layer *layer;
  Kind kind;

  /* Kinds a newer Tanlu may add are not drawn by this one. */
  if (!kind_from_string (kind_name, &kind) || detail >= TANLU_BASEMAP_N_DETAILS)
    return TRUE;

  layer = &self->layers[detail][kind];
  line = kind_is_line (kind);

  project_bounds (min_lon, min_lat, max_lon, max_lat, &feature.bounds);
  feature.first_part = layer->parts->len;

  for (guint r = 0; r < tanlu_geometry_get_n_rings (geometry); r++)
    {
      const TanluRing *ring = tanlu_geometry_get_ring (geometry, r);
      Part part;

      /* Rings are closed by the path instead of a repeated point. */
      part.first_point = layer->points->len / 2;
      part.n_points = line ? tanlu_basemap_line_get_n_points (ring) : MAX (ring->n_points, 1) - 1;

      for (guint i = 0; i < part.n_points; i++)
        {
          const double *lonlat = points + 2 * (ring->first_point + i);
          double xy[2];

          tanlu_mercator_project (lonlat[0], lonlat[1], &xy[0], &xy[1]);
          g_array_append_vals (layer->points, xy, 2);
        }

      g_array_append_val (layer->parts, part);
    }

  feature.n_parts = layer->parts->len - feature.first_part;
  g_array_append_val (layer->features, feature);
  self->n_features++;

  return TRUE;
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_basemap_new_from_store:
 *
 * Loads every basemap feature of @store and projects it for drawing. A
 * store without basemap features gives an empty basemap, which draws
 * nothing.
 *
 * Returns: (transfer full) (nullable): the basemap
 */
TanluBasemap *
tanlu_basemap_new_from_store (TanluStore  *store,
                              GError     **error)
{
  g_autoptr(TanluBasemap) self = NULL;

  g_return_val_if_fail (TANLU_IS_STORE (store), NULL);

  if (!tanlu_store_ensure_basemap (store, error))
    return NULL;

  self = g_new0 (TanluBasemap, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->albers_lock);
  for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
    {
      for (guint k = 0; k < N_KINDS; k++)
        {
          self->layers[d][k].features = g_array_new (FALSE, FALSE, sizeof (Feature));
          self->layers[d][k].parts = g_array_new (FALSE, FALSE, sizeof (Part));
          self->layers[d][k].points = g_array_new (FALSE, FALSE, sizeof (double));
        }
    }

  for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
    if (!tanlu_basemap_foreach_feature (store, d, add_feature_cb, self, error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * tanlu_basemap_draw:
 * @cr: drawn on from (0, 0) to (@view->width, @view->height) in user space
 * @dark: whether to use the colours for a dark page
 *
 * Paints the part of the world @view shows: sea, land, lakes, rivers,
 * coastlines and country borders. Lines are as wide at every zoom level.
 * Views of much of the world use the coarse features; closer views use
 * the fine ones inside the box they cover and the coarse ones outside it.
 *
 * Safe to call from several threads at once, each with its own @cr.
 */
void
tanlu_basemap_draw (const TanluBasemap *basemap,
                    cairo_t            *cr,
                    const TanluMapView *view,
                    gboolean            dark)
{
  const TanluBasemapColors *colors = tanlu_basemap_get_colors (dark);
  Rect visible;
  Rect fine;

  g_return_if_fail (basemap != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->scale > 0);

  if (basemap->n_features == 0)
    return;

  visible.min_x = view->x;
  visible.min_y = view->y;
  visible.max_x = view->x + view->width / view->scale;
  visible.max_y = view->y + view->height / view->scale;
  project_bounds (FINE_WEST, FINE_SOUTH, FINE_EAST, FINE_NORTH, &fine);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  set_color (cr, &colors->sea);
  cairo_fill (cr);

  if (tanlu_map_view_get_projection (view) == TANLU_PROJECTION_ALBERS)
    {
      /* Albers world units are about as long as Web Mercator's. */
      ensure_albers ((TanluBasemap *) basemap);
      if (view->scale < FINE_MIN_SCALE)
        draw_detail (basemap, cr, view, &visible, NULL, 0, colors);
      else if (fine_box_holds_view (view))
        draw_detail (basemap, cr, view, &visible, NULL, 1, colors);
      else
        {
          cairo_save (cr);
          cairo_new_path (cr);
          cairo_rectangle (cr, 0, 0, view->width, view->height);
          append_fine_box_albers (cr, view);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_clip (cr);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
          draw_detail (basemap, cr, view, &visible, NULL, 0, colors);
          cairo_restore (cr);

          cairo_save (cr);
          cairo_new_path (cr);
          append_fine_box_albers (cr, view);
          cairo_clip (cr);
          draw_detail (basemap, cr, view, &visible, NULL, 1, colors);
          cairo_restore (cr);
        }
    }
  else if (view->scale < FINE_MIN_SCALE || !rects_meet (&visible, &fine))
    draw_detail (basemap, cr, view, &visible, NULL, 0, colors);
  else if (rect_contains (&fine, &visible))
    draw_detail (basemap, cr, view, &visible, NULL, 1, colors);
  else
    {
      /* Whole pixels inside the box: the two clips then share no pixel,
       * and the fine features, which end at the box's edge, cover every
       * pixel of theirs. */
      double left = ceil ((fine.min_x - view->x) * view->scale);
      double top = ceil ((fine.min_y - view->y) * view->scale);
      double right = floor ((fine.max_x - view->x) * view->scale);
      double bottom = floor ((fine.max_y - view->y) * view->scale);
      Rect inside = {
        MAX (visible.min_x, fine.min_x), MAX (visible.min_y, fine.min_y),
        MIN (visible.max_x, fine.max_x), MIN (visible.max_y, fine.max_y),
      };

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, 0, 0, view->width, view->height);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      draw_detail (basemap, cr, view, &visible, &fine, 0, colors);
      cairo_restore (cr);

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      cairo_clip (cr);
      draw_detail (basemap, cr, view, &inside, NULL, 1, colors);
      cairo_restore (cr);
    }

  cairo_restore (cr);
}

/**
 * tanlu_basemap_has_south_china_sea:
 *
 * Returns: whether @basemap has the South China Sea Islands and the
 *   dashed line, which tanlu_basemap_draw() leaves to the inset
 */
gboolean
tanlu_basemap_has_south_china_sea (const TanluBasemap *basemap)
{
  g_return_val_if_fail (basemap != NULL, FALSE);

  /* At detail 0 as data/basemap/regenerate.py writes them; any detail
   * is read. */
  for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
    if (basemap->layers[d][KIND_ISLAND].features->len > 0 &&
        basemap->layers[d][KIND_DASH].features->len > 0)
      return TRUE;

  return FALSE;
}

/**
 * tanlu_basemap_fill_south_china_sea:
 * @cr: drawn on from (0, 0) to (@view->width, @view->height) in user space
 * @color: the islands' and dashes' colour
 *
 * Fills the South China Sea Islands and the dashes of the dashed line
 * that @view shows, as they are drawn in the inset of national maps.
 */
void
tanlu_basemap_fill_south_china_sea (const TanluBasemap    *basemap,
                                    cairo_t               *cr,
                                    const TanluMapView    *view,
                                    const TanluChartColor *color)
{
  Rect visible;

  g_return_if_fail (basemap != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->scale > 0);
  g_return_if_fail (color != NULL);

  visible.min_x = view->x;
  visible.min_y = view->y;
  visible.max_x = view->x + view->width / view->scale;
  visible.max_y = view->y + view->height / view->scale;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
    {
      append_layer (cr, &basemap->layers[d][KIND_ISLAND], view, &visible, NULL, TRUE, 0);
      append_layer (cr, &basemap->layers[d][KIND_DASH], view, &visible, NULL, TRUE, 0);
    }
  set_color (cr, color);
  /* Hair-thin dashes are widened to stay visible at small scales. */
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * tanlu_basemap_is_empty:
 *
 * Returns: whether the store the basemap was loaded from had no basemap
 *   features, as a database made before Tanlu had a basemap
 */
gboolean
tanlu_basemap_is_empty (const TanluBasemap *basemap)
{
  g_return_val_if_fail (basemap != NULL, TRUE);

  return basemap->n_features == 0;
}

/**
 * tanlu_basemap_get_colors:
 * @dark: whether the map is drawn on a dark page
 *
 * Returns: (transfer none): the colours tanlu_basemap_draw() uses
 */
const TanluBasemapColors *
tanlu_basemap_get_colors (gboolean dark)
{
  return dark ? &dark_colors : &light_colors;
}

/**
 * tanlu_basemap_ref:
 *
 * Returns: (transfer full): @basemap; tiles drawn in worker threads each
 *   hold a reference
 */
TanluBasemap *
tanlu_basemap_ref (TanluBasemap *basemap)
{
  g_return_val_if_fail (basemap != NULL, NULL);

  g_atomic_ref_count_inc (&basemap->ref_count);

  return basemap;
}

void
tanlu_basemap_unref (TanluBasemap *basemap)
{
  if (basemap == NULL || !g_atomic_ref_count_dec (&basemap->ref_count))
    return;

  for (guint d = 0; d < TANLU_BASEMAP_N_DETAILS; d++)
    {
      for (guint k = 0; k < N_KINDS; k++)
        {
          g_clear_pointer (&basemap->layers[d][k].features, g_array_unref);
          g_clear_pointer (&basemap->layers[d][k].parts, g_array_unref);
          g_clear_pointer (&basemap->layers[d][k].points, g_array_unref);
          layer_clear (&basemap->albers[d][k]);
        }
    }
  g_mutex_clear (&basemap->albers_lock);

  g_free (basemap);
}
