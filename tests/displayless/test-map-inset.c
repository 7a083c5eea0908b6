/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-inset"

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <sqlite3.h>

#include "geo/tanlu-basemap-features.h"
#include "geo/tanlu-projection.h"
#include "map/tanlu-basemap.h"
#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "map/tanlu-map-inset.h"
#include "store/tanlu-basemap-store.h"
#include "store/tanlu-store-private.h"
#include "store/tanlu-store.h"
#include "tanlu-test-map.h"
#include "tanlu-test-util.h"

/* The South China Sea Islands inset: its data in the bundled dataset,
 * when a map wants it, and that exported national maps have it at the
 * lower right while a province's map does not. */

typedef TanluTestBundledFixture Fixture;

#define SICHUAN 510000

/* What data/basemap/regenerate.py takes from world-geo-json-zh. */
#define N_ISLANDS 8
#define N_DASHES  10

/* ------------------------------------------------------------------------ */
/* Helpers */

typedef struct
{
  guint islands;
  guint dashes;
  guint outside;
} Count;

static gboolean
count_cb (const char    *kind,
          guint          detail,
          double         min_lon,
          double         min_lat,
          double         max_lon,
          double         max_lat,
          TanluGeometry *geometry,
          gpointer       user_data)
{
  Count *count = user_data;
  gboolean island = g_str_equal (kind, "island");

  if (!island && !g_str_equal (kind, "dash"))
    return TRUE;

  g_assert_cmpuint (detail, ==, 0);
  g_assert_cmpuint (tanlu_geometry_get_n_rings (geometry), ==, 1);
  if (island)
    count->islands++;
  else
    count->dashes++;
  if (min_lon < 105 || max_lon > 125 || min_lat < 2 || max_lat > 25)
    count->outside++;

  return TRUE;
}

static Count
count_south_china_sea (TanluStore *store)
{
  g_autoptr(GError) error = NULL;
  Count count = { 0 };

  for (guint detail = 0; detail < TANLU_BASEMAP_N_DETAILS; detail++)
    {
      g_assert_true (tanlu_basemap_foreach_feature (store, detail, count_cb, &count, &error));
      g_assert_no_error (error);
    }

  return count;
}

static gboolean
is_frame (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff;
  int g = (pixel >> 8) & 0xff;
  int b = pixel & 0xff;

  /* The frame is the text colour, drawn nearly opaque: dark and grey. */
  return MAX (r, MAX (g, b)) < 160 && MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) < 16;
}

/* The longest vertical run of frame pixels in the lower right quarter of
 * the picture, short of its map's own frame at the right. */
static int
longest_frame_run (const char *png)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const unsigned char *data = cairo_image_surface_get_data (image);
  int longest = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  for (int x = width / 2; x < width - 40; x++)
    {
      int run = 0;

      for (int y = height / 3; y < height; y++)
        {
          guint32 pixel = ((const guint32 *) (const void *) (data + y * stride))[x];

          run = is_frame (pixel) ? run + 1 : 0;
          longest = MAX (longest, run);
        }
    }

  cairo_surface_destroy (image);

  return longest;
}

static char *
export_map (Fixture            *fixture,
            TanluMapData       *data,
            const TanluBasemap *basemap,
            TanluChartLanguage  language,
            const char         *name)
{
  g_autoptr(GError) error = NULL;
  char *png = g_build_filename (fixture->dir, name, NULL);
  TanluMapPicture picture = { .data = data, .basemap = basemap };

  tanlu_map_style_init (&picture.style);
  picture.style.language = language;
  g_assert_true (
    tanlu_map_picture_export (&picture, TANLU_PICTURE_FORMAT_PNG, 1600, 1200, 1, png, &error));
  g_assert_no_error (error);

  return png;
}

/* ------------------------------------------------------------------------ */
/* Tests */

static void
test_data (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  TanluSource *source = tanlu_store_lookup_source (fixture->store, "south-china-sea");
  Count count = count_south_china_sea (fixture->store);

  g_assert_cmpuint (count.islands, ==, N_ISLANDS);
  g_assert_cmpuint (count.dashes, ==, N_DASHES);
  g_assert_cmpuint (count.outside, ==, 0);

  g_assert_nonnull (source);
  g_assert_cmpstr (tanlu_source_get_licence (source), ==, "Public domain");

  basemap = tanlu_basemap_new_from_store (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (tanlu_basemap_has_south_china_sea (basemap));
}

/* A database whose basemap an older Tanlu copied gets the islands. */
static void
test_data_migrated (Fixture       *fixture,
                    gconstpointer  user_data)
{
  sqlite3 *db = _tanlu_store_get_db (fixture->store);
  g_autoptr(GError) error = NULL;
  Count count;

  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM basemap_feature WHERE kind IN ('island', 'dash')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  count = count_south_china_sea (fixture->store);
  g_assert_cmpuint (count.islands + count.dashes, ==, 0);

  g_assert_true (tanlu_store_ensure_basemap (fixture->store, &error));
  g_assert_no_error (error);
  count = count_south_china_sea (fixture->store);
  g_assert_cmpuint (count.islands, ==, N_ISLANDS);
  g_assert_cmpuint (count.dashes, ==, N_DASHES);

  /* Nothing else was copied twice. */
  g_assert_true (tanlu_store_ensure_basemap (fixture->store, &error));
  g_assert_no_error (error);
  count = count_south_china_sea (fixture->store);
  g_assert_cmpuint (count.islands, ==, N_ISLANDS);
}

static void
test_wanted (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TanluMapData) nation =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autoptr(TanluMapData) sichuan =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, SICHUAN, 5);
  TanluMapView view;
  double width, height;

  tanlu_test_map_fit (nation, &view, 1200, 800);
  g_assert_true (tanlu_map_inset_is_wanted (&view));
  tanlu_test_map_fit (sichuan, &view, 1200, 800);
  g_assert_false (tanlu_map_inset_is_wanted (&view));

  /* The whole world shows China too small for an inset. */
  tanlu_map_view_fit (&view, 1200, 800, 0, 0, 1, 1, 0);
  g_assert_false (tanlu_map_inset_is_wanted (&view));

  /* About a fifth of the map's width, at most a little over half its
   * height. */
  tanlu_map_inset_get_size (1500, 900, 16, &width, &height);
  g_assert_cmpfloat (width, >=, 1500 / 6.0);
  g_assert_cmpfloat (width, <=, 1500 / 5.0);
  g_assert_cmpfloat (height, <=, 900 * 0.56);
  tanlu_map_inset_get_size (1500, 400, 16, &width, &height);
  g_assert_cmpfloat (height, <=, 400 * 0.56);
  g_assert_cmpfloat (width, <, 1500 / 6.0);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TanluMapData) nation =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_PROVINCE, 0, 5);
  g_autoptr(TanluMapData) sichuan =
    tanlu_test_map_new (fixture->store, TANLU_REGION_LEVEL_CITY, SICHUAN, 5);
  g_autoptr(TanluBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nation_zh = NULL;
  g_autofree char *nation_en = NULL;
  g_autofree char *sichuan_zh = NULL;
  int run;

  basemap = tanlu_basemap_new_from_store (fixture->store, &error);
  g_assert_no_error (error);

  nation_zh = export_map (fixture, nation, basemap, TANLU_CHART_LANGUAGE_CHINESE, "nation-zh.png");
  nation_en = export_map (fixture, nation, basemap, TANLU_CHART_LANGUAGE_ENGLISH, "nation-en.png");
  sichuan_zh =
    export_map (fixture, sichuan, basemap, TANLU_CHART_LANGUAGE_CHINESE, "sichuan-zh.png");

  /* The inset's frame: a dark line down most of its side, in the lower
   * right quarter; a province's map has nothing like it there. */
  run = longest_frame_run (nation_zh);
  g_test_message ("national map, Chinese: frame of %d pixels", run);
  g_assert_cmpint (run, >, 200);
  run = longest_frame_run (nation_en);
  g_test_message ("national map, English: frame of %d pixels", run);
  g_assert_cmpint (run, >, 200);
  run = longest_frame_run (sichuan_zh);
  g_test_message ("Sichuan's cities: longest dark line %d pixels", run);
  g_assert_cmpint (run, <, 60);
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tanlu/map-inset/" path, Fixture, NULL, tanlu_test_bundled_fixture_set_up, func, \
              tanlu_test_bundled_fixture_tear_down)

  ADD ("data", test_data);
  ADD ("data-migrated", test_data_migrated);
  ADD ("wanted", test_wanted);
  ADD ("export", test_export);

#undef ADD

  return g_test_run ();
}
