/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>
#include <unistd.h>

/* The floor for the start-up benchmark: an empty libadwaita window with a
 * header bar and one label, which exits right after its first frame like
 * `TANLU_EXIT_AFTER_FIRST_FRAME=1 tanlu`. */

static void
on_after_paint (GdkFrameClock *frame_clock,
                GApplication  *app)
{
  gdk_display_flush (gdk_display_get_default ());
  _exit (0);
}

static void
on_map (GtkWidget    *window,
        GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint),
                    app);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("碳路 Tanlu"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.tanlu.ReferenceWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
