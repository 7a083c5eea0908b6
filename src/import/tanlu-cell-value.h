/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest cell text read as a number, in bytes once trimmed. */
#define TANLU_CELL_VALUE_MAX_LENGTH 128

/**
 * TanluCellValue:
 * @TANLU_CELL_VALUE_OK: a number
 * @TANLU_CELL_VALUE_PERCENT: a number followed by a percent sign; the
 *   value is the number as written, not divided by 100, and the caller
 *   decides what a percentage means in its column
 * @TANLU_CELL_VALUE_MISSING: a mark that the value is missing: empty,
 *   a dash, “空”, “无”, “NA”…
 * @TANLU_CELL_VALUE_NOT_A_NUMBER: anything else
 *
 * What a cell of a planner's table holds.
 */
typedef enum
{
  TANLU_CELL_VALUE_OK,
  TANLU_CELL_VALUE_PERCENT,
  TANLU_CELL_VALUE_MISSING,
  TANLU_CELL_VALUE_NOT_A_NUMBER,
} TanluCellValue;

/**
 * TanluDecimalMark:
 * @TANLU_DECIMAL_POINT: `1,234.5`: a point before the decimals, commas
 *   between thousands
 * @TANLU_DECIMAL_COMMA: `1.234,5` or `1 234,5`: a comma before the
 *   decimals, points or spaces between thousands, as spreadsheets in many
 *   European locales write them
 *
 * How a table writes the decimals of its numbers.
 */
typedef enum
{
  TANLU_DECIMAL_POINT,
  TANLU_DECIMAL_COMMA,
} TanluDecimalMark;

TanluCellValue  tanlu_cell_value_parse       (const char        *text,
                                              double            *value,
                                              char             **footnote);
TanluCellValue  tanlu_cell_value_parse_full  (const char        *text,
                                              TanluDecimalMark   decimal,
                                              double            *value,
                                              char             **footnote);

G_END_DECLS
