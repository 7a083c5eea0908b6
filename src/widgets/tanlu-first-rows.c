/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-first-rows"

#include "config.h"

#include "tanlu-first-rows.h"

/* A list or column view in GTK 4.8 builds some two hundred rows whatever
 * its height. Behind a slice that first holds one screenful, the frame
 * after a change is ready in a fraction of the time, with every visible
 * row in it; the rest follow as soon as that frame is on screen. */

#define STATE_KEY "tanlu-first-rows"

typedef struct
{
  GtkSliceListModel *slice;      /* borrowed: owns this state */
  GdkFrameClock     *frame_clock;
  gulong             map_id;
  gulong             after_paint_id;
  guint              idle_id;
  GtkWidget         *widget;     /* weak */
} State;

static void
state_free (gpointer data)
{
  State *state = data;

  if (state->widget != NULL)
    {
      g_clear_signal_handler (&state->map_id, state->widget);
      g_object_remove_weak_pointer (G_OBJECT (state->widget), (gpointer *)&state->widget);
    }
  if (state->frame_clock != NULL)
    {
      g_clear_signal_handler (&state->after_paint_id, state->frame_clock);
      g_object_remove_weak_pointer (G_OBJECT (state->frame_clock), (gpointer *)&state->frame_clock);
    }
  g_clear_handle_id (&state->idle_id, g_source_remove);
  g_free (state);
}

static gboolean
show_all (gpointer data)
{
  State *state = data;

  state->idle_id = 0;
  gtk_slice_list_model_set_size (state->slice, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   State         *state)
{
  g_clear_signal_handler (&state->after_paint_id, frame_clock);

  /* Later, not inside this frame's after-paint handlers. */
  if (state->idle_id == 0)
    state->idle_id = g_idle_add (show_all, state);
}

static void
wait_for_frame (State *state)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (state->widget);

  if (frame_clock == NULL)
    return;

  if (state->frame_clock != frame_clock)
    {
      if (state->frame_clock != NULL)
        {
          g_clear_signal_handler (&state->after_paint_id, state->frame_clock);
          g_object_remove_weak_pointer (G_OBJECT (state->frame_clock),
                                        (gpointer *) &state->frame_clock);
        }
      state->frame_clock = frame_clock;
      g_object_add_weak_pointer (G_OBJECT (frame_clock), (gpointer *)&state->frame_clock);
    }

  if (state->after_paint_id == 0)
    state->after_paint_id =
      g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), state);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_map_cb (GtkWidget *widget,
           State     *state)
{
  if (gtk_slice_list_model_get_size (state->slice) != G_MAXUINT)
    wait_for_frame (state);
}

/**
 * tanlu_first_rows_show:
 * @slice: the slice between the view and its model
 * @widget: the view, or a widget showing it
 * @row_height: a row's approximate height, to count the rows on screen
 * @other_height: about how much of the window's height is not the view
 *
 * Limits @slice to the rows the window can show until the next frame has
 * been painted, then lets all rows through.
 */
void
tanlu_first_rows_show (GtkSliceListModel *slice,
                       GtkWidget         *widget,
                       guint              row_height,
                       guint              other_height)
{
  State *state;
  GtkRoot *root;
  int width = 0;
  int height = 0;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (row_height > 0);

  state = g_object_get_data (G_OBJECT (slice), STATE_KEY);
  if (state == NULL)
    {
      state = g_new0 (State, 1);
      state->slice = slice;
      state->widget = widget;
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&state->widget);
      state->map_id = g_signal_connect (widget, "map", G_CALLBACK (on_map_cb), state);
      g_object_set_data_full (G_OBJECT (slice), STATE_KEY, state, state_free);
    }

  /* Before the first allocation only the window's size is known, less what
   * surrounds the view. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      height -= other_height;
    }
  if (gtk_widget_get_height (widget) > 0)
    height = gtk_widget_get_height (widget);
  if (height <= 0)
    height = 1080;

  g_clear_handle_id (&state->idle_id, g_source_remove);
  gtk_slice_list_model_set_size (slice, height / row_height + 2);

  if (state->widget != NULL && gtk_widget_get_mapped (state->widget))
    wait_for_frame (state);
}
