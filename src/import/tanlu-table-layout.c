/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "tanlu-table-layout"

#include "config.h"

#include "tanlu-table-layout.h"
#include "tanlu-cell-value.h"
#include "tanlu-units.h"

#include <string.h>

#include <glib/gi18n.h>

/* How the layout of a planner's table is guessed, from its first rows.
 *
 * Cells.  A cell is empty, a year, a number or text.  A year is a whole
 * number from 1949 to 2100, with half- or full-width digits, optionally
 * followed by 年 and 末/底/度 ("2015", "2015年", "2015 年", "２０１５年",
 * "2015年末").  A number is what tanlu_cell_value_parse() reads as one and
 * is not a year.  Inside a merged XLSX range every cell reads as the
 * range's top-left text.
 *
 * Title rows.  A row whose non-empty cells all hold the same text (one
 * cell, or one merged across) is a title or a note, never a header.
 *
 * Header.  A header row has two or more different texts and no number
 * (years are allowed: they are the labels of a wide table).  Header rows
 * that follow one another form one header spread over several rows
 * (年份 merged over the years, the years below); the header row is the
 * lowest of them, and a column's label is read from all of them.  The
 * first header that has a row with a number within the next three rows is
 * taken.  The data run from the first row with a number after the header
 * to the last such row; rows below are notes.
 *
 * Decimal comma.  In a CSV separated by `;`, the numbers are read with a
 * decimal comma (`12,5`, `1.234,5`) when more cells read as numbers only
 * that way than only with a decimal point; this is decided first, from
 * every cell, and every later rule reads numbers that way.
 *
 * Wide, indicators or long.  Two or more columns whose labels are years
 * make a wide table.  Otherwise a column labelled 年份/年度/年/year, or
 * whose data cells are nearly all years, is the year column.  Two or more
 * other columns labelled with text (not 序号, 代码, 编码 or code) whose
 * data cells are mostly numbers, at least half of them with a unit in
 * brackets after the label ("地区生产总值（亿元）", "常住人口(万人)",
 * "能耗【万吨标准煤】"), make an indicators table; without a year column
 * its year is the first year a title row names.  Otherwise the column
 * with the most numbers besides the year column is the value column: a
 * long table.
 *
 * Region.  With a matcher, the column whose data cells it matches most
 * (matched, ambiguous or below the registry), when at least a third of
 * them match; only the first 50 columns holding text are tried.
 * Otherwise the column labelled 地区, 地市, 城市, 省份, 区域, 行政区,
 * region, province or city.  Otherwise the first column of text.
 *
 * Totals.  A data row whose region cell the matcher calls a total row, or
 * whose region cell holds 合计, 总计, 小计, 全省, 全市, 全国 or total.
 *
 * Unit.  The first unit tanlu_unit_find_in_text() finds in the title rows,
 * then the header cells, then the notes below the data.  An indicators
 * table has none: each indicator column has its own.
 */

#define MAX_HEADER_SEARCH 30
#define DATA_LOOKAHEAD     3
#define MAX_COLUMNS        1000
#define MAX_MERGE_FILL     (G_GUINT64_CONSTANT (1) << 20)
#define MAX_REGION_COLUMNS 50

struct _TanluTableGrid
{
  GPtrArray *rows;       /* of GPtrArray of (nullable) utf8 */
  guint      n_columns;
  char       separator;  /* of the CSV it was read from, else '\0' */
};

typedef enum
{
  KIND_EMPTY,
  KIND_YEAR,
  KIND_NUMBER,
  KIND_TEXT,
} CellKind;

typedef struct
{
  guint n_nonempty;
  guint n_distinct;
  guint n_numbers;
  gboolean header_like;
  gboolean data_like;
} RowInfo;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
text_is_empty (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      return FALSE;

  return TRUE;
}

static CellKind
classify (const char       *text,
          TanluDecimalMark  decimal)
{
  double value;

  if (text_is_empty (text))
    return KIND_EMPTY;
  if (tanlu_table_parse_year (text) != 0)
    return KIND_YEAR;

  switch (tanlu_cell_value_parse_full (text, decimal, &value, NULL))
    {
    case TANLU_CELL_VALUE_OK:
    case TANLU_CELL_VALUE_PERCENT:
      return KIND_NUMBER;
    case TANLU_CELL_VALUE_MISSING:
      return KIND_EMPTY;
    case TANLU_CELL_VALUE_NOT_A_NUMBER:
      return KIND_TEXT;
    }

  return KIND_TEXT;
}

static TanluDecimalMark
decimal_of (const TanluTableLayout *layout)
{
  return layout->decimal_comma ? TANLU_DECIMAL_COMMA : TANLU_DECIMAL_POINT;
}

static RowInfo
row_info (TanluTableGrid   *grid,
          guint             row,
          TanluDecimalMark  decimal)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  RowInfo info = { 0, };

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      const char *text = tanlu_table_grid_get (grid, row, c);
      CellKind kind = classify (text, decimal);

      if (kind == KIND_EMPTY)
        continue;

      info.n_nonempty++;
      g_hash_table_add (seen, (gpointer) text);
      if (kind == KIND_NUMBER)
        info.n_numbers++;
    }

  info.n_distinct = g_hash_table_size (seen);
  info.header_like = info.n_distinct >= 2 && info.n_numbers == 0;
  info.data_like = info.n_numbers > 0;

  return info;
}

static gboolean
contains_any (const char         *text,
              const char * const *words)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
is_total_text (const char *text)
{
  static const char * const words[] = { "合计", "总计", "小计", "全省", "全市", "全国", "total", NULL };

  return contains_any (text, words);
}

static gboolean
is_year_label (const char *text)
{
  static const char * const labels[] = { "年份", "年度", "年", "year", NULL };
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; labels[i] != NULL; i++)
    if (strcmp (folded, labels[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_region_label (const char *text)
{
  static const char * const words[] = { "地区", "地市", "城市", "省份", "区域", "行政区", "region",
                                        "province", "city", NULL };

  return contains_any (text, words);
}

/* Columns of numbers that are not indicators: row numbers and codes. */
static gboolean
is_serial_label (const char *text)
{
  static const char * const words[] = { "序号", "编号", "代码", "编码", "code", NULL };

  return contains_any (text, words);
}

/* Splits "地区生产总值（亿元）" into the label before the brackets and
 * what they hold; also (), 【】 and [], and （…) typed mixed. Returns
 * FALSE when the label does not end in a bracket that holds something. */
static gboolean
split_label (const char  *text,
             char       **label,
             char       **inside)
{
  static const struct {
    gunichar closing;
    gunichar opening[2];
  } brackets[] = {
    { 0xFF09, { 0xFF08, '(' } },     /* （…） and (…） */
    { ')', { '(', 0xFF08 } },        /* (…) and （…) */
    { 0x3011, { 0x3010, 0x3010 } },  /* 【…】 */
    { ']', { '[', '[' } },
  };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *end = copy + strlen (copy);
  const char *close;
  gunichar closing;

  *label = NULL;
  *inside = NULL;
  if (end == copy)
    {
      *label = g_steal_pointer (&copy);
      return FALSE;
    }

  close = g_utf8_prev_char (end);
  closing = g_utf8_get_char (close);
  for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
    {
      const char *open = NULL;

      if (brackets[i].closing != closing)
        continue;

      for (const char *p = copy; p < close; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (ch == brackets[i].opening[0] || ch == brackets[i].opening[1])
            open = p;
        }
      if (open == NULL)
        break;

      {
        g_autofree char *before = g_strndup (copy, open - copy);
        const char *start = g_utf8_next_char (open);
        g_autofree char *held = g_strndup (start, close - start);
        const char *unit = g_strstrip (held);

        /* （单位：万人） */
        if (g_str_has_prefix (unit, "单位："))
          unit += strlen ("单位：");
        else if (g_str_has_prefix (unit, "单位:"))
          unit += strlen ("单位:");
        while (*unit == ' ')
          unit++;
        if (*unit == '\0')
          break;

        *label = g_strdup (g_strstrip (before));
        *inside = g_strdup (unit);
        return TRUE;
      }
    }

  *label = g_steal_pointer (&copy);
  return FALSE;
}

/* The first year from 1949 to 2100 that @text names as four digits of
 * their own: "2020年各市州主要经济指标", "Fixture 2020"; else 0. */
static guint
year_in_text (const char *text)
{
  guint year = 0;
  guint n_digits = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = *p == '\0' ? 0 : g_utf8_get_char (p);

      if (ch >= 0xFF10 && ch <= 0xFF19)
        ch = '0' + (ch - 0xFF10);
      if (ch >= '0' && ch <= '9')
        {
          year = n_digits < 4 ? year * 10 + (ch - '0') : 0;
          n_digits++;
        }
      else
        {
          if (n_digits == 4 && year >= 1949 && year <= 2100)
            return year;
          year = 0;
          n_digits = 0;
        }
      if (*p == '\0')
        return 0;
    }
}

/* A column's label, read through every row of the header. */
static const char *
column_label (TanluTableGrid *grid,
              guint           first_header_row,
              guint           header_row,
              guint           column,
              gboolean      (*accept) (const char *))
{
  for (guint r = header_row; r >= first_header_row && r > 0; r--)
    {
      const char *text = tanlu_table_grid_get (grid, r, column);

      if (!text_is_empty (text) && (accept == NULL || accept (text)))
        return text;
    }

  return NULL;
}

static gboolean
matches_region (TanluRegionMatcher *matcher,
                const char         *text,
                gboolean           *is_total)
{
  g_autoptr(TanluRegionMatch) match = NULL;

  *is_total = FALSE;
  if (text_is_empty (text))
    return FALSE;

  match = tanlu_region_matcher_match (matcher, text, 0, 0);
  switch (match->kind)
    {
    case TANLU_REGION_MATCH_MATCHED:
    case TANLU_REGION_MATCH_AMBIGUOUS:
    case TANLU_REGION_MATCH_BELOW_REGISTRY:
      return TRUE;
    case TANLU_REGION_MATCH_TOTAL_ROW:
      *is_total = TRUE;
      return FALSE;
    case TANLU_REGION_MATCH_NOT_FOUND:
      return FALSE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Grid                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * tanlu_table_grid_new:
 *
 * A grid of cell texts, rows and columns 1-based, that the first rows of
 * a sheet or a CSV fill for tanlu_table_layout_detect().
 *
 * Returns: (transfer full): an empty grid
 */
TanluTableGrid *
tanlu_table_grid_new (void)
{
  TanluTableGrid *self = g_new0 (TanluTableGrid, 1);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return self;
}

void
tanlu_table_grid_free (TanluTableGrid *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self);
}

/**
 * tanlu_table_grid_set:
 * @self: a grid
 * @row: 1-based row
 * @column: 1-based column
 * @text: (nullable): the cell's text
 */
void
tanlu_table_grid_set (TanluTableGrid *self,
                      guint           row,
                      guint           column,
                      const char     *text)
{
  GPtrArray *cells;

  g_return_if_fail (self != NULL);
  g_return_if_fail (row >= 1 && column >= 1);

  while (self->rows->len < row)
    g_ptr_array_add (self->rows, g_ptr_array_new_with_free_func (g_free));

  cells = self->rows->pdata[row - 1];
  while (cells->len < column)
    g_ptr_array_add (cells, NULL);

  g_free (cells->pdata[column - 1]);
  cells->pdata[column - 1] = g_strdup (text);
  self->n_columns = MAX (self->n_columns, column);
}

/**
 * tanlu_table_grid_append_row:
 * @self: a grid
 * @cells: (array length=n_cells) (nullable): the row's texts
 * @n_cells: how many
 */
void
tanlu_table_grid_append_row (TanluTableGrid  *self,
                             const char     **cells,
                             guint            n_cells)
{
  guint row;

  g_return_if_fail (self != NULL);

  g_ptr_array_add (self->rows, g_ptr_array_new_with_free_func (g_free));
  row = self->rows->len;
  for (guint c = 0; c < n_cells; c++)
    tanlu_table_grid_set (self, row, c + 1, cells[c]);
}

/**
 * tanlu_table_grid_get:
 * @self: a grid
 * @row: 1-based row
 * @column: 1-based column
 *
 * Returns: (nullable): the cell's text
 */
const char *
tanlu_table_grid_get (TanluTableGrid *self,
                      guint           row,
                      guint           column)
{
  GPtrArray *cells;

  g_return_val_if_fail (self != NULL, NULL);

  if (row == 0 || row > self->rows->len || column == 0)
    return NULL;

  cells = self->rows->pdata[row - 1];
  if (column > cells->len)
    return NULL;

  return cells->pdata[column - 1];
}

/**
 * tanlu_table_grid_set_separator:
 * @self: a grid
 * @separator: the separator of the CSV the grid holds the first records
 *   of (`,`, `;` or `\t`), or `\0` for a sheet
 *
 * Says how the cells were separated, which tells how numbers are likely
 * written: a `;` often goes with a decimal comma.
 */
void
tanlu_table_grid_set_separator (TanluTableGrid *self,
                                char            separator)
{
  g_return_if_fail (self != NULL);

  self->separator = separator;
}

/**
 * tanlu_table_grid_get_separator:
 * @self: a grid
 *
 * Returns: the separator of the CSV the grid was read from, or `\0`
 */
char
tanlu_table_grid_get_separator (TanluTableGrid *self)
{
  g_return_val_if_fail (self != NULL, '\0');

  return self->separator;
}

guint
tanlu_table_grid_get_n_rows (TanluTableGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
tanlu_table_grid_get_n_columns (TanluTableGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * tanlu_table_grid_new_from_sheet:
 * @sheet: a sheet
 *
 * The first %TANLU_TABLE_GRID_PREVIEW_ROWS rows of @sheet, each cell
 * reading as tanlu_sheet_get_display_string() does: a merged range's text
 * fills every cell of the range.
 *
 * Returns: (transfer full): a grid
 */
TanluTableGrid *
tanlu_table_grid_new_from_sheet (TanluSheet *sheet)
{
  TanluTableGrid *self;
  guint n_rows;
  guint n_merged;
  guint64 budget = MAX_MERGE_FILL;

  g_return_val_if_fail (sheet != NULL, NULL);

  self = tanlu_table_grid_new ();
  n_rows = MIN (tanlu_sheet_get_max_row (sheet), TANLU_TABLE_GRID_PREVIEW_ROWS);

  for (guint r = 1; r <= n_rows; r++)
    {
      const TanluCell *cells;
      guint n_cells;

      cells = tanlu_sheet_get_row (sheet, r, &n_cells);
      for (guint i = 0; i < n_cells; i++)
        if (cells[i].column <= MAX_COLUMNS && cells[i].type != TANLU_CELL_EMPTY)
          tanlu_table_grid_set (self, r, cells[i].column, cells[i].text);
    }

  /* Rows without any cell still count, so that row numbers stay the sheet's. */
  while (self->rows->len < n_rows)
    g_ptr_array_add (self->rows, g_ptr_array_new_with_free_func (g_free));

  /* Each merged range's top-left text fills the rest of the range, as far
   * as the preview reaches and within a budget of cells filled, so that a
   * hostile sheet of many huge ranges costs little.
   */
  n_merged = tanlu_sheet_get_n_merged (sheet);
  for (guint i = 0; i < n_merged && budget > 0; i++)
    {
      guint first_row, first_column, last_row, last_column;
      g_autofree char *text = NULL;

      tanlu_sheet_get_merged (sheet, i, &first_row, &first_column, &last_row, &last_column);
      if (first_row > n_rows || first_column > MAX_COLUMNS)
        continue;

      text = g_strdup (tanlu_table_grid_get (self, first_row, first_column));
      if (text == NULL)
        continue;

      last_row = MIN (last_row, n_rows);
      last_column = MIN (last_column, MAX_COLUMNS);
      for (guint r = first_row; r <= last_row && budget > 0; r++)
        for (guint c = first_column; c <= last_column && budget > 0; c++, budget--)
          if (r != first_row || c != first_column)
            tanlu_table_grid_set (self, r, c, text);
    }

  return self;
}

/**
 * tanlu_table_grid_new_from_csv:
 * @reader: a reader before its first record
 * @max_rows: how many records to read at most
 * @error: return location for a reading error
 *
 * Returns: (transfer full) (nullable): a grid of the first records, one
 *   row each, with the reader's separator; or %NULL with @error set
 */
TanluTableGrid *
tanlu_table_grid_new_from_csv (TanluCsvReader  *reader,
                               guint            max_rows,
                               GError         **error)
{
  g_autoptr(TanluTableGrid) self = tanlu_table_grid_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->separator = tanlu_csv_reader_get_separator (reader);
  while (self->rows->len < max_rows && tanlu_csv_reader_next (reader, &local_error))
    {
      guint n_fields = tanlu_csv_reader_get_n_fields (reader);
      guint row;

      g_ptr_array_add (self->rows, g_ptr_array_new_with_free_func (g_free));
      row = self->rows->len;
      for (guint c = 0; c < MIN (n_fields, MAX_COLUMNS); c++)
        tanlu_table_grid_set (self, row, c + 1, tanlu_csv_reader_get_field (reader, c));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Detection                                                                */
/* ------------------------------------------------------------------------ */

/**
 * tanlu_table_parse_year:
 * @text: a header
 *
 * Returns: the year @text names ("2015", "2015年", "２０１５年",
 *   "2015年末"), from 1949 to 2100, or 0
 */
guint
tanlu_table_parse_year (const char *text)
{
  guint year = 0;
  guint n_digits = 0;
  const char *p;

  if (text == NULL)
    return 0;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isspace (ch) && ch != 0x3000)
        break;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0xFF10 && ch <= 0xFF19)
        ch = '0' + (ch - 0xFF10);
      if (ch < '0' || ch > '9')
        break;
      if (++n_digits > 4)
        return 0;
      year = year * 10 + (ch - '0');
    }

  if (n_digits != 4 || year < 1949 || year > 2100)
    return 0;

  /* What may follow: ".0" (a year stored as a number), then 年 and 末/底/度. */
  if (g_str_has_prefix (p, ".0"))
    p += 2;
  while (*p == ' ' || g_str_has_prefix (p, "\u3000"))
    p = g_utf8_next_char (p);
  if (g_str_has_prefix (p, "年"))
    {
      p += strlen ("年");
      if (g_str_has_prefix (p, "末") || g_str_has_prefix (p, "底") || g_str_has_prefix (p, "度"))
        p = g_utf8_next_char (p);
    }
  while (*p != '\0')
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isspace (ch) && ch != 0x3000)
        return 0;
      p = g_utf8_next_char (p);
    }

  return year;
}

/**
 * tanlu_table_column_letter:
 * @column: 1-based column
 *
 * Returns: (transfer full): the column's letters, "A" for 1, "AB" for 28
 */
char *
tanlu_table_column_letter (guint column)
{
  g_autofree char *ref = tanlu_cell_reference (1, column);

  g_return_val_if_fail (ref != NULL, NULL);

  ref[strlen (ref) - 1] = '\0';
  return g_steal_pointer (&ref);
}

static void
find_header (TanluTableGrid   *grid,
             const RowInfo    *info,
             TanluTableLayout *layout,
             guint            *first_header_row)
{
  guint n_rows = grid->rows->len;
  guint limit = MIN (n_rows, MAX_HEADER_SEARCH);

  for (guint r = 1; r <= limit; r++)
    {
      guint last = r;

      if (!info[r].header_like)
        continue;

      while (last + 1 <= n_rows && info[last + 1].header_like)
        last++;

      for (guint d = last + 1; d <= MIN (n_rows, last + DATA_LOOKAHEAD); d++)
        if (info[d].data_like)
          {
            *first_header_row = r;
            layout->header_row = last;
            layout->first_data_row = d;
            layout->header_reason =
              last > r
              ? g_strdup_printf (_("Rows %u to %u read as one header: each has several labels "
                                   "and no values, and row %u holds values"), r, last, d)
              : g_strdup_printf (_("Row %u reads as the header: it has several labels and no "
                                   "values, and row %u holds values"), r, d);
            if (r > 1)
              {
                g_autofree char *reason = layout->header_reason;

                layout->header_reason =
                  g_strdup_printf (_("%s; the rows above are titles"), reason);
              }
            return;
          }

      r = last;
    }

  layout->header_reason = g_strdup (_("No row reads as a header: choose the header row"));
}

static void
indicator_column_clear (TanluTableIndicatorColumn *column)
{
  g_clear_pointer (&column->header, g_free);
  g_clear_pointer (&column->unit, g_free);
}

/* Columns headed by indicators with their units, besides the year column;
 * FALSE, with none kept, when they do not make an indicators table. */
static gboolean
find_indicators (TanluTableGrid   *grid,
                 guint             first_header_row,
                 TanluTableLayout *layout)
{
  TanluDecimalMark decimal = decimal_of (layout);
  guint n_bracketed = 0;
  guint n_known = 0;
  g_autofree char *first_letter = NULL;
  g_autofree char *last_letter = NULL;
  g_autofree char *described = NULL;

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      const char *label = column_label (grid, first_header_row, layout->header_row, c, NULL);
      TanluTableIndicatorColumn column = { c, NULL, NULL };
      g_autofree char *inside = NULL;
      guint n_numbers = 0;
      guint n_filled = 0;
      TanluUnit unit;

      if (c == layout->year_column || label == NULL || classify (label, decimal) != KIND_TEXT ||
          is_serial_label (label))
        continue;

      for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
        {
          CellKind kind = classify (tanlu_table_grid_get (grid, r, c), decimal);

          n_filled += kind != KIND_EMPTY;
          n_numbers += kind == KIND_NUMBER;
        }
      if (n_numbers == 0 || n_numbers * 2 < n_filled)
        continue;

      if (split_label (label, &column.header, &inside))
        {
          n_bracketed++;
          if (tanlu_unit_parse (inside, &unit))
            {
              column.unit = g_steal_pointer (&inside);
              n_known++;
            }
        }
      g_array_append_val (layout->indicator_columns, column);
    }

  if (layout->indicator_columns->len < 2 || n_bracketed * 2 < layout->indicator_columns->len)
    {
      g_array_set_size (layout->indicator_columns, 0);
      return FALSE;
    }

  layout->layout = TANLU_TABLE_LAYOUT_INDICATORS;
  layout->value_column = 0;
  if (layout->year_column == 0)
    for (guint r = 1; r < first_header_row && layout->year == 0; r++)
      for (guint c = 1; c <= grid->n_columns && layout->year == 0; c++)
        layout->year = year_in_text (tanlu_table_grid_get (grid, r, c));

  first_letter = tanlu_table_column_letter (
    g_array_index (layout->indicator_columns, TanluTableIndicatorColumn, 0).column);
  last_letter = tanlu_table_column_letter (
    g_array_index (layout->indicator_columns, TanluTableIndicatorColumn,
                   layout->indicator_columns->len - 1).column);
  described =
    /* Translators: the first %u counts columns, the second how many of them
     * state a unit Tanlu knows; the %s are the first and last column letters */
    g_strdup_printf (ngettext ("%u column from %s to %s is headed by an indicator, %u with a "
                               "unit Tanlu knows",
                               "%u columns from %s to %s are headed by indicators, %u with a "
                               "unit Tanlu knows",
                               layout->indicator_columns->len),
                     layout->indicator_columns->len, first_letter, last_letter, n_known);

  if (layout->year_column != 0)
    {
      g_autofree char *year_letter = tanlu_table_column_letter (layout->year_column);

      layout->layout_reason =
        /* Translators: the first %s says which columns hold indicators */
        g_strdup_printf (_("Indicators across: %s; column %s holds the years"),
                         described, year_letter);
    }
  else if (layout->year != 0)
    layout->layout_reason =
      /* Translators: %s says which columns hold indicators */
      g_strdup_printf (_("Indicators across: %s; the title names the year %u"),
                       described, layout->year);
  else
    layout->layout_reason =
      /* Translators: %s says which columns hold indicators */
      g_strdup_printf (_("Indicators across: %s; neither a column nor the title gives the "
                         "year: choose it"),
                       described);

  return TRUE;
}

static void
find_years (TanluTableGrid   *grid,
            guint             first_header_row,
            TanluTableLayout *layout)
{
  TanluDecimalMark decimal = decimal_of (layout);
  guint best_numbers = 0;

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      const char *label = column_label (grid, first_header_row, layout->header_row, c, NULL);
      guint year = tanlu_table_parse_year (label);

      if (year != 0)
        {
          TanluTableYearColumn column = { c, year };

          g_array_append_val (layout->year_columns, column);
        }
    }

  if (layout->year_columns->len >= 2)
    {
      const TanluTableYearColumn *first = &g_array_index (layout->year_columns,
                                                          TanluTableYearColumn, 0);
      const TanluTableYearColumn *last = &g_array_index (layout->year_columns,
                                                         TanluTableYearColumn,
                                                         layout->year_columns->len - 1);

      layout->layout = TANLU_TABLE_LAYOUT_WIDE;
      layout->layout_reason =
        g_strdup_printf (_("Wide: %u column headers are years, %u to %u"),
                         layout->year_columns->len, first->year, last->year);
      return;
    }

  g_array_set_size (layout->year_columns, 0);
  layout->layout = TANLU_TABLE_LAYOUT_LONG;

  /* A column labelled as years, else one whose cells nearly all are. */
  for (guint c = 1; c <= grid->n_columns && layout->year_column == 0; c++)
    if (column_label (grid, first_header_row, layout->header_row, c, is_year_label) != NULL)
      layout->year_column = c;

  for (guint c = 1; c <= grid->n_columns && layout->year_column == 0; c++)
    {
      guint n_years = 0;
      guint n_filled = 0;

      for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
        {
          CellKind kind = classify (tanlu_table_grid_get (grid, r, c), decimal);

          n_filled += kind != KIND_EMPTY;
          n_years += kind == KIND_YEAR;
        }

      if (n_filled > 0 && n_years * 10 >= n_filled * 9)
        layout->year_column = c;
    }

  if (find_indicators (grid, first_header_row, layout))
    return;

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      guint n_numbers = 0;

      if (c == layout->year_column)
        continue;

      for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
        n_numbers += classify (tanlu_table_grid_get (grid, r, c), decimal) == KIND_NUMBER;

      if (n_numbers > best_numbers)
        {
          best_numbers = n_numbers;
          layout->value_column = c;
        }
    }

  if (layout->year_column != 0 && layout->value_column != 0)
    {
      g_autofree char *year_letter = tanlu_table_column_letter (layout->year_column);
      g_autofree char *value_letter = tanlu_table_column_letter (layout->value_column);

      layout->layout_reason =
        g_strdup_printf (_("Long: column %s holds the years and column %s, with the most "
                           "numbers, the values"), year_letter, value_letter);
    }
  else
    {
      layout->layout_reason =
        g_strdup (_("Neither years across the header nor a column of years: choose the "
                    "year columns, or the year and value columns"));
    }
}

static gboolean
column_is_taken (TanluTableLayout *layout,
                 guint             column)
{
  if (column == layout->year_column || column == layout->value_column)
    return TRUE;

  for (guint i = 0; i < layout->year_columns->len; i++)
    if (g_array_index (layout->year_columns, TanluTableYearColumn, i).column == column)
      return TRUE;

  for (guint i = 0; i < layout->indicator_columns->len; i++)
    if (g_array_index (layout->indicator_columns, TanluTableIndicatorColumn, i).column == column)
      return TRUE;

  return FALSE;
}

static void
find_region (TanluTableGrid     *grid,
             TanluRegionMatcher *matcher,
             guint               first_header_row,
             TanluTableLayout   *layout)
{
  TanluDecimalMark decimal = decimal_of (layout);
  guint n_data = layout->last_data_row - layout->first_data_row + 1;
  guint best = 0;
  g_autofree char *letter = NULL;

  if (matcher != NULL)
    {
      guint n_tried = 0;

      for (guint c = 1; c <= grid->n_columns && n_tried < MAX_REGION_COLUMNS; c++)
        {
          guint n_matched = 0;
          guint n_text = 0;

          if (column_is_taken (layout, c))
            continue;

          for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
            n_text += classify (tanlu_table_grid_get (grid, r, c), decimal) == KIND_TEXT;
          if (n_text == 0)
            continue;
          n_tried++;

          for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
            {
              gboolean is_total;

              n_matched += matches_region (matcher, tanlu_table_grid_get (grid, r, c), &is_total);
            }

          if (n_matched > best)
            {
              best = n_matched;
              layout->region_column = c;
            }
        }

      if (layout->region_column != 0 && best * 3 >= n_data)
        {
          letter = tanlu_table_column_letter (layout->region_column);
          layout->region_reason =
            g_strdup_printf (_("Column %s: %u of its %u data cells name known regions"),
                             letter, best, n_data);
          return;
        }
      layout->region_column = 0;
    }

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      const char *label;

      if (column_is_taken (layout, c))
        continue;

      label = column_label (grid, first_header_row, layout->header_row, c, is_region_label);
      if (label != NULL)
        {
          layout->region_column = c;
          letter = tanlu_table_column_letter (c);
          layout->region_reason = g_strdup_printf (_("Column %s is headed “%s”"), letter, label);
          return;
        }
    }

  for (guint c = 1; c <= grid->n_columns; c++)
    {
      if (column_is_taken (layout, c))
        continue;

      if (classify (tanlu_table_grid_get (grid, layout->first_data_row, c), decimal) == KIND_TEXT)
        {
          layout->region_column = c;
          letter = tanlu_table_column_letter (c);
          layout->region_reason =
            g_strdup_printf (_("Column %s is the first column of text; check that it holds "
                               "the regions"), letter);
          return;
        }
    }

  layout->region_reason = g_strdup (_("No column reads as the regions: choose one"));
}

static void
find_totals (TanluTableGrid     *grid,
             TanluRegionMatcher *matcher,
             TanluTableLayout   *layout)
{
  g_autoptr(GString) rows = g_string_new (NULL);

  if (layout->region_column == 0)
    return;

  for (guint r = layout->first_data_row; r <= layout->last_data_row; r++)
    {
      const char *text = tanlu_table_grid_get (grid, r, layout->region_column);
      gboolean is_total = is_total_text (text);

      if (!is_total && matcher != NULL)
        matches_region (matcher, text, &is_total);

      if (is_total)
        {
          g_array_append_val (layout->total_rows, r);
          g_string_append_printf (rows, rows->len > 0 ? ", %u" : "%u", r);
        }
    }

  if (layout->total_rows->len > 0)
    layout->totals_reason =
      g_strdup_printf (ngettext ("Row %s is a total (合计, 总计, 全省…) and is skipped",
                                 "Rows %s are totals (合计, 总计, 全省…) and are skipped",
                                 layout->total_rows->len),
                       rows->str);
}

/* Whether the cells of a CSV separated by “;” write numbers with a
 * decimal comma: more read as numbers only that way than only with a
 * decimal point. */
static void
find_decimal_comma (TanluTableGrid   *grid,
                    TanluTableLayout *layout)
{
  guint n_comma = 0;
  guint n_point = 0;
  guint example_row = 0;
  guint example_column = 0;

  if (grid->separator != ';')
    return;

  for (guint r = 1; r <= grid->rows->len; r++)
    for (guint c = 1; c <= grid->n_columns; c++)
      {
        const char *text = tanlu_table_grid_get (grid, r, c);
        TanluCellValue as_point, as_comma;
        gboolean point, comma;
        double value;

        if (text_is_empty (text) || tanlu_table_parse_year (text) != 0)
          continue;

        as_point = tanlu_cell_value_parse_full (text, TANLU_DECIMAL_POINT, &value, NULL);
        as_comma = tanlu_cell_value_parse_full (text, TANLU_DECIMAL_COMMA, &value, NULL);
        point = as_point == TANLU_CELL_VALUE_OK || as_point == TANLU_CELL_VALUE_PERCENT;
        comma = as_comma == TANLU_CELL_VALUE_OK || as_comma == TANLU_CELL_VALUE_PERCENT;
        if (comma && !point)
          {
            if (n_comma++ == 0)
              {
                example_row = r;
                example_column = c;
              }
          }
        else if (point && !comma)
          n_point++;
      }

  if (n_comma > 0 && n_comma > n_point)
    {
      g_autofree char *cell = tanlu_cell_reference (example_row, example_column);

      layout->decimal_comma = TRUE;
      layout->decimal_reason =
        /* Translators: a number as the table writes it, its cell, and a count of cells */
        g_strdup_printf (ngettext ("Numbers have a decimal comma, as the “;” between the cells "
                                   "suggests: “%s” in cell %s and %u cell in all read as "
                                   "numbers only that way",
                                   "Numbers have a decimal comma, as the “;” between the cells "
                                   "suggests: “%s” in cell %s and %u cells in all read as "
                                   "numbers only that way",
                                   n_comma),
                         tanlu_table_grid_get (grid, example_row, example_column), cell, n_comma);
    }
}

typedef enum
{
  UNIT_IN_TITLE,
  UNIT_IN_HEADER,
  UNIT_IN_NOTES,
} UnitPlace;

static char *
unit_reason (UnitPlace   place,
             const char *unit,
             const char *cell)
{
  switch (place)
    {
    case UNIT_IN_TITLE:
      return g_strdup_printf (_("“%s”, stated in the title in cell %s"), unit, cell);
    case UNIT_IN_HEADER:
      return g_strdup_printf (_("“%s”, stated in the header in cell %s"), unit, cell);
    case UNIT_IN_NOTES:
      return g_strdup_printf (_("“%s”, stated in a note in cell %s"), unit, cell);
    }

  g_assert_not_reached ();
}

static gboolean
find_unit_in (TanluTableGrid   *grid,
              guint             first_row,
              guint             last_row,
              TanluTableLayout *layout,
              UnitPlace         place)
{
  for (guint r = first_row; r <= last_row; r++)
    for (guint c = 1; c <= grid->n_columns; c++)
      {
        const char *text = tanlu_table_grid_get (grid, r, c);
        g_autofree char *unit = NULL;
        TanluUnit parsed;

        if (text_is_empty (text))
          continue;

        unit = tanlu_unit_find_in_text (text, &parsed);
        if (unit != NULL)
          {
            g_autofree char *cell = tanlu_cell_reference (r, c);

            layout->unit = g_steal_pointer (&unit);
            layout->unit_reason = unit_reason (place, layout->unit, cell);
            return TRUE;
          }
      }

  return FALSE;
}

/**
 * tanlu_table_layout_detect:
 * @grid: the first rows of a table
 * @matcher: (nullable): a region matcher, to find the region column and
 *   total rows by their names
 *
 * Guesses how @grid is laid out, by the rules at the top of this file.
 * Every guess comes with its reason, to be shown and changed.
 *
 * Returns: (transfer full): the guess
 */
TanluTableLayout *
tanlu_table_layout_detect (TanluTableGrid     *grid,
                           TanluRegionMatcher *matcher)
{
  g_autoptr(TanluTableLayout) layout = g_new0 (TanluTableLayout, 1);
  g_autofree RowInfo *info = NULL;
  guint n_rows;
  guint first_header_row = 0;

  g_return_val_if_fail (grid != NULL, NULL);

  layout->year_columns = g_array_new (FALSE, FALSE, sizeof (TanluTableYearColumn));
  layout->indicator_columns = g_array_new (FALSE, FALSE, sizeof (TanluTableIndicatorColumn));
  g_array_set_clear_func (layout->indicator_columns, (GDestroyNotify) indicator_column_clear);
  layout->total_rows = g_array_new (FALSE, FALSE, sizeof (guint));

  find_decimal_comma (grid, layout);

  n_rows = grid->rows->len;
  info = g_new0 (RowInfo, n_rows + 2);
  for (guint r = 1; r <= n_rows; r++)
    info[r] = row_info (grid, r, decimal_of (layout));

  find_header (grid, info, layout, &first_header_row);
  if (layout->header_row == 0)
    {
      layout->layout_reason = g_strdup (_("Without a header the layout is not known"));
      layout->region_reason = g_strdup (_("Without a header the regions are not known"));
      find_unit_in (grid, 1, MIN (n_rows, MAX_HEADER_SEARCH), layout, UNIT_IN_TITLE);
      if (layout->unit == NULL)
        layout->unit_reason = g_strdup (_("No unit is stated: choose one"));
      return g_steal_pointer (&layout);
    }

  layout->last_data_row = layout->first_data_row;
  for (guint r = layout->first_data_row; r <= n_rows; r++)
    if (info[r].data_like)
      layout->last_data_row = r;

  find_years (grid, first_header_row, layout);
  find_region (grid, matcher, first_header_row, layout);
  find_totals (grid, matcher, layout);

  if (layout->layout == TANLU_TABLE_LAYOUT_INDICATORS)
    {
      gboolean all_stated = TRUE;

      for (guint i = 0; i < layout->indicator_columns->len; i++)
        if (g_array_index (layout->indicator_columns, TanluTableIndicatorColumn, i).unit == NULL)
          all_stated = FALSE;
      layout->unit_reason =
        all_stated
        ? g_strdup (_("Each indicator column states its own unit in its header"))
        : g_strdup (_("Each indicator column has its own unit: choose the units the headers "
                      "do not state"));
      return g_steal_pointer (&layout);
    }

  if (!find_unit_in (grid, 1, first_header_row - 1, layout, UNIT_IN_TITLE) &&
      !find_unit_in (grid, first_header_row, layout->header_row, layout, UNIT_IN_HEADER) &&
      !find_unit_in (grid, layout->last_data_row + 1, n_rows, layout, UNIT_IN_NOTES))
    layout->unit_reason = g_strdup (_("No unit is stated in the title, header or notes: "
                                      "choose one"));

  return g_steal_pointer (&layout);
}

void
tanlu_table_layout_free (TanluTableLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->year_columns, g_array_unref);
  g_clear_pointer (&self->indicator_columns, g_array_unref);
  g_clear_pointer (&self->total_rows, g_array_unref);
  g_free (self->unit);
  g_free (self->header_reason);
  g_free (self->layout_reason);
  g_free (self->decimal_reason);
  g_free (self->region_reason);
  g_free (self->totals_reason);
  g_free (self->unit_reason);
  g_free (self);
}
