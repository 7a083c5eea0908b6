/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "charts/tanlu-chart-spec.h"
#include "tanlu-exportable.h"

G_BEGIN_DECLS

#define TANLU_TYPE_CHART_EXPORTABLE (tanlu_chart_exportable_get_type ())

G_DECLARE_FINAL_TYPE (TanluChartExportable, tanlu_chart_exportable, TANLU, CHART_EXPORTABLE,
                      GObject)

TanluExportable *tanlu_chart_exportable_new (TanluStore           *store,
                                             const TanluChartSpec *spec,
                                             const TanluChartData *shown);

G_END_DECLS
