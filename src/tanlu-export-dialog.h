/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tanlu-chart-spec.h"

G_BEGIN_DECLS

void     tanlu_export_dialog_present (GtkWindow            *parent,
                                      TanluStore           *store,
                                      const TanluChartSpec *spec,
                                      const TanluChartData *shown,
                                      int                   shown_width,
                                      int                   shown_height);
gboolean tanlu_export_copy_chart     (GtkWidget            *widget,
                                      TanluStore           *store,
                                      const TanluChartSpec *spec,
                                      const TanluChartData *shown,
                                      GError              **error);

G_END_DECLS
