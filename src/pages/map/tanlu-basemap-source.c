/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-basemap-source"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-basemap-source.h"

/* Map tiles drawn on the spot from the bundled basemap: no network, no
 * cache on disk. A tile is drawn in a worker thread, a few milliseconds
 * at most, and the texture handed to the map. */

#define TILE_SIZE 256
#define MAX_ZOOM 12

struct _TanluBasemapSource
{
  ShumateMapSource  parent_instance;

  TanluBasemap     *basemap;
  gboolean          dark;
};

G_DEFINE_FINAL_TYPE (TanluBasemapSource, tanlu_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

/* A worker thread's own reference keeps the basemap alive however the
 * map and its sources change meanwhile. */
typedef struct
{
  TanluBasemap *basemap;
  guint         x;
  guint         y;
  guint         zoom;
  gboolean      dark;
} TileJob;

static void
tile_job_free (gpointer data)
{
  TileJob *job = data;

  tanlu_basemap_unref (job->basemap);
  g_free (job);
}

static void
draw_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TileJob *job = task_data;
  double world = (double) (1u << job->zoom);
  TanluMapView view = {
    job->x / world, job->y / world, TILE_SIZE * world, TILE_SIZE, TILE_SIZE,
  };
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cr = cairo_create (surface);
  tanlu_basemap_draw (job->basemap, cr, &view, job->dark);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * TILE_SIZE,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);

  g_task_return_pointer (task, texture, g_object_unref);
}

static void
on_tile_drawn_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShumateTile *tile = g_task_get_task_data (task);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!(texture = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The map may have cancelled the tile, or moved it elsewhere, while it
   * was being drawn: the picture is then of the wrong place. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (shumate_tile_get_x (tile) != job->x || shumate_tile_get_y (tile) != job->y ||
      shumate_tile_get_zoom_level (tile) != job->zoom)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The tile moved while it was drawn");
      return;
    }

  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static void
tanlu_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                      ShumateTile         *tile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  TanluBasemapSource *self = TANLU_BASEMAP_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GTask *draw = g_task_new (self, cancellable, on_tile_drawn_cb, task);
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_source_tag (task, tanlu_basemap_source_fill_tile_async);
  g_task_set_task_data (task, g_object_ref (tile), g_object_unref);

  job->basemap = tanlu_basemap_ref (self->basemap);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->dark = self->dark;
  g_task_set_task_data (draw, job, tile_job_free);
  g_task_run_in_thread (draw, draw_tile_thread);
  g_object_unref (draw);
}

static gboolean
tanlu_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
tanlu_basemap_source_finalize (GObject *object)
{
  TanluBasemapSource *self = (TanluBasemapSource *)object;

  g_clear_pointer (&self->basemap, tanlu_basemap_unref);

  G_OBJECT_CLASS (tanlu_basemap_source_parent_class)->finalize (object);
}

static void
tanlu_basemap_source_class_init (TanluBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = tanlu_basemap_source_finalize;

  source_class->fill_tile_async = tanlu_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = tanlu_basemap_source_fill_tile_finish;
}

static void
tanlu_basemap_source_init (TanluBasemapSource *self)
{
}

/**
 * tanlu_basemap_source_new:
 * @basemap: what the tiles show
 * @dark: the dark style's colours
 *
 * Returns: (transfer full): a map source drawing @basemap
 */
TanluBasemapSource *
tanlu_basemap_source_new (TanluBasemap *basemap,
                          gboolean      dark)
{
  TanluBasemapSource *self;

  g_return_val_if_fail (basemap != NULL, NULL);

  self = g_object_new (TANLU_TYPE_BASEMAP_SOURCE,
                       "id", dark ? "tanlu-basemap-dark" : "tanlu-basemap",
                       "name", _("Offline basemap"),
                       "license", _("Basemap: Natural Earth (public domain)"),
                       "min-zoom-level", 1,
                       "max-zoom-level", MAX_ZOOM,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);

  self->basemap = tanlu_basemap_ref (basemap);
  self->dark = dark;

  return self;
}
