/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-csv.h"

#include <string.h>

/* RFC 4180 records from a UTF-8 file, with or without a byte-order mark,
 * with LF or CRLF line ends. The file is read whole: the largest expected
 * input, every CEADs figure as a long table, is a few megabytes. */
struct _TanluCsvReader
{
  GBytes      *bytes;
  char        *display_name;
  const char  *data;
  gsize        length;
  gsize        position;
  guint        line;          /* line at the reader's position */
  guint        record_line;   /* line on which the current record starts */
  GString     *buffer;        /* field contents, NUL-separated */
  GArray      *offsets;       /* start of each field in buffer */
};

G_DEFINE_QUARK (tanlu-csv-error-quark, tanlu_csv_error)

static guint
count_lines (const char *data,
             gsize       up_to)
{
  guint line = 1;

  for (gsize i = 0; i < up_to; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static TanluCsvReader *
reader_new (GBytes      *bytes,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(TanluCsvReader) self = g_new0 (TanluCsvReader, 1);
  const char *invalid = NULL;

  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->data = g_bytes_get_data (bytes, &self->length);
  self->line = 1;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->position = 3;

  if (self->length == self->position)
    {
      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_EMPTY,
                   _("“%s” is empty"), display_name);
      return NULL;
    }

  if (!g_utf8_validate (self->data, self->length, &invalid))
    {
      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING,
                   _("“%s”, line %u: the text is not UTF-8; save the file as “CSV UTF-8”"),
                   display_name, count_lines (self->data, invalid - self->data));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tanlu_csv_reader_new_for_path:
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file cannot
 *   be read, is empty or is not UTF-8
 */
TanluCsvReader *
tanlu_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_READ,
                   _("Could not read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);

  return reader_new (bytes, display_name, error);
}

/**
 * tanlu_csv_reader_new_for_bytes:
 * @display_name: how messages name the input
 *
 * Returns: (transfer full) (nullable): a reader
 */
TanluCsvReader *
tanlu_csv_reader_new_for_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return reader_new (bytes, display_name, error);
}

void
tanlu_csv_reader_free (TanluCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_free (self);
}

const char *
tanlu_csv_reader_get_display_name (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

static void
end_field (TanluCsvReader *self)
{
  gsize start;

  g_string_append_c (self->buffer, '\0');
  start = self->buffer->len;
  g_array_append_val (self->offsets, start);
}

/**
 * tanlu_csv_reader_next:
 *
 * Reads the next record, skipping blank lines.
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the input or
 *   on a syntax error, which sets @error
 */
gboolean
tanlu_csv_reader_next (TanluCsvReader  *self,
                       GError         **error)
{
  const char *data;
  gsize length;
  gsize i;

  g_return_val_if_fail (self != NULL, FALSE);

  data = self->data;
  length = self->length;

  /* Blank lines carry no record; spreadsheets often leave one at the end. */
  while (self->position < length)
    {
      if (data[self->position] == '\n')
        {
          self->position++;
          self->line++;
        }
      else if (data[self->position] == '\r' && self->position + 1 < length &&
               data[self->position + 1] == '\n')
        {
          self->position += 2;
          self->line++;
        }
      else
        break;
    }

  if (self->position >= length)
    return FALSE;

  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_array_append_val (self->offsets, (gsize) { 0 });
  self->record_line = self->line;

  i = self->position;
  for (;;)
    {
      if (i < length && data[i] == '"')
        {
          guint quote_line = self->line;

          i++;
          for (;;)
            {
              const char *quote;

              quote = memchr (data + i, '"', length - i);
              if (quote == NULL)
                {
                  g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                               _("“%s”, line %u: a quoted field is never closed"),
                               self->display_name, quote_line);
                  return FALSE;
                }

              for (const char *p = data + i; p < quote; p++)
                if (*p == '\n')
                  self->line++;
              g_string_append_len (self->buffer, data + i, quote - (data + i));
              i = quote - data + 1;

              if (i < length && data[i] == '"')
                {
                  g_string_append_c (self->buffer, '"');
                  i++;
                  continue;
                }
              break;
            }

          if (i < length && data[i] != ',' && data[i] != '\n' && data[i] != '\r')
            {
              g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: unexpected text after a closing quote"),
                           self->display_name, self->line);
              return FALSE;
            }
        }
      else
        {
          gsize start = i;

          while (i < length && data[i] != ',' && data[i] != '\n' && data[i] != '\r')
            i++;

          if (memchr (data + start, '"', i - start) != NULL)
            {
              g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: a quote inside an unquoted field; enclose the field "
                              "in quotes and double the quote"),
                           self->display_name, self->line);
              return FALSE;
            }

          g_string_append_len (self->buffer, data + start, i - start);
        }

      if (i < length && data[i] == ',')
        {
          end_field (self);
          i++;
          continue;
        }

      /* End of record. */
      if (i < length && data[i] == '\r')
        {
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
          else
            {
              g_set_error (
                error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                _("“%s”, line %u: a lone carriage return; lines must end with LF or CRLF"),
                self->display_name, self->line);
              return FALSE;
            }
        }
      if (i < length)
        {
          i++;
          self->line++;
        }
      break;
    }

  g_string_append_c (self->buffer, '\0');
  self->position = i;

  return TRUE;
}

guint
tanlu_csv_reader_get_n_fields (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->offsets->len;
}

/**
 * tanlu_csv_reader_get_field:
 *
 * Returns: the field's text, valid until the next record is read
 */
const char *
tanlu_csv_reader_get_field (TanluCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->offsets->len, NULL);

  return self->buffer->str + g_array_index (self->offsets, gsize, index);
}

/**
 * tanlu_csv_reader_get_line:
 *
 * Returns: the line on which the current record starts, counting from 1
 */
guint
tanlu_csv_reader_get_line (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

double
tanlu_csv_reader_get_fraction (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length > 0 ? (double)self->position / self->length : 1.0;
}

/**
 * tanlu_csv_append_field:
 * @line: the record being written
 *
 * Appends @text as one field, quoted when it holds a comma, a quote or a
 * line break.
 */
void
tanlu_csv_append_field (GString    *line,
                        const char *text)
{
  g_return_if_fail (line != NULL);

  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * tanlu_csv_format_double:
 * @value: a finite number
 *
 * Formats @value with the fewest digits that read back as exactly the same
 * double, independent of the locale, so exported files round-trip.
 *
 * Returns: (transfer full): the text
 */
char *
tanlu_csv_format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buffer, sizeof buffer,
                       precision == 15   ? "%.15g"
                       : precision == 16 ? "%.16g"
                                         : "%.17g",
                       value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}
