/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tanlu-input"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tanlu-input.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What every reader of files given by a user shares: only regular files,
 * opened without blocking on a pipe; sizes within bounds; numbers read
 * strictly; offending text quoted briefly. */

G_DEFINE_QUARK (tanlu-input-error-quark, tanlu_input_error)

/* ------------------------------------------------------------------------ */

static void
set_not_regular_error (GError     **error,
                       const char  *display_name,
                       mode_t       mode)
{
  if (S_ISDIR (mode))
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_NOT_REGULAR,
                 _("“%s” is a folder, not a file; choose a file"), display_name);
  else if (S_ISFIFO (mode))
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_NOT_REGULAR,
                 _("“%s” is a pipe, not a file; choose a file"), display_name);
  else if (S_ISSOCK (mode))
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_NOT_REGULAR,
                 _("“%s” is a socket, not a file; choose a file"), display_name);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_NOT_REGULAR,
                 _("“%s” is a device, not a file; choose a file"), display_name);
  else
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_NOT_REGULAR,
                 _("“%s” is not a regular file; choose a file"), display_name);
}

static char *
format_size (gint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/* ------------------------------------------------------------------------ */

/**
 * tanlu_input_open:
 * @display_name: how messages name the file
 * @max_size: the largest size accepted, in bytes
 * @size: (out) (optional): the file's size
 *
 * Opens a regular file for reading. A pipe, device, socket or folder is
 * refused at once instead of blocking, and so is a file over @max_size.
 *
 * Returns: a file descriptor to close, or -1 with @error set
 */
int
tanlu_input_open (const char  *path,
                  const char  *display_name,
                  gint64       max_size,
                  gint64      *size,
                  GError     **error)
{
  struct stat st;
  int saved_errno;
  int flags;
  int fd;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (display_name != NULL, -1);

  /* O_NONBLOCK, or opening a pipe waits for a writer that never comes. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_READ,
                   _("Cannot read “%s”: %s"), display_name, g_strerror (saved_errno));
      return -1;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_READ,
                   _("Cannot read “%s”: %s"), display_name, g_strerror (saved_errno));
      return -1;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular_error (error, display_name, st.st_mode);
      return -1;
    }

  if (st.st_size > max_size)
    {
      g_autofree char *actual = format_size (st.st_size);
      g_autofree char *limit = format_size (max_size);

      close (fd);
      g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_TOO_LARGE,
                   _("“%s” is %s; Tanlu reads files of at most %s"), display_name, actual, limit);
      return -1;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  if (size != NULL)
    *size = st.st_size;

  return fd;
}

/**
 * tanlu_input_read:
 *
 * Reads a whole regular file of at most @max_size bytes. A file that grows
 * meanwhile is read up to the size it had when opened.
 *
 * Returns: (transfer full) (nullable): its contents
 */
GBytes *
tanlu_input_read (const char  *path,
                  const char  *display_name,
                  gint64       max_size,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gint64 size = 0;
  gsize length = 0;
  int fd;

  if ((fd = tanlu_input_open (path, display_name, max_size, &size, error)) < 0)
    return NULL;

  data = g_malloc (MAX (size, 1));
  while (length < (gsize) size)
    {
      gssize n = read (fd, data + length, size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_READ,
                       _("Cannot read “%s”: %s"), display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  close (fd);

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * tanlu_input_map:
 *
 * Maps a whole regular file of at most @max_size bytes into memory,
 * read-only: its pages are read as they are touched and can be dropped
 * again, so a large file costs little resident memory.
 *
 * Returns: (transfer full) (nullable): the mapping
 */
GMappedFile *
tanlu_input_map (const char  *path,
                 const char  *display_name,
                 gint64       max_size,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;
  int fd;

  if ((fd = tanlu_input_open (path, display_name, max_size, NULL, error)) < 0)
    return NULL;

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);

  if (mapped == NULL)
    g_set_error (error, TANLU_INPUT_ERROR, TANLU_INPUT_ERROR_READ,
                 _("Cannot read “%s”: %s"), display_name, local_error->message);

  return mapped;
}

/**
 * tanlu_input_quote:
 * @length: bytes of @text to quote, or -1 up to its end
 *
 * Quotes text from a file in a message: at most %TANLU_INPUT_MAX_QUOTED
 * characters, the rest cut off with “…”, line breaks and other control
 * characters shown as spaces, bytes that are not UTF-8 replaced.
 *
 * Returns: (transfer full): the text to put between quotation marks
 */
char *
tanlu_input_quote (const char *text,
                   gssize      length)
{
  g_autofree char *valid = NULL;
  GString *quoted;
  gsize shown_length;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  /* Only as much as can be shown is looked at. */
  shown_length = MIN ((gsize) length, 4 * (TANLU_INPUT_MAX_QUOTED + 1));
  valid = g_utf8_make_valid (text, shown_length);
  quoted = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == TANLU_INPUT_MAX_QUOTED - 1 &&
          (*g_utf8_next_char (p) != '\0' || shown_length < (gsize) length))
        {
          g_string_append (quoted, "…");
          return g_string_free (quoted, FALSE);
        }

      g_string_append_unichar (quoted, g_unichar_iscntrl (c) ? ' ' : c);
      n_chars++;
    }

  if (shown_length < (gsize) length)
    g_string_append (quoted, "…");

  return g_string_free (quoted, FALSE);
}

/**
 * tanlu_input_parse_number:
 * @text: the text of a value, with or without spaces around it
 * @value: (out): the number
 *
 * Reads a decimal number: an optional sign, digits with an optional
 * decimal point, an optional exponent. Hexadecimal, infinities, “NaN”,
 * thousands separators and numbers too large or too small for a double
 * (which would turn into infinity or 0) are refused.
 *
 * Returns: %TANLU_NUMBER_OK, or why @text is not such a number
 */
TanluNumberProblem
tanlu_input_parse_number (const char *text,
                          double     *value)
{
  const char *p;
  const char *start;
  gboolean has_digits = FALSE;
  gboolean nonzero = FALSE;
  double number;

  g_return_val_if_fail (text != NULL, TANLU_NUMBER_NOT_DECIMAL);
  g_return_val_if_fail (value != NULL, TANLU_NUMBER_NOT_DECIMAL);

  for (start = text; g_ascii_isspace (*start); start++)
    ;
  p = start;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      has_digits = TRUE;
      nonzero |= *p != '0';
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        has_digits = TRUE;
        nonzero |= *p != '0';
      }
  if (has_digits && (*p == 'e' || *p == 'E'))
    {
      const char *exponent = p + 1;

      if (*exponent == '+' || *exponent == '-')
        exponent++;
      if (g_ascii_isdigit (*exponent))
        for (p = exponent; g_ascii_isdigit (*p); p++)
          ;
    }
  while (g_ascii_isspace (*p))
    p++;

  if (!has_digits || *p != '\0')
    return TANLU_NUMBER_NOT_DECIMAL;

  errno = 0;
  number = g_ascii_strtod (start, NULL);
  if (!isfinite (number) || (errno == ERANGE && fabs (number) > 1))
    return TANLU_NUMBER_TOO_LARGE;
  if ((errno == ERANGE || number == 0) && nonzero)
    return TANLU_NUMBER_TOO_SMALL;

  *value = number;
  return TANLU_NUMBER_OK;
}

static gboolean
json_problem (GError     **error,
              int          code,
              const char  *display_name,
              guint        line,
              const char  *problem)
{
  if (display_name != NULL)
    /* Translators: “plan.json”, line 3: a string holds a control character */
    g_set_error (error, TANLU_INPUT_ERROR, code, _("“%s”, line %u: %s"),
                 display_name, line, problem);
  else
    g_set_error (error, TANLU_INPUT_ERROR, code, _("line %u: %s"), line,
                 problem);

  return FALSE;
}

static int
hex_quad (const char *text)
{
  int value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (text[i]);
    }

  return value;
}

/**
 * tanlu_input_check_json:
 * @display_name: (nullable): how messages name the text
 * @first_line: the line @data starts on, for messages
 * @max_depth: how deeply objects and arrays may nest
 *
 * Checks what the JSON parser lets through or cannot bear, without
 * parsing: nesting deeper than any real file (it could exhaust the
 * parser's recursion), text that is not UTF-8, and strings that JSON does
 * not allow: raw control characters, unknown escapes, \u escapes without
 * four hex digits or naming half a surrogate pair, which the parser would
 * turn into text that is not UTF-8. Other mistakes are left to the parser.
 *
 * Returns: %FALSE with @error set if the text has one of these
 */
gboolean
tanlu_input_check_json (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        guint        first_line,
                        guint        max_depth,
                        GError     **error)
{
  const char *invalid_end = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = first_line;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!g_utf8_validate_len (data, length, &invalid_end))
    {
      for (const char *p = data; p < invalid_end; p++)
        if (*p == '\n')
          line++;
      return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, line, _("the text is not UTF-8"));
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];
      guint here = line;

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c < 0x20)
            return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, here,
                                 _("a string holds a control character"));

          if (c == '"')
            in_string = FALSE;
          else if (c == '\\')
            {
              int unit;

              if (++i >= length)
                break;
              if (strchr ("\"\\/bfnrt", data[i]) != NULL && data[i] != '\0')
                continue;
              if (data[i] != 'u' || length - i <= 4 || (unit = hex_quad (data + i + 1)) < 0)
                return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, here,
                                     _("a string holds an escape JSON does not know"));
              i += 4;
              if (unit >= 0xdc00 && unit <= 0xdfff)
                return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, here,
                                     _("a string holds half a UTF-16 surrogate pair"));
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  int low;

                  if (length - i <= 6 || data[i + 1] != '\\' || data[i + 2] != 'u' ||
                      (low = hex_quad (data + i + 3)) < 0xdc00 || low > 0xdfff)
                    return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, here,
                                         _("a string holds half a UTF-16 surrogate pair"));
                  i += 6;
                }
            }
          continue;
        }

      /* json-glib reads a whole number into 64 bits and silently
       * wraps one that does not fit. */
      if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i + (c == '-');
          guint digits = 0;

          while (end < length && g_ascii_isdigit (data[end]))
            end++, digits++;
          if (digits > 18 && (end >= length || strchr (".eE", data[end]) == NULL))
            {
              g_autofree char *number = tanlu_input_quote (data + i, end - i);
              /* Translators: %s is the number as written */
              g_autofree char *problem =
                g_strdup_printf (_("the whole number “%s” has more than 18 digits"), number);

              return json_problem (error, TANLU_INPUT_ERROR_SYNTAX, display_name, here, problem);
            }
          while (end < length && data[end] != '\0' &&
                 (g_ascii_isdigit (data[end]) || strchr (".eE+-", data[end]) != NULL))
            end++;
          i = end - 1;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_autofree char *problem =
                g_strdup_printf (_("the JSON nests more than %u levels deep"), max_depth);

              return json_problem (error, TANLU_INPUT_ERROR_TOO_LARGE, display_name, here, problem);
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * tanlu_input_write_json:
 * @pretty: indent by two spaces, one member or element a line
 *
 * Writes @root as JSON that reads back. json-glib before 1.8 writes a
 * double whose shortest form has an exponent and no point, such as 1e+308
 * or 1e-07, with “.0” after the exponent, which no JSON parser reads; the
 * “.0” is dropped.
 *
 * Returns: (transfer full): the JSON text
 */
char *
tanlu_input_write_json (JsonNode *root,
                        gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *fixed;
  gboolean in_string = FALSE;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  if (pretty)
    json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  fixed = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          g_string_append_c (fixed, *p);
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (fixed, *++p);
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }

      if (*p == '"')
        in_string = TRUE;
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *end = p;
          gboolean exponent = FALSE;

          while (*end != '\0' && (g_ascii_isdigit (*end) || strchr ("+-.eE", *end) != NULL))
            exponent |= (*end == 'e' || *end == 'E'), end++;

          if (exponent && end - p >= 2 && end[-2] == '.' && end[-1] == '0' &&
              memchr (p, '.', end - p - 2) == NULL)
            {
              g_string_append_len (fixed, p, end - p - 2);
              p = end - 1;
              continue;
            }
          g_string_append_len (fixed, p, end - p);
          p = end - 1;
          continue;
        }

      g_string_append_c (fixed, *p);
    }

  return g_string_free (fixed, FALSE);
}
