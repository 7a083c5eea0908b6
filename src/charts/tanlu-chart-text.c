/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-chart"

#include "config.h"

#include "tanlu-chart-private.h"

#include <math.h>
#include <pango/pangocairo.h>

/* A text placed for drawing, or an obstacle (@layout %NULL) that text
 * must keep clear of, such as a target marker. */
typedef struct
{
  TanluChartBox        box;
  PangoLayout         *layout;
  double               origin_x;
  double               origin_y;
  TanluChartColor      color;
  TanluChartTextFlags  flags;
} TanluChartPlaced;

/* How much of what lies behind text on a veil shows through. */
#define HALO_ALPHA 0.85

/* Sub-pixel slack, so that boxes meeting exactly still count as apart. */
#define EPSILON 0.01

/* ---- helpers ---- */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
placed_clear (gpointer data)
{
  TanluChartPlaced *placed = data;

  g_clear_object (&placed->layout);
}

/* The box a layout covers, from its origin: its logical extents (line
 * height included) joined with its ink, which can reach past them. */
static void
layout_box (PangoLayout *layout,
            double      *x,
            double      *y,
            double      *width,
            double      *height)
{
  PangoRectangle ink, logical;
  int left, top, right, bottom;

  pango_layout_get_extents (layout, &ink, &logical);
  if (ink.width == 0 || ink.height == 0)
    ink = logical;

  left = MIN (ink.x, logical.x);
  top = MIN (ink.y, logical.y);
  right = MAX (ink.x + ink.width, logical.x + logical.width);
  bottom = MAX (ink.y + ink.height, logical.y + logical.height);

  if (x != NULL)
    *x = (double) left / PANGO_SCALE;
  if (y != NULL)
    *y = (double) top / PANGO_SCALE;
  if (width != NULL)
    *width = (double) (right - left) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) (bottom - top) / PANGO_SCALE;
}

static gboolean
boxes_meet (const TanluChartBox *a,
            double               x,
            double               y,
            double               width,
            double               height,
            double               clearance)
{
  return x < a->x + a->width + clearance - EPSILON
         && a->x < x + width + clearance - EPSILON
         && y < a->y + a->height + clearance - EPSILON
         && a->y < y + height + clearance - EPSILON;
}

static gboolean
place (TanluChartText        *text,
       PangoLayout           *layout,
       double                 x,
       double                 y,
       double                 lead,
       const TanluChartColor *color,
       TanluChartTextFlags    flags,
       TanluChartBoxKind      kind,
       int                    index)
{
  TanluChartPlaced placed = { 0 };
  double dx, dy, width, height;

  layout_box (layout, &dx, &dy, &width, &height);
  if (!_tanlu_chart_text_is_free (text, x, y, lead + width, height))
    return FALSE;

  placed.box = (TanluChartBox) { kind, x, y, lead + width, height, index };
  placed.layout = g_object_ref (layout);
  placed.origin_x = x + lead - dx;
  placed.origin_y = y - dy;
  placed.color = *color;
  placed.flags = flags;
  g_array_append_val (text->placed, placed);

  return TRUE;
}

/* ---- private API ---- */

/**
 * _tanlu_chart_text_init:
 * @cr: where the chart is drawn; its target decides the font options
 * @base_size: the label size in pixels; the other sizes follow from it
 *
 * Prepares text for one draw of @data.
 */
void
_tanlu_chart_text_init (TanluChartText          *text,
                        cairo_t                 *cr,
                        const TanluChartData    *data,
                        const TanluChartPalette *palette,
                        double                   width,
                        double                   height,
                        double                   base_size)
{
  static const struct
  {
    double      scale;
    PangoWeight weight;
  } roles[TANLU_CHART_N_FONTS] = {
    [TANLU_CHART_FONT_TITLE] = { 1.45, PANGO_WEIGHT_BOLD },
    [TANLU_CHART_FONT_SUBTITLE] = { 1.05, PANGO_WEIGHT_NORMAL },
    [TANLU_CHART_FONT_LABEL] = { 1.0, PANGO_WEIGHT_NORMAL },
    [TANLU_CHART_FONT_SMALL] = { 0.86, PANGO_WEIGHT_NORMAL },
  };
  cairo_font_options_t *options;
  const char *family;

  text->context = pango_cairo_create_context (cr);

  /* Cairo 1.16 draws glyphs of image surfaces at whole pixels, so
   * advances are rounded to whole pixels too, or letters would be spaced
   * unevenly. Slight hinting keeps the outlines true to the font. */
  options = cairo_font_options_create ();
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);

  /* The language picks the Simplified Chinese forms of Han characters
   * from the CJK fonts, also for place names in English charts. */
  pango_context_set_language (text->context, pango_language_from_string ("zh-cn"));
  if (data->language == TANLU_CHART_LANGUAGE_ENGLISH)
    pango_context_set_language (text->context, pango_language_from_string ("en"));

  family = data->font != NULL && data->font[0] != '\0' ? data->font : "Sans";
  for (guint i = 0; i < TANLU_CHART_N_FONTS; i++)
    {
      text->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (text->fonts[i], family);
      pango_font_description_set_weight (text->fonts[i], roles[i].weight);
      pango_font_description_set_absolute_size (text->fonts[i],
                                                base_size * roles[i].scale * PANGO_SCALE);
    }
  if (base_size * roles[TANLU_CHART_FONT_SMALL].scale < 9)
    _tanlu_chart_text_set_size (text, TANLU_CHART_FONT_SMALL, MIN (9, base_size));

  text->palette = palette;
  text->width = width;
  text->height = height;
  text->clearance = MAX (1.5, base_size * 0.2);
  text->placed = g_array_new (FALSE, TRUE, sizeof (TanluChartPlaced));
  g_array_set_clear_func (text->placed, placed_clear);
}

/**
 * _tanlu_chart_text_clear:
 *
 * Frees what _tanlu_chart_text_init() set up.
 */
void
_tanlu_chart_text_clear (TanluChartText *text)
{
  g_clear_object (&text->context);
  for (guint i = 0; i < TANLU_CHART_N_FONTS; i++)
    g_clear_pointer (&text->fonts[i], pango_font_description_free);
  g_clear_pointer (&text->placed, g_array_unref);
}

/**
 * _tanlu_chart_text_reset:
 *
 * Forgets every text placed, to lay the chart out again.
 */
void
_tanlu_chart_text_reset (TanluChartText *text)
{
  g_array_set_size (text->placed, 0);
}

/**
 * _tanlu_chart_text_set_size:
 * @size: in pixels
 *
 * Changes the size of one role for the layouts made after.
 */
void
_tanlu_chart_text_set_size (TanluChartText *text,
                            TanluChartFont  font,
                            double          size)
{
  pango_font_description_set_absolute_size (text->fonts[font], size * PANGO_SCALE);
}

/**
 * _tanlu_chart_text_get_size:
 *
 * Returns: the size of a role in pixels
 */
double
_tanlu_chart_text_get_size (TanluChartText *text,
                            TanluChartFont  font)
{
  return (double) pango_font_description_get_size (text->fonts[font]) / PANGO_SCALE;
}

/**
 * _tanlu_chart_text_layout:
 * @max_width: wrap (or, for one line, ellipsize) at this width; 0 for none
 * @max_lines: at most this many lines, ellipsized after; 0 for no limit
 *
 * Returns: (transfer full): a layout of @str in @font
 */
PangoLayout *
_tanlu_chart_text_layout (TanluChartText      *text,
                          TanluChartFont       font,
                          const char          *str,
                          TanluChartTextFlags  flags,
                          double               max_width,
                          int                  max_lines)
{
  PangoLayout *layout = pango_layout_new (text->context);

  pango_layout_set_font_description (layout, text->fonts[font]);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  if ((flags & (TANLU_CHART_TEXT_STRIKE | TANLU_CHART_TEXT_BOLD)) != 0)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      if ((flags & TANLU_CHART_TEXT_STRIKE) != 0)
        pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
      if ((flags & TANLU_CHART_TEXT_BOLD) != 0)
        pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }

  return layout;
}

/**
 * _tanlu_chart_text_size:
 * @width: (out) (optional):
 * @height: (out) (optional):
 *
 * The size of the box @layout takes when placed.
 */
void
_tanlu_chart_text_size (PangoLayout *layout,
                        double      *width,
                        double      *height)
{
  layout_box (layout, NULL, NULL, width, height);
}

/**
 * _tanlu_chart_text_line_height:
 *
 * Returns: about how tall a line of @font is, for spacing
 */
double
_tanlu_chart_text_line_height (TanluChartText *text,
                               TanluChartFont  font)
{
  return _tanlu_chart_text_get_size (text, font) * 1.2;
}

/**
 * _tanlu_chart_text_is_free:
 *
 * Returns: whether a box there stays inside the drawing and clear of all
 *   text and obstacles placed so far
 */
gboolean
_tanlu_chart_text_is_free (TanluChartText *text,
                           double          x,
                           double          y,
                           double          width,
                           double          height)
{
  if (x < -EPSILON || y < -EPSILON
      || x + width > text->width + EPSILON || y + height > text->height + EPSILON)
    return FALSE;

  for (guint i = 0; i < text->placed->len; i++)
    {
      const TanluChartPlaced *placed = &g_array_index (text->placed, TanluChartPlaced, i);

      if (boxes_meet (&placed->box, x, y, width, height, text->clearance))
        return FALSE;
    }

  return TRUE;
}

/**
 * _tanlu_chart_text_place:
 * @x: left of the box
 * @y: top of the box
 *
 * Places @layout (taking a reference) so that its box starts at @x, @y,
 * unless that box would leave the drawing or come too close to text
 * already placed.
 *
 * Returns: whether it was placed
 */
gboolean
_tanlu_chart_text_place (TanluChartText        *text,
                         PangoLayout           *layout,
                         double                 x,
                         double                 y,
                         const TanluChartColor *color,
                         TanluChartTextFlags    flags,
                         TanluChartBoxKind      kind,
                         int                    index)
{
  return place (text, layout, x, y, 0, color, flags, kind, index);
}

/**
 * _tanlu_chart_text_place_with_symbol:
 * @symbol_width: room left of the text for a symbol the caller draws,
 *   such as a legend swatch; the box covers it too
 *
 * Like _tanlu_chart_text_place(), with the text drawn @symbol_width to the
 * right of @x.
 *
 * Returns: whether it was placed
 */
gboolean
_tanlu_chart_text_place_with_symbol (TanluChartText        *text,
                                     PangoLayout           *layout,
                                     double                 x,
                                     double                 y,
                                     double                 symbol_width,
                                     const TanluChartColor *color,
                                     TanluChartTextFlags    flags,
                                     TanluChartBoxKind      kind,
                                     int                    index)
{
  return place (text, layout, x, y, symbol_width, color, flags, kind, index);
}

/**
 * _tanlu_chart_text_add_obstacle:
 *
 * Keeps text placed from now on off a rectangle, such as a marker or a
 * legend swatch.
 */
void
_tanlu_chart_text_add_obstacle (TanluChartText *text,
                                double          x,
                                double          y,
                                double          width,
                                double          height)
{
  TanluChartPlaced placed = { 0 };

  placed.box = (TanluChartBox) { TANLU_CHART_BOX_VALUE_LABEL, x, y, width, height, -1 };
  g_array_append_val (text->placed, placed);
}

/**
 * _tanlu_chart_text_draw:
 *
 * Paints every text placed, in the order placed.
 */
void
_tanlu_chart_text_draw (TanluChartText *text,
                        cairo_t        *cr)
{
  cairo_save (cr);

  for (guint i = 0; i < text->placed->len; i++)
    {
      const TanluChartPlaced *placed = &g_array_index (text->placed, TanluChartPlaced, i);

      if (placed->layout == NULL)
        continue;

      /* Text over lines and areas sits on a veil of the page colour: the
       * lines stay faintly visible behind it and the text reads whole. */
      if ((placed->flags & TANLU_CHART_TEXT_HALO) != 0)
        {
          double size = (double) pango_font_description_get_size (
            pango_layout_get_font_description (placed->layout)) / PANGO_SCALE;
          double r = MAX (1, size * 0.15);

          _tanlu_chart_set_source (cr, &text->palette->background, HALO_ALPHA);
          rounded_rectangle (cr, placed->box.x - r, placed->box.y - r * 0.5,
                             placed->box.width + 2 * r, placed->box.height + r, r);
          cairo_fill (cr);
        }

      cairo_move_to (cr, placed->origin_x, placed->origin_y);
      _tanlu_chart_set_source (cr, &placed->color, 1);
      pango_cairo_show_layout (cr, placed->layout);
    }

  cairo_restore (cr);
}

/**
 * _tanlu_chart_text_get_boxes:
 * @boxes: (element-type TanluChartBox): where the boxes are appended
 *
 * Lists the box of every text placed (not the obstacles).
 */
void
_tanlu_chart_text_get_boxes (TanluChartText *text,
                             GArray         *boxes)
{
  for (guint i = 0; i < text->placed->len; i++)
    {
      const TanluChartPlaced *placed = &g_array_index (text->placed, TanluChartPlaced, i);

      if (placed->layout != NULL)
        g_array_append_val (boxes, placed->box);
    }
}
