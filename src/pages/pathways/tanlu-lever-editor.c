/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-lever-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tanlu-lever-editor-private.h"

/* One lever of a pathway as a small chart of its keyframes, to drag.
 *
 * The line is the lever as the pathway runs it, inheritance included; the
 * pathway's own keyframes are filled handles, its parent's hollow ones.
 * Dragging a handle up or down changes its value, sideways its year (own
 * keyframes only); dragging an inherited one makes it the pathway's own.
 * A double click adds a keyframe; Delete removes the selected one; the
 * arrow keys select (left, right) and change (up, down; with Shift ten
 * times as much) keyframes, so everything works without a pointer too.
 * The editor only says what the user did ("keyframe-moved",
 * "keyframe-added", "keyframe-removed"); the page changes the pathway. */

#define HANDLE_RADIUS   5.0
#define HIT_RADIUS      10.0
#define MARGIN_LEFT     44.0
#define MARGIN_RIGHT    14.0
#define MARGIN_TOP      10.0
#define MARGIN_BOTTOM   22.0

struct _TanluLeverEditor
{
  GtkWidget   parent_instance;

  TanluLever  lever;
  guint       first_year;
  guint       last_year;
  double      start_value;
  GArray     *own;        /* TanluKeyframe */
  GArray     *resolved;   /* TanluKeyframe, may be NULL */

  double      y_low;
  double      y_high;

  int         selected;   /* a year, or -1 */
  int         dragged;    /* the year being dragged, or -1 */
  gboolean    drag_is_own;
  double      drag_start_x;
  double      drag_start_y;
  gboolean    moved;
};

G_DEFINE_FINAL_TYPE (TanluLeverEditor, tanlu_lever_editor, GTK_TYPE_WIDGET)

enum
{
  KEYFRAME_MOVED,
  KEYFRAME_ADDED,
  KEYFRAME_REMOVED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */

static double
value_at (TanluLeverEditor *self,
          guint             year)
{
  const GArray *keyframes = self->resolved != NULL && self->resolved->len > 0 ? self->resolved
                                                                              : self->own;

  if (keyframes == NULL || keyframes->len == 0)
    return tanlu_lever_is_rate (self->lever) ? 0 : self->start_value;

  if (tanlu_lever_is_rate (self->lever))
    return tanlu_keyframes_rate_at (keyframes, year);

  /* Amounts run from the start value at the first year. */
  {
    const TanluKeyframe *k = (const TanluKeyframe *) keyframes->data;
    guint previous_year = self->first_year;
    double previous = self->start_value;

    for (guint i = 0; i < keyframes->len; i++)
      {
        if (year <= k[i].year)
          {
            if (k[i].year == previous_year)
              return k[i].value;
            return previous + (k[i].value - previous) * (year - previous_year) /
                                (double) (k[i].year - previous_year);
          }
        previous_year = k[i].year;
        previous = k[i].value;
      }
    return previous;
  }
}

gboolean
tanlu_lever_editor_get_value_at (TanluLeverEditor *self,
                                 guint             year,
                                 double           *value)
{
  g_return_val_if_fail (TANLU_IS_LEVER_EDITOR (self), FALSE);

  if (year < self->first_year || year > self->last_year)
    return FALSE;

  *value = value_at (self, year);
  return TRUE;
}

static gboolean
find_keyframe (const GArray *keyframes,
               guint         year,
               double       *value)
{
  for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
    if (g_array_index (keyframes, TanluKeyframe, i).year == year)
      {
        if (value != NULL)
          *value = g_array_index (keyframes, TanluKeyframe, i).value;
        return TRUE;
      }

  return FALSE;
}

static void
update_range (TanluLeverEditor *self)
{
  double low = 0, high = 0;

  for (guint year = self->first_year; year <= self->last_year; year++)
    {
      double v = value_at (self, year);

      low = MIN (low, v);
      high = MAX (high, v);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      const GArray *keyframes = pass == 0 ? self->own : self->resolved;

      for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
        {
          low = MIN (low, g_array_index (keyframes, TanluKeyframe, i).value);
          high = MAX (high, g_array_index (keyframes, TanluKeyframe, i).value);
        }
    }

  if (high - low < 1)
    {
      high += 0.5;
      low -= 0.5;
    }

  /* Room to drag past the current extremes. */
  self->y_low = low - (high - low) * 0.25;
  self->y_high = high + (high - low) * 0.25;
  if (!tanlu_lever_is_rate (self->lever))
    self->y_low = MAX (self->y_low, 0);
}

static double
x_of (TanluLeverEditor *self,
      double            year)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_LEFT - MARGIN_RIGHT;

  if (self->last_year <= self->first_year)
    return MARGIN_LEFT;

  return MARGIN_LEFT + width * (year - self->first_year) / (self->last_year - self->first_year);
}

static double
y_of (TanluLeverEditor *self,
      double            value)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - MARGIN_TOP - MARGIN_BOTTOM;

  return MARGIN_TOP + height * (self->y_high - value) / (self->y_high - self->y_low);
}

static double
year_of (TanluLeverEditor *self,
         double            x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN_LEFT - MARGIN_RIGHT;

  return self->first_year + (x - MARGIN_LEFT) / MAX (width, 1) * (self->last_year - self->first_year);
}

static double
value_of (TanluLeverEditor *self,
          double            y)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - MARGIN_TOP - MARGIN_BOTTOM;

  return self->y_high - (y - MARGIN_TOP) / MAX (height, 1) * (self->y_high - self->y_low);
}

/* The keyframe under the pointer: own ones first. */
static int
hit (TanluLeverEditor *self,
     double            x,
     double            y,
     gboolean         *own)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      const GArray *keyframes = pass == 0 ? self->own : self->resolved;

      for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
        {
          const TanluKeyframe *k = &g_array_index (keyframes, TanluKeyframe, i);

          if (k->year < self->first_year || k->year > self->last_year)
            continue;
          if (hypot (x - x_of (self, k->year), y - y_of (self, k->value)) <= HIT_RADIUS)
            {
              *own = pass == 0;
              return k->year;
            }
        }
    }

  return -1;
}

static double
step_of (TanluLeverEditor *self)
{
  return tanlu_lever_is_rate (self->lever) ? 0.1 : 1.0;
}

static double
rounded (TanluLeverEditor *self,
         double            value)
{
  double step = step_of (self);
  double result = round (value / step) * step;

  if (tanlu_lever_is_rate (self->lever) && self->lever < TANLU_LEVER_SECTOR_FIRST)
    result = MAX (result, -99.9);
  if (!tanlu_lever_is_rate (self->lever))
    result = MAX (result, 0);

  return result;
}

static void
set_selected (TanluLeverEditor *self,
              int               year)
{
  if (self->selected == year)
    return;

  self->selected = year;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */

static void
set_source_rgba (cairo_t       *cr,
                 const GdkRGBA *color,
                 double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_handle (TanluLeverEditor *self,
             cairo_t          *cr,
             const GdkRGBA    *accent,
             const GdkRGBA    *background,
             const TanluKeyframe *k,
             gboolean          own)
{
  double x = x_of (self, k->year), y = y_of (self, k->value);
  double radius = (int) k->year == self->selected ? HANDLE_RADIUS + 2 : HANDLE_RADIUS;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_source_rgba (cr, own ? accent : background, 1);
  cairo_fill_preserve (cr);
  set_source_rgba (cr, accent, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
tanlu_lever_editor_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TanluLeverEditor *self = TANLU_LEVER_EDITOR (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA foreground, accent, background;
  cairo_t *cr;
  double zero_y;

  if (width <= MARGIN_LEFT + MARGIN_RIGHT || height <= MARGIN_TOP + MARGIN_BOTTOM ||
      self->last_year <= self->first_year)
    return;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = foreground;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Zero line and the extremes' labels */
  cairo_set_line_width (cr, 1);
  set_source_rgba (cr, &foreground, 0.25);
  zero_y = y_of (self, 0);
  if (zero_y >= MARGIN_TOP && zero_y <= height - MARGIN_BOTTOM)
    {
      cairo_move_to (cr, MARGIN_LEFT, round (zero_y) + 0.5);
      cairo_line_to (cr, width - MARGIN_RIGHT, round (zero_y) + 0.5);
      cairo_stroke (cr);
    }

  set_source_rgba (cr, &foreground, 0.6);
  for (guint i = 0; i < 3; i++)
    {
      double value = i == 0 ? self->y_high : i == 1 ? self->y_low : 0;
      g_autofree char *text = g_strdup_printf ("%.1f", value);
      int text_width, text_height;
      double y = y_of (self, value);

      if (i == 2 && (y < MARGIN_TOP + 10 || y > height - MARGIN_BOTTOM - 10))
        continue;
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_move_to (cr, MARGIN_LEFT - 6 - text_width, y - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Years along the bottom: the first, the last and the decades. */
  for (guint year = self->first_year; year <= self->last_year; year++)
    {
      g_autofree char *text = NULL;
      int text_width, text_height;
      double x;

      if (year != self->first_year && year != self->last_year &&
          (year % 10 != 0 || year - self->first_year < 4 || self->last_year - year < 4))
        continue;

      text = g_strdup_printf ("%u", year);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x = x_of (self, year);
      cairo_move_to (cr, CLAMP (x - text_width / 2.0, 0, width - text_width),
                     height - MARGIN_BOTTOM + 4);
      pango_cairo_show_layout (cr, layout);
    }

  /* The lever as it runs */
  set_source_rgba (cr, &accent, 0.8);
  cairo_set_line_width (cr, 2);
  for (guint year = self->first_year; year <= self->last_year; year++)
    {
      double x = x_of (self, year), y = y_of (self, value_at (self, year));

      if (year == self->first_year)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* Handles: the parent's hollow, the pathway's own filled on top */
  for (guint i = 0; self->resolved != NULL && i < self->resolved->len; i++)
    {
      const TanluKeyframe *k = &g_array_index (self->resolved, TanluKeyframe, i);

      if (k->year >= self->first_year && k->year <= self->last_year &&
          !find_keyframe (self->own, k->year, NULL))
        draw_handle (self, cr, &accent, &background, k, FALSE);
    }
  for (guint i = 0; self->own != NULL && i < self->own->len; i++)
    {
      const TanluKeyframe *k = &g_array_index (self->own, TanluKeyframe, i);

      if (k->year >= self->first_year && k->year <= self->last_year)
        draw_handle (self, cr, &accent, &background, k, TRUE);
    }

  cairo_destroy (cr);
}

static void
tanlu_lever_editor_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 140;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 180;
}

/* ------------------------------------------------------------------------ */
/* Input                                                                    */

static void
emit_move (TanluLeverEditor *self,
           guint             old_year,
           guint             year,
           double            value,
           gboolean          done)
{
  g_signal_emit (self, signals[KEYFRAME_MOVED], 0, old_year, year, value, done);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               TanluLeverEditor *self)
{
  gboolean own = FALSE;
  int year = hit (self, x, y, &own);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->dragged = year;
  self->drag_is_own = own;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->moved = FALSE;

  if (year < 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_selected (self, year);
}

static void
drag_to (TanluLeverEditor *self,
         double            x,
         double            y,
         gboolean          done)
{
  double value = rounded (self, value_of (self, y));
  int year = self->dragged;

  if (self->drag_is_own)
    {
      /* Between the neighbouring keyframes, after the base year. */
      guint low = self->first_year, high = TANLU_PATHWAY_MAX_YEAR;

      for (guint i = 0; i < self->own->len; i++)
        {
          guint other = g_array_index (self->own, TanluKeyframe, i).year;

          if ((int) other < self->dragged)
            low = MAX (low, other + 1);
          else if ((int) other > self->dragged)
            high = MIN (high, other - 1);
        }
      year = CLAMP ((int) round (year_of (self, x)), (int) low, (int) MIN (high, self->last_year));
    }

  emit_move (self, self->dragged, year, value, done);
  self->dragged = year;
  self->drag_is_own = TRUE;   /* once moved, it is the pathway's own */
  self->selected = year;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            offset_x,
                double            offset_y,
                TanluLeverEditor *self)
{
  if (self->dragged < 0)
    return;

  self->moved = TRUE;
  drag_to (self, self->drag_start_x + offset_x, self->drag_start_y + offset_y, FALSE);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             TanluLeverEditor *self)
{
  if (self->dragged < 0)
    return;

  if (self->moved)
    drag_to (self, self->drag_start_x + offset_x, self->drag_start_y + offset_y, TRUE);
  self->dragged = -1;
}

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            TanluLeverEditor *self)
{
  gboolean own;
  int year;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  year = hit (self, x, y, &own);

  if (year >= 0)
    {
      set_selected (self, year);
      return;
    }

  if (n_press == 2)
    {
      int new_year = (int) round (year_of (self, x));

      if (new_year < (int) self->first_year || new_year > (int) self->last_year ||
          find_keyframe (self->own, new_year, NULL))
        return;

      g_signal_emit (self, signals[KEYFRAME_ADDED], 0, (guint) new_year,
                     rounded (self, value_of (self, y)));
      set_selected (self, new_year);
    }
  else
    set_selected (self, -1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TanluLeverEditor      *self)
{
  gboolean big = (state & GDK_SHIFT_MASK) != 0;
  double value;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      {
        /* The next keyframe, own or inherited, that way. */
        int best = -1;

        for (guint pass = 0; pass < 2; pass++)
          {
            const GArray *keyframes = pass == 0 ? self->own : self->resolved;

            for (guint i = 0; keyframes != NULL && i < keyframes->len; i++)
              {
                int year = g_array_index (keyframes, TanluKeyframe, i).year;

                if (year < (int) self->first_year || year > (int) self->last_year)
                  continue;
                if (keyval == GDK_KEY_Right && year > self->selected &&
                    (best < 0 || year < best))
                  best = year;
                if (keyval == GDK_KEY_Left && year < self->selected &&
                    (self->selected >= 0) && (best < 0 || year > best))
                  best = year;
              }
          }
        if (best >= 0)
          set_selected (self, best);
        return GDK_EVENT_STOP;
      }

    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      if (self->selected < 0)
        return GDK_EVENT_PROPAGATE;
      if (!find_keyframe (self->own, self->selected, &value) &&
          !find_keyframe (self->resolved, self->selected, &value))
        return GDK_EVENT_PROPAGATE;
      {
        double step = step_of (self) * (big || keyval == GDK_KEY_Page_Up ||
                                                keyval == GDK_KEY_Page_Down ? 10 : 1);

        if (keyval == GDK_KEY_Down || keyval == GDK_KEY_Page_Down)
          step = -step;
        emit_move (self, self->selected, self->selected, rounded (self, value + step), TRUE);
      }
      return GDK_EVENT_STOP;

    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (self->selected >= 0 && find_keyframe (self->own, self->selected, NULL))
        {
          guint year = self->selected;

          set_selected (self, -1);
          g_signal_emit (self, signals[KEYFRAME_REMOVED], 0, year);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* ------------------------------------------------------------------------ */

static void
tanlu_lever_editor_finalize (GObject *object)
{
  TanluLeverEditor *self = TANLU_LEVER_EDITOR (object);

  g_clear_pointer (&self->own, g_array_unref);
  g_clear_pointer (&self->resolved, g_array_unref);

  G_OBJECT_CLASS (tanlu_lever_editor_parent_class)->finalize (object);
}

static void
tanlu_lever_editor_class_init (TanluLeverEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tanlu_lever_editor_finalize;
  widget_class->snapshot = tanlu_lever_editor_snapshot;
  widget_class->measure = tanlu_lever_editor_measure;

  /**
   * TanluLeverEditor::keyframe-moved:
   * @old_year: the keyframe's year before
   * @year: its year now
   * @value: its value now
   * @done: whether the movement is over (the drag ended), or more follows
   */
  signals[KEYFRAME_MOVED] = g_signal_new ("keyframe-moved", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                          G_TYPE_UINT, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_BOOLEAN);
  signals[KEYFRAME_ADDED] = g_signal_new ("keyframe-added", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_UINT, G_TYPE_DOUBLE);
  signals[KEYFRAME_REMOVED] = g_signal_new ("keyframe-removed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_UINT);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             0);

  gtk_widget_class_set_css_name (widget_class, "levereditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tanlu_lever_editor_init (TanluLeverEditor *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  self->dragged = -1;
  self->first_year = 2019;
  self->last_year = 2060;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
tanlu_lever_editor_new (void)
{
  return g_object_new (TANLU_TYPE_LEVER_EDITOR, NULL);
}

static GArray *
copy_keyframes (const GArray *keyframes)
{
  return keyframes != NULL ? g_array_copy ((GArray *) keyframes) : NULL;
}

/**
 * tanlu_lever_editor_set_lever:
 * @first_year: the base year, where the pathway starts
 * @last_year: its end year
 * @start_value: an amount lever's value at @first_year
 * @own: (nullable) (element-type TanluKeyframe): the pathway's own keyframes
 * @resolved: (nullable) (element-type TanluKeyframe): the lever's keyframes
 *   with the parent's, as the pathway runs
 */
void
tanlu_lever_editor_set_lever (TanluLeverEditor *self,
                              TanluLever        lever,
                              guint             first_year,
                              guint             last_year,
                              double            start_value,
                              const GArray     *own,
                              const GArray     *resolved)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TANLU_IS_LEVER_EDITOR (self));

  self->lever = lever;
  self->first_year = first_year;
  self->last_year = last_year;
  self->start_value = start_value;
  g_clear_pointer (&self->own, g_array_unref);
  g_clear_pointer (&self->resolved, g_array_unref);
  self->own = copy_keyframes (own);
  if (self->own == NULL)
    self->own = g_array_new (FALSE, FALSE, sizeof (TanluKeyframe));
  self->resolved = copy_keyframes (resolved);

  /* During a drag the range stays, or the handle would run away. */
  if (self->dragged < 0)
    update_range (self);

  name = tanlu_lever_get_name (lever, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tanlu_lever_editor_get_selected:
 *
 * Returns: the year of the selected keyframe, or -1
 */
int
tanlu_lever_editor_get_selected (TanluLeverEditor *self)
{
  g_return_val_if_fail (TANLU_IS_LEVER_EDITOR (self), -1);

  return self->selected;
}

void
tanlu_lever_editor_select (TanluLeverEditor *self,
                           int               year)
{
  g_return_if_fail (TANLU_IS_LEVER_EDITOR (self));

  set_selected (self, year);
}

/**
 * _tanlu_lever_editor_get_point:
 *
 * Where the keyframe of @year is drawn, for tests that drag it.
 *
 * Returns: whether there is a keyframe in @year
 */
gboolean
_tanlu_lever_editor_get_point (TanluLeverEditor *self,
                               guint             year,
                               double           *x,
                               double           *y)
{
  double value;

  if (!find_keyframe (self->own, year, &value) && !find_keyframe (self->resolved, year, &value))
    return FALSE;

  *x = x_of (self, year);
  *y = y_of (self, value);
  return TRUE;
}
