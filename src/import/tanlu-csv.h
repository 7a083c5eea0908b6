/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-text-encoding.h"

G_BEGIN_DECLS

#define TANLU_CSV_ERROR (tanlu_csv_error_quark ())

/* The longest record read, in bytes; it bounds every field too. */
#define TANLU_CSV_MAX_RECORD (1024 * 1024)

typedef enum
{
  TANLU_CSV_ERROR_READ,
  TANLU_CSV_ERROR_EMPTY,
  TANLU_CSV_ERROR_ENCODING,
  TANLU_CSV_ERROR_SYNTAX,
} TanluCsvError;

typedef struct _TanluCsvReader TanluCsvReader;

GQuark            tanlu_csv_error_quark                       (void);
TanluCsvReader   *tanlu_csv_reader_new_for_path               (const char        *path,
                                                               GError           **error);
TanluCsvReader   *tanlu_csv_reader_new_for_bytes              (GBytes            *bytes,
                                                               const char        *display_name,
                                                               GError           **error);
TanluCsvReader   *tanlu_csv_reader_new_for_path_with_options  (const char        *path,
                                                               TanluTextEncoding  encoding,
                                                               char               separator,
                                                               GError           **error);
TanluCsvReader   *tanlu_csv_reader_new_for_bytes_with_options (GBytes            *bytes,
                                                               const char        *display_name,
                                                               TanluTextEncoding  encoding,
                                                               char               separator,
                                                               GError           **error);
void              tanlu_csv_reader_free                       (TanluCsvReader    *self);
const char       *tanlu_csv_reader_get_display_name           (TanluCsvReader    *self);
TanluTextEncoding tanlu_csv_reader_get_encoding               (TanluCsvReader    *self);
char              tanlu_csv_reader_get_separator              (TanluCsvReader    *self);
gboolean          tanlu_csv_reader_next                       (TanluCsvReader    *self,
                                                               GError           **error);
guint             tanlu_csv_reader_get_n_fields               (TanluCsvReader    *self);
const char       *tanlu_csv_reader_get_field                  (TanluCsvReader    *self,
                                                               guint              index);
guint             tanlu_csv_reader_get_line                   (TanluCsvReader    *self);
double            tanlu_csv_reader_get_fraction               (TanluCsvReader    *self);

void              tanlu_csv_append_field                      (GString           *line,
                                                               const char        *text);
char             *tanlu_csv_format_double                     (double             value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluCsvReader, tanlu_csv_reader_free)

G_END_DECLS
