/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pango/pangocairo.h>

#include "tanlu-chart-private.h"
#include "tanlu-table.h"

/* Tables of figures drawn like the charts: the same colours, fonts and
 * source line, the text sized to the picture, so a table goes on a slide
 * beside the charts it sums up. */

TanluTable *
tanlu_table_new (const char *title,
                 const char *source,
                 GPtrArray  *rows)
{
  TanluTable *table = g_new0 (TanluTable, 1);

  table->title = g_strdup (title);
  table->source = g_strdup (source);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (table->rows, g_strdupv (g_ptr_array_index (rows, i)));

  return table;
}

void
tanlu_table_free (TanluTable *table)
{
  if (table == NULL)
    return;

  g_free (table->title);
  g_free (table->subtitle);
  g_free (table->source);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             int         width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/**
 * tanlu_table_draw:
 *
 * Draws the table to fill @width × @height: title, the rows with a rule
 * under the header, the source at the bottom. The text shrinks until the
 * columns fit the width.
 */
void
tanlu_table_draw (cairo_t          *cr,
                  const TanluTable *table,
                  double            width,
                  double            height)
{
  g_autoptr(TanluChartData) style = tanlu_chart_data_new (TANLU_CHART_KIND_LINE);
  TanluChartPalette palette;
  guint n_columns = 0;
  double margin = MAX (16, width * 0.03);
  double size = CLAMP (height / 32, 11, 28);
  double y, row_height, gap;
  g_autofree double *column_widths = NULL;

  style->theme = table->theme;
  _tanlu_chart_palette_init (&palette, style);

  cairo_save (cr);
  _tanlu_chart_set_source (cr, &palette.background, 1);
  cairo_paint (cr);

  for (guint r = 0; r < table->rows->len; r++)
    n_columns = MAX (n_columns, g_strv_length (g_ptr_array_index (table->rows, r)));

  /* Shrink the text until the widest cell of each column fits. */
  column_widths = g_new0 (double, MAX (n_columns, 1));
  for (;; size *= 0.92)
    {
      double total = 0;

      gap = size * 1.4;
      for (guint c = 0; c < n_columns; c++)
        {
          column_widths[c] = 0;
          for (guint r = 0; r < table->rows->len; r++)
            {
              char **row = g_ptr_array_index (table->rows, r);
              g_autoptr(PangoLayout) layout = NULL;

              if (c >= g_strv_length (row))
                continue;
              layout = make_layout (cr, row[c], size, r == 0, -1);
              column_widths[c] = MAX (column_widths[c], layout_width (layout));
            }
          total += column_widths[c] + (c > 0 ? gap : 0);
        }
      if (total <= width - 2 * margin || size < 6)
        break;
    }

  /* Title */
  y = margin;
  {
    g_autoptr(PangoLayout) title = make_layout (cr, table->title, size * 1.5, TRUE,
                                                width - 2 * margin);

    _tanlu_chart_set_source (cr, &palette.text, 1);
    cairo_move_to (cr, margin, y);
    pango_cairo_show_layout (cr, title);
    y += layout_height (title) + size;
  }

  /* Rows */
  row_height = size * 1.9;
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      double x = margin;

      for (guint c = 0; row[c] != NULL; c++)
        {
          g_autoptr(PangoLayout) layout = make_layout (cr, row[c], size, r == 0, -1);
          gboolean mark = g_str_equal (row[c], "✓") || g_str_equal (row[c], "✗");
          double cell_x = x;

          if (r > 0 && c > 0)
            cell_x = mark ? x + (column_widths[c] - layout_width (layout)) / 2
                          : x + column_widths[c] - layout_width (layout);
          else if (r == 0 && c > 0)
            cell_x = x + column_widths[c] - layout_width (layout);

          if (mark && r > 0)
            _tanlu_chart_set_source (cr, _tanlu_chart_palette_series_text (
                                           &palette, g_str_equal (row[c], "✓") ? 2 : 1), 1);
          else
            _tanlu_chart_set_source (cr, r == 0 ? &palette.text_dim : &palette.text, 1);
          cairo_move_to (cr, cell_x, y + (row_height - layout_height (layout)) / 2);
          pango_cairo_show_layout (cr, layout);
          x += column_widths[c] + gap;
        }

      y += row_height;
      if (r == 0 || r + 1 == table->rows->len)
        {
          _tanlu_chart_set_source (cr, &palette.axis, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, margin, y - 0.5);
          cairo_line_to (cr, width - margin, y - 0.5);
          cairo_stroke (cr);
        }
    }

  /* Source at the foot */
  if (table->source != NULL && *table->source != '\0')
    {
      g_autofree char *text = g_strdup_printf (table->language == TANLU_CHART_LANGUAGE_CHINESE
                                                 ? "来源：%s"
                                                 : "Source: %s",
                                               table->source);
      g_autoptr(PangoLayout) source = make_layout (cr, text, size * 0.75, FALSE,
                                                   width - 2 * margin);
      double source_y = MAX (y + size, height - margin - layout_height (source));

      _tanlu_chart_set_source (cr, &palette.text_dim, 1);
      cairo_move_to (cr, margin, source_y);
      pango_cairo_show_layout (cr, source);
    }

  cairo_restore (cr);
}
