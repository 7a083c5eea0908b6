/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-basemap"

#include "config.h"

#include <cairo.h>
#include <math.h>

#include "geo/tanlu-projection.h"
#include "map/tanlu-basemap.h"
#include "store/tanlu-store-private.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"

typedef TanluTestBundledFixture Fixture;

static void
view_fit_lonlat (TanluMapView *view,
                 double        width,
                 double        height,
                 double        west,
                 double        south,
                 double        east,
                 double        north)
{
  double min_x, min_y, max_x, max_y;

  tanlu_mercator_project (west, north, &min_x, &min_y);
  tanlu_mercator_project (east, south, &max_x, &max_y);
  tanlu_map_view_fit (view, width, height, min_x, min_y, max_x, max_y, 0);
}

/* A view of @size pixels square at @zoom, centred on a point. */
static void
view_around (TanluMapView *view,
             double        longitude,
             double        latitude,
             double        zoom,
             double        size)
{
  double x, y;

  tanlu_mercator_project (longitude, latitude, &x, &y);
  view->projection = TANLU_PROJECTION_WEB_MERCATOR;
  view->scale = 256 * pow (2, zoom);
  view->width = view->height = size;
  view->x = x - size / 2 / view->scale;
  view->y = y - size / 2 / view->scale;
}

static cairo_surface_t *
draw (const TanluBasemap *basemap,
      const TanluMapView *view,
      gboolean            dark)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cairo_t *cr = cairo_create (surface);

  tanlu_basemap_draw (basemap, cr, view, dark);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *)(gconstpointer)(data + y * stride + 4 * x);
}

static guint32
pixel_at_lonlat (cairo_surface_t    *surface,
                 const TanluMapView *view,
                 double              longitude,
                 double              latitude)
{
  double x, y;

  tanlu_mercator_project (longitude, latitude, &x, &y);

  return pixel_at (surface,
                   floor (tanlu_map_view_to_pixel_x (view, x)),
                   floor (tanlu_map_view_to_pixel_y (view, y)));
}

/* Whether an opaque ARGB32 pixel has @color, to within rounding. */
static gboolean
pixel_is (guint32                pixel,
          const TanluChartColor *color)
{
  const double channels[] = { color->red, color->green, color->blue };

  if ((pixel >> 24) != 0xff)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      int value = (pixel >> (16 - 8 * i)) & 0xff;

      if (ABS (value - channels[i] * 255) > 1)
        return FALSE;
    }

  return TRUE;
}

static double
share_of (cairo_surface_t       *surface,
          const TanluChartColor *color)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_is (pixel_at (surface, x, y), color))
        n++;

  return (double)n / (width * height);
}

static TanluBasemap *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TanluBasemap *basemap = tanlu_basemap_new_from_store (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  g_assert_false (tanlu_basemap_is_empty (basemap));

  return basemap;
}

static void
test_china (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TanluBasemap) basemap = load (fixture);

  for (guint dark = 0; dark < 2; dark++)
    {
      const TanluBasemapColors *colors = tanlu_basemap_get_colors (dark);
      TanluMapView view;
      cairo_surface_t *surface;

      view_fit_lonlat (&view, 800, 600, 73, 18, 135, 54);
      surface = draw (basemap, &view, dark);

      if (g_test_verbose ())
        {
          g_autofree char *path =
            g_strdup_printf ("test-basemap-china-%s.png", dark ? "dark" : "light");

          cairo_surface_write_to_png (surface, path);
          g_test_message ("wrote %s", path);
        }

      /* Chengdu is on land, the Yellow Sea is sea. */
      g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 104.07, 30.67), &colors->land));
      g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 123, 35), &colors->sea));

      /* The whole view is painted. */
      g_assert_true (pixel_is (pixel_at (surface, 0, 0), &colors->land) ||
                     pixel_is (pixel_at (surface, 0, 0), &colors->sea));
      g_assert_cmpfloat (share_of (surface, &colors->land) + share_of (surface, &colors->sea), >,
                         0.9);

      cairo_surface_destroy (surface);
    }
}

static void
test_tile (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TanluBasemap) basemap = load (fixture);
  const TanluBasemapColors *colors = tanlu_basemap_get_colors (FALSE);
  TanluMapView view;
  cairo_surface_t *surface;

  /* A zoom-6 tile over the Sichuan basin: inland, so nearly all land. */
  view_around (&view, 104.07, 30.67, 6, 256);
  surface = draw (basemap, &view, FALSE);
  g_assert_cmpfloat (share_of (surface, &colors->land), >, 0.9);
  cairo_surface_destroy (surface);

  /* A tile of the open Philippine Sea has no land at all. */
  view_around (&view, 130, 15, 6, 256);
  surface = draw (basemap, &view, FALSE);
  g_assert_cmpfloat (share_of (surface, &colors->sea), ==, 1);
  cairo_surface_destroy (surface);
}

static void
test_world (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TanluBasemap) basemap = load (fixture);
  const TanluBasemapColors *colors = tanlu_basemap_get_colors (FALSE);
  TanluMapView view;
  cairo_surface_t *surface;

  /* The coarse layers cover the world; Russia, cut at 180°, stays land on
   * both sides of the cut and leaves no band of sea across Siberia. */
  tanlu_map_view_fit (&view, 1024, 1024, 0, 0, 1, 1, 0);
  surface = draw (basemap, &view, FALSE);
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 20, 0), &colors->land));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, -100, 40), &colors->land));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 100, 66), &colors->land));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 175, 67), &colors->land));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, -30, 30), &colors->sea));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, -150, 0), &colors->sea));
  cairo_surface_destroy (surface);
}

static void
test_fine_box_edge (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluBasemap) basemap = load (fixture);
  const TanluBasemapColors *colors = tanlu_basemap_get_colors (FALSE);
  TanluMapView view;
  cairo_surface_t *surface;
  double edge_x, x, y;
  guint n_land = 0;
  guint n = 0;

  /* A view across 60° E in Kazakhstan shows the coarse layers west of it
   * and the fine ones east of it, with no seam along the edge, which
   * falls inside a pixel here. */
  view_around (&view, 59.97, 48.5, 6, 512);
  surface = draw (basemap, &view, FALSE);
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 58.5, 48.5), &colors->land));
  g_assert_true (pixel_is (pixel_at_lonlat (surface, &view, 61.5, 48.5), &colors->land));

  tanlu_mercator_project (60, 48.5, &x, &y);
  edge_x = floor (tanlu_map_view_to_pixel_x (&view, x));
  for (int column = edge_x - 1; column <= edge_x + 1; column++)
    {
      /* Between the Aral Sea in the south and the border in the north. */
      for (int row = view.height / 4; row < view.height * 3 / 4; row++)
        {
          n_land += pixel_is (pixel_at (surface, column, row), &colors->land);
          n++;
        }
    }
  g_assert_cmpuint (n_land, ==, n);

  cairo_surface_destroy (surface);
}

typedef struct
{
  const TanluBasemap *basemap;
  TanluMapView        view;
  cairo_surface_t    *surface;
} Job;

static gpointer
draw_job_thread (gpointer data)
{
  Job *job = data;

  for (guint i = 0; i < 10; i++)
    {
      g_clear_pointer (&job->surface, cairo_surface_destroy);
      job->surface = draw (job->basemap, &job->view, FALSE);
    }

  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TanluBasemap) basemap = load (fixture);
  Job jobs[4];
  GThread *threads[G_N_ELEMENTS (jobs)];

  /* Tiles are drawn in worker threads, several at once, from one basemap. */
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].basemap = basemap;
      jobs[i].surface = NULL;
      view_around (&jobs[i].view, 100 + 5 * i, 30, 5 + i % 2, 256);
      threads[i] = g_thread_new ("draw", draw_job_thread, &jobs[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      cairo_surface_t *alone;
      int stride;

      g_thread_join (threads[i]);
      alone = draw (basemap, &jobs[i].view, FALSE);
      stride = cairo_image_surface_get_stride (alone);
      g_assert_cmpmem (cairo_image_surface_get_data (jobs[i].surface), stride * 256,
                       cairo_image_surface_get_data (alone), stride * 256);
      cairo_surface_destroy (alone);
      cairo_surface_destroy (jobs[i].surface);
    }
}

static void
test_empty (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  TanluMapView view;

  /* A database without a basemap, and no bundled dataset to take one
   * from, draws nothing, leaving the page as it was, rather than a map of
   * sea. */
  g_autofree char *bundled = g_strdup (g_getenv ("TANLU_BUNDLED_DATASET"));
  g_autofree char *missing = g_build_filename (dir, "no-such-dataset.db", NULL);

  g_setenv ("TANLU_BUNDLED_DATASET", missing, TRUE);
  store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  basemap = tanlu_basemap_new_from_store (store, &error);
  g_assert_no_error (error);
  g_assert_true (tanlu_basemap_is_empty (basemap));
  g_setenv ("TANLU_BUNDLED_DATASET", bundled, TRUE);

  view_fit_lonlat (&view, 64, 64, 73, 18, 135, 54);
  surface = draw (basemap, &view, FALSE);
  g_assert_cmpuint (pixel_at (surface, 32, 32), ==, 0);
  cairo_surface_destroy (surface);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

static guint
count_features (TanluStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (_tanlu_store_get_db (store),
                                       "SELECT count(*) FROM basemap_feature", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);

  return count;
}

static void
test_upgrade_takes_bundled (void)
{
  g_autofree char *dir = tanlu_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "older.db", NULL);
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(TanluBasemap) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_features;

  /* A database from before the basemap, migrated, has an empty table:
   * the basemap comes from the bundled dataset, once. */
  store = tanlu_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_features (store), ==, 0);

  basemap = tanlu_basemap_new_from_store (store, &error);
  g_assert_no_error (error);
  g_assert_false (tanlu_basemap_is_empty (basemap));
  n_features = count_features (store);
  g_assert_cmpuint (n_features, >, 1000);
  g_assert_nonnull (tanlu_store_lookup_source (store, "natural-earth"));

  again = tanlu_basemap_new_from_store (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_features (store), ==, n_features);

  g_clear_object (&store);
  tanlu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tanlu/basemap/china", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_china,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/basemap/tile", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_tile,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/basemap/world", Fixture, NULL, tanlu_test_bundled_fixture_set_up, test_world,
              tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/basemap/fine-box-edge", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_fine_box_edge, tanlu_test_bundled_fixture_tear_down);
  g_test_add ("/tanlu/basemap/threads", Fixture, NULL, tanlu_test_bundled_fixture_set_up,
              test_threads, tanlu_test_bundled_fixture_tear_down);
  g_test_add_func ("/tanlu/basemap/empty", test_empty);
  g_test_add_func ("/tanlu/basemap/upgrade-takes-bundled", test_upgrade_takes_bundled);

  return g_test_run ();
}
