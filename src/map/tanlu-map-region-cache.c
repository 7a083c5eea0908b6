/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-map"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "tanlu-map-region-cache.h"

/* The filled and outlined regions of a map, drawn once into an image a
 * margin larger than the view and copied onto every frame while only the
 * view moves: panning costs a copy rather than filling and outlining
 * hundreds of regions again. The image is drawn again when the zoom, the
 * data or the colours change, or when the view moves past the margin.
 * Hovered and selected regions are drawn over it on every frame.
 *
 * The image can also be drawn in a worker thread while the old one stands
 * in: ahead of the view as it nears the edge, and after a zoom, so that
 * the map never waits for it. */

/* Pixels drawn beyond each side of the view. */
#define MARGIN 256
/* How close to the image's edge the view may come before the next image
 * is wanted. */
#define PREPARE_AHEAD (MARGIN / 2)
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

/* A drawing of the regions into a new image: what it needs is copied, so
 * that it can run in a worker thread while the map changes. */
typedef struct
{
  TanluMapData    *data;
  guint            generation;
  int             *classes;
  guint            n_classes;
  TanluMapStyle    style;
  double           device_scale;
  TanluMapView     area;
  cairo_surface_t *surface;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->data, tanlu_map_data_unref);
  g_clear_pointer (&job->classes, g_free);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Plans the image around @view, its corner on a whole pixel of the world
 * at this zoom. NULL if it would be too large to keep. */
static Job *
job_new (TanluMapData        *data,
         const TanluMapView  *view,
         const TanluMapStyle *style,
         double               device_scale)
{
  TanluMapView wide = *view;
  double bounds[4];
  Job *job;

  wide.x -= MARGIN / view->scale;
  wide.y -= MARGIN / view->scale;
  wide.width += 2 * MARGIN;
  wide.height += 2 * MARGIN;
  if (!covered_bounds (data, &wide, bounds))
    return NULL;

  job = g_new0 (Job, 1);
  job->area.scale = view->scale;
  job->area.x = floor (bounds[0] * view->scale) / view->scale;
  job->area.y = floor (bounds[1] * view->scale) / view->scale;
  job->area.width = ceil ((bounds[2] - job->area.x) * view->scale);
  job->area.height = ceil ((bounds[3] - job->area.y) * view->scale);
  if (ceil (job->area.width * device_scale) > MAX_SIDE ||
      ceil (job->area.height * device_scale) > MAX_SIDE)
    {
      g_free (job);
      return NULL;
    }

  job->data = tanlu_map_data_ref (data);
  job->generation = tanlu_map_data_get_generation (data);
  job->classes = tanlu_map_data_dup_classes (data, &job->n_classes);
  job->style = *style;
  job->style.font = NULL;
  job->device_scale = device_scale;

  return job;
}

static void
job_draw (Job *job)
{
  cairo_t *cr;

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                             (int) ceil (job->area.width * job->device_scale),
                                             (int) ceil (job->area.height * job->device_scale));
  cairo_surface_set_device_scale (job->surface, job->device_scale, job->device_scale);
  cr = cairo_create (job->surface);
  tanlu_map_draw_classed_regions (cr, job->data, &job->area, &job->style, job->classes,
                                  job->n_classes);
  cairo_destroy (cr);
}

/* Keeps what @job drew as the image. */
static void
install (TanluMapRegionCache *self,
         Job                 *job)
{
  tanlu_map_region_cache_clear (self);
  self->surface = g_steal_pointer (&job->surface);
  self->data = tanlu_map_data_ref (job->data);
  self->generation = job->generation;
  self->style = job->style;
  self->device_scale = job->device_scale;
  self->area = job->area;
  self->n_renders++;
}

/* Draws the regions around @view into a new image, now. FALSE if the
 * image would be too large to keep. */
static gboolean
render (TanluMapRegionCache *self,
        TanluMapData        *data,
        const TanluMapView  *view,
        const TanluMapStyle *style,
        double               device_scale)
{
  g_autoptr(Job) job = job_new (data, view, style, device_scale);

  if (job == NULL)
    return FALSE;

  job_draw (job);
  install (self, job);

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
  cairo_pattern_set_filter (cairo_get_source (cr),
                            factor == 1 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * tanlu_map_region_cache_draw:
 * @view: which part of the world @cr shows
 * @device_scale: device pixels per pixel of @cr, so that the image is
 *   sharp on high-resolution screens
 * @allow_stale: whether an image of another zoom, or of only part of the
 *   view, may stand in while the zoom is changing or the next image is
 *   being drawn
 *
 * Draws the regions as tanlu_map_draw_regions () does, from the image when
 * it shows them.
 *
 * Returns: %FALSE if a stale image stood in: the regions need drawing
 *   again, with tanlu_map_region_cache_prepare_async () or once the zoom
 *   has settled
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

  if (allow_stale && shows (self, data, style, device_scale) && !covers (self, view, bounds))
    {
      paint (self, cr, view, (self->area.x - view->x) * view->scale,
             (self->area.y - view->y) * view->scale);
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

/**
 * tanlu_map_region_cache_wants:
 *
 * Whether the next frames need a new image: the one kept does not show
 * @data in @style at this zoom, or the view has come near its edge.
 */
gboolean
tanlu_map_region_cache_wants (TanluMapRegionCache *self,
                              TanluMapData        *data,
                              const TanluMapView  *view,
                              const TanluMapStyle *style,
                              double               device_scale)
{
  TanluMapView ahead = *view;
  double bounds[4];

  ahead.x -= PREPARE_AHEAD / view->scale;
  ahead.y -= PREPARE_AHEAD / view->scale;
  ahead.width += 2 * PREPARE_AHEAD;
  ahead.height += 2 * PREPARE_AHEAD;
  if (!covered_bounds (data, &ahead, bounds))
    return FALSE;

  return !shows (self, data, style, device_scale) || !covers (self, &ahead, bounds);
}

static void
draw_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  job_draw (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * tanlu_map_region_cache_prepare_async:
 *
 * Draws the image for @view in a worker thread. The map's classes and
 * colours are taken now; its year may change while the image is drawn.
 */
void
tanlu_map_region_cache_prepare_async (TanluMapRegionCache *self,
                                      TanluMapData        *data,
                                      const TanluMapView  *view,
                                      const TanluMapStyle *style,
                                      double               device_scale,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = job_new (data, view, style, device_scale);

  g_task_set_source_tag (task, tanlu_map_region_cache_prepare_async);
  if (job == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "The view is too large to keep as an image");
      return;
    }

  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, draw_in_thread);
}

/**
 * tanlu_map_region_cache_prepare_finish:
 *
 * Keeps the image drawn, unless the map's values, classes or colours
 * changed while it was drawn.
 *
 * Returns: %TRUE if the image is now the one kept
 */
gboolean
tanlu_map_region_cache_prepare_finish (TanluMapRegionCache  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Values, classes or colours that changed meanwhile were drawn anew
   * already; the image of another map, or of old values, is no use. */
  if (job->generation != tanlu_map_data_get_generation (job->data) ||
      (self->surface != NULL &&
       (self->data != job->data || self->device_scale != job->device_scale ||
        !same_colors (&self->style, &job->style))))
    return FALSE;

  install (self, job);

  return TRUE;
}
