/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

#define TANLU_IMPORT_ERROR (tanlu_import_error_quark ())

typedef enum
{
  TANLU_IMPORT_ERROR_UNKNOWN_FORMAT,
  TANLU_IMPORT_ERROR_UNEXPECTED_SHEET,
  TANLU_IMPORT_ERROR_UNEXPECTED_HEADER,
  TANLU_IMPORT_ERROR_NOT_A_NUMBER,
  TANLU_IMPORT_ERROR_MISSING_VALUE,
  TANLU_IMPORT_ERROR_UNKNOWN_REGION,
  TANLU_IMPORT_ERROR_UNKNOWN_INDICATOR,
  TANLU_IMPORT_ERROR_UNIT_MISMATCH,
  TANLU_IMPORT_ERROR_DUPLICATE,
  TANLU_IMPORT_ERROR_NO_DATA,
  TANLU_IMPORT_ERROR_BAD_ROW,
} TanluImportError;

typedef enum
{
  TANLU_IMPORT_STATUS_LANDED,
  TANLU_IMPORT_STATUS_FAILED,
  TANLU_IMPORT_STATUS_CANCELLED,
} TanluImportStatus;

/**
 * TanluImportReport:
 * @path: the file
 * @display_name: its base name, as messages show it
 * @kind: what the file was recognised as
 * @status: whether it landed
 * @n_values: values read from the file
 * @n_new: values that were not in the database before
 * @n_replaced: values that replaced a different earlier value (kept as revisions)
 * @n_missing: gaps in the file, left missing rather than stored as zero
 * @n_regions: regions the file has values for
 * @first_year: earliest year in the file
 * @last_year: latest year in the file
 * @unmatched: (element-type utf8): names that matched no region, with what was skipped
 * @warnings: (element-type utf8): problems that did not stop the import, such as
 *   inconsistent totals
 * @error: why the file did not land, when @status is not LANDED
 */
struct _TanluImportReport
{
  char              *path;
  char              *display_name;
  TanluImportKind    kind;
  TanluImportStatus  status;
  guint              n_values;
  guint              n_new;
  guint              n_replaced;
  guint              n_missing;
  guint              n_regions;
  guint              first_year;
  guint              last_year;
  GPtrArray         *unmatched;
  GPtrArray         *warnings;
  GError            *error;

  /*< private >*/
  GHashTable        *regions_seen;
  guint              last_region_code;
};

/**
 * TanluImportProgressFunc:
 * @fraction: how much of the current file is done, 0 to 1
 *
 * Called from the thread doing the import.
 */
typedef void (*TanluImportProgressFunc) (double   fraction,
                                         gpointer user_data);

/**
 * TanluImportFilesProgress:
 * @source_object: the object the import was started for
 * @file_index: the file being imported, counting from 0
 * @display_name: its name
 * @fraction: how much of it is done, 0 to 1
 *
 * Called on the thread-default main context of the caller.
 */
typedef void (*TanluImportFilesProgress) (GObject    *source_object,
                                          guint       file_index,
                                          guint       n_files,
                                          const char *display_name,
                                          double      fraction);

typedef struct _TanluProgressRelay TanluProgressRelay;

GQuark              tanlu_import_error_quark      (void);
TanluImportReport  *tanlu_import_report_new       (const char              *path);
void                tanlu_import_report_free      (TanluImportReport       *report);
void                tanlu_import_report_add_value (TanluImportReport       *report,
                                                   guint                    region_code,
                                                   guint                    year);
void                tanlu_import_report_warn      (TanluImportReport       *report,
                                                   const char              *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
char               *tanlu_import_report_describe  (TanluImportReport       *report);
const char         *tanlu_import_kind_describe    (TanluImportKind          kind);

TanluProgressRelay *tanlu_progress_relay_new      (GTask                   *task,
                                                   TanluImportFilesProgress progress);
void                tanlu_progress_relay_free     (TanluProgressRelay      *relay);
void                tanlu_progress_relay_set_file (TanluProgressRelay      *relay,
                                                   guint                    file_index,
                                                   guint                    n_files,
                                                   const char              *display_name);
void                tanlu_progress_relay_update   (double                   fraction,
                                                   gpointer                 relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluImportReport, tanlu_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluProgressRelay, tanlu_progress_relay_free)

G_END_DECLS
