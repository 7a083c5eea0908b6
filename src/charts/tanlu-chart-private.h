/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>
#include <stdio.h>

#include "tanlu-chart-scale-private.h"
#include "tanlu-chart.h"

G_BEGIN_DECLS

/* ---- Colours (tanlu-chart-theme.c) ---- */

#define TANLU_CHART_N_CATEGORICAL 7

/**
 * TanluChartPalette:
 * @series: line and area colours, adjusted to stand out from @background
 * @series_text: the same hues, darkened or lightened until text in them
 *   reads on @background
 * @line_scale: 1, or more for heavier lines on slides
 *
 * Every colour one chart uses, resolved once per draw.
 */
typedef struct
{
  TanluChartColor background;
  TanluChartColor text;
  TanluChartColor text_dim;
  TanluChartColor text_hidden;
  TanluChartColor grid;
  TanluChartColor axis;
  TanluChartColor muted;
  TanluChartColor series[TANLU_CHART_N_CATEGORICAL];
  TanluChartColor series_text[TANLU_CHART_N_CATEGORICAL];
  double          line_scale;
  double          band_alpha;
  gboolean        dark;
} TanluChartPalette;

void                    _tanlu_chart_palette_init           (TanluChartPalette       *palette,
                                                             const TanluChartData    *data);
const TanluChartColor  *_tanlu_chart_palette_series         (const TanluChartPalette *palette,
                                                             guint                    color_index);
const TanluChartColor  *_tanlu_chart_palette_series_text    (const TanluChartPalette *palette,
                                                             guint                    color_index);
void                    _tanlu_chart_color_mix              (const TanluChartColor   *a,
                                                             const TanluChartColor   *b,
                                                             double                   t,
                                                             TanluChartColor         *result);
double                  _tanlu_chart_color_luminance        (const TanluChartColor   *color);
void                    _tanlu_chart_color_on               (const TanluChartColor   *fill,
                                                             TanluChartColor         *text);
void                    _tanlu_chart_set_source             (cairo_t                 *cr,
                                                             const TanluChartColor   *color,
                                                             double                   alpha);

/* ---- Text (tanlu-chart-text.c) ---- */

typedef enum
{
  TANLU_CHART_FONT_TITLE,
  TANLU_CHART_FONT_SUBTITLE,
  TANLU_CHART_FONT_LABEL,
  TANLU_CHART_FONT_SMALL,
  TANLU_CHART_N_FONTS,
} TanluChartFont;

typedef enum
{
  TANLU_CHART_TEXT_PLAIN = 0,
  TANLU_CHART_TEXT_HALO = 1 << 0,     /* outlined in the page colour, to read over lines */
  TANLU_CHART_TEXT_STRIKE = 1 << 1,   /* a hidden series */
  TANLU_CHART_TEXT_BOLD = 1 << 2,
} TanluChartTextFlags;

/**
 * TanluChartText:
 *
 * Places text for one draw: measures Pango layouts, refuses positions that
 * would overlap text already placed (or an obstacle such as a marker) or
 * leave the drawing, and keeps what was placed until it is painted on top
 * of everything else.
 */
typedef struct
{
  PangoContext            *context;
  PangoFontDescription    *fonts[TANLU_CHART_N_FONTS];
  const TanluChartPalette *palette;
  double                   width;
  double                   height;
  double                   clearance;  /* kept free around each text */
  GArray                  *placed;     /* TanluChartPlaced */
} TanluChartText;

void                    _tanlu_chart_text_init              (TanluChartText          *text,
                                                             cairo_t                 *cr,
                                                             const TanluChartData    *data,
                                                             const TanluChartPalette *palette,
                                                             double                   width,
                                                             double                   height,
                                                             double                   base_size);
void                    _tanlu_chart_text_clear             (TanluChartText          *text);
void                    _tanlu_chart_text_reset             (TanluChartText          *text);
void                    _tanlu_chart_text_set_size          (TanluChartText          *text,
                                                             TanluChartFont           font,
                                                             double                   size);
double                  _tanlu_chart_text_get_size          (TanluChartText          *text,
                                                             TanluChartFont           font);
PangoLayout            *_tanlu_chart_text_layout            (TanluChartText          *text,
                                                             TanluChartFont           font,
                                                             const char              *str,
                                                             TanluChartTextFlags      flags,
                                                             double                   max_width,
                                                             int                      max_lines);
void                    _tanlu_chart_text_size              (PangoLayout             *layout,
                                                             double                  *width,
                                                             double                  *height);
double                  _tanlu_chart_text_line_height       (TanluChartText          *text,
                                                             TanluChartFont           font);
gboolean                _tanlu_chart_text_is_free           (TanluChartText          *text,
                                                             double                   x,
                                                             double                   y,
                                                             double                   width,
                                                             double                   height);
gboolean                _tanlu_chart_text_place             (TanluChartText          *text,
                                                             PangoLayout             *layout,
                                                             double                   x,
                                                             double                   y,
                                                             const TanluChartColor   *color,
                                                             TanluChartTextFlags      flags,
                                                             TanluChartBoxKind        kind,
                                                             int                      index);
gboolean                _tanlu_chart_text_place_with_symbol (TanluChartText          *text,
                                                             PangoLayout             *layout,
                                                             double                   x,
                                                             double                   y,
                                                             double                   symbol_width,
                                                             const TanluChartColor   *color,
                                                             TanluChartTextFlags      flags,
                                                             TanluChartBoxKind        kind,
                                                             int                      index);
void                    _tanlu_chart_text_add_obstacle      (TanluChartText          *text,
                                                             double                   x,
                                                             double                   y,
                                                             double                   width,
                                                             double                   height);
void                    _tanlu_chart_text_draw              (TanluChartText          *text,
                                                             cairo_t                 *cr);
void                    _tanlu_chart_text_get_boxes         (TanluChartText          *text,
                                                             GArray                  *boxes);

G_END_DECLS
