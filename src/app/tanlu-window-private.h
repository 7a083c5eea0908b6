/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pages/dashboard/tanlu-dashboard-page.h"
#include "pages/data/tanlu-data-page.h"
#include "pages/map/tanlu-map-page.h"
#include "pages/pathways/tanlu-pathways-page.h"
#include "pages/tracker/tanlu-tracker-page.h"
#include "tanlu-window.h"
#include "widgets/tanlu-region-sidebar.h"

G_BEGIN_DECLS

struct _TanluWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *content_title;
  AdwLeafletPage       *content_page;
  TanluDashboardPage   *dashboard_page;
  TanluDataPage        *data_page;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkRevealer          *import_revealer;
  AdwLeaflet           *leaflet;
  TanluMapPage         *map_page;
  TanluRegionSidebar   *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;

  /* owned */
  TanluContext         *context;
  GSettings            *settings;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *file_chooser;
};

void      _tanlu_window_class_actions_init (GtkWidgetClass     *widget_class);
void      _tanlu_window_actions_init       (TanluWindow        *self);
void      _tanlu_window_import_files       (TanluWindow        *self,
                                            const char * const *paths);
GtkWindow *_tanlu_window_import_table     (TanluWindow        *self,
                                            const char         *path);
gboolean  _tanlu_window_is_importing       (TanluWindow        *self);

G_END_DECLS
