/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include "widgets/tanlu-chart-view-private.h"
#include "tanlu-bench-stats.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "charts/tanlu-chart-spec.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-chart-view.h"

/* Times the frames that redraw a chart on screen: a 1600×900 window
 * holding a TanluChartView with a chart spec resolved against a database.
 *
 *   tanlu-bench-hover DATABASE SPEC.json [FRAMES]
 *
 * After the first frame, the crosshair moves one year at a time across the
 * plot and back, FRAMES times (200 by default); then the chart is drawn
 * anew ten times, as after a change of data, and finally the window is
 * redrawn 50 times with nothing changed. Last, without frames, the
 * crosshair moves FRAMES times more and only the view's snapshot is timed:
 * Tanlu's own share of a hover frame, the rest being GTK's rendering of
 * the window. A frame is timed from the
 * start of its paint phase, when GTK snapshots and renders the window, to
 * the end of its after-paint phase, after waiting for the display server
 * to have done the drawing it was sent. Prints four numbers, in
 * milliseconds:
 *
 *   FIRST-FRAME FULL-REDRAW-MEDIAN HOVER-MEDIAN HOVER-95TH-PERCENTILE UNCHANGED-MEDIAN
 *   HOVER-SNAPSHOT-MEDIAN
 */

#define DEFAULT_FRAMES  200
#define FULL_REDRAWS    10
#define UNCHANGED_FRAMES 50
#define WIDTH           1600
#define HEIGHT          900
#define TIMEOUT_SECONDS 120

typedef enum
{
  PHASE_FIRST_FRAME,
  PHASE_HOVER,
  PHASE_FULL_REDRAW,
  PHASE_UNCHANGED,
} Phase;

typedef struct
{
  /* owned */
  GMainLoop      *loop;
  TanluStore     *store;
  TanluChartSpec *spec;
  GArray         *hover_times;    /* double, ms */
  GArray         *redraw_times;   /* double, ms */
  GArray         *unchanged_times; /* double, ms */

  /* borrowed */
  TanluChartView *view;

  Phase           phase;
  guint           n_frames;
  double          first_frame;
  gint64          paint_start;
  gulong          paint_hook_id;
  guint           timeout_id;
  gboolean        waiting;        /* for the frame asked for */
  int             year;           /* hovered, as an offset from the first */
  int             direction;
  int             exit_status;
} Bench;

/* ------------------------------------------------------------------------ */

static void
finish (Bench *bench,
        int    exit_status)
{
  bench->exit_status = exit_status;
  g_main_loop_quit (bench->loop);
}

/* Moves the crosshair to the next year, back and forth across the plot,
 * so that every step changes what is drawn. */
static void
hover_next_year (Bench *bench)
{
  const TanluChartLayout *layout = _tanlu_chart_view_get_layout (bench->view);
  int n_years = (int) (floor (layout->x_max) - ceil (layout->x_min)) + 1;
  double x;

  if (bench->year + bench->direction < 0 || bench->year + bench->direction >= n_years)
    bench->direction = -bench->direction;
  bench->year += bench->direction;

  x = tanlu_chart_layout_x_to_pixel (layout, ceil (layout->x_min) + bench->year);
  _tanlu_chart_view_hover_at (bench->view, x, layout->plot_y + layout->plot_height / 2);
}

/* What the view itself does for a hover frame: build its nodes, the
 * cached chart and the crosshair layer on top. */
static GArray *
time_hover_snapshots (Bench *bench)
{
  GtkWidget *view = GTK_WIDGET (bench->view);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < bench->n_frames; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      gint64 start;
      double milliseconds;

      hover_next_year (bench);
      start = g_get_monotonic_time ();
      gtk_widget_snapshot_child (gtk_widget_get_parent (view), view, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      milliseconds = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
      g_array_append_val (times, milliseconds);
    }

  return times;
}

static gboolean
redraw_whole_chart (Bench   *bench,
                    GError **error)
{
  TanluChartData *data;

  if (!(data = tanlu_chart_spec_resolve (bench->spec, bench->store, error)))
    return FALSE;

  tanlu_chart_view_set_data (bench->view, data);

  return TRUE;
}

/* ------------------------------------------------------------------------ */

/* An emission hook runs before every handler, so this is the start of the
 * paint phase even though GDK connected its own handler, which renders the
 * window, before the window could be reached here. */
static gboolean
on_paint_hook (GSignalInvocationHint *hint,
               guint                  n_param_values,
               const GValue          *param_values,
               gpointer               user_data)
{
  Bench *bench = user_data;

  bench->paint_start = g_get_monotonic_time ();

  return TRUE;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Bench         *bench)
{
  g_autoptr(GError) error = NULL;
  double milliseconds;

  if (bench->paint_start == 0)
    return;

  /* With the cairo renderer on X11, the drawing is done by the X server:
   * the frame is on screen once the server has caught up. */
  gdk_display_sync (gdk_display_get_default ());
  milliseconds = (g_get_monotonic_time () - bench->paint_start) / 1000.0;
  bench->paint_start = 0;

  switch (bench->phase)
    {
    case PHASE_FIRST_FRAME:
      /* The first frame that drew the chart. */
      if (_tanlu_chart_view_get_layout (bench->view) == NULL)
        return;
      bench->first_frame = milliseconds;
      bench->phase = PHASE_HOVER;
      bench->year = -1;
      bench->direction = 1;
      break;

    case PHASE_HOVER:
      if (!bench->waiting)
        return;
      g_array_append_val (bench->hover_times, milliseconds);
      if (bench->hover_times->len == bench->n_frames)
        bench->phase = PHASE_FULL_REDRAW;
      break;

    case PHASE_FULL_REDRAW:
      if (!bench->waiting || _tanlu_chart_view_get_layout (bench->view) == NULL)
        return;
      g_array_append_val (bench->redraw_times, milliseconds);
      if (bench->redraw_times->len == FULL_REDRAWS)
        bench->phase = PHASE_UNCHANGED;
      break;

    case PHASE_UNCHANGED:
      if (!bench->waiting)
        return;
      g_array_append_val (bench->unchanged_times, milliseconds);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Ask for the next frame. */
  bench->waiting = TRUE;
  if (bench->phase == PHASE_HOVER)
    hover_next_year (bench);
  else if (bench->phase == PHASE_FULL_REDRAW)
    {
      if (!redraw_whole_chart (bench, &error))
        {
          g_printerr ("tanlu-bench-hover: %s\n", error->message);
          finish (bench, 1);
        }
    }
  else if (bench->unchanged_times->len < UNCHANGED_FRAMES)
    gtk_widget_queue_draw (GTK_WIDGET (bench->view));
  else
    {
      g_autoptr(GArray) snapshot_times = time_hover_snapshots (bench);

      g_print ("%.3f %.3f %.3f %.3f %.3f %.3f\n", bench->first_frame,
               tanlu_bench_median (bench->redraw_times), tanlu_bench_median (bench->hover_times),
               tanlu_bench_percentile (bench->hover_times, 0.95),
               tanlu_bench_median (bench->unchanged_times), tanlu_bench_median (snapshot_times));
      finish (bench, 0);
    }
}

static void
on_window_realize (GtkWidget *window,
                   Bench     *bench)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);
  guint paint = g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK);

  bench->paint_hook_id = g_signal_add_emission_hook (paint, 0, on_paint_hook, bench, NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), bench);
}

static gboolean
on_timeout (gpointer user_data)
{
  Bench *bench = user_data;

  g_printerr ("tanlu-bench-hover: not done after %d s, with %u hover frames\n",
              TIMEOUT_SECONDS, bench->hover_times->len);
  bench->timeout_id = 0;
  finish (bench, 1);

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  TanluChartData *data;
  GtkWidget *window;
  gsize length;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("Usage: tanlu-bench-hover DATABASE SPEC.json [FRAMES]\n");
      return 2;
    }

  bench.n_frames = argc > 3 ? g_ascii_strtoull (argv[3], NULL, 10) : DEFAULT_FRAMES;
  if (bench.n_frames == 0)
    {
      g_printerr ("tanlu-bench-hover: FRAMES must be a positive number\n");
      return 2;
    }

  if (!(bench.store = tanlu_store_new (argv[1], &error)) ||
      !g_file_get_contents (argv[2], &contents, &length, &error) ||
      !(bench.spec = tanlu_chart_spec_new_from_json (contents, length, &error)) ||
      !(data = tanlu_chart_spec_resolve (bench.spec, bench.store, &error)))
    {
      g_printerr ("tanlu-bench-hover: %s\n", error->message);
      g_clear_object (&bench.store);
      g_clear_pointer (&bench.spec, tanlu_chart_spec_free);
      return 1;
    }

  adw_init ();

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.hover_times = g_array_new (FALSE, FALSE, sizeof (double));
  bench.redraw_times = g_array_new (FALSE, FALSE, sizeof (double));
  bench.unchanged_times = g_array_new (FALSE, FALSE, sizeof (double));
  bench.view = TANLU_CHART_VIEW (tanlu_chart_view_new ());
  tanlu_chart_view_set_data (bench.view, data);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), &bench);
  bench.timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, &bench);

  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (bench.loop);

  g_clear_handle_id (&bench.timeout_id, g_source_remove);
  if (bench.paint_hook_id != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK),
                                   bench.paint_hook_id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&bench.hover_times, g_array_unref);
  g_clear_pointer (&bench.redraw_times, g_array_unref);
  g_clear_pointer (&bench.unchanged_times, g_array_unref);
  g_clear_pointer (&bench.loop, g_main_loop_unref);
  g_clear_pointer (&bench.spec, tanlu_chart_spec_free);
  g_clear_object (&bench.store);

  return bench.exit_status;
}
