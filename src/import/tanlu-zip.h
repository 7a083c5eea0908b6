/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TANLU_ZIP_ERROR (tanlu_zip_error_quark ())

/**
 * TanluZipError:
 * @TANLU_ZIP_ERROR_NOT_ZIP: the data is not a zip archive
 * @TANLU_ZIP_ERROR_CORRUPT: the archive is damaged or truncated
 * @TANLU_ZIP_ERROR_UNSUPPORTED: an entry is encrypted or compressed in a
 *   way other than stored or deflated
 * @TANLU_ZIP_ERROR_TOO_LARGE: over a limit on entries or sizes
 *
 * Messages say what is wrong, without naming the archive.
 */
typedef enum
{
  TANLU_ZIP_ERROR_NOT_ZIP,
  TANLU_ZIP_ERROR_CORRUPT,
  TANLU_ZIP_ERROR_UNSUPPORTED,
  TANLU_ZIP_ERROR_TOO_LARGE,
} TanluZipError;

/* More entries than any workbook has. */
#define TANLU_ZIP_MAX_ENTRIES 200000

/**
 * TanluZipChunkFunc:
 *
 * Receives an entry's data, a piece at a time. Return %FALSE to stop.
 */
typedef gboolean (*TanluZipChunkFunc) (const char *data,
                                       gsize       length,
                                       gpointer    user_data);

typedef struct _TanluZip TanluZip;

GQuark      tanlu_zip_error_quark       (void);
TanluZip   *tanlu_zip_new               (GBytes            *bytes,
                                         GError           **error);
void        tanlu_zip_free              (TanluZip          *self);
guint       tanlu_zip_get_n_entries     (TanluZip          *self);
const char *tanlu_zip_get_entry_name    (TanluZip          *self,
                                         guint              index);
guint64     tanlu_zip_get_entry_size    (TanluZip          *self,
                                         guint              index);
gboolean    tanlu_zip_read_entry        (TanluZip          *self,
                                         guint              index,
                                         TanluZipChunkFunc  func,
                                         gpointer           user_data,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TanluZip, tanlu_zip_free)

G_END_DECLS
