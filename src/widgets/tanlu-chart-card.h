/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "charts/tanlu-chart-spec.h"
#include "tanlu-chart-view.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CHART_CARD (tanlu_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (TanluChartCard, tanlu_chart_card, TANLU, CHART_CARD, GtkWidget)

GtkWidget            *tanlu_chart_card_new          (void);
gboolean              tanlu_chart_card_show_spec    (TanluChartCard *self,
                                                     TanluStore     *store,
                                                     TanluChartSpec *spec);
void                  tanlu_chart_card_set_pathways (TanluChartCard *self,
                                                     TanluPathwayLibrary *pathways);
void                  tanlu_chart_card_show_message (TanluChartCard *self,
                                                     const char     *title,
                                                     const char     *message);
TanluChartSpec       *tanlu_chart_card_get_spec     (TanluChartCard *self);
TanluChartView       *tanlu_chart_card_get_view     (TanluChartCard *self);
void                  tanlu_chart_card_set_footer   (TanluChartCard *self,
                                                     GtkWidget      *footer);
void                  tanlu_chart_card_set_note     (TanluChartCard *self,
                                                     const char     *note);

G_END_DECLS
