/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tanlu-chart-view.h"

G_BEGIN_DECLS

const TanluChartLayout *_tanlu_chart_view_get_layout     (TanluChartView *self);
char                   *_tanlu_chart_view_get_hover_text (TanluChartView *self);
void                    _tanlu_chart_view_hover_at       (TanluChartView *self,
                                                          double          x,
                                                          double          y);
gboolean                _tanlu_chart_view_click_at       (TanluChartView *self,
                                                          double          x,
                                                          double          y);

G_END_DECLS
