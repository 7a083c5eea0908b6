/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-dashboard-page.h"

G_BEGIN_DECLS

GtkWidget *_tanlu_dashboard_page_get_chart (TanluDashboardPage *self,
                                            const char         *name);
GtkListBox *_tanlu_dashboard_page_get_targets  (TanluDashboardPage *self,
                                                  const char        **heading);
GtkListBox *_tanlu_dashboard_page_get_report (TanluDashboardPage *self);
GtkWidget *_tanlu_dashboard_page_get_card_popover (TanluDashboardPage *self,
                                                   const char         *name);
GtkWidget *_tanlu_dashboard_page_get_card  (TanluDashboardPage *self,
                                            const char         *name);

G_END_DECLS
