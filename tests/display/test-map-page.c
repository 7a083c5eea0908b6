/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-page"

#include "config.h"

#include <adwaita.h>

#include "pages/map/tanlu-choropleth-layer-private.h"
#include "pages/map/tanlu-choropleth-layer.h"
#include "pages/map/tanlu-map-page-private.h"
#include "pages/map/tanlu-map-page.h"
#include "store/tanlu-region.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "widgets/tanlu-export-dialog-private.h"
#include "widgets/tanlu-export-dialog.h"
#include "widgets/tanlu-map-exportable.h"
#include "widgets/tanlu-region-sidebar.h"

/* The Map page as a planner uses it, on the bundled boundaries and CEADs
 * figures, in a real window under Xvfb. */

typedef TanluTestWindowFixture Fixture;

static TanluMapPage *
map_page (Fixture *fixture)
{
  GtkWidget *page = tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_MAP_PAGE);

  g_assert_nonnull (page);
  return TANLU_MAP_PAGE (page);
}

static TanluChoroplethLayer *
layer (Fixture *fixture)
{
  return TANLU_CHOROPLETH_LAYER (_tanlu_map_page_get_layer (map_page (fixture)));
}

static gboolean
layer_has_data (gpointer data)
{
  Fixture *fixture = data;

  return tanlu_choropleth_layer_get_data (layer (fixture)) != NULL &&
         gtk_widget_get_width (GTK_WIDGET (layer (fixture))) > 0;
}

/* Opens the Map view, as Alt+2 does, and waits until it shows a map. */
static void
open_map (Fixture *fixture)
{
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "map"));
  tanlu_test_wait_until (layer_has_data, fixture);
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
}

/* Where a place is on the layer, in pixels. */
static void
pixel_of (Fixture *fixture,
          double   longitude,
          double   latitude,
          double  *x,
          double  *y)
{
  TanluMapView view;
  double world_x, world_y;

  tanlu_choropleth_layer_get_view (layer (fixture), &view);
  tanlu_mercator_project (longitude, latitude, &world_x, &world_y);
  *x = tanlu_map_view_to_pixel_x (&view, world_x);
  *y = tanlu_map_view_to_pixel_y (&view, world_y);

  g_assert_cmpfloat (*x, >, 0);
  g_assert_cmpfloat (*x, <, view.width);
  g_assert_cmpfloat (*y, >, 0);
  g_assert_cmpfloat (*y, <, view.height);
}

static gboolean
region_is (gpointer data)
{
  Fixture *fixture = data;
  TanluRegion *region = tanlu_context_get_region (fixture->context);
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->window), "wanted"));

  return region != NULL && tanlu_region_get_code (region) == wanted;
}

static TanluRegion *
sidebar_selection (Fixture *fixture)
{
  GtkWidget *sidebar =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_REGION_SIDEBAR);
  GtkWidget *list = tanlu_test_find_widget (sidebar, GTK_TYPE_LIST_VIEW);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* ------------------------------------------------------------------------ */

static void
test_hover_and_click_city (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TanluRegion) selected = NULL;
  g_autofree char *text = NULL;
  double x, y;

  open_map (fixture);
  tanlu_map_page_show_level (map_page (fixture), TANLU_REGION_LEVEL_CITY, 510000);
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
  g_assert_cmpint (tanlu_map_data_get_level (tanlu_choropleth_layer_get_data (layer (fixture))), ==,
                   TANLU_REGION_LEVEL_CITY);

  /* Chengdu's city centre. */
  pixel_of (fixture, 104.07, 30.67, &x, &y);
  _tanlu_choropleth_layer_hover_at (layer (fixture), x, y);
  text = _tanlu_choropleth_layer_get_hover_text (layer (fixture));
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Chengdu\n"));
  g_assert_nonnull (strstr (text, "Rank 1 of"));

  /* A point in the sea is no region: no tooltip. */
  {
    double sea_x, sea_y;

    pixel_of (fixture, 123, 35, &sea_x, &sea_y);
    _tanlu_choropleth_layer_hover_at (layer (fixture), sea_x, sea_y);
    g_assert_null (_tanlu_choropleth_layer_get_hover_text (layer (fixture)));
  }

  /* A click selects Chengdu for the whole window: the sidebar follows. */
  g_assert_true (_tanlu_choropleth_layer_click_at (layer (fixture), x, y, 1));
  g_object_set_data (G_OBJECT (fixture->window), "wanted", GUINT_TO_POINTER (510100));
  tanlu_test_wait_until (region_is, fixture);
  tanlu_test_wait_for_idle ();
  selected = sidebar_selection (fixture);
  g_assert_nonnull (selected);
  g_assert_cmpuint (tanlu_region_get_code (selected), ==, 510100);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "Chengdu"));
}

static void
test_selection_follows_window (Fixture       *fixture,
                               gconstpointer  data)
{
  open_map (fixture);

  /* Selecting a city elsewhere outlines its province on the province map. */
  tanlu_context_set_region (fixture->context, tanlu_store_lookup_region (fixture->store, 510100));
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (tanlu_choropleth_layer_get_style (layer (fixture))->selected, ==, 510000);

  tanlu_context_set_region (fixture->context, tanlu_store_lookup_region (fixture->store, 440000));
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (tanlu_choropleth_layer_get_style (layer (fixture))->selected, ==, 440000);
}

static void
test_double_click_opens_province (Fixture       *fixture,
                                  gconstpointer  data)
{
  TanluMapData *shown;
  double x, y;

  open_map (fixture);
  pixel_of (fixture, 104.07, 30.67, &x, &y);

  g_assert_true (_tanlu_choropleth_layer_click_at (layer (fixture), x, y, 2));
  tanlu_test_wait_for_idle ();
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  g_assert_cmpint (tanlu_map_data_get_level (shown), ==, TANLU_REGION_LEVEL_CITY);
  g_assert_cmpuint (tanlu_map_data_get_parent_code (shown), ==, 510000);
  g_assert_cmpuint (tanlu_map_data_get_n_regions (shown), ==, 21);

  /* Back returns to the provinces. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map_page (fixture)), "map.back", NULL));
  tanlu_test_wait_for_idle ();
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  g_assert_cmpint (tanlu_map_data_get_level (shown), ==, TANLU_REGION_LEVEL_PROVINCE);
}

static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  GSettings *settings = tanlu_application_get_settings (fixture->app);
  TanluMapData *shown;
  g_autoptr(TanluClassification) kept = NULL;

  open_map (fixture);
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  g_assert_cmpuint (tanlu_map_data_get_year (shown), ==, 2019);

  tanlu_map_page_set_year (map_page (fixture), 2005);
  g_assert_cmpuint (tanlu_map_data_get_year (shown), ==, 2005);
  g_assert_cmpfloat (tanlu_map_data_find_region (shown, 510000)->value, >, 0);

  /* Fixed classes stay as the years change. */
  g_settings_set_boolean (settings, "map-fixed-scale", TRUE);
  tanlu_test_wait_for_idle ();
  kept = tanlu_classification_copy (tanlu_map_data_get_classification (shown));
  tanlu_map_page_set_year (map_page (fixture), 2015);
  for (guint i = 0; i <= kept->n_classes; i++)
    g_assert_cmpfloat (tanlu_map_data_get_classification (shown)->breaks[i], ==, kept->breaks[i]);
  g_settings_reset (settings, "map-fixed-scale");

  /* Play steps through the years and stops at the last. */
  tanlu_map_page_set_year (map_page (fixture), 2018);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map_page (fixture)), "map.play", NULL));
  while (tanlu_map_data_get_year (shown) != 2019)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tanlu_map_data_get_year (shown), ==, 2019);
}

static void
test_change_since (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = tanlu_application_get_settings (fixture->app);
  TanluMapData *shown;
  TanluMapRegion *sichuan;
  g_autoptr(GArray) series = NULL;
  double in_2005 = 0, in_2019 = 0;

  open_map (fixture);
  g_settings_set_int (settings, "map-change-base", 2005);
  tanlu_test_wait_for_idle ();

  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  sichuan = tanlu_map_data_find_region (shown, 510000);
  series = tanlu_store_get_series (fixture->store, 510000, "co2.total", NULL);
  for (guint i = 0; i < series->len; i++)
    {
      if (g_array_index (series, TanluSeriesPoint, i).year == 2005)
        in_2005 = g_array_index (series, TanluSeriesPoint, i).value;
      if (g_array_index (series, TanluSeriesPoint, i).year == 2019)
        in_2019 = g_array_index (series, TanluSeriesPoint, i).value;
    }
  g_assert_cmpfloat_with_epsilon (sichuan->value, in_2019 / in_2005 - 1, 1e-12);

  g_settings_reset (settings, "map-change-base");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "map.png", NULL);
  g_autoptr(TanluExportable) exportable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  TanluMapPicture picture = { 0 };
  TanluExportDialog *dialog;

  open_map (fixture);

  picture.data = tanlu_choropleth_layer_get_data (layer (fixture));
  picture.style = *tanlu_choropleth_layer_get_style (layer (fixture));
  exportable = tanlu_map_exportable_new (&picture, "GS(2026)0000 fixture");
  dialog = tanlu_export_dialog_present (GTK_WINDOW (fixture->window), exportable, 1000, 700);
  _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_PNG, TANLU_EXPORT_SIZE_3840X2160);
  g_assert_true (_tanlu_export_dialog_save (dialog, path, &error));
  g_assert_no_error (error);
  tanlu_test_assert_png_size (path, 3840, 2160);
  source = tanlu_test_png_text (path, "Source");
  g_assert_nonnull (strstr (source, "CEADs"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The assertions read English names. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/map-page/" path, Fixture, NULL, tanlu_test_window_set_up, func,              \
              tanlu_test_window_tear_down)

  ADD ("hover-and-click-city", test_hover_and_click_city);
  ADD ("selection-follows-window", test_selection_follows_window);
  ADD ("double-click-opens-province", test_double_click_opens_province);
  ADD ("years", test_years);
  ADD ("change-since", test_change_since);
  ADD ("export", test_export);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();

  return status;
}
