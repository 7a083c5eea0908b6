/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include "tanlu-map-data.h"
#include "tanlu-map-draw.h"
#include "tanlu-region.h"
#include "tanlu-store.h"

#include <locale.h>
#include <math.h>

/* Times the drawing of the choropleth layer while the map is panned: what
 * the Map page's region layer draws into its cairo node on every frame.
 *
 *   tanlu-bench-map DATABASE [FRAMES]
 *
 * The map shows every prefecture-level city with a boundary, coloured by
 * its 2019 CO₂ emissions in five quantile classes. A 1440×900 view is
 * fitted to all of them, and then moved a few pixels each frame around a
 * small circle that keeps every city in sight; each frame clears a
 * 1440×900 ARGB32 image and draws the regions into it, as the layer does,
 * and only that drawing is timed. The same is then done at zoom level 7
 * over Sichuan, where most cities are out of sight. FRAMES frames each
 * (200 by default), after one untimed frame. Prints, in milliseconds:
 *
 *   ALL-CITIES-MEDIAN ALL-CITIES-95TH-PERCENTILE ZOOMED-MEDIAN ZOOMED-95TH-PERCENTILE
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
#define SICHUAN        510000
#define ZOOMED_LEVEL   7

/* ------------------------------------------------------------------------ */
/* Helpers */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The value below which @fraction of @values lie, nearest rank. */
static double
percentile (GArray *values,
            double  fraction)
{
  guint rank;

  g_array_sort (values, compare_doubles);
  rank = (guint) MAX (1, ceil (fraction * values->len));

  return g_array_index (values, double, rank - 1);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);

  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

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

/* One frame: the layer's cairo node starts empty, then the regions are
 * drawn into it. */
static void
draw_frame (cairo_t             *cr,
            TanluMapData        *data,
            const TanluMapView  *view,
            const TanluMapStyle *style)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  tanlu_map_draw_regions (cr, data, view, style);
  cairo_surface_flush (cairo_get_target (cr));
}

/* Pans @start around a circle of PAN_RADIUS pixels for @n_frames frames
 * and returns the time of each, in milliseconds. */
static GArray *
pan (cairo_t             *cr,
     TanluMapData        *data,
     const TanluMapView  *start,
     const TanluMapStyle *style,
     guint                n_frames)
{
  GArray *times = g_array_sized_new (FALSE, FALSE, sizeof (double), n_frames);

  draw_frame (cr, data, start, style);

  for (guint frame = 0; frame < n_frames; frame++)
    {
      double angle = 2 * G_PI * frame / PAN_STEPS;
      TanluMapView view = *start;
      gint64 begin;
      double ms;

      view.x += PAN_RADIUS * cos (angle) / view.scale;
      view.y += PAN_RADIUS * sin (angle) / view.scale;

      begin = g_get_monotonic_time ();
      draw_frame (cr, data, &view, style);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (times, ms);
    }

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

  all_times = pan (cr, data, &all_view, &style, n_frames);
  zoomed_times = pan (cr, data, &zoomed_view, &style, n_frames);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_printerr ("%u frames each at %d×%d: all %u cities in sight at zoom %.2f; "
              "%u in sight at zoom %d over Sichuan\n",
              n_frames, WIDTH, HEIGHT, count_in_view (data, &all_view),
              tanlu_mercator_zoom_for_scale (all_view.scale),
              count_in_view (data, &zoomed_view), ZOOMED_LEVEL);
  g_print ("%.3f %.3f %.3f %.3f\n",
           median (all_times), percentile (all_times, 0.95),
           median (zoomed_times), percentile (zoomed_times, 0.95));

  return 0;
}
