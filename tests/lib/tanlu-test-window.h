/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "app/tanlu-application.h"
#include "app/tanlu-window.h"
#include "store/tanlu-store.h"
#include "widgets/tanlu-context.h"

G_BEGIN_DECLS

/**
 * TanluTestWindowFixture:
 * @dir: a temporary folder holding a copy of the bundled database
 * @app: the test program's application
 * @store: the copy, open
 * @context: the window's context
 * @window: a window on it, shown
 *
 * A window as a first run opens it, on its own copy of the bundled data.
 */
typedef struct
{
  char             *dir;
  TanluApplication *app;
  TanluStore       *store;
  TanluContext     *context;
  TanluWindow      *window;
} TanluTestWindowFixture;

void       tanlu_test_window_init             (int                    *argc,
                                               char                 ***argv);
void       tanlu_test_window_shutdown         (void);
void       tanlu_test_window_set_up           (TanluTestWindowFixture *fixture,
                                               gconstpointer           data);
void       tanlu_test_window_tear_down        (TanluTestWindowFixture *fixture,
                                               gconstpointer           data);
void       tanlu_test_wait_until              (gboolean              (*condition) (gpointer),
                                               gpointer                data);
void       tanlu_test_wait_for_idle           (void);
void       tanlu_test_wait_for_draw           (GtkWidget              *widget);
GtkWidget *tanlu_test_find_widget             (GtkWidget              *widget,
                                               GType                   type);
GtkWidget *tanlu_test_find_named              (GtkWidget              *widget,
                                               const char             *name);
const char *tanlu_test_visible_view           (TanluTestWindowFixture *fixture);
void       tanlu_test_scroll_to               (GtkWidget              *widget);

G_END_DECLS
