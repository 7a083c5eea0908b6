/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "app/tanlu-application.h"
#include "app/tanlu-window-private.h"
#include "app/tanlu-window.h"
#include "pages/dashboard/tanlu-dashboard-page.h"
#include "pages/data/tanlu-data-page-private.h"
#include "pages/data/tanlu-data-page.h"
#include "pages/map/tanlu-map-page.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-observation.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "widgets/tanlu-context.h"
#include "widgets/tanlu-region-sidebar.h"

typedef TanluTestWindowFixture Fixture;

static GtkWidget *
sidebar_widget (Fixture *fixture,
                GType    type)
{
  GtkWidget *sidebar =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_REGION_SIDEBAR);

  g_assert_nonnull (sidebar);
  return tanlu_test_find_widget (sidebar, type);
}

static GListModel *
data_rows (Fixture *fixture)
{
  TanluDataPage *page =
    TANLU_DATA_PAGE (tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_DATA_PAGE));

  g_assert_nonnull (page);
  return _tanlu_data_page_get_model (page);
}

static void
assert_rows_of (Fixture *fixture,
                guint    code,
                guint    expected_rows)
{
  GListModel *rows = data_rows (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected_rows);
  for (guint i = 0; i < expected_rows; i++)
    {
      g_autoptr(TanluObservation) observation = g_list_model_get_item (rows, i);

      g_assert_cmpuint (tanlu_region_get_code (tanlu_observation_get_region (observation)), ==,
                        code);
    }
}

static void
test_opens_on_bundled_data (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *rows = data_rows (fixture);
  g_autoptr(TanluObservation) first = g_list_model_get_item (rows, 0);
  GtkWidget *sidebar_list = sidebar_widget (fixture, GTK_TYPE_LIST_VIEW);
  GListModel *sidebar_rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (sidebar_list)));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));

  /* The nation, with the total first, straight from the bundled data. */
  g_assert_cmpuint (tanlu_region_get_code (tanlu_context_get_region (fixture->context)), ==,
                    100000);
  /* CEADs: 23 years of 69 indicators; GCAM-China: GDP 1978–2100 and
   * population 1975–2100 */
  assert_rows_of (fixture, 100000, 23 * (69 - 3) + 123 + 126);
  g_assert_cmpstr (tanlu_indicator_get_code (tanlu_observation_get_indicator (first)), ==,
                   "co2.total");
  g_assert_cmpuint (tanlu_observation_get_year (first), ==, 1997);

  /* Nation, the two groups and the 34 provinces, collapsed. */
  g_assert_cmpuint (g_list_model_get_n_items (sidebar_rows), ==, 37);
}

static gboolean
region_is (gpointer data)
{
  Fixture *fixture = data;
  TanluRegion *region = tanlu_context_get_region (fixture->context);

  return region != NULL &&
         tanlu_region_get_code (region) ==
           GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->window), "wanted"));
}

static void
test_select_sichuan_in_sidebar (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *list = sidebar_widget (fixture, GTK_TYPE_LIST_VIEW);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (selection));
  guint sichuan = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autoptr(TanluRegion) region = gtk_tree_list_row_get_item (row);

      if (g_str_equal (tanlu_region_get_name_en (region), "Sichuan"))
        sichuan = i;
    }
  g_assert_cmpuint (sichuan, !=, GTK_INVALID_LIST_POSITION);

  /* What a click on the row does. */
  gtk_single_selection_set_selected (selection, sichuan);
  g_object_set_data (G_OBJECT (fixture->window), "wanted", GUINT_TO_POINTER (510000));
  tanlu_test_wait_until (region_is, fixture);

  /* CEADs without its placeholder columns (scope 2 heat and electricity,
   * other energy: zero everywhere, stored as missing) */
  assert_rows_of (fixture, 510000, 23 * (69 - 3) + 126 + 126);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), "Sichuan"));
}

static void
test_search_selects_region (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *entry = sidebar_widget (fixture, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *list = sidebar_widget (fixture, GTK_TYPE_LIST_VIEW);
  GListModel *rows;

  /* A city by its Chinese name: the search shows it, Enter opens it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "成都");
  g_signal_emit_by_name (entry, "search-changed");
  tanlu_test_wait_for_idle ();

  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  g_signal_emit_by_name (entry, "activate");
  g_object_set_data (G_OBJECT (fixture->window), "wanted", GUINT_TO_POINTER (510100));
  tanlu_test_wait_until (region_is, fixture);
  assert_rows_of (fixture, 510100, 17);

  /* Clearing the search brings the tree back with the city selected inside
   * its expanded province. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  tanlu_test_wait_for_idle ();
  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 37 + 21);
  {
    g_autoptr(GtkTreeListRow) row =
      gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)) != NULL
        ? g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)))
        : NULL;
    g_autoptr(TanluRegion) selected = NULL;

    g_assert_nonnull (row);
    selected = gtk_tree_list_row_get_item (row);
    g_assert_cmpuint (tanlu_region_get_code (selected), ==, 510100);
  }
}

static void
test_group_shows_members (Fixture       *fixture,
                          gconstpointer  data)
{
  TanluRegion *group = tanlu_store_lookup_region_by_key (fixture->store, "chengdu-chongqing");
  GListModel *rows;
  guint n_rows;
  const guint *members;
  guint n_members;

  tanlu_context_set_region (fixture->context, group);
  tanlu_test_wait_for_idle ();

  rows = data_rows (fixture);
  n_rows = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_rows, >, 100);
  members = tanlu_region_get_member_codes (group, &n_members);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(TanluObservation) observation = g_list_model_get_item (rows, i);
      guint code = tanlu_region_get_code (tanlu_observation_get_region (observation));
      gboolean is_member = FALSE;

      for (guint m = 0; m < n_members; m++)
        if (members[m] == code)
          is_member = TRUE;
      g_assert_true (is_member);
    }
}

static gboolean
import_finished (gpointer data)
{
  Fixture *fixture = data;

  return !_tanlu_window_is_importing (fixture->window);
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

static void
test_import_from_window (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *good = tanlu_test_write_file (fixture->dir, "fixture-energy.csv",
                                                 "region_code,indicator,year,value,unit\n"
                                                 "100000,fixture.energy,2019,4870.0,Mtce\n", -1);
  g_autofree char *bad = tanlu_test_write_file (fixture->dir, "fixture-broken.csv",
                                                "region_code,indicator,year,value\n"
                                                "100000,co2.total,2019,many\n", -1);
  const char *paths[] = { good, bad, NULL };
  g_autofree char *before = NULL;
  GtkWindow *dialog;
  GListModel *rows;
  guint n_before;

  rows = data_rows (fixture);
  n_before = g_list_model_get_n_items (rows);

  _tanlu_window_import_files (fixture->window, paths);
  g_assert_true (_tanlu_window_is_importing (fixture->window));
  tanlu_test_wait_until (import_finished, fixture);
  tanlu_test_wait_for_idle ();

  /* The good file landed and the page shows it… */
  rows = data_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_before + 1);

  /* …the bad one is explained, naming the file and line, and left nothing. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  before = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (before, "Not Imported"));
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *label = tanlu_test_find_widget (extra, GTK_TYPE_LABEL);
    const char *text = gtk_label_get_text (GTK_LABEL (label));

    g_assert_nonnull (strstr (text, "fixture-broken.csv"));
    g_assert_nonnull (strstr (text, "line 2"));
  }
  gtk_window_destroy (dialog);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) totals = tanlu_store_get_series (fixture->store, 100000, "co2.total", &error);

    g_assert_cmpfloat (g_array_index (totals, TanluSeriesPoint, 22).value, ==, 9794.7563966404323);
  }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The pages show the window's context, and their options are the user's
 * settings both ways; a property notifies only when it changes. */
static void
test_pages_follow_settings (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = tanlu_application_get_settings (fixture->app);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  TanluDashboardPage *dashboard =
    TANLU_DASHBOARD_PAGE (tanlu_test_find_widget (window, TANLU_TYPE_DASHBOARD_PAGE));
  TanluMapPage *map = TANLU_MAP_PAGE (tanlu_test_find_widget (window, TANLU_TYPE_MAP_PAGE));
  TanluMapOptions *options = tanlu_map_page_get_options (map);
  const GType views[] = {
    TANLU_TYPE_DASHBOARD_PAGE, TANLU_TYPE_MAP_PAGE, TANLU_TYPE_DATA_PAGE, TANLU_TYPE_REGION_SIDEBAR,
  };
  g_autofree char *unit_scale = NULL;
  g_auto(GStrv) comparisons = NULL;
  guint unit_notifies = 0;
  guint comparison_notifies = 0;
  guint classes_notifies = 0;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (tanlu_context_view_get_context (TANLU_CONTEXT_VIEW (tanlu_test_find_widget (window, views[i])))
                   == fixture->context);

  g_signal_connect (dashboard, "notify::unit-scale", G_CALLBACK (count_notify_cb), &unit_notifies);
  g_signal_connect (dashboard, "notify::comparisons", G_CALLBACK (count_notify_cb), &comparison_notifies);
  g_signal_connect (options, "notify::classes", G_CALLBACK (count_notify_cb), &classes_notifies);

  g_settings_set_string (settings, "unit-scale", "yi-tonnes");
  g_object_get (dashboard, "unit-scale", &unit_scale, NULL);
  g_assert_cmpstr (unit_scale, ==, "yi-tonnes");
  g_assert_cmpuint (unit_notifies, ==, 1);
  g_settings_set_string (settings, "unit-scale", "yi-tonnes");
  tanlu_dashboard_page_set_unit_scale (dashboard, "yi-tonnes");
  g_assert_cmpuint (unit_notifies, ==, 1);

  tanlu_dashboard_page_add_comparison (dashboard, "510000");
  comparisons = g_settings_get_strv (settings, "comparison-regions");
  g_assert_cmpstrv (comparisons, ((const char * const[]) { "510000", NULL }));
  g_assert_cmpuint (comparison_notifies, ==, 1);
  tanlu_dashboard_page_add_comparison (dashboard, "510000");
  g_assert_cmpuint (comparison_notifies, ==, 1);
  tanlu_dashboard_page_remove_comparison (dashboard, "510000");
  g_assert_cmpuint (comparison_notifies, ==, 2);
  g_assert_null (tanlu_dashboard_page_get_comparisons (dashboard)[0]);

  g_settings_set_int (settings, "map-classes", 7);
  g_assert_cmpuint (tanlu_map_options_get_classes (options), ==, 7);
  g_assert_cmpuint (classes_notifies, ==, 1);
  g_object_set (options, "classes", 7, NULL);
  g_assert_cmpuint (classes_notifies, ==, 1);
  g_object_set (options, "classes", 4, NULL);
  g_assert_cmpint (g_settings_get_int (settings, "map-classes"), ==, 4);
  g_assert_cmpuint (classes_notifies, ==, 2);

  g_settings_reset (settings, "map-classes");
  g_settings_reset (settings, "unit-scale");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/window/" path, Fixture, NULL, tanlu_test_window_set_up, func,                \
              tanlu_test_window_tear_down)

  ADD ("opens-on-bundled-data", test_opens_on_bundled_data);
  ADD ("select-sichuan-in-sidebar", test_select_sichuan_in_sidebar);
  ADD ("search-selects-region", test_search_selects_region);
  ADD ("group-shows-members", test_group_shows_members);
  ADD ("import-from-window", test_import_from_window);
  ADD ("pages-follow-settings", test_pages_follow_settings);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();

  return status;
}
