/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-chart-view-private.h"
#include "charts/tanlu-chart-scale.h"

#include <math.h>

/* Shows a TanluChartData. The chart itself is drawn once into an image,
 * at the widget's size and scale, and kept until the size, the data, the
 * style or a hidden series changes; moving the pointer only redraws the
 * crosshair and its tooltip on top. */

#define TOOLTIP_PADDING 8
#define TOOLTIP_OFFSET  14
#define HOVER_DOT       4

struct _TanluChartView
{
  GtkWidget         parent_instance;

  /* owned */
  TanluChartData   *data;
  GskRenderNode    *picture;
  TanluChartLayout  layout;
  PangoLayout      *tooltip;

  int               picture_width;
  int               picture_height;
  int               picture_scale;

  /* The hovered year (line and area charts) or bar, as an index; -1 for
   * none. */
  int               hover;
  double            pointer_x;
  double            pointer_y;

  /* Charts scrolled out of sight are drawn when they come into it. */
  GtkAdjustment    *watched;
  gboolean          deferred;
};

G_DEFINE_FINAL_TYPE (TanluChartView, tanlu_chart_view, GTK_TYPE_WIDGET)

enum {
  SERIES_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static void
drop_picture (TanluChartView *self)
{
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  tanlu_chart_layout_clear (&self->layout);
}

static TanluChartColor
color_from_rgba (const GdkRGBA *rgba)
{
  TanluChartColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha };

  return color;
}

/* The chart takes its page and text colours and its font from the desktop
 * style, so it follows the light and dark styles. */
static void
apply_style (TanluChartView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  GdkRGBA background;
  GdkRGBA foreground;

  if (self->data == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->data->custom_colors = TRUE;
  self->data->background = color_from_rgba (&background);
  self->data->foreground = color_from_rgba (&foreground);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font_name);

      double size = pango_font_description_get_size (description) / (double) PANGO_SCALE;

      g_free (self->data->font);
      self->data->font = g_strdup (pango_font_description_get_family (description));

      /* Charts on screen follow the desktop's text size, a little smaller
       * for labels, rather than growing with the chart. */
      if (self->data->kind != TANLU_CHART_KIND_SPARKLINE && size > 0)
        self->data->font_size = pango_font_description_get_size_is_absolute (description)
                                ? size * 0.9 : size * 96.0 / 72.0 * 0.9;
    }
}

/* The chart is drawn once into an image and kept as a node that paints
 * it. The same node from frame to frame tells GTK nothing under it
 * changed: the cairo renderer repaints only the hover layer's area, and
 * the GL renderer keeps the image it uploaded. */
static void
ensure_picture (TanluChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  if (self->picture != NULL && self->picture_width == width && self->picture_height == height &&
      self->picture_scale == scale)
    return;

  drop_picture (self);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  tanlu_chart_draw (cr, self->data, width, height, &self->layout);
  cairo_destroy (cr);

  self->picture = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (self->picture);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  self->picture_width = width;
  self->picture_height = height;
  self->picture_scale = scale;
}

static gboolean
is_xy_chart (TanluChartView *self)
{
  return self->data != NULL && (self->data->kind == TANLU_CHART_KIND_LINE ||
                                self->data->kind == TANLU_CHART_KIND_STACKED_AREA);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The years any series has, for the crosshair to step through. */
static GArray *
all_years (TanluChartView *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_double_hash, g_double_equal);

  for (guint s = 0; s < self->data->series->len; s++)
    {
      TanluChartSeries *series = g_ptr_array_index (self->data->series, s);

      for (guint i = 0; i < series->n_points; i++)
        if (!g_hash_table_contains (seen, &series->x[i]))
          {
            g_hash_table_add (seen, &series->x[i]);
            g_array_append_val (years, series->x[i]);
          }
    }

  g_array_sort (years, compare_doubles);

  return years;
}

static char *
format_with_unit (TanluChartView *self,
                  double          value)
{
  g_autofree char *unit =
    tanlu_chart_unit_label (self->data->unit, self->data->unit_scale, self->data->language);
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");

  if (tanlu_chart_unit_is_mt_co2 (self->data->unit))
    value *= tanlu_chart_unit_scale_factor (self->data->unit_scale);
  number = tanlu_chart_format_value (value, self->data->language);

  return g_strdup_printf ("%s %s", number, unit);
}

static char *
describe_hover (TanluChartView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->data == NULL || self->hover < 0)
    return NULL;

  if (self->data->kind == TANLU_CHART_KIND_BARS)
    {
      TanluChartSeries *series = g_ptr_array_index (self->data->series, 0);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if ((guint)self->hover >= series->n_points)
        return NULL;

      value = format_with_unit (self, series->y[self->hover]);
      label = g_markup_escape_text (g_ptr_array_index (self->data->categories, self->hover), -1);
      g_string_append_printf (text, "<b>%s</b>  %s", label, value);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  {
    g_autoptr(GArray) years = all_years (self);
    double year;

    if ((guint)self->hover >= years->len)
      return NULL;

    year = g_array_index (years, double, self->hover);
    g_string_append_printf (text, "<b>%.0f</b>", year);

    for (guint s = 0; s < self->data->series->len; s++)
      {
        TanluChartSeries *series = g_ptr_array_index (self->data->series, s);
        g_autofree char *label = NULL;
        g_autofree char *value = NULL;
        TanluChartColor color;
        double y = NAN;

        if (series->hidden)
          continue;

        for (guint i = 0; i < series->n_points; i++)
          if (series->x[i] == year)
            y = series->y[i];

        label = g_markup_escape_text (series->label, -1);
        value = format_with_unit (self, y);
        tanlu_chart_series_color (self->data, s, &color);
        g_string_append_printf (text, "\n<span foreground=\"#%02x%02x%02x\">●</span> %s: %s",
                                (guint) round (color.red * 255), (guint) round (color.green * 255),
                                (guint) round (color.blue * 255), label, value);
      }
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
hover_index_at (TanluChartView *self,
                double          x,
                double          y)
{
  if (self->picture == NULL)
    return -1;

  if (x < self->layout.plot_x || x > self->layout.plot_x + self->layout.plot_width ||
      y < self->layout.plot_y || y > self->layout.plot_y + self->layout.plot_height)
    return -1;

  if (self->data->kind == TANLU_CHART_KIND_BARS)
    {
      TanluChartSeries *series = g_ptr_array_index (self->data->series, 0);
      double row = (y - self->layout.plot_y) / self->layout.plot_height * series->n_points;

      return CLAMP ((int)row, 0, (int)series->n_points - 1);
    }

  if (is_xy_chart (self))
    {
      g_autoptr(GArray) years = all_years (self);
      double year = tanlu_chart_layout_pixel_to_x (&self->layout, x);
      int best = -1;
      double best_distance = G_MAXDOUBLE;

      for (guint i = 0; i < years->len; i++)
        {
          double distance = fabs (g_array_index (years, double, i) - year);

          if (distance < best_distance)
            {
              best_distance = distance;
              best = i;
            }
        }

      return best;
    }

  return -1;
}

static void
set_hover (TanluChartView *self,
           int             hover)
{
  g_autofree char *markup = NULL;

  if (self->hover == hover)
    return;

  self->hover = hover;
  markup = describe_hover (self);

  if (markup != NULL)
    {
      if (self->tooltip == NULL)
        self->tooltip = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (self->tooltip, markup, -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              TanluChartView           *self)
{
  _tanlu_chart_view_hover_at (self, x, y);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             TanluChartView           *self)
{
  set_hover (self, -1);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               TanluChartView  *self)
{
  if (_tanlu_chart_view_click_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TanluChartView        *self)
{
  int count;

  if (self->data == NULL)
    return FALSE;

  /* 1 to 9 hide and show series, as clicking their legend entries does. */
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 && is_xy_chart (self) &&
      (guint)(keyval - GDK_KEY_1) < self->data->series->len)
    {
      guint index = keyval - GDK_KEY_1;
      TanluChartSeries *series = g_ptr_array_index (self->data->series, index);

      tanlu_chart_view_set_series_hidden (self, index, !series->hidden);
      return TRUE;
    }

  if (self->data->kind == TANLU_CHART_KIND_BARS)
    count = ((TanluChartSeries *)g_ptr_array_index (self->data->series, 0))->n_points;
  else if (is_xy_chart (self))
    {
      g_autoptr(GArray) years = all_years (self);

      count = years->len;
    }
  else
    return FALSE;

  if (count == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      set_hover (self, self->hover <= 0 ? 0 : self->hover - 1);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
      set_hover (self, self->hover < 0 ? 0 : MIN (self->hover + 1, count - 1));
      return TRUE;

    case GDK_KEY_Home:
      set_hover (self, 0);
      return TRUE;

    case GDK_KEY_End:
      set_hover (self, count - 1);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->hover < 0)
        return FALSE;
      set_hover (self, -1);
      return TRUE;

    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */

/* A dot where the crosshair meets each line. */
static void
snapshot_hover_points (TanluChartView *self,
                       GtkSnapshot    *snapshot,
                       double          year,
                       double          x)
{
  double factor = tanlu_chart_unit_is_mt_co2 (self->data->unit)
                  ? tanlu_chart_unit_scale_factor (self->data->unit_scale) : 1;

  for (guint s = 0; s < self->data->series->len; s++)
    {
      TanluChartSeries *series = g_ptr_array_index (self->data->series, s);
      TanluChartColor color;
      GskRoundedRect dot;
      double y;

      if (series->hidden)
        continue;

      for (guint i = 0; i < series->n_points; i++)
        {
          if (series->x[i] != year || isnan (series->y[i]))
            continue;

          y = tanlu_chart_layout_y_to_pixel (&self->layout, series->y[i] * factor);
          tanlu_chart_series_color (self->data, s, &color);
          gsk_rounded_rect_init_from_rect (
            &dot, &GRAPHENE_RECT_INIT (x - HOVER_DOT, y - HOVER_DOT, 2 * HOVER_DOT, 2 * HOVER_DOT),
            HOVER_DOT);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot,
                                     &(GdkRGBA) { color.red, color.green, color.blue, 1 },
                                     &dot.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
}

static void
snapshot_hover (TanluChartView *self,
                GtkSnapshot    *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA line;
  PangoRectangle extents;
  double x, y, box_width, box_height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (is_xy_chart (self))
    {
      g_autoptr(GArray) years = all_years (self);
      double year = g_array_index (years, double, self->hover);

      x = tanlu_chart_layout_x_to_pixel (&self->layout, year);
      line.alpha = 0.5;
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (round (x) - 0.5, self->layout.plot_y,
                                                      1, self->layout.plot_height));
      if (self->data->kind == TANLU_CHART_KIND_LINE)
        snapshot_hover_points (self, snapshot, year, x);
    }
  else
    {
      TanluChartSeries *series = g_ptr_array_index (self->data->series, 0);
      double row_height = self->layout.plot_height / series->n_points;

      line.alpha = 0.08;
      gtk_snapshot_append_color (
        snapshot, &line,
        &GRAPHENE_RECT_INIT (self->layout.plot_x, self->layout.plot_y + self->hover * row_height,
                             self->layout.plot_width, row_height));
      x = self->pointer_x;
    }

  if (self->tooltip == NULL)
    return;

  pango_layout_get_pixel_extents (self->tooltip, NULL, &extents);
  box_width = extents.width + 2 * TOOLTIP_PADDING;
  box_height = extents.height + 2 * TOOLTIP_PADDING;

  /* Beside the crosshair, on whichever side has room. */
  x = x + TOOLTIP_OFFSET + box_width <= width ? x + TOOLTIP_OFFSET : x - TOOLTIP_OFFSET - box_width;
  x = MAX (0, x);
  y = CLAMP (self->pointer_y - box_height / 2, 0,
             MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - box_height));

  {
    GskRoundedRect outline;
    GdkRGBA background;
    GdkRGBA text;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                         "popover_bg_color", &background))
      background = (GdkRGBA) { 0.2, 0.2, 0.2, 0.95 };
    if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                         "popover_fg_color", &text))
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &text);
    G_GNUC_END_IGNORE_DEPRECATIONS

    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, box_width, box_height),
                                     6);
    gtk_snapshot_push_rounded_clip (snapshot, &outline);
    gtk_snapshot_append_color (snapshot, &background, &outline.bounds);
    gtk_snapshot_pop (snapshot);
    gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                                (GdkRGBA[4]) { line, line, line, line });

    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot,
                            &GRAPHENE_POINT_INIT (x + TOOLTIP_PADDING, y + TOOLTIP_PADDING));
    gtk_snapshot_append_layout (snapshot, self->tooltip, &text);
    gtk_snapshot_restore (snapshot);
  }
}

static void
on_scrolled_cb (TanluChartView *self)
{
  if (self->deferred)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A dashboard holds more charts than fit on the screen; drawing only those
 * in sight keeps the first frame quick. GTK keeps what a widget drew until
 * it asks to draw again, so the view follows the scrolling to know when. */
static gboolean
is_scrolled_out_of_sight (TanluChartView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scrolled == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), scrolled, &bounds))
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (self->watched != adjustment)
    {
      if (self->watched != NULL)
        g_signal_handlers_disconnect_by_func (self->watched, on_scrolled_cb, self);
      g_set_object (&self->watched, adjustment);
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_scrolled_cb), self,
                               G_CONNECT_SWAPPED);
    }

  return bounds.origin.y + bounds.size.height <= 0 ||
         bounds.origin.y >= gtk_widget_get_height (scrolled);
}

static void
tanlu_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TanluChartView *self = TANLU_CHART_VIEW (widget);

  if (self->picture == NULL && is_scrolled_out_of_sight (self))
    {
      self->deferred = TRUE;
      return;
    }

  self->deferred = FALSE;
  ensure_picture (self);

  if (self->picture == NULL)
    return;

  gtk_snapshot_append_node (snapshot, self->picture);

  if (self->hover >= 0)
    snapshot_hover (self, snapshot);
}

static void
tanlu_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TanluChartView *self = TANLU_CHART_VIEW (widget);

  if (width != self->picture_width || height != self->picture_height)
    {
      drop_picture (self);
      self->hover = -1;
    }
}

static void
tanlu_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TanluChartView *self = TANLU_CHART_VIEW (widget);
  gboolean sparkline = self->data != NULL && self->data->kind == TANLU_CHART_KIND_SPARKLINE;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = sparkline ? 40 : 240;
      *natural = sparkline ? 120 : 640;
    }
  else
    {
      *minimum = sparkline ? 24 : 200;
      *natural = sparkline ? 32 : 360;
    }
}

static void
tanlu_chart_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  TanluChartView *self = TANLU_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (tanlu_chart_view_parent_class)->css_changed (widget, change);

  apply_style (self);
  drop_picture (self);
  g_clear_object (&self->tooltip);
  gtk_widget_queue_draw (widget);
}

static void
tanlu_chart_view_dispose (GObject *object)
{
  TanluChartView *self = (TanluChartView *)object;

  drop_picture (self);
  g_clear_object (&self->tooltip);
  g_clear_pointer (&self->data, tanlu_chart_data_free);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, on_scrolled_cb, self);
  g_clear_object (&self->watched);

  G_OBJECT_CLASS (tanlu_chart_view_parent_class)->dispose (object);
}

static void
tanlu_chart_view_class_init (TanluChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tanlu_chart_view_dispose;

  widget_class->snapshot = tanlu_chart_view_snapshot;
  widget_class->size_allocate = tanlu_chart_view_size_allocate;
  widget_class->measure = tanlu_chart_view_measure;
  widget_class->css_changed = tanlu_chart_view_css_changed;

  /**
   * TanluChartView::series-toggled:
   * @index: the series shown or hidden
   *
   * Emitted when the user hides or shows a series from the legend.
   */
  signals[SERIES_TOGGLED] =
    g_signal_new ("series-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tanlu_chart_view_init (TanluChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/* ------------------------------------------------------------------------ */

GtkWidget *
tanlu_chart_view_new (void)
{
  return g_object_new (TANLU_TYPE_CHART_VIEW, NULL);
}

/**
 * tanlu_chart_view_set_data:
 * @data: (transfer full) (nullable): what to show
 */
void
tanlu_chart_view_set_data (TanluChartView *self,
                           TanluChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TANLU_IS_CHART_VIEW (self));

  drop_picture (self);
  g_clear_pointer (&self->data, tanlu_chart_data_free);
  self->data = data;
  self->hover = -1;

  apply_style (self);

  if (data != NULL)
    {
      description = tanlu_chart_describe (data);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tanlu_chart_view_get_data:
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
TanluChartData *
tanlu_chart_view_get_data (TanluChartView *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_VIEW (self), NULL);

  return self->data;
}

void
tanlu_chart_view_set_series_hidden (TanluChartView *self,
                                    guint           index,
                                    gboolean        hidden)
{
  TanluChartSeries *series;

  g_return_if_fail (TANLU_IS_CHART_VIEW (self));
  g_return_if_fail (self->data != NULL && index < self->data->series->len);

  series = g_ptr_array_index (self->data->series, index);
  if (series->hidden == !!hidden)
    return;

  series->hidden = !!hidden;
  drop_picture (self);

  /* Keep the tooltip honest about what is shown. */
  if (self->hover >= 0)
    {
      int hover = self->hover;

      self->hover = -1;
      set_hover (self, hover);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SERIES_TOGGLED], 0, index);
}

/**
 * _tanlu_chart_view_get_layout:
 *
 * Returns: (transfer none) (nullable): where the last drawing put its plot
 *   and text, or %NULL before the first drawing
 */
const TanluChartLayout *
_tanlu_chart_view_get_layout (TanluChartView *self)
{
  g_return_val_if_fail (TANLU_IS_CHART_VIEW (self), NULL);

  return self->picture != NULL ? &self->layout : NULL;
}

/**
 * _tanlu_chart_view_get_hover_text:
 *
 * Returns: (transfer full) (nullable): the tooltip's text, without markup,
 *   or %NULL when nothing is hovered
 */
char *
_tanlu_chart_view_get_hover_text (TanluChartView *self)
{
  g_autofree char *markup = NULL;
  char *text = NULL;

  g_return_val_if_fail (TANLU_IS_CHART_VIEW (self), NULL);

  if (!(markup = describe_hover (self)))
    return NULL;

  pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL);

  return text;
}

/**
 * _tanlu_chart_view_hover_at:
 * @x: a position in the view
 * @y: a position in the view
 *
 * Moves the crosshair to the year (or bar) nearest the position, as the
 * pointer does.
 */
void
_tanlu_chart_view_hover_at (TanluChartView *self,
                           double          x,
                           double          y)
{
  g_return_if_fail (TANLU_IS_CHART_VIEW (self));

  self->pointer_x = x;
  self->pointer_y = y;
  set_hover (self, self->data != NULL ? hover_index_at (self, x, y) : -1);
}

/**
 * _tanlu_chart_view_click_at:
 *
 * Acts on a click at the position: on a legend entry or a line's label,
 * hides or shows that series.
 *
 * Returns: whether the click did something
 */
gboolean
_tanlu_chart_view_click_at (TanluChartView *self,
                           double          x,
                           double          y)
{
  g_return_val_if_fail (TANLU_IS_CHART_VIEW (self), FALSE);

  if (self->data == NULL || self->layout.boxes == NULL)
    return FALSE;

  for (guint i = 0; i < self->layout.boxes->len; i++)
    {
      const TanluChartBox *box = &g_array_index (self->layout.boxes, TanluChartBox, i);

      if ((box->kind == TANLU_CHART_BOX_LEGEND_ITEM || box->kind == TANLU_CHART_BOX_END_LABEL) &&
          box->index >= 0 && (guint) box->index < self->data->series->len &&
          x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height)
        {
          TanluChartSeries *series = g_ptr_array_index (self->data->series, box->index);

          tanlu_chart_view_set_series_hidden (self, box->index, !series->hidden);
          return TRUE;
        }
    }

  return FALSE;
}
