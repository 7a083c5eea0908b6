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
 */
typedef enum
{
  TANLU_TABLE_LAYOUT_WIDE,
  TANLU_TABLE_LAYOUT_LONG,
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
 * TanluTableLayout:
 * @header_row: 1-based row of the header (the lowest row of a header
 *   spread over several), 0 when none was found
 * @first_data_row: 1-based first row of values, 0 when none was found
 * @last_data_row: 1-based last row of values; notes below it are not data
 * @layout: wide or long
 * @region_column: 1-based column of the regions, 0 when none was found
 * @year_columns: (element-type TanluTableYearColumn): for a wide layout,
 *   the columns whose headers are years, left to right
 * @year_column: for a long layout, the column of years, else 0
 * @value_column: for a long layout, the column of values, else 0
 * @total_rows: (element-type guint): 1-based data rows that are totals
 *   (合计, 总计, 全省…), which an import skips unless asked
 * @unit: (nullable): the unit stated in a title, header or note
 * @header_reason: why @header_row was chosen; each reason is translated
 *   and meant for the person who confirms or changes the guess
 * @layout_reason: why @layout, @year_columns, @year_column, @value_column
 * @region_reason: why @region_column
 * @totals_reason: why @total_rows
 * @unit_reason: where @unit was found, or that it was not
 *
 * What tanlu_table_layout_detect() guesses.  Every field maps onto a
 * field of an import recipe: header_row, first_data_row, layout,
 * region_column (as a letter, see tanlu_table_column_letter()),
 * year_columns or year_column + value_column, unit and skip_totals.
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
  GArray               *total_rows;
  char                 *unit;

  char                 *header_reason;
  char                 *layout_reason;
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
