/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "charts/tanlu-chart.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CHART_VIEW (tanlu_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TanluChartView, tanlu_chart_view, TANLU, CHART_VIEW, GtkWidget)

GtkWidget              *tanlu_chart_view_new              (void);
void                    tanlu_chart_view_set_data         (TanluChartView *self,
                                                           TanluChartData *data);
TanluChartData         *tanlu_chart_view_get_data         (TanluChartView *self);
void                    tanlu_chart_view_set_series_hidden (TanluChartView *self,
                                                            guint           index,
                                                            gboolean        hidden);

G_END_DECLS
