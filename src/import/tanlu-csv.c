/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "tanlu-csv.h"
#include "tanlu-input.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* RFC 4180 records from a text file, with or without a byte-order mark,
 * with LF or CRLF line ends. The file is read as it is parsed, a piece at
 * a time, so a file of any size costs little memory; a record longer than
 * TANLU_CSV_MAX_RECORD bytes is refused, which also bounds every field.
 *
 * UTF-8 is parsed as it is read and validated a record at a time. Text in
 * another encoding is decoded to UTF-8 with iconv as each piece is read,
 * and the limits apply to the decoded text; bytes invalid in the encoding
 * stop the decoding there, and reading up to them fails with their line.
 * Fields are separated by commas, semicolons or tabs. */

#define CHUNK_SIZE (64 * 1024)

/* How much decoded text the separator is guessed from, at most. */
#define SEPARATOR_WINDOW (16 * 1024)
#define SEPARATOR_LINES  10

static const char separators[] = { ',', ';', '\t' };

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

  TanluTextEncoding encoding; /* in use; never AUTO once open */
  char         separator;
  GIConv       converter;     /* to UTF-8, or (GIConv) -1 for UTF-8 input */
  GByteArray  *raw;           /* read from the file, not decoded yet */
  gint64       raw_offset;    /* input bytes decoded so far */
  gboolean     raw_eof;       /* all the input has been read */
  gboolean     invalid;       /* decoding stopped at bytes invalid in the encoding */
  double       fraction;      /* of a decoded input, as last reported */
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

/* Reads up to @length bytes of the file from where it was left. */
static gssize
read_raw (TanluCsvReader  *self,
          guint8          *buffer,
          gsize            length,
          GError         **error)
{
  for (;;)
    {
      gssize n = read (self->fd, buffer, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_READ,
                       _("Could not read “%s”: %s"), self->display_name, g_strerror (saved_errno));
          return -1;
        }

      return n;
    }
}

static void
set_invalid_error (TanluCsvReader  *self,
                   guint            line,
                   GError         **error)
{
  g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING,
               /* Translators: the last %s is an encoding, such as “GB18030 (GBK)” */
               _("“%s”, line %u: the text is not valid %s; choose the file’s encoding"),
               self->display_name, line, tanlu_text_encoding_get_display_name (self->encoding));
}

/* Drops what has been parsed, reads another piece of the input and
 * decodes it, keeping the bytes of a character cut at the piece's end for
 * the next. Decoding stops at bytes invalid in the encoding; the next call
 * fails, once the records before them have been read. */
static gboolean
read_more_decoded (TanluCsvReader  *self,
                   GError         **error)
{
  const guint8 *input;
  gsize input_length;
  char *inbuf;
  gsize inleft;
  gsize kept;
  gsize produced;
  gsize decoded;

  if (self->invalid)
    {
      set_invalid_error (self,
                         self->line + count_lines (self->data + self->position,
                                                   self->length - self->position),
                         error);
      return FALSE;
    }

  kept = self->length - self->position;
  self->consumed += self->position;
  g_byte_array_remove_range (self->window, 0, self->position);
  self->position = 0;

  if (self->fd >= 0)
    {
      if (!self->raw_eof)
        {
          gsize old = self->raw->len;
          gssize n;

          g_byte_array_set_size (self->raw, old + CHUNK_SIZE);
          n = read_raw (self, self->raw->data + old, CHUNK_SIZE, error);
          if (n < 0)
            return FALSE;
          g_byte_array_set_size (self->raw, old + n);
          self->raw_eof = n == 0;
        }
      input = self->raw->data;
      input_length = self->raw->len;
    }
  else
    {
      gsize total;
      const guint8 *all = g_bytes_get_data (self->bytes, &total);

      input = all + self->raw_offset;
      input_length = MIN (total - (gsize) self->raw_offset, CHUNK_SIZE);
      self->raw_eof = self->raw_offset + (gint64) input_length == (gint64) total;
    }

  inbuf = (char *) input;
  inleft = input_length;
  produced = kept;
  /* No encoding read here takes more than twice the bytes in UTF-8. */
  g_byte_array_set_size (self->window, kept + 2 * inleft + 16);

  while (inleft > 0)
    {
      char *outbuf = (char *) self->window->data + produced;
      gsize outleft = self->window->len - produced;
      gsize result = g_iconv (self->converter, &inbuf, &inleft, &outbuf, &outleft);
      int saved_errno = errno;

      produced = self->window->len - outleft;
      if (result != (gsize) -1)
        break;
      if (saved_errno == E2BIG)
        g_byte_array_set_size (self->window, self->window->len + CHUNK_SIZE);
      else if (saved_errno == EINVAL && !self->raw_eof)
        break;   /* a character cut at the end of the piece */
      else
        {
          /* EILSEQ, or a character cut by the end of the file */
          self->invalid = TRUE;
          break;
        }
    }

  decoded = input_length - inleft;
  g_byte_array_set_size (self->window, produced);
  if (self->fd >= 0)
    g_byte_array_remove_range (self->raw, 0, decoded);
  self->raw_offset += decoded;
  self->eof = self->raw_eof && inleft == 0 && !self->invalid;

  self->data = (const char *) self->window->data;
  self->length = self->window->len;

  if (self->consumed + (gint64) self->length > TANLU_INPUT_MAX_FILE_SIZE)
    {
      g_autofree char *limit =
        g_format_size_full (TANLU_INPUT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_READ,
                   _("“%s” is larger than %s once decoded; Tanlu reads files of at most that size"),
                   self->display_name, limit);
      return FALSE;
    }

  return TRUE;
}

/* Drops what has been parsed and reads another piece of the file. */
static gboolean
read_more (TanluCsvReader  *self,
           GError         **error)
{
  gsize kept;

  if (self->eof)
    return TRUE;

  if (self->converter != (GIConv) -1)
    return read_more_decoded (self, error);

  kept = self->length - self->position;
  self->consumed += self->position;
  g_byte_array_remove_range (self->window, 0, self->position);
  self->position = 0;

  g_byte_array_set_size (self->window, kept + CHUNK_SIZE);
  {
    gssize n = read_raw (self, self->window->data + kept, CHUNK_SIZE, error);

    if (n < 0)
      return FALSE;
    g_byte_array_set_size (self->window, kept + n);
    self->eof = n == 0;
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
  self->encoding = TANLU_TEXT_ENCODING_UTF8;
  self->separator = ',';
  self->converter = (GIConv) -1;

  return self;
}

/* Up to CHUNK_SIZE bytes of the input at @offset, whatever has been read
 * of it; @buffer holds CHUNK_SIZE bytes. A file that cannot be read here
 * gives nothing, and fails when it is read. */
static const guint8 *
peek_input (TanluCsvReader *self,
            gint64          offset,
            guint8         *buffer,
            gsize          *length)
{
  if (self->fd < 0)
    {
      gsize total;
      const guint8 *all = g_bytes_get_data (self->bytes, &total);

      offset = MIN (offset, (gint64) total);
      *length = MIN (total - (gsize) offset, CHUNK_SIZE);
      return all + offset;
    }

  for (;;)
    {
      gssize n = pread (self->fd, buffer, CHUNK_SIZE, offset);

      if (n < 0 && errno == EINTR)
        continue;
      *length = MAX (n, 0);
      return buffer;
    }
}

/* See tanlu_text_detect_encoding(). A beginning in ASCII says nothing, as
 * ASCII reads the same in UTF-8 and GB 18030: a file whose first Chinese
 * text comes after a long English header is judged by that text. This
 * reads an ASCII file twice. */
static TanluTextEncoding
detect_encoding (TanluCsvReader *self)
{
  g_autofree guint8 *buffer = self->fd >= 0 ? g_malloc (CHUNK_SIZE) : NULL;
  TanluTextEncoding encoding;
  const guint8 *head;
  gint64 offset = 0;
  gsize length;

  head = peek_input (self, 0, buffer, &length);
  encoding = tanlu_text_detect_encoding (head, length);
  if (encoding != TANLU_TEXT_ENCODING_UTF8 || (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0))
    return encoding;

  while (length > 0)
    {
      for (gsize i = 0; i < length; i++)
        if (head[i] >= 0x80)
          {
            head = peek_input (self, offset + i, buffer, &length);
            return tanlu_text_is_utf8_head (head, length) ? TANLU_TEXT_ENCODING_UTF8
                                                          : TANLU_TEXT_ENCODING_GB18030;
          }

      offset += length;
      head = peek_input (self, offset, buffer, &length);
    }

  return TANLU_TEXT_ENCODING_UTF8;
}

/* The separator that splits the first lines, outside quotes, into the
 * same number of fields, the most fields if several do; failing that the
 * one most frequent on the first line; a comma when there is none. */
static char
detect_separator (const char *data,
                  gsize       length,
                  gboolean    eof)
{
  guint first[G_N_ELEMENTS (separators)] = { 0, };
  gboolean same[G_N_ELEMENTS (separators)];
  guint counts[G_N_ELEMENTS (separators)] = { 0, };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  gboolean blank = TRUE;
  char best = ',';
  guint best_count = 0;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    same[s] = TRUE;

  for (gsize i = 0; i <= length && n_lines < SEPARATOR_LINES; i++)
    {
      char c;

      if (i == length && !eof)
        break;
      c = i < length ? data[i] : '\n';

      if (c == '"')
        quoted = !quoted;
      if (!quoted && (c == '\n' || c == '\r'))
        {
          if (blank)
            continue;
          for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
            {
              if (n_lines == 0)
                first[s] = counts[s];
              else if (counts[s] != first[s])
                same[s] = FALSE;
              counts[s] = 0;
            }
          n_lines++;
          blank = TRUE;
          continue;
        }

      blank = FALSE;
      if (!quoted)
        for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
          counts[s] += c == separators[s];
    }

  /* A first line longer than the window: count what there is of it. */
  if (n_lines == 0)
    memcpy (first, counts, sizeof first);

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    if (same[s] && first[s] > best_count)
      {
        best = separators[s];
        best_count = first[s];
      }
  if (best_count > 0)
    return best;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    if (first[s] > best_count)
      {
        best = separators[s];
        best_count = first[s];
      }

  return best;
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

/* Settles the encoding and the separator, then starts reading. */
static gboolean
reader_open (TanluCsvReader     *self,
             TanluTextEncoding   encoding,
             char                separator,
             GError            **error)
{
  if (encoding == TANLU_TEXT_ENCODING_AUTO)
    encoding = detect_encoding (self);
  self->encoding = encoding;

  if (encoding != TANLU_TEXT_ENCODING_UTF8)
    {
      const char *name = tanlu_text_encoding_get_iconv_name (encoding);

      self->converter = g_iconv_open ("UTF-8", name);
      if (self->converter == (GIConv) -1)
        {
          g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING,
                       _("“%s”: this system cannot read text in %s"), self->display_name,
                       tanlu_text_encoding_get_display_name (encoding));
          return FALSE;
        }

      self->raw = g_byte_array_new ();
      if (self->window == NULL)
        self->window = g_byte_array_new ();
      self->data = "";
      self->length = 0;
      self->eof = FALSE;
    }

  if (!reader_start (self, error))
    return FALSE;

  if (separator == '\0')
    {
      while (!self->eof && self->length - self->position < SEPARATOR_WINDOW)
        if (!read_more (self, error))
          return FALSE;
      separator = detect_separator (self->data + self->position,
                                    MIN (self->length - self->position, SEPARATOR_WINDOW),
                                    self->eof && self->length - self->position <= SEPARATOR_WINDOW);
    }
  self->separator = separator;

  return TRUE;
}

/**
 * tanlu_csv_reader_new_for_path:
 *
 * Opens a regular file of at most %TANLU_INPUT_MAX_FILE_SIZE bytes of
 * UTF-8 text with fields separated by commas.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file cannot
 *   be read or is empty
 */
TanluCsvReader *
tanlu_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  return tanlu_csv_reader_new_for_path_with_options (path, TANLU_TEXT_ENCODING_UTF8, ',', error);
}

/**
 * tanlu_csv_reader_new_for_path_with_options:
 * @encoding: the file's encoding, or %TANLU_TEXT_ENCODING_AUTO to detect it
 * @separator: `,`, `;` or `\t`, or `\0` to detect it from the first lines
 *
 * Opens a regular file of at most %TANLU_INPUT_MAX_FILE_SIZE bytes, in
 * @encoding; see tanlu_csv_reader_get_encoding() and
 * tanlu_csv_reader_get_separator() for what detection found.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file cannot
 *   be read or is empty
 */
TanluCsvReader *
tanlu_csv_reader_new_for_path_with_options (const char         *path,
                                            TanluTextEncoding   encoding,
                                            char                separator,
                                            GError            **error)
{
  g_autoptr(TanluCsvReader) self = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (encoding <= TANLU_TEXT_ENCODING_GB18030, NULL);
  g_return_val_if_fail (separator == '\0' || memchr (separators, separator, sizeof separators) != NULL,
                        NULL);

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

  if (!reader_open (self, encoding, separator, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tanlu_csv_reader_new_for_bytes:
 * @display_name: how messages name the input
 *
 * Reads UTF-8 text with fields separated by commas.
 *
 * Returns: (transfer full) (nullable): a reader
 */
TanluCsvReader *
tanlu_csv_reader_new_for_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  return tanlu_csv_reader_new_for_bytes_with_options (bytes, display_name, TANLU_TEXT_ENCODING_UTF8,
                                                      ',', error);
}

/**
 * tanlu_csv_reader_new_for_bytes_with_options:
 * @display_name: how messages name the input
 * @encoding: the text's encoding, or %TANLU_TEXT_ENCODING_AUTO to detect it
 * @separator: `,`, `;` or `\t`, or `\0` to detect it from the first lines
 *
 * Returns: (transfer full) (nullable): a reader
 */
TanluCsvReader *
tanlu_csv_reader_new_for_bytes_with_options (GBytes             *bytes,
                                             const char         *display_name,
                                             TanluTextEncoding   encoding,
                                             char                separator,
                                             GError            **error)
{
  g_autoptr(TanluCsvReader) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (encoding <= TANLU_TEXT_ENCODING_GB18030, NULL);
  g_return_val_if_fail (separator == '\0' || memchr (separators, separator, sizeof separators) != NULL,
                        NULL);

  self = reader_new (display_name);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->length);
  self->size = self->length;
  self->eof = TRUE;

  if (!reader_open (self, encoding, separator, error))
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
  if (self->converter != (GIConv) -1)
    g_iconv_close (self->converter);
  g_clear_pointer (&self->raw, g_byte_array_unref);
  g_free (self);
}

const char *
tanlu_csv_reader_get_display_name (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * tanlu_csv_reader_get_encoding:
 *
 * Returns: the encoding the input is read in: the one asked for, or the
 *   one detected; never %TANLU_TEXT_ENCODING_AUTO
 */
TanluTextEncoding
tanlu_csv_reader_get_encoding (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, TANLU_TEXT_ENCODING_UTF8);

  return self->encoding;
}

/**
 * tanlu_csv_reader_get_separator:
 *
 * Returns: the separator of fields: `,`, `;` or `\t`, asked for or detected
 */
char
tanlu_csv_reader_get_separator (TanluCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
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
  char separator = self->separator;

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

          if (i < length && data[i] != separator && data[i] != '\n' && data[i] != '\r')
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

          while (i < length && data[i] != separator && data[i] != '\n' && data[i] != '\r')
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

      if (i < length && data[i] == separator)
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

/* How far through a decoded input the reader is, which is known exactly
 * only in decoded text: the input decoded so far, in the proportion of
 * its text parsed. Never goes back. */
static void
update_decoded_fraction (TanluCsvReader *self)
{
  double decoded = (double) (self->consumed + self->length);
  double fraction;

  if (self->eof && self->position >= self->length)
    fraction = 1.0;
  else if (decoded <= 0 || self->size <= 0)
    fraction = 0.0;
  else
    fraction = (double) self->raw_offset / self->size * (self->consumed + self->position) / decoded;

  self->fraction = MAX (self->fraction, MIN (fraction, 1.0));
}

/**
 * tanlu_csv_reader_next:
 *
 * Reads the next record, skipping blank lines.
 *
 * Returns: %TRUE if a record was read; %FALSE at the end of the input or
 *   on a syntax error, a record longer than %TANLU_CSV_MAX_RECORD bytes or
 *   text that is not valid in the reader's encoding, which set @error
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
    {
      self->fraction = 1.0;
      return FALSE;
    }

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

  /* Decoded text is UTF-8, but for NULs, which UTF-16 can hold. */
  if (!g_utf8_validate (self->data + self->position, end - self->position, &invalid))
    {
      guint line = self->line + count_lines (self->data + self->position,
                                             invalid - (self->data + self->position));

      if (self->converter != (GIConv) -1)
        set_invalid_error (self, line, error);
      else
        g_set_error (error, TANLU_CSV_ERROR, TANLU_CSV_ERROR_ENCODING,
                     _("“%s”, line %u: the text is not UTF-8; save the file as “CSV UTF-8”"),
                     self->display_name, line);
      return FALSE;
    }

  self->line += count_lines (self->data + self->position, end - self->position);
  g_string_append_c (self->buffer, '\0');
  self->position = end;

  if (self->converter != (GIConv) -1)
    update_decoded_fraction (self);

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

  if (self->converter != (GIConv) -1)
    return self->fraction;

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
