/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-choropleth-layer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tanlu-choropleth-layer-private.h"
#include "charts/tanlu-chart.h"
#include "geo/tanlu-projection.h"
#include "map/tanlu-classify.h"
#include "map/tanlu-map-region-cache.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"

#include <math.h>

/* The regions of a map coloured by their class, over the basemap tiles,
 * with their names, the legend, and a tooltip for the region under the
 * pointer. Every frame is drawn whole from the projected regions with the
 * same code that draws exported maps; the viewport says which part of the
 * world the frame shows.
 *
 * The layer takes the pointer only over a region (its `contains`), so
 * that the map under it still pans and zooms from the sea and from the
 * events the layer lets bubble up. It takes the keyboard focus: the arrow
 * keys select the neighbouring region that way, Enter opens the selected
 * region and Escape goes back. Screen readers are told the indicator, the
 * year, the selected region with its value and class, and the classes. */

#define LEGEND_MARGIN 12
#define CONTROLS_TOP 64
#define CONTROLS_RIGHT 64
#define CONTROLS_BOTTOM 72
#define TOOLTIP_PADDING 8
#define TOOLTIP_OFFSET 16
#define SPARKLINE_WIDTH 160
#define SPARKLINE_HEIGHT 36

/* How far from an arrow's direction a neighbour may lie and still be the
 * one that arrow goes to, in degrees. */
#define NEIGHBOUR_MAX_ANGLE 60

struct _TanluChoroplethLayer
{
  ShumateLayer     parent_instance;

  TanluMapData    *data;
  TanluMapStyle    style;
  char            *font;
  TanluMapRegion  *hovered;
  double           pointer_x;
  double           pointer_y;
  double           press_x;
  double           press_y;

  /* Where markers stand, in world coordinates, for names to keep clear
   * of, and how far in pixels. */
  GArray          *keep_clear;
  double           keep_clear_radius;

  /* The regions as last drawn, copied while the map only moves; while
   * the zoom changes, scaled until it settles. The next image is drawn in
   * a worker thread, ahead of the view and after a zoom. */
  TanluMapRegionCache *region_cache;
  GCancellable        *preparing;
  double               last_zoom;
  gint64               zoom_changed_at;
  guint                settle_source;
};

G_DEFINE_FINAL_TYPE (TanluChoroplethLayer, tanlu_choropleth_layer, SHUMATE_TYPE_LAYER)

enum {
  REGION_ACTIVATED,
  REGION_OPENED,
  REGION_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static TanluChartColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (TanluChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* Text, page colours and the dark style come from the desktop. */
static void
apply_desktop_style (TanluChoroplethLayer *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  GdkRGBA background, foreground;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->style.custom_colors = TRUE;
  self->style.background = color_from_rgba (&background);
  self->style.foreground = color_from_rgba (&foreground);
  self->style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font_name);
      double size = pango_font_description_get_size (description) / (double) PANGO_SCALE;

      g_free (self->font);
      self->font = g_strdup (pango_font_description_get_family (description));
      self->style.font = self->font;
      if (size > 0)
        self->style.font_size = pango_font_description_get_size_is_absolute (description)
                                ? size * 0.9 : size * 96.0 / 72.0 * 0.9;
    }
}

/**
 * tanlu_choropleth_layer_get_view:
 * @view: (out): the part of the world the layer shows
 */
void
tanlu_choropleth_layer_get_view (TanluChoroplethLayer *self,
                                 TanluMapView         *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double centre_x, centre_y;

  tanlu_mercator_project (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                          shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                          &centre_x, &centre_y);

  view->projection = TANLU_PROJECTION_WEB_MERCATOR;
  view->width = gtk_widget_get_width (GTK_WIDGET (self));
  view->height = gtk_widget_get_height (GTK_WIDGET (self));
  view->scale = 256 * pow (2, zoom);
  view->x = centre_x - view->width / 2 / view->scale;
  view->y = centre_y - view->height / 2 / view->scale;
}

/**
 * _tanlu_choropleth_layer_region_at:
 *
 * Returns: (transfer none) (nullable): the region at a point of the layer
 */
TanluMapRegion *
_tanlu_choropleth_layer_region_at (TanluChoroplethLayer *self,
                                  double                x,
                                  double                y)
{
  TanluMapView view;

  g_return_val_if_fail (TANLU_IS_CHOROPLETH_LAYER (self), NULL);

  if (self->data == NULL)
    return NULL;

  tanlu_choropleth_layer_get_view (self, &view);

  return tanlu_map_data_hit (self->data, view.x + x / view.scale, view.y + y / view.scale);
}

static void
set_hovered (TanluChoroplethLayer *self,
             TanluMapRegion       *region)
{
  if (self->hovered == region)
    return;

  self->hovered = region;
  self->style.hovered = region != NULL ? tanlu_region_get_code (region->region) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Tooltip */

static const char *
region_name (TanluChoroplethLayer *self,
             TanluMapRegion       *region)
{
  return self->style.language == TANLU_CHART_LANGUAGE_CHINESE
           ? tanlu_region_get_name_zh (region->region)
           : tanlu_region_get_name_en (region->region);
}

static char *
describe_hovered (TanluChoroplethLayer *self,
                  gboolean              markup)
{
  TanluMapRegion *region = self->hovered;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  const char *note;
  guint rank;
  GString *text;

  if (region == NULL || self->data == NULL)
    return NULL;

  name = markup ? g_markup_escape_text (region_name (self, region), -1)
                : g_strdup (region_name (self, region));
  value = tanlu_map_describe_value (self->data, &self->style, region->value);
  rank = tanlu_map_data_get_rank (self->data, region);

  note = tanlu_map_data_get_note (self->data, region);

  text = g_string_new (NULL);
  g_string_append_printf (text, markup ? "<b>%s</b>\n%s" : "%s\n%s", name, value);
  /* A target's words say more than its rank among the others. */
  if (note != NULL)
    {
      g_autofree char *escaped = markup ? g_markup_escape_text (note, -1) : g_strdup (note);

      g_string_append_printf (text, "\n%s", escaped);
    }
  else if (rank > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: a region's rank on the map, “Rank 13 of 30” */
      g_string_append_printf (text, _("Rank %u of %u"), rank,
                              tanlu_map_data_get_n_ranked (self->data));
    }

  return g_string_free (text, FALSE);
}

static void
draw_sparkline (TanluChoroplethLayer *self,
                cairo_t              *cr,
                double                x,
                double                y)
{
  GArray *points = tanlu_map_data_get_series (self->data, self->hovered);
  g_autoptr(TanluChartData) chart = NULL;
  TanluChartSeries *series;
  double factor = 1;

  if (points == NULL || points->len < 2)
    return;

  chart = tanlu_chart_data_new (TANLU_CHART_KIND_SPARKLINE);
  series = tanlu_chart_series_new ("", points->len);
  series->projected_from = G_MAXUINT;
  for (guint i = 0; i < points->len; i++)
    {
      series->x[i] = g_array_index (points, TanluSeriesPoint, i).year;
      series->y[i] = g_array_index (points, TanluSeriesPoint, i).value * factor;
    }
  g_ptr_array_add (chart->series, series);
  chart->custom_colors = TRUE;
  chart->background = (TanluChartColor) { 0, 0, 0, 0 };
  chart->foreground = self->style.foreground;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  tanlu_chart_draw (cr, chart, SPARKLINE_WIDTH, SPARKLINE_HEIGHT, NULL);
  cairo_restore (cr);
}

/* Name, value, rank and how the value went over the years, beside the
 * pointer. */
static void
draw_tooltip (TanluChoroplethLayer *self,
              cairo_t              *cr)
{
  g_autofree char *markup = describe_hovered (self, TRUE);
  g_autoptr(PangoLayout) layout = NULL;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double box_width, box_height, x, y;
  PangoRectangle extents;

  if (markup == NULL)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  box_width = MAX (extents.width, SPARKLINE_WIDTH) + 2 * TOOLTIP_PADDING;
  box_height = extents.height + 2 * TOOLTIP_PADDING;
  /* The sparkline, when there are years to draw. */
  if (tanlu_map_data_get_series (self->data, self->hovered) != NULL &&
      tanlu_map_data_get_series (self->data, self->hovered)->len >= 2)
    box_height += SPARKLINE_HEIGHT + TOOLTIP_PADDING;
  x = self->pointer_x + TOOLTIP_OFFSET + box_width <= width
        ? self->pointer_x + TOOLTIP_OFFSET
        : self->pointer_x - TOOLTIP_OFFSET - box_width;
  y = CLAMP (self->pointer_y - box_height / 2, 0, MAX (0, height - box_height));

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, box_width, box_height);
  cairo_set_source_rgba (cr, self->style.background.red, self->style.background.green,
                         self->style.background.blue, 0.96);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, self->style.foreground.red, self->style.foreground.green,
                         self->style.foreground.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, self->style.foreground.red, self->style.foreground.green,
                         self->style.foreground.blue, 1);
  cairo_move_to (cr, x + TOOLTIP_PADDING, y + TOOLTIP_PADDING);
  pango_cairo_show_layout (cr, layout);
  draw_sparkline (self, cr, x + TOOLTIP_PADDING, y + 2 * TOOLTIP_PADDING + extents.height);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Pointer, keyboard and screen readers */

static void
hover_at (TanluChoroplethLayer *self,
          double                x,
          double                y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, _tanlu_choropleth_layer_region_at (self, x, y));
  if (self->hovered != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click selects the region at a point, a double click opens it. */
static gboolean
click_at (TanluChoroplethLayer *self,
          double                x,
          double                y,
          int                   n_press)
{
  TanluMapRegion *region;

  if (!(region = _tanlu_choropleth_layer_region_at (self, x, y)))
    return FALSE;

  g_signal_emit (self, signals[n_press >= 2 ? REGION_OPENED : REGION_ACTIVATED], 0,
                 tanlu_region_get_code (region->region));

  return TRUE;
}

/* The region shown for @code, or %NULL when the map does not show it. */
static TanluMapRegion *
shown_region (TanluChoroplethLayer *self,
              guint                 code)
{
  TanluMapRegion *region;

  if (self->data == NULL || code == 0 || !(region = tanlu_map_data_find_region (self->data, code)))
    return NULL;

  return region->successor != NULL ? region->successor : region;
}

/* The angle between the way from @from's centre to @to's and the
 * direction (@dx, @dy), in radians; world y grows southwards, as on
 * screen. */
static double
angle_towards (TanluMapRegion *from,
               TanluMapRegion *to,
               double          dx,
               double          dy)
{
  double vx = to->label_x - from->label_x;
  double vy = to->label_y - from->label_y;
  double length = hypot (vx, vy);

  if (length == 0)
    return G_PI;

  return acos (CLAMP ((vx * dx + vy * dy) / (length * hypot (dx, dy)), -1, 1));
}

/* The region an arrow key goes to from @from: of the neighbours within
 * NEIGHBOUR_MAX_ANGLE of the arrow's direction, the one closest to that
 * direction; failing that, the nearest region on that side. */
static TanluMapRegion *
region_towards (TanluChoroplethLayer *self,
                TanluMapRegion       *from,
                double                dx,
                double                dy)
{
  TanluStore *store = tanlu_map_data_get_store (self->data);
  g_autoptr(GPtrArray) neighbours = NULL;
  TanluMapRegion *best = NULL;
  double best_angle = NEIGHBOUR_MAX_ANGLE * G_PI / 180;
  double best_distance = INFINITY;

  neighbours = tanlu_store_list_neighbours (store, tanlu_region_get_code (from->region));
  for (guint i = 0; i < neighbours->len; i++)
    {
      TanluMapRegion *neighbour =
        shown_region (self, tanlu_region_get_code (g_ptr_array_index (neighbours, i)));
      double angle;

      if (neighbour == NULL || neighbour == from)
        continue;

      angle = angle_towards (from, neighbour, dx, dy);
      if (angle <= best_angle)
        {
          best = neighbour;
          best_angle = angle;
        }
    }

  if (best != NULL)
    return best;

  /* Islands, such as Hainan, and regions whose neighbours all lie the
   * other way. */
  for (guint i = 0; i < tanlu_map_data_get_n_regions (self->data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (self->data, i);
      double vx = region->label_x - from->label_x;
      double vy = region->label_y - from->label_y;

      if (region == from || region->successor != NULL || vx * dx + vy * dy <= 0)
        continue;

      if (hypot (vx, vy) < best_distance)
        {
          best = region;
          best_distance = hypot (vx, vy);
        }
    }

  return best;
}

/* With nothing selected yet, the arrows start from the region nearest the
 * middle of the view. */
static TanluMapRegion *
region_in_middle (TanluChoroplethLayer *self)
{
  TanluMapRegion *best = NULL;
  double best_distance = INFINITY;
  TanluMapView view;
  double middle_x, middle_y;

  tanlu_choropleth_layer_get_view (self, &view);
  middle_x = view.x + view.width / 2 / view.scale;
  middle_y = view.y + view.height / 2 / view.scale;

  for (guint i = 0; i < tanlu_map_data_get_n_regions (self->data); i++)
    {
      TanluMapRegion *region = tanlu_map_data_get_region (self->data, i);
      double distance = hypot (region->label_x - middle_x, region->label_y - middle_y);

      if (region->successor == NULL && distance < best_distance)
        {
          best = region;
          best_distance = distance;
        }
    }

  return best;
}

/* Brings a region selected from the keyboard into sight. */
static void
show_region (TanluChoroplethLayer *self,
             TanluMapRegion       *region)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double longitude, latitude;
  TanluMapView view;

  tanlu_choropleth_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  if (region->label_x >= view.x && region->label_x <= view.x + view.width / view.scale &&
      region->label_y >= view.y && region->label_y <= view.y + view.height / view.scale)
    return;

  tanlu_mercator_unproject (region->label_x, region->label_y, &longitude, &latitude);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
}

static void
select_towards (TanluChoroplethLayer *self,
                int                   dx,
                int                   dy)
{
  TanluMapRegion *from, *to;

  if (self->data == NULL)
    return;

  if ((from = shown_region (self, self->style.selected)) != NULL)
    to = region_towards (self, from, dx, dy);
  else
    to = region_in_middle (self);

  if (to == NULL)
    return;

  tanlu_choropleth_layer_set_selected (self, tanlu_region_get_code (to->region));
  show_region (self, to);
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, tanlu_region_get_code (to->region));
}

/* What a screen reader says of the map: the indicator and the year as its
 * name; the selected region, its value and class, and the classes as its
 * description. */
static void
update_accessible (TanluChoroplethLayer *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *classes = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) ranges = NULL;
  TanluMapRegion *selected;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.move", self->data != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.open",
                                 shown_region (self, self->style.selected) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.close",
                                 self->data != NULL &&
                                 tanlu_map_data_get_parent_code (self->data) != 0);

  if (self->data == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      return;
    }

  title = tanlu_map_get_title (self->data, self->style.language);
  /* Translators: the map's name for screen readers, such as
   * “Map of CO₂ emissions, 2019” */
  label = g_strdup_printf (_("Map of %s"), title);

  ranges = tanlu_map_get_legend_ranges (self->data, &self->style);
  if (ranges != NULL)
    /* Translators: the separator between the classes of a map's legend */
    classes = g_strjoinv (_("; "), ranges);

  if ((selected = shown_region (self, self->style.selected)) != NULL)
    {
      g_autofree char *value = tanlu_map_describe_value (self->data, &self->style,
                                                         selected->value);
      const TanluClassification *classification =
        tanlu_map_data_get_classification (self->data);
      int class = classification != NULL && !isnan (selected->value)
                    ? tanlu_classification_find (classification, selected->value)
                    : -1;

      if (classes != NULL && class >= 0 && ranges[class] != NULL)
        /* Translators: what a screen reader says of the map: the selected
         * region, its value, the legend's class it is in, and all the
         * classes, such as “Sichuan selected: 312 Mt CO₂, in the class
         * 250 – 400. Classes: 0 – 100; 100 – 250; 250 – 400” */
        description = g_strdup_printf (_("%s selected: %s, in the class %s. Classes: %s"),
                                       region_name (self, selected), value, ranges[class],
                                       classes);
      else if (classes != NULL)
        /* Translators: as above, for a region in none of the classes */
        description = g_strdup_printf (_("%s selected: %s. Classes: %s"),
                                       region_name (self, selected), value, classes);
      else
        description = g_strdup_printf (_("%s selected: %s"), region_name (self, selected), value);
    }
  else if (classes != NULL)
    /* Translators: what a screen reader says of the map with no region
     * selected, then the legend's classes */
    description = g_strdup_printf (_("No region selected. Classes: %s"), classes);
  else
    description = g_strdup (_("No region selected"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ------------------------------------------------------------------------ */

/* The markers in sight, as rectangles for tanlu_map_draw_labels (). */
static void
append_keep_clear (TanluChoroplethLayer *self,
                   const TanluMapView   *view,
                   GArray               *rectangles)
{
  double r = self->keep_clear_radius;

  for (guint i = 0; self->keep_clear != NULL && i < self->keep_clear->len; i += 2)
    {
      double x = tanlu_map_view_to_pixel_x (view, g_array_index (self->keep_clear, double, i));
      double y = tanlu_map_view_to_pixel_y (view, g_array_index (self->keep_clear, double, i + 1));
      double box[4] = { x - r, y - r, 2 * r, 2 * r };

      if (x >= -r && y >= -r && x <= view->width + r && y <= view->height + r)
        g_array_append_vals (rectangles, box, 4);
    }
}

/* A zoom animation redraws the map every frame: the regions drawn for the
 * last settled zoom stand in, scaled, until it ends, and only then is the
 * image for the new zoom drawn. */
#define ZOOM_SETTLE_MS 150

static gboolean
zoom_is_changing (TanluChoroplethLayer *self)
{
  return g_get_monotonic_time () - self->zoom_changed_at < ZOOM_SETTLE_MS * G_TIME_SPAN_MILLISECOND;
}

static gboolean
settle_cb (gpointer user_data)
{
  TanluChoroplethLayer *self = user_data;

  self->settle_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
redraw_when_settled (TanluChoroplethLayer *self)
{
  if (self->settle_source == 0)
    self->settle_source = g_timeout_add (ZOOM_SETTLE_MS, settle_cb, self);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TanluChoroplethLayer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->region_cache == NULL)
    return;

  g_clear_object (&self->preparing);
  if (tanlu_map_region_cache_prepare_finish (self->region_cache, result, &error))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The regions were not drawn ahead: %s", error->message);
}

/* Starts drawing the next image of the regions, if the view wants one and
 * none is being drawn. */
static void
prepare_ahead (TanluChoroplethLayer *self,
               const TanluMapView   *view)
{
  int device_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->preparing != NULL || zoom_is_changing (self) ||
      !tanlu_map_region_cache_wants (self->region_cache, self->data, view, &self->style,
                                     device_scale))
    return;

  self->preparing = g_cancellable_new ();
  tanlu_map_region_cache_prepare_async (self->region_cache, self->data, view, &self->style,
                                        device_scale, self->preparing, prepared_cb,
                                        g_object_ref (self));
}

static void
tanlu_choropleth_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  TanluChoroplethLayer *self = TANLU_CHOROPLETH_LAYER (widget);
  double legend_width, legend_height, legend_x, legend_y;
  TanluMapView view;
  cairo_t *cr;

  if (self->data == NULL)
    return;

  tanlu_choropleth_layer_get_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view.width, view.height));
  /* An image of part of the view, or of another zoom, stands in while the
   * next one is drawn; only a map never drawn, or drawn in other colours
   * or for other values, waits for its regions. */
  if (!tanlu_map_region_cache_draw (self->region_cache, cr, self->data, &view, &self->style,
                                    gtk_widget_get_scale_factor (widget), TRUE) &&
      zoom_is_changing (self))
    redraw_when_settled (self);
  prepare_ahead (self, &view);

  /* The legend keeps clear of the map's own controls: the toolbar at the
   * top, zoom buttons on the right, scale, years and licence below. */
  tanlu_map_draw_legend (cr, self->data, &self->style, 0, 0, FALSE, &legend_width, &legend_height);
  {
    TanluMapView inner = view;
    g_autoptr(GArray) avoid = g_array_new (FALSE, FALSE, sizeof (double));
    double legend_box[4];

    inner.x += LEGEND_MARGIN / view.scale;
    inner.y += CONTROLS_TOP / view.scale;
    inner.width -= LEGEND_MARGIN + CONTROLS_RIGHT;
    inner.height -= CONTROLS_TOP + CONTROLS_BOTTOM;
    tanlu_map_place_legend (self->data, &inner, legend_width, legend_height, 0, &legend_x,
                            &legend_y);
    legend_box[0] = legend_x + LEGEND_MARGIN;
    legend_box[1] = legend_y + CONTROLS_TOP;
    legend_box[2] = legend_width;
    legend_box[3] = legend_height;
    g_array_append_vals (avoid, legend_box, 4);
    append_keep_clear (self, &view, avoid);
    tanlu_map_draw_labels (cr, self->data, &view, &self->style, (const double *) avoid->data,
                           avoid->len / 4);
    tanlu_map_draw_legend (cr, self->data, &self->style, legend_box[0], legend_box[1], TRUE, NULL,
                           NULL);
  }

  draw_tooltip (self, cr);
  cairo_destroy (cr);
}

static void
on_viewport_changed_cb (TanluChoroplethLayer *self)
{
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));

  if (zoom != self->last_zoom)
    {
      self->last_zoom = zoom;
      self->zoom_changed_at = g_get_monotonic_time ();
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              TanluChoroplethLayer     *self)
{
  hover_at (self, x, y);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             TanluChoroplethLayer     *self)
{
  set_hovered (self, NULL);
}

static void
on_pressed_cb (GtkGestureClick      *gesture,
               int                   n_press,
               double                x,
               double                y,
               TanluChoroplethLayer *self)
{
  /* The press is not claimed: one that turns into a drag still pans the
   * map. */
  self->press_x = x;
  self->press_y = y;
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_released_cb (GtkGestureClick      *gesture,
                int                   n_press,
                double                x,
                double                y,
                TanluChoroplethLayer *self)
{
  int threshold = 8;

  /* The end of a drag that panned the map is no click. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold,
                NULL);
  if (n_press < 1 || hypot (x - self->press_x, y - self->press_y) > threshold)
    return;

  click_at (self, x, y, n_press);
}

static void
on_style_changed_cb (TanluChoroplethLayer *self)
{
  apply_desktop_style (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Only a region takes the pointer: elsewhere, GTK gives it to the map
 * under the layer. ShumateLayer's own `contains` takes nothing. */
static gboolean
tanlu_choropleth_layer_contains (GtkWidget *widget,
                                 double     x,
                                 double     y)
{
  TanluChoroplethLayer *self = TANLU_CHOROPLETH_LAYER (widget);

  return _tanlu_choropleth_layer_region_at (self, x, y) != NULL;
}

static void
move_selection (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TanluChoroplethLayer *self = TANLU_CHOROPLETH_LAYER (widget);
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  select_towards (self, dx, dy);
}

static void
open_selected (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TanluChoroplethLayer *self = TANLU_CHOROPLETH_LAYER (widget);

  if (self->data != NULL && tanlu_map_data_find_region (self->data, self->style.selected) != NULL)
    g_signal_emit (self, signals[REGION_OPENED], 0, self->style.selected);
}

static void
close_parent (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TanluChoroplethLayer *self = TANLU_CHOROPLETH_LAYER (widget);

  if (self->data != NULL && tanlu_map_data_get_parent_code (self->data) != 0)
    g_signal_emit (self, signals[REGION_CLOSED], 0, tanlu_map_data_get_parent_code (self->data));
}

static void
tanlu_choropleth_layer_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tanlu_choropleth_layer_parent_class)->css_changed (widget, change);

  on_style_changed_cb (TANLU_CHOROPLETH_LAYER (widget));
}

static void
tanlu_choropleth_layer_constructed (GObject *object)
{
  TanluChoroplethLayer *self = (TanluChoroplethLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (tanlu_choropleth_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
tanlu_choropleth_layer_dispose (GObject *object)
{
  TanluChoroplethLayer *self = (TanluChoroplethLayer *)object;

  self->hovered = NULL;
  g_clear_pointer (&self->data, tanlu_map_data_unref);
  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->keep_clear, g_array_unref);
  if (self->preparing != NULL)
    g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
  g_clear_pointer (&self->region_cache, tanlu_map_region_cache_free);
  g_clear_handle_id (&self->settle_source, g_source_remove);

  G_OBJECT_CLASS (tanlu_choropleth_layer_parent_class)->dispose (object);
}

static void
tanlu_choropleth_layer_class_init (TanluChoroplethLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tanlu_choropleth_layer_constructed;
  object_class->dispose = tanlu_choropleth_layer_dispose;

  widget_class->snapshot = tanlu_choropleth_layer_snapshot;
  widget_class->contains = tanlu_choropleth_layer_contains;
  widget_class->css_changed = tanlu_choropleth_layer_css_changed;

  /**
   * TanluChoroplethLayer::region-activated:
   * @code: the region clicked
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TanluChoroplethLayer::region-opened:
   * @code: the region double-clicked, to show its parts
   */
  signals[REGION_OPENED] =
    g_signal_new ("region-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * TanluChoroplethLayer::region-closed:
   * @code: the region whose parts are shown, to go back to the map it is on
   */
  signals[REGION_CLOSED] =
    g_signal_new ("region-closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "region.move", "(ii)", move_selection);
  gtk_widget_class_install_action (widget_class, "region.open", NULL, open_selected);
  gtk_widget_class_install_action (widget_class, "region.close", NULL, close_parent);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "region.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "region.move", "(ii)", -1,
                                       0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "region.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "region.move", "(ii)", 1,
                                       0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "region.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "region.move", "(ii)", 0,
                                       -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "region.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "region.move", "(ii)", 0,
                                       1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "region.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "region.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "region.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "choroplethlayer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tanlu_choropleth_layer_init (TanluChoroplethLayer *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  tanlu_map_style_init (&self->style);
  self->region_cache = tanlu_map_region_cache_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  update_accessible (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */

TanluChoroplethLayer *
tanlu_choropleth_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TANLU_TYPE_CHOROPLETH_LAYER, "viewport", viewport, NULL);
}

/**
 * tanlu_choropleth_layer_set_data:
 * @data: (nullable): the regions, values and classes shown
 */
void
tanlu_choropleth_layer_set_data (TanluChoroplethLayer *self,
                                 TanluMapData         *data)
{
  g_return_if_fail (TANLU_IS_CHOROPLETH_LAYER (self));

  self->hovered = NULL;
  self->style.hovered = 0;
  if (data != NULL)
    tanlu_map_data_ref (data);
  g_clear_pointer (&self->data, tanlu_map_data_unref);
  self->data = data;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tanlu_choropleth_layer_get_data:
 *
 * Returns: (transfer none) (nullable): the map shown
 */
TanluMapData *
tanlu_choropleth_layer_get_data (TanluChoroplethLayer *self)
{
  g_return_val_if_fail (TANLU_IS_CHOROPLETH_LAYER (self), NULL);

  return self->data;
}

/**
 * tanlu_choropleth_layer_set_style:
 *
 * Takes the palette, language, unit and labels of @style; colours and
 * fonts stay the desktop's.
 */
void
tanlu_choropleth_layer_set_style (TanluChoroplethLayer *self,
                                  const TanluMapStyle  *style)
{
  g_return_if_fail (TANLU_IS_CHOROPLETH_LAYER (self));

  self->style.palette = style->palette;
  self->style.language = style->language;
  self->style.unit_scale = style->unit_scale;
  self->style.labels = style->labels;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const TanluMapStyle *
tanlu_choropleth_layer_get_style (TanluChoroplethLayer *self)
{
  g_return_val_if_fail (TANLU_IS_CHOROPLETH_LAYER (self), NULL);

  return &self->style;
}

void
tanlu_choropleth_layer_set_selected (TanluChoroplethLayer *self,
                                     guint                 code)
{
  g_return_if_fail (TANLU_IS_CHOROPLETH_LAYER (self));

  if (self->style.selected == code)
    return;

  self->style.selected = code;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tanlu_choropleth_layer_set_keep_clear:
 * @points: (array length=n_points): longitude and latitude of each point,
 *   one after the other
 * @n_points: how many points @points holds
 * @radius: how far names stay from each point, in pixels
 *
 * Keeps region names off the markers drawn over the layer, such as the
 * provincial capitals: a name moves above or below a marker it would hide.
 */
void
tanlu_choropleth_layer_set_keep_clear (TanluChoroplethLayer *self,
                                       const double         *points,
                                       guint                 n_points,
                                       double                radius)
{
  g_return_if_fail (TANLU_IS_CHOROPLETH_LAYER (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_clear_pointer (&self->keep_clear, g_array_unref);
  self->keep_clear = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_points);
  self->keep_clear_radius = radius;

  for (guint i = 0; i < n_points; i++)
    {
      double xy[2];

      tanlu_mercator_project (points[2 * i], points[2 * i + 1], &xy[0], &xy[1]);
      g_array_append_vals (self->keep_clear, xy, 2);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _tanlu_choropleth_layer_get_hover_text:
 *
 * Returns: (transfer full) (nullable): the tooltip's text, or %NULL when
 *   no region is under the pointer
 */
char *
_tanlu_choropleth_layer_get_hover_text (TanluChoroplethLayer *self)
{
  g_return_val_if_fail (TANLU_IS_CHOROPLETH_LAYER (self), NULL);

  return describe_hovered (self, FALSE);
}

/**
 * tanlu_choropleth_layer_changed:
 *
 * Redraws after the map's values or classes changed, and tells screen
 * readers.
 */
void
tanlu_choropleth_layer_changed (TanluChoroplethLayer *self)
{
  g_return_if_fail (TANLU_IS_CHOROPLETH_LAYER (self));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
