/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-csv.h"
#include "tanlu-input.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* RFC 4180 records from a UTF-8 file, with or without a byte-order mark,
 * with LF or CRLF line ends. The file is read as it is parsed, a piece at
 * a time, so a file of any size costs little memory; a record longer than
 * TANLU_CSV_MAX_RECORD bytes is refused, which also bounds every field. */

#define CHUNK_SIZE (64 * 1024)

struct _TanluCsvReader
{
  GBytes      *bytes;         /* a reader over bytes in memory */
  int          fd;            /* a reader over a file, or -1 */
  gint64       size;          /* of the whole input */
  gint64       consumed;      /* bytes before the buffer's start */
  gboolean     eof;           /* the buffer holds the rest of the input */
  char        *display_name;
  GByteArray  *window;        /* unparsed input read from the file */
  const char  *data;          /* the input in view: the window or the bytes */
  gsize        length;
  gsize        position;      /* in data */
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
  guint line = 0;

  for (gsize i = 0; i < up_to; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* Drops what has been parsed and reads another piece of the file. */
static gboolean
read_more (TanluCsvReader  *self,
           GError         **error)
{
  gsize kept;

  if (self->eof)
    return TRUE;

  kept = self->length - self->position;
  self->consumed += self->position;
  g_byte_array_remove_range (self->window, 0, self->position);
  self->position = 0;

  g_byte_array_set_size (self->window, kept + CHUNK_SIZE);
  for (;;)
    {
      gssize n = read (self->fd, self->window->data + kept, CHUNK_SIZE);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_READ,
                       _("Could not read “%s”: %s"), self->display_name, g_strerror (saved_errno));
          return FALSE;
        }

      g_byte_array_set_size (self->window, kept + n);
      self->eof = n == 0;
      break;
    }

  self->data = (const char *) self->window->data;
  self->length = self->window->len;

  return TRUE;
}

static TanluCsvReader *
reader_new (const char *display_name)
{
  TanluCsvReader *self = g_new0 (TanluCsvReader, 1);

  self->fd = -1;
  self->display_name = g_strdup (display_name);
  self->line = 1;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  return self;
}

/* Skips a byte-order mark and refuses an empty input. */
static gboolean
reader_start (TanluCsvReader  *self,
              GError         **error)
{
  while (!self->eof && self->length - self->position < 3)
    if (!read_more (self, error))
      return FALSE;

  if (self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->position = 3;

  if (self->length == self->position)
    {
      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_EMPTY,
                   _("“%s” is empty"), self->display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * tanlu_csv_reader_new_for_path:
 *
 * Opens a regular file of at most %TANLU_INPUT_MAX_FILE_SIZE bytes.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file cannot
 *   be read or is empty
 */
TanluCsvReader *
tanlu_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(TanluCsvReader) self = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_path_get_basename (path);
  self = reader_new (display_name);
  self->window = g_byte_array_new ();

  self->fd = tanlu_input_open (path, display_name, TANLU_INPUT_MAX_FILE_SIZE, &self->size,
                               &local_error);
  if (self->fd < 0)
    {
      g_set_error_literal (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_READ, local_error->message);
      return NULL;
    }

  if (!reader_start (self, error))
    return NULL;

  return g_steal_pointer (&self);
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
  g_autoptr(TanluCsvReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = reader_new (display_name);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->length);
  self->size = self->length;
  self->eof = TRUE;

  if (!reader_start (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
tanlu_csv_reader_free (TanluCsvReader *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->window, g_byte_array_unref);
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

typedef enum
{
  PARSE_RECORD,
  PARSE_NEED_MORE,
  PARSE_ERROR,
} ParseResult;

/* Parses the record at the reader's position; needs more input when it
 * runs into the end of what has been read before the end of the file. */
static ParseResult
parse_record (TanluCsvReader  *self,
              gsize           *end,
              GError         **error)
{
  const char *data = self->data;
  gsize length = self->length;
  guint line = self->line;
  gsize i = self->position;

  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_array_append_val (self->offsets, (gsize) { 0 });

  for (;;)
    {
      if (i < length && data[i] == '"')
        {
          guint quote_line = line;

          i++;
          for (;;)
            {
              const char *quote;

              quote = memchr (data + i, '"', length - i);
              if (quote == NULL || (quote + 1 == data + length && !self->eof))
                {
                  if (!self->eof)
                    return PARSE_NEED_MORE;
                  g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                               _("“%s”, line %u: a quoted field is never closed"),
                               self->display_name, quote_line);
                  return PARSE_ERROR;
                }

              line += count_lines (data + i, quote - (data + i));
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

          if (i >= length && !self->eof)
            return PARSE_NEED_MORE;

          if (i < length && data[i] != ',' && data[i] != '\n' && data[i] != '\r')
            {
              g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: unexpected text after a closing quote"),
                           self->display_name, line);
              return PARSE_ERROR;
            }
        }
      else
        {
          gsize start = i;

          while (i < length && data[i] != ',' && data[i] != '\n' && data[i] != '\r')
            i++;

          if (i >= length && !self->eof)
            return PARSE_NEED_MORE;

          if (memchr (data + start, '"', i - start) != NULL)
            {
              g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                           _("“%s”, line %u: a quote inside an unquoted field; enclose the field "
                             "in quotes and double the quote"),
                           self->display_name, line);
              return PARSE_ERROR;
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
          if (i + 1 >= length && !self->eof)
            return PARSE_NEED_MORE;
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
          else
            {
              g_set_error (
                error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                _("“%s”, line %u: a lone carriage return; lines must end with LF or CRLF"),
                self->display_name, line);
              return PARSE_ERROR;
            }
        }
      if (i < length)
        i++;
      break;
    }

  *end = i;
  return PARSE_RECORD;
}

/**
 * tanlu_csv_reader_next:
 *
 * Reads the next record, skipping blank lines.
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the input or
 *   on a syntax error, a record longer than %TANLU_CSV_MAX_RECORD bytes or
 *   text that is not UTF-8, which set @error
 */
gboolean
tanlu_csv_reader_next (TanluCsvReader  *self,
                       GError         **error)
{
  const char *invalid = NULL;
  gsize end = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Blank lines carry no record; spreadsheets often leave one at the end. */
  for (;;)
    {
      if (self->position + 2 > self->length && !self->eof && !read_more (self, error))
        return FALSE;

      if (self->position < self->length && self->data[self->position] == '\n')
        {
          self->position++;
          self->line++;
        }
      else if (self->position + 1 < self->length && self->data[self->position] == '\r' &&
               self->data[self->position + 1] == '\n')
        {
          self->position += 2;
          self->line++;
        }
      else
        break;
    }

  if (self->position >= self->length && self->eof)
    return FALSE;

  self->record_line = self->line;

  for (;;)
    {
      ParseResult result = parse_record (self, &end, error);

      if (result == PARSE_ERROR)
        return FALSE;

      if ((result == PARSE_RECORD ? end : self->length) - self->position > TANLU_CSV_MAX_RECORD)
        {
          g_autofree char *limit = g_format_size_full (TANLU_CSV_MAX_RECORD, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_SYNTAX,
                       _("“%s”, line %u: the record is longer than %s; Tanlu reads records of at "
                         "most that length"),
                       self->display_name, self->record_line, limit);
          return FALSE;
        }

      if (result == PARSE_RECORD)
        break;

      if (!read_more (self, error))
        return FALSE;
    }

  if (!g_utf8_validate (self->data + self->position, end - self->position, &invalid))
    {
      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING,
                   _("“%s”, line %u: the text is not UTF-8; save the file as “CSV UTF-8”"),
                   self->display_name,
                   self->line + count_lines (self->data + self->position, invalid - (self->data + self->position)));
      return FALSE;
    }

  self->line += count_lines (self->data + self->position, end - self->position);
  g_string_append_c (self->buffer, '\0');
  self->position = end;

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

  return self->size > 0 ? (double) (self->consumed + self->position) / self->size : 1.0;
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
