/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-xlsx"

#include "config.h"

#include "tanlu-fuzz.h"
#include "import/tanlu-xlsx.h"

#include <math.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

/* Opens the input as a workbook, reads every sheet and walks every cell,
 * checking what tanlu-xlsx.h promises of them.
 *
 * Inputs are real .xlsx files. Bytes flipped inside a zip mostly break
 * its checksums or its compression, so a custom mutator unpacks the zip,
 * mutates one part's XML (or drops, reorders or renames parts) and packs
 * it again with valid checksums; one mutation in four is on the raw bytes,
 * for tanlu-zip.c itself.
 */

/* Reading N sheets that all name one large part costs N parses; beyond
 * this many sheets the fuzzer would only be timing that. */
#define MAX_SHEETS_READ  256

/* Rows can only be looked up one by one, and a single cell in row 1048576
 * would make a walk of every row cost a million lookups: the walk covers
 * this many rows at each end of a sheet. */
#define MAX_ROWS_WALKED  16384

/* Bounds on what the mutator unpacks. */
#define MAX_PARTS        512
#define MAX_UNPACKED     (8 << 20)

typedef struct archive TanluArchiveReader;
typedef struct archive TanluArchiveWriter;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluArchiveReader, archive_read_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluArchiveWriter, archive_write_free)

/* ------------------------------------------------------------------------ */
/* Harness                                                                  */
/* ------------------------------------------------------------------------ */

static void
check_cell (TanluSheet      *sheet,
            const TanluCell *cell,
            guint            row)
{
  g_autofree char *ref = NULL;
  guint parsed_row = 0;
  guint parsed_column = 0;
  double number = 0;

  g_assert_cmpuint (cell->row, ==, row);
  g_assert_cmpuint (cell->column, >=, 1);
  g_assert_cmpuint (cell->column, <=, tanlu_sheet_get_max_column (sheet));
  g_assert_true (tanlu_sheet_get_cell (sheet, cell->row, cell->column) == cell);

  ref = tanlu_cell_reference (cell->row, cell->column);
  g_assert_true (tanlu_cell_parse_reference (ref, &parsed_row, &parsed_column));
  g_assert_cmpuint (parsed_row, ==, cell->row);
  g_assert_cmpuint (parsed_column, ==, cell->column);

  switch (cell->type)
    {
    case TANLU_CELL_EMPTY:
      g_assert_null (cell->text);
      break;

    case TANLU_CELL_NUMBER:
      g_assert_nonnull (cell->text);
      g_assert_true (isfinite (cell->number));
      g_assert_true (tanlu_sheet_get_number (sheet, cell->row, cell->column, &number));
      g_assert_cmpfloat (number, ==, cell->number);
      break;

    case TANLU_CELL_STRING:
      g_assert_nonnull (cell->text);
      /* Shown in GTK, which takes UTF-8 only. */
      g_assert_true (g_utf8_validate (cell->text, -1, NULL));
      g_assert_true (tanlu_sheet_get_string (sheet, cell->row, cell->column) == cell->text);
      break;

    case TANLU_CELL_BOOLEAN:
      g_assert_nonnull (cell->text);
      g_assert_true (cell->number == 0.0 || cell->number == 1.0);
      break;

    case TANLU_CELL_ERROR:
      g_assert_nonnull (cell->text);
      break;

    default:
      g_assert_not_reached ();
    }

  if (cell->type != TANLU_CELL_STRING)
    g_assert_null (tanlu_sheet_get_string (sheet, cell->row, cell->column));
  if (cell->type != TANLU_CELL_NUMBER)
    g_assert_false (tanlu_sheet_get_number (sheet, cell->row, cell->column, NULL));
}

static guint
walk_sheet (TanluSheet *sheet)
{
  guint max_row = tanlu_sheet_get_max_row (sheet);
  guint max_column = tanlu_sheet_get_max_column (sheet);
  guint n_total = 0;
  guint n_cells;

  g_assert_nonnull (tanlu_sheet_get_name (sheet));
  g_assert_cmpuint (max_row, <=, TANLU_XLSX_MAX_ROW);
  g_assert_cmpuint (max_column, <=, TANLU_XLSX_MAX_COLUMN);
  g_assert_true ((max_row == 0) == (max_column == 0));

  g_assert_null (tanlu_sheet_get_row (sheet, 0, &n_cells));
  g_assert_null (tanlu_sheet_get_row (sheet, max_row + 1, &n_cells));
  g_assert_null (tanlu_sheet_get_cell (sheet, 1, max_column + 1));

  for (guint row = 1; row <= max_row; row++)
    {
      const TanluCell *cells;

      if (row == MAX_ROWS_WALKED && max_row > 2 * MAX_ROWS_WALKED)
        row = max_row - MAX_ROWS_WALKED;

      cells = tanlu_sheet_get_row (sheet, row, &n_cells);
      g_assert_true ((cells == NULL) == (n_cells == 0));
      for (guint i = 0; i < n_cells; i++)
        {
          /* Sorted by column, each column once. */
          if (i > 0)
            g_assert_cmpuint (cells[i - 1].column, <, cells[i].column);
          check_cell (sheet, &cells[i], row);
        }
      n_total += n_cells;
    }

  g_assert_true (max_row > 2 * MAX_ROWS_WALKED || (n_total == 0) == (max_row == 0));

  return n_total;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TanluXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) tanlu_sheet_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(TanluSheet) first_again = NULL;
  gboolean first_read = FALSE;
  guint n_sheets;
  guint n_first = 0;

  xlsx = tanlu_xlsx_open_bytes (bytes, "fuzz.xlsx", &error);
  if (xlsx == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_XLSX_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.xlsx"));
      return 0;
    }

  g_assert_cmpstr (tanlu_xlsx_get_display_name (xlsx), ==, "fuzz.xlsx");

  n_sheets = MIN (tanlu_xlsx_get_n_sheets (xlsx), MAX_SHEETS_READ);
  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = tanlu_xlsx_get_sheet_name (xlsx, i);
      g_autoptr(GError) sheet_error = NULL;
      TanluSheet *sheet;
      int found;

      g_assert_nonnull (name);
      g_assert_true (g_utf8_validate (name, -1, NULL));
      found = tanlu_xlsx_find_sheet (xlsx, name);
      g_assert_cmpint (found, >=, 0);
      g_assert_cmpint (found, <=, (int) i);

      sheet = tanlu_xlsx_read_sheet (xlsx, i, &sheet_error);
      if (sheet == NULL)
        {
          g_assert_nonnull (sheet_error);
          g_assert_true (sheet_error->domain == TANLU_XLSX_ERROR);
          g_assert_nonnull (strstr (sheet_error->message, "fuzz.xlsx"));
          continue;
        }

      g_assert_cmpstr (tanlu_sheet_get_name (sheet), ==, name);
      g_ptr_array_add (sheets, sheet);
      if (i == 0)
        first_read = TRUE;
    }

  /* Going back to an earlier part starts the zip over: the first sheet,
   * read again after the others, must come out the same. */
  if (first_read && n_sheets > 1)
    {
      first_again = tanlu_xlsx_read_sheet (xlsx, 0, &error);
      g_assert_no_error (error);
    }

  /* Sheets outlive their workbook. */
  g_clear_pointer (&xlsx, tanlu_xlsx_free);

  for (guint i = 0; i < sheets->len; i++)
    {
      guint n = walk_sheet (g_ptr_array_index (sheets, i));

      if (i == 0)
        n_first = n;
    }

  if (first_again != NULL)
    {
      TanluSheet *first = g_ptr_array_index (sheets, 0);

      g_assert_cmpuint (walk_sheet (first_again), ==, n_first);
      g_assert_cmpuint (tanlu_sheet_get_max_row (first_again), ==, tanlu_sheet_get_max_row (first));
      g_assert_cmpuint (tanlu_sheet_get_max_column (first_again), ==,
                        tanlu_sheet_get_max_column (first));
    }

  return 0;
}

/* ------------------------------------------------------------------------ */
/* Mutator                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char   *name;
  guint8 *data;
  gsize   size;
} Part;

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->name);
  g_free (part->data);
  g_free (part);
}

static guint32
next_random (guint32 *state)
{
  guint32 x = *state;

  /* xorshift32: libFuzzer's seed makes each mutation reproducible. */
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;

  return *state = x;
}

static gboolean
is_xml_part (const Part *part)
{
  g_autofree char *name = g_ascii_strdown (part->name, -1);

  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

/* Returns: (transfer full) (nullable): the zip's regular entries, in zip
 *   order; a damaged entry keeps what could be read of it */
static GPtrArray *
unpack (const guint8 *data,
        gsize         size)
{
  g_autoptr(TanluArchiveReader) archive = archive_read_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (part_free);
  struct archive_entry *entry;
  gsize total = 0;
  int r;

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    return NULL;

  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) content = NULL;
      guint8 buffer[16384];
      la_ssize_t n;
      Part *part;

      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      if (parts->len >= MAX_PARTS)
        return NULL;

      content = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          total += n;
          if (total > MAX_UNPACKED)
            return NULL;
          g_byte_array_append (content, buffer, n);
        }

      part = g_new0 (Part, 1);
      part->name = g_strdup (name);
      part->size = content->len;
      part->data = g_byte_array_free (g_steal_pointer (&content), FALSE);
      g_ptr_array_add (parts, part);
    }

  if (parts->len == 0)
    return NULL;

  return g_steal_pointer (&parts);
}

static la_ssize_t
on_archive_write (struct archive *archive,
                  void           *user_data,
                  const void     *buffer,
                  size_t          length)
{
  g_byte_array_append (user_data, buffer, length);

  return length;
}

/* Written to a buffer that grows, so that libarchive never fails midway:
 * it leaks when it does.
 *
 * Returns: (transfer full) (nullable): the zip */
static GByteArray *
pack (GPtrArray *parts,
      gboolean   compress)
{
  g_autoptr(TanluArchiveWriter) archive = archive_write_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK ||
      archive_write_set_options (archive, compress ? "zip:compression=deflate"
                                                   : "zip:compression=store") != ARCHIVE_OK ||
      archive_write_set_bytes_in_last_block (archive, 1) != ARCHIVE_OK ||
      archive_write_open (archive, out, NULL, on_archive_write, NULL) != ARCHIVE_OK)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = g_ptr_array_index (parts, i);
      struct archive_entry *entry = archive_entry_new ();
      gboolean ok;

      archive_entry_set_pathname (entry, part->name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, part->size);
      ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
           (part->size == 0 ||
            archive_write_data (archive, part->data, part->size) == (la_ssize_t) part->size);
      archive_entry_free (entry);

      if (!ok)
        return NULL;
    }

  if (archive_write_close (archive) != ARCHIVE_OK)
    return NULL;

  return g_steal_pointer (&out);
}

static void
mutate_part (Part    *part,
             guint32 *state)
{
  gsize capacity = MIN (part->size * 2 + 64, MAX_UNPACKED);
  guint8 *data = g_malloc (capacity);
  gsize size = part->size;

  if (size > 0)
    memcpy (data, part->data, size);
  else
    data[size++] = next_random (state) & 0xff;

  size = LLVMFuzzerMutate (data, size, capacity);

  g_free (part->data);
  part->data = data;
  part->size = size;
}

static void
mutate_parts (GPtrArray *parts,
              guint32   *state)
{
  g_autoptr(GPtrArray) xml_parts = g_ptr_array_new ();
  guint choice = next_random (state) % 100;
  guint a = next_random (state) % parts->len;
  guint b = next_random (state) % parts->len;
  Part *part;

  if (choice < 8 && parts->len > 1)
    {
      /* A part missing */
      g_ptr_array_remove_index (parts, a);
      return;
    }

  if (choice < 16 && a != b)
    {
      /* Parts in another order: the reader seeks forwards only. */
      gpointer swap = parts->pdata[a];

      parts->pdata[a] = parts->pdata[b];
      parts->pdata[b] = swap;
      return;
    }

  if (choice < 22 && a != b)
    {
      /* Two parts of one name: the first counts. */
      part = g_ptr_array_index (parts, a);
      g_free (part->name);
      part->name = g_strdup (((Part *) g_ptr_array_index (parts, b))->name);
      return;
    }

  /* Mostly, the XML inside a part the reader reads. */
  for (guint i = 0; i < parts->len; i++)
    if (is_xml_part (g_ptr_array_index (parts, i)))
      g_ptr_array_add (xml_parts, g_ptr_array_index (parts, i));

  if (xml_parts->len > 0 && choice < 95)
    part = g_ptr_array_index (xml_parts, next_random (state) % xml_parts->len);
  else
    part = g_ptr_array_index (parts, a);

  mutate_part (part, state);
}

size_t
LLVMFuzzerCustomMutator (uint8_t      *data,
                         size_t        size,
                         size_t        max_size,
                         unsigned int  seed)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GByteArray) out = NULL;
  guint32 state = seed | 1;

  if (next_random (&state) % 4 == 0 || (parts = unpack (data, size)) == NULL)
    return LLVMFuzzerMutate (data, size, max_size);

  mutate_parts (parts, &state);

  /* Stored parts keep the XML visible to the raw mutations too; what
   * would not fit is compressed. */
  out = pack (parts, FALSE);
  if (out != NULL && out->len > max_size)
    {
      g_clear_pointer (&out, g_byte_array_unref);
      out = pack (parts, TRUE);
    }
  if (out == NULL || out->len > max_size)
    return LLVMFuzzerMutate (data, size, max_size);

  memcpy (data, out->data, out->len);

  return out->len;
}
