/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include "tanlu-fuzz.h"
#include "import/tanlu-cell-value.h"
#include "import/tanlu-csv.h"

#include <math.h>

#include <string.h>

/* Reads the input as a CSV file, record by record, as the CSV importer
 * does, and checks:
 *
 *  - that the file reader, which reads 64 KiB at a time, gives the same
 *    records and the same error as the reader over bytes, including when
 *    a piece ends inside the input (see open_file_reader());
 *  - that writing the records back with tanlu_csv_append_field(), as an
 *    export does, and reading them again gives the same fields.
 *
 * Readers are compared record by record as they go.
 *
 * Then it reads the input again with the encoding and the separator
 * detected (see check_decoding()), which decodes UTF-16 and GB 18030 as
 * it goes, and reads every field as a planner's number.
 */

/* How much tanlu-csv.c reads of a file at a time (CHUNK_SIZE there). */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  guint    previous_line;
  double   previous_fraction;
  gboolean decoded;   /* the fraction of decoded text is estimated: it may stay */
} Progress;

/* Reads a record and checks what any record must be. */
static gboolean
next_record (TanluCsvReader  *reader,
             Progress        *progress,
             GError         **error)
{
  guint n_fields;
  guint line;
  double fraction;

  if (!tanlu_csv_reader_next (reader, error))
    {
      if (error == NULL || *error == NULL)
        g_assert_cmpfloat (tanlu_csv_reader_get_fraction (reader), ==, 1.0);
      return FALSE;
    }

  n_fields = tanlu_csv_reader_get_n_fields (reader);
  line = tanlu_csv_reader_get_line (reader);
  fraction = tanlu_csv_reader_get_fraction (reader);

  g_assert_cmpuint (n_fields, >=, 1);
  g_assert_cmpuint (line, >, progress->previous_line);
  if (progress->decoded)
    g_assert_cmpfloat (fraction, >=, progress->previous_fraction);
  else
    g_assert_cmpfloat (fraction, >, progress->previous_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);

  /* Records are refused unless UTF-8, and cut at ASCII delimiters. */
  for (guint i = 0; i < n_fields; i++)
    g_assert_true (g_utf8_validate (tanlu_csv_reader_get_field (reader, i), -1, NULL));

  progress->previous_line = line;
  progress->previous_fraction = fraction;

  return TRUE;
}

static void
assert_same_fields (TanluCsvReader *a,
                    TanluCsvReader *b)
{
  g_assert_cmpuint (tanlu_csv_reader_get_n_fields (a), ==, tanlu_csv_reader_get_n_fields (b));
  for (guint i = 0; i < tanlu_csv_reader_get_n_fields (a); i++)
    g_assert_cmpstr (tanlu_csv_reader_get_field (a, i), ==, tanlu_csv_reader_get_field (b, i));
}

/* A record of one empty field writes as an empty line, which a reader
 * skips; exports always write several columns. */
static gboolean
can_round_trip (TanluCsvReader *reader)
{
  return tanlu_csv_reader_get_n_fields (reader) > 1 ||
         *tanlu_csv_reader_get_field (reader, 0) != '\0';
}

static void
append_record (GString        *text,
               TanluCsvReader *reader,
               guint           index)
{
  for (guint i = 0; i < tanlu_csv_reader_get_n_fields (reader); i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      tanlu_csv_append_field (text, tanlu_csv_reader_get_field (reader, i));
    }
  g_string_append (text, index % 2 == 0 ? "\n" : "\r\n");
}

/* Puts the input in a file and opens it. One input in eight (chosen by a
 * hash of it, so that it is always the same ones) goes after a padding
 * record so that the first piece the reader reads ends `offset` bytes into
 * the input, after its byte-order mark; the padding costs a pass over 64 KiB
 * each time, which would slow every run down tenfold. */
static TanluCsvReader *
open_file_reader (const uint8_t *data,
                  size_t         size,
                  gsize         *padding_length)
{
  static char *prefix;
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gsize bom = size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  guint32 hash = 5381;
  gsize offset;
  gsize padding;

  for (gsize i = 0; i < size; i++)
    hash = hash * 33 + data[i];

  if (hash % 8 != 0)
    {
      *padding_length = 0;
      reader = tanlu_csv_reader_new_for_path (tanlu_fuzz_write_file (NULL, 0, data, size), &error);
      g_assert_no_error (error);
      return g_steal_pointer (&reader);
    }

  offset = 1 + hash / 8 % 1024;
  padding = CHUNK_SIZE - bom - offset;

  if (prefix == NULL)
    prefix = g_malloc (CHUNK_SIZE);
  memcpy (prefix, "\xef\xbb\xbf", bom);
  prefix[bom] = '"';
  memset (prefix + bom + 1, 'x', padding - 3);
  prefix[bom + padding - 2] = '"';
  prefix[bom + padding - 1] = '\n';

  reader = tanlu_csv_reader_new_for_path (
    tanlu_fuzz_write_file (prefix, bom + padding, data + bom, size - bom), &error);
  g_assert_no_error (error);

  *padding_length = padding - 3;
  return g_steal_pointer (&reader);
}

/* Whatever a cell holds, reading it as a number, with a decimal point or
 * a decimal comma, says what it is, and a number it gives is finite. */
static void
check_cell_with (const char       *text,
                 TanluDecimalMark  decimal)
{
  g_autofree char *footnote = NULL;
  double value = NAN;
  TanluCellValue result = tanlu_cell_value_parse_full (text, decimal, &value, &footnote);

  switch (result)
    {
    case TANLU_CELL_VALUE_OK:
    case TANLU_CELL_VALUE_PERCENT:
      g_assert_true (isfinite (value));
      g_assert_true (footnote == NULL || g_utf8_validate (footnote, -1, NULL));
      break;
    case TANLU_CELL_VALUE_MISSING:
    case TANLU_CELL_VALUE_NOT_A_NUMBER:
      g_assert_true (isnan (value));
      g_assert_null (footnote);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_cell (const char *text)
{
  check_cell_with (text, TANLU_DECIMAL_POINT);
  check_cell_with (text, TANLU_DECIMAL_COMMA);
}

/* With the encoding and the separator detected, the file reader and the
 * reader over bytes detect the same, give the same records and fail
 * alike; decoded records are UTF-8 too, on rising lines, and the fraction
 * read never goes back. */
static void
check_decoding (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(TanluCsvReader) file_reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  Progress progress = { 0, 0, FALSE };
  Progress file_progress = { 0, 0, FALSE };
  const char *path;

  reader = tanlu_csv_reader_new_for_bytes_with_options (bytes, "fuzz.csv", TANLU_TEXT_ENCODING_AUTO,
                                                        '\0', &error);
  path = tanlu_fuzz_write_file (NULL, 0, data, size);
  file_reader = tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_AUTO, '\0',
                                                            &file_error);
  g_assert_true ((reader == NULL) == (file_reader == NULL));
  if (reader == NULL)
    {
      g_assert_true (error->domain == TANLU_CSV_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.csv"));
      g_assert_cmpint (file_error->code, ==, error->code);
      return;
    }

  g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), !=, TANLU_TEXT_ENCODING_AUTO);
  g_assert_cmpint (tanlu_csv_reader_get_encoding (reader), ==,
                   tanlu_csv_reader_get_encoding (file_reader));
  g_assert_cmpint (tanlu_csv_reader_get_separator (reader), ==,
                   tanlu_csv_reader_get_separator (file_reader));
  progress.decoded = tanlu_csv_reader_get_encoding (reader) != TANLU_TEXT_ENCODING_UTF8;
  file_progress.decoded = progress.decoded;

  for (;;)
    {
      gboolean more = next_record (reader, &progress, &error);

      g_assert_cmpint (next_record (file_reader, &file_progress, &file_error), ==, more);
      if (!more)
        break;

      g_assert_cmpuint (tanlu_csv_reader_get_line (file_reader), ==,
                        tanlu_csv_reader_get_line (reader));
      assert_same_fields (reader, file_reader);
      for (guint i = 0; i < tanlu_csv_reader_get_n_fields (reader); i++)
        check_cell (tanlu_csv_reader_get_field (reader, i));
    }

  g_assert_true ((error == NULL) == (file_error == NULL));
  if (error != NULL)
    {
      g_assert_true (error->domain == TANLU_CSV_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.csv"));
      g_assert_cmpint (file_error->code, ==, error->code);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Not copied, so that the sanitizers see any read past the end. */
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TanluCsvReader) reader = NULL;
  g_autoptr(TanluCsvReader) file_reader = NULL;
  g_autoptr(TanluCsvReader) written_reader = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  Progress progress = { 0, 0, FALSE };
  Progress file_progress = { 0, 0, FALSE };
  Progress written_progress = { 0, 0, FALSE };
  gsize padding;
  guint n_records = 0;

  check_decoding (data, size);

  reader = tanlu_csv_reader_new_for_bytes (bytes, "fuzz.csv", &error);
  if (reader == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == TANLU_CSV_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.csv"));
      return 0;
    }

  g_assert_cmpstr (tanlu_csv_reader_get_display_name (reader), ==, "fuzz.csv");

  file_reader = open_file_reader (data, size, &padding);
  if (padding > 0)
    {
      g_assert_true (next_record (file_reader, &file_progress, &file_error));
      g_assert_cmpuint (tanlu_csv_reader_get_n_fields (file_reader), ==, 1);
      g_assert_cmpuint (strlen (tanlu_csv_reader_get_field (file_reader, 0)), ==, padding);
    }

  /* A header line first, so that no field the writer starts the file
   * with could be taken for a byte-order mark. */
  text = g_string_new ("header\n");

  while (next_record (reader, &progress, &error))
    {
      g_assert_true (next_record (file_reader, &file_progress, &file_error));
      g_assert_cmpuint (tanlu_csv_reader_get_line (file_reader), ==,
                        tanlu_csv_reader_get_line (reader) + (padding > 0 ? 1 : 0));
      assert_same_fields (reader, file_reader);

      if (can_round_trip (reader))
        append_record (text, reader, n_records);
      n_records++;
    }

  g_assert_false (next_record (file_reader, &file_progress, &file_error));
  g_assert_true ((error == NULL) == (file_error == NULL));
  if (error != NULL)
    {
      g_assert_true (error->domain == TANLU_CSV_ERROR);
      g_assert_nonnull (strstr (error->message, "fuzz.csv"));
      g_assert_cmpint (file_error->code, ==, error->code);
      return 0;
    }

  /* Written back and read again, record by record against a new reader of
   * the input. */
  g_clear_pointer (&reader, tanlu_csv_reader_free);
  reader = tanlu_csv_reader_new_for_bytes (bytes, "fuzz.csv", &error);
  g_assert_no_error (error);
  written = g_string_free_to_bytes (g_steal_pointer (&text));
  written_reader = tanlu_csv_reader_new_for_bytes (written, "written.csv", &error);
  g_assert_no_error (error);
  g_assert_true (next_record (written_reader, &written_progress, &error));

  progress = (Progress) { 0, 0, FALSE };
  while (next_record (reader, &progress, &error))
    {
      if (!can_round_trip (reader))
        continue;
      g_assert_true (next_record (written_reader, &written_progress, &error));
      assert_same_fields (reader, written_reader);
    }
  g_assert_no_error (error);
  g_assert_false (next_record (written_reader, &written_progress, &error));
  g_assert_no_error (error);

  return 0;
}
