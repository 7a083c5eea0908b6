/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What any file given to Tanlu may be, at most. Stated in the README. */
#define TANLU_INPUT_MAX_FILE_SIZE   (G_GINT64_CONSTANT (1) << 30)   /* 1 GiB */
#define TANLU_INPUT_MAX_JSON_DEPTH  64
#define TANLU_INPUT_MAX_QUOTED      60

#define TANLU_INPUT_ERROR (tanlu_input_error_quark ())

/**
 * TanluInputError:
 * @TANLU_INPUT_ERROR_READ: the file cannot be opened or read
 * @TANLU_INPUT_ERROR_NOT_REGULAR: a folder, a pipe, a device or a socket
 * @TANLU_INPUT_ERROR_TOO_LARGE: over a limit on size, length or depth
 * @TANLU_INPUT_ERROR_EMPTY: the file holds nothing
 * @TANLU_INPUT_ERROR_SYNTAX: the text is not what it should be
 *
 * Messages are translated and name the file.
 */
typedef enum
{
  TANLU_INPUT_ERROR_READ,
  TANLU_INPUT_ERROR_NOT_REGULAR,
  TANLU_INPUT_ERROR_TOO_LARGE,
  TANLU_INPUT_ERROR_EMPTY,
  TANLU_INPUT_ERROR_SYNTAX,
} TanluInputError;

/**
 * TanluNumberProblem:
 * @TANLU_NUMBER_OK: the text is a number
 * @TANLU_NUMBER_NOT_DECIMAL: not a decimal number (hexadecimal, “inf”,
 *   “NaN”, thousands separators, words…)
 * @TANLU_NUMBER_TOO_LARGE: too large for a double
 * @TANLU_NUMBER_TOO_SMALL: not zero, but too close to it for a double
 */
typedef enum
{
  TANLU_NUMBER_OK,
  TANLU_NUMBER_NOT_DECIMAL,
  TANLU_NUMBER_TOO_LARGE,
  TANLU_NUMBER_TOO_SMALL,
} TanluNumberProblem;

GQuark      tanlu_input_error_quark     (void);
int         tanlu_input_open            (const char   *path,
                                         const char   *display_name,
                                         gint64        max_size,
                                         gint64       *size,
                                         GError      **error);
GBytes     *tanlu_input_read            (const char   *path,
                                         const char   *display_name,
                                         gint64        max_size,
                                         GError      **error);
GMappedFile *tanlu_input_map            (const char   *path,
                                         const char   *display_name,
                                         gint64        max_size,
                                         GError      **error);
char       *tanlu_input_quote           (const char   *text,
                                         gssize        length);
TanluNumberProblem
            tanlu_input_parse_number    (const char   *text,
                                         double       *value);
gboolean    tanlu_input_check_json      (const char   *data,
                                         gsize         length,
                                         const char   *display_name,
                                         guint         first_line,
                                         guint         max_depth,
                                         GError      **error);
char       *tanlu_input_write_json      (JsonNode     *root,
                                         gboolean      pretty);

G_END_DECLS
