/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tanlu-types.h"
#include "widgets/tanlu-context-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_DASHBOARD_PAGE (tanlu_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (TanluDashboardPage, tanlu_dashboard_page, TANLU, DASHBOARD_PAGE,
                      TanluContextView)

void                tanlu_dashboard_page_set_unit_scale    (TanluDashboardPage *self,
                                                            const char         *unit_scale);
const char * const *tanlu_dashboard_page_get_comparisons   (TanluDashboardPage *self);
void                tanlu_dashboard_page_set_comparisons   (TanluDashboardPage *self,
                                                            const char * const *comparisons);
void                tanlu_dashboard_page_add_comparison    (TanluDashboardPage *self,
                                                            const char         *region_key);
void                tanlu_dashboard_page_remove_comparison (TanluDashboardPage *self,
                                                            const char         *region_key);

G_END_DECLS
