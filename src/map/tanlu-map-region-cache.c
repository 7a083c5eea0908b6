/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tanlu-map-region-cache.h"

/* The filled and outlined regions of a map, drawn once into an image a
 * margin larger than the view and copied onto every frame while only the
 * view moves: panning costs a copy rather than filling and outlining
 * hundreds of regions again. The image is drawn again when the zoom, the
 * data or the colours change, or when the view moves past the margin.
 * Hovered and selected regions are drawn over it on every frame. */

/* Pixels drawn beyond each side of the view. */
#define MARGIN 256
/* Pixels around the regions' bounds that their outlines may reach. */
#define OUTLINE_REACH 2
/* The largest image kept, in device pixels a side; larger views are
 * drawn directly. */
#define MAX_SIDE 8192

struct _TanluMapRegionCache
{
  cairo_surface_t *surface;
  TanluMapData    *data;
  guint            generation;
  TanluMapStyle    style;
  double           device_scale;
  /* Where the image lies: its top left corner in world units, and its
   * size in pixels at the zoom it was drawn for. */
  TanluMapView     area;
  guint            n_renders;
};

TanluMapRegionCache *
tanlu_map_region_cache_new (void)
{
  return g_new0 (TanluMapRegionCache, 1);
}

/**
 * tanlu_map_region_cache_clear:
 *
 * Forgets the image, so that the next frame draws the regions afresh.
 */
void
tanlu_map_region_cache_clear (TanluMapRegionCache *self)
{
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->data, tanlu_map_data_unref);
}

void
tanlu_map_region_cache_free (TanluMapRegionCache *self)
{
  if (self == NULL)
    return;

  tanlu_map_region_cache_clear (self);
  g_free (self);
}

/**
 * tanlu_map_region_cache_get_n_renders:
 *
 * How many times the regions were drawn into a new image: what the cache
 * saves is the frames minus this.
 */
guint
tanlu_map_region_cache_get_n_renders (TanluMapRegionCache *self)
{
  return self->n_renders;
}

static gboolean
same_colors (const TanluMapStyle *a,
             const TanluMapStyle *b)
{
  if (a->palette != b->palette || a->dark != b->dark || a->custom_colors != b->custom_colors)
    return FALSE;

  return !a->custom_colors ||
         (memcmp (&a->background, &b->background, sizeof a->background) == 0 &&
          memcmp (&a->foreground, &b->foreground, sizeof a->foreground) == 0);
}

/* The part of @view the map's regions can cover, in world units: min x,
 * min y, max x, max y. FALSE if they are all out of sight. */
static gboolean
covered_bounds (TanluMapData       *data,
                const TanluMapView *view,
                double              bounds[4])
{
  double reach = OUTLINE_REACH / view->scale;
  double min_x, min_y, max_x, max_y;

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  bounds[0] = MAX (view->x, min_x - reach);
  bounds[1] = MAX (view->y, min_y - reach);
  bounds[2] = MIN (view->x + view->width / view->scale, max_x + reach);
  bounds[3] = MIN (view->y + view->height / view->scale, max_y + reach);

  return bounds[0] < bounds[2] && bounds[1] < bounds[3];
}

/* Whether the image shows what @data looks like in @style, whatever the
 * zoom. */
static gboolean
shows (TanluMapRegionCache *self,
       TanluMapData        *data,
       const TanluMapStyle *style,
       double               device_scale)
{
  return self->surface != NULL &&
         self->data == data &&
         self->generation == tanlu_map_data_get_generation (data) &&
         self->device_scale == device_scale &&
         same_colors (&self->style, style);
}

static gboolean
covers (TanluMapRegionCache *self,
        const TanluMapView  *view,
        const double         bounds[4])
{
  const TanluMapView *area = &self->area;

  return fabs (area->scale - view->scale) <= 1e-9 * view->scale &&
         bounds[0] >= area->x && bounds[1] >= area->y &&
         bounds[2] <= area->x + area->width / area->scale &&
         bounds[3] <= area->y + area->height / area->scale;
}

/* Draws the regions around @view into a new image, its corner on a whole
 * pixel of the world at this zoom. FALSE if the image would be too large
 * to keep. */
static gboolean
render (TanluMapRegionCache *self,
        TanluMapData        *data,
        const TanluMapView  *view,
        const TanluMapStyle *style,
        double               device_scale)
{
  TanluMapView wide = *view;
  TanluMapView area;
  double bounds[4];
  cairo_surface_t *surface;
  cairo_t *cr;
  int device_width, device_height;

  wide.x -= MARGIN / view->scale;
  wide.y -= MARGIN / view->scale;
  wide.width += 2 * MARGIN;
  wide.height += 2 * MARGIN;
  if (!covered_bounds (data, &wide, bounds))
    return FALSE;

  area.scale = view->scale;
  area.x = floor (bounds[0] * area.scale) / area.scale;
  area.y = floor (bounds[1] * area.scale) / area.scale;
  area.width = ceil ((bounds[2] - area.x) * area.scale);
  area.height = ceil ((bounds[3] - area.y) * area.scale);
  device_width = (int) ceil (area.width * device_scale);
  device_height = (int) ceil (area.height * device_scale);
  if (device_width > MAX_SIDE || device_height > MAX_SIDE)
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, device_width, device_height);
  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  tanlu_map_draw_region_fills (cr, data, &area, style);
  cairo_destroy (cr);

  tanlu_map_region_cache_clear (self);
  self->surface = surface;
  self->data = tanlu_map_data_ref (data);
  self->generation = tanlu_map_data_get_generation (data);
  self->style = *style;
  self->device_scale = device_scale;
  self->area = area;
  self->n_renders++;

  return TRUE;
}

/* Paints the image where it lies in @view, scaled if it was drawn for
 * another zoom. */
static void
paint (TanluMapRegionCache *self,
       cairo_t             *cr,
       const TanluMapView  *view,
       double               x,
       double               y)
{
  double factor = view->scale / self->area.scale;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, factor, factor);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), factor == 1 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * tanlu_map_region_cache_draw:
 * @view: which part of the world @cr shows
 * @device_scale: device pixels per pixel of @cr, so that the image is
 *   sharp on high-resolution screens
 * @allow_stale: whether the image of another zoom may stand in, scaled,
 *   while the zoom is changing
 *
 * Draws the regions as tanlu_map_draw_regions () does, from the image when
 * it shows them.
 *
 * Returns: %FALSE if a stale image stood in and the regions should be
 *   drawn again once the zoom has settled
 */
gboolean
tanlu_map_region_cache_draw (TanluMapRegionCache *self,
                             cairo_t             *cr,
                             TanluMapData        *data,
                             const TanluMapView  *view,
                             const TanluMapStyle *style,
                             double               device_scale,
                             gboolean             allow_stale)
{
  TanluMapView aligned = *view;
  double bounds[4];
  double x, y;

  if (!covered_bounds (data, view, bounds))
    return TRUE;

  if (shows (self, data, style, device_scale) && !covers (self, view, bounds) &&
      allow_stale && fabs (self->area.scale - view->scale) > 1e-9 * view->scale)
    {
      paint (self, cr, view, (self->area.x - view->x) * view->scale, (self->area.y - view->y) * view->scale);
      tanlu_map_draw_region_highlights (cr, data, view, style);
      return FALSE;
    }

  if ((!shows (self, data, style, device_scale) || !covers (self, view, bounds)) &&
      !render (self, data, view, style, device_scale))
    {
      tanlu_map_draw_regions (cr, data, view, style);
      return TRUE;
    }

  /* The image goes on whole device pixels, so that it is copied rather
   * than resampled; what is drawn over it follows it there. */
  x = round ((self->area.x - view->x) * view->scale * device_scale) / device_scale;
  y = round ((self->area.y - view->y) * view->scale * device_scale) / device_scale;
  aligned.x = self->area.x - x / view->scale;
  aligned.y = self->area.y - y / view->scale;
  paint (self, cr, view, x, y);
  tanlu_map_draw_region_highlights (cr, data, &aligned, style);

  return TRUE;
}
