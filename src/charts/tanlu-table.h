/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tanlu-chart.h"

G_BEGIN_DECLS

/**
 * TanluTable:
 * @title: first line, bold
 * @rows: (element-type GStrv): the first row is the header; cells after
 *   the first column are right-aligned numbers, "✓" and "✗" centred
 * @source: the source line under the table
 *
 * A table of figures to export as a picture, in the style of the charts.
 */
typedef struct
{
  char              *title;
  char              *subtitle;
  char              *source;
  GPtrArray         *rows;
  TanluChartTheme    theme;
  TanluChartLanguage language;
} TanluTable;

TanluTable *tanlu_table_new  (const char *title,
                              const char *source,
                              GPtrArray  *rows);
void        tanlu_table_free (TanluTable *table);
void        tanlu_table_draw (cairo_t    *cr,
                              const TanluTable *table,
                              double      width,
                              double      height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTable, tanlu_table_free)

G_END_DECLS
