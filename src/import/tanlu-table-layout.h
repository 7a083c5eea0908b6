/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "tanlu-csv.h"
#include "tanlu-region-match.h"
#include "tanlu-xlsx.h"

G_BEGIN_DECLS

/* A preview reads no more rows than this. */
#define TANLU_TABLE_GRID_PREVIEW_ROWS 200

typedef struct _TanluTableGrid TanluTableGrid;

/**
 * TanluTableLayoutKind:
 * @TANLU_TABLE_LAYOUT_WIDE: one row per region, years across the columns
 * @TANLU_TABLE_LAYOUT_LONG: one value per row, with a year column and a
 *   value column
 * @TANLU_TABLE_LAYOUT_INDICATORS: one row per region, indicators across
 *   the columns, for one year or with a year column
 */
typedef enum
{
  TANLU_TABLE_LAYOUT_WIDE,
  TANLU_TABLE_LAYOUT_LONG,
  TANLU_TABLE_LAYOUT_INDICATORS,
} TanluTableLayoutKind;

/**
 * TanluTableYearColumn:
 * @column: 1-based column
 * @year: the year its header names
 */
typedef struct
{
  guint column;
  guint year;
} TanluTableYearColumn;

/**
 * TanluTableIndicatorColumn:
 * @column: 1-based column
 * @header: its header without the unit in brackets: "地区生产总值"
 * @unit: (nullable): the unit in brackets after the header, as written,
 *   when tanlu_unit_parse() knows it: "亿元"
 */
typedef struct
{
  guint  column;
  char  *header;
  char  *unit;
} TanluTableIndicatorColumn;

/**
 * TanluTableLayout:
 * @header_row: 1-based row of the header (the lowest row of a header
 *   spread over several), 0 when none was found
 * @first_data_row: 1-based first row of values, 0 when none was found
 * @last_data_row: 1-based last row of values; notes below it are not data
 * @layout: wide, long or indicators
 * @region_column: 1-based column of the regions, 0 when none was found
 * @year_columns: (element-type TanluTableYearColumn): for a wide layout,
 *   the columns whose headers are years, left to right
 * @year_column: for a long layout, the column of years; for an
 *   indicators layout, the column of years if there is one; else 0
 * @value_column: for a long layout, the column of values, else 0
 * @indicator_columns: (element-type TanluTableIndicatorColumn): for an
 *   indicators layout, the columns headed by indicators, left to right
 * @year: for an indicators layout without a year column, the year a title
 *   row names ("2020年各市州主要经济指标"), else 0
 * @decimal_comma: whether the numbers are written with a decimal comma
 *   (`12,5`, `1.234,5`), as in a CSV separated by `;`
 * @total_rows: (element-type guint): 1-based data rows that are totals
 *   (合计, 总计, 全省…), which an import skips unless asked
 * @unit: (nullable): the unit stated in a title, header or note
 * @header_reason: why @header_row was chosen; each reason is translated
 *   and meant for the person who confirms or changes the guess
 * @layout_reason: why @layout, @year_columns, @year_column, @value_column,
 *   @indicator_columns and @year
 * @decimal_reason: (nullable): why @decimal_comma, when it is set
 * @region_reason: why @region_column
 * @totals_reason: why @total_rows
 * @unit_reason: where @unit was found, or that it was not
 *
 * What tanlu_table_layout_detect() guesses.  Every field maps onto a
 * field of an import recipe: header_row, first_data_row, layout,
 * region_column (as a letter, see tanlu_table_column_letter()),
 * year_columns, year_column + value_column, or indicator_columns with year
 * or year_column; unit, decimal and skip_totals.
 */
typedef struct
{
  guint                 header_row;
  guint                 first_data_row;
  guint                 last_data_row;
  TanluTableLayoutKind  layout;
  guint                 region_column;
  GArray               *year_columns;
  guint                 year_column;
  guint                 value_column;
  GArray               *indicator_columns;
  guint                 year;
  gboolean              decimal_comma;
  GArray               *total_rows;
  char                 *unit;

  char                 *header_reason;
  char                 *layout_reason;
  char                 *decimal_reason;
  char                 *region_reason;
  char                 *totals_reason;
  char                 *unit_reason;
} TanluTableLayout;

TanluTableGrid   *tanlu_table_grid_new            (void);
TanluTableGrid   *tanlu_table_grid_new_from_sheet (TanluSheet      *sheet);
TanluTableGrid   *tanlu_table_grid_new_from_csv   (TanluCsvReader  *reader,
                                                   guint            max_rows,
                                                   GError         **error);
void              tanlu_table_grid_free           (TanluTableGrid  *self);
void              tanlu_table_grid_set_separator  (TanluTableGrid  *self,
                                                   char             separator);
char              tanlu_table_grid_get_separator  (TanluTableGrid  *self);
void              tanlu_table_grid_set            (TanluTableGrid  *self,
                                                   guint            row,
                                                   guint            column,
                                                   const char      *text);
void              tanlu_table_grid_append_row     (TanluTableGrid  *self,
                                                   const char     **cells,
                                                   guint            n_cells);
const char       *tanlu_table_grid_get            (TanluTableGrid  *self,
                                                   guint            row,
                                                   guint            column);
guint             tanlu_table_grid_get_n_rows     (TanluTableGrid  *self);
guint             tanlu_table_grid_get_n_columns  (TanluTableGrid  *self);

TanluTableLayout *tanlu_table_layout_detect       (TanluTableGrid     *grid,
                                                   TanluRegionMatcher *matcher);
void              tanlu_table_layout_free         (TanluTableLayout   *self);

guint             tanlu_table_parse_year          (const char         *text);
char             *tanlu_table_column_letter       (guint               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTableGrid, tanlu_table_grid_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluTableLayout, tanlu_table_layout_free)

G_END_DECLS
