/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "tanlu-test-xlsx"

#include "config.h"

#include <sys/stat.h>

#include "import/tanlu-xlsx.h"
#include "tanlu-test-xlsx-writer.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static TanluXlsx *
open_writer (TanluTestXlsx *writer,
             const char    *display_name)
{
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  g_autoptr(GError) error = NULL;
  TanluXlsx *xlsx;

  xlsx = tanlu_xlsx_open_bytes (bytes, display_name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xlsx);

  return xlsx;
}

static TanluSheet *
read_sheet (TanluXlsx  *xlsx,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  TanluSheet *sheet;
  int index;

  index = tanlu_xlsx_find_sheet (xlsx, name);
  g_assert_cmpint (index, >=, 0);

  sheet = tanlu_xlsx_read_sheet (xlsx, index, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_cmpstr (tanlu_sheet_get_name (sheet), ==, name);

  return sheet;
}

static const TanluCell *
get_cell (TanluSheet *sheet,
          const char *ref)
{
  guint row;
  guint column;

  g_assert_true (tanlu_cell_parse_reference (ref, &row, &column));

  return tanlu_sheet_get_cell (sheet, row, column);
}

static void
assert_cell (TanluSheet    *sheet,
             const char    *ref,
             TanluCellType  type,
             double         number,
             const char    *text)
{
  const TanluCell *cell = get_cell (sheet, ref);
  g_autofree char *back = NULL;

  g_assert_nonnull (cell);
  back = tanlu_cell_reference (cell->row, cell->column);
  g_assert_cmpstr (back, ==, ref);
  g_assert_cmpint (cell->type, ==, type);
  g_assert_cmpfloat (cell->number, ==, number);
  g_assert_cmpstr (cell->text, ==, text);
}

/* Checks the code, and that the message names what it should: the file,
 * and for sheet problems the sheet and cell.
 */
static void
assert_error (const GError *error,
              int           code,
              ...) G_GNUC_NULL_TERMINATED;

static void
assert_error (const GError *error,
              int           code,
              ...)
{
  const char *needle;
  va_list args;

  g_assert_error (error, TANLU_XLSX_ERROR, code);
  g_test_message ("%s", error->message);

  va_start (args, code);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, needle) == NULL)
        g_error ("Message “%s” does not mention “%s”", error->message, needle);
    }
  va_end (args);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tanlu-test-xlsx-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

static void
open_file_expect_error (const char *path,
                        int         code,
                        const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  xlsx = tanlu_xlsx_open (path, &error);
  g_assert_null (xlsx);
  assert_error (error, code, basename, reason, NULL);
}

static GBytes *
copy_bytes_with (GBytes *bytes,
                 gsize   length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (length, <=, size);

  return g_bytes_new (data, length);
}

static const guint8 *
find_bytes (GByteArray *haystack,
            const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= haystack->len; i++)
    {
      if (memcmp (haystack->data + i, needle, length) == 0)
        return haystack->data + i;
    }

  return NULL;
}

/* Workbook with one sheet, "Data", for the bad-input cases. */
static TanluTestXlsx *
new_simple_writer (void)
{
  TanluTestXlsx *writer = tanlu_test_xlsx_new ();
  guint sheet = tanlu_test_xlsx_add_sheet (writer, "Data");

  tanlu_test_xlsx_set_string (writer, sheet, "A1", "Province");
  tanlu_test_xlsx_set_number (writer, sheet, "B1", 1.5);

  return writer;
}

static void
expect_sheet_error (TanluTestXlsx *writer,
                    int            code,
                    ...) G_GNUC_NULL_TERMINATED;

/* Opens fine, but reading sheet "Data" fails with @code; the message must
 * name the file, the sheet and the NULL-terminated extra needles.
 */
static void
expect_sheet_error (TanluTestXlsx *writer,
                    int            code,
                    ...)
{
  g_autoptr(TanluXlsx) xlsx = open_writer (writer, "bad-sheet.xlsx");
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  const char *needle;
  va_list args;

  sheet = tanlu_xlsx_read_sheet (xlsx, tanlu_xlsx_find_sheet (xlsx, "Data"), &error);
  g_assert_null (sheet);
  assert_error (error, code, "bad-sheet.xlsx", "“Data”", NULL);

  va_start (args, code);
  while ((needle = va_arg (args, const char *)) != NULL)
    {
      if (strstr (error->message, needle) == NULL)
        g_error ("Message “%s” does not mention “%s”", error->message, needle);
    }
  va_end (args);
}

static void
expect_open_error (TanluTestXlsx *writer,
                   int            code,
                   const char    *needle)
{
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;

  xlsx = tanlu_xlsx_open_bytes (bytes, "bad-book.xlsx", &error);
  g_assert_null (xlsx);
  assert_error (error, code, "bad-book.xlsx", needle, NULL);
}

static char *
get_data_path (const char *relative)
{
  const char *dir = g_getenv ("TANLU_SHARED_DATA_DIR");

  if (dir != NULL)
    return g_build_filename (dir, relative, NULL);

  return g_build_filename (TANLU_TEST_SOURCE_DIR "/../shared/data", relative, NULL);
}

/* Returns NULL, having skipped the test, when the data is not there. */
static TanluXlsx *
open_real (const char *relative)
{
  g_autofree char *path = get_data_path (relative);
  g_autoptr(GError) error = NULL;
  TanluXlsx *xlsx;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not available", path);

      g_test_skip (message);
      return NULL;
    }

  xlsx = tanlu_xlsx_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xlsx);

  return xlsx;
}

/* ------------------------------------------------------------------------ */
/* Cell references                                                          */
/* ------------------------------------------------------------------------ */

static const struct
{
  guint       row;
  guint       column;
  const char *ref;
} references[] = {
  { 1, 1, "A1" },
  { 1, 26, "Z1" },
  { 1, 27, "AA1" },
  { 1, 52, "AZ1" },
  { 1, 53, "BA1" },
  { 12, 28, "AB12" },
  { 4, 23, "W4" },
  { 3930, 4, "D3930" },
  { 1, 702, "ZZ1" },
  { 1, 703, "AAA1" },
  { 1048576, 16384, "XFD1048576" },
};

static void
test_reference_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *ref = tanlu_cell_reference (references[i].row, references[i].column);

      g_assert_cmpstr (ref, ==, references[i].ref);
    }
}

static void
test_reference_parse (void)
{
  static const char *invalid[] = {
    "", "A", "1", "A0", "A01", "a1", "$A$1", "A$1", "XFE1", "AAAA1", "A1048577",
    "A1 ", " A1", "A-1", "A+1", "AB12C", "A1:B2", "Sheet1!A1", "A99999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      guint row = 0;
      guint column = 0;

      g_assert_true (tanlu_cell_parse_reference (references[i].ref, &row, &column));
      g_assert_cmpuint (row, ==, references[i].row);
      g_assert_cmpuint (column, ==, references[i].column);
    }

  g_assert_true (tanlu_cell_parse_reference ("B7", NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      guint row = 77;
      guint column = 77;

      g_test_message ("“%s”", invalid[i]);
      g_assert_false (tanlu_cell_parse_reference (invalid[i], &row, &column));
      g_assert_cmpuint (row, ==, 77);
      g_assert_cmpuint (column, ==, 77);
    }
}

static void
test_reference_out_of_range (void)
{
  static const guint cases[][2] = { { 0, 1 }, { 1, 0 }, { 1048577, 1 }, { 1, 16385 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *ref;

      g_test_expect_message ("tanlu-xlsx", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
      ref = tanlu_cell_reference (cases[i][0], cases[i][1]);
      g_test_assert_expected_messages ();
      g_assert_null (ref);
    }
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_cells (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  static const struct
  {
    const char    *ref;
    TanluCellType  type;
    double         number;
    const char    *text;
  } expected[] = {
    { "A1", TANLU_CELL_STRING, 0, "Region" },
    { "B1", TANLU_CELL_STRING, 0, "Region" },
    { "C1", TANLU_CELL_STRING, 0, "  padded  " },
    { "E1", TANLU_CELL_STRING, 0, "北京 – ünïcödé" },
    { "F1", TANLU_CELL_STRING, 0, "a & b < c" },
    { "A2", TANLU_CELL_NUMBER, 42, "42" },
    { "B2", TANLU_CELL_NUMBER, 5.4242377989220016E-3, "5.4242377989220016E-3" },
    { "C2", TANLU_CELL_NUMBER, -1.5e10, "-1.5e+10" },
    { "D2", TANLU_CELL_NUMBER, 315.16335513633845, "315.16335513633845" },
    { "E2", TANLU_CELL_NUMBER, 0, "0" },
    { "F2", TANLU_CELL_NUMBER, 2.4867057597553229E-4, "2.4867057597553229E-4" },
    { "A3", TANLU_CELL_BOOLEAN, 1, "1" },
    { "B3", TANLU_CELL_BOOLEAN, 0, "0" },
    { "C3", TANLU_CELL_ERROR, 0, "#DIV/0!" },
    { "D3", TANLU_CELL_ERROR, 0, "#N/A" },
    { "E3", TANLU_CELL_STRING, 0, "2019-12-31T00:00:00" },
    { "A4", TANLU_CELL_EMPTY, 0, NULL },
    { "B4", TANLU_CELL_EMPTY, 0, NULL },
    { "C4", TANLU_CELL_NUMBER, 42.0054242377989, "42.0054242377989" },
    { "D4", TANLU_CELL_STRING, 0, "RegionRegion" },
    { "E4", TANLU_CELL_EMPTY, 0, NULL },
    { "F4", TANLU_CELL_STRING, 0, "" },
    { "G7", TANLU_CELL_NUMBER, 7, "7" },
  };
  static const char *missing[] = { "A5", "G1", "D1", "A6", "H7", "G8", "XFD1048576" };
  guint sheet_index;
  double value = 0;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Data");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A1", "Region");
  tanlu_test_xlsx_set_string (writer, sheet_index, "B1", "Region");
  tanlu_test_xlsx_set_inline_string (writer, sheet_index, "C1", "  padded  ");
  tanlu_test_xlsx_set_string (writer, sheet_index, "E1", "北京 – ünïcödé");
  tanlu_test_xlsx_set_string (writer, sheet_index, "F1", "a & b < c");
  tanlu_test_xlsx_set_number (writer, sheet_index, "A2", 42);
  tanlu_test_xlsx_set_raw (writer, sheet_index, "B2", NULL, "5.4242377989220016E-3");
  tanlu_test_xlsx_set_raw (writer, sheet_index, "C2", "n", "-1.5e+10");
  tanlu_test_xlsx_set_number (writer, sheet_index, "D2", 315.16335513633845);
  tanlu_test_xlsx_set_number (writer, sheet_index, "E2", 0);
  tanlu_test_xlsx_set_raw (writer, sheet_index, "F2", NULL, "2.4867057597553229E-4");
  tanlu_test_xlsx_set_boolean (writer, sheet_index, "A3", TRUE);
  tanlu_test_xlsx_set_boolean (writer, sheet_index, "B3", FALSE);
  tanlu_test_xlsx_set_error (writer, sheet_index, "C3", "#DIV/0!");
  tanlu_test_xlsx_set_error (writer, sheet_index, "D3", "#N/A");
  tanlu_test_xlsx_set_raw (writer, sheet_index, "E3", "d", "2019-12-31T00:00:00");
  tanlu_test_xlsx_set_empty (writer, sheet_index, "A4");
  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "B4", "s", "");
  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "C4", NULL,
                                "<f>SUM(A2,B2)</f><v>42.0054242377989</v>");
  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "D4", "str",
                                "<f>A1&amp;B1</f><v>RegionRegion</v>");
  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "E4", NULL, "<v></v>");
  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "F4", "str", "<f>\"\"</f><v></v>");
  tanlu_test_xlsx_set_number (writer, sheet_index, "G7", 7);

  xlsx = open_writer (writer, "cells.xlsx");
  g_assert_cmpstr (tanlu_xlsx_get_display_name (xlsx), ==, "cells.xlsx");
  g_assert_cmpuint (tanlu_xlsx_get_n_sheets (xlsx), ==, 1);
  g_assert_cmpstr (tanlu_xlsx_get_sheet_name (xlsx, 0), ==, "Data");

  sheet = read_sheet (xlsx, "Data");
  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 7);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i].ref);
      assert_cell (sheet, expected[i].ref, expected[i].type, expected[i].number, expected[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    g_assert_null (get_cell (sheet, missing[i]));

  g_assert_null (tanlu_sheet_get_cell (sheet, 0, 0));
  g_assert_null (tanlu_sheet_get_cell (sheet, G_MAXUINT, G_MAXUINT));

  g_assert_cmpstr (tanlu_sheet_get_string (sheet, 1, 1), ==, "Region");
  g_assert_null (tanlu_sheet_get_string (sheet, 2, 1));
  g_assert_true (tanlu_sheet_get_number (sheet, 2, 4, &value));
  g_assert_cmpfloat (value, ==, 315.16335513633845);
  g_assert_false (tanlu_sheet_get_number (sheet, 1, 1, &value));
  g_assert_false (tanlu_sheet_get_number (sheet, 4, 1, NULL));
}

static void
test_rows (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  static const guint columns[] = { 1, 2, 5, 28 };
  const TanluCell *cells;
  guint sheet_index;
  guint n_cells = 99;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Rows");
  /* Set out of order: the writer sorts, the reader must keep columns ordered. */
  tanlu_test_xlsx_set_number (writer, sheet_index, "AB3", 28);
  tanlu_test_xlsx_set_number (writer, sheet_index, "E3", 5);
  tanlu_test_xlsx_set_number (writer, sheet_index, "A3", 1);
  tanlu_test_xlsx_set_empty (writer, sheet_index, "B3");
  tanlu_test_xlsx_set_number (writer, sheet_index, "A1", 1);

  xlsx = open_writer (writer, "rows.xlsx");
  sheet = read_sheet (xlsx, "Rows");

  cells = tanlu_sheet_get_row (sheet, 3, &n_cells);
  g_assert_nonnull (cells);
  g_assert_cmpuint (n_cells, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n_cells; i++)
    {
      g_assert_cmpuint (cells[i].row, ==, 3);
      g_assert_cmpuint (cells[i].column, ==, columns[i]);
    }

  cells = tanlu_sheet_get_row (sheet, 2, &n_cells);
  g_assert_null (cells);
  g_assert_cmpuint (n_cells, ==, 0);

  cells = tanlu_sheet_get_row (sheet, 1, &n_cells);
  g_assert_cmpuint (n_cells, ==, 1);
  g_assert_cmpuint (cells[0].column, ==, 1);

  g_assert_null (tanlu_sheet_get_row (sheet, 4, &n_cells));
  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 3);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 28);
}

static void
test_empty_sheet (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  guint n_cells = 99;

  tanlu_test_xlsx_add_sheet (writer, "Blank");
  xlsx = open_writer (writer, "blank.xlsx");
  sheet = read_sheet (xlsx, "Blank");

  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 0);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 0);
  g_assert_null (tanlu_sheet_get_cell (sheet, 1, 1));
  g_assert_null (tanlu_sheet_get_row (sheet, 1, &n_cells));
  g_assert_cmpuint (n_cells, ==, 0);
}

static void
test_rich_text (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autofree char *index = NULL;
  guint sheet_index;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Rich");

  /* As in the CEADs NOTE sheets: runs with Chinese text, plus a phonetic
   * run (<rPh>) whose reading must not end up in the text.
   */
  index = g_strdup_printf ("%u", tanlu_test_xlsx_add_shared_string_xml (writer,
    "<r><t>Introduction/</t></r>"
    "<r><rPr><b/><sz val=\"10\"/><rFont val=\"仿宋\"/></rPr><t>简介</t></r>"
    "<rPh sb=\"0\" eb=\"2\"><t>ジャンジエ</t></rPh>"
    "<phoneticPr fontId=\"1\" type=\"noConversion\"/>"));
  tanlu_test_xlsx_set_raw (writer, sheet_index, "A1", "s", index);

  tanlu_test_xlsx_set_cell_xml (writer, sheet_index, "A2", "inlineStr",
                                "<is><r><t>Total</t></r>"
                                "<r><rPr><i/></rPr><t xml:space=\"preserve\"> CO2</t></r>"
                                "<rPh sb=\"0\" eb=\"1\"><t>トタル</t></rPh></is>");

  /* OOXML's escape for characters XML cannot carry, and for "_x" itself. */
  tanlu_test_xlsx_set_string (writer, sheet_index, "A3", "line_x000D__x000A_break");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A4", "_x005F_x0041_ stays");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A5", "_x00G1_ _x41_ x_0041_");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A6", "_xD83D__xDE00_");
  tanlu_test_xlsx_set_inline_string (writer, sheet_index, "A7", "tab_x0009_bed");

  xlsx = open_writer (writer, "rich.xlsx");
  sheet = read_sheet (xlsx, "Rich");

  assert_cell (sheet, "A1", TANLU_CELL_STRING, 0, "Introduction/简介");
  assert_cell (sheet, "A2", TANLU_CELL_STRING, 0, "Total CO2");
  assert_cell (sheet, "A3", TANLU_CELL_STRING, 0, "line\r\nbreak");
  assert_cell (sheet, "A4", TANLU_CELL_STRING, 0, "_x0041_ stays");
  assert_cell (sheet, "A5", TANLU_CELL_STRING, 0, "_x00G1_ _x41_ x_0041_");
  assert_cell (sheet, "A6", TANLU_CELL_STRING, 0, "😀");
  assert_cell (sheet, "A7", TANLU_CELL_STRING, 0, "tab\tbed");
}

/* The same content must come out of every package layout. */
static void
test_layouts (void)
{
  static const TanluTestXlsxFlags layouts[] = {
    TANLU_TEST_XLSX_NONE,
    TANLU_TEST_XLSX_REVERSE_ZIP_ORDER,
    TANLU_TEST_XLSX_OMIT_CELL_REFS,
    TANLU_TEST_XLSX_NO_SHARED_STRINGS,
    TANLU_TEST_XLSX_ABSOLUTE_RELS_TARGETS,
    TANLU_TEST_XLSX_CUSTOM_WORKBOOK_PART,
    TANLU_TEST_XLSX_REVERSE_ZIP_ORDER | TANLU_TEST_XLSX_OMIT_CELL_REFS
    | TANLU_TEST_XLSX_NO_SHARED_STRINGS | TANLU_TEST_XLSX_ABSOLUTE_RELS_TARGETS
    | TANLU_TEST_XLSX_CUSTOM_WORKBOOK_PART,
  };
  static const char *names[] = { "NOTE", "Sichuan2019", "Beijing 2019", "1997" };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
      g_autoptr(TanluXlsx) xlsx = NULL;

      g_test_message ("layout %#x", layouts[l]);
      tanlu_test_xlsx_set_flags (writer, layouts[l]);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          guint sheet_index = tanlu_test_xlsx_add_sheet (writer, names[i]);

          /* Gaps in rows and columns, for the layout without references. */
          tanlu_test_xlsx_set_string (writer, sheet_index, "A1", names[i]);
          tanlu_test_xlsx_set_number (writer, sheet_index, "B1", i);
          tanlu_test_xlsx_set_string (writer, sheet_index, "D1", "after a gap");
          tanlu_test_xlsx_set_number (writer, sheet_index, "A2", i * 10.5);
          tanlu_test_xlsx_set_empty (writer, sheet_index, "B2");
          tanlu_test_xlsx_set_number (writer, sheet_index, "A5", -(double) i);
          tanlu_test_xlsx_set_string (writer, sheet_index, "C5", "last");
        }

      if (layouts[l] & TANLU_TEST_XLSX_REVERSE_ZIP_ORDER)
        {
          g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);

          /* Otherwise this layout would not test what it claims to. */
          g_assert_cmpstr (part, ==, "xl/worksheets/sheet4.xml");
        }

      xlsx = open_writer (writer, "layout.xlsx");
      g_assert_cmpuint (tanlu_xlsx_get_n_sheets (xlsx), ==, G_N_ELEMENTS (names));

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr(TanluSheet) sheet = NULL;
          g_autoptr(GError) error = NULL;
          guint n_cells;

          g_assert_cmpstr (tanlu_xlsx_get_sheet_name (xlsx, i), ==, names[i]);
          g_assert_cmpint (tanlu_xlsx_find_sheet (xlsx, names[i]), ==, i);

          sheet = tanlu_xlsx_read_sheet (xlsx, i, &error);
          g_assert_no_error (error);
          assert_cell (sheet, "A1", TANLU_CELL_STRING, 0, names[i]);
          g_assert_cmpfloat (get_cell (sheet, "B1")->number, ==, i);
          g_assert_null (get_cell (sheet, "C1"));
          assert_cell (sheet, "D1", TANLU_CELL_STRING, 0, "after a gap");
          g_assert_cmpfloat (get_cell (sheet, "A2")->number, ==, i * 10.5);
          assert_cell (sheet, "B2", TANLU_CELL_EMPTY, 0, NULL);
          g_assert_null (tanlu_sheet_get_row (sheet, 3, &n_cells));
          g_assert_cmpfloat (get_cell (sheet, "A5")->number, ==, -(double) i);
          assert_cell (sheet, "C5", TANLU_CELL_STRING, 0, "last");
          g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 5);
          g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 4);
        }

      g_assert_cmpint (tanlu_xlsx_find_sheet (xlsx, "Sichuan"), ==, -1);
      g_assert_cmpint (tanlu_xlsx_find_sheet (xlsx, "sichuan2019"), ==, -1);
    }
}

static void
test_unordered_cells (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autofree char *part = NULL;
  const TanluCell *cells;
  guint n_cells;

  tanlu_test_xlsx_add_sheet (writer, "Data");
  part = tanlu_test_xlsx_get_sheet_part (writer, 0);
  /* Rows and cells out of order. */
  tanlu_test_xlsx_set_part (writer, part,
                            "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                            "<row r=\"3\"><c r=\"B3\"><v>3</v></c><c r=\"A3\"><v>1</v></c></row>"
                            "<row r=\"1\"><c r=\"C1\"><v>7</v></c><c r=\"A1\"><v>6</v></c>"
                            "</row>"
                            "<row><c><v>8</v></c><c r=\"C2\"/><c><v>9</v></c></row>"
                            "</sheetData></worksheet>");

  xlsx = open_writer (writer, "unordered.xlsx");
  sheet = read_sheet (xlsx, "Data");

  cells = tanlu_sheet_get_row (sheet, 1, &n_cells);
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpuint (cells[0].column, ==, 1);
  g_assert_cmpfloat (cells[0].number, ==, 6);
  g_assert_cmpuint (cells[1].column, ==, 3);
  g_assert_cmpfloat (cells[1].number, ==, 7);

  cells = tanlu_sheet_get_row (sheet, 3, &n_cells);
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpfloat (cells[0].number, ==, 1);
  g_assert_cmpfloat (cells[1].number, ==, 3);

  /* A row without r follows the previous row (1), cells without r follow
   * the previous cell.
   */
  assert_cell (sheet, "A2", TANLU_CELL_NUMBER, 8, "8");
  assert_cell (sheet, "C2", TANLU_CELL_EMPTY, 0, NULL);
  assert_cell (sheet, "D2", TANLU_CELL_NUMBER, 9, "9");
  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 3);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 4);
}

/* A cell given twice has no one value: the workbook is refused, naming
 * the cell, whichever order the copies come in. */
static void
test_duplicate_cell (void)
{
  static const char * const rows[] = {
    "<row r=\"1\"><c r=\"A1\"><v>6</v></c><c r=\"C1\"><v>5</v></c><c r=\"C1\"><v>7</v></c></row>",
    "<row r=\"1\"><c r=\"C1\"><v>5</v></c><c r=\"A1\"><v>6</v></c><c r=\"C1\"><v>7</v></c></row>",
    "<row r=\"1\"><c r=\"C1\"><v>5</v></c></row><row r=\"1\"><c r=\"C1\"><v>7</v></c></row>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(TanluSheet) sheet = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *part = NULL;
      g_autofree char *content = NULL;

      tanlu_test_xlsx_add_sheet (writer, "Data");
      part = tanlu_test_xlsx_get_sheet_part (writer, 0);
      content = g_strconcat ("<worksheet xmlns=\"" NS_MAIN "\"><sheetData>", rows[i],
                             "</sheetData></worksheet>", NULL);
      tanlu_test_xlsx_set_part (writer, part, content);

      xlsx = open_writer (writer, "duplicate.xlsx");
      sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
      g_assert_null (sheet);
      g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_CORRUPT);
      g_assert_cmpstr (error->message, ==,
                       "“duplicate.xlsx”, sheet “Data”: the cell C1 is given twice");
    }
}

static void
test_huge_dimension (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autofree char *part = NULL;

  tanlu_test_xlsx_add_sheet (writer, "Data");
  part = tanlu_test_xlsx_get_sheet_part (writer, 0);
  /* The claimed dimension must not be what sizes anything. */
  tanlu_test_xlsx_set_part (writer, part,
                            "<worksheet xmlns=\"" NS_MAIN "\"><dimension ref=\"A1:XFD1048576\"/>"
                            "<sheetData><row r=\"1048576\" spans=\"1:16384\">"
                            "<c r=\"XFD1048576\"><v>1</v></c></row></sheetData></worksheet>");

  xlsx = open_writer (writer, "huge.xlsx");
  sheet = read_sheet (xlsx, "Data");

  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 1048576);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 16384);
  assert_cell (sheet, "XFD1048576", TANLU_CELL_NUMBER, 1, "1");
  g_assert_null (tanlu_sheet_get_cell (sheet, 1, 1));
}

static void
test_sheet_outlives_workbook (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) first = NULL;
  g_autoptr(TanluSheet) second = NULL;
  guint sheet_index;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Data");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A1", "shared");
  tanlu_test_xlsx_set_inline_string (writer, sheet_index, "B1", "inline");
  tanlu_test_xlsx_set_number (writer, sheet_index, "C1", 2.5);
  tanlu_test_xlsx_set_error (writer, sheet_index, "D1", "#REF!");

  xlsx = open_writer (writer, "outlive.xlsx");
  first = read_sheet (xlsx, "Data");
  second = read_sheet (xlsx, "Data");
  g_clear_pointer (&xlsx, tanlu_xlsx_free);

  assert_cell (first, "A1", TANLU_CELL_STRING, 0, "shared");
  g_clear_pointer (&first, tanlu_sheet_free);

  assert_cell (second, "A1", TANLU_CELL_STRING, 0, "shared");
  assert_cell (second, "B1", TANLU_CELL_STRING, 0, "inline");
  assert_cell (second, "C1", TANLU_CELL_NUMBER, 2.5, "2.5");
  assert_cell (second, "D1", TANLU_CELL_ERROR, 0, "#REF!");
  g_assert_cmpstr (tanlu_sheet_get_name (second), ==, "Data");
}

static void
test_open_file (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Emissions 2019.xlsx", NULL);

  tanlu_test_xlsx_write (writer, path, &error);
  g_assert_no_error (error);

  xlsx = tanlu_xlsx_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tanlu_xlsx_get_display_name (xlsx), ==, "Emissions 2019.xlsx");

  sheet = read_sheet (xlsx, "Data");
  assert_cell (sheet, "A1", TANLU_CELL_STRING, 0, "Province");
  assert_cell (sheet, "B1", TANLU_CELL_NUMBER, 1.5, "1.5");

  remove_temp_dir (dir);
}

typedef struct
{
  TanluXlsx *xlsx;
  guint      n_cells;
} ThreadData;

static gpointer
read_all_sheets_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < tanlu_xlsx_get_n_sheets (data->xlsx); i++)
        {
          g_autoptr(TanluSheet) sheet = NULL;
          g_autoptr(GError) error = NULL;

          sheet = tanlu_xlsx_read_sheet (data->xlsx, i, &error);
          g_assert_no_error (error);
          data->n_cells += tanlu_sheet_get_max_row (sheet) * tanlu_sheet_get_max_column (sheet);
        }
    }

  return NULL;
}

/* Documented: several threads may read sheets of one workbook at once. */
static void
test_threads (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  ThreadData data[4];
  GThread *threads[G_N_ELEMENTS (data)];

  for (guint s = 0; s < 4; s++)
    {
      g_autofree char *name = g_strdup_printf ("Sheet %u", s);
      guint sheet_index = tanlu_test_xlsx_add_sheet (writer, name);

      for (guint row = 1; row <= 50; row++)
        {
          g_autofree char *a = g_strdup_printf ("A%u", row);
          g_autofree char *b = g_strdup_printf ("B%u", row);

          tanlu_test_xlsx_set_string (writer, sheet_index, a, name);
          tanlu_test_xlsx_set_number (writer, sheet_index, b, row * 0.25);
        }
    }

  xlsx = open_writer (writer, "threads.xlsx");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i].xlsx = xlsx;
      data[i].n_cells = 0;
      threads[i] = g_thread_new ("reader", read_all_sheets_thread, &data[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (data[i].n_cells, ==, 20 * 4 * 50 * 2);
    }
}

/* ------------------------------------------------------------------------ */
/* Bad input                                                                */
/* ------------------------------------------------------------------------ */

static void
test_error_nonexistent (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.xlsx", NULL);

  open_file_expect_error (path, TANLU_XLSX_ERROR_READ, g_strerror (ENOENT));
  remove_temp_dir (dir);
}

static void
test_error_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.xlsx", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  open_file_expect_error (path, TANLU_XLSX_ERROR_READ, "“folder.xlsx” is a folder, not a file");
  remove_temp_dir (dir);
}

/* A pipe is refused at once instead of waiting for a writer. */
static void
test_error_fifo (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pipe.xlsx", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  open_file_expect_error (path, TANLU_XLSX_ERROR_READ, "“pipe.xlsx” is a pipe, not a file");
  remove_temp_dir (dir);
}

static void
test_error_permission (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads files regardless of permissions");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "locked.xlsx", NULL);
  tanlu_test_xlsx_write (writer, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  open_file_expect_error (path, TANLU_XLSX_ERROR_READ, g_strerror (EACCES));
  remove_temp_dir (dir);
}

static void
test_error_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.xlsx", NULL);

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  open_file_expect_error (path, TANLU_XLSX_ERROR_EMPTY, "empty.xlsx");
  remove_temp_dir (dir);
}

static void
test_error_not_zip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.xlsx", NULL);

  g_file_set_contents (path, "Province,Year,CO2\nBeijing,2019,88.0\n", -1, &error);
  g_assert_no_error (error);

  open_file_expect_error (path, TANLU_XLSX_ERROR_NOT_ZIP, "zip");
  remove_temp_dir (dir);
}

static void
test_error_no_workbook (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  tanlu_test_xlsx_set_part (writer, "xl/workbook.xml", NULL);
  tanlu_test_xlsx_set_part (writer, "word/document.xml", "<document/>");
  expect_open_error (writer, TANLU_XLSX_ERROR_NOT_WORKBOOK, "workbook");
}

static void
test_error_not_a_workbook_part (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  /* Like a .docx renamed: a package whose main part is no workbook. */
  tanlu_test_xlsx_set_part (writer, "xl/workbook.xml",
                            "<w:document xmlns:w=\"urn:word\"><w:body/></w:document>");
  expect_open_error (writer, TANLU_XLSX_ERROR_NOT_WORKBOOK, "workbook");
}

static void
test_error_no_workbook_rels (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  tanlu_test_xlsx_set_part (writer, "xl/_rels/workbook.xml.rels", NULL);
  expect_open_error (writer, TANLU_XLSX_ERROR_NOT_WORKBOOK, "parts");
}

static void
test_error_truncated (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  g_autoptr(GBytes) half = copy_bytes_with (bytes, g_bytes_get_size (bytes) / 2);
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GError) error = NULL;

  xlsx = tanlu_xlsx_open_bytes (half, "half.xlsx", &error);
  g_assert_null (xlsx);
  assert_error (error, TANLU_XLSX_ERROR_CORRUPT, "half.xlsx", "truncated", NULL);
}

static void
test_error_every_truncation (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(GBytes) bytes = tanlu_test_xlsx_to_bytes (writer);
  gsize size = g_bytes_get_size (bytes);

  for (gsize length = 1; length < size; length++)
    {
      g_autoptr(GBytes) cut = copy_bytes_with (bytes, length);
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(GError) error = NULL;

      xlsx = tanlu_xlsx_open_bytes (cut, "cut.xlsx", &error);
      g_assert_null (xlsx);
      g_assert_error (error, TANLU_XLSX_ERROR,
                      (length < 4 ? TANLU_XLSX_ERROR_NOT_ZIP : TANLU_XLSX_ERROR_CORRUPT));
      g_assert_nonnull (strstr (error->message, "cut.xlsx"));
    }
}

/* Flips a few bytes in the middle of the sheet's deflate stream. */
static void
test_error_corrupt_entry (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) corrupt = NULL;
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);
  const guint8 *name;
  guint8 *header;
  guint name_length;
  guint extra_length;
  guint8 *payload;

  /* Enough cells for a deflate stream worth damaging. */
  for (guint row = 2; row < 200; row++)
    {
      g_autofree char *ref = g_strdup_printf ("C%u", row);

      tanlu_test_xlsx_set_number (writer, 0, ref, g_random_double ());
    }

  bytes = tanlu_test_xlsx_to_bytes (writer);
  data = g_byte_array_new ();
  g_byte_array_append (data, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The first occurrence of the name is in the local header, 30 bytes in. */
  name = find_bytes (data, part);
  g_assert_nonnull (name);
  header = (guint8 *) name - 30;
  g_assert_cmpmem (header, 4, "PK\003\004", 4);
  name_length = header[26] | header[27] << 8;
  extra_length = header[28] | header[29] << 8;
  payload = header + 30 + name_length + extra_length;

  for (guint i = 40; i < 60; i++)
    payload[i] ^= 0x5a;

  /* Sheets are decompressed when read, so the damage shows then. */
  corrupt = g_bytes_new (data->data, data->len);
  xlsx = tanlu_xlsx_open_bytes (corrupt, "flipped.xlsx", &error);
  g_assert_no_error (error);

  sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
  g_assert_null (sheet);
  assert_error (error, TANLU_XLSX_ERROR_CORRUPT, "flipped.xlsx", "damaged", NULL);
}

/* Whatever a damaged file holds, reading it must fail cleanly or succeed. */
static void
test_error_bit_flips (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  tanlu_test_xlsx_set_inline_string (writer, 0, "A2", "inline");
  tanlu_test_xlsx_set_boolean (writer, 0, "B2", TRUE);
  bytes = tanlu_test_xlsx_to_bytes (writer);
  size = g_bytes_get_size (bytes);

  for (gsize i = 0; i < size; i++)
    {
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(GError) error = NULL;
      guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

      data[i] ^= 0xff;
      flipped = g_bytes_new_take (data, size);

      xlsx = tanlu_xlsx_open_bytes (flipped, "flipped.xlsx", &error);
      if (xlsx == NULL)
        {
          g_assert_true (error->domain == TANLU_XLSX_ERROR);
          continue;
        }

      for (guint s = 0; s < tanlu_xlsx_get_n_sheets (xlsx); s++)
        {
          g_autoptr(TanluSheet) sheet = NULL;
          g_autoptr(GError) sheet_error = NULL;

          sheet = tanlu_xlsx_read_sheet (xlsx, s, &sheet_error);
          g_assert_true (sheet != NULL || sheet_error->domain == TANLU_XLSX_ERROR);
        }
    }
}

static void
test_error_malformed_sheet (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);

  tanlu_test_xlsx_set_part (writer, part,
                            "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>\n"
                            "<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n"
                            "</sheetData></worksheet>");
  expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, "line 2", NULL);
}

static void
test_error_malformed_shared_strings (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  tanlu_test_xlsx_set_part (writer, "xl/sharedStrings.xml", "<sst><si><t>open</si></sst>");
  expect_open_error (writer, TANLU_XLSX_ERROR_CORRUPT, "xl/sharedStrings.xml");
}

static void
test_error_shared_string_range (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  tanlu_test_xlsx_set_raw (writer, 0, "B7", "s", "99");
  expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, "B7", "99", NULL);
}

static void
test_error_shared_string_without_table (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  guint sheet_index = tanlu_test_xlsx_add_sheet (writer, "Data");

  tanlu_test_xlsx_set_flags (writer, TANLU_TEST_XLSX_NO_SHARED_STRINGS);
  tanlu_test_xlsx_set_raw (writer, sheet_index, "C2", "s", "0");
  expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, "C2", NULL);
}

static void
test_error_not_a_number (void)
{
  static const char *values[] = {
    "abc", "0x1A", "inf", "-INF", "NaN", "1e999", "1.2.3", "12 34", "--1", "1,5", "١٢",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

      g_test_message ("“%s”", values[i]);
      tanlu_test_xlsx_set_raw (writer, 0, "C3", i % 2 ? "n" : NULL, values[i]);
      expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, "C3", values[i], "not a number", NULL);
    }
}

static void
test_error_bad_cells (void)
{
  static const struct
  {
    const char *row_attr;
    const char *cell;
    const char *needle;
  } cases[] = {
    { "r=\"1\"", "<c r=\"XFE1\"><v>1</v></c>", "XFE1" },
    { "r=\"1\"", "<c r=\"A1048577\"><v>1</v></c>", "A1048577" },
    { "r=\"1\"", "<c r=\"A0\"><v>1</v></c>", "A0" },
    { "r=\"1\"", "<c r=\"1A\"><v>1</v></c>", "1A" },
    { "r=\"0\"", "<c><v>1</v></c>", "“0”" },
    { "r=\"1048577\"", "<c><v>1</v></c>", "1048577" },
    { "r=\"-3\"", "<c><v>1</v></c>", "-3" },
    { "r=\"1\"", "<c r=\"XFD1\"><v>1</v></c><c><v>2</v></c>", "16384" },
    { "r=\"1\"", "<c r=\"B1\" t=\"b\"><v>yes</v></c>", "B1" },
    { "r=\"1\"", "<c r=\"B1\" t=\"x\"><v>1</v></c>", "“x”" },
    { "r=\"1\"", "<c r=\"B1\" t=\"s\"><v>-1</v></c>", "B1" },
    { "r=\"1048576\"", "</row><row><c><v>1</v></c>", "1048577" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
      g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);
      g_autofree char *xml = g_strdup_printf ("<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
                                              "<row %s>%s</row></sheetData></worksheet>",
                                              cases[i].row_attr, cases[i].cell);

      g_test_message ("%s", xml);
      tanlu_test_xlsx_set_part (writer, part, xml);
      expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, cases[i].needle, NULL);
    }
}

static void
test_error_missing_part (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
  g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);

  tanlu_test_xlsx_set_part (writer, part, NULL);
  expect_sheet_error (writer, TANLU_XLSX_ERROR_MISSING_PART, part, NULL);
}

static void
test_error_unknown_relationship (void)
{
  g_autoptr(TanluTestXlsx) writer = new_simple_writer ();

  tanlu_test_xlsx_set_part (
    writer, "xl/workbook.xml",
    "<workbook xmlns=\"" NS_MAIN "\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId99\"/></sheets></workbook>");
  expect_sheet_error (writer, TANLU_XLSX_ERROR_MISSING_PART, NULL);
}

static void
test_error_entities (void)
{
  static const char *doctypes[] = {
    /* Billion laughs */
    "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d "
    "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
    /* External entity */
    "<!DOCTYPE worksheet [<!ENTITY d SYSTEM \"file:///etc/passwd\">]>",
    /* External DTD that could define it */
    "<!DOCTYPE worksheet SYSTEM \"http://example.invalid/evil.dtd\">",
  };

  for (guint i = 0; i < G_N_ELEMENTS (doctypes); i++)
    {
      g_autoptr(TanluTestXlsx) writer = new_simple_writer ();
      g_autofree char *part = tanlu_test_xlsx_get_sheet_part (writer, 0);
      g_autofree char *xml =
        g_strdup_printf ("<?xml version=\"1.0\"?>%s"
                         "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\">"
                         "<c r=\"A1\" t=\"inlineStr\"><is><t>&d;</t></is></c>"
                         "</row></sheetData></worksheet>",
                         doctypes[i]);

      tanlu_test_xlsx_set_part (writer, part, xml);
      expect_sheet_error (writer, TANLU_XLSX_ERROR_CORRUPT, "line 1", NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Real CEADs workbooks                                                     */
/* ------------------------------------------------------------------------ */

static void
test_real_provinces_2019 (void)
{
  g_autoptr(TanluXlsx) xlsx =
    open_real ("ceads/provinces/Emission_Inventories_for_30_Provinces_2019.xlsx");
  g_autoptr(TanluSheet) sheet = NULL;

  if (xlsx == NULL)
    return;

  g_assert_cmpuint (tanlu_xlsx_get_n_sheets (xlsx), ==, 31);
  g_assert_cmpstr (tanlu_xlsx_get_sheet_name (xlsx, 0), ==, "NOTE");

  sheet = read_sheet (xlsx, "Sichuan2019");
  assert_cell (sheet, "A4", TANLU_CELL_STRING, 0, "TotalEmissions");
  assert_cell (sheet, "B1", TANLU_CELL_STRING, 0, "Raw_Coal");
  g_assert_cmpint (get_cell (sheet, "W4")->type, ==, TANLU_CELL_NUMBER);
  g_assert_cmpfloat_with_epsilon (get_cell (sheet, "W4")->number, 315.16335513633845, 1e-9);
  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 51);
  g_assert_cmpuint (tanlu_sheet_get_max_column (sheet), ==, 23);
}

static void
test_real_provinces_1998 (void)
{
  g_autoptr(TanluXlsx) xlsx =
    open_real ("ceads/provinces/Emission_Inventories_for_30_Provinces_1998.xlsx");
  g_autoptr(TanluSheet) sheet = NULL;

  if (xlsx == NULL)
    return;

  sheet = read_sheet (xlsx, "Beijing1998");
  g_assert_null (get_cell (sheet, "A1"));
  assert_cell (sheet, "B1", TANLU_CELL_STRING, 0, "Raw Coal");
  assert_cell (sheet, "A4", TANLU_CELL_STRING, 0, "Total Consumption");
}

static void
test_real_cities (void)
{
  g_autoptr(TanluXlsx) xlsx = open_real ("ceads/cities_1997-2019.xlsx");
  g_autoptr(TanluSheet) sheet = NULL;

  if (xlsx == NULL)
    return;

  sheet = read_sheet (xlsx, "emission vector");
  g_assert_cmpuint (tanlu_sheet_get_max_row (sheet), ==, 3930);
  assert_cell (sheet, "B2", TANLU_CELL_STRING, 0, "北京");
  g_assert_cmpfloat_with_epsilon (get_cell (sheet, "D2")->number, 61.918115152276634, 1e-9);

  for (guint row = 2; row <= 3930; row++)
    {
      guint n_cells;

      g_assert_nonnull (tanlu_sheet_get_row (sheet, row, &n_cells));
      g_assert_cmpuint (n_cells, ==, 4);
    }
}

static void
test_real_nation (void)
{
  g_autoptr(TanluXlsx) xlsx = open_real ("ceads/nation_1997-2019.xlsx");
  static const char *first[] = { "NOTE", "sum", "Sum-Sec-Scope 1" };

  if (xlsx == NULL)
    return;

  g_assert_cmpuint (tanlu_xlsx_get_n_sheets (xlsx), ==, 3 + 23);
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_assert_cmpstr (tanlu_xlsx_get_sheet_name (xlsx, i), ==, first[i]);

  for (guint year = 1997; year <= 2019; year++)
    {
      g_autofree char *name = g_strdup_printf ("%u", year);

      g_assert_cmpstr (tanlu_xlsx_get_sheet_name (xlsx, 3 + year - 1997), ==, name);
    }
}

static void
test_real_all_sheets (void)
{
  g_autofree char *provinces = get_data_path ("ceads/provinces");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 start;
  guint n_sheets = 0;
  guint n_cells = 0;

  dir = g_dir_open (provinces, 0, NULL);
  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not available", provinces);

      g_test_skip (message);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".xlsx"))
        g_ptr_array_add (paths, g_build_filename (provinces, name, NULL));
    }
  g_ptr_array_add (paths, get_data_path ("ceads/cities_1997-2019.xlsx"));
  g_ptr_array_add (paths, get_data_path ("ceads/nation_1997-2019.xlsx"));

  start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(TanluXlsx) xlsx = NULL;
      g_autoptr(GError) error = NULL;

      xlsx = tanlu_xlsx_open (g_ptr_array_index (paths, i), &error);
      g_assert_no_error (error);

      for (guint s = 0; s < tanlu_xlsx_get_n_sheets (xlsx); s++)
        {
          g_autoptr(TanluSheet) sheet = tanlu_xlsx_read_sheet (xlsx, s, &error);

          g_assert_no_error (error);
          for (guint row = 1; row <= tanlu_sheet_get_max_row (sheet); row++)
            {
              guint n;

              tanlu_sheet_get_row (sheet, row, &n);
              n_cells += n;
            }
          n_sheets++;
        }
    }

  g_test_message ("%u workbooks, %u sheets, %u cells in %.3f s",
                  paths->len, n_sheets, n_cells, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (paths->len, ==, 25);
}

static void
test_merged_cells (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  guint first_row, first_column, last_row, last_column;
  guint sheet_index;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Fixture merged");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A1", "Fixture 各市碳排放（单位：万吨）");
  tanlu_test_xlsx_set_empty (writer, sheet_index, "B1");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A3", "地区");
  tanlu_test_xlsx_set_string (writer, sheet_index, "B3", "年份");
  tanlu_test_xlsx_set_number (writer, sheet_index, "B4", 2015);
  tanlu_test_xlsx_set_number (writer, sheet_index, "C4", 2016);
  tanlu_test_xlsx_set_string (writer, sheet_index, "E4", "备注");

  tanlu_test_xlsx_add_merge (writer, sheet_index, "A1:D1");
  tanlu_test_xlsx_add_merge (writer, sheet_index, "A3:A4");
  tanlu_test_xlsx_add_merge (writer, sheet_index, "B3:C3");
  /* Not ranges, or backwards: left out. */
  tanlu_test_xlsx_add_merge (writer, sheet_index, "E4");
  tanlu_test_xlsx_add_merge (writer, sheet_index, "C1:A1");
  tanlu_test_xlsx_add_merge (writer, sheet_index, "a1:b2");

  xlsx = open_writer (writer, "merged.xlsx");
  sheet = read_sheet (xlsx, "Fixture merged");

  g_assert_cmpuint (tanlu_sheet_get_n_merged (sheet), ==, 3);
  g_assert_true (tanlu_sheet_get_merged (sheet, 0, &first_row, &first_column,
                                         &last_row, &last_column));
  g_assert_cmpuint (first_row, ==, 1);
  g_assert_cmpuint (first_column, ==, 1);
  g_assert_cmpuint (last_row, ==, 1);
  g_assert_cmpuint (last_column, ==, 4);
  g_assert_true (tanlu_sheet_get_merged (sheet, 2, &first_row, &first_column,
                                         &last_row, &last_column));
  g_assert_cmpuint (first_row, ==, 3);
  g_assert_cmpuint (first_column, ==, 2);
  g_assert_cmpuint (last_row, ==, 3);
  g_assert_cmpuint (last_column, ==, 3);
  g_assert_false (tanlu_sheet_get_merged (sheet, 3, NULL, NULL, NULL, NULL));

  /* Every cell of a range reads as its top-left cell; the stored cells
   * are left as they are.
   */
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 1, 1), ==,
                   "Fixture 各市碳排放（单位：万吨）");
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 1, 2), ==,
                   "Fixture 各市碳排放（单位：万吨）");
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 1, 4), ==,
                   "Fixture 各市碳排放（单位：万吨）");
  g_assert_null (tanlu_sheet_get_display_string (sheet, 1, 5));
  g_assert_null (tanlu_sheet_get_string (sheet, 1, 2));
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 4, 1), ==, "地区");
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 3, 3), ==, "年份");
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 4, 2), ==, "2015");
  g_assert_cmpstr (tanlu_sheet_get_display_string (sheet, 4, 5), ==, "备注");
  g_assert_null (tanlu_sheet_get_display_string (sheet, 2, 1));
}

static void
test_merged_cells_too_many (void)
{
  g_autoptr(TanluTestXlsx) writer = tanlu_test_xlsx_new ();
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(TanluSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  guint sheet_index;

  sheet_index = tanlu_test_xlsx_add_sheet (writer, "Fixture merges");
  tanlu_test_xlsx_set_string (writer, sheet_index, "A1", "Fixture");
  for (guint i = 1; i <= 100001; i++)
    {
      g_autofree char *range = g_strdup_printf ("A%u:B%u", i, i);

      tanlu_test_xlsx_add_merge (writer, sheet_index, range);
    }

  xlsx = open_writer (writer, "merges.xlsx");
  sheet = tanlu_xlsx_read_sheet (xlsx, 0, &error);
  g_assert_error (error, TANLU_XLSX_ERROR, TANLU_XLSX_ERROR_TOO_LARGE);
  g_assert_null (sheet);
  g_assert_nonnull (strstr (error->message, "Fixture merges"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tanlu/xlsx/reference/format", test_reference_format);
  g_test_add_func ("/tanlu/xlsx/reference/parse", test_reference_parse);
  g_test_add_func ("/tanlu/xlsx/reference/out-of-range", test_reference_out_of_range);

  g_test_add_func ("/tanlu/xlsx/read/cells", test_cells);
  g_test_add_func ("/tanlu/xlsx/read/rows", test_rows);
  g_test_add_func ("/tanlu/xlsx/read/empty-sheet", test_empty_sheet);
  g_test_add_func ("/tanlu/xlsx/read/rich-text", test_rich_text);
  g_test_add_func ("/tanlu/xlsx/read/layouts", test_layouts);
  g_test_add_func ("/tanlu/xlsx/read/unordered-cells", test_unordered_cells);
  g_test_add_func ("/tanlu/xlsx/read/huge-dimension", test_huge_dimension);
  g_test_add_func ("/tanlu/xlsx/read/sheet-outlives-workbook", test_sheet_outlives_workbook);
  g_test_add_func ("/tanlu/xlsx/read/open-file", test_open_file);
  g_test_add_func ("/tanlu/xlsx/read/threads", test_threads);
  g_test_add_func ("/tanlu/xlsx/read/merged-cells", test_merged_cells);
  g_test_add_func ("/tanlu/xlsx/read/merged-cells-too-many", test_merged_cells_too_many);

  g_test_add_func ("/tanlu/xlsx/error/nonexistent", test_error_nonexistent);
  g_test_add_func ("/tanlu/xlsx/error/directory", test_error_directory);
  g_test_add_func ("/tanlu/xlsx/error/fifo", test_error_fifo);
  g_test_add_func ("/tanlu/xlsx/error/duplicate-cell", test_duplicate_cell);
  g_test_add_func ("/tanlu/xlsx/error/permission", test_error_permission);
  g_test_add_func ("/tanlu/xlsx/error/empty", test_error_empty);
  g_test_add_func ("/tanlu/xlsx/error/not-zip", test_error_not_zip);
  g_test_add_func ("/tanlu/xlsx/error/no-workbook", test_error_no_workbook);
  g_test_add_func ("/tanlu/xlsx/error/not-a-workbook-part", test_error_not_a_workbook_part);
  g_test_add_func ("/tanlu/xlsx/error/no-workbook-rels", test_error_no_workbook_rels);
  g_test_add_func ("/tanlu/xlsx/error/truncated", test_error_truncated);
  g_test_add_func ("/tanlu/xlsx/error/every-truncation", test_error_every_truncation);
  g_test_add_func ("/tanlu/xlsx/error/corrupt-entry", test_error_corrupt_entry);
  g_test_add_func ("/tanlu/xlsx/error/bit-flips", test_error_bit_flips);
  g_test_add_func ("/tanlu/xlsx/error/malformed-sheet", test_error_malformed_sheet);
  g_test_add_func ("/tanlu/xlsx/error/malformed-shared-strings",
                   test_error_malformed_shared_strings);
  g_test_add_func ("/tanlu/xlsx/error/shared-string-range", test_error_shared_string_range);
  g_test_add_func ("/tanlu/xlsx/error/shared-string-without-table",
                   test_error_shared_string_without_table);
  g_test_add_func ("/tanlu/xlsx/error/not-a-number", test_error_not_a_number);
  g_test_add_func ("/tanlu/xlsx/error/bad-cells", test_error_bad_cells);
  g_test_add_func ("/tanlu/xlsx/error/missing-part", test_error_missing_part);
  g_test_add_func ("/tanlu/xlsx/error/unknown-relationship", test_error_unknown_relationship);
  g_test_add_func ("/tanlu/xlsx/error/entities", test_error_entities);

  g_test_add_func ("/tanlu/xlsx/real/provinces-2019", test_real_provinces_2019);
  g_test_add_func ("/tanlu/xlsx/real/provinces-1998", test_real_provinces_1998);
  g_test_add_func ("/tanlu/xlsx/real/cities", test_real_cities);
  g_test_add_func ("/tanlu/xlsx/real/nation", test_real_nation);
  g_test_add_func ("/tanlu/xlsx/real/all-sheets", test_real_all_sheets);

  return g_test_run ();
}
