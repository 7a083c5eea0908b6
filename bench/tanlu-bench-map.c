/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include "tanlu-bench-stats.h"

#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "map/tanlu-map-region-cache.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

#include <locale.h>
#include <math.h>

/* Times what the choropleth layer draws of its regions on each frame
 * while the map is panned, as the Map page does it: through a
 * TanluMapRegionCache, which draws the regions into an image once per
 * zoom and copies it while the map only moves. As the view nears the
 * image's edge, the layer has the next image drawn in a worker thread,
 * and the old one stands in until it is there; so does this, with a
 * frame every 1/60 s and the main loop run between frames.
 *
 *   tanlu-bench-map DATABASE [FRAMES]
 *
 * The map shows every prefecture-level city with a boundary, coloured by
 * its 2019 CO₂ emissions in five quantile classes, Sichuan selected. Each
 * frame clears a 1440×900 ARGB32 image and draws the regions into it, and
 * only that is timed. FRAMES frames (200 by default) of each of:
 *
 *   1. a view fitted to all the cities, moved a few pixels each frame
 *      around a small circle that keeps every city in sight;
 *   2. zoom level 7 over Sichuan, dragged east 6 pixels a frame (360
 *      pixels a second), so that new images are wanted as it goes;
 *   3. the view of 1 at a slightly different zoom each frame, each drawn
 *      anew there and then: the work of a frame after a zoom, which the
 *      layer does in the worker thread.
 *
 * Prints, in milliseconds, and then the frames of 2 in which the image
 * covered only part of the view:
 *
 *   1-MEDIAN 1-95TH-PERCENTILE 2-MEDIAN 2-95TH-PERCENTILE 2-MAXIMUM 3-MEDIAN 2-PARTIAL-FRAMES
 *
 * and on standard error what was drawn.
 */

#define DEFAULT_FRAMES 200
#define WIDTH          1440
#define HEIGHT         900
/* Pixels kept free around the cities when fitting the view: more than the
 * circle the view pans around, so that every city stays in sight. */
#define FIT_MARGIN     24
#define PAN_RADIUS     16
/* Frames per turn around the circle: a few pixels a frame. */
#define PAN_STEPS      30
/* Pixels a frame of the drag over Sichuan. */
#define DRAG_STEP      6
/* How much the zoom changes from frame to frame in 3. */
#define ZOOM_STEP      1.01
#define SICHUAN        510000
#define ZOOMED_LEVEL   7
#define FRAME_USEC     (G_USEC_PER_SEC / 60)

/* ------------------------------------------------------------------------ */
/* Helpers */

static guint
count_in_view (TanluMapData       *data,
               const TanluMapView *view)
{
  double right = view->x + view->width / view->scale;
  double bottom = view->y + view->height / view->scale;
  guint n = 0;

  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (data, i);

      n += region->max_x >= view->x && region->min_x <= right &&
           region->max_y >= view->y && region->min_y <= bottom;
    }

  return n;
}

typedef struct
{
  TanluMapRegionCache *cache;
  gboolean             preparing;
} Layer;

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Layer *layer = user_data;

  tanlu_map_region_cache_prepare_finish (layer->cache, result, NULL);
  layer->preparing = FALSE;
}

/* One frame: the layer's cairo node starts empty, then the regions are
 * drawn into it; with @in_time, from whatever image there is, and the
 * next one asked for when it is wanted. Returns the milliseconds it took
 * and whether the image covered the view. */
static double
time_frame (cairo_t             *cr,
            Layer               *layer,
            TanluMapData        *data,
            const TanluMapView  *view,
            const TanluMapStyle *style,
            gboolean             in_time,
            gboolean            *whole)
{
  gint64 begin = g_get_monotonic_time ();

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  *whole = tanlu_map_region_cache_draw (layer->cache, cr, data, view, style, 1, in_time);
  cairo_surface_flush (cairo_get_target (cr));
  if (in_time && !layer->preparing &&
      tanlu_map_region_cache_wants (layer->cache, data, view, style, 1))
    {
      layer->preparing = TRUE;
      tanlu_map_region_cache_prepare_async (layer->cache, data, view, style, 1, NULL, prepared_cb,
                                            layer);
    }

  return (g_get_monotonic_time () - begin) / 1000.0;
}

/* The rest of a frame's time, in which the main loop runs. */
static void
wait_for_next_frame (gint64 frame_start)
{
  while (g_get_monotonic_time () < frame_start + FRAME_USEC)
    g_main_context_iteration (NULL, FALSE);
}

typedef enum
{
  MOVE_AROUND,
  MOVE_EAST,
  MOVE_ZOOM,
} Movement;

/* Moves @start by @movement for @n_frames frames, after one untimed
 * frame, and returns the time of each in milliseconds. */
static GArray *
run (cairo_t             *cr,
     TanluMapData        *data,
     const TanluMapView  *start,
     const TanluMapStyle *style,
     Movement             movement,
     guint                n_frames,
     guint               *n_renders,
     guint               *n_partial)
{
  g_autoptr(TanluMapRegionCache) cache = tanlu_map_region_cache_new ();
  Layer layer = { cache, FALSE };
  GArray *times = g_array_sized_new (FALSE, FALSE, sizeof (double), n_frames);
  gboolean in_time = movement != MOVE_ZOOM;
  gboolean whole;

  time_frame (cr, &layer, data, start, style, FALSE, &whole);
  *n_partial = 0;

  for (guint frame = 0; frame < n_frames; frame++)
    {
      TanluMapView view = *start;
      double angle = 2 * G_PI * frame / PAN_STEPS;
      gint64 frame_start = g_get_monotonic_time ();
      double ms;

      switch (movement)
        {
        case MOVE_AROUND:
          view.x += PAN_RADIUS * cos (angle) / view.scale;
          view.y += PAN_RADIUS * sin (angle) / view.scale;
          break;

        case MOVE_EAST:
          view.x += (double) DRAG_STEP * (frame + 1) / view.scale;
          break;

        case MOVE_ZOOM:
          view.scale *= frame % 2 == 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
          break;

        default:
          g_assert_not_reached ();
        }

      ms = time_frame (cr, &layer, data, &view, style, in_time, &whole);
      g_array_append_val (times, ms);
      *n_partial += !whole;
      if (in_time)
        wait_for_next_frame (frame_start);
    }

  while (layer.preparing)
    g_main_context_iteration (NULL, TRUE);
  *n_renders = tanlu_map_region_cache_get_n_renders (cache) - 1;

  return times;
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluMapData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all_times = NULL;
  g_autoptr(GArray) zoomed_times = NULL;
  g_autoptr(GArray) zoom_times = NULL;
  guint all_renders, zoomed_renders, zoom_renders;
  guint all_partial, zoomed_partial, zoom_partial;
  cairo_surface_t *surface;
  cairo_t *cr;
  TanluMapStyle style;
  TanluMapView all_view, zoomed_view;
  TanluRegion *sichuan;
  double min_x, min_y, max_x, max_y;
  double longitude, latitude, centre_x, centre_y;
  guint n_frames = DEFAULT_FRAMES;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("Usage: tanlu-bench-map DATABASE [FRAMES]\n");
      return 2;
    }
  if (argc > 2 && (n_frames = g_ascii_strtoull (argv[2], NULL, 10)) == 0)
    {
      g_printerr ("tanlu-bench-map: FRAMES must be a positive number\n");
      return 2;
    }

  if (!(store = tanlu_store_new (argv[1], &error)) ||
      !(data = tanlu_map_data_new (store, TANLU_REGION_LEVEL_CITY, 0, &error)) ||
      !tanlu_map_data_set_indicator (data, "co2.total", 2019, &error) ||
      !tanlu_map_data_classify (data, TANLU_CLASSIFY_QUANTILE, 5, NULL, 0, &error))
    {
      g_printerr ("tanlu-bench-map: %s\n", error->message);
      return 1;
    }

  tanlu_map_style_init (&style);
  style.selected = SICHUAN;

  tanlu_map_data_get_bounds (data, &min_x, &min_y, &max_x, &max_y);
  tanlu_map_view_fit (&all_view, WIDTH, HEIGHT, min_x, min_y, max_x, max_y, FIT_MARGIN);

  if ((sichuan = tanlu_store_lookup_region (store, SICHUAN)) == NULL ||
      !tanlu_region_get_centroid (sichuan, &longitude, &latitude))
    {
      g_printerr ("tanlu-bench-map: the database has no region %u with a centroid\n", SICHUAN);
      return 1;
    }
  tanlu_mercator_project (longitude, latitude, &centre_x, &centre_y);
  zoomed_view = (TanluMapView) {
    .scale = 256.0 * (1 << ZOOMED_LEVEL),
    .width = WIDTH,
    .height = HEIGHT,
  };
  zoomed_view.x = centre_x - WIDTH / 2.0 / zoomed_view.scale;
  zoomed_view.y = centre_y - HEIGHT / 2.0 / zoomed_view.scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  all_times = run (cr, data, &all_view, &style, MOVE_AROUND, n_frames, &all_renders, &all_partial);
  zoomed_times =
    run (cr, data, &zoomed_view, &style, MOVE_EAST, n_frames, &zoomed_renders, &zoomed_partial);
  zoom_times = run (cr, data, &all_view, &style, MOVE_ZOOM, n_frames, &zoom_renders, &zoom_partial);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_printerr (
    "%u frames each at %d×%d: 1. all %u cities in sight at zoom %.2f, regions drawn anew %u times; "
    "2. %u in sight at zoom %d over Sichuan, %u pixels dragged, drawn anew %u times in the worker; "
    "3. drawn anew %u times\n",
    n_frames, WIDTH, HEIGHT, count_in_view (data, &all_view),
    tanlu_mercator_zoom_for_scale (all_view.scale), all_renders, count_in_view (data, &zoomed_view),
    ZOOMED_LEVEL, n_frames * DRAG_STEP, zoomed_renders, zoom_renders);
  g_print ("%.3f %.3f %.3f %.3f %.3f %.3f %u\n", tanlu_bench_median (all_times),
           tanlu_bench_percentile (all_times, 0.95), tanlu_bench_median (zoomed_times),
           tanlu_bench_percentile (zoomed_times, 0.95), tanlu_bench_maximum (zoomed_times),
           tanlu_bench_median (zoom_times), zoomed_partial);

  return 0;
}
