/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pathways-page"

#include "config.h"

#include <adwaita.h>
#include <gdk/gdkkeysyms.h>
#include <math.h>

#include "app/tanlu-window.h"
#include "map/tanlu-map-data.h"
#include "map/tanlu-map-draw.h"
#include "pages/map/tanlu-choropleth-layer.h"
#include "pages/map/tanlu-map-page-private.h"
#include "pages/map/tanlu-map-page.h"
#include "pages/pathways/tanlu-lever-editor-private.h"
#include "pages/pathways/tanlu-pathways-page-private.h"
#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-input.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "widgets/tanlu-chart-card.h"

/* The Pathways page as a planner works it: real key presses, clicks and
 * drags through the X server, on a copy of the bundled data, in a window
 * under Xvfb. What the page shows is read back from its chart, its table
 * and the database. */

typedef TanluTestWindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  tanlu_test_window_set_up (fixture, data);
  /* Tall enough for the chart and the levers at once, as on a laptop */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1260, 790);
  tanlu_test_wait_for_idle ();
  tanlu_test_input_init (GTK_WIDGET (fixture->window));
}

static TanluPathwaysPage *
page (Fixture *fixture)
{
  GtkWidget *widget =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_PATHWAYS_PAGE);

  g_assert_nonnull (widget);
  return TANLU_PATHWAYS_PAGE (widget);
}

static void
select_region (Fixture    *fixture,
               const char *key)
{
  TanluRegion *region = tanlu_store_lookup_region_by_key (fixture->store, key);

  g_assert_nonnull (region);
  tanlu_context_set_region (fixture->context, region);
  tanlu_test_wait_for_idle ();
}

/* Alt+3, as a planner opens the page. */
static void
open_pathways (Fixture *fixture)
{
  tanlu_test_pointer_move (GTK_WIDGET (fixture->window), 600, 20);
  tanlu_test_key (GDK_KEY_3, GDK_ALT_MASK);
  g_assert_cmpstr (tanlu_test_visible_view (fixture), ==, "pathways");
  tanlu_test_wait_for_draw (GTK_WIDGET (page (fixture)));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
click_button (Fixture    *fixture,
              const char *action)
{
  GtkWidget *button = find_button (GTK_WIDGET (page (fixture)), action);

  g_assert_nonnull (button);
  tanlu_test_scroll_to (button);
  tanlu_test_click (button, gtk_widget_get_width (button) / 2.0,
                    gtk_widget_get_height (button) / 2.0, 1);
}

static TanluChartData *
main_chart (Fixture *fixture)
{
  TanluChartCard *card = _tanlu_pathways_page_get_main_card (page (fixture));

  return tanlu_chart_view_get_data (tanlu_chart_card_get_view (card));
}

/* The value a series of the main chart draws in @year. */
static double
chart_value (Fixture    *fixture,
             const char *label,
             guint       year)
{
  TanluChartData *data = main_chart (fixture);

  g_assert_nonnull (data);
  for (guint i = 0; i < data->series->len; i++)
    {
      TanluChartSeries *series = g_ptr_array_index (data->series, i);

      if (!g_str_equal (series->label, label))
        continue;
      for (guint k = 0; k < series->n_points; k++)
        if (series->x[k] == year)
          return series->y[k];
    }

  return NAN;
}

static double
table_value (Fixture    *fixture,
             const char *pathway,
             guint       column)
{
  g_autofree char *text = _tanlu_pathways_page_get_table_cell (page (fixture), pathway, column);
  g_autoptr(GString) digits = g_string_new (NULL);

  g_assert_nonnull (text);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '.' || *p == '-')
      g_string_append_c (digits, *p);

  return g_ascii_strtod (digits->str, NULL);
}

static guint
count_saved (Fixture *fixture)
{
  g_autoptr(GPtrArray) saved = tanlu_store_list_pathways (fixture->store, NULL);

  g_assert_nonnull (saved);
  return saved->len;
}

static char *
saved_spec (Fixture    *fixture,
            const char *name)
{
  g_autoptr(TanluStoredPathway) stored = tanlu_store_lookup_pathway (fixture->store, name, NULL);

  g_assert_nonnull (stored);
  return g_strdup (stored->spec);
}

static const char *
selected_name (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (_tanlu_pathways_page_get_list (page (fixture)));

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

#define NEW_NAME "Sichuan – Targets, mine"

/* Creates a pathway with the New button, drags a point of its intensity
 * lever and sees the chart follow during the drag and the table after it;
 * undoes and redoes with the keyboard; and finds the pathway again in a
 * window opened afresh on the same database. */
static void
test_create_drag_undo_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  TanluLeverEditor *editor;
  g_autofree char *before_drag = NULL;
  g_autofree char *path = g_strdup (tanlu_store_get_path (fixture->store));
  double x, y, targets_2030, dragged_2030, during_drag;

  select_region (fixture, "510000");
  open_pathways (fixture);

  /* The presets are there; the user adds one of their own. */
  g_assert_false (isnan (chart_value (fixture, "Targets", 2030)));
  g_assert_cmpuint (count_saved (fixture), ==, 0);
  click_button (fixture, "pathways.new");
  g_assert_cmpuint (count_saved (fixture), ==, 1);
  g_assert_cmpstr (selected_name (fixture), ==, NEW_NAME);

  /* Built on Targets and unchanged, it draws the same. */
  targets_2030 = chart_value (fixture, "Targets", 2030);
  g_assert_cmpfloat_with_epsilon (chart_value (fixture, NEW_NAME, 2030), targets_2030, 1e-9);
  g_assert_cmpfloat_with_epsilon (table_value (fixture, NEW_NAME, 2),
                                  table_value (fixture, "Targets", 2), 1e-9);
  before_drag = saved_spec (fixture, NEW_NAME);

  /* Drag the 2030 point of the intensity lever down. */
  editor = _tanlu_pathways_page_get_lever_editor (page (fixture));
  _tanlu_pathways_page_set_lever (page (fixture), TANLU_LEVER_INTENSITY_CHANGE);
  tanlu_test_scroll_to (GTK_WIDGET (editor));
  g_assert_true (_tanlu_lever_editor_get_point (editor, 2030, &x, &y));
  tanlu_test_pointer_move (GTK_WIDGET (editor), x, y);
  tanlu_test_pointer_button (1, TRUE);
  for (guint step = 1; step <= 4; step++)
    tanlu_test_pointer_move (GTK_WIDGET (editor), x, y + 10 * step);

  /* While the button is held, the chart has followed, and nothing is
   * saved yet. */
  during_drag = chart_value (fixture, NEW_NAME, 2030);
  g_assert_cmpfloat (during_drag, <, targets_2030 - 1);
  {
    g_autofree char *now = saved_spec (fixture, NEW_NAME);

    g_assert_cmpstr (now, ==, before_drag);
  }

  tanlu_test_pointer_button (1, FALSE);
  dragged_2030 = chart_value (fixture, NEW_NAME, 2030);
  g_assert_cmpfloat_with_epsilon (dragged_2030, during_drag, 1e-9);
  {
    g_autofree char *after = saved_spec (fixture, NEW_NAME);

    /* Saved, with a 2030 keyframe of its own; the table follows. */
    g_assert_cmpstr (after, !=, before_drag);
    g_assert_nonnull (strstr (after, "\"2030\""));
  }
  g_assert_cmpfloat (table_value (fixture, NEW_NAME, 2), <, table_value (fixture, "Targets", 2));
  /* The 2030 column rounds to whole Mt above 100 */
  g_assert_cmpfloat (fabs (table_value (fixture, NEW_NAME, 2) - dragged_2030), <=, 0.5);

  /* Ctrl+Z undoes the drag, Shift+Ctrl+Z does it again. */
  tanlu_test_key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (chart_value (fixture, NEW_NAME, 2030), targets_2030, 1e-9);
  {
    g_autofree char *undone = saved_spec (fixture, NEW_NAME);

    g_assert_cmpstr (undone, ==, before_drag);
  }
  tanlu_test_key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpfloat_with_epsilon (chart_value (fixture, NEW_NAME, 2030), dragged_2030, 1e-9);

  /* A window opened afresh on the database finds it as it was left. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  tanlu_test_wait_for_idle ();

  fixture->store = tanlu_store_new (path, NULL);
  g_assert_nonnull (fixture->store);
  fixture->context = tanlu_context_new (fixture->store);
  fixture->window = g_object_ref_sink (tanlu_window_new (
    GTK_APPLICATION (fixture->app), fixture->context,
    tanlu_application_get_settings (fixture->app)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1260, 790);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tanlu_test_wait_for_idle ();
  select_region (fixture, "510000");
  open_pathways (fixture);

  g_assert_cmpfloat_with_epsilon (chart_value (fixture, NEW_NAME, 2030), dragged_2030, 1e-9);
  g_assert_cmpfloat (table_value (fixture, NEW_NAME, 2), <, table_value (fixture, "Targets", 2));
}

static GtkCheckButton *
shown_check (Fixture    *fixture,
             const char *name)
{
  GtkListBox *list = _tanlu_pathways_page_get_list (page (fixture));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      return g_object_get_data (G_OBJECT (row), "check");

  g_assert_not_reached ();
}

static void
click_check (Fixture    *fixture,
             const char *name)
{
  GtkCheckButton *check = shown_check (fixture, name);

  tanlu_test_scroll_to (GTK_WIDGET (check));
  tanlu_test_click (GTK_WIDGET (check), gtk_widget_get_width (GTK_WIDGET (check)) / 2.0,
                    gtk_widget_get_height (GTK_WIDGET (check)) / 2.0, 1);
}

static guint
n_pathway_series (Fixture *fixture)
{
  /* Less the observed history */
  return main_chart (fixture)->series->len - 1;
}

/* The three presets side by side; ticks take them off the chart and put
 * them back; at most six are drawn, the seventh cannot be ticked. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  select_region (fixture, "500000");
  open_pathways (fixture);

  g_assert_cmpuint (n_pathway_series (fixture), ==, 3);
  g_assert_cmpfloat (chart_value (fixture, "Accelerated", 2035), <,
                     chart_value (fixture, "Targets", 2035));
  g_assert_cmpfloat (chart_value (fixture, "Targets", 2060), <,
                     chart_value (fixture, "Trend", 2060));

  click_check (fixture, "Trend");
  g_assert_cmpuint (n_pathway_series (fixture), ==, 2);
  g_assert_true (isnan (chart_value (fixture, "Trend", 2030)));
  click_check (fixture, "Trend");
  g_assert_cmpuint (n_pathway_series (fixture), ==, 3);

  for (guint i = 0; i < 4; i++)
    click_button (fixture, "pathways.new");
  g_assert_cmpuint (count_saved (fixture), ==, 4);
  g_assert_cmpuint (n_pathway_series (fixture), ==, 6);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (shown_check (fixture, "Trend"))) &&
                  !gtk_check_button_get_active (shown_check (fixture, "Trend")));

  /* One of the seven is not drawn, and cannot be ticked until another is
   * unticked. */
  {
    guint unticked = 0;
    GtkListBox *list = _tanlu_pathways_page_get_list (page (fixture));

    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

        if (!gtk_check_button_get_active (check))
          {
            unticked++;
            g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
          }
      }
    g_assert_cmpuint (unticked, ==, 1);
  }

  /* The difference from Trend and its split by sector group */
  {
    TanluChartData *difference = tanlu_chart_view_get_data (
      tanlu_chart_card_get_view (_tanlu_pathways_page_get_difference_card (page (fixture))));
    TanluChartData *wedge = tanlu_chart_view_get_data (
      tanlu_chart_card_get_view (_tanlu_pathways_page_get_wedge_card (page (fixture))));

    g_assert_nonnull (difference);
    g_assert_nonnull (wedge);
    g_assert_cmpuint (wedge->series->len, ==, 6);
  }
}

/* Map: provinces coloured by the Targets preset in 2030, and by its
 * change from 2019; each province's value is its own pathway's. */
static void
test_map_mode (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *map_page = tanlu_test_find_widget (GTK_WIDGET (fixture->window),
                                                TANLU_TYPE_MAP_PAGE);
  TanluChoroplethLayer *layer;
  TanluPathwayLibrary *library = tanlu_context_get_pathways (fixture->context);
  g_autoptr(TanluPathway) sichuan = NULL;
  TanluMapData *map;
  TanluMapRegion *region;

  tanlu_test_pointer_move (GTK_WIDGET (fixture->window), 600, 20);
  tanlu_test_key (GDK_KEY_2, GDK_ALT_MASK);
  g_assert_cmpstr (tanlu_test_visible_view (fixture), ==, "map");
  tanlu_test_wait_for_draw (map_page);

  _tanlu_map_page_show_indicator (TANLU_MAP_PAGE (map_page), "pathway:targets");
  tanlu_map_page_set_year (TANLU_MAP_PAGE (map_page), 2030);
  tanlu_test_wait_for_idle ();

  layer = TANLU_CHOROPLETH_LAYER (_tanlu_map_page_get_layer (TANLU_MAP_PAGE (map_page)));
  map = tanlu_choropleth_layer_get_data (layer);
  sichuan = tanlu_pathway_library_run_preset (library, "510000", TANLU_PRESET_TARGETS, NULL);
  g_assert_nonnull (sichuan);
  region = tanlu_map_data_find_region (map, 510000);
  g_assert_nonnull (region);
  g_assert_cmpuint (tanlu_map_data_get_year (map), ==, 2030);
  g_assert_cmpfloat_with_epsilon (region->value, tanlu_pathway_get (sichuan, TANLU_PATHWAY_CO2,
                                                                    2030),
                                  1e-9);
  /* Tibet has no emissions, so no pathway: no data, not zero. */
  g_assert_true (isnan (tanlu_map_data_find_region (map, 540000)->value));
  {
    g_autofree char *title = tanlu_map_get_title (map, TANLU_CHART_LANGUAGE_ENGLISH);

    g_assert_nonnull (strstr (title, "Targets"));
    g_assert_nonnull (strstr (title, "(projected)"));
  }

  tanlu_map_data_set_change_base (map, 2019);
  g_assert_cmpfloat_with_epsilon (region->value,
                                  tanlu_pathway_get (sichuan, TANLU_PATHWAY_CO2, 2030) /
                                      tanlu_pathway_get (sichuan, TANLU_PATHWAY_CO2, 2019) - 1,
                                  1e-9);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/pathways-page/" path, Fixture, NULL, fixture_set_up, func,                   \
              tanlu_test_window_tear_down)

  ADD ("create-drag-undo-restart", test_create_drag_undo_restart);
  ADD ("compare", test_compare);
  ADD ("map-mode", test_map_mode);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();
  return status;
}
