/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tanlu-import-report.h"
#include "store/tanlu-store-types.h"

G_BEGIN_DECLS

/**
 * TanluBoundaryReport:
 * @n_features: features in the file
 * @unknown_codes: (element-type utf8): codes that name no region in the
 *   registry, with where they are, such as “990000 (feature 12)”
 * @invalid: (element-type utf8): features that cannot be used, such as
 *   “Feature 3 (510100): Ring 2 has 2 points; a ring needs at least 4”,
 *   and problems with the file as a whole (not JSON, not a
 *   FeatureCollection, no features)
 * @duplicates: (element-type utf8): codes given more than once, such as
 *   “510100 (features 3 and 7)”
 * @n_replaced: regions whose boundary the file replaced; 0 unless it was
 *   imported
 *
 * What tanlu_boundaries_import() found in a file. A file
 * with any problem is rejected whole, so the lists are empty when it was
 * imported.
 */
typedef struct
{
  guint      n_features;
  GPtrArray *unknown_codes;
  GPtrArray *invalid;
  GPtrArray *duplicates;
  guint      n_replaced;
} TanluBoundaryReport;

void      tanlu_boundary_report_free      (TanluBoundaryReport       *report);
char     *tanlu_boundary_report_to_string (const TanluBoundaryReport *report);
gboolean  tanlu_boundaries_import         (TanluStore                *store,
                                           const char                *path,
                                           const char                *source_text,
                                           TanluImportProgressFunc    progress,
                                           gpointer                   user_data,
                                           GCancellable              *cancellable,
                                           TanluBoundaryReport      **report,
                                           GError                   **error);
gboolean  tanlu_boundaries_revert         (TanluStore                *store,
                                           guint                     *n_reverted,
                                           GError                   **error);
void      tanlu_boundaries_import_async   (GObject                   *source_object,
                                           const char                *db_path,
                                           const char                *path,
                                           const char                *source_text,
                                           TanluImportFilesProgress   progress,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data);
gboolean  tanlu_boundaries_import_finish  (GAsyncResult              *result,
                                           TanluBoundaryReport      **report,
                                           GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluBoundaryReport, tanlu_boundary_report_free)

G_END_DECLS
