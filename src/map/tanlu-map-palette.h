/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "charts/tanlu-chart.h"

G_BEGIN_DECLS

/**
 * TanluMapPalette:
 * @TANLU_MAP_PALETTE_SEQUENTIAL: light for low values, dark for high ones
 *   (ColorBrewer YlOrRd)
 * @TANLU_MAP_PALETTE_DIVERGING: dark purple for low values through a light
 *   middle to dark orange for high ones (ColorBrewer PuOr), for values
 *   around a meaningful midpoint such as zero change
 *
 * The colours of a choropleth map's classes. Both schemes are ones
 * ColorBrewer marks as safe for colour-blind readers.
 */
typedef enum
{
  TANLU_MAP_PALETTE_SEQUENTIAL,
  TANLU_MAP_PALETTE_DIVERGING,
} TanluMapPalette;

void        tanlu_map_palette_get_color         (TanluMapPalette  palette,
                                                 guint            n_classes,
                                                 guint            index,
                                                 gboolean         dark,
                                                 TanluChartColor *color);
void        tanlu_map_palette_get_no_data_color (gboolean         dark,
                                                 TanluChartColor *fill,
                                                 TanluChartColor *hatch);
const char *tanlu_map_palette_to_string         (TanluMapPalette  palette);
gboolean    tanlu_map_palette_from_string       (const char      *text,
                                                 TanluMapPalette *palette);

G_END_DECLS
