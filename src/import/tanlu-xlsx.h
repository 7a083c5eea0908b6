/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANLU_XLSX_ERROR (tanlu_xlsx_error_quark ())

#define TANLU_XLSX_MAX_ROW    1048576
#define TANLU_XLSX_MAX_COLUMN 16384

/**
 * TanluXlsxError:
 * @TANLU_XLSX_ERROR_READ: the file cannot be read; the message gives the cause
 * @TANLU_XLSX_ERROR_EMPTY: the file is empty
 * @TANLU_XLSX_ERROR_NOT_ZIP: the file is not a zip archive at all
 * @TANLU_XLSX_ERROR_CORRUPT: a zip entry is truncated or damaged, a part is
 *   not well-formed XML, or a cell holds something it cannot
 * @TANLU_XLSX_ERROR_NOT_WORKBOOK: a zip, but without a workbook or its
 *   relationships
 * @TANLU_XLSX_ERROR_MISSING_PART: the workbook refers to a sheet part that
 *   is absent
 * @TANLU_XLSX_ERROR_TOO_LARGE: over a limit on the file's size, what its
 *   parts inflate to, the cells of a sheet or the shared strings
 *
 * Messages are translated and name the file, and for problems inside a
 * sheet the sheet and the cell.
 */
typedef enum
{
  TANLU_XLSX_ERROR_READ,
  TANLU_XLSX_ERROR_EMPTY,
  TANLU_XLSX_ERROR_NOT_ZIP,
  TANLU_XLSX_ERROR_CORRUPT,
  TANLU_XLSX_ERROR_NOT_WORKBOOK,
  TANLU_XLSX_ERROR_MISSING_PART,
  TANLU_XLSX_ERROR_TOO_LARGE,
} TanluXlsxError;

/* The most cells a sheet may hold, empty cells written out included. */
#define TANLU_XLSX_MAX_CELLS 5000000

/**
 * TanluCellType:
 * @TANLU_CELL_EMPTY: a cell written without a value
 * @TANLU_CELL_NUMBER: a number; dates are numbers too
 * @TANLU_CELL_STRING: text, shared, inline or a formula's result
 * @TANLU_CELL_BOOLEAN: TRUE or FALSE, as 1 or 0
 * @TANLU_CELL_ERROR: an error value such as "#DIV/0!"
 */
typedef enum
{
  TANLU_CELL_EMPTY,
  TANLU_CELL_NUMBER,
  TANLU_CELL_STRING,
  TANLU_CELL_BOOLEAN,
  TANLU_CELL_ERROR,
} TanluCellType;

/**
 * TanluCell:
 * @row: 1-based row, as in "A1"
 * @column: 1-based column, A = 1
 * @type: what the cell holds
 * @number: the value of a NUMBER cell, 0 or 1 for a BOOLEAN cell, else 0
 * @text: the text of a STRING cell (shared or inline, rich-text runs
 *   joined, phonetic runs left out), the code of an ERROR cell ("#DIV/0!"),
 *   the lexical form of the <v> of a NUMBER or BOOLEAN cell; %NULL for EMPTY
 *
 * Owned by the #TanluSheet it came from.
 */
typedef struct
{
  guint          row;
  guint          column;
  TanluCellType  type;
  double         number;
  const char    *text;
} TanluCell;

typedef struct _TanluXlsx  TanluXlsx;
typedef struct _TanluSheet TanluSheet;

GQuark           tanlu_xlsx_error_quark      (void);

TanluXlsx       *tanlu_xlsx_open             (const char  *path,
                                              GError     **error);
TanluXlsx       *tanlu_xlsx_open_bytes       (GBytes      *bytes,
                                              const char  *display_name,
                                              GError     **error);
void             tanlu_xlsx_free             (TanluXlsx   *self);
const char      *tanlu_xlsx_get_display_name (TanluXlsx   *self);
guint            tanlu_xlsx_get_n_sheets     (TanluXlsx   *self);
const char      *tanlu_xlsx_get_sheet_name   (TanluXlsx   *self,
                                              guint        index);
int              tanlu_xlsx_find_sheet       (TanluXlsx   *self,
                                              const char  *name);
TanluSheet      *tanlu_xlsx_read_sheet       (TanluXlsx   *self,
                                              guint        index,
                                              GError     **error);

void             tanlu_sheet_free            (TanluSheet  *self);
const char      *tanlu_sheet_get_name        (TanluSheet  *self);
guint            tanlu_sheet_get_max_row     (TanluSheet  *self);
guint            tanlu_sheet_get_max_column  (TanluSheet  *self);
const TanluCell *tanlu_sheet_get_cell        (TanluSheet  *self,
                                              guint        row,
                                              guint        column);
const TanluCell *tanlu_sheet_get_row         (TanluSheet  *self,
                                              guint        row,
                                              guint       *n_cells);
const char      *tanlu_sheet_get_string      (TanluSheet  *self,
                                              guint        row,
                                              guint        column);
gboolean         tanlu_sheet_get_number      (TanluSheet  *self,
                                              guint        row,
                                              guint        column,
                                              double      *value);
guint            tanlu_sheet_get_n_merged    (TanluSheet  *self);
gboolean         tanlu_sheet_get_merged      (TanluSheet  *self,
                                              guint        index,
                                              guint       *first_row,
                                              guint       *first_column,
                                              guint       *last_row,
                                              guint       *last_column);
const char      *tanlu_sheet_get_display_string (TanluSheet *self,
                                              guint        row,
                                              guint        column);

char            *tanlu_cell_reference        (guint        row,
                                              guint        column);
gboolean         tanlu_cell_parse_reference  (const char  *ref,
                                              guint       *row,
                                              guint       *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluXlsx, tanlu_xlsx_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluSheet, tanlu_sheet_free)

G_END_DECLS
