/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "widgets/tanlu-chart-view-private.h"
#include "app/tanlu-window-private.h"
#include "charts/tanlu-chart-scale.h"
#include "pages/dashboard/tanlu-dashboard-page-private.h"
#include "pages/dashboard/tanlu-dashboard-page.h"
#include "pathways/tanlu-pathway-spec.h"
#include "policy/tanlu-report-card.h"
#include "policy/tanlu-target-text.h"
#include "store/tanlu-indicator.h"
#include "store/tanlu-observation.h"
#include "store/tanlu-region.h"
#include "tanlu-test-input.h"
#include "tanlu-test-util.h"
#include "tanlu-test-window.h"
#include "widgets/tanlu-chart-card-private.h"
#include "widgets/tanlu-chart-card.h"
#include "widgets/tanlu-chart-exportable.h"
#include "widgets/tanlu-export-dialog-private.h"
#include "widgets/tanlu-export-dialog.h"
#include "widgets/tanlu-region-sidebar.h"

/* The dashboard as a planner uses it, on the bundled CEADs figures, in a
 * real window under Xvfb. */

typedef TanluTestWindowFixture Fixture;

static TanluDashboardPage *
dashboard (Fixture *fixture)
{
  GtkWidget *page =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_DASHBOARD_PAGE);

  g_assert_nonnull (page);
  return TANLU_DASHBOARD_PAGE (page);
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

static TanluChartCard *
chart_card (Fixture    *fixture,
            const char *name)
{
  GtkWidget *card = _tanlu_dashboard_page_get_chart (dashboard (fixture), name);

  g_assert_nonnull (card);
  return TANLU_CHART_CARD (card);
}

static TanluChartView *
chart_view (Fixture    *fixture,
            const char *name)
{
  return tanlu_chart_card_get_view (chart_card (fixture, name));
}

static const char *
card_text (Fixture    *fixture,
           const char *name,
           guint       line)
{
  static const char *const names[] = { "caption", "value", "detail" };
  GtkWidget *card = _tanlu_dashboard_page_get_card (dashboard (fixture), name);
  GtkWidget *child;

  g_assert_nonnull (card);
  g_assert_cmpuint (line, <, G_N_ELEMENTS (names));
  child = tanlu_test_find_named (gtk_button_get_child (GTK_BUTTON (card)), names[line]);
  g_assert_true (GTK_IS_LABEL (child));

  return gtk_label_get_text (GTK_LABEL (child));
}

/* Whether the card carries the warning flag of a figure left out or not
 * comparable. */
static gboolean
card_flagged (Fixture    *fixture,
              const char *name)
{
  GtkWidget *card = _tanlu_dashboard_page_get_card (dashboard (fixture), name);

  g_assert_nonnull (card);
  return tanlu_test_find_named (gtk_button_get_child (GTK_BUTTON (card)), "flag") != NULL;
}

static double
value_in (Fixture    *fixture,
          guint       code,
          const char *indicator,
          guint       year)
{
  g_autoptr(GArray) series = tanlu_store_get_series (fixture->store, code, indicator, NULL);

  g_assert_nonnull (series);
  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, TanluSeriesPoint, i).year == year)
      return g_array_index (series, TanluSeriesPoint, i).value;

  g_assert_not_reached ();
}

static char *
mass (double value)
{
  g_autofree char *number = tanlu_chart_format_value (value, TANLU_CHART_LANGUAGE_ENGLISH);

  return g_strdup_printf ("%s Mt CO₂", number);
}

static void
use_unit (Fixture    *fixture,
          const char *unit)
{
  g_settings_set_string (tanlu_application_get_settings (fixture->app), "unit-scale", unit);
  tanlu_test_wait_for_idle ();
}

/* Draws the view's window and waits until the view has its layout. */
static const TanluChartLayout *
drawn_layout (TanluChartView *view)
{
  tanlu_test_wait_for_draw (GTK_WIDGET (view));
  g_assert_nonnull (_tanlu_chart_view_get_layout (view));

  return _tanlu_chart_view_get_layout (view);
}

/* The view as it is on screen, rendered by the window's renderer. */
static GdkTexture *
render_view (TanluChartView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);

  gdk_texture_download (texture, data, width * 4);
  memcpy (&pixel, data + ((gsize) y * width + x) * 4, 4);

  return pixel & 0xffffff;
}

/* ------------------------------------------------------------------------ */

static void
test_cards_for_province (Fixture       *fixture,
                         gconstpointer  data)
{
  double latest = value_in (fixture, 510000, "co2.total", 2019);
  double in_2005 = value_in (fixture, 510000, "co2.total", 2005);
  g_autofree char *latest_text = mass (latest);
  g_autofree char *change = NULL;
  g_autofree char *number = NULL;

  use_unit (fixture, "mt");
  select_region (fixture, "510000");

  g_assert_cmpstr (card_text (fixture, "latest", 0), ==, "CO₂ emissions, 2019");
  g_assert_cmpstr (card_text (fixture, "latest", 1), ==, latest_text);

  number =
    tanlu_chart_format_number ((latest / in_2005 - 1) * 100, 1, TANLU_CHART_LANGUAGE_ENGLISH);
  change = g_strdup_printf ("+%s %%", number);
  g_assert_cmpstr (card_text (fixture, "since-2005", 1), ==, change);

  g_assert_cmpstr (card_text (fixture, "peak", 1), ==, "2013");
  g_assert_nonnull (strstr (card_text (fixture, "peak", 2), "2019 is"));

  /* Sichuan is 13th of the 30 provinces CEADs covers in 2019. */
  g_assert_cmpstr (card_text (fixture, "rank", 0), ==, "Rank among provinces");
  g_assert_cmpstr (card_text (fixture, "rank", 1), ==, "13 / 30");
  g_assert_cmpstr (card_text (fixture, "share", 0), ==, "Share of China");

  /* Among the seven provincial units that share a border with it, Tibet
   * has no inventory: Sichuan is ranked with the other six, and the card
   * is flagged for the one left out. */
  {
    static const guint neighbours[] = { 500000, 520000, 530000, 610000, 620000, 630000 };
    double own = value_in (fixture, 510000, "co2.total", 2019);
    guint higher = 0;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (neighbours); i++)
      higher += value_in (fixture, neighbours[i], "co2.total", 2019) > own;
    expected = g_strdup_printf ("%u / 7", higher + 1);
    g_assert_cmpstr (card_text (fixture, "neighbours", 0), ==, "Rank among neighbours");
    g_assert_cmpstr (card_text (fixture, "neighbours", 1), ==, expected);
    g_assert_nonnull (strstr (card_text (fixture, "neighbours", 2), "6 regions sharing a border"));
    g_assert_true (card_flagged (fixture, "neighbours"));
  }

  /* Every card has its sparkline. */
  for (const char *const *name = (const char *const[]){ "latest", "since-2005", "since-2015",
                                                        "growth", "peak", "share", "rank", NULL };
       *name != NULL; name++)
    g_assert_nonnull (tanlu_test_find_widget (
      _tanlu_dashboard_page_get_card (dashboard (fixture), *name), TANLU_TYPE_CHART_VIEW));

  /* The charts all drew. */
  for (const char *const *name =
         (const char *const[]){ "trend", "ranking", "sector", "fuel", NULL };
       *name != NULL; name++)
    {
      g_assert_null (_tanlu_chart_card_get_message (chart_card (fixture, *name)));
      g_assert_nonnull (tanlu_chart_view_get_data (chart_view (fixture, *name)));
    }
}

static void
test_unit_setting (Fixture       *fixture,
                   gconstpointer  data)
{
  double latest = value_in (fixture, 510000, "co2.total", 2019);
  g_autofree char *number = tanlu_chart_format_value (latest * 100, TANLU_CHART_LANGUAGE_ENGLISH);
  g_autofree char *expected = g_strdup_printf ("%s 万吨 CO₂", number);
  TanluChartData *trend;

  select_region (fixture, "510000");
  use_unit (fixture, "wan-tonnes");

  g_assert_cmpstr (card_text (fixture, "latest", 1), ==, expected);
  trend = tanlu_chart_view_get_data (chart_view (fixture, "trend"));
  g_assert_cmpint (trend->unit_scale, ==, TANLU_CHART_UNIT_SCALE_WAN_TONNES);
}

static void
test_hover_shows_year (Fixture       *fixture,
                       gconstpointer  data)
{
  TanluChartView *view;
  const TanluChartLayout *layout;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  double middle;

  use_unit (fixture, "mt");
  select_region (fixture, "510000");
  view = chart_view (fixture, "trend");
  layout = drawn_layout (view);
  middle = layout->plot_y + layout->plot_height / 2;

  _tanlu_chart_view_hover_at (view, tanlu_chart_layout_x_to_pixel (layout, 2010), middle);
  text = _tanlu_chart_view_get_hover_text (view);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "2010"));
  value = tanlu_chart_format_value (value_in (fixture, 510000, "co2.total", 2010),
                                    TANLU_CHART_LANGUAGE_ENGLISH);
  g_assert_nonnull (strstr (text, "Sichuan"));
  g_assert_nonnull (strstr (text, value));
  g_clear_pointer (&text, g_free);

  /* Nearer 2011 than 2010 picks 2011. */
  _tanlu_chart_view_hover_at (view, tanlu_chart_layout_x_to_pixel (layout, 2010.6), middle);
  text = _tanlu_chart_view_get_hover_text (view);
  g_assert_true (g_str_has_prefix (text, "2011"));
  g_clear_pointer (&text, g_free);

  /* Outside the plot, no tooltip. */
  _tanlu_chart_view_hover_at (view, layout->plot_x + layout->plot_width / 2, layout->plot_y - 5);
  g_assert_null (_tanlu_chart_view_get_hover_text (view));
}

static void
test_legend_hides_series (Fixture       *fixture,
                          gconstpointer  data)
{
  TanluChartView *view;
  const TanluChartLayout *layout;
  TanluChartData *chart;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree char *text = NULL;
  double x = 0, y = 0;
  int line_x, line_y, blank_y;
  gboolean found = FALSE;

  use_unit (fixture, "mt");
  select_region (fixture, "510000");
  tanlu_dashboard_page_add_comparison (dashboard (fixture), "500000");
  tanlu_test_wait_for_idle ();

  view = chart_view (fixture, "trend");
  chart = tanlu_chart_view_get_data (view);
  g_assert_cmpuint (chart->series->len, ==, 2);
  g_assert_cmpstr (((TanluChartSeries *) g_ptr_array_index (chart->series, 1))->label, ==,
                   "Chongqing");

  layout = drawn_layout (view);
  for (guint i = 0; i < layout->boxes->len && !found; i++)
    {
      const TanluChartBox *box = &g_array_index (layout->boxes, TanluChartBox, i);

      if ((box->kind == TANLU_CHART_BOX_END_LABEL || box->kind == TANLU_CHART_BOX_LEGEND_ITEM) &&
          box->index == 1)
        {
          x = box->x + box->width / 2;
          y = box->y + box->height / 2;
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Chongqing's line crosses 2005, well below Sichuan's; above and below it
   * is only the page. */
  line_x = (int) round (tanlu_chart_layout_x_to_pixel (layout, 2005));
  line_y = (int) round (
    tanlu_chart_layout_y_to_pixel (layout, value_in (fixture, 500000, "co2.total", 2005)));
  blank_y = (int) round (tanlu_chart_layout_y_to_pixel (layout, 125));
  before = render_view (view);
  g_assert_cmpuint (pixel_at (before, line_x, line_y), !=, pixel_at (before, line_x, blank_y));

  g_assert_true (_tanlu_chart_view_click_at (view, x, y));
  g_assert_true (((TanluChartSeries *) g_ptr_array_index (chart->series, 1))->hidden);

  layout = drawn_layout (view);
  after = render_view (view);
  g_assert_cmpuint (pixel_at (after, line_x, line_y), ==, pixel_at (after, line_x, blank_y));

  /* Nor does the tooltip list it. */
  _tanlu_chart_view_hover_at (view, tanlu_chart_layout_x_to_pixel (layout, 2005),
                             layout->plot_y + layout->plot_height / 2);
  text = _tanlu_chart_view_get_hover_text (view);
  g_assert_nonnull (strstr (text, "Sichuan"));
  g_assert_null (strstr (text, "Chongqing"));

  /* A second click shows it again. */
  g_assert_true (_tanlu_chart_view_click_at (view, x, y));
  g_assert_false (((TanluChartSeries *) g_ptr_array_index (chart->series, 1))->hidden);
}

static void
test_comparisons_are_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  GSettings *settings = tanlu_application_get_settings (fixture->app);
  g_auto(GStrv) kept = NULL;

  select_region (fixture, "510000");
  tanlu_dashboard_page_add_comparison (dashboard (fixture), "500000");
  tanlu_dashboard_page_add_comparison (dashboard (fixture), "sichuan-chongqing");
  tanlu_dashboard_page_add_comparison (dashboard (fixture), "500000");
  tanlu_test_wait_for_idle ();

  kept = g_settings_get_strv (settings, "comparison-regions");
  g_assert_cmpuint (g_strv_length (kept), ==, 2);
  g_assert_cmpuint (tanlu_chart_view_get_data (chart_view (fixture, "trend"))->series->len, ==, 3);

  /* They stay while the selection moves. */
  select_region (fixture, "440000");
  g_assert_cmpuint (tanlu_chart_view_get_data (chart_view (fixture, "trend"))->series->len, ==, 3);

  /* Removed with the chip's action. */
  gtk_widget_activate_action (GTK_WIDGET (dashboard (fixture)), "dashboard.remove-comparison", "s",
                              "500000");
  tanlu_test_wait_for_idle ();
  g_assert_cmpuint (tanlu_chart_view_get_data (chart_view (fixture, "trend"))->series->len, ==, 2);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
button_is_sensitive (TanluChartCard *card,
                     const char     *action_name)
{
  GtkWidget *button = find_action_button (GTK_WIDGET (card), action_name);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static void
test_city_without_breakdown (Fixture       *fixture,
                             gconstpointer  data)
{
  select_region (fixture, "510100");

  g_assert_null (_tanlu_chart_card_get_message (chart_card (fixture, "trend")));
  g_assert_null (_tanlu_chart_card_get_message (chart_card (fixture, "ranking")));
  g_assert_nonnull (strstr (_tanlu_chart_card_get_message (chart_card (fixture, "sector")),
                            "city inventories give each city’s total only"));
  g_assert_nonnull (strstr (_tanlu_chart_card_get_message (chart_card (fixture, "fuel")),
                            "no breakdown by fuel"));
  /* The message keeps the title of the chart it stands for (read once
   * from a spec already freed). */
  g_assert_cmpstr (_tanlu_chart_card_get_message_title (chart_card (fixture, "sector")), ==,
                   "CO₂ emissions by sector");
  g_assert_cmpstr (_tanlu_chart_card_get_message_title (chart_card (fixture, "fuel")), ==,
                   "CO₂ emissions by fuel");
  g_assert_cmpstr (card_text (fixture, "rank", 0), ==, "Rank among the cities of Sichuan");
  g_assert_cmpstr (card_text (fixture, "share", 0), ==, "Share of Sichuan");

  /* Without a chart there is nothing to copy or export. */
  g_assert_false (button_is_sensitive (chart_card (fixture, "sector"), "chart.export"));
  g_assert_true (button_is_sensitive (chart_card (fixture, "trend"), "chart.export"));
}

static void
test_group_is_a_sum (Fixture       *fixture,
                     gconstpointer  data)
{
  double sum =
    value_in (fixture, 510000, "co2.total", 2019) + value_in (fixture, 500000, "co2.total", 2019);
  g_autofree char *expected = mass (sum);
  TanluChartData *trend;

  use_unit (fixture, "mt");
  select_region (fixture, "sichuan-chongqing");

  g_assert_cmpstr (card_text (fixture, "latest", 1), ==, expected);
  g_assert_nonnull (strstr (card_text (fixture, "latest", 2), "sum of its 2 members"));
  trend = tanlu_chart_view_get_data (chart_view (fixture, "trend"));
  g_assert_nonnull (strstr (((TanluChartSeries *) g_ptr_array_index (trend->series, 0))->label,
                            "sum of 2 members"));

  /* A group is not ranked, its members are. */
  g_assert_null (_tanlu_dashboard_page_get_card (dashboard (fixture), "rank"));
  g_assert_cmpuint (tanlu_chart_view_get_data (chart_view (fixture, "ranking"))->categories->len,
                    ==, 2);
}

static void
test_group_without_complete_year (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *coverage;
  TanluChartData *ranking;

  select_region (fixture, "chengdu-chongqing");

  /* No year has all 16 members, so there is no sum to show on cards. */
  g_assert_null (_tanlu_dashboard_page_get_card (dashboard (fixture), "latest"));

  coverage = tanlu_test_find_widget (GTK_WIDGET (dashboard (fixture)), GTK_TYPE_LABEL);
  for (; coverage != NULL; coverage = gtk_widget_get_next_sibling (coverage))
    if (gtk_widget_has_css_class (coverage, "coverage"))
      break;
  g_assert_nonnull (coverage);
  g_assert_true (gtk_widget_get_visible (coverage));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (coverage)), "Nanchong"));

  /* The trend shows the largest members instead. */
  g_assert_cmpuint (tanlu_chart_view_get_data (chart_view (fixture, "trend"))->series->len, ==, 6);
  /* and says so in the picture itself, which may travel alone */
  g_assert_cmpstr (tanlu_chart_view_get_data (chart_view (fixture, "trend"))->subtitle, ==,
                   "6 of the 16 members drawn, those with the highest latest figures; 13 have "
                   "figures");

  /* 13 members have figures, 12 of them in 2016, the latest year with
   * the most (Ziyang's end in 2013). */
  ranking = tanlu_chart_view_get_data (chart_view (fixture, "ranking"));
  g_assert_cmpint (ranking->highlight, ==, -1);
  g_assert_nonnull (strstr (ranking->title, "2016"));
  g_assert_cmpuint (ranking->categories->len, ==, 12);
}

static void
test_nation_ranks_provinces (Fixture       *fixture,
                             gconstpointer  data)
{
  TanluChartData *ranking;

  select_region (fixture, "100000");

  g_assert_null (_tanlu_dashboard_page_get_card (dashboard (fixture), "share"));
  g_assert_null (_tanlu_dashboard_page_get_card (dashboard (fixture), "rank"));
  ranking = tanlu_chart_view_get_data (chart_view (fixture, "ranking"));
  g_assert_cmpuint (ranking->categories->len, ==, 30);
  g_assert_cmpint (ranking->highlight, ==, -1);
  g_assert_cmpstr (g_ptr_array_index (ranking->categories, 0), ==, "Shandong");
}

static void
test_region_without_figures (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkStack *stack;

  /* CEADs has no inventory for Tibet. */
  select_region (fixture, "540000");

  stack = GTK_STACK (tanlu_test_find_widget (GTK_WIDGET (dashboard (fixture)), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static gboolean
has_layout (gpointer data)
{
  return _tanlu_chart_view_get_layout (data) != NULL;
}

static void
test_charts_drawn_when_in_sight (Fixture       *fixture,
                                 gconstpointer  data)
{
  TanluChartView *fuel;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  select_region (fixture, "510000");
  tanlu_test_wait_for_draw (GTK_WIDGET (fixture->window));

  /* At the bottom of the page, the fuel chart is not drawn at first… */
  fuel = chart_view (fixture, "fuel");
  g_assert_null (_tanlu_chart_view_get_layout (fuel));

  /* …but as soon as it is scrolled to. */
  scrolled =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (fuel), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (fuel), GTK_WIDGET (scrolled), &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
  tanlu_test_wait_until (has_layout, fuel);
}

static void
on_texture_read_cb (GObject      *clipboard,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_copy_chart (Fixture       *fixture,
                 gconstpointer  data)
{
  TanluChartCard *card;
  g_autoptr(GdkTexture) texture = NULL;

  select_region (fixture, "510000");
  card = chart_card (fixture, "trend");
  drawn_layout (tanlu_chart_card_get_view (card));

  /* A slide-sized picture, the export default. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "chart.copy", NULL));
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (card)), NULL,
                                    on_texture_read_cb, &texture);
  tanlu_test_wait_until (is_set, &texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);
}

static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TanluExportable) exportable = NULL;
  TanluChartCard *card;
  TanluExportDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "trend.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "trend.svg", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "trend.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TanluChartSpec) spec = NULL;

  select_region (fixture, "510000");
  card = chart_card (fixture, "trend");
  drawn_layout (tanlu_chart_card_get_view (card));

  exportable =
    tanlu_chart_exportable_new (fixture->store, tanlu_chart_card_get_spec (card),
                                tanlu_chart_view_get_data (tanlu_chart_card_get_view (card)));
  dialog = tanlu_export_dialog_present (GTK_WINDOW (fixture->window), exportable, 800, 400);
  g_assert_nonnull (dialog);

  _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_PNG, TANLU_EXPORT_SIZE_3840X2160);
  g_assert_true (_tanlu_export_dialog_save (dialog, png, &error));
  g_assert_no_error (error);
  tanlu_test_assert_png_size (png, 3840, 2160);

  _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_PNG, TANLU_EXPORT_SIZE_SHOWN_2X);
  g_assert_true (_tanlu_export_dialog_save (dialog, png, &error));
  tanlu_test_assert_png_size (png, 1600, 800);

  _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_SVG, TANLU_EXPORT_SIZE_1600X1200);
  g_assert_true (_tanlu_export_dialog_save (dialog, svg, &error));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "1600"));
  g_clear_pointer (&contents, g_free);

  /* The chart's description reads back as the same chart. */
  _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_JSON, TANLU_EXPORT_SIZE_1920X1080);
  g_assert_true (_tanlu_export_dialog_save (dialog, json, &error));
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  spec = tanlu_chart_spec_new_from_json (contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spec->series->len, ==, 1);
  g_assert_cmpint (spec->width, ==, 1920);
  g_assert_cmpint (spec->height, ==, 1080);

  /* A folder that does not exist is named in the error. */
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "trend.png", NULL);

    _tanlu_export_dialog_choose (dialog, TANLU_EXPORT_FORMAT_PNG, TANLU_EXPORT_SIZE_1920X1080);
    g_assert_false (_tanlu_export_dialog_save (dialog, missing, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "no-such-folder"));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* All the text of the labels under a widget, one per line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
} CardRef;

static gboolean
popover_shown (gpointer data)
{
  CardRef *ref = data;
  GtkWidget *popover = _tanlu_dashboard_page_get_card_popover (dashboard (ref->fixture), ref->name);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (data);
}

/* Clicks a figure card with the real pointer and returns the text of the
 * popover it opens, then closes it with Escape. */
static char *
open_card (Fixture    *fixture,
           const char *name)
{
  GtkWidget *card = _tanlu_dashboard_page_get_card (dashboard (fixture), name);
  g_autoptr(GString) text = g_string_new (NULL);
  CardRef ref = { fixture, name };

  g_assert_nonnull (card);
  tanlu_test_wait_for_draw (card);

  tanlu_test_click (card, gtk_widget_get_width (card) / 2.0, gtk_widget_get_height (card) / 2.0,
                    1);
  tanlu_test_wait_until (popover_shown, &ref);
  /* The card's tooltip, which says what opening it shows, is not shown
   * over the open popover, and is back once it closes */
  g_assert_false (gtk_widget_get_has_tooltip (card));
  collect_text (_tanlu_dashboard_page_get_card_popover (dashboard (fixture), name), text);
  tanlu_test_key (GDK_KEY_Escape, 0);
  tanlu_test_wait_until (popover_hidden, &ref);
  g_assert_true (gtk_widget_get_has_tooltip (card));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 莱芜 merged into 济南 in 2019, 巢湖 was divided in 2011: a change is
 * computed on today's territory or not at all, and each card says where
 * its figure comes from. */
static void
test_figures_explained (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *latest = NULL;
  g_autofree char *since = NULL;
  g_autofree char *share = NULL;

  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  use_unit (fixture, "mt");
  select_region (fixture, "370100");

  g_assert_nonnull (strstr (card_text (fixture, "since-2015", 2), "today’s territory"));
  g_assert_nonnull (strstr (card_text (fixture, "since-2015", 2), "Laiwu"));
  g_assert_false (card_flagged (fixture, "since-2015"));

  latest = open_card (fixture, "latest");
  g_test_message ("%s", latest);
  g_assert_true (g_str_has_prefix (latest, "Figure\nJinan, 2019: "));
  g_assert_nonnull (strstr (latest, "cities_1997-2019.xlsx, sheet emission vector, cell D"));

  since = open_card (fixture, "since-2015");
  g_test_message ("%s", since);
  g_assert_nonnull (strstr (since, "E2019 ÷ E2015 − 1"));
  /* Both territories' figures for 2015 are listed. */
  g_assert_nonnull (strstr (since, "Laiwu"));

  share = open_card (fixture, "share");
  g_test_message ("%s", share);
  g_assert_nonnull (strstr (share, "Denominator"));

  /* A city of another province: the sidebar expands it, and the rows it
   * inserts do not select the former city again. */
  select_region (fixture, "340100");
  g_assert_cmpuint (tanlu_region_get_code (tanlu_context_get_region (fixture->context)), ==,
                    340100);
  g_assert_cmpstr (card_text (fixture, "since-2005", 1), ==, "—");
  g_assert_true (card_flagged (fixture, "since-2005"));
  g_assert_nonnull (strstr (card_text (fixture, "since-2005", 2), "Not comparable"));
  g_assert_nonnull (strstr (card_text (fixture, "since-2005", 2), "Chaohu"));
  g_assert_false (card_flagged (fixture, "since-2015"));
}

static gboolean
import_finished (gpointer data)
{
  Fixture *fixture = data;

  return !_tanlu_window_is_importing (fixture->window);
}

/* A figure a planner imports carries its file and line to the card's
 * popover, the Data page and the exported CSV. Tibet has no CEADs
 * inventory; the figure is made up. */
static void
test_provenance_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = tanlu_test_write_file (fixture->dir, "fixture-tibet.csv",
                                                 "region_code,indicator,year,value,unit\n"
                                                 "540000,co2.total,2018,11.5,Mt CO₂\n"
                                                 "540000,co2.total,2019,12.26,Mt CO₂\n", -1);
  const char *paths[] = { path, NULL };
  g_autofree char *popover = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  use_unit (fixture, "mt");
  _tanlu_window_import_files (fixture->window, paths);
  tanlu_test_wait_until (import_finished, fixture);
  tanlu_test_wait_for_idle ();

  select_region (fixture, "540000");
  g_assert_cmpstr (card_text (fixture, "latest", 1), ==, "12.3 Mt CO₂");

  popover = open_card (fixture, "latest");
  g_test_message ("%s", popover);
  g_assert_nonnull (strstr (popover, "Tibet, 2019: 12.3 Mt CO₂"));
  expected = g_strdup ("Read from fixture-tibet.csv, line 3\nImported ");
  g_assert_nonnull (strstr (popover, expected));
  g_assert_nonnull (strstr (popover, path));

  /* The store row the Data page shows keeps the same. */
  rows = tanlu_store_list_observations (fixture->store,
                                        tanlu_store_lookup_region (fixture->store, 540000), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TanluObservation) row = g_list_model_get_item (rows, i);

      if (tanlu_observation_get_year (row) == 2019 &&
          g_str_equal (tanlu_indicator_get_code (tanlu_observation_get_indicator (row)),
                       "co2.total"))
        {
          g_autofree char *where = tanlu_origin_describe (tanlu_observation_get_origin (row), FALSE);

          g_assert_cmpstr (where, ==, "fixture-tibet.csv, line 3");
          g_assert_cmpstr (tanlu_observation_get_import_path (row), ==, path);
          g_assert_nonnull (tanlu_observation_get_imported_at (row));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static gboolean
row_expanded (gpointer data)
{
  return adw_expander_row_get_expanded (ADW_EXPANDER_ROW (data));
}

/* A region's targets with the plans that set them; one opened shows the
 * plan's sentence with the quote marked. A city without a plan of its own
 * shows its province's, and says so. */
static void
test_targets_list (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkListBox *list;
  GtkListBoxRow *row = NULL;
  GtkWidget *context;
  const char *heading = NULL;
  const char *body;
  guint n_rows = 0;

  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  select_region (fixture, "510000");
  list = _tanlu_dashboard_page_get_targets (dashboard (fixture), &heading);
  g_assert_nonnull (list);
  g_assert_cmpstr (heading, ==, "Targets in the plans");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
        const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (child));

        n_rows++;
        /* 四川's peak target, from its own plan */
        if (row == NULL && g_str_equal (title, "CO₂ emissions peak") && strstr (subtitle, "2030"))
          row = GTK_LIST_BOX_ROW (child);
      }
  g_assert_cmpuint (n_rows, ==, 12);
  g_assert_nonnull (row);

  /* Focused, which scrolls it into sight below the charts, and opened
   * with the real Enter key: the plan's sentence, the quote marked, and
   * its place in the seed */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD));
  tanlu_test_wait_for_draw (GTK_WIDGET (row));
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (row_expanded, row);
  context = tanlu_test_find_named (GTK_WIDGET (row), "context");
  g_assert_nonnull (context);
  body = gtk_label_get_label (GTK_LABEL (context));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "<b><u>到2030年,经济社会发展全面绿色转型"));
  g_assert_nonnull (strstr (body, "二氧化碳排放量达到峰值</u></b>并实现稳中有降。"));
  g_assert_nonnull (strstr (body, "004_a895838ed2e4cd84.txt, from character 310870"));
  g_assert_true (gtk_widget_get_mapped (context));

  /* 自贡 has no plan in the compilation: Sichuan's, for context */
  select_region (fixture, "510300");
  list = _tanlu_dashboard_page_get_targets (dashboard (fixture), &heading);
  g_assert_nonnull (list);
  g_assert_cmpstr (heading, ==, "Targets in the plans of Sichuan, for context");
}

static gboolean
region_is_sichuan (gpointer data)
{
  Fixture *fixture = data;
  TanluRegion *region = tanlu_context_get_region (fixture->context);

  return region != NULL && tanlu_region_get_code (region) == 510000;
}

static gboolean
search_shows_one (gpointer data)
{
  GtkWidget *list = tanlu_test_find_widget (GTK_WIDGET (data), GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

  return g_list_model_get_n_items (model) == 1;
}

static const char *
report_text (GtkWidget  *row,
             const char *name)
{
  GtkWidget *label = tanlu_test_find_named (row, name);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The rows of the report card against the core's items for the region:
 * every target the figures speak to, in order, with the same texts. */
static void
assert_report_rows (Fixture   *fixture,
                    GPtrArray *items)
{
  GtkListBox *list = _tanlu_dashboard_page_get_report (dashboard (fixture));
  GtkWidget *row;
  guint n_checked = 0;

  g_assert_nonnull (list);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  for (guint i = 0; i < items->len; i++)
    {
      const TanluReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      g_autofree char *title = NULL;
      guint n_pathways = 0;

      if (!tanlu_report_item_has_figures (item))
        continue;

      g_assert_nonnull (row);
      name = tanlu_target_indicator_name (item->target->indicator, FALSE);
      value = tanlu_target_describe (item->target, FALSE);
      title = g_strdup_printf ("%s: %s", name, value);
      g_assert_cmpstr (report_text (row, "title"), ==, title);
      g_assert_cmpstr (report_text (row, "status"), ==, item->status_en);
      g_assert_cmpstr (report_text (row, "needed"), ==, item->needed_en);
      g_assert_cmpstr (report_text (row, "sources"), ==, item->sources_en);
      g_assert_nonnull (strstr (report_text (row, "quote"), item->target->quote));
      g_assert_true ((tanlu_test_find_named (row, "reference") != NULL) == item->reference);
      for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (
             GTK_LIST_BOX_ROW (row)));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *line = tanlu_test_find_named (child, "pathway");
          const TanluReportPathway *entry;
          g_autofree char *expected = NULL;

          if (line == NULL)
            continue;
          g_assert_cmpuint (n_pathways, <, item->pathways->len);
          entry = g_ptr_array_index (item->pathways, n_pathways++);
          expected = g_strdup_printf ("%s: %s", entry->name,
                                      tanlu_pathway_check_get_summary (entry->check, FALSE));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (line)), ==, expected);
        }
      g_assert_cmpuint (n_pathways, ==, item->pathways->len);
      n_checked++;
      row = gtk_widget_get_next_sibling (row);
    }
  g_assert_null (row);
  g_assert_cmpuint (n_checked, >, 0);
}

/* Sichuan chosen as a user does, by typing its code in the sidebar's
 * search and pressing Enter: the report card lists the targets the
 * figures speak to as the core computes them; the CO₂-intensity targets
 * are the nation's, for reference, with the plan's words; the 2020 base
 * year is after the data and no figure is claimed for it. A pathway
 * saved for Sichuan then shows in each row, met or missed. */
static void
test_report_card (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *sidebar =
    tanlu_test_find_widget (GTK_WIDGET (fixture->window), TANLU_TYPE_REGION_SIDEBAR);
  GtkWidget *entry = tanlu_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY);
  TanluPathwayLibrary *library = tanlu_context_get_pathways (fixture->context);
  g_autoptr(TanluPathwaySpec) spec = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) with_pathway = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list;
  guint n_intensity = 0;

  tanlu_test_input_init (GTK_WIDGET (fixture->window));
  g_assert_false (region_is_sichuan (fixture));
  tanlu_test_wait_for_draw (entry);
  tanlu_test_click (entry, gtk_widget_get_width (entry) / 2.0,
                    gtk_widget_get_height (entry) / 2.0, 1);
  for (const char *digit = "510000"; *digit != '\0'; digit++)
    tanlu_test_key (GDK_KEY_0 + (*digit - '0'), 0);
  /* The search waits for typing to pause before it filters. */
  tanlu_test_wait_until (search_shows_one, sidebar);
  tanlu_test_key (GDK_KEY_Return, 0);
  tanlu_test_wait_until (region_is_sichuan, fixture);
  tanlu_test_wait_for_idle ();

  items = tanlu_report_card_build_for_library (library, 510000, &error);
  g_assert_no_error (error);
  assert_report_rows (fixture, items);

  list = _tanlu_dashboard_page_get_report (dashboard (fixture));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *title = report_text (row, "title");

      if (!g_str_has_prefix (title, "CO₂ per unit of GDP"))
        continue;
      n_intensity++;
      g_assert_nonnull (tanlu_test_find_named (row, "reference"));
      g_assert_nonnull (strstr (report_text (row, "quote"), "单位国内生产总值二氧化碳排放比"));
      if (strstr (title, "from 2020") != NULL)
        {
          /* No figure for 2020, a year without emissions */
          g_assert_nonnull (strstr (report_text (row, "status"), "Not checkable"));
          g_assert_nonnull (strstr (report_text (row, "status"), "(2019)"));
          g_assert_nonnull (strstr (report_text (row, "needed"), "2020→2025"));
        }
      else
        {
          g_assert_nonnull (strstr (report_text (row, "status"), "in 2019"));
          g_assert_nonnull (strstr (report_text (row, "status"), "projection"));
          g_assert_nonnull (strstr (report_text (row, "needed"), "2019→2030"));
          g_assert_nonnull (strstr (report_text (row, "sources"), "GCAM-China"));
        }
    }
  g_assert_cmpuint (n_intensity, ==, 2);

  /* A pathway saved for Sichuan reaches the card. */
  spec = tanlu_pathway_spec_new ("Test – Sichuan trend", "510000");
  tanlu_pathway_spec_set_parent (spec, "trend");
  g_assert_true (tanlu_pathway_library_save (library, spec, &error));
  g_assert_no_error (error);
  tanlu_test_wait_for_idle ();
  with_pathway = tanlu_report_card_build_for_library (library, 510000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < with_pathway->len; i++)
    {
      const TanluReportItem *item = g_ptr_array_index (with_pathway, i);

      if (tanlu_report_item_has_figures (item))
        g_assert_cmpuint (item->pathways->len, ==, 1);
    }
  assert_report_rows (fixture, with_pathway);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The assertions read English labels and numbers. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  tanlu_test_window_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add ("/tanlu/dashboard/" path, Fixture, NULL, tanlu_test_window_set_up, func,             \
              tanlu_test_window_tear_down)

  ADD ("cards-for-province", test_cards_for_province);
  ADD ("unit-setting", test_unit_setting);
  ADD ("hover-shows-year", test_hover_shows_year);
  ADD ("legend-hides-series", test_legend_hides_series);
  ADD ("comparisons-are-kept", test_comparisons_are_kept);
  ADD ("city-without-breakdown", test_city_without_breakdown);
  ADD ("group-is-a-sum", test_group_is_a_sum);
  ADD ("group-without-complete-year", test_group_without_complete_year);
  ADD ("nation-ranks-provinces", test_nation_ranks_provinces);
  ADD ("region-without-figures", test_region_without_figures);
  ADD ("charts-drawn-when-in-sight", test_charts_drawn_when_in_sight);
  ADD ("copy-chart", test_copy_chart);
  ADD ("export-dialog", test_export_dialog);
  ADD ("figures-explained", test_figures_explained);
  ADD ("provenance-round-trip", test_provenance_round_trip);
  ADD ("targets-list", test_targets_list);
  ADD ("report-card", test_report_card);

#undef ADD

  status = g_test_run ();
  tanlu_test_window_shutdown ();

  return status;
}
