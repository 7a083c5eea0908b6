/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Real input for display tests: pointer and keys go through the X server
 * (its XTEST extension) and reach the widgets the way a user's do, through
 * GTK's own event handling, hit testing and gestures. */

void tanlu_test_input_init       (GtkWidget       *any_widget);
void tanlu_test_pointer_move     (GtkWidget       *widget,
                                  double           x,
                                  double           y);
void tanlu_test_pointer_button   (guint            button,
                                  gboolean         pressed);
void tanlu_test_click            (GtkWidget       *widget,
                                  double           x,
                                  double           y,
                                  guint            n_clicks);
void tanlu_test_drag             (GtkWidget       *widget,
                                  double           from_x,
                                  double           from_y,
                                  double           to_x,
                                  double           to_y,
                                  guint            steps);
void tanlu_test_key              (guint            keyval,
                                  GdkModifierType  modifiers);
void tanlu_test_type             (const char      *text);

G_END_DECLS
