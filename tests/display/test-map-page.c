/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-page"

#include "config.h"

#include <adwaita.h>

#include "pages/map/tanlu-choropleth-layer-private.h"
#include "pages/map/tanlu-choropleth-layer.h"
#include "pages/map/tanlu-map-inset-view.h"
#include "pages/map/tanlu-map-page-private.h"
#include "pages/map/tanlu-map-page.h"
#include "map/tanlu-map-markers.h"
#include "store/tanlu-region.h"
#include "tanlu-test-input.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "widgets/tanlu-export-dialog-private.h"
#include "widgets/tanlu-export-dialog.h"
#include "widgets/tanlu-map-exportable.h"
#include "widgets/tanlu-region-sidebar.h"

#include <math.h>

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

/* Where a place is on the layer, in pixels, through the map's viewport. */
static void
viewport_pixel_of (Fixture *fixture,
                   double   longitude,
                   double   latitude,
                   double  *x,
                   double  *y)
{
  GtkWidget *widget = GTK_WIDGET (layer (fixture));
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (widget));

  shumate_viewport_location_to_widget_coords (viewport, widget, latitude, longitude, x, y);
  g_assert_cmpfloat (*x, >, 0);
  g_assert_cmpfloat (*x, <, gtk_widget_get_width (widget));
  g_assert_cmpfloat (*y, >, 0);
  g_assert_cmpfloat (*y, <, gtk_widget_get_height (widget));
}

/* The widget GTK gives the pointer to over a place on the map. */
static GtkWidget *
picked_at (Fixture *fixture,
           double   longitude,
           double   latitude)
{
  graphene_point_t point;
  double x, y;

  viewport_pixel_of (fixture, longitude, latitude, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer (fixture)), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));

  return gtk_widget_pick (GTK_WIDGET (fixture->window), point.x, point.y, GTK_PICK_DEFAULT);
}

/* Moves the real pointer over a place on the map and reads the tooltip
 * the layer shows there; a step aside first, so that the pointer moves
 * even when it was there already. */
static char *
hover (Fixture *fixture,
       double   longitude,
       double   latitude)
{
  double x, y;

  viewport_pixel_of (fixture, longitude, latitude, &x, &y);
  tanlu_test_pointer_move (GTK_WIDGET (layer (fixture)), x - 2, y);
  tanlu_test_pointer_move (GTK_WIDGET (layer (fixture)), x, y);
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));

  return _tanlu_choropleth_layer_get_hover_text (layer (fixture));
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

/* The real pointer over Chengdu: GTK picks the layer, which names the
 * city; a click selects it for the whole window. */
static void
test_hover_and_click_city (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TanluRegion) selected = NULL;
  g_autofree char *text = NULL;
  double x, y;

  open_map (fixture);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));

  /* The map's scale bar gives kilometres, not miles */
  {
    GtkWidget *scale = tanlu_test_find_widget (GTK_WIDGET (map_page (fixture)),
                                               SHUMATE_TYPE_SCALE);

    g_assert_nonnull (scale);
    g_assert_cmpint (shumate_scale_get_unit (SHUMATE_SCALE (scale)), ==, SHUMATE_UNIT_METRIC);
  }

  tanlu_map_page_show_level (map_page (fixture), TANLU_REGION_LEVEL_CITY, 510000);
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
  g_assert_cmpint (tanlu_map_data_get_level (tanlu_choropleth_layer_get_data (layer (fixture))), ==,
                   TANLU_REGION_LEVEL_CITY);

  /* Chengdu's city centre. */
  text = hover (fixture, 104.07, 30.67);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Chengdu\n"));
  g_assert_nonnull (strstr (text, "Rank 1 of"));
  g_assert_true (picked_at (fixture, 104.07, 30.67) == GTK_WIDGET (layer (fixture)));

  /* A point in the sea is no region: the pointer leaves the layer for the
   * map, and the tooltip goes. */
  g_clear_pointer (&text, g_free);
  text = hover (fixture, 123, 35);
  g_assert_null (text);

  /* A click selects Chengdu for the whole window: the sidebar follows. */
  viewport_pixel_of (fixture, 104.07, 30.67, &x, &y);
  tanlu_test_click (GTK_WIDGET (layer (fixture)), x, y, 1);
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

static gboolean
shows_cities_of_sichuan (gpointer data)
{
  TanluMapData *shown = tanlu_choropleth_layer_get_data (layer (data));

  return tanlu_map_data_get_level (shown) == TANLU_REGION_LEVEL_CITY &&
         tanlu_map_data_get_parent_code (shown) == 510000;
}

static gboolean
shows_provinces (gpointer data)
{
  TanluMapData *shown = tanlu_choropleth_layer_get_data (layer (data));

  return tanlu_map_data_get_level (shown) == TANLU_REGION_LEVEL_PROVINCE;
}

/* A real double click on Sichuan opens its cities. */
static void
test_double_click_opens_province (Fixture       *fixture,
                                  gconstpointer  data)
{
  TanluMapData *shown;
  double x, y;

  open_map (fixture);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  /* West of Chengdu, clear of its capital's marker. */
  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);

  tanlu_test_click (GTK_WIDGET (layer (fixture)), x, y, 2);
  tanlu_test_wait_until (shows_cities_of_sichuan, fixture);
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  g_assert_cmpuint (tanlu_map_data_get_n_regions (shown), ==, 21);

  /* Back returns to the provinces. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map_page (fixture)), "map.back", NULL));
  tanlu_test_wait_until (shows_provinces, fixture);
}

static gboolean
zoom_changed (gpointer data)
{
  Fixture *fixture = data;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer (fixture)));
  double *zoom = g_object_get_data (G_OBJECT (fixture->window), "zoom");

  return shumate_viewport_get_zoom_level (viewport) > *zoom + 0.05;
}

/* With the layer taking the pointer over the regions, the map under it
 * still pans when dragged from a region and zooms when scrolled over
 * one; a drag selects nothing. */
static void
test_pan_and_zoom_over_regions (Fixture       *fixture,
                                gconstpointer  data)
{
  ShumateViewport *viewport;
  double longitude, x, y, zoom;

  open_map (fixture);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (layer (fixture)));
  tanlu_context_set_region (fixture->context, tanlu_store_lookup_region (fixture->store, 440000));
  tanlu_test_wait_for_idle ();

  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);
  g_assert_true (picked_at (fixture, 102.5, 30.0) == GTK_WIDGET (layer (fixture)));
  longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  tanlu_test_drag (GTK_WIDGET (layer (fixture)), x, y, x + 120, y + 40, 6);
  tanlu_test_wait_for_idle ();
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), <,
                     longitude - 1);
  g_assert_cmpuint (tanlu_region_get_code (tanlu_context_get_region (fixture->context)), ==,
                    440000);

  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);
  zoom = shumate_viewport_get_zoom_level (viewport);
  g_object_set_data (G_OBJECT (fixture->window), "zoom", &zoom);
  tanlu_test_pointer_move (GTK_WIDGET (layer (fixture)), x, y);
  tanlu_test_pointer_button (4, TRUE);
  tanlu_test_pointer_button (4, FALSE);
  tanlu_test_wait_until (zoom_changed, fixture);
  g_object_set_data (G_OBJECT (fixture->window), "zoom", NULL);
}

static gboolean
inset_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_visible (_tanlu_map_page_get_inset (map_page (fixture)));
}

static gboolean
inset_is_hidden (gpointer data)
{
  return !inset_is_shown (data);
}

/* The South China Sea Islands inset shows at the lower right while the
 * whole country does, and not on a province's map. */
static void
test_inset (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *inset;
  graphene_rect_t box;
  double x, y;

  open_map (fixture);
  tanlu_test_wait_until (inset_is_shown, fixture);
  inset = _tanlu_map_page_get_inset (map_page (fixture));
  tanlu_test_wait_for_draw (inset);
  g_assert_true (tanlu_map_inset_view_get_box (TANLU_MAP_INSET_VIEW (inset), &box));
  g_assert_cmpfloat (box.origin.x, >, gtk_widget_get_width (inset) / 2.0);
  g_assert_cmpfloat (box.origin.y, >, gtk_widget_get_height (inset) / 4.0);
  g_assert_cmpfloat (box.origin.x + box.size.width, <=, gtk_widget_get_width (inset));
  g_assert_cmpfloat (box.origin.y + box.size.height, <=, gtk_widget_get_height (inset));

  /* Sichuan's cities, opened with a double-click west of Chengdu, fill
   * the view. */
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);
  tanlu_test_click (GTK_WIDGET (layer (fixture)), x, y, 2);
  tanlu_test_wait_until (shows_cities_of_sichuan, fixture);
  tanlu_test_wait_until (inset_is_hidden, fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map_page (fixture)), "map.back", NULL));
  tanlu_test_wait_until (inset_is_shown, fixture);
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

/* ------------------------------------------------------------------------ */
/* The joint plan's sites */

/* The first widget of @type under @widget whose @property reads @value. */
static GtkWidget *
find_widget_with (GtkWidget  *widget,
                  GType       type,
                  const char *property,
                  const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with (child, type, property, value);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_markers (Fixture    *fixture,
               const char *style_class)
{
  g_autoptr(GPtrArray) markers = _tanlu_map_page_list_markers (map_page (fixture), "site");
  guint n = 0;

  for (guint i = 0; i < markers->len; i++)
    n += style_class == NULL || gtk_widget_has_css_class (markers->pdata[i], style_class);

  return n;
}

static gboolean
sites_shown (gpointer data)
{
  return count_markers (data, NULL) > 0;
}

static gboolean
widget_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
on_marker_query_tooltip_cb (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            gpointer    user_data)
{
  gboolean *queried = user_data;

  /* The pointer is over the marker itself. */
  if (!keyboard && x >= 0 && y >= 0 && x < gtk_widget_get_width (widget) &&
      y < gtk_widget_get_height (widget))
    *queried = TRUE;

  /* The marker's own tooltip is shown. */
  return FALSE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The sites' markers as a planner turns them on, from the Map Options
 * popover with the real pointer, each standing for its task's status,
 * which the tracker sets in the store. */
static void
test_sites (Fixture       *fixture,
            gconstpointer  data)
{
  GSettings *settings = tanlu_application_get_settings (fixture->app);
  TanluStore *store = tanlu_context_get_store (fixture->context);
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) task_sites = NULL;
  g_autoptr(GPtrArray) placed = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *options_button, *check, *top;
  const char *tooltip;
  gboolean queried = FALSE;
  guint n_done = 0;

  /* Task 1 is done before the map opens. */
  g_assert_true (tanlu_store_set_task_status (store, 1, "done", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_settings_get_boolean (settings, "map-sites"));

  open_map (fixture);
  g_assert_cmpuint (count_markers (fixture, NULL), ==, 0);

  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  options_button = find_widget_with (GTK_WIDGET (map_page (fixture)), GTK_TYPE_MENU_BUTTON,
                                     "tooltip-text", "Map Options");
  g_assert_nonnull (options_button);
  tanlu_test_click (options_button, gtk_widget_get_width (options_button) / 2.0,
                    gtk_widget_get_height (options_button) / 2.0, 1);
  check = find_widget_with (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (options_button))),
    GTK_TYPE_CHECK_BUTTON, "label", "_Joint-action sites");
  g_assert_nonnull (check);
  tanlu_test_wait_until (widget_shown, check);
  tanlu_test_wait_for_draw (check);
  tanlu_test_click (check, gtk_widget_get_width (check) / 2.0, gtk_widget_get_height (check) / 2.0,
                    1);
  tanlu_test_wait_until (sites_shown, fixture);
  tanlu_test_key (GDK_KEY_Escape, 0);
  tanlu_test_wait_until (widget_hidden, check);

  /* Remembered. */
  g_assert_true (g_settings_get_boolean (settings, "map-sites"));

  /* One marker at each place a site is put at: every site has one. */
  sites = tanlu_store_list_joint_sites (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sites->len, ==, 90);
  placed = tanlu_map_list_sites (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_markers (fixture, NULL), ==, placed->len);
  g_assert_cmpuint (count_markers (fixture, NULL), >=, sites->len);

  /* Task 1's sites are done, and say so with the plan's words. */
  task_sites = tanlu_store_list_joint_sites (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (task_sites->len, >, 0);
  markers = _tanlu_map_page_list_markers (map_page (fixture), "site");
  for (guint i = 0; i < markers->len; i++)
    {
      GtkWidget *marker = markers->pdata[i];
      const char *text = gtk_widget_get_tooltip_text (marker);

      if (!g_str_has_prefix (strstr (text, "\nTask ") + 1, "Task 1:"))
        continue;
      g_assert_true (gtk_widget_has_css_class (marker, "map-marker-site-done"));
      g_assert_nonnull (strstr (text, "— Done"));
      n_done++;
    }
  g_assert_cmpuint (n_done, >=, task_sites->len);
  g_assert_cmpuint (count_markers (fixture, "map-marker-site-done"), ==, n_done);
  for (guint i = 0; i < task_sites->len; i++)
    {
      const TanluJointSite *site = g_ptr_array_index (task_sites, i);
      g_autofree char *quoted = g_strdup_printf ("「%s」", site->quote);
      gboolean found = FALSE;

      for (guint m = 0; m < markers->len && !found; m++)
        {
          const char *text = gtk_widget_get_tooltip_text (markers->pdata[m]);

          found = g_str_has_prefix (text, site->name) && strstr (text, quoted) != NULL &&
                  gtk_widget_has_css_class (markers->pdata[m], "map-marker-site-done");
        }
      g_assert_true (found);
    }
  g_clear_pointer (&markers, g_ptr_array_unref);

  /* The tracker marks task 2 delayed while the map is open. */
  g_assert_cmpuint (count_markers (fixture, "map-marker-site-delayed"), ==, 0);
  g_assert_true (tanlu_store_set_task_status (store, 2, "delayed", NULL, NULL, &error));
  g_assert_no_error (error);
  /* As the Tracker page says it changed a status */
  tanlu_context_tracker_changed (fixture->context, 2);
  tanlu_test_wait_for_idle ();
  g_clear_pointer (&task_sites, g_ptr_array_unref);
  task_sites = tanlu_store_list_joint_sites (store, 2, &error);
  g_assert_cmpuint (count_markers (fixture, "map-marker-site-delayed"), >=, task_sites->len);
  g_assert_cmpuint (count_markers (fixture, "map-marker-site-done"), ==, n_done);

  /* The real pointer over the marker on top, a delayed one: its tooltip. */
  markers = _tanlu_map_page_list_markers (map_page (fixture), "site");
  top = markers->pdata[markers->len - 1];
  g_assert_true (gtk_widget_has_css_class (top, "map-marker-site-delayed"));
  tanlu_test_wait_for_draw (top);
  g_signal_connect (top, "query-tooltip", G_CALLBACK (on_marker_query_tooltip_cb), &queried);
  tanlu_test_pointer_move (top, gtk_widget_get_width (top) / 2.0,
                           gtk_widget_get_height (top) / 2.0);
  tanlu_test_wait_until (is_true, &queried);
  g_signal_handlers_disconnect_by_func (top, on_marker_query_tooltip_cb, &queried);
  tooltip = gtk_widget_get_tooltip_text (top);
  g_assert_nonnull (strstr (tooltip, "Task 2:"));
  g_assert_nonnull (strstr (tooltip, "— Delayed"));
  g_assert_nonnull (strstr (tooltip, "「"));
  g_assert_nonnull (strstr (tooltip, "Placed at "));

  /* Off again: no sites. */
  g_settings_set_boolean (settings, "map-sites", FALSE);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (count_markers (fixture, NULL), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Targets */

/* The first whole-region target of @code's plans for @indicator and
 * @year, or NULL. */
static TanluPolicyTarget *
library_target (TanluStore *store,
                guint       code,
                const char *indicator,
                guint       year)
{
  g_autoptr(GPtrArray) targets = tanlu_store_list_policy_targets (store, code, indicator, NULL);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      TanluPolicyTarget *target = g_ptr_array_index (targets, i);

      if (target->region_code == code && target->target_year == year &&
          g_strcmp0 (target->scope, "region") == 0)
        return tanlu_policy_target_copy (target);
    }

  return NULL;
}

static int
class_of (TanluMapData *data,
          guint         code)
{
  g_autofree int *classes = NULL;
  guint n_classes;

  classes = tanlu_map_data_dup_classes (data, &n_classes);
  for (guint i = 0; i < tanlu_map_data_get_n_regions (data); i++)
    if (tanlu_region_get_code (tanlu_map_data_get_region (data, i)->region) == code)
      return TANLU_MAP_CLASS (classes[i]);

  g_assert_not_reached ();
}

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  TanluStore *store = tanlu_context_get_store (fixture->context);
  g_autoptr(TanluPolicyTarget) sichuan_target = NULL;
  g_autoptr(TanluPolicyTarget) shandong_target = NULL;
  g_autoptr(TanluPolicyTarget) mianyang_target = NULL;
  g_autoptr(TanluPolicyTarget) peak = NULL;
  const TanluClassification *classification;
  g_auto(GStrv) ranges = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  TanluMapData *shown;
  int shandong_class;

  open_map (fixture);
  _tanlu_map_page_show_indicator (map_page (fixture), "target:co2_intensity_reduction_pct:2025");
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  title = tanlu_map_get_title (shown, TANLU_CHART_LANGUAGE_ENGLISH);
  g_assert_cmpstr (title, ==, "Target: CO₂ per unit of GDP, reduction from 2020, 2025");
  source = tanlu_map_data_get_source_text (shown, FALSE);
  g_assert_true (g_str_has_prefix (source, "Targets as written in the provinces' and cities' "
                                           "carbon-peak plans"));

  /* Sichuan's plans in the library state no 2025 CO₂-intensity target:
   * it is shown as having none, not as 0. */
  sichuan_target = library_target (store, 510000, "co2_intensity_reduction_pct", 2025);
  g_assert_null (sichuan_target);
  g_assert_true (isnan (tanlu_map_data_find_region (shown, 510000)->value));
  g_assert_cmpint (class_of (shown, 510000), ==, -1);
  text = hover (fixture, 103.0, 30.0);
  g_assert_cmpstr (text, ==, "Sichuan\nNo stated target");
  g_clear_pointer (&text, g_free);
  classification = tanlu_map_data_get_classification (shown);
  g_assert_cmpuint (classification->n_missing, ==, tanlu_map_data_get_n_regions (shown) - 1);

  /* Shandong's plan does: its value, in a class of its own. */
  shandong_target = library_target (store, 370000, "co2_intensity_reduction_pct", 2025);
  g_assert_nonnull (shandong_target);
  g_assert_cmpfloat (tanlu_map_data_find_region (shown, 370000)->value, ==,
                     shandong_target->value);
  shandong_class = class_of (shown, 370000);
  g_assert_cmpint (shandong_class, >=, 0);
  g_assert_cmpfloat (classification->breaks[shandong_class], <=, shandong_target->value);
  g_assert_cmpfloat (classification->breaks[shandong_class + 1], >=, shandong_target->value);
  ranges = tanlu_map_get_legend_ranges (shown, tanlu_choropleth_layer_get_style (layer (fixture)));
  g_assert_cmpstr (ranges[shandong_class], ==, "20.5");

  /* Sichuan's cities: Mianyang's plan states at least 18 %. */
  tanlu_map_page_show_level (map_page (fixture), TANLU_REGION_LEVEL_CITY, 510000);
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  mianyang_target = library_target (store, 510700, "co2_intensity_reduction_pct", 2025);
  g_assert_nonnull (mianyang_target);
  g_assert_cmpint (mianyang_target->qualifier, ==, TANLU_TARGET_AT_LEAST);
  g_assert_cmpfloat (tanlu_map_data_find_region (shown, 510700)->value, ==,
                     mianyang_target->value);
  g_assert_cmpint (class_of (shown, 510700), >=, 0);
  g_assert_cmpint (class_of (shown, 510100), ==, -1);
  g_assert_nonnull (
    strstr (tanlu_map_data_get_note (shown, tanlu_map_data_find_region (shown, 510700)),
            "at least "));

  /* The peak year: Sichuan's 2030, as a year. */
  tanlu_map_page_show_level (map_page (fixture), TANLU_REGION_LEVEL_PROVINCE, 0);
  _tanlu_map_page_show_indicator (map_page (fixture), "target:co2_peak_year:2030");
  tanlu_test_wait_for_draw (GTK_WIDGET (layer (fixture)));
  shown = tanlu_choropleth_layer_get_data (layer (fixture));
  peak = library_target (store, 510000, "co2_peak_year", 2030);
  g_assert_nonnull (peak);
  g_assert_cmpfloat (tanlu_map_data_find_region (shown, 510000)->value, ==, peak->value);
  g_clear_pointer (&ranges, g_strfreev);
  ranges = tanlu_map_get_legend_ranges (shown, tanlu_choropleth_layer_get_style (layer (fixture)));
  g_assert_cmpstr (ranges[class_of (shown, 510000)], ==, "2030");
  text = hover (fixture, 103.0, 30.0);
  g_assert_true (g_str_has_prefix (text, "Sichuan\n2030\nby 2030 ("));
}

/* ------------------------------------------------------------------------ */
/* Keyboard and screen readers */

static gboolean
layer_has_focus (gpointer data)
{
  Fixture *fixture = data;

  return gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (layer (fixture));
}

static void
wait_for_region (Fixture *fixture,
                 guint    code)
{
  g_object_set_data (G_OBJECT (fixture->window), "wanted", GUINT_TO_POINTER (code));
  tanlu_test_wait_until (region_is, fixture);
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (tanlu_choropleth_layer_get_style (layer (fixture))->selected, ==, code);
}

/* Presses an arrow key on the map with @from selected, and checks that it
 * selects @to, a neighbour of @from within 60° of the arrow's direction
 * (@dx, @dy), on screen. */
static void
assert_arrow_moves (Fixture *fixture,
                    guint    keyval,
                    double   dx,
                    double   dy,
                    guint    from,
                    guint    to)
{
  TanluMapData *shown = tanlu_choropleth_layer_get_data (layer (fixture));
  g_autoptr(GPtrArray) neighbours = tanlu_store_list_neighbours (fixture->store, from);
  TanluMapRegion *a = tanlu_map_data_find_region (shown, from);
  TanluMapRegion *b = tanlu_map_data_find_region (shown, to);
  gboolean neighbour = FALSE;
  double vx, vy;

  g_assert_cmpuint (tanlu_region_get_code (tanlu_context_get_region (fixture->context)), ==, from);
  tanlu_test_key (keyval, 0);
  wait_for_region (fixture, to);

  for (guint i = 0; i < neighbours->len; i++)
    neighbour = neighbour || tanlu_region_get_code (g_ptr_array_index (neighbours, i)) == to;
  g_assert_true (neighbour);
  vx = b->label_x - a->label_x;
  vy = b->label_y - a->label_y;
  g_assert_cmpfloat (vx * dx + vy * dy, >=, hypot (vx, vy) * cos (G_PI / 3));
}

/* Tab reaches the map, with its focus ring; then a click on Sichuan, the
 * arrows, Enter and Escape, all as real keys. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  double x, y;

  open_map (fixture);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < 80 && !layer_has_focus (fixture); i++)
    tanlu_test_key (GDK_KEY_Tab, 0);
  g_assert_true (layer_has_focus (fixture));
  g_assert_true (gtk_widget_has_visible_focus (GTK_WIDGET (layer (fixture))));

  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);
  tanlu_test_click (GTK_WIDGET (layer (fixture)), x, y, 1);
  wait_for_region (fixture, 510000);
  g_assert_true (layer_has_focus (fixture));

  /* Chongqing is east of Sichuan, Gansu north, Yunnan south. */
  assert_arrow_moves (fixture, GDK_KEY_Right, 1, 0, 510000, 500000);
  assert_arrow_moves (fixture, GDK_KEY_Left, -1, 0, 500000, 510000);
  assert_arrow_moves (fixture, GDK_KEY_Up, 0, -1, 510000, 620000);
  assert_arrow_moves (fixture, GDK_KEY_Down, 0, 1, 620000, 510000);
  assert_arrow_moves (fixture, GDK_KEY_Down, 0, 1, 510000, 530000);
  assert_arrow_moves (fixture, GDK_KEY_Up, 0, -1, 530000, 510000);

  /* Enter opens the selected province, Escape goes back up. */
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (shows_cities_of_sichuan, fixture);
  g_assert_true (layer_has_focus (fixture));
  tanlu_test_key (GDK_KEY_Escape, 0);
  tanlu_test_wait_until (shows_provinces, fixture);
}

/* The value of an accessible property: the check answers with it when it
 * differs from the one asked. */
static char *
accessible_text (GtkWidget             *widget,
                 GtkAccessibleProperty  property)
{
  char *text = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");

  g_assert_nonnull (text);
  return text;
}

static void
assert_described (Fixture    *fixture,
                  guint       code,
                  const char *name)
{
  TanluMapData *shown = tanlu_choropleth_layer_get_data (layer (fixture));
  const TanluMapStyle *style = tanlu_choropleth_layer_get_style (layer (fixture));
  g_autofree char *label = accessible_text (GTK_WIDGET (layer (fixture)),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_autofree char *description = accessible_text (GTK_WIDGET (layer (fixture)),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_autofree char *title = tanlu_map_get_title (shown, TANLU_CHART_LANGUAGE_ENGLISH);
  g_autofree char *year = g_strdup_printf ("%u", tanlu_map_data_get_year (shown));
  g_autofree char *value =
    tanlu_map_describe_value (shown, style, tanlu_map_data_find_region (shown, code)->value);
  g_autofree char *in_class = NULL;
  g_auto(GStrv) ranges = tanlu_map_get_legend_ranges (shown, style);

  g_test_message ("Accessible label: %s; description: %s", label, description);
  g_assert_nonnull (strstr (label, title));
  g_assert_nonnull (strstr (label, year));
  g_assert_true (g_str_has_prefix (description, name));
  g_assert_nonnull (strstr (description, value));
  in_class = g_strdup_printf ("in the class %s.", ranges[class_of (shown, code)]);
  g_assert_nonnull (strstr (description, in_class));
  for (guint i = 0; ranges[i] != NULL; i++)
    g_assert_nonnull (strstr (description, ranges[i]));
}

/* What a screen reader hears of the map: the indicator and the year, the
 * selected region with its value and class, and the classes; again when
 * the selection or the year changes. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  double x, y;

  open_map (fixture);
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (layer (fixture)), GTK_ACCESSIBLE_ROLE_IMG);

  viewport_pixel_of (fixture, 102.5, 30.0, &x, &y);
  tanlu_test_click (GTK_WIDGET (layer (fixture)), x, y, 1);
  wait_for_region (fixture, 510000);
  assert_described (fixture, 510000, "Sichuan");

  tanlu_test_key (GDK_KEY_Right, 0);
  wait_for_region (fixture, 500000);
  assert_described (fixture, 500000, "Chongqing");

  tanlu_map_page_set_year (map_page (fixture), 2005);
  tanlu_test_wait_for_idle ();
  assert_described (fixture, 500000, "Chongqing");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The assertions read English names. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* The accessible properties are kept, and read, by GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/map-page/" path, Fixture, NULL, tanlu_test_window_set_up, func,              \
              tanlu_test_window_tear_down)

  ADD ("hover-and-click-city", test_hover_and_click_city);
  ADD ("selection-follows-window", test_selection_follows_window);
  ADD ("double-click-opens-province", test_double_click_opens_province);
  ADD ("pan-and-zoom-over-regions", test_pan_and_zoom_over_regions);
  ADD ("keyboard", test_keyboard);
  ADD ("accessible", test_accessible);
  ADD ("inset", test_inset);
  ADD ("years", test_years);
  ADD ("change-since", test_change_since);
  ADD ("export", test_export);
  ADD ("sites", test_sites);
  ADD ("targets", test_targets);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();

  return status;
}
