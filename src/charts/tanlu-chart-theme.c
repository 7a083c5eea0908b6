/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-chart-private.h"

#include <math.h>

/* Paul Tol's "bright" scheme (https://personal.sron.nl/~pault/): distinct
 * for the common kinds of colour blindness, and meant for lines and text.
 * Grey comes last; stacked areas use it for "Other". */
static const guint32 tol_bright[TANLU_CHART_N_CATEGORICAL] = {
  0x4477aa,   /* blue */
  0xee6677,   /* red */
  0x228833,   /* green */
  0xccbb44,   /* yellow */
  0x66ccee,   /* cyan */
  0xaa3377,   /* purple */
  0xbbbbbb,   /* grey */
};

/* ---- helpers ---- */

static void
color_from_rgb (guint32          rgb,
                TanluChartColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1;
}

static double
linear_component (double value)
{
  if (value <= 0.04045)
    return value / 12.92;

  return pow ((value + 0.055) / 1.055, 2.4);
}

static double
contrast_ratio (const TanluChartColor *a,
                const TanluChartColor *b)
{
  double la = _tanlu_chart_color_luminance (a);
  double lb = _tanlu_chart_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Moves @color towards black on a light page, or white on a dark one, in
 * small steps until it reaches @ratio (WCAG contrast) against @background. */
static void
ensure_contrast (TanluChartColor       *color,
                 const TanluChartColor *background,
                 double                 ratio)
{
  TanluChartColor target = { 0, 0, 0, 1 };
  TanluChartColor original = *color;

  if (_tanlu_chart_color_luminance (background) < 0.2)
    target = (TanluChartColor) { 1, 1, 1, 1 };

  for (int step = 1; step <= 20 && contrast_ratio (color, background) < ratio; step++)
    _tanlu_chart_color_mix (&original, &target, step / 20.0, color);
}

static void
palette_from_foreground (TanluChartPalette     *palette,
                         const TanluChartColor *background,
                         const TanluChartColor *foreground)
{
  TanluChartColor opaque_background = *background;

  opaque_background.alpha = 1;
  palette->background = *background;
  palette->text = *foreground;
  palette->dark = _tanlu_chart_color_luminance (&opaque_background) < 0.2;

  _tanlu_chart_color_mix (foreground, &opaque_background, 0.3, &palette->text_dim);
  _tanlu_chart_color_mix (foreground, &opaque_background, 0.6, &palette->text_hidden);
  _tanlu_chart_color_mix (foreground, &opaque_background, 0.7, &palette->muted);

  palette->grid = *foreground;
  palette->grid.alpha = palette->dark ? 0.14 : 0.11;
  palette->axis = *foreground;
  palette->axis.alpha = 0.55;
}

/* ---- private API ---- */

/**
 * _tanlu_chart_palette_init:
 *
 * Resolves the colours of @data's theme, or the custom colours it carries.
 */
void
_tanlu_chart_palette_init (TanluChartPalette    *palette,
                           const TanluChartData *data)
{
  TanluChartColor background, foreground;
  TanluChartColor opaque_background;

  palette->line_scale = 1;

  if (data->custom_colors)
    {
      background = data->background;
      foreground = data->foreground;
    }
  else
    {
      switch (data->theme)
        {
        case TANLU_CHART_THEME_DARK:
          color_from_rgb (0x1e1e1e, &background);
          color_from_rgb (0xf0f0f0, &foreground);
          break;
        case TANLU_CHART_THEME_PRINT:
          color_from_rgb (0xffffff, &background);
          color_from_rgb (0x000000, &foreground);
          palette->line_scale = 1.35;
          break;
        case TANLU_CHART_THEME_LIGHT:
        default:
          color_from_rgb (0xfafafa, &background);
          color_from_rgb (0x1c1c1c, &foreground);
          break;
        }
    }

  palette_from_foreground (palette, &background, &foreground);
  opaque_background = background;
  opaque_background.alpha = 1;

  if (!data->custom_colors && data->theme == TANLU_CHART_THEME_PRINT)
    {
      palette->grid.alpha = 0.16;
      palette->axis.alpha = 0.8;
    }

  palette->band_alpha = palette->dark ? 0.26 : 0.18;

  for (guint i = 0; i < TANLU_CHART_N_CATEGORICAL; i++)
    {
      color_from_rgb (tol_bright[i], &palette->series[i]);

      /* Tol's blue and purple are too dark to stand out on a dark page;
       * lines need 3:1 (WCAG for graphics), text 4.5:1. */
      if (palette->dark)
        ensure_contrast (&palette->series[i], &opaque_background, 3.0);
      palette->series_text[i] = palette->series[i];
      ensure_contrast (&palette->series_text[i], &opaque_background, 4.5);
    }
}

/**
 * _tanlu_chart_palette_series:
 *
 * Returns: (transfer none): the line or area colour of a palette slot
 */
const TanluChartColor *
_tanlu_chart_palette_series (const TanluChartPalette *palette,
                             guint                    color_index)
{
  return &palette->series[color_index % TANLU_CHART_N_CATEGORICAL];
}

/**
 * _tanlu_chart_palette_series_text:
 *
 * Returns: (transfer none): the colour for text naming a palette slot
 */
const TanluChartColor *
_tanlu_chart_palette_series_text (const TanluChartPalette *palette,
                                  guint                    color_index)
{
  return &palette->series_text[color_index % TANLU_CHART_N_CATEGORICAL];
}

/**
 * _tanlu_chart_color_mix:
 *
 * Sets @result to @a moved by @t (0 to 1) towards @b, in sRGB.
 */
void
_tanlu_chart_color_mix (const TanluChartColor *a,
                        const TanluChartColor *b,
                        double                 t,
                        TanluChartColor       *result)
{
  TanluChartColor mixed;

  mixed.red = a->red + (b->red - a->red) * t;
  mixed.green = a->green + (b->green - a->green) * t;
  mixed.blue = a->blue + (b->blue - a->blue) * t;
  mixed.alpha = a->alpha + (b->alpha - a->alpha) * t;
  *result = mixed;
}

/**
 * _tanlu_chart_color_luminance:
 *
 * Returns: the relative luminance of @color, as WCAG defines it
 */
double
_tanlu_chart_color_luminance (const TanluChartColor *color)
{
  return 0.2126 * linear_component (color->red)
         + 0.7152 * linear_component (color->green)
         + 0.0722 * linear_component (color->blue);
}

/**
 * _tanlu_chart_color_on:
 *
 * Sets @text to near-black or white, whichever reads better on @fill.
 */
void
_tanlu_chart_color_on (const TanluChartColor *fill,
                       TanluChartColor       *text)
{
  TanluChartColor black, white;

  color_from_rgb (0x141414, &black);
  color_from_rgb (0xffffff, &white);
  *text = contrast_ratio (fill, &black) >= contrast_ratio (fill, &white) ? black : white;
}

/**
 * _tanlu_chart_set_source:
 * @alpha: multiplies the colour's own alpha
 */
void
_tanlu_chart_set_source (cairo_t               *cr,
                         const TanluChartColor *color,
                         double                 alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/**
 * tanlu_chart_series_color:
 * @data: a chart
 * @index: a series of @data
 * @color: (out): the colour its line is drawn in
 *
 * For what is drawn over a chart, such as the widget's hover marks.
 */
void
tanlu_chart_series_color (const TanluChartData *data,
                          guint                 index,
                          TanluChartColor      *color)
{
  TanluChartPalette palette;
  const TanluChartSeries *series;

  g_return_if_fail (data != NULL);
  g_return_if_fail (index < data->series->len);

  series = g_ptr_array_index (data->series, index);
  _tanlu_chart_palette_init (&palette, data);
  *color = *_tanlu_chart_palette_series (&palette, series->color_index);
}
