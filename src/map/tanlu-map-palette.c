/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The class colours are ColorBrewer's YlOrRd and PuOr schemes, from
 * http://colorbrewer2.org/ : Copyright (c) 2002 Cynthia Brewer, Mark
 * Harrower, and The Pennsylvania State University. Licensed under the
 * Apache License, Version 2.0; see src/map/NOTICE.
 */
#define G_LOG_DOMAIN "tanlu-map-palette"

#include "config.h"

#include "tanlu-map-palette.h"
#include "tanlu-classify.h"

/* ColorBrewer designs a separate scheme for each number of classes, rather
 * than sampling one ramp, so that neighbouring classes stay apart in
 * lightness whatever their number: the tables are copied per count, from 3
 * to 9 classes, as 0xRRGGBB in ColorBrewer's own order. */
#define N_TABLES (TANLU_CLASSIFY_MAX_CLASSES - TANLU_CLASSIFY_MIN_CLASSES + 1)

static const guint32 yl_or_rd[N_TABLES][TANLU_CLASSIFY_MAX_CLASSES] = {
  { 0xffeda0, 0xfeb24c, 0xf03b20 },
  { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xe31a1c },
  { 0xffffb2, 0xfecc5c, 0xfd8d3c, 0xf03b20, 0xbd0026 },
  { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xf03b20, 0xbd0026 },
  { 0xffffb2, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026 },
  { 0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xb10026 },
  { 0xffffcc, 0xffeda0, 0xfed976, 0xfeb24c, 0xfd8d3c, 0xfc4e2a, 0xe31a1c, 0xbd0026, 0x800026 },
};

/* ColorBrewer lists PuOr from orange to purple; get_color() reads it
 * backwards, so that high values are orange, warm like the top of YlOrRd. */
static const guint32 pu_or[N_TABLES][TANLU_CLASSIFY_MAX_CLASSES] = {
  { 0xf1a340, 0xf7f7f7, 0x998ec3 },
  { 0xe66101, 0xfdb863, 0xb2abd2, 0x5e3c99 },
  { 0xe66101, 0xfdb863, 0xf7f7f7, 0xb2abd2, 0x5e3c99 },
  { 0xb35806, 0xf1a340, 0xfee0b6, 0xd8daeb, 0x998ec3, 0x542788 },
  { 0xb35806, 0xf1a340, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0x998ec3, 0x542788 },
  { 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xd8daeb, 0xb2abd2, 0x8073ac, 0x542788 },
  { 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0xb2abd2, 0x8073ac, 0x542788 },
};

/* On a dark page the near-white first class of YlOrRd glares and pulls
 * the eye to the lowest values. It moves this far towards the second
 * class: dimmer, still the lightest, and still the same hue. */
#define DARK_LIGHTEST_SHIFT 0.3

/* "No data" is a neutral grey, hatched, where every class has a hue or is
 * lighter (PuOr's #f7f7f7 middle): at least 0.14 apart in RGB from every
 * class colour of every count, and the hatch tells it apart even where a
 * print or a screen washes colours out. */
#define NO_DATA_LIGHT_FILL  0xc8c8c8
#define NO_DATA_LIGHT_HATCH 0x969696
#define NO_DATA_DARK_FILL   0x4d4d4d
#define NO_DATA_DARK_HATCH  0x808080

static const char * const palette_names[] = {
  [TANLU_MAP_PALETTE_SEQUENTIAL] = "sequential",
  [TANLU_MAP_PALETTE_DIVERGING] = "diverging",
};

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
set_rgb (TanluChartColor *color,
         guint32          rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

static void
mix (TanluChartColor       *color,
     const TanluChartColor *other,
     double                 amount)
{
  color->red += (other->red - color->red) * amount;
  color->green += (other->green - color->green) * amount;
  color->blue += (other->blue - color->blue) * amount;
}

/* ------------------------------------------------------------------------ */
/* Public API */

/**
 * tanlu_map_palette_get_color:
 * @palette: the scheme
 * @n_classes: how many classes the map has, from 1 to
 *   %TANLU_CLASSIFY_MAX_CLASSES
 * @index: the class, from 0 (lowest values) to @n_classes − 1
 * @dark: whether the map is drawn on a dark page
 * @color: (out caller-allocates): the class's colour, opaque
 *
 * The colour of one class of a choropleth map. Both schemes keep their
 * order on dark pages (light still means low in the sequential one); only
 * the sequential lightest class is dimmed there. A diverging scheme with
 * an even number of classes has no neutral middle class.
 *
 * A classification can have fewer than %TANLU_CLASSIFY_MIN_CLASSES classes
 * when there are only one or two distinct values: those take the middle,
 * or the ends, of the three-class scheme.
 */
void
tanlu_map_palette_get_color (TanluMapPalette  palette,
                             guint            n_classes,
                             guint            index,
                             gboolean         dark,
                             TanluChartColor *color)
{
  const guint32 (*table)[TANLU_CLASSIFY_MAX_CLASSES];
  const guint32 *scheme;
  guint n_colors;
  guint entry;

  g_return_if_fail (color != NULL);
  g_return_if_fail (n_classes >= 1 && n_classes <= TANLU_CLASSIFY_MAX_CLASSES);
  g_return_if_fail (index < n_classes);

  switch (palette)
    {
    case TANLU_MAP_PALETTE_SEQUENTIAL:
      table = yl_or_rd;
      break;

    case TANLU_MAP_PALETTE_DIVERGING:
      table = pu_or;
      break;

    default:
      g_return_if_reached ();
    }

  n_colors = MAX (n_classes, TANLU_CLASSIFY_MIN_CLASSES);
  scheme = table[n_colors - TANLU_CLASSIFY_MIN_CLASSES];

  if (n_classes == 1)
    entry = 1;
  else if (n_classes == 2)
    entry = index * 2;
  else
    entry = index;

  if (palette == TANLU_MAP_PALETTE_DIVERGING)
    entry = n_colors - 1 - entry;

  set_rgb (color, scheme[entry]);

  /* Only the sequential scheme: dimming PuOr's near-white middle would
   * turn it into a grey that reads as "no data". */
  if (dark && palette == TANLU_MAP_PALETTE_SEQUENTIAL && entry == 0)
    {
      TanluChartColor next;

      set_rgb (&next, scheme[1]);
      mix (color, &next, DARK_LIGHTEST_SHIFT);
    }
}

/**
 * tanlu_map_palette_get_no_data_color:
 * @dark: whether the map is drawn on a dark page
 * @fill: (out caller-allocates): the fill of regions without data
 * @hatch: (out caller-allocates): the colour of the diagonal lines drawn
 *   over that fill
 *
 * The colours of regions without data, unlike every class colour of
 * either palette for every number of classes.
 */
void
tanlu_map_palette_get_no_data_color (gboolean         dark,
                                     TanluChartColor *fill,
                                     TanluChartColor *hatch)
{
  g_return_if_fail (fill != NULL);
  g_return_if_fail (hatch != NULL);

  set_rgb (fill, dark ? NO_DATA_DARK_FILL : NO_DATA_LIGHT_FILL);
  set_rgb (hatch, dark ? NO_DATA_DARK_HATCH : NO_DATA_LIGHT_HATCH);
}

/**
 * tanlu_map_palette_to_string:
 *
 * Returns: the palette's name in settings, specs and the command line:
 *   "sequential" or "diverging"
 */
const char *
tanlu_map_palette_to_string (TanluMapPalette palette)
{
  switch (palette)
    {
    case TANLU_MAP_PALETTE_SEQUENTIAL:
    case TANLU_MAP_PALETTE_DIVERGING:
      return palette_names[palette];

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tanlu_map_palette_from_string:
 * @text: (nullable): a name from tanlu_map_palette_to_string()
 * @palette: (out): the palette
 *
 * Returns: whether @text names a palette; @palette is left alone if not
 */
gboolean
tanlu_map_palette_from_string (const char      *text,
                               TanluMapPalette *palette)
{
  g_return_val_if_fail (palette != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (palette_names); i++)
    {
      if (g_str_equal (text, palette_names[i]))
        {
          *palette = i;
          return TRUE;
        }
    }

  return FALSE;
}
