/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-bench"

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "pages/pathways/tanlu-lever-editor-private.h"
#include "pages/pathways/tanlu-pathways-page-private.h"
#include "pathways/tanlu-pathway-library.h"
#include "store/tanlu-region.h"
#include "store/tanlu-store.h"
#include "tanlu-bench-stats.h"
#include "widgets/tanlu-context.h"

/* Times the frames of the Pathways page while a keyframe is dragged, with
 * six pathways drawn: the three presets of Sichuan and three pathways of
 * its own, one of which is dragged.
 *
 *   tanlu-bench-pathway-drag DATABASE [MOVES]
 *
 * DATABASE is changed: the three pathways are saved in it. Each move
 * changes the 2030 keyframe of the selected pathway's intensity lever, as
 * a drag does. A move costs the page's own work (running the pathways,
 * making the chart and the table) and the frame that shows it (GTK's
 * layout, snapshot and rendering, from the frame clock's before-paint to
 * its after-paint); the wait between the two, for the frame clock's next
 * tick at 60 Hz, is not work. Prints, in milliseconds: the median and the
 * 95th percentile of that cost over MOVES moves (60 by default), the
 * median of the page's own work, and the median time from the change to
 * the end of its frame, the tick's wait included. */

#define DEFAULT_MOVES   60
#define WIDTH           1400
#define HEIGHT          900

typedef struct
{
  GMainLoop        *loop;
  TanluLeverEditor *editor;
  GdkFrameClock    *clock;
  GArray           *frames;
  GArray           *work;
  GArray           *latency;
  double            last_work;
  gint64            paint_start;
  guint             moves;
  guint             done;
  gint64            start;
  gboolean          waiting;
} Bench;

static void
move (Bench *bench)
{
  double value = -4.0 - (bench->done % 10) * 0.5;
  double milliseconds;

  bench->start = g_get_monotonic_time ();
  g_signal_emit_by_name (bench->editor, "keyframe-moved", 2030u, 2030u, value, FALSE);
  milliseconds = (g_get_monotonic_time () - bench->start) / 1000.0;
  g_array_append_val (bench->work, milliseconds);
  bench->last_work = milliseconds;
  bench->paint_start = 0;
  bench->waiting = TRUE;
  gdk_frame_clock_request_phase (bench->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *bench)
{
  if (bench->waiting && bench->paint_start == 0)
    bench->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  double milliseconds;

  if (!bench->waiting || bench->paint_start == 0)
    return;

  bench->waiting = FALSE;
  milliseconds = bench->last_work + (now - bench->paint_start) / 1000.0;
  g_array_append_val (bench->frames, milliseconds);
  milliseconds = (now - bench->start) / 1000.0;
  g_array_append_val (bench->latency, milliseconds);

  if (++bench->done >= bench->moves)
    {
      g_main_loop_quit (bench->loop);
      return;
    }

  move (bench);
}

static gboolean
start_moving (gpointer data)
{
  move (data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TanluStore) store = NULL;
  g_autoptr(TanluContext) context = NULL;
  g_autoptr(GError) error = NULL;
  TanluPathwayLibrary *library;
  GtkWidget *window, *page;
  Bench bench = { 0 };

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("Usage: tanlu-bench-pathway-drag DATABASE [MOVES]\n");
      return 2;
    }
  bench.moves = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_MOVES;

  adw_init ();
  if (!(store = tanlu_store_open (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  context = tanlu_context_new (store);
  library = tanlu_context_get_pathways (context);

  /* Three pathways of Sichuan's own, the last made selected and dragged */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TanluPathwaySpec) spec = NULL;
      g_autofree char *name = g_strdup_printf ("Bench pathway %u", i + 1);
      g_autoptr(TanluPathwaySpec) existing = tanlu_pathway_library_lookup (library, name, NULL);

      if (existing != NULL)
        continue;
      spec = tanlu_pathway_spec_new (name, "510000");
      tanlu_pathway_spec_set_parent (spec, i == 0 ? "trend" : "targets");
      tanlu_pathway_spec_set_keyframe (spec, TANLU_LEVER_GDP_GROWTH, 2030, 5.0 - i);
      if (!tanlu_pathway_library_save (library, spec, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  tanlu_context_set_region (context, tanlu_store_lookup_region (store, 510000));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  page = tanlu_pathways_page_new ();
  tanlu_context_view_set_context (TANLU_CONTEXT_VIEW (page), context);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.work = g_array_new (FALSE, FALSE, sizeof (double));
  bench.latency = g_array_new (FALSE, FALSE, sizeof (double));
  bench.editor = _tanlu_pathways_page_get_lever_editor (TANLU_PATHWAYS_PAGE (page));
  _tanlu_pathways_page_set_lever (TANLU_PATHWAYS_PAGE (page), TANLU_LEVER_INTENSITY_CHANGE);

  /* After the first frames, when the window is laid out */
  while (gtk_widget_get_width (page) == 0)
    g_main_context_iteration (NULL, TRUE);
  bench.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (bench.clock, "before-paint", G_CALLBACK (on_before_paint), &bench);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (on_after_paint), &bench);
  g_timeout_add (500, start_moving, &bench);
  g_main_loop_run (bench.loop);

  g_print ("%.2f %.2f %.2f %.2f\n", tanlu_bench_median (bench.frames),
           tanlu_bench_percentile (bench.frames, 0.95), tanlu_bench_median (bench.work),
           tanlu_bench_median (bench.latency));

  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (bench.loop);
  g_array_unref (bench.frames);
  g_array_unref (bench.work);
  g_array_unref (bench.latency);
  return 0;
}
